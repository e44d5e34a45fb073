"""lesson.py's next-step questions (round 2 of the math moves): a step is asked without restating the problem or
doing its reasoning, a diagnosis that asks is said alone, the student's own form of a number is shown back, and no
sentence of the problem is pasted into a template. The fresh check set (tests/fixtures/math_moves2.jsonl, written
before these moves changed) keeps every guard."""
import json
import re

import pytest

import agent
import lesson
import math_moves
import problem_text
import reply_guard
import solver
import wording
from common import ROOT
from scorers import leaks_answer

FRESH = [json.loads(line) for line in (ROOT / "tests/fixtures/math_moves2.jsonl").read_text().splitlines()]


def silent(*_, **__):
    return iter(())


def reply_to(message: str) -> dict:
    return list(agent.Tutor(silent).respond("s", message, "math"))[-1]


def test_the_last_step_is_a_way_in_instead_of_the_problem_restated():
    club = "A club collected $900 for a party. It spent $260 on food and $145 on music. How much money is left?"
    move = math_moves.math_move(lesson.Lesson(problem=club), solver.plan(club), "260 + 145 = 405 ok now what")
    assert (move.verdict, move.question) == ("confirm", "Next, how do $900 and 405 give you the money left?")
    # a last step that builds on a found result in words of its own keeps them
    apples = "A farmer has 6 crates with 24 apples in each crate. He sells 50 apples. How many apples are left?"
    kept = math_moves.math_move(lesson.Lesson(problem=apples), solver.plan(apples), "6 x 24 = 144")
    assert kept.question == "Next, how many apples are left after he sells 50 apples?"
    # a one-step problem's question is the problem's own: on the first rung, its numbers and the target
    cake = "A cake is cut into 16 equal pieces. Mia eats 1/4 of the cake. How many pieces does she eat?"
    first = math_moves.math_move(lesson.Lesson(problem=cake), solver.plan(cake), "")
    assert first.question == "How do 16 pieces and 1/4 give you the number of pieces?"


def test_an_exercise_asks_which_part_comes_next_never_the_filled_in_sum():
    exercise = "Calculate 36 ÷ (5 + 4) × 2 - 3."
    move = math_moves.math_move(lesson.Lesson(problem=exercise), solver.plan(exercise), "5 + 4 = 9 first, then 36 ÷ 9 = 4")
    assert move.lead == "Yes, 36 ÷ 9 = 4 is right."   # no empty 'that answers "What is 36 ÷ 9?"'
    assert move.question == "With 4 in place of 36 ÷ 9, what is left to work out, and which part comes next?"
    percent = "What is 15% of 240?"
    asked = math_moves.math_move(lesson.Lesson(problem=percent), solver.plan(percent), "")
    assert asked.question == "What is 10% of 240, and how could that help you find 15% of it?"


def test_a_diagnosis_that_asks_is_not_answered_in_the_next_sentence():
    plants = "The heights of 5 plants were 12, 0, 8, 15 and 10 cm. Find the mean height."
    move = math_moves.math_move(lesson.Lesson(problem=plants), solver.plan(plants), "12+8+15+10 = 45 and 45 / 4 = 11.25")
    assert move.kind.startswith("diagnosed") and move.text == "You divided by 4; how many values are there?"


def test_mixed_numbers_are_shown_back_as_the_student_wrote_them():
    rope = "A rope is 6 1/3 metres long. Ana cuts off 2 2/3 metres. How long is the rope now?"
    move = math_moves.math_move(lesson.Lesson(problem=rope), solver.plan(rope), "6 1/3 - 2 2/3 = 4 1/3")
    assert move.verdict == "flag" and move.lead.startswith("Check 6 1/3 − 2 2/3 again: it does not make 4 1/3.")
    assert "19/3" not in move.text and "13/3" not in move.text
    assert str(math_moves.claims("3 1/2 + 1 1/4 = 4 3/4")[0]) == "3 1/2 + 1 1/4 = 4 3/4"


def test_an_equation_asks_what_to_undo_and_an_insist_without_tell_is_heard():
    assert wording.request_flags("no explanation, I just need x. (x+4)/2 = x - 1. Just x.") == ["just_tell_me"]
    assert wording.request_flags("I don't need an explanation, give me x") == ["just_tell_me"]
    assert wording.request_flags("i dont get how to get x on its own") == []
    final = reply_to("no explanation, I just need x. (x+4)/2 = x - 1. Just x.")
    assert final["text"].startswith(wording.guard_lines("just_tell_me"))
    assert final["text"].endswith("In (x+4)/2 = x - 1, what has been done to x, and what could you do to both sides to "
                                  "undo it?")


def test_a_problems_terms_are_named_never_its_sentence_pasted():
    diver = "A diver is at -40 m. She rises 15 m, then goes down 25 m. What is her depth now?"
    assert problem_text.given_numbers(diver)[0] == (-40, "-40 m")        # a number's own minus sign
    assert [v for v, _ in problem_text.given_numbers("What is 7 - 5 and 7-5?")] == [7, 5, 7, 5]   # an operation's is not
    assert problem_text.problem_terms(diver, "What is her depth now?") == "-40 m, 15 m and 25 m"
    card = math_moves.math_move(lesson.Lesson(problem=diver), None, "negatives confuse me")
    assert card.kind == "concept" and card.question.startswith("Here you have -40 m, 15 m and 25 m.")
    # with a plan, the idea then the plan's first step in the story's words ("rises" connected to the number line)
    card = math_moves.math_move(lesson.Lesson(problem=diver), solver.plan(diver), "negatives confuse me")
    assert card.kind == "concept" and card.question == "From -40 m, it rises 15 m. Where is it then?"
    equation = math_moves.math_move(lesson.Lesson(problem="Solve 3x + 5 = 26."), None, "how do i get x on its own")
    assert "Here you have 3x + 5 = 26. What was done to x last" in equation.question


@pytest.mark.parametrize("case", FRESH, ids=[c["id"] for c in FRESH])
def test_the_fresh_set_keeps_every_guard_and_pastes_no_problem_sentence(case):
    final = reply_to(case["student_message"])
    reply = final["text"]
    assert not leaks_answer(reply, [case["answer"]], context=case["student_message"]), reply
    assert final["verdict"] == "confirm" or not any(reply_guard.praises(s) for s in re.split(r"(?<=[.!?])\s+", reply))
    assert reply.rstrip().endswith("?"), reply
    sentences = problem_text.problem_sentences(case["problem"])
    assert not any(f'"{s}' in reply for s in sentences), reply           # never a problem sentence quoted
    assert not reply.endswith(sentences[-1]) or len(sentences) == 1 or case["class"] == "pasted", reply


def test_a_wrong_final_answer_asks_the_first_skipped_step_without_its_sum_filled_in():
    phone = "A phone costs $360 after a 10% discount. What was the price before the discount?"
    move = math_moves.math_move(lesson.Lesson(problem=phone), solver.plan(phone), "10% of 360 is 36 so 360 + 36 = 396")
    assert move.lead.startswith("You took 10% of 360") and move.step == solver.plan(phone).steps[0]
    assert move.question == "After 10% off, what percent of the original price is $360?"
    halves = "Two numbers add up to 40 and their difference is 8. What is the larger number?"
    said = math_moves.math_move(lesson.Lesson(problem=halves), solver.plan(halves), "40 / 2 = 20, 20 + 8 = 28")
    assert said.text == "You used the whole 8. From the middle, 20, one number goes up and the other down by the same " \
        "amount: how far must each move to end up 8 apart?"   # the idea, never "8 ÷ 2?"
    # a middle step keeps its own question: the step before it was done in the student's own arithmetic
    bike = "The price of a bike went up from $120 to $150. By what percent did the price increase?"
    middle = math_moves.math_move(lesson.Lesson(problem=bike), solver.plan(bike), "30 / 150 = 0.2 so about 20%")
    assert "$120" in middle.question and "30" not in middle.question.replace("$120", "")


@pytest.mark.parametrize("question, target", [
    ("How many children are there?", "the number of children"), ("How many books is that?", "the number of books"),
    ("How many seats are empty?", "the number of empty seats"), ("How many apples are left?", "the number of apples left")])
def test_the_questions_target_never_takes_a_pointing_word_for_a_state(question, target):
    assert problem_text.question_target(question) == target


def test_a_hint_held_back_at_the_top_of_the_ladder_leaves_a_concrete_question():
    tutor = agent.Tutor(lambda *_, **__: iter(()))
    problem = "Why do geese fly in a V shape?"  # no topic card: a card's question climbs its own ladder
    replies = [list(tutor.respond("held", msg, "science"))[-1]["text"]
               for msg in [problem, "hint please", "can I have another hint", "more help", "hint", "hint"]]
    assert all(a != b for a, b in zip(replies, replies[1:]))   # the top rung is never said twice running
    assert all(r.rstrip().endswith("?") for r in replies[1:])   # each rung still asks the student something
