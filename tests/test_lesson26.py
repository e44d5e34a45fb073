"""Round 26 lessons (issue #26, a lesson that holds together): a line the student quotes is met with the step from
such a line to this kind of answer, never "does that sentence answer the question?"; a quoted textbook fact is put to
work on the case asked about; a misconception held again in other word forms stays flagged and its two-part test is
asked one question at a time; the only approach left is never said twice in a row; the safe line after a withheld
reply changes; a reading or science message that asks nothing is never read back as "the problem". New passages,
questions and ideas, written for these tests."""
import agent
import evidence
import lesson
import reading_lesson
import wording
from escalate import one_at_a_time, question_again, vary
from math_moves import Move
from tests.test_lesson import Textbook, flattering

PASSAGE = ("The river had flooded the lower field twice that spring. Ada's father stacked sandbags along the fence "
           "every evening. One night the water rose over the first row of bags. Ada ran to the barn and woke the "
           "neighbours. By morning six people had built the wall twice as high, and the field stayed dry.")
WHY = "Why did Ada run to the barn?"
ROSE = "One night the water rose over the first row of bags."
STACKED = "Ada's father stacked sandbags along the fence every evening."


def quoted(line: str, clues: list[str], question: str = WHY) -> evidence.Move:
    state = lesson.Lesson(problem=f"{PASSAGE}\n\n{question}", passage=PASSAGE, clues=clues)
    undecided = evidence.Move("The passage does say that. Does that sentence answer the question?", "motive",
                              "unclear", [line])
    return reading_lesson.credit_clue(state, question, line, f"the text says \"{line}\"", undecided)


def test_a_quoted_line_never_pointed_to_is_asked_for_its_link_to_a_why_question():
    move = quoted(STACKED, [])
    assert "Does that sentence answer" not in move.text and "reason itself" in move.text
    assert move.verdict == "unclear" and move.evidence == [STACKED]   # evidence, never a confirmation


def test_a_second_quoted_line_is_put_together_with_the_first():
    first = quoted(STACKED, [])
    second = quoted(ROSE, [STACKED])
    assert second.text != first.text and "Put them together" in second.text and "stacked sandbags" in second.text


def test_the_link_asked_follows_the_kind_of_question():
    theme = quoted(ROSE, [], "What is the theme of the flood story?")
    main = quoted(ROSE, [], "What is this passage mostly about?")
    assert "lesson" in theme.text and "main idea" in main.text and theme.text != main.text


def test_a_reading_or_science_message_that_asks_nothing_is_not_read_back_as_the_problem():
    assert question_again("the moral is that rivers are dangerous", "reading") == ("", "")
    assert question_again("the puddle dried up because the sun boiled it", "science") == ("", "")
    lead, _ = question_again("a kite and a balloon both go up but why does the balloon stay up", "science")
    assert "why does the balloon stay up" in lead   # a question typed without its "?" is still re-read


def test_a_two_part_test_is_offered_one_question_at_a_time():
    parts = one_at_a_time("If the ice were melting from the inside, where would the water pool first? "
                          "And why does the shady side stay frozen longer?")
    assert [q for _, q in parts] == ["One question at a time: if the ice were melting from the inside, where would "
                                     "the water pool first?",
                                     "One question at a time: why does the shady side stay frozen longer?"]
    assert one_at_a_time("Which one would you expect to melt first?") == []
    setup = one_at_a_time("Your idea: \"snow melts from inside\". Put a snowball on a warm plate. Where does it get "
                          "wet first? Would a snowball in the fridge do the same? Why?")
    assert [q for _, q in setup] == ["One question at a time: put a snowball on a warm plate. Where does it get wet "
                                     "first?",
                                     "One question at a time: would a snowball in the fridge do the same? Why?"]


def test_the_only_approach_left_is_never_said_twice_in_a_row():
    state = lesson.Lesson(problem="the rock sinks because it is small")
    move = Move("flag", "", "A big log floats and a small coin sinks. Is it size that decides, or something else?")
    again = vary(move, state, [move.text], "I still think it sinks because it is small", "science")
    assert again.text != move.text and move.question in again.text and again.verdict == "flag"
    third = vary(move, state, [move.text, again.text], "I still think it sinks because it is small", "science")
    assert third.text != again.text


def test_the_safe_line_changes_when_it_was_the_last_reply():
    first = wording.safe_reply("Here is a hint.")
    assert first == wording.SAFE_REPLY
    assert wording.safe_reply(f"I can't say that. {first}") != first


def test_a_misconception_held_again_in_other_word_forms_stays_flagged():
    found = evidence.Move("Which would you expect to reach the floor first?", "card", "unclear", [])
    state = lesson.Lesson(problem="x", flagged="the puddle was drying because the sun boiled the water")
    held = lesson.still_flagged(state, "the sun boils the puddle", found)
    assert held.verdict == "contradicted"
    other = lesson.still_flagged(state, "the wind dries the puddle", found)
    assert other.verdict == "unclear"   # a new idea is asked about, not flagged


def test_a_held_misconception_lesson_never_repeats_a_reply_and_stays_flagged():
    tutor = agent.Tutor(flattering, retriever=Textbook(["Without air resistance, all objects fall with the same "
                                                        "acceleration, whatever their mass."]))
    messages = ["a brick and a marble dropped together, the brick lands first bc its heavier",
                *["I still think the brick lands first because it is heavier."] * 3]
    finals = [list(tutor.respond("held", m, subject="science"))[-1] for m in messages]
    texts = [f["text"] for f in finals]
    assert all(a != b for a, b in zip(texts, texts[1:])), texts
    assert all(f["verdict"] != "confirm" for f in finals)
