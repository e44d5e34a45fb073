"""One readable decoder-only transformer for the Llama, Qwen2, Mistral, SmolLM2 and GPT-NeoX families.

What it supports
- one `ModelConfig` dataclass: RMSNorm or LayerNorm; RoPE with any theta, partial rotary (NeoX) and Llama-3
  frequency scaling; MHA/GQA/MQA with optional q/k/v bias; SwiGLU or GELU MLP; NeoX parallel residual;
  Mistral's sliding window; tied or untied embeddings; attention through `scaled_dot_product_attention`
- a preallocated KV cache written in place (gpt-fast style) with a length per row, so rows at different lengths
  share one decode step (serve.py's continuous batching) and a new row can start from a cached prefix
- `generate()` (greedy, temperature, top-k, top-p, stop ids, seeded) for a batch of prompts of different lengths,
  and `stream()` yielding one token at a time; `allow=` restricts a row to the tokens a guide accepts
  (`sample_allowed`; toolcalls.tool_call_guide keeps tool calls valid)
- `load(path)`: a Hugging Face directory (config.json + model.safetensors, or sharded) or a `.gguf` file
  (weights.py reads both formats and writes `export_hf()`'s); the dequantised GGUF is cached under out/cache/
  so later loads take about a second
- `num_params()` (quantize.py's packed Linears count the weights they stand for), `flops_per_token()`,
  construction on the meta device (count the 7B config without memory)
- `one_row`: the hook through which quantize.py's OneRowDecoder takes over one-row decode steps

Run
    .venv/bin/python model.py                      # parameter counts of every model config in configs/
    .venv/bin/python model.py --ckpt PATH          # load a checkpoint and print its config
    .venv/bin/python model.py --init=configs/test --tokenizer=out/tokenizers/bpe2048 --out=out/release/test
                                                   # a randomly initialised release (what the demo's smoke mode serves)
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import torch
import torch.nn as nn
import torch.nn.functional as F

from safetensors.torch import load_file, save

from common import ROOT, atomic_write_bytes, exit_on_help, fill, out_dir, parse_args, read_config_file
from tokenizer import load_tokenizer
from weights import GGUFReader, export_hf, gguf_config, gguf_state_dict, hf_config, hf_state_dict, read_safetensors


Allow = Callable[[list[int], int], bool]  # (tokens a row generated so far, candidate) -> may it come next?


# ============================================================================= config

@dataclass
class ModelConfig:
    family: str = "llama"  # a key of weights.FAMILIES (llama, mistral, qwen2, gpt_neox): how its checkpoints look
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
    # {"rope_type": "llama3", "factor", "low_freq_factor", "high_freq_factor", "original_max_position_embeddings"}
    rope_scaling: dict | None = None
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


def model_configs() -> list[Path]:
    """The files in configs/ that describe a model (only ModelConfig keys), not a run (sft, vqa)."""
    known = {f.name for f in dataclasses.fields(ModelConfig)}
    return [p for p in sorted((ROOT / "configs").glob("*.py")) if set(read_config_file(p)) <= known]


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
            raise ValueError(f"copy_prefix: source row {src_row} holds {int(source.lengths[src_row])} positions, "
                             f"asked for {length}")
        self.k[:, dst_row, :length] = source.k[:, src_row, :length]
        self.v[:, dst_row, :length] = source.v[:, src_row, :length]
        self.lengths[dst_row] = length

    def update(self, layer: int, k: torch.Tensor, v: torch.Tensor, step: Step) -> tuple[torch.Tensor, torch.Tensor]:
        """Write layer `layer`'s new K/V (B, T, n_kv_heads, head_dim) at each row's positions, then return every
        cached key and value of those rows, (B, step.kv_len, n_kv_heads, head_dim) in position order: the one call
        Attention makes, so another cache with the same `update`, `lengths` and `max_len` (engine.py's paged one)
        plugs in unchanged."""
        ck, cv = self.k[layer], self.v[layer]
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
            k, v = step.cache.update(self.layer_id, k, v, step)
        gqa = cfg.n_kv_heads != cfg.n_heads
        y = F.scaled_dot_product_attention(q, k.transpose(1, 2), v.transpose(1, 2), attn_mask=step.mask,
                                           is_causal=step.mask is None and T > 1, enable_gqa=gqa)
        return self.wo(y.transpose(1, 2).reshape(B, T, cfg.n_heads * cfg.head_dim))


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
        # The hook for a faster one-row decode step: quantize.py's OneRowDecoder attaches itself here, and hidden()
        # hands it each step it `takes` (model.py never imports quantize.py; None = the module path only).
        self.one_row: Any = None
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
        """Parameters, counting tied embeddings once (meta-device models count too). A Linear whose weight is a
        packed buffer (quantize.py) counts the out x in weights it stands for; a tied output head is the embedding."""
        n = sum(p.numel() for p in self.parameters())
        for name, module in self.named_modules():
            weight = getattr(module, "weight", None)
            packed = isinstance(weight, torch.Tensor) and not isinstance(weight, nn.Parameter)
            if packed and not (name == "output" and self.config.tie_embeddings):
                n += module.in_features * module.out_features
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
            rows_t = (torch.arange(B, device=device) if rows is None
                      else torch.as_tensor(rows, dtype=torch.long, device=device))
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
    def generate(self, prompts: list[list[int]], max_new_tokens: int, temperature: float = 0.0,
                 top_k: int | None = None, top_p: float | None = None, stop_ids: tuple[int, ...] | list[int] = (),
                 seed: int | None = None, allow: list[Allow | None] | None = None) -> list[list[int]]:
        """New tokens for each prompt (a stop id ends a row and is not returned). Prompts of different lengths run as
        one batch: each row sits at its own length in the cache, so no padding ever enters attention and the result
        equals generating each prompt alone. `allow[row]`, when set, restricts that row to the tokens it accepts
        (toolcalls.tool_call_guide: tool calls that fit their schemas)."""
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
            raise ValueError(f"generate: prompt of {max(map(len, prompts))} tokens does not fit "
                             f"max_seq_len={self.config.max_seq_len}")
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
        # causal attention keeps the pads (after each prompt) out of every real token
        h = self.hidden(right_padded(prompts, device), cache=cache)
        cache.lengths = lens.clone()  # forget the pads: the next token overwrites them
        return cache, h[torch.arange(len(prompts), device=device), lens - 1]

    @torch.inference_mode()
    def _next_tokens(self, h: torch.Tensor, temperature: float, top_k: int | None, top_p: float | None,
                     gen: torch.Generator | None,
                     guides: list[Callable[[int], bool] | None] | None = None) -> list[int]:
        """One token per row; a row with a guide that rejects its pick takes sample_allowed's instead."""
        logits = self.output(h).float()
        picks = sample(logits, temperature, top_k, top_p, gen).tolist()
        if guides:
            picks = [pick if guide is None or guide(pick)
                     else sample_allowed(logits[i], guide, temperature, top_k, top_p, gen)
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
    if temperature <= 0:  # greedy: max's indices are argmax's (the first maximum), at a third of its CPU time
        return logits.max(-1).indices
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


# ============================================================================= load / export

def build(cfg: ModelConfig, sd: dict[str, torch.Tensor], source: Any,
          dtype: torch.dtype = torch.float32) -> Transformer:
    """Assign `sd` onto a meta-device model (no random init, no double memory), checking every name and shape."""
    with torch.device("meta"):
        model = Transformer(cfg)
    expected = {k: v for k, v in model.state_dict().items() if not (cfg.tie_embeddings and k == "output.weight")}
    for name, ref in expected.items():
        if name not in sd:
            raise KeyError(f"{source}: missing tensor {name!r}")
        if tuple(sd[name].shape) != tuple(ref.shape):
            raise ValueError(f"{source}: tensor {name!r} has shape {tuple(sd[name].shape)}, "
                             f"expected {tuple(ref.shape)}")
    model.load_state_dict({k: sd[k].to(dtype) for k in expected}, strict=False, assign=True)
    if cfg.tie_embeddings:
        model.output.weight = model.tok_embeddings.weight
    model.reset_rope()
    return model.eval()


def load_gguf(path: Path, cache: bool = True) -> Transformer:
    """Read and dequantise a GGUF; the fp32 result is cached under out/cache/ keyed by the file's size and mtime."""
    stat = path.stat()
    key = hashlib.sha1(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    cached = out_dir("cache") / f"{path.stem}-{key}.safetensors"
    reader = GGUFReader(path)
    cfg = ModelConfig(**gguf_config(reader))
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
        cfg = ModelConfig(**hf_config(path))
        model = build(cfg, hf_state_dict(read_safetensors(path), cfg, path), path, dtype)
    else:
        raise FileNotFoundError(f"{path}: not a .gguf file nor a directory with config.json")
    return model, load_tokenizer_for(path)


def load_tokenizer_for(path: Path) -> Any:
    """The checkpoint's own tokenizer, if it has one."""
    if path.suffix != ".gguf" and not any((path / f).exists() for f in ("tokenizer.json", "tokenizer.model")):
        return None
    return load_tokenizer(path)


# ============================================================================= entry

def init_release(config: str | Path, tokenizer_path: str | Path, out: str | Path, seed: int = 0) -> Path:
    """A randomly initialised release directory (config, weights, tokenizer): the smallest complete checkpoint,
    which `make demo`'s smoke mode and CI serve without waiting for any training."""
    tok = load_tokenizer(tokenizer_path)
    cfg = load_config(config)
    if tok.vocab_size > cfg.vocab_size:
        raise ValueError(f"{tokenizer_path}: {tok.vocab_size} token ids do not fit {config}'s "
                         f"vocab_size {cfg.vocab_size}")
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
    for path in model_configs():
        with torch.device("meta"):
            model = Transformer(load_config(path))
        print(f"{path.stem:>16}: {model.num_params() / 1e6:9.2f}M parameters, "
              f"{model.flops_per_token(seq_len=2048) / 1e9:8.2f} GFLOPs/token (training, 2048 context)")


if __name__ == "__main__":
    main(sys.argv[1:])
