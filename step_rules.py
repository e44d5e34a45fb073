"""The rules a student's step must keep, whatever the problem's plan: the order of operations, the balance of an
equation, a remainder rounded the way the question counts, and the trade of a ten when a ones digit is too small;
and the operation a student proposes, answered from the plan's next step. Each function returns words, never a
verdict object: math_moves.py, one room up, makes the move.

- `order_question`: the order rule that an operation done before its turn ("6 × 3" first in "36 ÷ 6 × 3") skips,
  asked on the problem's own expression.
- `balance_words`: an equation step the equation's own root does not satisfy ("3x = 10" after "I added 4 to both
  sides"); `both_sides_words`: an operation said for both sides without its result ("divide both sides by 6").
- `rounding_words`: a division's remainder rounded the way the question does not count ("1.375 so 1 bus").
- `unit_slip_words`: right arithmetic on two measures in different units, or a result named in another unit;
  `mixed_kinds_words`: right arithmetic that adds or takes away quantities of different kinds ($8 + 6 tickets).
- `regrouping`, `proposal`: "how do I take away when 4 is smaller than 9", "do I add the sides?".
- `wrong_factor`, `percent_slip`: a change of unit by another unit's size ("5 × 12" of 5 yards), "0.85 so 8.5%".
- Without a plan, what mathcheck.py and the problem's text verify alone: `substituted_words` (a root put back into
  the equation), `conditions_words` (numbers kept to a stated sum, gap or run), `exact_words` (a change of unit, a
  fraction or percent of a whole), `expression_words` (an expression expanded or simplified, the bracket slip named).
- Known wrong-step shapes the problem's text proves: `time_slip` (decimal hours read as minutes, with a plan or
  without), and without a plan `known_slip`: `square_factor` (a square unit changed by the length unit's size),
  `remainder_base` (a fraction "of what was left" taken of the whole), `percent_base` (successive percents added or
  the second taken of the start), `ratio_parts` (a total divided by one side's parts), `more_than_way` (a gap put on
  the wrong side). A wrong claim whose own shape names the slip: claim_slips.py.
- With a plan, `wrong_step` walks the student's steps in order: the first one whose inputs are right (given numbers
  or plan values) but which does a plan step's operation on the wrong amount ("90 ÷ 2" where half of the 60 left is
  taken) is named at that step, the steps before it said to check out; a later step built on it is no new fault.
- `place_rounding_words`: "Round 3,451 to the nearest thousand.", an exercise whose answer the rule itself knows:
  a right answer confirmed, another number asked to be placed between the two round numbers, a help request asked
  which two round numbers it lies between.
"""
from __future__ import annotations

import re
from collections import Counter
from fractions import Fraction

import wordproblem
from clock_claims import borrowed_hundred, clock_steps
from arithmetic_claims import (Claim, arithmetic_text, claims, convertible, measure_kind, operations, said_of_work,
                               unit_after)
from diagnosis import diagnose
from mathcheck import algebra_exercise, first_term_only, sides_at, written_expressions
from problem_text import (NUM, content_words, exact_answer, given_numbers, problem_sentences, question_sentence,
                          question_target, said_list, stated_conditions, written_equation)
from solver import Plan, Step, fmt, numbers_in
from step_parts import another_route
from wording import OP_WORDS

DOING = {"+": "Adding", "-": "Taking away", "*": "Multiplying", "/": "Dividing"}
# a number a student may bring without the problem writing it: a unit's size (60 minutes, 100 cm, 12 months, ...)
UNIT_SIZES = {Fraction(n) for n in (1, 2, 10, 100, 1000, 60, 24, 7, 12, 52, 365, 3600, 10000, 144)}
_LEVEL_SIGNS = {"×": "× and ÷", "÷": "× and ÷", "+": "+ and −", "−": "+ and −"}


def order_question(done: str, expression: str, rule: str) -> str:
    """The order rule an operation done first ("6 × 3") skips, asked on the problem's own expression: left to right
    within one level ("With only × and ÷ in 36 ÷ 6 × 3, which comes first, reading left to right?"), or which level
    comes first. The order is the student's to find."""
    if rule == "levels":
        return f"In {expression}, which comes first: the × and ÷, or the + and −?"
    signs = _LEVEL_SIGNS[re.search(r"(?<=\S )[+×÷−]", done).group()]
    only = {_LEVEL_SIGNS[sign] for sign in re.findall(r"(?<=\S )[+×÷−]", expression)} == {signs}
    where = f"With only {signs} in {expression}" if only else f"Among the {signs} in {expression}"
    return f"{where}, which comes first, reading left to right?"


_BOTH_SIDES = {"+": "adding {} to both sides", "-": "taking {} from both sides", "*": "multiplying both sides by {}",
               "/": "dividing both sides by {}"}


def both_sides_words(op: str, number: Fraction, nxt: Step, letter: str) -> tuple[str, str, str]:
    """An operation the student proposes to do to both sides, without its result: (verdict, lead, question). The
    plan's next step is confirmed as such and its result asked; another one is said to keep the balance (true of
    any) and whether it brings the letter closer to being alone is asked."""
    doing = _BOTH_SIDES[op].format(fmt(number))
    if op == nxt.op and number == nxt.values[-1]:
        return "confirm", f"Yes, {doing} is the next step.", "What does the equation become?"
    return ("ask", f"{doing[0].upper()}{doing[1:]} keeps the two sides equal.",
            f"Does it bring {letter or 'the letter'} closer to being on its own? What does the equation become?")


def balance_words(unbalanced: str, named: tuple[str, Fraction] | None) -> tuple[str, str]:
    """An equation step that does not keep the equation's root ("3x = 10"): checked against the operation they said
    they did to both sides, when they said one, else asked what they did."""
    if named is None:
        return (f"Check {unbalanced} again: it does not follow from the equation.",
                "What did you do to both sides to get it, and does that keep the two sides equal?")
    doing = _BOTH_SIDES[named[0]].format(fmt(named[1]))
    return f"Check {unbalanced} again: it does not follow from {doing}.", "What does each side become?"


def rounding_words(claim: Claim, said: str, up: bool) -> tuple[str, str]:
    """A division's remainder rounded against the question: asked whether that count does what the question needs
    (a bus too few leaves people behind; a box too many is not full), the division's result never restated."""
    if up:
        question = f"Would {said} be enough for all of them, or would some be left over?"
    else:
        question = f"Would all {said} be full, or would the last one be only partly full?"
    return f"Look at how you went from {claim.expression} to {said}.", question


def regrouping(work: str, step: Step) -> tuple[str, str] | None:
    """'how do i take away when 4 is smaller than 9': the trade of one ten for ten ones, on the step's own numbers
    (no number the plan lacks), when its ones digit is too small; the student still does the trade and both
    subtractions."""
    a, b = (step.values + (Fraction(0),))[:2]
    if step.op != "-" or not re.search(r"\b(?:smaller|bigger|borrow|regroup)", work, re.I) \
            or a.denominator != 1 or b.denominator != 1 or not 0 <= b < a or a % 10 >= b % 10:
        return None
    return (f"Trade one of the tens in {fmt(a)} for ten ones.",
            f"How many ones does {fmt(a)} have then, and can you take away the ones of {fmt(b)} now?")


_PROPOSES = re.compile(r"(?<!how )\b(?:do|should|can|shall|must) (?:i|we|you) (?P<op>add|plus|times|multiply|divide|"
                       r"share|subtract|take away|minus)\b", re.I)
_PROPOSED_OP = {"add": "+", "plus": "+", "times": "*", "multiply": "*", "divide": "/", "share": "/", "subtract": "-",
                "take away": "-", "minus": "-"}


def proposal(work: str, step: Step, plan: Plan | None = None) -> str:
    """The student's yes/no question about an operation ("do i add the sides?") answered from the plan's next step:
    whether it fits, and for area what adding the sides would measure instead; "" when they propose nothing, or
    multiplying at a unit rate's step on the way ("do i multiply the 3 by 5" of 3 cups for 2 dozen: scaling up is a
    route too, when a later step of `plan` multiplies the unit rate up)."""
    m = _PROPOSES.search(work)
    if m is None:
        return ""
    op = _PROPOSED_OP[m.group("op").lower()]
    later = plan.steps[plan.steps.index(step) + 1:] if plan is not None and step in plan.steps else []
    named = numbers_in(re.split(r"\bor\b|[?.!]", work[m.end():], maxsplit=1)[0])   # "divide 350 by 6"
    parts = {p for w in step.values if w.denominator != 1 for p in (w.numerator, w.denominator)}   # 2/3's 2 and 3
    other = next((v for v in named if v not in step.values and v not in parts
                  and all(v != w * 100 for w in step.values)), None)
    if op == step.op and other is not None:   # the right operation on a number of another step, or of none
        return f"{DOING[op]} fits this step, but not with the {fmt(other)}: " + \
            ("that number comes in later." if any(other in s.values for s in later) else "this step does not use it.")
    if op == step.op:
        return f"{DOING[op]} fits this step."
    if plan is not None and plan.pattern == "equation":   # "2(x+5)=26 do i divide by 2 first": in more than one order
        return ""
    if step.kind == "area" and op == "+" and any(s.kind == "volume" for s in later):
        return "Adding the edges gives a length; the volume counts the cubes that fill the box, a bottom layer first."
    if step.kind == "area" and op == "+":
        return "Adding the sides measures the way around the edge; the area is the space inside."
    if step.kind == "unit_rate" and op == "*" and any(s.op == "*" and 1 not in s.values for s in later):
        return ""
    return f"{DOING[op]} does not fit this step."


def unit_slip_words(problem: str, found: list[Claim], work: str) -> tuple[str, str] | None:
    """Right arithmetic on two measures in different units ("3 ÷ 25" of 3 m and 25 cm) before one is changed into
    the other, or a result named in another unit than the measure it comes from ("750 × 6 = 4500 liters" of 750
    mL), asked about at that step; how many of one unit make the other is left to the student. Never of a step by a
    unit's size ("2 × 100"). Only without a plan: a plan knows its own changes of unit and their slips."""
    for claim in (c for c in found if c.right):
        numbers = re.findall(NUM, arithmetic_text(claim.expression))
        if set(numbers_in(claim.expression)) & UNIT_SIZES - {1, 2}:   # "2 x 100": a change of unit, asked elsewhere
            continue
        money = [(n, _money_unit(problem, found, n)) for n in numbers]
        if len(money) == 2 and {u for _, u in money} == {"dollars", "cents"} and operations(claim)[0] in "+-":
            (a, unit_a), (b, unit_b) = money
            dollars = a if unit_a == "dollars" else b
            return (f"Look at {claim}: {a} is in {unit_a} and {b} is in {unit_b}.",
                    f"Can you {'add' if operations(claim) == ['+'] else 'take them away'} like that? "
                    f"How many cents is ${dollars}?")
        measured = [(n, u) for n in dict.fromkeys(numbers) if (u := unit_after(problem, n))]
        if len(measured) == 2 and convertible(measured[0][1], measured[1][1]) and "*" not in operations(claim):
            (a, unit_a), (b, unit_b) = measured
            big, small = ((a, unit_a), unit_b) if wordproblem.unit_factor(unit_a.lower(), unit_b.lower()) \
                else ((b, unit_b), unit_a)
            doing = {"+": "add", "-": "take them away", "/": "divide"}[operations(claim)[0]]
            return (f"Look at {claim}: {a} is in {unit_a} and {b} is in {unit_b}.",
                    f"Can you {doing} like that? How many {small} is {big[0]} {big[1]}?")
        named = unit_after(arithmetic_text(work), claim.written)
        if len({u for _, u in measured}) == 1 and measured[0][0] == numbers[0] and convertible(named, measured[0][1]):
            (number, unit), result = measured[0], claim.written
            small, big = (named, unit) if wordproblem.unit_factor(unit.lower(), named.lower()) else (unit, named)
            return (f"Look at {claim}: the {number} is in {unit}, so {result} is in {unit} too.",
                    f"Is {result} {unit} the same as {result} {named}? How many {small} make 1 "
                    f"{re.sub(r'(?<=..)s$', '', big)}?")
    return None


def _money_unit(problem: str, found: list[Claim], number: str) -> str:
    """ "dollars" for a number the problem writes as $5, "cents" for one it writes as 75 cents or one a student's
    claim makes from a cents amount by counting ("3 × 75 = 225" of pencils at 75 cents); else ""."""
    if re.search(rf"\${re.escape(number)}(?!\d|\.\d)", problem):
        return "dollars"
    cents = {Fraction(n) for n in re.findall(rf"({NUM})\s*(?:cents?\b|¢)", problem)}
    made = next((c for c in found if c.right and c.stated == Fraction(number)), None)
    if Fraction(number) in cents or made is not None and operations(made) == ["*"] \
            and len(cents & set(numbers_in(made.expression))) == 1 and not re.search(r"\$", str(made)):
        return "cents" if re.search(r"\$", problem) else ""
    return ""


def mixed_kinds_words(given: list[tuple[Fraction, str]], found: list[Claim]) -> tuple[str, str] | None:
    """Right arithmetic that adds or takes away two of the problem's quantities of different kinds (dollars and
    tickets, km and hours): what each counts is asked, at that step. Only quantities the problem gives once each."""
    values = [v for v, _ in given]
    phrase = {v: p for v, p in given if values.count(v) == 1}
    for claim in (c for c in found if c.right):
        terms = re.fullmatch(rf"\s*({NUM})\s*([-+])\s*({NUM})\s*", arithmetic_text(claim.expression))
        if terms is None:
            continue
        a, b = (phrase.get(Fraction(terms.group(i)), "") for i in (1, 3))
        kinds = {measure_kind(a), measure_kind(b)}
        if a and b and "" not in kinds and len(kinds) == 2:
            doing = f"adds {a} and {b}" if terms.group(2) == "+" else f"takes {b} from {a}"
            return f"Look at {claim}: it {doing}.", \
                f"What does {a} count, what does {b} count, and can the two be put together that way?"
    return None


def faithful(draft: str, step: Step, plan: Plan) -> bool:
    """May the model's wording of a step's question be said? Only a question that keeps the step's own words,
    mentions no number outside the step's operands, and no operation other than the step's."""
    if not draft.rstrip().endswith("?"):
        return False
    allowed = set(step.values) | {q.value for q in plan.quantities if q.value != plan.answer}
    numbers = set(numbers_in(draft))
    ops = {op for op, words in OP_WORDS.items() if re.search(words, draft, re.I)}
    shared = content_words(step.question) & content_words(draft)
    return numbers <= allowed and ops <= {step.op} and len(shared) * 2 >= len(content_words(step.question))


def same_route(claim: Claim, step: Step) -> bool:
    """Did the claim reach the step's value by the step's operation (or dividing, for times a unit fraction), or a
    percent change by multiplying its base by what is left ("50 × 0.8 = 40" for $50 after taking 20% off)?"""
    ops = set(operations(claim))
    kept = step.op in "+-" and "%" in step.question and ops == {"*"} and step.values and step.values[0] \
        and Counter(numbers_in(claim.expression)) == Counter((step.values[0], step.value / step.values[0]))
    return step.op in ops or step.op == "*" and "/" in ops and any(v.numerator == 1 for v in step.values) or kept


def ends_on_answer(plan: Plan, found: list[Claim]) -> bool:
    """Does the student's last claim make the answer by the operation of the plan's last step? "250 − 125 = 125"
    (or "165 − 40 = 125") ends a store's 250 books less 85 and 40 even where the sum 85 + 40 makes 125 too."""
    last = found[-1] if found else None
    return last is not None and last.right and last.stated == plan.answer and same_route(last, plan.steps[-1])


_UNIT_CHANGE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*,?\s*"
                          r"(?:(?:which|that) (?:is|are|makes)\s|=|\bis\b|\bare\b|\bmakes?\b|\bso\b)\s*"
                          r"(\d+(?:\.\d+)?)\s*([a-zA-Z]+)")


def unit_change(problem: str, work: str) -> tuple[str, str, str, str] | None:
    """(verdict, lead, question, the change as a claim) for a student's change of a given measure into another unit
    ("12 m = 1200 cm" of a 12 m rope cut into 75 cm pieces): right, it is confirmed and the measure already in that
    unit brought in; wrong, the size of the bigger unit is asked. None for anything else."""
    m = _UNIT_CHANGE.search(work)
    if m is None or not convertible(m.group(2), m.group(4)):
        return None
    if any(m.start() < step.end <= m.end() for step in clock_steps(work)):   # "5 to 5:20 is 20 min so 1 hr 35 min":
        return None   # a length on the clock, then the total of the lengths: no change of unit
    (a, unit_a, b, unit_b), size = m.groups(), wordproblem.unit_factor(m.group(2).lower(), m.group(4).lower())
    made = Fraction(a) * size if size else Fraction(a) / wordproblem.unit_factor(unit_b.lower(), unit_a.lower())
    # a measure the student worked out ("14 × 25 = 350 m, which is 3.5 km") is checked as well as a given one; only
    # a given one is confirmed (whether their 350 is the right amount is not known here)
    worked = Fraction(a) in {c.stated for c in claims(work) if c.right}
    if made != Fraction(b) and (worked or Fraction(a) in numbers_in(problem)):
        big, small = (unit_a, unit_b) if size else (unit_b, unit_a)
        return "flag", f"Check {m.group().strip()}.", f"How many {small} make 1 {re.sub(r'(?<=..)s$', '', big)}?", ""
    if Fraction(a) not in numbers_in(problem):
        return None
    other = next((f"{n} {u}" for n, u in re.findall(r"(\d+(?:\.\d+)?)\s*([a-zA-Z]+)", problem)
                  if u.lower() == unit_b.lower() and n != b), "")
    target = question_target(question_sentence(problem_sentences(problem))) or "the answer"
    ask = f"Now both are in {unit_b}: how do {b} {unit_b} and {other} give you {target}?" if other else \
        f"How does {b} {unit_b} help you find {target}?"
    sign = "×" if size else "÷"
    return "confirm", f"Yes, {a} {unit_a} = {b} {unit_b}.", ask, \
        f"{a} {sign} {fmt(Fraction(size or wordproblem.unit_factor(unit_b.lower(), unit_a.lower())))} = {b}"


# "Convert 5 yards to feet": a measure the problem gives, and the unit its question asks for
_MEASURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*([a-zA-Z]+)")


def wrong_factor(problem: str, found: list[Claim]) -> tuple[str, str] | None:
    """A change of unit by the size of another unit ("5 × 12 = 60 feet" for 5 yards: 12 is inches in a foot): the
    problem gives a measure in one unit, its question asks for another, and a right claim multiplies or divides the
    measure (or an amount worked from it: "2100 ÷ 100" of 6 loaves of 350 g, in kg) by a unit's size the problem
    never writes that is not the one between the two; the size between them is asked, never said."""
    asked = question_sentence(problem_sentences(problem))
    # the sizes between two units the problem writes ("15 mL every minute ... in 2 hours": 60) change no unit wrongly
    units = {w for w in re.findall(r"[a-z]+", problem.lower()) if wordproblem.is_unit(w)}
    between = {Fraction(f) for a in units for b in units if (f := wordproblem.unit_factor(a, b))}
    for number, unit in _MEASURE.findall(problem):
        wanted = next((w for w in re.findall(r"[a-z]+", asked.lower()) if wordproblem.is_unit(unit.lower())
                       and convertible(unit, w)), "")
        if not wanted:
            continue
        size = wordproblem.unit_factor(unit.lower(), wanted) or wordproblem.unit_factor(wanted, unit.lower())
        for claim in (c for c in found if c.right and operations(c) in (["*"], ["/"])):
            values = numbers_in(re.sub(r"(?<=\d)/(?=\d)", " / ", arithmetic_text(claim.expression)))
            other = [v for v in values if v in UNIT_SIZES - between - {c.stated for c in found}
                     and v not in numbers_in(problem)]   # "3600 ÷ 1000" where 3600 mL is worked out: no unit size
            square = Fraction(size) ** 2 if re.search(r"\bsquare\b", asked, re.I) else Fraction(size)   # 100 × 100
            if len(values) == 2 and len(other) == 1 and other[0] in UNIT_SIZES - {1, 2, Fraction(size), square} \
                    and other[0] not in numbers_in(problem):   # "7 hours a day for 12 days": 7 × 12 is no change
                big, small = (unit, wanted) if wordproblem.unit_factor(unit.lower(), wanted) else (wanted, unit)
                return f"Check the {fmt(other[0])} in {claim}.", \
                    f"How many {small} make 1 {re.sub(r'(?<=..)s$', '', big)}?"
    return None


# "34/40 = 0.85 so 8.5%": a decimal said as a percent
_AS_PERCENT = re.compile(r"(?<![\d.])(\d*\.\d+)\s*,?\s*(?:so|which is|that is|=|is|means|makes)\s*"
                         r"(\d+(?:\.\d+)?)\s*(?:%|percent)"   # "10% is 4.50 so 20% is 9": a next percent's amount
                         r"(?!\s*(?:is|=|would be|will be|makes|of)\s*\$?\d)")


def percent_slip(work: str) -> tuple[str, str] | None:
    """A decimal turned into a percent that is not 100 times it ("0.85 so 8.5%", or "17/20 = 0.85 so 0.85%", a share
    of a whole found as a decimal): flagged at that change, the hundredths it holds asked; None when every such
    change is right."""
    for m in _AS_PERCENT.finditer(work):
        found = re.search(rf"=\s*{re.escape(m.group(1))}\b", work) and Fraction(m.group(1)) < 1   # "17/20 = 0.85"
        if Fraction(m.group(1)) * 100 != Fraction(m.group(2)) != Fraction(m.group(1)) or found and \
                Fraction(m.group(1)) == Fraction(m.group(2)):   # "12.5 so 12.5%" is one; a share found is no percent
            return f"Check {m.group(1)} as a percent: it is not {m.group(2)}%.", \
                f"Percent means out of 100: how many hundredths are in {m.group(1)}?"
    return None


def expression_words(problem: str, work: str) -> tuple[str, str, str, str] | None:
    """(verdict, lead, question, kind) for an expression the problem asks to expand or simplify ("Simplify 4(2a + 3) -
    5a"), checked exactly by mathcheck: the same expression with like terms still apart is right so far; fully
    simplified, it is the answer; a step "4(2a + 3) = 8a + 12" is checked on its own; a different expression names
    the slip of multiplying only a bracket's first term, else the term that differs. None without such a problem
    or an expression of the student's in its letters."""
    exercise = algebra_exercise(problem)
    theirs = written_expressions(work, exercise[1].variables()) if exercise else []
    if not theirs:
        return None
    span, whole = exercise
    slip = first_term_only(span)
    slipped = next((t for t, left, right in theirs if slip is not None and slip[0] != whole
                    and slip[0] in (left, right)), "")
    span = span.replace("-", "−")
    if slipped:   # "6b + 2 − 4b = 2b + 2" of 6(b + 2) − 4b: the bracket's 2 was never multiplied
        return "flag", f"Look at {slipped.replace('-', '−')}: the {slip[1]} has multiplied only the {slip[2]} in " \
                       f"the bracket.", f"What does the {slip[1]} do to the {slip[3]} inside the bracket?", \
            "claim_wrong"
    text, left, right = theirs[-1]
    shown = text.replace("-", "−").replace("*", "×")
    if right is not None and left != whole:   # a step on a part: its two sides must agree
        if left == right:
            return "confirm", f"Yes, {shown} is right.", \
                f"Now bring in the rest of {span}: what does it all come to?", "step_right"
        part = text.split("=")[0].strip()
        inner = first_term_only(part)
        if inner is not None and inner[0] == right:
            return "flag", f"Check {shown}: the {inner[1]} multiplies only the {inner[2]}.", \
                f"What does the {inner[1]} do to the {inner[3]} inside the bracket?", "claim_wrong"
        return "flag", f"Check {shown}: the two sides are not equal.", f"What does {part} come to?", "claim_wrong"
    answer = right if right is not None else left
    said = (text.split("=")[-1] if right is not None else text).strip().replace("-", "−")
    if answer == whole:
        if len(re.findall(r"[-+−]", said.lstrip("-−"))) + 1 > len(whole.terms):   # "8a + 12 − 5a": terms to combine
            return "confirm", f"Yes, {said} is equal to {span}.", "Which of its terms can be put together?", \
                "step_right"
        return "confirm", f"Yes, {said} is right! {span} comes to {said}.", \
            "Would you like a similar problem to try?", "final_right"
    differs = sorted((m for m in set(whole.terms) | set(answer.terms) if whole.terms.get(m) != answer.terms.get(m)),
                     key=lambda m: -sum(p for _, p in m))
    powers = {1: "", 2: "²", 3: "³"}
    term = "".join(v + powers.get(p, f"^{p}") for v, p in differs[0]) or "number"
    return "flag", f"{span} does not come to {said}: check the {term} term.", \
        f"Which parts of {span} make the {term} term, and what do they come to?", "claim_wrong"


def substituted_words(problem: str, work: str) -> tuple[str, str, str] | None:
    """(verdict, lead, kind) for a root the student gives ("x = 4") of the problem's equation, put back into it: both
    sides equal, it is confirmed with that check as the recap; unequal, the two sides' values say why it is not the
    root (the root itself is never said). None without an equation or a root of the student's."""
    letter = written_equation(problem)[1]
    root = rf"(?<![\w.]){letter}\s*=\s*(-?{NUM})(?![\d/]|\s*[a-z(])"
    roots = re.findall(root, arithmetic_text(work)) if letter else []
    sides = sides_at(problem, Fraction(roots[-1])) if roots else None
    if sides is None:
        return None
    left, at_left, right, at_right = sides
    put = f"with {letter} = {roots[-1]}, {left} is {fmt(at_left)}"
    plain = re.fullmatch(rf"-?{NUM}", right) is not None   # "2y/5 = 8": the right side is a number already
    if at_left == at_right:
        check = f"{put}, as the equation says." if plain else f"{put} and {right} is {fmt(at_right)}."
        return "confirm", f"Yes, {letter} = {roots[-1]} is right! Check: {check}".replace("-", "−"), "final_right"
    check = f"{put}, not {right}." if plain else f"{put}, but {right} is {fmt(at_right)}."
    return "flag", f"Put it back into the equation: {check}".replace("-", "−"), "final_wrong"


def conditions_words(problem: str, work: str) -> tuple[str, str, str] | None:
    """(verdict, lead, kind) for the numbers a student gives to a problem about unknown numbers ("Two numbers add up to
    30 and their difference is 8": "19 and 11"), each condition the problem states checked on them: all kept, they
    are confirmed with those checks as the recap; one broken, what their numbers give instead is said at that
    condition. None unless the problem's conditions are read whole and the student gives as many numbers."""
    conditions = stated_conditions(problem)
    numbers = [Fraction(n) for n in re.findall(NUM, arithmetic_text(work))] if not claims(work) else []
    if conditions is None or len(numbers) != conditions["count"]:
        return None
    shown, ordered = [fmt(n) for n in numbers], sorted(numbers)
    total, kept = " + ".join(shown), []
    if sum(numbers) != conditions["sum"]:
        return "flag", f"{total} makes {fmt(sum(numbers))}, not {conditions['sum']}.", "final_wrong"
    kept.append(f"{total} = {conditions['sum']}")
    if "apart" in conditions:
        gap = ordered[-1] - ordered[0]
        if gap != conditions["apart"]:
            return "flag", f"{total} does make {conditions['sum']}, but {fmt(ordered[-1])} − {fmt(ordered[0])} is " \
                           f"{fmt(gap)}, not {conditions['apart']}.", "final_wrong"
        kept.append(f"{fmt(ordered[-1])} − {fmt(ordered[0])} = {conditions['apart']}")
    if "step" in conditions:
        kind = {1: " odd", 0: " even"}.get(conditions.get("odd", -1), "")
        steady = all(b - a == conditions["step"] for a, b in zip(ordered, ordered[1:]))
        if not steady or kind and ordered[0] % 2 != conditions["odd"]:
            return "flag", f"{total} does make {conditions['sum']}, but {said_list(shown)} are not consecutive" \
                           f"{kind} numbers.", "final_wrong"
        kept.append(f"they are consecutive{kind} numbers")
    return "confirm", f"Yes, {said_list(shown)} are right! {'; '.join(kept)}.".replace("-", "−"), "final_right"


def exact_words(problem: str, said: list[Fraction], found: list[Claim]) -> tuple[str, str, str, str] | None:
    """(verdict, lead, question, kind) for a number offered to a problem of one known step without a plan
    (`exact_answer`: a change of unit, a fraction or percent of a whole): the answer is confirmed with its step as the
    recap; the one part of a fraction (1/5 of 60) or 10% is a right step toward it; a change by another unit's size,
    or a fraction divided by its top, is flagged at that step; any other number offered with no working is said not
    to be it, and the step's way in asked. None without such a problem or number, or for a number their own working
    reached by a route not read here."""
    known = exact_answer(problem)
    if known is None or not said:
        return None
    value, how, unit = known
    offered = said[-1]
    money = "$" if " of $" in how else ""   # "1/6 of $900": $150
    if offered == value:
        return "confirm", f"Yes, {money}{fmt(offered)}{f' {unit}' if unit else ''} is right! {how} = {money}" \
                          f"{fmt(value)}.", "Would you like a similar problem to try?", "final_right"
    number, _, rest = how.partition(" ")
    if rest.startswith(("×", "÷")):   # a change of unit: "2.5 × 60"
        size, given = Fraction(rest.split()[1]), Fraction(number)
        _, unit_from = next(p for v, p in given_numbers(problem) if v == given).split()
        one = re.sub(r"(?<=..)s$", "", unit_from if rest[0] == "×" else unit)   # 1 hour, 1 year
        units = (one, unit) if rest[0] == "×" else (one, unit_from)
        other = next((u for u in UNIT_SIZES - {1, 2, size} if offered in (given * u, given / u)), None)
        used = (f"Check the {fmt(other)} in {found[-1]}." if found else f"{fmt(offered)} comes from using "
                f"{fmt(other)}.") if other else ""
        lead = used or f"{fmt(offered)} is not {number} {unit_from} in {unit}."
        return ("flag", lead, f"How many {units[1]} make 1 {units[0]}?", "final_wrong") if other or not found else None
    share, whole = how.split(" of ", 1)
    them = "them" if re.search(r"\d [a-z]", whole) else "it"   # 2/3 of 150 shirts, 1/6 of $900
    if share.endswith("%"):
        tenth = value / Fraction(share.rstrip("%")) * 10
        if offered == tenth:
            return "confirm", f"Yes, {fmt(offered)} is 10% of {whole}.", f"How does that help you find {share}?", \
                "step_right"
        ask = f"What is 10% of {whole}, and how could that help you find {share} of {them}?"
    else:
        top, bottom = (int(n) for n in share.split("/"))
        one = value / top
        if offered == one and top > 1:
            return "confirm", f"Yes, {fmt(offered)} is 1/{bottom} of {whole}.", \
                f"How does that help you find {share} of {them}?", "step_right"
        split = value * bottom / top / top   # the whole divided by the top: "48 ÷ 5", then "× 8"
        if top != bottom and any(abs(offered - wrong) < Fraction(1, 100) for wrong in (split, split * bottom)):
            doing = f"dividing by {top}" + (f" and multiplying by {bottom}" if abs(offered - split) > 1 else "")
            return "flag", f"{fmt(offered)} comes from {doing}.", \
                f"Which number of {share} tells you how many equal parts to split {whole} into?", "final_wrong"
        ask = f"What is 1/{bottom} of {whole}, and how does that help you find {share} of {them}?"
    return ("flag", f"{fmt(offered)} is not {how}.", ask, "final_wrong") if not found else None


# "Round 3,451 to the nearest thousand", "What is 7.46 rounded to the nearest tenth?": the number and the place
_PLACE_ROUNDING = re.compile(r"\bround (?P<a>\d[\d,]*(?:\.\d+)?) to the nearest (?P<p>[a-z ]+?)\W*$|"
                             r"\b(?P<b>\d[\d,]*(?:\.\d+)?),? rounded to the nearest (?P<q>[a-z ]+?)\W*$", re.I)
_PLACES = {"ten": Fraction(10), "hundred": Fraction(100), "thousand": Fraction(1000),
           "ten thousand": Fraction(10000), "whole number": Fraction(1), "one": Fraction(1), "dollar": Fraction(1),
           "tenth": Fraction(1, 10), "hundredth": Fraction(1, 100)}
_DIGIT_BELOW = {Fraction(10): "ones", Fraction(100): "tens", Fraction(1000): "hundreds",
                Fraction(10000): "thousands", Fraction(1): "tenths", Fraction(1, 10): "hundredths",
                Fraction(1, 100): "thousandths"}


def place_rounding_words(problem: str, said: list[Fraction],
                         asked_before: str = "") -> tuple[str, str, str, str] | None:
    """(verdict, lead, question, kind) for a problem that only asks to round a number to a place; None for any other.
    The rule knows the answer (a half rounds up), so a right one is confirmed with why, and another number is told
    apart from it at the digit that decides, never with the answer said; a help request after `asked_before` (the
    first question) names the two round numbers."""
    sentences = problem_sentences(problem)
    m = _PLACE_ROUNDING.search(sentences[-1] if sentences else "") if len(sentences) == 1 else None
    place = _PLACES.get(wordproblem.stem((m.group("p") or m.group("q")).strip().lower())) if m else None
    if place is None:
        return None
    written = m.group("a") or m.group("b")
    number = Fraction(written.replace(",", ""))
    low = number // place * place
    answer = low + place if number - low >= place / 2 else low
    shown = {low: fmt(low), low + place: fmt(low + place)}
    digit, named = _DIGIT_BELOW[place], (m.group("p") or m.group("q")).strip().lower()
    plural = named if named.endswith("s") else f"{named}s"
    if said and said[-1] == answer:
        why = "halfway rounds up" if number - low == place / 2 else f"its {digit} digit puts it closer to {fmt(answer)}"
        return ("confirm", f"Yes, {fmt(answer)} is right! {written} lies between {shown[low]} and "
                           f"{shown[low + place]}, and {why}.", "Would you like a similar problem to try?",
                "final_right")
    if said:
        return ("flag", f"{fmt(said[-1])} is not {written} rounded to the nearest {named}.",
                f"Which two {plural} does {written} lie between, and which is it closer to? Look at its {digit} digit.",
                "claim_wrong")
    first = f"Which two {plural} does {written} lie between, and which of them is it closer to?"
    if asked_before == first:   # asked once already: the two round numbers named, the choice still theirs
        return ("none", "", f"{written} lies between {shown[low]} and {shown[low + place]}. Look at its {digit} digit: "
                            f"is it closer to {shown[low]} or to {shown[low + place]}?", "hint")
    return "none", "", first, "hint"


# the known shapes of a wrong step that the problem's text alone proves, without a plan: each returns
# (verdict, lead, question, kind) asked at that step, in the problem's words, and never hands over its fix
_HOURS = re.compile(r"\bhours?\b|\bhr?s?\b", re.I)
_DECIMAL_MINUTES = re.compile(r"(?<![\d.])(\d*)\.(\d+)\b[^.?!\d]{0,40}?(?<![\d.])(\d+)\s*(?:minutes?|mins?)\b", re.I)
_DECIMAL_CLOCK = re.compile(r"(?<![\d.])(\d+)\.(\d+)\s*(?:hours?|hrs?|h)?\s*(?:is|=|means|so|,)?\s*\1\s*"
                            r"(?:hours?|hrs?|h)\s*(?:and\s*)?(\d+)\s*(?:minutes?|mins?)\b", re.I)
_DECIMAL_HOURS = re.compile(r"(?<![\d.])(\d+)\.(\d+)\s*(?:hours?|hrs?|h)\b", re.I)
_HOURS_MINUTES = re.compile(r"(?<![\d.])(\d+)\s*(?:hours?|hrs?|h)\s*(?:and\s*)?(\d+)\s*(?:minutes?|mins?)\b", re.I)
_CLOCK_DECIMAL = re.compile(r"(?<![\d.])(\d+)\s*(?:hours?|hrs?|h)\s*(?:and\s*)?(\d+)\s*(?:minutes?|mins?)\b"
                            r"[^.?!]{0,25}?(?<![\d.])\1\.(\d+)\b", re.I)


def time_slip(problem: str, work: str) -> tuple[str, str] | None:
    """Hours in decimals read as minutes ("1.5 so 150 minutes": 100 minutes to the hour; "2.25 hours is 2 hours 25
    minutes"), or minutes written as the decimal places of an hour ("2 hours 30 minutes = 2.30 hours"): the digits
    after the point are a part of an hour, never minutes. Only where the problem speaks of hours; with a plan or
    without (lead, question)."""
    if borrowed := borrowed_hundred(problem, work):   # "6:10 - 4:45 is 1 hr 65 min": 100 minutes to the hour
        return borrowed
    if not _HOURS.search(problem):
        return None
    ask = "How many minutes are in {} of an hour?"   # never the 60 itself: it may be the answer
    for whole, places, minutes in _DECIMAL_CLOCK.findall(work):
        if int(minutes) == int(places) and Fraction(f"0.{places}") * 60 != int(minutes):
            return (f"Check {whole}.{places} hours as {whole} hours {minutes} minutes: the .{places} is "
                    f"0.{places} of an hour, not {minutes} minutes.", ask.format(f"0.{places}"))
    for whole, places, minutes in _DECIMAL_MINUTES.findall(work):
        hours = Fraction(f"{whole or 0}.{places}")
        if hours * 60 == Fraction(minutes):
            continue
        if hours * 100 == Fraction(minutes):
            return (f"Check {whole or 0}.{places} hours as {minutes} minutes: that counts 100 minutes to "
                    f"the hour.", ask.format(f"{whole or 0}.{places}").replace(" of an hour", " hours"))
        if Fraction(minutes) == int(whole or 0) * 60 + int(places):
            return (f"Check {whole or 0}.{places} hours as {minutes} minutes: the .{places} is 0.{places} of "
                    f"an hour, not {int(places)} minutes.", ask.format(f"0.{places}"))
    said = {(whole, int(minutes)) for whole, minutes in _HOURS_MINUTES.findall(work or problem)}
    for whole, places in _DECIMAL_HOURS.findall(problem):   # "1.5 hours." then "thats 1 h 50 min"
        read = next((m for m in {int(places), int(places.ljust(2, "0"))} if (whole, m) in said), None)
        if read is not None and Fraction(f"0.{places}") * 60 != read:
            return (f"Check {whole}.{places} hours as {whole} h {read} min: the .{places} is 0.{places} of an "
                    f"hour, not {read} minutes.", ask.format(f"0.{places}"))
    for hours, minutes, places in _CLOCK_DECIMAL.findall(work):
        if Fraction(int(minutes), 60) != Fraction(f"0.{places}"):
            return (f"Check {hours} hours {minutes} minutes as {hours}.{places} hours: {minutes} minutes is not "
                    f"0.{places} of an hour.", f"What part of an hour is {minutes} minutes?")
    return None


# a length unit, its plural as a question writes it, and how many of the smaller one make the bigger one
_LENGTHS = {"cm": ("centimeters", "m", "meter", 100), "mm": ("millimeters", "cm", "centimeter", 10),
            "inches": ("inches", "feet", "foot", 12), "feet": ("feet", "yards", "yard", 3)}
_SQUARE = re.compile(r"\b(?:square|sq)\b|\b(?:cm|m|mm|in|ft)(?:2|²|\^2)", re.I)
_SHORT = {"inches": {"in"}, "feet": {"ft"}, "yards": {"yd", "yds"}}   # "2 sq ft", "how many sq in"


def square_factor(problem: str, found: list[Claim]) -> tuple[str, str, str, str] | None:
    """An area changed between square units by the size of the length unit ("900 ÷ 100 = 9 square meters" of
    900 square cm): a square meter is 100 cm by 100 cm, so that size is asked, never said; or two lengths in
    different units multiplied for an area ("250 × 2" of 250 cm and 2 m) before one is changed."""
    asked = question_sentence(problem_sentences(problem)) or problem   # "0.5 m2 to cm2.": the change is the ask
    if not _SQUARE.search(asked) and "area" not in asked.lower():
        return None
    for claim in (c for c in found if c.right and operations(c) in (["*"], ["/"])):
        values = numbers_in(arithmetic_text(claim.expression))
        for small, (plural, big, single, size) in _LENGTHS.items():
            units = {u.lower() for u in re.findall(r"(?<=\d)\s*(?:sq\.?\s+|square\s+)?([a-zA-Z]+)", problem)}
            spoken = {small, plural, big, single, f"{single}s", *_SHORT.get(plural, ()), *_SHORT.get(big, ())}
            if Fraction(size) in values and len(values) == 2 and units & spoken and _SQUARE.search(asked) \
                    and Fraction(size) not in numbers_in(problem):
                return ("flag", f"Check the {size} in {claim}: a square {single} is {size} {plural} long and {size} "
                                f"{plural} wide.",
                        f"How many square {plural} make 1 square {single}?", "claim_wrong")
        measured = [(n, u) for n in re.findall(NUM, arithmetic_text(claim.expression)) if (u := unit_after(problem, n))]
        if operations(claim) == ["*"] and len(measured) == 2 and measured[0][1] != measured[1][1] \
                and convertible(measured[0][1], measured[1][1]):
            (a, unit_a), (b, unit_b) = measured
            big = (a, unit_a) if wordproblem.unit_factor(unit_a.lower(), unit_b.lower()) else (b, unit_b)
            small = unit_b if big[1] == unit_a else unit_a
            return ("flag", f"Look at {claim}: {a} is in {unit_a} and {b} is in {unit_b}.",
                    f"Both sides need the same unit first: how many {small} is {big[0]} {big[1]}?", "claim_wrong")
    return None


_OF_REST = re.compile(r"(\d+)/(\d+)\s+of\s+(what (?:was|is) left|what (?:remained|remains)|the rest\b(?: of \w+)?|"
                      r"the remaining(?: \w+)?|the remainder)", re.I)


def remainder_base(problem: str, found: list[Claim]) -> tuple[str, str, str, str] | None:
    """A fraction "of what was left" taken of the whole the problem starts with ("1/3 × 60 = 20" where 1/4 of the
    $60 was spent first): right arithmetic on the wrong amount, so the amount left is asked, never given. Not when
    the same fraction comes earlier too (then the whole is its right base)."""
    m = _OF_REST.search(problem)
    given = [(v, phrase) for v, phrase in given_numbers(problem) if v.denominator == 1]
    if m is None or not given or f"{m.group(1)}/{m.group(2)}" in problem[:m.start()]:
        return None
    part = Fraction(int(m.group(1)), int(m.group(2)))
    whole, phrase = max(given)
    for claim in (c for c in found if c.right and c.stated == whole * part and whole in numbers_in(
            arithmetic_text(c.expression))):
        noun = re.sub(r"^the (?:remaining|rest of)\s*", "", m.group(3), flags=re.I) if " " in m.group(3) else ""
        noun = noun if re.fullmatch(r"[a-z]+s", noun) and noun not in {"left", "rest", "remaining"} else ""
        how = f"How many {noun} were" if noun else "How much was"
        return ("flag", f"You worked out {claim} without a slip, but the problem takes {m.group(1)}/{m.group(2)} "
                        f"\"of {m.group(3)}\", not of all {phrase}.",
                f"{how} left before the {m.group(1)}/{m.group(2)} was taken?", "claim_wrong")
    return None


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent)")
_THEN = re.compile(r"\b(?:then|another|new|sale price|second|next)\b", re.I)


def percent_base(problem: str, work: str, found: list[Claim]) -> tuple[str, str, str, str] | None:
    """Two percent changes one after the other, the second taken of the amount the first one made: the student
    adds the percents ("10% + 10% = 20%") or takes the second one of the starting amount again ("64 − 16" where
    16 is 20% of the original $80). Asked at that step: which amount the second percent is of."""
    percents = [Fraction(p) for p in _PERCENT.findall(problem)]
    first = _PERCENT.search(problem)
    if len(percents) != 2 or first is None or not _THEN.search(problem[first.end():]):
        return None
    starts = [(v, phrase) for v, phrase in given_numbers(problem[:first.start()]) if v not in percents]
    if not starts:
        return None
    whole, phrase = starts[0]
    p1, p2 = (fmt(p) for p in percents)
    if re.search(rf"(?<![\d.]){re.escape(p1)}\s*%\s*\+\s*{re.escape(p2)}\s*%", work):
        return ("flag", f"Adding {p1}% and {p2}% takes both of the {phrase}, but the second {p2}% is of the new amount "
                        f"after the first change.", f"What is the amount after the first {p1}% change?", "claim_wrong")
    again = whole * percents[1] / 100
    changed = {whole + whole * percents[0] / 100, whole - whole * percents[0] / 100}
    for claim in (c for c in found if c.right and operations(c) in (["+"], ["-"])):
        values = numbers_in(arithmetic_text(claim.expression))
        if len(values) == 2 and values[1] == again and values[0] in changed and again != values[0] * percents[1] / 100:
            return ("flag", f"You worked out {claim} without a slip, but {fmt(again)} is {p2}% of the starting "
                            f"{phrase}.",
                    f"After the first change, the second {p2}% is taken of which amount?", "claim_wrong")
    return None


_RATIO = re.compile(r"ratio (?:of )?(\d+)\s*:\s*(\d+)", re.I)
_WHOLE = re.compile(r"\b(?:share|split|in all|altogether|total|divided)\b", re.I)


def ratio_parts(problem: str, found: list[Claim]) -> tuple[str, str, str, str] | None:
    """A total shared in a ratio divided by one side's parts or by their difference ("84 ÷ 5" for 84 stickers in
    the ratio 5:2): right arithmetic, but the whole is made of both sides' parts, so their count is asked."""
    m = _RATIO.search(problem)
    if m is None:
        return None
    a, b = Fraction(m.group(1)), Fraction(m.group(2))
    totals = [(v, phrase) for p in problem_sentences(problem) if _WHOLE.search(p) for v, phrase in given_numbers(p)
              if v not in (a, b)]
    for whole, phrase in totals:
        for claim in (c for c in found if c.right and operations(c) == ["/"]):
            values = numbers_in(arithmetic_text(claim.expression))
            if len(values) == 2 and values[0] == whole and values[1] in {a, b, abs(a - b)} - {a + b}:
                return ("flag", f"You worked out {claim} without a slip, but the ratio {m.group(1)}:{m.group(2)} "
                                f"shares all {phrase} as {m.group(1)} parts and {m.group(2)} parts.",
                        f"How many equal parts is {phrase} split into altogether?", "claim_wrong")
    return None


_MORE_THAN = re.compile(r"\b(?P<x>[A-Z][a-z]+) (?:has|had|have) (?P<n>\d+) (?P<way>more|fewer|less) "
                        r"(?:(?P<noun>[a-z]+) )?than (?P<y>[A-Z][a-z]+)\b")


def more_than_way(problem: str, found: list[Claim]) -> tuple[str, str, str, str] | None:
    """"Jack has 52. He has 17 more than Sara. How many does Sara have?" worked as 52 + 17: the gap put on the wrong
    side. Who has more is asked, and whether the one asked about has more or fewer than the number given. In a
    problem of just those two numbers, the other way round is its answer, confirmed."""
    m = _MORE_THAN.search(problem)
    asked = question_sentence(problem_sentences(problem))
    if m is None:
        return None
    x = m.group("x")
    if x in ("He", "She", "They"):   # the one named in the sentence before
        names = re.findall(r"\b(?!He\b|She\b|They\b|The\b|A\b|An\b)[A-Z][a-z]+\b", problem[:m.start()])
        x = names[-1] if names else ""
    y, gap, more = m.group("y"), Fraction(m.group("n")), m.group("way") == "more"
    named = [name for name in (x, y) if name and re.search(rf"\b{name}\b", asked)]
    if len(named) != 1 or not x or re.search(r"\b(?:together|in all|altogether|total|both|combined)\b", asked):
        return None   # one of the two asked about, never their sum
    who = named[0]
    bigger = (who == x) == more   # the one asked about has more
    noun = m.group("noun") or "of them"
    for claim in (c for c in found if c.right and operations(c) in (["+"], ["-"])):
        values = numbers_in(arithmetic_text(claim.expression))
        if len(values) != 2 or gap not in values:
            continue
        other = next(v for v in values if v != gap) if values[0] != values[1] else gap
        if (operations(claim) == ["+"]) == bigger and claim is found[-1] and \
                sorted(v for v, _ in given_numbers(problem)) == sorted(values):
            return ("confirm", f"Yes, {claim.result} is right! {who} has {'more' if bigger else 'fewer'} than "
                               f"{fmt(other)}, so {claim}.", "Would you like a similar problem to try?", "final_right")
        if (operations(claim) == ["+"]) != bigger:
            return ("flag", f"Look at {claim} and the problem's words: \"{m.group()}.\"",
                    f"So who has more {noun}, {x} or {y}? Should {who}'s number be more or less than {fmt(other)}?",
                    "claim_wrong")
    return None


def known_slip(problem: str, work: str, found: list[Claim]) -> tuple[str, str, str, str] | None:
    """Without a plan, the first known wrong step the problem's text proves (above), else None."""
    return square_factor(problem, found) or remainder_base(problem, found) or percent_base(problem, work, found) \
        or ratio_parts(problem, found) or more_than_way(problem, found)


def _as_product(op: str, values: tuple[Fraction, ...]) -> tuple[str, tuple[Fraction, ...]]:
    """A step's operation, a division by n read as a product with 1/n ("90 ÷ 2" is "90 × 1/2", as the plan's "1/2
    of the 60 liters left" is)."""
    return ("*", (values[0], 1 / values[1])) if op == "/" and values[1] else (op, values)


def wrong_amount(plan: Plan, found: list[Claim]) -> tuple[Claim, Step, Fraction] | None:
    """The student's steps walked in order against the plan: the first one that leaves it, when its inputs are right
    (each a given number or a value of the plan) and it does a plan step's own operation on one of that step's
    numbers with another amount in place of the other ("90 ÷ 2" where the plan halves the 60 liters left; "50 − 18"
    where the $30 spent in all is taken from $50): right arithmetic on the wrong amount, as (claim, plan step, the
    amount used). A step on a route of its own that still reaches the answer is none, unless the amount the plan
    wants there is one the student worked out before and then left aside. None when a step before it is wrong, or
    built on a number off the plan (a later step on a wrong number is no new fault), or no plan step fits."""
    values = {s.value for s in plan.steps}
    known = values | {q.value for q in plan.quantities if q.given}
    made: set[Fraction] = set()
    done: set[int] = set()
    for claim in found:
        numbers, ops = tuple(numbers_in(arithmetic_text(claim.expression))), operations(claim)
        op, theirs = _as_product(ops[0], numbers) if len(ops) == 1 and len(numbers) == 2 else ("", ())
        if not claim.right or not op or not (set(numbers) <= known or set(theirs) <= known):   # "÷ 2" is "× 1/2"
            return None
        if claim.stated in values:   # a step done: the first of the plan's not done yet with that value
            made.add(claim.stated)
            done.add(next(i for i, s in enumerate(plan.steps) if s.value == claim.stated and i not in done))
            continue
        for index, step in enumerate(plan.steps):
            plans = _as_product(step.op, step.values)
            if plans[0] != op or index in done or len(plans[1]) != 2:
                continue
            orders = (plans[1], plans[1][::-1]) if op in "+*" else (plans[1],)
            for wanted in orders:
                same = [i for i in (0, 1) if theirs[i] == wanted[i]]
                if len(same) == 1 and theirs[1 - same[0]] == -wanted[1 - same[0]]:   # "5 × 3" of 5(x − 3): a sign
                    return None
                if len(same) == 1 and (wanted[1 - same[0]] in made or another_route(plan, [claim], claim.stated)
                                       is None):
                    return claim, step, numbers[1 - same[0]]
        return None
    return None


def wrong_step(plan: Plan, found: list[Claim], work: str) -> tuple[str, str, Step] | None:
    """(lead, question, step) at the step `wrong_amount` finds: the right steps before it said right, its arithmetic
    said right, the amount it used pointed at, and the plan step's own question asked (never its result); None when
    it finds none, or when the planner's diagnosis names a known slip true of the work (its words say more)."""
    slip = wrong_amount(plan, found)
    known = diagnose(plan, work) if slip else None
    if slip is None or known and said_of_work(known.says, known.value, work, plan.problem, found):
        return None
    claim, step, used = slip
    before = [str(c) for c in found[:found.index(claim)]]
    # no "is right" in a flag's words: the reply guard keeps praise for a confirm
    right = f"{said_list(before)} check{'s' if len(before) == 1 else ''} out. " if before else ""
    return f"{right}You worked out {claim} without a slip, but look at the {fmt(used)} in it.", step.question, step
