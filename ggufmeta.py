"""The GGUF container's header and key/value metadata, without torch.

A GGUF file (v2/v3) starts with its metadata: tokenizer.py reads a vocabulary and merges from it, and weights.py's
`GGUFReader` goes on from where it ends to the tensor infos and tensor bytes. It lives in its own small file so that
the tokenizer (and everything that only tokenizes, such as agent.py and data.prepare) does not load torch, which
weights.py needs for tensors.
"""
from __future__ import annotations

import mmap
import struct
from pathlib import Path
from typing import Any

GGUF_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
GGUF_STRING, GGUF_ARRAY = 8, 9


class GGUFError(ValueError):
    """A GGUF file we cannot read; the message names the file and the field or tensor."""


class GGUFMetaReader:
    """Reads the header and key/value metadata of a GGUF file (v2/v3); GGUFReader extends it to tensors."""

    def __init__(self, data: memoryview, where: str):
        self.data, self.pos, self.where, self.field = data, 0, where, "header"

    def take(self, n: int) -> memoryview:
        if self.pos + n > len(self.data):
            raise GGUFError(f"{self.where}: truncated file while reading {self.field}")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def scalar(self, fmt: str) -> Any:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]

    def string(self) -> str:
        return bytes(self.take(self.scalar("<Q"))).decode("utf-8", errors="replace")

    def value(self, kind: int) -> Any:
        if kind in GGUF_SCALARS:
            return self.scalar(GGUF_SCALARS[kind])
        if kind == GGUF_STRING:
            return self.string()
        if kind == GGUF_ARRAY:
            item_kind, count = self.scalar("<I"), self.scalar("<Q")
            if item_kind in GGUF_SCALARS:
                fmt = GGUF_SCALARS[item_kind]
                size = struct.calcsize(fmt)
                return list(struct.unpack(f"<{count}{fmt[1]}", self.take(size * count)))
            return [self.value(item_kind) for _ in range(count)]
        raise GGUFError(f"{self.where}: unknown GGUF value type {kind} in {self.field}")

    def read(self) -> dict[str, Any]:
        if bytes(self.take(4)) != b"GGUF":
            raise GGUFError(f"{self.where}: not a GGUF file (bad magic)")
        version = self.scalar("<I")
        if version not in (2, 3):
            raise GGUFError(f"{self.where}: GGUF version {version} is not supported (2 or 3)")
        meta: dict[str, Any] = {"GGUF.version": version, "GGUF.tensor_count": self.scalar("<Q")}
        for index in range(self.scalar("<Q")):
            self.field = f"metadata key #{index}"
            key = self.string()
            self.field = f"metadata value {key!r}"
            meta[key] = self.value(self.scalar("<I"))
        meta["GGUF.metadata_end"] = self.pos
        return meta


def read_gguf_metadata(path: str | Path) -> dict[str, Any]:
    """All key/value metadata of a GGUF file, plus GGUF.version, GGUF.tensor_count and GGUF.metadata_end (offset)."""
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        view = memoryview(mm)
        try:
            return GGUFMetaReader(view, str(path)).read()
        finally:
            view.release()
