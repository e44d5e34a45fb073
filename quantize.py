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
    each), so it counts them: the packed kernels are called with their buffers bound (`packed_matmul`); a residual
    add takes the matmul's bf16 output as it is (fp32 + bf16 computes in fp32, exactly what casting first gives);
    one query's attention is two small batched matmuls and a softmax (torch's CPU flash attention costs more in its
    setup than in its arithmetic for a single query); torch.rms_norm is called without F.rms_norm's Python wrapper.
    Against the previous step, per token: 845 Python-level calls instead of 1527, 4515 aten ops instead of 5439, and
    1.04-1.18x the tokens/s (interleaved A/B runs, 1 thread, on a 2-core Xeon shared with other jobs).
    torch.compile (dynamic cache length) was tried and dropped, both slower than this step and slow to warm up on
    that machine: one layer compiled in 80-90 s and ran at 0.85x (with or without cpp_wrapper: the int4 kernel stays
    an external call, and each of a token's 30 compiled calls checks its guards); the whole 30-layer step with
    cpp_wrapper compiled in 12 minutes and ran at 0.33x.
    Prefill and batched steps keep using the modules, which compute the same thing."""

    def __init__(self, model: Transformer):
        self.cfg, self.model, self.blocks = model.config, model, tuple(model.layers._modules.values())
        # Per layer, everything the step reads, looked up once: a Module attribute lookup costs about a microsecond.
        self.layer_parts = [(b.attention_norm.weight,
                             packed_matmul(QuantLinear.stacked([b.attention.wq, b.attention.wk, b.attention.wv])),
                             packed_matmul(b.attention.wo), b.ffn_norm.weight,
                             packed_matmul(QuantLinear.stacked([b.feed_forward.w1, b.feed_forward.w3])),
                             packed_matmul(b.feed_forward.w2)) for b in model.layers]

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
        cfg, model = self.cfg, self.model
        H, KV, D, eps = cfg.n_heads, cfg.n_kv_heads, cfg.head_dim, cfg.norm_eps
        pos = int(cache.lengths[row])
        if pos >= cache.max_len:
            raise ValueError(f"KV cache overflow: {pos + 1} positions needed, cache holds {cache.max_len}")
        rotate = self.rope_matrix(pos)
        first = max(0, pos + 1 - cfg.sliding_window) if cfg.sliding_window else 0
        x = model.tok_embeddings(idx).view(1, cfg.dim).float()
        for parts, k_cache, v_cache in zip(self.layer_parts, cache.k[:, row], cache.v[:, row]):
            norm1, qkv_proj, out_proj, norm2, gate_up_proj, down_proj = parts
            heads = qkv_proj(torch.rms_norm(x, (cfg.dim,), norm1, eps)).float().view(H + 2 * KV, D)
            qk = heads[: H + KV] @ rotate  # RoPE on every q and k head at once
            k_cache[pos] = qk[H:]
            v_cache[pos] = heads[H + KV:]
            # GQA: query heads h sit beside their key/value head h // (H // KV), as SDPA's enable_gqa pairs them
            scores = torch.bmm(qk[:H].view(KV, H // KV, D), k_cache[first: pos + 1].permute(1, 2, 0))
            y = torch.bmm(scores.mul_(D ** -0.5).softmax(-1), v_cache[first: pos + 1].transpose(0, 1))
            x = x + out_proj(y.view(1, H * D))
            gate, up = gate_up_proj(torch.rms_norm(x, (cfg.dim,), norm2, eps)).float().chunk(2, dim=-1)
            x = x + down_proj(F.silu(gate) * up)
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


def packed_matmul(linear: QuantLinear) -> Callable[[torch.Tensor], torch.Tensor]:
    """QuantLinear.forward for one fp32 row as a plain function (the step calls four per layer), with
    neither the module call nor the reshapes: (1, in) fp32 -> (1, out) bf16, or fp32 once an fp32 bias is added
    (which computes what casting to fp32 first would)."""
    kernel, bias = linear.kernel(), linear.bias

    def matmul(x: torch.Tensor) -> torch.Tensor:
        y = kernel(x.to(torch.bfloat16))
        return y if bias is None else y + bias

    return matmul

