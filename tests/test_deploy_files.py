"""The deployment files only name commands, flags and paths that exist: SkyPilot task YAMLs, the Docker build context
and entry point, and the learner notebook. Accepted flags are derived from each script's own config dataclasses
(the classes its main passes to `check_known` or `parse_config`), so a renamed config field breaks this test, not a
learner's run."""
import ast
import importlib
import os
import re
import shlex
import signal
import socket
import subprocess
import time
from dataclasses import fields
from functools import cache
from pathlib import Path

import httpx
import nbformat
import pytest
import yaml

from model import load_config
from train import TrainConfig, plan_memory

ROOT = Path(__file__).resolve().parent.parent
SKY = sorted((ROOT / "deploy" / "sky").glob("*.yaml"))
SEPARATORS = {"|", "||", "&&", ";", "&", ">", ">>", "2>&1"}


def config_args(call: ast.Call) -> list[ast.expr]:
    """The config classes a call names: check_known(values, *classes) or parse_config(cls, argv)."""
    name = getattr(call.func, "id", "")
    return call.args[1:] if name == "check_known" else call.args[:1] if name == "parse_config" else []


@cache
def accepted_flags(module: str) -> frozenset[str]:
    """`--key` names a script accepts: the fields of the dataclasses its main passes to check_known or parse_config."""
    source = (ROOT / (module.replace(".", "/") + ".py")).read_text()
    names = [arg.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)
             for arg in config_args(node) if isinstance(arg, ast.Name)]
    assert names, f"{module} has no check_known or parse_config call to derive its flags from"
    # A class may be imported inside main (sft.py takes TrainConfig from train.py there): follow that import.
    origin = {alias.name: node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)
              for alias in node.names}
    classes = [getattr(importlib.import_module(origin.get(name, module)), name) for name in names]
    return frozenset(f.name for cls in classes for f in fields(cls))


def script_module(token: str) -> str | None:
    """'train.py' -> 'train'; None for config files and anything else that is not one of our top-level scripts
    (ui.py runs under streamlit, which owns its flags)."""
    if token.endswith(".py") and (ROOT / token).is_file() and "/" not in token and token != "ui.py":
        return token[:-3].replace("/", ".")
    return None


def check_command(command: str, where: str) -> list[str]:
    """Check one shell command line: our scripts exist and get only flags they accept; repo paths it names exist.
    Returns the scripts it runs (so callers can assert a pipeline is complete)."""
    tokens = shlex.split(command.replace("\\\n", " "), comments=True)
    ran, module = [], None
    for i, token in enumerate(tokens):
        if token in SEPARATORS:
            module = None
            continue
        if i > 0 and tokens[i - 1] == "-m" and (token.startswith(("data.", "deploy.")) or token == "streamlit"):
            module = None if token == "streamlit" else token
            assert module is None or (ROOT / (token.replace(".", "/") + ".py")).is_file(), f"{where}: no module {token}"
            ran += [token]
        elif script_module(token):
            module = script_module(token)
            ran.append(token)
        elif module and token.startswith("--"):
            key = token[2:].split("=", 1)[0].replace("-", "_")
            assert key in accepted_flags(module), f"{where}: {module} has no --{key} (in {command.strip()!r})"
        elif re.fullmatch(r"(configs|deploy|data|scripts|notebooks)/[\w./-]+|requirements[\w-]*\.txt", token):
            assert (ROOT / token).exists(), f"{where}: {token} does not exist"
    return ran


def shell_lines(script: str) -> list[str]:
    """A shell block -> one logical line per command (backslash continuations joined)."""
    return [line for line in script.replace("\\\n", " ").splitlines() if line.strip() and not line.strip().startswith("#")]


def substitute(text: str, env: dict[str, str]) -> str:
    return re.sub(r"\$\{(\w+)\}", lambda m: str(env.get(m.group(1), m.group(0))), text)


# ----------------------------------------------------------------------------- SkyPilot

@pytest.mark.parametrize("path", SKY, ids=[p.stem for p in SKY])
def test_skypilot_task_parses_and_names_real_commands(path):
    task = yaml.safe_load(path.read_text())
    assert task["resources"]["cloud"] == "aws" and task["workdir"] == "."
    env = {k: str(v) for k, v in task.get("envs", {}).items()}
    for mount, spec in task.get("file_mounts", {}).items():
        assert mount.startswith("/") and substitute(spec["source"], env).startswith("s3://")
    ran = []
    for section in ("setup", "run"):
        for line in shell_lines(substitute(task[section], env)):
            ran += check_command(line, f"{path.name}:{section}")
    assert "deploy.s3" in ran or "serve.py" in ran, "data/checkpoints must move through deploy/s3.py"
    for value in env.values():  # flags carried in env vars (EXTRA_ARGS, SERVE_ARGS) are checked with their script
        if value.startswith("--"):
            script = "serve.py" if "serve" in path.stem else ("sft.py" if "sft" in path.stem else "train.py")
            check_command(f"{script} {value}", f"{path.name}:envs")


def test_skypilot_training_tasks_recover_from_spot_through_exact_resume():
    tasks = {p.stem: yaml.safe_load(p.read_text()) for p in SKY}
    assert {"pretrain", "pretrain-multinode", "sft", "serve"} <= set(tasks)
    for name in ("pretrain", "pretrain-multinode", "sft"):
        resources = tasks[name]["resources"]
        assert resources["use_spot"] is True and resources["job_recovery"]["strategy"]
        assert "--init_from=auto" in tasks[name]["run"], f"{name}: a restarted job must resume"
    multi = tasks["pretrain-multinode"]
    assert multi["num_nodes"] >= 2
    for flag in ("--nnodes=${SKYPILOT_NUM_NODES}", "--node_rank=${SKYPILOT_NODE_RANK}", "--rdzv_endpoint="):
        assert flag in multi["run"]
    assert "--fsdp" in multi["envs"]["EXTRA_ARGS"]
    assert tasks["serve"]["service"]["readiness_probe"]["path"] == "/health"


# ----------------------------------------------------------------------------- Docker

def dockerignore_patterns() -> list[tuple[bool, re.Pattern]]:
    patterns = []
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negate, line = line.startswith("!"), line.lstrip("!").strip("/")
        regex = re.escape(line).replace(r"\*\*/", "(.*/)?").replace(r"\*\*", ".*").replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
        patterns.append((negate, re.compile(regex)))
    return patterns


def build_context() -> set[str]:
    """Files `docker build .` sends: Docker's rule is that the last pattern matching the path, or any of its parent
    directories, decides; a `!` pattern re-includes."""
    patterns = dockerignore_patterns()
    kept = set()
    for folder, dirs, files in os.walk(ROOT):
        if folder == str(ROOT):
            dirs[:] = [d for d in dirs if d not in (".git", ".venv", "out")]  # large, and excluded by `*` anyway
        for name in files:
            kept.add(Path(folder, name).relative_to(ROOT).as_posix())
    return {rel for rel in kept if not ignored(rel, patterns)}


def ignored(rel: str, patterns: list[tuple[bool, re.Pattern]]) -> bool:
    prefixes = ["/".join(rel.split("/")[:i]) for i in range(1, rel.count("/") + 2)]
    excluded = False
    for negate, regex in patterns:
        if any(regex.fullmatch(p) for p in prefixes):
            excluded = not negate
    return excluded


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    return [tuple(line.split(None, 1)) for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_docker_context_holds_everything_the_dockerfile_uses():
    context = build_context()
    assert not any(f.startswith(("tests/", "notebooks/", "bench/")) for f in context)
    assert "Dockerfile" not in context and ".dockerignore" not in context
    assert not any("__pycache__" in f for f in context)
    for instruction, args in dockerfile_instructions():
        if instruction == "COPY":
            *sources, _ = args.split()
            for source in sources:
                regex = re.compile(source.rstrip("/").replace(".", r"\.").replace("*", "[^/]*") + "(/.*)?")
                assert any(regex.fullmatch(f) for f in context), f"COPY {source}: nothing in the build context"
        if instruction in ("RUN", "CMD"):
            for line in shell_lines(args.replace('["', "").replace('", "', " ").replace('"]', "")):
                for token in shlex.split(line):
                    if re.fullmatch(r"[\w-]+\.(py|sh|txt)|(configs|data|deploy)/[\w./-]+", token):
                        assert any(f == token or f.startswith(token.rstrip("/") + "/") for f in context), \
                            f"{instruction} uses {token}, which is not in the build context"
                check_command(line, f"Dockerfile {instruction}")


def top_level_imports(module: str) -> set[str]:
    tree = ast.parse((ROOT / f"{module}.py").read_text())
    names = {n.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for n in node.names}
    names |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return {n for n in names if (ROOT / f"{n}.py").is_file() or (ROOT / n / "__init__.py").is_file()}


def test_docker_context_has_every_module_serve_and_ui_import():
    context, seen, todo = build_context(), set(), ["serve", "ui", "ingest"]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        if (ROOT / f"{module}.py").is_file():
            assert f"{module}.py" in context, f"{module}.py is imported but not in the image"
            todo += sorted(top_level_imports(module))
        else:
            assert f"{module}/__init__.py" in context
    assert {"serve", "ui", "agent", "common"} <= seen
    assert "data/tools.json" in context and any(f.startswith("data/corpus/") for f in context)


def test_docker_entrypoint_maps_environment_to_flags(tmp_path):
    env = {**os.environ, "NANOTUTOR_PRINT_ONLY": "1", "NANOTUTOR_CKPT": "/models/tutor", "PORT": "7860",
           "NANOTUTOR_BACKEND_URL": "http://vllm:8001", "SERVE_ARGS": "--device=cuda --max_batch=64"}
    env.pop("NANOTUTOR_TOKENS", None)
    out = subprocess.run(["bash", str(ROOT / "deploy" / "docker-start.sh")], env=env, capture_output=True,
                         text=True, check=True, timeout=60).stdout.splitlines()
    assert out[0].endswith("serve.py --host=127.0.0.1 --port=8000 --ckpt=/models/tutor --backend=openai "
                           "--backend_url=http://vllm:8001 --device=cuda --max_batch=64")
    assert out[1].endswith("-m streamlit run ui.py --server.address=0.0.0.0 --server.port=7860")
    for line in out:
        check_command(line, "docker-start.sh")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_docker_entrypoint_serves_api_and_page_and_stops_both(tmp_path):
    """The entry point outside a container: both processes answer, and SIGTERM (docker stop) ends both."""
    serve_port, ui_port = free_port(), free_port()
    env = {**os.environ, "SERVE_PORT": str(serve_port), "PORT": str(ui_port), "NANOTUTOR_OUT": str(tmp_path),
           "NANOTUTOR_TOKENS": "t0ken-for-the-test:student", "SERVE_ARGS": "--index=none"}
    proc = subprocess.Popen(["bash", str(ROOT / "deploy" / "docker-start.sh")], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline, up = time.monotonic() + 90, set()
        while time.monotonic() < deadline and len(up) < 2:
            for name, url in (("serve", f"http://127.0.0.1:{serve_port}/health"),
                              ("ui", f"http://127.0.0.1:{ui_port}/_stcore/health")):
                try:
                    if httpx.get(url, timeout=2).status_code == 200:
                        up.add(name)
                except httpx.HTTPError:
                    pass
            time.sleep(0.5)
        assert up == {"serve", "ui"}, f"only {up} came up"
        no_token = httpx.get(f"http://127.0.0.1:{serve_port}/context?session_id=s", timeout=5)
        assert no_token.status_code == 401  # the environment's token list is in force
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) is not None
        time.sleep(1)
        for port in (serve_port, ui_port):
            with pytest.raises(httpx.HTTPError):
                httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
    finally:
        try:  # whatever is left of the group the script started, even after a failed assertion
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


# ----------------------------------------------------------------------------- learner notebook

def notebook_commands(nb) -> list[str]:
    """The shell commands of the notebook's `!` lines, with Python placeholders ({DTYPE}) made concrete."""
    commands = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for line in cell.source.replace("\\\n", " ").splitlines():
            line = line.strip()
            if line.startswith("!"):
                commands.append(re.sub(r"\{[^}]+\}", "X", line[1:]).replace("X -m", "python -m").replace("| X ", "| python "))
    return commands


def test_learner_notebook_parses_and_runs_real_commands():
    nb = nbformat.read(ROOT / "notebooks" / "learner.ipynb", as_version=4)
    nbformat.validate(nb)
    ran = []
    for command in notebook_commands(nb):
        ran += check_command(command, "learner.ipynb")
    assert {"data.prepare", "train.py", "sft.py", "chat.py"} <= set(ran), ran
    for cell in nb.cells:  # plain Python cells must at least compile
        if cell.cell_type == "code" and not any(l.lstrip().startswith(("!", "%")) for l in cell.source.splitlines()):
            compile(cell.source, "learner.ipynb", "exec")
    text = "\n".join(c.source for c in nb.cells)
    assert "torch.cuda.is_available()" in text and '"fp32"' in text, "the CPU fallback is gone"


def test_command_checker_catches_a_bad_flag_and_a_missing_path():
    with pytest.raises(AssertionError, match="no --lrr"):
        check_command("python train.py configs/tiny.py --lrr=3", "self-test")
    with pytest.raises(AssertionError, match="configs/nope.py does not exist"):
        check_command("python train.py configs/nope.py", "self-test")
    assert check_command("python sft.py configs/sft_tutor.py --lora_rank=8 --max_steps=3", "self-test") == ["sft.py"]


# ----------------------------------------------------------------------------- EC2 guide

def test_ec2_guide_memory_table_matches_train_dry_run():
    """Every row of deploy/ec2.md's arithmetic table is what train.py's planner computes today."""
    rows = re.findall(r"^\| `([\w.-]+)` \| [\d.]+ B \| (\d+) x (\d+) GB(, FSDP)? \|(.*)$",
                      (ROOT / "deploy" / "ec2.md").read_text(), flags=re.M)
    assert len(rows) == 4, rows
    for name, world, gpu_gb, fsdp, rest in rows:
        cfg = TrainConfig(world_size=int(world), gpu_memory_gb=float(gpu_gb), fsdp=bool(fsdp), dtype="bf16",
                          seq_len=2048)
        plan = plan_memory(load_config(name), cfg)
        static = plan["static"]
        expected = (f" {static['params'] / 1e9:.2f} + {static['grads'] / 1e9:.2f} + {static['optimizer'] / 1e9:.2f} GB"
                    + (f" (+{static['unsharded_blocks'] / 1e9:.2f} blocks)" if fsdp else "")
                    + f" | {plan['activation_per_sample'] / 1e9:.2f} GB | {plan['micro_batch']} x {plan['grad_accum']}"
                    + f" | {plan['per_gpu_total'] / 1e9:.1f} GB |")
        assert rest == expected, f"deploy/ec2.md row {name}: {rest!r} != {expected!r}"
