"""Round 8 of reading.py's moves, on a check set written before the change (tests/fixtures/reading_moves7.jsonl:
eight new passages, a right answer, a partial one, a wrong one and a request each; passages E, F, G, H held back and
never developed on). A claim the move cannot confirm is met the same way whether it is right or wrong: which words of
the text back it, never "Does it say anything about ...?", which tells a right student they are wrong. Garbled
fill-ins: "that word" or "it" taken as the asked word, a letter's greeting kept as a title, a title asked of a text
with none, and a first-or-last question pointed at the best-matching middle sentence."""
import json
from pathlib import Path

import pytest

from passages import body, classify_question, quoted_term
from reading import reading_move
from test_reading_round7 import CONFIRMS, move_for

CASES = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "reading_moves7.jsonl").open()]
BY_ID = {case["id"]: case for case in CASES}
TOLD_WRONG = ("anything about", "can't find", "may not come from")  # read by a right student as "you are wrong"


def test_the_round8_set_is_eight_passages_with_four_held_back():
    assert len(CASES) == 32 and len({c["passage_id"] for c in CASES}) == 8
    assert {c["passage_id"] for c in CASES if c["split"] == "check"} == {"E", "F", "G", "H"}
    assert all(c["points_to"] in c["passage"] for c in CASES)
    kinds = [c["kind"] for c in CASES]
    assert all(kinds.count(k) == 8 for k in ("correct_answer", "partial", "wrong_attempt", "request"))


def test_a_right_answer_is_never_told_it_is_unsupported():
    """Before: 'I can't find "hurt" anywhere in the passage' (its wing hung low), 'Does it say anything about "rake"
    or "lift"?' (he lifted the kite free with a rake): right answers in the student's own words."""
    for case in CASES:
        if case["kind"] in ("correct_answer", "partial"):
            text = move_for(case).text
            assert not any(told in text for told in TOLD_WRONG), (case["id"], text)


def test_no_wrong_answer_of_the_round8_set_is_confirmed():
    for case in CASES:
        if case["kind"] == "wrong_attempt":
            move = move_for(case)
            assert move.verdict != "supported" and not move.text.startswith(CONFIRMS), (case["id"], move.text)


@pytest.mark.parametrize("case_id, sentence", [
    ("rm7-A-correct_answer1", 'the sentence that begins "Its wing..."'),
    ("rm7-A-wrong_attempt1", 'the first sentence of the passage, the one with "bird" and "storm"'),
    ("rm7-G-correct_answer1", 'the third sentence of the passage, the one with "brother" and "rake"')])
def test_an_answer_the_pointer_missed_is_sent_to_the_sentence_holding_its_own_words(case_id, sentence):
    """Round 10: the sentence the answer was built on is named and asked about as a whole (it may say the answer in
    other words), never "which of its words say "hurt", or mean the same?"; nothing is called missing. Session 21: nor
    doubted ("Does it answer the question?" was read as "you are wrong" by students who were right)."""
    text = move_for(BY_ID[case_id]).text
    assert text.startswith(f"Your answer's words are in {sentence}. ") and "Does it answer" not in text, text
    assert "I can't find" not in text and "Which of its words" not in text, text


def test_an_answer_word_the_text_never_uses_is_named_and_the_reason_sentence_asked_about():
    """Round 10: before, 'Which of its words say "bad", or mean the same?' asked for a word the passage lacks."""
    passage = ("Kofi always played the same opening. His sister Ama learned it and won every game. Then Kofi tried "
               "new moves each week, and he started to win.")
    text = reading_move(passage, "Why did Kofi always lose?", "because he was a bad player").text
    assert "bad" not in text and text.endswith("What did his sister Ama do?"), text  # round 20 (meaning_match.unfound): only a word that claims a fact is named as absent


@pytest.mark.parametrize("question, kind", [
    ("How did Jin feel after he misspelled the word?", "feeling"),  # a misspelled word asks nothing of its meaning
    ("What happened last in the story?", "sequence"),
    ("What came first?", "sequence"),
    ("What does the word \"clever\" mean?", "vocabulary")])
def test_question_types(question, kind):
    assert classify_question(question) == kind


def test_a_last_event_question_points_to_the_end_of_the_text():
    case = BY_ID["rm7-D-request1"]
    assert reading_move(case["passage"], case["question"]).text.startswith("Find the last sentence of the passage.")


@pytest.mark.parametrize("question", ["What does it mean?", "What does that word mean in the story?",
                                      "In the second paragraph, what does the word mean?"])
def test_a_pointing_word_is_never_taken_as_the_asked_word(question):
    assert quoted_term(question) is None
    text = reading_move(BY_ID["rm7-B-request1"]["passage"], question).text
    assert text.startswith("Which word do you mean?") and '"that word"' not in text and '"it"' not in text, text


def test_a_letter_greeting_with_no_comma_is_no_title_and_a_thank_you_is_no_sign_off():
    title, sentences, _ = body("Dear Grandma\nThank you for the sweater. It keeps me warm at recess.\nLove, Tim")
    assert title is None and sentences == ["Thank you for the sweater.", "It keeps me warm at recess."]
    title, sentences, _ = body("Hi Coach Dana!\nOur team wants new cones. The old ones are broken.\nFrom, the Tigers")
    assert title is None and sentences == ["Our team wants new cones.", "The old ones are broken."]


def test_a_title_asked_of_a_text_with_none_says_so():
    case = BY_ID["rm7-C-request1"]  # a letter: "Dear Principal Ruiz," greets, it is no title
    text = reading_move(case["passage"], case["question"]).text
    assert text.startswith("This text has no title line") and "Ruiz" not in text, text


def test_a_greeting_or_self_introduction_is_never_taken_as_the_answer():
    """'How do we know ...? Hi, I'm Mr. Dale, the student's teacher.' was judged: 'I can't find "hi" or "mr"'."""
    case = BY_ID["rm7-A-request1"]
    for claim in ("Hi, I'm Mr. Dale, the student's teacher.", "Hello! My name is Priya."):
        text = reading_move(case["passage"], case["question"], claim).text
        assert "can't find" not in text and '"hi"' not in text.lower() and "Dale" not in text, text
    text = reading_move(case["passage"], case["question"], "Hello! I'm Mr. Dale. It was flying over the park.").text
    assert "Dale" not in text and "Hello" not in text, text


def test_a_letter_greeting_given_as_its_title_is_named_a_greeting():
    case = BY_ID["rm7-C-request1"]
    text = reading_move(case["passage"], case["question"], "Dear Principal Ruiz").text
    assert text.startswith('"Dear Principal Ruiz" is the letter\'s greeting') and "can't find" not in text, text


def test_a_meaning_for_an_unnamed_word_is_tried_in_its_place():
    text = reading_move(BY_ID["rm7-B-partial1"]["passage"], "What does it mean?", "smart").text
    assert text == 'Which word do you mean? Find it in the passage and put "smart" in its place: does that fit?'


def test_a_quoted_phrase_keeps_its_apostrophes():
    """'Sentiment doesn' was the asked word of "What does 'Sentiment doesn't matter' mean?"."""
    assert quoted_term("What does 'Sentiment doesn't matter' mean?") == "Sentiment doesn't matter"
    assert quoted_term("Why did Omar's dad say 'not now'?") == "not now"


def test_an_answer_is_sent_to_the_sentence_holding_most_of_its_words():
    """Not the first one holding any ('They can open jars to reach the crabs inside.' for '... hide inside them')."""
    case = BY_ID["rm7-B-request1"]
    text = reading_move(case["passage"], case["question"], "Some octopuses even carry coconut shells and hide inside "
                        "them to stay safe").text
    assert "crabs" not in text and '"inside"' not in text, text
