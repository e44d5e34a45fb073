"""The planner's reader of two amounts that change at two rates until they are the same: 'Jon has $50 and saves $5 a
week. Mia has $20 and saves $8 a week. After how many weeks will they have the same amount?' Each owner's track is a
start and a rate per unit of time, its direction read from the verb before the rate (saves, grows, fills; drains,
spends, loses); the plan is the gap at the start, how much it closes each unit of time, then how many units close
it. A start of nothing is read only where the track says so ('and nothing to join'). Kept apart from
equation_patterns.py, which solves equations written out; this reads the story's two tracks.
"""
from __future__ import annotations

import re
from fractions import Fraction

from wordproblem import NUM, NUMBER, PRONOUNS, Builder, Plan, Problem, Ref, number_value, stem

_TIME = r"second|minute|hour|day|week|month|year"
# '$5 a week', '3 more each day', '4 liters a minute', '2 cm per week'
_RATE = re.compile(rf"(?P<r>{NUM})(?P<words>(?: (?!(?:a|an|per|each|every|and|or|then|to|plus)\b)[a-z]+){{0,2}}) "
                   rf"(?:a|an|per|each|every) (?P<t>{_TIME})s?\b")
_LOSS = r"spends?|spent|drains?|drained|loses?|lost|uses?|used|leaks?|leaked|drops?|dropped|falls?|fell|melts?|" \
        r"melted|burns?|burned|burnt|sells?|sold|eats?|ate|shrinks?|shrank|decreases?|decreased|empties|emptied|" \
        r"cools?|cooled|withdraws?|withdrew|goes down|went down|gives away|gave away|sinks?|sank"
_GAIN = r"saves?|saved|gets?|got|grows?|grew|fills?|filled|adds?|added|earns?|earned|gains?|gained|rises|rose|" \
        r"collects?|collected|receives?|received|deposits?|deposited|charges?|charged|costs?|pays?|paid|plus|" \
        r"increases?|increased|climbs?|climbed|reads?|puts in|goes up|went up|makes?|made|\+"
_VERB = re.compile(rf"(?:(?<=\s)|(?<=^))(?:{_LOSS}|{_GAIN})(?=\s|$)")   # '+3 a day' too
_NOTHING = re.compile(r"\b(?:nothing|no (?:[a-z]+ )?fee|free) to (?:join|start|sign up)\b|\bno (?:joining|sign-up|"
                      r"signup|starting) fee\b")
# the question asks for a time ('After how many weeks', 'When', 'How long'), never an amount then ('How many cards
# will each have when ...')
_ASKS_WHEN = rf"^(?:when\b|how long\b|(?:after |in )?how many (?P<t>{_TIME})s?\b)"
_ASKS_SAME = r"\b(?:same|equal|catch up|as (?:many|much|tall|high|long|heavy)(?: [a-z]+)? as)\b"
# the owner that opens a track: 'Jon', 'tank A', 'The red candle' (a noun after its adjective, before 'is' or 'has')
_LEAD_IN = re.compile(r"[\s.,;]*(?:(?:and|while|but|whereas) )?(?P<the>(?:[Tt]he|[Aa]n?) )?(?P<who>[A-Za-z]+"
                      r"(?: [A-Z0-9]\b| [a-z](?= \$?\d)| [a-z]+(?= (?:is|has|was|had|have|are|were|holds|contains|"
                      r"starts)\b))?)")
_NOT_OWNERS = {"another", "other", "one", "each", "both", "every", "after", "in", "at", "on", "if", "when"}
_FUNCTION = {"a", "an", "and", "to", "of", "in", "on", "at", "for", "with", "per", "each", "every", "more", "less",
             "plus", "then", "join", "start"}


class _Track:
    """One owner's start (None when it starts with nothing) and rate, with the words they were said in."""

    def __init__(self, who: str, start: re.Match | None, rate: re.Match, verbs: list[str]):
        self.who, self.start, self.rate = who, start, rate
        self.loses = re.fullmatch(_LOSS, verbs[-1]) is not None   # the verb nearest the rate gives its direction
        words = [v for v in verbs if v not in ("plus", "+")]   # '$40 to join plus $10 a month': charges $10
        self.verb = words[-1] if words else ("takes away" if self.loses else "adds")

    @property
    def start_value(self) -> Fraction:
        return number_value(self.start.group()) if self.start else Fraction(0)

    @property
    def rate_value(self) -> Fraction:
        value = number_value(self.rate.group("r"))
        return -value if self.loses else value


def _unit_after(text: str, end: int) -> str:
    """The noun said right after a number ('12 stamps', '100 liters'), '' when none."""
    m = re.match(r" ([a-z]+)\b", text[end:])
    return m.group(1) if m and m.group(1) not in _FUNCTION and not _VERB.fullmatch(m.group(1)) else ""


def _track(p: Problem, begin: int, rate: re.Match, starts: list[re.Match]) -> _Track | None:
    """The owner, start and direction of the track ending with `rate` and said from `begin`."""
    who = _LEAD_IN.match(p.t, begin)
    if who is None or who.group("who").split()[0].capitalize() in PRONOUNS:
        return None
    near = list(_VERB.finditer(p.t[(starts[0].end() if starts else begin):rate.start()].rstrip()))
    if len(starts) > 1 or not near or who.group("who").lower() in _NOT_OWNERS:
        return None
    if not starts and not _NOTHING.search(p.t, begin, len(p.body)):
        return None
    verbs = [v.group().strip() for v in _VERB.finditer(p.t[begin:rate.start()].rstrip())]
    named = f"the {who.group('who')}" if who.group("the") else who.group("who")   # 'A pool has ...': the pool
    named = re.sub(r"^[Aa]nother ", "the other ", named)
    # 'Tank A', 'plant b': a thing and its label, said 'tank A' and 'plant B' inside a sentence
    named = re.sub(r"^([A-Za-z])([a-z]+) ([A-Za-z0-9])$", lambda m: f"{m[1].lower()}{m[2]} {m[3].upper()}", named)
    return _Track(named, starts[0] if starts else None, rate, verbs)


def _units_agree(p: Problem, tracks: list[_Track]) -> bool:
    """Every amount and rate counts one thing: dollars with dollars, liters with liters ('3 more' names none)."""
    said = set()
    for m in [t.start for t in tracks if t.start] + [t.rate for t in tracks]:
        token = m.group("r") if "r" in m.re.groupindex else m.group()
        end = m.end("r") if "r" in m.re.groupindex else m.end()
        unit = "dollar" if token.startswith("$") else stem(_unit_after(p.t, end))
        if unit:
            said.add(unit)
    return len(said) <= 1


def same_amount(p: Problem) -> Plan | None:
    """Two starts and two rates per unit of time, asked when the two amounts are the same: the gap at the start,
    how much it closes each unit of time, then how many units close it."""
    if not p.asks(_ASKS_WHEN) or not p.asks(_ASKS_SAME):
        return None
    rates = list(p.finditer(_RATE))
    asked = re.match(_ASKS_WHEN, p.question, re.I)
    if len(rates) != 2:
        return None
    if len({stem(r.group("t")) for r in rates} | {stem(asked.group("t") or rates[0].group("t"))}) > 1:
        return None   # one unit of time for both rates and the question
    spans = [r.span("r") for r in rates]
    starts = [m for m in p.finditer(NUMBER) if m.span() not in spans]
    bounds = [(0, rates[0].end()), (rates[0].end(), len(p.body))]
    tracks = [_track(p, lo, rate, [s for s in starts if lo <= s.start() < hi]) for (lo, hi), rate in zip(bounds, rates)]
    if None in tracks or tracks[0].who.lower() == tracks[1].who.lower() or not _units_agree(p, tracks):
        return None
    lead, behind = sorted(tracks, key=lambda t: t.start_value, reverse=True)
    if lead.start_value == behind.start_value or behind.rate_value <= lead.rate_value:
        return None
    return _plan(p, lead, behind)


def _plan(p: Problem, lead: _Track, behind: _Track) -> Plan | None:
    """The gap at the start (or the one start, when the other is nothing), how much it closes each unit of time (the
    difference of two rates one way, their sum when one gains and one loses), then the units that close it."""
    b = Builder(p, "same amount")
    both = p.search(re.compile(r"\b(?:the|both|all) (?P<n>2) [a-z]+"), "question")
    if both:
        b.label(both, "n")   # 'do the 2 clubs cost the same': the two owners, no amount
    unit = "dollars" if lead.start.group().startswith("$") else _unit_after(p.t, lead.start.end())
    lead_start = b.given(lead.start, 0, unit)
    if behind.start is None:
        gap = lead_start
    else:
        gap = b.step("-", [lead_start, b.given(behind.start, 0, unit)], unit,
                     f"How far apart are {lead.who}'s {_said(p, lead.start)} and {behind.who}'s "
                     f"{_said(p, behind.start)} at the start?")
    time = lead.rate.group("t")
    said = [f"{t.who} {t.verb} {t.rate.group('r')}{t.rate.group('words')}" for t in (lead, behind)]
    refs = [b.given(t.rate, "r", unit) for t in (lead, behind)]
    if lead.loses == behind.loses:
        faster = refs[0] if lead.loses else refs[1]
        closing = b.step("-", [faster, refs[1] if faster == refs[0] else refs[0]], unit,
                         f"How much does the gap close each {time}, when {said[0]} and {said[1]}?")
    else:
        closing = b.step("+", refs, unit, f"How much does the gap close each {time}, when {said[0]} and {said[1]}?")
    units = b.step("/", [gap, closing], f"{time}s",
                   f"How many {time}s does it take to close {_gap_words(b, gap)} at that pace?")
    value = b.value(units)
    return b.finish() if value > 0 and value.denominator == 1 else None


def _said(p: Problem, start: re.Match) -> str:
    """A start as written, with its noun ('30 stamps', '$50')."""
    unit = _unit_after(p.t, start.end())
    return f"{start.group()} {unit}" if unit and not start.group().startswith("$") else start.group()


def _gap_words(b: Builder, gap: Ref) -> str:
    """'a gap of $40' when the gap is a given amount, 'that gap' when a step found it (its value is not said)."""
    if gap.kind == "quantity":
        return f"a gap of {b.quantities[gap.index].text}"
    return "that gap"

