"""Round 16 (sciconf16): a science claim the textbook bears out by its content, clause by clause, is confirmed and the
student moved on; a wrong claim that shares words with a true fact is never borne out; a right answer is not taken for
a misconception of another scenario; "no" to "Is dissolving salt a chemical change?" denies the question's own
statement; a power written "^2" is no number of the problem."""
import pytest

from evidence import default_embedder
from science_catalog import match_misconception
from science_moves import on_scenario, science_move, yes_no_claim
from science_numbers import number_move, read_problem
from science_support import backing_fact, clauses, next_stage, says, why_said

EVAPORATION = "Evaporation: the Sun warms water in ponds and seas, and some of it turns into water vapour."
HEART = "The heart pumps blood around the body through the blood vessels."
FOOD_CHAIN = ("Only about a tenth of the energy at one level of a food chain passes on to the next level, so there "
              "are usually fewer animals at the top of a food chain.")


@pytest.fixture(scope="module")
def kb(science_kb):
    return science_kb


def test_a_claim_said_in_other_words_is_borne_out_by_the_fact_that_says_it():
    assert backing_fact("the Sun warms the pond and the water evaporates into water vapour",
                        "How does water in a pond end up in the clouds?", [EVAPORATION]) == EVAPORATION
    # each clause is said: the reason and its result both
    assert backing_fact("just a tenth of the energy at each level passes on to the next, so fewer animals can live at "
                        "the top", "Why do food chains have few top predators?", [FOOD_CHAIN]) == FOOD_CHAIN


@pytest.mark.parametrize("claim, question, fact", [
    ("the heart pumps air around the body", "What does the heart do?", HEART),  # one word swapped
    ("the Sun warms the pond and the water condenses into water vapour",  # the opposite process
     "How does water in a pond end up in the clouds?", EVAPORATION),
    ("the Earth is nearer to the Sun in summer", "Why are summer days warmer than winter days?",  # another season
     "The Earth is nearest to the Sun in early January, during winter in the northern hemisphere."),
    ("the heavier stone falls faster because gravity pulls on it",  # one clause borne out, the other not
     "Which stone lands first if both are dropped together?", "Gravity pulls on every object near the Earth."),
    ("just a tenth of the energy at each level passes on to the next, so more animals live at the top",
     "Why do food chains have few top predators?", FOOD_CHAIN),  # a short clause with the other comparison
    ("in the large intestine", "Where do digested nutrients pass into the blood?",  # a short answer a fact only names
     "The large intestine takes back water from what is left of the food."),
])
def test_a_wrong_claim_that_shares_words_with_a_fact_is_never_borne_out(claim, question, fact):
    assert backing_fact(claim, question, [fact]) is None


def test_the_clauses_are_split_where_a_reason_or_result_begins_without_their_leads():
    assert clauses("First the ice melts, so the puddle grows") == ["the ice melts", "the puddle grows"]


def test_the_question_words_a_clause_repeats_must_be_in_the_fact():
    assert not says("plants take their food from the soil through their roots", "Plants take in water from the soil "
                    "through their roots.", "Where do plants get their food?", default_embedder())


def test_the_fact_is_quoted_as_the_reason_only_when_it_adds_little():
    assert why_said("water evaporates when the Sun warms it", "How do puddles dry?",
                    "Water evaporates when the Sun warms it.").startswith("The textbook says the same:")
    assert why_said("the Sun warms the pond and the water evaporates into water vapour",
                    "How does water in a pond end up in the clouds?",
                    EVAPORATION + " The vapour rises, cools and condenses into droplets that form clouds.") == ""


def test_a_stage_of_a_process_is_followed_by_the_next_stage():
    assert "stage by stage" in next_stage("x", "How does a seed become a tree?")
    assert next_stage("x", "Why is the sky blue?") is None


def test_a_right_stage_of_a_process_is_confirmed_and_the_next_stage_asked(kb):
    move = science_move("How does water from a lake end up falling as rain?",
                        "First the Sun heats the lake and the water evaporates into water vapour", kb)
    # science_stages.py (round 18) credits the stage and asks for the next one by its own question
    assert move.verdict == "supported" and move.text.startswith("Yes: evaporation, the first stage."), move.text
    assert "What happens to the water vapour as it rises and cools?" in move.text


def test_the_opposite_stage_is_not_confirmed(kb):
    move = science_move("How does water from a lake end up falling as rain?",
                        "the Sun heats the lake and the water condenses into water vapour", kb)
    assert move.verdict != "supported", move.text


def test_a_right_reason_is_no_misconception_of_another_scenario():
    question = "Why do food chains rarely have more than five levels?"
    claim = "because energy is lost at every level"
    found = match_misconception(claim, question)
    assert found is None or on_scenario(found, None, question, claim) is None  # "lost at every level" is no loss
    # on its own scenario the misconception still meets its observation
    rolled = "A toy car rolls along the floor and stops. What happened to its energy?"
    assert on_scenario(match_misconception("its energy was destroyed", rolled), None, rolled,
                       "its energy was destroyed") is not None


def test_no_to_a_question_with_a_long_subject_denies_the_question_statement():
    assert yes_no_claim("no", "Is dissolving salt in water a chemical change?") == \
        "dissolving salt in water is not a chemical change"
    assert yes_no_claim("yes", "Is the Moon a planet?") == "the Moon is a planet"
    assert yes_no_claim("no", "Are spiders insects?") == "spiders are not insects"
    # an article after a preposition opens the subject's own object, not the predicate
    assert yes_no_claim("no", "Is the water going into the pipe faster than the water coming out?") == \
        "the water is not going into the pipe faster than the water coming out"


def test_a_power_written_with_a_caret_is_no_number_of_the_problem():
    reading = read_problem("A 500 kg boat speeds at 3 m/s^2, what force acts on it?")
    assert reading is not None and reading.formula.topic == "force"
    assert number_move("A 500 kg boat speeds at 3 m/s^2, what force acts on it?", "1500 N").verdict == "confirm"
