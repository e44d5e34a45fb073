"""Round 20: a stuck reading student's own words are no part of the question. Their state ("i keep losing my
place"), a complaint about the text ("this story makes no sense"), a where-to-look ask ("which part is it") are
dropped before the question is classified and ranked; a name typed in lower case is the passage's name; "so idk"
after a remark answers nothing; a message that asks no question at all is asked which question it is about; a
"what does X even mean" asks about X; "what is the moon supposed to be" asks what a figure compares."""
from passages import classify_question, quoted_term
from reading import NON_ANSWER, reading_move
from reading_asks import asked_only, without_own

KITE = ("The Red Kite\n\nMira built a kite from a paper bag and two chopsticks. On Saturday she carried it to the hill "
        "behind the school. The wind was weak, and the kite dragged in the grass. Mira waited under the oak tree. "
        "Late in the afternoon a strong gust came over the hill. Mira ran, and the kite jumped into the sky. Her "
        "friend Dale cheered from the swings. That night Mira hung the kite above her bed.")
SENTENCES = [s for s in KITE.split("\n\n")[1].replace(". ", ".|").split("|")]
MOON = ("Night Ride\n\nThe moon is a lantern on a hook\nthat swings above the train.\nThe fields run past like dark "
        "water,\nand I fall asleep before the town.")


def test_the_students_state_and_complaints_are_dropped_from_the_question():
    assert asked_only("what did mira do after the gust, i keep losing my place", SENTENCES) == \
        "what did Mira do after the gust"
    assert asked_only("this story makes no sense, why did Mira wait under the tree", SENTENCES) == \
        "why did Mira wait under the tree"
    assert asked_only("where did she carry it? which part is it", SENTENCES) == "where did she carry it?"
    assert asked_only("why did the kite drag, is it the first or the second part", SENTENCES) == \
        "why did the kite drag"
    assert asked_only("what happens at night i dont get the ending", SENTENCES) == "what happens at night"


def test_a_question_that_is_all_the_students_own_is_kept_as_typed():
    assert asked_only("is it the first or the second kite?", SENTENCES) == "is it the first or the second kite?"
    assert without_own("i looked at it three times and im still lost") == ""
    assert without_own("ugh, which line") == "" and without_own("why did the kite drag") == "why did the kite drag"


def test_a_name_typed_in_lower_case_is_the_passages_name_but_a_passage_word_stays():
    assert asked_only("how does mira feel when the kite flies", SENTENCES) == "how does Mira feel when the kite flies"
    will = ["Will fed the goats.", "The goats will eat anything, Will said."]
    assert asked_only("what will the goats eat", will) == "what will the goats eat"


def test_a_remark_then_so_idk_answers_nothing():
    assert NON_ANSWER.search("its a poem so idk") and NON_ANSWER.search("i dont get this bit")
    assert not NON_ANSWER.search("the wind so the kite flew") and not NON_ANSWER.search("Mira waited")


def test_a_filler_word_before_mean_is_not_part_of_the_word_asked():
    assert quoted_term("what does dragged even mean") == "dragged"
    assert quoted_term("what does gust really mean") == "gust"


def test_what_a_thing_is_supposed_to_be_asks_what_the_figure_compares():
    assert classify_question("what is the moon supposed to be") == "meaning"
    text = reading_move(MOON, "this poem is so weird, what is the moon supposed to be").text
    assert "lantern" not in text and "\"The moon is...\"" in text, text  # what it is called is the student's to read
    text = reading_move(MOON, "what are the fields supposed to be? i dont get it").text
    assert "dark water" not in text and "\"like\"" in text, text


def test_a_stuck_message_with_no_question_asks_which_question_not_a_random_line():
    for said in ("idk", "i read it like 3 times", "which part", "this story makes no sense"):
        text = reading_move(KITE, said).text
        assert text.startswith("Which question about \"The Red Kite\"") and "sentence of the passage" not in text, text


def test_the_students_complaint_is_never_quoted_as_the_event():
    text = reading_move(KITE, "what did mira do after the strong gust came, i keep losing my place").text
    assert "losing" not in text and "place\"" not in text, text


def test_a_word_question_naming_no_word_points_at_no_line():
    text = reading_move(KITE, "what does this word even mean").text
    assert text.startswith("Which word do you mean?") and "sentence of the passage" not in text, text


def test_answering_the_people_of_the_other_side_points_at_their_line_and_the_writers_turn():
    letter = ("Dear Principal Ortiz,\n\nOur school should start a recycling club. The cafeteria throws away hundreds of "
              "cans every week. Some parents say a club would take too much of the teachers' time. But students "
              "would run it themselves at lunch. Please let us start the club this spring.\n\nThank you,\nAmir")
    text = reading_move(letter, "how does amir answer the busy-teacher people, i dont get it").text
    assert "\"Some parents say...\"" in text and "\"But\"" in text and "run it themselves" not in text, text


def test_a_plea_or_a_last_word_of_the_question_is_not_taken_for_the_students_chat():
    assert without_own("please just tell me the lesson, I really hate fables") == "please just tell me the lesson"
    assert without_own("how did the dog help, help") == "how did the dog help"


def test_a_students_sentence_that_names_what_is_asked_is_kept_as_the_question():
    assert without_own("I need the theme of the kite story and I have no clue where to begin")
    assert without_own("I get that its the word gust but I dont know what it means")
    text = reading_move(KITE, "I know the word is gust but what does it mean").text
    assert not text.startswith("Which question"), text


def test_the_one_whose_feeling_is_asked_is_named_not_the_other_person_in_the_line():
    text = reading_move(KITE, "What can you infer about how Dale feels about Mira's kite?").text
    assert "What does Dale do or say there" in text, text


def test_a_feeling_asked_with_they_is_never_given_to_the_other_person_in_the_line():
    diner = ("Lunch Rush\n\nAt noon the orders piled up on the rail. By one o'clock my apron was soaked and I was sure "
             "I had ruined the day. Then Rosa took the next pan from my hands without a word. I walked out at two "
             "feeling lighter than I had all week.")
    text = reading_move(diner, "how did they feel at one o clock").text
    assert "Rosa do" not in text, text


def test_a_message_whose_ask_is_in_its_own_words_is_kept_whole():
    said = "I know its the word gust but I dont get what it means"
    assert asked_only(said, SENTENCES) == said
    assert not reading_move(KITE, said).text.startswith("Which question"), said
