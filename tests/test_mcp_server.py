"""mcp_server.py through the official SDK's own client: in-process, over streamable HTTP on 127.0.0.1 with
bearer tokens, and over stdio in a separate process that shares the SQLite session store."""
import json
import socket
import sys
import threading
import time

import anyio
import httpx
import httpx2
import pytest
import uvicorn
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp.client.streamable_http import streamable_http_client

import agent
import mcp_server
from common import ROOT, SessionStore, read_tokens
from tools import load_tool_schemas

TOOLS = {"search_textbook", "check_answer", "calculator", "get_hint", "describe_image", "tutor_reply", "send_message", "receive_messages"}
CHUNKS = [
    {"text": "A force is a push or a pull.", "book": "physics", "chapter": "4", "section": "4.1", "page": 1, "subject": "science"},
    {"text": "Newton's second law: net force equals mass times acceleration.", "book": "physics", "chapter": "4", "section": "4.3", "page": 2, "subject": "science"},
    {"text": "Speed is distance divided by time.", "book": "physics", "chapter": "2", "section": "2.1", "page": 3, "subject": "science"},
]


class Retriever:
    chunks = CHUNKS

    def search(self, query, k=3, subject=None):
        hits = [dict(c, score=1.0) for c in CHUNKS if subject in (None, c["subject"])]
        return sorted(hits, key=lambda c: -sum(w in c["text"].lower() for w in query.lower().split()))[:k]


def scripted_generate(messages, *, max_tokens, temperature, stop):
    yield "What do you already know "
    yield "about this?"


def make_server(store=None):
    store = store or SessionStore(":memory:")
    tutor = agent.Tutor(scripted_generate, retriever=Retriever(), store=store, queue=mcp_server.MessageQueue())
    return mcp_server.build_mcp_server(tutor), tutor


def text_of(result):
    assert not result.is_error, result
    return json.loads(result.content[0].text)


async def exercise(client, tutor):
    """Everything a client can do: list and call every tool, read resources, get prompts; returns notifications."""
    tools = {t.name: t for t in (await client.list_tools()).tools}
    assert set(tools) == TOOLS
    for name, schema in load_tool_schemas().items():
        listed = tools[name].input_schema
        assert set(listed["properties"]) == set(schema["parameters"]["properties"]), name
        assert set(listed.get("required", [])) == set(schema["parameters"]["required"]), name
        assert tools[name].description == schema["description"]

    progress = []

    async def on_progress(done, total, message):
        progress.append((done, total, message))
    assert text_of(await client.call_tool("calculator", {"expression": "3/4 + 1/4 * 2"}, progress_callback=on_progress))["value"] == "5/4"
    assert progress == [(0, 1, "calculator: started"), (1, 1, "calculator: done")]
    assert text_of(await client.call_tool("check_answer", {"student_answer": "x = 4", "problem": "Solve 2x + 3 = 11"}))["correct"]
    assert text_of(await client.call_tool("get_hint", {"problem": "Solve 2x + 3 = 11", "level": 3}))["hint"].startswith("Try subtracting 3")
    assert text_of(await client.call_tool("describe_image", {"ocr_text": "Solve 3x - 7 = 8"}))["math"] == ["3x - 7 = 8"]
    chunks = text_of(await client.call_tool("search_textbook", {"query": "net force mass acceleration", "subject": "science"}))["chunks"]
    assert len(chunks) == 3 and chunks[0]["section"] == "4.3"

    bad = await client.call_tool("get_hint", {"problem": "2x = 4", "level": 7})
    assert bad.is_error and "get_hint.level: must be between 1 and 3" in bad.content[0].text
    bad = await client.call_tool("calculator", {"expression": "__import__('os').system('true')"})
    assert bad.is_error and "unexpected" in bad.content[0].text

    progress.clear()
    turn = text_of(await client.call_tool("tutor_reply", {"session_id": "mcp-1", "message": "Solve 2x + 3 = 11"}, progress_callback=on_progress))
    assert turn["events"][-1]["type"] == "final" and turn["reply"] == turn["events"][-1]["text"]
    assert [p[0] for p in progress] == sorted(p[0] for p in progress) and [p[2] for p in progress] == [e["type"] for e in turn["events"]]
    queued = text_of(await client.call_tool("receive_messages", {"session_id": "mcp-1"}))["events"]
    assert [e for e in queued if e["type"] != "token"] == turn["events"]  # the tutor's queue carries the same events
    assert text_of(await client.call_tool("send_message", {"session_id": "mcp-1", "event": {"type": "note", "text": "hi"}}))["queued"]
    assert tutor.queue.get("mcp-1") == [{"type": "note", "text": "hi", "from": "mcp:student"}]
    bad = await client.call_tool("send_message", {"session_id": "mcp-1", "event": {"text": "no type"}})
    assert bad.is_error and "'type'" in bad.content[0].text

    chapters = json.loads((await client.read_resource("textbook://chapters")).contents[0].text)
    assert [(c["book"], c["chapter"], c["chunks"]) for c in chapters] == [("physics", "4", 2), ("physics", "2", 1)]
    chapter = (await client.read_resource("textbook://physics/4")).contents[0].text
    assert chapter == "A force is a push or a pull.\n\nNewton's second law: net force equals mass times acceleration."
    transcript = json.loads((await client.read_resource("session://mcp-1/transcript")).contents[0].text)
    assert [m["role"] for m in transcript] == ["user", "assistant"] and transcript[1]["content"] == turn["reply"]

    prompts = {p.name for p in (await client.list_prompts()).prompts}
    assert prompts == {f"socratic_{s}" for s in ("elicit", "probe", "hint", "check", "encourage", "summary")}
    for name in prompts:
        got = await client.get_prompt(name, {"problem": "Why do objects fall?", "subject": "science"})
        assert "Never state the final answer" in got.messages[0].content.text
    return turn


def test_mcp_in_process_with_sdk_client():
    server, tutor = make_server()
    logs = []

    async def on_log(params):
        logs.append(params.data)

    async def main():
        async with Client(server, log_level="info", logging_callback=on_log) as client:
            turn = await exercise(client, tutor)
            step_logs = [d for d in logs if isinstance(d, dict) and "type" in d]
            assert step_logs == turn["events"]  # one log notification per step, in order
            assert {"tool": "calculator", "arguments": {"expression": "3/4 + 1/4 * 2"}} in logs
    anyio.run(main)


@pytest.fixture
def http_server(tmp_path):
    """mcp_http_app on 127.0.0.1, an ephemeral port, stopped by the test."""
    store = SessionStore(tmp_path / "sessions.db")
    server, tutor = make_server(store)
    tokens = {"student-token-1": "student", "student-token-2": "student", "teacher-token": "teacher"}
    sock = socket.create_server(("127.0.0.1", 0))
    config = uvicorn.Config(mcp_server.mcp_http_app(server, tokens), log_level="warning", lifespan="on")
    runner = uvicorn.Server(config)
    thread = threading.Thread(target=runner.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not runner.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/mcp", tutor
    runner.should_exit = True
    thread.join(timeout=10)
    sock.close()


def http_client(url, token, **kwargs):
    http = httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"}, timeout=30)
    return Client(streamable_http_client(url, http_client=http), **kwargs)


def test_mcp_over_http_with_token_auth(http_server):
    url, tutor = http_server
    logs = []

    async def on_log(params):
        logs.append(params.data)

    async def main():
        async with http_client(url, "student-token-1", log_level="info", logging_callback=on_log) as client:
            turn = await exercise(client, tutor)
            assert [d for d in logs if isinstance(d, dict) and "type" in d] == turn["events"]
        async with http_client(url, "student-token-2") as other:  # another student's session is refused
            denied = await other.call_tool("receive_messages", {"session_id": "mcp-1"})
            assert denied.is_error and "belongs to another token" in denied.content[0].text
        async with http_client(url, "teacher-token") as teacher:  # a teacher token may read it, and is a teacher
            transcript = json.loads((await teacher.read_resource("session://mcp-1/transcript")).contents[0].text)
            assert len(transcript) == 2
            await teacher.call_tool("tutor_reply", {"session_id": "t-1", "message": "Solve 2x + 3 = 11"})
            shown = text_of(await teacher.call_tool("tutor_reply", {"session_id": "t-1", "message": "show the full solution"}))
            assert "x = 4" in shown["reply"] and shown["events"][-1]["stage"] == "solution"
    anyio.run(main)

    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Bearer student-token-"},
                    {"Authorization": "Basic c3R1ZGVudC10b2tlbi0x"}):
        response = httpx.post(url, json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"}, headers=headers, timeout=10)
        assert response.status_code == 401 and response.json() == {"error": "missing or invalid bearer token"}

    async def refused():
        async with http_client(url, "wrong") as client:
            await client.list_tools()
    with pytest.raises(BaseException):
        anyio.run(refused)


@pytest.mark.slow
def test_mcp_stdio_process_shares_the_session_store(tmp_path):
    db = tmp_path / "sessions.db"
    store = SessionStore(db)
    store.add_message("shared", "user", "Solve 2x + 3 = 11")  # as serve.py would have written it
    store.add_message("shared", "assistant", "What do you already know about equations?")
    params = StdioServerParameters(command=sys.executable, cwd=str(ROOT),
                                   args=["mcp_server.py", "--model=none", f"--sessions={db}", "--index=none"])

    async def main():
        async with Client(params) as client:
            transcript = json.loads((await client.read_resource("session://shared/transcript")).contents[0].text)
            assert [m["content"] for m in transcript] == ["Solve 2x + 3 = 11", "What do you already know about equations?"]
            assert text_of(await client.call_tool("calculator", {"expression": "2^5"}))["value"] == "32"
            missing = await client.call_tool("tutor_reply", {"session_id": "shared", "message": "hi"})
            assert missing.is_error and "not loaded" in missing.content[0].text
    anyio.run(main)


def test_tokens_file_reads_like_serve(tmp_path):
    path = tmp_path / "tokens"
    teacher, student = "t" * 16, "s" * 20
    path.write_text(f"# tokens\n{teacher} teacher\n{student}\n")
    assert read_tokens(path) == {teacher: "teacher", student: "student"}
    path.write_text(f"{teacher} teacher extra\n")
    with pytest.raises(ValueError, match=r"tokens:1: expected 'TOKEN \[ROLE\]'"):
        read_tokens(path)
    path.write_text("abc123 teacher\n")  # the same rule as serve.py: a guessable token is refused
    with pytest.raises(ValueError, match="at least 16 characters"):
        read_tokens(path)


def test_a_session_belongs_to_the_token_that_first_used_it():
    """SessionStore.claim: the one ownership rule serve.py (as HTTP 403) and the MCP server (check_owner) apply."""
    store = SessionStore(":memory:")
    assert store.claim("s", "student", "a", create=False) and not store.exists("s")  # a read creates nothing
    assert store.claim("s", "student", "a") and store.get_context("s")["owner"] == "a"
    assert store.claim("s", "student", "a") and not store.claim("s", "student", "b", create=False)
    assert store.claim("s", "teacher", "b")  # a teacher may read any session
    store.ensure("old")  # a session with no owner yet (the stdio MCP process has no token)
    assert store.claim("old", "student", "b", create=False) and store.get_context("old")["owner"] == "b"
    assert not store.claim("old", "student", "a")
    with pytest.raises(mcp_server.McpToolError, match="session s belongs to another token"):
        mcp_server.check_owner(store, "s", "student", "b")
    mcp_server.check_owner(store, "s", "student", "a")
