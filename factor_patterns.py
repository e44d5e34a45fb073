"""Comparisons by a factor: one amount said as a fraction or a multiple of another ('A zebra is 1/3 as tall as the
giraffe', 'Her sister has half as much money as Lucy'), and the question asks for it, the two together, or the gap.

Precision first: exactly two statements with one number in the first, the second said 'as ... as' the first's own
subject (its name, or its noun with 'the'/'a'), and a question whose subject is the compared one ('How tall is the
zebra?'), 'they' with a total ('in total', 'altogether'), or 'how many more/fewer'; anything else plans nothing.
"""
from __future__ import annotations

import re

from wordproblem import Builder, Plan, Problem, fraction_part, stem, whole_count

# 'Lucy has $16.', 'A giraffe is 18 feet tall.', 'A small box holds 12 pens.', 'Ali ran 3 km on Monday.'
_FIRST = re.compile(r"^(?P<x>(?:[A-Z][a-z]+(?:'s [a-z]+)?|(?:A|An|The) (?:[a-z]+ )?[a-z]+)) (?P<verb>has|had|is|was|weighs|weighed|"
                    r"holds|held|read|ran|picked|collected|scored|saved|earned|costs|cost) (?P<n>\$?\d+(?:\.\d+)?)"
                    r"(?: (?P<u>[a-z]+))?(?: (?P<adj>tall|long|high|wide|deep|old|heavy))?\. ")
# 'Her sister has 1/2 as much money as Lucy.', 'A zebra is 1/3 as tall as the giraffe.', 'Quinn picked 4 times as
# many strawberries as Peter.'
_SECOND = re.compile(r"(?P<y>(?:[A-Z][a-z]+(?:'s [a-z]+)?|(?:A|An|The|His|Her|Their) (?:[a-z]+ )?[a-z]+)) (?P<verb>has|had|is|was|"
                     r"weighs|weighed|holds|held|read|ran|picked|collected|scored|saved|earned|costs|cost) "
                     r"(?:(?P<k>\d+/\d+|(?P<kn>\d+) times) as (?:(?P<adj>tall|long|high|wide|deep|old|heavy)|many|"
                     r"much)|(?P<pc>\d+(?:\.\d+)?%) (?P<dir>more|less|fewer|cheaper))"
                     r"(?: (?P<noun>[a-z]+))? (?:as|than) (?P<xref>[A-Za-z][a-z]+(?: [a-z]+){0,2}?)(?:'s)?(?: (?:is|has|does|"
                     r"did|was|weighs))?\. ")
_TOTAL = re.compile(r"\b(?:in total|altogether|in all|together|combined|total)\b")


def factor_compared(p: Problem) -> Plan | None:
    """'Lucy has $16. Her sister has 1/2 as much money as Lucy. How much money do they have in total?' -> 1/2 of
    $16, then both together."""
    first = p.search(_FIRST)
    second = first and _SECOND.match(p.t, first.end())
    if not second or second.end() != p.q or len(p.numbers) != 2:
        return None
    x, y = first.group("x"), second.group("y")
    if stem(_last(second.group("xref"))) != stem(_last(x)) or stem(_last(x)) == stem(_last(y)):
        return None   # the comparison must be with the first's own subject, and name someone else
    unit = "dollars" if first.group("n").startswith("$") else first.group("u") or ""
    if second.group("noun") and not (stem(second.group("noun")) == stem(unit) or unit == "dollars"
                                     and second.group("noun") == "money"):
        return None   # '3 times as many pens' of 12 pens; not another kind of thing
    if (second.group("adj") or first.group("adj")) and second.group("adj") != first.group("adj"):
        return None   # '1/3 as tall as' a height said 'tall'
    q = p.question
    says_x, says_y = (re.search(rf"\b{re.escape(_last(w))}\b", q, re.I) for w in (x, y))
    asks_y = says_y and not says_x
    total = _TOTAL.search(q) and re.search(r"\b(?:they|both|the two)\b", q) and not re.search(r"\b(?:more|fewer|less|"
                                                                                                r"than)\b", q)
    gap = re.match(r"how (?:many|much) (?:more|fewer|less)\b", q, re.I) and says_x and says_y
    if not p.asks(r"^how (?:many|much|tall|long|high|wide|deep|heavy|old)\b") or sum(map(bool, (asks_y, total,
                                                                                                  gap))) != 1:
        return None
    b = Builder(p, "factor")
    a = b.given(first, "n", unit)
    said = first.group("n") if unit == "dollars" else f"{first.group('n')} {unit}".strip()
    if second.group("pc"):
        pc = b.step("*", [a, b.given(second, "pc", "")], unit, f"How much is {second.group('pc')} of {said}?",
                    kind="percent")
        other = b.step("+" if second.group("dir") == "more" else "-", [a, pc], unit,
                       f"How {_what(second, unit)} {'is' if second.group('adj') else 'for'} {_named(y)}, "
                       f"{second.group('pc')} {second.group('dir')} than {said}?", kind="percent_apply")
    elif "/" in second.group("k"):
        other = fraction_part(b, a, second, "k", said, unit)
    else:
        k = second.group("kn")
        other = b.step("*", [a, b.given(second, "kn", "times", f"{k} times")], unit,
                       f"How {_what(second, unit)} {'is' if second.group('adj') else 'for'} {_named(y)}, {k} times {said}?")
    if total:
        b.step("+", [a, other], unit, f"How {_what(second, unit)} do {_named(x)} and {_named(y)} have together?")
    elif gap:
        big, small = (other, a) if b.value(other) > b.value(a) else (a, other)
        subject = y if says_y.start() < says_x.start() else x   # '... does Amy have than her friend': Amy's
        said_more = re.match(r"how (?:many|much) more\b", q, re.I) is not None
        if (subject is y) != (said_more == (big is other)) or "than" not in q[:max(says_x.start(), says_y.start())]:
            return None   # 'How much more does the pencil cost than the book?' of the cheaper one: misread
        b.step("-", [big, small], unit, q[0].upper() + q[1:])   # the problem's own question: the gap is the answer
    if unit not in ("dollars", "feet", "meters", "m", "cm", "km", "kg", "g", "miles", "inches", "pounds", "liters"):
        whole_count(b.value(other))
    return b.finish()


def _last(words: str) -> str:
    """Who an amount belongs to: 'Lucy', 'giraffe' of 'A giraffe', 'tom' of "Tom's bike"."""
    owner = re.match(r"([A-Za-z]+)'s\b", words)
    return (owner.group(1) if owner else words.split()[-1]).lower()


def _what(m: re.Match, unit: str) -> str:
    """'much money', 'many pens', 'tall' — how the question words the compared amount."""
    if m.group("adj"):
        return m.group("adj")
    return "much money" if unit == "dollars" else f"many {unit}".strip()


def _named(who: str) -> str:
    """'Her sister' -> 'her sister', 'Lucy' -> 'Lucy': a subject said inside a question."""
    first, _, rest = who.partition(" ")
    return f"{first.lower()} {rest}" if rest and first in ("A", "An", "The", "His", "Her", "Their") else who
