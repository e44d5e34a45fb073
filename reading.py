"""Grounded tutor moves for Reading: the passage sentence decides the move, templates word it (evidence.py judges).

What it supports
- `rank_sentences`: the passage sentences most relevant to a question (MiniLM cosine from retrieval.py's encoder, max
  over a long sentence's windows, plus idf-weighted term overlap, plus a bonus for the words that answer its kind:
  a reaction for a feeling, "because" for a why); `reaction_to_event` finds the reaction after the event a "how does
  X feel when ..." names. On the tune split's reading cases (n=62) the gold evidence sentence is ranked first for 58%
  (53% by similarity and overlap alone), in the top two for 66% (63%).
- `classify_question`: vocabulary, main idea, theme, inference, detail, sequence, cause, motive, author's purpose.
- `reading_move`: points the student to the sentence that holds the evidence without reading the answer out (a quoted
  opening stops before the first word the question does not already name); a claim is judged by
  evidence.judge_claim first, and a correct paraphrase of the sentence it rests on is confirmed (`paraphrases`); a
  right answer to one part of a two-part question is confirmed as right so far and the other part asked for.

    .venv/bin/python -m pytest -q tests/test_evidence.py tests/test_reading.py
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING

from evidence import (INTERPRETIVE, WINDOW_WORDS, Move, Verdict, about, base_forms, claim_core, content_tokens,
                      content_words, default_embedder, judge_claim, paraphrases, split_sentences)

if TYPE_CHECKING:  # agent.py imports lesson.py, which imports this module: neither torch nor numpy may load on import
    from retrieval import Embedder


# ----------------------------------------------------------------------------- ranking

def windows(sentence: str, size: int = WINDOW_WORDS) -> list[str]:
    """Overlapping word windows of a long sentence, so the encoder sees all of it (half-window overlap)."""
    tokens = sentence.split()
    if len(tokens) <= size:
        return [sentence]
    step = size // 2
    return [" ".join(tokens[i:i + size]) for i in range(0, len(tokens) - step, step)]


def idf_weights(sentences: list[str]) -> dict[str, float]:
    """Inverse sentence frequency inside the passage: a word in every sentence says little about which one to pick."""
    df = Counter(w for s in sentences for w in set(content_words(s)))
    return {w: math.log(1 + len(sentences) / c) for w, c in df.items()}


def overlap(query_words: list[str], sentence: str, idf: dict[str, float]) -> float:
    """Share of the query's idf weight that the sentence contains, in [0, 1]."""
    query = set(query_words)
    total = sum(idf.get(w, 1.0) for w in query)
    found = sum(idf.get(w, 1.0) for w in query & set(content_words(sentence)))
    return found / total if total else 0.0


CUES = {  # words that mark the sentence answering a kind of question, rather than one that only repeats its words
    "feeling": re.compile(r"\b(?:laugh|smil|grin|cri(?:ed|es)|cry|tears?|sob|sigh|hug|shook|shak|trembl|frown|blush|"
                          r"stared|whisper|shout|yell|cheer|voice|eyes|heart|chest|quiet|silent|froze|felt|proud|"
                          r"happy|glad|sad|angry|afraid|scared|nervous|excited|relieved|disappoint|lonely|jealous)",
                          re.I),
    "cause": re.compile(r"\b(?:because|since|so that|so|in order to|reason|that's why|therefore|protects?|"
                        r"caused?|led to)\b", re.I),
}
CUES["motive"] = re.compile(CUES["cause"].pattern + r"|[\"“]", re.I)  # a character's reason is often in their words
CUES["inference"] = CUES["feeling"]  # what a character shows is in what they do and how they react
CUE_BONUS = 0.18


def rank_sentences(query: str, sentences: list[str], embedder: Embedder | None = None,
                   lexical_weight: float = 0.5, kind: str = "detail") -> list[tuple[float, int]]:
    """(score, index) best first: MiniLM cosine (max over a sentence's windows) mixed with term overlap, plus a bonus
    for the words that answer this kind of question (a reaction for a feeling, 'because' for a why)."""
    if not sentences:
        return []
    embedder = embedder or default_embedder()
    pieces = [(i, w) for i, s in enumerate(sentences) for w in windows(s)]
    vectors = embedder.encode([query] + [w for _, w in pieces])
    cosine = [-1.0] * len(sentences)
    for (i, _), v in zip(pieces, vectors[1:]):
        cosine[i] = max(cosine[i], float(v @ vectors[0]))
    idf, words = idf_weights(sentences), content_words(query)
    cue = CUES.get(kind)
    scores = [(1 - lexical_weight) * cosine[i] + lexical_weight * overlap(words, s, idf)
              + (CUE_BONUS if cue and cue.search(s) else 0.0) for i, s in enumerate(sentences)]
    return sorted(((float(score), i) for i, score in enumerate(scores)), key=lambda t: -t[0])


def reaction_to_event(question: str, sentences: list[str], embedder: Embedder | None = None,
                      ahead: int = 2) -> int | None:
    """For 'how does X feel when EVENT', the sentence that tells the reaction: find the one telling the event, then
    the first of it and the `ahead` after it that shows a feeling (a reaction follows what caused it)."""
    event = re.search(r"\b(?:when|after|as)\b\s+(.{8,})", question, re.I)
    if not event:
        return None
    anchor = rank_sentences(event.group(1).rstrip("?. "), sentences, embedder)[0][1]
    return next((i for i in range(anchor, min(anchor + ahead + 1, len(sentences)))
                 if CUES["feeling"].search(sentences[i])), None)


# ----------------------------------------------------------------------------- question types

QUESTION_TYPES = [  # first match wins: the specific kinds before the broad "why" and "detail"
    ("vocabulary", r"\bmean(s|ing|t)?\b|\bword\b|\bphrase\b|\bdefin|\bwhat (is|are) (an? )?'|\bdescribes?\b.*'"),
    ("purpose", r"\b(author|writer|poet)'?s? purpose|\bpurpose\b|\bwhy (does|did) the (author|writer|poet)\b"),
    ("theme", r"\btheme\b|\blesson\b|\bmoral\b|\bmessage\b"),
    ("main_idea", r"\bmain (idea|claim|point)\b|\bmostly about\b|\bcentral idea\b|\bsummar"),
    ("argument", r"\bcounterclaim|\bclaim\b|\bargu|\bevidence\b|\bwhich sentence\b|\brespond"),
    ("sequence", r"\bin order\b|\border\b|\bsequence\b|\b(comes?|happens?|grows?) (first|next|last|before|after)\b|"
                 r"\bfirst \w* ?step\b|\bright (before|after)\b"),
    ("feeling", r"\bfeel(s|ing|ings)?\b|\bmood\b|\bemotion"),
    ("motive", r"\b[Ww]hy (does|did|do|would|is|was) (he|she|they|[A-Z][a-z]+|(the|his|her) [a-z]+ [A-Z][a-z]+)\b"),
    ("cause", r"\bwhy\b|\bcause|\beffect\b|\bresult\b|\bwhat made\b|\bhow do you know\b"),
    ("inference", r"\binfer|\bsuggest|\bprobably\b|\bmost likely\b|\bshows? about\b|\bwhat kind of\b|\bcompare\b"),
]


def classify_question(question: str) -> str:
    """The kind of reading question, from its wording: one of the names in QUESTION_TYPES, or 'detail'."""
    for name, pattern in QUESTION_TYPES:
        flags = 0 if name == "motive" else re.I  # motive needs the capital of a character's name
        if re.search(pattern, question, flags):
            return name
    return "detail"


def quoted_term(question: str) -> str | None:
    """The word or phrase a vocabulary question asks about: the quoted one, the words between 'what does' and
    'mean' ("what does tipped over his own king mean"), or the word after 'word'."""
    asked = re.search(r"\bwhat (?:does|do|did) (?:the (?:word|phrase|term) )?['‘\"“]?([A-Za-z][A-Za-z' -]{0,60}?)"
                      r"['’\"”]? mean", question, re.I)
    if asked and len(asked.group(1).split()) <= 4:  # "In 'Grandpa ... froze' what does froze mean?" asks "froze"
        return asked.group(1)
    quoted = re.findall(r"['‘\"“]([^'’\"”]{2,80})['’\"”]", question)
    if quoted:
        return min(quoted, key=len)
    m = asked or re.search(r"\b(?:word|term|is an?|are)\s+([A-Za-z-]+)", question)
    return m.group(1) if m else None


def opening(sentence: str, question: str = "", max_words: int = 6) -> str:
    """How a sentence begins, to point at it without reading the answer out: up to a comma or `max_words` words,
    and, given the question, only up to the first content word the question does not name (in any of its forms):
    "The queen ant lays the eggs." opens "The queen ant..." for "What does the queen ant do?"."""
    words = sentence.strip(" \"'“”").split()
    head = re.split(r"[,;:]", sentence.strip(" \"'“”"), maxsplit=1)[0].split()
    head = (head if len(head) >= 4 else words)[:max_words]  # "Still, ..." alone does not say which sentence
    if question:
        asked = {form for word, _ in content_tokens(question) for form in base_forms(word)}
        fresh = [i for i, w in enumerate(head) if any(not base_forms(t) & asked for t, _ in content_tokens(w))]
        head = head[: fresh[0]] if fresh else head
        while head and not content_tokens(head[-1]):  # "The queen ant..." rather than "The queen ant the..."
            head = head[:-1]
    return " ".join(head) + ("..." if len(words) > len(head) else "")


ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()


def places(passage: str, title: str | None) -> list[str]:
    """Where each sentence stands, as a student would count it: 'the fifth sentence', or 'the second sentence of
    paragraph 3' when the passage has paragraphs (the title is no paragraph; the last sentence is 'the last')."""
    paragraphs = [split_sentences(p) for p in re.split(r"\n\s*\n", passage) if p.strip()]
    if title and paragraphs and paragraphs[0][:1] == [title]:
        paragraphs[0] = paragraphs[0][1:]
    paragraphs = [p for p in paragraphs if p]
    lines = any(p.strip().count("\n") >= 2 for p in re.split(r"\n\s*\n", passage))  # lines broken inside a stanza
    unit, block = ("line", "stanza") if lines else ("sentence", "paragraph")  # a poem is read line by line
    where = []
    for number, paragraph in enumerate(paragraphs, 1):
        for i in range(len(paragraph)):
            nth = ORDINALS[i] if i < len(ORDINALS) else f"number {i + 1}"
            where.append(f"the {nth} {unit} of {block} {number}" if len(paragraphs) > 1
                         else f"the {nth} {unit} of the passage")
    if where:
        where[-1] = f"the last {unit} of the passage"
    return where


def named(sentences: list[str], i: int, question: str, where: list[str]) -> str:
    """'the sentence that begins "..."' when a leak-free opening still says which one, else its place in the text."""
    begins = opening(sentences[i], question)
    if len(begins.split()) >= 2 and content_words(begins):
        return f"the sentence that begins \"{begins}\""
    place = where[i] if i < len(where) else f"sentence {i + 1} of the passage"
    asked = {form for word, _ in content_tokens(question) for form in base_forms(word)}
    shared = [re.search(rf"(?i)\b{re.escape(word)}", sentences[i]).group(0)  # as written: "Nora", not "nora"
              for word, _ in dict.fromkeys(content_tokens(sentences[i])) if base_forms(word) & asked]
    # the question's own words that the sentence holds say which one it is, and give nothing away
    return f"{place}, the one with " + " and ".join(f"\"{w}\"" for w in shared[:2]) if shared else place


def repeated_ideas(sentences: list[str], top: int = 2) -> list[str]:
    """The content words that come back in the most sentences: what a passage keeps talking about."""
    written = {w: word for s in reversed(sentences) for word, w in content_tokens(s)}  # a stem shown as a word
    counts = Counter(w for s in sentences for w in set(content_words(s)) if len(w) > 3)
    return [written[w] for w, c in counts.most_common(top) if c >= 2]


def split_title(sentences: list[str]) -> tuple[str | None, list[str]]:
    """A first line of at most 10 words with no end punctuation is the title: it names the text, it is no evidence."""
    if len(sentences) > 1 and len(sentences[0].split()) <= 10 and not re.search(r"[.!?\"”]$", sentences[0]):
        return sentences[0], sentences[1:]
    return None, sentences


def focus(sentences: list[str], top: int, question: str, kind: str) -> list[int]:
    """The sentences a move points to: the best one, plus a neighbour when the best only restates the question;
    for a why-question the neighbour that gives a reason, else the one before (a cause is usually told just
    before its effect), for a feeling the one after (a reaction follows what caused it, a detail follows the
    sentence that sets it up)."""
    restates = overlap(content_words(question), sentences[top], idf_weights(sentences)) >= 0.5
    if kind in ("cause", "motive", "inference") and restates and len(sentences) > 1:
        around = [i for i in (top - 1, top + 1) if 0 <= i < len(sentences)]
        cue = CUES[kind]  # the neighbour that gives a reason ("because", "so", their own words) before the nearer one
        neighbour = next((i for i in around if cue.search(sentences[i]) and not cue.search(sentences[top])), around[0])
        return sorted([neighbour, top])
    if kind in ("feeling", "detail") and restates and top + 1 < len(sentences):
        return [top, top + 1]
    return [top]


def pointer(sentences: list[str], top: int, question: str, kind: str, where: list[str], claim: str = "") -> str:
    """'the sentence that begins "..."', naming its neighbour too when `focus` adds one; the words of the student's
    own claim may be quoted too (they said them: "Nora laughed..." gives nothing away to one who said she laughed)."""
    here = named(sentences, top, f"{question} {claim}".strip(), where)
    chosen = focus(sentences, top, question, kind)
    if len(chosen) == 1:
        return here
    return f"{here}, and the sentence just {'before' if chosen[0] < top else 'after'} it"


def whole_text(sentences: list[str], title: str | None) -> str:
    named = f"The title is \"{title}\". " if title else ""
    return (f"{named}The passage starts with \"{opening(sentences[0])}\" and ends with "
            f"\"{opening(sentences[-1])}\".")


def type_move(kind: str, question: str, sentences: list[str], top: int, title: str | None,
              where: list[str]) -> str:
    """The move for a question with no claim: point to the evidence this kind of question needs."""
    point = pointer(sentences, top, question, kind, where)
    if kind == "vocabulary":
        term = quoted_term(question) or "that word"
        context = next((s for s in sentences if term.lower() in s.lower()), sentences[top])
        return (f"Find \"{term}\" in the sentence that begins \"{opening(context)}\". Read the words around it: "
                f"what is happening there, and what meaning of \"{term}\" fits that sentence?")
    if kind in ("main_idea", "theme", "purpose"):
        ideas = repeated_ideas(sentences)
        again = f" Which idea keeps coming back ({', '.join(ideas)})?" if ideas else ""
        goal = {"main_idea": "what is the whole passage mostly about",
                "theme": "what lesson about life does the story show",
                "purpose": "is the writer mainly telling a story, teaching facts, or trying to persuade you, "
                           "and which words show it"}[kind]
        return f"{whole_text(sentences, title)}{again} Putting those together, {goal}?"
    if kind == "argument":
        return (f"Look closely at {point}. Is it the writer's own point, a reason for it, or what other people "
                f"argue? Which words tell you?")
    if kind == "sequence":
        return (f"Find {point}. Which time words (first, next, then, finally) tell you the order, and what comes "
                f"just before and just after it?")
    if kind in ("inference", "feeling", "motive"):
        return (f"Look at {point}. What clue do you find there? Then use that clue: what can you work out about "
                f"{about(question)}?")
    if kind == "cause":
        return f"Look at {point}. What do you find there that helps answer {about(question)}?"
    return f"Find {point}. What does it say that answers {about(question)}?"


SECOND_PART = re.compile(r"(?:,|\band)\s+(why|how|what|where|when|who|which)\b(.*)", re.I)
REASON = re.compile(r"\b(?:because|since|so|to|in order|as|due)\b", re.I)


def still_asked(question: str, claim: str) -> str | None:
    """The second part of a two-part question ("What did they do, and why?") that a supported claim leaves
    unanswered: 'why', or the second question's own words; None when the claim answers it or there is none."""
    second = SECOND_PART.search(question)
    if not second:
        return None
    word, rest = second.group(1).lower(), second.group(2).strip(" ?.")
    if word == "why":
        return None if REASON.search(claim) else "why"
    return f"{word} {rest}" if rest and not set(content_words(rest)) <= set(content_words(claim)) else None


def backing(span: str, claim: str, sentences: list[str]) -> str:
    """Of the one or two neighbouring sentences a verdict rests on, the one holding most of the claim's words."""
    held = [s for s in sentences if s in span] or [span]
    return max(held, key=lambda s: len(set(content_words(claim)) & set(content_words(s))))


def claim_move(verdict: Verdict, claim: str, kind: str, question: str, sentences: list[str], top: int,
               title: str | None, where: list[str]) -> str:
    """The move that answers the student's claim: it never confirms one the passage does not support."""
    point = pointer(sentences, top, question, kind, where, claim)
    if verdict.label == "contradicted":
        return (f"Read this sentence again: \"{verdict.sentence}\" Does it fit with your answer that {claim}? "
                f"What does the passage say instead?")
    if verdict.label == "supported" and kind == "sequence":
        return "That is the order the passage gives, so far. What comes next, and which words in the passage tell you?"
    rest, said = still_asked(question, claim), backing(verdict.sentence, claim, sentences)
    if verdict.label == "supported" and rest:
        # the opening stops before words the student has not said: the rest of that sentence may hold the other part
        return (f"That part is right: the sentence that begins \"{opening(said, f'{question} {claim}')}\" backs it up. "
                f"The question also asks {rest}. What does the passage tell you about that?")
    if verdict.label == "supported":
        return (f"That matches the passage: the sentence that begins \"{opening(said)}\" backs it up. "
                f"Which words in that sentence showed you?")
    if kind == "vocabulary":
        term = quoted_term(question)
        context = next((s for s in sentences if term and term.lower() in s.lower()), sentences[top])
        around = f"\"{term}\"" if term else "it"  # no quoted word: the question names a phrase in its own words
        return (f"Try your meaning in the sentence: \"{context}\" Does \"{claim}\" make sense there? What do the "
                f"words around {around} tell you it means?")
    if kind in ("main_idea", "theme", "purpose"):
        return (f"Is \"{claim}\" true of the whole text, or only of a part of it? {whole_text(sentences, title)} "
                f"What does the whole passage keep coming back to?")
    if kind == "sequence" and verdict.sentence:
        step = next((i for i, sentence in enumerate(sentences) if sentence in verdict.sentence), top)
        return (f"Find {named(sentences, step, question, where)}. Is that where your step comes in the order? "
                f"What does the passage say comes just before it?")
    if verdict.label == "absent" and 2 * len(verdict.missing) >= len(claim_core(claim, question)):
        words = " or ".join(f"\"{w}\"" for w in verdict.missing[:2])  # most of the answer is not in the passage
        plural = "words" if len(verdict.missing) > 1 else "word"
        return (f"Which sentence tells you that? The passage doesn't use the {plural} {words}. Look at {point}: "
                f"what do you find there about {about(question)}?")
    said = f"\"{claim}\"" if len(claim.split()) <= 14 else "that"  # the student's own words: they check exactly them
    return (f"Which sentence shows {said}? Look at {point}: does what you find there support your answer, or point "
            f"somewhere else?")


def copied_sentence(claim: str, sentences: list[str]) -> str | None:
    """The passage sentence a claim copies word for word (most of it): evidence the student found, not yet an
    answer. Telling them it "matches the passage" is true and useless; the move is to ask what it tells them."""
    said = " ".join(re.findall(r"[a-z0-9']+", claim.lower()))
    for sentence in sentences:
        words = re.findall(r"[a-z0-9']+", sentence.lower())
        if said and len(said.split()) >= 0.8 * len(words) and f" {said} " in f" {' '.join(words)} ":
            return sentence
    return None


def reading_move(passage: str, question: str, claim: str | None = None, embedder: Embedder | None = None,
                 cited: bool = False) -> Move:
    """The grounded reading move: the most relevant sentences decide it; a claim is judged against them first.
    `cited`: the student quotes the passage ('The text says: "..."') rather than answering in their own words."""
    title, sentences = split_title(split_sentences(passage))
    where = places(passage, title)
    where = where if len(where) == len(sentences) else []  # a title we could not place: count nothing rather than wrong
    if not sentences:
        raise ValueError("the passage has no sentences")
    kind = classify_question(question)
    query = question if kind != "vocabulary" else f"{question} {quoted_term(question) or ''}"
    ranked = rank_sentences(query, sentences, embedder, kind=kind)
    reaction = reaction_to_event(question, sentences, embedder) if kind == "feeling" else None
    top = ranked[0][1] if reaction is None else reaction
    evidence = [sentences[i] for i in focus(sentences, top, question, kind)]
    if not claim:
        return Move(type_move(kind, question, sentences, top, title, where), kind, None, evidence)
    copied = copied_sentence(claim, sentences) if cited and kind != "sequence" else None
    if copied:
        return Move(f"The passage does say that. What does that sentence tell you about {about(question)}? Say your "
                    f"answer in your own words.", kind, "unclear", [copied])  # not judged yet: the tutor asks
    relevant = [sentences[i] for _, i in ranked[:3]]
    verdict = judge_claim(claim, sentences, question, kind, relevant)
    if verdict.label in ("absent", "unclear") and kind not in INTERPRETIVE and kind != "sequence":
        nearest = [s for s in sentences if s in verdict.sentence and s not in relevant]  # the sentences it echoes
        said = next((s for s in relevant + nearest if paraphrases(claim, s, question, embedder)), None)
        verdict = Verdict("supported", said) if said else verdict  # a correct answer in the student's own words
    if verdict.sentence and verdict.label in ("contradicted", "supported"):
        evidence = [verdict.sentence]
    text = claim_move(verdict, claim.rstrip(". "), kind, question, sentences, top, title, where)
    return Move(text, kind, verdict.label, evidence)
