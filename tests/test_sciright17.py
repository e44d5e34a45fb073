"""Round 17 (sciright17): a science student who is right, or right in part, hears so from the fact and is moved on.
A right part of a card's idea (an item of its list) is confirmed and the rest asked; short clauses a fact says are borne out together; a
take-in / give-off pairing must be the fact's own (near misses never confirmed); an idea no card or fact decides
meets no "Let's test"; kinetic energy (½ × mass × speed²) is checked exactly, step by step."""
import pytest

from science_catalog import match_card
from science_moves import science_move
from science_names import relation_kept
from science_numbers import number_move, read_problem
from science_support import backing_fact, next_stage, right_part

LEAF = "Green plants take in carbon dioxide through their leaves and give off oxygen in sunlight."
HEATED_POND = "Evaporation: sunshine warms the water in a pond, and some of it turns into water vapour in the air."


@pytest.fixture(scope="module")
def kb(science_kb):
    return science_kb


def test_a_thing_paired_with_another_verb_in_the_fact_is_not_borne_out():
    assert not relation_kept("leaves take in oxygen", LEAF)
    assert relation_kept("leaves give off oxygen", LEAF)
    assert relation_kept("they take in carbon dioxide", LEAF)
    assert relation_kept("the water turns into vapour", HEATED_POND)   # "into" names a change, not a pairing


def test_short_clauses_a_fact_says_together_are_borne_out():
    question = "How does pond water get up into the clouds?"
    assert backing_fact("the water evaporates since the sunshine warms it", question, [HEATED_POND]) == HEATED_POND
    assert backing_fact("the water freezes since the sunshine warms it", question, [HEATED_POND]) is None
    assert backing_fact("vapour", question, [HEATED_POND]) is None   # one word is a name, no claim


def test_one_right_item_of_a_list_asks_for_the_rest():
    ask = next_stage("glucose is one of them", "What substances does photosynthesis produce?")
    assert ask and ask.startswith("What else belongs in the answer")
    assert next_stage("it gets hot", "Why does a spoon in soup get hot?") is None


def test_a_right_part_of_the_card_idea_is_confirmed_and_a_wrong_word_is_not():
    question = "What does a green plant use to make its own food by photosynthesis?"
    card = match_card(question)
    assert card is not None
    said = right_part(card, "it uses sunlight", question)
    assert said and said.startswith("Yes: it uses sunlight. That is one part")
    assert right_part(card, "it uses oxygen", question) is None       # the card's wrong word
    assert right_part(card, "it uses soil", question) is None
    assert right_part(card, "it does not use water", question) is None
    falling = "Why does a feather fall slower than a hammer on Earth?"   # gravity is the idea's subject, no list item
    assert right_part(match_card(falling), "the hammer has more gravity in it", falling) is None


def test_a_partial_right_answer_is_confirmed_in_the_tutor_move(kb):
    move = science_move("What does a green plant use to make its own food by photosynthesis?", "it uses water", kb)
    assert move.verdict == "supported" and move.text.startswith("Yes:") and "one part" in move.text
    wrong = science_move("What does a green plant use to make its own food by photosynthesis?", "oxygen from the air",
                         kb)
    assert wrong.verdict != "supported" and not wrong.text.startswith("Yes")


def test_a_near_miss_pairing_is_never_confirmed(kb):
    move = science_move("Which gas do leaves absorb during photosynthesis?", "the leaves take in oxygen", kb)
    assert move.verdict != "supported" and "agrees" not in move.text and not move.text.startswith("Yes")


def test_kinetic_energy_is_read_and_its_right_result_confirmed():
    problem = "A 5 kg sledge slides at 4 m/s. How much kinetic energy does it have?"
    assert read_problem(problem).value == 40
    move = number_move(problem, "KE = 0.5 x 5 kg x (4 m/s)^2 = 40 J")
    assert move.kind == "final_right" and move.lead == "Yes: ½ × 5 kg × (4 m/s)² = 40 J."
    assert number_move("A 5 kg sledge slides at 4 m/s. What is its momentum?", "20 kg m/s").kind == "final_right"


def test_kinetic_energy_steps_are_confirmed_and_slips_named_at_their_step():
    problem = "A 5 kg sledge slides at 4 m/s. How much kinetic energy does it have?"
    squared = number_move(problem, "4 squared is 16")
    assert squared.verdict == "confirm" and "(4 m/s)² = 16" in squared.lead and "40" not in squared.lead
    assert squared.question == "Next: where does the 5 kg in the question come in?"
    no_half = number_move(problem, "5 x 16 = 80 J")
    assert no_half.verdict == "flag" and "without the ½" in no_half.lead and "40" not in no_half.question
    unsquared = number_move(problem, "1/2 x 5 x 4 = 10 J")
    assert unsquared.verdict == "flag" and "not squared" in unsquared.lead
    assert number_move(problem, "80 J", planned=True) is None   # a planned problem's planner names the slip


def test_a_written_rule_that_is_this_problems_formula_is_confirmed_before_any_number():
    problem = "A kettle element has a resistance of 20 ohms on a 240 V supply. What current flows through it?"
    move = number_move(problem, "is it I = V/R?")
    assert move.verdict == "confirm" and "I = V/R" in move.lead and "240 V ÷ 20 Ω" in move.question
    assert "12" not in move.lead + move.question
    assert number_move(problem, "I = R/V?").verdict != "confirm"      # the quotient the other way round
    assert number_move(problem, "I = V x R").verdict != "confirm"
    pushed = "A 3 kg cart is pushed with an acceleration of 4 m/s². What force acts on it?"
    assert number_move(pushed, "F = ma").verdict == "confirm"
    assert number_move("A box of 500 g fills 250 cm³. What is its density?", "density = volume / mass").verdict \
        != "confirm"
