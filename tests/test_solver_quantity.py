"""quantity_patterns.py: the quantity tracker (each number read where it stands, combined as the question asks),
a data list's range and median; exact step values, step questions in the problem's words, diagnosis on its plans,
and abstention whenever a word or number is left unread."""
from fractions import Fraction

import pytest

import measure_patterns
import quantity_patterns
import solver
from diagnosis import diagnose
from wordproblem import read_problem

# (problem, pattern, step values, words the steps' questions must reuse from the problem)
PLANS = [
    # a count times a rate, then a change in order
    ("A club bought 9 crates with 12 balls in every crate. The coach gave away 30 balls. How many balls are left?",
     "story", ["108", "78"], ["9 crates", "12 balls in every crate", "the coach gave away 30 balls"]),
    # 'Each of the 5 buses carries 40 riders': the rate said before its number
    ("Each of the 5 buses carries 40 riders. How many riders are on the buses?", "story", ["200"],
     ["5 buses", "40 riders for each bus"]),
    # a change said in the passive, after its number
    ("A bakery had 300 rolls. By noon, 125 rolls were sold. How many rolls remain?", "story", ["175"],
     ["125 rolls were sold"]),
    # an amount said against one that comes later in the text, then everything together
    ("Nina has 4 times as many shells as Omar. Omar has 15 shells. How many shells do they have in all?", "story",
     ["60", "75"], ["for Nina: 4 times 15 shells", "Nina's and Omar's together"]),
    # one named amount, reached through a chain of comparisons
    ("Mia has 24 stickers. Noah has 9 more stickers than Mia. Liam has 5 fewer stickers than Noah. How many "
     "stickers does Liam have?", "story", ["33", "28"], ["for Noah: 9 more than 24 stickers",
                                                         "for Liam: 5 fewer than Noah's stickers"]),
    # 'twice as much' said against the amount just before; the question restates how many amounts there are
    ("Marco saved $35 in March and twice as much in April. How much did he save in the two months?", "story",
     ["70", "105"], ["2 times $35", "$35 and 2 times $35 together"]),
    # fewer than a named amount
    ("Ravi ran 42 laps. Lina ran 9 fewer laps than Ravi. How many laps did they run altogether?", "story",
     ["33", "75"], ["9 fewer than 42 laps"]),
    # change from a payment
    ("Raj bought a kite for $7.25 and string for $3.50. He paid with a $20 bill. How much change did he get?",
     "story", ["10.75", "9.25"], ["$7.25 and $3.50", "from $20"]),
    # the start found by undoing the change
    ("Kofi had some money. He spent $9 on lunch and had $26 left. How much money did he start with?", "story",
     ["35"], ["$9"]),
    # money spent: a price per pound times the pounds, then another item
    ("Ines bought 4 pounds of pears at $2.15 per pound and a loaf of bread for $3. How much did she spend?", "story",
     ["8.6", "11.6"], ["4 pounds at $2.15 per pound", "$3"]),
    # mixed numbers of one measure, written back as the problem wrote them
    ("A board is 7 1/4 feet long. Ali cuts off 2 1/2 feet. How much board is left?", "story", ["19/4"],
     ["Ali cuts off 2 1/2 feet"]),
    # how many groups a rate makes
    ("Mo earns $15 an hour. How many hours must he work to earn $120?", "story", ["8"],
     ["How many hours", "$15 an hour", "$120"]),
    # prices said one by one ('and a ruler costs'), the counts only in the question
    ("An eraser costs $0.45 and a ruler costs $1.20. How much do 6 erasers and 3 rulers cost?", "story",
     ["2.7", "3.6", "6.3"], ["6 erasers cost at $0.45", "3 rulers cost at $1.20"]),
    # a price 'for' a kind of buyer, and 'pay' asking for what the priced counts cost
    ("A zoo charges $9 for adults and $4 for children. How much do 3 adults and 5 children pay?", "story",
     ["27", "20", "47"], ["3 adults cost at $9 for adults", "5 children cost at $4 for children"]),
    # a change said with 'ones' and an adjective; the second verb of a sentence starts its own change
    ("A shop had 640 plates. It got 150 new plates and threw away 35 old ones. How many plates does it have now?",
     "story", ["790", "755"], ["after it got 150 new plates", "after it threw away 35 old ones"]),
    # a change said against the change before it: both taken away together (the dev set's breakdown)
    ("A pond held 900 litres. In May 120 litres evaporated, and in June 3 times as much as in May. How many "
     "litres are left?", "story", ["360", "480", "420"], ["3 times 120 litres", "left of 900 litres"]),
    # a data list
    ("The ages of the campers are 9, 13, 11, 8 and 12. What is the range of their ages?", "range", ["5"],
     ["greatest age minus the least age"]),
    ("What is the median of 4, 9, 15, 7?", "median", ["16", "8"], ["two middle values"]),
    ("Six players scored 10, 4, 8, 12, 6 and 9 points. What is the median score?", "median", ["17", "17/2"],
     ["two middle values"]),
]


@pytest.mark.parametrize("problem,pattern,values,words", PLANS, ids=[f"{p[1]}-{i}" for i, p in enumerate(PLANS)])
def test_the_tracker_plans_exact_steps_in_the_problems_words(problem, pattern, values, words):
    reader = {"story": quantity_patterns.story, "range": measure_patterns.data_range,
              "median": measure_patterns.median}[pattern]
    plan = reader(read_problem(problem))
    assert plan is not None and plan.pattern == pattern
    assert [s.value for s in plan.steps] == [Fraction(v) for v in values]
    assert solver.plan(problem).answer == plan.answer   # an older pattern that reads it too must agree
    asked = " ".join(s.question for s in plan.steps)
    for word in words:
        assert word in asked, (word, asked)


def test_operands_trace_to_the_numbers_of_the_text():
    plan = quantity_patterns.story(read_problem(PLANS[0][0]))
    product, change = plan.steps
    assert [plan.quantities[r.index].text for r in product.operands] == ["9 crates", "12 balls in every crate"]
    assert change.operands[0] == solver.Ref("step", 0) and change.op == "-"


@pytest.mark.parametrize("problem", [
    # each abstains: a word or number the tracker does not read
    "Meena bakes 60 cookies. Her friend Brock buys 7 cookies. How many cookies does Meena have left?",  # who buys
    "Eric has 20 marbles. He has 12 white marbles and the rest are green. How many green marbles does he have?",
    "Tim has 30 toads. Jim has 20 more toads than Tim. How many toads does Jim have together with Sarah?",  # whose?
    "Mia has 24 stickers. Noah has 9 more stickers than Mia. How many stickers does Mia have?",  # a given amount
    "John books 3 nights at $250 a night. He has a $100 discount. How much does he pay?",              # discount
    "Yanni has $0.85. He found $0.50. How much money in cents does Yanni have now?",                    # in cents
    "Kim has 12 pens. Heidi has 5 more pens than Kim, and Ana has 4 pens. Tom has 6 pens. How many pens do Ana "
    "and Heidi have together?",                                                  # named two, Tom's pens unused
    "Sam has 3 red cars and 4 blue cars. Pia has 2 times as many cars as Sam. How many cars does Pia have in all?",
    "There are 20 stickers on a page. You have 12 pages but lose one of the pages. How many stickers are left?",
    "Jo walked 2 miles to the park and then 3 km to the library. How far did she walk in all?",          # two units
    "Four students are 142 cm, 155 cm and 138 cm tall. What is the range of their heights?",             # 4 vs 3
    "Ben bought 2 books at $4 each and 3 pens. He paid with a $20 bill. How much change did he get?",   # pens' price
    "Ana had $80. She spent $15 on Monday. Her brother has 3 times as much. How much money does she have left?",
    "Ana had $80. She spent $15 on Monday and her brother spent 3 times as much. How much does she have left?",
    "Ana has $5 and Tom has $8. How much did they spend?",                          # amounts had, not prices
    "Tickets cost $12 for adults and $7 for children. How much do 2 adults pay?",   # a price meets no count
])
def test_the_tracker_abstains_on_what_it_cannot_read(problem):
    read = read_problem(problem)
    assert quantity_patterns.story(read) is None and measure_patterns.data_range(read) is None


def test_a_tracker_plan_is_diagnosed_on_the_step_that_went_wrong():
    plan = quantity_patterns.story(read_problem(PLANS[7][0]))   # change: 7.25 + 3.50 = 10.75, then 20 - 10.75
    found = diagnose(plan, "20 + 10.75 = 30.75")
    assert found is not None and found.step == 1 and found.misconception == "add_instead_of_subtract"
    assert "9.25" not in found.question
    start = quantity_patterns.story(read_problem(PLANS[8][0]))   # had $26 left after spending $9: 26 + 9
    assert diagnose(start, "26 - 9 = 17").misconception == "subtract_instead_of_add"


def test_hints_name_the_tracked_operands_and_never_the_result():
    plan = quantity_patterns.story(read_problem(PLANS[0][0]))
    ladder = solver.hints(plan, 0)
    assert "9 crates" in ladder[0] and "9 × 12" in ladder[2]
    assert not any("108" in hint for hint in ladder)
