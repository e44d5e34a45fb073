"""Retrieval speed: our MiniLM encoder against `transformers` on real chunks, and FAISS flat vs HNSW at 100k vectors.

1. Embedding throughput (chunks/s) on about 1k real OpenStax chunks (ingest.py's chunker, 200 tokens max): ours
   (WordPiece + hand-written BERT) and the reference (`tokenizers` + `transformers.BertModel`), same batching
   (length-sorted, batch 32), same run, alternated `repeats` times keeping each one's best time (model loading is
   not timed); the largest difference between the two embeddings is printed too.
2. Top-3 search latency p50/p99 for one query at a time, over 100k unit vectors, for `IndexFlatIP` (exact) and
   HNSW (M=32, efConstruction 200 or --ef_construction, efSearch 64/128/256), plus HNSW's recall@3 against flat.
   The 100k vectors are the real chunk embeddings plus samples of a Gaussian fitted to them (renormalised), because
   embedding 100k real chunks takes hours on 2 cores; the queries are real embeddings of other chunks.
   Goal: p99 < 10 ms, recall@3 >= 0.95.
The last line is ratio = our throughput / the reference's.

    .venv/bin/python -m bench.retrieval [--n_chunks=1000] [--n_vectors=100000] [--n_queries=500]
        [--repeats=2] [--threads=1]
"""
from __future__ import annotations

import sys
from pathlib import Path

# Replace bench/ on the path by the repo root before anything imports `tokenize`: bench/tokenize.py would shadow it.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import json  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import faiss  # noqa: E402
import numpy as np  # noqa: E402
import tokenizers  # noqa: E402  the reference (requirements-dev.txt)
import torch  # noqa: E402
import transformers  # noqa: E402  the reference (requirements-dev.txt)

import ingest  # noqa: E402
from common import minilm_dir, parse_config, timed  # noqa: E402
from retrieval import Embedder, Index, length_batches  # noqa: E402


@dataclass
class BenchConfig:
    n_chunks: int = 1000
    n_vectors: int = 100_000
    n_queries: int = 500
    batch_size: int = 32
    threads: int = 2
    ef_construction: int = 200
    repeats: int = 2  # alternate ours and the reference, keep each one's best: the machine is shared and noisy


def real_chunks(n: int, tok) -> list[str]:
    """Chunks of the OpenStax modules, spread over the whole book (every k-th chunk)."""
    path = ingest.openstax_modules()
    records = [json.loads(line) for line in path.read_text().splitlines()]
    sections = [s for r in records if r["chapter"] >= 1
                for s in ingest.markdown_sections(r["text"], r["title"], "Physics")]
    chunks = [c["text"] for s in sections for c in ingest.chunk_section(s, tok, 200, 40)]
    step = max(1, len(chunks) // n)
    return chunks[::step][:n]


class Reference:
    """`tokenizers` + `transformers.BertModel` with the same batching and pooling as ours."""

    def __init__(self):
        self.tok = tokenizers.Tokenizer.from_file(str(minilm_dir() / "tokenizer.json"))
        self.tok.enable_truncation(256)
        self.tok.no_padding()
        self.model = transformers.AutoModel.from_pretrained(str(minilm_dir())).eval()

    @torch.inference_mode()
    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        ids = [e.ids for e in self.tok.encode_batch(texts)]
        out = np.zeros((len(texts), 384), np.float32)
        for rows, batch, mask in length_batches(ids, batch_size):  # the same batches as ours: a fair comparison
            states = self.model(input_ids=batch, attention_mask=mask).last_hidden_state
            mean = (states * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            out[rows] = torch.nn.functional.normalize(mean, dim=-1).numpy()
        return out


def grow(vectors: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    """n unit vectors: the real ones, then samples of a Gaussian fitted to them (mean and a shrunk covariance),
    renormalised, so the filler spreads like real embeddings instead of forming near-duplicate clusters."""
    rng = np.random.default_rng(seed)
    mean = vectors.mean(0)
    cov = np.cov(vectors, rowvar=False)
    cov = 0.9 * cov + 0.1 * np.trace(cov) / len(cov) * np.eye(len(cov))  # shrinkage: few samples per dimension
    filler = rng.multivariate_normal(mean, cov, size=n - len(vectors), method="cholesky").astype(np.float32)
    filler /= np.linalg.norm(filler, axis=1, keepdims=True)
    return np.concatenate([vectors, filler]).astype(np.float32)


def latencies(index: Index, queries: np.ndarray) -> tuple[np.ndarray, list[list[int]]]:
    times, hits = [], []
    for q in queries:
        result, seconds = timed(index.search_vector, q, 3)
        times.append(seconds)
        hits.append([i for i, _ in result])
    return np.array(times) * 1000, hits


def main(argv: list[str]) -> None:
    cfg = parse_config(BenchConfig, argv)
    torch.set_num_threads(cfg.threads)
    embedder = Embedder()
    texts = real_chunks(cfg.n_chunks + cfg.n_queries, embedder.tokenizer)
    corpus, query_texts = texts[: cfg.n_chunks], texts[cfg.n_chunks:]
    tokens = sum(len(embedder.tokenizer.encode(t, max_len=256)) for t in corpus)
    reference = Reference()
    t_ours = t_ref = float("inf")
    for _ in range(cfg.repeats):
        ours, t = timed(embedder.encode, corpus, cfg.batch_size)
        t_ours = min(t_ours, t)
        ref, t = timed(reference.encode, corpus, cfg.batch_size)
        t_ref = min(t_ref, t)
    print(f"embedding {len(corpus)} chunks ({tokens / len(corpus):.0f} tokens avg): "
          f"ours {len(corpus) / t_ours:.1f} chunks/s, transformers {len(corpus) / t_ref:.1f} chunks/s; "
          f"max |diff| {np.abs(ours - ref).max():.2e}")
    queries = embedder.encode(query_texts) if query_texts else ours[: cfg.n_queries]
    one = [timed(embedder.encode, [t])[1] * 1000 for t in (query_texts or corpus)[:20]]
    print(f"query embedding, one chunk-length text at a time: p50 {np.percentile(one, 50):.1f} ms")

    vectors = grow(ours, cfg.n_vectors)
    chunks = [{"text": f"v{i}"} for i in range(len(vectors))]
    flat, t_flat = timed(lambda: Index(chunks, vectors))
    hnsw, t_hnsw = timed(lambda: Index(chunks, vectors, hnsw=True, ef_construction=cfg.ef_construction))
    faiss.omp_set_num_threads(1)  # one query at a time: threads only add overhead
    flat_ms, exact = latencies(flat, queries)
    print(f"flat top-3 over {len(vectors)} vectors: p50 {np.percentile(flat_ms, 50):.2f} ms  "
          f"p99 {np.percentile(flat_ms, 99):.2f} ms  (build {t_flat:.1f} s)")
    for ef in (64, 128, 256):
        hnsw.faiss.hnsw.efSearch = ef
        hnsw_ms, approx = latencies(hnsw, queries)
        recall = np.mean([len(set(a) & set(e)) / len(e) for a, e in zip(approx, exact)])
        print(f"hnsw efConstruction={cfg.ef_construction} efSearch={ef} top-3: "
              f"p50 {np.percentile(hnsw_ms, 50):.2f} ms  p99 {np.percentile(hnsw_ms, 99):.2f} ms  "
              f"recall@3 vs flat {recall:.3f} over {len(queries)} real queries  (build {t_hnsw:.1f} s)")
    print(f"ratio={(len(corpus) / t_ours) / (len(corpus) / t_ref):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
