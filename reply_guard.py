"""The guard over every reply: praise words only with a "confirm" verdict (the checker or the planner found the
student right), and never an internal label (a topic id like earth_space, a stage name, a config key).

Who uses it: agent.py runs `guard_reply` over every piece of every reply, trusted or drafted by the model;
tests use `praises` and `INTERNAL` to check replies the same way.

    .venv/bin/python -m pytest -q tests/test_lesson.py
"""
from __future__ import annotations

import re

# Praise opens a sentence ("Yes!", "Great job, ...") or is a phrase anywhere ("that's right", "well done"); a "yes"
# inside a sentence ("say yes and we'll start") is no praise, nor a word quoted ('"Nice" may fit Jun': a trait)
PRAISE_OPENING = re.compile(r"^(?!\W*[\"“][A-Za-z]+[\"”])\W*(?:(?:good|great|nice|excellent) "
                            r"(?:job|work|thinking|try|effort|question|idea|"
                            r"start)|yes|yeah|yep|exactly|good|great|correct|perfect|excellent|nice|awesome|right|"
                            r"well done|bravo|spot on)\b[\s,!.:]*", re.I)
PRAISE_PHRASE = re.compile(r"\b(?:that(?:'s| is) (?:it|right|correct)|you(?:'re| are) (?:right|correct)|you got it|"
                           r"exactly right|well done|spot on|(?:good|great|nice) job)\b", re.I)
# praise in a statement, not in a question ("Have you got the answer yet?" asks)
_VERDICT_WORDS = re.compile(r"\b(?:is|was) (?:correct|right)\b"
                            r"|\byou(?:'ve| have)? got (?:the|it|that) (?:answer|right)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|isn'?t|n'?t)\s+(?:quite\s+)?(?:correct|right|good)\b", re.I)


def praises(sentence: str) -> bool:
    """Does a sentence praise the student (opening praise, or a praising phrase that is not negated)?"""
    plain = _NEGATED.sub("", sentence)
    statement = not sentence.rstrip().endswith("?")
    return bool(PRAISE_OPENING.search(sentence) or PRAISE_PHRASE.search(plain)
                or (statement and _VERDICT_WORDS.search(plain)))


# stage, probe, config, temperature only as settings ("stage: probe"): "a stage of the life cycle" is science
INTERNAL = re.compile(r"\b[a-z]+_[a-z_]+\b|\b(?:elicit|hint_level|max_tokens|hidden_solve|system prompt)\b|"
                      r"\b(?:stage|probe|config|temperature)\s*[=:]", re.I)


def guard_reply(text: str, verdict: str) -> str:
    """Every piece of every reply passes here. Praise words are said only with a "confirm" verdict (the checker or
    the planner found the student right); any other sentence carrying praise loses it, and a sentence that names an
    internal label (a topic id like earth_space, a stage name, a config key) is dropped."""
    kept = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if INTERNAL.search(sentence):
            continue
        if verdict != "confirm" and praises(sentence):
            sentence = PRAISE_OPENING.sub("", sentence)
            if not sentence.strip() or praises(sentence):
                continue
            sentence = sentence[0].upper() + sentence[1:]
        kept.append(sentence.strip())
    return " ".join(s for s in kept if s)
