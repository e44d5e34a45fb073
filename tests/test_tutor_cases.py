"""The authored tutor dev set, data/eval/tutor_cases.jsonl (whatever subjects it holds): schema and types, unique ids,
math steps evaluated exactly (Fractions, a tiny AST evaluator: numbers, + - * / and earlier step names, no eval()),
the last step equal to the gold answer, attempts quoted verbatim, reading evidence quoted verbatim from the passage,
good moves that leak neither the answer nor an unseen step value, the kind mix, the counts and balanced splits."""
from __future__ import annotations

import ast
import json
import re
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest

CASES_PATH = Path(__file__).resolve().parents[1] / "data" / "eval" / "tutor_cases.jsonl"
KEYS = {"id", "subject", "grade", "topic", "split", "problem", "passage", "kind", "student_message", "attempt",
        "misconception", "faulty_step", "answer", "steps", "evidence", "good_moves"}
SUBJECTS = {"math", "science", "reading"}
KINDS = {"help", "wrong_attempt", "correct_step", "correct_answer", "insist", "teacher_claim", "injection"}
ADVERSARIAL = {"insist", "teacher_claim", "injection"}
WITH_ATTEMPT = {"wrong_attempt", "correct_step", "correct_answer"}
MIN_PER_SUBJECT, MIN_TOTAL = 80, 240
# Number words a leak could hide in; alone, small words ("one", "two") are left out because hints use them as
# ordinary words, but they count after a tens word ("twenty-four").
TEENS = {"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
WORDS_RE = re.compile(rf"\b(?:({'|'.join(TEENS)})|({'|'.join(TENS)})(?:[- ]({'|'.join(UNITS)}))?)\b")
# A mixed number (2 1/2), a fraction, a decimal or an integer (with thousands commas), optionally negative.
NUMBER_RE = re.compile(r"(?<![\w./])(-?)(?:(\d+) (\d+)/(\d+)(?![\d/])|(\d+/\d+)(?![\d/])|"
                       r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))")


def load_cases(path: Path) -> list[dict]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                cases.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path.name} line {number}: not JSON ({err})") from None
    return cases


CASES = load_cases(CASES_PATH)
SUBJECTS_PRESENT = sorted({str(case.get("subject")) for case in CASES})
MATH = [case for case in CASES if case.get("subject") == "math"]


# ----------------------------------------------------------------------------- exact arithmetic helpers

def evaluate(expr: str, names: dict[str, Fraction]) -> Fraction:
    """Exact value of a step expression; anything beyond numbers, + - * /, brackets and known names is refused."""
    return _evaluate_node(ast.parse(expr, mode="eval").body, names)


def _evaluate_node(node: ast.AST, names: dict[str, Fraction]) -> Fraction:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return Fraction(repr(node.value))  # repr keeps the literal's decimal digits, so 1.05 stays exactly 21/20
    if isinstance(node, ast.Name) and node.id in names:
        return names[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value = _evaluate_node(node.operand, names)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
        left, right = _evaluate_node(node.left, names), _evaluate_node(node.right, names)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        return left * right if isinstance(node.op, ast.Mult) else left / right
    raise ValueError(f"not allowed in a step expression: {ast.dump(node)}")


def numbers_in(text: str) -> list[Fraction]:
    """Every number written in digits (mixed numbers, fractions, decimals, 1,250), then the number words."""
    found = []
    for sign, whole, top, bottom, fraction, plain in NUMBER_RE.findall(text):
        if whole:
            value = int(whole) + Fraction(int(top), int(bottom))
        else:
            value = Fraction(fraction or plain.replace(",", ""))
        found.append(-value if sign else value)
    for teen, tens, unit in WORDS_RE.findall(text.lower()):
        found.append(Fraction(TEENS[teen]) if teen else Fraction(TENS[tens] + UNITS.get(unit, 0)))
    return found


def answer_number(answer: str) -> Fraction | None:
    numbers = numbers_in(answer)
    return numbers[0] if numbers else None


def grade_band(grade: int) -> str:
    return "3-5" if grade <= 5 else "6-8" if grade <= 8 else "9-10"


# ----------------------------------------------------------------------------- the helpers themselves

def test_evaluator_is_exact_and_refuses_everything_else():
    names = {"s1": Fraction(3, 4)}
    assert evaluate("s1 * 32", names) == 24
    assert evaluate("1/2 + 1/3", {}) == Fraction(5, 6)
    assert evaluate("-(2 - 5) * 1.05", {}) == Fraction(63, 20)
    for bad in ["2 ** 3", "s2 + 1", "__import__('os')", "abs(-2)", "'7'", "2 % 3", "True + 1"]:
        with pytest.raises(ValueError):
            evaluate(bad, names)


def test_numbers_are_read_as_students_write_them():
    assert numbers_in("Ray cuts 2 3/4 ft from 5 1/4 ft, $1,250 and 12.5% of -8") == [
        Fraction(11, 4), Fraction(21, 4), 1250, Fraction(25, 2), -8]
    assert numbers_in("18 - 6 = 12, 7-5, about twenty or thirty-four, one or two") == [18, 6, 12, 7, 5, 20, 34]
    assert answer_number("x = -4") == -4 and answer_number("2 1/2 feet") == Fraction(5, 2)
    assert answer_number("Lena is the oldest") is None


# ----------------------------------------------------------------------------- every case

def _type_errors(case: dict) -> list[str]:
    errors = []
    strings = ["id", "topic", "problem", "student_message", "answer"]
    errors += [f"{key} must be a non-empty string" for key in strings if not (isinstance(case[key], str)
                                                                              and case[key].strip())]
    for key in ["passage", "attempt", "misconception"]:
        if case[key] is not None and not (isinstance(case[key], str) and case[key].strip()):
            errors.append(f"{key} must be null or a non-empty string")
    if not (type(case["grade"]) is int and 3 <= case["grade"] <= 10):
        errors.append("grade must be an integer 3-10")
    if case["subject"] not in SUBJECTS or case["kind"] not in KINDS or case["split"] not in ("tune", "holdout"):
        errors.append("subject, kind or split outside its set")
    if case["faulty_step"] is not None and type(case["faulty_step"]) is not int:
        errors.append("faulty_step must be null or an integer")
    if not (isinstance(case["evidence"], list) and all(isinstance(e, str) and e.strip() for e in case["evidence"])):
        errors.append("evidence must be a list of non-empty strings")
    if not (isinstance(case["steps"], list) and all(isinstance(s, dict) and set(s) == {"text", "expr", "value"}
                                                    and all(isinstance(v, str) for v in s.values())
                                                    for s in case["steps"])):
        errors.append("steps must be a list of {text, expr, value} strings")
    moves = case["good_moves"]
    if not (isinstance(moves, list) and 1 <= len(moves) <= 3 and all(isinstance(m, str) and m.strip() for m in moves)):
        errors.append("good_moves must hold 1-3 non-empty strings")
    return errors


def _kind_errors(case: dict) -> list[str]:
    kind, errors = case["kind"], []
    if kind in WITH_ATTEMPT:
        if not (case["attempt"] and case["attempt"] in case["student_message"]):
            errors.append("attempt is not quoted verbatim from the student's message")
        if (case["misconception"] is not None) != (kind == "wrong_attempt"):
            errors.append("a misconception is named exactly when the attempt is wrong")
    elif case["attempt"] is not None or case["misconception"] is not None:
        errors.append(f"a {kind} message has no attempt and no misconception")
    if kind != "wrong_attempt" and case["faulty_step"] is not None:
        errors.append("only a wrong attempt has a faulty step")
    if kind == "wrong_attempt" and case["subject"] == "math" and case["faulty_step"] is None:
        errors.append("a math wrong attempt names its faulty step")
    if case["faulty_step"] is not None and not 0 <= case["faulty_step"] < len(case["steps"]):
        errors.append("faulty_step is outside the steps")
    return errors


def _material_errors(case: dict) -> list[str]:
    if case["subject"] == "math":
        return [] if case["passage"] is None and case["evidence"] == [] and case["steps"] else [
            "a math case has steps, no passage and no evidence"]
    if not case["evidence"]:
        return ["reading and science cases carry their supporting sentence or fact"]
    if case["subject"] == "reading":
        if not case["passage"]:
            return ["a reading case carries its own passage"]
        return [f"evidence not verbatim in the passage: {e!r}" for e in case["evidence"] if e not in case["passage"]]
    return []


def _step_errors(case: dict) -> list[str]:
    """Each step evaluates exactly to its value; the last value is the answer's number."""
    if not case["steps"]:
        return ["no steps"]
    names: dict[str, Fraction] = {}
    for index, step in enumerate(case["steps"], 1):
        try:
            value = evaluate(step["expr"], names)
        except (ValueError, SyntaxError, ZeroDivisionError) as err:
            return [f"step {index}: {step['expr']!r} does not evaluate ({err})"]
        if value != Fraction(step["value"]):
            return [f"step {index}: {step['expr']} is {value}, not {step['value']}"]
        names[f"s{index}"] = value
    return [] if answer_number(case["answer"]) == value else [f"last step {value} differs from {case['answer']!r}"]


def _attempt_errors(case: dict) -> list[str]:
    """The attempt says what its kind claims: the answer, a step before it, or a result that is not the answer."""
    attempt, answer = case["attempt"], answer_number(case["answer"])
    said = numbers_in(attempt or "")
    steps_before = {Fraction(step["value"]) for step in case["steps"][:-1]} - {answer}
    if case["kind"] == "correct_answer" and answer not in said:
        return ["a correct answer states the gold answer"]
    if case["kind"] == "correct_step" and (answer in said or not steps_before & set(said)):
        return ["a correct step states a step value before the answer, not the answer"]
    if case["kind"] == "wrong_attempt" and said and said[-1] == answer:
        return ["a wrong attempt ends on the gold answer"]
    return []


def _answer_in_problem_errors(case: dict) -> list[str]:
    """A math answer's number is not one of the problem's own numbers, so a reply that says it has leaked it."""
    return ["the answer's number is also in the problem"] if answer_number(case["answer"]) in numbers_in(
        case["problem"]) else []


def _leak_errors(case: dict) -> list[str]:
    """A good move may repeat numbers the student has seen, never the answer or a step value they have not reached."""
    if case["kind"] == "correct_answer":
        return []
    seen = set(numbers_in(case["problem"])) | set(numbers_in(case["student_message"]))
    answer = answer_number(case["answer"])
    hidden = {Fraction(step["value"]) for step in case["steps"]} | ({answer} if answer is not None else set())
    leaks = [(move, sorted((set(numbers_in(move)) & hidden) - seen)) for move in case["good_moves"]]
    return [f"good move gives away {numbers}: {move}" for move, numbers in leaks if numbers]


def _errors_in(cases: list[dict], check) -> list[str]:
    return [f"{case['id']}: {error}" for case in cases for error in check(case)]



def test_every_case_has_the_schema():
    wrong_keys = [f"{case.get('id')}: keys missing {KEYS - set(case)}, extra {set(case) - KEYS}"
                  for case in CASES if set(case) != KEYS]
    assert not wrong_keys
    assert not _errors_in(CASES, _type_errors)


def test_attempt_fields_fit_the_kind():
    assert not _errors_in(CASES, _kind_errors)


def test_each_subject_carries_its_material():
    assert not _errors_in(CASES, _material_errors)


def test_math_steps_are_exact_and_reach_the_answer():
    assert not _errors_in(MATH, _step_errors)


def test_math_attempts_say_what_their_kind_claims():
    assert not _errors_in(MATH, _attempt_errors)


def test_math_answers_are_not_numbers_of_the_problem():
    assert not _errors_in(MATH, _answer_in_problem_errors)


def test_good_moves_leak_nothing_unseen():
    assert not _errors_in(CASES, _leak_errors)


# ----------------------------------------------------------------------------- the whole file

def test_ids_are_unique_and_no_good_move_is_reused():
    ids = Counter(case["id"] for case in CASES)
    assert not [i for i, n in ids.items() if n > 1]
    moves = Counter(move.strip().lower() for case in CASES for move in case["good_moves"])
    assert not [m for m, n in moves.items() if n > 1], "a good move shared by two cases is a template"


@pytest.mark.parametrize("subject", SUBJECTS_PRESENT)
def test_counts_and_kind_mix_per_subject(subject):
    kinds = Counter(case["kind"] for case in CASES if case["subject"] == subject)
    total = sum(kinds.values())
    assert total >= MIN_PER_SUBJECT
    assert kinds["wrong_attempt"] * 3 >= total, "at least a third are wrong attempts"
    assert all(kinds[kind] for kind in ADVERSARIAL | {"help"}), f"a kind is missing: {kinds}"


def test_total_once_all_subjects_are_present():
    if set(SUBJECTS_PRESENT) != SUBJECTS:
        pytest.skip(f"applies once the file holds all three subjects; it holds {SUBJECTS_PRESENT}")
    assert len(CASES) >= MIN_TOTAL


def test_splits_are_balanced_per_kind_and_grade_band():
    by_kind: dict[tuple, Counter] = {}
    by_band: dict[tuple, Counter] = {}
    for case in CASES:
        by_kind.setdefault((case["subject"], case["kind"]), Counter())[case["split"]] += 1
        by_band.setdefault((case["subject"], case["kind"], grade_band(case["grade"])), Counter())[case["split"]] += 1
    unbalanced = [(group, dict(n)) for group, n in {**by_kind, **by_band}.items() if abs(n["holdout"] - n["tune"]) > 1]
    assert not unbalanced
