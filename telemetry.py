"""Training telemetry: what a run reports about itself while it trains.

What it holds
- `MetricsLogger`: rank 0 writes `metrics.jsonl` (one JSON object per line), TensorBoard events under `tb/`, and
  wandb when a project is named; scalars, text samples and histograms
- throughput context: `peak_flops` (a GPU table, or a matmul measured on this CPU) for MFU, `memory_mb` (peak GPU
  memory or the process's peak RSS)
- `Watcher`, the weight watchers: per-layer weight norm, gradient norm, update/weight ratio, activation statistics
  and histograms; NaN/Inf and loss-spike checks, with `AnomalyStop` for `--stop_on_anomaly`

Why a file of its own: none of it changes what training computes; it watches. train.py reads as the loop, and
sft.py logs through the same `MetricsLogger` without importing the pretraining script.

Tests: `.venv/bin/python -m pytest -q tests/test_train.py -k "watcher or spike or tensorboard"` (the NaN stop
keeping the last good checkpoint, the spike detector, the metrics and TensorBoard tags a run writes).
"""
from __future__ import annotations

import json
import math
import resource
import time
from pathlib import Path
from typing import Any

import torch
import torch.nn as nn

from model import Transformer


# ============================================================================= metrics

class MetricsLogger:
    """Rank 0 writes metrics.jsonl (one JSON object per line), TensorBoard events under tb/, and wandb if asked."""

    def __init__(self, run_dir: Path, enabled: bool, wandb_project: str = "", config: dict | None = None):
        self.enabled = enabled
        self.tb = self.wandb = self.jsonl = None
        if not enabled:
            return
        # Imported on use: tensorboard takes about 0.5 s to import, and sft.py (so fuse.py, and serve.py through it)
        # imports this file; only a run that keeps metrics needs it.
        from torch.utils.tensorboard import SummaryWriter
        self.jsonl = open(run_dir / "metrics.jsonl", "a")
        self.tb = SummaryWriter(str(run_dir / "tb"))
        if wandb_project:
            import wandb  # optional: only when asked for
            self.wandb = wandb.init(project=wandb_project, config=config, dir=str(run_dir))

    def log(self, step: int, metrics: dict[str, Any]) -> None:
        if not self.enabled:
            return
        self.jsonl.write(json.dumps({"step": step, **metrics}) + "\n")
        self.jsonl.flush()
        for key, value in metrics.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                self.tb.add_scalar(key, value, step)
        if self.wandb is not None:
            self.wandb.log(metrics, step=step)

    def text(self, tag: str, text: str, step: int) -> None:
        if self.enabled:
            self.tb.add_text(tag, text, step)

    def histogram(self, tag: str, values: torch.Tensor, step: int) -> None:
        if self.enabled:
            self.tb.add_histogram(tag, values.detach().float().cpu(), step)

    def close(self) -> None:
        if self.enabled:
            self.jsonl.close()
            self.tb.close()
            if self.wandb is not None:
                self.wandb.finish()


GPU_PEAK_BF16 = {"H200": 989e12, "H100": 989e12, "A100": 312e12, "A10G": 125e12, "L4": 121e12, "L40S": 362e12}


def measure_matmul_peak(device: torch.device | str = "cpu", dtype: torch.dtype = torch.float32, n: int = 1024,
                        seconds: float = 0.5) -> float:
    """FLOP/s of a square matmul on this device right now: the 'peak' CPU MFU is measured against."""
    a = torch.randn(n, n, device=device, dtype=dtype)
    b = torch.randn(n, n, device=device, dtype=dtype)
    a @ b
    iters, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        a @ b
        iters += 1
    if torch.device(device).type == "cuda":
        torch.cuda.synchronize()
    return 2 * n ** 3 * iters / (time.perf_counter() - start)


def peak_flops(configured: float, device: torch.device) -> float:
    """Peak FLOP/s per device for MFU: `configured` when > 0, else the GPU's bf16 table entry or a measured CPU
    matmul."""
    if configured > 0:
        return configured
    if device.type == "cuda":
        name = torch.cuda.get_device_name(device)
        return next((v for k, v in GPU_PEAK_BF16.items() if k in name), 312e12)
    return measure_matmul_peak(device)


def memory_mb(device: torch.device) -> float:
    if device.type == "cuda":
        return torch.cuda.max_memory_allocated(device) / 2**20
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


# ============================================================================= weight watchers

def full_tensor(t: torch.Tensor) -> torch.Tensor:
    """A DTensor (FSDP2 parameter, gradient or norm) as a plain tensor; other tensors unchanged."""
    return t.full_tensor() if hasattr(t, "full_tensor") else t


class AnomalyStop(RuntimeError):
    """Training stopped on NaN/Inf or a loss spike; the newest checkpoint on disk is the last good one."""


def _group(name: str) -> str:
    """Parameter name -> its layer: 'layers.3.attention.wq.weight' -> 'layers.3', 'tok_embeddings.weight' ->
    'tok_embeddings'."""
    parts = name.split(".")
    return ".".join(parts[:2]) if parts[0] == "layers" else parts[0]


def _norm(t: torch.Tensor) -> float:
    return float(full_tensor(torch.linalg.vector_norm(t.detach().float())))


class Watcher:
    """Weight watchers. On watch steps: per-layer weight norm, gradient norm, update/weight ratio (from a
    snapshot taken before the optimizer step) and activation mean/std/max of every block (forward hooks);
    weight and gradient histograms every `hist_every`. Every step: NaN/Inf and loss-spike checks."""

    def __init__(self, model: Transformer, logger: MetricsLogger, every: int = 0, hist_every: int = 0,
                 spike_factor: float = 3.0, ema_beta: float = 0.9, warmup: int = 5):
        self.model, self.logger = model, logger
        self.every, self.hist_every, self.spike_factor = every, hist_every, spike_factor
        self.ema_beta, self.warmup = ema_beta, warmup
        self.ema: float | None = None
        self.seen = 0
        self.hooks: list[Any] = []
        self.stats: dict[str, float] = {}
        self.snapshot: dict[str, torch.Tensor] = {}

    def watching(self, step: int) -> bool:
        return self.every > 0 and step % self.every == 0

    def attach(self, step: int) -> None:
        """Hook every block's output for this step's forward passes (the last micro-batch's values are kept)."""
        if not self.watching(step):
            return
        for i, layer in enumerate(self.model.layers):
            self.hooks.append(layer.register_forward_hook(self._activation_hook(f"layers.{i}")))

    def _activation_hook(self, name: str):
        def hook(module: nn.Module, args: Any, output: Any) -> None:
            out = (output[0] if isinstance(output, tuple) else output).detach().float()
            self.stats[f"act/{name}/mean"] = float(out.mean())
            self.stats[f"act/{name}/std"] = float(out.std())
            self.stats[f"act/{name}/absmax"] = float(out.abs().max())
        return hook

    def before_update(self, step: int) -> None:
        """Gradients are final (and unscaled): record norms and snapshot weights for the update ratio."""
        for h in self.hooks:
            h.remove()
        self.hooks = []
        if not self.watching(step):
            self._histograms(step)
            return
        weight_sq: dict[str, float] = {}
        grad_sq: dict[str, float] = {}
        for name, p in self.model.named_parameters():
            g = _group(name)
            weight_sq[g] = weight_sq.get(g, 0.0) + _norm(p) ** 2
            if p.grad is not None:
                grad_sq[g] = grad_sq.get(g, 0.0) + _norm(p.grad) ** 2
            self.snapshot[name] = p.detach().clone()
        self.stats.update({f"weight_norm/{g}": math.sqrt(v) for g, v in weight_sq.items()})
        self.stats.update({f"grad_norm/{g}": math.sqrt(v) for g, v in grad_sq.items()})
        self._histograms(step)

    def _histograms(self, step: int) -> None:
        if self.hist_every <= 0 or step % self.hist_every:
            return
        for name, p in self.model.named_parameters():  # local shard under FSDP: cheap, and representative
            local = p.to_local() if hasattr(p, "to_local") else p
            self.logger.histogram(f"weights/{name}", local, step)
            if p.grad is not None:
                grad = p.grad.to_local() if hasattr(p.grad, "to_local") else p.grad
                self.logger.histogram(f"grads/{name}", grad, step)

    def after_update(self, step: int) -> dict[str, float]:
        """Update/weight ratios ||w_new - w_old|| / ||w_old|| per layer; returns (and clears) this step's stats."""
        if self.snapshot:
            upd_sq: dict[str, float] = {}
            old_sq: dict[str, float] = {}
            for name, p in self.model.named_parameters():
                g = _group(name)
                upd_sq[g] = upd_sq.get(g, 0.0) + _norm(p.detach() - self.snapshot[name]) ** 2
                old_sq[g] = old_sq.get(g, 0.0) + _norm(self.snapshot[name]) ** 2
            self.stats.update({f"update_ratio/{g}": math.sqrt(upd_sq[g] / max(old_sq[g], 1e-30)) for g in upd_sq})
            self.snapshot = {}
        stats, self.stats = self.stats, {}
        return stats

    def check(self, loss: float, grad_norm: float, scaled: bool) -> str | None:
        """A message when this step looks broken: NaN/Inf loss, NaN/Inf gradients (unless a GradScaler will skip
        the step anyway), or a loss above spike_factor x its running average."""
        if not math.isfinite(loss):
            return f"non-finite loss {loss}"
        if not scaled and not math.isfinite(grad_norm):
            return f"non-finite gradient norm {grad_norm}"
        problem = None
        if self.ema is not None and self.seen >= self.warmup and loss > self.spike_factor * self.ema:
            problem = f"loss spike: {loss:.4f} > {self.spike_factor} x running average {self.ema:.4f}"
        self.ema = loss if self.ema is None else self.ema_beta * self.ema + (1 - self.ema_beta) * loss
        self.seen += 1
        return problem

