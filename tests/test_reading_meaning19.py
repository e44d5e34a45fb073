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


def test_a_feeling_worked_out_from_clues_gets_no_word_absent_quibble():
    move = reading_move(MAILBOX, "How does Tariq feel while he waits for the letter?",
                        "impatient, he keeps running back to the mailbox")
    assert "doesn't use" not in move.text and "can't find" not in move.text
    assert move.verdict != "contradicted"
