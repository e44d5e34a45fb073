"""engine.py without a server: the thread policy of each pass, stop text, the incremental detokeniser and history
fitting (serve.py's batching and its parity with model.generate are tested end to end in tests/test_serve.py)."""
import threading

import torch

import engine
from tokenizer import render_chat


def test_engine_threads_follow_the_size_of_each_pass():
    eng = engine.Engine.__new__(engine.Engine)  # only the thread policy, without a model or an engine thread
    eng.threads = (1, 2)
    seen = []

    def passes() -> None:  # torch's thread count is per OS thread: look from one, as the engine thread does
        for tokens in (1, 32, 3, 4):
            eng._use_threads(tokens)
            seen.append(torch.get_num_threads())

    worker = threading.Thread(target=passes)
    worker.start()
    worker.join()
    assert seen == [1, 2, 1, 2]


def test_stop_text_and_detokenizer(small_tokenizer):
    stop = engine.StopText(("</s>", "STOP"))
    assert [stop.feed(p) for p in ["ab<", "/", "s>cd"]] == ["ab", "", ""] and stop.hit and stop.rest == "</s>cd"
    keep = engine.StopText(("STOP",))
    assert keep.feed("a ST") == "a " and keep.feed("ART") == "START" and keep.flush() == ""
    text = "Ünïcödé ½ — 数学 🙂 done"
    ids = small_tokenizer.encode(text)
    detok = engine.Detokenizer(small_tokenizer)
    pieces = [detok.add(i) for i in ids]
    assert "".join(pieces) == text and all("\ufffd" not in p for p in pieces)


def test_history_is_rendered_and_trimmed_to_fit(small_tokenizer):
    """chat.py's use: the count is the rendered prompt's length; the oldest user/assistant pair goes first."""
    def count(messages: list[dict]) -> int:
        return len(render_chat(small_tokenizer, messages, add_generation_prompt=True)[0])

    messages = [{"role": "user", "content": "one two three " * 20}, {"role": "assistant", "content": "four " * 20},
                {"role": "user", "content": "five"}]
    assert engine.fit_history(messages, count, 10_000) == messages
    trimmed = engine.fit_history(messages, count, count(messages) - 1)
    assert trimmed == messages[2:]  # the oldest user/assistant pair went first
    assert count(trimmed) < count(messages)
    system = [{"role": "system", "content": "Be brief."}]
    assert engine.fit_history(system + messages, count, 1) == system + messages[2:]  # the newest message always stays
