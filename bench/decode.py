"""Decode speed of our model.py against transformers' generate() and llama.cpp on the same SmolLM2-135M-Instruct GGUF.

Batch 1, a 128-token prompt, 128 new tokens (greedy, no early stop). For each path: load time, prefill tokens/s and
decode tokens/s; ours in fp32, bf16, weight-only int8 (a scale per row) and int4 (groups of 32 with a scale and an
offset: GGUF's own Q4_1 layout, so the 4-bit file's weights are what runs; the head in 4 bits with its best logits
rescored from the float weight, as serving runs it), the quantised paths keeping fp32 activations outside the matmul,
int4 once more with the one-row step's layer loop run from Python instead of TorchScript (what the step did before:
the same aten ops, so the two rows' difference is the interpreter's) and once with the 8-bit head it had before;
with `--adapter`, every path of ours carries that LoRA adapter as serving loads it (merged into float weights, an
fp32 side path beside packed ones);
transformers in fp32 and bf16 (it loads the same GGUF with `gguf_file=`). The memory-bandwidth bound is measured in
the same run: the bytes of weights one decode step reads, against the read bandwidth of a large tensor reduction.
The table's heading names the CPU. The last line is our best decode tokens/s over transformers' best, then over
llama.cpp's: `ratio=<x> llama_cpp_ratio=<y>`. Each path's greedy tokens are compared with ours in fp32: how many of
the 128 agree before the first difference.

llama.cpp (llama-cpp-python, `make bench-deps`: built from source for this CPU, AMX off) runs the very GGUF file
(Q4_1) with the same threads, prompt ids and length; its rows appear when it is installed, else the bench says so in
one line and `llama_cpp_ratio=nan`.

OpenMP: common.py's bounded spin (GOMP_SPINCOUNT=3000) applies to every path, llama.cpp's OpenMP threads included;
PASSIVE makes the 2 threads sleep between the ~200 small matmuls of each token and measured here slows each path
2-3x on an idle machine (README, "Model").

Run
    .venv/bin/python -m bench.decode                          # all paths, 2 threads
    .venv/bin/python -m bench.decode --threads=1 --new_tokens=64 --hf=False
    .venv/bin/python -m bench.decode --adapter=adapters/tutor --hf=False   # serving's default (int4) against fp32
"""
from __future__ import annotations

import contextlib
import copy
import os
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import parse_config, smollm2_gguf, timed  # noqa: E402  (before torch: OpenMP wait policy)
import torch  # noqa: E402
import transformers  # noqa: E402  a reference (requirements-dev.txt)
import model as M  # noqa: E402
import quantize as Q  # noqa: E402
from sft import load_adapter, merge_lora  # noqa: E402

TEXT = ("Photosynthesis is the process by which green plants use sunlight, water and carbon dioxide to make glucose "
        "and oxygen. The light reactions happen in the thylakoid membranes, and the Calvin cycle in the stroma. ")


@dataclass
class BenchConfig:
    threads: int = 2
    prompt_len: int = 128
    new_tokens: int = 128
    hf: bool = True  # also time transformers (its GGUF load takes ~30 s)
    llama_cpp: bool = True  # also time llama.cpp on the same GGUF when llama-cpp-python is installed (make bench-deps)
    adapter: str = ""  # a LoRA adapter (adapters/tutor): merged into fp32/bf16, beside int8/int4, as serving loads it


PY_LAYERS = "ours int4, layers from Python"  # the int4 step before TorchScript, for the side-by-side
INT8_HEAD = "ours int4, 8-bit head"  # the head as int8, as serving ran it before RescoredHead (quantize.quantize_int4)


def python_layers() -> contextlib.AbstractContextManager:
    """The int4 one-row step with its layer loop run from Python instead of TorchScript (the same aten ops)."""
    return mock.patch.object(Q, "scripted_layers", lambda: Q.one_row_layers)


def read_bandwidth(mib: int = 512, repeats: int = 3) -> float:
    """Bytes/s of reading a tensor far larger than the caches (best of a few, like a decode step's weight reads)."""
    x = torch.ones(mib * 2**20 // 4)
    x.sum()
    best = min(timed(lambda: x.sum())[1] for _ in range(repeats))
    return x.numel() * 4 / best


def cpu_name() -> str:
    """The CPU the table comes from, with the SIMD it offers (batch-1 decode speeds, and which engine wins, differ by
    CPU): e.g. "Intel(R) Xeon(R) Processor, 2 cores, avx512 amx"."""
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    name = next((line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("model name")),
                platform.processor() or platform.machine())
    flags = set(next((line.split(":", 1)[1].split() for line in info.splitlines() if line.startswith("flags")), []))
    simd = [label for label, flag in [("avx2", "avx2"), ("avx512", "avx512f"), ("amx", "amx_tile")] if flag in flags]
    return f"{name}, {os.cpu_count()} cores{', ' + ' '.join(simd) if simd else ''}"


def weight_bytes(model: torch.nn.Module) -> int:
    """Bytes one decode step must read: every matmul weight (a quantised one with its scales, all its buffers); the
    embedding lookup reads one row."""
    total = 0
    for module in model.modules():
        tensors = [module.weight] if isinstance(module, torch.nn.Linear) else []
        tensors += list(module.buffers()) if isinstance(module, Q.QuantLinear) else []
        total += sum(t.numel() * t.element_size() for t in tensors)
    return total


def time_ours(model: M.Transformer, prompt: list[int], new: int) -> tuple[float, float, list[int]]:
    """(prefill tok/s, decode tok/s, tokens): the first streamed token closes the prefill."""
    list(model.stream(prompt[:16], 4))  # warm-up
    tokens = model.stream(prompt, new)
    t0 = time.perf_counter()
    out = [next(tokens)]
    t1 = time.perf_counter()
    out += list(tokens)
    t2 = time.perf_counter()
    return len(prompt) / (t1 - t0), (len(out) - 1) / (t2 - t1), out


def time_hf(hf, prompt: list[int], new: int) -> tuple[float, float, list[int]]:
    """(prefill tok/s, decode tok/s, tokens) from generate(): a 1-token run gives the prefill time."""
    ids = torch.tensor([prompt])

    def gen(n):
        return hf.generate(ids, max_new_tokens=n, min_new_tokens=n, do_sample=False, pad_token_id=0)

    with torch.inference_mode():
        gen(4)  # warm-up
        _, t_first = timed(lambda: gen(1))
        out, t_all = timed(lambda: gen(new))
    return len(prompt) / t_first, (new - 1) / max(t_all - t_first, 1e-9), out[0, len(prompt):].tolist()


def time_llama_cpp(llm, prompt: list[int], new: int) -> tuple[float, float, list[int]]:
    """(prefill tok/s, decode tok/s, tokens) from llama.cpp's own generate loop, greedy (temp 0), like time_ours: the
    first token closes the prefill."""
    def run(ids: list[int], n: int) -> tuple[list[int], float, float]:
        tokens = llm.generate(ids, temp=0.0, reset=True)
        t0 = time.perf_counter()
        out = [next(tokens)]
        t1 = time.perf_counter()
        while len(out) < n:
            out.append(next(tokens))
        return out, t1 - t0, time.perf_counter() - t1

    run(prompt[:16], 4)  # warm-up
    out, t_first, t_rest = run(prompt, new)
    return len(prompt) / t_first, (len(out) - 1) / t_rest, out


def load_llama_cpp(gguf: Path, cfg: BenchConfig):
    """A llama_cpp.Llama on the GGUF file, or None (with one line saying why) when llama-cpp-python is absent."""
    try:
        import llama_cpp  # optional: a benchmark-only reference that `make bench-deps` builds
    except ImportError:
        print("llama.cpp not timed: llama-cpp-python is not installed (run `make bench-deps`)", file=sys.stderr)
        return None
    return llama_cpp.Llama(model_path=str(gguf), n_ctx=cfg.prompt_len + cfg.new_tokens + 16, n_batch=cfg.prompt_len,
                           n_threads=cfg.threads, n_threads_batch=cfg.threads, verbose=False)


def main(argv: list[str] | None = None) -> None:
    cfg = parse_config(BenchConfig, argv)
    torch.set_num_threads(cfg.threads)
    gguf = smollm2_gguf()
    (ours, tok), load_s = timed(lambda: M.load(gguf))
    prompt = (tok.encode(TEXT) * (cfg.prompt_len // 20 + 1))[: cfg.prompt_len]
    bandwidth = read_bandwidth()  # re-measured before every path, best kept: other jobs come and go
    rows = []  # (name, load s, prefill tok/s, decode tok/s, weight bytes/token, tokens)
    def fresh(merge: bool) -> M.Transformer:
        """A copy of ours, with the adapter (if any) merged, or loaded as LoRA modules for quantize to keep apart."""
        m = copy.deepcopy(ours)
        if cfg.adapter:
            load_adapter(m, cfg.adapter)
            if merge:
                merge_lora(m)
        return m

    for name, make in [("ours fp32", lambda: fresh(True)), ("ours bf16", lambda: fresh(True).to(torch.bfloat16)),
                       ("ours int8", lambda: Q.quantize_int8(fresh(False))),
                       (PY_LAYERS, lambda: Q.quantize_int4(fresh(False))),
                       (INT8_HEAD, lambda: Q.quantize_int4(fresh(False), head_bits=8)),
                       ("ours int4 (groups of 32, head rescored: serving's)", lambda: Q.quantize_int4(fresh(False)))]:
        m = make()
        bandwidth = max(bandwidth, read_bandwidth())
        with python_layers() if name == PY_LAYERS else contextlib.nullcontext():
            pre, dec, toks = time_ours(m, prompt, cfg.new_tokens)
        rows.append((name, load_s if name == "ours fp32" else None, pre, dec, weight_bytes(m), toks))
        print(f"{name}: prefill {pre:.0f} tok/s, decode {dec:.1f} tok/s", file=sys.stderr, flush=True)
        del m
    if cfg.hf:
        hf, hf_load = timed(lambda: transformers.AutoModelForCausalLM.from_pretrained(
            gguf.parent, gguf_file=gguf.name, dtype=torch.float32).eval())
        for name, dtype in [("transformers fp32", torch.float32), ("transformers bf16", torch.bfloat16)]:
            hf = hf.to(dtype)
            bandwidth = max(bandwidth, read_bandwidth())
            pre, dec, toks = time_hf(hf, prompt, cfg.new_tokens)
            rows.append((name, hf_load if dtype == torch.float32 else None, pre, dec, weight_bytes(hf), toks))
            print(f"{name}: prefill {pre:.0f} tok/s, decode {dec:.1f} tok/s", file=sys.stderr, flush=True)
    if cfg.llama_cpp and (timed_llm := timed(lambda: load_llama_cpp(gguf, cfg)))[0] is not None:
        llm, llm_load = timed_llm
        bandwidth = max(bandwidth, read_bandwidth())
        pre, dec, toks = time_llama_cpp(llm, prompt, cfg.new_tokens)
        rows.append(("llama.cpp Q4_1", llm_load, pre, dec, gguf.stat().st_size, toks))
        print(f"llama.cpp Q4_1: prefill {pre:.0f} tok/s, decode {dec:.1f} tok/s", file=sys.stderr, flush=True)
    report(rows, bandwidth, cfg)


def report(rows, bandwidth: float, cfg: BenchConfig) -> None:
    adapter = f" + {cfg.adapter}" if cfg.adapter else ""
    print(f"SmolLM2-135M{adapter}, batch 1, prompt {cfg.prompt_len}, {cfg.new_tokens} new tokens, "
          f"{cfg.threads} threads; "
          f"read bandwidth {bandwidth / 1e9:.1f} GB/s; CPU: {cpu_name()}")
    print("| path | load s | prefill tok/s | decode tok/s | weights MB/token | bandwidth bound tok/s | % of bound "
          "| greedy tokens as ours fp32 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    reference = rows[0][5]
    for name, load, pre, dec, nbytes, tokens in rows:
        bound = bandwidth / nbytes
        load_s = f"{load:.1f}" if load is not None else ""
        same = next((i for i, (a, b) in enumerate(zip(tokens, reference)) if a != b), min(len(tokens), len(reference)))
        print(f"| {name} | {load_s} | {pre:.0f} | {dec:.1f} | {nbytes / 1e6:.0f} | {bound:.1f} "
              f"| {100 * dec / bound:.0f}% | first {same} of {len(reference)} |")
    ours_best = max(r[3] for r in rows if r[0].startswith("ours"))
    hf = [r[3] for r in rows if r[0].startswith("transformers")]
    llama = [r[3] for r in rows if r[0].startswith("llama.cpp")]
    print(f"ratio={ours_best / max(hf) if hf else float('nan'):.2f} "
          f"llama_cpp_ratio={ours_best / max(llama) if llama else float('nan'):.2f}")


if __name__ == "__main__":
    main()
