"""A help question about two things the student mixes up, asked in the question itself ("i always mix up fission and
fusion", "xylem vs phloem", "whats the diff between a comet and an asteroid", "arteries and veins which one goes to
the heart"): one feature from the textbook that tells them apart, asked as a question.

What it supports
- `asked_pair`: the two things such a question names, read from its structure (a "vs", a "difference between", a
  "mix up", "X and Y which ...", "how are X different from Y"), with its own ask after them ("which one gets cold").
- `contrast_move`: a fact with one of the two as its subject (near its start, named as written, never the other one,
  no proper name that only spells alike: "the Industrial Revolution" is no revolution of the Earth) and none of the
  question's own description (a fact on "goes to the heart" would answer "which one goes to the heart"), quoted with
  the thing left out; the student says which of the two fills the gap and what the other does instead. The fact
  never says which of the two it is about, so it gives the feature and keeps the answer theirs.
- `gap_reply`: the next turn: a bare pick of the side that fills the gap is confirmed and the other side asked for;
  the other side picked is sent back to the sentence, with that side's own sentence gapped beside it; a stuck student
  gets that second sentence to set beside the first.
- `pair_start`: no such fact: each of the two asked on its own in the student's words (what it is or does, a guess
  is fine), then the two set side by side, never "what do you know so far".

    .venv/bin/python science_contrast.py "i always mix up xylem and phloem"
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from evidence import KnowledgeBase, Move, key_terms
from text_words import CHAT_WORDS, base_forms, content_words, forms_of, has_negation
from student_message import question_of
from science_catalog import is_help
from science_fallback import SCAFFOLD
from science_help import ARTICLES, LISTED, MAY_BE_MET, headed, names

TERM = r"(?:the\s+|an?\s+)?(?P<{0}>[a-z][\w-]*(?:\s+(?!(?:which|what|whats|how|why|i|im|is|are|do|does|and|or)\b)" \
       r"[a-z][\w-]*)?)"
# What a student says after naming the two things they mix up: a "which", a "same", a confusion ("i do not get which
# is which", "i always get them backwards", "r they the same thing")
CONFUSED = (r"(?:which|whats|what's|what\s+is|(?:are|r|is|arent|aren't)\s+(?:they|it|these|those)\b|(?:the\s+)?same\b|"
            r"(?:(?:i|im|i'm)\s+)?(?:always|keep|never|get|mix|confus\w*|can'?t|cant|can\s+not|cannot|don'?t\s+get|"
            r"do\s+not\s+get|backwards))\b")
# With no joining word the things must be followed by the confusion itself: "plants need sunlight which is why"
# names no two things to tell apart
SIDE_BY_SIDE = (r"(?:which\s+(?:one|ones|is\s+which|of\s+(?:them|the\s+\w+))|(?:are|r|is|arent|aren't)\s+(?:they|these|"
                r"those)\b|(?:the\s+)?same\s+thing|(?:(?:i|im|i'm)\s+)?(?:always\s+|keep\s+|get\s+)?(?:mix|confus\w*|"
                r"muddl\w*|do\s+not\s+get\s+which|don'?t\s+get\s+which)|what'?s\s+the\s+diff|"
                r"diff(?:erence)?\s+between)\b")
# The forms a pair question takes; the ask that follows the pair ("which one gets cold") is kept as its tail
PAIR_FORMS = [
    # "fission vs fusion", "exothermic versus endothermic which one gets cold"
    re.compile(rf"^\W*{TERM.format('x')}\s+(?:vs\.?|versus|v\.?)\s+{TERM.format('y')}(?P<tail>(?:\W.*)?)$", re.I),
    # "whats the diff between a comet and an asteroid", "difference btwn weather and climate"
    re.compile(rf"\bdiff(?:erence)?s?\s+(?:between|btwn|b/w|of)\s+{TERM.format('x')}\s+(?:and|&|n)\s+"
               rf"{TERM.format('y')}(?P<tail>(?:\W.*)?)$", re.I),
    # "i always mix up fission and fusion", "i keep confusing ionic and covalent bonds"
    re.compile(rf"\b(?:mix(?:ed|ing)?\s+up|confus\w*|muddl\w*|get\s+mixed\s+up\s+(?:with|between))\s+"
               rf"(?:between\s+)?{TERM.format('x')}\s+(?:and|with|&|or)\s+{TERM.format('y')}(?P<tail>(?:\W.*)?)$",
               re.I),
    # "how are reptiles different from amphibians", "how is weather different to climate"
    re.compile(rf"^\W*how\s+(?:are|is|do|does)\s+{TERM.format('x')}\s+(?:different|differ)\s+(?:from|to|than)\s+"
               rf"{TERM.format('y')}(?P<tail>(?:\W.*)?)$", re.I),
    # "arteries and veins which one goes to the heart", "xylem and phloem i always confuse them", "gene and
    # chromosome are they the same thing" ("plants and animals i think both breathe" is an idea: only a confusion,
    # a "which" or a "same" follows the pair here)
    re.compile(rf"^\W*{TERM.format('x')}\s+(?:and|or|&)\s+{TERM.format('y')}\W+(?P<tail>{CONFUSED}.*)$", re.I),
    # "mitosis meiosis ugh which one makes sex cells", "producer consumer decomposer i mix them all up": the things
    # named side by side with no joining word, one word each, a third kept as `rest`
    re.compile(rf"^\W*(?P<x>[a-z][\w-]+)[\s,/]+(?P<y>[a-z][\w-]+)(?:[\s,/]+(?:and\s+|or\s+)?(?P<z>[a-z][\w-]+))?"
               rf"\W+(?:[a-z]+\W+)?(?P<tail>{SIDE_BY_SIDE}.*)$", re.I),
    # "is a thermometer or a barometer for air pressure", "which one measures the pull the thermometer or the force
    # meter": two things offered as the answer; the question's own description keeps a fact that names it unshown
    re.compile(rf"^\W*(?:is|was|are)\s+(?:it\s+)?{TERM.format('x')}\s+or\s+{TERM.format('y')}(?P<tail>\W.*)?$",
               re.I),
    re.compile(rf"^\W*(?P<tail>(?:which|what)\b.+?)\s+(?:the\s+|an?\s+)(?P<x>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+or\s+"
               r"(?:the\s+|an?\s+)?(?P<y>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\W*$", re.I),
]
# The words in a term that are the question's, not the thing's: "bonds" stays ("ionic bonds"), "whats" does not
NOT_THING = re.compile(r"^(?:whats|what|which|is|are|the|a|an|i|im|it|one|ones|both|two|and|or|do|does|how|why|diff|"
                       r"difference|again|always|confuse|confused|mixed|up|them|those|these|"
                       # a pronoun or a joining word opens what the student says next: "bacteria | my teacher said"
                       r"my|your|our|their|his|her|we|you|u|they|theyre|he|she|because|bc|but|so|cuz|coz|"
                       # a preposition opens the question's own description: "barometer | for air pressure"
                       r"for|to|in|of|on|at|with|that|when|if)$", re.I)
# Where in a fact its subject sits: the thing a fact is about is named in its first words ("Xylem vessels carry ...",
# "Stars shine because of nuclear fusion ..."), not at the end of a list or an aside ("... even in the veins")
SUBJECT_WORDS = 6
# Where a fact that sets things side by side starts its next one: "; amphibians ...", ", a rain gauge measures ...",
# " and a barometer measures ..."
CLAUSES = re.compile(r";\s*|,\s+(?:and\s+)?(?=(?:an?|the)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:is|are|measures?|makes?|has|have|"
                     r"carr(?:y|ies))\b)|\s+and\s+(?=(?:an?|the)\s+[a-z]+\s+(?:measures?|is|are)\b)")
OPENING = 16  # characters before the term in a fact that opens with it: "In an ionic bond"
MOST_WORDS = 30


@dataclass
class Pair:
    """The two things a pair question names, as written, and the question's own ask after them, if any."""
    x: str
    y: str
    tail: str = ""
    rest: tuple[str, ...] = ()  # a third thing named beside them ("producer consumer decomposer")


def thing(words: str) -> str:
    """The term without its article and the question words a loose match took in ("the diff" -> ""; "phloem i" ->
    "phloem")."""
    kept = []
    for word in ARTICLES.sub("", words.strip(" ?.!,")).split():
        if NOT_THING.match(word) or word.lower() in CHAT_WORDS:  # "erosion lol"
            break
        kept.append(word.lower())
    return " ".join(kept)


def asked_pair(question: str) -> Pair | None:
    """The two things a question asks the student to tell apart, or None: "xylem vs phloem" -> (xylem, phloem);
    "arteries and veins which one goes to the heart" -> (arteries, veins, "which one goes to the heart")."""
    asked = re.sub(r"\s+", " ", question_of(question) or question).strip()
    for form in PAIR_FORMS:
        if not (m := form.search(asked)):
            continue
        x, y = thing(m.group("x")), thing(m.group("y"))
        z = thing(m.groupdict().get("z") or "")
        if x and y and x != y:
            x, y = headed(x, y)
            if len(x.split()) == 1 and len(y.split()) == 2 and y.split()[0].endswith(x):  # "complete vs incomplete
                x = f"{x} {y.split()[1]}"  # metamorphosis": the noun goes on both
            tail = m.group("tail").strip(" ,.!?-")
            return Pair(x, y, tail if re.match(r"which\b", tail, re.I) else "", (z,) if z and z not in (x, y) else ())
    return None


def pair_asked(claim: str, message: str) -> bool:
    """Is the claim a pair question itself, or nothing but the things the message asks to tell apart ("transverse
    longitudinal" out of "transverse longitudinal... which one is sound")? Then it is the question, not an idea of
    the student's."""
    if asked_pair(claim):
        return True
    pair = asked_pair(message)
    said = {w.lower() for w in content_words(claim)}
    return bool(pair and said) and said <= {w for term in (pair.x, pair.y, *pair.rest) for w in term.split()}


def proper_use(fact: str, term: str) -> bool:
    """Does the fact name the term only inside a proper name ("the Industrial Revolution" for a planet's
    revolution)? A capital letter mid-sentence where the student wrote none."""
    for m in re.finditer(rf"\b{re.escape(term.split()[0][:5])}\w*", fact, re.I):
        if m.start() > 0 and m.group(0)[:1].isupper() and not term[:1].isupper():
            return True
    return False


def subject_of(fact: str, term: str) -> bool:
    """Is the term named within the fact's first words, where its subject stands?"""
    head = " ".join(fact.split()[:SUBJECT_WORDS + len(term.split())])
    return names(head, term)


def described(question: str, pair: Pair) -> set[str]:
    """The forms of the question's own description: its key terms beside the two things and the asking words. A fact
    that names one of them would say which of the two the question's thing is."""
    kept = set()
    for term in key_terms(question):
        if term.lower() in SCAFFOLD or len(term) < 3 or names(pair.x, term) or names(pair.y, term):
            continue
        kept |= base_forms(term)
    return kept


def blank(fact: str, term: str) -> str | None:
    """The fact with the term left out ("___ vessels carry water ..."), each word of the term met in any form
    ("ionic bond" for "ionic bonds"), once; None where the fact names it nowhere or more than once."""
    wanted = [base_forms(word) for word in term.split()]
    words = list(re.finditer(r"[A-Za-z][\w'-]*", fact))
    runs = [i for i in range(len(words) - len(wanted) + 1)
            if all(base_forms(words[i + j].group(0)) & forms for j, forms in enumerate(wanted))]
    if len(runs) != 1:
        return None
    first, last = words[runs[0]], words[runs[0] + len(wanted) - 1]
    told = f"{fact[:first.start()]}___{fact[last.end():]}"
    # "an ___" would tell the two apart by a vowel: "a(n) ___"
    return re.sub(r"\b([Aa])n?(\s+___)", r"\1(n)\2", told) if re.search(r"\b[Aa]n?\s+___", told) else told


def feature_fact(term: str, other: str, question: str, pair: Pair, kb: KnowledgeBase) -> str | None:
    """A fact about `term` alone that gives one feature of it and says nothing of the question's own description,
    with the term left out; one that opens with the term before one that names it a few words in, and one that says
    what it is before one that says what it does."""
    own = described(question, pair)
    hits = [hit["text"] for query in (term, f"{term} {other}", f"what is {term}") for hit in kb.search(query, k=8)]
    # "Birds have feathers ...; reptiles have dry scales; amphibians start life in water": each clause of a fact
    # that sets things side by side is a feature of one of them
    pool = dict.fromkeys(clause.strip()[:1].upper() + clause.strip()[1:] + ("" if clause.strip().endswith(".") else ".")
                         for fact in hits
                         for clause in [fact, *CLAUSES.split(fact)]
                         if len(clause.split()) >= 4)
    found = []
    for rank, fact in enumerate(pool):
        if not names(fact, term) or any(names(fact, o) for o in (other, *pair.rest)) or has_negation(fact) \
                or proper_use(fact, term) \
                or not subject_of(fact, term) or LISTED.match(fact) or MAY_BE_MET.search(fact) \
                or len(fact.split()) > MOST_WORDS or own & forms_of(fact):
            continue
        if gap := blank(fact, term):  # "___ is the number of vibrations ...": what it is, before what it does
            defines = re.match(r"\s*(?:is|are|means)\b", gap.split("___", 1)[1])
            found.append((gap.index("___") > OPENING, not defines, rank, gap))
    return min(found)[3] if found else None


def contrast_move(question: str, kb: KnowledgeBase | None) -> Move | None:
    """The first move on a pair question: one side's feature from the textbook with the side left out, for the
    student to place; else each side asked on its own (`pair_start`). None when the question names no pair."""
    pair = asked_pair(question)
    if not pair:
        return None
    named = [f"\"{t}\"" for t in (pair.x, pair.y, *pair.rest)]
    for term, other in ((pair.x, pair.y), (pair.y, pair.x)):
        gap = feature_fact(term, other, question, pair, kb) if kb else None
        if gap:
            back = f" Then back to your question: {pair.tail}?" if pair.tail else ""
            return Move(f"Here is one feature that tells them apart, from the textbook: \"{gap}\" Does "
                        f"{', '.join(named[:-1])} or {named[-1]} fill the gap? And what is true of the "
                        f"{'others' if pair.rest else 'other one'} instead?{back}", "fact", None, [gap])
    return Move(pair_start(pair), "fact", None, [])


def gap_reply(question: str, cited: list[str], said: str, kb: KnowledgeBase | None) -> Move | None:
    """The turn after a gap (`cited` holds it): a bare pick of the side that fills it is confirmed and the other side
    asked for; the other side picked is sent back to the sentence; a stuck student gets the other side's own
    sentence, gapped too, to set beside it. None for anything else (an idea is judged as any other)."""
    gap = next((c for c in cited if "___" in c), None)
    pair = asked_pair(question)
    if not gap or not pair or kb is None:
        return None
    sides = {term: feature_fact(term, other, question, pair, kb)
             for term, other in ((pair.x, pair.y), (pair.y, pair.x))}
    answer = next((term for term, told in sides.items() if told == gap), None)
    if not answer:
        return None
    other = pair.y if answer == pair.x else pair.x
    picked = [term for term in (pair.x, pair.y) if names(said, term)]
    short = len(said.split()) <= len(answer.split()) + 3  # "fusion", "its fusion?", "fusion i think"
    if picked == [answer] and short:
        return Move(f"Yes, \"{answer}\" fills the gap. Now the other one: in a few words, what is true of {other} "
                    f"instead? A guess is fine.", "fact", "supported", [])
    clue = sides[other]
    if picked == [other] and short:
        beside = f" And here is a sentence about the other one: \"{clue}\"" if clue else ""
        return Move(f"Not quite. Read it again: \"{gap}\" What does that sentence say, and which of the two fits "
                    f"it?{beside}", "fact", "contradicted", [gap])
    if clue and (is_help(said) or not content_words(said)):
        return Move(f"Here is the other one, then: \"{clue}\" Set it beside the first sentence, \"{gap}\" Which one "
                    f"is about \"{pair.x}\", and which is about \"{pair.y}\"?", "fact", "unclear", [gap])
    return None


def pair_start(pair: Pair) -> str:
    """Each of the two on its own, where no fact tells them apart safely: one thing each does or where it is met,
    then the two set side by side."""
    back = f" Then use it on your question: {pair.tail}?" if pair.tail else ""
    return (f"Try {pair.x} first: in a few words of your own, what {verb(pair.x, 'be')} {pronoun(pair.x)}, or what "
            f"{verb(pair.x, 'do')} {pronoun(pair.x)} do? A guess is fine. Then the same for {pair.y}. With the two "
            f"side by side, we can pin down the one feature that tells them apart.{back}")


def plural(term: str) -> bool:
    """"arteries", "ionic bonds", "mitochondria", "algae": a plural; "mass", "osmosis", "gas" are not."""
    last = term.split()[-1].lower()
    return bool(re.search(r"(?:ria|ae)$", last)) or last.endswith("s") and not re.search(r"(?:ss|sis|us|gas|ics)$",
                                                                                         last)


def pronoun(term: str) -> str:
    """"they" for a plural term, else "it"."""
    return "they" if plural(term) else "it"


def verb(term: str, base: str) -> str:
    """The verb agreeing with the term: "is"/"are", "does"/"do"."""
    if base == "be":
        return "are" if plural(term) else "is"
    return base if plural(term) else {"do": "does"}.get(base, f"{base}s")


def main(argv: list[str]) -> None:
    if argv[:1] in (["-h"], ["--help"]) or not argv:
        print(__doc__)
        return
    found = contrast_move(" ".join(argv), KnowledgeBase.load_or_build())
    print(found.text if found else "(no pair asked)")


if __name__ == "__main__":
    main(sys.argv[1:])
