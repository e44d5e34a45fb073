"""Round 16: word problems as students type them (lower case, a run-on question without '?', names without
capitals), read by the planner's general machinery (typed.py, question reading, side remarks), and precision kept."""
from fractions import Fraction

import lesson
import solver
from typed import as_typed


def answer(problem: str) -> Fraction | None:
    found = solver.plan(problem)
    return found.answer if found else None


def test_a_run_on_question_is_set_apart_and_planned():
    assert answer("kim had $30 she spent $12 on a hat how much money does she have left") == 18
    assert as_typed("the scores were 70, 80 and 90 what is the mean") == \
        "The scores were 70, 80 and 90. What is the mean?"


def test_lower_case_names_and_the_other_owner_of_how_many_more():
    assert answer("rosa has 52 shells and tim has 37. how many fewer shells does tim have") == 15
    assert as_typed("rosa has 52 shells and tim has 37.").startswith("Rosa has 52 shells and Tim has 37")


def test_things_and_variables_are_not_capitalised_as_names():
    typed = as_typed("water fills a tank at 5 liters per minute. the tank holds 100 liters of water")
    assert "liters of water" in typed
    assert as_typed("x/3 + 2 = 7 find x").startswith("x/3 + 2 = 7. Find x")


def test_sides_said_with_by():
    assert answer("a garden is 9 m by 6 m what is its area") == 54


def test_how_many_with_the_verb_of_them():
    assert answer("there are 60 kids at camp and 25% of them swim. how many swim") == 15


def test_a_container_of_things_never_named_again():
    assert answer("a box of 12 pens costs $4. how much do 7 boxes cost") == 28
    assert answer("A box of 12 pens costs $4. How much does one pen cost?") in (None, Fraction(1, 3))


def test_how_much_do_they_weigh_in_the_story_unit():
    assert answer("a sack of flour weighs 1.5 kg. how much do 4 sacks weigh") == 6


def test_the_amount_needed_to_fill_a_part_full_tank_is_never_the_part_in_it():
    assert answer("A barrel holds 60 liters. It is 2/3 full. How many liters are needed to fill it?") in (None, 20)
    assert answer("A barrel holds 60 liters. It is 2/3 full. How many liters of water are in the barrel?") == 40


def test_work_typed_on_after_the_question_is_the_students():
    problem, work = lesson.split_problem("a bus has 40 seats and 23 are taken how many are empty i got 40 + 23 = 63")
    assert work.startswith("i got 40 + 23 = 63") and lesson.plan_of(problem).answer == 17


def test_a_plea_typed_on_after_the_question_is_the_students():
    problem, words = lesson.split_problem("sam had 40 stickers and gave 12 to his sister. how many does he have now i "
                                          "am so lost")
    assert words == "i am so lost" and lesson.plan_of(problem).answer == 28
    assert lesson.split_problem("i had 12 cards and gave 5 away how many do i have")[1] == ""


def test_a_sentence_that_starts_at_its_noun_and_a_price_asked_without_its_verb():
    assert answer("notebook costs $3. how many notebooks can you buy with $21") == 7
    assert answer("hat is $14 and scarf is $9, how much for both") == 23
    assert as_typed("ben has 30 cards, tom has 12.").startswith("Ben has 30 cards, Tom has 12")


def test_a_named_share_of_a_ratio_and_a_clock_trip_that_gets_there():
    found = solver.plan("Leo and Mia share 48 stickers in the ratio 5:3. How many stickers does Mia get?")
    assert found is not None and found.answer == 18
    assert answer("Leo and Mia share $48 in the ratio 5:3. How much does Leo get?") == 30
    assert answer("the train leaves at 7:40 and gets there at 8:25. how many minutes is the trip") == 45


def test_a_part_of_the_whole_said_without_of_them_and_the_other_part_asked():
    assert answer("a club has 60 members, 3/5 are girls. how many boys") == 24
    assert answer("there are 80 pets and 25% are cats how many are not cats") == 60


def test_a_bill_said_in_the_question_is_undone_to_the_count():
    assert answer("a bike rental is $5 plus $3 per hour. how many hours can you ride for $20") == 5


def test_short_forms_students_type():
    assert answer("nina swims 3 km every day. how many km in 3 wks") == 63
    assert answer("its 5 degrees and the temp drops 9 degrees, whats the temp now") == -4
    assert "hours" in as_typed("he works 6 hrs a day")
