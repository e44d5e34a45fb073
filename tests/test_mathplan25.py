"""Round 21 of the planner (issue #22): two amounts at two rates until they are the same, a tax after a discount,
prices said apart from their counts, what is left over once full groups are made, the next score for a target mean
said alone, a question run on in one typed line. Sentences here are new (not fresh21.jsonl's)."""
from fractions import Fraction

import pytest

import solver
from typed import as_typed


def _plan(problem: str) -> solver.Plan:
    found = solver.plan(problem)
    assert found is not None, problem
    return found


def test_same_amount_one_loses_one_gains():
    found = _plan("Rosa has 90 stickers and gives away 4 a day. Ken has 30 stickers and gets 6 a day. After how many "
                  "days will they have the same number of stickers?")
    assert found.pattern == "same amount" and found.answer == 6 and found.unit == "days"
    assert [s.op for s in found.steps] == ["-", "+", "/"]   # the gap, closed from both sides each day
    assert "Rosa gives away 4" not in found.steps[1].question or "Ken gets 6" in found.steps[1].question
    assert all(str(s.value) not in s.question for s in found.steps)


def test_same_amount_both_gain_and_a_start_of_nothing():
    found = _plan("Club X costs $30 to join plus $5 a week. Club Y costs $8 a week and nothing to join. After how "
                  "many weeks do the two clubs cost the same?")
    assert found.answer == 10 and [s.op for s in found.steps] == ["-", "/"]
    assert "a gap of $30" in found.steps[-1].question


@pytest.mark.parametrize("problem", [
    # asks an amount, not when
    "Lia has 40 shells and finds 2 a day. Max has 10 shells and finds 5 a day. How many shells will each have when "
    "they have the same number?",
    # the one behind never catches up
    "Lia has 40 shells and finds 5 a day. Max has 10 shells and finds 2 a day. After how many days will they have "
    "the same number of shells?",
    # a pronoun is no second owner
    "Lia has 40 shells and finds 2 a day. She has 10 pebbles and finds 5 a day. After how many days will she have "
    "the same number of each?",
    # two time units
    "Lia has 40 shells and finds 2 a day. Max has 10 shells and finds 5 a week. After how many days will they have "
    "the same number of shells?",
])
def test_same_amount_abstains(problem):
    found = solver.plan(problem)
    assert found is None or found.pattern != "same amount"


def test_tax_after_a_discount_is_of_the_discounted_price():
    found = _plan("A lamp is $40. It is 25% off and there is 10% sales tax. How much does Omar pay?")
    assert found.answer == 33
    assert [s.value for s in found.steps] == [10, 30, 3, 33]


def test_prices_said_apart_from_their_counts():
    found = _plan("Apples are $1 and pears $2. Kim buys 5 apples and 3 pears and pays with a $20 bill. How much "
                  "change does she get?")
    assert found.pattern == "shopping" and found.answer == 9
    one = _plan("Owen buys 2 kites at $6 each and a spool of string for $3. How much does he spend?")
    assert one.answer == 15


def test_a_counted_price_is_of_them_all():
    assert _plan("4 mugs cost $20. How much does one mug cost?").answer == 5


def test_left_over_after_full_groups():
    found = _plan("Ali packs 100 pencils into boxes of 12. How many pencils are left over?")
    assert found.pattern == "leftover" and found.answer == 4
    assert [s.kind for s in found.steps[:2]] == ["quotient", "round_down"] and found.steps[1].value == 8
    made = _plan("A cook has 50 potatoes. Each pie uses 6 potatoes. She makes as many pies as she can. How many "
                 "potatoes are left?")
    assert made.answer == 2 and made.steps[1].question.startswith("Only a whole pie can be made")


def test_left_over_abstains_when_nothing_is_left():
    found = solver.plan("Ali packs 48 pencils into boxes of 12. How many pencils are left over?")
    assert found is None or found.pattern != "leftover"


def test_next_score_for_a_mean_said_alone():
    found = _plan("Jay scored 7, 9 and 8 on three quizzes. What does he need on the next quiz to have an average "
                  "of 8?")
    assert found.answer == 8 and found.steps[0].question == "What total over 4 quiz scores gives a mean of 8?"
    assert solver.plan("Jay scored 7, 9 and 8. What does he need on the 5th quiz to have an average of 8?") is None


def test_ratio_share_without_its_article():
    assert _plan("Divide 42 cards in ratio 2:5. How many cards are in the larger share?").answer == 30


def test_run_on_question_before_its_question_marks():
    assert as_typed("ann has 5 pens and gets 3 more how many pens does she have now??") == \
        "Ann has 5 pens and gets 3 more. How many pens does she have now?"
    said = "The price went from 40 to 50. By what percent did it rise?"
    assert as_typed(said) == said
    assert as_typed("what is 30 out of 40 as a percent?") == "What is 30 out of 40 as a percent?"
    assert _plan("sue has 40 cards and gets 2 a day, tim has 10 cards and gets 5 a day when will they have the "
                 "same??").answer == Fraction(10)


def test_each_before_the_verb_and_a_count_that_acts():
    found = _plan("The 5 scouts each sold 9 boxes of cookies. How many boxes did they sell in all?")
    assert found.answer == 45
    assert found.steps[0].question == "How many boxes is that for 5 scouts at 9 boxes each?"
    paid = _plan("7 cousins each paid $6 for the gift. How much did the gift cost in all?")
    assert paid.answer == 42 and "cost" not in paid.steps[0].question
    packed = _plan("Tom has 3 bags of 8 marbles. How many marbles does he have?")
    assert "is that for" not in packed.steps[0].question   # bags hold marbles, they do not act


def test_two_prices_of_one_thing_abstain():
    found = solver.plan("Red apples cost $2 and green apples cost $3. Mo buys 4 apples. How much does he pay?")
    assert found is None or found.pattern != "shopping"
