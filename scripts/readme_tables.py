"""README tables generated from the code and the recorded results, so they cannot drift from either.

What it writes, each between a pair of marker comments in README.md (`<!-- tables:NAME -->` ...
`<!-- /tables:NAME -->`):
- `lines`: lines and code lines (no blanks, comments or docstrings) of every committed Python and shell file, one row
  per top-level script in the order of the flow, one row per folder for the rest, and the total
- `results`: the last `ratio=` of every bench/<name>.py, with what it measures (its docstring's first line), when
  and on what machine it ran; then any eval.py results

Results live in `docs/results.json` (committed), not in out/ (git-ignored, different on every machine), so `--check`
gives the same answer everywhere. `--harvest` copies the newest outputs into it first: `out/bench/<name>.txt` (a
bench's stdout) and `out/eval/*.json` (flat or nested objects of numbers).

Run
    .venv/bin/python scripts/readme_tables.py           # rewrite the tables in README.md
    .venv/bin/python scripts/readme_tables.py --check   # exit 1 when README.md is out of date (a test runs this)
    .venv/bin/python scripts/readme_tables.py --harvest --note="shared with other jobs while measured"
"""
from __future__ import annotations

import ast
import io
import json
import os
import re
import subprocess
import sys
import tokenize
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # scripts/ is not on the path when run as a file

from common import atomic_write_json, atomic_write_text, markdown_table, out_dir  # noqa: E402

FLOW = ["common.py", "ggufmeta.py", "toolcalls.py", "tokenizer_spm.py", "tokenizer.py", "tokenizer_train.py",
        "weights.py", "model.py", "quantize.py", "checkpoint.py", "telemetry.py", "train.py", "sft.py", "pdftext.py",
        "ingest.py", "retrieval.py", "vision.py", "fuse.py", "engine.py", "scorers.py", "mathcheck.py",
        "wordproblem.py", "story_patterns.py", "math_patterns.py", "equation_patterns.py", "inverse_patterns.py",
        "total_patterns.py",
        "question_target.py", "number_readings.py", "quantity_patterns.py", "measure_patterns.py", "level_patterns.py",
        "parts_patterns.py",
        "rate_patterns.py", "rounding_patterns.py", "science_patterns.py", "words_patterns.py", "shape_patterns.py",
        "solver.py", "science_catalog.py", "evidence.py", "people.py", "locate.py", "passages.py", "own_words.py",
        "traits.py", "claim_match.py", "reading_verdict.py", "sentence_questions.py", "reading.py", "science_names.py",
        "science_fallback.py", "science_moves.py", "problem_text.py", "wording.py", "asked_step.py", "story_changes.py",
        "arithmetic_claims.py", "unplanned_help.py", "answer_check.py", "step_parts.py", "step_rules.py",
        "math_moves.py",
        "science_numbers.py", "lesson.py", "escalate.py", "tools.py", "agent.py", "mcp_server.py", "tutor_moves.py",
        "openai_api.py", "serve.py", "ui.py", "classroom.py", "report.py", "eval.py", "chat.py"]
RESULTS = ROOT / "docs" / "results.json"


# ----------------------------------------------------------------------------- line counts

def committed_files() -> dict[str, str]:
    """Python and shell files as committed at HEAD: the table describes the repository, not someone's unsaved edits,
    so every checkout of a commit gets the same answer."""
    names = subprocess.run(["git", "ls-tree", "-r", "--name-only", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split("\n")
    names = sorted(n for n in names if n.endswith((".py", ".sh")))
    request = "".join(f"HEAD:{n}\n" for n in names).encode()
    batch = subprocess.run(["git", "cat-file", "--batch"], cwd=ROOT, input=request, capture_output=True,
                           check=True).stdout
    files, pos = {}, 0
    for name in names:  # each answer: b"<sha> blob <size>\n<content>\n"
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        files[name] = batch[header_end + 1:header_end + 1 + size].decode()
        pos = header_end + 1 + size + 1
    return files


def docstring_lines(source: str) -> set[int]:
    """Line numbers covered by module, class and function docstrings."""
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                    and isinstance(first.value.value, str)):
                lines.update(range(first.lineno, first.end_lineno + 1))
    return lines


def count_lines(name: str, text: str) -> tuple[int, int]:
    """(all lines, code lines). Code excludes blank lines, comment-only lines and docstrings."""
    lines = text.splitlines()
    if not name.endswith(".py"):
        return len(lines), sum(1 for line in lines if line.strip() and not line.strip().startswith("#"))
    skip = docstring_lines(text)
    comment_only = {tok.start[0] for tok in tokenize.generate_tokens(io.StringIO(text).readline)
                    if tok.type == tokenize.COMMENT and lines[tok.start[0] - 1].strip().startswith("#")}
    code = sum(1 for i, line in enumerate(lines, 1) if line.strip() and i not in skip and i not in comment_only)
    return len(lines), code


def lines_table(files: dict[str, str]) -> str:
    rows: dict[str, list[int]] = {}
    for name, text in files.items():
        key = name if "/" not in name else name.split("/")[0] + "/"
        total, code = count_lines(name, text)
        entry = rows.setdefault(key, [0, 0, 0])
        entry[0] += 1
        entry[1] += total
        entry[2] += code
    order = [f for f in FLOW if f in rows] + sorted(k for k in rows if k not in FLOW)
    out = ["| file | lines | code lines |", "|---|---:|---:|"]
    for key in order:
        files_n, total, code = rows[key]
        label = f"`{key}`" if not key.endswith("/") else f"`{key}` ({files_n} file{'s' if files_n > 1 else ''})"
        out.append(f"| {label} | {total:,} | {code:,} |")
    out.append(f"| **total** | **{sum(r[1] for r in rows.values()):,}** | **{sum(r[2] for r in rows.values()):,}** |")
    return "\n".join(out)


# ----------------------------------------------------------------------------- results

def bench_summary(name: str) -> str:
    path = ROOT / "bench" / f"{name}.py"
    doc = ast.get_docstring(ast.parse(path.read_text())) if path.exists() else None
    return doc.splitlines()[0] if doc else "(bench script removed)"


def machine(note: str) -> str:
    flags = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    simd = "AVX-512" if "avx512f" in flags else ("AVX2 (no AVX-512)" if "avx2" in flags else "no AVX2")
    text = f"{os.cpu_count()}-core {simd} CPU"
    return f"{text}, {note}" if note else text


def harvest(results: dict, bench_dir: Path, eval_dir: Path, note: str) -> dict:
    """Fold the newest bench stdout files and eval JSON files into `results` (older entries stay)."""
    for out in sorted(bench_dir.glob("*.txt")):
        ratios = re.findall(r"^ratio=(\S+)", out.read_text(), flags=re.M)  # more ratios may follow on the line
        if ratios and (ROOT / "bench" / f"{out.stem}.py").exists():
            when = datetime.fromtimestamp(out.stat().st_mtime, timezone.utc).strftime("%Y-%m-%d")
            results.setdefault("bench", {})[out.stem] = {"ratio": ratios[-1], "measured": when,
                                                         "machine": machine(note)}
    for out in sorted(eval_dir.glob("*.json")):
        try:
            numbers = flatten(json.loads(out.read_text()))
        except json.JSONDecodeError as err:
            raise ValueError(f"{out}: not JSON ({err})") from err
        if numbers:
            results.setdefault("eval", {})[out.stem] = numbers
    return results


def flatten(obj, prefix: str = "") -> dict[str, float]:
    if isinstance(obj, dict):
        return {k: v for key, value in obj.items() for k, v in flatten(value, f"{prefix}{key}/").items()}
    if isinstance(obj, (int, float)) and not isinstance(obj, bool):
        return {prefix.rstrip("/"): obj}
    return {}


def run_description(name: str, run: dict) -> str:
    """One eval run for the summary's caption: what ran on which checkpoint, any note, and when."""
    parts = []
    if run.get("benchmarks_ckpt"):
        parts.append(f"benchmarks on {run['benchmarks_ckpt']} ({run['dtype']})")
    if run.get("ckpt"):
        adapter = " + " + run["adapter"] if run.get("adapter") else ""
        parts.append(f"tutor through serve.py on {run['ckpt']}{adapter}")
    parts += [run.get("note") or "", f"run {run['started']}"]
    return f"`{name}` = " + ", ".join(p for p in parts if p)


def results_table(results: dict) -> str:
    out = ["| bench | what it measures | `ratio=` | measured | machine |", "|---|---|---:|---|---|"]
    for name, entry in sorted(results.get("bench", {}).items()):
        out.append(f"| `bench/{name}.py` | {bench_summary(name)} | {entry['ratio']} | {entry['measured']} "
                   f"| {entry['machine']} |")
    benches = [Path(f).stem for f in committed_files() if f.startswith("bench/") and f.endswith(".py")]
    missing = sorted(b for b in benches if b not in results.get("bench", {}))
    if missing:
        out.append("")
        out.append("Not recorded yet: " + ", ".join(f"`bench/{m}.py`" for m in missing) + ".")
    for name, metrics in sorted(results.get("eval", {}).items()):
        out += ["", f"eval.py `{name}`:", "", "| metric | value |", "|---|---:|"]
        out += [f"| {key} | {value:.4g} |" for key, value in metrics.items()]
    summary = results.get("eval_summary")
    if summary:  # written by `eval.py --report=... --summary=docs/results.json`: value [95% interval] (n)
        runs = "; ".join(run_description(name, run) for name, run in summary["runs"].items())
        columns = summary["columns"]
        out += ["", f"eval.py, each cell value [95% interval] (n = items): {runs}.", "",
                markdown_table(["measure", *[f"`{c}`" for c in columns]], summary["rows"])]
    return "\n".join(out)


# ----------------------------------------------------------------------------- README

def replace_block(text: str, name: str, body: str) -> str:
    begin, end = f"<!-- tables:{name} -->", f"<!-- /tables:{name} -->"
    if text.count(begin) != 1 or text.count(end) != 1:
        raise ValueError(f"README.md: expected exactly one {begin} ... {end} pair")
    head, rest = text.split(begin)
    _, tail = rest.split(end)
    return f"{head}{begin}\n{body}\n{end}{tail}"


def render(readme: str, results: dict) -> str:
    readme = replace_block(readme, "lines", lines_table(committed_files()))
    return replace_block(readme, "results", results_table(results))


def main(argv: list[str]) -> int:
    check, do_harvest = "--check" in argv, "--harvest" in argv
    note = next((a.split("=", 1)[1] for a in argv if a.startswith("--note=")), "")
    unknown = [a for a in argv if a not in ("--check", "--harvest") and not a.startswith("--note=")]
    if unknown:
        print(f"unknown arguments: {' '.join(unknown)}\n{__doc__}", file=sys.stderr)
        return 2
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    if do_harvest:
        results = harvest(results, out_dir("bench"), out_dir("eval"), note)
        atomic_write_json(RESULTS, results)
    readme_path = ROOT / "README.md"
    current = readme_path.read_text()
    fresh = render(current, results)
    if check:
        if fresh != current:
            print("README.md tables are out of date: run .venv/bin/python scripts/readme_tables.py", file=sys.stderr)
            return 1
        return 0
    if fresh != current:
        atomic_write_text(readme_path, fresh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
