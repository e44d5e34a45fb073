"""A student's retelling of a word problem (retold.py) read by lesson.plan_of: the shorthand is said as the planner
reads a problem, and a plan from it is the right one or none at all."""
from fractions import Fraction

import pytest

import retold
from lesson import plan_of, split_problem
from tests.test_mathconf16 import reply_to


def test_words_typed_without_apostrophes_are_written_out():
    said = retold.normalised("the team didnt win 4 games and theres 9 left")
    assert "did not" in said and "There are 9 left" in said and said[0] == "T"


def test_two_counts_side_by_side_are_joined_by_with():
    assert "7 shelves with 5 jars each" in retold.normalised("pantry 7 shelves 5 jars each")


def test_a_question_run_on_after_a_comma_is_a_sentence_with_its_mark():
    said = retold.normalised("a van carries 9 boxes, how many boxes in 4 vans")
    assert said.endswith("How many boxes in 4 vans?") and "boxes. How" in said


def test_a_price_for_one_and_a_rate_with_every():
    said = retold.normalised("ribbon is $3 a yard and she sews 20 min every night")
    assert "$3 per yard" in said and "20 minutes each night" in said


@pytest.mark.parametrize("message, answer", [
    ("a club has 36 members and 3/4 of them came to the picnic how many came", 27),
    ("there are 40 kids in the gym and 5/8 wear sneakers how many wear sneakers", 25),
    ("zoe reads 15 pages every day, how many pages in 9 days", 135),
    ("a hall sold 310 seats saturday and 275 sunday, how many seats in all?", 585),
    ("a van drives 180 km in 3 hours, same speed, how far in 4 hours", 240),
])
def test_a_retelling_plans_to_the_right_answer(message, answer):
    head, _ = split_problem(message)
    plan = plan_of(head)
    assert plan is not None and plan.answer == Fraction(answer)


def test_a_plan_from_a_retelling_is_none_when_its_forms_disagree(monkeypatch):
    monkeypatch.setattr(retold, "forms", lambda text: ["Sam has 6 pens. He buys 4 more pens. How many pens now?",
                                                       "Sam has 6 pens. He loses 4 pens. How many pens now?"])
    assert plan_of("sam and his pens, a story told twice") is None


def test_the_text_as_typed_is_read_first():
    problem = "Ana has 5 bags with 6 shells in each bag. How many shells does she have?"
    assert plan_of(problem).problem == problem


def test_a_particle_after_the_amount_and_a_question_without_its_verb():
    said = retold.normalised("liam has 2.5 m of wire and snips 40 cm off, then gave 3 pieces away. how much to fix it")
    assert "gave away 3 pieces" in said and "How much does it cost to fix it?" in said


def test_a_ratio_named_only_by_its_two_things():
    head, _ = split_problem("cats to dogs is 2:5 and theres 35 pets at the shelter, how many dogs")
    plan = plan_of(head)
    assert plan is not None and plan.answer == 25


def test_a_wrong_change_of_unit_on_a_planned_problem_is_named_at_its_step():
    reply = reply_to("A plank is 1.5 m long. Dan saws off 60 cm. How many cm are left? 1.5 m = 15 cm and i cant take 60")
    assert reply["verdict"] == "flag" and "1.5 m = 15 cm" in reply["text"] and "cm make 1 m" in reply["text"]


def test_a_retold_help_request_gets_a_step_of_its_own_problem():
    reply = reply_to("pet shop got 48 fish and 5/8 are goldfish. how many are NOT goldfish? how do i do fractions")
    assert "1/8 of 48 fish" in reply["text"] and reply["verdict"] == "none"


def test_the_same_speed_before_a_run_on_question_is_dropped_and_a_verb_is_no_noun():
    said = retold.normalised("a bus goes 90 km in 2 hours same speed how far in 3 hours")
    assert said == "A bus goes 90 km in 2 hours. How far in 3 hours?"
    assert not any("has 36" in form for form in retold.forms("leo runs 36 laps in 4 days, how many laps in 1 day"))
