"""The planner's reader of shopping lists: the cost of each kind of item (a count at a price), the total, and the
change from a payment. Apart from story_patterns.py to keep each file short; `shopping` returns a `Plan` or None.
"""
from __future__ import annotations

import re

from story_patterns import COUNT, Renamed, counts_noun
from wordproblem import Builder, Merged, NoPlan, Plan, Problem, _n, _w

_ITEM = re.compile(rf"{_n('n')} (?:[a-z]+ )?{_w('i')} (?:at|for|that cost|costing|which cost|each costing) "
                   rf"(?P<p>\$\d+(?:\.\d+)?)(?: (?:each|apiece|a piece|per [a-z]+|an? [a-z]+))")
_PAYS = re.compile(r"\b(?:pays|paid|pay|gives|gave|hands|handed|has|had|with) (?:with |the cashier |the clerk )?"
                   r"(?:a |an )?(?P<m>\$\d+(?:\.\d+)?)")


_PRICE_EACH = [re.compile(rf"\b(?:each|every|one|a|an) {_w('i')} costs? (?P<p>\$\d+(?:\.\d+)?)", re.I),
               re.compile(rf"\b{_w('i')} costs? (?P<p>\$\d+(?:\.\d+)?) (?:each|apiece|a piece)", re.I)]


def _priced_counts(p: Problem) -> list[Merged]:
    """'Each ticket costs $7. ... buys 5 tickets': the count and the price read as one item."""
    for rx in _PRICE_EACH:
        price = p.search(rx)
        if price:
            counts = [c for c in p.finditer(COUNT) if counts_noun(c, price.group("i"))]
            if len(counts) == 1:
                return [Merged(Renamed(counts[0], {"n": "a", "i": "noun"}), price)]
    return []


def shopping(p: Problem) -> Plan | None:
    """'3 pens at $2 each and 2 books at $5 each' -> cost of each kind, the total, and the change from $20."""
    items = list(p.finditer(_ITEM))
    items += [m for m in _priced_counts(p) if all(m.span("n") != i.span("n") for i in items)]
    if not items or not p.asks(r"^how much\b") or re.search(r"\b(split|splits|share|shares|half|1/2|more|less|than|"
                                                            r"compared|difference)\b", p.t, re.I):
        return None
    b = Builder(p, "shopping")
    costs = [b.step("*", [b.given(m, "n", m.group("i")), b.given(m, "p", "dollars")], "dollars",
                    f"How much do {m.group('n')} {m.group('i')} at {m.group('p')} each cost?") for m in items]
    total = costs[0]
    if len(costs) > 1:
        total = b.step("+", costs, "dollars", "How much do all the items cost together?")
    pays = p.search(_PAYS, "all")
    if pays and p.asks(r"\b(change|left|remain|back)\b"):
        b.step("-", [b.given(pays, "m", "dollars"), total], "dollars",
               f"How much is left from {pays.group('m')} after paying for everything?")
        if b.steps[-1].value < 0:
            raise NoPlan("paid less than the cost")
    elif pays or not p.asks(r"\b(spend|spent|pay|paid|cost|total|in all|altogether)\b"):
        return None
    return b.finish()
