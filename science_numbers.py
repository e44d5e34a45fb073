"""The numeric science room: a one-formula quantity question (speed, density, force, work, power, pressure, Ohm's
law, waves, kinetic energy) read from its quantities and their units, and the student's number checked exactly
against it.

What it supports
- `read_problem`: the formula of data/science_formulas.jsonl whose given units are exactly the problem's quantities
  and whose `asks` names what the question asks for; None unless that reading is the only one (precision first: a
  stray number, two quantities of one kind, a unit no record takes or an answer asked "in" another unit abstain).
- `number_move`: the tutor's move on the student's number. Right with its unit: confirmed with the working and the
  units. Right without a unit, or with a unit of another quantity: the number confirmed, the unit questioned. Wrong:
  what operation of the given numbers it is, when it is exactly one (the distance times the time), then the relation
  in words with the problem's own quantities. No number from a stuck student: the relation in words, then the
  formula with the numbers in place (a planned problem's student then gets the planner's steps). A right
  first step of a three-factor formula (the weight before the energy) is confirmed and the quantity left named.
  Kinetic energy, ½ × mass × speed², the one formula that squares a given: its steps (the speed squared, mass ×
  speed²) confirmed, and a wrong result named by its slip (the ½ left out, the speed not squared, doubled instead).
- `stated_rule`: the rule a student writes before any number ("I = V/R, is that right?", "F = ma") confirmed when
  it is this problem's formula (its letters read as the problem's quantities), then the numbers asked for.
- `read_conversion` / `conversion_move`: one quantity asked for in another unit of its kind ("How many metres is
  2.5 km?"): checked against the ratio of the two units; a wrong ratio (100 for 1000, 60 for 3600) named.
- The student's answer to the tutor's own unit question ("newtons", "J/s") closes the lesson or names the unit's
  quantity. agent.py asks this room first on a science turn, before the planner's and the textbook's moves.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from common import ROOT, read_jsonl
from math_moves import Move

FORMULAS_FILE = ROOT / "data" / "science_formulas.jsonl"

# (canonical symbol, how it is written, the quantity it measures, its name for "in each 1 ..."): compound units
# before their parts ("m/s²" before "m/s" before "m"), symbols case-sensitive ("mL" is no "ML"), words not.
UNITS = [("m/s²", r"m/s²|m/s\^?2|(?i:met(?:re|er)s? per second (?:squared|per second))", "acceleration", ""),
         ("m/s", r"m/s|(?i:(?:m|met(?:re|er)s?) (?:per|a|each) second)", "speed", ""),
         ("km/h", r"km/h|km/hr|kph|(?i:(?:km|kilomet(?:re|er)s?) (?:per|an|each) hour)", "speed", ""),
         ("cm/s", r"cm/s|(?i:(?:cm|centimet(?:re|er)s?) (?:per|a|each) second)", "speed", ""),
         ("N/kg", r"N/kg|(?i:newtons? per kilogram)", "gravitational field strength", ""),
         ("g/cm³", r"g/cm³|g/cm\^?3|(?i:(?:g|grams?) per (?:cm³|cm3|cubic centimet(?:re|er)))", "density", ""),
         ("kg/m³", r"kg/m³|kg/m\^?3|(?i:kilograms? per cubic met(?:re|er))", "density", ""),
         ("g/mL", r"g/mL|g/ml|(?i:grams? per millilit(?:re|er))", "density", ""),
         ("N/cm²", r"N/cm²|N/cm\^?2", "pressure", ""),
         ("kg m/s", r"kg ?[·*]? ?m/s", "momentum", ""),
         ("cm³", r"cm³|cm\^?3|cc|(?i:cubic centimet(?:re|er)s?)", "volume", "cm³"),
         ("m³", r"m³|m\^?3|(?i:cubic met(?:re|er)s?)", "volume", "m³"),
         ("mL", r"mL|ml|(?i:millilit(?:re|er)s?)", "volume", "mL"),
         ("cm²", r"cm²|cm\^?2|(?i:square centimet(?:re|er)s?)", "area", "cm²"),
         ("m²", r"m²|m\^?2|(?i:square met(?:re|er)s?)", "area", "m²"),
         ("L", r"L|(?i:lit(?:re|er)s?)", "volume", "litre"),
         ("km", r"km|(?i:kilomet(?:re|er)s?)", "distance", "kilometre"),
         ("mm", r"mm|(?i:millimet(?:re|er)s?)", "distance", "millimetre"),
         ("cm", r"cm|(?i:centimet(?:re|er)s?)", "distance", "centimetre"),
         ("m", r"m|(?i:met(?:re|er)s?)", "distance", "metre"),
         ("h", r"h|hr|hrs|(?i:hours?)", "time", "hour"),
         ("min", r"min|mins|(?i:minutes?)", "time", "minute"),
         ("s", r"s|sec|secs|(?i:seconds?)", "time", "second"),
         ("kg", r"kg|(?i:kilograms?|kilos?)", "mass", "kilogram"),
         ("mg", r"mg|(?i:milligrams?)", "mass", "milligram"),
         ("g", r"g|(?i:grams?)", "mass", "gram"),
         ("N", r"N|(?i:newtons?)", "force", "newton"),
         ("J", r"J|(?i:joules?)", "energy", "joule"),
         ("W", r"W|(?i:watts?)", "power", "watt"),
         ("Pa", r"Pa|(?i:pascals?)", "pressure", "pascal"),
         ("A", r"A|(?i:amps?|amperes?)", "current", "amp"),
         ("V", r"V|(?i:volts?)", "voltage", "volt"),
         ("Ω", r"Ω|(?i:ohms?)", "resistance", "ohm"),
         ("Hz", r"Hz|(?i:hertz)", "frequency", "hertz")]
UNIT = re.compile("|".join(f"(?P<u{i}>{written})" for i, (_, written, _, _) in enumerate(UNITS)))
QUANTITY = re.compile(rf"(?<![\w.])(?P<n>\d+(?:\.\d+)?) ?(?:{UNIT.pattern})(?![\w/^²³])")
NUMBER = re.compile(r"(?<![\w.^])\d+(?:\.\d+)?(?![\d])")  # "m/s^2": the power is no number of the problem
KIND_NOUN = {"acceleration": "an acceleration", "speed": "a speed", "distance": "a distance", "time": "a time",
             "mass": "a mass", "force": "a force", "volume": "a volume", "area": "an area", "current": "a current",
             "voltage": "a voltage", "resistance": "a resistance", "frequency": "a frequency"}
HALF_SQUARE = "½²"  # kinetic energy: ½ × mass × speed², the one formula that squares a given
OPS = {"*": ("×", "times"), "/": ("÷", "divided by"), "+": ("+", "plus"), "-": ("−", "minus")}


CHANGING = re.compile(r"\b(?:thrown|throws?|falls?|fell|falling|dropped|drops?|speeds? up|slows? down|accelerates? "
                      r"from|from rest|starts? from|decelerat\w*|projectile|launched)\b", re.I)


@dataclass
class Formula:
    topic: str
    asks: str  # recognises what the question asks for
    units: list[str]  # the units of the given quantities the formula combines, in order
    op: str  # "*": their product; "/": the first divided by the second; "½²": half the first times the second squared
    result: str  # the unit of the result
    next: str  # the next question after a right result
    # what the formula means, said with the problem's own quantities ({0}, {1}, {2}: the givens as written, in the
    # formula's order; {n0}: a given's number; {one1}: "1 hour"; {top0} {per0}: "km" and "hour" of "km/h")
    relation: str


@dataclass
class Quantity:
    value: float
    unit: str  # the canonical symbol
    text: str  # as the problem writes it: "5 hours"
    start: int = 0
    end: int = 0

    @property
    def kind(self) -> str:
        return kind_of(self.unit)


@dataclass
class Reading:
    formula: Formula
    given: list[Quantity]  # in the formula's order

    @property
    def value(self) -> float:
        values = [q.value for q in self.given]
        if self.formula.op == HALF_SQUARE:
            return values[0] * values[1] ** 2 / 2
        return math.prod(values) if self.formula.op == "*" else values[0] / values[1]


FORMULAS = [Formula(**record)
            for _, record in read_jsonl(FORMULAS_FILE, ("asks", "units", "op", "result", "next", "relation"))]


def fmt(value: float) -> str:
    return f"{round(value, 6):g}"


def quantities(text: str) -> list[Quantity]:
    """Every number written with a unit, the unit read as its canonical symbol ("5 hours" -> 5 h)."""
    found = []
    for m in QUANTITY.finditer(text):
        symbol = UNITS[int(next(k for k, v in m.groupdict().items() if v and k != "n")[1:])][0]
        found.append(Quantity(float(m.group("n")), symbol, m.group().strip(), m.start(), m.end()))
    return found


def asked_sentence(problem: str) -> str:
    """The sentence that asks: the last one with a question mark, else the last sentence."""
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", problem.strip()) if s]
    return next((s for s in reversed(sentences) if "?" in s), sentences[-1] if sentences else "")


def read_problem(problem: str) -> Reading | None:
    """The one formula that combines exactly the problem's quantities into what its question asks for, or None."""
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", problem)
    given = quantities(text)
    if not given or len(NUMBER.findall(text)) != len(given) or len({q.kind for q in given}) != len(given):
        return None   # a number without a unit, or two quantities of one kind: more than one formula's reading
    asked = asked_sentence(text)
    fits = [f for f in FORMULAS if sorted(f.units) == sorted(q.unit for q in given) and re.search(f.asks, asked, re.I)]
    if len({f.topic for f in fits}) != 1:
        return None
    formula = fits[0]
    if formula.topic in ("speed", "distance", "time") and CHANGING.search(text):
        return None   # a thrown, falling or speeding-up thing has no one speed: distance ÷ time is no answer there
    wanted = re.search(rf"\bin (?:{UNIT.pattern})(?![\w/^²³])", asked)
    if wanted and quantities(f"1 {wanted.group()[3:]}")[0].unit != formula.result:
        return None   # "in m/s" from km and hours: a conversion this reading lacks
    return Reading(formula, [next(q for q in given if q.unit == u) for u in formula.units])


def said_number(work: str, given: list[Quantity], expected: float) -> tuple[float, str] | None:
    """The student's result and its unit ("" without one): the `expected` value where they wrote it, else the last
    number of theirs that is not a given value."""
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", work)
    # a given's own number ("9 V ... 3 Ω", "9 / 3") is no result, unless it comes with another unit ("3 A")
    news = [m for m in NUMBER.finditer(text) if not any(
        math.isclose(float(m.group()), q.value) and unit_after(text[m.end():]) in ("", q.unit) for q in given)]
    if not news:
        return None
    right = [m for m in news if math.isclose(float(m.group()), expected, rel_tol=1e-3)]
    number = (right or news)[-1]
    return float(number.group()), unit_after(text[number.end():])


def symbol_of(written: str) -> str | None:
    m = UNIT.fullmatch(written)
    return UNITS[int(next(k for k, v in m.groupdict().items() if v)[1:])][0] if m else None


def unit_after(text: str) -> str:
    """The unit written just after a student's number, as its symbol; a compound of symbols ("J/s", "N m") as they
    are joined; "" without one."""
    if (whole := re.match(rf" ?(?:{UNIT.pattern})(?![\w/^²³])", text)) and " " in whole.group().strip():
        return symbol_of(whole.group().strip()) or ""   # "km per hour": words the compound's own pattern reads
    m = re.match(r" ?([A-Za-zΩ]+[²³2-3]?(?:(?: ?/ ?| |·)[A-Za-zΩ]+[²³2-3]?)?)(?![\w/])", text)
    if not m:
        return ""
    whole = symbol_of(m.group(1))
    parts = re.split(r"( ?/ ?| |·)", m.group(1))
    if whole or len(parts) != 3:
        return whole or symbol_of(parts[0]) or ""
    first, second = symbol_of(parts[0]), symbol_of(parts[2])
    joint = "/" if "/" in parts[1] else " "
    return f"{first}{joint}{second}" if first and second else first or ""


def unit_name(symbol: str) -> str:
    return next((name for s, _, _, name in UNITS if s == symbol), symbol) or symbol


def relation(reading: Reading) -> str:
    """What the formula means, in the problem's own quantities: never a frame that would fit another problem."""
    fill = {}
    for i, q in enumerate(reading.given):
        top, _, per = q.unit.partition("/")
        fill |= {f"n{i}": fmt(q.value), f"one{i}": f"1 {unit_name(q.unit)}", f"top{i}": top,
                 f"per{i}": unit_name(per)}
    return reading.formula.relation.format(*(q.text for q in reading.given), **fill)


def working(reading: Reading, result: bool = True) -> str:
    """'300 km ÷ 5 h = 60 km/h', '½ × 2 kg × (3 m/s)² = 9 J'."""
    if reading.formula.op == HALF_SQUARE:
        mass, speed = reading.given
        said = f"½ × {fmt(mass.value)} {mass.unit} × ({fmt(speed.value)} {speed.unit})²"
    else:
        said = f" {OPS[reading.formula.op][0]} ".join(f"{fmt(q.value)} {q.unit}" for q in reading.given)
    return f"{said} = {fmt(reading.value)}" + (f" {reading.formula.result}" if result else "")


def operation(value: float, given: list[Quantity], shown: bool = False) -> str | None:
    """'1500 km/h comes from 300 km × 5 h, the distance times the time': the one operation of two given quantities
    that makes `value`; said as the student's own step ("You multiplied ...") when their work `shown` both numbers."""
    if len(given) != 2:
        return None
    a, b = given
    tried = [(op, x, y, {"*": x.value * y.value, "+": x.value + y.value, "-": x.value - y.value,
                         "/": x.value / y.value if y.value else math.nan}[op])
             for op, x, y in [("*", a, b), ("+", a, b), ("/", a, b), ("/", b, a), ("-", a, b), ("-", b, a)]]
    found = [(op, x, y) for op, x, y, result in tried if math.isclose(value, result, rel_tol=1e-3)]
    if len(found) != 1:
        return None   # 2 × 2 and 2 + 2: no telling which the student did
    op, x, y = found[0]
    sign, words = OPS[op]
    first, second, kinds = f"{fmt(x.value)} {x.unit}", f"{fmt(y.value)} {y.unit}", f"the {x.kind} {words} the {y.kind}"
    if shown:
        verb, link = {"*": ("multiplied", "by"), "/": ("divided", "by"), "+": ("added", "and"),
                      "-": ("took", "from")}[op]
        return f"You {verb} {second if op == '-' else first} {link} {first if op == '-' else second}: {kinds}."
    return f"{fmt(value)} comes from {first} {sign} {second}, {kinds}."


def square_slip(reading: Reading, value: float) -> tuple[str, str] | None:
    """('24 J is 6 kg × (2 m/s)², without the ½', 'What does the ½ ... do to it?'): the one slip of ½ × mass × speed²
    that makes `value` (the half left out, the speed not squared, or doubled instead of squared) and the question on
    that step, or None where none or more than one makes it."""
    (m, v), (mass, speed) = [fmt(q.value) for q in reading.given], [q.unit for q in reading.given]
    slips = [(f"{m} {mass} × ({v} {speed})², without the ½", "What does the ½ in the formula do to it?",
              reading.value * 2),
             (f"½ × {m} {mass} × {v} {speed}: the speed is not squared", f"What is {v} {speed} squared?",
              reading.value / reading.given[1].value),
             (f"½ × {m} {mass} × 2 × {v} {speed}: squaring {v} is {v} × {v}, not {v} × 2",
              "What is the speed squared, then, and the energy?", reading.given[0].value * reading.given[1].value)]
    found = [(slip, ask) for slip, ask, made in slips if math.isclose(value, made, rel_tol=1e-3)]
    return found[0] if len(found) == 1 else None


def right_step(reading: Reading, value: float) -> tuple[str, str] | None:
    """('2 kg × 10 N/kg = 20', '3 m'): the product of all the given quantities but one, the step a student takes
    first in a three-factor formula (the weight before the energy), and the quantity still to use; for ½ × mass ×
    speed², the speed squared or mass × speed², with the rest to use."""
    if reading.formula.op == HALF_SQUARE:
        (mass, speed), squared = reading.given, reading.given[1].value ** 2
        steps = {f"({fmt(speed.value)} {speed.unit})² = {fmt(squared)}": f"the {mass.text} in the question",
                 f"{mass.text} × ({fmt(speed.value)} {speed.unit})² = {fmt(mass.value * squared)}":
                     "the ½ of the formula"}
        return next(((said, left) for said, left in steps.items()
                     if math.isclose(value, float(said.rsplit("= ", 1)[1]), rel_tol=1e-3)), None)
    if reading.formula.op != "*" or len(reading.given) < 3:
        return None
    for left in reading.given:
        used = [q for q in reading.given if q is not left]
        if math.isclose(value, math.prod(q.value for q in used), rel_tol=1e-3):
            return " × ".join(f"{fmt(q.value)} {q.unit}" for q in used) + f" = {fmt(value)}", \
                f"the {left.text} in the question"
    return None


def second_rung(reading: Reading) -> str:
    """A stuck student's second hint: the formula with the problem's numbers in place, the sum left to them."""
    kinds = "½ × mass × speed²" if reading.formula.op == HALF_SQUARE else \
        f" {OPS[reading.formula.op][0]} ".join(q.kind for q in reading.given)
    return (f"Here is the rule: {reading.formula.topic} = {kinds}. With the numbers of this problem, what is "
            f"{working(reading, result=False).rsplit(' = ', 1)[0]}, and which unit does it get?")


def accepted_units(reading: Reading) -> set[str]:
    """The result's unit, and the units it is made of ("J/s" for W, "N m" for J)."""
    units = [q.unit for q in reading.given]
    made = {"/".join(units)} if reading.formula.op == "/" else {" ".join(units), "·".join(units)}
    if reading.formula.op == HALF_SQUARE:
        made = {"kg m²/s²", "kg m2/s2", "kg·m²/s²"}
    return {reading.formula.result, *made}


def kind_of(symbol: str) -> str:
    return next((kind for s, _, kind, _ in UNITS if s == symbol), "")


# ============================================================================ unit conversions
# How many of the kind's base unit each unit holds: a conversion is one multiplication or division by their ratio.
SCALE = {"mm": 0.001, "cm": 0.01, "m": 1, "km": 1000, "s": 1, "min": 60, "h": 3600, "mg": 0.001, "g": 1,
         "kg": 1000, "mL": 1, "cm³": 1, "L": 1000}
FACTORS = (10, 100, 1000, 60, 3600, 1e6)   # the ratios a student may pick instead of the right one


@dataclass
class Conversion:
    given: Quantity
    unit: str  # the unit asked for

    @property
    def factor(self) -> float:
        return SCALE[self.given.unit] / SCALE[self.unit]

    @property
    def value(self) -> float:
        return self.given.value * self.factor


def read_conversion(problem: str) -> Conversion | None:
    """'A river is 2.5 km long. How many metres is that?': one quantity, and the question asking for it in another
    unit of its kind ("how many metres", "in kg", "to minutes"); None otherwise."""
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", problem)
    given = quantities(text)
    asked = re.findall(rf"\b(?i:how many|in|into|to)\s+((?:{UNIT.pattern}))(?![\w/^²³])", asked_sentence(text))
    if len(given) != 1 or len(NUMBER.findall(text)) != 1 or len(asked) != 1 or given[0].unit not in SCALE:
        return None
    unit = symbol_of(asked[0][0])
    if unit not in SCALE or unit == given[0].unit or kind_of(unit) != given[0].kind:
        return None
    return Conversion(given[0], unit)


def plural(symbol: str) -> str:
    name = unit_name(symbol)
    return name if name in ("cm³", "mL") else name + "s"


def conversion_move(conversion: Conversion, work: str, planned: bool, said: str) -> Move | None:
    """A unit conversion: the student's number checked against the ratio of the two units; a wrong one named as the
    ratio it used when it is one of the usual ones (100 for 1000, 60 for 3600), a stuck student asked the ratio."""
    big, small = sorted((conversion.given.unit, conversion.unit), key=SCALE.get, reverse=True)
    ratio = f"1 {big} = {fmt(SCALE[big] / SCALE[small])} {small}"
    one = f"How many {plural(small)} make 1 {unit_name(big)}? Then how many {plural(conversion.unit)} do " \
          f"{conversion.given.text} make?"
    found = said_number(work, [conversion.given], conversion.value)
    if found is None:
        return None if planned or one in said else Move("none", "", one, kind="hint")
    value, unit = found
    if unit and unit != conversion.unit:
        return None
    if math.isclose(value, conversion.value, rel_tol=1e-3):
        return Move("confirm", f"Yes: {ratio}, so {conversion.given.text} = {fmt(value)} {conversion.unit}.",
                    f"How would you turn {fmt(value)} {conversion.unit} back into {plural(conversion.given.unit)}?",
                    kind="final_right")
    x = conversion.given
    used = [(sign, k) for k in FACTORS for sign, result in (("×", x.value * k), ("÷", x.value / k))
            if math.isclose(value, result, rel_tol=1e-3)]
    lead = f"{fmt(value)}{' ' + unit if unit else ''} comes from {fmt(x.value)} {used[0][0]} {fmt(used[0][1])}." \
        if len(used) == 1 else f"{fmt(value)} is not {x.text} in {plural(conversion.unit)}."
    return Move("flag", lead, one, kind="claim_wrong")


# The quantities a student's written rule names ("I = V/R", "speed = distance / time"): a letter may stand for more
# than one, the problem's own quantities decide which.
NAMES = {"i": {"current"}, "v": {"voltage", "speed", "volume"}, "r": {"resistance"}, "f": {"force"},
         "m": {"mass"}, "a": {"acceleration", "area"}, "p": {"power", "pressure"}, "d": {"distance", "density"},
         "s": {"distance", "speed"}, "t": {"time"}, "e": {"energy"}, "w": {"energy", "weight"}, "ρ": {"density"},
         "g": {"gravitational field strength"}, "h": {"distance"}, "velocity": {"speed"}, "work": {"energy"},
         "weight": {"force"}, "height": {"distance"}}
# a full stop may end the rule ("so I = V / R."), never a decimal point or a word run on after it
RULE = re.compile(r"(?<![\w.])([a-z])\s*=\s*([a-z])([a-z])(?!\w|\.\w)|"  # "F = ma": a product of two letters
                  r"(?<![\w.])([a-zρ]+)\s*=\s*([a-zρ]+)\s*([/x×*÷]|\btimes\b|\bdivided by\b|\bover\b)?\s*"
                  r"([a-zρ]+)(?!\w|\.\w)", re.I)


def stated_rule(reading: Reading, work: str) -> str | None:
    """The rule the student writes ("I = V/R", "speed = distance / time") when it is this problem's formula: the left
    side names the asked quantity, the right side the given ones, joined by the formula's operation, in its order
    for a quotient; else None."""
    for m in RULE.finditer(work):
        left, first, op, second = m.group(4, 5, 6, 7) if m.group(4) else (*m.group(1, 2), None, m.group(3))
        sign = "/" if op and op.lower() in ("/", "÷", "divided by", "over") else "*"
        if sign != reading.formula.op:
            continue
        kinds = [NAMES.get(name.lower(), {name.lower()}) for name in (left, first, second)]
        given = [q.kind for q in reading.given]
        order = [given] if sign == "/" else [given, given[::-1]]
        if kind_of(reading.formula.result) in kinds[0] and any(
                all(kind in named for kind, named in zip(each, kinds[1:])) for each in order):
            return m.group(0)
    return None


UNIT_ASKED = re.compile(r"which unit is that\?|measured in\?$")   # the tutor's own unit questions


def named_unit(work: str) -> str:
    """The one unit a short answer names ("newtons", "it's J/s"), as its symbol; "" when it names none or more."""
    words = re.findall(r"[A-Za-zΩ²³/']+", work)   # "it's" is one word: its "s" is no second
    units = {symbol for w in words if (symbol := unit_after(f" {w}")) and kind_of(symbol) or "/" in symbol}
    return units.pop() if len(words) <= 4 and len(units) == 1 else ""


def unit_move(reading: Reading, unit: str) -> Move:
    """The student's answer to the tutor's unit question: the result confirmed with the right unit, else the unit's
    quantity named."""
    if unit in accepted_units(reading):
        return Move("confirm", f"Yes: {working(reading)}.", reading.formula.next, kind="final_right")
    noun = KIND_NOUN.get(kind_of(reading.formula.result), kind_of(reading.formula.result))
    measures = f"{unit} measures {kind_of(unit)}" if kind_of(unit) else f"{unit} does not measure {noun}"
    return Move("flag", f"Not quite: {measures}.", f"Which unit measures {noun}?", kind="claim_wrong")


def number_move(problem: str, work: str, planned: bool = False, said: str = "") -> Move | None:
    """The move on the student's number for a one-formula science question, or None where the question is not read
    unambiguously, or the hints ran out (`said`: the tutor's last reply; a planned problem goes on with the planner's
    steps after the relation)."""
    reading = read_problem(problem)
    if reading is None:
        conversion = read_conversion(problem)
        return conversion_move(conversion, work, planned, said) if conversion else None
    found = said_number(work, reading.given, reading.value)
    if found is None and UNIT_ASKED.search(said) and (unit := named_unit(work)):
        return unit_move(reading, unit)
    if found is None and (rule := stated_rule(reading, work)):  # the right rule, asked about or begun with
        return Move("confirm", f"Yes, {rule} is the rule to use here.", second_rung(reading).split(". ", 1)[1],
                    kind="claim_checked")
    if found is None:
        first, second = relation(reading), second_rung(reading)
        if first not in said:   # the two rungs in turn: neither is said twice running, no frame fits another problem
            return Move("none", "", first, kind="hint")
        return None if planned else Move("none", "", second, kind="hint")
    value, unit = found
    result_kind = kind_of(reading.formula.result)
    if unit and unit not in accepted_units(reading) and kind_of(unit) in ("", result_kind):
        return None   # "4.2 m/s" for 15 km/h, or "m/h": a conversion this room does not check
    if math.isclose(value, reading.value, rel_tol=1e-3):
        if unit in accepted_units(reading):
            return Move("confirm", f"Yes: {working(reading)}.", reading.formula.next, kind="final_right")
        # "= 2.5" would read as the answer stated before the student has it whole (the leak guard withholds it)
        number = f"Yes, {fmt(value)} is the right number for {working(reading, result=False).rsplit(' = ', 1)[0]}."
        if not unit:
            sign = f" {OPS.get(reading.formula.op, ('×',))[0]} "
            units = "kg × (m/s)²" if reading.formula.op == HALF_SQUARE else sign.join(q.unit for q in reading.given)
            return Move("confirm", number, f"{fmt(value)} what? Its unit comes from {units}: which unit is that?",
                        kind="claim_checked")
        kind, noun = kind_of(unit), KIND_NOUN.get(result_kind, result_kind)
        named = f", and the {reading.formula.topic} is {noun}" if reading.formula.topic != result_kind else ""
        return Move("confirm", number, f"But {unit} measures {kind}{named}: what is {noun} measured in?",
                    kind="claim_checked")
    # "30 J" offers the step as the result: the product is right, the claim about it is not
    if unit != reading.formula.result and (step := right_step(reading, value)) is not None:
        return Move("confirm", f"Yes: {step[0]} checks out.", f"Next: where does {step[1]} come "
                    f"in?", kind="claim_checked")
    said_value = f"{fmt(value)} {unit}".strip()
    if reading.formula.op == HALF_SQUARE:  # a planned problem's planner names the slip at its own step
        slip, formula = square_slip(reading, value), working(reading, False).rsplit(" = ", 1)[0]
        return None if planned else Move("flag", f"{said_value} is {slip[0]}." if slip else
                                         f"{said_value} is not {formula}.", slip[1] if slip else relation(reading),
                                         kind="claim_wrong")
    shown = all(re.search(rf"(?<![\w.]){re.escape(fmt(q.value))}(?![\d])", work) for q in reading.given)
    made = operation(value, reading.given, shown)
    lead = made.replace(f"{fmt(value)} comes", f"{said_value} comes", 1) if made else \
        f"{said_value} is not the {reading.formula.topic} here."
    return Move("flag", lead, relation(reading), kind="claim_wrong")
