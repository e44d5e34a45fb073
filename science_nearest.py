"""The topic card nearest a wrong idea that no card's pattern, catalogued misconception or fact decided: the
question and the claim read together by the encoder find the card whose scenario they are about, and its opening (a
contrast question or a prediction test an expert asks about that very idea) replaces the stock frames the fallback
would say ("Check the link: does X always mean Y?", "Your idea: X. What have you seen ...?", "The textbook does not
agree with X").

The card is never used to doubt right work: a claim the card accepts, or says in other words (science_support's
`card_meant`), or that the card's verdict weighed by meaning leaves right, partial or near, keeps the fallback. The
encoder is optional: without it neither the card nor the meaning check is read, and the caller's own move stands.

    .venv/bin/python science_nearest.py "Why does a dead leaf disappear from the forest floor?" "it just stays there"
"""
from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from evidence import Move, encoder
from text_words import COMMON, base_forms, content_tokens, forms_of
from student_message import question_of
from science_catalog import (ASKING_WORDS, CARDS, LETTERED_OPTIONS, MISCONCEPTIONS, WORDINGS, WRITTEN_ANSWER,
                             Misconception, TopicCard, answer_of, asked_kind, card_vectors, catalog_vectors, denies,
                             names_card_terms)
from science_decides import reasoned_verdict
from science_fallback import VAGUE
from science_support import card_meant, weighed_verdict
from claim_relations import own_objects

if TYPE_CHECKING:
    from retrieval import Embedder

# Chosen on sciwrong27's dev half and the tune split's science rows (session 23): at 0.65, with the runner-up 0.08
# behind, every card taken was on the scenario of the question and the claim; at 0.61 "because their feet are
# rubber" (birds on a power line) took the card on webbed feet, and at 0.62 with a runner-up 0.02 behind a question
# on the Moon's phases took the card on lunar eclipses.
CLAIM_CARD_COSINE, CLAIM_CARD_MARGIN = 0.65, 0.08
# A claim sent with no question ("the rubber band makes energy") is read alone: on the same rows every card at 0.70
# or nearer was its own (elastic energy, sound needing a medium), and the wrong ones read 0.61 and under.
ALONE_COSINE = 0.70
# science_catalog.resembles_misconception's bounds, which its tests hold every right answer of the tune split under
MISCONCEPTION_COSINE, MISCONCEPTION_MARGIN = 0.75, 0.12
ASKING_FORMS = {form for word in ASKING_WORDS for form in base_forms(word)} | COMMON


def claim_card(claim: str, question: str, embedder: Embedder | None) -> TopicCard | None:
    """The card whose topic and example question the question and the claim read as together: at least
    `CLAIM_CARD_COSINE` near and `CLAIM_CARD_MARGIN` nearer than the runner-up, naming one of the card's own scenario
    words, asking for the same kind of thing as the card's example (or both none), and not a question that lists
    options or asks for a written answer; a claim with no question, read alone, at least `ALONE_COSINE` near. None
    where the card would call right work into doubt (`says_card_right`)."""
    asked = question_of(question) or ""
    if embedder is None or LETTERED_OPTIONS.search(question) or WRITTEN_ANSWER.search(asked):
        return None
    scene = f"{asked} {claim}" if asked and claim.lower() not in asked.lower() else asked or claim
    scores = card_vectors(embedder) @ embedder.encode([scene])[0]
    best, second = sorted(range(len(CARDS)), key=lambda i: -float(scores[i]))[:2]
    card = CARDS[best]
    # a claim with no question names less of its scenario: "A bc the ice changes into water" reads 0.62 near the card
    # on ice floating
    least = CLAIM_CARD_COSINE if asked else ALONE_COSINE
    near = scores[best] >= least and scores[best] - scores[second] >= CLAIM_CARD_MARGIN
    if not near or not names_card_terms(scene, card) or asked_kind(asked) != asked_kind(card.example_question):
        return None  # "Is the Sun a planet?" asks no kind; the card on the largest planet leads to a planet's name
    return None if says_card_right(card, claim, asked, embedder) else card


def claim_misconception(claim: str, question: str, embedder: Embedder | None) -> Misconception | None:
    """The catalogued wrong idea the claim says in words neither its pattern nor its topic words know, read with the
    question: one of the entry's wordings at least `MISCONCEPTION_COSINE` near the claim (denying as the claim does),
    `MISCONCEPTION_MARGIN` nearer it than to the entry's right idea, and the entry's wrong idea naming a word of the
    question or the claim beyond the asking words."""
    asked = question_of(question) or ""
    if embedder is None or len(content_tokens(claim)) < 3:
        return None
    wrong, right = catalog_vectors(embedder)
    vector = embedder.encode([claim])[0]
    nearest = [-1.0] * len(MISCONCEPTIONS)
    for (i, text), score in zip(WORDINGS, (float(s) for s in wrong @ vector)):
        if denies(text) == denies(claim):
            nearest[i] = max(nearest[i], score)
    said = forms_of(f"{asked} {claim}") - ASKING_FORMS
    best = max(range(len(MISCONCEPTIONS)), key=lambda i: nearest[i])
    entry = MISCONCEPTIONS[best]
    if nearest[best] < MISCONCEPTION_COSINE or nearest[best] - float(vector @ right[best]) < MISCONCEPTION_MARGIN \
            or not said & forms_of(f"{entry.name} {entry.example}") or re.search(entry.pattern, claim, re.I):
        return None  # its own words in the claim met a negation there: the claim denies that idea
    return entry


def says_card_right(card: TopicCard, claim: str, asked: str, embedder: Embedder) -> bool:
    """Does the claim say the card's idea, whole or in part, by its patterns or by meaning? Such a claim is not the
    wrong idea the card's opening tests."""
    said = reasoned_verdict(card, claim, asked)
    weighed = weighed_verdict(card, claim, asked, said, embedder)
    return weighed in ("right", "partial", "step", "near") or said in ("right", "partial") \
        or card_meant(card, claim, asked, embedder)


def nearest_card_move(claim: str, question: str, label: str | None,
                      embedder: Embedder | None = None) -> Move | None:
    """The opening of the card nearest the claim and its question, else the test of the catalogued wrong idea nearest
    it, about the scene's own things, in place of a stock frame; None for a claim with a placeholder for its key term
    (a vague part, not a wrong idea), where nothing is near enough, or where the encoder is absent."""
    if VAGUE.search(claim):  # "they carry stuff around the body": a part said vaguely, for the fallback to name
        return None
    encoded = embedder if embedder is not None else encoder()
    if card := claim_card(answer_of(claim), question, encoded):
        return Move(own_objects(card.opening, f"{question} {claim}"), "card", label, [])
    if entry := claim_misconception(answer_of(claim), question, encoded):
        return Move(own_objects(entry.question, f"{question} {claim}"), "misconception", "contradicted", [])
    return None


def main(argv: list[str]) -> None:
    if len(argv) != 2 or argv[0] in ("-h", "--help"):
        sys.exit(__doc__)
    move = nearest_card_move(argv[1], argv[0], None)
    print(move.text if move else "(no card near enough)")


if __name__ == "__main__":
    main(sys.argv[1:])
