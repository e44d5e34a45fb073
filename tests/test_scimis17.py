"""Round 17, science wrong attempts: a relation said the wrong way round ("absorbs" what the fact says it reflects,
"the vole eats the owl") is never confirmed and meets the fact's decisive part as a question; a catalogued
observation speaks of the problem's own thing; "without" denies as "not" does; the new catalog entries meet their
wrong ideas in new words and leave right ideas that share their words alone."""
import pytest

from claim_relations import lever, own_objects, turned
from evidence import conflicts
from lesson import Facts
from science_catalog import match_misconception
from science_moves import science_move

BANANA = "A banana looks yellow because its skin reflects yellow light and absorbs the other colours."
OWL = "In the wood the owls hunt at night and eat the voles that feed on seeds."


def test_a_colour_said_as_absorbed_is_asked_round_and_never_confirmed():
    move = science_move("Why does a ripe banana look yellow?", "because the skin takes in the yellow light",
                        Facts([BANANA]))
    assert move.verdict != "supported" and not move.text.startswith("Yes")
    assert turned("its skin absorbs yellow light", BANANA)
    assert "reflect" in lever("its skin absorbs yellow light", BANANA) and "yellow" not in lever(
        "its skin absorbs yellow light", BANANA)


def test_the_right_way_round_is_no_turn():
    assert not turned("it reflects yellow light and absorbs the others", BANANA)
    assert not turned("the owls eat the voles", OWL)
    assert not turned("the voles are eaten by the owls", OWL)
    assert not turned("the skin does not absorb yellow light", BANANA)  # denied: the student says it right


def test_who_eats_whom_read_backwards_is_asked_about_the_two_animals():
    assert turned("the vole eats the owl", OWL)
    ask = lever("the vole eats the owl", OWL)
    assert "vole" in ask and "owl" in ask and ask.endswith("?")


def test_a_catalogued_observation_speaks_of_the_problems_own_thing():
    question = "Maya stirs a spoon of instant coffee into hot milk and it vanishes. Has the coffee gone?"
    move = science_move(question, "the coffee is gone, it disappeared", Facts([]))
    assert move.kind == "misconception" and "coffee" in move.text and "sugar" not in move.text
    assert own_objects("Cut a candle in half.", "a paper boat") == "Cut a candle in half."  # no kindred thing named
    assert own_objects("Foxes eat rabbits. How many rabbits?", "If the hawks vanished, what happens to the mice?") \
        == "Hawks eat mice. How many mice?"  # each kind in its own number


def test_without_denies_like_not():
    fact = "A reflex skips the brain: the spinal cord sends the signal back without waiting for the brain."
    assert not conflicts("the signal does not wait for the brain", fact)
    assert conflicts("the signal waits for the brain to decide", fact)


@pytest.mark.parametrize("problem, wrong, right", [
    ("Two swings hang from equal ropes, one with a heavy child. Which pendulum swings faster?",
     "the heavy one swings quicker since it weighs more", "they swing at the same rate, only the rope length matters"),
    ("Does a pulley reduce the work you do lifting a bucket?", "yes it reduces the work",
     "it lets you pull with less force but over a longer rope"),
    ("At what temperature does water boil on a very high mountain?", "it boils at 100 everywhere",
     "lower than 100 because the air pressure is less"),
    ("Why is the Sahara a desert but so is Antarctica?", "deserts have to be hot so Antarctica is not one",
     "both get very little rain or snow"),
    ("How does air get into your lungs?", "the lungs pull the air in on their own",
     "the diaphragm moves down and air flows into the lungs"),
    ("Which kind of animal is a toad?", "toads are reptiles", "an amphibian"),
    ("Where does the water in a spring come from?", "from a river underground", "rain soaks into the rock"),
    ("Why do the blades of grass get wet overnight?", "the dew drops from the sky",
     "water vapour in the air condenses on the cool grass"),
    ("What happens to a tall glacier over a year?", "it stays in one place", "it slides slowly down the valley"),
    ("Where does a lamp get the energy for its light?", "the lamp makes the energy by itself",
     "from the electricity that flows through it"),
    ("A sealed jar of water freezes and cracks. Why?", "the water shrinks as it freezes",
     "the water expands when it turns to ice"),
])
def test_new_entries_meet_new_wording_and_spare_right_ideas(problem, wrong, right):
    assert match_misconception(wrong, problem) is not None, wrong
    assert match_misconception(right, problem) is None, right
