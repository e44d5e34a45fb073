"""The command line as a newcomer meets it: `--help` on every script, a misspelt key named with its closest match,
missing data as one line naming the command that gets it, and the commands that README.md and the top-level
docstrings show: each names a script and keys that exist, and the cheap ones run on a fresh clone's data."""
import ast
import importlib
import os
import re
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from common import ConfigKeyError, check_known, config_classes
from data.prepare import PrepareConfig

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
# every entry point -> a config key (or flag) its --help must mention
SCRIPTS = {
    "agent.py": "--session=", "mcp_server.py": "--transport=", "chat.py": "--quantize=", "eval.py": "--quick=", "fuse.py": "--fusion=",
    "ingest.py": "--openstax=", "model.py": "--n_layers=", "retrieval.py": "--hybrid=", "serve.py": "--port=",
    "sft.py": "--lora_rank=", "tokenizer.py": "--vocab_size", "train.py": "--max_steps=", "ui.py": "NANOTUTOR_SERVER",
    "vision.py": "--download", "-m bench.agent": "--max_tokens=", "-m bench.decode": "--new_tokens=",
    "-m bench.retrieval": "--n_chunks=", "-m bench.serve": "--levels=", "-m bench.sft_qlora": "--steps=",
    "-m bench.textbooks": "--chapters=", "-m bench.tokenize": "--workers=", "-m bench.tokenizer": "--max_mb",
    "-m bench.train_step": "--steps=", "-m bench.evidence": "split (reading and science",
    "-m data.prepare": "--sources=", "-m data.download": "--sources=",
}


def run(command: list[str], tmp_path: Path, data: Path | str, timeout: float = 300) -> subprocess.CompletedProcess:
    """A command in the repository root with its own out/ and data root, as on a fresh clone."""
    env = {**os.environ, "NANOTUTOR_OUT": str(tmp_path / "out"), "NANOTUTOR_DATA": str(data)}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    return lines[0]


@pytest.mark.slow
def test_help_everywhere(tmp_path):
    """Each script prints its docstring and config keys (defaults and comments) and exits 0."""
    def help_of(script: str) -> tuple[str, subprocess.CompletedProcess]:
        return script, run([PY, *script.split(), "--help"], tmp_path, tmp_path / "no-data")

    with ThreadPoolExecutor(4) as pool:
        results = dict(pool.map(help_of, SCRIPTS))
    for script, proc in results.items():
        assert proc.returncode == 0, (script, proc.stderr[-2000:])
        assert SCRIPTS[script] in proc.stdout, (script, proc.stdout[-2000:])
    assert "  --lr=0.003" in results["train.py"].stdout  # a default
    assert "--max_steps=" in results["sft.py"].stdout  # sft.py also takes train.py's keys
    assert "# comma-separated names from data.sources.SOURCES" in results["-m data.prepare"].stdout  # a comment


def test_misspelt_key_names_the_closest(tmp_path):
    with pytest.raises(ConfigKeyError, match=r"unknown config keys: sourcs \(did you mean: sourcs -> sources\?\)"):
        check_known({"sourcs": "corpus"}, PrepareConfig)
    line = one_line_error(run([PY, "-m", "data.prepare", "--sourcs=corpus"], tmp_path, tmp_path))
    assert line == ("prepare.py: unknown config keys: sourcs (did you mean: sourcs -> sources?); --help lists them")


# entry points that once filled their config without checking its keys (a misspelt key was silently ignored), and
# those that now call common.parse_config instead of their own copy of it: script -> (a misspelt key, its match)
UNCHECKED_ONCE = {"tutor_moves.py": ("max_per_sourse", "max_per_source"), "-m bench.train_step": ("step", "steps"),
                  "-m bench.sft_qlora": ("step", "steps"), "-m bench.tokenizer": ("max_bm", "max_mb")}
PARSE_CONFIG_MAINS = {"agent.py": ("sesion", "session"), "-m bench.decode": ("new_token", "new_tokens"),
                      "-m bench.tokenize": ("worker", "workers"), "-m bench.textbooks": ("chapter", "chapters"),
                      "-m bench.agent": ("max_token", "max_tokens"), "-m bench.retrieval": ("n_chunk", "n_chunks"),
                      "-m bench.serve": ("level", "levels")}


def assert_misspelt_key_is_one_line(script: str, tmp_path: Path) -> None:
    """`script --<misspelt>=1` ends with one line naming the closest key, before it reads data or loads a model."""
    key, match = {**UNCHECKED_ONCE, **PARSE_CONFIG_MAINS}[script]
    line = one_line_error(run([PY, *script.split(), f"--{key}=1"], tmp_path, tmp_path / "no-data"))
    name = Path(script.split()[-1].removesuffix(".py").replace(".", "/")).name + ".py"  # as sys.argv[0] names it
    assert line == f"{name}: unknown config keys: {key} (did you mean: {key} -> {match}?); --help lists them"


@pytest.mark.parametrize("script", UNCHECKED_ONCE)
def test_a_misspelt_key_is_rejected_where_it_was_once_ignored(script, tmp_path):
    assert_misspelt_key_is_one_line(script, tmp_path)


def test_a_bench_without_keys_rejects_any_key(tmp_path):
    line = one_line_error(run([PY, "-m", "bench.evidence", "--n=5"], tmp_path, tmp_path / "no-data"))
    assert line == "evidence.py: unknown config keys: n; --help lists them"


@pytest.mark.slow
def test_a_misspelt_key_is_one_line_in_every_parse_config_main(tmp_path):
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda script: assert_misspelt_key_is_one_line(script, tmp_path), PARSE_CONFIG_MAINS))


def test_missing_data_is_one_line_with_the_command_that_gets_it(tmp_path):
    nothing = tmp_path / "no-data"
    line = one_line_error(run([PY, "-m", "data.prepare"], tmp_path, nothing))
    assert "evaluation split(s) missing" in line and "`.venv/bin/python -m data.download --sources=arc,gsm8k," in line
    line = one_line_error(run([PY, "tokenizer_train.py"], tmp_path, nothing))
    assert line.endswith("children_stories not found: get it with `.venv/bin/python -m data.download "
                         f"--sources=children_stories` (it writes {tmp_path / 'out' / 'mirror'}); or set "
                         "NANOTUTOR_DATA to a folder that has it")
    line = one_line_error(run([PY, "sft.py", "configs/sft_test.py", "--max_steps=1"], tmp_path, nothing))
    assert "bfcl_function_calling not found: get it with `.venv/bin/python -m data.download --sources=bfcl`" in line
    line = one_line_error(run([PY, "train.py", "configs/test.py", "--max_steps=1"], tmp_path, nothing))
    assert "no manifest (no token shards here): build them with `.venv/bin/python -m data.prepare`" in line


# ----------------------------------------------------------------------------- the documented commands

def documented_lines() -> list[str]:
    """Lines of README.md's code blocks and of every script's docstring, comments and environment assignments cut."""
    texts = re.findall(r"```[a-z]*\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    for path in [*ROOT.glob("*.py"), *ROOT.glob("bench/*.py"), *ROOT.glob("data/*.py")]:
        texts.append(ast.get_docstring(ast.parse(path.read_text())) or "")
    lines = []
    for text in texts:
        for line in text.replace("\\\n", " ").splitlines():
            line = re.sub(r"\s+#.*$", "", line.strip())
            lines.append(re.sub(r"^(\w+=\S+\s+)+", "", line))
    return lines


def documented_commands() -> list[str]:
    """The `.venv/bin/python ...` and `make ...` commands among the documented lines."""
    return sorted({line for line in documented_lines()
                   if line.startswith((".venv/bin/python ", "make ")) and " -m pytest" not in line})


def test_documented_commands_use_the_venv():
    """A bare `python script.py` fails for a newcomer whose packages live in .venv."""
    assert [line for line in documented_lines() if re.match(r"python3? ", line)] == []


def script_of(command: str) -> str | None:
    """'train.py' or 'bench.decode' for a python command (None for make)."""
    words = command.split()
    if words[0] == "make":
        return None
    return words[2] if words[1] == "-m" else words[1]


def test_documented_commands_name_scripts_targets_and_keys_that_exist():
    commands = documented_commands()
    assert len(commands) > 40
    targets = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(), re.M))
    for command in commands:
        script = script_of(command)
        if script is None:
            assert command.split()[1] in targets, command
            continue
        module = script.removesuffix(".py")
        assert (ROOT / f"{module.replace('.', '/')}.py").is_file(), command
        source = (ROOT / f"{module.replace('.', '/')}.py").read_text()
        if not any(f"{call}(" in source for call in ("check_known", "parse_config", "split_config")):
            continue  # a script with positional commands or flags of its own (tokenizer.py, model.py, vision.py)
        known = {f for cls in config_classes(importlib.import_module(module)) for f in cls.__dataclass_fields__}
        for key in re.findall(r"(?:^|\s)--(\w+)", command):
            assert key in known, f"{command}: --{key} is not a config key of {script}"


# a documented command that finishes in seconds on a fresh clone, with the fixtures as its data
CHEAP = [r"-m data\.prepare --sources=corpus --name=corpus$", r"tokenizer_train\.py\b", r"model\.py$",
         r"train\.py configs/\w+\.py --dry_run", r"tokenizer\.py --path=\$"]


@pytest.mark.slow
def test_cheap_documented_commands_run_or_name_the_missing_data(tmp_path, data_dir):
    commands = [c for c in documented_commands() if any(re.search(p, c) for p in CHEAP)]
    assert len(commands) >= 5, commands
    for command in commands:
        proc = run(["bash", "-c", command], tmp_path, data_dir)
        if proc.returncode != 0:  # the fixtures have no OpenStax text, for example
            line = one_line_error(proc)
            assert "not found" in line and ("data.download" in line or "staged" in line), (command, line)
        assert "Traceback" not in proc.stderr, (command, proc.stderr[-2000:])
    assert any(shlex.split(c)[1:3] == ["-m", "data.prepare"] for c in commands)
