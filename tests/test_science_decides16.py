"""Round 16 (scihelp16): where no card decides a science question, the move names what decides it (the Punnett
square for a cross, the rule a fact gives for the student's own term, the other side of a two-sided fact, the thing
a why-fact's reason is about) without stating the answer; a "because" reason is what a why-question asks for, so the
part of a claim that says the question back confirms nothing."""
from science_catalog import CARDS
from science_decides import (chance_said, contrast_move, cross_move, parents, reason_move, reasoned_verdict,
                             ruling_fact_move, unbacked_reason)
from test_science15a import kb, reply  # noqa: F401 (kb is a fixture)

GRANITE = ("Granite cools slowly underground and has large crystals; basalt cools quickly at the surface and has tiny "
           "ones.")
ENERGY = ("Only about a tenth of the energy at one level of a food chain passes on to the next level, so there are "
          "usually fewer animals at the top of a food chain than at the bottom.")


def test_a_reason_must_carry_the_cards_idea_itself():
    card = next(c for c in CARDS if c.topic == "dissolving")
    assert reasoned_verdict(card, "sugar dissolves quicker in warm tea because warm tea is runnier", None) is None
    assert reasoned_verdict(card, "it dissolves because it breaks into tiny particles", None) == "right"
    assert reasoned_verdict(card, "the sugar dissolves into the tea", None) == "right"  # no reason: the card judges it
    craters = next(c for c in CARDS if c.topic == "lunar craters")
    assert reasoned_verdict(craters, "space rocks smashed into it", "What made the holes on the Moon?") == "right"
    # the card says what makes craters; it never says the Moon is hit more often than the Earth
    assert reasoned_verdict(craters, "because far more asteroids crash into the Moon than into Earth", None) is None
    assert reasoned_verdict(craters, "lots more space rocks crashed into it", None) == "right"  # no two compared
    # to a question that is no why-question, the answer comes before its reason
    assert reasoned_verdict(card, "it dissolves because the tea is warm", "What happens to sugar in tea?") == "right"
    # to a why-question, a first part beyond the question's words is the answer; one that says the question back is not
    assert reasoned_verdict(card, "it dissolves in the water because it is warm", "Why does sugar vanish in tea?") \
        == "right"
    assert reasoned_verdict(card, "it dissolves faster because the water is runny", "Why does sugar dissolve faster in "
                            "hot water?") is None


def test_a_reason_no_fact_backs_is_the_answer_to_a_why_question():
    assert unbacked_reason("the thin cable heats up because electricity rushes through it", "", [])
    assert unbacked_reason("it heats up because electricity rushes", "Why does the thin cable heat up?", [])
    assert not unbacked_reason("the thin one, because it is thin", "Which cable heats up more?", [])
    assert not unbacked_reason("the thin cable heats up", "", [])


def test_the_parents_of_a_cross_are_read_from_the_question():
    assert parents("An Rr plant is crossed with an rr plant. What fraction of the offspring are red?") == ("Rr", "rr")
    assert parents("Both parents are Gg. What share of their offspring are gg?") == ("Gg", "Gg")
    assert parents("Why do children look like their parents?") is None
    assert parents("The car is an XX model.") is None  # no genetics word


def test_a_chance_is_read_in_its_everyday_forms():
    assert [chance_said(s) for s in ("25%", "1 in 4", "one in four", "half of them", "0.75", "3/4")] == \
        [0.25, 0.25, 0.25, 0.5, 0.75, 0.75]
    assert chance_said("3:1") is None and chance_said("the tall ones") is None


def test_a_cross_gets_the_square_for_its_own_parents():
    question = "An Rr plant is crossed with an rr plant. What fraction of the offspring have white flowers?"
    move = cross_move(question, None)
    assert "The Rr parent passes on R or r, and the rr parent passes on r or r" in move.text
    assert "Punnett square" in move.text and move.verdict is None
    # Rr x rr gives halves: three quarters is no count of its boxes, whatever colour is asked
    wrong = cross_move(question, "3/4 of them")
    assert wrong.verdict == "contradicted" and wrong.text.startswith("Not quite")
    # every kind of offspring comes out 2 in 4 for these parents: a half is right whatever is asked
    right = cross_move(question, "half")
    assert right.verdict == "supported" and "2 are Rr, 2 are rr" in right.text
    assert cross_move(question, "1/2 rr").verdict == "supported"
    same_kind = "Two Tt plants are crossed. What fraction of the offspring are tall?"
    assert cross_move(same_kind, "3/4").verdict == "unclear"  # the square gives it, for the dominant kind only
    assert cross_move(same_kind, "1/4 (tt)").verdict == "supported"  # the kind named: its boxes decide
    assert cross_move(same_kind, "1/2 are tt").verdict == "contradicted"
    assert cross_move(same_kind, "Tt x Tt gives 3/4 tall").verdict == "unclear"  # the parents, not the kind
    same = "Two Ff flies are crossed. What fraction of the offspring show the recessive trait?"
    assert cross_move(same, "1 in 4").verdict == "unclear" and cross_move(same, "1/3").verdict == "contradicted"
    assert "Each Ff parent passes on one allele, F or f" in cross_move(same, None).text
    assert cross_move(same, "because of genes") is None  # no chance given: the other moves judge it


def test_a_rule_on_the_students_own_term_is_put_to_the_idea():
    rule = "The number of protons decides which element an atom is: every carbon atom has 6 protons."
    move = ruling_fact_move("carbon-14 has two extra protons", "What makes carbon-14 unlike carbon-12?", [rule],
                            lambda fact, question: False)
    assert move.text.startswith("Check \"carbon-14 has two extra protons\" against this fact about protons")
    assert rule in move.text and move.verdict == "unclear"
    # a fact that may state the answer is never shown
    assert ruling_fact_move("carbon-14 has two extra protons", "What makes carbon-14 unlike carbon-12?", [rule],
                            lambda fact, question: True) is None


def test_the_other_side_of_a_two_sided_fact_is_shown_never_the_asked_side():
    move = contrast_move("it cooled down slowly", "Did basalt, with its small crystals, cool fast or slow?", [GRANITE])
    assert "\"Granite cools slowly underground and has large crystals.\"" in move.text
    assert "quickly" not in move.text and move.text.endswith("What does that tell you about basalt?")
    assert contrast_move(None, "Why does salt water conduct?", ["It is still there; the water tastes salty."]) is None


def test_a_why_facts_reason_is_named_by_what_it_is_about_never_stated():
    move = reason_move(None, "Why are there fewer animals at the top of a food chain?", [ENERGY])
    assert move.text.startswith("The textbook explains this with the energy at one level of a food chain.")
    assert "tenth" not in move.text and "passes on" not in move.text
    # a student whose idea names the reason's thing but not the reason (round 18): never confirmed, asked the link
    partly = reason_move("because energy is lost at each level", "Why are there fewer animals at the top of a food "
                         "chain?", [ENERGY])
    assert partly.verdict == "unclear" and "tenth" not in partly.text and "link" in partly.text
    assert reason_move(None, "Which animals are at the top of a food chain?", [ENERGY]) is None
    # the reason in the student's words, with its own denial, is the answer: confirmed with the fact
    mercury = "Mercury has almost no atmosphere to trap heat, so the heat of its long day escapes into space at night."
    asked = "Why does the heat of Mercury's long day escape at night?"
    said = reason_move("because it has almost no atmosphere to hold the heat", asked, [mercury])
    assert said.verdict == "supported" and said.text.startswith("Yes:")
    assert reason_move("it has a thick atmosphere", asked, [mercury]) is None  # left to the verdicts


def test_a_claim_that_says_the_asked_side_is_confirmed_and_one_that_says_the_other_side_is_not():
    question = "Basalt has very small crystals. Did it cool fast or slow?"
    right = contrast_move("it cooled quickly near the surface", question, [GRANITE])
    assert right.verdict == "supported" and "Basalt cools quickly at the surface" in right.text
    assert contrast_move("slowly, deep down underground", question, [GRANITE]).verdict == "unclear"
    assert contrast_move("it did not cool quickly", question, [GRANITE]).verdict == "unclear"


def test_replies_to_fresh_messages(kb):
    crossed = reply(kb, "d1", "Gg mother and gg father guinea pigs, chance of a gg baby offspring? I said 1 in 4")
    assert crossed["text"].startswith("Not quite") and "Gg" in crossed["text"] and crossed["verdict"] == "flag"
    restated = reply(kb, "d2", "a thin wire heats up more because the electrons go faster in it")
    assert not restated["text"].startswith("Yes") and restated["verdict"] != "confirm", restated["text"]
