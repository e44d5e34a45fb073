"""A stuck student's first move on a science question no topic card opens: the question's own form, a name asked
for, the observation a catalogued right idea comes with, what decides it, else the first step its form gives.

What it supports
- `stuck_move`: the move, chosen in that order; the facts ground it, never shown as the answer.
- `answers`: may a fact state the answer (it names the question's key terms)? Such a fact is never quoted.
- `fair_test_move`: "what happens to Y if you make X longer" with no fact to start from: the fair test that would
  show it, the one thing changed both ways and the rest kept the same, and a prediction asked for.
"""
from __future__ import annotations

import re

from evidence import KnowledgeBase, Move, key_terms
from text_words import base_forms, content_tokens, forms_of, written_out
from student_message import about, question_of
from science_catalog import FUNCTION, first_step
from named_questions import named_help, named_question
from science_fallback import SCAFFOLD, definition_term, honest_start, list_start, side_move, two_part_start
from science_help import clue_help, example_move, in_use_move
from science_chain import chain_move
from science_decides import contrast_move, kind_move, like_case_move, observation_move, reason_move

# a change the question makes to one thing, and the other way round: "longer" is tried beside "shorter"
OPPOSITES = dict(pair for a, b in [("longer", "shorter"), ("heavier", "lighter"), ("hotter", "colder"),
                                   ("warmer", "cooler"), ("bigger", "smaller"), ("larger", "smaller"),
                                   ("thicker", "thinner"), ("wider", "narrower"), ("stronger", "weaker"),
                                   ("higher", "lower"), ("faster", "slower"), ("steeper", "flatter"),
                                   ("brighter", "dimmer"), ("more", "fewer")]
                 for pair in ((a, b), (b, a)))
ADJ = "|".join(OPPOSITES)
# "if u make a pendulum string longer", "when you use a heavier ball": the one thing changed, and which way
CHANGED_AFTER = re.compile(rf"\b(?:if|when)\s+(?:you\s+|u\s+|we\s+)?(?:make|get)\s+(?P<x>(?:the\s+|an?\s+|your\s+)?"
                           rf"[a-z][a-z\s-]*?)\s+(?P<adj>{ADJ})\b", re.I)
CHANGED_BEFORE = re.compile(rf"\b(?:if|when)\s+(?:you\s+|u\s+|we\s+)?(?:use|add|have|pick)\s+(?:the\s+|an?\s+)?"
                            rf"(?P<adj>{ADJ})\s+(?P<x>[a-z-]+(?:\s+[a-z-]+)?)", re.I)
# "what happens to how long one swing takes": the effect asked for, up to the change or the question's end
EFFECT = re.compile(r"\bwhat\s+happens\s+to\s+(?P<y>[^?.!]+?)(?=\s+(?:if|when)\b|\W*$|\?)", re.I)


def fair_test_move(question: str) -> Move | None:
    """The fair test a "what happens to Y if you make X longer" question asks about, where no fact starts it: only X
    changed, both ways, everything else kept the same, and the student's prediction for Y asked before any answer."""
    asked = written_out(question_of(question) or question)
    effect, change = EFFECT.search(asked), CHANGED_AFTER.search(asked) or CHANGED_BEFORE.search(asked)
    if not effect or not change:
        return None
    x, adj, y = change.group("x"), change.group("adj"), effect.group("y")
    thing = re.sub(r"^(?:an?|your)\s+", "the ", x.strip(), flags=re.I)
    thing = thing if thing.lower().startswith("the ") else f"the {thing}"
    return Move(f"Picture a fair test: change only {thing}, first {OPPOSITES[adj.lower()]}, then {adj.lower()}, and "
                f"keep everything else the same. What do you predict for {y.strip()}, and how could you measure it?",
                "fact", None, [])


def answers(fact: str, question: str) -> bool:
    """May the fact state the answer? It names every key term of the question (or all but one of three or more):
    "Fish breathe with gills" to "How do fish breathe underwater?", "Radiation ... is how the Sun warms the Earth"
    to "How does heat from the Sun get to Earth?". A fact about part of the question leaves the answer to work out."""
    terms, said = key_terms(question), forms_of(fact)
    named = sum(bool(base_forms(term) & said) for term in terms)
    return bool(terms) and named >= (len(terms) - 1 if len(terms) >= 3 else len(terms))



def stuck_move(question: str, facts: list[str], searched: list[str], kb: KnowledgeBase) -> Move:
    """A stuck student's first move where no card opens the lesson: the question's own form (two parts, a list), a
    name asked for, the observation a catalogued right idea comes with, what decides it (one side of a difference, a
    why-fact's thing), a word's examples, else the first step its form gives. The facts ground it, never shown."""
    asked = question_of(question) or question
    forms = {form for word, _ in content_tokens(" ".join(facts[:1])) for form in base_forms(word)}
    terms = sorted(key_terms(question), key=lambda t: (not base_forms(t) & forms, -len(t)))  # the fact's term first
    # what a naming question asks for, from its own structure; "the job of the liver" names no kind of thing
    if start := two_part_start(question):  # two questions in one: the first part first
        return Move(start, "fact", None, facts[:1])
    if start := list_start(question):  # the parts of a whole: any one first
        return Move(start, "fact", None, facts[:1])
    # a name asked for ("What do we call ...?"), not a term to define, a job, or a difference between two things
    if (named := named_question(asked)) and not FUNCTION.search(asked) and not definition_term(question) \
            and named.head not in SCAFFOLD \
            and (helped := clue_help(asked, kb) or named_help(named)):
        return Move(helped, "fact", None, [])
    if not (named and named.kind == "part") and (observed := observation_move(asked, answers)):  # the everyday
        return observed  # case that shows the deciding fact; which part does a job is no outcome one shows
    pool = list(dict.fromkeys([*facts, *searched]))  # one side of a difference, or of a fact that sets the
    # asked thing beside another; what a why-answer's reason is about; the kind of place or material a fact sorts
    # the asked thing by
    if side := side_move(question, facts, kb) or contrast_move(None, question, pool) or \
            reason_move(None, asked, pool) or kind_move(asked, pool) or like_case_move(asked, pool):
        return side
    if used := in_use_move(asked, kb) or example_move(asked, kb):  # a word's meaning asked: the textbook's
        # sentence using it on examples, else its examples alone
        return used
    if linked := chain_move(question, pool) or fair_test_move(question):  # where the textbook's cause chain
        return linked  # starts, never its next step; else the test that would show a change's effect
    quoted = [f"\"{t}\"" for t in terms[:2]] or ["the key word in the question"]
    return Move(first_step(question, terms, about(question)) or honest_start(question, quoted, about(question)),
                "fact", None, facts[:1])
