"""Chains the planner reads in two parts: a story that leaves some amount, then that amount shared out equally.

'Kim has 56 stickers. She keeps 3/8 of them and shares the rest equally among her 5 classmates. How many stickers
does each classmate get?' is a whole story ('Kim has 56 stickers. She keeps 3/8 of them.') and one last step (the
rest in 5 equal shares). The share's clause is cut off, the story is planned asking what is left (by every pattern,
so a portion, a percent, groups then a change all count), and the division is added as the plan's last step. Only
when the clause names the rest ('the rest', 'the remaining slices', 'the other books'), holds the one number of the
shares, the question asks for one share of those same things ('each classmate', 'each box'), and the shares come out
whole (money in cents).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction

from wordproblem import Plan, Quantity, Ref, Step, apply_op, fmt, normalise, number_value, same_word, stem

_REST = r"(?:the rest|the remainder|the remaining|the others?|all the others?)\b"
_SHARE_VERB = r"(?:shared?|shares|divided?|divides|split|splits|packed|packs?|placed|places?|put|puts|gave|gives?|handed out|" \
              r"hands? out|given out|gives? out|gave out)\b"
# Where the share's clause starts in the sentence before the question: ', and (then) shares the rest equally among her
# 5 classmates', or the whole sentence ('The remaining shirts were packed equally into 8 boxes.').
_CUT = re.compile(r",? and (?:then )?|, then ")
_SHARES = re.compile(r"\b(?:equally |evenly )?(?P<prep>among|between|into|onto|on|in|to) (?:her |his |their |the |its )?"
                     r"(?P<n>\d+) (?P<y>[a-z]+)\b")
_SHARERS = re.compile(r"^(?:(?:her|his|their|the) )?(?P<n>\d+) (?P<y>[a-z]+) " + _SHARE_VERB)
# Some set apart before the rest is shared: 'She kept 12 cookies', 'and saves $20'
_APART = re.compile(r"(?:^|,? and (?:then )?|, then )(?P<clause>(?:(?:[Ss]he|[Hh]e|[Tt]hey|[Ww]e|[Ii]t|[A-Z][a-z]+) )?"
                    r"(?:kept|keeps|keep|saved|saves|save|set aside|sets aside|put aside|puts aside) (?P<k>\$?\d+)"
                    r"(?: (?P<u>[a-z]+)| of them)?)$")
_ASKED = re.compile(r"^[Hh]ow (?:many (?P<x>[a-z]+)|much(?: money)?)\b[^?]*\beach (?P<y>[a-z]+)\b[^?]*\?$")


def _shares(clause: str) -> tuple[re.Match, str] | None:
    """The shares' count and what they are ('among her 5 classmates', 'his 4 friends shared'), with its preposition,
    when the clause names the rest, says it is shared equally, and holds no other number."""
    if len(re.findall(r"\d", re.sub(r"\d+", "0", clause))) != 1 or not re.search(_REST, clause, re.I):
        return None
    sharers = _SHARERS.match(clause)
    if sharers and re.search(r"\b(?:equally|evenly)\b", clause):
        return sharers, "among"
    shares = _SHARES.search(clause)
    if shares and re.search(_SHARE_VERB, clause) and re.search(r"\b(?:equally|evenly)\b", clause):
        return shares, shares.group("prep")
    return None


def _then(found: Plan, op: str, quantity: Quantity, question: str) -> Plan:
    """The plan with one more step: its last result and a new quantity of the text."""
    quantities = found.quantities + [quantity]
    values = (found.answer, quantity.value)
    step = Step(op, (Ref("step", len(found.steps) - 1), Ref("quantity", len(quantities) - 1)), values,
                apply_op(op, values), found.unit, question)
    return replace(found, quantities=quantities, steps=found.steps + [step])


def _set_apart(head: str, what: str) -> tuple[int, re.Match] | None:
    """'She kept 12 cookies' ending the story before the share: where it starts, and its amount."""
    m = _APART.search(head)
    if m is None or (m.group("u") and not same_word(m.group("u"), what)) or \
            (what == "money") != m.group("k").startswith("$"):
        return None
    return m.start(), m


def shared_rest(problem: str, plan_all: Callable[[str], Plan | None]) -> Plan | None:
    """The story up to the share planned by `plan_all` as 'How many ... are left?' (or, when some are set apart
    first, as 'How many ... are there altogether?', less those), then the rest in equal shares."""
    t = normalise(problem)
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=[.!?] ))[A-Z]", t)]
    if len(starts) < 3:
        return None
    asked = _ASKED.match(t[starts[-1]:])
    sentence = t[starts[-2]:starts[-1]].rstrip(" .")
    cuts = [(m.start(), m.end()) for m in _CUT.finditer(sentence)][::-1] + \
        ([(-2, 0)] if re.match(_REST, sentence, re.I) else [])   # the sentence's own full stop is its cut
    found = next(((cut, said) for cut, at in cuts if (said := _shares(sentence[at:]))), None) if asked else None
    if not found:
        return None
    cut, (shares, prep) = found
    y = asked.group("y")
    if not same_word(shares.group("y"), y) and not shares.group("y").startswith(stem(y)):
        return None
    what = asked.group("x") or "money"
    apart = _set_apart(t[starts[-2]:starts[-2] + max(cut, 0)], what)
    end = starts[-2] + (apart[0] if apart else cut)
    question = ("How many {} are there altogether?" if apart else "How many {} are left?").format(what) \
        if what != "money" else "How much money is there altogether?" if apart else "How much money is left?"
    before = plan_all(f"{t[:end].rstrip(' ,')}. {question}")
    if before is None or not (same_word(before.unit, what) or (what == "money" and before.unit == "dollars")):
        return None
    if apart:
        kept = apart[1]
        k = Quantity(number_value(kept.group("k")), before.unit, kept.group("k") if what == "money" else
                     f"{kept.group('k')} {what}")
        lower = kept.group("clause")[0].lower() + kept.group("clause")[1:]
        before = _then(before, "-", k, f"How {'much money is' if what == 'money' else f'many {what} are'} left to "
                                       f"share once {lower}?")
        if before.answer <= 0:
            return None
    n = Quantity(Fraction(int(shares.group("n"))), shares.group("y"), f"{shares.group('n')} {shares.group('y')}")
    rest = f"${fmt(before.answer)}" if what == "money" else f"{fmt(before.answer)} {what}"
    shared = _then(before, "/", n, f"{rest[0].upper()}{rest[1:]} shared equally {prep} {n.text}: "
                                   f"{asked.group()[0].lower()}{asked.group()[1:]}")
    if (what != "money" and shared.answer.denominator != 1) or (shared.answer * 100).denominator != 1:
        return None   # whole things share out whole, money in cents
    return replace(shared, problem=problem, pattern="shared_rest")
