"""Round 18, science without templates: a claim no catalog entry knows meets the fact that decides it. A quantity said
the other direction from a fact (or a card's idea) on the question's own condition is never confirmed and is asked
back about the case where the claim's word does hold; a comparison with another thing is borne out only by a fact
that compares too; a claim that puts one member of a kind (flowers, protons) where a fact puts another gets that fact
with the member left out."""
from claim_relations import opposed_direction, turned_move
from lesson import Facts
from science_decides import compares_things, denied_move
from science_fallback import cloze_move
from science_help import clue_help
from science_moves import science_move
from wording import request_flags

BALLOON = "In a freezer the air in a balloon contracts, and in a hot car it expands."
CHARGES = "A neutron has no charge, a proton has a positive charge and an electron has a negative charge."
CACTUS = "A cactus plant stores water in its thick stem for the dry months."


def test_a_quantity_said_the_other_way_is_asked_back_never_confirmed():
    question = "What happens to the air inside a balloon that is put in a freezer?"
    claim = "the air expands so the balloon gets fatter"
    assert science_move(question, claim, Facts([BALLOON])).verdict != "supported"
    move = turned_move(claim, question, [BALLOON])
    assert move and move.verdict == "contradicted"
    assert "contracts" not in move.text  # the fact's side on this condition is the answer
    assert "hot car" in move.text  # the case where the claim's word does hold, to compare with


def test_the_right_direction_is_no_turn():
    question = "What happens to the air inside a balloon that is put in a freezer?"
    assert opposed_direction("the air contracts and takes up less room", BALLOON, question) is None
    assert turned_move("it contracts in the cold", question, [BALLOON]) is None
    assert opposed_direction("it does not expand", BALLOON, question) is None  # denied: said the right way


def test_a_charge_said_the_other_way_round():
    question = "What charge does a proton carry?"
    assert opposed_direction("negative", CHARGES, question) == ("negative", "positive")
    assert opposed_direction("positive", CHARGES, question) is None
    move = turned_move("it is negative", question, [CHARGES])
    assert move and move.verdict == "contradicted" and "electron" in move.text and "positive" not in move.text


def test_a_comparison_with_another_thing_needs_a_fact_that_compares():
    assert not compares_things("it is smaller than the Moon", "Distant things look smaller.")
    assert compares_things("Jupiter is bigger than the Earth", "Jupiter is much bigger than the Earth.")
    assert compares_things("it looks smaller", "Distant things look smaller.")


def test_another_member_in_the_facts_role_gets_the_fact_with_a_gap():
    question = "Which part of a cactus stores water for the dry months?"
    move = cloze_move("the flowers keep the water", question, [CACTUS])
    assert move and move.verdict == "contradicted" and "___" in move.text and "flowers" in move.text
    assert "stem" not in move.text
    assert cloze_move("its thick stem stores it", question, [CACTUS]) is None  # the fact's own member
    assert cloze_move("not the flowers", question, [CACTUS]) is None  # a denial names no member in the role


def test_what_the_textbook_denies_of_the_subject_is_put_to_the_claim_without_its_reason():
    fact = "A bat is not a bird: it is a mammal that feeds its young on milk."
    move = denied_move("it flies with wings so it lays eggs", "Why is a bat able to fly at night?", [fact])
    assert move and move.verdict == "unclear" and "A bat is not a bird." in move.text and "mammal" not in move.text
    assert denied_move("it lays eggs", "Is a bat a bird?", [fact]) is None  # a yes/no question's denial is its answer
    assert denied_move("it is not a bird", "Why is a bat able to fly at night?", [fact]) is None


def test_a_request_to_write_the_answer_out_is_no_claim():
    assert "just_tell_me" in request_flags("i know this already, i only need you to write it out for me now")
    assert not request_flags("I need you to explain why ice floats")
    assert not request_flags("I need you to give me a hint")


def test_a_stuck_student_gets_a_clue_about_the_answer_with_the_answer_left_out():
    facts = Facts(["The lungs take in oxygen from the air we breathe.",
                   "The lungs are two spongy bags inside the chest, protected by the ribs."])
    clue = clue_help("Which organ takes in oxygen from the air?", facts)
    assert clue and "___" in clue and "spongy" in clue and "lungs" not in clue.lower()
    assert clue_help("Which gas do we breathe in?", facts) is None  # a gas's clue fits every gas alike
