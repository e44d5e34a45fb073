"""Weight-only int8 and int4 for model.py's Transformer, and the fast one-row decode step that goes with them.

What it supports (gpt-fast style: quantisation is a module swap, so generation code needs no change)
- `quantize_int8(model)`: every Linear as `Int8Linear` (one scale per output row): a quarter of the fp32 bytes
- `quantize_int4(model, group_size=32)`: Linears the kernel takes as `Int4Linear` (groups of 32 inputs, each with a
  scale and an offset, GGUF's Q4_1 block): an eighth of the fp32 bytes
- `quantized(model, name)`: the one way a script turns its `--quantize=` value into one of the two ("" keeps the
  float weights), with the one message for a name it does not know (chat.py, engine.load_local)
- both run torch's CPU packed-weight kernels with bf16 inputs; decoding one token reads every weight once, so batch-1
  tokens/s follow the weight bytes (4x / 8x fewer than fp32)
- `OneRowDecoder`: the batch-1 decode step with q/k/v and gate/up fused, no module calls and few torch calls (1.3x
  the module path, then 1.04-1.18x from counting torch calls);
  it attaches itself as `model.one_row`, the hook `Transformer.hidden` consults, so model.py never imports this file

Run
    .venv/bin/python -m pytest -q tests/test_model.py -k "int8 or int4 or one_row"
    .venv/bin/python -m bench.decode               # decode tokens/s of fp32, int8 and int4 against transformers
"""
from __future__ import annotations

import copy
import functools
from typing import Any, Callable

import torch
import torch.nn as nn
import torch.nn.functional as F

from common import UserError
from model import Block, KVCache, Transformer, apply_rope


class QuantLinear(nn.Module):
    """A Linear whose weight is stored packed (its buffers). Decoding one token reads every weight once, so on a CPU
    the tokens/s of batch-1 decoding follow the bytes of weights. The model's own activations (fp32 on a CPU) are
    kept everywhere else: only the matmul sees bf16, the input dtype torch's CPU kernels for packed int8/int4 weights
    are fast with (with fp32 inputs they are ~10x slower). Each subclass packs the weight and defines `kernel()`:
    torch's packed matmul with this layer's buffers bound, a function (N, in_features) bf16 -> (N, out_features) bf16.
    Binding them once matters in a decode loop: reading a buffer through the Module costs about a microsecond."""

    row_dims: dict[str, int] = {}  # buffer name -> its dimension that runs along the output rows

    def __init__(self, linear: nn.Linear):
        super().__init__()
        self.bias, self.in_features, self.out_features = linear.bias, linear.in_features, linear.out_features

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.kernel()(x.reshape(-1, self.in_features).to(torch.bfloat16))
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

    def kernel(self) -> Callable[[torch.Tensor], torch.Tensor]:
        return functools.partial(torch._weight_int8pack_mm, mat2=self.weight, scales=self.scales)


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
        scales_and_zeros = torch.stack((scale.T, (low + 8 * scale).T), -1).to(torch.bfloat16).contiguous()
        self.register_buffer("scales_and_zeros", scales_and_zeros)
        self.group_size = group_size

    @staticmethod
    def fits(linear: nn.Linear, group_size: int) -> bool:
        """The CPU kernel wants whole groups along the input and output rows in multiples of 16."""
        return linear.in_features % group_size == 0 and linear.out_features % 16 == 0

    def kernel(self) -> Callable[[torch.Tensor], torch.Tensor]:
        return functools.partial(torch._weight_int4pack_mm_for_cpu, mat2=self.weight, qGroupSize=self.group_size,
                                 qScaleAndZeros=self.scales_and_zeros)


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
    def make(linear: nn.Linear) -> Int4Linear | None:
        return Int4Linear(linear, group_size) if Int4Linear.fits(linear, group_size) else None

    return OneRowDecoder.attach(swap_linears(model, make))


QUANTIZERS: dict[str, Callable[[nn.Module], nn.Module]] = {"int8": quantize_int8, "int4": quantize_int4}


class QuantizeError(UserError, ValueError):
    """A --quantize value no quantizer answers to (or a device the packed kernels do not run on)."""


def quantized(model: nn.Module, name: str, device: str = "cpu") -> nn.Module:
    """`model` with its weights packed as `name` ("int8", "int4") says, in place; "" keeps the float weights."""
    if not name:
        return model
    if name not in QUANTIZERS or device != "cpu":
        raise QuantizeError(f"--quantize={name!r}: choose {' or '.join(QUANTIZERS)}, on --device=cpu "
                            "(torch's packed kernels are CPU ones; leave it out for the checkpoint's own weights)")
    return QUANTIZERS[name](model)


class OneRowDecoder:
    """The decode step of one row and one token for a quantised Llama-family Transformer, as plain tensor calls.

    Why it exists: a batch-1 step of SmolLM2 is 211 small packed matmuls of ~20 us each, and the module path wraps
    them in many more small ops (views, transposes, casts, masks, per-step bookkeeping) that cost about as much
    again on a CPU. Here q, k and v are one matmul, as are the MLP's gate and up (their packed rows stacked, the
    module weights turned into views of them, so nothing is stored twice); the residual stream and the norms stay
    fp32 and only the matmul inputs are bf16, as in QuantLinear; RoPE rotates every q and k head in one small matmul;
    the new k and v go straight into the cache; attention reads the cache in fp32 (CPU flash attention with bf16 was
    2.5x slower than with fp32).
    What the step spends outside the matmuls is Python calling into torch (dozens of calls a layer, microseconds
    each) and the aten ops behind each call, so it counts both: the packed kernels are called with their buffers
    bound; a residual add takes the matmul's bf16 output as it is, in place (fp32 += bf16 computes in fp32, exactly
    what casting first gives); every layer's cache views for the step are made at once, and the new k and v are
    copied into theirs; the norms before the kernels are `rms_norm_bf16` (6 aten ops where torch.rms_norm on a CPU
    runs about 24). One query's attention is one scaled_dot_product_attention call with each key/value head's query
    heads as its query rows: with 2 threads, two batched matmuls and a softmax cost 1.1-2.5x its CPU time and up to
    1.7x its wall time (MKL threads even these tiny bmm; with 1 thread the two cost the same), SDPA's enable_gqa
    path 1.1x (it expands k and v).
    Against the previous step, per token: 3239 aten ops instead of 4521 and 1.04-1.31x the tokens/s with 2 threads
    (median 1.18-1.23 in two sets of 8 runs; 1 thread: 1.04-1.16x, median 1.10), in process CPU time over A/B runs on
    a 2-core Xeon loaded by other jobs (wall clock: median 1.24-1.27, spread 0.76-1.52). A step before that had
    cut 5439 aten ops to 4515 (1.04-1.18x). SwiGLU on the kernel's bf16 outputs (two casts fewer a layer) measured
    no faster and would break equality with the module path, so the MLP computes in fp32 as the modules do.
    torch.compile (dynamic cache length) was tried and dropped, both slower than this step and slow to warm up on
    that machine: one layer compiled in 80-90 s and ran at 0.85x (with or without cpp_wrapper: the int4 kernel stays
    an external call, and each of a token's 30 compiled calls checks its guards); the whole 30-layer step with
    cpp_wrapper compiled in 12 minutes and ran at 0.33x.
    Prefill and batched steps keep using the modules, which compute the same thing."""

    def __init__(self, model: Transformer):
        self.cfg, self.model, self.blocks = model.config, model, tuple(model.layers._modules.values())
        # Per layer, everything the step reads, looked up once: a Module attribute lookup costs about a microsecond.
        # The matmuls are the packed kernels with their buffers bound, bf16 in and bf16 out; only q/k/v can carry a
        # bias here (`supports`), added in fp32 as QuantLinear.forward does.
        self.layer_parts = []
        for b in model.layers:
            attention, mlp = b.attention, b.feed_forward
            qkv = QuantLinear.stacked([attention.wq, attention.wk, attention.wv])
            gate_up = QuantLinear.stacked([mlp.w1, mlp.w3])
            self.layer_parts.append((b.attention_norm.weight, qkv.kernel(), qkv.bias, attention.wo.kernel(),
                                     b.ffn_norm.weight, gate_up.kernel(), mlp.w2.kernel()))
        self.eps = torch.tensor(self.cfg.norm_eps)

    @classmethod
    def attach(cls, model: nn.Module) -> nn.Module:
        """Give `model` a OneRowDecoder when it is a Transformer this step computes exactly, else leave it be."""
        if isinstance(model, Transformer) and cls.supports(model):
            model.one_row = cls(model)
        return model

    @staticmethod
    def supports(model: Transformer) -> bool:
        cfg, linears = model.config, decoder_linears(model)
        plain = (cfg.norm == "rmsnorm" and cfg.mlp == "swiglu" and cfg.rot_dim == cfg.head_dim
                 and not cfg.parallel_residual and not cfg.out_bias and not cfg.mlp_bias
                 and model.tok_embeddings.weight.dtype == torch.float32)
        same_kind = all(isinstance(m, QuantLinear) and type(m) is type(linears[0]) for m in linears)
        return plain and same_kind and len(linears) == 7 * cfg.n_layers

    def takes(self, model: Transformer, idx: torch.Tensor | None, cache: KVCache | None, rows: Any, embeds: Any,
              context: Any) -> bool:
        """A one-token step of one row of a KVCache (whose buffers `step` writes directly: engine.py's paged cache
        goes the module way), on the very layers this decoder was built from (a model whose layer list was since
        changed, e.g. by fuse.py's cross-attention, goes the module way). Checking each Linear too would cost more
        than a matmul; sft.py's LoRA wraps only float Linears, never these packed ones."""
        return (isinstance(cache, KVCache) and embeds is None and context is None and idx is not None
                and idx.shape == (1, 1) and (rows is None or torch.as_tensor(rows).numel() == 1)
                and tuple(model.layers._modules.values()) == self.blocks)

    def step(self, idx: torch.Tensor, cache: KVCache, row: int) -> torch.Tensor:
        """Append token idx (1, 1) to cache row `row`; return its final-normed hidden state (1, 1, dim)."""
        cfg, model, bf16 = self.cfg, self.model, torch.bfloat16
        H, KV, D, eps = cfg.n_heads, cfg.n_kv_heads, cfg.head_dim, self.eps
        pos = int(cache.lengths[row])
        if pos >= cache.max_len:
            raise ValueError(f"KV cache overflow: {pos + 1} positions needed, cache holds {cache.max_len}")
        rotate = self.rope_matrix(pos)
        first = max(0, pos + 1 - cfg.sliding_window) if cfg.sliding_window else 0
        # Every layer's cache views for this step, made in a few calls for all layers at once instead of a few per
        # layer: the slots the new k and v go to (L, KV, D), and the keys and values attention reads, (L, 1, KV, T, D)
        # (views, so they include the slot written just before they are read).
        k_new, v_new = cache.k[:, row, pos], cache.v[:, row, pos]
        keys, values = (c[:, row: row + 1, first: pos + 1].transpose(2, 3) for c in (cache.k, cache.v))
        x = F.embedding(idx.view(1), model.tok_embeddings.weight)  # (1, dim) fp32, a fresh tensor: added to in place
        for parts, k_slot, v_slot, k_layer, v_layer in zip(self.layer_parts, k_new, v_new, keys, values):
            norm1, qkv_proj, qkv_bias, out_proj, norm2, gate_up_proj, down_proj = parts
            heads = qkv_proj(rms_norm_bf16(x, norm1, eps)).float()
            if qkv_bias is not None:
                heads += qkv_bias
            qk, v = heads.view(H + 2 * KV, D).split_with_sizes((H + KV, KV))
            q, k = torch.mm(qk, rotate).split_with_sizes((H, KV))  # RoPE on every q and k head at once
            k_slot.copy_(k)
            v_slot.copy_(v)
            # One query: the H // KV query heads that share a key/value head (h // (H // KV), as enable_gqa pairs
            # them) are that head's query rows, with no mask, so SDPA runs without GQA's expanded copies
            y = F.scaled_dot_product_attention(q.view(1, KV, H // KV, D), k_layer, v_layer)
            x.add_(out_proj(y.view(1, H * D).to(bf16)))  # fp32 += bf16 computes in fp32
            gate, up = gate_up_proj(rms_norm_bf16(x, norm2, eps)).float().chunk(2, dim=-1)
            x.add_(down_proj((F.silu(gate) * up).to(bf16)))
        cache.lengths[row] += 1
        return torch.rms_norm(x, (cfg.dim,), model.norm.weight, cfg.norm_eps).view(1, 1, cfg.dim)

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


def rms_norm_bf16(x: torch.Tensor, weight: torch.Tensor, eps: torch.Tensor) -> torch.Tensor:
    """torch.rms_norm(x, weight, eps) of one fp32 row (1, dim), cast to bf16 for a packed kernel, in 6 aten ops (eps a
    0-dim tensor, made once): on a CPU torch.rms_norm is a composite of about 24 (casts, pow, mean as sum and div, ...)
    and a decode step runs 60 norms. The row's sum of squares comes from its 2-norm n, one reduction:
    rsqrt(n * n / dim + eps)."""
    n = torch.linalg.vector_norm(x, dim=-1, keepdim=True)
    inv_rms = torch.rsqrt(torch.addcmul(eps, n, n, value=1 / x.shape[-1]))
    return (x * inv_rms).mul_(weight).to(torch.bfloat16)
