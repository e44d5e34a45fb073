"""Round 12: science moves specific to the question. A why-answer is confirmed by the fact that gives its reason for
the question's outcome (`reason_fact`), and a confirmed answer on a card's topic gets the card's deeper question; a
reason after an empty head ("I think they happen because ...") is the idea that is tested; new cards (shadow length,
insulating something cold, carnivore teeth, what bees collect, the Moon's orbit) and widened ones take their own
questions, confirm the right answer and never a wrong one. Every sentence here is new (not the probe set)."""
from science_catalog import card_agrees, card_verdict, match_card, match_misconception
from science_moves import claim_move, reason_fact
from evidence import key_terms

SHADOW_FACTS = ["Around noon, when the Sun is high, shadows are short.",
                "In the morning and evening, when the Sun is low, shadows are long."]


def test_the_reason_a_fact_gives_is_confirmed_and_the_opposite_is_not():
    question = "Why is a flagpole's shadow so short at noon?"
    assert reason_fact("because the Sun is high", question, SHADOW_FACTS) == SHADOW_FACTS[0]
    assert reason_fact("because the Sun is low", question, SHADOW_FACTS) is None
    assert reason_fact("because the flagpole is short", question, SHADOW_FACTS) is None
    assert reason_fact("the Sun is high", "What is a shadow?", SHADOW_FACTS) is None  # no why: nothing to give


def test_a_confirmed_reason_gets_a_deeper_question_never_a_bare_why():
    question = "Why are our shadows short at lunchtime?"
    card = match_card(question, key_terms(question))
    assert card is not None and card.topic == "shadow length"
    move = claim_move("Because the Sun is high up", question, SHADOW_FACTS, card)
    assert move.verdict == "supported" and move.text.startswith("Yes:") and move.text.endswith(card.next)
    wrong = claim_move("Because the Sun is low", question, SHADOW_FACTS, card)
    assert wrong.verdict != "supported" and not wrong.text.startswith("Yes")


def test_a_reason_after_an_empty_head_is_the_idea_tested():
    move = claim_move("I think it happens because the ground gets too hot and splits", "What causes a tsunami wave?",
                      [], None)
    # session 23: the tsunami card (nearest by meaning) tests the reason where a frame once quoted it
    assert "You noticed" not in move.text and move.kind == "card" and "water" in move.text


def test_new_cards_take_their_questions_and_judge_right_and_wrong():
    cases = [("Why is a shadow long in the early evening?", "shadow length",
              "because of the angle of the sun", "because shadows get tired"),
             ("Will a blanket wrapped round an ice cube make it melt faster?", "insulating something cold",
              "no, it is an insulator so it melts more slowly", "yes, blankets heat things up"),
             ("Why does a wolf have sharp pointed teeth?", "carnivore teeth",
              "to catch and tear its prey", "to look nice"),
             ("What do bees gather from flowers so they can make honey?", "what bees collect", "nectar", "water"),
             ("How long does the Moon take to travel around the Earth?", "the Moon's orbit",
              "about 27 days", "a year"),
             ("What is the job of the heart in our body?", "how the heart moves blood",
              "it pumps blood to every part", "it cleans the air"),
             ("Why does a lamp go out when I open the switch?", "circuits",
              "the circuit is open so it is not a complete loop", "the bulb gets tired")]
    for question, topic, right, wrong in cases:
        card = match_card(question, key_terms(question))
        assert card is not None and card.topic == topic, (question, card and card.topic)
        assert card_verdict(card, right) == "right", question
        assert card_verdict(card, wrong) != "right", question


def test_what_causes_questions_meet_their_card_and_freezing_is_no_season():
    question = "What causes an earthquake to happen?"
    card = match_card(question, key_terms(question))
    assert card is not None and card.topic == "earthquakes and plates"
    frost = match_card("Why does a pond freeze in winter and not in summer?")
    assert frost is None or frost.topic != "seasons"
    assert card_agrees(match_card("Why is it colder in winter than in summer?"), "Why is it colder in winter than in "
                       "summer?", key_terms("Why is it colder in winter than in summer?"))


def test_new_wrong_ideas_are_caught_on_their_topic_only():
    moon = "How many days does the Moon need to orbit the Earth?"
    assert match_misconception("One day", moon) is not None
    assert match_misconception("about a month, not in one day", moon) is None
    assert match_misconception("because the Earth spins every day", "Why does the Moon rise every day?") is None
    assert match_misconception("no, sound just travels through air", "Can sound pass through a brick wall?")
    assert match_misconception("a jacket makes you warmer", "Would a jacket help a snowman last longer?")
    assert match_misconception("your eyes get used to the dark and then you see", "Can you see in a sealed cave?")


def test_an_only_the_fact_does_not_say_is_never_confirmed():
    facts = ["The lungs take oxygen from the air we breathe in; they also get rid of carbon dioxide when we breathe "
             "out."]
    move = claim_move("we take in oxygen and give out only oxygen as well", "What do our lungs do with air?", facts,
                      None)
    assert move.verdict != "supported" and not move.text.startswith("Yes")
    assert match_misconception("we breathe in oxygen and breathe out just oxygen", "What happens when we breathe?")
