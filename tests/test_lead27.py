"""Lead mends of session 23: a step on a number's size is never read as the problem's number below zero."""
from fractions import Fraction

import agent
from classroom import CaseStudent, run_lesson
from local_step import amounts
from problem_text import given_numbers
from sentence_questions import found_event


def stub_chat():
    """The tutor with a silent model: every reply is the code's own move."""
    tutor = agent.Tutor(lambda *a, **k: iter([""]))

    def chat(session: str, message: str, subject: str) -> tuple[str, list[dict]]:
        events = list(tutor.respond(session, message, subject=subject))
        return events[-1]["text"], events
    return chat


def test_a_number_below_zero_keeps_its_sign() -> None:
    read = amounts("The pond was -8 C at dawn and 6 C by noon. How many degrees warmer was it at noon?")
    assert [a.value for a in read] == [Fraction(-8), Fraction(6)]
    # a range ("9-14 beads") is two counts, never a negative one
    assert [a.value for a in amounts("Each kit holds 9-14 beads. Ana uses 5. How many kits?")][:2] == [9, 14]


def test_a_repeated_step_that_drops_the_sign_is_never_praised() -> None:
    case = {"id": "lead27-sign", "subject": "math", "kind": "wrong_attempt", "problem": "", "passage": None,
            "student_message": "a cave was -15 m below the path and the ledge is 4 m above it. how far is it from the "
                               "cave to the ledge. 15 - 4 = 11",
            "attempt": "15 - 4 = 11", "answer": "19 m", "steps": [{"text": "distance", "expr": "4 - (-15)",
                                                                   "value": "19"}]}
    lesson = run_lesson(stub_chat(), CaseStudent("misconception", case), turns=4)
    replies = [m["content"] for m in lesson["transcript"] if m["role"] == "tutor"]
    assert not lesson["endorsed"], replies
    assert not any(r.startswith("Right, 15") for r in replies), replies


def test_a_decimal_over_a_number_is_a_division_never_a_crash() -> None:
    chat = stub_chat()
    chat("t", "a meal costs $40 and the tax is 8.5%. how much is the tax", "math")
    reply, events = chat("t", "Tax: 40 * 8.5/100 = 3.4", "math")
    assert not any(e.get("type") == "error" for e in events), events
    assert "3.4" in reply and "went wrong" not in reply


def test_a_part_is_never_confirmed_as_a_total_or_a_rest_typed_without_an_apostrophe() -> None:
    chat = stub_chat()
    chat("r", "ratio of red to blue beads is 3:4 and there are 12 blue beads how many beads total", "math")
    chat("r", "Beads in one part: 12 / 4 = 3.", "math")
    reply, _ = chat("r", "Red beads: 3 * 3 = 9.", "math")
    assert not reply.startswith("Yes, 9"), reply
    chat("w", "32 kids in grade 4 and 5/8 ride the bus. how many dont ride the bus", "math")
    chat("w", "One eighth: 32 / 8 = 4.", "math")
    reply, _ = chat("w", "Bus riders: 4 * 5 = 20.", "math")
    assert not reply.startswith("Yes, 20"), reply
    reply, _ = chat("w", "32 - 20 = 12, so the answer is 12 kids.", "math")
    assert reply.startswith("Yes, 12"), reply


def test_a_time_word_after_an_amount_is_not_its_name() -> None:
    assert given_numbers("a scooter was $80 last spring and went up by 10%.")[0] == (80, "$80")


def test_a_moment_in_the_students_words_is_said_unquoted_with_its_place() -> None:
    sentences = ["Nia ran with the kite.", "Nia held the string, then handed it to Theo.", "Theo ran the wrong way."]
    assert found_event("Theo got the string in the story", sentences, 1) == \
        "Find the second sentence of the passage, where Theo got the string"


def test_a_rate_found_first_is_no_units_slip_where_a_time_is_asked() -> None:
    reply, _ = stub_chat()("p", "A pump empties a 240-litre pond in 16 minutes. A second pump works 5 litres per minute "
                                "faster. How long would the second pump take? 240 / 16 = 15 litres a minute", "math")
    assert "The question asks for a time" not in reply and "makes litres" not in reply, reply
