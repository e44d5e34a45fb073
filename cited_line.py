"""A line the student names: the passage words their message repeats ("It says "Lily laughed" but why?", "the lake is
a mirror. what does that mean"), and the move that builds on that line instead of sending them back to it ("Find
the fifth line. What does it tell you?") or asking which word they mean.

Who uses it: reading.py's `reading_move`, before the question's type picks a sentence by ranking: the student has
already picked it."""
from __future__ import annotations

import re

from evidence import Move
from passages import EVENT, classify_question, quoted_term
from reading_asks import meaning_move
from reading_verdict import copied_sentence
from sentence_questions import found_event, opening
from text_words import content_words

LEAST = 3  # words in a row: "the mirror breaks", "her brother found"; two ("the top") name no line
# the student says they are repeating the text: a quote, "it says", "the text says"; or asks what their words mean
SAYS = re.compile(r"[\"“”]|\b(?:it|the (?:text|story|passage|poem|article|book|author|writer|line|sentence)|"
                  r"(?:s?he|they)) (?:says?|said|writes?|wrote)\b", re.I)
CITES = re.compile(SAYS.pattern + r"|\bwhat (?:does|do|is) (?:that|this|it)(?: even)? mean\b|\?{2,}", re.I)
# "X is a Y": a thing said to be another thing (a metaphor), the thing's words and the figure's
METAPHOR = re.compile(r"\b(?P<thing>(?:the|his|her|its|their|my|our|your) [a-z]+) (?P<verb>is|was|are|were) "
                      r"(?P<figure>(?:a|an) [a-z]+(?: of [a-z]+)?)\b", re.I)
SIMILE = re.compile(r"\blike (?:a|an|the|some)? ?[a-z]+|\bas [a-z]+ as\b", re.I)
# the rest of a sentence past the words quoted: the reason ("because ..."), the next step ("..., and then ...")
REASON_REST = re.compile(r"^\W*(?:because|since|so that|so|in order to|to)\b", re.I)
NEXT_REST = re.compile(r"^\W*(?:and|then|so)\b", re.I)
NOT = {"is": "isn't", "was": "wasn't", "are": "aren't", "were": "weren't"}


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))


def cited_run(message: str, sentences: list[str], least: int = LEAST) -> tuple[int, str, str] | None:
    """The sentence whose words the message repeats longest (`least` in a row, one a content word), the run as the
    passage writes it, and the rest of the sentence after it; None when the message repeats no run that long."""
    said = tokens(message)
    best: tuple[int, int, int, int] | None = None  # (length, sentence, start word, end word)
    runs: set[int] = set()  # the sentences it repeats a run of
    for i, sentence in enumerate(sentences):
        words = tokens(sentence)
        for a in range(len(words)):
            for b in range(len(said)):
                n = 0
                while a + n < len(words) and b + n < len(said) and words[a + n] == said[b + n]:
                    n += 1
                if n >= least and content_words(" ".join(words[a:a + n])):
                    runs.add(i)
                    best = best if best is not None and best[0] >= n else (n, i, a, a + n)
    if best is None or len(runs) > 2:  # the passage pasted whole, not one line named
        return None
    _, i, a, b = best
    spans = [m.span() for m in re.finditer(r"[A-Za-z0-9’']+", sentences[i])]
    start, end = spans[a][0], spans[b - 1][1]
    return i, sentences[i][start:end], sentences[i][end:]


def metaphor_move(sentence: str, run: str) -> str | None:
    """A run inside "X is a Y": what the two have in common is the meaning, and neither side is the answer."""
    found = next((m for m in METAPHOR.finditer(sentence) if tokens(m.group(0))[-1] in tokens(run)
                  or set(tokens(m.group("thing"))) & set(tokens(run))), None)
    if not found or SIMILE.search(found.group(0)):
        return None
    thing, verb, figure = found.group("thing"), found.group("verb"), found.group("figure")
    it = "they" if verb.lower() in ("are", "were") else "it"
    return (f"You found the line. The writer says {thing.lower()} {verb.lower()} {figure.lower()}; {it} "
            f"{NOT[verb.lower()]} really, so it is a metaphor. Picture {figure.lower()}: how is {thing.lower()} like "
            f"that here, and what does that tell you?")


def called_before(run: str, sentences: list[str], i: int) -> str:
    """A figure named again ("the mirror breaks" after "The lake is a mirror"): where the text first said what it
    stands for, as a question (the thing is the student's to name)."""
    for earlier in sentences[:i]:
        found = next((m for m in METAPHOR.finditer(earlier) if tokens(m.group("figure"))[-1] in tokens(run)), None)
        if found:
            word = tokens(found.group("figure"))[-1]
            return f" Earlier the text called something a \"{word}\": which thing was it?"
    return ""


def rest_move(kind: str, rest: str) -> str | None:
    """A why or a what-next whose answer is the rest of the very sentence the student quoted: read on past the
    quote. The rest itself is never quoted (it is the answer)."""
    if kind in ("cause", "motive") and REASON_REST.search(rest):
        return ("You found the line. Read the rest of that sentence, past the words you quoted: what reason does it "
                "give?")
    if kind == "sequence" and NEXT_REST.search(rest) and len(content_words(rest)) >= 2:
        return "You found the line. Read the rest of that sentence, past those words: what happens next?"
    return None


def cited_reply(question: str, claim: str | None, sentences: list[str], where: list[str]) -> Move | None:
    """`cited_move` for a message with no answer of its own: no claim, a claim that copies its sentence, or the
    words of a "what does that mean" ("the lake is a mirror. what does that mean": their words are what is asked)."""
    kind = classify_question(question)
    asked = kind == "vocabulary" and not quoted_term(question) and claim and set(content_words(
        question.replace(claim, ""))) <= {"mean"}
    if claim and not copied_sentence(claim, sentences) and not asked:
        return None
    found = cited_move(kind, f"{question} {claim or ''}", sentences, where)
    return Move(found[0], kind, None, [sentences[found[1]]]) if found else None


def cited_move(kind: str, message: str, sentences: list[str], where: list[str]) -> tuple[str, int] | None:
    """The move for a message that repeats a line of the passage, and the line: a metaphor's two sides, a simile's,
    the words the student's question needs past their quote, or the line read with the one before it; None when the
    message cites no line or asks something the line's own words do not hold (then the ranking decides)."""
    quoted = re.search(r"[\"“”]", message)  # "Lily laughed" in quotes names its line in two words
    found = cited_run(message, sentences, LEAST - 1 if quoted else LEAST) if CITES.search(message) else None
    if found is None:
        return None
    i, run, rest = found
    found_it = "You found the line. " if SAYS.search(message) else ""  # not to one who asks about a phrase
    if kind in ("cause", "motive", "sequence"):
        text = rest_move(kind, rest)
        return (text, i) if text else None
    if kind not in ("meaning", "vocabulary", "detail", "inference"):
        return None
    if text := metaphor_move(sentences[i], run):
        return text, i
    if SIMILE.search(sentences[i]):  # its two sides compared
        return f"{found_it}{meaning_move(message, sentences, i, where)}", i
    if i == 0:  # nothing comes before the first line
        return None
    before = sentences[i - 1]
    place = where[i - 1] if i - 1 < len(where) else "the sentence before it"
    return (f"You found the line. Read it with the one before it, {place}, \"{opening(before, max_words=5)}\": what "
            f"has just happened there, and what does \"{run}\" show about it?{called_before(run, sentences, i)}", i)


NEXT_CLAUSE = re.compile(r",\s+(?:and|then|so)\s+|;\s+|\s+and then\s+")


def step_in_sentence(event: str, sentence: str) -> bool:
    """Is the step after `event` told in the event's own sentence ("In 1811 her brother found a strange skull, and
    over the next months Mary dug out the rest")? The event's words before a clause break, new words after it."""
    parts = NEXT_CLAUSE.split(sentence, maxsplit=1)
    asked = set(content_words(event))
    return len(parts) == 2 and bool(asked) and len(asked & set(content_words(parts[0]))) >= 0.6 * len(asked) and \
        len(set(content_words(parts[1])) - asked) >= 2


def step_with_event(question: str, sentences: list[str], top: int) -> str | None:
    """For "what happened right after EVENT" when the step is told in the event's own sentence (the one pointed at
    or the one before it): read on there, since no sentence "just after it" holds it."""
    event = EVENT.search(question)
    if not event or event.group(1).lower() != "after" or not any(
            step_in_sentence(event.group(2), sentences[i]) for i in {top, max(0, top - 1)}):
        return None
    return f"{found_event(event.group(2))}. What comes next is in that same sentence: read on past those words. " \
           "What happens next?"
