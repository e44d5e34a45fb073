"""The sentencepiece backend of tokenizer.py: a `.model` file (Llama-2/Mistral style) behind the same interface as
the byte-level BPE, encoded by the sentencepiece library, exported to a tokenizer.json that transformers loads with
identical ids.

sentencepiece's Python API does not expose every setting export needs (piece types, the normalizer spec), so the
model proto is read here with a few lines of the protobuf wire format rather than a protobuf dependency. Nothing
here imports a file of ours but common.py: tokenizer.py's `load_tokenizer` opens a `.model` with this class, and its
BPE export shares `added_tokens` from here.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable

import sentencepiece as spm

from common import atomic_write_bytes, atomic_write_json, atomic_write_text


class SentencePieceTokenizer:
    """A sentencepiece model (Llama-2/Mistral style) behind the same interface; sentencepiece does the encoding."""

    def __init__(self, path: str | Path):
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
        self.special = {self.sp.id_to_piece(i): i for i, kind in enumerate(kinds)
                        if kind in (SPM_UNKNOWN, SPM_CONTROL, SPM_USER)}
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
        """A `tokenizer.json` equal to this BPE model, as Hugging Face writes Llama-2's: byte fallback, "▁" for
        spaces.

        sentencepiece's BPE merges any two adjacent pieces whose concatenation is a piece, best score first, so the
        merges are every split of every piece, in piece order (ids follow score in a BPE model).
        """
        spec = spm_spec(self.model_bytes)
        where = f"{self.path} (sentencepiece)"
        if spec["model_type"] != SPM_BPE:
            raise ValueError(f"{where}: trainer_spec.model_type {spec['model_type']} is not BPE; "
                             "only BPE models export")
        if spec["normalizer"] != "identity" or spec["remove_extra_whitespaces"]:
            raise ValueError(f"{where}: normalizer_spec must be identity without remove_extra_whitespaces "
                             "(Llama-2 style) to export")
        kinds = spm_piece_types(self.model_bytes)
        pieces = [self.sp.id_to_piece(i) for i in range(self.vocab_size)]
        normal = {p: i for i, (p, kind) in enumerate(zip(pieces, kinds)) if kind == 1}
        merges = [[p[:k], p[k:]] for p in sorted(normal, key=normal.get) for k in range(1, len(p))
                  if p[:k] in normal and p[k:] in normal]
        normalizers = [{"type": "Prepend", "prepend": "\u2581"}] if spec["add_dummy_prefix"] else []
        normalizers.append({"type": "Replace", "pattern": {"String": " "}, "content": "\u2581"})
        strip = [{"type": "Strip", "content": " ", "start": 1, "stop": 0}] if spec["add_dummy_prefix"] else []
        return {
            "version": "1.0", "truncation": None, "padding": None,
            "added_tokens": added_tokens(self.special),
            "normalizer": {"type": "Sequence", "normalizers": normalizers},
            "pre_tokenizer": None, "post_processor": None,
            "decoder": {"type": "Sequence", "decoders": [
                {"type": "Replace", "pattern": {"String": "\u2581"}, "content": " "}, {"type": "ByteFallback"},
                {"type": "Fuse"}] + strip},
            "model": {"type": "BPE", "dropout": None,
                      "unk_token": pieces[self.unk_id] if self.unk_id is not None else None,
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
            "bos_token": names.get(self.bos_id), "eos_token": names.get(self.eos_id),
            "unk_token": names.get(self.unk_id), "pad_token": names.get(self.pad_id),
            "clean_up_tokenization_spaces": False, "model_max_length": 1 << 30})
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


def added_tokens(special: dict[str, int]) -> list[dict[str, Any]]:
    """tokenizer.json's `added_tokens`: every special, matched whole and never normalised. Both exports write it
    (this file's and tokenizer.py's BPE), so it lives in the lower of the two files."""
    return [{"id": i, "content": s, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False,
             "special": True} for s, i in sorted(special.items(), key=lambda kv: kv[1])]
