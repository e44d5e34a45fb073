"""Round 23 of a lesson that holds together: a retold problem whose groups or amounts are said without their nouns
plans (retold._groups_named), so the follower's right answer can be confirmed; a retelling that leaves the noun open
stays unplanned. Every sentence here is new (none from a probe set)."""
from fractions import Fraction

import pytest

import retold
from lesson import plan_of, split_problem


def planned(message: str) -> Fraction | None:
    head, _ = split_problem(message)
    plan = plan_of(head)
    return plan.answer if plan is not None else None


@pytest.mark.parametrize("message, answer", [
    # the group said without its noun after "each"
    ("7 tables and 5 chairs at each one.. how many chairs", None),   # "at each" is no group the reader takes
    ("4 vans and 9 kids in each one how many kids are there", 36),
    ("3 trays with 12 cupcakes on each, how many cupcakes", 36),
    # an amount for each thing said without its noun
    ("ray has 56 stamps and puts 8 for each page, how many pages does he fill", 7),
    ("a chef has 30 potatoes and uses 5 for each pot of soup how many pots", 6),
    # the amount compared against, told last in a clause of its own
    ("mia has 4 times as many shells as leo who has 9. how many shells does mia have", 36),
    ("kai has 15 fewer cards than zoe who has 50 how many cards does kai have", 35),
])
def test_groups_and_amounts_said_without_their_nouns_plan(message: str, answer: int | None) -> None:
    assert planned(message) == (Fraction(answer) if answer is not None else None)


def test_the_noun_filled_in_is_the_groups_and_the_amounts() -> None:
    said = retold.normalised("8 buses and 40 kids on each one how many kids")
    assert "40 kids on each bus" in said
    said = retold.normalised("she has 42 beads and needs 6 for each necklace how many necklaces")
    assert "needs 6 beads for each necklace" in said


def test_an_amount_that_names_the_thing_it_is_for_gets_no_noun() -> None:
    # "uses 3 for each egg": the eggs counted before are what each is for, so no noun fills the amount
    assert "uses 3 eggs" not in retold.normalised("ben has 12 eggs and uses 3 for each egg cup how many cups")
    assert "uses 3 eggs for each egg" not in retold.normalised("ben has 12 eggs and uses 3 for each egg how many")


def test_singular_of_a_group_noun() -> None:
    assert [retold._singular(w) for w in ("boxes", "shelves", "benches", "pages", "buses", "trays", "cities")] == \
        ["box", "shelf", "bench", "page", "bus", "tray", "city"]


@pytest.mark.parametrize("message, answer", [
    # what each group holds, said without its noun
    ("52 fans are going, each bus seats 13. how many buses", 4),
    # the second count said without the noun of the first
    ("he earns 11 dollars an hour and works 5 hours on mon and 3 on tue how much", 88),
    # a bare "how much" of money earned or spent
    ("they earn 7 dollars an hour and work 4 hours how much", 28),
    # a question's "each" said without the thing it counts
    ("5 cousins split a 40 dollar gift card evenly how much does each get", 8),
])
def test_held_amounts_second_counts_and_bare_questions_plan(message: str, answer: int) -> None:
    assert planned(message) == Fraction(answer)


def test_a_bare_how_much_with_no_money_earned_stays_unplanned() -> None:
    # no one earns, spends or pays: what "how much" asks is left open, and nothing plans it
    assert planned("a jug holds 4 liters and a cup 250 ml how much") is None
