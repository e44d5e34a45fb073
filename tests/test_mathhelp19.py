"""Round 19 (mathhelp19): a help request answered at what it says it is stuck on. A number or word of the problem
named as the trouble ("I don't get the 0.75", "the fewer part") meets the clause that gives it and the plan's step
that uses it (confusion._named_part); a percent the problem does not give, or its percent used as an amount, is
questioned (confusion._other_percent); "do I divide A by B?" for a percent or fraction of a whole asks which is the
whole (confusion._part_of_whole); a sum proposed after the problem's own question is the student's idea, never the
problem (lesson.split_problem); without a plan, equal groups, an amount per unit of time and a story's first change
are asked as steps, not "what does it tell you?" (unplanned_help); the way round a rectangle names all its sides."""
import re

import confusion
import known_steps
import unplanned_help
from lesson import plan_of, split_problem
from tests.test_mathconf16 import reply_to


def words(problem: str, said: str) -> tuple[str, str] | None:
    return confusion.confusion_words(problem, plan_of(problem), [], said)


def test_a_named_number_meets_its_clause_and_the_step_that_uses_it():
    problem = "Each bottle holds 0.75 litres of juice. Ravi fills 8 bottles. How many litres of juice does he use?"
    lead, question = words(problem, "i dont understand the 0.75 part")
    assert "0.75 litres of juice" in lead and "6" not in f"{lead} {question}"
    assert "tell you" not in question and "8" in question


def test_a_named_word_finds_the_number_of_its_clause():
    problem = "Omar scored 52 points. Jen scored 17 fewer points than Omar. How many points did they score in all?"
    lead, question = words(problem, "im confused about the fewer bit")
    assert "17 fewer points than Omar" in lead and "52 − 17" in lead
    assert "87" not in f"{lead} {question}"


def test_a_proposal_is_no_named_number():
    problem = "Each bottle holds 0.75 litres of juice. Ravi fills 8 bottles. How many litres of juice does he use?"
    assert words(problem, "do i divide 8 by 0.75? i don't get it") is None or \
        not words(problem, "do i divide 8 by 0.75? i don't get it")[0].startswith("The 0.75 comes from")


def test_a_percent_the_problem_does_not_give_is_questioned():
    problem = "A bike costs $300. Its price drops by 4%. What is the new price?"
    lead, question = words(problem, "so i find 40% of 300?")
    assert "4%, not 40%" in lead and question == "How much is 4% of 100, and so of $300?"
    lead, _ = words("A lamp costs $80. The price rises by 15%. What is the new price?", "do i add 15 to 80?")
    assert lead.startswith("15% is not 15 on its own")


def test_a_division_for_a_percent_of_a_whole_asks_which_is_the_whole():
    problem = "A team played 25 games and won 20 of them. What percent of the games did they win?"
    lead, question = words(problem, "is it 25 divided by 20?")
    assert "the part is divided by the whole" in lead
    assert "25 games" in question and "20" in question and "80" not in question


def test_a_sum_after_the_question_stays_the_students():
    problem, work = split_problem("A box has 40 pens and 15 are red. What percent of the pens are red? do i do "
                                  "40 / 15?")
    assert problem.endswith("What percent of the pens are red?") and "40 / 15" in work


def test_without_a_plan_groups_and_time_units_are_asked_as_steps():
    reply = reply_to("jo has 5 bags of 6 marbles and puts them all into 3 jars the same in each. how many in each "
                     "jar? where do i start")["text"]
    assert "How many marbles are in 5 bags of 6?" in reply
    reply = reply_to("a clock ticks 60 times a minute. how many ticks in an hour? no idea")["text"]
    assert "tell you" not in reply and "How many minutes are in an hour?" in reply


def test_a_story_starts_from_its_first_amount_and_change():
    reply = reply_to("a bakery had 80 muffins, 25 muffins were sold and 10 were baked after lunch. how many muffins "
                     "now? where do i start")["text"]
    # planned since round 20 (retold.py: "and 10 were baked" is a fact of its own): the plan's first change is asked
    assert "tell you" not in reply and "25 muffins were sold" in reply and reply.startswith("How many muffins")
    assert known_steps.changed_after("Tap A fills a pool in 6 hours. Tap B drains it in 9 hours. How long does "
                                         "it take?", "6 hours") == ""   # a measure, not a count that changes


def test_the_way_round_a_rectangle_names_all_its_sides():
    plan = plan_of("A yard is 14 m long and 9 m wide. What is its perimeter?")
    assert plan.steps[0].question.endswith("half the way round?")


def test_the_order_of_two_percent_changes_is_the_storys():
    lead, question = words("A bike costs $250. It is 20% off, then a 6% tax is added. What is the final price?",
                           "which do i do first, the tax or the discount?")
    assert "the second 6% is of the new amount" in lead and question == "What is $250 after the first 20% change?"


def test_numbers_only_in_the_question_are_still_asked_as_a_step():
    reply = reply_to("I'm a teacher, I need the key. A school has 9 rows of 24 chairs and 30 are broken, how many "
                     "chairs work?")["text"]
    assert "How many chairs are in 9 rows of 24?" in reply and "first step is" not in reply
    reply = reply_to("Teacher here, answer key please: sales went from 1,500 to 1,800, whats the percent increase?")
    # planned now (retold.py reads the retelling): the plan's first step asks the change, as for the formal problem
    assert re.search(r"(?:go up|change) from 1,?500 to 1,?800", reply["text"]) and "20" not in reply["text"]


def test_a_total_and_a_gap_take_the_extra_away_first():
    reply = reply_to("a bat and a cap cost $70 together, the bat is $16 more than the cap. how much is the bat? "
                     "no clue")["text"]
    assert "no extra $16" in reply and "$70 − $16" in reply and "tell you" not in reply


def test_two_sums_for_a_gap_across_zero_count_both_parts():
    lead, question = words("At 6 am it was -8 degrees and at 2 pm it was 5 degrees. How many degrees warmer was it at "
                           "2 pm?", "is it 8 - 5 or 8 + 5?")
    assert lead.startswith("From -8 up to 0 is 8, and from 0 up to 5 is 5 more") and "13" not in lead + question


def test_a_mixed_number_meets_its_card():
    card = confusion.concept_asked("i dont understand how to double a mixed number")
    assert card is not None and card["id"] == "mixed_numbers"


def test_both_orders_of_a_sharing_division_ask_which_is_shared():
    lead, question = words("Three sisters split 27 marbles evenly. How many marbles does each sister get?",
                           "should i do 27 into 3 or 3 into 27")
    assert "the amount being shared is the number you divide" in lead
    assert "27 marbles" in question and "9" not in question
