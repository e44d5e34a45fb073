"""Round 18 (scikey18): an answer told in stages of a known process (data/science_sequences.jsonl) is judged stage by
stage and in order: confirmed whole with the order recapped, credited in order with the missing stage asked for (never
named), flagged at the first pair said the wrong way round; a part that is no stage, a detail false of its stage, a
denial or "before"/"after" leave it to the fact checks. Never endorsed when wrong."""
import pytest

from reply_guard import guard_reply, praises
from science_decides import reason_move
from science_moves import science_move
from science_stages import SEQUENCES, sequence_for, stage_move


@pytest.fixture(scope="module")
def kb(science_kb):
    return science_kb


def test_every_sequence_requires_stages_it_has():
    for sequence in SEQUENCES:
        assert set(sequence.required) <= {stage.name for stage in sequence.stages}, sequence.topic


def test_a_whole_water_cycle_in_everyday_words_is_confirmed_with_its_order():
    move = stage_move("How does water in a pond end up coming down as rain again?",
                      "the sun heats it so it evaporates, next it turns into clouds, then it comes down as rain")
    assert move.verdict == "supported"
    assert move.text.startswith("Yes: ")
    assert "evaporation, then condensation, then precipitation" in move.text


def test_stages_in_order_with_one_missing_are_credited_and_the_missing_one_asked_not_named():
    move = stage_move("How does water from a river end up falling as rain?",
                      "first it evaporates and then it condenses to make clouds")
    assert move.verdict == "supported"
    assert "evaporation, then condensation" in move.text
    assert "precipitation" not in move.text.lower() and "rain" not in move.text.lower()
    # a right part is credited ("Yes: ...", round 19) and the answer is still to find: one stage is still missing
    assert move.text.startswith("Yes: ") and not any(praises(s) for s in move.text.split(". ")[1:])
    assert "still missing" in move.text


def test_a_wrong_order_is_flagged_at_the_pair_said_the_wrong_way_round():
    move = stage_move("In what order does food travel through the digestive system?",
                      "mouth, then stomach, then oesophagus, then small intestine, then large intestine")
    assert move.verdict == "contradicted"
    assert "\"stomach\" comes before \"oesophagus\"" in move.text
    assert "Up to the mouth, your order matches the textbook." in move.text


def test_a_cycle_may_be_told_from_any_stage_and_close_where_it_began():
    move = stage_move("Describe the route blood takes around the body.",
                      "from the lungs it goes to the left side of the heart, then round the body, then back to the "
                      "right side and on to the lungs again")
    assert move.verdict == "supported"


def test_a_butterfly_life_cycle_with_a_swapped_stage_is_never_endorsed():
    move = stage_move("What are the stages in the life cycle of a moth?", "egg, cocoon, caterpillar, moth")
    assert move.verdict == "contradicted"


@pytest.mark.parametrize("question, claim", [
    ("What path does food take through the digestive system?", "mouth, stomach, liver, then large intestine"),
    ("What are the stages of photosynthesis?", "the light reactions turn carbon dioxide into sugar, then the "
                                                "Calvin cycle happens"),
    ("How does water from the sea end up falling as rain?", "it doesn't evaporate, it condenses and rains"),
    ("How does water from the sea end up falling as rain?", "it condenses into clouds after it evaporates"),
    ("How does water from the sea end up falling as rain?", "it rains"),  # one stage, not the first: the facts'
])
def test_parts_that_are_no_stage_denials_and_turned_order_are_left_to_the_fact_checks(question, claim):
    assert stage_move(question, claim) is None


def test_a_question_of_another_kind_has_no_sequence():
    assert sequence_for("Why does ice float on water?") is None
    assert sequence_for("What does the stomach do?") is None


def test_science_move_confirms_stages_a_single_fact_cannot(kb):
    move = science_move("How are sedimentary rocks formed? sand gets deposited in layers, then the layers are "
                        "squashed down and cemented together", "sand gets deposited in layers, then the layers are "
                        "squashed down and cemented together", kb)
    assert move.verdict == "supported"
    move = science_move("How does sea water become rain?", "it condenses first and then it evaporates", kb)
    assert move.verdict == "contradicted"


LEVELS = ("Only about a tenth of the energy at one level of a food chain passes on to the next level, so there are "
          "usually fewer animals at the top of a food chain than at the bottom.")


def test_a_comparison_question_meets_the_general_outcome_it_is_a_case_of():
    move = reason_move(None, "Why are there fewer owls than mice in a wood?", [LEVELS])
    assert move.text.startswith("The textbook explains this with the energy at one level of a food chain.")
    assert "tenth" not in move.text and "passes on" not in move.text
    # another comparison on the same scale that is no case of it, and a question that compares nothing
    assert reason_move(None, "Why are there fewer bubbles in cold lemonade than in warm lemonade?", [LEVELS]) is None
    assert reason_move(None, "Why do owls hunt at night?", [LEVELS]) is None


def test_a_cause_that_names_the_reasons_thing_is_asked_for_the_link_never_confirmed():
    move = reason_move("because the energy gets used up by each animal so the owls get less",
                       "Why are there fewer owls than mice in a wood?", [LEVELS])
    assert move.verdict == "unclear" and "link" in move.text and "tenth" not in move.text
    mercury = "Mercury has almost no atmosphere to trap heat, so the heat of its long day escapes into space at night."
    assert reason_move("because its atmosphere is thick", "Why does Mercury's heat escape at night?", [mercury]) is None


def test_one_stage_is_the_whole_answer_only_where_the_question_asks_for_it():
    asked = "In the water cycle, how does water from a lake get up into the air?"
    move = stage_move(asked, "evaporation: the sun warms it and it turns into water vapour")
    assert move.verdict == "supported" and "That is evaporation." in move.text
    assert stage_move("How does water from a lake end up falling as rain?", "it rains") is None
    late = stage_move(asked, "it condenses into clouds")
    assert late.verdict == "contradicted" and "comes later in the water cycle" in late.text


def test_the_first_stage_alone_is_credited_as_one_stage_and_the_next_asked():
    move = stage_move("How do fossils form?", "the fish gets covered by sand")
    assert move.verdict == "supported" and move.text.startswith("Yes: burial, the first stage.")
    assert "bones" in move.text and "mineral" not in move.text
    move = stage_move("Describe the path blood takes through the heart and lungs.", "it enters the right atrium")
    assert "Where does the blood go to pick up oxygen?" in move.text
    assert guard_reply(move.text, "confirm") == move.text   # no label the reply guard would strip


def test_a_stage_told_with_its_substance_between_the_words_is_read():
    move = stage_move("How does lake water get up into the sky?", "the Sun's heat changes the lake water into vapour")
    assert move.verdict == "supported" and "That is evaporation." in move.text
    assert move.text.startswith("Yes: the Sun's heat")   # the student's words, no "So the answer is" lead
    assert stage_move("How does lake water get up into the sky?", "So the answer is it evaporates").text.startswith(
        "Yes: it evaporates.")
