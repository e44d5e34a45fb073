"""A reading lesson's clue lines: the passage sentences the student found and quoted, and the answer drawn from them.

A scripted reading lesson goes: the tutor points, the student quotes a line ("The text says: ..."), then another,
then answers in their own words. The single-turn verdict (reading.reading_move) judges that answer against the
sentence the question ranks first, which is often not the line the student quoted: a right answer drawn from the
clue they found was doubted turn after turn ("I can't find 'reach' in the passage", "Does it fit what you said?"),
and a second quoted line was met with "Read this again ... Does it fit what you said?" though they had said nothing.
Here the lesson keeps the lines the student quoted (`Lesson.clues`) and:
  - `credit_clue`: a quoted line the tutor pointed to, or the one the question ranks first, is named as a clue and
    the one step from clue to answer is asked ("How does that answer ...? Say it in your own words.");
  - `from_clue_lines`: a later answer is judged against those lines: a feeling the clue lines show (inferred.py's
    cues), a trait a clue line's deed shows (traits.py), or an answer whose own words the clue lines tell (most of
    them in the lines, nearly all in the passage); it is confirmed with a recap of the clue and an offer of a similar
    question. Never when the passage denies it, when it was flagged already, or when the lines it rests on are not
    about the question: about it are the lines the tutor sent them to or named a clue (`Lesson.credited`: "That is a
    good clue.", a line a right part was found in), whatever words they share with the question, and the lines beside
    those (the student read on).
Why a room of its own: lesson.py holds the state of every subject; reading.py words single-turn moves (and is near its
size limit); this is the reading lesson's memory across turns, which neither owns.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import evidence
import inferred
import passages
import text_words
import traits
from own_words import own_words, word_forms
from student_message import ASKS
from reading_verdict import copied_sentence, denied_by_text, denied_where_asked, quote
from sentence_questions import sentence_question

if TYPE_CHECKING:  # lesson.py imports this room: its Lesson is only named in the hints here
    from lesson import Lesson

# share of an answer's own words (those the question does not say) the clue lines must tell, and the passage
IN_CLUES, IN_PASSAGE = 0.5, 0.8


# 'The text says: "..."': the lead before a quoted line, and the quotation marks around it
QUOTE_LEAD = re.compile(r"^.*?\b(?:says|said|states)\s*:?\s*", re.I)


# "the tank burst bc the wave knocked buildings down": an event of the text and the student's reason for it
REASON_SAID = re.compile(r"^\W*(?P<event>[^?]{6,}?)\s*,?\s+(?:bc|b/c|because|cuz|cause|since)\s+(?P<reason>[^?]{3,}?)"
                         r"[\s.!]*$", re.I)


def told_reason(said: str, sentences: list[str]) -> tuple[str, str] | None:
    """(the why-question, the claimed reason) of a message that asks nothing and gives an event the passage tells
    with the student's reason for it: "the note gets warmer bc the judge smiled" asks why the note gets warmer
    (every word of it told in one sentence, "The next note was warmer.") and claims "because the judge smiled". A
    feeling or trait given with its reason ("she feels confident bc she practiced") is no event the text tells."""
    told = REASON_SAID.match(said.strip())
    told = None if told and ASKS.search(told.group("event")) else told  # "why did it close bc of rust": it asks
    words = [w for w, _ in text_words.content_tokens(told.group("event"))] if told else []
    if len(words) < 2:
        return None
    for sentence in sentences:
        forms = {f for w, _ in text_words.content_tokens(sentence) for f in text_words.base_forms(w)}
        if all(text_words.base_forms(w) & forms for w in words):
            return f"Why {told.group('event').strip(' ,')}?", f"because {told.group('reason').strip()}"
    return None


def why_asked(message: str, passage: str) -> str | None:
    """The why-question a first message that asks nothing ("the tank burst bc ...") puts, else None."""
    told = told_reason(message, evidence.split_sentences(passage)) if passage and "?" not in message else None
    return told[0] if told else None


def reason_given(work: str, passage: str, question: str) -> str | None:
    """The reason a turn gives for the event `question` asks why of ("because the wave knocked buildings down")."""
    told = told_reason(work, evidence.split_sentences(passage)) if passage and "?" not in work else None
    return told[1] if told and told[0] == question else None


def quoted_line(said: str, claim: str | None, sentences: list[str]) -> str | None:
    """The passage sentence a quoting student copied, or None: read from their words (a line that opens with its own
    speech, '"I was learning."', loses its quotation marks in the claim), else from the claim."""
    line = QUOTE_LEAD.sub("", said, count=1).strip()
    line = line[1:-1] if len(line) > 2 and line[0] in "\"“" and line[-1] in "\"”" else line
    return copied_sentence(line, sentences) or (copied_sentence(claim, sentences) if claim else None)


def about_question(line: str, question: str, sentences: list[str], pointed: list[str]) -> bool:
    """Is a quoted line about what is asked: one the tutor sent them to or named a clue (`pointed`), or its neighbour,
    or one that names a word of the question (its subject, its event)?"""
    i = sentences.index(line)
    near = {sentences[j] for j in (i - 1, i, i + 1) if 0 <= j < len(sentences)}
    return bool(near & set(pointed)) or bool(text_words.forms_of(line) & text_words.forms_of(question))


def credit_clue(lesson: Lesson, question: str, claim: str | None, said: str, found: evidence.Move) -> evidence.Move:
    """A line the student quoted is kept as their clue; one the tutor sent them to, or the one the question ranks
    first, is named as a clue and the step from it to the answer asked. A feeling's clue keeps reading.py's own move
    (it asks for the feeling); a confirmed answer or a flag stands."""
    _, sentences, _ = passages.body(lesson.passage)
    line = quoted_line(said, claim, sentences)
    if line is None:
        return found
    lesson.clues = list(dict.fromkeys([*lesson.clues, line]))
    first = passages.rank_sentences(question, sentences)[0][1]
    sent = line in lesson.pointed or first == sentences.index(line)
    if found.verdict == "supported" or sent and found.verdict != "contradicted":   # "That is a good clue.": the tutor
        lesson.credited = list(dict.fromkeys([*lesson.credited, line]))   # named it one, whatever words it shares
    earlier = [c for c in lesson.clues if c != line]
    if not sent and found.verdict == "unclear" and not found.status and found.evidence == [line]:
        return quote_link(passages.classify_question(question), line, earlier, found.kind)
    if found.verdict == "contradicted" or found.status == "step" or not sent:   # "He looked under the porch" is
        return found   # beside where the kite was found, and no clue to where: the move asks whether it answers
    asked = question.rstrip("?. ")
    also = f" Together with {quote(earlier[-1])}, what" if earlier else " What"
    return evidence.Move(f"Yes, that line is a clue: {quote(line)}{also} does it tell you about \"{asked}?\" Say the "
                         f"answer in your own words.", found.kind, "unclear", [line], "evidence")


# What a line of the passage can give to each kind of question: the step from a quoted line to an answer of that kind
LINKS = {
    "theme": "What does the character choose to do there, and what comes of it by the end? What lesson could anyone "
             "take from that?",
    "main_idea": "What do most of the other sentences say along with that? Put the main idea in one sentence.",
    "purpose": "Why would the writer put that in: to inform, to persuade, or to entertain? What does it add?",
    "argument": "Is that the writer's claim itself, or a reason or fact that backs it up? How can you tell?",
    "structure": "Which signal words there show how the text is put together?",
    "change": "How is the character different there from how they were at the start?",
    "motive": "Is that the reason itself, or something that happens because of it? If it is the reason, say it in "
              "your own words, starting with \"because\".",
    "inference": "The passage does not say the answer out loud. What can you work out from that?",
    "vocabulary": "Which words around the one asked about hint at its meaning?",
    "meaning": "What two things does it put side by side, and what do they have in common?",
    "detail": "Is that what the question asks for, or something that happens around it? If it is, say that part in "
              "your own words.",
}
LINKS["cause"] = LINKS["motive"]


def quote_link(kind: str, line: str, earlier: list[str], move_kind: str) -> evidence.Move:
    """A line the student quoted that the tutor did not send them to: it is in the passage, so it is taken as their
    evidence, and the step from a line to this kind of answer is asked (a reason or its effect, a detail or the main
    idea, a deed and the lesson it teaches), never "does that sentence answer the question?" (it made them quote
    another line, then the same one). With a line quoted before, both are put together."""
    found = "That line is in the passage." if not earlier else \
        f"That line and the one you found before, {quote(earlier[-1])}, are both in the passage. Put them together."
    return evidence.Move(f"{found} {LINKS.get(kind, LINKS['detail'])}", move_kind, "unclear", [line], "evidence")


def clue_backing(claim: str, question: str, kind: str, sentences: list[str], clues: list[str]) -> str | None:
    """The clue line that shows the answer right, or None: a feeling asked for that one of the lines shows, a trait a
    line's deed shows, else an answer whose own words the clue lines tell (`IN_CLUES` of them) and the passage
    (`IN_PASSAGE`)."""
    felt = inferred.feelings_named(claim) if kind == "feeling" else []   # a motive or a theme is no feeling
    if felt:   # a line they quoted shows each feeling named ("her stomach felt tight": nervous)
        return next((line for line in clues if all(families & inferred.feelings_shown(line) for families in felt)),
                    None)
    named = [traits.TRAITS[w] for w, _ in text_words.content_tokens(claim) if w in traits.TRAITS] \
        if traits.TRAIT_ASKED.search(question) else []   # "caring actions can show love" is a theme, no trait
    if named:   # each trait named is right where a deed of the clue lines shows it, and no line shows its opposite
        deeds = [next((line for line in clues if traits.shows(family, line) == sign), None) for family, sign in named]
        against = any(traits.shows(family, line) == -sign for family, sign in named for line in clues)
        return None if against or None in deeds else deeds[0]
    own = [w for w in own_words(claim, question) if len(w) > 2]
    if len(own) < 2:
        return None
    told = text_words.forms_of(" ".join(clues))
    passage = text_words.forms_of(" ".join(sentences))
    in_clues = [w for w in own if word_forms(w) & told]
    in_text = [w for w in own if word_forms(w) & (told | passage)]
    if len(in_clues) < IN_CLUES * len(own) or len(in_text) < IN_PASSAGE * len(own):
        return None
    return max(clues, key=lambda line: sum(bool(word_forms(w) & text_words.forms_of(line)) for w in in_clues))


def read_on(line: str, sentences: list[str], pointed: list[str], clues: list[str]) -> bool:
    """Did the tutor send the student to this line, or to the one beside it that they quoted too (they read on from
    where they were sent: "This is why ... works poorly." and the reason told just after it)?"""
    i = sentences.index(line)
    beside = {sentences[j] for j in (i - 1, i + 1) if 0 <= j < len(sentences)}
    return line in pointed or bool(beside & set(pointed) & set(clues))


SAID_AGAIN = re.compile(r"^\W*(?:so\s+)?(?:the answer is|my answer is|i think)\s+", re.I)


def from_clue_lines(lesson: Lesson, question: str, claim: str | None, found: evidence.Move,
                    quoted: bool) -> evidence.Move:
    """An answer in the student's own words after they quoted clue lines about the question: confirmed when those
    lines show it (`clue_backing`), with a recap of their clue and an offer of a similar question; a verdict of the
    move (right, or flagged) stands, and so does anything the passage denies or the tutor flagged before."""
    _, sentences, _ = passages.body(lesson.passage)
    if found.verdict == "supported":   # a line a right part was found in ("that is one piece of evidence"): a clue
        lesson.credited = list(dict.fromkeys([*lesson.credited, *(e for e in found.evidence if e in sentences)]))
    open_to_clues = ("off", "evidence", "trait", "")   # true but no answer yet, or a trait without its deed
    settled = found.verdict == "contradicted" or found.verdict == "supported" and found.status not in open_to_clues
    if not claim or quoted or not lesson.clues or settled:
        return found
    # a line the tutor sent them to or named a clue, or one beside it ("Keep reading from there"), is about the question
    sent = [*lesson.pointed, *lesson.credited]
    clues = [c for c in lesson.clues if c in sentences and about_question(c, question, sentences, sent)]
    flagged = lesson.flagged and SAID_AGAIN.sub("", lesson.flagged).lower() == SAID_AGAIN.sub("", claim).lower()
    if not clues or flagged:
        return found
    kind = passages.classify_question(question)
    ranked = passages.rank_sentences(question, sentences)
    if denied_by_text(claim, question, kind, sentences, ranked) or denied_where_asked(claim, question, kind,
                                                                                    sentences, ranked):
        return found
    line = clue_backing(claim, question, kind, sentences, clues)
    if line is None or found.status == "off" and not read_on(line, sentences, lesson.pointed, clues):
        return found   # the verdict says it is off the question, and the tutor never sent them there
    others = [c for c in clues if c != line]
    recap = f"You found the clue: {quote(line)}" if not others else \
        f"You found the clues: {quote(line)} and {quote(others[-1])}"   # each quoted line keeps its own full stop
    them = "them" if others else "it"
    return evidence.Move(f"Yes, that's right. {recap} Your answer follows from {them}. Want to try a similar question "
                         f"about this passage?", found.kind, "supported", [line], "answer")


def as_said(found: evidence.Move) -> evidence.Move:
    """A verdict the reply bears out: a 'supported' move that names no status and does not say the answer is right
    ("Your answer's words are in the sentence that begins ... Does it answer the question?") asks; it is no
    confirmation (it would end the lesson as solved, a wrong answer's words from another line endorsed)."""
    if found.verdict == "supported" and not found.status and not found.text.startswith("Yes"):
        return evidence.Move(found.text, found.kind, "unclear", found.evidence, found.status)
    return found


def other_moment(question: str, sentences: list[str], places: dict[str, str], line: str, other: int,
                 kind: str) -> evidence.Move:
    """A detail true of another moment than the deed asked about ("from the library", asked where she left the
    book): where the deed is told, asked about in that sentence's own words, never its answer read out."""
    asked = sentence_question(sentences[other], question, sentences)
    ask = asked if asked and not passages.covers(asked, question, share=0.8) else "what happens there?"
    return evidence.Move(f"That is in the passage, but {places[line]} tells of another moment, not the one the "
                         f"question asks about. Read {places[sentences[other]]}: {ask[:1].lower() + ask[1:]}", kind,
                         "contradicted", [sentences[other]])
