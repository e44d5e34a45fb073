"""serve.py against a real uvicorn on 127.0.0.1 (ephemeral ports) serving the `test` config (random weights, our
2048-token tokenizer): OpenAI client parity with model.generate, 64 concurrent streams, restart keeps sessions,
hostile bodies never 5xx, disconnect frees the row, auth, uploads, limits, the OpenAI-compatible backend path."""
from __future__ import annotations

import asyncio
import base64
import contextlib
import copy
import io
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import httpx
import httpx2
import openai
import pytest
import torch
import uvicorn
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client
from PIL import Image, ImageDraw, ImageFont

import common
import engine
import fuse
import model as M
import openai_api
import quantize as Q
import serve
import weights as W
from retrieval import Embedder, Index
from tokenizer import render_chat
from vision import VisionConfig, ViT

STUDENT, TEACHER, OTHER = "s" * 24, "t" * 24, "o" * 24
TOKENS = {STUDENT: "student", TEACHER: "teacher", OTHER: "student"}


def auth(token: str = STUDENT) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def ckpt(tmp_path_factory, small_tokenizer) -> Path:
    """A release directory: the test config with seeded random weights and our small tokenizer."""
    torch.manual_seed(0)
    path = tmp_path_factory.mktemp("release") / "test-tutor"
    W.export_hf(M.Transformer(M.load_config("test")), small_tokenizer, path)
    return path


@pytest.fixture(scope="module")
def reference(ckpt):
    return M.load(ckpt)


@contextlib.contextmanager
def running(cfg: serve.ServeConfig, tokens: dict[str, str] = TOKENS, wait_ready: bool = True):
    """A real uvicorn on an ephemeral 127.0.0.1 port in a thread; stopped (and its engine joined) on exit."""
    sock = socket.create_server(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    server = uvicorn.Server(uvicorn.Config(serve.build_app(serve.Server(cfg, tokens)), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                status = httpx.get(url + "/ready", headers=auth(next(iter(tokens)))).status_code
                if status == 200 or (status == 503 and not wait_ready):
                    break
            time.sleep(0.1)
        else:
            raise TimeoutError("server did not become ready")
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


def config(ckpt: Path, root: Path, **overrides) -> serve.ServeConfig:
    values = dict(ckpt=str(ckpt), sessions=str(root / "sessions.db"), uploads=str(root / "uploads"), logs=str(root / "serve.jsonl"),
                  index="none", threads=0, max_batch=64, max_context=512, rate_per_minute=60000.0, rate_burst=10000)
    values.update(overrides)
    return serve.ServeConfig(**values)


@pytest.fixture(scope="module")
def state_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("serve-state")


@pytest.fixture(scope="module")
def url(ckpt, state_dir):
    cfg = config(ckpt, state_dir)
    with running(cfg) as base:
        yield base


def metric(base: str, name: str) -> float:
    text = httpx.get(base + "/metrics", headers=auth()).text
    return float(re.search(rf"^{name} (\S+)$", text, re.M).group(1))


def greedy_reference(reference, messages: list[dict], max_tokens: int) -> str:
    return greedy_ids(reference, messages, max_tokens)[1]


def greedy_ids(reference, messages: list[dict], max_tokens: int) -> tuple[list[int], str]:
    """What model.generate (no server, no batching) produces for this chat: the ground truth for parity."""
    model, tok = reference
    ids, _ = render_chat(tok, messages, add_generation_prompt=True)
    out = model.generate([ids], max_tokens, stop_ids=tok.stop_ids)[0]
    return out, tok.decode(out)


# ----------------------------------------------------------------------------- OpenAI compatibility

def test_openai_client_streams_the_same_text_as_model_generate(url, reference):
    client = openai.OpenAI(base_url=url + "/v1", api_key=STUDENT, max_retries=0)
    name = client.models.list().data[0].id
    messages = [{"role": "system", "content": "You are a patient tutor."}, {"role": "user", "content": "What is 3/4 + 1/8?"}]
    expected_ids, expected = greedy_ids(reference, messages, 24)
    stream = client.chat.completions.create(model=name, messages=messages, max_tokens=24, temperature=0, stream=True,
                                            stream_options={"include_usage": True})
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == expected and text
    usage = chunks[-1].usage
    assert usage.completion_tokens == len(expected_ids)
    full = client.chat.completions.create(model=name, messages=messages, max_tokens=24, temperature=0)
    assert full.choices[0].message.content == expected
    assert full.usage.total_tokens == full.usage.prompt_tokens + full.usage.completion_tokens
    assert metric(url, "nanotutor_prefix_cache_hits_total") >= 1  # the second request reused the system prompt's KV


def test_quantized_serving_gives_the_int4_models_greedy_text(ckpt, tmp_path, reference):
    """--quantize=int4: the release's weights packed after loading; a lone stream then decodes through
    quantize.OneRowDecoder, and the reply equals model.generate on the same int4 model."""
    model, tok = reference
    messages = [{"role": "user", "content": "What is 3/4 + 1/8?"}]
    expected = greedy_reference((Q.quantize_int4(copy.deepcopy(model)), tok), messages, 16)
    with running(config(ckpt, tmp_path, quantize="int4")) as base:
        reply = httpx.post(base + "/v1/chat/completions", headers=auth(), timeout=60,
                           json={"messages": messages, "max_tokens": 16, "temperature": 0}).json()
    assert reply["choices"][0]["message"]["content"] == expected and expected
    loaded = engine.load_local(str(ckpt), quantize="int4")[0]
    assert isinstance(loaded.layers[0].attention.wq, Q.Int4Linear) and loaded.one_row is not None
    with pytest.raises(ValueError, match="int8 or int4"):
        engine.load_local(str(ckpt), quantize="int3")


def test_tools_reach_the_prompt_and_tool_calls_come_back_structured():
    reply = openai_api.Reply("chatcmpl-x", "m", tools=True)
    streamed = "".join(reply.add(p) for p in ["Let me check. <tool", '_call>{"name": "calculator", ', '"arguments": {"expression": "3/4+1/8"}}</tool_call>'])
    assert streamed == "Let me check. "
    gen = engine.Generation()
    done = reply.completion(gen)
    call = done["choices"][0]["message"]["tool_calls"][0]["function"]
    assert call["name"] == "calculator" and json.loads(call["arguments"]) == {"expression": "3/4+1/8"}
    assert done["choices"][0]["finish_reason"] == "tool_calls"
    broken = openai_api.Reply("chatcmpl-y", "m", tools=True)
    broken.add("Hi <tool_call>not json</tool_call>")
    assert broken.completion(gen)["choices"][0]["message"]["content"] == "Hi <tool_call>not json</tool_call>"


def test_openai_tools_and_image_data_uri(url, small_tokenizer):
    image = Image.new("L", (520, 100), 255)
    ImageDraw.Draw(image).text((15, 25), "Solve 2x + 3 = 11", fill=0, font=ImageFont.load_default(size=44))
    _, uri = png_and_data_uri(image)
    tools = [{"type": "function", "function": {"name": "calculator", "description": "exact arithmetic",
                                                "parameters": {"type": "object", "properties": {"expression": {"type": "string"}}}}}]
    body = {"messages": [{"role": "user", "content": [{"type": "text", "text": "Help"}, {"type": "image_url", "image_url": {"url": uri}}]}],
            "max_tokens": 4, "temperature": 0}
    plain = httpx.post(url + "/v1/chat/completions", json=body, headers=auth(), timeout=60).json()
    with_tools = httpx.post(url + "/v1/chat/completions", json=dict(body, tools=tools), headers=auth(), timeout=60).json()
    text = "Help\n[Text in the uploaded image: Solve 2x +3 = 11]"
    assert plain["usage"]["prompt_tokens"] == serve_prompt_len(small_tokenizer, text)
    assert with_tools["usage"]["prompt_tokens"] > plain["usage"]["prompt_tokens"]  # the schemas are in the system turn
    remote = httpx.post(url + "/v1/chat/completions", headers=auth(), timeout=30,
                        json={"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "http://example.com/x.png"}}]}]})
    assert remote.status_code == 400 and "data: URI" in remote.json()["error"]


def serve_prompt_len(tok, text: str) -> int:
    return len(render_chat(tok, [{"role": "user", "content": text}], add_generation_prompt=True)[0])


# ----------------------------------------------------------------------------- batching under load

def test_64_concurrent_streams_finish_without_errors_and_match_sequential(url, reference):
    """Greedy rows in a shared batch produce exactly what each prompt produces alone; sampled rows run beside them."""
    prompts = [f"Question {i}: what is {i} + {i * 3}?" for i in range(64)]
    lengths = [4 + (i % 7) * 3 for i in range(64)]  # rows finish at different steps, so others join and leave

    async def one(client: httpx.AsyncClient, i: int) -> str:
        body = {"messages": [{"role": "user", "content": prompts[i]}], "max_tokens": lengths[i], "stream": True,
                "temperature": 0 if i % 2 == 0 else 0.9, "seed": i}
        text = ""
        async with client.stream("POST", url + "/v1/chat/completions", json=body, headers=auth()) as response:
            assert response.status_code == 200
            async for line in response.aiter_lines():
                if line.startswith("data: {"):
                    chunk = json.loads(line[6:])
                    assert "error" not in chunk
                    text += chunk["choices"][0]["delta"].get("content") or "" if chunk["choices"] else ""
        return text

    async def all_of_them() -> list:
        async with httpx.AsyncClient(timeout=120, limits=httpx.Limits(max_connections=100)) as client:
            return await asyncio.gather(*(one(client, i) for i in range(64)), return_exceptions=True)

    steps_before = metric(url, "nanotutor_decode_steps_total")
    tokens_before = metric(url, "nanotutor_generated_tokens_total")
    results = asyncio.run(all_of_them())
    errors = [r for r in results if isinstance(r, BaseException)]
    assert errors == []
    for i in range(0, 64, 8):
        assert results[i] == greedy_reference(reference, [{"role": "user", "content": prompts[i]}], lengths[i])
    steps = metric(url, "nanotutor_decode_steps_total") - steps_before
    tokens = metric(url, "nanotutor_generated_tokens_total") - tokens_before
    assert steps < tokens / 4  # decode steps were shared by many rows
    assert metric(url, "nanotutor_active_rows") == 0


def test_disconnect_stops_generation(url):
    before = metric(url, "nanotutor_cancelled_requests_total")
    body = {"messages": [{"role": "user", "content": "Tell me a long story."}], "max_tokens": 400, "temperature": 0.7,
            "seed": 1, "stream": True}
    with httpx.stream("POST", url + "/v1/chat/completions", json=body, headers=auth(), timeout=30) as response:
        lines = response.iter_lines()
        got = [next(lines) for _ in range(6)]
        assert any(line.startswith("data:") for line in got)
    deadline = time.time() + 10
    while metric(url, "nanotutor_cancelled_requests_total") == before and time.time() < deadline:
        time.sleep(0.05)
    assert metric(url, "nanotutor_cancelled_requests_total") == before + 1
    assert metric(url, "nanotutor_active_rows") == 0


# ----------------------------------------------------------------------------- the tutor, sessions, restart

def chat_events(base: str, body: dict, token: str = STUDENT) -> list[dict]:
    events = []
    with httpx.stream("POST", base + "/chat", json=body, headers=auth(token), timeout=120) as response:
        assert response.status_code == 200, response.read()
        assert response.headers["content-type"].startswith("text/event-stream")
        for line in response.iter_lines():
            if line.startswith("data: "):
                events.append(json.loads(line[6:]))
    return events


def test_chat_streams_events_and_a_restart_keeps_the_session(ckpt, tmp_path):
    cfg = config(ckpt, tmp_path)
    with running(cfg) as base:
        events = chat_events(base, {"session_id": "amy-1", "message": "How do I solve 2x + 3 = 11?", "subject": "math"})
        assert events[-1]["type"] == "final" and {e["type"] for e in events} >= {"token", "final"}
        assert all(set(e) >= {"type"} for e in events)
        plain = httpx.post(base + "/chat", json={"session_id": "amy-1", "message": "I think x is 4", "stream": False},
                           headers=auth(), timeout=120).json()
        assert plain["events"][-1]["type"] == "final" and plain["reply"] == plain["events"][-1]["text"]
        assert httpx.get(base + "/context", params={"session_id": "amy-1"}, headers=auth(OTHER)).status_code == 403
    with running(cfg) as base:  # a new process on the same sessions database
        ctx = httpx.get(base + "/context", params={"session_id": "amy-1"}, headers=auth()).json()
        assert ctx["subject"] == "math"
        said = [m["content"] for m in ctx["history"] if m["role"] == "user"]
        assert said == ["How do I solve 2x + 3 = 11?", "I think x is 4"]
        assert httpx.get(base + "/context", params={"session_id": "amy-1"}, headers=auth(TEACHER)).status_code == 200
        cleared = httpx.post(base + "/context", json={"session_id": "amy-1", "clear": True, "subject": "science"}, headers=auth()).json()
        assert cleared["history"] == [] and cleared["subject"] == "science"


def test_retrieved_passages_become_the_sessions_context(ckpt, tmp_path):
    lessons = [{"text": "Gravity pulls every object toward Earth with the same acceleration, about 9.8 m/s2.",
                "book": "Our lessons", "section": "Falling objects", "page": 1, "subject": "science"},
               {"text": "A fraction names equal parts of a whole: 3/4 is three of four equal parts.",
                "book": "Our lessons", "section": "Fractions", "page": 2, "subject": "math"}]
    Index.build(lessons, Embedder()).save(tmp_path / "index")
    with running(config(ckpt, tmp_path, index=str(tmp_path / "index"))) as base:
        events = chat_events(base, {"session_id": "lee-1", "message": "Why do objects fall toward Earth?", "subject": "science"})
        retrieved = [e for e in events if e["type"] == "retrieval"]
        assert retrieved and retrieved[0]["chunks"][0]["section"] == "Falling objects"
        ctx = httpx.get(base + "/context", params={"session_id": "lee-1"}, headers=auth()).json()
        assert [c["text"] for c in ctx["chunks"]] == [c["text"] for c in retrieved[-1]["chunks"]]


# ----------------------------------------------------------------------------- hostile input

def test_fuzz_of_hostile_bodies_gets_4xx_and_the_server_stays_up(url):
    """Every body is hostile for its target endpoint (4xx there) and no endpoint ever answers 5xx to any of them."""
    v1, chat, ctx = "/v1/chat/completions", "/chat", "/context"
    user = [{"role": "user", "content": "x"}]
    everywhere = [b"", b"not json", b"\xff\xfe\xfd", b"[]", b"null", b"123", ("[" * 100_000 + "]" * 100_000).encode(),
                  b'{"a":' * 5000, b'{"session_id": "\xc3\x28"}', b"x" * (2 << 20)]
    targeted = [(v1, {"messages": "hi"}), (v1, {"messages": [{"role": "user", "content": 7}]}),
                (v1, {"messages": [{"role": "wizard", "content": "x"}]}),
                (v1, {"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,!!"}}]}]}),
                (v1, {"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]}]}),
                (v1, {"messages": user, "max_tokens": -1}), (v1, {"messages": user, "max_tokens": 10**40}),
                (v1, {"messages": user, "max_tokens": True}), (v1, {"messages": user, "temperature": "hot"}),
                (v1, {"messages": user, "tools": [{"type": "function"}]}), (v1, {"messages": user, "stop": ["a"] * 50}),
                (v1, {"messages": user, "tools": [{"type": "function", "function": {"name": "f", "parameters": {"required": "x"}}}]}),
                (v1, {"messages": user, "n": 3}), (v1, {"messages": user, "stream_options": {"include_usage": "yes"}}),
                (v1, {"messages": [{"role": "assistant", "content": None, "tool_calls": [{"function": {"name": "f", "arguments": "{{"}}]}]}),
                (v1, {"messages": [{"role": "user", "content": "x" * 20_000}]}), (v1, {"messages": user * 500}),
                (chat, {"session_id": "../../etc/passwd", "message": "hi"}), (chat, {"session_id": "ok", "message": ["hi"]}),
                (chat, {"session_id": "ok", "message": "hi", "image_id": "../../../etc/passwd"}),
                (chat, {"session_id": "ok", "message": "hi", "image_id": "0" * 32}),
                (chat, {"session_id": "ok", "message": "hi", "subject": {"$ne": 1}}),
                (chat, {"session_id": "ok", "message": "hi", "stream": "yes"}), (chat, {"session_id": "ok", "message": "   "}),
                (chat, {"session_id": 5, "message": "hi"}), (chat, {"session_id": "ok", "message": "x" * 9000}),
                (ctx, {"session_id": "ok", "clear": "please"}), (ctx, {"session_id": "ok", "subject": "history"}),
                (ctx, {"session_id": ["ok"]})]
    cases = [(path, body, True) for body in everywhere for path in (v1, chat, ctx, "/upload_image")]
    cases += [(path, json.dumps(body).encode(), path == target) for target, body in targeted for path in (v1, chat, ctx)]
    cases.append((v1, b'{"messages": [{"role": "user", "content": "x"}], "temperature": NaN}', True))
    for path, body, hostile_here in cases:
        response = httpx.post(url + path, content=body, headers=auth() | {"content-type": "application/json"}, timeout=30)
        assert response.status_code < 500, (path, body[:80], response.status_code, response.text[:200])
        if hostile_here:
            assert 400 <= response.status_code < 500 and "error" in response.json(), (path, body[:80], response.status_code)
    for query in ("", "?session_id=", "?session_id=" + "a" * 500, "?session_id=%00"):
        assert httpx.get(url + "/context" + query, headers=auth()).status_code == 400
    assert httpx.get(url + "/health").status_code == 200
    assert httpx.get(url + "/ready", headers=auth()).status_code == 200


def test_limits_and_over_long_prompt_get_clear_400s(url):
    def post(body: dict) -> httpx.Response:
        return httpx.post(url + "/v1/chat/completions", json=body, headers=auth(), timeout=30)

    ask = [{"role": "user", "content": "hi"}]
    assert "max_tokens" in post({"messages": ask, "max_tokens": 100_000}).json()["error"]
    assert "temperature" in post({"messages": ask, "temperature": 9}).json()["error"]
    assert post({"messages": ask * 65}).status_code == 400
    long = post({"messages": [{"role": "user", "content": "seven apples and " * 400}]})
    assert long.status_code == 400 and "context is 512 tokens" in long.json()["error"]
    too_long_chat = httpx.post(url + "/chat", json={"session_id": "long", "message": "apples and pears " * 200}, headers=auth())
    assert too_long_chat.status_code == 400 and "context" in too_long_chat.json()["error"]


# ----------------------------------------------------------------------------- auth, logs, metrics

def test_tokens_roles_logs_and_metrics(url):
    for headers in ({}, {"Authorization": "Bearer wrong-token-wrong-token"}, {"Authorization": f"Basic {STUDENT}"},
                    {"Authorization": "Bearer"}):
        for method, path in (("GET", "/ready"), ("GET", "/metrics"), ("GET", "/logs"), ("POST", "/chat"), ("GET", "/context"),
                             ("POST", "/upload_image"), ("GET", "/v1/models"), ("POST", "/v1/chat/completions"), ("POST", "/mcp")):
            response = httpx.request(method, url + path, headers=headers)
            assert response.status_code == 401, (path, headers)
            assert response.headers["www-authenticate"] == "Bearer"
    assert httpx.get(url + "/health").json()["status"] == "ok"
    assert httpx.get(url + "/logs", headers=auth(STUDENT)).status_code == 403
    response = httpx.get(url + "/ready", headers=auth() | {"x-request-id": "trace-me-123"})
    assert response.headers["x-request-id"] == "trace-me-123"
    records = httpx.get(url + "/logs", params={"request_id": "trace-me-123"}, headers=auth(TEACHER)).json()["records"]
    assert [r["path"] for r in records] == ["/ready"] and records[0]["status"] == 200 and records[0]["role"] == "student"
    text = httpx.get(url + "/metrics", headers=auth()).text
    assert '# TYPE nanotutor_requests_total counter' in text and 'nanotutor_requests_total{path="/ready",status="200"}' in text


def test_rate_limit_per_token(ckpt, tmp_path):
    cfg = config(ckpt, tmp_path, rate_per_minute=6.0, rate_burst=3)
    server = serve.Server(cfg, TOKENS)  # Guard answers before any route: no model needed

    async def hits() -> list[int]:
        transport = httpx.ASGITransport(app=serve.build_app(server))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            mine = [(await client.get("/ready", headers=auth())).status_code for _ in range(5)]
            other = (await client.get("/ready", headers=auth(OTHER))).status_code
            return mine + [other]

    codes = asyncio.run(hits())
    server.store.close()
    assert codes == [503, 503, 503, 429, 429, 503]


def test_token_loading_and_constant_time_identify(tmp_path, monkeypatch):
    file = tmp_path / "tokens"
    file.write_text("# comment\n" + "f" * 20 + " teacher\n" + "g" * 20 + "\n")
    monkeypatch.setenv("NANOTUTOR_TOKENS", "h" * 20 + ":student")
    tokens = common.load_tokens("NANOTUTOR_TOKENS", str(file))
    assert tokens == {"f" * 20: "teacher", "g" * 20: "student", "h" * 20: "student"}
    file.write_text("short teacher\n")
    with pytest.raises(ValueError, match="16 characters"):
        common.load_tokens("NANOTUTOR_TOKENS", str(file))
    file.write_text("k" * 20 + " admin\n")
    with pytest.raises(ValueError, match="admin"):
        common.load_tokens("NANOTUTOR_TOKENS", str(file))
    guard = common.Auth({"f" * 20: "teacher"})
    assert guard.identify("Bearer " + "f" * 20)[0] == "teacher"
    assert guard.identify("Bearer " + "f" * 19) == (None, None) and guard.identify("") == (None, None)


# ----------------------------------------------------------------------------- uploads

def test_upload_checks_type_size_pixels_and_names_by_content(url, state_dir):
    image = Image.new("L", (520, 100), 255)
    ImageDraw.Draw(image).text((15, 25), "Solve 2x + 3 = 11", fill=0, font=ImageFont.load_default(size=44))
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    files = {"file": ("../../../etc/passwd", buf.getvalue(), "image/png")}
    first = httpx.post(url + "/upload_image", files=files, headers=auth(), timeout=60).json()
    again = httpx.post(url + "/upload_image", files=files, headers=auth(), timeout=60).json()
    assert first["image_id"] == again["image_id"] and re.fullmatch(r"[0-9a-f]{32}", first["image_id"])
    assert "2x" in first["ocr_text"] and "11" in first["ocr_text"]
    stored = sorted(p.name for p in (state_dir / "uploads").iterdir())
    assert stored == [f"{first['image_id']}.json", f"{first['image_id']}.png"]
    fake = httpx.post(url + "/upload_image", files={"file": ("x.png", b"<?php evil(); ?>", "image/png")}, headers=auth())
    assert fake.status_code == 415
    gif = io.BytesIO()
    Image.new("L", (8, 8)).save(gif, format="GIF")
    assert httpx.post(url + "/upload_image", files={"file": ("x.gif", gif.getvalue(), "image/gif")}, headers=auth()).status_code == 415
    huge = io.BytesIO()
    Image.new("1", (6000, 6000)).save(huge, format="PNG")  # 36 Mpx in a few kB: refused from the header
    response = httpx.post(url + "/upload_image", files={"file": ("big.png", huge.getvalue(), "image/png")}, headers=auth())
    assert response.status_code == 413 and "pixels" in response.json()["error"]
    assert httpx.post(url + "/upload_image", data={"file": "text"}, headers=auth()).status_code == 400
    events = chat_events(url, {"session_id": "img-1", "message": "Can you help with this?", "image_id": first["image_id"]})
    assert events[-1]["type"] == "final"
    ctx = httpx.get(url + "/context", params={"session_id": "img-1"}, headers=auth()).json()
    assert "2x" in json.dumps(ctx)  # the OCR text joined the session's context


# ----------------------------------------------------------------------------- the vLLM path and the command line

def test_openai_backend_serves_through_another_openai_server(url, tmp_path, reference, monkeypatch):
    """Our /v1 stands in for vLLM: a second serve.py generates through it and keeps chat, sessions and uploads."""
    monkeypatch.setenv("NANOTUTOR_BACKEND_KEY", STUDENT)  # the front authenticates to the backend as a client
    with running(config("", tmp_path, backend="openai", backend_url=url), {TEACHER: "teacher"}) as front:
        messages = [{"role": "user", "content": "Name a prime number."}]
        body = {"messages": messages, "max_tokens": 12, "temperature": 0}
        got = httpx.post(front + "/v1/chat/completions", json=body, headers=auth(TEACHER), timeout=60).json()
        assert got["choices"][0]["message"]["content"] == greedy_reference(reference, messages, 12)
        assert got["usage"]["completion_tokens"] > 0
        events = chat_events(front, {"session_id": "via-vllm", "message": "What is 7 x 8?"}, TEACHER)
        assert events[-1]["type"] == "final"
        too_long = httpx.post(front + "/v1/chat/completions", headers=auth(TEACHER),
                              json={"messages": [{"role": "user", "content": "seven apples and " * 400}]})
        assert too_long.status_code == 400 and "context" in too_long.json()["error"]


@pytest.mark.slow
def test_command_line_writes_pid_and_serves(ckpt, tmp_path):
    tokens = tmp_path / "token"
    tokens.write_text(f"{STUDENT} student\n")
    pidfile = tmp_path / "serve.pid"
    proc = subprocess.Popen([sys.executable, "serve.py", f"--ckpt={ckpt}", "--port=0", f"--tokens_file={tokens}",
                             f"--pidfile={pidfile}", f"--sessions={tmp_path / 's.db'}", f"--uploads={tmp_path / 'up'}",
                             f"--logs={tmp_path / 'log.jsonl'}", "--index=none"],
                            cwd=common.ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        base = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)
        assert int(pidfile.read_text()) == proc.pid
        assert httpx.get(base + "/health", timeout=10).status_code == 200
        deadline = time.time() + 60
        while httpx.get(base + "/ready", headers=auth()).status_code != 200 and time.time() < deadline:
            time.sleep(0.2)
        assert httpx.get(base + "/ready", headers=auth()).json()["status"] == "ready"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_mcp_is_mounted_behind_the_same_tokens(url):
    """The agent's MCP server at /mcp: the official client lists and calls tools with a bearer token."""
    async def talk() -> tuple[set[str], str]:
        async with httpx2.AsyncClient(headers=auth(), timeout=30) as client:
            async with streamable_http_client(url + "/mcp", http_client=client) as (read, write, *_):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    tools = {t.name for t in (await session.list_tools()).tools}
                    result = await session.call_tool("calculator", {"expression": "3/4 + 1/8"})
                    return tools, json.dumps([c.model_dump() for c in result.content])

    tools, result = asyncio.run(talk())
    assert {"calculator", "check_answer", "tutor_reply"} <= tools
    assert "7/8" in result
    assert httpx.post(url + "/mcp", json={}, headers={"Authorization": "Bearer nope-nope-nope-nope"}).status_code == 401


def png_and_data_uri(image) -> tuple[io.BytesIO, str]:
    """The image as PNG bytes and as the data URI an OpenAI `image_url` part carries."""
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf, "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def test_vision_release_puts_image_tokens_into_the_prompt(ckpt, tmp_path):
    """A release with a concat-fusion vision/ folder (fuse.save_vision): /v1 with an image equals greedy decoding
    of the decoder on fuse.py's own prompt embeddings, and uploads used by /chat go through the encoder too."""

    release = tmp_path / "vision-release"
    shutil.copytree(ckpt, release)
    decoder, tok = M.load(release)
    torch.manual_seed(1)
    encoder = ViT(VisionConfig(kind="siglip", image_size=32, patch_size=8, dim=32, n_layers=1, n_heads=2, mlp_dim=64, use_head=False))
    fused = fuse.FusedModel(encoder, decoder, fuse.FuseConfig("concat", image_id=tok.special["<|pad|>"]))
    with torch.no_grad():
        for p in fused.projector.parameters():
            p.normal_(0, 0.5)  # random but large enough that the image visibly steers the reply
    fuse.save_vision(release, fused)
    image = Image.new("RGB", (32, 32), (240, 220, 40))
    ImageDraw.Draw(image).ellipse((6, 6, 26, 26), fill=(50, 80, 240))
    buf, uri = png_and_data_uri(image)

    bundle = fuse.load_vision(release)
    ids, _ = render_chat(tok, [{"role": "user", "content": "What do you see?\n[Text in the uploaded image: (none found)]"}],
                         add_generation_prompt=True)
    ids = engine.with_placeholders(ids, tok.special["<|im_end|>"], bundle.fcfg.image_id, 1)
    embeds = bundle.prompt_inputs(decoder, ids, [Image.open(io.BytesIO(buf.getvalue()))])["embeds"]
    expected = []
    with torch.no_grad():
        for _ in range(8):
            nxt = int(decoder(None, embeds=embeds)[0][0, -1].argmax())
            if nxt in tok.stop_ids:
                break
            expected.append(nxt)
            embeds = torch.cat([embeds, decoder.tok_embeddings(torch.tensor([[nxt]]))], dim=1)

    with running(config(release, tmp_path)) as base:
        body = {"messages": [{"role": "user", "content": [{"type": "text", "text": "What do you see?"},
                                                           {"type": "image_url", "image_url": {"url": uri}}]}],
                "max_tokens": 8, "temperature": 0}
        got = httpx.post(base + "/v1/chat/completions", json=body, headers=auth(), timeout=60).json()
        assert got["choices"][0]["message"]["content"] == tok.decode(expected)
        assert metric(base, "nanotutor_image_prompts_total") == 1  # prefilled through the encoder, not as text
        assert got["usage"]["prompt_tokens"] == len(ids)  # the placeholder, not yet its tokens, is in the prompt
        upload = httpx.post(base + "/upload_image", files={"file": ("p.png", buf.getvalue(), "image/png")}, headers=auth()).json()
        events = chat_events(base, {"session_id": "vision-1", "message": "What shape is this?", "image_id": upload["image_id"]})
        assert events[-1]["type"] == "final"
        assert metric(base, "nanotutor_image_prompts_total") > 1  # every model call of the tutor's turn saw the image


def test_cross_fusion_release_reads_the_image_at_every_step_beside_text_rows(ckpt, tmp_path):
    """A cross-fusion release: /v1 with an image equals greedy decoding of the decoder with fuse.py's blocks and the
    image as context, also while a text-only request shares the decode steps (and that one is unchanged)."""

    release = tmp_path / "cross-release"
    shutil.copytree(ckpt, release)
    decoder, tok = M.load(release)
    torch.manual_seed(2)
    encoder = ViT(VisionConfig(kind="siglip", image_size=32, patch_size=8, dim=32, n_layers=1, n_heads=2, mlp_dim=64, use_head=False))
    fused = fuse.FusedModel(encoder, decoder, fuse.FuseConfig("cross", cross_every=2, image_id=tok.special["<|pad|>"]))
    with torch.no_grad():
        for block in fuse.cross_blocks(decoder):
            block.attn_gate.fill_(1.0)
            block.ffn_gate.fill_(1.0)  # open gates: the image visibly steers the reply
    fuse.save_vision(release, fused)
    image = Image.new("RGB", (32, 32), (30, 200, 90))
    ImageDraw.Draw(image).rectangle((4, 10, 20, 28), fill=(220, 30, 30))
    buf, uri = png_and_data_uri(image)

    plain, _ = M.load(release)
    bundle = fuse.load_vision(release)
    reader = bundle.attach(M.load(release)[0])
    ids, _ = render_chat(tok, [{"role": "user", "content": "What do you see?\n[Text in the uploaded image: (none found)]"}],
                         add_generation_prompt=True)
    ids = engine.with_placeholders(ids, tok.special["<|im_end|>"], bundle.fcfg.image_id, 1)
    inputs = bundle.prompt_inputs(reader, ids, [Image.open(io.BytesIO(buf.getvalue()))])
    with torch.no_grad():
        blind = reader.generate(inputs["idx"].tolist(), 8, stop_ids=tok.stop_ids)[0]  # the blocks skipped: no image
        seen = inputs["idx"]
        expected = []
        for _ in range(8):
            nxt = int(reader(seen, context=inputs["context"])[0][0, -1].argmax())
            if nxt in tok.stop_ids:
                break
            expected.append(nxt)
            seen = torch.cat([seen, torch.tensor([[nxt]])], dim=1)
    assert expected != blind  # the image changes the reply, so matching it below means the engine passed it on
    text_ids, _ = render_chat(tok, [{"role": "user", "content": "Name a colour."}], add_generation_prompt=True)
    text_expected = plain.generate([text_ids], 8, stop_ids=tok.stop_ids)[0]

    image_body = {"messages": [{"role": "user", "content": [{"type": "text", "text": "What do you see?"},
                                                             {"type": "image_url", "image_url": {"url": uri}}]}],
                  "max_tokens": 8, "temperature": 0}
    text_body = {"messages": [{"role": "user", "content": "Name a colour."}], "max_tokens": 8, "temperature": 0}
    with running(config(release, tmp_path)) as base:
        def ask(body):
            return httpx.post(base + "/v1/chat/completions", json=body, headers=auth(), timeout=60).json()
        with ThreadPoolExecutor(2) as pool:
            got_image, got_text = pool.map(ask, [image_body, text_body])
        assert got_image["choices"][0]["message"]["content"] == tok.decode(expected)
        assert got_text["choices"][0]["message"]["content"] == tok.decode(text_expected)
        assert metric(base, "nanotutor_image_prompts_total") == 1
        assert got_image["usage"]["prompt_tokens"] == len(ids)  # cross fusion: the image adds no prompt tokens


def test_long_conversations_drop_their_oldest_turns_to_fit(ckpt, tmp_path):
    """The tutor's history is trimmed oldest-first (the system turn and the newest message stay) to leave room."""
    server = serve.Server(config(ckpt, tmp_path), TOKENS)
    backend = SimpleNamespace(context=100, count=lambda messages, tools: sum(len(m["content"]) for m in messages))
    messages = [{"role": "system", "content": "s" * 10}] + [{"role": "user", "content": str(i) * 20} for i in range(6)]
    kept = server.fit(backend, messages, None, max_tokens=20)
    server.store.close()
    assert kept[0]["role"] == "system" and kept[-1] == messages[-1]
    assert [m["content"][0] for m in kept[1:]] == ["3", "4", "5"]  # 10 + 3 x 20 = 70 <= 100 - 20 (room for max_tokens)
