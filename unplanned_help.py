"""A help request on a word problem the planner has no plan for: what to ask first. Never a list of every number
the problem gives (a frame that fits any problem): the words that relate its quantities ("twice as many as Ben"),
quoted as a phrase; else the question's own relating word ("left", "fraction"); else one quantity the problem names,
the one whose sentence shares most words with the question, asked for what it means here."""
from __future__ import annotations

import re
from fractions import Fraction

from wording import (content_words, first_move_question, problem_sentences, problem_terms, question_sentence,
                     question_target)

_RELATION = re.compile(r"\b(?:times|as many|as much|more|fewer|less|each|every|per|half|twice|double|together|in all|"
                       r"altogether|total|percent|mean|average)\b|%", re.I)


# words of a question sentence that say how its numbers relate ("What fraction ...", "How many are left?")
_ASKED_RELATION = re.compile(r"\b(?:fraction|left|remain\w*|difference|average|mean|share\w*|split|ratio)\b", re.I)


def first_move(problem: str, given: list[tuple[Fraction, str]]) -> tuple[str, str]:
    """A help request without a plan: wording's first move, unless it only lists the numbers ("You know 3 times and 48
    shells ..."): then the words that relate the quantities ("3 times as many shells as Ben", "on Tuesday twice as
    much as Monday"), quoted as a phrase (never a whole sentence pasted into a frame), with what they tell about the
    question's target; with none outside the question, its own relating word ("fraction", "more", "left")."""
    lead, question = first_move_question(problem, given)
    asked = question_sentence(problem_sentences(problem))
    clauses = [c.strip(" .") for p in problem_sentences(problem) if p != asked for c in re.split(r",\s*(?:and )?", p)]
    relation = next((c for c in clauses if _RELATION.search(c) and re.search(r"\d|\b(?:twice|half)\b", c)), "")
    if not question.startswith("You know"):
        return lead, question
    asked_relation = _RELATION.search(asked) or _ASKED_RELATION.search(asked)
    if not relation and asked_relation and problem_terms(problem, asked):   # "What fraction of them are blue?"
        return lead, f"What does \"{asked_relation.group().lower()}\" in the question tell you to do with " \
                     f"{problem_terms(problem, asked)}, and what would you work out first?"
    if not relation:
        named, target = named_quantity(problem, given), question_target(asked) or "the answer"
        return lead, f"Start with the {named}: what does that tell you about {target}?" if named else question
    start = re.search(r"\b(?:mean|average) (?:score )?(?:of|over|for) |(?:\b(?:on|in|at) \w+ )?"
                      r"(?:\d|\b(?:twice|half|double|triple)\b)", relation)
    phrase = relation[start.start():] if start else relation
    phrase = re.split(r"\s+(?:and|but|so) (?=i|he|she|they|we|you)\b", phrase)[0]   # not the next clause
    target = question_target(asked) or "the answer"
    return lead, f"What does \"{phrase}\" tell you about {target}, and what would you work out first?"


def named_quantity(problem: str, given: list[tuple[Fraction, str]]) -> str | None:
    """One quantity the problem names outside its question ('95 km'): the one whose sentence shares most words with
    the question (the first on a tie); None when it names none."""
    asked = question_sentence(problem_sentences(problem))
    named = [phrase for _, phrase in given if re.search(r"[a-z]", phrase) and phrase not in asked]
    wanted = content_words(asked)
    sentences = [s for s in problem_sentences(problem) if s != asked]

    def shared(phrase: str) -> int:
        return len(wanted & content_words(next((s for s in sentences if phrase in s), "")))

    return max(named, key=shared) if named else None
