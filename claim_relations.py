"""Which way round a claim says a relation, against a fact that says it the other way: "it absorbs the red light"
where the fact has the thing *reflect* red light and absorb the other colours, "the rabbit eats the fox" where the
fact has the foxes eat the rabbits. Every word of such a claim is in the fact, so word overlap would bear it out;
only the direction of the relation tells them apart. The lever is the fact's decisive part asked as a question
about the claim's own things, never the fact said as the answer (`lever`). A catalogued observation written for one
example thing ("the sugar", "the candle") is said about the problem's own thing of that kind (`own_objects`): a
student asked about salt is never sent to taste sugar.

    .venv/bin/python claim_relations.py "it absorbs the red light" "A red apple reflects red light, absorbs the rest."
"""
from __future__ import annotations

import re
import sys

from evidence import Move
from text_words import base_forms, content_words, has_negation
from student_message import about
from science_catalog import echo
from science_names import fact_clauses

# Relations that pair one thing with opposite verbs: what a thing absorbs it does not reflect, a muscle that pulls does
# not push. Each verb in the forms a student writes; the first is the form a question asks with.
OPPOSED_VERBS = [(("absorb", "absorbs", "absorbed", "soak", "soaks", "take in", "takes in"),
                  ("reflect", "reflects", "reflected", "bounce", "bounces", "send back", "sends back")),
                 (("pull", "pulls", "pulled"), ("push", "pushes", "pushed")),
                 (("gain", "gains", "gained"), ("lose", "loses", "lost")),
                 (("attract", "attracts", "attracted"), ("repel", "repels", "repelled")),
                 (("give off", "gives off", "release", "releases"), ("take in", "takes in", "absorb", "absorbs"))]
# Relations with a doer and a done-to: "X eats Y" is not "Y eats X". The passive ("is eaten by") swaps the two.
DIRECTED = re.compile(r"\b(eats?|eaten|ate|hunts?|hunted|preys?|preyed|feeds?|fed|catch(?:es)?|caught)\b", re.I)
PASSIVE_BY = re.compile(r"\b(?:is|are|was|were|gets?|got)\s+(?:\w+\s+)?(?:eaten|hunted|caught|fed on|preyed on)\s+by\b",
                        re.I)
# Quantities said with a direction: a claim with one side where the fact, on the question's own condition, says the
# other ("it gets bigger to let more light in" where the pupil gets smaller in bright light) shares every other word
# with it. Each side as a student writes it.
DIRECTIONS = [({"bigger", "larger", "wider", "widens", "expands", "grows", "increases", "dilates"},
               {"smaller", "narrower", "narrows", "shrinks", "contracts", "decreases"}),
              ({"more"}, {"less", "fewer"}), ({"faster", "quicker"}, {"slower"}), ({"higher"}, {"lower"}),
              ({"hotter", "warmer"}, {"colder", "cooler"}), ({"positive"}, {"negative"}),
              ({"hollow", "empty"}, {"solid"}), ({"stronger"}, {"weaker"}),
              ({"heavier"}, {"lighter"}), ({"floats", "float"}, {"sinks", "sink"})]
# Words that name no thing of the relation: "the light" is what every colour of light is.
GENERIC = {"light", "colour", "color", "colours", "colors", "thing", "things", "other", "all", "some", "more", "most"}


def verb_at(clause: str, verbs: tuple[str, ...]) -> int | None:
    """Where the clause says one of the verbs (the end of its words), or None."""
    found = [m.end() for verb in verbs for m in re.finditer(rf"\b{verb}\b", clause, re.I)]
    return min(found) if found else None


def object_words(clause: str, at: int) -> set[str]:
    """The base forms of what the verb at `at` takes: the clause's next four content words, less the generic ones."""
    words = [w for w in content_words(" ".join(clause[at:].split()[:4])) if w.lower() not in GENERIC]
    return {form for w in words for form in base_forms(w)}


def opposed_clause(claim: str, fact: str) -> tuple[str, str] | None:
    """(the claim's verb, the fact's opposite verb) when the claim pairs a thing with one verb of an opposed pair and
    a clause of the fact pairs the same thing with the other, no clause of the fact pairing it with the claim's."""
    if has_negation(claim):
        return None
    for pair in OPPOSED_VERBS:
        for said, other in (pair, pair[::-1]):
            if (at := verb_at(claim, said)) is None or not (thing := object_words(claim, at)):
                continue
            clauses = [c for c in fact_clauses(fact) if not has_negation(c)]
            kept = any((w := verb_at(c, said)) is not None and thing & object_words(c, w) for c in clauses)
            turned = [c for c in clauses if (w := verb_at(c, other)) is not None and thing & object_words(c, w)]
            if turned and not kept:
                return said[0], other[0]
    return None


def doer_done(clause: str) -> tuple[set[str], set[str]] | None:
    """(the doer's words, the done-to's words) of a directed relation in the clause: "the fox eats the rabbit" and
    "the rabbit is eaten by the fox" both give ({fox}, {rabbit})."""
    found = DIRECTED.search(clause)
    if not found:
        return None
    before = {f for w in content_words(clause[:found.start()]) for f in base_forms(w)}
    after = {f for w in content_words(clause[found.end():]) for f in base_forms(w)}
    return (after, before) if PASSIVE_BY.search(clause) else (before, after)


def swapped_roles(claim: str, fact: str) -> tuple[str, str] | None:
    """(the claim's doer, its done-to) when a clause of the fact has the two the other way round in the same kind of
    relation: "the rabbit eats the fox" against "the foxes eat more rabbits"."""
    roles = doer_done(claim) if not has_negation(claim) else None
    if not roles or not all(roles):
        return None
    doer, done = roles
    for clause in [*fact_clauses(fact), fact]:  # the whole sentence too: "Owls hunt at night and eat voles"
        other = doer_done(clause) if not has_negation(clause) else None
        if other and doer & other[1] and done & other[0] and not doer & other[0]:
            return name_of(claim, doer), name_of(claim, done)
    return None


def name_of(claim: str, forms: set[str]) -> str:
    """The claim's own word for a thing (its first content word among `forms`)."""
    return next(w for w in re.findall(r"[A-Za-z]+", claim) if any(base_forms(c) & forms for c in content_words(w)))


def turned(claim: str, fact: str, question: str = "") -> bool:
    """Does the fact say the claim's relation the other way round, or its quantity the other direction?"""
    return bool(opposed_clause(claim, fact) or swapped_roles(claim, fact) or opposed_direction(claim, fact, question))


def opposed_direction(claim: str, fact: str, question: str) -> tuple[str, str] | None:
    """(the claim's direction word, the fact's opposite) when the fact's clause that speaks most of the question's
    condition (its content words beyond the claim's own: "bright" of "bright sunlight") says the other side and not
    the claim's, and the claim says one side only, undenied. A clause about the other condition ("wider in dim
    light") never counts: it may say the claim's very word."""
    said = {w.lower() for w in re.findall(r"[A-Za-z]+", claim)}
    if has_negation(claim) or not question or other_case(fact, question):
        return None
    asked = {f for w in content_words(question) for f in base_forms(w)}
    clauses = [c for c in fact_clauses(fact) if not has_negation(c)]
    if not clauses:
        return None
    scored = [(len(asked & {f for w in content_words(c) for f in base_forms(w)}), c) for c in clauses]
    best, clause = max(scored, key=lambda pair: pair[0])
    if not best or sum(score == best for score, _ in scored) > 1:  # no clause, or two alike: the condition unclear
        return None
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", clause)}
    for pair in DIRECTIONS:
        for side, other in (pair, pair[::-1]):
            if said & side and not said & other and words & other and not words & side:
                return min(said & side), min(words & other)
    return None


# Which way a condition sets an amount: "when there are many rabbits" against "if the rabbits all die"
RISING = {"many", "more", "lots", "plenty", "increase", "increases", "rise", "rises", "grow", "grows", "added"}
FALLING = {"few", "fewer", "less", "die", "dies", "died", "disappear", "disappears", "gone", "removed", "decrease",
           "decreases", "fall", "falls", "extinct", "kill", "kills", "killed", "poisoned", "hunted", "none", "lost",
           "out", "drop", "drops", "vanish", "vanishes"}
CONDITION_OPENS = re.compile(r"\b(?:when|if|whenever)\s+([^,;.?]+)", re.I)


def other_case(fact: str, question: str) -> bool:
    """Does the fact open on a condition that sets the question's own thing the other way ("When there are many
    rabbits, ... the foxes eat more" to "what happens to the foxes if the rabbits all die")? Its directions then
    belong to that case, not this one, and contradict nothing the student says of this one."""
    told, asked = CONDITION_OPENS.match(fact.strip()), CONDITION_OPENS.search(question)
    if not told or not asked:
        return False
    shared = {f for w in content_words(told.group(1)) for f in base_forms(w)} \
        & {f for w in content_words(asked.group(1)) for f in base_forms(w)}
    sides = [(bool(words & RISING), bool(words & FALLING))
             for words in ({w.lower() for w in re.findall(r"[A-Za-z]+", part.group(1))} for part in (told, asked))]
    return bool(shared) and all(rise != fall for rise, fall in sides) and sides[0] != sides[1]


def subject_of(claim: str, verb: str) -> str:
    """What the claim's verb is said of, short ("it", "the shirt"), else "it"."""
    before = re.split(rf"\b{verb}", claim, maxsplit=1, flags=re.I)[0]
    words = re.sub(r"(?i)^.*\b(?:because|since|as|so)\b", "", before).split()
    return " ".join(words) if 1 <= len(words) <= 3 else "it"


def lever(claim: str, fact: str, question: str = "") -> str | None:
    """The question that makes the student turn the relation round themselves, about their own things: which thing
    is the food and which eats it; what the thing sends back and what it keeps."""
    if roles := swapped_roles(claim, fact):
        doer, done = roles
        return (f"Check which way round that goes. Between the {doer} and the {done}, which one hunts and eats the "
                f"other, and which one is the food?")
    if verbs := opposed_direction(claim, fact, question):
        return direction_lever(claim, fact, question, verbs[0])
    if verbs := opposed_clause(claim, fact):
        said, other = verbs
        at = verb_at(claim, next(group for pair in OPPOSED_VERBS for group in pair if said in group))
        subject = subject_of(claim, claim[:at].split()[-1]) if at else "it"
        return (f"Check which way round that goes. What does {subject} {other}, and what does {subject} {said}? "
                f"Which of the two reaches your eyes?" if said in ("absorb", "reflect") else
                f"Check which way round that goes. Does {subject} {said} or {other} here? What would you see if it "
                f"did the other?")
    return None


def direction_lever(claim: str, fact: str, question: str, said: str) -> str:
    """The direction asked for: where the fact says the claim's own word of another case ("wider in dim light to let
    more in"), that clause is shown and the student asked whether this question is that case; else what each
    direction would show. The fact's side on this question's condition, the answer, is never said."""
    quoted = f"\"{said}\"" if echo(claim).lower().strip(" .") == said else f"\"{said}\" in \"{echo(claim)}\""
    other_case = next((c.strip(" .") for c in fact_clauses(fact) if re.search(rf"\b{said}\b", c, re.I)
                       and not has_negation(c) and len(c.split()) >= 3), None)
    if other_case:
        return (f"Check {quoted}. The textbook uses \"{said}\" for this: \"{other_case}\". Is {about(question)} "
                f"about that case? If not, what changes?")
    return (f"Check {quoted}. If \"{said}\" were right, what would you expect to see for {about(question)}? Does "
            f"that match what happens?")


def turned_move(claim: str, question: str, facts: list[str]) -> Move | None:
    """A claim no card, catalogued idea or verdict decides, where a fact on the question's own condition (two of its
    terms at least) says the claim's quantity the other direction: "the same metal" where burning makes new
    substances. The lever asks for the direction, never the fact's side as the answer."""
    asked = {f for w in content_words(question) for f in base_forms(w)}
    for fact in facts:
        if len(asked & {f for w in content_words(fact) for f in base_forms(w)}) >= 2 \
                and opposed_direction(claim, fact, question):
            return Move(lever(claim, fact, question) or "", "fact", "contradicted", [fact])
    return None


# Things one observation serves alike: a question written with one of them fits the problem's own.
KINDRED = [("sugar", "salt", "coffee", "sweetener", "cocoa"), ("candle", "log", "coal", "newspaper"),
           ("grass", "clover", "seed", "acorn", "corn"),
           ("rabbit", "mouse", "deer", "zebra", "grasshopper", "caterpillar", "squirrel", "vole"),
           ("fox", "owl", "wolf", "lion", "snake", "hawk", "eagle")]
PLURALS = {"fox": "foxes", "wolf": "wolves", "mouse": "mice", "deer": "deer", "grass": "grass", "corn": "corn",
           "sugar": "sugar", "salt": "salt", "coffee": "coffee", "cocoa": "cocoa", "coal": "coal"}


# a thing named by what it holds or filters ("a coffee paper", "the sugar jar") is not that thing: never swapped
USED_FOR = r"(?! (?:paper|filter|cup|mug|jar|shaker|spoon)s?\b)"


def plural_of(thing: str) -> str:
    return PLURALS.get(thing, f"{thing}s")


def own_objects(text: str, scene: str) -> str:
    """The text with each kindred thing the scene (the problem and the student's words) does not name said as the
    one it does, in the same number: "After the sugar has vanished" for a problem about salt reads "After the salt
    has vanished"; "Foxes eat rabbits" for wolves and deer reads "Wolves eat deer"."""
    for kin in KINDRED:
        named = [k for k in kin if re.search(rf"\b(?:{k}|{plural_of(k)})\b", scene, re.I)]
        if len(named) != 1 or re.search(rf"\b(?:{named[0]}|{plural_of(named[0])})\b", text, re.I):
            continue
        for k in kin:
            for old, new in ((plural_of(k), plural_of(named[0])), (k, named[0])):
                text = re.sub(rf"\b{old}\b{USED_FOR}", new,
                              re.sub(rf"\b{old.capitalize()}\b{USED_FOR}", new.capitalize(), text))
    return text


def main(argv: list[str]) -> None:
    if argv[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return
    if len(argv) != 2:
        sys.exit(__doc__)
    print(turned(argv[0], argv[1]), lever(argv[0], argv[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
