"""One readable decoder-only transformer for the Llama, Qwen2, Mistral, SmolLM2 and GPT-NeoX families.

What it supports
- one `ModelConfig` dataclass: RMSNorm or LayerNorm; RoPE with any theta, partial rotary (NeoX) and Llama-3
  frequency scaling; MHA/GQA/MQA with optional q/k/v bias; SwiGLU or GELU MLP; NeoX parallel residual;
  Mistral's sliding window; tied or untied embeddings; attention through `scaled_dot_product_attention`
- a preallocated KV cache written in place (gpt-fast style) with a length per row, so rows at different lengths
  share one decode step (serve.py's continuous batching) and a new row can start from a cached prefix
- `generate()` (greedy, temperature, top-k, top-p, stop ids, seeded) for a batch of prompts of different lengths,
  and `stream()` yielding one token at a time; `allow=` restricts a row to the tokens a guide accepts
  (`sample_allowed`; tokenizer.tool_call_guide keeps tool calls valid)
- `load(path)`: a Hugging Face directory (config.json + model.safetensors, or sharded) or a `.gguf` file
  (hand-written reader: F32, F16, BF16, Q8_0, Q4_0, Q4_1); the dequantised GGUF is cached under out/cache/
  so later loads take about a second. `export_hf()` writes a directory that `transformers` loads.
- `num_params()`, `flops_per_token()`, construction on the meta device (count the 7B config without memory)
- `quantize_int8(model)`, `quantize_int4(model)`: weight-only int8 / grouped int4 Linears (gpt-fast style module
  swap; torch's CPU packed-weight kernels), 4x / 8x fewer weight bytes per decoded token than fp32, plus
  `OneRowDecoder`: the batch-1 decode step with q/k/v and gate/up fused and no module calls (1.3x the module path)

Run
    .venv/bin/python model.py                      # parameter counts of every config in configs/
    .venv/bin/python model.py --ckpt PATH          # load a checkpoint and print its config
    .venv/bin/python model.py --init=configs/test --tokenizer=out/tokenizers/bpe2048 --out=out/release/test
                                                   # a randomly initialised release (what the demo's smoke mode serves)
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from common import ROOT, atomic_write_bytes, atomic_write_json, exit_on_help, fill, out_dir, parse_args, read_config_file
from tokenizer import GGUFError, GGUFMetaReader, load_tokenizer


Allow = Callable[[list[int], int], bool]  # (tokens a row generated so far, candidate) -> may it come next?


# ============================================================================= config

@dataclass
class ModelConfig:
    family: str = "llama"  # llama | qwen2 | mistral | gpt_neox: only decides the layout export_hf writes
    vocab_size: int = 2048
    dim: int = 128
    n_layers: int = 4
    n_heads: int = 4
    n_kv_heads: int = 0  # 0: same as n_heads (MHA); 1: MQA; in between: GQA
    head_dim: int = 0  # 0: dim // n_heads
    ffn_dim: int = 384
    max_seq_len: int = 512
    norm: str = "rmsnorm"  # rmsnorm | layernorm
    norm_eps: float = 1e-5
    mlp: str = "swiglu"  # swiglu | gelu
    rope_theta: float = 10000.0
    rotary_pct: float = 1.0  # NeoX rotates only the first 25% of each head
    rope_scaling: dict | None = None  # {"rope_type": "llama3", "factor", "low_freq_factor", "high_freq_factor", "original_max_position_embeddings"}
    qkv_bias: bool = False
    out_bias: bool = False  # bias on the attention output projection (NeoX)
    mlp_bias: bool = False
    parallel_residual: bool = False  # NeoX: x + attn(ln1(x)) + mlp(ln2(x))
    sliding_window: int = 0  # Mistral: each query sees at most this many keys; 0 = unlimited
    tie_embeddings: bool = False
    bos_id: int = -1  # -1: unknown; kept so an exported config.json carries it
    eos_id: int = -1

    def __post_init__(self) -> None:
        self.n_kv_heads = self.n_kv_heads or self.n_heads
        self.head_dim = self.head_dim or self.dim // self.n_heads
        if self.n_heads % self.n_kv_heads:
            raise ValueError(f"n_heads={self.n_heads} is not a multiple of n_kv_heads={self.n_kv_heads}")
        if self.norm not in ("rmsnorm", "layernorm") or self.mlp not in ("swiglu", "gelu"):
            raise ValueError(f"unknown norm {self.norm!r} or mlp {self.mlp!r}")

    @property
    def rot_dim(self) -> int:
        return int(self.head_dim * self.rotary_pct) // 2 * 2


def load_config(name_or_path: str | Path, **overrides: Any) -> ModelConfig:
    """`load_config("tiny")` reads configs/tiny.py; a path to any config file works too."""
    path = Path(name_or_path)
    if not path.exists() and (ROOT / "configs" / f"{name_or_path}.py").exists():
        path = ROOT / "configs" / f"{name_or_path}.py"
    values = read_config_file(path)
    values.update(overrides)
    known = {f.name for f in dataclasses.fields(ModelConfig)}
    return fill(ModelConfig, {k: v for k, v in values.items() if k in known})


# ============================================================================= KV cache

class KVCache:
    """Per-layer K/V buffers of shape (batch, max_len, n_kv_heads, head_dim), allocated once, written in place.

    `lengths[row]` is how many positions of that row are filled; a forward pass over rows `rows` writes its T new
    keys at each row's own length, so a decode step can mix rows of different lengths.
    """

    def __init__(self, n_layers: int, batch_size: int, max_len: int, n_kv_heads: int, head_dim: int,
                 dtype: torch.dtype = torch.float32, device: torch.device | str = "cpu"):
        shape = (n_layers, batch_size, max_len, n_kv_heads, head_dim)
        self.k = torch.zeros(shape, dtype=dtype, device=device)
        self.v = torch.zeros(shape, dtype=dtype, device=device)
        self.lengths = torch.zeros(batch_size, dtype=torch.long, device=device)
        self.max_len = max_len

    @property
    def batch_size(self) -> int:
        return self.k.shape[1]

    def reset(self, rows: list[int] | None = None) -> None:
        """Forget rows (all when None); their buffers are simply overwritten later."""
        if rows is None:
            self.lengths.zero_()
        else:
            self.lengths[torch.as_tensor(rows, dtype=torch.long)] = 0

    def copy_prefix(self, src_row: int, dst_row: int, length: int, source: "KVCache | None" = None) -> None:
        """Start `dst_row` from the first `length` positions of `src_row` (of `source`, default this cache),
        e.g. a shared system prompt prefilled once."""
        source = self if source is None else source
        if length > int(source.lengths[src_row]):
            raise ValueError(f"copy_prefix: source row {src_row} holds {int(source.lengths[src_row])} positions, asked for {length}")
        self.k[:, dst_row, :length] = source.k[:, src_row, :length]
        self.v[:, dst_row, :length] = source.v[:, src_row, :length]
        self.lengths[dst_row] = length


@dataclass
class Step:
    """What every block needs for one forward pass, computed once per pass instead of once per layer."""
    cos: torch.Tensor  # (B, 1, T, rot_dim) for the positions being computed
    sin: torch.Tensor
    mask: torch.Tensor | None  # (B, 1, T, L) bool, True = may attend; None = plain causal
    cache: KVCache | None
    rows: torch.Tensor | None  # cache rows of the batch
    positions: torch.Tensor  # (B, T) absolute positions
    kv_len: int  # keys to read from the cache (max over rows of length + T)
    leading_rows: bool  # rows are exactly 0..B-1 of the cache: slice (a view) instead of gather (a copy)


# ============================================================================= layers

class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # Normalise in fp32 like the reference implementations, so bf16 runs match them closely. One call instead of
        # five elementwise ops: fewer dispatches matter when decoding, where 61 norms run for every token of SmolLM2.
        return self.weight * F.rms_norm(x.float(), (x.shape[-1],), eps=self.eps).to(x.dtype)


def make_norm(cfg: ModelConfig) -> nn.Module:
    return RMSNorm(cfg.dim, cfg.norm_eps) if cfg.norm == "rmsnorm" else nn.LayerNorm(cfg.dim, eps=cfg.norm_eps)


def rope_frequencies(cfg: ModelConfig) -> torch.Tensor:
    """Inverse frequencies of the rotary embedding, with Llama-3's smooth low/high frequency scaling if set."""
    inv = 1.0 / (cfg.rope_theta ** (torch.arange(0, cfg.rot_dim, 2, dtype=torch.float64) / cfg.rot_dim))
    scaling = cfg.rope_scaling or {}
    kind = scaling.get("rope_type", scaling.get("type", "default"))
    if kind == "linear":
        inv = inv / scaling["factor"]
    elif kind == "llama3":
        factor, low, high = scaling["factor"], scaling["low_freq_factor"], scaling["high_freq_factor"]
        old = scaling["original_max_position_embeddings"]
        wavelen = 2 * math.pi / inv
        scaled = torch.where(wavelen > old / low, inv / factor, inv)
        smooth = (old / wavelen - low) / (high - low)
        medium = (wavelen <= old / low) & (wavelen >= old / high)
        inv = torch.where(medium, (1 - smooth) * scaled / factor + smooth * scaled, scaled)
    elif kind != "default":
        raise ValueError(f"rope_scaling type {kind!r} is not supported (default, linear, llama3)")
    return inv.float()


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """Rotate the first rot_dim features of each head, halves layout (HF's rotate_half, not interleaved pairs)."""
    rot = cos.shape[-1]
    if rot < x.shape[-1]:  # partial rotary (NeoX): the other features pass through unchanged
        return torch.cat((apply_rope(x[..., :rot], cos, sin), x[..., rot:]), dim=-1)
    x1, x2 = x.chunk(2, dim=-1)
    return x * cos + torch.cat((-x2, x1), dim=-1) * sin


class Attention(nn.Module):
    def __init__(self, cfg: ModelConfig, layer_id: int):
        super().__init__()
        self.cfg, self.layer_id = cfg, layer_id
        self.wq = nn.Linear(cfg.dim, cfg.n_heads * cfg.head_dim, bias=cfg.qkv_bias)
        self.wk = nn.Linear(cfg.dim, cfg.n_kv_heads * cfg.head_dim, bias=cfg.qkv_bias)
        self.wv = nn.Linear(cfg.dim, cfg.n_kv_heads * cfg.head_dim, bias=cfg.qkv_bias)
        self.wo = nn.Linear(cfg.n_heads * cfg.head_dim, cfg.dim, bias=cfg.out_bias)

    def forward(self, x: torch.Tensor, step: Step) -> torch.Tensor:
        cfg = self.cfg
        B, T, _ = x.shape
        q = self.wq(x).view(B, T, cfg.n_heads, cfg.head_dim).transpose(1, 2)
        k = self.wk(x).view(B, T, cfg.n_kv_heads, cfg.head_dim).transpose(1, 2)
        v = self.wv(x).view(B, T, cfg.n_kv_heads, cfg.head_dim)
        q = apply_rope(q, step.cos, step.sin)
        k = apply_rope(k, step.cos, step.sin).transpose(1, 2)  # back to (B, T, H, D), the cache layout
        if step.cache is not None:
            k, v = self.update_cache(k, v, step)
        gqa = cfg.n_kv_heads != cfg.n_heads
        y = F.scaled_dot_product_attention(q, k.transpose(1, 2), v.transpose(1, 2), attn_mask=step.mask,
                                           is_causal=step.mask is None and T > 1, enable_gqa=gqa)
        return self.wo(y.transpose(1, 2).reshape(B, T, cfg.n_heads * cfg.head_dim))

    def update_cache(self, k: torch.Tensor, v: torch.Tensor, step: Step) -> tuple[torch.Tensor, torch.Tensor]:
        """Write the new K/V at each row's positions, then return every cached key of those rows."""
        ck, cv = step.cache.k[self.layer_id], step.cache.v[self.layer_id]
        B = k.shape[0]
        if step.leading_rows and B == 1:
            start = step.kv_len - k.shape[1]  # one row: its keys end where the new ones do
            ck[0, start:start + k.shape[1]] = k[0]
            cv[0, start:start + k.shape[1]] = v[0]
            return ck[:1, : step.kv_len], cv[:1, : step.kv_len]
        rows = step.rows[:, None]
        ck[rows, step.positions] = k
        cv[rows, step.positions] = v
        if step.leading_rows:
            return ck[:B, : step.kv_len], cv[:B, : step.kv_len]
        return ck[step.rows, : step.kv_len], cv[step.rows, : step.kv_len]


class MLP(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.swiglu = cfg.mlp == "swiglu"
        self.w1 = nn.Linear(cfg.dim, cfg.ffn_dim, bias=cfg.mlp_bias)  # gate (SwiGLU) or up (GELU)
        self.w2 = nn.Linear(cfg.ffn_dim, cfg.dim, bias=cfg.mlp_bias)  # down
        self.w3 = nn.Linear(cfg.dim, cfg.ffn_dim, bias=cfg.mlp_bias) if self.swiglu else None  # up

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.swiglu:
            return self.w2(F.silu(self.w1(x)) * self.w3(x))
        return self.w2(F.gelu(self.w1(x)))


class Block(nn.Module):
    """One transformer layer. `context` is accepted (and unused) so fuse.py's cross-attention blocks, which read
    it, can sit in the same `model.layers` list and be called the same way."""

    def __init__(self, cfg: ModelConfig, layer_id: int):
        super().__init__()
        self.parallel = cfg.parallel_residual
        self.attention_norm, self.attention = make_norm(cfg), Attention(cfg, layer_id)
        self.ffn_norm, self.feed_forward = make_norm(cfg), MLP(cfg)

    def forward(self, x: torch.Tensor, step: Step, context: Any = None) -> torch.Tensor:
        if self.parallel:
            return x + self.attention(self.attention_norm(x), step) + self.feed_forward(self.ffn_norm(x))
        x = x + self.attention(self.attention_norm(x), step)
        return x + self.feed_forward(self.ffn_norm(x))


# ============================================================================= model

class Transformer(nn.Module):
    def __init__(self, config: ModelConfig):
        super().__init__()
        self.config = cfg = config
        self.tok_embeddings = nn.Embedding(cfg.vocab_size, cfg.dim)
        self.layers = nn.ModuleList(Block(cfg, i) for i in range(cfg.n_layers))
        self.norm = make_norm(cfg)
        self.output = nn.Linear(cfg.dim, cfg.vocab_size, bias=False)
        if cfg.tie_embeddings:
            self.output.weight = self.tok_embeddings.weight
        self.register_buffer("inv_freq", rope_frequencies(cfg), persistent=False)
        self.one_row: OneRowDecoder | None = None  # set by quantize_int8/int4: the fast single-row decode step
        if self.inv_freq.device.type != "meta":
            self.apply(self._init_weights)

    def _init_weights(self, module: nn.Module) -> None:
        # GPT-2/nanoGPT init: small normal weights, zero biases; norms start at identity.
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if getattr(module, "bias", None) is not None:
                nn.init.zeros_(module.bias)

    # ------------------------------------------------------------------ sizes
    def num_params(self, non_embedding: bool = False) -> int:
        """Parameters, counting tied embeddings once (meta-device models count too)."""
        n = sum(p.numel() for p in self.parameters())
        return n - self.tok_embeddings.weight.numel() if non_embedding else n

    def flops_per_token(self, seq_len: int | None = None, training: bool = True) -> float:
        """Matmul FLOPs per token: 2N forward (+4N backward) plus attention scores over `seq_len` (PaLM appendix B)."""
        cfg, T = self.config, seq_len or self.config.max_seq_len
        attn = 4 * cfg.n_layers * cfg.n_heads * cfg.head_dim * T  # QK^T and AV, 2 FLOPs per multiply-add
        # Tied embeddings leave the output matmul out of the non-embedding count, yet it still runs: add it back.
        fwd = 2 * self.num_params(non_embedding=True) + 2 * cfg.dim * cfg.vocab_size * cfg.tie_embeddings + attn
        return 3 * fwd if training else fwd

    def new_cache(self, batch_size: int, max_len: int | None = None) -> KVCache:
        cfg = self.config
        max_len = min(max_len or cfg.max_seq_len, cfg.max_seq_len)
        p = self.tok_embeddings.weight
        return KVCache(cfg.n_layers, batch_size, max_len, cfg.n_kv_heads, cfg.head_dim, p.dtype, p.device)

    def reset_rope(self) -> None:
        """Recompute the rotary buffer (after weights were assigned onto a meta-device model)."""
        self.inv_freq = rope_frequencies(self.config).to(self.tok_embeddings.weight.device)

    # ------------------------------------------------------------------ forward
    def forward(self, idx: torch.Tensor | None, targets: torch.Tensor | None = None, *, cache: KVCache | None = None,
                rows: list[int] | torch.Tensor | None = None, embeds: torch.Tensor | None = None,
                context: Any = None) -> tuple[torch.Tensor, torch.Tensor | None]:
        """idx (B, T) token ids -> logits (B, T, vocab), and the mean cross-entropy over targets != -100."""
        h = self.hidden(idx, cache=cache, rows=rows, embeds=embeds, context=context)
        logits = self.output(h)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.float().view(-1, logits.size(-1)), targets.reshape(-1), ignore_index=-100)
        return logits, loss

    def hidden(self, idx: torch.Tensor | None, *, cache: KVCache | None = None, rows: Any = None,
               embeds: torch.Tensor | None = None, context: Any = None) -> torch.Tensor:
        """The final-normed hidden states (B, T, dim); with a cache, appends T positions to each row."""
        if self.one_row is not None and self.one_row.takes(self, idx, cache, rows, embeds, context):
            return self.one_row.step(idx, cache, 0 if rows is None else int(torch.as_tensor(rows).reshape(-1)[0]))
        x = self.tok_embeddings(idx) if embeds is None else embeds
        step = self.make_step(x.shape[0], x.shape[1], x.device, cache, rows)
        for layer in self.layers:
            x = layer(x, step, context=context)
        if cache is not None:
            cache.lengths[step.rows] += x.shape[1]
        return self.norm(x)

    def make_step(self, B: int, T: int, device: torch.device, cache: KVCache | None, rows: Any) -> Step:
        cfg = self.config
        if cache is None:
            positions = torch.arange(T, device=device).expand(B, T)
            rows_t, leading, kv_len = None, True, T
            mask = self.window_mask(positions, T) if cfg.sliding_window and T > cfg.sliding_window else None
        else:
            rows_t = torch.arange(B, device=device) if rows is None else torch.as_tensor(rows, dtype=torch.long, device=device)
            leading = rows is None or bool((rows_t == torch.arange(B, device=device)).all())
            starts = cache.lengths[rows_t]
            kv_len = int(starts.max()) + T
            if kv_len > cache.max_len:
                raise ValueError(f"KV cache overflow: {kv_len} positions needed, cache holds {cache.max_len}")
            positions = starts[:, None] + torch.arange(T, device=device)
            mask = None if (B == 1 and T == 1 and not cfg.sliding_window) else self.window_mask(positions, kv_len)
        angles = positions[:, None, :, None].float() * self.inv_freq  # (B, 1, T, rot/2)
        angles = torch.cat((angles, angles), dim=-1)
        dtype = self.tok_embeddings.weight.dtype
        return Step(angles.cos().to(dtype), angles.sin().to(dtype), mask, cache, rows_t, positions, kv_len, leading)

    def window_mask(self, positions: torch.Tensor, kv_len: int) -> torch.Tensor:
        """(B, 1, T, kv_len) bool: key j is visible to the query at position p iff p - window < j <= p."""
        keys = torch.arange(kv_len, device=positions.device)
        p = positions[:, None, :, None]
        mask = keys <= p
        if self.config.sliding_window:
            mask &= keys > p - self.config.sliding_window
        return mask

    # ------------------------------------------------------------------ generation
    def generate(self, prompts: list[list[int]], max_new_tokens: int, temperature: float = 0.0, top_k: int | None = None,
                 top_p: float | None = None, stop_ids: tuple[int, ...] | list[int] = (), seed: int | None = None,
                 allow: list[Allow | None] | None = None) -> list[list[int]]:
        """New tokens for each prompt (a stop id ends a row and is not returned). Prompts of different lengths run as
        one batch: each row sits at its own length in the cache, so no padding ever enters attention and the result
        equals generating each prompt alone. `allow[row]`, when set, restricts that row to the tokens it accepts
        (tokenizer.tool_call_guide: tool calls that fit their schemas)."""
        out: list[list[int]] = [[] for _ in prompts]
        for tokens in self._decode(prompts, max_new_tokens, temperature, top_k, top_p, stop_ids, seed, allow):
            for row, tok in tokens:
                out[row].append(tok)
        return out

    def stream(self, prompt: list[int], max_new_tokens: int = 256, temperature: float = 0.0, top_k: int | None = None,
               top_p: float | None = None, stop_ids: tuple[int, ...] | list[int] = (), seed: int | None = None,
               allow: Allow | None = None) -> Iterator[int]:
        """Yield new tokens of one prompt as they are produced (a stop id ends the stream and is not yielded)."""
        for tokens in self._decode([prompt], max_new_tokens, temperature, top_k, top_p, stop_ids, seed, [allow]):
            for _, tok in tokens:
                yield tok

    def _decode(self, prompts: list[list[int]], max_new_tokens: int, temperature: float, top_k: int | None,
                top_p: float | None, stop_ids: Any, seed: int | None,
                allow: list[Allow | None] | None = None) -> Iterator[list[tuple[int, int]]]:
        """Prefill all prompts together, then decode; yields the (row, token) pairs of each step. The tensor work runs
        in inference mode step by step, never across a yield, so the caller's own code is not put in that mode."""
        if not prompts or any(len(p) == 0 for p in prompts):
            raise ValueError("generate: every prompt needs at least one token")
        if max(map(len, prompts)) >= self.config.max_seq_len:
            raise ValueError(f"generate: prompt of {max(map(len, prompts))} tokens does not fit max_seq_len={self.config.max_seq_len}")
        device = self.tok_embeddings.weight.device
        gen = torch.Generator(device=device).manual_seed(seed) if seed is not None else None
        cache, h = self._prefill(prompts, max_new_tokens)
        max_new_tokens = min(max_new_tokens, cache.max_len - max(map(len, prompts)))
        stops = set(int(s) for s in stop_ids)
        alive = list(range(len(prompts)))
        allow = allow if allow and any(allow) else None
        so_far: list[list[int]] = [[] for _ in prompts]  # what each row generated: an `allow` check reads it
        for _ in range(max_new_tokens):
            guides = None
            if allow:  # each alive row's guide, bound to what that row generated so far
                guides = [None if allow[row] is None else functools.partial(allow[row], so_far[row]) for row in alive]
            nxt = self._next_tokens(h, temperature, top_k, top_p, gen, guides)
            for row, tok in zip(alive, nxt):
                so_far[row].append(tok)
            pairs = [(row, tok) for row, tok in zip(alive, nxt) if tok not in stops]
            if pairs:
                yield pairs
            keep = [i for i, tok in enumerate(nxt) if tok not in stops]
            if not keep:
                return
            alive = [alive[i] for i in keep]
            h = self._advance([nxt[i] for i in keep], cache, alive)

    @torch.inference_mode()
    def _prefill(self, prompts: list[list[int]], max_new_tokens: int) -> tuple[KVCache, torch.Tensor]:
        """One right-padded forward over all prompts; returns the cache and each row's last hidden state."""
        device = self.tok_embeddings.weight.device
        lens = torch.tensor([len(p) for p in prompts], device=device)
        cache = self.new_cache(len(prompts), int(lens.max()) + max_new_tokens)
        h = self.hidden(right_padded(prompts, device), cache=cache)  # causal attention keeps the pads (after the prompt) out of real tokens
        cache.lengths = lens.clone()  # forget the pads: the next token overwrites them
        return cache, h[torch.arange(len(prompts), device=device), lens - 1]

    @torch.inference_mode()
    def _next_tokens(self, h: torch.Tensor, temperature: float, top_k: int | None, top_p: float | None,
                     gen: torch.Generator | None, guides: list[Callable[[int], bool] | None] | None = None) -> list[int]:
        """One token per row; a row with a guide that rejects its pick takes sample_allowed's instead."""
        logits = self.output(h).float()
        picks = sample(logits, temperature, top_k, top_p, gen).tolist()
        if guides:
            picks = [pick if guide is None or guide(pick) else sample_allowed(logits[i], guide, temperature, top_k, top_p, gen)
                     for i, (pick, guide) in enumerate(zip(picks, guides))]
        return picks

    @torch.inference_mode()
    def _advance(self, tokens: list[int], cache: KVCache, rows: list[int]) -> torch.Tensor:
        idx = torch.tensor([[t] for t in tokens], dtype=torch.long, device=self.tok_embeddings.weight.device)
        return self.hidden(idx, cache=cache, rows=rows)[:, -1]

def right_padded(seqs: list[list[int]], device: torch.device | str = "cpu") -> torch.Tensor:
    """Token lists of different lengths as one (B, longest) tensor, zeros after each. With a KV cache the pads are
    harmless: causal attention keeps them out of every real token, and the caller sets each row's cache length to
    its real length so the next token overwrites them."""
    idx = torch.zeros(len(seqs), max(map(len, seqs)), dtype=torch.long, device=device)
    for row, seq in enumerate(seqs):
        idx[row, : len(seq)] = torch.tensor(seq, dtype=torch.long)
    return idx


def sample(logits: torch.Tensor, temperature: float = 0.0, top_k: int | None = None, top_p: float | None = None,
           generator: torch.Generator | None = None) -> torch.Tensor:
    """(B, V) logits -> (B,) token ids: argmax at temperature 0, else softmax sampling after top-k / top-p."""
    if temperature <= 0:
        return logits.argmax(-1)
    logits = logits / temperature
    if top_k:
        kth = torch.topk(logits, min(top_k, logits.size(-1)), dim=-1).values[:, -1:]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if top_p is not None and top_p < 1.0:
        sorted_logits, order = logits.sort(dim=-1, descending=True)
        probs = sorted_logits.softmax(-1)
        drop = probs.cumsum(-1) - probs > top_p  # keep the smallest prefix whose mass reaches top_p
        logits = logits.masked_fill(drop.scatter(-1, order, drop), float("-inf"))
    return torch.multinomial(logits.softmax(-1), 1, generator=generator).squeeze(-1)


def sample_allowed(logits: torch.Tensor, allowed: Callable[[int], bool], temperature: float = 0.0,
                   top_k: int | None = None, top_p: float | None = None, generator: torch.Generator | None = None,
                   tries: int = 8) -> int:
    """sample() for one row of (V,) logits, restricted to tokens `allowed` accepts. Candidates are checked lazily,
    likeliest first, because a check (a grammar) costs far more than a logit and the model's own pick usually passes.
    If no token at all is allowed, the model's own pick stands: a guide must never stall a generation."""
    logits = logits.clone()
    if temperature > 0:
        for _ in range(tries):
            token = int(sample(logits[None], temperature, top_k, top_p, generator)[0])
            if allowed(token):
                return token
            logits[token] = float("-inf")  # drawn again without it
    order = logits.argsort(descending=True).tolist()
    return next((t for t in order if allowed(t)), order[0])


# ============================================================================= weight-only int8 and int4

class QuantLinear(nn.Module):
    """A Linear whose weight is stored packed (its buffers). Decoding one token reads every weight once, so on a CPU
    the tokens/s of batch-1 decoding follow the bytes of weights. The model's own activations (fp32 on a CPU) are
    kept everywhere else: only the matmul sees bf16, the input dtype torch's CPU kernels for packed int8/int4 weights
    are fast with (with fp32 inputs they are ~10x slower). Each subclass packs the weight and defines
    `matmul(x)`: (N, in_features) bf16 -> (N, out_features) bf16."""

    row_dims: dict[str, int] = {}  # buffer name -> its dimension that runs along the output rows

    def __init__(self, linear: nn.Linear):
        super().__init__()
        self.bias, self.in_features, self.out_features = linear.bias, linear.in_features, linear.out_features

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.matmul(x.reshape(-1, self.in_features).to(torch.bfloat16))
        y = y.to(x.dtype).view(*x.shape[:-1], self.out_features)
        return y if self.bias is None else y + self.bias

    @staticmethod
    def stacked(parts: list["QuantLinear"]) -> "QuantLinear":
        """One packed matrix whose output rows are those of `parts` in order (q, k, v as one matmul). Packing is per
        output row, so the packed buffers simply concatenate; afterwards each part's weight becomes a view of its
        rows of the stack, so the weights are stored once."""
        dims = type(parts[0]).row_dims
        fused = copy.copy(parts[0])  # the subclass's settings (group size, in_features), then fresh tensors
        fused._parameters = {}
        fused._buffers = {name: torch.cat([p._buffers[name] for p in parts], dim) for name, dim in dims.items()}
        fused.out_features = sum(p.out_features for p in parts)
        fused.bias = None if parts[0].bias is None else torch.cat([p.bias.detach() for p in parts])
        start = 0
        for p in parts:
            p.weight = fused.weight.narrow(dims["weight"], start, p.out_features)
            start += p.out_features
        return fused


class Int8Linear(QuantLinear):
    """int8 weights with one scale per output row (gpt-fast's weight-only int8): a quarter of the fp32 bytes."""
    row_dims = {"weight": 0, "scales": 0}

    def __init__(self, linear: nn.Linear):
        super().__init__(linear)
        w = linear.weight.detach().float()
        scales = w.abs().amax(dim=1).clamp(min=1e-12) / 127
        self.register_buffer("weight", torch.round(w / scales[:, None]).clamp(-127, 127).to(torch.int8))
        self.register_buffer("scales", scales.to(torch.bfloat16))

    def matmul(self, x: torch.Tensor) -> torch.Tensor:
        return torch.ops.aten._weight_int8pack_mm(x, self.weight, self.scales)


class Int4Linear(QuantLinear):
    """4-bit weights in groups of `group_size` inputs, each group with its own scale and offset (gpt-fast's int4): an
    eighth of the fp32 bytes. With groups of 32 this is exactly GGUF's Q4_1 block (w = d*q + m), so SmolLM2's Q4_1
    weights come back almost unchanged: the group's min and max are its q=0 and q=15 codes."""
    row_dims = {"weight": 0, "scales_and_zeros": 1}

    def __init__(self, linear: nn.Linear, group_size: int = 32):
        super().__init__(linear)
        w = linear.weight.detach().float()
        out, inp = w.shape
        groups = w.view(out, inp // group_size, group_size)
        low, high = groups.amin(-1), groups.amax(-1)
        scale = ((high - low) / 15).clamp(min=1e-12)
        q = torch.round((groups - low[..., None]) / scale[..., None]).clamp(0, 15).to(torch.int32).view(out, inp)
        # The kernel computes (q - 8) * scale + zero, so the group's offset `low` is stored as zero = low + 8 * scale.
        self.register_buffer("weight", torch.ops.aten._convert_weight_to_int4pack_for_cpu(q, 1))
        self.register_buffer("scales_and_zeros", torch.stack((scale.T, (low + 8 * scale).T), -1).to(torch.bfloat16).contiguous())
        self.group_size = group_size

    @staticmethod
    def fits(linear: nn.Linear, group_size: int) -> bool:
        """The CPU kernel wants whole groups along the input and output rows in multiples of 16."""
        return linear.in_features % group_size == 0 and linear.out_features % 16 == 0

    def matmul(self, x: torch.Tensor) -> torch.Tensor:
        return torch.ops.aten._weight_int4pack_mm_for_cpu(x, self.weight, self.group_size, self.scales_and_zeros)


def swap_linears(model: nn.Module, make: Callable[[nn.Linear], nn.Module | None]) -> nn.Module:
    """Replace every nn.Linear in `model`, in place, by make(linear) (None keeps that one as it is)."""
    for module in list(model.modules()):
        for name, child in list(module.named_children()):
            if isinstance(child, nn.Linear) and (new := make(child)) is not None:
                setattr(module, name, new)
    return model


def quantize_int8(model: nn.Module) -> nn.Module:
    """Every Linear of the decoder (and the output head) as Int8Linear; embeddings stay as they are. A Llama-family
    Transformer also gets its fast single-row decode step (OneRowDecoder)."""
    return OneRowDecoder.attach(swap_linears(model, Int8Linear))


def quantize_int4(model: nn.Module, group_size: int = 32) -> nn.Module:
    """Every Linear whose shape the kernel takes as Int4Linear (others stay as they are), then OneRowDecoder as for
    int8."""
    model = swap_linears(model, lambda linear: Int4Linear(linear, group_size) if Int4Linear.fits(linear, group_size) else None)
    return OneRowDecoder.attach(model)


class OneRowDecoder:
    """The decode step of one row and one token for a quantised Llama-family Transformer, as plain tensor calls.

    Why it exists: a batch-1 step of SmolLM2 is 211 small packed matmuls of ~20 us each, and the module path wraps
    them in many more small ops (views, transposes, casts, masks, per-step bookkeeping) that cost about as much
    again on a CPU. Here q, k and v are one matmul, as are the MLP's gate and up (their packed rows stacked, the
    module weights turned into views of them, so nothing is stored twice); the residual stream and the norms stay
    fp32 and only the matmul inputs are bf16, as in QuantLinear; RoPE rotates every q and k head in one small matmul;
    the new k and v go straight into the cache; attention reads the cache in fp32 (CPU flash attention with bf16 was
    2.5x slower).
    Prefill and batched steps keep using the modules, which compute the same thing."""

    def __init__(self, model: Transformer):
        self.cfg, self.model, self.blocks = model.config, model, tuple(model.layers._modules.values())
        # Per layer, everything the step reads, looked up once: a Module attribute lookup costs about a microsecond.
        self.layer_parts = [(b.attention_norm.weight, QuantLinear.stacked([b.attention.wq, b.attention.wk, b.attention.wv]),
                             b.attention.wo, b.ffn_norm.weight, QuantLinear.stacked([b.feed_forward.w1, b.feed_forward.w3]),
                             b.feed_forward.w2) for b in model.layers]

    @classmethod
    def attach(cls, model: nn.Module) -> nn.Module:
        """Give `model` a OneRowDecoder when it is a Transformer this step computes exactly, else leave it be."""
        if isinstance(model, Transformer) and cls.supports(model):
            model.one_row = cls(model)
        return model

    @staticmethod
    def supports(model: Transformer) -> bool:
        cfg, linears = model.config, decoder_linears(model)
        plain = (cfg.norm == "rmsnorm" and cfg.mlp == "swiglu" and cfg.rot_dim == cfg.head_dim and not cfg.parallel_residual
                 and not cfg.out_bias and not cfg.mlp_bias and model.tok_embeddings.weight.dtype == torch.float32)
        same_kind = all(isinstance(m, QuantLinear) and type(m) is type(linears[0]) for m in linears)
        return plain and same_kind and len(linears) == 7 * cfg.n_layers

    def takes(self, model: Transformer, idx: torch.Tensor | None, cache: KVCache | None, rows: Any, embeds: Any,
              context: Any) -> bool:
        """A one-token step of one cached row, on the very layers this decoder was built from (a model whose layer
        list was since changed, e.g. by fuse.py's cross-attention, goes the module way). Checking each Linear too
        would cost more than a matmul; sft.py's LoRA wraps only float Linears, never these packed ones."""
        return (cache is not None and embeds is None and context is None and idx is not None and idx.shape == (1, 1)
                and (rows is None or torch.as_tensor(rows).numel() == 1)
                and tuple(model.layers._modules.values()) == self.blocks)

    def step(self, idx: torch.Tensor, cache: KVCache, row: int) -> torch.Tensor:
        """Append token idx (1, 1) to cache row `row`; return its final-normed hidden state (1, 1, dim)."""
        cfg, model = self.cfg, self.model
        H, KV, D, eps = cfg.n_heads, cfg.n_kv_heads, cfg.head_dim, cfg.norm_eps
        pos = int(cache.lengths[row])
        if pos >= cache.max_len:
            raise ValueError(f"KV cache overflow: {pos + 1} positions needed, cache holds {cache.max_len}")
        rotate = self.rope_matrix(pos)
        first = max(0, pos + 1 - cfg.sliding_window) if cfg.sliding_window else 0
        x = model.tok_embeddings(idx).view(1, cfg.dim).float()
        for i, (norm1, qkv_proj, out_proj, norm2, gate_up_proj, down_proj) in enumerate(self.layer_parts):
            qkv = packed_matmul(qkv_proj, F.rms_norm(x, (cfg.dim,), norm1, eps))
            qk = qkv[0, : (H + KV) * D].view(H + KV, D) @ rotate  # RoPE on every q and k head at once
            cache.k[i, row, pos] = qk[H:]
            cache.v[i, row, pos] = qkv[0, (H + KV) * D:].view(KV, D)
            keys = cache.k[i, row, first: pos + 1].transpose(0, 1)[None]  # (1, KV, L, D)
            values = cache.v[i, row, first: pos + 1].transpose(0, 1)[None]
            y = F.scaled_dot_product_attention(qk[None, :H, None], keys, values, enable_gqa=KV != H)
            x = x + packed_matmul(out_proj, y.reshape(1, H * D))
            gate, up = packed_matmul(gate_up_proj, F.rms_norm(x, (cfg.dim,), norm2, eps)).chunk(2, dim=-1)
            x = x + packed_matmul(down_proj, F.silu(gate) * up)
        cache.lengths[row] += 1
        return model.norm(x).view(1, 1, cfg.dim)

    def rope_matrix(self, pos: int) -> torch.Tensor:
        """(D, D) R with x @ R = apply_rope(x) at position `pos`: RoPE is linear, so its rows are the rotated unit
        vectors."""
        angles = pos * self.model.inv_freq
        angles = torch.cat((angles, angles))
        return apply_rope(torch.eye(self.cfg.head_dim), angles.cos(), angles.sin())


def decoder_linears(model: Transformer) -> list[nn.Module]:
    """The seven Linears of every plain Block, in order (fuse.py's cross-attention layers are not Blocks)."""
    return [m for b in model.layers if type(b) is Block
            for m in (b.attention.wq, b.attention.wk, b.attention.wv, b.attention.wo,
                      b.feed_forward.w1, b.feed_forward.w2, b.feed_forward.w3)]


def packed_matmul(linear: QuantLinear, x: torch.Tensor) -> torch.Tensor:
    """QuantLinear.forward for one fp32 row without the module call and reshapes (the step makes ~200 of these)."""
    y = linear.matmul(x.to(torch.bfloat16)).float()
    return y if linear.bias is None else y + linear.bias


# ============================================================================= GGUF reader

GGML_TYPES = {0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", 8: "Q8_0", 10: "Q2_K", 11: "Q3_K",
              12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 30: "BF16"}  # named in errors; dequantize() reads F32 F16 BF16 Q8_0 Q4_0 Q4_1
BLOCK_BYTES = {"Q4_0": 18, "Q4_1": 20, "Q8_0": 34}  # per 32 weights: fp16 scale (+ fp16 min) + packed values
ELEMENT_BYTES = {"F32": 4, "F16": 2, "BF16": 2}


class GGUFReader(GGUFMetaReader):
    """A GGUF v2/v3 file: tokenizer.py's metadata reader, then tensor infos and raw tensor bytes (memory-mapped)."""

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
            raise GGUFError(f"{self.path}: tensor {name!r} has unsupported type {kind} (F32, F16, BF16, Q8_0, Q4_0, Q4_1)")
        start = self.data_start + offset
        if start + nbytes > len(self.mm):
            raise GGUFError(f"{self.path}: truncated file: tensor {name!r} needs bytes {start}..{start + nbytes}, file has {len(self.mm)}")
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


def gguf_config(reader: GGUFReader) -> ModelConfig:
    meta = reader.metadata
    arch = meta.get("general.architecture")
    if arch not in ("llama", "qwen2"):
        raise GGUFError(f"{reader.path}: general.architecture={arch!r} is not supported (llama, qwen2)")

    def get(key: str, default: Any = None) -> Any:
        if f"{arch}.{key}" not in meta and default is None:
            raise GGUFError(f"{reader.path}: missing metadata field {arch}.{key}")
        return meta.get(f"{arch}.{key}", default)

    n_heads = get("attention.head_count")
    vocab = get("vocab_size", len(meta.get("tokenizer.ggml.tokens", [])) or None)
    return ModelConfig(
        family=arch, vocab_size=vocab, dim=get("embedding_length"), n_layers=get("block_count"), n_heads=n_heads,
        n_kv_heads=get("attention.head_count_kv", n_heads), ffn_dim=get("feed_forward_length"),
        max_seq_len=get("context_length"), norm_eps=float(get("attention.layer_norm_rms_epsilon")),
        rope_theta=float(get("rope.freq_base", 10000.0)), qkv_bias=arch == "qwen2",
        tie_embeddings="output.weight" not in reader.tensors,
        bos_id=int(meta.get("tokenizer.ggml.bos_token_id", -1)), eos_id=int(meta.get("tokenizer.ggml.eos_token_id", -1)))


GGUF_NAMES = {  # ours -> GGUF, per layer
    "attention_norm.weight": "attn_norm.weight", "ffn_norm.weight": "ffn_norm.weight",
    "attention.wq.weight": "attn_q.weight", "attention.wk.weight": "attn_k.weight", "attention.wv.weight": "attn_v.weight",
    "attention.wq.bias": "attn_q.bias", "attention.wk.bias": "attn_k.bias", "attention.wv.bias": "attn_v.bias",
    "attention.wo.weight": "attn_output.weight",
    "feed_forward.w1.weight": "ffn_gate.weight", "feed_forward.w2.weight": "ffn_down.weight", "feed_forward.w3.weight": "ffn_up.weight",
}


def gguf_state_dict(reader: GGUFReader, cfg: ModelConfig) -> dict[str, torch.Tensor]:
    sd = {"tok_embeddings.weight": reader.tensor("token_embd.weight"), "norm.weight": reader.tensor("output_norm.weight")}
    if not cfg.tie_embeddings:
        sd["output.weight"] = reader.tensor("output.weight")
    for i in range(cfg.n_layers):
        for ours, theirs in GGUF_NAMES.items():
            if theirs.endswith(".bias") and not cfg.qkv_bias:
                continue
            w = reader.tensor(f"blk.{i}.{theirs}")
            if cfg.family == "llama" and theirs.startswith(("attn_q", "attn_k")):
                w = unpermute_rope(w, cfg.n_heads if theirs.startswith("attn_q") else cfg.n_kv_heads)
            sd[f"layers.{i}.{ours}"] = w
    return sd


# ============================================================================= Hugging Face directories

def hf_config(path: Path) -> ModelConfig:
    """Map a transformers config.json (llama, mistral, qwen2, gpt_neox; SmolLM2 is llama) onto ModelConfig."""
    file = path / "config.json"
    try:
        c = json.loads(file.read_text())
    except (OSError, json.JSONDecodeError) as e:
        raise ValueError(f"{file}: cannot read config: {e}") from e
    kind = c.get("model_type")
    if kind not in ("llama", "mistral", "qwen2", "gpt_neox"):
        raise ValueError(f"{file}: model_type={kind!r} is not supported (llama, mistral, qwen2, gpt_neox)")
    rope = dict(c.get("rope_parameters") or c.get("rope_scaling") or {})  # transformers 5 nests rope_theta here
    theta = rope.pop("rope_theta", c.get("rope_theta", c.get("rotary_emb_base", 10000.0)))
    pct = rope.pop("partial_rotary_factor", c.get("rotary_pct", c.get("partial_rotary_factor", 1.0)))
    scaling = rope if rope.get("rope_type", rope.get("type", "default")) != "default" else None
    neox = kind == "gpt_neox"
    eps = c.get("layer_norm_eps" if neox else "rms_norm_eps", 1e-5)
    bias = bool(c.get("attention_bias", neox)) and kind != "qwen2"  # qwen2: q/k/v biases only, always
    act = c.get("hidden_act", "silu")
    if act not in ("silu", "gelu"):
        raise ValueError(f"{file}: hidden_act={act!r} is not supported (silu, gelu)")
    return ModelConfig(
        family=kind, vocab_size=c["vocab_size"], dim=c["hidden_size"], n_layers=c["num_hidden_layers"],
        n_heads=c["num_attention_heads"], n_kv_heads=c.get("num_key_value_heads") or c["num_attention_heads"],
        head_dim=c.get("head_dim") or 0, ffn_dim=c["intermediate_size"], max_seq_len=c.get("max_position_embeddings", 2048),
        norm="layernorm" if neox else "rmsnorm", norm_eps=float(eps), mlp="gelu" if act == "gelu" else "swiglu",
        rope_theta=float(theta), rotary_pct=float(pct), rope_scaling=scaling,
        qkv_bias=bias or kind == "qwen2", out_bias=bias, mlp_bias=bool(c.get("mlp_bias", neox)),
        parallel_residual=bool(c.get("use_parallel_residual", False)) if neox else False,
        sliding_window=int(c.get("sliding_window") or 0) if kind == "mistral" else 0,
        tie_embeddings=bool(c.get("tie_word_embeddings", False)),
        bos_id=first_id(c.get("bos_token_id")), eos_id=first_id(c.get("eos_token_id")))


def first_id(value: Any) -> int:
    return int(value[0] if isinstance(value, list) else value) if value is not None else -1


def hf_names(cfg: ModelConfig) -> dict[str, str]:
    """Our parameter name -> the transformers name, for llama-style families (NeoX's fused qkv is handled apart)."""
    names = {"tok_embeddings.weight": "model.embed_tokens.weight", "norm.weight": "model.norm.weight", "output.weight": "lm_head.weight"}
    per_layer = {"attention_norm": "input_layernorm", "ffn_norm": "post_attention_layernorm",
                 "attention.wq": "self_attn.q_proj", "attention.wk": "self_attn.k_proj", "attention.wv": "self_attn.v_proj",
                 "attention.wo": "self_attn.o_proj", "feed_forward.w1": "mlp.gate_proj", "feed_forward.w2": "mlp.down_proj",
                 "feed_forward.w3": "mlp.up_proj"}
    if cfg.family == "gpt_neox":
        names = {"tok_embeddings.weight": "gpt_neox.embed_in.weight", "norm.weight": "gpt_neox.final_layer_norm.weight",
                 "norm.bias": "gpt_neox.final_layer_norm.bias", "output.weight": "embed_out.weight"}
        per_layer = {"attention_norm": "input_layernorm", "ffn_norm": "post_attention_layernorm",
                     "attention.wo": "attention.dense", "feed_forward.w1": "mlp.dense_h_to_4h", "feed_forward.w2": "mlp.dense_4h_to_h"}
    prefix = "gpt_neox.layers" if cfg.family == "gpt_neox" else "model.layers"
    for i in range(cfg.n_layers):
        for ours, theirs in per_layer.items():
            for p in ("weight", "bias"):
                names[f"layers.{i}.{ours}.{p}"] = f"{prefix}.{i}.{theirs}.{p}"
    return names


def read_safetensors(path: Path) -> dict[str, torch.Tensor]:
    """model.safetensors, or every shard listed in model.safetensors.index.json."""
    from safetensors.torch import load_file

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


def hf_state_dict(theirs: dict[str, torch.Tensor], cfg: ModelConfig, source: Path) -> dict[str, torch.Tensor]:
    sd = {ours: theirs[name] for ours, name in hf_names(cfg).items() if name in theirs}
    if cfg.family == "gpt_neox":  # fused per head as (heads, [q, k, v], head_dim)
        for i in range(cfg.n_layers):
            for p in ("weight", "bias"):
                name = f"gpt_neox.layers.{i}.attention.query_key_value.{p}"
                if name not in theirs:
                    raise KeyError(f"{source}: missing tensor {name!r}")
                fused = theirs[name].reshape(cfg.n_heads, 3, cfg.head_dim, -1)
                for j, w in enumerate(("wq", "wk", "wv")):
                    sd[f"layers.{i}.attention.{w}.{p}"] = fused[:, j].reshape(cfg.n_heads * cfg.head_dim, -1).squeeze(-1)
    if cfg.tie_embeddings:
        sd.pop("output.weight", None)
    return sd


# ============================================================================= load / export

def build(cfg: ModelConfig, sd: dict[str, torch.Tensor], source: Any, dtype: torch.dtype = torch.float32) -> Transformer:
    """Assign `sd` onto a meta-device model (no random init, no double memory), checking every name and shape."""
    with torch.device("meta"):
        model = Transformer(cfg)
    expected = {k: v for k, v in model.state_dict().items() if not (cfg.tie_embeddings and k == "output.weight")}
    for name, ref in expected.items():
        if name not in sd:
            raise KeyError(f"{source}: missing tensor {name!r}")
        if tuple(sd[name].shape) != tuple(ref.shape):
            raise ValueError(f"{source}: tensor {name!r} has shape {tuple(sd[name].shape)}, expected {tuple(ref.shape)}")
    model.load_state_dict({k: sd[k].to(dtype) for k in expected}, strict=False, assign=True)
    if cfg.tie_embeddings:
        model.output.weight = model.tok_embeddings.weight
    model.reset_rope()
    return model.eval()


def load_gguf(path: Path, cache: bool = True) -> Transformer:
    """Read and dequantise a GGUF; the fp32 result is cached under out/cache/ keyed by the file's size and mtime."""
    from safetensors.torch import load_file, save

    stat = path.stat()
    key = hashlib.sha1(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    cached = out_dir("cache") / f"{path.stem}-{key}.safetensors"
    reader = GGUFReader(path)
    cfg = gguf_config(reader)
    if cache and cached.exists():
        return build(cfg, load_file(cached), cached)
    sd = gguf_state_dict(reader, cfg)
    if cache:
        atomic_write_bytes(cached, save({k: v.contiguous() for k, v in sd.items()}))
    return build(cfg, sd, path)


def load(path: str | Path, dtype: torch.dtype = torch.float32) -> tuple[Transformer, Any]:
    """A Hugging Face model directory or a .gguf file -> (model in eval mode, tokenizer or None)."""
    path = Path(path)
    if path.suffix == ".gguf":
        model = load_gguf(path).to(dtype)
    elif (path / "config.json").exists():
        cfg = hf_config(path)
        model = build(cfg, hf_state_dict(read_safetensors(path), cfg, path), path, dtype)
    else:
        raise FileNotFoundError(f"{path}: not a .gguf file nor a directory with config.json")
    return model, load_tokenizer_for(path)


def load_tokenizer_for(path: Path) -> Any:
    """The checkpoint's own tokenizer, if it has one."""
    if path.suffix != ".gguf" and not any((path / f).exists() for f in ("tokenizer.json", "tokenizer.model")):
        return None
    return load_tokenizer(path)


def export_hf(model: Transformer, tokenizer: Any, out: str | Path) -> Path:
    """Write config.json + model.safetensors (+ tokenizer files) that transformers.AutoModelForCausalLM loads."""
    from safetensors.torch import save

    out, cfg = Path(out), model.config
    sd = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    names = hf_names(cfg)
    theirs = {names[k]: v for k, v in sd.items() if k in names and not (cfg.tie_embeddings and k == "output.weight")}
    if cfg.family == "gpt_neox":
        for i in range(cfg.n_layers):
            for p in ("weight", "bias"):
                parts = [sd[f"layers.{i}.attention.{w}.{p}"].reshape(cfg.n_heads, 1, cfg.head_dim, -1) for w in ("wq", "wk", "wv")]
                theirs[f"gpt_neox.layers.{i}.attention.query_key_value.{p}"] = torch.cat(parts, 1).reshape(3 * cfg.dim, -1).squeeze(-1).contiguous()
    out.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(out / "model.safetensors", save(theirs, metadata={"format": "pt"}))
    atomic_write_json(out / "config.json", hf_config_dict(cfg, next(iter(sd.values())).dtype))
    if tokenizer is not None:
        tokenizer.save(out)
    return out


def hf_config_dict(cfg: ModelConfig, dtype: torch.dtype) -> dict[str, Any]:
    rope = {"rope_type": "default", "rope_theta": cfg.rope_theta, **(cfg.rope_scaling or {})}
    c: dict[str, Any] = {
        "model_type": cfg.family, "vocab_size": cfg.vocab_size, "hidden_size": cfg.dim, "num_hidden_layers": cfg.n_layers,
        "num_attention_heads": cfg.n_heads, "intermediate_size": cfg.ffn_dim, "max_position_embeddings": cfg.max_seq_len,
        "tie_word_embeddings": cfg.tie_embeddings, "rope_theta": cfg.rope_theta, "rope_parameters": rope,
        "torch_dtype": str(dtype).removeprefix("torch."), "head_dim": cfg.head_dim,
        "bos_token_id": cfg.bos_id if cfg.bos_id >= 0 else None, "eos_token_id": cfg.eos_id if cfg.eos_id >= 0 else None,
    }
    if cfg.family == "gpt_neox":
        rope["partial_rotary_factor"] = cfg.rotary_pct
        c.update(architectures=["GPTNeoXForCausalLM"], layer_norm_eps=cfg.norm_eps, hidden_act="gelu",
                 use_parallel_residual=cfg.parallel_residual, attention_bias=cfg.qkv_bias, rotary_pct=cfg.rotary_pct,
                 rotary_emb_base=cfg.rope_theta)
        return c
    arch = {"llama": "LlamaForCausalLM", "qwen2": "Qwen2ForCausalLM", "mistral": "MistralForCausalLM"}[cfg.family]
    c.update(architectures=[arch], num_key_value_heads=cfg.n_kv_heads, rms_norm_eps=cfg.norm_eps, hidden_act="silu",
             attention_bias=cfg.qkv_bias, mlp_bias=cfg.mlp_bias)
    if cfg.family == "mistral":
        c["sliding_window"] = cfg.sliding_window or None
    return c


# ============================================================================= entry

def init_release(config: str | Path, tokenizer_path: str | Path, out: str | Path, seed: int = 0) -> Path:
    """A randomly initialised release directory (config, weights, tokenizer): the smallest complete checkpoint,
    which `make demo`'s smoke mode and CI serve without waiting for any training."""
    tok = load_tokenizer(tokenizer_path)
    cfg = load_config(config)
    if tok.vocab_size > cfg.vocab_size:
        raise ValueError(f"{tokenizer_path}: {tok.vocab_size} token ids do not fit {config}'s vocab_size {cfg.vocab_size}")
    cfg.bos_id, cfg.eos_id = tok.bos_id if tok.bos_id is not None else -1, tok.eos_id
    torch.manual_seed(seed)
    return export_hf(Transformer(cfg), tok, out)


def main(argv: list[str]) -> None:
    exit_on_help(argv)
    if any(a.startswith("--init") for a in argv):
        args = parse_args(argv)
        print(f"wrote {init_release(args['init'], args['tokenizer'], args['out'])}")
        return
    if "--ckpt" in argv:
        model, tok = load(argv[argv.index("--ckpt") + 1])
        print(json.dumps(dataclasses.asdict(model.config), indent=2))
        print(f"{model.num_params() / 1e6:.1f}M parameters, tokenizer: {type(tok).__name__ if tok else None}")
        return
    for path in sorted((ROOT / "configs").glob("*.py")):
        with torch.device("meta"):
            model = Transformer(load_config(path))
        print(f"{path.stem:>16}: {model.num_params() / 1e6:9.2f}M parameters, "
              f"{model.flops_per_token(seq_len=2048) / 1e9:8.2f} GFLOPs/token (training, 2048 context)")


if __name__ == "__main__":
    main(sys.argv[1:])
