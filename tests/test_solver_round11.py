"""Round 11 of the planner: arithmetic said in words (worked in the words' order), places left when some are taken,
and signed numbers inside a written expression; each reader tested on wordings written for this test (other
numbers, verbs and nouns than fresh10.jsonl's), none copied from a fixture; near misses must abstain."""
from fractions import Fraction

import pytest

import solver
from diagnosis import diagnose


@pytest.mark.parametrize("problem,answer,questions", [
    ("What is 9 times 4 minus 5?", 31, ["What is 9 × 4?", "What is 36 - 5?"]),
    ("Find the product of 6 and 5, plus 4.", 34, ["What is the product of 6 and 5, 6 × 5?", "What is 30 + 4?"]),
    ("What is half of 48 plus 6?", 30, ["What is 1/2 of 48?", "What is 24 + 6?"]),
    ("What number is 3 more than 4 times 7?", 31, ["What is 4 × 7?", "What is 3 more than 28, 28 + 3?"]),
    ("Work out the difference between 40 and 16, divided by 8.", 3,
     ["What is the difference between 40 and 16, 40 - 16?", "What is 24 ÷ 8?"]),
    ("What is 2 less than twice 9?", 16, ["What is 2 × 9?", "What is 2 less than 18, 18 - 2?"]),
    ("What is a quarter of the sum of 30 and 10?", 10, ["What is the sum of 30 and 10, 30 + 10?", "What is 1/4 of 40?"]),
    ("What is 20 minus 6 minus 5?", 9, ["What is 20 - 6?", "What is 14 - 5?"]),
])
def test_arithmetic_in_words_is_worked_in_the_words_order(problem, answer, questions):
    found = solver.plan(problem)
    assert found is not None and found.pattern == "word_expression" and found.answer == answer
    assert [st.question for st in found.steps] == questions


@pytest.mark.parametrize("problem", [
    "What is 2 plus 3 times 4?",              # words' order 20, order of operations 14: open, so no plan
    "What is the sum of 5 and 3 times 2?",    # is the sum closed before 'times'? no comma says so
    "What is 7 times 2 plus 3 times 4?",
    "What is 15 divided by 0?",
    "What is the quotient of 8 and 0?",
])
def test_arithmetic_in_words_whose_order_is_open_plans_nothing(problem):
    assert solver.plan(problem) is None


@pytest.mark.parametrize("problem,answer,question", [
    ("A minibus has 16 seats. 9 children are sitting in it. How many seats are empty?", 7,
     "Of the 16 seats, 9 are taken: how many are not?"),
    ("The campsite has 40 pitches. Families have put up tents on 26 of them. How many pitches are still free?", 14,
     "Of the 40 pitches, 26 are taken: how many are not?"),
    ("A dorm has beds for 30 students. 22 students sleep there. How many beds are available?", 8,
     "Of the 30 beds, 22 are taken: how many are not?"),
    ("A ferry can carry 250 passengers. 187 passengers are aboard. How many more passengers can board?", 63,
     "There is room for 250 passengers and 187 are already there: how many more fit?"),
])
def test_places_left_are_the_capacity_less_the_places_taken(problem, answer, question):
    found = solver.plan(problem)
    assert found is not None and found.pattern == "capacity_left" and found.answer == answer
    assert [st.question for st in found.steps] == [question]


@pytest.mark.parametrize("problem", [
    "A bus has 32 seats. 19 people got off. How many seats are empty?",          # leaving is not taking a seat
    "A hall has 12 rows with 20 chairs in each row. How many chairs are free?",  # 3 numbers' worth of story
    "A van has 12 seats and 15 people want a ride. How many seats are empty?",  # more people than seats
    "A cinema has 90 seats. 40 people came on Monday and 35 on Tuesday. How many seats were empty?",
])
def test_places_left_abstains_when_the_second_number_is_not_the_places_taken(problem):
    found = solver.plan(problem)
    assert found is None or found.pattern != "capacity_left"


@pytest.mark.parametrize("problem,answer,question", [
    ("What is 11 - -6?", 17, "What is 11 - (-6)?"),
    ("Work out -5 × -7.", 35, "What is -5 × (-7)?"),
    ("Calculate 9 × -2.", -18, "What is 9 × (-2)?"),
    ("What is -36 ÷ -9?", 4, "What is -36 ÷ (-9)?"),
])
def test_a_sign_after_an_operator_opens_a_negative_number(problem, answer, question):
    found = solver.plan(problem)
    assert found is not None and found.answer == answer and found.steps[-1].question == question


def test_an_x_against_a_number_is_an_unknown():
    assert solver.plan("What is 3x + 2?") is None


def test_hints_quote_numbers_in_the_problems_own_forms():
    dive = solver.plan("A diver is at -24 m. She rises 9 m, then dives 14 m. What is her depth now?")
    assert dive is not None and [q.text for q in dive.quantities if q.given][0] == "-24 m"
    assert solver.hints(dive, 0)[0].endswith("Look at -24 m and 9 m.")
    mixed = solver.plan("Ravi used 3 1/4 cups of milk and 1 1/2 cups of water. How many cups did he use in all?")
    assert mixed is not None and mixed.answer == Fraction(19, 4)
    assert "3 1/4 cups and 1 1/2 cups" in solver.hints(mixed, 0)[0] and "13/4" not in solver.hints(mixed, 0)[0]
    assert mixed.steps[0].question == "How many cups are 3 1/4 cups and 1 1/2 cups together?"


def test_a_step_operand_is_said_by_its_value_never_by_a_quoted_question():
    found = solver.plan("Ana buys 4 pens at $3 each and pays with a $20 bill. How much change does she get?")
    assert found is not None and found.answer == 8
    assert solver.hints(found, 1)[0].endswith("Look at $20 and the $12 from the earlier step.")
    cards = solver.plan("Leo had 50 cards. He bought 14 more and then gave away 9. How many cards does he have now?")
    assert cards is not None and cards.answer == 55
    assert '"' not in solver.hints(cards, 1)[0] and "the 64 cards from the earlier step" in solver.hints(cards, 1)[0]


_SIGN_ASKED = ", so is the result positive or negative?"


@pytest.mark.parametrize("problem,student,says", [
    ("Work out -6 × -5.", "-30", f"Check the sign: -6 × (-5) has two negative numbers{_SIGN_ASKED}"),
    ("What is 8 × -4?", "32", f"Check the sign: 8 × (-4) has one negative number{_SIGN_ASKED}"),
    ("What is -42 ÷ -7?", "-6", f"Check the sign: -42 ÷ (-7) has two negative numbers{_SIGN_ASKED}"),
])
def test_a_product_or_quotient_with_the_wrong_sign_is_named_without_the_answer(problem, student, says):
    found = solver.plan(problem)
    diagnosis = diagnose(found, student)
    assert diagnosis is not None and diagnosis.misconception == "wrong_sign" and diagnosis.says == says
    assert solver.fmt(found.answer) not in diagnosis.question.replace(f"({solver.fmt(-found.answer)})", "")
    assert diagnose(found, solver.fmt(found.answer)) is None   # the right answer is no mistake
