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
                         rf"(?:it take {_n('m')} (?:such )?(?P<who>{CREW})|{_n('m_')} (?:such )?(?P<who_>{CREW}) "
                         rf"(?:take|need))(?: to [a-z][^?]*?)?(?:,? (?:working )?at the same (?:rate|speed|pace))?\?$",
                         re.I)
# a supply shared by more mouths: 'A bag of feed lasts 15 days for 4 horses.', then '... last for 6 horses?'
EATERS = r"horses|cows|sheep|goats|pigs|hens|chickens|dogs|cats|rabbits|animals|birds|campers|soldiers|guests|" \
         r"people|students|children|families|hikers|scouts"
_SUPPLY_SAID = re.compile(rf"(?:^|\. )(?P<job>[A-Z][^.?!]*?) (?:lasts|will last|can last) {_n('t')} "
                          rf"(?P<u>hours|days|weeks|months) for {_n('n')} (?P<who>{EATERS})\.")
# a question as students retell it: 'How long for 9 workers?', 'how many days with 3 pipes', 'For 6 horses?'
_FOR_CREW = re.compile(rf"(?:(?:and )?how (?:long|many (?P<u>hours|minutes|days|weeks|months))(?: (?:would|will|does) "
                       rf"it (?:take|last))? )?(?:for|with) {_n('m')} (?:such )?(?P<who>{CREW}|{EATERS})"
                       rf"(?:,? (?:working )?at the same (?:rate|speed|pace))?\?$", re.I)
_SUPPLY_ASKED = re.compile(rf"how (?:long|many (?P<u>hours|days|weeks|months)) (?:would|will|does|should|could) "
                           rf"(?:it|the [a-z]+) last (?:for|with) {_n('m')} (?P<who>{EATERS})(?: instead)?\?$", re.I)


def crew_time(p: Problem) -> Plan | None:
    """'It takes 4 workers 6 days to build a wall. How many days would it take 8 workers?': the job is 4 x 6 = 24
    worker-days, which 8 workers share, 24 / 8 days each (more hands, less time; a rate per worker would multiply
    the wrong way). One crew and its time in the story, another crew of the same kind asked about."""
    said = [m for rx in [*_CREW_SAID, _SUPPLY_SAID] for m in [p.search(rx, "all")] if m]
    asked = p.match_question(_CREW_ASKED) or p.match_question(_SUPPLY_ASKED) or p.match_question(_FOR_CREW)
    if len(said) != 1 or not asked or len(p.numbers) != 3:
        return None
    m, groups = said[0], asked.groupdict()
    who, count = groups.get("who") or groups["who_"], groups.get("m") or groups["m_"]
    if who.lower() != m.group("who").lower() or (groups["u"] and groups["u"].lower() != m.group("u")):
        return None
    b = Builder(p, "crew_time")
    crew, u, supply = stem(m.group("who")), m.group("u"), m.re is _SUPPLY_SAID
    whole = f"If {m.group('job')[0].lower()}{m.group('job')[1:]} lasts {m.group('n')} {m.group('who')} " \
            f"{m.group('t')} {u}, how many {crew}-{u} does it hold?" if supply else \
        f"How many {crew}-{u} of work is the whole job, if {m.group('n')} {m.group('who')} take {m.group('t')} {u}?"
    work = b.step("*", [b.given(m, "n", m.group("who")), b.given(m, "t", u)], f"{crew}-{u}", whole, kind="crew_work")
    more = b.given(asked, "m" if asked.group("m") else "m_", who)
    b.step("/", [work, more], u, f"If {count} {who} share those {fmt(b.value(work))} {crew}-{u}, how many {u} "
                                 f"{'does it last' if supply else 'does each one work'}?", kind="crew_time")
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
