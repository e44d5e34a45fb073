"""Round 10 of the planner: numbers below zero read in every way a student or a problem writes them, and general
readers of structures the lead's students found unplanned, each tested on wordings written for this test (other
verbs, clause orders, units and names than fresh9.jsonl's), none copied from a fixture; near misses must abstain."""
from fractions import Fraction

import pytest

import solver


@pytest.mark.parametrize("text,numbers", [
    ("-3 - 6 = -9", [-3, 6, -9]),             # the middle dash subtracts, the others are signs
    ("-3-6=-9", [-3, 6, -9]),
    ("5 - -2 = 7", [5, -2, 7]),
    ("(-4) x 3 = -12", [-4, 3, -12]),
    ("It is \u22125 now", [-5]),              # the minus sign U+2212
    ("minus 8 plus 3 is minus 5", [-8, 3, -5]),
    ("negative 2.5", [Fraction(-5, 2)]),
    ("12 minus 5 = 7", [12, 5, 7]),           # 'minus' after a number subtracts
    ("9-4=5", [9, 4, 5]),
    ("x - 3 = 4", [3, 4]),                    # a letter's minus subtracts
    ("2y-7", [2, 7]),
    ("It was 6 degrees below zero", [-6]),
    ("Her balance is -$15", [-15]),
    ("pages 10\u201320", [10, 20]),           # a range's dash is no sign
])
def test_numbers_keep_their_sign(text, numbers):
    assert solver.numbers_in(text) == [Fraction(n) for n in numbers]


def test_a_right_answer_below_zero_is_a_step_done_and_never_blamed():
    found = solver.plan("At 6 am it was -4 degrees. By noon it had gone up 11 degrees. What was the temperature at "
                        "noon?")
    assert found is not None and found.answer == 7
    cold = solver.plan("The thermometer read -2°C at dusk. Overnight it dropped 5°C. What did it read at dawn?")
    assert cold is not None and cold.answer == -7
    for said in ("-2 - 5 = -7", "It reads -7", "minus 7", "\u22127 degrees"):
        assert solver.steps_done(cold, said) == {0} and solver.diagnose(cold, said) is None
    assert solver.diagnose(cold, "-2 + 5 = 3").misconception == "add_instead_of_subtract"
