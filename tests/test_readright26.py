"""Session 22 (issue #23): a right reading answer in the student's own words is confirmed without a teacher's key,
against the key the passage's clue lines give (passage_key.py); a confirmation whose words the line limits ("much
more than hunt mice") is taken back; a change the answer tells is no conflict with the spell it ends; a reaction
("amazed that ...") is no thing the passage lacks. Sentences written for these tests, none from the probe sets."""
import pytest

import passage_key
from evidence import Move, conflicts
from meaning_match import named_things
from passage_key import derived_move, limit_cue, limited_move
from reading import reading_move

FERRY = ("The Ferry\n\nEvery morning the little ferry carried workers across the bay to the cannery. On Monday it did "
         "not leave the dock. The captain kept it tied up because a thick fog had rolled in and he could not see the "
         "rocks near the point. The workers waited in the cafe and drank cocoa. By noon the fog lifted, and the ferry "
         "finally set out.")
WHY = "Why didn't the ferry leave the dock on Monday?"
OWLS = ("Owls\n\nOwls do much more than hunt mice at night. They keep farms free of pests, and their pellets teach "
        "scientists what lives in a field. Farmers put up owl boxes to invite them.")


def derived(passage: str, question: str, claim: str) -> Move | None:
    return derived_move(passage, question, claim, reading_move(passage, question, claim))


@pytest.mark.parametrize("claim", ["the captain couldnt see the rocks cuz of the fog",
                                   "bc thick fog came in so the captain couldnt see"])
def test_a_reason_in_the_students_words_is_confirmed_with_its_line(claim):
    move = derived(FERRY, WHY, claim)
    assert move is not None and move.verdict == "supported" and move.text.startswith("Yes, that's right")
    assert "because a thick fog had rolled in" in move.text and "?" in move.text  # the line, then the next step


@pytest.mark.parametrize("claim", ["because the captain was sick", "the ferry was broken",
                                   "the workers were drinking cocoa in the cafe"])
def test_a_wrong_or_off_answer_is_left_to_the_reading_move(claim):
    assert derived(FERRY, WHY, claim) is None


def test_a_whole_text_question_or_a_quoted_lines_meaning_gets_no_derived_key():
    assert derived(OWLS, "What is the main idea of the passage?", "owls keep farms free of pests") is None
    assert derived(FERRY, 'What does "the ferry finally set out" mean?', "the ferry finally left the dock") is None


def test_without_the_encoder_the_reading_move_stands(monkeypatch):
    monkeypatch.setattr(passage_key, "encoder", lambda: None)
    assert derived(FERRY, WHY, "the captain couldnt see the rocks cuz of the fog") is None


def test_a_confirmation_of_what_the_line_limits_is_taken_back():
    question, line = "What is the main idea of the passage?", "Owls do much more than hunt mice at night."
    found = Move(f'Yes, that is the main idea: "{line}"', "main_idea", "supported", [line], "answer")
    move = limited_move(question, "owls hunt mice at night", found)
    assert move is not None and move.verdict == "unclear" and '"more than"' in move.text
    assert "Yes" not in move.text and line in move.text
    assert limited_move(question, "owls do more than hunt mice, they help farms", found) is None  # the cue said too
    assert limited_move(question, "owls keep farms free of pests", found) is None  # no word of it limited
    assert limited_move(question, "owls hunt mice at night", Move("Look.", "main_idea", "absent", [line])) is None


def test_a_limit_holds_the_words_it_governs_and_a_denial_agrees_with_a_denied_answer():
    line = "Camels store fat, not water, in their humps."
    assert limit_cue(["water"], line, "they keep water") == "not"
    assert limit_cue(["water"], line, "they do not keep water") is None
    assert limit_cue(["fat"], line, "fat for energy") is None


def test_a_change_the_answer_tells_is_no_conflict_with_the_spell_it_ends():
    line = "The pianist had not played in front of a crowd for eleven years."
    assert not conflicts("now she can play in front of a crowd again", line)
    assert conflicts("she played in front of a crowd every week", line)


def test_a_reaction_to_an_event_is_no_thing_the_passage_lacks():
    assert "amazed" not in named_things("the players were amazed that the bridge held")
    assert "wet" in named_things("the tent was wet all night")
    assert "tired" in named_things("because you are too tired at night to read")  # a state at a time: a fact
