"""Help requests that name their confusion (issues #22, #26): the confusion read by its sentence's shape and met on the
problem's structure, never with a step's result (confusion_reader.py, confusion.py, step_rules.proposal,
student_message.asks_apart)."""
import pytest

import confusion_reader
import solver
from confusion import confusion_words
from lesson import split_problem
from step_rules import proposal


def _reply(problem: str, said: str) -> str:
    found = confusion_words(problem, solver.plan(problem), [], said)
    assert found is not None, (problem, said)
    return " ".join(found)


@pytest.mark.parametrize("said, kind", [
    ("should i multiply the top or the bottom", "either"),
    ("what is the letter even meant to be", "meaning"),
    ("i dont understand what the remainder is", "meaning"),
    ("which one comes first", "first"),
    ("so many numbers in this one", "numbers"),
    ("why do we flip it", "why"),
    ("how do i even begin", None),
    ("can i just add them", "propose"),
    ("ok thanks", None),
])
def test_the_confusion_is_read_by_the_shape_of_the_sentence(said, kind):
    read = confusion_reader.read(said)
    assert (read.kind if read else None) == kind


def test_top_or_bottom_of_a_fraction_for_each_thing_says_what_each_counts():
    reply = _reply("Each scarf uses 2/3 yard of ribbon. Kim makes 8 scarves. How much ribbon does she use?",
                   "do i multiply the top or the bottom by 8")
    assert "8 lots of 2/3 yard" in reply and "thirds" in reply and "scarf" in reply
    assert "16/3" not in reply and "5 1/3" not in reply


def test_a_part_of_an_amount_is_told_from_dividing_by_the_fraction():
    reply = _reply("A farm has 45 sheep. 3/5 of the sheep are white. How many sheep are white?",
                   "is it 3/5 of 45 or 45 divided by 3/5")
    assert "fewer than 45" in reply and "more than 45" in reply and "27" not in reply


def test_the_letter_of_a_bare_equation_typed_with_the_question_is_the_students_own():
    problem, work = split_problem("6k + 5 = 47 what does the k even mean")
    assert work == "what does the k even mean" and problem.startswith("Solve 6k + 5 = 47")
    reply = _reply(problem, work)
    assert "k stands for one number" in reply and "6k means 6 times" in reply and " 7" not in reply


def test_the_problems_own_question_after_an_equation_stays_the_problems():
    assert split_problem("9 + 2m = 21. what is m?")[1] == ""


@pytest.mark.parametrize("problem, asks", [
    ("A ferry takes 20 cars on each trip. 130 cars are waiting. How many trips are needed?", "needed"),
    ("Ana has 75 stickers and puts them in pages of 10. How many pages can she fill completely?", "full pages"),
])
def test_a_remainder_is_what_the_questions_words_make_of_it(problem, asks):
    reply = _reply(problem, "i dont get what the remainder means")
    assert asks in reply and "remainder counts the" in reply
    assert not any(v in reply for v in (" 7 ", " 6 ", "5 r", "13", "8 trips"))


def test_which_number_goes_first_in_a_division_of_an_amount_cut_into_parts():
    reply = _reply("A 120 cm plank is cut into 8 equal pieces. How long is each piece?",
                   "which number goes first when i divide")
    assert reply.index("120 cm") < reply.index("8 pieces") and "15" not in reply


def test_why_flip_is_counted_in_the_fractions_parts():
    reply = _reply("A scoop holds 3/8 cup. How many scoops are in 6 cups of flour?", "why do i flip the fraction")
    assert "eighths" in reply and "How many eighths are in 6 cups?" in reply and "16" not in reply


def test_numbers_no_step_uses_are_named_as_not_needed():
    problem = "Leo has 6 bags of 15 marbles. His bike cost $90. How many marbles does he have?"
    reply = _reply(problem, "there are too many numbers")
    assert "$90" in reply and "not part of that" in reply


def test_their_own_right_sum_of_minutes_is_split_into_an_hour_and_the_rest():
    reply = _reply("A show starts at 5:35 pm and lasts 45 minutes. When does it end?", "i got 80 minutes now what")
    assert "80 minutes is more than an hour" in reply and "1 hour and how many minutes" in reply
    problem = "A show starts at 5:35 pm and lasts 45 minutes. When does it end?"
    wrong = confusion_words(problem, solver.plan(problem), [], "i got 85 minutes now what")
    assert wrong is None or "85 minutes is more" not in wrong[0]
    assert confusion_words(problem, solver.plan(problem), [], "80 minutes") is None   # an answer, no plea


def test_why_a_step_on_a_number_not_found_yet_gives_the_plans_reason_not_the_number():
    reply = _reply("A triangle has a base of 12 m and a height of 7 m. What is its area?", "why do you halve it")
    assert "half of the rectangle" in reply and "84" not in reply


def test_adding_a_boxs_edges_is_met_with_layers_of_cubes():
    problem, work = split_problem("a crate is 6 by 4 by 2 ft whats the volume do i add them all up")
    assert work == "do i add them all up"
    reply = _reply(problem, work)
    assert "layer" in reply and "48" not in reply


def test_the_right_operation_on_another_steps_number_is_not_confirmed_whole():
    plan = solver.plan("A tap fills 9 litres every 2 minutes. How many litres in 14 minutes?")
    assert proposal("do i divide 14 by 9", plan.steps[0], plan) == \
        "Dividing fits this step, but not with the 14: that number comes in later."
    assert proposal("do i divide 9 by 2", plan.steps[0], plan) == "Dividing fits this step."
    assert proposal("do i divide 9 by 5", plan.steps[0], plan).endswith("this step does not use it.")


def test_a_chance_out_of_which_whole_is_met_with_every_kind_that_could_be_picked():
    reply = _reply("A bag holds 3 red, 7 yellow and 2 green cubes. What is the probability of picking a yellow cube?",
                   "is it 7 out of 12 or 7 out of 5")
    assert "3 red or 2 green" in reply and "7/12" not in reply
    assert confusion_reader.answer("A bag holds 3 red and 7 yellow cubes. How many cubes?", None, [],
                                   "is it 7 out of 10 or 7 out of 3") is None


def test_an_equations_other_order_is_never_called_wrong():
    plan = solver.plan("Solve 3(y + 4) = 27.")
    assert proposal("do i divide by 3 first", plan.steps[0], plan) == ""
    found = confusion_words(plan.problem, plan, [], "do i divide by 3 first or times it in")
    assert found is None or "comes first" not in found[0]


def test_a_remainder_whose_question_says_nothing_of_full_groups_is_asked_not_told():
    reply = _reply("A coach has 58 players and each bus holds 9. how many buses", "i got 6 r 4 what does the r mean")
    assert "Only full" not in reply and "need a bus too?" in reply


def test_the_percent_itself_is_no_number_of_another_step():
    plan = solver.plan("A coat costs $90. It is 20% off. What is the sale price?")
    assert "not with the 20" not in proposal("do i times 90 by 20", plan.steps[0], plan)


def test_the_top_or_bottom_of_the_steps_own_fraction_is_no_number_of_another_step():
    plan = solver.plan("Each jar holds 3/8 kg of rice. How much rice is in 5 jars?")
    assert "not with" not in proposal("do i times the 3 or the 8 by 5", plan.steps[0], plan)
