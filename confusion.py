"""A help request that names its own confusion: the one fact or relation that resolves it, said first, then the step.

Readers marked "What do you need first?", the problem restated or "undo what was done to x" as no help when the
student had said what they do not get: "which price do I divide by?", "do I take 10% of the old or the new number?",
"why would I divide 12 by 3?", "what do I do when the minutes go over 60?". Each confusion below is read from the
student's words and answered from what exact code knows of this problem (its quantities, the plan's step on the
numbers they name, the units it uses), never with the answer: a fact of units (60 minutes in an hour, .5 of an hour
is 30 minutes), why a step on two named numbers is taken (what it finds), which amount a price or a percent goes
with, which operation the question's words ask for, why fractions need one bottom number, which number a take-away
starts from; and (round 19) a gap across 0 counted in two parts, two percent changes in the story's order, a percent
the problem does not give (or its percent taken as an amount) questioned, part over whole for "what percent of",
and a number or word of the problem named as the trouble ("I don't get the 2.5", "the fewer part") met with the
clause that gives it and the plan's step that uses it. `confusion_words` is None when the words name no confusion
these know (the other help moves decide).
`already_have`: what a help request says the student has. A fact of units they state ("I know 1 hour is 60 minutes",
"30 minutes is half an hour") is no result of theirs to ask about, and a plan step's value named in words ("I know
the adults cost 16 dollars but I'm stuck") is a step done, so the move asks the first step they have not done.
A confusion about a concept rather than this problem's step ("what does 3:5 mean?") meets its card (`concept_asked`,
data/math_concepts.jsonl; moved here from wording.py in round 18).
Session 22: minutes that will not take away ("I can't subtract 50 from 35" of 7:50 to 8:35) or a span said to pass
the hour are counted on to the whole hour the span passes, then on to the end; a time written with 60 or more
minutes ("4:75") is turned into the next hour; a count that passes 0 ("how can it go below zero") is split at 0 on
the plan's step; a percent change asked of "80 or 60" (or "what do I divide by") is of the amount before it, the
plan's divisor; a percent used as a whole number ("do I times 25 by 8" of 8%) is said out of 100.
Session 23: when none of these reads the words, what the problem's relating words mean is asked back in its own
quantities (meaning_cues.phrase_asked: "times as many", "fewer than", "3/8 of", a fraction's top or bottom, "25%
off", rising from below zero, an average, area or perimeter or volume).
"""
from __future__ import annotations

import json
import re
from fractions import Fraction
from functools import lru_cache
from math import lcm

import solver
from asked_forms import asked_form
from arithmetic_claims import OP_SIGN, as_written, claims, results
from common import ROOT
from confusion_reader import answer as answer_named
from meaning_cues import phrase_asked
from problem_text import (content_words, given_numbers, problem_sentences, question_sentence, question_target,
                          written_equation)
from solver import Plan, fmt
from step_parts import what_it_finds
from unplanned_help import clock_after, equation_start, hour_crossed, step_question, step_sum

_OPS = {"add": "+", "plus": "+", "take away": "-", "take": "-", "subtract": "-", "minus": "-", "multiply": "*",
        "times": "*", "divide": "/", "share": "/", "halve": "/", "half": "/"}
_OP_WORD = r"add|plus|take away|take|subtract|minus|multiply|times|divide|share|halve|half"
_WHY = re.compile(rf"\bwhy (?:do|would|should|did|does|must|are|is|we|you|i)(?: (?:i|we|you|they|it))? "
                  rf"(?P<op>{_OP_WORD})\b(?P<rest>[^?.!]*)", re.I)
_NUMBER = r"\$?\d[\d,]*(?:\.\d+)?"


def confusion_words(problem: str, plan: Plan | None, done: list[int], work: str) -> tuple[str, str] | None:
    """(lead, question) answering the confusion the student names, or None when their words name none known here."""
    said = work.lower()
    asked = asked_form(problem, plan, done, said)   # "is it just 20% of 12000", "i know 1 hour is 60 min"
    if asked:
        return asked
    for rule in (_across_zero, _below_zero, _past_the_hour, _minutes_over, _decimal_hours, _change_base,
                 _percent_base, _other_percent, _percent_side,
                 _same_bottom, _bracket_first, _why_step, _which_amount, _which_divides, _which_first, _which_operation,
                 _part_of_whole, _share_order):
        found = rule(problem, plan, done, said)
        if found:
            return found
    return answer_named(problem, plan, done, said) or _named_part(problem, plan, done, said) or \
        phrase_asked(problem, work)


# a help request: the student says they are stuck, or asks what comes next
_STUCK = re.compile(r"\b(?:stuck|don'?t (?:get|know|understand)|not sure|confused|what (?:now|next|do i do)|"
                    r"what'?s next|now what|how do i|help)\b", re.I)
_KNOW = re.compile(r"\bi know (?P<fact>[^.!?]*?)(?=\bbut\b|[.!?]|$)", re.I)
_UNITS = r"(?:hours?|minutes?|seconds?|days?|weeks?|years?|months?|meters?|metres?|centimeters?|centimetres?|cm|mm|" \
         r"km|m|kilometers?|kilometres?|liters?|litres?|ml|l|grams?|g|kilograms?|kg|feet|foot|ft|inch(?:es)?|yards?|" \
         r"miles?|cups?|pints?|quarts?|gallons?|dozen|cents?|dollars?)"
_UNIT_FACT = re.compile(rf"(?:\d[\d.,/]*|an?|one|half an?) {_UNITS}\b.*\b(?:is|are|=|equals|makes?|has)\b.*"
                        rf"(?:\d[\d.,/]*|an?|one|half(?: an?)?) {_UNITS}\b", re.I)


def already_have(plan: Plan | None, work: str, said: list[Fraction]) -> list[Fraction]:
    """`said` as the numbers a help request says the student has: the numbers of a fact of units they state are no
    results of theirs; with nothing left, a plan step's value they name in words (never a number the problem gives,
    never the answer) is one. Any other message keeps `said`."""
    if not _STUCK.search(work):
        return said
    facts = {v for m in _KNOW.finditer(work) if _UNIT_FACT.search(m.group("fact"))
             for v in [*results(m.group("fact"), claims(m.group("fact"))), *solver.numbers_in(m.group("fact"))]}
    kept = [v for v in said if v not in facts]
    if plan is None or kept:
        return kept
    given = set(solver.numbers_in(plan.problem))
    steps = {s.value for s in plan.steps[:-1]}
    return [v for v in solver.numbers_in(work) if v in steps and v not in given and v not in facts]


def _next_question(plan: Plan | None, done: list[int]) -> str:
    """The plan's next step, asked its way; "" without a plan."""
    step = solver.next_step(plan, set(done)) if plan is not None else None
    return step_question(plan, step) if step is not None else ""


_TWO_SUMS = re.compile(r"(?P<a>\d+(?:\.\d+)?)\s*(?P<op1>[-+−])\s*(?P<b>\d+(?:\.\d+)?)[^\d]{1,12}?\bor\b[^\d]{0,8}?"
                       r"(?P<c>\d+(?:\.\d+)?)\s*(?P<op2>[-+−])\s*(?P<d>\d+(?:\.\d+)?)")


def _across_zero(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"do I do 9 - 6 or 9 + 6?" of a rise from -6 to 9: the next step is the gap between a number below 0 and one
    above it, so it is counted in two parts, up to 0 and on from 0; which sum does that is left to the student."""
    step = solver.next_step(plan, set(done)) if plan is not None else None
    sums = _TWO_SUMS.search(said)
    if step is None or sums is None or step.op != "-" or len(step.values) != 2:
        return None
    low, high = sorted(step.values)
    if not low < 0 < high or {Fraction(sums.group(k)) for k in "abcd"} != {-low, high}:
        return None
    return f"From {fmt(low)} up to 0 is {fmt(-low)}, and from 0 up to {fmt(high)} is {fmt(high)} more: the gap " \
           f"crosses 0, so both parts count.", "Which of your two sums puts those two parts together?"


# "how can it go below zero", "theres a negative": a temperature or a number line that passes 0
_BELOW = re.compile(r"\b(?:below|under|less than|past) (?:zero|0)\b|\bnegatives?\b|\bminus (?:numbers?|degrees?|temp)|"
                    r"\bbelow freezing\b")


def _below_zero(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"how can it go below zero?", "do I add or subtract, there's a negative": the next step passes 0 (a drop from
    4 by 11, a rise from -8 by 13, the gap from -6 to 9), so it is counted in two parts, to 0 and on from 0; both
    parts and what they make are left to the student."""
    step = solver.next_step(plan, set(done)) if plan is not None and _BELOW.search(said) else None
    if step is None or len(step.values) != 2:
        return None
    a, b = step.values
    unit = f" {step.unit}" if step.unit else ""
    if step.op == "-" and 0 <= a < b:   # 4 - 11: down through 0
        return f"Counting down goes on past 0: one below 0 is -1, two below is -2, and so on. The first " \
               f"{fmt(a)} of the {fmt(b)}{unit} take it down to 0.", \
            f"How many of the {fmt(b)}{unit} are still left to go below 0, and where does that leave it?"
    if step.op == "+" and a < 0 < a + b:   # -8 + 13: up through 0
        return f"{fmt(a)} is {fmt(-a)}{unit} below 0, so the first {fmt(-a)} of the {fmt(b)}{unit} only bring it " \
               f"up to 0.", f"How many of the {fmt(b)}{unit} are left after that, and where does that put it?"
    if step.op == "-" and b < 0 < a:   # 9 - (-6): a gap across 0
        return f"{fmt(b)} is below 0 and {fmt(a)} above it, so the gap between them crosses 0: count it in two " \
               f"parts.", f"How far is it from {fmt(b)} up to 0, and from 0 up to {fmt(a)}?"
    return None


_CLOCK_SAID = re.compile(r"\b(\d{1,2}):(\d\d)\b")
_MINUTES_STUCK = re.compile(r"\b(?:cant|can'?t|cannot|can not|doesn'?t|dont|don'?t|won'?t|less|smaller|fewer|bigger|"
                            r"borrow\w*|negative)\b")
_HOUR_PASSED = re.compile(r"\b(?:past|over|across|into|through) (?:the|an|a|one) (?:next |whole |new )?hour\b|"
                          r"\b(?:next|new) hour\b|\bcross(?:es|ing)? (?:the |an )?hour\b")


def _past_the_hour(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"I get 4:75, is that a time?" of 3:40 and 1 hour 35 minutes later: an hour has 60 minutes, so 60 of them
    past 4 is 5:00. "I can't take 50 from 35" of 7:50 to 8:35: the minutes start again at the whole hour the span
    passes, so it is counted on to that hour, then on to the end; every count is left to the student."""
    over = next((t for t in _CLOCK_SAID.finditer(said) if int(t.group(2)) >= 60), None)
    if over is not None and clock_after(problem):
        hour, past = int(over.group(1)), int(over.group(2))
        on_hour = f"{hour % 12 + 1}:00"
        return f"{over.group()} would be {past} minutes past {hour}, but an hour has only 60 minutes: 60 minutes " \
               f"past {hour} is already {on_hour}.", f"So how many minutes past {on_hour} is {over.group()}?"
    crossed = hour_crossed(problem)
    if crossed is None:
        return None
    first, on_hour, last = crossed
    start, end = (int(re.search(r":(\d\d)", t).group(1)) for t in (first, last))
    named = {int(n) for n in re.findall(r"(?<![:\d])\d{1,2}(?![:\d])", said)}
    if _HOUR_PASSED.search(said):   # "how do i do it when it goes past the hour"
        lead = f"The time passes {on_hour} on the way, so count it in two parts: up to {on_hour}, then on from there."
    elif end < start and _MINUTES_STUCK.search(said) and ({start, end} <= named or re.search(r"\bminutes?\b", said)):
        lead = f"{end} is less than {start} because the clock passes {on_hour} on the way, and after {on_hour} " \
               f"the minutes start again from 0."
    else:
        return None
    return lead, f"How many minutes is it from {first} to {on_hour}, and then from {on_hour} to {last}?"


def _minutes_over(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"what do I do when the minutes go over 60?": 60 of them make one more hour, the rest stay minutes."""
    minutes = [a or b for a, b in re.findall(r"\d:(\d\d)\b|\b(\d+) minutes?\b", problem)]   # "6:45", "50 minutes"
    sums = {Fraction(a) + Fraction(b) for i, a in enumerate(minutes) for b in minutes[i + 1:]}
    over = [v for v in solver.numbers_in(said) if v in sums and 60 < v < 120]   # "i added and got 80, now what"
    if over and _STUCK.search(said) and not re.search(r"\b60\b", said):   # their own right sum of the minutes
        return f"{fmt(over[0])} minutes is more than an hour: 60 of them make 1 more hour, and only the minutes " \
               f"over 60 stay as minutes.", f"So {fmt(over[0])} minutes is 1 hour and how many minutes?"
    if not re.search(r"\bminutes?\b[^?.!]*\b(?:over|past|more than|bigger than) 60\b|\bover 60 minutes\b", said):
        return None
    ask = f"What do {minutes[0]} minutes and {minutes[1]} minutes make, and how many minutes past 60 is that?" \
        if len(minutes) == 2 else _next_question(plan, done) or "How many minutes past 60 do your minutes make?"
    return "60 minutes make 1 hour, so when the minutes add up past 60, 60 of them become one more hour and only " \
           "the minutes over 60 stay as minutes.", ask


def _decimal_hours(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"why is 1.5 hours not 1 hour 50 minutes?": an hour has 60 minutes, not 100, so .5 of it is 30 minutes."""
    m = re.search(r"\b(\d+)\.(\d+) hours?\b", problem)
    if m is None or not re.search(rf"\b{m.group(1)}\.{m.group(2)}\b[^?]*\bminutes?\b|\bminutes?\b[^?]*"
                                  rf"\b{m.group(1)}\.{m.group(2)}\b|\bdecimal\b[^?]*\bhours?\b", said):
        return None
    part = Fraction(f"0.{m.group(2)}")
    lead = f"{m.group()} means {m.group(1)} hour{'s' if m.group(1) != '1' else ''} and {part} of an hour. An " \
           f"hour has 60 minutes, not 100, so {part} of an hour is {fmt(part * 60)} minutes, not " \
           f"{int(m.group(2).ljust(2, '0'))}."
    target = question_target(question_sentence(problem_sentences(problem))) or "the answer"
    return lead, _next_question(plan, done) or f"Keep {m.group()} as it is: how does it help you find {target}?"


_OLD_NEW = re.compile(r"\b(?:old|original|first|start\w*)\b[^?]*\bor\b[^?]*\b(?:new|after|second|end)\b|"
                      r"\b(?:new|after)\b[^?]*\bor\b[^?]*\b(?:old|original|before)\b|\bof which (?:number|one)\b")


# "what order do I do the discount and the tax in?", "which comes first?": of two changes one after the other
_ORDER = re.compile(r"\b(?:what|which) order\b|\bwhich (?:one |part |change )?(?:comes |goes |do i do )?first\b|"
                    r"\b(?:before|after) the (?:other|discount|tax|tip|increase|decrease)\b")


_BEFORE = r"\boriginal\b|\bbefore\b|\bat first\b|\bto start\b"


def _amount(problem: str, percents: list[str]) -> str:
    """The amount a percent is of, as the problem writes it ("$40", "8,000"): its first number that is no percent."""
    return next((p for v, p in given_numbers(problem) if "%" not in p and fmt(v) not in percents), "")


# "find the percent increase", "what percent did the price go down by": a change from one amount to another
_CHANGE_ASKED = re.compile(r"\bpercent(?:age)? (?:of )?(?P<w>increase|decrease|change|drop|rise|reduction|discount|"
                           r"loss|gain)\b|\b(?:by )?what percent(?:age)?\b[^?.]*\b(?P<v>go|went|drop\w*|rise|rose|fell|"
                           r"fall|increase\w*|decrease\w*|change\w*|grow|grew|up|down|off)\b", re.I)
_TWO_NAMED = re.compile(r"(\$?\d[\d,]*(?:\.\d+)?)\b[^?.!\d]{0,30}?\bor\b[^?.!\d]{0,30}?(\$?\d[\d,]*(?:\.\d+)?)")
_DIVISOR_ASKED = re.compile(r"\b(?:what|which)\b[^?.!]{0,25}\bdivide\b[^?.!]{0,12}\bby\b|\bdivide (?:it |that )?by "
                            r"(?:what|which)\b|\b(?:out of|over) (?:what|which)\b")
_LATER = re.compile(r"\b(?:now|to|then|after|later|became|becomes|on sale for|went|dropped|rose|fell|grew)\b", re.I)


def _change_base(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"do I divide by 80 or 60?", "is the 5 dollars out of 20 or out of 25?" of a percent change from one amount to
    another (no percent given): the change is compared with the amount before it, the plan's divisor (without a
    plan, the amount the story gives first, when a later word says the other came after it)."""
    asked = _CHANGE_ASKED.search(problem)
    given = given_numbers(problem)
    if asked is None or "%" in problem or len(given) != 2:
        return None
    two = _TWO_NAMED.search(said)
    named = {Fraction(x.lstrip("$").replace(",", "")) for x in two.groups()} if two else set()
    if named != {v for v, _ in given} and not _OLD_NEW.search(said) and not _DIVISOR_ASKED.search(said):
        return None
    base = next((s.values[1] for s in plan.steps if s.op == "/" and len(s.values) == 2 and any(
        t.op == "-" and t.value == s.values[0] for t in plan.steps)), None) if plan is not None else None
    if base is None and (plan is not None or not _LATER.search(problem.split(given[1][1])[0].split(given[0][1])[-1])):
        return None
    base = given[0][0] if base is None else base
    word = (asked.group("w") or "change").lower()
    lead = f"A percent {word} compares the change with the amount before it: {dict(given).get(base, fmt(base))}, " \
           f"the amount it started at."
    if plan is None:
        return lead, f"How much did it change, and what fraction of {dict(given).get(base, fmt(base))} is that?"
    have = set(done) | {i for i, s in enumerate(plan.steps[:-1]) if s.value in solver.numbers_in(said) and
                        s.value not in named}
    step = solver.next_step(plan, have)
    return (lead, step_question(plan, step)) if step is not None else None


def _percent_base(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"do I take 10% of the old or the new number?", "what order do I do the discount and the tax in?": a percent
    change is always of the amount just before that change; a second change is of the amount after the first."""
    percents = re.findall(r"(\d+(?:\.\d+)?)\s*%", problem)
    again = len(percents) > 1 and re.search(r"\bagain\b|\bthen\b|\bnext\b|\bsecond\b", problem, re.I)
    if not percents or not (_OLD_NEW.search(said) or again and _ORDER.search(said) or re.search(
            r"\b\d+ ?% of (?:the )?(?:\$?\d|which|what)", said) and re.search(r"\bor\b", said)):
        return None
    start = _amount(problem, percents)
    if again:
        lead = f"Each percent is of the amount just before that change: the first {percents[0]}% is of {start}, and " \
               f"the second {percents[1]}% is of the new amount after the first change, not of {start} again."
        return lead, f"What is {start} after the first {percents[0]}% change?"
    before = re.search(_BEFORE, question_sentence(problem_sentences(problem)), re.I)
    if before:   # "After a 15% discount it costs $68. What was the original price?": the % is of the unknown start
        return f"The {percents[0]}% is of the original amount, the one before the change, not of {start}.", \
            f"If the original is 100%, what percent of it is {start}?"
    return f"A percent change is of the amount before the change: here {start}.", \
        _next_question(plan, done) or f"What is {percents[0]}% of {start}?"


def _other_percent(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"so I take 50% of 200?" of 5% interest, "do I take 20 away from 60?" of a 20% rise on $60: a percent the
    problem does not give, or its percent used as an amount of its own, questioned with what the percent means; its
    result left to the student."""
    percents = list(dict.fromkeys(re.findall(r"(\d+(?:\.\d+)?)\s*%", problem)))
    start = _amount(problem, percents) if len(percents) == 1 else ""
    if not start:
        return None
    given, theirs = percents[0], re.findall(r"(\d+(?:\.\d+)?)\s*(?:%|percent)", said)
    other = next((t for t in theirs if t != given), None)
    if other is not None:
        lead = f"The problem gives {given}%, not {other}%: {given}% means {given} out of every 100."
    elif not theirs and re.search(rf"(?<![\d.])\$?{re.escape(given)}(?![\d.])", said) and \
            re.search(r"\b(?:take|away|subtract|minus|add|plus|off|times|multiply|divide|by)\b", said) and \
            [fmt(v) for v in solver.numbers_in(problem)].count(given) == 1:   # "do i times 25 by 8" of 8% of $25
        lead = f"{given}% is not {given} on its own: it means {given} out of every 100, so what it comes to depends " \
               f"on {start}."
    else:
        return None
    whole = solver.numbers_in(start)[0]
    if whole > 100 and whole % 100 == 0:   # on 100 first, the smaller case
        return lead, f"How much is {given}% of 100, and so of {start}?"
    return lead, f"What is {given}% of {start}?"


_ADDED = r"\b(?:tax|tip|markup|interest|increase[sd]?|rise|rose|grew|grows|more)\b"
_TAKEN = r"\b(?:discount|off|sale|decrease[sd]?|fell|drop(?:s|ped)?|less|reduced)\b"


def _percent_side(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"where does the 5% go, do I take it away?": a tax or a tip is added to the price, a discount taken off it."""
    m = re.search(r"(\d+(?:\.\d+)?)\s*%", problem)
    if m is None or len(set(re.findall(r"(\d+(?:\.\d+)?)\s*%", problem))) > 1 or not re.search(
            r"\b(?:take (?:it )?away|subtract|minus|add|plus|where does|what do i do with)\b", said):
        return None
    if not re.search(rf"{m.group(1)}\s*%|\bit\b|\bthe (?:tax|tip|discount)\b", said):
        return None
    start = _amount(problem, [m.group(1)])
    added = re.search(_ADDED, problem, re.I)
    asked = question_sentence(problem_sentences(problem))
    if not start or not (added or re.search(_TAKEN, problem, re.I)) or re.search(_BEFORE, asked, re.I):
        return None   # "What was the original price?": the amount given is after the change (_percent_base)
    word = (added or re.search(_TAKEN, problem, re.I)).group().lower()
    lead = f"The {word} is {m.group()} of {start}, and it is " + \
        (f"added on top: you pay {start} and the {word} as well." if added else f"taken off {start}.")
    return lead, _next_question(plan, done) or f"What is {m.group()} of {start}?"


def _same_bottom(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"why do I need the same bottom number?": fractions add or take away only as parts of one size."""
    if not re.search(r"\bbottoms?\b[^?]*\b(?:same|different)\b|\b(?:same|common|different) (?:bottom|denominator)|"
                     r"\bdenominators?\b|"
                     r"\b(?:add|plus|adding|subtract|take away|minus)\b[^?]*\btops?\b[^?]*\bbottoms?\b",
                     said):
        return None
    fractions = re.findall(r"(?<![\d/])(\d+)/(\d+)(?![\d/])", problem)
    bottoms = list(dict.fromkeys(int(b) for _, b in fractions))
    if len(bottoms) < 2:
        return None
    both = lcm(*bottoms[:2])
    (top, bottom) = next((t, b) for t, b in fractions if int(b) == bottoms[0])
    lead = f"The bottom number says what size the parts are: {top}/{bottom} counts parts of size 1/{bottom}, and " \
           f"parts of different sizes cannot be counted together. Written with {both} at the bottom, both count " \
           f"parts of the same size."
    return lead, f"What is {top}/{bottom} with {both} at the bottom?"


def _bracket_first(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"do I work out the bracket first?" of (x + 4)/2 = 9: a bracket that holds the unknown cannot be worked out; it
    is one number to find (undone from outside), or, with the letter on both sides, multiplied out."""
    equation, letter = written_equation(problem)
    bracket = re.search(rf"\([^()]*\b\d*{letter}\b[^()]*\)", equation) if equation else None
    if bracket is None or not re.search(r"\bbrackets?\b[^?]*\bfirst\b|\bfirst\b[^?]*\bbrackets?\b|"
                                        r"\bparenthes[ie]s\b[^?]*\bfirst\b", said):
        return None
    lead = f"{bracket.group()} holds {letter}, so it cannot be worked out to one number while {letter} is unknown."
    if all(letter in side for side in equation.split("=")):
        return lead, equation_start(problem)
    return lead, f"Treat {bracket.group()} as one number: what must it be for {equation} to be true?"


def _why_step(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"why would I divide 12 by 3?", "why do I add them first?": what that step finds in this problem (the plan's
    step on those numbers), and what it is for."""
    m = _WHY.search(said)
    if m is None:
        return None
    op = _OPS[m.group("op").lower()]
    named = [Fraction(n.replace(",", "").lstrip("$")) for n in re.findall(_NUMBER, m.group("rest"))]
    steps = plan.steps if plan is not None else []
    step = next((s for s in steps if s.op == op and (not named or set(named) <= set(s.values))), None)
    if step is not None:
        index = plan.steps.index(step)
        unfound = {s.value for i, s in enumerate(plan.steps[:index]) if i not in done} & set(step.values)
        if unfound and ":" in step.question:   # "why do we divide by 2?" of a triangle: the reason the plan gives,
            first = solver.next_step(plan, set(done))   # never the product not found yet
            return f"{step.question.split(':')[0]}.", step_question(plan, first)
        finds = what_it_finds(step.question) or step.question.rstrip("?").lower()
        numbers = f"{fmt(step.values[0])} {OP_SIGN[op]} {fmt(step.values[1])}" \
            if len(step.values) == 2 and not unfound else "That step"
        target = question_target(question_sentence(problem_sentences(problem))) or "the answer"
        if step is plan.steps[-1]:
            return f"{numbers} finds {finds}, which is what the question asks.", "What do you get?"
        return f"{numbers} finds {finds}: the question needs that number on the way.", \
            f"What do you get, and how does it help you find {target}?"
    return _unplanned_why(problem, op, named, said)


def _unplanned_why(problem: str, op: str, named: list[Fraction], said: str) -> tuple[str, str] | None:
    """Without a plan: a division of an amount by a count of units is the amount for 1 unit ("12 litres in 3 minutes":
    the litres in 1 minute); adding all the amounts first is what sharing equally splits."""
    asked = question_sentence(problem_sentences(problem))
    target = question_target(asked) or "the answer"
    units = {v: u for v, u in re.findall(r"\b(\d+(?:\.\d+)?)[- ]([a-z]+?)s?\b", problem)}
    if op == "/" and len(named) == 2:
        top, bottom = (units.get(fmt(v), "") for v in named)
        if top and bottom and top != bottom:
            lead = f"Dividing the {fmt(named[0])} {top}s by the {fmt(named[1])} {bottom}s shares the {top}s out " \
                   f"over the {bottom}s: it gives the {top}s in 1 {bottom}."
            return lead, f"Once you know the {top}s in 1 {bottom}, how does that help you find {target}?"
    if op == "+" and re.search(r"\bfirst\b|\bthem\b|\ball\b", said) and re.search(
            r"\b(?:equally|evenly|each|average|mean|share)\b", problem, re.I):
        amounts = [p for _, p in given_numbers(problem)]
        whose = ", ".join(amounts[:-1]) + f" and {amounts[-1]}" if len(amounts) > 1 else ""
        if whose:
            return f"Sharing equally splits one amount, so everything that gets shared has to be put together " \
                   f"first: {whose}.", f"What do {whose} make together?"
    return None


def _which_amount(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"which price do I divide by?" of $7.50 for 3 kg and $6 for 2 kg, per kilogram: each price goes with the
    amount it buys, and it is the price that is divided, by that amount."""
    if not re.search(r"\bwhich (?:price|cost|number|one|amount)s? (?:do|should|must) (?:i|we|you) "
                     r"(?:divide|use|share)|\bdivide (?:by )?which\b|\bwhat do (?:i|we) divide by\b", said):
        return None
    per = re.search(r"\b(?:per|for (?:one|each|1)|a single|each) ([a-z]+)", question_sentence(
        problem_sentences(problem)), re.I)
    given = given_numbers(problem)
    money = [p for _, p in given if p.startswith("$")]
    counts = [p for _, p in given if not p.startswith("$") and re.search(r"[a-z]", p)]
    if not per or len(money) < 2 or len(money) != len(counts):
        return None
    pairs = " and ".join(f"{m} by {c}" for m, c in zip(money, counts))
    return f"It is each price you divide, by the amount that price buys: {pairs}. That gives the cost of 1 " \
           f"{per.group(1)} each time.", f"What is {money[0]} ÷ {counts[0].split()[0]}?"


_WHICH_DIVIDES = re.compile(r"\bwhich (?:number|one|amount)s? (?:goes|go|is|to put|do i put) on (?:the )?top\b|"
                            r"\bwhat goes on top\b|\bwhich (?:number|one)s? (?:to |do i |should i )?divide by which\b|"
                            r"\bdivide (?:\w+ )?by which\b|\bwhich (?:number|one) (?:is|goes) on the bottom\b")


def _which_divides(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"which number goes on top?" when the next step of the plan divides two given amounts ($18 for 24 markers,
    150 km in 2.5 hours): the amount shared out is divided, by what it is shared over; its result left to them."""
    step = solver.next_step(plan, set(done)) if plan is not None and _WHICH_DIVIDES.search(said) else None
    phrases = dict(given_numbers(problem))
    if step is None or step.op != "/" or len(step.values) != 2 or not all(v in phrases for v in step.values):
        return None
    top, bottom = (phrases[v] for v in step.values)
    return f"The {top} is shared out over the {bottom}: {top} is the number you divide, and {bottom} the number " \
           f"you divide by.", f"What is {fmt(step.values[0])} ÷ {fmt(step.values[1])}?"


def _which_first(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"which number goes first when I take away?": the amount the story starts with, then what is taken from it."""
    if not re.search(r"\bwhich (?:number|one) (?:goes|comes|is) first\b|\bwhat goes first\b", said):
        return None
    given = [p for _, p in given_numbers(problem)]
    if plan is None or len(plan.steps) != 1 or plan.steps[0].op != "-" or len(given) != 2:
        return None
    return f"In a take-away, the amount you start with goes first and the amount taken from it second: the story " \
           f"starts with {given[0]}, then {given[1].split()[0]} are taken.", \
        f"What is {given[0].split()[0]} − {given[1].split()[0]}?"


_CUES = (("/", r"\b(?:how many times|times as)\b", "how many times one amount fits into the other"),
         ("-", r"\bhow (?:much|many) (?:more|fewer|less|longer|shorter|taller|older|younger|heavier|lighter)\b|"
               r"\bdifference\b|\bleft\b", "how far apart the two amounts are"),
         ("/", r"\b(?:each|per|equally|evenly)\b", "one share of the whole amount"),
         ("+", r"\b(?:in all|altogether|total|together|combined)\b", "the amounts put together"))


def _which_operation(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"do I take away or divide?" for "how many times as many ...": the question's own words name the operation,
    said with what they ask. Only for a question of one step on two given amounts (else the words name the last step
    of several, which is no answer to "what do I do")."""
    ops = re.findall(rf"\b({_OP_WORD})\b", said)
    if len(ops) < 2 or not re.search(r"\bor\b", said):
        return None
    chosen = {_OPS[o] for o in ops}
    asked = question_sentence(problem_sentences(problem))
    given = [p for _, p in given_numbers(problem)]
    if len(given) != 2 or (plan is not None and len(plan.steps) != 1):
        return None
    cue = next(((op, m.group(), what) for op, words, what in _CUES if (m := re.search(words, asked, re.I))), None)
    if cue is None or cue[0] not in chosen:
        return None
    name = {"+": "an addition", "-": "a take-away", "*": "a multiplication", "/": "a division"}[cue[0]]
    return f"\"{cue[1]}\" in the question asks for {cue[2]}: that is {name}.", \
        f"Which of {given[0]} and {given[1]} comes first in it, and what do you get?"


_PART_ASKED = re.compile(r"\bwhat (?P<kind>percent(?:age)?|fraction|part|proportion) of (?:the |all (?:the )?)?"
                         r"(?P<whole>[a-z]+(?: [a-z]+)?) (?:are|is|were|was|did|do|does|have|has|got|chose|like)\b",
                         re.I)


def _part_of_whole(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"do I divide 30 by 18?" of "What percent of the class are girls?": a percent or fraction of a whole compares
    the part with the whole, so the part is divided by the whole; which given number is which is left to them."""
    asked = _PART_ASKED.search(question_sentence(problem_sentences(problem)))
    if asked is None or not re.search(r"\bdivid\w*|\bover\b|÷|\d\s*/\s*\d", said):
        return None
    phrases = dict(given_numbers(problem))
    named = [phrases[v] for v in dict.fromkeys(solver.numbers_in(said)) if v in phrases]
    if len(named) != 2:
        return None
    whole, kind = asked.group("whole").lower(), asked.group("kind").lower()
    return f"A {kind} of the {whole} compares a part with the whole: the part is divided by the whole.", \
        f"Which of {named[0]} and {named[1]} is the whole {whole}, and which is the part the question asks about?"


_BOTH_ORDERS = re.compile(r"(?P<a>\d+(?:\.\d+)?)\s*(?:÷|/|by|over|into)\s*(?P<b>\d+(?:\.\d+)?)\b[^\d]{1,12}?\bor\b"
                          r"[^\d]{0,8}?(?P<c>\d+(?:\.\d+)?)\s*(?:÷|/|by|over|into)\s*(?P<d>\d+(?:\.\d+)?)")


def _share_order(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"do I divide 36 by 4 or 4 by 36?" of an amount shared equally: the amount shared is divided by the number of
    shares; which number is which is left to the student (the plan is not needed: the story says what is shared)."""
    m = _BOTH_ORDERS.search(said)
    if m is None or (m.group("a"), m.group("b")) != (m.group("d"), m.group("c")) or not re.search(
            r"\b(?:share[sd]?|each|equal(?:ly)?|evenly|split|per)\b", problem, re.I):
        return None
    phrases = {fmt(v): p for v, p in given_numbers(problem)}
    first, second = (phrases.get(m.group(k), m.group(k)) for k in ("a", "b"))
    return "When an amount is shared equally, the amount being shared is the number you divide, and the number of " \
           "shares is the number you divide by.", \
        f"Which of {first} and {second} is the amount being shared here, and which is the number of shares?"


# "I don't get the 2.5", "what is the 15 for?", "confused by the fewer part", "what do I do with the 100?": a number
# the problem gives, or a word of the sentence that gives it, named as what the student is stuck on
_STUCK_ON = re.compile(r"\b(?:don'?t|dont|do not) (?:get|understand|know (?:what|why|how))\b|\bconfus\w*|"
                       r"\bstuck (?:on|with)\b|\bwhat (?:do|should|can) (?:i|we|you) do with\b|\bwhat about\b|"
                       r"\bmean\b|\bfor\?|"
                       r"\bwhat (?:is|are|'s) (?:the |that |this )?\$?\d[\d.,/]*(?: [a-z]+)? (?:for|about)\b",
                       re.I)
_PROPOSES = re.compile(rf"\b(?:{_OP_WORD}|divided|multiplied|added|subtracted|times|x)\b|[-+*/×÷]\s*\d", re.I)


def _clause_of(problem: str, value: Fraction) -> str:
    """The clause of the problem that gives `value` ("His sister has 12 fewer stickers than Leo"), its question left
    out; "" when no clause or several give it."""
    asked = question_sentence(problem_sentences(problem))
    clauses = [c.strip(" .") for s in problem_sentences(problem) if s != asked
               for c in re.split(r",\s*(?:and |but )?|;\s*|\s+and (?=[a-z]+ \$?\d)", s)]
    holding = [c for c in clauses if value in solver.numbers_in(c)]
    return holding[0] if len(holding) == 1 else ""


def _named_value(problem: str, plan: Plan, said: str) -> Fraction | None:
    """The one given number a help request names, or the number of the one clause that holds a word it names ("the
    fewer part" of "12 fewer stickers than Leo"); None when it names none or several."""
    given = {q.value for q in plan.quantities if q.given}
    named = {v for v in solver.numbers_in(said) if v in given}
    if len(named) == 1:
        return named.pop()
    if named or not re.search(r"\b(?:part|bit|word)\b", said):   # "the fewer part": a word named as the trouble
        return None
    words = content_words(said) - content_words(question_sentence(problem_sentences(problem))) - {
        "get", "understand", "confused", "confusing", "stuck", "mean", "part", "bit", "thing", "word", "here",
        "about", "know", "what", "does", "don", "dont"}
    hits = {v for v in given if (clause := _clause_of(problem, v)) and words & content_words(clause)}
    return hits.pop() if len(hits) == 1 else None


def _named_part(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"I don't get the 2.5" of 2.5 kg of flour for each batch: where the number comes from in the problem and the
    step of the plan that uses it: what that step finds, else its sum for a step on the way (never the last: only
    the arithmetic would be left), else the step asked its way; never a "what does 2.5 tell you?" frame. Not for a
    message that proposes an operation (other rules)."""
    said = _KNOW.sub("", said)   # "I know 15 is the monthly part but I don't get what to do after that": not the 15
    if plan is None or not _STUCK_ON.search(said) or _PROPOSES.search(re.sub(r"\d+\s*/\s*\d+", "1", said)):
        return None
    value = _named_value(problem, plan, said)
    step = next((s for i, s in enumerate(plan.steps) if i not in done and value in s.values), None) \
        if value is not None else None
    clause = _clause_of(problem, value) if step is not None else ""
    if not clause:
        return None
    lead = f"The {fmt(value)} comes from \"{clause}.\""
    finds = what_it_finds(step.question)
    if finds and len(step.values) == 2:   # which operation joins them is still theirs to choose
        first, second = (as_written(v, problem) for v in step.values)
        return f"{lead} It is used to find {finds}.", f"What do you do with {first} and {second} to find that?"
    if step is plan.steps[-1]:   # its sum would leave only the arithmetic: the step asked its way
        return lead, step_question(plan, step)
    target = question_target(question_sentence(problem_sentences(problem))) or "the answer"
    sum_ = step_sum(step, problem)
    return f"{lead} It goes into {sum_}.", f"What is {sum_}, and how does it help you find {target}?"


# A concept a student asks about ("what does 3:5 mean?", "do I divide by the old price or the new one?"): the card of
# data/math_concepts.jsonl (an explanation, worked examples, a question that applies it); lesson.py checks an example's
# arithmetic and that it holds none of the problem's numbers.
CONCEPTS_FILE = ROOT / "data" / "math_concepts.jsonl"
# "what does 3:5 mean", "what even is a mean", "how do I find the median", "I don't get the 2.5 part", "do I divide
# by the old price or the new one?", "the negatives mess me up": the words after the cue name the concept
_CONCEPT_CUES = [re.compile(p, re.I) for p in (
    r"\bwhat (?:does|do) (?P<x>.{1,40}?) (?:even |actually |really )?mean\b",
    r"\bwhat(?:'s| is| are|s)? (?:even |actually )?(?:is |are )?(?:an? |the )?(?:meaning of |point of )?"
    r"(?P<x>[a-z][a-z :]{1,30}?)\s*(?:\?|$)",
    r"\bhow (?:do|can|should|would) (?:i|you|we) (?:find|get|work out|calculate|do|figure out|know|use|add|subtract|"
    r"multiply|divide|convert|solve) (?P<x>.{2,50})",
    r"\bi (?:don'?t|dont|do not|still don'?t) (?:get|understand|know|really get) (?P<x>.{2,60})",
    r"\b(?:do|should|can) (?:i|you|we) (?P<x>[^?]{2,60}\bor\b[^?]{2,40})",
    r"\b(?:which|what) (?P<x>[a-z ]{2,40}) (?:do|should) (?:i|you|we) (?:use|divide|multiply|pick|start|do)\b",
    r"\b(?:confused|confusing|mixed up|lost) (?:about |by |with |on )?(?P<x>.{2,40})",
    r"(?P<x>.{2,40}) (?:confuses? me|mess(?:es)? me up|confusing|so (?:idk|i don'?t know))\b",
    r"\bdifference between (?P<x>.{2,60})",
)]


@lru_cache(maxsize=1)
def concept_cards() -> list[dict]:
    """The authored concept cards (data/math_concepts.jsonl), most specific first: each has a `pattern` naming the
    concept, a short `explain`, worked `examples` on small numbers of their own, and an `ask` that applies it."""
    return [json.loads(line) for line in CONCEPTS_FILE.read_text().splitlines() if line.strip()]


def concept_asked(work: str) -> dict | None:
    """The concept card a student's words ask about, or None: a cue ("what does ... mean", "I don't get ...",
    "do I ... or ...?") followed by words a card names; arithmetic to do ("what is 3/4 + 1/8?") is no concept."""
    for cue in _CONCEPT_CUES:
        for m in cue.finditer(work):
            asked = m.group("x")
            if re.search(r"\d\s*(?:[-+*/×÷=]|%\s*of)\s*\d", asked):
                continue
            card = next((c for c in concept_cards() if re.search(c["pattern"], asked, re.I)), None)
            if card is not None:
                return card
    return None
