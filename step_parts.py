"""A right part of a plan's step, worked on the way to it (math_moves.py asks here when a right result is no value of
the plan): some of a sum's numbers added ("2.5 + 3.2" of 2.5 + 3.2 + 4), a percent of the step's own base that is not
the step's percent ("10% of $40" on the way to 15% of $40), or a product with one factor broken up ("20 × 35" on the
way to 24 × 35). Each is confirmed for what it is, and how it leads to the step is asked, never worked: the step's
result is not said. The answer is (lead, question) words; math_moves.py makes the move. `another_route`: a right
step the plan does not take that still leads to its answer ("20 − 9" of $20 less 2 sandwiches and a juice).
`what_it_finds` says what a whole step found, from the step's own question ("how many muffins are in 24 trays"), for
the move that confirms it."""
from __future__ import annotations

import re
from collections import Counter
from fractions import Fraction
from math import gcd

import solver
import wordproblem
from arithmetic_claims import Claim, operations, unit_after
from problem_text import problem_sentences, question_sentence, question_target, said_list
from solver import Plan, Step, fmt


def part_of_step(plan: Plan, claim: Claim, step: Step) -> tuple[str, str] | None:
    """The confirming lead and the question for a right claim that is a part of `step`, else None."""
    if not claim.right:
        return None
    return _some_numbers(plan, claim, step) or _other_percent(plan, claim, step) or _factor_part(plan, claim, step)


def _quantity_text(plan: Plan, value: Fraction) -> str:
    return next((q.text for q in plan.quantities if q.value == value and q.given), fmt(value))


def _some_numbers(plan: Plan, claim: Claim, step: Step) -> tuple[str, str] | None:
    """A right sum (or product) of some of the step's numbers, with the same operation: the rest are asked."""
    numbers = Counter(solver.numbers_in(claim.expression))
    if step.op not in "+*" or set(operations(claim)) != {step.op} or not numbers < Counter(step.values):
        return None
    rest = Counter(step.values) - numbers
    names = [_quantity_text(plan, v) for v in rest.elements()]
    return f"Yes, {claim} is right.", f"Now, what do you get with the {said_list(names)} too?"


def _other_percent(plan: Plan, claim: Claim, step: Step) -> tuple[str, str] | None:
    """"10% of 40 = 4" where the step takes 15% of $40: a right percent of the step's own base, not the step's."""
    if step.kind != "percent" or "%" not in claim.expression or len(step.values) != 2:
        return None
    base, rate = step.values
    numbers = solver.numbers_in(claim.expression)
    if len(numbers) != 2 or numbers[1] != base or numbers[0] / 100 == rate:
        return None
    money = "$" if _quantity_text(plan, base).startswith("$") else ""
    return (f"Yes, {fmt(numbers[0])}% of {money}{fmt(base)} is {money}{fmt(claim.stated)}.",
            f"How can you use that to find {fmt(rate * 100)}%?")


def _factor_part(plan: Plan, claim: Claim, step: Step) -> tuple[str, str] | None:
    """"20 × 35 = 700" where the step is 24 × 35: one factor kept, the other a whole-number part of the step's."""
    numbers = solver.numbers_in(claim.expression)
    if step.op != "*" or set(operations(claim)) != {"*"} or len(numbers) != 2 or len(step.values) != 2:
        return None
    given = {q.value for q in plan.quantities if q.given}   # never a unit's size: 2 × 10 is no part of 2 × 100 cm
    for kept, part in (numbers, numbers[::-1]) if set(step.values) <= given else ():
        whole = step.values[1] if step.values[0] == kept else step.values[0] if step.values[1] == kept else None
        if whole is not None and part.denominator == 1 and 0 < part < whole and whole.denominator == 1 \
                and part not in step.values:
            named = _quantity_text(plan, whole)
            noun = named.split(" ", 1)[1] if " " in named else ""
            return (f"Yes, {claim} is right: that is {fmt(part)} of the {named}.",
                    f"What do the other {fmt(whole - part)}{' ' + noun if noun else ''} add?")
    return None


def split_factor(plan: Plan, found: list[Claim], step: Step) -> tuple[str, str] | None:
    """"24 × 10 = 240 and 24 × 5 = 120" where the step is 24 × 15: one factor kept, the other split into parts that
    make it whole, each part's product right. Both confirmed, and putting them together asked (never its sum)."""
    if step.op != "*" or len(step.values) != 2 or len(found) < 2:
        return None
    products = [(c, solver.numbers_in(c.expression)) for c in found[-2:]]
    if not all(c.right and operations(c) == ["*"] and len(n) == 2 for c, n in products):
        return None
    for kept, whole in (step.values, step.values[::-1]):
        parts = [n[1] if n[0] == kept else n[0] if n[1] == kept else None for _, n in products]
        if None not in parts and sum(parts) == whole and all(0 < p < whole for p in parts):
            named = _quantity_text(plan, whole)
            return (f"Yes, {products[0][0]} and {products[1][0]} are both right: {fmt(parts[0])} and "
                    f"{fmt(parts[1])} make the {named}.", "What do the two parts make together?")
    return None


def another_route(plan: Plan, found: list[Claim], value: Fraction) -> tuple[str, str] | None:
    """A right step the plan does not take ("3 + 5 = 8" hours, where the plan earns 3 × $9 and 5 × $9): one
    operation on it and the one given quantity it leaves out makes the plan's answer, with every quantity the plan
    gives used once; the claim may build on a step done before ("20 − 9" after the sandwiches' $9). Confirmed as a
    step, and how those two give the question's target asked (no operation named)."""
    claim = next((c for c in found if c.right and c.stated == value), None)
    # only the quantities the plan uses: "four of the scores" names no number of the mean's route
    given = {q.value: q for q in plan.quantities if q.given and q.value in _given_in(plan, plan.steps[-1])}
    used = set(solver.numbers_in(claim.expression)) if claim is not None else set()
    done = [s for s in plan.steps[:-1] if s.value in used and s.value not in given]   # "20 − 9", 9 the sandwiches
    used = used - {s.value for s in done} | {v for s in done for v in _given_in(plan, s)}
    rest = [q for v, q in given.items() if v not in used]
    asked = question_sentence(problem_sentences(plan.problem))
    target = f"give you {question_target(asked)}?" if question_target(asked) else f"answer \"{asked}\""
    if claim is None or len(rest) != 1 or not used <= set(given):
        return None
    pairs = ((value, rest[0].value), (rest[0].value, value))
    if not any(wordproblem.apply_op(op, pair) == plan.answer for op in "+-*/" for pair in pairs
               if op != "/" or pair[1]):
        return None
    return f"Yes, {claim} is right.", f"How do {fmt(value)} and {rest[0].text} {target}"


def _given_in(plan: Plan, step: Step) -> set[Fraction]:
    """The given quantities a step uses, through the earlier steps it builds on."""
    return {v for r in step.operands for v in ({plan.quantities[r.index].value} if r.kind == "quantity"
                                               else _given_in(plan, plan.steps[r.index]))}


# "How much do 5 drinks at $3 each cost?": the helper verb a statement drops ("how much 5 drinks ... cost"), read
# only where the verb after the subject is one a word problem asks with (else the sentence is not rebuilt)
_VERBS = ("cost have get need make take spend earn save pay weigh hold carry read eat run use sell buy bake pick fill "
          "go travel ride walk drive collect give keep receive contain owe charge cover grow")
_DO_QUESTION = re.compile(rf"How (much|far|long|many(?: [a-z]+)*?) (do|does) ((?:\S+ )+?)({'|'.join(_VERBS.split())})"
                          rf"\b([^?]*)\?", re.I)


def what_it_finds(question: str) -> str:
    """A step's question as what its result is: "How many muffins are in 24 trays?" -> "how many muffins are in 24
    trays"; "How much does 1 notebook cost, if ...?" -> "how much 1 notebook costs, if ..."; "" for a question that
    is only its arithmetic ("How much is 25% of $240?", "What is 6 × 4?") or has no such reading; "What is 1/8 of 840
    students?" -> "1/8 of 840 students"."""
    q = question.strip()
    # "How many seats are in ...", "How much is earned ...": the subject is the "how many" phrase, so the
    # question reads as a statement; "How many days is 2 weeks?" is inverted ("how many days is 2 weeks" is not)
    if re.match(r"How (?:many [a-z]+ |much (?:money )?)?(?:(?:are|is|were|was) (?:in|on|at|left|there|needed|still|"
                r"for|inside|[a-z]+ed)|will|would|can|could|for|in)\b", q) and q.endswith("?") and ":" not in q:
        return "h" + q[1:-1]
    named = re.fullmatch(r"(?:What|How much) is (.+ of .+)\?", q)   # "What is 1/8 of 840 students?"
    if named and re.search(r"\b(?!of\b|and\b|together\b)[a-z]{3,}", named.group(1)):
        return named.group(1)   # that is "1/8 of 840 students"; "25% of $240" is only its arithmetic
    m = _DO_QUESTION.fullmatch(q)
    if m is None:
        return ""
    verb = _third_person(m.group(4)) if m.group(2).lower() == "does" else m.group(4)
    return f"how {m.group(1)} {m.group(3)}{verb}{m.group(5)}"


def _third_person(verb: str) -> str:
    """"cost" -> "costs", "have" -> "has", "carry" -> "carries", "reach" -> "reaches"."""
    if verb == "have":
        return "has"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + ("es" if re.search(r"(?:s|sh|ch|x|o)$", verb) else "s")


# ============================================================================ fractions rewritten with one bottom

_WRITTEN_FRACTION = re.compile(r"(?<![\d./])(\d+)/([1-9]\d*)(?![\d/])")


def unlike_bottoms(step: Step) -> bool:
    """A step that adds or takes away two fractions with different bottom numbers ("3/4 − 1/6"): rewriting them
    with one bottom is its own step, confirmed and helped as such."""
    a, b = (step.values + (Fraction(0), Fraction(0)))[:2]
    return step.op in "+-" and len(step.values) == 2 and a.denominator > 1 and b.denominator > 1 \
        and a.denominator != b.denominator


def bottoms_rewritten(plan: Plan, done: list[int], work: str) -> tuple[str, str, str, Step, str] | None:
    """`same_bottoms` of the first step not done yet that the work rewrites, else None."""
    return next((r for i, s in enumerate(plan.steps) if i not in done and (r := same_bottoms(s, work))), None)


def same_bottoms(step: Step, work: str) -> tuple[str, str, str, Step, str] | None:
    """(verdict, lead, question, step, kind) for a student's rewriting of `step`'s two fractions with one bottom
    ("9/12 − 2/12" of 3/4 − 1/6): both right is confirmed, each change said back, and the sum in their forms asked
    next ("What is 9/12 − 2/12?", never in decimals); one of them not the same amount ("1/12" for 1/6) is flagged at
    that fraction, with what its bottom was multiplied by. None when the work writes no such pair."""
    if not unlike_bottoms(step):
        return None
    written = [(m.group(), Fraction(int(m.group(1)), int(m.group(2)))) for m in _WRITTEN_FRACTION.finditer(work)]
    bottoms = Counter(int(text.split("/")[1]) for text, _ in written)
    shared = [d for d, n in bottoms.items() if n >= 2 and all(d % v.denominator == 0 for v in step.values)]
    if not shared:
        return None
    pair = [(text, value) for text, value in written if int(text.split("/")[1]) == shared[0]][:2]
    a, b = step.values
    sign = "−" if step.op == "-" else "+"
    if [value for _, value in pair] == [a, b]:
        changed = [f"{_plain(v)} = {text}" for (text, _), v in zip(pair, (a, b)) if text != _plain(v)]
        return ("confirm", f"Yes, {' and '.join(changed)}" + (f", so both have {shared[0]} at the bottom." if
                                                             len(changed) == 1 else "."),
                f"What is {pair[0][0]} {sign} {pair[1][0]}?", step, "step_right")
    wrong = [(text, v) for (text, value), v in zip(pair, (a, b)) if value != v]
    if len(wrong) != 1:
        return None   # both changed wrongly, or in another order: asked elsewhere
    text, meant = wrong[0]
    times = shared[0] // meant.denominator
    return ("flag", f"Check {text}: it is not the same amount as {_plain(meant)}.",
            f"The bottom {meant.denominator} was multiplied by {times} to make {shared[0]}; what does the top "
            f"{meant.numerator} become when it is multiplied by {times} too?", step, "claim_wrong")


def bottom_rungs(step: Step) -> list[str]:
    """The ladder of a step on fractions with different bottoms (after its opening question): a concrete shared
    bottom with what each bottom is multiplied by, then the first fraction rewritten and the second asked, then the
    rewritten sum; never a decimal form the student did not use, never the result."""
    a, b = step.values
    bottom = a.denominator * b.denominator // gcd(a.denominator, b.denominator)
    sign = "−" if step.op == "-" else "+"
    times = [f"{v.denominator} × {bottom // v.denominator} = {bottom}" for v in (a, b) if v.denominator != bottom]
    first = f"{a.numerator * (bottom // a.denominator)}/{bottom}"
    second = f"{b.numerator * (bottom // b.denominator)}/{bottom}"
    return [f"Try {bottom} as the bottom number for both: {' and '.join(times)}. What do the tops of {_plain(a)} and "
            f"{_plain(b)} become when they are multiplied by the same numbers?",
            f"{_plain(a)} = {first}" + (f" (top and bottom × {bottom // a.denominator})" if first != _plain(a) else "")
            + f". What is {_plain(b)} with {bottom} at the bottom?",
            f"What is {first} {sign} {second}?"]


def _plain(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}"


def step_rungs(plan: Plan, step: Step) -> list[str]:
    """The rungs after a step's question: fractions to give one bottom (`bottom_rungs`), a change of unit
    (`unit_rungs`), else solver.hints, whose "This step is a multiplication: <the step's question>" names the step's
    two numbers instead of restating its question."""
    if unlike_bottoms(step):
        return bottom_rungs(step)
    hints = unit_rungs(plan, step) or solver.hints(plan, plan.steps.index(step))
    named = [plan.quantities[r.index].text if r.kind == "quantity" else fmt(plan.steps[r.index].value)
             for r in step.operands]
    if len(hints) > 1 and len(named) == 2 and hints[1].startswith("This step is") and hints[1].endswith(step.question):
        hints[1] = f"{hints[1][:-len(step.question)].rstrip(': ')} of {named[0]} and {named[1]}. What do you get?"
    return hints


def unit_rungs(plan: Plan, step: Step) -> list[str]:
    """A change of unit ("How many days is 2 weeks?", the plan's "7 day in 1 week"): the unit's size said as a fact,
    then the times it is taken, instead of "Which numbers do you need? Look at 2 weeks and 7 day in 1 week." (the
    size is no number of the problem); [] for any other step."""
    size = next((q for r in step.operands if r.kind == "quantity" and not (q := plan.quantities[r.index]).given), None)
    many = re.match(r"How many (\w+)", step.question)
    fact = re.fullmatch(r"(\d+) \w+ in 1 (\w+)", size.text) if size is not None else None
    if step.op != "*" or not many or not fact or len(step.values) != 2:
        return []
    count = next((v for r, v in zip(step.operands, step.values) if r.kind != "quantity"
                  or plan.quantities[r.index] is not size), None)
    if count is None:
        return []
    return [f"1 {fact.group(2)} is {fact.group(1)} {many.group(1)}. {step.question}",
            f"That is {fmt(count)} lots of {fact.group(1)} {many.group(1)}: what is {fmt(count)} × "
            f"{fact.group(1)}?"]


def newly_done(plan: Plan, done: list[int], said: list[Fraction], shown: set[Fraction]) -> list[int]:
    """The steps before the last whose value the student said now (or showed as a term of their equation)."""
    return sorted({i for i, s in enumerate(plan.steps[:-1]) if s.value in said
                   or s.kind in ("equation", "bracket") and s.value in shown} - set(done))


def equation_terms(work: str) -> set[Fraction]:
    """The signed numbers of an equation the student wrote: "5x = 25" shows the gathered 5x as well as the 25,
    "6x - 2 = 4x + 10" the bracket's 6x and -2 (none when they wrote no equation)."""
    return {Fraction(f"{m.group(1) or ''}{m.group(2)}".replace(" ", "")) for m in
            re.finditer(r"(-\s?)?(\d+(?:\.\d+)?)(?![\d./])", work)} if "=" in work else set()


def used_steps(plan: Plan, found: list[Claim]) -> set[int]:
    """Steps whose value the student's right arithmetic uses ("50 / 300" uses the change, 50): they were done, even
    when the student never wrote them as a result. A given number proves nothing; the answer is never 'used'."""
    used = {v for c in found if c.right for v in solver.numbers_in(c.expression)} - {q.value for q in plan.quantities}
    return {i for i, s in enumerate(plan.steps[:-1]) if s.value in used}


def unit_as_written(plan: Plan) -> str:
    """The answer's unit as the problem writes its plural ("How many days ...": 15 days), else a counted unit's plural
    ("25 pages per minute ... How long?": 12 minutes)."""
    if plan.answer == 1 or " " in plan.unit:
        return plan.unit
    written = [w for w in re.findall(r"[a-z]+s\b", plan.problem.lower()) if wordproblem.stem(w) == plan.unit]
    counted = plan.unit in ("second", "minute", "hour", "day", "week", "month", "year", "mile", "page")
    return written[0] if written else plan.unit + "s" if counted else plan.unit


# a claim of two numbers and one operation, as claims() shows it back: "84 ÷ 3", "7.50 × 24", "25% of 64"
_TWO = re.compile(r"(?P<a>\d+(?:\.\d+)?(?:/\d+)?)\s*(?P<op>[-+−×÷*/])\s*(?P<b>\d+(?:\.\d+)?(?:/\d+)?)")
_PERCENT_OF = re.compile(r"(?P<p>\d+(?:\.\d+)?)% of \$?(?P<n>\d+(?:\.\d+)?)")


def smaller_check(claim: Claim) -> str | None:
    """After a slip is named ("Check 84 ÷ 3 again: it does not make 24."), one smaller move on that same sum, never
    its result: a quotient or a difference checked by the inverse with the student's own number ("what is 3 × 24?"),
    a product split by place value ("25 × 10 and 25 × 4") or at its decimal point ("7 × 24 and 0.50 × 24"), a nine
    as one less than ten, a percent from 10% (or a quarter, a half). None for a claim of another shape."""
    percent = _PERCENT_OF.fullmatch(claim.expression)
    if percent:
        return _percent_part(percent.group("p"), percent.group("n"))
    two = _TWO.fullmatch(claim.expression)
    if two is None or not claim.stated:
        return None
    a, op, b = two.group("a"), two.group("op"), two.group("b")
    mine = claim.result
    quotient, _, left_over = mine.partition(" R ")
    if op in "÷/" and left_over:   # "50 ÷ 6 = 8 R 4": the 8 fits, what is left over is not 4
        return f"Test it with multiplication: what is {b} × {quotient}? How many are left over from {a}?"
    if op in "÷/":
        return f"Test it with multiplication: what is {b} × {mine}? Is it {a}?"
    if op in "-−":
        return f"Test it by adding back: what is {mine} + {b}? Is it {a}?"
    if op == "+":
        return f"Test it by taking away: what is {mine} − {b}? Is it {a}?"
    return _product_part(a, b)


def _product_part(a: str, b: str) -> str | None:
    """A product worked in two easier parts: a factor split at its decimal point or by place value, else a nine as
    ten less one. The factor split is the smaller one, so both parts stay easy."""
    for whole, other in ((a, b), (b, a)):
        if "." in whole and "/" not in other and int(whole.split(".")[0]):   # "7.50 × 24": 7 × 24 and 0.50 × 24
            head, tail = whole.split(".")
            return f"Split {whole} into {head} and 0.{tail}: what are {head} × {other} and 0.{tail} × {other}? " \
                   f"Add them."
    if "." in a + b or "/" in a + b:
        return None
    split = sorted((x for x in (a, b) if int(x) > 10 and int(x) % 10 ** (len(x) - 1)), key=int)
    if split:   # "16 × 12": 16 × 10 and 16 × 2, each factor where the student wrote it
        n = split[0]
        top = int(n) - int(n) % 10 ** (len(n) - 1)
        parts = [f"{top} × {b}", f"{int(n) - top} × {b}"] if n == a else [f"{a} × {top}", f"{a} × {int(n) - top}"]
        return f"Split {n} into {top} and {int(n) - top}: what are {parts[0]} and {parts[1]}? Add them."
    if "9" in (a, b) and a != b:   # "9 × 6": one 6 less than 10 × 6
        other = b if a == "9" else a
        return f"9 × {other} is one {other} less than 10 × {other}: what is 10 × {other}, and then one {other} less?"
    if 5 < max(int(a), int(b)) < 10:   # "8 × 7": 5 × 7 and 3 × 7, the bigger factor split where it was written
        parts = f"5 × {b} and {int(a) - 5} × {b}" if int(a) >= int(b) else f"{a} × 5 and {a} × {int(b) - 5}"
        return f"{a} × {b} is {parts}: what are those two? Add them."
    return f"Count up in {b}s, {a} times: {b}, {int(b) * 2}, ... What do you reach?" if 3 <= int(a) <= 5 else None


def _percent_part(p: str, n: str) -> str:
    """A percent of a number from a part that is easy to find: a half, a quarter, else 10% (or 1%) first."""
    easy = {"50": f"50% is a half: what is half of {n}?", "25": f"25% is a quarter: what is {n} shared into 4 "
            f"equal parts?", "75": f"75% is three quarters: what is a quarter of {n}, and then 3 of those?"}
    if p in easy:
        return easy[p]
    if "." not in p and int(p) % 10 == 0:
        return f"Start from 10%: what is 10% of {n}? Then {p}% is {int(p) // 10} of those."
    if "." not in p and int(p) % 5 == 0:   # "35%": three lots of 10% and a 5%, half of a 10%
        tens = "10%" if int(p) < 20 else f"{int(p) // 10} lots of 10%"
        return f"Start from 10%: what is 10% of {n}, and 5% (half of that)? {p}% is {tens} and one 5%."
    return f"Start from 1%: what is 1% of {n}? Then {p}% is {p} of those."


def in_other_unit(plan: Plan, work: str, value: Fraction) -> bool:
    """Is `value` the plan's answer said in another unit of its kind ("so 180 minutes" for 3 hours, "1500 g" for
    1.5 kg), by the unit the student names right after it? Never for a bare number or a unit of another kind."""
    named = unit_after(work, fmt(value)) or unit_after(work, f"{float(value):g}")
    ours, theirs = wordproblem.unit_name(plan.unit.split()[0]) if plan.unit else "", wordproblem.unit_name(named)
    if not named or not ours or ours == theirs:
        return False
    down, up = wordproblem.unit_factor(ours, theirs), wordproblem.unit_factor(theirs, ours)
    return bool(down and value == plan.answer * down or up and value * up == plan.answer)
