"""Round 11 of reading's moves, on passages written for these tests: a meaning guessed as a question is the claim;
a "say about" question only names a noun phrase the told speech is about; a pointer names a neighbour only when the
pointed sentence does not answer alone; the hint ladder climbs with the pointed sentence's own words."""
from evidence import extract_claim


def test_a_meaning_guessed_as_a_question_is_the_claim():
    asked = "What does the word brisk mean in this story?"
    assert extract_claim("does brisk mean slow?", asked) == "slow"
    assert extract_claim("does it mean cold and fresh?", asked) == "cold and fresh"
    assert extract_claim("so does \"brisk\" mean like quick?", asked) == "quick"
    assert extract_claim("what does it mean?", asked) is None  # asking, not guessing
    assert extract_claim("does it mean anything?", "Why did the ferry leave early?") is None  # no meaning asked
