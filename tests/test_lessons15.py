"""Round 15, lessons (#26): a follower's right final answer is recognised however it is said, and a wrong one held
or offered is never taken for a step. A math answer said in the question's own words ("162 books are on the
shelves") is judged like "so the answer is 162"; a number the problem gives, offered as the answer, is a wrong answer
(never a hint as if nothing were said); a flagged step held again ("I still think 10 / 50.") stays flagged instead of
"Yes, 10 is right."; a reading or science claim said as "I still think ..." or "it's called ..." is judged, never
dropped as too short to be an answer."""
import pytest

import agent
import lesson
from problem_text import answer_sentence

LIBRARY = ("A library has 6 shelves with 35 books on each shelf. 48 books are checked out. How many books are on the "
           "shelves now?")
JACKET = "A jacket's price went from $40 to $50. By what percent did the price go up? 10 / 50 = 0.2 so 20%"
FERRY = "A ferry carries 9 cars on each trip. How many trips does it take to carry 117 cars?"
KITE = ("Mia's kite was stuck high in the oak tree. Her little brother Sam climbed onto the fence, stretched as far as "
        "he could, and pulled it free. He tore his sleeve on a branch, but he handed the kite back to Mia with a grin."
        "\n\nWhat does Sam's climb show about him?")


def silent(*_, **__):
    """A model that writes nothing: every reply is the tutor's own move or template."""
    return iter(())


def play(subject: str, messages: list[str]) -> list[dict]:
    tutor = agent.Tutor(silent)
    return [list(tutor.respond("s", m, subject))[-1] for m in messages]


@pytest.mark.parametrize("message, value", [
    ("162 books are on the shelves", 162), ("there are 162 books on the shelves now", 162),
    ("162 books left on the shelves", 162), ("48 books are checked out", None),   # a given restated: no answer
    ("210 - 48 = 162", None), ("162 books on the shelves?", None), ("6 shelves and 35 books", None),
])
def test_an_answer_said_in_the_questions_words_is_read(message, value):
    assert answer_sentence(message, LIBRARY) == value


@pytest.mark.parametrize("final, verdict, kind", [
    ("162 books are on the shelves", "confirm", "final_right"),
    ("172 books are on the shelves", "flag", "final_wrong"),
    ("so the answer is 35 books", "flag", "final_wrong"),   # a given number offered as the answer
])
def test_a_follower_s_final_answer_in_a_sentence_is_judged(final, verdict, kind):
    last = play("math", [LIBRARY, "6 x 35 = 210", final])[-1]
    assert last["verdict"] == verdict and (kind == "final_right") == (last["stage"] == "summary")
    assert ("Yes" in last["text"]) == (verdict == "confirm")


def test_a_given_number_offered_as_the_answer_is_flagged_a_bare_one_is_not():
    assert play("math", [FERRY, "The answer is 9 trips."])[-1]["verdict"] == "flag"
    assert play("math", [FERRY, "9 trips are needed"])[-1]["verdict"] == "flag"   # the question's words: offered
    assert play("math", [FERRY, "9 cars on each trip"])[-1]["verdict"] == "none"   # a given restated: no answer
    assert play("math", [FERRY, "117 cars"])[-1]["verdict"] != "confirm"


def test_a_flagged_step_held_again_stays_flagged_until_the_right_step():
    first, held, again, right = play("math", [JACKET, "I still think 10 / 50.", "I still think 10 / 50",
                                              "10 / 40 = 0.25"])
    assert first["verdict"] == held["verdict"] == again["verdict"] == "flag"
    assert held["text"].startswith("10 / 50 is still the step") and "$40" in held["text"]
    assert "right" not in held["text"].lower() and held["text"] != again["text"]   # no third same reply
    assert right["verdict"] == "confirm"


def test_held_again_needs_the_flagged_numbers():
    def flagged() -> lesson.Lesson:
        return lesson.Lesson(problem=JACKET, flagged="10 / 50 = 0.2 so 20%", flag_asked=["flag", "What of $40?"])
    step = lesson.Move("confirm", "Yes, 10 ÷ 40 = 0.25 is right.", "Next?", kind="step_right")
    state = flagged()
    assert lesson.held_again(state, "I still think 10 / 40.", step) is step   # a new number: their own new step
    assert not state.flagged   # and a confirmed step forgets the flag
    assert lesson.held_again(flagged(), "10 / 50 = 0.2", step) is step   # no holding words
    kept = lesson.held_again(flagged(), "I'm sure it's 20%", step)
    assert (kept.verdict, kept.question) == ("flag", "What of $40?") and kept.lead.startswith("20% is still")


def test_a_short_claim_held_again_is_judged_not_dropped():
    state = lesson.Lesson(problem=KITE)
    held = lesson.grounded_move(state, "reading", "I still think he was bored")
    assert held is not None and held.verdict in ("ask", "flag") and held.verdict != "confirm"


@pytest.mark.parametrize("said, confirmed", [
    ("it's called friction", True), ("it is called friction", True), ("it's called gravity", False),
])
def test_a_name_said_as_its_called_is_judged_by_the_name(said, confirmed):
    facts = lesson.Facts(["Friction is a force that slows down a sliding object and opposes its motion."])
    state = lesson.Lesson(problem="What is the name of the force that slows down a sliding box?")
    move = lesson.grounded_move(state, "science", said, facts)
    assert (move.verdict == "confirm") == confirmed


def test_a_negative_result_of_an_earlier_step_is_known_when_used_in_brackets():
    """"(-27) - (-8)": the -27 and -8 are the student's own results, never numbers from nowhere."""
    *_, last = play("math", ["Evaluate (-3)³ - 4 × (-2).", "(-3) * (-3) * (-3) = -27", "4 * (-2) = -8",
                             "(-27) - (-8) = -19, so the answer is -19."])
    assert (last["verdict"], last["stage"]) == ("confirm", "summary")


def test_the_sentences_a_reply_points_to_are_remembered_with_their_named_neighbour():
    passage = ("Rain and Roots\n\nThe storm lasted three days. The river rose over its banks. Farmers moved their "
               "cows to the hill. When the water went down, the fields were covered in rich mud. The next spring, "
               "the corn grew taller than ever.")
    _, sentences, where = lesson.passages.body(passage)
    text = ('Look at the sentence that begins "When the water went...", and the sentence just after it. Then read '
            "the second sentence of the passage.")
    assert lesson.pointed_at(text, sentences, where) == [sentences[3], sentences[4], sentences[1]]
    assert lesson.pointed_at("What does the passage say about the corn?", sentences, where) == []
