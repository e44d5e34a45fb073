"""The slip a single wrong claim's own shape names, whatever the problem: fractions added top and bottom ("2/5 + 1/2
= 3/7"), a sign rule broken ("(-4) × (-6) = -24"), a decimal point put in the wrong place ("0.4 × 0.3 = 1.2").
Each returns (lead, question) words, or None when the claim has another shape; math_moves.py makes the move.

Why a room of its own: these read one claim and nothing else (no plan, no problem text), unlike step_rules.py's
rules, which need the problem's plan or its words.
"""
from __future__ import annotations

import re
from fractions import Fraction

from arithmetic_claims import OP_SIGN, Claim, as_written, operations
from solver import Plan

_DECIMAL = re.compile(r"(?<![\d.])\d*\.\d+|(?<![\d.])\d+(?![\d.])")


def fraction_slip(claim: Claim) -> tuple[str, str] | None:
    """A wrong sum or difference of fractions made by adding (or taking away) the tops and the bottoms ("2/5 + 1/2
    = 3/7"): what they did, then the pieces' sizes, asked; None for any other wrong claim."""
    m = re.fullmatch(r"(\d+)/(\d+)\s*([+−-])\s*(\d+)/(\d+)", claim.expression.strip())
    if m is None or m.group(2) == m.group(5):
        return None
    a, b, op, c, d = int(m.group(1)), int(m.group(2)), m.group(3), int(m.group(4)), int(m.group(5))
    top, bottom = (a + c, b + d) if op == "+" else (a - c, b - d)
    if not bottom or claim.stated != Fraction(top, bottom):
        return None
    doing = "added" if op == "+" else "took away"
    return (f"Check {claim.shown} again: you {doing} the tops and the bottoms.",
            f"Pieces of 1/{b} and 1/{d} are different sizes: what denominator can both fractions be written with?")


def sign_slip(claim: Claim) -> tuple[str, str] | None:
    """A product or quotient of two numbers given the wrong sign ("(-4) × (-6) = -24"): the sign rule asked, with
    the size left to them; None for any other wrong claim."""
    if operations(claim) not in (["*"], ["/"]) or claim.stated != -claim.true or not claim.true:
        return None
    negatives = len(re.findall(r"(?<![\d)])\s*[-−]\s*\d|\(\s*[-−]", claim.expression))
    doing = "times" if operations(claim) == ["*"] else "divided by"
    signs = {0: f"a positive number {doing} a positive one", 1: f"a negative and a positive number, one {doing} "
             f"the other", 2: f"a negative number {doing} a negative one"}.get(negatives)
    if signs is None:
        return None
    return (f"Check {claim.shown} again: it does not make {claim.result}.",
            f"Look at the signs: {signs}. Is the result positive or negative?")


def point_slip(claim: Claim) -> tuple[str, str] | None:
    """A product or quotient of decimals whose digits are right but whose point is not ("0.4 × 0.3 = 1.2", "1.2 ÷ 0.4
    = 0.3": off by a power of ten): the place rule asked for a product, the result multiplied back for a quotient (a
    check that shows the slip and leaves the answer to them); None for any other wrong claim."""
    numbers = _DECIMAL.findall(claim.expression)
    if operations(claim) not in (["*"], ["/"]) or len(numbers) != 2 or not any("." in n for n in numbers) \
            or not claim.true or not claim.stated or claim.stated == claim.true:
        return None
    ratio = abs(claim.stated / claim.true)
    if claim.stated * claim.true < 0 or not any(ratio == Fraction(10) ** k for k in (-4, -3, -2, -1, 1, 2, 3, 4)):
        return None
    lead = f"Check {claim.shown} again: the digits may be right, but the decimal point is not."
    if operations(claim) == ["*"]:
        return lead, (f"How many decimal places do {numbers[0]} and {numbers[1]} have between them? The product "
                      f"has that many.")
    return lead, f"Multiply back: what is {claim.result} × {numbers[1]}? Is it {numbers[0]}?"


def exercise_claim(plan: Plan, value: Fraction, work: str) -> Claim:
    """A bare answer to a one-step exercise read as the claim it makes ("2.5 × 0.3? i got 7.5" claims 2.5 × 0.3 =
    7.5), its numbers in the problem's own form, so the claim's shape can name the slip."""
    step = plan.steps[0]
    shown = [as_written(v, plan.problem) for v in step.values]
    return Claim(f" {OP_SIGN[step.op]} ".join(shown), value, step.value, as_written(value, work))


def wrong_claim_words(claim: Claim) -> tuple[str, str] | None:
    """(lead, question) for a wrong claim whose shape names the slip, else None."""
    return fraction_slip(claim) or sign_slip(claim) or point_slip(claim)


