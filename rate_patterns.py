"""The planner's readers of rates a story states outright: one small function per structure, each placing every
number or abstaining.

- a rate per a number of units ('6 litres per 100 km', '$9 for every 100 cm', '30 grams per 100 square metres')
  asked for another amount of those units ('for 450 km', 'on a 350 km trip'): how many lots of 100 km the amount
  holds, then that many of the rate's amount;
- prices by kind ('$14 for each adult and $8 for each child', 'Pens sell for $1.50 and notebooks for $2.25',
  'a big ride costs 3 tokens') met by a count of each kind ('2 adults and 3 children'): each kind's cost, then the
  costs added;
- a rate over a period ('puts $6 in every week', 'reads 25 pages a day', 'fills at 12 litres per minute') for a
  number of periods ('for 9 weeks', 'After 8 days'), from a whole it comes out of ('A novel has 320 pages') or
  added to, with one-off changes after it ('then spends $35', 'sells 50 of them'): the rate times the periods,
  then each amount added or taken away in turn;
- a group of two kinds at one price ('23 students and 2 teachers ... Tickets cost $7 each'): everyone, then the
  price each; and rates in a chain ('$9 an hour', '7 hours a day', 'for 4 days'): the hours, then the pay.
Apart from quantity_patterns.py, whose tracker reads a story one phrasing at a time; a plan from both must agree
(solver.py abstains on two answers).
"""
from __future__ import annotations

import re
from fractions import Fraction

from parts_patterns import IRREGULAR, singular
from wordproblem import (NAME, NUM, PRONOUNS, Builder, Plan, Problem, Ref, fmt, number_value, same_word, stem,
                         whole_count)

# ----------------------------------------------------------------------------- a rate per a number of units

_PER_LOT = re.compile(rf"(?P<a>{NUM})(?: (?P<u>[a-z]+))?(?: of (?P<stuff>[a-z]+))? (?:per|for every|every|for each|"
                      rf"in every|each) (?P<n>\d+) (?P<v>(?:square |cubic )?[a-z]+)\b")
_LOT_ASKED = r"(?P<c>\d+(?:\.\d+)?)[ -]{v}\b"
_NOT_A_LOT = r"\b(?:more|less|fewer|than|left|then|after|already|extra|discount|off|%|half|twice)\b"


def per_lot(p: Problem) -> Plan | None:
    """'A car uses 6 litres of petrol per 100 km. How much petrol does it need for 450 km?' -> 450 / 100 = 4.5 lots
    of 100 km, then 4.5 x 6 litres."""
    rate = p.search(_PER_LOT)
    if not rate or len(p.numbers) != 3 or re.search(_NOT_A_LOT, p.t, re.I) or rate.group("n") == "1":
        return None
    v = rate.group("v")
    asked = p.search(re.compile(_LOT_ASKED.format(v=re.escape(v) + "s?" if " " not in v else re.escape(v))),
                     "question") or p.search(re.compile(_LOT_ASKED.format(v=rf"{v.split()[0]} {stem(v.split()[-1])}"
                                                                           r"\w*")), "question")
    money = rate.group("a").startswith("$")
    unit = "dollars" if money else rate.group("u") or ""
    said = p.match_question(re.compile(r"how (?:much|many) (?P<w>[a-z]+)", re.I))
    wanted = money and p.asks(r"^how much\b(?! [a-z]+ (?:is|are|was|were|does|do|did|will))|\bcost\b") or \
        said is not None and (same_word(said.group("w"), unit) or said.group("w") == rate.group("stuff"))
    if not asked or not wanted or not unit or same_word(unit, v.split()[-1]):
        return None   # ('2 cups of rice for every 3 cups of water' pairs two stuffs: for_every's)
    b = Builder(p, "rate")
    lot = f"{rate.group('n')} {v}"
    lots = b.step("/", [b.given(asked, "c", v), b.given(rate, "n", v)], f"lots of {lot}",
                  f"How many lots of {lot} are in {asked.group('c')} {v}?")
    b.step("*", [lots, b.given(rate, "a", unit)], unit,
           f"How {'much' if money or rate.group('stuff') else 'many ' + unit} for {fmt(b.value(lots))} lots of {lot}, "
           f"at {rate.group('a')}{'' if money else ' ' + unit} each?", kind="rate")
    return b.finish()


# ----------------------------------------------------------------------------- prices by kind, counts of each kind

_PRICE = r"(?P<price>\$\d+(?:\.\d+)?|(?P<p>\d+(?:\.\d+)?) (?:cents|tokens|points|credits|coins|tickets))"
_KIND = r"(?P<kind>(?:(?!(?:a|an|the|each|one|every|per|and|for|is|are|costs?|sells?)\b)[A-Za-z-]+ ){0,2}?" \
        r"(?!(?:a|an|the|each|one|every|per|and|for|is|are)\b)[A-Za-z-]+)"
_PRICED = [re.compile(rf"\b{_KIND} (?:costs?|is|are|sells? for|sold for|priced at|for) {_PRICE}(?: each| apiece)?"),
           re.compile(rf"{_PRICE} (?:for|per|a) (?:each |an? |one |every )?{_KIND}\b"),
           # an amount by kind that is no price: 'Small boxes hold 6 eggs', 'cars have 4 wheels'
           re.compile(rf"\b{_KIND} (?:holds?|has|have|contains?|carr(?:y|ies)|seats?) (?P<price>(?P<p>\d+) [a-z]+)\b")]
# a count and its kind: '4 big rides', '5 child tickets'; a plural ends it ('3 adults and', '3 children go')
_HOW_MANY_KIND = re.compile(r"(?P<n>\d+) (?P<kind>(?:(?!children\b|people\b)[a-z-]*[a-rt-z-] )?[a-z-]+)")
_TOTAL_ASKED = r"^(?:how much|what)\b[^?]*\b(?:pay|paid|cost|spend|spent|collect|collected|take in|earn|make|made)\b|" \
               r"^how many (?:cents|tokens|points|credits|coins|tickets)\b[^?]*\b(?:use|spend|need|pay|cost)"
_NOT_PRICES = r"\b(?:left|change|more|fewer|less|than|discount|off|free|tax|tip|half|save|saves|instead|only|" \
              r"except|if|per person|twice|profit|loss|%)\b|/"


def _words(kind: str) -> list[str]:
    """A kind's words as one form, whichever number it is said in ('a cookie' and '4 cookies': cooky)."""
    return [singular(w if w.endswith("s") or w in IRREGULAR else f"{w}s") for w in kind.lower().split()
            if w not in ("a", "an", "the", "one")]


def priced_kinds(p: Problem) -> Plan | None:
    """'Entry costs $14 for each adult and $8 for each child. A family of 2 adults and 3 children visits. How much
    do they pay in total?' -> 2 x $14, 3 x $8, then the two costs added."""
    if re.search(_NOT_PRICES, p.t, re.I):
        return None
    prices = sorted({m.span("price"): m for rx in _PRICED for m in p.finditer(rx, "all")}.values(),
                    key=lambda m: m.start("price"))
    kinds = [_words(m.group("kind")) for m in prices]
    shared = set.intersection(*map(set, kinds)) if len(kinds) >= 2 else set()
    keys = [[w for w in k if w not in shared] for k in kinds]   # 'adult ticket', 'child ticket': adult, child
    if len(prices) < 2 or any(not k for k in keys) or len({tuple(k) for k in keys}) != len(keys):
        return None
    priced = {m.span("price" if m.group("price").startswith("$") else "p") for m in prices}
    counts = [m for m in p.finditer(_HOW_MANY_KIND, "all") if m.span("n") in set(p.numbers) - priced]
    pairs = []
    for price, key in zip(prices, keys):
        meets = [c for c in counts if set(key) <= set(_words(c.group("kind")))]
        if len(meets) != 1:
            return None
        pairs.append((price, meets[0]))
    if len(pairs) + len(prices) != len(p.numbers) or len({c.start() for _, c in pairs}) != len(pairs):
        return None   # every number a price or a count, each count met by one price
    b = Builder(p, "shopping")
    money = prices[0].group("price").startswith("$")
    unit = "dollars" if money else prices[0].group("price").split()[-1]
    if any(m.group("price").startswith("$") != money or not m.group("price").endswith(unit) and not money
           for m in prices) or not p.asks(_TOTAL_ASKED) and not p.asks(rf"^how many {unit}\b"):
        return None   # prices in two units, or a question that asks no total
    total: Ref | None = None
    for price, count in pairs:
        each = price.group("price")
        amount = b.given(price, "price" if money else "p", unit, each)
        cost = b.step("*", [b.given(count, "n", count.group("kind")), amount], unit,
                      f"How much do {count.group()} cost at {each} each?")
        total = cost if total is None else b.step("+", [total, cost], unit, f"How much is {_said(b.value(total), unit)}"
                                                  f" and {_said(b.value(cost), unit)} together?")
    return b.finish()


# ----------------------------------------------------------------------------- a rate over a number of periods

_PERIOD = r"(?P<per>day|week|month|year|hour|minute|second)"
_ADDS = r"saves?|saved|puts?|earns?|earned|collects?|collected|gets?|got|receives?|received|adds?|added|fills?|" \
        r"filled|grows?|grew|makes?|made|bakes?|baked|picks?|picked|sets? aside|puts? aside|puts? away"
_TAKES = r"reads?|uses?|used|eats?|ate|drinks?|drank|spends?|spent|sells?|sold|gives? away|gave away|takes? away|" \
         r"took away|takes?|took|loses?|lost|walks?|walked|runs?|ran|drives?|drove|burns?|burned|pays?|paid|drains?|" \
         r"drained|leaks?|leaked|removes?|removed|ships?|shipped|delivers?|delivered"
_RATE_SAID = re.compile(rf"\b(?P<verb>{_ADDS}|{_TAKES})(?: at)? (?P<a>{NUM})(?: (?P<u>[a-z]+))?[^.?!\d]*? "
                        rf"(?P<each>every|each|a|an|per) {_PERIOD}\b|"
                        rf"\b(?:[Ee]very|[Ee]ach) {_PERIOD.replace('per', 'per2')}"
                        rf",? [^.?!\d]*?\b(?P<verb2>{_ADDS}|{_TAKES}) (?P<a2>{NUM})(?: (?P<u2>[a-z]+))?|"
                        rf"(?P<a3>{NUM})(?: (?P<u3>[a-z]+))?(?: of [a-z]+)? (?:are|is|get|gets) "
                        rf"(?P<verb3>{_ADDS}|{_TAKES})(?: out| away)? "
                        rf"(?P<each3>every|each|a|an|per) {_PERIOD.replace('per', 'per3')}\b")   # passive
_PERIODS = re.compile(r"\b(?:for|after|in|over|After|In|For|Over) (?P<d>\d+) (?P<pers>days|weeks|months|years|hours|"
                      r"minutes|seconds)\b")
_WHOLE_SAID = re.compile(rf"\b(?:has|had|holds|held|contains|is|was|are|were|has to|needs to|must|wants to|plans to|"
                         rf"starts with|started with|begins with|began with)"
                         rf"(?: [a-z]+)? (?P<w>{NUM})(?: (?P<wu>[a-z]+))?|\b[Tt]here (?:are|were|is|was) (?P<w2>{NUM})"
                         rf"(?: (?P<wu2>[a-z]+))?|\b(?:[Aa]|[Aa]n|[Tt]he) (?P<w3>\d+)-(?P<wu3>[a-z]+) ")   # a 300-page
_ONCE = re.compile(rf"\b(?P<verb>{_ADDS}|{_TAKES}|(?:is|are|were|was) (?:drained|used|taken|sold|eaten|spilled)"
                   rf"(?: out)?)(?: (?:a|an|the) [a-z]+ for| [a-z]+ for| for)? (?P<a>{NUM})(?: (?P<u>[a-z]+))?"
                   rf"|(?P<a2>{NUM})(?: (?P<u2>[a-z]+))? (?:are|were|is|was) (?P<verb2>drained|used|taken|sold|eaten|"
                   rf"spilled|spent|added)(?: out| away)?\b|\b(?P<verb3>buys?|bought|pays?|paid)(?: [a-z]+){{0,3}} for "
                   rf"(?P<a3>\$\d+(?:\.\d+)?)")
# ... or what the amount will be by then: 'How much will she have after 8 weeks?', of a story of one person only
# ('Eli has $35. Ana saves $8 each week.' says nothing of what Eli will have)
_LEFT_ASKED = r"\b(?:left|remain|remaining|remains|still|now|in the [a-z]+|on the [a-z]+)\b"
_WILL_HAVE = r"\bwill (?:she|he|they|it|[A-Z][a-z]+) have (?:after|in)\b"


def _adds(verb: str) -> bool:
    return re.fullmatch(_ADDS, verb.lower()) is not None or verb.endswith("added")


def _said(value: Fraction, unit: str) -> str:
    return f"${fmt(value)}" if unit == "dollars" else f"{fmt(value)} {unit}".strip()


def rate_over_periods(p: Problem) -> Plan | None:
    """'A novel has 320 pages. Carla reads 25 pages every day. How many pages are left to read after 8 days?' ->
    25 x 8 pages read, then 320 - 200; 'puts $6 in every week. After 9 weeks she buys a game for $35.' -> 6 x 9,
    then 54 - 35."""
    rate = p.search(_RATE_SAID, "all")
    periods = list(p.finditer(_PERIODS, "all"))
    names = {w for w in re.findall(NAME, p.t) if w not in PRONOUNS}
    by_then = p.asks(_WILL_HAVE) and len(names) <= 1
    if not rate or len(periods) != 1 or not (p.asks(_LEFT_ASKED) or by_then) or not p.asks(r"^how (?:much|many)\b") \
            or re.search(r"/|%", p.t):
        return None   # (a fraction or a percent of an amount is another step: 'spends half of it')
    first = next(k for k in ("", "2", "3") if rate.group("a" + k))
    per, d = rate.group("per" + first), periods[0]
    if not same_word(per, d.group("pers")):
        return None
    b = Builder(p, "story")
    unit = "dollars" if rate.group("a" + first).startswith("$") else rate.group("u" + first) or ""
    adds = _adds(rate.group("verb" + first))
    each = _said(number_value(rate.group("a" + first)), unit)
    made = b.step("*", [b.given(rate, "a" + first, unit), b.given(d, "d", d.group("pers"))], unit,
                  f"How {'much' if unit == 'dollars' else 'many ' + unit} in {d.group('d')} {d.group('pers')}, at "
                  f"{each} {rate.group('each' + first) if first != '2' else 'every'} {per}?", kind="rate")
    whole = next((w for w in p.finditer(_WHOLE_SAID, "all") if w.end() <= rate.start() or w.start() >= rate.end()),
                 None)   # 'from a pond that holds 900 litres' may come after the rate
    now: Ref = made
    if whole is not None:
        key = next(k for k in ("w", "w2", "w3") if whole.group(k))
        start = b.given(whole, key, unit)
        ask = (f"How much is {_said(b.value(start), unit)} with {_said(b.value(made), unit)} more?" if adds else
               f"How much is left of {_said(b.value(start), unit)} once {_said(b.value(made), unit)} are gone?")
        now = b.step("+" if adds else "-", [start, made], unit, ask)
    elif not adds:
        return None   # a taking over the days needs a whole to come out of
    for once in p.finditer(_ONCE, "all"):
        if once.start() <= rate.end() or once.start() in (d.start("d"), rate.start("a" + first)):
            continue
        key = next(k for k in ("", "2", "3") if once.group("a" + k))
        said = once.group("u" + key) if key != "3" else None
        if once.group("a" + key).startswith("$") != (unit == "dollars") \
                or unit != "dollars" and said not in (None, "of") and not same_word(said, unit):
            return None   # a one-off change of something else
        plus = key != "3" and _adds(once.group("verb" + key))
        amount = b.given(once, "a" + key, unit)
        ask = (f"How much is {_said(b.value(now), unit)} with {_said(b.value(amount), unit)} more?" if plus else
               f"How much is left of {_said(b.value(now), unit)} once {_said(b.value(amount), unit)} is taken away?")
        now = b.step("+" if plus else "-", [now, amount], unit, ask)
    if b.value(now) < 0:
        return None
    if unit not in ("dollars", "kg", "g", "m", "km", "l", "litres", "liters", "ml", "cm"):
        whole_count(b.value(now))
    return b.finish()


# ----------------------------------------------------------------------------- simple interest

_PRINCIPAL = re.compile(r"(?P<a>\$\d+(?:\.\d+)?)(?! (?:a|per|each|every) )")
_YEARLY_RATE = re.compile(r"(?P<r>\d+(?:\.\d+)?%)(?: simple interest)?(?: (?:per|a|each|every) (?:year|annum)|"
                          r" yearly| annually| per annum)?")
_YEARS = re.compile(r"\b(?P<y>\d+) years?\b")
_INTEREST_ASKED = r"^(?:how much (?:simple )?interest\b|what (?:is|was|will be) the (?:simple )?interest\b|find " \
                  r"the simple interest\b)"
_BALANCE_ASKED = r"^(?:how much (?:money )?(?:is|will be|will there be) in (?:the|his|her|their) account|what will " \
               r"(?:his|her|their) total be|how much will (?:he|she|they) have (?:in all|altogether|in total)|" \
               r"how much (?:money )?will (?:he|she|they) have)\b"


def simple_interest(p: Problem) -> Plan | None:
    """'Mr. Lee puts $500 in a bank that pays 4% simple interest per year. How much interest does he earn in 3
    years?' -> 4% of $500 is one year's interest, then 3 years of it (and the $500 added back when the question asks
    for the money in the account). Only 'simple interest' said outright, a yearly rate and a time in years: a
    compound rate, or a rate per month, is another calculation."""
    if not re.search(r"\bsimple interest\b", p.t, re.I) or len(p.numbers) != 3:
        return None
    principal, rate, years = p.search(_PRINCIPAL, "all"), p.search(_YEARLY_RATE, "all"), p.search(_YEARS, "all")
    total = p.asks(_BALANCE_ASKED)
    if not principal or not rate or not years or not (total or p.asks(_INTEREST_ASKED)) \
            or not re.search(r"\b(?:per|a|each|every) (?:year|annum)\b|\byearly\b|\bannual(?:ly)?\b|\bper annum\b",
                             p.t, re.I) or re.search(r"\b(?:month|months|week|weeks|compound|compounded)\b", p.t, re.I):
        return None
    b = Builder(p, "interest")
    owed = principal.group("a")
    one = b.step("*", [b.given(principal, "a", "dollars"), b.given(rate, "r", "percent")], "dollars",
                 f"What is one year's interest, {rate.group('r')} of {owed}?", kind="percent")
    n = years.group("y")
    interest = b.step("*", [one, b.given(years, "y", "years")], "dollars",
                      f"How much interest is ${fmt(b.value(one))} a year for {n} years?")
    if total:
        b.step("+", [b.given(principal, "a", "dollars"), interest], "dollars",
               f"How much is the {owed} put in and the interest it earned together?")
    return b.finish()


# ----------------------------------------------------------------------------- groups of groups

_HOLD = r"(?:has|have|holds|hold|contains|contain|carries|carry|fits|is packed with)"
_EACH_HOLDS = re.compile(rf"\b(?:each|every) (?P<g>[a-z]+) {_HOLD} (?P<k>\d+) (?P<h>[a-z]+)"
                         rf"(?: of (?P<m>\d+) (?P<i>[a-z]+))?", re.I)
_OF_OF = re.compile(r"\b(?P<n>\d+) (?P<g>[a-z]+) of (?P<k>\d+) (?P<h>[a-z]+) of (?P<m>\d+) (?P<i>[a-z]+)")
_COUNTED = re.compile(r"\b(?P<n>\d+) (?P<g>[a-z]+)\b")
_NOT_NESTED = r"\b(?:more|less|fewer|than|left|rest|remain\w*|extra|except|empty|broken|sold|gave|give|lost|each day)\b"


def nested_groups(p: Problem) -> Plan | None:
    """'There are 5 boxes. Each box has 6 rows of 4 eggs.', 'each crate holds 8 packs ... each pack holds 6', '3
    crates of 8 packs of 6 bottles' -> 5 x 6 rows, then 30 rows x 4 eggs. Three numbers, each a level of one
    nesting, and the question asks for the innermost things."""
    if len(p.numbers) != 3 or re.search(_NOT_NESTED, p.t, re.I) or "$" in p.t or "%" in p.t:
        return None
    said = p.search(_OF_OF, "all")
    if said:
        outer, inner, (n, g, k, h, m, i) = said, said, ("n", "g", "k", "h", "m", "i")
    else:
        holds = list(p.finditer(_EACH_HOLDS, "all"))
        if len(holds) == 1 and holds[0].group("m"):
            outer, inner = holds[0], holds[0]
        elif len(holds) == 2 and not any(x.group("m") for x in holds) and same_word(holds[0].group("h"),
                                                                                        holds[1].group("g")):
            outer, inner = holds
        else:
            return None
        g = outer.group("g")
        said = next((c for c in p.finditer(_COUNTED, "all") if same_word(c.group("g"), g)
                     and c.start() not in (outer.start("k"), inner.start("m" if inner is outer else "k"))), None)
        if not said:
            return None
        n, k, h = "n", "k", "h"
        m, i = ("m", "i") if inner is outer else ("k", "h")
    count, size, small = (said, n), (outer, k), (inner, m)
    things, rows, groups = small[0].group(i), size[0].group(h), said.group("g")
    if not p.asks_for(things):
        return None
    b = Builder(p, "equal_groups")
    many = b.step("*", [b.given(*count, groups), b.given(*size, rows)], rows,
                  f"How many {rows} are in {said.group(n)} {groups} of {size[0].group(k)} {rows}?")
    b.step("*", [many, b.given(*small, things)], things,
           f"How many {things} are in {fmt(b.value(many))} {rows} of {small[0].group(m)} {things}?")
    return b.finish()


# ----------------------------------------------------------------------------- groups made, then so many for each

_MADE_INTO = re.compile(r"\b(?P<a>\d+) (?P<i>[a-z]+) (?:are |were )?(?:(?:split|put|placed|divided|sorted|arranged) )?"
                        r"(?:into|in) (?:equal )?(?P<g>[a-z]+) of (?P<b>\d+)\b")
_FOR_EACH = re.compile(r"\b(?:[Ee]ach|[Ee]very) (?P<g>[a-z]+) (?:gets|needs|receives|is given|will get|will need|uses) "
                       r"(?P<k>\d+) (?P<x>[a-z]+)")


def groups_then_each(p: Problem) -> Plan | None:
    """'A coach splits 24 players into teams of 4. Each team gets 3 balls. How many balls are needed?' -> 24 / 4
    teams, then 3 balls for each of the 6 teams."""
    made, each = p.search(_MADE_INTO), p.search(_FOR_EACH)
    if len(p.numbers) != 3 or not made or not each or not same_word(made.group("g"), each.group("g")) \
            or not p.asks_for(each.group("x")) or re.search(r"\b(?:more|left|than|extra|spare)\b", p.t, re.I):
        return None
    g, i, x = made.group("g"), made.group("i"), each.group("x")
    b = Builder(p, "equal_groups")
    groups = b.step("/", [b.given(made, "a", i), b.given(made, "b", i)], g,
                    f"How many {g} of {made.group('b')} can {made.group('a')} {i} make?")
    whole_count(b.value(groups))
    b.step("*", [groups, b.given(each, "k", x)], x,
           f"How many {x} for {fmt(b.value(groups))} {g}, {each.group('k')} for each {each.group('g')}?")
    return b.finish()


# ----------------------------------------------------------------------------- a group of two kinds, one price each

_TWO_KINDS = re.compile(rf"(?:^|[.!] )(?P<a>\d+) (?P<x>[a-z]+) and (?P<b>\d+) (?P<y>[a-z]+) (?:go|went|visit|visited|"
                        rf"take|took|ride|rode|attend|attended|buy|bought|need|needed|join|joined|are going)\b")
_ONE_PRICE = re.compile(r"\b(?:(?:tickets?|entry|admission|a ticket|each ticket|a seat) (?:costs?|is|was) "
                        r"(?P<p>\$\d+(?:\.\d+)?)(?: each| per person| a person| per ticket)?|"
                        r"(?P<q>\$\d+(?:\.\d+)?) (?:each|per person|a person|per ticket|a ticket))\b", re.I)


def group_priced(p: Problem) -> Plan | None:
    """'23 students and 2 teachers go to a museum. Tickets cost $7 each. How much do the tickets cost?': everyone
    counted first (23 + 2), then one price each; a second price or any other number leaves it to other readers."""
    kinds, price = p.search(_TWO_KINDS), p.search(_ONE_PRICE)
    if not kinds or not price or len(p.numbers) != 3 or not p.asks(r"^how much\b|\b(?:cost|costs|pay|spend)\b") \
            or same_word(kinds.group("x"), kinds.group("y")):
        return None
    b = Builder(p, "story")
    everyone = b.step("+", [b.given(kinds, "a", kinds.group("x")), b.given(kinds, "b", kinds.group("y"))], "people",
                      f"How many people are {kinds.group('a')} {kinds.group('x')} and {kinds.group('b')} "
                      f"{kinds.group('y')} together?")
    said = "p" if price.group("p") else "q"
    b.step("*", [everyone, b.given(price, said, "dollars")], "dollars",
           f"How much do tickets for all of them cost at {price.group(said)} each?")
    return b.finish()


# ----------------------------------------------------------------------------- rates in a chain

_TIMES = r"minutes?|hours?|days?|weeks?|months?"
_CHAIN_RATE = re.compile(rf"(?P<a>\$?\d+(?:\.\d+)?)(?: (?P<u>{_TIMES}))? (?:an?|per|each|every) (?P<per>{_TIMES})\b")
_CHAIN_COUNT = re.compile(rf"\b(?:for|in|over) (?P<n>\d+) (?P<u>{_TIMES})\b")


def rate_chain(p: Problem) -> Plan | None:
    """'She earns $9 an hour. She works 7 hours a day for 4 days. How much does she earn?': the days at 7 hours a
    day are 28 hours, and 28 hours at $9 an hour the pay. Two rates whose units chain ($ per hour, hours per day)
    and one count of the last unit, each number read once, nothing else in the story."""
    rates, counts = list(p.finditer(_CHAIN_RATE, "all")), list(p.finditer(_CHAIN_COUNT, "all"))
    if len(rates) != 2 or len(counts) != 1 or len(p.numbers) != 3 \
            or re.search(r"\b(?:more|fewer|less|than|left|spent|spends|each of|%|half|twice|except|off)\b", p.t, re.I):
        return None
    money = [r for r in rates if r.group("a").startswith("$")]
    time = [r for r in rates if r.group("u")]
    if len(money) != 1 or len(time) != 1 or not same_word(money[0].group("per"), time[0].group("u")) \
            or not same_word(time[0].group("per"), counts[0].group("u")) or not p.asks(r"^how much\b") \
            or not p.asks(r"\b(?:earn|earns|earned|make|makes|made|get|gets|got|paid|pay|cost|costs|charge|charges)\b"):
        return None
    pay, hours, count = money[0], time[0], counts[0]
    b = Builder(p, "story")
    unit = hours.group("u")
    total = b.step("*", [b.given(count, "n", count.group("u")), b.given(hours, "a", f"{unit} per {hours.group('per')}",
                                                                         hours.group())],
                   unit, f"How many {unit} are {count.group('n')} {count.group('u')} at {hours.group()}?", kind="rate")
    b.step("*", [total, b.given(pay, "a", f"dollars per {pay.group('per')}", pay.group())], "dollars",
           f"How much money is {fmt(b.value(total))} {unit} at {pay.group()}?", kind="rate")
    return b.finish()
