"""Round 18 (mathright18): the student's steps walked in order. With a plan, the first step whose inputs are right
but which does a plan step's operation on the wrong amount is flagged at that step (step_rules.wrong_step), the
right steps before it said to check out, never a later step built on it; a route of the student's own that reaches
the answer is never flagged. A problem whose one measure counts twice ("each way") has no one-step answer, and two
bare fractions of one whole are no part of a part (problem_text.exact_answer); a bare 60 brought in for an hour
makes no rate (measure_kinds)."""
import solver
from arithmetic_claims import claims
from problem_text import exact_answer
from step_rules import wrong_step
from tests.test_mathconf16 import reply_to

JAR = "A barrel has 120 liters of water. 1/4 of the water is used on Saturday. Then 1/3 of what is left is used on " \
      "Sunday. How many liters are left?"
KEN = "Ken had $80. He spent $25 on shoes and $15 on a cap. How much money does he have left?"


def test_a_fraction_of_the_rest_taken_of_the_whole_is_flagged_at_that_step_with_a_plan():
    assert solver.plan(JAR) is not None
    reply = reply_to(f"{JAR} 120 / 4 = 30, 120 - 30 = 90, 120 / 3 = 40, 90 - 40 = 50")
    assert reply["verdict"] == "flag" and "120 ÷ 3 = 40" in reply["text"] and "look at the 120" in reply["text"]
    assert "30" in reply["text"] and "is right" not in reply["text"]


def test_a_sum_worked_out_then_left_aside_is_flagged_where_it_was_needed():
    reply = reply_to(f"{KEN} 25 + 15 = 40, 80 - 25 = 55 so he has $55 left")
    assert reply["verdict"] == "flag" and "80 − 25 = 55" in reply["text"] and "look at the 25" in reply["text"]
    assert "25 + 15 = 40 checks out" in reply["text"]


def test_a_route_of_their_own_to_the_answer_is_never_flagged():
    reply = reply_to(f"{KEN} 80 - 25 = 55, 55 - 15 = 40 so $40 left")
    assert reply["verdict"] == "confirm"
    plan = solver.plan(KEN)
    assert wrong_step(plan, claims("80 - 25 = 55"), "80 - 25 = 55") is None   # one at a time is a route, not a slip


def test_a_later_step_on_a_wrong_number_is_no_new_fault():
    plan = solver.plan(JAR)
    work = "120 / 4 = 30, 120 - 30 = 90, 120 / 3 = 40, 90 - 40 = 50"
    slip = wrong_step(plan, claims(work), work)
    assert slip is not None and "120 ÷ 3 = 40" in slip[0] and "90 − 40" not in slip[0]


def test_the_ratio_part_used_again_for_the_other_thing_is_flagged():
    problem = "The ratio of cats to dogs at a shelter is 2:7. There are 14 cats. How many dogs are there?"
    reply = reply_to(f"{problem} 14 / 2 = 7, 7 x 2 = 14 dogs")
    assert reply["verdict"] == "flag" and "49" not in reply["text"]


def test_a_round_trip_has_no_one_step_answer_and_no_crash():
    problem = "A ferry ride takes 20 minutes each way. How many hours does the round trip take?"
    assert exact_answer(problem) is None
    reply = reply_to(f"{problem} 20 + 20 = 40 minutes, that is 2/3 of an hour")
    assert "went wrong" not in reply["text"] and reply["verdict"] != "flag"
    reply = reply_to(f"{problem} 20 / 60 = 1/3 hours")   # one way only: never confirmed as the answer
    assert "is right!" not in reply["text"] and reply["verdict"] != "flag"


def test_two_bare_fractions_of_one_whole_are_no_part_of_a_part():
    assert exact_answer("Ann ate 1/5 of a cake and Ben ate 1/2 of it. What fraction of the cake did they eat?") is None
    assert exact_answer("A recipe needs 3/4 cup of milk. Tia uses 1/3 of it for pancakes. "
                        "How much milk does she use for pancakes?") is not None


def test_a_bare_sixty_for_an_hour_makes_no_rate():
    reply = reply_to("A cyclist rides 3 km in 12 minutes. At that speed, how far does she ride in one hour? "
                     "60 / 12 = 5 and 5 x 3 = 15 km")
    assert "rate" not in reply["text"] and reply["verdict"] != "flag"


RUNNER = "A cyclist rides 3 km in 12 minutes. At that speed, how far does she ride in one hour?"
TANK = "A pond holds 800 liters. It is 25% full. How many liters of water are in the pond?"


def test_a_right_answer_whose_units_fit_the_question_is_confirmed_without_a_plan():
    for work in ("60 / 12 = 5 and 5 x 3 = 15 km", "12 / 3 = 4 and 60 / 4 = 15 km"):
        reply = reply_to(f"{RUNNER} {work}")
        assert reply["verdict"] == "confirm" and "15 km is right!" in reply["text"]
    reply = reply_to(f"{TANK} 800 x 0.25 = 200 liters")
    assert "200 liters is right!" in reply["text"]


def test_a_wrong_route_whose_units_do_not_fit_is_never_confirmed():
    for work in ("12 / 3 = 4 and 4 x 60 = 240 km", "60 + 12 = 72 and 72 x 3 = 216 km", "3 x 12 = 36, 36 x 60 = 2160 km"):
        assert "is right!" not in reply_to(f"{RUNNER} {work}")["text"]
    for work in ("800 / 0.25 = 3200 liters", "800 x 25 = 20000 liters", "800 - 25 = 775 liters"):
        assert "is right!" not in reply_to(f"{TANK} {work}")["text"]


def test_a_bare_count_leaves_the_units_undecided():
    problem = "Mo swims 4 lengths of a 50 m pool. How many kilometers does he swim?"
    assert "is right!" not in reply_to(f"{problem} 50 / 4 = 12.5 and 12.5 / 1000 = 0.0125 km")["text"]


def test_a_part_worked_out_of_a_percent_change_is_not_the_answer():
    problem = "A tree was 60 cm tall. Its height grew by 20%. How tall is it now?"
    assert "is right!" not in reply_to(f"{problem} 60 x 20 / 100 = 12 cm")["text"]


def test_a_sign_left_for_later_is_no_wrong_amount():
    reply = reply_to("how do i solve 4(x - 2) = 3x + 5? 4 * 2 = 8.")
    assert "look at the 2" not in reply["text"]


def test_the_size_between_two_units_the_problem_writes_is_no_wrong_factor():
    problem = "A tap drips 20 mL every minute. How many liters does it drip in 3 hours?"
    reply = reply_to(f"{problem} 20 x 60 = 1200, 1200 x 3 = 3600, 3600 / 1000 = 3.6 liters")
    assert "Check the 60" not in reply["text"] and reply["verdict"] != "flag"


def test_the_answer_in_another_unit_of_its_kind_is_confirmed():
    problem = "A bus travels 160 km in 2 hours. At the same speed, how long does it take to travel 100 km?"
    reply = reply_to(f"{problem} 160 / 2 = 80 km each hour, 100 / 80 = 1.25, so 75 minutes")
    assert reply["verdict"] == "confirm" and "1.25 hours is right!" in reply["text"]
    assert "is right!" not in reply_to(f"{problem} 160 / 2 = 80, 100 / 80 = 1.25, so 125 minutes")["text"]


def test_a_time_changed_to_hours_in_an_earlier_turn_makes_no_rate_later():
    problem = "A boat sails at 24 km per hour. How far does it sail in 30 minutes?"
    first = reply_to(f"{problem} 30 / 60 = 0.5")
    assert "is right!" not in first["text"]   # 0.5 hours is no distance
    assert "45 km is right!" not in reply_to(f"{problem} 30 / 60 = 0.5 and 0.5 x 24 = 12 km")["text"]
    assert "12 km is right!" in reply_to(f"{problem} 30 / 60 = 0.5 and 24 x 0.5 = 12 km")["text"]
