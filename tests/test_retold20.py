"""Round 20 of the retold reader (retold.py, lesson.split_problem, the story tracker's verbs): more of the ways a
student retells a problem are read as the planner reads a problem, and a plan from them is right or there is none.
Every sentence here is new (none from a probe set)."""
from fractions import Fraction

import pytest

import retold
import solver
from lesson import plan_of, split_problem
from tests.test_mathconf16 import reply_to


def planned(message: str) -> Fraction | None:
    head, _ = split_problem(message)
    plan = plan_of(head)
    return plan.answer if plan is not None else None


@pytest.mark.parametrize("message, answer", [
    # groups with an exception
    ("6 bags with 8 rolls each but 7 got eaten how many rolls are left", 41),
    ("2 crates of 24 jars and 9 cracked how many didnt crack", 39),
    # a comparison told after the amount, asked backwards
    ("nora has 64 coins thats 19 more than eli has. how many does eli have", 45),
    ("pat has 72 beads which is 4 times as many as kim how many does kim have", 18),
    ("ivy has 15 fewer pins than rob and rob has 40. how many does ivy have", 25),
    # a story of what happened, as a list
    ("gus picked 50 plums ate 6 picked 14 more how many now", 58),
    ("the cafe had 90 cups, sold 48, got 30 more. how many cups now", 72),
    ("a van had 23 kids and 9 got off and 4 got on how many r on the van now", 18),
    ("41 geese on the lake and 16 flew away how many are left", 25),
    # facts without verbs
    ("36 players 4 per team how many teams", 9),
    ("$5 each 8 notebooks how much", 40),
    ("63 cards 9 kids same amount each how many each", 7),
    # the question first, or said with the student's number
    ("how many are left, 70 balloons and 26 popped", 44),
    ("i got 51 is that the number of pears left, there were 80 pears and 29 got eaten", 51),
    # a part said in words
    ("a $60 bike went up by a quarter whats the price now", 75),
])
def test_a_retelling_plans_to_the_right_answer(message, answer):
    assert planned(message) == Fraction(answer)


def test_names_typed_in_lowercase_are_capitalised_where_a_thing_would_need_its_article():
    said = retold.normalised("mo has 9 more than dee and dee has 20 how many does mo have")
    assert "Dee" in said and "Mo have" in said and "the dee" not in said.lower()


def test_a_bare_count_before_a_verb_counts_the_things_said_before_it():
    assert "17 pigeons flew off" in retold.normalised("40 pigeons on a roof and 17 flew off")
    assert "Ivy has 12 more shells than Rob" in retold.normalised("ivy has 30 shells and she has 12 more than rob")


def test_a_run_of_deeds_names_its_subject_in_each_sentence():
    said = retold.normalised("lou baked 30 buns sold 12 gave away 5")
    assert said == "Lou baked 30 buns. Lou sold 12. Lou gave away 5."


def test_the_students_claimed_answer_is_split_off_as_theirs():
    head, work = split_problem("shop had 60 cans and 24 were sold so 36 left right")
    assert work == "so 36 left right" and "36" not in head and head.endswith("how many are left?")
    head, work = split_problem("12 cupcakes shared by 4 kids same amount each how many each. 3??")
    assert work.rstrip("?") == "3" and plan_of(head).answer == 3


def test_a_retold_right_answer_is_confirmed_and_a_retold_wrong_one_is_not():
    right = reply_to("box had 80 crayons and 35 got lost so 45 left right")
    assert right["verdict"] == "confirm" and "45" in right["text"]
    wrong = reply_to("box had 80 crayons and 35 got lost so 55 left right")
    assert wrong["verdict"] != "confirm"


@pytest.mark.parametrize("problem, answer", [
    ("A ferry had 120 cars. 45 cars drove off and 30 cars drove on. How many cars are on the ferry now?", 105),
    ("A tree had 26 birds. 11 birds flew off and 5 birds landed. How many birds are in the tree now?", 20),
    ("A carton holds 12 eggs. Mo has 4 cartons. 5 eggs cracked. How many eggs are left?", 43),
])
def test_amounts_that_go_or_come_by_themselves_move_the_story(problem, answer):
    plan = solver.plan(problem)
    assert plan is not None and plan.answer == answer


def test_a_gift_to_the_owner_at_a_sentences_start_adds():
    plan = solver.plan("Ada has 14 shells. Her cousin gives her 6 more. How many shells does Ada have now?")
    assert plan is not None and plan.answer == 20


@pytest.mark.parametrize("message", [
    "15% off a $40 shirt",                          # no question: what is asked is not guessed
    "$3 each 7 of them how much",                   # what is priced is never named
    "team got 36 points first half and 28 second half. total?",
])
def test_a_retelling_that_leaves_the_problem_open_gets_no_plan(message):
    assert planned(message) is None
