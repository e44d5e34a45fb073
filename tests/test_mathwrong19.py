"""Round 19 (mathwrong19): the faulty step named, right work confirmed. Exact arithmetic reads what students write
(an x for times between brackets, a chain of equals, a quotient with its remainder, a unit change said in words);
the planner knows more hands take less time and a saving goal said as a price, so the slip of each is named at its
step and a right route is confirmed."""
import re
from fractions import Fraction

import diagnosis
import mathcheck
import solver
from arithmetic_claims import claims
from tests.test_mathconf16 import reply_to


def test_an_x_between_numbers_or_brackets_is_a_times_sign_and_a_letter_x_is_not():
    assert mathcheck.times_x("(-3) x (-8) + 1") and mathcheck.times_x("7 x -2") and mathcheck.times_x("9 x 5")
    assert not mathcheck.times_x("4x - 7x") and not mathcheck.times_x("3(x - 2)") and not mathcheck.times_x("5x(x + 2)")


def test_an_exercise_with_x_for_times_is_planned_in_the_order_of_operations():
    found = solver.plan("Calculate (-7) x 2 - (-9).")
    assert found is not None and found.answer == -5
    assert solver.plan("Find 6x - 2.") is None


def test_a_right_product_of_two_negatives_is_credited_not_called_unequal():
    reply = reply_to("Work out (-3) x (-8) + 3 x (-5). (-3) x (-8) = 24")
    assert reply["verdict"] == "confirm" and "not equal" not in reply["text"] and "24" in reply["text"]


def test_a_chain_of_equals_claims_its_value_and_a_run_of_steps_its_first_result():
    chained = claims("-30 - (-12) = -30 + 12 = -18")
    assert [(c.stated, c.right) for c in chained][:1] == [(-18, True)] and all(c.right for c in chained)
    run = claims("5 x 6 = 30 + 4 = 34")
    assert run[0].stated == 30 and all(c.right for c in run)


def test_a_right_final_answer_written_as_a_chain_of_equals_is_confirmed():
    reply = reply_to("Find (-6) x 4 - (-10). -6 x 4 = -24, -24 - (-10) = -24 + 10 = -14")
    assert reply["verdict"] == "confirm" and reply["text"].startswith("Yes, -14 is right")


def test_a_quotient_with_its_remainder_is_exact_and_a_wrong_remainder_is_named():
    right, = claims("45 / 7 = 6 r 3")
    assert right.right and right.result == "6 R 3"
    wrong, = claims("45 / 7 = 6 r 5")
    assert not wrong.right and wrong.result == "6 R 5"
    reply = reply_to("Lea packs 45 cupcakes into boxes of 7. How many cupcakes are left over? 45 / 7 = 6 r 5")
    assert reply["verdict"] == "flag" and "6 R 5" in reply["text"] and "7 × 6" in reply["text"]
    assert "does not make 6." not in reply["text"]


def test_a_division_with_remainder_on_the_way_to_a_count_is_a_right_step_not_a_count_rounded_down():
    reply = reply_to("There are 39 campers and each tent sleeps 6. How many tents are needed? 39 / 6 = 6 r 3")
    assert reply["verdict"] == "confirm" and "6 R 3" in reply["text"] and "counted only the full" not in reply["text"]
    rounded = reply_to("There are 39 campers and each tent sleeps 6. How many tents are needed? 39 / 6 = 6 r 3 "
                       "so 6 tents")
    assert rounded["verdict"] == "flag"


def test_more_hands_take_less_time_in_other_words():
    for problem, answer in (("A pool is filled by 4 hoses in 9 hours. How long would 6 hoses take?", 6),
                            ("5 cleaners can clean a school in 8 hours. Working at the same rate, how many hours "
                             "would 10 cleaners take?", 4)):
        found = solver.plan(problem)
        assert found is not None and found.answer == answer and found.steps[0].kind == "crew_work"


def test_a_direct_proportion_for_more_hands_is_named_at_the_crew_step():
    problem = "6 bakers can bake the bread in 4 hours. At the same rate, how many hours would 3 bakers take?"
    found = diagnosis.diagnose(solver.plan(problem), "4 x 3 / 6 = 2 hours")
    assert found is not None and found.misconception == "direct_for_inverse"
    reply = reply_to(f"{problem} 4 x 3 / 6 = 2 hours")
    assert reply["verdict"] == "flag" and "shrink with the bakers" in reply["text"] and "8" not in reply["text"]


def test_a_saving_goal_said_as_a_price_is_planned_and_an_added_start_flagged():
    problem = "A scooter costs $150. Ravi has $30 and saves $10 each week. How many weeks until he can buy it?"
    found = solver.plan(problem)
    assert found is not None and found.answer == 12
    assert reply_to(f"{problem} 150 - 30 = 120, 120 / 10 = 12 weeks")["text"].startswith("Yes, 12 weeks is right")
    wrong = reply_to(f"{problem} 150 + 30 = 180, 180 / 10 = 18 weeks")
    assert wrong["verdict"] == "flag" and re.search(r"added \$30", wrong["text"])


def test_a_right_unit_change_said_alone_is_credited():
    reply = reply_to("A film lasts 2.5 hours and the trailers take 15 minutes. How many minutes is that in all? "
                     "2.5 hours = 150 minutes, right?")
    assert reply["verdict"] == "confirm" and "150" in reply["text"] and "not 100" not in reply["text"]


def test_more_speed_less_time_is_planned_and_the_time_scaled_with_the_speed_is_named():
    problem = "A ride takes 6 hours at 40 km per hour. How long does it take at 60 km per hour?"
    found = solver.plan(problem)
    assert found is not None and found.answer == 4 and found.steps[-1].kind == "trip_time"
    wrong = reply_to(f"{problem} 60 / 40 x 6 = 9 hours")
    assert wrong["verdict"] == "flag" and "does going faster take more time or less?" in wrong["text"]
    assert reply_to(f"{problem} 6 x 40 = 240 km, 240 / 60 = 4 hours")["text"].startswith("Yes, 4 hours is right")


def test_parts_of_one_whole_added_when_the_question_leaves_the_whole_unsaid():
    problem = "Nia painted 2/5 of a wall and Omar painted 1/10 of it. What fraction did they paint together?"
    found = solver.plan(problem)
    assert found is not None and found.answer == Fraction(1, 2) and "wall" in found.steps[-1].question
    assert solver.plan("Jo ate 1/2 of it and Al ate 1/4 of it. What fraction did they eat together?") is None
    reply = reply_to(f"{problem} 2/5 = 4/10, 4/10 + 1/10 = 5/10")
    assert reply["verdict"] == "confirm" and reply["text"].startswith("Yes, 5/10 is right")
