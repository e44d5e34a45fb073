"""The planner's readers of two people's (or two numbers') amounts: one small function per pattern.

Two numbers from their sum and difference ('The sum of 2 numbers is 50 and their difference is 12'), two people's
shares of a total with one more or fewer than the other ('Jada is 4 years older than her brother. The sum of their
ages is 30'), and two people's total with one k times the other ('Omar is 4 times as old as his cousin. The sum of
their ages is 35': k + 1 equal parts). Round 15: the amount a known one was said against ('Ana scored 36 points,
which is 4 times as many as Ben': Ben's is 36 ÷ 4) and how many times one amount is another ('How many times longer is
the whale?'). Session 23: two kinds of thing, one k times the other, read from either count ('There are 4 times as many
adults as children. There are 120 adults.'), a comparison whose reference is the amount told just before it ('A class
collected 125 cans. Another class collected 38 fewer cans.'), and how many of one kind from a count, its cost and two
prices ('20 shirts for $279 ... $12 and the rest $15'). Apart from equation_patterns.py to keep each file short; each
pattern returns a `Plan` or None.
"""
from __future__ import annotations

import re

from story_patterns import HAS
from wordproblem import NAME, NUM, Builder, Merged, Plan, Problem, _n, _w, fmt, same_word, stem, whole_count

# ----------------------------------------------------------------------------- a total and a difference or multiple

# 'The sum of 2 numbers is 50', '2 numbers add to 30 and differ by 6', '... one is 8 more than the other'
_SUM_DIFF = re.compile(rf"(?:sum of (?:(?P<two>2) |the )?numbers is|(?P<two_>2) numbers (?:add (?:up )?to|sum to|"
                       rf"have a sum of|total)) {_n('s')}(?:[^?!]*?(?:difference (?:between them )?(?:is|of)|"
                       rf"differ by) {_n('d')}|(?:\.|,| and) [Oo]ne (?:number |of them )?is {_n('d_')} "
                       rf"(?:more|greater|bigger|larger|less|smaller) than the other\b)")
# '... their sum is 41', said after the difference: 'The difference between 2 numbers is 9 and their sum is 41'
_DIFF_SUM = re.compile(rf"difference (?:between|of) (?:(?P<two>2) |the )?numbers is {_n('d')}(?:,? and|\.) "
                       rf"(?:their|the|[Tt]heir|[Tt]he) sum is {_n('s')}")
# 'The sum of 2 numbers is 36 and one number is 2 times the other' ('twice' is read as '2 times')
_SUM_TIMES = re.compile(rf"(?:sum of (?:(?P<two>2) |the )?numbers is|(?P<two_>2) numbers (?:add (?:up )?to|sum to|"
                        rf"have a sum of|total)) {_n('s')}(?:\.|,| and) [Oo]ne (?:number |of them )?is {_n('k')} times "
                        rf"(?:as (?:large|big|much) as )?the other\b")
_TOGETHER = re.compile(rf"(?P<x>{NAME}) and (?P<y>{NAME}) {HAS} {_n('s')} {_w('i')}[^.?!]*?"
                       rf"\b(?:together|altogether|in all|in total|between them)")
_MORE_THAN = re.compile(rf"(?P<big>{NAME}) {HAS} {_n('d')} more(?: {_w('i')})? than (?P<small>{NAME})")
# two things priced together and one dearer: 'A bat and a ball cost $1.10 in total. The bat costs $1.00 more than
# the ball.'
_COST_TOGETHER = re.compile(r"\b(?:[Aa]n?|[Tt]he) (?P<x>[a-z]+) and (?:an?|the) (?P<y>[a-z]+) (?:cost|costs|sell for) "
                            rf"{_n('s')}(?: together| altogether| in all| in total)?[.,]")
_COSTS_MORE = re.compile(rf"\b[Tt]he (?P<big>[a-z]+) costs {_n('d')} more than the (?P<small>[a-z]+)\b")


def sum_difference(p: Problem) -> Plan | None:
    """Two numbers from their sum and difference: half the sum is the middle, half the difference takes it to the
    larger (plus) or the smaller (minus) number."""
    m = p.search(_SUM_DIFF) or p.search(_DIFF_SUM)
    want_big = p.asks(r"\b(larger|largest|bigger|biggest|greater|greatest)\b")
    if not m or want_big == p.asks(r"\b(smaller|smallest|lesser|least)\b"):
        return None
    b = Builder(p, "sum_difference")
    said = m.groupdict()
    two_group = "two" if said["two"] else "two_" if said.get("two_") else None
    two = b.given(m, two_group, "") if two_group else b.fact(2, "", "2 numbers")
    half_sum = b.step("/", [b.given(m, "s", ""), two], "", f"What is half of the sum, {m.group('s')} ÷ 2?")
    d = "d" if said["d"] else "d_"   # 'their difference is 8' or 'one is 8 more than the other'
    # the idea, not the sum: from the middle both numbers move, so each moves half of the gap
    middle = fmt(b.value(half_sum))
    half_diff = b.step("/", [b.given(m, d, ""), two], "", f"From the middle, {middle}, one number goes up and the "
                       f"other down by the same amount: how far must each move to end up {m.group(d)} apart?")
    name = "larger" if want_big else "smaller"
    b.step("+" if want_big else "-", [half_sum, half_diff], "",
           f"The {name} number is half the difference {'above' if want_big else 'below'} half the sum: what is it?")
    return b.finish()


def numbers_multiple(p: Problem) -> Plan | None:
    """Two numbers from their sum when one is k times the other: the smaller is 1 part and the larger k parts
    ('The sum of 2 numbers is 36 and one is 2 times the other': 36 / 3 = 12, then 2 x 12)."""
    m = p.search(_SUM_TIMES)
    want_big = p.asks(r"\b(larger|largest|bigger|biggest|greater|greatest)\b")
    if not m or want_big == p.asks(r"\b(smaller|smallest|lesser|least)\b") or len(p.numbers) != 2 + bool(
            m.group("two") or m.group("two_")):
        return None
    b = Builder(p, "sum_multiple")
    for two in ("two", "two_"):
        if m.group(two):
            b.label(m, two)   # '2 numbers' says how many there are: the parts below are theirs
    times = b.given(m, "k", "parts")
    if b.value(times) <= 1:
        return None   # '0.5 times the other' makes the first number the smaller one
    parts = b.step("+", [times, b.fact(1, "parts", "1 part for the smaller number")], "parts",
                   f"If the smaller number is 1 part and the larger is {m.group('k')} parts, how many equal parts make "
                   f"the sum?")
    one = b.step("/", [b.given(m, "s", ""), parts], "", f"Shared into those equal parts, what is 1 part of "
                                                       f"{m.group('s')}?")
    if want_big:
        b.step("*", [one, times], "", f"The larger number is {m.group('k')} parts: what is it?")
    return b.finish()


# A group of two kinds of people and how many more of one kind: 'There are 45 children in the club. There are 7 more
# girls than boys.' (every child is a girl or a boy)
_KINDS = {("boy", "girl"), ("girl", "boy"), ("man", "woman"), ("woman", "man"), ("adult", "child"), ("child", "adult")}
_GROUP_OF = re.compile(rf"(?:^|(?<=[.!] ))(?:[Tt]here (?:are|were)|[A-Z][a-z]*(?: [a-z]+)* (?:has|had|have)) "
                       rf"{_n('s')} (?P<group>[a-z]+)\b(?P<tail>[^.?!\d]*)[.!,]")
_KIND_MORE = re.compile(rf"\b{_n('d')} more (?P<big>[a-z]+) than (?P<small>[a-z]+)\b")


def kinds_with_difference(p: Problem) -> Plan | None:
    """How many of each kind in a group of two kinds, one kind d more: (total - d) / 2 of the fewer kind, then d
    more of the other ('45 children ... 7 more girls than boys': (45 - 7) / 2 = 19 boys, 26 girls)."""
    group, more = p.search(_GROUP_OF), p.search(_KIND_MORE)
    kinds = (stem(more.group("big")), stem(more.group("small"))) if more else ()
    asked = p.match_question(re.compile(r"how many (?P<kind>[a-z]+)\b", re.I))
    if not group or not more or kinds not in _KINDS or len(p.numbers) != 2 or not asked \
            or stem(asked.group("kind")) not in kinds or stem(group.group("group")) in kinds:
        return None
    b = Builder(p, "sum_difference")
    big, small = more.group("big"), more.group("small")
    total, extra = b.given(group, "s", group.group("group")), b.given(more, "d", big)
    whole = f"{group.group('s')} {group.group('group')}"
    rest = b.step("-", [total, extra], group.group("group"), f"Without the {more.group('d')} extra {big}, how many "
                                                             f"of the {whole} are left to split evenly?")
    fewer = b.step("/", [rest, b.fact(2, "", "2 equal groups")], small, f"Split evenly between {big} and {small}, "
                                                                        f"how many {small} are there?")
    whole_count(b.value(fewer))
    if stem(asked.group("kind")) == kinds[0]:
        b.step("+", [fewer, extra], big, f"How many {big} are there, {more.group('d')} more than the {small}?")
    return b.finish()


_PERSON = rf"(?:{NAME}|(?:[Hh]is|[Hh]er|[Tt]heir) [a-z]+)"   # 'Jada', 'her brother'
_SOMEONE = rf"(?:{_PERSON}|(?:[Aa]n?|[Tt]he) [a-z]+)"   # 'A father is 30 years older than his son'
_OLDER = re.compile(rf"(?P<x>{_SOMEONE}) (?:is|was) {_n('d')} years? (?P<dir>older|younger) than (?P<y>{_SOMEONE})\b")
_FEWER_THAN = re.compile(rf"(?P<x>{NAME}) {HAS} {_n('d')} fewer(?: {_w('i')})? than (?P<y>{NAME})")
# the two together said of 'they': 'The sum of their ages is 26', 'Together they have 40 cards'
# 'Together, Max and Zoe are 30 years old': their ages' total, the two named
_AGES_TOGETHER = re.compile(rf"\b(?:[Tt]ogether,? )?(?P<x>{NAME}) and (?P<y>{NAME}) are {_n('s')} years old"
                            rf"(?P<all> together| altogether| in all)?")
_THEY_TOTAL = re.compile(rf"\b(?:(?P<age>[Tt]he sum of their ages is|[Tt]heir ages add up to|[Tt]heir combined age "
                         rf"is)|[Tt]ogether,? they have|[Tt]hey have) {_n('s')}(?: {_w('i')})?"
                         rf"(?P<all> together| altogether| in all| in total)?")


def _apart(p: Problem) -> tuple[re.Match, str, str, str] | None:
    """How two people differ: (the match, the bigger one, the smaller one, what the difference counts)."""
    more, fewer, older, dearer = (p.search(rx) for rx in (_MORE_THAN, _FEWER_THAN, _OLDER, _COSTS_MORE))
    if sum(m is not None for m in (more, fewer, older, dearer)) != 1:
        return None
    if more:
        return more, more.group("big"), more.group("small"), more.group("i") or ""
    if dearer:
        return dearer, f"the {dearer.group('big')}", f"the {dearer.group('small')}", "dollars"
    if fewer:
        return fewer, fewer.group("y"), fewer.group("x"), fewer.group("i") or ""
    big, small = (re.sub(r"^(?:[Aa]n?|The) ", "the ", older.group(w)) for w in ("xy" if older.group("dir") == "older"
                                                                             else "yx"))
    return older, big, small, "years"


def _together(p: Problem, big: str, small: str, unit: str) -> tuple[re.Match, str] | None:
    """Their total: named ('Ann and Bo have 26 cards together'), or said of 'they' right after the difference."""
    named = p.search(_TOGETHER)
    priced = p.search(_COST_TOGETHER)
    if priced and unit == "dollars":
        return (priced, unit) if {big, small} == {f"the {priced.group('x')}", f"the {priced.group('y')}"} else None
    if named:
        return (named, named.group("i")) if {big, small} == {named.group("x"), named.group("y")} else None
    ages = p.search(_AGES_TOGETHER)
    if ages and unit == "years" and (ages.group("all") or ages.group().lower().startswith("together")):
        return (ages, "years") if {big, small} == {ages.group("x"), ages.group("y")} else None
    they = p.search(_THEY_TOTAL)
    if not they or bool(they.group("age")) != (unit == "years") or not (they.group("age") or they.group("all") or
                                                                        they.group().lower().startswith("together")):
        return None
    counted = they.group("i") or unit
    return (they, counted) if unit in ("", "years") or same_word(counted, unit) else None


def shared_with_difference(p: Problem) -> Plan | None:
    """Two people's total and the difference: (total - difference) / 2 is the smaller share, plus the difference
    ('Jada is 4 years older than her brother. The sum of their ages is 26.' works the same way)."""
    apart = _apart(p)
    together = _together(p, *apart[1:]) if apart else None
    if not together or not p.asks(r"^how (?:old|many|much)\b|^what is \w+'s age\b|^what does the [a-z]+ cost\?"):
        return None
    (d, big_name, small_name, _), (m, i) = apart, together
    want_big = p.asks(rf"\b{big_name.split()[-1]}\b")
    if want_big == p.asks(rf"\b{small_name.split()[-1]}\b"):
        return None
    b = Builder(p, "sum_difference")
    two, m = b.fact(2, "", "2 people"), Merged(m, d)
    s, dd = b.given(m, "s", i), b.given(m, "d", i)
    twice = b.step("-", [s, dd], i, f"Without the extra {m.group('d')}, how much is left of the {m.group('s')} "
                                    f"to share equally?")
    small = b.step("/", [twice, two], i, f"Shared equally between the two, how much is {small_name}'s part?")
    if i != "dollars":
        whole_count(b.value(small))   # the shares of people's things are whole counts (a price may be $0.05)
    if want_big:
        b.step("+", [small, dd], i, f"What is {big_name}'s part, {m.group('d')} more than {small_name}'s?")
    return b.finish()


_TIMES_AS = re.compile(rf"(?P<big>{_PERSON}) (?:is|was|has|have|had) {_n('k')} times as (?:(?P<old>old)|many|much)"
                       rf"(?: {_w('i')})? as (?P<small>{_PERSON})\b")


def shared_with_multiple(p: Problem) -> Plan | None:
    """Two people's total and one a multiple of the other: the smaller is 1 part and the bigger k parts, so the
    total is k + 1 parts ('Sam is 3 times as old as his sister. Their ages add up to 32.': 32 / 4, then 3 x 8)."""
    m = p.search(_TIMES_AS)
    unit = ("years" if m.group("old") else m.group("i") or "") if m else ""
    together = _together(p, m.group("big"), m.group("small"), unit) if m else None
    if not together or not p.asks(r"^how (?:old|many|much)\b|^what is \w+'s age\b"):
        return None
    big, small = m.group("big"), m.group("small")
    want_big = p.asks(rf"\b{big.split()[-1]}\b")
    if want_big == p.asks(rf"\b{small.split()[-1]}\b"):
        return None
    b = Builder(p, "sum_multiple")
    (t, i), k = together, m.group("k")
    times = b.given(m, "k", "parts")
    parts = b.step("+", [times, b.fact(1, "parts", f"1 part for {small}")], "parts",
                   f"If {small} has 1 part and {big} has {k} parts, how many equal parts make the total?")
    one = b.step("/", [b.given(t, "s", i), parts], i, f"Shared into those equal parts, how much is {small}'s part?")
    whole_count(b.value(one))   # people's ages and things are whole counts
    if want_big:
        b.step("*", [one, times], i, f"What is {big}'s part, {k} times {small}'s?")
    return b.finish()


# ----------------------------------------------------------------------------- an age from another's, then years on

_KNOWN_AGE = re.compile(rf"(?:^|(?<=[.!] ))(?P<who>{_PERSON}) is {_n('a')}(?: years? old| years of age)?(?=[.,])")
# 'How old will Maria be in 3 years?', '... 3 years from now?', 'How old was Tom 5 years ago?', 'How old is Tom now?'
_AGE_ASKED = re.compile(rf"how old (?:(?P<will>will) (?P<w>{_PERSON}) be (?:in {_n('t')} years?|{_n('t_')} years? from "
                        rf"now)|(?P<was>was) (?P<v>{_PERSON}) {_n('t__')} years? ago|is (?P<i>{_PERSON})(?: now)?)\?$",
                        re.I)


def _same_person(a: str, b: str) -> bool:
    return a.lower() == b.lower()


def age_later(p: Problem) -> Plan | None:
    """'Maria is 6 years older than her brother Leo. Leo is 8 years old. How old will Maria be in 3 years?' -> 8 + 6
    is Maria's age now, then 3 years on. The other's age is said outright ('is 8 years old'), the two are linked by
    years older or younger or 'k times as old', and the question asks for the linked one now, in some years, or some
    years ago: every person keeps the same years apart, so the age now comes first."""
    older, times = p.search(_OLDER), p.search(_TIMES_AS)
    asked = p.match_question(_AGE_ASKED)
    if (older is None) == (times is None) or not asked or len(p.statements()) != 2:
        return None
    link = older or times
    x, y = (link.group("x"), link.group("y")) if older else (link.group("big"), link.group("small"))
    if times and link.group("old") is None:
        return None   # 'times as many' links counts, not ages
    named = re.match(rf" ({NAME})\b", p.t[link.end():])   # 'her brother Leo'
    known = [k for k in p.finditer(_KNOWN_AGE) if _same_person(k.group("who"), y)
             or named and _same_person(k.group("who"), named.group(1))]
    who = asked.group("w") or asked.group("v") or asked.group("i")
    if len(known) != 1 or not _same_person(who, x):
        return None
    b = Builder(p, "ages")
    k = known[0]
    x = re.sub(r"^(?:Her|His|Their|My|Our|Your|The)\b", lambda m: m.group().lower(), x)   # 'Her brother' mid-question
    if named:
        b.read.append(named.start(1) + link.end())
    base = b.given(k, "a", "years")
    if older:
        op = "+" if older.group("dir") == "older" else "-"
        now = b.step(op, [base, b.given(older, "d", "years")], "years",
                     f"How old is {x} now, {older.group('d')} years {older.group('dir')} than {k.group('a')}?")
    else:
        now = b.step("*", [base, b.given(times, "k", "times")], "years",
                     f"How old is {x} now, {times.group('k')} times as old as {k.group('a')}?")
    if b.value(now) <= 0:
        return None
    t = next((g for g in ("t", "t_", "t__") if asked.group(g)), None)
    if t and asked.group("will"):
        b.step("+", [now, b.given(asked, t, "years")], "years", f"How old will {x} be {asked.group(t)} years on?")
    elif t:
        if b.value(now) <= b.value(b.given(asked, t, "years")):
            return None
        b.step("-", [now, b.given(asked, t, "years")], "years", f"How old was {x} {asked.group(t)} years ago?")
    return b.finish()


# ----------------------------------------------------------------------------- two totals, then how many more

_OWNER = r"(?P<who>[A-Z][a-z]+|(?:A|An|The) [a-z]+ [a-z]+)"   # 'Ali', 'A red bus'
# 'has 4 boxes of 12 crayons', 'carries 6 rows of 4 children'; 'read 15 pages a day for 6 days', 'saves $5 a week
# for 9 weeks'
_GROUPS_OF = re.compile(rf"{_OWNER} [a-z]+ {_n('n')} (?P<g>[a-z]+) of {_n('m')}(?: (?P<i>[a-z]+))?\.")
_RATE_FOR = re.compile(rf"{_OWNER} [a-z]+ {_n('m')}(?: (?P<i>[a-z]+))? (?:a|an|per|each|every) (?P<per>[a-z]+) for "
                       rf"{_n('n')} (?P<g>[a-z]+)\.")
_HOW_MANY_MORE = re.compile(r"how (?:many more (?P<i>[a-z]+)|much more(?: money)?) (?P<rest>[^?]*)\?$", re.I)


def _owner_total(p: Problem, start: int, end: int) -> re.Match | None:
    """One sentence that is one owner's total, read where it stands in the text (spans stay the problem's)."""
    start += len(p.t[start:end]) - len(p.t[start:end].lstrip())
    end = start + len(p.t[start:end].strip())
    m = _GROUPS_OF.fullmatch(p.t, start, end) or _RATE_FOR.fullmatch(p.t, start, end)
    if m and m.re is _RATE_FOR and not same_word(m.group("per"), m.group("g")):
        return None   # '$5 a week for 9 months' needs a conversion
    return m


def _tells(owner: str, text: str) -> bool:
    """The question names this owner: by name, or by the word that tells the two apart ('the blue bus')."""
    words = owner.split()
    return re.search(rf"\b{re.escape(words[-1] if len(words) == 1 else words[1])}\b", text, re.I) is not None


def totals_compared(p: Problem) -> Plan | None:
    """'Ali has 4 boxes of 12 crayons. Beth has 5 boxes of 8 crayons. How many more crayons does Ali have than
    Beth?' -> 4 x 12 and 5 x 8, then 48 - 40. Two sentences, each one owner's groups ('6 rows of 4 children') or
    rate over periods ('$5 a week for 9 weeks') of the same thing; the question names the one with more ('than' the
    other may be left out: there are only two)."""
    spans = p.statements()
    asked = p.match_question(_HOW_MANY_MORE)
    if len(spans) != 2 or not asked or len(p.numbers) != 4:
        return None
    found = [_owner_total(p, s, e) for s, e in spans]
    if None in found:
        return None
    first, second = found
    units = [m.group("i") or ("dollars" if m.group("m").startswith("$") else "") for m in found]
    noun = asked.group("i") or "dollars"
    if not all(same_word(u, noun) for u in units) or first.group("who").split()[-1] != second.group("who").split()[-1] \
            and len(first.group("who").split()) > 1:
        return None   # 'A red bus' and 'A blue van' are two kinds of thing: no shared total to compare
    rest = asked.group("rest")
    than = re.search(r"\bthan (.+)$", rest)
    said, other = (rest[:than.start()], than.group(1)) if than else (rest, "")
    big = [m for m in found if _tells(m.group("who"), said)]
    if len(big) != 1 or first.group("who") == second.group("who") \
            or other and not _tells((found[1] if big[0] is found[0] else found[0]).group("who"), other):
        return None
    b = Builder(p, "comparison")
    totals = []
    for m in found:
        per = m.group("per") if m.re is _RATE_FOR else ""
        money = m.group("m").startswith("$")
        ask = "How much is" if money else f"How many {noun} are" if per else f"How many {noun} are in"
        words = f"{m.group('m')}{'' if money else ' ' + noun} a {per} for {m.group('n')} {m.group('g')}" if per else \
            f"{m.group('n')} {m.group('g')} of {m.group('m')}"
        totals.append(b.step("*", [b.given(m, "n", m.group("g")), b.given(m, "m", noun)], noun, f"{ask} {words}?"))
    want = totals[found.index(big[0])]
    less = totals[1 - found.index(big[0])]
    if b.value(want) <= b.value(less):
        return None   # the question's 'more' of the smaller total: misread
    money = "$" if noun == "dollars" else ""
    b.step("-", [want, less], noun, f"How much more is {money}{fmt(b.value(want))} than {money}{fmt(b.value(less))}?")
    return b.finish()


# ----------------------------------------------------------------------------- an amount said against the unknown one

# 'Ana scored 36 points, which is 4 times as many as Ben', 'Ana has 36 cards. That is 9 more than Ben.', 'Ana has 4
# times as many cards as Ben. Ana has 36 cards.': the known amount is the bigger (or smaller) one, the question asks
# for the one it was said against.
_AGAINST = rf"(?:{_n('k')} times as (?:many|much)(?: [a-z]+)?|{_n('d')} (?P<dir>more|fewer|less)(?: [a-z]+)?)"
_SAID_BACK = [re.compile(rf"(?P<y>{NAME}) {HAS} {_n('a')} {_w('i')}(?:,| and)? (?:(?:which|that) (?:is|was) )?"
                         rf"{_AGAINST} (?:as|than) (?P<x>{NAME})\b"),
              re.compile(rf"(?P<y>{NAME}) {HAS} {_n('a')} {_w('i')}\. (?:That|This) (?:is|was) {_AGAINST} "
                         rf"(?:as|than) (?P<x>{NAME})\b")]
_THEN_SAID = re.compile(rf"(?P<y>{NAME}) {HAS} {_AGAINST} (?:as|than) (?P<x>{NAME})\. (?P<y2>{NAME}|He|She) {HAS} "
                        rf"{_n('a')} {_w('i')}\b")


def compared_back(p: Problem) -> Plan | None:
    """The amount a known one was said against: 36 is 4 times Ben's, so Ben's is 36 ÷ 4; 36 is 9 more than Ben's,
    so Ben's is 36 - 9 (9 fewer: 36 + 9)."""
    m = next((s for rx in _SAID_BACK for s in [p.search(rx)] if s), None) or p.search(_THEN_SAID)
    if not m or "y2" in m.groupdict() and m.group("y2") not in (m.group("y"), "He", "She"):
        return None
    x, y = m.group("x"), m.group("y")
    if x == y or not p.asks(rf"\b{x}\b") or p.asks(rf"\b{y}\b") or p.asks(r"\b(?:more|fewer|less|than|together|"
                                                                           r"altogether|total|in all)\b"):
        return None
    b = Builder(p, "comparison")
    a, noun = b.given(m, "a", m.group("i")), m.group("i")
    if m.group("k"):
        b.step("/", [a, b.given(m, "k", "")], noun, f"{y}'s {m.group('a')} {noun} are {m.group('k')} times as many "
               f"as {x}'s: how many is that for {x}?")
    else:
        more = m.group("dir") == "more"
        b.step("-" if more else "+", [a, b.given(m, "d", noun)], noun, f"{y}'s {m.group('a')} {noun} are "
               f"{m.group('d')} {m.group('dir')} than {x}'s: how many does {x} have?")
    whole_count(b.steps[-1].value)
    return b.finish()


# 'How many times longer is the whale (than the dolphin)?', 'How many times as many cards does Sam have as Tia?': the
# larger of two amounts measured in the smaller; the question must name the larger one's clause as its subject.
_TIMES_Q = re.compile(r"how many times (?:(?P<adj>longer|taller|heavier|bigger|larger|greater|older|higher|wider|"
                      r"faster|farther|further|more)|as (?:many|much|long|tall|heavy|big|old|far|high|wide|fast)\b)",
                      re.I)
_PLAIN = {"how", "many", "times", "as", "is", "are", "was", "were", "the", "a", "an", "than", "does", "do", "did",
          "have", "has", "had", "much", "long", "tall", "heavy", "big", "old", "far", "high", "wide", "fast", "and",
          "it", "its", "his", "her", "their", "m", "cm", "km", "kg", "g"}


_AMOUNT = re.compile(rf"(?P<a>{NUM}) ?(?P<u>[a-z]+)")


def _content(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text)} - _PLAIN


def how_many_times(p: Problem) -> Plan | None:
    """Two amounts of one kind, and how many times the larger is the smaller: larger ÷ smaller."""
    asked = p.match_question(_TIMES_Q)
    amounts = [_AMOUNT.match(p.t, s[0]) for s in p.numbers if s[0] < p.q]
    if not asked or len(p.numbers) != 2 or len(amounts) != 2 or not all(amounts) \
            or amounts[0].group("u") != amounts[1].group("u"):
        return None   # two kinds of thing: nothing to measure one in the other
    clauses = [_content(re.split(r"[.,;]| and ", p.t[:m.start()])[-1] + re.split(r"[.,;?!]| and ", p.t[m.start():])[0])
               for m in amounts]
    b = Builder(p, "times")
    values = [b.given(m, "a", m.group("u")) for m in amounts]
    big = 0 if b.value(values[0]) > b.value(values[1]) else 1
    rest = p.question[asked.end() - p.q:]
    inverted = re.match(r" as (?:the |a |an )?[a-z]+ (?:is|are|was|were) (?P<y>[^?]+)\?", rest, re.I)
    # 'How many times as heavy as the cat is the dog?': the subject comes after the verb
    subject = _content(inverted.group("y") if inverted else re.split(r"\b(?:than|as)\b", rest)[0])
    if b.value(values[0]) == b.value(values[1]) or not subject & (clauses[big] - clauses[1 - big]) \
            or subject & (clauses[1 - big] - clauses[big]):
        return None   # the question's subject must be the larger amount's, never the smaller's
    b.step("/", [values[big], values[1 - big]], "times", f"How many lots of {amounts[1 - big].group()} make "
           f"{amounts[big].group()}?")
    return b.finish()


# ------------------------------------------------------------------------- two kinds of thing, one k times the other

# 'There are 4 times as many adults as children', 'The farm has twice as many hens as cows': two kinds of thing (no
# one's name), read either way round by the count told of one of them ('There are 120 adults.', 'There are 8 cows.').
_KINDS_TIMES = re.compile(rf"(?:\b[Tt]here (?:are|were|is|was)|\b(?P<deed>has|had|have|holds|keeps|sells|sold|grows|"
                          rf"grew|owns)) "
                          rf"(?:{_n('k')} times|(?P<twice>twice)) as many {_w('a')} as {_w('b')}\b")
# the count of one kind told as it stands ('There are 120 adults', 'It has 16 tulips') or by the deed the two kinds
# were compared in ('sells 5 times as many pens ... It sold 9 rulers'), never another change ('12 more girls join')
_DEEDS = {"sells": "sells|sold", "sold": "sells|sold", "grows": "grows|grew", "grew": "grows|grew"}
_KIND_COUNT = r"\b(?:[Tt]here (?:are|were|is|was)|has|have|had|holds|keeps|owns|counted|counts{deed}) {n} " \
              r"(?:(?!(?:more|fewer|less|extra|new|other)\b)[a-z]+ )?(?P<u>{kinds})\b"
# what the question may say after the kind it counts: where they are or who has them, never a kind of its own ('How
# many roses are red?')
_COUNT_ASKED = r"(?:\s*\?| than\b|,? (?:are|were|is|was) there\b|,? (?:are|were) (?:at|in|on)\b|" \
               r",? (?:does|do|did|will) (?:the |a |an )?[a-z]+ (?:have|has|own|keep|hold|grow|sell|need)\b|" \
               r" (?:in all|altogether|in total|together)\b)"
_IN_ALL = r"\b(?:in all|altogether|all together|in total|total|together|combined)\b"


def kinds_times(p: Problem) -> Plan | None:
    """The other kind's count (120 adults, 4 times as many as children: 120 ÷ 4 children; 8 cows, twice as many hens:
    8 x 2 hens), then the two together or the difference when the question asks for it."""
    m = p.search(_KINDS_TIMES)
    if not m or same_word(m.group("a"), m.group("b")):
        return None
    kinds = "|".join(re.escape(m.group(g)) for g in ("a", "b"))
    deed = f"|{_DEEDS[m.group('deed')]}" if m.group("deed") in _DEEDS else ""
    said = [c for c in p.finditer(re.compile(_KIND_COUNT.format(n=_n("n"), kinds=kinds, deed=deed)))]
    asked = re.match(rf"how many (?:[a-z]+ )?(?P<u>{kinds})\b(?={_COUNT_ASKED})", p.question, re.I)
    if len(said) != 1 or said[0].start() in range(*m.span()):
        return None
    b = Builder(p, "comparison")
    known, big = said[0].group("u"), m.group("a")
    other = m.group("b") if known == big else big
    k = b.given(m, "k", "") if m.group("k") else b.fact(2, "", "twice: 2 times")
    n = b.given(said[0], "n", known)
    times = f"{m.group('k') or 2} times as many {big} as {m.group('b')}"
    if known == big:
        found = b.step("/", [n, k], other, f"There are {times}: how many {other} go with {said[0].group()}?")
        whole_count(b.value(found))
    else:
        found = b.step("*", [n, k], other, f"There are {times}: how many {other} go with {said[0].group()}?")
    if asked and asked.group("u") == other and not p.asks(rf"\b(?:more|fewer|less|than)\b|{_IN_ALL}"):
        return b.finish()
    if asked is None and p.asks(_IN_ALL):
        whole = re.match(rf"how many {_w('w')}", p.question, re.I)
        b.step("+", [n, found], whole.group("w") if whole else "", f"How many {known} and {other} are there together?")
        return b.finish()
    if asked and asked.group("u") == big and p.asks(r"\bmore\b[^?]*\bthan\b"):
        b.step("-", [found if known != big else n, n if known != big else found], big,
               f"How many more {big} than {m.group('b')} are there?")
        return b.finish()
    return None


# ----------------------------------------------------------------------------- a comparison whose reference is implied

# 'A class collected 125 cans. Another class collected 38 fewer cans.', 'The first box weighs 45 kg. The second box
# weighs 12 kg less.': no 'than'; the amount compared with is the one told just before, of the same thing.
_TOLD = re.compile(rf"\s*(?P<s>[A-Z][A-Za-z]*(?: [A-Za-z]+){{0,3}}?) (?P<v>[a-z]+) {_n('a')} {_w('i')}"
                   rf"(?: (?:on|in|at|last|during|yesterday|today)(?: [A-Za-z]+){{0,2}})?\s*[.!]?\s*$")
_AGAINST_IT = re.compile(rf"\s*(?P<s>[A-Z][A-Za-z]*(?: [A-Za-z]+){{0,3}}?) (?P<v>[a-z]+) {_n('d')} "
                         rf"(?:{_w('u')} )?(?P<dir>more|fewer|less)(?: {_w('i')})?\s*[.!]?\s*$")
# ('His sister picked 17 more' is someone else's deed, compared; 'She picked 17 more' may be the same person's second)
_PRONOUN_OR_TIME = r"(?:he|she|they|it|we|i|you|then|on|in|at|after|later|next)\b"


def _who(subject: str) -> str:
    return re.sub(r"^(?:the|a|an|another|one) ", "", subject.lower())


def implied_compared(p: Problem) -> Plan | None:
    """The second amount from the first (125 - 38 cans, 45 - 12 kg), then both together when the question asks. 'More'
    is a comparison only for someone else ('Another class collected 17 more'): 'then he picked 17 more' adds."""
    spans = p.statements()
    first = _TOLD.match(p.t, *spans[0]) if len(spans) == 2 else None
    second = _AGAINST_IT.match(p.t, *spans[1]) if first else None
    if second is None or re.search(r"\bthan\b", p.t[slice(*spans[1])]):
        return None
    noun = first.group("i")
    if first.group("v") != second.group("v"):
        return None   # the same deed by another ('collected ... collected'), never 'gave him 5 more'
    if not (same_word(second.group("i"), noun) or not second.group("i") and same_word(second.group("u"), noun)):
        return None
    one, other = _who(first.group("s")), _who(second.group("s"))
    if second.group("dir") == "more" and (one == other or re.match(_PRONOUN_OR_TIME, other)):
        return None
    b = Builder(p, "comparison")
    a, d = b.given(first, "a", noun), b.given(second, "d", noun)
    op = "+" if second.group("dir") == "more" else "-"
    said = f"{second.group('d')} {noun} {second.group('dir')} than {first.group('a')}"
    found = b.step(op, [a, d], noun, f"How many {noun} is {said}?")
    if (two := p.search(re.compile(r"\bthe (2) "), "question")) is not None:
        b.label(two, 1)   # 'the two classes' (read as 'the 2 classes') names the two, it adds no amount
    if p.asks(rf"{_IN_ALL}|\bboth\b|\bthe (?:two|2)\b"):
        b.step("+", [a, found], noun, f"How many {noun} are {first.group('a')} and the {second.group('d')} "
               f"{second.group('dir')} together?")
    elif not (other != one and p.asks(rf"\b{re.escape(other)}\b")) or p.asks(rf"\b(?:more|fewer|less)\b"):
        return None
    if b.value(found) <= 0:
        return None
    return b.finish()


# ----------------------------------------------------------------------------- a count and its cost, at two prices

# 'A store sold 20 shirts for $279. Some shirts cost $12 and the rest cost $15.', 'She bought 30 pens and pencils for
# $39. Pens cost $2 and pencils cost $1.': how many of one kind, from the count, the total and the two prices.
_MONEY = r"\$\d+(?:\.\d+)?"
_COUNT_COST = re.compile(rf"(?<![$\d.])(?P<n>\d+) (?P<things>(?:[a-z]+ ){{0,3}}?[a-z]+)(?: in all| altogether)? "
                         rf"(?:for|cost|costing|worth|totaling|that cost) (?:a total of )?(?P<t>{_MONEY})")
_COST_COUNT = re.compile(rf"\b(?:paid|pays|spent|spends) (?:a total of )?(?P<t>{_MONEY}) (?:for|on) (?P<n>\d+) "
                         rf"(?P<things>(?:[a-z]+ ){{0,3}}?[a-z]+)\b")
_KIND_PRICE = re.compile(rf"(?P<kind>\b[A-Za-z]+(?: [a-z]+)?) (?:cost|costs|are|were|sell for|sold for) (?P<p>{_MONEY})"
                         rf"(?: each| apiece| a piece)?")
_NOT_KIND = {"some", "the", "rest", "others", "other", "of", "them", "each", "and", "a"}


def _kind_asked(question: str, kinds: list[re.Match]) -> int | None:
    """Which of the two prices the question counts: its price named ('How many $15 shirts') or its own words."""
    said = [i for i, k in enumerate(kinds) if k.group("p") in question]
    words = [{stem(w) for w in k.group("kind").lower().split()} - _NOT_KIND for k in kinds]
    asked = {stem(w) for w in re.findall(r"[a-z]+", question.lower())}
    named = [i for i, w in enumerate(words) if w - words[1 - i] and w - words[1 - i] <= asked]
    found = said or named
    return found[0] if len(found) == 1 else None


def two_price_count(p: Problem) -> Plan | None:
    """As if all of them cost the other price, the money left over, what one of the asked kind costs more (or less),
    then how many of the asked kind: (279 - 20 x 15) / (12 - 15) ... always with whole counts between 0 and all."""
    told = p.search(_COUNT_COST) or p.search(_COST_COUNT)
    kinds = [k for k in p.finditer(_KIND_PRICE) if told and k.start("p") != told.start("t")]
    asked = re.match(r"how many\b", p.question, re.I)
    if not told or len(kinds) != 2 or not asked or kinds[0].group("p") == kinds[1].group("p"):
        return None
    which = _kind_asked(p.question, kinds)
    if which is None:
        return None
    b = Builder(p, "sum_difference")
    for named in p.finditer(re.compile(re.escape(kinds[which].group("p"))), "question"):
        b.label(named, 0)   # 'How many $15 shirts': the price names the kind asked, it adds no amount
    count, total = b.given(told, "n", told.group("things")), b.given(told, "t", "dollars")
    price, other = (b.given(kinds[i], "p", "dollars") for i in (which, 1 - which))
    own = [w for w in kinds[which].group("kind").lower().split() if w not in _NOT_KIND]
    things, at = " ".join(own) or told.group("things"), kinds[1 - which].group("p")
    all_other = b.step("*", [count, other], "dollars", f"How much would {told.group('n')} {told.group('things')} cost "
                       f"if all were {at}?")
    dear = b.value(price) > b.value(other)
    gap = b.step("-", [total, all_other] if dear else [all_other, total], "dollars",
                 f"How far is {told.group('t')} from that?")
    each = b.step("-", [price, other] if dear else [other, price], "dollars",
                  f"How much does one at {kinds[which].group('p')} differ from one at {at}?")
    found = b.step("/", [gap, each], things, f"How many at {kinds[which].group('p')} make up that difference?")
    whole_count(b.value(found))
    if not 0 < b.value(found) < b.value(count):
        return None
    return b.finish()
