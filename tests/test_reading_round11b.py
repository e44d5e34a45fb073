"""Round 11 of reading's moves, on passages written for these tests: a meaning guessed as a question is the claim;
a "say about" question only names a noun phrase the told speech is about; a pointer names a neighbour only when the
pointed sentence does not answer alone; the hint ladder climbs with the pointed sentence's own words."""
from evidence import extract_claim
from sentence_questions import sentence_question


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
