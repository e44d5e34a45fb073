"""Comparisons by a factor: one amount said as a fraction, a multiple or a percent more or less of another ('A zebra
is 1/3 as tall as the giraffe', 'Her sister has half as much money as Lucy', "Sam's bike cost 25% less than Tom's"),
and the question asks for it, the two together, or the gap.

Precision first: exactly two statements with one number each, the second said 'as ... as' or 'than' the first's own
owner (its name, or its noun with 'the'/'a'), of the same kind of thing, and a question whose subject is the compared
one ('How tall is the zebra?'), 'they' with a total ('in total', 'altogether'), or 'how many more/fewer' asked the
right way round; anything else plans nothing.
"""
from __future__ import annotations

import re

from wordproblem import Builder, Plan, Problem, Ref, fraction_part, stem, whole_count

_WHO = r"[A-Z][a-z]+(?:'s [a-z]+)?|(?:A|An|The|His|Her|Their) (?:[a-z]+ )?[a-z]+"
_HAS = r"has|had|is|was|weighs|weighed|holds|held|read|ran|picked|collected|scored|saved|earned|costs|cost|caught|" \
       r"baked|made|sold|found|won|grew|walked|swam|drove|owns"
_ADJ = r"tall|long|high|wide|deep|old|heavy"
# 'Lucy has $16.', 'A giraffe is 18 feet tall.', 'A small box holds 12 pens.', "Tom's bike cost $120."
_FIRST = re.compile(rf"(?:^|(?<=[.!] ))(?P<x>{_WHO}) (?P<verb>{_HAS}) (?P<n>\$?\d+(?:\.\d+)?)(?: (?P<u>[a-z]+))?"
                    rf"(?: (?P<adj>{_ADJ}))?(?:\. |,? and (?=[a-z]+ [a-z]+ ))")   # '2 trouts and his dad caught ...'
_WHO_AFTER_AND = re.compile(r"(?:his|her|their) [a-z]+")
# 'Her sister has 1/2 as much money as Lucy.', 'A zebra is 1/3 as tall as the giraffe.', 'Quinn picked 4 times as
# many strawberries as Peter.', "Sam's bike cost 25% less than Tom's."
_SECOND = re.compile(rf"(?P<y>{_WHO}) (?P<verb>{_HAS}) (?:(?P<k>\d+/\d+|(?P<kn>\d+) times) as (?:(?P<adj>{_ADJ})|"
                     r"many|much)|(?P<pc>\d+(?:\.\d+)?%) (?P<dir>more|less|fewer|cheaper)|(?P<of>\d+/\d+) of "
                     r"what)(?: (?P<noun>[a-z]+))?(?: (?:(?<=what )|as |than )(?P<xref>[A-Za-z][a-z]+(?: [a-z]+){0,2}?)"
                     rf"(?:'s)?(?: (?:{_HAS}|does|did))?)?\. ")   # the first's owner, or unsaid ('4 times as tall.')
_TOTAL = re.compile(r"\b(?:in total|altogether|in all|together|combined|total)\b")
_MEASURES = ("dollars", "feet", "meters", "m", "cm", "km", "kg", "g", "miles", "inches", "pounds", "liters")


def factor_compared(p: Problem) -> Plan | None:
    """'Lucy has $16. Her sister has 1/2 as much money as Lucy. How much money do they have in total?' -> 1/2 of
    $16, then both together."""
    first = p.search(_FIRST)
    second = first and _SECOND.match(_capitalised(p.t, first.end()), first.end())
    two = p.search(re.compile(r"\bthe (2) [a-z]+"), "question")   # 'did the 2 men earn together': both owners
    if not second or second.end() != p.q or len(p.numbers) != 2 + bool(two) or not _same_kind(first, second) or \
            p.numbers[0][0] != first.start("n"):   # a scene may come first ('Caleb and his dad went fishing.')
        return None
    x, y = first.group("x"), second.group("y")
    xref = second.group("xref") or ("" if second.group("of") else x)   # 'half of what' names whose
    if not _same_owner(_owner(xref), _owner(x)) or _same_owner(_owner(x), _owner(y)):
        return None   # the comparison must be with the first's own owner, and name someone else
    q = p.question
    says_x, says_y = (_says(q, _owner(w), _owner(v)) for w, v in ((x, y), (y, x)))
    total = _TOTAL.search(q) and re.search(r"\b(?:they|both|the 2)\b", q) and \
        not re.search(r"\b(?:more|fewer|less|than)\b", q)
    gap = re.match(r"how (?:many|much) (?:more|fewer|less)\b", q, re.I) and says_x and says_y
    if not p.asks(rf"^how (?:many|much|{_ADJ})\b") or sum(map(bool, (says_y and not says_x, total, gap))) != 1:
        return None
    b = Builder(p, "factor")
    if two:
        b.label(two, 1)
    unit = "dollars" if first.group("n").startswith("$") else first.group("u") or ""
    a = b.given(first, "n", unit)
    other = _compared(b, a, second, unit, first.group("n") if unit == "dollars" else f"{first.group('n')} {unit}")
    if total:
        b.step("+", [a, other], unit, q[0].upper() + q[1:])   # the problem's own question: the total is the answer
    elif gap:
        big, small = (other, a) if b.value(other) > b.value(a) else (a, other)
        subject_is_y = says_y.start() < says_x.start()   # '... does Amy have than her friend': Amy's amount
        said_more = re.match(r"how (?:many|much) more\b", q, re.I) is not None
        if (subject_is_y == (big is other)) != said_more or \
                not re.search(r"\b(?:than|compared (?:to|with))\b", q[:max(says_x.start(), says_y.start())]):
            return None   # 'How much more does the pencil cost than the book?' of the cheaper one: misread
        b.step("-", [big, small], unit, q[0].upper() + q[1:])   # the problem's own question: the gap is the answer
    if unit not in _MEASURES:
        whole_count(b.value(other))
    return b.finish()


def _capitalised(t: str, at: int) -> str:
    """The text with the second owner's 'his dad' written 'His dad' when it follows 'and' in one sentence."""
    said = _WHO_AFTER_AND.match(t, at)
    return t[:at] + t[at].upper() + t[at + 1:] if said and t[at - 4:at] == "and " else t


def _same_kind(first: re.Match, second: re.Match) -> bool:
    """'3 times as many pens' of 12 pens, '1/3 as tall' of a height said 'tall': never another kind of thing."""
    unit = "dollars" if first.group("n").startswith("$") else first.group("u") or ""
    noun = second.group("noun")
    if noun and not (stem(noun) == stem(unit) or unit == "dollars" and noun == "money"):
        return False
    return not (second.group("adj") or first.group("adj")) or second.group("adj") == first.group("adj")


def _compared(b: Builder, a: Ref, second: re.Match, unit: str, said: str) -> Ref:
    """The compared amount: a percent of the first then added or taken away, a fraction of it, or k times it."""
    y, what = _named(second.group("y")), _what(second, unit)
    verb = "is" if second.group("adj") else "for"
    if second.group("pc"):
        pc = b.step("*", [a, b.given(second, "pc", "")], unit, f"How much is {second.group('pc')} of {said}?",
                    kind="percent")
        return b.step("+" if second.group("dir") == "more" else "-", [a, pc], unit,
                      f"How {what} {verb} {y}, {second.group('pc')} {second.group('dir')} than {said}?",
                      kind="percent_apply")
    if second.group("of"):   # 'Santo earned half of what Salvadore earned'
        return fraction_part(b, a, second, "of", said, unit)
    if "/" in second.group("k"):
        return fraction_part(b, a, second, "k", said, unit)
    k = second.group("kn")
    return b.step("*", [a, b.given(second, "kn", "times", f"{k} times")], unit,
                  f"How {what} {verb} {y}, {k} times {said}?")


def _owner(words: str) -> str:
    """Who an amount belongs to: 'lucy', 'giraffe' of 'A giraffe', 'pine tree' of 'A pine tree', 'tom' of "Tom's
    bike"."""
    owner = re.match(r"([A-Za-z]+)'s\b", words)
    if owner:
        return stem(owner.group(1).lower())
    said = re.sub(r"^(?:a|an|the|his|her|their) ", "", words.lower()).split()
    return " ".join(said[:-1] + [stem(said[-1])]) if said else ""


def _says(question: str, owner: str, other: str) -> re.Match | None:
    """Where the question names an owner by a word the other owner lacks ('robot' of 'toy robot', 'oak' of 'oak
    tree' beside 'pine tree')."""
    own = [re.escape(w) for w in owner.split() if w not in other.split()]
    return re.search(rf"\b(?:{'|'.join(own)})\b", question, re.I) if own else None


def _same_owner(a: str, b: str) -> bool:
    """'pine tree' and 'tree' are one owner said twice; 'pine tree' and 'oak tree' are two."""
    return bool(a and b) and (a == b or a.endswith(" " + b) or b.endswith(" " + a))


def _what(m: re.Match, unit: str) -> str:
    """'much money', 'many pens', 'tall': how the question words the compared amount."""
    if m.group("adj"):
        return m.group("adj")
    return "much money" if unit == "dollars" else f"many {unit}".strip()


def _named(who: str) -> str:
    """'Her sister' -> 'her sister', 'An oak tree' -> 'the oak tree', 'Lucy' -> 'Lucy': a subject said inside a
    question."""
    first, _, rest = who.partition(" ")
    if rest and first in ("A", "An"):
        return f"the {rest}"   # 'An oak tree' is the one the story told of
    return f"{first.lower()} {rest}" if rest and first in ("The", "His", "Her", "Their") else who
