"""Questions built from a passage sentence's own words, for a reading move that must not fit any other passage.

A wrong or unsupported answer is met with a question the pointed sentence answers ("What did his mother say about
the old trumpet?", "What happened to his lips by the end of the month?", "What does the fluffing do?"), never with a
frame that pastes the student's words into a slot ("Which of its words say "crowded", or mean the same?"), which
asks for something the passage does not hold. Each builder returns None when the sentence does not parse cleanly:
the caller then keeps its own question rather than risk a garbled one.
"""
from __future__ import annotations

import re

from evidence import Move, Verdict
from text_words import STOP, base_forms, content_tokens, content_words
from locate import BODY_CUE, PLACE, SAYS, SPEAKER, edge_item, later_step, said_line, speaker, weak_support
from passages import answer_sentence, classify_question, idf_weights, overlap, rank_sentences, reaction_to_event
from people import actor, characters, people, places_named

DETERMINER = r"(?:the|a|an|his|her|its|their|our|my|some|many|most|all|every|each|this|these|those)"
PAST = (r"was|were|had|could|couldn't|did|didn't|got|went|came|ran|froze|fell|saw|knew|kept|grew|made|took|left|"
        r"found|held|gave|told|said|began|became|stood|sat|ate|broke|brought|caught|built|felt|heard|lost|met|paid|"
        r"put|read|sent|set|shook|spent|stuck|swam|threw|won|wore|wrote|hid|dug|flew|drew|drank|rode|rang|sang|spoke|"
        r"stole|swept|tore|woke|chose|bit|blew|fed|fought|hung|led|lit|slid|spun|\w+ed")
PRESENT = (r"is|are|has|have|can|cannot|can't|do|does|doesn't|don't|gets?|keeps?|falls?|grows?|traps?|stays?|lives?|"
           r"makes?|takes?|goes|comes?|runs?|freezes?|sees?|knows?|needs?|uses?|helps?|points?|turns?|holds?|gives?|"
           r"eats?|builds?|carries|carry|flies|fly|swims?|lays?|looks?|seems?|becomes?|protects?|stores?|hides?|"
           r"digs?|lets?|moves?|spends?|sleeps?|feeds?|finds?|brings?|shows?|covers?|blocks?|melts?|dries|dry")
VERB = re.compile(rf"^(?:{PAST}|{PRESENT})$", re.I)
MODAL = re.compile(r"^(?:would|will|wouldn't|won't|should|might|must|not|never)$", re.I)
BE = re.compile(r"^(?:is|are|was|were)$", re.I)
STATE = re.compile(r"^(?:got|gets?)$", re.I)  # what happens to it, not a deed
ABLE = re.compile(r"^(?:could|couldn't|can|cannot|can't)$", re.I)
HAVE = re.compile(r"^(?:has|have|had)$", re.I)
PRONOUN = re.compile(r"^(?:he|she|it|they|we|i|you|there|this|that|nothing|nobody|everyone|everybody|someone|"
                     r"somebody|something|everything|no one|here|inside|outside|above|below|beneath|behind|beside|"
                     r"nearby|upstairs|downstairs)$", re.I)  # "What did nothing do?", "Inside were seeds": no doer
TIME = re.compile(r"^(?P<time>(?:in|on|at|by|during|after|before|every|each|until|one|that|high|low|out|later)\b"
                  r"[^,]{0,40}),\s+", re.I)  # "By the end of the month, ", "High in the hills, "
INNER_TIME = re.compile(rf"^(?P<time>(?:in|on|at|by|during|after|before|every|each)\s+(?:the\s+)?\w+)\s+"
                        rf"(?={DETERMINER}\b)", re.I)  # "by summer the sun ..."
CONNECTOR = re.compile(r"^\W*(?:(?:but|and|so|then|instead|still|finally|however|yet|also|soon|now)\b,?\s*)+", re.I)
CLAUSES = re.compile(rf",?\s+(?:and|but|so|while)\s+(?={DETERMINER}\b|[A-Z]|(?:in|on|at|by)\s)|;\s+")
SPEECH = re.compile(r"^(?:[^,\"“]*?,\s+)?(?P<who>(?:Mr|Mrs|Ms|Dr|Miss)\.? [A-Z][a-z]+|[A-Z][a-z]+(?: [A-Z][a-z]+)?|"
                    r"(?:His|Her|Their|The|My|Our) [a-z]+)\s+(?P<verb>said|says|told|tells|explained|explains|warned|"
                    r"warns|promised|answered|replied)\b(?:\s+(?:him|her|them|us|me))?\s+(?:that\s+)?(?P<rest>.+)")
LINE_SAID = re.compile(r"[\"“][^\"”]{3,}[\"”],?\s+(?P<who>(?:(?:his|her|their|the|my|our)\s+)?[A-Z]?[a-z]+|"
                       r"[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+"
                       r"(?P<verb>said|says|asked|asks|shouted|whispered|answered|replied|called|added)\b")
OBJECT = re.compile(rf"\b{DETERMINER}\s+(?:[a-z'-]+\s+){{0,2}}?[a-z'-]+(?=\s+(?:if|by|to|in|on|at|for|with|was|were|"
                    r"is|are|got|had|could|would|and|but|that|of|near|from|all|every|\w+ed)\b|[,.;!?]|$)")
# nouns that, after a determiner, make an adverb ("all the way", "every morning", "a lot"), not a thing talked about
ADVERBIAL = re.compile(r"^(?:way|time|times|lot|bit|while|rest|end|day|days|night|nights|morning|mornings|evening|week|"
                       r"weeks|month|months|year|years|summer|winter|spring|fall|moment|minute|minutes|hour|hours)$")
PLACE_WORDS = r"\b(?:from|to|in|on|at|by|into|onto|for|with|of|near|under|over|across|through|since|until)\s*$"
PLURAL_ALWAYS = {"sheep", "people", "children", "geese", "mice", "fish", "deer", "men", "women", "feet", "teeth"}


def told_at(event: re.Match, step: int, count: int) -> int:
    """The sentence telling the event a before/after question names, beside the step pointed at (`step`): the one
    just before it for "after", just after it for "before"."""
    return max(0, min(count - 1, step - 1 if event.group(1).lower() == "after" else step + 1))


def found_event(event: str, sentences: list[str] | None = None, told: int | None = None) -> str:
    """Where to look for the moment a before/after question names: an event is "told" ("Find where the passage tells
    "Aunt Rosa lit the candles""), a bare thing is only found ("Find "the square" in the passage"); an event in the
    student's own words ("after the coach sees her") is no quote of the passage: the sentence telling it is named by
    how it begins ("In high school she became...")."""
    event = event.strip(" ?.")
    asked = [base_forms(w) for w, _ in content_tokens(event)]
    said = [{f for w, _ in content_tokens(s) for f in base_forms(w)} for s in sentences or []]
    if sentences and asked and not any(all(forms & line for forms in asked) for line in said):
        told = rank_sentences(event, sentences)[0][1] if told is None else told
        begins = opening(sentences[told], event)  # up to a word the event does not name: the step is not read out
        if len(begins.rstrip(".").split()) >= 2:
            return f"Find the sentence that begins \"{begins}\""
        unit = "sentence" if sum(s.rstrip(" \"'”").endswith((".", "!", "?")) for s in sentences) * 2 >= len(
            sentences) else "line"  # a poem's lines end without a stop
        if told < len(ORDINALS):   # the moment said in the student's words, unquoted: where, not what it says
            moment = re.sub(r"\s+in the (?:poem|story|passage|text|article|letter)$", "", event, flags=re.I)
            where = f", where {moment}" if len(moment.split()) >= 3 else ""
            return f"Find the {ORDINALS[told]} {unit} of the passage{where}"
    if re.match(r"(?i)(?:the|a|an|his|her|their|its|my|your)\s", event) and len(event.split()) <= 4:
        return f"Find \"{event}\" in the passage"
    return f"Find where the passage tells \"{event}\""


def opening(sentence: str, question: str = "", max_words: int = 6) -> str:
    """How a sentence begins, to point at it without reading the answer out: up to a comma or `max_words` words,
    and, given the question, only up to the first content word the question does not name (in any of its forms):
    "The queen ant lays the eggs." opens "The queen ant..." for "What does the queen ant do?"."""
    words = sentence.strip(" \"'“”").split()
    head = re.split(r"[,;:]", sentence.strip(" \"'“”"), maxsplit=1)[0].split()
    head = (head if len(head) >= 4 else words)[:max_words]  # "Still, ..." alone does not say which sentence
    if question:
        asked = {form for word, _ in content_tokens(question) for form in base_forms(word)}
        fresh = [i for i, w in enumerate(head) if any(not base_forms(t) & asked for t, _ in content_tokens(w))]
        head = head[: fresh[0]] if fresh else head
        while head and not content_tokens(head[-1]):  # "The queen ant..." rather than "The queen ant the..."
            head = head[:-1]
    return " ".join(head) + ("..." if len(words) > len(head) else "")


def up_to(sentence: str, cue: re.Pattern) -> str:
    """A sentence quoted up to its cue and the words naming who ("From then on, the fox...", "So please..."): says
    which sentence and what kind, never what is learned or asked for (that follows the cue)."""
    found = cue.search(sentence)
    if not found:
        return ""
    head, rest = sentence[:found.end()], sentence[found.end():].split()
    while rest:
        word = rest[0].lower().strip(",;")
        names_who = word in STOP or cue.match(rest[0]) or head.split()[-1].lower() in ("the", "a", "an", "his", "her")
        if word in ("that", "to") or (word and not names_who):  # what follows "understood that" is the lesson itself
            break
        head, rest = (f"{head} {rest[0]}" if word else head + rest[0]), rest[1:]
    return head.rstrip(",;") + ("..." if rest else "")


def subject_of(clause: str) -> tuple[str, str, str] | None:
    """(noun phrase, verb, next word) that open a clause: "the different clocks caused ..." -> ("the different
    clocks", "caused", "missed"); the shortest phrase that a known verb follows, so no verb is taken into it."""
    words = clause.split()
    starts_named = bool(words) and words[0][:1].isupper() and not re.match(DETERMINER + "$", words[0], re.I)
    first = 1 if re.match(DETERMINER + "$", words[0] if words else "", re.I) else 0
    for end in range(first + 1, min(first + 4, len(words))):
        verb = words[end].strip(",.;!?")  # never a name ("the northern United States"): a verb is lower case
        phrase = " ".join(words[:end])
        if not verb[:1].islower():
            continue
        noun = words[first:end]  # every word of it a content word: never "When light", "The next morning he"
        if not VERB.match(verb) or not re.fullmatch(r"[A-Za-z' .-]+", phrase) or \
                len(content_words(" ".join(noun))) != len(noun) or any(PRONOUN.match(w) for w in noun):
            continue
        if first or starts_named or end <= 2:  # "rain falls", "fresh grass keeps": a bare noun of two words at most
            return phrase, verb, (words[end + 1] if end + 1 < len(words) else "").strip(",.;!?")
    return None


def asked_form(phrase: str, sentences: list[str]) -> str:
    """A phrase as it reads inside a question: "The fluffing" -> "the fluffing", "Ice" -> "ice" when the text writes
    it so elsewhere, "Tired students" and "Farmers" too (a word before a lowercase noun, a plural); a name ("Mr.
    Oduya", "Grandma", "Omar's", "Jonas") stays; a first-person teller's "my grandmother" is "the narrator's"."""
    told = re.sub(r"(?i)^(?:my|our)\s+", "the narrator's ", phrase)  # "my grandmother" is no tutor's grandmother
    if told != phrase:
        return told
    words = phrase.split()
    head = words[0]
    named = any(re.search(rf"(?<=[a-z,] ){re.escape(head)}\b", s) for s in sentences)  # "... called Biscuit"
    described = len(words) > 1 and words[1][:1].islower() and not head.endswith(("'s", "’s", "."))
    common = re.match(DETERMINER + "$", head, re.I) or described or re.search(r"[^aiu's]s$", head) or \
        any(re.search(rf"\b{re.escape(head.lower())}\b", s) for s in sentences)
    return phrase[0].lower() + phrase[1:] if common and not named else phrase


def plural(phrase: str) -> bool:
    last = phrase.split()[-1].lower()
    return last in PLURAL_ALWAYS or (last.endswith("s") and not last.endswith("ss"))


def talked_about(phrase: str, before: str) -> bool:
    """Is a phrase found in told speech a thing it is about, its clause's subject or object ("the storm", "the old
    trumpet"), not a place or time after a preposition ("from the coast") nor an adverb built like a noun phrase ("all
    the way", "every morning", "a lot")?"""
    words = phrase.split()[1:]
    return not re.match(DETERMINER + "$", words[0], re.I) and not ADVERBIAL.match(words[-1].lower()) and \
        len(content_words(" ".join(words))) == len(words) and not re.search(PLACE_WORDS, before)


def said_question(sentence: str, question: str, sentences: list[str], i: int) -> str | None:
    """Told speech ("His mother said he could only borrow the old trumpet if ...") -> "What did his mother say about
    the old trumpet?"; a quoted line ("'I was the last one in,' he said") -> what the speaker says there."""
    told = SPEECH.match(sentence)
    if told:
        past = told.group("verb").endswith("ed") or told.group("verb") in ("said", "told")
        rest = told.group("rest")
        about = next((m.group(0) for m in OBJECT.finditer(rest) if talked_about(m.group(0), rest[:m.start()])), "")
        who = asked_form(told.group("who"), sentences)
        topic = f" about {asked_form(about, sentences)}" if about else ""
        return f"What {'did' if past else 'does'} {who} say{topic}?"
    line = LINE_SAID.search(sentence)
    if line:
        who = line.group("who")
        asked = re.findall(r"(?<=\s)[A-Z][a-z]+\b", question)  # "Why did Sam raise his hand?": he is Sam
        # "she said" stays "she": the sentence pointed at names her, and the last name before it may be one spoken
        # to ("They're for my horse, Pepper.") or another speaker; "I" and "we" read wrong in a question, so named
        third = re.fullmatch(r"(?i)he|she|they", who)
        who = who.lower() if third else (actor(sentences, i) or (asked[0] if len(asked) == 1 else who)) \
            if PRONOUN.match(who) else who
        if PRONOUN.match(who) and not third:
            return None
        past = line.group("verb").endswith("ed") or line.group("verb") in ("said", "asked")
        who = who if third else asked_form(who, sentences)
        return f"What {'did' if past else 'does'} {who} say there, and what does that tell you?"
    return None


def new_clause(sentence: str, question: str) -> str:
    """The clause of a sentence that tells most the question does not already say."""
    asked = set(content_words(question))
    clauses = [c for c in CLAUSES.split(CONNECTOR.sub("", sentence).rstrip(" .!?")) if c.strip()]
    return max(clauses, key=lambda c: len(set(content_words(c)) - asked), default=sentence)


TIME_ASKED = re.compile(r"^\W*(?:when|what (?:time|day|month|year|season)|(?:on )?which (?:days?|months?|years?))\b",
                        re.I)


def sentence_question(sentence: str, question: str, sentences: list[str]) -> str | None:
    """A question that this sentence answers in its own words and that tests the student's answer against it:
    "What happened to the river in winter?", "What does the fluffing do?", "What did Mr. Oduya say about the bed?".
    None when it does not parse into one."""
    i = sentences.index(sentence) if sentence in sentences else 0
    said = said_question(sentence, question, sentences, i)
    if said:
        return said
    if re.search(r"[\"“]", sentence):  # a line of speech, not told as speech: no subject to ask about
        return None
    words = sentence.split()
    if not re.search(r"[.!?]\W*$", sentence) and 2 * sum(w[:1].isupper() for w in words) > len(words):
        return None  # a heading ("Let Teens Sleep") tells no deed
    body = CONNECTOR.sub("", sentence.strip())
    lead = TIME.match(body)
    # "One Tuesday the oven would not heat up, so ..." opens with a clause, not a time: no time to ask about
    lead = None if lead and any(VERB.match(w) or MODAL.match(w) for w in lead.group("time").split()[1:]) else lead
    time = lead.group("time") if lead else ""
    clause = CONNECTOR.sub("", new_clause(body[lead.end():] if lead else body, question))
    inner = INNER_TIME.match(clause)
    if inner:
        time, clause = inner.group("time"), clause[inner.end():]
    parsed = subject_of(clause)
    if not parsed or PRONOUN.match(parsed[0]):
        return None
    phrase, verb, then = parsed
    # the time is the answer to "When ...?", "What day ...?": never said in the question that tests it
    who, when = asked_form(phrase, sentences), f" {time[0].lower()}{time[1:]}" if time and not TIME_ASKED.search(
        question) else ""
    past = bool(re.fullmatch(PAST, verb, re.I))
    if set(phrase.split()) & places_named(sentences):  # "Houston felt loud": a place does nothing, it is told of
        return f"What does it say about {who}{when}?"
    if BE.match(verb) or HAVE.match(verb) and not re.fullmatch(PAST, then, re.I):  # "its fur is", "they had no"
        return f"What does it say about {who}{when}?"
    if ABLE.match(verb):  # "the boat could not move" -> "What couldn't the boat do in winter?"
        denied = verb.lower() in ("couldn't", "cannot", "can't") or then.lower() == "not"
        can = ("could" if verb.lower().startswith("could") else "can") + ("n't" if denied else "")
        return f"What {can} {who} do{when}?"
    if STATE.match(verb):
        return f"What {'happened' if past else 'happens'} to {who}{when}?"
    does = "did" if past else "do" if plural(phrase) else "does"
    return f"What {does} {who} do{when}?"


def fresh_sentence(shown: list[str], question: str, sentences: list[str]) -> str:
    """Of the sentences a move points to, the one that tells most the question does not already say (a why-question's
    reason rather than the event it restates)."""
    idf = idf_weights(sentences)
    return min(shown, key=lambda s: overlap(content_words(question), s, idf))


CLUE_SPLIT = re.compile(r",\s+(?=but\b|and\b|so\b|because\b)|\s+(?=(?:that|when|because|until|so)\s+"
                        rf"(?:{DETERMINER}|[A-Z]\w*|he|she|they|it|we|I)\b)")


def clue_for(term: str, context: str, sentences: list[str]) -> str | None:
    """The words beside a word asked about that test a guess at its meaning: the other part of its sentence ("a
    corner snapped off when Ms. Park unfolded it" for "so brittle that ..."), else the sentence after it, else the
    one before (Ruby moved her seeds to the sunny corner: the bed "got shade")."""
    parts = [p.strip(" ,.;!?") for p in CLUE_SPLIT.split(context)]
    k = next((k for k, p in enumerate(parts) if term.lower() in p.lower()), None)
    sides = [" ".join(parts[k + 1:]), " ".join(parts[:k])] if k is not None else []
    others = [re.sub(r"(?i)^(?:that|and|so)\s+", "", s) for s in sides if len(s.split()) >= 4]
    # no clause break: a comma phrase after it in its own sentence ("grooming, blowing air into their fur") tests it
    # before a neighbouring sentence, which may be about something else ("They float on their backs"); a phrase
    # before it is mostly a time or a place ("That evening at seven, ...")
    commas = [p.strip(" .!?") for p in context.split(",")]
    at = next((k for k, p in enumerate(commas) if term.lower() in p.lower()), len(commas))
    others = others or [p for p in commas[at + 1:] if len(p.split()) >= 4]
    if others:
        return others[0]
    i = sentences.index(context) if context in sentences else -1
    near = [sentences[j] for j in (i + 1, i - 1) if i >= 0 and 0 <= j < len(sentences)]
    return near[0].rstrip(" .!?") if near else None


SPOKEN_ASK = re.compile(r"\b(?:does|did|do|would)\s+(?P<who>[A-Z][\w.]*(?:'s \w+| [A-Z][a-z]+)?|the \w+|his \w+|"
                        r"her \w+)\s+"
                        r"(?P<verb>ask|say|tell|shout|yell|whisper|call|answer|reply|cry)\b", re.I)
VERB_FORMS = {"say": ("says", "said"), "tell": ("tells", "told"), "cry": ("cries", "cried"),
              "reply": ("replies", "replied")}


def quoted_line(question: str, sentences: list[str]) -> tuple[str, int] | None:
    """The spoken line a question quotes ("Why does Tess ask "How do you work so quickly?"") and the sentence that
    holds it: asked about, it is the situation around it, not the line, that answers."""
    for line in re.findall(r"[\"“]([^\"”]{6,}?)(?:[\"”]|$)", question):  # a question cut at the line's "?"
        said = line.strip(" ?!.,").lower()
        held = [i for i, s in enumerate(sentences) if said in s.lower() and re.search(r"[\"“]", s)]
        if said and held:
            return line.strip(), held[0]
    return None


def spoken_verb(question: str) -> tuple[str, str, str] | None:
    """(speaker, verb as the question's tense says it, the verb itself): "Why did Coach Bell ask ..." ->
    ("Coach Bell", "asked", "ask")."""
    asked = SPOKEN_ASK.search(question)
    if not asked:
        return None
    verb = asked.group("verb").lower()
    now, then = VERB_FORMS.get(verb, (f"{verb}s", f"{verb}ed"))
    return asked.group("who"), then if question[asked.start():].lower().startswith("did") else now, verb


NUMBER = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
          r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?|hundred|"
          r"thousand|dozen|half)")
TIME_WORD = (rf"{NUMBER}\s+(?:o'clock|minutes?|hours?|days?|weeks?|months?|years?)|\b(?:at|by|until)\s+{NUMBER}\b|"
             r"\b(?:since|until|in|on|"
             r"by)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|"
             r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|spring|summer|fall|autumn|winter)\b")
# what each kind of question asks for, as a sentence would tell it: a place, a time, a number, a reason
TELLS = [(r"^\W*where\b", PLACE),
         (r"^\W*how long\b", rf"{NUMBER}\s+(?:minutes?|hours?|days?|nights?|weeks?|months?|years?)"),
         (r"^\W*(?:when|what time|what day|what month)\b", TIME_WORD),
         (r"^\W*how (?:many|much)\b", rf"\b{NUMBER}\b"),
         (r"^\W*why\b", r"\b(?:because|since|so that|in order to)\s+(?:[\w'-]+\s+){0,3}[\w'-]+")]
# what a deed is for, closing its sentence ("... huddle in a tight ball to stay warm."); a "to" before an article or a
# pronoun is a place or a person, no purpose ("went to the lake")
PURPOSE_END = re.compile(r"\bto\s+(?!(?:the|a|an|my|his|her|their|our|its|your|this|that|these|those|them|him|me|us|"
                         r"it|school|bed|town|work)\b)(?P<purpose>[a-z]+(?:\s+[\w'-]+){0,3})\W*$")


def tells_asked(question: str, sentence: str) -> bool:
    """Does this sentence alone tell what the question asks, a place for "where", a time for "when", a number for "how
    many", a reason for "why" (or the asked deed's purpose closing it), in words the question does not hold ("The
    power was out for two days" for "How long was the power out?")? Then a move points to it alone, not to its
    neighbour as well."""
    asked = set(re.findall(r"[\w'-]+", question.lower()))
    purpose = PURPOSE_END.search(sentence) if re.match(r"\W*why\b", question, re.I) else None
    words = set(content_words(question))
    if purpose and words & set(content_words(sentence)) and set(content_words(purpose.group("purpose"))) - words:
        return True  # the deed asked about, and what it is for in words of its own ("opened her mouth to yell": none)
    end = re.search(r"\b(from|to|into)\W*$", question, re.I)  # "Where had they come from?": a place they left
    return any(re.search(ask, question, re.I) and any(
        m.group(0).split()[-1].lower() not in asked and (not end or m.group(0).lower().startswith(end.group(1).lower()))
        for m in re.finditer(told, sentence, re.I)) for ask, told in TELLS)


ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
LABEL = re.compile(r"^\W*(?:passage|text|story|poem|question|q)\s*[:.-]\s*", re.I)


def reading_hint(sentences: list[str], asked: str, level: int) -> str:
    """The reading hint ladder, climbing with the words of the sentence the question points to, never a list of the
    question's keywords ("The question is about "fox" and "run"..." fits every passage): 1 a question that sentence
    answers in its own words ("What did a dog do?"), else what it tells beyond the question; 2 the question's first
    word as that sentence writes it, and what comes just after it (else what it tells about the question's "why"); 3
    that sentence said back in the student's words and tested against the question."""
    question = LABEL.sub("", asked).strip()
    told = [LABEL.sub("", s) for s in sentences if s != asked and not s.rstrip(" \"'”").endswith("?")]
    if not told:  # never the question quoted inside a question ("which word in "why did ..." matters most?")
        return "Read the question once more: which word in it matters most?"
    kind = classify_question(question)  # the sentence reading's first pointer chose, found the same way
    reaction = reaction_to_event(question, told) if kind == "feeling" else None
    top = answer_sentence(kind, question, None, told, rank_sentences(question, told, kind=kind)) \
        if reaction is None else reaction
    near = [i for i in (top, top - 1, top + 1) if 0 <= i < len(told) and tells_asked(question, told[i])]
    i = near[0] if near else top  # the best, or the one beside it that tells alone what is asked
    begins = opening(told[i], question)
    shared = sum(s.strip(" \"'“”").startswith(begins.rstrip(".")) for s in told) > 1  # "The goat..." twice
    where = (f"the sentence that begins \"{begins}\"" if len(begins.split()) >= 2 and not shared and not
             re.search(r"[\"“”]", begins) else  # a line of speech inside our quotes reads garbled
             f"the {ORDINALS[i]} sentence of the passage" if i < len(ORDINALS) else f"sentence {i + 1} of the passage")
    built = sentence_question(told[i], question, told)
    if level <= 1:
        # no question of its own words: the student's own question, asked of that one sentence, still says where
        return f"Look at {where}. {built or 'Which words in it answer the question?'}"
    asked_forms = {form for word, _ in content_tokens(question) for form in base_forms(word)}
    words = told[i].split()
    anchors = [k for k, w in enumerate(words[:-2]) if any(base_forms(t) & asked_forms for t, _ in content_tokens(w))]
    if level <= 2 and anchors:  # the question's word as the sentence writes it, with words after it to read
        return (f"In {where}, read the words that come right after \"{words[anchors[0]].strip(',;:')}\". What do "
                f"they tell you?")
    wh = re.match(r"\W*(how long|how many|how much|what time|why|where|when|who)\b", question, re.I)
    if level <= 2 and wh:  # the sentence has no word of the question to read on from: ask for its answering words
        return f"What does {where} tell you about the question's \"{wh.group(1).lower()}\"?"
    return f"Say {where} in your own words. Does what it tells answer the question?"


WHY_ASKED = re.compile(r"^\W*why\s+(?:did|does|do|was|were|is|are)\s+(?P<rest>[^?]+?)\W*$", re.I)
ABOUT_ASKED = re.compile(r"\b(?:show|tell|say)s?\s+(?:you\s+|us\s+)?about\s+(?P<who>[A-Z][a-z]+)\b")
NAMED = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+){1,2}(?:named|called)\s+(?P<name>[A-Z][a-z]+)")
GIVES_REASON = re.compile(r"\b(?:because|since|so|so that|in order to)\b", re.I)
TOLD_BY = re.compile(r"(?:^|(?<=,\s))(?:he|she)\b(?!')", re.I)


def named_sentence(sentence: str, sentences: list[str], i: int) -> str:
    """A sentence with who acts named: "A girl named Ivy waved ..." -> "Ivy waved ...", "Before the race, he
    practiced ..." -> "Before the race, Omar practiced ..." (the one acting in the sentences before it), so that
    a question of its own words asks about a person, not "a girl" nor "he"."""
    sentence = NAMED.sub(lambda m: m.group("name"), sentence)
    who = actor(sentences, i)
    titled = re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? {who}\b", " ".join(sentences)) if who else None
    who = titled.group(0) if titled else who  # "Mrs. Ortiz", as the story names her
    told = TOLD_BY.search(sentence)
    if not who or not told or people(sentences).get(who) != told.group(0).lower():
        return sentence  # "she" of a sentence whose actor is a "he" is someone else
    return f"{sentence[:told.start()]}{who}{sentence[told.end():]}"


OBJECT_CASE = {"he": "him", "she": "her", "they": "them", "i": "me", "we": "us"}


def leads_to(question: str) -> str | None:
    """How a clue is tied back to what is asked, in the question's own words: "Why did Mrs. Chen sigh?" -> "how could
    that make Mrs. Chen sigh?", "What can you tell about Ivy?" -> "what does that tell you about Ivy?"."""
    why = WHY_ASKED.match(question)
    if why:
        rest = why.group("rest")
        rest = rest[0].lower() + rest[1:] if re.match(DETERMINER + r"\b", rest, re.I) else rest
        rest = re.sub(r"^(?:he|she|they|i|we)\b", lambda m: OBJECT_CASE[m.group(0).lower()], rest, flags=re.I)
        return f"how could that make {rest}?"  # "make him tie", never "make he tie"
    about = ABOUT_ASKED.search(question)
    return f"what does that tell you about {about.group('who')}?" if about else None


BECAUSE = re.compile(r",?\s+(?:because|since)\s+(?P<reason>[^,;]+)", re.I)
ADVERB = re.compile(r"\s+(?:also|often|usually|naturally|always|sometimes|really|only|still|then)\b", re.I)


def reason_question(question: str, sentence: str, sentences: list[str]) -> str | None:
    """A sentence that tells what is asked and then "because ..." ("Farmers like bats because they also eat beetles
    and moths that harm crops") met with a question of its reason clause's subject and verb, never its object: "What
    do bats eat, and how could that make farmers like bats?". "They" is the last plural the first part names."""
    link, told = leads_to(question), BECAUSE.search(sentence)
    head = sentence[:told.start()] if told else ""
    if not (link and told and WHY_ASKED.match(question)) or len(set(content_words(head)) & set(
            content_words(question))) < 2:  # the reason must be for what is asked, not for another part
        return None
    reason = ADVERB.sub("", told.group("reason")).strip(" .!?")
    they = re.match(r"(?i)they\s", reason)
    if they:
        named_ = [w for w in re.findall(r"[A-Za-z]+", head) if plural(w) and content_words(w)]
        if not named_:
            return None
        reason = f"{named_[-1]}{reason[4:]}"
    words = reason.split() + [""] * 2  # "owls catch mice": a plain present verb that no list holds
    plain = they and re.fullmatch(r"[a-z]+", words[1]) and not words[1].endswith("ed") and words[1] not in STOP
    phrase, verb, then = subject_of(reason) or ((words[0], words[1], words[2]) if plain else ("", "", ""))
    if not phrase:
        return None
    object_next = re.match(DETERMINER + "$", then, re.I) or (plural(then) and content_words(then))
    if (re.fullmatch(PRESENT, verb, re.I) or plain) and plural(phrase) and object_next and not (
            BE.match(verb) or HAVE.match(verb) or ABLE.match(verb) or STATE.match(verb) or MODAL.match(verb)):
        own = f"What do {asked_form(phrase, sentences)} {verb}?"  # "What do bats eat?": what is eaten is to find
    else:
        own = sentence_question(f"{reason}.", question, sentences)
    return f"{own.rstrip('?')}, and {link}" if own and " there, and " not in own else None


# "She gave the first dollar to Mr. Patel, who had lent her the table.": what the person had done is the reason
WHO_HAD = re.compile(r"(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?[A-Z][a-z]+), who (?P<aux>had|has)\b")


def done_before(question: str, sentences: list[str], shown: list[int]) -> str | None:
    """A why-question about a deed toward someone whose sentence goes on to say what that person had done ("Why does
    she give Mr. Patel the dollar?"): what they had done is asked, never its words."""
    for k in shown:
        had = WHO_HAD.search(sentences[k])
        name = had.group("who").split()[-1] if had else ""
        head = set(content_words(sentences[k][:had.end()])) if had else set()
        if had and re.search(rf"\b{name}\b", question, re.I) and len(head & set(content_words(question))) >= 2:
            for_whom = f" for {who}" if (who := actor(sentences, k)) and who not in had.group("who") else ""
            return f"What {had.group('aux')} {had.group('who')} done{for_whom} before this, and {leads_to(question)}"
    return None


def content_question(question: str, sentences: list[str], shown: list[int]) -> str | None:
    """A why- or what-does-it-show question met with a question about what the deciding sentence tells, built from its
    own subject and time ("What did Omar do before the school race, and how could that make Omar win the race?"),
    never its deed or reason, which are the answer. None when only one sentence is shown (its other clause is the
    answer, and a question from its parts would read it out), when it does not parse, or when the question does not
    say what the clue is for."""
    link = leads_to(question)
    if link and (had := done_before(question, sentences, shown)):
        return had
    reasoned = next((r for k in shown if (r := reason_question(question, sentences[k], sentences))), None)
    if reasoned or len(shown) < 2 or not link:
        return reasoned
    told = [sentences[i] for i in shown]
    i = sentences.index(fresh_sentence(told, question, sentences))
    if any(GIVES_REASON.search(sentences[k]) for k in shown if k != i):  # "wrapped it so it would stay calm"
        return None
    own = sentence_question(named_sentence(sentences[i], sentences, i), question, sentences)
    if not own or " there, and " in own or own.startswith("What does it say about"):  # a line of speech asks
        return None  # what it tells already; a state ("Rosa was sure ...") is no deed that could lead to the event
    head = re.match(r"What (?:did|does|do) ([A-Z][a-z]+) ", own)  # "Rain poured down": rain, not a person
    if head and head.group(1) not in characters(sentences) and head.group(1) not in question:
        own = own.replace(head.group(1), f"the {head.group(1).lower()}", 1)
    return f"{own.rstrip('?')}, and {link}"


FELT_WHEN = re.compile(r"^\W*how\s+(?P<aux>does|did|do)\s+(?P<who>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+feel\s+"
                       r"(?P<when>(?:when|after|as|while|before)\s+[^?]+?)\W*$", re.I)


def felt_question(question: str) -> str | None:
    """"How did Ben feel after his dad talked to him?" -> "What did Ben do or say after his dad talked to him, and
    what feeling does that show?": the moment named in the question's own words, not a sentence's place; the
    feeling is still the student's to name. None for a question naming no moment."""
    asked = FELT_WHEN.match(question)
    if not asked:
        return None
    aux = "did" if asked.group("aux").lower() == "did" else "does"
    return f"What {aux} {asked.group('who')} do or say {asked.group('when')}, and what feeling does that show?"


def content_move(kind: str, question: str, sentences: list[str], shown: list[int]) -> str | None:
    """A help request met with a question about the passage's content rather than a sentence's place: the moment a
    feeling question names, or what the clue of a why-question tells; None where no safe question exists."""
    if kind == "feeling":  # a body that shows it ("His fingers felt like ice") is the clue to point at
        return None if any(BODY_CUE.search(sentences[i]) for i in shown) else felt_question(question)
    return content_question(question, sentences, shown) if kind in ("inference", "motive", "cause") else None


def compare_move(sides: tuple[tuple[str, list[int]], ...], question: str, sentences: list[str],
                 where: list[str]) -> str:
    """A comparison of two characters: where each one's part starts, and what to weigh (what each does, then how
    they differ, or how they are alike when the question asks that)."""
    def start(name: str, i: int) -> str:
        place = where[i] if i < len(where) else f"sentence {i + 1}"
        whose = f"{name}'s part from" if name[0].isupper() else f"the {name} in"  # a character's, or a thing's
        return f"{whose} {place}, \"{opening(sentences[i], max_words=5)}\""
    (a, at), (b, bt) = sides
    alike = re.search(r"\b(?:alike|similar\w*|the same|both)\b", question, re.I)
    # things compared ("an alligator's snout"): what each side's sentence tells of the part asked about
    part = [w for w in content_words(question) if w not in (a.lower(), b.lower()) and all(
        w in content_words(sentences[i]) for i in (at[0], bt[0]))]
    each = f"What does each one say about the {part[0]}?" if part and a.islower() else "What does each one do?"
    return (f"Read {start(a, at[0])}, and {start(b, bt[0])}. {each} Then how are they "
            f"{'alike' if alike else 'different'}?")


def speaker_move(question: str, claim: str | None, sentences: list[str], kind: str) -> Move | None:
    """"Who says the pole was already bent?" in a script: the speaker label of the line saying it decides. The line
    is named by the words it shares with the question, never quoted (its label is the answer): a wrong name is asked
    to check that label, a right one confirmed, no name sent to look."""
    line = said_line(question, sentences)
    if line is None:
        return None
    who = speaker(sentences[line])
    said = SAYS.match(question).group("said").strip(" .")
    named = {w.title() for w in re.findall(r"[A-Za-z]+", claim or "")} & {speaker(s) for s in sentences}
    find = f"Find the line where someone says \"{said}\"" if len(said.split()) <= 8 else "Find the line that says it"
    if claim and SPEAKER.search(claim):  # the line quoted back, label and all: who it names is still theirs to say
        return Move("Yes, that is the line. So who says it? Tell me in your own words.", kind, None, [sentences[line]])
    if not claim or not named:
        return Move(f"{find}. In a play, the name before the colon tells who is speaking: whose name starts that "
                    f"line?", kind, None, [sentences[line]])
    if named == {who}:
        return Move(f"Yes, {who} says it: the line that starts with {who.upper()}: is theirs. Want to try another "
                    f"question about the play?", kind, "supported", [sentences[line]], "answer")
    other = " or ".join(sorted(named))
    return Move(f"{find}. Look at the name before the colon at the start of that line: is it {other}? Who is "
                f"speaking there?", kind, "contradicted", [sentences[line]])


def unproven_move(question: str, verdict: Verdict, status: str, kind: str, sentences: list[str],
                  ranked: list[tuple[float, int]], where: list[str]) -> Move | None:
    """A true detail that does not answer what is asked: a numbered step given as the list's first or last, a step
    of the text given as the first after a moment it comes well after, or a sentence that reports nothing given as
    the evidence for a claim. The move names where the answer's detail is, then sends the student to the sentence
    that decides (the step, the moment's own, the finding)."""
    told = verdict.sentence
    if not told or verdict.label == "contradicted" or told not in sentences:
        return None
    def place(i: int) -> str:
        return where[i] if i < len(where) else f"sentence {i + 1} of the passage"
    if (edge := edge_item(question, told, sentences)) is not None:  # "poke three holes" for the first step
        return Move(f"That is one of the steps, but it is {place(sentences.index(told))}. Read {place(edge)}: what "
                    f"does it tell you to do?", kind, "contradicted", [sentences[edge]])
    event = later_step(question, told, sentences)
    if event is not None:
        unit = "line" if where and " line" in where[0] else "sentence"
        return Move(f"That is in the text, but later: in {place(sentences.index(told))}. Read {place(event)}, "
                    f"\"{opening(sentences[event], question)}\", and the {unit} right after it: what happens first?",
                    kind, "contradicted", [sentences[event + 1]])
    # its opening without the question's words: a finding's opening ("Last year, when ...") holds no number
    proof = weak_support(question, told, sentences, ranked) if kind == "argument" and (
        status == "evidence" or verdict.label == "supported") else None
    if proof is None:
        return None
    shown = re.search(r"(?i)\b(?:shows?|proves?|supports?)\s+(?:that\s+)?([^?]+)", question)
    return Move(f"That is in the passage, in {place(sentences.index(told))}, but does it prove "
                f"{shown[1].strip(' .') if shown else 'the point'}? Evidence is a fact about what happened. Read the "
                f"sentence that begins \"{opening(sentences[proof])}\": what happened there, and what does "
                f"it show?", kind, "unclear", [sentences[proof]])
