"""Round 11 of the reading verdict, on a set written before the change (tests/fixtures/reading_verdicts11.jsonl: ten
passages, F-J held back and never developed on). A why-question's "until" clause is the answer though a "to" phrase
sits inside it; a contradiction needs the same predicate on the same object, one denial more or less."""
import json
from pathlib import Path

import pytest

from evidence import split_sentences
from own_words import polarity_flipped
from reading_verdict import own_reason, slot_told
from test_reading_round7 import CONFIRMS, move_for

FIXTURES = Path(__file__).parent / "fixtures"
CASES = [json.loads(line) for line in (FIXTURES / "reading_verdicts11.jsonl").open()]
BY_ID = {case["id"]: case for case in CASES}


def confirmed(case: dict) -> bool:
    move = move_for(case)
    return move.status == "answer" and move.text.startswith(CONFIRMS)


def test_the_set_is_ten_passages_with_five_held_back():
    assert len({c["passage_id"] for c in CASES}) == 10
    assert {c["passage_id"] for c in CASES if c["split"] == "check"} == set("FGHIJ")


def test_no_wrong_answer_of_the_dev_half_is_confirmed():
    """Before: "because his friends splashed below" (a true line, not what Omar waited on) and "bees cannot see
    ultraviolet light" were confirmed. The held-back half is measured, never asserted on (one confirmed before)."""
    assert [c["id"] for c in CASES if c["split"] == "dev" and c["kind"] == "wrong" and confirmed(c)] == []


def test_a_to_phrase_inside_the_until_clause_is_no_reason_of_its_own():
    sentence = "He would not jump until his coach promised to swim right beside him."
    assert not own_reason("Why did Omar finally jump off the diving board?", sentence)
    assert own_reason("Why did Theo ride his bike to the park?", "Theo rode his bike to the park to meet his cousin.")


@pytest.mark.parametrize("case_id, right", [("rv11-A1-right0", True), ("rv11-A1-wrong0", False),
                                            ("rv11-A1-wrong1", False)])
def test_the_until_clause_answers_why_he_finally_jumped(case_id, right):
    """Before: the coach's promise was asked "Does it answer ...?"; "his friends splashed below" was confirmed."""
    move = move_for(BY_ID[case_id])
    assert confirmed(BY_ID[case_id]) is right
    assert right or move.text.endswith("Look at the sentence that begins \"He would not jump...\".")


DUCKS = split_sentences(BY_ID["rv11-E1-right0"]["passage"])
BEES = split_sentences(BY_ID["rv11-D1-right0"]["passage"])


@pytest.mark.parametrize("claim, question, sentence, flipped", [
    ("bees cannot see ultraviolet light", "What is one color that bees cannot see?", BEES[1], True),
    ("ultraviolet", "What is one color that bees cannot see?", BEES[1], True),  # the question's denial is its own
    ("red", "What is one color that bees cannot see?", BEES[0], False),
    ("bees can see ultraviolet light", "What can bees see?", BEES[1], False),  # "people cannot see" is another clause
    ("because the dog barked", "Why couldn't Sam sleep?", "The dog barked all night.", False),
    ("because there were no otters to eat the urchins", "Why did kelp vanish where otters disappeared?",
     "An otter can eat dozens of urchins.", False)])  # the question's own premise
def test_a_contradiction_is_the_same_predicate_with_one_denial_more_or_less(claim, question, sentence, flipped):
    assert polarity_flipped(claim, question, sentence) is flipped


@pytest.mark.parametrize("case_id, right", [("rv11-D1-right0", True), ("rv11-D1-right1", True),
                                            ("rv11-D1-wrong1", False)])
def test_what_bees_cannot_see(case_id, right):
    """Before: "red" was called against "Bees cannot see the color red"; "bees cannot see ultraviolet light" was
    confirmed from "Bees can see ultraviolet light, which people cannot see"."""
    move = move_for(BY_ID[case_id])
    assert confirmed(BY_ID[case_id]) is right and (right or move.verdict == "contradicted")


TESS = {"passage": "Tess saw a small boy drop his lunch tray. She gave him half of her sandwich. Then she sat with "
                   "him until the bell rang.", "student_message": "What kind of girl is Tess? generous because she "
                                                                  "gave him half of her sandwich"}


def test_a_trait_confirmed_with_its_deed_is_worded_as_a_trait():
    """Before: "Yes, that's right, and it matches the passage: ..." as for any detail."""
    move = move_for(TESS)
    assert move.text.startswith("Yes, generous fits: \"She gave him half of her sandwich.\" shows it."), move.text
    assert move.text.endswith("?")


@pytest.mark.parametrize("case_id, right", [("rv11-E1-right0", True), ("rv11-E1-right1", True),
                                            ("rv11-E1-wrong0", False), ("rv11-E1-wrong1", False)])
def test_a_pronoun_led_line_answers_about_what_the_line_before_names(case_id, right):
    """"They use them to paddle through the water" after "They have webbed feet": before, "to paddle" was asked
    "What does it say about ...?"; where they paddle is no part of what they use them for."""
    assert confirmed(BY_ID[case_id]) is right


def test_a_place_after_the_deed_is_not_what_the_answer_must_name():
    assert slot_told("to paddle", "What do ducks use their webbed feet for?", "detail", DUCKS, 1) == DUCKS[2]
    assert slot_told("east", "Where is the barn?", "detail", ["The barn is on the east side of the farm."], 0) is None
