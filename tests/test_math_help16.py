"""Round 16 (math help without a plan): a help request gets the one fact that defines what the question asks, on the
problem's own measures (a triangle's angles make 180°, an area counts unit squares, a fence runs along every side);
a wrong attempt is checked by what code can check (the units its numbers make, a time left in the rate's unit, an
angle sum of another shape, a right triangle's sides put back); an answer a shape's fact decides is confirmed."""
import lesson
from measure_kinds import asked_dim, measure_check, measure_help, measures, shape_answer
from arithmetic_claims import claims
from test_math_help14 import replies, reply_to


def test_a_problem_of_shape_facts_is_one_the_planner_leaves_unplanned():
    # (the moves below are for problems without a plan; a plan's own moves come first where one exists)
    for problem in ("A triangle has angles of 35° and 95°. What is its third angle?",
                    "A sandpit is 4 m long and 3 m wide. A wooden edge goes all the way around it. How long is the "
                    "edge?"):
        assert lesson.plan_of(problem) is None


def test_a_help_request_names_the_shape_fact_on_the_problems_own_measures():
    angles = reply_to("A triangle has angles of 35° and 95°. What is its third angle? how do i even start")
    assert angles["text"] == "What do the three angles inside a triangle add up to, and how much of that do 35° and " \
                             "95° take up?"
    rug = reply_to("A round table top has a diameter of 10 feet. What is its area? Use 3.14 for pi. help")
    assert "radius" in rug["text"] and "10 feet" in rug["text"] and "78.5" not in rug["text"]
    floor = reply_to("A hallway floor is 12 feet by 3 feet. Each tile covers 1 square foot. How many tiles cover it? "
                     "help pls")
    assert "1-foot squares" in floor["text"] and "36" not in floor["text"]


def test_a_step_whose_units_are_not_what_the_question_asks_is_pointed_at():
    edge = reply_to("A sandpit is 4 m long and 3 m wide. A wooden edge goes all the way around it. How long is the "
                    "edge? 4 x 3 = 12 m")
    assert edge["verdict"] == "flag" and "square metres" in edge["text"] and "an area" in edge["text"]
    assert "14" not in edge["text"]
    box = "A gift box is a cube with edges of 3 cm. How much paper covers the whole outside of it?"
    assert "cubic cm" in reply_to(f"{box} 3 x 3 x 3 = 27")["text"]


def test_a_time_left_in_the_rates_unit_is_asked_in_the_unit_the_question_wants():
    problem = "A tap fills a tank at 30 litres per minute. How many hours does it take to fill 5400 litres?"
    found = claims("5400 / 30 = 180")
    move = measure_check(problem, found, [found[-1].stated], "5400 / 30 = 180 hours")
    assert move is not None and "180 counts minutes" in move[1] and "how many hours is 180 minutes" in move[2]
    # (not offered as the answer, 180 minutes is a step on the way: nothing to point at yet)
    assert measure_check(problem, found, [found[-1].stated], "5400 / 30 = 180 then") is None


def test_checkable_shape_facts_flag_the_step():
    quad = reply_to("Three angles of a quadrilateral are 100°, 70° and 80°. What is the fourth angle? 100 + 70 + 80 "
                    "= 250 and 250 - 180 = 70")
    assert quad["verdict"] == "flag" and "180° is what the three angles of a triangle add up to" in quad["text"]
    ramp = reply_to("A ladder 10 feet long leans against a wall with its foot 6 feet from the wall. How high does it "
                    "reach? 10 - 6 = 4 feet")
    assert ramp["verdict"] == "flag" and "6² + 4² = 52" in ramp["text"] and "8" not in ramp["text"]


def test_a_doubling_multiplied_once_by_the_periods_is_flagged_at_that_step():
    cells = reply_to("A culture of 30 cells doubles every day. How many cells after 5 days? 30 x 2 = 60 and 60 x 5 = "
                     "300")
    assert cells["verdict"] == "flag" and "60 × 5 = 300" in cells["text"] and "960" not in cells["text"]


def test_the_answer_a_shape_fact_decides_is_confirmed_and_another_number_never_is():
    problem = "A triangle has angles of 35° and 95°. What is its third angle?"
    assert shape_answer(problem)[0] == 50
    right = replies(f"{problem} help", "180 - 35 - 95 = 50 so the third angle is 50 degrees")[-1]
    assert right["verdict"] == "confirm" and right["text"].startswith("Yes, 50 is right!")
    wrong = reply_to(f"{problem} 35 + 95 = 130 so it is 130 degrees")
    assert wrong["verdict"] != "confirm"
    assert shape_answer("A sandpit is 4 m long and 3 m wide. A wooden edge goes all the way around it. How long is "
                        "the edge?")[0] == 14
    assert shape_answer("A right triangle has legs of 5 cm and 12 cm. How long is its hypotenuse?")[0] == 13


def test_measures_read_their_units_as_the_problem_writes_them():
    got = {text: dim for _, dim, text in measures("A 40-litre tub, 8 m by 2 m, angles 30, 60 and 90 degrees, 81 square"
                                                  " metres, 25 litres per minute.")}
    assert got["8 m"] == {"m": 1} and got["81 square metres"] == {"m": 2}
    assert got["25 litres per minute"] == {"l": 1, "minute": -1} and got["30°"] == {"degree": 1}
    assert asked_dim("A pool is 9 m by 4 m. How much fencing goes around it?") == {"m": 1}


def test_no_shape_fact_is_named_where_the_problem_names_no_shape():
    assert measure_help("Sam has 14 marbles and gets 9 more. How many does he have now?") == ""


def test_a_condition_without_numbers_is_quoted_as_what_the_asked_quantity_depends_on():
    bags = reply_to("Leo has 12 pens and 30 pencils and wants matching packs with nothing left over. what is the "
                    "greatest number of packs he can make? stuck")
    assert bags["text"].startswith("The problem says \"wants matching packs with nothing left over.\"")
    assert "Start with the 12 pens" not in bags["text"]


def test_a_part_said_to_be_a_fraction_of_the_whole_is_never_taken_as_the_whole():
    # ("36 stamps, which is 1/4 of her collection": 36 is the part; 1/4 of 36 = 9 is no answer to confirm)
    pages = reply_to("Mina sold 36 stamps, which is 1/4 of her collection. How many stamps are in her collection? "
                     "36 / 4 = 9 stamps")
    assert not pages["text"].startswith("Yes") and "1/4 of 36" not in pages["text"]


def test_clock_times_taken_away_as_decimals_are_flagged_only_where_the_minutes_borrow():
    ride = reply_to("The ferry left at 6:40 and docked at 8:15. How long was the crossing? 8.15 - 6.40 = 1.75")
    assert ride["verdict"] == "flag" and "60 minutes, not 100" in ride["text"] and "Count on from 6:40" in ride["text"]
    fine = reply_to("The ferry left at 6:10 and docked at 8:35. How long was the crossing? 8.35 - 6.10 = 2.25")
    assert "60 minutes, not 100" not in fine["text"]
    # (9:45 written as 9.45 is the problem's 9:45, used: never "where does the 9:45 come in?")
    assert "come in" not in ride["text"]


def test_the_part_a_percent_names_offered_where_the_question_asks_for_the_rest_is_no_answer_yet():
    club = "A band has 60 members and 15% play drums. How many members do not play drums?"
    offered = reply_to(f"{club} 15% of 60 = 9 so 9 members")
    assert offered["verdict"] == "flag" and "not the answer" in offered["text"] and "51" not in offered["text"]
    step = reply_to(f"{club} 15% of 60 = 9")
    assert step["verdict"] == "confirm" and "not the answer" not in step["text"]


def test_a_right_answer_by_the_angle_sum_in_one_step_is_confirmed_never_asked_where_its_numbers_come_from():
    right = reply_to("Two angles of a triangle are 40° and 75°. What is the third? 180 - 115 = 65")
    assert right["verdict"] == "confirm" and right["text"].startswith("Yes, 65 is right!")
    halves = reply_to("Three angles of a quadrilateral are 100°, 70° and 80°. What is the fourth angle? 2 x 180 = 360")
    assert "come from" not in halves["text"] and "triangle add up to" not in halves["text"]
