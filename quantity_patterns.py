"""The planner's general reader: a quantity tracker that reads a story number by number instead of one phrasing.

Each number of the text is read where it stands: an amount of something ('25 pencils', '$14', '87 in the morning',
'5 of them'), a rate ('25 pencils in every box', '$1.20 per pound', '$12 each', 'Each shelf holds 40 books'), a
count of groups that a rate multiplies ('14 boxes'), or an amount said against the one before it ('twice as much',
'39 fewer pages than Olivia', 'half as many'). The verb of its clause says which way it moves the amount asked
about: away for 'gave, sold, used, handed out' (and for money, 'bought, spent, paid'), in for 'bought, got, earned'
(goods) or 'saved, earned' (money). The question says how the amounts combine: what is left (start, then each
change in order), everything together, the change from a payment, or the amount at the start (the changes undone).
Each number is read by number_readings.py; this file combines the readings. A plan is made only when every
number has a reading, every amount is of the thing asked about, and every rate meets exactly one count; anything
else abstains. Steps keep the school breakdown (each product, then the changes
one at a time), each asked with the problem's own words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from number_readings import (IN_VERBS, MONEY_IN, PACKED_IN, PART_OF, PRONOUN_WORDS, Reading, read_number,
                             verb_sign)
from people import CALENDAR
from question_target import GAP_Q, KINDS_OF, NEED_Q, SHARE_Q, START_Q, UNITS, how_much, is_are, target, what_of
from wordproblem import (ASKS_TOTAL, MONEY_AWAY, MOVES_AWAY, NAME, NUMBER, PRONOUNS, Builder, Plan, Problem, Ref, fmt,
                         number_value, same_word, shown_first, stem, unit_factor, unit_name)


# ----------------------------------------------------------------------------- the tracked amounts


@dataclass
class Held:
    """An amount the story has: given, or made by a step (a count times a rate, twice the amount before)."""
    ref: Ref
    noun: str
    sign: int
    words: str        # what it is, in the problem's words, for the next step's question
    reading: Reading


def _matches(held: Held, nouns: tuple[str, ...]) -> bool:
    own = (held.noun,) + held.reading.nouns
    return any(same_word(a, b) for a in own for b in nouns if a and b)


def _pair_rates(readings: list[Reading]) -> dict[int, tuple[Reading, int]] | None:
    """Each rate with the counts it multiplies ('9 boxes' with '8 muffins in each box'; '6 hours on Saturday and 4
    hours on Sunday' each with '$9 an hour'), keyed by the count's place in `readings`, with how many of the rate's
    groups one counted thing is ('2 weeks' at '25 minutes every day': 7); None when a rate meets no count."""
    counts = [i for i, r in enumerate(readings) if r.kind == "amount" and r.nouns]
    paired: dict[int, tuple[Reading, int]] = {}
    for rate in (r for r in readings if r.kind == "rate"):
        factor = 1
        if rate.per:
            found = [i for i in counts if any(same_word(w, rate.per) for w in readings[i].nouns)]
            if not found:   # a count in a bigger unit than the rate's group
                found = [i for i in counts if unit_factor(readings[i].nouns[0], rate.per)]
                factor = unit_factor(readings[found[0]].nouns[0], rate.per) if len(found) == 1 else 1
        else:   # '$12 each': the thing bought in its clause ('4 shirts for $12 each'), else the one thing counted
            found = [i for i in counts if readings[i].clause == rate.clause] or counts
        found = [i for i in found if i not in paired]
        kin = [r.m.start() for r in readings if r.kind == "rate" and r.per and same_word(r.per, rate.per)]
        if len(kin) > 1:   # '3 bags of oranges with 15 in each bag and 2 bags of apples with 20 in each bag'
            after = max((at for at in kin if at < rate.m.start()), default=-1)
            found = [i for i in found if after < readings[i].m.start() < rate.m.start()]
            if len(found) != 1:
                return None
        own = [i for i in found if readings[i].clause == rate.clause]   # its own clause's count first
        found = own + [i for i in found if i not in own and _moves_groups(readings, readings[i], rate)] if own \
            else found
        if len(found) > 1 and not rate.per:   # '5 boxes of pens for $4 each and 3 boxes of markers for $6 each'
            found = [i for i in found if re.fullmatch(r" [a-z ]+ (?:for|at) ",
                                                      rate.m.string[readings[i].m.end():rate.m.start()])]
        if not found or (len(found) > 1 and not rate.per):
            return None
        paired.update({i: (rate, factor) for i in found})
    return paired


def _moves_groups(readings: list[Reading], count: Reading, rate: Reading) -> bool:
    """'Mia has 8 bags of 6 cookies. She gives away 3 bags.': a count of the rate's groups that a verb moves, in a
    clause with no rate of its own, moves that many groups of the rate's things."""
    return bool(rate.per) and count.sign(rate.noun) != 0 and \
        not any(r.kind == "rate" and r.clause == count.clause for r in readings)


def _product_words(p: Problem, r: Reading, rate: Reading) -> tuple[str, str, str]:
    """The step question of a count times its rate ('How much do 5 muffins cost at $2 each?', 'How many eggs are in
    6 rows of 8 eggs?'), the count's words in it (a price's thing named: '5 child tickets') and the link word."""
    link = "of" if rate.m.string[:rate.m.start()].endswith(" of ") else "at"   # '6 rows of 8 eggs'
    plural = f"{rate.noun}s" if stem(rate.noun) == rate.noun and len(rate.noun) > 2 else rate.noun   # cups
    earned = re.search(r"\b(?:earns?|earned|makes|made|is paid|gets|saves?|saved)\b", rate.clause)   # no price
    given = " to each " in rate.words   # 'gave each of her 5 grandchildren $20': given, not paid for
    how = ("How much money goes to" if rate.noun == "dollars" else f"How many {plural} go to") if given \
        else ("How much is earned in" if earned else "How much do") if rate.noun == "dollars" \
        else f"How many {plural} are in"
    priced = rate.noun == "dollars" and not earned and not given   # 'How much do 5 muffins cost at $2 each?'
    head = p.t.startswith(r.words, r.m.start()) and re.match(r" ([a-z]+)", p.t[r.m.start() + len(r.words):])
    told = f"{r.words} {head.group(1)}" if priced and head and not re.fullmatch(_LINK, head.group(1)) and \
        re.search(rf"\b{r.words.split()[-1]} {stem(head.group(1))}", p.body) and \
        re.search(rf"\b{stem(head.group(1))}s? (?:cost|costs|are|is|sell)\b", p.t, re.I) else r.words
    # '5 child tickets' ('Child tickets cost $6'), never '3 children go'
    counted = "|".join(re.escape(stem(w.split()[-1])) for w in (told, r.words))   # '$6 for each adult ticket'
    each = re.sub(rf" for (?:each|an?) (?:[a-z]+ )?(?:{counted})$", " each", rate.words) if priced else \
        rate.words
    # '12 kids ate 3 cookies each': the count does what the rate says (no cookies 'in' kids, no kids that cost)
    between = p.t[r.m.start() + len(r.words):rate.m.start()] if p.t.startswith(r.words, r.m.start()) else ""
    acts = rate.clause == r.clause and not given and \
        re.fullmatch(r" (?!(?:of|with|and|at|in|for|has|have|had|holds?)\b)[a-z]+ ", between)
    if acts:
        asked = "How much" if rate.noun == "dollars" else f"How many {plural}"
        question = f"{asked} is that for {r.words} {link} {rate.words}?"
    else:
        question = f"How much do {told} cost at {each}?" if priced else f"{how} {r.words} {link} {rate.words}?"
    return question, told if priced else r.words, link


def _held(p: Problem, b: Builder, readings: list[Reading], nouns: tuple[str, ...]) -> list[Held] | None:
    """The amounts of the story in text order: given amounts and products of counts and rates first, then each
    amount said against another ('39 fewer than Olivia', 'twice as many as Mia'), whichever comes first."""
    paired = _pair_rates(readings)
    if paired is None:
        return None
    held: dict[int | float, Held] = {}
    for i, r in enumerate(readings):
        if i in paired:
            rate, factor = paired[i]
            count = b.given(r.m, 0, r.noun, r.words)
            if factor > 1:
                groups = f"{rate.per}s" if stem(rate.per) == rate.per else rate.per
                count = b.step("*", [count, b.fact(factor, groups, f"{factor} {groups} in a {stem(r.noun)}")],
                               groups, f"How many {groups} are in {r.words}?", kind="convert")
            size = b.given(rate.m, 0, rate.noun, rate.words)
            question, told, link = _product_words(p, r, rate)
            ref = b.step("*", [count, size], rate.noun, question)
            said = rate.clause.split(rate.m.group())[0]   # 'She saves $5 each week' adds; 'Ana saves' may be another's
            own = not [w for w in re.findall(NAME, said) if w not in PRONOUNS]   # 'She saves', 'A plant grows'
            own_sign = verb_sign(said, rate.noun == "dollars") if own and not re.search(rf"\b{PACKED_IN} ", said) \
                else 0   # 'Juice comes in packs of 6' moves no juice
            # 'She uses 8 beads for each bracelet. She makes 11 bracelets.': the rate's own verb moves its beads
            sign = (own_sign if rate.clause != r.clause else 0) or r.sign(rate.noun) or own_sign
            held[i] = Held(ref, rate.noun, sign, f"{told} {link} {rate.words}", r)
        elif r.kind == "amount":
            noun = r.noun or (held[max(held)].noun if held else nouns[0])
            held[i] = Held(b.given(r.m, 0, noun, r.words), noun, r.sign(noun), r.words, r)
    for i, r in enumerate(readings):
        if r.kind == "part":
            part = _part(p, b, r, held, i)
            if part is None:
                return None
            held.update(part)
    pending = [i for i, r in enumerate(readings) if r.kind in ("times", "more", "fewer")]
    while pending:   # 'Mia has 4 times as many as Leo. Leo has 9 fewer than Sam.': Leo's amount first, then Mia's
        waiting = []
        for i in pending:
            r = readings[i]   # one said against 'the amount before' waits for every one before it
            base = None if waiting and not r.target else _base(r, list(held.values()))
            if base is None:
                waiting.append(i)
                continue
            k = b.given(r.m, 0, "times" if r.kind == "times" else base.noun, r.words)
            op = {"times": "*", "more": "+", "fewer": "-"}[r.kind]
            less = "less" if r.kind == "fewer" and how_much(base.noun).startswith("How much") else r.kind
            said = f"{r.words} times" if r.kind == "times" else f"{r.words} {less} than"
            owner = next((w for w in re.findall(NAME, r.lead) if w not in PRONOUNS and not CALENDAR.fullmatch(w)
                          and w not in base.reading.lead), "")
            asked = f"{how_much(base.noun)} for {owner}: {said}" if owner else \
                f"{how_much(base.noun)} {is_are(base.noun)} {said}"
            ref = b.step(op, [base.ref, k], base.noun, f"{asked} {base.words}?")
            held[i] = Held(ref, base.noun, base.sign, f"{owner}'s {what_of(base.noun)}" if owner else
                           f"{said} {base.words}", r)
        if len(waiting) == len(pending):
            return None
        pending = waiting
    return [held[i] for i in sorted(held)]


def _part(p: Problem, b: Builder, r: Reading, held: dict[int | float, Held], i: int) -> dict[float, Held] | None:
    """A part of the one amount before it ('Sara baked 48 cookies. She gave 1/4 of them away.'), or of the amount said
    next ('spent 2/3 of her $45 allowance': the $45 is the start, the part its change); a part after another change
    may be of what is left or of the start, so it abstains."""
    base_at = i + 1 if PART_OF.match(p.t, r.m.end()).group("next") else max((j for j in held if j < i), default=None)
    if base_at not in held or len([j for j in held if j != base_at and j < i]) or r.sign(held[base_at].noun) == 0:
        return None
    named = PART_OF.match(p.t, r.m.end()).group("named")   # '1/4 of the apples': of the amount that counts them
    if named and not same_word(named, held[base_at].noun):
        return None
    base = replace(held[base_at], sign=0)   # the amount the part is of is where the story starts
    k = b.given(r.m, 0, "", r.words.split(" of ")[0])
    ref = b.step("*", [base.ref, k], base.noun, f"{how_much(base.noun)} {is_are(base.noun)} "
                                                f"{r.words.split(' of ')[0]} of {base.words}?")
    return {base_at: base, base_at + 0.5: Held(ref, base.noun, r.sign(base.noun), r.words, r)}


def _base(r: Reading, held: list[Held]) -> Held | None:
    """The one amount a comparison is said against: its 'than' / 'as' words name whose ('Olivia', 'red blocks'),
    found where that amount is said, before its number, or, unnamed, the amount just before; its noun, when said,
    must be the same."""
    if not r.target:   # '$35 in March and twice as much in April': the amount said just before
        before = [h for h in held if h.reading.m.start() < r.m.start()]
        last = max(before, key=lambda h: h.reading.m.start(), default=None)
        return last if last and (not r.noun or same_word(r.noun, last.noun) or r.noun in last.reading.nouns) else None
    target = re.sub(rf"^(?:in|on|during) (?=(?:{CALENDAR.pattern})\b)", "", r.target)   # 'as in May'
    key = [w for w in re.findall(r"[A-Za-z]+", target) if w.lower() not in ("the", "a", "an", "did", "does", "do",
                                                                             "has", "had", "have", "is", "was")]
    if not key or len(key) > 3 or any(w in PRONOUNS or w.lower() in ("he", "she", "they", "it", "him", "her", "in")
                                      for w in key[:1]):
        return None
    found = [h for h in held if h.reading is not r and all(re.search(rf"\b{w}(?:'s|s|es)?\b", h.reading.lead, re.I) or
                                                            any(same_word(w, x) for x in h.reading.lead.split())
                                                            for w in key)
             and (not r.noun or same_word(r.noun, h.noun) or r.noun in h.reading.nouns)]
    return found[0] if len(found) == 1 else None


def _as_written(clause: str) -> str:
    """A clause for a step's question: fractions as written ('2 3/4', not '11/4'), lower-case unless a name."""
    text = NUMBER.sub(lambda m: shown_first(number_value(m.group())) if "/" in m.group() else m.group(), clause)
    text = re.sub(r"^[Ii]f ", "", text)   # 'If Cindy gives 3 envelopes to each ...,': the clause states a fact
    text = re.sub(r"^(?:[Aa]nd )?[Tt]hen,? ", "", text)   # 'after he spends $45', never 'after then he spends
    first = text.split(" ", 1)[0]
    return (text[0].lower() + text[1:] if first in PRONOUNS or first.lower() in PRONOUN_WORDS else text).rstrip(".?!")


def _told(p: Problem, r: Reading) -> str:
    """Its clause with the sentence's subject when the clause starts at its verb ('It got 340 new books and gave
    away 175 old ones': the second change is told 'It gave away 175 old ones')."""
    verbs = rf"{MOVES_AWAY}|{IN_VERBS}|{MONEY_AWAY}|{MONEY_IN}"   # 'and earned $8 for chores' as well
    first = r.clause.split(" ", 1)[0]
    if first[:1].isupper() and re.search(rf"\b{first.lower()}\b", p.t):   # 'Deer ate 12 bushes' of the farm's deer
        return f"{first.lower()}{r.clause[len(first):]}"
    if not re.match(rf"(?:{verbs}) ", r.clause):
        return r.clause
    sentence = p.t[p.t.rfind(". ", 0, r.m.start()) + 1:r.m.start()]   # from the last full stop, or the start
    verb = re.search(rf"\b(?:{verbs})\b", sentence)
    subject = sentence[:verb.start()].strip() if verb else ""
    owner = re.match(rf"(?:{NAME}|he|she|they)\b(?= \w+ed | had | has )", subject) if len(subject.split()) > 3 else None
    subject = owner.group() if owner else subject if len(subject.split()) <= 3 else ""   # 'Sam had ..., and ate 2'
    return f"{subject} {r.clause}" if subject else r.clause


def _owner_asked(p: Problem, first: Held, start: str = "") -> bool:
    """A name in the question must be the one whose amount the story starts from ('How many does Sam have now?'
    after Tom gave Sam 5 asks about someone else), in its first amount or in the `start` said without one ('Amir
    had some marbles.')."""
    names = [w for w in re.findall(NAME, p.question) if w not in PRONOUNS and w != "How"]
    return all(n in first.reading.clause or n in start for n in names)


# Words that change the arithmetic in ways the tracker does not read: a plan that ignored them would teach a wrong
# chain ('the rest', 'a total of', 'a $100 discount', 'split the cost', 'one of the pages', 'five years ago').
_UNREAD = r"\b(?:rest|total|combined|altogether|together|sum|discount|coupon|off|free|split|splits|shared?|shares|" \
          r"among|between|equally|evenly|ago|old|older|younger|age|later|round|trip|pattern|previous|only|instead|" \
          r"except|but|however|kept|keeps|traded|trades|compared|additional|one|another|some|several|few|no|none|" \
          r"by \$?\d|area|perimeter|square|volume|degrees?|above|below|over|under|least|most|goal|wants?|needs?|if|" \
          r"would|which|means|percent|ratio|average|mean|half|quarter|third|double|triple|twice|both|either|per|each|" \
          r"every|than|times|as|beat|beats|exceed|enough|after that|the first|profit|loss)\b|%"
# ...unless a reading of the tracker stands on them in that clause ('8 muffins in each box', '39 fewer than').
# ('A recipe needs 2/3 cup for each batch': the rate says what one batch needs)
_READ_WORDS = {"rate": r"\b(?:each|every|per|one|needs)\b", "times": r"\b(?:times|as)\b", "more": r"\bthan\b",
               "fewer": r"\bthan\b"}


def _unread(p: Problem, readings: list[Reading]) -> bool:
    """Does a clause say something the readings do not explain? The question may name the total it asks for."""
    text = p.body
    for r in readings:
        if r.kind in _READ_WORDS and r.clause in text:
            text = text.replace(r.clause, re.sub(_READ_WORDS[r.kind], "", r.clause, flags=re.I), 1)
    text = re.sub(rf"\b(?:{MOVES_AWAY}|{IN_VERBS})\b", "", text)   # 'cuts off' is read, '$75 off' is not
    # 'If each ladybug has 6 dots, how many ...': the question's 'If' clause states a fact
    text = re.sub(r"(?:^|(?<=[.!] ))If (?=[^,.]*\d[^,.]*, $)", "", text)
    text = re.sub(r"(?<=\d) (?:new|old|used)\b", "", text)   # '175 old ones' describes them; 'years old' is an age
    if p.asks(START_Q):
        text = re.sub(r"\b(?:had|has|have) some\b", "", text)   # the unknown start it asks for
    if SHARE_Q.match(p.question):   # read by the share: 'shared equally among 4 classes'
        text = re.sub(r"\b(?:share|shared|shares|split|splits|equally|evenly|among|between|the rest)\b", "", text)
    if NEED_Q.match(p.question):   # the goal the question's 'need' is measured against
        text = re.sub(_GOAL, "", text)
    question = "" if any(q.match(p.question) for q in (GAP_Q, SHARE_Q, NEED_Q)) else \
        re.sub(ASKS_TOTAL + r"|\bif\b|^[Hh]ow many more [a-z]+ (?:does|do) \w+ need to\b", "", p.question)
    if re.search(r"\bin (?:cents|seconds|minutes|hours|days|weeks|months|years|inches|feet|yards|miles|mm|cm|m|km|"
                 r"grams|g|kg|ml|l|liters|litres|ounces|pounds)\b", question):
        return True   # the answer wanted in another unit: a conversion the tracker does not make
    return re.search(_UNREAD, text, re.I) is not None or re.search(_UNREAD, question, re.I) is not None


def _other_actor(h: Held, owner: Held) -> bool:
    """'Her friend Brock buys 7 cookies': a name acting in a change that is not the owner's is someone else's
    change (the amount moves the other way for the owner, or not at all)."""
    names = [w for w in re.findall(NAME, h.reading.before) if w not in PRONOUNS and not CALENDAR.fullmatch(w)]
    owners = [w for w in re.findall(NAME, owner.reading.lead) if w not in PRONOUNS]
    return bool(owners) and any(n not in owners for n in names)



def story(p: Problem) -> Plan | None:
    """A story of amounts, read number by number (see the module's docstring)."""
    asked = target(p)
    if asked is None:
        return None
    nouns, how = asked
    restated = _restated(p)
    readings = [read_number(p, span) for span in p.numbers if span not in {m.span("n") for m in restated}]
    if not readings or any(r is None for r in readings) or _unread(p, readings):
        return None
    among = _among(p, readings) if how == "share" else None
    if how == "share" and among is None:
        return None
    readings = [r for r in readings if r is not among]
    b = Builder(p, "story")
    for m in restated:
        b.label(m, "n")
    rates = [r for r in readings if r.kind == "rate"]
    if len(rates) == 1 and len(readings) == 2 and any(same_word(rates[0].per, n) for n in nouns):
        asked = next(n for n in nouns if same_word(rates[0].per, n))
        return _how_many_groups(b, rates[0], next(r for r in readings if r is not rates[0]), asked)
    held = _held(p, b, readings, nouns)
    kind = next((n for n in nouns if n in KINDS_OF), "") if how == "total" else ""
    kinds = kind and held and len({stem(h.noun) for h in held} & set(KINDS_OF[kind].split())) == len(held) \
        and all(h.ref.kind == "quantity" or b.steps[h.ref.index].op == "*" for h in held)   # each kind once, as
    # given ('3 pencils and 2 erasers') or in groups ('3 bags of oranges with 15 oranges in each bag')
    if not held or not (kinds or all(_matches(h, nouns) for h in held)) or any(number_value(m.group("n")) != len(held)
                                                                    for m in restated):
        return None
    if kinds:   # every kind counted once, said as they are had (no change moves them), or each moved by the
        # question's own verb ('bought 3 bags of oranges ... How many pieces of fruit did she buy?')
        names = [w for w in re.findall(NAME, p.question) if w not in PRONOUNS and w != "How"]
        signs = {h.sign for h in held}
        return b.finish() if len(held) > 1 and not names and (signs == {0} or _all_moved(p, held)) \
            and _sum(b, held, kind) else None
    combine = {"left": _left, "start": _start, "change": _change, "total": _total, "to_go": _to_go, "gap": _gap,
               "share": lambda p, b, held: _shared(p, b, held, among, SHARE_Q.match(p.question).group("verb")),
               "need": _need}[how]
    if combine(p, b, held) is None:
        return None
    units = {unit_name(h.noun) for h in held if unit_name(h.noun) in UNITS}
    if len(units) > 1:
        return None   # '2 miles and then 3 km': the units must be made the same first
    counting = nouns != ("dollars",) and not units
    if any(s.value < 0 or (counting and s.value.denominator != 1) for s in b.steps):
        return None   # a count that comes out in parts or below zero: we misread the story
    return b.finish()


_RESTATED = re.compile(r"\b(?:the|those|these|all|both) (?P<n>\d+) (?P<what>[a-z]+)\b")


def _restated(p: Problem) -> list[re.Match]:
    """'How many bikes did it sell in the 2 months?': a count in the question that restates how many amounts the
    story gives (June's and July's), read as their number, not as a new amount (checked against them)."""
    return list(p.finditer(_RESTATED, "question"))


def _how_many_groups(b: Builder, rate: Reading, amount: Reading, groups: str) -> Plan | None:
    """'earns $12 an hour ... how many hours to earn $96': the amount shared into groups of the rate's size."""
    if amount.kind != "amount" or not (same_word(amount.noun, rate.noun) or rate.noun in amount.nouns):
        return None
    whole = b.given(amount.m, 0, rate.noun, amount.words)
    size = b.given(rate.m, 0, rate.noun, rate.words)
    count = b.step("/", [whole, size], rate.per, f"How many {groups} at {rate.words} make {amount.words}?")
    return b.finish() if b.value(count).denominator == 1 else None


def _left(p: Problem, b: Builder, held: list[Held]) -> Ref | None:
    """The start, then each change in order: what is left or there now."""
    start, changes = held[0], _done_work(p, held[1:])
    unread = any(h.sign == 0 or (h.reading.kind not in ("amount", "part") and not _on_change(b, h, changes))
                 or _other_actor(h, start) for h in changes)
    if start.sign < 0 or not changes or unread or not _owner_asked(p, start):
        return None
    running = start.ref
    for h in (h for h in changes if not _on_change(b, h, changes)):
        how = "How much money is" if h.noun == "dollars" else "How much is" if unit_name(h.noun) in UNITS \
            else f"How many {h.noun} are"   # 'How much is left after Kim cuts off 1/3 of a yard?'
        said = [c for c in changes if _on_change(b, c, changes) and b.steps[c.ref.index].operands[0] == h.ref]
        if said:   # 275 used on Monday and twice as much on Tuesday: both days' use first, then taken away
            both = _sum(b, [h] + said, h.noun)
            running = b.step("+" if h.sign > 0 else "-", [running, both], h.noun, f"{how} left of {start.words} "
                             f"after {' and '.join(c.words for c in [h] + said)}?")
            continue
        told = h.words if h.reading.m.start() >= p.q else _as_written(_told(p, h.reading))   # '6 weeks at $5 each'
        # 'After 6 months he spends $40': 'left after he spends $40', never 'after after 6 months he spends'
        told = re.sub(r"^after (?:\d+ (?:days?|weeks?|months?|years?|hours?|minutes?),? (?=[a-z]+ [a-z]))?", "", told,
                      flags=re.I)
        running = b.step("+" if h.sign > 0 else "-", [running, h.ref], h.noun,
                         f"{how} {'there' if h.sign > 0 else 'left'} after {told}?")
    return running


def _done_work(p: Problem, changes: list[Held]) -> list[Held]:
    """'The farmers have picked 23 rows so far. How many rows are left to pick?': what is left is the work still to
    do, so an amount the question's own verb has already moved comes off it, though picking gains anywhere else."""
    todo = re.search(r"\b(?:left|still|yet) to (?:be )?(?P<verb>[a-z]{3,})", p.question)
    if not todo:
        return changes
    done = [re.search(r"\b(?P<verb>[a-z]{3,}) (?:about |over |only |already )?$", h.reading.before) for h in changes]
    return [replace(h, sign=-1) if d and h.sign >= 0 and d.group("verb")[:4] == todo.group("verb")[:4] else h
            for h, d in zip(changes, done)]


# What may stand between two parts one doer did with one verb: '65 pages on Monday and ' (80 on Tuesday), never
# another doer ('120 pages and her brother read ').
_SAME_DOER = r"(?:[\d.$/]+ [a-z]+(?: (?:on|in|at|during|by) [A-Za-z ]+?)?,? (?:and |then |and then )?)+"


def _to_go(p: Problem, b: Builder, held: list[Held]) -> Ref | None:
    """'A book has 300 pages. Ana has read 120 pages. How many more pages does she have to read?': the whole less
    the part already done with the verb the question asks about ('has read' ... 'have to read')."""
    verb = re.search(r"(?P<verb>[a-z]+)\?$", p.question).group("verb")
    if len(held) < 2 or any(h.reading.kind != "amount" or h.sign for h in held):
        return None
    whole, first, more = held[0], held[1], held[2:]
    done = re.search(r"\b(?:(?:has|have|had) (?:already )?)?(?P<verb>[a-z]+) $", first.reading.before)
    if not done or done.group("verb")[:3] != verb[:3] or not _owner_asked(p, first) \
            or any(not re.fullmatch(_SAME_DOER, h.reading.before[len(first.reading.before):])
                   or not h.reading.before.startswith(first.reading.before) for h in more):
        return None   # ('65 pages on Monday and 80 pages on Tuesday': more parts done by the first one's verb)
    part = _sum(b, [first, *more], whole.noun) if more else first.ref
    told = f"{fmt(b.value(part))} {whole.noun} {done.group('verb')}" if more else _as_written(_told(p, first.reading))
    return b.step("-", [whole.ref, part], whole.noun, f"How many of the {whole.words} are still to {verb} after "
                                                      f"{told}?")


def _on_change(b: Builder, h: Held, changes: list[Held]) -> bool:
    """An amount said against one of the changes ('and on Tuesday twice as much as on Monday'): a change too, the
    same way as the one it is said against."""
    bases = {c.ref: c for c in changes if c.reading.kind == "amount"}
    if h.reading.kind == "amount" or h.ref.kind != "step" or b.steps[h.ref.index].operands[0] not in bases:
        return False
    own = h.reading.before.split(bases[b.steps[h.ref.index].operands[0]].reading.m.group(), 1)[-1]
    subject = [w for w in re.findall(NAME, own) if not CALENDAR.fullmatch(w)]   # 'Her brother has 3 times as much': his
    return not subject and not re.search(r"\b(?:has|have|had|is|are|was|were|owns?|owned|gets?|got|he|she|they|his|"
                                         r"her|their)\b", own, re.I)


def _start(p: Problem, b: Builder, held: list[Held]) -> Ref | None:
    """The changes undone from what was left: spent $14 and had $23 left -> $23 + $14 at the start."""
    ends = [h for h in held if re.search(rf"{re.escape(h.reading.m.group())} (?:[a-z]+ )?left\b|\bnow (?:has|have|"
                                         rf"is|are) {re.escape(h.reading.m.group())}\b", h.reading.clause)]
    unknown = re.search(r"\b(?:had|has|have) some\b", p.body)
    start = said.group() if (said := re.search(r"[^.!?]*\b(?:had|has|have) some\b[^.!?]*", p.body)) else ""
    if len(ends) != 1 or not _owner_asked(p, held[0], start):
        return None
    if any(n not in PRONOUNS and n not in p.question and n not in start
           for n in re.findall(NAME, ends[0].reading.clause)):
        return None   # 'Now Sam has 20' is Sam's amount, not the one Tom started from
    if unknown:
        b.read.append(unknown.start())   # 'Kofi had some money.': the statement of the start it asks for
    running = ends[0].ref
    for h in (h for h in held if h is not ends[0]):
        if h.sign == 0:
            return None
        how = "How much money was" if h.noun == "dollars" else f"How many {h.noun} were"
        change = re.split(r" and (?:then )?(?:now )?(?:had|has|have|is|are|was|were)\b", _told(p, h.reading))[0]
        running = b.step("+" if h.sign < 0 else "-", [running, h.ref], h.noun,
                         f"{how} there before {_as_written(change)}?")   # 'before he spent $14 on a book'
    return running


def _change(p: Problem, b: Builder, held: list[Held]) -> Ref | None:
    """Change from a payment: the costs added, then taken from what was paid ('with a $10 bill')."""
    paid = [h for h in held if re.search(rf"(?:with|paid|pays|gave|gives|hands|handed) (?:a |an |the cashier )?"
                                         rf"{re.escape(h.reading.m.group())}\b", h.reading.clause)]
    if len(paid) != 1 or any(h.noun != "dollars" for h in held):
        return None
    costs = [h for h in held if h is not paid[0]]
    if not costs:
        return None
    total = _sum(b, costs, "dollars")
    return b.step("-", [paid[0].ref, total], "dollars", f"How much change is left from {paid[0].words} after paying "
                                                        f"{' and '.join(h.words for h in costs)}?")


def _total(p: Problem, b: Builder, held: list[Held]) -> Ref | None:
    """Everything together; the amounts must all move the same way (all bought, or all had)."""
    signs = {h.sign for h in held}
    asked_sign = verb_sign(p.question, held[0].noun == "dollars")
    names = [w for w in re.findall(_NAMED, p.question) if w not in PRONOUNS and w != "How"]   # 'Pine Street'
    spent = held[0].noun == "dollars" and p.asks(r"\b(?:spends?|spent|pays?|paid|costs?|earns?|earned|makes?|made)\b")
    priced = spent and signs == {0} and all(h.ref.kind == "step" for h in held)   # '2 adults at $12': paid for
    if len(signs) > 1 or (asked_sign and signs != {asked_sign} and not priced):
        return None   # 'How many did she give?' after amounts she had: a different question
    if len(names) == 1 and not p.asks(ASKS_TOTAL):
        return _named(b, held, names[0])
    if len(names) > 1 and p.asks(ASKS_TOTAL):   # 'How many do Mia and Leo have altogether?'
        return _named_total(b, held, names)
    who = re.search(r"\b(?:does|did|do|will) (?:her|his|their|the) (?P<who>[a-z]+) ", p.question)
    if who and not names and not p.asks(ASKS_TOTAL) and (own := _named(b, held, who.group("who"))):
        return own   # 'How many shells did her cousin collect?': her cousin's amount, as a name's
    if len(held) > 1 and (names or not (p.asks(ASKS_TOTAL) or spent or _restated(p) or _all_moved(p, held))):
        return None   # 'How many toads does Sarah have?' asks for one of the amounts, not all of them
    return _sum(b, held, held[0].noun) if len(held) > 1 else held[0].ref


_ASKING = {"many", "much", "does", "will", "would", "have", "that", "this", "there", "they", "their", "them", "what"}


def _all_moved(p: Problem, held: list[Held]) -> bool:
    """'sold 135 apples in the morning and twice as many in the afternoon. How many apples did it sell that day?':
    every amount moved by the question's own verb, and the question names no part the story tells apart ('on
    Tuesday', 'in the morning')."""
    sign = verb_sign(p.question, held[0].noun == "dollars")
    said = " ".join(h.reading.clause for h in held).lower()
    words = [w for w in re.findall(r"[a-z]+", p.question.lower()) if len(w) > 3 and w not in _ASKING
             and not any(same_word(w, h.noun) for h in held)]
    return bool(sign) and all(h.sign == sign for h in held) and not any(re.search(rf"\b{w}\b", said) for w in words)


def _reached(b: Builder, refs: list[Ref]) -> set[Ref]:
    """The refs and every quantity and step they are made from."""
    reached, todo = set(), list(refs)
    while todo:
        ref = todo.pop()
        reached.add(ref)
        todo += list(b.steps[ref.index].operands) if ref.kind == "step" else []
    return reached


def _named_total(b: Builder, held: list[Held], names: list[str]) -> Ref | None:
    """'How many marbles do Mia and Leo have altogether?': the amounts said of the names, each found where only its
    owner is named, added; every amount of the story must lead to one of them (Sam's 25 to Leo's)."""
    own = [[h for h in held if re.search(rf"\b{name}\b", h.reading.lead)] for name in names]
    if any(len(o) != 1 for o in own) or len({id(o[0]) for o in own}) != len(own):
        return None
    parts = [o[0] for o in own]
    return _sum(b, parts, parts[0].noun) if all(h.ref in _reached(b, [h.ref for h in parts]) for h in held) else None


_NAMED = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def _named(b: Builder, held: list[Held], name: str) -> Ref | None:
    """'How many stickers does Liam have?': the one amount said of Liam, reached through all the others (Mia's 24,
    Noah's 9 more than Mia, Liam's 5 fewer than Noah); a given amount, or one the others do not lead to, abstains."""
    own = [h for h in held if re.search(rf"\b{name}\b", h.reading.lead)]
    if len(own) != 1 or own[0].ref.kind != "step":
        return None
    reached, todo = set(), [own[0].ref]
    while todo:
        ref = todo.pop()
        reached.add(ref)
        todo += list(b.steps[ref.index].operands) if ref.kind == "step" else []
    return own[0].ref if all(h.ref in reached for h in held) else None


def _gap(p: Problem, b: Builder, held: list[Held]) -> Ref | None:
    """'How many more cars does Liam have than Ethan?': the amount said of the one named first less the amount said of
    the other, each found where only its owner is named, and every amount of the story on the way to one of them."""
    gap = GAP_Q.match(p.question)
    who, than = (re.sub(r"^the ", "", w) for w in (gap.group("who") or gap.group("kind"), gap.group("than") or
                                                    gap.group("other")))
    own = [[h for h in held if w in h.reading.nouns] or
           [h for h in held if re.search(rf"\b{w}\b", h.reading.lead, re.I)] for w in (who, than)]   # 'red', 'Liam'
    if who == than or any(len(o) != 1 for o in own) or own[0][0] is own[1][0]:
        return None
    first, second = (o[0] for o in own) if gap.group("dir") == "more" else (own[1][0], own[0][0])
    reached, todo = set(), [first.ref, second.ref]
    while todo:
        ref = todo.pop()
        reached.add(ref)
        todo += list(b.steps[ref.index].operands) if ref.kind == "step" else []
    if not all(h.ref in reached for h in held):
        return None   # an amount the comparison never uses: the story says something the gap leaves out
    return b.step("-", [first.ref, second.ref], first.noun, p.question[0].upper() + p.question[1:])


_GOAL = r"\b(?:costs?|needs?|wants?|goal|price|priced)\b"


def _need(p: Problem, b: Builder, held: list[Held]) -> Ref | None:
    """'Mia has $35. A bike costs $120. How much more money does she need?': the one goal (a price, what is needed)
    less the one amount had, each said in a clause of its own."""
    goals = [h for h in held if re.search(_GOAL, h.reading.clause)]
    if len(held) != 2 or len(goals) != 1 or goals[0].sign or goals[0].ref.kind != "quantity":
        return None
    goal, had = goals[0], next(h for h in held if h is not goals[0])
    if had.sign < 0 or not re.search(r"\b(?:has|have|had|saved|collected|earned|got|owns)\b", had.reading.before) \
            or not _owner_asked(p, had):
        return None
    noun, how = goal.noun, how_much(goal.noun)
    more = "How much farther" if how == "How far" else re.sub(r"^How (many|much)", r"How \1 more", how)
    return b.step("-", [goal.ref, had.ref], noun,
                  f"{more} {is_are(noun)} needed to go from {had.words} to {goal.words}?")


def _among(p: Problem, readings: list[Reading]) -> Reading | None:
    """'12 friends share 3 pizzas equally ... How many slices does each friend get?': the one count of those the
    question names, said with sharing words; the rest of the story is what they share."""
    per = SHARE_Q.match(p.question).group("per")
    counts = [r for r in readings if r.kind == "amount" and any(same_word(w, per) for w in r.nouns)]
    if len(counts) != 1 or not re.search(r"\b(?:equally|evenly)\b", p.body):   # 'share a pizza' may be unequal
        return None
    return counts[0]


def _shared(p: Problem, b: Builder, held: list[Held], among: Reading, verb: str) -> Ref | None:
    """Everything the story has, together, shared out: one share for each of the counted ones. A story that moves
    its amount first ('had 60 stickers, bought 12 more, then shared them', 'sold 12 and packed the rest') shares
    what there is after the changes."""
    moved = {h.sign for h in held} != {0}
    if moved and any(h.sign == 0 for h in held[1:]):
        return None   # a start, then changes: never two starts
    whole = _left(p, b, held) if moved else _sum(b, held, held[0].noun) if len(held) > 1 else held[0].ref
    if whole is None:
        return None
    count = b.given(among.m, 0, among.nouns[0], among.words)
    noun = held[0].noun
    left = "the money left" if noun == "dollars" else f"the {what_of(noun)} left"
    said = left if -1 in {h.sign for h in held} else f"all the {what_of(noun)}" if whole.kind == "step" \
        else held[0].words   # 'the stickers left', 'all the slices', '$36'
    how = "How much money" if noun == "dollars" else how_much(noun) if noun in UNITS else f"How many {noun}"
    return b.step("/", [whole, count], noun, f"{how} does each of {among.words} {verb} when {said} "
                                             f"{'is' if noun == 'dollars' else 'are'} shared equally?")


def _sum(b: Builder, parts: list[Held], noun: str) -> Ref:
    running, said = parts[0].ref, _found_as(parts)
    words = said[0]
    for h, told in zip(parts[1:], said[1:]):
        asked = f"How much do {words} and {told} cost together?" if words.startswith("the ") \
            else f"{how_much(noun)} {is_are(noun)} {words} and {told} together?"
        running = b.step("+", [running, h.ref], noun, asked)
        words = f"{words} and {told}"
    return running


_LINK = r"and|or|of|for|at|to|in|on|with|each|costs?"   # never a count's noun ('4 pounds of', '2 adults and')


def _found_as(parts: list[Held]) -> list[str]:
    """A sum's parts named short where found at their own steps ('the 4 tickets', 'Sue's'), else as written."""
    shorts = [h.ref.kind == "step" and re.match(r"(\d[^ ]* ([a-z]+(?: [a-z]+)?)) at \$", h.words) for h in parts]
    if all(shorts) and len({stem(m.group(2)) for m in shorts}) == len(shorts):
        return [f"the {m.group(1)}" for m in shorts]
    owners = [next((w for w in re.findall(NAME, h.reading.lead) if w not in PRONOUNS and not CALENDAR.fullmatch(w)),
                   "") for h in parts]
    if all(owners) and len(set(owners)) == len(owners) and any(h.ref.kind == "step" for h in parts):   # not '40 and 23'
        return [f"{w}'s" for w in owners]
    return [h.words for h in parts]
