"""Round 14c: science stock wording taken up with the key idea. A stuck student on an equation, a cross or a pH
value hears the idea that unlocks it; a right answer is confirmed in lower case and followed by a step that fits it;
a partly right clue is taken up, not set aside."""
from science_catalog import first_step, match_card, yes
from science_moves import card_reply, follow_up


def test_an_equation_names_its_reaction_and_a_balanced_one_the_atom_count() -> None:
    step = first_step("What is the balanced equation for the burning of propane?", [], "it")
    assert step.startswith("Start with the burning of propane in words") or step.startswith("Start with burning of")
    assert "each kind of atom" in step
    assert "each kind of atom" not in first_step("Write the word equation for rusting.", [], "it")


def test_a_genetic_cross_gets_the_punnett_square_not_each_number() -> None:
    step = first_step("Round R is dominant over wrinkled r. Two Rr peas are crossed: what fraction are wrinkled?",
                      [], "it")
    assert "Rr parent" in step and "Punnett square" in step and "each number" not in step
    assert "1/4" not in step and "one in four" not in step  # the fraction is the student's to find


def test_a_ph_value_is_set_against_neutral_and_numbers_are_named() -> None:
    assert "is 12 below or above it" in first_step("Bleach has a pH of 12. Is it acidic or basic?", [], "it")
    step = first_step("A pump lifts 30 kg through 4 m. How much work does it do?", [], "it")
    assert "(30 kg, 4 m)" in step


def test_yes_keeps_names_and_lowers_the_rest() -> None:
    assert yes("Basic") == "Yes: basic."
    assert yes("Jupiter") == "Yes: Jupiter."
    assert yes("NaCl") == "Yes: NaCl."


def test_follow_up_after_products_asks_how_to_show_one() -> None:
    text = follow_up("Iron chloride and hydrogen", "What is produced when iron reacts with hydrochloric acid?")
    assert text.startswith("How could you show that hydrogen was made")
    reasoned = follow_up("In the nucleus, because that is where DNA is kept", "Where is DNA kept in a cell?", True)
    assert "What else do you know" not in reasoned


def test_a_partial_clue_is_taken_up() -> None:
    card = match_card("How can you tell that mixing vinegar and baking soda makes a chemical change?")
    assert card is not None and card.partial
    text = card_reply(card, "it bubbles a lot", "partial")
    assert "part of the story" not in text and text.endswith(card.opening)
