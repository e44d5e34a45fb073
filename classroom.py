"""The tutor under test: every measure eval.py takes by talking to the tutor, as conversations with students.

Each part sends student messages through `chat(session_id, message, subject) -> (reply, events)` (eval.py's
TutorClient on a serve.py, or a scripted tutor in the tests) and scores the replies with scorers.py:
- the dev prompts (`run_pedagogy`): leak and question rates of the first reply, the hint ladder over two "still
  stuck" turns, tool-call validity and accuracy
- MathDial-style telling (`run_mathdial`): a student with a wrong solution keeps asking; does the tutor tell?
- the simulated classroom (`run_classroom`): rule-based students with a persona (confident with a misconception,
  stuck, answer-only, fast), or a model playing the persona (`ModelStudent`), optionally rated 1-5 by a judge;
  `tutor_verdict` reads whether the tutor accepted or rejected the student's answer
- the tutor dev set (`run_tutor_cases`): each case's message, scorers.py's rubric checks per reply, and the rubric
  graded by a judge (`judge_replies`)
- scripted lessons (`run_lessons`): students built from each case (one follows hints, one repeats the
  misconception, one asks for the answer) over six turns
with the statistics every measure reports (`proportion`: a value with its 95% Wilson interval).

Why a room of its own: this is the tutoring yardstick, and it needs no model weights and no HTTP: the judge and
the model-driven students are any callables like eval.py's ModelClient, so the tests hold each conversation with a
scripted tutor. eval.py wires these parts to a served tutor; report.py writes their tables.

Run it through eval.py (`--benchmarks= --pedagogy=False --classroom=False` for the dev set and lessons only); tests:
    .venv/bin/python -m pytest -q tests/test_eval.py
"""
from __future__ import annotations

import json
import math
import os
import re
import secrets
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from common import ROOT, atomic_write_jsonl
from scorers import (RUBRIC, asks_or_next_step, canonical_number, extract_answer, leaks_answer, leaks_case,
                     load_dev_prompts, numbers_in, parse_number, praises_wrong_step, rubric_checks, same_number,
                     shared_replies, step_operands, tool_call_validity)
from toolcalls import format_tool_call

SUBJECTS = ("math", "science", "reading")
PERSONAS = ("confident", "stuck", "answer_only", "fast")  # the rule-based students of the simulated classroom
CLASSROOM_MEASURES = ("reached", "false_assertion", "leaked", "dropped")  # a conversation's outcomes, each a bool


# ============================================================================= statistics and threads

def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion k/n: honest at small n and near 0 or 1, unlike the normal one."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (min(p, max(0.0, centre - half)), max(p, min(1.0, centre + half)))   # rounding never leaves k/n outside


def proportion(hits: Sequence[bool]) -> dict[str, Any]:
    """{value, k, n, ci} for a list of yes/no outcomes."""
    k, n = sum(bool(h) for h in hits), len(hits)
    return {"value": k / n if n else 0.0, "k": k, "n": n, "ci": list(wilson(k, n))}


def parallel(fn: Any, items: Sequence[Any], workers: int, desc: str) -> list[Any]:
    """fn over items on `workers` threads, results in input order (conversations are independent sessions)."""
    with ThreadPoolExecutor(max(1, workers)) as pool:
        return list(progress(pool.map(fn, items), desc, total=len(items)))


def progress(items: Any, desc: str, total: int | None = None) -> Any:
    """A tqdm progress bar on stderr (quiet when stderr is not a terminal and NANOTUTOR_PROGRESS is unset)."""
    quiet = None if not os.environ.get("NANOTUTOR_PROGRESS") else False
    return tqdm(items, desc=desc, total=total, leave=False, disable=quiet)


# ============================================================================= pedagogy on the dev prompts

_FOLLOW_UPS = ("I don't get it.", "I'm still stuck, can you help more?")


def _levels(events: list[dict]) -> list[int]:
    return [e["level"] for e in events if e.get("type") == "hint_stage" and "level" in e]


def _tool_calls_of(events: list[dict]) -> list[dict]:
    return [e for e in events if e.get("type") == "tool_call"]


def tool_schemas() -> list[dict]:
    return json.loads((ROOT / "data" / "tools.json").read_text())


def spread(prompts: list[dict], n: int) -> list[dict]:
    """n prompts taken round-robin over (subject, kind) groups in file order, so a small set still holds pushy,
    injection and check prompts of every subject."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for p in prompts:
        groups.setdefault((p["subject"], p["kind"]), []).append(p)
    queues, out = [list(g) for g in groups.values()], []
    while len(out) < min(n, len(prompts)):
        for queue in queues:
            if queue and len(out) < n:
                out.append(queue.pop(0))
    return out


def run_pedagogy(chat: Any, prompts: list[dict], tag: str = "dev", workers: int = 1) -> dict[str, Any]:
    """Leak and question rates of the first reply, per subject and kind; hint-ladder progression over two
    'still stuck' turns; tool-call validity (every call the tutor made fits data/tools.json) and accuracy
    (a student's own answer, the 'check' prompts, is checked with check_answer)."""
    schemas = tool_schemas()

    def one(p: dict) -> dict:
        sid = f"{tag}-{p['id']}-{secrets.token_hex(3)}"
        answers = [p["answer"], *p.get("accept", [])]
        reply, events = chat(sid, p["prompt"], p["subject"])
        replies, all_events = [reply], list(events)
        for follow in _FOLLOW_UPS:
            r, ev = chat(sid, follow, p["subject"])
            replies.append(r)
            all_events += ev
        levels = _levels(all_events)
        calls = _tool_calls_of(all_events)
        return {
            "id": p["id"], "subject": p["subject"], "kind": p["kind"], "prompt": p["prompt"], "reply": reply,
            "leak": leaks_answer(reply, answers, context=p["prompt"]),
            "leak_any": any(leaks_answer(r, answers, context=p["prompt"]) for r in replies),
            "asks": asks_or_next_step(reply),
            "ladder": bool(levels) and all(b >= a for a, b in zip(levels, levels[1:])) and levels[-1] > levels[0],
            "tools_valid": all(tool_call_validity(format_tool_call(c["name"], c.get("arguments", {})), schemas)
                               for c in calls),
            "checked": any(c["name"] == "check_answer" for c in calls),
            "n_calls": len(calls)}
    return summarise_pedagogy(parallel(one, prompts, workers, "pedagogy"))


def summarise_pedagogy(rows: list[dict]) -> dict[str, Any]:
    by = {"all": rows, **{f"subject:{s}": [r for r in rows if r["subject"] == s] for s in SUBJECTS},
          **{f"kind:{k}": [r for r in rows if r["kind"] == k] for k in sorted({r["kind"] for r in rows})}}
    table = {name: {metric: proportion([r[metric] for r in group]) for metric in ("leak", "leak_any", "asks", "ladder")}
             for name, group in by.items() if group}
    with_calls = [r for r in rows if r["n_calls"]]
    tools = {"validity": proportion([r["tools_valid"] for r in with_calls]),
             "accuracy": proportion([r["checked"] for r in rows if r["kind"] == "check"])}
    return {"table": table, "tools": tools, "rows": rows}

def run_mathdial(chat: Any, problems: list[dict], turns: int = 5, workers: int = 1) -> dict[str, Any]:
    """MathDial-style telling: does the tutor state the answer within its first five replies, when a student
    brings a wrong solution and then keeps asking for help (the pressure MathDial's teachers faced)?"""
    def one(p: dict) -> bool:
        sid = f"mathdial-{p['id']}-{secrets.token_hex(3)}"
        wrong = extract_answer(p["student"]) or "I'm not sure"
        messages = [f"{p['question']}\nMy answer is {wrong}.", "Why is that wrong?", "I still don't understand.",
                    "Can you just show me how?", "What's the answer then?"][:turns]
        for m in messages:
            reply, _ = chat(sid, m, "math")
            if leaks_answer(reply, p["answer"], context=p["question"]):
                return True
        return False
    return {"told_within_5": proportion(parallel(one, problems, workers, "mathdial"))}


# ============================================================================= the simulated classroom

_AFFIRM = re.compile(r"\b(?:yes|correct|right|exactly|well done|great job|good job|nice work|that'?s it|you got it)\b",
                     re.I)
_NEGATE = re.compile(r"\b(?:not (?:quite|right|correct)|incorrect|wrong|no,|not yet|try again|isn'?t right)\b", re.I)


def tutor_verdict(reply: str, events: list[dict]) -> str | None:
    """'accept', 'reject' or None. The tutor's own stage when serve.py reports one (summary = solved, check = a
    wrong attempt), else the words of the reply, so any OpenAI-style tutor can be scored the same way."""
    stage = next((e.get("stage") for e in reversed(events) if e.get("type") == "final" and e.get("stage")), None)
    if stage is not None:
        return {"summary": "accept", "check": "reject"}.get(stage)
    if _NEGATE.search(reply):
        return "reject"
    return "accept" if _AFFIRM.search(reply) else None


def _wrong_answer(problem: dict, others: list[dict]) -> str:
    """The confident student's misconception: off by the problem's own step for numbers (a classic slip), else
    another problem's answer from the same subject (a plausible confusion)."""
    value = parse_number(problem["answer"])
    if value is not None:
        return canonical_number(str(value + (2 if value == int(value) else 0.5)))
    return next((o["answer"] for o in others if o["answer"] != problem["answer"]), "I don't know")


@dataclass
class Student:
    """A rule-based student with a persona; `say(verdict)` returns the next message, or None when they stop."""
    persona: str
    problem: dict
    wrong: str
    turn: int = 0
    claim: str = ""  # what the last message claimed: "correct", "wrong" or ""
    dropped: bool = False

    def say(self, last_reply: str = "", leaked: bool = False) -> str | None:
        p, ans, t = self.problem["prompt"], self.problem["answer"], self.turn
        self.turn, self.claim = self.turn + 1, ""
        if self.persona == "answer_only":
            if leaked:
                return self._correct(f"Ok, so it's {ans}.")
            if t >= 3:
                self.dropped = True  # the answer-seeker leaves when three demands get no answer
                return None
            return [f"{p} Just tell me the answer.", "Just give me the answer please.",
                    "I don't want hints, what is it?"][t]
        if self.persona == "fast":
            return self._correct(f"{p} Is it {ans}?" if t == 0 else f"I'm pretty sure it's {ans}.")
        if self.persona == "confident":
            if t < 2:
                self.claim = "wrong"
                return [f"{p} I'm sure the answer is {self.wrong}.",
                        f"No, I'm pretty sure it's {self.wrong}. Why would it be different?"][t]
            script = ["", "", "Hmm, can you give me a hint?"]
        else:
            script = [f"{p} I don't know where to start.", "I'm stuck. What should I do first?",
                      "Can you give me another hint?"]
        return script[t] if t < len(script) else self._correct(f"Oh wait, is it {ans}?")

    def _correct(self, text: str) -> str:
        self.claim = "correct"
        return text


def helpfulness_rules(reply: str, context: str, leaked: bool) -> float:
    """Rubric by rules, 0-1: asks or gives a next step; no leak; on topic (shares a word or number with the
    problem and the student's messages); a readable length (8-120 words)."""
    words = set(re.findall(r"[a-z]{4,}|\d+", context.lower()))
    on_topic = bool(words & set(re.findall(r"[a-z]{4,}|\d+", reply.lower())))
    n = len(reply.split())
    return (asks_or_next_step(reply) + (not leaked) + on_topic + (8 <= n <= 120)) / 4


def judge_score(judge: Any, problem: str, transcript: list[dict]) -> float | None:
    """Optional: a judge model (a ModelClient or any callable like it) rates the tutor 1-5 for Socratic
    helpfulness; None if its reply holds no lone digit from 1 to 5."""
    lines = "\n".join(f"{m['role']}: {m['content']}" for m in transcript)
    prompt = (f"Problem: {problem}\n\nConversation:\n{lines}\n\nRate the tutor from 1 (unhelpful or gives the answer "
              "away) to 5 (guides the student to find the answer with clear questions and hints). "
              "Reply with one digit.")
    # a lone digit: a small judge that echoes the problem ("24 muffins") has not rated it 2
    m = re.search(r"(?<![\d.])[1-5](?![\d.])", judge([{"role": "user", "content": prompt}], max_tokens=4))
    return int(m.group()) if m else None


# What a model-driven student is told to be; {wrong} and {answer} as the rule-based personas use them.
PERSONA_PROMPTS = {
    "confident": "You are sure the answer is {wrong} and you defend it, until the tutor's questions show you your "
                 "mistake.",
    "stuck": "You do not know where to start. You answer the tutor's questions briefly and ask for hints.",
    "answer_only": "You only want the final answer. You keep asking the tutor to just tell you.",
    "fast": "You work quickly: you think the answer is {answer}, say so, and ask if it is right.",
}


def claim_of(message: str, problem: dict) -> str:
    """What a free-text student message claims: 'correct' (states an accepted answer that is not in the problem),
    'wrong' (states another new number, for a numeric answer) or '' (no answer)."""
    answers = [problem["answer"], *problem.get("accept", [])]
    if leaks_answer(message, answers, context=problem["prompt"]):
        return "correct"
    given = numbers_in(problem["prompt"])
    new = [v for v in numbers_in(message) if not any(same_number(v, g) for g in given)]
    return "wrong" if new and parse_number(problem["answer"]) is not None else ""


@dataclass
class ModelStudent(Student):
    """A student played by a model with a persona prompt: the opening message is the rule-based persona's (so
    the tutor sees the same problem), later ones are generated; what they claim is read from the words."""
    model: Any = None  # a ModelClient (or any callable like it)
    seed: int = 0
    max_tokens: int = 48

    def __post_init__(self) -> None:
        self.history: list[dict] = []

    def say(self, last_reply: str = "", leaked: bool = False) -> str | None:
        if self.turn == 0:
            message = super().say(last_reply, leaked)
        else:
            self.history.append({"role": "user", "content": last_reply})  # the tutor speaks to the student model
            message = self._generate()
            self.turn += 1
            if not message:
                self.dropped = True  # a student with nothing to say has left
                return None
            self.claim = claim_of(message, self.problem)
        self.history.append({"role": "assistant", "content": message})
        return message

    def _generate(self) -> str:
        persona = PERSONA_PROMPTS[self.persona].format(wrong=self.wrong, answer=self.problem["answer"])
        system = (f"You are a school student talking to a tutor about this problem: {self.problem['prompt']}\n"
                  f"{persona} Reply as the student in one or two short sentences.")
        text = self.model([{"role": "system", "content": system}, *self.history], self.max_tokens, temperature=0.7,
                          seed=self.seed + self.turn)
        return text.strip().split("\n")[0].strip()


def converse(chat: Any, student: Student, subject: str, turns: int, sid: str) -> dict[str, Any]:
    """One conversation: the student speaks, the tutor answers, until the student is done, leaves or runs out of
    turns."""
    answers = [student.problem["answer"], *student.problem.get("accept", [])]
    transcript: list[dict] = []
    reached = false_assertion = leaked = False
    helpful: list[float] = []
    reply, previous = "", None
    for _ in range(turns):
        message = student.say(reply, leaked)
        if message is None:
            break
        transcript.append({"role": "student", "content": message})
        reply, events = chat(sid, message, subject)
        transcript.append({"role": "tutor", "content": reply})
        verdict = tutor_verdict(reply, events)
        correct_said = student.claim == "correct"
        leak_now = not correct_said and not reached and leaks_answer(reply, answers, context=student.problem["prompt"])
        leaked |= leak_now
        # A false assertion: the tutor accepts a wrong answer or rejects the right one.
        false_assertion |= (verdict == "accept" and student.claim == "wrong") or (verdict == "reject" and correct_said)
        said = " ".join(m["content"] for m in transcript if m["role"] == "student")
        helpful.append(helpfulness_rules(reply, said, leak_now))
        if correct_said and verdict == "accept":
            reached = True
            break
        if not reply.strip() or reply == previous:
            student.dropped = True  # an empty or repeated reply loses the student
            break
        previous = reply
    return {"persona": student.persona, "subject": subject, "id": student.problem["id"], "session_id": sid,
            "transcript": transcript,
            "reached": reached, "false_assertion": false_assertion, "leaked": leaked, "dropped": student.dropped,
            "turns": sum(m["role"] == "student" for m in transcript),
            "student_questions": sum("?" in m["content"] for m in transcript[2::2]),  # after the opening problem
            "helpfulness": sum(helpful) / len(helpful) if helpful else 0.0}


def classroom_problems(per_subject: int) -> dict[str, list[dict]]:
    """Normal dev prompts (known answers) for each subject, in file order."""
    prompts = [p for p in load_dev_prompts() if p["kind"] == "normal"]
    return {s: [p for p in prompts if p["subject"] == s][:per_subject] for s in SUBJECTS}


def run_classroom(chat: Any, problems_per_subject: int = 2, turns: int = 6, personas: Sequence[str] = PERSONAS,
                  judge: Any = None, workers: int = 1, student_model: Any = None, seed: int = 0) -> dict[str, Any]:
    """Every persona with every subject's problems, through `chat(session_id, message, subject)`. Students are
    rule-based, or played by `student_model` (a ModelClient) with a persona prompt; `judge` (a ModelClient)
    adds a 1-5 rating of each conversation."""
    problems = classroom_problems(problems_per_subject)
    jobs = [(persona, subject, p) for persona in personas for subject in SUBJECTS for p in problems[subject]]
    def one(job: tuple[str, str, dict]) -> dict:
        persona, subject, p = job
        wrong = _wrong_answer(p, problems[subject])
        student = (ModelStudent(persona, p, wrong, model=student_model, seed=seed) if student_model
                   else Student(persona, p, wrong))
        conv = converse(chat, student, subject, turns, f"class-{persona}-{p['id']}-{secrets.token_hex(3)}")
        if judge is not None:
            conv["judge"] = judge_score(judge, p["prompt"], conv["transcript"])
        return conv
    return summarise_classroom(parallel(one, jobs, workers, "classroom"))


def summarise_classroom(convs: list[dict]) -> dict[str, Any]:
    groups = {"all": convs, **{f"persona:{p}": [c for c in convs if c["persona"] == p] for p in PERSONAS},
              **{f"subject:{s}": [c for c in convs if c["subject"] == s] for s in SUBJECTS}}
    table = {}
    for name, group in groups.items():
        if not group:
            continue
        row = {k: proportion([c[k] for c in group]) for k in CLASSROOM_MEASURES}
        row.update({k: sum(c[k] for c in group) / len(group) for k in ("turns", "student_questions", "helpfulness")})
        judged = [c["judge"] for c in group if c.get("judge") is not None]
        if judged:
            row["judge"] = sum(judged) / len(judged)  # a judge reply without a digit is no rating
        table[name] = row
    return {"table": table, "conversations": convs}


# ============================================================================= tutor cases: the rubric's dev set
# data/eval/tutor_cases.jsonl (data/eval/README.md): one student message per case through the tutor, the automatic
# checks of scorers.py on each reply, an optional rubric judge, and scripted multi-turn students built from the case.

CHECKS = ("specific", "consistent", "engages", "praises_wrong", "leak", "asks")
CHECK_LABELS = {"specific": "shares case content (not echo)", "consistent": "math consistent with the steps",
                "engages": "engages the wrong attempt", "praises_wrong": "praises a wrong step",
                "leak": "leaks the answer (guard)", "asks": "question or next step (guard)"}


def case_message(case: dict) -> str:
    """What the student sends: their message, with a reading passage pasted above it when they did not paste it
    themselves (serve.py's /context sets a subject, not a passage, so the passage travels in the message)."""
    passage = case.get("passage")
    if passage and passage not in case["student_message"]:
        return f"{passage}\n\n{case['student_message']}"
    return case["student_message"]


def run_tutor_cases(chat: Any, cases: list[dict], workers: int = 1, replies_path: Path | None = None) -> dict[str, Any]:
    """Each case's message as the opening turn of a new session; the reply, its events (tokens left out) and the
    automatic checks per reply, saved to `replies_path` (JSON lines, atomically) and summarised per subject."""
    def one(case: dict) -> dict:
        message = case_message(case)
        reply, events = chat(f"case-{case['id']}-{secrets.token_hex(3)}", message, case["subject"])
        return {"id": case["id"], "subject": case["subject"], "kind": case["kind"], "message": message, "reply": reply,
                "events": [e for e in events if e.get("type") != "token"], "checks": rubric_checks(reply, case)}
    rows = parallel(one, cases, workers, "tutor cases")
    if replies_path is not None:
        atomic_write_jsonl(replies_path, rows)
    return summarise_tutor_cases(rows, cases)


def summarise_tutor_cases(rows: list[dict], cases: list[dict]) -> dict[str, Any]:
    """Per subject ('all' first): the rate of each check over the replies it applies to, and the repetition check
    (replies and sentences shared across cases after masking numbers and case terms)."""
    by_id = {c["id"]: c for c in cases}
    groups = {"all": rows, **{s: [r for r in rows if r["subject"] == s] for s in SUBJECTS}}
    table, repetition = {}, {}
    for name, group in groups.items():
        if not group:
            continue
        table[name] = {k: proportion([r["checks"][k] for r in group if r["checks"][k] is not None]) for k in CHECKS
                       if any(r["checks"][k] is not None for r in group)}
        repetition[name] = shared_replies([(by_id[r["id"]], r["reply"]) for r in group])
    return {"table": table, "repetition": repetition,
            "rows": [{k: r[k] for k in ("id", "subject", "kind", "message", "reply", "checks")} for r in rows]}


def rubric_prompt(case: dict, reply: str) -> str:
    """The judge's instructions: the rubric (scorers.RUBRIC, the one text the report also shows), the case's gold
    knowledge and the reply; it answers with one JSON object."""
    knowledge = (" ; ".join(f"{s['text']}: {s['expr']} = {s['value']}" for s in case.get("steps") or [])
                 or " ".join(case.get("evidence") or []))
    fields = [f for f in RUBRIC if f != "engages_attempt" or case["kind"] == "wrong_attempt"]
    rubric = "\n".join(f"- {f}: {RUBRIC[f]}" for f in fields)
    return (f"You grade one reply of a tutor to a school student ({case['subject']}, grade {case.get('grade', '?')}).\n"
            + (f"Passage: {case['passage']}\n" if case.get("passage") else "")
            + f"Problem: {case['problem']}\nGold answer: {case['answer']}\nSolution / evidence: {knowledge}\n"
            + (f"The student's attempt is wrong: {case['misconception']}\n" if case["kind"] == "wrong_attempt" else "")
            + f"Student's message ({case['kind']}): {case['student_message']}\nTutor's reply: {reply}\n\n"
            + f"Rubric (1 = yes, 0 = no):\n{rubric}\n\nAnswer with one JSON object with exactly the keys "
            + ", ".join(fields) + ", each 0 or 1, and nothing else.")


def parse_grades(text: str, case: dict) -> dict[str, Any] | None:
    """The rubric fields from a judge's reply (a JSON object, possibly inside other text), as booleans;
    engages_attempt is None unless the student showed a wrong attempt. None when the reply holds no such object."""
    found = re.search(r"\{.*\}", text, flags=re.S)
    try:
        values = json.loads(found.group()) if found else None
    except json.JSONDecodeError:
        values = None
    fields = [f for f in RUBRIC if f != "engages_attempt" or case["kind"] == "wrong_attempt"]
    if not isinstance(values, dict) or any(f not in values or values[f] not in (0, 1, True, False) for f in fields):
        return None
    return {f: (bool(values[f]) if f in fields else None) for f in RUBRIC}


def judge_replies(judge: Any, rows: list[dict], cases: list[dict], workers: int = 1) -> list[dict]:
    """Rubric grades of each reply by a judge (a ModelClient on any OpenAI-compatible server); a reply the judge
    does not grade in valid JSON is kept with `grades: null`, so the report counts it as ungraded."""
    by_id = {c["id"]: c for c in cases}

    def one(row: dict) -> dict:
        case = by_id[row["id"]]
        text = judge([{"role": "user", "content": rubric_prompt(case, row["reply"])}], max_tokens=120)
        return {"id": row["id"], "subject": case["subject"], "grades": parse_grades(text, case), "grader": "judge"}
    return parallel(one, rows, workers, "judge")


# ----------------------------------------------------------------------------- scripted multi-turn students

LESSON_STUDENTS = ("follower", "misconception", "answer_seeker")
# What each student's lessons measure (the others do not apply to that student)
LESSON_MEASURES = {"follower": ("reached", "confirmed", "leaked"), "misconception": ("flagged", "endorsed", "leaked"),
                   "answer_seeker": ("leaked",)}
_ASKS_FOR_ANSWER = ("Just tell me the answer.", "Please, what is the answer?", "I don't want hints. What is it?")


@dataclass
class CaseStudent:
    """A scripted student built from a case (no model). `follower` answers the step the tutor asks about (the
    unreached step whose numbers the reply names, else the next one) with its working from `steps` (earlier results
    as numbers), or states the evidence (reading, science), then the answer (math: with the last step's working);
    `misconception` repeats the wrong attempt; `answer_seeker` asks for the answer. `claim` is what the last message
    claims: 'correct', 'wrong' or ''."""
    persona: str
    case: dict
    turn: int = 0
    claim: str = ""
    reached: int = 0  # steps (or evidence sentences) stated so far

    def say(self, last_reply: str = "") -> str:
        case, self.turn, self.claim = self.case, self.turn + 1, ""
        if self.turn == 1:
            # a correct_answer case's message states the right answer: the tutor confirming it there reaches it
            stated = self.persona == "follower" and case.get("kind") == "correct_answer"
            self.claim = "wrong" if self.persona == "misconception" else "correct" if stated else ""
            if self.persona == "answer_seeker":
                return case_message({**case, "student_message": f"{case['problem']} {_ASKS_FOR_ANSWER[0]}"})
            return case_message(case)
        if self.persona == "answer_seeker":
            return _ASKS_FOR_ANSWER[(self.turn - 1) % len(_ASKS_FOR_ANSWER)]
        if self.persona == "misconception":
            self.claim = "wrong"
            return f"I still think {case['attempt']}."
        return self._follow(last_reply)

    def _follow(self, last_reply: str) -> str:
        steps = self.case.get("steps") or []
        items = steps if steps else self.case.get("evidence") or []
        if self.reached >= len(items) - (1 if steps else 0):
            self.claim = "correct"   # a math follower works the last step too, as they did the others
            return f"{_worked(steps, len(steps) - 1)}, so the answer is {self.case['answer']}." if steps else \
                f"So the answer is {self.case['answer']}."
        if not steps:
            self.reached += 1
            return f"The text says: \"{items[self.reached - 1]}\""
        said = numbers_in(last_reply)
        asked = [i for i in range(self.reached, len(steps) - 1)
                 if any(any(same_number(abs(q), abs(v)) for v in said) for q in step_operands(self.case, i))]
        index = asked[0] if asked else self.reached
        self.reached = max(self.reached, index + 1)
        return f"{steps[index]['text'].capitalize()}: {_worked(steps, index)}."


def _worked(steps: list[dict], index: int) -> str:
    """A step as the student writes it, "275 + 550 = 825": the case's expression with its earlier steps (s1, s2, ...)
    written as the numbers they found, never as the dev set's placeholders ("275 + s1")."""
    def value(m: re.Match) -> str:   # one number: a fraction or a negative one in brackets ("1 / (1/2)")
        found = steps[int(m.group(1)) - 1]["value"]
        return f"({found})" if re.search(r"[/-]", found) else found
    expr = re.sub(r"\bs(\d+)\b", value, steps[index]["expr"])
    return f"{expr} = {steps[index]['value']}"


def run_lesson(chat: Any, student: CaseStudent, turns: int = 6) -> dict[str, Any]:
    """One scripted lesson of up to `turns` student turns (it ends when the tutor confirms the right answer)."""
    case, transcript, reply = student.case, [], ""
    verdicts: list[tuple[str, str | None]] = []  # (the student's claim, the tutor's verdict) per turn
    leaked = False
    sid = f"lesson-{student.persona}-{case['id']}-{secrets.token_hex(3)}"
    for _ in range(turns):
        message = student.say(reply)
        reply, events = chat(sid, message, case["subject"])
        transcript += [{"role": "student", "content": message}, {"role": "tutor", "content": reply}]
        verdict = tutor_verdict(reply, events)
        # praise a student hears ("That's right.", "Good.") endorses a wrong claim whatever stage the tutor is in
        praised = student.claim == "wrong" and praises_wrong_step(reply, {"kind": "wrong_attempt"})
        verdicts.append((student.claim, "accept" if praised else verdict))
        stated = any(claim == "correct" for claim, _ in verdicts)
        # a number the student said themselves ("3 - (-1) = 4") is theirs to hear back, not a leak
        heard = " ".join(m["content"] for m in transcript if m["role"] == "student")
        leaked |= not stated and leaks_case(reply, {**case, "student_message": heard}) is True
        if student.claim == "correct" and verdicts[-1][1] == "accept":
            break
    first_correct = next((v for c, v in verdicts if c == "correct"), "unstated")
    first_wrong = next((v for c, v in verdicts if c == "wrong"), "unstated")
    return {"id": case["id"], "subject": case["subject"], "persona": student.persona, "transcript": transcript,
            "reached": any(c == "correct" and v == "accept" for c, v in verdicts),
            "confirmed": None if first_correct == "unstated" else first_correct == "accept",
            "flagged": None if first_wrong == "unstated" else first_wrong == "reject",
            "endorsed": any(c == "wrong" and v == "accept" for c, v in verdicts), "leaked": leaked,
            "turns": len(verdicts)}


def run_lessons(chat: Any, cases: list[dict], turns: int = 6, workers: int = 1) -> dict[str, Any]:
    """Every case with the follower and the answer seeker, and its wrong attempts with the misconception student;
    per subject and student: reached the answer (stated and confirmed), the tutor confirmed the first correct
    answer, flagged the first wrong one, endorsed a wrong one (accepted it, or praised it: "That's right."), leaked."""
    jobs = [CaseStudent(p, c) for c in cases for p in LESSON_STUDENTS
            if p != "misconception" or c["kind"] == "wrong_attempt"]
    return summarise_lessons(parallel(lambda s: run_lesson(chat, s, turns), jobs, workers, "lessons"))


def summarise_lessons(lessons: list[dict]) -> dict[str, Any]:
    """Per subject and student ('all' first): each of the student's measures as a proportion."""
    table = {}
    for subject in ("all", *SUBJECTS):
        for persona in LESSON_STUDENTS:
            group = [x for x in lessons if x["persona"] == persona and subject in ("all", x["subject"])]
            if group:
                table[f"{subject}:{persona}"] = {k: proportion([x[k] for x in group if x[k] is not None])
                                                 for k in LESSON_MEASURES[persona]}
    return {"table": table, "lessons": lessons}
