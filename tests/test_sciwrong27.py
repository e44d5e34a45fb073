"""Session 23, science wrong ideas met with evidence, not frames: the card or catalogued wrong idea nearest a claim by
meaning (science_nearest) where the fallback would say a frame, and a yes/no answer read as the statement it goes on
to make about the question's subject (science_said.subject_said). Sentences are new: none is in probes27/sciwrong27 or the tune split."""
from pathlib import Path

import pytest

from evidence import KnowledgeBase, default_embedder, openbook_facts
from science_nearest import claim_card, claim_misconception, nearest_card_move
from science_said import polar_subject, subject_said
from science_moves import science_move

FIXTURES = Path(__file__).parent / "fixtures"
FRAMES = ("Check the link", "What have you seen, read or tried", "as a chain", "The textbook does not agree",
          "Your idea:")


@pytest.fixture(scope="module")
def embedder():
    return default_embedder()


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.build(openbook_facts(FIXTURES / "evidence"))


def test_a_wrong_idea_with_its_question_meets_the_nearest_cards_test(embedder):
    """"the leaves pile up and never go away" names no card pattern's wrong words, yet the question and the claim
    read together as the decomposers card: its opening is the test, about the scene's own things."""
    card = claim_card("the old leaves pile up and never go away", "where do fallen leaves go in a wood?", embedder)
    assert card is not None and card.topic == "decomposers"
    move = nearest_card_move("the old leaves pile up and never go away", "where do fallen leaves go in a wood?",
                             "unclear", embedder)
    assert move is not None and move.kind == "card" and move.text == card.opening


def test_no_card_without_a_question_or_an_encoder(embedder):
    """A claim alone names less of its scenario ("the ice turns into water" could answer anything): it needs a card
    nearer than one sent with its question; without the encoder nothing is read by meaning and the caller's own move
    stands."""
    assert claim_card("B because the water turns to steam", "B because the water turns to steam", embedder) is None
    assert claim_card("the ice turns into water", "the ice turns into water", embedder) is None
    assert claim_card("the ground drinks them up", "why do puddles disappear on sunny days?", None) is None
    assert claim_misconception("the ground drinks them up", "why do puddles disappear on sunny days?", None) is None


def test_a_puddle_soaked_away_meets_the_evaporation_card(embedder):
    card = claim_card("the ground drinks them up", "why do puddles disappear on sunny days?", embedder)
    assert card is not None and card.topic == "evaporation"


def test_a_right_idea_never_takes_the_cards_test(embedder):
    """The card's idea said in the student's words ("tiny living things like fungi rot them into the soil") is right
    work: no card is put to it."""
    assert claim_card("fungi and bacteria rot them down into the soil", "where do fallen leaves go in a wood?",
                      embedder) is None


def test_a_card_for_another_kind_of_answer_is_not_taken(embedder):
    """"Is the Moon a planet?" asks no kind of thing; a card whose example asks which planet leads to a planet's name,
    whatever its words share."""
    assert claim_card("the moon is the smallest planet", "is the moon a planet?", embedder) is None


def test_a_catalogued_idea_needs_enough_words_and_a_question(embedder):
    assert claim_misconception("it vanishes", "where does candle wax go?", embedder) is None  # too few words


@pytest.mark.parametrize("question, subject", [
    ("Is a virus alive?", "a virus"),
    ("Do fish need oxygen?", "fish"),
    ("Is the Moon a star?", "the Moon"),
    ("Can penguins fly?", "penguins"),
])
def test_the_subject_of_a_yes_no_question(question, subject):
    assert polar_subject(question) == subject


def test_a_yes_or_no_goes_on_as_a_statement_about_the_subject():
    assert subject_said("nah its not living, its just a dry lump", "Is a virus alive?") == \
        "a virus is not living, its just a dry lump"
    assert subject_said("no fish only breathe water", "Do fish need oxygen?") == "fish only breathe water"
    assert subject_said("yeah they're like tiny animals", "Are germs alive?") == "germs are like tiny animals"
    # no answering word, or a statement about something else: kept as it is
    assert subject_said("fish only breathe water", "Do fish need oxygen?") == "fish only breathe water"
    assert subject_said("no only birds need it", "Do fish need oxygen?") == "no only birds need it"
    assert subject_said("no", "Do fish need oxygen?") == "no"


def test_a_denied_seed_is_met_with_the_catalogs_test(kb, embedder):
    """"nah its dead, its just a hard little pebble" to "Is a bean seed alive?" says a bean seed is not alive: the
    catalog's test of that idea, not a frame around the student's words."""
    move = science_move("Is a seed alive?", "nah its not alive, its just a hard little pebble", kb,
                        embedder=embedder)
    assert move.kind == "misconception" and not any(frame in move.text for frame in FRAMES)
    assert "seed" in move.text.lower()
