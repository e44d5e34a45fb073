"""Round 19: a right reading answer in the student's own words judged by meaning (meaning_match.py), and no
word-absent quibble about an answer worked out from clues. New passages, written for these tests."""
from evidence import split_sentences
from meaning_match import meant_by_lines, near_in_meaning, opposed_word
from reading import reading_move

SQUIRRELS = ("Gray squirrels do not sleep through the winter. All through the cold months they live on the acorns "
             "they buried in the fall. A squirrel may bury thousands of acorns, and the ones it forgets can grow "
             "into new oak trees.")
FERRY = ("The morning ferry to Gull Island left two hours late. A thick fog had covered the harbor, and the captain "
         "could not see the marker buoys. When the sun burned the fog away, the ferry finally pulled out.")
MAILBOX = ("Tariq checked the mailbox three times before lunch. Each time he came back empty-handed and flopped onto "
           "the couch. When the envelope with the camp logo finally came, he tore it open right there on the porch.")


def test_a_word_said_where_the_line_says_its_opposite_turns_the_answer():
    assert opposed_word(["uphill"], "The ice slides slowly downhill under its own weight.") == "uphill"
    assert opposed_word(["downhill"], "The ice slides slowly downhill under its own weight.") is None


def test_an_answer_most_of_whose_words_a_clue_line_says_is_confirmed_by_meaning():
    sentences = split_sentences(SQUIRRELS)
    question = "How do gray squirrels get food in winter?"
    assert meant_by_lines("they eat the acorns they buried", question, sentences, [1]) == sentences[1]


def test_an_answer_that_brings_in_a_thing_of_its_own_is_not_confirmed():
    sentences = split_sentences(SQUIRRELS)
    question = "How do gray squirrels get food in winter?"
    assert meant_by_lines("the rain washes acorns into their nests", question, sentences, [1]) is None
    assert meant_by_lines("they sleep in their nests all winter", question, sentences, [0, 1]) is None


def test_near_in_meaning_needs_most_of_the_answer_in_the_line():
    sentences = split_sentences(FERRY)
    question = "Why did the ferry leave late?"
    assert not near_in_meaning("the captain was sick", question, sentences[:2])
    assert near_in_meaning("the fog covered the harbor so the captain could not see", question, sentences[1:2])


def test_an_invented_detail_is_still_said_to_be_missing():
    move = reading_move(FERRY, "Why did the ferry leave late?", "the captain was sick")
    assert move.verdict != "supported"
    assert "\"sick\"" in move.text


def test_an_answer_in_other_words_near_its_line_gets_no_word_absent_quibble():
    move = reading_move(FERRY, "Why did the ferry leave late?", "thick fog blanketed the harbor")
    assert "doesn't use" not in move.text and "can't find" not in move.text, move.text
    assert move.verdict != "contradicted"


DOOR = ("Marcus read the note from his brother twice. He crumpled it into a ball, and his face went red. Then he "
        "slammed the bedroom door so hard that the pictures shook.")
DIVE = ("Ines climbed to the top of the diving board and looked down at the water. She closed her eyes and counted "
        "to three. Then she stepped off the edge.")


def test_a_reason_told_as_the_feeling_the_clue_line_shows_is_confirmed():
    move = reading_move(DOOR, "Why did Marcus crumple the note?", "because he was furious at his brother")
    assert move.verdict == "supported"
    move = reading_move(DIVE, "Why did Ines close her eyes and count to three?", "to calm her self down before jumping")
    assert move.verdict != "contradicted"


def test_a_reason_told_as_a_feeling_the_lines_do_not_show_is_not_confirmed():
    move = reading_move(DOOR, "Why did Marcus crumple the note?", "because he was happy")
    assert move.verdict != "supported"
    move = reading_move(DOOR, "Why did Marcus crumple the note?", "because he was bored of reading")
    assert move.verdict != "supported"


def test_a_trait_with_its_deed_in_the_students_words_is_asked_for_the_line_not_told_it_is_missing():
    passage = ("Nadia's team lost the first three games. She stayed after practice every day to work on her passing. "
               "By the final game her passes landed where she aimed them.")
    move = reading_move(passage, "What kind of person is Nadia?", "hardworking, she stayed late to practice her passing")
    assert "does not say" not in move.text
