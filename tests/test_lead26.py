"""Session 22, the lead's mends: "24 and a quarter of that is 6" is two steps, not the mixed number 24 1/4, and a
clock time typed with a dot ("11.50 + 10 mins is 12:00") is checked as a clock time, while money with a dot is not."""
from arithmetic_claims import arithmetic_text, claims
from clock_claims import clock_minutes, clock_steps


def test_and_a_quarter_of_that_starts_a_new_step():
    assert "24 1/4" not in arithmetic_text("two thirds of 36 is 24 and a quarter of that is 6")
    assert arithmetic_text("5 and a half take away 2 is 3 and a half") == "11/2-2 is 7/2"
    assert [c.right for c in claims("two thirds of 36 is 24 and a quarter of that is 6")][:1] == [True]


def test_a_time_typed_with_a_dot_is_a_clock_time_when_minutes_are_added():
    assert clock_minutes("11.50") == 710
    [step] = clock_steps("11.50 + 10 mins is 12:00 then 95 more")
    assert step.stated == step.true
    [wrong] = clock_steps("11.50 plus 10 minutes is 12:10")
    assert wrong.stated != wrong.true


def test_money_with_a_dot_is_no_clock_time():
    assert clock_steps("11.50 + 2.25 = 13.75") == []
    assert [c.right for c in claims("11.50 + 2.25 = 13.75")] == [True]
