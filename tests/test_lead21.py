"""Session 17 lead: a decimal point put in the wrong place named by the claim's own shape (claim_slips.py); clock
times taken away as decimals; a third-person bus in a problem; like cases that share a property; one chat table for
typed questions (text_words.written_out, without_chat)."""
import agent
from arithmetic_claims import claims
from claim_slips import point_slip, wrong_claim_words
from evidence import key_terms
from lesson import split_problem
from reading_asks import asked_only
from science_decides import like_thing
from text_words import without_chat, written_out


def only(text: str):
    (claim,) = claims(text)
    return claim


def test_a_product_off_by_a_power_of_ten_asks_the_place_rule():
    lead, question = point_slip(only("0.6 × 0.7 = 4.2"))
    assert "decimal point" in lead and "0.6 and 0.7" in question and "0.42" not in lead + question


def test_a_quotient_off_by_a_power_of_ten_is_multiplied_back():
    lead, question = point_slip(only("4.8 ÷ 0.6 = 0.8"))
    assert question == "Multiply back: what is 0.8 × 0.6? Is it 4.8?"


def test_other_wrong_claims_are_not_point_slips():
    assert point_slip(only("0.4 × 0.3 = 0.13")) is None          # not a power of ten away
    assert point_slip(only("4 × 30 = 12")) is None               # no decimal written
    assert point_slip(only("0.5 + 0.25 = 7.5")) is None          # a sum: places line up, no product rule
    assert point_slip(only("0.4 × 0.3 = 0.12")) is None          # right
    assert wrong_claim_words(only("2/5 + 1/2 = 3/7"))[0].startswith("Check 2/5 + 1/2 again")


def test_the_tutor_flags_the_point_and_keeps_the_answer():
    tutor = agent.Tutor(lambda *a, **k: iter([""]))
    events = list(tutor.respond("s", "what is 2.5 x 0.3? i got 7.5", subject="math"))
    final = events[-1]
    assert final["verdict"] == "flag" and "decimal places" in final["text"] and "0.75" not in final["text"]


def reply(message: str, subject: str = "math") -> dict:
    return list(agent.Tutor(lambda *a, **k: iter([""])).respond("s", message, subject=subject))[-1]


def test_a_third_person_bus_or_class_in_the_problem_is_the_problems_not_the_students():
    problem = "The ferry leaves at 8:50 and gets there at 10:05. How many minutes is the crossing?"
    assert split_problem(f"{problem} 75 minutes") == (problem, "75 minutes")
    assert split_problem(f"{problem} 10.05 - 8.50 = 1.55") == (problem, "10.05 - 8.50 = 1.55")
    final = reply(f"{problem} 75 minutes")
    assert final["verdict"] == "confirm" and "75 minutes is right" in final["text"]
    # the student's own hurry is still theirs, and the problem is what is left
    assert split_problem("my bus leaves in 10 min. A pack has 8 pens. How many pens in 3 packs?") \
        == ("A pack has 8 pens. How many pens in 3 packs?", "my bus leaves in 10 min.")


def test_clock_times_taken_away_with_their_colons_as_if_decimals_are_flagged():
    final = reply("practice starts at 3:50 and ends at 5:25. how long is practice? 5:25 - 3:50 = 1:75")
    assert final["verdict"] == "flag" and "60 minutes, not 100" in final["text"] and "Count on from 3:50" in final["text"]
    assert "1:35" not in final["text"] and "95" not in final["text"]


def test_a_clock_time_written_as_a_decimal_is_no_foreign_number():
    final = reply("the show starts 6:40 ends 8:15 how long. 8.15 - 6.40 = 1.75")
    assert "Where does the" not in final["text"] and "60 minutes, not 100" in final["text"]


def test_a_like_case_shares_a_property_not_a_material():
    assert like_thing("Why does ice melt faster on a black plate?", "black clothes get hot in the Sun")
    assert not like_thing("why does burnt steel wool weigh more?", "a steel ball sinks, but a steel ship floats")


def test_one_chat_table_writes_out_a_typed_question_but_never_a_quoted_line():
    assert written_out("y r leaves green bc of chlorophyll") == "why are leaves green because of chlorophyll"
    assert written_out("what does 'Sentiment doesn't pay the bill' mean bc idk") \
        == "what does 'Sentiment doesn't pay the bill' mean because idk"
    assert without_chat("idk why do cats purr lol") == "why do cats purr"
    assert asked_only("why r the doors underwater tho", ["The doors were underwater."]) == "why are the doors underwater"
    assert "lol" not in key_terms("why do cats purr lol") and "idk" not in key_terms("idk why do cats purr")
