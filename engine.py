"""The generation engine: continuous batching over one KV cache, sampling, incremental detokenising, stop text.

What it supports (nanochat keeps the same room, engine.py, between its model and its chat front ends)
- `Engine`: one background thread that batches every live request: concurrent requests share each decode step, each
  with its own sampling settings (`Sampling`: greedy, temperature, top-k/p, seed, stop ids, a guide that restricts
  the tokens); finished rows leave and waiting requests join between steps; the KV of a shared system prompt is
  computed once and copied into new rows (prefix cache); a cancelled request (its client left) frees its row
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
from typing import Any, Callable, Iterator

import torch

from common import get_logger
from fuse import RowImages
from model import right_padded, sample, sample_allowed
from tokenizer import render_chat, tool_call_guide, with_system_turn

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

    def cancel(self) -> None:
        self.cancelled.set()

    def tokens(self) -> Iterator[int]:
        while (tok := self.out.get()) is not None:
            yield tok
        if self.error:
            raise RuntimeError(self.error)


class Engine:
    """Continuous batching over one KV cache: rows 0..max_batch-1 hold live requests, the last `prefix_slots`
    rows hold cached prompt prefixes that new rows copy instead of recomputing."""

    def __init__(self, model: Any, max_batch: int, max_context: int, prefix_slots: int = 4,
                 on_finish: Callable | None = None, vision: Any = None, threads: tuple[int, int] = (0, 0)):
        self.model, self.vision = model, vision
        self.threads = threads  # (small steps, batched steps and prefills); 0 leaves torch's setting alone
        self.max_batch, self.prefix_slots = max_batch, prefix_slots
        self.cache = model.new_cache(max_batch + prefix_slots, max_context)
        self.context = self.cache.max_len
        self.device = model.tok_embeddings.weight.device
        self.waiting: deque[GenRequest] = deque()
        self.active: dict[int, GenRequest] = {}  # row -> request
        self.last: dict[int, int] = {}  # row -> the token to feed at the next step
        self.image_tokens: dict[int, Any] = {}  # row -> its image tokens (N, dim), read at every step by cross fusion
        self.prefixes: OrderedDict[tuple[int, ...], int] = OrderedDict()  # prefix ids -> slot row, LRU order
        self.stats = {"generated": 0, "prompt": 0, "prefix_hits": 0, "cancelled": 0, "steps": 0, "finished": 0,
                      "images": 0}
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
        req.images = images or []
        if sampling.seed is not None:
            req.generator = torch.Generator(device=self.device).manual_seed(sampling.seed)
        with self.wake:
            self.waiting.append(req)
            self.wake.notify()
        return req

    def load(self) -> dict[str, int]:
        return {"active": len(self.active), "waiting": len(self.waiting)}

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
        """Move waiting requests into free rows, prefilled together in one forward pass."""
        free = [row for row in range(self.max_batch) if row not in self.active]
        with self.wake:
            reqs = [self.waiting.popleft() for _ in range(min(len(free), len(self.waiting)))]
        pairs = list(zip(free, reqs))
        text = [(row, req) for row, req in pairs if not req.images]
        for group in [text] + [[(row, req)] for row, req in pairs if req.images]:  # image prompts prefill alone
            if group:
                self._start([row for row, _ in group], [req for _, req in group])

    def _start(self, rows: list[int], reqs: list[GenRequest]) -> None:
        try:
            logits = self._prefill_images(rows[0], reqs[0]) if reqs[0].images else self._prefill(rows, reqs)
        except Exception as e:  # a bad request must not take the engine down with it
            for req in reqs:
                req.error = f"prefill failed: {type(e).__name__}: {e}"
                req.out.put(None)
            return
        for row, req, tok in zip(rows, reqs, self._sample(logits, reqs)):
            self.active[row] = req
            self.stats["prompt"] += len(req.ids)
            self._emit(row, tok)

    def _prefill_images(self, row: int, req: GenRequest):
        """The prompt's images through the vision encoder. Concat fusion: the placeholders expand to image tokens in
        the prompt. Cross fusion: the image tokens become the row's context, which every later step passes on too."""
        inputs = {k: v.to(self.device) for k, v in self.vision.prompt_inputs(self.model, req.ids, req.images).items()
                  if v is not None}
        self.stats["images"] += 1
        self.cache.reset([row])
        if "context" in inputs:
            self.image_tokens[row] = inputs["context"][0]
        self._use_threads(len(req.ids))
        h = self.model.hidden(inputs.get("idx"), cache=self.cache, rows=[row], embeds=inputs.get("embeds"),
                              context=inputs.get("context"))[:, -1]
        return self.model.output(h).float()

    def _prefill(self, rows: list[int], reqs: list[GenRequest]):
        """Fill each row with its prompt's KV (after copying a cached prefix) and return each prompt's last logits.

        Rows of different lengths run right-padded in one pass, as model.generate does: causal attention keeps the
        pads out of every real token, and resetting the row lengths afterwards makes the next token overwrite them.
        """
        self.cache.reset(rows)
        starts = [self._reuse_prefix(row, req) for row, req in zip(rows, reqs)]
        rests = [req.ids[start:] for req, start in zip(reqs, starts)]
        width = max(len(r) for r in rests)
        if len(rows) > 1 and max(starts) + width > self.context:  # padded together they would overflow: one by one
            return torch.cat([self._prefill([row], [req]) for row, req in zip(rows, reqs)])
        idx = right_padded(rests, self.device)
        self._use_threads(idx.numel())
        h = self.model.hidden(idx, cache=self.cache, rows=rows)
        lens = torch.tensor([len(r) for r in rests], device=self.device)
        self.cache.lengths[torch.tensor(rows, device=self.device)] = torch.tensor(starts, device=self.device) + lens
        return self.model.output(h[torch.arange(len(rows), device=self.device), lens - 1]).float()

    def _reuse_prefix(self, row: int, req: GenRequest) -> int:
        """Copy the longest cached prefix of the prompt into `row`; cache the request's own prefix hint first."""
        n = req.prefix_len
        if 0 < n < len(req.ids) and tuple(req.ids[:n]) not in self.prefixes:
            self._cache_prefix(tuple(req.ids[:n]))
        fits = (p for p in self.prefixes if len(p) < len(req.ids) and tuple(req.ids[: len(p)]) == p)
        best = max(fits, key=len, default=None)
        if best is None:
            return 0
        self.prefixes.move_to_end(best)
        self.cache.copy_prefix(self.prefixes[best], row, len(best))
        self.stats["prefix_hits"] += 1
        return len(best)

    def _cache_prefix(self, prefix: tuple[int, ...]) -> None:
        if len(self.prefixes) < self.prefix_slots:
            slot = self.max_batch + len(self.prefixes)
        else:
            _, slot = self.prefixes.popitem(last=False)
        self.cache.reset([slot])
        self._use_threads(len(prefix))
        self.model.hidden(torch.tensor([prefix], dtype=torch.long, device=self.device), cache=self.cache, rows=[slot])
        self.prefixes[prefix] = slot

    def _step(self) -> None:
        """One decode step for every active row, each at its own length in the cache."""
        rows = sorted(self.active)
        idx = torch.tensor([[self.last[r]] for r in rows], dtype=torch.long, device=self.device)
        self._use_threads(len(rows))
        h = self.model.hidden(idx, cache=self.cache, rows=rows, context=self._row_images(rows))
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
        self.last.pop(row, None)
        self.image_tokens.pop(row, None)
        req.finish_reason = reason
        self.stats["finished"] += 1
        self.stats["cancelled"] += reason == "cancelled"
        req.out.put(None)
        if self.on_finish is not None:
            self.on_finish(req)


# ============================================================================= text out of tokens

class Detokenizer:
    """Incremental decoding: emit text only once it no longer ends in a half-decoded UTF-8 character."""

    def __init__(self, tok: Any):
        self.tok, self.ids, self.prefix, self.read = tok, [], 0, 0

    def add(self, token: int) -> str:
        self.ids.append(token)
        before = self.tok.decode(self.ids[self.prefix : self.read])
        after = self.tok.decode(self.ids[self.prefix :])
        if len(after) > len(before) and not after.endswith("\ufffd"):
            self.prefix, self.read = self.read, len(self.ids)
            return after[len(before) :]
        return ""


class StopText:
    """Cut the stream at the first stop string, holding back a tail that might be the start of one."""

    def __init__(self, stops: tuple[str, ...]):
        self.stops, self.pending, self.hit, self.rest = tuple(s for s in stops if s), "", False, ""

    def feed(self, piece: str) -> str:
        self.pending += piece
        cuts = [self.pending.find(s) for s in self.stops if s in self.pending]
        if cuts:
            self.hit = True
            out, self.rest, self.pending = self.pending[: min(cuts)], self.pending[min(cuts) :], ""
            return out
        hold = max((k for s in self.stops for k in range(1, len(s)) if self.pending.endswith(s[:k])), default=0)
        out, self.pending = self.pending[: len(self.pending) - hold], self.pending[len(self.pending) - hold :]
        return out

    def flush(self) -> str:
        out, self.pending = self.pending, ""
        return out


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
