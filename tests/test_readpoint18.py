"""Round 18 (readpoint18: point at the sentence that decides the question): a numbered step and a play's line are
read as one unit ("step 3", the speaker kept with the line) and a "How to" title is no question; who says a line is
decided by its speaker label; two things compared are each read on their side; a step given as the first after a
moment that comes well after it, and a sentence that proves nothing given as evidence, are sent to the sentence that
decides; a word's clue beside it (a contrast, "This X" pointing back) is named; a body that shows a feeling ("her
knees shook") is the feeling's clue.

    .venv/bin/python -m pytest -q tests/test_readpoint18.py
"""
from lesson import split_problem
from locate import compared_sides, read_units
from evidence import split_sentences
from passages import body
from reading import reading_move

STEPS = ("How to Make a Paper Boat\n1. Fold a sheet of paper in half from top to bottom.\n2. Fold both top corners "
         "down to the middle.\n3. Turn up the bottom strips on each side.\n4. Pull the sides apart and flatten it "
         "into a square.\nKeep the folds sharp, because loose folds let water in.")

PLAY = ("SAM: The kite string is tangled. I can't untie it.\nGRANDPA: Did you roll it up wet last time?\nSAM: No! It "
        "was already knotted when I took it out of the closet.\nGRANDPA: Then we will cut the knot and tie the ends "
        "together. It only has to fly today.\nSAM: What if the wind is too strong?\nGRANDPA: Then we will see how "
        "good a kite maker I am.")

TOADS = ("Frogs and toads look alike, but they are different in many ways. A frog has smooth, wet skin that feels "
         "slimy. A toad has dry, bumpy skin that feels like leather. Frogs have long legs for jumping far. Toads have "
         "short legs and often walk instead of hop.")

SUNRISE = ("Morning Bakery\nWhen the clock strikes four on Baker Lane,\nthe ovens hum and start to glow.\nThe "
           "flour drifts down like winter snow,\nand Uncle Ravi rolls the dough.\nHe counts the loaves with floury "
           "hands\nand never burns a single one.")

POOL = ("Dear Editor,\nOur town should open the public pool in May instead of June. Right now it opens on the first "
        "Monday of June. Many families stay home in May because the lake is still too cold. Last spring, when the "
        "pool opened early for one weekend, more than 600 swimmers came. Some people say lifeguards cost too much. "
        "But high school students could train as lifeguards during the winter.\nSincerely,\nLee Park")

SPEECH = ("Ana had practiced her speech in front of the mirror all week. On Friday, she stood up at the front of the "
          "class and looked at thirty faces. Her knees shook, and the first line slipped out of her head. She "
          "looked at her note card and took a slow breath. Then the words came back.")


def test_a_numbered_step_is_one_unit_named_as_its_step():
    title, sentences, where = body(STEPS)
    assert title == "How to Make a Paper Boat"
    assert sentences[2] == "3. Turn up the bottom strips on each side." and where[2] == "step 3"
    assert read_units(split_sentences("1. Mix the paint.\n2. Stir it."), "1. Mix the paint.\n2. Stir it.") == [
        "1. Mix the paint.", "2. Stir it."]


def test_a_how_to_title_is_no_question_that_ends_the_problem():
    head, _ = split_problem(f"{STEPS}\n\nWhat do you do right after you fold the corners? help")
    assert head.startswith("How to Make a Paper Boat\n1. Fold") and "Turn up" in head


def test_a_step_question_points_at_the_step_after_the_one_named():
    move = reading_move(STEPS, "What do you do right after you fold the corners down?")
    assert "step 3" in move.text and move.evidence == ["3. Turn up the bottom strips on each side."]


def test_a_play_line_keeps_its_speaker():
    _, sentences, _ = body(PLAY)
    assert "SAM: No! It was already knotted when I took it out of the closet." in sentences


def test_who_says_a_line_is_decided_by_its_speaker_label_never_told():
    wrong = reading_move(PLAY, "Who says the string was already knotted?", "Grandpa says it")
    assert wrong.verdict == "contradicted" and "Grandpa" in wrong.text and "Sam" not in wrong.text
    assert wrong.evidence[0].startswith("SAM: No!")
    right = reading_move(PLAY, "Who says the string was already knotted?", "Sam says it")
    assert right.verdict == "supported" and right.text.startswith("Yes")
    helped = reading_move(PLAY, "Who says the string was already knotted?")
    assert helped.verdict is None and "colon" in helped.text and "Sam" not in helped.text


def test_a_feeling_in_a_play_points_at_the_speakers_line():
    move = reading_move(PLAY, "How does Grandpa feel about the wind?")
    assert move.evidence == ["GRANDPA: Then we will see how good a kite maker I am."]


def test_two_things_compared_are_each_read_on_their_side():
    _, sentences, _ = body(TOADS)
    assert compared_sides("How is a frog's skin different from a toad's?", sentences) == (
        ("frog", [1]), ("toad", [2]))
    move = reading_move(TOADS, "How is a frog's skin different from a toad's?")
    assert "A frog has smooth" in move.text and "A toad has dry" in move.text and "skin" in move.text


def test_a_later_line_given_as_the_first_after_a_moment_is_sent_to_that_moment():
    move = reading_move(SUNRISE, "What happens first when the clock strikes four?", "the flour drifts down")
    assert move.verdict == "contradicted" and "later" in move.text
    assert move.evidence == ["the ovens hum and start to glow."]


def test_a_sentence_proving_nothing_is_no_evidence_while_a_finding_is_told():
    move = reading_move(POOL, "What evidence shows that families want the pool open in May?",
                        "it opens on the first Monday of June")
    assert move.verdict == "unclear" and "Last spring, when the pool" in move.text and "600" not in move.text
    found = reading_move(POOL, "What evidence shows that families want the pool open in May?",
                         "600 swimmers came when it opened early")
    assert found.verdict == "supported"


def test_a_words_clue_beside_it_is_named():
    damp = reading_move("Rinse the brush. Keep the paper moist but not soaked. Let it dry flat.",
                        "What does 'moist' mean?")
    assert "\"but not soaked\"" in damp.text
    back = reading_move("A chameleon can turn green, brown or gray in a few minutes. This camouflage keeps it safe "
                        "from birds. It eats insects.", "What does 'camouflage' mean?")
    assert "points back to the sentence just before it" in back.text and "A chameleon can turn" in back.text


def test_a_body_that_shows_a_feeling_is_pointed_at():
    move = reading_move(SPEECH, "How does Ana feel when she stands up at the front of the class?")
    assert move.evidence == ["Her knees shook, and the first line slipped out of her head."]


def test_a_later_numbered_step_given_as_the_first_is_sent_to_step_one():
    move = reading_move(STEPS, "What is the first step?", "fold both corners down")
    assert move.verdict == "contradicted" and "step 2" in move.text and "step 1" in move.text
    assert move.evidence == ["1. Fold a sheet of paper in half from top to bottom."]


def test_what_kind_of_text_names_the_features_that_show_it():
    steps = reading_move(STEPS, "What kind of text is this?").text
    assert "\"How to Make a Paper Boat\"" in steps and "1., 2., 3." in steps and "instructions" not in steps
    assert "name and colon" in reading_move(PLAY, "What type of text is this passage?").text
    assert "short lines" in reading_move(SUNRISE, "What kind of text is this?").text


def test_a_play_line_quoted_back_is_asked_who_says_it():
    move = reading_move(PLAY, "Who says the string was already knotted?",
                        "The text says: \"SAM: No! It was already knotted when I took it out of the closet.\"")
    assert move.verdict is None and "own words" in move.text and "Sam" not in move.text
