"""QLoRA against fp32 LoRA on SmolLM2-135M: weight memory and training-step time, same adapter, same batches, one run.

Both sides load the same base and apply the tutor config's LoRA (rank, targets, top layers); the QLoRA side first
swaps every linear layer of the blocks for an NF4Linear (blocks of 64, double-quantised scales) that dequantises
on the fly. Timed steps alternate between the two so background load hits both alike. Prints the base weights'
bytes in fp32 / bf16 / NF4 (analytic, and measured on the modules actually built), seconds per step for each, and
`ratio=<QLoRA seconds per step / LoRA seconds per step>` last (the speed cost of the memory saving).

The step's shape is the tutor's own (configs/sft_tutor.py's batch_size and seq_len, today 4 x 512), so the bench
times the step `make tutor` runs; --batch_size / --seq_len override it.

Run
    .venv/bin/python -m bench.sft_qlora                      # 3 timed steps each, the tutor's batch 4 x 512 tokens
    .venv/bin/python -m bench.sft_qlora --steps=5 --seq_len=384
    .venv/bin/python -m bench.sft_qlora --base=test --lora_top_layers=2    # the mechanism on the tiny test model
"""
from __future__ import annotations

import os
import sys

# Run as a script, bench/ comes first on sys.path and bench/tokenize.py would shadow the standard library's tokenize.
sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import torch  # noqa: E402

import sft  # noqa: E402
from common import check_known, fill, parse_args, read_config_file  # noqa: E402
from sft import SFTConfig  # noqa: E402
from train import TrainConfig  # noqa: E402


@dataclass
class BenchConfig:
    steps: int = 3
    seed: int = 0


def weight_bytes(model: torch.nn.Module) -> int:
    """Bytes the frozen base actually holds: parameters (tied ones once, adapters excluded) plus NF4 codes/scales."""
    seen, total = set(), 0
    for name, p in model.named_parameters():
        if id(p) not in seen and "lora_" not in name:
            seen.add(id(p))
            total += p.numel() * p.element_size()
    return total + sum(m.nbytes() - (m.bias.numel() * 4 if m.bias is not None else 0)
                       for m in model.modules() if isinstance(m, sft.NF4Linear))


def step(model: torch.nn.Module, opt: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor) -> float:
    t = time.perf_counter()
    sft.assistant_loss(model, x, y).backward()
    opt.step()
    opt.zero_grad(set_to_none=True)
    return time.perf_counter() - t


def main(argv: list[str]) -> None:
    overrides = parse_args(argv)
    check_known(overrides, BenchConfig, SFTConfig, TrainConfig)
    values = {**read_config_file("configs/sft_tutor.py"), **overrides}
    bench, shape = fill(BenchConfig, values), fill(TrainConfig, values)  # shape: the tutor's batch_size and seq_len
    keys = {k: v for k, v in values.items() if k in SFTConfig.__dataclass_fields__}
    sides = {}
    for name, qlora in (("lora_fp32", False), ("qlora_nf4", True)):
        torch.manual_seed(bench.seed)
        model, tok = sft.prepare_model(SFTConfig(**{**keys, "qlora": qlora}))
        model.train()
        opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-4)
        sides[name] = (model, opt)
    report = sft.memory_report(sides["lora_fp32"][0])
    print(f"base weights, analytic: fp32 {report['fp32_mib']:.1f} MiB, bf16 {report['bf16_mib']:.1f} MiB, "
          f"NF4 blocks + fp32 embeddings/norms {report['nf4_mib']:.1f} MiB")
    for name, (model, _) in sides.items():
        print(f"base weights held by {name}: {weight_bytes(model) / 2**20:.1f} MiB")
    g = torch.Generator().manual_seed(bench.seed)
    x = torch.randint(0, tok.vocab_size, (shape.batch_size, shape.seq_len), generator=g)
    y = torch.where(torch.rand(x.shape, generator=g) < 0.4, x.roll(-1, 1), torch.tensor(-100))
    for model, opt in sides.values():  # one untimed warm-up step each
        step(model, opt, x, y)
    times = {name: [] for name in sides}
    for _ in range(bench.steps):
        for name, (model, opt) in sides.items():
            times[name].append(step(model, opt, x, y))
    per_step = {name: sorted(t)[len(t) // 2] for name, t in times.items()}  # the median resists load spikes
    for name, seconds in per_step.items():
        tokens_per_s = shape.batch_size * shape.seq_len / seconds
        print(f"{name}: {seconds:.2f} s/step (median of {bench.steps}), {tokens_per_s:.0f} tokens/s")
    print(f"ratio={per_step['qlora_nf4'] / per_step['lora_fp32']:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
