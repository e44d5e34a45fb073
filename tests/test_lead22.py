"""Session 18 lead: a card's idea confirms a claim only as the student said it; "only X" is a claim of its own; a denial
of some is no conflict with a fact of some; a fraction after a fraction is no mixed number."""
import pytest

import agent
from arithmetic_claims import claims
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


def test_a_fraction_after_a_fraction_is_no_mixed_number():
    assert [str(c) for c in claims("3/10 + 4/10 = 7/10 3/10 + 4/10 = 7/10")] == ["3/10 + 4/10 = 7/10"] * 2
    assert [str(c) for c in claims("6 2/5 - 1 1/5 = 5 1/5")] == ["6 2/5 − 1 1/5 = 5 1/5"]


def test_a_claim_said_twice_is_not_asked_where_its_number_comes_in():
    tutor = agent.Tutor(lambda *a, **k: iter([""]))
    message = ("Jo had 3/10 of a ribbon and Al had 4/10 of it. What fraction did they have? "
               "3/10 + 4/10 = 7/10 right? the bottom stays the same")
    reply = list(tutor.respond("lead22-ribbon", message, subject="math"))[-1]["text"]
    assert "3/10 + 4/10 = 7/10" in reply and "come in" not in reply
