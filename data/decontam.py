"""13-gram decontamination: drop any training text that shares a 13-word sequence with an evaluation split.

    from data.decontam import Decontaminator
    dec = Decontaminator.from_eval_splits()          # GSM8K/ARC/OBQA/MathQA/SciQ/WikiText-2 test, eval dev prompts
    dec.add(held_out_texts, "mathdial/held_out")     # any held-out split another capability creates
    dec.is_contaminated(text); dec.match(text)       # -> bool; -> the split it overlaps, or None
    kept, dropped = dec.filter(records)              # records with "text" and "source"; dropped counts per source

Used on pretraining data (data.prepare) and on SFT data (sft.py): one filter for both, as ARCHITECTURE.md requires.
Texts are compared as lowercase alphanumeric words, so punctuation, spacing and WikiText's ' @-@ ' do not hide a
match. An evaluation item shorter than 13 words (a short ARC question with its answer) is matched as a whole
sequence when it has at least MIN_WORDS words; shorter ones are too generic to mean contamination.
Grams are stored as sorted 64-bit hashes in numpy (stable across processes, ~8 bytes per gram).
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Iterable

import numpy as np

from common import shared_data_dir
from data.sources import eval_texts

N = 13
MIN_WORDS = 8
PRIME = np.uint64(1099511628211)  # the 64-bit FNV prime: odd, so the polynomial mixes every word
WORDS = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return WORDS.findall(unicodedata.normalize("NFKC", text).lower())


@functools.lru_cache(maxsize=1 << 20)
def word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def word_hashes(tokens: list[str]) -> np.ndarray:
    return np.fromiter((word_hash(w) for w in tokens), dtype=np.uint64, count=len(tokens))


def gram_hashes(per_word: np.ndarray, n: int) -> np.ndarray:
    """Stable 64-bit hashes of every n-word window: a polynomial over per-word blake2b hashes, mod 2**64.

    Vectorised over windows (n multiply-adds of whole arrays), so a long document costs little more than its words.
    """
    count = len(per_word) - n + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    out = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrap-around is the mod 2**64
        for k in range(n):
            out = out * PRIME + per_word[k:k + count]
    return out


class Decontaminator:
    """A set of n-gram hashes from evaluation texts, each remembered with the split it came from."""

    def __init__(self, n: int = N, min_words: int = MIN_WORDS):
        self.n, self.min_words = n, min_words
        self.splits: list[str] = []
        self._parts: dict[int, list[tuple[np.ndarray, int]]] = {}  # window length -> [(hashes, split index)]
        self._tables: dict[int, tuple[np.ndarray, np.ndarray]] | None = None

    @classmethod
    def from_eval_splits(cls, root: Path | None = None, n: int = N, present_only: bool = False) -> "Decontaminator":
        """Every evaluation split we report, read from the mirror (default: common.shared_data_dir()); see
        data.sources.eval_files for `present_only`."""
        dec = cls(n)
        for split, text in eval_texts(root or shared_data_dir(), present_only):
            dec.add([text], split)
        return dec

    def add(self, texts: Iterable[str], split: str) -> None:
        """Register evaluation texts under a split name."""
        if split not in self.splits:
            self.splits.append(split)
        index = self.splits.index(split)
        for text in texts:
            per_word = word_hashes(words(text))
            length = min(len(per_word), self.n)
            if length >= self.min_words:
                self._parts.setdefault(length, []).append((gram_hashes(per_word, length), index))
        self._tables = None

    def tables(self) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """Per window length: sorted unique hashes and the split index of each (built lazily after add)."""
        if self._tables is None:
            self._tables = {}
            for length, parts in self._parts.items():
                hashes = np.concatenate([h for h, _ in parts])
                owner = np.concatenate([np.full(len(h), i, dtype=np.int32) for h, i in parts])
                hashes, first = np.unique(hashes, return_index=True)
                self._tables[length] = (hashes, owner[first])
        return self._tables

    def match(self, text: str) -> str | None:
        """The first evaluation split the text shares a window with, or None."""
        per_word = word_hashes(words(text))
        for length, (hashes, owner) in sorted(self.tables().items(), reverse=True):
            if len(per_word) < length:
                continue
            query = gram_hashes(per_word, length)
            pos = np.searchsorted(hashes, query).clip(max=len(hashes) - 1)
            hit = np.nonzero(hashes[pos] == query)[0]
            if len(hit):
                return self.splits[owner[pos[hit[0]]]]
        return None

    def is_contaminated(self, text: str) -> bool:
        return self.match(text) is not None

    def filter(self, records: Iterable[dict]) -> tuple[list[dict], Counter]:
        """Keep clean records; count the dropped ones per source (the key is record['source'])."""
        kept, dropped = [], Counter()
        for rec in records:
            if self.is_contaminated(rec["text"]):
                dropped[rec.get("source", "?")] += 1
            else:
                kept.append(rec)
        return kept, dropped

    def __len__(self) -> int:
        return sum(len(h) for h, _ in self.tables().values())
