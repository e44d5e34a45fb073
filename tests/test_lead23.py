"""Session 19 (lead): one table of unit facts (wordproblem._FACTORS) serves the planner's conversions and the help
request's "i know 1 X is N Y" alike, so a fact the tutor confirms is one the planner converts with."""
from asked_forms import asked_form
from lesson import plan_of
from wordproblem import unit_factor


def form(problem: str, said: str) -> tuple[str, str] | None:
    return asked_form(problem, plan_of(problem), [], said)


def test_a_unit_fact_in_a_help_request_is_confirmed_by_the_planners_own_table():
    problem = "A rope is 3 yards long. How many feet long is the rope?"
    lead, question = form(problem, "i know 1 yard is 3 feet but then what")
    assert lead == "3 feet in a yard." and "3 yards" in question and "9" not in question
    found = form(problem, "i know 1 yard is 4 feet but then what")
    assert found is None or "4 feet" not in found[0]


def test_weeks_in_a_year_is_a_fact_of_the_table_and_metric_names_meet_their_short_forms():
    assert unit_factor("years", "weeks") == 52
    assert unit_factor("meter", "cm") == 100 and unit_factor("kilograms", "grams") == 1000
    problem = "A club meets every week for 2 years. How many weeks does it meet?"
    said = "i know a year is 52 weeks but im stuck"
    found = form(problem, said)
    assert found is not None and found[0] == "52 weeks in a year."
