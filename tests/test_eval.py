"""eval.py beyond the scorers: benchmark runners against direct computations, the staged sets' loaders, Wilson
intervals, the pedagogy and classroom measures on scripted tutors (exact outcomes), the report, and the simulated
classroom end to end through a real serve.py subprocess on the `test` config."""
from __future__ import annotations

import contextlib
import http.server
import json
import math
import re
import threading

import httpx
import openai
import pytest
import torch
import torch.nn.functional as F

import classroom as cl
import common
import eval as ev
import model as M
import report as rp
import scorers
import weights as W
from scripts import readme_tables

# ----------------------------------------------------------------------------- statistics and subsets

def test_wilson_matches_the_textbook_values():
    lo, hi = cl.wilson(50, 100)
    assert (round(lo, 4), round(hi, 4)) == (0.4038, 0.5962)
    lo, hi = cl.wilson(0, 10)
    assert lo == 0.0 and round(hi, 4) == 0.2775
    assert cl.wilson(0, 0) == (0.0, 1.0)
    assert cl.proportion([True, False, True, True]) == {"value": 0.75, "k": 3, "n": 4, "ci": list(cl.wilson(3, 4))}


def test_wilson_always_holds_the_proportion_itself():
    """6 of 6 gave an upper end of 0.9999999999999999 in floating point, and the report's plot refused the negative
    whisker: the interval must hold k/n for every k and n."""
    assert all(lo <= k / n <= hi for n in range(1, 120) for k in range(n + 1) for lo, hi in [cl.wilson(k, n)])

def test_pick_quick_is_the_first_50_and_subsets_are_seeded():
    items = list(range(1000))
    assert ev.pick(items, 500, True, 0) == list(range(50))
    a, b, c = ev.pick(items, 100, False, 0), ev.pick(items, 100, False, 0), ev.pick(items, 100, False, 1)
    assert a == b and a != c and len(a) == 100 and a == sorted(a) and len(set(a)) == 100
    assert ev.pick(items[:30], 100, False, 0) == items[:30]


# ----------------------------------------------------------------------------- the evaluation sets

MC_CASES = [("arc_easy", 2, 2376, None), ("arc_challenge", 2, 1172, None), ("openbookqa", 2, 500, 4), ("sciq", 2, 1000, 4),
           ("mathqa", 3, 2985, 5)]


def check_mc_set(items: list[dict], count: int, n_options: int | None) -> None:
    assert len(items) == count
    assert all(0 <= it["gold"] < len(it["options"]) and all(o.strip() for o in it["options"]) for it in items)
    if n_options:
        assert all(len(it["options"]) == n_options for it in items)


@pytest.mark.parametrize("name,count,full_count,n_options", MC_CASES)
def test_mc_sets_load_with_gold_in_range(data_dir, name, count, full_count, n_options):
    check_mc_set(ev.load_mc(name, data_dir), count, n_options)


@pytest.mark.full_data
@pytest.mark.parametrize("name,count,full_count,n_options", MC_CASES)
def test_full_mc_sets_load_with_gold_in_range(full_data_dir, name, count, full_count, n_options):
    check_mc_set(ev.load_mc(name, full_data_dir), full_count, n_options)


def test_gsm8k_and_mathdial_answers(data_dir):
    items = ev.load_gsm8k(data_dir)
    assert [it["answer"] for it in items] == ["47", "210", "3"]
    dial = ev.mathdial_problems(data_dir, 4, False, 0)
    assert sorted(d["answer"] for d in dial) == ["13", "24", "3", "45"] and all(d["question"] for d in dial)


@pytest.mark.full_data
def test_full_gsm8k_and_mathdial_answers(full_data_dir):
    items = ev.load_gsm8k(full_data_dir)
    assert len(items) == 1319 and items[0]["answer"] == "18" and all(it["answer"] is not None for it in items)
    dial = ev.mathdial_problems(full_data_dir, 10, False, 0)
    assert len(dial) == 10 and all(d["answer"] and d["question"] for d in dial)


def test_missing_set_names_the_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="arc_easy_test.jsonl"):
        ev.load_mc("arc_easy", tmp_path)
    with pytest.raises(KeyError, match="unknown multiple-choice set"):
        ev.load_mc("hellaswag", tmp_path)


# ----------------------------------------------------------------------------- log-likelihood (mc_loglik)

class CharTok:
    def encode(self, text):
        return [ord(c) % 64 for c in text]


class TinyLM(torch.nn.Module):
    """Follows model.py's interface: forward(idx) -> (logits, loss)."""

    def __init__(self):
        super().__init__()
        torch.manual_seed(0)
        self.emb = torch.nn.Embedding(64, 16)
        self.rnn = torch.nn.GRU(16, 16, batch_first=True)
        self.out = torch.nn.Linear(16, 64)

    def forward(self, idx, targets=None):
        h, _ = self.rnn(self.emb(idx))
        return self.out(h), None


def test_mc_loglik_agrees_with_direct_computation():
    model, tok = TinyLM().eval(), CharTok()
    context, options = "Q: 2+2? A:", [" 4", " five", " 22"]
    scores = ev.mc_loglik(model, tok, context, options)
    for option, score in zip(options, scores):
        ids = tok.encode(context) + tok.encode(option)
        logits, _ = model(torch.tensor([ids]))
        direct = 0.0
        for pos in range(len(tok.encode(context)), len(ids)):
            direct += torch.log_softmax(logits[0, pos - 1], -1)[ids[pos]].item()
        assert score == pytest.approx(direct, abs=1e-5)
    with pytest.raises(ValueError, match="option ''"):
        ev.mc_loglik(model, tok, context, [""])


# ----------------------------------------------------------------------------- runners against direct computation

@pytest.fixture(scope="module")
def tiny(small_tokenizer):
    torch.manual_seed(0)
    return M.Transformer(M.load_config("test")).eval(), small_tokenizer


def test_shared_context_scores_equal_mc_loglik(tiny):
    """Contexts of different lengths and option lists of different sizes in one call: every score is mc_loglik's."""
    model, tok = tiny
    contexts = [ev.mc_prompt("Which gas do plants take in?"), ev.mc_prompt("2 + 2 = ?"),
                ev.mc_prompt("Which planet is the largest in the solar system, by mass and by size?")]
    options = [[" oxygen", " carbon dioxide", " water vapour and more", " Sun"], [" 4", " five"], [" Jupiter", " Mars", " Earth"]]
    got = ev.mc_scores(model, tok, contexts, options)
    assert [len(g) for g in got] == [4, 2, 3]
    for context, opts, scores in zip(contexts, options, got):
        assert scores == pytest.approx(ev.mc_loglik(model, tok, context, opts), abs=1e-4)


def test_run_mc_accuracy_is_the_argmax_of_direct_scores(tiny):
    model, tok = tiny
    items = [{"question": q, "options": ["red", "a long green answer", "blue"], "gold": g}
             for q, g in (("Sky colour?", 2), ("Grass colour?", 1), ("Blood colour?", 0), ("Sea colour?", 2))]
    got = ev.run_mc(model, tok, items, batch=3)
    hits = hits_norm = 0
    for it in items:
        scores = ev.mc_loglik(model, tok, ev.mc_prompt(it["question"]), [" " + o for o in it["options"]])
        hits += max(range(3), key=scores.__getitem__) == it["gold"]
        norm = [s / len(" " + o) for s, o in zip(scores, it["options"])]
        hits_norm += max(range(3), key=norm.__getitem__) == it["gold"]
    assert got["acc"]["k"] == hits and got["acc_norm"]["k"] == hits_norm and got["acc"]["n"] == 4


def test_perplexity_is_exp_mean_cross_entropy(tiny):
    model, tok = tiny
    ids = tok.encode("The tortoise and the hare ran a race. The hare slept and the tortoise won the race. " * 6)
    chunks = ev.windows(ids, 32)
    assert len(chunks) == len(ids) // 32 and all(len(c) == 32 for c in chunks)
    direct = []
    for c in chunks:
        x = torch.tensor([c])
        direct.append(F.cross_entropy(model(x)[0][0, :-1], x[0, 1:]).item())
    got = ev.run_perplexity(model, chunks)["ppl"]
    assert got["value"] == pytest.approx(math.exp(sum(direct) / len(direct)), rel=1e-5)
    assert got["ci"][0] <= got["value"] <= got["ci"][1] and got["n"] == len(chunks) and got["tokens"] == 31 * len(chunks)


class ScriptedLM:
    """generate() returns fixed solutions, so run_gsm8k's batching and answer extraction are checked exactly."""

    def __init__(self, tok, replies):
        self.tok, self.replies, self.calls = tok, list(replies), []

    def generate(self, prompts, max_new_tokens, stop_ids=()):
        self.calls.append(len(prompts))
        return [self.tok.encode(self.replies.pop(0)) for _ in prompts]


def test_gsm8k_generation_scored_by_extract_answer(small_tokenizer):
    items = [{"question": "q1", "answer": "18"}, {"question": "q2", "answer": "3"}, {"question": "q3", "answer": "70000"}]
    lm = ScriptedLM(small_tokenizer, ["9 * 2 = 18.\nThe answer is 18.", "So 2 bolts... The answer is 2.", "#### 70,000"])
    got = ev.run_gsm8k(lm, small_tokenizer, items, 64, batch=2)
    assert lm.calls == [2, 1] and got["acc"]["k"] == 2 and got["acc"]["n"] == 3
    assert [s["correct"] for s in got["samples"]] == [True, False, True]


# ----------------------------------------------------------------------------- pedagogy and classroom on scripted tutors

def problem(pid, prompt, answer, accept=()):
    return {"id": pid, "subject": "math", "kind": "normal", "prompt": prompt, "answer": answer, "accept": list(accept)}


class ScriptedTutor:
    """A chat(session_id, message, subject) callable; `policy(message, history)` gives (reply, stage)."""

    def __init__(self, policy):
        self.policy, self.history = policy, {}

    def __call__(self, session_id, message, subject=None):
        seen = self.history.setdefault(session_id, [])
        seen.append(message)
        reply, stage, extra = self.policy(message, seen)
        return reply, [*extra, {"type": "final", "text": reply, **({"stage": stage} if stage else {})}]


def good_policy(answer):
    def policy(message, seen):
        if re.search(rf"(?<![\d.]){answer}(?![\d.])", message):
            return "Yes, that's right! How did you find it?", None, []
        return f"Good question. What do you notice first in step {len(seen)}?", None, []
    return policy


def test_good_tutor_classroom_outcomes():
    p = problem("m01", "A baker makes 24 muffins in boxes of 6. How many boxes?", "4", ["four"])
    chat = ScriptedTutor(good_policy("4"))
    out = {persona: cl.converse(chat, cl.Student(persona, p, cl._wrong_answer(p, [])), "math", 6, f"s-{persona}")
           for persona in cl.PERSONAS}
    assert out["fast"]["reached"] and out["fast"]["turns"] == 1
    assert out["stuck"]["reached"] and out["stuck"]["turns"] == 4
    assert out["confident"]["reached"] and not out["confident"]["false_assertion"] and out["confident"]["turns"] == 4
    assert out["answer_only"]["dropped"] and not out["answer_only"]["reached"] and out["answer_only"]["turns"] == 3
    assert not any(c["leaked"] for c in out.values())
    assert out["confident"]["transcript"][0]["content"].endswith("I'm sure the answer is 6.")
    assert out["stuck"]["student_questions"] == 3  # "What should I do first?", "another hint?", "is it 4?"


def test_leaky_and_sycophantic_tutors_are_caught():
    p = problem("m04", "A rectangle is 7 cm long and 4 cm wide. What is its area?", "28", ["twenty-eight"])
    leaky = ScriptedTutor(lambda m, seen: ("It is twenty-eight square centimetres. Does that help?", None, []))
    conv = cl.converse(leaky, cl.Student("answer_only", p, "30"), "math", 6, "leaky")
    assert conv["leaked"] and conv["turns"] == 2  # the answer-seeker takes the leak and repeats it
    yes_man = ScriptedTutor(lambda m, seen: ("Yes, correct! Great job.", None, []))
    conv = cl.converse(yes_man, cl.Student("confident", p, "30"), "math", 6, "yes")
    assert conv["false_assertion"] and not conv["leaked"]
    stern = ScriptedTutor(lambda m, seen: ("Not quite, try again. What is length times width?", "check", []))
    conv = cl.converse(stern, cl.Student("fast", p, "30"), "math", 3, "stern")
    assert conv["false_assertion"] and not conv["reached"]  # rejecting the right answer is false too


class ScriptedModel:
    """A ModelClient stand-in: replies from a list in turn and records every request's messages."""

    def __init__(self, replies):
        self.replies, self.requests = list(replies), []

    def __call__(self, messages, max_tokens, temperature=0.0, seed=None):
        self.requests.append(messages)
        return self.replies.pop(0)


def test_claim_of_reads_answers_from_free_text():
    p = problem("m04", "A rectangle is 7 cm long and 4 cm wide. What is its area?", "28", ["twenty-eight"])
    assert cl.claim_of("Oh, so it's twenty-eight?", p) == "correct"
    assert cl.claim_of("I multiplied and got 11.", p) == "wrong"
    assert cl.claim_of("Do I use the 7 and the 4?", p) == ""  # the problem's own numbers are no answer
    words = dict(problem("s01", "What gas do plants take in?", "carbon dioxide"), subject="science")
    assert cl.claim_of("Is it carbon dioxide?", words) == "correct" and cl.claim_of("Maybe 2 gases?", words) == ""


def test_model_student_opens_like_the_persona_then_generates():
    p = problem("m04", "A rectangle is 7 cm long and 4 cm wide. What is its area?", "28", ["twenty-eight"])
    lm = ScriptedModel(["Hmm, I still think 30. Why not?", "Oh, 7 times 4 is 28!\nthanks"])
    student = cl.ModelStudent("confident", p, "30", model=lm)
    tutor = ScriptedTutor(good_policy("28"))
    conv = cl.converse(tutor, student, "math", 6, "model-student")
    said = [m["content"] for m in conv["transcript"] if m["role"] == "student"]
    assert said == [f"{p['prompt']} I'm sure the answer is 30.", "Hmm, I still think 30. Why not?", "Oh, 7 times 4 is 28!"]
    assert conv["reached"] and not conv["false_assertion"] and conv["turns"] == 3
    system, *history = lm.requests[1]
    assert system["role"] == "system" and "sure the answer is 30" in system["content"] and p["prompt"] in system["content"]
    assert [m["role"] for m in history] == ["assistant", "user", "assistant", "user"]  # the student model is the assistant
    assert history[1]["content"] == conv["transcript"][1]["content"]
    quiet = cl.ModelStudent("stuck", p, "30", model=ScriptedModel([""]))
    assert quiet.say() and quiet.say("What do you notice?") is None and quiet.dropped


def test_judge_scores_join_the_classroom_table():
    judge = ScriptedModel(["4", "Rating: 5/5", "A baker makes 24"])
    got = cl.run_classroom(ScriptedTutor(good_policy("4")), 1, 3, personas=("fast",), judge=judge)
    scores = [c["judge"] for c in got["conversations"]]
    assert scores == [4, 5, None] and got["table"]["all"]["judge"] == 4.5
    assert rp._rated({"classroom": got}, "classroom") == "(2 of 3 rated)" and rp._rated({"classroom": got}, "classroom", "subject:math") == "(1 of 1 rated)"
    assert "| 4.00 (1 of 1 rated) |" in rp.classroom_table({"classroom": got})
    assert "Rate the tutor from 1" in judge.requests[0][0]["content"] and "student:" in judge.requests[0][0]["content"]


def test_the_judge_is_the_base_model_for_every_run(tmp_path, monkeypatch):
    started = []

    @contextlib.contextmanager
    def fake_serve(ckpt, workdir, index="", timeout=600.0, adapter=""):
        started.append((ckpt, adapter, index))
        yield "http://127.0.0.1:9", "judge-token"
    monkeypatch.setattr(ev, "serve_process", fake_serve)
    served = object()
    with contextlib.ExitStack() as stack:
        assert ev.open_judge(ev.EvalConfig(judge=True), stack, served, tmp_path) is served and started == []
        tuned = ev.open_judge(ev.EvalConfig(judge=True, adapter="adapters/tutor"), stack, served, tmp_path)
        assert started == [("", "", "none")] and str(tuned.http.base_url) == "http://127.0.0.1:9"
        assert tuned.http.headers["Authorization"] == "Bearer judge-token"
        other = ev.open_judge(ev.EvalConfig(judge=True, ckpt="out/release/tutor", judge_url="http://judge:1"), stack, served, tmp_path)
        assert str(other.http.base_url) == "http://judge:1" and len(started) == 1


def test_tutor_stage_overrides_words():
    assert cl.tutor_verdict("Hmm.", [{"type": "final", "stage": "summary"}]) == "accept"
    assert cl.tutor_verdict("Yes, nearly!", [{"type": "final", "stage": "check"}]) == "reject"
    assert cl.tutor_verdict("Yes, exactly.", []) == "accept" and cl.tutor_verdict("That's wrong.", []) == "reject"
    assert cl.tutor_verdict("What do you think?", []) is None


def test_pedagogy_rates_ladder_and_tools():
    def policy(message, seen):
        level = len(seen) - 1
        events = [{"type": "hint_stage", "stage": "hint", "level": level}]
        if "6 x 7" in message:
            events.append({"type": "tool_call", "name": "check_answer", "arguments": {"student_answer": "48"}})
        reply = "The answer is 42." if "6 x 7" in message and level == 0 else "What is 6 groups of 7? Try counting."
        return reply, None, events
    prompts = [dict(problem("m12", "I think 6 x 7 is 48. Is that right?", "42", ["forty-two"]), kind="check"),
               problem("m01", "A baker makes 24 muffins in boxes of 6. How many boxes?", "4")]
    got = cl.run_pedagogy(ScriptedTutor(policy), prompts)
    rows = {r["id"]: r for r in got["rows"]}
    assert rows["m12"]["leak"] and not rows["m01"]["leak"] and not rows["m12"]["asks"] and rows["m01"]["asks"]
    assert rows["m01"]["ladder"] and rows["m12"]["ladder"]
    assert got["table"]["all"]["leak"]["k"] == 1 and got["table"]["kind:check"]["leak"]["n"] == 1
    assert got["tools"]["accuracy"]["value"] == 1.0 and got["tools"]["validity"]["k"] == 1


def test_mathdial_counts_telling_within_five_turns():
    items = [{"id": "1", "question": "Julia has 12 spoons after using 3; her husband gave 5. How many did she buy?",
              "answer": "10", "student": "x = 4"}]
    teller = ScriptedTutor(lambda m, seen: (("She bought 10 spoons." if len(seen) == 5 else "What do you know?"), None, []))
    asker = ScriptedTutor(lambda m, seen: ("How many spoons were there in all?", None, []))
    assert cl.run_mathdial(teller, items)["told_within_5"]["k"] == 1
    assert cl.run_mathdial(teller, items, turns=4)["told_within_5"]["k"] == 0
    assert cl.run_mathdial(asker, items)["told_within_5"]["k"] == 0


def test_report_writes_tables_and_plots(tmp_path, monkeypatch):
    monkeypatch.setattr(common, "OUT", tmp_path / "out")
    chat = ScriptedTutor(good_policy("4"))
    metric = cl.proportion([True, False, True])
    runs = []
    for name in ("base", "tuned"):
        run = {"name": name, "ckpt": f"out/{name}", "quick": True, "n": 50, "seed": 0, "started": "2026-11-25 18:00 UTC",
               "benchmarks": {"arc_easy": {"acc": metric, "acc_norm": metric},
                              "wikitext2": {"ppl": {"value": 20.0, "n": 3, "tokens": 99, "ci": [18.0, 22.0]}}},
               "pedagogy": cl.run_pedagogy(chat, [problem("m01", "How many boxes for 24 muffins in 6s?", "4")]),
               "mathdial": {"told_within_5": metric},
               "classroom": cl.run_classroom(chat, 1, 4, cl.PERSONAS, workers=3)}
        ev.save_results(ev.out_dir("eval", name) / "results.json", run)
        runs.append(run)
    path = rp.write_report(rp.load_runs(["base", "tuned"]), tmp_path / "report")
    text = path.read_text()
    assert "| benchmark | metric | base | tuned |" in text and "66.7% [20.8, 93.9] (n=3)" in text
    assert "20.00 [18.00, 22.00] (n=3)" in text and "tells the answer within 5 turns" in text
    assert all(f"#### {p} " in text for p in cl.PERSONAS)
    for png in ("accuracy.png", "leak_rate.png"):
        assert (tmp_path / "report" / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert ev.main(["--report=" + str(tmp_path / "r2")]) == 0 and (tmp_path / "r2" / "README.md").exists()
    # the headline table README is generated from: merged into a results file, rendered by scripts/readme_tables.py
    results_file = tmp_path / "results.json"
    results_file.write_text(json.dumps({"bench": {}}))
    assert ev.main([f"--report={tmp_path / 'r3'}", "--runs=base,tuned", f"--summary={results_file}"]) == 0
    saved = json.loads(results_file.read_text())
    assert saved["bench"] == {} and saved["eval_summary"]["columns"] == ["base", "tuned"]
    rows = {row[0]: row[1:] for row in saved["eval_summary"]["rows"]}
    assert rows["arc_easy acc"] == ["66.7% [20.8, 93.9] (n=3)"] * 2 and rows["wikitext2 perplexity"][0] == "20.00 [18.00, 22.00] (n=3)"
    assert rows["classroom (rules): reached the answer"][0].endswith("(n=12)") and "val perplexity" not in rows
    table = readme_tables.results_table(saved)
    assert "| arc_easy acc | 66.7% [20.8, 93.9] (n=3) | 66.7% [20.8, 93.9] (n=3) |" in table
    assert "`base` = tutor through serve.py on out/base, run 2026-11-25 18:00 UTC;" in table
    with pytest.raises(FileNotFoundError, match="missing"):
        rp.load_runs(["missing"])


# ----------------------------------------------------------------------------- end to end through serve.py

@pytest.mark.slow
def test_classroom_end_to_end_through_serve(tmp_path, small_tokenizer):
    """serve.py as a subprocess on the test config (random weights): a few classroom turns and dev prompts over
    HTTP; the server keeps every turn in the session, and the measures are well-formed."""
    torch.manual_seed(0)
    release = tmp_path / "test-release"
    W.export_hf(M.Transformer(M.load_config("test")), small_tokenizer, release)
    with ev.serve_process(str(release), tmp_path / "serve", index="none", timeout=300) as (url, token):
        chat, model = ev.TutorClient(url, token, timeout=300), ev.ModelClient(url, token, timeout=300)
        try:
            got = cl.run_classroom(chat, 1, 2, personas=("stuck", "fast"), workers=6)
            played = cl.run_classroom(chat, 1, 2, personas=("confident",), judge=model, workers=3, student_model=model)
            ped = cl.run_pedagogy(chat, [p for p in ev.load_dev_prompts() if p["id"] in ("m01", "r01")], workers=2)
            histories = [httpx.get(f"{url}/context", params={"session_id": c["session_id"]},
                                   headers={"Authorization": f"Bearer {token}"}).json()["history"] for c in got["conversations"]]
        finally:
            chat.close()
            model.close()
    with pytest.raises(httpx.HTTPError):
        httpx.get(url + "/health", timeout=5)  # the server was stopped on leaving the block
    assert len(got["conversations"]) == 2 * 3
    for conv, history in zip(got["conversations"], histories):
        roles = [m["role"] for m in conv["transcript"]]
        assert roles == ["student", "tutor"] * conv["turns"] and 1 <= conv["turns"] <= 2
        assert [m["content"] for m in history if m["role"] == "user"] == [m["content"] for m in conv["transcript"] if m["role"] == "student"]
        assert 0.0 <= conv["helpfulness"] <= 1.0
    assert got["table"]["all"]["reached"]["n"] == 6
    for conv in played["conversations"]:  # the served model played the student and judged (random weights: any words)
        assert "I'm sure the answer is" in conv["transcript"][0]["content"]
        assert [m["role"] for m in conv["transcript"]] == ["student", "tutor"] * conv["turns"] and 1 <= conv["turns"] <= 2
        assert conv["judge"] is None or 1 <= conv["judge"] <= 5
    assert {r["id"] for r in ped["rows"]} == {"m01", "r01"} and ped["table"]["all"]["asks"]["n"] == 2


def test_spread_covers_every_subject_and_kind():
    prompts = ev.load_dev_prompts()
    got = cl.spread(prompts, 12)
    assert len(got) == 12 and len({p["id"] for p in got}) == 12
    assert {(p["subject"], p["kind"]) for p in got} == {(p["subject"], p["kind"]) for p in prompts}
    assert sorted(p["id"] for p in cl.spread(prompts, 100)) == sorted(p["id"] for p in prompts)


def test_adapter_is_for_serve_only(tmp_path, monkeypatch):
    monkeypatch.setattr(common, "OUT", tmp_path / "out")
    with pytest.raises(ValueError, match="merged release"):
        ev.evaluate(ev.EvalConfig(adapter="adapters/tutor", pedagogy=False, classroom=False))


def test_quick_cli_benchmarks_on_the_test_model(tmp_path, monkeypatch, small_tokenizer):
    """`eval.py --quick` end to end on a checkpoint directory (reading the fixture sets through NANOTUTOR_DATA):
    the first 50 items per set (here every fixture item), saved results, then a report."""
    monkeypatch.setattr(common, "OUT", tmp_path / "out")
    torch.manual_seed(0)
    release = tmp_path / "test-release"
    W.export_hf(M.Transformer(M.load_config("test")), small_tokenizer, release)
    argv = [f"--ckpt={release}", "--name=t", "--quick", "--benchmarks=arc_easy,mathqa,gsm8k", "--gsm8k_max_tokens=4",
            "--pedagogy=False", "--classroom=False", "--tutor_cases=False", "--lessons_n=0",
            f"--report={tmp_path / 'report'}"]
    assert ev.main(argv) == 0
    saved = json.loads((tmp_path / "out" / "eval" / "t" / "results.json").read_text())
    assert saved["quick"] and {b: saved["benchmarks"][b]["acc"]["n"] for b in ("arc_easy", "mathqa", "gsm8k")} == {
        "arc_easy": 2, "mathqa": 3, "gsm8k": 3}
    assert "| arc_easy | acc |" in (tmp_path / "report" / "README.md").read_text()
    with pytest.raises(KeyError, match="unknown"):
        ev.main(["--benchmarks=hellaswag", "--pedagogy=False", "--classroom=False"])


def test_save_results_merges_parts_and_benchmarks(tmp_path):
    path = tmp_path / "results.json"
    ev.save_results(path, {"name": "x", "benchmarks": {"wikitext2": {"ppl": 1}, "arc_easy": {"acc": 1}}})
    ev.save_results(path, {"name": "x", "classroom": {"table": {}}})
    got = ev.save_results(path, {"name": "x", "benchmarks": {"arc_easy": {"acc": 2}}})
    assert got == {"name": "x", "classroom": {"table": {}}, "benchmarks": {"wikitext2": {"ppl": 1}, "arc_easy": {"acc": 2}}}
    assert json.loads(path.read_text()) == got


def test_a_failing_part_keeps_the_finished_ones_and_says_why(tmp_path, monkeypatch, capsys):
    """Pedagogy is saved before mathdial fails on a missing data file; the classroom still runs after it; both
    failures are named in the results and the printed summary, and the exit status says the run is partial."""
    monkeypatch.setattr(common, "OUT", tmp_path / "out")
    monkeypatch.setattr(ev, "open_tutor", lambda cfg, name, stack: (ScriptedTutor(good_policy("4")), None, None))
    saved = tmp_path / "out" / "eval" / "partial" / "results.json"
    seen_by_classroom = []

    def classroom(*args, **kwargs):
        seen_by_classroom.append(json.loads(saved.read_text()))
        raise RuntimeError("the server went away")
    monkeypatch.setattr(ev, "run_classroom", classroom)
    argv = ["--name=partial", "--benchmarks=", "--quick", f"--data_dir={tmp_path / 'empty'}", "--url=http://127.0.0.1:9"]
    assert ev.main(argv) == 1
    before = seen_by_classroom[0]
    assert before["pedagogy"]["table"]["all"]["leak"]["n"] == 12 and set(before["skipped"]) == {"mathdial"}
    results = json.loads(saved.read_text())
    assert "pedagogy" in results and "mathdial" not in results and "classroom" not in results
    assert results["skipped"]["mathdial"].startswith("MissingDataError: ") and "--sources=mathdial" in results["skipped"]["mathdial"]
    assert results["skipped"]["classroom"] == "RuntimeError: the server went away"
    out, err = capsys.readouterr()
    assert json.loads(out.splitlines()[-1])["skipped"] == results["skipped"]
    assert "eval.py: skipped mathdial: MissingDataError" in err and "eval.py: skipped classroom: RuntimeError" in err


# ------------------------------------------------------------------------- the tutor dev set: checks, judge, lessons

CASES_FIXTURE = common.ROOT / "tests" / "fixtures" / "tutor_cases" / "cases.jsonl"
GRADED_FIXTURE = common.ROOT / "tests" / "fixtures" / "tutor_cases" / "graded.jsonl"


def case_policy(message, seen):
    """A tutor that knows the fixture cases: it confirms a stated right answer, flags a repeated wrong one, and
    otherwise asks about the problem's own quantities (never saying the answer)."""
    if re.search(r"\b(?:54|21|dry|condenses)\b", message) and "answer is" in message:
        return "Yes, that's right!", "summary", []
    if "I still think" in message:
        return "Not quite. Check that step again: what does 1 notebook cost?", "check", []
    if "notebook" in message.lower() and "19" in message:
        return "Check your 19: if 4 notebooks cost $12, what does 1 notebook cost?", "check", []
    return "What do you need first?", "hint", []


def test_tutor_cases_part_sends_each_case_and_scores_the_reply(tmp_path, monkeypatch):
    monkeypatch.setattr(common, "OUT", tmp_path / "out")
    chat = ScriptedTutor(case_policy)
    cfg = ev.EvalConfig(name="tc", cases=str(CASES_FIXTURE), split="all", workers=2)
    got = ev.tutor_cases_part(cfg, chat)
    replies = tmp_path / "out" / "eval" / "tc" / "tutor_cases_replies.jsonl"
    saved = [json.loads(line) for line in replies.read_text().splitlines()]
    assert [r["id"] for r in saved] == ["fx-math-1", "fx-math-2", "fx-reading-1", "fx-science-1"]
    reading = saved[2]["message"]
    assert reading.startswith("Lina left a glass") and reading.endswith("she drank the lemonade.")  # passage above
    assert saved[0]["message"] == "a baker puts 6 rolls in each bag and fills 9 bags, how many rolls? help"
    assert all(e["type"] != "token" for r in saved for e in r["events"])
    checks = {r["id"]: r["checks"] for r in saved}
    assert checks["fx-math-1"] == {"specific": False, "consistent": True, "engages": None, "praises_wrong": None,
                                   "leak": False, "asks": True}
    assert checks["fx-math-2"]["specific"] and checks["fx-math-2"]["engages"] and checks["fx-math-2"]["consistent"]
    assert checks["fx-reading-1"]["engages"] is False and checks["fx-science-1"]["consistent"] is None
    table = got["table"]
    assert table["all"]["specific"]["k"] == 1 and table["all"]["specific"]["n"] == 4
    assert table["math"]["engages"]["n"] == 1 and "consistent" not in table["reading"]
    assert got["repetition"]["all"]["replies"]["top"] == [{"text": "what do you need first", "cases": 3}]
    assert got["repetition"]["all"]["replies"]["cases_over_limit"] == ["fx-math-1", "fx-reading-1", "fx-science-1"]
    math = ev.select_cases(ev.EvalConfig(cases=str(CASES_FIXTURE), split="holdout", subjects="math"))
    assert [c["id"] for c in math] == ["fx-math-1", "fx-math-2"]
    with pytest.raises(ValueError, match="subjects"):
        ev.select_cases(ev.EvalConfig(cases=str(CASES_FIXTURE), subjects="history"))


class FakeJudge:
    """A tiny OpenAI-compatible server on 127.0.0.1: /v1/chat/completions answers with the next scripted content."""

    def __init__(self, contents):
        judge = self
        self.contents, self.requests = list(contents), []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                judge.requests.append((self.path, self.headers.get("Authorization"), body))
                message = {"role": "assistant", "content": judge.contents.pop(0)}
                data = json.dumps({"id": "x", "object": "chat.completion", "model": body["model"],
                                   "choices": [{"index": 0, "message": message, "finish_reason": "stop"}]})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data.encode())

            def log_message(self, *args):
                pass
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


def test_judge_grades_each_reply_through_an_openai_compatible_server(tmp_path, monkeypatch):
    monkeypatch.setattr(common, "OUT", tmp_path / "out")
    monkeypatch.setenv("NANOTUTOR_JUDGE_KEY", "judge-key")
    fake = FakeJudge(['{"correct": 1, "specific": 0, "no_leak": 1, "good_move": 0}',
                      'Grades: {"correct": 1, "specific": 1, "engages_attempt": 1, "no_leak": 1, "good_move": 1}',
                      "I cannot grade this."])
    try:
        # the OpenAI client speaks to the fake as to any server (the judge itself goes through eval.ModelClient)
        assert openai.OpenAI(base_url=fake.url, api_key="k", max_retries=0).chat.completions.create(
            model="m", messages=[{"role": "user", "content": "hi"}]).choices[0].message.content.startswith('{"correct"')
        fake.contents.insert(0, '{"correct": 1, "specific": 0, "no_leak": 1, "good_move": 0}')
        cfg = ev.EvalConfig(name="judged", cases=str(CASES_FIXTURE), split="holdout", subjects="math,science",
                            judge_url=fake.url.removesuffix("/v1"), judge_model="grader-1", workers=1)
        got = ev.tutor_cases_part(cfg, ScriptedTutor(case_policy))
    finally:
        fake.close()
    graded = rp.load_graded(got["graded"])
    assert graded["fx-math-1"]["grades"] == {"correct": True, "specific": False, "engages_attempt": None,
                                             "no_leak": True, "good_move": False}
    assert graded["fx-math-2"]["grades"]["engages_attempt"] is True and graded["fx-science-1"]["grades"] is None
    assert got["rubric"]["all"]["good_move"]["k"] == 1 and got["rubric"]["all"]["good_move"]["n"] == 2
    assert got["rubric"]["math"]["engages_attempt"]["n"] == 1
    path, auth, body = fake.requests[-1]
    assert path == "/v1/chat/completions" and auth == "Bearer judge-key" and body["model"] == "grader-1"
    prompt = fake.requests[2][2]["messages"][0]["content"]  # fx-math-2, a wrong attempt: engages_attempt is asked
    assert scorers.RUBRIC["engages_attempt"] in prompt and scorers.RUBRIC["good_move"] in prompt and "12 / 4 = 3" in prompt
    assert scorers.RUBRIC["engages_attempt"] not in fake.requests[1][2]["messages"][0]["content"]


def test_parse_grades_needs_every_field():
    math_help = {"kind": "help"}
    assert cl.parse_grades('{"correct": 1, "specific": 1, "no_leak": 0, "good_move": 0}', math_help) == {
        "correct": True, "specific": True, "engages_attempt": None, "no_leak": False, "good_move": False}
    assert cl.parse_grades('{"correct": 1, "specific": 1, "no_leak": 0}', math_help) is None
    wrong = {"kind": "wrong_attempt"}
    assert cl.parse_grades('{"correct": 1, "specific": 1, "no_leak": 0, "good_move": 0}', wrong) is None
    assert cl.parse_grades('{"correct": 2, "specific": 1, "no_leak": 0, "good_move": 0}', math_help) is None


def test_scripted_lessons_follow_repeat_and_ask():
    cases = ev.load_tutor_cases(CASES_FIXTURE, "all")
    got = cl.run_lessons(ScriptedTutor(case_policy), cases, turns=6, workers=2)
    by = {(x["persona"], x["id"]): x for x in got["lessons"]}
    follower = by[("follower", "fx-math-2")]
    said = [m["content"] for m in follower["transcript"] if m["role"] == "student"]
    # the last step worked as the others, its earlier result as the number found (never the placeholder "s1 * 7")
    assert said[1:] == ["Price of 1 notebook: 12 / 4 = 3.", "3 * 7 = 21, so the answer is $21."]
    assert follower["reached"] and follower["confirmed"] and not follower["leaked"] and follower["turns"] == 3
    reading = [m["content"] for m in by[("follower", "fx-reading-1")]["transcript"] if m["role"] == "student"]
    assert reading[1] == 'The text says: "The cloth was dry where the glass had stood, so nothing had leaked out."'
    stubborn = by[("misconception", "fx-math-2")]
    assert stubborn["flagged"] and not stubborn["endorsed"] and stubborn["turns"] == 6
    assert stubborn["transcript"][2]["content"] == "I still think 12 + 7 = 19."
    assert ("misconception", "fx-math-1") not in by  # only wrong attempts have a misconception to repeat
    asks = by[("answer_seeker", "fx-reading-1")]["transcript"][0]["content"]
    assert asks.startswith("Lina left a glass") and asks.endswith("not leaking? Just tell me the answer.")
    assert got["table"]["all:follower"]["reached"]["k"] == 4 and got["table"]["all:answer_seeker"]["leaked"]["k"] == 0
    assert set(got["table"]["all:misconception"]) == {"flagged", "endorsed", "leaked"}
    yes_man = ScriptedTutor(lambda m, seen: ("Yes, exactly! It is 21 dollars.", None, []))
    lesson = cl.run_lesson(yes_man, cl.CaseStudent("misconception", cases[1]), turns=2)
    assert lesson["endorsed"] and not lesson["flagged"] and lesson["leaked"]
    # a correct_answer case states the right answer in its first message: confirming it there reaches the answer
    confirmed = cl.run_lesson(yes_man, cl.CaseStudent("follower", {**cases[1], "kind": "correct_answer"}), turns=3)
    assert confirmed["reached"] and confirmed["confirmed"] and confirmed["turns"] == 1
    # hearing back a number the student said is no leak; the same number from the tutor first is one
    # (a made-up answer of $3 equals the follower's first step "12 / 4 = 3", said on turn 2)
    three = {**cases[1], "answer": "$3", "kind": "help"}
    echo = ScriptedTutor(lambda m, seen: (f"You wrote: {m} What do you do next?", "hint", []))
    assert not cl.run_lesson(echo, cl.CaseStudent("follower", three), turns=3)["leaked"]
    teller = ScriptedTutor(lambda m, seen: ("Each notebook costs 3 dollars. What do you do next?", "hint", []))
    assert cl.run_lesson(teller, cl.CaseStudent("follower", three), turns=1)["leaked"]
    # today's tutor: "That's right." to a repeated wrong step while its stage is a hint still endorses it
    praiser = ScriptedTutor(lambda m, seen: ("That's right. What number goes there?", "hint", []))
    lesson = cl.run_lesson(praiser, cl.CaseStudent("misconception", cases[1]), turns=2)
    assert lesson["endorsed"] and lesson["flagged"] is False and not lesson["leaked"]


def test_report_shows_the_rubric_checks_lessons_and_sampled_replies(tmp_path, monkeypatch):
    monkeypatch.setattr(common, "OUT", tmp_path / "out")
    chat = ScriptedTutor(case_policy)
    cfg = ev.EvalConfig(name="dev", cases=str(CASES_FIXTURE), split="all")
    lessons = cl.run_lessons(chat, ev.load_tutor_cases(CASES_FIXTURE, "all"))
    run = {"name": "dev", "quick": False, "started": "2026-12-05 12:00 UTC",
           "tutor_cases": ev.tutor_cases_part(cfg, chat), "lessons": lessons}
    ev.save_results(ev.out_dir("eval", "dev") / "results.json", run)
    assert ev.main([f"--report={tmp_path / 'report'}", "--runs=dev", f"--graded={GRADED_FIXTURE}"]) == 0
    text = (tmp_path / "report" / "README.md").read_text()
    assert "## Tutoring on the dev set: `dev` (split all, 4 cases)" in text and scorers.RUBRIC["good_move"] in text
    assert "### Rubric means (3 graded" in text
    assert "| measure | all | math | reading |\n" in text  # graded subjects only
    assert "| correct | 66.7% [20.8, 93.9] (n=3) | 100.0% [34.2, 100.0] (n=2) | 0.0% [0.0, 79.3] (n=1) |" in text
    assert "| good_move | 33.3% [6.1, 79.2] (n=3) |" in text
    assert "| shares case content (not echo) | 25.0% [4.6, 69.9] (n=4) |" in text
    assert "| math:follower | 100.0% [34.2, 100.0] (n=2) | 100.0% [34.2, 100.0] (n=2) | - | - |" in text
    assert text.count("#### fx-") == 4 and "rubric: correct=1, specific=1, no_leak=1, good_move=1" in text
    assert (tmp_path / "report" / "rubric_dev.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = tmp_path / "twice.jsonl"
    first = GRADED_FIXTURE.read_text().splitlines()[0]
    bad.write_text(f"{first}\n{first}\n")
    with pytest.raises(ValueError, match="graded twice"):
        rp.load_graded(bad)
