"""A word problem as a student retells it, said the way the planner reads a problem: the student's shorthand
("library got 56 new books and 3/8 are mysteries. how many are NOT mysteries", "6 tables 4 chairs each and 5 are
broke", "bike was $240 and went up by 15%, whats the new price") becomes sentences with capitals, full words and a
question mark ("3/8 of them are mysteries.", "6 tables with 4 chairs each. 5 are broken.", "What is the new price?").
Round 20 reads more of how students tell a story: names typed in lowercase ("than max has"), a comparison told
after the amount ("41 shells thats 17 more than max" -> "Lily has 17 more shells than Max. Lily has 41 shells."),
a count told without its noun ("and 19 leave" -> "19 cars leave"), a run of deeds ("baked 48 muffins sold 29"),
facts without verbs ("24 kids 4 per table", "$2 each 9 pencils how much", "56 stickers 7 friends same amount
each"), a question typed without its verb or before the story ("how many now", "whats the total, ..."), a part
said in words ("went up by a quarter"), money in words ("30 dollars"). Round 21 reads 'n' for 'and', things in
groups ("cookies in bags of 6" -> "Cookies come in bags of 6."), a count typed on after the fact before it ("34 kids
on bus 9 got off"), "6 more fly away", a price without its verb ("tickets $9 each"), and a share asked as "how many
in each" or "how much each" ("How many does each basket get?"). Round 23 reads groups and amounts said without
their nouns ("9 boxes and 6 muffins in each one", "uses 4 for each bracelet", "each van holds 8", "6 hours on sat
and 4 on sun"), the amount compared against told last ("3 times as many cards as sam who has 14"), a bare "how
much" of money earned and a question's "each" without its thing ("how much does each pay").

It changes only how a fact is said, never which facts there are: each rewrite keeps every number and every noun of
the student's problem. One exception is the student's own answer said in the problem's place ("so 125 left right",
"i got 85 is that the number of apples left"): it becomes the question it answers ("How many are left?"), and
`claim_apart` hands the claim back as the student's words (lesson.split_problem), so the tutor checks it as their
answer. lesson.plan_of reads the student's own text first and this text only when the student's own gives no plan,
so a problem the planner already reads is read as before.
"""
from __future__ import annotations

import re

from text_words import spelled_out
from wordproblem import is_unit

# A retold problem's shorthand for the planner's words ("5 are broke", "tot", "30 min", "how many r left"), written
# out after the chat spellings (text_words.spelled_out: "didnt" -> "did not", "theres" -> "there is"): the planner's
# patterns read "not sold", "There is" and "30 minutes", never "didnt", "theres" or "30 min". A science claim keeps
# "r" as typed (a radius, a resistance) and "broke" (the glass broke).
_SHORTHAND = {"tot": "total", "altogther": "altogether", "alltogether": "altogether", "broke": "broken",
              "hrs": "hours", "hr": "hour", "mins": "minutes", "min": "minutes", "r": "are"}
_SHORT_WORD = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _SHORTHAND), key=len, reverse=True))
                         + r")(?![\w'])", re.I)

# "5 apples n 3 pears", "kim n kim read 50": 'n' typed for 'and' between two words (never an unknown: "3n", "n = 4",
# "if n is 5")
_N_FOR_AND = re.compile(r"(?<=[a-z\d] )n(?= (?!(?:is|was|equals|=|\+|-|\*|/)(?:\s|$))[a-z\d$])")

# "its $75" / "its 12 cm": 'it is' before an amount (the possessive 'its' is never followed by a number)
_ITS_AMOUNT = re.compile(r"\bits(?= \$?\d)", re.I)

# "6 tables 4 chairs each" -> "6 tables with 4 chairs each": two counts side by side, the second one per each
_SIDE_BY_SIDE = re.compile(r"\b(\d+ [a-z]+) (?=\d+(?:\.\d+)? [a-z]+ (?:each|in each|on each|per)\b)", re.I)

# "12 a week", "30 min every day" -> "12 each week", "30 minutes each day": the rate said with the word the
# planner reads
_EVERY = re.compile(r"(?<=[a-z\d])(?<!\bon)(?<!\bin)(?<!\bfor)(?<!\bto)(?<!\bat)(?<!\bwith)(?<!\bof)(?<!\bbuys)"
                    r"(?<!\bbought)(?<!\bbuy) (?:every|a|an) "
                    r"(?=(?:day|week|month|year|hour|minute|night|morning|box|bag|"
                    r"pack|row|table|shelf|page|book|person|student|kid|child|game|lap|trip|visit)\b)", re.I)

# A question asked inside a sentence, after a comma or straight after the facts ("..., how many are left",
# "... 15% how much is it now"): its own sentence. Only once a number has been given before it.
_ASKED = (r"(?:how (?:many|much|far|long|old|tall|fast|heavy)|what (?:is|was|are|were|will|would|does|did|do|"
          r"percent|fraction|time|number)|where is|which|find|work out)")
_RUN_ON_QUESTION = re.compile(rf"(?<=\d|[a-z%.])\s*[,;:]?\s+(?:(?:and )?so\s+)?(?=\b{_ASKED}\b)", re.I)

# a verb after a count says what the count did ('19 leave', '4 are broken', '7 cracked', '15 got off')
_VERB_AFTER = r"(?:got|get|gets|are|were|was|is|went|go|goes|flew|fly|flies|ran|run|runs|fell|broke|left|leave|" \
              r"taken|caught|eaten|sold|lost|stolen|break|breaks|crack|cracks|die|dies|drive|drives|hatch|" \
              r"leaves|drove|drive|drives|came|come|comes|swam|rode|[a-z]+ed)\b"

# "... and she gives 5 away", "..., 28 drive out and 15 drive in": 'and' (or a comma) before a new doer or a new
# count starts a new fact. Only between two parts that each give a number.
_NEW_FACT = re.compile(rf"(?<=[a-z\d%.])(?:,? and then|,? then|,? and|,? but|,)\s+(?=(?:she|he|they|we|i|it|her|"
                       rf"his|their|the)\b|\d+(?:/\d+|(?:\.\d+)?%)|"
                       rf"\d+ (?:[a-z]+ )?(?:{_VERB_AFTER}(?! (?:them|it|all|both)\b)|"
                       rf"of (?:them|the)\b)|"
                       r"[a-z]+ (?:is|are|was|were|costs?|has|had|read|scored|ran|saved|collected) \$?\d)", re.I)

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
_EQUALLY = re.compile(rf"\s*,?\s*(?:the )?same (?:amount |number )?in each(?: (?!{_ASKED}\b)\w+)?", re.I)

# ", same speed", "at the same rate": the constant rate is what a rate problem already assumes
_SAME_RATE = re.compile(r",? (?:at )?(?:the )?same (?:speed|rate|pace)(?=[,.?!]|$)", re.I)


# ----------------------------------------------------------------------------- a story told as students tell it

# "ms lee" -> "Ms. Lee": a title and the name after it
_TITLE = re.compile(r"\b(mr|mrs|ms|dr)\.? ([a-z]+)\b", re.I)

# "than max has", "as many as jen", "how many does tia have": where a thing would need its article ("than the cat"),
# a bare lowercase word is someone's name (capitalised everywhere the student types it)
_NAMED = re.compile(r"\b(?:than|as (?:many|much|long|tall|old|heavy) as|(?:does|did|do|will)(?= [a-z]+ (?:have|get|"
                    r"need|pay|save|read|spend|make|weigh)\b)) ([a-z]+)\b(?=\s*(?:has|have|had|does|did|do|is|was|"
                    r"gets|got|gets|have|get|need|pay|save|read|spend|make|weigh|'s|and|[.?!,]|$))")
_NOT_NAMES = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "my", "the", "a", "an", "them",
              "him", "me", "us", "that", "this", "what", "which", "who", "there", "some", "all", "each", "both", "one",
              "before", "last", "yesterday", "today", "usual", "normal", "mine", "yours", "hers", "theirs", "ours",
              "not", "never", "also", "still", "just", "really", "usually", "always", "you"}  # "how many did not get"

# "41 shells thats 17 more than max has", "45 cards which is 3 times as many as jen", "and she has 9 more than":
# an amount, then how it compares with someone else's. The planner reads the comparison first, then the amount
# ("Lily has 17 more shells than Max. Lily has 41 shells.").
_COMPARED_AFTER = re.compile(
    r"(?P<s>\b[A-Za-z][a-z]*(?: [a-z]+)?) (?P<v>has|had|have|is|was|scored|read|saved|collected|picked|made) "
    r"(?P<n>\$?\d+(?:\.\d+)?)(?: (?P<x>[a-z]+(?: (?!(?:and|which|that|thats)\b)[a-z]+)?))?,? (?:and )?"
    r"(?:which is|that is|thats|that's|its|it is|"
    r"(?:and )?(?:he|she|they|it) (?:has|have|had|is|was)) (?P<c>\d+(?:\.\d+)? (?:more|fewer|less)|(?:\d+ times|"
    r"twice|half) as (?:many|much)) (?:(?P<x2>[a-z]+) )?(?P<w>than|as) "
    r"(?P<o>[A-Za-z][a-z]*(?: (?!(?:has|have|had|does|did|how|what|so)\b)[a-z]+)?)"
    r"(?: (?:has|have|had|does|did))?(?=\s*(?:[.?!,]|$|how|what|so\b))")


def _compared_first(m: re.Match) -> str:
    """The comparison said before the amount it starts from (see `_COMPARED_AFTER`)."""
    x = m.group("x") or m.group("x2") or ""
    thing = f" {x}" if x else ""
    return f"{m.group('s')} {m.group('v')} {m.group('c')}{thing} {m.group('w')} {m.group('o')}. " \
           f"{m.group('s')} {m.group('v')} {m.group('n')}{thing}."


# "64 cars ... and 19 leave", "5 tables 6 chairs each and 4 are broken", "tom has 28 fewer stamps than ana and ana has
# 90", "13 fly away then 6 more fly away", "kim read 50": a count said without its noun, where a verb follows it or
# it ends its clause after its verb, counts what the count before it counted (the planner reads '19 cars leave',
# 'Ana has 90 stamps', '6 more birds fly away', 'Kim read 50 pages')
_BARE_COUNT = re.compile(rf"(?:(?<=^)|(?<=[.,;] )|(?<=\band )|(?<=\bthen )|(?<=\bbut ))(\d+) (more )?(?={_VERB_AFTER})|"
                         r"(?:(?<=\bhas )|(?<=\bhad )|(?<=\bhave )|(?<=\bread )|(?<=\bscored )|(?<=\bsaved )|"
                         r"(?<=\bcollected )|(?<=\bpicked )|(?<=\bsold )|(?<=\bbaked )|(?<=\bmade )|(?<=\bwon )|"
                         r"(?<=\bbuys )|"
                         r"(?<=\bcaught ))(\d+)(?=\s*(?:[.,?!;]|and\b|so\b|how\b|what\b|$))",
                         re.I)
_COUNT_NOUN = re.compile(r"(?<![$\d.])\d+ (?:[a-z]+ ){0,3}?((?!(?:as|is|was|has|does|his|its|this|less|plus|yes|"
                         r"times)\b)[a-z]+s|people|children|sheep|fish|deer|geese|mice)\b(?! of\b)")


def _with_nouns(text: str) -> str:
    """Each bare count (`_BARE_COUNT`) with the noun of the count said before it, when there is one."""
    def named(m: re.Match) -> str:
        before = [c.group(1) for c in _COUNT_NOUN.finditer(text[:m.start()]) if c.group(1) not in _NOT_NOUNS] or \
            [c.group(1).lower() for c in _PRICED.finditer(text[:m.start()])]   # "Tickets cost $9 each. buys 5"
        number = m.group(1) or m.group(3)
        return f"{number} {m.group(2) or ''}{before[-1]}" + (" " if m.group(1) else "") if before else m.group()
    if _PACKED_SAID.search(text):
        return text   # "5 crates and 9 break": the bottles or the crates? The story does not say
    return _BARE_COUNT.sub(named, text)


_PRICED = re.compile(r"\b([a-z]+s) cost \$", re.I)
_PACKED_SAID = re.compile(r"\b[a-z]+s come in [a-z]+s of \d+", re.I)


# words after a count that are no things counted ('3 times', '5 more', '2 hours' are read as they are)
_NOT_NOUNS = {"times", "is", "was", "has", "does", "was", "minutes", "hours", "days", "weeks", "months", "years",
              "seconds"}

# "sara baked 48 muffins sold 29 baked 15 more", "library had 120 books, lent out 35, got 18 back": a list of what
# one subject did, each verb with its amount: a sentence each, the subject said again ("Sara sold 29.")
_PAST = r"(?:sold|gave|bought|ate|lost|spent|used|baked|made|found|won|got|took|lent|picked|added|donated|broke|" \
        r"earned|saved|paid|collected|caught|planted|raised|gives|sells|buys|eats|loses|spends|uses|bakes|" \
        r"makes|finds|" \
        r"wins|gets|takes|lends|picks|adds|earns|saves|pays|collects|catches|plants)"
_NEXT_DEED = re.compile(rf"(?<=\d)(?P<noun> (?!and\b|then\b)[a-z]+)?(?:,| and| then|,? and then)? "
                        rf"(?={_PAST}(?: away| out| back| up| with(?: a)?)? \$?\d)", re.I)
_SUBJECT = re.compile(rf"^((?:the |a |an )?[A-Za-z]+) (?=(?:has|had|have|{_PAST}|started with|starts with)\b)", re.I)


def _deeds(sentence: str) -> str:
    """A run of deeds by one subject (`_NEXT_DEED`) as sentences that each name the subject."""
    subject = _SUBJECT.match(sentence)
    if subject is None or subject.group(1).lower() in _NOT_NAMES - {"he", "she", "they", "we", "i"}:
        return sentence
    return _NEXT_DEED.sub(lambda m: f"{m.group('noun') or ''}. {subject.group(1)} ", sentence)


# "how many now", "how many still there", "how many on the bus now", "how many not burnt": a question typed without
# its verb, said with it ("How many are there now?", "How many are not burnt?")
_VERBLESS = re.compile(r"\b(how many(?: (?!(?:are|is|were|was|do|does|did|can|will|would|more)\b)[a-z]+s)?) "
                       r"(?=(now|left|still (?:there|here|left|in|on|at)|not [a-z]+(?:ed|en|t)|on the|in the|"
                       r"at the)\b)",
                       re.I)
# "how much left", "how much now": money or a measure asked without its verb ("How much is left?")
_VERBLESS_MUCH = re.compile(r"\b(how much) (?=(now|left)\b)", re.I)

# "total?", "whats the total": the total of the story's amounts asked
_TOTAL_ASKED = re.compile(r"^(?:so )?(?:what is )?(?:the )?(?:total|in total|altogether|all together)\s*\??$", re.I)

# "3/8 of a mile", "2/3 of a cup of flour": a fraction of one unit is that many of the unit ("3/8 mile"), the way the
# planner adds and takes away measures; "1/3 of a bottle", a part of one whole thing, stays as it is
_OF_A_UNIT = re.compile(r"(?<![\d/.])(\d+/\d+) of an? ([a-z]+)\b")


def _unit_parts(text: str) -> str:
    return _OF_A_UNIT.sub(lambda m: f"{m.group(1)} {m.group(2)}" if is_unit(m.group(2)) else m.group(), text)


# "bought 2/3 yard of ribbon and then 1/6 yard more": a second amount without its verb does what the first amount's
# verb did ("and then bought 1/6 yard more")
_MORE_AGAIN = re.compile(r"\b(?P<v>(?!(?:of|for|with|to|in|on|at|by|and|the|a|an|is|are|was|were|has|have|had|than|"
                         r"about|over|under|each|per)\b)[a-z]+) (?P<first>\$?\d[^.?!,]*?),? and then "
                         r"(?=\$?\d[\d/.]* (?:[a-z]+ )?more\b)", re.I)


def _more_again(text: str) -> str:
    return _MORE_AGAIN.sub(r"\g<v> \g<first> and then \g<v> ", _unit_parts(text))


# "just tell me the total.", "pls find how many are left": a request that asks what the question would (no number in
# it): said as that question ("What is the total?", "How many are left?")
_REQUEST = re.compile(r"^(?:so |ok |okay )?(?:(?:just|pls|plz|please|can you|could you) )*(?:tell me|give me|find|"
                      r"work out|figure out|calculate)(?: just)?(?:(?=[\s.?!]*$)| (?P<q>how (?:many|much|far|long)\b"
                      r"[^.?!\d]*)| (?P<what>the (?:[a-z]+ )?(?:total|cost|price|bill|amount|change|area|perimeter|"
                      r"mean|average)(?: cost| price| bill| amount)?))(?: (?:pls|plz|please))?\s*[.?!]*$", re.I)


def _request_asked(piece: str) -> str:
    """A request said as its question ("Just tell me the total." -> "What is the total?"), one that asks nothing
    itself ("Just tell me.", before the question it asks) as nothing, any other piece as it is."""
    if (m := _REQUEST.match(piece.strip())) is None:
        return piece
    if not m.group("q") and not m.group("what"):
        return ""
    return f"{m.group('q')[0].upper()}{m.group('q')[1:].rstrip()}?" if m.group("q") else f"What is {m.group('what')}?"


# "so 125 left right", "i got 85 is that the number of apples left": the student's own number said as the question's
# answer: the question it answers, without the number (the tutor reads the number as the student's answer)
_CLAIM_LEFT = re.compile(r"[,.]?\s*(?:and )?so (?:there are |it is |its )?\$?\d+(?:\.\d+)?(?: [a-z]+s)? "
                         r"(?P<w>left|now|each|in all|in total|altogether)\b\s*(?:right|correct)?\s*\?*\s*$", re.I)
_CLAIM_ASKED = re.compile(r"(?P<said>(?:i got|i think|i said|i have|i put)\s+\$?\d+(?:\.\d+)?)\s+"
                          r"(?:is that|is this|is it)\s+(?:the (?:number|amount) of\s+|how many\s+)?(?P<x>[a-z]+)\s+"
                          r"(?P<w>left|now|in all|in total|altogether|each)\b", re.I)


def _claims_asked(text: str) -> str:
    """The student's claimed answer (`_CLAIM_LEFT`, `_CLAIM_ASKED`) said as the question it answers."""
    text = _CLAIM_ASKED.sub(lambda m: f"how many {m.group('x')} are {m.group('w')}?", text)
    if "%" in text:
        text = _CLAIM_PRICE.sub(". what is the new price?", text)
    return _CLAIM_LEFT.sub(lambda m: f". how many are {m.group('w')}?", text)


def claim_apart(text: str) -> tuple[str, str] | None:
    """(the problem with the student's claimed answer said as its question, the claim as typed), or None when the
    retelling claims no answer (`_CLAIM_ASKED`, `_CLAIM_LEFT`): "tank had 200 liters and 75 leaked out so 125 left
    right" -> ("tank had 200 liters and 75 leaked out. how many are left?", "so 125 left right")."""
    if (bare := _CLAIM_BARE.search(text)) is not None:   # "... how many each. 8??": the 8 is theirs
        return text[:bare.start() + 1].strip(), bare.group().strip(" .?!")
    for claim in (_CLAIM_ASKED, _CLAIM_LEFT, _CLAIM_PRICE):
        if (m := claim.search(text)) is not None and (claim is not _CLAIM_PRICE or "%" in text):
            asked = "what is the new price?" if claim is _CLAIM_PRICE else _claims_asked(m.group()).strip(" .")
            told = [text[:m.start()].strip(" ,."), asked, text[m.end():].strip(" ,.")]
            said = m.group("said") if "said" in claim.groupindex else m.group()   # "i got 85": the number is theirs
            return ". ".join(part for part in told[:2] if part) + f" {told[2]}".rstrip(), said.strip(" ,.")
    return None


def _capitalised(text: str) -> str:
    """Titles and the names a student types in lowercase (`_TITLE`, `_NAMED`), capitalised everywhere."""
    text = _TITLE.sub(lambda m: f"{m.group(1).capitalize()}. {m.group(2).capitalize()}", text)
    names = {m.group(1) for m in _NAMED.finditer(text)} - _NOT_NAMES
    for name in names:
        text = re.sub(rf"\b{name}\b", name.capitalize(), text)
    return text


# "whats the total, 35 girls and 28 boys", "how many are left, 50 cupcakes and 18 got eaten": the question asked
# before the story, said after it
_QUESTION_FIRST = re.compile(rf"^\s*((?:{_ASKED}|what is the total|the total|total)\b[^,.?!\d]*)[,?!.]+\s*"
                             r"(?=[^.?!]*\d)", re.I)

# "24 kids 4 per table": a count, then a bare count per group of something else ("24 kids. 4 kids per table")
_PER_BARE = re.compile(r"\b(\d+ ([a-z]+s)),? (\d+) (?=(?:per|at each|in each|on each|for each|to a|each) [a-z]+)", re.I)

# "went up by a quarter", "grew by half": the part said as the percent the planner reads
_BY_PART = re.compile(r"\bby (?:a |one )?(quarter|half|fifth|tenth)\b", re.I)
_PERCENT_OF_PART = {"quarter": "25%", "half": "50%", "fifth": "20%", "tenth": "10%"}

# "had 30 dollars", "spent 12": money said in words, or bare after a verb that spends or earns in a story of money
_DOLLARS = re.compile(r"\b(\d+(?:\.\d\d)?) dollars?\b", re.I)
_MONEY_VERB = re.compile(r"\b((?:spent|spends|paid|pays|earned|earns|saved|saves|costs?|got|gets|gave|gives) )"
                         r"(\d+(?:\.\d\d)?)\b(?![/%.:]| [a-z]+s\b)", re.I)


def _in_dollars(text: str) -> str:
    """Money said in words or left bare in a story of money (`_DOLLARS`, `_MONEY_VERB`) said with its sign."""
    text = _DOLLARS.sub(r"$\1", text)
    sharers = re.sub(r"\b(?:among|between|with|to|by|into|for) (?:the )?\d+ [a-z]+s\b", "", text)   # 'among 6 teams'
    if "$" not in text or re.search(r"(?<![$\d.])\d+ [a-z]+s\b", sharers):
        return text   # only where every other amount is money, or the count of those who share it
    return _MONEY_VERB.sub(r"\1$\2", text)


# "$2 each 9 pencils": a price said before what it is the price of ("9 pencils cost $2 each"); its bare "how much"
# asks what they cost
_PRICE_FIRST = re.compile(r"(\$\d+(?:\.\d\d)?) (?:each|apiece|a piece),? (\d+ [a-z]+s)\b", re.I)

_BARE_HOW_MUCH = r"\bhow much\s*[.?!]*\s*$"

# "tickets $9 each family buys 5": a price said without its verb ("Tickets cost $9 each."), its own fact
_PRICE_BARE = re.compile(r"(?:(?<=^)|(?<=[.,;] ))([a-z]+s) (\$\d+(?:\.\d\d)?) (?:each|apiece|a piece)\b,?", re.I)

# "pays with 50", "paid with a 20": the bill a buyer hands over, in a story of money
_PAYS_WITH = re.compile(r"\b(pa(?:ys|id|y) with (?:a )?)(\d+)\b(?![/%.:])", re.I)

# "56 stickers 7 friends same amount each": a count, the people it is shared among, and how ("equally")
_SHARED_BARE = re.compile(r"\b(\d+ [a-z]+s),? (?:shared |split )?(?:between |among |with |for |by )?(\d+ [a-z]+s),? "
                          r"(?:(?:the )?same (?:amount |number )?(?:each|for each|to each)?|equally|evenly)", re.I)

# "cut into 15 cm pieces": pieces of a length, said as the planner reads them ("pieces that are 15 cm long")
_PIECES_OF = re.compile(r"\binto (\d+(?:\.\d+)? (?:mm|cm|m|km|in|inch|inches|ft|feet|yards?|meters?|metres?)) pieces\b",
                        re.I)

# "... how many each. 8??": a bare number typed after the question
_CLAIM_BARE = re.compile(r"(?<=[?.!])(?!\d)\s*\$?\d+(?:\.\d+)?\s*[?!.]*\s*$")   # never the 50 of "is 1.50"

# "with 20% off so its $160 right": a price the student claims, in a story of a price changed by a percent
_CLAIM_PRICE = re.compile(r"[,.]?\s*(?:and )?so (?:it is|its|it'?s) \$\d+(?:\.\d\d)?\s*(?:right|correct)?\s*\?*\s*$",
                          re.I)


# "cookies in bags of 6", "bottles in crates of 24": things and the groups they come in, said with its verb as its
# own fact ("Cookies come in bags of 6.")
_PACKED = re.compile(r"(?:(?<=^)|(?<=[.,;] ))([a-z]+s) (?:come |are )?in ([a-z]+s of \d+)\b,?", re.I)

# "34 kids on bus 9 got off", "90 eggs 18 cracked", "15 seats each 47 taken": a new count and what it did, typed
# straight after the fact before it, starts a fact of its own. Only after a thing counted, a place, or 'each'.
_RUN_ON_COUNT = re.compile(rf"(?<=[a-z]) (?=\d+ (?:more )?(?:[a-z]+ )?{_VERB_AFTER})")
_BEFORE_RUN_ON = re.compile(r"(?:\d+(?:\.\d+)? (?:[a-z]+ )?[a-z]+s|\b(?:in|on|at) (?:the |a )?[a-z]+|\beach)$")


def _run_on_counts(text: str) -> str:
    """Each count typed on after a fact (`_RUN_ON_COUNT`) as a sentence of its own."""
    def split(m: re.Match) -> str:
        before = text[:m.start()]
        told = before[max(before.rfind("."), before.rfind("?")) + 1:]
        return ". " if _BEFORE_RUN_ON.search(told) and re.search(r"\d", told) else m.group()
    return _RUN_ON_COUNT.sub(split, text)


# "... equally in 4 baskets. how many in each": what one group gets, asked as a share ("How many does each basket
# get?"); the planner names the thing shared in each form (`forms`)
_EACH_GETS = re.compile(r"\bhow (many|much) (?:are |is )?(?:(?:in|on|for) )?each(?: ([a-z]+)\b)?\s*\??", re.I)
# "split the rest equal to 6 teams": 'equal' typed for 'equally'
_EQUAL = re.compile(r"\b((?:share|shared|shares|split|splits|divide|divided|divides|put|puts)(?: the rest| them| it)?) "
                    r"equal\b", re.I)
_SHARED_AMONG = re.compile(r"\b(?:(?:equally|evenly) (?:with|among|between|to|on|into|in|for) (?:the )?\d+ ([a-z]+)s\b|"
                           r"(?:among|between|on|into|in) (?:the )?\d+ ([a-z]+)s (?:equally|evenly)\b)", re.I)


def _each_gets(text: str) -> str:
    """A share asked as what one group gets (`_EACH_GETS`): the group the question names, else the one the story
    shares among ("... equally in 4 baskets. how many in each" -> "how many does each basket get?")."""
    among = _SHARED_AMONG.search(text)
    if among is None:
        return text
    group = among.group(1) or among.group(2)
    return _EACH_GETS.sub(lambda m: f"how {m.group(1).lower()} does each {m.group(2) or group} get?", text)


# where a clause a student runs on ends: a stop or comma, the end, or the next clause's "and", "how", "what", "so"
_CLAUSE_END = r"(?=\s*(?:[.?!,]|$|and\b|how\b|what\b|so\b))"
# "9 boxes and 6 muffins in each one", "5 shelves with 9 books on each": the group said without its noun after
# "each" (the planner reads "in each box"); the noun is the count's named just before ("9 boxes")
_EACH_BARE = re.compile(r"\b(?P<n>\d+) (?P<g>[a-z]+s),? (?:and|with) (?P<m>\d+ [a-z]+s) (?P<p>in|on) each(?: one)?"
                        + _CLAUSE_END, re.I)
# "has 36 beads and uses 4 for each bracelet": an amount for each thing said without its noun, when a verb that uses
# up what was counted before ("uses", "needs", "puts") takes it (the planner reads "uses 4 beads for each bracelet")
_FOR_EACH_BARE = re.compile(r"\b(?P<v>uses|used|needs|needed|takes|took|puts|put) (?P<k>\d+) (?=for each [a-z]+)", re.I)
# "tom has 3 times as many cards as sam who has 14": the amount compared against told last, in a clause of its own
# ("Sam has 14 cards. Tom has 3 times as many cards as Sam.")
_WHO_HAS = re.compile(r"\b(?P<s>[A-Za-z][a-z]+) (?P<v>has|had) (?P<c>(?:\d+ times|twice|half) as (?:many|much) "
                      r"(?P<x>[a-z]+s) as|\d+ (?:more|fewer|less) (?P<x2>[a-z]+s) than) (?P<o>[A-Za-z][a-z]+),? "
                      r"who (?:has|had) (?P<m>\d+)(?: [a-z]+s)?" + _CLAUSE_END)

# "45 kids go, each van holds 8": what each group holds said without its noun (the planner reads "holds 8 kids")
_HOLDS_BARE = re.compile(r"\beach (?P<g>[a-z]+) (?P<v>holds|fits|seats|carries) (?P<k>\d+)" + _CLAUSE_END, re.I)
# "works 6 hours on sat and 4 on sun": the second count said without the noun of the first, after the same word
_SAME_AFTER = re.compile(r"\b(?P<a>\d+ (?P<n>[a-z]+s) (?P<p>on|in|at|for) [a-z]+ and )(?P<m>\d+) (?=(?P=p) )", re.I)


def _singular(noun: str) -> str:
    """A plural count noun said of one ("boxes" -> "box", "shelves" -> "shelf", "pages" -> "page", "buses" -> "bus")."""
    if noun.endswith("buses"):
        return noun[:-2]
    for plural, one in (("ves", "f"), ("ies", "y"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss")):
        if noun.endswith(plural) and len(noun) > len(plural) + 1:
            return noun[:-len(plural)] + one
    return noun[:-1]


def _groups_named(text: str) -> str:
    """Groups and amounts said without their nouns (`_EACH_BARE`, `_FOR_EACH_BARE`, `_WHO_HAS`) said with them."""
    text = _EACH_BARE.sub(lambda m: f"{m.group('n')} {m.group('g')} with {m.group('m')} {m.group('p')} each "
                                    f"{_singular(m.group('g').lower())}", text)
    counted = [m.group(1) for m in _COUNT_NOUN.finditer(text) if m.group(1) not in _NOT_NOUNS]

    def amount(m: re.Match) -> str:
        before = [c for c in _COUNT_NOUN.finditer(text[:m.start()]) if c.group(1) not in _NOT_NOUNS]
        noun = before[-1].group(1) if before else ""
        after = text[m.end():].split()[2] if len(text[m.end():].split()) > 2 else ""
        if not noun or _singular(noun) == after.strip(".,?!").lower():   # "needs 4 for each bead": no noun to tell
            return m.group()
        return f"{m.group('v')} {m.group('k')} {noun} "
    text = _FOR_EACH_BARE.sub(amount, text) if counted else text

    def held(m: re.Match) -> str:
        before = [c.group(1) for c in _COUNT_NOUN.finditer(text[:m.start()]) if c.group(1) not in _NOT_NOUNS
                  and _singular(c.group(1).lower()) != m.group("g").lower()]
        return f"{m.group()} {before[-1]}" if before else m.group()
    text = _SAME_AFTER.sub(lambda m: f"{m.group('a')}{m.group('m')} {m.group('n')} ", _HOLDS_BARE.sub(held, text))
    return _WHO_HAS.sub(lambda m: f"{m.group('o').capitalize()} {m.group('v')} {m.group('m')} "
                                  f"{m.group('x') or m.group('x2')}. {m.group('s')} {m.group('v')} {m.group('c')} "
                                  f"{m.group('o').capitalize()}", text)


# The student's working typed on after a retold problem with no question mark between (`work_apart`): a sentence that
# opens with their own words and a number ("so thats 24 chairs", "i got 16", "i think its 45 dollars", "10% is 4"),
# that states a result ("half of 30 is 15", "4 nines is 36", "15 boxes times 24 is 360", "2.5 L = 2500 mL",
# "1/4 is the same as 2/8"), that is a bare number ("6.15km"), or that ends by doubting itself ("... 38 i think")
_NUMBER = r"\$?\d[\d,]*(?:\.\d+)?(?:/\d+)?%?"
_OWN_OPENER = (r"(?:and )?so\b|i (?:got|get|think|did|tried|found|timesed|times|multiplied|divided|added|subtracted|"
               r"took|worked|counted|doubled|halved)\b|(?:thats|that's|that is|its|it's|it is|answer|the answer is|"
               r"is it|altogether thats|altogether that's)\b")
_OWN_SENTENCE = re.compile(
    rf"^\s*(?:(?:{_OWN_OPENER})[^.?!]*?\d|"
    rf"(?:half|a (?:half|third|quarter|fifth|tenth)|one (?:half|third|quarter|fifth|eighth|tenth)) of {_NUMBER}\s+"
    rf"(?:is|=)\s+{_NUMBER}|"
    rf"(?:one|each|1) [a-z]+ (?:is|=|costs?) {_NUMBER}|"
    rf"{_NUMBER}\s*(?:[a-z]+\s+){{0,3}}(?:(?:times|x|plus|minus|divided by|take away|of|[-+×*/÷])\s*{_NUMBER}\s*"
    rf"(?:[a-z]+\s+)?)*(?:is|=|equals|makes)\s*(?:the same as\s+|about\s+)?{_NUMBER}|"
    rf"{_NUMBER}\s*[a-z]*\s*(?:bc|because|cuz|since)\b|"
    rf"{_NUMBER}\s*[a-z]*\s*[?!.]*\s*$|"
    rf"[^.?!]*\d[^.?!]*\b(?:i think|i guess|right|correct)\s*[?!.]*\s*$)", re.I)
# inside a sentence: "... and 4 friends so 5 people", "wall is 5 by 6 so 30 square meters", "3x+7=31 i took 7 off"
_OWN_INSIDE = re.compile(rf"[,;]?\s+(?=(?:(?:and )?so (?:its |it's |thats |that's |the answer is )?{_NUMBER}|"
                         rf"i (?:got|think|did|timesed|took|added|multiplied|divided|subtracted)\b[^.?!]*\d))", re.I)
# the problem's own question in what would be the student's part: then it is no tail of theirs
_ASKS_IN = re.compile(rf"\b(?:{_ASKED}|how)\b", re.I)
_SAID_BEFORE = re.compile(rf"(?<=[.?!])\s*(?:the )?[a-z]+ (?:is|=) {_NUMBER}\s*$", re.I)
_SENTENCES = re.compile(r"(?:[^.?!]|\.(?=\d))+(?:[.?!]+|$)")   # problem_text.SENTENCES: "7.60" ends no sentence


def work_apart(text: str) -> tuple[str, str] | None:
    """(the problem as the student retold it, their working typed on after it), or None: the first sentence after
    one that gives a number that is the student's own (`_OWN_SENTENCE`), else the first run of their own words inside
    a sentence (`_OWN_INSIDE`), when what follows asks nothing ("how many left" is the problem's question). "6 tables
    w 4 chairs each and 4 are broke. so thats 24 chairs" -> ("6 tables w 4 chairs each and 4 are broke.", "so thats 24
    chairs"). Only a short retelling of two numbers or more and a short tail: a passage's "It is 2 miles from the
    river." is no working."""
    pieces = [m.group() for m in _SENTENCES.finditer(text) if m.group().strip()]
    for i in range(1, len(pieces)):
        head, tail = "".join(pieces[:i]), "".join(pieces[i:])
        if _OWN_SENTENCE.match(pieces[i]) and _short(head, tail):
            return head.strip(), tail.strip()
    for m in _OWN_INSIDE.finditer(text):
        head, tail = text[:m.start()], text[m.end():]
        if _short(head, tail):
            # "... a meter. perimeter is 38 so 190 dollars": the result the "so" goes on from is theirs too
            said = _SAID_BEFORE.search(head)
            if said is not None and re.search(r"\d", head[:said.start()]):
                head, tail = head[:said.start()], f"{said.group().strip()} {tail}"
            return head.strip(" ,;"), tail.strip()
    return None


def _short(head: str, tail: str) -> bool:
    """A retold problem (up to 4 sentences, 2 numbers or more, a question mark only on a question of an amount) and
    a tail of working that asks nothing (2 sentences at most): never a passage and the question asked about it, nor
    a list of the story's numbers told in the first person."""
    asked = "?" not in head or re.search(r"\bhow (?:many|much|far|long)\b", head, re.I)
    listed = re.search(r"\d+(?:\s*,\s*\d+)+,?\s+and\s+\d+", tail)
    if listed and not re.search(r"[-+×*/÷=]|\b(?:is|makes|equals)\b", tail):
        return False   # "i got 78, 92 and 81 on the first three": scores the story gives, no working
    return bool(asked) and len(re.findall(r"\d+", head)) >= 2 and len(_SENTENCES.findall(head)) <= 4 and \
        len(head) + len(tail) <= 400 and len([p for p in _SENTENCES.findall(tail) if p.strip()]) <= 2 and \
        not _ASKS_IN.search(tail)


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
    text = _SHORT_WORD.sub(lambda m: _SHORTHAND[m.group().lower()],
                           spelled_out(_N_FOR_AND.sub("and", " ".join(text.split()))))
    text = _claims_asked(_capitalised(_THERE_IS_MANY.sub("there are ", _ITS_AMOUNT.sub("it is", _more_again(text)))))
    if (first := _QUESTION_FIRST.match(text)) is not None:
        text = f"{text[first.end():]}. {first.group(1).strip()}?"
    text = _BY_PART.sub(lambda m: f"by {_PERCENT_OF_PART[m.group(1).lower()]}", _in_dollars(text))
    text = _PER_BARE.sub(r"\1. \3 \2 ", _PIECES_OF.sub(r"into pieces that are \1 long", text))
    text = _SHARED_BARE.sub(r"\1 are shared equally among \2", _PACKED.sub(r"\1 come in \2.", text))
    if (priced := _PRICE_FIRST.search(text)) and re.search(_BARE_HOW_MUCH, text):   # "... how much": what they cost
        count, things = priced.group(2).split(" ", 1)
        text = re.sub(_BARE_HOW_MUCH, f"how much do {count} {things} cost?",
                      _PRICE_FIRST.sub(f"{things.capitalize()} cost {priced.group(1)} each", text))
    text = _PRICE_FIRST.sub(r"\2 cost \1 each", _PRICE_BARE.sub(r"\1 cost \2 each.", text))
    text = _PAYS_WITH.sub(r"\1$\2", text) if "$" in text else text
    text = _BARE_RATIO.sub(r"The ratio of \1 ", _HOW_MUCH_TO.sub("how much does it cost to", text))
    text = _PARTICLE_LAST.sub(r"\1\3 \2", _COMPARED_AFTER.sub(_compared_first, text))
    text = _SIDE_BY_SIDE.sub(r"\1 with ", _groups_named(text))
    text = _EVERY.sub(" each ", text)
    text = _BARE_PART.sub(r"\1 of them", _PRICE_A.sub(r"\1 per ", _EQUALLY.sub(" equally", text)))
    if (same := _SAME_THINGS.search(text)) is not None:
        text = _SECOND_COUNT.sub(rf"\1 {same.group(2)} ", text, count=1)
    text = _VERBLESS.sub(lambda m: f"{m.group(1)} are {'there ' if m.group(2) == 'now' else ''}",
                         _with_nouns(_run_on_counts(text)))
    text = _VERBLESS_MUCH.sub(lambda m: f"{m.group(1)} is {'there ' if m.group(2) == 'now' else ''}", text)
    text = _each_gets(_EQUAL.sub(r"\1 equally", text))
    text = _SAME_RATE.sub("", _RUN_ON_QUESTION.sub(". ", text))   # "same speed how far": once the question is apart
    pieces = re.findall(r"(?:[^.?!]|\.(?=\d))+[.?!]*", text)
    said = []
    for piece in pieces:
        if not (piece := _request_asked(piece)):
            continue
        if _TOTAL_ASKED.match(piece.strip()):
            piece = "how much in total?" if "$" in text else "how many in total?"
        asked = re.match(rf"\s*{_ASKED}\b", piece, re.I) or piece.rstrip().endswith("?")
        told = [piece] if asked else _facts_split(_deeds(_ENDS.sub("", piece.strip()))).split(". ")
        said.extend(_sentence(p) for p in told)
    said = [p for p in said if p]
    if len(said) > 1 and said[0].endswith("?") and not re.search(r"\d", said[0]):
        said = said[1:] + said[:1]   # the question asked first ("how many left?? farm had 84 ...") is asked last
    return " ".join(said)


# "10 juice boxes", "12 toy cars": a thing named by two words, the first no number's companion ("of", "more")
_TWO_WORD_NOUN = re.compile(r"(?<![$\d.])\d+ ((?!(?:of|more|fewer|less|times|each|per|in|on|at|and|with)\b)[a-z]+ "
                            r"(?!(?:as|is|was|has|does|his|its|this|less)\b)[a-z]+s)\b(?! of\b)")

# "How many in each cup?", "How many are not mysteries?": a question that leaves out what it counts
_COUNTLESS = re.compile(r"\b(How many)(?= (?:are|were|is|was|does|did|do|can|will|would|in|on|at|left|now|each|not|"
                        r"[a-z]+(?<!s))\b)")

# "Art room 6 tables ...", "Parking garage has 64 cars": a first sentence that starts with a place or thing said
# without its article (or its verb); never a name ("Lena has"), which a form with "The" would not read anyway
_VERBS = r"(?:has|had|holds|sells|sold|got|gets|is|was|does|did|makes|made|uses|used|buys|bought|costs|weighs|runs)"
# (a second word ending in s or ed is the verb: "Maya bikes 36 km", "Sara baked 48"; "There", "Of the" start no noun)
_BARE_START = re.compile(rf"^((?!(?:There|The|Of|In|On|At)\b)[A-Z][a-z]+(?: (?!{_VERBS}\b)[a-z]+(?<!s)(?<!ed))?) "
                         rf"(?={_VERBS} |\d)")


def _with_article(m: re.Match) -> str:
    """"Art room 6 tables" -> "The art room has 6 tables"; "Tank holds" -> "The tank holds"."""
    return f"The {m.group(1).lower()} " + ("has " if m.string[m.end()].isdigit() else "")


# "How much?" of money the story earns or spends, and who does it ("She earns $8 each hour"): the planner reads "How
# much does she earn?"
_BARE_HOW_MUCH_ASKED = re.compile(r"\bHow much(?: in all| altogether| in total)?\?")
# "How much does each pay?", "How many does each get?": a question's "each" said without the thing it counts
_EACH_ALONE = re.compile(r"\b(?:How (?:much|many)) (?:does|do|will|did|would) each(?= (?:pay|get|cost|weigh|earn|need|"
                         r"have|receive|spend)\b)")
_EARNER = re.compile(r"\b(She|He|They|[A-Z][a-z]+) (earn|spend|save|pay|make)s? \$", re.I)

# "How much is left?", "How much is there now?": a measure asked without its unit
_MEASURE_ASKED = re.compile(r"\bHow much is(?= (?:there now|left)\?)")


def _earner_named(who: str) -> str:
    """Who earns, said inside the question: a pronoun in lower case, a name as written ("Maya")."""
    return who.lower() if who.lower() in ("she", "he", "they") else who


def forms(text: str) -> list[str]:
    """The student's text said as the planner reads a problem (`normalised`), and the same text with its countless
    question naming each thing counted in the problem in turn ("How many books are not mysteries?") and with an
    article and verb before a bare first noun ("The art room has 6 tables", "There are 30 students in a class").
    lesson.plan_of keeps a plan only when every form that plans gives the same answer: a question the retelling
    leaves open is no plan."""
    said = normalised(text)
    found = [said]
    nouns = dict.fromkeys(m.group(1) for m in _COUNT_NOUN.finditer(said))
    nouns.update(dict.fromkeys(m.group(1) for m in _TWO_WORD_NOUN.finditer(said)))   # "juice boxes" as well as "boxes"
    nouns.update(dict.fromkeys(m.group(1).lower() for m in re.finditer(r"\b([A-Za-z]+s) come in\b", said)))
    if (countless := _COUNTLESS.search(said)) and not said[countless.end():].lstrip().startswith(tuple(nouns)):
        found += [_COUNTLESS.sub(rf"\1 {noun}", said) for noun in nouns]
    if "$" not in said and _MEASURE_ASKED.search(said):   # "How much is there now?" of a story told in liters
        found += [_MEASURE_ASKED.sub(f"How many {noun} are", said) for noun in nouns]
    if "$" in said and (bare := _BARE_HOW_MUCH_ASKED.search(said)):   # "... 4 hours on sun. How much?": what she earns
        found += [f"{said[:bare.start()]}How much {'do' if m.group(1).lower() == 'they' else 'does'} "
                  f"{_earner_named(m.group(1))} {m.group(2)}?{said[bare.end():]}"
                  for m in _EARNER.finditer(said[:bare.start()])]
    if (alone := _EACH_ALONE.search(said)) is not None:   # "How much does each pay?": each one of a count's things
        found += [f"{said[:alone.end()]} {_singular(noun)}{said[alone.end():]}" for noun in nouns]
    started = [_BARE_START.sub(_with_article, f) for f in found if _BARE_START.match(f)]
    counts = [f"There are {f[0].lower()}{f[1:]}" for f in found if re.match(r"\d+ [a-z]+s (?:in|on|at)\b", f)]
    return found + started + counts
