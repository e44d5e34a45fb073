"""A problem without a plan, read one sentence at a time: what each of its numbers counts, and the steps the text
itself justifies, so that a student's step can be set against what the sentence says even when the whole chain is
unknown.

`amounts` reads each number of the problem as a count ("9 rides"), an amount for each thing ("3 tickets each",
"cartons of 12", "A school bus holds 48 students", "$15 every week") or a multiplier ("3 times as many"); a fraction
or percent is read as a part and left to the readers that know parts (known_steps, step_rules). `read_claim` says
what a student's step on two such numbers makes: "9 × 3" of 9 rides at 3 tickets each makes tickets; "96 − 3" of 96
eggs and 3 cartons, where a carton holds 12 eggs, takes cartons from eggs: two kinds the problem links by an amount
for each, mixed. `local_flag` sets a mixed step, or a part of one group's amount, against the sentence that says so;
`local_move` acknowledges a right step with what it counts and asks the next one; `local_start` asks a student who
wants a way in the step a sentence states. Nothing here invents an operation: a step is "justified" only where a
sentence states the amount for each thing it uses (unplanned_moves.py calls all three)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

import solver
import wordproblem
from arithmetic_claims import Claim, arithmetic_text, operations, presented_as_answer, unused_quantities
from problem_text import given_numbers, problem_sentences, question_sentence, question_target
from text_words import plural
from wordproblem import fmt, same_word, stem


@dataclass(frozen=True)
class Amount:
    """One number of the problem as its sentence says it."""

    value: Fraction
    noun: str    # what it counts ("tickets", "dollars"); "" where the sentence does not say
    per: str     # for an amount for each thing, that thing, singular ("ride", "carton"); "" for a plain count
    kind: str    # "count", "each" (an amount for each thing), "times" (a multiplier), "part" (a fraction or percent,
    #              its value the share: 20% is 1/5, its noun "%", its per "each" where its sentence says each)
    at: int = 0  # where the problem says it: (sentence, place in the problem), so two "3 rows" stay two


# words that follow a number without naming what it counts
_NOT_NOUNS = {"of", "each", "more", "less", "fewer", "times", "per", "for", "and", "in", "on", "at", "to", "a", "an",
              "the", "every", "apiece", "than", "as", "or", "is", "are", "was", "were", "with", "from", "by", "so"}
_VERBS = r"(?:holds?|has|have|had|costs?|needs?|uses?|makes?|gives?|takes?|weighs?|contains?|carries|carry|sells?|" \
         r"seats?|fits?|is|are|was|paid|pays|gets?|earns?|reads?|runs?|walks?|saves?|plants?)"
_UNIT_TIME = r"(?:day|week|month|year|hour|minute|second|night|morning|lap|kg|pound|lb|mile|km|meter|foot|text|person)"


def _noun_after(after: str) -> str:
    """The noun right after a number ("3 tickets each" -> tickets; "5 kg of apples" -> kg), or ""."""
    m = re.match(r"\s+([a-z]+(?:-[a-z]+)?)", after, re.I)
    return m.group(1) if m and m.group(1).lower() not in _NOT_NOUNS else ""


def _each_thing(sentence: str, start: int, end: int) -> str:
    """The thing an amount is for, as its sentence says it ("3 tickets each" after "rides cost": ride; "22 seats in
    each row": row; "cartons of 12": carton; "A school bus holds 48 students": bus), or "" when it says none."""
    after, before = sentence[end:], sentence[:start]
    if m := re.match(r"\s*(?:[a-z]+\s+){0,3}?each of (?:his|her|their|the|its)\s+\d+\s+([a-z]+)", after, re.I):
        return stem(m.group(1))   # "6 crayons to each of his 25 students"
    if m := re.match(r"\s*(?:[a-z]+\s+){0,4}?(?:in|on|at|for|to|into)?\s*(?:each|every|per|a|an)\s+"
                     r"(?:of (?:his|her|their|the) )?(?!\d)([a-z]+)", after, re.I):
        word = m.group(1).lower()
        if word not in _NOT_NOUNS and m.group(0).lower().split()[-2] in ("each", "every", "per") \
                or re.fullmatch(_UNIT_TIME + "s?", word):
            return stem(word)
    if re.match(r"\s*(?:[a-z]+\s+){0,2}?(?:each|apiece)\b", after, re.I):
        subject = re.match(r"\s*(?:[a-z ]+,\s*)?([a-z]+)\s+" + _VERBS + r"\b", sentence, re.I)   # "At the fair,"
        return stem(subject.group(1)) if subject else "one"
    if m := re.search(r"\b([a-z]+s) of\s*\$?$", before, re.I):   # "cartons of 12", "teams of 4"
        return stem(m.group(1))
    if (m := re.search(r"\beach ([a-z]+)\b[^.,]*$", before, re.I)) and m.group(1).lower() not in _NOT_NOUNS:
        return stem(m.group(1))   # "Each student paid $7"
    return ""


def _one_of_many(text: str, before: str) -> str:
    """The thing a sentence's single subject is ("A school bus holds 48 students": bus), when the problem counts
    several of them elsewhere ("5 buses"); "" otherwise ("A farmer had 8 crates" is the one farmer's count)."""
    m = re.match(r"\s*(?:a|an|one)\s+(?:[a-z]+\s+){0,2}?([a-z]+)(?:\s+of\s+[a-z]+)?\s+" + _VERBS + r"\b", before, re.I)
    thing = stem(m.group(1)) if m else ""
    counted = thing and re.search(rf"\b\d+\s+(?:[a-z]+\s+)?{re.escape(thing)}(?:e?s)?\b", text, re.I)
    return thing if counted else ""


def amounts(problem: str) -> list[Amount]:
    """Every number of the problem's facts (its question left out), read in its own sentence."""
    text = wordproblem.normalise(problem)
    asked = question_sentence(problem_sentences(text))
    found = []
    for sentence in problem_sentences(text):
        if sentence == asked:
            continue
        for m in re.finditer(r"(\$)?(\d+(?:\.\d+)?(?:/\d+)?)(%)?", sentence):
            if sentence[m.end():m.end() + 1] == ":" or sentence[max(0, m.start() - 1):m.start()] == ":":
                continue   # a clock time or a ratio: not a count
            # "-12 F" keeps its sign (wordproblem.signed), so a step on 12 is not read as the problem's -12
            sign = -1 if wordproblem.signed(sentence[:m.start()]) else 1
            value, after, at = sign * Fraction(m.group(2)), sentence[m.end():], len(found)
            if m.group(3) or "/" in m.group(2) or re.match(r"\s*(?:of|out of)\b", after):
                each = "each" if re.search(r"\b(?:each|every|per)\b", sentence, re.I) else ""   # "of each shelf"
                found.append(Amount(value / 100, "%", each, "part", at) if m.group(3) else
                             Amount(value, "", each, "part", at))
                continue
            # "as many stickers as Ben", "as far as Monday"
            if times := re.match(r"\s*times\s+(?:as\s+(?:(?:many|much)\s+((?:[a-z]+\s+)?[a-z]+)|[a-z]+)\s+as\s+"
                                 r"(?:the\s+)?([a-z]+))?", after, re.I):
                found.append(Amount(value, times.group(1) or "", times.group(2) or "", "times", at))
                continue
            noun = "dollars" if m.group(1) else _noun_after(after)
            per = _each_thing(sentence, m.start(), m.end()) or _one_of_many(text, sentence[:m.start()])
            found.append(Amount(value, noun, per, "each" if per else "count", at))
    return [_compared_noun(a, found, text) for a in found]


def _compared_noun(amount: Amount, found: list[Amount], text: str) -> Amount:
    """A bare count of the one another is compared with ("Ben has 14." after "3 times as many stickers as Ben")
    counts what the comparison names (stickers)."""
    if amount.kind != "count" or amount.noun:
        return amount
    for times in (a for a in found if a.kind == "times" and a.noun and a.per):
        if _has(text, times.per, amount.value):
            return Amount(amount.value, times.noun, "", "count", amount.at)
    return amount


def _has(text: str, who: str, value: Fraction) -> bool:
    """Does the problem say `who` has `value` ("Ben has 14")?"""
    return bool(re.search(rf"\b{re.escape(who)}\s+(?:has|had|have)\s+{re.escape(fmt(value))}\b"
                          r"(?!\s+(?:[a-z]+\s+)?(?:more|fewer|less|times|than)\b)", text, re.I))   # not "8 fewer"


@dataclass(frozen=True)
class Reading:
    """What a step on two of the problem's numbers does, by the sentences that give them."""

    verdict: str    # "justified" (the text states the link), "mixed" (two kinds the text links, added or taken),
    #                 "one_group" (a part of all the things taken of what one group holds: 1/5 of one shelf's 15)
    noun: str       # what the result counts, where justified ("tickets"); "" when the text does not say
    amounts: tuple[Amount, Amount]


def _alike(a: str, b: str) -> bool:
    """One noun in two spellings, "bus"/"buses" too (wordproblem.stem reads "buses" as "buse")."""
    return same_word(a, b) or bool(a) and bool(b) and stem(a).removesuffix("e") == stem(b).removesuffix("e")


def _each_counted(rate: Amount, count: Amount, read: list[Amount]) -> bool:
    """Is `count` the number of the things `rate` is for ("9 rides" for "3 tickets each" of rides)? Where the problem
    counts such things more than once ("4 rows of 9 apple trees and 3 rows of 8 pear trees"), only the count said
    nearest before the rate is."""
    def counts(c: Amount) -> bool:
        return c.kind == "count" and bool(c.noun) and (_alike(rate.per, c.noun) or rate.per == "one")
    if not counts(count):
        return False
    others = [c for c in read if counts(c)]
    before = [c for c in others if c.at < rate.at]
    return len(others) == 1 or bool(before) and before[-1] == count


def _pairs(values: list[Fraction], read: list[Amount]) -> list[tuple[Amount, Amount]]:
    firsts = [a for a in read if a.value == values[0]]
    seconds = [a for a in read if a.value == values[1]]
    return [(a, b) for a in firsts for b in seconds if a is not b]


def read_claim(problem: str, claim: Claim) -> Reading | None:
    """A right step of one operation on two of the problem's numbers, read against their sentences; None when the
    numbers are not both the problem's, a sentence does not say what one of them counts, or no link is stated."""
    ops = operations(claim)
    values = solver.numbers_in(re.sub(r"(?<=\d)/(?=\d)", " / ", arithmetic_text(claim.expression)))   # 36/4: two
    read = amounts(problem)
    if not claim.right or (part := _part_of(claim, values, read)):   # "45% of 1200" has no sign: read first
        return part if claim.right else None
    if len(ops) != 1 or len(values) != 2:
        return None
    op = ops[0]
    for a, b in _pairs(values, read):
        if "part" in (a.kind, b.kind):
            return None
        if op == "*":
            for rate, count in ((a, b), (b, a)):
                if rate.kind == "each" and (_each_counted(rate, count, read) or
                                            count.kind == "times" and not count.per):
                    return Reading("justified", rate.noun, (a, b))
                if rate.kind == "times" and count.noun and (not rate.per or _alike(count.noun, rate.per) or _has(
                        wordproblem.normalise(problem), rate.per, count.value)):   # Ben's 14, 3 times over
                    return Reading("justified", count.noun, (a, b))
        if op == "/" and b.kind == "each" and b.per and b.per != "one" and a.noun \
                and (not b.noun or _alike(a.noun, b.noun)):
            return Reading("justified", plural(b.per), (a, b))   # 96 eggs in cartons of 12: cartons
        if op in "+-":
            if a.kind == b.kind == "count" and a.noun and _alike(a.noun, b.noun):
                return Reading("justified", a.noun, (a, b))
            if _linked(a, b, read):
                return Reading("mixed", "", (a, b))
    return None


def _part_of(claim: Claim, values: list[Fraction], read: list[Amount]) -> Reading | None:
    """A step that takes a part the problem states ("20% of them", "1/5 of the books") of one of its numbers: of a
    whole it counts, justified; of what one of several groups holds ("15 books on each shelf", 4 shelves), the part
    of one group where the sentence speaks of all of them."""
    for part in (a for a in read if a.kind == "part"):
        for whole in (a for a in read if a.kind in ("count", "each") and a.value in values):
            if part.value * whole.value != claim.stated:
                continue
            if whole.kind == "each" and not part.per and any(_each_counted(whole, c, read) for c in read):
                return Reading("one_group", whole.noun, (part, whole))
            return Reading("justified", whole.noun, (part, whole))
    return None


def _linked(a: Amount, b: Amount, read: list[Amount]) -> bool:
    """Are two numbers of different kinds linked by an amount for each thing ("a bus holds 48 students" and "5
    buses"; "96 eggs" and "3 cartons" where a carton holds 12)? Then adding or taking one from the other mixes them."""
    if "times" in (a.kind, b.kind):
        return False
    for rate, count in ((a, b), (b, a)):
        if rate.kind == "each" and _each_counted(rate, count, read) and rate.per != "one":
            return True
    if a.kind == b.kind == "count" and a.noun and b.noun and not _alike(a.noun, b.noun):
        return any(r.kind == "each" and r.per and r.per != "one" and (
            _alike(r.per, a.noun) and (not r.noun or _alike(r.noun, b.noun))
            or _alike(r.per, b.noun) and (not r.noun or _alike(r.noun, a.noun))) for r in read)
    return False


def _said(amount: Amount) -> str:
    """A number with what its sentence says it counts: "96 eggs", "48 students for each bus", "12 for each carton"."""
    counted = f"{fmt(amount.value)} {amount.noun}".strip() if amount.noun != "dollars" else f"${fmt(amount.value)}"
    return f"{counted} for each {amount.per}" if amount.kind == "each" and amount.per != "one" else counted


def _mixed_words(problem: str, claim: Claim, reading: Reading) -> tuple[str, str]:
    """A step that adds or takes two kinds the problem links ("96 − 3" of 96 eggs and 3 cartons of 12): what each
    number counts, and the sentence's own link asked (how many cartons the eggs make; what 5 buses of 48 hold)."""
    (a, b), read = reading.amounts, amounts(problem)
    did = f"took {fmt(b.value)} from {fmt(a.value)}" if operations(claim)[0] == "-" else \
        f"added {fmt(a.value)} and {fmt(b.value)}"
    lead = f"You {did}, but {_said(a)} and {_said(b)} are not the same kind of thing."
    for rate, count in ((a, b), (b, a)):
        if rate.kind == "each" and _each_counted(rate, count, read) and rate.noun == "dollars":
            return lead, f"What do {_said(count)} come to, at {_said(rate)}?"
        if rate.kind == "each" and _each_counted(rate, count, read):
            return lead, f"If there are {_said(rate)}, how many {rate.noun or 'are there'} in {_said(count)}?"
    link = next(r for r in read if r.kind == "each" and r.per and r.per != "one" and any(
        _alike(r.per, x.noun) for x in (a, b)))
    whole = a if not _alike(link.per, a.noun) else b
    return lead, f"With {_said(link)}, how many {plural(link.per)} do {_said(whole)} make?"


def _one_group_words(problem: str, claim: Claim, reading: Reading, used: set[Fraction]) -> tuple[str, str]:
    """A part taken of one group's amount ("15 ÷ 5 = 3" of 15 books on each of 4 shelves, for 1/5 of the books)."""
    (part, whole), read = reading.amounts, amounts(problem)
    groups = next(c for c in read if _each_counted(whole, c, read))
    share = f"{fmt(part.value * 100)}%" if part.noun == "%" else f"{part.value.numerator}/{part.value.denominator}"
    lead = f"{claim} is {share} of one {whole.per} only: {_said(whole)}."
    if whole.value * groups.value in used:   # they have all the books already: the part of them is asked
        return lead, f"The {share} is of all {fmt(whole.value * groups.value)} {whole.noun or 'of them'}. What is " \
                     f"{share} of {fmt(whole.value * groups.value)}?"
    return lead, f"The {share} is of all the {whole.noun or 'things'}, not one {whole.per}'s. How many " \
                 f"{whole.noun or 'are there'} are there in {_said(groups)}?"


def _next_local(problem: str, used: set[Fraction], result: Fraction, noun: str) -> str:
    """The next step a sentence states, on numbers the work has not used: an amount for each of the things the
    student's result counts ("2 balls for each team" after 9 teams), asked in those words; "" when none is stated."""
    read = amounts(problem)
    for rate in read:
        if rate.kind == "each" and rate.value not in used and rate.per != "one" and noun and _alike(rate.per, noun):
            return f"With {_said(rate)}, how many {rate.noun or 'is that'} for {fmt(result)} {noun}?"
    for rate in (a for a in read if a.kind == "each" and a.value not in used and a.per != "one"):
        count = next((c for c in read if c.value not in used and _each_counted(rate, c, read)), None)
        if count is not None:   # "6 crayons to each of his 25 students", both still to use
            return f"With {_said(rate)}, how many {rate.noun} is that for {_said(count)}?"
        if _alike(rate.noun, noun) and not any(_alike(rate.per, c.noun) for c in read):
            made = f"${fmt(result)}" if noun == "dollars" else f"{fmt(result)} {noun}"
            return f"With {_said(rate)}, how many {plural(rate.per)} make {made}?"   # $135 at $15 a week
    return ""


def _counted(problem: str, claim: Claim) -> str:
    """What a right step's result counts, by its reading (" books"), or ""."""
    reading = read_claim(problem, claim)
    return f" {reading.noun}" if reading is not None and reading.noun and reading.noun != "dollars" else ""


def local_flag(problem: str, found: list[Claim], used: set[Fraction]) -> tuple[str, str, str, str] | None:
    """A right sum that adds or takes two kinds the problem links ("96 − 3" of 96 eggs and 3 cartons of 12), or a
    part of one group's amount where the sentence speaks of all ("15 ÷ 5" for 1/5 of 4 shelves of 15 books), set
    against the sentence that says so ("flag": the arithmetic is true, the step is not the text's); else None."""
    # "144 ÷ 12 = 12 rows, 12 − 3 = 9": a number the student made is theirs, though the problem gives it too
    readings = [(c, read_claim(problem, c)) for i, c in enumerate(found) if c.right
                and not set(solver.numbers_in(c.expression)) & {e.stated for e in found[:i]}]
    mixed = next(((c, r) for c, r in readings if r is not None and r.verdict == "mixed"), None)
    if mixed is not None:
        return "flag", *_mixed_words(problem, *mixed), "claim_wrong"
    one = next(((c, r) for c, r in readings if r is not None and r.verdict == "one_group"), None)
    if one is not None:
        return "flag", *_one_group_words(problem, *one, used), "claim_wrong"
    return None


def local_move(problem: str, found: list[Claim], work: str, used: set[Fraction]) -> tuple[str, str, str, str] | None:
    """Without a plan, the student's last right step read against the sentences that give its numbers: a step the
    text justifies is acknowledged with what it counts (with the justified steps before it in the same message) and
    the next step asked: the step a sentence states where one is, else the question's target, else what they made
    ("confirm": the step, never the answer). None when the last step does not read plainly."""
    readings = [(c, read_claim(problem, c)) for c in found if c.right]
    if not readings or readings[-1][0] is not found[-1] or readings[-1][1] is None:
        return None
    claim, reading = readings[-1]
    if " R " in claim.written:   # "6 R 5": what the 5 left over means is the step, and unplanned_moves asks it
        return None
    before = [c for c, r in readings[:-1] if r is not None and r.verdict == "justified"]
    target = question_target(question_sentence(problem_sentences(problem)))
    made = f"${fmt(claim.stated)}" if reading.noun == "dollars" else f"{fmt(claim.stated)} {reading.noun}".strip()
    ask = _next_local(problem, used, claim.stated, reading.noun) or \
        (f"What's your next step to find {target}?" if len(target.split()) > 4 else   # "the number of tickets left"
         f"What do you do with the {made} next?")
    left, offered = unused_quantities(given_numbers(problem), work), presented_as_answer(work, claim.stated)
    if offered and not left and not before:   # one step using every number: whether it answers the question is
        return None                            # not this reading's to say (two parts found are not an answer)
    if offered and left and not ask.startswith("With"):   # "so 99 seats", with the 37 people still to use: not yet
        ask = f"You haven't used the {left[0]} yet. {ask}"
    noun = f" {reading.noun}" if reading.noun and reading.noun != "dollars" else ""
    shown = " and ".join([*(f"{c}{_counted(problem, c)}" for c in before),
                          f"{claim.shown} = ${claim.result}" if reading.noun == "dollars" else f"{claim}{noun}"])
    if offered:
        return "confirm", f"{shown} {'are' if before else 'is'} right.", ask, "part_done"
    return "confirm", f"Right, {shown}.", ask, "part_done"


def local_start(problem: str, stated: frozenset[Fraction] = frozenset()) -> str:
    """A first step a sentence states, asked in its words, for a student who asks where to start: a comparison with
    the number it compares with ("How many stickers is 3 times Ben's 14?"), an amount for each thing with a count of
    those things ("18 rows with 22 seats for each row: how many seats is that?"), or a count put into groups of a
    stated size; "" when no sentence states one, or when its result is a number the student already `stated`
    ("apple is 4x9=36. whats next": never the step they did)."""
    read, text = amounts(problem), wordproblem.normalise(problem)
    stated = stated | set(solver.numbers_in(text))   # "apple is 4x9=36" typed into the problem: done already
    for times in (a for a in read if a.kind == "times" and a.noun and a.per):
        base = next((c for c in read if c.kind == "count" and _alike(c.noun, times.noun) and _has(
            text, times.per, c.value)), None)
        if base is not None and times.value * base.value not in stated:   # "Ben has 14": Ben's 14, 3 times
            return f"How many {times.noun} is {fmt(times.value)} times {times.per.capitalize()}'s {fmt(base.value)}?"
    for rate in (a for a in read if a.kind == "each" and a.per != "one"):
        count = next((c for c in read if _each_counted(rate, c, read) and rate.value * c.value not in stated), None)
        if count is not None and rate.noun == "dollars":   # a price or a wage: "come to" fits both
            return f"What do {_said(count)} come to, at {_said(rate)}?"
        if count is not None and rate.noun:
            return f"{_said(count)[:1].upper()}{_said(count)[1:]} with {_said(rate)}: how many {rate.noun} is that?"
    for rate in (a for a in read if a.kind == "each" and a.per != "one" and not a.noun):
        whole = next((c for c in read if c.kind == "count" and c.noun and not any(
            _each_counted(rate, x, read) for x in read)), None)
        if whole is not None:
            return f"How many {plural(rate.per)} do {_said(whole)} fill, with {_said(rate)}?"
    return ""
