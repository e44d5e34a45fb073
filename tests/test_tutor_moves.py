"""tutor_moves.py and data/sft/build.py's `grounded` on the fixture data root (tests/fixtures, no shared data).

The key invariant: an example's prompt is exactly what the tutor sends at run time to word that move. Each kept
example is replayed through a fresh Tutor whose model answers with the example's reply; the messages it sends must
equal the example's, the tutor must use the reply (its wording step says "model"), and its whole reply must pass the
rubric's automatic checks.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import tutor_moves
from agent import Tutor
from data.sft import build
from scorers import rubric_checks
from wording import SYSTEM_PROMPT

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def moves() -> tuple[list[dict], dict, dict[str, tutor_moves.Item]]:
    kept, counts = tutor_moves.build_moves(tutor_moves.MovesConfig(), FIXTURES)
    draw = tutor_moves.item_rngs(tutor_moves.MovesConfig().seed)  # the same items build_moves drew
    items = [*tutor_moves.gsm8k_items(FIXTURES, draw["gsm8k"]), *tutor_moves.obqa_items(FIXTURES, draw["obqa"]),
             *tutor_moves.fable_items(FIXTURES, draw["aesop"])]
    return kept, counts, {item.id: item for item in items}


class Replay:
    """A model that answers every wording request with one fixed reply and records what the tutor sent."""

    def __init__(self, reply: str):
        self.reply, self.sent = reply, []

    def __call__(self, messages: list[dict], **_: object):
        self.sent.append([dict(m) for m in messages])
        return iter([self.reply if "\nThis turn: " in messages[0]["content"] else ""])


def replay(example: dict, item: tutor_moves.Item) -> tuple[Replay, list[dict]]:
    model = Replay(example["messages"][-1]["content"])
    facts = tutor_moves.openbook(FIXTURES) if item.subject == "science" else None
    tutor = Tutor(model, knowledge=(lambda: facts) if facts is not None else None)
    return model, list(tutor.respond(f"replay-{item.id}", item.message, item.subject))


def test_every_subject_and_several_kinds_are_kept(moves):
    kept, counts, _ = moves
    assert {ex["subject"] for ex in kept} == {"math", "science", "reading"}
    assert {ex["origin"] for ex in kept} == {"gsm8k", "obqa", "aesop"}
    # a right answer is now confirmed in three or four sentences (reading.py, science cards): more than the two the
    # wording request allows, so those moves are said as templates and make no example here
    # since evidence.off_move (round 20) a drafted move must keep half the move's own words: the wrong attempts'
    # reference replies word another move than the code's, and are said as templates
    assert {"help", "insist"} <= {ex["kind"] for ex in kept}
    assert sum(c["kept"] for c in counts.values()) == len(kept)


def test_prompt_is_the_tutors_own_and_the_tutor_uses_the_reply(moves):
    kept, _, items = moves
    for ex in kept:
        item = items[ex["id"]]
        model, events = replay(ex, item)
        wording_prompts = [m for m in model.sent if "\nThis turn: " in m[0]["content"]]  # not the hidden solve
        assert wording_prompts[0] == ex["messages"][:-1], ex["id"]
        assert ex["messages"][0]["content"].startswith(SYSTEM_PROMPT.format(subject=ex["subject"]) + "\nThis turn: ")
        sources = [e["source"] for e in events if e.get("name") == "wording"]
        assert sources in ([], ["model"]), (ex["id"], sources)
        assert ex["messages"][-1]["content"] in events[-1]["text"]


def test_every_kept_reply_passes_the_rubric_checks(moves):
    kept, _, items = moves
    for ex in kept:
        item = items[ex["id"]]
        checks = rubric_checks(replay(ex, item)[1][-1]["text"], item.case)
        assert checks["specific"] and checks["asks"], (ex["id"], checks)
        assert checks["leak"] is not True and checks["praises_wrong"] is not True, (ex["id"], checks)
        assert checks["engages"] is not False and checks["consistent"] is not False, (ex["id"], checks)


@pytest.mark.xfail(strict=True, reason="round 16: reading's closing questions no longer quote the question, so the "
                   "automatic `specific` check keeps 5 of the fixture's fable moves (9 before), opened two ways; the "
                   "builder needs closings that name the passage's own words")
def test_replies_are_worded_in_several_ways(moves):
    kept, _, _ = moves
    openings = {" ".join(ex["messages"][-1]["content"].split()[:2]) for ex in kept if ex["subject"] == "reading"}
    assert len(openings) >= 4


def test_an_item_from_an_evaluation_split_is_dropped(tmp_path):
    root = tmp_path / "data"
    (root / "gsm8k").mkdir(parents=True)
    prompts = [json.loads(line) for line in (build.ROOT / "data" / "eval" / "dev_prompts.jsonl").open()]
    dev = next(p["prompt"] for p in prompts if p["prompt"].startswith("Tom had 45 stickers"))  # planned: 4 openers
    rows = [{"question": dev, "answer": "45 - 18 = <<45-18=27>>27\n27 + 12 = <<27+12=39>>39\n#### 39"},
            json.loads((FIXTURES / "gsm8k" / "train.jsonl").read_text().splitlines()[2])]
    (root / "gsm8k" / "train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    for name in ("openbookqa", "children_stories"):
        (root / name).symlink_to(FIXTURES / name)
    kept, counts = tutor_moves.build_moves(tutor_moves.MovesConfig(), root)
    assert counts["gsm8k"]["overlaps an evaluation split"] == 4  # each opener built on the dev prompt
    assert not any(ex["id"].startswith("gsm8k-1-") for ex in kept)
    assert all(dev not in m["content"] for ex in kept for m in ex["messages"])


def test_grounded_builder_reads_the_file_and_rejects_a_malformed_one(tmp_path, moves):
    kept, _, _ = moves
    path = tmp_path / "grounded.jsonl"
    assert build.grounded(path, 10, random.Random(0)) == []  # not written yet: no examples, no error
    path.write_text("".join(json.dumps(ex) + "\n" for ex in kept))
    out = build.grounded(path, 5, random.Random(0))
    assert len(out) == min(5, len(kept))
    assert all(ex["source"] == "grounded" and ex["messages"][0]["role"] == "system" for ex in out)
    bad = dict(kept[0], messages=kept[0]["messages"][1:])
    path.write_text(json.dumps(bad) + "\n")
    with pytest.raises(ValueError, match="system turn first"):
        build.grounded(path, 10, random.Random(0))
