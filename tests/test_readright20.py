"""Round 20 (reading, right answers in the student's own words): "I can't find X" only for a thing the answer names,
never for a verb, a manner, slang, a form or a misspelling of a passage word; the problem's own order ("Use details.")
is never the student's answer; a story's names alone never back an answer. New sentences, not the probe set's.

    .venv/bin/python -m pytest -q tests/test_readright20.py
"""
from __future__ import annotations

from meaning_match import named_things, one_edit, unfound
from own_words import own_words_backed
from reading import reading_move
from student_message import extract_claim

LAKE = ["The ducks paddled across the pond toward the reeds.", "Tia tossed them crumbs from her sandwich.",
        "One duck waddled right up to her sneakers."]


def test_only_a_thing_the_answer_names_is_said_to_be_missing() -> None:
    claim = "the ducks swam fast to get the bread from the boat"
    assert named_things(claim) >= {"ducks", "bread", "boat"} and "swam" not in named_things(claim)
    assert unfound(["swam", "fast", "bread", "boat"], LAKE, claim) == ["bread", "boat"]


def test_no_word_missing_for_a_verb_a_manner_or_slang() -> None:
    claim = "they lowkey rushed over super quickly"
    assert unfound(["lowkey", "rushed", "quickly"], LAKE, claim) == []


def test_a_form_or_a_misspelling_of_a_passage_word_is_never_missing() -> None:
    claim = "the duckies went to her sneekers and the pondd"
    assert unfound(["duckies", "sneekers", "pondd"], LAKE, claim) == []
    assert one_edit("sandwhich", "sandwich") and not one_edit("pond", "pong")   # four letters: too short to tell


def test_a_name_and_a_number_are_things() -> None:
    assert named_things("Tia fed 3 ducks with Marco") == {"marco", "3", "ducks"}


def test_the_problems_order_is_not_the_answer() -> None:
    message = "Why did the duck come close? Support your answer with details from the story. it wanted crumbs"
    assert extract_claim(message, "Why did the duck come close?") == "it wanted crumbs"
    assert extract_claim("What is Tia like? Use what she does. generous, she shares her food",
                         "What is Tia like?") == "generous, she shares her food"


def test_an_answer_starting_with_use_is_still_an_answer() -> None:
    assert extract_claim("What do you do first? use a spoon to stir the paint", "What do you do first?") \
        == "use a spoon to stir the paint"


def test_the_storys_names_alone_do_not_back_an_answer() -> None:
    sentences = ["Every evening Nadia walked past Mr. Haddad's shop and heard the radio.", "One week the shop stayed "
                 "dark.", "Nadia taped a note to the door that said \"We miss the songs.\"",
                 "On Monday the radio was playing again."]
    assert own_words_backed("mr haddad got a new radio", "Why did the radio start playing again?", sentences,
                            [(1.0, 3), (0.8, 2), (0.5, 0)]) is None


def test_a_verb_of_the_students_own_is_not_called_missing_in_the_reply() -> None:
    passage = ("Rosa's kitten climbed the tall curtain and would not come down. Rosa shook a bag of treats under "
               "it. The kitten scrambled down and pounced on the bag.")
    move = reading_move(passage, "How did Rosa get the kitten down?", "she rattled the treat bag so it would come")
    assert "rattled" not in move.text and "find" not in move.text


def test_an_aim_is_not_denied_by_the_trouble_it_solves() -> None:
    passage = ("The puppy crawled under the porch and would not come out. Dev opened a can of tuna beside the "
               "steps. The puppy crept out and licked the can clean.")
    move = reading_move(passage, "How did Dev get the puppy out?", "he used food so it would come out")
    assert move.verdict != "contradicted" and "instead" not in move.text


def test_a_name_beside_a_word_of_the_answers_own_still_backs_it() -> None:
    sentences = ["Ivy's ball rolled under the fence.", "Then she saw Mrs. Lund next door holding a rake.",
                 "Ivy ran to the fence and waved."]
    backed = own_words_backed("to get Mrs. Lund to reach it with the rake", "Why did Ivy run to the fence?",
                              sentences, [(1.0, 2), (0.9, 1), (0.5, 0)])
    assert backed == sentences[1]


def test_an_amount_names_a_thing() -> None:
    assert "snow" in named_things("too much snow piled up") and "piled" not in named_things("too much snow piled up")


def test_a_state_is_a_fact_and_a_trait_is_worked_out() -> None:
    assert "flat" in named_things("the tire was flat") and "careless" not in named_things("he was careless")
    assert "stronger" not in named_things("she lifted every day so she got stronger")
    lines = ["Ana biked to the lake.", "She waved at the ducks."]
    assert unfound(["flat", "careless", "lowkey"], lines, "the tire was flat, she is lowkey careless") == ["flat"]
