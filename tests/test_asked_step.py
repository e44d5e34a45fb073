"""The question's last step read from its own words (asked_step.py), for a number made without that step where the
planner has no plan. tests/fixtures/asked_step_fresh.jsonl was written before the code: its "held" half was never
developed on (reported before/after); its problems the planner plans keep the planner's replies."""
import json
from fractions import Fraction

import pytest

import agent
import solver
import unplanned_help
from arithmetic_claims import claims
from asked_step import first_part_question, number_move, read_question, taken_away
from common import ROOT
from story_changes import relation_move

FRESH = [json.loads(line) for line in (ROOT / "tests/fixtures/asked_step_fresh.jsonl").read_text().splitlines()]
BOOK = "A book has 240 pages. Oscar reads 15 pages each night for 9 nights. How many pages does he still have to read?"
TICKETS = "Movie tickets cost $8 for adults and $4 for children. A family buys 2 adult tickets and 3 child tickets. " \
          "How much do they pay in all?"
PIZZA = "A pizza is cut into 12 slices. Tom eats 4 slices and Rita eats 3 slices. What fraction of the pizza is left?"
# ("5 crates of 12 melons and 3 crates of 9 melons" is planned since round 19: two rates of one group, their counts)
MELONS = "A stall sells 5 crates with 12 melons each and 3 crates with 9 melons each. How many melons does it sell " \
    "altogether?"
# (the planner reads 'How many more shells does Sara have than Ben?' since round 14; this order it does not)
SHELLS = "Sara has 52 shells. Ben has 4 bags with 9 shells in each bag. How many more shells than Ben does Sara have?"


def _reply(message: str) -> dict:
    return list(agent.Tutor(lambda *_, **__: iter(())).respond("asked-step", message, "math"))[-1]


def test_the_question_words_name_the_last_step_and_the_story_its_parts():
    book = read_question(BOOK)
    assert (book.step, book.whole, [p.value for p in book.parts]) == ("left", (240, "240 pages"), [135])
    tickets = read_question(TICKETS)
    assert tickets.step == "in_all" and [(p.value, p.numbers) for p in tickets.parts] == [(16, (8, 2)), (12, (4, 3))]
    assert read_question(PIZZA).step == "fraction_left" and read_question(PIZZA).parts[0].value == 7
    assert read_question(SHELLS).step == "compare" and read_question(SHELLS).whole == (52, "52 shells")


def test_a_part_is_said_for_what_it_counts_and_the_last_step_asked_in_the_question_s_words():
    move = number_move(BOOK, Fraction(135))
    assert move.verdict == "ask"
    assert move.lead == '135 is the number of pages in "Oscar reads 15 pages each night for 9 nights".'
    assert move.question == "How many of the 240 pages does he still have to read?"
    tickets = number_move(TICKETS, Fraction(16))
    assert tickets.lead == "$16 is the cost of the 2 adult tickets at $8."
    assert tickets.question.startswith("What about the cost of the 3 child tickets at $4?")
    pizza = number_move(PIZZA, Fraction(7, 12))
    assert pizza.lead == '7/12 is the part of the 12 slices in "Tom eats 4 slices and Rita eats 3 slices".'
    assert pizza.question == "How many of the 12 slices are left, and what fraction of all 12 is that?"
    shells = number_move(SHELLS, Fraction(36), claims("4 x 9 = 36")[0])
    assert shells.verdict == "confirm"
    assert shells.lead.startswith("Yes, 4 × 9 = 36 is right: 36 is the number of shells")
    assert shells.question == "Now compare it with the 52 shells: how many more shells than Ben does Sara have?"


def test_numbers_in_the_question_and_clauses_of_one_sentence_are_read():
    staples = "A box holds 200 staples. Omar uses 15 staples each week. After 6 weeks, how many staples remain?"
    move = number_move(staples, Fraction(90))
    assert move.lead == '90 is the number of staples in "Omar uses 15 staples each week", over 6 weeks.'
    assert move.question == "How many of the 200 staples remain?"
    rides = "Rides cost $4 for children and $7 for adults. What do 5 children and 2 adults pay in total?"
    assert number_move(rides, Fraction(20)).lead == "$20 is the cost of the 5 children at $4."
    pie = "A pie has 8 slices, Joe eats 2 and Amy eats 1. What fraction of the pie remains?"
    assert number_move(pie, Fraction(3, 8)).lead == \
        '3/8 is the part of the 8 slices in "Joe eats 2 and Amy eats 1".'
    sheets = "A notebook has 96 sheets. Kira uses 6 sheets a day. After 8 days, how many sheets are left?"
    assert number_move(sheets, Fraction(48)) is None   # 96 - 48 is 48 too: the answer is never questioned


def test_a_count_of_a_fraction_s_whole_is_said_as_how_many_of_it():
    rows = "A garden has 20 rows of beans. Ana weeds 6 rows and Raj weeds 5 rows. What fraction of the rows still " \
           "need weeding?"
    move = number_move(rows, Fraction(11), claims("6 + 5 = 11")[0])
    assert move.lead == 'Yes, 6 + 5 = 11 is right: 11 is how many of the 20 rows are in "Ana weeds 6 rows and Raj ' \
                        'weeds 5 rows".'
    assert move.question == "How many of the 20 rows still need weeding, and what fraction of all 20 is that?"


def test_two_parts_made_first_and_what_the_rest_is():
    cards = "Tom has 6 packs of 8 cards. Sue has 4 packs of 5 cards. How many more cards does Tom have than Sue?"
    assert number_move(cards, Fraction(48)).question == \
        'Now compare it with the number of cards in "Sue has 4 packs of 5 cards": how many more cards does Tom have ' \
        'than Sue?'
    assert number_move(cards, Fraction(28)) is None   # 48 - 20: the answer
    marbles = "Ana has 3 bags of 8 marbles and 2 boxes of 10 marbles. How many marbles does she have in all?"
    assert number_move(marbles, Fraction(20)).question.startswith('What about the number of marbles in "Ana has 3 bags')
    cookies = "Dan baked 180 cookies. He gave away 7 tins of 12 cookies and kept the rest. " \
              "How many cookies did he keep?"
    assert number_move(cookies, Fraction(84)).question == "How many of the 180 cookies did he keep?"
    asks_part = "Dan baked 180 cookies. He gave away 7 tins of 12 cookies and kept the rest. How many did he give away?"
    assert number_move(asks_part, Fraction(84)) is None   # the question asks about the tins given away, not the rest


def test_a_start_moved_the_other_way_is_pointed_at_that_step():
    air = "At 4 pm the air was 6 degrees. By 10 pm it was 9 degrees colder. How cold was the air at 10 pm?"
    move = number_move(air, Fraction(15))
    assert move.verdict == "flag" and move.lead == "15 is what adding 9 to 6 makes."
    assert move.question == \
        'The problem says "By 10 pm it was 9 degrees colder": does that make it higher or lower than 6?'
    pond = "On Monday the pond was -5 degrees. On Tuesday it was 8 degrees warmer. How warm was the pond on Tuesday?"
    subtracted = number_move(pond, Fraction(-13), claims("-5 - 8 = -13")[0])
    assert subtracted.lead == "Look at -5 − 8 = -13: it takes 8 away from -5."
    assert number_move(pond, Fraction(3)) is None and number_move(pond, Fraction(13)) is None


def test_a_wrong_last_step_is_pointed_at():
    added = claims("15 x 9 = 135 and 240 + 135 = 375")[-1]
    move = number_move(BOOK, Fraction(375), added)
    assert move.verdict == "flag" and move.lead.startswith("Look at 240 + 135 = 375: it adds 135, the number of pages")
    assert number_move(BOOK, Fraction(375)).lead.startswith("375 is what adding 135")   # bare: true of the number
    assert number_move(TICKETS, Fraction(4)).question.startswith('Does "in all" in the question ask you to take away')


@pytest.mark.parametrize("problem, value", [
    (BOOK, 105),                     # the reading's own answer: never confirmed without a plan, never questioned
    (TICKETS, 28), (PIZZA, Fraction(5, 12)), (SHELLS, 16),
    ("Sam has 3 boxes of 12 eggs. He used 10 eggs. How many eggs are left?", 36),   # the whole comes first
    ("A library has 500 books. It buys 4 boxes of 25 books. How many books does it have still?", 100),   # moves in
    ("A baker has 50 hours. He bakes 12 cakes an hour for 3 hours. How many cakes are left?", 36),   # other things
    ("Nora earns $12 an hour for 6 hours. She spends $15 on lunch. How much does she have in total?", 72),
    ("Lia has twice as many cards as Sam. Sam has 4 packs of 6 cards. How many cards are left?", 24),   # a relation
    # two rates, a price of another kind, a missing part, a shape's sides, a rate with no count, a per-period question
    ("Liza reads 20 pages in an hour and Suzie reads 15 pages in an hour. How many more pages does Liza read than "
     "Suzie?", 300),
    ("Tom rents a boat for 2 hours a day for 3 days. It costs $40 an hour. How much does he pay?", 6),
    ("Carla planted 9 rows with 3 seeds. How many more seeds does she need to have a total of 40 seeds?", 27),
    ("Joy has 250 feet of tape. A field is 20 feet wide and 60 feet long. How much tape is left after she wraps the "
     "field once?", 80),
    ("Barb lost 2 kilograms each month. Lou lost 9 kilograms every year for 3 years. How many more kilograms did Lou "
     "lose than Barb?", 27),
    ("Jan pays $40 an hour for 3 hours a week of lessons. Her sister pays $30 an hour for 5 hours a week. How much "
     "more does her sister spend than Jan in a year?", 120),
])
def test_no_reading_where_the_story_is_not_plain(problem, value):
    assert number_move(problem, Fraction(value)) is None


def test_a_claim_with_another_number_is_not_read():
    assert number_move(BOOK, Fraction(135), claims("27 x 5 = 135")[0]) is None


def test_without_a_plan_relation_move_asks_the_question_s_last_step():
    assert solver.plan(SHELLS) is None
    move = relation_move(SHELLS, claims("4 x 9 = 36"))
    assert move.verdict == "confirm" and move.question.startswith("Now compare it with the 52 shells")
    reply = _reply(f"{SHELLS} 4 x 9 = 36")
    assert "Now compare it with the 52 shells" in reply["text"] and "16" not in reply["text"]


def test_the_planner_still_wins_where_it_has_a_plan():
    planned = [case for case in FRESH if solver.plan(case["problem"]) is not None]
    assert len(planned) >= 10
    for case in planned:
        assert "Now compare it with" not in _reply(f"{case['problem']} {case['attempt']}")["text"]


def test_a_help_request_asks_the_first_part_in_the_story_s_words():
    assert first_part_question(PIZZA) == 'Start with "Tom eats 4 slices and Rita eats 3 slices": how many of the 12 ' \
                                         'slices does that take?'
    assert first_part_question(TICKETS) == "What is the cost of the 2 adult tickets at $8?"
    staples = "A box holds 200 staples. Omar uses 15 staples each week. After 6 weeks, how many staples remain?"
    assert first_part_question(staples) == 'Start with "Omar uses 15 staples each week": how many of the 200 ' \
                                           'staples does that take over 6 weeks?'
    air = "At 4 pm the air was 6 degrees. By 10 pm it was 9 degrees colder. How cold was the air at 10 pm?"
    assert first_part_question(air) == \
        'The problem says "By 10 pm it was 9 degrees colder": does that make it higher or lower than 6?'
    assert first_part_question(TICKETS) == "What is the cost of the 2 adult tickets at $8?"   # planned since round 10
    assert unplanned_help.first_move(MELONS, []) == ("", 'Start with "A stall sells 5 crates with 12 melons each": '
                                                         'how many melons is that?')
    assert first_part_question("Lia has twice as many cards as Sam. Sam has 4 packs of 6 cards. How many cards "
                               "are left?") is None
    assert "how many melons is that?" in _reply(f"{MELONS} I don't know where to start")["text"]


def test_a_part_found_earlier_is_named_and_the_count_left_asked_as_a_fraction():
    both = number_move(TICKETS, Fraction(12), earlier=(Fraction(16), Fraction(12)))
    assert both.question == "And the cost of the 2 adult tickets at $8 is $16: how much do they pay in all?"
    assert number_move(TICKETS, Fraction(12)).question.startswith("What about the cost of the 2 adult tickets at $8?")
    left = number_move(PIZZA, Fraction(5))
    assert left.lead == '5 is how many of the 12 slices are left after "Tom eats 4 slices and Rita eats 3 slices".'
    assert left.question == "What fraction of all 12 is that?"


def test_a_part_found_a_turn_before_is_never_asked_again_on_the_claim_path():
    """Both parts found, one per turn, as right claims: the second reply puts them together, never "What about"
    the part the student found one turn before (relation_move passes what the lesson knows to number_move)."""
    assert solver.plan(MELONS) is None
    tutor = agent.Tutor(lambda *_, **__: iter(()))
    for message in (MELONS, "5 x 12 = 60"):
        list(tutor.respond("parts", message, "math"))
    reply = list(tutor.respond("parts", "and 3 x 9 = 27", "math"))[-1]["text"]
    assert 'And the number of melons in "A stall sells 5 crates with 12 melons each" is 60' in reply
    assert "What about" not in reply and "87" not in reply
    assert relation_move(MELONS, claims("3 x 9 = 27"), (Fraction(60),)).question.startswith("And the number")


def test_a_bare_number_short_of_the_question_s_last_step_gets_that_step_asked_by_the_tutor():
    assert solver.plan(MELONS) is None
    reply = _reply(f"{MELONS} 60")["text"]
    assert reply.startswith('60 is the number of melons in "A stall sells 5 crates with 12 melons each".') and \
        'What about the number of melons in "3 crates with 9 melons each"?' in reply and "87" not in reply
    book = _reply(f"{BOOK} I got 135")["text"]
    assert "135" in book and "still" in book and "105" not in book


BUS = "A bus has 32 seats. 19 people are on it. How many seats are empty?"


@pytest.mark.parametrize("problem, value, said", [
    (BUS, 13, "13 is the 32 seats take away the 19 people: the seats that are empty."),
    ("A jar has 60 candies. Kids eat 23. How many candies remain?", 37,
     "37 is the 60 candies take away the 23: the candies that remain."),
    (BUS, 51, None),   # not the taking away
    ("A baker had 40 cookies left after selling 27. How many cookies remain?", 13, None),   # 40 is what is left
    ("A baker has 40 cookies. Later 27 cookies are left. How many cookies are left?", 13, None),
    ("Tom has 20 cards. He buys 8 more. How many cards are left?", 12, None),
    ("A class has 28 students. 17 are girls. How many more girls than boys are there?", 11, None),
])
def test_the_question_s_own_taking_away_word_says_what_the_number_counts(problem, value, said):
    assert taken_away(problem, Fraction(value)) == said


def test_a_right_one_step_answer_the_question_words_name_is_not_doubted():
    """"13" or "32 - 19 = 13" for how many seats are empty: what 13 counts, never "Why take 19 people from 32"."""
    for work in ("13", "32 - 19 = 13"):   # planned since planner11 (capacity_left): confirmed as the answer
        reply = _reply(f"{BUS} {work}")["text"]
        assert reply.startswith("Yes, 13 seats is right!"), reply
        assert "Why" not in reply and "stand for" not in reply
