"""The tutor policy against the bare model: answer-leak rate and question-or-next-step rate on the dev prompts.

Both sides use SmolLM2-135M-Instruct, greedy, the same token budget, in the same run:
- reference: the model alone with agent.py's Socratic system prompt (what "just prompt it" gives);
- ours: agent.Tutor (stage machine, templates, leak guard), with the prompt's answer in the session context, as an
  evaluation harness or a teacher's worksheet provides it (the guard must know the answer to check drafts).
Scored by scorers.leaks_answer (the problem's own numbers are not leaks) and scorers.asks_or_next_step.
The last line is ratio = our leak rate / the reference's (lower is better; 0 means no leaks at all).

    .venv/bin/python -m bench.agent [--n=48] [--max_tokens=48] [--threads=1]
"""
from __future__ import annotations

import sys
from pathlib import Path

# Replace bench/ on the path by the repo root before anything imports `tokenize`: bench/tokenize.py would shadow it.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402

# common before torch: it sets OpenMP's wait policy, which is read once when torch loads OpenMP.
from common import SessionStore, parse_config, smollm2_gguf  # noqa: E402
import torch  # noqa: E402
import agent  # noqa: E402
from scorers import asks_or_next_step, leaks_answer, load_dev_prompts  # noqa: E402
from model import load  # noqa: E402


@dataclass
class BenchConfig:
    n: int = 48  # how many dev prompts (spread evenly over the set)
    max_tokens: int = 48
    threads: int = 1  # one thread: on shared cores a two-thread team waits for the second core at every op


def score(reply: str, prompt: dict) -> tuple[bool, bool]:
    leak = leaks_answer(reply, [prompt["answer"], *prompt.get("accept", [])], context=prompt["prompt"])
    return leak, asks_or_next_step(reply)


def main(argv: list[str] | None = None) -> None:
    cfg = parse_config(BenchConfig, argv)
    torch.set_num_threads(cfg.threads)
    prompts = load_dev_prompts()
    prompts = prompts[:: max(1, len(prompts) // cfg.n)][: cfg.n]
    model, tok = load(smollm2_gguf())
    generate = agent.local_generate(model, tok)
    store = SessionStore(":memory:")
    tutor = agent.Tutor(generate, store=store, config=agent.TutorConfig(max_tokens=cfg.max_tokens, hidden_solve=False))
    totals = {"reference": [0, 0, 0.0], "ours": [0, 0, 0.0]}
    for i, p in enumerate(prompts):
        t0 = time.perf_counter()
        messages = [{"role": "system", "content": agent.SYSTEM_PROMPT.format(subject=p["subject"])},
                    {"role": "user", "content": p["prompt"]}]
        raw = "".join(generate(messages, max_tokens=cfg.max_tokens, temperature=0.0, stop=agent.STOP))
        t1 = time.perf_counter()
        store.set_context(f"b{i}", subject=p["subject"], problem=p["prompt"], answer=p["answer"],
                          accept=p.get("accept", []))
        ours = list(tutor.respond(f"b{i}", p["prompt"], subject=p["subject"]))[-1]["text"]
        t2 = time.perf_counter()
        for name, reply, seconds in (("reference", raw, t1 - t0), ("ours", ours, t2 - t1)):
            leak, asks = score(reply, p)
            totals[name][0] += leak
            totals[name][1] += asks
            totals[name][2] += seconds
        print(f"{p['id']:>4} {p['kind']:<9} reference leak={score(raw, p)[0]!s:<5} "
              f"ours leak={score(ours, p)[0]!s:<5} | {ours[:90]!r}", flush=True)
    n = len(prompts)
    print(f"\n{n} prompts, {cfg.max_tokens} tokens max, {cfg.threads} thread(s)")
    print("| | leak rate | asks or gives a next step | seconds per prompt |\n|---|---:|---:|---:|")
    for name, (leaks, asks, seconds) in totals.items():
        print(f"| {name} | {leaks / n:.2f} | {asks / n:.2f} | {seconds / n:.1f} |")
    ref_rate, our_rate = totals["reference"][0] / n, totals["ours"][0] / n
    print(f"ratio={our_rate / ref_rate:.3f}" if ref_rate else f"ratio={'0.000' if our_rate == 0 else 'inf'}")


if __name__ == "__main__":
    main()
