"""Whether the textbook bears out a student's science claim by its content, not by shared words alone: each clause of
the claim ("energy is lost at each level, so less is left for the animals at the top") must be said by a fact
sentence in other words (its own words found there, in the fact's synonyms, with the same polarity, quantifiers,
comparisons, directions and pairings, and close in meaning by the encoder), and no fact may deny any clause. A claim
with one clause that a fact leaves out ("the heavier ball falls faster because gravity pulls it") is not borne out,
however many words it shares with a fact about gravity.

science_moves.py confirms a claim borne out this way (never one a misconception, a card or a fact rules out), and a
claim a misconception seems to match is no misconception when every clause of it is borne out. A topic card's idea
said in everyday words its patterns miss ("water vapour hits the cold can and turns back into drops") is read by
meaning (`card_meant`), after the student's chat spellings are written out (text_words.spelled_out: "bc", "thru")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from evidence import (CLAUSE_BREAK, KnowledgeBase, conflicts, default_embedder, first_denied, key_terms, negated,
                      quantifiers_kept, sides_kept)
from text_words import (COMMON, OPPOSITES, base_forms, content_tokens, forms_of, has_negation, stem, without_chat,
                        written_out)
from student_message import about
from science_catalog import (MISCONCEPTIONS, TopicCard, answer_of, as_said, card_verdict, in_fact_words,
                             match_misconception, own_words, resembles_misconception)
from named_questions import named_question
from science_fallback import asked_thing, definition_term, identity_unborne
from science_names import LIST_ASK, directions_said, made_kept, relation_kept, roles_swapped
from claim_relations import turned

if TYPE_CHECKING:
    from retrieval import Embedder

# Comparison words that carry the claim (function words to the overlap checks): one word a group, so "less energy"
# meets "fewer animals" no more than it meets "more".
COMPARE_GROUPS = [("same", "equal"), ("more", "greater", "bigger", "larger", "higher"),
                  ("less", "fewer", "smaller", "lower"), ("faster",), ("slower",), ("heavier",), ("lighter",),
                  ("longer",), ("shorter",)]
COMPARES = re.compile(r"\b(?:" + "|".join(w for group in COMPARE_GROUPS for w in group) + r")\b", re.I)
MIN_COSINE = 0.62  # a clause and the fact sentence that says it; below this the encoder reads other meanings
# a short clause ("the sun heats it") and its fact: every word of it is there, and the encoder reads few words loosely
SHORT_COSINE = 0.5
# "in the large intestine", "at the top": a place, a name, no claim a fact that names it can bear out
PLACE = re.compile(r"^\W*(?:in|on|at|inside|into|from|by|through|to|with|near)\b", re.I)
MIN_OWN = 3  # words of its own beyond the question's: a clause with fewer says too little to be borne out alone
EACH = re.compile(r"\beach\b", re.I)  # "lost at each level" tells of every step, no "all" a fact must repeat
# How a student opens a clause of the answer: no part of what a fact must say ("First the Sun heats ...")
LEADS = re.compile(r"^\W*(?:first(?:ly)?|then|next|after that|finally|and|so|also)\b[\s,]*", re.I)


def as_asked(question: str) -> str:
    """A question as a student typed it, read as asked: chat spellings written out and the chat around it dropped
    ("idk why there r less hawks than mice" -> "why there are less hawks than mice"), so its key terms are the
    question's own and a topic card can take it."""
    return written_out(without_chat(question))


def compared(text: str) -> set[int]:
    """The comparison groups a text uses (COMPARE_GROUPS' indices)."""
    said = {w.lower() for w in COMPARES.findall(text)}
    return {i for i, group in enumerate(COMPARE_GROUPS) if said & set(group)}


def clauses(claim: str) -> list[str]:
    """The claim's clauses, split where a reason or a result begins ("because", "so", ";"), each without its lead."""
    return [LEADS.sub("", part).strip(" ,.") for part in CLAUSE_BREAK.split(answer_of(own_words(claim))) if part
            and part.strip(" ,.")]


def own_forms(clause: str, question: str) -> list[set[str]]:
    """The forms of each content word of the clause the question does not already say (its root too): what a fact
    must hold. "change" counts ("its velocity keeps changing"), though a tutor's templates use it too; a comparison
    word is `compared`'s to match by its group ("less" for "fewer")."""
    asked = forms_of(question)
    return [base_forms(word) | {root(word)} for word, said in dict(content_tokens(clause)).items()
            if not base_forms(word) & asked and said not in COMMON and not COMPARES.fullmatch(word)]


def asked_forms(clause: str, question: str) -> list[set[str]]:
    """The forms of each content word the clause shares with the question: the fact must say them too, or it is
    about another case ("closer to the Sun in summer" beside a fact about the closest point "during winter")."""
    asked = forms_of(question)
    return [base_forms(word) for word, stem in dict(content_tokens(clause)).items()
            if base_forms(word) & asked and stem not in COMMON]


def root(word: str) -> str:
    """A word's stem without a noun-making ending, so a process and its verb meet ("evaporation", "evaporates")."""
    said = stem(word)
    for ending in ("ation", "ion", "at"):
        if said.endswith(ending) and len(said) - len(ending) >= 4:
            return said[:-len(ending)]
    return said


def roots_of(text: str) -> set[str]:
    return {root(word) for word, _ in content_tokens(text)}


def opposed(clause: str, sentence: str) -> bool:
    """Does the sentence name the opposite of a word of the clause that the clause itself lacks ("condenses" beside
    "Evaporation: ... turns into water vapour")?"""
    said, stated = roots_of(clause), roots_of(sentence)
    return any(root(a) in said and root(b) in stated and root(b) not in said
               for x, y in OPPOSITES for a, b in ((x, y), (y, x)))


def says(clause: str, sentence: str, question: str, embedder: Embedder, least: int = 2,
         cosine: float = MIN_COSINE) -> bool:
    """Does the fact sentence say the clause in other words? Every word of its own and every word of the question it
    repeats is there (in some form, or as the fact's synonym: a word the fact lacks may be the swapped one, "pumps air"
    for "pumps blood"), nothing conflicts (a denial, an opposite, a swapped pairing or comparison side, a direction or
    a universal the fact lacks), the comparisons are the fact's, and the encoder reads them close."""
    worded = in_fact_words(clause, sentence) or clause
    own = own_forms(worded, question)
    forms = forms_of(sentence) | roots_of(sentence)
    found = sum(bool(word & forms) for word in own)
    asked = asked_forms(worded, question)
    if found < least or found < len(own) or has_negation(worded) != has_negation(sentence) \
            or not all(word & forms for word in asked):
        return False
    if conflicts(worded, sentence) or opposed(worded, sentence) or not relation_kept(worded, sentence) \
            or not made_kept(worded, sentence) \
            or not quantifiers_kept(EACH.sub("", worded), sentence) or not sides_kept(worded, sentence) \
            or roles_swapped(worded, sentence) or not directions_said(worded, sentence) \
            or not compared(worded) <= compared(sentence):
        return False
    # the sentence whole, or the one of its clauses the clause restates: "so there are fewer animals at the top" is
    # read beside its own clause, not beside the tenth of the energy before it
    pieces = [sentence, *(p for p in CLAUSE_BREAK.split(sentence) if p and len(p.split()) >= 3)]
    claim_vector, *vectors = embedder.encode([worded, *dict.fromkeys(pieces)])
    return max(float(claim_vector @ v) for v in vectors) >= cosine


def sentences_of(fact: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;])\s+", fact) if s.strip()]


def backing_fact(claim: str, question: str, facts: list[str], kb: KnowledgeBase | None = None,
                 embedder: Embedder | None = None) -> str | None:
    """The fact that bears out the claim's first clause, when every clause of three or more words of its own is said
    by a fact (`says`), no fact denies one (`conflicts` on a fact that shares most of its words), and each shorter
    clause's own words ("by conduction") are in a fact that bears out another; else None. A short answer alone ("the
    large intestine") is no clause a fact can say: a fact that only names it ("The large intestine takes back
    water") proves nothing about where nutrients pass into the blood."""
    embedder = embedder or default_embedder()
    split = clauses(claim)
    parts = [part for part in split if len(own_forms(part, question)) >= MIN_OWN]
    if not parts:
        found = short_backing(split, question, facts, kb, embedder)
        return None if found and identity_unborne(claim, question, found) else found
    pool = list(dict.fromkeys([*facts, *(hit["text"] for part in parts for hit in (kb.search(
        f"{question} {part}", k=3) if kb else []))]))
    term = forms_of(defined_term(question) or "")
    backed = []
    for part in parts:
        fact = next((f for f in pool for s in sentences_of(f) if says(part, s, question, embedder)
                     and term <= forms_of(s) | roots_of(s)), None)
        if fact is None or any(conflicts(part, s) or turned(part, s) for f in pool for s in sentences_of(f)):
            return None
        backed.append(fact)
    if any(not borne_beside(part, question, backed) for part in split if part not in parts) \
            or identity_unborne(claim, question, backed[0]):
        return None
    return backed[0]


def short_backing(split: list[str], question: str, facts: list[str], kb: KnowledgeBase | None,
                  embedder: Embedder) -> str | None:
    """The fact whose one sentence says every short clause of a claim ("the water evaporates because the sun heats
    it"), each clause's every own word in it, the claim's own words two or more in all; else None. One word alone
    ("oxygen", "the large intestine") is a name, not a claim a fact can bear out."""
    own = sum(len(own_forms(part, question)) for part in split)
    asked = sum(len(asked_forms(part, question)) for part in split)
    # "the ice turns to water because its warm": one word of its own, the rest the question's ("ice", "warm"), which
    # the fact must say too (`says` checks them) in the claim's order; a name alone ("oxygen") stays too little
    if own < 2 and (own < 1 or own + asked < 3 or len(split) < 2) or len(split) == 1 and PLACE.match(split[0]):
        return None
    if len(split) == 1 and named_question(question):
        return None   # a name for "Which gas do plants give off?": only the naming check knows the fact's roles
    said = " ".join(split)
    pool = list(dict.fromkeys([*facts, *(hit["text"] for hit in (kb.search(f"{question} {said}", k=3) if kb else []))]))
    if any(conflicts(part, s) or turned(part, s) for part in split for f in pool for s in sentences_of(f)):
        return None
    term = forms_of(defined_term(question) or "")  # "the filtrate" is never borne out by the residue's definition
    return next((f for f in pool for s in sentences_of(f) if term <= forms_of(s) | roots_of(s)
                 and all(says(part, s, question, embedder, 1, SHORT_COSINE) and not names_only(part, s, question)
                         and (own > 1 or order_kept(part, s)) if own_forms(part, question)
                         else restated_in(part, s, question)
                         for part in split)), None)


def order_kept(clause: str, sentence: str) -> bool:
    """Does the sentence name the clause's things in the clause's order? "the water turns to ice" is not "Ice melts
    into water", though every word of it is there."""
    words = [base_forms(word) for word, _ in content_tokens(sentence)]
    places = [next((i for i, forms in enumerate(words) if base_forms(word) & forms), None)
              for word, _ in content_tokens(clause)]
    found = [i for i in places if i is not None]
    return found == sorted(found)


def restated_in(part: str, sentence: str, question: str) -> bool:
    """Is a clause that only says the question's words again ("because its warm") said by the sentence too: each
    of its words there in some form, with the same polarity, and nothing opposed?"""
    forms = forms_of(sentence) | roots_of(sentence)
    return all(word & forms for word in asked_forms(part, question)) and has_negation(part) == has_negation(sentence) \
        and not opposed(part, sentence)


def names_only(clause: str, sentence: str, question: str) -> bool:
    """Is the clause only a name the sentence uses ("the large intestine" in "The large intestine takes back water"),
    in a sentence about something else than the question (fewer than half its key terms)? Then it says nothing the
    sentence could bear out; "carbon dioxide" in a sentence on the products of respiration is the asked thing."""
    name = re.sub(r"^\W*(?:(?:the|an?|its|their)\s+)?", "", clause.lower()).strip(" .!?")
    terms, said = key_terms(question), forms_of(sentence)
    return bool(name) and re.search(rf"\b{re.escape(name)}\b", sentence.lower()) is not None \
        and 2 * sum(bool(base_forms(t) & said) for t in terms) < len(terms)


# "What does the word epicentre mean?": the term a question asks to define, which the fact must name
DEFINED = re.compile(r"^\W*what\s+does\s+(?:the\s+(?:word|term)\s+)?[\"'“]?([\w-]+)[\"'”]?\s+mean\b", re.I)


def defined_term(question: str) -> str | None:
    """The term a definition question asks about ("epicentre"), or None: a fact about another term ("The focus is the
    point underground where the rock first slips") bears out no definition of it, however many words it shares."""
    m = DEFINED.search(question)
    return m.group(1) if m else definition_term(question) or asked_thing(question)


def borne_beside(part: str, question: str, backed: list[str]) -> bool:
    """Is a short clause ("so more animals live at the top", "by conduction") borne out by the facts that bear out the
    rest: its own words are theirs, its comparisons and its polarity too, and no sentence of them says its opposite?"""
    joined = " ".join(backed)
    held = forms_of(joined) | roots_of(joined)
    return all(word & held for word in own_forms(part, question)) and compared(part) <= compared(joined) \
        and (not has_negation(part) or has_negation(joined)) \
        and not any(conflicts(part, s) or opposed(part, s) for f in backed for s in sentences_of(f))


NEW_WORDS = 4  # a fact that adds more words than this to the claim may state the rest of the answer: not quoted


def why_said(claim: str, question: str, fact: str) -> str:
    """The fact that bears the claim out, quoted as the reason it is right ("The textbook says the same: ...") when it
    adds no more than a few words to the claim and the question: then it says why, not what is still to find. A fact
    that says more (the next stages of a cycle, the other products) would give away the rest of a partial answer."""
    said = forms_of(f"{claim} {question}") | roots_of(f"{claim} {question}")
    added = {word.lower() for word, _ in content_tokens(fact) if not (base_forms(word) | {root(word)}) & said}
    return f"The textbook says the same: \"{fact}\" " if len(added) <= NEW_WORDS else ""


# "How does sea water become rain?", "How do rocks end up as sand?": a process from a start to an end, told in stages
STAGES = re.compile(r"^\W*how\s+(?:does|do|did|is|are|can)\b.*\b(?:become|becomes|end\s+up|turns?\s+into|get|gets|"
                    r"reach|reaches|form|forms|change\s+into)\b", re.I)


# "carbon dioxide is one of them", "water is one product": the student says a right item is one of several
ONE_OF = re.compile(r"\bone\s+of\s+(?:them|the)\b|\bone\s+(?:part|thing|product|reason|way)\b", re.I)


def next_stage(claim: str, question: str) -> str | None:
    """After a right stage of a process question, the stage after it, not "Where else have you seen it?": the student
    has told how it starts, the question asks how it ends. After one right item of a list ("carbon dioxide is one of
    them"), the rest of the list, not "why": the student has said there is more."""
    if STAGES.match(question):
        return f"What happens after that? Go stage by stage until you have answered {about(question)}."
    if ONE_OF.search(claim) or LIST_ASK.search(question):
        return f"What else belongs in the answer to {about(question)}?"
    return None


def right_part(card: TopicCard, claim: str, question: str) -> str | None:
    """A partial answer that is a right part of the card's idea ("plants need light" where the idea is light, water
    and carbon dioxide; "it needs water" for rusting): confirmed as one part, then the card's question, which asks
    for the whole. Every word of its own is in the idea and none of them where the idea denies it ("copper" beside
    "copper ... are not" magnetic), the card's wrong pattern is not in it, and it pairs its words with the idea's
    verbs; a clue word the idea lacks ("air inside" for floating) is no part of the answer and stays a clue."""
    said = own_words(answer_of(claim))
    own = own_forms(said, question)
    idea = forms_of(card.idea) | roots_of(card.idea)
    denied = {form for word in negated(card.idea) for form in base_forms(word)}
    if not own or has_negation(said) or card.wrong and re.search(card.wrong, said, re.I) \
            or not all(word & idea and not word & denied and listed(word, card.idea) for word in own) \
            or not relation_kept(said, card.idea) or not compared(said) <= compared(card.idea):
        return None
    # "Yes" with a "supported" verdict, so the reply guard keeps it: the part is right, and the rest is still asked
    return f"Yes: {as_said(said)}. That is one part of the answer. {card.opening}"


def listed(forms: set[str], idea: str) -> bool:
    """Is the word an item of a list in the idea ("light (sunlight), water and carbon dioxide"): a comma, "and", "or"
    or a bracket within two words of it? "gravity" in "The Earth's gravity pulls every object" is the idea's subject,
    no part of an answer "the hammer has more gravity" could be."""
    tokens = re.findall(r"[a-z0-9']+|[,()]", idea.lower())
    return any((base_forms(token) & forms or root(token) in forms) and {",", "(", ")", "and", "or"} & set(
        tokens[max(0, i - 2):i] + tokens[i + 1:i + 3]) for i, token in enumerate(tokens))


# A card's right idea said in everyday words ("the air pushes up on it", "metal lets heat go through easily"): the
# claim reads this close to the card's idea or its right example, and this much nearer to it than to its wrong example.
# Calibrated on the cards' right and wrong answers its patterns miss in the foreign sets: every wrong one stayed below
# one bound or the other (the nearest, "the sun goes behind the earth at night", 0.70 with a margin of 0.10).
MEANT_COSINE = 0.70
MEANT_MARGIN = 0.15
PLACEHOLDER = re.compile(r"\b(?:stuff|things?|something|whatever|etc)\b", re.I)  # where the key term should be


def card_meant(card: TopicCard, claim: str, question: str, embedder: Embedder) -> bool:
    """Does the claim say the card's right idea in other words, where the card's patterns neither accept nor reject
    it? It reads close to the idea by the encoder (`MEANT_COSINE`, `MEANT_MARGIN` over the wrong example), shares a
    word of its own with the idea (in some form), no catalogued wrong idea reads in it, it denies nothing unless the
    idea denies something too, and it turns round no relation of the idea. A part of the idea ("it needs water")
    reads too far from the whole to pass; a name alone ("sunlight") or a placeholder for the idea's key term ("they
    carry stuff around the body") says too little to be the idea, however near it reads."""
    said = own_words(answer_of(claim))
    right = f"{card.idea} {card.example_right}"
    held = forms_of(right) | roots_of(right)
    own = own_forms(said, question)
    if len(own) < 2 or PLACEHOLDER.search(said) or not any(word & held for word in own) \
            or card.wrong and re.search(card.wrong, said, re.I):
        return False
    if not denies_alike(said, right) or any(turned(said, s, question) for s in sentences_of(card.idea)):
        return False
    # read as typed, its "because" too: the right examples are written so, and the bounds were set on such answers
    near, wrong = key_cosines(card, answer_of(claim), embedder)
    return near >= MEANT_COSINE and near - wrong >= MEANT_MARGIN \
        and resembles_misconception(said, question, embedder) is None


# Words that deny without a "not": "wood is a poor conductor" says what "wood doesn't let heat through" says
NEGATIVE_WORDS = re.compile(r"\b(?:poor|bad|insulat\w*|without|little|less|fewer|empty|lacks?)\b", re.I)


def denies_alike(claim: str, idea: str) -> bool:
    """Does a claim that denies something ("wood doesn't let it through much", "space has no air") deny as the idea
    does? The idea must deny something too, with a "not" or a word that denies ("poor conductors"); where only such a
    word denies, the claim must not deny what the idea affirms ("metal does not conduct heat" beside "Metals are good
    conductors"). `conflicts` is no guide here: "space has no air" denies air of space, not that sound needs air."""
    if not has_negation(claim):
        return True
    if has_negation(idea):
        return True
    affirmed = {stem(word)[:5] for word, _ in content_tokens(idea)}
    return NEGATIVE_WORDS.search(idea) is not None and not any(word[:5] in affirmed for word in first_denied(claim))


# The card's key weighed against its wrong example by meaning (round 25): what the card's patterns say of a claim that
# is a sentence of its own, checked so that no near miss is confirmed. Set on the dev half of probes25/sciright25, the
# tune split's science answers and wrong ideas in other words for 21 cards: a claim the accept pattern took that
# reads nearer the wrong example than the key ("the hump stores loads of water for later") is no confirmed answer
# (a margin of 0.10 asked there doubted "ice is less dense than water", 0.08 from "ice is heavier than water", on the
# check half); a partial one is a right step only `KEY_MARGIN` nearer the key (the wrong ones read at most 0.03
# nearer); every wrong claim the patterns missed read at least `WRONG_MARGIN` nearer the wrong example ("the clouds
# fill up with water and then burst open"), no right one did.
KEY_MARGIN = 0.10
STEP_COSINE = 0.50  # a part of the idea ("rubbing moves charges onto it") is far from the whole: a looser bound
WRONG_COSINE = 0.65
WRONG_MARGIN = 0.10
MIN_SAID = 3  # content words: a shorter claim ("no", "copper, its a metal") is the patterns' to decide


def key_cosines(card: TopicCard, claim: str, embedder: Embedder) -> tuple[float, float]:
    """How near the claim reads to the card's key (its idea or right example, the nearer) and to its wrong example."""
    vector, idea, right, wrong = embedder.encode([claim, card.idea, card.example_right or card.idea,
                                                  card.example_wrong or card.idea])
    return max(float(vector @ idea), float(vector @ right)), float(vector @ wrong)


def weighed_verdict(card: TopicCard, claim: str, question: str, said: str | None, embedder: Embedder) -> str | None:
    """The card's verdict (`said`: right, partial, wrong or None) weighed by meaning: "right" stays right only where
    the claim reads no nearer the wrong example than the key, else it is a "near" miss, neither confirmed nor
    flagged; a claim the patterns leave undecided or partial that reads close to the wrong example, `WRONG_MARGIN`
    nearer it than the key, is "wrong"; a partial one near the key by `KEY_MARGIN`, denying nothing the key affirms
    and with a word of its own in it, is a right "step" (one part of the answer). A short claim keeps the patterns'
    verdict."""
    text = own_words(answer_of(claim))
    if said == "wrong" or len(content_tokens(text)) < MIN_SAID:
        return said
    near, wrong = key_cosines(card, text, embedder)
    if said == "right":  # nearer the wrong example than the key: the patterns took a word, not the meaning
        return said if near >= wrong else "near"
    if wrong >= WRONG_COSINE and wrong - near >= WRONG_MARGIN and \
            has_negation(text) == has_negation(card.example_wrong or ""):  # the encoder reads past a "not"
        return "wrong"   # "magnets do not attract copper" reads near "magnets attract all metals"
    key = f"{card.idea} {card.example_right}"
    held = forms_of(key) | roots_of(key)
    if said == "partial" and near >= STEP_COSINE and near - wrong >= KEY_MARGIN and denies_alike(text, key) \
            and any(word & held for word in own_forms(text, question)) and not PLACEHOLDER.search(text) \
            and resembles_misconception(text, question, embedder) is None:
        return "step"
    return said


POLAR_WORD = re.compile(r"\W*(?:yes|yeah|yep|yup|no|nope|nah)\b", re.I)
# A reason near the card's idea ("it turns into ash and smoke", "you can cool it and it goes solid again"): every
# reason that named only a change of size, colour, feel or warmth read under it for the physical/chemical cards
# (0.03-0.20, "it changes shape" 0.39), four right reasons of eight over it.
REASON_COSINE = 0.35
REASON_WRONG = 0.50  # a wrong idea the reason reads this near, and nearer than the idea, is what it says
# "chemical because the paper gets smaller": an answer the card accepts, then a reason of the student's own
GIVEN_REASON = re.compile(r"^(?P<head>.+?)\s*,?\s*\b(?:because|since|(?<!well )as(?! well\b)|cuz|cause|bc)\b"
                          r"\s*(?P<reason>\S.*)$", re.I)  # "the direction as well as the speed" gives no reason


def reason_near(card: TopicCard, reason: str, question: str, embedder: Embedder) -> bool:
    """Does the reason read near the card's idea (`REASON_COSINE`), and no wrong idea (the card's wrong example, a
    catalogued one on the question's topic) as near and nearer (`REASON_WRONG`: "it swims in the sea" reads 0.56 from
    "a whale is a fish because it lives in the ocean and swims", 0.34 from the idea that mammals breathe air)?"""
    wrongs = [m.example for m in MISCONCEPTIONS if not m.about or re.search(m.about, f"{question} {reason}", re.I)]
    vector, idea, *others = embedder.encode([reason, card.idea, card.example_wrong or card.idea, *wrongs])
    near = float(vector @ idea)
    return near >= REASON_COSINE and not any(REASON_WRONG <= float(vector @ other) >= near for other in others)


def reason_held(card: TopicCard, reason: str, question: str, embedder: Embedder,
                kb: KnowledgeBase | None = None) -> bool:
    """Does the card, or a fact, bear out the reason given for an answer the card accepts? The card's patterns accept
    it alone, it says the card's idea by meaning (`card_meant`, or a step of it: `weighed_verdict`), its own words
    are the idea's with nothing denied that the idea affirms ("you can't get the old paper back"), or a fact says it
    (`backing_fact`), or it reads near the idea and nearer it than any wrong idea (`reason_near`).
    "the paper gets smaller" names nothing that makes a change chemical."""
    from_card = card_verdict(card, reason) or weighed_verdict(card, reason, question, "partial", embedder)
    if from_card in ("right", "step") or card_meant(card, reason, question, embedder):
        return True
    if reason_near(card, reason, question, embedder) and match_misconception(reason, question) is None \
            and resembles_misconception(reason, question, embedder) is None:
        return True
    own = [word for word in own_forms(own_words(reason), question) if not has_negation(" ".join(word))]  # "cannot"
    held = forms_of(card.idea) | roots_of(card.idea)  # beside "can't": its denial is denies_alike's to weigh
    if own and all(word & held for word in own) and denies_alike(reason, card.idea):
        return True
    return backing_fact(reason, question, [], kb, embedder) is not None


def reason_doubted(card: TopicCard, claim: str, question: str, embedder: Embedder,
                   kb: KnowledgeBase | None = None, head_right: bool = False) -> str | None:
    """An answer the card accepts with a reason nothing bears out (`reason_held`): the answer said right, the reason
    put to the card's own question, which tells what decides it; None where the claim gives no reason, answers yes
    or no (polar_answer's to weigh), or the reason holds. `head_right`: a fact has judged the answer right already
    ("a mammal" to "Is a whale a fish or a mammal?", where the card's patterns are all reasons)."""
    given = GIVEN_REASON.match(own_words(answer_of(claim)))
    if not given or POLAR_WORD.match(given["head"]) \
            or not head_right and card_verdict(card, given["head"]) != "right" \
            or reason_held(card, given["reason"], question,
                                                                                    embedder, kb):
        return None
    head = given["head"].strip(" ,.")
    return f"{head[:1].upper() + head[1:]} is the answer. Now check your reason, \"{given['reason'].strip(' .!')}\", " \
           f"against this: {card.opening}"
