"""Pretraining for nanotutor: one script from one laptop CPU to torchrun on multi-GPU EC2 nodes.

What it supports
- from scratch, from our training checkpoint, or from a Hugging Face directory / `.gguf` (continued pretraining),
  reading the token shards of `python -m data.prepare`; a config file plus `--key=value` overrides, printed and
  saved with every run (`config.json` in the run directory and inside every checkpoint)
- DDP or FSDP2 (`fully_shard` per block + root, `MixedPrecisionPolicy`) under torchrun; gloo on CPU, nccl on GPU;
  `--meta_init` builds the model on the meta device and allocates only each rank's shards
- gradient accumulation without gradient sync on inner micro-steps, clipping, AdamW with decay/no-decay groups,
  warmup + cosine or warmup-stable-decay (WSD); fp32, bf16 autocast, fp16 autocast + GradScaler; `--compile`
- progress line (loss, tokens/s, MFU, ETA); TensorBoard + `metrics.jsonl` (+ wandb with `--wandb_project=...`)
  through telemetry.py's MetricsLogger
- checkpoints (checkpoint.py, shared with sft.py and fuse.py): every N steps, keep last K, best by validation loss,
  final; each is a directory written under a temporary name and renamed, so a crash never leaves a half checkpoint
  that looks complete. They hold model, optimizer, scaler, scheduler, step, data position, per-rank RNG, configs and
  the tokenizer fingerprint; FSDP runs write sharded `torch.distributed.checkpoint` (DCP) files. Resume is exact
  (bitwise on CPU fp32).
- weight watchers (telemetry.py): per-layer weight norm, grad norm, update/weight ratio, activation stats,
  histograms; NaN/Inf and loss-spike warnings, and `--stop_on_anomaly` to stop before saving a bad state
- validation loss/perplexity while training; `--eval_only` on any checkpoint (+ WikiText-2 perplexity);
  `--consolidate` turns a (sharded) checkpoint into one file or a Hugging Face directory
- `--dry_run`: per-GPU memory of any config (3B, 7B) on the meta device for a world size, FSDP or not, and a
  micro-batch / accumulation recommendation for a target global batch

Run (shards come from `python -m data.prepare`, default out/data/default with SmolLM2's tokenizer; the model's
vocab_size must cover the shards' tokenizer; the run directory is out/runs/<run_name> unless --run_dir is given)
    .venv/bin/python train.py configs/test.py --data_dir=out/data/<your build> --max_steps=50   # laptop CPU
    .venv/bin/python train.py configs/test.py --data_dir=... --max_steps=100 --init_from=resume  # continue a run
    .venv/bin/python train.py --init_from=$(.venv/bin/python -c "import common; print(common.smollm2_gguf())") \
        --batch_size=2 --seq_len=256 --lr=3e-5      # continued pretraining of SmolLM2 on out/data/default
    # one GPU
    .venv/bin/python train.py configs/tiny.py --data_dir=... --dtype=bf16 --compile
    # one node, 8 GPUs (DDP, or --fsdp for models that do not fit one GPU)
    torchrun --standalone --nproc_per_node=8 train.py configs/1b.py --data_dir=... --dtype=bf16 --fsdp
    # two nodes of 8 GPUs: run on each node (node_rank 0 and 1); the run dir must be on shared storage (FSx/EFS)
    torchrun --nnodes=2 --nproc_per_node=8 --node_rank=0 --rdzv_backend=c10d --rdzv_endpoint=$HEAD_IP:29500 \
        train.py configs/7b.py --data_dir=... --dtype=bf16 --fsdp --meta_init --run_dir=/fsx/runs/7b
    # tools
    .venv/bin/python train.py --eval_only --init_from=out/runs/run/checkpoints/final --data_dir=... --wikitext \
        --tokenizer=...
    .venv/bin/python train.py --eval_only --init_from=<a .gguf or HF dir> --wikitext --wikitext_tokens=2048 \
        --seq_len=512
    .venv/bin/python train.py --consolidate=out/runs/run/checkpoints/final --to=out/model.pt   # or --hf_dir=out/release
    .venv/bin/python train.py configs/7b.py --dry_run --world_size=16 --fsdp --global_batch_tokens=4000000
"""
from __future__ import annotations

import dataclasses
import json
import math
import os
import signal
import sys
import time
import warnings
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.distributed as dist
import torch.nn as nn
from torch.distributed.fsdp import MixedPrecisionPolicy, fully_shard
from torch.nn.parallel import DistributedDataParallel

from checkpoint import (latest_checkpoint, load_checkpoint, model_from_checkpoint, prune_checkpoints, rank_world,
                        read_meta, save_checkpoint, save_file)
from common import (OUT, atomic_write_json, check_known, fill, get_logger, out_dir, parse_args, require_data,
                    shared_data_dir)
from data.shards import load_split, read_manifest
from model import ModelConfig, Transformer
from model import load as load_pretrained
from telemetry import AnomalyStop, MetricsLogger, Watcher, full_tensor, memory_mb, peak_flops
from tokenizer import load_tokenizer
from weights import export_hf

log = get_logger("train")


# ============================================================================= config

@dataclass
class TrainConfig:
    # where from, where to
    # scratch | resume (latest in run_dir) | auto (resume if any) | checkpoint dir | HF dir | .gguf
    init_from: str = "scratch"
    data_dir: str = str(OUT / "data" / "default")  # a shard directory written by data.prepare (its default)
    run_dir: str = ""  # default out/runs/<run_name>
    run_name: str = "run"
    tokenizer: str = ""  # for text samples and WikiText-2: anything tokenizer.load_tokenizer reads
    # batch: tokens per optimizer step = batch_size * seq_len * grad_accum * world_size
    batch_size: int = 8  # micro-batch per rank
    seq_len: int = 128
    grad_accum: int = 1
    max_steps: int = 100
    # optimizer and schedule
    lr: float = 3e-3
    min_lr_ratio: float = 0.1
    warmup_steps: int = 10
    schedule: str = "cosine"  # cosine | wsd
    decay_frac: float = 0.2  # wsd: last fraction of steps that decays to min_lr
    weight_decay: float = 0.1
    beta1: float = 0.9
    beta2: float = 0.95
    grad_clip: float = 1.0  # 0: no clipping (the norm is still logged)
    # numerics and scale
    dtype: str = "fp32"  # fp32 | bf16 | fp16 (fp16 uses a GradScaler)
    fp16_init_scale: float = 65536.0
    compile: bool = False
    fsdp: bool = False
    meta_init: bool = False  # build on the meta device, shard, then allocate and initialise only local shards
    seed: int = 1337
    # checkpoints
    save_every: int = 0  # 0: only the final checkpoint
    keep_last: int = 3
    keep_best: bool = True
    # evaluation and logging
    eval_every: int = 0  # 0: only at the end
    eval_batches: int = 4
    log_every: int = 1
    sample_every: int = 0
    sample_prompt: str = "Once upon a time"
    watch_every: int = 0  # weight watchers (norms, ratios, activations)
    hist_every: int = 0
    spike_factor: float = 3.0  # a loss above this multiple of its running average is a spike
    stop_on_anomaly: bool = False
    peak_flops: float = 0.0  # per device, for MFU; 0: table (GPU) or measured matmul peak (CPU)
    wandb_project: str = ""
    kill_at_step: int = 0  # fault injection for the resume test: SIGKILL this process right after that step
    # tools (each replaces training)
    eval_only: bool = False
    wikitext: bool = False
    wikitext_tokens: int = 0  # > 0: score only the first N tokens of WikiText-2 test (a quick look on a CPU)
    consolidate: str = ""
    to: str = ""
    hf_dir: str = ""
    dry_run: bool = False
    world_size: int = 8  # dry run: GPUs to plan for
    gpu_memory_gb: float = 80.0
    global_batch_tokens: int = 1_000_000


def split_config(values: dict[str, Any]) -> tuple[TrainConfig, ModelConfig]:
    """One flat dict of config keys -> (TrainConfig, ModelConfig); a misspelt key is an error."""
    check_known(values, TrainConfig, ModelConfig)
    return fill(TrainConfig, values), fill(ModelConfig, values)


# ============================================================================= distributed

@dataclass
class Dist:
    rank: int = 0
    local_rank: int = 0
    world: int = 1
    device: torch.device = torch.device("cpu")

    @property
    def master(self) -> bool:
        return self.rank == 0


def setup_distributed() -> Dist:
    """torchrun sets RANK/WORLD_SIZE; nccl on GPUs, gloo on CPU. A plain `python train.py` is world 1."""
    cuda = torch.cuda.is_available()
    if "RANK" not in os.environ:
        return Dist(device=torch.device("cuda" if cuda else "cpu"))
    rank, local, world = int(os.environ["RANK"]), int(os.environ["LOCAL_RANK"]), int(os.environ["WORLD_SIZE"])
    device = torch.device(f"cuda:{local}" if cuda else "cpu")
    if cuda:
        torch.cuda.set_device(device)
    if not dist.is_initialized():
        dist.init_process_group("nccl" if cuda else "gloo", device_id=device if cuda else None)
    return Dist(rank, local, world, device)


def _mean_across_ranks(value: torch.Tensor) -> float:
    if dist.is_initialized():
        value = value.detach().clone()
        dist.all_reduce(value, op=dist.ReduceOp.AVG if value.device.type != "cpu" else dist.ReduceOp.SUM)
        if value.device.type == "cpu":  # gloo has no AVG
            value /= dist.get_world_size()
    return float(value)


def shard_model(model: Transformer, dtype: str) -> Transformer:
    """FSDP2: shard every block, then the root (embeddings, final norm, output). bf16 keeps fp32 master weights
    and reduces gradients in fp32; compute runs in bf16 because the policy casts the unsharded parameters."""
    if dtype == "fp16":
        raise ValueError("dtype=fp16 with --fsdp is not supported: use bf16 (no loss scaling needed)")
    bf16 = MixedPrecisionPolicy(param_dtype=torch.bfloat16, reduce_dtype=torch.float32)
    policy = bf16 if dtype == "bf16" else MixedPrecisionPolicy()
    for block in model.layers:
        fully_shard(block, mp_policy=policy)
    fully_shard(model, mp_policy=policy)
    return model


def materialize(model: Transformer, device: torch.device) -> Transformer:
    """Allocate a meta-device model (after fully_shard: only this rank's shards) and initialise it in place like
    Transformer's own init: matrices N(0, 0.02), biases 0, norm weights 1. A 7B model never exists whole on a host.
    The random values differ from an unsharded init (each shard draws its own), the distribution does not."""
    model.to_empty(device=device)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if p.dim() >= 2:
                p.normal_(0.0, 0.02)
            elif name.endswith("bias"):
                p.zero_()
            else:
                p.fill_(1.0)
    model.reset_rope()
    return model


# ============================================================================= data

class TokenStream:
    """The concatenated shards of one split read as one long token stream, addressed by a global position.

    A micro-batch of all ranks is `world * batch_size` consecutive windows of `seq_len + 1` tokens (neighbours
    overlap by one token); rank r takes rows [r*B, (r+1)*B). So the position (one int) is the whole data-loader
    state, 2 ranks x B rows see exactly what 1 rank x 2B rows sees, and the stream wraps around at its end.
    """

    def __init__(self, shards: list[np.ndarray]):
        if not shards or sum(len(s) for s in shards) < 2:
            raise ValueError("token stream is empty: the shard split holds no tokens")
        self.shards = shards
        self.starts = np.cumsum([0] + [len(s) for s in shards])
        self.total = int(self.starts[-1])

    def read(self, start: int, n: int) -> np.ndarray:
        """n tokens from global position `start` (mod total), crossing shard boundaries."""
        out = np.empty(n, dtype=np.int64)
        filled, pos = 0, start % self.total
        while filled < n:
            i = int(np.searchsorted(self.starts, pos, side="right")) - 1
            take = min(n - filled, int(self.starts[i + 1]) - pos)
            off = pos - int(self.starts[i])
            out[filled:filled + take] = self.shards[i][off:off + take]
            filled, pos = filled + take, (pos + take) % self.total
        return out

    def batch(self, position: int, batch_size: int, seq_len: int, rank: int = 0, world: int = 1,
              device: torch.device | str = "cpu") -> tuple[torch.Tensor, torch.Tensor, int]:
        """(inputs, targets, next position) of this rank's rows of the micro-batch at `position`."""
        first = position + rank * batch_size * seq_len
        rows = self.read(first, batch_size * seq_len + 1)
        idx = np.lib.stride_tricks.sliding_window_view(rows, seq_len + 1)[::seq_len]
        t = torch.from_numpy(np.ascontiguousarray(idx)).to(device)
        return t[:, :-1], t[:, 1:], position + world * batch_size * seq_len


# ============================================================================= optimisation

def build_optimizer(model: nn.Module, cfg: TrainConfig) -> torch.optim.AdamW:
    """AdamW with weight decay on matrices (linears, embeddings) only: decaying norms and biases only hurts."""
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for p in params if p.dim() >= 2]
    no_decay = [p for p in params if p.dim() < 2]
    groups = [{"params": decay, "weight_decay": cfg.weight_decay}, {"params": no_decay, "weight_decay": 0.0}]
    # The fused kernel is one pass over each tensor: about 5x faster than foreach on a CPU (10M parameters,
    # measured). FSDP2's DTensor parameters keep the default implementation.
    fused = not any(hasattr(p, "to_local") for p in params) and all(p.device.type in ("cpu", "cuda") for p in params)
    return torch.optim.AdamW(groups, lr=cfg.lr, betas=(cfg.beta1, cfg.beta2), fused=fused or None)


def lr_factor(step: int, cfg: TrainConfig) -> float:
    """Multiplier of cfg.lr at `step`: linear warmup, then cosine to min_lr_ratio, or WSD (stable, then linear
    decay)."""
    if step < cfg.warmup_steps:
        return (step + 1) / cfg.warmup_steps
    floor = cfg.min_lr_ratio
    if cfg.schedule == "wsd":
        decay_start = int(cfg.max_steps * (1 - cfg.decay_frac))
        if step < decay_start:
            return 1.0
        return floor + (1 - floor) * max(0.0, 1 - (step - decay_start) / max(1, cfg.max_steps - decay_start))
    if cfg.schedule != "cosine":
        raise ValueError(f"config key 'schedule' must be cosine or wsd, got {cfg.schedule!r}")
    progress = min(1.0, (step - cfg.warmup_steps) / max(1, cfg.max_steps - cfg.warmup_steps))
    return floor + (1 - floor) * 0.5 * (1 + math.cos(math.pi * progress))


def build_scheduler(optimizer: torch.optim.Optimizer, cfg: TrainConfig) -> torch.optim.lr_scheduler.LambdaLR:
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: lr_factor(step, cfg))


def autocast(dtype: str, device: torch.device):
    """fp32: no autocast; bf16/fp16: autocast on the device (FSDP's policy casts instead, see shard_model)."""
    if dtype == "fp32":
        return nullcontext()
    if dtype not in ("bf16", "fp16"):
        raise ValueError(f"config key 'dtype' must be fp32, bf16 or fp16, got {dtype!r}")
    return torch.autocast(device.type, dtype=torch.bfloat16 if dtype == "bf16" else torch.float16)


# ============================================================================= evaluation

@torch.no_grad()
def evaluate(model: nn.Module, stream: TokenStream, batches: int, batch_size: int, seq_len: int, dtype: str,
             device: torch.device) -> dict[str, float]:
    """Mean loss and perplexity over the first `batches` micro-batches of a held-out stream (same on every call)."""
    rank, world = rank_world()
    was_training = model.training
    model.eval()
    total, position = torch.zeros((), device=device), 0
    for _ in range(batches):
        x, y, position = stream.batch(position, batch_size, seq_len, rank, world, device)
        with autocast(dtype, device):
            _, loss = model(x, y)
        total += loss.float()
    model.train(was_training)
    loss = _mean_across_ranks(total / batches)
    return {"loss": loss, "ppl": math.exp(min(loss, 50.0))}


@torch.no_grad()
def window_nll(model: nn.Module, ids: torch.Tensor | Sequence[int], scored: int = 0) -> float:
    """Mean next-token negative log-likelihood of a window's last `scored` tokens (0: all but the first), each seeing
    every earlier token of the window as context: the one scoring behind both perplexities (this file's sliding
    window over a whole text, eval.py's equal windows with an interval)."""
    x = torch.as_tensor(ids, dtype=torch.long)[None]
    y = x[:, 1:].clone()
    y[:, :y.size(1) - (scored or y.size(1))] = -100  # context only
    _, loss = model(x[:, :-1], y)
    return float(loss)


@torch.no_grad()
def wikitext_perplexity(model: Transformer, tokenizer: Any, text_path: str | Path, seq_len: int,
                        stride: int | None = None, max_tokens: int = 0,
                        device: torch.device | str = "cpu") -> dict[str, float]:
    """Token-level perplexity of a text file with a sliding window (each scored token sees up to seq_len - stride
    tokens of context), the usual Hugging Face recipe; `max_tokens` > 0 scores only the start (quick checks)."""
    text = Path(text_path).read_text(encoding="utf-8")
    ids = tokenizer.encode(text)
    if max_tokens:
        ids = ids[:max_tokens]
    ids_t = torch.tensor(ids, dtype=torch.long, device=device)
    stride = stride or seq_len // 2
    model.eval()
    nll, counted, prev_end = 0.0, 0, 0
    for begin in range(0, len(ids) - 1, stride):
        end = min(begin + seq_len, len(ids))
        new = end - max(prev_end, begin + 1)  # score only tokens no earlier window scored
        nll += window_nll(model, ids_t[begin:end], new) * new
        counted += new
        prev_end = end
        if end == len(ids):
            break
    return {"tokens": counted, "loss": nll / counted, "ppl": math.exp(nll / counted)}


# ============================================================================= the trainer

class Trainer:
    """All training state in one place: build with a config, then `run()` (or `train_step()` in tests)."""

    def __init__(self, cfg: TrainConfig, model_cfg: ModelConfig, dist_info: Dist | None = None):
        self.cfg, self.dist = cfg, dist_info or setup_distributed()
        d = self.dist
        self.run_dir = Path(cfg.run_dir) if cfg.run_dir else out_dir("runs", cfg.run_name)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.ckpt_dir = self.run_dir / "checkpoints"
        manifest = read_manifest(cfg.data_dir)
        self.fingerprint = manifest["tokenizer"]["fingerprint"]
        self.train_stream = TokenStream(load_split(cfg.data_dir, "train", self.fingerprint))
        self.val_stream = TokenStream(load_split(cfg.data_dir, "val", self.fingerprint))
        torch.manual_seed(cfg.seed)  # identical initial weights on every rank
        resume = self._resume_path()
        self.raw = self._build_model(model_cfg, resume)
        if manifest["tokenizer"]["vocab_size"] > self.raw.config.vocab_size:
            raise ValueError(f"{cfg.data_dir}: tokenizer vocab_size {manifest['tokenizer']['vocab_size']} exceeds the "
                             f"model's vocab_size {self.raw.config.vocab_size}")
        on_meta = next(self.raw.parameters()).is_meta
        if cfg.fsdp:
            shard_model(self.raw if on_meta else self.raw.to(d.device), cfg.dtype)
        if on_meta:
            materialize(self.raw, d.device)
        self.raw.to(d.device)
        self.model: nn.Module = torch.compile(self.raw) if cfg.compile else self.raw
        if d.world > 1 and not cfg.fsdp:
            devices = [d.local_rank] if d.device.type == "cuda" else None
            self.model = DistributedDataParallel(self.model, device_ids=devices)
        self.optimizer = build_optimizer(self.raw, cfg)
        self.scheduler = build_scheduler(self.optimizer, cfg)
        fp16 = cfg.dtype == "fp16"
        self.scaler = torch.amp.GradScaler(d.device.type, init_scale=cfg.fp16_init_scale) if fp16 else None
        self.step, self.position, self.best_val = 0, 0, math.inf
        torch.manual_seed(cfg.seed + d.rank)  # per-rank streams (dropout, sampling); replaced on resume
        if resume is not None:
            self._resume(resume)
        self.logger = MetricsLogger(self.run_dir, d.master, cfg.wandb_project, dataclasses.asdict(cfg))
        self.watcher = Watcher(self.raw, self.logger, cfg.watch_every, cfg.hist_every, cfg.spike_factor)
        self.tokens_per_step = cfg.batch_size * cfg.seq_len * cfg.grad_accum * d.world
        self.flops_per_token = self.raw.flops_per_token(cfg.seq_len)
        self.peak = peak_flops(cfg.peak_flops, d.device)
        self.tokenizer: Any = None  # loaded on the first text sample
        if d.master:
            atomic_write_json(self.run_dir / "config.json", {"train": dataclasses.asdict(cfg),
                                                              "model": dataclasses.asdict(self.raw.config)})

    # ------------------------------------------------------------------ setup
    def _resume_path(self) -> Path | None:
        init = self.cfg.init_from
        if init in ("resume", "auto"):
            path = latest_checkpoint(self.ckpt_dir)
            if path is None and init == "resume":
                raise FileNotFoundError(f"init_from=resume: no complete checkpoint under {self.ckpt_dir}")
            return path
        return None

    def _build_model(self, model_cfg: ModelConfig, resume: Path | None) -> Transformer:
        init = self.cfg.init_from
        if resume is not None:
            saved = ModelConfig(**read_meta(resume)["model_config"])
            if saved != model_cfg:
                diff = [f.name for f in dataclasses.fields(ModelConfig)
                        if getattr(saved, f.name) != getattr(model_cfg, f.name)]
                raise ValueError(f"{resume}: model config differs from the checkpoint's in {', '.join(diff)}")
            with torch.device("meta") if self.cfg.meta_init else nullcontext():
                return Transformer(model_cfg)  # the checkpoint's weights replace the initial ones
        if init == "scratch" or init == "auto":
            with torch.device("meta") if self.cfg.meta_init else nullcontext():
                return Transformer(model_cfg)
        path = Path(init)
        if (path / "meta.json").exists():
            return model_from_checkpoint(path)[0]
        if path.exists():
            model, tok = load_pretrained(path)
            if tok is not None and tok.fingerprint != self.fingerprint:
                raise ValueError(f"init_from={init}: its tokenizer (fingerprint {tok.fingerprint[:12]}) is not "
                                 f"the one the shards in {self.cfg.data_dir} were made with ({self.fingerprint[:12]})")
            return model
        raise FileNotFoundError(f"init_from={init!r}: not scratch/resume/auto and no such checkpoint, HF dir or .gguf")

    def _resume(self, path: Path) -> None:
        meta = load_checkpoint(path, model=self.raw, optimizer=self.optimizer, scaler=self.scaler,
                               scheduler=self.scheduler)
        if meta["tokenizer_fingerprint"] != self.fingerprint:
            raise ValueError(f"{path}: tokenizer fingerprint {meta['tokenizer_fingerprint']} does not match "
                             f"the shards' {self.fingerprint} in {self.cfg.data_dir}")
        self.step, self.position = meta["step"], meta["data_position"]
        self.best_val = meta["extra"].get("best_val", math.inf)
        if self.dist.master:
            print(f"resumed from {path} at step {self.step}")

    # ------------------------------------------------------------------ one optimizer step
    def _grad_sync(self, sync: bool):
        """No all-reduce on inner micro-steps: DDP's no_sync, FSDP2's set_requires_gradient_sync."""
        if self.cfg.fsdp:
            self.raw.set_requires_gradient_sync(sync)
            return nullcontext()
        if hasattr(self.model, "no_sync") and not sync:
            return self.model.no_sync()
        return nullcontext()

    def accumulate(self) -> torch.Tensor:
        """Forward and backward over grad_accum micro-batches; leaves the gradients of the mean loss in .grad
        (still scaled under fp16) and returns this rank's mean loss."""
        cfg, d = self.cfg, self.dist
        self.model.train()
        total = torch.zeros((), device=d.device)
        for micro in range(cfg.grad_accum):
            x, y, self.position = self.train_stream.batch(self.position, cfg.batch_size, cfg.seq_len, d.rank, d.world,
                                                          d.device)
            with self._grad_sync(micro == cfg.grad_accum - 1):
                with autocast("fp32" if cfg.fsdp else cfg.dtype, d.device):
                    _, loss = self.model(x, y)
                loss = loss / cfg.grad_accum  # gradients of the mean over all micro-batches
                (self.scaler.scale(loss) if self.scaler else loss).backward()
            total += loss.detach().float()
        return total

    def train_step(self) -> dict[str, float]:
        """One optimizer step: accumulate, unscale, clip, check for anomalies, step (or skip), advance the schedule."""
        cfg = self.cfg
        number = self.step + 1  # the step being taken, as logged
        self.watcher.attach(number)
        total = self.accumulate()
        if self.scaler is not None:
            self.scaler.unscale_(self.optimizer)
        grad_norm = float(full_tensor(torch.nn.utils.clip_grad_norm_(self.raw.parameters(), cfg.grad_clip or math.inf)))
        loss_value = _mean_across_ranks(total)
        self.watcher.before_update(number)
        problem = self.watcher.check(loss_value, grad_norm, self.scaler is not None)
        metrics = {"train/loss": loss_value, "train/lr": self.scheduler.get_last_lr()[0], "train/grad_norm": grad_norm}
        if problem is not None:
            log.warning(f"step {number}: {problem}", extra={"fields": {"step": number}})
            self.logger.log(number, {"anomaly": problem})
            if cfg.stop_on_anomaly:
                raise AnomalyStop(f"step {number}: {problem}; last good checkpoint: {latest_checkpoint(self.ckpt_dir)}")
        if problem is not None and not math.isfinite(loss_value + grad_norm) and self.scaler is None:
            metrics["train/skipped"] = 1  # never let NaN/Inf gradients into the weights
        elif self.scaler is not None:
            scale = self.scaler.get_scale()
            self.scaler.step(self.optimizer)
            self.scaler.update()
            metrics["train/skipped"] = int(self.scaler.get_scale() < scale)  # the scaler backs off when it skips
            metrics["train/loss_scale"] = self.scaler.get_scale()
        else:
            self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        with warnings.catch_warnings():  # after a skipped step torch warns that the optimizer did not step: intended
            warnings.filterwarnings("ignore", message="Detected call of `lr_scheduler.step")
            self.scheduler.step()  # the schedule follows steps taken or skipped, so resume and plans line up
        self.step += 1
        metrics.update(self.watcher.after_update(number))
        return metrics

    # ------------------------------------------------------------------ the loop
    def save(self, name: str) -> Path:
        path = save_checkpoint(self.ckpt_dir, name, model=self.raw, optimizer=self.optimizer, scaler=self.scaler,
                               scheduler=self.scheduler, step=self.step, data_position=self.position,
                               config=dataclasses.asdict(self.cfg), model_config=dataclasses.asdict(self.raw.config),
                               tokenizer_fingerprint=self.fingerprint, extra={"best_val": self.best_val},
                               sharded=self.cfg.fsdp)
        if name.startswith("step-") and self.dist.master:
            prune_checkpoints(self.ckpt_dir, self.cfg.keep_last)
        return path

    def validate(self) -> dict[str, float]:
        cfg = self.cfg
        result = evaluate(self.model, self.val_stream, cfg.eval_batches, cfg.batch_size, cfg.seq_len,
                          "fp32" if cfg.fsdp else cfg.dtype, self.dist.device)
        self.logger.log(self.step, {"val/loss": result["loss"], "val/ppl": result["ppl"]})
        if self.dist.master:
            print(f"step {self.step}: val loss {result['loss']:.4f} ppl {result['ppl']:.2f}")
        if cfg.keep_best and result["loss"] < self.best_val:
            self.best_val = result["loss"]
            self.save("best")
        return result

    def sample(self) -> None:
        """A short greedy continuation into TensorBoard (every rank runs it: FSDP's forward is collective)."""
        if not self.cfg.tokenizer:
            return
        if self.tokenizer is None:
            self.tokenizer = load_tokenizer(self.cfg.tokenizer)
        tok = self.tokenizer
        out = self.raw.generate([tok.encode(self.cfg.sample_prompt)], max_new_tokens=32,
                                stop_ids=tuple(tok.stop_ids))[0]
        self.logger.text("samples", self.cfg.sample_prompt + tok.decode(out), self.step)

    def _progress(self, metrics: dict[str, float], dt: float, start_step: int, started: float) -> None:
        cfg = self.cfg
        tok_s = self.tokens_per_step * cfg.log_every / dt
        mfu = tok_s * self.flops_per_token / (self.peak * self.dist.world)
        eta = (time.perf_counter() - started) / (self.step - start_step) * (cfg.max_steps - self.step)
        metrics.update({"train/tokens_per_s": tok_s, "train/mfu": mfu, "train/memory_mb": memory_mb(self.dist.device)})
        if self.dist.master:
            print(f"step {self.step}/{cfg.max_steps} | loss {metrics['train/loss']:.4f} | "
                  f"lr {metrics['train/lr']:.2e} | gnorm {metrics['train/grad_norm']:.3f} | {tok_s:,.0f} tok/s | "
                  f"mfu {mfu:.1%} | eta {eta:.0f}s", flush=True)

    def run(self) -> dict[str, float]:
        cfg = self.cfg
        if self.dist.master:
            print(json.dumps({"train": dataclasses.asdict(cfg), "model": dataclasses.asdict(self.raw.config)}))
            print(f"{self.raw.num_params():,} parameters, {self.tokens_per_step:,} tokens per step, "
                  f"world {self.dist.world}")
        start_step, started, tick = self.step, time.perf_counter(), time.perf_counter()
        metrics: dict[str, float] = {}
        while self.step < cfg.max_steps:
            metrics = self.train_step()
            if self.step % cfg.log_every == 0:
                now = time.perf_counter()
                self._progress(metrics, now - tick, start_step, started)
                tick = now
            self.logger.log(self.step, metrics)
            if cfg.eval_every and self.step % cfg.eval_every == 0:
                self.validate()
            if cfg.sample_every and self.step % cfg.sample_every == 0:
                self.sample()
            if cfg.save_every and self.step % cfg.save_every == 0:
                self.save(f"step-{self.step:08d}")
            if cfg.kill_at_step and self.step == cfg.kill_at_step:
                os.kill(os.getpid(), signal.SIGKILL)
        if not (cfg.eval_every and self.step % cfg.eval_every == 0):
            metrics.update({f"val/{k}": v for k, v in self.validate().items()})
        self.save("final")
        self.logger.close()
        return metrics


# ============================================================================= dry run: memory on paper

def activation_bytes_per_token(cfg: ModelConfig, act_bytes: int) -> float:
    """Bytes saved for backward per token and layer of a pre-norm block with flash/efficient SDPA (no T x T
    scores kept): norm inputs and outputs, q/k/v, attention output, and the MLP's gate, up and product."""
    kv = cfg.n_kv_heads * cfg.head_dim
    q = cfg.n_heads * cfg.head_dim
    return act_bytes * (4 * cfg.dim + 2 * q + 2 * kv + 3 * cfg.ffn_dim)


def plan_memory(model_cfg: ModelConfig, cfg: TrainConfig) -> dict[str, Any]:
    """Per-GPU memory (bytes) for training `model_cfg` on `cfg.world_size` GPUs, and a batch recommendation.

    fp32 master weights, fp32 gradients and AdamW's two fp32 moments are divided by the world size under FSDP;
    FSDP adds the unsharded bf16 parameters of the two blocks in flight (current + prefetched). Activations
    scale with micro-batch x seq_len; the logits and their fp32 softmax are counted once per sample.
    """
    with torch.device("meta"):
        model = Transformer(model_cfg)
    n = model.num_params()
    shard = cfg.world_size if cfg.fsdp else 1
    block = sum(p.numel() for p in model.layers[0].parameters())
    act = 2 if cfg.dtype in ("bf16", "fp16") else 4
    static = {"params": 4 * n / shard, "grads": 4 * n / shard, "optimizer": 8 * n / shard,
              "unsharded_blocks": 2 * act * block if cfg.fsdp else 0}
    per_sample = cfg.seq_len * (model_cfg.n_layers * activation_bytes_per_token(model_cfg, act)
                                + model_cfg.vocab_size * (act + 8))
    budget = cfg.gpu_memory_gb * 1e9 * 0.9 - sum(static.values())  # 10% for the allocator and workspace
    fits = [b for b in (1, 2, 4, 8, 16, 32, 64, 128) if b * per_sample <= budget]
    micro = fits[-1] if fits else 0
    accum = math.ceil(cfg.global_batch_tokens / (micro * cfg.seq_len * cfg.world_size)) if micro else 0
    return {"params": n, "static": static, "activation_per_sample": per_sample, "micro_batch": micro,
            "grad_accum": accum, "global_batch_tokens": micro * cfg.seq_len * cfg.world_size * accum,
            "per_gpu_total": sum(static.values()) + micro * per_sample}


def print_plan(plan: dict[str, Any], cfg: TrainConfig) -> None:
    gb = 1e9
    print(f"{plan['params'] / 1e9:.2f}B parameters, world size {cfg.world_size}, {'FSDP' if cfg.fsdp else 'DDP'}, "
          f"{cfg.dtype}, seq_len {cfg.seq_len}, {cfg.gpu_memory_gb:.0f} GB per GPU")
    for key, value in plan["static"].items():
        print(f"  {key:<18} {value / gb:8.2f} GB")
    print(f"  {'activations':<18} {plan['activation_per_sample'] / gb:8.2f} GB per sample of the micro-batch")
    if not plan["micro_batch"]:
        print("  does not fit even at micro-batch 1: use --fsdp, more GPUs or a shorter seq_len")
        return
    print(f"recommend --batch_size={plan['micro_batch']} --grad_accum={plan['grad_accum']} "
          f"({plan['global_batch_tokens']:,} tokens per step, {plan['per_gpu_total'] / gb:.1f} GB per GPU)")


# ============================================================================= tools

def consolidate(path: str | Path, to: str = "", hf_dir: str = "", tokenizer: str = "") -> None:
    """A (DCP-sharded) training checkpoint -> one `torch.save` file of the model weights and/or an HF directory."""
    model, _ = model_from_checkpoint(path)
    if to:
        Path(to).parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(to).with_name(f".{Path(to).name}.tmp")
        save_file(model.state_dict(), tmp)
        os.replace(tmp, to)
        print(f"wrote {to}")
    if hf_dir:
        tok = None
        if tokenizer:
            tok = load_tokenizer(tokenizer)
        print(f"wrote {export_hf(model, tok, hf_dir)}")


def eval_only(cfg: TrainConfig, device: torch.device) -> dict[str, float]:
    """Held-out loss/ppl of a checkpoint (ours, HF dir or .gguf) on the shards' val split; WikiText-2 with
    --wikitext."""
    path, fingerprint = Path(cfg.init_from), None
    if (path / "meta.json").exists():
        (model, meta), tok = model_from_checkpoint(path, device), None
        fingerprint = meta["tokenizer_fingerprint"]
    else:
        model, tok = load_pretrained(path)
        model.to(device)
        fingerprint = getattr(tok, "fingerprint", None)
    if cfg.tokenizer:
        tok = load_tokenizer(cfg.tokenizer)
    result: dict[str, float] = {}
    if Path(cfg.data_dir).is_dir():
        stream = TokenStream(load_split(cfg.data_dir, "val", fingerprint))
        val = evaluate(model, stream, cfg.eval_batches, cfg.batch_size, cfg.seq_len, cfg.dtype, device)
        result.update({"val/loss": val["loss"], "val/ppl": val["ppl"]})
    elif not cfg.wikitext:
        raise FileNotFoundError(f"data_dir {cfg.data_dir} not found and --wikitext not set: nothing to evaluate")
    if cfg.wikitext:
        if tok is None:
            raise ValueError("--wikitext needs a tokenizer: pass --tokenizer=PATH (or an HF dir / .gguf as init_from)")
        path = require_data(shared_data_dir() / "wikitext2" / "wiki.test.raw", "wikitext2")
        wiki = wikitext_perplexity(model, tok, path, cfg.seq_len,
                                   max_tokens=cfg.wikitext_tokens, device=device)
        result.update({f"wikitext2/{key}": wiki[key] for key in ("loss", "ppl", "tokens")})
    print(json.dumps(result))
    return result


def main(argv: list[str]) -> int:
    values = parse_args(argv)
    cfg, model_cfg = split_config(values)
    if cfg.dry_run:
        print_plan(plan_memory(model_cfg, cfg), cfg)
        return 0
    if cfg.consolidate:
        consolidate(cfg.consolidate, cfg.to, cfg.hf_dir, cfg.tokenizer)
        return 0
    d = setup_distributed()
    if cfg.eval_only:
        eval_only(cfg, d.device)
        return 0
    try:
        Trainer(cfg, model_cfg, d).run()
    except AnomalyStop as stop:
        log.error(str(stop))
        return 3
    finally:
        if dist.is_initialized():
            dist.destroy_process_group()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
