"""The frame a reading move takes from the kind of text and the form of the question: a main idea found across a
story's events or a poem's lines, in an article's lead, a theme in the ending's turn, a purpose in the writer's
request, an order in the time words; an article's main idea answered with one of its details (`one_detail`).
reading.py asks here before it points at one sentence.
"""
from __future__ import annotations

import re

from evidence import split_sentences
from text_words import content_words
from locate import read_units
from passages import REQUEST, TURN, body, is_story, letter_frame, repeated_ideas, time_word
from people import OPENERS, REFERS, actor, characters
from reading_verdict import WHOLE_ORDER
from sentence_questions import opening, up_to


# A news story opens on its dateline ("MAPLETON — ...") or reports a dated event that people are quoted about.
DATELINE = re.compile(r"^[A-Z][A-Z.' ]{2,}(?:,\s*[A-Z][A-Za-z.]+)?\s*(?:\([A-Za-z ]+\)\s*)?[—–-]{1,2}\s*\S")
DATED = re.compile(r"\b(?:yesterday|last (?:night|week|month)|this (?:morning|week)|overnight|"
                   r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")
# quoted by full name or office ("Mayor Dana Price said", "officials said"), as a report does and a story does not
REPORTED = re.compile(r"\b(?:according to|announced|reported|spokes(?:person|man|woman)|officials?)\b|"
                      r"\b[A-Z][a-z]+ [A-Z][a-z]+,? (?:said|says)\b|\b(?:said|says) [A-Z][a-z]+ [A-Z][a-z]+\b")
KINDS = ("story", "informational", "letter", "news", "poem")


def text_kind(passage: str) -> str:
    """What kind of text a passage is, once, for every frame to ask: a letter opens on a greeting, a poem is broken
    into lines, news opens on a dateline or a dated event someone is quoted on, a story follows a character; the rest
    is informational. A news report names people as a story does, so it is told apart first."""
    if letter_frame(read_units(split_sentences(passage), passage)):
        return "letter"
    title, sentences, where = body(passage)
    if where and " line " in where[0]:
        return "poem"
    lead_ = sentences[0] if sentences else ""
    if DATELINE.match(lead_) or title and DATED.search(lead_) and any(REPORTED.search(s) for s in sentences):
        return "news"
    return "story" if is_story(sentences) else "informational"


YEAR = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})s?\b")  # "In 1817", "the 1860s"


# Who a feeling is read from, when the question names no one: a letter's writer, a poem's speaker.
FEELER_OF = {"story": "the character", "letter": "the writer", "poem": "the speaker", "news": "the people",
             "informational": "the people"}


def whole_text(sentences: list[str], title: str | None) -> str:
    named = f"The title is \"{title}\". " if title else ""
    return (f"{named}The passage starts with \"{opening(sentences[0])}\" and ends with "
            f"\"{opening(sentences[-1])}\".")


def place(sentences: list[str], i: int, where: list[str]) -> str:
    """A sentence's place in the text: never ambiguous, never a word of the answer."""
    return where[i] if i < len(where) else f"sentence {i + 1} of the passage"


def structure_move(kind: str, question: str, sentences: list[str], keys: list[int], title: str | None,
                   where: list[str], genre: str = "informational") -> str | None:
    """The question-type move that depends on the text's kind and structure (a story's or poem's whole run, an
    article's lead, a news lead, the ending's turn, a request, time words); None when the text has no such sentence."""
    if kind == "main_idea" and genre in ("story", "poem", "letter"):  # a story's main idea is in no one sentence
        ideas = repeated_ideas(sentences)
        again = f" Which idea keeps coming back ({', '.join(ideas)})?" if ideas else ""
        look = "what the writer most wants the reader to know" if genre == "letter" else \
            "what happens from the start to the end"
        return (f"To find a {genre}'s main idea, look at {look}. "
                f"{whole_text(sentences, title)}{again} Putting those together, what is the {genre} mostly about?")
    if kind == "main_idea" and genre == "news" and keys:  # the lead carries the news; the rest adds details and quotes
        named_title = f" The headline, \"{title}\", is a clue too." if title else ""
        return (f"In a news article the first sentence, the lead, tells the biggest news: what happened, to whom, "
                f"where and when; the rest adds details and quotes.{named_title} Read "
                f"{place(sentences, keys[0], where)}: what happened, and who is it about?")
    if kind == "main_idea" and keys:
        also = f", and {place(sentences, keys[1], where)}, which sums up," if len(keys) > 1 else ""
        named_title = f" The title, \"{title}\", is a clue too." if title else ""
        ideas = repeated_ideas(sentences)
        again = f" Which idea keeps coming back ({', '.join(ideas)})?" if ideas and not title else ""
        start = "at the start" if keys[0] == 0 else "near the start, once the opening has set the scene"
        says = "do they" if also else "does it"
        return (f"In an article or an informational text the main idea usually comes {start}, and the other "
                f"sentences give details about it.{named_title} Read {place(sentences, keys[0], where)}{also} "
                f"closely: what {says} say the whole text is about?{again}")
    if kind == "theme" and genre == "poem" and keys:  # a poem's theme: what its pictures add up to at its end
        subject = f" about {title.lower()}" if title and re.match(r"(?:The|A|An) ", title) else ""
        ending = up_to(sentences[keys[0]], TURN) or opening(sentences[keys[0]], max_words=5)
        quoted = f", \"{ending}\"" if ending else ""
        return (f"A poem's theme is the idea about life that its pictures add up to. Read "
                f"{place(sentences, keys[0], where)}{quoted}: what does the speaker say{subject} there, compared with "
                f"the first lines? What could that say about people or life?")
    if kind == "theme":  # who changes is the one acting at the turn; with no turn, ask what the ending shows
        poem = genre == "poem"
        turned = TURN.search(sentences[keys[0]])
        before = sentences[keys[0]][:turned.start()].strip() if turned else ""
        unnamed = re.fullmatch(r"(?:The|A|An) (?:\w+ ){0,2}\w+", before)  # "The broken pine finally understood"
        named_ = re.fullmatch(rf"(?!{OPENERS}\b)(?:[A-Z][a-z]+ )?[A-Z][a-z]+", before)  # "Dev decided": Dev changes
        who = "the speaker" if poem else (named_ and before) or actor(sentences, keys[0]) or (
            unnamed and before[0].lower() + before[1:])
        turn = up_to(sentences[keys[0]], TURN) or opening(sentences[keys[0]], max_words=5)
        quoted = f", \"{turn}\"" if turn else ""
        if who and (poem or turned):
            return (f"A theme comes from what a character learns or how they change. Read "
                    f"{place(sentences, keys[0], where)}{quoted}: what does {who} understand or do differently at "
                    f"the end, compared with the start? What lesson could that be for anyone?")
        done = f"what does {who} do there, and why" if who else "what happens there"
        return (f"A theme comes from what the characters do and what happens because of it. Read "
                f"{place(sentences, keys[0], where)}{quoted}: {done}? What lesson could that be for anyone?")
    if kind == "purpose" and (genre == "news" or genre == "informational" and not keys):  # no request of the reader
        lead_ = place(sentences, 0, where)
        report = "report what happened and what people said" if genre == "news" else "explain how something works"
        return (f"Does the writer give their own opinion or ask you to do something anywhere, or do they {report}? "
                f"Read {lead_} and skim the rest: which is it, and what does that make the purpose?")
    if kind == "purpose" and keys:
        asks = up_to(sentences[keys[0]], REQUEST)
        quoted = f", \"{asks}\"" if asks else ""
        return (f"A writer's purpose shows in what they ask the reader to do or think. Read "
                f"{place(sentences, keys[0], where)}{quoted}: what does the writer want the reader to do, and why?")
    dates = [m.group(0) for s in sentences for m in YEAR.finditer(s)]
    if kind == "sequence" and len(set(dates)) >= 2 and WHOLE_ORDER.search(question):  # a history's order: its dates
        return (f"This passage gives its order by dates: {', '.join(dict.fromkeys(dates))}. Which date comes "
                f"earliest, and what happened then? Then go to the next date.")
    told = {time_word(sentences[i]).lower() for i in keys}  # "When ... When ...": a condition twice, no order
    if kind == "sequence" and len(keys) >= 2 and len(told) >= 2 and WHOLE_ORDER.search(question):
        words = ", ".join(f"\"{time_word(sentences[i])}\"" for i in keys)
        return (f"The passage marks its order with time words: {words}. Start at {place(sentences, keys[0], where)}, "
                f"which begins with \"{time_word(sentences[keys[0]])}\": what happens there, and what comes after it?")
    return None


def one_detail(claim: str, kind: str, genre: str, sentences: list[str], keys: list[int], where: list[str]) -> str:
    """An article's main idea answered with one of its details ("beavers have sharp teeth"): the answer's own words
    (those the passage does not repeat) are all told in one sentence, not the lead. The student is sent from that one
    sentence to what most sentences are about, and to the lead; "" for any other answer or text."""
    if kind != "main_idea" or genre not in ("informational", "news") or not keys:
        return ""
    told = [set(content_words(s)) for s in sentences]
    said = set(content_words(ABOUT_LEAD.sub("", claim)))  # "main idea is that ...": the words after the lead-in
    own = {w for w in said if sum(w in t for t in told) == 1}
    held = [i for i, t in enumerate(told) if own and own <= t]
    if len(held) != 1 or held[0] in keys[:1] or len(said - set().union(*told)) > 1:
        return ""
    lead_ = place(sentences, keys[0], where)
    ask = ("In a news article the first sentence, the lead, gives the big news: what does it say happened?"
           if genre == "news" else f"What are most of the sentences about? Read {lead_}: does it say that?")
    return f"That is one detail, told only in {place(sentences, held[0], where)}. {ask}"


# the words a student puts before their main idea: "main idea is that", "its mostly about"
ABOUT_LEAD = re.compile(r"^\W*(?:i think\s+)?(?:the\s+)?(?:main (?:idea|point)\s+(?:is|was)|(?:it'?s|it is|its)"
                        r"(?:\s+mostly)?\s+about)\s+(?:that\s+)?", re.I)


# someone a sentence tells of without a name: a pronoun, or a word for people
SOMEONE = re.compile(r"\b(?:i|we|you|they|me|us|them|my|our|their|people|persons?|kids?|child(?:ren)?|students?|"
                     r"workers?|friends?|family|families|crowds?|neighbou?rs?|fans|visitors|scientists?|farmers?|"
                     r"players?|teams?|class|citizens|residents|everyone|someone|nobody|(?:wo)?m[ae]n|boys?|girls?)\b",
                     re.I)


def felt_frame(point: str, who: str, sentence: str, sentences: list[str]) -> str:
    """The ask for a feeling at the line pointed at: what someone does or says there when it tells of someone
    (a name, a pronoun, a word for people); where it tells only of things or facts ("The dam held back the river"),
    asking what "the people" do there asks about no one, so the words showing a feeling, and whose it is, are asked;
    a line told by "I" or "we" is the writer's."""
    named = any(re.search(rf"\b{re.escape(name)}\b", sentence) for name in characters(sentences))
    who = "the writer" if who == "the people" and re.search(r"\b(?:I|me|my|we|us|our)\b", sentence, re.I) else who
    if named or REFERS.search(sentence) or SOMEONE.search(sentence):
        many = who == "the people" or who.lower().startswith("the ") and who.endswith("s")  # "the families"
        return f"Look at {point}. What {'do' if many else 'does'} {who} do or say there, and what feeling does " \
               f"that show?"
    return f"Look at {point}. Which words there show a feeling, and whose feeling is it?"

