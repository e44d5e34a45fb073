"""Build the pretraining data: sources -> clean -> subject/grade tags -> dedup -> decontaminate -> parquet + card
-> token shards. Each stage is skipped when its inputs are unchanged.

    .venv/bin/python -m data.prepare                          # default sources from the data root, SmolLM2 tokenizer
    .venv/bin/python -m data.prepare --sources=corpus --name=corpus   # the authored corpus alone (fresh clone)
    .venv/bin/python -m data.prepare --data=/mirror --tokenizer=out/tok/tokenizer.json --workers=8 --val_fraction=0.02
    .venv/bin/python -m data.prepare --sources=corpus,cosmopedia --data=/mirror   # Cosmopedia parquet under /mirror

The data root is --data, else $NANOTUTOR_DATA, else out/mirror (`python -m data.download`), else ../shared/data.
The authored corpus alone needs no download: it is checked against whichever evaluation splits are present
(a full build needs all of them, and names the download command when one is missing).

Output, in out/data/<name>/ (or --out):
    records/{train,val}-NNNNN.parquet  one schema {id, source, licence, subject, grade_band, instruction, input,
                                       response, text}; loads with datasets.load_dataset("parquet", data_files=...)
    records/README.md                  dataset card: counts per source, subject and grade band, licences, drops
    manifest.json + {train,val}-NNNNN.{bin,idx}   token shards (see data/shards.py), manifest written last

Re-running with the same source files, settings, pipeline code and tokenizer does nothing; changing any of them
rebuilds what depends on it. The train/val split is by document, decided by a hash of (seed, id).
"""
from __future__ import annotations

import hashlib
import io
import multiprocessing
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

from common import (MissingDataError, atomic_write_bytes, atomic_write_json, atomic_write_text, get_logger, out_dir,
                    parse_config, read_json, sha256_file, shared_data_dir, smollm2_gguf)
from data.card import dataset_card
from data.clean import clean_record, dedup
from data.decontam import Decontaminator
from data.shards import MANIFEST, SHARD_TOKENS, ShardWriter, finish_build, start_build, token_dtype
from data.sources import SOURCES, eval_files, source_files
from data.subjects import tag_subject
from tokenizer import load_tokenizer

DEFAULT_SOURCES = "corpus,gsm8k,mathqa,arc,openbookqa,wikitext2,children_stories,openstax_physics"
FIELDS = ("id", "source", "licence", "subject", "grade_band", "instruction", "input", "response", "text")
SPLITS = ("train", "val")
ROWS_PER_PARQUET = 50_000
CODE = [Path(__file__).parent / f
        for f in ("sources.py", "clean.py", "subjects.py", "decontam.py", "card.py", "prepare.py")]
log = get_logger("data.prepare")


@dataclass
class PrepareConfig:
    name: str = "default"  # build directory out/data/<name>
    out: str = ""  # explicit build directory (overrides name)
    sources: str = DEFAULT_SOURCES  # comma-separated names from data.sources.SOURCES
    data: str = ""  # mirror root; default common.shared_data_dir()
    tokenizer: str = ""  # anything tokenizer.load_tokenizer reads; default SmolLM2's GGUF
    val_fraction: float = 0.05
    seed: int = 1337
    near_dup_threshold: float = 0.8
    workers: int = 2
    shard_tokens: int = SHARD_TOKENS


# ----------------------------------------------------------------------------- inputs and cache keys


def input_hashes(cfg: PrepareConfig, root: Path) -> dict[str, str]:
    """Everything the records depend on: source and evaluation files, pipeline code, settings."""
    names = source_names(cfg)
    files = {f"{n}:{p.relative_to(root) if p.is_relative_to(root) else p.name}": p
             for n in names for p in source_files(root, n)}
    evals = {f"eval:{split}": path for split, (path, _) in eval_files(root).items()}
    missing = [path for path in evals.values() if not path.is_file()]
    if missing and not repo_only(names):
        sources = ",".join(sorted({p.relative_to(root).parts[0] for p in missing}))
        raise MissingDataError(f"evaluation split(s) missing: {', '.join(map(str, missing))}; decontamination needs "
                               f"all of them: get them with `.venv/bin/python -m data.download --sources={sources}` "
                               f"(or set NANOTUTOR_DATA or --data)")
    if missing:
        log.warning("evaluation splits absent: the authored sources are checked against the present ones only",
                    extra={"fields": {"missing": [str(p) for p in missing]}})
    files |= {key: path for key, path in evals.items() if path.is_file()}
    files |= {f"code:{p.name}": p for p in CODE}
    hashes = {key: sha256_file(path) for key, path in sorted(files.items())}
    settings = {k: v for k, v in asdict(cfg).items() if k in ("sources", "val_fraction", "seed", "near_dup_threshold")}
    hashes["settings"] = hashlib.sha256(repr(sorted(settings.items())).encode()).hexdigest()
    return hashes


def repo_only(names: list[str]) -> bool:
    """Only sources shipped in the repository (data/corpus): text we wrote, which no benchmark contains."""
    return all(SOURCES[n].folder == "" for n in names)


def source_names(cfg: PrepareConfig) -> list[str]:
    names = [n.strip() for n in cfg.sources.split(",") if n.strip()]
    unknown = [n for n in names if n not in SOURCES]
    if unknown:
        raise KeyError(f"--sources: unknown source(s) {unknown}; known: {sorted(SOURCES)}")
    return names


def split_of(record_id: str, seed: int, val_fraction: float) -> str:
    """Deterministic per document: a hash of (seed, id) against the validation fraction."""
    h = int.from_bytes(hashlib.blake2b(f"{seed}:{record_id}".encode(), digest_size=8).digest(), "little")
    return "val" if h / 2**64 < val_fraction else "train"


# ----------------------------------------------------------------------------- records stage

def tag(rec: dict, fixed_subject: str | None) -> dict:
    """Fill subject and grade band from data.subjects (a source's fixed subject and given band win)."""
    subject, _, band = tag_subject(rec["text"])
    return rec | {"subject": fixed_subject or rec["subject"] or subject, "grade_band": rec["grade_band"] or band}


def build_records(cfg: PrepareConfig, root: Path) -> tuple[dict[str, list[dict]], dict[str, Counter]]:
    """All selected sources through clean, tag, off-curriculum filter, dedup and decontamination."""
    stats: dict[str, Counter] = {k: Counter() for k in ("parsed", "off_topic", "exact_dup", "near_dup", "contaminated")}
    records = []
    for name in source_names(cfg):
        source = SOURCES[name]
        for rec in source.parse(root):
            stats["parsed"][name] += 1
            rec = tag(clean_record(rec), source.subject)
            if rec["subject"] is None or not rec["text"]:
                stats["off_topic"][name] += 1
                continue
            records.append(rec)
    records, stats["exact_dup"], stats["near_dup"] = dedup(records, cfg.near_dup_threshold)
    decontaminator = Decontaminator.from_eval_splits(root, present_only=repo_only(source_names(cfg)))
    records, stats["contaminated"] = decontaminator.filter(records)
    splits: dict[str, list[dict]] = {s: [] for s in SPLITS}
    for rec in records:
        splits[split_of(rec["id"], cfg.seed, cfg.val_fraction)].append(rec)
    return splits, stats


def write_parquet(directory: Path, split: str, records: list[dict]) -> list[str]:
    """Rows in files of ROWS_PER_PARQUET, each written atomically."""
    schema = pa.schema([(f, pa.string()) for f in FIELDS])
    names = []
    for n, start in enumerate(range(0, max(len(records), 1), ROWS_PER_PARQUET)):
        rows = records[start:start + ROWS_PER_PARQUET]
        table = pa.Table.from_pylist([{f: r[f] for f in FIELDS} for r in rows], schema=schema)
        buffer = io.BytesIO()
        pq.write_table(table, buffer)
        names.append(f"{split}-{n:05d}.parquet")
        atomic_write_bytes(directory / names[-1], buffer.getvalue())
    return names


def records_stage(cfg: PrepareConfig, root: Path, build: Path, inputs: dict[str, str]) -> dict[str, list[dict]]:
    """Build (or reuse) records/*.parquet and the dataset card; the stamp is written last."""
    directory = build / "records"
    stamp = directory / "stamp.json"
    if stamp.is_file() and read_json(stamp).get("inputs") == inputs:
        log.info("records up to date", extra={"fields": {"dir": str(directory)}})
        return {s: pq.read_table([directory / f for f in read_json(stamp)["files"][s]]).to_pylist() for s in SPLITS}
    stamp.unlink(missing_ok=True)
    for old in directory.glob("*.parquet"):
        old.unlink()
    directory.mkdir(parents=True, exist_ok=True)
    splits, stats = build_records(cfg, root)
    files = {s: write_parquet(directory, s, recs) for s, recs in splits.items()}
    atomic_write_text(directory / "README.md", dataset_card(cfg.name, splits, stats, files))
    atomic_write_json(stamp, {"inputs": inputs, "files": files, "counts": {s: len(r) for s, r in splits.items()},
                              "stats": {k: dict(v) for k, v in stats.items()}})
    log.info("records built", extra={"fields": {"dir": str(directory), **{s: len(r) for s, r in splits.items()},
                                                "contaminated": dict(stats["contaminated"])}})
    return splits


# ----------------------------------------------------------------------------- tokenize stage

_worker_tok: Any = None


def _init_worker(tok: Any) -> None:
    global _worker_tok
    _worker_tok = tok


def _encode_batch(texts: list[str]) -> list[list[int]]:
    return [_worker_tok.encode(t) + [_worker_tok.eos_id] for t in texts]


def encode_all(texts: list[str], tok: Any, workers: int, desc: str = "tokenize") -> Iterable[list[int]]:
    """Token ids (eos appended) per text, in order, over `workers` processes with a progress bar.

    Workers are forked, so the tokenizer object is inherited rather than pickled.
    """
    batches = [texts[i:i + 64] for i in range(0, len(texts), 64)]
    with tqdm(total=len(texts), desc=desc, unit="doc", disable=None) as bar:
        if workers <= 1:
            _init_worker(tok)
            for batch in map(_encode_batch, batches):
                bar.update(len(batch))
                yield from batch
            return
        # imap keeps document order; leaving the with-block (done, or an error) terminates the workers
        with multiprocessing.get_context("fork").Pool(workers, initializer=_init_worker, initargs=(tok,)) as pool:
            for batch in pool.imap(_encode_batch, batches):
                bar.update(len(batch))
                yield from batch


def tokenizer_info(tok: Any, path: str) -> dict:
    return {"fingerprint": tok.fingerprint, "name": getattr(tok, "name", None) or Path(path).name,
            "vocab_size": tok.vocab_size, "eos_id": tok.eos_id}


def shards_up_to_date(build: Path, inputs: dict[str, str], fingerprint: str) -> bool:
    path = build / MANIFEST
    if not path.is_file():
        return False
    manifest = read_json(path)
    return manifest.get("complete") is True and manifest.get("inputs") == inputs \
        and manifest.get("tokenizer", {}).get("fingerprint") == fingerprint


def tokenize_stage(cfg: PrepareConfig, build: Path, splits: dict[str, list[dict]], tok: Any, tok_path: str,
                   inputs: dict[str, str]) -> dict:
    """Write every split's shards, then the manifest (last, atomically)."""
    start_build(build)
    dtype = token_dtype(tok.vocab_size)
    entries = {}
    for split in SPLITS:
        writer = ShardWriter(build, split, dtype, cfg.shard_tokens)
        for ids in encode_all([r["text"] for r in splits[split]], tok, cfg.workers, desc=f"tokenize {split}"):
            writer.add(ids)
        entries[split] = writer.close()
    manifest = {"dtype": dtype, "tokenizer": tokenizer_info(tok, tok_path), "inputs": inputs, "splits": entries}
    manifest = finish_build(build, manifest)
    log.info("shards built", extra={"fields": {"dir": str(build), **{s: e["tokens"] for s, e in entries.items()}}})
    return manifest


# ----------------------------------------------------------------------------- entry point

def prepare(cfg: PrepareConfig, tok: Any = None) -> dict:
    """Run the pipeline; returns the shard manifest. `tok` defaults to load_tokenizer(cfg.tokenizer or SmolLM2)."""
    root = Path(cfg.data) if cfg.data else shared_data_dir()
    build = Path(cfg.out) if cfg.out else out_dir("data", cfg.name)
    tok_path = cfg.tokenizer or str(smollm2_gguf())
    if tok is None:
        tok = load_tokenizer(tok_path)
    inputs = input_hashes(cfg, root)
    if shards_up_to_date(build, inputs, tok.fingerprint):
        log.info("shards up to date, nothing to do", extra={"fields": {"dir": str(build)}})
        return read_json(build / MANIFEST)
    (build / MANIFEST).unlink(missing_ok=True)  # from here on the old shards no longer match the inputs
    splits = records_stage(cfg, root, build, inputs)
    return tokenize_stage(cfg, build, splits, tok, tok_path, inputs)


def main(argv: list[str] | None = None) -> None:
    manifest = prepare(parse_config(PrepareConfig, argv))
    for split, entry in manifest["splits"].items():
        print(f"{split}: {entry['documents']} documents, {entry['tokens']} tokens")


if __name__ == "__main__":
    main()
