"""What kind of measure a math question asks, and the facts that define it, for a problem the planner does not plan.

A question asks for a length (the way around, a side, how high), an area (the space covered, tiles, paper), a
volume, an angle or a time; the problem's measures carry their units ("12 m", "81 square metres", "25 litres per
minute", "48°"). From these two, code knows without a plan:
  * `measure_help`: the one relation that is safe to name for a help request, the fact that defines the asked
    measure for the shape the problem names (a triangle's angles make 180°, a fence runs along every side, an area
    counts unit squares, a circle's area uses its radius, a right triangle's sides obey a² + b² = c²), asked on
    this problem's own measures. "" when the problem names no such shape and measure.
  * `measure_check`: a student's step checked by what code can check: the units its operands make (12 m × 5 m is
    square metres, an area, where the question asks for a fence's length; 135 litres ÷ 4 minutes is litres per
    minute, no time), a time left in the rate's unit (180 minutes where hours are asked), an angle sum that belongs
    to another shape (180° for a quadrilateral), a circle's diameter used as its radius, a right triangle's sides
    put back into a² + b² = c², clock times taken away as decimals, an amount that doubles every hour multiplied
    once by the hours. The step is pointed at; the operation to use is never given.
  * `shape_words`: the answer a shape's fact alone decides (`shape_answer`: a triangle's third angle, the way
    around a rectangle, a right triangle's third side, a cube's outside) confirmed with its step as the recap;
    another number offered as the answer flagged at the step's own check. `fact_numbers`: the numbers such facts
    bring in (180°, 4 sides, 6 faces), which no step takes from outside the problem.
  * `route_units`: the units a student's route of steps ends in (a unit size it brings in, 60 or 1000, read as a
    count of the small unit or as a change of unit), for answer_check.py to hold an answer to the units asked.
Only without a plan (math_moves.py and unplanned_help.py call these there): a plan knows its own steps and units.
"""
from __future__ import annotations

import ast
import itertools
import re
from fractions import Fraction

import wordproblem
from arithmetic_claims import KINDS, Claim, claims, operations, presented_as_answer
from problem_text import NUM, problem_sentences, question_sentence, question_target, said_list
from solver import fmt

# a measure as the problem writes it: "12 m", "81 square metres", "48°", "25 litres per minute", "a 60-litre barrel"
_MEASURE = re.compile(rf"(?<![\w.])(?P<n>{NUM})\s*-?\s*(?:(?P<deg>°|degrees?\b)|(?P<pow>square |sq\.? |cubic )?"
                      rf"(?P<unit>[a-zA-Z]+)\b(?P<sup>[²³])?(?:\s+(?:per|a|an|each|every)\s+(?P<per>[a-z]+)\b)?)")
# "9 feet by 6 feet", "8 m by 3 m": a rectangle's two sides
_BY = re.compile(rf"(?P<a>{NUM})\s*(?P<ua>[a-zA-Z]+)?\s+by\s+(?P<b>{NUM})\s*(?P<ub>[a-zA-Z]+)")
_LISTED = re.compile(rf"(?<![\w.])(?P<list>(?:{NUM},\s*)+{NUM},?\s+and\s+)(?P<last>{NUM})(?=\s*(?:°|[a-zA-Z]))")
_POWER_WORDS = {1: "", 2: "square ", 3: "cubic "}
_KIND_WORDS = {1: "a length", 2: "an area", 3: "a volume"}
_UNIT_WORDS = {"m": "metres", "cm": "cm", "mm": "mm", "km": "km", "foot": "feet", "inch": "inches", "yard": "yards",
               "mile": "miles", "minute": "minutes", "hour": "hours", "second": "seconds", "l": "litres",
               "ml": "mL", "kg": "kg", "g": "grams", "degree": "degrees", "day": "days"}

# a bare number a step brings in that may be the size of a unit ("60 ÷ 10" for the 10-minute parts of an hour):
# its units are not known, so the step's units are not either
_UNIT_SIZES = {Fraction(n) for n in (24, 60, 100, 1000, 3600)}

Dim = dict   # unit name -> power: {"m": 2} is square metres, {"l": 1, "minute": -1} litres per minute


def _unit(word: str) -> str:
    """A unit of measure ("m", "foot", "minute", "l", "kg"), or "" for a counted thing ("tiles")."""
    name = wordproblem.unit_name(word) if word not in ("L",) else "l"
    return name if any(name in units for units in KINDS.values()) else ""


def span_hours(problem: str) -> dict[Fraction, str]:
    """"2 hours 30 minutes" as 2.5 hours (with its words): a time span of hours and minutes said as one number of
    hours, a step a student may take in their head (their 48 × 2.5 uses no number the problem never gave)."""
    return {Fraction(int(m.group(1))) + Fraction(int(m.group(2)), 60): m.group() for m in re.finditer(
        r"\b(\d+) hours? (?:and )?(\d+) minutes?\b", problem, re.I)}


def measures(problem: str) -> list[tuple[Fraction, Dim, str]]:
    """Each number the problem writes with a unit of measure: its value, its units, and its words as written."""
    text = wordproblem.normalise(problem)
    found = []
    for m in _MEASURE.finditer(text):
        value = Fraction(m.group("n"))
        if m.group("deg"):
            found.append((value, {"degree": 1}, f"{m.group('n')}°"))
            continue
        unit = _unit(m.group("unit"))
        if not unit:
            continue
        power = 2 if (m.group("pow") or "").startswith(("square", "sq")) or m.group("sup") == "²" else \
            3 if m.group("pow") == "cubic " or m.group("sup") == "³" else 1
        dim = {unit: power}
        if m.group("per") and _unit(m.group("per")):
            dim[_unit(m.group("per"))] = -1
        found.append((value, dim, m.group().strip()))
    for m in _LISTED.finditer(text):   # "90, 85 and 110 degrees": each number of the list takes the last one's unit
        last = next((g for g in found if g[2].startswith(m.group("last"))), None)
        for n in re.findall(NUM, m.group("list")) if last else ():
            if not any(v == Fraction(n) for v, _, _ in found):
                found.append((Fraction(n), last[1], f"{n}{last[2][len(m.group('last')):]}"))
    hour = _unit("hour")
    found += [(v, {hour: 1}, f"{v} hours") for v in span_hours(problem) if not any(g[0] == v for g in found)]
    for m in _BY.finditer(text):   # "8 by 3 m": the first side takes the second's unit
        if not m.group("ua") and (unit := _unit(m.group("ub"))):
            found.append((Fraction(m.group("a")), {unit: 1}, f"{m.group('a')} {m.group('ub')}"))
    return found


def _say(dim: Dim) -> str:
    """Units in words: "square metres", "litres per minute", "metres"."""
    top = [f"{_POWER_WORDS.get(p, '')}{_UNIT_WORDS.get(u, u)}" for u, p in dim.items() if p > 0]
    bottom = [wordproblem.stem(_UNIT_WORDS.get(u, u)) if u != "foot" else "foot" for u, p in dim.items() if p < 0]
    return " ".join(top) + "".join(f" per {b}" for b in bottom)


def _kind(dim: Dim) -> str:
    """What units measure: "a length", "an area", "a volume" (of one length unit), "a rate" (per something); ""."""
    if len(dim) == 1 and (unit := next(iter(dim))) in KINDS["length"] and dim[unit] in _KIND_WORDS:
        return _KIND_WORDS[dim[unit]]
    if any(p < 0 for p in dim.values()):
        return "a rate"
    return ""


# ============================================================================ what the question asks

_AREA = re.compile(r"\barea\b|\bsquare (?:feet|foot|metres?|meters?|cm|inches|yards|units)\b|\bcover\b|\bcarpet\b|"
                   r"\btiles?\b", re.I)
_VOLUME = re.compile(r"\bvolume\b|\bcubic\b", re.I)
_AROUND = re.compile(r"\bperimeter\b|\baround\b|\bfenc\w*|\bedging\b|\bborder\b|\btrim\b|\bhow far\b|\bhow high\b|"
                     r"\bhow tall\b|\bhow wide\b|\bhow long is\b|\bhypotenuse\b|\bside\b|\bedge\b", re.I)
_ANGLE = re.compile(r"\bangles?\b|\bdegrees?\b", re.I)
_TIME_ASKED = re.compile(r"\bhow many (?P<unit>seconds|minutes|hours|days)\b|\bhow long (?:will|would|does|did) it "
                         r"take\b", re.I)


def asked_dim(problem: str) -> Dim:
    """The units of what the question asks: {"m": 1} for a fence around a pool measured in m, {"m": 2} for an area,
    {"hour": 1} for "how many hours"; {} when the question's words do not say."""
    asked = question_sentence(problem_sentences(problem)) or problem   # "..., what is its size."
    lengths = [u for _, d, _ in measures(problem) for u, p in d.items() if u in KINDS["length"] and p > 0]
    if time := _TIME_ASKED.search(asked):
        unit = _unit(time.group("unit")) if time.group("unit") else ""
        return {unit: 1} if unit else {"time": 1}
    times = {u for _, d, _ in measures(problem) for u, p in d.items() if u in KINDS["time"] and p > 0}
    if not lengths and len(times) == 1 and re.search(r"\bhow long\b", asked, re.I):   # "how long for 60 L?"
        return {times.pop(): 1}   # of 12 L in 3 minutes: a time, in the one unit of time the problem gives
    if _angle_asked(problem, asked):
        return {"degree": 1}
    if not lengths:
        return {}
    unit = lengths[0]
    if _VOLUME.search(asked):
        return {unit: 3}
    if _AREA.search(asked) or re.search(r"\bcover\w*\b", problem, re.I) and re.search(r"\bhow much\b", asked, re.I):
        return {unit: 2}
    if _AROUND.search(asked):
        return {unit: 1}
    return {}


# ============================================================================ a step's units

def _dim_of(claim: Claim, given: list[tuple[Fraction, Dim, str]], made: dict[Fraction, Dim],
            strict: bool = False) -> tuple[Dim, list]:
    """The units a claim's arithmetic makes from the units of its numbers (each given measure, each result made
    before), and its operands as (number, units); ({}, []) when a number's units are not known for sure (a number
    written twice with different units) or the arithmetic adds unlike units (`strict`: a bare number and a measure
    too, "500 litres − 40")."""
    text = claim.expression.replace("×", "*").replace("÷", "/").replace("−", "-")
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError:
        return {}, []
    operands = []

    def walk(node: ast.AST) -> Dim | None:
        if isinstance(node, ast.Constant):
            value = Fraction(str(node.value))
            units = [d for v, d, _ in given if v == value]
            if len({tuple(sorted(d.items())) for d in units}) > 1 or not units and value not in made \
                    and value in _UNIT_SIZES:   # "60 ÷ 10" of 10 minutes: 60 minutes, an hour, or a bare 60?
                return None
            dim = units[0] if units else made.get(value, {})
            if dim is None:   # a result whose units are not known ("60 × 2 = 120" of an hour's 60 minutes)
                return None
            operands.append((value, dim))
            return dict(dim)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
            left, right = walk(node.left), walk(node.right)
            if left is None or right is None:
                return None
            if isinstance(node.op, (ast.Add, ast.Sub)):   # a bare number takes the other's units; unlike ones stop
                if strict and bool(left) != bool(right):
                    return None
                return left if not right else right if not left else left if left == right else None
            sign = 1 if isinstance(node.op, ast.Mult) else -1
            out = dict(left)
            for unit, power in right.items():
                out[unit] = out.get(unit, 0) + sign * power
            return {u: p for u, p in out.items() if p}
        return None

    dim = walk(tree)
    return (dim, operands) if dim is not None else ({}, [])


def asked_units(problem: str) -> Dim:
    """The units the question asks in: `asked_dim`, else the unit it names ("How many kilometers ...?": km)."""
    asked = question_sentence(problem_sentences(problem)) or problem
    named = re.search(r"\bhow many ([a-z]+)\b", asked, re.I)
    unit = _unit(named.group(1).lower()) if named else ""
    return asked_dim(problem) or ({unit: 1} if unit else {})


def _size_readings(problem: str, wanted: Dim) -> dict[Fraction, list[Dim]]:
    """What a unit size a route brings in may stand for, between a unit the problem or its question uses and another
    of its kind: a count of the small unit ("60" minutes make the hour) or the change between them (minutes per
    hour)."""
    used = {u for _, d, _ in measures(problem) for u in d} | set(wanted)
    readings: dict[Fraction, list[Dim]] = {}
    for kind in KINDS.values():
        for big, small in ((b, s) for b in kind for s in kind if b != s and {b, s} & used):
            if size := wordproblem.unit_factor(big, small):
                readings.setdefault(Fraction(size), []).extend([{small: 1}, {small: 1, big: -1}])
    if re.search(r"%|\bpercent\b", problem):   # "× 40 ÷ 100" of 40%: a bare 100
        readings.setdefault(Fraction(100), []).append({})
    return readings


def route_units(problem: str, route: list[Claim]) -> list[Dim]:
    """The units a route of steps ends in, one for each reading of the unit sizes it brings in (60, 1000: a count of
    the small unit, or the change between two units) under which every step's units are known; a bare number added
    to a measure ("500 litres − 40") or unlike units added make no reading. [] when none does."""
    given = measures(problem)
    readings = _size_readings(problem, asked_units(problem))
    # each step reads its own unit sizes: "45 ÷ 60" (minutes to hours) then "60 × 0.75" (the 60 km per hour)
    sizes = [(i, v) for i, claim in enumerate(route) for v in sorted(set(_numbers(claim)) & set(readings))]
    options = [readings[v] + [d for g, d, _ in given if g == v] for _, v in sizes]
    ends = []
    for choice in itertools.product(*options):
        made: dict[Fraction, Dim] = {}
        for i, claim in enumerate(route):
            read = [(v, d, "") for (j, v), d in zip(sizes, choice) if j == i]
            own = [g for g in given if g[0] not in {v for v, _, _ in read}] + read
            dim, operands = _dim_of(claim, own, made, strict=True)
            if not operands:
                break
            made[claim.stated] = dim
        else:
            ends.append(made[route[-1].stated])
    return ends


def _numbers(claim: Claim) -> list[Fraction]:
    return [Fraction(n) for n in re.findall(NUM, claim.expression.replace(",", ""))]


def _operands_words(operands: list[tuple[Fraction, Dim]], claim: Claim, given: list[tuple[Fraction, Dim, str]]) -> str:
    """"12 m × 5 m": the claim's arithmetic with each measure's unit beside its number, as the problem writes it."""
    units = iter(operands)

    def with_unit(m: re.Match) -> str:
        value, dim = next(units, (None, {}))
        written = next((text for v, d, text in given if v == value and d == dim), "")
        return written or (f"{m.group()} {_say(dim)}" if dim else m.group())
    return re.sub(NUM, with_unit, claim.expression)


def measure_check(problem: str, found: list[Claim], said: list[Fraction], work: str = "",
                  earlier: list[str] = ()) -> tuple[str, str, str] | None:
    """(verdict, lead, question) for right arithmetic whose units or shape facts do not fit the question: a result
    of another kind of measure than the one asked (an area for a fence), a time in the rate's unit where another is
    asked, an angle sum of another shape, a diameter used as a radius, a right triangle's sides that fail a² + b² =
    c². None when nothing checkable is off (the step may still be wrong: that is not code's to say). The steps of
    earlier turns (`earlier`) lend their results' units ("45 ÷ 60 = 0.75" hours, then "60 × 0.75")."""
    given = measures(problem)
    facts = _clock_as_decimal(problem, found, work) or (_shape_slip(problem, found, said, given) if given else None)
    if facts is not None:
        return facts
    asked, made = asked_dim(problem), {}
    for claim in (c for w in earlier for c in claims(w) if str(c) not in {str(f) for f in found}):
        made[claim.stated] = route_units(problem, [claim])[0] if len(route_units(problem, [claim])) == 1 else None
    for claim in found:
        dim, operands = _dim_of(claim, given, made)
        made[claim.stated] = dim if operands else None
        if not dim or not asked or not claim.right or claim is not found[-1] or said and said[-1] != claim.stated:
            continue   # (a number said after the step, "90 minutes, that is 1 1/2 hours": the step is not the end)
        timed = len(dim) == 1 and next(iter(dim)) in KINDS["time"] and dim[next(iter(dim))] == 1
        offered = presented_as_answer(work, claim.stated)   # "36 m ÷ 4 = 9" on the way to an area is a side, no slip
        beyond = len(dim) == len(asked) == 1 and set(dim) == set(asked) and sum(dim.values()) > sum(asked.values())
        rate = sorted(dim.values()) == [-1, 1] and not any(p < 0 for p in asked.values())   # litres a minute
        if dim == asked or timed and "time" in asked or not (offered or beyond) or rate:
            return None   # a rate found where a time or an amount is asked is the usual first step, no slip
        ask = measure_help(problem) or f"Which of {said_list([g[2] for g in given][:4])} make " \
                                       f"{_kind(asked) or _say(asked)}?"
        if timed and next(iter(asked)) in KINDS["time"]:   # 180 minutes where hours are asked
            unit, wanted = _UNIT_WORDS[next(iter(dim))], _UNIT_WORDS[next(iter(asked))]
            rate = f"the rate is per {wordproblem.stem(unit)}, so " if any(p < 0 for _, d in operands
                                                                          for p in d.values()) else ""
            return ("ask", f"Look at {claim}: {rate}{claim.result} counts {unit}.",
                    f"The question asks for {wanted}: how many {wanted} is {claim.result} {unit}?")
        what = "a time" if any(u in KINDS["time"] or u == "time" for u in asked) else _kind(asked)
        made_kind = _kind(dim)
        if not made_kind or not what or made_kind == what:
            continue
        lead = f"Look at {claim}: {_operands_words(operands, claim, given)} makes {_say(dim)}: {made_kind}."
        return "ask", lead, f"The question asks for {what}. {ask}"
    return None


_CLOCK_TAKEN = re.compile(r"\b(\d{1,2}):(\d\d)\s*[-−]\s*(\d{1,2}):(\d\d)\s*=\s*(\d{1,2}):(\d\d)\b")


def _clock_as_decimal(problem: str, found: list[Claim], work: str = "") -> tuple[str, str, str] | None:
    """Two clock times ("9:45", "11:10") taken from each other as decimals: written so ("11.10 − 9.45"), or with
    their colons and a result that borrowed 100 minutes ("11:20 − 9:45 = 1:75"): an hour has 60 minutes, not 100, so
    the step is flagged and the span counted on from the start."""
    times = re.findall(r"\b(\d{1,2}):(\d\d)\b", problem)
    if len(times) != 2:
        return None
    written = {f"{h}.{m}": f"{h}:{m}" for h, m in times}
    start = min(written.values(), key=lambda t: int(t.split(":")[0]) * 60 + int(t.split(":")[1]))
    end = next(t for t in written.values() if t != start)
    if int(end.split(":")[1]) >= int(start.split(":")[1]):   # 9.40 − 7.15 reads 2 h 25 min: no slip to flag
        return None
    said = next((f"{n.group(1)}:{n.group(2)} − {n.group(3)}:{n.group(4)} = {n.group(5)}:{n.group(6)}"
                 for n in _CLOCK_TAKEN.finditer(work) if int(n.group(6)) >= 60
                 and {f"{n.group(1)}:{n.group(2)}", f"{n.group(3)}:{n.group(4)}"} == {start, end}), None)
    for claim in found:
        numbers = re.findall(r"\d+\.\d\d", claim.expression)
        if len(numbers) == 2 and all(n in written for n in numbers) and "−" in claim.expression:
            said = str(claim)
    if said is None:
        return None
    return ("flag", f"Look at {said}: clock times do not take away like decimals, since an hour has 60 minutes, not "
                    f"100.", f"Count on from {start}: how many minutes is it to the next hour, and how long from there "
                             f"to {end}?")


def _shape_slip(problem: str, found: list[Claim], said: list[Fraction],
                given: list[tuple[Fraction, Dim, str]]) -> tuple[str, str, str] | None:
    """A shape fact broken by a right calculation: an angle sum of another shape, a diameter squared for a circle's
    area, a right triangle's sides that fail a² + b² = c² once the student's number is put back."""
    shape = _angle_shape(problem)
    for claim in (c for c in found if c.right):
        numbers = [Fraction(n) for n in re.findall(NUM, claim.expression.replace("−", "-"))]
        if shape and shape[1] != 180 and Fraction(180) in numbers and 180 not in [v for v, _, _ in given] \
                and set(operations(claim)) == {"-"}:   # "2 × 180" for a quadrilateral's two triangles is right
            return ("flag", f"Look at {claim}: 180° is what the three angles of a triangle add up to.",
                    f"What do the angles of {shape[0]} add up to, and how much of that is left?")
    base = _base_height(problem, given) if re.search(r"\btriang\w*", problem, re.I) else None
    if base and asked_dim(problem) and list(asked_dim(problem).values()) == [2]:
        sides = sorted(Fraction(re.match(NUM, b).group()) for b in base)
        for claim in (c for c in found if c.right and c.stated == sides[0] * sides[1] and c is found[-1]):
            if sorted(Fraction(n) for n in re.findall(NUM, claim.expression)) == sides:
                return ("flag", f"Look at {claim}: that is the area of a rectangle {base[0]} by {base[1]}.",
                        "How much of that rectangle does a triangle with the same base and height fill?")
    diameter = re.search(rf"\bdiameter (?:of |is )?(?P<d>{NUM})", wordproblem.normalise(problem), re.I)
    if diameter and re.search(r"\barea\b", problem, re.I):
        d = Fraction(diameter.group("d"))
        for claim in (c for c in found if c.right):
            numbers = [Fraction(n) for n in re.findall(NUM, claim.expression)]
            if numbers.count(d) == 2:
                return ("flag", f"Your multiplication {claim} is right, but it uses {fmt(d)}, the whole way across "
                                f"the circle: its diameter.",
                        "The area of a circle is π × radius × radius. How long is the radius of this circle?")
    if grown := _grown_once(problem, found):
        return grown
    sides = _right_triangle(problem, given)
    if sides and said:
        a, c = sides
        value = said[-1]
        if value > 0 and a * a + value * value != c * c and value * value != a * a + c * c:
            unit = _say(next(d for v, d, _ in given if v == a))
            return ("flag", f"Check {fmt(value)} {unit} in the right triangle: {fmt(a)}² + {fmt(value)}² = "
                            f"{fmt(a * a + value * value)}, but {fmt(c)}² = {fmt(c * c)}.",
                    f"The longest side is {fmt(c)} {unit}. Which squares does a² + b² = c² compare here?")
    return None


_REPEATED = re.compile(r"\b(?P<verb>doubles|triples|halves)\b[^.?]*?\b(?:every|each|a|per) (?P<period>[a-z]+)", re.I)


def _grown_once(problem: str, found: list[Claim]) -> tuple[str, str, str] | None:
    """An amount that doubles (triples, halves) every period, multiplied once by the number of periods ("100 × 4"
    for 4 hours): the change happens again each period, asked at that step."""
    repeated = _REPEATED.search(problem)
    periods = re.search(rf"(?P<n>\d+) {repeated.group('period')}s?\b", problem, re.I) if repeated else None
    if periods is None or periods.group("n") in ("1", "2"):
        return None
    count = Fraction(periods.group("n"))
    for claim in (c for c in found if c.right and "×" in c.expression and "÷" not in c.expression):
        numbers = [Fraction(n) for n in re.findall(NUM, claim.expression)]
        if count in numbers and len(numbers) == 2:
            factor = {"doubles": "by 2", "triples": "by 3", "halves": "by 1/2"}[repeated.group("verb").lower()]
            return ("flag", f"Look at {claim}: it multiplies by {fmt(count)}, the number of "
                            f"{repeated.group('period')}s, once.",
                    f"It {repeated.group('verb').lower()} every {repeated.group('period')}: that multiplies "
                    f"{factor} again each {repeated.group('period')}. How many are there after 2 "
                    f"{repeated.group('period')}s, and after 3?")
    return None


def _angle_asked(problem: str, asked: str) -> bool:
    """Does the question ask for an angle: in its own words, or as "its size", "the other" of angles the problem
    names?"""
    return bool(_ANGLE.search(asked) or _ANGLE.search(problem)
                and re.search(r"\b(?:size|measure|other|third|fourth|missing|how big|how large)\b", asked, re.I))


def _angle_shape(problem: str) -> tuple[str, int] | None:
    """The figure whose angles the problem adds up, with their sum: ("a triangle", 180), ("a straight line", 180)."""
    for words, shape, total in ((r"quadrilateral|rectangle|square|parallelogram|trapezoid|four-sided",
                                 "a quadrilateral", 360), (r"triangle", "a triangle", 180),
                                (r"straight line", "a straight line", 180), (r"right angle", "a right angle", 90),
                                (r"full turn|all the way round|around a point", "a full turn", 360)):
        if re.search(rf"\b(?:{words})\b", problem, re.I) and _ANGLE.search(problem):
            return shape, total
    return None


def _right_triangle(problem: str, given: list[tuple[Fraction, Dim, str]]) -> tuple[Fraction, Fraction] | None:
    """A leg and the longest side of a right triangle the problem gives (a ladder against a wall, 'hypotenuse of 13
    cm'): (leg, longest); None for two legs or any other problem."""
    lengths = [v for v, d, _ in given if len(d) == 1 and next(iter(d.values())) == 1
               and next(iter(d)) in KINDS["length"]]
    ladder = re.search(r"\bladder\b", problem, re.I) and re.search(r"\bwall\b", problem, re.I)
    if len(lengths) == 2 and (ladder or re.search(r"\bhypotenuse (?:is|of)\b", problem, re.I)):
        return min(lengths), max(lengths)
    return None


# ============================================================================ the first relation, for a help request

def measure_help(problem: str, stated: frozenset[Fraction] = frozenset()) -> str:
    """The fact that defines what the question asks, for the shape the problem names, asked on its own measures;
    "" when no shape fact applies (a story's own relation is asked elsewhere). An angle sum the student has `stated`
    ("I know the angles add to 180") is said back, never asked again: the angles they take up are asked."""
    asked = question_sentence(problem_sentences(problem)) or problem   # "..., what is its size."
    given = measures(problem)
    angles = [text for _, d, text in given if d == {"degree": 1}]
    shape = _angle_shape(problem)
    if _angle_asked(problem, asked) and shape:
        if shape[0] == "a right angle":   # "38° less than a right angle": the problem's own relation, after it
            than = re.search(r"(?P<n>\d+(?:\.\d+)?)\s*(?:°|degrees?) (?P<w>less|more|smaller|bigger|greater) than a "
                             r"right angle", problem, re.I)
            return f"How many degrees is a right angle, and what is {than.group('n')}° {than.group('w')} than " \
                   f"that?" if than else "How many degrees is a right angle?"
        parts = {"a triangle": "the three angles inside a triangle", "a quadrilateral": "the four angles of a "
                 "quadrilateral", "a straight line": "angles that make a straight line", "a full turn":
                 "the angles of a full turn"}[shape[0]]
        use = f", and how much of that do {said_list(angles)} take up" if angles else ""
        if angles and shape[1] in stated:
            return f"{parts[0].upper()}{parts[1:]} add up to {shape[1]}°, as you say. How much of that do " \
                   f"{said_list(angles)} take up together?"
        return f"What do {parts} add up to{use}?"
    lengths = [(v, text) for v, d, text in given if len(d) == 1 and next(iter(d)) in KINDS["length"]
               and next(iter(d.values())) == 1]
    if re.search(r"\bhypotenuse\b|\bright triangle\b|\bright-angled\b", problem, re.I) and len(lengths) == 2 \
            or _right_triangle(problem, given):
        return f"The sides of a right triangle are linked by a² + b² = c², with c the longest side. Which of " \
               f"{lengths[0][1]} and {lengths[1][1]} is the longest side here, and where does the side you want go?" \
            if _right_triangle(problem, given) else \
            f"In a right triangle, the squares of the two legs add up to the square of the hypotenuse. What are the " \
            f"squares of {lengths[0][1]} and {lengths[1][1]}?"
    return _circle_help(problem, asked, lengths) or _solid_help(problem, asked, given) \
        or _flat_help(problem, asked, given, lengths)


def _circle_help(problem: str, asked: str, lengths: list[tuple[Fraction, str]]) -> str:
    """A circle's area from its radius (a diameter halved first), its distance around from its diameter."""
    if not re.search(r"\bcirc\w*|\bwheel\b|\bradius\b|\bdiameter\b", problem, re.I) or not lengths \
            or re.search(r"\bheight\b|\btall\b", problem, re.I):
        return ""
    across = re.search(r"\bdiameter\b", problem, re.I)
    if re.search(r"\barea\b", asked, re.I):
        return f"The area of a circle is π × radius × radius. The {lengths[0][1]} is the diameter, the whole way " \
               f"across: how long is the radius?" if across else \
            f"The area of a circle is π × radius × radius. What is {lengths[0][1]} × {lengths[0][1]}?"
    if _AROUND.search(asked) or re.search(r"\bturn\b|\bcircumference\b", asked, re.I):
        return f"The distance around a circle is π × its diameter. What is the diameter here, from the " \
               f"{lengths[0][1]}?" if not across else \
            f"In one full turn the edge of the circle rolls out once: its circumference. How do you find the " \
            f"distance around a circle from its diameter of {lengths[0][1]}?"
    return ""


def _solid_help(problem: str, asked: str, given: list[tuple[Fraction, Dim, str]]) -> str:
    """A cylinder's volume as its base's area times its height; a cube's faces (what covers it) or its edge from its
    volume."""
    radius = re.search(rf"\bradius (?:of |is )?(?P<r>{NUM}\s*[a-z]+)", problem, re.I)
    if re.search(r"\bcylinder\b|\bcan\b|\bpipe\b|\btank\b", problem, re.I) and radius and _VOLUME.search(asked):
        return f"The volume is the area of the circular base times the height. What is the area of a circle with " \
               f"a radius of {radius.group('r')}?"
    if not re.search(r"\bcube\b", problem, re.I):
        return ""
    edge = next((text for _, d, text in given if list(d.values()) == [1]), "")
    volume = next((text for _, d, text in given if list(d.values()) == [3]), "")
    if volume and _AROUND.search(asked):
        return f"A cube's volume is edge × edge × edge. Which number times itself three times makes {volume}?"
    if edge and re.search(r"\bcover\w*|\bsurface\b|\bpaint\w*|\bwrap\w*", asked, re.I):
        return f"The outside of a cube is its 6 square faces, each {edge} by {edge}. What is the area of one face?"
    return ""


def _flat_help(problem: str, asked: str, given: list[tuple[Fraction, Dim, str]],
               lengths: list[tuple[Fraction, str]]) -> str:
    """A rectangle or triangle: a way around along every side, an area counted in unit squares, a side from a whole
    way around or from a square's area."""
    dim = asked_dim(problem)
    area = next((text for _, d, text in given if list(d.values()) == [2]), "")
    around = re.search(rf"\bperimeter (?:of |is )?(?P<p>{NUM}\s*[a-z]+)", problem, re.I)
    pairs = list(_BY.finditer(wordproblem.normalise(problem)))
    triangle, square = re.search(r"\btriang\w*", problem, re.I), re.search(r"\bsquare\b(?! (?:feet|foot|met|cm|"
                                                                          r"inch|yard|unit))", problem, re.I)
    if around and len(lengths) >= 2:   # the whole way around given, a side asked
        known = said_list([t for v, t in lengths if not around.group("p").startswith(fmt(v))])
        sides = "three sides" if triangle else "two lengths and two widths" if not square else "four equal sides"
        return f"The {around.group('p')} goes along all the sides: {sides}. How much of it do the {known} " \
               f"sides use?" if not square else \
            f"The {around.group('p')} goes along the four equal sides of the square. How long is each one?"
    if around and square:
        return f"The {around.group('p')} goes along the four equal sides of the square. How many sides share it?"
    if area and square and dim and list(dim.values()) == [1]:
        return f"A square's area is side × side. Which side length makes {area}?"
    if dim and list(dim.values()) == [1] and len(lengths) >= 2 and _AROUND.search(asked) \
            and re.search(r"\baround\b|\bperimeter\b|\bfenc\w*|\bedging\b|\bborder\b", asked, re.I):
        return f"The {_around_noun(asked)} runs along every side. Which sides are there, and how long is each?"
    border = re.search(rf"\b(?P<path>path|border|frame|strip|walkway|deck)\b(?P<w> (?:that is )?{NUM}\s*[a-z]+) "
                       rf"wide\b[^.?]*\baround\b", problem, re.I)
    if border and pairs or border and len(lengths) >= 3:   # a path around a garden: one big rectangle, less the inside
        inside = re.search(r"\b(garden|pool|lawn|picture|photo|painting|room|field|yard|patio|rug|pond|park)\b",
                           problem, re.I)
        inside = f"{inside.group(1).lower()} with the {border.group('path')} around it" if inside else \
            f"{border.group('path')} and what it goes around"
        return f"Picture the {inside} as one big rectangle. The " \
               f"{border.group('path')} adds{border.group('w')} on each side: how long and how wide is the big " \
               f"rectangle?"
    twice = re.search(r"\b(?P<a>length|width)\b (?:is )?(?P<k>twice|double|(?:\d+|three|four) times) (?:as long as )?"
                      r"(?:its |the )?(?P<b>width|length)\b", problem, re.I)
    if twice and around:   # "its length is twice its width" with the way around given: the unknown named
        k = {"twice": "2", "double": "2", "three times": "3", "four times": "4"}.get(
            twice.group("k").lower(), twice.group("k").split()[0])
        return f"Call the {twice.group('b')} w, so the {twice.group('a')} is {k}w. The four sides make " \
               f"{around.group('p')}: written with w, what do they add up to?"
    if len(pairs) == 2 and re.search(r"\bhow many\b.*\b(?:cut|fit|made|make|placed|laid)\b", asked, re.I):
        small, big = sorted(pairs, key=lambda m: Fraction(m.group("a")) * Fraction(m.group("b")))
        return f"Lay the {small.group()} pieces out in rows on the {big.group()} piece. How many fit along its " \
               f"{big.group('a')} {big.group('ub')} side, and how many rows fit along the {big.group('b')} " \
               f"{big.group('ub')} side?"
    base = _base_height(problem, given)
    if dim and list(dim.values()) == [2] and triangle and base:
        return f"A triangle with a base of {base[0]} and a height of {base[1]} is half of a rectangle {base[0]} by " \
               f"{base[1]}. What is the area of that rectangle, and how much of it does the triangle fill?"
    if dim and list(dim.values()) == [2] and pairs:
        m = pairs[0]
        unit = m.group("ub")
        one = {"feet": "foot", "m": "metre", "cm": "centimetre", "km": "kilometre", "mm": "millimetre"}.get(
            unit, wordproblem.stem(unit))
        if triangle:
            return f"A triangle with that base and height is half of a rectangle {m.group()}. What is the area of " \
                   f"that rectangle, and how much of it does the triangle fill?"
        part = f" of the {m.group()} part" if len(pairs) > 1 else ""   # an L-shape: one rectangle first
        return f"Area counts the 1-{one} squares that cover it. How many fit along the {m.group('a')} {unit}{part}, " \
               f"and how many rows of them fit across the {m.group('b')} {unit}?"
    return ""


def _base_height(problem: str, given: list[tuple[Fraction, Dim, str]]) -> tuple[str, str] | None:
    """A triangle's base and height as the problem writes them ("10 feet", "12 feet"), or None."""
    base = re.search(rf"\bbase (?:of |is )?(?P<b>{NUM}\s*[a-z]+)", problem, re.I)
    height = re.search(rf"\bheight (?:of |is )?(?P<h>{NUM}\s*[a-z]+)", problem, re.I)
    return (base.group("b"), height.group("h")) if base and height else None


def _around_noun(asked: str) -> str:
    """What goes around, in the question's word: "fence", "edging", "border"; "way around" else."""
    m = re.search(r"\b(fence|fencing|edging|border|trim|ribbon|rope|path)\b", asked, re.I)
    return m.group(1).lower() if m else "way around"


# ============================================================================ an answer a shape's fact decides

def fact_numbers(problem: str) -> set[Fraction]:
    """Numbers a shape's facts bring into this problem though it never writes them (180 for a triangle's angles, 4
    sides of a square, 6 faces of a cube, π as 3.14, a right triangle's sides squared): a step that uses one takes
    nothing from outside."""
    known = {Fraction(2), Fraction(314, 100)} if re.search(r"\bcirc\w*|\bradius\b|\bdiameter\b|\bwheel\b", problem,
                                                           re.I) else set()
    shape = _angle_shape(problem)
    known |= {Fraction(shape[1]), Fraction(180)} if shape else set()   # a quadrilateral is two triangles
    angles = [v for v, d, _ in measures(problem) if d == {"degree": 1}]
    known |= {sum(angles)} if shape and len(angles) > 1 else set()   # "180 − 110" takes 50° and 60° together
    known |= {Fraction(4)} if re.search(r"\bsquare\b|\brectangle\b", problem, re.I) else set()
    known |= {Fraction(6)} if re.search(r"\bcube\b", problem, re.I) else set()
    known |= {Fraction(2)} if re.search(r"\btriang\w*", problem, re.I) else set()
    if re.search(r"\bhypotenuse\b|\bright triang\w*|\bpythag\w*", problem, re.I):   # a² + b² = c²: 36 of a 6 cm leg
        known |= {v * v for v, d, _ in measures(problem) if list(d.values()) == [1]}
    return known


def shape_answer(problem: str) -> tuple[Fraction, str] | None:
    """The answer a shape's fact alone decides, with the step that makes it: a triangle's third angle, a
    quadrilateral's fourth, the other angle on a straight line, an angle less (more) than a right angle; a right
    triangle's third side. None when the problem writes any number the fact does not use (another step then)."""
    asked = question_sentence(problem_sentences(problem)) or problem
    given = measures(problem)
    numbers = re.findall(r"(?<![\w.])\d+(?:\.\d+)?", problem)   # as written: "two angles" counts none
    angles = sorted((v for v, d, _ in given if d == {"degree": 1}), key=lambda v: problem.find(fmt(v)))
    shape = _angle_shape(problem)
    if shape and _angle_asked(problem, asked) and len(angles) == len(numbers):
        count = {"a triangle": 2, "a quadrilateral": 3, "a straight line": 1, "a full turn": None}.get(shape[0], 1)
        if shape[0] == "a right angle":
            than = re.search(r"(?:°|degrees?) (less|smaller|more|bigger|greater) than a right angle", problem, re.I)
            if len(angles) != 1 or not than:
                return None
            sign = -1 if than.group(1).lower() in ("less", "smaller") else 1
            value = 90 + sign * angles[0]
            shown = f"90° {'−' if sign < 0 else '+'} {fmt(angles[0])}° = {fmt(value)}°"
            return (value, shown) if value > 0 else None
        if count is not None and len(angles) != count or sum(angles) >= shape[1]:
            return None
        value = shape[1] - sum(angles)
        return value, f"{shape[1]}° − {' − '.join(fmt(a) + '°' for a in angles)} = {fmt(value)}°"
    lengths = [v for v, d, _ in given if len(d) == 1 and next(iter(d)) in KINDS["length"] and 1 in d.values()]
    if flat := _flat_answer(problem, asked, given, lengths, [n for n in numbers if n != "1"]):
        return _in_asked_unit(problem, asked, given, flat)
    sides = _right_triangle(problem, given)
    legs = re.search(r"\blegs?\b", problem, re.I) and re.search(r"\bhypotenuse\b", asked, re.I)
    if len(lengths) != 2 or len(numbers) != 2 or not (sides or legs):
        return None
    a, c = sides if sides else (None, None)
    square = c * c - a * a if sides else lengths[0] ** 2 + lengths[1] ** 2
    root = _square_root(square)
    if root is None:
        return None
    unit = _say(next(d for v, d, _ in given if v == lengths[0]))
    shown = f"{fmt(c)}² − {fmt(a)}² = {fmt(square)}" if sides else \
        f"{fmt(lengths[0])}² + {fmt(lengths[1])}² = {fmt(square)}"
    return root, f"{shown}, and {fmt(root)}² = {fmt(square)}, so the side is {fmt(root)} {unit}"


def _in_asked_unit(problem: str, asked: str, given: list[tuple[Fraction, Dim, str]],
                   flat: tuple[Fraction, str]) -> tuple[Fraction, str] | None:
    """A shape's answer in the unit its question asks ("60 cm by 40 cm ... in square meters": 2400 ÷ 10000), the
    change of unit written after the shape's step; None when the units do not convert."""
    own = {u for _, d, _ in given for u in d}
    wanted = {_unit(w) for w in re.findall(r"[a-z]+", asked.lower())} & KINDS["length"] - own
    if not wanted:
        return flat
    if len(own) != 1 or len(wanted) != 1:
        return None
    (unit,), (other,), power = own, wanted, next(iter(asked_dim(problem).values()))
    value, shown = flat
    if not (size := wordproblem.unit_factor(other, unit) or wordproblem.unit_factor(unit, other)):
        return None
    factor = Fraction(size) ** power
    made = value / factor if wordproblem.unit_factor(other, unit) else value * factor
    sign = "÷" if wordproblem.unit_factor(other, unit) else "×"
    return made, f"{shown}, and {fmt(value)} {sign} {fmt(factor)} = {fmt(made)} {_say({other: power})}"


def _flat_answer(problem: str, asked: str, given: list[tuple[Fraction, Dim, str]], lengths: list[Fraction],
                 numbers: list[str]) -> tuple[Fraction, str] | None:
    """The way around a triangle (three sides), a rectangle (two sides) or a square (one side); the area of one
    rectangle; a cube's outside (one edge). Only when every number the problem writes is one of those measures ("1
    square foot" of a tile aside)."""
    dim = asked_dim(problem)
    if not dim or len(numbers) != len(lengths) or len(lengths) != len(set(map(str, numbers))) and len(lengths) > 1:
        return None
    unit = _say({next(iter(dim)): 1})
    cube, triangle = re.search(r"\bcube\b", problem, re.I), re.search(r"\btriang\w*", problem, re.I)
    square = re.search(r"\bsquare\b(?! (?:feet|foot|met|cm|inch|yard|unit|mm|km))", problem, re.I)
    rectangle = re.search(r"\brectang\w*|\bby\b|\blong\b.*\bwide\b", problem, re.I)
    sides = " + ".join(fmt(v) for v in lengths)
    if list(dim.values()) == [1] and re.search(r"\baround\b|\bperimeter\b|\bfenc\w*|\bedging\b|\bborder\b", problem,
                                                re.I) and not re.search(r"\bperimeter (?:of |is )\d", problem, re.I):
        if triangle and len(lengths) == 3:
            return sum(lengths), f"all three sides: {sides} = {fmt(sum(lengths))} {unit}"
        if rectangle and not triangle and len(lengths) == 2:
            return 2 * sum(lengths), f"two of each side: 2 × ({sides}) = {fmt(2 * sum(lengths))} {unit}"
        if square and len(lengths) == 1:
            return 4 * lengths[0], f"four equal sides: 4 × {fmt(lengths[0])} = {fmt(4 * lengths[0])} {unit}"
    if list(dim.values()) == [2] and len(lengths) == 2 and rectangle and not (triangle or cube) \
            and not re.search(r"\bcirc\w*|\bradius\b|\bpath\b|\bborder\b", problem, re.I):
        area = lengths[0] * lengths[1]
        return area, f"{fmt(lengths[0])} × {fmt(lengths[1])} = {fmt(area)} unit squares"
    if list(dim.values()) == [2] and len(lengths) == 1 and cube:
        face = lengths[0] * lengths[0]
        return 6 * face, f"6 faces of {fmt(lengths[0])} × {fmt(lengths[0])} = {fmt(face)}: 6 × {fmt(face)} = " \
                         f"{fmt(6 * face)} square {unit}"
    return None


def _square_root(value: Fraction) -> Fraction | None:
    """The exact square root of a square number (or a square fraction); None else."""
    top, bottom = (round(n ** 0.5) for n in (value.numerator, value.denominator))
    return Fraction(top, bottom) if top * top == value.numerator and bottom * bottom == value.denominator else None


_AREA_IS = r"\barea (?:of |is )?(?P<area{0}>" + NUM + r")\b"
_AROUND_IS = r"\bperimeter (?:of |is )?(?P<around{0}>" + NUM + r")\b"
_AREA_AND_AROUND = re.compile(f"{_AREA_IS.format('')}[^?]*{_AROUND_IS.format('')}|"
                              f"{_AROUND_IS.format(2)}[^?]*{_AREA_IS.format(2)}", re.I)
# "6 and 4", "6 cm by 4 cm"; never a product the student works out ("6 x 4 = 24")
_PAIR = re.compile(rf"(?<![\d.])({NUM})\s*(?:[a-z]{{1,2}}\s+)?(?:and|by|x|×)\s*({NUM})(?![\d.])"
                   rf"(?!\s*(?:[a-z]{{1,2}}\s*)?=)", re.I)


def _rectangle_sides(problem: str, work: str) -> tuple[str, str, str, str] | None:
    """A rectangle's length and width asked from its area and perimeter: the pair the student offers ("6 and 4",
    "6 cm by 4 cm") checked against both (6 × 4 = 24, 6 + 4 + 6 + 4 = 20): confirmed when both hold, flagged at the
    one that fails. None when the problem is no such rectangle or no pair is offered."""
    known = _AREA_AND_AROUND.search(problem)
    pair = _PAIR.search(work)
    if not (known and pair and re.search(r"\brectangle", problem, re.I) and re.search(
            r"\b(?:length|width|sides?|dimensions|long|wide)\b", question_sentence(problem_sentences(problem)), re.I)):
        return None
    area = Fraction((known.group("area") or known.group("area2")).replace(",", ""))
    around = Fraction((known.group("around") or known.group("around2")).replace(",", ""))
    a, b = (Fraction(n.replace(",", "")) for n in pair.groups())
    made = f"{fmt(a)} × {fmt(b)} = {fmt(a * b)}"
    edge = f"{fmt(a)} + {fmt(b)} + {fmt(a)} + {fmt(b)} = {fmt(2 * (a + b))}"
    if a * b == area and 2 * (a + b) == around:
        return "confirm", f"Yes, {fmt(a)} and {fmt(b)} are right! {made} gives the area and {edge} the perimeter, so " \
                          f"both facts fit.", "Would you like a similar problem to try?", "final_right"
    wrong = made if a * b != area else edge
    fits = "the perimeter" if a * b != area else "the area"
    return "flag", f"Not quite: {wrong}, not {fmt(area if a * b != area else around)}." + \
        (f" {fits.capitalize()} fits, but both must." if (a * b == area) != (2 * (a + b) == around) else ""), \
        f"Which two numbers multiply to {fmt(area)} and add to {fmt(around / 2)}?", "final_wrong"


def shape_words(problem: str, said: list[Fraction], work: str) -> tuple[str, str, str, str] | None:
    """(verdict, lead, question, kind) for the answer a shape's fact decides (`shape_answer`): said by the student, it
    is confirmed with its step as the recap; another number offered as the answer is not it, and the fact is asked.
    None for a number not offered as the answer (a step on the way is checked elsewhere)."""
    if sides := _rectangle_sides(problem, work) or border_words(problem, work):   # "6 and 4" of a rectangle with
        return sides   # area 24 and perimeter 20; "29 by 14" for a fence 2 m out on every side of a 25 m by 10 m pool
    known = shape_answer(problem)
    if known is None or not said:
        return None
    if said[-1] == known[0]:
        return "confirm", f"Yes, {fmt(known[0])} is right! {known[1][0].upper()}{known[1][1:]}.", \
            "Would you like a similar problem to try?", "final_right"
    if not presented_as_answer(work, said[-1]):
        return None
    slip = measure_check(problem, claims(work), said, work)   # "6² + 4² = 52, but 10² = 100", "12 m × 5 m" say more
    if slip is not None:
        return ("flag", *slip[1:], "final_wrong")
    asked = question_sentence(problem_sentences(problem)) or problem
    target = question_target(asked)
    lead = f"Check {fmt(said[-1])}: it is not {target}." if target.startswith("the ") else \
        f"Check {fmt(said[-1])}: it does not answer \"{asked.strip()}\""
    return "flag", lead, measure_help(problem) or "Which fact about this shape decides it?", "final_wrong"


_BORDER = re.compile(rf"(?P<w>{NUM})\s*(?P<u>[a-z]+)\s+(?:wide|from|away|out)\b[^.?]*?\b(?:around|all round|"
                     rf"(?:on )?(?:every|each|all(?: four)?) sides?)\b", re.I)
_LONG_WIDE = re.compile(rf"(?P<a>{NUM})\s*(?:[a-z]+\s+)?long,?\s+(?:and\s+)?(?P<b>{NUM})\s*(?:[a-z]+\s+)?wide\b", re.I)


def border_words(problem: str, work: str) -> tuple[str, str, str, str] | None:
    """A rectangle with a path, border or fence the same width out on every side: the big rectangle around it is the
    width longer at both ends of each side. A side the student says that way ("29 by 14" for 2 m around 25 m by 10 m)
    is confirmed with its sum and the next step asked; one that adds the width at one end only ("27") is flagged
    without its right length. None when the problem has no such border or the student says no side of it."""
    border = _BORDER.search(problem)
    sides = _LONG_WIDE.search(problem) or _BY.search(wordproblem.normalise(problem))
    if border is None or sides is None:
        return None
    gap, unit = Fraction(border.group("w")), border.group("u")
    named = re.search(r"\b(path|border|frame|strip|walkway|deck|fence|sidewalk|edging|mat)\b", problem, re.I)
    noun = f"the {named.group(1).lower()}" if named else "the border"
    inner = [Fraction(sides.group("a")), Fraction(sides.group("b"))]
    said = [v for v in wordproblem.numbers_in(work) if v not in inner and v != gap]
    right = [(d, v) for v in said for d in inner if v == d + 2 * gap]
    once = [(d, v) for v in said for d in inner if v == d + gap and all(v != e + 2 * gap for e in inner)]
    if once:
        d = once[0][0]
        return "flag", f"{noun[0].upper()}{noun[1:]} is {fmt(gap)} {unit} out on every side, so the {fmt(d)} " \
                       f"{unit} side gets {fmt(gap)} {unit} more at both of its ends, not one.", \
            "How long is that side of the big rectangle, then?", "claim_wrong"
    if not right or len(right) < len(said):
        return None
    made = " and ".join(f"{fmt(d)} + {fmt(gap)} + {fmt(gap)} = {fmt(v)} {unit}" for d, v in right)
    asked = question_sentence(problem_sentences(problem)) or problem
    nxt = f"What is the area of the big rectangle, and what do you take away to leave only {noun}?" \
        if re.search(r"\barea\b", asked, re.I) else \
        "How far is it all the way around the big rectangle?" if _AROUND.search(asked) else \
        "What will you do with the big rectangle's sides next?"
    if len(right) == 1:
        nxt = "How long is the other side of the big rectangle?"
    return "confirm", f"Right: with {fmt(gap)} {unit} at both ends, {made}.", nxt, "step_right"
