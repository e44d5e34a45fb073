"""Two ages linked, then asked now, some years on or ago, together, or when one reaches an age.

'Grandpa is 72 years old. He is 4 times as old as his grandson. How old will the grandson be in 10 years?': one age
is said outright, the other is said against it (k times as old, k times her age, d years older or younger, with or
without 'than'), and a pronoun in the link ('as old as she is', 'He is') is the one person whose age is said. The
age now comes first (the link read forward, or undone when the known age is the linked one's: 72 / 4), then the
question's years: later ('in 10 years', '10 years from now'), earlier ('5 years ago'), both ages together ('the sum
of their ages'), or how many years until one is a given age. The story is exactly the two statements, and every
person in the question is one of the two.
"""
from __future__ import annotations

import re

from wordproblem import Builder, Plan, Problem, Ref, _n

_WHO = r"(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?) [a-z]+)"
_PRONOUN = r"(?:he|she|He|She|him|her|his|Her|His)"
_KNOWN = re.compile(rf"(?P<who>{_WHO}) is {_n('a')}(?: years? old| years of age)?$")
# the link, said of X against Y ('Y' may be a pronoun for the person whose age is known)
_LINKS = [re.compile(rf"(?P<x>{_WHO}|{_PRONOUN}) is {_n('k')} times as old as (?P<y>{_WHO}|{_PRONOUN})"
                     rf"(?: (?:is|was))?$"),
          re.compile(rf"(?P<x>{_WHO}|{_PRONOUN}) is {_n('k')} times (?:(?P<y>{_PRONOUN})|(?P<y_>{_WHO})'s) age$"),
          re.compile(rf"(?P<x>{_WHO}|{_PRONOUN}) is {_n('d')} years? (?P<dir>older|younger)"
                     rf"(?: than (?P<y>{_WHO}|{_PRONOUN})(?: (?:is|was))?)?$")]
_LATER = r"(?:in |(?=\S+ years? from now)){n} years?(?: from now)?"
_ASKED = [re.compile(rf"How old (?:(?P<will>will) (?P<p>{_WHO}) be {_LATER.format(n=_n('t'))}|(?P<was>was) "
                     rf"(?P<p_>{_WHO}) {_n('t_')} years? ago|is (?P<p__>{_WHO})(?: now)?)\?$"),
          re.compile(rf"What (?:(?P<will>will) (?P<p>{_WHO})'s age be {_LATER.format(n=_n('t'))}|(?P<was>was) "
                     rf"(?P<p_>{_WHO})'s age {_n('t_')} years? ago|is (?P<p__>{_WHO})'s age(?: now)?)\?$"),
          re.compile(rf"What (?:is|(?P<will>will) be) the sum of their ages(?: now| {_LATER.format(n=_n('t'))})?\?$"),
          re.compile(rf"In how many years will (?P<p>{_WHO}) be {_n('g')}(?: years old)?\?$")]


def _key(who: str) -> str:
    """A person as the story and the question both name them ('his grandson', 'the grandson')."""
    return re.sub(r"^(?:his|her|their|the|an?) ", "", who.lower())


def _same(a: str, b: str) -> bool:
    return _key(a) == _key(b)


def _statement(p: Problem, span: tuple[int, int]) -> tuple[int, int]:
    """A statement's span without its full stop (the patterns match it to its end)."""
    start, end = span
    while p.t[start] == " ":
        start += 1
    while p.t[end - 1] in ". ":
        end -= 1
    return start, end


def _link(p: Problem, span: tuple[int, int], known: str) -> tuple[re.Match, str, str] | None:
    """The link and its two people (X said against Y), each pronoun read as the known person; None when a pronoun
    stands for both or neither is the known one."""
    for rx in _LINKS:
        m = rx.match(p.t, *span)
        if m is None:
            continue
        x, y = m.group("x"), (m.groupdict().get("y") or m.groupdict().get("y_") or known)
        x, y = (known if re.fullmatch(_PRONOUN, w) else w for w in (x, y))
        return (m, x, y) if not _same(x, y) and known in (x, y) else None
    return None


def _ask(p: Problem) -> tuple[re.Match, str] | None:
    for rx in _ASKED:
        m = p.match_question(rx)
        if m:
            return m, next((m.group(g) for g in ("p", "p_", "p__") if m.groupdict().get(g)), "")
    return None


def ages_linked(p: Problem) -> Plan | None:
    """See the module's docstring."""
    statements = [_statement(p, s) for s in p.statements()]
    asked = _ask(p)
    if len(statements) != 2 or asked is None:
        return None
    known = next(((m, i) for i, s in enumerate(statements) if (m := _KNOWN.match(p.t, *s))), None)
    if known is None:
        return None
    k, i = known
    who = k.group("who")
    found = _link(p, statements[1 - i], who)
    if found is None:
        return None
    link, x, y = found
    m, person = asked
    other = y if _same(who, x) else x
    if person and not _same(person, other):
        return None   # the age said outright, asked: the link would be a step the question never needs
    b = Builder(p, "ages")
    base = b.given(k, "a", "years", f"{k.group('a')} years")
    now = _other_now(b, link, base, forward=_same(who, y), who=other, said=k.group("a"))
    if now is None:
        return None
    return _answer(b, m, person, {_key(x): now if _same(other, x) else base,
                                  _key(y): now if _same(other, y) else base})


def _other_now(b: Builder, link: re.Match, base: Ref, forward: bool, who: str, said: str) -> Ref | None:
    """The other person's age now: the link read forward (X from Y's known age) or undone (Y from X's)."""
    times = link.groupdict().get("k")
    name = who[0].lower() + who[1:] if who.split()[0] in ("His", "Her", "Their", "The", "A", "An") else who
    if times:
        factor = b.given(link, "k", "times", f"{times} times")
        op = "*" if forward else "/"
        question = f"How old is {name} now, {times} times {said}?" if forward else \
            f"How old is {name} now, if {times} times that age is {said}?"
    else:
        gap = b.given(link, "d", "years", f"{link.group('d')} years")
        factor = gap
        older = link.group("dir") == "older"
        op = "+" if older == forward else "-"
        question = f"How old is {name} now, {link.group('d')} years " \
                   f"{link.group('dir') if forward else ('younger' if older else 'older')} than {said}?"
    now = b.step(op, [base, factor], "years", question)
    value = b.value(now)
    return now if value > 0 and value.denominator == 1 else None


def _answer(b: Builder, m: re.Match, person: str, ages: dict[str, Ref]) -> Plan | None:
    """The question's years put on the age now, or both ages added, or the years until an age."""
    if "g" in m.groupdict() and m.group("g"):
        goal = b.given(m, "g", "years")
        until = b.step("-", [goal, ages[_key(person)]], "years",
                       f"How many years from {person}'s age now to {m.group('g')}?")
        return b.finish() if b.value(until) > 0 else None
    years = m.groupdict().get("t") or m.groupdict().get("t_")
    if not person:   # the sum of their ages, now or some years on (each is that many years older)
        first, second = ages.values()
        total = b.step("+", [first, second], "years", "What are their two ages now added together?")
        if years:
            later = b.step("*", [b.given(m, "t", "years"), b.fact(2, "people", "the 2 of them")], "years",
                           f"How many years do the two of them add in {years} years, {years} each?")
            b.step("+", [total, later], "years", f"What is the sum of their ages in {years} years?")
        return b.finish()
    age = ages[_key(person)]
    if years and m.group("will"):
        b.step("+", [age, b.given(m, "t", "years")], "years", f"How old will {person} be {years} years on?")
    elif years:
        if b.value(age) <= int(years):
            return None
        b.step("-", [age, b.given(m, "t_", "years")], "years", f"How old was {person} {years} years ago?")
    return b.finish()
