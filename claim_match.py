"""A reading answer in the student's own words, tested in general: does one passage span (a sentence, or two side by
side) where the question points say what the answer says? reading_verdict.judge_answer asks it last, after the
word-for-word checks, for an answer they could not decide.

Every one of the answer's own words (not the question's, not an everyday verb) must be said in the span, in one of
its forms or synonyms (data/synonyms.txt); each clause of it in one sentence; the whole answer close to the span by
MiniLM; its numbers the span's; no denial more, no aim for a deed, no conflict, no sides swapped and no word put
where the span has a close one (`swaps`). All, not most: a word left out was the answer's point as often as not
("they protect the islands of Hawaii like a shield", "one of the children who climbed the tree": two of three words
in a true line, both wrong on the fresh set), and MiniLM cannot vouch for a word the span lacks: it puts "wet" as
close to "dry" as "warms" to "heats". What the span denies is judge_answer's next check ("they sleep" where it
says "instead of sleeping"). The cosine was set on the dev set's tune split (gold answers and right attempts
confirmed, no wrong attempt) and measured on a fresh set (out/fresh, round 15). `denied_spans` (what a sentence
denies, what it says) lives here too: both say what a span says of an answer; reading_verdict's denial checks read it.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from evidence import (CLAUSE_BREAK, COMMON, clause_of, conflicts, content_tokens, default_embedder, forms_of,
                      has_negation, same_footing, sides_kept, stem)
from own_words import own_words, swaps, word_forms
from wordproblem import normalise, numbers_in

if TYPE_CHECKING:  # lesson.py imports this through reading_verdict.py: neither torch nor numpy may load on import
    from retrieval import Embedder

# an aim or a wish, no deed: "they wanted to ring bells" is not told by "they rang bells"
AIM = re.compile(r"\b(?:wants?|wanted|tr(?:y|ies|ied)|plan(?:s|ned)?|hoped?|wish(?:es|ed)?|going|about)\s+to\b", re.I)
SKIPPED = re.compile(r"\b(ca|wo|is|are|was|were|do|does|did|has|have|could|should|would)nt\b", re.I)
MIN_COSINE = 0.4    # the whole answer to the span


def apostrophes(claim: str) -> str:
    """A student's "couldnt", "didnt", "wont" with the apostrophe every denial check looks for."""
    return SKIPPED.sub(r"\1n't", claim)


def spans(region: list[int], count: int) -> list[tuple[int, ...]]:
    """Each sentence of the region, and each pair of neighbours with one of them in it."""
    ones = sorted(set(region))
    return [(i,) for i in ones] + sorted({(j, j + 1) for i in ones for j in (i - 1, i) if 0 <= j and j + 1 < count})


def said_words(own: list[str], span: str) -> list[str]:
    """The answer words the span says, in one of their forms or synonyms. MiniLM puts a word's opposite as close as
    its synonym (wet/dry, faster/slower), so a close word is no word said: `swaps` rejects an answer that has one."""
    forms = forms_of(span)
    return [word for word in own if word_forms(word) & forms]


def clauses_kept(claim: str, question: str, pair: list[str]) -> bool:
    """Does one sentence of the pair say all that each clause of the claim says there? "the gate was too rusty" is
    not told by "... by the back gate. On Monday the chain was too rusty": a clause's words from two sentences."""
    for clause in CLAUSE_BREAK.split(claim):
        said = [w for w in own_words(clause or "", question) if word_forms(w) & forms_of(" ".join(pair))]
        if not any(all(word_forms(w) & forms_of(sentence) for w in said) for sentence in pair):
            return False
    return True


def kept(claim: str, clause: str) -> bool:
    """The clause holding the answer's words says it as the answer does: a denial each or none, as fact or hedged
    alike, deed or aim alike ("they did not ring bells", "they wanted to ring bells": not told by "rang bells")."""
    return (has_negation(claim) == has_negation(clause) and same_footing(claim, clause)
            and bool(AIM.search(claim)) == bool(AIM.search(clause)))


def span_saying(claim: str, question: str, sentences: list[str], region: list[int],
                embedder: Embedder | None = None) -> str | None:
    """The span of the `region`'s sentences that says the claim in other words, or None."""
    own = [w for w in own_words(claim, question) if stem(w) not in COMMON and not has_negation(w)]  # "couldnt"
    asked = {stem(w) for w, _ in content_tokens(question)}  # every content word beyond the question's is said too:
    own += [w for w, _ in content_tokens(claim)  # own_words and COMMON drop "mean" in "Grandpa is mean"
            if stem(w) not in asked and not has_negation(w) and w not in own]
    if len(own) < 2:  # one word ("lonely") is a feeling, a trait or a name: their own tests decide it
        return None
    numbers = set(numbers_in(normalise(claim)))
    pieces = [[sentences[i] for i in span] for span in spans(region, len(sentences))]
    pieces = [p for p in pieces if len(p) == 1 or clauses_kept(claim, question, p)]
    core = [stem(w) for w in own]  # the sentence of a pair holding most of the answer's words decides its polarity
    candidates = [" ".join(p) for p in pieces if kept(claim, clause_of(core, max(p, key=lambda s: len(said_words(
        own, s)))))]
    candidates = [s for s in candidates if len(said_words(own, s)) == len(own)
                  and numbers <= set(numbers_in(normalise(s))) and not conflicts(claim, s) and sides_kept(claim, s)]
    if not candidates:
        return None
    embedder = embedder or default_embedder()
    whole = embedder.encode([claim, *candidates])
    scored = sorted(((float(whole[0] @ v), s) for s, v in zip(candidates, whole[1:])), reverse=True)
    return next((s for cosine, s in scored if cosine >= MIN_COSINE and not swaps(claim, s, question, embedder)), None)


DENIAL = re.compile(r"\b(?:not|no|never|cannot|instead of|rather than)\b|n't\b", re.I)
SPAN_END = re.compile(r"[,;:.!?]|\b(?:but|until|because|so|when|while|and then)\b", re.I)


def denied_spans(sentence: str, most: int = 6) -> tuple[set[str], set[str]]:
    """(the forms a sentence denies, the forms it says): "store fat, not water, in their humps" denies water and
    says fat; "instead of X" and "rather than X" deny X; a denial reaches its clause's end, `most` words at most."""
    denied, said, end = set(), set(), 0
    for found in DENIAL.finditer(sentence):
        said |= forms_of(sentence[end:found.start()])
        stop = SPAN_END.search(sentence, found.end())
        reach = None if found.group().lower() in ("instead of", "rather than") else most  # a phrase, to its comma
        span = " ".join(sentence[found.end():stop.start() if stop else len(sentence)].split()[:reach])
        denied |= forms_of(span)
        end = found.end() + sentence[found.end():].find(span) + len(span) if span else found.end()
    return denied, said | forms_of(sentence[end:])
