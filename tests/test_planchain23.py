"""Round 19 of the planner: a story that leaves an amount, then the rest shared equally (chain_patterns.py); two
ages linked, then asked later, earlier, together or until (age_patterns.py); 'how much of her earnings' read as
money (question_target.py). Each on sentences written for these tests, with the plans that must abstain."""
from fractions import Fraction

import pytest

import solver

PLANNED = [
    # the rest after a part of the start, shared equally (money in cents, counts whole)
    ("Lena had $96. She gave 25% of her money to charity. The remaining money was divided equally among her 3 "
     "sisters. How much money did each sister get?", "24", "shared_rest"),
    # groups, then a change, then the rest packed equally
    ("A farmer collected 5 baskets of eggs with 12 eggs in each basket. He sold 20 eggs and then packed the rest "
     "equally into 8 cartons. How many eggs went into each carton?", "5", "shared_rest"),
    # some kept first: the total, less those kept, then the shares
    ("Dad picked 6 rows of 9 tomatoes. He kept 14 tomatoes and gave the rest equally to his 5 neighbors. How many "
     "tomatoes did each neighbor get?", "8", "shared_rest"),
    # ages: a pronoun in the link is the person whose age is said
    ("Nora is 10 years old. Her grandmother is 6 times as old as she is. How old will her grandmother be in 8 "
     "years?", "68", "ages"),
    # the known age is the linked one's: the link undone
    ("Uncle Jim is 48 years old. He is 4 times as old as his nephew. How old was the nephew 3 years ago?", "9",
     "ages"),
    # 'years older' without 'than', then the sum of both ages some years on
    ("Kai is 7 years old. His cousin is 5 years older. What will be the sum of their ages in 4 years?", "27", "ages"),
    ("Zoe is 9 years old. Her brother is 3 times her age. In how many years will her brother be 30?", "3", "ages"),
    # two owners named in a total: each one's amount, every amount leading to one of them (was an abstention)
    ("Kim has 12 pens. Heidi has 5 more pens than Kim, and Ana has 4 fewer pens than Kim. How many pens do Ana "
     "and Heidi have together?", "25", "story"),
    # an owner's amount in a relative clause, and one said as 'Cara's 40'; a question without its noun
    ("Pia has 3 times as many shells as Noor, who has 7 fewer than Eve's 19. How many do Pia and Noor have "
     "together?", "48", "story"),
    # a comparison said before the amount it is against ('Leo' after 'Mia'), and a place named in two words
    ("North Park has 2 times as many trees as South Park. South Park has 15 more trees than West Park. West Park "
     "has 20 trees. How many trees are in North Park?", "70", "story"),
    # the capacity built from groups, then one place per person
    ("A bus company has 6 buses with 40 seats on each bus. If 213 students go on the trip, how many seats will be "
     "empty?", "27", "places_left"),
    # groups of each kind, counted by the kind the question names, each bought as the question asks
    ("A farm has 4 pens with 6 pigs in each pen and 12 cows. How many animals are on the farm?", "36", "story"),
    # two rates of the same group, each with the count said just before it
    ("Leah bought 4 boxes of pears with 6 pears in each box and 3 boxes of plums with 10 plums in each box. How "
     "many pieces of fruit did she buy?", "54", "story"),
    # a part of the amount the groups make, named by what it counts
    ("A shop got 6 cartons of eggs with 30 eggs in each carton. It sold 2/3 of the eggs. How many eggs does it "
     "have left?", "60", "story"),
    # some kept 'for the shop' before the rest is shared; one seat for each parent
    ("Jay picked 7 rows of 12 carrots. He kept 20 carrots for his rabbit and shared the rest equally among 8 "
     "friends. How many carrots did each friend get?", "8", "shared_rest"),
    ("A gym has 9 rows of 25 seats. If 187 parents come to the game, how many seats will be empty?", "38",
     "places_left"),
    ("Raj earns $12 an hour. He worked 5 hours and spent $18 on lunch. How much of his earnings does he have left?",
     "42", "story"),
]

ABSTAINS = [
    # 21 stickers in 5 equal shares is not whole
    "Mia had 25 stickers. She gave away 4 and shared the rest equally among 5 friends. How many stickers did each "
    "friend get?",
    # the question asks about other shares than the ones the story makes
    "Omar had 9 bags of 4 muffins. He ate 6 muffins and shared the rest equally among his 5 cousins. How many "
    "muffins did each friend get?",
    # the link is never needed for the age asked: no plan with a step the question does not ask
    "Max is 9 years old. His sister is 4 years older. How old will Max be in 3 years?",
    # the link is between two people, neither of them the one whose age is said
    "Lia is 14. Her aunt is 3 times as old as her cousin. How old was her aunt 10 years ago?",
    # a relative clause whose amount counts something else than the comparison
    "Pia has 3 times as many shells as Noor, who has 7 stones. How many shells does Pia have?",
    # two taken counts: places for people and crew are not one count
    "A plane has 30 rows of 6 seats. 155 passengers and 6 pilots got on. How many seats are still empty?",
    # a part of something else than the amount before it
    "Ali had 6 bags of 10 apples. He ate 1/5 of the pears. How many apples does he have left?",
    # an age that comes out in parts
    "Pat is 25 years old. He is 2 times as old as his son. How old is his son?",
]


@pytest.mark.parametrize("problem,answer,pattern", PLANNED)
def test_plans_the_chain(problem: str, answer: str, pattern: str) -> None:
    found = solver.plan(problem)
    assert found is not None and found.pattern == pattern
    assert found.answer == Fraction(answer)


@pytest.mark.parametrize("problem", ABSTAINS)
def test_abstains(problem: str) -> None:
    assert solver.plan(problem) is None


def test_shared_rest_steps_name_each_part() -> None:
    found = solver.plan(PLANNED[2][0])
    assert [s.op for s in found.steps][-2:] == ["-", "/"]
    assert "once he kept 14 tomatoes" in found.steps[-2].question
    assert "40 tomatoes shared equally to 5 neighbors" in found.steps[-1].question
    assert found.quantities[-1].text == "5 neighbors"


def test_age_steps_undo_the_link_first() -> None:
    found = solver.plan(PLANNED[4][0])
    assert [(s.op, s.value) for s in found.steps] == [("/", 12), ("-", 9)]
    assert "nephew" in found.steps[0].question and "48" in found.steps[0].question
