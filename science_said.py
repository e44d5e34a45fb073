"""A student's short answer said as the statement it answers, the words a card's patterns and the facts are written
in: a bare yes or no to a yes/no question claims the question's statement or its denial (`yes_no_claim`), a short
answer completes a "What do ... ?" question (`completed`), an "it" stands for the one property asked about
(`its_property`). Moved from science_moves.py in session 21 (round 25), behaviour unchanged."""
from __future__ import annotations

import re

from science_catalog import BARE_POLAR, BARE_VERBS, POLAR_QUESTION, plural
from text_words import base_forms, forms_of
from science_fallback import STATEMENT


DETERMINERS = {"the", "a", "an", "your", "our", "my", "their", "all", "most", "some", "every", "any", "this", "that",
               "these", "those", "heavier", "lighter", "bigger", "smaller", "larger", "hotter", "colder"}
VERBS = BARE_VERBS | set("""travel pull push roll conduct attract repel weigh contain absorb reflect orbit cause
breathe drink sleep hunt help protect hold carry pass hurt matter count reach lay see hear""".split())


PREPOSITIONS = {"in", "into", "on", "onto", "of", "to", "from", "at", "with", "by", "for", "through", "under", "over"}


def yes_no_claim(claim: str, question: str) -> str:
    """A bare yes or no to a yes/no question claims the question's own statement, or its denial: "yes obviously" to
    "Do heavier objects fall faster than light ones?" says "heavier objects fall faster than light ones", which the
    catalog and the facts can judge, where "obviously" names nothing. Any other claim is kept as it is."""
    said, asked = BARE_POLAR.match(claim), POLAR_QUESTION.match(question)
    if not said or not asked:
        return claim
    aux, words = asked.group(1).lower(), asked.group(2).split()
    if aux in ("do", "does", "did"):  # the subject ends before its verb: "heavier objects | fall faster ..."
        at = verb_at(words)
        if at is None:
            return claim
        verb = words[at].lower()
        said_verb = {"have": "has", "go": "goes"}.get(verb) or plural(verb) if aux == "does" else verb  # "sinks"
        done = [*words[:at], said_verb] if said.group(1) else [*words[:at], aux, "not", verb]  # "does not sink"
        return " ".join([*done, *words[at + 1:]])
    cut = subject_end(words)
    return " ".join([*words[:cut], aux, *([] if said.group(1) else ["not"]), *words[cut:]])


def verb_at(words: list[str]) -> int | None:
    """Where the verb of a "do" question's statement starts: "heavier objects | fall faster", after its subject."""
    return next((i for i, w in enumerate(words) if i and w.lower() in VERBS), None)


def subject_end(words: list[str]) -> int:
    """Where the subject of a "be" question's statement ends: "the Sun | a star", "bats | mammals"."""
    cut = 2 if words[0].lower() in DETERMINERS and len(words) > 2 else 1
    # "dissolving sugar in water | a chemical change"; "the current going into the bulb" is one subject: an article
    # after a preposition opens its object, not the predicate
    article = next((i for i, w in enumerate(words) if i >= cut and w.lower() in ("a", "an", "the")), None)
    return article if article and article <= 5 and words[article - 1].lower() not in PREPOSITIONS else cut


# "nope its not alive", "no plants only take in carbon dioxide": an answering word, then a statement of its own
ANSWER_WORD = re.compile(r"^\W*(?:yes|yeah|yep|yup|ya|no|nope|nah)\b[\s,.!]*", re.I)
PRONOUN_OPENS = re.compile(r"^(?:(it'?s|it\s+is|its)|(they'?re|theyre|they\s+are)|it|they)\b", re.I)
MODALS = {"do", "does", "did", "can", "could", "will", "would", "should"}


def polar_subject(question: str) -> str | None:
    """The subject of a yes/no question's statement ("a seed" for "Is a seed alive?", "plants" for "Do plants need
    oxygen?"), or None where its verb is not found."""
    asked = POLAR_QUESTION.match(question)
    if not asked:
        return None
    aux, words = asked.group(1).lower(), asked.group(2).split()
    if aux in MODALS:
        at = verb_at(words)
        return " ".join(words[:at]) if at else None
    return " ".join(words[:subject_end(words)]) if aux in ("is", "are", "was", "were") and len(words) > 1 else None


def subject_said(claim: str, question: str) -> str:
    """An answer to a yes/no question that goes on with a statement of its own, said as that statement about the
    question's subject: "nope its not alive" to "Is a seed alive?" says "a seed is not alive", and "no plants only
    take in carbon dioxide" to "Do plants need oxygen?" says "plants only take in carbon dioxide" (the "no" answers,
    it denies nothing of the clause). The words a catalogued wrong idea is written in; any other claim is kept."""
    lead, subject = ANSWER_WORD.match(claim), polar_subject(question)
    rest = claim[lead.end():] if lead else ""
    if not lead or not subject or not rest.strip():
        return claim
    if pronoun := PRONOUN_OPENS.match(rest):
        be = " is" if pronoun.group(1) else " are" if pronoun.group(2) else ""
        return f"{subject}{be}{rest[pronoun.end():]}"
    head = re.sub(r"\W", "", subject.split()[-1])
    return rest if base_forms(rest.split()[0]) & forms_of(head) else claim


# "What do herbivores eat?": the subject and the verb a short answer completes
COMPLETES = re.compile(r"^\W*what\s+(?:do|does|did)\s+((?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?!do\b)([a-z]+)\W*$", re.I)


def completed(claim: str, question: str) -> str:
    """A short answer said as the statement it completes: "only plants" to "What do herbivores eat?" says
    "herbivores eat only plants", the words a card's answer is written in. Any other claim is kept as it is."""
    asked = COMPLETES.match(question)
    if len(claim.split()) > 4 or STATEMENT.match(claim):
        return claim
    if asked:
        return f"{asked.group(1)} {asked.group(2)} {claim}"
    # "What do bees carry between flowers that ...?": the verb (a known one) splits the subject from the rest
    opened = re.match(r"\W*what\s+(?:do|does|did)\s+(.+?)\W*$", question, re.I)
    words = opened.group(1).split() if opened else []
    at = next((i for i, w in enumerate(words) if 0 < i <= 4 and w.lower() in VERBS), None)
    return " ".join([*words[:at + 1], claim, *words[at + 1:]]) if at is not None else claim


# "What happens to its mass?": the one property the question asks about, which a student's "it" stands for.
PROPERTY_ASKED = re.compile(r"\bwhat\s+(?:happens|will happen|would happen)\s+to\s+(?:the|its|their|your|his|her)\s+"
                            r"(mass|weight|volume|temperature|speed|shape|density)\b", re.I)


def its_property(claim: str, question: str) -> str:
    """"it stays the same" to "What happens to its mass?" says "its mass stays the same", which a card can judge."""
    asked = PROPERTY_ASKED.search(question)
    return re.sub(r"^\W*it\b(?!'s|\s+is\b)", f"its {asked.group(1).lower()}", claim, count=1, flags=re.I) \
        if asked else claim
