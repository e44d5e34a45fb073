"""Round 21 (mathright21): a right step or answer typed in the student's own words after a retold problem is read as
theirs and checked. Work typed on after a retelling with no question mark ("... 5 seats are broken. so thats 72
seats", "... how many does she have left. i got 35") is split off the problem (retold.work_apart), never planned as
one more given; a part named by its size ("one fifth is 12 kids") is read against the problem's whole
(arithmetic_claims.with_part_bases), never flagged as "1/5 does not make 12"; a right step the student offers as
their answer is said right without a "Yes" (unplanned_moves.step_not_answer); a retelling that asks nothing has its
question asked for, never why the last operation; "how much more to fill" is a gap, answered by taking away."""
import re

import retold
from answer_check import why_last_step
from arithmetic_claims import claims, with_part_bases
from lesson import plan_of, split_problem
from tests.test_mathconf16 import confirms, reply_to


def test_work_typed_after_a_retelling_without_a_question_is_the_students():
    head, work = split_problem("8 vans w 9 seats each and 5 seats are broken. so thats 72 seats")
    assert work == "so thats 72 seats" and "72" not in head
    head, work = split_problem("kim picks 4 baskets of 11 plums and gives 9 to her aunt how many does she have "
                               "left. i got 35")
    assert work == "i got 35" and plan_of(head).answer == 35   # the 35 is no given: 4 × 11 − 9, never + 35


def test_a_result_stated_in_words_is_split_off_and_a_problem_with_its_question_last_is_not():
    assert retold.work_apart("2 crates of 18 eggs and 7 cracked. 2 eighteens is 36")[1] == "2 eighteens is 36"
    assert retold.work_apart("A map shows 1 cm as 5 km. 3 cm is the gap between two towns on the map. How far "
                             "apart are the towns?") is None
    assert split_problem("shop had 60 cans and 24 were sold so 36 left right")[0].endswith("how many are left?")
    passage = "What is the main idea? In 1850 the town had 300 people. It is 2 miles from the river."
    assert retold.work_apart(passage) is None   # a passage's sentence with a number is no working
    told = "mean of 5 quizzes has to be 80 and i got 70, 85, 90 and 75 on the first four"
    assert retold.work_apart(told) is None   # the scores are the story's, told in the first person


def test_a_decimal_is_never_a_bare_claimed_answer():
    assert retold.claim_apart("4 pens cost 6.20, how much is 9. one pen is 1.55") is None


def test_a_part_named_by_its_size_is_read_against_the_whole():
    assert claims("one fifth is 12 kids") == [] and str(claims("2/5 = 0.4")[0]) == "2/5 = 0.4"
    problem = "class has 60 kids and 2/5 walk to school. how many walk."
    assert with_part_bases("one fifth is 12 kids", problem) == "60 / 5 = 12 kids"
    assert with_part_bases("one fifth is 10 kids", problem) == "60 / 5 = 10 kids"   # the one whole: checked, wrong
    assert with_part_bases("60/5 = 12", problem) == "60/5 = 12"   # a division, never a part of 60
    assert with_part_bases("60 x 1/5 = 12", problem) == "60 x 1/5 = 12"   # a product already
    two = "a farm has 60 cows and 45 sheep and 2/5 of the cows are black. how many black cows."
    assert with_part_bases("one fifth is 10", two) == "one fifth is 10"   # no whole of two makes it: left as said
    reply = reply_to(f"{problem} one fifth is 12 kids")["text"]
    assert "60 ÷ 5 = 12" in reply and "does not make" not in reply and "divided 5 by 60" not in reply


def test_a_division_written_with_a_slash_is_asked_as_that_division():
    assert why_last_step(claims("150/5 = 30")[-1]) == "What in the problem tells you to divide 150 by 5?"


def test_a_right_step_offered_as_the_answer_is_not_said_with_yes():
    reply = reply_to("9 rows of 11 seats and 37 people sitting, how many empty seats. 9 x 11 = 99 so 99 seats")
    assert not reply["text"].startswith("Yes") and "99" in reply["text"] and "37" in reply["text"]
    assert reply.get("stage") != "summary"
    part = reply_to("6 rows of 11 spots and 40 cars parked, how many empty spots. 6 x 11 = 66 so 66 spots")["text"]
    assert not part.startswith("Yes") and re.search(r"6 × 11 = 66( spots)? is right", part) and "40" in part
    step = reply_to("A shed has 6 posts. Each post needs 5 nails. Nails come in boxes of 4. How many boxes are "
                    "needed? 6 x 5 = 30 nails")["text"]
    assert step.startswith("Yes, 6 × 5 = 30 is right")   # 30 nails: a step, not offered for the boxes asked


def test_a_retelling_that_asks_nothing_has_its_question_asked_for():
    reply = reply_to("5 packs of 8 markers and 6 dried out. 5x8=40 and 40-6=34 so 34 markers")
    assert "question" in reply["text"] and "34" in reply["text"] and reply.get("stage") != "summary"
    assert "What in the problem tells you" not in reply["text"]


def test_how_much_more_to_fill_is_a_gap():
    problem = "jug holds 60 L and is 3/4 full. how much more to fill."
    assert confirms(problem, "60 / 4 = 15, 15 x 3 = 45, 60 - 45 = 15")
    assert not confirms(problem, "60 / 4 = 15, 15 x 3 = 45")   # the water in it, not the space left


def test_a_right_answer_after_a_retold_question_is_confirmed_with_its_steps():
    reply = reply_to("kim picks 4 baskets of 11 plums and gives 9 to her aunt how many does she have left. i got 35")
    assert reply["text"].startswith("Yes") and "4 × 11 = 44" in reply["text"] and reply["stage"] == "summary"
    wrong = reply_to("kim picks 4 baskets of 11 plums and gives 9 to her aunt how many does she have left. i got 44")
    assert not wrong["text"].startswith("Yes") and wrong["stage"] != "summary"
