"""The planner's patterns for stories about things: one small function per school pattern.

Equal groups, sharing and grouping; comparison (more/fewer, times as many, how many more); part-whole and change
(gives away, the rest, a measure going up and down); rates and unit rates (shopping lists are shopping_patterns.py's).
Each takes a read `Problem` and returns a `Plan` only when it explains every number, else None. solver.plan tries them
all.
"""
from __future__ import annotations

import re

from wordproblem import (ASKS_LEFT, ASKS_TOTAL, NAME, NUM, NUMBER, PRONOUNS, Builder, Merged, NoPlan, Plan, Problem,
                         Ref, _n, _w, fmt, fraction_part, same_word, shown_first, stem, unit_factor, unit_name,
                         whole_count)

# ----------------------------------------------------------------------------- equal groups, sharing, grouping

_GROUPS_OF = re.compile(rf"{_n('a')} {_w('g')} (?:of|with|containing|holding) {_n('b')} {_w('i')}")
_EACH_HAS = re.compile(rf"\b(?:each|every|an?) (?:of the )?{_w('g')} (?:has|holds|contains|can hold|carries|fits|"
                       rf"had|held|contained|have|hold|contain) {_n('b')} {_w('i')}", re.I)
_ON_EACH = re.compile(rf"{_n('b')} {_w('i')} (?:in|on|per|inside|for) (?:each|every) {_w('g')}")
_PER = re.compile(rf"{_n('b')} {_w('i')} per {_w('g')}")
_INTO = re.compile(rf"\b(?:into|make|form|makes|forms|comes? in|sold in|(?:packs?|packed|puts?) them in) "
                   rf"(?:equal )?{_w('g')} of {_n('b')}"
                   rf"(?: {_w('i')})?")
COUNT = re.compile(rf"{_n('a')} {_w('noun')}(?: {_w('noun2')})?")   # '12 red marbles': noun or noun2


def counts_noun(c: re.Match, noun: str | None) -> bool:
    """Does a count ('12 red marbles', '4 notebooks cost') count `noun`? Its first or second word may name it."""
    return same_word(c.group("noun"), noun) or same_word(c.group("noun2"), noun)


def head_noun(c: re.Match) -> str:
    """The noun a count counts, for wording: '20 toy cars' -> 'cars', '24 students in' -> 'students'."""
    noun, second = c.group("noun"), c.group("noun2")
    return second if second and second.endswith("s") and not noun.endswith("s") else noun
_SHARE = re.compile(r"\b(?:shared?|shares|divided?|divides|split|splits|puts?|packs?|packed|places?|placed|"
                    r"arranges?|arranged|distributes?|distributed|gives?|gave|hands?|handed)\b[^.?!]*?"
                    rf" (?:equally |evenly )?(?:among|between|to|into|in|on|by) (?:the |her |his |their |its )?"
                    rf"{_n('b')} (?:[a-z]+ )?{_w('g')}")
_GROUP_WORDS = r"\b(each|per|left|more|fewer|less|than|times|%|/|ratio|average|mean)\b"


def _group_relation(p: Problem) -> tuple[re.Match, str, str | None] | None:
    """'Each sheet has 24 stickers', '24 stickers on each sheet', 'teams of 8': (match, group noun, item noun)."""
    for rx in (_EACH_HAS, _ON_EACH, _PER, _INTO):
        m = p.search(rx)
        if m:
            return m, m.group("g"), m.group("i")
    return None


def _groups(p: Problem) -> tuple[re.Match, re.Match, str, str, str] | None:
    """(the count, the size, group noun, item noun, the groups in words) of 'n groups of k items', said at once
    ('5 sheets of 24 stickers') or in two places ('5 sheets. Each sheet has 24 stickers.')."""
    m = p.search(_GROUPS_OF)
    if m:
        return m, m, m.group("g"), m.group("i"), f"{m.group('a')} {m.group('g')} of {m.group('b')}"
    rel = _group_relation(p)
    if not rel or not rel[2]:
        return None
    size, g, i = rel
    count = next((c for c in p.finditer(COUNT, "all") if counts_noun(c, g) and c.span("a") != size.span("b")), None)
    if not count:
        return None
    g = next(w for w in (count.group("noun"), count.group("noun2")) if same_word(w, g))   # "5 sheets", not "sheet"
    return count, size, g, i, f"{count.group('a')} {g} with {size.group('b')} {i} each"


def _asked_noun(p: Problem, noun: str) -> str:
    """The question's words for `noun`: '6 juice boxes' read 'juice'; 'how many juice boxes' names them whole."""
    words = re.match(r"how many ([a-z]+)(?: ([a-z]+))?", p.question, re.I)
    if words and same_word(words.group(1), noun) and words.group(2) and re.fullmatch(_w("x"), words.group(2)) \
            and words.group(2).endswith("s"):
        return f"{words.group(1)} {words.group(2)}"
    return noun


def equal_groups(p: Problem) -> Plan | None:
    """Groups x size: '5 sheets of 24 stickers' or '5 sheets. Each sheet has 24 stickers.' -> how many stickers."""
    found = _groups(p)
    if not found or not p.asks_for(found[3]) or re.search(_GROUP_WORDS, p.question):
        return None
    count, size, g, i, groups = found
    b = Builder(p, "equal_groups")
    i = _asked_noun(p, i)
    b.step("*", [b.given(count, "a", g), b.given(size, "b", i)], i, f"How many {i} are in {groups}?")
    return b.finish()


def groups_then_share(p: Problem) -> Plan | None:
    """'buys 5 packs of 6 juice boxes and shares them equally among 3 classes' -> 5 x 6 boxes, then 30 / 3."""
    found, share = _groups(p), p.search(_SHARE)
    if not found or not share or not p.asks(r"^how many\b.*\b(each|per|every)\b"):
        return None
    # 'How many does each class get?' names no item: the one thing the sentence shares among the classes is it
    receiver = re.match(r"how many (?:does|do|did|will|would) (?:each|every) ([a-z]+) get\b", p.question, re.I)
    if not p.asks_for(found[3]) and not (receiver and same_word(receiver.group(1), share.group("g"))):
        return None
    count, size, g, i, groups = found
    if share.span("b") in (count.span("a"), size.span("b")):
        return None
    b = Builder(p, "equal_groups")
    i = _asked_noun(p, i)
    total = b.step("*", [b.given(count, "a", g), b.given(size, "b", i)], i, f"How many {i} are in {groups}?")
    b.step("/", [total, b.given(share, "b", share.group("g"))], i,
           f"If those {i} are shared equally among {share.group('b')} {share.group('g')}, how many does each get?")
    whole_count(b.steps[-1].value)
    return b.finish()


_GROUP_PRICE = [re.compile(rf"\b(?:sells?|sold) (?:each|every|a|one) {_w('g')} for (?P<p>\$\d+(?:\.\d+)?)"),
                re.compile(rf"\b(?:each|every|one|a) {_w('g')} (?:costs?|sells for|is sold for) (?P<p>\$\d+(?:\.\d+)?)",
                           re.I)]


def groups_then_price(p: Problem) -> Plan | None:
    """'packs 360 eggs into cartons of 12 and sells each carton for $3' -> 360 / 12 cartons, then 30 x $3."""
    rel = _group_relation(p)
    price = next((m for rx in _GROUP_PRICE for m in [p.search(rx)] if m), None)
    if not rel or not price or not same_word(price.group("g"), rel[1]) or \
            not p.asks(r"^how much (money )?(does|did|will|would|do) (the )?\w+ (make|earn|get|collect|take in|"
                       r"raise)\b"):
        return None
    size, g, i = rel
    total = next((c for c in p.finditer(COUNT) if (counts_noun(c, i) or i is None) and c.span("a") != size.span("b")
                  and not counts_noun(c, g)), None)
    if not total:
        return None
    i = i or head_noun(total)
    b = Builder(p, "equal_groups")
    groups = b.step("/", [b.given(total, "a", i), b.given(size, "b", i)], g,
                    f"How many {g} of {size.group('b')} can {total.group('a')} {i} fill?")
    whole_count(b.value(groups))
    b.step("*", [groups, b.given(price, "p", "dollars")], "dollars",
           f"How much money do those {g} bring in at {price.group('p')} each?")
    return b.finish()


def grouping(p: Problem) -> Plan | None:
    """Total / group size: '96 players, teams of 8' -> how many teams (how many times does 8 fit)."""
    rel = _group_relation(p)
    if not rel:
        return None
    size, g, i = rel
    total = next((c for c in p.finditer(COUNT) if (counts_noun(c, i) or i is None)
                  and c.span("a") != size.span("b")), None)
    if not total or not p.asks_for(g):
        return None
    i, g = i or head_noun(total), p.question.split()[2].strip("?,.")
    b = Builder(p, "grouping")
    a, n = b.given(total, "a", i), b.given(size, "b", i)
    b.step("/", [a, n], g, f"How many {g} of {size.group('b')} can {total.group('a')} {i} make?")
    whole_count(b.steps[-1].value)
    return b.finish()


def sharing(p: Problem) -> Plan | None:
    """Total shared equally among n: '42 cookies shared among 6 friends' -> how many does each friend get."""
    share = p.search(_SHARE)
    total = p.search(COUNT)
    if not share or not total or total.span("a") == share.span("b"):
        return None
    if not p.asks(r"^how many\b.*\b(each|per|every)\b") or not p.asks(r"^how many\b"):
        return None
    i, g = head_noun(total), share.group("g")
    b = Builder(p, "sharing")
    a, n = b.given(total, "a", i), b.given(share, "b", g)
    b.step("/", [a, n], i, f"If {total.group('a')} {i} are shared equally among {share.group('b')} {g}, "
                           f"how many does each get?")
    whole_count(b.steps[-1].value)
    return b.finish()


# ----------------------------------------------------------------------------- comparison

HAS = r"(?:has|had|have|owns|owned|collected|collects|scored|scores|read|reads|picked|picks|baked|bakes|made|" \
       r"makes|sold|sells|saved|saves|caught|catches|found|finds|got|gets|bought|buys|earned|earns|ran|runs|wrote|" \
       r"won|wins|planted|plants|counted|counts|drew|draws|walked|walks|swam|swims)"
_BASE = re.compile(rf"(?P<x>{NAME}) {HAS} {_n('a')} (?:[a-z]+ )?{_w('i')}")
_MORE = re.compile(rf"(?P<y>{NAME}) {HAS} {_n('b')} (?P<dir>more|fewer|less)(?: {_w('i')})? than (?P<x>{NAME})")
_TIMES = re.compile(rf"(?P<y>{NAME}) {HAS} {_n('b')} times as (?:many|much)(?: [a-z]+)?(?: {_w('i')})? as "
                    rf"(?P<x>{NAME})")


def _name_ok(m: re.Match, *groups: str) -> bool:
    return all(m.group(g) not in PRONOUNS for g in groups)


def comparison(p: Problem) -> Plan | None:
    """'Sam has 12 cards. Tom has 5 more than Sam.' -> Tom's cards (and the total, if asked)."""
    rel = p.search(_MORE) or p.search(_TIMES)
    base = p.search(_BASE)
    if not rel or not base or not _name_ok(rel, "x", "y") or base.group("x") != rel.group("x") \
            or p.t[:base.start()].endswith("and "):
        return None   # 'Ava and Mila collected 54' is a joint total: sum_difference reads it
    x, y, i = rel.group("x"), rel.group("y"), base.group("i")
    if rel.groupdict().get("i") and not same_word(rel.group("i"), i):
        return None   # '5 more stickers than Sam' says nothing about Sam's marbles
    if not p.asks(rf"^how many\b.*\b{y}\b") and not p.asks(ASKS_TOTAL) or p.match_question(_MORE_THAN_Q) \
            or p.asks(r"^how (?:many|much) (?:fewer|less)\b.* than\b"):
        return None   # 'How many more (fewer) does Ben have than Sam?' asks the difference, not Ben's amount
    if any(w not in (x, y) and w not in PRONOUNS for w in re.findall(NAME, p.question)):
        return None   # 'together with Sarah': someone whose amount the story never gives
    b = Builder(p, "comparison")
    a, n = b.given(base, "a", i), b.given(rel, "b", "")
    if "dir" in rel.groupdict():
        op, how = ("+", "more") if rel.group("dir") == "more" else ("-", rel.group("dir"))
        question = f"If {x} has {base.group('a')} {i}, how many does {y} have with {rel.group('b')} {how}?"
    else:
        op, question = "*", f"How many {i} is {rel.group('b')} times {x}'s {base.group('a')} {i}?"
    y_ref = b.step(op, [a, n], i, question)
    whole_count(b.value(y_ref))
    if p.asks(ASKS_TOTAL):
        b.step("+", [a, y_ref], i, f"How many {i} do {x} and {y} have together?")
    elif not p.asks(rf"\b{y}\b"):
        return None
    return b.finish()


_AS_MANY = re.compile(rf"{_n('a')} {_w('noun')}(?: {_w('noun2')})?\b[^.?!]*?(?:,|\band\b|\.)[^.?!]*?\b{_n('b')} "
                      rf"(?:times )?as (?:many|much|long)\b")


def as_many_total(p: Problem) -> Plan | None:
    """'48 clips in April and half as many in May. How many altogether?' -> the second amount, then the total."""
    m = p.search(_AS_MANY)
    if not m or not p.asks(ASKS_TOTAL) or re.search(r"\b(than|each|per|every)\b", p.t, re.I) \
            or re.match(r"(?: [a-z]+)? as\b", p.t[m.end():]):
        return None   # '3 times as many as Carl' compares with Carl, not with the first amount
    i = head_noun(m)
    b = Builder(p, "comparison")
    a = b.given(m, "a", i)
    times = f"{m.group('b')} of" if b.value(b.given(m, "b", "")) < 1 else f"{m.group('b')} times"
    second = b.step("*", [a, b.given(m, "b", "")], i, f"What is {times} {m.group('a')} {i}?")
    b.step("+", [a, second], i, f"How many {i} is that with the first {m.group('a')}, in all?")
    return b.finish()


_MEASURE_BASE = re.compile(rf"(?P<x>(?:[Tt]he|[Aa]n?|{NAME})(?: [a-z]+){{0,2}}) is {_n('a')} ?{_w('u')} "
                           r"(?P<adj>long|tall|old|high|heavy|wide|deep)")
_MEASURE_REL = re.compile(rf"(?P<y>(?:[Tt]he|[Hh]is|[Hh]er|{NAME})(?: [a-z]+){{0,2}}) is {_n('b')} ?{_w('u')}? "
                          r"(?P<dir>shorter|longer|taller|older|younger|heavier|lighter|higher|lower|wider)\b")
_MORE_WORDS = {"longer", "taller", "older", "heavier", "higher", "wider"}


def own_words(phrase: str) -> set[str]:
    return set(re.findall(r"[a-z]+", phrase.lower())) - {"the", "a", "an", "his", "her", "is", "how"}


def measure_comparison(p: Problem) -> Plan | None:
    """'A blue ribbon is 45 cm long. The red ribbon is 18 cm shorter.' -> how long is the red ribbon."""
    base, rel = p.search(_MEASURE_BASE), p.search(_MEASURE_REL)
    if not base or not rel or rel.start() < base.end() or not p.asks(rf"^how {base.group('adj')} is "):
        return None
    asked = own_words(p.question)
    if not own_words(rel.group("y")) <= asked or own_words(base.group("x")) <= asked:
        return None   # the question must name the second thing, not the first
    unit = base.group("u")
    than = re.match(r" than ([^.?!,]+)", p.t[rel.end():])
    if rel.group("u") and not same_word(rel.group("u"), unit) or than and not own_words(than.group(1)) <= own_words(
            base.group("x")):
        return None
    b = Builder(p, "comparison")
    op = "+" if rel.group("dir") in _MORE_WORDS else "-"
    b.step(op, [b.given(base, "a", unit), b.given(rel, "b", unit)], unit,
           f"If {base.group('x').lower()} is {base.group('a')} {unit}, how {base.group('adj')} is "
           f"{rel.group('y').lower()}, {rel.group('b')} {unit} {rel.group('dir')}?")
    if b.steps[-1].value <= 0:
        raise NoPlan("a length below zero")
    return b.finish()


_DIFF_Q = re.compile(rf"how many (?P<dir>more|fewer|less)(?: {_w('i')})? (?:does|did|do|will) (?P<y>{NAME}) "
                     rf"(?P<verb>[a-z]+)[^?]* than (?P<x>{NAME})", re.I)


def difference(p: Problem) -> Plan | None:
    """'Ann read 30 pages and Ben read 18. How many more pages did Ann read than Ben?' -> 30 - 18."""
    q = p.match_question(_DIFF_Q)
    if not q:
        return None
    counts = {m.group("x"): m for m in p.finditer(_BASE)}
    x, y = q.group("x"), q.group("y")
    if x not in counts or y not in counts or len(counts) != 2 or \
            not same_word(counts[x].group("i"), counts[y].group("i")) or re.search(r"\b(times|as|than)\b", p.body):
        return None   # 'Anya has 4 times as many erasers as Andrea' is a comparison to work out first
    big, small = (y, x) if q.group("dir") == "more" else (x, y)
    i = counts[y].group("i")
    b = Builder(p, "comparison")
    refs = [b.given(counts[big], "a", i), b.given(counts[small], "a", i)]
    b.step("-", refs, i, f"How many more {i} does {big} have than {small}?")
    if b.steps[-1].value < 0:
        return None
    return b.finish()


def _subject(name: str) -> str:
    """Who or what has an amount: a name or a short noun phrase ('A toy robot', 'the drone')."""
    return rf"(?P<{name}>{NAME}|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er)(?: [a-z]+){{1,2}}?)"


_OWNS = rf"(?P<v>{HAS}|costs?|weighs?)"
_TIMES_AS = re.compile(rf"{_subject('y')} {_OWNS} {_n('k')} times as (?:many|much)(?: {_w('i')})? as "
                       rf"{_subject('x')}\b")
_OWNS_AMOUNT = re.compile(rf"{_subject('x')} {_OWNS} {_n('a')}(?: {_w('i')})?")
_MORE_THAN_Q = re.compile(r"how (?:many|much) more\b(?P<y>[^?]*) than (?P<x>[^?]+)\?", re.I)


def _in_sentence(phrase: str) -> str:
    """'A drone' -> 'a drone' inside a sentence; names keep their capital."""
    return re.sub(r"^(The|A|An|His|Her)\b", lambda m: m.group().lower(), phrase)


def times_difference(p: Problem) -> Plan | None:
    """'A robot costs $14. A drone costs 6 times as much as the robot. How much more does the drone cost?' ->
    the drone's price first (6 x 14), then the difference (84 - 14)."""
    rel, q = p.search(_TIMES_AS), p.match_question(_MORE_THAN_Q)
    bases = [m for m in p.finditer(_OWNS_AMOUNT) if not rel or m.start() != rel.start()]
    if not rel or not q or len(bases) != 1:
        return None
    base = bases[0]
    x_words, y_words = own_words(rel.group("x")), own_words(rel.group("y"))
    if not x_words <= own_words(base.group("x")) or not x_words <= own_words(q.group("x")) \
            or not y_words & own_words(q.group("y")) or x_words & y_words:
        return None   # the question must compare the two things the text compares, the bigger one first
    i = base.group("i") or ("dollars" if base.group("a").startswith("$") else "")
    if rel.group("i") and not same_word(rel.group("i"), i) or not i:
        return None
    much = "How much" if i == "dollars" else f"How many {i}"
    amount = base.group("a") if i == "dollars" else f"{base.group('a')} {i}"
    b = Builder(p, "comparison")
    a = b.given(base, "a", i)
    verb = {"cost": "cost", "costs": "cost", "weigh": "weigh", "weighs": "weigh"}.get(rel.group("v"), "have")
    bigger = b.step("*", [b.given(rel, "k", ""), a], i, f"{much} does {_in_sentence(rel.group('y'))} {verb}, "
                                                        f"{rel.group('k')} times {amount}?")
    more = "How much more" if i == "dollars" else f"How many more {i}"
    b.step("-", [bigger, a], i, f"{more} is that than {_in_sentence(rel.group('x'))}'s {base.group('a')}?")
    return b.finish()


# ----------------------------------------------------------------------------- part-whole and change

LOSE = r"gives? away|gave away|gives?|gave|loses|lost|lose|eats|ate|eat|sells|sold|sell|spends|spent|spend|uses|" \
        r"used|use|breaks|broke|donates|donated|drops|dropped|throws away|threw away|takes away|took away|" \
        r"shares|shared|pops|popped|mails|mailed|returns|returned|removes|removed|cuts|cut"
_GAIN = r"buys|bought|buy|gets|got|get|finds|found|find|receives|received|earns|earned|picks|picked|collects|" \
        r"collected|adds|added|wins|won|makes|made|was given|is given|borrows|borrowed|catches|caught|bakes|baked"
_SUBJECT = rf"(?:{NAME}|[Tt]here|[Tt]he \w+|[Aa]n? \w+|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)"
_START = re.compile(rf"(?:{_SUBJECT} (?:has|had|have|starts with|started with|is|are|was|were|"
                    rf"owns|collected|baked|picked|bought|made|saved|saves|raised|raises|earned|earns)) "
                    rf"(?:(?:a |an )?[a-z]+ (?:of|with) )?"
                    rf"(?:{_n('a')} (?:[a-z]+ )?{_w('i')}|(?P<cash>\$\d+(?:\.\d+)?))")
_EVENT = re.compile(rf"\b(?P<verb>{LOSE}|{_GAIN}) (?:(?:another|away|out|the|his|her|their|him|me|us) )?{_n('b')}"
                    rf"(?: (?:more )?(?:[a-z]+ )?{_w('u')})?")
_START_GROUPS = re.compile(rf"{_SUBJECT} (?:has|had|have|are|were|bought|buys|orders|ordered|gets|got) "
                           rf"{_n('a')} {_w('g')} (?:of|with) {_n('b')} {_w('i')}")
_NOT_UNIT = {"to", "of", "more", "from", "for", "and", "on", "in", "at", "each", "with", "times", "than", "away",
             "back", "as"}


_AT_START = r"\b(?:at (?:the )?(?:start|first|beginning)|in the beginning|to (?:begin|start) with|originally)\b"


def change(p: Problem) -> Plan | None:
    """A start amount and events in order: 'had 40 stickers, gave away 12, bought 7' -> how many now/left."""
    if not p.asks(r"^how (many|much)\b") or not p.asks(ASKS_LEFT + r"|\b(does|did|do) \w+ have\b") \
            or re.search(r"\b(each|per|times|than|%)\b", p.t, re.I) or p.asks(_AT_START):
        return None   # ('How many did it have at first?' asks the start, never the end of the events)
    b = Builder(p, "change")
    grouped = p.search(_START_GROUPS)
    if grouped:
        i, g = grouped.group("i"), grouped.group("g")
        start = b.step("*", [b.given(grouped, "a", g), b.given(grouped, "b", i)], i,
                       f"How many {i} are in {grouped.group('a')} {g} of {grouped.group('b')}?")
        after = grouped.end()
    else:
        m = p.search(_START)
        if not m:
            return None
        cash = m.group("cash")
        i = "dollars" if cash else m.group("i")
        start, after = b.given(m, "cash" if cash else "a", i), m.end()
    before = (p.t[:after].split(". ")[-1] if not grouped else grouped.group(0)) + ", then"
    if not p.asks_for(i) and not p.asks(r"^how many (does|did|do|are|were|is)\b") \
            and not (i == "dollars" and p.asks(r"^how much (money )?(does|did|do|is|are)\b")):
        return None
    events = [e for e in p.finditer(_EVENT) if e.start() >= after]
    owner = p.t[p.t.rfind(".", 0, after) + 1:after].split()[0]
    if not events or any(_actor(p, e) not in (owner, None) for e in events):
        return None   # 'Jason buys 5 of the bottles' takes bottles off the shelf: someone else's change
    if any(w not in PRONOUNS and w != owner for w in re.findall(NAME, p.question)):
        return None   # 'He gave 12 to Ann ... How many cards does Ann have?' asks for what Ann had, never said
    groups = _with_elided(p, events)
    if len([e for g in groups for e in g if re.search(r"[/%]", e.group("b"))
            and p.t.startswith((" of them", " of it"), e.end("b"))]) > 1:
        return None   # 'gives 1/4 of them to his sister and 1/3 of them to his friend': both of the start, not in turn
    for group in groups:
        plain = len(group) > 1 and not any(re.search(r"[/%]", e.group("b")) or p.t.startswith(" of", e.end("b"))
                                           for e in group)
        for e in ([_Summed(b, group, i)] if plain else group):
            start = _change_event(p, b, e, start, before, i)
            if start is None:
                return None
            before = "Then"
            whole_count(b.value(start))
    return b.finish()


class _Summed:
    """'spent $480 on the bus and $315 on tickets': one event whose amount is the two added first (step 1)."""

    def __init__(self, b: Builder, group: list, unit: str):
        self.event, self.amounts = group[0], [e.group("b") for e in group]
        much = "How much" if unit == "dollars" else f"How many {unit}"
        self.total = b.step("+", [b.given(e, "b", unit) for e in group], unit,
                            f"{much} is {' and '.join(self.amounts)} together?")

    def group(self, name: str) -> str | None:
        return " and ".join(self.amounts) if name == "b" else None if name == "u" else self.event.group(name)

    def span(self, name: str) -> tuple[int, int]:
        return self.event.span(name)

    def end(self, name: str) -> int:
        return self.event.end(name)


def _change_event(p: Problem, b: Builder, e: re.Match | Merged | _Summed, start: Ref, before: str,
                  i: str) -> Ref | None:
    """One event of a change story applied to the running amount (None when its amount is not of `i`)."""
    unit, verb, amount = e.group("u"), e.group("verb"), e.group("b")
    how_many = "How much money" if i == "dollars" else f"How many {i}"
    lose = re.fullmatch(LOSE, verb) is not None
    if lose and _given_to_owner(p, e):
        lose, verb = False, "got"
    of_what = re.match(rf" of (?:them|it|the {i}|what (?:is|was) left|the rest)\b", p.t[e.end("b"):])
    if p.t.startswith(" of", e.end("b")) and not of_what:
        return None   # 'spends 4/5 of that' is a part of something we cannot name
    if of_what and re.search(r"[/%]", amount):
        held = fmt(b.value(start))   # 'What is 1/3 of the 45 eggs?': the amount the fraction is taken of, by name
        part = fraction_part(b, start, e, "b", f"${held}" if i == "dollars" else f"the {held} {i}", i)
        return b.step("-" if lose else "+", [start, part], i, f"{before} {verb} {amount}{of_what.group(0)}. "
                                                              f"{how_many} then?")
    if unit and unit not in _NOT_UNIT and not same_word(unit, i) and not of_what:
        return None
    amount_ref = e.total if isinstance(e, _Summed) else b.given(e, "b", i)
    return b.step("-" if lose else "+", [start, amount_ref], i, f"{before} {verb} {amount}. {how_many} then?")


_ELIDED = re.compile(rf"(?P<gap>[^.?!0-9]*?) and {_n('b')}(?: (?:more )?{_w('u')})?\b")


class Renamed:
    """A match whose groups are read under other names (so one pattern's 'a' can serve as another's 'n')."""

    def __init__(self, match: re.Match, names: dict[str, str]):
        self.match, self.names = match, names

    def groupdict(self) -> dict[str, str]:
        return {new: self.match.group(old) for new, old in self.names.items()}

    def group(self, name: str) -> str:
        return self.match.group(self.names.get(name, name))

    def span(self, name: str) -> tuple[int, int]:
        return self.match.span(self.names.get(name, name))


def _with_elided(p: Problem, events: list[re.Match]) -> list[list[re.Match | Merged]]:
    """Each event with the amounts that share its verb: 'sold 1/3 of them in the morning and 25 in the afternoon'
    (the 25 is sold too, the verb is left out)."""
    out: list[list[re.Match | Merged]] = []
    for e in events:
        out.append([e])
        elided = _ELIDED.match(p.t, e.end())
        if elided and not any(x.start() < elided.end() and x.start() >= e.end() for x in events) \
                and not re.search(LOSE + "|" + _GAIN, elided.group("gap")):
            out[-1].append(Merged(elided, Renamed(e, {"verb": "verb"})))
    return out


def _given_to_owner(p: Problem, event: re.Match | Merged) -> bool:
    """'her aunt gave her 25 more beads': a gift to the owner adds to what they have. The giver must be someone
    named by a noun ('her aunt', 'a friend'): in 'She gave him 5' the owner is the one giving."""
    at = event.span("verb")[0]
    giver = re.search(r"\b(?i:her|his|their|my|a|an|the) (?!(?:her|his|their|my)\b)[a-z]+ $", p.t[:at])
    return giver is not None and re.match(r"(?:gives?|gave|hands?|handed) (?:her|him|me|us) ", p.t[at:]) is not None


def _actor(p: Problem, event: re.Match) -> str | None:
    """The name just before an event's verb ('Jason buys'), or None for a pronoun or no name."""
    words = re.findall(r"[A-Za-z]+", p.t[:event.start()])
    last = words[-1] if words else ""
    return last if re.fullmatch(NAME, last) and last not in PRONOUNS else None


def _noun_follows(p: Problem, m: re.Match, noun: str) -> bool:
    """Does the number count `noun` ('24 blue marbles', '1/2 of a cup of milk'), not a container of it
    ('6 boxes of crayons')? At most two words between, and 'of' only in a fraction 'of a/an'."""
    words = re.findall(r"[A-Za-z-]+|[.,?!]", p.t[m.end():])[:5]
    for k, word in enumerate(words[:3]):
        if same_word(word, noun):
            between = words[:k]
            return "of" not in between or ("/" in m.group() and between[:2] in (["of", "a"], ["of", "an"])) \
                or (len(between) == 2 and unit_name(between[0]) in _MEASURES and between[1] == "of")
    return False


# Measures of an amount ('3/4 cup of flour' is flour, where '6 boxes of crayons' counts boxes).
_MEASURES = {"cup", "kg", "g", "l", "ml", "pound", "ounce", "tablespoon", "teaspoon", "gallon", "pint", "quart"}
_DISTANCES = {"mile", "km", "m", "cm", "foot", "yard", "inch", "meter", "metre"}
_DURATIONS = {"hour", "minute", "second", "day", "week"}


def part_whole(p: Problem) -> Plan | None:
    """Parts to a whole: '18 red and 24 blue marbles. How many marbles in all?' (fractions of a cup too)."""
    q = p.match_question(re.compile(r"how (?:(?:many|much) (?P<i>[a-z]+)|far\b)", re.I))
    if not q or not p.asks(ASKS_TOTAL) or re.search(
            r"\b(each|per|every|times|than|left|ratio|average|mean|of them|rest|cost|costs|more|fewer|less|as many|"
            r"as much|square|side|out)\b|%|\$|\bby \d", p.t, re.I):
        return None
    parts = list(p.finditer(NUMBER, "all"))
    first_word = re.match(r" ([a-z]+)", p.t[parts[0].end():]) if parts else None
    i = q.group("i") or (first_word.group(1) if first_word and unit_name(first_word.group(1)) in _DISTANCES else "")
    units = {unit_name(w) for w in re.findall(rf"{NUM} ([a-z]+)", p.t) if unit_name(w) in _MEASURES | _DISTANCES |
             _DURATIONS}
    if len(parts) < 2 or not i or not all(_noun_follows(p, m, i) for m in parts) or len(units) > 1:
        return None   # ('1 hour 20 minutes and 45 minutes': two units to make one first)
    if unit_name(i) in _DURATIONS and p.asks(r"\btogether\b") and all(p.t[:m.start()].endswith("in ") for m in parts):
        return None   # 'packs them in 4 hours ... in 12 hours': one job shared, the rates add, not the times
    measure = first_word.group(1) if first_word and unit_name(first_word.group(1)) in _MEASURES | _DISTANCES else ""
    b = Builder(p, "part_whole")
    refs = [b.given(m, 0, i) for m in parts]
    texts = " and ".join(f"{m.group(0)} {measure}".strip() for m in parts)
    # 'How much flour is 3/4 cup and 2/3 cup together?', but 'How many cups are 2 1/4 cups and ...': a unit counts
    if measure and q.group("i") is None:
        question = f"How far is {texts} together?"
    elif measure and not same_word(i, measure):
        question = f"How much {i} is {texts} together?"
    else:
        question = f"How many {i} are {texts} together?"
    b.step("+", refs, i, question)
    return b.finish()


_REST = re.compile(rf"{_n('b')} (?:of them |of the [a-z]+ )?(?:are|were|is) {_w('part')}[^.?!]*?"
                   rf"\b(?:the )?(?:rest|others?) (?:are|were) {_w('other')}")


def missing_part(p: Problem) -> Plan | None:
    """Whole minus a part: '30 students, 12 are boys and the rest are girls' -> how many girls."""
    rest = p.search(_REST)
    whole = p.search(COUNT)
    if not rest or not whole or whole.span("a") == rest.span("b"):
        return None
    if not p.asks(rf"^how many (?:[a-z]+ )?{rest.group('other')}\b|^how many \w+ (are|were) {rest.group('other')}"):
        return None
    i = head_noun(whole)
    b = Builder(p, "part_whole")
    b.step("-", [b.given(whole, "a", i), b.given(rest, "b", i)], i,
           f"Of {whole.group('a')} {i}, {rest.group('b')} are {rest.group('part')}. "
           f"How many are {rest.group('other')}?")
    whole_count(b.steps[-1].value)
    return b.finish()


_MEASURE_START = re.compile(rf"(?P<x>(?:[Tt]he|[Aa]n?|[Ii]ts|{NAME})(?: [a-z]+){{0,2}}) (?:is|was) (?:at )?(?P<neg>-)?"
                            rf"{_n('a')} ?{_w('u')}\b")
_UP_BY = r"rises|rose|climbs|climbed|goes up|went up|grows|grew|gains|gained"
_DOWN_BY = r"dives|dived|dove|sinks|sank|drops|dropped|falls|fell|goes down|went down|cuts off|cut off|saws off|" \
           r"sawed off|loses|lost"
_MEASURE_EVENT = re.compile(rf"\b(?P<verb>{_UP_BY}|{_DOWN_BY}) (?:by )?{_n('b')} ?{_w('u')}\b")


def measure_change(p: Problem) -> Plan | None:
    """A measure that goes up and down: 'A submarine is at -120 m. It rises 45 m, then dives 70 m.' -> -75, then
    -145; 'A board is 5 1/4 feet long. Ray cuts off 2 3/4 feet.' -> 2 1/2 feet."""
    start = p.search(_MEASURE_START)
    events = [e for e in p.finditer(_MEASURE_EVENT) if start and e.start() > start.end()]
    asked = p.asks(r"^(how (long|tall|high|deep|heavy)|what is (its|the|her|his|their) \w+)")
    if not start or not events or not asked or not p.asks(r"\b(now|left|then|at the end)\b"):
        return None
    unit = start.group("u")
    if any(not same_word(e.group("u"), unit) for e in events):
        return None
    b = Builder(p, "change")
    value = b.given(start, "a", unit, scale=-1 if start.group("neg") else 1)
    for e in events:
        down = re.fullmatch(_DOWN_BY, e.group("verb")) is not None
        amount = b.given(e, "b", unit)
        was, by = shown_first(b.value(value)), shown_first(b.value(amount))
        question = f"How long is {was} {unit} once {by} {unit} are cut off?" if e.group("verb").endswith("off") \
            else f"From {was} {unit}, it {e.group('verb')} {by} {unit}. Where is it then?"
        value = b.step("-" if down else "+", [value, amount], unit, question)
    return b.finish()


_LEVEL = re.compile(rf"{_n('a')} ?{_w('u')} (?P<side>above|below) (?P<ref>sea level|zero|freezing|the ground)")


def level_difference(p: Problem) -> Plan | None:
    """Two heights or temperatures either side of a level: '2,350 m above sea level ... 86 m below sea level. What
    is the difference?' -> 2350 - (-86): the distance down to the level and on past it."""
    levels = list(p.finditer(_LEVEL, "all"))
    if len(levels) != 2 or levels[0].group("ref") != levels[1].group("ref") \
            or not same_word(levels[0].group("u"), levels[1].group("u")) \
            or not p.asks(r"\b(difference|how far apart|how much (higher|warmer|lower|colder)|how many \w+ "
                          r"(higher|warmer|apart|lower|colder))\b"):
        return None
    b = Builder(p, "difference")
    unit, ref = levels[0].group("u"), levels[0].group("ref")
    refs = [b.given(m, "a", unit, scale=-1 if m.group("side") == "below" else 1) for m in levels]
    high, low = sorted(refs, key=b.value, reverse=True)
    said = {r: f"{m.group('a')} {unit} {m.group('side')} {ref}" for r, m in zip(refs, levels)}
    b.step("-", [high, low], unit, f"How far is it from {said[low]} to {said[high]}?", kind="level_difference")
    return b.finish()


_TWO_PRICES = re.compile(rf"(?P<a>\$\d+(?:\.\d+)?) (?:for|per) (?:an? |each )?{_w('x')} and "
                         rf"(?P<b>\$\d+(?:\.\d+)?) (?:for|per) (?:an? |each )?{_w('y')}\b(?! [a-z])")
# the group must count the same things the prices do, one each: '12 people' for adults and children, '9 tickets'
_GROUP_PAID = re.compile(rf"\b{_n('n')} (?P<who>people|persons|visitors|guests|passengers|riders|tickets) "
                         rf"(?:paid|pay|spent|spend) (?:a total of )?(?P<t>\$\d+(?:\.\d+)?)")


def two_prices(p: Problem) -> Plan | None:
    """'Tickets cost $8 for adults and $5 for children. A group of 12 people paid $78. How many adults?' -> as if all
    12 paid the lower price, the money left over, the extra one dearer ticket costs, then how many of those."""
    prices, group = p.search(_TWO_PRICES), p.search(_GROUP_PAID)
    asked = re.match(r"how many ([a-z]+)", p.question, re.I)
    if not prices or not group or not asked or not any(same_word(asked.group(1), prices.group(k)) for k in "xy"):
        return None
    b = Builder(p, "sum_difference")
    a_price, b_price = b.given(prices, "a", "dollars"), b.given(prices, "b", "dollars")
    dear, cheap = ("x", "y") if b.value(a_price) > b.value(b_price) else ("y", "x")
    dear_price, cheap_price = (a_price, b_price) if dear == "x" else (b_price, a_price)
    if not same_word(asked.group(1), prices.group(dear)) or b.value(dear_price) == b.value(cheap_price):
        return None   # asked for the cheaper ones: the same idea with the roles swapped, not written yet
    count = b.given(group, "n", group.group("who"))
    all_cheap = b.step("*", [count, cheap_price], "dollars", f"How much would {group.group('n')} {group.group('who')} "
                       f"pay if all were {prices.group(cheap)}?")
    extra = b.step("-", [b.given(group, "t", "dollars"), all_cheap], "dollars", "How much more than that did they pay?")
    each = b.step("-", [dear_price, cheap_price], "dollars",
                  f"How much more does one of the {prices.group(dear)} cost than one of the {prices.group(cheap)}?")
    b.step("/", [extra, each], prices.group(dear), f"How many {prices.group(dear)} make up that extra money?")
    whole_count(b.steps[-1].value)
    if not 0 < b.steps[-1].value <= b.value(count):
        raise NoPlan("more of them than people in the group")
    return b.finish()


# ----------------------------------------------------------------------------- rates and proportion

_RATE_IN = re.compile(rf"{_n('a')} {_w('i')} (?:in|every|each) {_n('b')} {_w('t')}")
_COST_FOR = re.compile(rf"(?<![$\d.])(?P<b>\d+) (?:{_w('adj')} )?{_w('t')} "
                       rf"(?:cost|costs|cost a total of|for|sell for|sells for) (?P<a>\$\d+(?:\.\d+)?)")
_PAYS_FOR = re.compile(rf"\b(?:pays|paid|spends|spent) (?P<a>\$\d+(?:\.\d+)?) (?:for|on) {_n('b')} ?{_w('t')}")
_RATE_PER = re.compile(rf"(?P<a>{NUM})(?: {_w('i')})? (?:per|an|a|each|every) {_w('t')}\b")


def _rate(p: Problem, b: Builder) -> tuple[Ref, str, str, re.Match] | None:
    """The unit rate, as a plan step or a given: (ref, numerator unit, per-unit, the match)."""
    m = p.search(_RATE_IN) or p.search(_COST_FOR) or p.search(_PAYS_FOR)
    if m:
        i = m.groupdict().get("i") or "dollars"
        t = m.group("t")
        question = f"How much does 1 {stem(t)} cost, if {m.group('b')} {t} cost {m.group('a')}?" \
            if i == "dollars" else f"How many {i} for 1 {stem(t)}, if {m.group('b')} {t} give {m.group('a')} {i}?"
        ref = b.step("/", [b.given(m, "a", i), b.given(m, "b", t)], f"{i} per {stem(t)}", question,
                     kind="unit_rate")
        return ref, i, t, m
    m = p.search(_RATE_PER)
    if not m or m.group("t") in _NOT_UNIT:
        return None
    i = m.group("i") or ("dollars" if m.group("a").startswith("$") else "")
    if not i:
        return None
    return b.given(m, "a", f"{i} per {m.group('t')}"), i, m.group("t"), m


_TIMES_OF_PAY = {stem(w) for w in ("hour", "day", "week", "month", "year", "minute")}


def rate(p: Problem) -> Plan | None:
    """Unit rates and proportion: '120 km in 2 hours' -> how far in 5 hours / how long for 300 km / per hour."""
    if re.search(r"\b(more|fewer|less|than|times|%|left|each|share|shared|split)\b", p.t, re.I) or \
            not p.asks(r"^how (many|much|far|long|fast)|^what (is|was) (its|the|his|her|their) (average )?speed"):
        return None
    b = Builder(p, "rate")
    found = _rate(p, b)
    if not found:
        return None
    per, i, t, m = found
    taken = {m.span("a")} | ({m.span("b")} if "b" in m.groupdict() else set())
    others = [c for c in p.finditer(COUNT, "all") if c.span("a") not in taken]
    if not others:   # a unit rate question: per hour, in 1 hour, how fast
        units = p.asks(rf"\bin {re.escape(i)} (?:per|an?) {stem(t)}\b")   # 'speed in miles per hour' of miles, hours
        if p.asks(r"[a-z]/[a-z]|\bmph\b|\bin (?!an?\b|one\b|each\b)[a-z]+") and not units:
            return None   # 'speed in km/h' from metres and seconds needs a conversion this plan lacks
        if p.asks(r"\b(per|each|an?|1) " + stem(t) + r"|how fast|speed") and b.steps:
            return b.finish()
        return None
    if len(others) != 1:
        return None
    c = others[0]
    if counts_noun(c, t):       # how much for c of the per-unit
        price = b.value(per)
        price_text = f"${price}" if price.denominator == 1 else f"${float(price):.2f}"   # $1.90, not $1.9
        said = next((w for w in (c.group("noun2"), c.group("noun")) if w and stem(w) == stem(t)), t)  # '6 days'
        question = (f"How much money in {c.group('a')} {said}" if stem(t) in _TIMES_OF_PAY   # earned, not bought
                    else f"How much do {c.group('a')} {said} cost") + f", at {price_text} per {stem(t)}?" \
            if i == "dollars" else f"How many {i} for {c.group('a')} {said}, at {fmt(b.value(per))} {i} per {stem(t)}?"
        b.step("*", [per, b.given(c, "a", t)], i, question, kind="rate")
    elif counts_noun(c, i) and p.asks(rf"^how (long|many {t})|^how many {stem(t)}"):
        b.step("/", [b.given(c, "a", i), per], t, f"How many {_plural(t)} to get {c.group('a')} {i}, at "
                                                  f"{fmt(b.value(per))} "
                                                  f"{i} per {stem(t)}?", kind="rate")
    elif (unit_factor(t, c.group("noun")) or unit_factor(c.group("noun"), t)) and not b.steps and not counts_noun(c, i):
        b.step("*", [per, _convert(b, c, t)], i, f"How many {i} for {c.group('a')} {c.group('noun')}, at "
                                                 f"{fmt(b.value(per))} {i} per {stem(t)}?", kind="rate")
    else:
        return None
    return b.finish()


def _plural(noun: str) -> str:
    return noun if noun.endswith("s") else noun + "s"


def _article(noun: str) -> str:
    """'an hour', 'a minute': the unit as one of it."""
    word = stem(noun)
    return f"{'an' if word[0] in 'aeiou' or word == 'hour' else 'a'} {word}"


def _convert(b: Builder, c: re.Match, to: str) -> Ref:
    """A count in the rate's time unit: '50 minutes' as a part of an hour, '2 hours' as minutes."""
    unit = c.group("noun")
    down = unit_factor(to, unit)          # minutes -> hours divides by 60
    factor = down or unit_factor(unit, to)
    big, small = (to, unit) if down else (unit, to)
    fact = b.fact(factor, f"{small} per {stem(big)}", f"{factor} {small} in 1 {stem(big)}")
    return b.step("/" if down else "*", [b.given(c, "a", unit), fact], to,
                  f"How many {_plural(to)} is {c.group('a')} {unit}?" if not down
                  else f"What part of {_article(to)} is {c.group('a')} {unit}?", kind="convert")
