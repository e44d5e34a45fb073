"""Round 18 (mathhelp18): a named slip is followed by one smaller move on the same sum, never its result
(step_parts.smaller_check); a help request's stated unit fact is no result of theirs and a step they name in words is
done, so the next move is the first step they have not done (confusion.already_have); "which number goes on top?"
answered for the next division; a wrong root after a right step asks the step after it; without a plan, a rate per
unit of time and a span of those units asks the rate for two units (unplanned_help); "3 hours 15 minutes" is one
number of hours (measure_kinds.span_hours). The no-plan move lives in unplanned_moves.py."""
from fractions import Fraction

import confusion
import math_moves
import solver
import step_parts
import unplanned_moves
from arithmetic_claims import claims
from measure_kinds import span_hours
from tests.test_mathconf16 import lesson, reply_to


def slip(work: str) -> str | None:
    return step_parts.smaller_check(next(c for c in claims(work) if not c.right))


def test_a_slip_gets_a_smaller_move_on_the_same_sum_without_its_result():
    assert slip("96 / 4 = 23") == "Test it with multiplication: what is 4 × 23? Is it 96?"
    assert slip("312 - 47 = 275") == "Test it by adding back: what is 275 + 47? Is it 312?"
    assert slip("18 x 13 = 224") == "Split 13 into 10 and 3: what are 18 × 10 and 18 × 3? Add them."
    assert slip("6.25 x 8 = 48") == "Split 6.25 into 6 and 0.25: what are 6 × 8 and 0.25 × 8? Add them."
    assert slip("9 x 7 = 56").startswith("9 × 7 is one 7 less than 10 × 7")
    assert slip("7 x 8 = 54") == "7 × 8 is 7 × 5 and 7 × 3: what are those two? Add them."
    for work, true in (("96 / 4 = 23", "24"), ("18 x 13 = 224", "234"), ("9 x 7 = 56", "63")):
        assert true not in slip(work)   # the step's result is never said


def test_a_percent_slip_starts_from_an_easy_part():
    assert "a quarter" in step_parts.smaller_check(claims("25% of 84 = 19")[0])
    assert step_parts.smaller_check(claims("30% of 70 = 24")[0]) == \
        "Start from 10%: what is 10% of 70? Then 30% is 3 of those."
    assert "5% (half of that)" in step_parts.smaller_check(claims("15% of 60 = 8")[0])


def test_a_wrong_sum_in_a_word_problem_is_named_then_made_smaller():
    reply = reply_to("A farmer plants 23 rows with 16 trees in each row. How many trees does he plant? 23 x 16 = 358")
    assert reply["verdict"] == "flag"
    assert reply["text"] == "Check 23 × 16 again: it does not make 358. Split 16 into 10 and 6: what are 23 × 10 " \
                            "and 23 × 6? Add them."


def test_a_stated_step_is_done_and_the_next_one_asked():
    problem = "Pencils cost $2 each and erasers cost $3 each. Tom buys 4 pencils and 2 erasers. How much does he " \
              "spend?"
    reply = reply_to(f"{problem} I know the pencils cost 8 dollars but I'm stuck on the rest.")
    assert reply["verdict"] == "confirm" and "erasers" in reply["text"]
    assert "not the answer" not in reply["text"]   # never offered as the answer


def test_a_stated_unit_fact_is_no_result_of_theirs():
    plan = solver.plan("Ana swims for 30 minutes a day for 6 days. How many hours does she swim in all?")
    said = [Fraction(60), Fraction(180)]
    work = "I know 1 hour is 60 minutes. I got 180 minutes but I don't get what to do after that."
    assert confusion.already_have(plan, work, said) == [Fraction(180)]
    assert confusion.already_have(plan, "I got 180 minutes, is that the answer?", said) == said   # no help request


def test_which_number_goes_on_top_names_the_division_of_the_next_step():
    reply = reply_to("A truck drives 210 km in 3 hours. What is its speed in km per hour? which number goes on top?")
    assert "210 km is the number you divide" in reply["text"] and "What is 210 ÷ 3?" in reply["text"]
    assert "70" not in reply["text"]


def test_a_wrong_root_after_a_right_step_asks_the_step_after_it():
    reply = reply_to("Solve 6x + 4 = 34. 6x = 30 so x = 6")
    assert reply["verdict"] == "flag" and "If 6 times x is 30, what is x?" in reply["text"]


def test_a_rate_and_a_span_without_a_plan_ask_two_units_then_the_span():
    reply = reply_to("A cyclist rides 14 km per hour. How far does she ride in 3 hours 30 minutes? I don't get it")
    assert "14 km in each hour" in reply["text"] and "in the 30 minutes" in reply["text"]
    assert "49" not in reply["text"]


def test_hours_and_minutes_make_one_number_of_hours():
    assert span_hours("A film lasts 1 hour 45 minutes.") == {Fraction(7, 4): "1 hour 45 minutes"}
    replies = lesson(["A boat sails 20 km per hour. How far does it sail in 3 hours 15 minutes? help",
                      "20 x 3.25 = 65"])
    assert "Where does the 3.25" not in replies[-1]["text"] and "come in" not in replies[-1]["text"]


def test_the_move_without_a_plan_lives_in_its_room():
    assert math_moves.Move is unplanned_moves.Move and math_moves.fresh_hint is unplanned_moves.fresh_hint


def test_an_angle_sum_the_student_states_is_said_back_never_asked_again():
    problem = "A quadrilateral has angles of 70 degrees, 110 degrees and 95 degrees. What is the fourth angle?"
    told = reply_to(f"{problem} I know the angles of a quadrilateral add up to 360 but I'm stuck.")["text"]
    assert "add up to 360°, as you say" in told and "What do the four angles" not in told
    assert "What do the four angles" in reply_to(f"{problem} I'm stuck.")["text"]   # not stated: asked
