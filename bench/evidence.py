"""evidence.py's grounded moves on the tutor dev set's `tune` split (reading and science; the holdout is never read).

For each case: the student's claim is extracted from their message, the move is built, and we count
- shares: the move shares a content word (beyond tutor phrasing) with the case's gold evidence sentences or facts;
- leaks: scorers.leaks_answer against the gold answer (the problem and message are context);
- verdicts of wrong attempts (never 'supported' is the goal) and of correct answers and steps;
- guard: how many of our own template moves the draft guard would reject (their evidence as the sources).
Science also runs once with the misconception table emptied, to show what the fact path alone does.

    NANOTUTOR_DATA=../shared/data .venv/bin/python -m bench.evidence        # builds out/evidence_kb on first use
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import evidence  # noqa: E402
import reading  # noqa: E402
import science_catalog  # noqa: E402
import science_moves  # noqa: E402
from common import check_known, parse_args, read_jsonl  # noqa: E402
from scorers import leaks_answer  # noqa: E402


def tune_cases(subject: str) -> list[dict]:
    return [c for _, c in read_jsonl(evidence.TUTOR_CASES) if c["split"] == "tune" and c["subject"] == subject]


def move_for(case: dict, kb: evidence.KnowledgeBase | None) -> evidence.Move:
    claim = student_message.extract_claim(case["student_message"], case["problem"])
    if case["subject"] == "reading":
        return reading.reading_move(case["passage"], case["problem"], claim)
    return science_moves.science_move(case["problem"], claim, kb)


def report(name: str, cases: list[dict], kb: evidence.KnowledgeBase | None) -> None:
    shares = leaks = rejected = 0
    verdicts: Counter = Counter()
    for case in cases:
        move = move_for(case, kb)
        gold = set(text_words.content_words(" ".join(case["evidence"]))) - text_words.TUTOR_STEMS
        shares += bool(set(text_words.content_words(move.text)) & gold)
        leaks += leaks_answer(move.text, case["answer"], f"{case['problem']} {case['student_message']}")
        sources = move.evidence + ([case["passage"]] if case["passage"] else [])
        rejected += bool(evidence.check_draft(move.text, case["problem"], sources, case["student_message"]))
        if case["kind"] in ("wrong_attempt", "correct_answer", "correct_step"):
            verdicts[(case["kind"], move.verdict)] += 1
    print(f"{name}: {len(cases)} cases, shares evidence {shares}, leaks {leaks}, own move rejected by guard {rejected}")
    for (kind, verdict), n in sorted(verdicts.items(), key=str):
        print(f"    {kind:15s} {str(verdict):13s} {n}")


def main(argv: list[str] | None = None) -> None:
    check_known(parse_args(argv))  # it takes no keys: --help prints the docstring, any key is one line
    report("reading", tune_cases("reading"), None)
    kb = evidence.KnowledgeBase.load_or_build()
    science = tune_cases("science")
    report("science", science, kb)
    science_catalog.MISCONCEPTIONS.clear()
    report("science, facts only (no misconception table)", science, kb)


if __name__ == "__main__":
    main()
