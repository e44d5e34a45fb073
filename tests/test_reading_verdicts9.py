"""Round 9 of the reading verdict, on a set written before the change (tests/fixtures/reading_verdicts9.jsonl: six
passages, eighteen questions, two right and two wrong answers each; passages D-F held back and never developed on).
A true sentence is confirmed only as the answer to what was asked: a first/last question's answer is the step the
text marks first or last ("First he fed his cat"), a why-question whose sentence gives its own reason ("to meet his
cousin") is answered by that reason, and a detail about one thing is not another thing's sentence ("Their humps
store fat", asked about the eyelashes)."""
import json
from pathlib import Path

import pytest

from evidence import split_sentences
from passages import is_story, key_sentences
from reading_verdict import EDGE_STEP, edge_step, own_reason
from test_reading_round7 import CONFIRMS, move_for

CASES = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "reading_verdicts9.jsonl").open()]
BY_ID = {case["id"]: case for case in CASES}
FIXTURES = Path(__file__).parent / "fixtures"


def confirmed(case: dict) -> bool:
    move = move_for(case)
    return move.status == "answer" and move.text.startswith(CONFIRMS)


def test_the_set_is_six_passages_with_three_held_back():
    assert len({c["passage_id"] for c in CASES}) == 6 and len({c["question"] for c in CASES}) == 18
    assert {c["passage_id"] for c in CASES if c["split"] == "check"} == set("DEF")


@pytest.mark.parametrize("name", ["reading_verdicts9.jsonl", "reading_verdicts8.jsonl", "reading_moves8.jsonl"])
def test_no_wrong_answer_of_rounds_8_and_9_is_confirmed(name):
    """Before: "they flew a kite" was the first thing Omar did, "they bought bread" the last, "to feed his cat" why
    he rode to the park, and "they store fat" what the eyelashes do: every one a true sentence not asked about."""
    cases = [json.loads(line) for line in (FIXTURES / name).open()]
    wrong = [c for c in cases if c["kind"] in ("wrong", "wrong_attempt")]
    assert wrong and not [c["id"] for c in wrong if confirmed(c)]


@pytest.mark.parametrize("case_id", ["rv9-A1-right0", "rv9-A1-right1", "rv9-A2-right0", "rv9-A3-right0"])
def test_the_step_or_reason_asked_for_is_confirmed(case_id):
    """Before: "he fed his cat" was asked whether it answers "What did Omar do first?"."""
    assert confirmed(BY_ID[case_id])


OMAR = split_sentences(BY_ID["rv9-A1-right0"]["passage"])


@pytest.mark.parametrize("question, step", [
    ("What did Omar do first?", "First he fed his cat, Pepper."),
    ("What did Omar and his cousin do last?", "At the end of the day, they flew Omar's red kite over the hill."),
    ("What happened last?", "At the end of the day, they flew Omar's red kite over the hill."),
    ("What was the first step?", "First he fed his cat, Pepper.")])
def test_a_first_or_last_question_asks_for_the_step_the_text_marks_so(question, step):
    assert edge_step(EDGE_STEP.search(question), OMAR) == step


def test_a_text_that_orders_no_steps_has_no_first_step():
    assert edge_step(EDGE_STEP.search("What did they do first?"), split_sentences(
        "Camels live in hot deserts. Their humps store fat, not water.")) is None


@pytest.mark.parametrize("question, sentence, own", [
    ("Why did Omar ride his bike to the park?", "He rode his bike to the park to meet his cousin.", True),
    ("Why did the town vote to repair the lighthouse?", "The town voted to repair the lighthouse.", False),
    ("Why is it good for seeds to travel away from the parent plant?",
     "Coconuts can float, so ocean currents carry them to new beaches.", False)])
def test_a_sentence_gives_its_own_reason_only_after_telling_the_asked_event(question, sentence, own):
    assert own_reason(question, sentence) is own


def test_a_feeling_is_weighed_at_the_time_the_question_names():
    """Before: "nervous" on the day of the contest was weighed against the smile at the end (the move pointed at the
    stomach twisted into knots, the verdict at another sentence)."""
    move = move_for(BY_ID["rv9-B1-right0"])
    assert move.status == "answer" and move.evidence == ["On the day of the contest, her stomach twisted into knots."]


@pytest.mark.parametrize("text, story", [
    ("Lena planted seeds by the fence. Every morning she watered them. Lena dug one out.", True),
    ("Omar woke up early. First he fed his cat. Omar rode to the park.", True),
    ("Camels live in hot deserts. Camels store fat in their humps. On Monday the zoo opens.", False),
    ("The library opens on Saturday. Its hours change on Saturday in summer.", False)])
def test_a_short_story_is_told_by_a_name_that_comes_back_even_at_sentence_starts(text, story):
    sentences = split_sentences(text)
    assert is_story(sentences) is story
    assert (key_sentences("main_idea", sentences) == []) is story  # a story's main idea is in no one sentence


@pytest.mark.parametrize("case_id, place", [("rv9-A1-wrong1", "the second sentence"),
                                            ("rv9-A2-wrong0", "the last sentence")])
def test_a_true_step_that_is_not_the_first_or_last_is_placed_not_quoted(case_id, place):
    """Before the placing, the wrong-step move quoted the first step itself ("First he fed his cat, Pepper."): the
    answer, handed over."""
    case = BY_ID[case_id]
    move = move_for(case)
    step = move.evidence[0]
    assert move.verdict == "contradicted" and place in move.text and step not in move.text
    assert not set(step.lower().strip(".").split()[1:]) <= set(move.text.lower().split())
