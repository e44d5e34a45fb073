"""Round 14 science verdicts: a named answer the knowledge decides gets a verdict. A wrong member of the asked kind
(a planet, an organ, a gas, a change of state) is flagged with what a fact says it is instead, a gas a fact says the
subject takes in is flagged as what it gives off, an answer that pairs a fact's parts the other way round is flagged,
the wrong option of an either-or question is flagged and the right one confirmed; a right answer is never flagged
where another fact could speak for it. New questions and answers, written for these tests."""
import pytest

from science_choices import choice_move
from science_moves import science_move
from science_names import directions_said, opposed_fact, reversed_change, roles_swapped


@pytest.fixture(scope="module")
def kb(science_kb):
    return science_kb


def test_a_swapped_pairing_is_told_apart_from_the_fact_and_its_passive():
    fact = "Animals breathe in oxygen and breathe out carbon dioxide."
    assert roles_swapped("animals breathe out oxygen and breathe in carbon dioxide", fact)
    assert not roles_swapped("animals breathe in oxygen and breathe out carbon dioxide", fact)
    assert roles_swapped("the Sun goes around the Earth", "The Earth goes around the Sun once a year.")
    assert not roles_swapped("the earth goes around the sun", "The Earth goes around the Sun once a year.")
    assert not roles_swapped("oxygen is given off by green plants", "Green plants give off oxygen.")
    assert not roles_swapped("the star closest to us is the Sun", "The Sun is the star closest to the Earth.")


def test_a_gas_a_fact_says_goes_the_other_way_is_the_observation():
    facts = ["Our lungs breathe in oxygen from the air, and we breathe out carbon dioxide."]
    question = "Which gas do our lungs breathe out?"
    assert opposed_fact("oxygen", question, facts) == "Our lungs breathe in oxygen from the air"
    assert opposed_fact("carbon dioxide", question, facts) is None


def test_a_change_of_state_the_other_way_round():
    asked = "What is it called when liquid water turns into water vapour?"
    assert reversed_change(asked, "Condensation is when water vapour cools and turns into liquid water.")
    assert not reversed_change(asked, "Freezing is when liquid water turns into solid ice.")


@pytest.mark.parametrize("question, wrong, right", [
    ("Which planet is called the Red Planet?", "Saturn", "Mars"),
    ("Which planet is the hottest?", "it's Mercury", "Venus"),
])
def test_a_wrong_planet_is_flagged_with_what_it_is_and_the_right_one_confirmed(kb, question, wrong, right):
    flagged = science_move(question, wrong, kb)
    assert flagged.verdict == "contradicted" and right not in flagged.text, flagged
    assert science_move(question, right, kb).verdict == "supported"


def test_a_wrong_gas_is_met_by_what_the_plant_does_with_it(kb):
    move = science_move("Which gas do plants give off while they make food in sunlight?", "carbon dioxide", kb)
    assert move.verdict == "contradicted" and "take in carbon dioxide" in move.text and "oxygen" not in move.text


def test_a_reversed_change_of_state_is_flagged(kb):
    move = science_move("What do we call it when water vapour turns into liquid water on a cold window?",
                        "evaporation", kb)
    assert move.verdict == "contradicted" and "condensation" not in move.text.lower(), move


def test_an_either_or_pick_is_judged_by_the_fact_about_its_subject(kb):
    assert science_move("Is a bat a mammal or a bird?", "a bird", kb).verdict == "contradicted"
    assert science_move("Is a bat a mammal or a bird?", "it's a mammal", kb).verdict == "supported"


def test_what_happens_to_its_mass_reads_it_as_the_mass(kb):
    move = science_move("A girl carries her backpack to the Moon. What happens to its mass?", "it stays the same", kb)
    assert move.verdict == "supported", move


@pytest.mark.parametrize("question, answer", [
    ("Which organ cleans the blood?", "the liver"),   # the kidneys are named, yet the liver cleans it too
    ("Which gas makes up most of the air?", "nitrogen"),
])
def test_a_right_answer_no_single_fact_names_is_never_flagged(kb, question, answer):
    assert science_move(question, answer, kb).verdict != "contradicted"


def test_a_ph_answer_is_not_asked_what_its_letters_stand_for(kb):
    move = science_move("A liquid has a pH of 7. Is it acidic, neutral or basic?", "neutral", kb)
    assert "letter" not in move.text


def test_a_class_named_by_the_wrong_food_is_not_confirmed(kb):
    # "A herbivore is an animal that eats only plants" shares "animal" and "eats", but says only plants
    move = science_move("What name is given to an animal that only eats meat?", "a herbivore", kb)
    assert move.verdict != "supported", move


def test_nearest_is_read_as_closest(kb):
    assert science_move("Which planet is the nearest one to the Sun?", "Mercury", kb).verdict == "supported"
    move = science_move("Which planet is the nearest one to the Sun?", "Saturn", kb)
    assert move.verdict == "contradicted" and "Mercury" not in move.text, move


def test_a_choice_a_fact_opens_with_and_calls_the_kind_is_confirmed(kb):
    choices = ["a salmon", "a whale", "a newt"]
    right = choice_move("Which of these animals is a mammal?", choices, 1, kb)
    assert right.verdict == "supported" and "the of" not in right.text, right
    assert choice_move("Which of these animals is a mammal?", choices, 0, kb).verdict != "supported"
    assert choice_move("Which of these is a bird?", ["a bat", "a robin"], 0, kb).verdict != "supported"


def test_a_direction_the_fact_never_gives_is_not_confirmed():
    fact = "Blood carries oxygen from the lungs, and carries carbon dioxide back to the lungs to be breathed out."
    assert not directions_said("carbon dioxide comes in and oxygen goes out", fact)
    assert directions_said("carbon dioxide is breathed out", fact)


def test_a_definition_of_what_eats_something_else_names_nothing(kb):
    # "A carnivore is an animal that eats other animals": "animal" and "eats", but not what it eats
    move = science_move("What do we call an animal that feeds on plants alone, eating just plants?", "a carnivore", kb)
    assert move.verdict != "supported", move
