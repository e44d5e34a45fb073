"""Round 12 of reading's pointers and wording, on passages written for these tests: the sentence pointed at is the
one that answers (the day the question names, a place for "where", the premise's own reason), never a neighbour it
does not need nor a step beside a state; a sentence with speech is quoted without quotes inside quotes; a filler or
a question back is no claim to look for; "she said" is not turned into a name spoken to."""
from locate import told_features
from passages import body, focus, rank_sentences
from reading import NO_CLAIM, named, reading_move
from reading_verdict import quote
from sentence_questions import reading_hint, sentence_question

GARDEN = ("Priya planted beans in a row by the fence. On Monday the soil was dry and cracked, and the leaves drooped. "
          "Her neighbour Mr. Lee lent her a watering can. On Thursday a storm soaked the whole garden. "
          "By the weekend the beans had climbed halfway up the fence.")
SQUIRRELS = ("Squirrels get ready for the cold months long before they come. In autumn, they gather acorns and nuts. "
             "They bury them under leaves and loose soil all over the park. In winter, when food is hard to find, "
             "they dig the nuts back up.")
LIBRARY = ("The Oak Street Library opened in 1931 in a old train station. At first it had only three shelves of books. "
           "In 1960 the town added a second floor for children's books.")
MEETING = ("\"Can I borrow your bike?\" asked Theo. His sister Ana shook her head. \"It has a flat tire,\" she said. "
           "\"Ask Dad, Theo,\" she added.")
RACE = ("Nadia missed the start of the race because her shoelace snapped. She tied a knot as fast as she could. "
        "By the time she ran, the others were far ahead, and she almost stopped. Then she heard her coach shout her "
        "name. Her legs felt light again.")


def test_the_day_a_question_names_picks_that_days_sentence():
    _, sentences, _ = body(GARDEN)
    best = rank_sentences("Why were the leaves drooping on Monday?", sentences)[0][1]
    assert sentences[best].startswith("On Monday")
    assert told_features("What happened on Thursday?", sentences[1]) < 0 < told_features(
        "What happened on Thursday?", sentences[3])  # another day is another moment
    assert "On Thursday" in reading_move(GARDEN, "What happened to the garden on Thursday?").text


def test_a_where_question_points_at_the_sentence_telling_a_place_not_a_season():
    _, sentences, _ = body(SQUIRRELS)
    assert told_features("Where do squirrels hide the nuts?", sentences[2]) > 0
    assert told_features("Where do squirrels hide the nuts?", sentences[3]) < 0  # "In winter" is a time
    assert "third sentence" in reading_move(SQUIRRELS, "Where do squirrels hide the nuts?").text


def test_no_step_beside_a_state_the_question_names():
    text = reading_move(LIBRARY, "What was the library building before it was a library?").text
    assert not text.startswith("Find where the passage tells") and "first sentence" in text


def test_a_sentence_with_speech_is_quoted_without_quotes_inside_quotes():
    assert quote("The coach said, \"Run again.\"") == "\"The coach said, 'Run again.'\""
    text = reading_move(MEETING, "Why can't Theo borrow the bike?", "she said \"It has a flat tire\"").text
    assert "\"\"" not in text and ".\" she" not in text.replace("\"It has a flat tire,\" she said.", "")


def test_a_pronoun_speaker_stays_a_pronoun_not_the_name_spoken_to():
    _, sentences, _ = body(MEETING)
    asked = sentence_question(sentences[3], "What did Ana tell Theo to do?", sentences)
    assert asked == "What did she say there, and what does that tell you?"


def test_a_title_and_name_are_named_together():
    _, sentences, where = body(GARDEN)
    assert "\"Mr. Lee\"" in named(sentences, 2, "What did Mr. Lee lend Priya?", where) or \
        named(sentences, 2, "What did Mr. Lee lend Priya?", where).startswith("the sentence that begins")
    assert "\"Mr\"" not in reading_move(GARDEN, "What did Mr. Lee give Priya?", "a hose").text


def test_a_sentence_telling_its_own_reason_gets_no_neighbour():
    _, sentences, _ = body(RACE)
    assert focus(sentences, 2, "Why did Nadia almost stop?", "motive") == [2]
    text = reading_move(RACE, "Why did Nadia almost stop?").text
    assert "just after it" not in text and "just before it" not in text


def test_a_far_so_is_not_the_reason_for_a_feeling():
    story = ("Omar's bus broke down, so he walked to the fair. He bought a ticket for the big wheel. At the top, the "
             "car stopped and swung in the wind. His hands gripped the bar. Below, his friends waved up at him.")
    text = reading_move(story, "Why did Omar grip the bar?").text
    assert "bus" not in text and "first sentence" not in text


def test_fillers_and_questions_back_are_no_claim():
    for said in ("i looked everywhere", "is it the second part?", "wait what", "oh", "the part", "umm",
                 "which sentence?", "i read it but"):
        assert NO_CLAIM.search(said), said
        text = reading_move(RACE, "Why did Nadia's legs feel light?", said).text
        assert "can't find" not in text and "Your answer" not in text, (said, text)
    assert not NO_CLAIM.search("is she tired?")  # a guess to weigh, not a question about where to look


def test_the_hints_last_resort_asks_the_question_of_that_sentence():
    told = ["Bats rest by day.", "Their wide ears catch the echo of each squeak they make."]
    hint = reading_hint(told, "How do bats find their way in the dark?", 1)
    # round 16: the question is named, never quoted inside another question
    assert "does not already say" not in hint and hint.endswith("Which words in it answer the question?"), hint


def test_a_who_question_points_at_the_deed_not_the_next_person():
    letter = ("Dear Aunt June,\nThank you for the paint set you mailed for my birthday. Mom hung my first picture on "
              "the fridge. It shows our dog chasing a ball.\nLove,\nSam")
    _, sentences, _ = body(letter)
    top = next(i for i, s in enumerate(sentences) if "paint set" in s)
    assert focus(sentences, top, "Who mailed Sam the paint set?", "detail") == [top]
    text = reading_move(letter, "Who mailed Sam the paint set?", "his mom").text
    assert "first line" in text and "What did Mom do" not in text


def test_a_sentence_asking_the_students_own_question_is_shown_alone():
    hive = "Ants live in large groups. The queen ant lays the eggs. Worker ants carry food back to the nest."
    text = reading_move(hive, "What does the queen ant do?", "the part about the queen").text
    assert "just after it" not in text and "Worker" not in text


def test_the_question_is_quoted_once_in_a_reply():
    text = reading_move(MEETING, "Why does Ana say no to Theo?", "because she shook her head").text
    assert text.count("Why does Ana say no to Theo") <= 1, text


def test_a_sentence_opening_with_speech_is_named_by_its_place():
    _, sentences, where = body(MEETING)
    assert "\"" not in named(sentences, 2, "Why can't Theo borrow the bike?", where).replace("\"flat\"", "")
    hint = reading_hint(sentences, "Why can't Theo borrow the bike?", 1)
    assert "begins \"\"" not in hint and not any(f"{q}\"" in hint for q in ("tire,", "said."))


def test_naming_a_part_to_look_at_is_no_claim():
    assert NO_CLAIM.search("the part about winter")
    text = reading_move(SQUIRRELS, "What do squirrels do in winter?", "the part about winter").text
    assert "Does that fit" not in text and "can't find" not in text
