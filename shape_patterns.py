"""The planner's reader of a plane shape named with its measures: one shape (triangle, parallelogram, rectangle,
square), each measure said by its name ('a base of 10 cm', 'height 6 m', 'length 12 m and width 7 m', 'sides of 9
cm', '6 cm high'), and a question for its area or its perimeter. The school formula, one step per operation: a
triangle is half of the rectangle on its base and height (base x height, then half), a parallelogram is base x
height, a rectangle length x width or (length + width) x 2, a square side x side or 4 x side.

math_patterns.rectangle reads rectangles said 'A by B' or 'A long and B wide'; this room reads shapes said by their
measures' names, wherever in the text (a student often says it all in the question: 'area of a triangle with base 8
m and height 5 m'). Every number of the text must be one of the shape's measures, in one unit.

A shape made of two shapes (`composite_area`: 'a rectangle with a triangle on top', 'an L shape made of two
rectangles', 'a square cut out of one corner'): each part's area from the measures told after its name, then the two
added, or the second taken from the first when the text takes it away.
"""
from __future__ import annotations

import re

from wordproblem import NUM, Builder, Plan, Problem, unit_name

_UNITS = r"(?:mm|cm|m|km|in|inches|inch|ft|feet|foot|yd|yards?|miles?|meters?|metres?|centimeters?|centimetres?|" \
         r"millimeters?|millimetres?|kilometers?|kilometres?|units?)(?![a-z])"
_UNIT = rf"(?P<u>{_UNITS})"
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
    if shape == "rectangle" and set(measures) == {"width", "height"}:
        measures["length"] = measures.pop("height")   # '8 feet wide and 5 feet tall'
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



# ----------------------------------------------------------------------------- a shape made of two shapes

# 'a rectangle with a triangle on top', 'an L shape made of two rectangles', 'a square cut out of one corner': each
# part told after its shape's name, by its measures' names or 'A by B'; the question asks the area of the whole.
_PART = re.compile(r"\b(?P<shape>triangle|rectangle|square)s?\b|\b(?:the other|another)\b", re.I)
_BY = re.compile(rf"(?<![\d.])(?P<a>{NUM}) ?(?P<u>{_UNITS})? ?(?:by|x|×) ?(?P<b>{NUM}) ?(?P<u2>{_UNITS})?")
_ON_EACH_SIDE = re.compile(rf"(?<![\d.])(?P<n>{NUM}) ?(?:{_UNIT})? (?:on|along) (?:each|every|a) side\b")
# one part placed in the other: never added, taken away only when the text says so
_INSIDE = r"\b(?:inside|within|in the (?:middle|center|centre|corner)|in (?:one|a|each) corner|on it|covers?|" \
          r"covered|surrounded)\b"
_TAKEN = r"\b(?:cut (?:out|from|away)|removed?|taken (?:out|away)|without|area (?:is |that is )?left|left over|" \
         r"remaining area|area remaining|not covered|a hole)\b"


def _part_measures(p: Problem, start: int, end: int, shape: str) -> list[tuple[str, list[re.Match], list[str]]]:
    """The parts told between `start` and `end`: each 'A by B' a rectangle, else one shape from its named measures
    (its shape, the matches that hold its numbers and the groups of those numbers); [] when the measures don't make
    that shape."""
    pairs = [m for m in _BY.finditer(p.t, start, end)]
    if pairs:
        return [("rectangle", [m, m], ["a", "b"]) for m in pairs]
    found: dict[str, re.Match] = {}
    for rx in _MEASURE:
        for m in rx.finditer(p.t, start, end):
            found.setdefault(_DIM.get(m.group("dim"), m.group("dim")), m)
    found.update({"side": m for m in _ON_EACH_SIDE.finditer(p.t, start, end)})
    if shape == "rectangle" and len(found) == 2 and "height" in found:
        found["length" if "width" in found else "width"] = found.pop("height")   # '8 feet wide and 5 feet tall'
    if set(found) != _NEEDS.get(shape, set()):
        return []
    return [(shape, [found[d] for d in sorted(found)], ["n"] * len(found))]


def composite_area(p: Problem) -> Plan | None:
    """The area of each of two parts (a rectangle, a square, a triangle: half of base x height), then the two added,
    or the second taken from the first when the text takes it away ('cut out', 'without the pond', 'area left')."""
    if not p.asks(r"\barea\b") or p.asks(r"\b(?:triangle|rectangle|square)s?\b") and not p.asks(
            r"\b(?:total|whole|together|in all|altogether|combined|both)\b"):
        return None   # the area of one part ('What is the area of the triangle?') is plane_shape's
    marks = [m for m in p.finditer(_PART)]
    # a thing 'A long and B wide' told before any shape is named ('A poster is 30 cm long and 20 cm wide'): a rectangle
    parts = _part_measures(p, 0, marks[0].start(), "rectangle") if marks else []
    for i, m in enumerate(marks):
        shape = (m.group("shape") or next((k.group("shape") for k in reversed(marks[:i]) if k.group("shape")),
                                          "") or "").lower()
        end = marks[i + 1].start() if i + 1 < len(marks) else p.q
        parts += _part_measures(p, m.start(), end, shape)
    written = [g.group(u) for _, ms, _ in parts for g in ms for u in ("u", "u2") if u in g.groupdict() and g.group(u)]
    if len(parts) != 2 or len({unit_name(u.lower()) for u in written}) > 1:
        return None
    unit = written[0] if written else ""   # as the problem writes it: '52 square feet', never 'square foot'
    area = f"square {unit}".strip()
    b = Builder(p, "shape")
    b.read += [m.start() for m in marks]   # 'shaped like a rectangle with a triangle on top' names the parts
    for two in p.finditer(re.compile(r"\b(2) (?:rectangles|squares|triangles|shapes|parts)\b")):
        b.label(two, 1)   # 'made of 2 rectangles' counts the parts, it measures none
    areas = []
    for shape, ms, groups in parts:
        sides = [b.given(m, g, unit) for m, g in zip(ms, groups)]
        said = " by ".join(f"{m.group(g)} {unit}".strip() for m, g in zip(ms, groups))
        if shape == "square":
            areas.append(b.step("*", [sides[0], sides[0]], area, f"What is the area of the square, {said} on each "
                                f"side?", kind="area"))
            continue
        named = "rectangle" if shape != "triangle" else "rectangle on the triangle's base and height"
        both = b.step("*", sides, area, f"What is the area of the {named}, {said}?", kind="area")
        areas.append(both if shape != "triangle" else b.step(
            "/", [both, b.fact(2, "", "half of the rectangle")], area, "A triangle is half of that rectangle: what "
            "is its area?", kind="area"))
    if not re.search(_TAKEN, p.t, re.I) and re.search(_INSIDE, p.t, re.I):
        return None   # a patio inside a garden: the garden's area already holds it, and 'the grass' is what is left
    if re.search(_TAKEN, p.t, re.I):
        if b.value(areas[1]) >= b.value(areas[0]):
            return None
        b.step("-", areas, area, "What area is left when the second part is taken from the first?", kind="area")
    else:
        b.step("+", areas, area, "What is the area of the whole shape, both parts together?", kind="area")
    return b.finish()
