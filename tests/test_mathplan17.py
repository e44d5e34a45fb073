"""Round 17: portions of an earlier amount (portion_patterns.py) and comparisons by a factor (factor_patterns.py),
on sentences written for these tests (not the round's probe set)."""
from fractions import Fraction

import solver
from diagnosis import diagnose
from factor_patterns import factor_compared
from portion_patterns import portions
from wordproblem import read_problem


def test_portions_of_the_start_then_of_what_was_left():
    p = solver.plan("Rosa had $90. She spent 1/3 of her money on a scarf and then 1/2 of what was left on a hat. "
                    "How much money does she have left?")
    assert p is not None and p.pattern == "portions" and p.answer == 30
    assert [s.value for s in p.steps] == [30, 60, 30, 30]
    assert p.steps[2].question == "What is 1/2 of the $60 left?"


def test_an_amount_taken_outright_between_portions():
    p = solver.plan("Kofi has $400. He spends $100 on a bike lock, and then spends a quarter of what is left on "
                    "a helmet. How much money does he have left?")
    assert p is not None and p.answer == 225


def test_the_remaining_and_a_non_unit_fraction():
    p = solver.plan("A baker made 90 rolls. She sold 2/3 of them in the morning and half of the remaining rolls "
                    "in the afternoon. How many rolls are left?")
    assert p is not None and p.answer == 15
    assert [s.op for s in p.steps[:2]] == ["/", "*"]   # 1/3 of 90 first, then 2 of those parts


def test_the_rest_named_by_the_question():
    assert solver.plan("A garden has 80 flowers. 1/4 of them are roses and the rest are tulips. How many tulips "
                       "are there?").answer == 60


def test_a_second_portion_of_the_start_is_not_read_as_of_the_remainder():
    read = read_problem("Rosa had $90. She spent 1/3 of her money on a scarf and 1/2 of her money on a hat. How "
                        "much money does she have left?")
    assert portions(read) is None


def test_a_question_about_the_part_taken_plans_no_remainder():
    read = read_problem("A garden has 80 flowers. 1/4 of them are roses and the rest are tulips. How many roses "
                        "are there?")
    assert portions(read) is None


def test_half_as_much_then_together():
    p = solver.plan("Omar has $30. His brother has half as much money as Omar. How much money do they have "
                    "altogether?")
    assert p is not None and p.pattern == "factor" and p.answer == 45


def test_times_as_long_asked_of_the_compared_one():
    p = solver.plan("A van is 6 m long. A bus is 3 times as long as the van. How long is the bus?")
    assert p is not None and p.answer == 18


def test_the_gap_after_a_factor():
    assert solver.plan("Tia has 7 pens. Her cousin has 4 times as many pens as Tia. How many more pens does her "
                       "cousin have than Tia?").answer == 21


def test_a_factor_of_someone_never_named_plans_nothing():
    read = read_problem("Omar has $30. His brother has 1/3 as much money as Ali. How much money do they have "
                        "altogether?")
    assert factor_compared(read) is None


def test_how_many_times_as_heavy_with_the_subject_after_the_verb():
    p = solver.plan("A horse weighs 500 kg. A goat weighs 50 kg. How many times as heavy as the goat is the horse?")
    assert p is not None and p.answer == Fraction(10)
    assert solver.plan("A horse weighs 500 kg. A goat weighs 50 kg. How many times as heavy as the horse is the "
                       "goat?") is None


def test_a_gap_asked_the_wrong_way_round_plans_nothing():
    assert solver.plan("Tia has 7 pens. Her cousin has 4 times as many pens as Tia. How many more pens does Tia "
                       "have than her cousin?") is None


def test_a_later_portion_taken_of_the_start_is_diagnosed_at_that_step():
    p = solver.plan("Rosa had $90. She spent 1/3 of her money on a scarf and then 1/2 of what was left on a hat. "
                    "How much money does she have left?")
    found = diagnose(p, "90 / 2 = 45")
    assert found.step == 2 and found.misconception == "portion_of_the_start"
    assert "$90" in found.question and "30" not in found.question   # never the answer


def test_the_fraction_bottom_taken_away_as_the_part():
    p = solver.plan("A cake has 12 pieces. Leo ate a third of the cake. How many pieces are left?")
    found = diagnose(p, "12 - 3 = 9")
    assert found.step == 0 and found.misconception == "bottom_as_part"


def test_half_as_much_doubled():
    p = solver.plan("Omar has $30. His brother has half as much money as Omar. How much money do they have "
                    "altogether?")
    assert diagnose(p, "30 x 2 = 60").misconception == "multiplied_by_the_bottom"


def test_a_percent_less_than_another_owners_amount():
    p = solver.plan("Nia's coat cost $80. Eva's coat cost 15% less than Nia's. How much did Eva's coat cost?")
    assert p is not None and p.answer == 68 and p.steps[0].kind == "percent"
    assert "Eva's coat" in p.steps[1].question


def test_a_percent_more_then_together():
    assert solver.plan("Raj has 60 cards. Lee has 25% more cards than Raj. How many cards do they have "
                       "altogether?").answer == 135


def test_half_of_what_another_earned_then_the_two_together():
    p = solver.plan("Mara earned $840. Lin earned half of what Mara earned. How much money did the two girls earn "
                    "together?")
    assert p is not None and p.answer == 1260


def test_birds_that_fly_away_are_taken_from_the_remainder():
    assert solver.plan("There are 48 pigeons in a square. A dog scares 1/4 of them away, and 1/3 of the remaining "
                       "birds fly to a roof. How many pigeons are left?").answer == 24


def test_money_given_to_the_owner_is_no_taking():
    read = read_problem("Ivy had $70. She spent 1/2 of her money on a game. Then her aunt gave her $15. How much "
                        "money does she have now?")
    assert portions(read) is None


def test_someone_elses_portion_is_not_the_owners():
    read = read_problem("Ivy had $70. Her brother spent 1/2 of his money on a game. How much money does Ivy have "
                        "left?")
    assert portions(read) is None


def test_what_the_receiver_has_is_not_what_is_left():
    for asked in ("Sam", "his sister"):
        read = read_problem(f"Tom had 40 marbles. He gave 1/4 of them to {asked}. How many marbles does {asked} "
                            f"have now?")
        assert portions(read) is None
