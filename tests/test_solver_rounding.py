"""Round 3 of the planner. rounding_patterns.py: whole groups from a division (full cartons round down, vans needed
round up), the step questions in the problem's words, abstaining where the question does not say which way, and the
two slips; then the other new readings (an equation said 'a number times 3 plus 5', a temperature at noon or a rise
between two, a smaller unit taken from a larger one), each with a variant that abstains."""
import pytest

import solver
from diagnosis import diagnose
from wordproblem import apply_op

# (problem, the steps' kinds, their values, words the last step's question must use)
PLANS = [
    ("A baker has 100 cookies. She packs them in boxes of 12. How many full boxes can she pack?",
     ["quotient", "round_down"], ["25/3", "8"], "Only a full box counts: how many full boxes are there?"),
    ("A rope is 50 feet long. How many 6-foot pieces can be cut from it?", ["quotient", "round_down"],
     ["25/3", "8"], "how many full pieces are there?"),
    ("There are 62 campers. Each tent holds 8 campers. How many tents are needed?", ["quotient", "round_up"],
     ["7.75", "8"], "The last tent is only part full, but it is still needed: how many tents is that?"),
    ("A class needs 75 pencils. Pencils come in packs of 10. How many packs must the teacher buy to have enough?",
     ["quotient", "round_up"], ["7.5", "8"], "how many packs is that?"),
    ("A ribbon is 98 inches long. How many 7-inch pieces can be cut from it?", [""], ["14"],
     "How many 7-inch pieces make 98 inches?"),
]


@pytest.mark.parametrize("problem,kinds,values,words", PLANS)
def test_whole_groups_plan(problem, kinds, values, words):
    found = solver.plan(problem)
    assert found is not None and found.pattern == "groups_needed"
    assert [s.kind for s in found.steps] == kinds and [solver.fmt(s.value) for s in found.steps] == values
    assert words in found.steps[-1].question
    division = found.steps[0]
    assert division.op == "/" and [r.kind for r in division.operands] == ["quantity", "quantity"]   # traced
    assert "of 12" in division.question or "of 8" in division.question or "-" in division.question \
        or "of 10" in division.question
    for step in found.steps:   # every step is true arithmetic: a recap never writes a false equation
        assert apply_op(step.op, step.values) == step.value


@pytest.mark.parametrize("problem", [
    "A baker has 100 cookies. She packs them in boxes of 12. How many boxes does she use?",   # which way: unsaid
    "A baker has 100 cookies. She packs them in boxes of 12. How many full boxes are needed?",   # both ways
    "A baker sells cookies at $100 each. She packs them in boxes of 12. How many full boxes can she pack?",   # a price
    "A baker has 100 cookies and 30 muffins. She packs them in boxes of 12. How many full boxes can she pack?",
])
def test_whole_groups_abstain(problem):
    assert solver.plan(problem) is None


def test_whole_groups_slips():
    up = solver.plan("There are 62 campers. Each tent holds 8 campers. How many tents are needed?")
    left_out = diagnose(up, "62 ÷ 8 = 7")
    assert left_out.misconception == "leftover_not_counted" and "the 6 left over" in left_out.question
    assert left_out.step == 1
    assert diagnose(up, "8") is None
    down = solver.plan("A baker has 100 cookies. She packs them in boxes of 12. How many full boxes can she pack?")
    part = diagnose(down, "9 boxes")
    assert part.misconception == "part_group_counted" and "only 4, not 12" in part.question
    assert diagnose(down, "100 - 12 = 88").misconception == "subtract_instead_of_divide"


# Round 3's other readings: (problem, pattern, step values, words a step's question must use)
MORE = [
    ("A number times 4 minus 7 is 29. What is the number?", "equation", ["36", "9"],
     "What is 4 times the number, if taking 7 away from it gives 29?"),
    ("The temperature at midnight was 3°C. By dawn it had dropped 8 degrees. What was the temperature at dawn?",
     "temperature", ["-5"], "falls 8 degrees from 3 degrees"),
    ("The temperature was -4°C at dawn and 7°C at noon. By how many degrees did it rise?", "temperature", ["11"],
     "from -4 degrees up to 7 degrees"),
    ("A roll of tape is 4 m long. Kai cuts off 85 cm. How many centimeters of tape are left?", "measure_change",
     ["400", "315"], "How many centimeters are left when 85 cm is taken from 4 m?"),
    ("A bottle holds 2 liters of water. Zoe drinks 350 ml. How many milliliters of water remain?", "measure_change",
     ["2000", "1650"], "How many milliliters are in 2 liters?"),
    # the tracker: a price said of 'a <kind of> thing', a rate of 'each row in a field', 'a 240-page book'
    ("A concert ticket costs $12.50. How much do 4 tickets cost?", "story", ["50"],
     "How much do 4 tickets cost at $12.50 each?"),
    ("Each shelf in a library holds 35 books. There are 12 shelves. How many books are on the shelves?", "story",
     ["420"], "How many books are in 12 shelves at 35 books for each shelf?"),
    ("Ava reads 15 pages each day. How many days will it take her to read a 240-page book?", "story", ["16"],
     "How many days at 15 pages each day make 240 pages?"),
    ("The sum of two consecutive numbers is 63. What is the larger number?", "consecutive", ["62", "31", "32"],
     "The larger number is 1 more than the smaller. What is 63 without that 1?"),
    ("Three consecutive even numbers add up to 54. What is the smallest number?", "consecutive", ["48", "16"],
     "Shared equally among the 3 numbers, what is the smallest one?"),
    ("A pie is cut into 6 equal slices. Leo eats 4 slices. What fraction of the pie is left?", "fraction",
     ["2", "1/3"], "What fraction of the pie is 2 of the 6 equal slices?"),
    ("A pie is cut into 6 equal slices. Leo eats 1 of the slices. What fraction of the pie did Leo eat?", "fraction",
     ["1/6"], "What fraction of the pie is 1 of the 6 equal slices?"),
    ("Lily walks her dog for 30 minutes every day. How many minutes does she walk the dog in 3 weeks?", "rate",
     ["21", "630"], "How many minutes is that in 21 days, at 30 minutes every day?"),
    # parts of one measure, and a rectangle's side from its area
    ("A pipe is 4 1/2 meters long. It is cut into 6 equal pieces. How long is each piece?", "sharing", ["0.75"],
     "How long is each of 6 equal pieces of 4 1/2 meters?"),
    ("A tank holds 60 liters. It is 2/5 full. How many liters of water are in the tank?", "fraction", ["12", "24"],
     "What is 2/5 of 60 liters, 2 of those parts?"),
    ("A wire is 18 feet long. Ben cuts off 5/6 of it. How long is the piece he cuts off?", "fraction", ["3", "15"],
     "What is 1/6 of 18 feet?"),
    ("The area of a rectangle is 96 square inches. Its length is 12 inches. How wide is it?", "rectangle", ["8"],
     "What width times a length of 12 inches gives an area of 96 square inches?"),
]


@pytest.mark.parametrize("problem,pattern,values,words", MORE)
def test_round_three_readings(problem, pattern, values, words):
    found = solver.plan(problem)
    assert found is not None and found.pattern == pattern
    assert [solver.fmt(s.value) for s in found.steps] == values
    assert any(words == s.question or words in s.question for s in found.steps)


@pytest.mark.parametrize("problem", [
    "The temperature was 4°C at dawn and -7°C at noon. By how many degrees did it rise?",   # it fell
    "A roll of tape is 4 m long. Kai buys 85 cm more. How many centimeters of tape are left?",   # nothing taken
    "A roll of tape is 4 m long. Kai cuts off 85 cm. How many meters of tape are left?",   # asked in the big unit
    "A number times 4 minus 7 is 29. What is the number plus 1?",
    "A concert ticket costs $12.50. How much do 4 parking tickets cost?",   # another kind of ticket
    "A kilogram of rice costs $3. How much do a 2-kilogram of rice and 5 kilograms of rice cost?",   # not 'a 2-kilo bag'
    "A tank holds 60 liters. It is 2/5 full. How many more liters of water fit in the tank?",   # the other part
    "A pipe is 4 1/2 meters long. It is cut into 6 equal pieces. How long are 2 pieces?",
    "Three consecutive odd numbers add up to 54. What is the smallest number?",   # 16 is not odd
    "The sum of two consecutive numbers is 63. What is their product?",
    "Lily walks her dog for 30 minutes every school day. How many minutes does she walk the dog in 3 weeks?",
    "Lily walks her dog for 30 minutes every day except Sunday. How many minutes does she walk it in 3 weeks?",
    "Lily walks her dog for 30 minutes. How many minutes does she walk the dog in 3 weeks?",   # how often: unsaid
    "A pie is cut into 6 equal slices. Leo eats 4 slices. What fraction of the pie did Ann eat?",
    "The area of a rectangle is 96 square inches. Its length is 12 inches. How long is its diagonal?",
])
def test_round_three_abstains(problem):
    assert solver.plan(problem) is None


def test_two_amounts_are_not_one_measure():
    """conversion adds '2 hours 15 minutes' as one measure, but never an amount taken away from another."""
    assert solver.plan("How many minutes are in 2 hours and 15 minutes?").answer == 135
    drunk = solver.plan("A jug holds 3 liters of juice. Tom drinks 400 ml. How many milliliters of juice remain?")
    assert drunk.answer == 2600
    assert diagnose(drunk, "3 ÷ 1000 = 0.003").misconception == "unit_mix_up"   # divided to go to a smaller unit
    halved = diagnose(solver.plan("The sum of two consecutive numbers is 63. What is the larger number?"), "31.5")
    assert halved.misconception == "forgot_step" and "the 1 extra" in halved.question
    pie = solver.plan("A pie is cut into 6 equal slices. Leo eats 4 slices. What fraction of the pie is left?")
    assert diagnose(pie, "2/4").misconception == "part_to_part"
    assert diagnose(pie, "4/6").misconception == "other_part"
    slip = diagnose(drunk, "400 - 3 = 397")
    assert slip.misconception == "unit_mix_up" and "different units" in slip.question and slip.step == 1


def test_a_skipped_conversion_is_named():
    """'3 weeks' multiplied as if it were 3 days: the conversion step is the faulty one, said in the units."""
    walks = solver.plan("Lily walks her dog for 30 minutes every day. How many minutes does she walk the dog in 3 "
                        "weeks?")
    skipped = diagnose(walks, "30 × 3 = 90")
    assert (skipped.step, skipped.misconception) == (0, "forgot_to_convert")
    assert skipped.says == "You used 3 weeks as if it were 3 days: change it to days first."
