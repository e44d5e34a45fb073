"""Token shards on disk: flat uint16/uint32 files that train.py memory-maps, plus the manifest that vouches for them.

Layout of a build directory (written by data.prepare, read by train.py):
    manifest.json          written last and atomically; {"complete": true, "dtype", "tokenizer", "inputs", "splits"}
    train-00000.bin        raw tokens, native little-endian, documents back to back, each ending with eos
    train-00000.idx        uint64 end offset of every document in that shard (the document boundaries)
    val-00000.bin / .idx

    from data.shards import load_split
    shards = load_split("out/data/default", "train", fingerprint=tok.fingerprint)  # -> [np.memmap, ...]

A build first deletes the old manifest, so a crash half way never leaves a manifest that claims complete shards.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from common import MissingDataError, atomic_write_bytes, atomic_write_json

MANIFEST = "manifest.json"
SHARD_TOKENS = 1 << 26  # 64M tokens: 128 MB of uint16 per file, small enough to copy, large enough to be few


def token_dtype(vocab_size: int) -> str:
    """uint16 while every id fits (vocab < 65536, halving disk and page cache), else uint32."""
    return "uint16" if vocab_size <= 1 << 16 else "uint32"


class ShardWriter:
    """Append documents (token ids ending with eos); whole documents go to numbered shard files."""

    def __init__(self, directory: str | Path, split: str, dtype: str, shard_tokens: int = SHARD_TOKENS):
        self.directory, self.split = Path(directory), split
        self.dtype, self.shard_tokens = np.dtype(dtype), shard_tokens
        self.directory.mkdir(parents=True, exist_ok=True)
        self.limit = np.iinfo(self.dtype).max
        self.shards: list[dict] = []
        self._docs: list[np.ndarray] = []
        self._tokens = 0

    def add(self, ids: Sequence[int]) -> None:
        doc = np.asarray(ids, dtype=np.int64)
        if len(doc) == 0:
            raise ValueError(f"{self.split}: empty document (every document must end with eos)")
        if doc.min() < 0 or doc.max() > self.limit:
            raise ValueError(f"{self.split}: token id {int(doc.max())} does not fit {self.dtype.name}")
        self._docs.append(doc.astype(self.dtype))
        self._tokens += len(doc)
        if self._tokens >= self.shard_tokens:
            self.flush()

    def flush(self) -> None:
        if not self._docs:
            return
        stem = f"{self.split}-{len(self.shards):05d}"
        ends = np.cumsum([len(d) for d in self._docs], dtype=np.uint64)
        atomic_write_bytes(self.directory / f"{stem}.bin", np.concatenate(self._docs).tobytes())
        atomic_write_bytes(self.directory / f"{stem}.idx", ends.tobytes())
        self.shards.append({"file": f"{stem}.bin", "index": f"{stem}.idx", "tokens": int(ends[-1]),
                            "documents": len(self._docs)})
        self._docs, self._tokens = [], 0

    def close(self) -> dict:
        """Flush the last shard; returns this split's manifest entry."""
        self.flush()
        return {"shards": self.shards, "tokens": sum(s["tokens"] for s in self.shards),
                "documents": sum(s["documents"] for s in self.shards)}


def start_build(directory: str | Path) -> Path:
    """Remove the manifest and old shard files before writing any new shard."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / MANIFEST).unlink(missing_ok=True)
    for old in [*directory.glob("*.bin"), *directory.glob("*.idx")]:
        old.unlink()
    return directory


def finish_build(directory: str | Path, manifest: dict) -> dict:
    """The last step of a build: the manifest, atomically, marked complete (and returned as written)."""
    manifest = {**manifest, "complete": True}
    atomic_write_json(Path(directory) / MANIFEST, manifest)
    return manifest


def read_manifest(directory: str | Path) -> dict:
    path = Path(directory) / MANIFEST
    if not path.is_file():
        raise MissingDataError(f"{path}: no manifest (no token shards here): build them with "
                               f"`.venv/bin/python -m data.prepare` (README, \"Data\": what a fresh clone can build)")
    try:
        manifest = json.loads(path.read_text())
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}:{e.lineno}: corrupt manifest ({e.msg})") from None
    if manifest.get("complete") is not True:
        raise ValueError(f"{path}: build is incomplete; run `python -m data.prepare` again")
    return manifest


def split_entry(directory: str | Path, split: str, fingerprint: str | None = None) -> tuple[dict, dict]:
    """(manifest, its entry for `split`), checking completeness and the tokenizer fingerprint."""
    manifest = read_manifest(directory)
    if fingerprint is not None and manifest["tokenizer"]["fingerprint"] != fingerprint:
        used = manifest["tokenizer"]
        raise ValueError(f"{Path(directory) / MANIFEST}: shards were tokenized with {used['name']!r} "
                         f"(fingerprint {used['fingerprint']}), not the tokenizer given ({fingerprint})")
    if split not in manifest["splits"]:
        raise KeyError(f"{Path(directory) / MANIFEST}: no split {split!r} (have {sorted(manifest['splits'])})")
    return manifest, manifest["splits"][split]


def load_split(directory: str | Path, split: str, fingerprint: str | None = None) -> list[np.memmap]:
    """Read-only memory maps of a split's shards; raises on a missing/incomplete manifest or tokenizer mismatch."""
    manifest, entry = split_entry(directory, split, fingerprint)
    dtype = np.dtype(manifest["dtype"])
    maps = []
    for shard in entry["shards"]:
        path = Path(directory) / shard["file"]
        expected = shard["tokens"] * dtype.itemsize
        if not path.is_file() or path.stat().st_size != expected:
            raise ValueError(f"{path}: missing or truncated (expected {expected} bytes from the manifest)")
        maps.append(np.memmap(path, dtype=dtype, mode="r"))
    return maps


def iter_documents(directory: str | Path, split: str, fingerprint: str | None = None) -> Iterator[np.ndarray]:
    """Each document's tokens (eos included), in order, using the stored boundaries."""
    _, entry = split_entry(directory, split, fingerprint)
    for shard, tokens in zip(entry["shards"], load_split(directory, split, fingerprint)):
        start = 0
        for end in np.fromfile(Path(directory) / shard["index"], dtype=np.uint64):
            yield tokens[start:int(end)]
            start = int(end)
