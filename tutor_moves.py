"""Grounded-move SFT examples for `make tutor`: the prompt the tutor sends to word a move, and a reply that words it.

The model's job in the tutor is wording: code decides the move (the planner's step for math, the passage sentence for
reading, the retrieved fact for science) and asks the model to say it (agent.py: `_word_step`, `_word_evidence`, and
the stage machine's `_draft` for math without a plan). So an example is made by running the real `Tutor` on an
opening turn of a train-only item with a `Scribe` as its model: the scribe records the messages the tutor sends and
answers a wording request with a reply written here from the move in that request (several phrasings per kind of
move, so the model learns to word, not to copy one template). The prompt is therefore the tutor's own, whatever
agent.py builds at run time. An example is kept only when
  1. the tutor itself said the scribe's reply (its wording step reports "model": step_rules.faithful for a plan step,
     evidence.check_draft and the grounding-word check for reading and science; for a math stage draft, the reply
     survived wording.consistent_with and the leak guard), and
  2. the tutor's whole reply passes scorers.rubric_checks for the item as a case: specific, no leak, asks, no
     praise of a wrong step, engages a wrong attempt, consistent with the steps where the item has them.
Drops are counted per source and reason. Sources, train splits only: GSM8K train (the planner's steps, else the
first <<a*b=c>> step's quantities), OpenBookQA train questions with the open book's facts, Aesop's fables (public
domain). Every text is checked against the evaluation splits (data/decontam.py, tutor_cases included).

    .venv/bin/python tutor_moves.py                 # -> out/sft/grounded.jsonl; data/sft/build.py's `grounded` reads it
"""
from __future__ import annotations

import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from agent import Tutor
from common import atomic_write_jsonl, parse_config, read_jsonl, require_data, shared_data_dir
from data.decontam import Decontaminator
from data.sft.build import STEP, mc_question
from data.sources import aesop_fables, read_text, strip_gutenberg
from text_words import content_words
from lesson import Facts, plan_of
from problem_text import given_numbers
from scorers import rubric_checks
from solver import fmt
from wording import TEMPLATES, WORD_EVIDENCE, WORD_STEP, split_sentences


@dataclass
class Item:
    """One opening turn: the message a student sends, and the item as a scorers.py case (problem, kind, answer, ...)."""
    id: str
    source: str
    subject: str
    message: str
    case: dict[str, Any]
    hints: dict[str, Any] = field(default_factory=dict)  # what the scribe may use: the first step's quantities


# ============================================================================ the replies: several phrasings per move

POINT = ["Look at", "Look back at", "Read again", "Have another look at", "Look closely at"]
POINTING = r"Look at|Find|Read|Read again"
CHOICES_ASK = ["Take each choice one at a time: which one fits, and what rules out the others?",
               "Which one of the choices fits? Take them one at a time and say what rules out each of the others."]
NARROW_ASK = ["Which {kinds} do you know, and what is each one like? Which of them fits \"{q}\"?",
              "Think of the {kinds} you know: what is each one like, and which of them fits \"{q}\"?"]
# science's first steps (science_catalog.by_form): each keeps the question's own term and question
TERM_ASK = {"Let's find the cause: what do you know about (\".+?\") that could explain \"(.+?)\"\?":
            ["What do you know about {term} that could explain \"{q}\"?",
             "Look for the cause: how could what you know about {term} explain \"{q}\"?"],
            "What do you already know about (\".+?\"), and which part of it answers \"(.+?)\"\?":
            ["What do you already know about {term}, and how could it help with \"{q}\"?",
             "Start from {term}: what do you know that answers \"{q}\"?"],
            "You named \"(.+?)\"\. What do you know about it, and does it fit everything \"(.+?)\" asks for\? Check it "
            "against each part of the question\.":
            ["Does \"{term}\" fit everything \"{q}\" asks for? What do you know about it?",
             "You said \"{term}\". Check it against each part of \"{q}\": does it fit all of it?"]}
# science_moves.name_check: a named answer checked against what the question describes
NAMED_ASK = ["What do you know about {said}? Is {said} {named}, and how can you tell?",
             "Think about what you know of {said}: does it make {said} {named}?"]
# science_choices.choice_move: each choice weighed, or the student's pick asked about
EACH_CHOICE_ASK = ["One choice at a time: what do you know about {choices}? Which choice answers the question, and "
                   "what rules out the others?",
                   "What do you know about each of {choices}? Then decide which choice answers the question: what "
                   "rules out the others?"]
PICK_ASK = ["Why {letter}, \"{choice}\"? What do you know about \"{choice}\", and what rules out each of the other "
            "choices?", "What do you know about \"{choice}\"? Why {letter}, and what rules out the other choices?"]
FIND = ["What does it say that answers", "What in it helps you answer", "How does it help you answer"]
CLUE = ["What clue there helps with \"{q}\"?", "Which words there give you a clue about \"{q}\"?",
        "What does that sentence show you about \"{q}\"?"]
CHECK_INTRO = ["Check your idea against this fact:", "Compare your idea with this fact:",
               "Test what you said against this fact:", "Here is a fact to test your idea:"]
CHECK_ASK = ["Does it fit with what you said?", "Does it match your idea?", "Does that fit what you think?"]
READ_AGAIN = ["Read this sentence again:", "Look at this sentence again:", "Have another look at this sentence:"]
FIT_ASK = ["Does it fit with your answer that {c}?", "Does it match your idea that {c}?",
           "Does that sentence agree that {c}?"]
POINTER = (r"((?:the sentence that begins \"[^\"]+\"|the \w+ sentence of the passage(?:, the one with \"[^\"]+\")?)"
           r"(?:,? and the sentence just (?:before|after) it)?)")
STEP_LEAD = ["", "First, ", "Let's start here: ", "Think about this first: ", "One step at a time: ",
             "To begin, ", "Here is a good place to start: "]


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def word_step(question: str, rng: random.Random) -> str:
    """A plan step's question in one sentence: a short lead, then the step's own question (its numbers and words)."""
    lead = rng.choice(STEP_LEAD)
    return f"{lead}{_lower_first(question) if lead else question}"


def longer_pointer(move: str, evidence: str, words: int = 10) -> str:
    """The move with 'the sentence that begins "..."' quoting up to `words` words of that evidence sentence: a
    six-word opening often holds too few of the evidence's words for the tutor's grounding check."""
    def extend(m: re.Match) -> str:
        head = m.group(1).rstrip(".")
        start = evidence.find(head)
        if start < 0:
            return m.group(0)
        tail = evidence[start:].split()
        shown = " ".join(tail[:words]).rstrip(",;:")
        return f"the sentence that begins \"{shown}{'...' if len(tail) > words else ''}\""
    return re.sub(r"the sentence that begins \"([^\"]+)\"", extend, move)


def word_evidence(move: str, evidence: str, rng: random.Random) -> str | None:
    """A grounded move in at most two sentences, its quote kept (the evidence) and its frame worded afresh; None
    for a move this file has no phrasing for (it is then left to the template)."""
    move = longer_pointer(move, evidence)
    if m := re.match(r"Check your idea against this fact: \"(.+?)\" Does it fit", move):
        return f"{rng.choice(CHECK_INTRO)} \"{m.group(1)}\" {rng.choice(CHECK_ASK)}"
    if m := re.match(r"(?:What makes you say \"[^\"]*\"\? )?Test your idea against this fact: \"(.+?)\" Does", move):
        return f"{rng.choice(CHECK_INTRO)} \"{m.group(1)}\" {rng.choice(CHECK_ASK)}"
    if m := re.match(r"Read this sentence again: \"(.+?)\" Does it fit with your answer that (.+?)\?", move):
        return f"{rng.choice(READ_AGAIN)} \"{m.group(1)}\" {rng.choice(FIT_ASK).format(c=m.group(2))}"
    if m := re.match(rf"(?:Look at|Find) {POINTER}\. What (?:do you find there that helps answer|does it say that "
                     r"answers) \"(.+?)\"\?", move):
        return f"{rng.choice(POINT)} {m.group(1)}. {rng.choice(FIND)} \"{m.group(2)}\"?"
    if m := re.match(r"Which sentence tells you that\? The passage doesn't use the (words?) (.+?)\. Look at "
                     rf"{POINTER}: what do you find there about \"(.+?)\"\?", move):
        return (f"The passage doesn't use the {m.group(1)} {m.group(2)}. {rng.choice(POINT)} {m.group(3)}: "
                f"{_lower_first(rng.choice(FIND))} \"{m.group(4)}\"?")
    if m := re.match(r"Look at (the sentence that begins \"[^\"]+\"(?:, and the sentence just (?:before|after) it)?)\. "
                     r"What clue do you find there\? .*\"(.+?)\"\?$", move):
        return f"{rng.choice(POINT)} {m.group(1)}. {rng.choice(CLUE).format(q=m.group(2))}"
    if m := re.match(r"(?:The title is \"[^\"]+\"\. )?The passage starts with \"([^\"]+)\" and ends with "
                     r"\"([^\"]+)\"\.", move):
        goal = split_sentences(move)[-1]
        return f"Compare how the passage starts, \"{m.group(1)}\", with how it ends, \"{m.group(2)}\". {goal}"
    if m := re.match(r"Find \"(.+?)\" in the sentence that begins \"([^\"]+)\"\.", move):
        return (f"{rng.choice(POINT)} the sentence that begins \"{m.group(2)}\" and find \"{m.group(1)}\" there. "
                f"What meaning of \"{m.group(1)}\" fits that sentence?")
    if re.match(r"Take the choices one at a time: which one fits, and what rules out each of the others\?$", move):
        return rng.choice(CHOICES_ASK)
    if m := re.match(r"Let's narrow it down: which (.+?) do you know, and what is each one like\? Which of them fits "
                     r"\"(.+?)\"\?$", move):
        return rng.choice(NARROW_ASK).format(kinds=m.group(1), q=m.group(2))
    for frame, phrasings in TERM_ASK.items():
        if m := re.match(frame + "$", move):
            return rng.choice(phrasings).format(term=m.group(1), q=m.group(2))
    if m := re.match(r"Take the choices one at a time: what do you know about (.+?)\? Then decide", move):
        return rng.choice(EACH_CHOICE_ASK).format(choices=m.group(1))
    if m := re.match(r"Why ([A-H]), \"(.+?)\"\? Say what you know about", move):
        return rng.choice(PICK_ASK).format(letter=m.group(1), choice=m.group(2))
    if m := re.match(r"(What do you know about (.+?)\?) Does that make \2 (.+?)\?$", move):   # a named answer
        return rng.choice(NAMED_ASK).format(said=m.group(2), named=m.group(3))
    # Any other move that points at the passage: its words kept, only the pointing verb worded afresh (a model
    # that learns to say a move as it stands adds nothing, which is what the wording request asks).
    if re.search(rf"(?:^|[.?] )(?:{POINTING}) (?:the|both|\")", move):
        return re.sub(rf"(^|[.?] )(?:{POINTING}) (?=the|both|\")", lambda m: f"{m.group(1)}{rng.choice(POINT)} ", move)
    return None


def word_stage(stage: str, item: Item, rng: random.Random) -> str:
    """A math stage draft with the first step's quantities (no operation named: the planner picks operations)."""
    names = item.hints.get("quantities", [])
    if len(names) < 2:
        return ""
    a, b = names[:2]
    if stage == "elicit":
        return rng.choice([f"You know {a} and {b}. What could you work out first from those two?",
                           f"The problem gives you {a} and {b}. What can those two tell you first?",
                           f"Start with {a} and {b}. What could you find out from them?"])
    if stage == "probe" and item.hints.get("said"):
        said = item.hints["said"]
        return rng.choice([f"How did you get {said}? Which of {a} and {b} did you use?",
                           f"Where does your {said} come from: what did you do with {a} and {b}?",
                           f"Show me how you got {said}. What did you do with {a} and {b}?"])
    return ""


class Scribe:
    """The tutor's model while examples are made: it records each prompt and answers a wording request with a reply
    from this file; any other request (a hidden solve, a stage this file does not word) gets an empty draft."""

    def __init__(self, item: Item, rng: random.Random):
        self.item, self.rng = item, rng
        self.asked: list[tuple[list[dict], str]] = []  # (messages, reply) for every wording request
        self.unworded: list[str] = []  # the moves this file has no phrasing for

    def __call__(self, messages: list[dict], **_: Any) -> Iterator[str]:
        instruction = messages[0]["content"].split("\nThis turn: ", 1)[-1].split("\nThe problem: ")[0]
        reply = self.reply(instruction)
        if reply:
            self.asked.append(([dict(m) for m in messages], reply))
        elif instruction.startswith(WORD_EVIDENCE):
            self.unworded.append(instruction)
        return iter([reply])

    def reply(self, instruction: str) -> str:
        if instruction.startswith(WORD_STEP):
            return word_step(instruction.removeprefix(WORD_STEP), self.rng)
        if instruction.startswith(WORD_EVIDENCE):
            move, _, evidence = instruction.removeprefix(WORD_EVIDENCE).rpartition(" The evidence: ")
            return word_evidence(move, evidence, self.rng) or ""
        stage = next((s for s, t in TEMPLATES["math"].items() if self.item.subject == "math"
                      and instruction == t["instruction"]), "")
        return word_stage(stage, self.item, self.rng) if stage else ""


# ============================================================================ running the tutor, keeping what passes

def make_example(item: Item, facts: Facts | None, rng: random.Random) -> tuple[dict | None, str]:
    """(example, "") when the tutor says the scribe's reply and the reply passes the rubric checks, else (None, why)."""
    scribe = Scribe(item, rng)
    tutor = Tutor(scribe, knowledge=(lambda: facts) if facts is not None else None)
    events = list(tutor.respond(f"moves-{item.id}", item.message, item.subject))
    final = events[-1]
    if any(e["type"] == "error" for e in events):
        return None, "tutor error"
    if not scribe.asked:
        return None, "no phrasing here for this move" if scribe.unworded else "no model wording at run time"
    messages, reply = scribe.asked[0]
    wording = [e for e in events if e.get("name") == "wording"]
    if wording and wording[0]["source"] != "model":
        return None, f"the tutor's check refused it ({wording[0].get('why', ['not faithful'])[0].split(':')[0]})"
    if reply not in final["text"] and not all(s in final["text"] for s in split_sentences(reply)):
        return None, "filtered or withheld at run time"
    checks = rubric_checks(final["text"], item.case)
    failed = [k for k, bad in (("specific", False), ("asks", False), ("leak", True), ("praises_wrong", True),
                               ("engages", False), ("consistent", False)) if checks[k] is bad]
    if failed:
        return None, f"rubric: {failed[0]}"
    return {"id": item.id, "source": "grounded", "origin": item.source, "subject": item.subject, "kind":
            item.case["kind"], "messages": [*messages, {"role": "assistant", "content": reply}]}, ""


# ============================================================================ train-only items

def gsm8k_items(root: Path, rng: random.Random) -> Iterator[Item]:
    """GSM8K train: a planned problem gets help, insist and right-first-step openers (the planner's step is worded);
    any other with a first <<a*b=c>> step gets help and a wrong first result (a stage draft with its quantities)."""
    path = require_data(root / "gsm8k" / "train.jsonl", "gsm8k")
    for line, row in read_jsonl(path, ("question", "answer")):
        question, answer = row["question"].strip(), row["answer"].split("####")[-1].strip()
        first = STEP.search(row["answer"])
        case = {"subject": "math", "problem": question, "answer": answer, "steps": [], "evidence": []}
        plan = plan_of(question)
        if plan is not None:
            step = plan.steps[0]
            kinds = [("help", question), ("insist", f"{question} Just tell me the answer."),
                     ("help", f"{question} I don't know where to start.")]
            if len(plan.steps) > 1:
                kinds.append(("correct_step", f"{question} {rng.choice(['I got', 'I think the first part is'])} "
                                              f"{fmt(step.value)}."))
            for n, (kind, message) in enumerate(kinds):
                yield Item(f"gsm8k-{line}-{n}", "gsm8k", "math", message,
                           case | {"kind": kind, "student_message": message, "attempt": ""})
            continue
        operands = {Fraction(n) for n in re.findall(r"\d+(?:\.\d+)?", first.group(1))} if first else set()
        quantities = [phrase for value, phrase in given_numbers(question)  # "50 minutes", "$12": not a bare "5"
                      if value in operands and (" " in phrase or "$" in phrase)]
        if first is None or len(quantities) < 2:
            continue
        value = first.group(2).strip()
        yield Item(f"gsm8k-{line}-h", "gsm8k", "math", question,
                   case | {"kind": "help", "student_message": question, "attempt": ""}, {"quantities": quantities})
        if re.fullmatch(r"\d+", value):
            wrong = str(int(value) + rng.choice([-3, -1, 1, 2, 10]))
            message = f"{question} {rng.choice(['I got', 'Is it', 'My answer is'])} {wrong}."
            yield Item(f"gsm8k-{line}-w", "gsm8k", "math", message,
                       case | {"kind": "wrong_attempt", "student_message": message, "attempt": wrong},
                       {"quantities": quantities, "said": wrong})


def obqa_items(root: Path, rng: random.Random) -> Iterator[Item]:
    """OpenBookQA train questions with their options: help, a wrong option, the right option, and insist."""
    path = require_data(root / "openbookqa" / "obqa_train_llm_adapters.jsonl", "openbookqa")
    for line, row in read_jsonl(path, ("id", "question", "choices", "answerKey")):
        labels, texts = row["choices"]["label"], row["choices"]["text"]
        right = texts[labels.index(row["answerKey"])]
        wrong = rng.choice([t for t in texts if t != right])
        question = mc_question(row)
        case = {"subject": "science", "problem": question, "answer": right, "steps": [], "evidence": []}
        kind, message = rng.choice([
            ("help", question), ("help", f"{question} I'm not sure how to start."),
            ("wrong_attempt", f"{question} I think it's {wrong}."), ("wrong_attempt", f"{question} Is it {wrong}?"),
            ("correct_answer", f"{question} I think it's {right}."),
            ("insist", f"{question} Just tell me which one.")])
        attempt = wrong if kind == "wrong_attempt" else right if kind == "correct_answer" else ""
        yield Item(f"obqa-{row['id']}", "obqa", "science", message,
                   case | {"kind": kind, "student_message": message, "attempt": attempt})


READING_ASKS = [("help", "What lesson does the story teach?"), ("help", "What is the main idea of this fable?"),
                ("help", "What did the {a} want?"), ("help", "How did the {a} feel at the end?"),
                ("help", "Why did the {a} do what it did?"), ("help", "What happened to the {a}?"),
                ("help", "What does \"{w}\" mean in the story?"), ("insist", "What did the {a} learn? Just tell me."),
                ("wrong_attempt", "What lesson does the story teach? I think the lesson is {wrong}"),
                ("wrong_attempt", "What happened to the {a}? I think the {a} won in the end."),
                ("correct_answer", "What lesson does the story teach? I think it's that {moral}")]


def fable_items(root: Path, rng: random.Random, repeats: int = len(READING_ASKS)) -> Iterator[Item]:
    """Aesop's fables (public domain): the fable as the passage, the moral as what must not leak, and questions on
    its characters, a long word, its lesson; wrong lessons are other fables' morals."""
    path = require_data(root / "children_stories" / "aesop_fables.txt", "children_stories")
    fables = [(t, b) for t, b in aesop_fables(strip_gutenberg(read_text(path), path)) if "\n\n" in b]
    morals = [b.rsplit("\n\n", 1)[1].strip() for _, b in fables]
    for n, (title, body) in enumerate(fables):
        story, moral = body.rsplit("\n\n", 1)
        names = [w for w in re.findall(r"\b[A-Z][a-z]{2,}\b", title) if w not in ("The", "And")]
        long_words = sorted({w for w in re.findall(r"\b[a-z]{8,}\b", story)}, key=len, reverse=True)
        if not names or len(story.split()) > 260 or len(split_sentences(story)) < 3:
            continue
        for k, (kind, ask) in enumerate(rng.sample(READING_ASKS, min(repeats, len(READING_ASKS)))):
            if "{w}" in ask and not long_words:
                continue
            message = ask.format(a=rng.choice(names), w=rng.choice(long_words or ["x"]), moral=_lower_first(moral),
                                 wrong=_lower_first(rng.choice([m for m in morals if m != moral.strip()])))
            passage = f"{title}\n\n{story.strip()}"
            attempt = message.split("? ", 1)[1] if kind in ("wrong_attempt", "correct_answer") else ""
            case = {"subject": "reading", "problem": message.split("? ")[0] + "?", "passage": passage,
                    "answer": moral.strip(), "kind": kind, "student_message": message, "attempt": attempt,
                    "steps": [], "evidence": []}
            yield Item(f"aesop-{n}-{k}", "aesop", "reading", f"{passage}\n\n{message}", case)


class Openbook(Facts):
    """OpenBookQA's open book searched like lesson.Facts, keeping only facts that share two content words with the
    question: the run-time knowledge base finds related facts, and a move on an unrelated one teaches nothing."""

    def search(self, query: str, k: int = 3) -> list[dict[str, str]]:
        wanted = set(content_words(query))
        return [hit for hit in super().search(query, k) if len(wanted & set(content_words(hit["text"]))) >= 2]


def openbook(root: Path) -> Openbook:
    path = require_data(root / "openbookqa" / "openbook.txt", "openbookqa")
    return Openbook([line.strip().strip("\"") + "." for line in path.read_text().splitlines() if line.strip()])


# ============================================================================ the set

@dataclass
class MovesConfig:
    out: str = "out/sft/grounded.jsonl"
    seed: int = 0
    max_per_source: int = 800  # kept examples per source at most


def item_rngs(seed: int) -> dict[str, random.Random]:
    """One generator per source, so a source's items do not depend on how many examples the others kept."""
    return {source: random.Random(f"{seed}-{source}") for source in ("gsm8k", "obqa", "aesop")}


def build_moves(cfg: MovesConfig, root: Path | None = None) -> tuple[list[dict], dict[str, Counter]]:
    """(kept examples, per source: kept and each drop reason counted)."""
    root = root or shared_data_dir()
    rng = random.Random(cfg.seed)  # the wording; each source draws its items with its own (`item_rngs`)
    dec = Decontaminator.from_eval_splits(root, present_only=True)
    facts = openbook(root)
    counts: dict[str, Counter] = {}
    kept = []
    draw = item_rngs(cfg.seed)
    for items, kb in ((gsm8k_items(root, draw["gsm8k"]), None), (obqa_items(root, draw["obqa"]), facts),
                      (fable_items(root, draw["aesop"]), None)):
        for item in items:
            tally = counts.setdefault(item.source, Counter())
            if tally["kept"] >= cfg.max_per_source:
                break
            if dec.is_contaminated(item.message):
                tally["overlaps an evaluation split"] += 1
                continue
            example, why = make_example(item, kb, rng)
            tally[why or "kept"] += 1
            if example is not None:
                kept.append(example)
    return kept, counts


def main(argv: list[str] | None = None) -> None:
    cfg = parse_config(MovesConfig, argv)
    kept, counts = build_moves(cfg)
    atomic_write_jsonl(cfg.out, kept)
    for source, tally in counts.items():
        print(f"{source}: " + ", ".join(f"{why} {n}" for why, n in tally.most_common()))
    print(f"{len(kept)} examples -> {cfg.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
