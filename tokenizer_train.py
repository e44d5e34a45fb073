"""Our byte-level BPE trainer (GPT-2 regex, ChatML specials) and the text it learns from, as nanochat's tok_train.py.

What it supports
- `train_bpe(texts, vocab_size)`: ids 0-255 are bytes, then merges in order, then the special tokens; the result is
  a tokenizer.Tokenizer, so it encodes through tiktoken and `save(dir)` writes a `tokenizer.json` that
  `transformers.AutoTokenizer` loads with identical ids
- `cached_bpe(vocab_size, texts)`: the same, cached under out/cache/ keyed by a hash of its inputs (the tests'
  `small_tokenizer` fixture)
- `training_texts(data_dir)`: a fixed slice of the staged stories + OpenStax text; `corpus_texts(dir)`: our lessons

Why a file of its own: tokenizer.py is what every later stage imports to encode, decode and render chats; training a
vocabulary is a separate step that runs once, before data.prepare, and nothing at run time needs it.

Run
    .venv/bin/python tokenizer_train.py --vocab_size=2048 --out=out/tokenizers/bpe2048   # staged stories + textbook
    .venv/bin/python tokenizer_train.py --vocab_size=2048 --corpus=data/corpus           # ... or on our own lessons
Tests: `.venv/bin/python -m pytest -q tests/test_tokenizer.py -k "train_bpe or small_tokenizer"`; bench/tokenizer.py
times it against Hugging Face `tokenizers`' BpeTrainer.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Iterable

import regex

from common import out_dir, parse_args, read_jsonl, require_data, shared_data_dir
from data.sources import read_text, strip_gutenberg
from tokenizer import CHATML_SPECIALS, GPT2_PATTERN, Tokenizer, load_tokenizer

TRAINER_VERSION = 1  # part of cached_bpe's cache key: bump it when train_bpe would produce different merges
PAIR_BITS = 20  # a pair (a, b) of ids below 2**20 is the int a << 20 | b: cheaper to hash and compare than a tuple
HEAP_SHIFT = 2 * PAIR_BITS


def train_bpe(texts: Iterable[str], vocab_size: int, special_tokens: tuple[str, ...] = CHATML_SPECIALS,
              pattern: str = GPT2_PATTERN, name: str = "nanotutor-bpe") -> Tokenizer:
    """Byte-level BPE trained on `texts`: ids 0-255 are bytes, then merges, then `special_tokens`.

    Counts pairs over unique pre-tokenized words (weighted by frequency), and after each merge updates only the
    words that contain the merged pair; a lazy max-heap picks the next pair (ties: lowest ids, so it is deterministic).
    A corpus too small for `vocab_size` stops early, when no pair occurs any more (check `tok.vocab_size`).
    """
    n_merges = vocab_size - 256 - len(special_tokens)
    if n_merges < 0:
        raise ValueError(f"vocab_size {vocab_size} is smaller than 256 bytes + {len(special_tokens)} specials")
    compiled = regex.compile(pattern)
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(compiled.findall(text))
    words = [list(w.encode("utf-8")) for w in counts]
    freq = list(counts.values())
    vocab: list[bytes] = [bytes([b]) for b in range(256)]
    pairs: Counter[int] = Counter()
    where: dict[int, set[int]] = {}
    for wi, word in enumerate(words):
        for a, b in zip(word, word[1:]):
            pairs[a << PAIR_BITS | b] += freq[wi]
            where.setdefault(a << PAIR_BITS | b, set()).add(wi)
    # heap items are -count << HEAP_SHIFT | pair: the smallest is the most frequent pair, then the lowest ids
    heap = [-c << HEAP_SHIFT | p for p, c in pairs.items()]
    heapq.heapify(heap)
    ids: dict[bytes, int] = {t: i for i, t in enumerate(vocab)}
    merges: list[tuple[bytes, bytes]] = []
    mask = (1 << HEAP_SHIFT) - 1
    while len(merges) < n_merges and heap:
        item = heapq.heappop(heap)
        pair, count = item & mask, -(item >> HEAP_SHIFT)
        current = pairs.get(pair, 0)
        if current != count:  # stale: the pair lost occurrences since this entry was pushed
            if current > 0:
                heapq.heappush(heap, -current << HEAP_SHIFT | pair)
            continue
        a, b = pair >> PAIR_BITS, pair & ((1 << PAIR_BITS) - 1)
        merged = vocab[a] + vocab[b]
        if merged in ids:
            new_id = ids[merged]  # the same bytes reached by another split: reuse the token
        else:
            new_id = ids[merged] = len(vocab)
            vocab.append(merged)
            merges.append((vocab[a], vocab[b]))
        for wi in list(where.get(pair, ())):
            merge_word(words, wi, a, b, new_id, freq[wi], pairs, where, heap)
    special = {s: len(vocab) + i for i, s in enumerate(special_tokens)}
    eos = special.get("<|endoftext|>")
    return Tokenizer(name=name, pattern=pattern, ranks=ids, special=special, bos_id=eos, eos_id=eos,
                     pad_id=special.get("<|pad|>", eos), vocab_size=len(vocab) + len(special))


def merge_word(words: list[list[int]], wi: int, a: int, b: int, new_id: int, weight: int,
               pairs: Counter, where: dict[int, set[int]], heap: list) -> None:
    """Replace the pair (a, b) by `new_id` in one word and move its pair counts from the old word to the new one.

    Only pairs that contain `new_id` can gain count, so only they are pushed; the others just go stale in the heap.
    """
    old = words[wi]
    new: list[int] = []
    i, n = 0, len(old)
    while i < n:
        if i + 1 < n and old[i] == a and old[i + 1] == b:
            new.append(new_id)
            i += 2
        else:
            new.append(old[i])
            i += 1
    for x, y in zip(old, old[1:]):
        p = x << PAIR_BITS | y
        pairs[p] -= weight
        where[p].discard(wi)
    for x, y in zip(new, new[1:]):
        p = x << PAIR_BITS | y
        pairs[p] += weight
        where.setdefault(p, set()).add(wi)
        if x == new_id or y == new_id:
            heapq.heappush(heap, -pairs[p] << HEAP_SHIFT | p)
    words[wi] = new


def cached_bpe(vocab_size: int, texts: list[str] | None = None) -> Tokenizer:
    """train_bpe on `texts` (default: training_texts()), cached under out/cache/ keyed by a hash of its inputs.

    The directory is written whole and renamed into place, so concurrent test runs never read half of one.
    """
    texts = training_texts() if texts is None else texts
    h = hashlib.sha256(json.dumps([TRAINER_VERSION, vocab_size, CHATML_SPECIALS, GPT2_PATTERN]).encode())
    for text in texts:
        h.update(hashlib.sha256(text.encode()).digest())
    final = out_dir("cache") / f"bpe{vocab_size}-{h.hexdigest()[:16]}"
    if (final / "tokenizer_config.json").exists():
        return load_tokenizer(final)
    tok = train_bpe(texts, vocab_size)
    tmp = Path(tempfile.mkdtemp(dir=final.parent, prefix=f".{final.name}."))
    tok.save(tmp)
    try:
        os.rename(tmp, final)
    except OSError:  # another process finished first: keep theirs
        shutil.rmtree(tmp, ignore_errors=True)
    return tok


def training_texts(data_dir: str | Path | None = None, max_bytes: int = 1_500_000) -> list[str]:
    """A fixed, deterministic slice of the staged data: children's stories (Gutenberg headers stripped) + OpenStax
    text."""
    root = Path(data_dir) if data_dir else shared_data_dir()
    require_data(root / "children_stories", "children_stories")
    # the TinyStories sample separates stories with a literal <|endoftext|>: keep specials out of the training text
    texts = [strip_gutenberg(read_text(p), p).replace("<|endoftext|>", "\n")
             for p in sorted((root / "children_stories").glob("*.txt"))]
    jsonl = require_data(root / "textbooks" / "openstax_physics" / "physics_modules_text.jsonl", "openstax_physics")
    texts += [obj["text"] for _, obj in read_jsonl(jsonl, ("text",))]
    kept, total = [], 0
    for text in texts:
        kept.append(text[: max(0, max_bytes - total)])
        total += len(kept[-1])
    return [t for t in kept if t]


def corpus_texts(directory: str | Path) -> list[str]:
    """Every .md and .txt file under `directory` (e.g. our authored lessons in data/corpus), in a fixed order."""
    paths = sorted(p for p in Path(directory).rglob("*") if p.suffix in (".md", ".txt"))
    if not paths:
        raise FileNotFoundError(f"{directory}: no .md or .txt files to train a tokenizer on")
    return [p.read_text(encoding="utf-8") for p in paths]


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    texts = corpus_texts(args["corpus"]) if args.get("corpus") else training_texts()
    tok = train_bpe(texts, int(args.get("vocab_size", 2048)))
    out = Path(args.get("out", out_dir("tokenizers") / f"bpe{tok.vocab_size}"))
    tok.save(out)
    print(f"saved {tok.vocab_size}-token tokenizer to {out} (fingerprint {tok.fingerprint[:12]})")


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except (ValueError, FileNotFoundError) as error:  # a too-small vocab_size, a missing corpus or staged data
        sys.exit(f"tokenizer_train.py: {error}")
