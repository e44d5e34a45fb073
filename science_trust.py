"""When a science verdict is sure enough to be said (session 23, issues #23 and #26): a right idea is never doubted
or called wrong because a fact merely fails to match it, a rule with its operation turned is never confirmed, and a
right step followed by "then what" gets the next link, not a question about something else.

- `real_contradiction`: a fact's contradiction of a claim (evidence.conflicts) is said only when it is real. The fact
  itself denies what the claim asserts ("Light does not come out of our eyes" against "our eyes send out light"),
  or the claim is a catalogued wrong idea, by its pattern or by meaning with the catalog's margin
  (science_catalog.resembles_misconception). A denial that is only the claim's own ("it doesn't rust because it is
  aluminium" beside "Rust is hydrated iron oxide") or a pair of opposite words read across two senses ("no air to
  slow the light one down" beside a fact about light in water) is no contradiction: the claim is left undecided.
- `operation_turned`: a rule said with another operation than the fact's ("speed = distance x time" beside "distance
  travelled divided by time") is never borne out by the words it shares with the fact.
- `next_link`: a confirmed step the student wants to go on from ("... so 300 and 60, then what", "first the water
  evaporates. idk the rest") is confirmed and the next link is asked: numbers into a rule, boxes into a chance, the
  next stage of a process; never "Where else have you seen it?" or a question about another phenomenon.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from evidence import Move, encoder, first_denied, negated
from text_words import content_words
from science_catalog import as_said, match_misconception, own_words, resembles_misconception

if TYPE_CHECKING:
    from retrieval import Embedder

# The student goes on from a step and asks for the rest: "then what", "idk the rest", "what next", "how do i work
# out the odds", "not sure what comes next", "stuck after that", "what does that mean for floating"
GOING_ON = re.compile(r"\b(?:then|now|so)\s+what\b|\bwhat(?:'?s|\s+is|\s+comes|\s+happens)?\s+(?:next|after\s+that)\b|"
                      r"\b(?:idk|dunno|not\s+sure(?:\s+about)?|stuck\s+(?:on|after|with))\s+(?:what|the|that|this)\b|"
                      r"\bidk\s+what\b|\bthe\s+rest\b|\bhow\s+do\s+i\s+(?:work\s+out|get|find|turn)\b|"
                      r"\bwhat\s+does\s+that\s+mean\s+for\b|\bstuck\s+after\b", re.I)
# The operation a rule is said with, by its sign or its word
OPERATIONS = {"times": r"\s[x×*]\s|\btimes\b|\bmultipl\w*|\bproduct\b",
              "divide": r"\s[/÷]\s|\bdivid\w*|\bover\b|\bper\b|\bratio\b",
              "plus": r"\s\+\s|\bplus\b|\badd\w*\b|\bsum\b", "minus": r"\s-\s|\bminus\b|\bsubtract\w*"}
RULE = re.compile(r"\b[A-Za-z]+\s*=\s*[A-Za-z]|\b(?:equals|is)\s+\w+\s+(?:[x×*/÷]|times|divided|over|multiplied)\b",
                  re.I)
CHANCE = re.compile(r"\b(?:chance|odds|probability|likel\w*|fraction|percent\w*|proportion|ratio|how many out of)\b",
                    re.I)
GENOTYPES = re.compile(r"(?:\b[A-Z][a-z]\b|\b[A-Z]{2}\b|\b([a-z])\1\b)"  # "BB Bb Bb bb", "Tt, tt, Tt": a square's boxes
                       r"(?:[\s,]+(?:[A-Z][a-z]|[A-Z]{2}|([a-z])\2)\b){2,}")
POLAR_WORD = re.compile(r"^\W*(?:no|nope|nah|yes|yeah|ya|yep|yup)\b[\s,.!]*", re.I)
STAGE_WORDS = re.compile(r"\b(?:first|firstly|starts?|begins?|to\s+start|at\s+the\s+start|stage|step)\b", re.I)


def real_contradiction(claim: str, fact: str, question: str, embedder: Embedder | None) -> bool:
    """Is a fact's conflict with the claim a real one: the fact denies a word the claim asserts, the fact opens on
    the claim's own subject, not a word the claim denies ("light can not travel across empty space" beside "Light
    can travel through a vacuum"), or the claim is a catalogued wrong idea (its pattern, or its meaning with the
    catalog's margin when the encoder is there)? A denial the claim makes of another subject's word ("it doesn't
    rust" beside "Rust is ..."), or an opposite word the fact uses of something else, is not."""
    claim = POLAR_WORD.sub("", claim)  # "no plants only take in carbon dioxide": the no answers, it denies no plant
    fact_denies = (set(negated(fact)) - set(negated(claim))) & set(content_words(claim)) & first_denied(fact)
    said, stated = content_words(claim), content_words(fact)
    if fact_denies or said and stated and said[0] == stated[0] and said[0] not in first_denied(claim):
        return True  # the fact denies it, or speaks of the claim's own subject ("Light can travel through a vacuum")
    if match_misconception(claim, question) is not None:
        return True
    embedder = embedder or encoder()
    return embedder is not None and resembles_misconception(claim, question, embedder) is not None


def operations(text: str) -> set[str]:
    """The operations a rule is said with ("distance divided by time": divide; "F = m x a": times)."""
    return {name for name, pattern in OPERATIONS.items() if re.search(pattern, f" {text} ", re.I)}


def operation_turned(claim: str, fact: str) -> bool:
    """Does the claim say a rule with other operations than the fact's, none of the fact's among them ("speed =
    distance x time" where speed is "distance travelled divided by time")? "V = I x R so I = V / R" keeps the fact's."""
    if not RULE.search(claim) and not (operations(claim) and re.search(r"\b(?:speed|density|force|pressure|current|"
                                                                      r"energy|power|work|resistance|voltage)\b",
                                                                      claim, re.I)):
        return False
    said, stated = operations(claim), operations(fact)
    return bool(said) and bool(stated) and not said & stated


def going_on(message: str) -> bool:
    """Does the student go on from a step of their own and ask for what comes after it?"""
    return GOING_ON.search(message) is not None


def next_link(claim: str, question: str) -> str:
    """The link after a right step: a rule's letters get the question's numbers, a Punnett square's boxes become a
    chance, a stage of a process its next stage; any other step the one after it."""
    if GENOTYPES.search(claim) and CHANCE.search(f"{question} {claim}"):
        return ("Each of the four boxes is equally likely. Which boxes give the offspring the question asks about, "
                "and how many of the four is that?")
    if RULE.search(claim) or operations(claim) and re.search(r"=", claim):
        return "Now put the numbers from the question into it: which one goes where, and what do you get?"
    if STAGE_WORDS.search(claim) or re.search(r"\b(?:describe|explain how|stages?|process|cycle|what happens)\b",
                                               question, re.I):
        return "What happens next, after that stage?"
    return "That is the first step. What is the next one?"


def next_link_move(found: Move, claim: str | None, question: str, message: str) -> Move:
    """A confirmed step the student asks to go on from: confirmed plainly, then the next link (`next_link`), instead of
    a question about where else it happens; a step nothing decides (no rule, whose operation may be wrong) is taken on
    from ("what happens next?"), never asked how it was worked out, which would have the student redo it. A card's move
    (its own question asks for the rest) and any other move are kept as they are."""
    if found.kind != "fact" or not claim or not going_on(message):
        return found
    if found.verdict in ("unclear", "absent") and not RULE.search(claim) and not operations(claim) \
            and found.text.startswith("How did you work out"):  # a step nothing decides: neither praised nor redone
        return Move("Take it from there: what happens next?", found.kind, found.verdict, found.evidence)
    if found.verdict != "supported" or not found.text.startswith(("Yes", "That's right", "Right")):
        return found
    said = own_words(GOING_ON.split(claim)[0]).strip(" .,!?")
    return Move(f"Yes: {as_said(said)}. {next_link(said, question)}", found.kind, found.verdict, found.evidence,
                found.status)
