"""ui.py under Streamlit's AppTest, against a scripted server that speaks serve.py's HTTP API.

The scripted server lets these tests pin exactly what the page must show for each kind of event and error;
tests/test_demo.py drives the real serve.py + ui.py pair in a browser.
"""
import io
import json
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from PIL import Image
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route
from streamlit.testing.v1 import AppTest

UI = str(Path(__file__).resolve().parent.parent / "ui.py")
TOKEN = "student-token"


def scripted_app(received: list) -> Starlette:
    def authorised(request: Request) -> bool:
        return request.headers.get("authorization") == f"Bearer {TOKEN}"

    async def chat(request: Request):
        if not authorised(request):
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        body = await request.json()
        received.append(("chat", body))
        events = [
            {"type": "retrieval", "chunks": [{"text": "Photosynthesis turns light into chemical energy.",
                                              "book": "Our lessons", "section": "Plants", "page": 3, "score": 0.81}]},
            {"type": "hint_stage", "stage": 1, "name": "what do you know"},
            {"type": "tool_call", "name": "calculator", "arguments": {"expression": "2+2"}},
            {"type": "tool_result", "name": "calculator", "result": {"value": "4"}},
            {"type": "token", "text": "What do you "},
            {"type": "token", "text": "already know?"},
            {"type": "final", "text": "What do you already know?"},
        ]
        if body["message"] == "break":
            events = [{"type": "error", "message": "the model ran out of context"}]

        async def sse():
            for event in events:
                yield f"data: {json.dumps(event)}\n\n"

        return StreamingResponse(sse(), media_type="text/event-stream")

    async def upload(request: Request):
        if not authorised(request):
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        form = await request.form()
        data = await form["file"].read()
        received.append(("upload", len(data)))
        return JSONResponse({"image_id": "img123", "ocr_text": "3 + 4 = ?"})

    async def context(request: Request):
        if not authorised(request):
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        if request.method == "POST":
            received.append(("context", await request.json()))
            return JSONResponse({"ok": True})
        return JSONResponse({"subject": "math", "chunks": [{"text": "Fractions are parts of a whole.", "book": "Our lessons",
                                                              "section": "Fractions", "page": 1, "score": 0.7}]})

    return Starlette(routes=[Route("/chat", chat, methods=["POST"]), Route("/upload_image", upload, methods=["POST"]),
                             Route("/context", context, methods=["GET", "POST"])])


@pytest.fixture(scope="module")
def server():
    received: list = []
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(scripted_app(received), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if uv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", received
    uv.should_exit = True
    thread.join(timeout=5)


def app_for(monkeypatch, url: str, token: str = TOKEN) -> AppTest:
    monkeypatch.setenv("NANOTUTOR_SERVER", url)
    monkeypatch.setenv("NANOTUTOR_TOKEN", token)
    at = AppTest.from_file(UI, default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.label for e in at.expander]
    return "\n".join(str(p) for p in parts)


def test_message_renders_streamed_reply_and_steps(server, monkeypatch):
    url, received = server
    at = app_for(monkeypatch, url)
    at.chat_input[0].set_value("How do plants make food?").run()
    assert not at.exception, at.exception
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    text = all_text(at)
    assert "What do you already know?" in text
    labels = [e.label for e in at.expander]
    assert any(label.startswith("Textbook passages") for label in labels)
    assert any(label.startswith("Tool call: calculator") for label in labels)
    assert any(label.startswith("Hint stage") for label in labels)
    body = [b for kind, b in received if kind == "chat"][-1]
    assert body["message"] == "How do plants make food?" and body["subject"] == "math" and body["stream"] is True
    # The reply is kept apart from the steps: the reply's markdown holds no tool-call JSON.
    reply_md = [m.value for m in at.chat_message[1].markdown]
    assert "What do you already know?" in reply_md
    assert not at.error


def test_subject_and_font_size_take_effect(server, monkeypatch):
    url, received = server
    at = app_for(monkeypatch, url)
    at.selectbox(key="subject_select").set_value("Science").run()
    assert ("context", {"session_id": at.session_state.session_id, "subject": "science"}) in received
    at.radio(key="font").set_value("Extra large").run()
    at.toggle(key="high_contrast").set_value(True).run()
    css = "\n".join(m.value for m in at.markdown if m.value.startswith("<style>"))
    assert "font-size: 26px" in css and "background: #000" in css
    at.chat_input[0].set_value("Why is the sky blue?").run()
    assert [b for kind, b in received if kind == "chat"][-1]["subject"] == "science"
    # Settings are kept for the session across reruns.
    at.run()
    assert at.session_state.font == "Extra large" and at.session_state.high_contrast is True


def test_upload_appears_on_the_right(server, monkeypatch):
    url, received = server
    at = app_for(monkeypatch, url)
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buf, format="PNG")
    at.file_uploader[0].upload("worksheet.png", buf.getvalue(), "image/png").run()
    assert not at.exception, at.exception
    assert at.session_state.image_id == "img123"
    assert len(at.image) == 1
    assert "3 + 4 = ?" in all_text(at)
    at.chat_input[0].set_value("Can you help with this?").run()
    assert [b for kind, b in received if kind == "chat"][-1]["image_id"] == "img123"


def test_server_errors_are_messages_not_tracebacks(server, monkeypatch):
    url, _ = server
    at = app_for(monkeypatch, url, token="wrong")
    at.chat_input[0].set_value("hello").run()
    assert not at.exception
    assert any("refused" in e.value for e in at.error)

    at = app_for(monkeypatch, url)
    at.chat_input[0].set_value("break").run()
    assert not at.exception
    assert any("ran out of context" in e.value for e in at.error)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    at = app_for(monkeypatch, dead)
    at.chat_input[0].set_value("hello").run()
    assert not at.exception
    assert any("not reachable" in e.value or "failed" in e.value for e in at.error)
