"""Session 15 lead fixes: what counts as the student's claim (student_message.extract_claim), a hedge that is no
trait, and no rate or unplanned route that multiplies workers the wrong way."""
from fractions import Fraction

import pytest

import answer_check
from lesson import plan_of
from meaning_match import unfound
from student_message import extract_claim
from traits import trait_move, trait_named

NO_CLAIM = [  # the student about themselves, or asking on: nothing to quote back as "your idea"
    ("why did the fox hide? i went over it three times and still dont get it", "Why did the fox hide?"),
    ("what did grandpa build. i read that part but i forgot", "What did Grandpa build?"),
    ("im really bad at maps. what does the legend show", "What does the map's legend show?"),
    ("i keep confusing weathering and erosion. which one moves the rock", "Which process moves rock pieces away?"),
    ("i have to finish this before dinner. why do metals conduct heat", "Why do metals conduct heat?"),
    ("how do bats find food in the dark? and how do they not crash", "How do bats find food at night?"),
    ("which part of the cell makes energy?? not the nucleus?", "Which part of the cell releases energy?"),
]
CLAIMS = [  # the student's idea, freed from the plea or question around it
    ("i know roots take in water but what else do they do", "What do roots do?", "roots take in water"),
    ("i get that the wax melts but then where does it go", "Where does a candle's wax go?", "the wax melts"),
    ("just answer yes or no, bigger magnets are always stronger right?", "Are bigger magnets always stronger?",
     "bigger magnets are always stronger"),
    ("please, just confirm it, whales are fish right?", "What kind of animal is a whale?", "whales are fish"),
    ("i always thought the sun gets closer in summer", "Why is summer warmer?", "sun gets closer in summer"),
    ("i remember the hut had a red door", "What did the hut look like?", "red door"),
]


@pytest.mark.parametrize("message,question", NO_CLAIM)
def test_talk_about_oneself_or_a_further_question_is_no_claim(message: str, question: str) -> None:
    assert extract_claim(message, question) is None


@pytest.mark.parametrize("message,question,claim", CLAIMS)
def test_the_claim_is_kept_without_its_plea(message: str, question: str, claim: str) -> None:
    got = extract_claim(message, question)
    assert got and claim in got.lower() and "?" not in got and "confirm" not in got


def test_a_hedge_is_not_the_trait_kind() -> None:
    """"kind of mean" names mean: read as "kind", a mean answer was asked to show kindness, the story's trait."""
    assert trait_named("she is kind of bossy") == trait_named("she is bossy") != trait_named("she is kind")
    assert "kind?" not in trait_move("hes sort of selfish because he kept the ball", "What kind of friend is Leo?",
                                     ["Leo kept the ball all recess.", "Nobody else got a turn."], None)


@pytest.mark.parametrize("problem,days_before", [("9 builders finish a shed in 4 days, how many days for 12 builders", 4),
                                                 ("It takes 5 cooks 3 hours to make the feast. how many hours for 10 cooks",
                                                  3)])
def test_more_workers_are_never_a_rate_of_time_per_worker(problem: str, days_before: int) -> None:
    """A rate of days per worker multiplies the wrong way (more workers, more days): a wrong plan endorses a wrong
    answer, so the planner plans it as shared work or not at all."""
    plan = plan_of(problem)
    assert plan is None or plan.answer < days_before


@pytest.mark.parametrize("problem,answer", [("A loom weaves 12 scarves in 4 hours. How many hours to weave 21 scarves?", 7),
                                            ("Mo paints 6 posts in 2 days. How many days to paint 15 posts?", 5)])
def test_time_per_thing_made_is_still_a_rate(problem: str, answer: int) -> None:
    assert plan_of(problem).answer == answer


def test_a_right_looking_route_for_more_workers_is_not_confirmed_without_a_plan() -> None:
    """"6 x 12 / 8 = 9 days" has right arithmetic and the units of the answer, yet more volunteers need fewer days:
    units cannot tell the direct route from the inverse one, so the answer is never called right."""
    problem = "10 helpers pack the boxes in 3 hours, how many hours for 15 helpers"
    assert answer_check.chain_answer(problem, ["3 x 15 / 10 = 4.5"], [Fraction(9, 2)], "3 x 15 / 10 = 4.5 hours") is None
    pump = "A pump moves 96 litres in 4 minutes. At that rate how many litres does it move in 7 minutes?"
    assert answer_check.chain_answer(pump, ["96 / 4 = 24", "24 x 7 = 168"], [Fraction(168)], "96 / 4 = 24, 24 x 7 = 168")


def test_a_students_chat_spelling_is_never_said_to_be_missing_from_the_passage() -> None:
    lines = ["The old dog slept by the stove.", "Nobody could wake him before noon."]
    assert unfound(["bc", "cuz", "theyre", "kennel"], lines, "bc cuz theyre in the kennel") == ["kennel"]
