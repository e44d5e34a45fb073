"""Training-step throughput: forward + backward + AdamW step, our Transformer vs transformers' Llama, same run.

Both models get the same config (exported through weights.export_hf, so the weights are identical too: the first
losses must agree), the same batch and the same torch AdamW settings; train.build_optimizer is ours. Each side runs
`warmup` untimed steps, then alternates timed steps so background load hits both alike, and reports each
side's median step time. MFU is measured against
a square matmul peak measured in this run (fp32 on CPU; bf16 on GPU). The last line prints
`ratio=<our tokens/s / transformers tokens/s>`.

Goals: ours >= 1.3x transformers in fp32 on CPU, CPU MFU >= 40% of the measured peak, GPU bf16 MFU >= 50%.

Run
    .venv/bin/python -m bench.train_step                                # tiny config, fp32, CPU
    .venv/bin/python -m bench.train_step --model=test --batch_size=16 --seq_len=128
    .venv/bin/python -m bench.train_step --model=smollm2-135m --dtype=bf16 --batch_size=16 --seq_len=1024   # a GPU
"""
from __future__ import annotations

import os
import sys

# Run as a script, bench/ comes first on sys.path, and bench/tokenize.py would shadow the standard library's
# tokenize (imported by inspect, linecache, ...): put the repository root there instead, before other imports.
sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import torch  # noqa: E402
import transformers  # noqa: E402  the reference (requirements-dev.txt)

import train  # noqa: E402
from common import parse_config  # noqa: E402
from model import Transformer, load_config  # noqa: E402
from telemetry import measure_matmul_peak  # noqa: E402
from weights import export_hf  # noqa: E402


@dataclass
class BenchConfig:
    model: str = "tiny"
    batch_size: int = 8
    seq_len: int = 256
    dtype: str = "fp32"  # fp32 | bf16 (autocast on both sides)
    warmup: int = 2
    steps: int = 8  # timed steps per side, alternating
    threads: int = 0  # torch threads; 0 keeps torch's default
    compile: bool = False  # compile ours (transformers stays eager)
    seed: int = 0


def our_loss(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return model(x, y)[1]


def hf_loss(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    logits = model(input_ids=x).logits
    return torch.nn.functional.cross_entropy(logits.float().flatten(0, 1), y.flatten())


def train_step(loss_of: Callable, model: torch.nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor,
               y: torch.Tensor, ctx) -> float:
    """One forward (under `ctx`, the autocast), backward and optimizer step of either side; returns its loss."""
    with ctx:
        loss = loss_of(model, x, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    return float(loss.detach())


def timed(loss_of: Callable, model, optimizer, x, y, ctx, device: torch.device) -> float:
    if device.type == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    train_step(loss_of, model, optimizer, x, y, ctx)
    if device.type == "cuda":
        torch.cuda.synchronize()
    return time.perf_counter() - start


def main(argv: list[str]) -> None:
    cfg = parse_config(BenchConfig, argv)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    ours = Transformer(load_config(cfg.model))
    with tempfile.TemporaryDirectory() as tmp:
        export_hf(ours, None, tmp)
        theirs = transformers.AutoModelForCausalLM.from_pretrained(tmp, attn_implementation="sdpa", dtype=torch.float32)
    ours, theirs = ours.to(device).train(), theirs.to(device).train()
    tcfg = train.TrainConfig(lr=1e-4)  # small: the models stay close over the run, so work is comparable
    opt_ours, opt_theirs = train.build_optimizer(ours, tcfg), train.build_optimizer(theirs, tcfg)
    run_ours = torch.compile(ours) if cfg.compile else ours
    x = torch.randint(0, ours.config.vocab_size, (cfg.batch_size, cfg.seq_len + 1), device=device)
    x, y = x[:, :-1].contiguous(), x[:, 1:].contiguous()
    ctx = train.autocast(cfg.dtype, device)

    first = train_step(our_loss, run_ours, opt_ours, x, y, ctx), train_step(hf_loss, theirs, opt_theirs, x, y, ctx)
    print(f"first-step loss: ours {first[0]:.6f}, transformers {first[1]:.6f} (same weights and batch)")
    for _ in range(cfg.warmup - 1):
        train_step(our_loss, run_ours, opt_ours, x, y, ctx)
        train_step(hf_loss, theirs, opt_theirs, x, y, ctx)
    times: dict[str, list[float]] = {"ours": [], "transformers": []}
    for _ in range(cfg.steps):  # alternate step by step, so background load hits both alike
        times["ours"].append(timed(our_loss, run_ours, opt_ours, x, y, ctx, device))
        times["transformers"].append(timed(hf_loss, theirs, opt_theirs, x, y, ctx, device))
    median = {k: statistics.median(v) for k, v in times.items()}  # robust to a load spike during one step
    tokens = cfg.batch_size * cfg.seq_len
    peak_dtype = torch.bfloat16 if cfg.dtype == "bf16" and device.type == "cuda" else torch.float32
    peak = measure_matmul_peak(device, peak_dtype, n=1024 if device.type == "cpu" else 8192)
    flops = ours.flops_per_token(cfg.seq_len)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else f"CPU, {torch.get_num_threads()} threads"
    print(f"{cfg.model}: {ours.num_params() / 1e6:.2f}M params, batch {cfg.batch_size}x{cfg.seq_len}, "
          f"{cfg.dtype}, {name}")
    print(f"measured matmul peak: {peak / 1e9:.1f} GFLOP/s")
    for label, seconds in median.items():
        tok_s = tokens / seconds
        print(f"{label:>13}: {tok_s:10,.0f} tok/s  {seconds * 1000:8.1f} ms/step (median of {cfg.steps})  "
              f"MFU {tok_s * flops / peak:6.1%}")
    print(f"ratio={median['transformers'] / median['ours']:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
