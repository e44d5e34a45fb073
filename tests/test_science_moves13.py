"""Round 13: lettered multiple-choice science questions (the choices stay the problem's, a pick a card or fact decides
is confirmed or flagged at that choice, a stuck student is asked about the choices), and the new topic cards for
common help requests. New sentences, not the probe set."""
import pytest

from agent import Tutor, load_index
from common import SessionStore
from evidence import key_terms
from lesson import split_problem
from science_catalog import by_form, card_verdict, match_card


def model(*_, **__):
    yield "«MODEL»"


@pytest.fixture(scope="module")
def tutor(science_kb):
    return Tutor(model, retriever=load_index(""), store=SessionStore(":memory:"), knowledge=lambda: science_kb)


def reply(tutor, name, message):
    events = list(tutor.respond(name, message, subject="science"))
    return events[-1]


def test_choices_after_the_question_are_the_problems_and_the_pick_is_the_students():
    head, work = split_problem("Which tool measures temperature? A) ruler B) thermometer C) scale D) clock. I chose D")
    assert head.endswith("D) clock") and work == "I chose D"
    head, work = split_problem("Which one floats? A) a coin B) a cork C) a key. is it B?")
    assert head.endswith("C) a key") and work == "is it B?"


def test_a_wrong_pick_a_fact_rules_out_is_flagged_at_that_choice_without_the_right_one(tutor):
    said = reply(tutor, "mc13-a", "Which of these is the best conductor of electricity? A) rubber glove B) glass jar "
                                  "C) copper pipe D) wooden ruler. I think A")
    assert said["verdict"] == "flag" and "A, \"rubber glove\"" in said["text"]
    assert "copper" not in said["text"].lower()


def test_a_pick_the_card_accepts_is_confirmed_and_a_wrong_one_gets_the_cards_question(tutor):
    right = reply(tutor, "mc13-b", "Which animal is a herbivore? A) wolf B) sheep C) eagle D) crocodile. I think B")
    assert right["verdict"] == "confirm" and right["text"].startswith("Yes: B, \"sheep\"")
    wrong = reply(tutor, "mc13-c", "Which animal is a carnivore? A) rabbit B) horse C) tiger D) cow. I picked A")
    assert wrong["verdict"] == "flag" and "A, \"rabbit\"" in wrong["text"] and "tiger" not in wrong["text"].lower()


def test_a_stuck_student_is_asked_about_each_choice_never_told(tutor):
    said = reply(tutor, "mc13-d", "Which organ pumps blood around the body? A) liver B) kidney C) heart D) skin. "
                                  "I don't know")
    assert said["verdict"] not in ("confirm", "flag")
    assert "heart" not in said["text"].lower()  # one wrong choice ruled out first, the answer never said
    assert any(f"\"{c}\" be the one that pumps blood" in said["text"] for c in ("liver", "kidney", "skin"))


@pytest.mark.parametrize("question, topic", [
    ("How does the sound of a bell travel across the playground to us?", "how sound travels to the ear"),
    ("Why is it easier to slide a chair across ice than across grass?", "friction on rough surfaces"),
    ("Where does an oak tree get all the material for its trunk?", "where a plant's mass comes from"),
    ("What is the difference between a liquid and a solid?", "solids and liquids"),
    ("Which of these animals is a herbivore?", "herbivores"),
])
def test_a_common_help_request_reaches_its_new_card(question, topic):
    card = match_card(question, key_terms(question))
    assert card is not None and card.topic == topic


@pytest.mark.parametrize("topic, right, wrong", [
    ("herbivores", "a goat", "a goat because it eats other animals"),
    ("carnivores", "the shark", "the shark because it eats seaweed"),
    ("solids and liquids", "a liquid flows but a solid keeps its shape", "a solid is colder"),
])
def test_the_new_cards_accept_the_idea_not_a_name_with_a_wrong_reason(topic, right, wrong):
    card = match_card({"herbivores": "Which animal is a herbivore?", "carnivores": "Which animal is a carnivore?",
                       "solids and liquids": "What is the difference between a solid and a liquid?"}[topic])
    assert card_verdict(card, right) == "right" and card_verdict(card, wrong) != "right"


def test_a_pick_a_card_would_take_with_another_choice_is_asked_for_its_reason_never_confirmed(tutor):
    # the condensation choice says "vapour" as the evaporation card's right answer does: nothing decides the pick
    said = reply(tutor, "mc13-e", "Which change is evaporation? A) ice turning to water B) liquid turning to gas "
                                  "C) gas turning to liquid D) liquid turning to solid. I think C")
    assert said["verdict"] not in ("confirm", "flag") and "C, \"gas turning to liquid\"" in said["text"]
    said = reply(tutor, "mc13-f", "Which part of a flower makes pollen? A) petal B) anther C) sepal D) stalk. I think B")
    assert said["verdict"] != "confirm" or "B, \"anther\"" in said["text"]


def test_what_happens_to_one_living_thing_if_another_goes_asks_for_their_link():
    said = by_form("What would happen to the caterpillars if the birds in the garden were all gone?", ["\"x\""], "")
    assert said.startswith("If the birds in the garden were all gone, what do the caterpillars lose or gain?")
    assert "\"x\"" not in said and "how the caterpillars and the birds are linked" in said
    assert "linked" not in by_form("What happens to a candle if it is left in the sun?", ["\"candle\""], "")
