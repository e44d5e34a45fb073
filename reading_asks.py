"""The question a reading move ends with, by the question's type, in the passage's own words: never the student's
question quoted inside another question ("What does it say that answers "where did nora find the mitten"?"), never a
word of their complaint taken for an answer. Also the types whose answer lies in how the text is built rather than
in one sentence: a text's structure (its signal words), a character's change (the start against the end), why the
writer put one part in (that part, and what it shows), the writer's answer to the other side; and the vocabulary
move (moved here from reading.py).

Round 16 (48 fresh help / wrong-attempt cases, 12 passages, grades 3-10, 6 passages held back): replies quoting the
question inside a question, "What in the passage shows", "make he", a vocabulary frame for a trait: dev 12/24 -> 0,
held back 13/24 -> 0, tune 19/62 -> 0; good moves (read by hand) dev ~10/24 -> 17/24, held back 7/24 -> 14/24;
the move's evidence on a gold sentence dev 18 -> 21/24, held back 13 -> 14/24, tune 46 -> 47/62.
Round 20 (`asked_only`, `without_own`): a stuck student's own words beside the question ("i keep losing my place",
"this poem makes no sense", "which part is it") are dropped before it is classified, ranked or quoted back, and a
name typed in lower case is read as the passage's; a message that asks nothing is asked which question it is about.
"""
from __future__ import annotations

import re

from evidence import Move, split_sentences
from figure_words import doubted, figure_move
from text_words import STOP, base_forms, content_tokens, without_chat, written_out
from locate import EARLIER, speaker
from passages import (ASKS_TITLE, COUNTERCLAIM, FEELER, REBUTTAL, classify_question, letter_frame, no_title,
                      quoted_term, rank_sentences)
from people import actor, characters
from reading_verdict import quote
from sentence_questions import clue_for, opening, speaker_move

SHORT_CLAIM = 6  # words: a short answer is quoted back to be checked; a longer one is named by its own key words


def said_as(claim: str) -> str:
    return f"\"{claim}\"" if len(claim.split()) <= SHORT_CLAIM else "your answer"


# ----------------------------------------------------------------------------- the closing question, by type

# What the question's opening asks for, and the one question that asks the pointed sentence for it.
ASKED_FOR = [
    (r"^\W*where\b", "What place does it name?"),
    (r"^\W*when\b|\bwhat time\b|\bwhat (?:day|year|month|season)\b", "What time does it give?"),
    (r"^\W*(?:who|whom)\b", "Who does it name?"),
    (r"\bhow (?:many|much|long|far|old|tall|big)\b", "What number does it give?"),
    (r"\bwhat (?:fact|evidence|detail|example)s?\b", "What fact does it give?"),
    (r"\breasons?\b", "What reason does it give?"),  # "list all of Jonah's reasons": a reason, not a thing named
    (r"\bwhat (?:things|animals|objects|items|places|foods?)\b|\bwhich (?:things|ones)\b|\blist\b",
     "What does it name?"),
    (r"\b(?:ask\w*|wants?|request\w*|urg\w+) [^?]*\b(?:to do|for)\W*$", "What does it ask for?"),  # a request
    (r"\bwhat (?:did|does|do|will|would) [^?]*\bdo\b|\bwhat happen", "What happens there?"),
    (r"^\W*how (?:does|did|do|can|could)\b", "What does it say about how that happens?"),
]
BY_KIND = {"cause": "What reason does it give?",
           "motive": "What clue do you find there about the reason?",
           "inference": "What clue do you find there, and what can you work out from it?",
           "argument": "Is it the writer's own point, a reason for it, or what other people argue?",
           "sequence": "What happens there?"}


def closing_ask(question: str, kind: str) -> str:
    """The one well-formed question that asks the pointed sentence for what this question wants: a place, a time, a
    name, a number, a reason, a clue; "What does it tell you?" when the question says no more."""
    if kind == "feeling":  # the one the question names; else no "character" (an article's or a letter's people)
        who = FEELER.search(question) or FELT_BY.search(question)
        return (f"What does {who.group(1)} do or say there, and what feeling does that show?" if who else
                "What is done or said there, and what feeling does that show?")
    if kind in BY_KIND and kind != "sequence":
        return BY_KIND[kind]
    return next((ask for pattern, ask in ASKED_FOR if re.search(pattern, question, re.I)),
                BY_KIND.get(kind, "What does it tell you?"))



# An answer no check decides is asked for its evidence, never doubted ("Does that fit with your answer?" read as "you
# are wrong" to students who were right): where in the passage it shows, in the question's own terms.
WHY_DO = re.compile(r"^\W*(?:why|y)\s+(?:do|does|did)\s+(?P<rest>[^?.!]{3,60}?)\W*$", re.I)
OBJECT_CASE = {"i": "you", "he": "him", "she": "her", "we": "us", "they": "them"}


def reason_asked(question: str) -> str:
    """A why-question as what the student is to find: "what made her set the cards face down" for "Why did she set
    the cards face down?"; "why camels can go days without water" needs the subject, so "the reason" stands in."""
    asked = written_out(question.strip().split("\n")[-1])  # "w/o" as "without": never the typing quoted back
    if found := WHY_DO.match(asked):
        first, _, rest = found.group("rest").partition(" ")
        return f"what made {OBJECT_CASE.get(first.lower(), first)} {rest}".strip()
    return "the reason"


def evidence_ask(question: str, kind: str, point: str, who: str | None = None) -> str | None:
    """The evidence asked for an answer no check decides: what in the pointed sentences shows it, by the question's
    type and in its terms (the one who feels, the reason asked), so the student shows why it holds; None for a type
    with no evidence of its own to name (a detail, an argument: the type's own question asks it better)."""
    if kind == "feeling":
        return f"Look at {point}: what does {who} do or say there that shows that feeling?" if who else \
            f"Look at {point}: what is done or said there that shows that feeling?"
    if kind in ("cause", "motive"):
        return f"Look at {point}: which words there tell you {reason_asked(question)}?"
    if kind in ("main_idea", "theme", "purpose"):  # an argument's own ask (the writer's point or others') stays
        return f"Which sentences back that up? Start with {point}: what in it supports your answer?"
    if kind in ("vocabulary", "meaning"):
        return f"Look at {point}: which words around it point to that meaning?"
    if who:
        return f"Look at {point}: what does {who} do there that shows it?"
    return None

# The student's own words beside a reading question are no part of what it asks: their state ("i keep losing my
# place"), a complaint about the text ("this poem makes no sense"), a where-to-look ask ("which part is it", "is it the
# first or the second one"). Left in, they were ranked, classified and quoted back as the question's own event.
ASKING = r"\b(?:wh\w+|how|mean\w*|main idea|theme|lesson|feel\w*|felt)\b"  # words that say what is asked
OWN_CLAUSE = re.compile(rf"^\W*(?:i|im|i'm|i've|ive|my|me)\b(?![^?]*{ASKING})|"
                        r"^\W*(?:idk|help|pls|plz|please|lol|huh|ugh)\W*$|\bmakes? no sense\b|"
                        r"\b(?:is|so|too) (?:confusing|hard|weird)\W*$|"
                        r"^\W*(?:which|what) (?:part|line|sentence|paragraph|step|one)(?:\W*$| is it| do i| should i)|"
                        r"^\W*is it the \w+ (?:\w+ )?or the \w+", re.I)
# "what happens at the end i dont get the cat part": the student's state typed on with no stop
# "how Dev feels about Priya": Dev, not the one acting in the line pointed at (the first-person writer is no "Dot")
FELT_BY = re.compile(r"\b([A-Z][a-z]+) (?:feels?|felt)\b")
OWN_TAIL = re.compile(r"\s+(?:i|im|i'm)\s+(?:dont|don't|do not|can't|cant|cannot|keep|still|never|read|get|am)\b.*$|"
                      r"\s+(?:idk|lol|pls|plz)\W*$", re.I)  # "help" ends "how did the mouse help" too


def without_own(message: str) -> str:
    """The message less the student's words about themselves or the text: "" when nothing else is left."""
    kept = [p for p in re.split(r"(?<=[,?!.])\s+", message) if not OWN_CLAUSE.search(p)]
    return OWN_TAIL.sub("", " ".join(kept)).strip(" ,")


# stuck on the whole text, no question of a part ("i dont get the poem", "i dont understand this story at all")
WHOLE_STUCK = re.compile(r"^\W*(?:i\s+)?(?:still\s+)?(?:don'?t|do not|can'?t|cannot)\s+(?:really\s+)?(?:get|understand|"
                         r"follow)\s+(?:the|this)\s+(poem|story|passage|article|text)\b(?:\s+at all)?\W*$", re.I)
TITLE_TYPED = re.compile(r"\b(mr|mrs|ms|dr)\.?\s+(?=[A-Z])", re.I)  # "mr Patel" -> "Mr. Patel"


# the student looking for the part that tells something ("where does it say who priya is", "i cant find the part where
# it says what the critics say"): what they look for is the question, not a where-question about a place
LOOKED_FOR = re.compile(r"^\W*(?:(?:i\s+)?(?:can'?t|cannot|couldn'?t|don'?t)\s+(?:find|see)\s+)?(?:the\s+part\s+)?"
                        r"where\s+(?:does\s+|did\s+)?(?:it|the\s+(?:story|text|passage|article|letter|author|"
                        r"writer))\s+(?:says?|tells?|talks?\s+about|shows?)\s+"
                        r"(?P<asked>(?:who|what|why|how|when|which)\b.+?)\W*$", re.I)


# a word of the text asked on its own, as students type it: "whats slinks", "what is a patent"
BARE_WORD = re.compile(r"^\W*(?:what(?:'?s| is| are| r)\s+(?:an?\s+|the\s+)?(?P<what>[a-z]+)|"
                       r"(?P<word>[a-z]+)\s*(?:=|means?\s+what\b|\?))\W*$", re.I)  # "substance??", "pestered = ?"
# the part that tells about a topic, asked as "where": "where does it talk about the eyes", "where does it prove it"
TALKS_ABOUT = re.compile(r"^\W*where\s+(?:does|did|do)\s+(?:it|the\s+(?:story|text|passage|article|letter|author|"
                         r"writer|poem))\s+(?:talk\s+about|mention|describe|explain|prove|show)\s+"
                         r"(?P<topic>(?!(?:who|what|why|how|when|which|where)\b)[^?]{2,60}?)\W*$", re.I)
# a part of the text named by its own words: "i dont get the waves to every car part", "what about 'bare'"
PART_NAMED = re.compile(r"^\W*(?:i\s+)?(?:still\s+)?(?:don'?t|do not|dont|can'?t|cant)\s+(?:get|understand)\s+"
                        r"(?:the\s+(?:part|line|bit)\s+(?:about|that says|where it says)\s+|the\s+)?[\"'“]?"
                        r"(?P<words>[^\"'”]+?)[\"'”]?(?:\s+(?:part|line|bit))?\W*$", re.I)
STUCK_WORDS = {"help", "stuck", "ok", "okay", "idk", "hmm", "huh", "lost", "confused", "yes", "no", "really"}


def asked_only(question: str, sentences: list[str]) -> str:
    """The question without the student's words about themselves or the text and their chat ("why r the doors
    underwater tho" -> "why are the doors underwater"), its names as the passage writes them ("how does teo feel" ->
    "how does Teo feel": a name typed in lower case was no one the question asked about); a name that is also a word
    the passage uses ("will", "hope") stays as typed."""
    if whole := WHOLE_STUCK.match(question):  # "i dont get the poem": what the whole of it is about
        return f"What is the {whole.group(1).lower()} mostly about?"
    bare = BARE_WORD.match(question)
    term = bare and (bare["what"] or bare["word"])
    text = " ".join(sentences)
    if term and term.lower() not in STOP | STUCK_WORDS and re.search(rf"\b{term}\b", text, re.I):
        name = re.search(rf"\b{term[0].upper()}{term[1:].lower()}\b", text)
        if name and not re.search(rf"\b{term.lower()}\b", text):  # "whats biscuit": a name, no word to define
            return f"Who or what is {name.group(0)} in the passage?"
        return f"What does \"{term}\" mean?"  # "whats slinks": a word of the text, its meaning
    named = PART_NAMED.match(question)
    if named and len(named["words"].split()) >= 2 and named["words"].lower() in " ".join(sentences).lower():
        return f"What does \"{named['words']}\" mean?"  # the line they name: its meaning, not a question back
    if about := TALKS_ABOUT.match(question):  # "where does it talk about the eyes": the part about them, no place
        return f"Which part of the passage tells about {about['topic']}?"
    if looked := LOOKED_FOR.match(question):  # "where does it say what they eat in winter": what they eat, asked
        question = f"{looked.group('asked')[0].upper()}{looked.group('asked')[1:]}?"
    asked = without_own(question)  # "I know its the word X but I dont know what it means": nothing asked is left
    asked = asked if re.search(ASKING, asked, re.I) else question
    asked = written_out(without_chat(asked), negations=False)
    words = {w for s in sentences for w in re.findall(r"\b[a-z]+\b", s)} | STOP
    names = {n.lower(): n for n in characters(sentences) if n.lower() not in words}
    named = re.sub(r"\b[a-z]+\b", lambda m: names.get(m.group(0), m.group(0)), asked)
    return TITLE_TYPED.sub(lambda m: f"{m.group(1).capitalize()}. ", named)


GENERIC = re.compile(r"\b(?:what|which) (?:kinds? of )?(?:things|stuff)\b", re.I)


def ranking_query(question: str) -> str:
    """The question as the sentences are ranked against it: "What things did the fog hide?" ranks "It hid the boats"
    by "hide", not "these things" by "things", a word any list shares."""
    return GENERIC.sub("what", question)


# ----------------------------------------------------------------------------- text structure

STRUCTURES = [  # the signal words of each structure, strongest first: a problem named outright decides
    ("problem and solution", re.compile(r"\b(?:problems?|solv(?:e|es|ed|ing)|solutions?|to fix|the answer to)\b",
                                        re.I)),
    ("compare and contrast", re.compile(r"\b(?:however|unlike|on the other hand|in contrast|similarly|both|whereas)\b",
                                        re.I)),
    ("cause and effect", re.compile(r"\b(?:because|as a result|therefore|so that|caus(?:e|es|ed)|leads? to)\b", re.I)),
    ("sequence", re.compile(r"^\W*(?:first|next|then|after that|finally|later|last)\b", re.I)),
]
def structure_signal(sentences: list[str]) -> tuple[str, int, str] | None:
    """The structure whose signal words the text uses (the first structure in STRUCTURES that any sentence signals),
    the first sentence signalling it, and the signal phrase as written; None for a text with no signal words."""
    for name, signal in STRUCTURES:
        found = [(i, m) for i, s in enumerate(sentences) if (m := signal.search(s))]
        if name == "sequence" and len(found) < 2:  # one "Then" makes no order of steps
            continue
        if found:
            i, m = found[0]
            clause = sentences[i][sentences[i].rfind(",", 0, m.start()) + 1:].strip()  # "To solve this problem"
            return name, i, " ".join(re.split(r"[,;:]", clause)[0].split()[:5]).rstrip(".!?")
    return None


def structure_move(sentences: list[str], where: list[str]) -> tuple[str, list[int]]:
    """How the text is built, asked through its own signal words: what comes before them and after them; the
    structures are never listed (the list holds the answer), the text's own is never said."""
    signal = structure_signal(sentences)
    if signal is None:
        return (f"Look at how each part of the passage begins, from \"{opening(sentences[0], max_words=4)}\" on. Does "
                f"each part add another fact about one topic, or does it build one thing out of another?"), [0]
    _, i, phrase = signal
    at = where[i] if i < len(where) else f"sentence {i + 1} of the passage"
    before = [i - 1, i] if i else [i]
    return (f"Signal words show how a text is built. Read {at}, with the words \"{phrase}\": what does the passage "
            f"tell before them, and what after them? What kind of structure do those words signal?"), before


# ----------------------------------------------------------------------------- a character's change

ASKS_CHANGE = re.compile(r"\bhow (?:does|did|has|have) (?P<thing>the \w+) (?:change|grow)s?\b"
                         r"(?=\s*(?:[?.!,]|$)|\s+(?:in|at|over|from|during|after|when|through|throughout|between)\b)|"
                         r"\bhow (?:does|did|has|have) (?P<who>\w+|the (?:narrator|speaker|writer|main character))"
                         r"(?:'s \w+)? (?:change|grow)\b|\bhow (?:has|did|does) [^?]*\bchanged? (?P<whom>\w+(?: "
                         r"(?:narrator|speaker|writer))?)\b", re.I)
AT_START = re.compile(r"\b(?:at first|in the beginning|at the (?:start|beginning)|used to|before)\b", re.I)
AT_END = re.compile(r"\b(?:now|by the (?:end|last)|in the end|finally|at last|from then on|these days)\b", re.I)


def changed_one(question: str, sentences: list[str]) -> str | None:
    """Who changes, as the passage spells them ("priya" asked, "Priya" written); "him", "her" are the main one."""
    asked = ASKS_CHANGE.search(question)
    who = (asked.group("thing") or asked.group("who") or asked.group("whom")) if asked else None
    cast = characters(sentences)
    if who and who.lower() in ("him", "her", "them"):
        return next((name for name, _ in cast.most_common(1)), None)
    written = re.findall(r"\b[A-Z][a-z]+\b", " ".join(sentences))
    return next((name for name in written if who and name.lower() == who.lower()),
                who[:1].upper() + who[1:] if who and " " not in who else who)


def told_as_i(sentences: list[str]) -> bool:
    """Is the text told by an "I" (most sentences say I, my or me)?"""
    return sum(bool(re.search(r"\b(?:I|my|me)\b", s)) for s in sentences) * 2 > len(sentences)


def change_sides(question: str, sentences: list[str], embedder=None) -> tuple[int, int]:
    """The sentence showing the one asked about at the start (said "at first", or the first naming them) and the one
    at the end (said "now", "by the end", or the later sentence most like the start one: "her hands felt like
    blocks of ice" against "her fingers were warm and sure")."""
    who = changed_one(question, sentences) or ""
    # told as "I" (a narrator, a letter's writer named only in its signature): "he" is someone else
    teller = re.fullmatch(r"(?i)the (?:narrator|speaker|writer)", who) or told_as_i(sentences) and not any(
        who in s for s in sentences)
    told = re.compile(r"\b(?:I|my|me)\b" if teller else r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")
    thing = re.match(r"the (?!narrator|speaker|writer|main character)(\w+)$", who)  # "the wind": any case, no "he"
    of = [i for i, s in enumerate(sentences) if who and who in s or (re.search(rf"(?i)\b{thing[1]}\b", s) if thing
                                                                     else told.search(s))]
    of = of or list(range(len(sentences)))
    start = next((i for i in of if AT_START.search(sentences[i])), of[0])
    later = [i for i in of if i > start + 1 and i >= len(sentences) // 2] or [i for i in of if i > start] or [start]
    marked = [i for i in later if AT_END.search(sentences[i])]
    if marked:
        return start, marked[0]
    score = dict((i, s) for s, i in rank_sentences(sentences[start], sentences, embedder))
    return start, max(later, key=lambda i: score.get(i, 0.0))


def change_move(question: str, sentences: list[str], where: list[str], embedder=None) -> tuple[str, list[int]]:
    """Start against end: each side named by its place and opening words, then what is different."""
    start, end = change_sides(question, sentences, embedder)
    who = changed_one(question, sentences) or "the character"
    def at(i: int) -> str:
        return f"{where[i] if i < len(where) else f'sentence {i + 1}'}, \"{opening(sentences[i], max_words=4)}\""
    if re.match(r"(?i)(?:everything|things|life)$|the (?!narrator|speaker|writer|main character|character)", who) and \
            who.split()[-1] not in characters(sentences):  # a river, a town, "everything": no feelings
        sides = ("how things were before and after" if who.lower() in ("everything", "things", "life") else
                 f"the {re.sub(r'^the ', '', who.lower())} at the start and later")
        return (f"Compare {sides}. Read {at(start)}, then {at(end)}. What is different between the two?"), [start, end]
    return (f"Compare {who} at the start with {who} at the end. Read {at(start)}, then {at(end)}. How is {who} "
            f"feeling or acting in each one, and what changed?"), [start, end]


# ----------------------------------------------------------------------------- why the writer put one part in

PART_PURPOSE = re.compile(r"\bwhy (?:does|did|do|would|might) the (?:author|writer|poet) (?:tell(?: us)? about|include|"
                          r"mention|describe|add|(?:end|begin|start|open|close)(?: the \w+)? with|put|use|give|compare|"
                          r"talk about|say)\s+"
                          r"(?P<part>[^?]+)", re.I)


def part_asked(question: str) -> str | None:
    """The part a "why does the author include X?" question asks about: X, not the whole text's purpose."""
    asked = PART_PURPOSE.search(question)
    return asked.group("part").strip(" .") if asked else None


def part_sentence(question: str, sentences: list[str], embedder=None) -> int:
    """The sentence holding the part asked about, at the end or start when the question says so."""
    part = part_asked(question) or question
    ranked = rank_sentences(part, sentences, embedder)
    edge = re.search(r"\b(?:at the end|end with|last|closing)\b|\b(?:at the (?:start|beginning)|begin|open|start)",
                     question, re.I)
    if edge:
        near = set(range(len(sentences) - 2, len(sentences))) if re.search(r"end|last|clos", edge.group(0), re.I) \
            else {0, 1}
        return next((i for _, i in ranked if i in near), ranked[0][1])
    return ranked[0][1]


def part_move(question: str, sentences: list[str], i: int, where: list[str]) -> str:
    """Why the writer put a part in: what it shows, and how it ties to the rest (never the text's purpose in
    general: "to inform" says nothing of why this part is there)."""
    at = where[i] if i < len(where) else f"sentence {i + 1} of the passage"
    cast = characters(sentences).most_common(1)
    who = "the writer" if told_as_i(sentences) else cast[0][0] if cast and cast[0][1] >= 2 else None
    about = f"What does it show about {who}" if who else "What does it add to what the passage has told so far"
    return (f"Read {at}, \"{opening(sentences[i], max_words=4)}\". {about}? How does it connect to what came "
            f"before it, and why would the writer want you to know it?")


# ----------------------------------------------------------------------------- vocabulary (moved from reading.py)

def meaning_in(claim: str, term: str) -> str | None:
    """The meaning a vocabulary answer gives ('vanished means disappeared, ...' -> 'disappeared'), when short."""
    said = re.sub(rf"(?i)^(?:i think\s+)?(?:does\s+|is\s+)?(?:['\"]?(?:{re.escape(term)}|it)['\"]?\s+)?"
                  r"(?:means?|is|it means)\s+", "", claim.strip())  # "does sore mean strong?", "is it soft?"
    said = re.sub(r"(?i)^(?:is (?:it|that)|like)\s+", "", said)  # "means like a football game": "like" is chat
    said = re.split(r"[,;]|\bbecause\b|\blike\b", said)[0].strip(" .")
    # "its something with rain", "something to do with rain": a hedge that points at the clue, no meaning to try
    hedged = re.match(r"(?i)(?:it'?s\s+)?something\s+(?:with|about|to do with|like)\b", said)
    asked = re.fullmatch(r"(?i)(?:what|which|idk|huh|\?+)\W*", said)  # "improved means what": asked, no meaning
    return said if said and len(said.split()) <= 5 and not hedged and not asked else None  # a long one won't fit


SPLICED = 2  # a meaning this short takes the word's place whole; a longer one is tested beside the sentence
PRONOUN = re.compile(r"^(?:he|she|it|they|we|i|you|his|her|their|the|a|an|to|when|that|something|someone|is|are|was|"
                     r"were|be|been|got|gets|had|has|have)\b", re.I)  # "were loud" for a verb reads as nonsense


def fits(guess: str, clue: str | None) -> str:
    """Ask whether a guessed meaning fits the words that test it ("a corner snapped off when Ms. Park unfolded it"),
    never what the word means."""
    if not clue:
        return "Does that fit with what happens in the sentences just before and after it?"
    said = f"\"{guess}\"" if guess != "that" else guess
    inner = re.sub(r"[\"“”]", "'", clue)  # a line someone says, quoted inside the quote
    return f"Does {said} fit with \"{inner}\"?"


def vocabulary_move(claim: str, question: str, sentences: list[str], top: int) -> str:
    """The substitution test: a meaning of one or two words (less those repeating the words just before the term:
    "the kite exploded" in "the kite drifted") put in place of the word, in its sentence; a longer one
    ("part of the Earth", "he got very cold") spliced in reads as nonsense whether it is right or not ("cracks in
    the Earth's part of the Earth"), so the sentence is quoted whole and the meaning is tested beside it."""
    term = quoted_term(question)
    word = re.compile(rf"\b{re.escape(term)}\b", re.I) if term else None   # whole words: never the 's' in 'was'
    context = next((s for s in sentences if word and word.search(s)), sentences[top])
    meaning = meaning_in(claim, term) if term else None
    if not term:  # "what does it mean?": the word is the student's to name, then to test in its sentence
        return f"Which word do you mean? Find it in the passage and put {said_as(claim)} in its place: does that fit?"
    if not (word and word.search(context)):  # the asked words are not in the text as written
        return (f"Read this sentence: {quote(context)} What is happening there, and what meaning of \"{term}\" "
                f"fits what it tells?")
    own = meaning or ""
    before = context[:word.search(context).start()].split()
    for k in range(min(3, len(before)), 0, -1):  # "the kite exploded" in "the kite drifted": "exploded" takes its place
        if own.lower().startswith(" ".join(before[-k:]).lower() + " "):
            own = own[len(" ".join(before[-k:])):].strip()
            break
    there = {w.lower() for w in re.findall(r"[A-Za-z']+", context)}
    clue = clue_for(term, context, sentences)
    spliced = own and len(own.split()) <= SPLICED and not PRONOUN.match(own)
    if spliced and not {w.lower() for w in own.split()} & there:  # "the Earth's part of the Earth" repeats itself
        tried = word.sub(own, context, count=1)
        return f"Try your meaning in place of \"{term}\": \"{tried}\" {fits(own, clue)}"
    if meaning:  # their meaning named, its evidence asked: never "does that fit with ...?" of a right one
        inner = re.sub(r"[\"“”]", "'", clue or "")  # a line someone says, quoted inside the quote
        beside = f" Read \"{inner}\" too." if clue and clue not in context else ""  # a clue beside it, to weigh
        return (f"Read the sentence with \"{term}\" in it: {quote(context)} Which words around \"{term}\" made you "
                f"think it means \"{meaning}\"?{beside}")
    found = f"\"{term}\"" if len(term.split()) <= 2 else "it"  # a line asked is no word to find inside itself
    return f"Find {found} in the sentence: {quote(context)} " + (built_clue(term, context) or (
        f"What is happening there, and what do the words around \"{term}\" tell you it means?"))


def term_sentence(question: str, sentences: list[str]) -> int | None:
    """The sentence holding the word a vocabulary question asks about, as written (whole words)."""
    term = quoted_term(question)
    word = re.compile(rf"\b{re.escape(term)}\b", re.I) if term else None
    return next((i for i, s in enumerate(sentences) if word and word.search(s)), None)


# ----------------------------------------------------------------------------- the other side, and the answer to it

ASKS_RESPONSE = re.compile(r"\b(?:worr\w*|critics?|opponents?|other side|counterclaim|some people|supporters?)\b"
                           r"[^?]*\b(?:answers?|respond\w*|repl\w*|says? back|rebut\w*|deal with)\b|\b(?:answers?|"
                           r"respond\w*)\b[^?]*\b(?:worr\w*|critics?|opponents?|counterclaim|supporters?|people)\b|"
                           r"\bhow does the (?:writer|author) (?:answer|respond|reply|rebut)", re.I)
OTHERS_SAY = re.compile(r"^(?:supporters|those who \w+(?: \w+)?|opponents|"
                        r"(?:some|many|a few|other)\s+(?:\w+\s+){0,2}?\w+)"
                        r"\s+(?:say|said|argue|argued|claim|claimed|think|believe|worry|worried|fear|feared|"
                        r"complain)\b",
                        re.I)  # beside passages.COUNTERCLAIM's people: "Some shop owners fear", "Supporters argued"


NAMES_VIEW = re.compile(r"\b(?:who|that) (?:says?|think|thinks|worry|worries|argue|argues|believe|believes|fear|"
                        r"fears|complain|complains)\b", re.I)  # the question tells the other side itself


def rebuttal_move(question: str, sentences: list[str], where: list[str]) -> tuple[str, list[int]] | None:
    """"What worry do some people have, and how does the writer answer it?": the sentence giving the other side,
    up to its verb ("Some people worry"), then the writer's answer, named by its turn word ("However"): what each
    says is the student's to read. None when the question asks no answer to another side, or the text has none."""
    if not ASKS_RESPONSE.search(question):
        return None
    said = [(i, m) for i, s in enumerate(sentences) if (m := COUNTERCLAIM.search(s) or OTHERS_SAY.search(s))]
    if not said:
        return None
    i, told = said[0]
    j = next((k for k in range(i + 1, min(i + 3, len(sentences))) if REBUTTAL.match(sentences[k])),
             min(i + 1, len(sentences) - 1))
    turn = REBUTTAL.match(sentences[j])
    def at(k: int) -> str:
        return where[k] if k < len(where) else f"sentence {k + 1} of the passage"
    begins = f", which begins with \"{turn.group(0).strip()}\"" if turn else ""
    if NAMES_VIEW.search(question):  # "How does the writer answer people who say ...?": the view is given
        return f"Read {at(j)}{begins}, just after what they say: what does the writer say back to them?", [j]
    return (f"Read {at(i)}, \"{told.group(0)}...\": what do they think could go wrong, or what do they argue? "
            f"Then read {at(j)}{begins}: what does the writer say back to them?"), [i, j]


def built_move(kind: str, question: str, sentences: list[str], where: list[str], embedder=None,
               claim: str | None = None) -> tuple[str, list[int]] | None:
    """The move for a question whose answer lies in how the text is built (its structure), in a change from start
    to end, in why the writer put one part in, or in the writer's answer to the other side; with the sentences it
    shows. None for any other question."""
    if kind == "structure":
        return structure_move(sentences, where)
    if kind == "change":
        return change_move(question, sentences, where, embedder)
    if part_asked(question):
        i = part_sentence(question, sentences, embedder)
        return part_move(question, sentences, i, where), [i]
    # the other side and its answer asked (an argument, whatever kind); an answer to it is weighed by reading.py's
    # rebuttal check ("Does the writer agree with them?")
    return None if claim else rebuttal_move(question, sentences, where)


# ----------------------------------------------------------------------------- a line the student quotes and asks about

# "why does that even matter", "what does that have to do with anything", "so what?": the quoted line is their clue
WHY_LINE = re.compile(r"\b(?:why (?:does|is) (?:that|this|it) (?:even )?(?:matter|important|there)|what (?:does|do) "
                      r"(?:that|this|it) (?:even )?(?:have to do with|mean)|so what|what(?:'s| is) the point|"
                      r"i don'?t get (?:it|that|why))\b", re.I)


# a quoted line, whose own apostrophes ('He didn't answer.') end no quote: one ends before a space or a stop
LINE_QUOTED = re.compile(r"(?<![A-Za-z])['‘\"“][^\"“”]{8,}?['’\"”](?![A-Za-z])")


def quoted_clue(question: str, sentences: list[str]) -> int | None:
    """The passage sentence a message quotes and asks the point of ("It says "He didn't answer until after dinner."
    what does that have to do with anything"), when the message asks nothing else; None otherwise."""
    quoted = LINE_QUOTED.search(question)
    rest = question[quoted.end():] if quoted else ""
    if not quoted or not WHY_LINE.search(rest) or "?" in question[:quoted.start()]:
        return None
    said = {f for w, _ in content_tokens(quoted.group(0)) for f in base_forms(w)}
    def held(s: str) -> float:
        words = [{f for f in base_forms(w)} for w, _ in content_tokens(s)]
        return sum(bool(w & said) for w in words) / max(1, len(words))
    best = max(range(len(sentences)), key=lambda i: held(sentences[i]), default=None)
    return best if best is not None and held(sentences[best]) >= 0.8 else None


def clue_move(sentences: list[str], i: int, where: list[str]) -> str:
    """A quoted line is a clue the student already has: it is built on, never pointed back at. What it follows (the
    nearest earlier moment told just before it, "On Friday, Arun texted ...") and what it shows about the one acting."""
    before = [j for j in (i - 1, i - 2) if j >= 0]
    if not before:
        return (f"That line is a clue. Read on from it: what happens next, and what does \"{sentences[i]}\" "
                f"set up for the rest of the passage?")
    j = next((j for j in before if EARLIER.search(sentences[j])), before[0])
    at = where[j] if j < len(where) else f"sentence {j + 1} of the passage"
    who = actor(sentences, i)
    about = f"about {who}" if who else "about what is going on"
    return (f"That line matters: it is a clue. Read it together with {at}, \"{opening(sentences[j], max_words=5)}\": "
            f"what has just happened there? What does \"{sentences[i]}\" show {about} because of that?")


# ----------------------------------------------------------------------------- who writes a letter, and to whom

ASKS_WRITER = re.compile(r"\bwho (?:wrote|writes|is writing|signed|sent)\b|\bwho (?:is|was) the (?:writer|author|"
                         r"sender)\b|\bwho (?:is|was) (?:the letter|it|this) from\b", re.I)
ASKS_READER = re.compile(r"\b(?:written|addressed|sent|writing) to\b|\bto whom\b|\bwho (?:does|did) \w+ write to\b|"
                         r"\bwho (?:is|was) (?:the letter|it|this) (?:for|to)\b", re.I)
NAME = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr|Miss|Coach|Aunt|Uncle|Grandma|Grandpa)\.? )?[A-Z][a-z]+\b")


def frame_move(passage: str, question: str, claim: str | None) -> tuple[str, str | None] | None:
    """Who wrote a letter, or to whom: its greeting and signature say it, lines the passage's sentences leave out
    ("Dear Ms. Okafor," is no title and no sentence of the letter). The move and its verdict: a name from the other
    line is flagged (the one written to is no writer), the right line's name confirmed; None for any other question
    or a text with no letter frame."""
    writer, reader = ASKS_WRITER.search(question), ASKS_READER.search(question)
    lines = split_sentences(passage)
    frame = sorted(letter_frame(lines))
    if not (writer or reader) or not frame or (reader and frame[0] != 0) or (writer and frame[-1] == 0):
        return None
    greeting, close = lines[0], [lines[i] for i in frame if i]
    signed_by = close[-1]
    names = {n.split()[-1] for n in NAME.findall(claim or "")}
    def named_in(line: str) -> bool:
        return bool(names & {n.split()[-1] for n in NAME.findall(line)})
    asked, other = (signed_by, greeting) if writer else (greeting, signed_by)
    if names and named_in(asked) and not named_in(other):
        told = "signs the letter at the end" if writer else "is the greeting: it names the one the letter is written to"
        return f"Yes: {quote(asked)} {told}.", "supported"
    where = (f"at the end of the letter, under \"{close[0].rstrip(',')}\"" if writer else
             "in the greeting, the first line, the one that begins \"Dear\"")
    whose = "its writer" if writer else "the one it is written to"
    if names and named_in(other):
        said = (f"\"{greeting}\" is the greeting: it names the one the letter is written to, not the writer" if writer
                else "that name signs the letter at the end: it is the writer's")
        return f"Not quite: {said}. A letter names {whose} {where}. Whose name is there?", "contradicted"
    return f"A letter names {whose} {where}. Whose name is there?", None


# ----------------------------------------------------------------------------- a line's meaning, a message's shape

# a thing said to be another ("The moon is a lantern"), quoted up to its verb
CALLED = re.compile(r"^(?P<head>\W*(?:[A-Za-z']+ ){0,4}?(?:is|are|was|were))\s+(?:an?|the|my|his|her)\s+[a-z]+", re.I)
# asks what the thing is compared with ("what is the fog supposed to be": what the figure makes it)
COMPARED_TO = re.compile(r"\bcompared? (?:to|with)\b|\bsimile\b|\bsupposed to be\W*$", re.I)
# the thing a comparison is asked about: "compare the fog to", "is the wind compared with", "the snow compared to"
COMPARED_THING = re.compile(r"\b(?:compares?|is|are) (?:the |her |his |their )?([a-z]+) (?:compared )?(?:to|with)\b|"
                            r"\bthe ([a-z]+) compared (?:to|with)\b", re.I)


def meaning_move(question: str, sentences: list[str], top: int, where: list[str]) -> str:
    """A line asked about, quoted in its place (its meaning is still to find): a simile's two sides compared, or what
    has just happened before it; asked what a thing is compared to, the line is placed, never quoted (the words after
    "like" answer it)."""
    at = where[top] if top < len(where) else f"sentence {top + 1} of the passage"
    said = sentences[top].rstrip(",;: ")
    # "blocks of ice", "an old man's chill": the thing, not its first word; "looks like we're ..." compares nothing
    like = re.search(r"\blike\s+(?!(?:we|we're|they|they're|he|she|i|i'm|it's|you|you're)\b)(?:an?\s+|the\s+)?"
                     r"([a-z']+(?: (?!(?:that|which|who|and|but|when|in|on|at|to|"
                     r"afterwards?|again|too|then|now|today|later)\b)[a-z']+){0,2})|"
                     r"\bas \w+ as (?:an?\s+|the\s+)?([a-z]+(?: [a-z]+)?)", sentences[top])  # "a forgotten nail"
    said += "" if said[-1:] in ".!?\"'”" else "."   # a poem's line may end without a stop
    if like and COMPARED_TO.search(question):  # the words after "like" are the answer: placed, never quoted
        word, it = ("word \"like\"", "it") if like.group(1) else ("words \"as ... as\"", "them")
        return f"Find the {word} in {at}. What comes right after {it}, and how are the two things alike?"
    called = CALLED.search(sentences[top]) if COMPARED_TO.search(question) else None
    if called:  # "The moon is a lantern": what it is called is the answer, so the line is quoted up to its verb
        return (f"Read {at}, which begins \"{called.group('head')}...\": the writer says it is something it can't "
                f"really be. What is that, and how are the two alike?")
    if COMPARED_TO.search(question):  # no "like", no "is a": the thing renamed ("The fog comes creeping in, / a gray
        # cat on silent feet."), in its line or the one it runs on into
        on = top + 1 < len(sentences) and sentences[top].rstrip().endswith((",", ";", ":"))
        thing = COMPARED_THING.search(question)
        thing = f"the {thing.group(1) or thing.group(2)}" if thing else "it"
        return (f"Read {at}{' and the line after it' if on else ''}: the writer describes {thing} as if it were "
                f"something else. What is that thing, and how is {thing} like it?")
    says = f"{at[0].upper()}{at[1:]} says: {quote(said)}"  # the passage's words, never said as the tutor's own
    if like:
        return (f"{says} Picture it: what is being compared with {like.group(1) or like.group(2)}, and what do the two "
                f"have in common here?")
    spoken = quoted_term(question) if re.search(r"\bmean", question, re.I) else None
    # the words asked about, in the line as written ("were in the same boat" typed, "we're ..." written)
    typed = re.search(r"['’]?".join(map(re.escape, re.sub(r"['’]", "", spoken))), sentences[top], re.I) \
        if spoken else None
    if typed and top and re.search(r"[\"“]", sentences[top]):  # "we're in the same boat", said in a moment
        who = actor(sentences, top) or "the speaker"
        return (f"{says} What has just happened before {who} says it, and what could {who} mean by "
                f"\"{typed.group(0)}\" in that moment?")
    before = "What has just happened before it" if top else "What is happening in it"   # a first line has no before
    return (f"{says} {before}, and what does it show about what "
            f"{actor(sentences, top) or 'the writer'} thinks or feels now, compared with earlier?")


def shaped_move(passage: str, question: str, claim: str | None, title: str | None, sentences: list[str],
                where: list[str]) -> Move | None:
    """The moves a message's own shape decides before any sentence is ranked: who wrote a letter or to whom (its
    greeting or its signature), who says a play's line (its speaker label), a line the student quotes and asks about
    (built on, never pointed back at), a title asked of a text with none, what kind of text it is; and a message
    that asks no question at all ("i read it twice and still dont get it"): which question it is about; a figure the
    student asks about (figure_words.py), worded by what it does."""
    if not claim and not without_own(question):  # "idk", "which part" with no question typed: a line picked is a guess
        return Move(ASK_QUESTION.format(about=f" about \"{title}\"" if title else ""), "detail", None, [])
    if framed := frame_move(passage, question, claim):
        return Move(framed[0], "detail", framed[1], [], "answer" if framed[1] == "supported" else "")
    if (spoken := speaker_move(question, claim, sentences, classify_question(question))) is not None:
        return spoken  # a play's line asked about: its speaker label decides
    if (clue := quoted_clue(question, sentences)) is not None:
        return Move(clue_move(sentences, clue, where), "inference", None, [sentences[clue]])
    if title is None and ASKS_TITLE.search(question):
        return Move(no_title(passage, claim), "detail", None, [])
    if not claim and ASKS_TEXT_KIND.search(question):
        return Move(text_kind_move(passage, title, sentences), "purpose", None, sentences[:2])
    return figure_move(question, sentences) if not claim or doubted(claim) else None  # a figure: its two sides


ASK_QUESTION = ("Which question{about} are you working on? Type it here, and we'll find the line in the passage that "
                "holds the clue for it together.")
ASKS_TEXT_KIND = re.compile(r"(?i)\bwhat (?:kind|type|sort|genre) of (?:text|passage|writing|piece)\b|"
                            r"\bis (?:this|the) (?:text|passage) (?:a|an)\b")


def text_kind_move(passage: str, title: str | None, sentences: list[str]) -> str:
    """"What kind of text is this?": the features that show it, named where the text has them (a "How to" title
    and numbered steps, a greeting and a sign-off, a speaker's name before each line, short broken lines), then
    the kinds to choose from; the kind itself is the student's to say."""
    every, lines = split_sentences(passage), [line for line in passage.splitlines()[1:] if line.strip()]
    shown = [f"the title, \"{title}\"" if title else "",
             "how the lines begin (1., 2., 3.)" if sum(bool(re.match(r"\d{1,2}[.)]\s", s)) for s in sentences) >= 2
             else "",
             f"how it begins (\"{every[0]}\") and ends (\"{every[-2]}\")" if letter_frame(every) else "",
             "the name and colon at the start of each line" if sum(bool(speaker(s)) for s in sentences) >= 2
             else "",
             "how it is set out in short lines" if len(lines) >= 4 and sum(map(len, lines)) <= 50 * len(lines)
             and not any(re.match(r"\d{1,2}[.)]\s", line) or speaker(line) for line in lines) else ""]
    looks = ", and ".join(f for f in shown if f) or "how it begins and what most sentences do"
    return (f"It asks what sort of writing this is, and which features show it. Look at {looks}. Does the text tell "
            f"a story, give facts, try to persuade you, tell you what to do in order, or is it a poem, a play or a "
            f"letter? Which feature tells you?")


# the words beside a word that tell its meaning: a contrast ("damp but not muddy"), a definition ("which is called
# bleaching" after what it is), a restatement ("or", "that is")
WORD_CLUE = r"(?:,?\s+but not|,?\s+not|,\s+or|,\s+that is|\s+unlike)\s+[^,.;!?]{3,30}"


def word_clue(term: str, sentences: list[str], at: int) -> str:
    """Where a vocabulary question's clue lies beside its word: the contrast or restatement just after it in its own
    sentence, the description before "which is called ...", or the sentence before when the word's own sentence
    points back to it ("This camouflage lets it hide ..."); "" when none is told there."""
    sentence = sentences[at]
    after = re.search(rf"(?i)\b{re.escape(term)}\b(?P<clue>{WORD_CLUE})", sentence)
    if after:
        return f"Read the words right after it, \"{after.group('clue').strip(' ,')}\": what do they tell you?"
    if re.search(rf"(?i)\b(?:is|are) called (?:an? )?{re.escape(term)}\b", sentence):
        return f"The sentence tells what happens first, then names it \"{term}\": what does it describe?"
    back = re.match(rf"(?i)^\W*(?:this|that|these|those|such) {re.escape(term)}\b", sentence)
    # "He received a patent for it in 1923.": what the word is for or of is named in the sentence before
    held = re.search(rf"(?i)\b{re.escape(term)}\b[^.?!;]*?\b(?:for|of|about|on|with|from) (it|this|that|them)\b",
                     sentence)
    if (back or held) and at > 0:
        before = opening(sentences[at - 1])
        pointing = back.group(0).strip() if back else held.group(1)
        return (f"\"{pointing}\" points back to the sentence just before it, \"{before}\": what is "
                f"described there?")
    return told_around(term, sentences, at) or built_clue(term, sentences[at])


# a word beside the asked one that is no clue to it: an article, a pronoun, a linking verb, a number word
FILLER = STOP | {"very", "so", "too", "all", "quite", "really", "more", "most", "one", "two", "three"}
# what comes before two describing words joined by "and": a linking verb ("were cold and damp") or an article
DESCRIBED = (r"(?:is|are|was|were|be|been|feel|feels|felt|look|looks|looked|seem|seems|seemed|get|gets|got|became|"
             r"grew|stayed|a|an|the)")


def built_clue(term: str, sentence: str) -> str:
    """The clue a word's own sentence builds around it, asked about without reading the meaning out: a contrast
    before it ("damp but not soggy"), a name given after a description ("melted rock, called magma"), a word it is
    paired with ("cold and damp"), what the thing named does ("a substance that killed germs"), or what follows
    from it ("has improved, so I am entering the fair"); "" when the sentence builds none."""
    word = re.escape(term)
    against = re.search(rf"(?i)\b(?P<other>[a-z]+)\s*,?\s+(?:but|yet|and)\s+not\s+(?:too\s+|very\s+|so\s+)?{word}\b",
                        sentence)
    if against and against["other"].lower() not in FILLER:
        return (f"The sentence sets \"{term}\" against \"{against['other']}\": \"{against.group(0)}\". How is "
                f"something {term} different from something {against['other']}?")
    if called := re.search(rf"(?i),\s+(?P<name>(?:called|known as|named)\s+(?:the\s+|an?\s+)?{word})\b", sentence):
        return f"Read the words just before \"{called['name']}\": what does the sentence say {term} is?"
    paired = re.search(rf"(?i)\b{DESCRIBED}\s+(?:[a-z]+ly\s+)?(?P<pair>(?P<other>[a-z]+)\s+(?:and|or)\s+{word}\b|"
                       rf"{word}\s+(?:and|or)\s+(?P<after>[a-z]+)\b)", sentence)  # two words describing one thing
    other = paired and (paired["other"] or paired["after"])
    if other and other.lower() not in FILLER:
        return (f"The sentence puts \"{term}\" beside \"{other}\": \"{paired['pair']}\". What do the two words "
                f"tell you together?")
    does = re.search(rf"(?i)\b{word}\s+(?:that|which|who)\s+(?P<does>[^,.;!?]{{4,50}})", sentence)
    if does:
        return (f"The words right after it tell what it does: \"{does.group(0).strip()}\". What kind of thing "
                f"could do that?")
    then = re.search(rf"(?i)\b{word}\b[^.;!?]*?,?\s+(?P<link>so|so that|and so|because)\s+(?P<then>[^.;!?]{{6,}})",
                     sentence)
    if then:
        told = "gives the reason" if then["link"].lower() == "because" else "tells what came of it"
        return (f"The rest of the sentence {told}: \"{then['link']} {then['then'].strip()}\". What must "
                f"\"{term}\" mean for that to make sense?")
    purpose = re.search(rf"(?i)\b{word}\s+[^.;!?,]*?\w\s(?P<aim>(?:in order )?to (?!(?:the|a|an|his|her|their|its|my|"
                        rf"our|school|bed|town)\b)[a-z]+(?:\s+[a-z]+){{0,4}})", sentence)
    if purpose:  # "cluster together on fir trees to stay warm": what it is done for ("suited to life": no aim)
        return (f"The sentence says what it is done for: \"{purpose['aim']}\". What would \"{term}\" have to mean "
                f"to do that?")
    return ""


def told_around(term: str, sentences: list[str], at: int) -> str:
    """A word's clue in how its sentence goes on or in another line about the same thing: "until ..." (was it done
    at once, or only then?), the rest of a "When food is scarce, ..." sentence (what must the food be like for that?),
    another sentence about the thing it describes ("the hall was packed" ... "the whole hall stood up")."""
    sentence, word = sentences[at], re.escape(term)
    until = re.search(rf"(?i)\b(?P<who>[a-z]+)\s+(?:was|were|is|are|felt|seemed)\s+{word}\s+to\s+(?P<act>[^.;!?]*?)"
                      r"\s+until\s+(?P<then>[^.;!?,]+)", sentence)
    if until:
        who = until["who"] if until["who"] in characters(sentences) else until["who"].lower()
        return f"Read on to \"until {until['then']}\": did {who} {until['act']} right away, or only then?"
    when = re.match(rf"(?i)\W*(?:when|if|whenever|once)\s+(?P<what>[^,]*?)\s+(?:is|are|was|were|gets?|got|becomes?|"
                    rf"became)\s+(?:very\s+|too\s+|so\s+)?{word}\b[^,]*,\s*(?P<then>[^.;!?]+)", sentence)
    if when:
        return (f"The rest of the sentence tells what happens then: \"{when['then']}\". What must {when['what']} be "
                f"like for that to happen?")
    thing = re.search(rf"(?i)\b(?:the|his|her|their|its|our|my)\s+(?P<noun>[a-z]+)\s+(?:was|were|is|are)\s+"
                      rf"(?:very\s+|so\s+|completely\s+)?{word}\b", sentence)
    noun = re.compile(rf"(?i)\b{re.escape(thing['noun'])}\b") if thing else None
    other = next((s for k, s in enumerate(sentences) if k != at and noun and noun.search(s)), None)
    if other:
        return (f"\"{term}\" tells about the {thing['noun']}. Read another sentence about the {thing['noun']}: "
                f"{quote(other.strip())} What does that show about the {thing['noun']}?")
    return ""
