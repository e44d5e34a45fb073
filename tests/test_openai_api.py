"""openai_api.py without a server: a /v1/chat/completions body checked into messages and options, and a remote
backend's stream turned back into our text and `<tool_call>` syntax (serve.py's /v1 end to end is in test_serve.py)."""
from __future__ import annotations

import base64
import json
from types import SimpleNamespace

import pytest

import openai_api as O

LIMITS = SimpleNamespace(max_tokens=512, default_max_tokens=256, max_temperature=2.0, max_messages=4,
                         max_message_chars=100)


def test_a_body_becomes_messages_options_and_stored_images():
    saved = []

    def save_image(data: bytes) -> dict:
        saved.append(data)
        return {"image_id": "a" * 32, "ocr_text": "2x + 3 = 11"}

    uri = "data:image/png;base64," + base64.b64encode(b"png bytes").decode()
    call = {"function": {"name": "calculator", "arguments": '{"expression": "1+1"}'}}
    body = {"messages": [{"role": "developer", "content": "Be brief."},
                         {"role": "user", "content": [{"type": "text", "text": "Help"},
                                                      {"type": "image_url", "image_url": {"url": uri}}]},
                         {"role": "assistant", "content": None, "tool_calls": [call]}],
            "max_tokens": 9, "max_completion_tokens": 7, "stop": "END", "stream": True,
            "stream_options": {"include_usage": True},
            "tools": [{"type": "function", "function": {"name": "calculator", "parameters": {}}}]}
    asked = O.completion_request(body, LIMITS, save_image)
    assert asked.messages == [{"role": "system", "content": "Be brief."},
                              {"role": "user", "content": "Help\n[Text in the uploaded image: 2x + 3 = 11]"},
                              {"role": "assistant", "content": "",
                               "tool_calls": [{"name": "calculator", "arguments": {"expression": "1+1"}}]}]
    assert saved == [b"png bytes"] and asked.images == [{"image_id": "a" * 32, "ocr_text": "2x + 3 = 11"}]
    assert asked.options == {"max_tokens": 7, "temperature": 1.0, "top_p": None, "seed": None, "stop": ("END",),
                             "tools": [{"name": "calculator", "parameters": {}}]}
    assert asked.stream and asked.include_usage
    plain = O.completion_request({"messages": [{"role": "user", "content": "hi"}],
                                  "stream_options": {"include_usage": True}}, LIMITS, save_image)
    assert plain.options["max_tokens"] == 256 and not plain.stream and not plain.include_usage


@pytest.mark.parametrize("body, status, message", [
    ({"messages": [{"role": "user", "content": "hi"}], "n": 2}, 400, "n: 2 is outside [1, 1]"),
    ({"messages": [{"role": "user", "content": "x" * 101}]}, 413, "messages[0].content: 101 characters"),
    ({"messages": [{"role": "user", "content": "hi"}] * 5}, 400, "expected a list of 1 to 4 messages"),
    ({"messages": [{"role": "robot", "content": "hi"}]}, 400, "messages[0].role"),
    ({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://x/y.png"}}]}]},
     400, "only data: URIs"),
    ({"messages": [{"role": "user", "content": "hi"}], "stop": ["a"] * 5}, 400, "stop:"),
    ({"messages": [{"role": "user", "content": "hi"}], "tools": [{"type": "function"}]}, 400, "tools[0]"),
])
def test_bad_bodies_are_named_errors(body, status, message):
    with pytest.raises(O.ApiError) as caught:
        O.completion_request(body, LIMITS, lambda data: {"ocr_text": ""})
    assert caught.value.status == status and message in caught.value.message


class FakeResponse:
    def __init__(self, chunks: list[dict]):
        self.lines = [f"data: {json.dumps(c)}" for c in chunks] + ["", "data: [DONE]"]
        self.closed = False

    def iter_lines(self):
        return iter(self.lines)

    def close(self) -> None:
        self.closed = True


def test_a_remote_stream_becomes_text_and_our_tool_call_syntax():
    call = [{"index": 0, "function": {"name": "calculator", "arguments": '{"expression": '}},
            {"index": 0, "function": {"arguments": '"3/4+1/8"}'}}]
    response = FakeResponse([{"choices": [{"delta": {"content": "Let me check. "}}]},
                             {"choices": [{"delta": {"tool_calls": call}}]},
                             {"choices": [{"delta": {}, "finish_reason": "tool_calls"}]},
                             {"choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": 5}}])
    generation = O.RemoteGeneration(response)
    text = "".join(generation)
    assert text == ('Let me check. <tool_call>{"name": "calculator", "arguments": {"expression": "3/4+1/8"}}'
                    '</tool_call>')
    assert (generation.prompt_tokens, generation.completion_tokens, generation.finish_reason) == (12, 5, "stop")
    assert response.closed
    reply = O.Reply("chatcmpl-z", "m", tools=True)  # and back: our syntax becomes OpenAI's structured call
    reply.add(text)
    done = reply.completion(generation)
    assert done["choices"][0]["message"]["content"] == "Let me check. "
    assert json.loads(done["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]) == {
        "expression": "3/4+1/8"}
