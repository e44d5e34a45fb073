"""The gap between two measures of one kind, read from the story's structure rather than one phrasing:

- one thing measured at two moments ('A puppy weighed 2.8 kg in May and 4.3 kg in July', 'The snow was 0.8 m deep on
  Monday. By Thursday it had melted to 0.35 m.'), asked how much it gained, grew, fell or dropped: the later measure
  less the earlier (or the earlier less the later), and the question's direction must agree with the values;
- two things measured ('Ella's jump was 3.45 m and Ruby's jump was 2.9 m', 'A red ribbon is 1.2 m long and a blue
  ribbon is 85 cm long'), asked how much longer, farther or heavier one is, or the difference between them: the
  one the question names must be the bigger (or, for 'shorter', the smaller).

Precision first: exactly two numbers, each written with a unit of one measure (a larger unit is converted into the
smaller one only when the question asks in the smaller), no word of a rate, a multiple or a share, and the later
measure of a change said of the same thing (a pronoun or no new subject between the two).
"""
from __future__ import annotations

import re

from text_words import STOP
from wordproblem import NUM, Builder, Plan, Problem, Ref, fmt, stem, unit_factor, unit_name

_UNIT = r"kg|g|km|m|cm|mm|l|ml|kilograms?|grams?|kilometers?|kilometres?|meters?|metres?|centimeters?|centimetres?|" \
        r"millimeters?|millimetres?|liters?|litres?|milliliters?|millilitres?|feet|foot|inch|inches|yards?|pounds?|" \
        r"ounces?|gallons?|miles?"
_MEASURE = re.compile(rf"(?<![\d./])(?P<a>{NUM}) ?(?P<u>{_UNIT})\b")
# words that make the two numbers something other than two measures of one kind
_OTHER = r"\b(?:times|each|per|every|twice|half|more|less|than|fewer|shared?|equal(?:ly)?|together|total|both|" \
         r"all|cuts?|cut off|uses?|used|pours?|poured|adds?|added|speed|hour|hours|minutes?|below|above|under|" \
         r"beneath|sea level)\b|[%/$-]"   # heights either side of sea level are level_difference's
_UP = r"gain(?:ed)?|grow|grew|rise|rose|increase|go up|went up|climb|put on"
_DOWN = r"lose|lost|fall|fell|drop|dropped|shrink|shrank|sink|sank|decrease|go down|went down|melt|melted"
_CHANGE = re.compile(rf"^(?:by )?how (?:much|many (?P<u>[a-z]+))(?: (?:weight|height|water|snow|depth))? did "
                     rf"(?:the |her |his |its |their )?(?P<x>[a-z]+) (?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b", re.I)
# between the two measures of a change: only a time ('A week later', 'By Thursday', 'in July and') and a pronoun
# with a verb of being at a level ('it was', 'it had melted to')
_SAME_THING = re.compile(r"(?:(?:[A-Za-z]+ ){0,3}later|(?:in|on|at|by|after) [A-Za-z0-9]+(?: [a-z]+)?|now|then|today)?"
                         r",? ?(?:(?:it|she|he|they) (?:[a-z]+ ){0,2}(?:was|is|were|are|weighed|weighs|measured|"
                         r"measures|stood|reached|to) )?", re.I)   # 'it fell 0.35 m' is a change, not a level
_BIGGER = r"farther|further|longer|taller|heavier|higher|deeper|wider|bigger|older"
_SMALLER = r"shorter|lighter|lower|shallower|narrower|smaller|younger"
_COMPARED = re.compile(rf"^how (?:much|many (?P<u>[a-z]+)) (?:(?P<big>{_BIGGER})|(?P<small>{_SMALLER})) (?:is|was|did|"
                       rf"does|are|were) (?P<x>[^?,]+?)(?: than (?P<y>[^?,]+?))?(?: jump| run| throw| swim| go| "
                       rf"travel)?(?:,|\?|$| in )", re.I)
_DIFFERENCE = re.compile(r"^what is the difference (?:in|between)\b", re.I)


# a number that names a moment, not a measure ('at 2 months', 'after 3 weeks', 'aged 9 years')
_MOMENT = re.compile(r"\b(?:[Aa]t|[Aa]fter|[Aa]ged?) (?P<n>\d+) (?:days?|weeks?|months?|years?)(?: old)?\b")


def _two_measures(p: Problem) -> tuple[re.Match, re.Match, list[re.Match]] | None:
    """The two measures and the moments said with them, when nothing else is numbered or compared."""
    found, moments = list(p.finditer(_MEASURE)), list(p.finditer(_MOMENT))
    if len(found) != 2 or len(p.numbers) != 2 + len(moments) or re.search(_OTHER, p.body, re.I) or \
            re.search(r"\b(?:each|per|every|a (?:day|week|month|year)|average|times|twice|half|total|altogether|in "
                      r"all|together)\b|[%/$]", p.question, re.I):   # '... gain each month?' asks for a rate
        return None
    first, second = found
    if unit_name(first.group("u")) != unit_name(second.group("u")) and not _factor(first, second):
        return None
    dims = {d for m in found for d in re.findall(r"^ (long|tall|high|deep|wide|thick)\b", p.t[m.end():])}
    if len(dims) > 1:
        return None   # '125 m high and ... 30 m deep' measure either way from the ground
    return first, second, moments


def _factor(a: re.Match, b: re.Match) -> int | None:
    ua, ub = unit_name(a.group("u")), unit_name(b.group("u"))
    return unit_factor(ua, ub) or unit_factor(ub, ua)


def _asked_unit(p: Problem, said: str | None) -> str | None:
    """The unit the question asks in ('how many meters', ', in centimeters'), or None when it names none."""
    named = re.search(rf"\bin ({_UNIT})\b", p.question, re.I)
    return unit_name(named.group(1)) if named else unit_name(said) if said else None


def _in_one_unit(b: Builder, p: Problem, read: tuple[re.Match, re.Match, list[re.Match]],
                 asked: str | None) -> list[Ref] | None:
    """The two measures as quantities in one unit: the asked one, or their common one; a larger unit converted (the
    moments said with them are placed as labels)."""
    *pair, moments = read
    for m in moments:
        b.label(m, "n")
    units = [unit_name(m.group("u")) for m in pair]
    unit = asked or units[0]
    if units[0] == units[1]:
        return [b.given(m, "a", m.group("u")) for m in pair] if unit == units[0] else None
    if unit not in units or unit_factor(units[0] if units[1] == unit else units[1], unit) is None:
        return None   # 1.2 m and 85 cm asked in no unit, or in the larger: the question must name the smaller
    refs = []
    for m, u in zip(pair, units):
        ref = b.given(m, "a", m.group("u"))
        if u != unit:
            factor = unit_factor(u, unit)
            per = b.fact(factor, unit, f"{factor} {unit} in 1 {u}")
            ref = b.step("*", [ref, per], unit, f"How many {unit} are in {m.group()}?", kind="convert")
        refs.append(ref)
    return refs


def measure_gain(p: Problem) -> Plan | None:
    """'A puppy weighed 2.8 kg in May and 4.3 kg in July. How much weight did the puppy gain?' -> 4.3 - 2.8."""
    pair, asked = _two_measures(p), _CHANGE.match(p.question)
    if not pair or not asked:
        return None
    first, second, _ = pair
    between = p.body[first.end():second.start()]
    joined = re.fullmatch(r"(?: [a-z]+)*?(?: (?:in|on|at|by) [A-Za-z]+(?: [a-z]+)?)? and (?:then )?", between)
    told = re.split(r"\. ", between)
    if not joined and not (len(told) == 2 and _SAME_THING.fullmatch(told[1])):
        return None   # a second subject ('Tom weighed 35 kg') is a comparison, not a change
    if asked.group("x").lower() not in ("it", "she", "he", "they") and not re.search(
            rf"\b{re.escape(stem(asked.group('x')))}", p.body[:first.start()], re.I) and \
            asked.group("x").lower() not in ("depth", "height", "weight", "level", "length"):
        return None
    b = Builder(p, "measure_change")
    refs = _in_one_unit(b, p, pair, _asked_unit(p, asked.group("u")))
    if refs is None:
        return None
    early, late = refs
    up = bool(asked.group("up"))
    if (b.value(late) > b.value(early)) != up or b.value(late) == b.value(early):
        return None   # 'gain' of a measure that went down: misread
    unit = b.quantities[early.index].unit if early.kind == "quantity" else b.steps[early.index].unit
    verb = (asked.group("up") or asked.group("down")).lower()
    high, low = (late, early) if up else (early, late)
    b.step("-", [high, low], unit, f"From {fmt(b.value(early))} {unit} to {fmt(b.value(late))} {unit}: how much "
                                   f"did it {verb}?")
    return b.finish()


def _words(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z]+", text.lower().replace("'s", ""))} - STOP


def measure_gap(p: Problem) -> Plan | None:
    """'Ella's jump was 3.45 m and Ruby's jump was 2.9 m. How much farther did Ella jump?' -> 3.45 - 2.9; 'What is
    the difference in their weights?' -> the bigger less the smaller."""
    pair = _two_measures(p)
    compared, diff = _COMPARED.match(p.question), _DIFFERENCE.match(p.question)
    if not pair or not (compared or diff) or _CHANGE.match(p.question):
        return None
    clauses = [p.body[max(p.body.rfind(". ", 0, m.start()), p.body.rfind(" and ", 0, m.start()), 0):m.start()]
               for m in pair[:2]]
    b = Builder(p, "comparison")
    refs = _in_one_unit(b, p, pair, _asked_unit(p, compared.group("u") if compared else None))
    if refs is None:
        return None
    values = [b.value(r) for r in refs]
    high, low = (refs[0], refs[1]) if values[0] > values[1] else (refs[1], refs[0])
    if values[0] == values[1]:
        return None
    if compared:
        told = [_words(c) for c in clauses]
        said = _words(compared.group("x")) - (told[0] & told[1])   # 'the red ribbon': 'red', not 'ribbon'
        named = [i for i, words in enumerate(told) if said & words]
        if len(named) != 1 or compared.group("y"):
            return None   # the question must name one of the two, and only one
        bigger = refs[named[0]] == high
        if bigger != bool(compared.group("big")):
            return None   # the question has it the other way round
    unit = b.quantities[high.index].unit if high.kind == "quantity" else b.steps[high.index].unit
    b.step("-", [high, low], unit, f"How much more is {fmt(b.value(high))} {unit} than {fmt(b.value(low))} {unit}?")
    return b.finish()
