"""The passage's own key: a right reading answer in the student's own words confirmed without a teacher's key
(session 22, issue #23).

answer_key.py decides an answer against a teacher's expected one (MiniLM separates right from wrong there, AUC ~0.85),
but most passages come without a key, and against the whole passage MiniLM does not separate them (AUC ~0.55). So the
key is derived: the lines the question points at (reading.clue_lines, each with its neighbours) and, in a line that
gives a reason, the clause after its cue ("because the cabin was so dark ...") are the expected answers. An answer is
confirmed with the line that shows it when
- it is close to one of them by MiniLM (`RIGHT_COSINE`),
- at least two of its own words, and at least half of them, are that answer's (forms, synonyms): a right answer says
  what the line says, a near miss about the same people ("Mr. Dell is mean") shares their names only,
- and nothing turns it (answer_key.turned: a denial more or less, an opposite word, a number or a detail from another
  part of the passage), nor does the line put its words under a limit ("Bees do far more than make honey" for "how
  bees make honey", `limited`).
Never for a whole-text question (main idea, theme: no one line is their key), an order, a feeling (passages.py's cue
words decide it), a word's or a quoted line's meaning (the line is the question's premise, not its answer), and only
where the reading move neither confirmed nor contradicted it, nor took it for a step, a detail or a true line off the
question (its own moves), nor is it a line copied (evidence, asked about).

probes26/readright26 (60 cases, written first; passages 1-6 dev, 7-12 check): `RIGHT_COSINE` chosen on the dev half,
between the closest wrong answer no guard turned (0.39) and the farthest right one (0.75), nearer the right side.
The derived key says right for 5/9 eligible right answers and 0/6 wrong on dev, 0/8 and 0/8 on check (no new
confirmation there, none wrong); replies: right confirmed dev 2 -> 4/15, wrong confirmed dev 2 -> 1 (`limited_move`).
Without the encoder nothing is derived: the reading move stands.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from evidence import Move, Verdict, encoder
from answer_key import turned
from claim_match import DENIAL, SPAN_END
from meaning_match import near_lines
from own_words import own_words, word_forms
from passages import body, classify_question, quoted_term
from reading import clue_lines
from reading_verdict import confirm, copied_sentence, quote
from text_words import forms_of, has_negation

if TYPE_CHECKING:  # lesson.py imports this: neither torch nor numpy may load on import
    from retrieval import Embedder

RIGHT_COSINE = 0.65
MIN_SHARED = 2
KINDS = {"cause", "motive", "detail", "inference", "argument", "purpose"}
KEPT = {"step", "evidence", "detail", "order", "trait", "deed", "off"}  # the reading move's own partial verdicts
REASON_CUE = re.compile(r"\b(?:because|since|so that|so|in order to|due to)\b", re.I)
LIMIT = re.compile(r"\b(?:more than|not just|not only|other than|beyond)\b", re.I)


def expected_answers(sentences: list[str], lines: list[int]) -> list[tuple[str, int]]:
    """(expected answer, its line) for each clue line and its neighbours: the line, and the clause after a reason cue
    in it ("since the blue light ... delays melatonin"), which a why-answer says without the event it explains."""
    found = []
    for i in near_lines(lines, len(sentences)):
        found.append((sentences[i], i))
        cue = REASON_CUE.search(sentences[i])
        if cue and sentences[i][cue.end():].strip(" .,"):
            found.append((sentences[i][cue.end():].strip(), i))
    return found


def limit_cue(words: list[str], line: str, claim: str) -> str | None:
    """The cue under which the line puts these words of the claim ("more than" in "Bees do far more than make
    honey", "not" in "fat, not water"), or None: each word said in the span the cue governs, or before the cue (what
    the limit is said of: "Bees"), one at least in the span. Said so, they are what the line says is not the whole of
    it; a claim that says the cue too ("more than honey", "they did not eat") agrees with the line."""
    denials = [] if has_negation(claim) else list(DENIAL.finditer(line))
    for cue in [*LIMIT.finditer(line), *denials]:
        if cue.group().lower() in claim.lower():
            continue
        stop = SPAN_END.search(line, cue.end())
        span = forms_of(" ".join(line[cue.end():stop.start() if stop else len(line)].split()[:6]))
        before = forms_of(line[:cue.start()])
        inside = [w for w in words if word_forms(w) & span]
        if inside and all(word_forms(w) & (span | before) for w in words):
            return cue.group().lower()
    return None


def derived_line(claim: str, question: str, sentences: list[str], lines: list[int], embedder: Embedder) -> int | None:
    """The line whose derived answer the claim says (see the module's note), or None when no line decides it."""
    own = own_words(claim, question)
    answers = expected_answers(sentences, lines)
    if len(own) < MIN_SHARED or not answers:
        return None
    vectors = embedder.encode([claim, *(a for a, _ in answers)])
    for cosine, n in sorted(((float(vectors[0] @ v), n) for n, v in enumerate(vectors[1:])), reverse=True):
        expected, i = answers[n]
        shared = [w for w in own if word_forms(w) & forms_of(expected)]
        if cosine < RIGHT_COSINE:
            return None
        if len(shared) >= MIN_SHARED and 2 * len(shared) >= len(own) and \
                limit_cue(shared, sentences[i], claim) is None and \
                turned(claim, question, expected, sentences[i], sentences, cosine) is None:
            return i
    return None


def derived_move(passage: str, question: str, claim: str | None, found: Move,
                 embedder: Embedder | None = None) -> Move | None:
    """The reading move's reply confirmed where the passage's derived key decides the answer is right: "Yes" with the
    line that shows it, and the next step (reading_verdict.confirm); None where it does not decide, or the move
    already confirmed, contradicted or weighed the answer as a part of one (see the module's note)."""
    kind = classify_question(question)
    if not claim or kind not in KINDS or found.verdict in ("supported", "contradicted") or found.status in KEPT:
        return None
    if (term := quoted_term(question)) and len(term.split()) >= 3:  # a line's meaning: the line is no answer
        return None
    embedder = embedder or encoder()
    _, sentences, _ = body(passage)
    if embedder is None or not sentences or copied_sentence(claim, sentences):  # a line copied: evidence, asked
        return None
    lines = [sentences.index(s) for s in clue_lines(passage, question, embedder) if s in sentences]
    at = derived_line(claim, question, sentences, lines, embedder)
    if at is None:
        return None
    told = Verdict("supported", sentences[at])
    return Move(confirm(kind, claim, told, sentences, question), kind, "supported", [sentences[at]], "answer")


def limited_move(question: str, claim: str | None, found: Move) -> Move | None:
    """A confirmation taken back where the confirming line puts every word the answer shares with it under a limit or
    a denial ("how bees make honey" for "Bees do far more than make honey"): the line read again with its cue named,
    which the student weighs; None when the move confirms nothing or no limit holds the answer's words."""
    if not claim or found.verdict != "supported" or not found.evidence:
        return None
    line = found.evidence[0]
    shared = [w for w in own_words(claim, question) if word_forms(w) & forms_of(line)]
    cue = limit_cue(shared, line, claim)
    if cue is None:
        return None
    return Move(f"Read this sentence closely: {quote(line)} The words \"{cue}\" matter there: what do they tell you "
                f"about your answer?", found.kind, "unclear", [line])
