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
  ingest.py's textbook pairs and tutor_moves.py's grounded moves (the tutor's own wording prompts; `n_grounded`);
  the 13-gram decontamination filter runs on all of it.
- Evaluation callbacks every `eval_every` steps with capped prompt counts: held-out loss, answer-leak rate and
  question rate on the dev prompts (eval.py scorers), tool-call validity/accuracy on the held-out tool split, both
  as the model writes calls and schema-guided (`*_guided`: toolcalls.tool_call_guide, what serve.py and agent.py
  use), sample generations; all to TensorBoard and the JSON log.
- Checkpoints and resume through checkpoint.py's `save_checkpoint` / `load_checkpoint` / `latest_checkpoint`.

Run
    .venv/bin/python sft.py configs/sft_tutor.py                     # fp32 LoRA on SmolLM2 (make tutor), CPU
    .venv/bin/python sft.py configs/sft_tutor.py configs/sft_tutor_qlora.py   # the same with an NF4 base
    .venv/bin/python sft.py configs/sft_tutor.py --max_steps=20 --eval_every=10   # a quick look
    .venv/bin/python sft.py configs/sft_tutor.py --eval_only         # score the base model only
    .venv/bin/python sft.py configs/sft_tutor.py --export=out/release/tutor   # merge the adapter, write an HF dir
    tensorboard --logdir out/sft
Outputs go to out/sft/<run>/ (checkpoints, adapter/, metrics.jsonl, tensorboard events).
"""
from __future__ import annotations

import hashlib
import json
import math
import random
import sys
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors.torch import load_file, save

from checkpoint import latest_checkpoint, load_checkpoint, prune_checkpoints, save_checkpoint
from common import (atomic_write_bytes, atomic_write_json, check_known, fill, get_logger, out_dir, parse_args,
                    shared_data_dir, smollm2_gguf)
from data.decontam import Decontaminator
from data.sft import build
from model import Transformer, load, load_config
from scorers import asks_or_next_step, leaks_answer, load_dev_prompts, tool_call_accuracy, tool_call_validity
from telemetry import MetricsLogger, memory_mb
from tokenizer import load_tokenizer, render_chat
from toolcalls import tool_call_guide
from train import TrainConfig, build_optimizer, build_scheduler  # sft.py takes train.py's keys too (--help lists both)
from weights import export_hf, hf_names

log = get_logger("sft")


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
    """Our module name -> the transformers module name peft uses (layers.0.attention.wq ->
    model.layers.0.self_attn.q_proj)."""
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
                raise ValueError(f"{path}: tensor {key}.{part}.weight has shape {tuple(tensor.shape)}, "
                                 f"expected {tuple(param.shape)}")
            with torch.no_grad():
                param.copy_(tensor)
    return model


_HF_TO_OURS = {"q_proj": "wq", "k_proj": "wk", "v_proj": "wv", "o_proj": "wo", "gate_proj": "w1", "down_proj": "w2",
               "up_proj": "w3"}


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
    """Swap every linear layer inside the transformer blocks for an NF4Linear (embeddings and norms stay as they
    are)."""
    names = [n for n, m in model.named_modules() if isinstance(m, nn.Linear) and _layer_index(n) is not None]
    for name in names:
        _set_module(model, name, NF4Linear(model.get_submodule(name), block, double_quant))
    return names


def memory_report(model: nn.Module, block: int = 64, double_quant: bool = True) -> dict[str, float]:
    """MiB of the base weights in fp32, bf16 and as our QLoRA holds them (block linears in NF4, embeddings and
    norms left in fp32); tied weights count once."""
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
    nf4 = linear / 2 + linear / block * scales + other * 4
    mib = 1024 ** 2
    return {"fp32_mib": (linear + other) * 4 / mib, "bf16_mib": (linear + other) * 2 / mib, "nf4_mib": nf4 / mib}


# ============================================================================= config

@dataclass
class SFTConfig:
    """SFT-only keys; the training keys (lr, max_steps, batch_size, seq_len, warmup_steps, save_every, eval_every,
    run_name, init_from=auto|scratch for resume, ...) are train.py's TrainConfig fields."""
    base: str = "smollm2"  # smollm2 | a .gguf | a Hugging Face dir | a model config name (random init, for tests)
    lora_rank: int = 8
    lora_alpha: float = 16.0
    lora_dropout: float = 0.05
    lora_targets: list = field(default_factory=lambda: ["wq", "wv"])
    lora_top_layers: int = 0  # 0: every layer; k: only the top k layers (backward then stops below them)
    qlora: bool = False
    nf4_block: int = 64
    double_quant: bool = True
    # examples per source (the authored dialogues are all used, `authored_repeat` times)
    n_mathdial: int = 120
    n_cima: int = 60
    n_gsm8k: int = 120
    n_pushback: int = 80
    n_bfcl: int = 80  # BFCL examples whose reply is a call
    n_bfcl_decline: int = 10  # BFCL "irrelevance" examples (replies decline): few, or a small model learns to decline
    n_tools: int = 200
    n_general: int = 40
    n_textbook: int = 40
    n_grounded: int = 0  # tutor_moves.py's grounded moves (the tutor's own wording prompts), when written
    authored_repeat: int = 2
    heldout_fraction: float = 0.15  # of the tool data; the dialogue loss set is 5% of the dialogues
    textbook_pairs: str = "out/ingest/pairs.jsonl"
    grounded_moves: str = "out/sft/grounded.jsonl"
    decontaminate: bool = True
    # evaluation callbacks: the periodic ones are capped so each takes seconds on a CPU; the base (step 0) and final
    # ones give the reported numbers, so they score more items
    eval_prompts: int = 12
    eval_tool_items: int = 8
    eval_loss_items: int = 24
    report_prompts: int = 48  # dev prompts for the base and final callbacks (data/eval/dev_prompts.jsonl has 48)
    report_tool_items: int = 40  # held-out tool items for the base and final callbacks
    # reply budgets: long enough for a whole reply (training replies are 1-3 sentences, under ~70 tokens) and a whole
    # call; a reply cut short can neither end in a question nor parse as JSON, so it would score as a failure
    eval_max_new_tokens: int = 80
    eval_tool_tokens: int = 160  # tool items whose expected call is longer are not scored
    eval_base: bool = True  # score the untouched model at step 0 (the "base" row of the results)
    samples: int = 3
    stop_at_step: int = 0  # stop (after a checkpoint) at this step, as an interrupted run would: tests resume
    adapter_dir: str = ""  # --eval_only with an adapter: score base + this adapter
    export: str = ""  # merge the run's adapter into the base and write a Hugging Face directory here


# ============================================================================= model and data

def load_base(cfg: SFTConfig) -> tuple[nn.Module, Any]:
    """The base model and its tokenizer; a config name builds a randomly initialised model with SmolLM2's tokenizer."""
    source = smollm2_gguf() if cfg.base == "smollm2" else Path(cfg.base)
    if source.suffix == ".gguf" or source.is_dir():
        model, tok = load(source)
        return model, tok or load_tokenizer(smollm2_gguf())
    tok = load_tokenizer(smollm2_gguf())
    return Transformer(load_config(cfg.base, vocab_size=tok.vocab_size)), tok


def build_examples(cfg: SFTConfig, seed: int) -> tuple[list[dict], dict[str, list[dict]], dict[str, int]]:
    """(train, held-out {"loss", "tools"}, counts per source) after decontamination."""
    rng, root = random.Random(seed), shared_data_dir()
    tools = build.load_tools()
    bfcl_train, bfcl_held = build.bfcl(root, cfg.heldout_fraction)
    tools_train, tools_held = build.our_tools(tools, cfg.n_tools, rng, cfg.heldout_fraction) if tools else ([], [])
    rng.shuffle(bfcl_train)
    bfcl_calls = [ex for ex in bfcl_train if ex["expected"] is not None][: cfg.n_bfcl]
    bfcl_declines = [ex for ex in bfcl_train if ex["expected"] is None][: cfg.n_bfcl_decline]
    dialogues = (build.mathdial(root, cfg.n_mathdial, rng) + build.cima(root, cfg.n_cima, rng)
                 + build.gsm8k_ladders(root, cfg.n_gsm8k, rng) + build.pushback(root, cfg.n_pushback, rng)
                 + build.authored() * cfg.authored_repeat
                 + build.textbook(Path(cfg.textbook_pairs), cfg.n_textbook, rng)
                 + build.grounded(Path(cfg.grounded_moves), cfg.n_grounded, rng))
    loss_held = [ex for ex in dialogues if ex["source"] != "authored" and build.held_out(ex["id"], 0.05)]
    train = [ex for ex in dialogues if ex not in loss_held] + bfcl_calls + bfcl_declines + tools_train
    train += build.general(root, cfg.n_general, rng)
    # shuffled (with its own seed, so counts elsewhere cannot change it) so a capped eval mixes BFCL's simple,
    # multiple and parallel calls instead of taking the first file's items
    held_tools = [ex for ex in tools_held + bfcl_held if ex["expected"] is not None]
    random.Random(seed).shuffle(held_tools)
    held = {"loss": loss_held, "tools": held_tools}
    if cfg.decontaminate:
        train = decontaminate(train, held, build.text_of)
    rng.shuffle(train)
    counts: dict[str, int] = {}
    for ex in train:
        counts[ex["source"]] = counts.get(ex["source"], 0) + 1
    return train, held, counts


def decontaminate(train: list[dict], held: dict[str, list[dict]], text_of: Any) -> list[dict]:
    """data/decontam.py's 13-gram filter over the eval splits, our dev prompts and this run's held-out sets."""
    dec = Decontaminator.from_eval_splits()
    dec.add([p["prompt"] for p in load_dev_prompts()], "eval/dev_prompts")
    for name, exs in held.items():
        dec.add([m["content"] for ex in exs for m in ex["messages"] if m["role"] == "user"], f"sft/held_out_{name}")
    records = [{"text": text_of(ex), "source": ex["source"], "ex": ex} for ex in train]
    kept, dropped = dec.filter(records)
    if dropped:
        log.info("decontamination", extra={"fields": {"dropped": dict(dropped)}})
    return [r["ex"] for r in kept]


def tokenize(tok: Any, examples: list[dict], max_len: int) -> list[tuple[list[int], list[int]]]:
    """render_chat -> (ids, loss_mask); examples longer than max_len + 1 are dropped rather than cut mid-turn."""
    out = []
    for ex in examples:
        ids, mask = render_chat(tok, ex["messages"], tools=ex.get("tools"))
        if len(ids) <= max_len + 1 and any(mask[1:]):
            out.append((ids, mask))
    return out


def collate(batch: list[tuple[list[int], list[int]]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-padded inputs and targets; a target is -100 (no loss) unless the next token is an assistant token."""
    T = max(len(ids) for ids, _ in batch) - 1
    x = torch.full((len(batch), T), pad_id, dtype=torch.long)
    y = torch.full((len(batch), T), -100, dtype=torch.long)
    for row, (ids, mask) in enumerate(batch):
        ids_t, mask_t = torch.tensor(ids), torch.tensor(mask, dtype=torch.bool)
        x[row, : len(ids) - 1] = ids_t[:-1]
        y[row, : len(ids) - 1] = torch.where(mask_t[1:], ids_t[1:], torch.tensor(-100))
    return x, y


def assistant_loss(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean cross-entropy over assistant tokens only; logits are computed only where there is a target, which
    skips most of the 49k-wide output projection (padding, prompts, tool schemas)."""
    h = model.hidden(x)
    keep = y != -100
    return F.cross_entropy(model.output(h[keep]).float(), y[keep])


class Batches:
    """Seeded shuffled epochs over the tokenized examples; `position` (examples consumed) makes resume exact."""

    def __init__(self, data: list[tuple[list[int], list[int]]], batch_size: int, seed: int, pad_id: int):
        self.data, self.batch_size, self.seed, self.pad_id, self.position = data, batch_size, seed, pad_id, 0

    def order(self, epoch: int) -> list[int]:
        g = torch.Generator().manual_seed(self.seed + epoch)
        return torch.randperm(len(self.data), generator=g).tolist()

    def next(self) -> tuple[torch.Tensor, torch.Tensor]:
        picked = []
        while len(picked) < self.batch_size:
            epoch, offset = divmod(self.position, len(self.data))
            picked.append(self.data[self.order(epoch)[offset]])
            self.position += 1
        return collate(picked, self.pad_id)


class AdapterView(nn.Module):
    """The trainable LoRA parameters (the same tensors) as one module, so the training checkpoints hold the adapter
    and its optimizer state rather than the whole frozen base."""

    def __init__(self, model: nn.Module):
        super().__init__()
        self.params = nn.ParameterDict({n.replace(".", "__"): p for n, p in model.named_parameters()
                                        if p.requires_grad})


# ============================================================================= evaluation callbacks

def generate_replies(model: nn.Module, tok: Any, conversations: list[tuple[list[dict], list | None]],
                     max_new_tokens: int, guided: bool = False) -> list[str]:
    """Greedy replies; `guided` writes tool calls through toolcalls.tool_call_guide (valid JSON fitting the schemas)."""
    prompts = [render_chat(tok, msgs, tools=tools, add_generation_prompt=True)[0] for msgs, tools in conversations]
    allow = [tool_call_guide(tok, tools) if guided and tools else None for _, tools in conversations]
    outs = model.generate(prompts, max_new_tokens=max_new_tokens, temperature=0.0, stop_ids=tok.stop_ids, allow=allow)
    return [tok.decode(o).strip() for o in outs]


def prompt_length(tok: Any, ex: dict) -> int:
    return len(render_chat(tok, ex["messages"][:-1], tools=ex.get("tools"), add_generation_prompt=True)[0])


def reply_length(tok: Any, ex: dict) -> int:
    """Tokens of the example's final assistant turn (its calls and end-of-turn token included)."""
    return len(render_chat(tok, ex["messages"], tools=ex.get("tools"))[0]) - prompt_length(tok, ex) - 1


def stratified(items: list[dict], n: int) -> list[dict]:
    """n items taken round-robin over subjects (and kinds within them), so a small cap still covers all three."""
    groups: dict[str, list[dict]] = {}
    for item in items:
        groups.setdefault(item.get("subject", ""), []).append(item)
    out: list[dict] = []
    while len(out) < min(n, len(items)):
        for group in groups.values():
            if group and len(out) < n:
                out.append(group.pop(0))
    return out


@torch.no_grad()
def evaluate_tutor(model: nn.Module, tok: Any, cfg: SFTConfig, held: dict[str, list[dict]],
                   data: list[tuple[list[int], list[int]]], n_prompts: int,
                   n_tools: int) -> tuple[dict[str, float], list[str]]:
    """Held-out loss, leak rate, question rate, tool-call validity and accuracy; plus sample transcripts."""
    was_training = model.training
    model.eval()
    metrics: dict[str, float] = {}
    if data:
        total = count = 0.0
        for i in range(0, len(data), 8):
            x, y = collate(data[i:i + 8], tok.pad_id or 0)
            n = int((y != -100).sum())
            total, count = total + assistant_loss(model, x, y).item() * n, count + n
        metrics["heldout_loss"] = total / count
    prompts, samples = stratified(load_dev_prompts(), n_prompts), []
    if prompts:
        conversations = [([build.tutor_system(p["subject"]), {"role": "user", "content": p["prompt"]}], None)
                         for p in prompts]
        replies = generate_replies(model, tok, conversations, cfg.eval_max_new_tokens)
        leaks = [leaks_answer(r, [p["answer"], *p.get("accept", [])], context=p["prompt"])
                 for p, r in zip(prompts, replies)]
        asks = [asks_or_next_step(r) for r in replies]
        metrics["leak_rate"] = sum(leaks) / len(leaks)
        metrics["question_rate"] = sum(asks) / len(asks)
        metrics["n_prompts"] = len(prompts)
        samples = [f"**{p['id']} ({p['kind']})** {p['prompt']}\n\n> {r}\n\nleak={lk} asks={a}"
                   for p, r, lk, a in zip(prompts, replies, leaks, asks)]
    fits = [ex for ex in held["tools"] if reply_length(tok, ex) <= cfg.eval_tool_tokens
            and prompt_length(tok, ex) + cfg.eval_tool_tokens < model.config.max_seq_len]
    tool_items = stratified(fits, n_tools)
    for guided in (False, True) if tool_items else ():  # free decoding, then schema-guided (suffix _guided)
        calls = generate_replies(model, tok, [(ex["messages"][:-1], ex["tools"]) for ex in tool_items],
                                 cfg.eval_tool_tokens, guided)
        valid = [tool_call_validity(c, ex["tools"]) for c, ex in zip(calls, tool_items)]
        right = [tool_call_accuracy(c, ex["expected"]) for c, ex in zip(calls, tool_items)]
        tag = "_guided" if guided else ""
        metrics.update({f"tool_validity{tag}": sum(valid) / len(valid), f"tool_accuracy{tag}": sum(right) / len(right)})
        metrics["n_tool_items"] = len(valid)
        for source in sorted({ex["source"] for ex in tool_items}):  # BFCL's calls and our tutor tools' apart
            picked = [i for i, ex in enumerate(tool_items) if ex["source"] == source]
            metrics[f"tool_validity{tag}_{source}"] = sum(valid[i] for i in picked) / len(picked)
            metrics[f"tool_accuracy{tag}_{source}"] = sum(right[i] for i in picked) / len(picked)
            metrics[f"n_tool_items_{source}"] = len(picked)
        samples += [f"**{ex['id']}**{' (guided)' if guided else ''} {ex['messages'][-2]['content'][:200]}\n\n> {c}"
                    for ex, c in zip(tool_items, calls)]
    model.train(was_training)
    return metrics, samples


# ============================================================================= the run

def prepare_model(cfg: SFTConfig) -> tuple[nn.Module, Any]:
    """Base model, NF4 base for QLoRA, then LoRA on the targets."""
    model, tok = load_base(cfg)
    if cfg.qlora:
        quantize_model_nf4(model, cfg.nf4_block, cfg.double_quant)
    n = model.config.n_layers
    layers = list(range(n - cfg.lora_top_layers, n)) if cfg.lora_top_layers else None
    apply_lora(model, cfg.lora_rank, cfg.lora_alpha, cfg.lora_dropout, list(cfg.lora_targets), layers)
    return model, tok


def optimizer_step(model: nn.Module, view: AdapterView, batches: Batches, optimizer: torch.optim.Optimizer,
                   scheduler: Any, tcfg: Any) -> tuple[torch.Tensor, torch.Tensor]:
    """One update of the adapter over `grad_accum` micro-batches; returns (the last micro-batch's loss, the gradient
    norm before clipping)."""
    for _ in range(tcfg.grad_accum):
        x, y = batches.next()
        loss = assistant_loss(model, x, y)
        (loss / tcfg.grad_accum).backward()
    norm = torch.nn.utils.clip_grad_norm_(view.parameters(), tcfg.grad_clip or float("inf"))
    optimizer.step()
    scheduler.step()
    optimizer.zero_grad(set_to_none=True)
    return loss, norm


def train(tcfg: Any, cfg: SFTConfig) -> dict[str, Any]:
    """The SFT loop; returns the summary written to <run>/summary.json."""
    start = time.perf_counter()
    run_dir = Path(tcfg.run_dir) if tcfg.run_dir else out_dir("sft", tcfg.run_name)
    ckpt_dir = run_dir / "checkpoints"
    run_dir.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(tcfg.seed)
    model, tok = prepare_model(cfg)
    examples, held, counts = build_examples(cfg, tcfg.seed)
    data = tokenize(tok, examples, tcfg.seq_len)
    loss_data = tokenize(tok, held["loss"], tcfg.seq_len)[: cfg.eval_loss_items]
    if not data:
        raise ValueError(f"no training example fits seq_len={tcfg.seq_len}")
    view = AdapterView(model)
    optimizer = build_optimizer(view, tcfg)
    scheduler = build_scheduler(optimizer, tcfg)
    batches = Batches(data, tcfg.batch_size, tcfg.seed, tok.pad_id or 0)
    logger = MetricsLogger(run_dir, True, config={**asdict(cfg), "train": asdict(tcfg)})
    resume = latest_checkpoint(ckpt_dir) if tcfg.init_from in ("auto", "resume") else None
    if tcfg.init_from == "resume" and resume is None:
        raise FileNotFoundError(f"init_from=resume but no checkpoint under {ckpt_dir}")
    step = 0
    if resume is not None:
        meta = load_checkpoint(resume, model=view, optimizer=optimizer, scheduler=scheduler)
        step, batches.position = meta["step"], meta["data_position"]
        log.info("resumed", extra={"fields": {"from": str(resume), "step": step}})
    info = {"examples": len(data), "per_source": counts, "trainable_params": sum(p.numel() for p in view.parameters()),
            "tokens_per_epoch": sum(len(ids) for ids, _ in data),
            "memory": memory_report(model, cfg.nf4_block, cfg.double_quant)}
    log.info("data", extra={"fields": info})

    def callback(at: int, report: bool = False) -> dict[str, float]:
        t = time.perf_counter()
        metrics, samples = evaluate_tutor(model, tok, cfg, held, loss_data,
                                          cfg.report_prompts if report else cfg.eval_prompts,
                                          cfg.report_tool_items if report else cfg.eval_tool_items)
        metrics["eval_seconds"] = time.perf_counter() - t
        logger.log(at, {f"eval/{k}": v for k, v in metrics.items()})
        for i, sample in enumerate(samples[: cfg.samples]):
            logger.text(f"samples/{i}", sample, at)
        log.info("eval", extra={"fields": {"step": at, **metrics}})
        return metrics

    first = callback(0, report=True) if cfg.eval_base and step == 0 else {}
    model.train()
    while step < tcfg.max_steps:
        t = time.perf_counter()
        loss, norm = optimizer_step(model, view, batches, optimizer, scheduler, tcfg)
        step += 1
        if step % tcfg.log_every == 0:
            seconds = time.perf_counter() - t
            logger.log(step, {"train/loss": loss.item(), "train/grad_norm": float(norm),
                              "train/lr": scheduler.get_last_lr()[0], "train/step_seconds": seconds})
            log.info("step", extra={"fields": {"step": step, "loss": round(loss.item(), 4), "s": round(seconds, 2)}})
        stopping = cfg.stop_at_step and step == cfg.stop_at_step
        if (tcfg.save_every and step % tcfg.save_every == 0) or stopping:
            save_checkpoint(ckpt_dir, f"step-{step:06d}", model=view, optimizer=optimizer, scheduler=scheduler,
                            step=step, data_position=batches.position, config={**asdict(cfg), "train": asdict(tcfg)},
                            tokenizer_fingerprint=tok.fingerprint)
            prune_checkpoints(ckpt_dir, tcfg.keep_last)
        if stopping:
            logger.close()
            return {"stopped_at": step}
        if tcfg.eval_every and step % tcfg.eval_every == 0 and step < tcfg.max_steps:
            callback(step)
    last = callback(step, report=True)
    save_adapter(model, run_dir / "adapter", base_model=cfg.base, extra={
        "command": " ".join(["python", "sft.py", *sys.argv[1:]]), "steps": step, "per_source": counts,
        "data_fingerprint": data_fingerprint(data), "tokenizer_fingerprint": tok.fingerprint})
    summary = {"base": first, "tuned": last, "steps": step, "wall_seconds": time.perf_counter() - start,
               "peak_rss_mib": memory_mb(torch.device("cpu")), **info}
    atomic_write_json(run_dir / "summary.json", summary)
    logger.close()
    return summary


def data_fingerprint(data: list[tuple[list[int], list[int]]]) -> str:
    """sha256 over every training example's ids and mask: the same data gives the same fingerprint."""
    h = hashlib.sha256()
    for ids, mask in data:
        h.update(torch.tensor(ids, dtype=torch.int64).numpy().tobytes() + bytes(mask))
    return h.hexdigest()[:16]


def eval_only(tcfg: Any, cfg: SFTConfig) -> dict[str, float]:
    """Score the base, or base + `adapter_dir` (a peft-layout adapter, or a training checkpoint of this config,
    whose adapter is then also written to `<checkpoint>/adapter`), with the callback's scorers at the given caps."""
    torch.manual_seed(tcfg.seed)  # a config-name base is randomly initialised: the same seed gives train()'s base
    adapter = Path(cfg.adapter_dir) if cfg.adapter_dir else None
    if adapter is not None and (adapter / "meta.json").exists():
        model, tok = prepare_model(cfg)
        step = load_checkpoint(adapter, model=AdapterView(model), restore_rng=False)["step"]
        save_adapter(model, adapter / "adapter", base_model=cfg.base, extra={"checkpoint": str(adapter), "steps": step})
    else:
        model, tok = load_base(cfg)
        if adapter is not None:
            load_adapter(model, adapter)
    _, held, _ = build_examples(replace(cfg, decontaminate=False), tcfg.seed)
    start = time.perf_counter()
    loss_data = tokenize(tok, held["loss"], tcfg.seq_len)[: cfg.eval_loss_items]
    metrics, samples = evaluate_tutor(model, tok, cfg, held, loss_data, cfg.report_prompts, cfg.report_tool_items)
    metrics.update(eval_seconds=time.perf_counter() - start, peak_rss_mib=memory_mb(torch.device("cpu")))
    print("\n\n".join(samples[: cfg.samples]))
    print(json.dumps(metrics, indent=2))
    return metrics


def export(cfg: SFTConfig, adapter: str | Path, out: str | Path) -> Path:
    """Base + adapter, merged, written as a Hugging Face directory. The adapter files are not copied beside the
    merged weights: a release that carries adapter_config.json means "apply this adapter", and serve.py would apply
    it a second time."""
    model, tok = load_base(replace(cfg, qlora=False))
    load_adapter(model, adapter)
    return export_hf(merge_lora(model), tok, out)


def main(argv: list[str]) -> None:
    values = parse_args(argv)
    check_known(values, TrainConfig, SFTConfig)
    tcfg, cfg = fill(TrainConfig, values), fill(SFTConfig, values)
    if cfg.export:
        run_dir = Path(tcfg.run_dir) if tcfg.run_dir else out_dir("sft", tcfg.run_name)
        print(export(cfg, cfg.adapter_dir or run_dir / "adapter", cfg.export))
    elif tcfg.eval_only:
        eval_only(tcfg, cfg)
    else:
        print(json.dumps(train(tcfg, cfg), indent=2, default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
