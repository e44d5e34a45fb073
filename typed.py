"""A word problem as a student types it, read as a textbook writes it: the planner's readers expect sentences that
start with a capital, a question of its own that ends in '?', and names written with a capital ('Lily has 23
stickers'). A student types 'lily has 23 stickers and max has 41 how many more does max have': the same problem, in
one run-on line. `as_typed` restores what the typing left out and nothing else: no number, word or order changes,
so every reader still decides on the problem's own words."""
from __future__ import annotations

import re

# The words that open a question a student runs on after the story ('... and $3 how much money does he have left').
_ASKING = r"(?:(?:after |in )?how (?:many|much|far|long|old|tall|heavy|wide|high|fast)|what'?s|what (?:is|was|are|" \
          r"were|will|fraction|percent|percentage|time|number|do|does|did|would|should|must)|when (?:will|would|do|" \
          r"does|did|is|are)|find|calculate|work out)\b"
_RUN_ON = re.compile(rf"(?<=[a-z0-9%)])(?:,)? (?P<q>{_ASKING})", re.I)
_STARTS = re.compile(r"(?:^|(?<=[.!?] ))(?P<c>[a-z](?=[a-z']|(?<=[ai]) ))")   # never a variable: 'x/4 - 3 = 5'
_CALENDAR = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|june|july|"
                       r"august|september|october|november|december)\b")
# A name is the one who acts: a word at a sentence's start or joined by 'and', right before what a person does.
_DOES = r"(?:has|had|is|was|buys|bought|eats|ate|reads|read|gets|got|gives|gave|earns|earned|saves|saved|walks|" \
        r"walked|scored|scores|sells|sold|makes|made|spends|spent|collects|collected|runs|ran|wants|needs|needed|" \
        r"paid|pays|rides|rode|works|worked|practices|practiced|drinks|drank|plants|planted|picks|picked|baked|" \
        r"bakes|swims|swam|drives|drove|share|shares|shared|and)"
_ACTOR = re.compile(rf"(?:^|(?<=[.!?,] )|(?<= and ))(?P<w>[a-z]{{2,}}) (?={_DOES}\b)")
# Words that open a sentence or do things without being anyone's name.
_NOT_NAMES = {"the", "an", "no", "many", "few", "most", "several", "other", "another", "he", "she", "they", "it",
              "we", "you", "there", "this", "that", "these", "those", "each", "every", "everyone", "someone",
              "nobody", "who", "which", "what", "how", "then", "now", "so", "but", "and", "if", "when", "after",
              "before", "all", "both", "some", "one", "his", "her", "their", "its", "my", "your", "our", "mom",
              "mum", "dad", "grandma", "grandpa", "teacher", "class", "school", "team", "store", "shop", "farmer",
              "baker", "dinner", "lunch", "breakfast", "water", "tank", "car", "train", "bus", "plant"}
# 'ticket costs $8. how many tickets ...': a sentence that starts at its noun, the article left out (a thing the story
# also counts in the plural, so never a name).
_ARTICLE_LEFT_OUT = re.compile(r"(?:^|(?<=[.!?] ))(?P<w>[a-z]{3,}) (?=(?:costs|is|has|holds|weighs|contains|"
                               r"carries|uses|makes|needs|got)\b)")
# A word after one of these is a thing, not a name ('liters of water', 'the plant').
_THING_BEFORE = r"(?:the|a|an|of|some|any|his|her|their|my|your|our|its|per|each|every|in|on|with|much|many|this|" \
                r"that|these|those|for|to|from|than|more|less|fewer)"


# Short forms students type, as the readers know them ('2 wks', '3x as many', 'the temp', 'its 24 degrees').
_SHORT = [(r"\bhrs\b", "hours"), (r"(?<=\d) ?hr\b", " hour"), (r"\bmins\b", "minutes"), (r"\bsecs\b", "seconds"),
          (r"\bwks\b", "weeks"), (r"\byrs\b", "years"),
          (r"(?<=\d)x (?=as (?:many|much|long|old|tall|far)\b)", " times "),
          (r"\btemp\b", "temperature"), (r"\b([Ii])ts (?=-?\d|now\b|on\b|a\b|an\b)", r"\1t is ")]


def as_typed(text: str) -> str:
    """The problem with short forms written out ('2 wks'), its question set apart ('... $3. How much money ...?'),
    sentence starts, 'I', weekdays and months capitalised, lower-case names that act in the story written as names,
    sides said with 'by' as a length and a width, the other owner a 'how many more' question leaves out, a price
    asked without its verb, a part of a whole said without 'of them' and the other part asked by its noun."""
    t = text
    for short, said in _SHORT:
        t = re.sub(short, said, t)
    t = _question_apart(t)
    names = _names(t)
    t = _ARTICLE_LEFT_OUT.sub(lambda m: f"a {m.group('w')} " if _plural_said(m.group("w"), t) else m.group(), t)
    t = re.sub(r"(?<=\d) (?=(?:he|she|they|we|i) [a-z]+)", ". ", t)   # '$20 he buys': a new sentence
    t = _STARTS.sub(lambda m: m.group("c").upper(), t)
    t = re.sub(r"\bi\b(?=[ ']|$)", "I", t)
    t = _CALENDAR.sub(lambda m: m.group().capitalize(), t)
    for name in names:
        t = re.sub(rf"\b{name}\b", name.capitalize(), t)
    t = _BY.sub(lambda m: f"{m.group('v')} {m.group('a')} {m.group('u')} long and {m.group('b')} {m.group('u')} "
                          f"wide", t)
    t = _PART_OF_WHOLE.sub(r"\g<n>. \g<f> of them ", t)
    return _other_part(_than_implied(_SAID_PRICE.sub(r"How much do \g<x> cost?", t) if "$" in t else t))


# A rectangle's sides said with 'by' ('a room is 5 m by 4 m'): its length and width as a textbook says them.
_BY = re.compile(r"\b(?P<v>is|are|measures|measuring) (?P<a>\d+(?:\.\d+)?) ?(?P<u>[a-z]+) by "
                 r"(?P<b>\d+(?:\.\d+)?) ?(?P=u)\b")
# '450 students, 40% are boys', '30 kids and 2/5 are girls': a part of the whole just counted, said without 'of them'.
_PART_OF_WHOLE = re.compile(r"(?P<n>\d+ [a-z]+)(?:,| and|\.) (?P<f>\d+%|\d+/\d+) (?=(?:are|were)\b)")
# 'How many girls?' after '40% of them are boys': the other part, a noun the story never names.
_OTHER_ASKED = re.compile(r"(?<=[.!?] )How many (?P<n>[a-z]+)(?: are there| were there)?\?$")


def _other_part(t: str) -> str:
    """'How many are girls?' for 'How many girls?' when the story says what part of them are something else."""
    m = _OTHER_ASKED.search(t)
    if not m or not re.search(r"\bof them (?:are|were) [a-z]+", t[:m.start()]) \
            or re.search(rf"\b{m.group('n')}\b", t[:m.start()]):
        return t
    return f"{t[:m.start()]}How many are {m.group('n')}?"


# 'How much for both?', 'how much for 5 pizzas': a price asked without its verb, in a story told in dollars.
_SAID_PRICE = re.compile(r"\b[Hh]ow much (?:is it |are they |would it be |will it be )?for (?P<x>[a-z0-9 ]+)\?$")
# 'How many more stickers does Max have?' of a story with two owners: more than the other one.
_MORE_OF = re.compile(r"(?P<q>[Hh]ow many (?:more|fewer)(?: [a-z]+)? (?:does|did) (?P<who>[A-Z][a-z]+) (?:have|has|"
                      r"get|got|need|make|read|collect|score|sell|eat|save))(?P<end>\?)$")


def _than_implied(t: str) -> str:
    """The other owner put back after 'How many more ... does Max have?' when the story gives exactly two people an
    amount each ('Lily has 23 stickers and Max has 41')."""
    m = _MORE_OF.search(t)
    owners = dict.fromkeys(re.findall(r"\b([A-Z][a-z]+) (?:has|had|have|read|got|collected|scored|sold|ate|saved|made)"
                                      r" \$?\d", t[:m.start()] if m else ""))
    if not m or len(owners) != 2 or m.group("who") not in owners:
        return t
    other = next(o for o in owners if o != m.group("who"))
    return f"{t[:m.start()]}{m.group('q')} than {other}?"


def _question_apart(t: str) -> str:
    """A question run on after the story, without its own sentence: split before the last asking words, and its
    '?' added (one '?' where it ends with several). A text with a '?' before its end, or its question a sentence
    already, is left as it is."""
    t = t.rstrip()
    # '... a week when do they have the same??': one run-on line, though it ends with its '?'
    asked = t.endswith("?") and not re.search(r"[.!?] ", t)
    if "?" in t and not asked:
        return t
    t = t.rstrip("?").rstrip()
    found = [m for m in _RUN_ON.finditer(t) if re.search(r"\d", t[:m.start()])
             and not re.search(r"\b(?:by|of|at|in|for|to|from|with|on|after|before|within|is|are|was|were)$",
                               t[:m.start()], re.I)
             and not re.match(r"(?i)(?:if|when|suppose|given|assuming)\b", re.split(r"[.!] ", t[:m.start()])[-1])]
    if found and not re.search(r"[.!] *$", t[:found[-1].start()]):
        m = found[-1]
        t = f"{t[:m.start()].rstrip(',')}. {m.group('q')[0].upper()}{t[m.start('q') + 1:]}"
    last = re.split(r"(?<=[.!]) (?=\S)", t)[-1]
    if asked or re.match(_ASKING, last, re.I) and not re.match(r"(?i)find|calculate|work out", last):
        return t.rstrip(".!") + "?"
    return t


def _plural_said(word: str, t: str) -> bool:
    """Is the word's plural in the text ('tickets' of 'ticket')? A name has none; a thing counted has."""
    return re.search(rf"\b{word}(?:s|es)\b", t, re.I) is not None


def _names(t: str) -> set[str]:
    """Lower-case words that act as people do ('lily has', 'and max has', 'sara and ben share'), never written after
    a word that makes them a thing."""
    found = {m.group("w") for m in _ACTOR.finditer(t)} - _NOT_NAMES
    return {w for w in found if not re.search(rf"\b{_THING_BEFORE} {w}\b|\d {w}\b", t, re.I) and not _plural_said(w, t)}
