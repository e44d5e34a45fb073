"""The planner's patterns for inverse proportion: one job shared by a crew of another size (more hands, less time),
one trip driven at another speed (more speed, less time). A rate per worker or per km/h would scale the wrong way
(the mistake diagnosis.py names), so only these patterns read such a problem (solver._CREW_TIME). Apart from
equation_patterns.py to keep each file short; each pattern returns a `Plan` or None.
"""
from __future__ import annotations

import re

from wordproblem import Builder, Plan, Problem, _n, fmt, stem


# ----------------------------------------------------------------------------- more hands, less time

CREW = r"workers|people|men|women|builders|painters|cleaners|machines|pumps|printers|robots|tractors|farmers|" \
        r"students|volunteers|cooks|friends|children|gardeners|chefs|bakers|carpenters|plumbers|trucks|diggers|" \
        r"taps|hoses|pipes|faucets|cranes|mowers|teams"
_CREW_SAID = [re.compile(rf"\b[Ii]t takes {_n('n')} (?P<who>{CREW}) {_n('t')} (?P<u>hours|minutes|days|weeks) to "
                         rf"(?P<job>[a-z][^.?!]*)\."),
              re.compile(rf"(?:^|\. ){_n('n')} (?P<who>{CREW}) (?:can )?(?P<job>[a-z][^.?!]*?) in {_n('t')} "
                         rf"(?P<u>hours|minutes|days|weeks)\."),
              # the job said first: 'A tank is filled by 3 pumps in 8 hours.'
              re.compile(rf"(?:^|\. )(?P<job>[A-Z][^.?!]*? (?:is|are|was|were|can be|gets) [a-z]+) by {_n('n')} "
                         rf"(?P<who>{CREW}) in {_n('t')} (?P<u>hours|minutes|days|weeks)\.")]
_CREW_ASKED = re.compile(rf"(?:working )?(?:at the same (?:rate|speed|pace),? )?"
                         rf"how (?:long|many (?P<u>hours|minutes|days|weeks)) (?:would|will|does|do|should) "
                         rf"(?:it take {_n('m')} (?P<who>{CREW})|{_n('m_')} (?P<who_>{CREW}) (?:take|need))"
                         rf"(?: to [a-z][^?]*?)?(?: (?:working )?at the same (?:rate|speed|pace))?\?$", re.I)


def crew_time(p: Problem) -> Plan | None:
    """'It takes 4 workers 6 days to build a wall. How many days would it take 8 workers?': the job is 4 x 6 = 24
    worker-days, which 8 workers share, 24 / 8 days each (more hands, less time; a rate per worker would multiply
    the wrong way). One crew and its time in the story, another crew of the same kind asked about."""
    said = [m for rx in _CREW_SAID for m in [p.search(rx, "all")] if m]
    asked = p.match_question(_CREW_ASKED)
    if len(said) != 1 or not asked or len(p.numbers) != 3:
        return None
    m, who, count = said[0], asked.group("who") or asked.group("who_"), asked.group("m") or asked.group("m_")
    if who.lower() != m.group("who") or (asked.group("u") and asked.group("u").lower() != m.group("u")):
        return None
    b = Builder(p, "crew_time")
    crew = stem(m.group("who"))
    work = b.step("*", [b.given(m, "n", m.group("who")), b.given(m, "t", m.group("u"))], f"{crew}-{m.group('u')}",
                  f"How many {crew}-{m.group('u')} of work is the whole job, if {m.group('n')} {m.group('who')} "
                  f"take {m.group('t')} {m.group('u')}?", kind="crew_work")
    more = b.given(asked, "m" if asked.group("m") else "m_", who)
    b.step("/", [work, more], m.group("u"), f"If {count} {who} share those {fmt(b.value(work))} {crew}-"
                                            f"{m.group('u')}, how many {m.group('u')} does each one work?",
           kind="crew_time")
    return b.finish()


# ----------------------------------------------------------------------------- more speed, less time

_TRIP_SAID = re.compile(rf"\btakes {_n('t')} (?P<u>hours|minutes) at {_n('s')} ?(?P<d>km|miles|meters|m) "
                        rf"(?:per|an|a) (?P<per>hour|minute)\b")
_TRIP_ASKED = re.compile(rf"how long (?:does|would|will) it take(?: to [a-z][^?]*?)? at {_n('v')} ?"
                         rf"(?P<d>km|miles|meters|m) (?:per|an|a) (?P<per>hour|minute)\?$", re.I)


def trip_time(p: Problem) -> Plan | None:
    """'A trip takes 5 hours at 60 km per hour. How long does it take at 75 km per hour?': the distance is the
    same, 5 x 60 = 300 km, so the new time is 300 / 75 (faster, less time; the time scaled with the speed would
    grow the wrong way). One time and speed said, another speed in the same units asked about."""
    said, asked = p.search(_TRIP_SAID), p.match_question(_TRIP_ASKED)
    if not said or not asked or len(p.numbers) != 3 or (said.group("d"), said.group("per")) != \
            (asked.group("d"), asked.group("per")) or said.group("u").rstrip("s") != said.group("per"):
        return None
    b = Builder(p, "trip_time")
    speed = f"{said.group('d')} per {said.group('per')}"
    length = b.step("*", [b.given(said, "t", said.group("u")), b.given(said, "s", speed)], said.group("d"),
                    f"How far is the trip, if it takes {said.group('t')} {said.group('u')} at {said.group('s')} "
                    f"{speed}?", kind="trip_length")
    b.step("/", [length, b.given(asked, "v", f"{said.group('d')} per {said.group('per')}")], said.group("u"),
           f"How long do those {fmt(b.value(length))} {said.group('d')} take at {asked.group('v')} {said.group('d')} "
           f"per {said.group('per')}?", kind="trip_time")
    return b.finish()
