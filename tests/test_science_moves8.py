"""science_catalog.py's naming questions read by their structure (`named_question`: a unit, an instrument, a person,
a part, a superlative, a name) and science_moves.py's moves on them when no topic card fits: a stuck student gets a
concrete question built from what is asked, never the question pasted into a frame; a named answer no fact decides
is checked against what the question describes; a unit is confirmed only when a fact gives it for that quantity.
The check set is tests/fixtures/science_moves8.jsonl (its held-back half, science_moves8_heldback.jsonl, is only
measured, never developed on)."""
from pathlib import Path

import pytest

from common import read_jsonl
from student_message import extract_claim, question_of
from lesson import Facts
from reply_guard import guard_reply
from science_catalog import MISCONCEPTIONS, first_step
from named_questions import named_check, named_help, named_question
from science_moves import science_move
from science_names import named_answer, unit_fact

FIXTURES = Path(__file__).parent / "fixtures"
FRESH8 = [case for _, case in read_jsonl(FIXTURES / "science_moves8.jsonl", ("student_message", "asked", "leak"))]
CIRCUIT = ("In an electric circuit, voltage (V, in volts) is the push that drives charge, current (I, in amperes) is "
           "the rate at which charge flows, and resistance (R, in ohms) opposes the flow.")
# What a teacher's frame with the question pasted in looked like: the move now asks about the question's own thing.
FRAMES = ("What do you already know about \"", "which part of it answers", "does it fit everything", "You named \"",
          "If \"", "is really the cause")


def test_a_naming_question_is_read_by_its_structure():
    unit = named_question("What's the unit of force?")
    assert (unit.kind, unit.noun, unit.description) == ("unit", "force", "the unit of force")
    assert named_question("What unit is energy measured in?").noun == "energy"
    tool = named_question("Which instrument do scientists use to see cells?")
    assert (tool.kind, tool.description) == ("instrument", "the instrument that scientists use to see cells")
    assert named_question("Which vitamin does your skin make in sunlight?").description == \
        "the vitamin that your skin makes in sunlight"  # "does ... make" said as a clause: "your skin makes"
    part = named_question("What part of the eye controls how much light enters it?")
    assert (part.kind, part.noun) == ("part", "the eye")
    assert named_question("Who discovered penicillin?").description == "the one who discovered penicillin"
    most = named_question("What is the name of the star closest to the Earth?")
    assert (most.kind, most.noun, most.head) == ("superlative", "closest", "star")
    assert named_question("What do we call an animal that eats only plants?").description == \
        "an animal that eats only plants"
    for other in ("Why do ice cubes melt?", "What fraction will be white?", "Is a whale a fish or a mammal?",
                  "What is the chemical formula for table salt?", "How does a plant get water?"):
        assert named_question(other) is None, other  # a cause, a number, a choice, a formula, a process


def test_a_stuck_student_on_a_naming_question_gets_a_concrete_question_without_the_name():
    tools = named_help(named_question("Which instrument measures wind speed?"))
    assert tools.startswith("Which instruments have you used or seen") and "that measures wind speed?" in tools
    assert "harder?" in named_help(named_question("What is the hardest natural substance on Earth?"))
    assert "what makes one force bigger than another?" in named_help(named_question("What is the unit of force?"))
    atom = named_help(named_question("What are the three particles that make up an atom?"))
    assert "Which of them are the three particles" in atom  # a list of three, not one


@pytest.mark.parametrize("case", [c for c in FRESH8 if c["expected"] == "ask"], ids=lambda c: c["id"])
def test_a_help_request_without_a_card_asks_about_the_questions_own_thing(case):
    message = case["student_message"]
    question = question_of(message) or message
    move = science_move(question, None, Facts([]))
    assert move.verdict is None and move.text.endswith("?") and guard_reply(move.text, "ask") == move.text
    assert not any(frame in move.text for frame in FRAMES), move.text
    assert not any(word.lower() in move.text.lower() for word in case["leak"]), move.text


@pytest.mark.parametrize("case", [c for c in FRESH8 if c["expected"] == "not_confirm"], ids=lambda c: c["id"])
def test_a_wrong_name_is_checked_against_what_the_question_describes_never_confirmed(case):
    message = case["student_message"]
    question = question_of(message) or message
    move = science_move(question, extract_claim(message, question), Facts([CIRCUIT]))
    assert move.verdict != "supported" and not move.text.lower().startswith("yes"), move.text
    assert not any(word.lower() in move.text.lower() for word in case["leak"]), move.text


def test_a_named_answer_no_fact_decides_is_checked_in_the_questions_terms():
    lens = named_check(named_question("What part of the eye controls how much light enters it?"), "the lens")
    assert lens == ("What is the job of the lens? Does that make the lens the part of the eye that controls how much "
                    "light enters it?")
    assert named_answer("it was Marie Curie") == "Marie Curie" and named_answer("Iron") == "iron"
    assert named_answer("the ampere, amps") == "the ampere" and named_answer("H2O") == "H2O"
    gas = named_check(named_question("Which gas do plants give off?"), "a gas")
    assert gas.startswith("The question already says it is a gas: it asks which one.")


def test_a_fact_that_leaves_out_what_the_part_does_confirms_no_part():
    pupil = ["Light enters the eye through the pupil"]
    question = "What part of the eye controls how much light enters it?"
    assert science_move(question, "the pupil", Facts(pupil)).verdict != "supported"  # the way in, not what controls it
    assert science_move(question, "the iris", Facts(["The iris controls how much light enters the eye."])).verdict \
        == "supported"


def test_an_answer_must_be_named_by_the_fact_beyond_the_questions_own_words():
    water = ["A pH of 7 is neutral, like pure water."]
    assert science_move("What is the pH of pure water?", "the watt", Facts(water)).verdict != "supported"  # "wat"


def test_a_unit_is_confirmed_only_when_a_fact_gives_it_for_that_quantity():
    assert unit_fact("amperes", "electric current", [CIRCUIT]) == CIRCUIT
    assert unit_fact("ohms", "electrical resistance", [CIRCUIT]) == CIRCUIT
    assert unit_fact("volts", "electric current", [CIRCUIT]) is None  # the volt is the push's unit
    assert unit_fact("ohms", "electric current", [CIRCUIT]) is None
    assert unit_fact("joules", "energy", ["Energy is measured in joules."]) is not None
    assert unit_fact("joules", "energy", ["Energy is not measured in joules."]) is None
    # (resistance: current has a topic card of its own now, which confirms amps from the card's idea)
    right = science_move("What is the unit of electrical resistance?", "Ohms.", Facts([CIRCUIT]))
    assert right.verdict == "supported" and right.text.startswith("Yes: ohms.") and right.evidence == [CIRCUIT]
    wrong = science_move("What is the unit of electrical resistance?", "volts", Facts([CIRCUIT]))
    assert wrong.verdict != "supported" and "Does that make volts the unit of electrical resistance?" in wrong.text


def test_no_catalogued_wrong_idea_is_confirmed_as_a_unit():
    units = [science_move(f"What is the unit of {q}?", m.example, Facts([CIRCUIT])) for m in MISCONCEPTIONS
             for q in ("electric current", "electrical resistance")]
    assert not any(move.verdict == "supported" for move in units)


RIBOSOMES = "Ribosomes are tiny parts of a cell that build proteins from amino acids."
def test_a_fact_found_behind_a_quote_judges_the_answer_drawn_from_it():
    """lesson.py keeps the knowledge behind a quote the student brought (`Lesson.known`); the answer they draw from it
    is judged against it even where a search for the answer's own words finds nothing, and a wrong one still is not
    confirmed."""
    question, answer = "What do ribosomes do?", "they build proteins"   # no topic card knows ribosomes
    assert science_move(question, answer, Facts([])).verdict != "supported"
    right = science_move(question, answer, Facts([]), known=[RIBOSOMES])
    assert right.verdict == "supported" and right.evidence == [RIBOSOMES]
    wrong = science_move(question, "they store water for the cell", Facts([]), known=[RIBOSOMES])
    assert wrong.verdict != "supported"


def test_a_yes_or_no_is_never_confirmed_by_the_fact_behind_its_reason():
    mutations = ["A mutation in one gene can cause a disease such as sickle cell anaemia."]
    move = science_move("Are mutations always harmful?", "yes; a mutation in one gene can cause a disease",
                        Facts(mutations))  # a true reason for a wrong answer
    assert move.verdict != "supported" and not move.text.startswith("Yes")
    assert move.text.startswith("The textbook does say that a mutation in one gene can cause a disease. Does that "
                                "make the answer")
    no = science_move("Is the current going into the bulb bigger than coming out?",
                      "no; the current is the same on both sides", Facts([]))
    assert not any(frame in no.text for frame in ('You named "no"', 'You named ""')), no.text


def test_a_why_question_without_a_card_asks_when_it_happens_and_when_not():
    assert first_step("Why do ice cubes melt?", ["ice", "cubes"], '"Why do ice cubes melt"') == \
        "When do ice cubes melt, and when do they not? What is different between those times that could explain it?"
    breath = first_step("Why do I see my breath on cold days?", ["breath"], "the question")
    assert breath.startswith("When do you see your breath on cold days, and when do you not?")
    assert first_step("Why is the sky blue?", ["sky"], "the question").startswith("When is the sky blue, and when is "
                                                                                  "it not?")
    need = first_step("Why do we need to sleep?", ["sleep"], "the question")  # a need has no times without it
    assert not need.startswith("When")


@pytest.mark.parametrize("question, description", [
    ("What are raindrops made of?", None),                     # asks what, not which named thing: no frame
    ("What state of water is steam?", None),                   # no clause to hang on "the state that"
    ("What colour is grass in the middle of winter?", "the colour of grass in the middle of winter"),
    ("Which instrument measures wind speed?", "the instrument that measures wind speed"),
])
def test_a_naming_frame_is_built_only_where_it_reads_as_english(question, description):
    """Written after the session-7 holdout run showed "the bubbles in boiling water made of" and "the colour that is
    blood in veins" (new questions here, none from that split)."""
    named = named_question(question)
    assert (named.description if named else None) == description
