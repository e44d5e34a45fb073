"""Session 16 lead: the guard on the model's wording of a grounded move (evidence.off_move)."""
from evidence import off_move

PASSAGE = ("Tomas kept the lantern lit all night for the fishing boats. "
           "By morning his hands were black with soot. He smiled at the harbor anyway.")
MOVE = 'The story says: "By morning his hands were black with soot." What had Tomas been doing all night?'


def test_a_draft_that_keeps_the_move_may_be_said():
    draft = 'Look at "By morning his hands were black with soot." What was Tomas doing through the night?'
    assert off_move(draft, MOVE, PASSAGE) == []


def test_a_vaguer_question_with_two_of_the_words_is_refused():
    assert "leaves out the move's words" in off_move("What do you notice about Tomas?", MOVE, PASSAGE)


def test_a_one_word_fragment_is_refused():
    reasons = off_move("Lantern. What had Tomas been doing all night with his hands and the soot?", MOVE, PASSAGE)
    assert any(r.startswith("a fragment") for r in reasons)


def test_a_passage_line_said_as_the_tutors_own_is_refused_and_quoted_is_not():
    own = "He smiled at the harbor anyway. What had Tomas been doing all night, with soot on his hands?"
    assert any(r.startswith("says the passage's line") for r in off_move(own, MOVE, PASSAGE))
    quoted = "The story says “He smiled at the harbor anyway.” What had Tomas been doing all night, with soot?"
    assert not any(r.startswith("says the passage's line") for r in off_move(quoted, MOVE, PASSAGE))
