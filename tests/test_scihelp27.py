"""Session 23 (scihelp27): science help requests read by their structure. Two or three things named side by side
("xylem phloem which one ..."), "are they the same", "is it X or Y for ..." get one feature that tells them apart;
"i get X but then what" gets the stage after X; "isnt X? then why Y" and "why cant i just X" get their own first
step, never "What do you know about ... so far?"; a word ending in "right?" is no check of the student's."""
from lesson import Facts, split_problem
from science_contrast import asked_pair, contrast_move, pair_asked
from science_fallback import honest_start, objection_start, shortcut_start
from science_stages import known_part, next_stage_move
from student_message import CHECKING, objection_joined

ROCKS = Facts(["Igneous rock forms when melted rock cools and hardens.",
               "Fossils are often found in layers of rock laid down long ago.",
               "Pressure and heat deep underground can change one kind of rock into another."])


def test_things_named_side_by_side_are_a_pair():
    pair = asked_pair("xylem phloem which one carries sugar")
    assert (pair.x, pair.y, pair.tail) == ("xylem", "phloem", "which one carries sugar")
    three = asked_pair("igneous sedimentary metamorphic i mix them all up")
    assert (three.x, three.y, three.rest) == ("igneous", "sedimentary", ("metamorphic",))
    assert asked_pair("plants need sunlight which is why they grow") is None


def test_same_thing_and_offered_pairs():
    same = asked_pair("condensation and evaporation are they the same thing")
    assert (same.x, same.y) == ("condensation", "evaporation")
    offered = asked_pair("is it a seismometer or a barometer for earthquakes")
    assert (offered.x, offered.y) == ("seismometer", "barometer")  # "for earthquakes" is the question's, not a thing's


def test_a_gap_for_three_names_every_one_and_never_a_fact_naming_another():
    move = contrast_move("igneous sedimentary metamorphic which one has fossils", ROCKS)
    assert "___ rock forms when melted rock cools" in move.text
    assert '"igneous", "sedimentary" or "metamorphic"' in move.text and "the others" in move.text


def test_the_pair_itself_is_no_claim():
    assert pair_asked("xylem phloem", "xylem phloem which one carries sugar")
    assert not pair_asked("xylem carries water", "xylem phloem which one carries sugar")
    assert pair_asked("ionic vs covalent which one shares electrons", "")


def test_the_stage_after_the_one_the_student_has():
    assert known_part("ok i know food gets chewed in the mouth but then what") == "food gets chewed in the mouth"
    move = next_stage_move("ok i know food gets chewed in the mouth but then what")
    assert move.text.endswith("Which tube carries food down from the mouth?")
    assert "oesophagus" not in move.text.lower()


def test_no_next_stage_for_a_denial_the_last_stage_or_no_process():
    assert next_stage_move("i dont get that it evaporates, then what") is None
    assert next_stage_move("the kidneys clean the blood") is None  # no part had, no ask for what follows
    assert next_stage_move("the butterfly comes out of the chrysalis ok then what") is None  # out of order
    assert next_stage_move("i get that the waste goes out through the rectum, then what") is None  # the last stage
    assert next_stage_move("i get that the magnet attracts the nail but then what") is None


def test_a_raised_point_is_checked_never_confirmed():
    same = objection_start("are not both magnets the same size, then why is one stronger?")
    assert same.startswith("Check that point first: is it really the same") and same.endswith("could explain it?")
    said = objection_start("are not the two wires the same length, then why are they different?")
    assert said.endswith("could explain why they are different?")
    other = objection_start("does not the sun also heat the sea, then why is the sand hotter?")
    assert other.startswith("Check that point first: is it true") and "Yes" not in other
    assert objection_start("why is the sand hotter than the sea?") is None


def test_a_skipped_rule_is_pictured_through():
    said = shortcut_start("why cannot we just look at the sun through a telescope")
    assert said.startswith("Picture doing it: if you look at the sun through a telescope, what would happen")
    assert shortcut_start("why cannot i just go") is None
    assert honest_start("why cannot i just mix the two liquids in one beaker", ['"liquids"'], "the question") \
        .startswith("Picture doing it: if you mix the two liquids in one beaker")


def test_a_point_and_its_then_why_are_one_question():
    assert objection_joined("isnt ice also water? so why does it float") == "isnt ice also water, so why does it float?"
    assert objection_joined("is ice water? it floats") == "is ice water? it floats"
    problem, work = split_problem("doesnt a heavy ball fall faster? then why did they land together")
    assert problem.endswith("then why did they land together?") and work == ""


def test_a_word_ending_in_right_is_no_check():
    assert CHECKING.search("why is the star so bright?") is None
    assert CHECKING.search("its the heart, right?") is not None
