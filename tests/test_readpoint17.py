"""Round 17 (readpoint17: the sentence that decides the question): a figurative question points at the figure's line,
a why-question at a cause told before its event, a question naming the last lines at them; a letter's titled greeting
("Dear Dr. Patel,") is its frame, and who wrote it or to whom is read from its greeting and signature; a quoted line
asked about is built on; a time asked is never said in the question that tests it; a compound holding the student's
word is no missing word.

    .venv/bin/python -m pytest -q tests/test_readpoint17.py
"""
from text_words import base_forms
from locate import cause_before
from passages import body, classify_question
from meaning_match import unfound
from reading import reading_move
from reading_asks import frame_move, quoted_clue
from sentence_questions import sentence_question

KITE = ("On Sunday, Tomas built a kite from paper and sticks. He tied a long string to its middle. At the park, the "
        "kite would not rise at all. His aunt said the tail was too short to keep it steady. So Tomas added a tail "
        "of old ribbons. After that, the kite climbed higher than the trees. Tomas ran home beaming like a lamp in "
        "a dark window.")

STORM = ("Lina had planned a picnic with her cousin Omar for weeks. She baked lemon bars the night before. On "
         "Saturday, Omar called to say he had the flu. Lina sat by the window for an hour. She barely touched her "
         "lunch. That afternoon, she carried the lemon bars next door to Mrs. Gray, who lived alone. At the table, Mrs. "
         "Gray cheered so loudly for the lemon bars that Lina could not stop laughing. Walking home, Lina wondered what she could bake for her next visit.")

FENCE = ("The Old Fence\nThe fence along the meadow sags\nlike a sleepy dog stretched in the sun.\nIts posts are "
         "cracked and its wire is rusted,\nand the wind makes the gate moan.\nStill it stands, season after season,\n"
         "keeping the goats from the road.")

LETTER = ("Dear Dr. Patel,\nMy name is Rosa Lind, and I am in fifth grade. I am writing to ask if our school can have "
          "a reading corner in the library. Many students read at lunch, but there are no soft chairs. Please think "
          "about our idea.\nYours truly,\nRosa Lind")


def test_a_simile_asked_about_is_classified_as_a_meaning_and_its_line_quoted():
    question = "What does it mean that Tomas was beaming like a lamp in a dark window?"
    assert classify_question(question) == "meaning"
    text = reading_move(KITE, question).text
    assert "Which word do you mean" not in text, text
    assert "like a lamp in a dark window" in text, text


def test_what_a_thing_is_compared_to_points_at_the_like_line_without_quoting_it():
    assert classify_question("What is the fence compared to?") == "meaning"
    text = reading_move(FENCE, "What is the fence compared to?").text
    assert "second line" in text and "\"like\"" in text, text
    assert "sleepy dog" not in text, text  # the words after "like" are the answer


def test_the_last_lines_asked_are_where_the_move_points():
    text = reading_move(FENCE, "What can you tell about the fence from the last lines of the poem?").text
    assert "first line" not in text and "second line" not in text, text


def test_a_why_question_points_before_its_event_not_at_what_followed():
    text = reading_move(STORM, "Why did Lina carry the lemon bars to Mrs. Gray?").text
    assert "seventh" not in text and "laughing" not in text, text  # what followed the event is no cause of it


def test_a_cause_just_before_the_event_stays_pointed():
    _, sentences, _ = body(KITE)
    fix = next(i for i, s in enumerate(sentences) if s.startswith("So Tomas"))
    assert cause_before("Why did the kite start climbing higher?", sentences, fix) == fix
    # "Tomas ran home beaming" follows the climb: the sentence just before the climb tells its cause
    assert cause_before("Why did the kite start climbing higher?", sentences, fix + 2) == fix


def test_a_titled_greeting_is_the_letters_frame_not_its_title():
    title, sentences, _ = body(LETTER)
    assert title is None
    assert sentences[0].startswith("My name is") and sentences[-1] == "Please think about our idea."


def test_who_wrote_a_letter_is_read_from_its_signature():
    text, verdict = frame_move(LETTER, "Who wrote the letter?", "Dr. Patel")
    assert verdict == "contradicted" and "greeting" in text and "Rosa" not in text, text
    text, verdict = frame_move(LETTER, "Who wrote the letter?", "Rosa")
    assert verdict == "supported" and "Rosa Lind" in text, text
    text, verdict = frame_move(LETTER, "Who is the letter written to?", None)
    assert verdict is None and "Dear" in text and "Patel" not in text, text
    assert frame_move(KITE, "Who wrote the story?", None) is None


def test_a_quoted_line_asked_about_is_built_on_not_pointed_back_at():
    question = "it says \"Lina sat by the window for an hour.\" what does that have to do with anything"
    _, sentences, _ = body(STORM)
    assert sentences[quoted_clue(question, sentences)].startswith("Lina sat by the window")
    text = reading_move(STORM, question).text
    assert "On Saturday" in text and "show about Lina" in text, text
    assert quoted_clue("Why did Lina sit by the window for an hour?", sentences) is None
    lunch = "the story says 'She barely touched her lunch.' so what, i don't get it"  # an apostrophe inside
    assert sentences[quoted_clue(lunch, sentences)].startswith("She barely touched")


def test_a_time_asked_is_never_said_in_the_question_that_tests_it():
    _, sentences, _ = body(KITE)
    assert sentence_question(sentences[0], "What day did Tomas build the kite?", sentences) == "What did Tomas do?"
    assert sentence_question(sentences[0], "What did Tomas build?", sentences) == "What did Tomas do on Sunday?"


def test_nothing_is_no_subject_to_ask_about():
    sentences = ["On Monday and Tuesday, nothing grew, and Ada sighed.", "On Friday, a leaf opened."]
    assert "nothing" not in (sentence_question(sentences[0], "Why did Ada sigh?", sentences) or "")


def test_a_word_inside_a_compound_of_the_passage_is_not_missing():
    sentences = ["She set the jar on the kitchen windowsill.", "The classroom was quiet."]
    assert unfound(["window", "class", "garage"], sentences, "the window of the class in the garage") == ["garage"]


def test_an_irregular_past_is_the_same_word_as_its_present():
    assert base_forms("sat") & base_forms("sitting") and base_forms("led") & base_forms("leading")
