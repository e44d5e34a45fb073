"""Round 9 of the science cards (data/science_cards.jsonl): a card whose `asks` took another scenario's question now
lets it reach its own card; a full right answer that only a card's `partial` pattern met is now confirmed (and no
catalogued wrong idea nor the card's wrong example is); and everyday questions that no card knew before have their
cards. The check set (tests/fixtures/science_cards9.jsonl, 57 messages on 34 questions, 23 held back) was written
before those cards: a stuck student hears their question's own opening, a right answer in their words is confirmed,
a wrong one never is, and no one who gave no right answer is told its words."""
import pytest

from evidence import key_terms
from science_catalog import CARDS, MISCONCEPTIONS, card_verdict, match_card, states

BY_TOPIC = {card.topic: card for card in CARDS}

# A question an earlier card took only because it shares a word ("stop", "rust", "melt", "hot", "float"), with the
# card whose scenario it is.
GRABBED = {
    "Why does a loaded lorry take longer to stop?": "mass and acceleration",
    "Why does a heavy truck take longer to stop than a car?": "mass and acceleration",
    "Why does a nail rust faster in salt water?": "rusting",
    "Can you filter salt out of salty water?": "filtering a solution",
    "Why does ice melt faster on a metal tray than on a wooden one?": "conductors and insulators",
    "Why does an ice cube melt quicker on a metal plate?": "conductors and insulators",
    "How does a thermos keep hot drinks hot?": "vacuum flasks",
    "How does a flask keep cold drinks cold?": "vacuum flasks",
    "Why do helium balloons float?": "helium balloons",
    "Why does a helium balloon float away?": "helium balloons",
}
# The narrowed cards still take their own scenarios.
KEPT = {
    "Why does a rolling ball eventually stop?": "friction and stopping",
    "What happens to sugar when you stir it into hot tea?": "dissolving",
    "Why does chocolate melt in your hand?": "melting",
    "Why does ice cream melt faster in the sun?": "melting",
    "Why does a sweater keep you warm?": "keeping warm with clothes",
    "Why does a big log float but a small stone sinks?": "floating and sinking",
}
# Full right answers that the card's partial pattern used to call part of the story.
WIDENED = [
    ("sound needs a medium", "space is a vacuum so sound can't travel"),
    ("sound needs a medium", "there's nothing for the sound to travel through"),
    ("sound needs a medium", "sound can't travel without air"),
    ("states and particles", "they vibrate about fixed positions"),
    ("states and particles", "they vibrate in their places"),
    ("digestion", "in the mouth"),
    ("digestion", "It starts in your mouth."),
    ("weather and climate", "climate is the average weather over many years"),
    ("weather and climate", "weather is short term and climate is long term"),
]
STILL_PARTIAL = [("digestion", "chewing"), ("weather and climate", "climate is long term"),
                 ("sound needs a medium", "space is empty"), ("states and particles", "they move faster")]


@pytest.mark.parametrize("question", list(GRABBED) + list(KEPT))
def test_a_question_reaches_its_own_card(question):
    topic = GRABBED.get(question) or KEPT[question]
    assert match_card(question) is BY_TOPIC[topic], match_card(question)
    assert match_card(question, key_terms(question)) is BY_TOPIC[topic]


@pytest.mark.parametrize("topic, answer", WIDENED)
def test_a_full_right_answer_is_confirmed(topic, answer):
    assert card_verdict(BY_TOPIC[topic], answer) == "right"


@pytest.mark.parametrize("topic, answer", STILL_PARTIAL)
def test_part_of_the_answer_stays_partial(topic, answer):
    assert card_verdict(BY_TOPIC[topic], answer) == "partial"


@pytest.mark.parametrize("topic", sorted({topic for topic, _ in WIDENED}))
def test_a_widened_card_confirms_no_wrong_idea(topic):
    card = BY_TOPIC[topic]
    assert card_verdict(card, card.example_wrong) != "right"
    assert [m.name for m in MISCONCEPTIONS if card_verdict(card, m.example) == "right"] == []
    assert not states(card.accept, card.opening) and not states(card.accept, card.example_question)
