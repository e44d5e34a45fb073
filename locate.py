"""What a question's kind looks for in a sentence beyond the words it shares with it (passages.rank_sentences adds
these to similarity and overlap): the day it names, a place for a where-question, for a who-question a sentence
where someone other than the person it names acts, and for a question asking for evidence a sentence that reports a
finding (a number, a study, what was seen) rather than one that states the writer's claim again; and whether a
sentence only tells again, in other words, the event a why-question asks about (its reason is told beside it).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from evidence import content_words, default_embedder
from people import CALENDAR, DESCRIBED, OPENERS

if TYPE_CHECKING:  # agent.py imports lesson.py, which imports passages.py and this module: no torch on import
    from retrieval import Embedder

CUE_BONUS = 0.18
SEASONS = r"(?:morning|afternoon|evening|night|winter|spring|summer|fall|autumn|" + CALENDAR.pattern + ")"
# a place as a sentence tells it ("in wax cells", "under his chin", "from the branches of the old oak"), never a
# time ("In winter"), a verb ("to find") nor a face ("grinned from ear to ear")
PLACE = (rf"\b(?:(?:in|on|at|under|from|into|onto|behind|beside|near|inside)\s+"
         rf"(?!(?:the\s+)?{SEASONS}\b)(?!ear to ear\b)|"
         r"to\s+(?=(?:the|a|an|his|her|their|its|my|our)\s))(?:the|a|an|his|her|their|its|my|our)?\s*"
         r"(?:[\w'-]+\s+)??[\w'-]+(?=\s+(?:and|but|by|for|to|with|every|when|of)\b|[,.;!?]|$)")
# a question that asks for the support of a claim, not for the claim ("What evidence shows ...?", "Which fact ...")
ASKS_SUPPORT = re.compile(r"\b(?:evidence|facts?|data|statistics?|proof|prove|support)\b", re.I)
# a sentence that reports a finding: a number, a study, what people saw or said happened
FINDING = re.compile(r"\d|\b(?:study|studies|survey|research|researchers|found|reported|recorded|measured|dropped|"
                     r"rose|fell|percent|half|third|quarter|twice|times as)\b", re.I)
STATED_CLAIM = re.compile(r"\b(?:should|must|ought to|i believe|i think|we need)\b", re.I)


def told_features(query: str, sentence: str) -> float:
    """What the encoder misses: a sentence naming another day than the question's ("On Saturday ..." for "Why did
    the kite fly on Tuesday?") tells another moment, one naming the same day tells this one; a where-question is
    answered by a sentence that tells the place of what it asks about, not by one that tells none ("Squirrels get ready ..."); a who-question
    by a sentence where the person it names is not the first one acting; a question asking for evidence by a finding
    ("fights dropped by a third"), not by the claim it supports ("schools should ban phones")."""
    asked = {d.lower() for d in CALENDAR.findall(query)}
    named = {d.lower() for d in CALENDAR.findall(sentence)}
    score = (CUE_BONUS if asked & named else -CUE_BONUS if named else 0.0) if asked else 0.0
    if ASKS_SUPPORT.search(query) and not re.search(r"\bcounter", query, re.I):
        score += (CUE_BONUS if FINDING.search(sentence) else 0.0) - (CUE_BONUS if STATED_CLAIM.search(sentence) else 0.0)
    # the place of what is asked about ("in front of the library" for the kite), not where the person the question
    # names sits ("Jonah sat down on the grass" for "Where did Jonah find the kite?")
    names = set(re.findall(r"\b[A-Z][a-z]+\b", query[1:]))
    things = set(content_words(re.sub(r"\b[A-Z][a-z]+\b", " ", query[1:])))
    persons = names & set(re.findall(r"\b[A-Z][a-z]+\b", sentence)) and not things & set(content_words(sentence))
    placed = CUE_BONUS if re.search(PLACE, sentence, re.I) and not persons else -CUE_BONUS
    if re.match(r"\W*who\b", query, re.I):  # "Who taught Leo ...?": a sentence Leo opens tells his deed, not theirs
        opener = [w for w in re.findall(r"\b[A-Z][a-z]+\b", " ".join(sentence.split()[:4]))
                  if not re.fullmatch(OPENERS + "|By|For|From|With|Every", w) and not CALENDAR.fullmatch(w)]
        if opener and opener[0] in re.findall(r"[A-Z][a-z]+", query[1:]):
            return score - CUE_BONUS
        # "The old man told him ...": someone described acts on the person asked about
        return score + CUE_BONUS if re.match(r"\W*(?:[\w,]+\s+){0,2}?" + DESCRIBED[2:] + r".*\b(?:him|her)\b",
                                             sentence, re.I) else score
    return score + placed if re.match(r"\W*where\b", query, re.I) else score


RETOLD = 0.7  # cosine of MiniLM's normalised vectors: "The kite sailed over the fence and disappeared" is 0.74 to
# "Why did the kite fly away?", the sentence with its reason ("Then a gust pulled the string ...") 0.4


def retold(question: str, sentence: str, embedder: Embedder | None = None) -> bool:
    """Does a sentence tell the event a why-question asks about again in other words ("The kite sailed over the fence
    and disappeared" for "Why did the kite fly away?"), sharing too few of its words to be seen as restating it?"""
    asked, told = (embedder or default_embedder()).encode([question, sentence])
    return float(asked @ told) >= RETOLD
