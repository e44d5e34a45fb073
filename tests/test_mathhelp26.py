"""Help requests that name their confusion and a student's direct "is it N?" (issue #22): minutes counted across a
whole hour, a count that passes 0, the base of a percent change, a fraction's two numbers named as "the 2 or the
5", a letter asked about as "what do I do with the x", a percent used as a whole number; an "is x = N?" typed on
after an equation, and a length offered bare for two clock times (confusion.py, confusion_reader.py,
clock_claims.length_offered, lesson.NEXT_EQUATION)."""
import pytest

import solver
from clock_claims import length_offered
from confusion import confusion_words
from confusion_reader import read
from lesson import split_problem
from tests.test_mathconf16 import reply_to


def _reply(problem: str, said: str) -> str:
    found = confusion_words(problem, solver.plan(problem), [], said)
    assert found is not None, (problem, said)
    return " ".join(found)


def test_minutes_that_do_not_take_away_are_counted_on_to_the_hour():
    reply = _reply("The train left at 10:55 and arrived at 12:20. How long was the trip?",
                   "20 take away 55 doesnt work")
    assert "passes 11:00" in reply and "from 10:55 to 11:00" in reply and "from 11:00 to 12:20" in reply
    assert "1 hour 25" not in reply and "85" not in reply


def test_minutes_that_take_away_fine_are_no_confusion_of_the_hour():
    problem = "The train left at 10:15 and arrived at 12:40. How long was the trip?"
    found = confusion_words(problem, solver.plan(problem), [], "i cant do 40 take away 15")
    assert found is None or "passes" not in " ".join(found)


def test_a_clock_time_with_minutes_past_60_is_turned_into_the_next_hour():
    reply = _reply("Soccer began at 5:50 pm and lasted 1 hour 25 minutes. What time did it end?",
                   "i got 6:75 but thats weird")
    assert "75 minutes past 6" in reply and "7:00" in reply and "7:15" not in reply


@pytest.mark.parametrize("problem, said, parts, hidden", [
    ("At midnight it was 3 degrees. By morning the temperature fell 9 degrees. What was the temperature in the "
     "morning?", "how is it less than zero", "first 3 of the 9", "-6"),
    ("A diver is at -12 meters and swims up 20 meters. Where is the diver now?", "confused by the negative",
     "first 12 of the 20", "8 m"),
])
def test_a_count_that_passes_zero_is_split_at_zero(problem, said, parts, hidden):
    reply = _reply(problem, said)
    assert parts in reply and hidden not in reply


def test_the_base_of_a_percent_change_is_the_amount_before_it():
    problem = "A plant grew from 40 cm to 50 cm. What is the percent increase?"
    reply = _reply(problem, "so the 10 is out of 40 or out of 50??")
    assert "before it: 40 cm" in reply and "25" not in reply
    assert "How much did it change" not in reply   # the change they named is theirs already


def test_the_two_numbers_of_a_fraction_named_by_themselves_are_told_apart():
    reply = _reply("2/5 of the 45 cars in the lot are red. How many cars are red?", "do i use the 2 or the 5 first")
    assert "5 equal parts" in reply and "take 2" in reply and "18" not in reply


@pytest.mark.parametrize("said, about", [
    ("what am i meant to do with the y", "y"),
    ("what do we do with the leftover", "leftover"),
])
def test_what_to_do_with_a_thing_asks_what_it_means(said, about):
    found = read(said)
    assert found is not None and found.kind == "meaning" and found.about == (about,)


def test_a_percent_used_as_a_whole_number_is_said_out_of_100():
    reply = _reply("A bike costs $150 and the tax is 6%. What is the tax?", "do i multiply 150 by 6")
    assert "6 out of every 100" in reply and "$9" not in reply


@pytest.mark.parametrize("message, work", [
    ("7m + 2 = 44 is m = 6?", "is m = 6?"),
    ("5k - 9 = 31 so k is 8?", "so k is 8?"),
])
def test_a_value_asked_after_an_equation_is_the_students(message, work):
    problem, theirs = split_problem(message)
    assert problem.startswith("Solve ") and theirs == work


def test_a_right_root_asked_after_an_equation_is_confirmed():
    reply = reply_to("7m + 2 = 44 is m = 6?")
    assert reply["text"].startswith("Yes") and reply.get("verdict") == "confirm"


def test_a_wrong_root_asked_after_an_equation_is_never_confirmed():
    reply = reply_to("5k - 9 = 31 is k = 4?")
    assert not reply["text"].startswith("Yes") and "right" not in reply["text"].lower().split(".")[0]


SPAN = "The bake sale opened at 9:40 and closed at 11:15. How long was it open?"


@pytest.mark.parametrize("work, verdict, kind", [
    ("is it 1 hr 35 min", "confirm", "final_right"),
    ("95 minutes?", "confirm", "final_right"),
    ("is it 20 minutes", "confirm", "part_done"),
    ("is it 1 hour 75 minutes", "flag", "final_wrong"),
    ("2 hours 35 min?", "flag", "final_wrong"),
])
def test_a_length_offered_bare_is_decided_by_the_two_times(work, verdict, kind):
    found = length_offered(SPAN, work)
    assert found is not None and (found[0], found[3]) == (verdict, kind)
    if verdict == "flag":
        assert "95" not in found[1] + found[2] and "1 hour 35" not in found[1] + found[2]
        assert "10:00" in found[2]


def test_a_length_with_working_is_left_to_the_steps_check():
    assert length_offered(SPAN, "9:40 to 10:00 is 20 min then 1 hr 15 min so 1 hr 35 min") is None


def test_a_length_question_told_bare_reaches_the_reply():
    reply = reply_to("the art class starts at 1:50 and ends at 3:05. how long is the class? is it 1 hour 15 min?")
    assert reply["text"].startswith("Yes, 1 hour 15 min is right")


def test_a_span_said_to_pass_the_hour_is_counted_in_two_parts():
    reply = _reply("The show started at 4:45 pm and finished at 6:10 pm. How long was the show?",
                   "how do i do it when it goes past the hour")
    assert "up to 5:00" in reply and "from 4:45 pm to 5:00" in reply and "85" not in reply


def test_which_number_divides_a_percent_change_is_the_start_without_a_plan():
    problem = "A phone cost $250 and now costs $200. By what percent did the price go down?"
    reply = _reply(problem, "what number do i divide by")
    assert "before it: $250" in reply and "20" not in reply.replace("$200", "")


def test_the_first_part_on_a_24_hour_clock_names_its_own_hour():
    found = length_offered("The bus left at 13:40 and arrived at 15:05. How long was the ride?", "is it 20 min")
    assert found is not None and found[3] == "part_done" and "from 14:00 to 15:05" in found[2]
