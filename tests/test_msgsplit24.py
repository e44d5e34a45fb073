"""Session 20 (issues #21, #26): reading a student's message into the question, their answer or step and their request,
whatever order and shape they type it in: the answer before the question ("is it D. which gas ..."), the question
named after it ("X. thats what i put for why ..."), a sum they ask about ("does 2.5 x 4 = 100? thats what i got"),
"is that right" that asks for a verdict and no question, "my answer was that ...", "X but idk", "theme = X", chat
before a retold problem, a claim typed in capitals after the question. Every sentence here is new: none is from the
round's probe set."""
from __future__ import annotations

import pytest

import agent
import lesson
import student_message


@pytest.mark.parametrize("message,question,answer", [
    ("is it D. which gas do we breathe out A oxygen B nitrogen C helium D carbon dioxide",
     "which gas do we breathe out A oxygen B nitrogen C helium D carbon dioxide", "D"),
    ("the answer is 9 r 1 right? 37 divided by 4", "37 divided by 4", "9 r 1"),
    ("water turns into vapor and rises. thats what i put for where does a puddle go",
     "where does a puddle go", "water turns into vapor and rises"),
    ("a leaf falls slower bc of the air, thats my answer to why does a leaf fall slower than a rock right",
     "why does a leaf fall slower than a rock", "a leaf falls slower bc of the air"),
    ("does 2.5 x 4 = 100? thats what i got", "What is 2.5 x 4?", "2.5 x 4 = 100"),
])
def test_an_answer_typed_before_its_question_is_read_apart(message: str, question: str, answer: str) -> None:
    assert student_message.answered_apart(message) == (question, answer)


def test_a_pasted_passage_stays_with_the_question_when_the_answer_comes_first() -> None:
    passage = "Mia lost her scarf at the park. She walked back in the rain. She found it on the bench."
    asked, answer = student_message.answered_apart(f"{passage}\n\ni think its B. why did mia walk back A to play "
                                                   "B to find her scarf")
    assert asked.startswith(passage) and asked.endswith("why did mia walk back A to play B to find her scarf")
    assert answer == "B"


@pytest.mark.parametrize("message", [
    "Is it a mammal or a bird? I think a bird",   # a question that offers two answers, then the student's pick
    "is it cold at night in the desert?",   # a question, nothing after it
    "Pens cost $3 each. Ana buys 4 pens. How much does she spend? 12",   # the answer after its question already
    "i think the boy was lonely because nobody sat with him",   # a claim with no question at all
])
def test_other_orders_are_left_to_the_usual_reading(message: str) -> None:
    assert student_message.answered_apart(message) is None


@pytest.mark.parametrize("message,question", [
    ("my guess was that he felt proud. am i right", None),
    ("Why did the dog bark all night? is that right", "Why did the dog bark all night?"),
    ("so the owl hunts at night. is this correct", None),
])
def test_a_check_on_the_answer_is_no_question(message: str, question: str | None) -> None:
    assert student_message.question_of(message) == question


@pytest.mark.parametrize("message,question,claim", [
    ("my answer was that the frog was hiding. is that correct", "", "the frog was hiding"),
    ("i got that heat rises is that right", "", "heat rises"),
    ("i wrote that she moved away but idk", "", "she moved away"),
    ("theme = friends help each other when it counts", "What is the theme?", "friends help each other when it counts"),
    ("nvm i know, the sun heats the sand faster than the water", "Why is the sand hotter?",
     "the sun heats the sand faster than the water"),
    ("teacher said to underline the clue. the snow was melting", "", "the snow was melting"),
])
def test_the_claim_is_read_without_its_markers_checks_and_doubts(message: str, question: str, claim: str) -> None:
    assert student_message.extract_claim(message, question) == claim


@pytest.mark.parametrize("message", [
    "my dog keeps barking at the window why does that happen",
    "the candle goes out under the jar how does that work",
])
def test_a_retold_question_is_no_claim(message: str) -> None:
    assert student_message.extract_claim(message) is None


def test_work_typed_in_capitals_after_the_question_is_the_students() -> None:
    head, work = lesson.split_problem("WHAT IS 6 X 9 I GOT 56")
    assert "56" not in head and "56" in work


def test_chat_before_a_retold_problem_is_no_part_of_it() -> None:
    head, _ = lesson.split_problem("so basically a bus has 40 seats and 13 are empty how many people are on it")
    assert head.lower().startswith("a bus has 40 seats")


def test_a_bare_time_after_an_unmarked_when_question_is_the_answer() -> None:
    head, work = lesson.split_problem("the movie starts at 6:50 and lasts 1 h 45 min what time does it end. 8:35")
    assert work == "8:35" and "8:35" not in head


def reply(message: str, subject: str) -> dict:
    return list(agent.Tutor(lambda *a, **k: iter([""])).respond("s", message, subject=subject))[-1]


def test_a_sum_asked_about_is_checked_as_the_students_work() -> None:
    final = reply("does 1.2 x 0.3 = 3.6?? thats what i got", "math")
    assert final["verdict"] == "flag" and "0.36" not in final["text"]


@pytest.mark.parametrize("first", ["is it C. which animal is a mammal A shark B frog C whale D snake",
                                   "which animal is a mammal A shark B frog C whale D snake i think C"])
def test_a_letter_picked_before_or_after_the_choices_is_that_choice(first: str) -> None:
    assert lesson.split_problem(first) == ("which animal is a mammal A) shark B) frog C) whale D) snake",
                                           first.split(". ")[0].removeprefix("is it ") if first.startswith("is")
                                           else "i think C")
    assert reply(first, "science")["text"] == reply("which animal is a mammal A) shark B) frog C) whale D) snake "
                                                    "I think C", "science")["text"]


def test_a_wrong_letter_picked_before_the_question_is_never_confirmed() -> None:
    final = reply("is it A. which animal is a mammal A shark B frog C whale D snake", "science")
    assert final["verdict"] != "confirm"
