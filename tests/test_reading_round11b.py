"""Round 11 of reading's moves, on passages written for these tests: a meaning guessed as a question is the claim;
a "say about" question only names a noun phrase the told speech is about; a pointer names a neighbour only when the
pointed sentence does not answer alone; the hint ladder climbs with the pointed sentence's own words."""
from student_message import extract_claim
from reading import reading_move
from sentence_questions import sentence_question, tells_asked
from wording import hint_text


def test_a_meaning_guessed_as_a_question_is_the_claim():
    asked = "What does the word brisk mean in this story?"
    assert extract_claim("does brisk mean slow?", asked) == "slow"
    assert extract_claim("does it mean cold and fresh?", asked) == "cold and fresh"
    assert extract_claim("so does \"brisk\" mean like quick?", asked) == "quick"
    assert extract_claim("what does it mean?", asked) is None  # asking, not guessing
    assert extract_claim("does it mean anything?", "Why did the ferry leave early?") is None  # no meaning asked


def test_a_say_about_question_names_a_thing_the_speech_is_about():
    told = ["Uncle Ravi said they had driven all the way from the coast.",
            "The coach said the team had trained every morning since May.",
            "Aunt Lena told us the wind had torn the old fence apart."]
    assert sentence_question(told[0], "Where had they come from?", told) == "What did Uncle Ravi say?"
    assert sentence_question(told[1], "When did training start?", told) == "What did the coach say about the team?"
    assert sentence_question(told[2], "What broke?", told) == "What did Aunt Lena say about the wind?"


def test_a_built_question_lowercases_a_described_or_plural_opening_but_keeps_a_name():
    text = ["Sleepy drivers are more likely to crash.", "Sailors fixed the mast.", "Jonas fixed the sail.",
            "Save Our Park"]
    assert sentence_question(text[0], "Who crashes?", text) == "What does it say about sleepy drivers?"
    assert sentence_question(text[1], "Who fixed it?", text) == "What did sailors do?"
    assert sentence_question(text[2], "Who fixed it?", text) == "What did Jonas do?"
    assert sentence_question(text[3], "What is the title?", text) is None  # a heading tells no deed


def test_a_sentence_that_tells_what_is_asked_is_pointed_to_alone():
    assert tells_asked("How long did the fair last?", "The fair lasted for three weeks.")
    assert tells_asked("Why was the road closed?", "The road was closed because a tree had fallen.")
    assert tells_asked("Where did the cat sleep?", "The cat slept under the porch steps.")
    assert not tells_asked("Where did the cat sleep?", "The cat was tired after the long chase.")
    assert not tells_asked("Where had the ship sailed from?", "The ship anchored in the bay.")  # not where it left
    passage = ("The fair came to town in June. It lasted for three weeks. Everyone rode the wheel. "
               "Maya won a goldfish.")
    move = reading_move(passage, "How long did the fair last?").text
    assert "It lasted" in move and "just" not in move  # the neighbour that tells it, alone


def test_the_reading_hint_ladder_climbs_with_the_pointed_sentences_own_words():
    problem = ("Passage: The goat climbed onto the barn roof. A farmer shouted from the field. The goat jumped down "
               "and hid behind the haystack. Question: Where did the goat hide?")
    rungs = [hint_text(problem, level, "reading") for level in (1, 2, 3)]
    assert not any("The question is about" in r or "Passage:" in r for r in rungs), rungs
    assert rungs[0] == "Look at the third sentence of the passage. What did the goat do?"  # two begin "The goat"
    assert rungs[1] == ('In the third sentence of the passage, read the words that come right after "goat". '
                        'What do they tell you?')
    assert rungs[2].startswith("Say the third sentence of the passage in your own words")
    quoting = 'Passage: Mo asked, "Is it late?" Dad smiled. Question: Why did Mo ask "Is it late?"'
    assert '""' not in hint_text(quoting, 3, "reading") and "the question" in hint_text(quoting, 3, "reading")
