"""Which way each number of a story moves the amount its question asks about, read from the story's own verbs.

"A bus had 23 people on it. At the first stop 9 people got on and 4 people got off. How many people are on the bus
now?" reads as a start (23 people, no moving verb) and two changes: 9 people got on (+1: more people on the bus), 4
people got off (-1: fewer). The tutor needs this where the planner (solver.py) has no plan, and where a student's
right arithmetic moves an amount the wrong way ("23 - 9 = 14" takes away people who got on): the arithmetic checker
cannot see that, the story can. A reading is made only where it is plain, else none (and the tutor says nothing about
direction): the question asks what there is now or left (never "how many more ... than", never the amount at the
start, whose changes run backwards); every clause of the story that holds a number holds exactly one, whole, of the
same unit, moved by at most one verb the list below knows, by the story's owner (a gift to the owner, "her aunt gave
her 25", moves it in); no clause speaks of parts, rates or comparisons (half, each, twice, of them, more than).
Where the whole story does not read so ("Eli buys 6 packs and chews 8 pieces"), one step is still asked about by the
clause of its own number alone (`against_story`: "30 + 8" adds the 8 pieces chewed), never by a purchase's verb.
"""
from __future__ import annotations

import re
from dataclasses import astuple, dataclass
from fractions import Fraction

import solver
from arithmetic_claims import Claim, arithmetic_text, claims, measure_kind
from asked_step import number_move
from problem_text import NUM, given_numbers, problem_sentences, question_sentence, question_target
from solver import Plan, fmt
from unplanned_help import HOW_FAR_APART
from wordproblem import MONEY_AWAY, MOVES_AWAY, MOVES_IN, NUMBER, normalise, number_value, stem

# The shared lexicon (wordproblem.py), with what only a plain story reads as a change: spending anything, and
# "left" ("she left 5 at school"), which the question check below keeps apart from "how many are left", living
# things that die ("9 plants die": fewer are still alive), gum chewed and eggs that break.
_AWAY = rf"{MOVES_AWAY}|spent|spends|paid|pays|left(?! over)|leaves|died|dies|die|wilted|wilts|wilt|" \
    r"chewed|chews|chew|break|cracked|cracks|crack"
_GIVES = r"gave|gives|handed|hands|sent|sends"
_IN = rf"{MOVES_IN}|landed|lands|showed up|shows up"   # birds land on the tree, friends show up at the party
_VERB = re.compile(rf"\b(?P<away>{_AWAY})\b|\b(?P<in>{_IN})\b", re.I)
_CLAUSE = re.compile(r"[.;!?](?:\s|$)|,\s*(?:and\s+|then\s+|but\s+)?|\s+(?:and|but)\s+(?:then\s+)?|\s+then\s+")
# parts, rates and comparisons: a clause saying one of these is not a plain change
_NOT_PLAIN = re.compile(r"\b(?:half|halves|twice|double|doubled|triple|tripled|thrice|third|quarter|fourth|fifth|"
                        r"dozen|each|every|per|times|some|rest|remaining|remainder|of what|as (?:many|much)|than|"
                        r"(?:a|an) (?:minute|hour|day|week|"
                        r"month|year)|percent|total)\b|%|\d/\d", re.I)
NOW_ASKED = re.compile(r"\b(?:now|left|remain|remains|remaining|still|in the end|at the end|end up|"
                       r"not (?:broken|cracked|eaten|sold|used|spent|lost|taken)|unsold|unused|uneaten)\b", re.I)
_NOT_NOW = re.compile(r"\b(?:more|fewer|less)\b.*\bthan\b|\b(?:at first|start|started|begin|began|beginning|before|"
                      r"total|each|difference)\b", re.I)   # a difference, a share, or the start (changes run back)
_NAME = re.compile(r"\b(?!(?:A|An|The|There|At|On|In|Then|After|Later|Her|His|Their|It|He|She|They)\b)[A-Z][a-z]+\b")


@dataclass(frozen=True)
class Change:
    """One number of a story as read here: the start (sign 0) or a change (+1 more, -1 fewer)."""

    value: Fraction
    sign: int
    verb: str       # "got on", "flew away"; "" for the start
    clause: str     # as the story says it: "At the first stop 9 people got on"
    unit: str       # the word after the number ("people", "litres"; "$" for money)


def _change(clause: str) -> Change | None:
    """A clause with exactly one number: the start when no verb moves it, a change when exactly one verb does."""
    found = list(NUMBER.finditer(normalise(clause).replace(",", "")))
    if len(found) != 1 or _NOT_PLAIN.search(normalise(clause)):
        return None
    number = found[0].group()
    after = re.match(r"\s*(?:more |extra |new |other )?([a-z]+)", normalise(clause)[found[0].end():], re.I)
    unit = "$" if number.startswith("$") else (after.group(1).lower() if after else "")
    # a verb right after a number agrees with a plural ("9 landed", "5 more arrive"), so a word there ending in -s is
    # the noun: "84 plants", "9 plants die" ("plants" is what dies)
    verbs = [v for v in _VERB.finditer(clause) if v.group().lower() != unit or not unit.endswith("s")]
    if len(verbs) > 1:
        return None
    if verbs and after and after.group(1).lower() == verbs[0].group().split()[0].lower():
        unit = ""   # "17 flew away", "9 more landed": no noun of their own, so the start's
    value = number_value(number)
    if not verbs:
        return Change(value, 0, "", clause, unit)
    verb = verbs[0]
    sign = -1 if verb.group("away") else +1
    if unit in ("$", "cents", "cent") and re.fullmatch(MONEY_AWAY, verb.group(), re.I):
        sign = -1
    if re.fullmatch(_GIVES, verb.group(), re.I):   # "gave away 15", "gave 5 to Joe": away; a gift to the owner: in
        gift = re.match(r"\s*(?:him|her|them|me|us)\s+(?:another\s+|an extra\s+)?\$?\d", clause[verb.end():])
        if gift and re.search(r"\b(?:he|she|they|i|we|it)\s*$", clause[:verb.start()], re.I):
            return None   # "She gave her 5": whose amount moves depends on who "her" is
        if gift:
            sign = +1     # "Her aunt gave her 25 more beads"
        elif not re.match(r"\s*(?:away|out)?\s*\$?\d", clause[verb.end():]):
            return None   # "gave his sister 8": to whom it goes is not read here
    return Change(value, sign, verb.group(), clause, unit)


def _same_units(changes: list[Change]) -> bool:
    """Every change counts what the start counts ("29 of them" does too): "3 gallons" and "13 ounces" need a
    conversion first, and "$2" spent on apples is no change in apples; "17 flew away" names no noun: the start's."""
    start = stem(changes[0].unit)
    return all(stem(c.unit) == start or c.unit in ("of", "") for c in changes[1:])


def _asks_now(question: str) -> bool:
    """Does the question ask what there is now or left? "How many people got off?" asks for a change instead."""
    asks_change = any(v.group().lower() not in ("left", "leaves") and not question[:v.start()].endswith("not ")
                      for v in _VERB.finditer(question))   # "How many are not cracked?" asks what is still whole
    return bool(NOW_ASKED.search(question)) and not _NOT_NOW.search(question) and not asks_change \
        and not _NOT_PLAIN.search(question)


def story_changes(problem: str) -> list[Change] | None:
    """The story's start and changes, in order, when its question asks what there is now or left and the whole
    story reads plainly (see the module's docstring); else None."""
    question = (re.findall(r"[^.!?]*\?", problem) or [""])[-1]
    if not _asks_now(question):
        return None
    clauses = [c.strip(" .,") for c in _CLAUSE.split(problem.replace(question, " ")) if c.strip(" .,")]
    changes = []
    for clause in clauses:
        if _NOT_PLAIN.search(normalise(clause)):
            return None
        if not re.search(r"\d", normalise(clause)):
            continue
        change = _change(clause)
        if change is None:
            return None
        changes.append(change)
    if changes and changes[0].sign == +1:   # "Sam found 20 shells. He lost 5.": the first gain is the start
        changes[0] = Change(changes[0].value, 0, "", changes[0].clause, changes[0].unit)
    owners = {n for c in clauses[:1] for n in _NAME.findall(c)}
    others = {n for c in clauses[1:] for n in _NAME.findall(c)} - owners
    if len(changes) < 2 or [c.sign for c in changes].count(0) != 1 or changes[0].sign != 0 or others \
            or not _same_units(changes) or any(c.value.denominator != 1 for c in changes):
        return None   # another person's buying or giving moves the owner's amount a way not read here
    return changes


def moved_wrong_way(changes: list[Change], left: Fraction, op: str, right: Fraction) -> Change | None:
    """The change a step moves against its verb: "23 - 9" takes away the 9 who got on; "52 + 17" adds the 17 who flew
    away. None when the step agrees with the story, or its numbers are not the story's own (one each)."""
    by_value = {c.value: c for c in changes}
    if len(by_value) != len(changes) or op not in "+-":
        return None
    moved = by_value.get(right)
    if op == "-" and moved is not None and moved.sign == +1:
        return moved
    away = [c for c in (by_value.get(right), by_value.get(left)) if c is not None and c.sign == -1]
    if op == "+" and len(away) == 1:   # "12 + 5" of 12 given away and 5 lost: all that went, put together
        return away[0]
    return None


def against_story(problem: str, claim: Claim) -> Change | None:
    """The change a right step of adding or taking away moves against its verb: read from the whole story
    (`story_changes`), or, where the whole story does not read plainly, from the clause of that one number alone
    ("Eli buys 6 packs and chews 8 pieces": the 8 is chewed, fewer pieces) in a story asked about what there is now
    or left. None when the step agrees with the story or its numbers are not read."""
    terms = _TWO_TERMS.fullmatch(arithmetic_text(claim.expression))
    if terms is None or terms.group(2) not in "+-":
        return None
    left, op, right = Fraction(terms.group(1)), terms.group(2), Fraction(terms.group(3))
    changes = story_changes(problem)
    if changes is not None:
        return moved_wrong_way(changes, left, op, right)
    question = question_sentence(problem_sentences(problem))
    if not _asks_now(question):
        return None
    story = problem.replace(question, " ")
    alone = [c for c in map(_change, (c.strip(" .,") for c in _CLAUSE.split(story))) if c is not None and c.sign
             and not re.fullmatch(MONEY_AWAY, c.verb, re.I)]   # "buys gum for 85 cents": money out, gum in
    read = {c.value: c for c in alone if solver.numbers_in(problem).count(c.value) == 1}
    return moved_wrong_way([c for v, c in read.items() if v in (left, right)], left, op, right)


def answer_by_story(changes: list[Change]) -> Fraction:
    """The start with every change applied its own way: what there is now."""
    return sum((c.value * (c.sign or 1) for c in changes), Fraction(0))


# ============================================================================ asking about a story's changes

_AUXILIARIES = {"are", "is", "was", "were", "do", "does", "did", "will", "can", "have", "has"}
_NO_NOUN = {"now", "left", "altogether", "total", "in", "then", "after"}   # "how many now": no noun to name


def asked_amount(problem: str) -> str:
    """The question's amount with its comparison words: "more people on the bus, or fewer", "more money, or less"."""
    question = question_sentence(problem_sentences(problem))
    many = re.search(r"\bhow many (?!(?:are|is|were|was|do|does|did|will|can)\b)(?P<noun>[a-z]+)", question, re.I)
    place = re.search(r"\b(?:on|in|at) (?:the|a|an|her|his|their|its) [a-z]+\b", question)
    where = f" {place.group()}" if place and not re.search(r"\b(?:have|has|had)\b", question) else ""
    if many and many.group("noun").lower() in _AUXILIARIES | _NO_NOUN:   # "How many are left?" names no noun
        return "more, or fewer"
    if many:
        return f"more {many.group('noun')}{where}, or fewer"
    if re.search(r"\bhow many\b", question, re.I):   # "How many are left?": no noun to name
        return f"more{where}, or fewer"
    noun = re.search(r"\bhow much (?P<noun>[a-z]+)", question, re.I)
    thing = noun.group("noun") if noun and noun.group("noun") not in ("does", "did", "do", "is", "are", "will") \
        else "money"
    return f"more {thing}{where}, or less"


# a retelling typed without its "?" runs the question on into the last change ("5 get on how many now")
_RUN_ON_ASK = re.compile(r"\s+\b(?:how (?:many|much|long|far)|what'?s|whats|what is)\b.*$", re.I)


def moved_question(problem: str, change: Change) -> str:
    """The story's own clause about a change, asked as a direction: "9 people got on: does that make more people on
    the bus, or fewer?"."""
    clause = _RUN_ON_ASK.sub("", change.clause) or change.clause
    said = clause[0].upper() + clause[1:]
    sentence = next((s for s in problem_sentences(problem) if change.clause in s), "")
    subject = re.match(r"(?:[A-Z][a-z]+|He|She|They|We|I)(?= )", sentence)
    if change.clause[0].islower() and subject and subject.group() not in ("A", "An", "The", "There"):
        said = f"{subject.group()} {clause}"   # "lost 5" of "He gave away 12 and lost 5": "He lost 5"
    return f"{said}: does that make {asked_amount(problem)}?"


def then_question(problem: str, change: Change) -> str:
    """The next change asked in the story's words: "4 people got off: how many people are on the bus after that?"."""
    question = question_sentence(problem_sentences(problem))
    many = re.search(r"\bhow many (?!(?:are|is|were|was|do|does|did|will|can)\b)(?P<noun>[a-z]+)", question, re.I)
    place = re.search(r"\b(?:on|in|at) (?:the|a|an|her|his|their|its) [a-z]+\b", question)
    amount = f"how many {many.group('noun')}" if many else "how much"
    where = f" {place.group()}" if place and not re.search(r"\b(?:have|has|had)\b", question) else ""
    clause = _RUN_ON_ASK.sub("", change.clause) or change.clause
    return f"{clause[0].upper()}{clause[1:]}: {amount} {'are' if many else 'is'} there{where} after that?"


def story_walk(changes: list[Change], worked: list[str]) -> tuple[Fraction, set[int]]:
    """How far the student's right steps have taken the story: the amount reached, and the changes applied (each its
    own way, in any order, each step starting from the amount reached)."""
    current, applied = changes[0].value, set()
    for claim in (c for w in worked for c in claims(w) if c.right):
        for i, change in enumerate(changes[1:], 1):
            if i not in applied and claim.stated == current + change.sign * change.value \
                    and set(solver.numbers_in(claim.expression)) == {current, change.value}:
                current, applied = claim.stated, applied | {i}
                break
    return current, applied


def _counted(phrase: str, text: str) -> str:
    """What a given number counts: its word, read on to a plural noun after a singular one ("15 tomato" in "15 tomato
    plants" counts tomato plants: "How many tomato are in 6 rows?" is no question)."""
    word = phrase.split()[-1]
    after = re.search(rf"\b{re.escape(phrase)} ([a-z]+s)\b", text)
    return f"{word} {after.group(1)}" if after and not word.endswith("s") else word


def part_plan(problem: str, apart: bool = False) -> Plan | None:
    """Without a plan of the whole problem, the planner's plan of one of its sentences, asked about a thing its
    numbers count ("Leo reads 14 pages a day for 6 days." with "How many pages are there in all?"): kept when it is
    one multiplication, division or change of unit on numbers that sentence gives ("How many pages for 6 days, at
    14 pages per day?"), a part of the story to work out first. A sum is never kept: a sentence that only lists
    quantities ("12 books weigh 18 kg") would be added up. A sentence that compares in number words ("Lia has twice
    as many stickers as Sam") is read with the sentence before it and asked about whom it names first; so is one of
    an amount for each thing ("Each wall needs 3 liters." after "A room has 4 walls."), when no sentence alone is.
    With `apart` (a first move, where no number of the student's is read against it), a sentence may also be read
    with any earlier one: "Sara reads 25 pages a day. Her book has 300 pages. She has read for 7 days."."""
    sentences = [p for p in problem_sentences(problem) if p != question_sentence(problem_sentences(problem))]
    # each sentence alone first, then a sentence of an amount for each thing with the one before it, then any pair
    readings = [(i, None) for i in range(len(sentences))] + \
        [(i, i - 1) for i in range(1, len(sentences)) if _EACH.search(sentences[i])] + \
        [(i, b) for i in range(len(sentences)) for b in range(i - 1) if apart]
    for i, before in readings:
        sentence = sentences[i]
        if _PART_IS.search(sentence):   # "36 stamps, which is 1/4 of her collection": the 36 is the part, not a whole
            continue
        compared = _COMPARED.search(sentence)
        before = i - 1 if before is None and compared and i and not given_numbers(sentence) else before
        text = f"{sentences[before]} {sentence}" if before is not None else sentence
        written = solver.numbers_in(text)
        nouns = dict.fromkeys(_counted(phrase, text) for _, phrase in given_numbers(text) if " " in phrase)
        for noun in (n for n in nouns if n.replace(" ", "").isalpha()):
            asks = [f"How many {noun} does {compared.group('who')} have?"] if compared else []
            for part in (solver.plan(f"{text} {ask}") for ask in asks + [f"How many {noun} are there in all?"]):
                if part is not None and len(part.steps) == 1 and part.steps[0].op in "*/" and all(
                        not part.quantities[r.index].given or part.quantities[r.index].value in written
                        for r in part.steps[0].operands):
                    return part
    return None


# "which is 1/4 of her collection", "was 30% of the class": a fraction whose part the number before it is
_PART_IS = re.compile(r"\b(?:is|was|are|were|makes|made)\s+\d+(?:/\d+|(?:\.\d+)?%)\s+of\b", re.I)

# "Each wall needs 3 liters." after "A room has 4 walls.": an amount for each of what the sentence before counts
_EACH = re.compile(r"\b(?:each|every|per)\b", re.I)

# 'Lia has twice as many stickers as Sam': a comparison in number words, and whom it names first
_COMPARED = re.compile(r"^(?P<who>[A-Z][a-z]+) (?:has|had|have|owns|collected|read|scored) (?:twice|half|"
                       r"(?:two|three|four|five|\d+) times) as (?:many|much)\b")


def part_story(problem: str) -> list[Change] | None:
    """A story whose start is worked out first ("4 packs of gum with 5 pieces each. She chewed 7 pieces and gave 6
    to friends."): the plan of its first sentence (`part_plan`) as the start, the sentences after it as its changes."""
    part = part_plan(problem)
    sentences = problem_sentences(problem)
    if part is None or not part.problem.startswith(sentences[0]):
        return None
    noun = part.unit.split()[-1] if part.unit else ""   # "48 tomato plants", then "sells 15 plants": one unit
    return story_changes(f"There were {fmt(part.answer)} {noun}. {' '.join(sentences[1:])}")


# ============================================================================ relations the story states

# "12 fewer crayons than the red box", "3 years older than her brother": an amount more or less than another
_MORE = r"more|older|taller|longer|heavier|bigger|higher|farther|further"
_LESS = r"fewer|less|younger|shorter|lighter|smaller|lower"
_MORE_OR_LESS = re.compile(rf"(?P<said>(?P<n>\d+(?:\.\d+)?) (?:[a-z]+ )?(?P<way>{_MORE}|{_LESS})) "
                           rf"(?:(?P<noun>[a-z]+) )?than (?P<ref>[^,.?]+)")
_TIMES_AS = re.compile(r"(?P<n>\d+) times as (?:many|much)(?: (?P<noun>[a-z]+))? as (?P<ref>[^,.?]+)")
# "3 laps of a 400 meter track": once around or along is the whole measure (never "4 chapters of a 300 page book")
_GROUPS_OF_ONE = re.compile(r"\b(?P<n>\d+) (?P<groups>laps|lengths|widths|loops|circuits) of (?:a|an|the) "
                            r"(?P<size>\d+)[ -](?P<unit>[a-z]+) (?P<thing>[a-z]+)\b")
# "mean of 4 tests has to be 85", "20 students with a mean score of 72": a mean and how many it is over
_MEAN_OF = re.compile(r"\b(?:mean|average)(?: \w+)? (?:of|over|for) (?P<n>\d+) (?P<things>[a-z]+) (?:has to be|must be|"
                      r"needs to be|should be|is|was|of) (?P<mean>\d+(?:\.\d+)?)|\b(?P<n2>\d+) (?P<things2>[a-z]+) "
                      r"with (?:a|an) (?:mean|average)(?: \w+)? of (?P<mean2>\d+(?:\.\d+)?)", re.I)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_FRACTION = re.compile(r"(?<![\d/.])(\d+)/(\d+)(?![\d/])")
_TWO_TERMS = re.compile(rf"\s*(-?{NUM})\s*([-+*/])\s*(-?{NUM})\s*")


@dataclass(frozen=True)
class RelationMove:
    """What the tutor says about a step that goes against a relation the story states, or that finds a part the
    story names: a verdict ("flag" or "confirm"), a lead, and one question."""

    verdict: str
    lead: str
    question: str


def relation_move(problem: str, found: list[Claim], earlier: tuple[Fraction, ...] = ()) -> RelationMove | None:
    """The first right claim of two of the problem's numbers that goes against what the story says relates them
    ("9 + 4" for 4 times as many bikes as 9 scooters, "45 + 12" for 12 fewer crayons, "300 - 15" for 15% off $300,
    "120 - 4" for a tank 1/4 full, "32 x 4" where Tom's 32 is already 4 times Sue's), named at that step; or, first,
    a whole split by a fraction's bottom ("120 / 4 = 30" for 1/4 of 120 liters), confirmed as that part. With no
    relation stated, the question's own last step (asked_step.py): "15 x 9 = 135" where the question asks what is
    still left of 240 pages is confirmed as the pages read, and the taking away asked; a part found `earlier` is
    named with its value, never asked for again."""
    sentences = problem_sentences(problem)
    asked = question_sentence(sentences)
    story = " ".join(s for s in sentences if s != asked)
    phrases = _amounts(story)
    moves = []
    hundredths = {c.stated * 100 for c in found if c.right}   # "420 × 35 = 14700, 14700 ÷ 100 = 147": 35% in two steps
    for claim in (c for c in found if c.right):
        terms = _TWO_TERMS.fullmatch(arithmetic_text(claim.expression))
        if terms is None or claim.stated in hundredths:
            continue
        a, op, b = Fraction(terms.group(1)), terms.group(2), Fraction(terms.group(3))
        for check in (_fraction_part, _percent_part, _times_as, _more_or_less, _percent_as_amount, _times_and_total,
                      _square_perimeter):
            move = check(story, asked, phrases, claim, (a, op, b))
            moves += [(claim, move)] if move is not None else []
    flagged = next((move for _, move in moves if move.verdict == "flag"), None)
    last = next((move for claim, move in moves if claim is found[-1]), None)   # a part confirmed: the latest only
    by_question = number_move(problem, found[-1].stated, found[-1], earlier) if found and not moves else None
    return flagged or last or (RelationMove(*astuple(by_question)) if by_question else None)


def _amounts(story: str) -> dict[Fraction, str]:
    """The story's amounts with their nouns ("45 crayons", "$300"), never a bare 15 of 15%, nor a total ("Together
    they have 60 coins"): a relation between two amounts says nothing about a total of them by one operation."""
    totals = [s for s in problem_sentences(story) if _TOTAL.search(s)]
    return {value: phrase for value, phrase in given_numbers(story)
            if re.search(r"[a-z$]", phrase) and not any(value in solver.numbers_in(s) for s in totals)}


_TOTAL = re.compile(r"\b(?:together|in all|altogether|in total|total|combined|sum|between them)\b", re.I)


def _named(ref: str, asked: str) -> bool:
    """Does the question speak of the relation's other side ("than her brother", "as Sue has")? Then the amount
    the story gives is the related one, and the relation runs backwards."""
    words = [w for w in re.findall(r"[A-Za-z]+", ref) if w.lower() not in _NOT_NAMES]
    return bool(words) and all(re.search(rf"\b{w}\b", asked, re.I) for w in words)


_NOT_NAMES = {"the", "a", "an", "her", "his", "their", "its", "has", "have", "had", "does", "did", "do", "is", "are",
              "was", "were", "in", "on", "at", "of"}


def _other(terms: tuple[Fraction, str, Fraction], n: Fraction, phrases: dict) -> Fraction | None:
    """The claim's other number, when one of its two numbers is `n` and the other is an amount the story gives."""
    a, _, b = terms
    other = b if a == n else a if b == n else None
    return other if other is not None and other != n and other in phrases else None


def _sentence_of(story: str, start: int) -> str:
    sentences = problem_sentences(story)
    offsets = [story.index(s) for s in sentences]
    return next(s for s, at in zip(reversed(sentences), reversed(offsets)) if at <= start)


def _percent_part(story: str, asked: str, phrases: dict, claim: Claim, terms: tuple) -> RelationMove | None:
    """"15% of 300 = 45" for a price cut by 15%: the part the problem's percent names, confirmed, and how it helps
    with the question's own target asked."""
    a, op, b = terms
    percents = {Fraction(p) / 100 for p in _PERCENT.findall(story)}
    if op != "*" or a not in percents or b not in phrases:
        return None
    part = f"${fmt(claim.stated)}" if phrases[b].startswith("$") else claim.result
    target = question_target(asked) or "the answer"
    return RelationMove("confirm", f"Yes, {claim} is right: {part} is the {fmt(a * 100)}% of {phrases[b]} the "
                                   f"problem speaks of.", f"How does {part} help you find {target}?")


def _times_as(story: str, asked: str, phrases: dict, claim: Claim, terms: tuple) -> RelationMove | None:
    for m in _TIMES_AS.finditer(story):
        n, sentence = Fraction(m.group("n")), _sentence_of(story, m.start())
        other = _other(terms, n, phrases)
        if other is None:
            continue
        backwards = _named(m.group("ref"), asked)
        if terms[1] in "+-":
            return RelationMove("flag", f"Look at {claim}: the problem says \"{m.group().strip()}\", and {fmt(n)} "
                                        f"times as many is not {fmt(n)} more.",
                                f"What number times {fmt(n)} makes {fmt(other)}?" if backwards else
                                f"What do {fmt(n)} groups of {fmt(other)} make?")
        if terms[1] == "*" and backwards:
            name = " ".join(w for w in re.findall(r"[A-Za-z]+", m.group("ref")) if w.lower() not in _NOT_NAMES)
            whose = f"{name}'s number" if name[:1].isupper() else f"the number of {name}"
            return RelationMove("flag", f"Look at {claim}: the problem says \"{sentence}\"",
                                f"So is {whose} bigger or smaller than {fmt(other)}, and does multiplying "
                                f"{fmt(other)} by {fmt(n)} make it that?")
        if terms[1] == "*" and not backwards:
            return _kept(claim, asked, f"{fmt(n)} times as many as {phrases[other]} is {claim.result}")
        if terms[1] == "/" and backwards and terms[0] == other:
            return _kept(claim, asked, f"{phrases[other]} is {fmt(n)} times {claim.result}")
    return None


_TIMES_ANY = re.compile(r"(?P<n>\d+) times as [a-z]+(?: [a-z]+)? as (?P<ref>[^,.?]+)")
_SUBJECT = re.compile(r"^(?P<who>[A-Z][a-z]+) (?:is|has|had|was|scored|collected|read|weighs|earns|earned)\b")


def _times_and_total(story: str, asked: str, phrases: dict, claim: Claim, terms: tuple) -> RelationMove | None:
    """"32 / 3" where Sam is 3 times as old as his sister and together their ages are 32: the total is 3 + 1 equal
    parts, so the relation's number alone never splits it. Asked as parts, the number of parts left to the student."""
    totals = [(s, solver.numbers_in(s)) for s in problem_sentences(story) if _TOTAL.search(s)]
    totals = [(s, numbers[0]) for s, numbers in totals if len(numbers) == 1]
    for m in _TIMES_ANY.finditer(story) if len(totals) == 1 else ():
        n, total = Fraction(m.group("n")), totals[0][1]
        subject = _SUBJECT.match(_sentence_of(story, m.start()))
        bigger = subject.group("who") if subject else "the other"
        if terms == (total, "/", n + 1):   # "32 / 4 = 8": the total shared into its 3 + 1 equal parts
            return RelationMove("confirm", f"Yes, {claim} is right: that is 1 of the {fmt(n + 1)} equal parts of "
                                           f"{fmt(total)}.",
                                f"Whose share is 1 part, and how many parts is {bigger}'s?")
        if sorted((terms[0], terms[2])) != sorted((n, total)) or n == total:
            continue
        return RelationMove("flag", f"Look at {claim}: the problem says \"{m.group().strip()}\", and {fmt(total)} "
                                    f"is both of them together.",
                            f"If {m.group('ref').strip()} is 1 part and {bigger} is {fmt(n)} parts, how many equal "
                            f"parts make the {fmt(total)} together?")
    return None


_PERIMETER_OF_SQUARE = re.compile(r"\bperimeter\b.*\bsquare\b|\bsquare\b.*\bperimeter\b", re.I)


def _square_perimeter(story: str, asked: str, phrases: dict, claim: Claim, terms: tuple) -> RelationMove | None:
    """"36 x 4" where the perimeter of a square is 36 m: the perimeter goes round all 4 equal sides, so any step on
    it but sharing it among the 4 sides treats it as one side. Asked which it is, the side left to the student."""
    sentence = next((s for s in problem_sentences(story) if _PERIMETER_OF_SQUARE.search(s)), None)
    numbers = solver.numbers_in(sentence) if sentence is not None else []
    if len(numbers) != 1 or numbers[0] not in (terms[0], terms[2]):
        return None
    said = phrases.get(numbers[0], fmt(numbers[0]))
    if terms == (numbers[0], "/", 4):   # "36 / 4 = 9": one of the 4 equal sides
        unit = said.removeprefix(fmt(numbers[0])) if said.startswith(fmt(numbers[0])) else ""
        target = question_target(asked) or "the answer"
        return RelationMove("confirm", f"Yes, {claim} is right: one side of the square is {claim.result}{unit}.",
                            f"How does one side help you find {target}?")
    return RelationMove("flag", f"Look at {claim}: the problem says \"{sentence.strip()}\"",
                        f"Is {said} the length of one side, or of all 4 sides together? How long is one side?")


def _kept(claim: Claim, asked: str, reading: str) -> RelationMove:
    """A step that does exactly what a relation of the story says, confirmed as that relation (the story knows it),
    and whether it answers the question asked."""
    return RelationMove("confirm", f"Yes, {claim} is right: {reading}.",
                        f"Does {claim.result} answer \"{asked}\" or is there a step still to do?")


def _more_or_less(story: str, asked: str, phrases: dict, claim: Claim, terms: tuple) -> RelationMove | None:
    for m in _MORE_OR_LESS.finditer(story):
        n, sentence = Fraction(m.group("n")), _sentence_of(story, m.start())
        other = _other(terms, n, phrases)
        if other is None or len(solver.numbers_in(sentence)) != 1 or _named(m.group("ref"), asked):
            continue   # the amount compared is given in the same sentence, or the question asks for the other side
        bigger = re.fullmatch(_MORE, m.group("way")) is not None
        if terms[1] == ("-" if bigger else "+"):
            whose = _compared_side(sentence, m)
            return RelationMove("flag", f"Look at {claim}: the problem says \"{sentence}\"",
                                f"Does \"{m.group('said')}\" make {whose} bigger or smaller than "
                                f"{fmt(other)}?")
        if terms[1] == ("+" if bigger else "-") and terms[0] == other:
            return _kept(claim, asked, f"{m.group('said')} than {fmt(other)} is {claim.result}")
    return None


def _compared_side(sentence: str, m: re.Match) -> str:
    """The side a comparison is about: "the number of pens" (6 more pens than pencils), "the blue box's crayons" (A blue
    box has 12 fewer crayons than the red box), "Maya's number" (Maya is 3 years older than her brother)."""
    noun = m.group("noun")
    if noun and re.fullmatch(r"[a-z]+", m.group("ref").strip()):   # "... than pencils": two kinds of thing compared
        return f"the number of {noun}"
    subject = re.sub(r"^(?:A|An|The) ", "the ", sentence[:sentence.index(m.group())]).strip().rsplit(" ", 1)[0]
    if not (subject[:1].isupper() or subject.startswith("the ")) or len(subject.split()) > 3:
        return "that amount"
    return f"{subject}'s {noun or ('age' if m.group('way') in ('older', 'younger') else 'number')}"


def _percent_as_amount(story: str, asked: str, phrases: dict, claim: Claim, terms: tuple) -> RelationMove | None:
    """"300 - 15" for 15% off $300, "420 × 35" or "420 ÷ 35" for 35% of 420 students: the percent used as a plain
    number."""
    for percent in (Fraction(p) for p in _PERCENT.findall(story)):
        other = _other(terms, percent, phrases)
        if other is None or terms[1] not in "+-*/" or percent == 100 or terms[1] == "/" and (terms[2] != percent
                                                                                              or percent == 10):
            continue
        whole = phrases[other]
        amount = f"${fmt(percent)}" if whole.startswith("$") else f"{fmt(percent)} {' '.join(whole.split()[1:])}"
        said = {"*": f"{fmt(percent)} times {whole}", "/": f"{whole} shared into {fmt(percent)} parts"}.get(
            terms[1], amount.strip())
        return RelationMove("flag", f"Look at {claim}: {fmt(percent)}% of {whole} is not {said}; it is "
                                    f"{fmt(percent)} out of every 100.", f"How much is {fmt(percent)}% of {whole}?")
    return None


def _OF_THE_REST(top: Fraction, bottom: Fraction) -> re.Pattern:
    """"1/4 of what was left", "1/3 of the rest", "half of the remaining": a fraction of what an earlier change left."""
    return re.compile(rf"(?<![\d/]){fmt(top)}/{fmt(bottom)} of (?:what (?:was|is|(?:s?he|they|we|i) (?:had|has)) "
                      rf"left|what'?s left|what remained|the rest|the remain(?:ing|der)|the [a-z]+ (?:that|which|"
                      rf"s?he|they) (?:are|were|is|was|had|has) left)\b", re.I)


def _fraction_part(story: str, asked: str, phrases: dict, claim: Claim, terms: tuple) -> RelationMove | None:
    a, op, b = terms
    if _PART_IS.search(story):   # "36 stamps, which is 1/4 of her collection": 36 ÷ 4 is no quarter of anything
        return None
    for top, bottom in ((Fraction(t), Fraction(d)) for t, d in _FRACTION.findall(story)):
        if bottom in phrases or top in phrases and top != 1 or measure_kind(phrases.get(top / bottom, "")):
            continue   # a 4 the story gives as an amount of its own may rightly be taken away, as a 2/5 m
        if op == "/" and b == bottom and a in phrases and a != bottom and _OF_THE_REST(top, bottom).search(story):
            whole = phrases[a] if re.fullmatch(r"\$?[\d.]+(?: [a-z]+s)?", phrases[a]) else fmt(a)   # not "60 spent"
            return RelationMove("flag", f"{claim} takes {fmt(top)}/{fmt(bottom)} of all {whole}.",
                                f"The {fmt(top)}/{fmt(bottom)} is of what was left, not of {whole}: how much was "
                                f"left at that point?")   # "1/4 of what was left" taken of the whole $60
        if op == "/" and b == bottom and a in phrases and a != bottom:
            unit = " ".join(phrases[a].split()[1:])
            part = f"${fmt(claim.stated)}" if phrases[a].startswith("$") else f"{claim.result} {unit}".strip()
            ask = "Which part does the question ask for: that part, or the rest?" if top == 1 else \
                f"How much are {fmt(top)}/{fmt(bottom)} of {phrases[a]}, then?"
            return RelationMove("confirm", f"Yes, {claim} is right: {part} is 1/{fmt(bottom)} of {phrases[a]}.", ask)
        taken = _other(terms, top / bottom, phrases) if op in "+-" else None
        if taken is not None:   # "120 - 1/3" for 1/3 of $120: a third of one, not of the whole
            return RelationMove("flag", f"Look at {claim}: it uses {fmt(top)}/{fmt(bottom)} as an amount of its own; "
                                        f"the story means {fmt(top)}/{fmt(bottom)} of {phrases[taken]}.",
                                f"What is {fmt(top)}/{fmt(bottom)} of {phrases[taken]}?")
        other = _other(terms, bottom, {**phrases, bottom: ""}) if op in "+-" else None
        if other is not None and other in phrases and other != bottom:
            return RelationMove("flag", f"Look at {claim}: in {fmt(top)}/{fmt(bottom)}, the {fmt(bottom)} says how "
                                        f"many equal parts to make; it is no amount to take away or add.",
                                f"What is {fmt(top)}/{fmt(bottom)} of {phrases[other]}?")
    return None


def compared_sum(problem: str, found: list[Claim]) -> RelationMove | None:
    """A problem of two amounts whose question asks how far apart they are, and the student put the two together
    ("64 + 29 = 93" for how much taller 64 feet is than 29 feet): right arithmetic, the wrong step, flagged."""
    given = given_numbers(problem)
    asked = question_sentence(problem_sentences(problem))
    values = sorted(value for value, _ in given)
    added = next((c for c in found if re.fullmatch(r"\S+ \+ \S+", c.expression)
                  and sorted(solver.numbers_in(c.expression)) == values), None)
    apart = HOW_FAR_APART.search(asked)
    if added is None or len(given) != 2 or not apart:
        return None
    both = " and ".join(phrase for _, phrase in given)
    # what their number is, against the question's own words ("how much taller"), never the sentence pasted
    return RelationMove("flag", f"Your {added.written or fmt(added.stated)} is {both} put together.",
                        f"Does a total tell you {' '.join(apart.group().split()[:3]).lower()}, or what would show "
                        f"how far apart they are?")


def relation_help(problem: str) -> str | None:
    """A help request on a story that relates two amounts, asked from that relation in the problem's own words: who
    has more where the known amount is N times the other ("Who has more cards, and what number times 4 makes 32?"),
    N for each one of the other, whether "12 fewer" makes an amount bigger or smaller than the one it is compared
    with, 10% of the whole before 15%, a fraction's equal parts. None where the story states no such relation, or
    the amount it relates is not one plain number of the story."""
    sentences = problem_sentences(problem)
    asked = question_sentence(sentences)
    story = " ".join(s for s in sentences if s != asked)
    phrases = _amounts(story)
    for m in _TIMES_AS.finditer(story):
        known = _related_amount(story, m, phrases)
        if known is None:
            continue
        n, noun = m.group("n"), m.group("noun") or ""
        if _named(m.group("ref"), asked):
            return f"The problem says \"{_sentence_of(story, m.start())}\" Who has more {noun or 'of them'}, and " \
                   f"what number times {n} makes {fmt(known)}?"
        name = " ".join(w for w in re.findall(r"[A-Za-z]+", m.group("ref")) if w.lower() not in _NOT_NAMES)
        ref = m.group("ref").strip()
        if re.match(r"(?:on|in|at|during|last)\b", ref):   # "as on Monday": the same thing at another time
            return f"The problem says \"{_sentence_of(story, m.start())}\" How many {noun or 'is that'} are {n} " \
                   f"times the {phrases[known]} {ref}?"
        each = f"for each one {name} has" if name[:1].isupper() else f"for each one of the {ref}"
        return f"\"{m.group().strip()}\" means {n} {noun} {each}. How many is that for {phrases[known]}?"
    mean = _MEAN_OF.search(story)
    if mean is not None:   # "a mean of 85 over 4 tests": the total that mean stands for comes first
        n, things, value = (mean.group(k) or mean.group(f"{k}2") for k in ("n", "things", "mean"))
        return f"A mean is a total shared equally. What total over {n} {things} gives a mean of {value}?"
    for m in _GROUPS_OF_ONE.finditer(story):   # "3 laps of a 400 meter track": one lap, then 3
        one, unit = m.group("groups").removesuffix("s"), m.group("unit").removesuffix("s")
        return f"One {one} of the {m.group('thing')} is {m.group('size')} {unit}s. How many {unit}s do " \
               f"{m.group('n')} {m.group('groups')} make?"
    for m in _MORE_OR_LESS.finditer(story):
        known = _related_amount(story, m, phrases)
        sentence = _sentence_of(story, m.start())
        if known is None or len(solver.numbers_in(sentence)) != 1 or _named(m.group("ref"), asked):
            continue
        return f"The problem says \"{sentence}\" Does \"{m.group('said')}\" make {_compared_side(sentence, m)} " \
               f"bigger or smaller than {fmt(known)}?"
    return None


def _related_amount(story: str, m: re.Match, phrases: dict) -> Fraction | None:
    """The amount a relation's other side has: the one number of the story besides the relation's own, or the one in
    a sentence that names that side ("Her brother is 9 years old")."""
    others = [v for v in phrases if v != Fraction(m.group("n"))]
    if len(others) == 1:
        return others[0]
    named = [v for v in others if _named(m.group("ref"), next((s for s in problem_sentences(story)
                                                                if phrases[v] in s and m.group() not in s), ""))]
    return named[0] if len(named) == 1 else None
