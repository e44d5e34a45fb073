"""The planner's reader of a plane shape named with its measures: one shape (triangle, parallelogram, rectangle,
square), each measure said by its name ('a base of 10 cm', 'height 6 m', 'length 12 m and width 7 m', 'sides of 9
cm', '6 cm high'), and a question for its area or its perimeter. The school formula, one step per operation: a
triangle is half of the rectangle on its base and height (base x height, then half), a parallelogram is base x
height, a rectangle length x width or (length + width) x 2, a square side x side or 4 x side.

math_patterns.rectangle reads rectangles said 'A by B' or 'A long and B wide'; this room reads shapes said by their
measures' names, wherever in the text (a student often says it all in the question: 'area of a triangle with base 8
m and height 5 m'). Every number of the text must be one of the shape's measures, in one unit.
"""
from __future__ import annotations

import re

from wordproblem import NUM, Builder, Plan, Problem, unit_name

_UNIT = r"(?P<u>mm|cm|m|km|in|inches|inch|ft|feet|foot|yd|yards?|miles?|meters?|metres?|centimeters?|centimetres?|" \
        r"millimeters?|millimetres?|kilometers?|kilometres?|units?)(?![a-z])"
_NAMES = r"(?P<dim>base|height|length|width|sides?(?: length)?|side length)"
# 'a base of 10 cm', 'height 6 m', 'its length is 12 m', 'sides measuring 9 cm', 'side = 4 cm'; '6 cm high', '5 m tall'
_MEASURE = [re.compile(rf"\b{_NAMES}(?: of (?:the|its|each|every|a|an) [a-z]+)? ?(?:of|is|=|:|measures|measuring|that "
                       rf"(?:is|are)|are)? ?(?P<n>{NUM}) ?(?:{_UNIT})?"),
            re.compile(rf"(?<![\d.])(?P<n>{NUM}) ?(?:{_UNIT})? (?P<dim>high|tall|wide|long)\b")]
_DIM = {"high": "height", "tall": "height", "wide": "width", "long": "length", "sides": "side", "side length": "side",
        "sides length": "side"}
_SHAPES = r"\b(?P<shape>triangle|parallelogram|rectangle|square)s?\b"
_NEEDS = {"triangle": {"base", "height"}, "parallelogram": {"base", "height"}, "rectangle": {"length", "width"},
          "square": {"side"}}


def _measures(p: Problem) -> dict[str, re.Match] | None:
    """Each named measure of the text once ('base', 'height', ...), or None when one is named twice."""
    found: dict[str, re.Match] = {}
    for rx in _MEASURE:
        for m in p.finditer(rx, "all"):
            dim = _DIM.get(m.group("dim"), m.group("dim"))
            if dim in found:
                return None
            found[dim] = m
    return found


def plane_shape(p: Problem) -> Plan | None:
    """The area or perimeter of one shape from its named measures."""
    named = re.sub(rf"\bsquare (?={_UNIT})", "", p.t)   # 'in square cm' names no shape
    shapes = {m.group("shape").lower() for m in re.finditer(_SHAPES, named, re.I)}
    area, around = p.asks(r"\barea\b"), p.asks(r"\bperimeter\b|\baround\b")
    measures = _measures(p)
    if len(shapes) != 1 or area == around or not measures:
        return None
    shape = shapes.pop()
    if set(measures) != _NEEDS[shape] or (shape in ("triangle", "parallelogram") and around):
        return None   # a triangle's perimeter needs its three sides, not its height
    units = {unit_name(m.group("u").lower()) for m in measures.values() if m.group("u")}
    asked = re.search(r"\bin (?:square |sq\.? )?([a-z]+)", p.question, re.I)
    if len(units) > 1 or asked and units and unit_name(asked.group(1).lower()) not in units:
        return None   # two units, or an answer asked in another: a conversion this plan lacks
    unit = next(iter(units), "")
    b = Builder(p, "shape")
    sides = {dim: b.given(m, "n", unit) for dim, m in measures.items()}
    said = {dim: f"{m.group('n')}{' ' + unit if unit else ''}" for dim, m in measures.items()}
    square_unit = f"square {unit}".strip()
    if shape in ("triangle", "parallelogram"):
        both = b.step("*", [sides["base"], sides["height"]], square_unit, f"What is the base times the height, "
                      f"{said['base']} × {said['height']}?", kind="area")
        if shape == "triangle":
            b.step("/", [both, b.fact(2, "", "half of the rectangle")], square_unit, "A triangle is half of the "
                   "rectangle with the same base and height: what is half of that product?", kind="area")
    elif shape == "square" and area:
        b.step("*", [sides["side"], sides["side"]], square_unit, f"What is the area of a square with sides of "
               f"{said['side']}?", kind="area")
    elif shape == "square":
        b.step("*", [sides["side"], b.fact(4, "sides", "4 equal sides")], unit, f"How far is it around a square with "
               f"sides of {said['side']}?", kind="perimeter")
    elif area:
        b.step("*", [sides["length"], sides["width"]], square_unit, f"What is the area of a {said['length']} by "
               f"{said['width']} rectangle?", kind="area")
    else:
        half = b.step("+", [sides["length"], sides["width"]], unit, f"How long are one length and one width "
                      f"({said['length']} and {said['width']}), half the way round?", kind="half_perimeter")
        b.step("*", [half, b.fact(2, "", "each side twice")], unit, "How far is it all the way around: two lengths "
               "and two widths?", kind="perimeter")
    return b.finish()

