"""Round 22 (mathask22): a help request's own question answered from the plan (asked_forms.py): a proposed shortcut
judged against the plan's step on its numbers (a first step, another operation, growth on growth), either of two
divisors chosen by meaning, a fact of units confirmed only when true and built on, x named as the asked unknown,
which operation comes first, equal groups or two amounts, a decimal or percent taken apart; and the two crashes
(a percent's amount with a word, a unit change whose count equals the unit's size)."""
from asked_forms import asked_form, without_known
from lesson import plan_of
from tests.test_mathconf16 import lesson, reply_to


def form(problem: str, said: str) -> tuple[str, str] | None:
    return asked_form(problem, plan_of(problem), [], said)


def test_a_first_step_proposed_as_the_answer_is_a_first_step_and_the_next_one_is_not_given():
    problem = "A lamp costs $60. It is on sale for 30% off. What is the sale price?"
    lead, question = form(problem, "is it just 30% of 60")
    assert "first step" in lead and "sale price" in question
    assert "18" not in f"{lead} {question}" and "42" not in f"{lead} {question}"


def test_two_percent_changes_do_not_add():
    problem = "A school had 500 students. The number grew 20% one year and then 20% the next year. How many " \
              "students after 2 years?"
    lead, question = form(problem, "is it just 40% of 500")
    assert "not of 500 students again" in lead and "40%" in lead
    assert question == "How many students are there after the first 20% change?"


def test_adding_proposed_for_equal_groups_is_asked_as_groups():
    problem = "A garden has 14 rows with 9 carrots in each row. How many carrots are in the garden?"
    lead, question = form(problem, "is it 14 plus 9")
    assert "14 rows with 9 carrots each" in question and "equal groups" in question
    assert "126" not in f"{lead} {question}"


def test_a_percent_divided_by_its_number_is_said_to_be_a_part():
    problem = "A meal costs $60. Sara leaves a 20% tip. How much is the tip?"
    lead, _ = form(problem, "is it 60 divided by 20")
    assert "20 out of every 100" in lead and "12" not in lead


def test_square_of_a_side_for_a_perimeter_counts_the_inside():
    problem = "A square rug is 8 feet on each side. What is the perimeter of the rug?"
    lead, _ = form(problem, "is it just 8 times 8")
    assert "inside" in lead and "around" in lead


def test_either_divisor_of_a_percent_change_is_asked_by_the_start():
    problem = "A shop sold 500 games in May and 420 games in June. What is the percent decrease?"
    lead, question = form(problem, "do i divide by 420 or 500")
    assert "before the change" in lead and "started with" in question and "16" not in question


def test_both_orders_of_a_division_ask_which_is_the_whole():
    problem = "A box of 6 donuts costs $9. How much does one donut cost?"
    lead, question = form(problem, "do i divide 9 by 6 or 6 by 9")
    assert "whole amount" in lead and "$9" in question and "1.5" not in question


def test_a_true_unit_fact_is_built_on_and_a_false_one_never_confirmed():
    problem = "A bike ride lasts 2.5 hours. How many minutes is the ride?"
    lead, question = form(problem, "i know an hour is 60 mins but the decimal")
    assert lead == "60 minutes in an hour." and "half an hour" in question and "150" not in question
    assert form(problem, "i know 1 hour is 100 minutes but im stuck") is None or \
        "100" not in form(problem, "i know 1 hour is 100 minutes but im stuck")[0]


def test_a_unit_fact_is_no_claim_of_theirs():
    assert without_known("i know 1 foot is 12 inches but what now").strip() == "but what now"
    assert without_known("i know 3 x 4 = 12 but what now") == "i know 3 x 4 = 12 but what now"


def test_x_is_the_asked_unknown():
    problem = "Ben is 5 years younger than three times his cousin's age. Ben is 31. How old is his cousin?"
    lead, question = form(problem, "ok i need an equation but what should x be")
    assert "his cousin's age" in lead and "5 years younger than three times" in question


def test_which_operation_first_follows_the_plan():
    problem = "Mo scored 70, 85 and 91 on three quizzes. What is his mean score?"
    lead, _ = form(problem, "which first, the add or divide")
    assert lead.startswith("The dividing in this problem works on what the adding gives you")


def test_a_named_decimal_is_taken_apart_on_its_step():
    problem = "Nia had $15. She spent $6.40 on lunch. How much money does she have left?"
    lead, question = form(problem, "the .40 is confusing me")
    assert lead == "$6.40 is 6 dollars and 40 cents." and "$15" in question and "8.6" not in question


def test_two_ten_percent_rises_and_a_three_yard_ribbon_no_longer_crash():
    rise = reply_to("A farm had 3000 chickens. The flock grew 10% the first year and 10% the second year. How many "
                    "chickens after 2 years? is it just 20% of 3000")
    assert "went wrong" not in rise["text"] and "3630" not in rise["text"]
    rope = reply_to("A rope is 3 yards long. How many feet long is the rope? i know 1 yard is 3 feet")
    assert "went wrong" not in rope["text"] and "9" not in rope["text"]


def test_multiplying_at_a_unit_rate_on_the_way_is_not_said_to_be_wrong():
    scaled = reply_to("A soup recipe uses 4 cups of water for 3 bowls. How many cups of water for 12 bowls? do i "
                      "multiply the 4 by 4")
    assert "does not fit" not in scaled["text"]
    per_one = reply_to("A pump fills 40 liters in 5 minutes. How many liters in 1 minute? do i multiply 40 by 5")
    assert per_one["text"].startswith("Multiplying does not fit this step.")


def test_a_bare_help_request_hears_what_the_first_step_is_for_once():
    first, second = lesson(["A jacket costs $70. It is on sale for 10% off. What is the sale price? im so lost",
                            "still lost"])
    assert first["text"].startswith("The sale price is the starting amount with the percent taken off")
    assert "7" not in first["text"].replace("$70", "") and "taken off" not in second["text"]


def test_why_an_average_needs_its_total_and_a_rate_its_one_unit():
    mean = reply_to("Lia ran 3 km, 5 km and 4 km on three days. What is the mean distance she ran? help")
    assert mean["text"].startswith("An average shares the total evenly")
    rate = reply_to("A printer prints 84 pages in 4 minutes. How many pages does it print in 9 minutes? help")
    assert rate["text"].startswith("Once you know the pages for 1 minute") and "21" not in rate["text"]


def test_a_times_as_much_step_is_not_called_a_total():
    reply = reply_to("A jar held 900 ml of oil. Ana used 120 ml on Monday and three times as much on Tuesday. How "
                     "much oil is left? help")
    assert "in all" not in reply["text"]


def test_times_as_many_is_no_equal_groups_and_one_and_a_half_hours_reads_right():
    problem = "Jo has 12 stickers. Max has 3 times as many as Jo. How many stickers does Max have?"
    found = form(problem, "do i add or times")
    assert found is None or "with 3 times each" not in found[1]
    lead, question = form("A show is 1.5 hours long. How many minutes long is it?", "i know an hour is 60 mins")
    assert question.startswith("1.5 hours is 1 hour and half an hour") and "90" not in question


def test_a_decimal_count_is_not_taken_for_the_size_of_a_lot():
    lead, question = form("A car goes 60 miles per hour for 2.5 hours. How far does it go?", "the 2.5 confuses me")
    assert lead == "2.5 hours is 2 hours and half an hour more." and "lots of 2 hours" not in question
    lead, question = form("Ravi walks 1.5 km every day. How far does he walk in 4 days?", "the 1.5 is confusing")
    assert question == "What are 4 lots of 1 km, and 4 halves of a km?"


def test_either_amount_of_a_proportion_scaled_asks_which_grows():
    lead, question = form("A car uses 4 liters of gas for 50 km. How many liters for 150 km?",
                          "do i times the 4 or the 50 by 3")
    assert lead == "150 km is 3 times 50 km." and question.endswith("what has to happen to the 4 liters?")
    assert form("A car uses 4 liters of gas for 50 km. How many liters for 150 km?",
                "do i times the 4 or the 50 by 2") is None or "2 times" not in form(
        "A car uses 4 liters of gas for 50 km. How many liters for 150 km?", "do i times the 4 or the 50 by 2")[0]


def test_adding_the_edges_of_a_box_is_met_with_what_volume_counts():
    reply = reply_to("A box is 6 cm long, 2 cm wide and 5 cm tall. What is its volume? do i add them all")
    assert "cubes that fill the box" in reply["text"] and "60" not in reply["text"]
