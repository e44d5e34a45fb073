"""The observation or tool that decides a science question, where no card decides it: the move names it without
stating the answer.

What it supports
- `reasoned_verdict`: a topic card's verdict on a claim that gives a reason ("salt dissolves faster in hot water
  because hot water is thinner"): the card's answer words in the part that restates the question confirm nothing;
  the reason itself must say the card's idea, and a claim that compares two things ("more ... than ...") is
  confirmed only by a card that makes its comparison (`compares_alike`).
- `cross_move`: a genetic cross of named genotypes ("Bb and bb"): the Punnett square for these parents is the tool;
  a chance the square cannot give for them is flagged (exact code knows every box), any other is asked to be checked
  box by box.
- `ruling_fact_move`: a wrong attempt that names a term of its own ("C-14 has 2 more protons") meets the fact that
  rules on that term ("The number of protons decides which element an atom is ..."), never one that may state the
  answer.
- `reason_move`: a why-question whose fact gives its outcome and the reason for it ("Only about a tenth of the
  energy at one level of a food chain passes on ..., so there are usually fewer animals at the top"): the reason is
  the answer, so only the thing it is about is named ("the energy at one level of a food chain"), never what it does.
- `kind_move`: a why-question about the question's own thing ("why are there earthquakes in California but not
  here", "why do magnets only stick to some stuff") whose fact sorts it by a kind of place ("Most earthquakes ...
  occur near the edges of ...") or of material ("A magnet pulls on objects made of iron ..."): the fact's own subject
  and relation, said without its object (the answer), and the student asked to find the pattern by looking.
- `like_case_move`: a why-question whose fact explains a like case ("..., which is why black clothes get hot in the
  sun" for ice melting faster on a black plate): the case, never its reason, set beside the question's own.
- `contrast_move`: a fact that sets two things side by side ("Granite cools slowly ... and has large crystals; basalt
  cools quickly ... and has tiny ones") gives the clause about the other thing, the rule to compare with; the clause
  about the asked thing, which is the answer, is never shown.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from itertools import product

from evidence import Move, default_embedder, judge_claim, key_terms
from text_words import COMMON, STOP, TUTOR_STEMS, base_forms, content_tokens, forms_of, has_negation
from student_message import about, question_of
from science_catalog import (CONDITION, LETTERED_OPTIONS, MISCONCEPTIONS, OPTIONS, TopicCard, answer_of, card_verdict,
                             catalog_vectors, echo)
from named_questions import named_question
from science_support import compared

WHY = re.compile(r"\W*(?:why|how come|what\s+(?:causes|makes))\b", re.I)
REASON = re.compile(r"\s*,?\s*\b(?:because|since|due to)\b\s*", re.I)
# "Tt", "bb", "TT": one organism's pair of alleles for one gene (a capital and its small letter, or two alike)
GENOTYPE = re.compile(r"\b([A-Za-z])(?i:\1)\b")
GENETICS = re.compile(r"\b(?:cross\w*|offspring|dominant|recessive|alleles?|parents?|child(?:ren)?|punnett)\b", re.I)
PARENT_WORDS = re.compile(r"\b(?:parents?|cross\w*|both|mother|father)\b", re.I)
# The chance a student gives: "25%", "1/4", "1 in 4", "one in four", "0.25", "half", "a quarter", "3:1"
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "half": Fraction(1, 2), "quarter": Fraction(1, 4),
                "none": 0, "all": 1}
CHANCE = re.compile(r"(\d+(?:\.\d+)?)\s*%|(\d+|one|two|three)\s*(?:/|\bin\b|\bout of\b)\s*(\d+|two|four)|"
                    r"\b(0?\.\d+)\b|\b(half|quarter|none|all)\b|(\d+)\s*:\s*(\d+)", re.I)
MIN_INSTANCE = 0.32  # a question and the general outcome it is a case of ("fewer foxes" / "fewer animals at the top")
# "R, so Q", "Q because R", "R, which is why Q": a fact's reason and the outcome it explains
BECAUSE = re.compile(r"^(?P<q>.+?),?\s+because\s+(?P<r>.+)$", re.I)
SO = re.compile(r"^(?P<r>.+?),\s*(?:so|which is why|and so|and this is why)\s+(?P<q>.+)$", re.I)
# "the energy at one level of a food chain": a thing a reason is about, led by its determiner
DETERMINERS = {"the", "a", "an", "its", "their", "no"}
GENERIC = {"object", "objects", "thing", "things", "substance", "material", "something", "one", "ones"}
# the property a reason gives its thing, which is the answer: "a full outer shell", "almost no atmosphere"
PROPERTIES = {"full", "empty", "thick", "thin", "high", "low", "large", "small", "big", "hot", "cold", "warm", "fast",
              "slow", "strong", "weak", "dark", "heavy", "less", "fewer", "greater", "higher", "lower"}
PARTICLES = {"on", "in", "out", "into", "up", "down", "through", "away"}  # "passes on": a verb, not a thing's word
QUANTITY = {"tenth", "half", "quarter", "third", "part", "parts", "number", "numbers", "amount", "lot", "bit", "same",
            "way", "kind", "type", "result", "reason"}
# Clauses of a fact that sets two things side by side: "...; basalt ...", "..., while ...", ", but ..."
# A fact that says what decides a thing: "The number of protons decides which element an atom is"
RULE = re.compile(r"\b(?:decides?|determines?|depends? on)\b", re.I)
SIDE_BREAK = re.compile(r";\s*|,\s*(?:while|whereas|but)\s+", re.I)
SUBJECT = re.compile(r"\W*(?:(?:the|an?|most|some|all|many)\s+)?([A-Za-z][\w-]+)\s+"
                     r"(?:is|are|has|have|can|cools?|forms?|[a-z]+s)\b", re.I)


# Comparison words are function words to the overlap checks ("more", "same" carry no content), yet they are the claim.
# A question and the right idea of a catalogued misconception it asks about ("Why does an ice cube float?" / "ice is
# less dense than water so it floats"): at 0.70 every question of the foreign help sets it took is on the entry's
# own deciding fact but one ("Why does the Sun look so small?" took "the Sun is a star that looks big because it is
# close", whose observation is still about the Sun's distance)
MIN_OBSERVED = 0.70
# A sentence of a catalogued observation that argues from the wrong idea ("If the soil were its food, why would it
# need the light?", "So is it the weight alone that decides ...?") speaks to a student who holds it; one that sets up
# a test ("If you put an ammeter before the bulb ...") is the observation itself
ARGUES = re.compile(r"^\W*(?:so\b|if\s+(?!you\b|we\b)[^,?]*?\b(?:were|was|did|made|had|worked|came|decided)\b)", re.I)
COMPARES = re.compile(r"\b(?:same|more|less|fewer|equal|greater|smaller|bigger|larger|heavier|lighter|faster|slower|"
                      r"higher|lower|longer|shorter)\b", re.I)


def compares_alike(claim: str, fact: str) -> bool:
    """Does the fact make every comparison the claim makes ("the same mass" for "the same mass")? "more dense" is
    the comparison "denser" makes (`said_as_er`)."""
    made = {w.lower() for w in COMPARES.findall(fact)}
    return {w.lower() for w in COMPARES.findall(said_as_er(claim, fact))} <= made


def said_as_er(claim: str, fact: str) -> str:
    """The claim with each "more X" the fact says as one word ("more dense" where the fact says "denser", "more
    warm" for "warmer") written as that word: the same comparison, made one way or the other."""
    def one_word(m: re.Match) -> str:
        word = m.group(1).lower()
        said = next((f for f in (f"{word}r", f"{word}er", f"{word[:-1]}ier") if re.search(rf"\b{f}\b", fact, re.I)),
                    None)
        return said or m.group(0)
    return re.sub(r"\bmore\s+([a-z]{3,})\b", one_word, claim, flags=re.I)


def compares_things(claim: str, fact: str) -> bool:
    """`compares_alike`, and a comparison of two things ("smaller than the Earth") borne out only by a fact that sets
    two things side by side too: "Any object seems smaller the further off it is" compares no thing with the Earth.
    A card's idea is judged by its own words (`reasoned_verdict`), never by this."""
    return compares_alike(claim, fact) and (not THAN.search(claim) or bool(THAN.search(fact)))


THAN = re.compile(r"\bthan\b|\bas\s+\w+\s+as\b|\bcompared\s+(?:with|to)\b", re.I)


def reasoned_verdict(card: TopicCard, claim: str, asked: str | None) -> str | None:
    """The card's verdict, where a claim's reason must carry a "right" on its own: "salt dissolves faster in hot
    water because hot water is thinner" names the dissolving card's word only where it says the question back, and
    its reason is what a why-question (`asked`), or a message that asks none, asks for. A reason the card cannot
    judge leaves the claim to the facts."""
    said = card_verdict(card, claim) or told_then_reasoned(card, claim)
    if said == "right" and re.search(r"\bthan\b", claim, re.I) \
            and not compares_alike(claim, f"{card.idea} {card.example_right}"):
        return None  # "more rocks hit the Moon than the Earth": two things compared as the card's idea never does
    parts = REASON.split(claim, maxsplit=1)
    if said != "right" or len(parts) < 2 or not parts[1].strip() or asked and not WHY.match(asked):
        return said  # "it evaporates because of the Sun's heat" to "Where does a puddle go?": the answer comes first
    # "the water evaporates because of the Sun's heat" to "Why does a puddle disappear?": its first part is the
    # answer, in words the question does not say
    beyond = " ".join(w for w in parts[0].split() if not (asked and base_forms(w.strip(",.!?")) & forms_of(asked)))
    return said if card_verdict(card, parts[1]) == "right" or asked and card_verdict(card, beyond) == "right" else None


def told_then_reasoned(card: TopicCard, claim: str) -> str | None:
    """'right' for a short answer the card accepts, then its reason after a comma ("physical, its still water and you
    can freeze it back"), as the card takes it after "because"; the reason must not name the card's wrong outcome at
    all ("physical, no wait chemical": a "no" before it there is no denial of it)."""
    head, comma, reason = claim.partition(",")
    return "right" if comma and reason.strip() and card_verdict(card, head) == "right" \
        and not (card.wrong and re.search(card.wrong, reason, re.I)) else None


def answered_first(card: TopicCard, claim: str, asked: str) -> str | None:
    """The answer before a reason word ("8 legs" in "8 legs because its an arachnid"), where the card accepts it and
    the question asks no why: the answer alone is what the card can confirm, so only it is said back, never the
    reason. The reason must name a word of the card's idea that the question does not ("arachnid"): "0 degrees
    because thats when it boils" keeps the card's opening, which takes the wrong reason up. None for a reason the
    card calls wrong, or names its wrong outcome in."""
    parts = REASON.split(claim, maxsplit=1)
    if len(parts) != 2 or not parts[1].strip() or WHY.match(asked) or card_verdict(card, parts[0]) != "right":
        return None
    wrong = card.wrong and re.search(card.wrong, parts[1], re.I) or card_verdict(card, parts[1]) == "wrong"
    on_idea = (forms_of(parts[1]) - forms_of(asked)) & forms_of(card.idea)  # "its an arachnid", not "it boils"
    return None if wrong or not on_idea else parts[0].strip(" ,")


def unbacked_reason(claim: str, question: str, facts: list[str]) -> bool:
    """Does the claim give a reason that is the answer asked for ("thin wire gets hotter because electricity moves
    faster in it", to a why-question or to none asked), which no fact backs? Its outcome part, borne out by a fact,
    then confirms nothing: the outcome is the question's own, the reason is what is judged."""
    parts = REASON.split(claim, maxsplit=1)
    asked = question_of(question)
    if len(parts) < 2 or not parts[1].strip() or asked and not WHY.match(asked):
        return False
    return judge_claim(parts[1], facts, question, neighbours=False).label != "supported"


def parents(question: str) -> tuple[str, str] | None:
    """The two parents' genotypes a cross question names ("Tt" and "Tt" for "two Tt plants"; "Bb" and "bb"), or
    None: a question with no genetics word, or with one genotype that is not said to be both parents'."""
    if not GENETICS.search(question):
        return None
    found = [m.group(0) for m in GENOTYPE.finditer(question) if m.group(0) != m.group(0).lower() or
             re.search(rf"\b{m.group(0)}\b\s*(?:\)|parent|plant|father|mother|male|female|and\b|x\b|×)", question)]
    if len(found) >= 2:
        return found[0], found[1]
    both = found and re.search(rf"\b(?:two|both|each)\b[^.?]*\b{found[0]}\b|\b{found[0]}\b[^.?]*\bboth\b", question,
                               re.I)
    return (found[0], found[0]) if both else None


def box_genotypes(pair: tuple[str, str]) -> list[str]:
    """The four boxes of the Punnett square, each genotype with its capital first ("Tt", never "tT")."""
    return ["".join(sorted(a + b)) for a, b in product(*pair)]


def offspring_shares(pair: tuple[str, str]) -> set[Fraction]:
    """Every share of the four Punnett boxes a question about these parents could ask for: each genotype's, and
    each phenotype's (a capital letter shows the dominant trait)."""
    boxes = box_genotypes(pair)
    shares = {Fraction(boxes.count(g), 4) for g in boxes}
    dominant = sum(any(c.isupper() for c in box) for box in boxes)
    return shares | {Fraction(dominant, 4), Fraction(4 - dominant, 4)}


def chance_said(claim: str) -> Fraction | None:
    """The chance a claim gives, as a fraction (25% -> 1/4, "1 in 4" -> 1/4, "3:1" -> 1/4 of the smaller kind is
    not read: a ratio names two shares), or None."""
    m = CHANCE.search(claim)
    if not m or m.group(6):
        return None
    if m.group(1):
        return Fraction(m.group(1)) / 100
    if m.group(2):
        top, bottom = (WORD_NUMBERS.get(g.lower()) or int(g) for g in (m.group(2), m.group(3)))
        return Fraction(top, bottom) if bottom else None
    return Fraction(m.group(4)) if m.group(4) else Fraction(WORD_NUMBERS[m.group(5).lower()])


def square_step(pair: tuple[str, str]) -> str:
    """The Punnett square for these parents, what each passes on, with the counting left to the student."""
    first, second = pair
    given = (f"Each {first} parent passes on one allele, {first[0]} or {first[1]}" if first == second else
             f"The {first} parent passes on {first[0]} or {first[1]}, and the {second} parent passes on {second[0]} "
             f"or {second[1]}")
    return (f"{given}. Draw a 2-by-2 Punnett square with one parent's alleles across the top and the other's down the "
            f"side, and fill in each box: which boxes give what the question asks about, and what fraction of the "
            f"four is that?")


def cross_move(question: str, claim: str | None) -> Move | None:
    """A cross of named genotypes: the square for these parents. A chance for a genotype the student or the question
    names ("1/4 (tt)") is judged by that genotype's boxes; one that every possible ask gives alike (Bb and bb: every
    kind comes out 2 in 4) is judged by it; one no box count gives is wrong whatever is asked; any other is asked to
    be checked in the square, since which trait is asked is the question's words, not code's."""
    pair = parents(question)
    if not pair:
        return None
    if not claim:
        return Move(square_step(pair), "fact", None, [])
    said = chance_said(answer_of(claim))
    if said is None:
        return None
    boxes = box_genotypes(pair)
    asked = asked_genotype(claim, question)
    shares = {Fraction(boxes.count(asked), 4)} if asked else offspring_shares(pair)
    counts = ", ".join(f"{boxes.count(g)} {'is' if boxes.count(g) == 1 else 'are'} {g}" for g in dict.fromkeys(boxes))
    if shares == {said}:
        return Move(f"Yes: {echo(answer_of(claim))}. Of the four boxes in the Punnett square for {pair[0]} and "
                    f"{pair[1]} parents, {counts}. Would you like to try a cross of two other parents?", "fact",
                    "supported", [])
    if said not in shares:
        counted = f"count the {asked} boxes" if asked else "no count of its four boxes gives that"
        return Move(f"Not quite: in the Punnett square for {pair[0]} and {pair[1]} parents, {counted}. "
                    f"{square_step(pair)}", "fact", "contradicted", [])
    return Move(f"Check it in the square. {square_step(pair)}", "fact", "unclear", [])


def asked_genotype(claim: str, question: str) -> str | None:
    """The genotype whose share is asked or given: one the student names with the chance ("1/4 (tt)"), else one
    the question names after its ask ("what is the chance a pup is gg?"), letters in square order ("tT" is "Tt")."""
    ask = re.search(r"\b(?:chance|fraction|probability|percent(?:age)?|share|proportion|ratio|how many)\b", question,
                    re.I)
    said = answer_of(claim)
    # "Tt x Tt gives 3/4 tall", "both parents are Tt": the parents named, not the kind the chance counts
    named = [m for m in GENOTYPE.finditer(said) if not PARENT_WORDS.search(said)
             and not re.search(r"[x×*]\s*$", said[:m.start()])
             and not re.match(r"\s*(?:[x×*]|and\b)", said[m.end():])]
    found = named[0] if named else (GENOTYPE.search(question, ask.end()) if ask else None)
    return "".join(sorted(found.group(0))) if found else None


def own_terms(claim: str, question: str) -> list[str]:
    """The content words a claim adds to the question ("protons" in "C-14 has 2 more protons" to "How are carbon-12
    and carbon-14 different?"): the terms of its own that a fact can rule on."""
    asked = forms_of(question)
    return [word for word, stem in dict(content_tokens(claim)).items()
            if not base_forms(word) & asked and stem not in COMMON | TUTOR_STEMS and len(word) > 3]


def ruling_fact_move(claim: str, question: str, pool: list[str], answers: Callable[[str, str], bool]) -> Move | None:
    """A fact that rules on the claim's own term and is about the question's subject: it names one of the claim's
    own words and one of the question's key terms (where it has any), says what decides (`RULE`), and cannot state
    the answer (`answers`, science_moves' test)."""
    said = own_terms(answer_of(claim), question)
    terms = [t for t in key_terms(question) if len(t) > 2]
    for fact in pool:
        forms = forms_of(fact)
        if any(base_forms(w) & forms for w in said) and (not terms or any(base_forms(t) & forms for t in terms)) \
                and RULE.search(fact) \
                and not has_negation(fact) and not answers(fact, question):
            word = next(w for w in said if base_forms(w) & forms)
            return Move(f"Check \"{echo(answer_of(claim))}\" against this fact about {word}: \"{fact}\" What does it "
                        f"tell you about your idea?", "fact", "unclear", [fact])
    return None


def contrast_move(claim: str | None, question: str, pool: list[str]) -> Move | None:
    """One side of a fact that sets two things side by side, the side about the thing the question does not ask
    about: "Granite cools slowly underground and has large crystals" for a question on basalt's tiny crystals. The
    other side, about the asked thing, states the answer and is never shown."""
    asked, terms = forms_of(question), [base_forms(t) for t in key_terms(question)]
    for fact in pool:
        sides = [s.strip(" .") for s in SIDE_BREAK.split(fact) if s.strip(" .")]
        subjects = [SUBJECT.match(side) for side in sides]
        if len(sides) != 2 or not all(subjects) or any(m.group(1).lower() in STOP for m in subjects):  # "It is"
            continue
        on = [any(forms & base_forms(m.group(1)) for forms in terms) for m in subjects]
        other_side = sides[on.index(False)] if on.count(True) == 1 else ""
        # the two sides say the same things of two subjects ("cools ... crystals"), and the other is not asked about
        shared = {s for _, s in content_tokens(sides[0])} & {s for _, s in content_tokens(sides[1])}
        thing = subjects[on.index(True)].group(1) if other_side else ""
        beside = [forms for forms in terms if not forms & base_forms(thing)]  # the question's other terms
        if not other_side or not shared or base_forms(subjects[on.index(False)].group(1)) & asked \
                or not any(forms & forms_of(fact) for forms in beside):  # "mercury" the metal, not the planet
            continue
        other = other_side
        if claim and (agreed := agrees(claim, question, sides[on.index(True)], other)):
            return agreed
        told = f"Your idea: \"{echo(answer_of(claim))}\". " if claim else ""
        return Move(f"{told}Compare with what the textbook says: \"{other[:1].upper()}{other[1:]}.\" What does that "
                    f"tell you about {thing}?", "fact", "unclear" if claim else None, [other])
    return None


def reason_of(fact: str, question: str) -> str | None:
    """The reason a fact gives for the question's outcome: the fact's outcome clause names the question's key terms
    (all, or all but one of three or more), its reason clause is the rest; None when the fact gives no reason for it."""
    terms = [base_forms(t) for t in key_terms(question)]
    for m in (BECAUSE.match(fact.rstrip(". ")), SO.match(fact.rstrip(". "))):
        if not m or not terms:
            continue
        outcome = forms_of(m.group("q"))
        named = sum(bool(t & outcome) for t in terms)
        # the reason says something new, in one clause: "When there are many rabbits, ...; then the foxes eat more
        # rabbits" is a chain of outcomes about the same animals
        new = [w for w, _ in content_tokens(m.group("r")) if not base_forms(w) & forms_of(question)]
        if (named >= max(2, len(terms) - (len(terms) >= 3)) or named == len(terms)
                or same_comparison(m.group("q"), question)) and ";" not in m.group("r") and len(new) >= 2:
            return m.group("r")
    return None


def same_comparison(outcome: str, question: str) -> bool:
    """Is the fact's outcome the question's comparison told of a general case ("there are usually fewer animals at the
    top of a food chain" for "Why are there fewer foxes than rabbits?")? Both compare on one scale (more or fewer),
    and the encoder reads them close: the question's own animals are an instance the fact names by their kind, so no
    key term is shared. "Fewer trees in a desert" is no instance of it (the encoder reads it further)."""
    scale = {compared_on(i) for i in compared(outcome)}
    if not re.search(r"\bthan\b", question, re.I) or not scale or scale != {compared_on(i) for i in compared(question)}:
        return False
    asked, told = default_embedder().encode([question, outcome])
    return float(asked @ told) >= MIN_INSTANCE


def compared_on(group: int) -> int:
    """The scale a comparison group measures on: "more" and "fewer" are one scale read either way."""
    return {2: 1}.get(group, group)


def thing_of(reason: str, question: str, claim: str) -> str | None:
    """The thing the reason is about that neither the question nor the student names, without the property the
    reason gives it (that property is the answer): "the energy at one level of a food chain" from "Only about a
    tenth of the energy at one level ...", "the outer shell of electrons" from "their atoms have a full outer shell
    of electrons". It is led by a determiner; its words stop at a function word or a verb ("absorbs most", "passes
    on"); an "of", "at" or "in" phrase after it is its own part. A thing of two words or more is preferred."""
    said, words, found = forms_of(f"{question} {claim}"), reason.split(), []
    for i, lead in enumerate(w.lower() for w in words):
        if lead not in DETERMINERS:
            continue
        kept, j, dropped = [], i + 1, False
        while j < len(words) and len(kept) < 3:
            word, after = words[j].strip(",.;:"), words[j + 1].lower() if j + 1 < len(words) else ""
            if word.lower() in STOP or kept and word.endswith("s") and (after in PARTICLES or after in STOP):
                break
            if word.lower() not in PROPERTIES or kept:
                kept.append(word)
            else:
                dropped = True
            j += 1
            if words[j - 1][-1] in ",.;:":
                break
        head = kept[-1].lower() if kept else ""
        if not kept or head in QUANTITY | GENERIC or base_forms(head) & said:
            continue
        tail = " ".join(words[j:j + 7]) if j < len(words) and words[j].lower() in {"of", "at", "in"} else ""
        tail = re.split(r"[,;]|\s+(?:and|or|which|that|so|to|passes|is|are|has|have|can|does|do|was|were|makes?|keeps?|"
                        r"goes)\b", tail)[0]
        tail = re.sub(r"(?:\s+(?:of|at|in|on|a|an|the|to))+$", "", tail.strip(" ."), flags=re.I)
        lead = "the" if dropped or lead in {"no", "its", "their"} else lead
        found.append(" ".join([lead, *kept, *([tail] if tail else [])]))
    return next((t for t in found if len(t.split()) > 2), found[0] if found else None)


def reason_move(claim: str | None, question: str, pool: list[str]) -> Move | None:
    """A why-question whose fact gives the reason: the thing the reason is about, named, with the student asked how
    it explains the outcome; the reason itself, the answer, is never shown. A student whose idea already names the
    reason's words is left to the verdicts."""
    if not WHY.match(question):
        return None
    for fact in pool:
        reason = reason_of(fact, question)
        thing = thing_of(reason, question, claim or "") if reason else None
        own = {s for _, s in content_tokens(claim or "")} - {s for _, s in content_tokens(question)}
        if reason and claim and (given := gives_the_reason(claim, question, reason)):
            if given == "yes":
                return Move(f"Yes: {echo(answer_of(claim))}. That is the textbook's reason: \"{fact}\" Would you like "
                            f"a similar question to try?", "fact", "supported", [fact])
            key = thing_of(reason, question, "")  # the reason's thing, though the claim names it
            return link_move(claim, question, key, reason) if key else None
        if not thing or own & {s for _, s in content_tokens(reason)} or has_negation(thing):
            continue
        told = f"Your idea: \"{echo(answer_of(claim))}\". " if claim else ""
        return Move(f"{told}The textbook explains this with {thing}. What is true of {thing} in this case, and how "
                    f"would that explain {about(question)}?", "fact", "unclear" if claim else None, [])
    return None


def link_move(claim: str, question: str, thing: str, reason: str) -> Move | None:
    """A claim that names the thing the textbook's reason is about ("energy is lost at each step" beside "Only about
    a tenth of the energy at one level ... passes on") but not the reason itself: the thing is credited as the key,
    never the claim, and the student is asked for the link from it to the question's outcome. A cause that gives the
    thing a property the reason does not ("a thick atmosphere" beside "almost no atmosphere") is the verdicts'."""
    said = answer_of(claim)
    cause = {w.lower() for w in re.split(r"[,;]|\bso\b", REASON.sub("", said, count=1))[0].split()}
    if not {s for _, s in content_tokens(said)} & {s for _, s in content_tokens(thing)} or has_negation(said) \
            or cause & PROPERTIES - {w.lower() for w in reason.split()}:  # "a thick atmosphere" for "almost no"
        return None
    return Move(f"Your idea: \"{echo(said)}\". The textbook's reason is about {thing} too. Say the link step by step: "
                f"what happens to {thing}, and how does that answer {about(question)}?", "fact", "unclear", [])


def agrees(claim: str, question: str, asked_side: str, other_side: str) -> Move | None:
    """A claim that says what the fact's side about the asked thing says ("quickly, at the surface" to basalt's
    "basalt cools quickly at the surface ..."): two thirds of its own words are that side's, none is only the other
    side's ("slowly"), and it denies nothing. Confirmed with the side it matches, the answer now said."""
    said = answer_of(claim)
    own = [w for w in own_terms(said, question)]
    on, off = forms_of(asked_side), forms_of(other_side)
    covered = sum(bool(base_forms(w) & on) for w in own)
    against = any(base_forms(w) & off and not base_forms(w) & on for w in own)
    if not own or 3 * covered < 2 * len(own) or against or has_negation(said):
        return None
    return Move(f"Yes: {echo(said)}. The textbook says: \"{asked_side[:1].upper()}{asked_side[1:]}.\" Would you like a "
                f"similar question to try?", "fact", "supported", [asked_side])


def gives_the_reason(claim: str, question: str, reason: str) -> str | None:
    """Does the claim give the fact's reason? "yes": it says half or more of the reason's own words (two at least),
    denies what the reason denies and nothing else ("it has almost no atmosphere to keep the heat in" for "Mercury
    has almost no atmosphere to trap heat"); "partly": it shares some of them otherwise (left to the verdicts);
    None: it shares none."""
    said = answer_of(claim)
    new = list(dict.fromkeys(w for w, _ in content_tokens(reason) if not base_forms(w) & forms_of(question)))
    shared = sum(bool(base_forms(w) & forms_of(said)) for w in new)
    if not shared:
        return None
    return "yes" if shared >= max(2, (len(new) + 1) // 2) and has_negation(said) == has_negation(reason) else "partly"


# Where a fact's denial ends: "The Moon is not luminous: it reflects light from the Sun" says the answer after it
DENIAL_END = re.compile(r"\s*(?:[:;]|,\s*(?:so|but|and|which|because)\b|\bbut\b|\bbecause\b).*$", re.I)


def observation_move(question: str, answers: Callable[[str, str], bool]) -> Move | None:
    """A stuck student on a question whose deciding fact is the right idea of a catalogued misconception: the
    entry's observation, the everyday case an expert starts from ("Drop an ice cube into a glass of water: where does
    it stay?"), without its sentences that argue from the wrong idea, which the student never said. None for a
    lettered multiple-choice question (science_choices.py's), when no entry's right idea is that near the question
    on the entry's own topic or makes the comparison it asks, or when what is left may state the answer."""
    if LETTERED_OPTIONS.search(question):
        return None
    right = catalog_vectors(default_embedder())[1]
    vector = default_embedder().encode([question])[0]
    score, best = max((float(vector @ v), i) for i, v in enumerate(right))
    entry = MISCONCEPTIONS[best]
    if score < MIN_OBSERVED or entry.about and not re.search(entry.about, question, re.I):
        return None
    if COMPARES.search(question) and not COMPARES.search(entry.correct):
        return None  # "Does sugar dissolve faster in hot tea?" asks what the entry's right idea does not compare
    said = re.split(r"(?<=[.?!])\s+", entry.question)
    kept = [s for s in said if not ARGUES.match(s)]
    shown = " ".join(kept)
    # the scene is set in the first sentence: what is left without it has nothing to look at; an observation names
    # the one thing a one-term question asks about ("clouds") without stating anything of it
    if not kept or kept[0] != said[0] or "?" not in shown or len(key_terms(question)) > 1 and answers(shown, question):
        return None
    return Move(shown, "fact", None, [])


def denied_move(claim: str, question: str, pool: list[str]) -> Move | None:
    """A claim nothing decides, tested against what the textbook denies of the question's own subject ("The Moon
    does not make its own light" for "because it glows by itself like a lamp"): the denial alone, cut before any
    reason it gives (which may be the answer), put to the student to check their idea against. Asked, never ruled:
    code cannot tell that "glows by itself" is "makes its own light". A yes/no question's denial is its answer."""
    # the subject is outside the question's condition: "cold" in "... when it's cold" is when, not what, is asked
    terms = key_terms(CONDITION.sub("", question)) or key_terms(question)
    if has_negation(claim) or not terms or re.match(r"\W*(?:is|are|does|do|can|will|was|were)\b", question, re.I) \
            or named_question(question) and len(answer_of(claim).split()) <= 3:  # a name ("omnivore") says nothing
        return None  # a denial about the asked kind ("Animals cannot make their own food") could test
    options = OPTIONS.search(question)  # "the moon" to "Which is closer, the Moon or the Sun?": a choice made, which
    if options and any(forms_of(o) and forms_of(o) <= forms_of(claim)  # a denial of another property cannot test
                       for o in re.split(r",|\bor\b", re.sub(r"\b(?:an?|the)\s+", "", options.group(1)))):
        return None
    subjects = "|".join(re.escape(t) for t in terms)
    for fact in pool:
        clause = DENIAL_END.sub("", fact).strip(" .")
        if re.match(rf"\W*(?:the\s+|an?\s+)?(?:{subjects})\w*\s+(?:is|are|does|do|has|have|can|cannot|can't)\b", clause,
                    re.I) and has_negation(clause) and len(clause.split()) <= 12 \
                and not judge_claim(claim, [clause], question, neighbours=False).label == "supported":
            return Move(f"Test \"{echo(answer_of(claim))}\" against this from the textbook: \"{clause}.\" Does your "
                        f"idea fit it? If not, what else could explain {about(question)}?", "fact", "unclear", [fact])
    return None


# "Most earthquakes and volcanoes occur near the edges of ...": a thing and the kind of place it is found in
PLACED = re.compile(r"^\W*(?:most|many|nearly all|almost all)\s+"
                    r"(?P<things>[a-z-]+(?:\s+[a-z-]+)?(?:\s+and\s+[a-z-]+(?:\s+[a-z-]+)?)?)\s+"
                    r"(?P<verb>occur|happen|form|are found|live|grow)\s+(?:near|along|at|around|in|on|where)\b"
                    r"(?P<place>.+)$", re.I)
# "A magnet pulls on objects made of iron, nickel and cobalt": a thing and the material of what it acts on
MADE_OF = re.compile(r"^\W*(?:an?|the)\s+(?P<things>[a-z-]+)\s+(?P<verb>pulls on|attracts|picks up|sticks to|"
                     r"dissolves|conducts through)\s+(?:objects|things|materials|metals)\s+(?:that are\s+)?"
                     r"(?:made of|made from|that contain|containing)\b(?P<place>.+)$", re.I)


def kind_move(question: str, pool: list[str], claim: str | None = None) -> Move | None:
    """A why-question about the question's own thing whose fact sorts it by a kind of place or material: the fact's
    subject and relation ("most earthquakes occur" in one kind of place; the things "a magnet pulls on", sorted by
    what they are made of) with the student asked to find that kind by looking; the place or material itself, the
    answer, is never said; a student's idea nothing decides is said back first. None where no fact sorts the
    question's thing, or the question already names the kind."""
    if not WHY.match(question):
        return None
    told = f"Your idea: \"{echo(answer_of(claim))}\". " if claim else ""
    asked = {form for term in key_terms(question) for form in base_forms(term)}
    for fact in pool:
        first = re.split(r"(?<=[.!?])\s+", fact.strip())[0].rstrip(". ")  # its own sentence, not what follows
        placed, made = PLACED.match(first), MADE_OF.match(first)
        found = placed or made
        if not found or has_negation(found.group("place")) or forms_of(found.group("place")) & forms_of(question):
            continue
        thing = next((t for t in re.split(r"\s+and\s+", found.group("things")) if forms_of(t) & asked), None)
        if thing and placed:
            return Move(f"{told}The textbook says where most {thing} {found.group('verb')}: not just anywhere, but "
                        f"in one kind of place. If you marked every one on a world map, what pattern would you look "
                        f"for? What could be special about those places?", "fact", "unclear" if claim else None, [])
        if thing:
            lead = fact.strip().split()[0].lower()
            return Move(f"{told}The textbook sorts the things {lead} {thing} {found.group('verb')} by what they are "
                        f"made of. Test a few things around you: which ones does it act on, and what is each one made "
                        f"of? What do those have in common that the others lack?", "fact", "unclear" if claim else None,
                        [])
    return None


def like_case_move(question: str, pool: list[str], claim: str | None = None) -> Move | None:
    """A why-question whose fact explains another case that shares a thing of the question's own ("black" in "A
    black object absorbs ..., which is why black clothes get hot in the sun" for "Why does ice melt faster on a black
    plate?"): that case, the fact's outcome, set beside the question's, with the student asked what causes it; the
    reason, which would be the answer, is never shown. None where the fact's outcome is the question's own (the
    reason move's) or shares no thing with it."""
    if not WHY.match(question):
        return None
    told = f"Your idea: \"{echo(answer_of(claim))}\". " if claim else ""
    for fact in pool:
        for m in (BECAUSE.match(fact.rstrip(". ")), SO.match(fact.rstrip(". "))):
            if not m or reason_of(fact, question) or len(m.group("q").split()) > 12 or ";" in m.group("q"):
                continue
            if like_thing(question, m.group("q")) and not has_negation(m.group("q")) \
                    and not forms_of(claim or "") & forms_of(m.group("r")) - forms_of(question):
                case = m.group("q").strip()
                return Move(f"{told}The textbook explains a case like this one: {case[:1].lower() + case[1:]}. What "
                            f"makes that happen? Could the same cause explain {about(question)}?", "fact",
                            "unclear" if claim else None, [])
    return None


# The properties a like case may share: colour, surface, size, weight, state. A shared material or name is no like
# case: "a steel ball sinks" shares "steel" with "Why does burnt steel wool weigh more?" and explains nothing of it.
PROPERTIES = set("""black white dark light shiny dull rough smooth bright pale thin thick wide narrow big small large
tiny tall short heavy hot cold warm cool wet dry hard soft loose tight round flat sharp""".split())


def like_thing(question: str, outcome: str) -> bool:
    """Does the outcome give another thing the question's own property ("black clothes" beside "a black plate"): a
    key word of the question said right before its thing, said in the outcome before another thing? One shared topic
    word ("the Moon looks bright" beside "Why does the Moon have craters?") is no like case."""
    asked = [w.lower() for w in re.findall(r"[a-z]+", question, re.I)]
    told = [w.lower() for w in re.findall(r"[a-z]+", outcome, re.I)]
    terms = {t.lower() for t in key_terms(question)}
    pairs = {(a, b) for a, b in zip(asked, asked[1:]) if a in terms and b in terms and a in PROPERTIES}
    return any(a == x and not base_forms(b) & base_forms(y) and y not in STOP and len(y) > 2
               for a, b in pairs for x, y in zip(told, told[1:]))


# "it only travels in air", "only animals have cells": a claim that keeps what it says to one thing
ONLY = re.compile(r"\b(?:only|just|nothing\s+but)\b", re.I)
# The members a fact lists side by side: "a medium such as air, water or a solid", "Animal and plant cells"
LISTED = re.compile(r"\b(?:such\s+as|including|like|both|either)\s+((?:(?:an?\s+)?[a-z]+,\s+)*(?:an?\s+)?[a-z]+,?\s+"
                    r"(?:and|or)\s+(?:an?\s+)?[a-z]+)\b|\b([a-z]+\s+(?:and|or)\s+[a-z]+)\s+([a-z]+)\b", re.I)
AUXILIARY = {"can", "could", "will", "would", "is", "are", "was", "were", "does", "do", "did", "may", "might"}
PRONOUNS = {"it", "they", "he", "she", "this", "that"}
BASE_VERBS = {"has": "have", "does": "do", "goes": "go", "is": "be"}


def listed_members(fact: str, claim_forms: set[str]) -> list[list[str]]:
    """The lists of like things a fact names ("air, water or a solid" after "such as"; "animal and plant" before
    "cells", where the claim says "cells" too), each member one content word with its article, if it has one."""
    lists = []
    for found in LISTED.finditer(fact):
        if found.group(1):
            text = found.group(1)
        elif base_forms(found.group(3)) & claim_forms:
            text = found.group(2)
        else:
            continue
        members = [m.strip() for m in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", text) if m.strip()]
        if len(members) >= 2 and all(re.sub(r"^(?:an?|the)\s+", "", m, flags=re.I).lower() not in STOP | COMMON
                                     for m in members):
            lists.append(members)
    return lists


def only_clause(clause: str) -> str:
    """The part of a clause that says the "only": its subject (a pronoun, or a noun with its article), any helping
    verb, then the rest ("no sound cannot go through walls it only travels in air" -> "it only travels in air")."""
    at = ONLY.search(clause)
    before = clause[:at.start()].split() if at else []
    start = len(before)
    while start and before[start - 1].lower() in AUXILIARY:
        start -= 1
    if start and re.fullmatch(r"[a-z]+", before[start - 1].lower()) and before[start - 1].lower() not in (
            STOP - PRONOUNS) | {"no", "yes", "yeah", "nope"}:
        start -= 1
        start -= start > 0 and before[start - 1].lower() in ("the", "a", "an")
    return " ".join([*before[start:], clause[at.start():] if at else ""]).strip()


def asked_of(clause: str, member: str, other: str) -> str | None:
    """The claim's clause asked of another member, its "only" left out: "it only travels in air" -> "Does it travel
    in water?"; "only animals have cells" -> "Do plants have cells?". None where its verb cannot be found."""
    words = ONLY.sub(" ", clause).split()
    words = [other if base_forms(w) & forms_of(member) else w for w in words]
    if aux := next((i for i, w in enumerate(words[:4]) if w.lower() in AUXILIARY), None):
        return f"{words[aux].capitalize()} {' '.join(words[:aux])} {' '.join(words[aux + 1:])}?"
    subject = 2 if len(words) > 2 and words[0].lower() in ("the", "a", "an") else 1
    if len(words) <= subject or has_negation(" ".join(words)):
        return None
    verb, noun = words[subject].lower(), words[subject - 1].lower()
    if not re.fullmatch(r"[a-z]+", verb) or verb in STOP - {"has", "have", "does", "goes"}:
        return None
    single = noun in PRONOUNS - {"they"} or not noun.endswith("s") and noun not in PRONOUNS
    if not single:
        return f"Do {' '.join(words[:subject])} {verb} {' '.join(words[subject + 1:])}?".replace("  ", " ")
    base = BASE_VERBS.get(verb) or (re.sub(r"ies$", "y", verb) if verb.endswith("ies") else
                                     re.sub(r"(?:(?<=[sxz])|(?<=[cs]h))es$|s$", "", verb))
    return f"Does {' '.join(words[:subject])} {base} {' '.join(words[subject + 1:])}?".replace("  ", " ")


def related(words: set[str], held: set[str]) -> bool:
    """Do the claim's relation words meet the fact's, in one form or by a shared start of five letters or more
    ("conducts" and "conductors", which no form list joins)?"""
    return bool(words & held) or any(len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5] for a in words for b in held)


def left_out_move(claim: str, question: str, facts: list[str]) -> Move | None:
    """A claim that keeps its relation to one thing or a few ("sound only travels in air") and a fact about the
    question's topic that lists them beside others in the same relation ("travels ... through a medium such as air,
    water or a solid"): the claim asked of another listed thing the question does not name already ("What about
    water? Does it travel in water?"). The answer, from the fact, contradicts the claim; the fact's reason is not said.
    The fact must share the question's key term and a word of the claim's relation, not only the member."""
    asked, terms = forms_of(question), key_terms(question)
    for clause in re.split(r";\s*|\s+(?:but|so|because)\s+|,\s+(?=(?:it|its|they|but|so)\b)", answer_of(claim)):
        if not ONLY.search(clause):
            continue
        clause = only_clause(clause)
        said = forms_of(clause)
        for fact in facts:
            held = forms_of(fact)
            if not any(base_forms(t) & held for t in terms):
                continue
            for members in listed_members(fact, said):
                mine = [m for m in members if forms_of(m) & said]
                others = [m for m in members if not forms_of(m) & (said | asked)
                          and m.split()[-1].lower() not in question.lower()]  # "water" in "underwater" is asked
                relation = said - forms_of(" ".join(mine)) - forms_of(" ".join(STOP | COMMON))
                if not mine or not others or not related(relation, held):
                    continue
                one = clause  # "only goes through air and water": asked of steel in place of the pair
                for m in mine[1:]:
                    one = re.sub(rf"(?:\s*,\s*|\s+)(?:and\s+|or\s+)?{re.escape(m)}\w*\b", "", one, flags=re.I)
                said_as = next(w for w in clause.split() if base_forms(w) & forms_of(mine[0]))  # "animals"
                other = f"{others[0]}s" if said_as.lower().endswith("s") and not mine[0].lower().endswith("s") \
                    and not others[0].endswith("s") else others[0]  # "plant" in "plant cells" asked as "plants"
                if ask := asked_of(one, mine[0], other):
                    return Move(f"You said \"{echo(clause)}\". What about {other}? {ask}", "fact", "contradicted",
                                [fact])
    return None
