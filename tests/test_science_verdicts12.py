"""Round 12 (science12c): a right answer is confirmed and a wrong one flagged, whatever its shape, where a card knows:
a yes/no answer with its reason ("No, copper is not magnetic"), a value ("11" planets), a class ("omnivore" for a
shark), a list, a comparison and an explanation in the student's own words. A card names the wrong outcome
(`TopicCard.wrong`); a value card flags any other bare value; a leading "No," turns none of the words after it around;
the option a student picks from the question's own words is a claim. Every sentence here is new (not the probe set)."""
import pytest

from evidence import key_terms
from lesson import picked_option
from science_catalog import card_verdict, match_card, states, yes
from science_moves import card_reply
from science_moves import science_move

CASES = [  # question, the card's topic, a right answer, a wrong answer
    ("Can a fridge magnet lift a silver spoon?", "metals a magnet does not pick up",
     "no, silver is not magnetic", "yes because all metals stick to magnets"),
    ("Does a block of butter weigh less after it melts?", "mass when something melts",
     "no, the mass stays the same", "yes, it gets lighter"),
    ("Can sound move through outer space?", "sound needs a medium",
     "no, there is no air for the sound to travel through", "yes, sound travels everywhere"),
    ("Is the Sun a star or a planet?", "is the Sun a star", "it is a star", "it's a planet"),
    ("Are spiders insects?", "is a spider an insect", "no, they are arachnids", "yes they are insects"),
    ("Does the Moon shine with its own light?", "does the Moon make its own light",
     "no, it reflects sunlight", "yes it makes its own light"),
    ("How many planets go around the Sun?", "number of planets", "eight", "11"),
    ("How many chambers does your heart have?", "chambers of the heart", "four chambers", "3"),
    ("What is the pH of pure water?", "pH of water", "it is 7", "9"),
    ("Is a zebra a herbivore, carnivore or omnivore?", "plant-eating animals", "a herbivore", "omnivore"),
    ("Is a shark a carnivore or an omnivore?", "meat-eating animals", "carnivore", "omnivore"),
    ("In a food chain, are oak trees producers or consumers?", "a plant's role in a food chain",
     "producers", "consumers"),
    ("Is an owl a producer or a consumer?", "an animal's role in a food chain", "a consumer", "producer"),
    ("Is rusting a nail a physical or chemical change?", "burning or cooking as a chemical change",
     "chemical", "a physical change"),
    ("Is dissolving sugar in tea a physical or chemical change?", "melting or dissolving as a physical change",
     "physical", "chemical"),
    ("Is an iron nail a conductor or an insulator of electricity?", "which conducts electricity: metal or not",
     "conductor", "an insulator"),
    ("Is a glass rod a conductor or an insulator of electricity?",
     "which insulates electricity: plastic, rubber, wood, glass", "an insulator", "conductor"),
    ("Which is a better conductor, wood or aluminium?", "comparing conductors", "aluminium", "wood"),
    ("Does sound travel faster or slower than light?", "light or sound faster",
     "slower, light is much faster", "sound is faster"),
    ("What are the 3 states of matter?", "the three states of matter", "gas, liquid and solid", "rock, water and air"),
    ("What happens to the particles of a liquid when it freezes?", "freezing particles",
     "they lose energy and get held in place", "they move faster and spread out"),
    ("What do plants need to make their food?", "what a plant needs to make food",
     "light, water and carbon dioxide", "oxygen and soil"),
    ("At room temperature, is gold a solid, a liquid or a gas?", "solid metals and rocks at room temperature",
     "solid", "a gas"),
    ("At room temperature is nitrogen a solid, liquid or gas?", "gases at room temperature", "a gas", "liquid"),
]


NO_FACTS = type("NoFacts", (), {"search": lambda self, *a, **k: []})()


@pytest.mark.parametrize("question,topic,right,wrong", CASES)
def test_a_card_confirms_the_right_answer_and_flags_the_wrong_one(question, topic, right, wrong):
    card = match_card(question, key_terms(question))
    assert card is not None and card.topic == topic
    assert science_move(question, right, NO_FACTS).verdict == "supported"
    flagged = science_move(question, wrong, NO_FACTS)
    assert flagged.verdict == "contradicted" and "part of the story" not in flagged.text


def test_a_flag_quotes_the_answer_and_asks_the_cards_question_without_praise():
    question = "How many planets go around the Sun?"
    card = match_card(question, key_terms(question))
    text = card_reply(card, "11", "wrong")
    assert text.startswith("Not quite") and '"11"' in text and text.endswith(card.opening)
    assert "part of the story" not in text


def test_a_wrong_answer_never_hears_part_of_the_story():
    card = match_card("What do plants need to make their food?")
    assert card_verdict(card, "water and soil") == "wrong"  # "water" is part of it, "soil" is wrong
    assert card_verdict(card, "water and light") == "partial"


def test_a_value_card_flags_another_value_and_leaves_other_scales_and_words_alone():
    question = "At what temperature does pure water boil, in Celsius?"
    assert science_move(question, "about 90 degrees", NO_FACTS).verdict == "contradicted"
    assert science_move(question, "373 kelvin", NO_FACTS).verdict != "contradicted"
    assert card_verdict(match_card("How many chambers does your heart have?"), "it pumps blood") is None


def test_a_leading_no_answers_the_question_and_negates_nothing():
    assert states(r"needs? air", "No, sound needs air to travel")
    assert not states(r"needs? air", "sound does not need air")


def test_a_right_no_is_confirmed_without_a_second_answer_word():
    assert yes("No, only iron and steel are magnetic") == "That's right: no, only iron and steel are magnetic."
    assert yes("because of the Earth's tilt") == "Yes: the Earth's tilt."


def test_an_option_picked_from_the_question_is_a_claim():
    question = "Is a frog a producer or a consumer?"
    assert picked_option("consumer", question) == "consumer"
    assert picked_option("idk", question) is None
    assert picked_option("consumer", "Why do frogs eat flies?") is None  # nothing offered


def test_the_science_move_flags_a_wrong_class_and_confirms_a_right_yes_no():
    flagged = science_move("Is a wolf a herbivore or a carnivore?", "herbivore", NO_FACTS)
    assert flagged.verdict == "contradicted" and flagged.text.startswith("Not quite")
    confirmed = science_move("Will a magnet attract a brass key?", "no, brass is not magnetic", NO_FACTS)
    assert confirmed.verdict == "supported" and confirmed.text.startswith("That's right: no")
