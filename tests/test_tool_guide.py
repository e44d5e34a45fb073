"""Schema-guided tool calls (toolcalls.tool_call_guide, model.generate's `allow=`): every prefix of a valid call is
accepted, a text is rejected at the first character no valid call can follow, a closed call the guide accepted always
passes toolcalls.call_problems, and guided generation of a random model writes only valid calls."""
import json
import random

import pytest
import torch

import model as M
from engine import Engine, Sampling
from tokenizer import render_chat
from toolcalls import call_problems, format_tool_call, tool_call_guide, tool_calls_on_track, tool_index

LEVELS = {"name": "set_level", "description": "Pick the exercise level.", "parameters": {
    "type": "object", "required": ["level", "steps", "loud"], "properties": {
        "level": {"type": "string", "enum": ["easy", "hard"]}, "steps": {"type": "integer", "minimum": 1, "maximum": 9},
        "loud": {"type": "boolean"}}}}
BFCL_LIKE = {"name": "calc_area", "description": "Area of a shape.", "parameters": {
    "type": "dict", "required": ["shape", "size"], "properties": {
        "shape": {"type": "string", "enum": ["circle", "square"]}, "size": {"type": "float"},
        "units": {"type": "array", "items": {"type": "string"}}, "extra": {"type": "dict"}, "note": {"type": "any"},
        "grade": {"type": "integer", "enum": [1, 10, 12]}}}}


@pytest.fixture(scope="module")
def tools():
    with open("data/tools.json") as f:
        return json.load(f) + [LEVELS, BFCL_LIKE]


VALID = [
    ("search_textbook", {"query": "photo \"synthesis\" é\n", "subject": "science"}),
    ("get_hint", {"problem": "2x + 3 = 11", "level": 2}),
    ("calc_area", {"shape": "circle", "size": 2.5e-1, "units": ["cm", "m"], "extra": {"a": [1, None, True]}, "note": -3}),
    ("calc_area", {"grade": 1, "shape": "square", "size": 2}),
    ("set_level", {"level": "hard", "steps": 9, "loud": False}),
]


@pytest.mark.parametrize("name,arguments", VALID)
def test_every_prefix_of_a_valid_call_is_on_track(tools, name, arguments):
    index = tool_index(tools)
    for text in (format_tool_call(name, arguments), format_tool_call(name, arguments).replace(", ", ",\n  ")):
        text = "Let me look. " + text + " Done."
        assert call_problems(text, tools) == []
        rejected = [i for i in range(len(text) + 1) if not tool_calls_on_track(text[:i], index)]
        assert rejected == []


@pytest.mark.parametrize("text,first_bad", [
    ('<tool_call>{"name": "searchx', 'x'),  # no such tool
    ('<tool_call>{"name": "search_textbook", "arguments": {"query": "a", "q', 'q'),  # query already given
    ('<tool_call>{"name": "search_textbook", "arguments": {"parameters": {', 'p'),  # an invented key
    ('<tool_call>{"name": "search_textbook", "arguments": {}', '}'),  # required query missing
    ('<tool_call>{"name": "search_textbook", "arguments": {"query": "a", "subject": "scx', 'x'),  # enum
    ('<tool_call>{"name": "get_hint", "arguments": {"problem": "p", "level": 4', '4'),  # above maximum 3
    ('<tool_call>{"name": "get_hint", "arguments": {"problem": "p", "level": 2.', '.'),  # not an integer
    ('<tool_call>{"name": "calc_area", "arguments": {"shape": "square", "size": 5ft', 'f'),  # unquoted text
    ('<tool_call>{"name": "calc_area", "arguments": {"shape": "square", "size": "', '"'),  # a string for a float
    ('<tool_call>{"name": "calc_area", "arguments": {"grade": 13', '3'),  # outside a numeric enum
    ('<tool_call>{"name": "calc_area", "arguments": {"shape": "square", "size": 3.' + "8" * 23, '8'),  # endless digits
    ('<tool_call>{"name": "calc_area", "arguments": {"shape": "square", "size": 1' + "0" * 22 + "e", 'e'),  # no room left
    ('<tool_call>{"name": "calculator", "arguments": {"expression": "a\tb', '\t'),  # raw control character
    ('<tool_call>{"name": "calculator", "arguments": {"expression": "a</tool_call>', '>'),  # the tag inside a string
    ('<tool_call>{"name": "calculator", "arguments": {"expression": "1"}} x', 'x'),  # anything but </tool_call>
])
def test_a_text_is_rejected_where_no_valid_call_can_follow(tools, text, first_bad):
    index = tool_index(tools)
    cut = text.rindex(first_bad) + 1  # the text is fine up to its last `first_bad` character, and wrong with it
    assert tool_calls_on_track(text[: cut - 1], index)
    assert not tool_calls_on_track(text[:cut], index)


def test_a_closed_call_the_guide_accepts_is_valid_for_eval(tools):
    """Soundness, by fuzzing: random edits of valid calls; whenever the guide accepts a text whose calls are all closed,
    eval.py must find no problem with it."""
    index, rng, accepted = tool_index(tools), random.Random(0), 0
    pieces = list('{}[]",:. 0123456789-eE\\tnrufalse') + ["true", "null", '"units"', '"level"', '"x"']
    for _ in range(3000):
        name, arguments = rng.choice(VALID)
        text = list(format_tool_call(name, arguments))
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(text))
            edit = rng.choice(["delete", "insert", "replace"])
            if edit == "delete":
                del text[i]
            else:
                text[i:i + (edit == "replace")] = [rng.choice(pieces)]
        text = "".join(text)
        if text.startswith("<tool_call>") and text.endswith("</tool_call>") and tool_calls_on_track(text, index):
            accepted += 1
            assert call_problems(text, tools) == [], text
    assert accepted > 50  # the fuzzing did reach edited texts that are still valid


@pytest.fixture(scope="module")
def started_call(small_tokenizer):
    """(random test model, tokenizer, prompt ids ending in `<tool_call>`, an `allow` guide that sees that opening)."""
    torch.manual_seed(0)
    model = M.Transformer(M.load_config("test")).eval()
    tok = small_tokenizer
    prompt, _ = render_chat(tok, [{"role": "user", "content": "Set the level."}], tools=[LEVELS], add_generation_prompt=True)
    opened = tok.encode("<tool_call>")
    guide = tool_call_guide(tok, [LEVELS])
    return model, tok, prompt + opened, lambda so_far, t: guide(opened + so_far, t)


def first_call(text: str) -> str:
    return text[: text.index("</tool_call>") + len("</tool_call>")]


def test_guided_generation_of_a_random_model_writes_a_valid_call(started_call):
    """A random 1M model never writes a call on its own; told it has started one, the guide makes it finish a valid
    one (every choice of tool, key and value is the model's, among those the schemas allow)."""
    model, tok, prompt, allow = started_call
    for temperature in (0.0, 1.0):
        free = tok.decode(model.generate([prompt], 200, temperature=temperature, seed=1)[0])
        guided = tok.decode(model.generate([prompt], 200, temperature=temperature, seed=1, allow=[allow])[0])
        assert call_problems("<tool_call>" + free, [LEVELS]) != []
        assert call_problems(first_call("<tool_call>" + guided), [LEVELS]) == []


def test_the_guide_keeps_a_reply_from_ending_inside_a_call(small_tokenizer):
    tok = small_tokenizer
    guide = tool_call_guide(tok, [LEVELS])
    end = tok.stop_ids[0]
    assert guide(tok.encode("Hello"), end)
    assert not guide(tok.encode('<tool_call>{"name": "set_level", "arguments": {"level": "easy"'), end)
    assert guide(tok.encode(format_tool_call("set_level", {"level": "easy", "steps": 1, "loud": True})), end)


def test_sample_allowed_walks_down_from_the_models_choice():
    logits = torch.tensor([0.0, 3.0, 2.0, 1.0])
    assert M.sample_allowed(logits, lambda t: t != 1) == 2
    assert M.sample_allowed(logits, lambda t: t == 0) == 0
    assert M.sample_allowed(logits, lambda t: False) == 1  # nothing allowed: the model's own pick stands
    draws = {M.sample_allowed(logits, lambda t: t in (0, 3), temperature=1.0, generator=torch.Generator().manual_seed(s))
             for s in range(40)}
    assert draws == {0, 3}


def test_no_accepted_prefix_is_a_dead_end(tools):
    """Whatever prefix the guide accepts, some next character is accepted too: a guided generation can always go
    on (random cuts of fuzzed calls, each tried with every printable ASCII character and a few others)."""
    index, rng, checked = tool_index(tools), random.Random(1), 0
    alphabet = [chr(c) for c in range(32, 127)] + ["\n", "é"]
    while checked < 300:
        name, arguments = rng.choice(VALID)
        text = list(format_tool_call(name, arguments))
        i = rng.randrange(len(text))
        text[i:i + rng.randint(0, 1)] = [rng.choice(alphabet + ["\\", "\\u00"])]
        text = "".join(text)[: rng.randrange(len("<tool_call>"), len(text) + 1)]
        if tool_calls_on_track(text, index) and not text.endswith("</tool_call>"):
            checked += 1
            assert any(tool_calls_on_track(text + c, index) for c in alphabet), text


def test_the_serving_engine_guides_one_row_and_leaves_the_others_alone(started_call):
    """engine.py's Engine batches a guided row (Sampling.allow, set when a request offers tools) with a free one: the
    guided row writes a valid call, the free row gives exactly model.generate's tokens."""
    model, tok, prompt, allow = started_call
    engine = Engine(model, max_batch=4, max_context=512)
    try:
        guided = engine.submit(prompt, Sampling(200, allow=allow))
        free = engine.submit(prompt, Sampling(30))
        text, free_ids = "<tool_call>" + tok.decode(list(guided.tokens())), list(free.tokens())
    finally:
        engine.stop()
    assert call_problems(first_call(text), [LEVELS]) == []
    assert free_ids == model.generate([prompt], 30)[0]


def test_a_schema_the_guide_cannot_follow_is_a_clear_error(small_tokenizer):
    with pytest.raises(ValueError, match=r"tools\[0\] \(f\) parameters.properties.x.maximum"):
        tool_call_guide(small_tokenizer, [{"name": "f", "parameters": {"properties": {"x": {"maximum": "ten"}}}}])
    with pytest.raises(ValueError, match="string \"name\""):
        tool_call_guide(small_tokenizer, [{"parameters": {}}])


def test_min_length_means_the_same_to_the_validator_and_the_guide():
    """minLength counts what is left once surrounding spaces are stripped, in argument_problems and CallPrefix alike
    (agent.py used to strip and eval.py not: a query of spaces was valid to one and not the other)."""
    ask = {"properties": {"q": {"type": "string", "minLength": 1}}, "required": ["q"]}
    tools = [{"name": "ask", "parameters": ask}]
    for q, valid in (("", False), ("  ", False), (" a ", True)):
        text = format_tool_call("ask", {"q": q})
        assert (call_problems(text, tools) == []) == valid, q
        assert tool_calls_on_track(text, tool_index(tools)) == valid, q
    short = tool_index([{"name": "ask", "parameters": {"properties": {"q": {"type": "string", "minLength": 1,
                                                                            "maxLength": 2}}}}])
    assert tool_calls_on_track('<tool_call>{"name": "ask", "arguments": {"q": " ', short)
    assert not tool_calls_on_track('<tool_call>{"name": "ask", "arguments": {"q": "  ', short)  # no way out
