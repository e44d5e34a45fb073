"""Session 18, right answers and right steps confirmed (issues #22, #26): a result asked to be checked ("63. is that
right?") is still the student's result; counting in equal groups ("72 in 8s is 9") is a division claim checked as
one."""
import agent
from arithmetic_claims import claims, presented_as_answer, results
from fractions import Fraction


def reply(message: str) -> tuple[str, str]:
    tutor = agent.Tutor(lambda *a, **k: iter([""]), retriever=agent.load_index(""))
    final = list(tutor.respond("s", message, "math"))[-1]
    return final["text"], final.get("verdict")


def test_a_result_asked_to_be_checked_is_offered_as_the_answer():
    for text in ("63. is that right?", "63 right?", "63 crayons, is it correct", "63 i think thats it?"):
        assert results(text, claims(text)) == [Fraction(63)], text
        assert presented_as_answer(text, Fraction(63)), text
    assert results("is that right?", []) == []


def test_a_right_total_asked_about_is_confirmed_and_a_wrong_one_is_not():
    problem = "Rosa picked 28 apples and Tim picked 35 apples. How many apples did they pick in all?"
    text, verdict = reply(f"{problem} 63. is that right?")
    assert verdict == "confirm" and text.startswith("Yes, 63")
    text, verdict = reply(f"{problem} 53. is that right?")
    assert verdict == "flag" and "53 is not the answer" in text and "63" not in text


def test_counting_in_equal_groups_is_a_division_claim():
    (right,) = claims("72 in 8s is 9 trays")
    assert right.expression == "72 ÷ 8" and right.right
    (grouped,) = claims("84 in groups of 7 makes 12")
    assert grouped.expression == "84 ÷ 7" and grouped.right
    (wrong,) = claims("56 in 8s is 8")
    assert not wrong.right
    assert claims("we met in 2020s is when") == []


def test_a_group_count_is_checked_not_asked_where_it_came_from():
    problem = ("A class has 72 markers and puts them in trays of 8. Then 2 trays are lent out. "
               "How many trays are left?")
    text, verdict = reply(f"{problem} 72 in 8s is 9 trays")
    assert "72 ÷ 8 = 9" in text and "Which of" not in text and verdict != "flag"
    text, verdict = reply(f"{problem} 72 in 8s is 8 trays")
    assert verdict == "flag" and "72 ÷ 8" in text
