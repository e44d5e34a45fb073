"""Review 21 (issue #20, behaviour unchanged): one table of chat spellings (text_words), the move without a plan
reading the text it is given, and a claim pressed by "X, right?" reaching the work in agent._follow_problem."""
import agent
import lesson
import math_moves
import retold
import unplanned_moves
from escalate import checked_claims
from meaning_match import unfound
from text_words import CHAT_WORDS, spelled_out


def test_one_table_of_chat_spellings_serves_the_planner_the_science_judge_and_the_passage_check():
    assert spelled_out("the ppl are waiting bc the bus didnt come") == "the people are waiting because the bus did not come"
    assert spelled_out("it made a u-turn b/c the road was shut") == "it made a u-turn because the road was shut"
    # the planner reads science_support's spellings ("thru"), and its own shorthand ("broke", "tot") still
    assert retold.normalised("a bus goes thru 3 towns and picks up 12 ppl in each, how many ppl r on it") == \
        "A bus goes through 3 towns and picks up 12 people in each. How many people are on it?"
    assert retold.normalised("7 chairs were broke and the rest, 20, r fine. how many chairs tot") == \
        "7 chairs were broken. The rest, 20, are fine. How many chairs total?"
    assert {"ppl", "thru", "lowkey", "cause"} <= CHAT_WORDS   # spellings and fillers: how a student writes
    assert unfound(["ppl", "barn"], ["The farmer fed the goats at dawn."], "the ppl in the barn") == ["barn"]


def test_a_move_without_a_plan_reads_the_told_apart_story_and_leaves_the_lesson_as_typed():
    typed = "a van has 15 seats and 8 kids got on how many seats are still empty"
    state = lesson.Lesson(problem=typed)
    move = unplanned_moves.move_without_plan(state, math_moves.claims("15 - 8 = 7"), [7], "15 - 8 = 7")
    assert move.lead == "The arithmetic is right: 15 − 8 = 7."
    assert state.problem == typed


def test_a_claim_asked_to_be_checked_before_chat_is_the_work():
    asked = "metal is a bad conductor of heat, right?"
    assert checked_claims(asked, "its for my quiz tmrw", "science") == asked
    assert checked_claims(asked, "bc it feels cold", "science") == ""   # their own reason is the work already
    assert checked_claims(asked, "", "science") == ""
    assert checked_claims("Why do pans get hot?", "its for my quiz tmrw", "science") == ""   # nothing to check
    assert checked_claims("5 x 7 = 36, right?", "need it for hw", "math") == ""   # retold.claim_apart's


def test_a_wrong_claim_asked_to_be_checked_before_chat_is_flagged():
    facts = lesson.Facts(["Objects of different mass fall at the same rate when air resistance is very small."])
    tutor = agent.Tutor(lambda *a, **k: iter([""]), knowledge=lambda: facts)
    events = list(tutor.respond("r21", "heavy things fall faster than light things, right? its for my quiz tmrw",
                                subject="science"))
    assert events[-1]["verdict"] == "flag", events[-1]
    assert "quiz" not in events[-1]["text"]
