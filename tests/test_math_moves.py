"""Math moves from what the story says about each number (math_moves.py): a step that moves an amount the wrong way
is asked about at exactly that step, a number the problem never gave is asked about, a result in the wrong unit is
pointed at the unit asked for, and without a plan a help request is asked in the problem's own objects. The fresh
check set tests/fixtures/math_moves3.jsonl was written before these moves: half of it (split "check") was never
developed on."""
import json
import re
from fractions import Fraction

import pytest

import agent
import arithmetic_claims
import lesson
import math_moves
import problem_text
import solver
import step_rules
import unplanned_help
import unplanned_moves
import wording
from arithmetic_claims import (alternatives, claims, in_dollars, pending, presented_as_answer, proposed_chain,
                               with_chains)
from common import ROOT
from solver import fmt
from story_changes import answer_by_story, part_story, relation_help, story_changes

FRESH = [json.loads(line) for line in (ROOT / "tests/fixtures/math_moves3.jsonl").read_text().splitlines()]
WRONG = {"wrong_direction", "wrong_operation", "foreign_number", "bare_wrong", "unit_mismatch"}


def test_a_plan_read_without_an_earlier_sentence_of_the_story_is_no_plan_of_it():
    farm = "A farmer has 5 fields. Each field has 8 rows of 12 corn plants. How many corn plants does the farmer have?"
    problem, work = lesson.split_problem(f"{farm} 8 x 12 = 96 but im not sure what to do with the 5")
    assert problem == farm and work.startswith("8 x 12 = 96")
    library = "A library had 340 books. It lent out 85 books and got 60 new books. How many books does it have now?"
    assert lesson.split_problem(f"{library} is it 485?") == (library, "is it 485?")


def test_a_story_is_read_as_a_start_and_changes_by_its_own_verbs():
    changes = story_changes("A van had 14 boxes in it. At the shop 6 boxes were taken out, then 9 boxes got loaded. "
                            "Later 5 boxes fell off. How many boxes are in the van now?")
    assert changes is None   # "got loaded" is no verb the reader knows: the clause would be a second start
    bus = story_changes("A bus had 31 people on it. At the market 12 people got off and 7 people got on. "
                        "How many people are on the bus now?")
    assert [(c.value, c.sign, c.verb) for c in bus] == [(31, 0, ""), (12, -1, "got off"), (7, 1, "got on")]
    assert answer_by_story(bus) == 26
    gift = story_changes("Lena had 40 beads. She lost 8 beads. Then her uncle gave her 15 beads. "
                         "How many beads does she have now?")
    assert [c.sign for c in gift] == [0, -1, 1] and answer_by_story(gift) == 47
    ferry = story_changes("A ferry had 48 cars on it. At the port 15 cars drove off and 9 cars came on. "
                          "How many cars are on the ferry now?")
    assert [(c.sign, c.verb) for c in ferry[1:]] == [(-1, "drove off"), (1, "came on")]   # a verb with its particle
    money = story_changes("Raj had $50. He bought a kite for $14. How much money does he have left?")
    assert [c.sign for c in money] == [0, -1]   # buying moves money out


def test_a_plural_noun_after_a_number_is_no_verb_and_what_dies_is_taken_away():
    garden = story_changes("There were 84 plants in the garden. 9 plants die. How many are still alive?")
    assert [(c.value, c.sign, c.unit) for c in garden] == [(84, 0, "plants"), (9, -1, "plants")]
    assert answer_by_story(garden) == 75   # "plants" after 84 and 9 is the noun, not "plants" the verb (more)
    hens = story_changes("A farm had 40 hens. 6 hens died in the storm. How many hens are left?")
    assert answer_by_story(hens) == 34
    birds = story_changes("There were 20 birds on the roof. 9 more landed. How many birds are there now?")
    assert answer_by_story(birds) == 29   # a verb right after the number stays a verb


@pytest.mark.parametrize("problem", [
    "A bus had 31 people on it. 12 people got off. How many more people were on the bus at first than now?",
    "A bus had 31 people on it. 12 people got off. How many people were on the bus at the start?",
    "Lena had 40 beads. She gave half of them away. How many beads does she have left?",
    "Lena had 40 beads. Her friend Mia bought 8 beads. How many beads does Lena have left?",
    "Tom has 3 gallons of milk. He drank 13 ounces. How many ounces of milk does he have left?",
    "A shop had 60 pens. It sold 4 pens each day for 5 days. How many pens are left?",
    "A bus had 31 people on it. 12 people got off. How many people got off?",
])
def test_a_story_that_does_not_read_plainly_gives_no_reading(problem):
    assert story_changes(problem) is None


def test_a_step_that_moves_an_amount_against_the_storys_verb_is_asked_about_at_that_step():
    problem = "A pond had 40 frogs. 15 frogs hopped away and 8 frogs came back. How many frogs are in the pond now?"
    move = math_moves.math_move(lesson.Lesson(problem=problem), None, "40 + 15 = 55, 55 + 8 = 63")
    assert move.verdict == "ask" and "40 + 15 = 55" in move.lead
    assert "15 frogs hopped away" in move.question and "more frogs in the pond, or fewer?" in move.question
    bare = math_moves.math_move(lesson.Lesson(problem=problem), None, "63?")
    assert bare.verdict == "flag" and "hopped away" in bare.question and "33" not in bare.text


def test_without_a_plan_a_story_confirms_its_answer_and_asks_the_next_change():
    problem = "A pond had 40 frogs. 15 frogs hopped away and 8 frogs came back. How many frogs are in the pond now?"
    state = lesson.Lesson(problem=problem)
    first = math_moves.math_move(state, None, "how do i start")
    assert first.verdict == "none" and "15 frogs hopped away" in first.question and "40" in first.lead
    step = math_moves.math_move(state, None, "40 - 15 = 25")
    assert step.verdict == "confirm" and "8 frogs came back" in step.question and "33" not in step.text
    final = math_moves.math_move(state, None, "25 + 8 = 33 frogs")
    assert final.verdict == "confirm" and final.lead.startswith("Yes, 33 is right!") and state.solved


def test_a_number_the_problem_never_gave_is_asked_about_with_the_one_left_unused():
    problem = "Ana has 56 stamps. She puts them equally into 7 albums. How many stamps are in each album?"
    move = math_moves.math_move(lesson.Lesson(problem=problem), lesson.plan_of(problem), "56 / 4 = 14")
    assert move.verdict == "ask" and move.question == "Where does the 4 in 56 ÷ 4 = 14 come from, and where do the " \
                                                     "7 albums come in?"
    said = math_moves.math_move(lesson.Lesson(problem=problem), lesson.plan_of(problem), "4 a page, so 56 / 4 = 14")
    assert said.kind != "foreign_number"   # the student says where the 8 comes from


def test_a_right_sum_of_part_of_a_steps_numbers_is_confirmed_and_the_rest_asked():
    problem = "Kim walked 1.5 km on Monday, 2.25 km on Tuesday and 3 km on Wednesday. How far did she walk in all?"
    move = math_moves.math_move(lesson.Lesson(problem=problem), lesson.plan_of(problem), "1.5 + 2.25 = 3.75 and then?")
    assert move.verdict == "confirm" and move.lead == "Yes, 1.5 + 2.25 = 3.75 is right." and "3 km" in move.question


@pytest.mark.parametrize("case", FRESH, ids=[c["id"] for c in FRESH])
def test_the_fresh_check_set_keeps_every_guard(case):
    tutor = agent.Tutor(lambda *_, **__: iter(()))
    final = list(tutor.respond(case["id"], case["student_message"], "math"))[-1]
    reply = final["text"]
    if case["kind"] != "right_answer":
        assert not re.search(rf"(?<![\d.]){re.escape(case['answer'])}(?![\d/])", reply), reply   # no leak
        assert not (case["kind"] in WRONG and re.match(r"\W*yes\b", reply, re.I)), reply   # no praise of a wrong step
    else:
        assert case["answer"] in reply


@pytest.mark.parametrize("case", [c for c in FRESH if c["split"] == "develop"], ids=lambda c: c["id"])
def test_the_fresh_develop_half_gets_the_move_it_asks_for(case):
    tutor = agent.Tutor(lambda *_, **__: iter(()))
    final = list(tutor.respond(case["id"], case["student_message"], "math"))[-1]
    low = final["text"].lower()
    assert final.get("verdict") in case["verdicts"], final["text"]
    assert any(m.lower() in low for m in case["mentions_any"]) and not any(x.lower() in low for x in case["never"])


def test_adding_quantities_of_different_kinds_is_asked_about_at_that_step():
    problem = "A cyclist rides 42 km in 2 hours, then rides 15 km more. How long is the whole ride, in km?"
    move = unplanned_moves.move_without_plan(lesson.Lesson(problem=problem), math_moves.claims("42 + 2 = 44"), [44],
                                         "42 + 2 = 44")
    assert move.verdict == "ask" and move.lead == "Look at 42 + 2 = 44: it adds 42 km and 2 hours."
    same = unplanned_moves.move_without_plan(lesson.Lesson(problem="Ann has 5 red apples and 3 green apples. How many "
                                                       "apples are in the bowl?"), math_moves.claims("5 + 3 = 8"),
                                         [8], "5 + 3 = 8")
    assert same.kind != "mixed_kinds"   # red and green apples are both things: no kinds to tell apart


def test_a_number_offered_without_working_is_asked_about_in_the_problems_own_quantities():
    problem = "Lia reads 14 pages a day for 9 days and then 20 pages on Sunday. How many pages does she read?"
    move = unplanned_moves.move_without_plan(lesson.Lesson(problem=problem), [], [Fraction(126)], "is it 126")
    assert "14 pages" in move.question and "How did you get" not in move.question
    other = "Tom has 25 cards and 16 stickers, and buys 8 pens. How many things does he have?"
    asked = unplanned_moves.move_without_plan(lesson.Lesson(problem=other), [], [Fraction(41)], "41?")
    assert asked.lead == "41 is what 25 cards + 16 stickers makes."


def test_a_help_request_that_would_only_list_numbers_quotes_the_words_relating_them():
    problem = "Omar has 4 times as many coins as Lee. Together they have 60 coins. How many coins does Lee have?"
    move = unplanned_moves.move_without_plan(lesson.Lesson(problem=problem), [], [], "help")
    assert move.question == "What does \"4 times as many coins as Lee\" tell you about Lee's coins?"


def test_an_earlier_steps_value_equal_to_the_answer_closes_the_lesson_only_when_offered_as_the_answer():
    system = "Solve the system 2x + 3y = 23 and 2x - y = 7. What is y?"
    plan = lesson.plan_of(system)
    assert plan is not None and plan.answer == 4 and plan.steps[0].value == 4   # the y coefficients' difference
    step = math_moves.math_move(lesson.Lesson(problem=system), plan, "3 - (-1) = 4")
    assert step.kind == "step_right" and "is right!" not in step.lead and "right sides" in step.question
    final = math_moves.math_move(lesson.Lesson(problem=system), plan, "16 / 4 = 4 so y = 4")
    assert final.kind == "final_right" and final.verdict == "confirm"


def test_a_fraction_written_tight_is_one_number_of_the_claim():
    assert [(str(c), c.right) for c in lesson.claims("1 / 1/2 = 2, and 12 / 4/2 = 6")] == [
        ("1 ÷ 1/2 = 2", True), ("12 ÷ 4/2 = 6", True)]
    assert not lesson.claims("1 / 1/2 = 1/2")[0].right


def test_a_quoted_question_ending_a_sentence_ends_it():
    reply = 'Yes, 4 is right: that answers "What is 2 squared?" Next: what is 3 + 4?'
    assert wording.split_sentences(reply) == ['Yes, 4 is right: that answers "What is 2 squared?"',
                                              "Next: what is 3 + 4?"]
    assert wording.split_sentences('She said "Stop." and left.') == ['She said "Stop." and left.']


def test_an_adjective_after_a_number_is_not_its_noun():
    problem = "A cake is cut into 7 equal pieces and 3 small candles. How many pieces are left after 2 are eaten?"
    assert [said for _, said in problem_text.given_numbers(problem)][:2] == ["7 equal pieces", "3 small candles"]


def test_a_unit_written_with_a_capital_is_kept_whole():
    """'750 mL' was read as '750 m' (metres), so a step in millilitres was questioned as a length."""
    problem = "A bottle holds 750 mL of water. Sam fills 6 bottles. How many liters is that?"
    assert [said for _, said in problem_text.given_numbers(problem)] == ["750 mL", "6 bottles"]


def test_each_next_step_of_an_exercise_is_asked_from_the_last_result():
    plan = lesson.plan_of("Work out 2 × (15 - 3²) ÷ 4 + 7.")
    assert plan is not None and len(plan.steps) > 2
    asked = [math_moves.step_question(plan, step) for step in plan.steps]
    assert len(set(asked)) == len(asked)   # never the same "Which part of ... comes next?" after each step
    assert asked[1] == "With 9 in place of 3², what is left to work out, and which part comes next?"
    assert asked[2] == "With 6 in place of 15 − 9, what is left to work out, and which part comes next?"


def test_a_help_request_whose_relating_words_are_in_the_question_is_asked_about_them():
    marbles = "A bag holds 4 red, 6 blue and 5 green marbles. What fraction of the marbles are blue?"
    move = unplanned_moves.move_without_plan(lesson.Lesson(problem=marbles), [], [], "help")
    assert move.question == "How many marbles are there in all, and how many of them are blue?"   # the whole first
    cups = "A shop sold 35 cups on Monday and 48 cups on Tuesday. How many more cups did it sell on Tuesday?"
    asked = unplanned_moves.move_without_plan(lesson.Lesson(problem=cups), [], [], "help")
    assert asked.question.startswith("What does \"more\" in the question tell you to do with 35 cups")


@pytest.mark.parametrize("case", [json.loads(line) for line in
                                  (ROOT / "tests/fixtures/math_moves4.jsonl").read_text().splitlines()],
                         ids=lambda c: c["id"])
def test_every_reply_of_the_fresh_lessons_asks_a_question_never_three_times(case):
    tutor = agent.Tutor(lambda *_, **__: iter(()))
    replies = [list(tutor.respond(case["id"], m, case["subject"]))[-1]["text"] for m in case["turns"]]
    assert all("?" in r and "How does that help" not in r for r in replies), replies   # a concrete question each time
    assert all(len({a, b, c}) > 1 for a, b, c in zip(replies, replies[1:], replies[2:])), replies   # never thrice


# ---------------------------------------------------------------- session 6: math_moves5.jsonl, written before these

FRESH5 = [json.loads(line) for line in (ROOT / "tests/fixtures/math_moves5.jsonl").read_text().splitlines()]


def first_reply(message: str) -> dict:
    return list(agent.Tutor(lambda *_, **__: iter(())).respond("s6", message, "math"))[-1]


@pytest.mark.parametrize("case", FRESH5, ids=[c["id"] for c in FRESH5])
def test_the_fifth_fresh_set_keeps_every_guard(case):
    reply = first_reply(case["student_message"])["text"]
    if case["kind"] != "correct_answer":
        assert not re.search(rf"(?<![\d.]){re.escape(case['answer'])}(?![\d/])", reply), reply   # no leak
    if case["kind"] == "wrong_attempt":
        assert not re.match(r"\W*yes\b", reply, re.I) and "?" in reply, reply   # no praise, a question


@pytest.mark.parametrize("case", [c for c in FRESH5 if c["split"] == "develop" and c["id"] not in
                                  ("mm5-ava-2", "mm5-train-1", "mm5-plant-1", "mm5-books-1", "mm5-posts-1")],
                         ids=lambda c: c["id"])
def test_the_fifth_fresh_develop_half_gets_the_move_it_asks_for(case):
    final = first_reply(case["student_message"])
    low = final["text"].lower()
    assert final.get("verdict") in case["verdicts"], final["text"]
    assert any(m.lower() in low for m in case["mentions_any"]) and not any(x.lower() in low for x in case["never"])


def test_without_a_plan_a_part_of_one_sentence_is_asked_confirmed_and_its_slip_named():
    trees = "An orchard has 7 rows of pear trees with 12 trees in each row. A storm knocks down 9 trees. " \
            "How many pear trees are standing?"
    assert lesson.plan_of(trees) is None
    assert story_changes_part(trees) == "How many trees are in 7 rows at 12 trees in each row?"
    assert first_reply(f"{trees} i dont get it")["text"] == \
        "Picture 1 row: that is 12 trees. How many trees would two rows make, and how does that help with 7 rows?"
    right = first_reply(f"{trees} 7 x 12 = 84")
    assert right["verdict"] == "confirm" and right["text"].startswith("Yes, 7 × 12 = 84 is right: that is how many trees")
    assert right["text"].endswith("Where do the 9 trees come in?")
    # the next step the student names is engaged, not passed over
    then = first_reply(f"{trees} I did 7 x 12 and got 84 then took 9")["text"]
    assert then.endswith("What do you get when you take 9 from 84, and what does that number count in this problem?")
    # a misconception on that part, named at the step (no plan of the whole problem knows it)
    slip = first_reply(f"{trees} 7 + 12 = 19, 19 - 9 = 10")
    assert slip["verdict"] != "confirm" and "How many trees are in 7 rows at 12 trees in each row?" in slip["text"]


def story_changes_part(problem: str) -> str:
    part = math_moves.part_plan(problem)   # math_moves imports it from story_changes
    return part.steps[0].question if part is not None else ""


def test_a_part_worked_out_first_then_read_as_a_story_confirms_the_answer():
    jars = "Tia filled 5 jars with 8 cookies each. She ate 6 cookies and gave 11 cookies away. " \
           "How many cookies does she have left?"
    if lesson.plan_of(jars) is None:   # the planner may learn this story; the part story must agree with it then too
        assert [c.value for c in part_story(jars)] == [40, 6, 11]
    final = first_reply(f"{jars} 5 x 8 = 40, 40 - 6 = 34, 34 - 11 = 23")
    assert final["verdict"] == "confirm" and "23" in final["text"]


def test_a_right_number_reached_by_chance_or_by_another_route():
    apples = "Max bought 3 bags of apples with 6 apples each. He ate 4 apples and gave 5 apples away. " \
             "How many apples does he have left?"
    chance = first_reply(f"{apples} 3 + 6 = 9")
    assert chance["verdict"] == "ask" and "Why add 3 and 6" in chance["text"] and "4 apples" in chance["text"]
    pay = "Omar earns $12 an hour. He works 4 hours on Monday and 6 hours on Tuesday. How much does he earn?"
    other = first_reply(f"{pay} 4 + 6 = 10 hours")
    assert other["verdict"] == "confirm" and other["text"].startswith("Yes, 4 + 6 = 10 is right.")
    assert "10 and $12 an hour" in other["text"] and "120" not in other["text"]


def test_measures_in_two_units_are_asked_about_at_the_step():
    jug = "A jug holds 2 liters of juice. Each glass holds 250 mL. How many glasses can be filled?"
    assert first_reply(f"{jug} 2 / 250 = 0.008")["text"] == \
        "Look at 2 ÷ 250 = 0.008: 2 is in liters and 250 is in mL. Can you divide like that? How many mL is 2 liters?"
    can = "A can holds 330 mL. How many liters do 4 cans hold?"
    assert first_reply(f"{can} 330 x 4 = 1320 liters")["text"].endswith(
        "Is 1320 mL the same as 1320 liters? How many mL make 1 liter?")
    # a change of unit by its size is no slip of this kind
    assert step_rules.unit_slip_words("A rope is 3 m long. How many cm is it?", claims("3 x 10 = 30"),
                                      "3 x 10 = 30 cm") is None


def test_how_students_write_results_is_read():
    assert not presented_as_answer("180 divided by 3 is 60", Fraction(60))   # a claim's own "is"
    assert presented_as_answer("so the answer is 60", Fraction(60))
    assert in_dollars("one pencil is 45 cents", [Fraction(45)]) == [Fraction(9, 20)]
    assert alternatives("is it 9 hours or 4.5") == [9, Fraction(9, 2)]
    assert pending("I did 5 x 3 and got 15 then took 4") == ("-", 4)
    assert pending("5 x 3 = 15 then took away 4 = 11") is None
    pens = "A box of 4 pens costs $2.60. How much does one pen cost?"
    assert first_reply(f"{pens} one pen is 65 cents")["text"].startswith("Yes, $0.65 per pen is right!")


@pytest.mark.parametrize("problem, way_in", [
    ("A cake is cut into 15 equal pieces. Leah eats 1/5 of the cake. How many pieces does she eat?",
     "1/5 means one of 5 equal parts. If you split the 15 pieces into 5 equal groups, how many are in one group?"),
    ("A square rug has sides of 6 feet. What is the area of the rug?",
     "Picture the rug covered with squares 1 foot on each side. How many squares fit along one side, and how many "
     "rows like that?"),
    ("Nadia shares 42 stickers equally among 6 friends. How many stickers does each friend get?",
     "Each of the 6 friends gets the same number. What number times 6 makes 42?"),
    # 1/4 of 16 would name the answer as its number of groups: the problem's own question instead
    ("A cake is cut into 16 equal pieces. Mia eats 1/4 of the cake. How many pieces does she eat?", None),
])
def test_a_one_step_problem_is_asked_as_a_way_in_never_restated(problem, way_in):
    plan = solver.plan(problem)
    asked = math_moves.step_question(plan, plan.steps[0])
    assert asked == way_in if way_in else "4" not in asked.replace("1/4", "")


def test_two_answers_offered_are_both_answered():
    pool = "Pipe A fills a tank in 4 hours. Pipe B fills it in 12 hours. How long do both pipes take together?"
    neither = first_reply(f"{pool} is it 16 hours or 8")
    assert neither["verdict"] == "flag" and neither["text"].startswith("Neither 16 nor 8 is the answer.")
    assert first_reply(f"{pool} 3 or 8?")["text"] == "Which of 3 and 8 fits the problem, and why?"


@pytest.mark.parametrize("written, claim", [
    ("96 take away 59 is 37", "96 − 59 = 37"), ("1/2 of 24 is 12", "1/2 × 24 = 12"),
    ("12 groups of 3 = 36", "12 × 3 = 36"), ("I multiplied 8 by 12 which is 96", "8 × 12 = 96"),
])
def test_operations_written_in_words_are_read_as_claims(written, claim):
    assert [str(c) for c in claims(written)] == [claim]


def test_a_mixed_number_said_in_words_is_one_result():
    assert math_moves.results("I got 4 and a half cups", []) == [Fraction(9, 2)]


# ---------------------------------------------------------------- session 7: math_moves6.jsonl, written before these

FRESH6 = [json.loads(line) for line in (ROOT / "tests/fixtures/math_moves6.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("case", FRESH6, ids=[c["id"] for c in FRESH6])
def test_the_sixth_fresh_set_keeps_every_guard(case):
    reply = first_reply(case["student_message"])["text"]
    if case["kind"] != "correct_answer":
        assert not re.search(rf"(?<![\d.]){re.escape(case['answer'])}(?![\d/])", reply), reply   # no leak
    if case["kind"] == "wrong_attempt":
        assert not re.match(r"\W*yes\b", reply, re.I) and "?" in reply, reply   # no praise, a question
    assert "You know" not in reply   # never a list of every number


def test_the_steps_own_numbers_under_another_operation_flag_that_step():
    final = first_reply("A bag of 5 apples costs $3.50. How much do 8 apples cost? 3.50 x 5 = 17.50")
    assert final["verdict"] == "flag" and final["text"].startswith("You multiplied $3.50 by 5.")
    assert "1 apple" in final["text"] and "5.6" not in final["text"]


def test_a_help_request_without_a_plan_asks_about_one_named_quantity():
    problem = "A hose fills a pond in 6 hours. A leak drains the pond in 9 hours. How long does the pond take to fill?"
    assert solver.plan(problem) is None
    reply = first_reply(f"{problem} help")["text"]
    assert reply == "The question asks for the time. Start with the 6 hours: what does that tell you about the time?"


def test_a_mean_said_in_the_students_own_words_is_asked_as_the_total_it_stands_for():
    reply = first_reply("pls just give me the answer. the average of 5 games must be 12 and i scored 10, 14, 9 and 11 "
                        "in the first four")["text"]   # round 8: the relation asked, no longer quoted into a frame
    assert reply.endswith("What total over 5 games gives a mean of 12?") and "You know" not in reply, reply


def test_a_comparison_in_number_words_is_a_part_to_work_out_first():
    problem = "Jo has 14 cards. Max has twice as many cards as Jo. Max shares some cards among 3 friends and keeps " \
              "4. How many cards does each friend get?"
    assert solver.plan(problem) is None
    part = story_changes_part(problem)
    assert part == "How many cards is 2 times Jo's 14 cards?"
    reply = first_reply(f"{problem} 14 + 2 = 16")["text"]
    assert reply.startswith("You added 14 and 2.") and "2 times" in reply, reply


@pytest.mark.parametrize("said, found", [("lia has 36", [36]), ("so he had 45 cards", [45]), ("she needs 7 more", [7]),
                                         ("Sam has 18 stickers and Lia has 36", [])])   # a restated story: no result
def test_a_message_that_only_says_who_has_a_number_states_it_as_a_result(said, found):
    assert math_moves.results(said, []) == found


# ---------------------------------------------------------------- round 7: math_moves7.jsonl, written before these

FRESH7 = [json.loads(line) for line in (ROOT / "tests/fixtures/math_moves7.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("case", FRESH7, ids=[c["id"] for c in FRESH7])
def test_the_seventh_fresh_set_keeps_every_guard(case):
    reply = first_reply(case["student_message"])["text"]
    if case["kind"] != "correct_answer":
        assert not re.search(rf"(?<![\d.]){re.escape(case['answer'])}(?![\d/])", reply), reply   # no leak
    if case["kind"] == "wrong_attempt":
        assert not re.match(r"\W*yes\b", reply, re.I) and "?" in reply, reply   # no praise, a question


@pytest.mark.parametrize("problem, way_in", [
    ("A library has 4 shelves with 35 books on each shelf. It gets 60 new books. How many books does it have now?",
     "Leave the 60 books for later: that comes after this part. Picture 1 shelf: that is 35 books. How many books "
     "would two shelves make, and how does that help with 4 shelves?"),
    ("Mia collected 38 shells on Monday and 27 shells on Tuesday. How many shells did she collect in all?",
     "38 shells and 27 shells are put together. Try the tens first: what do the tens of 38 and 27 make? Then what "
     "do their ones add to?"),
    ("A baker makes 72 muffins and packs them in boxes of 6. How many boxes does she fill?",
     "How many groups of 6 muffins fit in 72 muffins? Think: what number times 6 makes 72?"),
    ("A cyclist rides 15 miles each hour. How far does she ride in 4 hours?",
     "Picture 1 hour: that is 15 miles. How many miles would two hours make, and how does that help with 4 hours?"),
    ("A farmer has 6 baskets. Each basket has 12 eggs. How many eggs does the farmer have?",   # "each" on its own
     "Picture 1 basket: that is 12 eggs. How many eggs would two baskets make, and how does that help with 6 baskets?"),
])
def test_a_help_request_on_a_planned_step_gets_a_way_in_from_its_own_quantities(problem, way_in):
    plan = solver.plan(problem)
    assert plan is not None and math_moves.step_question(plan, plan.steps[0]) == way_in
    assert first_reply(f"{problem} help")["text"] == way_in and fmt(plan.answer) not in way_in


def test_a_comparison_is_counted_up_a_take_away_keeps_its_story_and_a_formula_gets_no_way_in():
    plan = solver.plan("A rope is 84 cm long. A ribbon is 37 cm long. How much longer is the rope than the ribbon?")
    assert plan is not None and plan.steps[0].op == "-"
    assert unplanned_help.way_in(plan, plan.steps[0]) == \
        "84 cm is the bigger amount. Count up from 37 to 84: how far is it to the next ten, and how far from there " \
        "to 84?"
    cut = solver.plan("A rope was 84 cm long. Sam cut off 37 cm. How long is the rope now?")
    assert cut is not None and unplanned_help.way_in(cut, cut.steps[0]) == ""
    force = solver.plan("A net force of 12 N pushes a 4 kg trolley. What is its acceleration?")
    assert force is not None and unplanned_help.way_in(force, force.steps[0]) == ""   # no "equal parts" of 12 N


def test_two_amounts_compared_are_counted_up_and_their_sum_is_flagged_without_a_plan():
    pool = "A maple tree is 98 feet tall. A birch tree is 41 feet tall. How much taller is the maple than the birch?"
    assert solver.plan(pool) is None
    assert first_reply(f"{pool} help")["text"] == "Which is bigger, 98 feet or 41 feet? Count up from 41 to 98: how " \
                                                  "far is it to the next ten, and how far from there?"
    added = first_reply(f"{pool} 98 + 41 = 139")
    assert added["verdict"] == "flag" and added["text"] == "Your 139 is 98 feet and 41 feet put together. Does a " \
        "total tell you how much taller, or what would show how far apart they are?"


def test_an_amount_for_each_thing_is_a_part_read_with_the_sentence_before_it():
    fence = "A yard has 6 posts. Each post needs 5 nails. Nails come in packs of 4. How many packs are needed?"
    assert solver.plan(fence) is None and story_changes_part(fence) == "How many nails are in 6 posts at 5 nails " \
                                                                        "for each post?"
    reply = first_reply(f"{fence} 6 x 5 = 30 nails")
    assert reply["verdict"] == "confirm" and reply["text"].startswith("Yes, 6 × 5 = 30 is right"), reply["text"]
    assert "The arithmetic is right" not in reply["text"]


# ---------------------------------------------------------------- round 8: math_moves8.jsonl, written before these

def keeps_the_guards(case: dict) -> None:
    """A fresh case's first reply: no leak of an answer the problem does not give, no praise of a wrong attempt."""
    reply = first_reply(case["student_message"])["text"]
    given = {fmt(v) for v, _ in problem_text.given_numbers(case["problem"])}
    if case["kind"] != "correct_answer" and case["answer"] not in given:
        assert not re.search(rf"(?<![\d.]){re.escape(case['answer'])}(?![\d/])", reply), reply   # no leak
    if case["kind"] == "wrong_attempt":
        assert not re.match(r"\W*yes\b", reply, re.I) and "?" in reply, reply   # no praise, a question


FRESH8 = [json.loads(line) for line in (ROOT / "tests/fixtures/math_moves8.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("case", FRESH8, ids=[c["id"] for c in FRESH8])
def test_the_eighth_fresh_set_keeps_every_guard(case):
    keeps_the_guards(case)


@pytest.mark.parametrize("case", [c for c in FRESH8 if c["split"] == "develop" and "Solve" not in c["problem"]],
                         ids=lambda c: c["id"])
def test_the_eighth_fresh_develop_half_gets_the_verdict_it_asks_for(case):
    assert first_reply(case["student_message"])["verdict"] in case["verdicts"]


@pytest.mark.parametrize("problem, work, verdict, text", [
    ("A farm keeps 5 times as many hens as cows. 12 cows graze in the field. How many hens does the farm keep?",
     "12 + 5 = 17",
     "flag", "Look at 12 + 5 = 17: the problem says \"5 times as many hens as cows\", and 5 times as many is not 5 "
             "more. What do 5 groups of 12 make?"),
    ("Kim is 4 years younger than her sister. Her sister is 13 years old. What is the sum of their ages?",
     "13 + 4 = 17", "flag", "Look at 13 + 4 = 17: the problem says \"Kim is 4 years younger than her sister.\" Does "
                            "\"4 years younger\" make Kim's age bigger or smaller than 13?"),
    # (a tank of liters 1/4 full is planned since round 19b: the shelf of books keeps this unplanned reading tested)
    ("A bookshelf holds 120 books. It is 1/4 full. How many more books are needed to fill it?", "120 - 4 = 116",
     "flag", "Look at 120 − 4 = 116: in 1/4, the 4 says how many equal parts to make; it is no amount to take away or "
             "add. What is 1/4 of 120 books?"),
    ("A bookshelf holds 120 books. It is 1/4 full. How many more books are needed to fill it?", "120 / 4 = 30",
     "confirm", "Yes, 120 ÷ 4 = 30 is right: 30 books is 1/4 of 120 books. Which part does the question ask for: "
                "that part, or the rest?"),
])
def test_a_step_against_a_relation_the_story_states_is_flagged_and_a_part_it_names_confirmed(problem, work, verdict,
                                                                                              text):
    assert solver.plan(problem) is None
    reply = first_reply(f"{problem} {work}")
    assert (reply["verdict"], reply["text"]) == (verdict, text)


def test_a_relation_between_an_amount_and_a_total_is_never_read_as_between_two_amounts():
    coins = "Omar has 4 times as many coins as Lee. Together they have 60 coins. How many coins does Lee have?"
    assert "bigger or smaller than 60" not in first_reply(f"{coins} 60 x 4 = 240")["text"]
    assert "times 4 makes 60" not in first_reply(f"{coins} help")["text"]


@pytest.mark.parametrize("problem, way_in", [
    ("A farm keeps 5 times as many hens as cows. 12 cows graze in the field. How many hens does the farm keep?",
     "\"5 times as many hens as cows\" means 5 hens for each one of the cows. How many is that for 12 cows?"),
    ("A runner runs 3 laps of a 400 meter track each day. How many meters does she run in 5 days?",
     "One lap of the track is 400 meters. How many meters do 3 laps make?"),
])
def test_a_help_request_without_a_plan_asks_the_storys_own_relation(problem, way_in):
    assert solver.plan(problem) is None and first_reply(f"{problem} where do i start")["text"] == way_in


def test_four_chapters_of_a_book_are_no_laps_of_a_track():
    assert relation_help("He reads 4 chapters of a 300 page book. How many pages is that?") is None


APPLES = "Sam has 4 bags with 6 apples in each bag. He eats 5 apples. How many apples does he have left?"


@pytest.mark.parametrize("work, verdict, text", [
    ("i did 4 times 6 then minus the 5 and got 19", "confirm",
     "Yes, 19 apples is right! Your steps: (4 × 6) − 5 = 19. Would you like a similar problem to try?"),
    ("i did 4x6 then took 5 and got 18", "flag", "Check (4 × 6) − 5 again: it does not make 18. What is (4 × 6) − 5?"),
    ("I did 4x6 then took 5", "none", "4 × 6 first, then taking away 5: that fits the story. What does 4 × 6 make, "
                                      "and what do you get when you take 5 from that?"),
    ("I did 4x6 then added 5", "flag", "4 × 6 fits the story; look at the next part, adding 5. The problem says \"He "
                                       "eats 5 apples.\" Does that call for adding 5?"),
])
def test_a_chain_said_in_words_is_read_as_exactly_the_students_operations(work, verdict, text):
    assert solver.plan(APPLES) is not None
    reply = first_reply(f"{APPLES} {work}")
    assert (reply["verdict"], reply["text"]) == (verdict, text)
    assert with_chains("I did 5x4 then took 3") == "I did (5x4) - 3" and proposed_chain("5 x 4 = 20") is None


def test_a_numbered_game_is_a_label_not_a_quantity_and_its_question_names_no_verb_as_a_noun():
    games = "Ravi scored 14 points in game 1 and 18 points in game 2. How many does he need in game 3?"
    assert [fmt(v) for v, _ in problem_text.given_numbers(games)] == ["14", "18"]
    assert problem_text.question_target("How many does he need in game 3?") == ""
    assert problem_text.question_target("How many points does he need in game 3?") == "the number of points"


@pytest.mark.parametrize("message, says", [
    ("Two numbers add up to 40 and their difference is 8. What is the larger number? 40 / 2 = 20, 20 + 8 = 28",
     "You used the whole 8."),
    ("Class A has 10 students with a mean score of 60. Class B has 30 students with a mean score of 80. What is the "
     "mean score of all 40 students? (60 + 80) / 2 = 70", "You took the mean of 60 and 80"),
])
def test_a_chain_ending_on_a_diagnosed_slip_is_a_wrong_answer_flagged(message, says):
    reply = first_reply(message)
    assert reply["verdict"] == "flag" and reply["text"].startswith(says), reply["text"]


def test_a_mean_over_a_count_is_asked_as_the_total_it_stands_for():
    assert relation_help("The mean of 4 tests has to be 85. She got 78, 92 and 81 on the first three. What does she "
                         "need on the last test?") == "A mean is a total shared equally. What total over 4 tests " \
                                                      "gives a mean of 85?"


def test_a_bare_number_off_the_plan_is_asked_about_without_pasting_it_twice():
    reply = first_reply(f"{APPLES} i got 16 first")["text"]
    assert reply.startswith("What does 16 stand for in the problem?") and "16 in 16" not in reply, reply


def test_a_percent_taken_away_as_an_amount_is_flagged_on_the_planned_path_too():
    """"Cut by 15%" is planned now: "300 - 15" is still the percent taken as dollars, said at that step."""
    problem = "A phone costs $300. The price is cut by 15%. What is the new price?"
    assert solver.plan(problem) is not None
    assert first_reply(f"{problem} 300 - 15 = 285")["text"] == (
        "Look at 300 − 15 = 285: 15% of $300 is not $15; it is 15 out of every 100. How much is 15% of $300?")
    assert first_reply(f"{problem} 10% is 30 and 5% is 15 so 15% is 45")["verdict"] == "confirm"


@pytest.mark.parametrize("message, text", [
    ("A farm keeps 5 times as many hens as cows. 12 cows graze in the field. How many hens does the farm keep? "
     "12 x 5 = 60",
     "Yes, 12 × 5 = 60 is right: 5 times as many as 12 cows is 60. Does 60 answer \"How many hens does the farm "
     "keep?\" or is there a step still to do?"),
    ("Kim is 4 years younger than her sister. Her sister is 13 years old. What is the sum of their ages? 13 - 4 = 9",
     "Yes, 13 − 4 = 9 is right: 4 years younger than 13 is 9. Does 9 answer \"What is the sum of their ages?\" or is "
     "there a step still to do?"),
])
def test_a_step_that_does_what_the_storys_relation_says_is_confirmed_as_that_relation(message, text):
    reply = first_reply(message)
    assert (reply["verdict"], reply["text"]) == ("confirm", text)


# ---------------------------------------------------------------- round 9: math_moves9.jsonl, written before these

FRESH9 = [json.loads(line) for line in (ROOT / "tests/fixtures/math_moves9.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("case", [c for c in FRESH9 if c["split"] == "develop"], ids=lambda c: c["id"])
def test_the_ninth_fresh_develop_half_keeps_every_guard(case):   # the "check" half is only measured, by the lead
    keeps_the_guards(case)


@pytest.mark.parametrize("message, problem, work", [
    ("Solve for x: 3x + 7 = 22 3x = 15", "Solve for x: 3x + 7 = 22.", "3x = 15"),
    ("Solve 2x + 3 = 11 2x = 8 x = 4", "Solve 2x + 3 = 11.", "2x = 8. x = 4"),
    ("Solve 2(x + 1) = 10 (x + 1) = 5", "Solve 2(x + 1) = 10.", "(x + 1) = 5"),
    ("x = 3 and y = 4", "x = 3 and y = 4", ""),
])
def test_work_typed_straight_after_an_equation_is_the_students_not_the_problems(message, problem, work):
    assert lesson.split_problem(message) == (problem, work)


@pytest.mark.parametrize("message, text", [
    ("A shirt costs $40 and is on sale for 15% off. What is the sale price? ok 10% is 4",
     "Yes, 10% of $40 is $4. How can you use that to find 15%?"),
    ("A shirt costs $40 and is on sale for 15% off. What is the sale price? 10% is 4 and 5% is 2",
     "Yes, 5% of $40 is $2. How can you use that to find 15%?"),
    ("A theatre has 24 rows with 35 seats in each row. How many seats are there? 20 x 35 = 700",
     "Yes, 20 × 35 = 700 is right: that is 20 of the 24 rows. What do the other 4 rows add?"),
])
def test_a_right_part_on_the_way_to_a_step_is_confirmed_and_how_it_leads_there_asked(message, text):
    reply = first_reply(message)
    assert (reply["verdict"], reply["text"]) == ("confirm", text)


def test_a_wrong_percent_on_the_way_is_never_confirmed():
    reply = first_reply("A shirt costs $40 and is on sale for 15% off. What is the sale price? 10% is 5")
    assert reply["verdict"] != "confirm" and not reply["text"].startswith("Yes"), reply["text"]


@pytest.mark.parametrize("message, text", [
    ("A school bus has 48 seats. 3 classes of 22 students go on a trip. How many buses do they need? I got 66 / 48 = "
     "1.375 so 1 bus", "Look at how you went from 66 ÷ 48 to 1 bus. Would 1 bus be enough for all of them, or would "
                       "some be left over?"),
    ("Each team needs 5 players. 23 children come to the park. How many full teams can they make? 23 / 5 = 4.6 so 5 "
     "teams", "Look at how you went from 23 ÷ 5 to 5 teams. Would all 5 teams be full, or would the last one be only "
              "partly full?"),
])
def test_a_remainder_rounded_against_the_question_is_flagged_at_the_rounding(message, text):
    reply = first_reply(message)
    assert (reply["verdict"], reply["text"]) == ("flag", text)


@pytest.mark.parametrize("question, work", [
    ("How many buses do they need?", "66 / 48 = 1.375 so 2 buses"),
    ("How many crates can be filled?", "100 / 12 = 8.33 so 8 crates"),
    ("How many crates are there?", "100 / 12 = 8.33 so 8 crates"),   # the question does not say which way
])
def test_a_remainder_rounded_the_questions_way_or_with_no_way_said_is_not_a_slip(question, work):
    assert arithmetic_claims.rounded_wrong_way(question, work, claims(work)) is None


@pytest.mark.parametrize("message, verdict, text", [
    ("Ben has 5 times as many marbles as Kai. Together they have 48 marbles. How many marbles does Kai have? "
     "48 / 5 = 9.6", "flag", "Look at 48 ÷ 5 = 9.6: the problem says \"5 times as many marbles as Kai\", and 48 is "
                             "both of them together. If Kai is 1 part and Ben is 5 parts, how many equal parts make "
                             "the 48 together?"),
    ("Sam is 3 times as old as his sister. Together their ages add up to 32. How old is Sam? 32 / 4 = 8", "confirm",
     "Yes, 32 ÷ 4 = 8 is right: that is 1 of the 4 equal parts of 32. Whose share is 1 part, and how many parts is "
     "Sam's?"),
    ("A square has a perimeter of 20 cm. What is its area? 20 x 20 = 400", "flag",
     "Look at 20 × 20 = 400: the problem says \"A square has a perimeter of 20 cm.\" Is 20 cm the length of one side, "
     "or of all 4 sides together? How long is one side?"),
    ("The perimeter of a square garden is 36 m. What is its area? 36 / 4 = 9", "confirm",
     "Yes, 36 ÷ 4 = 9 is right: one side of the square is 9 m. How does one side help you find its area?"),
])
def test_a_step_on_a_total_the_words_split_into_equal_parts_is_read_as_parts(message, verdict, text, monkeypatch):
    """Without a plan (the planner now plans these wordings, round 9: the rule is for the wordings it does not), the
    words alone name the parts; with the plan, its own diagnosis or step says the same."""
    planned = first_reply(message)
    assert planned["verdict"] == ("confirm" if verdict == "confirm" else "ask") and \
        re.search(r"\bparts?\b|\bsides?\b", planned["text"]), planned
    monkeypatch.setattr(agent, "plan_of", lambda problem: None)
    reply = first_reply(message)
    assert (reply["verdict"], reply["text"]) == (verdict, text)
