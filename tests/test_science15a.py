"""Round 15 (sci15a): where no topic card or verdict decides a science claim, the move comes from the knowledge base's
facts (a part a fact bears out is confirmed and the rest asked for, a named answer a fact describes otherwise is said
not to fit, one side of a difference is described and the other asked for), else from an honest ask in the
question's own terms: never "If "<the whole sentence>" is right, what else would you expect to see?"."""
import pytest

from agent import Tutor, load_index
from common import SessionStore
from science_fallback import honest_start, honest_test, misfit_move, part_move, side_move, two_part_start

FILL_INS = ("what else would you expect to see", "What could you try", "which part of it answers",
            "Which science word have you met", "Does that make")


@pytest.fixture(scope="module")
def kb(science_kb):
    return science_kb


def reply(kb, name: str, message: str) -> dict:
    tutor = Tutor(lambda *_, **__: iter(["«MODEL»"]), retriever=load_index(""), store=SessionStore(":memory:"),
                  knowledge=lambda: kb)
    return list(tutor.respond(name, message, subject="science"))[-1]


def test_an_example_a_fact_bears_out_is_confirmed_as_one_side_and_the_other_side_asked(kb):
    move = part_move("sand and iron filings are a mixture", "What is the difference between a mixture and a compound?",
                     [], kb)
    assert move.text.startswith("The textbook agrees: sand and iron filings are a mixture.")
    assert "an example of a compound" in move.text and move.verdict == "unclear" and move.evidence
    # the student's "I know" is no part of the idea said back, and the guard keeps the agreement (no praise word)
    said = reply(kb, "p1", "What's the difference between a compound and a mixture? I know sand and iron filings are "
                           "a mixture.")
    assert "I know" not in said["text"] and "an example of a compound" in said["text"], said["text"]
    assert said["verdict"] == "ask"


def test_a_claim_that_names_every_topic_term_is_no_part_to_confirm(kb):
    assert part_move("a mixture is not joined but a compound is", "What is the difference between a mixture and a "
                     "compound?", [], kb) is None


def test_a_named_answer_a_fact_describes_otherwise_does_not_fit(kb):
    question = "Which type of rock is made when lava hardens?"
    move = misfit_move("Sedimentary", question, [], kb)
    assert move.text.startswith("Not sedimentary rock: the textbook says \"Sedimentary rocks form from layers")
    assert move.text.endswith("So which type of rock is made when lava hardens?") and move.verdict == "contradicted"
    assert "igneous" not in move.text.lower()  # the fact that names the answer is never shown
    assert misfit_move("Igneous", question, [], kb) is None  # the fact about it fits the description
    # one word of description ("plants") is too little to rule a gas out by a fact that does not name it
    assert misfit_move("carbon dioxide", "Which gas do plants need?", [], kb) is None


def test_one_side_of_a_difference_is_described_and_the_other_asked(kb):
    move = side_move("What's the difference between an atom and a molecule?", [], kb)
    assert move.text.startswith("Start from what the textbook says about an atom:")
    assert move.text.endswith("Which part of that is different for a molecule?") and "molecule" not in move.evidence[0]


def test_two_questions_in_one_are_taken_one_part_at_a_time():
    start = two_part_start("What is static electricity and why does my hair stand up?")
    assert start.startswith("Let's take it one part at a time. First: What is static electricity?")
    assert start.endswith("second part: why does your hair stand up?")
    assert two_part_start("What is the difference between a mixture and a compound?") is None


def test_a_claim_no_fact_decides_is_tested_by_its_shape_in_the_questions_terms():
    described = honest_test("A group of planets", "What is a galaxy?")
    assert described.startswith("Your idea: A group of planets. How would you check that description of a galaxy?")
    reason = honest_test("Because their legs are weak", "Why do bats hang upside down?")
    assert reason == "How does that lead to the fact that bats hang upside down?"  # no "say it as a chain" frame
    cause = honest_test("it's caused by the wind", "What causes ocean currents?")
    assert cause == "How did you work out that it is caused by the wind?"
    job = honest_test("They stop blood flowing backwards", "What are the valves in veins for?")
    assert "if the valves in veins were missing or stopped working" in job
    step = honest_test("The element gets hot", "How does a kettle boil water?")
    assert "Is that the whole answer, or one part of it?" in step
    named = honest_test("Igneous", "What type of rock is marble?")
    assert named.startswith("What makes you pick igneous rock?")
    for text in (described, reason, cause, job, step, named):
        assert not any(f in text for f in FILL_INS) and not text.startswith('If "'), text


def test_a_stuck_student_meets_the_questions_own_form():
    assert honest_start("What is a nebula?", ['"nebula"'], '"What is a nebula"').startswith(
        "Where have you come across a nebula:")
    assert honest_start("What are antibodies for?", ['"antibodies"'], "q").startswith(
        "What would be different without antibodies?")
    named = honest_start("Why are some metals called precious metals?", ['"metals"'], "q")
    assert named.startswith('What does the word "precious" suggest in everyday words?')


def test_the_tutor_never_pastes_the_students_sentence_into_a_fill_in(kb):
    for i, message in enumerate(["What is a quasar? I think it is a kind of planet that glows.",
                                 "What does the appendix do? It helps you digest grass.",
                                 "What kind of rock is pumice? Is it metamorphic?",
                                 "What is a neutron star and why is it so heavy?"]):
        text = reply(kb, f"f{i}", message)["text"]
        assert not any(f in text for f in FILL_INS) and 'If "' not in text, text
