"""Session 18 lead: a card's idea confirms a claim only as the student said it; "only X" is a claim of its own; a denial
of some is no conflict with a fact of some."""
import pytest

from evidence import conflicts
from science_moves import science_move


@pytest.mark.parametrize("question, claim", [
    ("Is water the only liquid that can evaporate?", "yes only water evaporates"),
    ("Why does a wet towel dry on the line?", "the water evaporates but only when the sun is out"),
])
def test_a_claim_kept_to_one_thing_is_never_confirmed_by_a_card_without_only(science_kb, question, claim):
    move = science_move(question, claim, science_kb)
    assert move.verdict != "supported" and not move.text.startswith("Yes")


def test_the_same_claim_without_only_is_still_confirmed(science_kb):
    move = science_move("Why does a wet towel dry on the line?", "the water evaporates into the air", science_kb)
    assert move.verdict == "supported" and move.text.startswith("Yes")


@pytest.mark.parametrize("claim", ["some birds cannot fly", "no, only some birds can fly", "not all birds can fly",
                                   "most birds can fly but a few birds do not"])
def test_a_denial_of_some_is_no_conflict_with_a_fact_of_some(claim):
    assert not conflicts(claim, "Flying birds have hollow bones that make them light.")


@pytest.mark.parametrize("claim, fact", [
    ("no birds can fly", "Flying birds have hollow bones that make them light."),
    ("some birds cannot fly", "All birds can fly with their light hollow bones."),
])
def test_a_denial_of_all_or_against_a_fact_of_all_still_conflicts(claim, fact):
    assert conflicts(claim, fact)
