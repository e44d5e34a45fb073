"""OpenAI's chat-completions API, both ways: serve.py speaks it as a server at `/v1`, and as a client of a remote
OpenAI-compatible server (vLLM on a GPU) that does the generation while serve.py keeps the tutor.

What it holds
- the request side of `POST /v1/chat/completions`: `completion_request` checks a body into messages (text parts
  joined, `image_url` data URIs stored and read by OCR, assistant tool calls kept; remote URLs are refused, since the
  server makes no outgoing requests) and the keyword arguments of a backend's `start` (max_tokens, temperature,
  top_p, seed, stop, tools)
- the reply side: `Reply` builds `chat.completion` objects and their stream chunks; with tools, text from
  `<tool_call>` on becomes structured `tool_calls`
- the client side: `OpenAIBackend` streams from `{url}/v1/chat/completions`; `RemoteGeneration` turns the tool calls
  it gets back into our `<tool_call>` text, so the tutor reads one syntax whichever backend wrote it
- `ApiError` and the checks of JSON bodies (`read_json`, `text_field`, `number_field`, `bool_field`) and `sse`,
  which serve.py's own endpoints use too

serve.py routes `/v1/models` and `/v1/chat/completions` and runs the generations on its jobs; it imports this file,
never the reverse.
"""
from __future__ import annotations

import base64
import json
import math
import time
import uuid
from dataclasses import dataclass
from typing import Any, AsyncIterator, Callable, Iterator

import httpx

from engine import Generation
from tokenizer import StopText
from toolcalls import parse_tool_calls


class ApiError(Exception):
    """An error the client caused (or a backend refused): becomes {"error": message} with `status`."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


# ============================================================================= JSON bodies (serve.py's API too)

async def read_json(request: Any) -> dict[str, Any]:
    raw = await request.body()
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError) as e:  # bad JSON, invalid UTF-8, absurd nesting or number sizes
        raise ApiError(400, f"body is not valid JSON ({type(e).__name__})")
    if not isinstance(body, dict):
        raise ApiError(400, f"body must be a JSON object, got {type(body).__name__}")
    return body


def text_field(body: dict, key: str, limit: int, required: bool = True) -> str | None:
    value = body.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise ApiError(400, f"{key}: expected a non-empty string")
    check_length(value, key, limit)
    return value


def check_length(text: str, where: str, limit: int) -> None:
    if len(text) > limit:
        raise ApiError(413, f"{where}: {len(text)} characters; the limit is {limit}")


def number_field(body: dict, key: str, default: float | None, low: float, high: float, integer: bool = False) -> Any:
    value = body.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (integer and not isinstance(value, int)):
        raise ApiError(400, f"{key}: expected {'an integer' if integer else 'a number'}, got {json.dumps(value)[:40]}")
    if not math.isfinite(value) or not low <= value <= high:
        raise ApiError(400, f"{key}: {value} is outside [{low}, {high}]")
    return value


def bool_field(body: dict, key: str, default: bool) -> bool:
    value = body.get(key, default)
    if not isinstance(value, bool):
        raise ApiError(400, f"{key}: expected true or false")
    return value


def sse(obj: Any) -> bytes:
    return b"data: " + json.dumps(obj, ensure_ascii=False).encode() + b"\n\n"


# ============================================================================= /v1/chat/completions: the request

@dataclass
class CompletionRequest:
    messages: list[dict]  # ours: {"role", "content"} (+ "tool_calls" for an assistant)
    images: list[dict]  # what `save_image` returned for each image_url part, in order
    options: dict[str, Any]  # keyword arguments of a backend's `start`
    stream: bool
    include_usage: bool  # the stream ends with a usage chunk


def completion_request(body: dict, limits: Any, save_image: Callable[[bytes], dict]) -> CompletionRequest:
    """A checked chat.completions body. `limits` is serve.py's ServeConfig (max_tokens, default_max_tokens,
    max_temperature, max_messages, max_message_chars); `save_image(data)` stores an image, returning its metadata
    with its "ocr_text"."""
    number_field(body, "n", 1, 1, 1, integer=True)  # one choice per request
    max_tokens = number_field(body, "max_completion_tokens", None, 1, limits.max_tokens, integer=True)
    max_tokens = max_tokens or number_field(body, "max_tokens", limits.default_max_tokens, 1, limits.max_tokens,
                                            integer=True)
    options = {"max_tokens": max_tokens,
               "temperature": number_field(body, "temperature", 1.0, 0.0, limits.max_temperature),
               "top_p": number_field(body, "top_p", None, 1e-6, 1.0),
               "seed": number_field(body, "seed", None, -(2**63), 2**63 - 1, integer=True),
               "stop": stop_field(body.get("stop")),
               "tools": tools_field(body.get("tools"), body.get("tool_choice"))}
    stream = bool_field(body, "stream", False)
    stream_options = body.get("stream_options") or {}
    if not isinstance(stream_options, dict):
        raise ApiError(400, "stream_options: expected an object")
    include_usage = bool_field(stream_options, "include_usage", False) and stream
    messages, images = chat_messages(body.get("messages"), limits.max_messages, limits.max_message_chars, save_image)
    return CompletionRequest(messages, images, options, stream, include_usage)


def chat_messages(raw: Any, max_messages: int, max_chars: int,
                  save_image: Callable[[bytes], dict]) -> tuple[list[dict], list[dict]]:
    """OpenAI messages -> (ours, the stored images): text parts joined, images stored and read by OCR, assistant tool
    calls kept, roles checked."""
    if not isinstance(raw, list) or not 1 <= len(raw) <= max_messages:
        raise ApiError(400, f"messages: expected a list of 1 to {max_messages} messages")
    out: list[dict] = []
    images: list[dict] = []
    for i, m in enumerate(raw):
        if not isinstance(m, dict):
            raise ApiError(400, f"messages[{i}]: expected an object")
        role = "system" if m.get("role") == "developer" else m.get("role")
        if role not in ("system", "user", "assistant", "tool"):
            raise ApiError(400, f"messages[{i}].role: expected system, user, assistant or tool")
        text = content_text(m.get("content"), f"messages[{i}].content", save_image, images)
        check_length(text, f"messages[{i}].content", max_chars)
        message: dict[str, Any] = {"role": role, "content": text}
        if role == "assistant" and m.get("tool_calls") is not None:
            message["tool_calls"] = assistant_calls(m["tool_calls"], f"messages[{i}].tool_calls")
        out.append(message)
    return out, images


def content_text(content: Any, where: str, save_image: Callable[[bytes], dict], images: list[dict]) -> str:
    if content is None or isinstance(content, str):
        return content or ""
    if not isinstance(content, list) or len(content) > 16:
        raise ApiError(400, f"{where}: expected a string or a list of at most 16 parts")
    parts = []
    for j, part in enumerate(content):
        kind = part.get("type") if isinstance(part, dict) else None
        if kind == "text" and isinstance(part.get("text"), str):
            parts.append(part["text"])
        elif kind == "image_url" and isinstance(part.get("image_url"), dict):
            image = save_image(decode_data_uri(part["image_url"].get("url"), f"{where}[{j}].image_url.url"))
            images.append(image)
            parts.append(f"[Text in the uploaded image: {image['ocr_text'] or '(none found)'}]")
        else:
            raise ApiError(400, f"{where}[{j}]: expected {{'type': 'text', 'text': ...}} "
                                "or {'type': 'image_url', ...}")
    return "\n".join(parts)


def decode_data_uri(url: Any, where: str) -> bytes:
    """`data:image/png;base64,...` -> bytes; remote URLs are refused (the server never fetches)."""
    if not isinstance(url, str) or not url.startswith("data:"):
        raise ApiError(400, f"{where}: only data: URIs are accepted (this server makes no outgoing requests)")
    header, _, payload = url.partition(",")
    if not header.endswith(";base64"):
        raise ApiError(400, f"{where}: the data URI must be base64-encoded")
    try:
        return base64.b64decode(payload, validate=True)
    except ValueError:
        raise ApiError(400, f"{where}: invalid base64")


def stop_field(value: Any) -> tuple[str, ...]:
    stops = [value] if isinstance(value, str) else value if value is not None else []
    if not isinstance(stops, list) or len(stops) > 4 or not all(isinstance(s, str) and 0 < len(s) <= 64 for s in stops):
        raise ApiError(400, "stop: expected a string or a list of at most 4 strings of 1-64 characters")
    return tuple(stops)


def tools_field(value: Any, choice: Any) -> list[dict] | None:
    if value is None or choice == "none":
        return None
    if not isinstance(value, list) or len(value) > 32:
        raise ApiError(400, "tools: expected a list of at most 32 tools")
    tools = []
    for i, tool in enumerate(value):
        fn = tool.get("function") if isinstance(tool, dict) and tool.get("type") == "function" else None
        if not isinstance(fn, dict) or not isinstance(fn.get("name"), str) or not fn["name"]:
            raise ApiError(400, f"tools[{i}]: expected "
                                "{'type': 'function', 'function': {'name': ..., 'parameters': ...}}")
        tools.append(fn)
    if len(json.dumps(tools)) > 32_000:
        raise ApiError(413, "tools: the schemas exceed 32000 characters")
    return tools


def assistant_calls(value: Any, where: str) -> list[dict]:
    if not isinstance(value, list) or len(value) > 16:
        raise ApiError(400, f"{where}: expected a list of at most 16 calls")
    calls = []
    for i, call in enumerate(value):
        fn = call.get("function") if isinstance(call, dict) else None
        if not isinstance(fn, dict) or not isinstance(fn.get("name"), str):
            raise ApiError(400, f"{where}[{i}]: expected {{'function': {{'name': ..., 'arguments': '{{...}}'}}}}")
        try:
            arguments = json.loads(fn.get("arguments") or "{}")
        except (TypeError, ValueError, RecursionError):
            raise ApiError(400, f"{where}[{i}].function.arguments: expected a JSON object string")
        calls.append({"name": fn["name"], "arguments": arguments})
    return calls


# ============================================================================= /v1/chat/completions: the reply

class Reply:
    """Builds OpenAI chat.completion objects; with tools, text from `<tool_call>` on becomes structured calls."""

    def __init__(self, completion_id: str, model: str, tools: bool):
        self.id, self.model, self.created = completion_id, model, int(time.time())
        self.split = StopText(("<tool_call>",)) if tools else None
        self.content = ""

    def add(self, piece: str) -> str:
        if self.split is None:
            text = piece
        elif self.split.hit:
            self.split.rest += piece
            return ""
        else:
            text = self.split.feed(piece)
        self.content += text
        return text

    def tool_calls(self) -> list[dict]:
        if self.split is None:
            return []
        rest = self.split.rest or self.split.flush()
        calls = [c for c in parse_tool_calls(rest) if c.error is None]
        if not calls:
            self.content += rest  # not a valid call after all: it is text
            return []
        return [{"id": f"call_{uuid.uuid4().hex[:24]}", "type": "function",
                 "function": {"name": c.name, "arguments": json.dumps(c.arguments, ensure_ascii=False)}} for c in calls]

    def usage(self, gen: Generation) -> dict[str, int]:
        return {"prompt_tokens": gen.prompt_tokens, "completion_tokens": gen.completion_tokens,
                "total_tokens": gen.prompt_tokens + gen.completion_tokens}

    def chunk(self, delta: dict, finish: str | None = None) -> dict:
        return {"id": self.id, "object": "chat.completion.chunk", "created": self.created, "model": self.model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

    def final_chunks(self, gen: Generation, usage: bool) -> list[dict]:
        before = len(self.content)
        calls = self.tool_calls()
        out = [self.chunk({"content": self.content[before:]})] if len(self.content) > before else []
        if calls:
            out.append(self.chunk({"tool_calls": [dict(c, index=i) for i, c in enumerate(calls)]}))
        out.append(self.chunk({}, "tool_calls" if calls else gen.finish_reason))
        if usage:
            out.append({**self.chunk({}), "choices": [], "usage": self.usage(gen)})
        return out

    def completion(self, gen: Generation) -> dict:
        calls = self.tool_calls()
        message: dict[str, Any] = {"role": "assistant", "content": self.content or (None if calls else "")}
        if calls:
            message["tool_calls"] = calls
        return {"id": self.id, "object": "chat.completion", "created": self.created, "model": self.model,
                "choices": [{"index": 0, "message": message,
                             "finish_reason": "tool_calls" if calls else gen.finish_reason}],
                "usage": self.usage(gen)}

    async def collect(self, pieces: AsyncIterator[Any], gen: Generation) -> dict:
        """The whole chat.completion of `gen`'s text pieces; an ApiError among them (the generation failed) is a 502."""
        async for piece in pieces:
            if isinstance(piece, ApiError):
                raise ApiError(502, piece.message)
            self.add(piece)
        return self.completion(gen)

    async def stream(self, pieces: AsyncIterator[Any], gen: Generation, usage: bool) -> AsyncIterator[bytes]:
        """The server-sent chunks of `gen`'s text pieces, ending with `data: [DONE]` (or an error object)."""
        yield sse(self.chunk({"role": "assistant", "content": ""}))
        async for piece in pieces:
            if isinstance(piece, ApiError):
                yield sse({"error": {"message": piece.message, "type": "server_error"}})
                return
            if text := self.add(piece):
                yield sse(self.chunk({"content": text}))
        for last in self.final_chunks(gen, usage):
            yield sse(last)
        yield b"data: [DONE]\n\n"


# ============================================================================= the client of a remote backend

class RemoteGeneration(Generation):
    """The stream of an OpenAI-compatible server; tool calls it returns become our `<tool_call>` text."""

    def __init__(self, response: Any):
        self.response = response

    def __iter__(self) -> Iterator[str]:
        calls: dict[int, dict] = {}
        try:
            for line in self.response.iter_lines():
                if not line.startswith("data:") or line[5:].strip() == "[DONE]":
                    continue
                chunk = json.loads(line[5:])
                if chunk.get("usage"):
                    self.prompt_tokens = chunk["usage"].get("prompt_tokens", 0)
                    self.completion_tokens = chunk["usage"].get("completion_tokens", 0)
                for choice in chunk.get("choices", []):
                    delta = choice.get("delta") or {}
                    for call in delta.get("tool_calls") or []:
                        slot = calls.setdefault(call.get("index", 0), {"name": "", "arguments": ""})
                        slot["name"] += (call.get("function") or {}).get("name") or ""
                        slot["arguments"] += (call.get("function") or {}).get("arguments") or ""
                    if delta.get("content"):
                        yield delta["content"]
                    if choice.get("finish_reason"):
                        reason = choice["finish_reason"]
                        self.finish_reason = "stop" if reason == "tool_calls" else reason
            for call in calls.values():
                arguments = call["arguments"] or "{}"
                yield f'<tool_call>{{"name": {json.dumps(call["name"])}, "arguments": {arguments}}}</tool_call>'
        finally:
            self.response.close()

    def cancel(self) -> None:
        self.response.close()


class OpenAIBackend:
    """Generation by a remote OpenAI-compatible server (vLLM on a GPU); the tutor logic stays in serve.py's process."""

    def __init__(self, url: str, model: str = "", api_key: str = "", timeout: float = 600.0):
        self.url = url.rstrip("/")
        self.headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.client = httpx.Client(timeout=httpx.Timeout(timeout, connect=10.0))
        self.name = model or self._first_model()
        # 0: unknown here, so serve.py counts no tokens; the remote server answers over-long prompts with its own 400
        self.context = 0

    def _first_model(self) -> str:
        response = self.client.get(self.url + "/v1/models", headers=self.headers)
        response.raise_for_status()
        return response.json()["data"][0]["id"]

    def start(self, messages: list[dict], *, tools: list[dict] | None = None, max_tokens: int = 256,
              temperature: float = 0.0, top_p: float | None = None, top_k: int | None = None,
              stop: tuple[str, ...] = (), seed: int | None = None, images: list[Any] | None = None) -> RemoteGeneration:
        """`images` are not sent: the remote model reads the OCR text that the messages already carry."""
        body: dict[str, Any] = {"model": self.name, "messages": messages, "max_tokens": max_tokens,
                                "temperature": temperature, "stream": True, "stream_options": {"include_usage": True}}
        for key, value in (("tools", tools), ("top_p", top_p), ("stop", list(stop) or None), ("seed", seed)):
            if value is not None:
                body[key] = value
        if top_k is not None:
            body["top_k"] = top_k  # a vLLM extension of the OpenAI API
        request = self.client.build_request("POST", self.url + "/v1/chat/completions", json=body, headers=self.headers)
        response = self.client.send(request, stream=True)
        if response.status_code >= 400:
            detail = response.read().decode("utf-8", "replace")[:500]
            response.close()
            raise ApiError(400 if response.status_code < 500 else 502,
                           f"generation backend answered {response.status_code}: {detail}")
        return RemoteGeneration(response)
