"""Round 21 (sciright21): right science answers in everyday words are confirmed with the fact behind them, wrong ones
are not. A question typed without its "?" ("y does X. bc Y") splits from the answer after it; a denial inside a
condition that takes something away ("if there were no wolves ...") is no denial of a fact about the world as it is;
a misconception whose words the claim denies is not stated; a card whose idea the claim says confirms it though the
question's first card speaks of another scenario; a short claim is borne out only in the fact's order."""
import pytest

import student_message
from evidence import asserted, conflicts
from lesson import split_problem
from science_catalog import match_misconception
from science_moves import follow_up, science_move, what_if
from science_support import order_kept


@pytest.fixture(scope="module")
def kb(science_kb):
    return science_kb


def test_a_question_without_its_mark_splits_from_the_answer_after_it():
    assert split_problem("y do leaves change color in fall. bc the green chlorophyll breaks down") == (
        "y do leaves change color in fall.", "bc the green chlorophyll breaks down")
    assert split_problem("magnet sticks to the fridge door why. the door has iron in it") == (
        "magnet sticks to the fridge door why.", "the door has iron in it")
    assert split_problem("salt in the ice on the road what happens. it melts faster") == (
        "salt in the ice on the road what happens.", "it melts faster")


def test_a_statement_or_the_students_own_words_stay_whole():
    told = "When the bell rang, the class left. Tom stayed behind."
    assert split_problem(told) == (told, "")
    assert not student_message.unmarked_question(["how I did it.", "I added the two forces."])
    assert not student_message.unmarked_question(["why do cats purr?", "they are happy"])   # it has its mark


def test_chat_why_asks_only_before_a_helping_word():
    assert student_message.ASKS.search("y does a compass point north")
    assert not student_message.ASKS.search("y = 3x + 2")


def test_a_denial_inside_a_condition_is_no_denial_of_the_fact():
    fact = "Wolves hunt deer, so when there are many wolves the deer population falls."
    assert not conflicts("if there were no wolves the deer would multiply because nothing hunts them", fact)
    assert conflicts("wolves do not hunt deer", fact)
    assert asserted("heat spreads out, if there was no air it would stay") == "heat spreads out, "
    # a fact about that other world is read whole, the claim too
    assert conflicts("without air a feather does not fall as fast as a coin",
                     "Without air, a feather and a coin fall as fast as each other.")


def test_a_misconception_the_claim_denies_is_not_stated():
    assert match_misconception("the moon has no air so you cant hear anything there") is None
    assert match_misconception("you can hear sound in space it just gets quiet").name == \
        "sound travels through empty space"
    assert match_misconception("a mushroom is a plant") is not None   # "plant" holds no "n't"


def test_a_short_claim_is_borne_out_only_in_the_facts_order():
    assert order_kept("the ice turns to water", "Ice, a solid, melts into water when it warms up.")
    assert not order_kept("the water turns to ice", "Ice, a solid, melts into water when it warms up.")


def test_everyday_right_answers_are_confirmed_and_their_reversals_are_not(kb):
    melted = science_move("ice cube left in a warm kitchen what happens.", "the ice turns to water bc its warm", kb)
    assert melted.verdict == "supported" and "melts into water" in melted.text, melted.text   # the fact behind it
    shadow = science_move("why does a lamp post have a shadow.", "bc light cant go thru the post so it blocks it", kb)
    assert shadow.verdict == "supported" and shadow.text.startswith("Yes:"), shadow.text
    frozen = science_move("ice cube left in a warm kitchen what happens.", "the water turns to ice bc its warm", kb)
    assert frozen.verdict != "supported" and not frozen.text.startswith("Yes"), frozen.text


def test_a_right_answer_on_another_cards_scenario_is_confirmed_with_that_cards_next_question(kb):
    move = science_move("y do u shiver when wind blows on ur wet arms.",
                        "the water evaporates and takes heat from ur skin", kb)
    assert move.verdict == "supported" and move.text.startswith("Yes:"), move.text
    assert "?" in move.text.split("Yes:")[1]
    space = science_move("why cant people on the moon hear a rocket land?", "the moon has no air so sound cant travel",
                         kb)
    assert space.verdict == "supported", space.text


def test_a_confirmed_reason_is_followed_by_its_condition_turned_round():
    assert what_if("the paint dries fast bc its hot outside") == "What would happen if it were cold instead, and why?"
    assert what_if("it evaporates because the sun heats it") is None   # no condition to turn round
    assert follow_up("the mud cracks because its dry", "mud in the garden what happens.") != \
        "Where else have you seen the same thing happen?"


def test_a_retold_what_happens_to_a_thing_asks():
    assert split_problem("sugar in hot tea what happens to the sugar. it dissolves faster") == (
        "sugar in hot tea what happens to the sugar.", "it dissolves faster")
