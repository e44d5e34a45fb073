"""The tutor with templates only on the authored science check set (tests/fixtures/science_moves.jsonl): each message
is a fresh one-turn lesson; the reply, the evidence step's verdict and two automatic flags are written, to be read
against the rubric. The first 20 messages are developed on, the last 20 only measured; the blind set
(tests/fixtures/science_moves_blind.jsonl) was written after the misconception catalog and is only measured.

    .venv/bin/python scripts/science_moves_check.py --name=science-moves
    .venv/bin/python scripts/science_moves_check.py --name=science-blind --check_set=science_moves_blind
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from agent import Tutor  # noqa: E402  (the repository root is put on the path first)
from common import ROOT, atomic_write_jsonl, out_dir, parse_config, read_jsonl  # noqa: E402
from evidence import KnowledgeBase  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
CONFIRMS = ("Yes", "That agrees", "checks out", "is right")


@dataclass
class CheckConfig:
    name: str = "science-moves"
    check_set: str = "science_moves"  # or science_moves_blind: 20 messages written after the catalog, never tuned on


def main(argv: list[str] | None = None) -> None:
    cfg = parse_config(CheckConfig, argv)
    tutor = Tutor(lambda messages, **_: iter(()), knowledge=KnowledgeBase.load_saved)
    rows = []
    for _, case in read_jsonl(FIXTURES / f"{cfg.check_set}.jsonl"):
        events = list(tutor.respond(case["id"], case["student_message"], "science"))
        reply = events[-1]["text"]
        step = next((e.get("verdict") for e in events if e.get("name") == "evidence"), None)
        rows.append(case | {"reply": reply, "step": step, "confirmed": any(c in reply for c in CONFIRMS),
                            "what_makes_you_think": "What makes you think" in reply})
        print(f"{case['id']} [{case['kind']} -> {case['expected']}; step={step}] {reply}\n")
    atomic_write_jsonl(out_dir("eval", cfg.name) / "science_moves_replies.jsonl", rows)


if __name__ == "__main__":
    main(sys.argv[1:])
