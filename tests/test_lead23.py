"""Session 19 (lead): one table of unit facts (wordproblem._FACTORS) serves the planner's conversions and the help
request's "i know 1 X is N Y" alike, so a fact the tutor confirms is one the planner converts with."""
import reading
from asked_forms import asked_form
from evidence import conflicts
from lesson import plan_of
from tests.test_mathconf16 import reply_to
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


def test_how_to_work_a_step_of_the_plan_takes_it_into_parts_and_leaves_the_result():
    sale = "A jacket costs $120. It is on sale for 25% off. What is the sale price?"
    lead, question = form(sale, "how do i do 25% of 120")
    assert "1/4" in lead and "120 split into 4 equal parts" in question
    assert not any(n in f"{lead} {question}" for n in ("30", "90"))
    lead, question = form("A coat costs $80. It is 15% off. What is the sale price?", "how do i find 15% of 80")
    assert lead.startswith("15% is 10% and 5%") and "12" not in question and "68" not in question
    lead, question = form("96 players are split into teams of 8. How many teams are there?",
                          "how do you do 96 divided by 8")
    assert (lead, question) == ("96 is 80 and 16.", "How many 8s are in 80, and how many in 16?")
    lead, question = form("A school had 500 books. It gave away 187 of them. How many books are left?",
                          "how do i do 500 - 187")
    assert "500 − 180" in question and "313" not in question


def test_how_to_work_a_step_the_plan_does_not_have_is_still_questioned():
    rows = "A farm has 23 rows of 18 trees. How many trees are there?"
    lead, question = form(rows, "how do i work out 23 + 18")
    assert "equal groups" in question and "41" not in f"{lead} {question}"
    said = "is it 25% of 120"   # a proposal, not a how-question: still judged as a first step
    assert "first step" in form("A jacket costs $120. It is on sale for 25% off. What is the sale price?", said)[0]


def test_the_opposite_process_under_another_condition_does_not_contradict_a_claim():
    melts = "Ice, a solid, melts into water when it warms up."
    assert not conflicts("it freezes and turns into ice which is a solid", melts)
    assert conflicts("ice freezes when it warms up", melts)     # the fact's own case, the opposite process
    assert conflicts("metals contract when heated", "Metals expand when heated.")
    assert conflicts("ice sinks in water", "Ice floats on water because it is less dense.")   # no case: a fact of all


KITCHEN = ("My grandmother's kitchen was always loud. Pots banged and the radio sang old songs while she cooked. "
           "When I was ten, I was bored by her long stories about the old country. I hid in my room and read comics. "
           "Now I live far away, and I miss her voice every single day. I play her old songs while I cook and I smile.")


def test_a_feeling_asked_now_is_not_confirmed_by_a_line_the_narrator_remembers():
    now = reading.reading_move(KITCHEN, "How does the narrator feel about her grandmother now?", "She is bored.")
    assert now.verdict != "supported" and not now.text.startswith("Yes") and "When I was ten" not in now.text
    then = reading.reading_move(KITCHEN, "How did the narrator feel about the stories when she was ten?", "bored")
    assert then.verdict == "supported" and "When I was ten" in then.text


def test_a_division_with_a_remainder_is_asked_what_the_remainder_means_not_counted_on_as_a_decimal():
    text = reply_to("Each tent sleeps 6 campers and 45 campers are coming. How many tents do they need? "
                    "45 ÷ 6 = 7 r 3 so 7 tents")["text"]
    assert "7.5" not in text and not text.startswith("Right") and ("left over" in text or "7 R 3" in text)
    typed = reply_to("each van holds 8 kids and 45 kids are going on the trip, how many vans. 45 ÷ 8 = 5 r 5 so 5 vans")
    assert "5.625" not in typed["text"] and "5 R 5 stand for" in typed["text"]


def test_a_feeling_said_as_a_verb_is_named_as_what_is_felt():
    move = reading.reading_move(KITCHEN, "How does the narrator feel about her grandmother now?", "She misses her.")
    assert "feels misses" not in move.text and "felt misses" not in move.text
    hates = reading.reading_move(KITCHEN, "How did the narrator feel about the stories when she was ten?",
                                 "she hates them")
    assert "felt hates" not in hates.text and "feels hates" not in hates.text
