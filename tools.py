"""The tutor's tools: plain functions whose JSON schemas live in data/tools.json (textbook search, hints, image
description here; exact answer checking and the calculator are mathcheck.py's functions of those names), and the
validated dispatch of a call a model wrote.

`Toolbox.functions()` finds each schema's function by name, so a new tool is its schema plus its function, nothing
else. agent.py's Tutor calls tools through a Toolbox (each call reported as tool_call / tool_result events);
mcp_server.py serves the same tools over MCP. Why a room of its own: the tools are a concern apart from the turn
policy (they read the index, an image, mathcheck.py), and agent.py, the turn's flow, stays readable top to bottom.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mathcheck
from common import ROOT
from mathcheck import MathError, math_spans
from toolcalls import argument_problems
from wording import hint_text, sanitise_retrieved

TOOLS_JSON = ROOT / "data" / "tools.json"


class ToolError(ValueError):
    """A bad tool call: unknown tool or invalid arguments. The message is written for the model to recover."""


def load_tool_schemas(path: Path = TOOLS_JSON) -> dict[str, dict[str, Any]]:
    """data/tools.json (a list of {"type": "function", "function": {...}}) as {name: function schema}."""
    try:
        items = json.loads(Path(path).read_text())
    except (OSError, json.JSONDecodeError) as e:
        raise ToolError(f"cannot read tool schemas {path}: {e}") from e
    return {item["function"]["name"]: item["function"] for item in items}


def validate_arguments(schema: dict[str, Any], arguments: Any) -> None:
    """Check a call's arguments against its JSON schema (toolcalls.argument_problems); raise its first problem."""
    problems = argument_problems(schema["parameters"], arguments, schema["name"])
    if problems:
        raise ToolError(problems[0])


class Toolbox:
    """The tutor's tools as plain functions, plus validated dispatch for calls written by a model."""

    def __init__(self, retriever: Any = None, schemas: dict[str, dict[str, Any]] | None = None):
        self.retriever = retriever
        self.schemas = schemas if schemas is not None else load_tool_schemas()

    def search_textbook(self, query: str, subject: str | None = None) -> dict[str, Any]:
        """Top-3 textbook passages for a query, optionally within one subject; injected instructions removed."""
        if self.retriever is None:
            raise ToolError("search_textbook: no textbook index is loaded (build one with ingest.py)")
        hits = self.retriever.search(query, k=3, subject=subject)
        keep = ("text", "score", "book", "chapter", "section", "page", "subject", "kind")
        return {"chunks": [{**{k: h.get(k) for k in keep}, "text": sanitise_retrieved(h.get("text", ""))}
                           for h in hits]}

    def get_hint(self, problem: str, level: int, subject: str = "math") -> dict[str, Any]:
        """The hint ladder for a problem: level 1 gentle .. 3 specific; science/reading hints quote the textbook."""
        snippet = ""
        if subject != "math" and level >= 2 and self.retriever is not None:
            # An exercise is a question, not a hint, and may carry its answer: quote any other kind of passage.
            chunks = [c for c in self.search_textbook(problem, subject)["chunks"] if c.get("kind") != "exercise"]
            snippet = first_sentence(chunks[0]["text"]) if chunks else ""
        return {"level": level, "hint": hint_text(problem, level, subject, snippet)}

    @staticmethod
    def describe_image(ocr_text: str = "", caption: str = "", labels: list[str] | None = None) -> dict[str, Any]:
        """Describe an uploaded image from its OCR text and, where available, vision.py's caption and labels."""
        text = " ".join(ocr_text.split())
        if not (text or caption.strip() or labels):
            raise MathError("describe_image needs ocr_text, caption or labels")
        parts = []
        if caption.strip():
            parts.append(f"The picture shows {caption.strip().rstrip('.')}.")
        if labels:
            parts.append("Things detected: " + ", ".join(labels[:10]) + ".")
        if text:
            parts.append(f"The text in the image reads: \"{text[:600]}\"")
        spans = math_spans(text)
        if spans:
            parts.append(f"It contains the math: {spans[0]}.")
        return {"description": " ".join(parts), "math": spans[:3], "has_text": bool(text)}

    def functions(self) -> dict[str, Callable[..., dict[str, Any]]]:
        """Each tool of data/tools.json by its name: a method here (tools that read the index or an image), else the
        exact-math function of that name in mathcheck.py. A new tool is its schema plus its function, nothing else."""
        found = {name: getattr(self, name, None) or getattr(mathcheck, name, None) for name in self.schemas}
        missing = [name for name, fn in found.items() if not callable(fn)]
        if missing:
            raise ToolError(f"{TOOLS_JSON.name} names tool(s) with no function: {', '.join(missing)} "
                            "(write a Toolbox method or a mathcheck.py function of that name)")
        return found

    def call(self, name: str, arguments: Any) -> dict[str, Any]:
        """Validate and run one call; any problem comes back as {"error": ...} so the model can try again."""
        try:
            if name not in self.schemas:
                raise ToolError(f"unknown tool {name!r}; available: {', '.join(self.schemas)}")
            validate_arguments(self.schemas[name], arguments)
            return self.functions()[name](**arguments)
        except (ToolError, MathError) as e:
            return {"error": str(e)}


def first_sentence(text: str, limit: int = 200) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return sentence[:limit]
