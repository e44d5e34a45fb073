"""The order of a reading text's steps, and how a move names a sentence: `named` points by its opening (no word of the
answer) or by its place; `sequence_check` meets a step told out of order with the place where the passage tells it.

    .venv/bin/python -m pytest -q tests/test_reading_moves.py tests/test_evidence_moves.py
"""
from __future__ import annotations

import re

from evidence import Verdict, claim_parts
from text_words import base_forms, content_tokens, content_words, stem
from passages import EDGE_EVENT, EVENT
from locate import dated, event_line
from reading_asks import said_as
from reading_verdict import told_in_order
from sentence_questions import found_event, opening


TITLE = re.compile(r"Mr|Mrs|Ms|Dr|Miss")


def named(sentences: list[str], i: int, question: str, where: list[str]) -> str:
    """'the sentence that begins "..."' when a leak-free opening still says which one, else its place in the text."""
    begins = opening(sentences[i], question)
    shared_opening = sum(s.strip(" \"'“”").startswith(begins.rstrip(".")) for s in sentences) > 1
    spoken = re.search(r"[\"“”]", begins)  # "That's okay," Tomas answered." inside our quotes reads garbled
    if len(begins.split()) >= 2 and content_words(begins) and not shared_opening and not spoken:  # "The crow..." twice
        return f"the sentence that begins \"{begins}\""
    place = where[i] if i < len(where) else f"sentence {i + 1} of the passage"
    asked = {form for word, _ in content_tokens(question) for form in base_forms(word)}
    shared = [re.search(rf"(?i)\b{re.escape(word)}", sentences[i]).group(0)  # as written: "Nora", not "nora"
              for word, _ in dict.fromkeys(content_tokens(sentences[i])) if base_forms(word) & asked]
    titled = [f"{t}. {n}" for t, n in zip(shared, shared[1:]) if re.search(rf"\b{t}\.? {n}\b", sentences[i])
              and TITLE.fullmatch(t)]  # "Ms. Park" is one name, not "Ms" and "Park"
    shared = titled + [w for w in shared if not any(w in t.split(". ") for t in titled)]
    # the question's own words that the sentence holds say which one it is, and give nothing away
    return f"{place}, the one with " + " and ".join(f"\"{w}\"" for w in shared[:2]) if shared else place


# "put in order: a, b, c. i think b, a, c": the list the task gives is not the order the student put
_TASK_LIST = re.compile(r"\bin (?:the right |the )?order\s*:\s*([^.?!]+)[.?!]\s+\S", re.I)


def own_order(claim: str, question: str) -> str:
    """The student's order without the task's own list before it, when the message gives both."""
    task = _TASK_LIST.search(question)
    listed = task.group(1).strip() if task else ""
    at = claim.find(listed) if listed else -1
    rest = claim[at + len(listed):] if at >= 0 else ""
    return rest if rest.strip(" ,.:") else claim


def _stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


def passage_order(parts: list[str], sentences: list[str]) -> list[int] | None:
    """The sentence telling each part, when one sentence alone shares most of its words ("sail alone" and "he sailed
    alone"); None when any part is told nowhere or in two sentences alike."""
    lines = []
    for part in parts:
        scores = [len(_stems(part) & _stems(s)) for s in sentences]
        best = max(scores, default=0)
        if best == 0 or scores.count(best) > 1:
            return None
        lines.append(scores.index(best))
    return lines


def sequence_check(claim: str, question: str, sentences: list[str], top: int, where: list[str]) -> str:
    """Two events in the wrong order: ask which the passage puts first; a whole order the passage tells as given is
    confirmed; else point to the step's sentence."""
    parts = [p.strip(" ,.") for p in claim_parts(own_order(claim, question))]
    lines = passage_order(parts, sentences) if len(parts) > 1 else None
    if lines is not None and all(a < b for a, b in zip(lines, lines[1:])):
        return ("Yes, that is the order the passage tells them in. Which words in the passage showed you what came "
                "first?")
    told = told_in_order(parts, sentences)
    swapped = next(((a, b) for a in range(len(parts)) for b in range(a + 1, len(parts)) if told[a] > told[b]), None)
    if swapped:
        first, second = (re.sub(r"(?i)^(?:first|then|next|finally|after that)\s+", "", parts[i]) for i in swapped)
        return (f"You put \"{first}\" before \"{second}\". Find both in the passage and look at the word each "
                f"sentence starts with: which one does the passage put first?")
    edge, event = EDGE_EVENT.search(question), EVENT.search(question)
    edge = edge if edge and not content_words(question[:edge.start()]) else None  # "which legs come first" asks legs
    if edge or event or dated(question, sentences) is not None:  # the step asked about is where the text tells it
        aim = (0 if edge.group(1).lower() == "first" else len(sentences) - 1) if edge else top
        found = (f"{found_event(event.group(2), sentences)}, then read "
                 f"{named(sentences, aim, question, where)}, just {event.group(1).lower()} it" if event and not edge
                 else f"Read {named(sentences, aim, question, where)}")
        return f"{found}. What happens there? Does it match {said_as(claim)}?"
    step = told[0] if told else top
    return (f"Find {named(sentences, step, question, where)}. Is that where your step comes in the order? What does "
            f"the passage say comes just before it?")


def claim_line(claim: str, sentences: list[str]) -> int | None:
    """The one sentence that tells a step as the student put it: it holds most of the claim's own words, two and half
    of them at least, and more than any other sentence."""
    words = set(content_words(claim))
    scores = [len(words & set(content_words(s))) for s in sentences]
    best = max(scores, default=0)
    return scores.index(best) if best >= 2 and 2 * best >= len(words) and scores.count(best) == 1 else None


def out_of_order(question: str, claim: str, sentences: list[str], verdict: Verdict) -> int | None:
    """A step the passage does tell, but on the wrong side of the moment the question names ("What did Ava do after
    she remembered ...?" answered with what she did every day before): the sentence beside that moment, on the side
    asked. None when the step is on the asked side or in the moment's own sentence ("When the water went down, they
    went back inside"), or the step or the moment cannot be found."""
    event = EVENT.search(question)
    told = sentences.index(verdict.sentence) if verdict.label == "supported" and verdict.sentence in sentences \
        else claim_line(claim, sentences)
    at = event_line(event.group(2), sentences) if event and told is not None else None
    after = bool(event) and event.group(1).lower() == "after"
    if at is None or ((told >= at) if after else (told <= at)):
        return None
    return min(max(at + (1 if after else -1), 0), len(sentences) - 1)


def order_move(question: str) -> str:
    """The move on a step told on the wrong side of the moment asked about: it happens, but earlier (or later); the
    moment is found, and the sentence beside it asked about, never read out."""
    event = EVENT.search(question)
    side = event.group(1).lower() if event else "after"
    moment = event.group(2).strip(" ?.") if event else "that moment"
    return (f"That does happen, but {'earlier' if side == 'after' else 'later'} in the passage, "
            f"{'before' if side == 'after' else 'after'} {moment}. Find where that is told, then read the sentence "
            f"just {side} it: what happens there?")
