"""Lettered multiple-choice science questions: the one choice the topic card accepts or a fact names as the answer
decides a pick (`choice_fact`), a fact that contradicts the picked choice rules it out (`ruling_fact`), and a stuck
student is given the fact that says what the asked word means (`key_idea`) to weigh each choice against. A pick
nothing decides is asked for its reason: a card or fact that would take two of the choices confirms none.
A pick is read by its letter with the reason after it (`read_pick`, `pick_reason`: "B bc burning makes ash"); a fact's
clause that names one choice beside what is asked decides it (`named_choice`); a wrong pick meets what the textbook
says of the picked choice (`situation_fact`), never a fact that names another choice; a right pick's reason is called
right only where a fact backs it (`reason_backed`) and questioned where one contradicts it (`reason_against`).

    .venv/bin/python science_choices.py "Which of these is a mammal?" "a whale" "a shark" 0
"""
from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from evidence import KnowledgeBase, Move, encoder, judge_claim, key_terms
from text_words import base_forms, content_tokens, forms_of, has_negation
from science_catalog import TopicCard, card_verdict, echo, match_card, plural
from science_moves import science_move
from science_names import short_answer_fact
from student_message import about

if TYPE_CHECKING:
    from retrieval import Embedder


def choice_move(question: str, choices: list[str], picked: int | None, kb: KnowledgeBase, reason: str = "") -> Move:
    """A lettered multiple-choice question: the one choice the topic card accepts, a fact names as the answer
    (`choice_fact`) or a fact's clause names beside what the question asks (`named_choice`) decides a pick. A right
    pick is confirmed, its `reason` questioned only where a fact contradicts it; a wrong pick is met with the fact that
    rules it out or says what the picked choice is, else asked about against the other choices; a pick nothing decides
    is asked for its reason (a short choice is never confirmed by a card or fact that would take two of the choices),
    or, with its reason given, how that reason singles it out; a stuck student is asked about each choice or gets the
    topic card's observation."""
    question = re.split(r"\s\(?A[).:]\s", question)[0].strip() or question  # the stem, without its choices
    card = match_card(question, key_terms(question))
    right_at, grounds = decided(question, choices, picked, card, kb)
    asked = ASKED_PREDICATE.match(question)
    fits_it = f"which choice {asked.group(1)}" if asked else f"which choice answers {about(question)}"
    if picked is None:
        listed = ", ".join(f"\"{c}\"" for c in choices[:-1]) + f" and \"{choices[-1]}\""
        if not card and (idea := key_idea(question, choices, kb)):  # what the asked word means, no choice named
            return Move(f"Here is the key idea: \"{idea}\" Which of {listed} fits it, and what rules out each of the "
                        f"others?", "fact", None, [idea])
        if not card and right_at is not None and (out := ruled_out_first(question, choices, kb, right_at)):
            return out
        return Move(f"{card.opening} Then go back to the choices: {fits_it}?" if card else
                    f"Take the choices one at a time: what do you know about {listed}? Then decide {fits_it}: what "
                    f"rules out each of the others?", "card" if card else "fact", None, [])
    said = f"{'ABCDEFGH'[picked]}, \"{choices[picked]}\","
    if right_at == picked:
        if reason and (against := reason_against(reason, question, choices[picked], kb)):
            return Move(f"{said[:-1]} is the right pick, but check your reason against this: \"{against}\" Does "
                        f"\"{echo(reason)}\" fit it? What makes {said[:-1]} the right choice, then?", "fact",
                        "supported", [*grounds, against])
        held = reason_backed(reason, question, kb)
        next_step = card.next if card else "Would you like another question like this one to try?" if held \
            else apart_ask(picked, choices)
        return Move(f"Yes: {said} is right{', and so is your reason' if held else ''}. {next_step}",
                    "fact", "supported", [*grounds, *([held] if held else [])])
    ruled = ruling_fact(choices[picked], question, choices, kb)
    own = distinct_words(choices, question)  # a fact that names another choice may name the answer
    ruled = None if ruled and any(names(ruled, words) for i, words in enumerate(own) if i != picked) else ruled
    ruled = ruled or (situation_fact(picked, question, choices, kb, right_at) if right_at is not None else None)
    if ruled:
        return Move(f"Check choice {said} against this fact: \"{ruled}\" What does it tell you about "
                    f"\"{choices[picked]}\", and {fits_it} instead?", "fact", "contradicted", [ruled])
    if right_at is not None:
        return Move(f"Choice {said} does not fit. {card.opening}" if card else
                    f"Not {said[:-1]}. Go through the other choices one at a time: {fits_it}, and what rules out "
                    f"\"{choices[picked]}\"?", "fact", "contradicted", [])
    # no card or fact decides between the choices: a card that accepts two of them ("water turning to vapour",
    # "vapour turning to water") or none judges no pick, so the student's reason is asked for, or how the reason
    # they gave tells this choice from the others
    backed = science_move(question, f"{choices[picked]}, because {reason}", kb) if reason else None
    if backed and backed.verdict == "supported" and names(" ".join(backed.evidence), distinct_words(
            choices, question)[picked]):  # the pick and its reason together, as a fact that names the pick bears
        # them out ("Dolphins ... are mammals" for "dolphin, it feeds its babies milk" to "Which is a mammal?")
        held = reason_backed(reason, question, kb)
        return Move(f"Yes: {said} is right{', and so is your reason' if held else ''}. "
                    f"{card.next if card else apart_ask(picked, choices)}", "fact", "supported", backed.evidence)
    kind = re.fullmatch(r"(?:is|are)\s+((?:an?\s+)?[a-z ]+?)", asked.group(1).strip(), re.I) if asked else None
    if reason and (card or kind):  # a reason given is not asked for again: it is weighed against what the asked
        # kind takes ("What does it take to be a living thing, and does fire have all of it?")
        return Move(f"You picked {said[:-1]}. {card.opening}" if card else
                    f"You picked {said[:-1]}. What does it take to be {kind.group(1)}, and does \"{choices[picked]}\" "
                    f"have all of it? Check the other choices the same way.", "card" if card else "fact", "unclear", [])
    return Move(f"Why {said[:-1]}? {card.opening}" if card else
                f"Why {said[:-1]}? Say what you know about \"{choices[picked]}\", then decide {fits_it}: what rules "
                f"out each of the other choices?", "card" if card else "fact", "unclear", [])


def decided(question: str, choices: list[str], picked: int | None, card: TopicCard | None,
            kb: KnowledgeBase) -> tuple[int | None, list[str]]:
    """The one choice the topic card accepts, a fact names as the answer (`choice_fact`), the card's idea says of a
    fact about it (`card_fact`), a fact's clause names beside what is asked (`named_choice`) or the card of its own
    scenario accepts, else the pick a fact answers the question with by meaning (`meant_choice`, which only
    confirms); with what grounds it when it is the pick."""
    right = [i for i, choice in enumerate(choices)  # the card's accepted answer, else a fact's
             if card and card_verdict(card, choice) == "right" or choice_fact(choice, question, kb)]
    carded = [i for i, choice in enumerate(choices) if card and card_fact(card, i, choices, question, kb)] \
        if not right else []
    right = carded if len(carded) == 1 else right
    named = named_choice(question, choices, kb) if not right else None
    right = [named[0]] if named else right
    stated = [i for i, choice in enumerate(choices) if card_of_choice(question, choice) == "right"] \
        if not right else []
    right = stated if len(stated) == 1 else right
    right_at = right[0] if len(right) == 1 else None
    meant = meant_choice(question, choices, kb) if right_at is None and picked is not None else None
    right_at = picked if meant and meant[0] == picked else right_at
    if right_at is None or right_at != picked:
        return right_at, []
    return right_at, [card.idea] if card and card_verdict(card, choices[picked]) == "right" else \
        [named[1]] if named else [card_fact(card, picked, choices, question, kb)] if carded \
        else [choice_card(question, choices[picked]).idea] if stated \
        else [meant[1]] if meant else [choice_fact(choices[picked], question, kb)]


# Chosen on a calibration list of 25 lettered questions (session 22, none of the probe sets'): at 0.58 and 0.12 every
# choice taken was the key's; "Sound travels fastest through which?" took "air" at 0.49 by a fact on light's speed,
# "Which state of matter has a fixed shape?" took "gas" by 0.02 ("Matter in the gas phase has variable shape").
MEANT_COSINE, MEANT_MARGIN = 0.58, 0.12


def meant_choice(question: str, choices: list[str], kb: KnowledgeBase, embedder: Embedder | None = None,
                 least: float = MEANT_COSINE, margin: float = MEANT_MARGIN) -> tuple[int, str] | None:
    """The choice a fact answers the question with, by meaning: for each choice, the retrieved fact that names all
    of the choice's own words, no other choice's and denies nothing, read against the question (MiniLM cosine); the
    best choice when its fact is at least `least` near and `margin` nearer than any other choice's ("Most metals, such
    as copper and aluminium, are good conductors" for "copper" to "Which is a good conductor of electricity?"). Only
    a pick it takes is confirmed: a near miss flags nothing. None without the encoder."""
    embedder = embedder or encoder()
    if embedder is None:
        return None
    own = distinct_words(choices, question)
    best: list[tuple[float, str]] = []
    for i, choice in enumerate(choices):
        facts = [hit["text"] for hit in kb.search(f"{question} {choice}", k=6)] if own[i] else []
        facts = [f for f in facts if names(f, own[i], every=True) and not has_negation(f)
                 and not any(names(f, words) for j, words in enumerate(own) if j != i)]
        vectors = embedder.encode([question, *facts])
        best.append(max(((float(vectors[0] @ v), f) for v, f in zip(vectors[1:], facts)), default=(0.0, "")))
    ranked = sorted(range(len(choices)), key=lambda i: -best[i][0])
    top, runner = ranked[0], ranked[1] if len(ranked) > 1 else None
    ahead = best[top][0] - (best[runner][0] if runner is not None else 0.0)
    return (top, best[top][1]) if best[top][0] >= least and ahead >= margin else None


# "Which of these is a producer?": the kind every choice is asked to be, said of one choice at a time
EACH_ASKED = re.compile(r"^\W*which\s+(?:one\s+)?of\s+(?:these|the following|them)(?:\s+\w+)?\s+(is|are)\s+"
                        r"(?!not\b|never\b|no\b)(.+?)\W*$", re.I)


def choice_card(question: str, choice: str) -> TopicCard | None:
    """The card of this choice's own scenario, the choice said as the statement the question asks about: "grass is a
    producer" takes the card on a plant's role in a food chain, "rabbit is a producer" the one on an animal's role."""
    asked = EACH_ASKED.match(question)
    return match_card(f"{choice} {asked[1]} {asked[2]}") if asked else None


def card_of_choice(question: str, choice: str) -> str | None:
    """That card's verdict on the kind asked ("a producer": right for grass, wrong for a rabbit), or None."""
    card = choice_card(question, choice)
    return card_verdict(card, EACH_ASKED.match(question)[2]) if card else None


def apart_ask(picked: int, choices: list[str]) -> str:
    """After a right pick with no reason: what tells it from the choice most like it ("outer core" from "inner core"),
    else what rules out the others: the reason behind the pick, asked once it is known to be right."""
    near = [c for i, c in enumerate(choices) if i != picked and forms_of(c) & forms_of(choices[picked])]
    return f"What tells it apart from \"{near[0]}\"?" if near else "What rules out each of the other choices?"


def card_fact(card: TopicCard, at: int, choices: list[str], question: str, kb: KnowledgeBase) -> str | None:
    """A fact sentence about this choice (all its own words, no other choice's) that says the card's accepted idea:
    "Rust is a new substance, iron oxide, formed when iron reacts ..." makes "iron rusting" the chemical change by
    the card's "new substance", though no fact names it a chemical change. The question must ask for the card's
    right side (the answer of its right example, not of its wrong one)."""
    own, asked = distinct_words(choices, question), ASKED_PREDICATE.match(question)
    sought = forms_of(asked.group(1)) if asked else set()
    right, wrong = (forms_of(re.split(r",|\bbecause\b", example)[0]) for example in (card.example_right,
                                                                                     card.example_wrong))
    if not own[at] or not sought & right or sought & wrong:  # the card's right side must be what is asked for: its
        return None  # "new substance" makes a chemical change, never the physical one a question may ask for
    for hit in kb.search(f"{choices[at]} {card.idea}", k=6):
        for sentence in re.split(r"(?<=[.!?])\s+", hit["text"]):
            if names(sentence, own[at], every=True) and not any(names(sentence, words) for i, words in enumerate(own)
                                                                 if i != at) \
                    and card_verdict(card, sentence) == "right":
                return sentence
    return None


def choice_fact(choice: str, question: str, kb: KnowledgeBase) -> str | None:
    """The fact that names this choice as the answer: it names the whole choice beside the question's key terms
    (`short_answer_fact`: "Mercury is the planet closest to the Sun"), or it opens with the choice as its subject and
    bears out the choice said with the question's predicate ("The lungs are the organs that take oxygen ..." for
    "lungs" to "Which organ takes in oxygen?"). A fact that opens with another thing ("The Sun is the star closest to
    the Earth") names no "Earth" as the planet closest to the Sun."""
    asked = ASKED_PREDICATE.match(question)
    facts = [hit["text"] for hit in kb.search(f"{question} {choice}", k=4)]
    if (found := short_answer_fact(choice, question, facts)) or not asked:
        return found
    verdict = judge_claim(f"{choice} {asked.group(1)}", facts, question)
    words = [word for word, _ in content_tokens(choice)]
    opens = verdict.sentence and re.match(rf"\W*(?:the\s+|an?\s+)?{re.escape(words[0])}", verdict.sentence, re.I) \
        if words else None
    if verdict.label == "supported" and opens:
        return verdict.sentence
    # "Which of these is a mammal?": a fact that opens with the choice and says it is one ("Whales, dolphins and
    # seals live in the sea but are mammals"), denying nothing
    kind = re.fullmatch(r"(?:is|are)\s+(?:an?\s+)?([a-z]+)", asked.group(1), re.I)
    facts = [hit["text"] for hit in kb.search(f"{choice} {asked.group(1)}", k=4)] if kind else []
    return next((fact for fact in facts if words and not has_negation(fact)
                 and re.match(rf"\W*(?:the\s+|an?\s+)?{re.escape(words[0])}", fact, re.I)
                 and re.search(rf"\b(?:is|are)\s+(?:\w+\s+)?(?:an?\s+)?{re.escape(plural(kind.group(1)))}\b"
                               rf"|\b(?:is|are)\s+(?:\w+\s+)?an?\s+{re.escape(kind.group(1))}\b", fact, re.I)), None)


# "Which organ takes in oxygen?", "Which of these is a gas at room temperature?": what the answer must do or be; in
# "Which gas do we breathe out?" the "gas" is the noun, no verb; "Which living thing is ..." names its kind in two.
# "is a conductor", "are renewable resources": the predicate asks for a kind, one noun after its article
KIND_ASKED = re.compile(r"(?:is|are)\s+(?:an?\s+)?(?:[a-z]+\s+)?([a-z]+?)s?\W*$", re.I)
ASKED_PREDICATE = re.compile(r"^\W*(?:which|what)\s+(?:(?:one\s+)?of\s+(?:these|the following|them)\s+"
                             r"(?:[a-z]+\s+(?=(?:is|are|was|were|has|have|can)\b))?|"
                             r"[a-z]+\s+(?:of\s+(?:(?:an?|the)\s+)?[a-z]+\s+(?=is\b|are\b)|"
                             r"(?!(?:is|are|was|were|has|have|can)\b)[a-z]+\s+(?=is\b|are\b))?)?"
                             r"((?:is|are|was|were|has|have|can)\b.+?|(?!does\b)[a-z]+s\b(?!\s+(?:do|does|did)\b).+?)"
                             r"\W*$", re.I)


def key_idea(question: str, choices: list[str], kb: KnowledgeBase) -> str | None:
    """The fact sentence that says what the asked word means ("A producer is a living thing that makes its own food,
    as green plants do with sunlight" for "Which of these is a producer?"): it names every key term of what the
    answer must be, is no negation, and names no choice, not even inside a longer word ("worms" for "earthworm"), so
    the student still weighs each choice against it. The whole a part is asked of ("Which part of the cell ...") is a
    term too: "The brain is the organ that controls the body" says nothing of what controls a cell."""
    asked = ASKED_PREDICATE.match(question)
    whole = re.findall(r"\bof\s+(?:an?|the)\s+([a-z]+)", question[:asked.start(1)], re.I) if asked else []
    terms = [*key_terms(asked.group(1)), *whole] if asked else []
    kind = KIND_ASKED.match(asked.group(1)) if asked else None
    named = {stem for choice in choices for _, stem in content_tokens(choice) if len(stem) >= 3}
    for hit in kb.search(question, k=6) if kind and terms else []:
        for sentence in re.split(r"(?<=[.!?])\s+", hit["text"]):
            words = {stem for _, stem in content_tokens(sentence)}
            if all(base_forms(t) & forms_of(sentence) for t in terms) and not has_negation(sentence) \
                    and not any(a in b or b in a for a in words for b in named if len(a) >= 3) \
                    and opens_with(sentence, kind.group(1)):
                return sentence
    return None


def opens_with(sentence: str, kind: str) -> bool:
    """Is the kind what the sentence is about: named among its first four words ("A producer makes ...", "In a
    chemical change new substances ...")? A sentence that opens with a condition ("If the bulb lights, it is a
    conductor", "If one conductor touches another ...") tells of a test or a case, not what the kind is."""
    return not re.match(r"\W*(?:if|when|whenever|as)\b", sentence, re.I) \
        and bool(forms_of(kind) & forms_of(" ".join(sentence.split()[:4])))


def ruled_out_first(question: str, choices: list[str], kb: KnowledgeBase, right_at: int) -> Move | None:
    """A stuck student on a question whose answer a card or fact decides: the textbook's sentence about one wrong
    choice (`situation_fact`, which never names the right one), so one choice can be ruled out first and the rest
    weighed the same way. The sentence that names the fewest other choices is taken, and none that leaves only the
    right one standing (ruling out every other choice at once would give the answer away)."""
    own = distinct_words(choices, question)
    found = []
    for i in (i for i in range(len(choices)) if i != right_at):
        fact = situation_fact(i, question, choices, kb, right_at)
        others = sum(names(fact, words) for words in own) if fact else len(choices)
        if fact and others <= len(choices) - 2:
            found.append((others, i, fact))
    if not found:
        return None
    _, i, fact = min(found)
    asked = ASKED_PREDICATE.match(question)
    fits = f"the one that {asked.group(1).rstrip('?. ')}" if asked else f"the answer to {about(question)}"
    return Move(f"Rule one out first. The textbook says: \"{fact}\" Could \"{choices[i]}\" be {fits}, then? Check "
                f"the other choices the same way.", "fact", None, [fact])


def ruling_fact(choice: str, question: str, choices: list[str], kb: KnowledgeBase) -> str | None:
    """The fact sentence that contradicts the choice said with the question's predicate and names the choice's own
    word ("Materials that do not let electricity flow easily, such as plastic, ... are insulators" for "plastic
    spoon" as the best conductor). None when choices share a word ("ice turning to water", "water turning to ice"):
    a sentence about one of them is then about the others too, and could rule out the right one."""
    asked = ASKED_PREDICATE.match(question)
    forms = [forms_of(c) for c in choices]
    if not asked or any(a & b for i, a in enumerate(forms) for b in forms[i + 1:]):
        return None
    facts = [hit["text"] for hit in kb.search(f"{choice} {asked.group(1)}", k=4)]
    verdict = judge_claim(f"{choice} {asked.group(1)}", facts, question)
    named = verdict.sentence and forms_of(choice) & forms_of(verdict.sentence)
    return verdict.sentence if verdict.label == "contradicted" and named else None


# "B bc ...", "its C, because ...", "i pick D fire bc it moves": a lettered pick, then what the student says of it;
# a lone small "a" is a pick only where the rest is a reason or nothing ("a rock is alive" names no letter)
LEAD = r"(?:i\s+)?(?:still\s+|really\s+)?(?:think|picked|pick|chose|choose|said|say|went\s+with|put)\s+"
PICKED = re.compile(rf"^\W*(?:{LEAD}|it'?s\s+|is\s+it\s+|(?:the\s+)?answer\s+is\s+|maybe\s+)*"
                    r"\(?([A-Ha-h])\b\)?(?![''])[\s,.:)!-]*(.*)$", re.I | re.S)
PICK_LEAD = re.compile(rf"^\W*{LEAD}|^\W*(?:it'?s|is\s+it|maybe)\s+", re.I)
BECAUSE_LEAD = re.compile(r"^\W*(?:because|bc|b/c|cuz|coz|cause|since|as|so)\b\W*", re.I)


def read_pick(said: str, choices: list[str]) -> tuple[int | None, str]:
    """The choice a reply picks by its letter, and the reason it gives for it ("B bc burning makes ash" -> 1, "burning
    makes ash"); the choice's own words said after its letter ("C refracted bc it bounces") are no reason. A reply
    that goes on with anything but a reason ("a rock is alive", "b is confusing") picks nothing: (None, "")."""
    found = PICKED.match(said.strip())
    index = ord(found.group(1).upper()) - ord("A") if found else len(choices)
    if index >= len(choices) or re.search(r"(?:^|\s)\(?[A-H][).:]\s", found.group(2)):  # the choices said again
        return None, ""
    comma = "," in found.group(0)[found.end(1):found.start(2)]
    reason, named, lead = reason_of(found.group(2), choices[index])
    if reason and not lead and not named and not comma:
        return None, ""   # "A rock is not alive": the article, no pick
    return index, reason


def pick_reason(said: str, choices: list[str], picked: int) -> str:
    """The reason a reply gives for its pick, named by letter ("B bc ...") or by its own words ("dolphin, it breathes
    air"); "" when it gives none ("i think dolphin" is no reason)."""
    index, reason = read_pick(said, choices)
    if index == picked:
        return reason
    reason, named, _ = reason_of(PICK_LEAD.sub("", said.strip()), choices[picked])
    return reason if named else ""


def reason_of(said: str, choice: str) -> tuple[str, bool, bool]:
    """What a reply says of its pick after the pick's own words ("dolphin, it breathes air" -> "it breathes air"), with
    whether the pick's words opened it and whether a "because" led the rest."""
    words = said.strip(" .!").split()
    kept = next((i for i, word in enumerate(words) if not (forms_of(word) and forms_of(word) <= forms_of(choice)
                                                            or word.lower() in ("a", "an", "the"))), len(words))
    rest = " ".join(words[kept:]).lstrip(" ,.:-")
    lead = BECAUSE_LEAD.match(rest)
    return (rest[lead.end():] if lead else rest).strip(" .!"), bool(forms_of(" ".join(words[:kept]))), bool(lead)


# a fact's clauses: "..., and ...", "...; ...", "... whereas ...": a list's commas stay inside one clause, and so does
# "Whales ... live in the sea but are mammals" (one subject)
CLAUSE = re.compile(r",\s*(?:and|but|while|whereas)\s+|;\s*|:\s+|\s+(?:while|whereas)\s+", re.I)


def distinct_words(choices: list[str], question: str) -> list[set[str]]:
    """Each choice's own words: its content words' forms (its numbers as written) that neither the question nor
    another choice says ("burn" and "paper" of "paper burning"; "distill" of "distilled water" beside "salt water")."""
    words = [forms_of(c) | set(re.findall(r"\d+(?:\.\d+)?", c)) for c in choices]
    asked = forms_of(question)
    return [{w for w in own if w not in asked and not any(w in other for j, other in enumerate(words) if j != i)}
            for i, own in enumerate(words)]


def names(clause: str, words: set[str], every: bool = False) -> bool:
    """Does the clause name the choice by one of its own words (a number as a whole number), or, with `every`, by
    all of them ("glass breaking" is not named by "acid breaking down substances")?"""
    numbers = set(re.findall(r"\d+(?:\.\d+)?", clause))
    said = [w in numbers if w[0].isdigit() else w in forms_of(clause) for w in words]
    return all(said) if every else any(said)


def named_choice(question: str, choices: list[str], kb: KnowledgeBase) -> tuple[int, str] | None:
    """The one choice a fact's clause names beside what the question asks ("A pH of 7 is neutral" for "7" to "What is
    the pH of a neutral solution?"; "an outer core of liquid iron" for "outer core" to "Which layer is liquid?"): the
    clause holds the terms of what is asked of the answer (all, or two where there are more), names all of this
    choice's own words and no other choice's, and denies nothing. Two choices so named, or none, or a question whose
    asked part is not found, decide nothing."""
    asked = ASKED_PREDICATE.match(question)
    terms = key_terms(asked.group(1)) if asked else []  # what the answer is or does: the question's other words
    # ("plant cell" of "which part of plant cell makes food") name the whole, which a fact about any part names too
    if not terms or not all(distinct_words(choices, question)):
        return None
    own = distinct_words(choices, question)
    found: dict[int, str] = {}
    for choice in choices:
        for hit in kb.search(f"{question} {choice}", k=4):
            for sentence in re.split(r"(?<=[.!?])\s+", hit["text"]):
                for clause in CLAUSE.split(sentence):
                    held = sum(bool(base_forms(t) & forms_of(clause)) for t in terms)
                    named_here = [i for i, words in enumerate(own) if names(clause, words, every=True)]
                    touched = [i for i, words in enumerate(own) if names(clause, words)]
                    if named_here == touched and len(named_here) == 1 and held >= min(len(terms), 2) \
                            and not has_negation(clause):
                        found.setdefault(named_here[0], sentence)
    return next(iter(found.items())) if len(found) == 1 else None


def situation_fact(picked: int, question: str, choices: list[str], kb: KnowledgeBase, right_at: int) -> str | None:
    """A fact sentence that says what the picked choice is or does, so the student can set it beside the question
    ("Melting, freezing, boiling, dissolving, cutting and bending are physical changes" for "cutting wood" to "Which
    is a chemical change?"): it names the picked choice's own words and a term of what the question asks, and never
    names the right choice (which would give the answer away); a range of numbered choices ("The pH scale runs from
    0 to 14") rules none out."""
    own, asked = distinct_words(choices, question), ASKED_PREDICATE.match(question)
    terms = forms_of(" ".join(key_terms(asked.group(1) if asked else question)))
    for hit in kb.search(f"{choices[picked]} {question}", k=4):
        for sentence in re.split(r"(?<=[.!?])\s+", hit["text"]):
            numbered = [i for i, words in enumerate(own)
                        if names(sentence, words) and any(w[0].isdigit() for w in words)]
            if own[picked] and names(sentence, own[picked]) and not names(sentence, own[right_at]) \
                    and forms_of(sentence) & terms and len(numbered) < 2:
                return sentence
    return None


def reason_against(reason: str, question: str, choice: str, kb: KnowledgeBase) -> str | None:
    """The fact sentence that contradicts a right pick's reason ("they land together because there is no gravity on
    the Moon"): the reason is questioned, never the pick."""
    facts = [hit["text"] for hit in kb.search(f"{question} {reason}", k=4)]
    verdict = judge_claim(reason, facts, question, neighbours=False)
    return verdict.sentence if verdict.label == "contradicted" and forms_of(verdict.sentence or "") & forms_of(reason) \
        else None


def reason_backed(reason: str, question: str, kb: KnowledgeBase) -> str | None:
    """The fact sentence that bears out a pick's reason in its own words ("burning makes ash and smoke, which are new
    substances"); a reason no fact backs is never called right."""
    if not reason:
        return None
    verdict = judge_claim(reason, [hit["text"] for hit in kb.search(f"{question} {reason}", k=4)], question,
                          neighbours=False)
    return verdict.sentence if verdict.label == "supported" else None


def main(argv: list[str]) -> None:
    if len(argv) < 4 or argv[0] in ("-h", "--help") or not argv[-1].isdigit() or int(argv[-1]) >= len(argv) - 2:
        sys.exit(__doc__)
    question, *choices, picked = argv
    move = choice_move(question, choices, int(picked), KnowledgeBase.load_or_build())
    print(f"[{move.kind}, {move.verdict}] {move.text}\n" + "\n".join(f"  evidence: {e}" for e in move.evidence))


if __name__ == "__main__":
    main(sys.argv[1:])
