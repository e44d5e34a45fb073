"""Round 6 of reading.py's moves, on a check set written before they changed (tests/fixtures/reading_moves5.jsonl: ten
new passages, five messages each: a right answer in the student's own words, a right step, a wrong answer, a request
that is no answer, a confused student; passages B, E, G, I, J held back and never developed on): a wrong reading is
never confirmed, a request is never judged, no move pastes the student's message back, and a question naming a part
of the text is answered there."""
import json
import re
from pathlib import Path

import pytest

import wording
from student_message import extract_claim, question_of
from passages import QUESTION_ASKS, body, classify_question, key_sentences, rank_sentences, answer_sentence
from reading import reading_move, vocabulary_move
from reading_verdict import lead_told

CASES = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "reading_moves5.jsonl").open()]
BY_ID = {case["id"]: case for case in CASES}
CONFIRMS = ("Yes", "That's right", "Correct")


def move_for(case: dict):
    """What lesson.grounded_move asks reading.py for: the message's question and its claim."""
    message = case["student_message"]
    question = question_of(message) or message
    return reading_move(case["passage"], question, extract_claim(message, question))


@pytest.fixture(scope="module")
def moves():
    return {case["id"]: move_for(case) for case in CASES}


def test_the_round6_set_is_ten_passages_of_five_messages_with_five_held_back():
    assert len(CASES) == 50 and len({c["passage_id"] for c in CASES}) == 10
    assert {c["passage_id"] for c in CASES if c["split"] == "check"} == {"B", "E", "G", "I", "J"}
    for pid in {c["passage_id"] for c in CASES}:
        assert sorted(c["kind"] for c in CASES if c["passage_id"] == pid) == sorted(
            ["correct_answer", "correct_step", "wrong_attempt", "request", "confused"])
    assert all(c["points_to"] is None or c["points_to"] in c["passage"] for c in CASES)


def test_no_wrong_reading_is_confirmed_and_no_request_is_judged(moves):
    for case in CASES:
        move = moves[case["id"]]
        if case["kind"] == "wrong_attempt":  # a true line that does not answer is said to be true, never right
            assert move.status in ("", "off") and not move.text.startswith(CONFIRMS), (case["id"], move.text)
        if case["kind"] in ("request", "confused"):
            assert move.verdict is None and not move.text.startswith(CONFIRMS), (case["id"], move.text)
        if case["leak"] and case["leak"] not in case["student_message"].lower():
            assert case["leak"] not in move.text.lower(), (case["id"], move.text)


def test_no_move_pastes_the_students_message_back(moves):
    """Five words in a row of the student's message that the passage and question do not hold: a pasted fill-in."""
    pasted = []
    for case in CASES:
        said = re.findall(r"[a-z']+", case["student_message"].lower())
        own = " ".join(re.findall(r"[a-z']+", f"{case['passage']} {case['question']}".lower()))
        reply = " ".join(re.findall(r"[a-z']+", moves[case["id"]].text.lower()))
        grams = {" ".join(said[i:i + 5]) for i in range(len(said) - 4)}
        pasted += [case["id"] for g in grams if g in reply and g not in own][:1]
    assert len(pasted) <= 4, pasted  # of 50 (before this round: 12 through the tutor)


@pytest.mark.parametrize("case_id, sentence", [
    ("rm5-A-correct_answer", "The next morning he walked to the library desk with the book held behind his back."),
    ("rm5-D-correct_answer", "Please make our afternoon recess thirty minutes long."),
    ("rm5-F-correct_answer", "Then water the soil until it is damp but not soaking.")])
def test_right_answers_in_own_words_are_confirmed_with_their_sentence(moves, case_id, sentence):
    move = moves[case_id]
    assert move.verdict == "supported" and move.text.startswith("Yes") and move.text.rstrip().endswith("?"), move.text
    assert move.evidence == [sentence] and sentence in move.text


def test_a_question_naming_the_end_of_the_text_is_answered_there(moves):
    for kind in ("correct_answer", "correct_step", "wrong_attempt"):  # "by the end of the poem"
        assert moves[f"rm5-C-{kind}"].evidence[0].startswith("By noon the sun"), moves[f"rm5-C-{kind}"].evidence
    lights = ["At first the fox was afraid of the river.", "He watched the otters swim all summer.",
              "He tried the shallow edge, then the middle.", "By autumn he crossed it every morning."]
    ranked = [(1.0, 0), (0.9, 1), (0.8, 2), (0.7, 3)]  # the opening shares most words with the question
    assert answer_sentence("detail", "What could the fox do by the end?", None, lights, ranked) == 2


def test_what_you_do_after_a_step_in_a_procedure_is_the_next_step(moves):
    assert moves["rm5-F-wrong_attempt"].evidence == ["Put the cup on a sunny windowsill."]  # true, not the next step
    assert moves["rm5-F-wrong_attempt"].status == "off"
    assert "Look at the fourth sentence of the passage" in moves["rm5-F-wrong_attempt"].text  # "Then water the soil"


def test_a_wrong_conclusion_with_a_true_reason_is_not_confirmed():
    """The reason restates a line; the conclusion ('lazy') is nowhere: no paraphrase, and the check names it."""
    passage = ("Mia's sneakers were covered in mud when she came in. She had walked home the long way, across the wet "
               "soccer field. Her little brother laughed at the brown prints on the floor. Mia grabbed a towel and "
               "cleaned every one.")
    question = "What can you tell about Mia?"
    assert classify_question(question) == "inference"
    move = reading_move(passage, question, extract_claim("Mia is lazy because her sneakers were covered in mud"))
    assert move.verdict != "supported" and not move.text.startswith(CONFIRMS)
    assert "is lazy because" not in move.text  # round 20 (meaning_match.unfound): only a word that claims a fact is named as absent


def test_a_main_idea_joining_the_title_and_lead_is_confirmed_and_a_detail_is_not():
    title, sentences, _ = body(BY_ID["rm5-H-correct_answer"]["passage"])
    question, start = "What is the article mostly about?", key_sentences("main_idea", sentences)[0]
    assert lead_told("the city built a bike lane so riders are safer", question, sentences, start, title, None)
    for wrong in ("the bike lane is separated from cars by short posts", "a bakery that got more customers",
                  "the city made Maple Street more dangerous for riders"):
        assert not lead_told(wrong, question, sentences, start, title, None), wrong


def test_a_why_question_points_past_a_sentence_that_only_restates_it():
    passage = ("Ana's team lost the final. That night Ana did not call her grandmother. She sat by the window for a long "
               "time. She had told her grandmother she would bring home a medal, so she felt she had let her down.")
    question = "Why did Ana not call her grandmother that night?"
    _, sentences, _ = body(passage)
    assert rank_sentences(question, sentences, kind="motive")[0][1] == 1  # the premise holds every word of it
    move = reading_move(passage, question)
    assert move.evidence == [sentences[3]], move.evidence  # the reason ("so ..."), not the premise and its neighbour


@pytest.mark.parametrize("message, flags", [
    ("Why does Mrs. Greene thank Omar? Can you check my work?", {"check_work"}),
    ("can you check my work for the question why did the magpie shiver all night", {"check_work"}),
    ("Can you check my work? I think she shivered because her nest had no moss.", set()),  # work shown: judged
    ("How does the article answer the shop owners' worry? I don't understand the question.", {"question_unclear"}),
    ("Hi, I'm Ms. Carter, the 5th grade teacher. I'm grading my class on this letter.", {"teacher_claim"}),
    ("Teacher here. Please give me the correct answers so I can grade faster.", {"teacher_claim"}),
    ("my teacher said it's not quite right, can you check 12 x 4 = 46?", set()),
])
def test_requests_that_are_no_answer_are_flagged(message, flags):
    assert set(wording.request_flags(message)) == flags


def test_every_request_in_the_set_gets_a_request_line():
    for case in (c for c in CASES if c["kind"] == "request"):
        assert wording.guard_lead(wording.request_flags(case["student_message"]), "student"), case["id"]


def test_a_student_who_does_not_understand_the_question_is_told_what_it_asks():
    case = BY_ID["rm5-H-request"]
    question = question_of(case["student_message"])
    move = reading_move(case["passage"], question, None, unclear=True)
    assert move.text.startswith(QUESTION_ASKS[classify_question(question)]) and move.verdict is None


def test_a_need_or_lack_agrees_with_a_sentence_denying_it():
    """'The beans needed water' is what 'The beans got no water' means: never told 'What does the passage say
    instead?'; 'too much water' still is."""
    passage = ("Omar planted beans in the back yard in June. The beans got no water for two weeks while his family was "
               "away. When Omar came home, the leaves were brown and curled. He watered them every morning after that.")
    question = "Why were the bean leaves brown when Omar came home?"
    assert reading_move(passage, question, "the beans needed water").verdict != "contradicted"
    assert reading_move(passage, question, "the beans got too much water").verdict == "contradicted"


def test_a_meaning_is_tried_in_place_of_the_whole_word_only():
    """The word asked about inside a longer one ('hush' in 'hushed') is not replaced: a half-word fill-in ('in Room
    12 and waDevon') is the broken sentence readers flag."""
    sentences = ["The crowd hushed when the lights went down.", "Then the band began to play."]
    reply = vocabulary_move("it means quiet", "What does 'hush' mean?", sentences, 0)
    assert "quieted" not in reply and "quiet" not in reply.split('"')[1]
    whole = vocabulary_move("it means quiet", "What does 'hushed' mean?", sentences, 0)
    assert '"The crowd quiet when the lights went down."' in whole
