"""Round 10 of the reading verdict, on a set written before the change (tests/fixtures/reading_verdicts10.jsonl:
twelve passages, G-L held back and never developed on). Which sentence answers the question: a why-question's event
tied to the clause it waits on ("She only crossed after the ranger tested every plank"), a "which detail shows X"
question's detail; and what the text denies ("fat, not water", "instead of fat", "cannot fly") is against an answer
that says it."""
import json
from pathlib import Path

import pytest

from evidence import Verdict, split_sentences
from text_words import forms_of
from reading_verdict import denied_spans, depended_on, shown_by, split_dependency
from traits import acts_in, weigh_trait
from test_reading_round7 import CONFIRMS, move_for

FIXTURES = Path(__file__).parent / "fixtures"
CASES = [json.loads(line) for line in (FIXTURES / "reading_verdicts10.jsonl").open()]
BY_ID = {case["id"]: case for case in CASES}
ROUND9 = {case["id"]: case for case in map(json.loads, (FIXTURES / "reading_verdicts9.jsonl").open())}


def confirmed(case: dict) -> bool:
    move = move_for(case)
    return move.status == "answer" and move.text.startswith(CONFIRMS)


def test_the_set_is_twelve_passages_with_six_held_back():
    assert len({c["passage_id"] for c in CASES}) == 12
    assert {c["passage_id"] for c in CASES if c["split"] == "check"} == set("GHIJKL")
    assert {c["kind"] for c in CASES} == {"right", "wrong"}


@pytest.mark.parametrize("sentence, parts", [
    ("Jonah did not believe him until he saw a map.", ("Jonah did not believe him", "he saw a map.", False)),
    ("She only crossed after the ranger tested every plank.", ("She only crossed", "the ranger tested every plank.",
                                                               False)),
    ("After a week of rain, she planted the seeds.", ("she planted the seeds.", "a week of rain", False)),
    ("Ms. Reyes found him under the shelf, so she bought a cage.", ("she bought a cage.",
                                                                   "Ms. Reyes found him under the shelf", True)),
    ("It will now stay open until eight in the evening.", None),  # how long, not what it waited on
    ("Next Theo kneaded the dough until it was smooth.", None),
    ("He was so tired that he slept.", None)])
def test_a_sentence_ties_an_event_to_the_clause_it_depends_on(sentence, parts):
    assert split_dependency(sentence) == parts


def test_the_clause_is_found_where_the_question_s_event_is_told():
    sentences = split_sentences(BY_ID["rv10-A1-right0"]["passage"])
    ranked = [(1.0, i) for i in range(len(sentences))]  # in text order: the first sentence ranks best
    said, clause = depended_on("Why did Mia finally cross the bridge?", sentences, ranked)
    assert said == [sentences[2]] and clause == "the ranger tested every plank with his boot."
    assert depended_on("Why did they leave the dough in a warm spot?", split_sentences(
        ROUND9["rv9-D3-wrong0"]["passage"]), ranked) is None  # "kneaded the dough" is another step


@pytest.mark.parametrize("case_id", ["rv10-A1-right0", "rv10-E1-right0", "rv10-E1-right1"])
def test_a_because_answer_restating_the_clause_is_confirmed(case_id):
    """Before: "because the ranger tested the planks" was asked whether it answers the question."""
    assert confirmed(BY_ID[case_id])


@pytest.mark.parametrize("case_id", ["rv10-A1-wrong0", "rv10-E1-wrong0"])
def test_a_true_line_that_is_not_the_clause_is_not_confirmed(case_id):
    """Before: "because her brother walked across it" and "because the garden was dry" were confirmed."""
    move = move_for(BY_ID[case_id])
    assert move.status == "off" and not move.text.startswith(CONFIRMS)


def test_the_detail_that_shows_is_not_the_one_that_says():
    sentences = split_sentences(BY_ID["rv10-C2-right0"]["passage"])
    assert shown_by("Which detail shows that crows have good memories?", sentences, None) == 1
    assert shown_by("What do crows eat?", sentences, None) is None


@pytest.mark.parametrize("case_id, right", [("rv10-C2-right0", True), ("rv10-C2-right1", True),
                                            ("rv10-C2-wrong0", False)])
def test_a_named_detail_is_confirmed_only_when_it_shows_what_is_asked(case_id, right):
    """Before: "the one about faces" was asked "What does it say about ..."; "they remember the faces of mean people"
    whether it answers the question."""
    assert confirmed(BY_ID[case_id]) is right


def test_a_denial_reaches_its_clause_end():
    denied, said = denied_spans("Their humps store fat, not water.")
    assert forms_of("water") <= denied and forms_of("fat") <= said and not forms_of("water") & said
    denied, said = denied_spans("Instead of fat, they stay warm with the thickest fur of any animal.")
    assert forms_of("fat") <= denied and forms_of("fur") <= said


@pytest.mark.parametrize("case, sentence", [
    (BY_ID["rv10-D1-wrong0"], "Penguins are birds, but they cannot fly."),
    (BY_ID["rv10-F1-wrong0"], "Sea otters do not have a layer of blubber like seals."),
    (BY_ID["rv10-F1-wrong1"], "Sea otters do not have a layer of blubber like seals."),
    (ROUND9["rv9-C1-wrong0"], "Their humps store fat, not water.")])
def test_what_the_text_denies_is_against_the_answer(case, sentence):
    """Before: "water" for "Their humps store fat, not water" was met with "Which of its words say ...?"."""
    move = move_for(case)
    assert move.verdict == "contradicted" and move.evidence == [sentence] and sentence in move.text


@pytest.mark.parametrize("case_id", ["rv9-C1-right0", "rv9-C1-right1"])
def test_the_side_a_denial_keeps_is_still_confirmed(case_id):
    assert confirmed(ROUND9[case_id])


@pytest.mark.parametrize("case_id", ["rv10-D2-right0", "rv10-F1-right0"])
def test_a_right_answer_beside_a_denial_is_confirmed(case_id):
    assert confirmed(BY_ID[case_id])


NINA = split_sentences("Nina's cousin spilled the paint. Nina handed him a towel. Then she helped him clean the floor. "
                       "Max laughed at them.")


def test_the_character_acts_where_named_first_or_named_before_a_pronoun():
    """"Nina's cousin spilled the paint" is his deed; "Then she helped him" is Nina's; "Max laughed" is Max's."""
    assert [acts_in("Nina", NINA, i) for i in range(4)] == [False, True, True, False]


@pytest.mark.parametrize("claim, right", [
    ("helpful because she helped him clean the floor", True),
    ("mean because she helped him clean the floor", False),  # the trait is against the deed
    ("mean because she laughed at them", False),  # Max's deed, not Nina's
    ("she is helpful", False)])  # a trait with no deed: nothing shows it yet
def test_a_trait_is_confirmed_by_the_character_s_own_deed_that_shows_it(claim, right):
    verdict, status = weigh_trait(claim, "What kind of cousin is Nina?", NINA, Verdict("unclear", NINA[0]))
    assert (status == "answer") is right and (verdict.sentence == NINA[2] or not right)


@pytest.mark.parametrize("case_id, right", [("rv10-B1-right0", True), ("rv10-B1-right1", True),
                                            ("rv10-B1-wrong0", False), ("rv10-B1-wrong1", False)])
def test_what_kind_of_friend(case_id, right):
    """Before: "friendly because he sat with the new boy" was asked "which of its words back your answer?"."""
    assert confirmed(BY_ID[case_id]) is right


def test_a_true_deed_with_a_trait_against_it_is_not_confirmed():
    """The trait is weighed against the deed, not only the deed against the text."""
    case = dict(BY_ID["rv10-B1-right1"], student_message="What kind of friend is Leo? selfish, he shared his grapes")
    assert not confirmed(case)


def test_a_true_line_off_the_question_is_pointed_to_the_clause_that_answers():
    """Before: "because her brother walked across it" was confirmed; then it was pointed to the first sentence."""
    move = move_for(BY_ID["rv10-A1-wrong0"])
    assert move.text.endswith("Look at the sentence that begins \"She only crossed...\".")
