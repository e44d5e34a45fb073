"""Round 16 (reading help and wrong attempts): one well-formed closing question per question type, never the
student's question quoted inside another; text structure, a character's change, why the writer put one part in, and
the writer's answer to the other side each get their own move; a trait's "word describes" is no vocabulary question.

    .venv/bin/python -m pytest -q tests/test_reading16.py
"""
import re

from passages import classify_question
from reading import reading_move
from sentence_questions import leads_to

MARKET = ("Every Sunday, Lucia helped her uncle sell peppers at the town market. At first she hid behind the crates "
          "and let him do all the talking. One morning her uncle lost his voice from a cold. Lucia had to call out "
          "the prices herself, and her cheeks burned. By noon she was waving at shoppers and joking with the baker "
          "next door. Now she asks to run the stall every week.")

SNOW = ("Heavy snow used to close the mountain road for days at a time. Trucks could not bring food to the village, "
        "and the school shut its doors. To solve this problem, the town bought a second plow and built a shed for "
        "it halfway up the road. Now the road is cleared within a few hours of a storm.")

BIKES = ("Our town should build a bike lane on Main Street. Bike riders now share the road with buses and trucks. "
         "Some shop owners fear that a lane would take away parking spaces. However, the city plan keeps every "
         "space and uses part of the wide sidewalk instead. A bike lane would make the street safer for everyone.")

POEM = ("Night Train\n\nThe night train hums along the hill,\nits windows bright as stars.\nThe sleepy cows do not "
        "look up,\nthe fox runs past the cars.\nAnd when the morning paints the sky,\nthe train is far away.")


def test_a_where_question_is_asked_for_a_place_and_never_quoted_back():
    passage = ("Marco dropped his house key on the way to school. He searched the bus and his backpack. At lunch, "
               "his friend Dev held up a shiny key. He had found it in the grass beside the bike rack.")
    text = reading_move(passage, "where did marco's key end up?? i cant find it").text
    assert "\"where did" not in text.lower() and "answers" not in text
    assert text.endswith("What place does it name?"), text


def test_a_why_question_ends_on_the_reason_not_on_the_question_quoted():
    passage = ("The lighthouse keeper climbed the tower every evening. Ships passing the rocks at night could not "
               "see the shore. He lit the great lamp so that they would steer away from the rocks.")
    text = reading_move(passage, "why did the keeper light the lamp").text
    assert not re.search(r"\"why did", text, re.I) and "helps answer" not in text, text


def test_a_structure_question_points_at_the_signal_words_and_names_the_choices():
    move = reading_move(SNOW, "How is this article organized?")
    assert "\"To solve this problem\"" in move.text and "problem and solution" not in move.text, move.text
    assert "Trucks could not bring food to the village, and the school shut its doors." in move.evidence


def test_a_change_question_compares_the_start_with_the_end():
    move = reading_move(MARKET, "how does lucia change in the story")
    assert move.text.startswith("Compare Lucia at the start with Lucia at the end"), move.text
    assert move.evidence[0].startswith("At first she hid") and move.evidence[-1].startswith("Now she asks")


def test_a_wrong_change_is_checked_against_the_whole_passage():
    move = reading_move(MARKET, "How does Lucia change?", "she gets sick with a cold")
    assert move.verdict != "supported" and move.text.startswith("Compare Lucia at the start with Lucia at the end")
    assert move.text.endswith("Does \"she gets sick with a cold\" fit that?"), move.text


def test_why_the_writer_ends_with_a_part_points_at_that_part_not_at_the_whole_text():
    move = reading_move(SNOW, "Why does the author end with the part about the road being cleared?")
    assert move.text.startswith("Read the last sentence of the passage") and "persuade" not in move.text, move.text
    assert move.evidence == ["Now the road is cleared within a few hours of a storm."]


def test_a_trait_asked_by_what_word_describes_someone_is_no_vocabulary_question():
    assert classify_question("What word best describes Lucia's uncle?") == "inference"
    assert classify_question("what word describes her grandfather") == "inference"
    assert classify_question("What does the word 'stall' mean?") == "vocabulary"


def test_the_other_side_and_the_writers_answer_are_each_pointed_at():
    move = reading_move(BIKES, "what are the shop owners worried about and how does the writer respond")
    assert "\"Some shop owners fear...\"" in move.text and "begins with \"However\"" in move.text, move.text
    assert move.evidence == [
        "Some shop owners fear that a lane would take away parking spaces.",
        "However, the city plan keeps every space and uses part of the wide sidewalk instead."]


def test_a_poems_main_idea_is_not_framed_as_an_article():
    text = reading_move(POEM, "what is the poem mostly about").text
    assert "poem's main idea" in text and "article" not in text, text


def test_the_deed_a_question_asks_ranks_the_sentence_that_tells_it():
    passage = ("The storm came over the hills after dark. The storm shook every window in the farmhouse. Then it "
               "ripped the old gate off its hinges. By morning the storm had moved out to sea.")
    move = reading_move(passage, "What did the storm rip off?")
    assert move.evidence[0].startswith("Then it ripped"), move.evidence


def test_a_clue_is_tied_back_with_him_not_he():
    assert leads_to("Why did he leave the gate open?") == "how could that make him leave the gate open?"


DIARY = ("Dear Grandma,\nThe first week at my new school was hard. At first I ate lunch alone and counted the minutes "
         "until the bell. On Thursday a girl named Ines asked me to join the chess club. We played until the janitor "
         "turned off the lights. Now I save her a seat at lunch every day.\nLove,\nTomas")


def test_a_letter_writer_named_only_in_the_signature_changes_in_the_i_sentences():
    move = reading_move(DIARY, "how has the new school changed tomas")
    assert move.text.startswith("Compare Tomas at the start"), move.text
    assert move.evidence[0].startswith("At first I ate") and move.evidence[-1].startswith("Now I save")


def test_why_a_text_ends_the_way_it_does_is_asked_of_its_last_sentence_and_its_teller():
    move = reading_move(DIARY, "Why does the writer end the letter with the part about saving a seat?")
    assert move.evidence == ["Now I save her a seat at lunch every day."] and "about the writer?" in move.text


def test_the_other_side_and_its_answer_asked_without_an_argument_word():
    move = reading_move(BIKES, "what reason do the shop owners give and how does the writer answer it")
    assert "\"Some shop owners fear...\"" in move.text and "begins with \"However\"" in move.text, move.text
