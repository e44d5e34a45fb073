"""Round 15 (math15b): math without a plan. What the checker can verify is confirmed or flagged at the step (an
expression expanded, an equation's root put back, numbers kept to a sum and a gap, a unit's size, a decimal said as a
percent); a help request gets a first step in this problem's own quantities."""
import re

import agent
import arithmetic_claims
import mathcheck
import problem_text


def silent(*_, **__):
    yield ""


def reply_to(message: str) -> dict:
    return list(agent.Tutor(silent).respond("s", message, "math"))[-1]


def test_an_expanded_bracket_that_is_right_is_confirmed_with_a_recap():
    reply = reply_to("Expand 6(y - 2). My answer is 6y - 12.")
    assert reply["verdict"] == "confirm" and reply["text"].startswith("Yes, 6y − 12 is right!")
    assert "similar problem" in reply["text"]


def test_a_bracket_multiplied_into_its_first_term_only_is_named_at_that_step():
    reply = reply_to("Expand 4(n + 9). I think it is 4n + 9.")
    assert reply["verdict"] == "flag" and "the 4 has multiplied only the n" in reply["text"]
    assert "What does the 4 do to the 9 inside the bracket?" in reply["text"] and "36" not in reply["text"]


def test_a_simplified_expression_with_a_wrong_number_term_is_pointed_at_that_term():
    reply = reply_to("Simplify 9k + 4 - 3k + 5. I got 6k + 1.")
    assert reply["verdict"] == "flag" and "check the number term" in reply["text"] and "6k + 9" not in reply["text"]


def test_like_terms_left_apart_are_right_so_far_never_the_answer():
    reply = reply_to("Simplify 2(5p + 1) - 3p. I got 10p + 2 - 3p")
    assert reply["verdict"] == "confirm" and "Which of its terms can be put together?" in reply["text"]
    assert "7p" not in reply["text"]


def test_an_equation_root_is_put_back_into_the_equation():
    right = reply_to("Solve 5(2k + 1) = 3k + 26. I got k = 3.")
    assert right["verdict"] == "confirm" and "3 is right" in right["text"]  # the planner's own recap
    wrong = reply_to("Solve 5(2k + 1) = 3k + 26. I got k = 5.")
    assert wrong["verdict"] == "flag" and "with k = 5, 5(2k + 1) is 55, but 3k + 26 is 41" in wrong["text"]
    assert "k = 3" not in wrong["text"]


def test_a_help_request_on_an_unplanned_equation_starts_at_its_bracket_or_its_letters():
    bracket = reply_to("Solve 3(2w + 4) = 2w + 28. I don't know how to begin.")
    assert "3(2w + 4)" in bracket["text"] and "14" not in bracket["text"]
    both = reply_to("Solve 9m - 4 = 5m + 12. where do i start")
    assert "9m" in both["text"] and "m = 4" not in both["text"]


def test_numbers_that_keep_a_sum_and_a_gap_are_confirmed_and_a_broken_gap_is_said():
    right = reply_to("Two numbers add up to 52 and their difference is 14. What are they? 33 and 19")
    assert right["verdict"] == "confirm" and "33 + 19 = 52" in right["text"] and "33 − 19 = 14" in right["text"]
    wrong = reply_to("Two numbers add up to 52 and their difference is 14. What are they? I said 32 and 20.")
    assert wrong["verdict"] == "flag" and "32 − 20 is 12, not 14" in wrong["text"] and "33" not in wrong["text"]


def test_consecutive_numbers_are_checked_and_asked_from_the_smallest():
    assert reply_to("The sum of four consecutive whole numbers is 54. Find them. 12, 13, 14 and 15")["verdict"] \
        == "confirm"
    helped = reply_to("The sum of three consecutive even numbers is 66. Find the numbers. no clue")
    assert "Call the smallest number n" in helped["text"] and "even numbers" in helped["text"]
    assert problem_text.stated_conditions("Sam has 12 pens and the sum is 20. How many?") is None


def test_a_change_of_unit_by_another_units_size_is_flagged():
    reply = reply_to("Convert 3 hours to minutes. I did 3 × 100 = 300 minutes.")
    assert reply["verdict"] == "flag" and "100" in reply["text"]
    assert "how many minutes make 1 hour?" in reply["text"].lower()


def test_a_worked_out_measure_changed_into_the_wrong_unit_is_flagged():
    reply = reply_to("A lap is 400 m. Jo runs 6 laps. How many kilometers does she run? 6 × 400 = 2400 m, which is "
                     "24 km.")
    assert reply["verdict"] == "flag" and "Check 2400 m, which is 24 km." in reply["text"]


def test_a_decimal_said_as_the_wrong_percent_is_flagged():
    reply = reply_to("A quiz has 25 questions and Lee got 18 right. What percent is that? 18/25 = 0.72 so 7.2%")
    assert reply["verdict"] == "flag" and "Check 0.72 as a percent: it is not 7.2%." in reply["text"]


def test_help_first_steps_name_this_problems_quantities():
    fraction = reply_to("A farm has 45 sheep and 2/9 of them are black. How many sheep are black? help")
    assert re.search(r"What is 1/9 of (?:the )?45 sheep", fraction["text"])
    units = reply_to("A jug holds 3 liters. A glass holds 250 mL. How many glasses can the jug fill? stuck")
    assert "different units" in units["text"] and "How many mL is 3 liters?" in units["text"]
    clock = reply_to("The bus left at 8:50 and got in at 14:05. How long was the ride? help me")
    assert "how many minutes is it to 9:00, and how long from 9:00 to 14:05?" in clock["text"]


def test_an_area_answer_in_square_units_is_read_as_the_answer():
    found = arithmetic_claims.results("48 square feet.", [])
    assert found == [48]


def test_a_diagnosis_of_an_operation_the_work_never_did_is_not_said():
    assert not arithmetic_claims.true_of_work("You divided 4 by 20.", "I did 20 + 1 = 21.", "4:5 and 20 red.")
    assert arithmetic_claims.true_of_work("You divided 4 by 20.", "4 / 20 = 0.2", "4:5 and 20 red.")


def test_the_checker_reads_a_bracket_slip_and_a_root_put_back():
    slipped = mathcheck.first_term_only("5(a - 2)")
    assert slipped[0] == mathcheck.parse_math("5a - 2")[0] and slipped[1:4] == ("5", "a", "2")
    assert mathcheck.sides_at("Solve 4x + 1 = 2x + 9.", 4)[1::2] == (17, 17)


def test_a_change_of_unit_without_a_plan_is_confirmed_or_flagged_at_the_units_size():
    right = reply_to("A concert lasts 1.5 hours. How many minutes is that? 90 minutes")
    assert right["verdict"] == "confirm" and "1.5 × 60 = 90" in right["text"]
    wrong = reply_to("A concert lasts 1.5 hours. How many minutes is that? I got 150 minutes")
    assert wrong["verdict"] == "flag" and "how many minutes make 1 hour?" in wrong["text"].lower() and \
        "90" not in wrong["text"]


def test_a_fraction_or_percent_of_a_whole_is_checked_without_a_plan():
    right = reply_to("A library has 90 books on a cart and 4/9 of them are novels. How many are novels? 40")
    assert right["verdict"] == "confirm" and re.search(r"4/9 of 90 books = 40|90 ÷ 9 = 10, then 10 × 4 = 40",
                                                       right["text"])
    part = reply_to("A library has 90 books on a cart and 4/9 of them are novels. How many are novels? 90 ÷ 9 = 10")
    assert part["verdict"] == "confirm" and "1/9 of 90 books" in part["text"] and "40" not in part["text"]
    top = reply_to("A library has 90 books on a cart and 4/9 of them are novels. How many are novels? 90 ÷ 4 = 22.5")
    assert top["verdict"] != "confirm" and re.search(r"dividing by 4|divided 90 by 4", top["text"])  # the slip named
    percent = reply_to("Max has 60 marbles and 25% of them are blue. How many are blue? 25")
    assert percent["verdict"] == "flag" and "60 marbles" in percent["text"] and "15" not in percent["text"]
    # a question about the other part is not the fraction's part: nothing is claimed
    assert problem_text.exact_answer("A club has 40 kids and 3/8 of them are boys. How many girls are there?") is None


def test_more_first_steps_in_the_problems_own_quantities():
    percent = reply_to("A coat was $180. In a sale the price fell by 30% and later rose by 5%. What is the price "
                       "now? I need help")
    assert "What is 10% of $180, and how can that help you find 30% of it?" in percent["text"]
    part = reply_to("A box has 9 green and 6 yellow pens. What fraction of the pens are yellow? help")
    assert "How many pens are there in all, and how many of them are yellow?" in part["text"]
    # "1/3 of the rest" is no fraction of the whole the problem counts: never split that whole by it
    rest = reply_to("A farmer had 90 eggs, sold 2/5 of them and used 1/3 of the rest. How many eggs are left? help")
    assert "Split the 90 eggs into 3" not in rest["text"]


def test_a_lone_fraction_in_a_word_problem_is_no_exercise():
    assert problem_text.exercise_in("There are 40 students in a club and 3/8 of them play chess. How many?") is None
    assert problem_text.exercise_in("Simplify 6/8.").group() == "6/8"


def test_a_change_of_unit_asked_for_help_starts_from_one_unit():
    reply = reply_to("Convert 7.5 km to meters. I don't get it")
    assert "How many meters are in 1 km?" in reply["text"] and "7500" not in reply["text"]
    money = reply_to("Two friends split a bill of $48.80 plus a 20% tip. How much does each pay? help")
    assert "What is 10% of $48.80, and how" in money["text"] and "plus," not in money["text"]


def test_checks_that_must_never_reject_a_right_answer():
    # "3/4 of them are white and the rest are black": the fraction's part is not the part asked
    assert problem_text.exact_answer("A farm has 120 sheep. 3/4 of them are white and the rest are black. How many "
                                     "are black?") is None
    # 7 × 12 of "7 hours a day for 12 days" multiplies two given numbers, no unit's size
    hours = reply_to("Kim trains 7 hours a day for 12 days. How many hours does she train? 7 × 12 = 84")
    assert "Check the 7" not in hours["text"]
    # "12.5 so 12.5%" is a percent already; claims run together never break the reply
    hats = reply_to("A shop sold 5 of its 40 caps. What percent of the caps did it sell? 5/40 = 0.125, × 100 = 12.5 "
                    "so 12.5%")
    assert hats["verdict"] != "flag" and "went wrong" not in hats["text"]
    # a quadratic's root is not the only one: no substitution verdict
    assert mathcheck.sides_at("Solve x² = 64.", 8) is None
