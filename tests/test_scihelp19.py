"""A stuck science student's first move carries the question's key idea (round 19): the pair they mix up is read in
more of the ways students say it, the kind both names share is no thing of the problem's own, a fact that names a
word describing the problem's thing is never shown (it may be the answer), and a question whose deciding fact is a
catalogued misconception's right idea opens with that entry's observation, never with its argument from the wrong
idea."""
import re

from test_science_help17 import Shelf  # the few-facts knowledge base those tests search

import science_catalog
import science_decides
import science_help
from named_questions import named_question
from science_moves import answers
from student_message import question_of

SHELF = Shelf(["Metamorphic rocks are changed by great heat and pressure underground.",
               "Igneous rocks form when melted rock from a volcano cools down.",
               "Kinetic energy is the energy a moving object has.",
               "Potential energy is stored energy, such as in a raised weight or a squashed spring.",
               "Arteries carry blood away from the heart.",
               "Veins carry blood back to the heart."])


def test_a_pair_said_as_got_mixed_up_or_which_is_which_is_read():
    assert science_help.confused_pair("i always get arteries and veins mixed up", "Which vessels carry blood to "
                                      "the heart?") == ("arteries", "veins")
    assert science_help.confused_pair("I get confused which is which", "Is a bat a bird or a mammal?") == \
        ("bird", "mammal")


def test_the_noun_two_names_share_goes_on_both():
    assert science_help.confused_pair("i mix up north and south magnetic poles", "Which pole of a compass needle "
                                      "points north?") == ("north magnetic poles", "south magnetic poles")


def test_the_kind_both_sides_share_does_not_hide_the_difference():
    move = science_help.help_move("I always mix up igneous and metamorphic", "What type of rock is made when marble "
                                  "forms deep underground from limestone?", SHELF, answers)
    assert move is not None and "Igneous rocks form when melted rock" in move.text
    assert "underground" not in move.evidence[0]   # the other side's fact names the problem's own place


def test_a_word_that_describes_the_problems_thing_keeps_its_fact_back():
    move = science_help.help_move("i mix up kinetic and potential energy", "What kind of energy does a rolling "
                                  "skateboard have while it is moving?", SHELF, answers)
    assert move is not None and "moving object" not in move.text   # that fact is the answer
    assert "Potential energy is stored energy" in move.text


def test_a_fact_about_the_other_side_is_asked_of_the_questions_own_side():
    shelf = Shelf(["White blood cells fight germs that get into the body.", "Red blood cells carry oxygen."])
    move = science_help.help_move("i always get red and white blood cells mixed up", "What is the job of white "
                                  "blood cells?", shelf, answers)
    assert move is not None and "Red blood cells carry oxygen" in move.text
    assert move.text.endswith("What is different about white blood cells?")


def test_a_process_takes_no_article():
    assert science_help.article("freezing") == "freezing"
    assert science_help.article("molecule") == "a molecule"


def test_an_observation_drops_the_sentences_that_argue_from_the_wrong_idea():
    argued = [s for s in ("If the soil were its food, why would it need the light?",
                          "So is it the weight alone that decides, or how heavy it is for its size?",
                          "If you put an ammeter before the bulb and another after it, what would they show?")
              if science_decides.ARGUES.match(s)]
    assert len(argued) == 2 and "ammeter" not in " ".join(argued)


def test_a_stuck_student_on_a_catalogued_idea_gets_its_observation():
    move = science_decides.observation_move("So what are clouds really made of?", answers)
    assert move is not None and "?" in move.text
    entry = next(m for m in science_catalog.MISCONCEPTIONS if m.question.startswith(move.text.split(".")[0]))
    assert not re.search(entry.pattern, move.text, re.I)   # the wrong idea itself is never put to the student


def test_no_observation_for_a_comparison_the_entry_does_not_make():
    assert science_decides.observation_move("Does salt dissolve faster in warm water or in cold water?",
                                            answers) is None



def test_a_meaning_asked_gets_the_word_used_on_its_examples_never_its_definition():
    shelf = Shelf(["A habitat is the place where a living thing lives.",
                   "Camel humps and webbed feet are examples of adaptation in animals.",
                   "Adaptation is when a living thing changes to suit where it lives."])
    move = science_help.in_use_move("What does the word 'adaptation' mean?", shelf)
    assert move is not None and move.evidence == ["Camel humps and webbed feet are examples of adaptation in animals."]
    assert "\"adaptation\"" in move.text and move.text.endswith("in your own words.")
    assert science_help.in_use_move("What is a habitat?", shelf) is None   # only its definition is known


def test_a_why_fact_s_thing_is_asked_of_this_case():
    move = science_decides.reason_move(None, "Why are there fewer owls than mice in a wood?",
                                       ["Only about a tenth of the energy at one level of a food chain passes on to "
                                        "the next, so there are usually fewer animals at the top."])
    assert move is not None and "What do you know about it" not in move.text
    assert "What is true of the energy at one level of a food chain in this case" in move.text


def test_a_place_in_a_which_question_stays_with_its_noun():
    assert named_question("Which organ in your body filters the blood?").description == \
        "the organ in your body that filters the blood"
    assert named_question("Which gas in the air do green plants take in?").description == \
        "the gas in the air that green plants take in"


def test_the_pair_is_asked_of_what_a_naming_question_describes():
    shelf = Shelf(["Igneous rocks form when melted rock from a volcano cools down.",
                   "Metamorphic rocks are changed by great heat and pressure underground."])
    move = science_help.help_move("i always get igneous and metamorphic mixed up", "Which rock in a mountain range "
                                  "is made by heat and pressure deep underground?", shelf, answers)
    assert move is not None and "Igneous rocks form" in move.text
    assert move.text.endswith("Which of the two is the rock in a mountain range that is made by heat and pressure "
                              "deep underground? What in the question tells you?")


def test_stuck_words_before_the_question_are_neither_the_question_nor_its_setup():
    assert question_of("where do i even begin\nWhy does a puddle shrink on a windy day?") == \
        "Why does a puddle shrink on a windy day?"
    assert question_of("clue please\nWhich of these is a metal? A. glass  B. iron") == "Which of these is a metal?"
    assert question_of("How do I start this? Why does bread go mouldy?") == "Why does bread go mouldy?"
    assert question_of("How do plants start to grow from a seed?") == "How do plants start to grow from a seed?"
