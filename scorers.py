"""Scorers shared by training, the tutor and evaluation: answer leaks, questions, tool calls, GSM8K answers and the
tutoring-rubric checks.

Low in the flow (it imports tokenizer.py and common.py only, and no torch), so agent.py's leak guard, sft.py's
evaluation callbacks and eval.py's benchmarks all score with the same code.
- `leaks_answer(reply, answer, context="")`: does a tutor reply state the final answer (digits, number words, words)?
- `asks_or_next_step(reply)`: does the reply end with a question or a concrete next step for the student?
- `numbers_in(text)`: every number a reader would see, in digits, fractions or words
- `tool_call_validity(text, schemas)`: every `<tool_call>` parses and matches a schema (name, required, types;
  toolcalls.call_problems says why not); `tool_call_accuracy(text, expected)`: the right calls (ours or BFCL's)
- `extract_answer(text)`: the final number of a GSM8K-style solution ("#### 72", "the answer is 72", last number)
- `load_dev_prompts()`: the development set of student prompts (`data/eval/dev_prompts.jsonl`)
- tutoring-rubric checks on a reply to one case of `data/eval/tutor_cases.jsonl` (`load_tutor_cases(split=...)`),
  each a pure function a template cannot pass: `specific_content` (case numbers and terms beyond a tutor stop-list,
  echoes of the question not counted), `math_consistency` (every number and operation fits the case's steps),
  `engages_attempt`, `praises_wrong_step`, `leaks_case`; `rubric_checks(reply, case)` runs them all;
  `shared_replies(pairs)` counts replies and sentences repeated across cases; `RUBRIC` is the expert rubric's text

    .venv/bin/python -m pytest -q tests/test_eval_scorers.py tests/test_rubric_checks.py
"""
from __future__ import annotations

import ast
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
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


# an equation as written ("12 / 4 = 3", "3 − (−1) = 4"): the student's own, said back, states nothing new
_EQUATION = re.compile(r"[\d(][\d\s.,+\-−×÷*/()]*=\s*-?\d+(?:[.,]\d+)*")
_QUOTE = re.compile(r"[\"“]([^\"”]{8,})[\"”]")
# a question quoted whole ('that answers "What is 6 times x?"') asks, like any question: its "is 6" states nothing
_QUOTED_QUESTION = re.compile(r"[\"“][^\"”]*\?[\"”]")


def _signs(equation: str) -> str:
    """An equation as one string whatever signs wrote it: "12 ÷ 4 = 3" and "12 / 4 = 3" are one equation."""
    return re.sub(r"\s+", "", equation).translate(str.maketrans("÷×−", "/*-")).rstrip(".,")


def leaks_answer(reply: str, answer: str | Sequence[str], context: str = "") -> bool:
    """True when the reply states the final answer (any of several accepted forms).

    Numeric answers match any number in the reply, in digits or words ("18", "18.0", "eighteen", "$18"),
    except numbers that already appear in `context` (the problem text): restating the question's own
    numbers is not a leak. Other answers match as whole words after normalisation.
    """
    answers = [answer] if isinstance(answer, str) else list(answer)
    given = numbers_in(context)
    # the student's own "12 / 4 = 3", said back in other signs ("12 ÷ 4 = 3"), states nothing new
    theirs = {_signs(equation) for equation in _EQUATION.findall(context)}
    reply = _EQUATION.sub(lambda m: " " if _signs(m.group()) in theirs else m.group(), reply)
    # a sentence of the problem quoted back ('The problem says "The price is 20% off."') states nothing new either
    reply = _QUOTE.sub(lambda m: " " if m.group(1).strip(" .,?!") in context else m.group(), reply)
    seen = [v for v in numbers_in(reply) if not any(same_number(v, g) for g in given)]
    for ans in answers:
        value = parse_number(ans.strip().lstrip("$").rstrip("%"))
        if value is not None:
            if any(same_number(value, v) for v in seen) or _asserts_number(reply, value):
                return True
        elif _contains_phrase(reply, ans):
            return True
    return False


# a number followed by an operation on another ("3 − 9", "12 ÷ 4"): an expression, whose first number is no value
_EXPRESSION_START = re.compile(r"\s*-?\d+(?:[.,]\d+)?\s*[+\-−×÷*/]\s*\(?-?\d")


def _asserts_number(reply: str, value: float) -> bool:
    """'x = 5.' or 'so it is five': a statement that sets something equal to the value.

    This catches answers that also occur in the problem ('Solve 3x + 5 = 20'), which the plain number
    match must skip; questions ('Is it 5?') do not count, a tutor may ask about a student's number.
    """
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", _QUOTED_QUESTION.sub(" ", reply)):
        if sentence.strip().endswith("?"):
            continue
        for m in re.finditer(r"(?:=|\b(?:is|equals|makes|gives|gets?|got)\b)\s*\$?(.{0,30})", sentence, flags=re.I):
            found = numbers_in(m.group(1))
            if _EXPRESSION_START.match(m.group(1)):
                continue  # "2x = 3 − 9" sets 2x to a sum still to work out, not to 3
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

def tool_call_validity(text: str, schemas: Sequence[dict]) -> bool:
    """True when `text` holds at least one tool call and every call parses and matches its schema: toolcalls'
    one validator (`call_problems`, which says why not), the same one the agent's tools and the guided decoder use."""
    return not call_problems(text, schemas)


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


# ----------------------------------------------------------------------------- tutoring-rubric checks
# The rubric an expert grades each tutor reply with (data/eval/tutor_cases.jsonl, the tutor-evaluation issue). One
# text, used by eval.py's judge prompt and by the report; the automatic checks below approximate parts of it with
# rules a template cannot pass.

RUBRIC = {
    "correct": "nothing false or misleading (facts, arithmetic, suggested operations); no praise of a wrong step; "
               "no nonsense sentence.",
    "specific": "about *this* problem: uses its quantities, objects, terms or the passage, in a way that would not "
                "fit another problem.",
    "engages_attempt": "(only when the student showed a wrong attempt) points the student at the faulty step or "
                       "asks them to check exactly that step.",
    "no_leak": "does not state or give away the final answer.",
    "good_move": "an expert tutor would accept it as a good next move for this student: correct, specific enough "
                 "to help, leaves the thinking to the student, fits the request (for a teacher asking for a key, a "
                 "polite refusal plus an offer; for injection, staying a tutor).",
}
TUTOR_CASES = ROOT / "data" / "eval" / "tutor_cases.jsonl"
TUTOR_CASE_FIELDS = ("id", "subject", "split", "kind", "problem", "student_message", "answer", "steps", "evidence")

# Words any tutor reply may use about any problem: they make no reply specific. Function words, the tutor's own
# vocabulary (think, step, answer, sentence, ...) and the words of every question (many, much, each, total).
_GENERIC = set("""
a about above after again all also am an and any are aren around as ask at be because been before being below both
but by can could did do does doing done don down each either else even every few for from get gets getting give go
going got had has have having he her here hers him his how i if in into is isn it its itself just let lets like
made make makes many may me might more most much must my need needs no nor not now of off on once one only or other
our out over own part same say says see she should so some such than that thats the their them then there these
they thing things this those though through to too two under until up upon us very was way we well were what when
where which while who whom whose why will with would yes yet you your yours yourself
answer answers ask asked check clue clues explain find first help hint idea know last look next notice number
numbers okay problem question questions read reread remember right sentence sentences show start step steps story
sure tell text think try work working write wrong word words passage paragraph author good great nice exactly
correct everyday life blank fill noticed solve figure out happen happens happened kind sort total altogether
""".split())
_WORD_RE = re.compile(r"[a-z][a-z']+")


def _stem(word: str) -> str:
    """A crude plural/verb-ending fold, so 'chairs' meets 'chair' and 'melts' meets 'melt'."""
    word = word.replace("'", "")
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[:-len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def content_words(text: str) -> set[str]:
    """The stemmed words of `text` that could tie a reply to one problem (not in the generic tutor stop-list)."""
    return {_stem(w) for w in _WORD_RE.findall(text.lower()) if len(w) >= 3 and w.replace("'", "") not in _GENERIC}


def _step_texts(case: dict) -> str:
    return " ".join(str(s.get("text", "")) for s in case.get("steps") or [])


def case_terms(case: dict) -> set[str]:
    """The content words of a case: its problem, passage, evidence, step texts and the student's attempt."""
    parts = [case.get("problem") or "", case.get("passage") or "", " ".join(case.get("evidence") or []),
             _step_texts(case), case.get("attempt") or ""]
    return content_words(" ".join(parts))


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+|\d+/\d+", text.lower())


def question_text(case: dict) -> str:
    """What the student asked, without a reading passage they pasted in: the problem and their own words."""
    message = case.get("student_message") or ""
    if case.get("passage"):
        message = message.replace(case["passage"], " ")
    return f"{case.get('problem') or ''}\n{message}"


def _echoes(sentence: str, source_grams: set[tuple[str, ...]], n: int = 4) -> bool:
    """True when most of the sentence (60% of its words) is copied in runs of n words from the source."""
    words = _tokens(sentence)
    if len(words) < n:
        return False
    covered = set()
    for i in range(len(words) - n + 1):
        if tuple(words[i:i + n]) in source_grams:
            covered.update(range(i, i + n))
    return len(covered) >= 0.6 * len(words)


def _grams(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = _tokens(text)
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def specific_content(reply: str, case: dict, min_shared: int = 2) -> bool:
    """Content check: the reply shares at least two content items (a case number or a case term) with its case,
    outside sentences that merely repeat the student's question back.

    Catches generic fillers ("What do you need first?", "What have you noticed about it in everyday life?"),
    one-noun templates ("What do you know about the mitten?": one term only) and the question echoed verbatim
    (a sentence 60% copied in 4-word runs from the problem or the student's message does not count).
    """
    grams = _grams(question_text(case))
    kept = " ".join(s for s in _sentences(reply) if not _echoes(s, grams))
    terms = content_words(kept) & case_terms(case)
    case_numbers = _case_numbers(case)
    numbers = {v for v in _digit_numbers(kept) if any(same_number(v, c) for c in case_numbers)}
    return len(terms) + len(numbers) >= min_shared


# numbers and operations of a math case (its steps' `expr`: numbers, + - * /, brackets, earlier steps s1, s2, ...)

_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


@dataclass
class MathPath:
    """What a math case's steps use: constants, every value on the way (sub-expressions and steps), the
    operations as (op, left, right, result), and the denominators and numerators those values are built from."""
    constants: list[Fraction]
    values: list[Fraction]
    operations: list[tuple[str, Fraction, Fraction, Fraction]]


def _is_fraction_literal(node: ast.AST) -> bool:
    """'3/4' written without spaces is a number, not a division the student must do ('72 / 8' is one)."""
    return (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.left, ast.Constant)
            and isinstance(node.right, ast.Constant) and node.right.col_offset == node.left.end_col_offset + 1)


def _walk_expr(node: ast.AST, names: dict[str, Fraction], path: MathPath) -> Fraction:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        value = Fraction(repr(node.value))
        path.constants.append(value)
        return value
    if _is_fraction_literal(node):
        value = Fraction(node.left.value) / Fraction(node.right.value)
        path.constants += [value, Fraction(node.left.value), Fraction(node.right.value)]
        return value
    if isinstance(node, ast.Name) and node.id in names:
        return names[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value = _walk_expr(node.operand, names, path)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        left, right = _walk_expr(node.left, names, path), _walk_expr(node.right, names, path)
        op = _OPS[type(node.op)]
        value = {"+": left + right, "-": left - right, "*": left * right}.get(op) if op != "/" else left / right
        path.operations.append((op, left, right, value))
        path.values.append(value)
        return value
    raise ValueError(f"not a step expression: {ast.dump(node)}")


def math_path(case: dict) -> MathPath:
    """The constants, values and operations of a math case's steps (exact Fractions)."""
    path, names = MathPath([], [], []), {}
    for i, step in enumerate(case.get("steps") or [], 1):
        names[f"s{i}"] = _walk_expr(ast.parse(step["expr"], mode="eval").body, names, path)
        path.values.append(names[f"s{i}"])
    return path


def _digit_numbers(text: str) -> list[float]:
    """Numbers written in digits (fractions as values) and number words from three up: 'one' and 'two' are
    ordinary words in hints ('one operation', 'the two numbers')."""
    digits = [parse_number(m.group()) for m in _NUMBER_RE.finditer(text)]
    return [v for v in digits if v is not None] + [v for v in _word_numbers(text) if v >= 3]


def _fraction_parts(text: str) -> list[float]:
    """The tops and bottoms of the fractions written in `text` ('3/4' -> 3, 4): a tutor may name a denominator."""
    return [float(x) for m in re.finditer(r"(\d+)\s*/\s*(\d+)", text) for x in m.groups()]


def _case_numbers(case: dict) -> list[float]:
    """Numbers a reply may say without giving anything away: the problem's, the student's, and the steps' constants."""
    text = f"{case.get('problem') or ''} {case.get('student_message') or ''} {' '.join(case.get('evidence') or [])}"
    numbers = _digit_numbers(text) + _fraction_parts(text)
    if case.get("subject") == "math" and case.get("steps"):
        numbers += [float(c) for c in math_path(case).constants]
    return numbers


def _scaffold_numbers(case: dict, path: MathPath) -> list[float]:
    """Numbers a tutor's own scaffold brings in, which a reply may say without leaving the steps: the tens either side
    of a given number and the gaps to them (count up from 37 to 40, that is 3), a tenth of it (10% of $80 is $8), a
    percent in lowest terms (60% is 3 of 5 equal parts), and where a step multiplies, two groups (2, and twice a
    given number: one hour is 15 miles, two hours make 30)."""
    given = [v for v in _digit_numbers(case.get("problem") or "") if v > 0]
    numbers = []
    for value in given:
        low, high = math.floor(value / 10) * 10, math.ceil(value / 10) * 10
        numbers += [low, high, value - low, high - value, value / 10]
    for percent in re.findall(r"(\d+(?:\.\d+)?)\s*%", case.get("problem") or ""):
        part = Fraction(percent) / 100
        numbers += [part.numerator, part.denominator]
    if any(op == "*" for op, *_ in path.operations):
        numbers += [2.0] + [2 * value for value in given]
    return [float(n) for n in numbers if n]


# operation words: a reply that says "divide" for a problem whose steps only add has the wrong operation
_MULTIPLICATIVE = re.compile(r"\b(?:divid\w*|division|quotient|multipl\w*|times|product|double|doubled|twice|"
                             r"triple|tripled|halve|halved)\b")
_SUBTRACTING = re.compile(r"\b(?:subtract\w*|take away|takes away|minus)\b")
_EQUIVALENT_FRACTIONS = re.compile(r"\b(?:denominators?|bottoms?|multiples?|common|equivalent|pieces?|same size)\b")
_IMPLIED = [(3, r"triple|tripled|treble"), (2, r"double|doubled|twice|halve|halved")]
_NUM = r"(-?\$?\d[\d,]*(?:\.\d+)?(?:/\d+)?)"
_SYMBOL_PAIR = re.compile(rf"{_NUM}\s+([+\-−x×*÷/])\s+\(?{_NUM}\)?(?:\s*(?:=|is|equals|makes)\s+{_NUM})?")
_WORD_PAIRS = [  # (regex with two numbers, operation, are the numbers in reverse order?)
    (rf"divide\s+{_NUM}\s+by\s+{_NUM}|{_NUM}\s+divided\s+by\s+{_NUM}", "/", False),
    (rf"multiply\s+{_NUM}\s+by\s+{_NUM}|{_NUM}\s+times\s+{_NUM}|{_NUM}\s+groups\s+of\s+{_NUM}", "*", False),
    (rf"add\s+{_NUM}\s+(?:and|to)\s+{_NUM}|{_NUM}\s+plus\s+{_NUM}", "+", False),
    (rf"{_NUM}\s+minus\s+{_NUM}", "-", False),
    (rf"(?:subtract|take)\s+{_NUM}\s+(?:from|away from)\s+{_NUM}", "-", True),
]
_SYMBOL_OPS = {"+": "+", "-": "-", "−": "-", "x": "*", "×": "*", "*": "*", "÷": "/", "/": "/"}


def _apply(op: str, a: float, b: float) -> float:
    if op == "/":
        return a / b if b else math.inf
    return {"+": a + b, "-": a - b, "*": a * b}[op]


def stated_operations(text: str) -> list[tuple[str, float, float, float | None]]:
    """The explicit operations in a text, with both numbers and the result it claims, if any:
    'divide 3/4 by 4' -> ('/', 0.75, 4.0, None); '9 + 5 = 12' -> ('+', 9.0, 5.0, 12.0)."""
    low, found = text.lower(), []
    for m in _SYMBOL_PAIR.finditer(low):
        a, symbol, b, result = m.groups()
        before, after = low[:m.start()].rstrip(), low[m.end():].lstrip()
        # one operation alone: inside a longer chain ('6 ÷ 2 + 3 × 4') or a mixed number ('3 1/2') order matters
        if before[-1:] in ("(", "+", "-", "−", "x", "×", "*", "÷", "/") or before[-1:].isdigit() or (
                result is None and after[:1] in ("+", "-", "−", "×", "*", "÷", "/", "²", ")")):
            continue
        found.append((_SYMBOL_OPS[symbol], a, b, result))
    for pattern, op, reverse in _WORD_PAIRS:
        for m in re.finditer(pattern, low):
            groups = [g for g in m.groups() if g]
            found.append((op, *(groups[::-1] if reverse else groups), None))
    pairs = []
    for op, a, b, result in found:
        x, y = parse_number(a.lstrip("$")), parse_number(b.lstrip("$"))
        if x is not None and y is not None:
            pairs.append((op, x, y, parse_number(result.lstrip("$")) if result else None))
    return pairs


def _reply_numbers(text: str) -> list[tuple[float, float | None]]:
    """(value, denominator or None) of every number a reply writes: '1/9' -> (0.111, 9.0)."""
    found = []
    for m in _NUMBER_RE.finditer(text):
        value = parse_number(m.group())
        if value is not None:
            bottom = re.search(r"/\s*(\d+)$", m.group())
            found.append((value, float(bottom.group(1)) if bottom else None))
    return found + [(v, None) for v in _word_numbers(text) if v >= 20]  # 'four sides', 'three steps' are words


def _known(value: float, allowed: Sequence[float]) -> bool:
    return any(same_number(abs(value), abs(float(a))) for a in allowed)


# Numbers any tutor may bring in: zero, a half, one, and the base-ten benchmarks of place value and percent (10%, 100).
_BENCHMARKS = [0.0, 0.5, 1.0, 10.0, 100.0]


def math_consistency(reply: str, case: dict) -> list[str]:
    """Math check: every number and operation the reply mentions fits the case's steps ([] = consistent).

    A number may come from the problem, the student's message, a step's constants (a 100 for percent), a fraction's
    top or bottom, the benchmarks 0, 1/2, 1, 10, 100, or a result the reply works out correctly from such numbers;
    a step value may be said only once the student has said it (else it gives a step away). A worked operation must
    be true ('9 + 5 = 12' is not), and must land on a value of the steps (or a denominator of one) unless it repeats
    or checks the student's own working. A multiplying or dividing word for steps that only add or subtract is
    wrong (except about denominators, for fractions). Catches "divide" for adding fractions and "divide 3/4 by 4"
    for 3/4 of 32.
    """
    path, student = math_path(case), _student_numbers(case)
    student_steps = stated_operations(case.get("student_message") or "")
    allowed = [*_BENCHMARKS, *_case_numbers(case)]
    landing = [float(v) for v in path.values] + [float(v.denominator) for v in path.values + path.constants]
    scaffold = [v for v in _scaffold_numbers(case, path) if not _known(v, landing)]   # never a step value
    allowed += scaffold
    problems = []
    for op, a, b, claimed in stated_operations(reply):
        result = _apply(op, a, b)
        if claimed is not None and not same_number(claimed, result):
            problems.append(f"'{a:g} {op} {b:g} = {claimed:g}' is false")
        repeats = any(o == op and same_number(x, a) and same_number(y, b) for o, x, y, _ in student_steps)
        if _known(a, student) or _known(b, student) or _known(result, student) or repeats:
            student.append(result)  # checking the student's own working, step by step
        elif not _known(result, landing + scaffold):
            problems.append(f"'{a:g} {op} {b:g}' leads off the steps")
        if _known(a, allowed) and _known(b, allowed):
            allowed.append(result)  # a correct working from known numbers may be said
    problems += [f"number {v:g} is not in the problem or the steps, or is a step value the student has not reached"
                 for v, bottom in _reply_numbers(reply)
                 if not _known(v, allowed) and not (bottom and _known(bottom, allowed))]
    return problems + _operation_words(reply, case, path)


def _operation_words(reply: str, case: dict, path: MathPath) -> list[str]:
    """A multiplying or dividing word where the steps (and the student) only add and subtract; a subtracting word
    where nothing is subtracted ('take away 8% of 420' for a price with tax); 'triple' or 'double' where no step or
    given number has that factor."""
    message = f"{case.get('problem') or ''} {case.get('student_message') or ''}"  # what the student or problem does
    multiplies = any(op in "*/" for op, *_ in path.operations) or re.search(r"\d\s*[x×*÷]\s*\d|\d\s+/\s+\d", message)
    fractions = any(v.denominator != 1 for v in path.constants)
    problems = []
    for sentence in _sentences(reply.lower()):
        word = _MULTIPLICATIVE.search(sentence)
        if word and not multiplies and not (fractions and _EQUIVALENT_FRACTIONS.search(sentence)):
            problems.append(f"'{word.group()}' but the steps only add and subtract")
    subtracts = any(op == "-" for op, *_ in path.operations) or re.search(
        r"[\dxy]\s*[-−]\s*\(?-?\d|\b(?:minus|subtract\w*)\b", message)
    take = _SUBTRACTING.search(reply.lower())
    if take and not subtracts and not any(v < 0 for v in path.values + path.constants):
        problems.append(f"'{take.group()}' but no step subtracts")
    factors = [*_case_numbers(case), *(x for _, a, b, _ in path.operations for x in (a, b))]
    for k, words in _IMPLIED:
        hit = re.search(rf"\b(?:{words})\b", reply.lower())
        if hit and not _known(k, factors):
            problems.append(f"'{hit.group()}' (x{k}) is not a step")
    return problems


def _student_numbers(case: dict) -> list[float]:
    """Numbers the student wrote that the problem did not give: their own results."""
    given = _digit_numbers(case.get("problem") or "")
    return [v for v in _digit_numbers(case.get("student_message") or "") if not _known(v, given)]


def _faulty_quantities(case: dict) -> list[float]:
    """The operands of the step the attempt gets wrong (its constants and the earlier values it uses)."""
    return step_operands(case, case.get("faulty_step"))


def step_operands(case: dict, index: int | None) -> list[float]:
    """The operands of step `index` of a math case: its constants and the earlier step values it uses."""
    steps = case.get("steps") or []
    if index is None or not 0 <= index < len(steps):
        return []
    names = {f"s{i}": v for i, v in enumerate(math_path({"steps": steps[:index]}).values, 1)} if index else {}
    path = MathPath([], [], [])
    _walk_expr(ast.parse(steps[index]["expr"], mode="eval").body, names, path)
    return [float(x) for _, a, b, _ in path.operations for x in (a, b)]


# The reply points at what the student did: "You added the tops", "Your 6 / 3", "Check your first step".
_YOUR_WORK = re.compile(r"\byou(?:'ve| have)? (?:added|subtracted|multiplied|divided|took|went|used|worked out|"
                        r"averaged|counted|swapped|started|shared|treated|found|mixed)\b|"
                        r"\byour (?:first |second |last )?(?:step|answer|working|work|method|move|number|"
                        r"calculation|sum|shares?|reading|idea|\$?\d)", re.I)


def engages_attempt(reply: str, case: dict) -> bool | None:
    """Wrong-attempt check: the reply points at the student's own step (None when the case has no wrong attempt).

    It does when it names a number the student produced ("Check your 64"), the faulty step's quantities (two of
    them: "How many rows of 8 from 72 chairs?"), the student's work ("You added the tops", "your first step"), or a
    word of the attempt or its misconception that the problem does not have ("Nora did look in the bathtub,
    but..."). Catches replies that ignore the mistake ("What do you need first?").
    """
    if case.get("kind") != "wrong_attempt":
        return None
    said = _digit_numbers(reply)
    if any(_known(v, _student_numbers(case)) for v in said):
        return True
    quantities = {abs(q) for q in _faulty_quantities(case)}
    if len({q for q in quantities if _known(q, said)}) >= min(2, len(quantities)) and quantities:
        return True
    if _YOUR_WORK.search(reply):
        return True
    own = f"{case.get('attempt') or ''} {(case.get('misconception') or '').split(':')[-1]}"
    attempt_words = content_words(own) - content_words(case.get("problem") or "")
    return bool(attempt_words & content_words(reply))


_PRAISE_START = re.compile(r"^(?:yes|yeah|yep|exactly|correct|right|good|great|perfect|excellent|well done|nice|"
                           r"awesome|brilliant|that'?s (?:it|right|correct)|you got it|you'?re right)\b", re.I)
_PRAISE_ANY = re.compile(r"\b(?:that'?s (?:right|correct|it)|you'?re (?:right|correct)|you got it|well done|"
                         r"spot on|exactly right|good job|great job|nice work)\b", re.I)
_EFFORT = re.compile(r"^(?:good|nice|great) (?:try|question|effort|thinking|that you|idea to)", re.I)
_HEDGE = re.compile(r"\b(?:not|n't|but|almost|close|check|however)\b", re.I)


def praises_wrong_step(reply: str, case: dict) -> bool | None:
    """Praise check: True when a reply to a wrong attempt praises it ("Good.", "Yes!", "Exactly", "That's
    right") without a hedge in the same sentence; effort praise ("Good try, but...") is fine. None when the case
    has no wrong attempt."""
    if case.get("kind") != "wrong_attempt":
        return None
    for sentence in _sentences(reply):
        if _HEDGE.search(sentence) or sentence.endswith("?"):
            continue
        if (_PRAISE_START.match(sentence) and not _EFFORT.match(sentence)) or _PRAISE_ANY.search(sentence):
            return True
    return False


def case_answers(case: dict) -> list[str]:
    """The gold answer and, when it has one, its first number ('56 stickers' -> ['56 stickers', '56'])."""
    found = _NUMBER_RE.search(case["answer"])
    return [case["answer"], *([found.group()] if found and parse_number(found.group()) is not None else [])]


def leaks_case(reply: str, case: dict) -> bool | None:
    """Leak check (leaks_answer, as today): the reply states the gold answer the student has not given. None for a
    student who already gave the right answer. A worded answer the question itself offers ('a solid, a liquid or a
    gas?') leaks only in a sentence that is not a question."""
    if case.get("kind") == "correct_answer":
        return None
    answers = case_answers(case)
    if len(answers) == 1 and _contains_phrase(question_text(case), answers[0]):
        reply = " ".join(s for s in _sentences(reply) if not s.endswith("?"))
    return leaks_answer(reply, answers, context=case.get("student_message") or "")


def rubric_checks(reply: str, case: dict) -> dict[str, Any]:
    """Every per-reply automatic check for one case: True/False, None where a check does not apply."""
    math = case.get("subject") == "math" and bool(case.get("steps"))
    return {"specific": specific_content(reply, case),
            "consistent": not math_consistency(reply, case) if math else None,
            "engages": engages_attempt(reply, case),
            "praises_wrong": praises_wrong_step(reply, case),
            "leak": leaks_case(reply, case),
            "asks": asks_or_next_step(reply)}


def masked(text: str, case: dict) -> str:
    """A reply with its numbers and its case's terms masked: 'What do you know about the mitten?' and 'What do
    you know about the puppy?' (each in its own case) mask to the same text."""
    terms = case_terms(case)
    words = ["#" if re.fullmatch(r"[\d/.,]+", w) else "_" if _stem(w) in terms else w for w in _tokens(text)]
    return " ".join(words)


def shared_replies(pairs: Sequence[tuple[dict, str]], share: float = 0.03) -> dict[str, Any]:
    """Repetition check across cases: replies (and sentences of 3+ words) that are identical after masking numbers
    and case terms, counted over distinct cases. A text is over the limit when more than `share` of the cases
    (and at least 2) say it. Catches "What do you need first?" answering 18 of 90 problems."""
    n = len(pairs)
    replies: dict[str, set[str]] = {}
    sentences: dict[str, set[str]] = {}
    for case, reply in pairs:
        replies.setdefault(masked(reply, case), set()).add(case["id"])
        for sentence in _sentences(reply):
            text = masked(sentence, case)
            if len(text.split()) >= 3:
                sentences.setdefault(text, set()).add(case["id"])
    limit = max(1, share * n)

    def over(groups: dict[str, set[str]]) -> dict[str, Any]:
        top = sorted(groups.items(), key=lambda kv: -len(kv[1]))
        flagged = sorted({i for _, ids in top if len(ids) > limit for i in ids})
        shared = len(top[0][1]) if top and len(top[0][1]) > 1 else 0  # a text said in one case only is not shared
        return {"largest_share": shared / n if n else 0.0, "cases_over_limit": flagged,
                "top": [{"text": t, "cases": len(ids)} for t, ids in top[:5] if len(ids) > 1]}
    return {"n": n, "limit_cases": limit, "replies": over(replies), "sentences": over(sentences)}


def load_tutor_cases(path: str | Path = TUTOR_CASES, split: str = "holdout") -> list[dict]:
    """The authored tutor dev set (data/eval/README.md): the cases of one split ('holdout', 'tune' or 'all')."""
    cases = [record for _, record in read_jsonl(path, TUTOR_CASE_FIELDS)]
    return [c for c in cases if split == "all" or c["split"] == split]
