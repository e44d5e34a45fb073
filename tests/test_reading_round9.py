"""Round 9 of reading.py's moves, on a check set written before the change (tests/fixtures/reading_moves8.jsonl:
twelve new passages, three questions each, with a request, a partial answer, a wrong one or "I don't know"; passages
B, D, F, H, J and L held back and never developed on). Every move is grammatical by construction: a long meaning is
tested beside its sentence, never spliced into it; a non-answer ("idk", "the text doesn't say") is never quoted back
as an answer; the pointed sentence is chosen by the question's type (the time a step question names, the one a
feeling question asks about, a cause told after its effect, the one who changes at a theme's turn)."""
import json
from pathlib import Path

import pytest

from reading import quoted_term, reading_move
from test_reading_round7 import move_for

CASES = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "reading_moves8.jsonl").open()]
BY_ID = {case["id"]: case for case in CASES}


def test_the_round9_set_is_twelve_passages_with_six_held_back():
    assert len(CASES) == 36 and len({c["passage_id"] for c in CASES}) == 12
    assert {c["passage_id"] for c in CASES if c["split"] == "check"} == {"B", "D", "F", "H", "J", "L"}
    assert all(c["points_to"] in c["passage"] for c in CASES)
    assert {c["kind"] for c in CASES} == {"request", "partial", "wrong_attempt", "dont_know", "correct_answer"}


@pytest.mark.parametrize("said", ["idk", "I don't know", "no idea", "The text doesn't say", "not sure"])
def test_a_non_answer_is_never_weighed_or_quoted_back(said):
    """Before: 'Compare it with "the text doesn't say": what is the same, and what is different?'."""
    case = BY_ID["rm8-C-dont_know2"]
    move = reading_move(case["passage"], case["question"], said)
    assert move.verdict is None and said.lower() not in move.text.lower(), move.text
    assert "Compare it with" not in move.text and "Theo" not in move.text, move.text


def test_a_non_answer_saying_the_text_is_silent_is_met_without_agreeing():
    """'The story doesn't say why' may be half right (a motive is often shown) or wrong: never 'True, ...'."""
    case = BY_ID["rm8-G-dont_know1"]
    text = reading_move(case["passage"], "Why did Aunt Rosa carry the pot outside?", "the story doesn't say why").text
    assert text.startswith("It may not be said in one sentence, so look for clues.") and \
        "True" not in text, text


@pytest.mark.parametrize("case_id, term, said", [("rm8-I-partial3", "crust", "part of the Earth"),
                                                 ("rm8-C-wrong_attempt3", "blurred", "the words were loud")])
def test_a_long_meaning_is_tested_beside_its_sentence_never_spliced_into_it(case_id, term, said):
    """Before: "cracks in the Earth's part of the Earth." (a right answer spliced into nonsense)."""
    case = BY_ID[case_id]
    sentence = next(s for s in case["passage"].split(". ") if case["points_to"] in s)
    text = move_for(case).text
    assert f'"{sentence}' in text and f'made you think it means "{said}"?' in text, text  # asked, never doubted


def test_a_one_word_meaning_still_takes_the_words_place():
    case = BY_ID["rm8-I-partial3"]
    text = reading_move(case["passage"], case["question"], "shell").text
    assert 'through cracks in the Earth\'s shell."' in text, text


@pytest.mark.parametrize("question, term", [("What does the writer mean by 'a heavy heart'?", "a heavy heart"),
                                            ("What does the author mean when she says the house was asleep?",
                                             "the house was asleep"),
                                            ('What does the word "patch" mean?', "patch")])
def test_the_words_asked_about_are_never_the_writer(question, term):
    assert quoted_term(question) == term


@pytest.mark.parametrize("case_id, pointed", [
    ("rm8-A-request1", 'the sentence that begins "The third seed...", and the sentence just after it'),  # found that
    ("rm8-G-dont_know1", 'What does Dev do or say when the power goes out'),   # Dev at the moment, not the storm
    ("rm8-A-wrong_attempt3", 'the sentence that begins "After a week,..."')])         # the time the question names
def test_the_pointer_is_chosen_by_the_questions_type(case_id, pointed):
    text = move_for(BY_ID[case_id]).text
    assert pointed in text, text


def test_a_step_question_checks_the_answer_where_the_passage_tells_that_step():
    """Before: 'Find the first sentence of the passage. Is that where your step comes in the order?'."""
    text = move_for(BY_ID["rm8-A-wrong_attempt3"]).text
    assert text.endswith('What happens there? Does it match "the snail ate all the seeds"?'), text


def test_a_question_about_which_thing_comes_first_is_no_question_about_the_texts_start():
    passage = ("A frog starts as an egg in a pond. The egg hatches into a tadpole with a long tail. Soon the tadpole "
               "grows back legs. Next its front legs grow, and its tail gets shorter.")
    text = reading_move(passage, "which legs come first on a tadpole?", "they all grow at once").text
    assert "first sentence" not in text, text


def test_the_theme_asks_about_the_one_who_changes_at_the_turn():
    """Before: 'what does Aunt understand ...' (a title counted as a name; Dev, named only at sentence starts)."""
    text = move_for(BY_ID["rm8-G-request3"]).text
    assert "what does Dev understand or do differently" in text, text



def test_a_storys_main_idea_is_framed_as_a_story_with_its_names_as_written():
    """Before: "In an article or an informational text the main idea usually comes at the start ... (seeds, lena)"."""
    story = reading_move(BY_ID["rm8-A-request1"]["passage"], "What is the main idea of the story?").text
    assert story.startswith("To find a story's main idea, look at what happens from the start to the end.") and \
        "Lena" in story and "lena" not in story, story
    article = reading_move(BY_ID["rm8-I-request2"]["passage"], "What is the main idea?").text
    assert article.startswith("In an article or an informational text") and "(volcanoes" in article, article


def test_a_step_after_a_named_event_is_pointed_to_only_when_it_is_not_the_events_own_sentence():
    passage = BY_ID["rm8-G-request3"]["passage"]
    after = reading_move(passage, "What happened after Aunt Rosa lit the candles?").text
    assert after.startswith('Find where the passage tells "Aunt Rosa lit the candles", then read the fifth sentence '
                            'of the passage, just after it. What happens there?'), after
    watered = reading_move(BY_ID["rm8-A-request1"]["passage"], "What happens next after Lena waters the cup?").text
    # "Find where the passage tells "Lena waters the cup", then read the second sentence, just after it" was false:
    # the second sentence tells the watering itself
    assert "then read" not in watered and watered.startswith("Find the second sentence of the passage"), watered


def test_time_words_are_asked_for_only_in_a_text_that_has_them_and_nothing_comes_before_the_first_sentence():
    passage = BY_ID["rm8-G-request3"]["passage"]
    text = reading_move(passage, "What happens next in the story?").text
    assert text == "Find the first sentence of the passage. What comes just after it?", text
    first = reading_move(passage, "What happened first?").text
    assert first == "Find the first sentence of the passage. What happens there?", first


def test_a_cause_is_pointed_after_its_effect_only_when_someone_finds_it_out():
    passage = ("Rosa was sure the old shed was empty. The dog barked at the shed door all night. The next morning Rosa "
               "opened the door and found him there, wagging his tail at a family of kittens.")
    text = reading_move(passage, "Why did the dog bark at the shed door?").text
    assert "the sentence just before it" in text and "just after it" not in text, text  # "found him": no cause told


def test_a_why_feel_question_names_the_one_asked_about():
    """Before: "What does the character do or say there" for "Why does Minh feel pride or loss?"."""
    passage = ("Minh read the report card to her mother in English. Her mother nodded slowly. Minh was not sure "
               "whether the feeling in her chest was pride or something closer to loss.")
    text = reading_move(passage, "Why does Minh feel pride or loss?").text
    assert "the character" not in text and "Minh" in text, text
