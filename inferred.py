"""Inference answers judged against the clue lines the question points to (round 17): a mood, a feeling, a word's or
an idiom's meaning, a text's purpose are never said in one sentence, so no word-for-word check can confirm them. An
inference is right when the clue lines carry cues of it (data/inference_cues.json: "lay still", "only sound" for
calm; "could crack" for fragile's "easily broken"; "First, Next, Then" for a purpose to teach how), wrong when they
carry only cues of a family the lexicon names its opposite (a tense mood where the lake "lay still"), and otherwise
left to the tutor to ask about: a paraphrase is never doubted for words the passage lacks.

reading_verdict.weigh asks `weigh_feeling` (moved here from reading_verdict.py), `weigh_sides` (a quality of each of
two compared characters), `weigh_purpose` and `weigh_meaning`; reading.py words their own statuses (`inferred_move`:
a comparison's true difference, a figure said to be no literal one, a figure read word for word). Measured on 48
fresh cases (/work/wt/probes17/readright17, half held back): good single-turn moves dev 7/24 -> 21/24, check 10/24 ->
18/24; wrong endorsed 0 -> 0; scripted followers dev 6/24 -> 19/24, check 6/24 -> 17/24.

`definition` and `defined` (a word the text defines itself, "a home called a lodge") moved here from
reading_verdict.py in round 19: a word's meaning the text gives, beside the meaning its context shows.

Session 19 (readright23): `clue_told` finds the line a student's own clue retells ("nervous, he wipes his hands" at
"He wiped his palms ..."), which confirms the feeling when it shows it at the asked moment; a speaker's or writer's
feeling is read in their first-person lines too (`mood_lines`); `weigh_prediction` holds a prediction against the
ending's change. On 45 fresh cases (/work/wt/probes23/readright23, 17 held back): good moves dev 3/28 -> 10/28,
check 5/17 -> 6/17, wrong confirmed 1 -> 0; scripted followers confirmed 3/9 -> 6/9.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from typing import TYPE_CHECKING

from evidence import Verdict, default_embedder
from text_words import COMMON, STOP, base_forms, content_tokens, content_words, forms_of, has_negation, stem
from locate import compared_sides, dated
from own_words import own_words, synonym_meant, word_forms
from passages import another_moment, focus, named_feelings, quoted_term, shown_feelings
from people import characters

if TYPE_CHECKING:  # reading_verdict.py imports this: neither torch nor numpy may load on import
    from retrieval import Embedder

CUES = json.loads((Path(__file__).resolve().parent / "data" / "inference_cues.json").read_text())
DENIED_BEFORE = re.compile(r"\b(?:not|never|no|isn'?t|wasn'?t|aren'?t|weren'?t|doesn'?t|didn'?t)\s+(?:\w+\s+){0,2}$",
                           re.I)
UNLIKE = re.compile(r"\bunlike\b[^,.;]*,?", re.I)  # "Unlike the new steel bridge, it could crack": the other side
MOOD = re.compile(r"\bmood\b|\batmosphere\b|\btone\b|\bhow does (?:the|this) (?:poem|story|scene|passage) feel\b", re.I)
STEP_LINE = re.compile(r"^\W*(?:first|next|then|finally|after that|second|third|last|lastly)\b", re.I)
FIGURATIVE = re.compile(r"\bexaggerat|\bnot (?:a |an )?real\b|\bnot literal|\bfigure of speech\b|"
                        r"\bidiom\b|\bhyperbole\b|\bjust an expression\b", re.I)  # it is not meant word for word
NOTICED = re.compile(r"^\W*(?:I|we)\s+(?:noticed|notice|see|saw|found|spotted|read)\s+(?:that\s+)?", re.I)  # a clue
SHORT_TEXT = 8  # sentences: a mood is the whole scene's in a text this short
SPEAKER = re.compile(r"\b(?:speaker|narrator|writer|poet)\b", re.I)
FIRST_PERSON = re.compile(r"\b(?:I|me|my)\b")
# "How does the narrator feel now?": the lines from where the text turns to now, not the ones it remembers
NOW = re.compile(r"\b(?:now|today|these days|nowadays)\b", re.I)


def said(pattern: str, text: str) -> re.Match | None:
    """The first place a text says the pattern (whole words), not denied just before ("not calm", "isn't a real
    mountain")."""
    for found in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", text, re.I):
        if not DENIED_BEFORE.search(text[:found.start()]):
            return found
    return None


def named(text: str, table: str) -> list[str]:
    """The families of a table ('feelings', 'meanings') whose words a text says and does not deny."""
    return [family for family, entry in CUES[table].items() if said(entry["words"], text)]


def shown(sentence: str, table: str) -> set[str]:
    """The families whose cues a passage line carries ("lay still": calm), each cue at a word's start ("rush" is no
    cue in "brush", nor "heap" in "cheap")."""
    return {family for family, entry in CUES[table].items() if re.search(rf"\b(?:{entry['cues']})", sentence, re.I)}


def opposed(families: list[str], table: str) -> set[str]:
    """The families the lexicon names opposite to any of these."""
    return {o for family in families for o in CUES[table][family]["opposites"]}


def feeling_named(claim: str) -> str:
    """The feeling or mood word a claim says, as it says it ("let down", "peaceful"), or ''."""
    found = next((m for entry in CUES["feelings"].values() if (m := said(entry["words"], claim))), None)
    return found.group().lower() if found else ""


def felt_word(claim: str, sentence: str) -> str:
    """The claim's feeling word that the line shows ("calm", of "calm and happy" where the lake lay still), or ''."""
    shown_ = feelings_shown(sentence)
    return next((w for w in re.findall(r"[a-z]+(?: down)?", claim.lower())
                 if set().union(*feelings_named(w)) & shown_), "")


def acted_by_feeler(question: str, sentences: list[str], line: str) -> bool:
    """Does the line open on the one whose feeling is asked acting ("He slumped in his chair"): a pronoun, or a name
    the question says, as its subject? "Within an hour, a line of sweaty runners had formed" shows others."""
    asked = [name for name in characters(sentences) if re.search(rf"\b{name}\b", question, re.I)]
    who = "|".join(["he", "she", "they", "i", "we", *asked])
    return bool(re.match(rf"\W*(?:(?:then|and|but|so|now)\s+)?(?:{who})\b", line, re.I))


def mood_lines(question: str, sentences: list[str], near: list[int]) -> list[int]:
    """Where a feeling's clues are: the lines near the moment, or a short text's every line when the question asks
    for the mood of the scene (a poem's mood is in all its lines) or the moment's lines show no feeling (the
    mother's relief two lines after "Leo's name")."""
    now = next((i for i, s in enumerate(sentences) if NOW.search(s)), 0) if NOW.search(question) else 0
    near = [i for i in near if i >= now] or near   # "When I was twelve, I was embarrassed" is not how they feel now
    after = max(near) + 1  # the moment told ("By noon he had sold only two cups"), the reaction in the next line
    if after < len(sentences) and not any(feelings_shown(sentences[i]) for i in near) and feelings_shown(
            sentences[after]) and acted_by_feeler(question, sentences, sentences[after]):
        return sorted({*near, after})
    whole = len(sentences) <= SHORT_TEXT and (MOOD.search(question) or not any(feelings_shown(sentences[i])
                                                                             for i in near)
                                              and dated(question, sentences) is None)  # "at lunch": that time only
    if whole:  # a short text's lines, where the moment shows none
        return list(range(now, len(sentences)))
    # the speaker's or writer's feeling is in their own lines ("But when I sit there ... I hear the songs he used to
    # know"), not only in the lines that describe the thing ("The paint is peeling")
    own = [i for i, s in enumerate(sentences) if FIRST_PERSON.search(s)] if SPEAKER.search(question) else []
    return sorted(set(near) | {i for i in own if i >= now})


def feelings_named(text: str) -> list[set[str]]:
    """For each feeling or mood a text names and does not deny, its families (passages.py's and the lexicon's)."""
    return named_feelings(text) + [{family} for family in named(text, "feelings")]


def feelings_shown(sentence: str) -> set[str]:
    """The feelings a line shows by what is done or said in it, or names (passages.py's cues and the lexicon's)."""
    return shown_feelings(sentence) | shown(sentence, "feelings")


# "nervous bc her knees r wobbly", "nervous, he wipes his hands": the feeling, then the clue the student read it from
CLUE_BREAK = re.compile(r"\b(?:because|bc|b/c|cuz|cause|since)\b|,\s*(?=(?:she|he|they|it|i|her|his|their)\s)", re.I)


def clue_told(claim: str, question: str, sentences: list[str]) -> str | None:
    """The passage line that tells the clue a student gives for an inference, in their own words ("he wipes his hands
    on his shorts twice" for "He wiped his palms on his shorts twice."): of the clue's first part that a line tells
    (parts joined by "and": "her knees r wobbly and she holds the paper tight" names two lines), the line holding most
    of its own words, at least two and half of them; None for a claim with no clue or one no line tells."""
    parts = CLUE_BREAK.split(claim, maxsplit=1)
    for part in re.split(r"\s+and\s+|,\s*", parts[1]) if len(parts) == 2 else []:
        own = [w for w in own_words(part, question) if stem(w) not in COMMON]
        hits = [sum(bool(word_forms(w) & forms_of(s)) for w in own) for s in sentences]
        best = max(range(len(sentences)), key=lambda i: hits[i])
        if len(own) >= 2 and hits[best] >= 2 and 2 * hits[best] >= len(own):
            return sentences[best]
    return None


# "What will Magpie probably do next autumn?": a prediction, which the ending's change decides
PREDICT = re.compile(r"\b(?:predict\w*|what (?:will|would|might) \w+(?: \w+)? (?:probably |likely )?(?:do|say|happen)|"
                     r"(?:probably|likely) (?:do|happen)|what happens next|next (?:time|year|autumn|fall|spring|"
                     r"summer|winter|week|day|morning))\b", re.I)
CHANGE = re.compile(r"\b(?:learn(?:ed|t|s)?|decid(?:ed|es)|from (?:now|then) on|never again|promis(?:ed|es)|"
                    r"(?:was|were) the first to|(?:began|started) to|changed)\b", re.I)


def weigh_prediction(claim: str, question: str, sentences: list[str]) -> tuple[Verdict, str] | None:
    """A prediction is weighed against the ending's change, the last line that says what a character learned or
    decided ("That winter Magpie learned to count acorns, and in spring she was the first to start gathering."):
    right when that line tells the student's clue for it, or half the prediction's own words; contradicted there
    when the prediction is what was done before the change ("she will collect more shiny buttons", told three
    lines before it). None for another question, a text with no such change, or a prediction neither decides."""
    turn = max((i for i, s in enumerate(sentences) if CHANGE.search(s)), default=None)
    if not PREDICT.search(question) or turn is None:
        return None
    guess = CLUE_BREAK.split(claim, maxsplit=1)[0]
    own = [w for w in own_words(guess, question) if stem(w) not in COMMON]
    told = [sum(bool(word_forms(w) & forms_of(s)) for w in own) for s in sentences]
    if clue_told(claim, question, sentences) == sentences[turn] and told[turn] or own and 2 * told[turn] >= len(own):
        return Verdict("supported", sentences[turn]), "answer"
    before = [i for i in range(turn) if told[i] >= 2 and 2 * told[i] >= len(own) and told[i] > told[turn]]
    return (Verdict("contradicted", sentences[turn]), "") if before else None


REACT = re.compile(r"\breact(?:s|ed|ion)?\b", re.I)
HOW_MUCH = re.compile(r"\b(?:so|really|very|super)\s+(?:hard|much|loud(?:ly)?)\b|\ba lot\b", re.I)  # no act of its own


ENDING_ASKED = re.compile(r"\b(?:at|by|in) the (?:very )?end(?:ing)?\b|\bat last\b", re.I)  # the moment asked


def weigh_feeling(claim: str, question: str, sentences: list[str], top: int, verdict: Verdict,
                  cited: str | None = None) -> tuple[Verdict, str]:
    """A feeling is right when what the character does or says near the moment shows it ('her hands shook' shows
    nervous, not bored; a mood: the scene's lines, "lay still" shows calm), the moment's sentences or the one the
    student's reason `cited` ("because her eyes filled with tears"); a claim that names no feeling but finds that
    action is a right step. A feeling none of those lines shows, where one shows its opposite (angry, where she
    "let out a long breath"), is contradicted at that line."""
    near = mood_lines(question, sentences, sorted(set(focus(sentences, top, question, "feeling")) | {top}))
    ended = cited in sentences and ENDING_ASKED.search(question) and sentences.index(cited) < min(near)
    cited = None if ended else cited  # "at the end ... bc her hands shook": a deed before the ending is no reason
    clue = None if cited else clue_told(claim, question, sentences)  # their own words ("wipes his hands"), of the
    cited = cited or (clue if clue and sentences.index(clue) in near else None)  # asked moment, not one before it
    shown_ = set().union(*(feelings_shown(sentences[i]) for i in near))
    named_ = feelings_named(claim)
    reaction = next((sentences[i] for i in near if any(f & feelings_shown(sentences[i]) for f in named_)), None) or \
        next((sentences[i] for i in near if feelings_shown(sentences[i])), sentences[top])  # what shows their feeling
    if cited in sentences and named_ and shown_ and not any(families & shown_ for families in named_) and \
            another_moment(question, sentences, sentences.index(cited), max(near)):  # sweaty hands, before she won
        return Verdict("contradicted", reaction), ""
    if cited and named_ and all(families & feelings_shown(cited) for families in named_):
        return Verdict("supported", cited), "answer"
    if named_ and verdict.label != "contradicted" and all(families & shown_ or not families & opposed(
            list(shown_ & set(CUES["feelings"])), "feelings") for families in named_) and any(
            families & shown_ for families in named_):  # "happy and peaceful" where he sat smiling: none against
        return Verdict("supported", reaction), "answer"
    against = {o for families in named_ for f in families for o in CUES["feelings"].get(f, {}).get("opposites", [])}
    # the lexicon's cues only (passages.py's feeling words read "crossed the line" as cross); of several such lines,
    # the one about the asked moment ("hugged him and said, Thank you for telling me the truth" for how she feels
    # about the truth, not "Mom was quiet for a moment" before it)
    when = dated(question, sentences)  # "at lunch": a line of another time ("laughed all the way home") says nothing
    wrong = max((i for i in near if shown(sentences[i], "feelings") & against and (when is None or abs(i - when) <= 1)),
                default=None,
                key=lambda i: (len(forms_of(sentences[i]) & forms_of(question)), -i))
    if named_ and wrong is not None and not any(families & shown_ for families in named_):
        return Verdict("contradicted", sentences[wrong]), ""  # calm, not tense; relieved, not angry
    own = own_words(HOW_MUCH.sub(" ", NOTICED.sub("", claim)), question)
    if REACT.search(question) and not named_ and own and all(word_forms(w) & forms_of(reaction) for w in own):
        return Verdict("supported", reaction), "answer"  # "they laughed" is how they reacted: what the action shows
    if not named_ and verdict.label == "supported":
        return verdict, "step"
    clue = next((i for i in near if feelings_shown(sentences[i]) and len(own) >= 2 and all(
        word_forms(w) & forms_of(" ".join(sentences[i:i + 2])) for w in own)), None) if not named_ else None
    if clue is not None:  # "the lake lay still": the clue that shows it, the feeling not yet named
        return Verdict("supported", sentences[clue]), "step"
    return Verdict("unclear" if verdict.label == "supported" else verdict.label, reaction, verdict.missing), ""


def weigh_by_cues(claim: str, sentences: list[str], lines: list[int], table: str) -> Verdict | None:
    """Supported at the line carrying a cue of every family the claim names, with no cue of their opposites in the
    clue lines; contradicted at the line carrying an opposite's cue when no line carries the claim's own; else
    None (nothing in the lexicon decides it)."""
    families = named(claim, table)
    if not families:
        return None
    cues = {i: shown(UNLIKE.sub("", sentences[i]), table) for i in lines}
    against = opposed(families, table)
    own = [i for i in lines if cues[i] & set(families)]
    if own and all(any(f in cues[i] for i in lines) for f in families) and not any(
            cues[i] & against - set(families) for i in lines):
        return Verdict("supported", sentences[own[0]])
    wrong = [i for i in lines if cues[i] & against]
    if wrong and not own:
        return Verdict("contradicted", sentences[wrong[0]])
    return None


def term_line(term: str, sentences: list[str]) -> int | None:
    """The line that holds the asked word or phrase."""
    if not term:
        return None
    held = next((i for i, s in enumerate(sentences) if term.lower() in s.lower()), None)
    words = set(content_words(term))
    return held if held is not None or not words else next(
        (i for i, s in enumerate(sentences) if words <= forms_of(s)), None)


def idiom_of(term: str, sentence: str) -> dict | None:
    """The idiom the asked phrase is (or its line holds, when the phrase is asked in part)."""
    return next((idiom for idiom in CUES["idioms"] if re.search(idiom["phrase"], term, re.I)), None) or next(
        (idiom for idiom in CUES["idioms"] if re.search(idiom["phrase"], sentence, re.I)
         and term.lower() in re.search(idiom["phrase"], sentence, re.I).group().lower()), None)


def weigh_meaning(claim: str, term: str, sentences: list[str]) -> tuple[Verdict, str] | None:
    """A meaning of the asked word or phrase judged in its context: an idiom read for what it means ("too nervous"
    for "cold feet") is right and read word for word ("his feet were cold") is wrong at its line; a figure said to be
    no literal one is a right step; a word's meaning is right when its line or the next (which often says it "in
    other words") carries cues of it, wrong when they carry only its opposite's ("strong" where it "could crack")."""
    i = term_line(term, sentences)
    if i is None:
        return None
    idiom = idiom_of(term, sentences[i])
    if idiom:
        means, literal = said(idiom["means"], claim), said(idiom["literal"], claim)
        if means and not literal:
            return Verdict("supported", sentences[i]), "answer"
        if literal and not means:
            return Verdict("contradicted", sentences[i]), "literal"
    if FIGURATIVE.search(claim) and (idiom or len(term.split()) >= 2):  # a phrase, not "reluctant": a figure
        return Verdict("supported", sentences[i]), "figurative"
    if idiom:
        return None
    if word_for_word(claim, term, sentences, i):  # asked, not flagged: no lexicon says what the figure means
        return Verdict("unclear", sentences[i]), "literal"
    lines = [j for j in (i, i + 1, i - 1) if 0 <= j < len(sentences)]
    verdict = weigh_by_cues(claim, sentences, lines, "meanings")
    return (verdict, "answer" if verdict.label == "supported" else "") if verdict else None


PICTURE_OF = re.compile(r"^\W*(?:an?|the|his|her|their|its|my|our|your)?\s*([a-z]+) of\b", re.I)
DEGREE = re.compile(r"\w+ly$|(?:better|best|worse|worst|more|most|less|least)$", re.I)
LIKENED = re.compile(r"\b(?:like|as if|as though|seems?|seemed|kind of|sort of|so (?:many|much)|a lot of|lots of|"
                     r"full of)\b", re.I)


# the picture of a metaphor or a simile the asked phrase is ("the wind was a wolf", "hands are maps", "as brave as a
# lion", "like a soft white blanket"): the thing compared to, the last word of its few words
FIGURE_PICTURE = re.compile(r"\b(?:(?:is|was) (?:a|an)|(?:are|were)(?: (?:a|an))?(?= \w+s\b)(?!\s+\w+ings?\b)|"
                            r"(?P<simile>like|as [a-z]+ as)(?: (?:a|an|the|some))?)\s+"
                            r"(?P<picture>[a-z]+(?: [a-z]+){0,2})", re.I)  # "was saving Lisbon": no picture
PICTURE_END = re.compile(r"\s+(?:that|this|when|while|and|in|on|at|to|of|for|with|who|which|because)\b.*", re.I)


def figure_picture(term: str) -> tuple[str, bool] | None:
    """The picture word of the figure the asked phrase is, and whether the figure is a simile (whose likeness an
    answer may say again: "roared like a lion"), or None for a phrase that is no figure."""
    found = FIGURE_PICTURE.search(term)
    words = PICTURE_END.sub("", found.group("picture")).split() if found else []
    words = [w for w in words if w.lower() not in STOP] or words  # "like he owned the court": owned, not "the"
    return (words[-1].lower(), bool(found.group("simile"))) if words else None


def word_for_word(claim: str, term: str, sentences: list[str], i: int) -> bool:
    """A phrase of two words or more read as the real thing ("the garden was next to the sea" for "a sea of
    sunflowers", "an argument with someone about his knee" for "his knee finally won the argument"): the claim
    repeats at least half the phrase's words, one of them a word the passage says nowhere outside the phrase's line
    (the figure's picture, no thing of the story: "ribbon", where "winning" is told elsewhere; of "a sea of X" the sea
    alone), and names no likeness, feeling, meaning or figure of its own ("so many", "like a sea", "scared", "not a
    real mountain"), which would be reading the picture."""
    picture = PICTURE_OF.match(term)  # "a sea of sunflowers": the sea is the picture, the sunflowers are real
    figure = None if picture else figure_picture(term)  # "the wind was a wolf": the wolf, though named again later
    words = {picture.group(1).lower()} if picture else {figure[0]} if figure else {
        w for w, _ in content_tokens(term) if not DEGREE.match(w)}  # "finally", "better": no picture of their own
    elsewhere = set().union(*(forms_of(s) for j, s in enumerate(sentences) if j != i))
    shared = [w for w in words if base_forms(w) & forms_of(claim)]  # its own forms: "ribbon" is no "prize"
    # a simile's own likeness said again ("she roared like a lion") is no likeness the student names
    said_again = rf"\b(?:like|as) (?:an? |the )?(?:\w+ ){{0,2}}?{figure[0]}\b" if figure else ""
    likened = LIKENED.search(re.sub(said_again, " ", claim, flags=re.I) if figure and figure[1] else claim)
    return (bool(picture or figure or len(words) >= 2) and 2 * len(shared) >= len(words)
            and (figure is not None or any(not base_forms(w) & elsewhere for w in shared))
            and not (likened or FIGURATIVE.search(claim)) and not feelings_named(claim)
            and not named(claim, "meanings"))


SIDE_BREAK = re.compile(r"\s*(?:,|;|\bbut\b|\bwhile\b|\bwhereas\b|\band\b(?= (?-i:[A-Z])))\s*", re.I)


def weigh_sides(claim: str, question: str, sentences: list[str]) -> tuple[Verdict, str] | None:
    """A comparison of two characters said as a quality of each ("Corvin was fast and Ilse was slow"): each clause
    naming a side is held against that side's lines (locate.compared_sides, and the line after them): a true
    difference when every side's lines carry cues of its quality and none of the opposite ('compare', a right step:
    the why is still to come), wrong at the line that carries only the opposite's ("Ilse was fast": four months)."""
    sides = compared_sides(question, sentences)
    if not sides:
        return None
    held, shown_in = [], []
    for (name, span), (other, _) in zip(sides, sides[::-1]):
        clause = next((c for c in SIDE_BREAK.split(claim) if re.search(rf"\b{name}\b", c)), None)
        if clause is None or not named(clause, "meanings"):
            continue
        after = span[-1] + 1  # the line after their part, unless it is the other's ("The west bridge took months")
        lines = span + [after] * (after < len(sentences) and not re.search(rf"\b{other}\b", sentences[after]))
        verdict = weigh_by_cues(clause, sentences, lines, "meanings")
        if verdict is None:
            return None
        if verdict.label == "contradicted":
            return verdict, ""
        held.append(name)
        shown_in.append(verdict.sentence)
    return (Verdict("supported", " ".join(shown_in)), "compare") if len(held) == 2 else None


def text_purpose(sentences: list[str]) -> str:
    """What the text is for, by its build: steps in order teach how; a request asks; '' when neither shows."""
    if sum(bool(STEP_LINE.match(s)) for s in sentences) >= 3:
        return "instruct"
    return "persuade" if any(re.search(CUES["purposes"]["persuade"]["text"], s, re.I) for s in sentences) else ""


def weigh_purpose(claim: str, question: str, sentences: list[str], title: str | None) -> tuple[Verdict, str] | None:
    """A purpose the text's build shows (to teach how, for steps in order) with its topic the text's words is right
    at the first step; one of another kind (to persuade, for steps with no request in them) is wrong there."""
    build = text_purpose(sentences)
    if build != "instruct":
        return None
    given = [name for name, entry in CUES["purposes"].items() if said(entry["words"], claim)]
    topic = set(content_words(re.sub(CUES["purposes"]["instruct"]["words"], " ", claim, flags=re.I))) - set(
        content_words(question)) - {"reader", "readers", "people", "someone", "us", "you", "writer", "author"}
    first = next(i for i, s in enumerate(sentences) if STEP_LINE.match(s))
    text = forms_of(" ".join([title or "", *sentences]))
    if given == ["instruct"] and all(forms_of(w) & text for w in topic):
        return Verdict("supported", sentences[first]), "answer"
    if given == ["persuade"]:
        return Verdict("contradicted", sentences[first]), ""
    return None


QUOTED = re.compile(r"(?<![A-Za-z])['‘\"“]([^'’\"”]{3,60})['’\"”](?![A-Za-z])")


def asked_phrase(question: str) -> str | None:
    """The phrase a question quotes ("What does it mean that Marcus 'got cold feet'?"), when it names no term."""
    quoted = QUOTED.findall(question)
    return min(quoted, key=len) if quoted else None


def quoted(sentence: str) -> str:
    """A line in quotation marks, unless it opens with its own."""
    return sentence if sentence.lstrip()[:1] in "\"“" else f"\"{sentence}\""


INFERRED_STATUS = {"figurative", "literal", "compare"}  # the moves below word them


def inferred_move(status: str, question: str, sentence: str) -> str:
    """A comparison's true difference ('compare'): yes, and why? A figure rightly said to be no literal one
    ('figurative'): so what does it say here? One read word for word ('literal'): is it about the real thing?"""
    if status == "compare":
        return (f"Yes, that is a true difference, and the passage shows it: {quoted(sentence)} Now go one layer "
                f"deeper: what does each of them do that makes the difference, and how does it turn out?")
    term = quoted_term(question) or asked_phrase(question) or "it"
    if status == "figurative":
        return (f"Yes, it isn't meant word for word. Read it again: {quoted(sentence)} So what does \"{term}\" tell "
                f"you here?")
    return (f"Is \"{term}\" about the real thing here, word for word? Read it again: {quoted(sentence)} What is "
            f"happening there, and what would \"{term}\" mean in that moment?")


# A word the text defines itself: "a home called a lodge", "its own pattern, or 'characteristic'", "a lodge, or home".
DEFINED_AFTER = r"([A-Za-z'-]+),?\s+(?:called|named|known as|or)\s+(?:an?\s+|the\s+)?[\"'“‘]?{term}\b"
DEFINED_BEFORE = (r"\b{term}[\"'”’]?,?\s+(?:or|which (?:is|are|means?)|meaning|means?)\s+(?:an?\s+|the\s+)?"
                  r"([A-Za-z'-]+)")


def definition(term: str, sentences: list[str]) -> tuple[str, str] | None:
    """(the sentence, the word it defines the term by): 'home' for "beavers build a home called a lodge"."""
    for sentence in sentences:
        for pattern in (DEFINED_AFTER, DEFINED_BEFORE):
            said = re.search(pattern.format(term=re.escape(term)), sentence, re.I)
            if said and content_words(said.group(1)):
                return sentence, said.group(1)
    return None


def defined(claim: str, question: str, sentences: list[str], embedder: Embedder | None,
            min_cosine: float = 0.45) -> Verdict | None:
    """A meaning checked against the text's own definition of the word: right when it names the word the text
    defines it by and most of its own words are in that sentence; wrong when none of its words is there and it is
    not close in meaning to that word either ("a hotel in the mountains" for "a home called a lodge"); else None."""
    term = quoted_term(question)
    there = next((s for s in sentences if term and base_forms(term) <= forms_of(s)), None)
    if there and synonym_meant(claim, term, question):  # "really long" for "lengthy": the word said another way
        return Verdict("supported", there)
    told = definition(term, sentences) if term else None
    own = [w for w in own_words(claim, question) if stem(w) not in {stem(t) for t in term.split()}] if told else []
    if not told or not own or has_negation(claim):
        return None
    sentence, head = told
    there = forms_of(sentence)
    held = [w for w in own if word_forms(w) & there]
    if any(word_forms(w) & base_forms(head) for w in own) and 2 * len(held) >= len(own):
        return Verdict("supported", sentence)
    if held or len([w for w, s in content_tokens(" ".join(own)) if s not in COMMON]) < 1:
        return None
    claim_vector, head_vector = (embedder or default_embedder()).encode([claim, head])
    return Verdict("contradicted", sentence) if float(claim_vector @ head_vector) < min_cosine else None


# "calm herself down": no word of the reason's own
PHRASAL = re.compile(r"\b(?:(?:him|her|my|your|it|our)self|themselves|ourselves)\b|\b(?:down|up|out)\b", re.I)

AIMED = re.compile(r"\W*(?:to|so|in order to)\b", re.I)  # "to calm herself down": the feeling sought


def reason_felt(claim: str, question: str, sentences: list[str], lines: list[int]) -> str | None:
    """A why-question answered with a feeling ("to calm herself down", "because she was furious"): the clue line
    whose cues show every feeling family the answer names (weigh_by_cues: "took a slow breath" shows calm, "slammed"
    angry), none of their opposites in the lines; every other word of the answer beyond the question's said in those
    lines, so a reason of its own ("because her dog ran away") is the other checks' to decide. The line, or None."""
    families = named(claim, "feelings")
    rest = PHRASAL.sub(" ", re.sub("|".join(rf"(?:{CUES['feelings'][f]['words']})" for f in families), " ", claim,
                                   flags=re.I))
    told = forms_of(" ".join(sentences[i] for i in lines))
    if not families or any(not word_forms(w) & told for w in own_words(rest, question) if stem(w) not in COMMON):
        return None
    if set(families) & shown(question, "feelings") and not AIMED.match(claim):  # "because she was calm", asked why
        return None  # she took a slow breath: the question's own cue shows the feeling sought, not the one felt
    verdict = weigh_by_cues(claim, sentences, lines, "feelings")
    return verdict.sentence if verdict and verdict.label == "supported" else None
