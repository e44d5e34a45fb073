"""Round 17 (mathwrong17): the student is wrong. Without a plan, the known shapes of a wrong step that the problem's
own text proves (step_rules.known_slip, time_slip, fraction_slip) are asked about at that step, never at a right
one; right arithmetic on the wrong amount is never called right; an answer in the wrong unit is never confirmed, and
the right one after a change of unit is (answer_check._unit_changed, measure_kinds._in_asked_unit)."""
import re

import mathcheck
from measure_kinds import shape_answer
from tests.test_mathconf16 import lesson, reply_to


def test_decimal_hours_read_as_minutes_are_flagged_at_that_change():
    reply = reply_to("A drone flies 20 km per hour. How many minutes does it take to fly 15 km? "
                     "15 / 20 = 0.75 so 75 minutes")
    assert reply["verdict"] == "flag" and "0.75 hours as 75 minutes" in reply["text"]
    assert "minutes are in" in reply["text"] and "45" not in reply["text"]


def test_hours_and_minutes_written_as_a_decimal_are_flagged():
    reply = reply_to("A cyclist rides 84 km in 3 hours 30 minutes. What is her average speed in km per hour? "
                     "3 hours 30 minutes = 3.30 hours, 84 / 3.30 = 25.45")
    assert reply["verdict"] == "flag" and "30 minutes is not 0.30 of an hour" in reply["text"]


def test_a_fraction_of_the_rest_taken_of_the_whole_is_asked_at_that_step():
    problem = "Omar had 48 stickers. He gave 1/3 of them to Ben and then 1/4 of the rest to Ivy. " \
              "How many stickers did Ivy get?"
    reply = reply_to(f"{problem} 48 / 3 = 16 and 48 / 4 = 12 so Ivy got 12")
    # the faulty step named (1/4 taken of all 48), the portion said to be of what was left, that amount asked
    assert reply["verdict"] == "flag" and "1/4 of all 48 stickers" in reply["text"]
    assert "of what was left" in reply["text"] and "left after he gave 1/3" in reply["text"]
    assert "48 ÷ 3 = 16" not in reply["text"] and "is right" not in reply["text"] and "32" not in reply["text"]


def test_the_second_percent_of_the_starting_price_is_asked_at_that_step():
    problem = "A bike costs $300. The price is cut 10%, and then the sale price is cut another 10%. " \
              "What is the final price?"
    reply = reply_to(f"{problem} 10% of 300 is 30, 300 - 30 = 270, 270 - 30 = 240")
    assert reply["verdict"] == "flag" and "270" in reply["text"] and "300" in reply["text"]   # plan or not


def test_percents_added_for_two_changes_are_flagged():
    reply = reply_to("A pond had 400 fish. The number of fish rose 5% in May and then 5% in June. How many fish "
                     "were there at the end of June? 5% + 5% = 10%, 400 x 1.1 = 440 fish")
    assert reply["verdict"] == "flag" and "Adding 5% and 5%" in reply["text"]


def test_a_total_divided_by_the_difference_of_a_ratio_is_asked_about_all_the_parts():
    reply = reply_to("Kim and Lou split $96 in the ratio 5:3. How much more money does Kim get than Lou? "
                     "5 - 3 = 2, 96 / 2 = 48")
    assert reply["verdict"] == "flag" and "96 ÷ 2 = 48" in reply["text"] and "altogether" in reply["text"]
    assert "5 − 3 = 2" not in reply["text"]


def test_a_square_unit_changed_by_the_length_unit_is_flagged_and_the_right_change_confirmed():
    problem = "A table top is 80 cm by 50 cm. What is its area in square meters?"
    assert shape_answer(problem)[0] == mathcheck.Fraction(4, 10)
    turns = lesson([f"{problem} 80 x 50 = 4000 square cm, 4000 / 100 = 40 square meters",
                    "80 x 50 = 4000 square cm.", "4000 / 10000 = 0.4, so it is 0.4 square meters."])
    assert turns[0]["verdict"] == "flag" and "square meter is 100 centimeters long" in turns[0]["text"]
    assert turns[1]["verdict"] != "confirm" or not turns[1]["text"].startswith("Yes")
    assert turns[2]["text"].startswith("Yes, 0.4 is right")


def test_unlike_denominators_added_top_and_bottom_get_a_handle():
    reply = reply_to("A jar has 1/6 cup of oil and Jo adds 2/3 cup more. How much oil is in the jar now? "
                     "1/6 + 2/3 = 3/9 cup")
    assert reply["verdict"] == "flag" and "tops" in reply["text"] and "bottom" in reply["text"]
    assert "5/6" not in reply["text"]
    # without a plan too: what they did, then the pieces' sizes
    alone = reply_to("A board is 3/8 m thick and a mat is 1/5 m thick. How thick are they together? 3/8 + 1/5 = 4/13 m")
    assert alone["verdict"] == "flag" and "tops and the bottoms" in alone["text"] and "denominator" in alone["text"]


def test_a_step_in_hours_is_no_answer_in_minutes_and_the_changed_one_is():
    problem = "A snail crawls 2 m per hour. How many minutes does it take to crawl 3 m?"
    turns = lesson([f"{problem} 3 / 2 = 1.5 so 150 minutes", "Hours for 3 m: 3 / 2 = 1.5.",
                    "1.5 * 60 = 90, so the answer is 90 minutes."])
    assert not turns[1]["text"].startswith("Yes, 1.5")
    assert turns[2]["text"].startswith("Yes, 90 minutes is right")


def test_a_length_in_a_unit_is_no_algebra_term():
    assert mathcheck.algebra_exercise("A pipe is 3/4 m long and another is 1/3 m long. How long are they?") is None
    turns = lesson(["A pipe is 3/4 m long and another is 1/3 m long. How long are they together? 3/4 + 1/3 = 4/7 m",
                    "3/4 + 1/3 = 13/12, so they are 13/12 m long together."])
    assert turns[1]["verdict"] == "confirm" and "term" not in turns[1]["text"]


def test_more_than_the_wrong_way_round_is_asked_who_has_more_and_the_right_way_confirmed():
    problem = "Rosa has 61 beads. She has 24 more beads than Nell. How many beads does Nell have?"
    turns = lesson([f"{problem} 61 + 24 = 85 beads", "61 - 24 = 37, so Nell has 37 beads."])
    assert turns[0]["verdict"] == "flag" and "who has more beads, Rosa or Nell" in turns[0]["text"]
    assert turns[1]["text"].startswith("Yes, 37 is right")


def test_a_gap_added_to_one_count_is_no_total_of_both():
    reply = reply_to("Rosa has 61 beads. She has 24 more beads than Nell. How many beads do Rosa and Nell have "
                     "together? 61 + 24 = 85 beads")
    assert not reply["text"].startswith("Yes")


def test_a_broken_sign_rule_is_asked_with_the_signs_of_that_product():
    reply = reply_to("Work out (-2) x (-9) + 4. (-2) x (-9) = -18, -18 + 4 = -14")
    assert reply["verdict"] == "flag" and "(−2) × (−9)" in reply["text"]
    # planned ("x" read as times) or not, the sign rule of that product is asked, never its value
    assert re.search(r"a negative number times a negative one|two negative numbers", reply["text"]) \
        and "22" not in reply["text"] and not re.search(r"(?<![-\d])18\b", reply["text"])


def test_grams_changed_to_kilograms_by_a_hundred_are_flagged_at_that_step():
    reply = reply_to("A farm bag holds 1250 g of seed. A farmer buys 6 bags. How many kilograms of seed is that? "
                     "1250 x 6 = 7500, 7500 / 100 = 75 kg")
    assert reply["verdict"] == "flag" and "Check the 100 in 7500 ÷ 100 = 75" in reply["text"]
    assert "How many g make 1 kilogram?" in reply["text"]
