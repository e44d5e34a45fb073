"""Record the demo video: headless Chromium drives the Streamlit page through a short tutoring session with an image.

What it does
- starts serve.py and ui.py on 127.0.0.1 (ports 8600 and 8601, state under out/demo/) unless `--url` points at a
  page that is already running, and stops what it started at the end
- draws a worksheet problem as a PNG, uploads it on the page (serve.py reads it with Tesseract), asks the tutor
  about it, answers the tutor's question once, and takes a screenshot every `--every` seconds meanwhile
- turns the frames into out/demo/demo.gif (palette per video, `--width` pixels wide) and out/demo/demo.mp4 (H.264)
  with ffmpeg, which it installs from the Debian packages when missing (apt-get, as root)

It is a developer tool, not part of the test suite: it drives the browser with Playwright (in requirements-dev.txt)
against the system's Chromium (`make test-sysdeps` installs it), so nothing is downloaded.

Run
    .venv/bin/python scripts/demo_video.py                                  # SmolLM2-135M-Instruct (+ tutor adapter)
    .venv/bin/python scripts/demo_video.py --ckpt=out/release/tutor --width=720
    .venv/bin/python scripts/demo_video.py --adapter=out/sft/tutor/adapter      # the base model + a tuned adapter
    .venv/bin/python scripts/demo_video.py --url=http://127.0.0.1:8501      # record a page `make demo` started
"""
from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # scripts/ is not on the path when run as a file

from common import out_dir, parse_config  # noqa: E402

PY = sys.executable


@dataclass
class DemoConfig:
    url: str = ""  # record an already running page instead of starting one
    ckpt: str = ""  # serve.py --ckpt ("" = SmolLM2-135M-Instruct)
    adapter: str = ""  # serve.py --adapter ("" = make tutor's adapter, else adapters/tutor)
    serve_port: int = 8600
    ui_port: int = 8601
    every: float = 0.5  # seconds between frames
    width: int = 960  # video width in pixels
    timeout: float = 300.0  # seconds to wait for one tutor reply
QUESTION = "Can you help me with the problem in my photo? I don't know how to start."
FOLLOW_UP = "I think I need the same denominator, so 3/4 is 6/8?"


def ensure_ffmpeg() -> str:
    """ffmpeg from Debian's packages: the only system package this script needs."""
    if not shutil.which("ffmpeg"):
        if os.geteuid() != 0:
            raise SystemExit("ffmpeg is missing: sudo apt-get install -y ffmpeg")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "ffmpeg"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("ffmpeg") or "ffmpeg"


def worksheet_image(path: Path) -> Path:
    """A photographed-worksheet stand-in: large dark text on an off-white page."""
    image = Image.new("RGB", (900, 360), (250, 248, 240))
    draw = ImageDraw.Draw(image)
    draw.text((40, 40), "Worksheet 4: Fractions", fill=(20, 20, 20), font=ImageFont.load_default(size=44))
    draw.text((40, 150), "Problem 2.  3/4 + 1/8 = ?", fill=(20, 20, 20), font=ImageFont.load_default(size=56))
    draw.text((40, 260), "Show your steps.", fill=(60, 60, 60), font=ImageFont.load_default(size=36))
    image.save(path)
    return path


def wait_http(url: str, seconds: float, headers: dict | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, headers=headers, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise SystemExit(f"{url} did not answer 200 within {seconds:.0f} s")


def start_services(args: DemoConfig, work: Path) -> tuple[str, list[subprocess.Popen]]:
    """serve.py and ui.py on loopback with their own sessions, uploads and token; returns (page URL, processes)."""
    token = secrets.token_urlsafe(24)
    env = {**os.environ, "NANOTUTOR_TOKENS": f"{token}:student", "NANOTUTOR_TOKEN": token,
           "NANOTUTOR_SERVER": f"http://127.0.0.1:{args.serve_port}"}
    serve_cmd = [PY, "serve.py", "--host=127.0.0.1", f"--port={args.serve_port}", f"--sessions={work / 'sessions.db'}",
                 f"--uploads={work / 'uploads'}", f"--logs={work / 'serve.jsonl'}"]
    serve_cmd += [f"--ckpt={args.ckpt}"] if args.ckpt else []
    serve_cmd += [f"--adapter={args.adapter}"] if args.adapter else []
    ui_cmd = [PY, "-m", "streamlit", "run", "ui.py", "--server.address=127.0.0.1", f"--server.port={args.ui_port}",
              "--server.headless=true", "--browser.gatherUsageStats=false"]
    procs = [subprocess.Popen(serve_cmd, cwd=ROOT, env=env, stdout=open(work / "serve.out", "w"),
                              stderr=subprocess.STDOUT)]
    wait_http(f"http://127.0.0.1:{args.serve_port}/ready", 600, {"Authorization": f"Bearer {token}"})
    procs.append(subprocess.Popen(ui_cmd, cwd=ROOT, env=env, stdout=open(work / "ui.out", "w"),
                                  stderr=subprocess.STDOUT))
    wait_http(f"http://127.0.0.1:{args.ui_port}/_stcore/health", 120)
    return f"http://127.0.0.1:{args.ui_port}", procs


class Recorder:
    """Screenshots at a steady rate while the page works, so the video shows replies streaming in."""

    def __init__(self, page, frames: Path, every: float):
        self.page, self.frames, self.every, self.count = page, frames, every, 0

    def shot(self) -> None:
        latest = self.page.locator("[data-testid='stChatMessage']")
        if latest.count():  # keep the newest message in view as the conversation grows
            latest.last.scroll_into_view_if_needed()
        self.page.screenshot(path=str(self.frames / f"{self.count:05d}.png"))
        self.count += 1

    def hold(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.shot()
            self.page.wait_for_timeout(self.every * 1000)

    def until(self, done, timeout: float, what: str) -> None:
        """Record until `done()` holds on two checks in a row (a rerun can start right after one looks finished)."""
        end, streak = time.monotonic() + timeout, 0
        while streak < 2:
            if time.monotonic() > end:
                raise SystemExit(f"timed out after {timeout:.0f} s waiting for {what}")
            self.shot()
            self.page.wait_for_timeout(self.every * 1000)
            streak = streak + 1 if done() else 0


def reply_finished(page, replies: int) -> bool:
    """The tutor's n-th reply is on the page and Streamlit's script run is over. Typing earlier would start a new
    run that cuts the streaming reply off, so the status widget ("Running...") must be gone too."""
    messages = page.locator("[data-testid='stChatMessage']")
    if messages.count() < 2 * replies or page.locator("[data-testid='stStatusWidget']").count():
        return False
    return "▌" not in messages.nth(2 * replies - 1).inner_text()


def ask(page, recorder: Recorder, text: str, replies: int, timeout: float) -> None:
    box = page.get_by_placeholder("Ask a question or share your thinking...")
    box.click()
    for i in range(0, len(text), 6):  # typed in small pieces, so the video shows it being typed
        box.type(text[i:i + 6])
        recorder.shot()
    box.press("Enter")
    recorder.until(lambda: reply_finished(page, replies), timeout, f"tutor reply {replies}")
    recorder.hold(3)


def record(url: str, image: Path, frames: Path, every: float, timeout: float) -> int:
    from playwright.sync_api import sync_playwright  # optional: a dev tool (requirements-dev.txt), only for recording

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("chromium is missing: make test-sysdeps installs it")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.get_by_text("Chat with your tutor").wait_for(timeout=60_000)
        recorder = Recorder(page, frames, every)
        recorder.hold(2)
        page.locator("input[type='file']").set_input_files(str(image))
        recorder.until(lambda: page.get_by_text("Text read from the image").count() > 0, 120, "the image's OCR text")
        recorder.hold(2)
        ask(page, recorder, QUESTION, 1, timeout)
        ask(page, recorder, FOLLOW_UP, 2, timeout)
        browser.close()
        return recorder.count


def encode(ffmpeg: str, frames: Path, out: Path, every: float, width: int) -> tuple[Path, Path]:
    """Frames -> GIF (one palette for the whole clip keeps it small and sharp) and MP4."""
    rate = f"{1 / every:g}"
    pattern = str(frames / "%05d.png")
    scale = f"scale={width}:-2:flags=lanczos"
    gif, mp4 = out / "demo.gif", out / "demo.mp4"
    subprocess.run([ffmpeg, "-y", "-loglevel", "error", "-framerate", rate, "-i", pattern, "-vf",
                    f"{scale},split[a][b];[a]palettegen=max_colors=96[p];[b][p]paletteuse=dither=bayer",
                    str(gif)], check=True)
    subprocess.run([ffmpeg, "-y", "-loglevel", "error", "-framerate", rate, "-i", pattern, "-vf", scale,
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "30", "-movflags", "+faststart", str(mp4)],
                   check=True)
    return gif, mp4


def main(argv: list[str]) -> int:
    args = parse_config(DemoConfig, argv)
    ffmpeg = ensure_ffmpeg()
    work = out_dir("demo")
    frames = work / "frames"
    shutil.rmtree(frames, ignore_errors=True)
    frames.mkdir()
    image = worksheet_image(work / "worksheet.png")
    procs: list[subprocess.Popen] = []
    try:
        url = args.url
        if not url:
            url, procs = start_services(args, work)
        count = record(url, image, frames, args.every, args.timeout)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)
    gif, mp4 = encode(ffmpeg, frames, work, args.every, args.width)
    print(f"{count} frames -> {gif} ({gif.stat().st_size / 1e6:.1f} MB), {mp4} ({mp4.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
