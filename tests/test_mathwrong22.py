"""Round 22 (mathwrong22): a wrong attempt from a misconception is met at the idea, and nothing wrong is confirmed.
The planner reads more inverse proportions (a supply that lasts for more mouths, questions as students retell them);
the direct-for-inverse and the sign-across-zero slips are asked as questions of the idea; a route that scales a time
by two counts of one thing is never confirmed without a plan; a plan's answer rounded by the student is that answer."""
from fractions import Fraction

import answer_check
import diagnosis
import solver
from problem_text import told_apart
from tests.test_mathconf16 import reply_to


def test_a_supply_that_lasts_for_more_mouths_is_an_inverse_proportion():
    found = solver.plan("A sack of rice lasts 12 days for 5 hikers. How many days will it last for 4 hikers?")
    assert found is not None and found.pattern == "crew_time" and found.answer == 15
    assert "lasts 5 hikers 12 days" in found.steps[0].question and "does it last" in found.steps[1].question
    # never a rate per hiker: the days would grow with the mouths
    assert solver.plan("Hay lasts 8 weeks for 6 cows. How long would it last for 12 cows?").answer == 4


def test_retold_crew_questions_are_planned_and_a_number_kind_must_match():
    assert solver.plan("9 gardeners weed the park in 4 hours. how long for 6 gardeners?").answer == 6
    assert solver.plan("4 taps fill a pool in 15 hours. How many hours with 5 taps?").answer == 12
    assert solver.plan("3 robots can sort the mail in 10 hours. How many hours would 5 robots take, working at "
                       "the same rate?").answer == 6
    assert solver.plan("Two mowers cut a field in 9 hours. How long would 3 such mowers take?").answer == 6
    found = solver.plan("9 gardeners weed the park in 4 hours. how long for 6 robots?")
    assert found is None or found.pattern != "crew_time"


def test_more_mouths_scaled_up_is_asked_as_the_idea_not_confirmed():
    problem = "A sack of rice lasts 12 days for 5 hikers. How many days will it last for 4 hikers?"
    found = diagnosis.diagnose(solver.plan(problem), "12 / 5 x 4 = 9.6 days")
    assert found is not None and found.misconception == "direct_for_inverse"
    reply = reply_to(f"{problem} 12 / 5 x 4 = 9.6 days")
    assert reply["verdict"] == "flag" and "more days or fewer?" in reply["text"] and "15" not in reply["text"]
    assert reply_to(f"{problem} 12 x 5 / 4 = 15 days")["text"].startswith("Yes, 15 days is right")


def test_without_a_plan_a_time_scaled_by_two_counts_is_never_confirmed():
    problem = "water lasts 6 days for 4 ppl. for 3 ppl?"
    assert solver.plan(problem) is None
    route = ["6/4 × 3 = 4.5"]
    assert answer_check._cancels(route, problem)   # 6 x 3 / 4 and 6 x 4 / 3 both end in days
    assert answer_check.chain_answer(problem, route, [Fraction(9, 2)], "6/4 x 3 = 4.5 days") is None
    reply = reply_to(f"{problem} 6/4 x 3 = 4.5 days")
    assert not reply["text"].startswith("Yes") and "is right!" not in reply["text"]


def test_a_rounded_answer_of_a_plan_is_confirmed_as_written():
    problem = "7 painters paint a hall in 2 days. How many days would 3 painters take?"
    assert solver.plan(problem).answer == Fraction(14, 3)
    reply = reply_to(f"{problem} 7 x 2 = 14 and 14 / 3 = 4.67 days")
    assert reply["text"].startswith("Yes, 4.67 days is right") and "14/3" not in reply["text"]
    assert reply_to(f"{problem} 7 x 2 = 14 and 14 / 3 = 4.2 days")["verdict"] == "flag"


def test_a_sign_kept_across_zero_is_asked_as_above_or_below_zero():
    problem = "At dawn it was -11°C. By lunch it had risen 15 degrees. What was the temperature at lunch?"
    reply = reply_to(f"{problem} 15 - 11 = 4 so -4")
    assert reply["verdict"] == "flag" and "above zero or below zero?" in reply["text"] and "minus sign of -11" in \
        reply["text"]
    assert reply_to(f"{problem} 15 - 11 = 4")["text"].startswith("Yes, 4")
    falling = "It was 3°C at dusk. By midnight it had fallen 10 degrees. What was the temperature at midnight?"
    assert "above zero or below zero?" in reply_to(f"{falling} 10 - 3 = 7")["text"]


def test_a_fraction_of_what_was_left_taken_of_the_whole_is_flagged_never_confirmed():
    problem = "Nadia had 80 stamps. She gave 1/4 of them to Ben and then 1/5 of what was left to Cara. How many " \
              "stamps did Cara get?"
    reply = reply_to(f"{problem} 80/5 = 16")
    assert reply["verdict"] == "flag" and "of what was left" in reply["text"] and "60" not in reply["text"]
    retold = reply_to("80 stamps, half to ben, then 1/5 of the rest to cara. how many did cara get? 80/5 = 16 stamps")
    assert not retold["text"].startswith("Yes") and "is right!" not in retold["text"]
    # a fraction of the whole, the one step: still confirmed
    assert reply_to("Nadia had 80 stamps. She gave 1/5 of them to Cara. How many stamps did Cara get? 80/5 = 16")[
        "text"].startswith("Yes, 16")


def test_what_after_of_is_no_question_start():
    problem = "Ali had 30 marbles. He lost 1/3 of them and then 1/2 of what he had left. How many does he have now?"
    assert told_apart(problem) == problem


def test_decimal_hours_read_as_minutes_across_the_problem_and_the_work_are_flagged():
    reply = reply_to("the bike ride was 2.5 hours. so in hours and minutes its 2 h 50 min")
    assert reply["verdict"] == "flag" and "0.5 of an hour" in reply["text"] and "30" not in reply["text"]
    assert "0.4 of an hour" in reply_to("practice was 1.4 hours = 1 h 40 min")["text"]
    assert "of an hour, not" not in reply_to("Kai swam for 1.25 hours. How long is that in hours and minutes? "
                                             "1 h 15 min")["text"]


def test_a_gap_typed_with_its_unit_joined_is_asked_which_way_it_goes():
    reply = reply_to("tower A is 60m, its 15m taller than tower B. how tall is tower B? 60 + 15 = 75m")
    assert "taller or shorter than 60" in reply["text"] and "45" not in reply["text"]


def test_square_units_changed_by_the_length_factor_are_asked_at_the_square():
    reply = reply_to("a mat is 3 sq ft. how many sq in is that? 3 x 12 = 36")
    assert reply["verdict"] == "flag" and "12 inches long and 12 inches wide" in reply["text"]
    assert "432" not in reply["text"] and "144" not in reply["text"]
    assert "long and 100 centimeters wide" in reply_to("window is 2 m2 to cm2. 2 x 100 = 200 cm2")["text"]
    assert "long and 12 inches wide" not in reply_to("a mat is 3 sq ft. how many sq in is that? 3 x 144 = 432")["text"]
