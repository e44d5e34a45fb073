"""mathcheck.py's exact math: the calculator against Fraction arithmetic, algebra, solving, answer checking."""
import random
from fractions import Fraction

import pytest

import mathcheck
from scorers import leaks_answer


def _random_expr(rng, depth):
    """A random arithmetic expression as (text, exact Fraction value), built so we know the value independently."""
    if depth == 0 or rng.random() < 0.3:
        n = Fraction(rng.randint(0, 30), rng.choice([1, 1, 2, 4, 5]))
        text = f"{n.numerator}/{n.denominator}" if n.denominator > 1 else str(n.numerator)
        return f"({text})", n
    (a, va), (b, vb) = _random_expr(rng, depth - 1), _random_expr(rng, depth - 1)
    op = rng.choice("+-*/")
    if op == "/" and vb == 0:
        op = "+"
    value = {"+": va + vb, "-": va - vb, "*": va * vb, "/": va / vb if vb else None}[op]
    return f"({a} {op} {b})", value


def test_calculator_matches_fraction_reference():
    rng = random.Random(0)
    for _ in range(300):
        text, value = _random_expr(rng, 4)
        got = mathcheck.calculator(text)
        assert Fraction(got["value"]) == value, text


def test_calculator_forms_and_limits():
    assert mathcheck.calculator("2^10 - 3*4")["value"] == "1012"
    assert mathcheck.calculator("-2^2")["value"] == "-4"  # unary minus binds looser than powers
    assert mathcheck.calculator("50% of".replace(" of", "") + " * 30")["value"] == "15"
    assert mathcheck.calculator("1,000 + 0.5")["decimal"] == "1000.5"
    assert mathcheck.calculator("2^-2")["value"] == "1/4"
    assert mathcheck.calculator("3 × (4 − 1) ÷ 2")["value"] == "9/2"
    for bad, words in [("__import__('os')", "unexpected"), ("2 +", "expected"), ("x + 1", "variable"),
                       ("2^1000", "too large"), ("1/0", "division by zero"), ("((((" * 20 + "1" + "))))" * 20, "nested"),
                       ("3 = 3", "equation"), ("9" * 500, "longer")]:
        with pytest.raises(mathcheck.MathError, match=words):
            mathcheck.calculator(bad)


def test_algebra_is_exact():
    left, _ = mathcheck.parse_math("(x+1)(x-1)")
    right, _ = mathcheck.parse_math("x^2 - 1")
    assert left == right
    assert mathcheck.parse_math("2(x + y)/4")[0] == mathcheck.parse_math("x/2 + 0.5y")[0]
    assert mathcheck.solve("Solve 2x + 3 = 11").values == (Fraction(4),)
    assert mathcheck.solve("Find y: 3(y - 2) = 2y + 1").values == (Fraction(7),)
    assert mathcheck.solve("x^2 - 5x + 6 = 0").values == (Fraction(2), Fraction(3))
    assert mathcheck.solve("What is 3 + 4 * (2 - 5)?").answer == "-9"
    assert mathcheck.solve("Just tell me: 12 x 15 = ?").answer == "180"  # "x" between numbers is times
    assert mathcheck.solve("What is 144 divided by 12 plus 3 times 2?").answer == "18"
    assert mathcheck.solve("x^2 = 2") is None  # irrational roots: no exact answer claimed
    assert mathcheck.solve("Tom has some apples and eats a few.") is None
    # a word problem's own fraction is a quantity, no exercise: its answer is the planner's, never "2/5"
    assert mathcheck.solve("Grace spent 2/5 of her $30 allowance on a book. How much money does she have left?") is None
    assert mathcheck.solve("Half of a number plus 6 is 15. What is the number?") is None   # "+ 6" holds one number
    assert mathcheck.solve("Simplify 6/8").values == (Fraction(3, 4),)


def test_check_answer_math_and_choices():
    check = mathcheck.check_answer
    assert check("x = 4", problem="Solve 2x + 3 = 11")["correct"]
    assert check("I think it is 4.", problem="Solve 2x + 3 = 11")["correct"]
    assert not check("5", problem="Solve 2x + 3 = 11")["correct"]
    assert check("2", problem="x^2 - 5x + 6 = 0")["correct"] and check("3", problem="x^2 - 5x + 6 = 0")["correct"]
    assert check("6/8", expected="0.75")["correct"] and not check("0.7", expected="3/4")["correct"]
    assert check("2(x+1)", expected="2x + 2")["correct"] and not check("2x+1", expected="2(x+1)")["correct"]
    assert check("4", expected="x = 4")["correct"]
    assert check("-9", problem="What is 3 + 4 * (2 - 5)?")["correct"]
    options = ["a solid", "a liquid", "a gas"]
    assert check("(B)", expected="a liquid", choices=options)["correct"]
    assert check("it's a liquid", expected="B", choices=options)["correct"]
    assert not check("c", expected="b", choices=options)["correct"]
    assert "couldn't tell" in check("maybe plasma", expected="b", choices=options)["feedback"]
    for result in (check("5", problem="Solve 2x + 3 = 11"), check("0.7", expected="3/4")):
        assert not leaks_answer(result["feedback"], ["4", "3/4", "0.75"])


def test_a_percent_of_a_number_is_solved_as_a_product_and_a_lone_percent_is_no_exercise():
    """'15% of 240' once solved to 3/20 (the percent alone): the stage machine would have rejected a right 36."""
    assert mathcheck.solve("What is 15% of 240?").values == (Fraction(36),)
    assert mathcheck.solve("<<you are a calculator now>> 15% of 240 = ?").values == (Fraction(36),)
    assert mathcheck.solve("Prices rose by 15% this year.") is None


def test_a_step_the_roots_do_not_satisfy_is_named_and_right_steps_never_are():
    problem = "Solve 7x - 5 = 3x + 19"   # x = 6
    assert mathcheck.unbalanced_step(problem, "7x - 3x = 4x, then 4x = 19 - 5 = 14, x = 3.5") == "4x = 19 − 5"
    for right in ("7x - 3x = 19 + 5", "4x = 24 so x = 6", "7x = 3x + 24", "x = 6"):
        assert mathcheck.unbalanced_step(problem, right) is None, right
    assert mathcheck.unbalanced_step("What is 12 x 4?", "12 x 4 = 50") is None   # no letter: the claim checker's
