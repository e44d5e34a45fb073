"""Word-problem planner quality: coverage (share of problems planned) and precision (share of plans whose final
value equals the gold answer), per pattern. Quality only, no timing.

Sets: the authored grade 3-10 cases (tests/fixtures/solver/cases.jsonl, labelled with the pattern they exercise;
coverage per label; the planner was developed against them), 50 authored held-out cases (heldout.jsonl, written
after the planner and never tuned on), the math of the dev set's `tune` split (data/eval/tutor_cases.jsonl, by
topic; its holdout rows are dropped before anything else is read) and GSM8K train (gold after '####'; coverage per
pattern the planner chose).
GSM8K test is an evaluation only: run it once with --split=test, never tune on it. Without the staged data
(../shared/data, or $NANOTUTOR_DATA) the bench says so in one line and runs the authored cases alone.

    .venv/bin/python -m bench.solver [--split=train|test] [--show_errors=10] [--show_check]

Fresh cases (fresh.jsonl, 100 grade 3-8 problems written before quantity_patterns.py; both halves now developed on;
fresh2.jsonl, 100 more written before measure_patterns.py; fresh3.jsonl, 100 more written before round 3;
fresh4.jsonl, 100 worksheet problems written before round 5; fresh5.jsonl, 60 textbook problems written before round
5b; fresh6.jsonl, 100 school and GSM8K-style problems written before round 6; fresh7.jsonl, 120 US/UK textbook and
GSM8K-style problems in varied wording written before round 7; fresh8.jsonl, 45 problems of the kinds round 8 left
unplanned, written before round 9; fresh9.jsonl, 38 problems of the kinds the lead's students found unplanned,
written before round 10; fresh10.jsonl, written before round 11; fresh11.jsonl, 64 grade 3-8 problems of the
families round 12 was asked to cover, written before it; fresh12.jsonl, 64 of the shapes round 13 was asked to
cover, written before it; fresh14.jsonl, 66 grade 3-8 problems in many phrasings written before round 14;
fresh15.jsonl, 90 grade 3-10 problems over the 15 school families the dev set names, 6 each, terse student
phrasings as well as textbook ones, written before round 15, `pattern` is the family; fresh18.jsonl, 60 grade 4-8
multi-step chains written before round 19): the
`dev` half is developed on, the `check` half is measured before and at the end only, and prints its totals alone
unless --show_check (so developing never shows its problems). GSM8K train: tuned on even indices, checked on odd
ones (totals alone, likewise).

Round 21 (2026-12-07, issue #22: school families as worksheets write them and students retell them, read by their
structure: two amounts at two rates until they are the same (catchup_patterns.py: each owner's start and rate, the
direction from the verb before the rate, a start of nothing only where said), a tax or tip after a discount is of the
discounted price ('Sales tax is 8% of the sale price', '20% tax on top'), prices said apart from their counts for
every kind ('Shirts are $12 and hats $8.') and one item at its price (shopping_patterns.py, moved out of
story_patterns.py), what is left over once the full groups are made (rounding_patterns.leftover), the next score for
a target mean said alone ('what do i need on the 4th test to get an average of 85'), 'in ratio 1:4', 'the 4 girls
each picked 15 apples', a run-on question before its '??'; a change said per hour is no single change (a wrong plan on
main); before in brackets): fresh21 (60 grade 3-8 problems, teachers' and students' wording, written before round 21)
dev 83.3% / 100% (50.0% / 100%), check (measured before and at the end only) 56.7% / 100% (46.7% / 92.9%: its one
wrong plan, '2°C at 8 pm and fell 3 degrees every hour ... at 11 pm' read as one fall, was read and fixed as a class);
fresh2 check 74.0% (72.0%), fresh3 check 60.0% (58.0%), fresh4 check 74.0% (72.0%), fresh16 dev 86.4% (84.8%);
GSM8K train even 99 planned (98; 98 match the gold, #474 as before) and odd 95 (94); every other set unchanged,
all 100% precise.

Round 20 (2026-12-07, the school families left unplanned, read by general readers: a conversion asked in its own unit
('Tom ran for 150 minutes. How many hours did he run?'), 'half an hour', a sum and difference said 'less than the
other', difference first, or as two prices ('A pencil and an eraser cost $1.10 together'), two numbers one k times the
other, a group of two kinds with one kind more ('45 children ... 7 more girls than boys'), a ratio's whole from one
kind's count, tax on a price 'before tax' and the total cost, the last portion of a rest asked by its own words ('1/2
of the rest were pear trees'), a part asked by what it is ('15% of the fish are goldfish'), the other kind of a
percent's group ('How many boys are at the school?'), 'Of the 50 cars in a parking lot, 40% ...', a fraction of the
owner's money ('Sara had $90. She spent 2/3 of it.'), a verb in another form ('ate' ... 'eat'), comparisons of
two-word owners ('An oak tree is 4 times as tall.'), 'a 6-pack of'; percent_part no longer reads '20% fewer' as the
part; before in brackets): fresh20 (80 grade 3-8 problems over 11 families, written before round 20) dev 97.5% / 100%
(75.0%), check (measured before and at the end only) 70.0% / 100% (70.0% / 96.4%: its one wrong plan, '20% fewer
muffins' read as 20% of them, was read and fixed as a class, in main too; no other check item was read); fresh2
check 72.0% (70.0%), fresh4 check 72.0% (68.0%), fresh5 check 86.7% (83.3%), fresh14 check 72.7% (69.7%), fresh15
check 71.1% (68.9%), fresh17 check 70.0% (65.0%), fresh19 check 53.3% (50.0%); GSM8K train even 98 planned (96; 97
match the gold, #474 as before) and odd 94 (91); every other set unchanged, all 100% precise.

Round 19 (2026-12-07, multi-step chains: chain_patterns.py plans the story before a last step and adds it (the rest
shared equally, some kept first; the empty places after a capacity built from groups; an owner's amount said in a
relative clause, 'than Sam, who has 25', or as 'Cara's 40'), age_patterns.py reads two ages linked (k times, years
older or younger, pronouns as the known person, the link undone) asked later, earlier, together or until; the tracker
resolves comparisons in the order they lead to each other, adds the owners a question names, pairs two rates of one
group with their own counts and reads '1/4 of the apples'; before in brackets): fresh18 (60 grade 4-8 chains written
before round 19) dev 76.7% / 100% (36.7%), check (measured before and at the end only) 26.7% / 100% (16.7%); fresh7
dev 75.0% (71.7%), fresh16 check 62.1% (60.6%); GSM8K train even 96 planned (86; 95 match the gold, #474 as before)
and odd 90 (83); every other set unchanged, all 100% precise.

Round 19b (2026-12-07, places left in equal groups of places, the other part of a fraction, and the gap between
two measures of one kind: parts_patterns.groups_room_left, gap_patterns.py, measure_parts, fraction_of,
mixed_units_left; before in brackets): fresh19 (60 grade 3-8 problems of those families, written before round 19b)
dev 86.7% / 100% (33.3%), check (measured before and at the end only) 46.7% / 100% (26.7%); fresh check 76.0%
(74.0%), fresh3 dev 90.0% (88.0%), fresh4 check 68.0% (66.0%), fresh5 dev 80.0% (76.7%), fresh6 dev 88.0% (86.0%),
fresh7 dev 75.0% (71.7%), fresh14 dev 90.9% (87.9%), fresh16 dev 84.8% (83.3%) and check 62.1% (60.6%); GSM8K train
even 86 planned (86; 85 match the gold, #474 as in round 17) and odd 84 (83); every other set unchanged, all 100%
precise.

Round 17 (2026-12-06, portions of an earlier amount and comparisons by a factor: portion_patterns.py,
factor_patterns.py; before in brackets): fresh17 (40 grade 3-8 problems of those families, written before round 17)
dev 85.0% / 100% (35.0%), check (measured before and at the end only) 65.0% / 100% (15.0%); fresh11 dev 84.4% (81.2%),
check 78.1% (75.0%); GSM8K train even 87 planned (77; 86 match the gold: #474's gold takes 2/3 for 'one-third of the
remaining', the plan's 12 is right) and odd 83 (70), first 1,000 30 (22), second 1,000 21 (19); every other set
unchanged, all 100% precise.

Round 16 (2026-12-06, problems as students type them: typed.py, question reading, side remarks; before in
brackets): fresh16 (132 problems written in round 16, lower case, run-on questions, short forms; the second 44 written
after the first fixes) dev 83.3% / 100% (40.9%), check 60.6% / 100% (45.5%); fresh3 dev 88.0% (86.0%), fresh6
check 74.0% (72.0%), fresh9 check 89.5% (84.2%); GSM8K train even 78 (78) and odd 71 (69), all 100% precise; every
other set unchanged.

Round 15 (2026-12-06, general readings of the school families a student states briefly; before in brackets):
fresh15 dev (45) 88.9% / 100% (51.1%), fresh15 check (45, measured before and at the end only) 66.7% / 100% (48.9%);
fresh check 74.0% (72.0%), fresh2 check 70.0% (68.0%), fresh3 check 58.0% (56.0%), fresh4 check 66.0% (62.0%),
fresh7 check 46.7% (43.3%); GSM8K train even 78 planned (77) and odd 69 (68), all 100% precise; every other set
unchanged.

Round 14 (2026-12-06, general readings of the tracker and its question, question_target.py; before in brackets):
fresh14 dev (33) 87.9% / 100% (66.7%), fresh14 check (33) 66.7% / 100% (66.7%) when measured unread, then read
(now spent: 69.7% after 'did her cousin collect' was read as a name's), fresh2
check 68.0% (64.0%), fresh5 check 83.3% (80.0%), GSM8K train even 77 (74) and odd 68 (66), all 100% precise; every
other set unchanged.

Round 13 (2026-12-06; before round 13 in brackets): fresh12 dev (32) 87.5% / 100% (34.4%), fresh12 check (32, its
problems never read while developing) 75.0% / 100% (25.0%), fresh5 dev 76.7% (73.3%), fresh9 check 84.2% (78.9%),
GSM8K train even 74 planned (70) and odd 66 (65), all 100% precise; every other set unchanged.

Round 12 (2026-12-06; before round 12 in brackets): fresh11 dev (32) 81.2% / 100% (37.5%), fresh11 check (32, its
problems never read) 75.0% / 100% (37.5%), authored held-out 98.0% (96.0%), fresh4 check 62.0% (60.0%), fresh7 check
43.3% (41.7%), GSM8K train even 70 planned (69) and odd 65 (65), all 100% precise; every other set unchanged.

Round 11 (2026-12-06; before round 11 in brackets): fresh10 dev (14) 92.9% / 100% (21.4%), fresh10 check (14,
never read) 78.6% / 100% (7.1%; 92.9% while 'x' was read as a times sign, dropped again: lesson.py rewrites it),
fresh7 dev 71.7% (70.0%), fresh8 check 43.5% (39.1%), GSM8K train even 69 planned (68), odd 65 (65), all 100%
precise; every other set unchanged.

Round 10 (2026-12-06, readers of general structure; coverage / precision, before round 10 in brackets): fresh9 dev
(19) 100% / 100% (31.6% / 100%), fresh9 check (19, never read) 78.9% / 100% (21.1% / 100%), fresh2 check 64.0%
(62.0%), fresh3 dev 86.0% (84.0%), fresh6 check 70.0% (68.0%), fresh7 dev 70.0% (66.7%), GSM8K train even 68
planned (63) and odd 65 (62), all 100% precise; every other set unchanged.

Results (2026-12-06, after round 7; coverage / precision; at the start of round 7 in brackets):
    authored cases (122)           98.4% / 100%   (98.4% / 100%)
    authored held-out cases (50)   96.0% / 100%   (96.0% / 100%)
    fresh dev (50)                 92.0% / 100%   (92.0% / 100%)
    fresh check (50, spent)        72.0% / 100%   (68.0% / 100%)
    fresh2 dev (50)                90.0% / 100%   (90.0% / 100%)
    fresh2 check (50)              62.0% / 100%   (62.0% / 100%)
    fresh3 dev (50)                84.0% / 100%   (84.0% / 100%)
    fresh3 check (50)              54.0% / 100%   (54.0% / 100%)
    fresh4 dev (50)                94.0% / 100%   (94.0% / 100%)
    fresh4 check (50)              60.0% / 100%   (60.0% / 100%)
    fresh5 dev (30)                73.3% / 100%   (70.0% / 100%)
    fresh5 check (30)              80.0% / 100%   (80.0% / 100%)
    fresh6 dev (50)                86.0% / 100%   (86.0% / 100%)
    fresh6 check (50)              68.0% / 100%   (68.0% / 100%)
    fresh7 dev (60)                65.0% / 100%   (36.7% / 95.5%: its wrong plan, 4 workers' days read as a rate per
                                   worker, is fixed by crew_time)
    fresh7 check (60)              38.3% / 100%   (30.0% / 94.4%: its one wrong plan, a price asked 'in cents' answered
                                   in dollars, was read and fixed as a class; no other check item was read)
    fresh8 dev (22)                63.6% / 100%   (27.3% / 100% before round 9; fresh7 dev 66.7%, check 41.7%,
                                   fresh2 dev 92.0%, fresh3 check 56.0% after round 9)
    fresh8 check (23)              39.1% / 100%   (17.4% / 100% before round 9; never read while developing)
    dev set tune split, math (52)  100%  / 100%   (100%  / 100%)
    GSM8K train even (3,737)        1.7% / 100%   (1.7% / 100%: 63 planned, 62 before)
    GSM8K train odd (3,736)         1.7% / 100%   (62 planned after round 9, 59 before; round 7's one wrong plan on
                                   the way, a percent of '10 per day' read as a year's total, was fixed as a class)
    GSM8K test (1,319, one run)     0.8% / 81.8%  (11 planned, 9 right; measured on commit 22f85ec)
"""
from __future__ import annotations

import sys
from pathlib import Path

# Replace bench/ on the path by the repo root: bench/tokenize.py would shadow the standard library's tokenize.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from collections import Counter  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from fractions import Fraction  # noqa: E402

import solver  # noqa: E402
from common import ROOT, check_known, fill, parse_args, read_jsonl, shared_data_dir  # noqa: E402

CASES = ROOT / "tests" / "fixtures" / "solver" / "cases.jsonl"      # developed against
HELDOUT = ROOT / "tests" / "fixtures" / "solver" / "heldout.jsonl"  # written later, never tuned on
FRESH = ROOT / "tests" / "fixtures" / "solver" / "fresh.jsonl"      # written before the quantity tracker: dev / check
FRESH2 = ROOT / "tests" / "fixtures" / "solver" / "fresh2.jsonl"    # written before round 2 of the tracker: dev / check
FRESH3 = ROOT / "tests" / "fixtures" / "solver" / "fresh3.jsonl"    # written before round 3 (rounding, mode, ...)
FRESH4 = ROOT / "tests" / "fixtures" / "solver" / "fresh4.jsonl"    # written before round 5 (worksheet wording)
FRESH5 = ROOT / "tests" / "fixtures" / "solver" / "fresh5.jsonl"    # written before round 5b (general readings)
FRESH6 = ROOT / "tests" / "fixtures" / "solver" / "fresh6.jsonl"    # written before round 6 (school and GSM8K style)
FRESH7 = ROOT / "tests" / "fixtures" / "solver" / "fresh7.jsonl"    # written before round 7 (varied wording)
FRESH8 = ROOT / "tests" / "fixtures" / "solver" / "fresh8.jsonl"    # written before round 9 (kinds left unplanned)
FRESH9 = ROOT / "tests" / "fixtures" / "solver" / "fresh9.jsonl"    # written before round 10 (kinds students missed)
FRESH10 = ROOT / "tests" / "fixtures" / "solver" / "fresh10.jsonl"  # written before round 11 (words, capacity, signs)
FRESH11 = ROOT / "tests" / "fixtures" / "solver" / "fresh11.jsonl"  # written before round 12 (ages, interest, ...)
FRESH12 = ROOT / "tests" / "fixtures" / "solver" / "fresh12.jsonl"  # written before round 13 (nested groups, ...)
FRESH14 = ROOT / "tests" / "fixtures" / "solver" / "fresh14.jsonl"  # written before round 14 (general readings)
FRESH15 = ROOT / "tests" / "fixtures" / "solver" / "fresh15.jsonl"  # written before round 15 (school families, terse)
FRESH16 = ROOT / "tests" / "fixtures" / "solver" / "fresh16.jsonl"  # written in round 16 (as students type them)
FRESH17 = ROOT / "tests" / "fixtures" / "solver" / "fresh17.jsonl"  # written before round 17 (portions, factors)
FRESH18 = ROOT / "tests" / "fixtures" / "solver" / "fresh18.jsonl"  # written before round 19 (multi-step chains)
FRESH19 = ROOT / "tests" / "fixtures" / "solver" / "fresh19.jsonl"  # written before round 19b (other part, measures)
FRESH20 = ROOT / "tests" / "fixtures" / "solver" / "fresh20.jsonl"  # written before round 20 (school families)
FRESH21 = ROOT / "tests" / "fixtures" / "solver" / "fresh21.jsonl"  # written before round 21 (as taught and retold)
DEV_SET = ROOT / "data" / "eval" / "tutor_cases.jsonl"              # only its `tune` split is ever read here


@dataclass
class BenchConfig:
    split: str = "train"        # GSM8K split: train (tuning allowed) or test (evaluation only, run once)
    show_errors: int = 0        # print this many wrong plans, to see what the planner misreads
    show_check: bool = False    # also print the check sets' wrong plans and pattern rows (only once, at the end)


def authored_cases(path: Path, split: str = "") -> list[tuple[str, Fraction, str]]:
    """The cases of one file (only those of `split`, when the file splits them into dev and check)."""
    return [(c["problem"], Fraction(c["answer"]), c["pattern"]) for _, c in read_jsonl(path)
            if not split or c["split"] == split]


def tune_cases(path: Path = DEV_SET) -> list[tuple[str, Fraction, str]]:
    """The dev set's math problems of the `tune` split (holdout rows are dropped before anything else is read);
    the gold is the last step's exact value, labelled with the case's topic."""
    tune = [c for _, c in read_jsonl(path) if c["split"] == "tune"]
    return [(c["problem"], Fraction(str(c["steps"][-1]["value"])), c["topic"]) for c in tune if c["subject"] == "math"]


def gsm8k_cases(split: str) -> list[tuple[str, Fraction, str]] | None:
    path = shared_data_dir() / "gsm8k" / f"{split}.jsonl"
    if not path.exists():
        return None
    return [(r["question"], Fraction(r["answer"].split("####")[-1].strip().replace(",", "")), "")
            for _, r in read_jsonl(path)]


def score(cases: list[tuple[str, Fraction, str]], show_errors: int) -> dict[str, Counter]:
    """Per pattern: n (labelled cases), planned, correct. Unlabelled cases count under the pattern planned."""
    table: dict[str, Counter] = {}
    shown = 0
    for problem, gold, label in cases:
        found = solver.plan(problem)
        key = label or (found.pattern if found else "(none)")
        row = table.setdefault(key, Counter())
        row["n"] += 1
        if found is None:
            continue
        row["planned"] += 1
        row["correct"] += found.answer == gold
        if found.answer != gold and shown < show_errors:
            shown += 1
            print(f"WRONG {found.pattern}: got {solver.fmt(found.answer)}, gold {solver.fmt(gold)}: {problem}")
    return table


def report(name: str, table: dict[str, Counter], labelled: bool, totals_only: bool = False) -> None:
    """Totals, then a row per pattern (a check set shows its totals only: developing never sees its problems)."""
    total = sum(table.values(), Counter())
    print(f"\n{name}: {total['n']} problems, planned {total['planned']} "
          f"(coverage {total['planned'] / max(total['n'], 1):.1%}), correct {total['correct']} "
          f"(precision {total['correct'] / max(total['planned'], 1):.1%})")
    if totals_only:
        return
    print(f"{'pattern':36s} {'n':>5s} {'planned':>8s} {'correct':>8s} {'coverage':>9s} {'precision':>10s}")
    for key in sorted(table):
        row = table[key]
        if not labelled and key == "(none)":
            continue
        coverage = f"{row['planned'] / row['n']:.0%}" if labelled else "-"
        precision = f"{row['correct'] / row['planned']:.0%}" if row["planned"] else "-"
        print(f"{key:36s} {row['n']:5d} {row['planned']:8d} {row['correct']:8d} {coverage:>9s} {precision:>10s}")


def main() -> None:
    values = parse_args()
    check_known(values, BenchConfig)
    cfg = fill(BenchConfig, values)
    if cfg.split not in ("train", "test"):
        raise SystemExit(f"--split must be train or test, not {cfg.split!r}")
    report("authored cases", score(authored_cases(CASES), cfg.show_errors), labelled=True)
    report("authored held-out cases", score(authored_cases(HELDOUT), cfg.show_errors), labelled=True)
    hide = not cfg.show_check
    fresh = ((FRESH, "fresh"), (FRESH2, "fresh2"), (FRESH3, "fresh3"), (FRESH4, "fresh4"), (FRESH5, "fresh5"),
             (FRESH6, "fresh6"), (FRESH7, "fresh7"), (FRESH8, "fresh8"),
             (FRESH9, "fresh9"), (FRESH10, "fresh10"), (FRESH11, "fresh11"), (FRESH12, "fresh12"),
             (FRESH14, "fresh14"), (FRESH15, "fresh15"), (FRESH16, "fresh16"), (FRESH17, "fresh17"),
             (FRESH18, "fresh18"), (FRESH19, "fresh19"), (FRESH20, "fresh20"), (FRESH21, "fresh21"))
    for path, name in fresh:
        report(f"{name} grade 3-8 cases, dev", score(authored_cases(path, "dev"), cfg.show_errors), labelled=True)
        check = score(authored_cases(path, "check"), 0 if hide else cfg.show_errors)
        report(f"{name} grade 3-8 cases, check", check, labelled=True, totals_only=hide)
    report("dev set tune split (math)", score(tune_cases(), cfg.show_errors), labelled=True)
    gsm8k = gsm8k_cases(cfg.split)
    if gsm8k is None:
        print(f"\nGSM8K not found under {shared_data_dir()} (staged data absent): authored cases only.")
        return
    # Train is tuned on its even indices and checked on its odd ones; test is one evaluation run.
    halves = [("even", gsm8k[0::2]), ("odd", gsm8k[1::2])] if cfg.split == "train" else [("", gsm8k)]
    for half, cases in halves:
        checked = half == "odd" and hide   # the odd half is the check half: totals only
        report(f"GSM8K {cfg.split} {half}".rstrip(), score(cases, 0 if checked else cfg.show_errors), labelled=False,
               totals_only=checked)


if __name__ == "__main__":
    main()
