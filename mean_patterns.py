"""The planner's readers of a mean: the mean of a listed data set, a missing score for a target mean, the mean of two
groups put together. Apart from math_patterns.py to keep each file short; each pattern returns a `Plan` or None.
"""
from __future__ import annotations

import re

from story_patterns import COUNT, counts_noun
from wordproblem import NUM, NUMBER, Builder, Plan, Problem, Ref, _n, _w, number_value

_LIST = re.compile(rf"{NUM}(?: [a-z]+)?(?:,? {NUM}(?: [a-z]+)?)+,? and {NUM}")   # '70 80 and 90' as typed


def _list_total(p: Problem, b: Builder, m: re.Match) -> tuple[Ref, list[re.Match]]:
    """The step adding up a listed '78, 92 and 81', and the listed numbers."""
    items = list(NUMBER.finditer(p.t, m.start(), m.end()))
    listed = ", ".join(n.group() for n in items[:-1]) + f" and {items[-1].group()}"
    return b.step("+", [b.given(n, 0, "") for n in items], "", f"What do {listed} add up to?"), items


def mean(p: Problem) -> Plan | None:
    """The mean of a list: '80, 90 and 85 on 3 tests' -> add them, then divide by how many there are."""
    m = p.search(_LIST, "all")
    if not m or not p.asks(r"\b(mean|average)\b"):
        return None
    b = Builder(p, "mean")
    total, items = _list_total(p, b, m)
    count_word = next((c for c in p.finditer(COUNT, "all") if c.span("a") not in {n.span() for n in items}), None)
    if count_word and number_value(count_word.group("a")) == len(items):
        how_many = b.given(count_word, "a", count_word.group("noun"))
    else:
        how_many = b.fact(len(items), "values", f"{len(items)} values")
    b.step("/", [total, how_many], "", f"If that total were shared equally among the {len(items)} values, what "
                                       f"would each be?", kind="mean")
    return b.finish()


_MEAN_TARGET = [re.compile(rf"\b(?:mean|average)(?: score)? (?:over|of|for|across|on) {_n('n')} {_w('w')} "
                           rf"(?:must|should|needs to|has to|is to) be {_n('t')}", re.I),
                re.compile(rf"\b(?:mean|average)(?: score)? of {_n('t')} (?:over|for|across|on) {_n('n')} {_w('w')}",
                           re.I),
                re.compile(rf"\b(?:mean|average) of (?:the |his |her |their )?{_n('n')} (?:[a-z]+ )?{_w('w')} "
                           rf"(?:is|was) {_n('t')}", re.I),   # 'The mean of 4 (test) scores is 15 ...'
                re.compile(rf"\b(?:mean|average)(?: score)? (?:over|for|across|on) {_n('n')} {_w('w')} (?:is|was) "
                           rf"{_n('t')}", re.I)]   # 'Her average over 3 games is 16 points'
# 'the first 3' or '3 of the numbers' restates how many are listed
_SOME_OF = re.compile(rf"(?:(?<=\bthe first )|(?=\d+ of (?:the|these|those|them)\b)){_n('a')}\b")
# two values said before the one asked for ('She scored 12 and 18 in the first two games')
_TWO_LISTED = re.compile(rf"\b[a-z]+ {NUM}(?: [a-z]+)? and {NUM}\b")
_LAST_ASKED = r"\b(need|must|has to|have to|should)\b|^what (?:is|was) the (?:last|other|missing|fourth|fifth|" \
              r"sixth)\b|\b(?:in|on) the (?:last|third|fourth|fifth|sixth) [a-z]+\?$"
_ORDINAL = {"third": 3, "fourth": 4, "fifth": 5, "sixth": 6}   # the one asked for must be the last of the n


def mean_missing(p: Problem) -> Plan | None:
    """'Her mean over 4 tests must be 85. She scored 78, 92 and 81.' -> 85 x 4 in all, 78 + 92 + 81 so far, then
    what the last test must add."""
    target = next((m for rx in _MEAN_TARGET for m in [p.search(rx)] if m), None)
    listed = p.search(_LIST) or p.search(_TWO_LISTED)
    if not target or not listed or not p.asks(_LAST_ASKED):
        return None
    b = Builder(p, "mean")
    n, w = target.group("n"), target.group("w")
    total = b.step("*", [b.given(target, "t", ""), b.given(target, "n", w)], "",
                   f"What total over {n} {w} gives a mean of {target.group('t')}?")
    so_far, items = _list_total(p, b, listed)
    ordinal = re.search(r"\b(third|fourth|fifth|sixth)\b", p.question)
    if len(items) + 1 != b.value(b.given(target, "n", w)) or ordinal and _ORDINAL[ordinal.group(1)] != len(items) + 1:
        return None
    first = next((c for c in p.finditer(COUNT) if c.span("a") not in {i.span() for i in items}
                  and c.span("a") != target.span("n") and c.span("a") != target.span("t")), None)
    if first:   # 'the first 3 tests' only restates how many are listed
        if number_value(first.group("a")) != len(items):
            return None
        b.given(first, "a", first.group("noun"))
    some = p.search(_SOME_OF)
    if some and number_value(some.group("a")) == len(items):
        b.given(some, "a", w)   # '3 of the numbers are 12, 18 and 10' restates how many are listed
    b.step("-", [total, so_far], "", f"How much must the last of the {n} {w} add to reach that total?")
    return b.finish()


# the target said alone ('to get an average of 85'), the one asked named by its place: 'on the 4th test', 'the next
# quiz'
_TARGET_ALONE = re.compile(rf"\b(?:mean|average)(?: score)? of {_n('t')}")
_NEXT = re.compile(r"\b(?:the|her|his|my|their|your) (?:(?P<k>\d+)(?:st|nd|rd|th)|(?P<w>third|fourth|fifth|sixth|next|"
                   r"last|final)) (?P<what>[a-z]+)")


def mean_next(p: Problem) -> Plan | None:
    """'My scores are 70, 80 and 90. What do I need on the 4th test to get an average of 85?' -> the listed scores
    and the one asked make 4: 85 x 4 in all, 70 + 80 + 90 so far, then what the 4th must add."""
    target, listed, asked = p.search(_TARGET_ALONE, "all"), p.search(_LIST), p.search(_NEXT, "question")
    if not target or not listed or not asked or not p.asks(_LAST_ASKED) or any(p.search(rx) for rx in _MEAN_TARGET):
        return None
    b = Builder(p, "mean")
    count = len(NUMBER.findall(listed.group())) + 1
    place, one = asked.group("k") or asked.group("w"), asked.group("what")
    if asked.group("k"):
        b.label(asked, "k")   # 'the 4th test' names the test, it is no amount
    if place.isdigit() and int(place) != count or _ORDINAL.get(place, count) != count:
        return None
    named = f"the {asked.group()[4:] if place.isdigit() else f'{place} {one}'}"
    n = b.fact(count, f"{one} scores", f"{count} {one} scores: the {count - 1} so far and {named}")
    total = b.step("*", [b.given(target, "t", ""), n], "", f"What total over {count} {one} scores gives a mean of "
                                                           f"{target.group('t')}?")
    so_far, items = _list_total(p, b, listed)
    placed = {i.span() for i in items} | {target.span("t")}
    said = [c for c in p.finditer(COUNT) if c.span("a") not in placed]
    for c in said:   # 'in three games' restates how many are listed
        if number_value(c.group("a")) != count - 1 or not (counts_noun(c, one) or c.group("noun").startswith(one)):
            return None
        b.given(c, "a", c.group("noun"))
    b.step("-", [total, so_far], "", f"How much must {named} add to reach that total?")
    return b.finish()


_GROUP_MEAN = re.compile(rf"{_n('n')} {_w('w')} (?:with|who have|who had|that have) an? (?:mean|average)"
                         rf"(?: [a-z]+)? of {_n('m')}")


def combined_mean(p: Problem) -> Plan | None:
    """'20 students with a mean of 72, 30 students with a mean of 82: the mean of all 50?' -> each group's total,
    both together, then shared among everyone."""
    groups = list(p.finditer(_GROUP_MEAN))
    if len(groups) != 2 or not p.asks(r"\b(mean|average)\b"):
        return None
    b = Builder(p, "mean")
    totals = [b.step("*", [b.given(g, "n", g.group("w")), b.given(g, "m", "")], "",
                     f"What do {g.group('n')} {g.group('w')} with a mean of {g.group('m')} score in all?")
              for g in groups]
    total = b.step("+", totals, "", "What is the total for both groups together?")
    everyone = p.search(re.compile(rf"\ball {_n('a')}"), "question")
    if everyone:
        count = b.given(everyone, "a", "")
        if b.value(count) != sum(b.value(b.given(g, "n", "")) for g in groups):
            return None
    else:
        count = b.step("+", [b.given(g, "n", "") for g in groups], "", "How many are there in both groups?")
    b.step("/", [total, count], "", "If that total were shared equally among everyone, what would each be?",
           kind="mean")
    return b.finish()
