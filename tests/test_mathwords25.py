"""Arithmetic said in words read as the claims the checker checks, clock times checked exactly, and working typed
straight after a retold question split off (helper mathwords25). Sentences here are not the probe set's."""
from fractions import Fraction

from arithmetic_claims import claims, unused_quantities, with_start_amount
from clock_claims import borrowed_hundred, clock_steps, elapsed_answer, minutes_of
from lesson import split_problem
from spoken_arithmetic import plain_nouns
from story_changes import Change, moved_question


def shown(text: str) -> list[str]:
    return [f"{c}{'' if c.right else ' WRONG'}" for c in claims(text)]


def test_nouns_and_units_around_an_operation_are_read():
    assert shown("7 pens and 5 pens is 12 pens, times 3 = 36") == ["7 + 5 = 12", "12 × 3 = 36"]
    assert shown("90 minus the 12 rotten ones so 78 left") == ["90 − 12 = 78"]
    assert shown("50 take away 18 leaves 32") == ["50 − 18 = 32"]


def test_a_unit_written_with_a_slash_is_no_division():
    assert plain_nouns("it flies 30 mi/h") == "it flies 30 mi/h"
    assert plain_nouns("120 miles / 3 hours is 40") == "120 / 3 is 40"


def test_and_after_a_result_is_no_sum():
    assert shown("6 lots of 7 is 42 and 60 minus 42 is 18") == ["6 × 7 = 42", "60 − 42 = 18"]
    assert shown("i did 70+64+90=224 and 224/3 = 74.7") == ["70 + 64 + 90 = 224", "224/3 = 74.7"]


def test_double_and_an_eighth():
    assert shown("double 35 is 70") == ["2 × 35 = 70"]
    assert shown("an eighth of 64 is 8, times 5 is 40") == ["1/8 × 64 = 8", "8 × 5 = 40"]


def test_take_away_goes_on_from_the_last_result():
    assert shown("40 take away 9 is 31 and take away 6 more is 25") == ["40 − 9 = 31", "31 − 6 = 25"]


def test_cents_in_a_sum_said_in_dollars_is_checked():
    assert shown("120 stamps times 5 cents is 0.60") == ["120 × 0.05 = 0.60 WRONG"]
    assert shown("120 stamps times 5 cents is 6.00") == ["120 × 0.05 = 6.00"]


def test_a_conversion_keeps_its_units():
    assert [str(c) for c in claims("1.5 hours = 90 minutes")] == ["1.5 × 60 = 90"]


def test_clock_times_are_never_arithmetic():
    assert claims("8:40 + 3 = 11:40") == []


def test_time_gone_by_and_time_moved_on_checked_exactly():
    steps = clock_steps("2:35 to 3:00 is 25 min, 3 to 4 is an hour, then 4 to 4:10 is 10 min")
    assert [(s.expression, s.stated == s.true) for s in steps] == [
        ("2:35 to 3:00", True), ("3 to 4", True), ("4 to 4:10", True)]
    moved = clock_steps("8:20 plus an hour is 9:20, plus 50 mins is 9:10")
    assert [(s.expression, s.stated == s.true) for s in moved] == [("8:20 + an hour", True), ("9:20 + 50 mins", False)]
    assert shown("11:45 + 30 min is 12:15") == ["11:45 + 30 min = 12:15"]
    assert shown("7:50 - 6:25 = 1 hr 35 min") == ["7:50 − 6:25 = 1 hr 35 min WRONG"]


def test_lengths_of_time_in_words():
    assert minutes_of("2 hrs 5 min") == 125 and minutes_of("half an hour") == 30 and minutes_of("an hour") == 60


def test_a_clock_time_used_is_no_unused_quantity():
    given = [(Fraction(505), "8:25 am"), (Fraction(40), "40 minutes")]
    assert unused_quantities(given, "8:25 plus 40 min is 9:05") == []


def test_working_typed_after_a_retold_question_is_the_students():
    head, work = split_problem("a farmer has 84 eggs and packs them 12 to a box how many boxes 84 in 12s is 7 boxes")
    assert work == "84 in 12s is 7 boxes" and head.endswith("how many boxes")
    head, work = split_problem("a game is $80 and its 15% off whats the new price 15% of 80 is 12 so 68")
    assert work.startswith("15% of 80 is 12")


def test_a_question_closed_by_a_full_stop_keeps_all_the_working_after_it():
    # main's other cuts read these; cutting inside the working put "first" or a digit step into the problem
    problem, work = split_problem("jo has 5 packs of 6 cards and gives away 4 how many left. first 5 lots of 6 is 30 then")
    assert problem.endswith("how many left.") and work.startswith("first 5 lots")
    problem, work = split_problem("kai had 42 shells and lost 17. how many left. 2 take away 7 cant so 7 take away 2 is 5 so 35")
    assert problem.endswith("how many left.") and work.startswith("2 take away 7")


def test_a_time_between_two_clock_times_is_confirmed_only_when_every_step_and_the_total_are_exact():
    problem = "The game starts at 6:50 pm and ends at 8:15 pm. How long is the game?"
    said, steps = elapsed_answer(problem, "6:50 to 7:00 is 10 min, 7 to 8 is an hour, 8 to 8:15 is 15 min so 1 hr 25 min")
    assert said == "1 hr 25 min" and len(steps) == 3
    assert elapsed_answer(problem, "6:50 to 7:00 is 10 min, 7 to 8 is an hour, 8 to 8:15 is 15 min so 1 hr 35 min") \
        is None   # a wrong total
    assert elapsed_answer(problem, "6:50 to 7:00 is 10 min, 7 to 8:15 is 1 hr 15 min") is None   # no total said yet
    assert elapsed_answer(problem, "7:00 to 8:00 is an hour so 1 hr") is None   # not from the start time
    assert elapsed_answer("It starts at 6:50 and ends at 8:15. They left 20 minutes early. How long were they out?",
                          "6:50 to 8:15 is 1 hr 25 min") is None   # another number to count


def test_times_taken_away_like_ordinary_numbers_are_named_without_the_answer():
    lead, question = borrowed_hundred("Art club runs from 2:50 to 4:05. How long is art club?", "its 1 hr 55 min")
    assert "100 minutes" in lead and "1 hr 15" not in lead + question and question.startswith("How long")
    assert borrowed_hundred("Art club runs from 2:50 to 4:05. How long is art club?", "its 1 hr 15 min") is None


def test_places_said_in_words_are_a_division():
    assert shown("3200 m is 3.2 thousands so 3.2 times 4 is 12.8") == ["3200 ÷ 1000 = 3.2", "3.2 × 4 = 12.8"]


def test_a_story_clause_is_said_without_the_question_run_on_into_it():
    problem = "22 birds sit on a wire, 6 fly away and 4 more land how many now"
    change = Change(Fraction(4), 1, "land", "4 more land how many now", "birds")
    assert moved_question(problem, change) == "4 more land: does that make more, or fewer?"


def test_an_operation_typed_first_starts_from_the_one_given_number_that_makes_its_result():
    problem = "Ravi picked 64 apples. 7 were bruised so he threw them away. He packs the rest in bags of 3."
    assert shown(with_start_amount("minus the 7 bad ones so 57 left", problem)) == ["64 − 7 = 57"]
    assert with_start_amount("minus 7 is 50", problem) == "minus 7 is 50"   # no given number makes 50
    head, work = split_problem("ravi picked 64 apples and 7 were bruised, he packs the rest in bags of 3 how many bags "
                               "take away the 7 bruised ones leaves 57, then i divide?")
    assert work.startswith("take away the 7 bruised") and head.endswith("how many bags")
