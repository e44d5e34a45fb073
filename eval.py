"""Evaluation for nanotutor: held-out benchmarks, pedagogy measures, a simulated classroom through serve.py, and a
markdown report. This file holds the config, the benchmark runners, the HTTP clients of serve.py, the wiring of the
parts and main; the tutor measures (conversations with simulated students, the dev set, the rubric judge) are in
classroom.py and the report writer in report.py. It consumes scorers.py (leaks, questions, tool calls, GSM8K
answers), the scorers training and serving share; `mc_loglik(model, tok, context, options)` (summed log-probability
of each option after a context) stays here beside the batched `mc_scores` it is the reference for. Nothing here
imports sft, agent or serve.

Benchmarks (any checkpoint model.load reads: a .gguf or a Hugging Face release directory; for a tuned model,
`sft.py --export=out/release/tutor` merges the adapter into a release, which serve.py also loads):
- perplexity on WikiText-2 test and on our validation split (data.prepare's val shards, `--val_dir`, default
  out/data/default from `make data`), in windows of `ppl_ctx` tokens
- multiple choice by log-likelihood (acc and per-character acc_norm): ARC-Easy, ARC-Challenge, OpenBookQA, SciQ, MathQA;
  each question's context computed once, its options from a copy of that context's KV cache (`mc_scores`)
- GSM8K by greedy generation, `--batch` prompts of different lengths decoding together, and `extract_answer`
- every number with its count, a 95% interval (Wilson for proportions) and the seconds it took; `--quick` = the
  first 50 items of each set, otherwise a seeded subset of `--n` items; `--dtype=bfloat16` for speed
Pedagogy and the classroom talk to the tutor over HTTP only (serve.py started on 127.0.0.1 with a free port and its
own token, or `--url=... --token=...`): leak and question rates, hint-ladder progression and tool calls on the dev
prompts (incl. pushy and injection attempts); MathDial-style "tells the answer within five turns"; rule-based students
(confident with a misconception, stuck, answer-only, fast) per subject, scored for correctness, false assertions,
engagement, helpfulness (rules, plus an optional judge model: `--judge`, the base model for every run unless
`--judge_url`) and leaks; `--model_students` holds the classroom again with the served model playing each persona
(a persona prompt over serve.py's /v1/chat/completions).

Tutoring on the authored dev set (data/eval/tutor_cases.jsonl, `--split=holdout` by default, never tuned on): each
case's student message (a reading passage pasted above it, as a student would) through POST /chat, the reply and
its events saved to out/eval/<name>/tutor_cases_replies.jsonl, scorers.py's rubric checks per subject (content,
repetition across cases, math consistency, engaging a wrong attempt, praise of a wrong step, leak); `--judge_url`
grades each reply with the rubric (scorers.RUBRIC) into tutor_cases_graded.jsonl, or `--graded=FILE` (a careful
reader's grades) joins the report; scripted multi-turn students built from each case (`--lessons_n`): one follows
hints with the steps' values or the evidence, one repeats the misconception, one asks for the answer.

Each part (a benchmark, pedagogy, mathdial, tutor_cases, lessons, classroom) is saved to out/eval/<name>/results.json
as it ends; a part that fails (a missing data file, a server that did not start) is listed under "skipped" with why,
in the results and the printed summary, the other parts still run, and the exit status is 1.

Run it (the report puts every saved run side by side):
    .venv/bin/python eval.py --quick                                       # CI-sized, SmolLM2-135M base
    .venv/bin/python eval.py --name=base --n=500 --ppl_n=200 --dtype=bfloat16 --report=docs/report/   # README numbers
    .venv/bin/python eval.py --ckpt=out/release/tutor --name=tuned --report=docs/report/
    .venv/bin/python eval.py --benchmarks= --pedagogy=False --judge --model_students --name=base  # judge, students
    .venv/bin/python eval.py --benchmarks= --url=http://127.0.0.1:8000 --token=$(cut -d' ' -f1 out/token) --name=live
    .venv/bin/python eval.py --report=docs/report/ --runs=base,tuned       # report only, from saved runs
    .venv/bin/python eval.py --benchmarks= --pedagogy=False --classroom=False --adapter=adapters/tutor --name=dev
    .venv/bin/python eval.py --report=docs/report/ --runs=dev --graded=docs/report/graded.jsonl   # + careful grades
    .venv/bin/python -m pytest -q tests/test_eval_scorers.py tests/test_eval.py tests/test_rubric_checks.py
"""
from __future__ import annotations

import contextlib
import functools
import json
import math
import os
import random
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import numpy as np
# common before torch: it sets OpenMP's wait policy
from common import (ROOT, atomic_write_json, atomic_write_jsonl, atomic_write_text, check_known, fill, get_logger,
                    out_dir, parse_args, read_jsonl, require_data, shared_data_dir, smollm2_gguf)
import torch  # noqa: I001
import torch.nn.functional as F

from classroom import (PERSONAS, SUBJECTS, judge_replies, progress, proportion, run_classroom, run_lessons,
                       run_mathdial, run_pedagogy, run_tutor_cases, spread)
from data.shards import load_split
from data.sources import mathqa_options, mc_fields, read_json_array
from model import load as load_model, right_padded
from report import (BENCHMARKS, MC_SETS, load_graded, load_runs, rubric_table, short_ckpt, write_report,
                    write_summary)
from scorers import TUTOR_CASES, extract_answer, load_dev_prompts, load_tutor_cases
from tokenizer import render_chat
from train import window_nll

_LOG = get_logger("eval")

# ----------------------------------------------------------------------------- likelihood

@torch.no_grad()
def mc_loglik(model: torch.nn.Module, tok: Any, context: str, options: Sequence[str]) -> list[float]:
    """Summed log-probability of each option's tokens given the context (higher is more likely).

    Context and option are encoded separately and joined, so every option is scored against the same context
    tokens (encoding the joined string lets BPE merge across the boundary and shift what counts as the option).
    """
    ctx = tok.encode(context)
    scores = []
    for option in options:
        cont = tok.encode(option)
        if not cont:
            raise ValueError(f"mc_loglik: option {option!r} encodes to no tokens")
        ids = torch.tensor([ctx + cont], dtype=torch.long)
        logits, _ = model(ids)
        logp = F.log_softmax(logits[0, len(ctx) - 1:-1].float(), dim=-1)
        scores.append(logp.gather(1, torch.tensor(cont).unsqueeze(1)).sum().item())
    return scores


# ============================================================================= benchmarks on held-out sets
# `python eval.py` evaluates one checkpoint (benchmarks with model.py here; the tutor parts of classroom.py through
# serve.py over HTTP) and saves out/eval/<name>/results.json; `--report=DIR` has report.py write a markdown report of
# every saved run side by side (base next to tuned).

@dataclass
class EvalConfig:
    ckpt: str = ""  # a Hugging Face release dir (serve.py merges an adapter inside) or a .gguf; "" = SmolLM2-135M GGUF
    adapter: str = ""  # a peft-style LoRA dir for the serve.py we start (it merges it); benchmarks need a merged one
    name: str = ""  # results go to out/eval/<name>/; "" = the checkpoint's name
    data_dir: str = ""  # the staged evaluation sets; "" = ../shared/data
    val_dir: str = ""  # data.prepare's shards for perplexity on our val split; "" = out/data/default (make data)
    benchmarks: str = ",".join(BENCHMARKS)  # which benchmarks to run ("" = none); val is skipped without shards
    n: int = 500  # items per set: a seeded subset (windows of ppl_ctx tokens for perplexity)
    gsm8k_n: int = 0  # GSM8K items (generation is the slow part); 0 = n
    ppl_n: int = 0  # perplexity windows; 0 = n
    quick: bool = False  # 50 fixed items per set (the first 50), a 2-dialogue classroom: for CI
    seed: int = 0
    ppl_ctx: int = 512  # tokens per perplexity window
    gsm8k_max_tokens: int = 256
    batch: int = 64  # GSM8K prompts that decode together (on 2 cores, bf16: 64 rows decode ~2x the tokens/s of 16)
    mc_batch: int = 16  # multiple-choice questions scored together
    dtype: str = "float32"  # benchmark weights: float32, or bfloat16 (faster where the CPU has AMX or AVX-512 BF16)
    pedagogy: bool = True  # dev prompts, hint ladder and MathDial through serve.py
    classroom: bool = True
    dev_n: int = 0  # dev prompts for pedagogy, round-robin over (subject, kind) so every kind is covered; 0 = all 48
    mathdial_n: int = 30
    turns: int = 6  # student turns per classroom conversation
    problems: int = 2  # problems per subject and persona
    url: str = ""  # a running serve.py ("" = start one on 127.0.0.1 with this checkpoint)
    token: str = ""  # its bearer token (student role)
    index: str = ""  # passed to the serve.py we start ("" = its default, out/index when present)
    workers: int = 8  # conversations held at once: serve.py batches their decode steps, so this is the speed dial
    judge: bool = False  # also rate each classroom conversation 1-5 with a judge model (beside the rules rubric)
    judge_url: str = ""  # the judge's OpenAI-compatible server ($NANOTUTOR_JUDGE_KEY its key); "" = the base model
    model_students: bool = False  # also hold the classroom with model-driven students (the served model + a persona)
    tutor_cases: bool = True  # the rubric's dev set (data/eval/tutor_cases.jsonl): one reply per case, automatic checks
    split: str = "holdout"  # its split: holdout (never tuned on; what reports quote), tune, or all
    cases: str = ""  # another file in the same schema ("" = data/eval/tutor_cases.jsonl)
    subjects: str = ""  # comma-separated subjects of the dev set to run ("" = all)
    cases_n: int = 0  # cases taken round-robin over (subject, kind); 0 = all of the split
    lessons_n: int = 12  # cases held as scripted 6-turn lessons (three students each); 0 = none
    judge_model: str = ""  # the model name to ask --judge_url for ("" = nanotutor, serve.py's)
    graded: str = ""  # a graded JSONL (the judge's or one by careful reading) the report shows beside the run
    threads: int = 0  # torch threads for the benchmarks; 0 = torch's default
    report: str = ""  # write the markdown report here (e.g. docs/report/)
    runs: str = ""  # comma-separated run names for the report; "" = every run under out/eval/
    note: str = ""  # saved with the run and shown in the report (e.g. which adapter commit a tuned run used)
    summary: str = ""  # with --report: also put the headline table into this JSON file (docs/results.json, for README)


def pick(items: list[Any], n: int, quick: bool, seed: int) -> list[Any]:
    """The first 50 items (fixed, for CI) or a seeded subset of n in file order; everything when n covers the set."""
    if quick:
        return items[:50]
    if n >= len(items):
        return items
    keep = sorted(random.Random(seed).sample(range(len(items)), n))
    return [items[i] for i in keep]


# ----------------------------------------------------------------------------- the staged sets

def _mc_from_arc(path: Path) -> list[dict]:
    """ARC / OBQA / SciQ normalised jsonl -> {id, question, options, gold}."""
    require_data(path, path.parent.name)  # each set's folder is its `data.download --sources` name
    items = []
    for lineno, row in read_jsonl(path, ("id", "question", "choices", "answerKey")):
        options, gold = mc_fields(row, f"{path}:{lineno}")
        items.append({"id": row["id"], "question": row["question"], "options": options, "gold": gold})
    return items


def _mathqa(path: Path) -> list[dict]:
    require_data(path, path.parent.name)  # each set's folder is its `data.download --sources` name
    items = []
    for i, row in read_json_array(path, ("Problem", "options", "correct")):
        options = mathqa_options(row["options"], f"{path}: item {i}")
        gold = "abcde".index(row["correct"])
        if len(options) != 5:
            raise ValueError(f"{path}: item {i}: expected 5 options in {row['options']!r}")
        items.append({"id": f"mathqa-test-{i:05d}", "question": row["Problem"], "options": options, "gold": gold})
    return items


def load_mc(name: str, data_dir: Path) -> list[dict]:
    """A multiple-choice test set from the staged data: {id, question, options, gold index}."""
    files = {"arc_easy": "arc/arc_easy_test.jsonl", "arc_challenge": "arc/arc_challenge_test.jsonl",
             "openbookqa": "openbookqa/obqa_test.jsonl", "sciq": "sciq/sciq_test.jsonl"}
    if name == "mathqa":
        return _mathqa(data_dir / "mathqa" / "test.json")
    if name not in files:
        raise KeyError(f"unknown multiple-choice set {name!r}; expected one of {MC_SETS}")
    return _mc_from_arc(data_dir / files[name])


def load_gsm8k(data_dir: Path) -> list[dict]:
    """GSM8K test: {question, answer (canonical number)}."""
    path = data_dir / "gsm8k" / "test.jsonl"
    require_data(path, "gsm8k")
    rows = read_jsonl(path, ("question", "answer"))
    return [{"question": r["question"], "answer": extract_answer(r["answer"])} for _, r in rows]


def mathdial_problems(data_dir: Path, n: int, quick: bool, seed: int) -> list[dict]:
    """MathDial test dialogues: the problem, the student's wrong solution and the true answer."""
    path = data_dir / "mathdial" / "test.jsonl"
    require_data(path, "mathdial")
    items = []
    for _, row in read_jsonl(path, ("qid", "question", "ground_truth")):
        gold = extract_answer(row["ground_truth"])
        if gold is not None:
            items.append({"id": str(row["qid"]), "question": row["question"], "answer": gold,
                          "student": row.get("student_incorrect_solution", "")})
    return items[:min(n, 50)] if quick else pick(items, n, False, seed)


# ----------------------------------------------------------------------------- scoring a model

def mc_prompt(question: str) -> str:
    return f"Question: {question}\nAnswer:"


@torch.no_grad()
def mc_scores(model: torch.nn.Module, tok: Any, contexts: Sequence[str],
              options: Sequence[Sequence[str]]) -> list[list[float]]:
    """mc_loglik for several questions at once, each context computed once (tested equal to mc_loglik).

    The contexts are prefilled together into a KV cache (right-padded: causal attention keeps the pads out, and
    the cache forgets them); every option row starts from a copy of its context's keys and values, and all
    options run in one more forward pass. Only the positions that predict an option token reach the output
    layer. An ARC question costs its context once instead of once per option: 2-4x fewer tokens.
    """
    ctxs = [tok.encode(c) for c in contexts]
    conts = [[tok.encode(o) for o in opts] for opts in options]
    if not all(c for cs in conts for c in cs):
        raise ValueError(f"mc_loglik: an option of {list(options)!r} encodes to no tokens")
    lens = torch.tensor([len(c) for c in ctxs])
    ctx_cache = model.new_cache(len(ctxs), int(lens.max()))
    h_ctx = model.hidden(right_padded(ctxs), cache=ctx_cache)
    ctx_cache.lengths = lens.clone()
    rows = [(q, cont) for q, cs in enumerate(conts) for cont in cs]
    cache = model.new_cache(len(rows), int(lens.max()) + max(len(c) for _, c in rows))
    for row, (q, _) in enumerate(rows):
        cache.copy_prefix(q, row, len(ctxs[q]), source=ctx_cache)
    h_opt = model.hidden(right_padded([c for _, c in rows]), cache=cache)
    # the state before each option token: the context's last one, then the option's own all but last
    states = torch.cat([torch.cat([h_ctx[q, len(ctxs[q]) - 1:len(ctxs[q])], h_opt[row, :len(c) - 1]])
                        for row, (q, c) in enumerate(rows)])
    logp = F.log_softmax(model.output(states).float(), dim=-1)
    picked = logp[torch.arange(len(states)), torch.tensor([t for _, c in rows for t in c])]
    flat = [s.sum().item() for s in picked.split([len(c) for _, c in rows])]
    sizes = [len(cs) for cs in conts]
    return [flat[sum(sizes[:q]):sum(sizes[:q + 1])] for q in range(len(conts))]


def run_mc(model: torch.nn.Module, tok: Any, items: list[dict], desc: str = "", batch: int = 16) -> dict[str, Any]:
    """Accuracy by summed log-likelihood (acc) and by log-likelihood per character (acc_norm, lm-eval's length fix);
    `batch` questions share each pair of forward passes."""
    hits, hits_norm = [], []
    for start in progress(range(0, len(items), batch), desc):
        part = items[start:start + batch]
        options = [[" " + o for o in item["options"]] for item in part]
        scored = mc_scores(model, tok, [mc_prompt(it["question"]) for it in part], options)
        for item, opts, scores in zip(part, options, scored):
            norm = [s / len(o) for s, o in zip(scores, opts)]
            hits.append(max(range(len(scores)), key=scores.__getitem__) == item["gold"])
            hits_norm.append(max(range(len(norm)), key=norm.__getitem__) == item["gold"])
    return {"acc": proportion(hits), "acc_norm": proportion(hits_norm)}


def windows(ids: Sequence[int], ctx: int) -> list[Sequence[int]]:
    """Non-overlapping windows of ctx tokens (the last partial one dropped, so every window weighs the same)."""
    return [ids[i:i + ctx] for i in range(0, len(ids) - ctx + 1, ctx)]


def run_perplexity(model: torch.nn.Module, chunks: list[Sequence[int]], desc: str = "") -> dict[str, Any]:
    """Perplexity = exp(mean NLL over equal windows); the 95% interval comes from the windows' spread (t-style)."""
    nll = [window_nll(model, c) for c in progress(chunks, desc)]
    n = len(nll)
    if n == 0:
        raise ValueError(f"{desc or 'perplexity'}: no complete window of tokens to score")
    mean = sum(nll) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in nll) / (n - 1)) if n > 1 else 0.0
    half = 1.96 * sd / math.sqrt(n)
    return {"ppl": {"value": math.exp(mean), "n": n, "tokens": n * (len(chunks[0]) - 1),
                    "ci": [math.exp(mean - half), math.exp(mean + half)]}}


def wikitext_ids(tok: Any, data_dir: Path) -> list[int]:
    path = data_dir / "wikitext2" / "wiki.test.raw"
    require_data(path, path.parent.name)  # each set's folder is its `data.download --sources` name
    return tok.encode(path.read_text())


def val_ids(tok: Any, val_dir: str) -> Sequence[int]:
    """Our validation split from data.prepare's shards (its tokenizer must be the model's)."""
    return np.concatenate([np.asarray(m) for m in load_split(val_dir, "val", fingerprint=tok.fingerprint)]).tolist()


def gsm8k_prompt(tok: Any, question: str) -> list[int]:
    content = f"{question}\nSolve it step by step, then finish with 'The answer is N.'"
    return render_chat(tok, [{"role": "user", "content": content}], add_generation_prompt=True)[0]


def run_gsm8k(model: Any, tok: Any, items: list[dict], max_tokens: int, batch: int,
              desc: str = "gsm8k") -> dict[str, Any]:
    """Greedy generation, batched (rows of different lengths decode together), answers by extract_answer."""
    hits, samples = [], []
    bar = progress(range(0, len(items), batch), desc)
    for start in bar:
        part = items[start:start + batch]
        outs = model.generate([gsm8k_prompt(tok, it["question"]) for it in part], max_tokens, stop_ids=tok.stop_ids)
        for it, out in zip(part, outs):
            text = tok.decode(out)
            hits.append(extract_answer(text) == it["answer"])
            samples.append({"question": it["question"], "reply": text, "gold": it["answer"], "correct": hits[-1]})
    return {"acc": proportion(hits), "samples": samples[:3]}


def benchmark_names(cfg: EvalConfig) -> list[str]:
    """The benchmarks cfg asks for; an unknown name or dtype is a config error, raised before anything runs."""
    wanted = [b for b in cfg.benchmarks.split(",") if b]
    unknown = set(wanted) - set(BENCHMARKS)
    if unknown:
        raise KeyError(f"benchmarks: unknown {sorted(unknown)}; expected some of {BENCHMARKS}")
    if cfg.dtype not in ("float32", "bfloat16"):
        raise ValueError(f"dtype: expected float32 or bfloat16, got {cfg.dtype!r}")
    return wanted


def load_benchmark_model(cfg: EvalConfig) -> tuple[Any, Any]:
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    model, tok = load_model(cfg.ckpt or smollm2_gguf(), dtype=getattr(torch, cfg.dtype))
    if tok is None:
        raise FileNotFoundError(f"{cfg.ckpt}: no tokenizer beside the weights")
    return model, tok


def run_benchmark(name: str, model: Any, tok: Any, cfg: EvalConfig) -> dict[str, Any]:
    """One benchmark on one checkpoint: metrics with counts, intervals and the seconds it took."""
    data_dir = Path(cfg.data_dir) if cfg.data_dir else shared_data_dir()
    val_dir = Path(cfg.val_dir) if cfg.val_dir else out_dir("data", "default")
    start = time.perf_counter()
    if name == "wikitext2":
        chunks = pick(windows(wikitext_ids(tok, data_dir), cfg.ppl_ctx), cfg.ppl_n or cfg.n, cfg.quick, cfg.seed)
        metrics = run_perplexity(model, chunks, name)
    elif name == "val":
        if not (val_dir / "manifest.json").exists():
            raise FileNotFoundError(f"no shards in {val_dir} (make data)")
        chunks = pick(windows(val_ids(tok, str(val_dir)), cfg.ppl_ctx), cfg.ppl_n or cfg.n, cfg.quick, cfg.seed)
        metrics = run_perplexity(model, chunks, name)
    elif name in MC_SETS:
        metrics = run_mc(model, tok, pick(load_mc(name, data_dir), cfg.n, cfg.quick, cfg.seed), name, cfg.mc_batch)
    else:
        items = pick(load_gsm8k(data_dir), cfg.gsm8k_n or cfg.n, cfg.quick, cfg.seed)
        metrics = run_gsm8k(model, tok, items, cfg.gsm8k_max_tokens, cfg.batch)
    metrics["seconds"] = round(time.perf_counter() - start, 1)
    _LOG.info("benchmark", extra={"fields": {"name": name, "seconds": metrics["seconds"],
                                             **{k: v.get("value") for k, v in metrics.items() if isinstance(v, dict)}}})
    return metrics


# ============================================================================= the tutor over HTTP (serve.py)

class ServeClient:
    """An HTTP client of a serve.py (or any OpenAI-compatible server) with a bearer token."""

    def __init__(self, url: str, token: str, timeout: float = 600.0):
        headers = {"Authorization": f"Bearer {token}"}
        self.http = httpx.Client(base_url=url.rstrip("/"), headers=headers, timeout=timeout)

    def post(self, path: str, body: dict[str, Any], what: str = "") -> Any:
        r = self.http.post(path, json=body)
        if r.status_code != 200:
            raise RuntimeError(f"POST {path}{what}: HTTP {r.status_code}: {r.text[:300]}")
        return r.json()

    def close(self) -> None:
        self.http.close()


class TutorClient(ServeClient):
    """POST /chat on a serve.py (stream false): one call per student turn, returning the reply and its events."""

    def __call__(self, session_id: str, message: str, subject: str | None = None) -> tuple[str, list[dict]]:
        body = {"session_id": session_id, "message": message, "stream": False,
                **({"subject": subject} if subject else {})}
        data = self.post("/chat", body, f" for session {session_id}")
        return data["reply"], data["events"]


def _free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as s:
        return s.getsockname()[1]


@contextlib.contextmanager
def serve_process(ckpt: str, workdir: Path, index: str = "", timeout: float = 600.0,
                  adapter: str = "") -> Iterator[tuple[str, str]]:
    """Start serve.py on 127.0.0.1 (a free ephemeral port, its own token, sessions and logs under `workdir`),
    wait for /ready, yield (url, token), and stop it. eval.py never imports serve: the tutor is reached over HTTP."""
    workdir.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(16)
    atomic_write_text(workdir / "tokens", f"{token} student\n")
    port = _free_port()
    cmd = [sys.executable, str(ROOT / "serve.py"), f"--ckpt={ckpt or smollm2_gguf()}", f"--port={port}",
           f"--tokens_file={workdir / 'tokens'}", f"--sessions={workdir / 'sessions.db'}",
           f"--uploads={workdir / 'uploads'}", f"--logs={workdir / 'serve.jsonl'}",
           *([f"--index={index}"] if index else []), *([f"--adapter={adapter}"] if adapter else [])]
    log = open(workdir / "serve.stderr", "wb")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            if proc.poll() is not None:
                tail = (workdir / "serve.stderr").read_text()[-2000:]
                raise RuntimeError(f"serve.py exited with {proc.returncode}: {tail}")
            with contextlib.suppress(httpx.HTTPError):
                r = httpx.get(url + "/ready", headers={"Authorization": f"Bearer {token}"}, timeout=5)
                if r.status_code == 200:
                    break
                if "failed to load" in r.text:
                    raise RuntimeError(f"serve.py could not load {ckpt}: {r.text}")
            if time.time() > deadline:
                raise TimeoutError(f"serve.py not ready after {timeout:.0f} s (log: {workdir / 'serve.stderr'})")
            time.sleep(0.5)
        yield url, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


class ModelClient(ServeClient):
    """POST /v1/chat/completions on an OpenAI-compatible server: the judge, and the model-driven students
    (serve.py's endpoint runs its model without the tutor agent around it)."""

    def __init__(self, url: str, token: str, timeout: float = 600.0, model: str = "nanotutor"):
        super().__init__(url, token, timeout)
        self.model = model

    def __call__(self, messages: list[dict], max_tokens: int, temperature: float = 0.0, seed: int | None = None) -> str:
        body = {"model": self.model, "messages": messages, "max_tokens": max_tokens, "temperature": temperature,
                **({"seed": seed} if seed is not None else {})}
        data = self.post("/v1/chat/completions", body)
        return data["choices"][0]["message"]["content"] or ""


# ============================================================================= one run, saved

def run_name(cfg: EvalConfig) -> str:
    if cfg.name:
        return cfg.name
    return Path(cfg.ckpt).stem if cfg.ckpt else "smollm2-135m-base"


def evaluate(cfg: EvalConfig) -> dict[str, Any]:
    """Benchmarks, pedagogy and the classroom for one checkpoint, each part saved to out/eval/<name>/results.json as
    it ends; a part that fails is recorded under "skipped" with why, and the other parts still run."""
    name = run_name(cfg)
    wanted = benchmark_names(cfg)
    # ckpt and adapter name what served the tutor parts, benchmarks_ckpt what the benchmarks loaded: a tuned run
    # does the two as separate commands (a merged release, then serve.py --adapter) into one results file
    results: dict[str, Any] = {"name": name, "quick": cfg.quick, "n": cfg.n, "seed": cfg.seed,
                               **({"note": cfg.note} if cfg.note else {}),
                               "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "skipped": {}}
    save = out_dir("eval", name) / "results.json"
    if wanted and cfg.adapter:
        raise ValueError("--adapter applies to the serve.py parts only: benchmarks load a merged release "
                         "(sft.py configs/sft_tutor.py --export=out/release/tutor --adapter_dir=adapters/tutor, "
                         "then --ckpt=out/release/tutor)")
    if wanted:
        results.update(benchmarks={}, benchmarks_ckpt=short_ckpt(cfg.ckpt or str(smollm2_gguf())), dtype=cfg.dtype)
        loaded = functools.cache(lambda: load_benchmark_model(cfg))  # by the first benchmark; a failure: each says why

        def benchmark(bench: str) -> dict[str, Any]:
            return run_benchmark(bench, *loaded(), cfg)
        run_parts({b: functools.partial(benchmark, b) for b in wanted}, results, save, into=results["benchmarks"])
    if cfg.pedagogy or cfg.classroom or cfg.tutor_cases or cfg.lessons_n:
        results.update(ckpt=cfg.ckpt or str(smollm2_gguf()), adapter=cfg.adapter)
        with contextlib.ExitStack() as stack:
            try:
                chat, model, judge = open_tutor(cfg, name, stack)
            except Exception as e:  # serve.py (or the judge's) did not come up: each tutor part is skipped, saying why
                results["skipped"].update(dict.fromkeys(tutor_parts(cfg, None, None), f"{type(e).__name__}: {e}"))
            else:
                results.update(**({"judge": cfg.judge_url or "SmolLM2-135M-Instruct (base)"} if judge else {}))
                run_parts(tutor_parts(cfg, chat, model, judge), results, save)
    results["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    return save_results(save, results)


def run_parts(parts: dict[str, Callable[[], Any]], results: dict[str, Any], save: Path,
              into: dict[str, Any] | None = None) -> None:
    """Run each part in order and save the results after each (atomically). A part that fails is recorded under
    "skipped" with why, and the rest go on: a missing data file in one part loses none of the finished ones."""
    for part, run in parts.items():
        try:
            (results if into is None else into)[part] = run()
        except Exception as e:  # one part's failure (a missing set, a dead server) must not cost the others
            results["skipped"][part] = f"{type(e).__name__}: {e}"
            _LOG.warning("part skipped", extra={"fields": {"part": part, "why": results["skipped"][part]}})
        save_results(save, results)


def open_tutor(cfg: EvalConfig, name: str, stack: contextlib.ExitStack) -> tuple[Any, Any, Any]:
    """The tutor (`chat`), the served model without it (`model`, for model-driven students) and the judge or None;
    started under `stack` (serve.py on 127.0.0.1 unless cfg.url names a running one) and closed with it."""
    url, token = (cfg.url, cfg.token) if cfg.url else stack.enter_context(
        serve_process(cfg.ckpt, out_dir("eval", name, "serve"), cfg.index, adapter=cfg.adapter))
    chat, model = TutorClient(url, token), ModelClient(url, token)
    stack.callback(chat.close)
    stack.callback(model.close)
    judge = open_judge(cfg, stack, model, out_dir("eval", name, "judge")) if cfg.judge else None
    if judge is not None and judge is not model:
        stack.callback(judge.close)
    return chat, model, judge


def open_judge(cfg: EvalConfig, stack: contextlib.ExitStack, served: Any, workdir: Path) -> Any:
    """The judge: `--judge_url`, else the base model, so base and tuned runs are rated by the same judge. A base
    run judges with the model it serves; a tuned one starts a second serve.py on the base (a tuned tutor asked for
    a rating answers with a question)."""
    if cfg.judge_url:
        return ModelClient(cfg.judge_url, os.environ.get("NANOTUTOR_JUDGE_KEY", ""))
    if not (cfg.ckpt or cfg.adapter or cfg.url):
        return served
    url, token = stack.enter_context(serve_process("", workdir, index="none"))
    return ModelClient(url, token)


def save_results(path: Path, results: dict[str, Any]) -> dict[str, Any]:
    """Merge into the run's saved results, so benchmarks and tutor parts may run as separate commands."""
    merged = json.loads(path.read_text()) if path.exists() else {}
    benchmarks = {**merged.get("benchmarks", {}), **results.get("benchmarks", {})}  # a rerun of some keeps the rest
    merged.update(results)
    if benchmarks:
        merged["benchmarks"] = benchmarks
    atomic_write_json(path, merged)
    return merged


def tutor_parts(cfg: EvalConfig, chat: Any, model: Any, judge: Any = None) -> dict[str, Callable[[], Any]]:
    """Pedagogy, MathDial and the classroom through `chat` (the tutor), by name, to run in order; `model` (the served
    model without the tutor around it) plays the model-driven students."""
    data_dir = Path(cfg.data_dir) if cfg.data_dir else shared_data_dir()
    problems = 1 if cfg.quick else cfg.problems
    parts: dict[str, Callable[[], Any]] = {}
    if cfg.pedagogy:
        def pedagogy() -> dict[str, Any]:
            prompts = load_dev_prompts()
            picked = spread(prompts, 12 if cfg.quick else cfg.dev_n or len(prompts))
            return run_pedagogy(chat, picked, workers=cfg.workers)
        parts["pedagogy"] = pedagogy
        parts["mathdial"] = lambda: run_mathdial(chat, mathdial_problems(data_dir, 4 if cfg.quick else cfg.mathdial_n,
                                                                         cfg.quick, cfg.seed), workers=cfg.workers)
    if cfg.tutor_cases:
        parts["tutor_cases"] = lambda: tutor_cases_part(cfg, chat)
    if cfg.lessons_n:
        parts["lessons"] = lambda: run_lessons(chat, spread(select_cases(cfg), 3 if cfg.quick else cfg.lessons_n),
                                               cfg.turns, cfg.workers)
    if cfg.classroom:
        parts["classroom"] = lambda: run_classroom(chat, problems, cfg.turns, PERSONAS, judge, cfg.workers)
        if cfg.model_students:
            parts["classroom_model"] = lambda: run_classroom(chat, problems, cfg.turns, PERSONAS, judge, cfg.workers,
                                                             student_model=model, seed=cfg.seed)
    return parts


def select_cases(cfg: EvalConfig) -> list[dict]:
    """The dev-set cases a run sends: cfg.split, cfg.subjects, and cfg.cases_n round-robin over (subject, kind)."""
    cases = load_tutor_cases(cfg.cases or TUTOR_CASES, cfg.split)
    wanted = [s for s in cfg.subjects.split(",") if s]
    if set(wanted) - set(SUBJECTS):
        raise ValueError(f"subjects: expected some of {', '.join(SUBJECTS)}, got {cfg.subjects!r}")
    cases = [c for c in cases if not wanted or c["subject"] in wanted]
    if not cases:
        raise ValueError(f"no tutor cases in split {cfg.split!r} for subjects {cfg.subjects or 'all'}")
    n = 12 if cfg.quick else cfg.cases_n
    return spread(cases, n) if n else cases


def tutor_cases_part(cfg: EvalConfig, chat: Any) -> dict[str, Any]:
    """The dev set through the tutor: replies saved to out/eval/<name>/tutor_cases_replies.jsonl; with
    --judge_url, each reply graded with the rubric into tutor_cases_graded.jsonl."""
    cases, run_dir = select_cases(cfg), out_dir("eval", run_name(cfg))
    result = run_tutor_cases(chat, cases, cfg.workers, run_dir / "tutor_cases_replies.jsonl")
    result.update(split=cfg.split, replies=str(run_dir / "tutor_cases_replies.jsonl"))
    if cfg.judge_url:
        judge = ModelClient(cfg.judge_url, os.environ.get("NANOTUTOR_JUDGE_KEY", ""),
                            model=cfg.judge_model or "nanotutor")
        try:
            graded = judge_replies(judge, result["rows"], cases, cfg.workers)
        finally:
            judge.close()
        path = run_dir / "tutor_cases_graded.jsonl"
        atomic_write_jsonl(path, graded)
        result.update(graded=str(path), judge=cfg.judge_url, rubric=rubric_table(load_graded(path), cases))
    return result


def main(argv: list[str] | None = None) -> int:
    values = parse_args(argv)  # which keys were given decides whether this is a report-only run
    check_known(values, EvalConfig)
    cfg = fill(EvalConfig, values)
    skipped: dict[str, str] = {}
    if cfg.benchmarks or cfg.pedagogy or cfg.classroom or cfg.tutor_cases or cfg.lessons_n:
        if not (cfg.report and values.keys() <= {"report", "runs", "summary", "graded"}):
            result = evaluate(cfg)
            skipped = result.get("skipped", {})
            print(json.dumps({"name": result["name"], "saved": str(out_dir("eval", result["name"]) / "results.json"),
                              "skipped": skipped}))
            for part, why in skipped.items():
                print(f"eval.py: skipped {part}: {why}", file=sys.stderr)
    if cfg.report:
        runs = load_runs([n for n in cfg.runs.split(",") if n])
        print(write_report(runs, cfg.report, cfg.graded))
        if cfg.summary:
            print(write_summary(runs, cfg.summary))
    return 1 if skipped else 0  # a part was skipped: the results are partial, and the summary says why


if __name__ == "__main__":
    sys.exit(main())
