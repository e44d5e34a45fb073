"""Session 18 lead: a card's idea confirms a claim only as the student said it; "only X" is a claim of its own."""
import pytest

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
