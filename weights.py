"""Checkpoint formats in and out: GGUF files, Hugging Face directories, and the table of model families.

What it supports
- `GGUFReader`: ggufmeta.py's header and metadata reader, plus tensor infos; it dequantises F32, F16, BF16, Q8_0,
  Q4_0 and Q4_1 tensors (`dequantize`), undoing llama.cpp's q/k row order for RoPE (`unpermute_rope`)
- `gguf_config(reader)` / `hf_config(path)`: a checkpoint's shape as `ModelConfig` keyword arguments;
  `gguf_state_dict` / `hf_state_dict`: its tensors under our parameter names; `read_safetensors` (single or sharded)
- `export_hf(model, tokenizer, out)`: config.json + model.safetensors (+ tokenizer files) that transformers loads
- `FAMILIES`: what differs between the families' checkpoints (names, config keys, fused q/k/v); a new family whose
  checkpoints look like Llama's is one entry there

This file sits below tokenizer.py and model.py in the import flow and imports neither. Configs come and go as plain
keyword arguments, and functions that need a model's shape read the fields of the `ModelConfig` they are given
(`cfg.n_layers`, ...): model.py builds the `ModelConfig` (`ModelConfig(**hf_config(path))`) and the model.

Run
    .venv/bin/python -m pytest -q tests/test_model_gguf.py tests/test_model.py -k "gguf or hf or export"
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from safetensors.torch import load_file, save

from common import atomic_write_bytes, atomic_write_json
from ggufmeta import GGUFError, GGUFMetaReader


# ============================================================================= model families

LLAMA_NAMES = {"tok_embeddings.weight": "model.embed_tokens.weight", "norm.weight": "model.norm.weight",
               "output.weight": "lm_head.weight"}
LLAMA_LAYER_NAMES = {
    "attention_norm": "input_layernorm", "ffn_norm": "post_attention_layernorm", "attention.wq": "self_attn.q_proj",
    "attention.wk": "self_attn.k_proj", "attention.wv": "self_attn.v_proj", "attention.wo": "self_attn.o_proj",
    "feed_forward.w1": "mlp.gate_proj", "feed_forward.w2": "mlp.down_proj", "feed_forward.w3": "mlp.up_proj"}
NEOX_NAMES = {"tok_embeddings.weight": "gpt_neox.embed_in.weight", "norm.weight": "gpt_neox.final_layer_norm.weight",
              "norm.bias": "gpt_neox.final_layer_norm.bias", "output.weight": "embed_out.weight"}
NEOX_LAYER_NAMES = {"attention_norm": "input_layernorm", "ffn_norm": "post_attention_layernorm",
                    "attention.wo": "attention.dense", "feed_forward.w1": "mlp.dense_h_to_4h",
                    "feed_forward.w2": "mlp.dense_4h_to_h"}  # q, k and v are one fused tensor: hf_state_dict


@dataclass(frozen=True)
class Family:
    """What differs between the checkpoints of one model family. `ModelConfig` already describes every shape these
    families take; this is only how their files spell it."""
    architecture: str  # config.json's "architectures", the class transformers builds
    names: dict[str, str] = field(default_factory=lambda: LLAMA_NAMES)  # ours -> transformers, outside the layers
    layer_names: dict[str, str] = field(default_factory=lambda: LLAMA_LAYER_NAMES)  # per layer, without .weight/.bias
    layer_prefix: str = "model.layers"
    qkv_bias_only: bool = False  # Qwen2: biases on q/k/v, always, and nowhere else
    sliding_window: bool = False  # Mistral: config.json's sliding_window applies
    gguf: bool = False  # GGUF files of this general.architecture (the family's name) load
    gguf_rope_interleaved: bool = False  # llama.cpp reordered the q/k rows for its RoPE kernel (llama)
    neox: bool = False  # GPT-NeoX: LayerNorm, GELU, biases, partial rotary, parallel residual, fused q/k/v, own keys


FAMILIES = {  # ModelConfig.family -> its checkpoint layout; a new Llama-like family is one more entry
    "llama": Family("LlamaForCausalLM", gguf=True, gguf_rope_interleaved=True),
    "mistral": Family("MistralForCausalLM", sliding_window=True),
    "qwen2": Family("Qwen2ForCausalLM", qkv_bias_only=True, gguf=True),
    "gpt_neox": Family("GPTNeoXForCausalLM", NEOX_NAMES, NEOX_LAYER_NAMES, "gpt_neox.layers", neox=True),
}


# ============================================================================= GGUF tensors

GGML_TYPES = {0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", 8: "Q8_0", 10: "Q2_K", 11: "Q3_K",
              12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 30: "BF16"}  # named in errors; dequantize() reads 6 of them
BLOCK_BYTES = {"Q4_0": 18, "Q4_1": 20, "Q8_0": 34}  # per 32 weights: fp16 scale (+ fp16 min) + packed values
ELEMENT_BYTES = {"F32": 4, "F16": 2, "BF16": 2}


class GGUFReader(GGUFMetaReader):
    """A GGUF v2/v3 file: the metadata reader, then tensor infos and raw tensor bytes (memory-mapped)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.mm = np.memmap(self.path, dtype=np.uint8, mode="r")
        super().__init__(memoryview(self.mm), str(self.path))
        self.metadata = self.read()
        self.tensors: dict[str, tuple[str, tuple[int, ...], int]] = {}
        for index in range(self.metadata["GGUF.tensor_count"]):
            self.field = f"tensor info #{index}"
            name = self.string()
            dims = [self.scalar("<Q") for _ in range(self.scalar("<I"))]
            type_id, offset = self.scalar("<I"), self.scalar("<Q")
            self.tensors[name] = (GGML_TYPES.get(type_id, f"ggml type {type_id}"), tuple(reversed(dims)), offset)
        align = int(self.metadata.get("general.alignment", 32))
        self.data_start = (self.pos + align - 1) // align * align

    def tensor(self, name: str) -> torch.Tensor:
        """Dequantise one tensor to fp32, in PyTorch's (row-major, reversed ggml) shape."""
        if name not in self.tensors:
            raise GGUFError(f"{self.path}: missing tensor {name!r}")
        kind, shape, offset = self.tensors[name]
        n = math.prod(shape)
        if kind in ELEMENT_BYTES:
            nbytes = n * ELEMENT_BYTES[kind]
        elif kind in BLOCK_BYTES:
            nbytes = n // 32 * BLOCK_BYTES[kind]
        else:
            raise GGUFError(f"{self.path}: tensor {name!r} has unsupported type {kind} "
                            "(F32, F16, BF16, Q8_0, Q4_0, Q4_1)")
        start = self.data_start + offset
        if start + nbytes > len(self.mm):
            raise GGUFError(f"{self.path}: truncated file: tensor {name!r} needs bytes {start}..{start + nbytes}, "
                            f"file has {len(self.mm)}")
        raw = np.asarray(self.mm[start: start + nbytes])
        return dequantize(raw, kind).reshape(shape)


def dequantize(raw: np.ndarray, kind: str) -> torch.Tensor:
    """Raw GGUF bytes -> flat fp32 tensor, vectorised over whole blocks of 32 weights."""
    if kind == "F32":
        return torch.from_numpy(raw.view(np.float32).copy())
    if kind == "F16":
        return torch.from_numpy(raw.view(np.float16).astype(np.float32))
    if kind == "BF16":
        return torch.from_numpy((raw.view(np.uint16).astype(np.uint32) << 16).view(np.float32))
    blocks = raw.reshape(-1, BLOCK_BYTES[kind])
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    if kind == "Q8_0":
        values = blocks[:, 2:].view(np.int8).astype(np.float32)
        return torch.from_numpy((values * scale).reshape(-1))
    packed = blocks[:, -16:]
    # Weight j of a block sits in the low nibble of byte j, weight j+16 in the high nibble.
    nibbles = np.concatenate((packed & 0x0F, packed >> 4), axis=1).astype(np.float32)
    if kind == "Q4_0":
        return torch.from_numpy(((nibbles - 8) * scale).reshape(-1))
    minimum = blocks[:, 2:4].copy().view(np.float16).astype(np.float32)
    return torch.from_numpy((nibbles * scale + minimum).reshape(-1))


def unpermute_rope(w: torch.Tensor, n_heads: int) -> torch.Tensor:
    """llama.cpp's converter reorders each head's q/k rows from halves to interleaved pairs for its RoPE kernel;
    put them back into the halves layout our apply_rope (and transformers) use."""
    return w.reshape(n_heads, w.shape[0] // n_heads // 2, 2, *w.shape[1:]).transpose(1, 2).reshape(w.shape)


def gguf_config(reader: GGUFReader) -> dict[str, Any]:
    """The file's shape as ModelConfig keyword arguments (model.py builds the config: this file sits below it)."""
    meta = reader.metadata
    arch = meta.get("general.architecture")
    if arch not in FAMILIES or not FAMILIES[arch].gguf:
        supported = ", ".join(name for name, family in FAMILIES.items() if family.gguf)
        raise GGUFError(f"{reader.path}: general.architecture={arch!r} is not supported ({supported})")

    def get(key: str, default: Any = None) -> Any:
        if f"{arch}.{key}" not in meta and default is None:
            raise GGUFError(f"{reader.path}: missing metadata field {arch}.{key}")
        return meta.get(f"{arch}.{key}", default)

    n_heads = get("attention.head_count")
    return dict(
        family=arch, vocab_size=get("vocab_size", len(meta.get("tokenizer.ggml.tokens", [])) or None),
        dim=get("embedding_length"), n_layers=get("block_count"), n_heads=n_heads,
        n_kv_heads=get("attention.head_count_kv", n_heads), ffn_dim=get("feed_forward_length"),
        max_seq_len=get("context_length"), norm_eps=float(get("attention.layer_norm_rms_epsilon")),
        rope_theta=float(get("rope.freq_base", 10000.0)), qkv_bias=FAMILIES[arch].qkv_bias_only,
        tie_embeddings="output.weight" not in reader.tensors,
        bos_id=int(meta.get("tokenizer.ggml.bos_token_id", -1)),
        eos_id=int(meta.get("tokenizer.ggml.eos_token_id", -1)))


GGUF_NAMES = {  # ours -> GGUF, per layer
    "attention_norm.weight": "attn_norm.weight", "ffn_norm.weight": "ffn_norm.weight",
    "attention.wq.weight": "attn_q.weight", "attention.wk.weight": "attn_k.weight",
    "attention.wv.weight": "attn_v.weight", "attention.wq.bias": "attn_q.bias", "attention.wk.bias": "attn_k.bias",
    "attention.wv.bias": "attn_v.bias", "attention.wo.weight": "attn_output.weight",
    "feed_forward.w1.weight": "ffn_gate.weight", "feed_forward.w2.weight": "ffn_down.weight",
    "feed_forward.w3.weight": "ffn_up.weight",
}


def gguf_state_dict(reader: GGUFReader, cfg: Any) -> dict[str, torch.Tensor]:
    """Every tensor of the file, dequantised, under our names; `cfg` is model.py's ModelConfig."""
    sd = {"tok_embeddings.weight": reader.tensor("token_embd.weight"),
          "norm.weight": reader.tensor("output_norm.weight")}
    if not cfg.tie_embeddings:
        sd["output.weight"] = reader.tensor("output.weight")
    interleaved = FAMILIES[cfg.family].gguf_rope_interleaved
    for i in range(cfg.n_layers):
        for ours, theirs in GGUF_NAMES.items():
            if theirs.endswith(".bias") and not cfg.qkv_bias:
                continue
            w = reader.tensor(f"blk.{i}.{theirs}")
            if interleaved and theirs.startswith(("attn_q", "attn_k")):
                w = unpermute_rope(w, cfg.n_heads if theirs.startswith("attn_q") else cfg.n_kv_heads)
            sd[f"layers.{i}.{ours}"] = w
    return sd


# ============================================================================= Hugging Face directories

def hf_config(path: Path) -> dict[str, Any]:
    """A transformers config.json (llama, mistral, qwen2, gpt_neox; SmolLM2 is llama) as ModelConfig keyword
    arguments."""
    file = path / "config.json"
    try:
        c = json.loads(file.read_text())
    except (OSError, json.JSONDecodeError) as e:
        raise ValueError(f"{file}: cannot read config: {e}") from e
    kind = c.get("model_type")
    if kind not in FAMILIES:
        raise ValueError(f"{file}: model_type={kind!r} is not supported ({', '.join(FAMILIES)})")
    family = FAMILIES[kind]
    rope = dict(c.get("rope_parameters") or c.get("rope_scaling") or {})  # transformers 5 nests rope_theta here
    theta = rope.pop("rope_theta", c.get("rope_theta", c.get("rotary_emb_base", 10000.0)))
    pct = rope.pop("partial_rotary_factor", c.get("rotary_pct", c.get("partial_rotary_factor", 1.0)))
    scaling = rope if rope.get("rope_type", rope.get("type", "default")) != "default" else None
    neox = family.neox
    bias = bool(c.get("attention_bias", neox)) and not family.qkv_bias_only
    act = c.get("hidden_act", "silu")
    if act not in ("silu", "gelu"):
        raise ValueError(f"{file}: hidden_act={act!r} is not supported (silu, gelu)")
    return dict(
        family=kind, vocab_size=c["vocab_size"], dim=c["hidden_size"], n_layers=c["num_hidden_layers"],
        n_heads=c["num_attention_heads"], n_kv_heads=c.get("num_key_value_heads") or c["num_attention_heads"],
        head_dim=c.get("head_dim") or 0, ffn_dim=c["intermediate_size"],
        max_seq_len=c.get("max_position_embeddings", 2048), norm="layernorm" if neox else "rmsnorm",
        norm_eps=float(c.get("layer_norm_eps" if neox else "rms_norm_eps", 1e-5)),
        mlp="gelu" if act == "gelu" else "swiglu", rope_theta=float(theta), rotary_pct=float(pct),
        rope_scaling=scaling, qkv_bias=bias or family.qkv_bias_only, out_bias=bias,
        mlp_bias=bool(c.get("mlp_bias", neox)), parallel_residual=neox and bool(c.get("use_parallel_residual", False)),
        sliding_window=int(c.get("sliding_window") or 0) if family.sliding_window else 0,
        tie_embeddings=bool(c.get("tie_word_embeddings", False)),
        bos_id=first_id(c.get("bos_token_id")), eos_id=first_id(c.get("eos_token_id")))


def first_id(value: Any) -> int:
    return int(value[0] if isinstance(value, list) else value) if value is not None else -1


def hf_names(cfg: Any) -> dict[str, str]:
    """Our parameter name -> the transformers name (NeoX's fused q/k/v is handled apart); `cfg` is a ModelConfig."""
    family = FAMILIES[cfg.family]
    names = dict(family.names)
    for i in range(cfg.n_layers):
        for ours, theirs in family.layer_names.items():
            for p in ("weight", "bias"):
                names[f"layers.{i}.{ours}.{p}"] = f"{family.layer_prefix}.{i}.{theirs}.{p}"
    return names


def read_safetensors(path: Path) -> dict[str, torch.Tensor]:
    """model.safetensors, or every shard listed in model.safetensors.index.json."""
    index = path / "model.safetensors.index.json"
    if index.exists():
        shards = sorted(set(json.loads(index.read_text())["weight_map"].values()))
        sd: dict[str, torch.Tensor] = {}
        for shard in shards:
            sd.update(load_file(path / shard))
        return sd
    single = path / "model.safetensors"
    if not single.exists():
        raise FileNotFoundError(f"{path}: neither model.safetensors nor model.safetensors.index.json")
    return load_file(single)


def hf_state_dict(theirs: dict[str, torch.Tensor], cfg: Any, source: Path) -> dict[str, torch.Tensor]:
    """A transformers state dict under our names; `cfg` is the ModelConfig of `hf_config`'s values."""
    sd = {ours: theirs[name] for ours, name in hf_names(cfg).items() if name in theirs}
    if FAMILIES[cfg.family].neox:  # fused per head as (heads, [q, k, v], head_dim)
        for i in range(cfg.n_layers):
            for p in ("weight", "bias"):
                name = f"gpt_neox.layers.{i}.attention.query_key_value.{p}"
                if name not in theirs:
                    raise KeyError(f"{source}: missing tensor {name!r}")
                fused = theirs[name].reshape(cfg.n_heads, 3, cfg.head_dim, -1)
                for j, w in enumerate(("wq", "wk", "wv")):
                    part = fused[:, j].reshape(cfg.n_heads * cfg.head_dim, -1).squeeze(-1)
                    sd[f"layers.{i}.attention.{w}.{p}"] = part
    if cfg.tie_embeddings:
        sd.pop("output.weight", None)
    return sd


# ============================================================================= export

def export_hf(model: torch.nn.Module, tokenizer: Any, out: str | Path) -> Path:
    """Write config.json + model.safetensors (+ tokenizer files) that transformers.AutoModelForCausalLM loads;
    `model` is model.py's Transformer (its `config` and state dict are all this reads)."""
    out, cfg = Path(out), model.config
    sd = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    names = hf_names(cfg)
    theirs = {names[k]: v for k, v in sd.items() if k in names and not (cfg.tie_embeddings and k == "output.weight")}
    if FAMILIES[cfg.family].neox:
        for i in range(cfg.n_layers):
            for p in ("weight", "bias"):
                parts = [sd[f"layers.{i}.attention.{w}.{p}"].reshape(cfg.n_heads, 1, cfg.head_dim, -1)
                         for w in ("wq", "wk", "wv")]
                fused = torch.cat(parts, 1).reshape(3 * cfg.dim, -1).squeeze(-1).contiguous()
                theirs[f"gpt_neox.layers.{i}.attention.query_key_value.{p}"] = fused
    out.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(out / "model.safetensors", save(theirs, metadata={"format": "pt"}))
    atomic_write_json(out / "config.json", hf_config_dict(cfg, next(iter(sd.values())).dtype))
    if tokenizer is not None:
        tokenizer.save(out)
    return out


def hf_config_dict(cfg: Any, dtype: torch.dtype) -> dict[str, Any]:
    """config.json for a ModelConfig, in the keys its family's transformers class reads."""
    family = FAMILIES[cfg.family]
    rope = {"rope_type": "default", "rope_theta": cfg.rope_theta, **(cfg.rope_scaling or {})}
    c: dict[str, Any] = {
        "model_type": cfg.family, "vocab_size": cfg.vocab_size, "hidden_size": cfg.dim,
        "num_hidden_layers": cfg.n_layers, "num_attention_heads": cfg.n_heads, "intermediate_size": cfg.ffn_dim,
        "max_position_embeddings": cfg.max_seq_len,
        "tie_word_embeddings": cfg.tie_embeddings, "rope_theta": cfg.rope_theta, "rope_parameters": rope,
        "torch_dtype": str(dtype).removeprefix("torch."), "head_dim": cfg.head_dim,
        "bos_token_id": cfg.bos_id if cfg.bos_id >= 0 else None,
        "eos_token_id": cfg.eos_id if cfg.eos_id >= 0 else None,
    }
    if family.neox:
        rope["partial_rotary_factor"] = cfg.rotary_pct
        c.update(architectures=[family.architecture], layer_norm_eps=cfg.norm_eps, hidden_act="gelu",
                 use_parallel_residual=cfg.parallel_residual, attention_bias=cfg.qkv_bias, rotary_pct=cfg.rotary_pct,
                 rotary_emb_base=cfg.rope_theta)
        return c
    c.update(architectures=[family.architecture], num_key_value_heads=cfg.n_kv_heads, rms_norm_eps=cfg.norm_eps,
             hidden_act="silu", attention_bias=cfg.qkv_bias, mlp_bias=cfg.mlp_bias)
    if family.sliding_window:
        c["sliding_window"] = cfg.sliding_window or None
    return c
