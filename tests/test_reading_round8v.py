"""Round 8v of the reading verdict (reading_verdict.py), on a set written before the change
(tests/fixtures/reading_verdicts8.jsonl: twelve passages, 29 questions of ten types, each with right answers in
three wordings, wrong ones and a partial one; passages G-L held back and never developed on). A right answer is
confirmed when it fills the question's slot, when it gives the text's own definition of a word, when it restates the
writer's claim; a wrong one is flagged when the text defines the word otherwise or the step it names is not the
first; no wrong answer is ever confirmed, and no clause is called denied by a clause it does not share."""
import json
from pathlib import Path

import pytest

from evidence import split_sentences
from reading import reading_move
from inferred import definition
from reading_verdict import denied, slot_told
from test_reading_round7 import CONFIRMS, move_for

CASES = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "reading_verdicts8.jsonl").open()]
BY_ID = {case["id"]: case for case in CASES}


def test_the_set_is_twelve_passages_with_six_held_back_and_every_kind_of_answer_per_question():
    assert len({c["passage_id"] for c in CASES}) == 12
    assert {c["passage_id"] for c in CASES if c["split"] == "check"} == set("GHIJKL")
    questions = {(c["passage_id"], c["question"]) for c in CASES}
    assert len(questions) == 29 and len({c["question_type"] for c in CASES}) == 10
    for question in questions:
        kinds = [c["kind"] for c in CASES if (c["passage_id"], c["question"]) == question]
        assert kinds.count("right") >= 2 and kinds.count("wrong") >= 1 and kinds.count("partial") == 1, question


def test_no_wrong_answer_of_the_set_is_confirmed():
    for case in CASES:
        if case["kind"] == "wrong":
            move = move_for(case)
            assert move.status != "answer" and not move.text.startswith(CONFIRMS), (case["id"], move.text)


@pytest.mark.parametrize("case_id, sentence", [
    ("rv8-B3-short2", "An octopus has no bones, so it can squeeze through any gap larger than its beak."),
    ("rv8-B3-quote0", "An octopus has no bones, so it can squeeze through any gap larger than its beak."),
    ("rv8-C2-quote0", "When he sat down, the class clapped, and he could not stop grinning."),
    ("rv8-F2-quote0", "Schools in our town that tried this cut their waste in half."),
    ("rv8-C1-short2", "When his name was called, his knees felt weak and his voice came out as a whisper.")])
def test_a_right_answer_that_fills_the_slot_is_confirmed_with_its_sentence(case_id, sentence):
    """Before: "no bones" and "the class clapped" were asked "What does it say about ...?"; weak knees showed no
    feeling."""
    move = move_for(BY_ID[case_id])
    assert move.verdict == "supported" and move.status == "answer" and move.text.startswith(CONFIRMS), move.text
    assert move.evidence == [sentence]


BEES = split_sentences("Honeybees tell each other where to find food by dancing. The direction of the dance shows "
                       "which way to fly. The longer the bee waggles, the farther away the flowers are.")
BRIDGES = split_sentences("When the river flooded, it took both bridges. On the east side, the villagers chose Corvin "
                          "to rebuild theirs. On the west side, they chose Ilse. The next spring, only one bridge was "
                          "still standing.")


def test_a_word_or_two_of_a_longer_clause_does_not_fill_the_slot():
    """"farther" is a third of "the farther away the flowers are"; "east" is half of "On the east side", and the
    question asks which bridge stood, not where Corvin built."""
    question = "What does a longer waggle tell the other bees?"
    assert slot_told("the flowers are farther away", question, "detail", BEES, 2) == BEES[2]
    assert slot_told("farther", question, "detail", BEES, 2) is None
    assert slot_told("which way to fly", question, "detail", BEES, 2) is None
    assert slot_told("the east bridge was still standing", "Which bridge was still standing after the next flood?",
                     "inference", BRIDGES, 0) is None


POND = ("Beavers are the engineers of the pond. In the middle of the pond, beavers build a home called a lodge, with "
        "underwater doors. The dam keeps the water deep.")


def test_a_word_the_text_defines_is_judged_by_its_definition():
    """The head word the text defines it by: a meaning naming it is right; one with none of the sentence's words
    and far from it in meaning is flagged with the sentence; one sharing a word ("where beavers live") is left open."""
    assert definition("lodge", split_sentences(POND)) == (split_sentences(POND)[1], "home")
    question = "What does the word 'lodge' mean in this passage?"
    right = reading_move(POND, question, "the beavers' home in the middle of the pond")
    assert right.verdict == "supported" and right.status == "answer", right.text
    wrong = reading_move(POND, question, "a hotel in the mountains")
    assert wrong.verdict == "contradicted" and wrong.evidence == [split_sentences(POND)[1]], wrong.text
    assert reading_move(POND, question, "the place where beavers live").verdict != "contradicted"
    octopus = ("An octopus has no bones. It can change the color of its skin, using special cells called "
               "chromatophores.")
    asked = reading_move(octopus, "What are chromatophores?", "They are the octopus's bones")  # asked unquoted
    assert asked.verdict == "contradicted" and asked.evidence == [split_sentences(octopus)[1]], asked.text


BOAT = ("How to Fold a Paper Boat\n\nFirst, fold the paper in half from top to bottom. Next, fold the two top corners "
        "down to the middle. Then fold the bottom strips up on both sides. Finally, pull the sides apart and press "
        "the boat flat.")


def test_the_first_step_is_the_one_the_text_puts_first():
    question = "What is the first folding step for the paper boat?"
    assert reading_move(BOAT, question, "fold the paper in half from top to bottom").status == "answer"
    wrong = reading_move(BOAT, question, "fold the two top corners down")
    assert wrong.verdict == "contradicted" and wrong.evidence == ["First, fold the paper in half from top to bottom."]


DEBATE = ("Many towns ring a loud bell at noon. Some people argue that the bell wakes babies. However, most parents "
          "in a survey said they never noticed it. The bell tells workers when lunch starts. Our town should keep "
          "ringing the noon bell.")


def test_a_counterclaim_asked_for_is_named_as_the_other_side_and_the_claim_as_the_writers():
    counter = reading_move(DEBATE, "Which sentence gives a counterclaim?", "Some people argue that the bell wakes babies.")
    assert counter.status == "answer" and counter.text.startswith("Yes, that sentence gives the other side"), counter.text
    assert reading_move(DEBATE, "Which sentence gives a counterclaim?",
                        "The bell tells workers when lunch starts.").status != "answer"
    claim = reading_move(DEBATE, "What is the writer's main claim?", "the town should keep ringing the bell at noon")
    assert claim.status == "answer" and claim.text.startswith("Yes, that is the writer's claim"), claim.text
    other = reading_move(DEBATE, "What is the writer's main claim?", "the bell wakes babies")
    assert other.status != "answer", other.text


def test_a_clause_is_denied_only_by_a_clause_it_shares_and_never_by_a_double_denial():
    """"never played ... without asking" is "always asked first"; "the name that wasn't there: Eli, his best friend"
    denies no best friend."""
    assert not denied("she always asked before playing with the buttons", "What did Priya do after that?",
                      "After that, Priya never played with the jar again without asking.")
    assert not denied("he felt bad because his best friend Eli had not made it", "Why didn't Marco tell them?",
                      "He should have been thrilled, but his eyes kept sliding to the name that wasn't there: Eli, "
                      "his best friend, who had practiced every day.")
    assert denied("the hump stores water", "What does a camel's hump store?", "The hump does not store water.")
