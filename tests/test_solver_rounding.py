"""rounding_patterns.py: whole groups from a division (full cartons round down, vans needed round up), the step
questions in the problem's words, abstaining where the question does not say which way, and the two slips."""
from fractions import Fraction

import pytest

import solver
from wordproblem import apply_op

# (problem, kind, value, words the step's question must use)
PLANS = [
    ("A baker has 100 cookies. She packs them in boxes of 12. How many full boxes can she pack?", "round_down",
     "8", "full boxes of 12 can 100 cookies make"),
    ("A rope is 50 feet long. How many 6-foot pieces can be cut from it?", "round_down", "8",
     "full 6-foot pieces can 50 feet make"),
    ("There are 62 campers. Each tent holds 8 campers. How many tents are needed?", "round_up", "8",
     "tents of 8 hold all 62 campers"),
    ("A class needs 75 pencils. Pencils come in packs of 10. How many packs must the teacher buy to have enough?",
     "round_up", "8", "packs of 10 hold all 75 pencils"),
    ("A ribbon is 98 inches long. How many 7-inch pieces can be cut from it?", "", "14", "7-inch pieces make 98 inches"),
]


@pytest.mark.parametrize("problem,kind,value,words", PLANS)
def test_whole_groups_plan(problem, kind, value, words):
    found = solver.plan(problem)
    assert found is not None and found.pattern == "groups_needed"
    (step,) = found.steps
    assert (step.op, step.kind, solver.fmt(step.value)) == ("/", kind, value)
    assert words in step.question and step.question.endswith("?")
    assert value not in step.question.replace(f"of {value}", "")   # the result is never in its own question
    assert [r.kind for r in step.operands] == ["quantity", "quantity"]   # both operands traced to the text


@pytest.mark.parametrize("problem", [
    "A baker has 100 cookies. She packs them in boxes of 12. How many boxes does she use?",   # which way: unsaid
    "A baker has 100 cookies. She packs them in boxes of 12. How many full boxes are needed?",   # both ways
    "A baker sells cookies at $100 each. She packs them in boxes of 12. How many full boxes can she pack?",   # a price
    "A baker has 100 cookies and 30 muffins. She packs them in boxes of 12. How many full boxes can she pack?",
])
def test_whole_groups_abstain(problem):
    assert solver.plan(problem) is None


def test_rounding_is_the_steps_own_value():
    assert apply_op("/", (Fraction(62), Fraction(8)), "round_up") == 8
    assert apply_op("/", (Fraction(62), Fraction(8)), "round_down") == 7
    assert apply_op("/", (Fraction(64), Fraction(8)), "round_up") == 8
    assert apply_op("/", (Fraction(62), Fraction(8))) == Fraction(31, 4)


def test_whole_groups_slips():
    up = solver.plan("There are 62 campers. Each tent holds 8 campers. How many tents are needed?")
    left_out = solver.diagnose(up, "62 ÷ 8 = 7")
    assert left_out.misconception == "leftover_not_counted" and "the 6 left over" in left_out.question
    assert solver.diagnose(up, "8") is None
    down = solver.plan("A baker has 100 cookies. She packs them in boxes of 12. How many full boxes can she pack?")
    part = solver.diagnose(down, "9 boxes")
    assert part.misconception == "part_group_counted" and "only 4, not 12" in part.question
    assert solver.diagnose(down, "100 - 12 = 88").misconception == "subtract_instead_of_divide"
