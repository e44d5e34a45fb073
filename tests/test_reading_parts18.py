"""Round 18 (readright18): a reading answer told in parts, each part said by meaning in a clue line where the
question points (claim_match.parts_said), and a right first part of a two-part question named without a broken
quote. New passages and sentences, not the probe set."""
from claim_match import parts_of, parts_said
from passages import body
from reading import reading_move

PENGUINS = ("Emperor penguins live through the coldest winters on Earth. During storms, hundreds of penguins gather "
            "in a tight group on the ice. The penguins in the center stay warm, while the penguins on the edge take "
            "the wind. Every few minutes, they switch places so every bird gets a turn in the middle. The fathers "
            "keep the eggs warm on their feet the whole time.")
QUESTION = "How do emperor penguins survive the storms?"


def test_an_answer_in_parts_each_said_is_confirmed():
    move = reading_move(PENGUINS, QUESTION, "They gather in a tight group, and the birds in the middle stay warm "
                                            "while the birds on the edge take the wind.")
    assert move.verdict == "supported" and move.status == "answer"
    assert move.text.startswith("Yes")


def test_parts_in_the_wrong_relation_are_not_confirmed():
    # the edge birds take the wind and the centre ones stay warm: the student swapped them
    claim = "The penguins on the edge stay warm and the penguins in the center take the wind."
    _, sentences, _ = body(PENGUINS)
    assert parts_said(claim, QUESTION, sentences, list(range(len(sentences)))) is None
    move = reading_move(PENGUINS, QUESTION, claim)
    assert move.verdict != "supported"


HIVE = ("Ants guard their nest all year. The big ants in the tunnel fight off beetles, while the small ants in the "
        "rooms feed the young. At night, every ant goes back inside.")


def test_a_swapped_pair_of_roles_is_flagged_at_its_line():
    move = reading_move(HIVE, "What jobs do the ants have in the nest?",
                        "The small ants fight off beetles and the big ants feed the young.")
    assert move.verdict == "contradicted" and "while the small ants" in move.text


def test_one_part_joining_two_sides_is_a_paraphrase_not_a_swap():
    move = reading_move(PENGUINS, QUESTION, "The birds in the center stay warm while the edge ones are hit by wind.")
    assert move.verdict != "contradicted"


def test_a_part_the_text_does_not_say_stops_the_whole_answer():
    claim = "They crowd together in a tight group and they dig holes in the snow to hide."
    move = reading_move(PENGUINS, QUESTION, claim)
    assert move.verdict != "supported"


def test_an_answer_splits_at_and_then_and_commas():
    assert parts_of("They gather in a group, and then they switch places", QUESTION) == [
        "They gather in a group", "they switch places"]


LETTER = ("Dear Mayor Lee,\nThe crosswalk on Birch Road has no light. Last month, two cars nearly hit students "
          "walking home from school. Please put a traffic light there before someone gets hurt.\nSincerely,\nJamal")


def test_a_right_first_part_is_named_without_an_empty_quote():
    move = reading_move(LETTER, "What happened last month, and what does Jamal ask the mayor to do?",
                        "Two cars almost hit some kids.")
    assert '"..."' not in move.text
