"""Serving throughput and memory: tokens/s, time to first token (p50/p99), resident memory and KV bytes per live
token at 1, 8 and 32 concurrent streams, for the paged KV cache and the contiguous one it replaced, in one run.

For each cache (`--caches=contiguous,paged`) a serve.py process is started on 127.0.0.1 (ephemeral port, its own
token and state in a temporary directory), so each has a memory of its own: idle RSS is read once it is ready and
has answered /health, peak RSS (VmHWM, reset after the idle reading) once every level has run. Each level sends
`concurrency x rounds` streaming /v1/chat/completions requests, `concurrency` at a time, greedy, `max_tokens` each
(stop tokens ignored by using distinct prompts and counting what arrives), while /metrics is sampled: KV bytes per
live token = KV bytes held / tokens in live rows, over the samples with live rows. The last line prints the
32-stream over 1-stream throughput ratio of each cache, and the paged over contiguous ratio at the last level.

The tutor's own endpoint too: `chat_turns` dev prompts sent one at a time to `POST /chat` (the agent around the
model) on the last cache's server: seconds to the first reply word (the first non-empty `token` event) and to the
whole reply (`final`). /chat now streams each sentence once it passes the leak guard; before, it sent the first word
only after the whole reply, so the second column is what a student waited for then.

Run
    .venv/bin/python -m bench.serve                          # SmolLM2-135M-Instruct (the default checkpoint)
    .venv/bin/python -m bench.serve --ckpt=out/release/test --max_tokens=64 --levels=1,8
    .venv/bin/python -m bench.serve --quantize=int4          # serve.py with 4-bit weights
    .venv/bin/python -m bench.serve --caches=paged --kv_dtype=bfloat16 --kv_budget_mb=256
(`-m` from the repository root: run as a path, bench/tokenize.py would shadow the standard library's tokenize.)
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402

from common import ROOT, parse_config, read_jsonl  # noqa: E402

TOKEN = "bench-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@dataclass
class BenchConfig:
    ckpt: str = ""
    max_tokens: int = 32
    rounds: int = 1
    threads: int = 1  # serve.py's --threads (torch threads of a lone row's decode step)
    batch_threads: int = 0  # serve.py's --batch_threads (prefills and steps of 4+ rows; 0 = every core)
    levels: tuple = (1, 8, 32)  # --levels=1,8,32 (the first is the reference, the last is compared with it)
    quantize: str = ""  # serve.py's --quantize (int8 | int4)
    caches: tuple = ("contiguous", "paged")  # serve.py's --kv_cache values to compare (the first is the reference)
    kv_budget_mb: float = 0.0  # serve.py's --kv_budget_mb; 0 = its default
    kv_dtype: str = ""  # serve.py's --kv_dtype
    max_context: int = 0  # serve.py's --max_context; 0 = its default
    chat_turns: int = 6  # tutoring prompts sent to /chat (one at a time) for the time to the first reply word


def rss_mb(pid: int) -> tuple[float, float]:
    """(resident now, peak since start or the last reset) of a process, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return tuple(int(re.search(rf"{key}:\s+(\d+)", status).group(1)) / 1024 for key in ("VmRSS", "VmHWM"))


@contextlib.contextmanager
def server(cfg: BenchConfig, cache: str, root: Path):
    """serve.py with `--kv_cache=cache` in a process of its own; yields (url, pid) once it is ready."""
    (root / "tokens").write_text(f"{TOKEN} teacher\n")
    args = {"kv_cache": cache, "ckpt": cfg.ckpt, "quantize": cfg.quantize, "kv_dtype": cfg.kv_dtype,
            "kv_budget_mb": cfg.kv_budget_mb or "", "max_context": cfg.max_context or "", "threads": cfg.threads,
            "batch_threads": cfg.batch_threads, "max_batch": 32, "rate_per_minute": 1e9, "rate_burst": 10**9,
            "index": "none", "port": 0, "tokens_file": root / "tokens", "sessions": root / "s.db",
            "uploads": root / "up", "logs": root / "log.jsonl"}
    command = [sys.executable, "serve.py"] + [f"--{k}={v}" for k, v in args.items() if v != ""]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+", proc.stdout.readline()).group(0)
        while (ready := httpx.get(url + "/ready", headers=AUTH)).status_code != 200:
            if ready.json().get("status") == "failed" or proc.poll() is not None:
                raise RuntimeError(f"serve.py --kv_cache={cache} did not start: {ready.json().get('error')}")
            time.sleep(0.2)
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=30)


async def one_stream(client: httpx.AsyncClient, url: str, i: int, max_tokens: int) -> tuple[float, int]:
    """(seconds to the first token, tokens received) for one greedy streamed reply."""
    body = {"messages": [{"role": "user", "content": f"Explain step {i} of adding fractions to a student."}],
            "max_tokens": max_tokens, "temperature": 0, "stream": True, "stream_options": {"include_usage": True}}
    t0, first, tokens = time.perf_counter(), None, 0
    async with client.stream("POST", url + "/v1/chat/completions", json=body, headers=AUTH) as r:
        async for line in r.aiter_lines():
            if not line.startswith("data: {"):
                continue
            chunk = json.loads(line[6:])
            if chunk.get("usage"):
                tokens = chunk["usage"]["completion_tokens"]
            elif chunk["choices"] and chunk["choices"][0]["delta"].get("content") and first is None:
                first = time.perf_counter() - t0
    return first if first is not None else time.perf_counter() - t0, tokens


async def kv_samples(client: httpx.AsyncClient, url: str, out: list[tuple[float, float]]) -> None:
    """(KV bytes held, tokens in live rows) from /metrics every 0.25 s, until cancelled."""
    while True:
        text = (await client.get(url + "/metrics", headers=AUTH)).text
        values = dict(re.findall(r"^nanotutor_(kv_bytes_used|kv_live_tokens) (\S+)$", text, re.M))
        out.append((float(values.get("kv_bytes_used", 0)), float(values.get("kv_live_tokens", 0))))
        await asyncio.sleep(0.25)


async def level(url: str, concurrency: int, rounds: int, max_tokens: int) -> dict:
    async with httpx.AsyncClient(timeout=600, limits=httpx.Limits(max_connections=concurrency + 4)) as client:
        await one_stream(client, url, -1, 4)  # warm-up
        samples: list[tuple[float, float]] = []
        sampler = asyncio.ensure_future(kv_samples(client, url, samples))
        t0 = time.perf_counter()
        results = []
        for r in range(rounds):
            results += await asyncio.gather(*(one_stream(client, url, r * concurrency + i, max_tokens)
                                              for i in range(concurrency)))
        wall = time.perf_counter() - t0
        sampler.cancel()
    ttft = sorted(t for t, _ in results)
    tokens = sum(n for _, n in results)
    busy = [(held, live) for held, live in samples if live > 0]
    per_token = sum(h for h, _ in busy) / sum(n for _, n in busy) if busy else float("nan")
    return {"streams": concurrency, "tokens": tokens, "seconds": wall, "tok_s": tokens / wall,
            "ttft_p50": ttft[len(ttft) // 2], "ttft_p99": ttft[min(len(ttft) - 1, int(0.99 * len(ttft)))],
            "kv_per_token": per_token}


def chat_turn(url: str, session: str, message: str) -> tuple[float, float]:
    """(seconds to the first reply word, seconds to the final event) of one tutor turn through POST /chat."""
    t0, first = time.perf_counter(), None
    body = {"session_id": session, "message": message}
    with httpx.stream("POST", url + "/chat", json=body, headers=AUTH, timeout=600) as r:
        for line in r.iter_lines():
            if not line.startswith("data: {"):
                continue
            event = json.loads(line[6:])
            if event.get("type") == "token" and event.get("text", "").strip() and first is None:
                first = time.perf_counter() - t0
            if event.get("type") == "final":
                break
    total = time.perf_counter() - t0
    return (first if first is not None else total), total


def chat_latency(url: str, turns: int) -> tuple[float, float]:
    """Medians over `turns` dev prompts (one new session each): (first reply word, whole reply), in seconds."""
    prompts = [row["prompt"] for _, row in read_jsonl(ROOT / "data" / "eval" / "dev_prompts.jsonl", ("prompt",))]
    times = [chat_turn(url, f"bench-{i}", prompts[i % len(prompts)]) for i in range(turns)]
    firsts, totals = sorted(t for t, _ in times), sorted(t for _, t in times)
    return firsts[len(firsts) // 2], totals[len(totals) // 2]


def measure(cfg: BenchConfig, cache: str) -> tuple[list[dict], float, float]:
    """Every level against one serve.py: (rows, idle RSS MB, peak RSS MB)."""
    levels = [int(x) for x in cfg.levels]
    with tempfile.TemporaryDirectory() as tmp, server(cfg, cache, Path(tmp)) as (url, pid):
        assert httpx.get(url + "/health").status_code == 200
        idle, _ = rss_mb(pid)
        with contextlib.suppress(OSError):  # resets VmHWM, so the peak is that of the load (Linux 4.0+)
            Path(f"/proc/{pid}/clear_refs").write_text("5")
        rows = [asyncio.run(level(url, n, cfg.rounds, cfg.max_tokens)) for n in levels]
        peak = rss_mb(pid)[1]
        if cfg.chat_turns and cache == cfg.caches[-1]:
            first, whole = chat_latency(url, cfg.chat_turns)
            print(f"/chat ({cfg.chat_turns} tutoring prompts, one at a time, --kv_cache={cache}): first reply word "
                  f"{first:.2f} s (median), whole reply {whole:.2f} s (median)")
        return rows, idle, peak


def main(argv: list[str]) -> None:
    cfg = parse_config(BenchConfig, argv)
    caches = cfg.caches.split(",") if isinstance(cfg.caches, str) else list(cfg.caches)
    cfg.caches = tuple(caches)
    runs = {cache: measure(cfg, cache) for cache in caches}
    print("| cache | streams | tokens | seconds | tokens/s | TTFT p50 (s) | TTFT p99 (s) | KV bytes/live token |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for cache, (rows, _, _) in runs.items():
        for row in rows:
            print(f"| {cache} | {row['streams']} | {row['tokens']} | {row['seconds']:.1f} | {row['tok_s']:.1f} | "
                  f"{row['ttft_p50']:.3f} | {row['ttft_p99']:.3f} | {row['kv_per_token']:,.0f} |")
    print("\n| cache | idle RSS (MB) | peak RSS under load (MB) |\n|---|---:|---:|")
    for cache, (_, idle, peak) in runs.items():
        print(f"| {cache} | {idle:.0f} | {peak:.0f} |")
    ratios = [f"{cache}={rows[-1]['tok_s'] / rows[0]['tok_s']:.2f}" for cache, (rows, _, _) in runs.items()]
    first, last = runs[caches[0]][0][-1]["tok_s"], runs[caches[-1]][0][-1]["tok_s"]
    print(f"ratio {' '.join(ratios)} {caches[-1]}/{caches[0]}={last / first:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
