"""The dataset card written beside each build's parquet files: what is in it, where it came from, what was dropped.

Its YAML header names the parquet files per split, so `datasets.load_dataset("<build>/records")` finds them;
`load_dataset("parquet", data_files=...)` works without it.
"""
from __future__ import annotations

from collections import Counter

from common import markdown_table
from data.sources import SOURCES

BANDS = ("K-2", "3-5", "6-8", "9-12")


def yaml_header(files: dict[str, list[str]]) -> str:
    lines = ["---", "license: other", "language:", "- en", "configs:", "- config_name: default", "  data_files:"]
    for split, names in files.items():
        lines += [f"  - split: {split}", "    path:"] + [f"    - {n}" for n in names]
    return "\n".join(lines + ["---", ""])


def dataset_card(name: str, splits: dict[str, list[dict]], stats: dict[str, Counter],
                 files: dict[str, list[str]]) -> str:
    """Markdown: counts per source, subject and grade band for each split, licences, and what each step dropped."""
    records = [r for recs in splits.values() for r in recs]
    sources = sorted(stats["parsed"])
    per_source = [[s, stats["parsed"][s], stats["off_topic"][s], stats["exact_dup"][s], stats["near_dup"][s],
                   stats["contaminated"][s]] + [sum(r["source"] == s for r in splits[sp]) for sp in splits]
                  for s in sources]
    licences = sorted({(r["source"], r["licence"]) for r in records})
    subjects = Counter((r["subject"], r["grade_band"]) for r in records)
    by_subject = [[subj] + [subjects[(subj, b)] for b in BANDS] + [sum(subjects[(subj, b)] for b in BANDS)]
                  for subj in ("math", "science", "reading")]
    return "\n\n".join([
        yaml_header(files) + f"# nanotutor pretraining records: `{name}`",
        "One schema for every record: `id, source, licence, subject, grade_band, instruction, input, response, text`. "
        "Multiple-choice items are question + lettered options -> answer (with the explanation or fact where the "
        "source has one); word problems keep their worked solution; prose is continuation style. `text` is what "
        "gets tokenized. Built by `python -m data.prepare` (data/prepare.py).",
        "## Counts per source\n\nDropped in order: not school-relevant (data/subjects.py), exact duplicate, near "
        "duplicate (MinHash, data/clean.py), shares a 13-gram with an evaluation split (data/decontam.py).\n\n"
        + markdown_table(["source", "parsed", "off-topic", "exact dup", "near dup", "contaminated", *splits],
                         per_source),
        "## Subject x grade band (all splits)\n\n" + markdown_table(["subject", *BANDS, "total"], by_subject),
        "## Licences (travel with every record)\n\n"
        + markdown_table(["source", "licence"], [list(x) for x in licences]),
        "## Notes\n\n"
        "- Evaluation splits (GSM8K test and its Socratic form, ARC Easy/Challenge test, OpenBookQA test, MathQA "
        "test and challenge test, SciQ test, WikiText-2 test, eval.py's dev prompts) are never included; SciQ is "
        "CC BY-NC and used for evaluation only.\n"
        "- BookCorpus cannot be redistributed; public-domain children's books (Aesop, Alice, Grimm) stand in for it.\n"
        f"- Sources available: {', '.join(sorted(SOURCES))}.",
    ]) + "\n"
