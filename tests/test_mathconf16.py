"""Round 16 (mathconf16): the student is right. Without a plan, a final answer is confirmed from the student's own
chain of right steps when it uses every number the problem gives, keeps kinds apart, takes away from the start, and
ends on the step the question's words ask for (answer_check.py); a wrong route with right arithmetic is never
confirmed; an undecided answer asks why its last step, a step the student named asks what comes next."""
import agent
import answer_check
from arithmetic_claims import claims
import solver


def silent(*_, **__):
    yield ""


def reply_to(message: str) -> dict:
    return list(agent.Tutor(silent).respond("s", message, "math"))[-1]


def lesson(messages: list[str]) -> list[dict]:
    tutor = agent.Tutor(silent)
    return [list(tutor.respond("l", m, "math"))[-1] for m in messages]


def confirms(problem: str, work: str) -> bool:
    found = claims(work)
    return answer_check.chain_answer(problem, [str(c) for c in found], [found[-1].stated], work) is not None


SHARED = "Five cousins made $85 at a bake sale and $40 at a car wash. They split all the money evenly. " \
         "How much does each cousin get?"


def test_the_problems_here_have_no_plan():
    assert solver.plan(SHARED) is None


def test_a_right_shared_total_is_confirmed_with_the_students_steps():
    reply = reply_to(f"{SHARED} 85 + 40 = 125 and 125 / 5 = 25 so each gets $25. did I do it right?")
    assert reply["verdict"] == "confirm" and reply["text"].startswith("Yes, $25")
    assert "85 + 40 = 125, then 125 ÷ 5 = 25" in reply["text"] and "similar problem" in reply["text"]


def test_sharing_only_one_amount_is_never_confirmed():
    reply = reply_to(f"{SHARED} 85 / 5 = 17 and 17 + 40 = 57 dollars each")
    assert reply["verdict"] != "confirm" or not reply["text"].startswith("Yes")
    assert "add 40 to 17" in reply["text"]


def test_a_follower_who_works_each_step_hears_the_answer_confirmed():
    turns = lesson([f"{SHARED} where do I start", "Money made in all: 85 + 40 = 125.",
                    "125 / 5 = 25, so the answer is $25."])
    assert turns[-1]["text"].startswith("Yes, $25 is right!")
    assert "What will you do with" not in turns[1]["text"] or "125" in turns[1]["text"]


def test_the_gap_between_two_sales_is_no_step_toward_what_is_left():
    problem = "A bakery had 310 rolls. It sold 120 rolls at lunch and 95 rolls at dinner. How many rolls are left?"
    assert not confirms(problem, "120 - 95 = 25 and 310 - 25 = 285 rolls")
    assert confirms(problem, "120 + 95 = 215 and 310 - 215 = 95 rolls")


def test_a_perimeter_needs_both_sides_added_and_doubled():
    problem = "A pool is 15 m long and 6 m wide. A rope goes all around its edge. How long is the rope?"
    assert not confirms(problem, "15 x 6 = 90 m")
    assert not confirms(problem, "15 + 6 = 21 m")
    assert confirms(problem, "15 + 6 = 21, 21 x 2 = 42 m")


def test_a_ratio_part_divides_a_total_by_all_the_parts():
    problem = "Cats to dogs at the shelter is 2:5 and there are 63 animals. How many dogs are there?"
    assert not confirms(problem, "63 / 2 = 31.5, 31.5 x 5 = 157.5 dogs")
    assert not confirms(problem, "2 + 5 = 7, 63 / 7 = 9, 9 x 2 = 18 dogs")
    assert confirms(problem, "2 + 5 = 7, 63 / 7 = 9, 9 x 5 = 45 dogs")


def test_a_percent_change_is_taken_of_the_amount_it_started_from():
    problem = "A ticket was $40 and now it is $50. What percent did the price go up by?"
    assert not confirms(problem, "50 - 40 = 10, 10 / 50 x 100 = 20 so 20%")
    assert confirms(problem, "50 - 40 = 10, 10 / 40 x 100 = 25 so 25%")


def test_an_area_priced_per_square_unit_multiplies_the_sides():
    problem = "A patio is 5 m by 8 m and paving costs $11 a square meter. How much does the paving cost?"
    assert not confirms(problem, "5 + 8 = 13, 13 x 11 = 143 so $143")
    assert confirms(problem, "5 x 8 = 40, 40 x 11 = 440 so $440")


def test_adding_rows_to_seats_is_never_confirmed():
    problem = "A hall has 12 rows with 30 chairs in each row. 75 chairs are taken. How many chairs are not taken?"
    assert not confirms(problem, "12 + 30 = 42 and 75 - 42 = 33 chairs")


def test_a_question_that_names_a_number_is_answered_by_a_step_on_it():
    problem = "A pump moves 96 litres in 4 minutes. At that rate how many litres does it move in 7 minutes?"
    assert not confirms(problem, "96 / 7 = 13.7, 13.7 x 4 = 54.8 litres")
    assert confirms(problem, "96 / 4 = 24, 24 x 7 = 168 litres")


def test_a_number_written_as_a_word_is_one_of_the_problems_numbers():
    problem = "Three boxes hold 16 pens each. The pens are split evenly among 6 tables. How many pens does each " \
              "table get?"
    assert not confirms(problem, "3 + 16 = 19, 19 / 6 = 3.17 pens")
    assert confirms(problem, "3 x 16 = 48, 48 / 6 = 8 pens")


def test_working_typed_after_a_question_without_its_question_mark_is_the_students():
    reply = reply_to("a cyclist rides 45 km in 3 hours at the same speed, how far in 4 hours. "
                     "45 / 3 = 15 km an hour, 15 x 4 = 60 km")
    assert reply["verdict"] == "confirm" and reply["text"].startswith("Yes, 60 km is right!")


def test_an_answer_the_checker_cannot_decide_asks_why_its_last_step():
    problem = "A van had 41 boxes. At the first shop 13 boxes came off and 9 boxes went on. How many boxes now?"
    reply = reply_to(f"{problem} 41 - 13 = 28, 28 + 9 = 37 so 37 boxes")
    if reply["text"].startswith("Yes"):
        assert "37" in reply["text"]
    else:
        assert "stand for" not in reply["text"]


def test_a_step_the_student_named_is_asked_onward_never_what_it_stands_for():
    turns = lesson(["A jar and a lid cost $30 together. The jar costs $8 more than the lid. How much is the jar? "
                    "help", "Cost without the jar's extra $8: 30 - 8 = 22."])
    assert "stand for" not in turns[-1]["text"] and "22" in turns[-1]["text"]


def test_the_rest_of_a_fraction_named_by_the_student_is_what_is_left():
    problem = "Mia has $72 and spends 3/8 of it on shoes. How much money does she still have?"
    assert confirms(problem, "she has 5/8 left so 72 / 8 = 9 and 9 x 5 = $45")
    assert not confirms(problem, "she has 5/8 left so 72 / 8 = 9 and 9 x 3 = $27")
    assert not confirms(problem, "72 / 8 = 9 and 9 x 3 = $27")
