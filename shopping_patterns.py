"""The planner's readers of shopping lists: the cost of each kind of item (a count at a price), the total, and the
change from a payment. `shopping` reads the list as written; `priced_apart`, tried after the story tracker, also
reads every price said apart from its count and one item at its price. Apart from story_patterns.py to keep each file
short; each returns a `Plan` or None.
"""
from __future__ import annotations

import re

from story_patterns import COUNT, Renamed, counts_noun
from wordproblem import Builder, Merged, NoPlan, Plan, Problem, _n, _w, number_value, stem

_ITEM = re.compile(rf"{_n('n')} (?:[a-z]+ )?{_w('i')} (?:at|for|that cost|costing|which cost|each costing) "
                   rf"(?P<p>\$\d+(?:\.\d+)?)(?: (?:each|apiece|a piece|per [a-z]+|an? [a-z]+))")
_PAYS = re.compile(r"\b(?:pays|paid|pay|gives|gave|hands|handed|has|had|with) (?:with |the cashier |the clerk )?"
                   r"(?:a |an )?(?P<m>\$\d+(?:\.\d+)?)")


_PRICE = r"(?P<p>\$\d+(?:\.\d+)?)"
_EACH = r"(?:each|apiece|a piece|a pop)"
# a price said apart from its count: 'Each ticket costs $7.', 'Shirts are $12 and hats $8.' (never a rate: '$5 an hour')
_PRICE_EACH = [re.compile(rf"\b(?:each|every|one|a|an) {_w('i')} costs? {_PRICE}", re.I),
               re.compile(rf"\b{_w('i')} costs? {_PRICE} {_EACH}", re.I),
               re.compile(rf"\b{_w('i')} (?:are|cost|sell for|go for) {_PRICE}(?: {_EACH})?(?! (?:a|an|per|every) )",
                          re.I)]
_PRICE_ELIDED = re.compile(rf"(?: {_EACH})?(?:,| and) {_w('i')} {_PRICE}(?: {_EACH})?(?! (?:a|an|per|every) )")
# one item at its price ('and a juice for $1.75'): its cost is the price
_ONE_ITEM = re.compile(rf"(?<![\d$] )\b(?:a|an|one) (?:[a-z]+ )?{_w('i')} (?:at|for|that costs?|costing) {_PRICE}"
                       rf"(?! (?:{_EACH}|a|an|per|every)\b)")


def _prices_said(p: Problem) -> list[re.Match]:
    """Every price said apart from its count, an elided one after another ('and hats $8') included; none when two
    prices name one thing ('Large pizzas cost $12 and small pizzas cost $7': which are the 3 pizzas?)."""
    found: dict[tuple[int, int], re.Match] = {}
    for rx in _PRICE_EACH:
        for price in p.finditer(rx, "all"):
            if rx is _PRICE_EACH[2] and re.search(r"\d(?: [a-z]+)? $", p.t[:price.start()]):
                continue   # '5 notebooks cost $15': the price of those 5 together, not of each
            found.setdefault(price.span("p"), price)
            elided = _PRICE_ELIDED.match(p.t, price.end())
            if rx is _PRICE_EACH[2] and elided:
                found.setdefault(elided.span("p"), elided)
    things = [stem(m.group("i")) for m in found.values()]
    return list(found.values()) if len(set(things)) == len(things) else []


def _priced_counts(p: Problem) -> list[Merged]:
    """'Each ticket costs $7. ... buys 5 tickets': the count and the price read as one item (the first price said
    apart whose thing is counted once)."""
    for rx in _PRICE_EACH[:2]:
        price = p.search(rx)
        if price:
            counts = [c for c in p.finditer(COUNT) if counts_noun(c, price.group("i"))]
            if len(counts) == 1:
                return [Merged(Renamed(counts[0], {"n": "a", "i": "noun"}), price)]
    return []


def _all_priced_counts(p: Problem) -> list[Merged]:
    """Each price said apart whose thing is counted once, more than one of it ('Shirts are $12 and hats $8. ... 3
    shirts and 2 hats')."""
    items = []
    for price in _prices_said(p):
        counts = [c for c in p.finditer(COUNT, "all") if counts_noun(c, price.group("i"))]
        if len(counts) == 1 and number_value(counts[0].group("a")) > 1:
            items.append(Merged(Renamed(counts[0], {"n": "a", "i": "noun"}), price))
    return items


def shopping(p: Problem) -> Plan | None:
    """'3 pens at $2 each and 2 books at $5 each' -> cost of each kind, the total, and the change from $20."""
    items = list(p.finditer(_ITEM))
    return _bill(p, items + [m for m in _priced_counts(p) if all(m.span("n") != i.span("n") for i in items)], [])


def priced_apart(p: Problem) -> Plan | None:
    """The list read wider, after the other readers: every price said apart from its count ('Shirts are $12 and
    hats $8.') and one item at its price ('and a juice for $1.75', its cost the price itself)."""
    items = list(p.finditer(_ITEM))
    items += [m for m in _all_priced_counts(p) if all(m.span("n") != i.span("n") for i in items)]
    return _bill(p, items, list(p.finditer(_ONE_ITEM)))


def _bill(p: Problem, items: list, ones: list[re.Match]) -> Plan | None:
    """The cost of each kind, the total, and the change from a payment when the question asks for it."""
    if not items or not p.asks(r"^how much\b") or re.search(r"\b(split|splits|share|shares|half|1/2|more|less|than|"
                                                            r"compared|difference)\b", p.t, re.I):
        return None
    b = Builder(p, "shopping")
    costs = [b.step("*", [b.given(m, "n", m.group("i")), b.given(m, "p", "dollars")], "dollars",
                    f"How much do {m.group('n')} {m.group('i')} at {m.group('p')} each cost?") for m in items]
    costs += [b.given(m, "p", "dollars", f"{m.group('p')} for the {m.group('i')}") for m in ones]
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


# A charge added to a price once: 'a $10 delivery fee', 'a shipping charge of $6', 'Shipping is $5.'
_FEE = re.compile(r"\b(?:an? )?(?P<f>\$\d+(?:\.\d+)?) (?:[a-z]+ )?(?:fee|charge|surcharge)\b|\b(?:fee|charge|shipping|"
                  r"delivery|postage|surcharge)(?: fee| charge)? (?:is|was|of|costs?) (?P<f_>\$\d+(?:\.\d+)?)", re.I)
_PAID = r"\b(?:pay|pays|paid|spend|spends|spent|cost|costs|total|in all|altogether)\b"


def fee_added(p: Problem) -> Plan | None:
    """One price and one fee added to it, asked what is paid: the price plus the fee (a fee 'per month' or 'each' is
    a rate, the rate readers')."""
    fees = list(p.finditer(_FEE))
    prices = [m for m in p.finditer(re.compile(r"\$\d+(?:\.\d+)?")) if not any(f.start() <= m.start() < f.end()
                                                                                  for f in fees)]
    if len(fees) != 1 or len(prices) != 1 or len(p.numbers) != 2 or not p.asks(r"^(?:how much|what)\b") or \
            not p.asks(_PAID) or re.search(r"\b(?:per|each|every|a month|a week|a day|an hour|monthly|weekly)\b", p.t):
        return None
    b = Builder(p, "fee_added")
    fee = fees[0]
    group = "f" if fee.group("f") else "f_"
    b.step("+", [b.given(prices[0], 0, "dollars"), b.given(fee, group, "dollars")], "dollars",
           f"What is {prices[0].group()} with the {re.sub(r'^an? ', '', fee.group()).strip()} added?")
    return b.finish()
