"""The scripted math and reading lessons of tests/fixtures/lessons/ played through serve.py's `POST /chat` (server-sent
events), on the tiny `test` model with random weights: every verdict comes from lesson.py's knowledge, not the model."""
import pytest

from test_lesson import SCRIPTED, no_hint_thrice, play

ON_CHAT = [p for p in SCRIPTED if "evidence" not in p.values[0]]  # science lessons need their textbook: test_lesson.py
from test_serve import chat_events, ckpt, config, running  # noqa: F401 (ckpt is a fixture)


@pytest.fixture(scope="module")
def base(ckpt, tmp_path_factory):  # noqa: F811
    with running(config(ckpt, tmp_path_factory.mktemp("lessons"))) as url:
        yield url


@pytest.mark.parametrize("script", ON_CHAT)
def test_scripted_lesson_through_chat(base, script):
    session = f"lesson-{script['name']}"

    def send(message: str) -> dict:
        events = chat_events(base, {"session_id": session, "message": message, "subject": script["subject"]})
        assert events[-1]["type"] == "final" and not [e for e in events if e["type"] == "error"], events
        return events[-1]

    assert no_hint_thrice(play(send, script))
