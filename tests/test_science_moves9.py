"""A stuck student on a topic card's question climbs the card's own ladder (science_catalog.card_ladder), never a
keyword frame, and never hears one of its questions twice running; an observation that takes up the rung just asked
is kept, not "tested"; a misconception whose question is about another scenario yields to the card; a card's own
phrase in the question counts as its words (`card_agrees`)."""
import re

import agent
from evidence import key_terms
from lesson import Lesson, problem_change
from science_catalog import CARDS, asked_kind, card_ladder, first_step, match_card, match_misconception, plural
from science_moves import claim_move, science_move

SEASONS = next(card for card in CARDS if card.topic == "seasons")
FRICTION = next(card for card in CARDS if card.topic == "friction and stopping")


class NoFacts:
    """A knowledge base that knows nothing: the card and the catalog alone decide."""

    def search(self, query: str, k: int = 3) -> list[dict]:
        return []


def quiet(*_, **__):
    return iter(())


def test_a_stuck_student_climbs_the_cards_own_questions_and_none_comes_twice_running():
    tutor = agent.Tutor(quiet)
    turns = ["Why do we have seasons? I think the earth is closer in summer", "hmm I don't know",
             "it's summer in australia", "so distance doesn't matter?", "i still dont get it"]
    replies = [list(tutor.respond("s", message, subject="science"))[-1]["text"] for message in turns]
    assert not any("The question is about" in r or "Is this a new problem" in r for r in replies), replies
    assert replies[1].endswith(SEASONS.opening) and SEASONS.next in replies[2], replies
    assert "Let's test" not in replies[2] and '"summer in australia"' in replies[2], replies  # kept, not tested
    asked = [q for r in replies for q in card_ladder(SEASONS) if r.endswith(q)]
    assert all(a != b for a, b in zip(asked, asked[1:])) and len(asked) >= 3, replies
    assert not any(re.search(r"\btilt", r, re.I) for r in replies), replies  # the ladder never states the idea


def test_the_ladder_is_the_cards_and_states_no_accepted_answer():
    ladder = card_ladder(SEASONS)
    assert ladder[:2] == [SEASONS.opening, SEASONS.next] and ladder[2].endswith("at the same time?")
    leaves = card_ladder(next(card for card in CARDS if card.opening.startswith("A leaf is green all summer")))
    assert leaves[2].startswith("Let's start with this: A leaf is green") and leaves[2].endswith("going on there?")
    single = next(card for card in CARDS if re.fullmatch(r"[^.?!]+\?", card.opening))
    assert card_ladder(single) == [single.opening, single.next]  # one question, nothing more: no smaller piece


def test_a_misconception_about_another_scenario_yields_to_the_card():
    question = "Why does a ball eventually stop rolling on grass?"
    assert match_misconception("it runs out of force", question) is not None  # the thrown-ball entry fires
    move = science_move(question, "I think it runs out of force", NoFacts())
    assert FRICTION.opening in move.text and "left your hand" not in move.text, move.text
    salt = science_move("Why do they put salt on icy roads?", "Because salt is hot and it heats up the ice.",
                        NoFacts())
    assert salt.verdict == "contradicted", salt.text  # the card's asks recognises its question: same scenario


def test_a_cards_own_phrase_counts_as_its_words():
    sunflower = "my sunflower has gone all floppy, why?"
    assert match_card(sunflower, key_terms(sunflower)).topic == "wilting"
    assert match_card("Why is the sea blue?", key_terms("Why is the sea blue?")) is None  # "sea" its \w+ took
    # (the sky has its own card since round 14)


def test_a_connective_carries_on_the_talk_only_when_there_is_one():
    said = Lesson(problem="Why do we have day and night?", said="What happens to a sticker on the ball?")
    assert problem_change(said, "because the sun goes around us?") == "same"
    assert problem_change(Lesson(problem=said.problem), "because the sun goes around us?") == "unsure"


def test_a_claim_without_a_word_is_asked_for_not_named():
    for claim in ("...", "-", "?"):
        text = claim_move(claim, "Why do leaves change colour in autumn?", [], None).text
        assert '""' not in text and "You named" not in text and text.endswith("?"), text


def test_an_adverb_a_participle_or_a_why_question_asks_for_no_kind_of_thing():
    for question in ("What actually is DNA?", "Why is the Moon covered in craters?", "what is the point of it?",
                     "what is the inside of the earth like?", "is the sun on fire?",
                     "Why is the first drop on a roller coaster the biggest?"):
        assert asked_kind(question) is None, question
        assert "Let's narrow it down" not in first_step(question, key_terms(question), '"x"'), question
    assert asked_kind("Which gas do plants give off?") == "gas" and plural("gases") == "gases"
    # "what gases are made": the kind a card whose own question names none may still answer
    petrol = "what gases are made when petrol burns?"
    assert asked_kind(petrol) == "gases" and match_card(petrol, key_terms(petrol)) is not None
