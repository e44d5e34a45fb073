"""Where a question's kind finds its answer beyond the words it shares with a sentence (passages.rank_sentences adds
`told_features` to similarity and overlap): the day it names; for a where-question the place of the thing asked
about; for a who-question someone other than the person it names acting. `finding`: for a question asking for
evidence, a finding (a number, a study), not the writer's claim again. `retold`: a sentence telling a why-question's
event in other words, whose reason lies beside it. `compared_sides`: where each of two characters a question compares
is told.

Round 15a (with passages.py's counterclaim asked, direct request, headline title, quoted words not setting a kind, a
why-question naming a feeling asking its cause; reading.py's claim asked): the move's evidence holds a gold sentence
on the tune split 43/62 -> 46/62, on a fresh set written first (10 passages, 64 questions) dev 20/31 -> 26/31,
held back 22/33 -> 24/33.

Round 17 (readpoint17: 45 fresh cases, 9 passages, grades 3-10, 22 held back): `figure_line` (a figurative question
points at the simile's line, not the opening line naming the thing) and `cause_before` (a why-question's cause is
told before its event, never in what followed it); with passages.py's titled greeting ("Dear Ms. Okafor,") read as
the letter's frame and the last lines asked, the pointed sentence is an evidence sentence dev 15/23 -> 19/23, held
back 12/22 -> 12/22 (good moves dev 12 -> 19/23, held back 10 -> 11/22); tune replies unchanged.

Round 18 (readpoint18: 46 fresh cases, 10 passages, grades 3-10, 23 held back): `read_units` (a list's number kept
with its step, named "step 3"; a play's line kept with its speaker), `said_line` (who says a line: its speaker label),
`compared_things` (two things compared, "an alligator's snout ... a crocodile's"), `later_step` and `edge_item` (a
true step given as the first after a moment, or as a list's first or last), `weak_support` (a sentence that proves
nothing given as evidence while a finding is told), `BODY_CUE` (a body showing a feeling): the pointed sentence is an
evidence sentence dev 14/23 -> 21/23, held back 15/23 -> 16/23; good moves dev 13 -> 22/23, held back 15 -> 17/23;
wrong answers endorsed dev 3 -> 0; tune, mock15 and readpoint17 replies unchanged.

Round 22 (readlocate22: 45 fresh cases, 11 passages, grades 3-8): `another_kind` (a line about another kind of the
thing asked, "Older workers ..." asked of the young ones, backs no answer) and `doer_told` (what a how- or
change-question's doer did after its moment answers it); with meaning_match.answered_line and reading_asks.LOOKED_FOR:
good moves 11 -> 15/45, wrong answers confirmed 1 -> 0; 7 known_gap reading lessons pass; tune and readform22 unchanged.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from evidence import default_embedder
from text_words import COMMON, STOP, base_forms, content_tokens, content_words, stem
from people import CALENDAR, DESCRIBED, OPENERS

if TYPE_CHECKING:  # agent.py imports lesson.py, which imports passages.py and this module: no torch on import
    from retrieval import Embedder

CUE_BONUS = 0.18
SEASONS = r"(?:morning|afternoon|evening|night|winter|spring|summer|fall|autumn|" + CALENDAR.pattern + ")"
# a place as a sentence tells it ("in wax cells", "under his chin", "from the branches of the old oak"), never a
# time ("In winter"), a verb ("to find") nor a face ("grinned from ear to ear")
PLACE = (rf"\b(?:(?:in|on|at|under|from|into|onto|behind|beside|near|inside)\s+"
         rf"(?!(?:the\s+)?{SEASONS}\b)(?!ear to ear\b)|"
         r"to\s+(?=(?:the|a|an|his|her|their|its|my|our)\s))(?:the|a|an|his|her|their|its|my|our)?\s*"
         r"(?:[\w'-]+\s+)??[\w'-]+(?=\s+(?:and|but|by|for|to|with|every|when|of)\b|[,.;!?]|$)")
# a question that asks for the support of a claim, not for the claim ("What evidence shows ...?", "Which fact ...")
ASKS_SUPPORT = re.compile(r"\b(?:evidence|facts?|data|statistics?|proof|proves?|supports?)\b", re.I)
# a sentence that reports a finding: a number, a study, what people saw or said happened
FINDING = re.compile(r"\d|\b(?:study|studies|survey|research|researchers|found|reported|recorded|measured|dropped|"
                     r"rose|fell|percent|half|third|quarter|twice|times as)\b", re.I)
REPORTED = re.compile(r"\d|\b(?:found|showed|reported|recorded|measured|percent|survey)\b", re.I)
# "What did the fog hide?": the deed asked is the verb after the one doing it; a sentence telling it ("It hid the
# boats") answers, one naming only the doer ("The fog came in on tiptoe") does not
ASKED_DEED = re.compile(r"^\W*(?:what|where|whom?|when|which \w+)\s+(?:did|does|do)\s+(?:(?:the|a|an|his|her|their|its)"
                        r"\s+)?[\w'-]+(?:'s\s+\w+)?\s+(?P<verb>[a-z]+)\b", re.I)
INTRODUCED = re.compile(r"^\W*(?:my name is|hi,? i'?m|hello,? i'?m)\b", re.I)  # a writer saying who they are
STATED_CLAIM = re.compile(r"\b(?:should|must|ought to|i believe|i think|we need)\b", re.I)


def told_features(query: str, sentence: str) -> float:
    """What the encoder misses: a sentence naming another day than the question's ("On Saturday ..." for "Why did
    the kite fly on Tuesday?") tells another moment, one naming the same day tells this one; a where-question is
    answered by a sentence that tells the place of what it asks about, not by one that tells none ("Squirrels get
    ready ..."); a who-question by a sentence where the person it names is not the first one acting; any other by a
    writer's own introduction only when nothing else tells it."""
    asked = {d.lower() for d in CALENDAR.findall(query)}
    named = {d.lower() for d in CALENDAR.findall(sentence)}
    score = (CUE_BONUS if asked & named else -CUE_BONUS if named else 0.0) if asked else 0.0
    # the place of what is asked about ("in front of the library" for the kite), not where the person the question
    # names sits ("Jonah sat down on the grass" for "Where did Jonah find the kite?")
    names = set(re.findall(r"\b[A-Z][a-z]+\b", query[1:]))
    things = set(content_words(re.sub(r"\b[A-Z][a-z]+\b", " ", query[1:])))
    persons = names & set(re.findall(r"\b[A-Z][a-z]+\b", sentence)) and not things & set(content_words(sentence))
    placed = CUE_BONUS if re.search(PLACE, sentence, re.I) and not persons else -CUE_BONUS
    if re.match(r"\W*who\b", query, re.I):  # "Who taught Leo ...?": a sentence Leo opens tells his deed, not theirs
        opener = [w for w in re.findall(r"\b[A-Z][a-z]+\b", " ".join(sentence.split()[:4]))
                  if not re.fullmatch(OPENERS + "|By|For|From|With|Every", w) and not CALENDAR.fullmatch(w)]
        if opener and opener[0] in re.findall(r"[A-Z][a-z]+", query[1:]):
            return score - CUE_BONUS
        # "The old man told him ...": someone described acts on the person asked about
        return score + CUE_BONUS if re.match(r"\W*(?:[\w,]+\s+){0,2}?" + DESCRIBED[2:] + r".*\b(?:him|her)\b",
                                             sentence, re.I) else score
    if INTRODUCED.match(sentence):  # "My name is Jonah Reyes, and I am in Room 14": who writes, no reason nor deed
        score -= CUE_BONUS
    deed = ASKED_DEED.match(query)
    verb = deed.group("verb").lower() if deed else ""
    if deed and (base_forms(verb) | base_forms(DEED_PAST.get(verb, verb))) & {
            f for w, _ in content_tokens(sentence) for f in base_forms(w)}:
        score += CUE_BONUS  # the deed asked, in any form: "had left it" for "Where did Ava leave the book?"
    return score + placed if re.match(r"\W*where\b", query, re.I) else score


RETOLD = 0.55  # cosine of MiniLM's normalised vectors: "The kite sailed over the fence and disappeared" is 0.74 to
# "Why did the kite fly away?", "The little boat sank to the muddy bottom" 0.57 to "Why did the boat go under?", the
# sentences with their reasons ("Then a gust pulled the string ...", "A wave ... splashed over the stern") 0.3-0.4


def retold(question: str, sentence: str, embedder: Embedder | None = None) -> bool:
    """Does a sentence tell the event a why-question asks about again in other words ("The kite sailed over the fence
    and disappeared" for "Why did the kite fly away?"), sharing too few of its words to be seen as restating it?"""
    asked, told = (embedder or default_embedder()).encode([question, sentence])
    return float(asked @ told) >= RETOLD


COMPARED = re.compile(r"\b(?:compare|contrast|differen\w*|alike|similar\w*|the same|both)\b", re.I)
SIDE_SPAN = 3  # sentences: an introduction ("On the west side, the villagers chose ... Ilse") and the deeds after it


def compared_sides(question: str, sentences: list[str]) -> tuple[tuple[str, list[int]], ...] | None:
    """For a question comparing two characters it names ("Compare how Corvin and Ilse rebuilt their bridges"), each
    name with the sentences telling their part: from the first sentence naming them alone (not "The twins, Rosa and
    Ren, ...") on while the next ones tell of them, up to one naming the other, three at most. None when the question
    compares no two names or the parts cannot be told apart."""
    names = [n for n in dict.fromkeys(re.findall(r"\b[A-Z][a-z]+\b", question[1:])) if not re.fullmatch(OPENERS, n)]
    names = names if len(names) == 2 else compared_things(question)
    if not COMPARED.search(question) or len(names) != 2:
        return None
    def named(name: str, i: int) -> bool:  # "alligator" in "Alligators live mostly in fresh water" too
        return bool(re.search(rf"\b{name}(?:s|es)?\b", sentences[i], 0 if name[0].isupper() else re.I))
    sides = []
    for name, other in (names, names[::-1]):
        start = next((i for i in range(len(sentences)) if named(name, i) and not named(other, i)), None)
        if start is None:
            return None
        span = [start]  # on while the next sentence tells of them ("She sank her pillars ..."), not of the outcome
        while len(span) < SIDE_SPAN and span[-1] + 1 < len(sentences) and not named(other, span[-1] + 1) and (
                named(name, span[-1] + 1) or re.search(r"\b(?:he|she|they|his|her|their)\b", sentences[span[-1] + 1],
                                                       re.I)):
            span.append(span[-1] + 1)
        sides.append((name, span))
    return tuple(sides) if not set(sides[0][1]) & set(sides[1][1]) else None


def compared_things(question: str) -> list[str]:
    """The two things a comparison names when it names no two people: "an alligator's snout ... a crocodile's", "How
    are frogs and toads alike?" (singular, so that a sentence naming either form is found)."""
    owners = re.findall(r"\b([a-z]+)'s\b", question)
    paired = re.search(r"\b([a-z]+?)(?:e?s)? and (?:the |an? )?([a-z]+?)(?:e?s)?\b(?= (?:alike|different|similar|"
                       r"differ|compare)|\?)", question)
    things = owners if len(set(owners)) == 2 else list(paired.groups()) if paired else []
    return things if len(set(things)) == 2 and not set(things) & STOP else []


def finding(question: str, sentences: list[str], ranked: list[tuple[float, int]], top: int) -> int:
    """Asked for the evidence of a claim ("What evidence shows that recess before lunch works?"), the best-ranked
    finding (a number, a study: "food waste fell by nearly 30 percent") rather than the sentence stating the claim,
    which shares the question's words and proves nothing."""
    if not ASKS_SUPPORT.search(question) or FINDING.search(sentences[top]):
        return top
    # a claim's support anywhere; a plain statement ("Students who move pay better attention") gives way to a
    # finding told just after it or ranked just below it ("A study ... found that ..."), not to one far away
    if not STATED_CLAIM.search(sentences[top]):  # a report ("found that", a number), not "Scientists study them"
        return next((i for i in (top + 1, *(i for _, i in ranked[:3])) if i < len(sentences)
                     and REPORTED.search(sentences[i]) and not STATED_CLAIM.search(sentences[i])), top)
    return next((i for _, i in ranked if FINDING.search(sentences[i]) and not STATED_CLAIM.search(sentences[i])), top)


WHEN = re.compile(r"\b(?:after|before|by|on|in|at|during|later|next)\s+(?:(?:a|an|one|two|three|four|the|that|"
                  r"the next|every) )?(?:\w+ )?(?:weeks?|days?|morning|night|evening|afternoon|years?|months?|summer|"
                  r"winter|spring|fall|hours?|minutes?|moment|noon|midnight|dawn|dusk|sunrise|sunset|"
                  r"lunch|recess|halftime|bedtime)\b", re.I)


def dated(question: str, sentences: list[str]) -> int | None:
    """The one sentence holding the time a question names ("What happened after a week?" -> "After a week, ...")."""
    when = WHEN.search(question)
    if not when:
        return None
    # the time with or without its word before it: "in the first hour" asked, "For the first hour, ..." told
    told = re.sub(r"(?i)^\w+\s+(?=the\b)", "", when.group(0)).lower()
    holding = [i for i, s in enumerate(sentences) if re.search(rf"\b{re.escape(told)}\b", s.lower())]
    bare = told.split(maxsplit=1)[1] if len(told.split()) > 1 else told  # "at noon" asked, "By noon, ..." told
    holding = holding or [i for i, s in enumerate(sentences) if re.search(rf"\b{re.escape(bare)}\b", s.lower())]
    return holding[0] if len(holding) == 1 else None


# A figure of speech: a simile ("like a tired man", "as quiet as"), or a thing doing what only people do.
FIGURE = re.compile(r"\blike (?:a|an|the|his|her|their|some)\b|\bas \w+ as\b|"
                    # "hiss like angry cats": a plural likeness, not "they like apples"
                    r"(?<![Ii] )(?<!we )(?<!you )(?<!they )(?<!ould )(?<!to )(?<!'t )\blike (?:[a-z]+ )?[a-z]+s\b|"
                    r"\b(?:complain|whisper|sigh|groan|sing|dance|smile|cry|sleep|breathe|grumble|wink)(?:s|ed)?\b",
                    re.I)


def figure_line(question: str, sentences: list[str], ranked: list[tuple[float, int]], top: int) -> int:
    """For a question about a figure of speech ("What is the bridge compared to?"), the best-ranked sentence holding
    one, not the opening line that only names the thing compared; `top` when the question quotes its words or names
    its line (the sentence is found by those) or no sentence holds a figure."""
    if re.search(r"(?<![A-Za-z])['‘\"“]|\b(?:sentence|line)\b", question):  # its words, or a line it names
        return top
    return next((i for _, i in ranked if FIGURE.search(sentences[i])), top)


# a reason a sentence gives in so many words ("so" alone is no reason: "cheered so loudly")
GIVES_REASON = re.compile(r"\b(?:because|since|so that|in order to|that's why)\b|,\s+so\b", re.I)
# an earlier moment opens the sentence ("On Friday, Arun texted ...")
EARLIER = re.compile(rf"^\W*(?:on|in|at|by|last|that|one|early|earlier)\s+(?:\w+\s+)?{SEASONS}\b", re.I)


def asked_event(question: str, sentences: list[str]) -> int | None:
    """The one sentence telling the event a why-question asks about: sharing most of the question's words other than
    names, two at least, and more than any other sentence (two telling as much of it: no one event), else None."""
    # the event by its deed and things, not its people: "Mrs. Gray cheered ... Lina" names them, and tells no taking
    names = {name.lower() for name in re.findall(r"(?<=\s)[A-Z][a-z]+", question)}
    asked = {form for word, _ in content_tokens(question) if word not in names for form in base_forms(word)}
    shared = [len(asked & {f for w, _ in content_tokens(s) for f in base_forms(w)}) for s in sentences]
    event = max(range(len(sentences)), key=lambda i: (shared[i], -i))
    return event if shared[event] >= 2 and shared.count(shared[event]) == 1 else None


# an event told as what follows from the lines before it ("That is why the fox cleans its coat"): its reason is there
FOLLOWS_FROM = re.compile(r"^\W*(?:that is why|that's why|this is why|because of (?:this|that)|for (?:this|that) "
                          r"reason|so|as a result|therefore)\b", re.I)


def follows_from(question: str, sentences: list[str]) -> int | None:
    """The asked event of a why-question when its sentence says its reason came just before it ("That is why the fox
    spends a long time cleaning its coat"), else None."""
    event = asked_event(question, sentences)
    return event if event and FOLLOWS_FROM.search(sentences[event]) else None


def event_line(event: str, sentences: list[str]) -> int | None:
    """The sentence that tells the moment a before/after question names ("after she remembered where the book was"):
    the one sharing most of the event's words in any form, its first word (the deed) counted twice, since a thing
    it names ("the book") is told in many lines; none when two lines tie."""
    words = [word for word, _ in content_tokens(event)]
    if not words:
        return None
    weights = {form: 2 if i == 0 else 1 for i, word in reversed(list(enumerate(words)))
               for form in base_forms(word)}
    scores = [sum(weights.get(form, 0) for form in {f for w, _ in content_tokens(s) for f in base_forms(w)})
              for s in sentences]
    best = max(scores)
    return scores.index(best) if best >= 2 and scores.count(best) == 1 else None


# Past forms that are other words too ("left" the side, "saw" the tool): read as the deed only when a question asks
# that deed ("Where did Ava leave the book?" is told by "she had left it on the bus seat").
DEED_PAST = {"leave": "left", "see": "saw", "lie": "lay", "light": "lit", "rise": "rose", "find": "found",
             "feel": "felt", "read": "read", "put": "put", "set": "set", "hide": "hid"}


def deed_elsewhere(question: str, sentences: list[str], line: str) -> int | None:
    """The one other sentence that tells the deed a question asks about ("leave" in "Where did Ava leave the book?"),
    when `line`, where a detail was found, does not: the detail belongs to another moment ("borrowed it from the
    library"). None when the question names no deed, `line` tells it, or no single other line does."""
    if line not in sentences or deed_told(question, line) is not False:
        return None
    told = [i for i, s in enumerate(sentences) if deed_told(question, s)]
    return told[0] if len(told) == 1 else None


def deed_told(question: str, sentence: str) -> bool | None:
    """Does a sentence tell the deed a question asks about, in any of its forms ("had left it" for "leave")? None
    when the question names no deed ("What is ...?", "Where did she go?": an everyday verb)."""
    deed = ASKED_DEED.match(question)
    word = deed.group("verb").lower() if deed else ""
    if not word or word in STOP or stem(word) in COMMON - {stem(w) for w in DEED_PAST}:
        return None
    forms = base_forms(word) | base_forms(DEED_PAST.get(word, word))
    return bool(forms & {f for w, _ in content_tokens(sentence) for f in base_forms(w)})


def told_past_its_reason(question: str, sentences: list[str], backing: str) -> bool:
    """A why-answer said by lines after such an event (`follows_from`): those lines tell what follows, another event
    ("In summer ... its coat turns brown"), never the reason asked for."""
    event = follows_from(question, sentences)
    held = [i for i, s in enumerate(sentences) if s in backing]
    return bool(event is not None and held and min(held) > event)


# a time before the one told ("had lent", "had been", "After a week of heavy rain, she ..."), a finding or a reason:
# a later sentence may still tell a cause
EARLIER_TOLD = re.compile(r"\bhad (?!to\b)(?:been|\w+(?:ed|en|wn|t))\b|^\W*(?:after|once|since|as soon as|now that)\b",
                          re.I)


def told_later(question: str, sentences: list[str], i: int) -> int | None:
    """The event a why-question asks about, when sentence `i` comes after it and tells what followed (no earlier
    time, no finding, no reason, no word of the event told again: "Cars had to drive around the lake" after "The
    bridge closed"); else None."""
    event = asked_event(question, sentences)
    names = {name.lower() for name in re.findall(r"(?<=\s)[A-Z][a-z]+", question)}
    asked = {form for word, _ in content_tokens(question) if word not in names for form in base_forms(word)}
    retold = asked & {form for word, _ in content_tokens(sentences[i]) for form in base_forms(word)}  # "not jump until"
    later = event is not None and i > event and not (EARLIER_TOLD.search(sentences[i]) or FOUND.search(sentences[i])
                                                     or GIVES_REASON.search(sentences[i]) or retold)
    return event if later else None


def cause_before(question: str, sentences: list[str], top: int, reach: int = 3) -> int:
    """A why-question's cause is told before the event it explains, or in the event's own sentence: a sentence after
    the event that gives no reason of its own ("At the finals, Priya cheered ..." for "Why did Dev give the ticket to
    Priya?") tells what followed. Then the nearest of the `reach` sentences before the event that gives a reason or
    opens with an earlier moment ("On Friday, Arun texted ..."), else the one just before it. The event is the one
    sentence sharing most of the question's words other than names, two at least."""
    event = asked_event(question, sentences)
    if event is None or top <= event or GIVES_REASON.search(sentences[top]):
        return top
    before = list(range(event - 1, max(-1, event - reach - 1), -1))
    return next((i for i in before if GIVES_REASON.search(sentences[i])),
                next((i for i in before if EARLIER.search(sentences[i])), before[0] if before else event))


# finding out a cause ("found that a snail had eaten it"), not finding someone ("found her there")
FOUND = re.compile(r"\b(?:(?:found|discovered|realized|realised|learned|saw|noticed) (?:that|out)|turned out)\b", re.I)


def found_cause(sentences: list[str], top: int) -> int:
    """A cause asked of an event its own sentence and those beside it give no reason for ("a huge storage tank ...
    burst open") is told where someone later found out about the same thing ("Investigators later found that the
    tank had been built poorly"): the one such sentence after the event that shares a thing with it, else `top`."""
    near = sentences[max(0, top - 1):top + 2]
    if any(GIVES_REASON.search(s) for s in near):
        return top
    told = set(content_words(sentences[top])) - STOP
    found = [i for i in range(top + 1, len(sentences))
             if FOUND.search(sentences[i]) and told & set(content_words(sentences[i]))]
    return found[0] if len(found) == 1 else top


# a script's speaker label ("MIRA:", "Dad:") and a list item's bare number ("3." split from its step)
# a script's speaker label ("MIRA: No!"); a worksheet's own labels ("Passage: ...", "Question: ...") name no speaker
SPEAKER = re.compile(r"(?:^|(?<=[\"“]))\W*(?!(?:Passage|Text|Story|Poem|Article|Extract|Excerpt|Question|Answer|Title|"
                     r"Note|Q|A)\b)(?P<who>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?):\s")
ITEM_NUMBER = re.compile(r"^\(?(?P<n>\d{1,2})[.)]$")


def read_units(pieces: list[str], text: str) -> list[str]:
    """The units a passage is read in: a list item's number joined to its step ("3." and "Drop two seeds ..." are
    "3. Drop two seeds ..."), and a script line kept whole with its speaker ("MIRA: No!" and "It was already bent
    ..." on the same line are one line: who says it is part of what it says). Pieces on one line are joined by a
    space in the text, a new line starts a new unit."""
    units: list[str] = []
    for piece in pieces:
        if units and f"{units[-1]} {piece}" in text and (ITEM_NUMBER.match(units[-1]) or SPEAKER.match(units[-1])):
            units[-1] = f"{units[-1]} {piece}"
        else:
            units.append(piece)
    return units


def item_place(unit: str, passage: str) -> str | None:
    """A numbered item's place as the text numbers it: 'step 3' in a how-to or a list of steps, 'item 3' else."""
    number = re.match(r"^\(?(\d{1,2})[.)]\s", unit)
    if not number:
        return None
    steps = re.search(r"(?i)^\W*how to\b|\b(?:steps?|directions|instructions|recipe|method)\b", passage)
    return f"{'step' if steps else 'item'} {number.group(1)}"


def speaker(unit: str) -> str | None:
    """Who says a script line ("DAD: Then we'll tie it ..." -> "Dad")."""
    label = SPEAKER.match(unit)
    return label.group("who").title() if label else None


SAYS = re.compile(r"(?i)^\W*who (?:says|said|asks|asked|tells|told|shouts|shouted|answers|answered|replies|replied)\b"
                  r"(?: that)?\s*(?P<said>[^?]*)")


def said_line(question: str, sentences: list[str]) -> int | None:
    """For "Who says the pole was already bent?" in a script: the one line sharing most of what is said, two words at
    least, whose speaker label decides it; None when the text is no script or no line stands out."""
    asked = SAYS.match(question)
    if not asked or len({speaker(s) for s in sentences} - {None}) < 2:
        return None
    said = asked.group("said").lower()
    words = {form for word, _ in content_tokens(said) for form in base_forms(word)}
    pairs = set(zip(said.split(), said.split()[1:]))  # "already bent" said together outweighs "pole ... bent"
    def shared(line: str) -> float:
        told = SPEAKER.sub("", line).lower()
        tokens = re.findall(r"[a-z']+", told)
        return len(words & {f for w, _ in content_tokens(told) for f in base_forms(w)}) + 0.5 * len(
            pairs & set(zip(tokens, tokens[1:])))
    scores = [shared(s) if speaker(s) else 0.0 for s in sentences]
    best = max(range(len(sentences)), key=lambda i: scores[i])
    return best if scores[best] >= 2 and scores.count(scores[best]) == 1 else None


# "What happens first when the sun goes down?": the first thing after a moment the question names
FIRST_AFTER = re.compile(r"(?i)\b(?:happens?|happened|comes?|came|do(?:es)?|did)\b[^?]*?\bfirst\b[^?]*?\b(?:when|after|"
                         r"once)\s+(?P<event>[^?]{6,})")


def later_step(question: str, told: str, sentences: list[str]) -> int | None:
    """For a question asking what comes first after a moment, the sentence telling that moment when the answer's
    sentence (`told`) comes two or more sentences after it: a step of the text, but not the first one after it."""
    asked = FIRST_AFTER.search(question)
    if not asked or told not in sentences:
        return None
    words = {form for word, _ in content_tokens(asked.group("event")) for form in base_forms(word)}
    shared = [len(words & {f for w, _ in content_tokens(s) for f in base_forms(w)}) for s in sentences]
    event = max(range(len(sentences)), key=lambda i: (shared[i], -i))
    return event if shared[event] >= 2 and sentences.index(told) > event + 1 else None


COUNTED = re.compile(r"(?i)\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|sixty|"
                     r"hundreds?|thousands?|millions?|dozens?)\b")


def weak_support(question: str, told: str, sentences: list[str], ranked: list[tuple[float, int]]) -> int | None:
    """Asked for evidence, an answer resting on a sentence that reports nothing found ("Right now it closes at noon
    on Saturday" for "What evidence shows people want Sunday hours?") while a finding is told ("more than 900 people
    came"): the best-ranked finding, which is what proves it; None when the answer's sentence is one."""
    shown = re.search(r"(?i)\b(?:shows?|proves?|supports?)\s+(?:that\s+)?([^?]+)", question)
    if not ASKS_SUPPORT.search(question) or FINDING.search(told) or not shown:
        return None
    # only when a finding says more of what is to be shown than the answer's sentence: evidence takes many forms
    # ("Cars travel at forty miles per hour" shows a crossing is dangerous without saying "dangerous")
    point = {form for word, _ in content_tokens(shown.group(1)) for form in base_forms(word)}
    def speaks(sentence: str) -> int:
        return len(point & {f for w, _ in content_tokens(sentence) for f in base_forms(w)})
    if COUNTED.search(told):  # "forty miles per hour" is a fact told in words
        return None
    return next((i for _, i in ranked if FINDING.search(sentences[i]) and speaks(sentences[i]) >= max(2, speaks(
        told) + 1) and sentences[i] != told and not STATED_CLAIM.search(sentences[i])), None)


# a body that shows a feeling the sentence does not name ("His fingers felt like ice", "her knees shook")
BODY_CUE = re.compile(r"(?i)\b(?:fingers?|hands?|knees?|legs?|heart|stomach|cheeks?|face|voice|throat|mouth)\b[^.;]*?"
                      r"\b(?:felt|shook|shaking|trembl\w*|froze|frozen|pound\w*|rac(?:ed|ing)|burn\w*|went (?:dry|"
                      r"cold|numb)|like ice|tight\w*)\b|\b(?:froze|trembled|shivered|gasped|blushed)\b")
# a clause whose doer is someone's body ("Milo's stomach dropped, and he bit his lip"): a reaction told with the event,
# never its reason
BODY_OWNED = re.compile(r"(?i)^\W*(?:[a-z]+'s|his|her|their|my|our|your)\s+(?:\w+\s+)?(?:fingers?|hands?|knees?|legs?|"
                        r"heart|stomach|cheeks?|face|voice|throat|mouth|eyes|chest|breath)\b")


# "What is the first step?", "What do you do last?": the edge of a numbered list
EDGE_ITEM = re.compile(r"(?i)\b(first|last|final) (?:\w+ )?step\b|\b(?:do|does|happens?|comes?) (first|last)\??$")


def edge_item(question: str, told: str, sentences: list[str]) -> int | None:
    """For a question asking a numbered list's first or last step, the item that is, when the answer's sentence
    (`told`) is another numbered item: a step of the list, in the wrong place."""
    asked = EDGE_ITEM.search(question.strip())
    numbered = [i for i, s in enumerate(sentences) if ITEM_NUMBER.match(s.split(" ", 1)[0])]
    if not asked or told not in sentences or sentences.index(told) not in numbered:
        return None
    edge = numbered[0] if next(g for g in asked.groups() if g).lower() == "first" else numbered[-1]
    return edge if edge != sentences.index(told) else None


def qualified(text: str) -> list[tuple[str, set[str]]]:
    """Each word of a text with the forms of the word after it: "young worker bees" -> (young, {worker...}), ..."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", text)]
    return [(a, base_forms(b)) for a, b in zip(words, words[1:])]


def another_kind(question: str, sentence: str, sentences: list[str]) -> bool:
    """Does a line tell of another kind of the thing the question asks about? "What do young worker bees do?" asks of
    the workers the passage calls young ("Young workers stay inside ..."); "Older workers fly out ..." tells of the
    others, though it shares the thing's word. Only when another line holds the question's own qualifier with it."""
    asked = [(a, held) for a, held in qualified(question) if a not in STOP and held - STOP]
    if stands_for_another(asked, sentence, sentences):
        return True
    told = qualified(sentence)
    for word, held in asked:
        mine = base_forms(word)
        elsewhere = any(s != sentence and any(base_forms(a) & mine and b & held for a, b in qualified(s))
                        for s in sentences)
        if elsewhere and not any(base_forms(a) & mine for a, _ in told) and any(
                b & held and a not in STOP for a, b in told):
            return True
    return False


# "at first", "at last" name a moment of the story, not a part of the text ("in the first lines", "at the end"): the
# line telling the event asked about answers, wherever it stands
MOMENT = re.compile(r"\bat (?:first|last)\b", re.I)


def kind_first(question: str, sentences: list[str], ranked: list[tuple[float, int]], part: range | None) -> int:
    """The best-ranked line (in the part asked about, when one is) that tells of the kind of thing the question asks
    about: "Drone bees have only one job, which is to mate with a queen" shares every word of "What is the queen
    bee's job?" and tells of the drones; "The queen lays all the eggs" answers it. The best-ranked when all tell of
    another kind."""
    moment = asked_event(question, sentences) if part is not None and MOMENT.search(question) else None
    part = None if moment is not None and moment not in part else part  # "at first" in the story: its event's line
    held = [i for _, i in ranked if part is None or i in part]
    return next((i for i in held if not another_kind(question, sentences[i], sentences)), held[0])


PRONOUN_LEAD = re.compile(r"^\W*(?:they|it|he|she)\b", re.I)


def stands_for_another(asked: list[tuple[str, set[str]]], sentence: str, sentences: list[str]) -> bool:
    """Does a line that opens on a pronoun ("They gather nectar ... make honey") stand for another kind of the thing
    asked (`asked`: the question's words with the forms of the word after each)? The pronoun's thing is named in the
    line before ("Worker bees do most of the other jobs."): another kind of bee than the question's ("What is the
    queen bee's job?"), the question's kind left out there and named in some other line ("The queen lays ...")."""
    if sentence not in sentences or not PRONOUN_LEAD.match(sentence) or sentence == sentences[0]:
        return False
    before = sentences[sentences.index(sentence) - 1]
    def forms(line: str) -> set[str]:
        return {f for w in re.findall(r"[A-Za-z][\w'-]*", line.lower()) for f in base_forms(w)}
    elsewhere = [forms(s) for s in sentences if s not in (sentence, before)]
    for word, held in asked:
        mine = base_forms(word)
        other = [a for a, b in qualified(before) if b & held and a not in STOP and not base_forms(a) & mine]
        if other and not mine & forms(before) and any(mine & told for told in elsewhere):
            return True
    return False


# the doer a question asks about: "How did Kofi and Ama cross ...?", "What changed for the girls of Kora ...?"
ASKED_DOER = re.compile(r"^\W*(?:how\s+(?:did|do|does|were|was|are|is)|what\s+changed\s+for)\s+(?P<doer>(?:the\s+)?"
                        r"[A-Za-z][\w'-]*(?:\s+and\s+[A-Z][a-z]+)?)\b", re.I)
# the doer a line opens with, past an opening phrase ("Holding hands, they ...", "Now the girls ...")
LINE_DOER = re.compile(r"^\W*(?:(?:[A-Z]?[a-z]+ing\b[^,]*|(?:then|now|soon|later|finally|at last)),?\s+)?"
                       r"(?P<doer>(?:[Tt]he\s+)?[A-Za-z][\w'-]*)\b")


def doer_told(question: str, sentence: str, sentences: list[str], top: int) -> bool:
    """Does a line tell what the doer a how- or change-question names did, or what became of them, after the moment
    it asks about? "Holding hands, they stepped from stone to stone" for "How did Kofi and Ama cross the river?",
    "The girls have time to go to school" for "What changed for the girls of Kora after ...?"; never a line whose
    doer is another ("The bridge had washed away ..."), nor one told before the question's moment."""
    asked, told = ASKED_DOER.match(question), LINE_DOER.match(sentence)
    if asked is None or told is None or sentence not in sentences or sentences.index(sentence) < top:
        return False
    doer, opener = asked.group("doer").lower().removeprefix("the "), told.group("doer").lower().removeprefix("the ")
    pronoun = "they" if " and " in doer or doer.endswith("s") else None
    return opener == pronoun or bool(base_forms(opener) & base_forms(doer) - STOP)


# "how far", "which way": what an embedded question asks ("tells them how far away the flowers are"), so a line that
# tells one of them is no answer to a question asking the other
WH_PHRASE = re.compile(r"(?i)\b(?:which (?:way|direction|side|one)|how (?:far|long|many|much|fast|big|deep|high|"
                       r"old|often)|what (?:time|color|colour|size|shape))\b")


def asked_elsewhere(question: str, sentences: list[str], told: str) -> int | None:
    """The line that tells what the question asks ("which way to fly") when the line an answer comes from tells
    another such thing ("The length of the waggle tells them how far away the flowers are"): a true detail that
    answers another question. None when the question asks no such phrase, the answer's line tells it too, or no
    other line tells it."""
    asked = {m.group().lower() for m in WH_PHRASE.finditer(question)}
    there = {m.group().lower() for m in WH_PHRASE.finditer(told)}
    if not asked or not there or asked & there:
        return None
    return next((i for i, s in enumerate(sentences) if s not in told and asked & {
        m.group().lower() for m in WH_PHRASE.finditer(s)}), None)


def wh_told(sentence: str) -> str:
    """What a line's embedded question says, to its clause's end ("how far away the flowers are"), or ''."""
    found = WH_PHRASE.search(sentence)
    return re.split(r"[,:;.]", sentence[found.start():])[0].strip() if found else ""
