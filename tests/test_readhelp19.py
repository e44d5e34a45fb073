"""Round 19 (reading help requests): a line the student repeats is built on, not pointed back to (a metaphor's two
sides, a simile's, the rest of the sentence for a why, the line before for an odd line); a step told in the event's
own sentence is read there; "like hungry wolves" is a figure; "I get lost in the order" is no answer; `clue_lines`
gives other moves the lines a question's type points at.

    .venv/bin/python -m pytest -q tests/test_readhelp19.py
"""
from cited_line import cited_run, metaphor_move, step_in_sentence
from locate import FIGURE
from reading import NO_CLAIM, clue_lines, reading_move

FERRY = ("The ferry left the dock at dawn. Nina stood at the rail while the gulls followed the boat. The sea was a "
         "sheet of glass, smooth and gray. Then a whale rose beside the ferry, and the glass shattered into foam. "
         "Nina gasped because the whale was bigger than the boat. The captain slowed the engines so that no one "
         "would fall.")


def test_the_run_a_message_repeats_names_its_line_as_the_passage_writes_it():
    found = cited_run("it says the sea was a sheet of glass?? what", FERRY.split(". "))
    assert found is not None and found[0] == 2 and found[1] == "The sea was a sheet of glass"


def test_a_metaphor_asked_about_gets_its_two_sides_not_the_line_back():
    text = metaphor_move("The sea was a sheet of glass, smooth and gray.", "the sea was a sheet of glass")
    assert text and "the sea was a sheet of glass" in text and "metaphor" in text and "smooth" not in text


def test_a_student_repeating_a_metaphor_is_not_asked_which_word_they_mean():
    text = reading_move(FERRY, "the sea was a sheet of glass. what does that mean").text
    assert "Which word do you mean" not in text and "sheet of glass" in text and "smooth and gray" not in text, text


def test_a_quoted_why_whose_reason_is_in_the_same_sentence_reads_on_past_the_quote():
    text = reading_move(FERRY, 'It says "Nina gasped" but why did she?').text
    assert "rest of that sentence" in text and "bigger" not in text and "before it" not in text, text


def test_an_odd_line_quoted_is_read_with_the_line_before_and_the_earlier_figure():
    text = reading_move(FERRY, 'the story says "the glass shattered into foam" but glass isnt in the sea?').text
    assert "glass shattered into foam" in text and "sheet of glass" not in text, text


def test_a_step_told_in_the_events_own_sentence_is_read_there():
    assert step_in_sentence("a whale rose", "Then a whale rose beside the ferry, and the glass shattered into foam.")
    assert not step_in_sentence("a whale rose", "Nina gasped because the whale was bigger than the boat.")
    text = reading_move(FERRY, "what happened right after the whale rose beside the ferry").text
    assert "same sentence" in text and "foam" not in text, text


def test_a_plural_likeness_is_a_figure_and_liking_is_not():
    assert FIGURE.search("the leaves rattled like tiny bones")
    assert not FIGURE.search("They like apples more than pears.")


def test_the_students_own_state_is_no_answer():
    assert NO_CLAIM.search("i always get mixed up with the steps")
    assert not NO_CLAIM.search("the whale got lost in the fog")


def test_clue_lines_points_a_why_at_its_reason():
    lines = clue_lines(FERRY, "Why did the captain slow the engines?")
    assert lines and any("so that no one would fall" in line for line in lines), lines


RECESS = ("Our town's parks close at dusk. I think they should stay open until nine. Children who play outside "
          "sleep better at night. A survey of two hundred families found that kids with evening park time fell "
          "asleep twenty minutes sooner. Parks also give neighbors a place to meet.")


def test_asked_for_evidence_a_finding_just_after_a_plain_statement_is_pointed_at():
    lines = clue_lines(RECESS, "What evidence does the writer give that playing outside helps kids sleep?")
    assert any("survey" in line for line in lines), lines


SHOP = ("The bakery opened at six, and because the oven was old, it took an hour to heat. I dropped the tray "
        "of rolls while Aunt Bea stood by the window, humming loudly and looking out at the rain. Later she told me "
        "she had dropped a whole cake on her first day.")


def test_a_because_about_another_moment_is_no_reason_for_the_one_asked():
    text = reading_move(SHOP, "why is aunt bea looking out the window when i drop the rolls?").text
    assert "I dropped" in text and "opened" not in text and "The bakery" not in text, text


PIER = ("Dusk on the Pier\nThe water is a blanket, dark and deep,\nit tucks the boats in for their sleep.\nAn old man "
        "leans on the wooden rail,\nas still as a forgotten nail.\nA gull cries once and flies away.")


def test_an_as_as_simile_on_the_line_after_its_sentence_start_is_the_line_pointed_at():
    for asked in ("what's the simile for the old man", "What is the old man compared to?"):
        text = reading_move(PIER, asked).text
        assert "as ... as" in text and "fourth line" in text and "nail" not in text, text
