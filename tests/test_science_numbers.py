"""science_numbers.py: a one-formula science question read from its quantities and units, and the student's number
checked exactly against it. The messages are authored here (none from the dev set): a right result is confirmed
with its units, a wrong one named as the operation of the given numbers it is (only when it is exactly one), a
missing or wrong unit questioned, a stuck student told what the relation means in the problem's own quantities."""
import re

from agent import Tutor
from lesson import Facts
from reply_guard import guard_reply
from science_numbers import FORMULAS, UNITS, number_move, operation, quantities, read_problem, relation

SPEED = "A cyclist rides 45 km in 3 hours. What is her average speed?"


def test_every_formula_is_read_by_its_units_and_has_words_for_its_relation():
    symbols = {symbol for symbol, *_ in UNITS}
    for f in FORMULAS:
        assert set(f.units) <= symbols and f.result in symbols, f.topic
        places = {int(i) for i in re.findall(r"\{\D*(\d)\}", f.relation)}   # {0}, {n1}, {one1}: givens in order
        assert places and max(places) < len(f.units) and f.relation.endswith("?") and f.next.endswith("?"), f.topic
    assert [q.unit for q in quantities("6 hours, 20 cm3, 3 m/s², 4 ohms, 2 A, 9.5 kg m/s, 5 g/cm³")] == \
        ["h", "cm³", "m/s²", "Ω", "A", "kg m/s", "g/cm³"]
    assert quantities("A car goes 5 miles") == [] and quantities("a 3-sided shape") == []


def test_a_problem_is_read_only_when_its_quantities_fit_one_formula():
    reading = read_problem(SPEED)
    assert reading.formula.topic == "speed" and reading.value == 15 and reading.formula.result == "km/h"
    assert read_problem("A car travels 100 m at 20 m/s. How long does it take?").value == 5   # time, rearranged
    assert read_problem("A 4 kg box is pushed with 12 N. What is its acceleration?").value == 3
    for unread in ("A cyclist rides 45 km in 3 hours, then 10 km more. What is her average speed?",   # two distances
                   "A cyclist rides 45 km in 3 hours with 2 friends. What is her average speed?",   # a stray number
                   "A cyclist rides 45 km in 3 hours. What is her average speed in m/s?",   # a conversion
                   "A cyclist rides 45 km in 30 minutes. What is her average speed?",   # km per minute: no record
                   "A cyclist rides 45 km in 3 hours. How much energy does she use?",   # no formula asked
                   "A stone is thrown up at 15 m/s. How long does it take to rise 10 m?"):   # no steady speed
        assert read_problem(unread) is None, unread


def test_a_right_result_is_confirmed_with_its_working_and_units():
    move = number_move(SPEED, "I got 15 km/h")
    assert (move.verdict, move.kind) == ("confirm", "final_right")
    assert move.text.startswith("Yes: 45 km ÷ 3 h = 15 km/h.") and move.text.endswith("?")
    assert number_move("A 4 kg box is pushed with 12 N. What is its acceleration?", "12/4 = 3 m/s2").verdict == \
        "confirm"
    assert number_move("A heater uses 3000 J in 60 s. What is its power?", "50 J/s").kind == "final_right"
    for said in ("15 km per hour", "15 kilometres an hour", "15 kph"):   # the unit in words is the unit
        assert number_move(SPEED, said).kind == "final_right", said


def test_a_missing_or_wrong_unit_is_questioned_and_the_number_confirmed():
    missing = number_move(SPEED, "15")
    assert missing.verdict == "confirm" and "15 what?" in missing.text and "km ÷ h" in missing.text
    wrong = number_move("What does a 6 kg dog weigh where g = 10 N/kg?", "60 kg")
    assert wrong.verdict == "confirm" and wrong.kind != "final_right"
    assert "kg measures mass, and the weight is a force: what is a force measured in?" in wrong.text
    for converted in ("4.2 m/s", "15000 m/h"):   # another unit of the same quantity: no conversion checked here
        assert number_move(SPEED, converted) is None, converted


def test_a_wrong_result_is_named_as_the_operation_it_is_only_when_it_is_one():
    times = number_move(SPEED, "135 km/h")
    assert times.verdict == "flag" and times.text.startswith("135 km/h comes from 45 km × 3 h, the distance times "
                                                             "the time. Speed is the distance covered in each 1 hour")
    assert "if 3 hours cover 45 km" in times.text and "15" not in times.text   # the answer never said
    flipped = number_move("A bottle holds 250 mL of oil with a mass of 200 g. What is the oil's density?", "1.25")
    assert "1.25 comes from 250 mL ÷ 200 g, the volume divided by the mass" in flipped.text
    added = number_move("A 5 kg trolley has a net force of 20 N on it. What is its acceleration?", "25")
    assert "25 comes from 20 N + 5 kg, the force plus the mass" in added.text
    odd = number_move(SPEED, "12 km/h")
    assert odd.verdict == "flag" and odd.text.startswith("12 km/h is not the speed here.") and "comes from" not in \
        odd.text
    assert operation(4, read_problem("A 2 kg ball moves at 2 m/s. What is its momentum?").given) is None  # 2×2, 2+2


def test_a_stuck_student_hears_the_relation_then_the_rule_and_a_planned_one_is_left_to_the_planner():
    problem = "A crate weighing 30 N rests on a base of 0.2 m². What pressure does it put on the ground?"
    first = number_move(problem, "I don't know")
    assert first.verdict == "none" and first.text == ("Pressure is the force on each 1 m²: if 30 N press on 0.2 m², "
                                                     "how many newtons press on each 1 m²?")
    second = number_move(problem, "still stuck", said=first.text)
    assert second.text.startswith("Here is the rule: pressure = force ÷ area.") and "30 N ÷ 0.2 m²" in second.text
    assert number_move(problem, "no idea", said=second.text) == first   # the two in turn, neither thrice running
    assert number_move(SPEED, "how do I start", planned=True).text.startswith("Speed is the distance covered in each")
    assert number_move(SPEED, "how do I start", planned=True, said=relation(read_problem(SPEED))) is None  # the plan
    ohm = "A 9 V cell drives a current through a 3 ohm lamp. What current flows?"
    assert number_move(ohm, "3 A").kind == "final_right" and number_move(ohm, "9/3").kind == "hint"   # a given
    rock = "A rock of mass 500 g has a volume of 200 cm³. What is its density?"
    assert number_move(rock, "is it 2.5 kg").lead == "Yes, 2.5 is the right number for 500 g ÷ 200 cm³."
    for move in (first, second, number_move(SPEED, "135 km/h")):
        assert guard_reply(move.text, move.verdict) == move.text   # the reply guards keep every word


def test_the_tutor_checks_a_science_students_number_and_closes_on_a_right_one():
    tutor = Tutor(lambda *a, **k: iter(()), knowledge=lambda: Facts([]))
    opening = list(tutor.respond("n", "A kettle heater runs at 2 A on a 230 V supply. What is its power?",
                                 subject="science"))[-1]
    assert opening["text"].startswith("Power is voltage times current: each amp at 230 V carries 230 J every second")
    wrong = list(tutor.respond("n", "115 W", subject="science"))[-1]
    assert wrong["verdict"] == "flag" and wrong["text"].startswith("115 W comes from 230 V ÷ 2 A")
    right = list(tutor.respond("n", "460 W", subject="science"))[-1]
    assert right["verdict"] == "confirm" and right["text"].startswith("Yes: 230 V × 2 A = 460 W.")
    assert not re.search(r"\b460\b", opening["text"] + wrong["text"])


def test_a_right_first_step_of_a_three_factor_formula_is_confirmed_not_flagged():
    lift = "A 3 kg box is lifted 2 m. Use g = 10 N/kg. How much potential energy does it gain?"
    step = number_move(lift, "3 x 10 = 30 N is its weight")
    assert step.verdict == "confirm" and step.text == ("Yes: 3 kg × 10 N/kg = 30 checks out. Next: where does the 2 m "
                                                       "in the question come in?")
    assert number_move(lift, "60 J").kind == "final_right"
    assert number_move(lift, "600 J").verdict == "flag"
    offered = number_move(lift, "it gains 30 J")   # the right weight offered as the energy is no right step
    assert offered.verdict == "flag" and "checks out" not in offered.text, offered.text


def test_a_unit_conversion_is_checked_against_the_ratio_of_its_units():
    pond = "A pond is 0.4 km across. How many metres is that?"
    assert number_move(pond, "400 m").text.startswith("Yes: 1 km = 1000 m, so 0.4 km = 400 m.")
    wrong = number_move(pond, "40 m")
    assert wrong.verdict == "flag" and wrong.text == ("40 m comes from 0.4 × 100. How many metres make 1 kilometre? "
                                                      "Then how many metres do 0.4 km make?")
    assert number_move("What is 7200 s in hours?", "120").text.startswith("120 comes from 7200 ÷ 60.")
    assert number_move("What is 7200 s in hours?", "I forget").text.startswith("How many seconds make 1 hour?")
    assert number_move("What is 7200 s in hours?", "I forget", planned=True) is None
    assert number_move("A 2 kg rock falls 10 m in 2 s. How many metres does it fall?", "10") is None


def test_the_answer_to_the_unit_question_closes_the_lesson_or_is_named():
    heater = "A heater uses 3000 J in 60 s. What is its power?"
    asked = number_move(heater, "50").text
    for right in ("watts", "J/s", "it's W"):
        assert number_move(heater, right, said=asked).text.startswith("Yes: 3000 J ÷ 60 s = 50 W."), right
    assert number_move(heater, "joules", said=asked).text == "Not quite: J measures energy. Which unit measures power?"
    assert number_move(heater, "joules").kind == "hint"   # no unit question asked: a unit word is no answer yet
