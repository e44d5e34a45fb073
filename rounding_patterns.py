"""Division whose answer is a count of whole groups: how many full cartons, how many vans are needed.

'A farmer has 175 apples. He puts 15 apples in each basket. How many baskets can he fill completely?' is 175 / 15,
rounded down (a basket with 10 apples is not full); 'There are 145 students. Each bus holds 40 students. How many
buses are needed?' is 145 / 40, rounded up (the 25 left over still need a bus). Every step is true arithmetic, so
a recap of the steps ('145 ÷ 40 = 29/8, then 29/8 + 3/8 = 4') never writes a false equation: the division first
(kind 'quotient'), then the part of a group taken away ('round_down') or made up to a whole one ('round_up'). The
question must say which way: 'full', 'completely', 'can be cut' round down; 'needed', 'to have enough', 'must' round
up; neither, or both, abstains unless the division is exact (one step). What is set aside first ('He keeps 18 eggs and
packs the rest into cartons of 12') is taken away before the rest is grouped. What is left over once the full groups
are made ('put them in bags of 6. How many cookies are left over?', 'as many cakes as he can') is the whole less
the items the full groups hold.
"""
from __future__ import annotations

import re

from text_words import plural
from wordproblem import NUM, Builder, Plan, Problem, fmt, same_word, stem

# The size of one group, four ways a textbook says it; g is the group, i the items it holds (when said).
_SIZES = [re.compile(rf"\b(?P<g>[a-z]+) of (?P<n>{NUM})(?: (?P<i>[a-z]+))?"),
          re.compile(rf"\b(?P<n>{NUM}) (?P<i>[a-z]+) (?:in|into|on|per) (?:each|every|a|one) (?P<g>[a-z]+)"),
          re.compile(rf"\b[Ee]ach (?P<g>[a-z]+) (?:holds|has|carries|fits|seats|takes|"
                     rf"can (?:hold|carry|fit|seat|take)) (?P<n>{NUM}) (?P<i>[a-z]+)"),
          re.compile(rf"\b(?P<n>{NUM})-(?P<i>[a-z]+) (?P<g>[a-z]+)")]
_ASKED = re.compile(r"how many (?:full |whole |complete )?(?:\d+-[a-z]+ )?(?P<g>[a-z]+)\b", re.I)
# '24 muffins and puts them': a joining word after the noun is no part of it
_WHOLE = re.compile(rf"(?P<n>{NUM}) (?:(?P<adj>[a-z]+) (?!(?:and|or|but|so|then|to|in|on|at|for|from|with|into|that|"
                    rf"which)\b))?(?P<i>[a-z]+)")
_UP = r"\b(?:needed|need|needs|must|to have enough|enough|to hold all|to carry all|to fit all|at least)\b"
_DOWN = r"\b(?:full|whole|complete|completely|can (?:be )?(?:cut|made|filled)|can (?:\w+ )?(?:fill|make|cut))\b"
_NOT_A_WHOLE = r"\b(?:each|every|per|of)\b|\$"   # a rate or a price is not the amount being grouped


# A seat (place, bed) holds one person, and 'people' are any: '66 students ... Each bus has 48 seats' groups the
# students 48 to a bus.
_ONE_EACH = r"seats|places|spaces|spots|beds|people"
_PEOPLE = r"students|pupils|children|kids|people|passengers|guests|players|campers|fans|adults|visitors|tourists"


def _seats(item: str | None, who: str | None) -> bool:
    return bool(item and who and re.fullmatch(_ONE_EACH, item) and re.fullmatch(_PEOPLE, who))


def _same(a: str | None, b: str | None) -> bool:
    """same_word, and 'bus' / 'buses', 'box' / 'boxes' (wordproblem's stem keeps short words whole)."""
    return same_word(a, b) or bool(a and b and _singulars(a) & _singulars(b))


def _singulars(word: str) -> set[str]:
    w = word.lower()
    return {w, w.removesuffix("s"), w.removesuffix("es")}


def _size(p: Problem, group: str) -> re.Match | None:
    """The one statement of how much a group named `group` holds (two readings of it abstain)."""
    found = {m.span("n"): m for rx in _SIZES for m in p.finditer(rx, "all") if _same(m.group("g"), group)}
    return next(iter(found.values())) if len(found) == 1 else None


def _whole(p: Problem, size: re.Match) -> re.Match | None:
    """The amount being grouped: the other number of the text, of the items the group holds (or the same unit)."""
    others = [span for span in p.numbers if span != size.span("n") and span != _kept_span(p, size)]
    if len(others) != 1:
        return None
    m = _WHOLE.match(p.t, others[0][0])
    if m is None or re.search(_NOT_A_WHOLE, p.t[m.start() - 2:m.end() + 4]):
        return None
    item = size.group("i")
    fits = [_same(item, w) or _seats(item, w) for w in (m.group("i"), m.group("adj"))]
    return m if not item or any(fits) else None


# 'He keeps 18 eggs and packs the rest into cartons of 12': what is set aside before the rest is grouped
_KEPT = re.compile(rf"\b(?:keeps?|kept|eats?|ate|uses?|used|sells?|sold|gives? away|gave away|saves?|saved|"
                   rf"sets? aside|set aside|breaks?|broke) (?P<n>{NUM}) (?P<i>[a-z]+)\b[^.?!]*?\bthe (?:rest|others)\b")


def _kept(p: Problem, size: re.Match) -> re.Match | None:
    """The amount set aside when 'the rest' is what is grouped (after the whole, before the groups are made)."""
    kept = p.search(_KEPT)
    return kept if kept and kept.end() <= size.start("n") and p.numbers[0][0] < kept.start() else None


def _kept_span(p: Problem, size: re.Match) -> tuple[int, int] | None:
    kept = _kept(p, size)
    return kept.span("n") if kept else None


def _noun(whole: re.Match, item: str | None) -> str:
    """The items' words as the text wrote them: '230 juice boxes', '145 students' (not 'students going')."""
    first, second = whole.group("adj"), whole.group("i")
    if first is None:
        return second
    if item:
        return first if _same(item, first) or _seats(item, first) else f"{first} {second}"
    return first if re.search(r"(?:ing|ed)$", second) else f"{first} {second}"


def groups_needed(p: Problem) -> Plan | None:
    """How many whole groups a whole makes: the division, rounded the way the question asks."""
    asked = p.match_question(_ASKED)
    size = _size(p, asked.group("g")) if asked else None
    whole = _whole(p, size) if size else None
    if whole is None:
        return None
    up, down = p.asks(_UP), p.asks(_DOWN)
    b = Builder(p, "groups_needed")
    noun = _noun(whole, size.group("i"))
    total = b.given(whole, "n", noun)
    kept = _kept(p, size)
    if kept and not _same(kept.group("i"), whole.group("i")):
        return None
    if kept:   # the rest first: the whole less what was set aside
        total = b.step("-", [total, b.given(kept, "n", noun)], noun, f"How many {noun} are left for the "
                       f"{asked.group('g')} once {kept.group('n')} {kept.group('i')} are set aside?")
    per = b.given(size, "n", size.group("i") or noun)
    group, exact = asked.group("g"), (b.value(total) / b.value(per)).denominator == 1
    if b.value(total) <= b.value(per) or (up == down and not exact) or b.value(per).denominator != 1:
        return None
    of = f"{size.group('n')}-{size.group('i')} {group}" if "-" in size.group(0) else f"{group} of {size.group('n')}"
    said = f"the {noun} that are left" if kept else b.quantities[total.index].text
    one = stem(size.group("g"))
    if exact:
        b.step("/", [total, per], group, f"How many {of} make {said}?")
        return b.finish()
    share = b.step("/", [total, per], group, f"How many {of} do {said} make, if a part-filled {one} counts as a "
                                             f"part of one?", kind="quotient")
    part = b.value(share) % 1
    if up:
        b.step("+", [share, b.fact(1 - part, group, f"the {fmt(1 - part)} {one} more that makes the last one whole")],
               group, f"The last {one} is only part full, but it is still needed: how many {group} is that?",
               kind="round_up")
    else:
        b.step("-", [share, b.fact(part, group, f"the {fmt(part)} {one} that is not full")], group,
               f"Only a full {one} counts: how many full {group} are there?", kind="round_down")
    return b.finish()


# what is left once the full groups are made: 'left over', 'remain', or groups made 'as many as he can'
_LEFT_OVER = re.compile(r"\b(?:left ?over|remain|remaining)\b|\bas many(?: [a-z]+)* as (?:possible|(?:he|she|they|we|i|"
                        r"you) can)\b", re.I)
# what one thing made takes: 'Each cake needs 4 eggs.' (the things made are counted, not filled)
_USES = re.compile(rf"\b[Ee]ach (?P<g>[a-z]+) (?:needs|uses|takes|requires) (?P<n>{NUM}) (?P<i>[a-z]+)")
_ASKED_LEFT = re.compile(r"how many (?P<i>[a-z]+)(?: (?:are|is|will be|would be|were|does|do|did)\b[^?]*)? "
                         r"(?:left|remain)", re.I)


def leftover(p: Problem) -> Plan | None:
    """'50 cookies in bags of 6: how many cookies are left over?' -> the full bags (the division, less the part of
    a bag), the cookies they hold, then the whole less those; 'Each cake needs 4 eggs' makes whole cakes alike."""
    asked = p.search(_ASKED_LEFT, "question")
    sizes = {m.span("n"): m for rx in _SIZES + [_USES] for m in p.finditer(rx, "all")}
    said = p.search(_LEFT_OVER, "all")
    if asked is None or len(sizes) != 1 or said is None:
        return None
    size = next(iter(sizes.values()))
    whole = _whole(p, size)
    if whole is None or _kept(p, size) or not _same(whole.group("i"), asked.group("i")) \
            or size.group("i") and not _same(size.group("i"), asked.group("i")):
        return None
    b = Builder(p, "leftover")
    b.read.append(said.start())   # 'She makes as many bracelets as she can.' is read, though it has no number
    noun, group, one = _noun(whole, size.group("i")), plural(size.group("g")), stem(size.group("g"))
    total, per = b.given(whole, "n", noun), b.given(size, "n", size.group("i") or noun)
    if b.value(total) <= b.value(per) or b.value(per).denominator != 1 or b.value(total).denominator != 1:
        return None
    whole_text = b.quantities[total.index].text
    if size.re is _USES:
        quotient = f"How many times do {size.group('n')} {size.group('i')} go into {whole_text}, counting a part " \
                   f"of one?"
        full = f"Only a whole {one} can be made: how many {group} is that?"
    else:
        of = f"{size.group('g')} of {size.group('n')}" if size.re is _SIZES[0] else group
        quotient = f"How many {of} do {whole_text} make, if a part-filled {one} counts as a part of one?"
        full = f"Only a full {one} counts: how many full {group} are there?"
    share = b.step("/", [total, per], group, quotient, kind="quotient")
    part = b.value(share) % 1
    if part == 0:
        return None   # nothing is left over: the question would not ask
    made = b.step("-", [share, b.fact(part, group, f"the {fmt(part)} {one} that is not whole")], group, full,
                  kind="round_down")
    used = b.step("*", [made, per], noun, f"How many {noun} do those {group} {'use' if size.re is _USES else 'take'}?")
    b.step("-", [total, used], noun, f"How many of the {whole_text} are left over?")
    return b.finish()
