"""Text clean-up and duplicate removal for the pretraining records.

- `normalize_text`: Unicode NFKC, typographic quotes and dashes to ASCII, control characters and HTML/markdown
  markup removed, spaces collapsed inside lines, at most one blank line between paragraphs.
- `dedup`: exact duplicates (same normalised words) and near duplicates (MinHash over word 5-gram shingles,
  LSH banding, candidates confirmed by their true Jaccard similarity >= threshold). The first record wins,
  so the result depends only on the input order, never on hash seeds.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections import Counter, defaultdict

import numpy as np

ASCII = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
                       "\u2013": "-", "\u2014": " - ", "\u2212": "-", "\u00a0": " ", "\u2026": "...", "\ufeff": ""})
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029]")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
MD_EMPHASIS = re.compile(r"(\*\*|__)(\S.*?\S|\S)\1")
MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
SHINGLE = 5
NUM_PERM = 64
BANDS = 8  # 8 bands x 8 rows: pairs above ~0.77 Jaccard almost always share a band
MERSENNE = np.uint64((1 << 61) - 1)


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(ASCII)
    text = HTML_TAG.sub("", CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))
    text = MD_LINK.sub(r"\1", MD_EMPHASIS.sub(r"\2", text))
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def clean_record(rec: dict) -> dict:
    """Normalise every text field of a record."""
    return rec | {k: normalize_text(rec[k]) for k in ("instruction", "input", "response", "text")}


def shingles(text: str) -> set[int]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())}
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}


def permutations(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Fixed (a, b) for the hash family (a*x + b) mod (2**61 - 1); a < 2**32 so a*x never overflows 64 bits."""
    rng = np.random.default_rng(seed)
    return rng.integers(1, 1 << 32, NUM_PERM, dtype=np.uint64), rng.integers(0, 1 << 32, NUM_PERM, dtype=np.uint64)


def minhash(items: set[int], perms: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    a, b = perms
    x = np.fromiter(items, dtype=np.uint64, count=len(items))[:, None]
    return ((x * a[None, :] + b[None, :]) % MERSENNE).min(axis=0)


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / max(len(a | b), 1)


def dedup(records: list[dict], threshold: float = 0.8) -> tuple[list[dict], Counter, Counter]:
    """(kept, exact duplicates per source, near duplicates per source)."""
    perms = permutations()
    seen_exact: set[str] = set()
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    kept, kept_shingles = [], []
    exact, near = Counter(), Counter()
    rows = NUM_PERM // BANDS
    for rec in records:
        key = hashlib.blake2b(" ".join(re.findall(r"[a-z0-9]+", rec["text"].lower())).encode()).hexdigest()
        if key in seen_exact:
            exact[rec["source"]] += 1
            continue
        sh = shingles(rec["text"])
        sig = minhash(sh, perms)
        bands = [(i, sig[i * rows:(i + 1) * rows].tobytes()) for i in range(BANDS)]
        candidates = {j for band in bands for j in buckets.get(band, ())}
        if any(jaccard(sh, kept_shingles[j]) >= threshold for j in candidates):
            near[rec["source"]] += 1
            continue
        seen_exact.add(key)
        for band in bands:
            buckets[band].append(len(kept))
        kept.append(rec)
        kept_shingles.append(sh)
    return kept, exact, near
