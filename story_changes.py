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
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

import solver
from arithmetic_claims import claims
from solver import Plan, fmt
from wording import given_numbers, problem_sentences, question_sentence
from wordproblem import MONEY_AWAY, MOVES_AWAY, MOVES_IN, NUMBER, normalise, number_value, stem

# The shared lexicon (wordproblem.py), with what only a plain story reads as a change: spending anything, and
# "left" ("she left 5 at school"), which the question check below keeps apart from "how many are left".
_AWAY = rf"{MOVES_AWAY}|spent|spends|paid|pays|left(?! over)|leaves"
_GIVES = r"gave|gives|handed|hands|sent|sends"
_IN = rf"{MOVES_IN}|landed|lands|showed up|shows up"   # birds land on the tree, friends show up at the party
_VERB = re.compile(rf"\b(?P<away>{_AWAY})\b|\b(?P<in>{_IN})\b", re.I)
_CLAUSE = re.compile(r"[.;!?](?:\s|$)|,\s*(?:and\s+|then\s+|but\s+)?|\s+(?:and|but)\s+(?:then\s+)?|\s+then\s+")
# parts, rates and comparisons: a clause saying one of these is not a plain change
_NOT_PLAIN = re.compile(r"\b(?:half|halves|twice|double|doubled|triple|tripled|thrice|third|quarter|fourth|fifth|"
                        r"dozen|each|every|per|times|some|rest|remaining|remainder|of what|as (?:many|much)|than|"
                        r"(?:a|an) (?:minute|hour|day|week|"
                        r"month|year)|percent|total)\b|%|\d/\d", re.I)
NOW_ASKED = re.compile(r"\b(?:now|left|remain|remains|remaining|still|in the end|at the end|end up)\b", re.I)
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
    verbs = list(_VERB.finditer(clause))
    if len(verbs) > 1:
        return None
    number = found[0].group()
    after = re.match(r"\s*(?:more |extra |new |other )?([a-z]+)", normalise(clause)[found[0].end():], re.I)
    unit = "$" if number.startswith("$") else (after.group(1).lower() if after else "")
    if verbs and after and after.group(1).lower() == verbs[0].group().split()[0].lower():
        unit = ""   # "17 flew away", "9 more landed": no noun of their own, so the start's
    value = number_value(number)
    if not verbs:
        return Change(value, 0, "", clause, unit)
    verb = verbs[0]
    sign = -1 if verb.group("away") else +1
    if unit == "$" and re.fullmatch(MONEY_AWAY, verb.group(), re.I):
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


def story_changes(problem: str) -> list[Change] | None:
    """The story's start and changes, in order, when its question asks what there is now or left and the whole
    story reads plainly (see the module's docstring); else None."""
    question = (re.findall(r"[^.!?]*\?", problem) or [""])[-1]
    asks_change = any(v.group().lower() not in ("left", "leaves") for v in _VERB.finditer(question))
    if not NOW_ASKED.search(question) or _NOT_NOW.search(question) or asks_change or _NOT_PLAIN.search(question):
        return None   # "How many people got off?" asks for a change, not for what there is now
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
    if op == "+":
        return next((c for c in (by_value.get(right), by_value.get(left)) if c is not None and c.sign == -1), None)
    return None


def answer_by_story(changes: list[Change]) -> Fraction:
    """The start with every change applied its own way: what there is now."""
    return sum((c.value * (c.sign or 1) for c in changes), Fraction(0))


# ============================================================================ asking about a story's changes

def asked_amount(problem: str) -> str:
    """The question's amount with its comparison words: "more people on the bus, or fewer", "more money, or less"."""
    question = question_sentence(problem_sentences(problem))
    many = re.search(r"\bhow many (?P<noun>[a-z]+)", question, re.I)
    place = re.search(r"\b(?:on|in|at) (?:the|a|an|her|his|their|its) [a-z]+\b", question)
    where = f" {place.group()}" if place and not re.search(r"\b(?:have|has|had)\b", question) else ""
    if many:
        return f"more {many.group('noun')}{where}, or fewer"
    noun = re.search(r"\bhow much (?P<noun>[a-z]+)", question, re.I)
    thing = noun.group("noun") if noun and noun.group("noun") not in ("does", "did", "do", "is", "are", "will") \
        else "money"
    return f"more {thing}{where}, or less"


def moved_question(problem: str, change: Change) -> str:
    """The story's own clause about a change, asked as a direction: "9 people got on: does that make more people on
    the bus, or fewer?"."""
    said = change.clause[0].upper() + change.clause[1:]
    return f"{said}: does that make {asked_amount(problem)}?"


def then_question(problem: str, change: Change) -> str:
    """The next change asked in the story's words: "4 people got off: how many people are on the bus after that?"."""
    question = question_sentence(problem_sentences(problem))
    many = re.search(r"\bhow many (?P<noun>[a-z]+)", question, re.I)
    place = re.search(r"\b(?:on|in|at) (?:the|a|an|her|his|their|its) [a-z]+\b", question)
    amount = f"how many {many.group('noun')}" if many else "how much"
    where = f" {place.group()}" if place and not re.search(r"\b(?:have|has|had)\b", question) else ""
    return f"{change.clause[0].upper()}{change.clause[1:]}: {amount} {'are' if many else 'is'} there{where} after that?"


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


def part_plan(problem: str) -> Plan | None:
    """Without a plan of the whole problem, the planner's plan of one of its sentences, asked about a thing its
    numbers count ("Leo reads 14 pages a day for 6 days." with "How many pages are there in all?"): kept when it is
    one multiplication, division or change of unit on numbers that sentence gives ("How many pages for 6 days, at
    14 pages per day?"), a part of the story to work out first. A sum is never kept: a sentence that only lists
    quantities ("12 books weigh 18 kg") would be added up. A sentence that compares in number words ("Lia has twice
    as many stickers as Sam") is read with the sentence before it and asked about whom it names first; so is one of
    an amount for each thing ("Each wall needs 3 liters." after "A room has 4 walls."), when no sentence alone is."""
    sentences = [p for p in problem_sentences(problem) if p != question_sentence(problem_sentences(problem))]
    # each sentence alone first, then a sentence of an amount for each thing with the one before it
    readings = [(i, False) for i in range(len(sentences))] + \
        [(i, True) for i in range(1, len(sentences)) if _EACH.search(sentences[i])]
    for i, with_before in readings:
        sentence = sentences[i]
        compared = _COMPARED.search(sentence)
        joined = with_before or (compared and i and not given_numbers(sentence))
        text = f"{sentences[i - 1]} {sentence}" if joined else sentence
        written = solver.numbers_in(text)
        nouns = dict.fromkeys(phrase.split()[-1] for _, phrase in given_numbers(text) if " " in phrase)
        for noun in (n for n in nouns if n.isalpha()):
            asks = [f"How many {noun} does {compared.group('who')} have?"] if compared else []
            for part in (solver.plan(f"{text} {ask}") for ask in asks + [f"How many {noun} are there in all?"]):
                if part is not None and len(part.steps) == 1 and part.steps[0].op in "*/" and all(
                        not part.quantities[r.index].given or part.quantities[r.index].value in written
                        for r in part.steps[0].operands):
                    return part
    return None


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
    return story_changes(f"There were {fmt(part.answer)} {part.unit}. {' '.join(sentences[1:])}")
