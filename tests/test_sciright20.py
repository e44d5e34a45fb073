"""Round 20 (sciright20): a right science answer said in everyday words is confirmed from the card's idea it restates
(chat spellings written out, "more dense" read as "denser", the idea's meaning by the encoder within calibrated
bounds), never a catalogued wrong idea or a decoy near it; a yes or no with a reason ("no because ...") is parted
like "no, ..."; a right yes or no with a reason nothing bears out is credited and its reason asked, not confirmed."""
import pytest

from evidence import default_embedder
from science_catalog import match_card
from science_decides import compares_alike, told_then_reasoned
from science_moves import science_move
from science_names import chosen_fact
from science_support import card_meant, denies_alike
from text_words import spelled_out


@pytest.fixture(scope="module")
def kb(science_kb):
    return science_kb


def test_chat_spellings_are_written_out_and_words_inside_others_are_left():
    assert spelled_out("it sinks bc its heavier for its size") == "it sinks because its heavier for its size"
    assert spelled_out("heat goes thru the pan, u cant hold it") == "heat goes through the pan, you cannot hold it"
    assert spelled_out("they grow there own food") == "they grow their own food"
    assert spelled_out("a U-bend and a bcc lattice") == "a U-bend and a bcc lattice"  # no chat word in either


def test_a_comparison_said_with_more_is_the_one_word_comparative():
    fact = "A stone sinks because it is denser than water."
    assert compares_alike("the stone is more dense than the water", fact)
    assert not compares_alike("the stone is more heavy than the water", fact)


def test_a_card_idea_in_everyday_words_is_meant_and_a_near_decoy_is_not():
    embedder = default_embedder()
    question = "Why do drops of water appear on a cold bottle taken out of the fridge?"
    card = match_card(question)
    assert card is not None and card.topic == "condensation"
    assert card_meant(card, "vapour from the air touches the cold bottle and goes back to being liquid water drops",
                      question, embedder)
    assert not card_meant(card, "the water from inside seeps out through the bottle", question, embedder)
    assert not card_meant(card, "vapour from the air does not turn into water on the bottle", question, embedder)


def test_right_everyday_answers_are_confirmed_and_wrong_ones_are_not(kb):
    move = science_move("Why do plants need light?", "so they can make there own food with it", kb)
    assert move.verdict == "supported" and move.text.startswith(("Yes", "That's right"))
    assert "their own food" in move.text
    move = science_move("Why does a wooden block float when a steel bolt sinks?",
                        "the wood is less dense than water and the steel is more dense", kb)
    assert move.verdict == "supported"
    move = science_move("Why does a wooden block float when a steel bolt sinks?", "the block floats bc its bigger", kb)
    assert move.verdict != "supported"


def test_a_no_with_a_reason_word_is_parted_and_a_bare_reason_is_asked(kb):
    right = science_move("Can sound cross outer space?", "no because out in space there is no air for it to travel in",
                         kb)
    assert right.verdict == "supported"
    odd = science_move("Can sound cross outer space?", "no because it is far too dark up there", kb)
    assert odd.verdict != "supported" and "the reason" in odd.text
    wrong = science_move("Can sound cross outer space?", "yes because rockets are very loud", kb)
    assert wrong.verdict == "contradicted"


def test_a_denial_is_meant_only_where_the_idea_denies_alike():
    idea = "Metals are good conductors of heat; plastic is a poor conductor."
    assert denies_alike("the plastic handle doesn't let the heat get through", idea)
    assert not denies_alike("metals do not conduct heat", idea)
    assert not denies_alike("the vapour never becomes liquid", "Water vapour cools and condenses into liquid drops.")
    assert denies_alike("there is no air in space to carry it", "Sound cannot cross empty space.")


def test_an_either_or_fact_about_a_wider_subject_decides_no_narrower_one():
    facts = ["Milk, a drink, is a liquid made mostly of water.", "Chocolate milk is a mixture of milk and cocoa."]
    assert chosen_fact("a liquid", "Is chocolate milk a liquid or a mixture?", facts[:1]) is None
    assert chosen_fact("a mixture", "Is chocolate milk a liquid or a mixture?", facts) == facts[1]


def test_an_accepted_short_answer_then_its_reason_after_a_comma_is_right():
    card = match_card("Is chocolate melting in your hand a physical or a chemical change?")
    assert card is not None
    assert told_then_reasoned(card, "physical, it is still chocolate and it goes hard again in the fridge") == "right"
    assert told_then_reasoned(card, "physical, or maybe chemical") is None
    assert told_then_reasoned(card, "chemical, it turns runny") is None


def test_a_name_alone_or_a_placeholder_is_never_the_whole_idea():
    embedder = default_embedder()
    question = "What do red blood cells do in the body?"
    card = match_card(question)
    assert card is not None
    assert not card_meant(card, "they move things from place to place in the body", question, embedder)
    photo = "What does a plant use to make its own food?"
    assert not card_meant(match_card(photo), "light", photo, embedder)
