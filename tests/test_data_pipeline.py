"""data.prepare end to end: parquet + card that `datasets` loads, token shards that decode back to the records,
cache invalidation (unchanged inputs do nothing; a changed tokenizer or source rebuilds), partial builds, errors."""
import json
import os
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import data.prepare as prep
from common import smollm2_gguf
from data.decontam import Decontaminator
from data.prepare import PrepareConfig, prepare, split_of
from data.shards import ShardWriter, finish_build, iter_documents, load_split, start_build, token_dtype
from data.sources import EVAL_SPLITS
from tokenizer import load_tokenizer


@pytest.fixture(scope="module")
def smol_tok():
    return load_tokenizer(smollm2_gguf())


@pytest.fixture(scope="module")
def build(tmp_path_factory, data_dir, smol_tok):
    out = tmp_path_factory.mktemp("build")
    cfg = PrepareConfig(out=str(out), sources="corpus,arc,children_stories", data=str(data_dir), workers=2,
                        val_fraction=0.1)
    return cfg, prepare(cfg, smol_tok)


def records(out: Path, split: str) -> list[dict]:
    return pq.read_table(sorted((out / "records").glob(f"{split}-*.parquet"))).to_pylist()


def test_manifest_and_records(build, smol_tok):
    cfg, manifest = build
    out = Path(cfg.out)
    assert manifest["complete"] is True and manifest["dtype"] == "uint16"
    assert manifest["tokenizer"] == {"fingerprint": smol_tok.fingerprint, "name": manifest["tokenizer"]["name"],
                                     "vocab_size": 49152, "eos_id": smol_tok.eos_id}
    train, val = records(out, "train"), records(out, "val")
    assert manifest["splits"]["train"]["documents"] == len(train) and manifest["splits"]["val"]["documents"] == len(val)
    assert {r["source"] for r in train} == {"corpus", "arc", "children_stories"}
    assert {r["subject"] for r in train} == {"math", "science", "reading"}
    assert not {r["id"] for r in train} & {r["id"] for r in val}  # split by document
    assert all(r["licence"] and r["grade_band"] in ("K-2", "3-5", "6-8", "9-12") for r in train + val)
    assert all(split_of(r["id"], cfg.seed, cfg.val_fraction) == "val" for r in val)
    stamp = json.loads((out / "records" / "stamp.json").read_text())
    assert stamp["stats"]["contaminated"]["arc"] > 0  # ARC train repeats some test stems: they are dropped
    dec = Decontaminator.from_eval_splits(Path(cfg.data))
    assert not any(dec.is_contaminated(r["text"]) for r in train + val)


def test_shards_decode_back_to_the_records(build, smol_tok):
    cfg, manifest = build
    for split in ("train", "val"):
        texts = [r["text"] for r in records(Path(cfg.out), split)]
        docs = list(iter_documents(cfg.out, split, fingerprint=smol_tok.fingerprint))
        assert len(docs) == len(texts)
        assert all(int(d[-1]) == smol_tok.eos_id for d in docs)
        assert [smol_tok.decode(d[:-1].tolist()) for d in docs] == texts
        flat = np.concatenate(load_split(cfg.out, split))
        assert len(flat) == manifest["splits"][split]["tokens"] == sum(len(d) for d in docs)


def test_dataset_card_and_datasets_loads_it(build):
    datasets = pytest.importorskip("datasets")
    out = Path(build[0].out) / "records"
    cache = str(out.parent / "hf-cache")  # datasets' own cache, per build: a shared one can serve an older build's rows
    ds = datasets.load_dataset("parquet", data_files={"train": str(out / "train-*.parquet"),
                                                      "val": str(out / "val-*.parquet")}, cache_dir=cache)
    assert ds["train"].num_rows == len(records(out.parent, "train"))
    assert set(ds["train"].column_names) == {"id", "source", "licence", "subject", "grade_band", "instruction",
                                             "input", "response", "text"}
    assert datasets.Dataset.from_parquet(str(out / "val-00000.parquet"))[0] == records(out.parent, "val")[0]
    card = (out / "README.md").read_text()
    n_arc = sum(r["source"] == "arc" for r in records(out.parent, "train"))
    assert "| arc | 6 |" in card and f"| {n_arc} |" in card and "CC BY-SA 4.0" in card and "BookCorpus" in card
    assert datasets.load_dataset(str(out), cache_dir=cache)["train"].num_rows == ds["train"].num_rows  # the card's YAML


def forbid(monkeypatch, *names):
    def boom(*args, **kwargs):
        raise AssertionError("this stage should have been skipped")
    for name in names:
        monkeypatch.setattr(prep, name, boom)


def test_rerun_with_unchanged_inputs_does_nothing(build, smol_tok, monkeypatch):
    cfg, manifest = build
    before = {p.name: p.stat().st_mtime_ns for p in Path(cfg.out).rglob("*") if p.is_file()}
    forbid(monkeypatch, "build_records", "tokenize_stage")
    assert prepare(cfg, smol_tok) == manifest
    assert {p.name: p.stat().st_mtime_ns for p in Path(cfg.out).rglob("*") if p.is_file()} == before


def test_changed_tokenizer_rebuilds_shards_only(tmp_path, data_dir, smol_tok, small_tokenizer, monkeypatch):
    cfg = PrepareConfig(out=str(tmp_path), sources="corpus", data=str(data_dir), workers=1)
    prepare(cfg, smol_tok)
    forbid(monkeypatch, "build_records")  # the records do not depend on the tokenizer
    manifest = prepare(cfg, small_tokenizer)
    assert manifest["tokenizer"]["fingerprint"] == small_tokenizer.fingerprint != smol_tok.fingerprint
    with pytest.raises(ValueError, match="not the tokenizer given"):
        load_split(tmp_path, "train", fingerprint=smol_tok.fingerprint)
    texts = [r["text"] for r in records(tmp_path, "train")]
    assert [small_tokenizer.decode(d[:-1].tolist()) for d in iter_documents(tmp_path, "train")] == texts


@pytest.fixture
def mirror(tmp_path, data_dir):
    """A mirror whose only training source is a 3-problem gsm8k/train.jsonl; evaluation files are links."""
    root = tmp_path / "mirror"
    for rel, _ in EVAL_SPLITS.values():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(data_dir / rel, root / rel)
    lines = [json.dumps({"question": f"Tom has {n} marbles and buys {n + 2} more. How many marbles does he have now?",
                         "answer": f"He has {n} + {n + 2} = <<{n}+{n + 2}={2 * n + 2}>>{2 * n + 2} marbles.\n#### {2 * n + 2}"})
             for n in (3, 40, 500)]
    (root / "gsm8k" / "train.jsonl").write_text("\n".join(lines) + "\n")
    return root


def test_changed_source_rebuilds(tmp_path, mirror, small_tokenizer):
    cfg = PrepareConfig(out=str(tmp_path / "out"), sources="gsm8k", data=str(mirror), workers=1, val_fraction=0.0)
    assert prepare(cfg, small_tokenizer)["splits"]["train"]["documents"] == 3
    with open(mirror / "gsm8k" / "train.jsonl", "a") as f:
        f.write(json.dumps({"question": "Ann reads 12 pages a day for 5 days. How many pages does she read?",
                            "answer": "She reads 12 x 5 = <<12*5=60>>60 pages.\n#### 60"}) + "\n")
    manifest = prepare(cfg, small_tokenizer)
    assert manifest["splits"]["train"]["documents"] == 4
    texts = [small_tokenizer.decode(d[:-1].tolist()) for d in iter_documents(cfg.out, "train")]
    assert texts[-1] == ("Question: Ann reads 12 pages a day for 5 days. How many pages does she read?\n"
                         "Answer: She reads 12 x 5 = 60 pages.\nThe answer is 60.")


def test_missing_source_or_eval_split_is_named(tmp_path, mirror, small_tokenizer):
    cfg = PrepareConfig(out=str(tmp_path / "out"), sources="openstax_physics", data=str(mirror), workers=1)
    with pytest.raises(FileNotFoundError, match=r"/openstax_physics not found: the OpenStax Physics text is extracted"):
        prepare(cfg, small_tokenizer)
    with pytest.raises(FileNotFoundError, match=r"mirror/arc/arc_easy_train\.jsonl: file not found"):
        prepare(PrepareConfig(out=str(tmp_path / "out"), sources="arc", data=str(mirror)), small_tokenizer)
    (mirror / "sciq" / "sciq_test.jsonl").unlink()
    with pytest.raises(FileNotFoundError, match=r"evaluation split\(s\) missing: .*sciq_test\.jsonl"):
        prepare(PrepareConfig(out=str(tmp_path / "out"), sources="gsm8k", data=str(mirror)), small_tokenizer)


def test_malformed_record_and_partial_build_leave_no_manifest(tmp_path, mirror, small_tokenizer):
    cfg = PrepareConfig(out=str(tmp_path / "out"), sources="gsm8k", data=str(mirror), workers=1)
    prepare(cfg, small_tokenizer)
    with open(mirror / "gsm8k" / "train.jsonl", "a") as f:
        f.write('{"question": "no answer field"}\n')
    with pytest.raises(ValueError, match=r"gsm8k/train\.jsonl:4: missing field 'answer'"):
        prepare(cfg, small_tokenizer)
    assert not (Path(cfg.out) / "manifest.json").exists()  # the old shards no longer match the changed source
    lines = (mirror / "gsm8k" / "train.jsonl").read_text().splitlines()[:3]
    (mirror / "gsm8k" / "train.jsonl").write_text("\n".join(lines[:2]) + "\n")

    class Failing:  # a tokenizer that dies after its first document, as a crashed worker would
        vocab_size, eos_id, fingerprint, calls = 2048, 0, "failing", 0

        def encode(self, text):
            Failing.calls += 1
            if Failing.calls > 1:
                raise RuntimeError("worker died")
            return [1, 2, 3]

    with pytest.raises(RuntimeError, match="worker died"):
        prepare(cfg, Failing())
    assert not (Path(cfg.out) / "manifest.json").exists()
    with pytest.raises(FileNotFoundError, match="no manifest"):
        load_split(cfg.out, "train")


def test_load_split_refuses_incomplete_or_truncated(tmp_path):
    start_build(tmp_path)
    writer = ShardWriter(tmp_path, "train", "uint16", shard_tokens=4)
    for doc in ([5, 6, 0], [7, 0], [8, 9, 10, 0]):
        writer.add(doc)
    entry = writer.close()
    assert [s["documents"] for s in entry["shards"]] == [2, 1]  # documents never straddle shards
    manifest = {"dtype": "uint16", "tokenizer": {"fingerprint": "f", "name": "t", "vocab_size": 11, "eos_id": 0},
                "inputs": {}, "splits": {"train": entry}}
    (tmp_path / "manifest.json").write_text(json.dumps({**manifest, "complete": False}))
    with pytest.raises(ValueError, match="incomplete"):
        load_split(tmp_path, "train")
    finish_build(tmp_path, manifest)
    assert [m.tolist() for m in load_split(tmp_path, "train", "f")] == [[5, 6, 0, 7, 0], [8, 9, 10, 0]]
    with pytest.raises(KeyError, match="no split 'val'"):
        load_split(tmp_path, "val")
    (tmp_path / "train-00001.bin").write_bytes(b"\x08\x00")
    with pytest.raises(ValueError, match="train-00001.bin: missing or truncated"):
        load_split(tmp_path, "train")


def test_token_dtype_and_range(tmp_path):
    assert token_dtype(49152) == "uint16" and token_dtype(65536) == "uint16" and token_dtype(100277) == "uint32"
    with pytest.raises(ValueError, match="token id 70000 does not fit uint16"):
        ShardWriter(tmp_path, "train", "uint16").add([1, 70000, 0])
    writer = ShardWriter(tmp_path, "train", "uint32")
    writer.add([1, 70000, 0])
    assert writer.close()["tokens"] == 3
    assert np.fromfile(tmp_path / "train-00000.bin", dtype=np.uint32).tolist() == [1, 70000, 0]


def test_split_is_deterministic_by_seed():
    ids = [f"doc-{i}" for i in range(2000)]
    first = [split_of(i, 1, 0.1) for i in ids]
    assert first == [split_of(i, 1, 0.1) for i in ids]
    assert 120 < first.count("val") < 280
    assert first != [split_of(i, 2, 0.1) for i in ids]


def test_cosmopedia_through_the_pipeline(tmp_path, mirror, small_tokenizer):
    texts = ["Plants need light, water and air. Their leaves use sunlight to make food for the whole plant.",
             "The band released its second album in 2004 and the single reached number three on the chart.",
             "To add fractions with the same denominator, add the numerators and keep the denominator."]
    folder = mirror / "cosmopedia" / "khanacademy"
    folder.mkdir(parents=True)
    pq.write_table(pa.table({"prompt": ["p"] * 3, "text": texts, "audience": ["grade_school_students", "general", "general"],
                             "format": ["textbook"] * 3}), folder / "train-00000-of-00001.parquet")
    cfg = PrepareConfig(out=str(tmp_path / "out"), sources="cosmopedia", data=str(mirror), workers=1, val_fraction=0.0)
    prepare(cfg, small_tokenizer)
    rows = records(Path(cfg.out), "train")
    assert [(r["text"], r["subject"], r["licence"]) for r in rows] == [(texts[0], "science", "Apache-2.0"),
                                                                      (texts[2], "math", "Apache-2.0")]
    assert rows[0]["grade_band"] == "3-5"  # from the audience, not the readability estimate
    stats = json.loads((Path(cfg.out) / "records" / "stamp.json").read_text())["stats"]
    assert stats["off_topic"] == {"cosmopedia": 1}


def test_large_vocabulary_gets_uint32_shards(tmp_path, data_dir):
    cl100k = load_tokenizer("cl100k")  # 100,277 ids: too many for uint16
    cfg = PrepareConfig(out=str(tmp_path), sources="corpus", data=str(data_dir), workers=2)
    assert prepare(cfg, cl100k)["dtype"] == "uint32"
    assert load_split(tmp_path, "train")[0].dtype == np.uint32
    docs = list(iter_documents(tmp_path, "train", cl100k.fingerprint))
    assert [cl100k.decode(d[:-1].tolist()) for d in docs] == [r["text"] for r in records(tmp_path, "train")]
    assert max(int(d.max()) for d in docs) > 65535
