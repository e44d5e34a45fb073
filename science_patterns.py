"""The planner's science formulas: a quantity a question names, computed from quantities stated with their units.

Speed (distance per time), density (mass per volume: a volume given, or read from the water's rise), acceleration
(net force per mass), kinetic energy (from mass and speed, or from a drop with g given), moles (mass per molar mass)
and work (force times distance). Each needs every quantity written with its unit and a question naming the quantity
asked for: the formula is the one fact the plan adds, and only where the question names it. Separate from
math_patterns.py and measure_patterns.py to keep one concern per file; each returns a `Plan` or None.
"""
from __future__ import annotations

import re

from wordproblem import NUM, Builder, Plan, Problem, _n, unit_name

_GOES = r"travels|travelled|traveled|goes|went|covers|covered|runs|ran|swims|swam|drives|drove|flies|flew|moves|" \
        r"moved|rides|rode|walks|walked|rolls|rolled|slides|slid"
_DISTANCE = re.compile(rf"\b(?:{_GOES}) {_n('d')} ?(?P<du>km|m|miles)\b[^.?!]*? in {_n('t')} ?"
                       rf"(?P<tu>hours|h|minutes|min|seconds|s)\b")
_VOLUME = r"(?P<vu>cm³|cm3|m³|m3|mL|ml|cubic (?:centi)?met(?:er|re)s|millilit(?:er|re)s)"   # symbols or words
_MASS = re.compile(rf"\bmass (?:of |is )?{_n('m')} ?(?P<mu>kg|g|kilograms|grams)\b")
_VOLUME_GIVEN = re.compile(rf"\b(?:volume (?:of |is )?|takes up |occupies ){_n('v')} ?{_VOLUME}")
_WATER_RISE = re.compile(rf"\bwater[^.?!]*? from {_n('a')} ?{_VOLUME} to {_n('v')} ?(?P=vu)")
_FORCE = re.compile(rf"{_n('f')} ?N\b(?!/)")
_KG = re.compile(rf"{_n('m')} ?kg\b")
_DROP = re.compile(rf"\b{_n('m')} ?kg\b[^.?!]*?\b(?:dropped|falls|fell|released) from (?:a height of )?{_n('h')} ?m\b")
_G = re.compile(rf"\bg = {_n('g')} ?(?:N/kg|m/s²|m/s2)")
_MOVING = re.compile(rf"\b{_n('m')} ?kg\b[^.?!]*? (?:is )?(?:moving|travell?ing|rolling|running|{_GOES}) at "
                     rf"{_n('v')} ?m/s\b")
_MOLES = re.compile(rf"\b{_n('m')} ?g of (?P<what>[a-z]+(?: [a-z]+)?) \((?:molar mass )?{_n('M')} ?g/mol\)")


def speed(p: Problem) -> Plan | None:
    """'A car travels 150 km in 3 hours. What is its average speed?' -> 150 / 3 km per hour."""
    m = p.search(_DISTANCE, "all")
    if not m or not p.asks(r"\bspeed\b") or p.asks(r"\bin [a-z]"):
        return None   # a speed asked in other units needs a conversion this plan lacks
    unit = f"{m.group('du')} per {unit_name(m.group('tu'))}"
    b = Builder(p, "rate")
    b.step("/", [b.given(m, "d", m.group("du")), b.given(m, "t", m.group("tu"))], unit,
           f"Speed is distance per unit of time: how many {m.group('du')} in 1 {unit_name(m.group('tu'))}, if "
           f"{m.group('t')} {m.group('tu')} give {m.group('d')} {m.group('du')}?")
    return b.finish()


def density(p: Problem) -> Plan | None:
    """'A block has a mass of 240 g and a volume of 80 cm³. What is its density?' -> 240 / 80 g per cm³; 'mass 60 g,
    water goes from 50 mL to 70 mL' -> the water's rise, 20 mL, is the volume first."""
    mass, given, rise = p.search(_MASS, "all"), p.search(_VOLUME_GIVEN, "all"), p.search(_WATER_RISE, "all")
    if not mass or bool(given) == bool(rise) or not p.asks(r"\bdensity\b"):
        return None
    b, vu = Builder(p, "density"), (given or rise).group("vu")
    one = vu if len(vu) <= 3 else vu[:-1]   # 'cm³' stays, 'cubic centimeters' -> 'cubic centimeter'
    if given:
        volume, said = b.given(given, "v", vu), f"{given.group('v')} {vu} have"
    else:
        volume, said = b.step("-", [b.given(rise, "v", vu), b.given(rise, "a", vu)], vu, f"The water goes from "
                              f"{rise.group('a')} {vu} to {rise.group('v')} {vu}: what volume does the object take "
                              f"up?"), "that volume has"
    b.step("/", [b.given(mass, "m", mass.group("mu")), volume], f"{mass.group('mu')} per {one}", f"Density is mass "
           f"per unit of volume: what mass is in 1 {one}, if {said} a mass of {mass.group('m')} {mass.group('mu')}?")
    return b.finish()


def acceleration(p: Problem) -> Plan | None:
    """'2 kg cart, net force 10 N, what's the acceleration?' -> 10 / 2 m/s² (Newton's second law)."""
    force, mass = p.search(_FORCE, "all"), p.search(_KG, "all")
    if not force or not mass or not p.asks(r"\bacceleration\b"):
        return None
    b = Builder(p, "acceleration")
    b.step("/", [b.given(force, "f", "N"), b.given(mass, "m", "kg")], "m/s²", f"Acceleration is the net force per "
           f"unit of mass: how many N of the {force.group('f')} N act on each 1 kg of the {mass.group('m')} kg?")
    return b.finish()


def falling_energy(p: Problem) -> Plan | None:
    """'0.5 kg ball dropped from 10 m, g = 10 N/kg. What's the kinetic energy just before it hits?' -> the potential
    energy it had at the top, weight 0.5 x 10 N times 10 m."""
    drop, g = p.search(_DROP, "all"), p.search(_G, "all")
    if not drop or not g or not p.asks(r"\bkinetic energy\b") or not p.asks(r"\b(?:hits|lands|reaches)\b"):
        return None
    b = Builder(p, "kinetic_energy")
    weight = b.step("*", [b.given(drop, "m", "kg"), b.given(g, "g", "N/kg")], "N", f"What is the weight of "
                    f"{drop.group('m')} kg, at {g.group('g')} N for each kg?")
    b.step("*", [weight, b.given(drop, "h", "m")], "J", f"The potential energy it has at {drop.group('h')} m all "
           f"becomes kinetic energy by the bottom: what is that weight times the {drop.group('h')} m it falls?")
    return b.finish()


def kinetic_energy(p: Problem) -> Plan | None:
    """'How much kinetic energy does a 2 kg ball moving at 3 m/s have?' -> 1/2 x 2 x 3² = 9 joules."""
    m = p.search(_MOVING, "all")
    if not m or not p.asks(r"\bkinetic energy\b"):
        return None
    b = Builder(p, "kinetic_energy")
    v = b.given(m, "v", "m/s")
    squared = b.step("*", [v, v], "m²/s²", f"Kinetic energy is 1/2 × mass × speed². What is the speed, "
                                           f"{m.group('v')} m/s, squared?", kind="square")
    both = b.step("*", [b.given(m, "m", "kg"), squared], "", f"What is the mass, {m.group('m')} kg, times the speed "
                                                             f"squared?")
    b.step("/", [both, b.fact(2, "", "the 1/2 of the formula")], "J", "What is half of that, in joules?")
    return b.finish()


def moles(p: Problem) -> Plan | None:
    """'How many moles are in 36 g of water (18 g/mol)?' -> 36 / 18 mol."""
    m = p.search(_MOLES, "all")
    if not m or not p.asks(r"\b(how many moles|number of moles|amount of substance)\b"):
        return None
    b = Builder(p, "moles")
    b.step("/", [b.given(m, "m", "g"), b.given(m, "M", "g per mol")], "mol",
           f"1 mole of {m.group('what')} has a mass of {m.group('M')} g: how many moles are in {m.group('m')} g?")
    return b.finish()


# Work done by a force over a distance: 'lifts a 20 N bag up 2 m', 'A force of 15 newtons pushes a box 4 meters'.
_FORCE_SAID = re.compile(rf"(?P<f>{NUM}) ?(?:N|newtons?)\b(?!/)")
_MOVED = re.compile(rf"\b(?:up|down|across|along|over|through|for|by)? ?(?P<d>{NUM}) ?(?P<du>m|meters|metres)\b")


def work_done(p: Problem) -> Plan | None:
    """'A worker lifts a 20 N bag up 2 m. How much work does she do?' -> work is force times distance, 20 x 2 J;
    only with one force and one distance in metres, and a question that names work."""
    forces, moves = list(p.finditer(_FORCE_SAID, "all")), list(p.finditer(_MOVED, "all"))
    if len(forces) != 1 or len(moves) != 1 or len(p.numbers) != 2 or not p.asks(r"\bwork\b") \
            or p.asks(r"\b(?:kj|kilojoules?|power|watts?)\b"):
        return None
    f, d = forces[0], moves[0]
    b = Builder(p, "work")
    b.step("*", [b.given(f, "f", "N"), b.given(d, "d", d.group("du"))], "J", f"Work is force times distance: how "
           f"many joules does a force of {f.group('f')} N do over {d.group('d')} {d.group('du')}?")
    return b.finish()
