"""Small general readers of measures a story states outright, each placing every number or abstaining.

- the minutes between two clock times ('starts at 7:15 pm and ends at 9:05 pm'): whole hours, in minutes, then the
  minutes past each hour added and taken away (a morning start and an afternoon end count the end from noon);
- the area of a rectangle or the volume of a box said with 'long', 'wide' and 'high' ('30 inches long, 12 inches
  wide and 16 inches high'): the bottom's area, then that many cubes in each layer of the height; a price per
  square unit then prices the area;
- a percent of one amount: a tip or a tax on a bill ('a 20% tip', 'including tax'), or a percent of a group
  ('35% said pizza ... how many students chose pizza?', '85% of them').
- a list of data ('14, 22, 9, 31, 17'): its range (the greatest minus the least) and the median of an even list (the
  two middle values added and halved).
A temperature that rises and falls lives in level_patterns.py.
"""
from __future__ import annotations

import re
from fractions import Fraction

from level_patterns import FALLS, RISES
from wordproblem import (NUM, NUMBER, Builder, Plan, Problem, fmt, fraction_part, is_unit, mentions,
                         number_value, same_word, shown_first, stem, unit_factor, unit_name)

# ----------------------------------------------------------------------------- the minutes between two clock times

_CLOCK = re.compile(r"\b(?P<h>1[0-2]|0?[1-9]):(?P<m>[0-5]\d)(?: (?P<half>am|pm)\b)?", re.I)
_STARTS = r"\b(?:starts?|started|begins?|began|leaves?|left|opens?|opened|departs?|departed|from)\b"
_ENDS = r"\b(?:ends?|ended|finish(?:es|ed)?|arrives?|arrived|closes?|closed|until|to|lands?|landed|reach(?:es|ed)?|" \
        r"gets? there|got there)\b"


def _said(clock: re.Match, minutes: str = "") -> str:
    half = f" {clock.group('half')}" if clock.group("half") else ""
    return f"{clock.group('h')}:{minutes or clock.group('m')}{half}"


def clock_elapsed(p: Problem) -> Plan | None:
    """'A movie starts at 7:15 pm and ends at 9:05 pm. How many minutes long is it?' -> 9 - 7 hours, 2 x 60
    minutes, + 5 minutes past 9, - 15 minutes past 7."""
    times = list(p.finditer(_CLOCK, "all"))
    if len(times) != 2 or not p.asks(r"^how (?:many minutes|long)\b") or not p.asks(r"\bminutes?\b"):
        return None
    start, end = times
    if not re.search(_STARTS, p.t[:start.start()], re.I) or not re.search(_ENDS, p.t[start.end():end.start()], re.I):
        return None
    halves = [(t.group("half") or "").lower() for t in times]
    if bool(halves[0]) != bool(halves[1]) or halves == ["pm", "am"]:
        return None   # one time without am / pm, or a trip past midnight: which hours are meant is not said
    b = Builder(p, "elapsed_time")
    h0, h1 = b.given(start, "h", "o'clock", _said(start)), b.given(end, "h", "o'clock", _said(end))
    m0, m1 = b.given(start, "m", "minutes"), b.given(end, "m", "minutes")
    afternoon = halves == ["am", "pm"] and b.value(h1) != 12
    if afternoon:   # counted on from noon: 1 pm is 12 + 1 hours after midnight
        h1 = b.step("+", [h1, b.fact(12, "hours", "12 hours from midnight to noon")], "o'clock",
                    f"How many hours after midnight is {end.group('h')} pm?")
    if b.value(h0) % 12 == 0 and not afternoon and halves[0]:
        return None   # '12:30 am' counts from 0: leave it
    zero, full = _said(start, "00"), _said(end, "00")
    hours = b.step("-", [h1, h0], "hours", f"How many hours are there from {zero} to {full}?", kind="clock_hours")
    if b.value(hours) < 0 or (b.value(hours) == 0 and b.value(m1) <= b.value(m0)):
        return None
    minutes = b.step("*", [hours, b.fact(60, "minutes", "60 minutes in an hour")], "minutes",
                     f"How many minutes are there from {zero} to {full}?", kind="convert")
    if b.value(m1):
        minutes = b.step("+", [minutes, m1], "minutes", f"How many minutes are there from {zero} to {_said(end)}?")
    if b.value(m0):
        b.step("-", [minutes, m0], "minutes", f"How many minutes are there from {_said(start)} to {_said(end)}?")
    return b.finish()


# ----------------------------------------------------------------------------- a rectangle's area, a box's volume

_LENGTHS = r"mm|cm|m|km|inch|inches|in|foot|feet|ft|yard|yards|yd|meter|meters|metre|metres|centimeters|" \
           r"centimetres|millimeters|millimetres"
_SIDE = re.compile(rf"(?P<a>{NUM}) (?P<u>{_LENGTHS}) (?P<dim>long|wide|high|tall|deep)\b")
_PER_SQUARE = re.compile(rf"(?P<a>\${NUM}) (?:per|a|for each|for every|for 1) square (?P<u>[a-z]+)\b")


def box(p: Problem) -> Plan | None:
    """'A fish tank is 30 inches long, 12 inches wide and 16 inches high. What is its volume?' -> 30 x 12 square
    inches on the bottom, then 16 layers of it; the area alone for 'long and wide' (priced per square unit)."""
    sides = list(p.finditer(_SIDE, "all"))
    dims = [s.group("dim") for s in sides]
    volume = p.asks(r"\bvolume\b|\bcubic\b|how many (?:cubes|unit cubes)\b")
    area = p.asks(r"\barea\b|how much (?:will it |does it |would it )?cost")
    price = p.search(_PER_SQUARE, "all")
    if volume == area or len(sides) != (3 if volume else 2) or dims[:2] != ["long", "wide"] \
            or (volume and dims[2] not in ("high", "tall", "deep")) or p.asks(r"\bcost\b") != (price is not None):
        return None   # a cost is asked with a price per square unit, and a price is given only when it is asked
    unit = sides[0].group("u")
    asked = re.search(r"\bin (?:square |cubic )?([a-z]+)", p.question)
    if any(not same_word(s.group("u"), unit) for s in sides) or (asked and not same_word(asked.group(1), unit)) \
            or (price and not same_word(price.group("u"), unit)):
        return None   # units to convert first
    b = Builder(p, "volume" if volume else "rectangle")
    length, width = (b.given(s, "a", unit, f"{s.group('a')} {unit}") for s in sides[:2])
    bottom = "bottom" if volume else "floor" if price else "rectangle"
    base = b.step("*", [length, width], f"square {unit}", f"What is the area of the {bottom}, {sides[0].group('a')} "
                                                          f"{unit} long and {sides[1].group('a')} {unit} wide?",
                  kind="area")
    if volume:
        height = b.given(sides[2], "a", unit, f"{sides[2].group('a')} {unit}")
        b.step("*", [base, height], f"cubic {unit}", f"How many cubic {unit} fill the box: one for each square "
                                                     f"{stem(unit)} of the bottom, in {sides[2].group('a')} layers?",
               kind="volume")
    elif price:
        rate = b.given(price, "a", "dollars", f"{price.group('a')} per square {price.group('u')}")
        b.step("*", [base, rate], "dollars", f"How much do those square {unit} cost at {price.group('a')} each?")
    return b.finish()


# ----------------------------------------------------------------------------- a percent of one amount

_PERCENT = re.compile(r"(?P<p>\d+(?:\.\d+)?%)")
_ON_BILL = re.compile(r"\b(?P<what>tip|tax|sales tax|service charge)\b", re.I)
_MONEY = re.compile(r"(?P<a>\$\d+(?:\.\d+)?)")
_GROUP = re.compile(rf"\b(?P<a>\d+) (?P<noun>[a-z]+)\b")


# 'costs $900 before tax': the price the tax is a percent of, no change said before or after
_BEFORE_TAX = re.compile(r"\bbefore (?:the )?(?:sales )?(?:tax|tip)\b")


def percent_part(p: Problem) -> Plan | None:
    """A percent of the one amount the story gives: 'The bill is $45 ... a 20% tip. How much is the tip?' ->
    20% of $45 (and the bill with it, for 'the total cost including tax'); '200 students, 35% said pizza. How many
    students chose pizza?' -> 35% of 200."""
    percents = list(p.finditer(_PERCENT, "all"))
    if len(percents) != 1 or len(p.numbers) != 2 or re.search(
            r"\b(?:discount|off|sale|increase\w*|decrease\w*|more|less|fewer|than|before|after|original\w*|rest|each|"
            r"per)\b",
            _BEFORE_TAX.sub("", p.t), re.I):
        return None
    pc = percents[0]
    bill, money = p.search(_ON_BILL, "all"), p.search(_MONEY)
    b = Builder(p, "percent")
    if bill and money:
        added = re.search(r"\$\d+(?:\.\d+)? (?:plus|with|and) (?:an? )?\d+(?:\.\d+)?% ", p.body)   # '$24 plus 6% tax'
        paid = p.asks(r"\b(?:pay|pays|paid|spend|spends|spent|cost|costs)\b.*\b(?:in total|in all|altogether)\b|"
                      r"\btotal\b" + (r"|\b(?:pay|pays|paid|spend|spends|spent|cost|costs)\b" if added else ""))
        # the tip or tax included: asked as the total, or as what is paid for a price said with its tax added
        if not p.asks(rf"\b{bill.group('what').split()[-1]}\b") and not paid:
            return None
        whole = b.given(money, "a", "dollars")
        part = b.step("*", [whole, b.given(pc, "p", "percent")], "dollars",
                      f"How much is the {bill.group('what')}: {pc.group('p')} of {money.group('a')}?", kind="percent")
        if paid or p.asks(r"\b(?:including|with (?:the )?(?:tax|tip))\b"):
            b.step("+", [whole, part], "dollars", f"What is {money.group('a')} with the {bill.group('what')} added?")
        elif not p.asks(r"^how much (?:is|was|will|would|should|does|did)\b"):
            return None
        return b.finish()
    group = p.search(_GROUP)
    asked = re.match(r"how many (?P<noun>[a-z]+)\b", p.question, re.I)
    if money or bill or not group or not asked or not same_word(asked.group("noun"), group.group("noun")) \
            or p.asks(r"\b(?:not|left|remain\w*|rest|other|more|fewer)\b") or pc.start() < group.end():
        return None
    said = re.match(r"[^.?!]*", p.t[pc.end():]).group()
    if not _words(said) & _words(p.question) or _negated(said) != _negated(p.question):
        return None   # '5% don't show. How many people will go?' asks for the others: the question names the part
    noun = group.group("noun")
    b.step("*", [b.given(group, "a", noun), b.given(pc, "p", "percent")], noun,
           f"How many {noun} are {pc.group('p')} of {group.group('a')} {noun}?", kind="percent")
    return b.finish()


def _words(text: str) -> set[str]:
    """The content words of a phrase, to see that the question asks about the part the percent names."""
    return {stem(w) for w in re.findall(r"[a-z]{3,}", text.lower())} - {"the", "and", "for", "how", "many", "did",
                                                                      "does", "was", "were", "are", "that", "this",
                                                                      "his", "her", "their", "them", "they", "with"}


def _negated(text: str) -> bool:
    return re.search(r"(?:not|no|never)|n't", text, re.I) is not None


# ----------------------------------------------------------------------------- percent change

_FROM_TO = re.compile(rf"\bfrom (?P<a>{NUM})(?: [a-z]+)? to (?P<b>{NUM})")
# 'A jacket was $80. Its price dropped to $68.': the value before, then the verb that moves it to the new one
_WAS_TO = re.compile(rf"\b(?:was|were|is|cost|costs|had|weighed) (?P<a>{NUM})(?: [a-z]+)?\. (?:Its|The|His|Her|Their) "
                     rf"[a-z]+ (?:{RISES}|{FALLS}|changed|grew) to (?P<b>{NUM})")


# 'Last year a bike was priced at $200. This year it costs $230.': a value then, and the same thing's value now
_THEN_NOW = re.compile(rf"\b(?:was|cost|was priced at|sold for) (?P<a>\$\d+(?:\.\d+)?)(?: (?:last|that) "
                       rf"(?:year|month|week))?\. (?:This (?:year|month|week),? |Now,? |Today,? )?(?:it|its price) "
                       rf"(?:costs|is|sells for|is priced at)(?: now)? (?P<b>\$\d+(?:\.\d+)?)")


def percent_change(p: Problem) -> Plan | None:
    """'The price rose from $40 to $50. By what percent?' -> (50 - 40) / 40 as a percent of the starting value."""
    m = p.search(_FROM_TO) or p.search(_WAS_TO) or p.search(_THEN_NOW)
    if not m or not p.asks(r"\bpercent|%") or p.asks(r"percent(?:age)? of\b"):   # 'what percent of the old price'
        return None   # asks the new value as a percent of the old, not the change
    if m.re is _THEN_NOW and not re.search(r"\b(?:last|this) (?:year|month|week)\b|\b(?:now|today)\b", p.body, re.I):
        return None   # two prices without a then and a now may be of two things
    b = Builder(p, "percent")
    a, c = b.given(m, "a", ""), b.given(m, "b", "")
    rise, fall = p.asks(r"\b(?:increase|rise|grow|gain|markup)"), p.asks(r"\b(?:decrease|drop|fall|fell|discount|loss)")
    if (rise and b.value(c) < b.value(a)) or (fall and b.value(c) > b.value(a)):
        return None   # an increase asked of a price that fell: we misread which value came first
    big, small = (c, a) if b.value(c) > b.value(a) else (a, c)
    diff = b.step("-", [big, small], "", f"How much did it change from {m.group('a')} to {m.group('b')}?")
    frac = b.step("/", [diff, a], "", f"What fraction of the starting {m.group('a')} is that change?",
                  kind="percent_change")
    b.step("*", [frac, b.fact(100, "percent", "100%")], "percent", "What is that fraction as a percent?")
    return b.finish()


# ----------------------------------------------------------------------------- a mean back to its total

_MEAN_OF = re.compile(rf"\b(?:mean|average) of (?:the |his |her |their |these |those |[A-Z][a-z]+'s )?(?P<n>\d+) "
                      rf"(?P<what>[a-z]+(?: [a-z]+)?) (?:is|was) (?P<m>{NUM})")


def total_from_mean(p: Problem) -> Plan | None:
    """'The mean of five numbers is 16. What is their sum?' -> 5 x 16: a mean shares the total equally, so the
    total is the mean once for each value."""
    m = p.search(_MEAN_OF)
    if not m or not p.asks(r"^what (?:is|was) (?:the|their) (?:sum|total)\b|^what do (?:they|the \w+) add up to\b"):
        return None
    b = Builder(p, "mean")
    what = m.group("what")
    for again in p.finditer(re.compile(rf"\bthe (?P<n>{m.group('n')}) {re.escape(what)}\b"), "question"):
        b.label(again, "n")   # 'the sum of the 3 numbers' restates how many there are
    b.step("*", [b.given(m, "m", ""), b.given(m, "n", what)], "", f"If {m.group('n')} {what} have a mean of "
                                                                  f"{m.group('m')}, what do they add up to?",
           kind="mean_total")
    return b.finish()


# ----------------------------------------------------------------------------- two amounts that go together

_AMOUNT = re.compile(r"(?P<a>\$?\d+(?:\.\d+)?(?:/\d+)?)(?:[- ](?P<u>[a-z]+))?")
_DISTANCE_WORDS = {"mile", "miles", "km", "kilometers", "kilometres", "meters", "metres", "feet", "yards"}
_TIME_WORDS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years"}
_NOT_PROPORTION = r"\b(?:more|fewer|less|than|times|each|every|per|left|shares?|shared|split|ratio|and|half|both|" \
                  r"some|rest|already|then|after|before|%)"


def _amounts(p: Problem, spans: list[tuple[int, int]]) -> list[tuple[re.Match, str]] | None:
    """Each number with what it measures: '$420' dollars, '6 gallons', '5-pound' (None when a number names none)."""
    found = []
    for s, _ in spans:
        m = _AMOUNT.match(p.t, s)
        unit = "dollars" if m.group("a").startswith("$") else m.group("u")
        if not unit or unit in ("of", "to", "in", "on", "for", "and", "is", "are"):
            return None
        found.append((m, unit))
    return found


def proportion(p: Problem) -> Plan | None:
    """Two amounts said together, then another of one of them: 'A truck uses 6 gallons of fuel to travel 150 miles.
    How far can it travel on 10 gallons?' -> 150 / 6 miles for 1 gallon, then 10 of those; 'per gallon' asks for
    the unit rate alone."""
    body = [s for s in p.numbers if s[0] < p.q]
    sentences = [(a, b) for a, b in p.statements() if all(a <= s < b for s, _ in body)]
    if len(body) != 2 or not sentences or re.search(_NOT_PROPORTION, p.body, re.I):
        return None
    question = re.sub(r"^at (?:that|this|the same) (?:rate|price|speed|pace), ", "", p.question, flags=re.I)
    given = _amounts(p, body)
    asked = _amounts(p, [s for s in p.numbers if s[0] >= p.q])
    if not given or asked is None or len(asked) > 1 or same_word(given[0][1], given[1][1]):
        return None
    if asked:
        known = [g for g in given if same_word(g[1], asked[0][1])]
        if len(known) != 1:
            return None
        (x, xu), (y, yu) = known[0], next(g for g in given if g is not known[0])
    else:
        per = [g for g in given if re.search(rf"\b(?:per|a|an|each|one|1) {stem(g[1])}\b", question, re.I)]
        if len(per) != 1:
            return None
        (x, xu), (y, yu) = per[0], next(g for g in given if g is not per[0])
    if yu in _TIME_WORDS and any(a <= x.start() < b and re.fullmatch(r"\W*(?:it takes\s+)?", p.t[a:x.start()], re.I)
                                 for a, b in sentences):
        return None   # '8 volunteers clear a trail in 6 days': the ones working, not the work; more of them, less time
    money = yu == "dollars"
    said = re.match(r"how (?:(?P<far>far)|many (?P<u>[a-z]+))\b", question, re.I)   # '250 g' asked 'how many grams'
    if not (re.match(r"how much|what is the (?:cost|price)", question, re.I) if money else
            said and (same_word(said.group("u"), yu) or bool(said.group("far")) and yu in _DISTANCE_WORDS)):
        return None
    b = Builder(p, "rate")
    what = "How much" if money else f"How many {yu}"
    one = b.step("/", [b.given(y, "a", yu, y.group()), b.given(x, "a", xu, f"{x.group('a')} {xu}")],
                 f"{yu} per {stem(xu)}", f"{what} for 1 {stem(xu)}, if it is {y.group('a')}"
                                         f"{'' if money else ' ' + yu} for {x.group('a')} {xu}?", kind="unit_rate")
    if asked:
        c = asked[0][0]
        b.step("*", [one, b.given(c, "a", xu, c.group())], yu, f"{what} for {c.group()}?", kind="rate")
    stuff = p.t.startswith(" of ", y.end())   # '2/3 cup of flour' measures stuff: it may come out in parts
    if not money and yu not in _DISTANCE_WORDS and not stuff and b.steps[-1].value.denominator != 1:
        return None   # a count that comes out in parts: we misread the story
    return b.finish()


# ----------------------------------------------------------------------------- one amount shared equally

_SHARERS = re.compile(r"\b(?P<n>\d+) (?P<who>[a-z]+) (?:share|shares|shared|split|splits|divide|divides|divided)\b")
_SHARE_ASK = re.compile(r"how much (?:(?P<what>[a-z]+) )?(?:does|do|will|would|should|did|can) each (?P<who>[a-z]+) "
                        r"(?:pay|get|receive|have|owe|eat|give)\b", re.I)


def share_equally(p: Problem) -> Plan | None:
    """'Three sisters earn $84 and split the money equally. How much does each sister get?' -> $84 / 3; 'Eight
    friends share 3 pizzas equally. How much pizza does each friend get?' -> 3/8 of a pizza."""
    sharers, asked = p.search(_SHARERS), re.match(_SHARE_ASK, p.question)
    if not sharers or not asked or not same_word(asked.group("who"), sharers.group("who")) \
            or not re.search(r"\b(?:equally|evenly)\b", p.body) or len(p.numbers) != 2:
        return None
    others = [s for s in p.numbers if s != sharers.span("n")]
    amount = _AMOUNT.match(p.t, others[0][0])
    money = amount.group("a").startswith("$")
    what = "dollars" if money else amount.group("u")
    if not what or (money != (asked.group("what") in (None, "money"))) or \
            (not money and not same_word(asked.group("what"), what)):
        return None
    b = Builder(p, "sharing")
    whole = b.given(amount, "a", what, amount.group("a") if money else f"{amount.group('a')} {what}")
    people = b.given(sharers, "n", sharers.group("who"))
    b.step("/", [whole, people], what, f"How much is each share when {b.quantities[whole.index].text} is shared "
                                       f"equally among {sharers.group('n')} {sharers.group('who')}?")
    return b.finish()


# ----------------------------------------------------------------------------- how much taller, heavier, older

_MEASURED = re.compile(rf"(?P<x>[A-Za-z']+) (?:is|was|weighs|weighed|measures|measured|stands) (?P<a>\d+(?:\.\d+)?) "
                       rf"(?P<u>{_LENGTHS}|pounds|ounces|kg|kilograms|grams|g|tons|years)\b")
_BIGGER = {"taller", "longer", "higher", "deeper", "wider", "older", "heavier"}
_SMALLER = {"shorter", "lower", "younger", "lighter", "narrower"}
_COMPARED = re.compile(rf"how (?:many (?P<u>[a-z]+) |much )(?P<cmp>{'|'.join(sorted(_BIGGER | _SMALLER))}) "
                       rf"(?:is|was) (?:the |a )?(?P<x>[A-Za-z']+)(?: than (?:the |a )?(?P<y>[A-Za-z']+))?", re.I)


def measure_difference(p: Problem) -> Plan | None:
    """'A giraffe is 18 feet tall. A zebra is 5 feet tall. How many feet taller is the giraffe than the zebra?' ->
    18 - 5: the asked one must be the taller (or, for 'shorter', the shorter) of the two said."""
    said, asked = list(p.finditer(_MEASURED)), re.match(_COMPARED, p.question)
    if len(said) != 2 or not asked or len(p.numbers) != 2 or not same_word(said[0].group("u"), said[1].group("u")) \
            or (asked.group("u") and not same_word(asked.group("u"), said[0].group("u"))):
        return None
    first = [m for m in said if same_word(m.group("x"), asked.group("x"))]
    if len(first) != 1:
        return None
    other = next(m for m in said if m is not first[0])
    if asked.group("y") and not same_word(asked.group("y"), other.group("x")):
        return None
    b = Builder(p, "comparison")
    unit = said[0].group("u")
    mine, theirs = (b.given(m, "a", unit) for m in (first[0], other))
    bigger = asked.group("cmp").lower() in _BIGGER
    if (b.value(mine) > b.value(theirs)) != bigger:
        return None   # the question has it the other way round
    high, low = (mine, theirs) if bigger else (theirs, mine)
    b.step("-", [high, low], unit, f"How many {unit} {asked.group('cmp').lower()} is {first[0].group('a')} {unit} "
                                   f"than {other.group('a')} {unit}?")
    return b.finish()


# ----------------------------------------------------------------------------- what percent one count is of another

_PART_OF = re.compile(r"\b(?P<n>\d+(?:\.\d+)?) (?:out )?of (?:the |his |her |their |its |all )?(?P<m>\d+(?:\.\d+)?) "
                      r"(?P<noun>[a-z]+(?: [a-z]+)?)")


_GENERIC_VERBS = {"make", "get", "have", "score", "hit", "she", "he", "they", "did", "does", "do"}


def percent_of_whole(p: Problem) -> Plan | None:
    """'Jordan made 18 of his 24 free throws. What percent of his free throws did he make?' -> 18 / 24 of them,
    then that fraction in hundredths."""
    part = p.search(_PART_OF)
    said = [w for w in (part.group("noun"), part.group("noun").split()[0]) if re.search(rf"\b{w}\b", p.question)] \
        if part else []   # 'free throws' when the question says it too, else 'throws'
    # 'Lucy scored 18 out of 24 on a quiz. What percent did she score?': a score out of its most, nothing named
    score = part is not None and " out of " in part.group() and re.search(r"\b(?:scored|scores|got|gets|earned|"
                                                                          r"answered|answers)\b",
                                                                          p.t[:part.start()]) is not None \
        and p.asks(r"^what percent(?:age)? (?:did|does|do) (?:he|she|they|\w+) (?:score|get|earn)(?P<how> right| "
                   r"correct)?\?$") and (not re.search(r"right|correct", p.question)
                                         or re.search(r"\b(?:right|correct|correctly)\b", p.body) is not None)
    if not (said or score) or len(p.numbers) != 2 or not (score or p.asks(r"^what percent(?:age)? of\b")):
        return None
    sentence = re.search(r"[^.?!]*$", p.t[:part.start()]).group() + re.match(r"[^.?!]*", p.t[part.start():]).group()
    rest = _words(p.question[p.question.index(said[0]) + len(said[0]):]) - _GENERIC_VERBS if said else set()
    if not rest <= _words(sentence) or _negated(sentence) != _negated(p.question):
        return None   # '34 of 40 questions right. What percent did she get wrong?' asks for the other part
    b = Builder(p, "percent")
    counted = part.group("noun").split()[0]   # '18 out of 24 questions correctly': questions, not points
    n, m = part.group("n"), part.group("m")
    noun = said[0] if said else counted if re.fullmatch(r"questions|problems|shots|points|marks", counted) else "points"
    share = b.step("/", [b.given(part, "n", noun), b.given(part, "m", noun)], "", f"What fraction of the {m} {noun} "
                                                                                   f"are the {n}?")
    if b.value(share) > 1:
        return None
    b.step("*", [share, b.fact(100, "percent", "100%")], "percent", f"How many hundredths is that fraction of the {m} "
                                                                    f"{noun}: what percent?")
    return b.finish()


# ----------------------------------------------------------------------------- a smaller unit taken from a larger one

_MEASURE = re.compile(rf"(?P<a>{NUM}) ?(?P<u>kg|g|km|m|cm|mm|l|ml|kilograms?|grams?|kilometers?|meters?|metres?|"
                      rf"centimeters?|liters?|litres?|milliliters?|hours?|minutes?|feet|foot|inch|inches|yards?|"
                      rf"pounds?|ounces?|gallons?|quarts?)\b")
_TAKEN = r"\b(?:uses?|used|cuts? off|drinks?|drank|pours? out|poured out|eats?|ate|gives? away|gave away|sells?|" \
         r"sold|spills?|spilled|removes?|removed|takes? out|took out)\b"
_DONE = r"\b(?:has|have|had) (?:already )?(?:run|walked|swum|driven|ridden|biked|hiked|cycled|climbed|jogged|" \
        r"paddled|covered|travell?ed|read|filled|painted)\b"   # the part of the whole already done


def mixed_units_left(p: Problem) -> Plan | None:
    """'A bag of flour weighs 2 kg. Nina uses 650 g of it. How many grams of flour are left?' -> 2 kg in grams
    (2 x 1000), then 2000 - 650: the larger unit is converted before the smaller amount is taken away."""
    said = [m for m in p.finditer(_MEASURE) if m.span("a") in p.numbers]
    asked = re.match(r"how many (?:more )?(?P<u>[a-z]+)\b", p.question, re.I) or \
        re.match(r"how (?:long|much|heavy)\b[^?]*\bin (?P<u>[a-z]+)\W*$", p.question, re.I)   # '..., in grams?'
    # 'How many more meters does she have to run?' after 'Lia has run 3,750 meters': the rest of the whole
    to_go = p.asks(r"^how many more [a-z]+ (?:does|do|must|will) \w+ (?:still )?(?:have to|need to)? ?\w+\?$")
    if len(said) != 2 or len(p.numbers) != 2 or not asked \
            or not (to_go or p.asks(r"\b(?:left|remain|remaining|remains)\b")):
        return None
    whole, part = said
    factor = unit_factor(whole.group("u"), part.group("u"))
    sentences = [re.search(r"[^.?!]*$", p.t[:m.start()]).group() for m in said]
    done = _DONE if to_go else _TAKEN
    if factor is None or unit_name(asked.group("u")) != unit_name(part.group("u")) \
            or re.search(_TAKEN, sentences[0]) or not re.search(done, sentences[1]):
        return None
    b = Builder(p, "measure_change")
    small = unit_name(part.group("u"))
    start = b.given(whole, "a", whole.group("u"), whole.group())
    per = b.fact(factor, small, f"{factor} {asked.group('u')} in 1 {stem(whole.group('u'))}")
    into = b.step("*", [start, per], small,
                  f"How many {asked.group('u')} are in {whole.group()}?", kind="convert")
    b.step("-", [into, b.given(part, "a", part.group("u"), part.group())], small,
           f"How many {asked.group('u')} are left when {part.group()} is taken from {whole.group()}?",
           kind="unconverted_left")
    return b.finish()


# ----------------------------------------------------------------------------- parts of one measure

_LONG = re.compile(rf"\b(?:is|was|measures|holds|weighs|has) (?P<a>{NUM}) (?P<u>{_MEASURE.pattern.split('(?P<u>')[1]}"
                   rf"(?: long| of [a-z]+)?")
_CUT = re.compile(rf"\b(?:cut|divided|split|shared|poured) (?:equally )?into (?P<n>\d+) (?:equal )?(?P<what>[a-z]+)")
_PART = re.compile(rf"\b(?:cuts? off|uses?|used|drinks?|drank|is|was|paints?|painted|eats?|ate) "
                   rf"(?P<f>\d+/\d+) (?:of it|of the [a-z]+|full)\b")


def measure_parts(p: Problem) -> Plan | None:
    """'A board is 15/2 feet long. It is cut into 3 equal pieces. How long is each piece?' -> 15/2 / 3; 'A tank
    holds 40 liters. It is 3/8 full. How many liters of water are in the tank?' -> 1/8 of 40, then 3 of those."""
    whole, cut, part = p.search(_LONG), p.search(_CUT), p.search(_PART)
    asked = re.match(r"how (?:long|much|heavy|many (?:more )?(?P<u>[a-z]+))\b", p.question, re.I)
    # 'It is 3/8 full. How many more liters are needed to fill it?': the part still empty
    to_fill = bool(part) and part.group().endswith("full") and p.asks(r"\b(?:to|will|would) fill\b") and \
        not p.asks(r"\b(?:left|remain\w*|rest|other|empty|each|times|spill\w*|leak\w*|per)\b")
    if not whole or len(p.numbers) != 2 or not asked or bool(cut) == bool(part) \
            or (asked.group("u") and unit_name(asked.group("u")) != unit_name(whole.group("u"))) \
            or not to_fill and p.asks(r"\b(?:left|remain\w*|rest|other|more|empty|need\w*|fill\w*)\b"):
        return None
    b = Builder(p, "fraction" if part else "sharing")
    unit = whole.group("u")
    start = b.given(whole, "a", unit, f"{shown_first(number_value(whole.group('a')))} {unit}")
    said = b.quantities[start.index].text   # '7 1/2 feet' as a student writes it, not '15/2 feet'
    if cut:
        if not p.asks(rf"\beach {stem(cut.group('what'))}\b"):
            return None
        b.step("/", [start, b.given(cut, "n", cut.group("what"))], unit,
               f"How {'long' if p.asks('^how long') else 'much'} is each of {cut.group('n')} equal "
               f"{cut.group('what')} of {said}?")
    elif Fraction(part.group("f")) < 1:
        filled = fraction_part(b, start, part, "f", said, unit)
        if to_fill:
            b.step("-", [start, filled], unit, f"How much of the {said} is still empty?")
    return b.finish()


_AREA_GIVEN = re.compile(rf"\barea(?: of (?:a|the|this|that|her|his)(?: [a-z]+)? [a-z]+)? (?:of|is) (?P<a>{NUM}) "
                         rf"square (?P<u>[a-z]+)")
_SIDE_SAID = [re.compile(rf"\b(?P<side>width|length) (?:of|is) (?P<s>{NUM}) (?P<u>[a-z]+)"),
              re.compile(rf"\b(?:is|are) (?P<s>{NUM}) (?P<u>[a-z]+) (?P<side>wide|long)\b")]   # 'is 8 inches wide'


def side_from_area(p: Problem) -> Plan | None:
    """'The area of a rectangle is 72 square feet. Its width is 6 feet. How long is it?' -> 72 / 6: the length
    times the width is the area, so the area shared by the width gives the length."""
    area, side = p.search(_AREA_GIVEN), next((m for rx in _SIDE_SAID for m in [p.search(rx)] if m), None)
    if not area or not side or not re.search(r"\brectang", p.t, re.I) or len(p.numbers) != 2 \
            or not same_word(area.group("u"), side.group("u")):
        return None
    said = "width" if side.group("side") in ("width", "wide") else "length"
    other = "width" if said == "length" else "length"
    asks = {"length": r"^(?:what is (?:its|the) length|how long is (?:it|the rectangle))\b",
            "width": r"^(?:what is (?:its|the) width|how wide is (?:it|the rectangle))\b"}[other]
    around = p.asks(r"^what is (?:its|the) perimeter\b|^how (?:long|far) is it around\b")
    if not p.asks(asks) and not around:
        return None
    b = Builder(p, "rectangle")
    unit = side.group("u")
    given = b.given(side, "s", unit)
    found = b.step("/", [b.given(area, "a", f"square {unit}"), given], unit,
                   f"What {other} times a {said} of {side.group('s')} {unit} gives an area of "
                   f"{area.group('a')} square {unit}?", kind="area_side")
    if around:   # the side found, then the way around: both sides twice
        both = b.step("+", [given, found], unit, f"How long are one {said} and one {other}, half the way round?")
        b.step("*", [both, b.fact(2, "", "2 of each side")], unit, "How far is it all the way around: two of each "
                                                                 "side?", kind="perimeter")
    return b.finish()


_SHAPE_SIDES = {"triangle": 3, "quadrilateral": 4, "trapezoid": 4, "trapezium": 4, "pentagon": 5, "hexagon": 6,
                "octagon": 8}
_SIDES_LISTED = re.compile(rf"\b(?:sides?|side lengths)(?: of| measuring| that measure| are| with lengths)? "
                           rf"(?P<list>{NUM}(?: ?[a-z]+)?(?:, {NUM}(?: ?[a-z]+)?)*,? and {NUM}(?: ?[a-z]+)?)")


def polygon_perimeter(p: Problem) -> Plan | None:
    """'A triangle has sides of 7 inches, 9 inches and 12 inches. What is its perimeter?' -> the sides added, only
    when as many are listed as the shape has (a triangle 3, a pentagon 5) and they share one unit."""
    shape = re.search(rf"\b(?P<s>{'|'.join(_SHAPE_SIDES)})\b", p.t, re.I)
    listed = p.search(_SIDES_LISTED)
    if not shape or not listed or not p.asks(r"^what is (?:its|the) perimeter\b|^how (?:long|far) is it around\b"):
        return None
    items = list(NUMBER.finditer(p.t, listed.start("list"), listed.end("list")))
    units = {unit_name(u) for u in re.findall(rf"{NUM} ?([a-z]+)", listed.group("list")) if u != "and"}
    if len(items) != _SHAPE_SIDES[shape.group("s").lower()] or len(units) > 1:
        return None
    unit = re.search(rf"{NUM} ?([a-z]+)", listed.group("list")).group(1) if units else ""
    b = Builder(p, "perimeter")
    b.step("+", [b.given(n, 0, unit) for n in items], unit, f"What do the {len(items)} sides, "
                                                            f"{listed.group('list')}, add up to?", kind="perimeter")
    return b.finish()


_REGULAR = re.compile(rf"\b(?:regular (?P<s>{'|'.join(_SHAPE_SIDES)})|(?P<sq>square)|equilateral (?P<tri>triangle))\b",
                      re.I)


def regular_perimeter(p: Problem) -> Plan | None:
    """'Each side of a regular hexagon is 8 cm long. What is its perimeter?' -> 6 equal sides, 6 x 8 cm: only a
    square, an equilateral triangle or a shape said to be regular, with one length in the text, its side."""
    shapes = list(p.finditer(_REGULAR, "all"))
    side = NUMBER.match(p.t, p.numbers[0][0]) if len(p.numbers) == 1 else None
    unit = re.match(r" ?([a-z]+)\b", p.t[side.end():]) if side else None
    if len(shapes) != 1 or not unit or not is_unit(unit.group(1)) or re.search(r"[$%/]", side.group()) \
            or re.search(r"\b(?:area|diagonal|radius|height|perimeter (?:is|of))\b", p.body, re.I) \
            or not p.asks(r"^what is (?:its|the) perimeter\b|^how (?:long|far) is it (?:all the way )?around\b"):
        return None
    shape = shapes[0].group("s") or shapes[0].group("sq") or shapes[0].group("tri")
    count = _SHAPE_SIDES.get(shape.lower(), 4)
    b = Builder(p, "perimeter")
    n = b.fact(count, "sides", f"a {shape.lower()} has {count} equal sides")
    b.step("*", [n, b.given(side, 0, unit.group(1))], unit.group(1), f"What do {count} equal sides of "
                                                                     f"{side.group()} {unit.group(1)} add up to?",
           kind="perimeter")
    return b.finish()


_EQUAL_PARTS = re.compile(r"\b(?:cut|divided|split|sliced) into (?P<n>\d+) equal (?P<part>[a-z]+)")
_TAKES_PARTS = re.compile(r"\b(?P<verb>eats?|ate|takes?|took|uses?|used|paints?|painted|colou?rs?|colou?red|"
                          r"shades?|shaded|sells?|sold) (?P<k>\d+) (?:of (?:the|them|those) )?(?P<part>[a-z]+)?")


_VERB_FAMILIES = [r"\b(?:eat|ate)", r"\b(?:take|took)", r"\buse", r"\bpaint", r"\bcolou?r", r"\bshade",
                  r"\b(?:sell|sold)"]


def fraction_of_parts(p: Problem) -> Plan | None:
    """'A pizza is cut into 8 equal slices. Sam eats 3 slices. What fraction of the pizza is left?' -> 8 - 3
    slices left, then 5 of the 8 equal slices is 5/8; 'What fraction did he eat?' is 3 of the 8."""
    parts, taken = p.search(_EQUAL_PARTS), p.search(_TAKES_PARTS)
    if not parts or not taken or len(p.numbers) != 2 or not p.asks(r"^what fraction\b") \
            or (taken.group("part") and not same_word(taken.group("part"), parts.group("part"))):
        return None
    left = p.asks(r"\b(?:left|remain\w*|not)\b")
    family = next(f for f in _VERB_FAMILIES if re.match(f, taken.group("verb")))
    names = set(re.findall(r"(?<=\w )[A-Z][a-z]+", p.question))
    if (not left and not re.search(family, p.question)) or not all(re.search(rf"\b{n}\b", p.body) for n in names):
        return None   # the question asks about neither the parts taken nor those left, or about someone else
    b = Builder(p, "fraction")
    n, k, part = b.given(parts, "n", parts.group("part")), b.given(taken, "k", parts.group("part")), parts.group("part")
    if b.value(k) > b.value(n):
        return None
    if left:
        k = b.step("-", [n, k], part, f"How many of the {parts.group('n')} {part} are left after "
                                      f"{taken.group('k')} are gone?")
    whole = re.search(r"\bfraction of (the [a-z]+)", p.question)
    b.step("/", [k, n], "", f"What fraction of {whole.group(1) if whole else 'the whole'} is {fmt(b.value(k))} of the "
                            f"{parts.group('n')} equal {part}?", kind="of_equal_parts")
    return b.finish()


# ----------------------------------------------------------------------------- a daily amount over weeks

_DAILY = re.compile(rf"(?P<a>{NUM}) (?P<u>[a-z]+)(?: of [a-z]+)? (?:every|each|a|per) day\b")
_WEEKS_ASKED = re.compile(rf"how (?:many (?P<u>[a-z]+)|much)\b.*\b(?:in|over|during|after) (?P<w>{NUM}) weeks?\?$",
                          re.I)
# Words that say the days are not all alike: 'on school days', 'from Monday to Friday', 'except Sundays'.
_SOME_DAYS = r"\b(?:weekdays?|weekends?|school|work|working|monday|tuesday|wednesday|thursday|friday|saturday|" \
             r"sunday|except|only|some|most|usually|sometimes|rest|off|skips?|skipped|days? a week|times a week)\b"


def daily_over_weeks(p: Problem) -> Plan | None:
    """'Mr. Diaz practices piano for 25 minutes every day. How many minutes does he practice in 2 weeks?' -> 2 weeks
    in days (2 x 7), then 25 minutes for each of those 14 days. Any word that sets some days apart abstains."""
    daily, asked = p.search(_DAILY), p.match_question(_WEEKS_ASKED)
    if not daily or not asked or len(p.numbers) != 2 or re.search(_SOME_DAYS, p.t, re.I) \
            or (asked.group("u") and not same_word(asked.group("u"), daily.group("u"))):
        return None
    b = Builder(p, "rate")
    unit, weeks = daily.group("u"), asked.group("w")
    days = b.step("*", [b.given(asked, "w", "weeks"), b.fact(7, "days", "7 days in a week")], "days",
                  f"How many days are in {weeks} week{'s' * (weeks != '1')}?", kind="convert")
    b.step("*", [days, b.given(daily, "a", unit, daily.group())], unit,
           f"How many {unit} is that in {fmt(b.value(days))} days, at {daily.group('a')} {unit} every day?")
    return b.finish()


# A rate over seconds, minutes or hours ('240 pages in 8 minutes', '45 bottles every minute') and a question in the
# next larger unit ('in 2 hours'): one factor of 60 (or 24) converts, nothing else is assumed.
_TIMED_RATE = re.compile(rf"(?P<a>{NUM}) (?P<n>[a-z]+)(?: of [a-z]+)? (?:(?:in|every) (?P<t>{NUM}) (?P<u>second|"
                         r"minute|hour)s?|(?:every|each|a|per) (?P<u1>second|minute|hour))\b")
_LARGER_ASKED = re.compile(rf"how many (?P<n>[a-z]+)\b[^.?]*\b(?:in|over|during)"
                           rf" (?P<w>{NUM}) (?P<u>minute|hour|day)s?\?$", re.I)
_NEXT_UNIT = {("second", "minute"): 60, ("minute", "hour"): 60, ("hour", "day"): 24}
# Words that say the rate does not hold all the time: breaks, stops, a slower start.
_UNEVEN = r"\b(?:breaks?|stops?|rests?|pauses?|slows?|faster|slower|first|then|after|only|each day|a day)\b"


def rate_other_time(p: Problem) -> Plan | None:
    """'A printer prints 240 pages in 8 minutes. How many pages does it print in 1 hour?' -> 1 hour in minutes
    (1 x 60), the pages in 1 minute (240 / 8), then 30 pages for each of those 60 minutes."""
    rate, asked = p.search(_TIMED_RATE), p.match_question(_LARGER_ASKED)
    if not rate or not asked or re.search(_UNEVEN, p.t, re.I) or not same_word(asked.group("n"), rate.group("n")):
        return None
    small, large = rate.group("u") or rate.group("u1"), asked.group("u").lower()
    factor = _NEXT_UNIT.get((small, large))
    if factor is None or len(p.numbers) != 2 + bool(rate.group("t")):
        return None
    b, noun, count = Builder(p, "rate"), rate.group("n"), asked.group("w")
    smalls = b.step("*", [b.given(asked, "w", f"{large}s"), b.fact(factor, f"{small}s", f"{factor} {small}s in a "
                                                                                         f"{large}")],
                    f"{small}s", f"How many {small}s are in {count} {large}{'s' * (count != '1')}?", kind="convert")
    per = b.given(rate, "a", noun)
    if rate.group("t"):
        per = b.step("/", [per, b.given(rate, "t", f"{small}s")], noun,
                     f"How many {noun} in 1 {small}, at {rate.group('a')} {noun} in {rate.group('t')} {small}s?",
                     kind="rate")
    b.step("*", [per, smalls], noun, f"How many {noun} in {fmt(b.value(smalls))} {small}s, at "
                                     f"{fmt(b.value(per))} {noun} every {small}?")
    return b.finish()


# Some set apart, the rest shared: 'Dara had 50 stickers. She kept 14 and shared the rest equally among 4 friends.'
_HAD_AMOUNT = re.compile(r"\b(?:had|has|have|bought|buys|picked|picks|collected|collects|baked|bakes|made|makes) "
                         r"(?P<a>\$?\d+) (?P<u>[a-z]+)\b")
_SET_APART = re.compile(r"\b(?:kept|keeps|ate|eats|used|uses|gave away|gives away|set aside|sets aside|put aside|"
                        r"puts aside|saved|saves|sold|sells) (?P<k>\$?\d+)(?: (?P<u>[a-z]+)| of them)? and (?:then )?"
                        r"(?:shared|shares|divided|divides|split|splits|gave|gives) the rest (?:of (?:them|it) )?"
                        r"(?:equally |evenly )?(?:among|between|to|with) (?:her |his |their )?(?P<n>\d+) "
                        r"(?P<who>[a-z]+)\b")
_EACH_GETS = re.compile(r"how (?:many (?P<u>[a-z]+)|much(?: (?P<m>money))?) (?:does|do|did|will|would) each "
                        r"(?P<who>[a-z]+) (?:get|receive|have)\b", re.I)


def rest_shared(p: Problem) -> Plan | None:
    """'Dara had 50 stickers. She kept 14 and shared the rest equally among 4 friends. How many stickers did each
    friend get?' -> the rest (50 - 14), then that rest in 4 equal shares (only when they come out whole)."""
    had, apart, asked = p.search(_HAD_AMOUNT), p.search(_SET_APART), p.match_question(_EACH_GETS)
    if not had or not apart or not asked or len(p.numbers) != 3 or not same_word(asked.group("who"),
                                                                                  apart.group("who")):
        return None
    money = had.group("a").startswith("$")
    what = "dollars" if money else had.group("u")
    if (apart.group("u") and not same_word(apart.group("u"), what)) or \
            (not money and not same_word(asked.group("u"), what)) or (money and asked.group("u")):
        return None
    b = Builder(p, "sharing")
    whole = b.given(had, "a", what, had.group("a") if money else f"{had.group('a')} {what}")
    rest = b.step("-", [whole, b.given(apart, "k", what)], what,
                  f"How many {what} are left to share after {apart.group('k')} are set apart?"
                  if not money else f"How much money is left to share after {apart.group('k')} is set apart?")
    share = b.step("/", [rest, b.given(apart, "n", apart.group("who"))], what,
                   f"How much is each share when {fmt(b.value(rest))} {what} are shared equally among "
                   f"{apart.group('n')} {apart.group('who')}?")
    return b.finish() if money or b.value(share).denominator == 1 else None   # whole things share out whole


# Parts of one whole said one by one: 'read 1/4 of a book on Monday and 1/3 of it on Tuesday'.
_FRACTION_PART = re.compile(r"(?P<f>\d+/\d+) of (?:a|an|the|it|her|his|their|this|that)\b")
_FRACTION_TOGETHER = re.compile(r"what fraction (?:of (?:the |a |an |her |his |their )?(?P<w>[a-z]+)\b)?[^?]*\b"
                                r"(?:altogether|in all|together|in total|combined)\?$", re.I)
_WHOLE_NAMED = re.compile(r"\s*([a-z]+)")   # '1/4 of a pizza': the whole the question leaves unsaid


def fraction_sum(p: Problem) -> Plan | None:
    """'Kim read 1/4 of a book on Monday and 1/3 of it on Tuesday. What fraction of the book did she read
    altogether?' -> 1/4 + 1/3 = 7/12 (never more than the whole)."""
    asked, parts = p.match_question(_FRACTION_TOGETHER), list(p.finditer(_FRACTION_PART))
    named = _WHOLE_NAMED.match(p.t, parts[0].end()) if parts and not parts[0].group().endswith(" it") else None
    whole = asked and (asked.group("w") or (named.group(1) if named else ""))
    if not asked or len(parts) < 2 or len(parts) != len(p.numbers) or not whole or not mentions(p.body, whole):
        return None
    b = Builder(p, "fraction_of")
    total, said = b.given(parts[0], "f", ""), parts[0].group("f")
    for part in parts[1:]:
        total = b.step("+", [total, b.given(part, "f", "")], "", f"What fraction of the {whole} is "
                       f"{said} and {part.group('f')} together?")
        said = shown_first(b.value(total))
    return b.finish() if b.value(total) <= 1 else None


# ----------------------------------------------------------------------------- a list of data: range and median

def _data(p: Problem, b: Builder) -> list[re.Match] | None:
    """The numbers of a data list ('14, 22, 9, 31, 17', '142 cm, 155 cm and 138 cm'): at least three, each with
    the same unit or none, and no other number in the text but how many there are ('five plants', checked)."""
    found = [NUMBER.match(p.t, s) for s, _ in p.numbers]
    count = found[0] if found and re.match(r" [a-z]+ (?!(?:cm|m|kg|g|in)\b)", p.t[found[0].end():]) else None
    if count:
        found = found[1:]
        if number_value(count.group()) != len(found):
            return None
        b.given(count, 0, "values", f"{count.group()} values")
    units = {unit.group(1) if (unit := re.match(r" ?([a-z]+)", p.t[m.end():])) else None for m in found}
    if len(found) < 3 or any(re.search(r"[%/$]", m.group()) for m in found):
        return None
    if len(units) > 1 and not units <= {None, "and", "on", "in"} and len(units - {"and", None}) > 1:
        return None
    return found


def data_range(p: Problem) -> Plan | None:
    """'What is the range of ...': the greatest value minus the least."""
    b = Builder(p, "range")
    found = _data(p, b) if p.asks(r"\brange\b") else None
    if not found:
        return None
    refs = [b.given(m, 0, "") for m in found]
    values = [b.value(r) for r in refs]
    high, low = refs[values.index(max(values))], refs[values.index(min(values))]
    what = re.search(r"\brange of (?:the |their |his |her |these )?(?P<w>[a-z]+)", p.question)
    noun = stem(what.group("w")) if what and what.group("w") not in ("data", "numbers", "set") else "value"
    b.step("-", [high, low], "", f"What is the greatest {noun} minus the least {noun}?")
    return b.finish()


def median(p: Problem) -> Plan | None:
    """'What is the median ...' of an even number of values: the two middle values of the ordered list, added and
    halved (an odd list has no arithmetic step: its middle value is read off)."""
    b = Builder(p, "median")
    found = _data(p, b) if p.asks(r"\bmedian\b") else None
    if not found or len(found) % 2:
        return None
    refs = sorted((b.given(m, 0, "") for m in found), key=b.value)
    middle = refs[len(refs) // 2 - 1: len(refs) // 2 + 1]
    both = b.step("+", middle, "", "Put the values in order. What do the two middle values add up to?")
    b.step("/", [both, b.fact(2, "", "2 middle values")], "", "What is halfway between the two middle values?")
    return b.finish()
