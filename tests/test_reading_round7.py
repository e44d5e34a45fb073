"""Round 7 of reading.py's moves: a right answer in the student's own words is judged clause by clause against the
sentence it restates (own_words.own_words_backed), on a check set written before the change
(tests/fixtures/reading_moves6.jsonl: eight new passages, two right answers in other words and two wrong answers
each; passages E, F, G, H held back and never developed on), plus the round's follow-ups through lesson.py, agent.py
and wording.py."""
import json
from pathlib import Path

import pytest

import agent
import lesson
import problem_text
import wording
from evidence import split_sentences
from student_message import extract_claim, question_of
from passages import classify_question, rank_sentences
from own_words import own_words_backed, part_said, unnegated
from reading import reading_move

CASES = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "reading_moves6.jsonl").open()]
CONFIRMS = ("Yes", "That's right", "Correct")


def move_for(case: dict):
    message = case["student_message"]
    question = question_of(message) or message
    return reading_move(case["passage"], question, extract_claim(message, question))


def test_the_round7_set_is_eight_passages_with_four_held_back():
    assert len(CASES) == 32 and len({c["passage_id"] for c in CASES}) == 8
    assert {c["passage_id"] for c in CASES if c["split"] == "check"} == {"E", "F", "G", "H"}
    assert all(c["points_to"] in c["passage"] for c in CASES)
    assert sum(c["kind"] == "correct_answer" for c in CASES) == sum(c["kind"] == "wrong_attempt" for c in CASES) == 16


def test_no_wrong_answer_of_the_round7_set_is_confirmed():
    """Before this round three dev answers were: "got eaten by a rabbit and died" (a part joined by 'and' the
    sentence never says), "the feathers store fat" (the fat sentence is about the skin), "proud" after a miss."""
    for case in CASES:
        if case["kind"] == "wrong_attempt":
            move = move_for(case)
            assert move.status in ("", "off") and not move.text.startswith(CONFIRMS), (case["id"], move.text)


@pytest.mark.parametrize("case_id, sentence", [
    ("rm6-C-correct_answer1", "She missed a note in the first line and her face turned hot."),
    ("rm6-C-correct_answer2", "Then she remembered her teacher's advice to keep going no matter what.")])
def test_right_answers_in_other_words_are_confirmed_with_their_sentence(case_id, sentence):
    """A face turning hot shows embarrassment; "to not stop" says what "to keep going" says."""
    move = move_for(next(c for c in CASES if c["id"] == case_id))
    assert move.verdict == "supported" and move.text.startswith(CONFIRMS), move.text
    assert move.evidence == [sentence]


BEARS = ("Bears get ready for the long winter. Before they sleep, they eat huge amounts of berries and nuts. Their "
         "thick bodies store fat, not food scraps, and their bodies can use that fat for energy while they sleep.")


def test_an_aside_denies_only_its_own_piece_of_the_clause():
    """"fat, not food scraps, and their bodies can use that fat": "not" belongs to "food scraps" alone."""
    said = part_said(["bodi", "use", "fat", "energi"], split_sentences(BEARS)[2])
    assert "not" not in said and "use that fat" in said
    assert "not food scraps" in part_said(["food", "scrap"], split_sentences(BEARS)[2])
    question = "What do a bear's thick bodies store?"
    sentences = split_sentences(BEARS)
    ranked = rank_sentences(question, sentences)
    assert own_words_backed("fat, which the bear can use for energy", question, sentences, ranked) == sentences[2]
    assert own_words_backed("they store food scraps to eat later", question, sentences, ranked) is None


def test_a_negated_word_is_read_as_its_opposite():
    assert unnegated("she told herself to not stop") == "she told herself to keep going"
    assert unnegated("the soil was not wet") == "the soil was dry"
    assert unnegated("he is not tall") == "he is not tall"  # no opposite known: the negation stays


def test_a_question_about_spelling_a_word_is_no_vocabulary_question():
    assert classify_question("How did Jun's practice help him spell the last word?") != "vocabulary"
    assert classify_question("What does the word 'tumble' mean?") == "vocabulary"
    assert classify_question("Which word tells you that Omar is nervous?") == "vocabulary"


def test_how_many_more_asks_for_what_is_still_to_come_unless_it_compares():
    assert problem_text.question_target("How many more weeks does she need to save?") == "the number of extra weeks"
    assert problem_text.question_target("How much more does the drone cost than the robot?") == "the difference"
    assert problem_text.question_target("How much more money does she need?") == "the extra money"


OWLS = ("Owls hunt mostly at night. Their large eyes gather what little light there is, so they can see shapes in the "
        "dark. Long eyelashes keep dust out of their eyes.\n\nWhat keeps dust out of an owl's eyes?")


def test_a_one_word_reading_answer_the_passage_holds_is_judged():
    state = lesson.Lesson(problem=OWLS)
    assert lesson.grounded_move(state, "reading", "eyelashes").kind != "evidence_question"
    assert lesson.grounded_move(state, "reading", "hmm").kind == "evidence_question"
    assert lesson.grounded_move(state, "reading", "magic").kind == "evidence_question"  # not in the passage


def test_not_understanding_the_question_hears_what_it_asks():
    state = lesson.Lesson(problem=OWLS)
    move = lesson.grounded_move(state, "reading", "I don't understand the question")
    assert move.question.startswith("It asks for something the text tells you"), move.question


def silent(*_, **__):
    return iter(())


def test_check_my_work_with_no_answer_says_only_the_guard_line():
    """The request comes with the question ("... owl's eyes? Can you check my work?"): nothing to check yet."""
    tutor = agent.Tutor(silent)
    reply = list(tutor.respond("s", f"{OWLS} Can you please look over my work?", "reading"))[-1]["text"]
    assert reply == wording.GUARD_REPLIES["check_work"], reply  # no pointer quoting "look over my work" back
