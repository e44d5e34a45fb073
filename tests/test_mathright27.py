"""Session 23, a math student's right work confirmed and the next step named (issues #22, #26): a chain of steps
offered to be checked, or joined by "so", is the student's answer and decided as a whole; "how much did she spend"
asks for a sum of costs; units rule out a route when two measures share units; after a right first step without a
plan, the next step is read from a ratio, a matching pair or a clock walk; a number the student worked out is never
flagged as the given it equals; "10% is 6.20 so 30% is 18.60" is no percent slip; time counted on in words; the
right pick of "which is cheaper per ..." confirmed; "3.60/4" is a division, never a crash."""
from fractions import Fraction

import agent
from answer_check import chain_answer
from arithmetic_claims import claims
from clock_claims import elapsed_answer
from local_step import local_flag
from next_unplanned import compared_choice, next_after
from step_rules import percent_slip


def reply(message: str) -> tuple[str, str]:
    tutor = agent.Tutor(lambda *a, **k: iter([""]), retriever=agent.load_index(""))
    final = list(tutor.respond("s", message, "math"))[-1]
    return final["text"], final.get("verdict")


def test_a_chain_offered_to_be_checked_is_decided_as_an_answer():
    problem = "Kai buys 3 comics for $5 each and 4 stickers for $2 each. How much does he spend altogether?"
    work = "3 x 5 = 15 and 4 x 2 = 8 so 15 + 8 = 23, is that"
    route = ["3 × 5 = 15", "4 × 2 = 8", "15 + 8 = 23"]
    assert chain_answer(problem, route, [Fraction(15), Fraction(8), Fraction(23)], work)
    wrong = ["3 × 5 = 15", "4 × 2 = 8", "15 − 8 = 7"]
    assert chain_answer(problem, wrong, [Fraction(15), Fraction(8), Fraction(7)], "15 - 8 = 7, is that") is None


def test_how_many_more_did_and_how_much_spent_name_the_last_step():
    problem = "ria swims 8 laps a day for 6 days, tom swims 7 laps a day for 5 days. how many more did ria swim."
    said = [Fraction(48), Fraction(35), Fraction(13)]
    assert chain_answer(problem, ["8 × 6 = 48", "7 × 5 = 35", "48 − 35 = 13"], said, "so ria swam 13 more")
    assert chain_answer(problem, ["8 × 6 = 48", "7 × 5 = 35", "48 + 35 = 83"], said[:2] + [Fraction(83)],
                        "so 83 more") is None
    bought = "Lu buys 4 apples at $3 each and a bag for $6. How much did she spend?"
    assert chain_answer(bought, ["4 × 3 = 12", "12 + 6 = 18"], [Fraction(12), Fraction(18)], "so $18")
    assert chain_answer(bought, ["4 × 3 = 12", "12 − 6 = 6"], [Fraction(12), Fraction(6)], "so $6") is None


def test_units_rule_out_a_route_even_when_two_measures_share_units():
    problem = "A hose fills 20 L in 4 minutes. How long for 100 L?"
    assert chain_answer(problem, ["20 ÷ 4 = 5", "100 × 5 = 500"], [Fraction(5), Fraction(500)], "so 500 min") is None
    assert chain_answer(problem, ["20 ÷ 4 = 5", "100 ÷ 5 = 20"], [Fraction(5), Fraction(20)], "so 20 min")
    text, verdict = reply("a hose fills 20 L in 4 min, how long for 100 L. 20 / 4 = 5, 100 x 5 = 500 min")
    assert verdict != "confirm" and "is right" not in text


def test_a_result_joined_by_so_is_the_claims_result():
    (taken,) = claims("9 take away 4 so 5")
    assert taken.expression == "9 − 4" and taken.right
    (wrong,) = claims("6 x 3 so 19")
    assert not wrong.right
    assert claims("i got 7 so 5 left") == []
    assert [str(c) for c in claims("3 x 2 = 6 so 6 + 5 = 11")] == ["3 × 2 = 6", "6 + 5 = 11"]


def test_the_next_step_after_a_ratios_parts_are_added():
    (parts,) = claims("3 + 4 = 7")
    lead, question = next_after("dogs to cats at the shelter 3:4, 56 animals, how many cats?", parts, "3 + 4 = 7")
    assert lead.startswith("Yes, 3 + 4 = 7") and "56 animals" in question and "7 equal parts" in question
    (flour,) = claims("5 + 3 = 8")
    assert next_after("flour and sugar 5:3, she uses 15 cups of flour. how much sugar?", flour, "5 + 3 = 8") is None


def test_the_next_step_after_one_of_two_matching_pairs():
    (packs,) = claims("5 x 6 = 30")
    problem = "Ava buys 5 packs of 6 cards. Ben buys 4 packs of 8 cards. Who has more cards?"
    lead, question = next_after(problem, packs, "5 x 6 = 30 now what")
    assert lead == "Yes, 5 × 6 = 30 is right." and "4 packs and 8 cards" in question and "compare" in question
    (mixed,) = claims("5 x 4 = 20")
    assert next_after(problem, mixed, "5 x 4 = 20") is None


def test_the_next_step_after_a_clock_walk_short_of_the_end():
    (hour,) = claims("1:40 to 2:40 is 1 hour")
    lead, question = next_after("Art class runs from 1:40 pm to 3:10 pm. How long is it?", hour,
                                "1:40 to 2:40 is 1 hour, what next")
    assert "1:40 to 2:40" in lead and question == "How many minutes are there from 2:40 to 3:10?"
    text, verdict = reply("art runs from 1:40 pm to 3:10 pm how long is it. 1:40 to 2:40 is 1 hour, what next")
    assert verdict == "confirm" and "from 2:40 to 3:10" in text and "30" not in text


def test_a_number_worked_out_is_never_flagged_as_the_given_it_equals():
    problem = "100 cups are in stacks of 10. 2 stacks fall over. How many cups are still standing?"
    found = claims("100 / 10 = 10 stacks, 10 - 2 = 8 stacks")
    assert local_flag(problem, found, {Fraction(100), Fraction(10), Fraction(2), Fraction(8)}) is None


def test_a_percents_amount_then_the_next_percent_is_no_slip():
    assert percent_slip("10% is 6.20 so 30% is 18.60") is None
    assert percent_slip("5.5 so 25% of 22 is 5.5") is None
    assert percent_slip("17/20 = 0.85 so 8.5%") is not None


def test_time_counted_on_in_words_then_the_whole_said():
    problem = "The show starts at 6:35 pm and ends at 8:05 pm. How long is it?"
    said, steps = elapsed_answer(problem, "6:35 to 7:35 is 1 hour then 30 more min so 1 hr 30 min")
    assert said == "1 hr 30 min" and steps[-1] == "30 more"
    assert elapsed_answer(problem, "6:35 to 7:35 is 1 hour then 30 more min so 1 hr 40 min") is None
    assert elapsed_answer(problem, "6:35 to 7:35 is 1 hour then 40 more min so 1 hr 40 min") is None


def test_the_right_pick_of_a_comparison_is_confirmed_and_a_wrong_one_is_not():
    problem = "Shop A sells 4 pens for $3.60. Shop B sells 5 pens for $4.00. Which shop has the lower price per pen?"
    work = "3.60/4 = 0.90 and 4.00/5 = 0.80 so shop b is cheaper"
    lead, offer = compared_choice(problem, claims(work), work)
    assert lead.startswith("Yes, Shop B is right!") and "0.80 is less than 0.90" in lead
    wrong = "3.60/4 = 0.90 and 4.00/5 = 0.80 so shop a"
    assert compared_choice(problem, claims(wrong), wrong) is None
    flipped = "4/3.60 = 1.11 and 5/4.00 = 1.25 so shop a"   # pens for a dollar: the lower is no lower price
    assert compared_choice(problem, claims(flipped), flipped) is None
    runs = "Mo runs 20 km in 4 hours. Di runs 18 km in 2 hours. Who runs faster, and by how much?"
    assert compared_choice(runs, claims("20/4 = 5, 18/2 = 9 so di"), "20/4 = 5, 18/2 = 9 so di") is None
    text, verdict = reply(f"{problem} {work}")
    assert verdict == "confirm" and text.startswith("Yes, Shop B is right")
