"""Session 20 (sciclaim24): the student's own science claim, right or wrong. A choice is named by a fact only with
all of its own words, and a fact about a choice that says the topic card's idea makes it the card's answer (only
when the question asks for the card's right side); a right name is taken to its next link, not asked to be explained
again; a card's clue word that the question's own words complete is the answer; "it is X" rests only on a fact about
the asked thing; a fact about the other side of the question's condition contradicts nothing; a reason that leaves
out the question's condition is asked about its other side; a chain one link short is taken on to the asked fate."""
from claim_relations import other_case
from lesson import Facts
from science_choices import choice_move, named_choice
from science_decides import denied_move
from science_fallback import condition_ask, identity_unborne, next_link
from science_moves import completed, science_move

CHANGES = ["wax melting", "salt dissolving", "a nail rusting", "a window breaking"]


def test_a_choice_is_named_only_by_all_of_its_own_words():
    acid = Facts(["One example of a chemical change is acid breaking down rocks."])
    assert named_choice("Which is a chemical change?", CHANGES, acid) is None   # "breaking" alone names no window
    move = choice_move("Which is a chemical change?", CHANGES, 3, acid)
    assert move.verdict != "contradicted" or "nail" not in move.text


def test_a_fact_that_gives_a_choice_the_cards_idea_makes_it_the_answer_only_for_the_cards_right_side():
    rust = Facts(["Rust is a new substance that forms when a nail reacts with oxygen and water."])
    right = choice_move("Which is a chemical change?", CHANGES, 2, rust)
    assert right.verdict == "supported" and right.text.startswith('Yes: C, "a nail rusting", is right')
    wrong = choice_move("Which is a chemical change?", CHANGES, 0, rust)
    assert wrong.verdict == "contradicted" and "Yes" not in wrong.text
    physical = choice_move("Which is a physical change?", CHANGES, 2, rust)   # the card's wrong side is asked for
    assert physical.verdict != "supported" and "Yes" not in physical.text


def test_a_right_name_goes_on_to_its_next_link_not_back_to_its_definition():
    leaf = Facts(["Stomata are tiny holes in a leaf that let gases in and out."])
    move = science_move("Which part of a leaf lets gases in and out?", "the stomata", leaf)
    assert move.verdict == "supported" and move.text.startswith("Yes: the stomata.")
    assert "What do you know about" not in move.text and "stopped working" in move.text
    organ = science_move("Which organ cleans the blood?", "the kidneys",
                         Facts(["The kidneys clean the blood and make urine."]))
    assert organ.verdict == "supported" and "What would happen to the body if the kidneys stopped working?" \
        in organ.text


def test_a_cards_clue_word_completed_by_the_question_is_the_answer():
    assert completed("pollen", "What do butterflies carry from flower to flower?") == \
        "butterflies carry pollen from flower to flower"
    move = science_move("What do butterflies carry from flower to flower so the plant can make seeds?", "pollen",
                        Facts([]))
    assert move.verdict == "supported" and "Keep" not in move.text
    assert science_move("What do butterflies carry from flower to flower so the plant can make seeds?", "water",
                        Facts([])).verdict != "supported"


def test_it_is_x_rests_only_on_a_fact_about_the_asked_thing():
    question = "Why do the windows get wet inside when it is cold outside?"
    assert identity_unborne("its the steam from the kettle", question, "A kettle makes steam when water boils.")
    assert not identity_unborne("its the steam from the kettle", question,
                                "Water vapour from a kettle condenses on a cold window and makes it wet.")
    assert not identity_unborne("the steam from the kettle", question, "A kettle makes steam when water boils.")


def test_a_fact_on_the_other_side_of_the_condition_contradicts_nothing():
    owls = "When there are many mice, the owls raise more chicks and their numbers grow."
    assert other_case(owls, "What happens to the owls if a disease kills all the mice?")
    assert not other_case(owls, "What happens to the owls if there are lots of mice?")
    move = science_move("What happens to the owls if a disease kills all the mice?",
                        "the mice are what the owls eat so the owls would have less food", Facts([owls]))
    assert move.verdict != "contradicted" and "more" not in move.text.split("?")[0].split()


def test_a_reason_that_leaves_out_the_condition_is_asked_about_its_other_side():
    assert condition_ask("the sun soaks the water up", "Why do wet clothes dry faster when it is windy?") == \
        "Would that be any different if it were still? What does the wind change?"
    assert condition_ask("the wind carries the water away", "Why do wet clothes dry faster when it is windy?") \
        is None
    assert condition_ask("the sun soaks the water up", "What makes wet clothes dry?") is None


def test_a_chain_one_link_short_is_taken_on_to_the_asked_fate():
    question = "What happens to the owls if a disease kills all the mice?"
    assert next_link("the owls eat the mice so the owls would go hungry", question) == \
        "So what happens to the owls when they go hungry?"
    assert next_link("the owls would go hungry", question) is None   # no chain said
    assert next_link("the owls eat the mice so the grass would grow", question) is None   # another thing's fate


def test_a_denial_about_the_asked_kind_does_not_test_a_name():
    question = "What is an animal that eats only plants called?"
    assert denied_move("herbivore", question, ["Animals cannot make their own food."]) is None
