"""Planner round 15: general readings of the school families a student states briefly (fresh15.jsonl), each tested
on new wordings, not the fixture's: a bare sum, equation or measure's name; any linear equation in one letter; a
plane shape by its named measures; a share in a ratio; a scale with units; an amount said against the unknown one;
how many times one amount is another; one number as a percent of another; the part that does not; a debt; a
left-out comparison side; orders ('Convert ...', 'Increase ... by ...%', 'Subtract ... from ...')."""
from __future__ import annotations


import pytest

import agent
import solver
from test_planner13 import assert_planned

PLANNED = [
    # a measure's name or a part of a number typed with no question; a sum or equation asked with '= ?' or 'find x'
    ("perimeter of an 11 by 3 rectangle", "28", None),
    ("whats 30% of 70", "21", None),
    ("4/5 of 35", "28", None),
    ("2/7 + 3/7 = ?", "5/7", None),
    # any linear equation in one letter: both sides, brackets, like terms
    ("Solve 6y - 4 = 2y + 20.", "6", ["Gather y on one side: what is 6y - 2y?", "Gather the numbers on the other side: "
                                      "what is 20 - (-4)?", "If 4y = 24, what is y?"]),
    ("solve 3(n - 2) = n + 8", "7", None),
    ("Solve 15 - 4x = 3", "3", None),
    ("Solve 4x + x - 3 = 22", "5", None),
    ("9m + 1 = 4m + 31, find m", "6", None),
    # a plane shape by its named measures, wherever they are said
    ("Find the area of a triangle with a base of 14 cm and a height of 5 cm.", "35",
     ["What is the base times the height, 14 cm × 5 cm?", None]),
    ("A parallelogram has base 12 m and height 7 m. What is its area?", "84", None),
    ("What is the area of a square with side 13 cm?", "169", None),
    ("A rectangle has length 9 m and width 6 m. What is its perimeter?", "30", None),
    # an amount shared in a ratio, asked by its larger or smaller share
    ("Split $120 in the ratio 3:5. How much is the smaller share?", "45",
     ["How many parts are there in 3:5?", "If $120 is shared into 8 equal parts, how much is 1 part?", None]),
    # a real length from a scale said with its units, or a model's ratio
    ("On a map 1 cm stands for 4 km. A lake is 9 cm long on the map. How long is the real lake?", "36", None),
    ("A model boat is made at a scale of 1:50. The model is 30 cm long. What is the actual length in cm?", "1500",
     None),
    # an amount said against the unknown one
    ("Rosa read 56 pages, which is 7 times as many as Ken. How many pages did Ken read?", "8", None),
    ("Omar has 40 shells. That is 15 more than Lea. How many shells does Lea have?", "25", None),
    ("Ivy has 31 beads, 9 fewer than Max. How many beads does Max have?", "40", None),
    # a left-out comparison side, given the one owner said before
    ("Zoe has 14 stamps and Ray has 4 times as many. How many stamps does Ray have?", "56", None),
    ("Ned is 8 years old. His uncle is 5 times as old. How old is his uncle?", "40", None),
    # how many times one amount is another
    ("A bridge is 96 m long. A bus is 12 m long. How many times longer is the bridge than the bus?", "8",
     ["How many lots of 12 m make 96 m?"]),
    # two numbers, and two people's total and difference said in new ways
    ("Two numbers add up to 64 and differ by 10. What is the larger number?", "37", None),
    ("Pia and Sol have 52 cards between them. Pia has 12 more than Sol. How many does Sol have?", "20", None),
    # one bare number as a percent of another
    ("What percent of 80 is 20?", "25", None),
    ("12 is what percent of 48?", "25", None),
    # the part that does not
    ("A team has 25 players. 9 of them wear glasses. How many players do not wear glasses?", "16", None),
    # temperatures said in the question, and a debt
    ("How much warmer is 12°C than -3°C?", "15", None),
    ("Ben owes $50. He pays back $20 and then borrows $10 more. How much does he owe now?", "40", None),
    ("Ben owes $50. He pays back $20. What is his balance?", "-30", None),
    # orders read as their questions
    ("Convert 5 hours to minutes.", "300", None),
    ("Increase 60 by 15%.", "69", None),
    ("Subtract 2/5 from 9/10.", "1/2", None),
    ("Multiply 16 by 3/8.", "6", None),
    # a bare 'How many' or 'How much' given the story's one noun or stuff
    ("A pot had 5/6 litre of soup. Dad ate 1/3 litre. How much is left?", "1/2", None),
    ("Lou had some money. He spent $18 and has $7 left. How much did he start with?", "25", None),
    ("How many groups of 7 can be made from 63 pupils?", "9", None),
    ("Of 60 cars, 2/5 are red. How many are not red?", "36", None),
    ("A van goes 70 km/h. How far does it go in 3 hours?", "210", None),
    ("I think of a number, triple it and add 4 to get 25. What is my number?", "7", None),
]


@pytest.mark.parametrize("problem,answer,questions", PLANNED, ids=[p[0][:40] for p in PLANNED])
def test_round_15_readings_plan_exact_steps(problem, answer, questions):
    assert_planned(problem, answer, questions)


ABSTAIN = [
    # an equation whose letter cancels, and two letters in one equation
    "Solve 3x + 2 = 3x + 7",
    "Solve 2x + y = 9",
    # a triangle's perimeter asked from its base and height
    "A triangle has a base of 6 cm and a height of 4 cm. What is its perimeter?",
    # a shape in two units
    "A rectangle has length 2 m and width 40 cm. What is its area?",
    # equal parts of a ratio have no larger share
    "Share $40 in the ratio 1:1. How much is the larger share?",
    # 'times smaller' of the smaller amount, and 'how many times' of two kinds
    "A bridge is 96 m long. A bus is 12 m long. How many times longer is the bus?",
    "Sam has 24 cards and 6 marbles. How many times as many cards as marbles does Sam have?",
    # the part said with another verb than the question's
    "A team has 25 players. 9 of them wear glasses. How many players do not play chess?",
    # paid back more than was owed
    "Kim owes $20. She pays back $25. How much does she owe now?",
    # 'How much colder' the wrong way round
    "How much colder is 12°C than -3°C?",
    # a change said with 'more' is no comparison ('bought 20 more')
    "Gus had 50 cards. He gave 12 to Ann and bought 20 more. How many cards does Ann have?",
]


@pytest.mark.parametrize("problem", ABSTAIN, ids=[p[:40] for p in ABSTAIN])
def test_round_15_readings_abstain_on_near_misses(problem):
    assert solver.plan(problem) is None


def test_a_terse_problem_is_read_as_the_question_a_textbook_asks():
    read = solver.read_problem("area of a 5 by 9 rectangle")
    assert read is not None and read.question == "What is the area of a 5 by 9 rectangle?"
    read = solver.read_problem("9m + 1 = 4m + 31, find m")
    assert read is not None and read.question == "Solve 9m + 1 = 4m + 31."
    # a bare sum or equation may be the student's own work in a lesson: never read as a problem of its own
    assert solver.plan("x/3 = 5") is None and solver.plan("12 × 3 - 10") is None


def _first_reply(message: str) -> dict:
    return list(agent.Tutor(lambda *_, **__: iter(())).respond("p15", message, "math"))[-1]


def test_an_amount_said_against_the_unknown_one_is_planned_so_the_tutor_knows_its_steps():
    # (once an unplanned example of test_math_moves.py's relation moves; now the planner reads it)
    problem = "Tom has 32 cards. That is 4 times as many cards as Sue has. How many cards does Sue have?"
    wrong = _first_reply(f"{problem} 32 x 4 = 128")
    assert wrong["verdict"] == "flag" and "32 by 4" in wrong["text"] and "8" not in wrong["text"]
    right = _first_reply(f"{problem} 32 / 4 = 8")
    assert right["verdict"] == "confirm" and right["text"].startswith("Yes, 8 cards is right!")


def test_a_letters_value_that_is_only_a_steps_value_is_never_said_to_check_out():
    reply = _first_reply("Solve 3(x - 2) = 18. I got x = 24")
    assert reply["verdict"] == "flag" and "checks out" not in reply["text"] and "x = 24" in reply["text"]


def test_an_equation_the_student_writes_shows_the_steps_it_gathers():
    tutor = agent.Tutor(lambda *_, **__: iter(()))
    replies = [list(tutor.respond("p15e", m, "math"))[-1]["text"] for m in
               ["Solve 8y + 1 = 3y + 36", "5y = 35", "y = 7"]]
    assert replies[1] == "Yes, 5y = 35 is right. Next, if 5y = 35, what is y?"
    assert replies[2].startswith("Yes, 7 is right!")
