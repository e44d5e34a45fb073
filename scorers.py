"""Scorers shared by training, the tutor and evaluation: answer leaks, questions, tool calls, GSM8K answers.

Low in the flow (it imports tokenizer.py and common.py only, and no torch), so agent.py's leak guard, sft.py's
evaluation callbacks and eval.py's benchmarks all score with the same code.
- `leaks_answer(reply, answer, context="")`: does a tutor reply state the final answer (digits, number words, words)?
- `asks_or_next_step(reply)`: does the reply end with a question or a concrete next step for the student?
- `numbers_in(text)`: every number a reader would see, in digits, fractions or words
- `tool_call_validity(text, schemas)` / `tool_call_problems(text, schemas)`: every `<tool_call>` parses and matches
  a schema (name, required, types); `tool_call_accuracy(text, expected)`: the right calls (ours or BFCL ground truth)
- `extract_answer(text)`: the final number of a GSM8K-style solution ("#### 72", "the answer is 72", last number)
- `load_dev_prompts()`: the development set of student prompts (`data/eval/dev_prompts.jsonl`)

    .venv/bin/python -m pytest -q tests/test_eval_scorers.py
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from common import ROOT, read_jsonl
from toolcalls import call_problems, parse_tool_calls

DEV_PROMPTS = ROOT / "data" / "eval" / "dev_prompts.jsonl"
# ----------------------------------------------------------------------------- numbers in text

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SMALL = {w: i for i, w in enumerate(_UNITS)} | {w: 10 * i for i, w in enumerate(_TENS) if w != "_"}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                   "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
                   "tenth": 10, "tenths": 10}
_NUMBER_RE = re.compile(r"(?<![\w.])-?\d[\d,]*(?:\.\d+)?(?:\s*/\s*\d+)?")


def parse_number(token: str) -> float | None:
    """'1,250' -> 1250, '3/4' -> 0.75, '-2.5' -> -2.5; None when it is not a number."""
    token = token.replace(",", "").replace(" ", "")
    try:
        if "/" in token:
            num, den = token.split("/")
            return float(num) / float(den) if float(den) != 0 else None
        return float(token)
    except ValueError:
        return None


def _word_numbers(text: str) -> list[float]:
    """Numbers written in words: 'twenty-five' -> 25, 'three hundred and six' -> 306, 'three quarters' -> 0.75.

    Tutors and students spell numbers out, so a leak check on digits alone would miss "it's eighteen".
    """
    words = re.findall(r"[a-z]+", text.lower().replace("-", " "))
    values: list[float] = []
    total, current, active = 0, 0, False
    for i, word in enumerate(words):
        if word in _SMALL:
            current += _SMALL[word]
            active = True
        elif word in _SCALES and active:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word == "and" and active:
            continue
        elif word in _FRACTION_WORDS and active and current + total > 0:
            values.append((total + current) / _FRACTION_WORDS[word])
            total, current, active = 0, 0, False
        else:
            if active:
                values.append(total + current)
            total, current, active = 0, 0, False
            if word in ("half", "quarter") and (i == 0 or words[i - 1] in ("a", "one")):
                values.append(1 / _FRACTION_WORDS[word])
    if active:
        values.append(total + current)
    return values


def numbers_in(text: str) -> list[float]:
    """Every number a reader would see in `text`, in digits, fractions, percentages or words."""
    digits = [parse_number(m.group()) for m in _NUMBER_RE.finditer(text)]
    return [v for v in digits if v is not None] + _word_numbers(text)


def same_number(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


# ----------------------------------------------------------------------------- pedagogy scorers

def _normalise(text: str) -> str:
    """Lowercase, punctuation to spaces, articles dropped, so 'The Sun.' matches 'sun'."""
    text = re.sub(r"[^a-z0-9%/.\s-]", " ", text.lower().replace("'", ""))
    text = re.sub(r"(?<!\d)[.](?!\d)|-", " ", text)
    return " ".join(w for w in text.split() if w not in ("a", "an", "the"))


def leaks_answer(reply: str, answer: str | Sequence[str], context: str = "") -> bool:
    """True when the reply states the final answer (any of several accepted forms).

    Numeric answers match any number in the reply, in digits or words ("18", "18.0", "eighteen", "$18"),
    except numbers that already appear in `context` (the problem text): restating the question's own
    numbers is not a leak. Other answers match as whole words after normalisation.
    """
    answers = [answer] if isinstance(answer, str) else list(answer)
    given = numbers_in(context)
    seen = [v for v in numbers_in(reply) if not any(same_number(v, g) for g in given)]
    for ans in answers:
        value = parse_number(ans.strip().lstrip("$").rstrip("%"))
        if value is not None:
            if any(same_number(value, v) for v in seen) or _asserts_number(reply, value):
                return True
        elif _contains_phrase(reply, ans):
            return True
    return False


def _asserts_number(reply: str, value: float) -> bool:
    """'x = 5.' or 'so it is five': a statement that sets something equal to the value.

    This catches answers that also occur in the problem ('Solve 3x + 5 = 20'), which the plain number
    match must skip; questions ('Is it 5?') do not count, a tutor may ask about a student's number.
    """
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", reply):
        if sentence.strip().endswith("?"):
            continue
        for m in re.finditer(r"(?:=|\b(?:is|equals|makes|gives|gets?|got)\b)\s*\$?(.{0,30})", sentence, flags=re.I):
            found = numbers_in(m.group(1))
            if found and same_number(found[0], value):
                return True
    return False


def _contains_phrase(text: str, phrase: str) -> bool:
    needle = _normalise(phrase)
    return bool(needle) and re.search(rf"(?<![\w]){re.escape(needle)}(?![\w])", _normalise(text)) is not None


# Openings of a sentence that tells the student what to do next (an imperative or an explicit next step).
_NEXT_STEP = re.compile(
    r"^(?:now |so |next,? |first,? |then,? |as a next step,? |your next step is (?:to )?|next step:? |please )?"
    r"(?:try|start|begin|think|let'?s|write|look|count|draw|compare|check|find|work|multiply|add|subtract|"
    r"divide|read|reread|re-read|underline|circle|list|tell me|show me|explain|describe|take|pick|choose|"
    r"estimate|sketch|label|imagine|picture|use|plug|substitute|simplify|solve|calculate|figure|share|"
    r"give it a try|have a go|see if|make|fill|name|predict|notice|focus|consider|remember|go back|set up|"
    r"break|split|group|circle|highlight|skim|scan)\b"
)


def _last_sentence(reply: str) -> str:
    text = re.sub(r"<tool_call>.*?</tool_call>", " ", reply, flags=re.S).strip()
    text = text.rstrip(" \t\n\"')*_]😊🙂👍🌟✨")
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return parts[-1].strip().lstrip("-*•> ").strip() if parts else ""


def asks_or_next_step(reply: str) -> bool:
    """True when the reply ends with a question, or its last sentence gives the student a concrete next step."""
    last = _last_sentence(reply)
    if not last:
        return False
    if last.endswith("?"):
        return True
    return _NEXT_STEP.match(last.lower()) is not None


# ----------------------------------------------------------------------------- tool-call scorers

def tool_call_problems(text: str, schemas: Sequence[dict]) -> list[str]:
    """Why the tool calls in `text` are invalid ([] when all are valid; a missing call is a problem): toolcalls'
    one validator, the same one the agent's tools and the guided decoder use."""
    return call_problems(text, schemas)


def tool_call_validity(text: str, schemas: Sequence[dict]) -> bool:
    """True when `text` holds at least one tool call and every call parses and matches its schema."""
    return not tool_call_problems(text, schemas)


def _same_value(got: Any, want: Any) -> bool:
    """Numbers compare as numbers (2 == 2.0), strings ignore case and surrounding space, containers recurse."""
    if isinstance(want, bool) or isinstance(got, bool):
        return got is want
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return same_number(float(got), float(want))
    if isinstance(want, str) and isinstance(got, str):
        return got.strip().lower() == want.strip().lower()
    if isinstance(want, list) and isinstance(got, list):
        return len(got) == len(want) and all(_same_value(g, w) for g, w in zip(got, want))
    if isinstance(want, dict) and isinstance(got, dict):
        return got.keys() == want.keys() and all(_same_value(got[k], want[k]) for k in want)
    return False


def _matches_ours(call: Any, want: dict) -> bool:
    args = call.arguments if isinstance(call.arguments, dict) else {}
    return call.name == want["name"] and _same_value(args, want.get("arguments", {}))


def _matches_bfcl(call: Any, want: dict) -> bool:
    """BFCL ground truth: {fname: {arg: [accepted values...]}}; "" among them means the argument may be left out."""
    (name, accepted), = want.items()
    args = call.arguments if isinstance(call.arguments, dict) else {}
    if call.name != name or set(args) - set(accepted):
        return False
    for arg, options in accepted.items():
        if arg not in args:
            if "" not in options:
                return False
        elif not any(_same_value(args[arg], o) for o in options if o != ""):
            return False
    return True


def tool_call_accuracy(text: str, expected: dict | Sequence[dict]) -> bool:
    """True when the calls in `text` are exactly the expected ones, in any order.

    `expected` is one call or a list: ours `{"name", "arguments"}` (exact values) or BFCL's ground truth
    `{fname: {arg: [accepted values]}}`.
    """
    wanted = [expected] if isinstance(expected, dict) else list(expected)
    calls = [c for c in parse_tool_calls(text) if not getattr(c, "error", None)]
    if len(calls) != len(wanted) or len(calls) != len(parse_tool_calls(text)):
        return False
    remaining = list(calls)
    for want in wanted:
        match = _matches_ours if "name" in want else _matches_bfcl
        hit = next((c for c in remaining if match(c, want)), None)
        if hit is None:
            return False
        remaining.remove(hit)
    return True


# ----------------------------------------------------------------------------- GSM8K answers

def canonical_number(number: str) -> str:
    value = parse_number(number)
    if value is None:
        return number
    return str(int(value)) if value == int(value) else str(value)


def extract_answer(text: str) -> str | None:
    """The final answer of a GSM8K-style solution as a canonical number string ('1,000.00' -> '1000'), or None."""
    number = r"\$?(-?[\d,]*\.?\d+)"
    for pattern in (rf"####\s*{number}", rf"answer is:?\s*{number}", rf"\\boxed\{{{number}\}}"):
        hits = re.findall(pattern, text, flags=re.I)
        if hits:
            return canonical_number(hits[-1])
    hits = re.findall(r"-?\d[\d,]*(?:\.\d+)?", text)
    return canonical_number(hits[-1].rstrip(",")) if hits else None


# ----------------------------------------------------------------------------- the development set

def load_dev_prompts(path: str | Path = DEV_PROMPTS) -> list[dict]:
    """Student prompts with known answers: {id, subject, kind (normal, pushy, injection, check), prompt, answer,
    accept}."""
    return [record for _, record in read_jsonl(path, ("id", "subject", "kind", "prompt", "answer"))]

