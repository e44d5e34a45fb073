"""train.py (with checkpoint.py and telemetry.py): loss sanity, accumulation, DDP and FSDP2 on gloo, fp16 scaler,
exact resume after SIGKILL, TensorBoard tags, checkpoint rules, watchers, schedules, evaluation, the dry-run planner.

The `test` model config (~1M parameters) trains on byte tokens (id = byte, eos = 256) of the authored corpus
(data/corpus/*.md, or Aesop's fables from the staged data while the corpus is not in the repo).
"""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.distributed as dist
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

import checkpoint
import telemetry
import train
from common import read_config_file
from data.shards import ShardWriter, finish_build, start_build
from model import ModelConfig, Transformer, load, load_config
from weights import export_hf

ROOT = Path(__file__).resolve().parent.parent
EOS = 256


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """One intra-op thread: these models are tiny, and on 2 cores shared with other jobs OpenMP's spinning threads
    made steps ~10x slower (measured); the subprocesses below get OMP_NUM_THREADS=1 for the same reason."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def byte_docs(data_dir: Path) -> list[str]:
    corpus = sorted((ROOT / "data" / "corpus").glob("*.md"))
    texts = [p.read_text() for p in corpus] or [(data_dir / "children_stories" / "aesop_fables.txt").read_text()]
    return [d for t in texts for d in t.split("\n\n") if d.strip()]


@pytest.fixture(scope="session")
def shards(tmp_path_factory, data_dir) -> Path:
    """Train/val shards of byte tokens with a complete manifest, written by data.shards' writer."""
    directory = start_build(tmp_path_factory.mktemp("shards"))
    docs = byte_docs(data_dir)
    splits = {}
    for split, part in (("train", docs[:-30]), ("val", docs[-30:])):
        writer = ShardWriter(directory, split, "uint16", shard_tokens=20_000)  # several shards: crossing is exercised
        for doc in part:
            writer.add(list(doc.encode()) + [EOS])
        splits[split] = writer.close()
    finish_build(directory, {"dtype": "uint16", "inputs": {}, "splits": splits,
                             "tokenizer": {"fingerprint": "bytes-v1", "name": "bytes", "vocab_size": 257, "eos_id": EOS}})
    return directory


def config(shards: Path, run_dir: Path, **overrides) -> tuple[train.TrainConfig, ModelConfig]:
    values = {**read_config_file(ROOT / "configs" / "test.py"), "data_dir": str(shards), "run_dir": str(run_dir),
              "batch_size": 4, "seq_len": 64, "max_steps": 4, "warmup_steps": 2, "lr": 3e-3, "peak_flops": 1e11,
              "eval_batches": 2, **overrides}
    return train.split_config(values)


def trainer(shards: Path, run_dir: Path, **overrides) -> train.Trainer:
    torch.manual_seed(0)
    return train.Trainer(*config(shards, run_dir, **overrides), train.Dist())


def losses(run_dir: Path) -> dict[int, float]:
    """Step -> training loss from metrics.jsonl (the last entry wins, as after a resume)."""
    out = {}
    for line in (run_dir / "metrics.jsonl").read_text().splitlines():
        entry = json.loads(line)
        if "train/loss" in entry:
            out[entry["step"]] = entry["train/loss"]
    return out


def run_script(args: list[str], torchrun: bool = False, env: dict | None = None) -> subprocess.CompletedProcess:
    launcher = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2"] if torchrun else [sys.executable]
    return subprocess.run([*launcher, "train.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "OMP_NUM_THREADS": "1", **(env or {})})


def cli_args(shards: Path, run_dir: Path, **overrides) -> list[str]:
    values = {"data_dir": shards, "run_dir": run_dir, "batch_size": 4, "seq_len": 64, "warmup_steps": 2,
              "peak_flops": 1e11, "eval_batches": 2, **overrides}
    return ["configs/test.py", *[f"--{k}={v}" for k, v in values.items()]]


# ----------------------------------------------------------------------------- data and loss

def test_token_stream_splits_rows_across_ranks_and_wraps():
    shards = [np.arange(0, 50, dtype=np.uint16), np.arange(50, 130, dtype=np.uint16)]
    stream = train.TokenStream(shards)
    x, y, nxt = stream.batch(40, batch_size=4, seq_len=8)
    assert nxt == 40 + 32
    assert x[0].tolist() == list(range(40, 48)) and y[0].tolist() == list(range(41, 49))
    assert x[1, 0] == 48  # rows tile the stream, crossing the shard boundary at 50
    parts = [stream.batch(40, 2, 8, rank=r, world=2) for r in range(2)]
    assert torch.equal(torch.cat([p[0] for p in parts]), x) and all(p[2] == nxt for p in parts)
    assert stream.read(125, 10).tolist() == [125, 126, 127, 128, 129, 0, 1, 2, 3, 4]


def test_initial_loss_is_near_ln_vocab(shards):
    torch.manual_seed(0)
    model = Transformer(load_config("test"))
    x, y, _ = train.TokenStream(train.load_split(shards, "train")).batch(0, 4, 64)
    _, loss = model(x, y)
    assert abs(loss.item() - math.log(model.config.vocab_size)) < 0.1


def test_missing_manifest_and_unknown_key_are_clear_errors(tmp_path, shards):
    with pytest.raises(FileNotFoundError, match="manifest"):
        trainer(tmp_path, tmp_path / "run")
    with pytest.raises(KeyError, match="bacth_size"):
        train.split_config({"bacth_size": 4})


def test_grad_accumulation_equals_one_big_batch(shards, tmp_path):
    small = trainer(shards, tmp_path / "a", batch_size=2, grad_accum=4)
    big = trainer(shards, tmp_path / "b", batch_size=8, grad_accum=1)
    big.raw.load_state_dict(small.raw.state_dict())
    loss_small, loss_big = small.accumulate(), big.accumulate()
    assert small.position == big.position == 8 * 64
    assert abs(loss_small.item() - loss_big.item()) < 1e-6
    for (name, a), b in zip(small.raw.named_parameters(), big.raw.parameters()):
        assert torch.allclose(a.grad, b.grad, atol=1e-6, rtol=0), name


# ----------------------------------------------------------------------------- schedules

def test_lr_schedules_warmup_cosine_and_wsd():
    cfg = train.TrainConfig(warmup_steps=10, max_steps=110, min_lr_ratio=0.1)
    assert train.lr_factor(0, cfg) == pytest.approx(0.1) and train.lr_factor(9, cfg) == pytest.approx(1.0)
    assert train.lr_factor(60, cfg) == pytest.approx(0.55)  # half way down the cosine
    assert train.lr_factor(110, cfg) == pytest.approx(0.1)
    wsd = train.TrainConfig(warmup_steps=10, max_steps=110, min_lr_ratio=0.0, schedule="wsd", decay_frac=0.2)
    assert train.lr_factor(87, wsd) == 1.0  # stable until 80% of the run
    assert train.lr_factor(99, wsd) == pytest.approx(0.5) and train.lr_factor(110, wsd) == 0.0


# ----------------------------------------------------------------------------- a short run: checkpoints, logs

def test_run_writes_checkpoints_metrics_and_tensorboard_tags(shards, tmp_path):
    t = trainer(shards, tmp_path, max_steps=6, save_every=2, keep_last=2, eval_every=3, watch_every=2, hist_every=3,
                sample_every=6, tokenizer="cl100k", sample_prompt="a")  # cl100k's "a" is id 64 < the test vocab
    t.run()
    ckpts = t.ckpt_dir
    assert sorted(p.name for p in ckpts.iterdir()) == ["best", "final", "step-00000004", "step-00000006"]
    assert checkpoint.latest_checkpoint(ckpts).name == "final"
    meta = checkpoint.read_meta(ckpts / "step-00000004")
    assert meta["step"] == 4 and meta["data_position"] == 4 * 4 * 64 and meta["tokenizer_fingerprint"] == "bytes-v1"
    assert meta["config"]["max_steps"] == 6 and meta["model_config"]["dim"] == 128
    assert json.loads((tmp_path / "config.json").read_text())["train"]["save_every"] == 2
    acc = EventAccumulator(str(tmp_path / "tb"), size_guidance={"histograms": 0, "scalars": 0}).Reload()
    scalars = set(acc.Tags()["scalars"])
    for tag in ("train/loss", "train/lr", "train/grad_norm", "train/tokens_per_s", "train/mfu", "train/memory_mb",
                "val/loss", "val/ppl", "weight_norm/layers.0", "grad_norm/layers.3", "update_ratio/tok_embeddings",
                "act/layers.0/std"):
        assert tag in scalars, tag
    assert [e.step for e in acc.Scalars("weight_norm/layers.0")] == [2, 4, 6]
    assert "weights/layers.0.attention.wq.weight" in acc.Tags()["histograms"]
    assert "samples/text_summary" in acc.Tags()["tensors"]
    logged = losses(tmp_path)
    assert sorted(logged) == [1, 2, 3, 4, 5, 6] and logged[6] < logged[1]
    best = checkpoint.read_meta(ckpts / "best")
    assert best["step"] in (3, 6)


def test_half_written_checkpoint_is_never_latest(shards, tmp_path):
    t = trainer(shards, tmp_path, max_steps=1)
    t.train_step()
    t.save("step-00000001")
    (t.ckpt_dir / ".tmp-step-00000009").mkdir()  # a crash mid-save leaves only a temp dir
    (t.ckpt_dir / "step-00000007").mkdir()  # or a directory without meta.json
    assert checkpoint.latest_checkpoint(t.ckpt_dir).name == "step-00000001"
    with pytest.raises(FileNotFoundError, match="meta.json"):
        checkpoint.load_checkpoint(t.ckpt_dir / "step-00000007", model=t.raw)
    t.save("best")
    t.train_step()
    t.save("best")  # replaces the older best atomically
    assert checkpoint.read_meta(t.ckpt_dir / "best")["step"] == 2
    assert not list(t.ckpt_dir.glob(".old-*"))


def test_init_from_hf_dir_or_our_checkpoint_and_eval_only(shards, tmp_path):
    t = trainer(shards, tmp_path / "a", max_steps=1)
    t.train_step()
    ckpt = t.save("final")
    export_hf(t.raw, None, tmp_path / "hf")
    for source in (tmp_path / "hf", ckpt):
        other = trainer(shards, tmp_path / source.name, init_from=str(source))
        assert other.step == 0  # weights only: a new run, not a resume
        assert all(torch.equal(a, b) for a, b in zip(other.raw.state_dict().values(), t.raw.state_dict().values()))
    cfg, _ = config(shards, tmp_path, init_from=str(ckpt), eval_only=True)
    result = train.eval_only(cfg, torch.device("cpu"))
    assert result["val/loss"] == pytest.approx(t.validate()["loss"], abs=1e-6)
    with pytest.raises(FileNotFoundError, match="init_from"):
        trainer(shards, tmp_path / "b", init_from=str(tmp_path / "nowhere"))


# ----------------------------------------------------------------------------- fp16 and watchers

def test_fp16_scaler_skips_the_step_on_overflow(shards, tmp_path):
    t = trainer(shards, tmp_path, dtype="fp16", fp16_init_scale=2.0 ** 40)  # scaled fp16 gradients overflow
    before = [p.detach().clone() for p in t.raw.parameters()]
    metrics = t.train_step()
    assert metrics["train/skipped"] == 1 and metrics["train/loss_scale"] == 2.0 ** 39
    assert all(torch.equal(a, p) for a, p in zip(before, t.raw.parameters()))
    ok = trainer(shards, tmp_path / "ok", dtype="fp16")
    before = [p.detach().clone() for p in ok.raw.parameters()]
    metrics = ok.train_step()
    assert metrics["train/skipped"] == 0 and math.isfinite(metrics["train/loss"])
    assert not all(torch.equal(a, p) for a, p in zip(before, ok.raw.parameters()))


def test_watchers_stop_on_nan_and_keep_the_last_good_checkpoint(shards, tmp_path):
    t = trainer(shards, tmp_path, max_steps=2, stop_on_anomaly=True)
    t.train_step()
    good = t.save("step-00000001")
    with torch.no_grad():
        t.raw.layers[1].feed_forward.w1.weight[0, 0] = float("nan")
    with pytest.raises(telemetry.AnomalyStop, match="non-finite loss"):
        t.train_step()
    assert checkpoint.latest_checkpoint(t.ckpt_dir) == good
    restored, _ = checkpoint.model_from_checkpoint(good)
    assert all(torch.isfinite(p).all() for p in restored.parameters())
    t.cfg.stop_on_anomaly = False  # warn-only mode: the poisoned step is skipped, not applied
    frozen = [p.detach().clone() for p in t.raw.parameters()]
    metrics = t.train_step()
    assert metrics["train/skipped"] == 1
    assert all(torch.equal(a, p) or torch.isnan(a).any() for a, p in zip(frozen, t.raw.parameters()))
    assert any("anomaly" in json.loads(line) for line in (tmp_path / "metrics.jsonl").read_text().splitlines())


def test_loss_spike_detector():
    watcher = telemetry.Watcher(Transformer(load_config("test")), logger=None, spike_factor=3.0, warmup=5)
    assert all(watcher.check(loss, 1.0, scaled=False) is None for loss in [4.0, 3.9, 3.8, 3.7, 3.6, 3.5])
    assert "spike" in watcher.check(12.0, 1.0, scaled=False)
    assert watcher.check(3.4, float("inf"), scaled=True) is None  # the GradScaler handles overflow itself
    assert "gradient" in watcher.check(3.4, float("nan"), scaled=False)


# ----------------------------------------------------------------------------- evaluation and planning

def test_wikitext_perplexity_scores_each_token_once(data_dir):
    class Bytes:
        def encode(self, text):
            return list(text.encode())
    torch.manual_seed(0)
    model = Transformer(load_config("test")).eval()
    path = data_dir / "wikitext2" / "wiki.test.raw"
    result = train.wikitext_perplexity(model, Bytes(), path, seq_len=64, stride=32, max_tokens=300)
    assert result["tokens"] == 299
    ids = torch.tensor(Bytes().encode(path.read_text()[:400])[:300])
    _, first = model(ids[None, :63], ids[None, 1:64])  # the first window alone scores tokens 1..63
    whole = train.wikitext_perplexity(model, Bytes(), path, seq_len=64, stride=64, max_tokens=64)
    assert whole["tokens"] == 63 and whole["loss"] == pytest.approx(first.item(), abs=1e-6)


@pytest.mark.parametrize("name, published", [("3b", 3.21e9), ("7b", 7.62e9)])
def test_dry_run_plans_3b_and_7b_on_the_meta_device(name, published):
    model_cfg = load_config(name)
    plan = {fsdp: train.plan_memory(model_cfg, train.TrainConfig(world_size=16, seq_len=4096, dtype="bf16", fsdp=fsdp,
                                                                  global_batch_tokens=4_000_000)) for fsdp in (False, True)}
    ddp, fsdp = plan[False], plan[True]
    assert abs(ddp["params"] - published) < 0.01e9  # the published count of the real model
    assert ddp["static"]["params"] == 4 * ddp["params"] and ddp["static"]["optimizer"] == 8 * ddp["params"]
    assert fsdp["static"]["optimizer"] == pytest.approx(ddp["static"]["optimizer"] / 16)
    assert fsdp["micro_batch"] >= 1 and fsdp["per_gpu_total"] <= 80e9 * 0.9
    assert fsdp["global_batch_tokens"] >= 4_000_000
    assert fsdp["micro_batch"] * 4096 * 16 * (fsdp["grad_accum"] - 1) < 4_000_000  # the fewest steps that reach it
    if name == "7b":
        assert ddp["micro_batch"] == 0  # 16 bytes per parameter of weights, gradients and Adam exceed 80 GB


# ----------------------------------------------------------------------------- subprocesses: resume, DDP, FSDP

@pytest.mark.slow
def test_resume_after_sigkill_is_bitwise_exact(shards, tmp_path):
    n = 2
    common = {"max_steps": 2 * n, "grad_accum": 2, "eval_every": n}
    straight = run_script(cli_args(shards, tmp_path / "straight", **common))
    assert straight.returncode == 0, straight.stderr[-3000:]
    killed = run_script(cli_args(shards, tmp_path / "crash", save_every=n, kill_at_step=n, **common))
    assert killed.returncode == -9, killed.stderr[-3000:]
    assert sorted(losses(tmp_path / "crash")) == list(range(1, n + 1))
    resumed = run_script(cli_args(shards, tmp_path / "crash", save_every=n, init_from="resume", **common))
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert f"resumed from {tmp_path / 'crash' / 'checkpoints' / f'step-{n:08d}'}" in resumed.stdout
    a, b = losses(tmp_path / "straight"), losses(tmp_path / "crash")
    assert list(a) == list(range(1, 2 * n + 1)) and a == b  # float equality of every step: bitwise


@pytest.fixture(scope="module")
def single_run(shards, tmp_path_factory) -> Path:
    """The reference for DDP and FSDP: one process, micro-batch 4 x accumulation 2 (= 2 ranks x 2 x 2)."""
    run_dir = tmp_path_factory.mktemp("single")
    trainer(shards, run_dir, batch_size=4, grad_accum=2, max_steps=3).run()
    return run_dir


@pytest.mark.slow
def test_ddp_on_two_processes_matches_single_process(shards, tmp_path, single_run):
    result = run_script(cli_args(shards, tmp_path, batch_size=2, grad_accum=2, max_steps=3), torchrun=True)
    assert result.returncode == 0, result.stderr[-3000:]
    ddp, single = losses(tmp_path), losses(single_run)
    assert list(ddp) == [1, 2, 3] and all(abs(ddp[s] - single[s]) < 1e-5 for s in ddp)
    a = torch.load(tmp_path / "checkpoints" / "final" / "model.pt")
    b = torch.load(single_run / "checkpoints" / "final" / "model.pt")
    assert all(torch.allclose(a[k], b[k], atol=1e-4) for k in b)  # Adam magnifies 1e-7 gradient noise a little


@pytest.mark.slow
def test_fsdp_trains_and_its_sharded_checkpoint_consolidates(shards, tmp_path, single_run):
    result = run_script(cli_args(shards, tmp_path, batch_size=2, grad_accum=2, max_steps=3, fsdp=True, watch_every=3),
                        torchrun=True)
    assert result.returncode == 0, result.stderr[-3000:]
    fsdp, single = losses(tmp_path), losses(single_run)
    assert all(abs(fsdp[s] - single[s]) < 1e-5 for s in single)
    final = tmp_path / "checkpoints" / "final"
    assert checkpoint.read_meta(final)["format"] == "dcp" and (final / "rng-00001.pt").exists()
    out = run_script(["--consolidate=" + str(final), f"--to={tmp_path / 'model.pt'}"])
    assert out.returncode == 0, out.stderr[-3000:]
    weights = torch.load(tmp_path / "model.pt")
    reference = torch.load(single_run / "checkpoints" / "final" / "model.pt")
    assert weights.keys() == reference.keys()
    assert all(torch.allclose(weights[k], reference[k], atol=1e-4) for k in reference)
    model = Transformer(load_config("test"))
    model.load_state_dict(weights)
    val = train.evaluate(model, train.TokenStream(train.load_split(shards, "val")), 2, 4, 64, "fp32", torch.device("cpu"))
    logged = [json.loads(line) for line in (tmp_path / "metrics.jsonl").read_text().splitlines()]
    assert val["loss"] == pytest.approx(next(e["val/loss"] for e in logged if "val/loss" in e), abs=1e-5)


def test_meta_init_under_fsdp_allocates_shards_and_trains(shards, tmp_path):
    """FSDP2 on a one-process gloo group (in this process): meta-device build, shard, allocate, initialise, step,
    save DCP shards, consolidate, and resume model + optimizer from them."""
    dist.init_process_group("gloo", init_method=f"file://{tmp_path / 'pg'}", rank=0, world_size=1)
    try:
        t = trainer(shards, tmp_path / "run", fsdp=True, meta_init=True, max_steps=2, watch_every=1)
        assert t.raw.output.weight is t.raw.tok_embeddings.weight  # tying survives meta -> shards
        weights = {n: p.full_tensor() for n, p in t.raw.named_parameters()}
        assert weights["layers.0.attention_norm.weight"].eq(1).all()
        assert abs(weights["layers.2.feed_forward.w2.weight"].std().item() - 0.02) < 1e-3
        first = t.train_step()["train/loss"]
        assert abs(first - math.log(2048)) < 0.1 and t.train_step()["train/loss"] < first
        t.save("final")
        restored, _ = checkpoint.model_from_checkpoint(t.ckpt_dir / "final")
        assert torch.equal(restored.layers[0].attention.wq.weight, t.raw.layers[0].attention.wq.weight.full_tensor())
        train.consolidate(t.ckpt_dir / "final", hf_dir=str(tmp_path / "hf"))  # the release format
        released, _ = load(tmp_path / "hf")
        assert all(torch.equal(a, b) for a, b in zip(released.state_dict().values(), restored.state_dict().values()))
        resumed = trainer(shards, tmp_path / "run", fsdp=True, meta_init=True, max_steps=3, init_from="resume")
        assert resumed.step == 2 and resumed.position == t.position  # model + optimizer from the DCP shards
        assert resumed.train_step()["train/loss"] == t.train_step()["train/loss"]
    finally:
        dist.destroy_process_group()
