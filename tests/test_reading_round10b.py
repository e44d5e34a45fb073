"""Round 10 of reading.py's moves, on a check set written before the change (tests/fixtures/reading_moves10b.jsonl:
ten new passages, two wrong or unsure answers each; passages F to J held back and never developed on). A move asks a
question built from the pointed sentence's own words (sentence_questions.py), never a frame that pastes the student's
words into a slot ("Which of its words say "crowded", or mean the same?", "Compare it with ..."); a why-question
points at the sentence telling what a deed is for when that is told after it; a "which detail shows X" question is
ranked on what X says beyond the words every sentence shares; a quoted line asked about is met with its situation; a
wrong meaning is tested against the words beside it."""
import json
from pathlib import Path

import pytest

from reading import reading_move
from sentence_questions import clue_for, quoted_line, sentence_question
from test_reading_round7 import move_for
from wording import request_flags

CASES = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "reading_moves10b.jsonl").open()]
BY_ID = {case["id"]: case for case in CASES}
SLOTS = ("Which of its words", "or mean the same", "Compare it with")


def test_the_round10_set_is_fourteen_passages_with_nine_held_back():
    assert len(CASES) == 28 and len({c["passage_id"] for c in CASES}) == 14
    assert {c["passage_id"] for c in CASES if c["split"] == "check"} == set("FGHIJ")
    assert {c["passage_id"] for c in CASES if c["split"] == "check2"} == set("KLMN")  # written after a first look
    assert all(c["points_to"] in c["passage"] for c in CASES)


def test_no_move_of_the_round10_set_pastes_the_answer_into_a_slot():
    """Before: 7 of 20 replies (4 held back) asked 'Which of its words say "fast", or mean the same?' or
    'Compare it with "to look nice": what is the same, and what is different?'."""
    for case in CASES:
        text = move_for(case).text
        assert not any(slot in text for slot in SLOTS), (case["id"], text)


@pytest.mark.parametrize("case_id, asked", [
    ("rm10-A-wrong_because1", "What did his mother say about the old trumpet?"),   # the condition told before it
    ("rm10-B-wrong_because1", "What does the sun do by summer?"),
    ("rm10-D-wrong_because2", "What does the fluffing do?"),                      # what the deed is for, told after
    ("rm10-E-wrong_because1", "What did Mr. Oduya say about the bed?")])
def test_a_wrong_because_answer_is_asked_what_the_reason_sentence_says(case_id, asked):
    text = move_for(BY_ID[case_id]).text
    assert text.endswith(asked), text


def test_a_reason_told_after_the_deed_is_pointed_at():
    text = move_for(BY_ID["rm10-D-wrong_because2"]).text
    assert "and the sentence just after it" in text, text


def test_a_which_detail_question_points_at_the_detail_that_shows_it():
    """Before: 'Look at the fourth sentence ... Otters clean and fluff their fur' (the otters and their fur only)."""
    move = move_for(BY_ID["rm10-D-which_detail1"])
    assert move.evidence == ["The fluffing traps air bubbles that keep the cold water away from their skin."], move


def test_a_quoted_line_asked_about_is_met_with_its_situation():
    """Before: 'what can you work out about "Why does Tess ask "How do you work so quickly"?' at the last line."""
    text = move_for(BY_ID["rm10-C-quote_question1"]).text
    assert text.startswith('Tess asks "How do you work so quickly?" just after the third sentence'), text
    assert text.endswith("why would that make Tess ask it?"), text


def test_a_question_cut_at_the_lines_own_question_mark_still_finds_the_line():
    sentences = ["Pia looked at the empty jar.", "\"Who ate all the jam?\" she asked.", "Nobody said a word."]
    assert quoted_line('Why does Pia ask "Who ate all the jam?', sentences) == ("Who ate all the jam?", 1)


def test_a_wrong_meaning_is_tested_against_the_words_beside_it():
    """Before: 'If "shade" means "a kind of flower" there, does the sentence make sense with what happens just
    before and after it?'."""
    text = move_for(BY_ID["rm10-E-wrong_meaning2"]).text  # session 27: their meaning's evidence asked, not doubted
    assert 'made you think it means "a kind of flower"?' in text, text
    assert text.endswith('Read "Ruby moved her seeds to the sunny corner near the gate" too.'), text


@pytest.mark.parametrize("sentence, asked", [
    ("In winter the pond froze and the ducks could not swim.", "What did the pond do in winter?"),
    ("Out on the lake, the ducks could not swim.", "What couldn't the ducks do out on the lake?"),
    ("By the end of the game, his legs were tired, but he kept running.",
     "What does it say about his legs by the end of the game?"),
    ("Grandma said the jar on the top shelf was only for guests.", "What did Grandma say about the jar?"),
    ("The shaking helps the seeds fall out of the pod.", "What does the shaking do?"),
    ("\"Hello there,\" she said.", "What did she say there, and what does that tell you?")])  # no guess at who
def test_sentence_questions_are_built_from_the_sentences_own_words(sentence, asked):
    assert sentence_question(sentence, "Why did it happen?", [sentence]) == asked


def test_a_clue_is_the_other_part_of_the_sentence_else_its_neighbour():
    sentences = ["The ice was so thin that it cracked under the cat.", "Tom ran inside.", "The room was dim."]
    assert clue_for("thin", sentences[0], sentences) == "it cracked under the cat"
    assert clue_for("dim", sentences[2], sentences) == "Tom ran inside"


def test_a_story_asking_to_stop_asking_for_something_is_no_request_to_stop():
    """Before: 'Why did Omar's sister stop asking for the hall light?' was read as 'stop asking me questions'."""
    assert "just_tell_me" not in request_flags("Why did his sister stop asking for the hall light?")
    assert "just_tell_me" in request_flags("stop asking me questions")


def test_a_move_without_a_claim_asks_what_the_clue_sentence_says():
    case = BY_ID["rm10-A-wrong_because1"]
    text = reading_move(case["passage"], case["question"]).text
    assert "What did his mother say about the old trumpet?" in text, text


@pytest.mark.parametrize("question, speaker", [
    ('Why does Pia\'s sister ask "Who ate all the jam?"', 'Pia\'s sister asks "Who ate all the jam?"'),
    ('Why is "Who ate all the jam?" asked?', 'Her sister asked "Who ate all the jam?"')])
def test_the_speaker_of_a_quoted_line_is_who_the_question_or_the_line_names(question, speaker):
    """Never a guess from the names nearby: 'Pia says ...' would be false."""
    passage = ("Pia opened the cupboard and found the jam jar empty. Pia held up the jar. \"Who ate all the jam?\" her "
               "sister asked. Pia looked at the floor and said nothing.")
    text = reading_move(passage, question, "because she is hungry").text
    assert speaker in text and "Pia says" not in text, text
