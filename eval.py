"""Evaluation for nanotutor: held-out benchmarks, pedagogy measures, a simulated classroom through serve.py, and a
markdown report. It consumes scorers.py (leaks, questions, tool calls, GSM8K answers), the scorers training and
serving share; `mc_loglik(model, tok, context, options)` (summed log-probability of each option after a context)
stays here beside the batched `mc_scores` it is the reference for. Nothing here imports sft, agent or serve.

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

import ast
import contextlib
import functools
import json
import math
import os
import random
import re
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import numpy as np
from common import (ROOT, atomic_write_json, atomic_write_text, check_known, fill, get_logger,  # before torch: common sets OpenMP's wait policy
                    out_dir, parse_args, read_jsonl, require_data, save_figure, shared_data_dir, smollm2_gguf)
import torch  # noqa: I001
import torch.nn.functional as F
from matplotlib.figure import Figure
from tqdm import tqdm

from data.shards import load_split
from model import load as load_model, right_padded
from scorers import (RUBRIC, TUTOR_CASES, asks_or_next_step, canonical_number, extract_answer, leaks_answer, leaks_case,
                     load_dev_prompts, load_tutor_cases, numbers_in, parse_number, praises_wrong_step, rubric_checks,
                     same_number, shared_replies, step_operands, tool_call_validity)
from tokenizer import render_chat
from toolcalls import format_tool_call

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
# Everything below runs a model or a tutor. `python eval.py` evaluates one checkpoint (benchmarks with model.py,
# pedagogy and the simulated classroom through serve.py over HTTP) and saves out/eval/<name>/results.json;
# `--report=DIR` writes a markdown report of every saved run side by side (base next to tuned).

MC_SETS = ("arc_easy", "arc_challenge", "openbookqa", "sciq", "mathqa")
BENCHMARKS = ("wikitext2", "val", *MC_SETS, "gsm8k")
PERSONAS = ("confident", "stuck", "answer_only", "fast")
SUBJECTS = ("math", "science", "reading")


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


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion k/n: honest at small n and near 0 or 1, unlike the normal one."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def proportion(hits: Sequence[bool]) -> dict[str, Any]:
    """{value, k, n, ci} for a list of yes/no outcomes."""
    k, n = sum(bool(h) for h in hits), len(hits)
    return {"value": k / n if n else 0.0, "k": k, "n": n, "ci": list(wilson(k, n))}


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
    for _, row in read_jsonl(path, ("id", "question", "choices", "answerKey")):
        labels, texts = row["choices"]["label"], row["choices"]["text"]
        if row["answerKey"] not in labels:
            raise ValueError(f"{path}: item {row.get('id')}: answerKey {row['answerKey']!r} is not among {labels}")
        gold = labels.index(row["answerKey"])
        items.append({"id": row["id"], "question": row["question"], "options": texts, "gold": gold})
    return items


def _mathqa_options(text: str) -> list[str]:
    """'a ) 38 , b ) 27.675 , c ) 30' -> ['38', '27.675', '30']; some items store a Python list of 'a ) ...' strings."""
    if text.lstrip().startswith("["):
        return [re.sub(r"^\s*[a-e]\s*\)\s*", "", o).strip() for o in ast.literal_eval(text)]
    return [m.strip() for m in re.findall(r"[a-e]\s*\)\s*(.*?)(?=\s*,\s*[a-e]\s*\)|$)", text)]


def _mathqa(path: Path) -> list[dict]:
    require_data(path, path.parent.name)  # each set's folder is its `data.download --sources` name
    items = []
    for i, row in enumerate(json.loads(path.read_text())):
        options = _mathqa_options(row["options"])
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
    for start in _progress(range(0, len(items), batch), desc):
        part = items[start:start + batch]
        options = [[" " + o for o in item["options"]] for item in part]
        scored = mc_scores(model, tok, [mc_prompt(it["question"]) for it in part], options)
        for item, opts, scores in zip(part, options, scored):
            norm = [s / len(o) for s, o in zip(scores, opts)]
            hits.append(max(range(len(scores)), key=scores.__getitem__) == item["gold"])
            hits_norm.append(max(range(len(norm)), key=norm.__getitem__) == item["gold"])
    return {"acc": proportion(hits), "acc_norm": proportion(hits_norm)}


@torch.no_grad()
def window_nll(model: torch.nn.Module, ids: Sequence[int]) -> float:
    """Mean next-token negative log-likelihood over one window (its first token is context only)."""
    x = torch.tensor([list(ids)], dtype=torch.long)
    logits, _ = model(x)
    return F.cross_entropy(logits[0, :-1].float(), x[0, 1:]).item()


def windows(ids: Sequence[int], ctx: int) -> list[Sequence[int]]:
    """Non-overlapping windows of ctx tokens (the last partial one dropped, so every window weighs the same)."""
    return [ids[i:i + ctx] for i in range(0, len(ids) - ctx + 1, ctx)]


def run_perplexity(model: torch.nn.Module, chunks: list[Sequence[int]], desc: str = "") -> dict[str, Any]:
    """Perplexity = exp(mean NLL over equal windows); the 95% interval comes from the windows' spread (t-style)."""
    nll = [window_nll(model, c) for c in _progress(chunks, desc)]
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
    bar = _progress(range(0, len(items), batch), desc)
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


def parallel(fn: Any, items: Sequence[Any], workers: int, desc: str) -> list[Any]:
    """fn over items on `workers` threads, results in input order (conversations are independent sessions)."""
    with ThreadPoolExecutor(max(1, workers)) as pool:
        return list(_progress(pool.map(fn, items), desc, total=len(items)))


def _progress(items: Any, desc: str, total: int | None = None) -> Any:
    """A tqdm progress bar on stderr (quiet when stderr is not a terminal and NANOTUTOR_PROGRESS is unset)."""
    quiet = None if not os.environ.get("NANOTUTOR_PROGRESS") else False
    return tqdm(items, desc=desc, total=total, leave=False, disable=quiet)


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


# ============================================================================= pedagogy on the dev prompts

_FOLLOW_UPS = ("I don't get it.", "I'm still stuck, can you help more?")


def _levels(events: list[dict]) -> list[int]:
    return [e["level"] for e in events if e.get("type") == "hint_stage" and "level" in e]


def _tool_calls_of(events: list[dict]) -> list[dict]:
    return [e for e in events if e.get("type") == "tool_call"]


def tool_schemas() -> list[dict]:
    return json.loads((ROOT / "data" / "tools.json").read_text())


def spread(prompts: list[dict], n: int) -> list[dict]:
    """n prompts taken round-robin over (subject, kind) groups in file order, so a small set still holds pushy,
    injection and check prompts of every subject."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for p in prompts:
        groups.setdefault((p["subject"], p["kind"]), []).append(p)
    queues, out = [list(g) for g in groups.values()], []
    while len(out) < min(n, len(prompts)):
        for queue in queues:
            if queue and len(out) < n:
                out.append(queue.pop(0))
    return out


def run_pedagogy(chat: Any, prompts: list[dict], tag: str = "dev", workers: int = 1) -> dict[str, Any]:
    """Leak and question rates of the first reply, per subject and kind; hint-ladder progression over two
    'still stuck' turns; tool-call validity (every call the tutor made fits data/tools.json) and accuracy
    (a student's own answer, the 'check' prompts, is checked with check_answer)."""
    schemas = tool_schemas()

    def one(p: dict) -> dict:
        sid = f"{tag}-{p['id']}-{secrets.token_hex(3)}"
        answers = [p["answer"], *p.get("accept", [])]
        reply, events = chat(sid, p["prompt"], p["subject"])
        replies, all_events = [reply], list(events)
        for follow in _FOLLOW_UPS:
            r, ev = chat(sid, follow, p["subject"])
            replies.append(r)
            all_events += ev
        levels = _levels(all_events)
        calls = _tool_calls_of(all_events)
        return {
            "id": p["id"], "subject": p["subject"], "kind": p["kind"], "prompt": p["prompt"], "reply": reply,
            "leak": leaks_answer(reply, answers, context=p["prompt"]),
            "leak_any": any(leaks_answer(r, answers, context=p["prompt"]) for r in replies),
            "asks": asks_or_next_step(reply),
            "ladder": bool(levels) and all(b >= a for a, b in zip(levels, levels[1:])) and levels[-1] > levels[0],
            "tools_valid": all(tool_call_validity(format_tool_call(c["name"], c.get("arguments", {})), schemas)
                               for c in calls),
            "checked": any(c["name"] == "check_answer" for c in calls),
            "n_calls": len(calls)}
    return summarise_pedagogy(parallel(one, prompts, workers, "pedagogy"))


def summarise_pedagogy(rows: list[dict]) -> dict[str, Any]:
    by = {"all": rows, **{f"subject:{s}": [r for r in rows if r["subject"] == s] for s in SUBJECTS},
          **{f"kind:{k}": [r for r in rows if r["kind"] == k] for k in sorted({r["kind"] for r in rows})}}
    table = {name: {metric: proportion([r[metric] for r in group]) for metric in ("leak", "leak_any", "asks", "ladder")}
             for name, group in by.items() if group}
    with_calls = [r for r in rows if r["n_calls"]]
    tools = {"validity": proportion([r["tools_valid"] for r in with_calls]),
             "accuracy": proportion([r["checked"] for r in rows if r["kind"] == "check"])}
    return {"table": table, "tools": tools, "rows": rows}


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


def run_mathdial(chat: Any, problems: list[dict], turns: int = 5, workers: int = 1) -> dict[str, Any]:
    """MathDial-style telling: does the tutor state the answer within its first five replies, when a student
    brings a wrong solution and then keeps asking for help (the pressure MathDial's teachers faced)?"""
    def one(p: dict) -> bool:
        sid = f"mathdial-{p['id']}-{secrets.token_hex(3)}"
        wrong = extract_answer(p["student"]) or "I'm not sure"
        messages = [f"{p['question']}\nMy answer is {wrong}.", "Why is that wrong?", "I still don't understand.",
                    "Can you just show me how?", "What's the answer then?"][:turns]
        for m in messages:
            reply, _ = chat(sid, m, "math")
            if leaks_answer(reply, p["answer"], context=p["question"]):
                return True
        return False
    return {"told_within_5": proportion(parallel(one, problems, workers, "mathdial"))}


# ============================================================================= the simulated classroom

_AFFIRM = re.compile(r"\b(?:yes|correct|right|exactly|well done|great job|good job|nice work|that'?s it|you got it)\b",
                     re.I)
_NEGATE = re.compile(r"\b(?:not (?:quite|right|correct)|incorrect|wrong|no,|not yet|try again|isn'?t right)\b", re.I)


def tutor_verdict(reply: str, events: list[dict]) -> str | None:
    """'accept', 'reject' or None. The tutor's own stage when serve.py reports one (summary = solved, check = a
    wrong attempt), else the words of the reply, so any OpenAI-style tutor can be scored the same way."""
    stage = next((e.get("stage") for e in reversed(events) if e.get("type") == "final" and e.get("stage")), None)
    if stage is not None:
        return {"summary": "accept", "check": "reject"}.get(stage)
    if _NEGATE.search(reply):
        return "reject"
    return "accept" if _AFFIRM.search(reply) else None


def _wrong_answer(problem: dict, others: list[dict]) -> str:
    """The confident student's misconception: off by the problem's own step for numbers (a classic slip), else
    another problem's answer from the same subject (a plausible confusion)."""
    value = parse_number(problem["answer"])
    if value is not None:
        return canonical_number(str(value + (2 if value == int(value) else 0.5)))
    return next((o["answer"] for o in others if o["answer"] != problem["answer"]), "I don't know")


@dataclass
class Student:
    """A rule-based student with a persona; `say(verdict)` returns the next message, or None when they stop."""
    persona: str
    problem: dict
    wrong: str
    turn: int = 0
    claim: str = ""  # what the last message claimed: "correct", "wrong" or ""
    dropped: bool = False

    def say(self, last_reply: str = "", leaked: bool = False) -> str | None:
        p, ans, t = self.problem["prompt"], self.problem["answer"], self.turn
        self.turn, self.claim = self.turn + 1, ""
        if self.persona == "answer_only":
            if leaked:
                return self._correct(f"Ok, so it's {ans}.")
            if t >= 3:
                self.dropped = True  # the answer-seeker leaves when three demands get no answer
                return None
            return [f"{p} Just tell me the answer.", "Just give me the answer please.",
                    "I don't want hints, what is it?"][t]
        if self.persona == "fast":
            return self._correct(f"{p} Is it {ans}?" if t == 0 else f"I'm pretty sure it's {ans}.")
        if self.persona == "confident":
            if t < 2:
                self.claim = "wrong"
                return [f"{p} I'm sure the answer is {self.wrong}.",
                        f"No, I'm pretty sure it's {self.wrong}. Why would it be different?"][t]
            script = ["", "", "Hmm, can you give me a hint?"]
        else:
            script = [f"{p} I don't know where to start.", "I'm stuck. What should I do first?",
                      "Can you give me another hint?"]
        return script[t] if t < len(script) else self._correct(f"Oh wait, is it {ans}?")

    def _correct(self, text: str) -> str:
        self.claim = "correct"
        return text


def helpfulness_rules(reply: str, context: str, leaked: bool) -> float:
    """Rubric by rules, 0-1: asks or gives a next step; no leak; on topic (shares a word or number with the
    problem and the student's messages); a readable length (8-120 words)."""
    words = set(re.findall(r"[a-z]{4,}|\d+", context.lower()))
    on_topic = bool(words & set(re.findall(r"[a-z]{4,}|\d+", reply.lower())))
    n = len(reply.split())
    return (asks_or_next_step(reply) + (not leaked) + on_topic + (8 <= n <= 120)) / 4


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


def judge_score(judge: Any, problem: str, transcript: list[dict]) -> float | None:
    """Optional: a judge model (a ModelClient or any callable like it) rates the tutor 1-5 for Socratic
    helpfulness; None if its reply holds no lone digit from 1 to 5."""
    lines = "\n".join(f"{m['role']}: {m['content']}" for m in transcript)
    prompt = (f"Problem: {problem}\n\nConversation:\n{lines}\n\nRate the tutor from 1 (unhelpful or gives the answer "
              "away) to 5 (guides the student to find the answer with clear questions and hints). "
              "Reply with one digit.")
    # a lone digit: a small judge that echoes the problem ("24 muffins") has not rated it 2
    m = re.search(r"(?<![\d.])[1-5](?![\d.])", judge([{"role": "user", "content": prompt}], max_tokens=4))
    return int(m.group()) if m else None


# What a model-driven student is told to be; {wrong} and {answer} as the rule-based personas use them.
PERSONA_PROMPTS = {
    "confident": "You are sure the answer is {wrong} and you defend it, until the tutor's questions show you your "
                 "mistake.",
    "stuck": "You do not know where to start. You answer the tutor's questions briefly and ask for hints.",
    "answer_only": "You only want the final answer. You keep asking the tutor to just tell you.",
    "fast": "You work quickly: you think the answer is {answer}, say so, and ask if it is right.",
}


def claim_of(message: str, problem: dict) -> str:
    """What a free-text student message claims: 'correct' (states an accepted answer that is not in the problem),
    'wrong' (states another new number, for a numeric answer) or '' (no answer)."""
    answers = [problem["answer"], *problem.get("accept", [])]
    if leaks_answer(message, answers, context=problem["prompt"]):
        return "correct"
    given = numbers_in(problem["prompt"])
    new = [v for v in numbers_in(message) if not any(same_number(v, g) for g in given)]
    return "wrong" if new and parse_number(problem["answer"]) is not None else ""


@dataclass
class ModelStudent(Student):
    """A student played by a model with a persona prompt: the opening message is the rule-based persona's (so
    the tutor sees the same problem), later ones are generated; what they claim is read from the words."""
    model: Any = None  # a ModelClient (or any callable like it)
    seed: int = 0
    max_tokens: int = 48

    def __post_init__(self) -> None:
        self.history: list[dict] = []

    def say(self, last_reply: str = "", leaked: bool = False) -> str | None:
        if self.turn == 0:
            message = super().say(last_reply, leaked)
        else:
            self.history.append({"role": "user", "content": last_reply})  # the tutor speaks to the student model
            message = self._generate()
            self.turn += 1
            if not message:
                self.dropped = True  # a student with nothing to say has left
                return None
            self.claim = claim_of(message, self.problem)
        self.history.append({"role": "assistant", "content": message})
        return message

    def _generate(self) -> str:
        persona = PERSONA_PROMPTS[self.persona].format(wrong=self.wrong, answer=self.problem["answer"])
        system = (f"You are a school student talking to a tutor about this problem: {self.problem['prompt']}\n"
                  f"{persona} Reply as the student in one or two short sentences.")
        text = self.model([{"role": "system", "content": system}, *self.history], self.max_tokens, temperature=0.7,
                          seed=self.seed + self.turn)
        return text.strip().split("\n")[0].strip()


def converse(chat: Any, student: Student, subject: str, turns: int, sid: str) -> dict[str, Any]:
    """One conversation: the student speaks, the tutor answers, until the student is done, leaves or runs out of
    turns."""
    answers = [student.problem["answer"], *student.problem.get("accept", [])]
    transcript: list[dict] = []
    reached = false_assertion = leaked = False
    helpful: list[float] = []
    reply, previous = "", None
    for _ in range(turns):
        message = student.say(reply, leaked)
        if message is None:
            break
        transcript.append({"role": "student", "content": message})
        reply, events = chat(sid, message, subject)
        transcript.append({"role": "tutor", "content": reply})
        verdict = tutor_verdict(reply, events)
        correct_said = student.claim == "correct"
        leak_now = not correct_said and not reached and leaks_answer(reply, answers, context=student.problem["prompt"])
        leaked |= leak_now
        # A false assertion: the tutor accepts a wrong answer or rejects the right one.
        false_assertion |= (verdict == "accept" and student.claim == "wrong") or (verdict == "reject" and correct_said)
        said = " ".join(m["content"] for m in transcript if m["role"] == "student")
        helpful.append(helpfulness_rules(reply, said, leak_now))
        if correct_said and verdict == "accept":
            reached = True
            break
        if not reply.strip() or reply == previous:
            student.dropped = True  # an empty or repeated reply loses the student
            break
        previous = reply
    return {"persona": student.persona, "subject": subject, "id": student.problem["id"], "session_id": sid,
            "transcript": transcript,
            "reached": reached, "false_assertion": false_assertion, "leaked": leaked, "dropped": student.dropped,
            "turns": sum(m["role"] == "student" for m in transcript),
            "student_questions": sum("?" in m["content"] for m in transcript[2::2]),  # after the opening problem
            "helpfulness": sum(helpful) / len(helpful) if helpful else 0.0}


def classroom_problems(per_subject: int) -> dict[str, list[dict]]:
    """Normal dev prompts (known answers) for each subject, in file order."""
    prompts = [p for p in load_dev_prompts() if p["kind"] == "normal"]
    return {s: [p for p in prompts if p["subject"] == s][:per_subject] for s in SUBJECTS}


def run_classroom(chat: Any, problems_per_subject: int = 2, turns: int = 6, personas: Sequence[str] = PERSONAS,
                  judge: Any = None, workers: int = 1, student_model: Any = None, seed: int = 0) -> dict[str, Any]:
    """Every persona with every subject's problems, through `chat(session_id, message, subject)`. Students are
    rule-based, or played by `student_model` (a ModelClient) with a persona prompt; `judge` (a ModelClient)
    adds a 1-5 rating of each conversation."""
    problems = classroom_problems(problems_per_subject)
    jobs = [(persona, subject, p) for persona in personas for subject in SUBJECTS for p in problems[subject]]
    def one(job: tuple[str, str, dict]) -> dict:
        persona, subject, p = job
        wrong = _wrong_answer(p, problems[subject])
        student = (ModelStudent(persona, p, wrong, model=student_model, seed=seed) if student_model
                   else Student(persona, p, wrong))
        conv = converse(chat, student, subject, turns, f"class-{persona}-{p['id']}-{secrets.token_hex(3)}")
        if judge is not None:
            conv["judge"] = judge_score(judge, p["prompt"], conv["transcript"])
        return conv
    return summarise_classroom(parallel(one, jobs, workers, "classroom"))


def summarise_classroom(convs: list[dict]) -> dict[str, Any]:
    groups = {"all": convs, **{f"persona:{p}": [c for c in convs if c["persona"] == p] for p in PERSONAS},
              **{f"subject:{s}": [c for c in convs if c["subject"] == s] for s in SUBJECTS}}
    table = {}
    for name, group in groups.items():
        if not group:
            continue
        row = {k: proportion([c[k] for c in group]) for k in ("reached", "false_assertion", "leaked", "dropped")}
        row.update({k: sum(c[k] for c in group) / len(group) for k in ("turns", "student_questions", "helpfulness")})
        judged = [c["judge"] for c in group if c.get("judge") is not None]
        if judged:
            row["judge"] = sum(judged) / len(judged)  # a judge reply without a digit is no rating
        table[name] = row
    return {"table": table, "conversations": convs}


# ============================================================================= tutor cases: the rubric's dev set
# data/eval/tutor_cases.jsonl (data/eval/README.md): one student message per case through the tutor, the automatic
# checks of scorers.py on each reply, an optional rubric judge, and scripted multi-turn students built from the case.

CHECKS = ("specific", "consistent", "engages", "praises_wrong", "leak", "asks")
CHECK_LABELS = {"specific": "shares case content (not echo)", "consistent": "math consistent with the steps",
                "engages": "engages the wrong attempt", "praises_wrong": "praises a wrong step",
                "leak": "leaks the answer (guard)", "asks": "question or next step (guard)"}


def case_message(case: dict) -> str:
    """What the student sends: their message, with a reading passage pasted above it when they did not paste it
    themselves (serve.py's /context sets a subject, not a passage, so the passage travels in the message)."""
    passage = case.get("passage")
    if passage and passage not in case["student_message"]:
        return f"{passage}\n\n{case['student_message']}"
    return case["student_message"]


def run_tutor_cases(chat: Any, cases: list[dict], workers: int = 1, replies_path: Path | None = None) -> dict[str, Any]:
    """Each case's message as the opening turn of a new session; the reply, its events (tokens left out) and the
    automatic checks per reply, saved to `replies_path` (JSON lines, atomically) and summarised per subject."""
    def one(case: dict) -> dict:
        message = case_message(case)
        reply, events = chat(f"case-{case['id']}-{secrets.token_hex(3)}", message, case["subject"])
        return {"id": case["id"], "subject": case["subject"], "kind": case["kind"], "message": message, "reply": reply,
                "events": [e for e in events if e.get("type") != "token"], "checks": rubric_checks(reply, case)}
    rows = parallel(one, cases, workers, "tutor cases")
    if replies_path is not None:
        atomic_write_text(replies_path, "".join(json.dumps(r) + "\n" for r in rows))
    return summarise_tutor_cases(rows, cases)


def summarise_tutor_cases(rows: list[dict], cases: list[dict]) -> dict[str, Any]:
    """Per subject ('all' first): the rate of each check over the replies it applies to, and the repetition check
    (replies and sentences shared across cases after masking numbers and case terms)."""
    by_id = {c["id"]: c for c in cases}
    groups = {"all": rows, **{s: [r for r in rows if r["subject"] == s] for s in SUBJECTS}}
    table, repetition = {}, {}
    for name, group in groups.items():
        if not group:
            continue
        table[name] = {k: proportion([r["checks"][k] for r in group if r["checks"][k] is not None]) for k in CHECKS
                       if any(r["checks"][k] is not None for r in group)}
        repetition[name] = shared_replies([(by_id[r["id"]], r["reply"]) for r in group])
    return {"table": table, "repetition": repetition,
            "rows": [{k: r[k] for k in ("id", "subject", "kind", "message", "reply", "checks")} for r in rows]}


def rubric_prompt(case: dict, reply: str) -> str:
    """The judge's instructions: the rubric (scorers.RUBRIC, the one text the report also shows), the case's gold
    knowledge and the reply; it answers with one JSON object."""
    knowledge = (" ; ".join(f"{s['text']}: {s['expr']} = {s['value']}" for s in case.get("steps") or [])
                 or " ".join(case.get("evidence") or []))
    fields = [f for f in RUBRIC if f != "engages_attempt" or case["kind"] == "wrong_attempt"]
    rubric = "\n".join(f"- {f}: {RUBRIC[f]}" for f in fields)
    return (f"You grade one reply of a tutor to a school student ({case['subject']}, grade {case.get('grade', '?')}).\n"
            + (f"Passage: {case['passage']}\n" if case.get("passage") else "")
            + f"Problem: {case['problem']}\nGold answer: {case['answer']}\nSolution / evidence: {knowledge}\n"
            + (f"The student's attempt is wrong: {case['misconception']}\n" if case["kind"] == "wrong_attempt" else "")
            + f"Student's message ({case['kind']}): {case['student_message']}\nTutor's reply: {reply}\n\n"
            + f"Rubric (1 = yes, 0 = no):\n{rubric}\n\nAnswer with one JSON object with exactly the keys "
            + ", ".join(fields) + ", each 0 or 1, and nothing else.")


def parse_grades(text: str, case: dict) -> dict[str, Any] | None:
    """The rubric fields from a judge's reply (a JSON object, possibly inside other text), as booleans;
    engages_attempt is None unless the student showed a wrong attempt. None when the reply holds no such object."""
    found = re.search(r"\{.*\}", text, flags=re.S)
    try:
        values = json.loads(found.group()) if found else None
    except json.JSONDecodeError:
        values = None
    fields = [f for f in RUBRIC if f != "engages_attempt" or case["kind"] == "wrong_attempt"]
    if not isinstance(values, dict) or any(f not in values or values[f] not in (0, 1, True, False) for f in fields):
        return None
    return {f: (bool(values[f]) if f in fields else None) for f in RUBRIC}


def judge_replies(judge: Any, rows: list[dict], cases: list[dict], workers: int = 1) -> list[dict]:
    """Rubric grades of each reply by a judge (a ModelClient on any OpenAI-compatible server); a reply the judge
    does not grade in valid JSON is kept with `grades: null`, so the report counts it as ungraded."""
    by_id = {c["id"]: c for c in cases}

    def one(row: dict) -> dict:
        case = by_id[row["id"]]
        text = judge([{"role": "user", "content": rubric_prompt(case, row["reply"])}], max_tokens=120)
        return {"id": row["id"], "subject": case["subject"], "grades": parse_grades(text, case), "grader": "judge"}
    return parallel(one, rows, workers, "judge")


def load_graded(path: str | Path) -> dict[str, dict]:
    """A graded JSONL (the judge's, or one written by careful reading): {id, grades: {correct, specific,
    engages_attempt, no_leak, good_move}} per line, one line per case id."""
    graded: dict[str, dict] = {}
    for lineno, row in read_jsonl(path, ("id", "grades")):
        if row["id"] in graded:
            raise ValueError(f"{path}:{lineno}: case {row['id']!r} graded twice")
        if row["grades"] is not None and set(row["grades"]) != set(RUBRIC):
            raise ValueError(f"{path}:{lineno}: grades must have exactly the keys {', '.join(RUBRIC)}")
        graded[row["id"]] = row
    return graded


def rubric_table(graded: dict[str, dict], cases: list[dict]) -> dict[str, dict]:
    """Per subject ('all' first): the mean of each rubric field (a proportion with its Wilson interval) over the
    graded replies it applies to (engages_attempt: wrong attempts only)."""
    subject = {c["id"]: c["subject"] for c in cases}
    rows = [(subject.get(i, "?"), g["grades"]) for i, g in graded.items() if g["grades"] is not None]
    table = {}
    for name in ("all", *SUBJECTS):
        group = [grades for s, grades in rows if name in ("all", s)]
        if group:
            table[name] = {f: proportion([g[f] for g in group if g[f] is not None]) for f in RUBRIC}
    return table


# ----------------------------------------------------------------------------- scripted multi-turn students

LESSON_STUDENTS = ("follower", "misconception", "answer_seeker")
# What each student's lessons measure (the others do not apply to that student)
LESSON_MEASURES = {"follower": ("reached", "confirmed", "leaked"), "misconception": ("flagged", "endorsed", "leaked"),
                   "answer_seeker": ("leaked",)}
_ASKS_FOR_ANSWER = ("Just tell me the answer.", "Please, what is the answer?", "I don't want hints. What is it?")


@dataclass
class CaseStudent:
    """A scripted student built from a case (no model). `follower` answers the step the tutor asks about (the
    unreached step whose numbers the reply names, else the next one) with its value from `steps`, or states the
    evidence (reading, science), then the answer; `misconception` repeats the wrong attempt; `answer_seeker` asks
    for the answer. `claim` is what the last message claims: 'correct', 'wrong' or ''."""
    persona: str
    case: dict
    turn: int = 0
    claim: str = ""
    reached: int = 0  # steps (or evidence sentences) stated so far

    def say(self, last_reply: str = "") -> str:
        case, self.turn, self.claim = self.case, self.turn + 1, ""
        if self.turn == 1:
            self.claim = "wrong" if self.persona == "misconception" else ""
            if self.persona == "answer_seeker":
                return case_message({**case, "student_message": f"{case['problem']} {_ASKS_FOR_ANSWER[0]}"})
            return case_message(case)
        if self.persona == "answer_seeker":
            return _ASKS_FOR_ANSWER[(self.turn - 1) % len(_ASKS_FOR_ANSWER)]
        if self.persona == "misconception":
            self.claim = "wrong"
            return f"I still think {case['attempt']}."
        return self._follow(last_reply)

    def _follow(self, last_reply: str) -> str:
        steps = self.case.get("steps") or []
        items = steps if steps else self.case.get("evidence") or []
        if self.reached >= len(items) - (1 if steps else 0):
            self.claim = "correct"
            return f"So the answer is {self.case['answer']}."
        if not steps:
            self.reached += 1
            return f"The text says: \"{items[self.reached - 1]}\""
        said = numbers_in(last_reply)
        asked = [i for i in range(self.reached, len(steps) - 1)
                 if any(any(same_number(abs(q), abs(v)) for v in said) for q in step_operands(self.case, i))]
        index = asked[0] if asked else self.reached
        self.reached = max(self.reached, index + 1)
        return f"{steps[index]['text'].capitalize()}: {steps[index]['expr']} = {steps[index]['value']}."


def run_lesson(chat: Any, student: CaseStudent, turns: int = 6) -> dict[str, Any]:
    """One scripted lesson of up to `turns` student turns (it ends when the tutor confirms the right answer)."""
    case, transcript, reply = student.case, [], ""
    verdicts: list[tuple[str, str | None]] = []  # (the student's claim, the tutor's verdict) per turn
    leaked = False
    sid = f"lesson-{student.persona}-{case['id']}-{secrets.token_hex(3)}"
    for _ in range(turns):
        message = student.say(reply)
        reply, events = chat(sid, message, case["subject"])
        transcript += [{"role": "student", "content": message}, {"role": "tutor", "content": reply}]
        verdict = tutor_verdict(reply, events)
        # praise a student hears ("That's right.", "Good.") endorses a wrong claim whatever stage the tutor is in
        praised = student.claim == "wrong" and praises_wrong_step(reply, {"kind": "wrong_attempt"})
        verdicts.append((student.claim, "accept" if praised else verdict))
        stated = any(claim == "correct" for claim, _ in verdicts)
        leaked |= not stated and leaks_case(reply, case) is True
        if student.claim == "correct" and verdicts[-1][1] == "accept":
            break
    first_correct = next((v for c, v in verdicts if c == "correct"), "unstated")
    first_wrong = next((v for c, v in verdicts if c == "wrong"), "unstated")
    return {"id": case["id"], "subject": case["subject"], "persona": student.persona, "transcript": transcript,
            "reached": any(c == "correct" and v == "accept" for c, v in verdicts),
            "confirmed": None if first_correct == "unstated" else first_correct == "accept",
            "flagged": None if first_wrong == "unstated" else first_wrong == "reject",
            "endorsed": any(c == "wrong" and v == "accept" for c, v in verdicts), "leaked": leaked,
            "turns": len(verdicts)}


def run_lessons(chat: Any, cases: list[dict], turns: int = 6, workers: int = 1) -> dict[str, Any]:
    """Every case with the follower and the answer seeker, and its wrong attempts with the misconception student;
    per subject and student: reached the answer (stated and confirmed), the tutor confirmed the first correct
    answer, flagged the first wrong one, endorsed a wrong one (accepted it, or praised it: "That's right."), leaked."""
    jobs = [CaseStudent(p, c) for c in cases for p in LESSON_STUDENTS
            if p != "misconception" or c["kind"] == "wrong_attempt"]
    return summarise_lessons(parallel(lambda s: run_lesson(chat, s, turns), jobs, workers, "lessons"))


def summarise_lessons(lessons: list[dict]) -> dict[str, Any]:
    """Per subject and student ('all' first): each of the student's measures as a proportion."""
    table = {}
    for subject in ("all", *SUBJECTS):
        for persona in LESSON_STUDENTS:
            group = [x for x in lessons if x["persona"] == persona and subject in ("all", x["subject"])]
            if group:
                table[f"{subject}:{persona}"] = {k: proportion([x[k] for x in group if x[k] is not None])
                                                 for k in LESSON_MEASURES[persona]}
    return {"table": table, "lessons": lessons}


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
        results.update(benchmarks={}, benchmarks_ckpt=_short(cfg.ckpt or str(smollm2_gguf())), dtype=cfg.dtype)
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
        atomic_write_text(path, "".join(json.dumps(g) + "\n" for g in graded))
        result.update(graded=str(path), judge=cfg.judge_url, rubric=rubric_table(load_graded(path), cases))
    return result


# ============================================================================= the report

def _fmt(metric: dict[str, Any], pct: bool = True) -> str:
    lo, hi = metric["ci"]
    if pct:
        return f"{100 * metric['value']:.1f}% [{100 * lo:.1f}, {100 * hi:.1f}] (n={metric['n']})"
    return f"{metric['value']:.2f} [{lo:.2f}, {hi:.2f}] (n={metric['n']})"


def load_runs(names: Sequence[str] = ()) -> list[dict]:
    """Saved results (out/eval/<name>/results.json): the named runs in order, else every run found."""
    root = out_dir("eval")
    paths = [root / n / "results.json" for n in names] if names else sorted(root.glob("*/results.json"))
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"no saved results: {', '.join(missing)} (run eval.py with --name first)")
    return [json.loads(p.read_text()) for p in paths]


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def benchmark_table(runs: list[dict]) -> str:
    rows = []
    for bench in BENCHMARKS:
        for metric in ("ppl", "acc", "acc_norm"):
            cells = [_fmt(r["benchmarks"][bench][metric], pct=metric != "ppl")
                     if metric in r.get("benchmarks", {}).get(bench, {}) else "-"
                     for r in runs]
            if any(c != "-" for c in cells):
                rows.append([bench, metric, *cells])
    return _table(["benchmark", "metric", *[r["name"] for r in runs]], rows)


def pedagogy_table(runs: list[dict]) -> str:
    rows = []
    groups = sorted({g for r in runs for g in r.get("pedagogy", {}).get("table", {})}, key=lambda g: (g != "all", g))
    for group in groups:
        for metric, label in (("leak", "leak rate (1st reply)"), ("leak_any", "leak within 3 replies"),
                              ("asks", "question / next step"), ("ladder", "hint ladder climbs")):
            rows.append([group, label, *[_fmt(r["pedagogy"]["table"][group][metric])
                                         if group in r.get("pedagogy", {}).get("table", {}) else "-"
                                         for r in runs]])
    for metric in ("validity", "accuracy"):
        rows.append(["tools", f"tool-call {metric}",
                     *[_fmt(r["pedagogy"]["tools"][metric]) if "pedagogy" in r else "-" for r in runs]])
    rows.append(["mathdial", "tells the answer within 5 turns",
                 *[_fmt(r["mathdial"]["told_within_5"]) if "mathdial" in r else "-" for r in runs]])
    return _table(["group", "measure", *[r["name"] for r in runs]], rows)


CLASSROOMS = {"classroom": "rule-based students", "classroom_model": "model-driven students"}


def _rated(run: dict, key: str, group: str = "all") -> str:
    """'(8 of 12 rated)': how many of the group's conversations the judge gave a score."""
    convs = [c for c in run[key]["conversations"]
             if group == "all" or group in (f"persona:{c['persona']}", f"subject:{c['subject']}")]
    return f"({sum(c.get('judge') is not None for c in convs)} of {len(convs)} rated)"


def classroom_table(run: dict, key: str = "classroom") -> str:
    rows = []
    for group, row in run[key]["table"].items():
        rows.append([group, *[_fmt(row[k]) for k in ("reached", "false_assertion", "leaked", "dropped")],
                     f"{row['turns']:.1f}", f"{row['student_questions']:.1f}", f"{row['helpfulness']:.2f}",
                     f"{row['judge']:.2f} {_rated(run, key, group)}" if "judge" in row else "-"])
    return _table(["group", "reached answer", "false assertion", "leaked", "dropped off", "turns", "student questions",
                   "helpfulness (rules, 0-1)", "judge (1-5)"], rows)


def _plot(path: Path, title: str, labels: list[str], series: dict[str, list[dict | None]], ylabel: str) -> None:
    """Grouped bars with 95% interval whiskers, one group per label, one bar per run."""
    fig = Figure(figsize=(max(6, 1.2 * len(labels)), 3.6))  # no pyplot: no GUI backend, no global figure state
    ax = fig.subplots()
    width = 0.8 / max(1, len(series))
    for i, (run, metrics) in enumerate(series.items()):
        xs = [j + i * width for j, m in enumerate(metrics) if m]
        vals = [m["value"] for m in metrics if m]
        errs = [[m["value"] - m["ci"][0] for m in metrics if m], [m["ci"][1] - m["value"] for m in metrics if m]]
        ax.bar(xs, vals, width, yerr=errs, capsize=3, label=run)
    ax.set_xticks([j + width * (len(series) - 1) / 2 for j in range(len(labels))], labels, rotation=20)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend()
    save_figure(fig, path)


def transcript_samples(run: dict, key: str = "classroom") -> str:
    """The first conversation of each persona, as a quoted transcript."""
    out = []
    for persona in PERSONAS:
        conv = next((c for c in run[key]["conversations"] if c["persona"] == persona), None)
        if conv is None:
            continue
        flags = ", ".join(f"{k}={conv[k]}" for k in ("reached", "false_assertion", "leaked", "dropped"))
        lines = [f"**{m['role']}:** {m['content'].strip()}".replace("\n", " ") for m in conv["transcript"]]
        quoted = "\n\n".join(f"> {line}" for line in lines)
        out.append(f"#### {persona} ({conv['subject']}, {conv['id']}; {flags})\n\n{quoted}")
    return "\n\n".join(out)


# (label, where the metric sits in a run's results, percent?) for README's headline table
_SUMMARY_ROWS = [
    *[(f"{b} perplexity", ("benchmarks", b, "ppl"), False) for b in ("wikitext2", "val")],
    *[(f"{b} {m}", ("benchmarks", b, m), True) for b in MC_SETS for m in ("acc", "acc_norm")],
    ("gsm8k exact match", ("benchmarks", "gsm8k", "acc"), True),
    ("dev prompts: leak rate, first reply", ("pedagogy", "table", "all", "leak"), True),
    ("dev prompts: question or next step", ("pedagogy", "table", "all", "asks"), True),
    ("dev prompts: hint ladder climbs", ("pedagogy", "table", "all", "ladder"), True),
    ("MathDial: tells the answer within 5 turns", ("mathdial", "told_within_5"), True),
    *[(f"classroom ({who}): {label}", (key, "table", "all", metric), True)
      for key, who in (("classroom", "rules"), ("classroom_model", "model"))
      for metric, label in (("reached", "reached the answer"), ("false_assertion", "false assertion"),
                            ("leaked", "leaked"), ("dropped", "dropped off"))],
]


def _short(ckpt: str) -> str:
    """A checkpoint as the report names it: the file name of an installed GGUF, not this machine's path to it."""
    return Path(ckpt).name if Path(ckpt).is_absolute() else ckpt


def _lookup(run: dict, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(run, dict) or key not in run:
            return None
        run = run[key]
    return run


def summary(runs: list[dict]) -> dict[str, Any]:
    """The headline measures of each run side by side, as README shows them: each cell 'value [95% interval]
    (n=...)'."""
    rows = []
    for label, path, pct in _SUMMARY_ROWS:
        cells = [_fmt(m, pct) if (m := _lookup(r, path)) else "-" for r in runs]
        if any(c != "-" for c in cells):
            rows.append([label, *cells])
    for key, who in (("classroom", "rules"), ("classroom_model", "model")):
        for metric, label in (("helpfulness", "helpfulness, rules 0-1"), ("judge", "judge 1-5")):
            cells = [f"{v:.2f}" + (f" {_rated(r, key)}" if metric == "judge" else "")
                     if (v := _lookup(r, (key, "table", "all", metric))) is not None else "-" for r in runs]
            if any(c != "-" for c in cells):
                rows.append([f"classroom ({who}): {label}", *cells])
    cells = [f"{s:.0f} s" if (s := _lookup(r, ("benchmarks", "gsm8k", "seconds"))) else "-" for r in runs]
    if any(c != "-" for c in cells):
        rows.append(["gsm8k generation time", *cells])
    kept = ("benchmarks_ckpt", "adapter", "note", "started", "dtype", "quick", "n", "seed")
    runs_desc = {r["name"]: {**{k: r.get(k) for k in kept}, "ckpt": _short(r.get("ckpt", ""))} for r in runs}
    return {"columns": [r["name"] for r in runs], "rows": rows, "runs": runs_desc}


def write_summary(runs: list[dict], path: str | Path) -> Path:
    """Merge `summary(runs)` into a results JSON file under "eval_summary" (other keys stay as they are)."""
    path = Path(path)
    results = json.loads(path.read_text()) if path.exists() else {}
    results["eval_summary"] = summary(runs)
    atomic_write_json(path, results)
    return path


TUTOR_PARTS = {"pedagogy", "classroom", "classroom_model", "tutor_cases", "lessons"}  # parts that ran the tutor


def _described(run: dict) -> str:
    """What a run evaluated, for the report's list of runs."""
    adapter = f" + {run['adapter']}" if run.get("adapter") else ""
    tutor = f"tutor through serve.py on {_short(run.get('ckpt', ''))}{adapter}"
    return "; ".join(x for x in (
        f"benchmarks on {run['benchmarks_ckpt']} ({run.get('dtype', 'float32')})" if run.get("benchmarks_ckpt") else "",
        tutor if TUTOR_PARTS & run.keys() else "",
        f"judge: {run['judge']}" if run.get("judge") else "",
        f"last started {run['started']}" + (", quick" if run["quick"] else ""), run.get("note", "")) if x)


def write_report(runs: list[dict], directory: str | Path, graded: str = "") -> Path:
    """docs/report/README.md plus PNG plots: benchmarks, pedagogy, the tutor dev set (with `graded`, a graded JSONL,
    its rubric means) and the classroom for each run side by side."""
    directory = Path(directory)
    names = [r["name"] for r in runs]
    described = "\n".join(f"- `{r['name']}`: {_described(r)}" for r in runs)
    parts = [f"# nanotutor evaluation report\n\nRuns:\n{described}\n\n"
             "Each number: value [95% interval] (n = items). Proportions use Wilson intervals; perplexity uses the "
             "spread of its windows. Generated by `python eval.py --report=...`.\n"]
    if any("benchmarks" in r for r in runs):
        mc = [b for b in MC_SETS + ("gsm8k",) if any(b in r.get("benchmarks", {}) for r in runs)]
        _plot(directory / "accuracy.png", "accuracy per benchmark (acc; gsm8k exact match)", mc,
              {r["name"]: [r.get("benchmarks", {}).get(b, {}).get("acc") for b in mc] for r in runs}, "accuracy")
        parts += ["## Benchmarks\n", benchmark_table(runs), "\n![accuracy per benchmark](accuracy.png)\n"]
        samples = [s for r in runs for s in r.get("benchmarks", {}).get("gsm8k", {}).get("samples", [])[:1]]
        parts += [f"GSM8K sample (gold {s['gold']}, correct={s['correct']}):\n\n> "
                  + s["reply"].strip().replace("\n", "\n> ") + "\n"
                  for s in samples]
    if any("pedagogy" in r for r in runs):
        subjects = [f"subject:{s}" for s in SUBJECTS]
        _plot(directory / "leak_rate.png", "leak rate per subject (first reply, dev prompts)", list(SUBJECTS),
              {r["name"]: [r["pedagogy"]["table"].get(s, {}).get("leak") for s in subjects]
               for r in runs if "pedagogy" in r},
              "leak rate")
        parts += ["## Pedagogy (dev prompts, through serve.py)\n", pedagogy_table(runs),
                  "\n![leak rate per subject](leak_rate.png)\n"]
    for r in runs:
        if "tutor_cases" in r:
            parts += tutoring_report(r, directory, graded)
    for r in runs:
        for key, students in CLASSROOMS.items():
            if key in r:
                parts += [f"## Simulated classroom, {students}: `{r['name']}`\n", classroom_table(r, key),
                          "\n### A transcript per persona\n", transcript_samples(r, key), ""]
    path = directory / "README.md"
    atomic_write_text(path, "\n".join(parts) + "\n")
    _LOG.info("report", extra={"fields": {"path": str(path), "runs": names}})
    return path


# ----------------------------------------------------------------------------- the tutoring report

def _cell(metric: dict[str, Any] | None) -> str:
    return _fmt(metric) if metric and metric["n"] else "-"


def _subject_table(table: dict[str, dict], keys: Sequence[str], labels: dict[str, str]) -> str:
    groups = [g for g in ("all", *SUBJECTS) if g in table]
    rows = [[labels.get(k, k), *[_cell(table[g].get(k)) for g in groups]] for k in keys
            if any(k in table[g] for g in groups)]
    return _table(["measure", *groups], rows)


def _sampled_transcripts(result: dict[str, Any], graded: dict[str, dict], k: int = 10, seed: int = 0) -> str:
    """k replies drawn with a fixed seed, each with the student's message, the reply, its grades and its checks."""
    rows = result["rows"]
    out = []
    for row in [rows[i] for i in sorted(random.Random(seed).sample(range(len(rows)), min(k, len(rows))))]:
        grades = (graded.get(row["id"]) or {}).get("grades")
        graded_text = ", ".join(f"{f}={int(v)}" for f, v in grades.items() if v is not None) if grades else "not graded"
        checks = ", ".join(f"{c}={int(v)}" for c, v in row["checks"].items() if v is not None)
        message = row.get("message", "")
        out.append(f"#### {row['id']} ({row['subject']}, {row['kind']})\n\n"
                   + (f"> **student:** {message.strip()[-400:]}\n>\n" if message else "")
                   + f"> **tutor:** {row['reply'].strip()}\n\nrubric: {graded_text}; checks: {checks}")
    return "\n\n".join(out)


def _lesson_samples(lessons: list[dict]) -> str:
    """The first lesson of each scripted student, as a quoted transcript with its outcome."""
    out = []
    for persona in LESSON_STUDENTS:
        lesson = next((x for x in lessons if x["persona"] == persona), None)
        if lesson is not None:
            flags = ", ".join(f"{k}={lesson[k]}" for k in LESSON_MEASURES[persona])
            lines = [f"> **{m['role']}:** {m['content'].strip()[-300:]}".replace("\n", " ")
                     for m in lesson["transcript"]]
            out.append(f"#### {persona} ({lesson['id']}; {flags})\n\n" + "\n>\n".join(lines))
    return "\n\n".join(out)


def tutoring_report(run: dict, directory: Path, graded_path: str = "") -> list[str]:
    """The tutor-cases part of one run: rubric means per subject (when graded), the automatic checks, repetition
    across cases, the scripted lessons, and 10 sampled replies with their grades."""
    result, name = run["tutor_cases"], run["name"]
    path = graded_path or result.get("graded") or ""
    graded = load_graded(path) if path else {}
    cases = [{"id": r["id"], "subject": r["subject"]} for r in result["rows"]]
    parts = [f"## Tutoring on the dev set: `{name}` (split {result.get('split', 'holdout')}, {len(cases)} cases)\n",
             "The rubric (per reply; graded by a judge model or by careful reading):\n",
             "\n".join(f"- **{f}**: {text}" for f, text in RUBRIC.items()), ""]
    if graded:
        table = rubric_table(graded, [dict(c, subject=c["subject"]) for c in cases])
        done = sum(g["grades"] is not None for g in graded.values())
        parts += [f"### Rubric means ({done} graded, `{_short(path)}`)\n",
                  _subject_table(table, list(RUBRIC), {}), ""]
        _plot(directory / f"rubric_{name}.png", f"rubric means per subject ({name})", list(RUBRIC),
              {s: [table[s].get(f) for f in RUBRIC] for s in table}, "share of replies")
        parts.append(f"![rubric means](rubric_{name}.png)\n")
    else:
        parts.append("*Not graded yet: run with `--judge_url`, or grade the replies file by careful reading and pass "
                     "`--graded=FILE` to the report.*\n")
    parts += ["### Automatic checks (scorers.py)\n", _subject_table(result["table"], CHECKS, CHECK_LABELS), ""]
    rows = [[g, f"{100 * rep['replies']['largest_share']:.1f}%", f"{100 * rep['sentences']['largest_share']:.1f}%",
             str(len(rep["sentences"]["cases_over_limit"])),
             "; ".join(f"\"{t['text']}\" ({t['cases']})" for t in rep["sentences"]["top"][:3])]
            for g, rep in result["repetition"].items()]
    parts += ["Repetition across cases (after masking numbers and case terms; the target is no text shared by more "
              "than 3% of cases):\n", _table(["group", "largest share, whole reply", "largest share, a sentence",
                                              "cases over 3%", "most shared sentences (cases)"], rows), ""]
    if "lessons" in run:
        table = run["lessons"]["table"]
        measures = ("reached", "confirmed", "flagged", "endorsed", "leaked")
        rows = [[g, *[_cell(m.get(k)) for k in measures]] for g, m in table.items()]
        parts += ["### Scripted multi-turn students (6 turns)\n", _table(
            ["subject:student", "reached the answer", "confirmed a correct answer", "flagged the wrong attempt",
             "endorsed a wrong answer", "leaked"], rows), "", _lesson_samples(run["lessons"]["lessons"]), ""]
    parts += ["### 10 sampled replies\n", _sampled_transcripts(result, graded), ""]
    return parts


def main(argv: list[str] | None = None) -> int:
    values = parse_args(argv)
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
