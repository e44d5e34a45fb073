"""The planner's readers of a level that rises and falls: one small function per pattern.

A temperature that rises and falls by degrees ('was -8°F ... had risen 15 degrees'), the degrees between two
temperatures ('was 5°C ... had dropped to -7°C. How many degrees did it fall?'), and a temperature that moves by the
same amount each hour. Moments named by the hour ('At 6 am') are read as labels, never as amounts. Apart from
measure_patterns.py to keep each file short; each pattern returns a `Plan` or None.
"""
from __future__ import annotations

import re
from fractions import Fraction

from wordproblem import Builder, Plan, Problem, Ref, fmt, same_word, stem

# ----------------------------------------------------------------------------- a temperature that rises and falls

_HOUR_LABEL = re.compile(r"\b(?P<h>1[0-2]|[1-9]) (?:am|pm)\b", re.I)
_DEGREES = r"(?: ?°| degrees)(?: ?[FC]\b| Fahrenheit| Celsius)?"
# when a temperature was read: 'The temperature at 8 pm was', 'at noon', 'in the morning', 'on Monday'
_WHEN = r"(?: at \d+ (?:am|pm)| at (?:noon|midnight|dawn|dusk|night|sunrise|sunset)| in the [a-z]+| on [A-Z][a-z]+)?"
_TEMPERATURE = re.compile(rf"\b(?:temperature|it|thermometer){_WHEN} (?:was|is|read|reads|showed|shows) (?:at )?"
                          rf"(?P<neg>-)?(?P<a>\d+(?:\.\d+)?){_DEGREES}", re.I)
RISES = r"rose|rises|risen|rise|went up|goes up|gone up|warmed up|warms up|climbed|climbs|increased|increases"
FALLS = r"fell|falls|fallen|fall|dropped|drops|drop|went down|goes down|gone down|cooled|cools|decreased|decreases"
_TEMPERATURE_VALUE = re.compile(rf"(?P<neg>-)?(?P<a>\d+(?:\.\d+)?){_DEGREES}")
_MOVE = re.compile(rf"\b(?P<verb>{RISES}|{FALLS}) (?:by |another |a further )?(?P<b>\d+(?:\.\d+)?)(?: more)?{_DEGREES}",
                   re.I)   # 'dropped 4 more degrees
_MOVE_TO = re.compile(rf"\b(?P<verb>{RISES}|{FALLS}) to (?P<neg>-)?(?P<b>\d+(?:\.\d+)?){_DEGREES}", re.I)


def temperature(p: Problem) -> Plan | None:
    """'The temperature was -8°F. By noon it had risen 15 degrees. What was the temperature at noon?' -> -8 + 15;
    'was 5°C ... dropped to -7°C. How many degrees did the temperature fall?' -> 5 - (-7); 'The highest was 4°C and
    the lowest was -9°C. What was the difference?' -> 4 - (-9)."""
    b = Builder(p, "temperature")
    for hour in p.finditer(_HOUR_LABEL, "all"):
        b.label(hour, "h")
    start = p.search(_TEMPERATURE)
    moves = [m for m in p.finditer(_MOVE) if start and m.start() > start.end()]
    to = [m for m in p.finditer(_MOVE_TO) if start and m.start() > start.end()]
    if start and moves and not to and p.asks(r"^what (?:was|is|will be|would be) (?:the|its) (?:[a-z]+ )?temperature\b|"
                                             r"^what temperatu|"
                                             r"^what (?:did|does|will) (?:it|the thermometer) (?:read|show)\b"):
        if any(re.match(r",? (?:every|each|per|an|a) (?:hour|minute|day|week)\b", p.t[m.end():]) for m in moves):
            return None   # 'fell 3 degrees every hour' is a rate: how many hours pass is temperature_rate's to read
        value = _degrees(b, start, "a")
        for move in moves:   # (lesson.py drops a sentence with the word 'temperature' in it, a config key there)
            up = re.fullmatch(RISES, move.group("verb"), re.I) is not None
            value = b.step("+" if up else "-", [value, b.given(move, "b", "degrees")], "degrees",
                           f"What does the thermometer read once it {'rises' if up else 'falls'} {move.group('b')} "
                           f"degrees from {_signed(b.value(value))} degrees?", kind="signed_change")
        return b.finish()
    asked = re.match(rf"(?:by )?how many degrees (?:did|does|had|has) (?:the temperature|it) "
                     rf"(?P<verb>{RISES}|{FALLS})\b", p.question, re.I)
    if start and len(to) == 1 and not moves and asked:
        up = re.fullmatch(RISES, to[0].group("verb"), re.I) is not None
        if up != (re.fullmatch(RISES, asked.group("verb"), re.I) is not None):
            return None
        first, then = _degrees(b, start, "a"), _degrees(b, to[0], "b")
        return _gap(b, *((then, first) if up else (first, then)))
    values = list(p.finditer(_TEMPERATURE_VALUE))
    if len(values) == 2 and not moves and not to and asked:   # 'was -6°F in the morning and 9°F ... did it rise?'
        up = re.fullmatch(RISES, asked.group("verb"), re.I) is not None
        first, then = (_degrees(b, v, "a") for v in values)
        return _gap(b, *((then, first) if up else (first, then))) if (b.value(then) > b.value(first)) == up else None
    values = values or list(p.finditer(_TEMPERATURE_VALUE, "question"))   # 'How much warmer is 7°C than -5°C?'
    compared = re.match(r"how (?:much|many degrees) (?P<w>warmer|colder|higher|lower)\b", p.question, re.I)
    if len(values) == 2 and not moves and not to and (p.asks(r"\bdifference\b") or compared):
        one, two = (_degrees(b, v, "a") for v in values)
        warmer = compared and compared.group("w").lower() in ("warmer", "higher")
        if compared and values[0].start() > p.q and (b.value(one) > b.value(two)) != warmer:
            return None   # 'How much colder is 7°C than -5°C?' compares the wrong way round
        return _gap(b, *((one, two) if b.value(one) >= b.value(two) else (two, one)))
    return None


def _degrees(b: Builder, m: re.Match, group: str) -> Ref:
    """A temperature as a signed quantity, written as the problem wrote it ('-8 degrees')."""
    sign = "-" if m.group("neg") else ""
    return b.given(m, group, "degrees", f"{sign}{m.group(group)} degrees", scale=-1 if sign else 1)


def _gap(b: Builder, high: Ref, low: Ref) -> Plan | None:
    """The degrees between a higher and a lower temperature: up from the lower one to the higher one."""
    b.step("-", [high, low], "degrees", f"How many degrees is it from {_signed(b.value(low))} degrees up to "
                                        f"{_signed(b.value(high))} degrees?", kind="level_difference")
    return b.finish()


def _signed(value: Fraction) -> str:
    return fmt(value) if value >= 0 else f"-{fmt(-value)}"


# A temperature that moves by the same amount each hour: 'It fell 3 degrees every hour ... 5 hours later?'
_MOVE_RATE = re.compile(rf"\b(?P<verb>{RISES}|{FALLS}) (?:by )?(?P<b>\d+(?:\.\d+)?){_DEGREES} (?:every|each|per|an?) "
                        rf"(?P<u>hour|minute|day)\b", re.I)
_PERIODS = re.compile(r"\b(?:for|after|in|over) (?P<n>\d+) (?P<u>hours|minutes|days)\b|(?P<n2>\d+) (?P<u2>hours|"
                      r"minutes|days) (?:later|after)\b", re.I)


def temperature_rate(p: Problem) -> Plan | None:
    """'The temperature was 12 degrees at noon. It fell 3 degrees every hour. What was the temperature 5 hours
    later?' -> the whole change (3 x 5), then 12 - 15 = -3."""
    start, move = p.search(_TEMPERATURE), p.search(_MOVE_RATE, "all")
    periods = list(p.finditer(_PERIODS, "all"))
    if not start or not move or len(periods) != 1 or len(p.numbers) != 3 or move.start() < start.end() \
            or not p.asks(r"^what (?:was|is|will be|would be) the temperature\b|^what temperatu"):
        return None
    n = periods[0]
    key = "n" if n.group("n") else "n2"
    if not same_word(n.group("u" if key == "n" else "u2"), move.group("u")):
        return None
    b, up = Builder(p, "temperature"), re.fullmatch(RISES, move.group("verb"), re.I) is not None
    unit = move.group("u")
    change = b.step("*", [b.given(move, "b", "degrees"), b.given(n, key, f"{unit}s")], "degrees",
                    f"How many degrees does it {'rise' if up else 'fall'} in {n.group(key)} {unit}s, at "
                    f"{move.group('b')} degrees every {unit}?", kind="rate")
    start_ref = _degrees(b, start, "a")
    b.step("+" if up else "-", [start_ref, change], "degrees",
           f"What does the thermometer read once it {'rises' if up else 'falls'} {fmt(b.value(change))} degrees from "
           f"{_signed(b.value(start_ref))} degrees?", kind="signed_change")
    return b.finish()


# ----------------------------------------------------------------------------- any level that starts below zero

_LEVEL_UNIT = r"(?: ?(?P<u{k}>m|metres?|meters?|feet|ft|km|floors?|points?)\b)?"
_LEVEL_START = re.compile(rf"\b(?:is|was|are|were|starts?|started|begins?|began|stands?|stood)(?: at| on)?"
                          rf"(?P<floor> floor)? "
                          rf"(?P<neg>-)(?P<a>\$?\d+(?:\.\d+)?){_LEVEL_UNIT.format(k='')}")
_GOES_UP = r"rises|rose|climbs|climbed|goes up|went up|swims up|moves up|deposits|deposited|adds|added|gains|gained|" \
           r"earns|earned|pays in|paid in"
_GOES_DOWN = r"falls|fell|sinks|sank|dives|dived|dove|goes down|went down|swims down|moves down|descends|descended|" \
             r"withdraws|withdrew|takes out|took out|spends|spent|loses|lost|drops|dropped"
_THEN = r"(?:and |then |and then )(?:up|down)"   # 'goes up 6 floors and then down 3 floors'
_LEVEL_MOVE = re.compile(rf"\b(?P<verb>{_GOES_UP}|{_GOES_DOWN}|{_THEN})(?: by| another| a further)? "
                         rf"(?P<b>\$?\d+(?:\.\d+)?){_LEVEL_UNIT.format(k='2')}")
_LEVEL_ASKED = r"^(?:what|where|which)\b[^?]*\b(?:level|position|balance|now|new|reading|floor|altitude|elevation)\b|" \
               r"^at what (?:level|height|floor|altitude)\b"


def level_below_zero(p: Problem) -> Plan | None:
    """'A submarine is at -40 m. It rises 15 m. At what level is it now?' -> -40 + 15; 'Her balance is -$20. She
    deposits $45.' -> -20 + 45: a start below zero, then each move up or down in turn, in the start's unit."""
    start = p.search(_LEVEL_START)
    moves = [m for m in p.finditer(_LEVEL_MOVE, "all") if start and m.start() > start.end()]
    if not start or not moves or not p.asks(_LEVEL_ASKED) or p.asks(r"\b(?:how far|deep|depth|below|above|differ)"):
        return None   # ('How far below the surface?' asks a distance, never a signed level)
    money, unit = start.group("a").startswith("$"), stem(start.group("u") or start.group("floor") or "").strip()
    if any(m.group("b").startswith("$") != money or stem(m.group("u2") or "") != unit for m in moves):
        return None   # a move in another unit than the start's
    b = Builder(p, "level")
    unit = "dollars" if money else start.group("u") or ("floors" if start.group("floor") else "")
    value = b.given(start, "a", unit, f"-{start.group('a')}{'' if money else ' ' + unit}".rstrip(), scale=-1)
    for move in moves:
        up = re.fullmatch(_GOES_UP, move.group("verb"), re.I) is not None or move.group("verb").endswith("up")
        was = _signed(b.value(value))
        ask = (f"What is the balance once {move.group('b')} is {'paid in' if up else 'taken out'}, from "
               f"{'-$' + was[1:] if was.startswith('-') else '$' + was}?" if money else
               f"Which floor is it on once it goes {'up' if up else 'down'} {move.group('b')} floors from floor {was}?"
               if unit == "floors" else
               f"Where is it once it goes {'up' if up else 'down'} {move.group('b')} {unit} from {was} {unit}?")
        value = b.step("+" if up else "-", [value, b.given(move, "b", unit)], unit, re.sub(" +", " ", ask),
                       kind="signed_change")
    return b.finish()


# ----------------------------------------------------------------------------- a debt that grows and shrinks

_OWES = re.compile(r"\b(?:owes|owed|is in debt by|was in debt by|has a debt of|had a debt of|borrowed|borrows) "
                   r"(?P<a>\$\d+(?:\.\d+)?)")
_DEBT_MORE = r"borrows|borrowed|owes|spends|spent|takes out|took out"
_DEBT_LESS = r"pays back|paid back|repays|repaid|pays off|paid off|pays|paid|earns|earned|gets|got|deposits|deposited"
_DEBT_MOVE = re.compile(rf"\b(?P<verb>{_DEBT_MORE}|{_DEBT_LESS})(?: back)?(?: another| a further)? "
                        rf"(?P<b>\$\d+(?:\.\d+)?)")
_OWE_ASKED = re.compile(r"how much (?:money )?(?:does|do|did) (?:he|she|they|[A-Z][a-z]+) (?:still )?owe\b", re.I)


def debt(p: Problem) -> Plan | None:
    """'Ali owes $30. He pays back $12 and then borrows $5 more.' -> a balance of -$30, up $12, down $5 ('What is his
    balance?'), or the amount still owed, 30 - 12 + 5 ('How much does he owe now?')."""
    start = p.search(_OWES)
    moves = [m for m in p.finditer(_DEBT_MOVE) if start and m.start() >= start.end()]
    owed, balance = p.match_question(_OWE_ASKED), p.asks(r"\bbalance\b")
    if not start or not moves or owed is None and not balance:
        return None
    b = Builder(p, "level")
    value = b.given(start, "a", "dollars", f"-{start.group('a')}" if balance else start.group("a"),
                    scale=-1 if balance else 1)
    for move in moves:
        more = re.fullmatch(_DEBT_MORE, move.group("verb")) is not None
        was = b.value(value)
        said = f"-${fmt(-was)}" if was < 0 else f"${fmt(was)}"
        ask = (f"What is the balance once {move.group('b')} is {'borrowed' if more else 'paid back'}, from {said}?"
               if balance else f"How much is owed once {move.group('b')} is {'borrowed' if more else 'paid back'}, "
               f"from {said} owed?")
        value = b.step(("-" if more else "+") if balance else ("+" if more else "-"),
                       [value, b.given(move, "b", "dollars")], "dollars", ask, kind="signed_change")
    if owed is not None and b.value(value) < 0:
        return None   # paid back more than was owed: nothing is owed
    return b.finish()
