"""Round 25 (sciright25): a science claim weighed against its card's key by meaning. A claim the card's patterns take
is confirmed only with a margin over the card's wrong example (a near miss is neither confirmed nor flagged), one
they miss that reads as the wrong example is flagged, a right link of the answer is confirmed as one part; an
accepted answer's own reason must be borne out before it is said back with "Yes"; a misconception pattern reads the
claim without chat stress and with its bare reason led by "because"; "no it ..." is a "no" that answers."""
import pytest

from evidence import default_embedder
from science_catalog import CARDS, card_verdict, match_misconception, own_words, plain_claim
from science_choices import card_of_choice
from science_moves import science_move
from science_support import reason_doubted, weighed_verdict

CARD = {card.topic: card for card in CARDS}


@pytest.fixture(scope="module")
def kb(science_kb):
    return science_kb


@pytest.fixture(scope="module")
def embedder():
    return default_embedder()


def test_a_claim_reading_as_the_wrong_example_is_wrong_though_the_patterns_miss_it(embedder):
    card = CARD["why ice floats"]
    claim = "ice is heavier than water but it floats anyway"
    assert card_verdict(card, claim) is None
    assert weighed_verdict(card, claim, "Why does an ice cube float?", None, embedder) == "wrong"
    water = CARD["desert adaptations"]  # the card's clue word ("water") in the wrong idea: no part of the answer
    said = "the hump is like a big water tank it drinks from"
    assert weighed_verdict(water, said, "How does a camel survive in the desert?", card_verdict(water, said),
                           embedder) == "wrong"


def test_a_claim_denying_what_the_wrong_example_affirms_is_never_wrong_by_meaning(embedder):
    card = CARD["metals a magnet does not pick up"]  # the encoder reads past the "not" of the student's claim
    for claim in ("magnets do not attract copper", "a fridge magnet won't pull on a silver spoon"):
        said = weighed_verdict(card, claim, "Does a magnet attract every metal?", card_verdict(card, claim), embedder)
        assert said != "wrong", claim


def test_a_right_link_is_a_step_and_a_right_answer_stays_right(embedder):
    static = CARD["static electricity"]
    said = "rubbing the balloon moves charges onto it"
    assert card_verdict(static, said) == "partial"
    assert weighed_verdict(static, said, "Why does a rubbed balloon stick to a wall?", "partial", embedder) == "step"
    rust = CARD["rusting"]
    said = "the iron reacts with oxygen and water in the air"
    assert weighed_verdict(rust, said, "Why does a bike chain rust?", card_verdict(rust, said), embedder) == "right"
    assert weighed_verdict(rust, "it's damp", "Why does a bike chain rust?", "partial", embedder) == "partial"


def test_a_wrong_reason_for_a_right_answer_is_never_said_back_with_yes(kb, embedder):
    question = "Is toasting bread a physical or chemical change?"
    move = science_move(question, "chemical because it gets crunchy", kb)
    assert move.verdict == "unclear" and not move.text.startswith("Yes")
    assert move.text.startswith("Chemical is the answer.") and '"it gets crunchy"' in move.text
    held = science_move("Is melting chocolate a physical or chemical change?",
                        "physical because you can cool it and it goes solid again", kb)
    assert held.verdict == "supported"
    card = CARD["whales are mammals"]  # the card's patterns are reasons: a fact judges the answer, the card the reason
    assert reason_doubted(card, "a mammal bc it swims in the sea", "Is a porpoise a fish or a mammal?", embedder,
                          head_right=True)
    assert reason_doubted(card, "a mammal because it breathes air", "Is a porpoise a fish or a mammal?", embedder,
                          head_right=True) is None
    assert reason_doubted(card, "no because it breathes air", "Is a porpoise a fish?", embedder) is None


def test_a_misconception_pattern_reads_the_plain_claim():
    question = "a bowling ball and a marble are dropped with no air, which hits the floor first?"
    assert plain_claim("the bowling ball obviously, its so much heavier") == "the bowling ball because its heavier"
    found = match_misconception("the bowling ball obviously, its so much heavier", question)
    assert found is not None and found.name == "heavier objects fall faster"
    assert match_misconception("the marble, its round", question) is None
    assert match_misconception("neither, it's not heavier that matters", question) is None


def test_a_no_before_its_subject_answers_and_the_nudge_is_no_part_of_the_answer(kb):
    card = CARD["mass when something melts"]
    assert card_verdict(card, "no it stays the same weight") == "right"
    assert card_verdict(card, "no the mass stays the same") == "right"
    move = science_move("Does a snowman get lighter when it melts?", "no it stays the same weight", kb)
    assert move.verdict == "supported" and move.text.startswith("That's right: no it stays")
    assert own_words("like i said, the moon reflects sunlight") == "the moon reflects sunlight"
    assert own_words("i already told u, it evaporates") == "it evaporates"
    pasted = science_move("Is rusting a physical or chemical change?", "explain chemical because new substances are made",
                          kb)
    assert pasted.verdict == "supported" and "explain" not in pasted.text.lower()


def test_a_choice_is_judged_by_the_card_its_own_statement_takes():
    question = "Which of these is a consumer?"
    assert [card_of_choice(question, c) for c in ["an oak tree", "a deer", "moss"]][1] == "right"
    question = "Which of these is a chemical change?"
    verdicts = [card_of_choice(question, c) for c in ["ice melting", "wood burning", "salt dissolving"]]
    assert verdicts == ["wrong", "right", "wrong"]
    assert card_of_choice("Which of these is not a chemical change?", "ice melting") is None
