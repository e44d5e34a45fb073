"""Round 13 of the math moves: fractions rewritten with one bottom are confirmed and the rewritten sum asked (a stuck
student gets a concrete shared bottom, never a decimal form), a chain of right steps that uses every given number
once is said to be so without a verdict on the answer, a diagnosis of a number the student computed from others is
not said, a percent misconception is flagged at its own step, a unit's size is a rung of its own, and a given
measure changed into another unit is checked."""
import agent
import escalate
import solver
from arithmetic_claims import claims, computed_given, whole_route
from step_parts import bottom_rungs, same_bottoms, step_rungs, unit_rungs


def silent(*_, **__):
    return iter(())


def replies(turns: list[str]) -> list[dict]:
    tutor = agent.Tutor(silent)
    return [list(tutor.respond("s", turn, "math"))[-1] for turn in turns]


def test_fractions_rewritten_with_one_bottom_are_confirmed_and_the_rewritten_sum_asked():
    said = replies(["What is 2/3 - 1/4?", "8/12 - 3/12"])[-1]
    assert said["verdict"] == "confirm"
    assert said["text"] == "Yes, 2/3 = 8/12 and 1/4 = 3/12. What is 8/12 − 3/12?"
    one = replies(["Work out 3/10 + 1/2.", "3/10 + 5/10"])[-1]
    assert one["text"] == "Yes, 1/2 = 5/10, so both have 10 at the bottom. What is 3/10 + 5/10?"


def test_a_fraction_given_the_bottom_but_not_the_top_is_flagged_at_that_fraction():
    step = solver.plan("What is 2/3 - 1/4?").steps[0]
    verdict, lead, question, _, kind = same_bottoms(step, "8/12 - 1/12")
    assert (verdict, kind) == ("flag", "claim_wrong") and lead == "Check 1/12: it is not the same amount as 1/4."
    assert "multiplied by 3" in question and "5/12" not in question


def test_a_stuck_student_on_unlike_fractions_gets_a_shared_bottom_never_a_decimal():
    texts = [r["text"] for r in replies(["What is 1/2 + 2/5?", "i dont know", "no idea"])]
    assert "10 as the bottom number" in texts[1] and "2 × 5 = 10 and 5 × 2 = 10" in texts[1]
    assert texts[2].startswith("1/2 = 5/10") and "2/5 with 10 at the bottom" in texts[2]
    assert not any("0.5" in t or "0.4" in t or "9/10" in t for t in texts)
    assert bottom_rungs(solver.plan("What is 5/9 - 1/3?").steps[0])[0].startswith("Try 9 as the bottom number")


def test_a_chain_of_right_steps_using_every_given_number_is_said_so_without_a_verdict():
    problem = "Omar plants 8 rows of 9 tulips and then 5 more tulips. How many tulips did he plant?"
    assert solver.plan(problem) is None   # the case this move is for: no plan knows the answer
    texts = [r["text"] for r in replies([problem, "8 x 9 = 72", "72 + 5 = 77", "77 tulips"])]
    assert texts[2].startswith("Your arithmetic is right all the way through: 8 × 9 = 72, then 72 + 5 = 77")
    assert "Is 77 the number of tulips?" in texts[2]
    assert "is right!" not in texts[3] and "what is 72 in this problem" in texts[3]
    assert whole_route(["8 × 9 = 72", "72 + 5 = 77"], [8, 9, 5], 77) == ["8 × 9 = 72", "72 + 5 = 77"]
    assert whole_route(["8 × 9 = 72", "72 + 9 = 81"], [8, 9, 5], 81) == []   # 9 twice, 5 never


def test_a_number_computed_from_others_is_no_coincidental_given_number():
    given = [(12, "12 muffins"), (2, "2 cups"), (24, "24 muffins")]
    assert computed_given(2, claims("24 / 12 = 2"), given)
    assert not computed_given(2, claims("1 + 1 = 3"), given)
    reply = replies(["A recipe for 12 muffins uses 2 cups of milk. How much milk for 24 muffins?", "24 / 12 = 2"])[-1]
    assert "whole 2 cups" not in reply["text"] and reply["verdict"] == "confirm"


def test_two_percent_changes_added_are_flagged_at_the_second_change():
    problem = "A $80 coat is 25% off. Then it is another 10% off the sale price. What is the final price?"
    assert solver.plan(problem) is not None
    reply = replies([problem, "25 + 10 = 35, 35% of 80 is 28, so 52"])[-1]
    assert reply["verdict"] == "flag" and "10% is of 60" in reply["text"]
    kept = replies([problem, "80 x 0.75 = 60"])[-1]   # keeping 75% is taking 25% off
    assert kept["verdict"] == "confirm" and kept["text"].startswith("Yes, 80 × 0.75 = 60 is right.")


def test_a_change_of_unit_step_gets_the_unit_size_as_its_rung():
    problem = "A tap drips 4 ml every minute for 5 hours. How many ml does it drip?"
    plan = solver.plan(problem)
    assert unit_rungs(plan, plan.steps[0])[0] == "1 hour is 60 minutes. How many minutes is 5 hours?"
    texts = [r["text"] for r in replies([problem, "hint", "i dont know"])]
    assert "Which numbers do you need" not in " ".join(texts) and "what is 5 × 60?" in texts[2]


def test_a_given_measure_changed_into_another_unit_is_checked_without_a_plan():
    problem = "A hose is 6 m long. It is cut into parts 40 cm long. How many parts are there?"
    right = replies([problem, "6 m = 600 cm"])[-1]
    assert right["verdict"] == "confirm"
    assert right["text"] == "Yes, 6 m = 600 cm. Now both are in cm: how do 600 cm and 40 cm give you the number of parts?"
    wrong = replies([problem, "6 m = 60 cm"])[-1]
    assert wrong["verdict"] == "flag" and "How many cm make 1 m?" in wrong["text"]


def test_a_repeated_help_request_without_a_plan_names_the_problems_quantities():
    lead, question = escalate.question_again("Pia has 7 jars of 20 beads and drops 13 beads. How many beads now?",
                                             "math")
    assert "Which words in it matter most" not in question and "7 jars" in question and "13 beads" in question


def test_a_price_each_gets_one_thing_pictured_first():
    reply = replies(["Mugs cost $3.50 each. How much do 6 mugs cost?"])[-1]
    assert reply["text"].startswith("Picture 1 mug: it costs $3.50.") and "21" not in reply["text"]


def test_the_operation_rung_names_the_steps_numbers_not_its_question():
    problem = "Each box holds 24 pens. How many pens are in 7 boxes?"
    plan = solver.plan(problem)
    rungs = step_rungs(plan, plan.steps[0])
    assert not any(r.startswith("This step is") and r.endswith(plan.steps[0].question) for r in rungs)
