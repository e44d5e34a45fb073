"""The demo as a student meets it: `make demo`'s smoke mode, then serve.py + ui.py driven by a real browser.

The browser is Debian's chromium (installed by `make test`), driven by Playwright's Python client with
`executable_path`, so no browser is downloaded.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect, sync_playwright

from model import init_release

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "browser-test-token-0123456789"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_http(url: str, seconds: float, ok=(200,), headers=None) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if httpx.get(url, timeout=5, headers=headers).status_code in ok:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {seconds} s")


@pytest.mark.slow
def test_make_demo_smoke_mode_starts_and_stops_both():
    serve_port, ui_port = free_port(), free_port()
    env = {**os.environ, "DEMO_SMOKE": "1", "SERVE_PORT": str(serve_port), "UI_PORT": str(ui_port)}
    result = subprocess.run(["bash", "scripts/demo.sh"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "smoke test passed" in result.stdout
    assert f"http://127.0.0.1:{ui_port}" in result.stdout
    token = (ROOT / "out" / "token").read_text().split()[0]
    assert token in result.stdout
    time.sleep(1)  # both processes were sent SIGTERM: their ports close and their pid files are gone
    assert not port_open(serve_port) and not port_open(ui_port)
    assert not (ROOT / "out" / "pids" / "serve.pid").exists() and not (ROOT / "out" / "pids" / "ui.pid").exists()


@pytest.fixture(scope="module")
def running_tutor(small_tokenizer, tmp_path_factory):
    """serve.py on a randomly initialised `test` release plus ui.py, both on 127.0.0.1, stopped afterwards."""
    tmp = tmp_path_factory.mktemp("demo")
    small_tokenizer.save(tmp / "tok")
    release = init_release(ROOT / "configs" / "test.py", tmp / "tok", tmp / "release")
    (tmp / "tokens").write_text(f"{TOKEN} student\n")
    serve_port, ui_port = free_port(), free_port()
    serve = subprocess.Popen(
        [sys.executable, "serve.py", f"--ckpt={release}", f"--port={serve_port}", f"--tokens_file={tmp / 'tokens'}",
         f"--sessions={tmp / 'sessions.db'}", f"--uploads={tmp / 'uploads'}", f"--logs={tmp / 'serve.jsonl'}",
         "--index=none"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "NANOTUTOR_SERVER": f"http://127.0.0.1:{serve_port}", "NANOTUTOR_TOKEN": TOKEN}
    ui = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "ui.py", "--server.address=127.0.0.1", f"--server.port={ui_port}",
         "--server.headless=true", "--browser.gatherUsageStats=false"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(f"http://127.0.0.1:{serve_port}/ready", 120, headers={"Authorization": f"Bearer {TOKEN}"})
        wait_http(f"http://127.0.0.1:{ui_port}/_stcore/health", 120)
        yield f"http://127.0.0.1:{ui_port}", tmp
    finally:
        for proc in (ui, serve):
            proc.terminate()
            proc.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="make test installs Debian's chromium")
def test_browser_loads_page_and_streams_a_reply(running_tutor):
    url, tmp = running_tutor
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        chat_input = page.get_by_test_id("stChatInputTextArea")
        expect(chat_input).to_be_visible(timeout=60_000)
        expect(page.get_by_text("Subject", exact=True).first).to_be_visible()
        expect(page.get_by_test_id("stSelectbox").first).to_be_visible()
        expect(page.get_by_text("Upload a photo of your problem")).to_be_visible()

        chat_input.fill("What is 3 + 4?")
        chat_input.press("Enter")
        messages = page.get_by_test_id("stChatMessage")
        expect(messages).to_have_count(2, timeout=120_000)
        expect(messages.nth(0)).to_contain_text("What is 3 + 4?")
        expect(messages.nth(1)).not_to_have_text(re.compile(r"^\s*$"), timeout=120_000)
        page.wait_for_timeout(500)
        assert "Traceback" not in page.content()
        shot = tmp / "screenshot.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        browser.close()
