"""The question's last step, read from its own words, for a number made without that step (no plan needed).

"A book has 240 pages. Oscar reads 15 pages each night for 9 nights. How many pages does he still have to read?"
with "135": the question's "still" says the last step takes away from the whole, and 135 is what the story's
numbers make without it (the pages read). So the tutor says what 135 truthfully counts and asks for the missing
step in the question's own words: 'How many of the 240 pages does he still have to read?', never its result. A
number a wrong last step makes (the pages read added to the whole) is pointed at that step. The question's words
read here:
- "left", "remain", "still", or the verb of "kept the rest": take the used amount away from the whole the story
  starts with;
- "in all", "altogether", "total", "pay", "cost": put the parts together (two kinds of ticket at their prices);
- "how many more/fewer ... than": compare one amount with the other;
- "each" with a story that shares equally: share the whole;
- "rose", "fell", "warmer", "colder" in the story: move the start that way (only a move the other way is read).
A reading is made only where it is plain: every number of the story (and of the question: "After 6 weeks, how many
...") is used once, by one groups clause ("15 pages each night for 9 nights", "4 bags with 9 shells in each bag", "6
sheets a day" with "8 days"), one clause of two amounts taken away ("Tom eats 4 slices and Rita eats 3 slices"), or
prices paired with counts by their category ("$8 for adults", "2 adult tickets"); no sentence compares or takes a
percent or fraction, says a number in words, gives a total or one more or less; the question holds no "if" and
asks for no rate ("in a year"); and the number read matches one reading only. The reading's own answer is never
confirmed (without a plan that is not known here) nor questioned: the move is for a number short of it or past it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from arithmetic_claims import Claim, measure_kind
from problem_text import given_numbers, problem_sentences, question_sentence
from solver import fmt, numbers_in
from wordproblem import MONEY_AWAY, MOVES_AWAY, MOVES_IN, same_word

_LEFT = re.compile(r"\b(?:left|remains?|remaining|still)\b", re.I)
_TOTAL = re.compile(r"\b(?:in all|altogether|together|in total|total)\b", re.I)
_IN_ALL = re.compile(rf"{_TOTAL.pattern}|\b(?:pay|pays|cost)\b", re.I)
_COMPARE = re.compile(r"^how (?:many|much) (?:more|fewer|less)\b[^?]*\bthan\b", re.I)
_EACH_ASKED = re.compile(r"\beach\b", re.I)
_SHARED = re.compile(r"\b(?:equally|shares?|shared|among|between)\b", re.I)
# a sentence that relates amounts (twice, 3 times, 12 more than, 15%, 1/4) is read by story_changes.py, never here
_RELATES = re.compile(r"\b(?:than|times|twice|half|double|triple|percent|third|quarter)\b|%|\d/\d", re.I)
# "15 pages each night", "$5 a week for 9 weeks", "8 trays of 12 muffins", "4 bags with 9 shells"
# two amounts taken in one clause: "Tom eats 4 and Rita eats 3", "sold 45 in the morning and 78 in the afternoon",
# "used 6 crayons and gave 4 crayons to Max" (never "20 feet wide and 60 feet long")
_TAKING = rf"(?:{MOVES_AWAY}|gave|gives|give|read|reads)"
_TWO_TAKEN = re.compile(rf"\b(?P<verb>[a-z]+) \d+[^\d]*\band\b[^\d]*?\b(?P=verb) \d|\b{_TAKING} \d+[^\d]*\band "
                        rf"(?:{_TAKING} )?\d", re.I)
# a question with a condition ("If ..."), or asking per period ("in a year"), or a story that says a number in words
# ("a dozen", "the first four"), gives its total ("a total of 20"), or one more or less ("another 10", "$4 less"):
# the last step is then not what the question's word says, or the numbers are not all read here
_UNREAD_QUESTION = re.compile(r"\bif\b|\b(?:in|per|each|every|for) (?:a|an|one|each)? ?(?:day|week|month|year|hour|"
                              r"minute)\b|\baverage\b|\bmean\b", re.I)
_UNREAD_STORY = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|"
                           r"total|together|altogether|in all|combined|another|more|less|fewer|average|mean|"
                           r"discount|tax|change|refund)\b|\d off\b", re.I)


@dataclass(frozen=True)
class Component:
    """One amount the story makes from its numbers: what it is worth, the numbers it uses, and what it counts, in the
    story's words ('the pages in "Oscar reads 15 pages each night for 9 nights"', 'the 2 adult tickets at $8')."""

    value: Fraction
    numbers: tuple[Fraction, ...]
    counts: str        # a noun phrase: 'the number of pages in "..."', 'the cost of the 2 adult tickets at $8'
    money: bool = False
    sentence: str = ""   # the story's sentence it comes from, as written


@dataclass(frozen=True)
class Reading:
    """The question's last step and what it works on: `parts` made without it, `whole` where it takes away, shares
    or compares with one number the story gives."""

    step: str                    # "left", "fraction_left", "in_all", "compare", "share"
    parts: tuple[Component, ...]
    whole: tuple[Fraction, str] | None
    question: str


def read_question(problem: str) -> Reading | None:
    """The question's last step with the story's parts, when the whole story reads plainly (module docstring)."""
    sentences = problem_sentences(problem)
    question = question_sentence(sentences)
    story = [s for s in sentences if s != question]
    numbered = story + ([question] if numbers_in(question) else [])   # "After 8 days, how many sheets are left?"
    if not question or not story or any(_RELATES.search(s) for s in numbered if s != question or len(numbered) > 1
                                        and s == question and not _COMPARE.search(s)) \
            or _UNREAD_QUESTION.search(question) or any(_UNREAD_STORY.search(s) for s in story):
        return None
    story = _clauses(numbered)
    given = [(v, p) for v, p in given_numbers(" ".join(story)) if v > 0]
    if len(given) < 3 or len({v for v, _ in given}) != len(given):
        return None
    step = _asked_step(question, story)
    if step is None:
        return None
    parts = _components(story, step, question)
    if parts is None:
        return None
    used = [n for part in parts for n in part.numbers]
    rest = [(v, p) for v, p in given if v not in used]
    if step == "in_all" or step == "compare" and len(parts) == 2:   # two parts, both made first
        return Reading(step, parts, None, question) if not rest and len(parts) == 2 else None
    if len(parts) != 1 or len(rest) != 1:
        return None
    if step in ("left", "fraction_left") and not _taken_from(story, rest[0], parts[0]):
        return None
    return Reading(step, parts, rest[0], question)


def _taken_from(story: list[str], whole: tuple[Fraction, str], used: Component) -> bool:
    """Is the part plainly taken from the whole? The whole comes first and is bigger, the part's sentence moves
    nothing in ("buys 4 boxes of 25 books" adds to a library; spending money on them takes it away), and both count
    the same thing where both name it ("300 kg" and "45 kg", never "5 hours" and "12 cakes")."""
    where = [i for i, s in enumerate(story) if whole[0] in numbers_in(s)]
    if not where or used.sentence not in story or story.index(used.sentence) <= where[0]:
        return False
    moves_in = re.search(rf"\b(?:{MOVES_IN})\b", used.sentence, re.I)
    if whole[0] <= used.value or moves_in and not ("$" in used.sentence and re.fullmatch(MONEY_AWAY, moves_in.group(),
                                                                                      re.I)):
        return False
    noun = whole[1].split()[-1] if " " in whole[1] else ""
    nouns = [p.split()[-1] for _, p in given_numbers(used.sentence) if " " in p]
    money = whole[1].startswith("$") and "$" in used.sentence
    return money or not noun or not nouns or any(same_word(noun, n) for n in nouns)


# "kept the rest", "sold the rest at the market": the question asking about that verb asks what is left
_REST = re.compile(r"\b(?!(?:of|and|with|for|to|all|from|on|in|at)\b)([a-z]+) the rest\b", re.I)
_PAST = {"kept": "keep", "sold": "sell", "gave": "give", "ate": "eat", "took": "take", "spent": "spend",
         "lent": "lend", "sent": "send", "brought": "bring", "bought": "buy", "put": "put", "left": "leave"}


def _same_verb(a: str, b: str) -> bool:
    """One verb in two forms: "kept"/"keep", "stored"/"store", "packed"/"pack"."""
    def base(word: str) -> str:
        word = word.lower()
        return _PAST.get(word) or re.sub(r"(?<=[a-z]{3})(?:ed|d|s)$", "", word)
    return base(a) == base(b) or base(a) == base(b) + "e" or base(a) + "e" == base(b)


def _clauses(sentences: list[str]) -> list[str]:
    """The sentences, one of more than two numbers split at its commas ("A cake has 12 pieces, Ann eats 3 and Ben
    eats 4." is a whole, then two amounts eaten)."""
    split = [re.split(r",\s+(?:and\s+)?", s) if len(given_numbers(s)) > 2 else [s] for s in sentences]
    clauses = [c.strip() for parts in split for c in parts if c.strip()]
    # "3 bags of 8 marbles and 2 boxes of 10 marbles": two groups in one clause
    return [c.strip() for clause in clauses
            for c in (re.split(r"\s+and\s+", clause) if len(given_numbers(clause)) > 2 else [clause]) if c.strip()]


def _asked_step(question: str, story: list[str]) -> str | None:
    if _COMPARE.search(question):
        return "compare"
    if _LEFT.search(question):
        return "fraction_left" if re.match(r"what fraction\b", question, re.I) else "left"
    if _IN_ALL.search(question) and not re.search(r"\b(?:more|fewer|less|need|needs|other|else)\b", question, re.I):
        return "in_all"   # never "How many more packets does he need to have a total of 12?"
    asked = re.findall(r"[a-z]+", question)
    if any(_same_verb(m.group(1), w) for s in story for m in _REST.finditer(s) for w in asked):
        return "left"   # "He gave away 7 tins and kept the rest." with "How many cookies did he keep?"
    if _EACH_ASKED.search(question) and any(_SHARED.search(s) for s in story):
        return "share"
    return None


def _components(story: list[str], step: str, question: str) -> tuple[Component, ...] | None:
    """The amounts the story makes before the last step: a groups sentence's product, a sentence's two amounts
    taken away (only where the question takes away), prices times counts paired by category; None where a
    sentence holds numbers read no way here."""
    priced = _priced(story)
    if priced is not None:
        return priced if step == "in_all" else None
    parts, counts = [], set()
    for sentence in story:
        numbers = [v for v, _ in given_numbers(sentence) if v > 0]
        over = _over_periods(story, sentence) if len(numbers) == 1 else None
        if over is not None:   # "Kira uses 6 sheets a day" with "After 8 days": 6 sheets for each of 8 days
            counts.add(over[1])
            parts.append(Component(numbers[0] * over[0], (numbers[0], over[0]),
                                   f"{_counts_in(sentence)}, over {over[1]}", "$" in sentence, sentence))
        elif len(numbers) == 2 and _groups(sentence) and sentence not in question:   # the question's numbers: counts
            parts.append(Component(numbers[0] * numbers[1], tuple(numbers), _counts_in(sentence),
                                   "$" in sentence, sentence))
        elif len(numbers) == 1 and _RATE.search(sentence):
            return None   # "1.5 kilograms each month" with no number of months: not read here
        elif len(numbers) == 2 and step in ("left", "fraction_left") and _TWO_TAKEN.search(sentence) \
                and all(v.denominator == 1 for v in numbers):
            parts.append(Component(numbers[0] + numbers[1], tuple(numbers), _counts_in(sentence), "$" in sentence,
                                   sentence))
        elif len(numbers) > 1:
            return None
    singles = [(v, p) for s in story for v, p in given_numbers(s) if len(given_numbers(s)) == 1 and v > 0
               and p not in counts and not re.search(rf"\b(?:{MOVES_AWAY}|{MONEY_AWAY})\b", s, re.I)]
    if step == "in_all" and len(parts) == 1 and len(singles) == 1 and _same_kind(parts[0], singles[0][1]):
        value, phrase = singles[0]   # "$12 an hour for 6 hours" and "a $15 tip": money and money
        parts.append(Component(value, (value,), f"the {phrase}", phrase.startswith("$")))
    return tuple(parts) if parts else None


_PERIODS = r"day|night|week|month|hour|minute|year|evening|morning"
_PERIODS_WORDS = rf"(?:{_PERIODS})\b"
_PER_PERIOD = re.compile(rf"\d+ [a-z]+(?: [a-z]+)? (?:a|an|each|every|per) (?P<period>{_PERIODS})\b", re.I)


def _over_periods(story: list[str], sentence: str) -> tuple[Fraction, str] | None:
    """"6 sheets a day" and, in another clause, "8 days": the number of periods and how the story says it."""
    rate = _PER_PERIOD.search(sentence)
    if rate is None:
        return None
    period = rate.group("period").lower()
    found = [m for s in story if s != sentence for m in re.finditer(rf"\b(\d+) {period}s?\b", s, re.I)]
    return (Fraction(found[0].group(1)), found[0].group()) if len(found) == 1 else None


# a number that comes in each group: "9 shells in each bag", "15 pages each night", "$7 each", "$12 an hour"
_RATE = re.compile(rf"(?P<n>\$?\d+(?:\.\d+)?)(?: [a-z]+){{0,2}}? "
                   rf"(?:each|every|per|apiece|(?:a|an) (?={_PERIODS_WORDS}))(?: of (?:the|her|his|their|its))?"
                   rf"(?: (?P<noun>[a-z]+))?")
_NOT_NOUN = {"for", "and", "to", "in", "on", "at", "of", "from", "so", "but", "with"}


def _groups(clause: str) -> bool:
    """Two numbers of which one comes in each of the other's groups: "5 boxes of 24 pencils", "4 bags with 9 shells in
    each bag", "15 pages each night for 9 nights" (each night, 9 nights: the groups agree), "3 books at $7 each";
    never two rates ("20 pages in an hour, and 15 pages in an hour"), two prices, or a rate whose groups are other
    things than the count's ("2 blue notes under each of the red notes" with "10 blue notes")."""
    numbers = given_numbers(clause)
    if len(numbers) != 2 or clause.count("$") > 1:
        return False
    if re.search(r"\d+ [a-z]+ of \$?\d", clause) and not _RATE.search(clause):   # never "9 plants with 3 packets"
        return True
    rates = [m for m in _RATE.finditer(clause)]
    if len(rates) != 1:
        return False
    rate = Fraction(rates[0].group("n").lstrip("$"))
    count = next((p for v, p in numbers if v != rate), "")
    noun = rates[0].group("noun")
    return noun is None or noun in _NOT_NOUN or " " in count and same_word(noun, count.split()[-1])


def _same_kind(part: Component, phrase: str) -> bool:
    """A single amount added to a part counts what it counts: money and money ("a $15 tip"), pages and pages."""
    if phrase.startswith("$") or part.money:
        return phrase.startswith("$") and part.money
    noun = phrase.split()[-1] if " " in phrase else ""
    return bool(noun) and noun in part.counts


def _counts_in(sentence: str) -> str:
    """What a sentence's amount counts, in its words: 'the number of pages in "Oscar reads 15 pages each night for 9
    nights"' (the noun of the number that comes in each group, else of its first number), 'the length in "..."' for a
    measure, or the money in it."""
    rate = re.search(r"(\d+) ([a-z]+)(?: [a-z]+)? (?:each|every|per|a|an|in each)\b", sentence) \
        or re.search(r"\d+ [a-z]+ (?:of|with) (\d+) ([a-z]+)", sentence) \
        or re.search(r"(\d+) (?!(?:and|or|the|in|on|of|to|for|at)\b)([a-z]+)", sentence)
    quoted = sentence.strip().rstrip(".")
    kind = measure_kind(f"{rate.group(1)} {rate.group(2)}") if rate else ""
    if "$" in sentence:
        return f"the money in \"{quoted}\""
    if kind in ("", "thing"):
        return f"the number of {rate.group(2)} in \"{quoted}\"" if kind else f"the amount in \"{quoted}\""
    return f"the {kind} in \"{quoted}\""


def _priced(story: list[str]) -> tuple[Component, ...] | None:
    """"Tickets cost $8 for adults and $4 for children. A family buys 2 adult tickets and 3 child tickets.": each
    price times the count of its own category; None unless the story is exactly two such sentences."""
    prices = [s for s in story if len(re.findall(r"\$\d", s)) == 2 and len(given_numbers(s)) == 2]
    counts = [s for s in story if "$" not in s and len(given_numbers(s)) == 2]
    if len(prices) != 1 or len(counts) != 1 or len([s for s in story if given_numbers(s)]) != 2:
        return None
    counted = [(m.group(1), m.group(2), m.group()) for m in
               re.finditer(r"(\d+) ([a-z]+)(?: (?:tickets?|passes|pass|meals?|entries))?", counts[0])]
    pairs = []
    for m in re.finditer(r"\$(\d+(?:\.\d+)?)", prices[0]):
        after = re.match(r"\s*(?:(?:for|per)\s+)?(?:each\s+|an?\s+|one\s+)?([a-z]+)", prices[0][m.end():])
        before = [w for w in re.findall(r"[a-z]+", prices[0][:m.start()].lower())
                  if any(_same_category(w, c) for _, c, _ in counted)]
        named = after and any(_same_category(after.group(1), c) for _, c, _ in counted)   # "$9 adults", "$9 for adults"
        category = after.group(1) if named else (before[-1] if before else "")
        match = [c for c in counted if _same_category(category, c[1])]
        if len(match) != 1:
            return None
        count, _, said = match[0]
        price = Fraction(m.group(1))
        pairs.append(Component(price * int(count), (price, Fraction(count)), f"the cost of the {said} at ${m.group(1)}",
                               True, prices[0]))
    return tuple(pairs) if len(pairs) == 2 and pairs[0].numbers[1] != pairs[1].numbers[1] else None


def _same_category(a: str, b: str) -> bool:
    children = {"child", "children", "kid", "kids"}
    return same_word(a, b) or a.lower() in children and b.lower() in children


# ============================================================================ the move for a student's number

@dataclass(frozen=True)
class AskedMove:
    """What to say: "ask" for a number short of the last step ("confirm" for a right claim), "flag" for one a wrong
    last step makes."""

    verdict: str
    lead: str
    question: str


def number_move(problem: str, value: Fraction, claim: Claim | None = None,
                earlier: tuple[Fraction, ...] = ()) -> AskedMove | None:
    """A student's number (bare, or the result of a right `claim` on the story's numbers) that the question's last
    step explains: short of it (a part) or made by the wrong step; None where nothing here reads it plainly, and
    for the reading's own answer (never confirmed without a plan, never questioned either). A part the student
    found `earlier` is named with its value when the question asks to put it with this one."""
    reading = read_question(problem)
    if reading is None:
        return _moved_start(problem, value, claim)
    if value == _answer(reading) or claim is not None and not _uses(claim, reading, value):
        return None
    said = f"{_money(value, reading)} is" if claim is None else f"Yes, {claim} is right: {_money(value, reading)} is"
    moves = [m for m in (_short(reading, value, said, earlier), _wrong_step(reading, value, claim)) if m is not None]
    if len(moves) != 1:
        return None
    right = claim is not None and moves[0].verdict == "ask"   # a right claim short of the last step is confirmed
    return AskedMove("confirm", moves[0].lead, moves[0].question) if right else moves[0]


def _answer(reading: Reading) -> Fraction | None:
    """What the reading's last step makes (only to keep it apart: it is never said)."""
    part, whole = reading.parts[0].value, reading.whole[0] if reading.whole else None
    if reading.step == "in_all":
        return sum((p.value for p in reading.parts), Fraction(0))
    if reading.step == "compare" and whole is None:
        return abs(part - reading.parts[1].value)
    answers = {"left": whole - part, "fraction_left": (whole - part) / whole,
               "compare": abs(whole - part), "share": part / whole}
    return answers[reading.step]


def _money(value: Fraction, reading: Reading) -> str:
    money = any(p.money for p in reading.parts) and reading.step != "fraction_left"
    return f"${fmt(value)}" if money else fmt(value)


def _uses(claim: Claim, reading: Reading, value: Fraction) -> bool:
    """A claim is read only when it is right and its numbers are the story's own, or a part it makes (never "12 × 3"
    for 4 × 9)."""
    story = {n for p in reading.parts for n in (*p.numbers, p.value)}
    story |= {reading.whole[0]} if reading.whole else set()
    return claim.right and claim.stated == value and set(numbers_in(claim.expression)) <= story


def _short(reading: Reading, value: Fraction, said: str, earlier: tuple[Fraction, ...]) -> AskedMove | None:
    """The number is a part the story makes before the question's last step: what it counts, then that step in the
    question's own words, without its result."""
    whole, used = reading.whole, reading.parts[0]
    if reading.step == "fraction_left" and value == whole[0] - used.value != used.value:   # the count left: a step
        return AskedMove("ask", f"{said} how many of the {whole[1]} {_left_words(reading.question)} after "
                                f"\"{used.sentence.rstrip('.')}\".", f"What fraction of all {fmt(whole[0])} is that?")
    if reading.step == "fraction_left":
        if value not in (used.value, used.value / whole[0]) or used.value >= whole[0]:
            return None
        lead = f"{fmt(used.value)}/{fmt(whole[0])} is the part of the {whole[1]}" if value < 1 else \
            f"{said} how many of the {whole[1]} are"
        return AskedMove("ask", f"{lead} in \"{used.sentence.rstrip('.')}\".",
                         f"How many of the {whole[1]} {_left_words(reading.question)}, and what fraction of all "
                         f"{fmt(whole[0])} is that?")
    match = [p for p in reading.parts if p.value == value and len(p.numbers) > 1]
    if len(match) != 1:
        return None
    lead = f"{said} {match[0].counts}."
    if reading.step == "left" and value < whole[0] and (question := _of_the_whole(reading.question, whole[1])):
        return AskedMove("ask", lead, question)
    other = next((p for p in reading.parts if p is not match[0]), None)
    found = other is not None and other.value in earlier and other.value != value   # "16" for the adults, then "12"
    if reading.step == "in_all":
        return AskedMove("ask", lead, f"And {other.counts} is {_money(other.value, reading)}: "
                                      f"{_lower_first(reading.question)}" if found else
                         f"What about {other.counts}? The question asks \"{reading.question}\"")
    if reading.step == "compare":
        other = f"the {whole[1]}" if whole else f"{fmt(other.value)}, {other.counts}" if found else other.counts
        return AskedMove("ask", lead, f"Now compare it with {other}: {_lower_first(reading.question)}")
    if reading.step == "share":
        return AskedMove("ask", lead, f"Those are shared equally: {_lower_first(reading.question)}")
    return None


def _wrong_step(reading: Reading, value: Fraction, claim: Claim | None) -> AskedMove | None:
    """The number is what the wrong last step makes: the used amount added to the whole where the question asks
    what is left, the two amounts compared added, or one part taken from the other where it asks for the total. A
    bare number is said to be what that step makes (true of the number), never that the student did it."""
    whole, part = reading.whole, reading.parts[0]
    if reading.step in ("left", "compare") and whole is not None and value == whole[0] + part.value:
        doing = f"adding {fmt(part.value)}, {part.counts}, to the {whole[1]}" if reading.step == "left" else \
            f"putting {fmt(part.value)} and the {whole[1]} together"
        question = f"Does that leave more than the {whole[1]}, or fewer? The question asks \"{reading.question}\"" \
            if reading.step == "left" else \
            f"Does \"{_COMPARE.search(reading.question).group()}\" ask for a total, or for how far apart the two are?"
    elif reading.step == "in_all" and value == abs(reading.parts[0].value - reading.parts[1].value):
        doing = "taking one cost away from the other"
        word = _TOTAL.search(reading.question)
        question = f"Does \"{word.group()}\" in the question ask you to take away, or to put the two together?" \
            if word else f"The question asks \"{reading.question}\" Is that one cost less the other, or both?"
    else:
        return None
    verb, rest = doing.split(" ", 1)   # "adding 40 ... to the 96 pages": "it adds 40 ... to the 96 pages"
    said = {"adding": "adds", "putting": "puts", "taking": "takes"}[verb]
    lead = f"Look at {claim}: it {said} {rest}." if claim is not None else \
        f"{_money(value, reading)} is what {doing} makes."
    return AskedMove("flag", lead, question)


_UP = r"rose|rises|risen|went up|goes up|gone up|climbed|warmer|higher|increased"
_DOWN = r"fell|falls|fallen|dropped|drops|went down|goes down|gone down|colder|cooler|lower|decreased"
_MOVED = re.compile(rf"\b(?:(?P<up>{_UP})|{_DOWN})\b", re.I)
_AT_START = re.compile(r"\b(?:at first|start|started|begin|began|before|how (?:many|much) (?:more|fewer|less))\b", re.I)


def _amounts(text: str) -> list[tuple[Fraction, str]]:
    """The given numbers that are amounts, never a clock time ("At 4 pm", "By 10:30")."""
    return given_numbers(re.sub(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b\.?", "then", text, flags=re.I))


@dataclass(frozen=True)
class MovedStart:
    """A start and the one change that moves it, its way read from its word: "6 degrees", "9 degrees colder"."""

    start: Fraction
    change: Fraction
    way: int          # +1 rose / warmer, -1 fell / colder
    clause: str       # "By 10 pm it was 9 degrees colder"

    def question(self) -> str:
        return f"The problem says \"{self.clause}\": does that make it higher or lower than {fmt(self.start)}?"


def moved_start(problem: str) -> MovedStart | None:
    """"At 4 pm the air was 6 degrees. By 10 pm it was 9 degrees colder.": a start and one change whose word says
    which way it moves (rose, fell, warmer, colder); None unless the story is just that and the question asks what
    there is after it."""
    sentences = problem_sentences(problem)
    question = question_sentence(sentences)
    story = _clauses([s for s in sentences if s != question])
    given = _amounts(" ".join(story))
    moving = [c for c in story if _MOVED.search(c)]
    if len(given) != 2 or len(moving) != 1 or _amounts(question) or _AT_START.search(question) \
            or any(_RELATES.search(c) for c in story) or [abs(v) for v, _ in _amounts(moving[0])] != [abs(given[1][0])]:
        return None
    way = 1 if _MOVED.search(moving[0]).group("up") else -1
    return MovedStart(given[0][0], abs(given[1][0]), way, moving[0].rstrip("."))


def _moved_start(problem: str, value: Fraction, claim: Claim | None) -> AskedMove | None:
    """A number that moves the start the other way than its word says, pointed at that step; any other number is
    left alone here."""
    moved = moved_start(problem)
    if moved is None:
        return None
    start, change, way = moved.start, moved.change, moved.way
    shown = {abs(n) for n in numbers_in(claim.expression)} if claim is not None else set()
    if value != start - way * change or claim is not None and not (claim.right and claim.stated == value and
                                                                   shown == {abs(start), change}):
        return None
    doing = f"taking {fmt(change)} away from {fmt(start)}" if way > 0 else f"adding {fmt(change)} to {fmt(start)}"
    rest = doing.split(" ", 1)[1]
    lead = f"Look at {claim}: it {'takes' if way > 0 else 'adds'} {rest}." if claim is not None else \
        f"{fmt(value)} is what {doing} makes."
    return AskedMove("flag", lead, moved.question())


# ============================================================================ a help request: the first part asked

def first_part_question(problem: str) -> str | None:
    """A help request where the question's last step is read: the part the story makes first, asked in its own
    words, never worked ('Start with "Kira uses 6 sheets a day": how many sheets is that over 8 days?', 'What is the
    cost of the 2 adult tickets at $8?'); a start moved by a word, its direction asked; else None."""
    reading = read_question(problem)
    if reading is None:
        moved = moved_start(problem)
        return moved.question() if moved is not None else None
    part = reading.parts[0]
    if part.counts.startswith("the cost of"):
        return f"What is {part.counts}?"
    if not part.sentence or len(part.numbers) < 2:
        return None
    rate = _RATE.search(part.sentence)
    unit = re.match(r"\$?[\d.]+ ([a-z]+)", rate.group()) if rate else None
    noun = part.counts.split()[3] if part.counts.startswith("the number of ") else unit.group(1) if unit else ""
    amount = "how much money is that" if part.money else f"how many {noun} is that" if noun.isalpha() \
        and noun not in ("a", "an") else "how much is that"
    if reading.step in ("left", "fraction_left"):   # "how many of the 12 slices does that take?"
        many = "much" if part.money or measure_kind(reading.whole[1]) not in ("", "thing") else "many"
        amount = f"how {many} of the {reading.whole[1]} does that take"
    over = f" over {part.counts.split(', over ')[1]}" if ", over " in part.counts else ""
    return f"Start with \"{part.sentence.strip().rstrip('.')}\": {amount}{over}?"


def _left_words(question: str) -> str:
    """How the question says what is left: "are left", "remain", "are still in the box", "still need weeding"."""
    word = _LEFT.search(question)
    if word.group().lower() != "still":
        return "are left" if word.group().lower() == "left" else "remain"
    rest = question[word.end():].split("?")[0].strip()
    return f"are still {rest}" if re.match(r"(?:in|on|at|inside|there)\b", rest) else f"still {rest}"


def _of_the_whole(question: str, whole: str) -> str:
    """"How many pages does he still have to read?" asked of the whole: "How many of the 240 pages does he still
    have to read?"; "" for a question that does not ask "how many <noun>" or "how much <noun>"."""
    m = re.search(r"\bhow (many|much) (?:[a-z]+ ){0,3}?(?=(?:is|are|was|were|does|do|did|will|can|remains?|left)\b)",
                  question, re.I)   # "After 8 days, how many sheets are left?" is asked from its "how many"
    much = "much" if measure_kind(whole) not in ("", "thing") else m and m.group(1)
    return f"How {much} of the {whole} {question[m.end():]}" if m else ""


def _lower_first(question: str) -> str:
    return question[:1].lower() + question[1:]


# the question's own word for what is left after a taking away, and what it calls those things
_LEFT_STATE = re.compile(r"\bhow many (?P<noun>[a-z]+) (?:are|is|were|was) (?P<state>empty|left|still empty)\s*\?",
                         re.I)
_LEFT_VERB = re.compile(r"\bhow many (?P<noun>[a-z]+) (?:remain|are remaining|are left over)\s*\?", re.I)
_AFTER = re.compile(r"\b(?:left|after|remain(?:s|ed|ing)?|now|still)\b", re.I)
_ADDS = re.compile(r"\b(?:more|buys?|bought|gets?|got|finds?|found|adds?|added|gains?|receives?|earns?|collects?|"
                   r"joins?|joined|arrives?|arrived|makes?|made|brings?|brought)\b", re.I)


def taken_away(problem: str, value: Fraction) -> str | None:
    """What a number counts where the question's own words ("How many seats are empty?", "How many candies
    remain?") name a taking away, the story gives exactly two amounts, the larger of the question's own things and
    no adding ("buys", "more"), and the number is the larger less the smaller: "13 is the 32 seats take away the 19
    people: the seats that are empty". None where any of that is not plain (then the usual move asks)."""
    sentences = problem_sentences(problem)
    asked = question_sentence(sentences)
    words = _LEFT_STATE.search(asked) or _LEFT_VERB.search(asked)
    story = " ".join(s for s in sentences if s != asked)
    amounts = sorted(given_numbers(story), reverse=True)
    if words is None or len(amounts) != 2 or numbers_in(asked) or _ADDS.search(story):
        return None
    (big, whole), (small, used) = amounts
    first = next(s for s in sentences if big in numbers_in(s))
    if big - small != value or not same_word(whole.split()[-1], words.group("noun")) or \
            _AFTER.search(story) or small in numbers_in(first):   # "40 left after selling 27": 40 is no whole
        return None
    state = f"that are {words.group('state')}" if "state" in words.groupdict() else "that remain"
    return f"{fmt(value)} is the {whole} take away the {used}: the {words.group('noun')} {state}."
