"""scripts/readme_tables.py: README's generated tables are current, and the counting and harvesting are exact."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import readme_tables  # noqa: E402


def test_readme_tables_are_up_to_date():
    assert readme_tables.main(["--check"]) == 0, "run: .venv/bin/python scripts/readme_tables.py"


def test_code_lines_skip_blanks_comments_and_docstrings():
    source = ('"""Module doc\n\nspanning lines."""\nimport os  # a trailing comment is code\n\n# a comment\n'
              'def f():\n    """Doc."""\n    return "# not a comment"\n')
    assert readme_tables.count_lines("m.py", source) == (9, 3)
    assert readme_tables.count_lines("s.sh", "#!/bin/bash\n# note\n\necho hi\n") == (4, 1)


def test_committed_files_are_read_from_head():
    files = readme_tables.committed_files()
    assert "common.py" in files and "scripts/readme_tables.py" in files
    assert all(name.endswith((".py", ".sh")) for name in files)
    head = subprocess.run(["git", "show", "HEAD:common.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert files["common.py"] == head.stdout


def test_harvest_takes_the_last_ratio_and_flattens_eval(tmp_path):
    bench, evals = tmp_path / "bench", tmp_path / "eval"
    bench.mkdir()
    evals.mkdir()
    (bench / "decode.txt").write_text("warm-up\nratio=0.50\nsecond pass\nratio=1.25\n")
    (bench / "not_a_bench.txt").write_text("ratio=9\n")  # no bench/not_a_bench.py: ignored
    (bench / "serve.txt").write_text("crashed before the end\n")
    (evals / "tutor.json").write_text(json.dumps({"leak_rate": 0.125, "gsm8k": {"acc": 0.5, "n": 40}, "name": "x"}))
    results = readme_tables.harvest({"bench": {"serve": {"ratio": "9.7", "measured": "d", "machine": "m"}}},
                                    bench, evals, note="shared")
    assert results["bench"]["decode"]["ratio"] == "1.25" and results["bench"]["decode"]["machine"].endswith(", shared")
    assert results["bench"]["serve"]["ratio"] == "9.7"  # a run without a ratio line keeps the recorded one
    assert "not_a_bench" not in results["bench"]
    assert results["eval"]["tutor"] == {"leak_rate": 0.125, "gsm8k/acc": 0.5, "gsm8k/n": 40}
    table = readme_tables.results_table(results)
    assert "| `bench/decode.py` |" in table and "| 1.25 |" in table and "| gsm8k/acc | 0.5 |" in table
    (evals / "broken.json").write_text("{not json")
    with pytest.raises(ValueError, match="broken.json"):
        readme_tables.harvest({}, bench, evals, note="")


def test_markers_must_exist_once():
    with pytest.raises(ValueError, match="tables:lines"):
        readme_tables.replace_block("no markers here", "lines", "x")
    text = "a\n<!-- tables:lines -->\nold\n<!-- /tables:lines -->\nb"
    assert readme_tables.replace_block(text, "lines", "new") == "a\n<!-- tables:lines -->\nnew\n<!-- /tables:lines -->\nb"
