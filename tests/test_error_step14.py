"""Round 14: a real error in the student's shown work is found and named at its step. Operations said in words go on
from the result before ("then I took away 6 and got 30"), "so it goes 20 km" is a result, a step that adds what a
story's clause takes away is asked about where the whole story does not read plainly, a dollar amount and a cents
amount are not put together as they stand, a number never given is asked about while a bare count is unused, and
right work is never doubted: two amounts that went away are put together, and a last step that makes the answer
closes even where an earlier step made the same number."""
import agent
from arithmetic_claims import claims, results
from story_changes import against_story, moved_question, story_changes


def silent(*_, **__):
    return iter(())


def replies(turns: list[str]) -> list[dict]:
    tutor = agent.Tutor(silent)
    return [list(tutor.respond("s", turn, "math"))[-1] for turn in turns]


def test_an_operation_said_in_words_goes_on_from_the_result_before():
    said = claims("I multiplied 4 times 9 and got 36, then I took away 6 and got 30")
    assert [str(c) for c in said] == ["4 × 9 = 36", "36 − 6 = 30"]
    added = claims("7 x 8 = 56, then added 4 to it to get 61")
    assert str(added[-1]) == "56 + 4 = 61" and not added[-1].right
    assert [str(c) for c in claims("20 divided by 4 is 5, then I multiplied it by 3 and got 15")][-1] == "5 × 3 = 15"
    assert claims("he took 4 crayons") == []   # an operation with no result said is no claim


def test_a_result_said_with_its_subject_and_verb_is_read():
    assert results("I multiplied 45 by 2 so the bus goes 90 km", []) == [90]
    assert results("so each team gets 6", []) == [6]


def test_a_step_that_adds_what_a_clause_takes_away_is_asked_at_that_step():
    problem = "One box holds 8 crayons. Omar buys 5 boxes and loses 6 crayons. How many crayons are left?"
    assert story_changes(problem) is None   # the whole story does not read as a start and changes
    moved = against_story(problem, claims("40 + 6 = 46")[0])
    assert moved is not None and moved.value == 6
    assert moved_question(problem, moved) == "Omar loses 6 crayons: does that make more crayons, or fewer?"
    assert against_story(problem, claims("40 - 6 = 34")[0]) is None
    reply = replies([f"{problem} 8 x 5 = 40 then I added 6 and got 46"])[-1]
    assert reply["verdict"] == "ask" and "40 + 6 = 46" in reply["text"] and "Omar loses 6 crayons" in reply["text"]


def test_two_amounts_that_went_away_put_together_are_right_work():
    problem = "Gina had 50 shells. She gave away 14 and lost 6. How many are left?"
    assert against_story(problem, claims("14 + 6 = 20")[0]) is None
    reply = replies([f"{problem} 14 + 6 = 20, 50 - 20 = 30"])[-1]
    assert reply["verdict"] == "confirm" and "30" in reply["text"]
    wrong = replies([f"{problem} 50 + 14 = 64"])[-1]
    assert wrong["verdict"] == "ask" and "She gave away 14: does that make more, or fewer?" in wrong["text"]


def test_a_dollar_amount_and_a_cents_amount_are_not_taken_apart_as_they_stand():
    problem = "Zoe has $4. She buys 2 stickers at 60 cents each. How much money does she have left?"
    reply = replies([f"{problem} 2 x 60 = 120, 4 - 120 = -116"])[-1]
    assert reply["verdict"] == "ask"
    assert "4 − 120 = -116: 4 is in dollars and 120 is in cents" in reply["text"] and "How many cents is $4?" in \
        reply["text"]


def test_a_misread_count_is_asked_where_it_comes_from():
    reply = replies(["A team has 32 players. 14 of them are boys. How many girls are on the team? 41 - 32 = 9"])[-1]
    assert reply["verdict"] == "ask" and "Where does the 41" in reply["text"] and "the 14" in reply["text"]


def test_a_last_step_that_makes_the_answer_closes_though_a_sum_before_made_it_too():
    problem = "A shop had 300 cups. It sold 90 on Friday and 60 on Saturday. How many cups are left?"
    said = replies([f"{problem} I added 90 and 60 to get 150 and then took 150 from 300 and got 150"])[-1]
    assert said["verdict"] == "confirm" and said["text"].startswith("Yes, 150")
    other = replies([f"{problem} 300 - 90 = 210, 210 - 60 = 150"])[-1]
    assert other["verdict"] == "confirm" and "Your steps: 300 − 90 = 210, then 210 − 60 = 150" in other["text"]


def test_a_rate_divided_instead_of_multiplied_is_flagged_when_said_in_words():
    reply = replies(["A cyclist rides 12 miles per hour for 4 hours. How far does she ride? "
                     "I divided 12 by 4 so she goes 3 miles"])[-1]
    assert reply["verdict"] == "flag" and reply["text"].startswith("You divided 12 by 4.")


def test_a_percent_used_as_a_plain_factor_is_flagged_at_that_step_unless_the_hundredths_follow():
    problem = "A club has 240 members. 15% of the members are coaches. How many members are coaches?"
    reply = replies([f"{problem} 240 x 15 = 3600"])[-1]
    assert reply["verdict"] == "flag" and reply["text"].startswith("Look at 240 × 15 = 3600: 15% of 240 members")
    assert "How much is 15% of 240 members?" in reply["text"]
    right = replies([f"{problem} 240 x 15 = 3600, 3600 / 100 = 36"])[-1]
    assert right["verdict"] == "confirm" and "36" in right["text"]


def test_a_fraction_taken_away_as_an_amount_of_its_own_is_flagged():
    reply = replies(["Rosa had $90. She spent 2/3 of it on a coat. How much did the coat cost? 90 - 2/3 = 89 1/3"])[-1]
    assert reply["verdict"] == "flag" and "uses 2/3 as an amount of its own" in reply["text"]
    assert reply["text"].endswith("What is 2/3 of $90?")


def test_a_unit_size_mixed_up_in_a_conversion_asks_for_that_size():
    reply = replies(["A trail is 3.6 km long. How many meters long is it? 3.6 x 100 = 360 m"])[-1]
    assert reply["verdict"] == "flag" and reply["text"] == "You used 100: how many meters make 1 km?"
    right = replies(["A trail is 3.6 km long. How many meters long is it? 3.6 x 1000 = 3600 m"])[-1]
    assert right["verdict"] == "confirm"


def test_a_wrong_sum_is_never_told_it_skipped_a_step_its_own_numbers_show_done():
    problem = "Ivy buys 4 pens at $3 each and a ruler for $5. She pays with a $30 bill. How much change does she get?"
    reply = replies([f"{problem} 4 x 3 = 12, 12 + 5 = 17, 30 - 17 = 12"])[-1]
    assert reply["verdict"] == "flag" and reply["text"] == "Check 30 − 17 again: it does not make 12. Test it by " \
        "adding back: what is 12 + 17? Is it 30?"


def test_a_result_named_in_a_smaller_unit_asks_how_many_small_units_make_the_big_one():
    reply = replies(["Kai swims 1.2 km on Monday and 0.8 km on Tuesday. How many meters does he swim? "
                     "1.2 + 0.8 = 2 meters"])[-1]
    assert reply["verdict"] == "ask" and reply["text"].endswith("How many meters make 1 km?")


def test_a_step_that_adds_what_cracked_is_asked_and_the_rest_confirmed():
    problem = "There are 4 trays with 10 eggs on each. 7 eggs crack. How many eggs are not cracked?"
    reply = replies([f"{problem} 4 x 10 = 40, 40 + 7 = 47"])[-1]
    assert reply["verdict"] == "ask" and "7 eggs crack: does that make more eggs, or fewer?" in reply["text"]


def test_a_step_said_as_took_and_divided_is_read_as_one_division():
    assert [str(c) for c in claims("first I took 56 and divided by 7 and got 8")] == ["56 ÷ 7 = 8"]


def test_a_one_in_a_rate_is_never_asked_where_it_comes_in():
    reply = replies(["A bus uses 1 tank of fuel every 300 km. How many tanks for 1200 km? 1200 / 300 = 4 tanks"])[-1]
    assert "where does the 1" not in reply["text"].lower() and reply["verdict"] != "flag"


def test_a_whole_divided_by_a_percent_is_flagged_but_a_tenth_for_ten_percent_is_right():
    problem = "A library has 90 books. {p}% of the books are comics. How many books are comics?"
    reply = replies([problem.format(p=30) + " 90 / 30 = 3"])[-1]
    assert reply["verdict"] == "flag" and "it is 30 out of every 100" in reply["text"]
    tenth = replies([problem.format(p=10) + " 90 / 10 = 9"])[-1]
    assert tenth["verdict"] == "confirm"


def test_a_divisor_never_given_is_asked_about_though_it_equals_the_result():
    reply = replies(["Mo has 81 marbles. He shares them equally with 3 friends. How many marbles does each friend "
                     "get? first I took 81 and divided by 9 and got 9"])[-1]
    assert reply["verdict"] == "ask" and "Where does the 9 in 81 ÷ 9 = 9 come from" in reply["text"]
    assert "3 friends" in reply["text"]


def test_money_paid_in_cents_taken_away_is_never_asked_about():
    problem = "Lia has $2 and 60 cents. She buys a pencil for 45 cents. How much money does she have left?"
    reply = replies([f"{problem} 200 + 60 = 260, 260 - 45 = 215 cents"])[-1]
    assert reply["verdict"] != "flag" and "does that make more money" not in reply["text"]
    paid = "Lia has 260 cents. She buys a pencil for 45 cents. How much money does she have left?"
    assert "does that make more money" in replies([f"{paid} 260 + 45 = 305"])[-1]["text"]
