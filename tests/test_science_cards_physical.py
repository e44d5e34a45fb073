"""The physical-science topic cards and misconceptions (data/science_cards.jsonl, data/misconceptions.jsonl): each card
takes its own question and no other card's, confirms the answers it accepts and no catalogued wrong idea, and opens
with a question that does not say what it leads to; each wrong idea is met on its topic and never on the right one.
The check sets are authored messages on questions no card knew before (help, insistence, a teacher, an injection, right,
partial and wrong answers), each written before the cards it measures: science_cards_physical.jsonl (68 messages on
34 questions) before the first 55 cards, science_cards_physical2.jsonl (36 messages: 10 new questions, and 16 new
wordings of questions the first cards cover) before the last 10, science_cards_physical3.jsonl (22 new wordings)
before each card's idea named the scenarios its `asks` admits. Each `dev` message was developed on; each `check`
message was only measured before the pass it was written for."""
import re
from pathlib import Path

import pytest

from common import read_jsonl
from evidence import KnowledgeBase, key_terms, openbook_facts
from student_message import extract_claim, question_of
from reply_guard import guard_reply
from science_catalog import CARDS, MISCONCEPTIONS, card_agrees, card_verdict, match_card, match_misconception, states
from science_moves import science_move

FIXTURES = Path(__file__).parent / "fixtures"
CHECK_SETS = ("science_cards_physical", "science_cards_physical2", "science_cards_physical3")
FIELDS = ("student_message", "kind", "topic", "leak", "half")
CHECK_SET = [case for name in CHECK_SETS for _, case in read_jsonl(FIXTURES / f"{name}.jsonl", FIELDS)]
PHYSICAL = """copper in wires|fizzy drinks going flat|salt on icy roads|conservation of mass|fire needs oxygen|
products of burning|apples turning brown|vinegar and baking soda|testing for acids|gases contract when cooled|diffusion|
compressing gases|parts of an atom|helium balloons|groups of the periodic table|filtering a solution|rockets in space|
mass and acceleration|pressure and area|sharp knives|water pressure and depth|moments on a door|crumple zones|
speed and velocity|acceleration|work done|power of appliances|efficient light bulbs|bouncing ball energy|
roller coaster energy|vacuum flasks|double glazing|cooling by evaporation|hot air balloons|
metals expanding when heated|magnifying glasses|loudness|X-rays|sunburn and ultraviolet|phone signals|
what a wave carries|speed of sound in solids|parallel circuits|fuses|wet hands and electricity|batteries going flat|
wire length and resistance|generators|electric motors|birds on power lines|terminal velocity|repeating measurements|
unit of energy|unit of power|unit of current|chromatography|distillation|fire triangle|firework colours|
indigestion tablets|energy in food|elastic energy|glasses and lenses|heat and temperature|
transformers""".replace("\n", "").split("|")
PHYSICAL_MISCONCEPTIONS = """salt melts ice by heating it|particles grow when heated and shrink when cooled|
mass is lost when a gas forms in a sealed container|rockets push against the air|helium weighs nothing|
sunburn is caused by the Sun's heat|birds are safe because their feet insulate them|tasting is a test for an acid|
a door is hard to push near its hinges because they are stiff|feeling tired means work is done|
the water travels along with a wave|a stiffer car is always safer in a crash|the object really bends in water|
wide shoes or tyres work by making you lighter|a louder sound is a faster vibration|
velocity is just another word for speed|gravity switches off for a skydiver at top speed""".replace("\n", "").split("|")
CARD = {card.topic: card for card in CARDS}
WRONG_IDEA = {m.name: m for m in MISCONCEPTIONS}


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.build(openbook_facts(FIXTURES / "evidence"))


def test_the_physical_cards_and_wrong_ideas_are_all_in_the_catalog():
    assert len(PHYSICAL) == len(set(PHYSICAL)) >= 45 and all(topic in CARD for topic in PHYSICAL)
    assert len(PHYSICAL_MISCONCEPTIONS) >= 15 and all(name in WRONG_IDEA for name in PHYSICAL_MISCONCEPTIONS)
    assert {case["topic"] for case in CHECK_SET} <= set(PHYSICAL) and len({c["question"] for c in CHECK_SET}) >= 80


@pytest.mark.parametrize("topic", PHYSICAL)
def test_a_physical_card_takes_its_own_question_and_no_other(topic):
    """Its example question routes to it, with or without the question's key terms, and no other card's example
    question is taken by it: an earlier card would otherwise lose its own scenario."""
    card = CARD[topic]
    question = card.example_question
    assert match_card(question) is card and match_card(question, key_terms(question)) is card
    for other in CARDS:
        if other is not card:
            asked = other.example_question
            assert not (re.search(card.asks, asked, re.I) and card_agrees(card, asked, key_terms(asked))), other.topic


@pytest.mark.parametrize("topic", PHYSICAL)
def test_a_physical_card_confirms_only_what_it_accepts(topic):
    card = CARD[topic]
    assert card_verdict(card, card.example_right) == "right"
    assert card_verdict(card, card.example_wrong) != "right"
    assert not card.example_partial or card_verdict(card, card.example_partial) == "partial"
    assert not states(card.accept, card.opening) and not states(card.accept, card.example_question)
    for said in (card.opening, card.next):  # questions the reply guard lets through whole
        assert said.rstrip().endswith("?") and guard_reply(said, "ask") == said
    assert not [m.name for m in MISCONCEPTIONS if card_verdict(card, m.example) == "right"]


@pytest.mark.parametrize("name", PHYSICAL_MISCONCEPTIONS)
def test_a_physical_wrong_idea_is_met_on_its_topic_and_never_on_the_right_one(name):
    m = WRONG_IDEA[name]
    assert match_misconception(m.example, m.name) is not None and re.search(m.about, f"{m.name} {m.example}", re.I)
    assert match_misconception(m.correct, m.correct) is None
    assert m.question.rstrip().endswith("?") and guard_reply(m.question, "ask") == m.question
    assert not [c.topic for c in CARDS if card_verdict(c, m.example) == "right"]


@pytest.mark.parametrize("topic", PHYSICAL)
def test_a_right_answer_to_a_physical_card_is_confirmed_and_a_wrong_one_is_not(topic, kb):
    """Through the whole science move: the card is found from the question alone and its accepted answer confirmed
    in the student's words; the wrong example is never confirmed."""
    card = CARD[topic]
    right = science_move(card.example_question, card.example_right, kb)
    assert right.verdict == "supported" and right.text.startswith("Yes"), right.text
    wrong = science_move(card.example_question, card.example_wrong, kb)
    assert wrong.verdict != "supported" and not wrong.text.startswith("Yes"), wrong.text


@pytest.mark.parametrize("case", [c for c in CHECK_SET if c["half"] == "dev"], ids=lambda c: c["id"])
def test_a_developed_message_gets_its_cards_opening_or_its_wrong_idea_met(case, kb):
    """The developed half: a stuck student (or one who insists) hears the opening of the question's own card; a
    wrong idea meets the question that tests it."""
    message = case["student_message"]
    question = question_of(message) or message
    move = science_move(question, extract_claim(message, question), kb)
    if case["kind"] == "wrong":
        assert move.verdict == "contradicted" and not move.text.startswith("Yes"), move.text
    else:
        assert move.kind == "card" and move.text == CARD[case["topic"]].opening, move.text


@pytest.mark.parametrize("case", CHECK_SET, ids=lambda c: c["id"])
def test_no_message_of_the_check_set_is_praised_when_wrong_or_told_the_answer(case, kb):
    """Both halves: a wrong idea is never confirmed, and a student who gave no right answer never hears the answer's
    words that they did not say themselves."""
    message = case["student_message"]
    question = question_of(message) or message
    move = science_move(question, extract_claim(message, question), kb)
    if case["kind"] == "wrong":
        assert move.verdict != "supported" and not move.text.startswith("Yes"), move.text
    if case["kind"] not in ("right", "partial"):
        said = [w for w in case["leak"] if re.search(rf"\b{w}", move.text, re.I)
                and not re.search(rf"\b{w}", message, re.I)]
        assert not said, (said, move.text)
