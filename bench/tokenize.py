"""Tokenize-stage throughput: our data pipeline against Hugging Face `tokenizers`, same documents, same run.

Documents are the cleaned records of the staged sources (corpus, GSM8K, children's books, OpenStax, WikiText-2
valid), each followed by eos, as data.prepare writes them.
- ours: data.prepare.encode_all (tokenizer.py's SmolLM2 tokenizer in `workers` forked processes, tqdm off)
  plus data.shards.ShardWriter writing the uint16 shards: the whole tokenize stage
- reference: the same vocabulary and merges (from the GGUF) in `tokenizers`, laid out as SmolLM2's tokenizer.json
  (Digits + ByteLevel; built by bench/tokenizer.py's `reference_smollm2`), `encode_batch` on its Rust thread pool
  (RAYON_NUM_THREADS = workers), encoding only, nothing written. (transformers' own GGUF conversion leaves out the
  Digits step, so it splits "\n\n" before a digit differently from SmolLM2's real tokenizer.json.)
Token ids are compared document by document. The last line is `ratio=` our tokens/s over the reference's.

Run
    .venv/bin/python -m bench.tokenize                 # ~6 MB of text, about a minute on 2 cores
    .venv/bin/python -m bench.tokenize --max_mb=1 --workers=4
"""
import os
import sys

# Run as a script, this file's folder comes first on sys.path, where "tokenize.py" would shadow the standard
# library's tokenize module (imported by inspect, linecache, ...). Swap that entry for the repository root first.
sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402

from bench.tokenizer import first_megabytes, reference_smollm2  # noqa: E402
from common import parse_config, shared_data_dir, smollm2_gguf  # noqa: E402
from data.clean import clean_record  # noqa: E402
from data.prepare import encode_all  # noqa: E402
from data.shards import ShardWriter  # noqa: E402
from data.sources import SOURCES  # noqa: E402
from tokenizer import load_tokenizer  # noqa: E402

BENCH_SOURCES = ("corpus", "gsm8k", "children_stories", "openstax_physics", "wikitext2")


@dataclass
class BenchConfig:
    max_mb: float = 8.0
    workers: int = 2
    repeats: int = 2


def documents(max_mb: float) -> list[str]:
    return first_megabytes((clean_record(rec)["text"] for name in BENCH_SOURCES
                            for rec in SOURCES[name].parse(shared_data_dir())), max_mb)


def ours(texts: list[str], tok, workers: int) -> tuple[float, list[list[int]]]:
    os.environ["TQDM_DISABLE"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        writer = ShardWriter(tmp, "train", "uint16")
        ids = []
        for doc in encode_all(texts, tok, workers):
            writer.add(doc)
            ids.append(doc)
        writer.close()
        return time.perf_counter() - start, ids


def reference(texts: list[str], hf, eos: int) -> tuple[float, list[list[int]]]:
    start = time.perf_counter()
    ids = [e.ids + [eos] for e in hf.encode_batch(texts, add_special_tokens=False)]
    return time.perf_counter() - start, ids


def main(argv: list[str] | None = None) -> None:
    cfg = parse_config(BenchConfig, argv)
    os.environ["RAYON_NUM_THREADS"] = str(cfg.workers)  # read when tokenizers first starts its pool, not on import
    tok = load_tokenizer(smollm2_gguf())
    hf = reference_smollm2()
    texts = documents(cfg.max_mb)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{len(texts)} documents, {mb:.1f} MB, workers={cfg.workers}, best of {cfg.repeats}")
    our_time, our_ids = min((ours(texts, tok, cfg.workers) for _ in range(cfg.repeats)), key=lambda r: r[0])
    ref_time, ref_ids = min((reference(texts, hf, tok.eos_id) for _ in range(cfg.repeats)), key=lambda r: r[0])
    tokens = sum(len(d) for d in ref_ids)
    same = sum(list(a) == b for a, b in zip(our_ids, ref_ids))
    print(f"identical ids: {same}/{len(texts)} documents")
    print(f"ours (encode_all + shards): {tokens / our_time:,.0f} tokens/s ({our_time:.2f} s)")
    print(f"tokenizers encode_batch:    {tokens / ref_time:,.0f} tokens/s ({ref_time:.2f} s)")
    print(f"ratio={ref_time / our_time:.3f}")


if __name__ == "__main__":
    main()
