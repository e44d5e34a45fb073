"""Round 14 (math help): a stuck student gets a way in worded from the problem's own numbers, never the question
restated ("How do 420 shirts and 186 shirts give you the number left?"), and a right answer is confirmed where code
knows it (a rate said with its unit, a rounding exercise)."""
import agent
from solver import numbers_in


def silent(*_, **__):
    return iter(())


def replies(*messages: str) -> list[dict]:
    tutor = agent.Tutor(silent)
    return [list(tutor.respond("s", m, "math"))[-1] for m in messages]


def reply_to(message: str) -> dict:
    return replies(message)[0]


def test_a_take_away_is_a_way_in_by_parts_or_counting_up_never_the_question_restated():
    eggs = reply_to("A farm had 730 eggs. It sold 265 eggs at the market. How many eggs are left? can you help")
    assert eggs["text"] == "Take away 265 in parts: first 200, then 65. What is 730 − 200, and what is left when you " \
                           "take 65 from that?"
    close = reply_to("What is 604 - 387? im lost")   # two close numbers: counted up from the smaller
    assert close["text"] == "Count up from 387 to 604: how far is it from 387 to 400, and from 400 to 604?"
    assert "465" not in eggs["text"] and "217" not in close["text"]


def test_the_last_step_after_a_right_sum_asks_how_its_result_leads_on_without_it():
    # (a student who has just found the total spent needs the idea of the last step, not a recipe for the gap)
    trip = "A club raised $1,400 for a trip. It spent $520 on the bus and $395 on food. How much money is left?"
    right = reply_to(f"{trip} 520 + 395 = 915 what now")
    assert right["verdict"] == "confirm" and "Count up" not in right["text"], right["text"]
    assert right["text"].endswith("Next, how do $1400 and 915 give you the money left?")
    assert "485" not in right["text"]


def test_a_bare_exercise_is_asked_by_place_value():
    assert reply_to("What is 58 × 7? help")["text"] == "Split 58 into 50 and 8: what are 50 × 7 and 8 × 7?"
    assert reply_to("How do I do 952 divided by 7?")["text"] == \
        "Split 952 into 910 and 42, two parts 7 goes into evenly: how many 7s are in each?"
    assert reply_to("Add 463 and 285. how do i start")["text"] == \
        "Start with the hundreds: what do 400 and 200 make? Then add the tens, then the ones."
    for message, answer in (("What is 58 × 7? help", 406), ("How do I do 952 divided by 7?", 136)):
        assert answer not in numbers_in(reply_to(message)["text"])


def test_a_fraction_of_an_amount_is_pictured_as_groups_at_the_first_of_two_steps():
    cards = reply_to("Zoe had 84 stamps. She gave 1/4 of them to her cousin. How many stamps does she have left? help")
    assert cards["text"] == "1/4 means one of 4 equal parts. If you split the 84 stamps into 4 equal groups, how " \
                            "many are in one group?"


def test_without_a_plan_a_price_each_and_a_count_picture_one_then_two():
    text = reply_to("Bus tickets cost $3 each and a map costs $2. Ravi buys 5 tickets and 1 map. How much does he "
                    "pay? help")["text"]
    assert "Picture 1 ticket" in text and "5 tickets" in text and "17" not in numbers_in(text), text


def test_a_clock_span_is_counted_on_to_the_next_hour():
    text = reply_to("A game starts at 6:50 pm and ends at 8:15 pm. How long does it last? help")["text"]
    assert text == "Count on from 6:50 pm: how many minutes is it to 7:00, and how long from 7:00 to 8:15 pm?"
    inside = reply_to("A show starts at 4:10 pm and ends at 4:55 pm. How many minutes is the show? help")["text"]
    assert "Count on" not in inside   # within one hour: no jump to the next hour


def test_a_rate_said_with_its_unit_is_read_as_the_answer():
    right = reply_to("A train goes 240 km in 4 hours. What is its speed? 60 km per hour")
    assert right["verdict"] == "confirm" and "60 km per hour is right" in right["text"]
    short = reply_to("A bird flies 90 miles in 3 hours. How fast does it fly? 30 mi/h")
    assert short["verdict"] == "confirm", short["text"]
    wrong = reply_to("A train goes 240 km in 4 hours. What is its speed? 960 km per hour")
    assert wrong["verdict"] == "flag" and "right" not in wrong["text"], wrong["text"]


def test_a_rounding_exercise_is_answered_from_the_rule():
    right = reply_to("Round 8,649 to the nearest hundred. 8,600")
    assert right["verdict"] == "confirm" and "8600 is right" in right["text"] and "tens digit" in right["text"]
    half = reply_to("Round 350 to the nearest hundred. 400")
    assert half["verdict"] == "confirm" and "halfway rounds up" in half["text"]
    wrong = reply_to("What is 7.24 rounded to the nearest tenth? 7.3")
    assert wrong["verdict"] == "flag" and "7.2" not in wrong["text"].replace("7.24", ""), wrong["text"]
    first, second, answer = replies("Round 5,382 to the nearest thousand.", "i dont know", "5000")
    assert first["text"] == "Which two thousands does 5,382 lie between, and which of them is it closer to?"
    assert "5000 and 6000" in second["text"] and second["verdict"] not in ("confirm", "flag")
    assert answer["verdict"] == "confirm"


def test_an_exercise_typed_with_x_reads_the_answer_after_its_question():
    right = reply_to("What is 43 x 12? 516")
    assert right["verdict"] == "confirm" and "516 is right" in right["text"], right["text"]
    wrong = reply_to("Work out 43 x 12. is it 526")
    assert wrong["verdict"] == "flag" and "516" not in wrong["text"], wrong["text"]


def test_a_change_of_unit_starts_from_one_of_the_bigger_unit():
    text = reply_to("A ribbon is 5 yards long. How many feet long is it? i dont know how")["text"]
    assert text == "How many feet are in 1 yard? Then how many are in 5 yards?"
    shelf = reply_to("A shelf is 7 feet long. How many inches long is it? help")["text"]
    assert shelf == "How many inches are in 1 foot? Then how many are in 7 feet?"


def test_a_price_per_thing_is_pictured_for_one_then_two():
    text = reply_to("Juice costs $1.80 a bottle. How much do 7 bottles cost? hint")["text"]
    assert text == "Picture 1 bottle: it costs $1.80. How much would two bottles cost, and how does that help with " \
                   "7 bottles?"


def test_a_total_at_an_amount_for_one_is_built_up():
    text = reply_to("Kai earns $8 an hour. How many hours must he work to earn $96? help")["text"]
    assert text == "At $8 an hour, what do 2 hours make, and 10 hours? How many hours make $96?"
    budget = reply_to("Markers cost $3 each. How many markers can Li buy with $20? i dont know")["text"]
    assert budget == "What would 2 markers cost, and 5 markers? How many markers can be paid for with $20?"


def test_a_story_started_from_groups_with_a_longer_noun_confirms_its_right_answer():
    story = "A baker has 4 trays of 12 blueberry muffins. She sells 19 muffins. How many muffins are left?"
    right = reply_to(f"{story} 4 x 12 = 48, 48 - 19 = 29")
    assert right["verdict"] == "confirm" and "29 is right" in right["text"], right["text"]
    wrong = reply_to(f"{story} 4 x 12 = 48, 48 + 19 = 67")
    assert wrong["verdict"] in ("flag", "ask") and "48 + 19" in wrong["text"] and "right" not in wrong["text"]
    unnamed = reply_to("A farmer has 5 rows of 7 pepper plants. He gives away 9 plants. How many are left? "
                       "5 x 7 = 35, 35 + 9 = 44")
    assert unnamed["verdict"] in ("flag", "ask") and "35 + 9" in unnamed["text"] and "more are" not in unnamed["text"]
