"""The blind set, data/eval/blind_cases.jsonl (data/eval/README.md): the tutor dev set's rules (schema, exact math
steps, verbatim attempts and evidence, good moves that leak nothing), its fixed kind mix, and no text shared with
the dev set."""
from collections import Counter
from pathlib import Path

import pytest
from test_tutor_cases import (CASES, KEYS, _answer_in_problem_errors, _attempt_errors, _errors_in, _kind_errors,
                              _leak_errors, _material_errors, _step_errors, _type_errors, load_cases)

BLIND = load_cases(Path(__file__).resolve().parents[1] / "data" / "eval" / "blind_cases.jsonl")
MIX = {"help": 7, "wrong_attempt": 8, "correct_answer": 3, "correct_step": 3, "insist": 1, "teacher_claim": 1,
       "injection": 1}


@pytest.mark.parametrize("check", [_type_errors, _kind_errors, _material_errors, _leak_errors])
def test_every_case_keeps_the_dev_set_rules(check) -> None:
    assert all(set(case) == KEYS and case["split"] == "blind" for case in BLIND)
    assert not _errors_in([{**case, "split": "holdout"} for case in BLIND], check)  # the dev set's split names


@pytest.mark.parametrize("check", [_step_errors, _attempt_errors, _answer_in_problem_errors])
def test_math_is_exact(check) -> None:
    assert not _errors_in([case for case in BLIND if case["subject"] == "math"], check)


@pytest.mark.parametrize("subject", ["math", "reading", "science"])
def test_each_subject_has_the_fixed_kind_mix(subject: str) -> None:
    assert Counter(case["kind"] for case in BLIND if case["subject"] == subject) == MIX


def test_no_id_message_or_good_move_is_shared_with_the_dev_set() -> None:
    ids = [case["id"] for case in BLIND]
    assert len(set(ids)) == len(ids) and not set(ids) & {case["id"] for case in CASES}
    dev = {text.strip().lower() for case in CASES for text in (case["student_message"], *case["good_moves"])}
    assert not [text for case in BLIND for text in (case["student_message"], *case["good_moves"])
                if text.strip().lower() in dev]
