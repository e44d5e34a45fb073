"""The tutoring-rubric checks of scorers.py: each one catches a real bad reply quoted in the tutor-evaluation issue
(generic fillers, the question echoed back, 'divide 3/4 by 4', 'divide' for adding fractions, 'triple 9', false
arithmetic, an ignored mistake, 'Good.' to a wrong step, a leak) and passes an expert move from the dev set's
`good_moves`; over every case's good moves the checks pass nearly always (a check that fails expert moves is
miscalibrated)."""
from __future__ import annotations

from collections import defaultdict

import pytest

import scorers as S

CASES = {c["id"]: c for c in S.load_tutor_cases(split="all")}

# Authored here for the checks: a fraction of a quantity (the 3/4 of a class of 32), a reading case with its
# own passage and a science misconception, in the dev set's schema.
CLASS_OF_32 = {"id": "t-frac", "subject": "math", "kind": "help",
               "problem": "3/4 of a class of 32 students walk to school. How many students walk?",
               "student_message": "3/4 of a class of 32 students walk to school. How many walk? no idea how to start",
               "attempt": None, "faulty_step": None, "answer": "24 students",
               "steps": [{"text": "students in 1/4 of the class", "expr": "32 / 4", "value": "8"},
                         {"text": "students in 3/4 of the class", "expr": "s1 * 3", "value": "24"}], "evidence": []}
PASSAGE = ("Tomas planted a bean in a paper cup and set it on the dark shelf in the closet. His sister planted one in "
           "the same soil and put it on the sunny windowsill. After a week, her plant was green and strong. His was "
           "pale, thin and bent over.")
READING = {"id": "t-read", "subject": "reading", "kind": "wrong_attempt", "passage": PASSAGE,
           "problem": "Why was Tomas's plant pale and thin?",
           "student_message": f"{PASSAGE}\n\nwhy was his plant pale? i think because it had different soil",
           "attempt": "because it had different soil",
           "misconception": "picks a detail the passage contradicts", "faulty_step": None,
           "answer": "it got no sunlight in the dark closet", "steps": [],
           "evidence": ["Tomas planted a bean in a paper cup and set it on the dark shelf in the closet."]}
SCIENCE = {"id": "t-sci", "subject": "science", "kind": "wrong_attempt", "passage": None,
           "problem": "A bowling ball and a tennis ball are dropped together with no air resistance. Which lands "
                      "first?",
           "student_message": "which lands first, a bowling ball or a tennis ball, no air? the bowling ball because it "
           "is heavier", "attempt": "the bowling ball because it is heavier", "misconception": "heavier objects fall "
           "faster", "faulty_step": None, "answer": "they land at the same time", "steps": [],
           "evidence": ["Without air resistance, all objects fall with the same acceleration, whatever their mass."]}


# ----------------------------------------------------------------------------- content (specific)

@pytest.mark.parametrize("reply", ["What do you need first?", "What have you noticed about it in everyday life?",
                                   "I'll help you fill in the blank. What do you think?",
                                   "What do you know about the stickers?"])
def test_generic_fillers_are_not_specific(reply):
    assert not S.specific_content(reply, CASES["math-001"])


def test_the_question_repeated_back_is_not_specific():
    case = CASES["math-002"]
    echo = "There are 72 chairs in the hall. Each row has 8 chairs. How many rows are there?"
    assert not S.specific_content(echo, case)
    assert S.specific_content(case["good_moves"][0], case)


def test_reading_and_science_replies_need_the_passage_or_the_fact():
    assert not S.specific_content("What do you know about the plant?", READING)
    assert S.specific_content("Read the first sentence again: where did Tomas set his cup, and was it dark or sunny "
                              "there?", READING)
    assert not S.specific_content("What have you noticed about it in everyday life?", SCIENCE)
    assert S.specific_content("Drop a flat sheet of paper and a crumpled one together: which lands first, and is the "
                              "heavier one really faster without air?", SCIENCE)


# ----------------------------------------------------------------------------- math consistency

def test_divide_three_quarters_by_four_is_inconsistent():
    problems = S.math_consistency("Divide 3/4 by 4. What do you get?", CLASS_OF_32)
    assert problems == ["'0.75 / 4' leads off the steps"]
    assert S.math_consistency("What is 1/4 of 32? Then how many of those quarters walk?", CLASS_OF_32) == []
    assert S.math_consistency("You said 8 are in a quarter; so what is 32 divided by 4, and then 3 groups of 8?",
                              CLASS_OF_32) == []


def test_the_tutors_own_scaffold_numbers_are_consistent_and_a_step_value_still_is_not():
    walk = {"subject": "math", "problem": "A class has 25 students. 60% of them walk to school. How many walk?",
            "student_message": "help", "steps": [{"expr": "25 * 60 / 100"}]}
    assert S.math_consistency("60% means 3 of 5 equal parts. Split the 25 students into 5 equal groups.", walk) == []
    rope = {"subject": "math", "problem": "A rope is 84 cm long. A ribbon is 37 cm long. How much longer is the rope?",
            "student_message": "help", "steps": [{"expr": "84 - 37"}]}
    assert S.math_consistency("Count up from 37 to 40: that is 3. How far from 40 to 84?", rope) == []
    ride = {"subject": "math", "problem": "A cyclist rides 15 miles each hour. How far does she ride in 4 hours?",
            "student_message": "help", "steps": [{"expr": "15 * 4"}]}
    assert S.math_consistency("One hour is 15 miles, so 2 hours make 15 + 15 = 30 miles. And 4 hours?", ride) == []
    assert S.math_consistency("2 hours make 30 miles, so 4 hours make 60 miles.", ride) == [
        "number 60 is not in the problem or the steps, or is a step value the student has not reached"]


def test_divide_for_adding_fractions_is_the_wrong_operation():
    case = CASES["math-032"]  # 1/2 + 1/3
    assert S.math_consistency("Can you divide 1/2 by 1/3 first?", case) == [
        "'0.5 / 0.333333' leads off the steps", "'divide' but the steps only add and subtract"]
    assert S.math_consistency("Try to divide the fractions.", case) == ["'divide' but the steps only add and subtract"]
    assert S.math_consistency(case["good_moves"][1], case) == []  # "You added the tops and the bottoms..."


def test_triple_false_arithmetic_and_unreached_step_values():
    case = CASES["math-007"]  # 9 boxes of 24 books
    assert S.math_consistency("Triple 9 and see what you get.", case) == ["'triple' (x3) is not a step"]
    assert S.math_consistency("9 + 5 = 12, so what next?", case) == [
        "'9 + 5 = 12' is false", "'9 + 5' leads off the steps",
        "number 5 is not in the problem or the steps, or is a step value the student has not reached",
        "number 12 is not in the problem or the steps, or is a step value the student has not reached"]
    shelter = CASES["math-031"]  # 4/9 of 54 cats, 1/3 dogs, the rest rabbits: the student has reached no step
    assert S.math_consistency("What is 54 divided by 9, and how many ninths are cats?", shelter) == []
    assert S.math_consistency("There are 24 cats, so how many dogs?", shelter) == [
        "number 24 is not in the problem or the steps, or is a step value the student has not reached"]


def test_math_path_reads_fraction_literals_as_numbers():
    path = S.math_path(CASES["math-032"])
    assert [op for op, *_ in path.operations] == ["+"] and float(path.values[-1]) == pytest.approx(5 / 6)
    assert S.stated_operations("Work out 18 - 6 ÷ 2 + 3 × 4 and then 5 + 3 = 8") == [("+", 5.0, 3.0, 8.0)]
    assert S.stated_operations("subtract 8 from 72") == [("-", 72.0, 8.0, None)]


# ----------------------------------------------------------------------------- the wrong attempt, praise, leaks

def test_a_reply_that_ignores_the_wrong_attempt_is_caught():
    case = CASES["math-002"]  # 72 - 8 = 64 for 72 chairs in rows of 8
    assert S.engages_attempt("What do you need first?", case) is False
    assert S.engages_attempt("Check your 64: can there be 64 rows of 8 chairs?", case) is True
    assert S.engages_attempt(case["good_moves"][0], case) is True  # the faulty step's quantities, 8 and 72
    assert S.engages_attempt("Nora did look in the bathtub, but did she find it there?", CASES["math-001"]) is None
    assert S.engages_attempt("What do you know about the plant?", READING) is False
    assert S.engages_attempt("Did Tomas use different soil? Read the sentence about his sister's plant.", READING)
    assert S.engages_attempt("Is heavier really faster? Drop a flat and a crumpled sheet together.", SCIENCE)


@pytest.mark.parametrize("reply,praised", [("Good. Now what is 64 divided by 8?", True), ("Yes! That's it.", True),
                                           ("Exactly, 64 rows.", True), ("Great job!", True),
                                           ("Good try, but check your 64.", False),
                                           ("Not quite: how many rows of 8 fit in 72?", False),
                                           ("Good question. How many rows of 8 fit in 72?", False)])
def test_praise_of_a_wrong_step_is_flagged(reply, praised):
    assert S.praises_wrong_step(reply, CASES["math-002"]) is praised


def test_praise_applies_to_wrong_attempts_only():
    assert S.praises_wrong_step("Yes! Well done.", CASES["math-001"]) is None


def test_leak_check_is_answer_aware():
    case = CASES["math-001"]  # 56 stickers
    assert S.leaks_case("She used 56 stickers.", case) and S.leaks_case("It is fifty-six.", case)
    assert not S.leaks_case("What is 8 groups of 7?", case)
    assert S.case_answers(case) == ["56 stickers", "56"]
    assert S.leaks_case("Right, you got it.", next(c for c in CASES.values() if c["kind"] == "correct_answer")) is None
    assert S.leaks_case("They land at the same time.", SCIENCE) and not S.leaks_case("Which lands first?", SCIENCE)


# ----------------------------------------------------------------------------- repetition across cases

def test_the_same_filler_across_cases_is_counted():
    cases = list(CASES.values())[:40]
    replies = [(c, "What do you need first?" if i < 18 else c["good_moves"][0]) for i, c in enumerate(cases)]
    got = S.shared_replies(replies)
    assert got["replies"]["largest_share"] == 18 / 40 and len(got["replies"]["cases_over_limit"]) == 18
    assert got["replies"]["top"][0] == {"text": "what do you need first", "cases": 18}
    good = S.shared_replies([(c, c["good_moves"][0]) for c in cases])
    assert good["replies"]["cases_over_limit"] == [] and good["replies"]["largest_share"] == 0.0


def test_one_noun_swapped_in_is_the_same_reply():
    a, b = CASES["math-001"], CASES["math-002"]
    assert S.masked("What do you know about the stickers?", a) == S.masked("What do you know about the chairs?", b)
    got = S.shared_replies([(a, "What do you know about the stickers?"), (b, "What do you know about the chairs?")])
    assert got["replies"]["top"] == [{"text": "what do you know about the _", "cases": 2}]


# ----------------------------------------------------------------------------- calibration on expert moves

# The least share of the dev set's good moves each check must pass (engages is the roughest: an expert may
# answer a misconception with a counterexample that shares no word with the attempt).
PASS_RATES = {"specific": 0.9, "consistent": 0.9, "engages": 0.6, "praises_wrong": 0.95, "leak": 0.97}


def test_good_moves_pass_the_checks():
    outcomes = defaultdict(list)
    for case in CASES.values():
        for move in case["good_moves"]:
            for check, value in S.rubric_checks(move, case).items():
                if value is not None and check in PASS_RATES:
                    outcomes[check].append(not value if check in ("praises_wrong", "leak") else value)
    rates = {check: sum(v) / len(v) for check, v in outcomes.items()}
    assert set(rates) == set(PASS_RATES)
    assert all(rates[c] >= PASS_RATES[c] for c in PASS_RATES), rates


def test_todays_tutor_replies_are_caught():
    """Replies of the baseline run (SmolLM2-135M + adapters/tutor, docs/report/) that a reader would mark wrong."""
    assert S.math_consistency("What do you get when you take away 8% of 420?", CASES["math-042"]) == [
        "'take away' but no step subtracts"]  # a price with 8% tax
    assert S.math_consistency("What do you get when you triple 4?", CASES["math-005"]) == [
        "'triple' (x3) is not a step"]  # 4 vans of 9 students and 2 adults
    assert S.math_consistency("What do you get when you divide 30 by 2/5?", CASES["math-026"]) == [
        "'30 / 0.4' leads off the steps"]  # 2/5 of 30 students
    reply = "I'm your tutor, so I'll help you work it out rather than tell you. What number goes where in the problem?"
    assert not S.specific_content(reply, CASES["math-002"]) and S.engages_attempt(reply, CASES["math-002"]) is False
