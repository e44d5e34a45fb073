"""Supervised fine-tuning with hand-written LoRA and QLoRA: turns SmolLM2-135M-Instruct into a Socratic tutor
that asks before it tells and emits well-formed tool calls.

What it supports
- LoRA (`LoRALinear`, `apply_lora`): rank/alpha/dropout on chosen linear layers (`targets` such as "wq", "wv",
  "w2"), optionally only in the top `layers`; B starts at zero so training starts from the base model exactly;
  everything else is frozen. `merge_lora` folds B@A into the base weight; `save_adapter`/`load_adapter` use peft's
  layout and key names (adapter_config.json + adapter_model.safetensors), so `peft.PeftModel.from_pretrained`
  loads our adapter into transformers' Llama; `--export` writes the merged model as a Hugging Face directory.
- QLoRA (`quantize_nf4`, `NF4Linear`): the frozen base weights stored as 4-bit NormalFloat in blocks of 64 with
  an absmax scale per block (optionally double-quantised to 8 bits), dequantised on the fly in the forward pass;
  `memory_report` gives the base's bytes in fp32 / bf16 / NF4.
- Data (data/sft/build.py): the base model's chat template, loss only on assistant tokens, multi-turn, padded
  batches; MathDial teacher turns (GSM8K-test problems dropped), CIMA tutor turns, hint ladders from GSM8K *train*,
  dialogues authored for this project, BFCL and our own tools (data/tools.json) as tool calls, a general slice, and
  ingest.py's textbook pairs when present; the 13-gram decontamination filter runs on all of it.
- Evaluation callbacks every `eval_every` steps with capped prompt counts: held-out loss, answer-leak rate and
  question rate on the dev prompts (eval.py scorers), tool-call validity/accuracy on the held-out tool split,
  sample generations; all to TensorBoard and the JSON log.
- Checkpoints and resume through train.py's `save_checkpoint` / `load_checkpoint` / `latest_checkpoint`.

Run
    .venv/bin/python sft.py configs/sft_tutor.py                     # fp32 LoRA on SmolLM2 (make tutor), CPU
    .venv/bin/python sft.py configs/sft_tutor_qlora.py               # the same with an NF4 base
    .venv/bin/python sft.py configs/sft_tutor.py --max_steps=20 --eval_every=10   # a quick look
    .venv/bin/python sft.py configs/sft_tutor.py --eval_only         # score the base model only
    .venv/bin/python sft.py configs/sft_tutor.py --export=out/release/tutor   # merge the adapter, write an HF dir
    tensorboard --logdir out/sft
Outputs go to out/sft/<run>/ (checkpoints, adapter/, metrics.jsonl, tensorboard events).
"""
from __future__ import annotations

import json
import math
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch.nn as nn
import torch.nn.functional as F

from common import atomic_write_bytes, atomic_write_json, check_known, fill, get_logger, out_dir, parse_args


# ============================================================================= LoRA

class LoRALinear(nn.Module):
    """y = base(x) + (alpha / r) * B(A(dropout(x))), with the base frozen and B initialised to zero.

    `base` is an nn.Linear or an NF4Linear (QLoRA); A and B are the only trainable parameters.
    """

    def __init__(self, base: nn.Module, rank: int, alpha: float, dropout: float = 0.0):
        super().__init__()
        if rank <= 0:
            raise ValueError(f"LoRA rank must be positive, got {rank}")
        self.base, self.rank, self.alpha = base, rank, alpha
        self.scaling = alpha / rank
        for p in base.parameters():
            p.requires_grad_(False)
        dtype = torch.float32 if isinstance(base, NF4Linear) else base.weight.dtype
        self.lora_A = nn.Parameter(torch.empty(rank, base.in_features, dtype=dtype))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, rank, dtype=dtype))
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))  # peft's and nn.Linear's default init for A
        self.dropout = nn.Dropout(dropout) if dropout > 0 else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        update = F.linear(F.linear(self.dropout(x), self.lora_A.to(x.dtype)), self.lora_B.to(x.dtype))
        return self.base(x) + self.scaling * update

    def merged(self) -> nn.Linear:
        """A plain nn.Linear whose weight is base + scaling * B @ A (a dequantised one for an NF4 base)."""
        weight = self.base.dequantize() if isinstance(self.base, NF4Linear) else self.base.weight.detach()
        bias = self.base.bias
        linear = nn.Linear(self.base.in_features, self.base.out_features, bias=bias is not None,
                           device=weight.device, dtype=weight.dtype)
        with torch.no_grad():
            linear.weight.copy_(weight + self.scaling * (self.lora_B @ self.lora_A).to(weight.dtype))
            if bias is not None:
                linear.bias.copy_(bias)
        return linear


def _matches(name: str, targets: list[str]) -> bool:
    """'layers.3.attention.wq' matches target 'wq' or 'attention.wq'."""
    return any(name == t or name.endswith("." + t) for t in targets)


def _layer_index(name: str) -> int | None:
    parts = name.split(".")
    return int(parts[1]) if len(parts) > 1 and parts[0] == "layers" and parts[1].isdigit() else None


def _set_module(model: nn.Module, name: str, module: nn.Module) -> None:
    parent, _, child = name.rpartition(".")
    setattr(model.get_submodule(parent) if parent else model, child, module)


def apply_lora(model: nn.Module, rank: int, alpha: float, dropout: float, targets: list[str],
               layers: list[int] | None = None) -> list[str]:
    """Freeze `model` and wrap every targeted linear layer (in `layers` only, when given) in a LoRALinear.

    Returns the wrapped module names; fails if nothing matched, so a misspelt target cannot train nothing.
    """
    for p in model.parameters():
        p.requires_grad_(False)
    names = [n for n, m in model.named_modules()
             if isinstance(m, (nn.Linear, NF4Linear)) and _matches(n, targets)
             and (layers is None or _layer_index(n) in layers)]
    if not names:
        raise ValueError(f"apply_lora: no linear layer matches targets {targets} (layers {layers})")
    for name in names:
        _set_module(model, name, LoRALinear(model.get_submodule(name), rank, alpha, dropout))
    model.lora_config = {"rank": rank, "alpha": alpha, "dropout": dropout, "targets": list(targets),
                         "layers": sorted({_layer_index(n) for n in names} - {None}) if layers is not None else None}
    return names


def lora_modules(model: nn.Module) -> dict[str, LoRALinear]:
    return {n: m for n, m in model.named_modules() if isinstance(m, LoRALinear)}


def merge_lora(model: nn.Module) -> nn.Module:
    """Replace every LoRALinear by its merged nn.Linear (in place); the result has no adapter left."""
    for name, module in lora_modules(model).items():
        _set_module(model, name, module.merged())
    model.__dict__.pop("lora_config", None)
    return model


# ============================================================================= adapters in peft's layout

def _peft_module_name(model: nn.Module, name: str) -> str:
    """Our module name -> the transformers module name peft uses (layers.0.attention.wq -> model.layers.0.self_attn.q_proj)."""
    from model import hf_names

    return hf_names(model.config)[name + ".weight"].removesuffix(".weight")


def adapter_state_dict(model: nn.Module) -> dict[str, torch.Tensor]:
    """peft's key names: base_model.model.<hf module>.lora_A.weight / lora_B.weight."""
    sd = {}
    for name, module in lora_modules(model).items():
        key = "base_model.model." + _peft_module_name(model, name)
        sd[key + ".lora_A.weight"] = module.lora_A.detach().float().contiguous()
        sd[key + ".lora_B.weight"] = module.lora_B.detach().float().contiguous()
    return sd


def save_adapter(model: nn.Module, path: str | Path, base_model: str = "", extra: dict | None = None) -> Path:
    """Write adapter_config.json + adapter_model.safetensors as peft does (atomically, model weights first)."""
    from safetensors.torch import save

    path = Path(path)
    cfg = model.lora_config
    hf_targets = sorted({_peft_module_name(model, n).rsplit(".", 1)[-1] for n in lora_modules(model)})
    atomic_write_bytes(path / "adapter_model.safetensors", save(adapter_state_dict(model), metadata={"format": "pt"}))
    atomic_write_json(path / "adapter_config.json", {
        "peft_type": "LORA", "task_type": "CAUSAL_LM", "base_model_name_or_path": base_model,
        "r": cfg["rank"], "lora_alpha": cfg["alpha"], "lora_dropout": cfg["dropout"],
        "target_modules": hf_targets, "layers_to_transform": cfg["layers"],
        "layers_pattern": "layers" if cfg["layers"] is not None else None, "bias": "none",
        "fan_in_fan_out": False, "inference_mode": True, "init_lora_weights": True, "modules_to_save": None,
        "use_rslora": False, "use_dora": False,
    })
    if extra is not None:  # how it was trained; kept out of adapter_config.json, which peft reads strictly
        atomic_write_json(path / "training.json", extra)
    return path


def load_adapter(model: nn.Module, path: str | Path) -> nn.Module:
    """Apply LoRA as the adapter's config says and load its weights; every tensor must be used, every shape match."""
    from safetensors.torch import load_file

    path = Path(path)
    for needed in ("adapter_config.json", "adapter_model.safetensors"):
        if not (path / needed).exists():
            raise FileNotFoundError(f"{path}: missing {needed}")
    cfg = json.loads((path / "adapter_config.json").read_text())
    for key in ("r", "lora_alpha", "target_modules"):
        if key not in cfg:
            raise KeyError(f"{path / 'adapter_config.json'}: missing field {key!r}")
    ours = [_our_target(t) for t in cfg["target_modules"]]
    apply_lora(model, cfg["r"], cfg["lora_alpha"], cfg.get("lora_dropout", 0.0), ours, cfg.get("layers_to_transform"))
    tensors = load_file(path / "adapter_model.safetensors")
    expected = adapter_state_dict(model)
    missing, unused = sorted(set(expected) - set(tensors)), sorted(set(tensors) - set(expected))
    if missing or unused:
        raise KeyError(f"{path / 'adapter_model.safetensors'}: missing {missing[:3]}, unexpected {unused[:3]}")
    modules = lora_modules(model)
    for name, module in modules.items():
        key = "base_model.model." + _peft_module_name(model, name)
        for part in ("lora_A", "lora_B"):
            tensor, param = tensors[f"{key}.{part}.weight"], getattr(module, part)
            if tensor.shape != param.shape:
                raise ValueError(f"{path}: tensor {key}.{part}.weight has shape {tuple(tensor.shape)}, expected {tuple(param.shape)}")
            with torch.no_grad():
                param.copy_(tensor)
    return model


_HF_TO_OURS = {"q_proj": "wq", "k_proj": "wk", "v_proj": "wv", "o_proj": "wo", "gate_proj": "w1", "down_proj": "w2", "up_proj": "w3"}


def _our_target(hf: str) -> str:
    if hf not in _HF_TO_OURS:
        raise ValueError(f"adapter targets {hf!r}, which has no counterpart in model.py")
    return _HF_TO_OURS[hf]


# ============================================================================= NF4 (QLoRA)

# The 16 NormalFloat-4 levels of QLoRA (Dettmers et al., 2023): quantiles of N(0, 1) scaled to [-1, 1], with an
# exact zero. Weights are close to normal, so equal-probability levels waste fewer codes than evenly spaced ones.
NF4_LEVELS = torch.tensor([
    -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635,
    -0.18477343022823334, -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725,
    0.24611230194568634, 0.33791524171829224, 0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0])
# The worst rounding error relative to a block's absmax: half the widest gap between neighbouring levels.
NF4_MAX_REL_ERROR = float((NF4_LEVELS[1:] - NF4_LEVELS[:-1]).max() / 2)


@dataclass
class NF4Tensor:
    """A weight as packed 4-bit codes (two per byte) plus one absmax per block.

    With double quantisation the fp32 absmaxes are themselves stored as int8 around their mean, one fp32 scale per
    256 of them (QLoRA's trick, here symmetric linear int8 rather than bitsandbytes' dynamic map, for readability).
    """
    codes: torch.Tensor  # uint8, numel / 2
    absmax: torch.Tensor  # fp32 per block, or int8 when double-quantised
    shape: tuple[int, ...]
    block: int
    absmax_scale: torch.Tensor | None = None  # fp32 per 256 absmaxes (double quantisation)
    absmax_mean: float = 0.0

    def nbytes(self) -> int:
        extra = self.absmax_scale.numel() * 4 + 4 if self.absmax_scale is not None else 0
        return self.codes.numel() + self.absmax.numel() * self.absmax.element_size() + extra


def quantize_nf4(weight: torch.Tensor, block: int = 64, double_quant: bool = False) -> NF4Tensor:
    """Blockwise NF4: scale each block by its absmax, round to the nearest NF4 level, pack two codes per byte."""
    flat = weight.detach().float().reshape(-1)
    if flat.numel() % block or block % 2:
        raise ValueError(f"quantize_nf4: {flat.numel()} elements do not split into blocks of {block}")
    blocks = flat.view(-1, block)
    absmax = blocks.abs().amax(dim=1).clamp_min(1e-12)
    codes = (blocks / absmax[:, None]).unsqueeze(-1).sub(NF4_LEVELS).abs().argmin(dim=-1).to(torch.uint8).view(-1)
    packed = (codes[0::2] << 4) | codes[1::2]
    if not double_quant:
        return NF4Tensor(packed, absmax, tuple(weight.shape), block)
    mean = float(absmax.mean())
    centred = absmax - mean
    pad = (-centred.numel()) % 256
    groups = F.pad(centred, (0, pad)).view(-1, 256)
    scale = groups.abs().amax(dim=1).clamp_min(1e-12) / 127
    q = torch.round(groups / scale[:, None]).clamp(-127, 127).to(torch.int8).view(-1)[: absmax.numel()]
    return NF4Tensor(packed, q, tuple(weight.shape), block, scale, mean)


def dequantize_nf4(t: NF4Tensor, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    codes = torch.stack((t.codes >> 4, t.codes & 0x0F), dim=1).view(-1).long()
    if t.absmax_scale is None:
        absmax = t.absmax
    else:
        pad = (-t.absmax.numel()) % 256
        groups = F.pad(t.absmax.float(), (0, pad)).view(-1, 256) * t.absmax_scale[:, None]
        absmax = groups.view(-1)[: t.absmax.numel()] + t.absmax_mean
    values = NF4_LEVELS.to(absmax.device)[codes].view(-1, t.block) * absmax[:, None]
    return values.view(t.shape).to(dtype)


class NF4Linear(nn.Module):
    """A frozen linear layer whose weight lives in NF4 and is dequantised for each forward (QLoRA's base)."""

    def __init__(self, linear: nn.Linear, block: int = 64, double_quant: bool = False):
        super().__init__()
        self.in_features, self.out_features = linear.in_features, linear.out_features
        self.weight_nf4 = quantize_nf4(linear.weight, block, double_quant)
        self.bias = None if linear.bias is None else nn.Parameter(linear.bias.detach().clone(), requires_grad=False)

    def dequantize(self, dtype: torch.dtype = torch.float32) -> torch.Tensor:
        return dequantize_nf4(self.weight_nf4, dtype)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(x, self.dequantize(x.dtype), None if self.bias is None else self.bias.to(x.dtype))

    def nbytes(self) -> int:
        return self.weight_nf4.nbytes() + (self.bias.numel() * 4 if self.bias is not None else 0)


def quantize_model_nf4(model: nn.Module, block: int = 64, double_quant: bool = False) -> list[str]:
    """Swap every linear layer inside the transformer blocks for an NF4Linear (embeddings and norms stay as they are)."""
    names = [n for n, m in model.named_modules() if isinstance(m, nn.Linear) and _layer_index(n) is not None]
    for name in names:
        _set_module(model, name, NF4Linear(model.get_submodule(name), block, double_quant))
    return names


def memory_report(model: nn.Module, block: int = 64, double_quant: bool = True) -> dict[str, float]:
    """MiB of the base weights in fp32, bf16 and NF4 (block linears in NF4, the rest in bf16; tied weights once)."""
    linear = other = 0
    seen: set[int] = set()
    for name, module in model.named_modules():
        for pname, p in module.named_parameters(recurse=False):
            if id(p) in seen or pname.startswith("lora_"):
                continue
            seen.add(id(p))
            if isinstance(module, nn.Linear) and pname == "weight" and _layer_index(name) is not None:
                linear += p.numel()
            else:
                other += p.numel()
    scales = (1 + 4 / 256 + 4 / 256 / 256) if double_quant else 4  # bytes per block of absmax
    nf4 = linear / 2 + linear / block * scales + other * 2
    mib = 1024 ** 2
    return {"fp32_mib": (linear + other) * 4 / mib, "bf16_mib": (linear + other) * 2 / mib, "nf4_mib": nf4 / mib}
