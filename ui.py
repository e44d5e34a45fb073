"""ui.py: the Streamlit page a student uses. It talks to serve.py over HTTP only.

Layout: the chat on the left (replies stream in as serve.py sends them); on the right the subject selector, an
image upload with preview (a photographed worksheet problem: the server reads its text), the textbook passages the
tutor retrieved, and display settings. The tutor's intermediate steps (retrieval hits, tool calls, hint stage) are
shown in collapsible sections, kept apart from the reply itself.

Accessibility: a font-size control and a high-contrast theme (both kept for the session), alt text on images,
widgets in reading order so keyboard focus moves chat -> subject -> upload -> settings.

Run it (serve.py must be running; `make demo` starts both and prints the URL and token):
    NANOTUTOR_SERVER=http://127.0.0.1:8000 NANOTUTOR_TOKEN=... streamlit run ui.py
"""
from __future__ import annotations

import json
import os
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import streamlit as st

from common import exit_on_help

SUBJECTS = ["Math", "Science", "Reading"]
STEP_TITLES = {"step": "Plan", "retrieval": "Textbook passages", "tool_call": "Tool call",
               "tool_result": "Tool result", "hint_stage": "Hint stage"}
FONT_SIZES = {"Normal": 16, "Large": 20, "Extra large": 26}
STEP_NAMES = {"plan": "Plan", "guard": "Guard: message checked for pressure or injected instructions",
              "solve": "Answer worked out privately (never shown)",
              "leak_guard": "Leak guard: a draft gave too much away"}
STAGE_HELP = {"elicit": "Finding out what you already know.", "probe": "Asking why you think so.",
              "hint": "A hint, from gentle to specific.", "check": "Checking your answer without revealing it.",
              "summary": "Summing up what you found."}


class ServerError(Exception):
    """A failure talking to serve.py, already phrased for a student to read."""


@dataclass
class Client:
    """A thin HTTP client for serve.py's API (see docs/architecture.md)."""

    base_url: str
    token: str
    timeout: float = 120.0

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def _explain(self, response: httpx.Response) -> ServerError:
        if response.status_code == 401:
            return ServerError("The tutor server refused this page's access token. Ask your teacher for a valid token.")
        if response.status_code == 503:
            return ServerError("The tutor is still loading its model. Please try again in a few seconds.")
        if response.status_code == 429:
            return ServerError("Too many messages at once. Please wait a moment and try again.")
        try:
            detail = response.json().get("error") or response.json().get("detail")
        except (ValueError, AttributeError):
            detail = None
        return ServerError(f"The tutor server could not handle that ({response.status_code}): "
                           f"{detail or response.reason_phrase}")

    def _request(self, method: str, path: str, **kwargs) -> dict:
        try:
            response = httpx.request(method, self.base_url + path, headers=self._headers(), timeout=self.timeout,
                                     **kwargs)
        except httpx.HTTPError as e:
            raise ServerError(f"The tutor server at {self.base_url} is not reachable ({type(e).__name__}). "
                              "Is it running? `make demo` starts it.") from e
        if response.status_code >= 400:
            raise self._explain(response)
        return response.json()

    def chat(self, session_id: str, message: str, subject: str, image_id: str | None) -> Iterator[dict]:
        """Stream the tutor's events (token, step, retrieval, tool_call, tool_result, hint_stage, final, error)."""
        body = {"session_id": session_id, "message": message, "subject": subject.lower(), "stream": True}
        if image_id:
            body["image_id"] = image_id
        try:
            with httpx.stream("POST", self.base_url + "/chat", json=body, headers=self._headers(),
                              timeout=self.timeout) as response:
                if response.status_code >= 400:
                    response.read()
                    raise self._explain(response)
                for line in response.iter_lines():
                    if line.startswith("data:"):
                        yield json.loads(line[5:].strip())
        except httpx.HTTPError as e:
            raise ServerError(f"The connection to the tutor server at {self.base_url} failed ({type(e).__name__}). "
                              "Is it running? `make demo` starts it.") from e

    def upload_image(self, name: str, data: bytes, mime: str) -> dict:
        return self._request("POST", "/upload_image", files={"file": (name, data, mime)})

    def context(self, session_id: str) -> dict:
        return self._request("GET", "/context", params={"session_id": session_id})

    def set_subject(self, session_id: str, subject: str) -> dict:
        return self._request("POST", "/context", json={"session_id": session_id, "subject": subject.lower()})


@dataclass
class Turn:
    """One message in the conversation, with the tutor's steps kept apart from its reply."""

    role: str
    text: str
    steps: list[dict] = field(default_factory=list)
    image_id: str | None = None


def read_token() -> str:
    """The access token: $NANOTUTOR_TOKEN, else the file $NANOTUTOR_TOKEN_FILE (make demo writes out/token)."""
    token = os.environ.get("NANOTUTOR_TOKEN", "").strip()
    if not token and os.environ.get("NANOTUTOR_TOKEN_FILE"):
        try:
            token = open(os.environ["NANOTUTOR_TOKEN_FILE"]).read().split()[0]
        except (OSError, IndexError):
            token = ""
    return token


def theme_css(font_px: int, high_contrast: bool) -> str:
    """CSS for the chosen font size and theme; high contrast is white on black with yellow focus rings."""
    css = f"html, body, [class*='st-'], .stMarkdown, .stChatMessage p {{ font-size: {font_px}px !important; }}"
    if high_contrast:
        css += (
            ".stApp, .stApp header, [data-testid='stSidebar'], [data-testid='stBottomBlockContainer'] "
            "{ background: #000 !important; color: #fff !important; }"
            ".stApp * { color: #fff !important; border-color: #fff !important; }"
            ".stApp input, .stApp textarea { background: #000 !important; }"
            ".stApp a { color: #ffeb3b !important; text-decoration: underline !important; }"
            "*:focus, *:focus-visible { outline: 3px solid #ffeb3b !important; outline-offset: 2px; }"
        )
    else:
        css += "*:focus-visible { outline: 3px solid #1a73e8 !important; outline-offset: 2px; }"
    return f"<style>{css}</style>"


def describe_step(event: dict) -> tuple[str, str]:
    """A title and a short readable body for one intermediate step."""
    kind = event["type"]
    if kind == "retrieval":
        lines = [f"- **{c.get('book') or 'textbook'}**, {c.get('section') or c.get('chapter') or ''} "
                 f"(p. {c.get('page', '?')}, score {c.get('score', 0):.2f}): {c.get('text', '')[:240]}"
                 for c in event.get("chunks", [])]
        return STEP_TITLES[kind], "\n".join(lines) or "No passages found."
    if kind == "tool_call":
        return f"{STEP_TITLES[kind]}: {event.get('name')}", f"`{json.dumps(event.get('arguments', {}))}`"
    if kind == "tool_result":
        return f"{STEP_TITLES[kind]}: {event.get('name')}", f"`{json.dumps(event.get('result'))[:500]}`"
    if kind == "hint_stage":
        level = f", hint level {event['level']}" if event.get("level") else ""
        return f"{STEP_TITLES[kind]}: {event.get('stage')}{level}", STAGE_HELP.get(str(event.get("stage")), "")
    name = event.get("name", "")
    details = {k: v for k, v in event.items() if k not in ("type", "name", "why")}
    body = event.get("why") or ", ".join(f"{k}: {v}" for k, v in details.items())
    return STEP_NAMES.get(name, name.replace("_", " ").capitalize() or "Step"), body


def show_steps(steps: list[dict]) -> None:
    for event in steps:
        title, body = describe_step(event)
        with st.expander(title):
            st.markdown(body)


def init_state() -> None:
    defaults = {"session_id": uuid.uuid4().hex, "turns": [], "font": "Normal", "high_contrast": False,
                "subject": SUBJECTS[0], "image_id": None, "image_bytes": None, "image_name": None,
                "ocr_text": "", "uploaded_key": None, "error": None}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)


def stream_reply(client: Client, message: str, placeholder, steps_box) -> Turn:
    """Send the message and render tokens and steps as they arrive; returns the finished turn."""
    turn = Turn("assistant", "")
    for event in client.chat(st.session_state.session_id, message, st.session_state.subject, st.session_state.image_id):
        kind = event.get("type")
        if kind == "token":
            turn.text += event.get("text", "")
            placeholder.markdown(turn.text + " ▌")
        elif kind == "final":
            turn.text = event.get("text", turn.text)
        elif kind == "error":
            raise ServerError(f"The tutor hit a problem: {event.get('message', 'unknown error')}")
        elif kind in STEP_TITLES:
            turn.steps.append(event)
            with steps_box:
                show_steps([event])
    placeholder.markdown(turn.text)
    return turn


def chat_column(client: Client) -> None:
    st.subheader("Chat with your tutor")
    history = st.container()  # messages first, the input below them, in reading and focus order
    with history:
        for turn in st.session_state.turns:
            with st.chat_message(turn.role):
                if turn.steps:
                    st.caption("Tutor's steps")
                    show_steps(turn.steps)
                st.markdown(turn.text)
    if st.session_state.error:
        st.error(st.session_state.error)
    message = st.chat_input("Ask a question or share your thinking...")
    if not message:
        return
    st.session_state.error = None
    st.session_state.turns.append(Turn("user", message, image_id=st.session_state.image_id))
    with history:
        with st.chat_message("user"):
            st.markdown(message)
        with st.chat_message("assistant"):
            steps_box = st.container()
            with steps_box:
                st.caption("Tutor's steps")
            placeholder = st.empty()
            try:
                st.session_state.turns.append(stream_reply(client, message, placeholder, steps_box))
            except ServerError as e:
                st.session_state.turns.pop()
                st.session_state.error = str(e)
                st.error(str(e))
    st.rerun()  # redraw with the finished turn in history and the page's context panel up to date


def side_column(client: Client) -> None:
    st.subheader("Subject")
    subject = st.selectbox("Subject", SUBJECTS, index=SUBJECTS.index(st.session_state.subject), key="subject_select",
                           help="The tutor uses this subject's textbook passages and hints.")
    if subject != st.session_state.subject:
        st.session_state.subject = subject
        try:
            client.set_subject(st.session_state.session_id, subject)
        except ServerError as e:
            st.warning(str(e))

    st.subheader("Image")
    upload = st.file_uploader("Upload a photo of your problem", type=["png", "jpg", "jpeg", "webp"],
                              help="PNG, JPEG or WebP; the tutor reads the text in it.")
    if upload is not None and st.session_state.uploaded_key != upload.file_id:
        data = upload.getvalue()
        try:
            result = client.upload_image(upload.name, data, upload.type or "application/octet-stream")
            st.session_state.update(image_id=result["image_id"], image_bytes=data, image_name=upload.name,
                                    ocr_text=result.get("ocr_text", ""), uploaded_key=upload.file_id)
        except ServerError as e:
            st.error(str(e))
    if st.session_state.image_bytes:
        alt = f"Uploaded image {st.session_state.image_name}"
        if st.session_state.ocr_text:
            alt += f"; text read from it: {st.session_state.ocr_text[:200]}"
        st.image(st.session_state.image_bytes, caption=st.session_state.image_name, alt=alt)
        if st.session_state.ocr_text:
            st.caption(f"Text read from the image: {st.session_state.ocr_text[:300]}")

    st.subheader("Textbook context")
    try:
        chunks = client.context(st.session_state.session_id).get("chunks", [])
    except ServerError as e:
        chunks = []
        st.caption(str(e))
    if not chunks:
        st.caption("Passages the tutor looks up will appear here.")
    for chunk in chunks[:3]:
        title = f"{chunk.get('book') or 'Textbook'}: {chunk.get('section') or chunk.get('chapter') or ''}"
        with st.expander(title):
            st.markdown(chunk.get("text", ""))

    st.subheader("Display")
    st.radio("Font size", list(FONT_SIZES), key="font", horizontal=True)
    st.toggle("High contrast", key="high_contrast")


def main() -> None:
    exit_on_help(sys.argv[1:])
    st.set_page_config(page_title="nanotutor", page_icon="🎓", layout="wide")
    init_state()
    st.markdown(theme_css(FONT_SIZES[st.session_state.font], st.session_state.high_contrast), unsafe_allow_html=True)
    client = Client(os.environ.get("NANOTUTOR_SERVER", "http://127.0.0.1:8000").rstrip("/"), read_token())
    st.title("nanotutor")
    st.caption("A Socratic tutor: it asks questions and gives hints so that you find the answer yourself.")
    left, right = st.columns([2, 1], gap="large")
    with left:
        chat_column(client)
    with right:
        side_column(client)


if __name__ == "__main__":  # streamlit run executes this file as __main__
    main()
