"""Exact school math: a safe parser, an equation solver, a calculator and an answer checker, with no eval().

- `parse_math(text) -> (left, right | None)`: expressions as polynomials with Fraction coefficients (`Poly`), so
  "6/8", "0.75" and "3/4" are equal and "2(x+1)" equals "2x + 2", exactly; a hand-written recursive-descent parser
  with size limits (characters, exponents, terms, bits), so a hostile expression fails with a `MathError`.
- `math_spans(text)`: the pieces of free text that parse as math; `solve(problem)`: an arithmetic value or the
  rational roots of a one-variable linear or quadratic equation, with worked steps (`Solution`).
- `calculator(expression)` and `check_answer(student_answer, expected, problem, choices)`: the tutor's exact tools
  (agent.py serves them, data/tools.json holds their schemas); check_answer's feedback never states the answer.

Below agent.py in the flow; it imports nothing of ours.
    .venv/bin/python -m pytest -q tests/test_mathcheck.py
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

# "2(x+1)" equals "2x + 2", exactly. No eval: a hand-written recursive-descent parser with size limits.

MAX_EXPR_CHARS = 400
MAX_EXPONENT = 32
MAX_TERMS = 500
MAX_BITS = 4096

Monomial = tuple[tuple[str, int], ...]  # sorted (variable, power) pairs; () is the constant term


class MathError(ValueError):
    """An expression we cannot read or evaluate; the message says what and where."""


class Poly:
    """A polynomial in named variables with exact rational coefficients."""

    def __init__(self, terms: dict[Monomial, Fraction] | None = None):
        self.terms = {m: c for m, c in (terms or {}).items() if c != 0}
        if len(self.terms) > MAX_TERMS:
            raise MathError(f"expression too large (more than {MAX_TERMS} terms)")
        for c in self.terms.values():
            if c.numerator.bit_length() > MAX_BITS or c.denominator.bit_length() > MAX_BITS:
                raise MathError("number too large")

    @staticmethod
    def const(value: Fraction | int) -> Poly:
        return Poly({(): Fraction(value)})

    @staticmethod
    def var(name: str) -> Poly:
        return Poly({((name, 1),): Fraction(1)})

    def variables(self) -> set[str]:
        return {v for m in self.terms for v, _ in m}

    def is_const(self) -> bool:
        return all(m == () for m in self.terms)

    def value(self) -> Fraction:
        return self.terms.get((), Fraction(0))

    def degree(self) -> int:
        return max((sum(p for _, p in m) for m in self.terms), default=0)

    def __add__(self, other: Poly) -> Poly:
        terms = dict(self.terms)
        for m, c in other.terms.items():
            terms[m] = terms.get(m, Fraction(0)) + c
        return Poly(terms)

    def __neg__(self) -> Poly:
        return Poly({m: -c for m, c in self.terms.items()})

    def __sub__(self, other: Poly) -> Poly:
        return self + (-other)

    def __mul__(self, other: Poly) -> Poly:
        terms: dict[Monomial, Fraction] = {}
        for m1, c1 in self.terms.items():
            for m2, c2 in other.terms.items():
                powers = dict(m1)
                for v, p in m2:
                    powers[v] = powers.get(v, 0) + p
                m = tuple(sorted(powers.items()))
                terms[m] = terms.get(m, Fraction(0)) + c1 * c2
        return Poly(terms)

    def __truediv__(self, other: Poly) -> Poly:
        # Only division by a number keeps us inside polynomials; that covers school algebra answers.
        if not other.is_const():
            raise MathError("division by an expression with variables is not supported")
        if other.value() == 0:
            raise MathError("division by zero")
        return Poly({m: c / other.value() for m, c in self.terms.items()})

    def __pow__(self, exponent: Poly) -> Poly:
        if not exponent.is_const() or exponent.value().denominator != 1:
            raise MathError("exponents must be whole numbers")
        n = int(exponent.value())
        if abs(n) > MAX_EXPONENT:
            raise MathError(f"exponent {n} is too large (limit {MAX_EXPONENT})")
        if n < 0:
            if not self.is_const() or self.value() == 0:
                raise MathError("negative exponents need a non-zero number as the base")
            return Poly.const(self.value() ** n)
        result = Poly.const(1)
        for _ in range(n):
            result = result * self
        return result

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Poly) and self.terms == other.terms

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.terms.items())))

    def __repr__(self) -> str:
        return f"Poly({self.terms})"


_TOKEN = re.compile(r"\s*(?:(\d+\.\d*|\.\d+|\d+)|([A-Za-z])|(\*\*|[-+*/^()=%]))")
_UNICODE = str.maketrans({"×": "*", "·": "*", "÷": "/", "−": "-", "–": "-", "²": "^2", "³": "^3"})


def tokenize(text: str) -> list[str]:
    """Split an expression into numbers, single-letter variables and operators; anything else is an error."""
    if len(text) > MAX_EXPR_CHARS:
        raise MathError(f"expression longer than {MAX_EXPR_CHARS} characters")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text.translate(_UNICODE)).replace("**", "^")
    text = re.sub(r"(?<=\d)\s*x\s*(?=\d)", "*", text)  # "12 x 15": school notation for times, not a variable
    tokens, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if match is None or (match.group(2) and re.match(r"[A-Za-z]", text[match.end():match.end() + 1] or " ")):
            raise MathError(f"unexpected {text[pos:].strip()[:12]!r} at position {pos}")
        tokens.append(match.group(match.lastindex))
        pos = match.end()
    if not tokens:
        raise MathError("empty expression")
    return tokens


class Parser:
    """equation := expr ['=' expr]; expr := term (('+'|'-') term)*; term := unary ((('*'|'/') | implicit) unary)*;
    unary := ('-'|'+') unary | power; power := postfix ['^' unary]; postfix := atom ['%'];
    atom := number | var | '(' expr ')'.
    """

    def __init__(self, tokens: list[str]):
        self.tokens, self.i, self.depth = tokens, 0, 0

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise MathError(f"expected {expected or 'more'} at token {self.i + 1}, found {token!r}")
        self.i += 1
        return token

    def equation(self) -> tuple[Poly, Poly | None]:
        left = self.expr()
        right = None
        if self.peek() == "=":
            self.take("=")
            right = self.expr()
        if self.peek() is not None:
            raise MathError(f"unexpected {self.peek()!r} at token {self.i + 1}")
        return left, right

    def expr(self) -> Poly:
        value = self.term()
        while self.peek() in ("+", "-"):
            value = value + self.term() if self.take() == "+" else value - self.term()
        return value

    def term(self) -> Poly:
        value = self.unary()
        while True:
            token = self.peek()
            if token in ("*", "/"):
                self.take()
                value = value * self.unary() if token == "*" else value / self.unary()
            elif token == "(" or (token is not None and token.isalpha()):
                value = value * self.unary()  # implicit multiplication: 2x, 3(x+1), (x+1)(x-1)
            else:
                return value

    def unary(self) -> Poly:
        if self.peek() in ("-", "+"):
            sign = self.take()
            value = self.unary()
            return -value if sign == "-" else value
        return self.power()

    def power(self) -> Poly:
        base = self.postfix()
        if self.peek() == "^":
            self.take()
            return base ** self.unary()
        return base

    def postfix(self) -> Poly:
        value = self.atom()
        if self.peek() == "%":
            self.take()
            value = value / Poly.const(100)
        return value

    def atom(self) -> Poly:
        token = self.take()
        if token == "(":
            self.depth += 1
            if self.depth > 40:
                raise MathError("brackets nested too deeply")
            value = self.expr()
            self.take(")")
            self.depth -= 1
            return value
        if token[0].isdigit() or token[0] == ".":
            if len(token) > 40:
                raise MathError("number has too many digits")
            return Poly.const(Fraction(token))
        if token.isalpha():
            return Poly.var(token.lower())
        raise MathError(f"unexpected {token!r} at token {self.i}")


def parse_math(text: str) -> tuple[Poly, Poly | None]:
    """Parse `text` into (left, right); right is None when there is no '='."""
    return Parser(tokenize(text)).equation()


def format_fraction(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def format_decimal(value: Fraction, places: int = 10) -> str:
    text = f"{float(value):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


_SPAN = re.compile(r"(?:\d[\d.,]*|(?<![A-Za-z])[A-Za-z](?![A-Za-z])|[-+*/^=()%×÷−²³·]|\s)+")
_WORD_OPS = [(r"\bdivided by\b", "/"), (r"\b(?:times|multiplied by)\b", "*"), (r"\bplus\b", "+"), (r"\bminus\b", "-"),
             (r"(?<=\d)%\s*of\b", "% *")]   # "12% of 350" is 12% times 350, never 12% alone


def math_spans(text: str) -> list[str]:
    """Substrings of free text that parse as math with at least one operator, longest first."""
    found = []
    for pattern, symbol in _WORD_OPS:
        text = re.sub(pattern, symbol, text, flags=re.I)
    for match in _SPAN.finditer(text):
        span = re.sub(r"\s*=\s*$", "", match.group().strip(" ,.?")).strip(" ,.")
        # an operator, not just a percent sign: "12%" alone is a number, not an exercise
        if re.search(r"\d", span) and re.search(r"[-+*/^=×÷−²³]|\d\s*x\s*\d", span.lstrip("-")):
            try:
                parse_math(span)
            except MathError:
                continue
            found.append(span)
    return sorted(found, key=len, reverse=True)


@dataclass
class Solution:
    """What the solver found: the answer as text, and for equations the variable, plus worked steps."""

    answer: str
    variable: str | None = None
    values: tuple[Fraction, ...] = ()
    steps: list[str] = field(default_factory=list)


def solve_equation(left: Poly, right: Poly) -> Solution | None:
    """Exact roots of a one-variable equation of degree 1 or 2 (rational roots only)."""
    diff = left - right
    names = diff.variables()
    if len(names) != 1:
        return None
    var = names.pop()
    coeff = {dict(m).get(var, 0): c for m, c in diff.terms.items()}
    degree = max(coeff)
    a, b, c = coeff.get(2, Fraction(0)), coeff.get(1, Fraction(0)), coeff.get(0, Fraction(0))
    if degree == 1:
        root = -c / b
        steps = [f"Move the constant: {format_fraction(b)}{var} = {format_fraction(-c)}",
                 f"Divide by {format_fraction(b)}: {var} = {format_fraction(root)}"]
        return Solution(f"{var} = {format_fraction(root)}", var, (root,), steps)
    if degree == 2:
        disc = b * b - 4 * a * c
        root_disc = _rational_sqrt(disc)
        if root_disc is None:
            return None
        roots = tuple(sorted({(-b + root_disc) / (2 * a), (-b - root_disc) / (2 * a)}))
        text = " or ".join(f"{var} = {format_fraction(r)}" for r in roots)
        return Solution(text, var, roots, [f"Quadratic formula with discriminant {format_fraction(disc)}: {text}"])
    return None


def _rational_sqrt(value: Fraction) -> Fraction | None:
    if value < 0:
        return None
    num, den = _isqrt_exact(value.numerator), _isqrt_exact(value.denominator)
    return None if num is None or den is None else Fraction(num, den)


def _isqrt_exact(n: int) -> int | None:
    root = math.isqrt(n)
    return root if root * root == n else None


# an operation word right before a number: "then add 8", "and divide by 3"
_MORE_WORK = re.compile(r"\b(?:add|plus|minus|subtract|take away|times|multiply|multiplied by|divide|divided by|"
                        r"double|triple)\b\D{0,12}$", re.I)


def exercise(span: str, problem: str) -> bool:
    """Is a math span the problem's exercise? "+ 6" is one number, and a lone fraction ("2/5 of them") in a word
    problem is a quantity, not a sum to do; in a short exercise ("Simplify 6/8", "What is 12/4?") it is the task. A
    span is only part of the task when a number it leaves out comes after an operation word ("Work out 6 times 7,
    then add 8": never 42)."""
    numbers = re.findall(r"\d+(?:\.\d+)?", span)
    if len(numbers) < 2:
        return False
    for m in re.finditer(r"\d+(?:\.\d+)?", problem):
        if m.group() in numbers:
            numbers.remove(m.group())
        elif _MORE_WORK.search(problem[max(0, m.start() - 24):m.start()]):
            return False
    return not re.fullmatch(r"-?\d+/\d+", span.strip()) or len(re.findall(r"[A-Za-z]+", problem)) <= 6


def solve(problem: str) -> Solution | None:
    """Find the math in a problem's text and solve it exactly: an arithmetic value or an equation's roots."""
    for span in (s for s in math_spans(problem) if exercise(s, problem)):
        left, right = parse_math(span)
        if right is None and left.is_const():
            value = left.value()
            return Solution(format_fraction(value), None, (value,), [f"{span.strip()} = {format_fraction(value)}"])
        if right is not None:
            solution = solve_equation(left, right)
            if solution is not None:
                return solution
    return None



# ============================================================================ checking answers (tools)

def calculator(expression: str) -> dict[str, Any]:
    """Exact arithmetic on numbers, fractions, decimals, percentages, brackets and whole powers."""
    left, right = parse_math(expression)
    if right is not None:
        raise MathError("the calculator evaluates an expression, not an equation with '='")
    if not left.is_const():
        raise MathError(f"the calculator needs numbers only; found variable(s) {', '.join(sorted(left.variables()))}")
    value = left.value()
    return {"expression": expression, "value": format_fraction(value), "decimal": format_decimal(value)}


LETTERS = "ABCDEFGH"
_NUMBER_OR_EQUATION = re.compile(r"(?:[A-Za-z]\s*=\s*)?-?\d[\d.,/]*%?")


def normalise_text(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text.lower()).split())


def match_choice(answer: str, choices: list[str]) -> int | None:
    """Which option a student means: a letter ("b", "(B)", "option b"), or the option's text."""
    norm = normalise_text(answer)
    letters = LETTERS[: len(choices)].lower()
    letter = re.fullmatch(rf"(?:the answer is |answer |option |choice )?([{letters}])", norm)
    if letter:
        return letters.index(letter.group(1))
    options = [normalise_text(c) for c in choices]
    if norm in options:
        return options.index(norm)
    hits = [i for i, option in enumerate(options) if option and re.search(rf"\b{re.escape(option)}\b", norm)]
    return hits[0] if len(hits) == 1 else None


def _student_values(answer: str) -> list[tuple[Poly, Poly | None]]:
    """Candidate readings of a student's answer: the whole text, then numbers/equations found in it (last first)."""
    readings = []
    try:
        readings.append(parse_math(answer.strip().rstrip(".!")))
    except MathError:
        pass
    for found in reversed(_NUMBER_OR_EQUATION.findall(answer)):
        try:
            readings.append(parse_math(found.rstrip(".,")))
        except MathError:
            continue
    return readings


def _bare_variable(poly: Poly) -> str | None:
    names = poly.variables()
    return next(iter(names)) if len(names) == 1 and poly == Poly.var(next(iter(names))) else None


def _as_value(reading: tuple[Poly, Poly | None]) -> Poly:
    """"x = 4", "4 = x" and "4" all read as the value 4; any other equation as left - right."""
    left, right = reading
    if right is None:
        return left
    if _bare_variable(left):
        return right
    if _bare_variable(right):
        return left
    return left - right


def _satisfies(reading: tuple[Poly, Poly | None], left: Poly, right: Poly, var: str) -> bool:
    """Substitute the student's value for `var` into the equation and check both sides agree exactly."""
    value = _as_value(reading)
    if not value.is_const():
        return False
    total = Fraction(0)
    for monomial, coeff in (left - right).terms.items():
        total += coeff * value.value() ** dict(monomial).get(var, 0)
    return total == 0


def check_answer(student_answer: str, expected: str = "", problem: str = "",
                 choices: list[str] | None = None) -> dict[str, Any]:
    """Is the student's answer right? Multiple choice by letter or text; math exactly (fractions, algebra).

    The feedback never states the expected answer, so the result is safe to show to a student.
    """
    if not student_answer.strip():
        raise MathError("student_answer is empty")
    if choices:
        return _check_choice(student_answer, expected, choices)
    readings = _student_values(student_answer)
    if not readings:
        if expected and normalise_text(student_answer) == normalise_text(expected):
            return {"correct": True, "method": "text", "feedback": "That matches."}
        feedback = "I couldn't find a number or expression in that answer."
        return {"correct": False, "method": "none", "feedback": feedback}
    equation = problem_equation(problem) if problem and not expected else None
    if equation is not None:
        left, right, var = equation
        ok = any(_satisfies(r, left, right, var) for r in readings)
        feedback = "That value makes both sides equal." if ok else "That value doesn't make both sides equal."
        return {"correct": ok, "method": "substitution", "feedback": feedback}
    target = expected or (solve(problem).answer if problem and solve(problem) else "")
    if not target:
        raise MathError("nothing to check against: give expected, or a problem with an equation or arithmetic to solve")
    wanted = parse_math(target)
    ok = any(_as_value(r) == _as_value(wanted) for r in readings)
    return {"correct": ok, "method": "exact", "feedback": "That's exactly right." if ok else "Not quite yet."}


def _check_choice(student_answer: str, expected: str, choices: list[str]) -> dict[str, Any]:
    picked = match_choice(student_answer, choices)
    if picked is None:
        span = f"{LETTERS[0]}-{LETTERS[len(choices) - 1]}"
        feedback = f"I couldn't tell which option ({span}) you mean."
        return {"correct": False, "method": "multiple_choice", "feedback": feedback}
    target = match_choice(expected, choices) if expected else None
    if target is None:
        raise MathError("expected must name one of the choices (a letter or the option text)")
    ok = picked == target
    feedback = "That's the right option." if ok else "That option isn't the best one."
    return {"correct": ok, "method": "multiple_choice", "picked": LETTERS[picked], "feedback": feedback}


def problem_equation(problem: str) -> tuple[Poly, Poly, str] | None:
    for span in math_spans(problem):
        left, right = parse_math(span)
        if right is not None and len((left - right).variables()) == 1:
            return left, right, next(iter((left - right).variables()))
    return None


def algebra_exercise(problem: str) -> tuple[str, Poly] | None:
    """The expression with letters a problem asks to expand or simplify ("Expand 3(x + 4).") as written and as read;
    None where there is none (an equation has `solve`), nor for a measure ("2/5 m long": a number, then its unit)."""
    for span in math_spans(problem):
        left, right = parse_math(span)
        measure = re.fullmatch(r"-?\d+(?:[./]\d+)?\s+[A-Za-z]+", span.strip())
        if right is None and left.variables() and exercise(span, problem) and not times_x(span) \
                and not measure:
            return span, left
    return None


def times_x(span: str) -> bool:
    """Whether an x in the span is a times sign: "12 x 4 - 3", "(-4) x (-6)", "3 x -2" (a letter x has no number or
    bracket right after it: "5x - 3x", "2(x + 1)", "2x(x + 1)")."""
    return bool(re.search(r"\d\s*x\s*\d|\)\s*x\s*[-(\d]|\d\s+x\s+(?:\(|-\d)", span))


def written_expressions(work: str, letters: set[str]) -> list[tuple[str, Poly, Poly | None]]:
    """The student's expressions in the exercise's letters, in the order written: (text, left, right), right None for
    a bare expression ("I got 3x + 4") and the other side for a step ("4(2a + 3) = 8a + 12")."""
    found = []
    for span in math_spans(work):
        left, right = parse_math(span)
        if (left.variables() | (right.variables() if right is not None else set())) <= letters \
                and (left.variables() or right is not None and right.variables()):
            found.append((work.find(span), span, left, right))
    return [(span, left, right) for _, span, left, right in sorted(found)]


# "3(x + 4)": a number times a bracket of two terms; "-(x - 3)": a bracket taken away
_TIMES_BRACKET = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*\(\s*([^()]+?)\s*([-+])\s*([^()]+?)\s*\)")


def first_term_only(span: str) -> tuple[Poly, str, str, str, str] | None:
    """The expression with a bracket's multiplier applied to its first term only ("3(x + 4)" read as 3x + 4), the
    slip of distributing to one term: (what that gives, the multiplier, the first term, the second, the bracket as
    written); None without a number times a bracket."""
    m = _TIMES_BRACKET.search(span)
    if m is None:
        return None
    number, first, sign, second = m.groups()
    slipped = f"{span[:m.start()]}{number}*({first}) {sign} {second}{span[m.end():]}"
    try:
        return parse_math(slipped)[0], number, first, second, m.group()
    except MathError:
        return None


def sides_at(problem: str, value: Fraction) -> tuple[str, Fraction, str, Fraction] | None:
    """The problem's equation with `value` put in for its letter: (left as written, its value, right as written, its
    value), so a student's root is checked by substitution; None without a one-letter equation in the problem."""
    for span in math_spans(problem):
        left, right = parse_math(span)
        if right is None or len((left - right).variables()) != 1 or (left - right).degree() != 1:
            continue   # x² = 49 has two roots: one of them is no check of the answer
        letter = next(iter((left - right).variables()))

        def at(side: Poly) -> Fraction:
            return sum((c * value ** dict(m).get(letter, 0) for m, c in side.terms.items()), Fraction(0))

        written = [side.strip() for side in span.split("=")]
        return written[0], at(left), written[1], at(right)
    return None


def unbalanced_step(problem: str, work: str) -> str | None:
    """The first equation the student wrote with the problem's letter ("4x = 19 - 5") that the equation's own root
    does not satisfy: every right step keeps the root, so this one does not follow (the root is never said). `work`
    is written with ASCII signs (lesson.arithmetic_text)."""
    solution = solve(problem) if problem_equation(problem) is not None else None
    if solution is None or not solution.variable or not solution.values:
        return None
    math = rf"(?:[-\d.+*/()\s]|\b{solution.variable}\b|(?<=\d){solution.variable}\b)*"   # "got 3x = 10": 3x = 10
    for line in re.split(r"[,;:]|\b(?:then|so|and)\b", work):
        sides = [side.strip() for side in line.split("=")]
        sides = [re.search(f"{math}$", sides[0]).group().strip(), *sides[1:-1],
                 re.match(math, sides[-1]).group().strip()] if len(sides) > 1 else []
        for left, right in zip(sides, sides[1:]):
            if not re.search(rf"\d*{solution.variable}\b", f"{left} {right}") or not left or not right:
                continue
            try:
                kept = [parse_math(re.sub(rf"\b{solution.variable}\b|(?<=\d){solution.variable}\b", f"({v})",
                                          f"{left} = {right}")) for v in solution.values]
            except (MathError, ZeroDivisionError):
                continue
            if all(r is not None and (l - r).is_const() and (l - r).value() != 0 for l, r in kept):
                return f"{left} = {right}".replace("-", "−")
    return None
