"""Round 18: a reading lesson keeps the lines the student quoted (reading_lesson.py) and judges the answer they draw
from them: a quoted line about the question is named as a clue and the step to the answer asked; an answer those
lines show is confirmed with a recap of the clue; one they do not show, or one they show its opposite of, is not."""
import lesson

PASSAGE = ("Omar's team had lost every game that season. Before the last match, he stayed late each evening to "
           "practice his kicks. When the whistle blew, his knees were shaking. In the final minute, he kicked the "
           "ball past the tall goalie. His teammates lifted him onto their shoulders, and Omar laughed until he "
           "cried. The coach said, \"That goal was earned at every late practice.\"")


def confirmed(move) -> bool:
    """The tutor's verdict a student hears: a right answer (agent.MOVE_STAGES: evidence_supported -> summary)."""
    return move.kind == "evidence_supported"


def lesson_on(question: str, first: str = "I don't get it.") -> tuple[lesson.Lesson, object]:
    state = lesson.Lesson(problem=f"{PASSAGE}\n\n{question} {first}")
    return state, lesson.grounded_move(state, "reading", first)


def test_a_quoted_line_about_the_question_is_named_as_a_clue_and_the_step_asked():
    state, _ = lesson_on("How does Omar feel when the whistle blows?")
    move = lesson.grounded_move(state, "reading", 'The text says: "When the whistle blew, his knees were shaking."')
    assert not confirmed(move) and state.clues == ["When the whistle blew, his knees were shaking."]
    assert "knees were shaking" in move.question and "Does it fit what you said" not in move.question


def test_a_feeling_the_quoted_clue_shows_is_confirmed_with_the_clue():
    state, _ = lesson_on("How does Omar feel when the whistle blows?")
    lesson.grounded_move(state, "reading", 'The text says: "When the whistle blew, his knees were shaking."')
    move = lesson.grounded_move(state, "reading", "So the answer is nervous.")
    assert confirmed(move) and "knees were shaking" in move.question


def test_a_feeling_the_clue_does_not_show_is_never_confirmed():
    state, _ = lesson_on("How does Omar feel when the whistle blows?")
    lesson.grounded_move(state, "reading", 'The text says: "When the whistle blew, his knees were shaking."')
    assert lesson.grounded_move(state, "reading", "So the answer is calm and relaxed.").kind != \
        "evidence_supported"
    assert lesson.grounded_move(state, "reading", "I think he is bored.").kind != "evidence_supported"


def test_an_answer_from_other_lines_than_the_quoted_clue_is_not_confirmed_by_it():
    state, _ = lesson_on("Why did Omar's teammates lift him onto their shoulders?")
    lesson.grounded_move(state, "reading", 'The text says: "In the final minute, he kicked the ball past the tall '
                                           'goalie."')
    move = lesson.grounded_move(state, "reading", "So the answer is because the team lost every game that season.")
    assert not confirmed(move)


def test_an_answer_in_own_words_the_quoted_clue_tells_is_confirmed():
    state, _ = lesson_on("Why did Omar's teammates lift him onto their shoulders?")
    lesson.grounded_move(state, "reading", 'The text says: "In the final minute, he kicked the ball past the tall '
                                           'goalie."')
    move = lesson.grounded_move(state, "reading", "So the answer is he kicked the winning ball past the goalie at "
                                                  "the final minute.")
    assert confirmed(move) and "goalie" in move.question
