"""How a reading passage is built, which tells a move where to point: its title, a letter's greeting and sign-off
(never evidence), each sentence's place as a student counts it, the sentence where a kind of answer lives (a main
idea in the lead, a theme in the ending's turn, a purpose in the request, an order in its time words), whether it
is a story, and the feelings an action shows ("her hands shook": nervous, not bored); an article's lead after an
opening hook, who acts at a story's end, a counterclaim and the writer's answer to it, a claim's "should", and two
sides told alike ("On the east side ..."/"On the west side ..."). Where a question's answer is told: the sentences
ranked for it (`rank_sentences`), the reaction after the event a feeling question names, the step beside the event a
sequence question names (past a sentence where the one asked about does nothing). The kind of a question
(`classify_question`, `QUESTION_ASKS`) and where its answer lies beyond shared words (`answer_sentence`: the part of
the text a question names, past a why-question's restated premise, `focus`). reading.py builds its moves on these;
whether a claim in the student's own words is backed is own_words.py's.

    .venv/bin/python -m pytest -q tests/test_reading_moves.py tests/test_evidence_moves.py
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING

from common import as_lines
from evidence import WINDOW_WORDS, claim_parts, default_embedder, negated, split_sentences
from text_words import STOP, base_forms, content_tokens, content_words, forms_of, stem
from locate import (BODY_CUE, BODY_OWNED, CUE_BONUS, event_line, finding, item_place, kind_first, read_units, retold,
                    told_features)
from people import CALENDAR, OPENERS, characters, places_named, referred

if TYPE_CHECKING:  # agent.py imports lesson.py, which imports this module: neither torch nor numpy may load on import
    from retrieval import Embedder


# A letter's greeting and sign-off.
# "Dear Neighbors,", "To the Editor:", and a greeting line with no comma: "Dear Grandma", "Hi Coach Dana!"
NAMED = r"(?:[^.!?,:]|\b(?:Mr|Mrs|Ms|Dr|St|Mx)\.)"  # "Dear Ms. Okafor,": a title's stop ends no sentence
SALUTATION = re.compile(rf"^(?:(?:dear|to)\b(?:{NAMED}|,)*[,:]|(?:dear|hi|hello|hey)\b{NAMED}{{0,40}}[,:!]?)$", re.I)
SIGN_OFF = re.compile(r"^(?:sincerely|yours|your (?:friend|student|neighbou?r|pal)|love|best wishes|regards|warmly|"
                      r"thank you|thanks|from)\b", re.I)

# a letter pasted on one line: its greeting opens the first sentence ("Dear Mayor Ortiz, I am writing about ...")
GREETED = re.compile(rf"dear\b{NAMED}{{1,40}}[,:]\s+\w", re.I)


def signed(line: str) -> bool:
    """A sign-off line is short and ends on no full stop ("Love, Tim", "Thank you,"): "Thank you for the sweater."
    is the letter's first sentence, not its close."""
    words = line.split()
    return len(words) <= 2 or (len(words) <= 5 and not line.rstrip().endswith((".", "?", "!")))


def letter_frame(sentences: list[str]) -> set[int]:
    """A letter's greeting ('Dear Neighbors,'), sign-off and signature: they say who writes to whom, never what the
    letter is for or asks, so no move points there (only a text that opens with a greeting is a letter)."""
    greeted = bool(sentences) and SALUTATION.match(sentences[0])
    if not sentences or not (greeted or GREETED.match(sentences[0])):
        return set()
    close = next((i for i in range(max(1, len(sentences) - 4), len(sentences)) if SIGN_OFF.match(sentences[i])
                  and signed(sentences[i])), None)
    return ({0} if greeted else set()) | (set(range(close, len(sentences))) if close is not None else set())


# Where a kind of question finds its answer in the text's structure, rather than in the sentence sharing its words.
REQUEST = re.compile(r"\b(?:please|should|must|ought to|urge|recommend|let's|let us|don't wait|do not wait|we need|"
                     r"you need|i hope you|we ask|i ask|join us|vote|sign up|you can help)\b|"
                     r"^(?:so|therefore|that is why)\b", re.I)
DIRECT_REQUEST = re.compile(r"\b(?:please|urge|i ask|we ask|(?:writing|write) to ask|join us|vote|sign up|"
                            r"you can help|let's|let us)\b", re.I)  # said to the reader, not about the world
TURN = re.compile(r"\b(?:learn(?:ed|t|s)?|understood|understands?|reali[sz]ed|knew|from then on|never again|ever since|"
                  r"since that day|decided|promised|changed|finally|at last|now (?:he|she|they|i|we) knew)\b", re.I)
SUMMING_UP = re.compile(r"^(?:these|this|all (?:of )?this|in short|overall|together|in the end)\b.*\b(?:shows?|means?|"
                        r"proves?|explains?)\b", re.I)
TIME_WORD = re.compile(r"^(?:first|then|next|after|afterward|later|finally|last|soon|by|when|once|before|"
                       r"in the end)\b", re.I)


def main_character(sentences: list[str]) -> str | None:
    """The name a story comes back to most (in 3+ sentences)."""
    return next((name for name, count in characters(sentences).most_common(1) if count >= 3), None)


STORY_OPENING = re.compile(r"\b(?:once upon a time|one (?:day|night|morning|evening)|long ago|there (?:was|lived))\b",
                           re.I)




def is_story(sentences: list[str]) -> bool:
    """A story follows a character: a name (a capitalised word inside a sentence) comes back in three or more
    sentences, or it opens the way a tale does ('One day', 'Long ago'); an article quotes its people once or twice.
    A short story's names often stand only at a sentence's start ("Lena planted ... Lena dug it out"), so a name in
    two sentences, anywhere in them, with "he", "she" or "they" about, makes a story too."""
    if sentences and STORY_OPENING.search(" ".join(sentences[:2])) or main_character(sentences) is not None:
        return True
    where = places_named(sentences)  # "engineers in Chicago": a place the text comes back to follows no one
    names = Counter(w for s in sentences for w in set(re.findall(r"\b[A-Z][a-z]+\b", s))
                    if not re.fullmatch(OPENERS, w) and w.lower() not in STOP and not CALENDAR.fullmatch(w)
                    and w not in where)
    person = any(re.search(r"\b(?:he|she|his|her|him|they)\b", s, re.I) for s in sentences)
    return person and any(count >= 2 for count in names.values())


# An opening that sets the scene for the point the text turns to: "Lighthouses changed that.", "But forgetting is not
# simply a failure."; an opening question ("Have you ever ...?") is a hook, never the main idea.
LEAD_TURN = re.compile(r"^\W*(?:but|however|yet|today)\b|\bchanged (?:that|this|everything|all that)\b", re.I)


def lead(sentences: list[str], reach: int = 4) -> int:
    """The sentence that states what an article is about: the first one, unless it asks a question or the next
    few sentences turn away from it (the opening was a hook or the old view the text answers)."""
    turn = next((i for i in range(1, min(reach + 1, len(sentences))) if LEAD_TURN.search(sentences[i])), None)
    if turn is not None:
        return turn
    return next((i for i, s in enumerate(sentences[:reach]) if not s.rstrip(" \"'”").endswith("?")), 0)


def key_sentences(kind: str, sentences: list[str]) -> list[int]:
    """The sentences the text's structure puts this kind's answer in, best first: a main idea in the lead (and a
    sentence that sums up), a theme in the ending's turn (what a character learns, decides or does from then on), a
    letter's or opinion's purpose in what it asks or argues for (the last request), an order in its time words."""
    last = len(sentences) - 1
    if kind == "main_idea":  # a story's main idea is in no one sentence: it follows its characters from start to end
        if is_story(sentences):
            return []
        start = lead(sentences)
        close = [i for i in range(start + 1, len(sentences)) if SUMMING_UP.search(sentences[i])
                 or (i == last and len(set(content_words(sentences[i])) & set(content_words(sentences[start]))) >= 3)]
        return [start] + close[-1:]
    if kind == "theme":  # the turn, else the ending's last deed of a named character (not the words said about it)
        ending = [i for i in range(max(0, last - 2), last + 1) if TURN.search(sentences[i])]
        names = {name for name, count in characters(sentences).items() if count >= 2}
        deeds = [i for i in range(max(0, last - 3), last + 1) if not re.match(r"\W*[\"“]", sentences[i])
                 and len(sentences[i].split()) >= 8 and (names & set(re.findall(r"\b[A-Z][a-z]+", sentences[i]))
                                                         or re.search(r"\b(?:he|she|they)\b", sentences[i]))]
        return ending[-1:] or deeds[-1:] or [last]
    if kind == "purpose":  # "I urge you to vote yes" asks the reader; "Children should not have to be lucky" argues
        asks = [i for i in range(last, -1, -1) if REQUEST.search(sentences[i])]
        return ([i for i in asks if DIRECT_REQUEST.search(sentences[i])] or asks)[:1]
    if kind == "sequence":
        return [i for i, s in enumerate(sentences) if TIME_WORD.search(s)]
    return []


# A sentence that gives what other people argue, and the writer's answer to it that follows ("However, ...").
COUNTERCLAIM = re.compile(r"^(?:some|many|other|few|a few)?\s*(?:people|critics|others|opponents|parents|students|"
                          r"teachers|adults|experts|scientists|neighbou?rs|members|officials|residents)\b"
                          r"[^.!?]*\b(?:say|said|argue|argued|claim|think|believe|worry|worried|complain|fear|"
                          r"point(?:ed)? out|object|insist|warn)\b", re.I)
# a question asking for the other side itself ("Which sentence gives a counterclaim?"), not for the writer's answer
ASKS_COUNTER = re.compile(r"\bcounter-?claims?\b|\bopposing (?:view|claim|side|argument)s?\b|\bother side\b", re.I)
REBUTTAL = re.compile(r"^\W*(?:however|but|yet|still|actually|in fact|even so|on the other hand)\b", re.I)
CLAIM_CUE = re.compile(r"^(?!if\b).*\b(?:should|ought to|urge|i ask|we ask|(?:writing|write) to ask)\b",
                       re.I)  # a claim, not a condition


def rebuttal(sentences: list[str], i: int) -> int | None:
    """The writer's answer to the counterclaim in sentence i: the next sentence or the one after, opening 'However',
    'But', 'In fact'; None when sentence i gives no counterclaim."""
    if not COUNTERCLAIM.search(sentences[i]):
        return None
    return next((j for j in (i + 1, i + 2) if j < len(sentences) and REBUTTAL.match(sentences[j])), None)


def other_side(claim: str, sentences: list[str]) -> tuple[int, int] | None:
    """(the sentence a claim rests on, its parallel) when the text tells two sides the same way ("On the east side,
    ..." / "On the west side, ...", "To his nephew Daniel ..." / "To his niece Clara ...") and the claim uses only
    the first: a comparison is decided by the side the student left out."""
    own = set(content_words(claim))
    shared = [len(own & set(content_words(s))) for s in sentences]
    used = max(range(len(sentences)), key=lambda i: shared[i])
    head = [" ".join(s.lower().split()[:2]) for s in sentences]
    # a side is named by a short opening phrase set off by a comma ("On the east side,"): two sentences that only
    # start alike ("It has three hearts." / "It has no bones, so ...") are two facts, not two sides
    lead = [s.split(",")[0] if "," in s and len(s.split(",")[0].split()) <= 5 else "" for s in sentences]
    parallel = [j for j in range(used + 1, len(sentences)) if head[j] == head[used] and shared[j] < shared[used]
                and lead[j] and lead[used] and lead[j] != lead[used]]
    return (used, parallel[0]) if shared[used] >= 2 and len(parallel) == 1 else None


SIMILE_ASKED = re.compile(r"(?i)\bwhy\b.*?\blike\s+((?:(?:an?|the|his|her|their)\s+)?[\w' ]{3,40}?)['\"”]?\s*\??$")
PICTURED = re.compile(r"(?i)\b(?:picture|imagine|visuali[sz]e|see (?:it|what|how)|what (?:\w+ ){0,6}looks? like)\b")
NEGATED = re.compile(r"(?i)\b(?:not|never|can'?t|cannot|don'?t|won'?t)\b")


def pictured_simile(question: str, claim: str, sentences: list[str]) -> int | None:
    """The sentence holding the comparison a "why does it say ... like a roof of a house?" question quotes, when the
    answer gives what a comparison is for: helping the reader picture the thing (what it looks like), not the
    thing it is compared to alone ("to picture a house")."""
    asked = SIMILE_ASKED.search(question)
    if not asked or not PICTURED.search(claim) or NEGATED.search(claim):
        return None
    vehicle = asked.group(1).strip().lower()
    held = next((i for i, s in enumerate(sentences) if f"like {vehicle}" in s.lower()), None)
    rest = set(content_words(PICTURED.sub("", claim))) - {"help", "reader", "us", "you", "so", "can"}
    return None if held is None or (rest and rest <= set(content_words(vehicle))) else held


# What a body or a voice does, and the feelings it can show (a reaction answers "how does X feel").
FEELINGS = {
    "afraid": (r"shak|shook|trembl|whimper|cower|swallow|heart (?:pound|rac|beat)|sweat|\bpale\b|froze|stammer|"
               r"deep breath|"
               r"bit (?:her|his) (?:lip|nails)|\bhid\b|\bhiding\b|behind (?:his|her|their) backs?|stomach (?:drop|"
               r"knot|churn|flip|twist|sank)|held (?:his|her|their) breath|fidget|"
               r"(?:knees|legs) (?:felt )?(?:knock|wobbl|weak)|voice (?:came out as a whisper|crack|shook|trembl)",
               "nervous scared afraid frightened worried anxious fearful terrified uneasy tense"),
    "happy": (r"smil|grin|laugh|cheer|\bhug(?:s|ged|ging)?\b|danc|clap|\bbow(?:s|ed)?\b|giggl|shout(?:ed)? with joy",
              "happy glad joyful proud excited relieved amused pleased cheerful delighted thrilled funny"),
    "sad": (r"tears|cried|\bcry|sob|sigh|lump in (?:her|his) throat|stared at|look(?:ed)? away|slump|quiet|silent|"
            r"(?:lip|chin) (?:began to |started to )?(?:shak|trembl|quiver|wobbl)",
            "sad upset unhappy lonely disappointed hurt gloomy miserable heartbroken"),
    "angry": (r"stomp|slam|shout|yell|glar|clench|frown|snapp|(?:walked|stormed) (?:off|away) without|"
              r"kick(?:ed|s)? (?:at )?the (?:dirt|ground|door|wall|chair)",
              "angry mad furious annoyed frustrated upset cross"),
    "embarrassed": (r"blush|(?:face|cheeks|ears) (?:turned|went|got|grew|burned|felt) (?:hot|red|pink|warm)|"
                    r"(?:looked|stared) down at (?:his|her|their) (?:feet|shoes)",
                    "embarrassed ashamed shy awkward humiliated"),
    "bored": (r"yawn|(?:look|glanc|check)\w* at (?:his|her|their|the) (?:watch|clock)|"
              r"drumm\w* (?:his|her|their) fingers|tapp\w* (?:his|her|their) (?:foot|feet|fingers)|"
              r"stared out the window", "bored restless uninterested"),
}
FEELING_WORDS: dict[str, set[str]] = {}
for _family, (_, _words) in FEELINGS.items():
    for _word in _words.split():
        FEELING_WORDS.setdefault(stem(_word), set()).add(_family)  # "upset" can be sad or angry


def named_feelings(text: str) -> list[set[str]]:
    """For each feeling word a text names and does not deny ('happy and not mad' names happy), its families."""
    denied = negated(text, before=0, after=2)
    return [FEELING_WORDS[w] for w in content_words(text) if w in FEELING_WORDS and w not in denied]


def shown_feelings(sentence: str) -> set[str]:
    """The feelings a sentence shows by what a character does or says, or names outright."""
    shown = {family for family, (cue, _) in FEELINGS.items() if re.search(cue, sentence, re.I)}
    return shown.union(*named_feelings(sentence))


ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()


def places(passage: str, skip: set[str] = frozenset()) -> list[str]:
    """Where each sentence stands, as a student would count it: 'the fifth sentence', or 'the second sentence of
    paragraph 3' when the passage has paragraphs (the `skip` lines, a title or a letter's greeting and sign-off, are
    not counted; the last sentence is 'the last')."""
    blocks = [p for p in re.split(r"\n\s*\n", passage) if p.strip()]
    paragraphs = [[s for s in read_units(split_sentences(p), p) if s not in skip] for p in blocks]
    paragraphs = [p for p in paragraphs if p]
    lines = any(p.strip().count("\n") >= 2 for p in blocks)  # lines broken inside a stanza
    unit, block = ("line", "stanza") if lines else ("sentence", "paragraph")  # a poem is read line by line
    where = []
    for number, paragraph in enumerate(paragraphs, 1):
        for i in range(len(paragraph)):
            nth = f"the {ORDINALS[i]} {unit}" if i < len(ORDINALS) else f"{unit} {i + 1}"  # "sentence 13"
            if numbered := item_place(paragraph[i], passage):  # "step 3" as the text numbers it
                where.append(numbered)
                continue
            where.append(f"{nth} of {block} {number}" if len(paragraphs) > 1 else f"{nth} of the passage")
    if where and not item_place(paragraphs[-1][-1], passage):
        where[-1] = f"the last {unit} of the passage"
    return where


def no_title(passage: str, claim: str | None) -> str:
    """A title asked of a text with none: a letter's greeting ("Dear Principal Ruiz,") says who it is written to."""
    greeting = next((s for s in split_sentences(passage)[:1] if letter_frame([s]) and claim
                     and set(content_words(claim)) & set(content_words(s))), None)
    said = (f"\"{greeting.rstrip(',:')}\" is the letter's greeting: it says who the letter is written to. "
            if greeting else "")
    return (f"{said}This text has no title line above it. What is it mostly about? A good title would say that in a "
            f"few words: which words from the text would you use?")


def split_title(sentences: list[str]) -> tuple[str | None, list[str]]:
    """A first line of at most 10 words with no end punctuation is the title: it names the text, it is no evidence.
    A poem's first line that runs on ("The old oak stands at the edge of the field," then "its arms held wide") is
    the poem's own: it ends on a comma or its next line goes on in lower case."""
    greeting = re.match(r"(?i)(?:dear|hi|hello|to)\b", sentences[0]) if sentences else None  # "Dear Editor," heads
    runs_on = len(sentences) > 1 and (re.search(r"[,;]$", sentences[0]) and not greeting or sentences[1][:1].islower())
    if len(sentences) > 1 and len(sentences[0].split()) <= 10 and not runs_on and (
            not re.search(r"[.!?\"”]$", sentences[0]) or headline(sentences[0])):
        return sentences[0], sentences[1:]
    return None, sentences


def headline(line: str) -> bool:
    """A title may ask or exclaim ("Should Schools Ban Phones at Lunch?"): its longer words are capitalised, which
    an opening question in a text's own voice ("Have you ever seen a bat up close?") never is."""
    longer = [w for w in re.findall(r"[A-Za-z']+", line) if len(w) >= 4]
    return line.endswith(("?", "!")) and len(longer) >= 2 and all(w[0].isupper() for w in longer)


def time_word(sentence: str) -> str:
    found = TIME_WORD.search(sentence)
    return found.group(0) if found else ""


def lesson_of(sentence: str) -> str:
    """What a turn sentence says was learned or done from then on: the words after 'understood that', 'From then
    on,' or 'decided to' ("The broken pine finally understood that bending is not weak" -> "bending is not weak"), or
    the words a character says in an ending with no such turn."""
    ends = [m.end() for m in TURN.finditer(sentence)]
    spoken = re.search(r"[\"“]([^\"”]{12,})[\"”]", sentence)
    if not ends and spoken:  # '"Next time, do not trust a flatterer," the fox called': what is said, not who says it
        return spoken.group(1).strip(" ,")
    end = ends[0] if ends else len(sentence)
    for later in ends[1:]:  # "finally understood that": the cue runs on while its words follow each other
        if len(sentence[end:later].split()) <= 1:
            end = later
    rest = re.sub(r"^\W*(?:that|to)?\s*", "", sentence[end:])
    return rest if len(content_words(rest)) >= 2 else sentence


def body(passage: str) -> tuple[str | None, list[str], list[str]]:
    """(title, the sentences a move may point to, their places): no title, no letter greeting or sign-off; a poem
    typed with slashes is read line by line."""
    passage = as_lines(passage)
    every = read_units(split_sentences(passage), passage)
    frame = {every[i] for i in letter_frame(every)}
    title = None if frame else split_title(every)[0]
    skip = frame | ({title} if title else set())
    sentences = [s for s in every if s not in skip]
    where = places(passage, skip)
    return title, sentences, where if len(where) == len(sentences) else []  # count nothing rather than wrong


# ----------------------------------------------------------------------------- question types

QUESTION_TYPES = [  # first match wins: the specific kinds before the broad "why" and "detail"
    # how the text is built (its signal words), and how a character changes from start to end (case-sensitive: a
    # name; "How do leaves change color?" is a cause)
    ("structure", r"\borgani[sz](?:ed|ation)\b|\b(?:text )?structure\b|\bhow is (?:the|this) (?:passage|text|article|"
                  r"story|poem) (?:built|arranged|set up)\b"),
    ("change", r"\bhow (?:does|did|has|have) the \w+ (?:change|grow)s?\b(?=\s*(?:[?.!,]|$)|\s+(?:in|at|over|from|"
               r"during|after|when|through|throughout|between)\b)|"
               r"\bhow (?:(?:does|did|has|have) (?:\w+|the (?:narrator|speaker|writer|main character))|"
               r"(?-i:[A-Z][a-z]+))(?:'s \w+)? (?:change|grow)s?\b(?! (?:into|to|colou?r|shape|state|form)\b)|"
               r"\bhow (?:has|did|does) [^?]*\bchanged? "
               r"(?!(?:over|from|into|in|to|when|after|the (?!narrator|speaker|writer))\b)\w+\b"),
    ("meaning", r"\bwhat (?:does|do|did) (?:the )?(?:first|last|final|opening|closing) (?:sentence|line) mean|"
                r"\bwhat (?:does|do|did) ['‘\"“](?:[^'’\"”]+ ){4,}[^'’\"”]+['’\"”] "
                r"(?:mean|describe|show|tell)|['‘\"“][^'’\"”]*\blike\b[^'’\"”]*['’\"”]|\bsimile|"  # or a simile
                r"\bwhat (?:does|do|did) [^?]*\blike\b[^?]* (?:describe|mean|show|tell|suggest)\b|\bmetaphor|"
                r"\bpersonif|\bcompared? (?:to|with)\b|\bmean[st]? (?:that|when)\b[^?]*\blike\b|\bsupposed to be\W*$"),
    # "help him spell the last word", "feel when she got the word": no word's meaning is asked
    ("vocabulary", r"\bmean(s|ing|t)?\b|\bphrase\b|\bdefin|\bwhat (is|are) (an? )?'|\bdescribes?\b.*(?<![A-Za-z])'|"
                   r"^(?![^?]*\b(?:\w*spel\w*|wr[io]t\w*|read|says?|said|guess\w*|typed?|learn\w*|feel\w*|felt|"
                   r"g[eo]t)\b[^?]*\bword\b)(?![^?]*\bwords? (?:best )?describes? (?!['‘\"“]))[^?]*\bword\b"),
    # "what word describes Rosa?" asks a trait: no word's meaning
    ("purpose", r"\b(author|writer|poet)'?s? purpose|\bpurpose\b|\bwhy (does|did) the (author|writer|poet)\b|"
                r"\bwhy (?:does|did) \w+(?: \w+)? write\b|\bwhy was (?:this|the) \w+ written\b"),
    # not "lesson time", nor a lesson or message as an event in an order ("right after the lesson", "learn first")
    ("theme", r"\btheme\b|(?<!after )(?<!before )(?<!during )(?<!until )"
              r"\b(?:the|a|what|which|this|its|\w+'s) (?:lesson|message)\b|\bmoral\b|"
              r"\bwhat (?:does|did) (?:the )?\w+ learn\b(?! (?:first|next|last|before|after)\b)"),
    ("main_idea", r"\bmain (idea|point)\b|\bmostly about\b|\bcentral idea\b|\bsummar"),
    ("argument", r"\bcounterclaim|\bclaim\b|\bargu|\bevidence\b|\bwhich sentence\b|\brespond|\bcritics?\b|"
                 r"\bopponents?\b|\bsome people (?:say|think|argue|worry|believe)|\bworr(?:y|ies)\b[^?]*\b(?:writer|"
                 r"author)|\b(?:writer|author)'?s? (?:position|opinion|view|stance)\b|\bfor or against\b"),
    ("sequence", r"\bin order\b|\border\b|\bsequence\b|"
                 r"\b(comes?|came|happen(?:s|ed)?|grows?) (first|next|last|before|after)\b|"
                 r"\b(?:do|does|did) (?:right |just )?(?:before|after) (?:she|he|they|it|\w+ed)\b|"  # a deed beside one
                 r"\bfirst \w* ?step\b|\bright (before|after)\b"),
    # "Why does Minh feel pride?" names the feeling and asks its cause: a why-question, below
    ("feeling", r"^(?!\W*why\b).*(?:\bfeel(s|ing|ings)?\b|\bmood\b|\bemotion|\breact(s|ed|ion)?\b)"),
    ("motive", r"\b[Ww]hy (does|did|do|would|is|was) (he|she|they|[A-Z][a-z]+|(the|his|her) [a-z]+ [A-Z][a-z]+)\b"
               r"(?!['’]s)"),  # "Why was Ben's plant thin?" asks for a cause, not Ben's motive
    ("cause", r"\bwhy\b|\bcause|\beffect\b|\bresult\b|\bwhat made\b|\bhow do you know\b"),
    ("inference", r"\binfer|\bsuggest|\bprobably\b|\bmost likely\b|\bshows? about\b|\bwhat kind of\b|\bcompare\b|"
                  r"\bwhat (?:word|trait|adjective) (?:best )?describes\b|"
                  r"\bwhat (?:can|could|do|did) (?:you|we) (?:tell|learn|know|find out) about\b"),
]

# Questions that ask for a place in the text (its title, its first or last event), not for a sentence's words.
ASKS_TITLE = re.compile(r"\bwhat is the title\b|\bwhat(?:'s| is) (?:this|the) (?:text|passage|story)(?:'s)? title\b",
                        re.I)
EDGE_EVENT = re.compile(r"\b(?:happen(?:s|ed)?|came|comes?|did \w+ do) (first|last)\b", re.I)


# the text a question quotes ("Why is Minh 'not sure whether the feeling in her chest was pride'?")
QUOTED_SPAN = re.compile(r"(?<![A-Za-z])['‘\"“][^'’\"”]{3,}['’\"”](?![A-Za-z])")


def classify_question(question: str) -> str:
    """The kind of reading question, from its wording: one of the names in QUESTION_TYPES, or 'detail'. Only a
    meaning or a word's sense is read inside a quote: a "feeling" in a quoted line makes a why-question no feeling
    question."""
    unquoted = QUOTED_SPAN.sub("it", question)
    for name, pattern in QUESTION_TYPES:
        flags = 0 if name == "motive" else re.I  # motive needs the capital of a character's name
        if re.search(pattern, question if name in ("meaning", "vocabulary") else unquoted, flags):
            return name
    return "detail"


NOT_A_TERM = set("it its this that these those them they the a an word words phrase term is are mean means".split())


MEANT = re.compile(r"\bmean(?:s|t)?\s+(?:by|when (?:\w+ ){1,2}(?:says?|said|writes?|wrote|calls?)(?: that)?)\s+"
                   r"['‘\"“]?(.+?)['’\"”]?\s*[?.!]*$", re.I)


# "what does javi mean by we're in the same boat", "what does she mean her arms felt like noodles": the one who says it
# is named before "mean", the words said after it; a word's own place ("mean in this article", "mean here") is no line
SAID_BY = re.compile(r"\bwhat (?:does|did|do) (?:he|she|they|you|i|the (?:author|writer|poet|speaker|narrator)|"
                     r"[A-Za-z]+) mean[st]?\s+(?!(?:in|here|on|at|as|for|to|from|of|about|exactly|again|now|there|"
                     r"though|tho|lol|like|or|is|it)\b)(?:by\s+|(?:in )?saying\s+|"
                     r"when (?:\w+ ){1,2}(?:says?|said|writes?|wrote)(?: that)?\s+|that\s+)?"
                     r"['‘\"“]?(.+?)['’\"”]?(?:\s+(?:lol|lmao|haha|pls|plz|idk))*\s*[?.!]*$", re.I)


# a meaning the student states for words of the text, no question asked: the words before "means" are the term
SAID_MEANS = re.compile(r"^\W*(?:i think\s+)?(?:the (?:word|phrase|line)\s+)?"
                        r"['‘\"“]?([A-Za-z][A-Za-z' -]{0,60}?)['’\"”]?"
                        r"\s+means?\s+(?:that\s+)?\w", re.I)


def quoted_term(question: str) -> str | None:
    """The word or phrase a vocabulary question asks about: what follows "mean by" or "mean when she says" ("What
    does the writer mean by 'a heavy heart'?" asks "a heavy heart", not "the writer"), the quoted one, the words
    between 'what does' and 'mean' ("what does tipped over his own king mean"), or the word after 'word'; never a
    pointing word alone ("what does it mean", "that word"): that names no word to find."""
    question = question.strip()  # a trailing space would leave the closing quote and "?" in the term
    meant = MEANT.search(question)
    if meant and len(meant.group(1).split()) <= 8:
        return meant.group(1).strip()
    said = SAID_BY.search(question)
    if said and 2 <= len(said.group(1).split()) <= 8:
        return said.group(1).strip()
    asked = re.search(r"\bwhat (?:does|do|did) (?:the (?:word|phrase|term) )?['‘\"“]?([A-Za-z][A-Za-z' -]{0,60}?)"
                      r"['’\"”]? (?:even |really |actually )?mean", question, re.I)  # "bobbed even mean"
    # a quote ends at a quote mark, not inside a word: "doesn't" is no end
    quoted = re.findall(r"(?<![A-Za-z])['‘\"“]([^\"”]{2,80}?)['’\"”](?![A-Za-z])", question)
    told = SAID_MEANS.match(question)  # "a hundred summers burn means there was a fire": the student's own reading
    if asked and len(asked.group(1).split()) <= 4:  # "In 'Grandpa ... froze' what does froze mean?" asks "froze"
        term = asked.group(1)
    elif told and not asked and len(told.group(1).split()) <= 6:
        term = told.group(1)
    elif quoted:
        term = min(quoted, key=len)
    else:
        m = asked or re.search(r"\b(?:word|term|is an?|are)\s+([A-Za-z-]+)", question)
        term = m.group(1) if m else None
    return term if term and not set(term.lower().split()) <= NOT_A_TERM else None

# What each kind of question asks, said plainly, for a student who does not understand the question.
QUESTION_ASKS = {
    "feeling": "It asks how the character feels. You can tell from what they do or say, even where the text never "
               "names the feeling.",
    "motive": "It asks for a character's reason: what made them do it, or what they wanted.",
    "cause": "It asks why it happened: the reason the text gives for it.",
    "inference": "It asks you to work something out from clues: the text shows it without saying it in one sentence.",
    "detail": "It asks for something the text tells you: find the sentence that says it.",
    "sequence": "It asks about order: what happens before or after something else.",
    "main_idea": "It asks what the whole text is mostly about, said in one sentence.",
    "theme": "It asks for a lesson the story teaches, one that could fit anyone's life, not just what happens in it.",
    "purpose": "It asks why the writer wrote the text: to tell a story, to teach facts, or to get the reader to think "
               "or do something.",
    "argument": "It asks about the writer's argument: the point they want you to agree with, their reasons, or what "
                "they say back to people who disagree.",
    "vocabulary": "It asks what the word means here, in this sentence: the words around it help you work it out.",
    "meaning": "It asks what that line shows, not what each of its words says.",
    "structure": "It asks how the text is built: as a problem and its solution, causes and effects, steps in order, "
                 "or a comparison. Signal words show which.",
    "change": "It asks how a character is different at the end from the start: compare the two.",
}


# ----------------------------------------------------------------------------- where a question's answer is told

def windows(sentence: str, size: int = WINDOW_WORDS) -> list[str]:
    """Overlapping word windows of a long sentence, so the encoder sees all of it (half-window overlap)."""
    tokens = sentence.split()
    if len(tokens) <= size:
        return [sentence]
    step = size // 2
    return [" ".join(tokens[i:i + size]) for i in range(0, len(tokens) - step, step)]


def idf_weights(sentences: list[str]) -> dict[str, float]:
    """Inverse sentence frequency inside the passage: a word in every sentence says little about which one to pick."""
    df = Counter(w for s in sentences for w in set(content_words(s)))
    return {w: math.log(1 + len(sentences) / c) for w, c in df.items()}


def overlap(query_words: list[str], sentence: str, idf: dict[str, float]) -> float:
    """Share of the query's idf weight that the sentence contains, in [0, 1]."""
    query = set(query_words)
    total = sum(idf.get(w, 1.0) for w in query)
    found = sum(idf.get(w, 1.0) for w in query & set(content_words(sentence)))
    return found / total if total else 0.0


CUES = {  # words that mark the sentence answering a kind of question, rather than one that only repeats its words
    "feeling": re.compile(r"\b(?:laugh|smil|grin|cri(?:ed|es)|cry|tears?|sob|sigh|hug|shook|shak|trembl|frown|blush|"
                          r"stared|whisper|shout|yell|cheer|voice|eyes|heart|chest|quiet|silent|froze|felt|proud|"
                          r"happy|glad|sad|angry|afraid|scared|nervous|excited|relieved|disappoint|lonely|jealous)",
                          re.I),
    "cause": re.compile(r"\b(?:because|since|so that|so|in order to|reason|that's why|therefore|protects?|"
                        r"caused?|led to)\b", re.I),
}
CUES["motive"] = re.compile(CUES["cause"].pattern + r"|[\"“]", re.I)  # a character's reason is often in their words
CUES["inference"] = CUES["feeling"]  # what a character shows is in what they do and how they react
def rank_sentences(query: str, sentences: list[str], embedder: Embedder | None = None,
                   lexical_weight: float = 0.5, kind: str = "detail") -> list[tuple[float, int]]:
    """(score, index) best first: MiniLM cosine (max over a sentence's windows) mixed with term overlap, plus a bonus
    for the words that answer this kind of question (a reaction for a feeling, 'because' for a why)."""
    if not sentences:
        return []
    embedder = embedder or default_embedder()
    told = referred(query, sentences)
    pieces = [(i, w) for i, s in enumerate(told) for w in windows(s)]
    vectors = embedder.encode([query] + [w for _, w in pieces])
    cosine = [-1.0] * len(sentences)
    for (i, _), v in zip(pieces, vectors[1:]):
        cosine[i] = max(cosine[i], float(v @ vectors[0]))
    idf, words = idf_weights(told), content_words(query)
    cue = CUES.get(kind)
    scores = [(1 - lexical_weight) * cosine[i] + lexical_weight * overlap(words, told[i], idf)
              + (CUE_BONUS if cue and cue.search(s) else 0.0) + told_features(query, s)
              for i, s in enumerate(sentences)]
    return sorted(((float(score), i) for i, score in enumerate(scores)), key=lambda t: -t[0])


def another_moment(question: str, sentences: list[str], i: int, last: int) -> bool:
    """Is sentence i told before the moment the question names ("when she won"), or well after its reaction?"""
    moment = re.split(r"(?i)\b(?:when|after|as|while)\b", question, maxsplit=1)[1:]
    said = [{f for w, _ in content_tokens(s) for f in base_forms(w)} for s in sentences]
    asked = {f for w, _ in content_tokens(moment[0] if moment else "") for f in base_forms(w)}
    event = max(range(len(sentences)), key=lambda k: len(asked & said[k])) if moment else i
    return i < event or i > last + 1


def as_named(event: str, question: str) -> str:
    """An event a feeling question tells of by "he" or "she", with the name of the one whose feeling is asked: "he got
    the kite back" is found where Jonah holds it again, not where the kite first flew off (ranked beside the event as
    asked: "Omar first stood up" alone finds Omar's later deed, not "When he stood up ...")."""
    who = FEELER.search(question)
    name = who.group(1) if who and who.group(1)[0].isupper() else None
    return re.sub(r"\b(?:he|she|they)\b", name, event, count=1, flags=re.I) if name else event


def reaction_to_event(question: str, sentences: list[str], embedder: Embedder | None = None,
                      ahead: int = 2) -> int | None:
    """For 'how does X feel when EVENT', the sentence that tells the reaction: find the one telling the event, then
    the first of it and the `ahead` after it that shows a feeling (a reaction follows what caused it). For 'how did
    X feel before EVENT' the feeling is the one shown before it: the `ahead` sentences before the event, nearest first
    (the giggles after the shadow play are no answer to how Raj felt before it)."""
    event = re.search(r"\b(when|after|as|before|during)\b\s+(.{8,})", question, re.I)
    if not event:
        return None
    told = event.group(2).rstrip("?. ")
    score = Counter()  # the event as asked and with the name for its "he": either alone leans on "he" or on the name
    for query in dict.fromkeys((told, as_named(told, question))):
        score.update({i: s for s, i in rank_sentences(query, sentences, embedder)})
    anchor = max(range(len(sentences)), key=lambda i: (score[i], -i))
    near = range(anchor, min(anchor + ahead + 1, len(sentences)))  # a felt or shown feeling before a mere "voice"
    if event.group(1).lower() == "before":
        near = range(anchor - 1, max(-1, anchor - ahead - 1), -1)
    near = [i for i in near if tells_of_feeler(question, sentences[i])]  # "A crow laughed at him": not the fox's joy
    felt = next((i for i in near if shown_feelings(sentences[i])), None)
    felt = felt if felt is not None else next((i for i in near if CUES["feeling"].search(sentences[i])
                                                or BODY_CUE.search(sentences[i])), None)  # "fingers felt like ice"
    during = event.group(1).lower() == "during" and FEELER.search(question)  # what they do all through it shows it
    return felt if felt is not None or not during else next(iter(near), None)


FEELER = re.compile(r"\b(?:[Hh]ow|[Ww]hy) (?:does|did|do|is|was|were) ([A-Z][a-z]+|(?:the|his|her) [A-Za-z]+)\b"
                    r".*\bfeel")  # "how does Dev feel", "why does Minh feel pride"
TELLER = re.compile(r"the (?:narrator|speaker|writer|author)")  # a first-person teller: "I", "my"


def tells_of_feeler(question: str, sentence: str) -> bool:
    """Does a sentence tell of the one whose feeling is asked, as someone acting ("I felt terrible", "he walked
    away"), not only of another ("Two of the fish were hiding", "A crow on the fence laughed at him")?"""
    who = FEELER.search(question)
    if not who:
        return True
    if TELLER.fullmatch(who.group(1).lower()):
        return bool(re.search(r"\bI\b|\b(?:me|my|we)\b", sentence, re.I))
    named = who.group(1).split()[-1]
    return bool(re.search(rf"\b{re.escape(named)}\b|\b(?:he|she|they|his|their)\b|^\W*her\b", sentence, re.I))


RESPONDS = re.compile(r"\b(?:respond|response|answer|reply|replies|argue against|say to)\b", re.I)
EVENT = re.compile(r"\b(?:right |just )?(before|after)\b\s+(.{8,})", re.I)
WHEN_FIRST = re.compile(r"^\W*(?:when|once|as soon as|after)\b[^,]{4,},", re.I)  # the event, then what followed
# "What was the building before it was a museum?": a state the text never tells as a moment, no step to stand beside
STATE_OF = re.compile(r"(?:it|he|she|they|this|that)\s+(?:was|were|is|are|became|becomes)\b", re.I)


def window(sentences: list[str], i: int, before: int) -> str:
    """The sentence `i` with the `before` sentences leading up to it, as one text."""
    return " ".join(sentences[max(0, i - before):i + 1])


def beside_event(question: str, sentences: list[str], embedder: Embedder | None = None,
                 margin: float = 0.1) -> int | None:
    """For 'what comes (right) before / after EVENT': the sentence telling the event, then the one before or after
    it (the question names the event to find the step beside it, which it does not name)."""
    found = EVENT.search(question)
    if not found or STATE_OF.match(found.group(2)):
        return None
    step = -1 if found.group(1).lower() == "before" else 1
    told = rank_sentences(found.group(2).rstrip("?. "), sentences, embedder)
    first = WHEN_FIRST.match(sentences[told[0][1]]) if step == 1 and told else None
    if first and 2 * len(forms_of(first.group(0)) & forms_of(found.group(2))) >= len(forms_of(found.group(2))):
        return told[0][1]  # "When the water went down, they went back inside": the step follows in its own sentence
    ranked = [(score, i) for score, i in told if 0 <= i + step < len(sentences)]  # a step on the side asked about
    if not ranked:
        return None
    at = event_line(found.group(2), sentences)  # the line telling its deed, else where it first happens
    anchor = at if at is not None and 0 <= at + step < len(sentences) else min(
        i for score, i in ranked if score >= ranked[0][0] - margin)
    doer = DOER.search(question[:found.start()])
    doer = doer if doer and doer.group(1).lower() not in READER else None  # "you" in a procedure acts in every step
    if re.search(rf"\b{found.group(1)}\b", sentences[anchor], re.I):
        return anchor   # "Before she put the tray in the oven, she greased it": the step is in the event's sentence
    beside = anchor + step
    while doer and 0 <= beside + step < len(sentences) and abs(beside - anchor) < 3 and not re.search(
            rf"\b(?:{re.escape(doer.group(1))}|he|she|they|his|her|their)\b", sentences[beside], re.I):
        beside += step  # "What did Hana do after ...": "The room was silent." is no deed of hers
    return beside


def other_step(question: str, sentences: list[str], claim: str, said: str,
               embedder: Embedder | None = None) -> str | None:
    """For 'what happened (right) before / after EVENT': the step's sentence when the claim (found in `said`) is not
    that step: another step, the event told again, or one event where the event itself cannot be found; else None."""
    event = EVENT.search(question)
    step_at = beside_event(question, sentences, embedder) if event else None
    if step_at is None:
        return None
    in_event = covers(said, event[2], 0.6) or covers(said, event[2]) and re.search(r"\b(?:when|as soon as|once)\b",
                                                                                   said, re.I)
    if in_event and not covers(event[2], claim):
        return None   # the claim told in the event's own sentence: "When he sat down, the class clapped"
    # where the event is told: the step's own sentence ("Before she baked, she greased the tray"), else beside it
    told = next(s for s in (sentences[step_at], sentences[step_at + (1 if event[1].lower() == "before" else -1)])
                if covers(s, event[2]) or s is not sentences[step_at])
    unsure = not covers(told, event[2]) and len(claim_parts(claim)) < 2
    return sentences[step_at] if unsure or sentences[step_at] not in said else None


DOER = re.compile(r"\bwhat (?:did|does|do|will|would) ([A-Z][a-z]+|he|she|they)\b.*\bdo\b", re.I)
READER = {"you", "we", "i"}


# A question that names a part of the text ("by the end of the poem", "at first"): its answer is told there, whatever
# sentence elsewhere shares more of its words ("The fog came in..." opens a poem asked about its end).
ENDING = re.compile(r"\b(?:by|at|in|near|towards?) the (?:very )?end\b|\b(?:in|from|of) the (?:last|final) (?:"
                    r"(?:two|three|few) )?(?:lines?|stanzas?|paragraph|part|sentences?)\b|\bat last\b", re.I)
OPENING = re.compile(r"\bat (?:the )?(?:start|beginning)\b|\bat first\b|\bin the (?:first|opening) (?:lines?|stanza|"
                     r"paragraph|part)\b", re.I)


def asked_part(question: str, n: int) -> range | None:
    """The sentences of the part of the text a question names: its last or first third (two sentences at least)."""
    third = max(2, n // 3)
    if ENDING.search(question):
        return range(max(0, n - third), n)
    return range(0, min(n, third)) if OPENING.search(question) else None


def answer_sentence(kind: str, question: str, claim: str | None, sentences: list[str], ranked: list[tuple[float, int]],
                    embedder: Embedder | None = None) -> int:
    """The sentence holding the evidence, not the one that only shares the question's words: the step beside the
    event a sequence question names, the writer's answer to a counterclaim rather than the counterclaim (asked how
    the writer responds, or given an answer that agrees with it: pointing there backs the mistake up), and for a
    claim, not the sentence the claim was copied from when another of the best three holds words it lacks; asked
    for a counterclaim, the sentence giving what others argue; asked for evidence, a finding, not the claim."""
    part = asked_part(question, len(sentences))
    countered = ASKS_COUNTER.search(question) and [i for _, i in ranked if COUNTERCLAIM.search(sentences[i])]
    if countered:  # the counterclaim asked for is the answer, whatever sentence shares more of the question's words
        return countered[0]
    top = finding(question, sentences, ranked, kind_first(question, sentences, ranked, part))
    if kind in ("sequence", "detail"):
        beside = beside_event(question, sentences, embedder)
        top = top if beside is None else beside
    top = sentence_start(sentences, top)
    answer = rebuttal(sentences, top)
    if answer is not None and (RESPONDS.search(question) or claim):
        return answer
    if claim and kind in ("cause", "motive", "inference") and covers(claim, sentences[top], share=0.5):
        fresh = [i for _, i in ranked[1:3] if not covers(claim, sentences[i], share=0.35)]
        return fresh[0] if fresh else top  # "always played the same opening and always lost" is the mistake's source
    return past_premise(kind, question, sentences, ranked, top)


def sentence_start(lines: list[str], i: int) -> int:
    """The line a poem's sentence starts on: "a crooked line of tiny prints" goes on from "and found across the
    yard" and "In the morning I went out"; a pointer to a middle line reads as if the sentence began there."""
    while i > 0 and lines[i][:1].islower() and not lines[i - 1].rstrip(" \"'”").endswith((".", "!", "?")):
        i -= 1
    return i


def tells_more(question: str, sentence: str, most: int = 2) -> bool:
    """Does a sentence sharing the question's words tell more than `most` words beyond them ("For two hours nothing
    bit, and I almost gave up" for "Why did Maya almost give up?")? Then its own words answer, not a neighbour's."""
    return len(set(content_words(sentence)) - set(content_words(question))) > most  # "separated from cars": a reason


def reason_first(question: str, sentence: str, told_again: bool = False) -> bool:
    """Does a sentence tell its own reason: a first clause of new words before the event asked about ("For two hours
    nothing bit, and I almost gave up" for "Why did Maya almost give up?"), or only the question's time, not its
    event ("On Tuesday the trees were bending ..." for "Why did the kite fly on Tuesday?")? A sentence opening
    "So ..." tells an effect whose cause came before it. `told_again`: the sentence tells the event in other words."""
    parts = re.split(r",\s+(?:and|so)\s+", sentence, maxsplit=1)
    asked = set(content_words(question))
    first = len(parts) == 2 and len(set(content_words(parts[0])) - asked) >= 2 and \
        bool(asked & set(content_words(parts[1]))) and not BODY_OWNED.match(parts[0])  # a body's reaction: no reason
    event = told_again or len(asked & set(content_words(sentence))) >= 2  # "Ruby moved her seeds to ...": told again
    return not re.match(r"\W*(?:so|then|that's why)\b", sentence, re.I) and (first or not event)


REASON = re.compile(r"\b(?:because|since|so that|so|that's why|therefore)\b", re.I)


def reason_of_another(question: str, sentence: str) -> bool:
    """Does a sentence's "because" or "so" give the reason for another event than the one asked: it shares no word
    with the question before its moment ("when the tank was cloudy"), in any form ("I groaned, because I was ...")?"""
    main = re.split(r"(?i)\b(?:when|while|after)\b", question)[0]
    asked = {form for word, _ in content_tokens(main) for form in base_forms(word)}
    return bool(REASON.search(sentence)) and not any(base_forms(word) & asked for word, _ in content_tokens(sentence))


def past_premise(kind: str, question: str, sentences: list[str], ranked: list[tuple[float, int]], top: int) -> int:
    """For a why-question whose best sentence only tells what the question already says ("That night Marco didn't
    tell his family the news.", two words more at most), and whose neighbours give no reason, the best-ranked
    sentence within two of it that gives one (a "because", "so", a character's own words) and restates nothing:
    the reason is told there, not in the premise (a "so" across the story tells another moment's reason: "His mom was
    at work, so he had to walk" is no reason his face turned hot in class)."""
    idf = idf_weights(sentences)
    if kind not in ("cause", "motive") or overlap(content_words(question), sentences[top], idf) < 0.5 or \
            tells_more(question, sentences[top]):
        return top
    near = [i for i in (top - 1, top + 1) if 0 <= i < len(sentences) and CUES[kind].search(sentences[i])]
    gives = [i for _, i in ranked if 0 < abs(i - top) <= 2 and CUES[kind].search(sentences[i]) and not
             sentences[i].rstrip(" \"'”").endswith("?") and overlap(content_words(question), sentences[i], idf) < 0.5
             and not reason_of_another(question, sentences[i])]
    return gives[0] if gives and not near else top


def focus(sentences: list[str], top: int, question: str, kind: str) -> list[int]:
    """The sentences a move points to: the best one, plus a neighbour when it only restates the question: for a why,
    the one giving a reason, else the one before (a cause comes before its effect) unless its "because" is another
    event's; for a feeling the one after; a cause two away alone (a question, "Why is mine so weak?", gives none)."""
    # the event told in other words ("The kite sailed over the fence and disappeared") gives no reason either
    again = kind in ("cause", "motive") and not CUES[kind].search(sentences[top]) and retold(question, sentences[top])
    restates = (again or overlap(content_words(question), sentences[top], idf_weights(sentences)) >= 0.5) and not (
        reason_first(question, sentences[top], again) if kind in ("cause", "motive") else
        tells_more(question, sentences[top], most=3))
    if kind in ("cause", "motive", "inference") and restates and len(sentences) > 1:
        around = [i for i in (top - 1, top + 1) if 0 <= i < len(sentences)]
        cue = CUES[kind]  # the neighbour that gives a reason ("because", "so", their own words) before the nearer one
        if cue.search(sentences[top]):
            return sorted([around[0], top])
        reach = (1, 2) if kind == "cause" else (1,)  # "because", "so" name a reason; not a quote or a look
        gives = [i for d in reach for i in (top - d, top + d) if 0 <= i < len(sentences) and cue.search(sentences[i])
                 and not sentences[i].rstrip(" \"'”").endswith("?") and not reason_of_another(question, sentences[i])]
        if gives and abs(gives[0] - top) == 2:
            return [gives[0]]
        near = top if kind != "inference" and re.search(r"\b(?:because|since)\b", sentences[around[0]], re.I) and \
            reason_of_another(question, sentences[around[0]]) else around[0]  # another event's "because"
        return sorted({gives[0] if gives else near, top})
    who = re.match(r"\W*who\b", question, re.I)  # the person is named (or spoken to) where the deed is told
    if kind in ("feeling", "detail") and restates and not who and top + 1 < len(sentences):
        return [top, top + 1]
    return [top]


def covers(claim: str, sentence: str, share: float = 0.35) -> bool:
    """Does the claim say enough of the sentence (in any word forms) to be more than its topic ('a robot lab')?"""
    forms = {form for word, _ in content_tokens(claim) for form in base_forms(word)}
    words = [word for word, _ in dict.fromkeys(content_tokens(sentence))]
    return sum(bool(base_forms(w) & forms) for w in words) >= share * len(words)


def repeated_ideas(sentences: list[str], top: int = 2) -> list[str]:
    """The content words that come back in the most sentences: what a passage keeps talking about."""
    written = {w: word for s in reversed(sentences) for word, w in content_tokens(s)}  # a stem shown as a word
    counts = Counter(w for s in sentences for w in dict.fromkeys(content_words(s)) if len(w) >= 3)  # ties: in order
    return [as_written(written[w], sentences) for w, c in counts.most_common(top) if c >= 2]


def as_written(word: str, sentences: list[str]) -> str:
    """A word as the text writes it inside a sentence ("Lena", "volcanoes"), not lowered nor capitalised by a start."""
    inside = [m.group(0) for s in sentences for m in re.finditer(rf"(?i)(?<=\s)\b{re.escape(word)}\b", s)]
    return inside[0] if inside else next((m.group(0) for s in sentences
                                          for m in re.finditer(rf"(?i)\b{re.escape(word)}\b", s)), word)
