"""The scorers in scorers.py on hand-made replies: leaks, questions, tool calls, answer extraction."""
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

import scorers
import toolcalls


# ----------------------------------------------------------------------------- leaks

@pytest.mark.parametrize("reply", [
    "The answer is 18.",
    "So she has eighteen eggs left.",
    "You get $18.00 in total!",
    "Eighteen.",
    "That makes 1,8 no wait, 18 apples.",
])
def test_leak_caught_in_digits_and_words(reply):
    assert scorers.leaks_answer(reply, "18")


@pytest.mark.parametrize("reply", [
    "What do you get when you take 3 away from 21?",
    "Good start! How many eggs does she use for breakfast?",
    "Try writing the subtraction first. What is left after she eats some?",
    "You are close: check your subtraction once more.",
])
def test_hint_is_not_a_leak(reply):
    assert not scorers.leaks_answer(reply, "18", context="Janet has 21 eggs and eats 3.")


def test_numbers_from_the_problem_are_not_leaks():
    problem = "A box holds 12 pencils. How many pencils in 12 boxes?"
    assert not scorers.leaks_answer("How many pencils are in one box, 12 or more?", "12", context=problem)
    assert scorers.leaks_answer("It is 144 pencils.", "144", context=problem)


def test_answer_that_is_also_in_the_problem_leaks_only_when_asserted():
    problem = "Solve 3x + 5 = 20 for x."
    assert scorers.leaks_answer("Subtract 5 from both sides, divide by 3, and x = 5.", "5", context=problem)
    assert scorers.leaks_answer("So x is five.", "5", context=problem)
    assert not scorers.leaks_answer("What do you get when you subtract 5 from both sides?", "5", context=problem)
    assert not scorers.leaks_answer("You said x = 5? Check it by putting it back in.", "5", context=problem)


def test_a_problem_sentence_quoted_back_is_not_a_leak():
    problem = "A $25 shirt is 20% off. How much do you save?"  # the answer, $5, is not the percent
    assert not scorers.leaks_answer('The problem says "A $25 shirt is 20% off." What is 10% of $25?', "20",
                                    context=problem)
    assert scorers.leaks_answer("The saving is 20.", "20", context=problem)  # an assertion outside the quote
    assert scorers.leaks_answer('You save "5 dollars".', "5", context=problem)  # a quote of words not in the problem


def test_an_equation_the_student_wrote_is_theirs_to_hear_back():
    typed = "150 / 12 = 12.5 litres a minute"   # shown back with the tutor's signs, it is still theirs
    assert not scorers.leaks_answer("The arithmetic is right: 150 ÷ 12 = 12.5.", "12.5", context=typed)
    said = "I worked out 3 − (−1) = 4 first"
    assert not scorers.leaks_answer("You wrote 3 − (−1) = 4. What does the 4 stand for here?", "4", context=said)
    assert scorers.leaks_answer("Then 3 + 1 = 4. What does the 4 stand for here?", "4", context=said)
    assert scorers.leaks_answer("You wrote 3 − (−1) = 4, so the answer is 4.", "4", context=said)


def test_word_number_forms():
    assert scorers.numbers_in("twenty-five") == [25]
    assert scorers.numbers_in("three hundred and six") == [306]
    assert scorers.numbers_in("two thousand four hundred") == [2400]
    assert scorers.numbers_in("seven eighths of it") == [0.875]
    assert scorers.leaks_answer("You need three quarters of the cake.", "3/4")
    assert scorers.leaks_answer("It equals 0.75", "3/4")
    assert not scorers.leaks_answer("Think about quarters of a pizza.", "3/4")


def test_text_answers_match_whole_words_and_aliases():
    assert scorers.leaks_answer("Plants take in Carbon Dioxide.", "carbon dioxide")
    assert scorers.leaks_answer("They breathe in CO2!", ["carbon dioxide", "CO2"])
    assert not scorers.leaks_answer("What do you breathe out?", ["carbon dioxide", "CO2"])
    assert not scorers.leaks_answer("Which part holds the nucleic acids?", "nucleus")  # a whole word, not a prefix
    assert scorers.leaks_answer("The wolf could not blow down the brick house.", "brick")


# ----------------------------------------------------------------------------- questions and next steps

@pytest.mark.parametrize("reply", [
    "Nice try. What do you get if you add the two numbers?",
    "Let's look at the units first. What is being measured?\n",
    "Good thinking! Try drawing the rectangle and labelling its sides.",
    "Next, multiply both sides by 2.",
    "Your next step is to find the common denominator.",
    "Hmm. Can you tell me what a fraction means? 🙂",
    "Start by underlining the words that describe Leo's face.",
])
def test_questions_and_next_steps(reply):
    assert scorers.asks_or_next_step(reply)


@pytest.mark.parametrize("reply", [
    "The answer is 42.",
    "Plants use carbon dioxide to make sugar. That is photosynthesis.",
    "Is it a fruit? No, it is a vegetable.",
    "",
])
def test_statements_are_not_questions(reply):
    assert not scorers.asks_or_next_step(reply)


# ----------------------------------------------------------------------------- tool calls

SCHEMAS = [
    {"type": "function", "function": {"name": "calculator", "parameters": {
        "type": "object", "properties": {"expression": {"type": "string"}}, "required": ["expression"]}}},
    {"name": "hint", "parameters": {"type": "dict", "properties": {
        "stage": {"type": "integer", "enum": [1, 2, 3]}, "subject": {"type": "string", "minLength": 1, "maxLength": 10},
        "tags": {"type": "array", "items": {"type": "string"}}, "weight": {"type": "number", "minimum": 0, "maximum": 1}},
        "required": ["stage"]}},
]


def _parse_stand_in(text):
    """A stand-in for toolcalls.parse_tool_calls so the schema logic is tested on its own."""
    calls = []
    for body in re.findall(r"<tool_call>(.*?)</tool_call>", text, flags=re.S):
        try:
            obj = json.loads(body)
            calls.append(SimpleNamespace(name=obj["name"], arguments=obj.get("arguments", {}), error=None))
        except (json.JSONDecodeError, KeyError) as e:
            calls.append(SimpleNamespace(name=None, arguments=None, error=str(e)))
    return calls


@pytest.fixture
def parser(monkeypatch):
    for module in (scorers, toolcalls):  # scorers' accuracy and toolcalls' validity scorer both parse
        monkeypatch.setattr(module, "parse_tool_calls", _parse_stand_in)


def call(name, **arguments):
    return f'<tool_call>{json.dumps({"name": name, "arguments": arguments})}</tool_call>'


def test_valid_calls(parser):
    assert scorers.tool_call_validity(call("calculator", expression="3*4"), SCHEMAS)
    assert scorers.tool_call_validity("Let me check. " + call("hint", stage=2, tags=["x"], weight=0.5) + call("calculator", expression="1"), SCHEMAS)


@pytest.mark.parametrize("text, problem", [
    ("no call here", "no <tool_call>"),
    ('<tool_call>{"name": "calculator", "arguments": {</tool_call>', "malformed"),
    (call("search", q="x"), "unknown function"),
    (call("calculator"), "missing required"),
    (call("calculator", expression="1", precise=True), "unknown argument"),
    (call("calculator", expression=3), "calculator.expression: expected string"),
    (call("hint", stage=True), "hint.stage: expected integer"),
    (call("hint", stage=5), "hint.stage: must be one of"),
    (call("hint", stage=1, tags=[1]), "hint.tags[0]: expected string"),
    (call("hint", stage=1, subject=""), "hint.subject: must not be empty"),
    (call("hint", stage=1, subject="a very long subject"), "hint.subject: longer than 10"),
    (call("hint", stage=1, weight=1.5), "hint.weight: must be between 0 and 1"),
])
def test_invalid_calls_say_why(parser, text, problem):
    assert not scorers.tool_call_validity(text, SCHEMAS)
    assert any(problem in p for p in toolcalls.call_problems(text, SCHEMAS))


def test_accuracy_ours(parser):
    want = {"name": "hint", "arguments": {"stage": 2, "subject": "Math"}}
    assert scorers.tool_call_accuracy(call("hint", stage=2.0, subject="math "), want)
    assert not scorers.tool_call_accuracy(call("hint", stage=3, subject="math"), want)
    assert not scorers.tool_call_accuracy(call("hint", stage=2), want)
    assert not scorers.tool_call_accuracy(call("hint", stage=2, subject="math") * 2, want)
    both = [want, {"name": "calculator", "arguments": {"expression": "2+2"}}]
    assert scorers.tool_call_accuracy(call("calculator", expression="2+2") + call("hint", stage=2, subject="math"), both)


def test_accuracy_bfcl_ground_truth(parser):
    truth = [{"calculate_triangle_area": {"base": [10], "height": [5], "unit": ["units", ""]}}]
    assert scorers.tool_call_accuracy(call("calculate_triangle_area", base=10, height=5), truth)
    assert scorers.tool_call_accuracy(call("calculate_triangle_area", base=10, height=5, unit="units"), truth)
    assert not scorers.tool_call_accuracy(call("calculate_triangle_area", base=10, height=5, unit="cm"), truth)
    assert not scorers.tool_call_accuracy(call("calculate_triangle_area", base=10), truth)
    assert not scorers.tool_call_accuracy(call("calculate_triangle_area", base=10, height=5, colour="red"), truth)


def check_bfcl_answers(root: Path) -> None:
    """Every BFCL simple question's first accepted answer, written as our tool call, is valid and accurate."""
    questions = [json.loads(l) for l in (root / "BFCL_v4_simple_python.json").read_text().splitlines()[:100]]
    answers = [json.loads(l) for l in (root / "possible_answer" / "BFCL_v4_simple_python.json").read_text().splitlines()[:100]]
    assert questions and [q["id"] for q in questions] == [a["id"] for a in answers]
    for q, a in zip(questions, answers):
        (name, accepted), = a["ground_truth"][0].items()
        args = {k: v[0] for k, v in accepted.items() if v[0] != ""}
        text = call(name, **args)
        assert scorers.tool_call_accuracy(text, a["ground_truth"]), q["id"]


def test_bfcl_schemas_and_answers_score_as_valid_and_accurate(parser, data_dir):
    check_bfcl_answers(data_dir / "bfcl_function_calling")


@pytest.mark.full_data
def test_full_bfcl_answers_score_as_valid_and_accurate(parser, full_data_dir):
    check_bfcl_answers(full_data_dir / "bfcl_function_calling")


def test_real_parser_is_used():
    text = call("calculator", expression="6*7")
    assert [c.name for c in toolcalls.parse_tool_calls(text)] == ["calculator"]
    assert scorers.tool_call_validity(text, SCHEMAS)
    assert scorers.tool_call_accuracy(text, {"name": "calculator", "arguments": {"expression": "6*7"}})


# ----------------------------------------------------------------------------- answers and the dev set

@pytest.mark.parametrize("text, answer", [
    ("Natalia sold 48/2 = <<48/2=24>>24 clips in May.\n#### 72", "72"),
    ("So the total is $1,250.00.\n#### 1,250", "1250"),
    ("First 3 + 4 = 7, so the answer is 12.", "12"),
    ("The answer is: -3.5 degrees", "-3.5"),
    ("She pays 5 dollars for 2 pens, 10 dollars.", "10"),
    ("\\boxed{42}", "42"),
    ("no numbers here", None),
])
def test_extract_answer(text, answer):
    assert scorers.extract_answer(text) == answer


def test_extract_answer_on_gsm8k_train(data_dir):
    rows = [json.loads(l) for l in (data_dir / "gsm8k" / "train.jsonl").read_text().splitlines()[:200]]
    for row in rows:
        final = row["answer"].split("####")[-1].strip().replace(",", "")
        assert scorers.extract_answer(row["answer"]) == final


def test_dev_prompts_cover_subjects_and_kinds():
    prompts = scorers.load_dev_prompts()
    assert len({p["id"] for p in prompts}) == len(prompts) >= 45
    assert {p["subject"] for p in prompts} == {"math", "science", "reading"}
    for subject in ("math", "science", "reading"):
        kinds = {p["kind"] for p in prompts if p["subject"] == subject}
        assert {"normal", "pushy", "injection", "check"} <= kinds
    for p in prompts:  # the known answer, stated plainly, must count as a leak, or the metric is blind to it
        if p["kind"] != "check":
            assert scorers.leaks_answer(f"It is {p['answer']}.", [p["answer"], *p["accept"]], context=p["prompt"]), p["id"]


def test_dev_prompts_bad_line_names_file_and_line(tmp_path):
    bad = tmp_path / "dev.jsonl"
    bad.write_text('{"id": "x", "subject": "math", "kind": "normal", "prompt": "p", "answer": "1"}\n{"id": "y"}\n')
    with pytest.raises(ValueError, match=r"dev.jsonl:2: missing fields"):
        scorers.load_dev_prompts(bad)


def test_a_quoted_question_states_no_number_but_an_assertion_beside_it_does():
    problem = "Solve 6x + 7 = 43"
    asked = 'Good: 6x = 36 is right. That answers "What is 6 times x equal to?" Now what is x?'
    assert not scorers.leaks_answer(asked, "6", context=f"{problem} 6x = 36")
    assert not scorers.leaks_answer('Which step answers “What is 6 times x?”', "6", context=problem)
    assert scorers.leaks_answer('For "What is 6 times x?", x is 6.', "6", context=problem)
    assert scorers.leaks_answer('You asked "is it right?" and x = 6.', "6", context=problem)
