"""Session 21, science question -> card routing (science_catalog.route_card / near_card) and the card's opening in the
question's own things (science_moves.scene_card). Sentences are new: none is in probes25/scisem25 or the tune split."""
from pathlib import Path

import pytest

from evidence import KnowledgeBase, default_embedder, key_terms, openbook_facts
from science_catalog import CARDS, CLAIM_COSINE, match_card, names_card_terms, near_card, route_card
from lesson import split_problem
from science_moves import science_move

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def embedder():
    return default_embedder()


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.build(openbook_facts(FIXTURES / "evidence"))


def card(topic: str):
    return next(c for c in CARDS if c.topic == topic)


def test_a_question_no_pattern_takes_finds_its_card_by_meaning(embedder):
    """"what happens to a puddle when the sun comes out" names no pattern's words, yet asks the evaporation card's
    question; the route takes it only through the encoder."""
    question = "what happens to a puddle when the sun comes out"
    assert match_card(question, key_terms(question)) is None
    routed = route_card(question, key_terms(question), embedder, question)
    assert routed is not None and routed.topic == "evaporation"
    assert route_card(question, key_terms(question), None) is None  # no encoder: the patterns alone


@pytest.mark.parametrize("question", [
    "how do mountains of fire get made",  # nearest: how mountains form, under the threshold
    "why is it colder at the top of a mountain",  # nearest: breathing at altitude
    "why do we need to drink water",  # nearest: plants drinking
    "how do plants get bigger",  # nearest: plants growing toward light
    "Why do water droplets form on the outside of a glass of ice water?",  # nearest: why ice floats, at 0.66
])
def test_a_near_miss_routes_to_no_card_by_meaning(question, embedder):
    assert near_card(question, embedder) is None


def test_a_question_between_two_cards_takes_neither():
    """Close to two cards at once (stars in the daytime, darkness between the stars): the margin keeps both out."""
    assert near_card("why do stars come out only at night", default_embedder()) is None


def test_the_guard_wants_one_of_the_cards_own_scenario_words():
    assert names_card_terms("why do our hands pump out sweat", card("sweating"))
    assert not names_card_terms("why do our hands get sticky in gym class", card("sweating"))
    assert names_card_terms("how does the heart push blood", card("how the heart moves blood"))  # a synonym: move


def test_options_to_pick_from_keep_a_near_card_out(embedder):
    """A question that lists options is worked through its options, which no card's opening knows."""
    whole = "Which one is a gas at room temperature? A. iron B. oxygen C. wood D. ice"
    asked = "Which one is a gas at room temperature?"
    assert route_card(asked, key_terms(asked), embedder, whole) in (None, match_card(asked, key_terms(asked)))
    assert near_card("Which of these would float in water?", embedder) is None


def test_a_claim_takes_a_card_by_meaning_only_where_it_restates_the_cards_question(kb):
    """A stuck student is asked the card's opening at 0.70; an answer is judged by a card's answers only where the
    question restates the card's own (0.85), so no claim is confirmed on a card beside its question."""
    question = "what happens to a puddle when the sun comes out"
    assert science_move(question, None, kb).kind == "card"
    assert route_card(question, key_terms(question), default_embedder(), question, CLAIM_COSINE) is None


def test_each_cards_own_question_is_found_by_meaning_on_its_own_card(embedder):
    """Asked without its pattern, a card's example question finds that same card by meaning, never another one; a
    few sit too near a sibling card (the margin) and find none."""
    found = {c.topic: near_card(c.example_question, embedder) for c in CARDS}
    assert all(near is None or near.topic == topic for topic, near in found.items())
    assert sum(near is not None for near in found.values()) >= 0.9 * len(CARDS)


def test_a_stuck_student_is_asked_about_their_own_animals(kb):
    """The predator card's opening names foxes and rabbits; a question about owls and mice hears owls and mice."""
    move = science_move("what would happen to the mice on a farm if the owls all disappeared? no clue", None, kb)
    assert move.kind == "card" and "Owls eat mice" in move.text and "fox" not in move.text.lower()
    assert "rabbit" not in move.text.lower()


@pytest.mark.parametrize("message, problem, theirs", [
    ("how does the heart help the body", "how does the heart help the body", ""),  # "help" is the question's verb
    ("what do worms do to help plants grow", "what do worms do to help plants grow", ""),
    ("how do plants grow help me", "how do plants grow.", "help me"),  # a plea typed on after the question
    ("what is the area of the room help", "what is the area of the room.", "help"),
])
def test_help_inside_a_question_is_its_verb_and_a_plea_after_it_is_theirs(message, problem, theirs):
    assert split_problem(message) == (problem, theirs)
