"""What an expert science tutor brings to a grade 3-8 question before any textbook is searched: the wrong ideas
students commonly hold, and topic cards for the questions they most often ask (evidence.py's science moves use both).

What it supports
- `MISCONCEPTIONS` (data/misconceptions.jsonl): the canonical misconceptions of the science-education literature
  (AAAS Project 2061, "Making Sense of Secondary Science", NSTA lists), each with a pattern that recognises the idea
  as students write it, an `about` guard that keeps a broad pattern on its own topic, and an observation or contrast
  question that makes the student test the idea without being told the answer. Each entry also carries the idea in
  a student's words (`example`) and the right idea (`correct`): tests hold the pattern to both.
- `CARDS` (data/science_cards.jsonl): for a common question (why seasons happen, how a drum makes sound), how to
  recognise it, the key idea (used only to judge, never said as the answer), the answers to accept, the partly
  right ones, the opening question for a stuck student and the next question after a right answer. Precision first:
  an answer is confirmed only when a card accepts it. `match_card` takes a card only for its own scenario
  (`card_agrees`): the kind of thing asked for and the question's key terms, not one shared topic word.
- `route_card`: the card a question is about, by its pattern, else by meaning (`near_card`: MiniLM against each
  card's topic and example question, a threshold and a margin chosen on a dev set, one of the card's own scenario
  words named); optional: the patterns alone where no encoder is given.
- `first_step`: the first question for a stuck student that nothing above covers, in the question's own words and
  shaped by what it asks (`by_form`: a part's job, a change, a difference, a contrast, a cause).
- `is_help`: the student asks for help or says they are stuck, and states no idea of their own.
A question that asks for a name is read by its structure in named_questions.py.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from common import ROOT, read_jsonl
from text_words import COMMON, base_forms, content_tokens, forms_of, plural, stem

if TYPE_CHECKING:  # evidence.py passes its encoder in; this module loads neither torch nor numpy
    from retrieval import Embedder

MISCONCEPTIONS_FILE = ROOT / "data" / "misconceptions.jsonl"
CARDS_FILE = ROOT / "data" / "science_cards.jsonl"

# A "not" or "can't" just before an accepted phrase turns it around: "it can't have evaporated" accepts nothing.
NEGATED_BEFORE = re.compile(r"\b(?:not|no|never|can'?t|cannot|isn'?t|aren'?t|don'?t|doesn'?t|didn'?t|won'?t|"
                            r"wasn'?t|nothing)\W+(?:\w+\W+){0,3}$", re.I)
HELP = re.compile(r"\b(?:no idea|no clue|not sure|where (?:to|do i|should i) (?:even )?(?:start|begin)|hint|"
                  r"i(?:'?m| am) (?:so |still )?(?:stuck|lost|confused)|(?:don'?t|do not|dont) (?:know|get|understand)|"
                  r"can'?t (?:work|figure)|help me|need (?:some )?help|(?:can|could) you (?:help|explain)|hurry up|"
                  r"mix(?:ed)? (?:\w+ ){0,2}up|(?:get|got) (?:\w+ )?(?:confused|mixed)|confused (?:between|about)|"
                  r"what does .{1,40} mean|what'?s the answer|(?:tell|give) me (?:the |an? )?answer|never heard|"
                  r"i (?:forgot|forget)|(?:can'?t|don'?t) remember|"
                  # "we never learned this", "we didn't do rocks yet", "what do i even write"
                  r"(?:we|i)\s+(?:never|haven'?t|have\s+not|didn'?t|did\s+not)\s+(?:\w+\s+)?(?:learn\w*|cover\w*|"
                  r"go\s+over|stud\w+|(?:do|did|done)\s+(?:this|that|it|\w+(?=\W*$)|\w+\s+(?:yet|in\s+class)))|"
                  r"what\s+(?:do|should|am)\s+i\s+(?:even\s+)?(?:supposed\s+to\s+)?"
                  r"(?:write|put|say))\b|^\W*(?:i\s+)?(?:dunno|idk|idek)\W*$|^\W*(?:please\W+)?help\b|"
                  r"\bhelp(?:\W+please)?\W*$|^\W*(?:so\s+|totally\s+|still\s+)?(?:stuck|lost|confused)\W*$", re.I)


@dataclass
class Misconception:
    pattern: str  # matched against the student's claim (case-insensitive)
    name: str
    question: str  # an observation whose answer contradicts the misconception: the student sees it for themselves
    about: str = ""  # must match the problem too, so a broad pattern ("melt") only fires on its own topic
    example: str = ""  # the wrong idea as a student writes it: the pattern matches it (tests/test_science_moves.py)
    correct: str = ""  # the right idea in a student's words: no entry's pattern fires on it
    says: list[str] = field(default_factory=list)  # more ways students word the idea: `resembles_misconception`
    # weighs a claim against each of them, so a wording the pattern misses is still known by meaning


@dataclass
class TopicCard:
    topic: str
    asks: str  # recognises the question
    idea: str  # the key idea, to judge by: never said to the student as the answer
    accept: str  # an answer that states the key idea
    partial: str  # an answer that states part of it
    opening: str  # the question an expert asks a stuck student on this topic
    next: str  # the why / next question after a right answer
    example_question: str = ""  # tests hold each pattern to its example
    example_right: str = ""
    example_partial: str = ""
    example_wrong: str = ""
    wrong: str = ""  # an answer that states the wrong outcome ("producer" for a rabbit): flagged, never tested


MISCONCEPTIONS = [Misconception(**record)
                  for _, record in read_jsonl(MISCONCEPTIONS_FILE, ("pattern", "name", "question"))]
CARDS = [TopicCard(**record) for _, record in read_jsonl(CARDS_FILE, ("topic", "asks", "accept", "opening", "next"))]


# A "not" or "no" in the same clause, just before the words a pattern matched, turns them around: "no force is needed
# to keep it moving" and "they don't cancel" are the right ideas. A "No," that answers the question ("No, seeds are
# dead") sits in a clause of its own and turns nothing around.
NEGATED_IN_CLAUSE = re.compile(r"\b(?:not|no|never|can'?t|cannot|isn'?t|aren'?t|don'?t|doesn'?t|didn'?t|won'?t|"
                               r"wasn'?t|nothing)\s+(?:[\w']+\s+){0,3}$", re.I)


# Said as chat, no part of the idea: a word that only stresses a comparison ("its way heavier", "so much bigger") or
# the student's own aside ("duh", "lol")
STRESS = re.compile(r"\b(?:(?:way|much|so\s+much|a\s+lot|loads|far|super|really|obviously)\s+(?=\w+er\b|more\b|less\b)|"
                    r"(?:duh|lol|lmao|obvi(?:ously)?)\b\W*)", re.I)
# "the hammer, its heavier": a short answer, then its reason with no reason word, as a misconception's pattern
# writes it ("because it's heavier")
BARE_REASON = re.compile(r"^(\W*(?:(?:the|a|an)\s+)?[\w'-]+(?:\s+[\w'-]+)?)\W+"
                         r"(?=(?:it'?s|it\s+is|they'?re|they\s+are)\s)", re.I)


def plain_claim(claim: str) -> str:
    """The claim as a misconception's pattern is written: without chat stress, its bare reason led by "because"."""
    plain = re.sub(r"\s+", " ", STRESS.sub("", claim)).strip()
    return plain if REASON_WORD.search(plain) else BARE_REASON.sub(r"\1 because ", plain)


REASON_WORD = re.compile(r"\b(?:because|since|cause|cuz|bc|so)\b", re.I)


# "no the moon has no gravity": a bare "no" that answers the question, its clause after it with no comma between, turns
# nothing around; "no force is needed" is a denial ("no" before the noun it denies)
ANSWER_NO = re.compile(r"^\W*(?:no|nope|nah)\b[\s,.!]*(?=(?:the|it|its|it'?s|they|they'?re|there|that|this|we|you|"
                       r"i|he|she|because|bc|cuz|cause)\b)", re.I)


def match_misconception(claim: str, problem: str = "") -> Misconception | None:
    """The first misconception the claim states, as typed or plainly (`plain_claim`), un-negated and on its own
    topic; None when it states none we know."""
    for m in MISCONCEPTIONS:
        if re.search(m.about, f"{problem} {claim}", re.I) and any(
                not NEGATED_IN_CLAUSE.search(ANSWER_NO.sub("", said[:found.start()]))
                and not denied_inside(m.pattern, found.group())
                for said in dict.fromkeys([claim, plain_claim(claim)]) for found in re.finditer(m.pattern, said, re.I)):
            return m
    return None


DENIAL = re.compile(r"\b(?:not|no|never|nothing|cannot|without|cant|dont|doesnt|isnt|arent|wont|didnt|wasnt)\b|"
                    r"\w(?:n't|n’t)\b", re.I)


def denied_inside(pattern: str, span: str) -> bool:
    """Does a denial inside the matched words turn a misconception that states no denial of its own into its
    opposite ("space has no air so sound can't travel" matched by "space ... sound")?"""
    return not DENIAL.search(pattern) and bool(DENIAL.search(span))


LETTERED_OPTIONS = re.compile(r"(?:^|\s)\(?[A-D]\)\s+\S.*\s\(?[B-E]\)\s+\S")  # "(A) a gas (B) warmer ..."
# A question that asks for an equation, a formula, a symbol, a pH or a unit wants a written answer that no
# explanation card leads to: "Give the equation for photosynthesis" is not "Where does a plant get its food?".
WRITTEN_ANSWER = re.compile(r"\b(?:equations?|formula[es]?|symbols?|pH|units?)\b", re.I)
# A question that asks for a value ("How many bones ...", "the boiling point of water") takes only a card written for a
# value: the card about water boiling away in a pan explains boiling, it does not state the temperature.
VALUE_ASK = re.compile(r"\bhow many\b|\b(?:boiling|freezing|melting) point\b|\bwhat temperature\b", re.I)


# What kind of thing the question names: "Which gas ...", "What type of rock ...", "the green pigment in leaves".
CATEGORY = re.compile(r"\b(?:which|what)\s+(?:(type|kind|sort|form|part)s?\s+of\s+(?:an?\s+|the\s+)?)?([a-z]{3,})\b|"
                      r"\b(?:is|are)\s+the\s+(?:\w+\s+){0,2}?([a-z]{3,})\s+(?:in|of|on|under|that|which|called|for)\b",
                      re.I)
NOT_CATEGORY = set("""is are was were do does did can could would will should happens happened makes made causes
the this that these those job role function purpose difference use cause reason meaning one ones
lands hits reaches falls sinks floats melts boils freezes moves travels wins stops
point inside outside middle centre center temperature thing things object objects stuff item items""".split())
# "which hits first", "the inside of the earth"; "what kinds of things": no kind of thing named


def names_a_kind(word: str, question: str) -> bool:
    """Can the word be the kind of thing asked for? Not a helping word or a place in a thing (`NOT_CATEGORY`), not an
    adverb ("What actually is DNA"), not a participle ("Why is the Moon covered in craters"), and nothing in a why,
    how or yes/no question ("Is the sun on fire?" asks for no kind of thing)."""
    return word.lower() not in NOT_CATEGORY and not re.search(r"(?:ly|[^e]ed)$", word, re.I) \
        and not re.match(r"\W*(?:why|how|is|are|does|do|can)\b", question, re.I)


# The noun a question asks for: "which gas", "what type of rock", "what gas do ...", "the force that ...". After a bare
# "what" only a word followed by a helping verb counts: "What slows a ball" asks for no kind of thing.
KIND = re.compile(r"\bwhich\s+(?:(?:type|kind|sort|form|part)s?\s+of\s+(?:an?\s+|the\s+)?)?([a-z]{3,})\b|"
                  r"\bwhat\s+(?:(?:type|kind|sort|form|part)s?\s+of\s+(?:an?\s+|the\s+)?([a-z]{3,})\b|"
                  r"([a-z]{3,})\s+(?:is|are|was|were|do|does|did|can|could|will|would|has|have)\b)|"
                  r"\b(?:is|are)\s+the\s+(?:\w+\s+){0,2}?([a-z]{3,})\s+(?:in|of|on|under|that|which|called|for)\b",
                  re.I)


def asked_kind(question: str) -> str | None:
    """The kind of thing the question asks for ("Which gas do plants give off?" -> "gas"), or None."""
    for m in KIND.finditer(question):
        noun = next(g for g in m.groups() if g).lower()
        if names_a_kind(noun, question):
            return noun
    return None


# Words that say what kind of answer a question wants ("What causes earthquakes?", "the job of the heart"), not
# which scenario it is about: no card is written with them, so they never count against one.
ASKING_WORDS = {"cause", "causes", "caused", "causing", "happen", "happens", "job", "jobs", "function", "role",
                "purpose", "reason", "reasons"}


def card_agrees(card: TopicCard, question: str, terms: list[str]) -> bool:
    """Is the question the card's scenario, not one that only shares a topic word with it? A question for a kind of
    thing ("which gas", "which organ") takes only a card written for that kind (its opening may name the thing a
    naming question asks for: "your heart"), and the question's key terms (`terms`) must meet the card's own words,
    two of them (or the only one), a word the card's `asks` spells out and matched counting as the card's own; two
    such words in one phrase ("gone all floppy") are the scenario itself, and one more term is enough:
    "Which gas do plants give off?" is not the card about a plant kept in the dark,
    "Why is the sky blue?" is not the card about a red apple under a blue lamp."""
    terms = [t for t in terms if t.lower() not in ASKING_WORDS] or terms  # "causes", "job": how it asks, not what
    # the card's own words in the question: those its `asks` spells out ("floppy"), never what a \w+ took ("sky")
    own = {t.lower() for t in terms}  # a short key term the pattern spells out ("mom") is the card's word too
    matched = [" ".join(w for w in m.group(0).split() if (len(w) >= 4 or w.lower() in own)
                        and w.lower() not in NOT_CATEGORY
                        and re.search(rf"\b{re.escape(w)}\b", card.asks, re.I))
               for m in re.finditer(card.asks, question, re.I)]
    text = " ".join([card.topic, card.idea, card.example_question, card.opening, card.next, *matched])
    kind = asked_kind(question)
    # "What organ pumps blood?": the heart card's opening says "your heart", its topic, which the question asks for
    names = re.match(r"\W*(?:what|which)\b", question, re.I) and not VALUE_ASK.search(question) and any(
        re.search(rf"\b{word}", card.opening, re.I) and not re.search(rf"\b{word[:5]}", question, re.I)
        for word in re.findall(r"[a-z]{4,}", card.topic.lower()))
    card_kind = asked_kind(card.example_question)
    made = re.search(rf"\bwhat\s+{kind}\s+(?:is|are)\s+(?:made|produced|formed|given off|released)\b", question, re.I)
    return (kind is None or kind == card_kind or card_kind is None and made is not None) and not names \
        and shared_terms(text, terms) >= min(1 if any(len(m.split()) >= 2 for m in matched) else 2, len(terms))


def shared_terms(text: str, terms: list[str]) -> int:
    """How many of the key terms the text says, each by a stem of five letters at most ("bears" meets "bear",
    "heated" meets "heat")."""
    return sum(re.search(rf"\b{re.escape(re.sub(r'(?<=...)(?:es|s|ing|ed)$', '', t.lower())[:5])}", text, re.I)
               is not None for t in terms)


def match_card(question: str, terms: list[str] | None = None) -> TopicCard | None:
    """The card of the question's topic (the first whose `asks` matches and whose scenario agrees with the question's
    key `terms`, when given), or None. A multiple-choice question gets none: its move works with the options the
    student must choose between, which a card's opening question ignores. One that asks for an equation, formula,
    symbol, pH or unit (`WRITTEN_ANSWER`) takes only a card written for such a question ("What is the unit of
    force?"), never an explanation card."""
    return next(matching_cards(question, terms), None)


def matching_cards(question: str, terms: list[str] | None = None) -> Iterator[TopicCard]:
    """Every card `match_card` could take for the question, in the catalog's order."""
    if LETTERED_OPTIONS.search(question):
        return
    written, valued = WRITTEN_ANSWER.search(question) is not None, VALUE_ASK.search(question) is not None
    yield from (card for card in CARDS if re.search(card.asks, question, re.I)
                and (WRITTEN_ANSWER.search(card.example_question) is not None) == written
                and (VALUE_ASK.search(card.example_question) is not None) == valued
                and (terms is None or card_agrees(card, question, terms)))


# "No," or, as students type it, "no it stays the same": a "no" before a subject or a reason word answers the question,
# where "no stars are tiny" ("no" before a noun) may deny the noun
SUBJECT_NEXT = r"\s+(?=(?:it|it'?s|its|they|they'?re|the|he|she|we|you|i|that|this|because|cuz|bc|since|as)\b)"
POLAR_LEAD = re.compile(rf"^\W*(?:yes|yeah|yep|no|nope)(?:\s*[,;:.!-]\s*|{SUBJECT_NEXT})", re.I)


def states(pattern: str, claim: str) -> bool:
    """Does the claim state what the pattern describes, without a negation just before it? A leading "No," answers
    the question: it turns none of the words after it around."""
    start = lead.end() if (lead := POLAR_LEAD.match(claim)) else 0
    return any(not NEGATED_BEFORE.search(claim[min(start, m.start()):m.start()])
               for m in re.finditer(pattern, claim, re.I)) if pattern else False


# A short reply that is no answer: "Oxygen." is a claim, to be judged against the facts, where "maybe" or "no" never is.
NO_ANSWER = re.compile(r"^\W*(?:maybe|perhaps|idk|dunno|hmm+|um+|no|nope|yes|yeah|ok|okay|sure|not sure|why|what)\W*$",
                       re.I)


# A chemical formula ("H2O", "CO2", "NaCl"): no content word to the overlap checks, yet a whole answer.
# A digit or a two-letter element in it: "OK" and "NO" are no formulas.
FORMULA_TOKEN = re.compile(r"\b(?:[A-Z][a-z]?\d*)*[A-Z][a-z]?\d+(?:[A-Z][a-z]?\d*)*\b|"
                           r"\b(?=(?:[A-Z][a-z]?){2,}\b)(?:[A-Z][a-z]?)*[A-Z][a-z](?:[A-Z][a-z]?)*\b")
# Words that carry a short reply but say nothing about the science: "lol", "ok then", "this one".
CHATTER = re.compile(r"^\W*(?:lol|lmao|haha\w*|ok(?:ay)? then|this one|that one|the (?:first|second|last) one|"
                     r"same|dunno|nothing|whatever|idk)\W*$", re.I)


# A bare yes or no, with no more than words of certainty ("yes obviously", "nope, no way"): group 1 says yes.
BARE_POLAR = re.compile(r"^\W*(?:(yes|yeah|yep|yup|of course|definitely|obviously|absolutely|i think so)|"
                        r"(?:no|nope|nah|not really|no way|i don'?t think so))(?:\W+(?:obviously|definitely|of course|"
                        r"for sure|sure|totally|really|i think|i guess|probably|absolutely|it does|they do|yes|no|"
                        r"way))*\W*$", re.I)
POLAR_QUESTION = re.compile(r"^\W*(do|does|did|is|are|was|were|can|could|will|would|should|has|have)\s+(.+?)\W*$",
                            re.I)


def judged_short(claim: str, question: str) -> bool:
    """Does a short science answer say something to judge or to work with: a number, a formula ("H2O"), a known wrong
    idea, a card's answer ("Condensation.", "10 J"), or any words of the student's own ("from the frog", "It
    fizzes", "Because of the air"), which the facts then judge or the move takes up? "maybe", "idk" or a plea for
    help is no claim."""
    card = match_card(question)
    own = not NO_ANSWER.match(claim) and not CHATTER.match(claim) and not is_help(claim) \
        and (re.search(r"[A-Za-z]{3,}", claim) or FORMULA_TOKEN.search(claim))
    polar = BARE_POLAR.match(claim) and POLAR_QUESTION.match(question)  # "yes" to "Does sound ...?" claims it does
    return bool(re.search(r"\d", claim) or match_misconception(claim, question) or card and card_verdict(card, claim)
                or own or polar)


def card_verdict(card: TopicCard, claim: str) -> str | None:
    """'right' (the card's key idea), 'wrong' (the wrong outcome it names), 'partial', else None (both stated)."""
    right, wrong = states(card.accept, claim), states(card.wrong, claim)
    if right != wrong:
        return "right" if right else "wrong"
    return "partial" if states(card.partial, claim) and not wrong else None


def is_help(claim: str) -> bool:
    """The student says they are stuck or asks for help ("I have no idea where to start"): no idea of their own."""
    return HELP.search(claim) is not None


# Each misconception's wrong idea in every wording the catalog has for it (its example, its name, its `says`), with
# the index of its entry
WORDINGS = [(i, text) for i, m in enumerate(MISCONCEPTIONS) for text in (m.example, m.name, *m.says)]


def denies(text: str) -> bool:
    """Does the text state a denial ("you can't get the salt back"), a bare answering "no" aside? MiniLM reads
    "you can get it back" as near it as a paraphrase."""
    return DENIAL.search(ANSWER_NO.sub("", text)) is not None


@functools.lru_cache(maxsize=2)
def catalog_vectors(embedder: Embedder) -> tuple:
    """Each wording of WORDINGS and each entry's right idea, encoded once per encoder."""
    return embedder.encode([text for _, text in WORDINGS]), embedder.encode([m.correct for m in MISCONCEPTIONS])


@functools.lru_cache(maxsize=2)
def card_vectors(embedder: Embedder):
    """Each card's topic and example question as one text ("seasons: Why is it hotter in summer than in winter?"),
    encoded once per encoder: the topic names the scenario where the example question words only one case of it."""
    return embedder.encode([f"{card.topic}: {card.example_question}" for card in CARDS])


# Chosen on the dev half of probes25/scisem25 and the tune split's science questions (session 21): at 0.70 every
# question taken is on its own card; at 0.66 "Why do water droplets form on the outside of a glass of ice water?"
# took the card about ice floating. A runner-up within MARGIN means the question sits between two cards.
NEAR_COSINE, NEAR_MARGIN = 0.70, 0.05
# A claim on a card is judged by the card's answers: the card it takes by meaning alone must restate the card's own
# question (round 12's threshold), so no answer is ever confirmed on a card beside the question.
CLAIM_COSINE = 0.85
# "Which of these is a conductor?", "A. coal B. oil C. wind": the options decide the move, which no card's opening
# knows
OPTIONS_ASKED = re.compile(r"\bwhich\s+(?:one\s+)?of\s+(?:these|the\s+following|them)\b|"
                           r"(?:^|\s)\(?[A-D][).:]\s+\S.*\s\(?[B-E][).:]\s+\S", re.I)


def card_terms(card: TopicCard) -> set[str]:
    """The stems of the words a card's topic and example question name its scenario by, without the words that only
    say how it asks ("cause", "job") or everyday ones ("make", "happen")."""
    return {form for word, _ in content_tokens(f"{card.topic} {card.example_question}")
            if word not in ASKING_WORDS and stem(word) not in COMMON for form in base_forms(word)}


def names_card_terms(question: str, card: TopicCard) -> bool:
    """Does the question name one of the card's own scenario words, in any form or by a word of its SYNONYMS group
    ("pump" for the heart card's "move")? A question near a card in meaning that names none of them shares its
    sentence shape, not its topic."""
    said = forms_of(question)
    for group in SYNONYMS:
        if any(re.search(inflected(word), question, re.I) for word in group):
            said |= {form for word in group for form in forms_of(word)}
    return bool(said & card_terms(card))


def near_card(question: str, embedder: Embedder, min_cosine: float = NEAR_COSINE,
              margin: float = NEAR_MARGIN) -> TopicCard | None:
    """The card whose topic and example question the question asks in other words ("how do volcanoes form" for
    "volcanoes: Why do volcanoes erupt?"), when no card's pattern took it: at least `min_cosine` near, `margin`
    nearer than the runner-up, naming one of the card's own scenario words (`names_card_terms`), asking for the same
    kind of thing and for a value only where the card is written for one. None for a question that picks among
    options or asks for a written answer, as with `match_card`."""
    if LETTERED_OPTIONS.search(question) or OPTIONS_ASKED.search(question) or WRITTEN_ANSWER.search(question):
        return None
    scores = card_vectors(embedder) @ embedder.encode([question])[0]
    best, second = sorted(range(len(CARDS)), key=lambda i: -float(scores[i]))[:2]
    card = CARDS[best]
    return card if scores[best] >= min_cosine and scores[best] - scores[second] >= margin \
        and names_card_terms(question, card) and asked_kind(question) in (None, asked_kind(card.example_question)) \
        and bool(VALUE_ASK.search(question)) == bool(VALUE_ASK.search(card.example_question)) else None


def route_card(question: str, terms: list[str], embedder: Embedder | None, whole: str = "",
               min_cosine: float = NEAR_COSINE) -> TopicCard | None:
    """The card a science question is about: the first whose pattern takes it on its own scenario (`match_card`; the
    catalog's order puts a card for what is asked, "physical or chemical?", before one for the scenario, rusting),
    else the card it asks in other words (`near_card`, at least `min_cosine` near), unless the whole message
    (`whole`) lists options to pick from. The patterns alone where no encoder is given."""
    listed = LETTERED_OPTIONS.search(whole) or OPTIONS_ASKED.search(whole)
    near = embedder is not None and not listed
    return match_card(question, terms) or (near_card(question, embedder, min_cosine) if near else None)


def resembles_misconception(claim: str, problem: str, embedder: Embedder, min_cosine: float = 0.75,
                            margin: float = 0.12) -> Misconception | None:
    """A catalogued wrong idea in words its pattern does not know: the claim (three words of four letters or more)
    is at least `min_cosine` from one of the entry's wordings of the wrong idea that denies as the claim does (or
    neither does), and `margin` nearer to it than to the entry's right idea, on the entry's topic. Precision first:
    the thresholds leave every right answer and step of the tune split and every entry's own right idea unmatched
    (tests/test_science_moves.py; session 22's dev half kept them). Called when no pattern took the claim, so an
    entry whose pattern is in it met a negation there: the claim denies that idea, however near it reads."""
    if len(re.findall(r"[A-Za-z]{4,}", claim)) < 3:
        return None
    wrong, right = catalog_vectors(embedder)
    vector = embedder.encode([claim])[0]
    nearest = [-1.0] * len(MISCONCEPTIONS)  # each entry's score: its wording nearest the claim that denies as it does
    for (i, text), score in zip(WORDINGS, (float(s) for s in wrong @ vector)):
        if denies(text) == denies(claim):
            nearest[i] = max(nearest[i], score)
    best, best_score = None, min_cosine
    for i, m in enumerate(MISCONCEPTIONS):
        if m.about and not re.search(m.about, f"{problem} {claim}", re.I) or re.search(m.pattern, claim, re.I):
            continue  # off its topic, or its own words in the claim, negated: "they don't cancel" denies the idea
        score = nearest[i]
        if score >= best_score and score - float(vector @ right[i]) >= margin:
            best, best_score = m, score
    return best


ANSWER_LEAD = re.compile(r"^\W*(?:so\s+|ok\s+|then\s+)?(?:the|my)\s+(?:final\s+)?answer\s+(?:is|would be)\s*:?\s*|"
                         r"^\W*i\s+think\s+(?:it'?s\s+|that\s+)?", re.I)


def answer_of(claim: str) -> str:
    """The claim without its lead ("So the answer is the mitochondria" -> "the mitochondria"): the lead's words are
    no part of what the facts must name."""
    return ANSWER_LEAD.sub("", claim).strip() or claim


# "i already said it,", "like i told u": the student pressing a point they made, no part of the point itself
ALREADY_SAID = re.compile(r"^\W*(?:(?:i|ive|i've)\s+(?:already|just|keep|kept)\s+(?:said|saying|told|telling)"
                          r"(?:\s+(?:you|u))?(?:\s+(?:it|that|this))?|like\s+i\s+(?:said|told\s+(?:you|u)))"
                          r"[\s,.:;!-]+", re.I)


def own_words(claim: str) -> str:
    """The student's claim as it can follow "Yes:": without a leading "yes,", "because" or "so far I have"."""
    claim = re.sub(r"(?i)^(?:(?:yes|yeah|yep|oh|ah|well|ok(?:ay)?)\b[\s,.!;:]*)+|\s+then\W*$", "",
                   claim)  # "Yes: Yes, because ..." said the yes twice; "Yes: Oh a consumer then" the filler
    claim = ALREADY_SAID.sub("", claim) or claim  # "i already said it, the earth spins": the answer, not the nudge
    return re.sub(r"(?i)^(?:because(?: of)?|it'?s because|that'?s because|so far i have:?|so)\s+", "",
                  claim).rstrip(" .!")


def yes(claim: str) -> str:
    """A right answer confirmed plainly, in the student's own words when they are short enough to repeat."""
    words = own_words(claim)
    if re.match(rf"(?i)(?:no|nope)(?:\s*[,;:.!-]|{SUBJECT_NEXT})", words):  # "Yes: No, only ..." says two answers
        return f"That's right: {words[:1].lower() + words[1:]}." if len(words.split()) <= 30 else "That's right."
    return f"Yes: {as_said(words)}." if 0 < len(words.split()) <= 30 else "Yes, that is right."


# Names that keep their capital mid-sentence; any other first word after "Yes:" is lowered ("Yes: Neutral." read as
# a shout). A word with a capital or a digit inside ("DNA", "CO2") or "I" keeps its form too.
PROPER = set("i i'm i've sun earth moon mercury venus mars jupiter saturn uranus neptune pluto newton".split())


def as_said(words: str) -> str:
    first = words.split()[0]
    keep = first.lower().rstrip(".,;:!?") in PROPER or any(c.isupper() or c.isdigit() for c in first[1:])
    return words if keep else words[:1].lower() + words[1:]


# The student already said why: the natural next step is the same idea somewhere else, not "explain it again", and
# never "What makes you think that?".
REASONED = re.compile(r"\b(?:because|since|so|as|which means|that means|due to)\b", re.I)


def gives_reason(claim: str) -> bool:
    return REASONED.search(claim) is not None


# Words a student uses for a fact's word in school science ("biggest" for "largest"), one group a line in
# data/science_synonyms.txt: words of one meaning only, never opposites, so a swap changes no claim's truth.
SYNONYMS = [line.split("|") for line in (ROOT / "data" / "science_synonyms.txt").read_text().splitlines()
            if line and not line.startswith("#")]


def inflected(phrase: str) -> str:
    """A pattern for the phrase in any simple form: each word may end in s, es, ed, d or ing."""
    return r"\b" + r"\s+".join(re.escape(word) + r"(?:s|es|ed|d|ing)?" for word in phrase.split()) + r"\b"


# Words before a claim's subject: "It", "Because the", "Through" say nothing about what the claim is about.
LEAD_WORDS = set("""it its they them their he she we you i this that these those there here the a an because so then
yes yeah well when if as through by from in on at to with into out of""".split())


def in_fact_words(claim: str, fact: str) -> str | None:
    """The claim with each word the fact says in another way of one SYNONYMS group put in the fact's words ("it
    pushes blood" beside "The heart ... sends blood" -> "it send blood"): word overlap then sees the same meaning,
    and every later check (negation, opposites, the encoder's cosine) still reads the claim's own content. None
    when the claim's subject is missing from the fact: "The Earth is the biggest" swaps the Sun of "The Sun is the
    largest object", however many other words the two share."""
    for group in SYNONYMS:
        used = next((word for word in group if re.search(inflected(word), fact, re.I)), None)
        for word in group if used else []:
            if word != used:
                claim = re.sub(inflected(word), used, claim, flags=re.I)
    subject = next((w for w in re.findall(r"[a-z]+", claim.lower()) if w not in LEAD_WORDS and len(w) > 2), "")
    return claim if re.search(rf"\b{re.escape(subject[:4])}", fact, re.I) else None


def echo(claim: str, most: int = 16) -> str:
    """The student's idea quoted back, whole or, when it runs long, its first clause: a question about it names what
    they said, so it fits no other student, and it never stops mid-phrase ("the spines help it soak up rain from...",
    cut at eight words, read as a broken fill-in)."""
    idea = own_words(answer_of(claim))
    if len(idea.split()) > most:
        idea = re.split(r"[,;:]|\s+(?:and|because|so|but|which|when|while)\s+", idea, flags=re.I)[0]
    words = idea.split()
    return " ".join(words[:most]) + ("..." if len(words) > most else "")


def card_ladder(card: TopicCard) -> list[str]:
    """A stuck student's rungs on a card's topic: its opening question, its next one, then a smaller step built from
    the opening (`smaller_step`). Each is the card's own, written not to state the idea (a partly right answer would
    state part of it); a keyword frame ("The question is about "seasons". What does it mean here?") fits every
    question and helps no one."""
    return [card.opening, card.next, *filter(None, [smaller_step(card.opening)])]


def smaller_step(opening: str) -> str:
    """The opening cut to its first piece: its first question alone when it asks two ("When it is summer where you
    live, what is it in Australia ...?"), else the observation it sets up ("A leaf is green all summer ...") asked
    about on its own; "" when it is one question and nothing more."""
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", opening) if s]
    questions = [s for s in sentences if s.endswith("?")]
    told = [s for s in sentences[:sentences.index(questions[0])] if not s.endswith("?")] if questions else []
    if len(questions) >= 2:
        return f"Let's take it one piece at a time: {' '.join([*told, questions[0]])}"
    return f"Let's start with this: {' '.join(told)} What do you think is going on there?" if told else ""


OPTIONS = re.compile(r"\b(?:is|are|was|does|do)\b.*?\b((?:(?:an?|the)\s+)?[\w-]+(?:,\s*(?:(?:an?|the)\s+)?[\w-]+)*,?"
                     r"\s+or\s+(?:(?:an?|the)\s+)?[\w-]+)\b", re.I)
FORMULA_OF = re.compile(r"\bformula\b(?:\s+(?:for|of)\s+(?:an?\s+|the\s+)?([\w ]+?)\s*(?:[?.,]|$))?", re.I)
HOW_MUCH = re.compile(r"\b(?:what|which) (?:fraction|percentage|ratio|proportion)|\bhow (?:many|much)\b", re.I)


def whole_list(question: str, options: re.Match) -> bool:
    """Are the options all there? Without commas, "is it acid base or neutral" loses "acid" to the word before the
    list: trust a list with commas, one that starts with an article, or one right after "it" or "they"."""
    before = question[:options.start(1)].split()
    return "," in options.group(1) or bool(re.match(r"(?:an?|the)\s", options.group(1), re.I)) or \
        bool(before) and before[-1].lower() in ("it", "they", "this", "that", "these", "those")


def digit_numbers(text: str) -> list[float]:
    """Numbers written in digits: what makes a quantity question ("which one lands first" has none)."""
    return [float(n) for n in re.findall(r"(?<![\w.])\d+(?:\.\d+)?", text.replace(",", ""))]


def first_step(question: str, terms: list[str], quoted: str) -> str:
    """The first question for a stuck student that no card or wrong idea covers, built from the question's own
    words: it can never state the answer, as a retrieved fact shown with one word hidden did (the words around the
    gap gave it away, or the gap held a word the question did not need). By the question's form: its numbers, the
    options it offers, the kind of thing it names, or the key word it asks about; "" when none of them fits."""
    numbers = digit_numbers(question)
    if LETTERED_OPTIONS.search(question):
        return "Take the choices one at a time: which one fits, and what rules out each of the others?"
    if re.search(r"\bequations?\b", question, re.I):
        return equation_step(question)
    if ph := re.search(r"\bpH\b(?:\s+(?:of|is))?(?:\s+(?:about|around|roughly))?\s*(\d+(?:\.\d+)?)", question):
        return f"Which pH is neutral, and is {ph.group(1)} below or above it? What does that side of the scale mean?"
    if re.search(r"\bpH\b", question):
        return "The pH scale runs from 0 to 14: what do its two ends and its middle mean?"
    if cross := CROSS.search(question):  # a cross of two parents: the Punnett square is the tool, not "each number"
        big, small = cross.group(1), cross.group(1).lower()
        return (f"Each {big}{small} parent passes on one allele, {big} or {small}. Draw a 2-by-2 Punnett square with "
                f"one parent's alleles across the top and the other's down the side, and fill in each box: which "
                f"boxes give what the question asks about, and what fraction of the four is that?")
    if formula := FORMULA_OF.search(question):
        return f"Which elements is {formula.group(1) or 'it'} made of, and how many atoms of each are in one particle?"
    if len(numbers) >= 2 or HOW_MUCH.search(question) and (numbers or not re.search(r"\bhow\b", question, re.I)):
        given = [" ".join(pair).strip() for pair in GIVEN.findall(question)][:3]
        listed = f" ({', '.join(given)})" if given else " in the question"
        return (f"What does each number{listed} stand for, and what are you asked to find? Which rule links them?")
    if (options := OPTIONS.search(question)) is not None and whole_list(question, options):
        choices = [re.sub(r"^(?:an?|the)\s+", "", c.strip()) for c in re.split(r",|\bor\b", options.group(1))]
        choices = [c for c in choices if c]
        listed = ", ".join(f"\"{c}\"" for c in choices[:-1]) + f" and \"{choices[-1]}\""
        return (f"Start with what each choice means: what do {listed} each mean? Which one fits what the question "
                f"tells you, and why?")
    named = next((m for m in CATEGORY.finditer(question) if names_a_kind(m.group(2) or m.group(3), question)), None)
    if named:
        noun = (named.group(2) or named.group(3)).lower()
        kinds = f"parts of {named.group(0).split(' of ', 1)[1]}" if (named.group(1) or "").lower() == "part" \
            else plural(noun)
        return (f"Let's narrow it down: which {kinds} do you know, and what is each one like? Which of them fits "
                f"{quoted}?")
    return by_form(question, [f"\"{t}\"" for t in terms[:2]] or ["the key word in the question"], quoted)


# "Two Pp plants are crossed": a parent's pair of alleles, one capital and its small letter
CROSS = re.compile(r"\b([A-Z])(?!\1)(?i:\1)\b(?=.*\b(?:cross\w*|offspring|dominant|recessive|alleles?)\b)")
# a number and its unit word ("120 km"); "3 and 5" has none
GIVEN = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(%|°C|(?!(?:and|or|of|to|in|is|are|an?|the|times)\b)"
                   r"[a-zA-Z]{1,8}\b)?")
# "the balanced equation for the complete combustion of methane": the reaction asked about
REACTION = re.compile(r"\bequations?\s+(?:for|of)\s+(?:the\s+)?(?:complete\s+)?((?:\w+\s+){0,3}?\w+)"
                      r"(?=\s*(?:[?.,!]|$|\s+(?:for|so|because|please|in|with)\b))", re.I)


def equation_step(question: str) -> str:
    """An equation built from the reaction's words: what reacts and what is made, then formulas; a balanced one is
    named by its key idea, the same count of each kind of atom on both sides."""
    reaction = REACTION.search(question)
    start = f"Start with {reaction.group(1)} in words" if reaction else "Start in words"
    balanced = " Then balance it: each kind of atom must appear the same number of times on both sides." \
        if re.search(r"\bbalanc", question, re.I) else ""
    return f"{start}: which substances react, and which new ones are made? Write each one's formula.{balanced}"


FUNCTION = re.compile(r"\bwhat (?:does|do) (?:the |an? |our |your )?((?:\w+ ){0,2}\w+) do\b|"
                      r"\b(?:job|role|function|purpose) of (?:the |an? |our |your )?((?:\w+ ){0,2}?\w+)"
                      r"(?:\s+in\b|\W*$)",
                      re.I)
CHANGE = re.compile(r"\bhow (?:can|could|do|would|should) (?:i|we|you) (?:make|get) (?:my |the |an? |our |your )?"
                    r"((?:\w+ ){0,2}?\w+) (stronger|weaker|faster|slower|bigger|smaller|brighter|louder|hotter|colder|"
                    r"longer|shorter|more \w+|less \w+)", re.I)
DIFFERENCE = re.compile(r"\bdifference between (?:an? |the )?((?:\w+ ){0,2}?\w+) and "
                        r"(?:an? |the )?((?:\w+ ){0,2}?\w+)\b", re.I)
# "What would happen to the owls if the mice disappeared?": the thing, the change, and the change's own subject
WHAT_IF = re.compile(r"\bwhat (?:happens|would happen|will happen) to ((?:the |our |your |an? )?(?:\w+ ){0,2}?\w+) "
                     r"if ((?:all |most |some |the |of |a lot of )*(\w+)\b.*?)\W*$", re.I)
NOT_LINKED = {"it", "they", "we", "you", "he", "she", "there", "this", "that"}  # a pronoun names no second thing
CONTRAST = re.compile(r"^\W*why\b.*?\b(do|does|is|are|can|will)\s+(.+?),?\s+but\s+(.+?)\W*$", re.I)
# Verbs a "why does ..." question puts in their bare form ("why does my shirt get hot"): said back as a statement
# they take their -s ("your shirt gets hot"), or the quote reads as a broken fill-in.
BARE_VERBS = set("""get feel look make turn go stay float sink melt rise fall grow need have keep change burn shine
taste smell become move stick dry freeze boil fly bounce break bend fade rust spin point sound seem work die live eat
glow fog shrink swell stretch crack cool heat warm last take""".split())


# "Why do ice cubes melt?": a case that happens at some times and not at others. A question of need or purpose ("Why
# do we need sleep?", "Why is it important ...") has no such times.
WHY_CASE = re.compile(r"^\W*why\s+(do|does|did|is|are|was|were)\s+(?!.*\b(?:need|needs|important|matter|should|must|"
                      r"used?|called|have to|has to)\b)([^?]+?)\W*$", re.I)
# "Why do we have knees?", "Why does a kangaroo have a pouch?": what the owner always has, asked for its job.
WHY_HAVE = re.compile(r"^\W*why\s+(?:do|does|did)\s+(.+?)\s+(?:have|has|got)\s+(?!to\b)([^?]+?)\W*$", re.I)
# "... when it's hot", "... in autumn", "... at night": the time a why-question already sets against all others
CONDITION = re.compile(r"\s+((?:when|whenever|if|after|while|during|under (?:hot|cold|warm)|at night|"
                       r"in (?:the )?(?:winter|summer|autumn|fall|spring|dark|cold|heat|sun))\b.*)$", re.I)
OBJECT = {"we": "us", "they": "them", "he": "him", "she": "her"}  # "make us get thirsty"
YOU = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "i'm": "you're", "im": "you're",
       "am": "are", "i've": "you've"}


def to_you(words: str) -> str:
    """The student's words about themselves said back to them ("i see my breath" -> "you see your breath"): a quoted
    "i" reads as a broken fill-in."""
    return re.sub(r"[A-Za-z']+", lambda m: YOU.get(m.group(0).lower(), m.group(0)), words)


def third_person(case: str) -> str:
    """"your black t-shirt get so hot" -> "your black t-shirt gets so hot": the first bare verb after the subject."""
    words = case.split()
    at = next((i for i, word in enumerate(words) if i and word.lower() in BARE_VERBS), None)
    if at is None:
        return case
    verb = words[at].lower()
    words[at] = {"have": "has", "go": "goes"}.get(verb) or plural(verb)  # "dry" -> "dries", "fly" -> "flies"
    return " ".join(words)


def by_form(question: str, terms: list[str], quoted: str) -> str:
    """A first question in the question's own words, shaped by what it asks: a part's job (what goes wrong
    without it), how to change something (which of its parts to change), a difference or a contrast (one case beside
    the other), a cause (what could make it happen). Each names the question's
    own thing (`terms`: one or two of its key words, quoted), so no two questions get the same sentence; "" when
    the question has none of these forms."""
    term = terms[0]
    asked = re.sub(r"\s+", " ", question)
    if m := FUNCTION.search(asked):
        part = m.group(1) or m.group(2)
        return (f"Where is the {part} found, and what would go wrong if it stopped working? What does that say about "
                f"its job?")
    if m := CHANGE.search(asked):
        return (f"What is the {m.group(1)} made of, and which of those things could you change? Which change do you "
                f"predict would make the {m.group(1)} {m.group(2)}, and why?")
    if m := DIFFERENCE.search(asked):
        return (f"Take one example of {m.group(1)} and one of {m.group(2)}: what is true of the first that is not "
                f"true of the second?")
    if m := CONTRAST.search(asked):  # the student's own "I", said back to them: "you see your breath"
        first = to_you(m.group(2)) if m.group(1).lower() != "does" else third_person(to_you(m.group(2)))
        return (f"Put the two cases side by side: \"{first}\" and \"{to_you(m.group(3))}\". What is "
                f"different between them that could explain it?")
    if re.match(r"\W*how\s+(?:do|does|did|is|are|can|could|will|would)\b", asked, re.I):  # a process, not "how many"
        return ""  # science_fallback.honest_start takes it one step at a time
    if (m := WHAT_IF.search(asked)) and m.group(1).endswith("s") and m.group(3).lower() not in {*YOU, *NOT_LINKED}:
        # "what happens to the frogs if all the insects die": the link between the two living things
        thing, change, other = to_you(m.group(1)), to_you(m.group(2)), m.group(3)
        return (f"If {change}, what do {thing} lose or gain? Think about how {thing} and the {other} are linked, and "
                f"say what happens to {thing} first and what follows.")
    if re.search(r"\bwhat happens\b", asked, re.I):
        return f"Picture it: what would you see happen to {term} first, and what would change next?"
    if m := WHY_HAVE.match(asked):  # a part a thing always has: no times without it, but a reason it is there
        owner = {"we": "us", "i": "you", "they": "them"}.get(m.group(1).lower(), to_you(m.group(1)))
        many = re.search(r"[^s]s$", m.group(2)) and not re.match(r"(?:an?|one)\s", m.group(2), re.I)
        return (f"What would be different for {owner} without {to_you(m.group(2))}? What does that tell you about why "
                f"{'they are' if many else 'it is'} there?")
    if m := WHY_CASE.match(asked):  # "When do ice cubes melt, and when do they not?": the contrast finds the cause
        aux, case = m.group(1).lower(), to_you(m.group(2))
        if (when := CONDITION.search(case)) and aux in ("do", "does", "did"):  # its own contrast: "when it's hot"
            said = re.sub(r"^(we|they|he|she)\b", lambda w: OBJECT[w.group(1).lower()], case[:when.start()], flags=re.I)
            return f"What changes {when.group(1)}, compared with other times? How could that change make {said}?"
        first = case.split()[0].lower()
        them = first if first in ("we", "you") else "they" if aux in ("do", "are", "were") else "it"
        return (f"When {aux} {case}, and when {aux} {them} not? What is different between those times that could "
                f"explain it?")
    return ""  # no form of its own: science_fallback.honest_start words it
