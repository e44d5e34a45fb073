"""Serving throughput: aggregate tokens/s and time to first token (p50/p99) at 1, 8 and 32 concurrent streams.

One serve.py (a real uvicorn on 127.0.0.1, ephemeral port) is started in this process; each level sends
`concurrency x rounds` streaming /v1/chat/completions requests, `concurrency` at a time, greedy, `max_tokens` each
(stop tokens ignored by using distinct prompts and counting what arrives). The reference is the same server at one
stream: the last line prints the 32-stream over 1-stream throughput ratio (goal >= 8).

Run
    .venv/bin/python -m bench.serve                          # SmolLM2-135M-Instruct (the default checkpoint)
    .venv/bin/python -m bench.serve --ckpt=out/release/test --max_tokens=64 --levels=1,8
    .venv/bin/python -m bench.serve --quantize=int4          # serve.py with 4-bit weights
(`-m` from the repository root: run as a path, bench/tokenize.py would shadow the standard library's tokenize.)
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402

import serve  # noqa: E402
from common import fill, parse_args  # noqa: E402

TOKEN = "bench-token-0123456789"


@dataclass
class BenchConfig:
    ckpt: str = ""
    max_tokens: int = 32
    rounds: int = 1
    threads: int = 1  # serve.py's --threads (torch threads of a lone row's decode step)
    batch_threads: int = 0  # serve.py's --batch_threads (prefills and steps of 4+ rows; 0 = every core)
    levels: tuple = (1, 8, 32)  # --levels=1,8,32 (the first is the reference, the last is compared with it)
    quantize: str = ""  # serve.py's --quantize (int8 | int4)


@contextlib.contextmanager
def server(ckpt: str, root: Path, threads: int, batch_threads: int, quantize: str = ""):
    import uvicorn
    cfg = serve.ServeConfig(ckpt=ckpt, sessions=str(root / "s.db"), uploads=str(root / "up"), logs=str(root / "log.jsonl"),
                            index="none", max_batch=32, max_context=1024, rate_per_minute=1e9, rate_burst=10**9,
                            threads=threads, batch_threads=batch_threads, quantize=quantize)
    sock = socket.create_server(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    uv = uvicorn.Server(uvicorn.Config(serve.build_app(serve.Server(cfg, {TOKEN: "teacher"})), log_level="warning"))
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while True:
        with contextlib.suppress(httpx.HTTPError):
            ready = httpx.get(url + "/ready", headers={"Authorization": f"Bearer {TOKEN}"})
            if ready.status_code == 200:
                break
            if ready.json().get("status") == "failed":
                raise RuntimeError(ready.json()["error"])
        time.sleep(0.2)
    try:
        yield url
    finally:
        uv.should_exit = True
        thread.join(timeout=30)


async def one_stream(client: httpx.AsyncClient, url: str, i: int, max_tokens: int) -> tuple[float, int]:
    """(seconds to the first token, tokens received) for one greedy streamed reply."""
    body = {"messages": [{"role": "user", "content": f"Explain step {i} of adding fractions to a student."}],
            "max_tokens": max_tokens, "temperature": 0, "stream": True, "stream_options": {"include_usage": True}}
    t0, first, tokens = time.perf_counter(), None, 0
    async with client.stream("POST", url + "/v1/chat/completions", json=body, headers={"Authorization": f"Bearer {TOKEN}"}) as r:
        async for line in r.aiter_lines():
            if not line.startswith("data: {"):
                continue
            chunk = json.loads(line[6:])
            if chunk.get("usage"):
                tokens = chunk["usage"]["completion_tokens"]
            elif chunk["choices"] and chunk["choices"][0]["delta"].get("content") and first is None:
                first = time.perf_counter() - t0
    return first if first is not None else time.perf_counter() - t0, tokens


async def level(url: str, concurrency: int, rounds: int, max_tokens: int) -> dict:
    async with httpx.AsyncClient(timeout=600, limits=httpx.Limits(max_connections=concurrency + 4)) as client:
        await one_stream(client, url, -1, 4)  # warm-up
        t0 = time.perf_counter()
        results = []
        for r in range(rounds):
            results += await asyncio.gather(*(one_stream(client, url, r * concurrency + i, max_tokens) for i in range(concurrency)))
        wall = time.perf_counter() - t0
    ttft = sorted(t for t, _ in results)
    tokens = sum(n for _, n in results)
    return {"streams": concurrency, "tokens": tokens, "seconds": wall, "tok_s": tokens / wall,
            "ttft_p50": ttft[len(ttft) // 2], "ttft_p99": ttft[min(len(ttft) - 1, int(0.99 * len(ttft)))]}


def main(argv: list[str]) -> None:
    cfg = fill(BenchConfig, parse_args(argv))
    levels = [int(x) for x in cfg.levels]
    with tempfile.TemporaryDirectory() as tmp, server(cfg.ckpt, Path(tmp), cfg.threads, cfg.batch_threads, cfg.quantize) as url:
        rows = [asyncio.run(level(url, n, cfg.rounds, cfg.max_tokens)) for n in levels]
    print(f"| streams | tokens | seconds | tokens/s | TTFT p50 (s) | TTFT p99 (s) |")
    print(f"|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['streams']} | {row['tokens']} | {row['seconds']:.1f} | {row['tok_s']:.1f} | {row['ttft_p50']:.3f} | {row['ttft_p99']:.3f} |")
    print(f"ratio={rows[-1]['tok_s'] / rows[0]['tok_s']:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
