"""Weight-only int8 and int4 for model.py's Transformer, and the fast one-row decode step that goes with them.

What it supports (gpt-fast style: quantisation is a module swap, so generation code needs no change)
- `quantize_int8(model)`: every Linear as `Int8Linear` (one scale per output row): a quarter of the fp32 bytes
- `quantize_int4(model, group_size=32)`: the decoder's Linears the kernel takes as `Int4Linear` (groups of 32 inputs,
  each with a scale and an offset, GGUF's Q4_1 block): an eighth of the fp32 bytes; the output head as a
  `RescoredHead`, 4 bits whose best logits a row are recomputed from the float weight, which keeps the tutor's greedy
  replies those of fp32 (serve.py's default)
- `quantized(model, name)`: the one way a script turns its `--quantize=` value into one of the two ("" keeps the
  float weights), with the one message for a name it does not know (chat.py, engine.load_local)
- both run torch's CPU packed-weight kernels with bf16 inputs; decoding one token reads every weight once, so batch-1
  tokens/s follow the weight bytes (4x / 8x fewer than fp32)
- a LoRA adapter loaded before quantising stays unmerged, an fp32 side path beside the packed weights (serving's
  `--quantize=` keeps the tutor's adapter so; merging first would re-round every weight it touches to 4 bits)
- `OneRowDecoder`: the batch-1 decode step with q/k/v and gate/up fused, no module calls and few torch calls (1.3x
  the module path, then 1.04-1.18x from counting torch calls), its 30 layers one TorchScript call (1.1-1.2x);
  it attaches itself as `model.one_row`, the hook `Transformer.hidden` consults, so model.py never imports this file

Run
    .venv/bin/python -m pytest -q tests/test_model.py -k "int8 or int4 or one_row"
    .venv/bin/python -m bench.decode               # decode tokens/s of fp32, int8 and int4 against transformers
"""
from __future__ import annotations

import copy
import functools
import sys
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
    are fast with (with fp32 inputs they are ~10x slower). Each subclass packs the weight and says, in `packed()`,
    what `packed_mm` needs besides the input: (weight, scales, group size)."""

    row_dims: dict[str, int] = {}  # buffer name -> its dimension that runs along the output rows

    def __init__(self, linear: nn.Linear):
        super().__init__()
        self.bias, self.in_features, self.out_features = linear.bias, linear.in_features, linear.out_features

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = packed_mm(x.reshape(-1, self.in_features).to(torch.bfloat16), *self.packed())
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

    def packed(self) -> tuple[torch.Tensor, torch.Tensor, int]:
        return self.weight, self.scales, 0


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

    def packed(self) -> tuple[torch.Tensor, torch.Tensor, int]:
        return self.weight, self.scales_and_zeros, self.group_size


class RescoredHead(Int4Linear):
    """The output head as Int4Linear, with each row's `top` best logits recomputed exactly from the float weight.

    Why: the head is the largest matrix a decode step reads (SmolLM2: 49,152 x 576), and on one row torch's CPU int8
    kernel reads it at under half the int4 kernel's speed (3.9 against 1.6 ms on a 2-core EPYC, 1 thread), so an
    8-bit head was 27% of a token's profiled time. But 4-bit logits alone move greedy replies: SmolLM2's head is its
    embedding, stored as 8 bits (Q8_0) in the GGUF, and re-rounded to 4 bits its logits move by up to 8-10% of the
    largest (8 bits: 2%), enough to swap two close candidates 1 to 36 tokens into a tutor reply. What the 4-bit
    logits do get right is which few tokens lead. So the 4-bit head ranks the vocabulary and its `top` best get their
    logits again from the float rows (16 dot products a row; with topk about 0.1 ms a token): greedy decoding picks
    among exact logits; the rest keep their 4-bit values (sampling reads them all; they are as close as a 4-bit head
    makes them). The float rows are the head's own weight, which a tied head shares with the embedding (no copy; an
    untied head keeps its float weight: memory, not bytes read a token)."""

    def __init__(self, linear: nn.Linear, group_size: int = 32, top: int = 16):
        super().__init__(linear, group_size)
        self.top = top
        # The weight Parameter itself, kept as a plain attribute (nn.Module's setattr would register it a second
        # time): a deep copy of the model then copies it once, still shared with the copy's embedding.
        object.__setattr__(self, "rows", linear.weight)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        logits = super().forward(x)
        flat, column = logits.view(-1, self.out_features), x.reshape(-1, self.in_features, 1)
        best = flat.topk(self.top, dim=-1, sorted=False).indices  # (rows, top)
        exact = torch.bmm(self.rows[best], column).squeeze(-1)  # (rows, top, in) @ (rows, in, 1)
        flat.scatter_(1, best, exact if self.bias is None else exact + self.bias[best])
        return logits


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


def quantize_int4(model: nn.Module, group_size: int = 32, head_bits: int = 4) -> nn.Module:
    """Every Linear of the decoder whose shape the kernel takes as Int4Linear (others stay as they are), the output
    head as a RescoredHead (4 bits, its best logits a row recomputed from the float weight; `head_bits=8`, or a
    head the kernel does not take: as Int8Linear), then OneRowDecoder as for int8.

    Why the head is rescored and not simply 4 bits: the GGUF's own weights are 4-bit (Q4_1) in the decoder, which
    Int4Linear packs as they are, but 8-bit (Q8_0) in the embedding that SmolLM2's head shares. Re-rounded to 4 bits
    alone, that head moved the tutor's greedy replies away from fp32's 7 to 36 tokens in on all six tutor prompts
    tried; as int8 they stayed fp32's, but torch's int8 kernel made the head 27% of a token's time. Rescored, they
    stay fp32's (tests/test_serve21.py) at the 4-bit head's speed."""
    head = getattr(model, "output", None)

    def make(linear: nn.Linear) -> nn.Module | None:
        if linear is head:
            rescored = head_bits == 4 and Int4Linear.fits(linear, group_size)
            return RescoredHead(linear, group_size) if rescored else Int8Linear(linear)
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
    What the step spends outside the matmuls is the interpreter calling into torch (~35 calls a layer) and the aten ops
    behind each call, so it counts both. The 30 layers run as one TorchScript function (`one_row_layers`, scripted once
    per process in 0.2 s, no C++ compiler involved): one call from Python a token instead of ~1,000, the same aten ops
    in the same order, so its outputs are bit-identical to running the function in Python (that is also the fallback,
    said once, where scripting fails); median 1.12-1.18x the tokens/s in process CPU time (1.07-1.29x a round), 1
    thread, A/B in one process on a loaded 2-core Xeon. Inside it: a residual add takes the matmul's bf16 output as it
    is, in place (fp32 += bf16 computes in fp32, exactly what casting first gives); the norms before the kernels are
    `rms_norm` (5 aten ops where torch.rms_norm on a CPU runs about 24) and a cast; one query's attention is one
    scaled_dot_product_attention call with each key/value head's query heads as its query rows (with 2 threads, two
    batched matmuls and a softmax cost 1.1-2.5x its CPU time: MKL threads even these tiny bmm). SwiGLU on the kernel's
    bf16 outputs measured no faster and would break equality with the module path, so the MLP computes in fp32 as the
    modules do.
    torch.compile was tried three times and dropped: slower than this step and minutes to compile on a 2-core CPU.
    One layer (the same graph for all 30, dynamic cache length) compiled in 80-90 s and ran at 0.85x; the whole step
    with cpp_wrapper compiled in 12 minutes and ran at 0.33x; one layer with mode="max-autotune-no-cudagraphs"
    (inductor's own int4 GEMM template) compiled in 386 s on a loaded machine, took 1.1-1.3x the eager CPU time a
    token, and its hidden states differed from eager ones after the first position (not investigated further).
    A LoRA adapter loaded before quantising (sft.LoRALinear around a packed Linear) runs as an fp32 side path,
    scaling * (x @ A.T) @ B.T beside each packed matmul (`side_path`, `add_low_rank`), the ops LoRALinear runs on
    the module path, the adapted parts of a fused matmul as one pair (the tutor's q and v: 2 small matmuls, not 4;
    -6% aten ops a token, ~1% of its CPU time at 1 thread). The step reads a KVCache row in place, or engine.py's
    paged cache through the slots its `prepare` chose (`row_slots`), so a server with one live row decodes here too.
    Prefill and batched steps keep using the modules, which compute the same thing."""

    def __init__(self, model: Transformer):
        self.cfg, self.model, self.blocks = model.config, model, tuple(model.layers._modules.values())
        # Per layer, the tensors the step reads, in one_row_layers' order, looked up once (a Module attribute lookup
        # costs about a microsecond): the packed matrices with their scales; only q/k/v can carry a bias here
        # (`supports`), added in fp32 as QuantLinear.forward does.
        # A LoRA adapter loaded before quantising (engine.load_local) stays a side path (`side_paths`, per layer).
        self.weights: list[list[torch.Tensor]] = []
        self.biases: list[torch.Tensor | None] = []
        self.side_paths: list[list[torch.Tensor | None]] = []
        for b in model.layers:
            attention, mlp = b.attention, b.feed_forward
            linears = [attention.wq, attention.wk, attention.wv, attention.wo, mlp.w1, mlp.w3, mlp.w2]
            qkv = QuantLinear.stacked([base_of(m) for m in linears[:3]])
            gate_up = QuantLinear.stacked([base_of(m) for m in linears[4:6]])
            self.weights.append([b.attention_norm.weight, *qkv.packed()[:2], *base_of(attention.wo).packed()[:2],
                                 b.ffn_norm.weight, *gate_up.packed()[:2], *base_of(mlp.w2).packed()[:2]])
            self.biases.append(qkv.bias)
            self.side_paths.append(side_path(linears))
        self.lora_scale = lora_scale(model)
        self.group_size = qkv.packed()[2]
        self.eps = torch.tensor(self.cfg.norm_eps)
        # Scripted here, once per process, and looked up at each step rather than kept: a ScriptFunction cannot be
        # deep-copied, and models with a OneRowDecoder are.
        scripted_layers()

    @classmethod
    def attach(cls, model: nn.Module) -> nn.Module:
        """Give `model` a OneRowDecoder when it is a Transformer this step computes exactly, else leave it be."""
        if isinstance(model, Transformer) and cls.supports(model):
            model.one_row = cls(model)
        return model

    @staticmethod
    def supports(model: Transformer) -> bool:
        cfg, linears = model.config, [base_of(m) for m in decoder_linears(model)]
        plain = (cfg.norm == "rmsnorm" and cfg.mlp == "swiglu" and cfg.rot_dim == cfg.head_dim
                 and not cfg.parallel_residual and not cfg.out_bias and not cfg.mlp_bias
                 and model.tok_embeddings.weight.dtype == torch.float32)
        same_kind = all(isinstance(m, QuantLinear) and type(m) is type(linears[0]) for m in linears)
        one_scale = len({m.scaling for m in decoder_linears(model) if hasattr(m, "lora_A")}) <= 1
        return plain and same_kind and one_scale and len(linears) == 7 * cfg.n_layers

    def takes(self, model: Transformer, idx: torch.Tensor | None, cache: KVCache | None, rows: Any, embeds: Any,
              context: Any) -> bool:
        """A one-token step of one row of a KVCache, or of a cache that says where a row's positions live
        (`row_slots`: engine.py's paged cache, after its `prepare` for this step), on the very layers this decoder
        was built from (a model whose layer list was since changed, e.g. by fuse.py's cross-attention, goes the
        module way). Checking each Linear too would cost more than a matmul; sft.py's LoRA wraps only float Linears,
        so an adapter is either loaded before quantising (and read here at attach) or never reaches these layers."""
        paged = hasattr(cache, "row_slots")
        return ((isinstance(cache, KVCache) or paged) and embeds is None and context is None and idx is not None
                and idx.shape == (1, 1) and (rows is None or torch.as_tensor(rows).numel() == 1)
                and tuple(model.layers._modules.values()) == self.blocks)

    def step(self, idx: torch.Tensor, cache: KVCache, row: int) -> torch.Tensor:
        """Append token idx (1, 1) to cache row `row`; return its final-normed hidden state (1, 1, dim)."""
        cfg, model = self.cfg, self.model
        pos = int(cache.lengths[row])
        if pos >= cache.max_len:
            raise ValueError(f"KV cache overflow: {pos + 1} positions needed, cache holds {cache.max_len}")
        first = max(0, pos + 1 - cfg.sliding_window) if cfg.sliding_window else 0
        # Every layer's cache views for this step, made once for all layers: the slots the new k and v go to
        # (L, KV, D), and what attention reads. A KVCache row: its keys and values, (L, 1, KV, T, D) (views, so they
        # include the slot written just before they are read), `read` None. A paged cache: the whole pool
        # (L, slots, KV, D) and `read`, the row's slots in position order, gathered in each layer after its write.
        if isinstance(cache, KVCache):
            read = None
            keys, values = (c[:, row: row + 1, first: pos + 1].transpose(2, 3) for c in (cache.k, cache.v))
            k_new, v_new = cache.k[:, row, pos], cache.v[:, row, pos]
        else:
            write, slots = cache.row_slots(row)
            read, keys, values = slots[first: pos + 1], cache.k, cache.v
            k_new, v_new = cache.k[:, write], cache.v[:, write]
        x = F.embedding(idx.view(1), model.tok_embeddings.weight)  # (1, dim) fp32, a fresh tensor: added to in place
        x = scripted_layers()(x, self.weights, self.biases, self.side_paths, self.lora_scale, self.group_size,
                              self.rope_matrix(pos), k_new, v_new, keys, values, read, self.eps, cfg.n_heads,
                              cfg.n_kv_heads)
        cache.lengths[row] += 1
        return torch.rms_norm(x, (cfg.dim,), model.norm.weight, cfg.norm_eps).view(1, 1, cfg.dim)

    def rope_matrix(self, pos: int) -> torch.Tensor:
        """(D, D) R with x @ R = apply_rope(x) at position `pos`: RoPE is linear, so its rows are the rotated unit
        vectors."""
        angles = pos * self.model.inv_freq
        angles = torch.cat((angles, angles))
        return apply_rope(torch.eye(self.cfg.head_dim), angles.cos(), angles.sin())


def one_row_layers(x: torch.Tensor, weights: list[list[torch.Tensor]], biases: list[torch.Tensor | None],
                   side_paths: list[list[torch.Tensor | None]], lora_scale: float, group_size: int,
                   rotate: torch.Tensor, k_new: torch.Tensor, v_new: torch.Tensor, keys: torch.Tensor,
                   values: torch.Tensor, read: torch.Tensor | None, eps: torch.Tensor, H: int, KV: int) -> torch.Tensor:
    """Every layer of OneRowDecoder's step on the residual row x (1, dim) fp32, in place; returns x. Per layer:
    weights (OneRowDecoder.__init__'s order), the q/k/v bias and the LoRA side path (`side_path`, empty where the
    layer has none); the new k and v go to k_new/v_new (L, KV, D), and attention reads keys/values (L, 1, KV, T, D),
    which include them, or, with `read`, the pool (L, slots, KV, D) at those slots. Written for TorchScript
    (scripted_layers)."""
    D = rotate.shape[0]
    for w, bias, side, k_slot, v_slot, k_layer, v_layer in zip(weights, biases, side_paths, k_new.unbind(0),
                                                               v_new.unbind(0), keys.unbind(0), values.unbind(0)):
        normed = rms_norm(x, w[0], eps)
        heads = packed_mm(normed.to(torch.bfloat16), w[1], w[2], group_size).float()
        if bias is not None:
            heads += bias
        if len(side) > 0:
            add_low_rank(heads, normed, side[0], side[1], lora_scale)
        qk, v = heads.view(H + 2 * KV, D).split_with_sizes([H + KV, KV])
        q, k = torch.mm(qk, rotate).split_with_sizes([H, KV])  # RoPE on every q and k head at once
        k_slot.copy_(k)
        v_slot.copy_(v)
        if read is not None:  # a paged cache: the row's keys and values, gathered now that this step's are in
            k_layer = k_layer.index_select(0, read).transpose(0, 1).unsqueeze(0).float()
            v_layer = v_layer.index_select(0, read).transpose(0, 1).unsqueeze(0).float()
        # One query: the H // KV query heads that share a key/value head (h // (H // KV), as enable_gqa pairs them)
        # are that head's query rows, with no mask, so SDPA runs without GQA's expanded copies
        y = F.scaled_dot_product_attention(q.view(1, KV, H // KV, D), k_layer, v_layer).view(1, H * D)
        out = packed_mm(y.to(torch.bfloat16), w[3], w[4], group_size)
        if len(side) > 0:  # the adapter adds to the matmul's fp32 output, as on the module path
            out = out.float()
            add_low_rank(out, y, side[2], side[3], lora_scale)
        x.add_(out)  # fp32 += bf16 computes in fp32, exactly what casting first gives
        normed = rms_norm(x, w[5], eps)
        gate_up = packed_mm(normed.to(torch.bfloat16), w[6], w[7], group_size).float()
        if len(side) > 0:
            add_low_rank(gate_up, normed, side[4], side[5], lora_scale)
        gate, up = gate_up.chunk(2, dim=-1)
        hidden = F.silu(gate).mul_(up)
        out = packed_mm(hidden.to(torch.bfloat16), w[8], w[9], group_size)
        if len(side) > 0:
            out = out.float()
            add_low_rank(out, hidden, side[6], side[7], lora_scale)
        x.add_(out)
    return x


def add_low_rank(y: torch.Tensor, x: torch.Tensor, a: torch.Tensor | None, b: torch.Tensor | None,
                 scale: float) -> None:
    """LoRA's side path of one fused matmul, in place: y += scale * (x @ a) @ b (`side_path`'s pair; None where no
    part of that matmul has an adapter). The ops of sft.LoRALinear.forward after its base (x @ A.T, then @ B.T, times
    the scaling, added to the base's fp32 output). Its inputs are the step's own: a norm, RoPE and attention that
    agree with the modules' to fp32's last bits, not always bit for bit (the packed matmuls see them cast to bf16,
    which mostly hides that; an fp32 side path does not), so the two paths' hidden states agree to ~1e-6, and now
    and then a bf16 cast rounds the other way and a later layer shows ~1e-2 (tests/test_serve21.py: greedy tokens
    still agree, 128 of 128 on the tutor's prompts)."""
    if a is not None and b is not None:
        y.add_(torch.mm(torch.mm(x, a), b).mul_(scale))


@functools.cache
def scripted_layers() -> Callable[..., torch.Tensor]:
    """one_row_layers as TorchScript (once per process): the layer loop then runs in torch's C++ interpreter, one
    call from Python a token. torch 2.13 marks torch.jit.script deprecated (a DeprecationWarning, hidden by default)
    in favour of torch.compile, which measured slower for this step (OneRowDecoder); where scripting fails (a torch
    without TorchScript), the Python function computes the same, with one line saying so."""
    try:
        return torch.jit.script(one_row_layers)
    except Exception as error:  # any scripting failure leaves the plain function, which is always right
        print(f"quantize.py: TorchScript unavailable ({type(error).__name__}: {error}); the one-row decode step "
              "runs layer by layer from Python, about 10-20% slower", file=sys.stderr)
        return one_row_layers


def packed_mm(x: torch.Tensor, weight: torch.Tensor, scales: torch.Tensor, group_size: int) -> torch.Tensor:
    """x (N, in) bf16 times a packed weight -> (N, out) bf16, torch's CPU kernel for it: group_size 0 is int8 with one
    scale per output row, else int4 in groups of group_size inputs with a scale and an offset each."""
    if group_size == 0:
        return torch._weight_int8pack_mm(x, weight, scales)
    return torch._weight_int4pack_mm_for_cpu(x, weight, group_size, scales)


def decoder_linears(model: Transformer) -> list[nn.Module]:
    """The seven Linears of every plain Block, in order (fuse.py's cross-attention layers are not Blocks)."""
    return [m for b in model.layers if type(b) is Block
            for m in (b.attention.wq, b.attention.wk, b.attention.wv, b.attention.wo,
                      b.feed_forward.w1, b.feed_forward.w2, b.feed_forward.w3)]


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: torch.Tensor) -> torch.Tensor:
    """torch.rms_norm(x, weight, eps) of one fp32 row (1, dim) in 5 aten ops (eps a 0-dim tensor, made once): on a CPU
    torch.rms_norm is a composite of about 24 (casts, pow, mean as sum and div, ...) and a decode step runs 60 norms.
    The row's sum of squares comes from its 2-norm n, one reduction: rsqrt(n * n / dim + eps). The step casts it to
    bf16 for a packed kernel, and hands the fp32 row to a LoRA side path."""
    n = torch.linalg.vector_norm(x, dim=-1, keepdim=True)
    inv_rms = torch.rsqrt(torch.addcmul(eps, n, n, value=1 / x.shape[-1]))
    return (x * inv_rms).mul_(weight)


def base_of(linear: nn.Module) -> nn.Module:
    """The Linear under sft.py's LoRALinear (`base`), or the Linear itself."""
    return linear.base if hasattr(linear, "lora_A") else linear


def side_path(linears: list[nn.Module]) -> list[torch.Tensor | None]:
    """A layer's LoRA for the one-row step: for each of its four fused matmuls (q/k/v, o, gate/up, down; `linears`
    is q, k, v, o, gate, up, down) one pair (a, b) with y += scale * (x @ a) @ b, or None, None where no part of it
    has an adapter; [] when no Linear of the layer has one. A fused matmul's adapted parts share one pair: their A.T
    side by side in `a` (in, r * parts) and their B.T on a block diagonal of `b` (r * parts, out), zeros elsewhere,
    so the tutor's q and v adapters cost two small matmuls instead of four (and one add instead of two); each output
    column still sums only its own part's r products (the zeros add nothing).
    Why a side path and not a merge: merging B @ A into the weights before packing them re-rounds every weight to 4
    bits, which moved SmolLM2 + adapters/tutor's first greedy token on all six tutor prompts tried; kept apart, the
    packed weights are the GGUF's own Q4_1 codes (Int4Linear finds each block's 0 and 15 codes again; only its scale
    and offset are rounded to bf16, the kernel's dtype) and the adapter stays fp32, as trained."""
    if not any(hasattr(m, "lora_A") for m in linears):
        return []
    pairs: list[torch.Tensor | None] = []
    for group in (linears[:3], linears[3:4], linears[4:6], linears[6:7]):
        if not any(hasattr(m, "lora_A") for m in group):
            pairs += [None, None]
            continue
        # an unadapted part: A.T with no columns, B.T with no rows (block_diag still gives it its output columns)
        a_parts = [m.lora_A.detach().t() if hasattr(m, "lora_A") else torch.zeros(m.in_features, 0) for m in group]
        b_parts = [m.lora_B.detach().t() if hasattr(m, "lora_A") else torch.zeros(0, m.out_features) for m in group]
        pairs += [torch.cat(a_parts, dim=1), torch.block_diag(*b_parts)]
    return pairs


def lora_scale(model: Transformer) -> float:
    """The adapter's alpha / r (one for the whole adapter, as sft.apply_lora makes it; 0.0 without one)."""
    return next((float(m.scaling) for m in decoder_linears(model) if hasattr(m, "lora_A")), 0.0)
