"""Round 23 (mathnoplan23): a problem the planner does not plan, read one sentence at a time (local_step.py). A
number's sentence says what it counts, an amount for each thing, a multiplier or a part; a right step the text
justifies is acknowledged with what it counts and the next step a sentence states is asked, never the answer
confirmed; a step that adds or takes two kinds the problem links ("84 − 4" of 84 beads and 4 necklaces of 7), or a
part of one group's amount where the sentence speaks of all, is set against that sentence; a student who asks where
to start is asked the step a sentence states, in its words. Every problem here is one solver.plan leaves unplanned."""
from fractions import Fraction

import pytest

import solver
from arithmetic_claims import claims
from local_step import amounts, local_move, local_start, read_claim
from tests.test_mathconf16 import lesson, reply_to

CRATES = "There are 5 crates with 24 apples in each crate. 1/4 of the apples are green. How many apples are not green?"
BEADS = "Mia has 84 beads. She strings them in necklaces of 7 and gives away 4 necklaces. How many necklaces does she keep?"
VANS = "A van holds 9 kids. 6 vans go to the zoo, and 5 seats are empty in all. How many kids go to the zoo?"
CONES = "A coach has 42 players. She makes teams of 6, and each team gets 3 cones. How many cones does she need?"
SHELLS = "Jo has 4 times as many shells as Kai. Kai has 13 shells. Jo loses 7 shells. How many shells does Jo have now?"
BOOTH = "At the fair, games cost 4 tokens each. Lee has 50 tokens and plays 8 games. How many tokens does Lee have left?"


@pytest.mark.parametrize("problem", [CRATES, BEADS, VANS, CONES, SHELLS, BOOTH])
def test_every_problem_here_has_no_plan(problem):
    assert solver.plan(problem) is None


def test_each_number_is_read_in_its_own_sentence():
    read = {a.value: a for a in amounts(BEADS)}
    assert (read[Fraction(84)].noun, read[Fraction(84)].kind) == ("beads", "count")
    assert (read[Fraction(7)].per, read[Fraction(7)].kind) == ("necklace", "each")   # "necklaces of 7"
    assert read[Fraction(4)].noun == "necklaces"
    van = {a.value: a for a in amounts(VANS)}[Fraction(9)]
    assert (van.noun, van.per) == ("kids", "van")   # "A van holds 9 kids": 9 for each van
    token = {a.value: a for a in amounts(BOOTH)}[Fraction(4)]
    assert (token.noun, token.per) == ("tokens", "game")   # "games cost 4 tokens each"
    assert {a.value: a for a in amounts(SHELLS)}[Fraction(13)].noun == "shells"


def test_a_step_is_justified_only_by_what_its_sentences_state():
    assert read_claim(BOOTH, claims("8 x 4 = 32")[0]).noun == "tokens"
    assert read_claim(CONES, claims("42 / 6 = 7")[0]).noun == "teams"
    assert read_claim(BEADS, claims("84 - 4 = 80")[0]).verdict == "mixed"
    assert read_claim(VANS, claims("9 + 6 = 15")[0]).verdict == "mixed"
    assert read_claim(BOOTH, claims("50 - 8 = 42")[0]).verdict == "mixed"   # tokens less games, at 4 a game
    assert read_claim(BOOTH, claims("50 - 32 = 18")[0]) is None   # 32 is theirs: what it counts is not read here
    assert read_claim(BOOTH, claims("8 x 5 = 40")[0]) is None    # wrong arithmetic is the checker's, not read here


def test_a_right_step_is_acknowledged_with_what_it_counts_and_the_next_stated_step_asked():
    reply = reply_to(f"{CONES} 42 / 6 = 7 teams")
    assert reply["verdict"] == "confirm" and "7 teams" in reply["text"] and "3 cones" in reply["text"]
    assert "21" not in reply["text"] and "answer" not in reply["text"].lower()
    tokens = reply_to(f"{BOOTH} 8 x 4 = 32")["text"]
    assert "32 tokens" in tokens and "?" in tokens and "18" not in tokens and "come in" not in tokens


def test_a_right_step_offered_as_the_answer_is_never_called_the_answer():
    reply = reply_to(f"{BOOTH} 8 x 4 = 32 so 32 tokens")
    assert not reply["text"].startswith("Yes") and "50 tokens" in reply["text"] and "18" not in reply["text"]
    assert reply.get("stage") != "summary"


def test_two_linked_kinds_added_or_taken_are_set_against_the_sentence():
    reply = reply_to(f"{BEADS} 84 - 4 = 80")
    assert reply["verdict"] == "flag" and "beads" in reply["text"] and "necklaces" in reply["text"]
    assert "12" not in reply["text"] and "right" not in reply["text"].lower()
    vans = reply_to(f"{VANS} 9 + 6 = 15 then 15 - 5 = 10")
    assert vans["verdict"] == "flag" and "9 kids for each van" in vans["text"] and "54" not in vans["text"]


def test_a_part_of_one_group_is_set_against_the_part_of_all():
    reply = reply_to(f"{CRATES} 24 / 4 = 6")
    assert reply["verdict"] == "flag" and "one crate" in reply["text"] and "5 crates" in reply["text"]
    assert "120" not in reply["text"] and "30" not in reply["text"]
    found_all = reply_to(f"{CRATES} 5 x 24 = 120, 24 / 4 = 6 so 120 - 6 = 114")["text"]
    assert "1/4 of 120" in found_all and "114" not in found_all.split(".")[-1]   # the step they did is not asked


def test_a_help_request_is_asked_the_step_a_sentence_states():
    assert local_start(SHELLS) == "How many shells is 4 times Kai's 13?"
    reply = reply_to(f"{SHELLS} idk where to start")["text"]
    assert "4 times" in reply and "13" in reply and "52" not in reply and "tell you" not in reply
    tokens = reply_to(f"{BOOTH} how do i start")["text"]
    assert "8 games" in tokens and "4 tokens" in tokens and "32" not in tokens


def test_the_next_turn_still_checks_the_arithmetic():
    first, second = lesson([f"{CONES} 42 / 6 = 7 teams", "7 x 3 = 24"])
    assert first["verdict"] == "confirm" and second["verdict"] == "flag" and "21" not in second["text"]


def test_a_part_the_sentence_takes_of_each_group_is_not_flagged():
    each = "There are 4 shelves with 15 books on each shelf. Sam takes 1/5 of the books from each shelf. " \
           "How many books does Sam take?"
    assert read_claim(each, claims("15 / 5 = 3")[0]).verdict == "justified"
    assert read_claim(CRATES, claims("24 / 4 = 6")[0]).verdict == "one_group"


def test_a_multiplier_is_applied_only_to_the_amount_it_compares_with():
    jar = "A box holds 4 times as many red pens as blue pens. There are 36 red pens. How many pens are in the box?"
    assert solver.plan(jar) is None
    assert read_claim(jar, claims("36 x 4 = 144")[0]) is None   # the red pens are already 4 times the blue
    reply = reply_to(f"{jar} 36 x 4 = 144 blue")["text"]
    assert not reply.startswith("Right") and "144 red is right" not in reply and "144 blue" not in reply
    assert read_claim(SHELLS, claims("4 x 13 = 52")[0]).noun == "shells"   # Kai's 13, 4 times over


def test_a_count_said_with_a_comparison_is_not_the_one_compared_with():
    chain = "Rosa has 5 times as many beads as Tim. Tim has 8 fewer beads than Jade, who has 20. How many beads do " \
            "Rosa and Tim have together?"
    assert "Tim's 8" not in local_start(chain)
    farm = "A farmer had 8 crates of apples with 25 apples in each crate. He sold 1/4 of the apples. How many " \
           "apples does he have left?"
    assert read_claim(farm, claims("25 x 1/4 = 6.25")[0]).verdict == "one_group"   # one farmer: 8 crates is a count


def test_a_right_last_step_using_every_number_is_left_to_the_checks_that_decide():
    gain = "A kitten weighed 2.6 kg in May. By July it had gained 0.9 kg. How heavy is the kitten in July?"
    assert read_claim(gain, claims("2.6 + 0.9 = 3.5")[0]).noun == "kg"
    assert local_move(gain, claims("2.6 + 0.9 = 3.5 so 3.5 kg"), "2.6 + 0.9 = 3.5 so 3.5 kg", set()) is None
    assert local_move(gain, claims("2.6 + 0.9 = 3.5"), "2.6 + 0.9 = 3.5 then", set()) is not None


def test_the_step_a_student_already_did_is_never_the_one_asked():
    orchard = "4 rows of 9 apple trees and 3 rows of 8 pear trees. How many trees in all?"
    assert "9" in local_start(orchard) and local_start(orchard, frozenset({Fraction(36)})) != local_start(orchard)
    assert "3 rows with 9" not in local_start(orchard, frozenset({Fraction(36)}))   # the pear rows hold 8
    assert read_claim(orchard, claims("3 x 9 = 27")[0]) is None and read_claim(orchard, claims("3 x 8 = 24")[0])


def test_two_parts_offered_with_every_number_used_are_acknowledged_not_answered():
    shop = "A shop has 400 cans. 30% of them are soup and 1/5 are beans. The rest are fruit. How many cans are fruit?"
    reply = reply_to(f"{shop} 30% of 400 = 120 soup and 1/5 of 400 = 80 beans")
    assert reply["verdict"] == "confirm" and "120" in reply["text"] and "80" in reply["text"]
    assert "200" not in reply["text"] and "wrong" not in reply["text"]
