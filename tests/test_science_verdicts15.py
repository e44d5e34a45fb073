"""Round 15 (sci15b): verdicts that rest on what a fact says of the same subject. A list answer is judged item by
item (a right part confirmed and the rest asked for), a member of a closed kind (rock types, states of matter) that a
fact rules out is flagged, a card written for an open question judges no yes or no, a bare name is no misconception,
a fact about another subject neither contradicts nor confirms a claim, and a claim that restates a fact about its own
subject is confirmed. Every sentence here is new (not the probe set)."""
import pytest

from science_catalog import match_card
from science_moves import beyond_card, list_move, quotes_fact, same_subject, science_move
from science_names import listed_items, made_from, member, members_asked
from student_message import extract_claim


@pytest.fixture(scope="module")
def kb(science_kb):
    return science_kb


@pytest.mark.parametrize("claim, question, items, part", [
    ("I'm pretty sure water is one of them", "What are the products of cellular respiration?", ["water"], True),
    ("hydrogen is one I think", "Which gases are lighter than air?", ["hydrogen"], True),
    ("sand and clay, not sure about the others", "What are the main types of soil?", ["sand", "clay"], True),
    ("metamorphic and igneous", "Name the three kinds of rock. What are the three types of rock?",
     ["metamorphic", "igneous"], False),
])
def test_a_list_answer_is_read_as_its_items(claim, question, items, part):
    got = listed_items(claim, question)
    assert got and got[0] == items and got[1] == part


@pytest.mark.parametrize("claim, question", [
    ("they give off water vapour", "What are the products of cellular respiration?"),  # an idea, judged whole
    ("carbon dioxide", "What are the products of cellular respiration?"),  # one name, no word it is one of several
    ("carbon dioxide is one", "Which gas do plants take in?"),  # one thing asked for
])
def test_no_list_where_the_answer_states_an_idea_or_one_thing_is_asked(claim, question):
    assert listed_items(claim, question) is None


def test_a_closing_i_think_keeps_the_answer_before_it():
    assert extract_claim("What do seeds need to sprout? warmth is one I think",
                         "What do seeds need to sprout?") == "warmth is one I think"


def test_a_number_offered_as_a_question_is_a_claim():
    assert extract_claim("At what temperature does ice melt? is it 0?", "At what temperature does ice melt?") == "0"


def test_the_members_of_a_kind_asked_plainly():
    assert members_asked("What are the different types of rock?") == "rock"
    assert members_asked("What are the three states of matter?") == "state of matter"
    assert members_asked("What type of rock is formed from cooled lava?") is None
    assert member("metamorphic rock", "rock") == "metamorphic" and member("a liquid", "state of matter") == "liquid"


def test_two_of_three_rock_types_are_confirmed_and_the_third_asked_for(kb):
    move = list_move(["sedimentary", "metamorphic"], False, "What are the three types of rock?", kb, None)
    assert move.verdict == "supported" and move.text.startswith("Yes: sedimentary and metamorphic are two of the three")
    assert "still missing" in move.text and "igneous" not in move.text.lower()


def test_all_states_named_is_confirmed_whole(kb):
    move = list_move(["gas", "solid", "liquid"], False, "What are the states of matter?", kb, None)
    assert move.verdict == "supported" and "all three of them" in move.text


def test_a_list_item_nothing_decides_is_asked_for_its_reason_never_quoted_whole(kb):
    move = science_move("Which metals are magnetic? I know tin is one", "I know tin is one", kb)
    assert move.verdict != "supported" and "I know" not in move.text and "tin" in move.text


def test_a_reactant_is_no_product():
    reaction = "Cells use glucose and oxygen to release energy: glucose + oxygen -> carbon dioxide + water."
    assert made_from("oxygen", reaction, "What are the products of cellular respiration?")
    assert not made_from("water", reaction, "What are the products of cellular respiration?")


@pytest.mark.parametrize("message, claim, right", [
    ("Which kind of rock forms when magma cools down and hardens? sedimentary?", "sedimentary", False),
    ("Which kind of rock forms when magma cools down and hardens?", "igneous", True),
    ("What kind of rock is made when layers of sand and mud are pressed and cemented together? metamorphic",
     "metamorphic", False),
])
def test_a_rock_type_is_judged_by_the_fact_that_opens_with_the_right_one(kb, message, claim, right):
    move = science_move(message, claim, kb)
    assert move.verdict == ("supported" if right else "contradicted")
    if not right:
        assert move.text.startswith(f"Not {claim}") and "igneous" not in move.text.lower().split(":")[0]


def test_an_open_question_card_judges_no_yes_or_no(kb):
    move = science_move("Do green plants keep making sugar in the dark?", "yes, photosynthesis goes on in the dark",
                        kb)
    assert move.verdict != "supported" and not move.text.startswith("Yes")


def test_a_bare_name_is_no_catalogued_wrong_idea(kb):
    move = science_move("What kind of blood cell attacks germs?", "white blood cells", kb)
    assert move.kind != "misconception" and move.verdict != "contradicted"


def test_a_fact_about_another_subject_does_not_decide_the_claim():
    assert not same_subject("A solid keeps a fixed volume", "A gas has no fixed shape or volume.")
    assert same_subject("A solid keeps a fixed volume", "A solid keeps its own volume.")
    assert same_subject("it keeps a fixed volume", "A gas has no fixed shape or volume.")  # no subject of its own


def test_a_claim_that_restates_a_fact_about_its_subject_is_confirmed(kb):
    move = science_move("What are solids like?", "A solid has a fixed shape and its volume is fixed too", kb)
    assert move.verdict != "contradicted" and "does not agree" not in move.text
    assert quotes_fact("A liquid keeps its volume but takes the shape of whatever holds it",
                       "A liquid is the state of matter that keeps its volume but takes the shape of its container.",
                       "What is a liquid like?")
    assert not quotes_fact("A gas keeps its volume but takes the shape of whatever holds it",
                           "A liquid is the state of matter that keeps its volume but takes the shape of its "
                           "container.", "What is a liquid like?")


def test_a_member_a_fact_opens_with_is_confirmed_and_another_flagged(kb):
    question = "Which part of a plant takes in water from the ground?"
    assert science_move(question, "the roots", kb).verdict == "supported"
    flagged = science_move(question, "the leaves", kb)
    assert flagged.verdict == "contradicted" and "roots" not in flagged.text.lower()


def test_a_force_a_fact_opens_with_is_confirmed_and_another_never(kb):
    question = "Which force pulls everything down toward the centre of the Earth?"
    assert science_move(question, "gravity", kb).verdict == "supported"
    assert science_move(question, "friction", kb).verdict != "supported"


def test_a_short_answer_completes_its_question_for_the_card(kb):
    assert science_move("What does a herbivore eat?", "plants only", kb).verdict == "supported"


def test_the_question_naming_the_cards_word_confirms_no_completion(kb):
    move = science_move("What do plants need for photosynthesis?", "minerals", kb)
    assert move.verdict != "supported"


def test_a_listing_fact_confirms_an_item_only_beside_every_word_of_the_question(kb):
    assert science_move("What do plants need to grow? air and water", "air and water", kb).verdict == "supported"
    move = science_move("What do plants need to grow? sugar is one", "sugar is one", kb)
    assert move.verdict != "supported" and "sugar" in move.text


def test_a_condition_the_card_never_speaks_of_leaves_it_no_verdict():
    card = match_card("Do plants make their food in winter?")
    assert card is not None and beyond_card(card, "Do plants make their food in winter?")
    assert not beyond_card(card, "Do plants make their own food?")


def test_a_pronoun_stands_for_the_question_subject(kb):
    assert not same_subject("they make sugar for the plant", "Plants make their own food.", "What do roots do?")
    assert same_subject("they soak up water", "Roots take up water and minerals.", "What do roots do?")
    move = science_move("What do the roots of a tree do? they make its food", "they make its food", kb)
    assert move.verdict != "supported"


def test_a_member_of_a_shared_kind_is_flagged_only_by_the_asked_relation(kb):
    flagged = science_move("Which group of animals has feathers?", "reptiles", kb)
    assert flagged.verdict != "supported"
    kept = science_move("Which animal group lays eggs?", "fish", kb)  # fish do lay eggs
    assert kept.verdict != "contradicted"


def test_a_restated_list_fact_about_its_subject_is_confirmed(kb):
    move = science_move("What does a plant need to grow well?", "Plants need air, water, light and nutrients", kb)
    assert move.verdict == "supported"


def test_a_no_a_fact_about_the_same_subject_denies_is_flagged_whatever_its_reason(kb):
    move = science_move("Can light travel across empty space?", "no, light has to have air", kb)
    assert move.verdict == "contradicted"


def test_a_sound_fact_decides_nothing_about_light():
    assert not same_subject("light needs air to move", "Sound cannot travel through empty space.")


def test_a_quoted_fact_is_no_misconception_that_shares_its_words(kb):
    move = science_move("How do gases behave?", "A gas has no fixed shape and spreads out to fill the space", kb)
    assert move.kind != "misconception" and move.verdict != "contradicted"
    assert science_move("How do gases behave?", "a gas has no weight at all", kb).verdict == "contradicted"
