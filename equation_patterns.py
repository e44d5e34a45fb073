"""The planner's patterns for equations and the problems school solves with them: one small function per pattern.

Linear equations (written 'x + 3 = 10', in words 'I think of a number...', with a bracket '2(x - 3) = 14') and
two-number sum/difference systems (the numbers themselves, or two people's shares of a total). Kept apart from
math_patterns.py only to keep each file short; each pattern returns a `Plan` or None.
"""
from __future__ import annotations

import re

from story_patterns import HAS
from wordproblem import (NAME, NUM, Builder, Merged, Plan, Problem, Ref, _n, _w, fmt, shown_first, shown_in_sum,
                         whole_count)

# ----------------------------------------------------------------------------- equations

_EQUATION = re.compile(rf"(?<![\w/.]){_n('a')}? ?\*? ?(?P<x>[a-z])(?: ?(?P<s>[+-]) ?{_n('b')})? ?= ?{_n('c')}")
_ADD = r"plus|add|adds|added|increased by|more|and add|then add"
_SUB = r"minus|subtract|subtracts|subtracted|take away|takes away|decreased by|less|then subtract"
_WORDS_EQ = [
    re.compile(rf"{_n('a')} times (?:a|the|some|my|her|his) number,? (?P<s>{_ADD}|{_SUB}) {_n('b')},? "
               rf"(?:is|equals|makes|gives|was) {_n('c')}"),
    re.compile(rf"(?:multipl\w+|times) (?:it|the number|that number|a number) by {_n('a')},? (?:and |then )*"
               rf"(?P<s>{_ADD}|{_SUB}) {_n('b')}[^?]*?\b(?:is|get|gets|got|equals|makes|result is|answer is) "
               rf"{_n('c')}"),
]
_THINKS_OF = re.compile(r"\b(?:thinks?|thought|chooses|chose|picks?|picked) of a number|"
                        r"\b(?:chooses|chose|picks?|picked) a number")
_WORDS_ADD_ONLY = re.compile(rf"(?:[Aa]|[Tt]he|[Ss]ome|[Mm]y|[Hh]er|[Hh]is) number (?P<s>{_ADD}|{_SUB}) {_n('b')},? "
                             rf"(?:is|equals|makes|gives|was) {_n('c')}")


def equation(p: Problem) -> Plan | None:
    """a*x + b = c, written or in words ('I think of a number, multiply it by 3 and add 5: I get 20') -> x."""
    m = p.search(_EQUATION, "all")
    name = "x"
    if m:
        name, plus = m.group("x"), m.group("s") != "-"
    else:
        m = next((w for rx in _WORDS_EQ + [_WORDS_ADD_ONLY] for w in [p.search(rx, "all")] if w), None)
        if not m:
            return None
        plus = re.fullmatch(_SUB, m.group("s")) is None
        name = "the number"
    b = Builder(p, "equation")
    b.read += [t.start() for t in _THINKS_OF.finditer(p.t)]
    c = b.given(m, "c", "")
    a_text = m.groupdict().get("a")
    if m.groupdict().get("b"):
        done = f"adding {m.group('b')} to it" if plus else f"taking {m.group('b')} away from it"
        c = b.step("-" if plus else "+", [c, b.given(m, "b", "")], "",
                   f"What is {a_text + ' times ' if a_text else ''}{name}, if {done} gives {m.group('c')}?",
                   kind="equation")
    if a_text:
        b.step("/", [c, b.given(m, "a", "")], "", f"If {a_text} times {name} is {fmt(b.value(c))}, what is {name}?",
               kind="equation")
    return b.finish()


_BRACKET_EQUATION = re.compile(rf"{_n('a')} ?\( ?(?P<x>[a-z]) ?(?P<s>[+-]) ?{_n('b')} ?\) ?= ?{_n('c')}")


def bracket_equation(p: Problem) -> Plan | None:
    """'Solve 2(x - 3) = 14' -> multiply out the bracket (2 x -3 = -6), undo it (14 + 6 = 20 is 2x), then x."""
    m = p.search(_BRACKET_EQUATION, "all")
    if not m:
        return None
    a, x, sign = m.group("a"), m.group("x"), m.group("s")
    b = Builder(p, "equation")
    inner = b.given(m, "b", "", text=f"{sign}{m.group('b')}", scale=-1 if sign == "-" else 1)
    spread = b.step("*", [b.given(m, "a", ""), inner], "",
                    f"Multiplying out the bracket: what is {a} × {shown_in_sum(b.value(inner))}?",
                    kind="bracket")
    shown = shown_first(b.value(spread))
    lhs = f"{a}{x} {'-' if shown.startswith('-') else '+'} {shown.lstrip('-')}"
    times = b.step("-", [b.given(m, "c", ""), spread], "", f"If {lhs} = {m.group('c')}, what is {a}{x}?",
                   kind="equation")
    b.step("/", [times, b.given(m, "a", "")], "", f"If {a}{x} = {fmt(b.value(times))}, what is {x}?", kind="equation")
    return b.finish()


_SUM_DIFF = re.compile(rf"(?:sum of (?:(?P<two>2) |the )?numbers is|(?P<two_>2) numbers add up to) {_n('s')}[^.?!]*?"
                       rf"difference (?:is|of) {_n('d')}")
_TOGETHER = re.compile(rf"(?P<x>{NAME}) and (?P<y>{NAME}) {HAS} {_n('s')} {_w('i')}[^.?!]*?"
                       rf"\b(?:together|altogether|in all|in total)")
_MORE_THAN = re.compile(rf"(?P<big>{NAME}) {HAS} {_n('d')} more(?: {_w('i')})? than (?P<small>{NAME})")


def sum_difference(p: Problem) -> Plan | None:
    """Two numbers from their sum and difference: half the sum is the middle, half the difference takes it to the
    larger (plus) or the smaller (minus) number."""
    m = p.search(_SUM_DIFF)
    want_big = p.asks(r"\b(larger|largest|bigger|biggest|greater|greatest)\b")
    if not m or want_big == p.asks(r"\b(smaller|smallest|lesser|least)\b"):
        return None
    b = Builder(p, "sum_difference")
    two_group = "two" if m.group("two") else "two_" if m.group("two_") else None
    two = b.given(m, two_group, "") if two_group else b.fact(2, "", "2 numbers")
    half_sum = b.step("/", [b.given(m, "s", ""), two], "", f"What is half of the sum, {m.group('s')} ÷ 2?")
    half_diff = b.step("/", [b.given(m, "d", ""), two], "", f"What is half of the difference, {m.group('d')} ÷ 2?")
    name = "larger" if want_big else "smaller"
    b.step("+" if want_big else "-", [half_sum, half_diff], "",
           f"The {name} number is half the difference {'above' if want_big else 'below'} half the sum: what is it?")
    return b.finish()


def shared_with_difference(p: Problem) -> Plan | None:
    """Two people's total and the difference: (total - difference) / 2 is the smaller share, plus the difference."""
    m, d = p.search(_TOGETHER), p.search(_MORE_THAN)
    if not m or not d or {d.group("big"), d.group("small")} != {m.group("x"), m.group("y")}:
        return None
    small_name, big_name, i = d.group("small"), d.group("big"), m.group("i")
    want_big = p.asks(rf"\b{big_name}\b")
    if want_big == p.asks(rf"\b{small_name}\b"):
        return None
    b = Builder(p, "sum_difference")
    two, m = b.fact(2, "", "2 people"), Merged(m, d)
    s, dd = b.given(m, "s", i), b.given(m, "d", i)
    twice = b.step("-", [s, dd], i, f"Without the extra {m.group('d')}, how much is left of the {m.group('s')} "
                                    f"to share equally?")
    small = b.step("/", [twice, two], i, f"Shared equally between the two, how much is {small_name}'s part?")
    whole_count(b.value(small))   # the shares of people's things are whole counts
    if want_big:
        b.step("+", [small, dd], i, f"What is {big_name}'s part, {m.group('d')} more than {small_name}'s?")
    return b.finish()


# ----------------------------------------------------------------------------- an equation with a fraction side

_TERM = rf"(?:(?P<c>{NUM}) ?)?(?P<y>[a-z])(?![a-z])(?: ?(?P<t>[+-]) ?(?P<e>{NUM}))?"
_FRACTION_EQUATION = re.compile(rf"\( ?(?:(?P<a>{NUM}) ?)?(?P<x>[a-z]) ?(?P<s>[+-]) ?{_n('b')} ?\) ?/ ?{_n('d')} ?= ?"
                                rf"(?:{_TERM}|(?P<neg>-)?(?P<k>{NUM}))(?![\w/(])")
_NUMBER_OF = r"(?:a|the|some|my|her|his) number"
_FRACTION_WORDS = re.compile(rf"\b(?P<ls>sum|difference) of {_NUMBER_OF} and {_n('b')},? (?:is |all )?divided by "
                             rf"{_n('d')},? (?:equals|is equal to|is|gives) (?:(?:(?P<e>{NUM}) (?P<t>less|more) "
                             rf"than )?(?:(?P<c>{NUM}) times )?(?P<y>(?:the|that|this) number)\b|(?P<k>{NUM})\b"
                             rf"(?! [a-z]+ than))")


def _signed(b: Builder, m: re.Match | Merged, group: str, minus: bool) -> Ref:
    token = m.group(group)
    return b.given(m, group, "", text=f"-{token}" if minus else token, scale=-1 if minus else 1)


def fraction_equation(p: Problem) -> Plan | None:
    """'(x + 2)/3 = x - 4' or 'the sum of a number and 2, divided by 3, equals 4 less than the number': multiply both
    sides by 3, gather the numbers on one side and the letter on the other (the side with more of it), divide."""
    m = p.search(_FRACTION_EQUATION, "all")
    words = m is None
    m = m or p.search(_FRACTION_WORDS, "all")
    if not m or (not words and m.group("y") and m.group("y") != m.group("x")):
        return None
    b = Builder(p, "equation")
    if words:
        name, minus_b, minus_e = "the number", m.group("ls") == "difference", m.group("t") == "less"
        b.read += [t.start() for t in _THINKS_OF.finditer(p.t)]
    else:
        name, minus_b, minus_e = m.group("x"), m.group("s") == "-", m.group("t") == "-" or bool(m.group("neg"))
    a = b.given(m, "a", "") if m.groupdict().get("a") else b.fact(1, "", f"1 {name}")
    d, const_b = b.given(m, "d", ""), _signed(b, m, "b", minus_b)
    right = "e" if m.group("y") else "k"
    e = _signed(b, m, right, minus_e) if m.group(right) else None
    d_text = m.group("d")
    times = b.step("*", [d, e], "", f"Multiplying both sides by {d_text} undoes the division by {d_text}: what is "
                                    f"{d_text} × {shown_in_sum(b.value(e))}?", kind="bracket") if e else None
    if not m.group("y"):
        letters = a
    elif m.group("c"):
        c = b.given(m, "c", "")
        letters = b.step("*", [d, c], "", f"What does {_term(b, c, name)} become when multiplied by {d_text}?")
    else:
        letters = d   # 3 × (x - 4) has 3 x
    more_right = m.group("y") and b.value(letters) > b.value(a)
    if m.group("y") and b.value(letters) == b.value(a):
        return None   # the letter cancels: no single answer
    return _gather(b, name, (letters, a) if more_right else (a, letters), (const_b, times) if more_right
                   else (times, const_b), both_sides=bool(m.group("y")))


def _term(b: Builder, coefficient: Ref, name: str) -> str:
    value = fmt(b.value(coefficient))
    return {"1": name, "-1": f"-{name}"}.get(value, f"{value}{name}" if len(name) == 1 else f"{value} times {name}")


def _gather(b: Builder, name: str, letters: tuple[Ref, Ref], numbers: tuple[Ref | None, Ref | None],
            both_sides: bool) -> Plan | None:
    """The letter gathered on one side, the numbers on the other, then divide. `letters` is (the side that keeps
    the letter, the side it leaves); `numbers` is (the side that keeps the numbers, the side they leave)."""
    big, small = letters
    coefficient = big
    if both_sides:
        coefficient = b.step("-", [big, small], "", f"Gather {name} on one side: what is {_term(b, big, name)} - "
                                                    f"{_term(b, small, name)}?", kind="equation")
    keep, leave = numbers
    if leave is None:
        total = keep
    elif keep is None:
        total = b.step("*", [leave, b.fact(-1, "", "-1")], "", f"Moving {shown_in_sum(b.value(leave))} to the other "
                                                              f"side changes its sign: what does it become?",
                       kind="equation")
    else:
        total = b.step("-", [keep, leave], "", f"Gather the numbers on the other side: what is "
                                               f"{shown_first(b.value(keep))} - {shown_in_sum(b.value(leave))}?",
                       kind="equation")
    if b.value(coefficient) != 1:
        b.step("/", [total, coefficient], "", f"If {_term(b, coefficient, name)} = {shown_first(b.value(total))}, "
                                              f"what is {name}?", kind="equation")
    return b.finish()
