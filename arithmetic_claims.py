"""Reading the arithmetic a student writes: every claim ("6 x 9 = 54", "45 + 3.60 = 48.60", "then x 3 = 67.5",
"I divided 120 by 8 and got 15") checked exactly with Fractions, the numbers they offer as results (in dollars
when they say cents; two they hesitate between), whether a number is offered as their final answer, the operation
they say they do next ("... then took 4"), and what a number measures by the unit written after it. No verdict on
a step lives here: math_moves.py decides the move.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

import wordproblem
from clock_claims import clock_steps, without_clocks
from mathcheck import MathError, parse_math
from problem_text import NUM, given_numbers, problem_sentences, question_sentence, question_target
from solver import fmt
from spoken_arithmetic import plain_nouns, spoken_numbers, spoken_operations
from wording import OP_WORDS

OP_SIGN = {"+": "+", "-": "−", "*": "×", "/": "÷"}


@dataclass(frozen=True)
class Claim:
    """An arithmetic claim a student wrote: "6 × 9 = 54" with its exact truth."""

    expression: str       # as shown back to the student ("6 × 9")
    stated: Fraction
    true: Fraction
    written: str = ""     # the result as the student wrote it ("2/5", "48.60")
    mixed: bool = False   # the student wrote mixed numbers ("5 1/4"): they are shown back that way, never as 21/4

    @property
    def right(self) -> bool:
        """Exactly right, or a decimal rounded (or cut) at its last written place: 91 / 6 = 15.17, 50 / 300 = 0.1666."""
        places = len(self.written.partition(".")[2]) if "." in self.written else None
        close = places is not None and abs(self.stated - self.true) < Fraction(1, 10**places)
        return self.stated == self.true or close

    @property
    def shown(self) -> str:
        """The left side as shown back: in the student's own form (mixed numbers stay mixed)."""
        return as_mixed(self.expression) if self.mixed else self.expression

    @property
    def result(self) -> str:
        return as_mixed(self.written) if self.mixed and self.written else self.written or fmt(self.stated)

    def __str__(self) -> str:
        return f"{self.shown} = {self.result}"


def as_mixed(text: str) -> str:
    """Improper fractions back as the mixed numbers a student wrote: "21/4 − 11/4" -> "5 1/4 − 2 3/4"."""
    def mixed(m: re.Match) -> str:
        top, bottom = int(m.group(1)), int(m.group(2))
        return f"{top // bottom} {top % bottom}/{bottom}" if top > bottom and top % bottom else m.group()
    return re.sub(r"(?<![\d/])(\d+)/(\d+)(?![\d/])", mixed, text)


_OPS = r"[-+*/]"
_SIGNED = rf"(?<![\d./])(?:(?<![\d)]\s)(?<![\d)])-(?=\d))?{NUM}(?![\d/])"   # "-15" is signed, "20 - 8" is not
_TERM = rf"(?:\(\s*)*-?{NUM}(?:\s*\))*"
_REMAINDER = re.compile(r"\s*(?:r|rem|remainder)\.?\s*(\d+)\b", re.I)
CLAIM = re.compile(rf"(?P<left>(?:{_TERM}|(?<![\d.)])(?={_OPS}))(?:\s*{_OPS}\s*{_TERM})+)"
                    rf"\s*(?:=|\bis\b|\bequals\b|\bmakes\b|\bgives\b)\s*(?P<right>-?{NUM})(?![\d/])")


_GROUPS = r"groups|lots|sets|rows|bags|boxes|packs|packets|trays|stacks|piles|columns|teams"


# a result said right after an operation in words ("... and got 38", "to get 38", "which is 38")
_SAID_RESULT = r"(?=\s*,?\s*(?:and (?:i )?got|to get|which (?:is|gives|makes)|that'?s|and it'?s|=)\s*" \
               r"-?\d(?![\d.]*[a-z]))"   # "subtracted 5 to get 3x = 21" names an equation, not a result
# An operation said in words, and its result: "I divided 120 by 8 and got 15" is the claim "120 / 8 = 15" (asking
# "how did you get 15?" of a student who just said how would not listen to them).
_WORDED = ((rf"\b(?:divided|divide|shared|split) ({NUM}) (?:by|into|between|among) ({NUM})", r"\1 / \2"),
           (rf"\b(?:multiplied|multiply|timesed) ({NUM}) (?:by|and|with) ({NUM})", r"\1 * \2"),
           (rf"\b(?:added|add) ({NUM}) (?:and|to|plus) ({NUM})", r"\1 + \2"),
           (rf"\b(?:subtracted|subtract|took|take) ({NUM}) (?:away )?from ({NUM})", r"\2 - \1"),
           (rf"({NUM}),? and (?:then )?(?:i )?divided (?:it |that |them )?(?:by|into) ({NUM})", r"\1 / \2"),
           # "45 in 5s is 9", "48 in groups of 6 makes 8": counting in equal groups is a division
           (rf"(?<![\d./])({NUM}) in (?:({NUM})'?s|(?:{_GROUPS}) of ({NUM}))(?=\s*(?:is|=|makes|gives|equals)\b)",
            lambda m: f"{m.group(1)} / {m.group(2) or m.group(3)}"),
           (rf"({NUM}),? and (?:then )?(?:i )?multiplied (?:it |that |them )?by ({NUM})", r"\1 * \2"),
           # one number said, the last result the other: "then I added 8 and got 38" goes on from the result before
           (rf"\b(?:added|add) ({NUM})(?: to (?:it|that|them|this))?{_SAID_RESULT}", r"+ \1"),
           (rf"\b(?:subtracted|subtract|took away|take away|took|take) ({NUM})(?: away)?"
            rf"(?: from (?:it|that|them|this))?{_SAID_RESULT}", r"- \1"),
           (rf"\b(?:multiplied|multiply|timesed) (?:it|that|them|this) by ({NUM}){_SAID_RESULT}", r"* \1"),
           (rf"\b(?:divided|divide|split|shared) (?:it|that|them|this) (?:by|into|between|among) ({NUM}){_SAID_RESULT}",
            r"/ \1"),
           # "to get 12" is "= 12", but "I subtracted 5 to get 3x = 21" names an equation: its "3x" is no result
           (r"(?<=\d)\s*,?\s*(?:and (?:i )?got|to get|which (?:is|gives|makes)|that'?s|and it'?s)\s+"
            r"(?=-?\d(?![\d.]*[a-z]))", " = "),
           # "8 take away 3 so 5", "63 / 9, which means 7": a result joined to the operation by "so", said once
           (rf"({NUM}\s*(?:[-+*/x×÷]|take away|minus|plus|times|divided by)\s*{NUM})\s*,?\s*(?:so|which means|"
            rf"that leaves|leaves|leaving)\s+(?=-?{NUM}(?![\d.,]*\s*(?:[-+*/x×÷=%]|take\b|minus|plus|times|divided)))",
            r"\1 = "))


def arithmetic_text(text: str) -> str:
    """Symbols for the ways students write operations ("6 x 9", "7 times 8", "÷", "25% of", "1/2 of 24", "12 groups
    of 3", "96 take away 59", "double 14", "6 hrs and 4 hrs is 10"), "4 and a half" as 4 1/2, "one hundred twenty" as
    120, no $ or commas."""
    t = re.sub(r"\b(\d+) and (?:a|one) (half|quarter)\b(?! of\b)",   # "24 and a quarter of that" is two steps
               lambda m: f"{m.group(1)} 1/{2 if m.group(2) == 'half' else 4}", spoken_numbers(text))
    t = spoken_operations(wordproblem.normalise(t)).replace("$", "")
    t = re.sub(r"(?<=\d),(?=\d{3})", "", t)
    t = re.sub(r"(\d)\s*%\s*of\b", r"\1/100 *", t)
    t = re.sub(rf"(?<![\d/])(\d+/\d+) of (?=\d)|(?<=\d) (?:{_GROUPS}) of (?=\d)", lambda m: f"{m.group(1) or ''} * ",
               t)
    for words, symbol in (*_WORDED, (r"\b(?:times|multiplied by)\b|(?<=[\d\s])[x×](?=\s*(?:[-−]?\d|\())", "*"),
                          (r"\bdivided by\b|÷", "/"), (r"\bplus\b", "+"),
                          (r"\bminus\b|−|(?<=\d) (?:take away|takeaway|subtract) (?=\d)", "-")):
        t = re.sub(words, symbol, t, flags=re.I)
    return plain_nouns(t)


def claims(text: str) -> list[Claim]:
    """Every "a op b (op c...) = v" in the text, checked exactly; "then x 3 = 67.5" continues from the last result;
    clock times ("3:45 to 4:00 is 15 min", "9:50 plus 2 hours is 11:50") are clock_claims.py's, after the rest."""
    found: list[Claim] = []
    mixed = bool(re.search(r"\b\d+ \d+/\d+\b", text))
    written = arithmetic_text(without_clocks(text))   # "9:50 + 2 hours is 11:50" is the clock's (clock_claims.py)
    at = 0
    while (m := CLAIM.search(written, at)) is not None:
        at = m.end()
        left = m.group("left").strip()
        if left.count("(") != left.count(")"):
            continue
        if re.match(_OPS, left) and not re.match(r"-\d", left):   # "-4 + 11 = 7" starts with a negative number
            if not found:
                continue
            left = f"{fmt(found[-1].stated)} {left}"
        try:   # a fraction written tight is one number: "1 / 1/2 = 2" divides by a half
            value, _ = parse_math(re.sub(r"(?<![\d./])(\d+/\d+)(?![\d./])", r"(\1)", left))
        except (MathError, ZeroDivisionError):
            continue
        try:   # a right side that reads as no one number ("12.205/40" of claims run together) claims nothing
            stated = Fraction(m.group("right"))
        except ValueError:
            continue
        if not value.is_const():
            continue
        true, result = value.terms.get((), Fraction(0)), m.group("right")
        if re.fullmatch(r"\d+/\d+", left) and true < 1 <= stated:   # "one eighth is 30 litres": a part of a whole
            continue   # named by its size, never the claim that 1/8 makes 30
        chained = _chained(written, m)
        if chained is not None and stated != true == chained:   # "-24 - (-5) = -24 + 5 = -19": one chain of equals
            stated, result, at = chained, "", m.start("right")
        left_over, divided = _REMAINDER.match(written, m.end()), re.fullmatch(r"(\d+)\s*/\s*(\d+)", left)
        if left_over and divided and true.denominator != 1:   # "62 ÷ 8 = 7 R 6" says the division exactly
            (a, b), q, r = map(int, divided.groups()), Fraction(result), int(left_over.group(1))
            # "50 ÷ 6 = 8 R 4": a right quotient with a wrong remainder is wrong as a whole, never "does not make 8"
            if q.denominator == 1 and q * b <= a < (q + 1) * b:
                stated, result = q + Fraction(r, b), f"{result} R {r}"   # "3 R 4" of 28 ÷ 8 is 3 4/8 of one
        found.append(Claim(_shown(left), stated, true, result, mixed))
    found += [Claim(c.expression, c.stated, c.true, c.written) for c in clock_steps(text)]   # in minutes
    # a conversion said alone is the step itself; after a chain of sums it restates their result in the asked unit,
    # which the answer's own checks judge (answer_check._unit_changed)
    return found or _conversions(written)


# a measure said again in another unit: "1.75 hours = 105 minutes", "1200 m so that's 1.2 km"
_CONVERSION = re.compile(rf"(?<![\d./])(?P<a>{NUM})\s*(?P<u>[a-z]+)\s*(?:=|\bis\b|\bmakes\b|\bequals\b|,?\s*(?:so\s+)?"
                         rf"(?:that'?s|that is|which is))\s*(?P<b>{NUM})\s*(?P<v>[a-z]+)", re.I)


def _conversions(written: str) -> list[Claim]:
    """The conversions between units a student writes, read as the claim they make ("1.75 hours = 105 minutes" is
    1.75 × 60 = 105) when they check out exactly: a wrong one is left to the slips that name it (step_rules.time_slip:
    "1.5 hours = 150 minutes" counts 100 minutes to the hour), never a bare "the two sides are not equal"."""
    found = []
    for m in _CONVERSION.finditer(written):
        a, b, u, v = Fraction(m.group("a")), Fraction(m.group("b")), m.group("u"), m.group("v")
        up, down = wordproblem.unit_factor(u, v), wordproblem.unit_factor(v, u)
        if up and a * up == b:
            found.append(Claim(f"{m.group('a')} × {up}", b, b, m.group("b")))
        elif down and a / down == b:
            found.append(Claim(f"{m.group('a')} ÷ {down}", b, b, m.group("b")))
    return found


_RUN = re.compile(rf"-?{NUM}(?:\s*{_OPS}\s*{_TERM})+")


def _chained(written: str, m: re.Match) -> Fraction | None:
    """The value of the expression a claim's right side starts ("-24 - (-5) = -24 + 5 = -19": -19), None when the
    right side is one number. The caller tells a chain of equals from a run of steps ("3 x 4 = 12 + 2 = 14": 12 is
    the claim, then + 2 goes on from it) by which of the two the left side equals."""
    run = _RUN.match(written, m.start("right"))
    if run is None:
        return None
    try:
        value, _ = parse_math(run.group())
    except (MathError, ZeroDivisionError):
        return None
    return value.terms.get((), Fraction(0)) if value.is_const() else None


# the two levels of the order of operations; within one level the operations go left to right
_LEVEL = {"+": 0, "-": 0, "*": 1, "/": 1}
_FLAT = re.compile(rf"(-?{NUM})((?:\s*[-+*/]\s*{NUM})+)")


def _chain(problem: str) -> tuple[str, list[Fraction], list[str]] | None:
    """The problem's own chain of numbers and signs ("36 ÷ 6 × 3") as shown, its numbers and its operations; None
    when it has brackets, one operation only, or is no plain chain ("2 1/4 + 1 1/2")."""
    flat = next((m for m in _FLAT.finditer(arithmetic_text(problem)) if "(" not in problem), None)
    tokens = re.findall(rf"{NUM}|[-+*/]", flat.group(2)) if flat else []
    ops, others = tokens[0::2], tokens[1::2]
    if len(ops) < 2 or any(op not in _LEVEL for op in ops) or any(n in _LEVEL for n in others) \
            or len(others) != len(ops):
        return None
    return _shown(flat.group()), [Fraction(flat.group(1)), *map(Fraction, others)], ops


def _first_op(ops: list[str]) -> int:
    top = max(_LEVEL[op] for op in ops)
    return next(i for i, op in enumerate(ops) if _LEVEL[op] == top)


def _rule(ops: list[str], at: int) -> str:
    """The rule that doing operation `at` first skips: "left to right" within one level, else "levels"."""
    return "left to right" if _LEVEL[ops[at]] == _LEVEL[ops[_first_op(ops)]] else "levels"


def out_of_order(problem: str, found: list[Claim], made: set[Fraction | None] = frozenset()) -> \
        tuple[Claim, str, str] | None:
    """The student's first operation on two neighbours of the problem's own chain ("36 ÷ 6 × 3"), when it is not the
    one that comes first and doing it first changes the value: that claim, the chain as shown, and the rule it skips
    ("left to right" within one level, "levels" for × and ÷ before + and −). None when their first such operation
    is the right one, or the problem has no chain of two operations or more (`_chain`). A claim on a number the
    student worked out (`made`, or a result written before it: "36 ÷ 6 = 6" then "6 × 3") is their next step."""
    chain = _chain(problem)
    if chain is None:
        return None
    shown, numbers, ops = chain
    first = _first_op(ops)
    for index, claim in enumerate(found):
        one = re.fullmatch(rf"\s*(-?{NUM})\s*([-+*/])\s*(-?{NUM})\s*", arithmetic_text(claim.expression))
        if one is None:
            continue
        a, op, b = Fraction(one.group(1)), one.group(2), Fraction(one.group(3))
        if {a, b} & (set(made) | {c.stated for c in found[:index]}):
            return None   # it works on their own result: a later step, not the problem's own numbers
        pairs = {(a, b), (b, a)} if op in "+*" else {(a, b)}
        at = next((i for i, o in enumerate(ops) if o == op and (numbers[i], numbers[i + 1]) in pairs), None)
        if at is None:
            continue
        if at == first or _chain_value(numbers, ops, at) == _chain_value(numbers, ops, first):
            return None   # their first operation on the expression comes first, or changes nothing (2 + (8 − 3))
        return claim, shown, _rule(ops, at)
    return None


def reordered(problem: str, value: Fraction) -> tuple[str, str, str] | None:
    """A wrong value of the problem's chain that doing one operation before its turn makes (3 for "45 ÷ 5 × 3", by
    5 × 3 first): that operation as shown ("5 × 3"), the chain as shown, and the rule it skips; None for any other
    value (a true statement about the arithmetic, never a guess at what the student did)."""
    chain = _chain(problem)
    if chain is None:
        return None
    shown, numbers, ops = chain
    right = _chain_value(numbers, ops, _first_op(ops))
    at = next((i for i in range(len(ops)) if value != right and _chain_value(numbers, ops, i) == value), None)
    if at is None:
        return None
    return _shown(f"{fmt(numbers[at])} {ops[at]} {fmt(numbers[at + 1])}"), shown, _rule(ops, at)


def _chain_value(numbers: list[Fraction], ops: list[str], first: int) -> Fraction | None:
    """The chain's value when operation `first` is done before the rest (which then follow the usual order)."""
    try:
        done = wordproblem.apply_op(ops[first], (numbers[first], numbers[first + 1]))
        rest = [*numbers[:first], done, *numbers[first + 2:]]
        left = " ".join(f"({fmt(n)}) {op}" for n, op in zip(rest, [*ops[:first], *ops[first + 1:]]))
        value, _ = parse_math(f"{left} ({fmt(rest[-1])})")
    except (MathError, ZeroDivisionError):
        return None
    return value.terms.get((), Fraction(0))


def result_of(worked: str) -> Fraction | None:
    """The result of a claim as the lesson keeps it ("468 − 310 = 158" -> 158)."""
    try:
        return sum((Fraction(part) for part in worked.rsplit("= ", 1)[1].split()), Fraction(0))  # "3 1/2" is mixed
    except (IndexError, ValueError, ZeroDivisionError):
        return None


def route_to(worked: list[str], given: list[Fraction], value: Fraction, work: str) -> str:
    """How one operation makes a number offered without its working from the student's last result and a number of
    the problem their work has not used yet ("6 each" after "48 − 6 = 42", with 7 friends), or from their last two
    results ("$37" after 27 and 10): "42 ÷ 7 = 6 checks out, after your 48 − 6 = 42."; "" when none does. Words,
    never a verdict on the step: whether it is the problem's step is the plan's to say."""
    results_of = [(w, result_of(w)) for w in worked if result_of(w) is not None][-2:]
    if not results_of:
        return ""
    used = {v for w in worked for v in wordproblem.numbers_in(w)}
    last = results_of[-1][1]
    # the pairs in the order a student writes them: their last result first with a number of the problem, their
    # earlier result first with their last
    pairs = [(last, v) for v in given if v not in used] + [(r, last) for _, r in results_of[:-1]]
    route = next((f"{fmt(a)} {OP_SIGN[op]} {fmt(b)} = {as_written(value, work)}"
                  for pair in pairs for a, b in (pair, pair[::-1]) for op in "+-*/"
                  if (op != "/" or b) and wordproblem.apply_op(op, (a, b)) == value), "")
    return f"{route} checks out, after your {results_of[-1][0]}." if route else ""


def path_to(worked: list[str], answer: Fraction) -> list[str]:
    """The claims that lead to the answer, in the order written: the last one that makes it, then, going back, the
    latest earlier claim that makes each number it uses (the student's "36 ÷ 6 = 6" though the problem gives a 6
    too). A claim off that path (a step the student went back on) is left out; [] when no claim makes the answer."""
    made = [result_of(w) for w in worked]
    last = next((i for i in reversed(range(len(made))) if made[i] == answer), None)
    path, todo = set(), [last] if last is not None else []
    while todo:
        index = todo.pop()
        path.add(index)
        left = re.sub(r"(?<=\d)/(?=\d)", " / ", arithmetic_text(worked[index].rsplit("=", 1)[0]))   # "36/6": 36, 6
        uses = set(wordproblem.numbers_in(left)) | {Fraction(int(a), int(b)) for a, b in re.findall(   # "1 − 13/20"
            r"(?<![\d/.])(\d+)/([1-9]\d*)(?![\d/])", arithmetic_text(worked[index].rsplit("=", 1)[0]))}
        todo += [i for n in uses if (i := next((i for i in reversed(range(index)) if made[i] == n), None)) is not None
                 and i not in path]
    return [worked[i] for i in sorted(path)]


def whole_route(worked: list[str], given: list[Fraction], value: Fraction) -> list[str]:
    """The student's claims that make `value` (`path_to`) when they use every number the problem gives exactly once
    and nothing else but their own earlier results ("15 × 6 = 90, 90 + 20 = 110" of 15 pages a day for 6 days and
    20 more): right arithmetic all the way through; [] otherwise. Without a plan that is still no verdict on the
    steps, only that the route is complete."""
    path = path_to(worked, value)
    left = [re.sub(r"(?<=\d)/(?=\d)", " / ", arithmetic_text(w.rsplit("=", 1)[0])) for w in path]
    used = Counter(n for side in left for n in wordproblem.numbers_in(side))
    made = Counter(result_of(w) for w in path[:-1])
    if not path or made - used or used - made != Counter(given) or len(path) < 2:
        return []
    return path


def right_through(worked: list[str], given: list[tuple[Fraction, str]], said: list[Fraction], work: str,
                  problem: str, asked_before: str) -> tuple[str, str] | None:
    """(lead, question) without a plan for a chain of right claims that uses every given number once (`whole_route`)
    and makes the number the student offers as the answer, or their latest claim's: all the checker can say, said
    plainly, and how that number answers the question (never "right" of the answer: no plan knows it); offered as
    the answer again after that question (`asked_before`), what each result counts in the story is asked: the
    arithmetic cannot tell a right route from a wrong one that uses the same numbers."""
    route = whole_route(worked, [v for v, _ in given], said[-1]) if said else []
    target = question_target(question_sentence(problem_sentences(problem)))
    if not route or not target or not (presented_as_answer(work, said[-1]) or
                                       str(route[-1]) in " ".join(str(c) for c in claims(work))):
        return None
    value = as_written(said[-1], work)
    ask = f"Is {value} {target}? Say how your steps lead there."
    if asked_before == ask and presented_as_answer(work, said[-1]):   # the story, not the arithmetic, decides now
        return ("Every step of your arithmetic checks out.", f"To be sure it fits the story, say what each result "
                f"counts: what is {fmt(result_of(route[0]))} in this problem, and what is {value}?")
    return f"Your arithmetic is right all the way through: {', then '.join(route)}, using every number the " \
           f"problem gives once.", ask


def computed_given(value: Fraction, found: list[Claim], given: list[tuple[Fraction, str]]) -> bool:
    """Is `value`, a number the problem gives, one a right claim makes from other numbers ("36 ÷ 12 = 3", a recipe's
    scale, where the recipe gives 3 cups)? Then a diagnosis of that number ("You used the whole 3 cups") is a
    coincidence: the student computed it."""
    return value in {v for v, _ in given} and any(c.right and c.stated == value and value not in
                                                   wordproblem.numbers_in(c.expression) for c in found)


def their_equation(work: str, letter: str, value: Fraction) -> str:
    """The equation with the problem's letter the student wrote for a step's value ("so 6x is 36" -> "6x = 36",
    "x/4 = 4"), as they wrote its sides; "" when they wrote none."""
    side = rf"-?{NUM}\s*\*?\s*{letter}|{letter}\s*/\s*{NUM}|{letter}"
    for m in re.finditer(rf"(?<![\w.])({side})\s*(?:=|\bis\b|\bequals\b)\s*(-?{NUM})(?![\d/])",
                         arithmetic_text(work)) if letter else ():
        if Fraction(m.group(2)) == value:
            return f"{m.group(1).replace('*', '').replace(' ', '')} = {m.group(2)}"
    # "so 3x + 7 = 22" of 5x + 7 = 2x + 22: the x terms gathered, the step's value as the letter's number
    whole = re.search(rf"(?<![\w.])({fmt(value)}\s*{letter}\s*[-+]\s*{NUM}\s*=\s*-?{NUM})(?![\d/])",
                      arithmetic_text(work)) if letter and value.denominator == 1 else None
    return whole.group(1) if whole else ""


_BOTH = re.compile(rf"\b(?:(?P<div>divid\w*)|(?P<mul>multipl\w*|times)|(?P<sub>subtract\w*|take away|took away|"
                   rf"minus)|(?P<add>add\w*|plus))\s+(?:(?:both sides|each side|it)\s+)?(?:by\s+)?(?P<n>{NUM})"
                   rf"(?![\d/])(?!\s*(?:=|is\b|gives|makes))", re.I)


def both_sides(work: str) -> tuple[str, Fraction] | None:
    """The operation a student says they do to both sides of an equation, without its result ("divide both sides by
    6", "subtract 5 from both sides", "I'd take away 5"): its sign and number; None when they name none."""
    m = _BOTH.search(wordproblem.normalise(work))
    if m is None or claims(work):
        return None
    op = next(sign for name, sign in (("div", "/"), ("mul", "*"), ("sub", "-"), ("add", "+")) if m.group(name))
    return op, Fraction(m.group("n"))


def as_written(value: Fraction, work: str) -> str:
    """A number the student gave, in their own form: "3 1/2" stays mixed, "5/8" a fraction, "0.625" a decimal,
    "-15" signed (the last one written); the plain form (fmt) when they did not write it."""
    for m in re.finditer(r"(?<![\d./])(-?)(\d+) ([1-9]\d*)/([1-9]\d*)(?![\d/])", work):   # mixed first: "3 1/2"
        whole = int(m.group(2)) + Fraction(int(m.group(3)), int(m.group(4)))
        if (-whole if m.group(1) else whole) == value:
            return m.group()
    same = [m.group() for m in re.finditer(_SIGNED, arithmetic_text(work))
            if not re.search(r"/0+$", m.group()) and Fraction(m.group()) == value]
    return same[-1] if same else fmt(value)   # the last: "x = 36/6 = 6" offers 6, its 36/6 is the working


def unused_quantities(given: list[tuple[Fraction, str]], work: str) -> list[str]:
    """The problem's quantities the student's arithmetic has not used yet (with their nouns: "120 pages")."""
    shown = " ".join(str(c) for c in claims(work))
    written = re.findall(NUM, arithmetic_text(shown))   # "what about the 5?" uses none
    used = {Fraction(n) for n in written} | {Fraction(part) for n in written for part in n.split("/")}
    used |= {v * 100 for v in used} | {-v for v in used}  # "20% of 552" used the problem's 20; "-40 + 15" its -40
    used |= {1 / v for v in used if v}   # "0.75 / 4" used the problem's 1/4
    parts = {v for v, _ in given if v.denominator != 1 and {Fraction(v.numerator), Fraction(v.denominator)} <= used}
    parts |= {v for v, p in given if ":" in p and p.split()[0].replace(":", ".") in written}   # "9:45" as 9.45
    clocks = set(re.findall(r"\d{1,2}:\d\d", shown))   # "9:50 + 2 hours = 11:50" used the problem's 9:50am
    parts |= {v for v, p in given if (m := re.match(r"\d{1,2}:\d\d", p)) and m.group() in clocks}
    return list(dict.fromkeys(phrase for value, phrase in given if value not in used | parts and value != 1))   # 5/6


def true_of_work(says: str, work: str, problem: str) -> bool:
    """May a sentence say what the student did ("You divided 8 by 2.")? Only when every number it says they used is
    one they wrote or the problem gave ("You divided 8 by 2" of "40 ÷ 10 = 4" is false of their work); a number
    after "but", "not", "instead of" ("... but not 7 boxes") is one they left out, truthfully."""
    texts = (work, arithmetic_text(work), problem, arithmetic_text(problem))
    known = {Fraction(n) for text in texts for n in re.findall(NUM, text) if not re.search(r"/0+$", n)}
    known |= {n for text in texts for n in wordproblem.numbers_in(text)}   # "5 1/4" is 1/4 and 21/4 too
    did = re.split(r"[;:,]|\b(?:but|not|instead of|only once|without)\b", says)[0]
    if not set(wordproblem.numbers_in(did)) <= known:
        return False
    # "You divided 3 by 12." of "12 + 1 = 13": an operation on numbers that no claim of theirs makes, nor their words
    verb = re.match(r"You (divided|multiplied|added) (?!the\b)", did)
    written = claims(work)
    if verb is None or not written or re.search(rf"\b{verb.group(1)[:4]}", work, re.I):
        return True
    op = {"divided": "/", "multiplied": "*", "added": "+"}[verb.group(1)]
    named = set(wordproblem.numbers_in(did))
    return any(op in operations(c) and named <= set(wordproblem.numbers_in(re.sub(r"(?<=\d)/(?=\d)", " / ",
                                                                                   arithmetic_text(c.expression))))
               for c in written)


def said_of_work(says: str, value: Fraction, work: str, problem: str, found: list[Claim]) -> bool:
    """May a diagnosis of `value` be said to this work? Never of a number the student computed from others
    (`computed_given`); else when it is true of the work (`true_of_work`) or the work has no claim, or when the work
    offers the number as the answer and the diagnosis speaks of the problem's step, not of what the student did ("The
    10% is of 40, the amount after the first change" of "20 + 10 = 30% of 50, so 35"): the slip is at that step."""
    if computed_given(value, found, given_numbers(problem)):
        return False
    return not found or true_of_work(says, work, problem) or presented_as_answer(work, value) \
        and not says.startswith("You")


def operations(claim: Claim) -> list[str]:
    """The operations a claim uses, in order ("25 − 20" -> ["-"]; a leading minus is a sign, not an operation)."""
    return re.findall(r"(?<=[\d)])\s*([-+*/])", arithmetic_text(claim.expression))   # "2 * -3": one operation


# an operation typed first, with no number before it: "minus the 3 broken ones so 45 left", "so plus 25 is 40"
_LEADING_OP = re.compile(rf"^\W*(?:(?:so|ok|okay|then|first|well|i did|i)\s+)*(?P<op>[-+*/])\s*(?P<b>{NUM})\s*"
                         rf"(?:=|\bis\b|\bmakes\b|\bequals\b|\bgives\b)\s*(?P<v>{NUM})(?![\d/])")
_OP_WORD = re.compile(r"\b(?:minus|take away|takeaway|subtract|plus|add|times|divided by)\b|"
                      r"[-+x×÷*/](?=\s*\$?\d)", re.I)


def with_start_amount(work: str, problem: str) -> str:
    """"minus the 3 broken ones so 45 left" of a problem that gives 48 cookies: an operation typed with no number
    before it starts from the one number of the problem that makes its result ("48 minus the 3 ..."); the work is
    unchanged when no number or more than one does."""
    m = _LEADING_OP.match(arithmetic_text(work))
    word = _OP_WORD.search(work)
    if m is None or word is None:
        return work
    b, v = Fraction(m.group("b").strip("$%")), Fraction(m.group("v").strip("$%"))
    given = {Fraction(n.strip("$%")) for n in re.findall(NUM, arithmetic_text(problem)) if "/" not in n}
    ways = {"+": lambda a: a + b, "-": lambda a: a - b, "*": lambda a: a * b, "/": lambda a: a / b if b else None}
    starts = [a for a in given if ways[m.group("op")](a) == v]
    if len(starts) != 1:
        return work
    return f"{work[:word.start()]}{fmt(starts[0])} {work[word.start():]}"


def with_percent_bases(work: str, problem: str) -> str:
    """ "10% is 30" said of the problem's $300: the whole it is a percent of is read in ("10% of 300 is 30") where
    exactly one of the problem's numbers makes it exactly; else the words stay as written (never a number they did
    not use)."""
    wholes = {Fraction(n) for n in re.findall(NUM, arithmetic_text(problem)) if "/" not in n}

    def based(m: re.Match) -> str:
        part, said = Fraction(m.group(1)) / 100, Fraction(m.group(3))
        fits = [w for w in wholes if w * part == said]
        return f"{m.group(1)}% of {fmt(fits[0])} = {m.group(3)}" if len(fits) == 1 else m.group()

    return re.sub(rf"\b({NUM})\s*%(?!\s*of\b)\s*(is|=|of it is|makes)\s*\$?({NUM})(?![\d/%])", based, work)


def with_part_bases(work: str, problem: str) -> str:
    """ "one eighth is 30" said of the problem's 240 litres: the whole it is a part of is read in ("240 / 8 = 30",
    "240 × 3/8 = 90") where exactly one of the problem's numbers makes it exactly, or where the problem gives one
    whole only (then "one eighth is 40" is checked, and found wrong); else the work stays as written (`claims` reads
    no claim in a part named by its size: never "1/8 = 30")."""
    wholes = {Fraction(n) for n in re.findall(NUM, arithmetic_text(problem)) if "/" not in n and "%" not in n}
    found = False

    def based(m: re.Match) -> str:
        nonlocal found
        top, bottom, said = int(m.group(1)), int(m.group(2)), Fraction(m.group(3))
        if top >= bottom or said < 1 or re.search(r"(?:[-+×x*÷/(]|\bof|\btimes)\s*$", m.string[:m.start()], re.I):
            return m.group()   # "24/3 = 8" divides; "600 x 25/100 = 150" is a product: only a part named alone
        fits = [w for w in wholes if w * top / bottom == said] or list(wholes)[:len(wholes) == 1]
        if len(fits) != 1:
            return m.group()
        found = True
        whole = fmt(fits[0])
        return f"{whole} / {bottom} = {m.group(3)}" if top == 1 else f"{whole} × {top}/{bottom} = {m.group(3)}"

    written = re.sub(rf"(?<![\d/.])(\d+)/(\d+)(?![\d/])\s*(?:is|=|makes)\s*\$?({NUM})(?![\d/%])", based,
                     arithmetic_text(work))
    return written if found else work


def _shown(expression: str) -> str:
    """An expression as shown back to the student: "6 × 9", "25% of 80", "7 − (−5)"; a fraction "2/7" stays."""
    signs = re.sub(r"(?<=[\d)])\s*([-+*/])\s*", lambda o: o.group() if o.group() == "/" else f" {OP_SIGN[o.group(1)]} ",
                   expression.replace("/100 *", "% of"))
    return signs.replace("(-", "(−")


# "there are 2 unknowns", "2 steps": a count of the problem's own parts, never a result
_NO_RESULT = r"(?:unknowns?|steps?|ways?|equations?|variables?|things?|questions?|parts? to)\b"
# "so it goes 20 miles", "so each friend gets 8": who or what the result is of, and its verb
_SUBJECT_VERB = r"(?:it|he|she|they|that|each(?: [a-z]+)?|the [a-z]+) (?:goes|went|is|was|are|were|gets|got|has|had|" \
                r"costs?|makes?|travels?|traveled|needs?|will (?:go|get|have|need|cost))\s+"
_RESULT = re.compile(rf"(?:=|\b(?:is|are|equals?|got|get|gets|makes?|so|answer|then|leaves?|left|was|think|guess|"
                     rf"maybe|probably)\b:?)\s*"
                     rf"(?:it'?s\s*|about\s*|like\s*|{_SUBJECT_VERB})?(?P<n>-?{NUM})(?![\d/])"
                     r"(?!\s*(?:[a-z]+\s+)?(?:is|are|=)\b)"   # "so 1 kg is 6": 1 is no result, 6 is
                     rf"(?!\s*{_NO_RESULT})", re.I)


# a sentence that states one number as what the story comes to: "so the train went 270 miles", "it costs $180",
# "he has 9 pencils left"; never a number named as an operand ("divide by 7", "the 15 books", "step 2") or asked
# about ("what about 8?")
_STATEMENT = re.compile(rf"(?:(?:so|then|and|now|ok|okay|well|i think|i got)\W+)*(?P<say>(?:[a-z']+\s+){{1,5}}?)"
                        rf"(?P<n>\d+(?:\.\d+)?(?:/\d+)?)(?![\d%])(?!\s*{_NO_RESULT})"
                        rf"(?P<rest>(?:\s+[a-z']+){{0,4}})\W*", re.I)
_OPERAND_BEFORE = re.compile(r"\b(?:by|of|from|to|with|into|than|per|the|a|an|these|those|each|every|step|part|"
                             r"question|number|problem|page|line|grade|level|chapter|lesson|not|no|and|or|plus|minus|"
                             r"times|add|subtract|multiply|divide|use|used|using|about)\s+$", re.I)
_ASKING = re.compile(r"^\W*(?:what|why|how|where|which|when|do|does|did|should|can|could|would|shall)\b", re.I)


def _stated(t: str) -> re.Match | None:
    """The one number a short statement with no arithmetic says as a result, or None."""
    m = _STATEMENT.fullmatch(t.strip())
    if m is None or "?" in t or _ASKING.search(t) or _OPERAND_BEFORE.search(m.group("say")) \
            or any(re.search(words, t, re.I) for words in OP_WORDS.values()):
        return None
    return m


_CLAIM_LEFT_OVER = re.compile(rf"{CLAIM.pattern}(?:{_REMAINDER.pattern})?", re.I)


def _claimed(m: re.Match, found: list[Claim]) -> Fraction:
    """The value a claim written at `m` states: its right side, or with a remainder ("28 / 8 = 3 r 4") the quotient
    its claim reads (3 4/8)."""
    if m.group(m.re.groups):
        said = f"{m.group('right')} R {m.group(m.re.groups)}"
        return next((c.stated for c in found if c.written == said), Fraction(m.group("right")))
    return Fraction(m.group("right"))


# a result the student asks to have checked, typed after it: "36. is that right?", "8 weeks, right", "i think thats it?"
CHECK_TAIL = re.compile(r"(?:[.,!]?\s*\b(?:is (?:that|it|this) (?:right|correct)|is (?:that|this)(?=\W*$)|am i right|"
                        r"right|correct|"
                         r"i think (?:that'?s|thats) it|(?:is )?that it)\b\s*\??)+\W*$", re.I)


def results(text: str, found: list[Claim]) -> list[Fraction]:
    """The numbers the student states as results, in the order written, the latest last: claim results, "so 84",
    "I got 12", "is it 9?", or a message that is just a number. Numbers they only name ("divide 96 by 8") are not
    results."""
    t = arithmetic_text(text)
    stated = {c.stated for c in found}
    placed = [(m.end(), v) for m in _CLAIM_LEFT_OVER.finditer(t) if (v := _claimed(m, found)) in stated]
    # a message that is just a result: "36", "is it 36?", "lia has 36 stickers", "36. is that right?"
    bare = re.fullmatch(rf"(?:(?!-\d)\W)*(?:so\s+)?(?:is it|maybe|it'?s|[a-z]+ (?:has|had|have|gets|got|needs))?"
                        rf"\s*(-?{NUM})"
                        rf"\s*(?:(?:square|cubic)\s+)?"   # "54 square meters"
                        rf"(?:\w{{1,12}}(?:\s*(?:/|\bper\b|\ban?\b)\s*[a-z]\w{{0,11}})?)?"   # "12 km per hour"
                        rf"(?:\W*\b(?:first|so far|for now))?\W*",   # "375 trees first": a result on the way
                        CHECK_TAIL.sub("", t), re.I)
    if bare:
        placed.append((bare.end(1), Fraction(bare.group(1))))
    elif not found and _stated(t):
        placed.append((_stated(t).end("n"), Fraction(_stated(t).group("n"))))
    # same length: positions stay comparable; a claim not read ("x/4 = 4": no number before the /) keeps its result
    without_claims = _CLAIM_LEFT_OVER.sub(lambda m: " " * len(m.group()) if _claimed(m, found) in stated
                                          else m.group(), t)
    placed += [(m.end("n"), Fraction(m.group("n"))) for m in _RESULT.finditer(without_claims)]
    latest_last = [v for _, v in sorted(placed, key=lambda p: p[0])]
    return list(reversed(dict.fromkeys(reversed(latest_last))))


# what the question's whole-number count must do with a division's remainder: "how many buses do they need" counts
# a part-filled bus (up); "how many boxes can she fill" counts only full ones (down)
_ROUND_UP = re.compile(r"\b(?:needs?|needed|enough|at least|fit (?:all|every))\b", re.I)
_ROUND_DOWN = re.compile(r"\b(?:full|fill|filled|complete)\b|\bcan\b.*\b(?:make|buy|cut|pack|afford|get)\b", re.I)


def rounded_wrong_way(question: str, work: str, found: list[Claim]) -> tuple[Claim, str, bool] | None:
    """A right division with a remainder, then a whole number next to its result rounded the way the question does
    not count ("66 / 48 = 1.375 so 1 bus" when buses are needed): the claim, the student's words for the count
    ("1 bus") and whether the question rounds up. None when the question's words do not tell which way to round."""
    up, down = bool(_ROUND_UP.search(question)), bool(_ROUND_DOWN.search(question))
    divisions = [c for c in found if c.right and c.true.denominator != 1 and operations(c) == ["/"]]
    for claim in divisions if up != down else ():
        after = re.search(rf"{re.escape(claim.written)}(?![\d.])\W*(?:so|then|which is|that'?s|means|=|->|→)?\s*"
                          rf"(?:about\s+)?(\d+)(?![\d.])(\s+(?!and|but|because|or|so|is)[a-z]+)?", work, re.I)
        low = claim.true.numerator // claim.true.denominator
        if after and int(after.group(1)) == (low if up else low + 1):
            return claim, after.group(0)[after.start(1) - after.start():].strip(), up
    return None


_EITHER = re.compile(rf"(?<![\d./])({NUM})(?:\s*[a-z]+)?\s+or\s+(?:maybe\s+)?({NUM})(?![\d/])", re.I)


def alternatives(text: str) -> list[Fraction]:
    """The answers a student hesitates between ("is it 9 hours or 4.5"), in the order written; [] for none."""
    m = _EITHER.search(arithmetic_text(text))
    return [Fraction(m.group(1)), Fraction(m.group(2))] if m else []


_THEN = re.compile(rf"\b(?:then|and then|next)\s+(?:i\s+)?(?P<op>took away|take away|took|take|subtracted|subtract|"
                   rf"minus|added|add|plus|divided by|divide by|times|multiplied by|multiply by)\s+(?:the\s+)?"
                   rf"(?P<n>{NUM})(?![\d/])(?!\s*(?:=|is|makes|gives|and got|to get))\W*$", re.I)
_THEN_OP = {"took": "-", "take": "-", "subtract": "-", "minus": "-", "add": "+", "plus": "+", "divide": "/",
            "times": "*", "multipl": "*"}


def pending(text: str) -> tuple[str, Fraction] | None:
    """The operation a student says they do next without its result ("... and got 15 then took 4"): ("-", 4)."""
    m = _THEN.search(wordproblem.normalise(text).replace("$", ""))
    if m is None:
        return None
    op = next(sign for word, sign in _THEN_OP.items() if m.group("op").lower().startswith(word))
    return op, Fraction(m.group("n"))


# "I did 5x4 then took 3 and got 17": a first operation written bare, then the next one said in words
_CHAIN = re.compile(rf"(?P<first>{NUM}\s*(?:[-+*/x×÷−]|times|plus|minus|divided by|multiplied by)\s*{NUM}),?\s+"
                    rf"(?:and\s+)?(?:then|next)\s+(?:i\s+)?(?P<op>took away|take away|took|take|subtracted|subtract|"
                    rf"minus|added|add|plus|divided by|divide by|times|multiplied by|multiply by)\s+(?:it\s+by\s+|"
                    rf"the\s+)?(?P<n>{NUM})(?![\d/])", re.I)


def with_chains(text: str) -> str:
    """"5x4 then took 3" read as the one operation the student describes, "(5x4) - 3": a result they give after it
    ("and got 17") is then checked against exactly the numbers and operations they wrote, none added."""
    def chain(m: re.Match) -> str:
        op = next(sign for word, sign in _THEN_OP.items() if m.group("op").lower().startswith(word))
        return f"({m.group('first')}) {op} {m.group('n')}"

    return _CHAIN.sub(chain, text)


def proposed_chain(text: str) -> tuple[str, str, Fraction, Fraction] | None:
    """A chain the student describes without a result ("I did 5x4 then took 3"): its first operation as shown back
    ("5 × 4"), the next operation's sign and number, and what the whole chain makes (never said to them)."""
    m = re.search(rf"\((?P<first>[^()]+)\) (?P<op>[-+*/]) (?P<n>{NUM})(?![\d/])(?!\s*(?:=|is|makes|gives|and got|"
                  rf"to get|got)\b)", with_chains(text), re.I)
    if m is None or claims(m.group()):
        return None
    try:
        value, _ = parse_math(arithmetic_text(m.group()))
    except (MathError, ZeroDivisionError):
        return None
    return _shown(arithmetic_text(m.group("first"))), m.group("op"), Fraction(m.group("n")), \
        value.terms.get((), Fraction(0))


_CENTS = re.compile(rf"(?<![\d.$])({NUM})\s*(?:cents?\b|¢)", re.I)


def in_dollars(text: str, said: list[Fraction]) -> list[Fraction]:
    """The results of a student who answers a problem in dollars in cents ("one egg is 30 cents"), as dollars."""
    cents = {Fraction(m.group(1)) for m in _CENTS.finditer(arithmetic_text(text))}
    return [v / 100 if v in cents else v for v in said]


# "so far", "I'm stuck", "I don't get what to do after that": a number said on the way, never offered as the answer
CONTINUING = re.compile(r"\b(?:so far|now what|what now|then what|what next|what'?s next|next\??$|first\b|what do i do|"
                        r"stuck\b|(?:don'?t|do not) (?:get|know) what to do)", re.I)
_CONNECTIVES = set("so and then but because first plus minus times divided x is are to from by of now which that"
                   .split())
_ANSWER_WORDS = r"(?:so|answer(?: is)?|i got|i get|gets?|is it|it'?s|maybe|makes|costs?|has|have|are|is|[a-z]\s*=)"
# "10% is 4", "2 boxes are 12": a part's value said as a step, not an answer (its "is" follows a number)
_PART_IS = re.compile(r"(?<![\w.])\d[\d.,/]*\s*(?:%|percent)?\s*(?:[a-z]+\s+)?(?:is|are|makes)\s*$", re.I)


def presented_as_answer(work: str, value: Fraction) -> bool:
    """Does the student offer `value` as their final answer? "so 88 teams", "I got 88", "is it 88?", a message that
    is just the number, or the number followed by a word ("88 teams"); never while they say they are still going."""
    t = arithmetic_text(work).strip()
    if CONTINUING.search(t):
        return False
    t = CHECK_TAIL.sub("", t) or t   # "26. is that right?": offered, and asked to be checked
    statement = _stated(t)
    if statement is not None and Fraction(statement.group("n")) == value:   # "so she spends $47"
        return True
    # a claim's own "is" ("180 divided by 3 is 60") says its result as "=" does, not an answer
    sums = {m.start("right") for m in CLAIM.finditer(t)}
    for m in re.finditer(_SIGNED, t):
        if Fraction(m.group()) != value:
            continue
        before, after = t[:m.start()].rstrip(" $"), t[m.end():]
        unit = re.match(r"\s*([a-z%°]+)", after, re.I)
        answer_word = m.start() not in sums and re.search(rf"\b{_ANSWER_WORDS}\s*(?:about\s*)?$", before, re.I) \
            and not _PART_IS.search(before)
        if answer_word or not re.search(r"\w", before + after) \
                or (unit and unit.group(1).lower() not in _CONNECTIVES):
            return True
    return False


# ============================================================================ what the numbers measure

# what a quantity measures, by its unit: two of different kinds neither add nor take away ($8 + 6 tickets)
KINDS = {"time": {"second", "minute", "hour", "day", "week", "month", "year"},
         "length": {"mm", "cm", "m", "km", "inch", "foot", "yard", "mile"},
         "weight": {"g", "kg", "pound", "ounce", "ton"}, "volume": {"ml", "l", "cup", "pint", "quart", "gallon"}}


def measure_kind(phrase: str) -> str:
    """"money", a measure's kind ("time", "length", ...), "thing" for a counted noun, or "" (no word to tell)."""
    if "$" in phrase:
        return "money"
    word = phrase.split()[-1] if " " in phrase else ""
    unit = wordproblem.unit_name(word) if word else ""
    return next((kind for kind, units in KINDS.items() if unit in units), "thing" if word.isalpha() else "")


def unit_after(text: str, number: str) -> str:
    """The unit of measure written right after a number, as written ("750 mL" -> "mL", "3 m ribbon" -> "m")."""
    m = re.search(rf"(?<![\d.]){re.escape(number)}\s*([A-Za-z]+)", text)
    unit = wordproblem.unit_name(m.group(1).lower()) if m else ""
    return m.group(1) if any(unit in units for units in KINDS.values()) else ""


def convertible(a: str, b: str) -> bool:
    """Two units of one measure, one a whole number of the other (mL and liters, m and cm)."""
    a, b = (wordproblem.unit_name(u.lower()) for u in (a, b))
    return a != b and bool(wordproblem.unit_factor(a, b) or wordproblem.unit_factor(b, a))
