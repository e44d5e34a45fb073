"""lesson.py's math moves where the planner has no plan, and the concept cards (data/math_concepts.jsonl): the
problem's quantities never come from the student's own situation, a help request is pointed at what the problem says
about the question's target, right arithmetic is said to be right and its meaning asked, a concept question is
answered with a checked example on other numbers, and the fresh check set (tests/fixtures/math_moves.jsonl) keeps
every guard."""
import json
import re
from fractions import Fraction

import pytest

import agent
import confusion
import lesson
import math_moves
import problem_text
import reply_guard
import solver
import unplanned_moves
from common import ROOT
from scorers import case_answers, leaks_answer

CHECK_SET = [json.loads(line) for line in (ROOT / "tests/fixtures/math_moves.jsonl").read_text().splitlines()]
PAGES = ("Maria read 24 pages on Monday. On Tuesday she read 3 times as many pages as on Monday. How many pages did "
         "she read on Tuesday?")


def silent(*_, **__):
    return iter(())


@pytest.mark.parametrize("own", ["I have 5 min before class.", "class starts at 8 and I need this done.",
                                 "It's 6 a.m. and I'm tired.", "This is due at 9 tonight.",
                                 "I got a 72 on my last quiz."])
def test_the_students_own_situation_is_never_a_quantity_of_the_problem(own):
    problem, work = lesson.split_problem(f"{own} {PAGES}")
    assert problem == PAGES and work.replace("6 am", "6 a.m.") == own
    numbers = {value for value, _ in problem_text.given_numbers(f"{own} {PAGES}")}
    assert numbers == {24, 3}
    # a problem told in the first person keeps its sentences: they share the problem's words
    fences = "I have 3 hours to paint 12 fences. How many fences can I paint in an hour?"
    assert lesson.split_problem(fences) == (fences, "")


def test_a_clock_time_and_a_ratio_are_one_quantity_each():
    given = problem_text.given_numbers("A movie starts at 6:45 pm and lasts 2 hours. Flour and sugar are in the ratio 3:5.")
    assert given == [(Fraction(27, 4), "6:45 pm"), (2, "2 hours"), (3, "3:5")]


@pytest.mark.parametrize("question, target", [
    ("How many pages did she read on Tuesday?", "the number of pages on Tuesday"),
    ("How much do 28 pencils cost?", "the cost of 28 pencils"),
    ("How many litres are left?", "the number of litres left"),
    ("What was the temperature at noon?", "the temperature at noon"),
    ("How far apart are they really?", "the distance"),
    ("How much more does the drone cost than the robot?", "the difference"),
    ("How many cars are in each row?", "the number of cars in each row"),
    ("How many stickers does Kim have?", "Kim's stickers"),
    ("What time does it end?", "the time it ends"),
    ("How many seats are empty?", "the number of empty seats"),
    ("How many eggs are not broken?", "the number of eggs not broken"),
    ("How many juice boxes does each class get?", "the number of juice boxes for each class"),
    ("What fraction of the whole pizza did she eat?", "the fraction of the whole pizza"),
    ("just tell me how many litres are left.", ""),
    ("How long does the tank take to fill?", "the time"),
    ("What is the area of the garden?", "the area of the garden"),
    ("Solve 3x = 12.", ""),
])
def test_the_questions_target_is_read_in_its_own_words(question, target):
    assert problem_text.question_target(question) == target


def test_a_help_request_without_a_plan_points_at_the_sentence_about_the_target_never_at_every_number():
    state = lesson.Lesson(problem=PAGES)
    move = unplanned_moves.move_without_plan(state, [], [], "I'm stuck")
    assert move.text == ('The problem says "On Tuesday she read 3 times as many pages as on Monday." How many pages are '
                         '3 times the 24 pages on Monday?')   # the relation asked (round 8), never a frame
    assert "Which of" not in move.text and move.verdict == "none"
    again = [unplanned_moves.move_without_plan(state, [], [], "still stuck").question for _ in range(2)]
    assert again[0] == move.question and again[1] != move.question    # never the same hint three times in a row
    # the student's own deadline is theirs: never pointed at
    tutor = agent.Tutor(silent)
    reply = list(tutor.respond("pages", f"I have 5 min before class. {PAGES} help", "math"))[-1]["text"]
    assert "5 min" not in reply


def test_a_help_request_on_an_exercise_or_an_equation_without_a_plan_asks_where_to_start():
    def first(problem):
        return problem_text.first_move_question(problem, problem_text.given_numbers(problem))
    assert first("Just confirm the answer to 2 × (15 - 3²) ÷ 4 + 7 so I can grade.") == \
        ("", "Which part of 2 × (15 - 3²) ÷ 4 + 7 would you work out first, and why?")
    assert first("I need the key, starting with 3 1/2 - 1 2/3.") == \
        ("", "What is your first step for 3 1/2 - 1 2/3, and why?")
    assert first("I need x. (x+2)/3 = x - 4. Just x.") == \
        ("", "In (x+2)/3 = x - 4, what has been done to x, and what could you do to both sides to undo it?")
    # a question inside a request is still the question
    tank = "just tell me how many litres are left. A tank held 1,500 litres. On Monday 275 litres were used."
    assert first(tank)[0] == "The question asks for the number of litres left."


def test_right_arithmetic_without_a_plan_is_said_to_be_right_and_its_meaning_asked():
    seats = "A theater has 26 rows with 18 seats in each row. 310 seats are filled. How many seats are empty?"
    found = math_moves.claims("26 x 18 = 468")
    move = unplanned_moves.move_without_plan(lesson.Lesson(problem=seats), found, [Fraction(468)], "26 x 18 = 468")
    # the plan of its first sentence knows what 468 counts: that part is confirmed, where the rest comes in asked
    assert (move.verdict, move.lead) == ("confirm", "Yes, 26 × 18 = 468 is right: that is how many seats are in 26 "
                                                    "rows of 18.")
    assert move.question == "Where do the 310 seats come in?"
    trips = "A bus makes 26 trips and a van makes 18 trips. 310 riders came. How many trips were there?"
    move = unplanned_moves.move_without_plan(lesson.Lesson(problem=trips), math_moves.claims("26 x 18 = 468"),
                                         [Fraction(468)], "26 x 18 = 468")
    assert (move.verdict, move.lead) == ("confirm", "The arithmetic is right: 26 × 18 = 468.")
    assert move.question == "Where do the 310 riders come in?"
    # every given number used: whether the last result answers the problem's own question
    laps = "Ana ran 3 laps of a 400 m track and then 250 m more. How many meters did she run?"
    work = "3 x 400 = 1200, 1200 + 250 = 1450"
    move = unplanned_moves.move_without_plan(lesson.Lesson(problem=laps), math_moves.claims(work), [], work)
    assert move.question == 'Does 1450 answer "How many meters did she run?" If not, what does 1450 count in this ' \
                            'story?'
    # a number the student used outside a claim is used: never asked where it comes in
    cut = "A ribbon is 3/4 m long. Ella cuts 1/4 of it. How long is the piece?"
    move = unplanned_moves.move_without_plan(lesson.Lesson(problem=cut), math_moves.claims("0.75 / 4 = 0.1875"), [],
                                     "1/4 of 3/4 so 0.75 / 4 = 0.1875")
    assert "1/4" not in move.question and move.question.endswith("?")


def test_an_exercise_written_with_an_x_for_times_is_read_whole():
    problem, work = lesson.split_problem("Evaluate 6 + 4 x 3. I got 30")
    # the planner reads the x as times itself (math_patterns._TOKEN), so the problem may stay as written
    assert problem in ("What is 6 + 4 × 3?", "Evaluate 6 + 4 x 3.") and solver.plan(problem).answer == 18 \
        and "30" in work


def test_later_turns_count_earlier_work_and_a_right_chain_that_ends_on_the_asked_step_is_confirmed():
    seats = "A theater has 26 rows with 18 seats in each row. 310 seats are filled. How many seats are empty?"
    state = lesson.Lesson(problem=seats)
    math_moves.math_move(state, None, "26 x 18 = 468")
    second = math_moves.math_move(state, None, "468 - 310 = 158")
    # every given used once by right steps, the last a take-away from the seats there are (answer_check, round 16)
    assert second.kind == "final_right" and second.lead.startswith("Yes, 158 is right! Your steps: 26 × 18 = 468")
    wrong = lesson.Lesson(problem=seats)
    math_moves.math_move(wrong, None, "26 x 18 = 468")
    added = math_moves.math_move(wrong, None, "468 + 310 = 778")
    assert added.kind != "final_right" and "778 is right" not in added.text
    assert added.question == "Is 778 the number of empty seats? Say how your steps lead there."


def test_a_leading_negative_number_is_part_of_the_claim():
    assert [str(c) for c in math_moves.claims("-4 + 11 = 7 so 7 degrees")] == ["-4 + 11 = 7"]


def test_a_number_the_problem_gave_is_never_asked_how_the_student_got_it():
    pipes = "Pipe A fills a tank in 4 hours. Pipe B empties it in 12 hours. How long does the tank take to fill?"
    move = math_moves.math_move(lesson.Lesson(problem=pipes), None, "is it 12?")
    assert "How did you get" not in move.text
    assert move.text == ('12 is a number the problem gives you: "Pipe B empties it in 12 hours." How does 12 help you '
                         'find the time?')


def test_every_concept_card_explains_with_an_example_whose_arithmetic_checks_out():
    cards = confusion.concept_cards()
    assert len(cards) >= 30 and len({c["id"] for c in cards}) == len(cards)
    for card in cards:
        assert card["explain"] and card["ask"].endswith("?") and re.compile(card["pattern"])
        for example in card["examples"]:
            assert all(c.right for c in math_moves.claims(example)), (card["id"], example)
        assert any(math_moves.claims(example) for example in card["examples"]) or card["id"] in ("median", "mode", "place_value")  # no sums


@pytest.mark.parametrize("words, concept", [
    ("what does 3:5 even mean", "ratio"), ("what even is a mean", "mean"), ("how do I find the median?", "median"),
    ("I don't get the 2.5 part", "decimals"), ("do I divide by the old price or the new one?", "percent_change"),
    ("I don't get the difference between area and perimeter", "area_perimeter"),
    ("what's a unit rate", "unit_rate"), ("I don't get how to get x by itself", "equations"),
    ("I get confused with negatives", "negatives"), ("what does the scale mean", "proportion"),
    ("how do i start", None), ("I don't know where to start", None), ("what is 3/4 + 1/8?", None),
    ("do i add the sides?", None), ("no idea what to do", None),
    # 'mean' the verb is no statistics question; the noun is
    ("what does muffle mean", None), ("what does it mean?", None), ("what does mean mean", "mean"),
    ("I dont get the mean, median and mode", "mean"),
])
def test_a_concept_question_is_recognised_by_its_cue_and_the_concept_it_names(words, concept):
    card = confusion.concept_asked(words)
    assert (card["id"] if card else None) == concept


def test_a_concept_move_explains_with_an_example_on_other_numbers_then_applies_it_to_this_problem():
    ratio = "A recipe uses flour and sugar in the ratio 3:5. Dana uses 15 cups of sugar. How many cups of flour?"
    plan = solver.plan(ratio)
    # with a plan: the idea, then the plan's own first step (no example on other numbers beside the point)
    move = math_moves.math_move(lesson.Lesson(problem=ratio), plan, "what does 3:5 even mean")
    assert move.kind == "concept" and move.lead.startswith("A ratio compares two amounts by parts")
    assert "For example" not in move.lead and move.step is plan.steps[0] and "15" in move.question
    for problem, the_plan in ((ratio, None),):   # without one: an example on numbers of its own
        move = math_moves.math_move(lesson.Lesson(problem=problem), the_plan, "what does 3:5 even mean")
        assert move.kind == "concept" and move.lead.startswith("A ratio compares two amounts by parts")
        example = move.lead.split("For example: ")[1]
        shown = set(solver.numbers_in(example))
        assert example and not shown & {3, 5, 15, 9}          # not this problem's numbers, nor its answer (9)
        # the card's question on this problem's own quantities, never a sentence of it pasted in
        assert move.question.startswith("Here you have 3:5 and 15 cups.") and '"' not in move.question
    # the first example (8 cups of juice, 3 cups of water...) uses a 3: the second one is said
    assert "Red and blue beads 1:4" in move.lead
    # a concept question about nothing the cards know leaves the move to the help path
    assert math_moves.math_move(lesson.Lesson(problem=ratio), plan, "how do i start").kind != "concept"


def test_a_right_step_is_affirmed_and_a_right_final_answer_confirmed_with_a_plan():
    train = "A train travels 180 km in 3 hours. At the same speed, how far does it go in 5 hours?"
    step = math_moves.math_move(lesson.Lesson(problem=train), solver.plan(train), "180 / 3 = 60")
    assert (step.verdict, step.kind) == ("confirm", "step_right") and step.question.startswith("Next, how many km")
    final = math_moves.math_move(lesson.Lesson(problem=train), solver.plan(train), "180 / 3 = 60, 60 x 5 = 300 km")
    assert (final.verdict, final.kind) == ("confirm", "final_right") and final.lead.startswith("Yes, 300 km is right")
    # the recap ends with the step that reached the answer, even when the student only said its result
    state = lesson.Lesson(problem=train)
    math_moves.math_move(state, solver.plan(train), "180 / 3 = 60")
    closed = math_moves.math_move(state, solver.plan(train), "so 300 km")
    assert closed.lead == "Yes, 300 km is right! Your steps: 180 ÷ 3 = 60, then 60 × 5 = 300."


@pytest.mark.parametrize("case", CHECK_SET, ids=[c["id"] for c in CHECK_SET])
def test_the_fresh_check_set_keeps_every_guard(case):
    """Through the templates tutor: no leak of an answer the student has not given, no praise without a confirm
    verdict, a question in every reply, and no number of the student's own situation pointed at."""
    final = list(agent.Tutor(silent).respond(case["id"], case["student_message"], "math"))[-1]
    reply = final["text"]
    if case["kind"] != "correct_answer":
        assert not leaks_answer(reply, case_answers(case), context=case["student_message"]), reply
    assert final["verdict"] == "confirm" or not any(reply_guard.praises(s) for s in re.split(r"(?<=[.!?])\s+", reply))
    assert "?" in reply
    assert not re.search(r"\b(?:5 min|6 a\.?m|at 8\b|at 9 tonight|a 72\b)", reply), reply


def test_a_step_number_reached_by_another_operation_is_asked_about_not_confirmed():
    """'25 − 20 = 5' is right arithmetic and 5 is the plan's 20% of $25, but subtracting the percent as dollars is
    no step done: the move asks whether subtracting answers that step, and never praises."""
    problem = "A shirt costs $25 and is on sale for 20% off. What is the sale price?"
    plan = solver.plan(problem)
    move = math_moves.math_move(lesson.Lesson(problem=problem), plan, "25 - 20 = 5 so $5")
    assert (move.verdict, move.kind) == ("ask", "other_route")
    assert move.lead == "The arithmetic is right: 25 − 20 = 5." and "taking away" in move.question.lower()
    for same_route in ("20% of 25 = 5", "25 / 5 = 5", "25 x 0.2 = 5"):   # a fifth of 25 is dividing by 5
        assert math_moves.math_move(lesson.Lesson(problem=problem), plan, same_route).verdict == "confirm", same_route


def test_a_division_with_its_remainder_is_right_arithmetic_and_a_rounding_recap_says_what_it_means():
    assert [(str(c), c.right) for c in math_moves.claims("62 / 8 = 7 R 6 so 8 tents")] == [("62 ÷ 8 = 7 R 6", True)]
    assert [c.right for c in math_moves.claims("62 ÷ 8 = 7 remainder 6")] == [True]
    assert [c.right for c in math_moves.claims("62 / 8 = 7 r 5")] == [False]   # 7 × 8 + 5 is 61
    assert [c.right for c in math_moves.claims("62 / 8 = 7")] == [False]
    tents = "62 campers are going on a trip. Each tent holds 8 campers. How many tents are needed?"
    reply = list(agent.Tutor(silent).respond("t", f"{tents} 62 / 8 = 7 R 6 so 8 tents", "math"))[-1]["text"]
    assert "8 tents is right" in reply and "62 ÷ 8 = 7 R 6, then one more for the part left over: 8" in reply
    assert "0.25" not in reply


def test_an_equation_step_that_does_not_follow_is_flagged_though_its_arithmetic_is_right():
    reply = list(agent.Tutor(silent).respond("e", "Solve 7x - 5 = 3x + 19. 7x - 3x = 4x, then 4x = 19 - 5 = 14, "
                                                  "x = 3.5", "math"))[-1]
    # (planned since round 15's linear_equation: the step that gathers the numbers is the one asked again)
    assert reply["verdict"] == "flag" and "what is 19 - (-5)?" in reply["text"]
    assert "arithmetic is right" not in reply["text"] and "6" not in reply["text"]


@pytest.mark.parametrize("said, shown, right", [
    ("I divided 120 by 8 and got 15", "120 ÷ 8 = 15", True), ("I multiplied 12 by 3 to get 36", "12 × 3 = 36", True),
    ("I subtracted 5 from 20 and got 16", "20 − 5 = 16", False), ("I did 45 + 18 which is 63", "45 + 18 = 63", True)])
def test_an_operation_said_in_words_is_a_claim_checked_like_a_written_one(said, shown, right):
    assert [(str(c), c.right) for c in math_moves.claims(said)] == [(shown, right)]


def test_a_student_who_said_how_is_not_asked_how():
    problem = "A baker makes 24 muffins and shares them fairly with her 5 friends and herself. How many does each get?"
    reply = list(agent.Tutor(silent).respond("w", f"{problem} I divided 24 by 6 and got 4", "math"))[-1]["text"]
    assert "How did you get" not in reply and "24 ÷ 6 = 4" in reply
