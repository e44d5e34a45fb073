"""Session 23 (issues #23 and #26): a right science idea is not doubted or called wrong because a fact merely fails to
match it, a rule said with the wrong operation is never confirmed, and a right step followed by "then what" is
confirmed and the next link asked; an idea nothing decides is asked for the student's own reasoning, with no frame."""
from evidence import Move
from science_fallback import honest_test
from science_moves import claim_move
from science_trust import going_on, next_link_move, operation_turned, real_contradiction

RUST = "Rust is a flaky, reddish-brown substance called hydrated iron oxide."


def test_a_denial_of_the_claims_own_is_no_contradiction_but_the_facts_denial_is():
    assert not real_contradiction("a plastic bucket doesn't rust because plastic has no iron in it", RUST,
                                  "Why doesn't a plastic bucket rust?", None)
    assert real_contradiction("the moon gives out its own light", "The Moon does not give out light of its own.",
                              "Why does the Moon shine?", None)
    assert real_contradiction("sound can not travel through water", "Sound travels through water faster than air.",
                              "Can sound travel through water?", None)  # the fact speaks of the claim's subject


def test_a_right_idea_a_fact_only_fails_to_match_is_asked_not_doubted():
    move = claim_move("a plastic bucket doesn't rust because plastic has no iron in it",
                      "Why doesn't a plastic bucket rust?", [RUST], None)
    assert move.verdict != "contradicted"
    assert "does not agree" not in move.text and "disagree" not in move.text and "Check the link" not in move.text


def test_a_rule_with_the_operation_turned_is_never_borne_out():
    fact = "Pressure is the force pushing on a surface divided by the area it pushes on."
    assert operation_turned("pressure = force x area", fact)
    assert not operation_turned("p = force / area so i divide", fact)
    assert not operation_turned("W = F x d so d = W / F", "Work done = force x distance moved.")
    assert not operation_turned("the force pushes on a bigger area", fact)  # no rule said
    move = claim_move("pressure = force x area so 50 x 2", "A 50 N box rests on 2 m2. What pressure does it put on "
                      "the floor?", [fact], None)
    assert move.verdict != "supported" and not move.text.startswith("Yes")


def test_a_confirmed_step_the_student_goes_on_from_gets_the_next_link():
    assert going_on("p = f / a so 50 and 2... now what") and going_on("first the ice melts. dunno the rest")
    assert not going_on("the ice melts because the room is warm")
    found = Move("Yes: weight = mass x g. Where else have you seen the same thing happen?", "fact", "supported", [])
    rule = next_link_move(found, "weight = mass x g, now what", "A 3 kg bag: what is its weight? (g = 10 N/kg)",
                          "weight = mass x g, now what")
    assert rule.text.startswith("Yes: weight = mass x g.") and "numbers from the question" in rule.text
    assert "Where else" not in rule.text and rule.verdict == "supported"
    stage = next_link_move(Move("Yes: first the magma cools.", "fact", "supported", []), "first the magma cools",
                           "Describe how an igneous rock forms.", "first the magma cools. dunno the rest")
    assert stage.text == "Yes: first the magma cools. What happens next, after that stage?"
    cross = next_link_move(Move("Yes: Aa Aa aa aa.", "fact", "supported", []), "Aa Aa aa aa",
                           "Aa x aa: what fraction of the offspring show the recessive trait?",
                           "i got Aa Aa aa aa, how do i get the fraction")
    assert "equally likely" in cross.text and "aa" in cross.text
    card = Move("Yes: it melts. That is one part of the answer. What happens to its mass?", "card", "supported", [])
    assert next_link_move(card, "it melts", "What happens to ice?", "it melts then what") is card
    unsure = Move("How did you work out that v = d x t?", "fact", "unclear", [])  # a rule nothing decides: not
    assert next_link_move(unsure, "v = d x t", "How fast is a 40 m run in 8 s?", "v = d x t then what") is unsure
    first = Move("How did you work out that first the seed takes in water?", "fact", "unclear", [])
    taken_on = next_link_move(first, "first the seed takes in water", "How does a seed grow into a plant?",
                              "first the seed takes in water, not sure what comes next")
    assert taken_on.text == "Take it from there: what happens next?" and taken_on.verdict == "unclear"


def test_an_idea_nothing_decides_is_asked_for_the_students_own_reasoning():
    said = honest_test("the sand gets hotter bc it has a lower specific heat", "Which heats up faster at the beach?")
    assert said == "How did you work out that it has a lower specific heat?"
    picked = honest_test("6 protons means carbon so C", "An atom has 6 protons. Which element is it?")
    assert picked == "How did you work out that 6 protons means carbon?"
    for text in (said, picked):
        assert "Check the link" not in text and "always mean" not in text and "Your idea" not in text
