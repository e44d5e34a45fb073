"""Session 20, readright24: right reading answers typed the way students type them are confirmed by the line that
backs them, and nothing the passage does not back is. New sentences (not the probe set's)."""
import pytest

from claim_match import because_written
from evidence import Verdict, split_sentences
from reading import reading_move
from traits import deed_of_unlisted, weigh_trait

LENA = ("Lena's goldfish floated at the top of the bowl one morning. Lena sat on the porch step and cried into her "
        "sleeves. Later, her dad brought her a cup of cocoa and she smiled a little.")
OMAR = split_sentences("Omar wrote a list of everything he needed for the camping trip. The night before, he packed "
                       "his bag and set it by the door. His sister Dina laughed and said she would pack in the morning.")
PUPPY = ("The Porch Puppy\n\nAfter the storm, Ivy and Ben heard whining near the house. They found a small brown puppy "
         "hiding under the porch. Ben ran inside for a towel. Ivy sat very still so the puppy would not be scared.")


@pytest.mark.parametrize("typed, written", [
    ("sad bc she cried", "sad because she cried"),
    ("cuz the plot is shady", "because the plot is shady"),
    ("cause he lost his dog", "because he lost his dog"),
    ("the cause of the fire was a candle", "the cause of the fire was a candle"),  # a noun, no reason word
    ("abc cuz", "abc because")])
def test_because_as_typed_is_written_out(typed, written):
    assert because_written(typed) == written


def test_a_feeling_with_a_typed_reason_is_confirmed_at_the_line_it_cites():
    """Before: "bc" was no reason word, so the cited deed was never found and the later smile was held against it."""
    move = reading_move(LENA, "how does lena feel?", "she is sad bc she cried into her sleeves")
    assert move.verdict == "supported" and move.text.startswith("Yes") and "cried into her sleeves" in move.text


def test_a_feeling_its_cited_deed_shows_the_opposite_of_is_not_confirmed():
    move = reading_move(LENA, "how does lena feel?", "she is happy bc she cried into her sleeves")
    assert move.verdict != "supported" and not move.text.startswith("Yes")


def test_a_chat_spelling_names_nothing_the_line_must_hold():
    """"a lil brown puppy": "lil" is how "little" is typed, not a thing the passage lacks."""
    move = reading_move(PUPPY, "what did they find under the porch?", "a lil brown puppy hiding there")
    assert move.verdict == "supported" and move.text.startswith("Yes")
    wrong = reading_move(PUPPY, "what did they find under the porch?", "a lil black kitten")
    assert wrong.verdict != "supported" and not wrong.text.startswith("Yes")


@pytest.mark.parametrize("claim, right", [
    ("Omar is a planner, he makes a list and packs his bag the night before", True),
    ("omar is organized because he wrote a list of what he needed", True),
    ("Omar is careless, he makes a list and packs his bag the night before", False),  # said against himself
    ("omar is stubborn because he packed his bag the night before", False),  # a fault no family lists
    ("Omar is a planner, he calls his grandma every night", False),  # no such deed in the text
    ("Omar is a planner, he laughed and said he would pack in the morning", False),  # his sister's deed
    ("Omar is nervous because he packed his bag", False)])  # a feeling: weighed by the moment, not as a trait
def test_a_trait_no_family_lists_is_confirmed_by_the_deed_the_student_gives(claim, right):
    verdict, status = weigh_trait(claim, "What kind of person is Omar?", OMAR, Verdict("unclear", OMAR[0]))
    assert (status == "answer" and verdict.label == "supported") is right


def test_the_deed_of_an_unlisted_trait_is_the_line_where_the_character_acts():
    assert deed_of_unlisted("omar is a planner", "he packed his bag the night before", "Omar",
                            "What kind of person is Omar?", OMAR) == 1
    assert deed_of_unlisted("omar is a planner", "said she would pack in the morning", "Omar",
                            "What kind of person is Omar?", OMAR) is None


def test_an_unlisted_trait_is_confirmed_in_the_student_s_words():
    passage = "\n".join(OMAR)
    move = reading_move(passage, "What kind of person is Omar?",
                        "Omar is a planner, he makes a list and packs his bag the night before")
    assert move.verdict == "supported" and move.text.startswith("Yes, a planner fits")


def test_a_cited_deed_before_the_ending_asked_about_is_no_reason():
    """"how does she feel at the end? nervous bc her knees wobbled": the wobbling is the start; the end shows her
    grinning, so nothing is confirmed (it had been, once "bc" was read as a reason)."""
    passage = ("Tess's knees wobbled as she climbed onto the diving board. She looked down at the water for a long "
               "time. Then she jumped. When she came up, she was grinning and waving at her dad.")
    move = reading_move(passage, "how does tess feel at the end?", "she feels nervous bc her knees wobbled")
    assert move.verdict != "supported" and not move.text.startswith("Yes")
    start = reading_move(passage, "how does tess feel at the start?", "she feels nervous bc her knees wobbled")
    assert start.verdict == "supported" and start.text.startswith("Yes")


def test_a_typed_reason_is_no_clause_of_its_own_for_the_conflict_check():
    """"didnt work bc the glue was old": "work" is no denial of "had worked on it for weeks" (the reason is read
    as a reason only where a feeling's cited deed is looked for)."""
    passage = ("Jay had worked on his kite for two weeks. On the day of the contest, the glue on the frame came "
               "loose. The kite spun and fell into the grass.")
    move = reading_move(passage, "why did the kite fall?", "the kite didnt work bc the glue was old")
    assert not move.text.startswith("Read this sentence again: \"Jay had worked")
