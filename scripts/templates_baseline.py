"""The tutor with templates only, on the dev set's cases: the baseline a tuned model's wording must beat.

The tutor runs in this process with a model that writes nothing, so every move is said in its grounded template
(`move.question`, `step.question`) and every stage in its template reply: what agent.py says whenever a draft fails
its checks. The replies and the automatic rubric checks go where eval.py puts its tutor-case results
(out/eval/<name>/tutor_cases_replies.jsonl and results.json), so both runs compare side by side.

    .venv/bin/python scripts/templates_baseline.py --split=tune --name=templates-tune
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from agent import Tutor  # noqa: E402  (the repository root is put on the path first)
from classroom import run_tutor_cases  # noqa: E402
from common import atomic_write_json, out_dir, parse_config  # noqa: E402
from evidence import KnowledgeBase  # noqa: E402
from scorers import load_tutor_cases  # noqa: E402


@dataclass
class BaselineConfig:
    split: str = "tune"  # never "holdout" while tuning
    name: str = "templates"


def silent(messages: list[dict], **_: Any) -> Iterator[str]:
    """A model that writes nothing: the tutor falls back to its templates."""
    return iter(())


def main(argv: list[str] | None = None) -> None:
    cfg = parse_config(BaselineConfig, argv)
    tutor = Tutor(silent, knowledge=KnowledgeBase.load_saved)

    def chat(session: str, message: str, subject: str) -> tuple[str, list[dict]]:
        events = list(tutor.respond(session, message, subject))
        return events[-1]["text"], events

    run_dir = out_dir("eval", cfg.name)
    result = run_tutor_cases(chat, load_tutor_cases(split=cfg.split), 1, run_dir / "tutor_cases_replies.jsonl")
    atomic_write_json(run_dir / "results.json", {"tutor_cases": result | {"split": cfg.split}})
    for subject, checks in result["table"].items():
        print(subject, {k: round(v["value"], 3) for k, v in checks.items()})


if __name__ == "__main__":
    main(sys.argv[1:])
