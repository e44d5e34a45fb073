"""A final answer checked without a plan: the student's own chain of right steps, held to the problem's conditions.

When the planner has no plan, a student who works every step and says "... so the answer is 30" is still right or
wrong by what exact code can read from the problem itself. `chain_answer` confirms the answer only when all of
these hold (each guards against a wrong route whose arithmetic is right):
  - every claim on the chain that makes the answer (`path_to`) is exactly right, and the answer is offered as such;
  - the chain uses every number the problem gives, each once (a ratio's terms may come back: "3:4" scales both
    ways), and no number of its own but earlier results and the few constants the problem's words call for (2 for
    "around" a rectangle or "twice", 180 for a triangle's angles, 100 for a percent, ...);
  - no step adds or takes away two of the problem's quantities of different kinds ("16 rows + 22 seats");
  - the last step is the operation the question's own words ask for: "each", "per", "average", "how many times
    as heavy" a division; "left", "more than", "by how much", "not" a take-away; "in all", "together", "how much
    did she spend" a sum or product; "what fraction of" (nothing left) a division; "around" a perimeter; "in 5
    hours" a step on the 5 the question names. A question whose words name no last step is decided by units
    alone (`_measured`): the route must end in the units the question asks (measure_kinds.route_units), where
    every given is a measure or a percent, no two share units, and no part of a change or fraction is asked; a
    route whose units miss the question is never confirmed (where two measures share units, units only rule out).
Anything short of that stays undecided (math_moves.py says the arithmetic is right and asks about the meaning).
"""
from __future__ import annotations

import re
from collections import Counter
from fractions import Fraction

import wordproblem
from arithmetic_claims import (CHECK_TAIL, OP_SIGN, Claim, arithmetic_text, as_written, claims, convertible,
                               measure_kind, operations, path_to, presented_as_answer, result_of)
from measure_kinds import asked_units, measures, route_units
from problem_text import ROUND_TRIP, given_numbers, problem_sentences, question_sentence
from solver import fmt

# a whole taken as 1 for what is left of it after fractions of it ("ate 2/5 ... What fraction is left?")
_WHOLE_LEFT = r"(?<![\d/])\d+/\d+(?![\d/])[^?]*\b(?:left|rest|remain\w*)\b"
# the constants a problem's words bring in, though it never writes them
_CONSTANTS = ((2, r"\b(?:around|perimeter|border|edge|fence|fencing|frame|twice|double|half|both)\b"),
              (4, r"\bsquare\b[^.?!]*\b(?:around|perimeter|border|edge|fence|fencing|frame)\b|"
                  r"\b(?:around|perimeter|border|edge|fence|fencing|frame)\b[^.?!]*\bsquare\b"),
              (180, r"\btriangle|\bstraight (?:line|angle)"), (360, r"\b(?:quadrilateral|full turn|around a point)"),
              (100, r"%|\bpercent|\b(?:cm|centimet)"), (1000, r"\b(?:km|kilomet|kg|kilogram|ml|millilit)"),
              (60, r"\b(?:minutes?|seconds?|hours?)\b"), (1, r"\bconsecutive\b|" + _WHOLE_LEFT),
              (12, r"\b(?:inch|inches|dozen)\b"))

# what the question's words ask the last step to be
_LAST_STEP = (("/", r"\b(?:each|per|equally|evenly|average|mean|in one|every|how many times|times as)\b"),
              ("-", r"\b(?:left|remain\w*|still|change|(?:more|less)(?: [a-z]+){0,4} than|fewer|longer|shorter|"
                    r"how (?:much|many) more\b(?![^.?!]*\bthan\b)|"
                    r"taller|older|by how much|younger|heavier|lighter|difference|not|empty|rest|farther|third|other|"
                    r"missing|dont|doesnt|didnt|isnt|arent|wasnt|werent|cant|wont)\b|n't\b"),   # typed bare too
              ("+*", r"\b(?:in all|altogether|total|together|combined)\b|"
                     r"\bhow much (?:money )?(?:(?:do|does|did|will|would) )?(?:[a-z]+ )?(?:spend|spent|pay|paid)\b"),
              ("/", r"\bwhat (?:fraction|part)\b"))   # after the take-away: "what fraction is left" is a rest
_AROUND = re.compile(r"\b(?:around|perimeter|border|edge|fence|fencing)\b", re.I)


def _allowed(problem: str) -> set[Fraction]:
    return {Fraction(n) for n, words in _CONSTANTS if re.search(words, problem, re.I)}


def _ratio_terms(problem: str) -> set[Fraction]:
    """The terms of a ratio the problem writes ("3:4"), each of which a route may use more than once (as the whole
    a fraction is taken of may: "56 ÷ 8 = 7, ..., 56 − 21 = 35")."""
    return {Fraction(t) for m in re.finditer(r"(?<![\d:])(\d+):(\d+)(?![\d:])", problem) for t in m.groups()}


# the student's own working pasted into the problem ("i did 8+10+9+8 = 35"): its numbers are none of the problem's
_WORKING = re.compile(r"[^.?!]*?(?:\b(?:i did|i got|i think|i tried|so far|i changed)\b|-?\d[\d./]*\s*[-+*/x×÷]\s*"
                      r"-?\d[\d./]*\s*=)[^?!]*", re.I)


_FIRST_PERSON = re.compile(r"\b(?:i|me|my|im|i'?m|idk)\b", re.I)


def _given(problem: str) -> list[tuple[Fraction, str]]:
    """The problem's quantities: a ratio as its two terms (given_numbers keeps "3:4" as one), a fraction as its top
    and bottom ("3/8 are mysteries": 56 ÷ 8, then × 3); never a number of the student's own working."""
    text = _WORKING.sub("", problem)
    found = [(v, p) for v, p in given_numbers(text) if not re.fullmatch(r"\d+:\d+", p)]
    terms = [(Fraction(t), t) for m in re.finditer(r"(?<![\d:/])(\d+)[:/](\d+)(?![\d:/])", text) for t in m.groups()]
    return [(v, p) for v, p in found if v.denominator == 1 or not re.search(r"\d/\d", p)] + terms


def _in_words(problem: str) -> tuple[set[Fraction], set[Fraction]]:
    """(needed, free): the numbers a problem writes as words. "Four friends" share $96 and $24: the four is needed;
    "Two angles" measure 48° and 67°: the two only counts the numbers that follow it, and is free to use or not."""
    needed, free = set(), set()
    for sentence in problem_sentences(_WORKING.sub("", problem)):
        written = Counter(Fraction(n) for n in re.findall(r"\d+(?:\.\d+)?(?:/\d+)?", sentence.replace(",", "")))
        for v in Counter(wordproblem.numbers_in(sentence)) - written:
            (free if sum(written.values()) == v else needed).add(v)
    return needed - free, free


def _operands(claim: str) -> tuple[list[Fraction], str]:
    """The numbers a claim's left side uses, a fraction as its top and bottom ("2/3" is 2 and 3), and its operations,
    a written fraction none ("2/3 + 1/4" is a sum)."""
    written = arithmetic_text(claim.rsplit("=", 1)[0])
    ops = "".join(re.findall(r"(?<=[\d)\s])\s*([-+*/×÷−])\s*(?=[\d(-])", re.sub(r"(?<=\d)/(?=\d)", "|", written)))
    numbers = wordproblem.numbers_in(re.sub(r"(?<=\d)/(?=\d)", " / ", written))
    return numbers, ops.translate(str.maketrans("×÷−", "*/-"))


def _question(problem: str) -> str:
    """The problem's question, never the student's own ("how do i do fractions of a number"), nor their working."""
    sentences = [p for p in problem_sentences(_WORKING.sub("", problem)) if not _FIRST_PERSON.search(p)]
    asking = [m.group() for p in sentences if (m := re.search(r"\b(?:how|what'?s|whats|what|which|find)\b[^.?!]*", p,
                                                              re.I))]
    return asking[-1] if asking else question_sentence(problem_sentences(problem))


def _uses_all(route: list[str], problem: str, rest: tuple[Fraction, Fraction] | None = None) -> bool:
    """Every given number used, each once (a ratio's terms may come back), nothing else but the route's own
    results and the constants the problem's words call for; the top of the rest of a fraction the student names
    (`rest`: 3 for 2/5, "he has 3/5 left") stands for the fraction's own top."""
    needed, free = _in_words(problem)
    given = Counter(v for v, _ in _given(problem)) + Counter(needed)
    used = Counter(n for claim in route for n in _operands(claim)[0])
    for p in _percents(problem):   # "500 × 0.4" of 40% full: the 40 used, as a decimal
        if used[p / 100] and not used[p] and p / 100 not in given:
            used[p] += used.pop(p / 100)
    if rest and used[rest[0]]:
        used[rest[0]] -= 1
        used[rest[1]] += 1
    made = Counter(result_of(claim) for claim in route[:-1])
    # a fraction an earlier step made, used again as written ("1 − (13/20)"), is read as its top and bottom
    parts = Counter(n for m in made if m is not None and m.denominator != 1 for n in (m.numerator, m.denominator)
                    if any(re.search(rf"(?<![\d/]){m.numerator}/{m.denominator}(?![\d/])", c) for c in route[1:]))
    mine = used - made - parts
    extra = mine - given
    again = _ratio_terms(problem) | (set(given) if re.search(r"(?<!\d)\d+/\d+(?!\d)", problem) else set())
    again |= {v for v, _ in _given(problem)[:1]} if _changes_by_percent(problem, _question(problem)) else set()
    # "4 times as long as the 18 cm one ... how much longer?": the 18 makes the longer one, then is taken from it
    again |= set(given) if re.search(r"\btimes as\b", problem) and re.search(r"\bthan\b", _question(problem)) else set()
    return not (given - mine) and all(v in _allowed(problem) or v in again or v in free for v in extra) \
        and not (made - used - Counter(m for m in made if m is not None and m.denominator != 1))


def _takes_from_start(route: list[str], problem: str) -> bool:
    """A take-away from a given number takes from the amount the story starts with (its first), unless the question
    compares two amounts: "85 − 67" of 240 apples less 85 sold and 67 sold is the gap between the sales, no step,
    and "19 − 11" of 19 beads used is no count of the beads left."""
    given = [v for v, _ in _given(problem)]
    if not given or re.search(r"\b(?:more|fewer|less|longer|shorter|taller|older|younger|difference|than|up|down|"
                              r"increase|decrease|change)\b",
                              _question(problem), re.I):
        return True
    for claim in route:
        numbers, ops = _operands(claim)
        whole = numbers[0] == 1 and re.search(_WHOLE_LEFT, problem)   # the whole the fractions are of
        if ops == "-" and numbers[0] in given and numbers[0] != given[0] and not whole:
            return False
    return True


def _rest_of_whole(route: list[str], problem: str) -> bool:
    """What is left of a whole after fractions of it ("1 − 13/20"): the fractions taken are added before, never
    taken from each other ("2/5 − 1/4 = 3/20, 1 − 3/20" has right arithmetic and a wrong route)."""
    numbers, ops = _operands(route[-1])
    if not (numbers[:1] == [1] and ops == "-" and re.search(_WHOLE_LEFT, problem)):
        return True
    return all(set(_operands(claim)[1]) <= {"+"} for claim in route[:-1])


def _kinds_match(route: list[str], problem: str) -> bool:
    """No step adds or takes away two given quantities of different kinds ("16 rows + 22 seats", "$9 + 2 tickets")."""
    quantities = given_numbers(wordproblem.normalise(problem))   # "Six boxes" too
    kinds = {v: measure_kind(p) or ("thing" if re.search(r"[a-z]", p) else "") for v, p in quantities}
    # a plural noun names what is counted ("16 rows", "22 seats"); "28 red beads" names it no further than "red"
    words = {v: p.split()[-1].lower() for v, p in quantities if re.fullmatch(r"\S+ [a-z]+s", p)}
    for claim in route:
        numbers, ops = _operands(claim)
        if len(numbers) < 2 or set(ops) - {"+", "-"} or not all(n in kinds for n in numbers):
            continue
        # every pair of a sum's terms ("8 + 3 + 5" of 8 points, three quizzes and 5 points: points and quizzes)
        for i, a in enumerate(numbers):
            for b in numbers[i + 1:]:
                named = words.get(a) and words.get(b) and wordproblem.stem(words[a]) != wordproblem.stem(words[b])
                if kinds[a] and kinds[b] and (kinds[a] != kinds[b] or kinds[a] == "thing" and named):
                    return False
    return True


def _unit_sizes(problem: str) -> set[Fraction]:
    """The sizes between a unit the question asks in and the problem's own units, when the problem writes that unit
    nowhere else ("How many minutes ..." of 4 km per hour: 60; "in square meters" of 60 cm by 40 cm: 10000)."""
    asked = question_sentence(problem_sentences(problem))
    own = {w for w in re.findall(r"[a-z]+", problem.replace(asked, " ").lower()) if wordproblem.is_unit(w)}
    power = 2 if re.search(r"\bsquare\b", asked, re.I) else 1
    sizes = set()
    for wanted in (w for w in re.findall(r"[a-z]+", asked.lower()) if wordproblem.is_unit(w)):
        if wordproblem.unit_name(wanted) not in {wordproblem.unit_name(u) for u in own}:
            sizes |= {Fraction(size) ** power for u in own if convertible(u, wanted)
                      and (size := wordproblem.unit_factor(u, wanted) or wordproblem.unit_factor(wanted, u))}
    return sizes


def _unit_changed(route: list[str], problem: str) -> bool:
    """A question in a unit the problem writes nowhere else is answered only by a route through the size between
    the units ("6 ÷ 4 = 1.5" is hours, not the minutes asked)."""
    sizes = _unit_sizes(problem)
    return not sizes or bool(sizes & {n for claim in route for n in _operands(claim)[0]})


def _changed_last(route: list[str], problem: str, rest: tuple[Fraction, Fraction] | None) -> bool:
    """The route's last step changes the unit ("1.5 × 60 = 90" for the minutes asked), and the step before it is
    the one the question's words ask for."""
    numbers, ops = _operands(route[-1])
    return len(route) > 1 and ops in ("*", "/") and bool(_unit_sizes(problem) & set(numbers)) \
        and _last_step_fits(route[:-1], problem, rest)


def _last_step_fits(route: list[str], problem: str, rest: tuple[Fraction, Fraction] | None = None) -> bool:
    """The route's last operation is the one the question's words ask for (see the module's list); a question
    that names a number ("how far in 5 hours?") is answered by a step on that number; what is left of a fraction
    taken away is its rest's parts taken ("3/5 left ... 11 × 3")."""
    question = _question(problem)
    numbers, ops = _operands(route[-1])
    if not question or not ops:
        return False
    if rest and re.search(_LAST_STEP[1][1], question, re.I):
        return ops[-1] == "*" and rest[0] in numbers
    if _AROUND.search(problem) and not re.search(r"\barea\b", question, re.I):
        return _around(route, problem)
    for rule in (_percent_change, _ratio_part, _fraction_part, _priced, _compared_total, _part_named):
        if (decided := rule(route, problem, question)) is not None:
            return decided
    asked = wordproblem.numbers_in(re.sub(r"\b(?:day|week|game|level|round|test|quiz|grade|page) \d+", "", question))
    if asked:
        return ops[-1] in "*/" and any(v in numbers for v in asked)
    wanted = next((op for op, words in _LAST_STEP if re.search(words, question, re.I)), None)
    return wanted is not None and ops[-1] in wanted


def _part_named(route: list[str], problem: str, question: str) -> bool | None:
    """"What fraction of the class are boys?" of 16 girls in 28: the part on top is the one the question names
    ("16 girls" is not the boys); None when the question asks no fraction or part of a whole, or asks what is left."""
    if not re.search(_LAST_STEP[3][1], question, re.I) or re.search(_LAST_STEP[1][1], question, re.I):
        return None   # "what fraction is left" is a rest: the take-away rules decide it
    numbers, ops = _operands(route[-1])
    top = next((m for m in re.finditer(rf"(?<![\d/.]){fmt(numbers[0])}(?![\d/.])(?: of (?:them|it|these|those))?"
                                         rf" ([a-z]+)", problem)), None) if numbers and ops[-1:] == "/" else None
    asked = {wordproblem.stem(w) for w in re.findall(r"[a-z]+", question.lower())}
    return top is not None and wordproblem.stem(top.group(1).lower()) in asked


def _divisors(route: list[str]) -> list[Fraction]:
    """The numbers the route divides by ("15 ÷ 60 × 100": 60)."""
    return [Fraction(m.group(1)) for claim in route
            for m in re.finditer(r"/\s*\(?(-?\d+(?:\.\d+)?)", arithmetic_text(claim.rsplit("=", 1)[0]))]


def _changes_by_percent(problem: str, question: str) -> bool:
    """Does the question ask by what percent an amount changed (its start then used twice: in the change, as the
    base)?"""
    return bool(re.search(r"%|\bpercent", question, re.I) and re.search(
        r"\bfrom\b[^.?!]*\bto\b|\bwas\b[^.?!]*\bnow\b|\b(?:went|goes|go) (?:up|down)|\bincrease|\bdecrease|\brose\b|"
        r"\bfell\b", problem, re.I))


def _percent_change(route: list[str], problem: str, question: str) -> bool | None:
    """"What percent did it go up by?" of $60 to $75: the change is divided by the amount it started from, the one
    the problem names first (never by the new amount), and made a percent (× 100). None when no percent change."""
    if not _changes_by_percent(problem, question):
        return None
    given = [v for v, _ in _given(problem)]
    ops = "".join(_operands(claim)[1] for claim in route)
    return bool(given) and "-" in ops and given[0] in _divisors(route) and 100 in _operands(route[-1])[0]


_RATIO_NAMES = re.compile(r"\b([a-z]+) (?:to|and) ([a-z]+)\b(?: [a-z]+){0,4}? (?:is|are|=|in the ratio)"
                          r"(?: in the ratio)? (\d+) ?: ?(\d+)", re.I)


def _ratio_part(route: list[str], problem: str, question: str) -> bool | None:
    """"apples to pears is 3:4 ... 42 fruit ... how many pears?": a total divided by all 7 parts, then the pears' 4
    parts taken (never the apples' 3); "... 12 apples ...": divided by the apples' 3. None when the problem names no
    ratio of two things the question asks one of."""
    m = _RATIO_NAMES.search(problem)
    asked = {wordproblem.stem(w) for w in re.findall(r"[a-z]+", question.lower())}
    terms = [Fraction(m.group(i + 2)) for i in (1, 2) if wordproblem.stem(m.group(i).lower()) in asked] if m else []
    numbers, ops = _operands(route[-1])
    if m and not terms and re.search(_LAST_STEP[2][1], question, re.I):   # "how many students in total": both
        whole = Fraction(m.group(3)) + Fraction(m.group(4))   # kinds, all the parts (× 9) or the two counts added
        return ops[-1:] == "+" or ops[-1:] == "*" and whole in numbers
    if len(terms) != 1 or m.group(3) == m.group(4):
        return None
    a, b = Fraction(m.group(3)), Fraction(m.group(4))
    names = {wordproblem.stem(m.group(1).lower()): a, wordproblem.stem(m.group(2).lower()): b}
    counts = [p for v, p in given_numbers(problem) if v not in (a, b) and " " in p]
    counted = names.get(wordproblem.stem(counts[0].split()[-1].lower()) if counts else "")
    by = {a + b} if counted is None else {counted}   # a total is shared by all the parts; one thing's count by its own
    return ops[-1:] == "*" and terms[0] in numbers and bool(by & set(_divisors(route)))


def _fraction_part(route: list[str], problem: str, question: str) -> bool | None:
    """"2/5 chose swimming ... How many chose swimming?": the whole split by the bottom and the top taken (45 ÷ 5 × 2,
    or 45 × 2 ÷ 5). None when the question asks no part a fraction of the problem names, or asks what is left."""
    m = re.search(r"(?<![\d/.])(\d+)/(\d+)(?![\d/])(?: of (?:them|it|the [a-z]+))? (?:are |were |is |was )?([a-z]+)",
                  problem)
    asked = {wordproblem.stem(w) for w in re.findall(r"[a-z]+", question.lower())}
    if m is None or wordproblem.stem(m.group(3)) not in asked or re.search(_LAST_STEP[1][1], question, re.I):
        return None
    top, bottom = Fraction(m.group(1)), Fraction(m.group(2))
    numbers, ops = _operands(route[-1])
    used = [n for claim in route for n in _operands(claim)[0]]
    return bottom in _divisors(route) and top in used and ops[-1:] in ("*", "/") and \
        (top in numbers or bottom in numbers)


_PRICE = re.compile(r"\$(\d+(?:\.\d+)?)\s+(?:a|an|per|each|for each)\b", re.I)


def _priced(route: list[str], problem: str, question: str) -> bool | None:
    """"carpet is $9 a square meter ... how much to carpet the floor?": the last step takes the price that many
    times. None when the problem gives no price of one, or the question asks no amount of money."""
    prices = [Fraction(p) for p in _PRICE.findall(problem)]
    if len(prices) != 1 or not re.search(r"\bhow much\b|\bcost\b|\bpay\b", question, re.I):
        return None
    numbers, ops = _operands(route[-1])
    if ops[-1:] == "+" and any(prices[0] in _operands(c)[0] and "*" in _operands(c)[1] for c in route[:-1]):
        return None   # "3 × 2 = 6, 6 + 5 = 11": the priced items' cost, then another's added: the cue decides
    # a price per square unit prices an area: its sides multiplied, never added
    square = re.search(r"\$\d[\d.]*\s+(?:a|an|per|each|for each)\s+square\b", problem, re.I)
    return ops[-1:] == "*" and prices[0] in numbers and \
        not (square and any(set(_operands(claim)[1]) - {"*"} for claim in route))


def _compared_total(route: list[str], problem: str, question: str) -> bool | None:
    """"Liam has 3 times as many cards as Owen ... how many together?": the product makes one of them, so the
    last step of a total is a sum; "17 more than Sara": her count made first, the gap never in the total's own step.
    None when the problem compares no amounts or asks no total."""
    if not re.search(_LAST_STEP[2][1], question, re.I):
        return None
    if re.search(r"\b\d+ (?:more|fewer|less)\b[^.?!]* than\b", problem, re.I):   # "17 more than Sara": her count
        gap = {Fraction(n) for n in re.findall(r"\b(\d+) (?:more|fewer|less)\b", problem, re.I)}
        return len(route) > 1 and not gap & set(_operands(route[-1])[0])   # first, and the total of the two after
    if not re.search(r"\b(?:times|twice|half) as (?:many|much)\b", problem, re.I):
        return None
    return _operands(route[-1])[1][-1:] == "+"


def _around(route: list[str], problem: str) -> bool:
    """A perimeter: the sides added and doubled ("12 + 7 = 19, 19 × 2 = 38", "2 × 9 + 2 × 4"), all four added, or a
    square's side times 4; never one side times the other (that is the area)."""
    used = [n for claim in route for n in _operands(claim)[0]]
    ops = "".join(_operands(claim)[1] for claim in route)
    sides = [v for v, _ in _given(problem)]
    if len(sides) == 1:
        return "*" in ops and 4 in used
    return "+" in ops and (2 in used and 2 not in sides or ops.count("+") >= 3)


def chain_answer(problem: str, worked: list[str], said: list[Fraction], work: str) -> str | None:
    """The route that makes the answer offered, written as steps ("96 + 24 = 120, then 120 ÷ 4 = 30"), when the
    checks above all hold; None when any does not (the answer is then not decided here)."""
    if not said or not (presented_as_answer(work, said[-1]) or _ends_on(work, said[-1])):
        return None
    route = path_to(worked, said[-1]) or _one_step(problem, said[-1], work, worked)
    if not route:
        return None
    rest = _rest_named(problem, " ".join([*worked, work]))
    if not (_uses_all(route, problem, rest) and _kinds_match(route, problem) and _takes_from_start(route, problem)
            and _rest_of_whole(route, problem)
            and ((_last_step_fits(route, problem, rest) or _changed_last(route, problem, rest))
                 and _unit_changed(route, problem) or _measured(route, problem))
            and _units_fit(route, problem) is not False   # "10 ÷ 2 = 5 (minutes a km), 5 × 60": no distance
            and not _cancels(route, problem)):
        return None
    return ", then ".join(route)


def _percents(problem: str) -> set[Fraction]:
    return {Fraction(n) for n in re.findall(r"(\d+(?:\.\d+)?)\s*(?:%|percent)", _WORKING.sub("", problem))}


def _units_fit(route: list[str], problem: str) -> bool | None:
    """Does the route end in the units the question asks (measure_kinds.route_units: "60 ÷ 10 = 6" tens of minutes
    in the hour, "6 × 2 km = 12 km")? Decided only where every number the problem gives is a measure or a percent
    (a bare count, "3 laps", may be multiplied or divided with the same units) and the question names its units;
    None else (and where two measures share units, or the story's words count one twice)."""
    wanted, given = asked_units(problem), measures(problem)
    measured = {v for v, _, _ in given} | _percents(problem)
    dims = [tuple(sorted(d.items())) for _, d, _ in given]
    if not wanted or not route or any(v not in measured for v, _ in _given(problem)) or ROUND_TRIP.search(problem):
        return None   # "20 minutes each way": the one measure counts twice, which units cannot tell
    ends = route_units(problem, [c for claim in route for c in claims(claim)])
    if len(set(dims)) < len(dims):   # "96 litres in 4 minutes ... in 7 minutes": units cannot pair them right, but
        return False if ends and wanted not in ends else None   # "60 L × 4 L a minute" is no time: ruled out
    return wanted in ends


def _measured(route: list[str], problem: str) -> bool:
    """A question whose words name no last step ("How far does she run in one hour?") is answered by a route that
    ends in the units it asks (`_units_fit`), each percent taken as a part (× 0.4, or × 40 ÷ 100); never when its
    words name a step or another rule above decides."""
    question = re.sub(r"\bin (?:one|1|an?) [a-z]+\b", "", _question(problem))   # "how far in one hour": no share
    decided = any(rule(route, problem, question) is not None for rule in (
        _percent_change, _ratio_part, _fraction_part, _priced, _compared_total, _part_named))
    # "in 45 minutes": the 45 is used on the way (two measures in one unit make `_units_fit` undecided)
    named = set(wordproblem.numbers_in(question)) - {n for claim in route for n in _operands(claim)[0]}
    # a part of a whole is no answer to what the whole became ("grew by 15%": 40 × 15 ÷ 100 = 6 cm is the growth)
    parts = re.search(r"(?<!\d)\d+/\d+(?!\d)", problem) or _percents(problem) and re.search(
        r"\b(?:by|grew|grow|increas\w*|decreas\w*|rose|fell|off|discount\w*|sale|tax|tip|more|less|raised|cut|up|down|"
        r"now|new|after|left|rest|remain\w*)\b", problem, re.I)
    if decided or named or parts or _AROUND.search(problem) or any(re.search(w, question, re.I) for _, w in _LAST_STEP):
        return False
    for p in _percents(problem):
        taking = [c for c in route if {p, p / 100} & set(_operands(c)[0])]
        if not all(p / 100 in _operands(c)[0] and _operands(c)[1] == "*" or 100 in _divisors([c])
                   and p not in _divisors([c]) for c in taking) or not taking:
            return False
    return bool(_units_fit(route, problem))


_TIMES = {"second", "minute", "hour", "day", "week", "month", "year"}


def _cancels(route: list[str], problem: str) -> bool:
    """Does a route for a time ("how many days ...") multiply by one count and divide by another of the same thing
    ("6 days x 12 volunteers / 8 volunteers")? The inverse route (6 x 8 / 12) ends in the same units, and which is
    right turns on whether they share one job (more volunteers, fewer days), which units cannot tell: such a route
    waits for a plan (crew_time). A rate of stuff ("96 litres in 4 minutes ... in 7 minutes") is no count. The time
    is asked by the question, or, where a retold question says none ("for 6 horses?"), by a time the route scales
    ("lasts 15 days for 4 horses": 15 days x 6 / 4)."""
    asked = _question(problem)
    given = measures(problem)
    scaled = {v for v, dims, _ in given if set(dims) <= _TIMES} & {n for claim in route for n in _operands(claim)[0]}
    if not re.search(r"\bhow (?:long|many (?:seconds|minutes|hours|days|weeks|months|years))\b", asked, re.I) \
            and not scaled:
        return False
    measured = {v for v, _, _ in given}
    unit = {v: p.split()[-1].lower() for v, p in given_numbers(problem)
            if v not in measured and re.fullmatch(r"\S+ [a-z]+", p)}
    divided, kept = set(), set()
    for claim in route:   # a written fraction divides too: "15/4 × 6" keeps 15 and 6, divides by 4
        left = arithmetic_text(claim.rsplit("=", 1)[0])
        under = {Fraction(n) for n in re.findall(r"[/÷]\s*\(?\s*(\d+(?:\.\d+)?)", left)}
        divided |= under
        kept |= set(_operands(claim)[0]) - under
    return any(unit.get(d) and unit.get(d) == unit.get(k) for d in divided for k in kept - {d})


def _one_step(problem: str, value: Fraction, work: str, worked: list[str]) -> list[str]:
    """"is it 8 times?" of a 32 kg dog and a 4 kg cat, no working shown: the one operation on the problem's two
    quantities that makes the answer, as the route the checks above then judge; [] when the student showed working,
    the problem gives more or fewer than two quantities, or two operations make it."""
    given = [v for v, _ in _given(problem)]
    if worked or claims(work) or len(given) != 2:
        return []
    made = [f"{fmt(a)} {OP_SIGN[op]} {fmt(b)} = {fmt(value)}" for a, b in (given, given[::-1]) for op in "+-*/"
            if (op != "/" or b) and wordproblem.apply_op(op, (a, b)) == value]
    return made if len(made) == 1 else []


def _ends_on(work: str, value: Fraction) -> bool:
    """Does the message end on the result of its last step ("..., 11 x 3 = $33", "= 60 km")? A step said last, with
    nothing after it, is where the student stopped: their answer, to be checked like one."""
    number = re.escape(as_written(value, work).lstrip("$"))
    said = CHECK_TAIL.sub("", arithmetic_text(work).strip())   # "... = 62, is that right?": offered to be checked
    return bool(re.search(rf"=\s*\$?{number}(?: ?[a-z]+){{0,3}}[.!]?\s*$", said, re.I))


def _rest_named(problem: str, text: str) -> tuple[Fraction, Fraction] | None:
    """(rest's top, fraction's top) when the student names the rest of a fraction the problem takes away ("spends
    2/5", "he has 3/5 left"), else None."""
    for m in re.finditer(r"(?<![\d/.])(\d+)/(\d+)(?![\d/])", _WORKING.sub("", problem)):
        top, bottom = int(m.group(1)), int(m.group(2))
        if 0 < top < bottom and re.search(rf"(?<![\d/.]){bottom - top}/{bottom}(?![\d/])", text):
            return Fraction(bottom - top), Fraction(top)
    return None


_NOT_UNIT = r"(?:so|and|then|is|are|of|in|for|to|that|right|but|now|left|each|altogether|total|a|the|still|go|as)\b"


def confirmed_words(value: Fraction, work: str, steps: str, problem: str = "") -> tuple[str, str]:
    """(lead, offer) for an answer `chain_answer` confirms: said clearly, with the student's own steps, or, when they
    showed none, the step that makes it and the question it answers (never "Your steps" they did not write)."""
    number = as_written(value, work)
    unit = re.match(rf"\s*((?!{_NOT_UNIT})[a-z]+(?: (?:per|a|an|each) [a-z]+| (?!{_NOT_UNIT})[a-z]+)?)",
                    work[work.rfind(number) + len(number):], re.I) if number in work else None
    named = f" {unit.group(1)}" if unit else ""
    money = "$" if re.search(rf"\$\s*{re.escape(number)}(?!\d|\.\d)", work) and not number.startswith("$") else ""
    asked = question_sentence(problem_sentences(problem)) if problem and not claims(work) else ""
    recap = f"{steps} answers \"{asked}\"" if asked else f"Your steps: {steps}."
    return f"Yes, {money}{number}{named} is right! {recap}", "Would you like a similar problem to try?"


def offered_last(work: str, value: Fraction) -> bool:
    """Is `value` the student's answer, and the last number they say ("36 + 15 = 51, so the answer is 51 cars"; never
    the 15 of "75 − 60 = 15 and 15 out of 75 is 20%")?"""
    said = wordproblem.numbers_in(arithmetic_text(work))
    return bool(said) and said[-1] == value and presented_as_answer(work, value)


_LAST_OP = {"+": "add", "-": "take away", "*": "multiply by", "/": "divide by"}
_WHY = {"+": "add {1} to {0}", "-": "take {1} away from {0}", "*": "multiply {0} by {1}", "/": "divide {0} by {1}"}


def why_last_step(claim: Claim) -> str:
    """An answer the checker cannot decide, its steps right: what in the story calls for the last operation, on those
    numbers ("What in the problem tells you to add 33 to 16?"), never what a number the student named stands for."""
    written = re.findall(r"(?<![\d/.])\d+(?:/[1-9]\d*|\.\d+)?(?![\d/])", claim.expression.replace(",", ""))
    numbers = wordproblem.numbers_in(arithmetic_text(claim.expression))
    op = operations(claim)[-1]
    sign = re.search(r"\)?\s*([-+*×÷−])\s*\(?", claim.expression) if len(written) == 2 else None
    if (shared := re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", claim.expression)) is not None:   # "180/3 = 60": 180
        return f"What in the problem tells you to {_WHY['/'].format(*shared.groups())}?"   # divided by 3, not 60
    if sign and "/" in "".join(written):   # "1 − (13/20)": its fraction as written, never "divide 1 by 0.65"
        op = {"×": "*", "÷": "/", "−": "-"}.get(sign.group(1), sign.group(1))
        return f"What in the problem tells you to {_WHY[op].format(*written)}?"
    if len(numbers) == 2:
        return f"What in the problem tells you to {_WHY[op].format(*map(fmt, numbers))}?"
    return f"What in the problem tells you to {_LAST_OP[op]} {fmt(numbers[-1])} at the end of {claim}?"


def named_result(work: str, value: str) -> str:
    """What the student says a result of theirs is: the label before it ("Price of the hat: 42 / 2 = 21") or the
    words after it ("= 31.3 km she rode so far", "= 108 muffins in all"); "" when they say nothing of it."""
    number = re.escape(value)
    label = re.search(rf"([A-Za-z][^:.?!=]{{3,}}):\s*[^:=]*=\s*\$?{number}(?![\d.])", work)
    after = re.search(rf"=\s*\$?{number}\s+((?!(?:so|and|then|is|but|now|what|right|correct)\b)[a-z]+(?: [a-z]+)*)",
                      work, re.I)
    return (label.group(1) if label else after.group(1) if after else "").strip()


def next_with(problem: str, value: str) -> str:
    """The question after a step the student named: what they do with it next, toward the problem's own question."""
    asked = _question(problem).strip().rstrip("?.")
    return f"What will you do with {value} next to answer \"{asked}\"?" if asked else \
        f"What will you do with {value} next?"
