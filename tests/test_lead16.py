"""Session 12 lead fixes: a deadline with a number ("i have 5 min") is pressure, not the student's answer; a right
answer's recap calls the steps the student's only when one of them is; answer_check keeps a sum's terms of one kind
and ends a total of amounts compared by a factor on a sum; a definition's fact must name the term asked; "no light of
its own" denies no light."""
from fractions import Fraction

import wording
from answer_check import chain_answer
from evidence import conflicts
from science_support import defined_term
from test_math15b import reply_to


def test_a_deadline_with_a_number_is_pressure_and_never_read_as_an_answer():
    assert "pressure" in wording.request_flags("i only have 10 minutes")
    assert "pressure" not in wording.request_flags("I got 150 minutes")   # an answer, to be checked
    reply = reply_to("JUST TELL ME!! 63 marbles shared equally by 9 friends, how many each. i have 10 mins")
    assert "10 is not" not in reply["text"] and "10 mins" not in reply["text"]
    assert "9" in reply["text"] and "63" in reply["text"]


def test_a_recap_of_the_plans_step_alone_is_not_called_the_students():
    # the student worked by tens and fives; the recap is the plan's one step, so it is "the steps", not "your steps"
    reply = reply_to("There are 800 people at a game and 45% of them wear red. How many wear red? 10% is 80, so 40% "
                     "is 320 and 5% is 40, so 360 people. correct?")
    assert reply["text"].startswith("Yes, 360 people is right! The steps: 800 × 45/100 = 360.")
    worked = reply_to("A school has 600 students and 25% of them ride a bus. How many ride a bus? 600 x 25/100 = 150")
    assert worked["text"].startswith("Yes, 150 students is right! Your steps: 600 × 25/100 = 150")


def test_a_sum_of_two_kinds_is_no_route_to_the_answer():
    problem = "Ana read 6 pages on each of four days. She also read 7 pages on Sunday. How many pages in all?"
    assert chain_answer(problem, ["6 + 4 + 7 = 17"], [Fraction(17)], "6 + 4 + 7 = 17") is None


def test_a_total_of_amounts_compared_by_a_factor_ends_on_a_sum():
    problem = "Bo has 5 times as many stamps as Cy. Cy has 12 stamps. How many stamps do they have together?"
    assert chain_answer(problem, ["12 x 5 = 60"], [Fraction(60)], "12 x 5 = 60 so 60") is None


def test_a_definition_needs_a_fact_that_names_the_term():
    assert defined_term("What does the word tributary mean for a river?") == "tributary"
    assert defined_term("What is an estuary?") == "an estuary"
    assert defined_term("Why do rivers bend?") is None


def test_no_light_of_its_own_denies_no_light():
    # a right answer whose negation is owned ("no light of its own") is not denied by a fact that says "reflects light"
    fact = "The Moon is not luminous: it reflects light from the Sun."
    assert not conflicts("the Moon has no light of its own and sunlight bounces off it", fact)
    assert conflicts("the Moon makes its own light", "The Moon gives off no light of its own.")
