"""deploy/tmux.sh starts, reports and stops real tmux windows; deploy/ebs.sh refuses to format a filesystem unless
forced (dry-run mode on an image file) and checks free space."""
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TMUX = ROOT / "deploy" / "tmux.sh"
EBS = ROOT / "deploy" / "ebs.sh"


def run(script: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(script), *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


def wait_for(predicate, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux missing: make test-sysdeps installs it")
def test_tmux_launcher_starts_reattaches_and_stops(tmp_path):
    socket = f"nanotutor-test-{os.getpid()}"
    env = {"NANOTUTOR_TMUX_SOCKET": socket, "NANOTUTOR_TMUX_SESSION": "t", "NANOTUTOR_TMUX_GRACE": "0.5",
           "TRAIN_CMD": f"echo train > {tmp_path}/train.txt; sleep 300",
           "TB_CMD": f"echo tb > {tmp_path}/tb.txt; sleep 300",
           "SERVE_CMD": f"echo serve > {tmp_path}/serve.txt; sleep 300"}
    try:
        started = run(TMUX, "start", env=env)
        assert started.returncode == 0, started.stderr
        assert "attach from a terminal" in started.stdout  # no TTY here: it says how to attach instead of hanging
        for name in ("train", "tb", "serve"):
            assert wait_for(lambda: (tmp_path / f"{name}.txt").exists()), f"{name} command never ran"
        status = run(TMUX, "status", env=env)
        assert [line.split()[0] for line in status.stdout.splitlines()] == ["train", "tensorboard", "serve"]
        again = run(TMUX, "start", env=env)  # a second start reattaches instead of creating a second session
        assert "already running" in again.stdout
        panes = subprocess.run(["tmux", "-L", socket, "list-panes", "-s", "-t", "=t", "-F", "#{pane_pid}"],
                               capture_output=True, text=True, check=True).stdout.split()
        assert len(panes) == 3
        stopped = run(TMUX, "stop", env=env)
        assert stopped.returncode == 0 and "stopped" in stopped.stdout
        assert run(TMUX, "status", env=env).returncode == 1
        assert wait_for(lambda: not any(pid_alive(int(p)) for p in panes)), "pane shells survived stop"
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)


def test_tmux_launcher_rejects_unknown_command():
    result = run(TMUX, "launch")
    assert result.returncode == 2 and "usage" in result.stderr


@pytest.mark.skipif(shutil.which("mkfs.ext4") is None or shutil.which("blkid") is None, reason="e2fsprogs missing")
def test_ebs_formats_only_blank_devices_unless_forced(tmp_path):
    image = tmp_path / "volume.img"
    with open(image, "wb") as f:
        f.truncate(16 * 2**20)
    blank = run(EBS, "mount", str(image), str(tmp_path / "mnt"), "--dry-run")
    assert blank.returncode == 0, blank.stderr
    assert f"+ mkfs.ext4 -q -L nanotutor-data {image}" in blank.stdout
    assert f"+ mount {image} {tmp_path / 'mnt'}" in blank.stdout
    assert "defaults,nofail" in blank.stdout

    subprocess.run(["mkfs.ext4", "-q", "-F", str(image)], check=True, capture_output=True)
    kept = run(EBS, "mount", str(image), str(tmp_path / "mnt"), "--dry-run")
    assert kept.returncode == 0, kept.stderr
    assert "already holds a ext4 filesystem" in kept.stdout
    assert "mkfs" not in kept.stdout.replace("--force formats", "")
    uuid = subprocess.run(["blkid", "-o", "value", "-s", "UUID", str(image)], capture_output=True, text=True).stdout.strip()
    assert f"UUID={uuid} {tmp_path / 'mnt'} ext4 defaults,nofail 0 2" in kept.stdout

    forced = run(EBS, "mount", str(image), str(tmp_path / "mnt"), "--dry-run", "--force")
    assert "--force: formatting" in forced.stdout and "+ mkfs.ext4" in forced.stdout


def test_ebs_bad_input_and_free_space(tmp_path):
    missing = run(EBS, "mount", str(tmp_path / "nope"), str(tmp_path / "mnt"), "--dry-run")
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    not_block = run(EBS, "mount", str(tmp_path), str(tmp_path / "mnt"))
    assert not_block.returncode == 1 and "not a block device" in not_block.stderr
    assert run(EBS, "mount", "a", "b", "--wipe").stderr.strip() == "ebs.sh: unknown option --wipe"
    ok = run(EBS, "check", str(tmp_path), "0")
    assert ok.returncode == 0 and "GB free" in ok.stdout
    short = run(EBS, "check", str(tmp_path), "999999999")
    assert short.returncode == 1 and str(tmp_path) in short.stderr and "needs 999999999 GB" in short.stderr
    assert "whole number" in run(EBS, "check", str(tmp_path), "lots").stderr
