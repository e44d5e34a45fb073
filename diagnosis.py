"""Mistake diagnosis for a word-problem plan: the known wrong plans (an operation mixed up, a step kind's own slip
such as area for perimeter, a step forgotten), replayed to the numbers a student would say after them, and the step a
student's number points at (`diagnose`). solver.py plans; this file finds where a student's work left the plan.

`diagnose(plan, student_text)` compares the student's numbers with the plan's step values and with the values the
wrong plans of known misconceptions produce (add tops and bottoms, subtract the group size instead of dividing,
multiply instead of divide, percent of the wrong base, area vs perimeter, forgotten step, unit mix-up, sign error
in an equation, two workers' times added, ...), replaying the chain after the faulty step, and returns the faulty
step, the misconception's name and a question that names that step without its result.

    >>> from solver import plan
    >>> teams = plan("There are 96 players. Each team has 8 players. How many teams can they make?")
    >>> diagnose(teams, "96 - 8 = 88").question
    'You took 8 away once. How many teams of 8 can 96 players make?'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from wordproblem import OP_SIGN, NoPlan, Plan, Ref, Step, apply_op, fmt, numbers_in, shown_in_sum


@dataclass(frozen=True)
class Diagnosis:
    step: int              # index of the faulty step
    misconception: str     # e.g. "subtract_instead_of_divide"
    value: Fraction        # the student's number that the wrong plan explains
    question: str          # names the faulty step, never its result
    says: str = ""         # what the student did, in words (the first part of `question`)


@dataclass(frozen=True)
class _Wrong:
    name: str
    value: Fraction     # what this step gives under the misconception
    says: str           # what the student did, in words, without the step's result


def fraction_operands(values: tuple[Fraction, ...]) -> bool:
    return len(values) == 2 and all(v.denominator != 1 for v in values)


def _generic_wrongs(plan: Plan, step: Step) -> list[_Wrong]:
    """The classic operation mix-ups for a two-operand step (a given price as the problem writes it: $8.40)."""
    if len(step.values) != 2:
        return []
    a, b = step.values
    fa, fb = (plan.quantities[r.index].text if r.kind == "quantity" and plan.quantities[r.index].text.startswith("$")
              else fmt(v) for r, v in zip(step.operands, step.values))
    wrongs = {
        "/": [_Wrong("subtract_instead_of_divide", a - b, f"You took {fb} away once."),
              _Wrong("multiply_instead_of_divide", a * b, f"You multiplied {fa} by {fb}."),
              _Wrong("divided_the_wrong_way", b / a if a else a, f"You divided {fb} by {fa}.")],
        "*": [_Wrong("add_instead_of_multiply", a + b, f"You added {fa} and {fb}."),
              _Wrong("divide_instead_of_multiply", a / b if b else b, f"You divided {fa} by {fb}.")],
        "+": [_Wrong("subtract_instead_of_add", a - b, f"You took {fb} away from {fa}.")],
        "-": [_Wrong("add_instead_of_subtract", a + b, f"You took {fmt(-b)} away from {fa}, but here it is {fb}, a "
                                                       f"negative number, that is taken away." if b < 0
                     else f"You added {fb} to {fa}.")],
    }[step.op]
    # -12 for -3 × (-4) in an exercise: the sign rule, never the answer (an equation's '+6' is no sign slip)
    if step.op in "*/" and step.kind == "order" and min(a, b) < 0 and step.value:
        negatives = "two negative numbers" if max(a, b) < 0 else "one negative number"
        wrongs.insert(0, _Wrong("wrong_sign", -step.value, f"Check the sign: {fmt(a)}{OP_SIGN[step.op]}"
                                f"{shown_in_sum(b)} has {negatives}, so is the result positive or negative?"))
    if step.op == "+" and fraction_operands(step.values):
        tops_bottoms = Fraction(a.numerator + b.numerator, a.denominator + b.denominator)
        wrongs.insert(0, _Wrong("add_tops_and_bottoms", tops_bottoms, "You added the tops and added the bottoms."))
    parts_a, parts_b = a - (a.numerator // a.denominator), b - (b.numerator // b.denominator)
    if step.op == "-" and a > b > 0 and 0 < parts_a < parts_b:
        swapped = a - parts_a - (b - parts_b) + parts_b - parts_a
        small, big = (f"{x.numerator}/{x.denominator}" for x in (parts_a, parts_b))
        wrongs.insert(0, _Wrong("no_regrouping", swapped, f"You took {small} from {big}, but here {big} is taken "
                                f"from {small}: trade one whole for {parts_a.denominator}/{parts_a.denominator} "
                                f"first."))
    return wrongs


def _kind_wrongs(plan: Plan, step: Step) -> list[_Wrong]:
    """Misconceptions that only make sense for one kind of step (area, conversion, equation, percent...)."""
    a, b = (step.values + (Fraction(0),))[:2]
    if step.kind in ("equation", "bracket", "work_time", "crew_time", "trip_time"):
        return _equation_wrongs(plan, step, a, b)
    if step.kind in ("round_up", "round_down"):
        return _rounding_wrongs(plan, step)
    if step.kind == "of_equal_parts" and 0 < a < b:   # 3 eaten of 8 said as 3/5: the part against the rest
        wrongs = [_Wrong("part_to_part", a / (b - a), f"You compared {fmt(a)} with the other {fmt(b - a)}; a "
                                                        f"fraction compares the part with all {fmt(b)} equal parts.")]
        if step.operands[0].kind == "step":   # the parts left were asked for; the parts taken answered
            wrongs.append(_Wrong("other_part", (b - a) / b, f"{fmt(b - a)} of the {fmt(b)} parts are the ones taken; "
                                                            f"the question asks about the ones left."))
        return wrongs
    if step.kind in ("volume", "clock_hours", "signed_change", "level_difference", "mixed_total", "negated_power",
                     "unconverted_left"):
        return _measure_wrongs(plan, step, a, b)
    if step.kind == "square":
        return [_Wrong("speed_not_squared", 2 * a, f"You did not square {fmt(a)}: squaring multiplies a number by "
                                                   f"itself.")]   # 2 x v, or m x v with the half: the same number
    if step.kind == "area":
        return [_Wrong("perimeter_instead_of_area", 2 * (a + b), f"You went around the edge: {fmt(a)} + {fmt(b)} + "
                                                                 f"{fmt(a)} + {fmt(b)}."),
                _Wrong("added_sides_for_area", a + b, f"You added {fmt(a)} and {fmt(b)}.")]
    if step.kind == "perimeter":
        first = step.operands[0]
        sides = plan.steps[first.index].values if first.kind == "step" else (a, a)
        return [_Wrong("area_instead_of_perimeter", sides[0] * sides[1],
                       f"You multiplied {fmt(sides[0])} by {fmt(sides[1])}, which measures the inside.")]
    if step.kind == "convert":
        return _convert_wrongs(plan, step, a, b)
    if step.kind == "percent_change":
        diff_step = plan.steps[step.operands[0].index]
        other = diff_step.values[0] if diff_step.values[1] == b else diff_step.values[1]
        return [_Wrong("percent_of_wrong_base", a / other if other else other,
                       f"You divided {fmt(a)} by {fmt(other)}, the value it changed to.")]
    if step.kind == "percent_reverse":
        first = plan.steps[0]
        price, rate = plan.steps[1].values[0], first.values[1] / 100
        wrong = price * (1 + rate) if first.op == "-" else price * (1 - rate)
        return [_Wrong("percent_of_wrong_base", wrong, f"You took {fmt(rate * 100)}% of {fmt(price)}, the price after "
                                                       f"the change; the {fmt(rate * 100)}% is of the original price.")]
    if step.kind == "percent_again":   # 'a further 10%' of the first price: the two percents added
        start = plan.steps[0].values[0]
        return [_Wrong("percent_of_wrong_base", start * b, f"The {fmt(b * 100)}% is of {fmt(a)}, the amount after "
                                                           f"the first change, not of {fmt(start)}.")]
    if step.kind == "percent" and (b * 100).denominator == 1:
        return [_Wrong("percent_as_whole_number", a * b * 100, f"You multiplied {fmt(a)} by {fmt(b * 100)}; "
                                                               f"a percent is that many hundredths.")]
    if step.kind == "ratio_scale" and a > b:
        return [_Wrong("added_instead_of_scaling", a - b, f"You added {fmt(a - b)} on, the gap between {fmt(b)} and "
                                                         f"{fmt(a)}; a ratio grows by multiplying, not by adding.")]
    if step.kind == "unit_fraction":
        return [_Wrong("fraction_upside_down", a / taken, f"You divided {fmt(a)} by {fmt(taken)}, the top of "
                                                         f"{fmt(taken)}/{fmt(b)}; the bottom, {fmt(b)}, says how "
                                                         f"many equal parts to make.")
                for later in plan.steps if later.kind == "fraction_of" and later.values[0] == step.value
                for taken in later.values[1:] if taken not in (0, 1)]
    if plan.pattern in ("portions", "factor", "fraction_of") and step.kind in ("fraction_of", "unit_fraction") and \
            (step.kind == "unit_fraction" or b < 1 and (b.numerator == 1 or plan.pattern == "portions")):
        return _portion_wrongs(plan, step, a, b)
    if step.kind == "fraction_of" and b.numerator != 1 and b < 1:
        return [_Wrong("used_one_part", a / b.denominator, f"You found 1/{b.denominator} of {fmt(a)}; "
                                                           f"how many of those parts do you need?")]
    products = [s for s in plan.steps if s.op == "*" and len(s.values) == 2]
    if step is plan.steps[0] and plan.steps[-1].kind == "mean" and len(products) == 2:
        means = [p.values[1] for p in products]
        return [_Wrong("mean_of_means", sum(means) / 2, f"You took the mean of {fmt(means[0])} and {fmt(means[1])}, "
                                                        f"but the two groups are not the same size.")]
    if step.kind == "mean":
        return [_Wrong("mean_wrong_count", a / (b + d), f"You divided by {fmt(b + d)}; how many values are there?")
                for d in (-1, 1) if b + d > 0]
    if step.kind == "ratio_total":
        parts = plan.steps[step.operands[1].index].values
        return [_Wrong("ratio_parts_not_added", a / part, f"You shared {fmt(a)} into {fmt(part)} parts; how many "
                                                          f"parts are there in the whole ratio?") for part in parts]
    return []


def _convert_wrongs(plan: Plan, step: Step, a: Fraction, b: Fraction) -> list[_Wrong]:
    """A unit changed the wrong way, a unit's size mixed up, or the change skipped ('3 weeks' used as 3 days)."""
    last = step is plan.steps[-1]
    doing = "divided" if step.op == "*" else "multiplied"
    wrongs = [_Wrong("unit_mix_up", a / b if step.op == "*" else a * b, f"You {doing} {fmt(a)} by {fmt(b)}: should "
                                                                         f"the number of units get bigger or smaller?")]
    first, size = step.operands   # the asked unit's size mixed up: 100 m in 1 km (not "2 kg 75 g" read as 275 g)
    small, _, big = plan.quantities[size.index].unit.partition(" per ") if size.kind == "quantity" else ("", "", "")
    wrongs += [_Wrong("unit_mix_up", a * n if step.op == "*" else a / n, f"You used {n}: how many {small} make 1 "
                      f"{big}?") for n in {60: (100,), 100: (10, 1000), 1000: (100,)}.get(b, ()) if big and last]
    if step.op == "*" and first.kind == "quantity" and not last:   # '3 weeks' used as 3 days
        wrongs.append(_Wrong("forgot_to_convert", a, f"You used {plan.quantities[first.index].text} as if it were "
                                                     f"{fmt(a)} {step.unit}: change it to {step.unit} first."))
    return wrongs


def _rounding_wrongs(plan: Plan, step: Step) -> list[_Wrong]:
    """Whole groups: the groups left out (the leftover still needs one) or a part-filled group counted as full."""
    total, per = plan.steps[step.operands[0].index].values
    whole, left = divmod(total, per)
    if step.kind == "round_up":   # the leftover's count may be the answer itself (28 by 8: 4 left, 4 vans)
        ones = "the ones" if left == whole + 1 else f"the {fmt(left)}"
        return [_Wrong("leftover_not_counted", Fraction(whole), f"You counted only the full ones; {ones} "
                                                                f"left over need one more too.")]
    return [_Wrong("part_group_counted", Fraction(whole + 1), f"You counted one that would hold only {fmt(left)}, "
                                                              f"not {fmt(per)}: it is not full.")]


def _measure_wrongs(plan: Plan, step: Step, a: Fraction, b: Fraction) -> list[_Wrong]:
    """Measures, clock times and signed numbers: edges added for a volume, times taken away as decimals, a sign
    dropped or squared, two units' digits put side by side."""
    if step.kind == "volume" and step.operands[0].kind == "step":
        length, width = plan.steps[step.operands[0].index].values[:2]
        return [_Wrong("added_edges_for_volume", length + width + b, f"You added the edges {fmt(length)}, "
                                                                     f"{fmt(width)} and {fmt(b)}; a volume counts "
                                                                     f"the cubes that fill the box.")]
    if step.kind == "unconverted_left":   # 2 kg take away 650 g worked as 650 - 2, the units left as they were
        unconverted = plan.steps[step.operands[0].index].values[0]
        return [_Wrong("unit_mix_up", b - unconverted, f"You took {fmt(unconverted)} from {fmt(b)}, but the two "
                                                       f"amounts are in different units: change the larger unit "
                                                       f"first.")]
    if step.kind == "clock_hours":   # 9:05 - 7:15 worked as 9.05 - 7.15, as if an hour had 100 minutes
        start, end = [q.value for q in plan.quantities if q.unit == "minutes" and q.given][:2]
        return [_Wrong("time_as_decimal", a + end / 100 - (b + start / 100), "You took the times away as if they "
                                                                            "were decimals; an hour has 60 minutes, "
                                                                            "not 100.")]
    if step.kind == "signed_change" and (a < 0 < step.value or step.value < 0 < a):   # it crosses zero: the sign
        # of the start kept (-9 up 14 said -5), or none given to the end (5 down 8 said 3)
        moved, kept = "Rising" if step.op == "+" else "Falling", "kept the minus sign of" if a < 0 else "left off"
        crossed = _Wrong("sign_across_zero", -step.value, f"You {kept} {fmt(a) if a < 0 else 'the minus sign'}. "
                                                           f"{moved} {fmt(b)} {step.unit} from {fmt(a)}, does it end "
                                                           f"above zero or below zero?")
        return [crossed, *([_Wrong("dropped_the_sign", apply_op(step.op, (-a, b)), f"You started from {fmt(-a)}, "
                                                                                   f"but it was {fmt(-a)} below zero, "
                                                                                   f"{fmt(a)}.")] if a < 0 else [])]
    if step.kind == "signed_change" and a < 0:
        return [_Wrong("dropped_the_sign", apply_op(step.op, (-a, b)), f"You started from {fmt(-a)}, but it was "
                                                                       f"{fmt(-a)} below zero, {fmt(a)}.")]
    if step.kind == "level_difference" and b < 0 < a:
        return [_Wrong("below_taken_as_above", a + b, f"You took {fmt(-b)} away from {fmt(a)}, as if both were on the "
                                                      f"same side; from below the level, the distance goes up to it "
                                                      f"and then on past it.")]
    if step.kind == "mixed_total":
        whole = plan.steps[step.operands[0].index]
        big, small = fmt(whole.values[0]), fmt(b)
        per = plan.quantities[whole.operands[1].index].text   # "1000 g in 1 kg"
        return [_Wrong("digits_side_by_side", Fraction(big + small), f"You put {big} and {small} side by side, but "
                                                                     f"there are {per}.")]
    if step.kind == "negated_power" and len(plan.steps[step.operands[0].index].values) == 2:
        base = fmt(plan.steps[step.operands[0].index].values[0])
        return [_Wrong("squared_the_sign", a, f"You squared the minus sign too, as if it were (-{base})²; in "
                                              f"-{base}² only the {base} is squared.")]
    return []


def _equation_wrongs(plan: Plan, step: Step, a: Fraction, b: Fraction) -> list[_Wrong]:
    """Equations and the problems solved like them: a sign error, a bracket multiplied out halfway, times added, a
    crew's time scaled with the crew (more hands, less time)."""
    if step.kind == "equation" and step.op in "+-":
        flipped = a + b if step.op == "-" else a - b
        return [_Wrong("sign_error", flipped, f"You {'added' if step.op == '-' else 'took away'} {fmt(b)} on the "
                                              f"other side instead of undoing it.")]
    if step.kind == "bracket":
        return [_Wrong("bracket_first_term_only", b, f"You multiplied only the letter by {fmt(a)}; the {fmt(a)} "
                                                     f"multiplies everything in the bracket, the {fmt(b)} too.")]
    if step.kind == "crew_time":   # more hands, less time: the time scaled up with the crew as if it were direct
        crew, time = plan.steps[step.operands[0].index].values
        who, more = plan.quantities[step.operands[1].index].unit, b > crew
        shared = f"share what {fmt(crew)} had, will it last" if re.search(r"\blasts?\b", plan.problem) else \
            f"share the job that {fmt(crew)} did, will they need"   # a supply eaten, or a job done
        grew = "grow" if more else "shrink"
        return [_Wrong("direct_for_inverse", time * b / crew, f"You made the {step.unit} {grew} with the {who}. If "
                                                             f"{fmt(b)} {who} {shared} more {step.unit} or fewer?")]
    if step.kind == "trip_time":   # faster, less time: the time scaled up with the speed as if it were direct
        time, speed = plan.steps[step.operands[0].index].values
        grew, going = ("grow", "faster") if b > speed else ("shrink", "slower")
        return [_Wrong("direct_for_inverse", time * b / speed, f"You made the {step.unit} {grew} with the speed. On "
                                                              f"the same trip, does going {going} take more time or "
                                                              f"less?")]
    if step.kind == "work_time":
        alone = [s.values[1] for s in plan.steps if s.kind == "work_rate"]
        return [_Wrong("added_the_times", sum(alone), f"You added {fmt(alone[0])} and {fmt(alone[1])}, but working "
                                                       f"together they finish sooner than either one alone.")]
    return []


def _portion_wrongs(plan: Plan, step: Step, a: Fraction, b: Fraction) -> list[_Wrong]:
    """A fraction of an earlier amount (portion_patterns.py, factor_patterns.py): the fraction's bottom number
    used as the part itself ('12 - 4' for a quarter of 12), 'half as much' doubled, and a later portion taken of
    the start instead of what was left before it."""
    said_as = step.operands[1]
    if said_as.kind == "quantity" and plan.quantities[said_as.index].text.endswith("%"):
        return []   # '25% of his savings': a percent's own slips are the percent step's
    bottom = b if step.kind == "unit_fraction" else Fraction(b.denominator)
    whole = plan.quantities[step.operands[0].index] if step.operands[0].kind == "quantity" else None
    said = whole.text if whole else f"the {fmt(a)} left"
    wrongs = []
    if step.kind == "unit_fraction" or b.numerator == 1:
        wrongs.append(_Wrong("bottom_as_part", bottom, f"You used {fmt(bottom)} as the part, but 1/{fmt(bottom)} of "
                                                       f"{said} is not {fmt(bottom)}: the {fmt(bottom)} says how "
                                                       f"many equal parts to cut it into."))
    if plan.pattern == "factor" and b.numerator == 1:
        wrongs.append(_Wrong("multiplied_by_the_bottom", a * bottom, f"You multiplied {said} by {fmt(bottom)}, "
                                                                     f"but 1/{fmt(bottom)} as much is less than "
                                                                     f"{said}, not more."))
    start = plan.quantities[0]
    if plan.pattern == "portions" and step.operands[0].kind == "step":
        of_start = start.value / bottom if step.kind == "unit_fraction" else start.value * b
        frac = plan.quantities[said_as.index].text if said_as.kind == "quantity" else "that part"
        wrongs.append(_Wrong("portion_of_the_start", of_start, f"You took {frac} of all {start.text}, but this {frac} "
                                                               f"is of what was left after the part before."))
    return wrongs


def _forgot(plan: Plan, index: int) -> list[_Wrong]:
    """Skipping a step that a later step builds on: its value stays at its first operand (either one, for a product
    of two given numbers: 6 boxes shared out without the 5 packs)."""
    step = plan.steps[index]
    used_later = any(Ref("step", index) in s.operands for s in plan.steps[index + 1:])
    if not used_later or len(step.operands) != 2:
        return []
    first, second = step.operands
    kept = operand_text(plan, first) if first.kind == "quantity" else fmt(step.values[0])
    skipped = operand_text(plan, second)
    says = {"*": f"You used {kept} only once.", "/": f"You used the whole {kept}.",
            "+": f"You did not add {skipped}.", "-": f"You did not take away {skipped}."}[step.op]
    wrongs = [_Wrong("forgot_step", step.values[0], says)]
    if step.op == "*" and all(r.kind == "quantity" and plan.quantities[r.index].given for r in step.operands):
        wrongs.append(_Wrong("forgot_step", step.values[1], f"You used {skipped} but not {kept}."))
    return wrongs


def _replay(plan: Plan, index: int, wrong: Fraction) -> list[Fraction]:
    """Step values from `index` on, if step `index` had given `wrong`: the numbers a student would then say."""
    values = [s.value for s in plan.steps]
    values[index] = wrong
    for j in range(index + 1, len(plan.steps)):
        step = plan.steps[j]
        operands = tuple(values[r.index] if r.kind == "step" else plan.quantities[r.index].value
                         for r in step.operands)
        try:
            values[j] = apply_op(step.op, operands)
        except NoPlan:
            return values[index:j]
    return values[index:]


def misconceptions(plan: Plan) -> list[tuple[int, _Wrong, list[Fraction]]]:
    """Every known wrong plan: (faulty step, the misconception, the values the student would say after it).

    Ordered most specific first: a step kind's own misconception (area vs perimeter, ratio parts) explains a number
    better than an operation mix-up, and both better than a skipped step, whichever step they sit on.
    """
    ranked = []
    for index, step in enumerate(plan.steps):
        for rank, wrongs in enumerate((_kind_wrongs(plan, step), _generic_wrongs(plan, step), _forgot(plan, index))):
            ranked += [(rank, index, w) for w in wrongs if w.value != step.value]
    ranked.sort(key=lambda r: r[:2])
    return [(index, w, _replay(plan, index, w.value)) for _, index, w in ranked]


def _right_values(plan: Plan) -> set[Fraction]:
    return {s.value for s in plan.steps} | {q.value for q in plan.quantities}


def steps_done(plan: Plan, student_text: str) -> set[int]:
    """The steps whose right value the student has said (a right intermediate value means that step is done)."""
    said = set(numbers_in(student_text))
    return {i for i, s in enumerate(plan.steps) if s.value in said}


_WITH_REMAINDER = re.compile(r"\b\d+\s*(?:r|rem|remainder)\.?\s*\d+\b", re.I)


def diagnose(plan: Plan, student_text: str) -> Diagnosis | None:
    """Which step went wrong and how, if a known misconception explains one of the student's numbers.

    The student's latest number is tried first; a number that is right somewhere in the plan is never blamed, but a
    result the student worked out ("24 / 3 = 8" for 3/8 of 24) is blamed though the problem has an 8 of its own.
    """
    # "= 8" after a sum ("4 x 2 = 8") is worked out; after a letter ("3x - 2 = 15") it is the equation's given side
    results = set(numbers_in(" ".join(m.group(2) for m in re.finditer(r"([^=]*)=\s*(\$?\d[\d.,/]*)", student_text)
                                      if not re.search(r"\d[a-z]\b|\b[a-z]\s*[-+*/]", m.group(1)))))
    # "28 / 8 = 3 r 4" says the division exactly: its 3 is no count of vans until they say so ("so 3 vans")
    counted = _WITH_REMAINDER.sub(" ", student_text)
    said = [n for n in reversed(numbers_in(counted)) if n not in _right_values(plan)
            or n in results and n not in {s.value for s in plan.steps}]
    wrong_plans = misconceptions(plan)
    for number in said:
        for index, wrong, values in wrong_plans:
            # a step done right is never blamed, unless the number is its result with the sign turned ("14 - 9 = 5
            # so its -5"): the size found, the side of zero lost
            if any(rounds_to(v, number) for v in values) and (plan.steps[index].value not in results
                                                              or number == -plan.steps[index].value != 0):
                return Diagnosis(index, wrong.name, number, f"{wrong.says} {plan.steps[index].question}", wrong.says)
    return None


def rounds_to(value: Fraction, written: Fraction) -> bool:
    """Is `written` the value, or the value rounded or cut at the written number's last decimal place (91/6 written
    as 15.17 or 15.16; 1/6 as 0.1666)? A whole number, or a value that ends at the written place or within cents
    ($0.05 is never 'rounded' to 0.10), must be exact."""
    places = next((k for k in range(1, 7) if (written * 10 ** k).denominator == 1), None)
    if value == written or places is None or (value * 10 ** max(places, 2)).denominator == 1:
        return value == written
    return abs(value - written) < Fraction(1, 10 ** places)


def operand_text(plan: Plan, ref: Ref) -> str:
    """An operand as a hint names it: a quantity in the problem's words, an earlier step by its value."""
    if ref.kind == "quantity":
        return plan.quantities[ref.index].text
    # a step's result by its value and what it counts ('the 18 m from the earlier step'): a question quoted inside
    # a sentence reads as nonsense ('You did not take away your answer to "How many ...?"')
    step = plan.steps[ref.index]
    value = f"${fmt(step.value)}" if step.unit in ("$", "dollars") else " ".join(filter(None, [fmt(step.value),
                                                                                                 step.unit]))
    return f"the {value} from the earlier step"
