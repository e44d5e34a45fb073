"""A word problem as a student retells it, said the way the planner reads a problem: the student's shorthand
("library got 56 new books and 3/8 are mysteries. how many are NOT mysteries", "6 tables 4 chairs each and 5 are
broke", "bike was $240 and went up by 15%, whats the new price") becomes sentences with capitals, full words and a
question mark ("3/8 of them are mysteries.", "6 tables with 4 chairs each. 5 are broken.", "What is the new price?").

It changes only how a fact is said, never which facts there are or what is asked: each rewrite keeps every number and
every noun of the student's text. lesson.plan_of reads the student's own text first and this text only when the
student's own gives no plan, so a problem the planner already reads is read as before.
"""
from __future__ import annotations

import re

# Words typed without their apostrophe, written out in full ("didnt" -> "did not"): the planner's patterns read
# "not sold" and "There is", never "didnt" or "theres".
_FULL_WORDS = {
    "didnt": "did not", "dont": "do not", "doesnt": "does not", "cant": "cannot", "can't": "cannot",
    "isnt": "is not", "arent": "are not", "wasnt": "was not", "werent": "were not", "wont": "will not",
    "havent": "have not", "hasnt": "has not", "didn't": "did not", "don't": "do not", "doesn't": "does not",
    "isn't": "is not", "aren't": "are not", "wasn't": "was not", "weren't": "were not", "won't": "will not",
    "whats": "what is", "what's": "what is", "theres": "there is", "there's": "there is", "hows": "how is",
    "u": "you", "ur": "your", "tot": "total", "altogther": "altogether", "alltogether": "altogether",
    "broke": "broken", "ppl": "people", "hrs": "hours", "hr": "hour", "mins": "minutes", "min": "minutes",
    "cuz": "because", "bc": "because",
}
_WORD = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _FULL_WORDS), key=len, reverse=True)) + r")(?![\w'])",
                   re.I)

# "its $75" / "its 12 cm": 'it is' before an amount (the possessive 'its' is never followed by a number)
_ITS_AMOUNT = re.compile(r"\bits(?= \$?\d)", re.I)

# "6 tables 4 chairs each" -> "6 tables with 4 chairs each": two counts side by side, the second one per each
_SIDE_BY_SIDE = re.compile(r"\b(\d+ [a-z]+) (?=\d+(?:\.\d+)? [a-z]+ (?:each|in each|on each|per)\b)", re.I)

# "12 a week", "30 min every day" -> "12 each week", "30 minutes each day": the rate said with the word the
# planner reads
_EVERY = re.compile(r"(?<=[a-z\d]) (?:every|a|an) (?=(?:day|week|month|year|hour|minute|night|morning|box|bag|"
                    r"pack|row|table|shelf|page|book|person|student|kid|child|game|lap|trip|visit)\b)", re.I)

# A question asked inside a sentence, after a comma or straight after the facts ("..., how many are left",
# "... 15% how much is it now"): its own sentence. Only once a number has been given before it.
_ASKED = (r"(?:how (?:many|much|far|long|old|tall|fast|heavy)|what (?:is|was|are|were|will|would|does|did|do|"
          r"percent|fraction|time|number)|where is|which|find|work out)")
_RUN_ON_QUESTION = re.compile(rf"(?<=\d|[a-z%.])\s*[,;:]?\s+(?=\b{_ASKED}\b)", re.I)

# "... and she gives 5 away", "..., 28 drive out and 15 drive in": 'and' (or a comma) before a new doer or a new
# count starts a new fact. Only between two parts that each give a number.
_NEW_FACT = re.compile(r"(?<=[a-z\d%.])(?:,? and then|,? then|,? and|,)\s+(?=(?:she|he|they|we|i|it|her|his|"
                       r"their|the|\d)\b|[a-z]+ (?:is|are|was|were|costs?) \$?\d)", re.I)

_ENDS = re.compile(r"[.?!]+$")

# "sold 240 tickets monday and 185 tuesday", "12 apples in the morning and 8 in the afternoon": a second count said
# without its noun, on another day or time, counts the same things ("185 tickets tuesday")
_WHEN = r"(?:on |in |at )?(?:the )?(?:\w+day|morning|afternoon|evening|night|week|month)\b"
_SAME_THINGS = re.compile(rf"\b(\d+ ([a-z]+s)) (?={_WHEN}[^.?!]*? and \d+ {_WHEN})")
_SECOND_COUNT = re.compile(rf"(?<= and )(\d+) (?={_WHEN})")

# "3/8 are mysteries", "spends 2/5 on a game": a part said without what it is a part of ("3/8 of them are")
_BARE_PART = re.compile(r"(?<![\d/.])(\d+/\d+|\d+(?:\.\d+)?%)(?= (?:are|were|is|was|on|chose|like|liked|went|have|"
                        r"had|walk|walked|ride|rode|take|took|play|played|eat|ate|voted|want|wanted|wear|own|bring|"
                        r"brought|said|prefer|preferred|got)\b)")

# "cuts 80 cm off", "gave 3 bags away" -> "cuts off 80 cm": the amount after the verb's particle, as a problem says it
_PARTICLE_LAST = re.compile(r"\b((?:cut|cuts|gave|gives|give|took|takes|take|threw|throws|snips|snipped) )"
                            r"(\d+(?:\.\d+)? [a-z]+) (off|away|out|back)\b", re.I)

# "How much to carpet the floor?": the cost a question leaves unsaid
_HOW_MUCH_TO = re.compile(r"\bhow much to\b", re.I)

# "apples to pears is 3:4": the ratio a student names only by its two things
_BARE_RATIO = re.compile(r"^(?:the )?([a-z]+ to [a-z]+) (?=(?:is|are) \d+ ?: ?\d+)", re.I)

# "there is 42 fruit": more than one of a thing
_THERE_IS_MANY = re.compile(r"\bthere is (?=(?:[2-9]|\d\d))", re.I)

# "$9 a square meter" -> "$9 per square meter": a price for one of something
_PRICE_A = re.compile(r"(\$\d+(?:\.\d+)?) (?:a|an|for each|for one) (?=[a-z])", re.I)

# "puts them into 4 cups the same in each cup": shared equally
_EQUALLY = re.compile(r"\s*,?\s*(?:the )?same (?:amount |number )?in each \w+", re.I)

# ", same speed", "at the same rate": the constant rate is what a rate problem already assumes
_SAME_RATE = re.compile(r",? (?:at )?(?:the )?same (?:speed|rate|pace)(?=[,.?!]|$)", re.I)


def _facts_split(sentence: str) -> str:
    """A run of facts joined by 'and' or commas, said as sentences, where each part gives a number of its own."""
    parts = _NEW_FACT.split(sentence)
    if len(parts) < 2 or not all(re.search(r"\d", p) for p in parts):
        return sentence
    return ". ".join(p.strip() for p in parts)


def _sentence(piece: str) -> str:
    """One sentence with its capital and its closing mark: a question that asks ends with '?'."""
    piece = piece.strip(" ,;")
    if not piece:
        return ""
    body = _ENDS.sub("", piece)
    asks = re.match(rf"\s*(?:{_ASKED}|how|what|is|are|does|do|did|can)\b", body, re.I)
    return f"{body[0].upper()}{body[1:]}{'?' if asks else '.'}"


def normalised(text: str) -> str:
    """The student's retelling of a problem in the planner's sentences (see the module's docstring)."""
    text = _WORD.sub(lambda m: _FULL_WORDS[m.group().lower()], " ".join(text.split()))
    text = _THERE_IS_MANY.sub("there are ", _ITS_AMOUNT.sub("it is", text))
    text = _BARE_RATIO.sub(r"The ratio of \1 ", _HOW_MUCH_TO.sub("how much does it cost to", text))
    text = _PARTICLE_LAST.sub(r"\1\3 \2", text)
    text = _SIDE_BY_SIDE.sub(r"\1 with ", text)
    text = _EVERY.sub(" each ", text)
    text = _BARE_PART.sub(r"\1 of them", _PRICE_A.sub(r"\1 per ", _EQUALLY.sub(" equally", text)))
    if (same := _SAME_THINGS.search(text)) is not None:
        text = _SECOND_COUNT.sub(rf"\1 {same.group(2)} ", text, count=1)
    text = _SAME_RATE.sub("", _RUN_ON_QUESTION.sub(". ", text))   # "same speed how far": once the question is apart
    pieces = re.findall(r"(?:[^.?!]|\.(?=\d))+[.?!]*", text)
    said = []
    for piece in pieces:
        asked = re.match(rf"\s*{_ASKED}\b", piece, re.I) or piece.rstrip().endswith("?")
        said.extend(_sentence(p) for p in ([piece] if asked else _facts_split(_ENDS.sub("", piece)).split(". ")))
    return " ".join(p for p in said if p)


# "How many in each cup?", "How many are not mysteries?": a question that leaves out what it counts
_COUNTLESS = re.compile(r"\b(How many)(?= (?:are|were|is|was|does|did|do|can|will|would|in|on|at|left|now|each|not|"
                        r"[a-z]+(?<!s))\b)")
_COUNTED = re.compile(r"\b\d+(?:\.\d+)? (?:[a-z]+ )?([a-z]+s)\b")

# "Art room 6 tables ...", "Parking garage has 64 cars": a first sentence that starts with a place or thing said
# without its article (or its verb); never a name ("Lena has"), which a form with "The" would not read anyway
_VERBS = r"(?:has|had|holds|sells|sold|got|gets|is|was|does|did|makes|made|uses|used|buys|bought|costs|weighs|runs)"
# (a second word ending in s is the verb: "Maya bikes 36 km")
_BARE_START = re.compile(rf"^([A-Z][a-z]+(?: (?!{_VERBS}\b)[a-z]+(?<!s))?) (?={_VERBS} |\d)")


def _with_article(m: re.Match) -> str:
    """"Art room 6 tables" -> "The art room has 6 tables"; "Tank holds" -> "The tank holds"."""
    return f"The {m.group(1).lower()} " + ("has " if m.string[m.end()].isdigit() else "")


def forms(text: str) -> list[str]:
    """The student's text said as the planner reads a problem (`normalised`), and the same text with its countless
    question naming each thing counted in the problem in turn ("How many books are not mysteries?") and with an
    article and verb before a bare first noun ("The art room has 6 tables", "There are 30 students in a class").
    lesson.plan_of keeps a plan only when every form that plans gives the same answer: a question the retelling
    leaves open is no plan."""
    said = normalised(text)
    found = [said]
    nouns = dict.fromkeys(m.group(1) for m in _COUNTED.finditer(said))
    if (countless := _COUNTLESS.search(said)) and not said[countless.end():].lstrip().startswith(tuple(nouns)):
        found += [_COUNTLESS.sub(rf"\1 {noun}", said) for noun in nouns]
    started = [_BARE_START.sub(_with_article, f) for f in found if _BARE_START.match(f)]
    counts = [f"There are {f[0].lower()}{f[1:]}" for f in found if re.match(r"\d+ [a-z]+s (?:in|on|at)\b", f)]
    return found + started + counts
