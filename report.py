"""The evaluation report: saved runs side by side in markdown tables, plots and transcripts.

`python eval.py --report=docs/report/ [--runs=base,tuned] [--graded=FILE] [--summary=docs/results.json]` calls
`write_report`: docs/report/README.md with the benchmarks, pedagogy on the dev prompts, the tutor dev set (rubric
means when graded, the automatic checks, repetition across cases, scripted lessons, 10 sampled replies) and the
simulated classroom of every run, PNG plots beside it; `write_summary` puts README's headline table into a JSON file.
It reads what eval.py saved (out/eval/<name>/results.json, `load_runs`) and graded JSONL files (`load_graded`: a
judge's, or grades written by careful reading).

Why a room of its own: the report only reads saved results (no model, no server), so it can be rewritten from old
runs; eval.py produces the results and calls it.

Run it (tests: `.venv/bin/python -m pytest -q tests/test_eval.py -k report`):
    .venv/bin/python eval.py --report=docs/report/ --runs=base,tuned
"""
from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from classroom import (CHECK_LABELS, CHECKS, CLASSROOM_MEASURES, LESSON_MEASURES, PERSONAS, SUBJECTS,
                       proportion)
from common import atomic_write_json, atomic_write_text, get_logger, markdown_table, out_dir, read_jsonl, save_figure
from scorers import RUBRIC

_LOG = get_logger("eval")

# The benchmarks eval.py runs, in the order its config lists them and the report shows them
MC_SETS = ("arc_easy", "arc_challenge", "openbookqa", "sciq", "mathqa")
BENCHMARKS = ("wikitext2", "val", *MC_SETS, "gsm8k")


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


def benchmark_table(runs: list[dict]) -> str:
    rows = []
    for bench in BENCHMARKS:
        for metric in ("ppl", "acc", "acc_norm"):
            cells = [_fmt(r["benchmarks"][bench][metric], pct=metric != "ppl")
                     if metric in r.get("benchmarks", {}).get(bench, {}) else "-"
                     for r in runs]
            if any(c != "-" for c in cells):
                rows.append([bench, metric, *cells])
    return markdown_table(["benchmark", "metric", *[r["name"] for r in runs]], rows)


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
    return markdown_table(["group", "measure", *[r["name"] for r in runs]], rows)


CLASSROOMS = {"classroom": "rule-based students", "classroom_model": "model-driven students"}


def _rated(run: dict, key: str, group: str = "all") -> str:
    """'(8 of 12 rated)': how many of the group's conversations the judge gave a score."""
    convs = [c for c in run[key]["conversations"]
             if group == "all" or group in (f"persona:{c['persona']}", f"subject:{c['subject']}")]
    return f"({sum(c.get('judge') is not None for c in convs)} of {len(convs)} rated)"


def classroom_table(run: dict, key: str = "classroom") -> str:
    rows = []
    for group, row in run[key]["table"].items():
        rows.append([group, *[_fmt(row[k]) for k in CLASSROOM_MEASURES],
                     f"{row['turns']:.1f}", f"{row['student_questions']:.1f}", f"{row['helpfulness']:.2f}",
                     f"{row['judge']:.2f} {_rated(run, key, group)}" if "judge" in row else "-"])
    return markdown_table(["group", "reached answer", "false assertion", "leaked", "dropped off", "turns",
                           "student questions", "helpfulness (rules, 0-1)", "judge (1-5)"], rows)


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


def transcript_samples(items: list[dict], flags: dict[str, Sequence[str]], clip: int = 0) -> str:
    """The first transcript of each persona in `flags` (a classroom conversation or a scripted lesson), quoted, headed
    by its subject, case and the measures `flags` names for it; `clip` > 0 keeps each message's last `clip` characters
    (a lesson's student may paste a whole passage)."""
    out = []
    for persona, measures in flags.items():
        item = next((x for x in items if x["persona"] == persona), None)
        if item is not None:
            outcome = ", ".join(f"{k}={item[k]}" for k in measures)
            lines = [f"> **{m['role']}:** {m['content'].strip()[-clip:]}".replace("\n", " ")  # [-0:]: all of it
                     for m in item["transcript"]]
            out.append(f"#### {persona} ({item['subject']}, {item['id']}; {outcome})\n\n" + "\n>\n".join(lines))
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


def short_ckpt(ckpt: str) -> str:
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
    runs_desc = {r["name"]: {**{k: r.get(k) for k in kept}, "ckpt": short_ckpt(r.get("ckpt", ""))} for r in runs}
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
    tutor = f"tutor through serve.py on {short_ckpt(run.get('ckpt', ''))}{adapter}"
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
                samples = transcript_samples(r[key]["conversations"], dict.fromkeys(PERSONAS, CLASSROOM_MEASURES))
                parts += [f"## Simulated classroom, {students}: `{r['name']}`\n", classroom_table(r, key),
                          "\n### A transcript per persona\n", samples, ""]
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
    return markdown_table(["measure", *groups], rows)


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
        parts += [f"### Rubric means ({done} graded, `{short_ckpt(path)}`)\n",
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
              "than 3% of cases):\n",
              markdown_table(["group", "largest share, whole reply", "largest share, a sentence", "cases over 3%",
                              "most shared sentences (cases)"], rows), ""]
    if "lessons" in run:
        table = run["lessons"]["table"]
        measures = ("reached", "confirmed", "flagged", "endorsed", "leaked")
        rows = [[g, *[_cell(m.get(k)) for k in measures]] for g, m in table.items()]
        parts += ["### Scripted multi-turn students (6 turns)\n", markdown_table(
            ["subject:student", "reached the answer", "confirmed a correct answer", "flagged the wrong attempt",
             "endorsed a wrong answer", "leaked"], rows), "",
            transcript_samples(run["lessons"]["lessons"], LESSON_MEASURES, clip=300), ""]
    parts += ["### 10 sampled replies\n", _sampled_transcripts(result, graded), ""]
    return parts
