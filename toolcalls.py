"""Tool calls: their syntax, the one argument validator, and schema-guided decoding.

What it supports
- the syntax SmolLM2's chat template teaches: tool schemas in the system turn (`tools_block`), calls written as
  `<tool_call>{"name": ..., "arguments": {...}}</tool_call>` (`format_tool_call`), read back by `parse_tool_calls`
  (malformed calls carry an `error`); `tool_index(tools)`: name -> parameters, plain or OpenAI-style schemas
- `argument_problems(params, arguments)`: THE validator of a call's arguments against its JSON schema (required,
  unknown, type, enum, length, range, array items), used by agent.py's tools, eval.py's scorers and, as a grammar,
  by the guided decoder below; `call_problems(text, tools)` checks every call in a reply
- `tool_call_guide(tok, tools)`: schema-guided decoding (model.generate's `allow=`): a call can only be written as
  valid JSON that `argument_problems` accepts (`CallPrefix` reads a prefix against the same rules)

Schema semantics, decided once. Types are JSON Schema's plus BFCL's spellings (float, tuple, dict, any); `true` is a
boolean, never an integer. `minLength` counts the characters that remain once surrounding whitespace is stripped
(a query of spaces is as empty as no query); `maxLength` counts every character.

This file imports nothing of ours: tokenizer.py renders calls with `format_tool_call` and `tools_block`, and the
guide reads a tokenizer only through its `decode`, `stop_ids` and `special`.

Run
    .venv/bin/python -m pytest -q tests/test_tool_guide.py tests/test_eval_scorers.py -k "tool or call"
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

TOOL_CALL_RE = re.compile(r"<tool_call>(.*?)(</tool_call>|$)", re.S)


# ============================================================================= syntax

@dataclass
class ToolCall:
    """One `<tool_call>` block: a name and its arguments, or an `error` saying what was malformed."""

    name: str | None
    arguments: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    raw: str = ""


def format_tool_call(name: str, arguments: dict[str, Any]) -> str:
    return "<tool_call>" + json.dumps({"name": name, "arguments": arguments}, ensure_ascii=False) + "</tool_call>"


def parse_tool_calls(text: str) -> list[ToolCall]:
    """Every `<tool_call>{"name": ..., "arguments": {...}}</tool_call>` in `text`, in order; malformed ones carry
    `error`."""
    calls = []
    for m in TOOL_CALL_RE.finditer(text):
        raw = m.group(1).strip()
        if not m.group(2):
            calls.append(ToolCall(None, error="unterminated <tool_call> (no </tool_call>)", raw=raw))
            continue
        calls.append(parse_one_call(raw))
    return calls


def parse_one_call(raw: str) -> ToolCall:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as e:
        return ToolCall(None, error=f"malformed JSON in <tool_call>: {e.msg} at char {e.pos}", raw=raw)
    if not isinstance(obj, dict):
        return ToolCall(None, error=f"<tool_call> must hold a JSON object, got {type(obj).__name__}", raw=raw)
    name = obj.get("name")
    if not isinstance(name, str) or not name:
        return ToolCall(None, error="<tool_call> has no \"name\" (a non-empty string)", raw=raw)
    args = obj.get("arguments", {})
    if isinstance(args, str):  # OpenAI style: arguments as a JSON string
        try:
            args = json.loads(args)
        except json.JSONDecodeError as e:
            return ToolCall(name, error=f"\"arguments\" string of {name!r} is not JSON: {e.msg}", raw=raw)
    if not isinstance(args, dict):
        return ToolCall(name, error=f"\"arguments\" of {name!r} must be an object, got {type(args).__name__}", raw=raw)
    return ToolCall(name, args, raw=raw)


def tools_block(tools: list[dict]) -> str:
    """The tool schemas as they appear in the system turn."""
    return ("\n\n# Tools\n\nYou may call one or more functions. Their JSON schemas are inside <tools></tools>:\n<tools>"
            + json.dumps(tools, ensure_ascii=False)
            + "</tools>\n\nTo call a function, reply with <tool_call>{\"name\": <function-name>, \"arguments\": "
              "<args-json-object>}</tool_call>; its result comes back in a `tool` turn.")


# ============================================================================= validation

# JSON-schema types and the BFCL spellings of them, mapped to the Python types a parsed JSON value can have.
TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "integer": (int,), "number": (int, float), "float": (int, float), "boolean": (bool,),
    "array": (list,), "tuple": (list,), "object": (dict,), "dict": (dict,),
}


def argument_problems(params: dict, arguments: Any, name: str = "") -> list[str]:
    """Why `arguments` do not fit a tool's `parameters` schema ([] when they do), each problem prefixed by `name`."""
    if not isinstance(arguments, dict):
        return [f"{name}: arguments must be a JSON object, got {type(arguments).__name__}"]
    props = params.get("properties", {})
    missing = [key for key in params.get("required", []) if key not in arguments]
    problems = [f"{name}: missing required argument(s) {', '.join(missing)}"] if missing else []
    for key, value in arguments.items():
        if key not in props:
            problems.append(f"{name}: unknown argument {key!r}; expected one of {', '.join(props)}")
        elif (problem := value_problem(f"{name}.{key}", props[key], value)) is not None:
            problems.append(problem)
    return problems


def value_problem(where: str, spec: Any, value: Any) -> str | None:
    """The first way `value` breaks its schema `spec`, or None. An unknown type is a broken schema: ValueError."""
    spec = spec if isinstance(spec, dict) else {}
    kind = spec.get("type")
    if kind not in (None, "any") and kind not in TYPES:
        raise ValueError(f"tool schema: unknown parameter type {kind!r} at {where}")
    if kind in TYPES and (not isinstance(value, TYPES[kind]) or (isinstance(value, bool) and kind != "boolean")):
        return f"{where}: expected {kind}, got {json.dumps(value)[:40]}"
    if "enum" in spec and value not in spec["enum"]:
        return f"{where}: must be one of {spec['enum']}, got {value!r}"
    if isinstance(value, str) and len(value.strip()) < spec.get("minLength", 0):
        if spec["minLength"] == 1:
            return f"{where}: must not be empty"
        return f"{where}: shorter than {spec['minLength']} characters (surrounding spaces not counted)"
    if isinstance(value, str) and len(value) > spec.get("maxLength", len(value)):
        return f"{where}: longer than {spec['maxLength']} characters"
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if number and not spec.get("minimum", value) <= value <= spec.get("maximum", value):
        return f"{where}: must be between {spec.get('minimum')} and {spec.get('maximum')}, got {value}"
    if isinstance(value, list):
        return next((p for i, item in enumerate(value)
                     if (p := value_problem(f"{where}[{i}]", spec.get("items"), item)) is not None), None)
    return None


def call_problems(text: str, tools: Sequence[dict]) -> list[str]:
    """Why the tool calls in `text` are invalid ([] when they are all valid; a missing call is a problem)."""
    calls = parse_tool_calls(text)
    if not calls:
        return ["no <tool_call> found"]
    index, problems = tool_index(list(tools)), []
    for call in calls:
        if call.error:
            problems.append(f"malformed call: {call.error}")
        elif call.name not in index:
            problems.append(f"unknown function {call.name!r}")
        else:
            problems += argument_problems(index[call.name], call.arguments, call.name)
    return problems


# ============================================================================= guided tool calls

class Incomplete(Exception):
    """The text ended inside a value that may still become valid."""


class Invalid(Exception):
    """The text can no longer become a valid call, whatever follows."""


MAX_SPACE = 4
MAX_NUMBER = 24  # characters; float64 needs at most 17 significant digits
SHORT_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
NUMBER_RE = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?")
INTEGER_RE = re.compile(r"-?(0|[1-9]\d*)")


class CallPrefix:
    """Recursive descent over the text after `<tool_call>`: `call()` returns when a complete call was read, raises
    Incomplete when the text is a prefix of a valid one, Invalid when it is not. "Valid" is what `call_problems`
    and `argument_problems` accept, read as a grammar: `{"name": <a tool's name>, "arguments": {...}}` with only known
    arguments, every required one, each of its type, enum, length (minLength as value_problem counts it) and range.
    Two limits of its own keep a model from running on: whitespace runs (MAX_SPACE) and numbers (MAX_NUMBER)."""

    def __init__(self, text: str, tools: dict[str, dict]):
        self.s, self.i, self.tools = text, 0, tools

    def call(self) -> None:
        self.expect("{")
        self.key(["name"])
        name = self.string(choices=list(self.tools))
        self.expect(",")
        self.key(["arguments"])
        self.arguments(self.tools[name])
        self.expect("}")

    # ------------------------------------------------------------------ pieces
    def peek(self) -> str:
        """The next character that is not whitespace. A run of whitespace is capped: without a cap a model can pad
        a call with spaces until it runs out of tokens (json.dumps writes one space; an indented line needs more)."""
        start = self.i
        while self.i < len(self.s) and self.s[self.i] in " \t\n\r":
            self.i += 1
        if self.i - start > MAX_SPACE:
            raise Invalid(f"more than {MAX_SPACE} whitespace characters in a row")
        if self.i == len(self.s):
            raise Incomplete()
        return self.s[self.i]

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise Invalid(f"expected {char!r} at {self.i}")
        self.i += 1

    def key(self, allowed: list[str]) -> str:
        name = self.string(choices=allowed)
        self.expect(":")
        return name

    def string(self, choices: list[str] | None = None, min_len: int = 0, max_len: int | None = None) -> str:
        """A JSON string; with `choices` it must be one of them (and while incomplete, a prefix of one)."""
        self.expect('"')
        out, s, start = [], self.s, self.i
        while True:
            if s.endswith("tool_call>", start, self.i):  # would end or restart the call for parse_tool_calls
                raise Invalid("a tool-call tag inside a string")
            if choices is not None and not any(c.startswith("".join(out)) for c in choices):
                raise Invalid(f"no allowed string starts with {''.join(out)!r}")
            if max_len is not None and len(out) > max_len:
                raise Invalid("string longer than maxLength")
            if max_len is not None and min_len - len("".join(out).strip()) > max_len - len(out):
                raise Invalid("no room left for minLength's characters")  # e.g. only spaces up to maxLength
            if self.i < len(s) and s[self.i] == "\\" and self.i + 1 == len(s):  # a lone backslash at the end
                if choices is not None and not any(c[len(out):len(out) + 1] in SHORT_ESCAPES.values() for c in choices):
                    raise Invalid("no allowed string goes on with an escaped character")
                raise Incomplete()
            if self.i >= len(s):
                raise Incomplete()
            c = s[self.i]
            if c == '"':
                self.i += 1
                value = "".join(out)
                if (choices is not None and value not in choices) or len(value.strip()) < min_len:  # as value_problem
                    raise Invalid(f"string {value!r} is not allowed here")
                return value
            if c < " ":
                raise Invalid("raw control character in a string")
            if c == "\\":
                c, step = self.escape(unicode=choices is None)
                self.i += step
            else:
                self.i += 1
            out.append(c)

    def escape(self, unicode: bool) -> tuple[str, int]:
        """The character of the escape at self.i, and its length. Strings that must be one of a few choices take no
        \\u escapes: a half-written one cannot be checked against the choices, and could lead nowhere."""
        s, i = self.s, self.i
        kind = s[i + 1]
        if kind in SHORT_ESCAPES:
            return SHORT_ESCAPES[kind], 2
        if kind != "u" or not unicode:
            raise Invalid(f"escape \\{kind} not allowed here")
        digits = s[i + 2: i + 6]
        if not all(d in "0123456789abcdefABCDEF" for d in digits):
            raise Invalid("bad \\u escape")
        if len(digits) < 4:
            raise Incomplete()
        return chr(int(digits, 16)), 6

    def number(self, integer: bool, spec: dict) -> float:
        start = self.i
        while self.i < len(self.s) and self.s[self.i] in "+-.eE0123456789":
            self.i += 1
        text = self.s[start: self.i]
        pattern = INTEGER_RE if integer else NUMBER_RE
        if len(text) > MAX_NUMBER or (len(text) == MAX_NUMBER and not pattern.fullmatch(text)):
            raise Invalid(f"a number of more than {MAX_NUMBER} characters")  # a model can repeat a digit forever
        if self.i == len(self.s):  # the number may go on: is it the start of one that can still fit the range?
            if not (pattern.fullmatch(text) or pattern.fullmatch(text + "0")):
                raise Invalid(f"{text!r} does not start a number")
            if text == "-" and spec.get("minimum", -1) > 0:
                raise Invalid("a negative number is below the minimum")  # "-" only starts numbers below zero
            if integer and text not in ("", "-"):  # more digits only move an integer away from zero
                value = int(text)
                if value > spec.get("maximum", value) or value < spec.get("minimum", value):
                    raise Invalid(f"{text} is already out of range")
            raise Incomplete()
        if not pattern.fullmatch(text):
            raise Invalid(f"{text!r} is not {'an integer' if integer else 'a number'}")
        value = float(text)
        if not spec.get("minimum", value) <= value <= spec.get("maximum", value):
            raise Invalid(f"{text} is out of range")
        return value

    def literal(self, words: list[str]) -> None:
        self.peek()
        for word in words:
            got = self.s[self.i: self.i + len(word)]
            if word.startswith(got):
                if len(got) < len(word):
                    raise Incomplete()
                self.i += len(word)
                return
        raise Invalid(f"expected one of {words}")

    # ------------------------------------------------------------------ values by schema
    def value(self, spec: Any) -> None:
        spec = spec if isinstance(spec, dict) else {}
        kind = spec.get("type")
        if "enum" in spec:
            self.enum(spec["enum"])
        elif kind == "string":
            self.string(min_len=spec.get("minLength", 0), max_len=spec.get("maxLength"))
        elif kind in ("integer", "number", "float"):
            self.peek()
            self.number(kind == "integer", spec)
        elif kind == "boolean":
            self.literal(["true", "false"])
        elif kind in ("array", "tuple"):
            self.array(spec.get("items"))
        elif kind in ("object", "dict"):
            if self.peek() != "{":
                raise Invalid("expected an object")
            self.arguments(spec) if "properties" in spec else self.any()
        else:
            self.any()

    def enum(self, options: list[Any]) -> None:
        """One of `options`. Strings go through string(); other values are matched as their json.dumps text, so a
        half-written one is checked as a prefix (reading any number and judging it when complete could lead to a
        dead end: with options 1 and 2, "3" can only grow)."""
        if all(isinstance(o, str) for o in options):
            self.string(choices=options)
            return
        self.peek()
        rest = self.s[self.i:]
        for text in sorted((json.dumps(o) for o in options), key=len, reverse=True):
            if rest.startswith(text) and len(rest) > len(text) and rest[len(text)] in ",}] \t\n\r":
                self.i += len(text)
                return
        if any(text.startswith(rest) for text in map(json.dumps, options)):
            raise Incomplete()
        raise Invalid("value outside its enum")

    def arguments(self, spec: dict) -> None:
        """An object whose keys are the schema's properties, each at most once, closing only once every required
        one is there."""
        props, required = spec.get("properties", {}), set(spec.get("required", []))
        self.expect("{")
        seen: set[str] = set()
        while True:
            remaining = [k for k in props if k not in seen]
            if self.peek() == "}":
                if not required <= seen:
                    raise Invalid(f"missing required {sorted(required - seen)}")
                self.i += 1
                return
            if not remaining:  # a "," now would lead nowhere
                raise Invalid("every argument is already given")
            if seen:
                self.expect(",")
            name = self.key(remaining)
            self.value(props[name])
            seen.add(name)

    def array(self, items: Any) -> None:
        self.expect("[")
        first = True
        while self.peek() != "]":
            if not first:
                self.expect(",")
            self.value(items)
            first = False
        self.i += 1

    def any(self) -> None:
        """Any JSON value."""
        c = self.peek()
        if c == '"':
            self.string()
        elif c == "{":
            self.i += 1
            first = True
            while self.peek() != "}":
                if not first:
                    self.expect(",")
                self.string()
                self.expect(":")
                self.any()
                first = False
            self.i += 1
        elif c == "[":
            self.array(None)
        elif c in "-0123456789":
            self.number(False, {})
        else:
            self.literal(["true", "false", "null"])


def tool_index(tools: list[dict]) -> dict[str, dict]:
    """name -> parameters schema, from plain `{name, parameters}` or OpenAI-style `{type: function, function: {...}}`;
    ValueError names the first part of a schema the guide could not follow."""
    index = {}
    for i, tool in enumerate(tools):
        spec = tool.get("function", tool) if isinstance(tool, dict) else None
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
            raise ValueError(f"tools[{i}]: expected an object with a string \"name\"")
        index[spec["name"]] = spec.get("parameters") or {}
        check_schema(index[spec["name"]], f"tools[{i}] ({spec['name']}) parameters")
    return index


def check_schema(spec: Any, where: str) -> None:
    """The parts of a JSON schema CallPrefix reads must have the right shapes (a request's tools are user input)."""
    if not isinstance(spec, dict):
        raise ValueError(f"{where}: expected an object")
    kinds = {"properties": dict, "required": list, "enum": list, "minLength": int, "maxLength": int,
             "minimum": (int, float), "maximum": (int, float)}
    for key, kind in kinds.items():
        if key in spec and (not isinstance(spec[key], kind) or isinstance(spec[key], bool)):
            raise ValueError(f"{where}.{key}: expected {getattr(kind, '__name__', 'a number')}")
    if not all(isinstance(r, str) for r in spec.get("required", [])):
        raise ValueError(f"{where}.required: expected names")
    for name, sub in spec.get("properties", {}).items():
        check_schema(sub, f"{where}.properties.{name}")
    if isinstance(spec.get("items"), dict):
        check_schema(spec["items"], f"{where}.items")


def tool_calls_on_track(text: str, tools: dict[str, dict]) -> bool:
    """Can `text` (a reply so far) still end with every `<tool_call>` in it valid? Text outside calls is free."""
    start = text.find("<tool_call>")
    while start >= 0:
        body = text[start + len("<tool_call>"):]
        reader = CallPrefix(body, tools)
        try:
            reader.call()
        except Incomplete:
            return True
        except Invalid:
            return False
        rest = body[reader.i:]
        gap = len(rest) - len(rest.lstrip(" \t\n\r"))  # JSON's whitespace only (str.isspace takes more)
        rest = rest[gap:]
        if gap > MAX_SPACE or not ("</tool_call>".startswith(rest) or rest.startswith("</tool_call>")):
            return False
        start = text.find("<tool_call>", start + len("<tool_call>") + reader.i)
    return True


def tool_call_guide(tok: Any, tools: list[dict]) -> Callable[[list[int], int], bool]:
    """`allowed(generated, candidate)` for model.generate's `allow=`: may the reply so far take this token? Outside a
    tool call anything goes; inside one the JSON must stay a prefix of a call that fits `tools` (schema-guided
    decoding, like llama.cpp's grammars or Outlines), and the reply may not end before the call is closed."""
    index = tool_index(tools)
    special = set(tok.stop_ids) | set(getattr(tok, "special", {}).values())

    def allowed(generated: list[int], candidate: int) -> bool:
        if candidate in special:  # ends the turn: not inside an open call
            text = tok.decode(generated)
            return "<tool_call>" not in text or text.rfind("</tool_call>") > text.rfind("<tool_call>")
        return tool_calls_on_track(tok.decode(generated + [candidate]), index)

    return allowed
