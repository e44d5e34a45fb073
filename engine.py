"""The generation engine: continuous batching over one KV cache, sampling, incremental detokenising, stop text.

What it supports (nanochat keeps the same room, engine.py, between its model and its chat front ends)
- `Engine`: one background thread that batches every live request: concurrent requests share each decode step, each
  with its own sampling settings (`Sampling`: greedy, temperature, top-k/p, seed, stop ids, a guide that restricts
  the tokens); finished rows leave and waiting requests join between steps; a cancelled request (its client left)
  frees its row
- `PagedKVCache` (the default): KV in blocks of 16 positions from one pool sized by a memory budget, a block table
  per row, blocks taken as tokens arrive and given back when a row finishes; a shared system prompt is computed once
  and held once (its blocks referenced by every row that starts with it, copied on write); a request the pool cannot
  hold yet waits in the queue; optional bf16 entries. Attention reads it through gathered slots (plain indexing),
  by the same `update` call as model.py's contiguous `KVCache`, which `RowCache` (`--kv_cache=contiguous`) keeps
- tokens are picked by model.py's `sample` / `sample_allowed`, the same code `model.generate` uses
- images as explicit arguments of `submit`: a vision release's placeholders become image tokens at prefill (concat
  fusion), or the row's image tokens are read by cross-attention at every step (cross fusion)
- text out of tokens: `Detokenizer` (incremental: only complete UTF-8 characters, without re-decoding the whole
  reply) and `StopText` (cuts at stop strings, holding back a tail that may start one)
- `LocalBackend`: chat messages -> tokenizer.py's template -> the engine -> a `LocalGeneration` of text pieces;
  `fit_history` drops the oldest turns of a conversation that outgrows the context (serve.py and chat.py use it)

serve.py puts an HTTP API in front of it; chat.py uses the detokeniser and history fitting with model.stream.
"""
from __future__ import annotations

import queue
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import torch

import model as M
from common import ROOT, get_logger, smollm2_gguf
from fuse import RowImages, load_vision
from model import KVCache, right_padded, sample, sample_allowed
from quantize import quantized
from sft import load_adapter, merge_lora
from tokenizer import Detokenizer, StopText, render_chat, with_system_turn
from toolcalls import tool_call_guide
from weights import GGUFReader

@dataclass
class Sampling:
    max_tokens: int = 256
    temperature: float = 0.0
    top_k: int | None = None
    top_p: float | None = None
    seed: int | None = None
    stop_ids: tuple[int, ...] = ()
    allow: Callable[[list[int], int], bool] | None = None  # model.Allow: restricts the tokens (guided tool calls)


class GenRequest:
    """One prompt in the engine. The engine thread puts token ids on `out`; None marks the end."""

    def __init__(self, ids: list[int], sampling: Sampling, prefix_len: int = 0):
        self.ids, self.sampling, self.prefix_len = ids, sampling, prefix_len
        self.out: queue.Queue[int | None] = queue.Queue()
        self.cancelled = threading.Event()
        self.generated = 0
        self.finish_reason: str | None = None
        self.error: str | None = None
        self.submitted = time.perf_counter()
        self.first_token: float | None = None
        self.generator = None
        self.images: list[Any] = []
        self.tokens_out: list[int] = []  # what `sampling.allow` checks a candidate against
        self.total = len(ids)  # positions the row may hold: prompt (images expanded) + max_tokens, set by submit
        self.waited = False  # it had to wait for the KV cache (counted once in the stats)

    def cancel(self) -> None:
        self.cancelled.set()

    def tokens(self) -> Iterator[int]:
        while (tok := self.out.get()) is not None:
            yield tok
        if self.error:
            raise RuntimeError(self.error)


# ============================================================================= KV caches

@dataclass
class KVConfig:
    cache: str = "paged"  # paged | contiguous (rows x max_context preallocated: the engine's cache before #27)
    budget_mb: float = 512.0  # the paged pool: SmolLM2-135M holds 46 kB per token in fp32, so 512 MB is ~11k tokens
    block_size: int = 16  # positions per block
    dtype: str = ""  # "" = the model's dtype; "bfloat16" halves the bytes per token (attention still runs in fp32)


def longest_prefix(prefixes: OrderedDict, ids: list[int]) -> tuple[int, ...] | None:
    """The longest cached prefix that `ids` starts with and goes beyond (marked as just used), or None."""
    fits = (p for p in prefixes if len(p) < len(ids) and tuple(ids[: len(p)]) == p)
    best = max(fits, key=len, default=None)
    if best is not None:
        prefixes.move_to_end(best)
    return best


class RowCache(KVCache):
    """model.KVCache with a row for every live request plus `prefix_slots` rows holding cached prompt prefixes, which
    a new row copies. It holds max_context positions for every row whether used or not (3.4 GB for SmolLM2 at 36 x
    2048); kept beside the paged cache for comparisons (bench/serve.py) and as `--kv_cache=contiguous`."""

    def __init__(self, model: Any, rows: int, max_context: int, prefix_slots: int):
        cfg, p = model.config, model.tok_embeddings.weight
        super().__init__(cfg.n_layers, rows + prefix_slots, min(max_context, cfg.max_seq_len), cfg.n_kv_heads,
                         cfg.head_dim, p.dtype, p.device)
        self.rows, self.prefix_slots = rows, prefix_slots
        self.prefixes: OrderedDict[tuple[int, ...], int] = OrderedDict()  # prefix ids -> slot row, LRU order

    def start_row(self, row: int, ids: list[int] | None, total: int) -> int:
        """Start `row` from the longest cached prefix of `ids` (copied in); returns its length."""
        self.reset([row])
        best = longest_prefix(self.prefixes, ids) if ids else None
        if best is None:
            return 0
        self.copy_prefix(self.prefixes[best], row, len(best))
        return len(best)

    def prefix_row(self, prefix: tuple[int, ...]) -> int | None:
        """A row to compute a new prefix in: a free slot, else the least recently used one (None: no slots)."""
        if not self.prefix_slots:
            return None
        if len(self.prefixes) < self.prefix_slots:
            slot = self.rows + len(self.prefixes)
        else:
            slot = self.prefixes.popitem(last=False)[1]
        self.reset([slot])
        return slot

    def keep_prefix(self, prefix: tuple[int, ...], row: int) -> None:
        self.prefixes[prefix] = row

    def prepare(self, rows: list[int], counts: list[int], width: int) -> None:
        """Nothing to do: every row has all its positions from the start."""

    def finish_row(self, row: int) -> None:
        """Nothing to give back: the row's buffers are simply overwritten by the next request."""

    def need(self, total: int, start: int) -> int:
        """A free row is all a request needs: its positions were allocated with it."""
        return 0

    def available(self) -> int:
        return 0

    def drop_prefixes(self) -> None:
        """Nothing to free: prefixes live in rows of their own."""

    def usage(self) -> dict[str, int]:
        held = self.k.numel() * self.k.element_size() * 2
        return {"kv_bytes_total": held, "kv_bytes_used": held}


class PagedKVCache:
    """KV in blocks of `block_size` positions from one pool, each row a table of blocks (vLLM's PagedAttention,
    written as plain tensor indexing).

    Why: rows x max context holds the longest conversation's memory in every row, connected or not. Here a row holds
    blocks for the tokens it has, a finished (or abandoned) row gives them back, and a shared system prompt is held
    once: its blocks are referenced by every row that starts with it (refcounts), and a row about to write into a
    shared, partly filled block copies it first (copy-on-write).

    The model calls `update` (as it calls model.KVCache's) and reads `lengths` and `max_len`; the engine calls
    `prepare` before each pass, which allocates the blocks the pass writes and works out, per row, the pool slot of
    every position it writes and reads. Block 0 is a null block, zeroed at the start: padded positions write there and
    the unused key slots of shorter rows read there (masked out by attention, but they must be finite numbers).

    A request is admitted only when the pool can give it every block it may need (prompt + max_tokens): blocks are
    still taken one by one as tokens arrive, so a running row never finds the pool empty, and a request that does
    not fit waits in the queue. The pool is torch.empty and the free list hands out the most recently freed block
    first, so the pages the process touches follow the peak of live tokens, capped by the budget.
    """

    def __init__(self, model: Any, rows: int, max_context: int, prefix_slots: int, kv: KVConfig):
        cfg, p = model.config, model.tok_embeddings.weight
        dtype = getattr(torch, kv.dtype) if kv.dtype else p.dtype
        bs = self.block_size = kv.block_size
        token_bytes = 2 * cfg.n_layers * cfg.n_kv_heads * cfg.head_dim * torch.finfo(dtype).bits // 8
        self.n_blocks = max(2, int(kv.budget_mb * 2**20) // (token_bytes * bs))
        shape = (cfg.n_layers, self.n_blocks * bs, cfg.n_kv_heads, cfg.head_dim)  # slot s = block s // bs
        self.k = torch.empty(shape, dtype=dtype, device=p.device)
        self.v = torch.empty(shape, dtype=dtype, device=p.device)
        self.k[:, :bs] = 0
        self.v[:, :bs] = 0
        self.block_bytes = token_bytes * bs
        self.max_len = min(max_context, cfg.max_seq_len)
        self.rows, self.prefix_slots, self.device = rows, prefix_slots, p.device
        self.lengths = torch.zeros(rows + 1, dtype=torch.long, device=p.device)  # the last row computes prefixes
        self.tables: list[list[int]] = [[] for _ in range(rows + 1)]
        self.refs = [0] * self.n_blocks
        self.free = list(range(self.n_blocks - 1, 0, -1))  # pop() takes the most recently freed block
        self.owed = [0] * (rows + 1)  # blocks promised to a row at admission that it has not taken yet
        self.prefixes: OrderedDict[tuple[int, ...], list[int]] = OrderedDict()  # prefix ids -> its blocks, LRU order
        self.offsets = torch.arange(bs)
        self.write_slots = self.read_slots = torch.zeros(0, 0, dtype=torch.long)

    # ------------------------------------------------------------------ what the model calls
    def update(self, layer: int, k: torch.Tensor, v: torch.Tensor, step: Any) -> tuple[torch.Tensor, torch.Tensor]:
        """Write the pass's K/V (B, T, heads, dim) into their slots, gather each row's keys and values in position
        order (B, kv_len, heads, dim), as model.KVCache.update returns them."""
        pool_k, pool_v = self.k[layer], self.v[layer]
        pool_k[self.write_slots] = k.to(pool_k.dtype)
        pool_v[self.write_slots] = v.to(pool_v.dtype)
        return pool_k[self.read_slots].to(k.dtype), pool_v[self.read_slots].to(v.dtype)

    def row_slots(self, row: int) -> tuple[int, torch.Tensor]:
        """For quantize.OneRowDecoder, after `prepare([row], [1], 1)`: the pool slot this step writes, and the slots
        of the row's positions so far and this one, in position order (the fast one-row step reads the pool here)."""
        return int(self.write_slots[0, 0]), self.read_slots[0]

    # ------------------------------------------------------------------ what the engine calls
    def prepare(self, rows: list[int], counts: list[int], width: int) -> None:
        """Before a pass of `width` positions over `rows`, of which row i really writes `counts[i]` (the rest are
        pads): take the blocks the pass writes into, and set the slots each row writes and reads."""
        starts = self.lengths[rows].tolist()
        write = torch.zeros(len(rows), width, dtype=torch.long)  # pads write into the null block
        read = torch.zeros(len(rows), max(starts) + width, dtype=torch.long)
        for i, (row, start, n) in enumerate(zip(rows, starts, counts)):
            self._grow(row, start, start + n)
            table = torch.tensor(self.tables[row])
            slots = (table[:, None] * self.block_size + self.offsets).flatten()[: start + n]
            write[i, :n] = slots[start:]
            read[i, : start + n] = slots
        self.write_slots, self.read_slots = write.to(self.device), read.to(self.device)

    def _grow(self, row: int, start: int, end: int) -> None:
        table, bs = self.tables[row], self.block_size
        if start % bs and self.refs[table[start // bs]] > 1:  # the next position lands in a shared block: copy it
            shared, copy = table[start // bs], self._take(row)
            for pool in (self.k, self.v):
                pool[:, copy * bs: (copy + 1) * bs] = pool[:, shared * bs: (shared + 1) * bs]
            table[start // bs] = copy
            self._release([shared])
        while len(table) * bs < end:
            table.append(self._take(row))

    def _take(self, row: int) -> int:
        if not self.free:
            raise RuntimeError("the KV pool is exhausted (admission should have prevented this)")
        block = self.free.pop()
        self.refs[block] = 1
        self.owed[row] = max(0, self.owed[row] - 1)
        return block

    def _release(self, blocks: list[int]) -> None:
        for block in blocks:
            self.refs[block] -= 1
            if self.refs[block] == 0:
                self.free.append(block)

    def need(self, total: int, start: int) -> int:
        """Blocks a row of `total` positions (prompt + max_tokens) takes when its first `start` come from a cached
        prefix (whose full blocks it shares; a partly filled last one it copies)."""
        bs = self.block_size
        return -(-total // bs) - start // bs

    def available(self) -> int:
        """Blocks free and not promised to a running row."""
        return len(self.free) - sum(self.owed)

    def capacity(self) -> int:
        return self.n_blocks - 1

    def start_row(self, row: int, ids: list[int] | None, total: int) -> int:
        """Start `row` from the longest cached prefix of `ids` (its blocks shared) with the blocks for `total`
        positions promised; returns the prefix's length."""
        best = longest_prefix(self.prefixes, ids) if ids else None
        start = len(best) if best else 0
        if best:
            self.tables[row] = list(self.prefixes[best])
            for block in self.tables[row]:
                self.refs[block] += 1
        self.lengths[row] = start
        self.owed[row] = self.need(total, start)
        return start

    def finish_row(self, row: int) -> None:
        """Give the row's blocks (and what it was promised) back to the pool."""
        self._release(self.tables[row])
        self.tables[row], self.owed[row] = [], 0
        self.lengths[row] = 0

    def prefix_row(self, prefix: tuple[int, ...]) -> int | None:
        """The row to compute a new prefix in, when the pool has room for it (else None: the prompt runs whole)."""
        if not self.prefix_slots or self.need(len(prefix), 0) > self.available():
            return None
        if len(self.prefixes) >= self.prefix_slots:
            self._release(self.prefixes.popitem(last=False)[1])
        return self.rows

    def keep_prefix(self, prefix: tuple[int, ...], row: int) -> None:
        """The prefix row's blocks now belong to the prefix cache (rows that start with it add references)."""
        self.prefixes[prefix] = self.tables[row]
        self.tables[row] = []
        self.lengths[row] = 0

    def drop_prefixes(self) -> None:
        """Forget every cached prefix (when the pool is needed for a request and nothing else holds blocks)."""
        while self.prefixes:
            self._release(self.prefixes.popitem()[1])

    def usage(self) -> dict[str, int]:
        return {"kv_blocks_total": self.capacity(), "kv_blocks_free": len(self.free),
                "kv_bytes_total": self.capacity() * self.block_bytes,
                "kv_bytes_used": (self.capacity() - len(self.free)) * self.block_bytes}


def make_cache(model: Any, rows: int, max_context: int, prefix_slots: int, kv: KVConfig) -> RowCache | PagedKVCache:
    if kv.cache == "contiguous":
        return RowCache(model, rows, max_context, prefix_slots)
    if kv.cache != "paged" or kv.dtype not in ("", "float32", "bfloat16", "float16") or kv.block_size < 1:
        raise ValueError(f"KV cache {kv}: cache paged|contiguous, dtype ''|float32|bfloat16|float16, block_size >= 1")
    return PagedKVCache(model, rows, max_context, prefix_slots, kv)


class Engine:
    """Continuous batching: rows 0..max_batch-1 of the KV cache hold live requests; a waiting request joins between
    decode steps when a row is free and the cache can hold it (prompt + max_tokens); a shared system prompt's KV is
    computed once and reused by every row that starts with it."""

    def __init__(self, model: Any, max_batch: int, max_context: int, prefix_slots: int = 4,
                 on_finish: Callable | None = None, vision: Any = None, threads: tuple[int, int] = (0, 0),
                 kv: KVConfig | None = None):
        self.model, self.vision = model, vision
        self.threads = threads  # (small steps, batched steps and prefills); 0 leaves torch's setting alone
        self.max_batch = max_batch
        self.cache = make_cache(model, max_batch, max_context, prefix_slots, kv or KVConfig())
        self.context = self.cache.max_len
        self.device = model.tok_embeddings.weight.device
        self.waiting: deque[GenRequest] = deque()
        self.active: dict[int, GenRequest] = {}  # row -> request
        self.last: dict[int, int] = {}  # row -> the token to feed at the next step
        self.image_tokens: dict[int, Any] = {}  # row -> its image tokens (N, dim), read at every step by cross fusion
        self.stats = {"generated": 0, "prompt": 0, "prefix_hits": 0, "cancelled": 0, "steps": 0, "finished": 0,
                      "images": 0, "admitted": 0, "kv_waits": 0, "queue_seconds": 0.0}
        self.on_finish = on_finish
        self.wake = threading.Condition()
        self.running = True
        self.thread = threading.Thread(target=self._loop, name="engine", daemon=True)
        self.thread.start()

    # ------------------------------------------------------------------ called from request threads
    def submit(self, ids: list[int], sampling: Sampling, prefix_len: int = 0,
               images: list[Any] | None = None) -> GenRequest:
        """Queue a prompt; with `images`, its image placeholders become the vision encoder's tokens at prefill."""
        if not ids:
            raise ValueError("the prompt is empty")
        concat = images and self.vision.fcfg.fusion == "concat"  # cross fusion keeps image tokens out of the prompt
        length = len(ids) + (len(images) * (self.vision.tokens_per_image - 1) if concat else 0)
        if length >= self.context:
            raise ValueError(f"the prompt is {length} tokens but the model's context is {self.context} tokens; "
                             "send a shorter message or fewer messages")
        req = GenRequest(ids, sampling, prefix_len)
        req.images, req.total = images or [], min(length + sampling.max_tokens, self.context)
        if isinstance(self.cache, PagedKVCache) and self.cache.need(req.total, 0) > self.cache.capacity():
            raise ValueError(f"the prompt and reply ({req.total} tokens) need more KV memory than the server's "
                             "--kv_budget_mb holds; ask for fewer max_tokens or send a shorter message")
        if sampling.seed is not None:
            req.generator = torch.Generator(device=self.device).manual_seed(sampling.seed)
        with self.wake:
            self.waiting.append(req)
            self.wake.notify()
        return req

    def load(self) -> dict[str, int]:
        """Gauges for /metrics: rows, the queue, and the KV cache's blocks and bytes."""
        live = sum(int(self.cache.lengths[row]) for row in list(self.active))
        return {"active_rows": len(self.active), "waiting_requests": len(self.waiting), "kv_live_tokens": live,
                **self.cache.usage()}

    def stop(self) -> None:
        with self.wake:
            self.running = False
            self.wake.notify()
        self.thread.join(timeout=10)

    # ------------------------------------------------------------------ the engine thread
    def _loop(self) -> None:
        with torch.inference_mode():
            while True:
                with self.wake:
                    while self.running and not self.waiting and not self.active:
                        self.wake.wait()
                    if not self.running:
                        break
                try:
                    self._drop_cancelled()
                    self._admit()  # joins between decode steps: running rows keep streaming
                    if self.active:
                        self._step()
                except Exception as e:  # a failed step ends the rows it ran, never the engine
                    get_logger("serve").exception("decode step failed")  # the server's log, which GET /logs reads
                    for row, req in list(self.active.items()):
                        req.error = f"generation failed: {type(e).__name__}: {e}"
                        self._finish(row, "error")
        for req in list(self.active.values()) + list(self.waiting):
            req.error = "the server is shutting down"
            req.out.put(None)

    def _drop_cancelled(self) -> None:
        for row, req in list(self.active.items()):
            if req.cancelled.is_set():
                self._finish(row, "cancelled")
        with self.wake:
            live = [r for r in self.waiting if not r.cancelled.is_set()]
            for req in self.waiting:
                if req.cancelled.is_set():
                    req.finish_reason = "cancelled"
                    self.stats["cancelled"] += 1
                    req.out.put(None)
            self.waiting = deque(live)

    def _admit(self) -> None:
        """Move waiting requests, in order, into free rows while the cache can hold them; prefill them together."""
        free = [row for row in range(self.max_batch) if row not in self.active]
        pairs, starts = [], []
        while free and self.waiting:
            req = self.waiting[0]
            start = self._reserve(free[0], req)
            if start is None:  # the cache is full: it waits (counted once) until running rows give blocks back
                self.stats["kv_waits"] += not req.waited
                req.waited = True
                break
            with self.wake:
                self.waiting.popleft()
            self.stats["admitted"] += 1
            self.stats["queue_seconds"] += time.perf_counter() - req.submitted
            pairs.append((free.pop(0), req))
            starts.append(start)
        text = [(row, req, start) for (row, req), start in zip(pairs, starts) if not req.images]
        for group in [text] + [[(row, req, 0)] for row, req in pairs if req.images]:  # image prompts prefill alone
            if group:
                self._start(*map(list, zip(*group)))

    def _reserve(self, row: int, req: GenRequest) -> int | None:
        """Start `row` for `req` (from a cached prefix where one fits) when the cache can promise it all the blocks
        it may need; returns the prefix length, or None when it must wait."""
        if req.images:
            ids = None  # an image prompt is computed whole
        else:
            ids = req.ids
            self._cache_hint(req)
        start = len(longest_prefix(self.cache.prefixes, ids) or ()) if ids else 0
        if self.cache.need(req.total, start) > self.cache.available() and not self.active:
            self.cache.drop_prefixes()  # nothing else holds blocks: the cached prefixes make room
            start = 0
        if self.cache.need(req.total, start) > self.cache.available():
            return None
        start = self.cache.start_row(row, ids, req.total)
        self.stats["prefix_hits"] += start > 0
        return start

    def _cache_hint(self, req: GenRequest) -> None:
        """Compute and cache the request's system-prompt prefix (`prefix_len`) if it is new and the cache has room."""
        prefix = tuple(req.ids[: req.prefix_len])
        if not 0 < len(prefix) < len(req.ids) or prefix in self.cache.prefixes:
            return
        row = self.cache.prefix_row(prefix)
        if row is None:
            return
        self._use_threads(len(prefix))
        try:
            self._forward([row], [len(prefix)], torch.tensor([prefix], dtype=torch.long, device=self.device))
        except Exception:  # the prompt then runs whole: a failed prefix must not stall the queue behind it
            get_logger("serve").exception("prefix prefill failed")
            self.cache.finish_row(row)
            return
        self.cache.keep_prefix(prefix, row)

    def _forward(self, rows: list[int], counts: list[int], idx: torch.Tensor | None, **inputs: Any) -> torch.Tensor:
        """model.hidden over `rows` of the cache, row i writing `counts[i]` real positions (the rest are pads)."""
        self.cache.prepare(rows, counts, idx.shape[1] if idx is not None else inputs["embeds"].shape[1])
        return self.model.hidden(idx, cache=self.cache, rows=rows, **inputs)

    def _start(self, rows: list[int], reqs: list[GenRequest], starts: list[int]) -> None:
        try:
            logits = self._prefill_images(rows[0], reqs[0]) if reqs[0].images else self._prefill(rows, reqs, starts)
        except Exception as e:  # a bad request must not take the engine down with it
            for row, req in zip(rows, reqs):
                self.cache.finish_row(row)
                req.error = f"prefill failed: {type(e).__name__}: {e}"
                req.out.put(None)
            return
        for row, req, tok in zip(rows, reqs, self._sample(logits, reqs)):
            self.active[row] = req
            self.stats["prompt"] += len(req.ids)
            self._emit(row, tok)

    def _prefill_images(self, row: int, req: GenRequest) -> torch.Tensor:
        """The prompt's images through the vision encoder. Concat fusion: the placeholders expand to image tokens in
        the prompt. Cross fusion: the image tokens become the row's context, which every later step passes on too."""
        inputs = {k: v.to(self.device) for k, v in self.vision.prompt_inputs(self.model, req.ids, req.images).items()
                  if v is not None}
        self.stats["images"] += 1
        if "context" in inputs:
            self.image_tokens[row] = inputs["context"][0]
        self._use_threads(len(req.ids))
        idx = inputs.get("idx")
        width = idx.shape[1] if idx is not None else inputs["embeds"].shape[1]
        h = self._forward([row], [width], idx, embeds=inputs.get("embeds"), context=inputs.get("context"))
        return self.model.output(h[:, -1]).float()

    def _prefill(self, rows: list[int], reqs: list[GenRequest], starts: list[int]) -> torch.Tensor:
        """Fill each row with the KV of its prompt after the cached prefix it started from; return each prompt's last
        logits. Rows of different lengths run right-padded in one pass, as model.generate does: causal attention
        keeps the pads out of every real token, and resetting the row lengths afterwards makes the next token
        overwrite them (the paged cache writes pads into its null block)."""
        rests = [req.ids[start:] for req, start in zip(reqs, starts)]
        width = max(len(r) for r in rests)
        if len(rows) > 1 and max(starts) + width > self.context:  # padded together they would overflow: one by one
            return torch.cat([self._prefill([row], [req], [start]) for row, req, start in zip(rows, reqs, starts)])
        idx = right_padded(rests, self.device)
        self._use_threads(idx.numel())
        lens = [len(r) for r in rests]
        h = self._forward(rows, lens, idx)
        self.cache.lengths[rows] = torch.tensor(starts, device=self.device) + torch.tensor(lens, device=self.device)
        last = torch.tensor(lens, device=self.device) - 1
        return self.model.output(h[torch.arange(len(rows), device=self.device), last]).float()

    def _step(self) -> None:
        """One decode step for every active row, each at its own length in the cache."""
        rows = sorted(self.active)
        idx = torch.tensor([[self.last[r]] for r in rows], dtype=torch.long, device=self.device)
        self._use_threads(len(rows))
        h = self._forward(rows, [1] * len(rows), idx, context=self._row_images(rows))
        logits = self.model.output(h[:, -1]).float()
        self.stats["steps"] += 1
        for row, tok in zip(rows, self._sample(logits, [self.active[r] for r in rows])):
            self._emit(row, tok)

    def _row_images(self, rows: list[int]) -> Any:
        """Cross fusion's image tokens for a step's rows, padded into one batch (None when no row has an image)."""
        if not any(row in self.image_tokens for row in rows):
            return None
        return RowImages.stack([self.image_tokens.get(row) for row in rows])

    def _use_threads(self, tokens: int) -> None:
        """Every core for a pass over 4+ tokens (a batch of rows or a prompt: matmuls that are compute-bound and split
        well), the small-step setting for fewer (matrix-vector products too small to be worth waking a thread team)."""
        want = self.threads[1] if tokens >= 4 else self.threads[0]
        if want and want != torch.get_num_threads():
            torch.set_num_threads(want)

    def _sample(self, logits, reqs: list[GenRequest]) -> list[int]:
        """Greedy rows share one argmax; sampled rows draw with their own temperature, top-k/p and generator; a row
        with an `allow` guide whose pick it rejects takes the likeliest token it accepts."""
        out = logits.argmax(-1).tolist()
        for i, req in enumerate(reqs):
            s = req.sampling
            if s.temperature > 0:
                out[i] = int(sample(logits[i : i + 1], s.temperature, s.top_k, s.top_p, req.generator)[0])
            if s.allow is not None:
                so_far = req.tokens_out
                if not s.allow(so_far, out[i]):
                    out[i] = sample_allowed(logits[i], lambda t: s.allow(so_far, t), s.temperature, s.top_k, s.top_p,
                                            req.generator)
                so_far.append(out[i])
        return out

    def _emit(self, row: int, tok: int) -> None:
        req = self.active[row]
        if tok in req.sampling.stop_ids:
            return self._finish(row, "stop")
        if req.first_token is None:
            req.first_token = time.perf_counter()
        req.out.put(tok)
        req.generated += 1
        self.stats["generated"] += 1
        self.last[row] = tok
        if req.generated >= req.sampling.max_tokens or int(self.cache.lengths[row]) + 1 >= self.context:
            self._finish(row, "length")

    def _finish(self, row: int, reason: str) -> None:
        req = self.active.pop(row)
        self.cache.finish_row(row)  # its blocks go back to the pool (the paged cache), at once
        self.last.pop(row, None)
        self.image_tokens.pop(row, None)
        req.finish_reason = reason
        self.stats["finished"] += 1
        self.stats["cancelled"] += reason == "cancelled"
        req.out.put(None)
        if self.on_finish is not None:
            self.on_finish(req)


# ============================================================================= text out of tokens

class Generation:
    """The usage of one reply; subclasses iterate its text pieces and `cancel()` it."""

    prompt_tokens = 0
    completion_tokens = 0
    finish_reason = "stop"


class LocalGeneration(Generation):
    def __init__(self, req: GenRequest, tok: Any, stops: tuple[str, ...]):
        self.req, self.detok, self.stop = req, Detokenizer(tok), StopText(stops)
        self.prompt_tokens = len(req.ids)

    def __iter__(self) -> Iterator[str]:
        try:
            for token in self.req.tokens():
                piece = self.stop.feed(self.detok.add(token))
                if piece:
                    yield piece
                if self.stop.hit:
                    self.req.cancel()
                    break
            if not self.stop.hit and (tail := self.stop.flush()):
                yield tail
        finally:
            self.req.cancel()  # a consumer that stops early frees the row
            self.completion_tokens = self.req.generated
            self.finish_reason = "stop" if self.stop.hit else (self.req.finish_reason or "stop")

    def cancel(self) -> None:
        self.req.cancel()


def load_local(ckpt: str = "", adapter: str = "", quantize: str = "", device: str = "cpu") -> tuple[Any, Any, str, Any]:
    """(model, tokenizer, name, vision) for the local backend: the checkpoint (SmolLM2-135M-Instruct's GGUF when
    empty), its LoRA adapter (the one `make tutor` built here, else the committed adapters/tutor, when no
    checkpoint is named) merged in, or kept beside packed int8/int4 weights when `quantize` asks for them (or
    "auto" does: `resolved_quantize`), on `device`, and fuse.py's VisionBundle when the release has a vision/ folder
    (else None)."""
    path = Path(ckpt) if ckpt else smollm2_gguf()
    quantize = resolved_quantize(quantize, path, device)
    model, tok = M.load(path)
    if tok is None:
        raise FileNotFoundError(f"{path}: no tokenizer beside the weights (tokenizer.json or our tokenizer directory)")
    lora = Path(adapter) if adapter else None
    if lora is None and path.is_dir() and (path / "adapter_config.json").exists():
        lora = path
    if lora is None and not ckpt:
        lora = next((d for d in (ROOT / "out" / "sft" / "tutor" / "adapter", ROOT / "adapters" / "tutor")
                     if (d / "adapter_config.json").exists()), None)
    if lora is not None:
        load_adapter(model, lora)
        if not quantize:  # merged once: decode steps then cost what the base model costs
            merge_lora(model)
    # Packed weights keep the adapter apart, an fp32 side path (quantize.side_path says why); before the vision
    # blocks join, which stay float.
    model = quantized(model, quantize, device)
    vision = None
    if path.is_dir() and (path / "vision").is_dir():
        vision = load_vision(path)
        vision.attach(model)  # cross fusion: its gated cross-attention blocks join the decoder (concat: nothing)
        vision.encoder.to(device)
        vision.projector.to(device)
    name = path.stem if path.suffix == ".gguf" else path.name
    return model.to(device).eval(), tok, name + (f"+{lora.name}" if lora is not None else ""), vision


def resolved_quantize(name: str, path: Path, device: str) -> str:
    """--quantize=auto (serve.py's default): int4 where it keeps the float model's greedy replies, a GGUF whose decoder
    weights are 4-bit Q4_1 blocks on a CPU (SmolLM2's: Int4Linear packs those blocks as they are, the head ranks in 4
    bits and rescores its best (RescoredHead), a tutor adapter stays an fp32 side path; tests/test_serve21.py
    compares the tutor's replies with fp32's), else the checkpoint's own float weights (a release's fp32 weights would
    be rounded to 4 bits afresh). Any other name is taken as it is."""
    if name != "auto":
        return name
    if device != "cpu" or path.suffix != ".gguf":
        return ""
    kinds = {kind for key, (kind, shape, _) in GGUFReader(path).tensors.items()
             if key.startswith("blk.") and len(shape) == 2}
    return "int4" if kinds == {"Q4_1"} else ""


class LocalBackend:
    """Generation by our engine: render the chat with tokenizer.py's template, submit the ids."""

    def __init__(self, engine: Engine, tok: Any, name: str, guide_tool_calls: bool = True):
        self.engine, self.tok, self.name, self.guide_tool_calls = engine, tok, name, guide_tool_calls
        self.stop_ids = tuple(sorted({i for i in (tok.eos_id, tok.special.get("<|im_end|>")) if i is not None}))

    @property
    def context(self) -> int:
        return self.engine.context

    def count(self, messages: list[dict], tools: list[dict] | None = None) -> int:
        return len(render_chat(self.tok, messages, tools, add_generation_prompt=True)[0])

    def start(self, messages: list[dict], *, tools: list[dict] | None = None, max_tokens: int = 256,
              temperature: float = 0.0, top_p: float | None = None, top_k: int | None = None,
              stop: tuple[str, ...] = (), seed: int | None = None, images: list[Any] | None = None) -> LocalGeneration:
        ids, _ = render_chat(self.tok, messages, tools, add_generation_prompt=True)
        images = images if self.engine.vision is not None else None  # without an encoder the OCR text is all
        if images:
            ids = with_placeholders(ids, self.tok.special["<|im_end|>"], self.engine.vision.fcfg.image_id, len(images))
        prefix_len = 0
        turns = with_system_turn(self.tok, messages, tools)  # the model's default system prompt and tools included
        if turns and turns[0]["role"] == "system":  # the shared system prompt: computed once, copied after
            head, _ = render_chat(self.tok, turns[:1])
            prefix_len = len(head) if ids[: len(head)] == head else 0
        try:
            allow = tool_call_guide(self.tok, tools) if tools and self.guide_tool_calls else None
        except ValueError as e:  # named, so the client sees which field was wrong
            raise ValueError(f"tools: {e}") from e
        sampling = Sampling(max_tokens, temperature, top_k, top_p, seed, self.stop_ids, allow)
        req = self.engine.submit(ids, sampling, prefix_len, images)
        return LocalGeneration(req, self.tok, tuple(stop))


def with_placeholders(ids: list[int], im_end: int, image_id: int, n: int) -> list[int]:
    """One image placeholder per image at the end of the last turn (just before its `<|im_end|>`)."""
    end = len(ids) - 1 - ids[::-1].index(im_end)
    return ids[:end] + [image_id] * n + ids[end:]


def fit_history(messages: list[dict], count: Callable[[list[dict]], int], budget: int) -> list[dict]:
    """The conversation without its oldest turns, so that `count(messages)` (its prompt tokens) fits `budget`.

    A leading system turn and the newest message always stay; the kept turns start with a user message (an
    assistant reply whose question was dropped would answer nothing)."""
    messages = list(messages)
    first = 1 if messages and messages[0]["role"] == "system" else 0
    while len(messages) - first > 1 and count(messages) > budget:
        del messages[first]
        while len(messages) - first > 1 and messages[first]["role"] != "user":
            del messages[first]
    return messages
