"""A help request: what to ask first. With a plan, `way_in` asks a step on the given quantities as a foothold worded
from the step's own quantities, never its result (the step's question restated gives a stuck student nothing):
equal groups picture one group then two, a sum adds tens then ones, a difference counts up, a division asks the times
fact it undoes, and the first step of several says what waits for later. Without a plan, never a list of every number
the problem gives (a frame that fits any problem): the words that relate its quantities ("twice as many as Ben"),
quoted as a phrase; else the question's own relating word ("left", "fraction"); else one quantity the problem names,
the one whose sentence shares most words with the question, asked for what it means here. Before all of these,
where the question's own last step is read (asked_step.py): the part the story makes first, asked in its words."""
from __future__ import annotations

import re
from fractions import Fraction

import solver
import wordproblem
from problem_text import (content_words, first_move_question, problem_sentences, problem_terms, question_sentence,
                          question_target, said_list)
from wordproblem import same_word
from arithmetic_claims import convertible
from asked_step import first_part_question
from solver import Plan, Quantity, Step, fmt

_RELATION = re.compile(r"\b(?:times|as many|as much|more|fewer|less|each|every|per|half|twice|double|together|in all|"
                       r"altogether|total|percent|mean|average)\b|%", re.I)


# "How much taller is the pine tree than the oak tree?": a question that asks how far apart two amounts are
HOW_FAR_APART = re.compile(r"\bhow (?:much|many|far) (?:more|fewer|less|taller|shorter|longer|older|younger|heavier|"
                           r"lighter|farther|further)\b.*\bthan\b", re.I)

# words of a question sentence that say how its numbers relate ("What fraction ...", "How many are left?")
_ASKED_RELATION = re.compile(r"\b(?:fraction|left|remain\w*|difference|average|mean|share\w*|split|ratio)\b", re.I)


# "How many more cans do they need?" with "They need 100 cans.": the goal is given, what they have is the first part
_MORE_NEEDED = re.compile(r"^how (?:many|much) more (?P<noun>[a-z]+) (?P<does>do|does) (?P<who>[a-z]+(?: [a-z]+)?) "
                          r"(?:still )?need\b", re.I)


def _still_needed(problem: str) -> str:
    """The way into a "how many more ... need" question: the goal the story states, then what is already there (never
    how to combine them); "" when the question asks otherwise or no sentence states the goal."""
    asked = question_sentence(problem_sentences(problem))
    more = _MORE_NEEDED.search(asked)
    goal = next((p for p in problem_sentences(problem) if p != asked and more and re.search(r"\bneeds?\b", p)
                 and re.search(rf"\d[\d,]*\s+{more.group('noun')}\b", p)), "")
    if not goal:
        return ""
    who = more.group("who")
    return f"The problem says \"{goal}\" How many {more.group('noun')} {more.group('does')} {who} have so far?"


# "How many books are on each shelf?": the question's thing shared out, one for each of the other's
_EACH_GETS = re.compile(r"^how many (?P<thing>[a-z]+) (?:are|is|go|will be|does each|do each|can go)\b.*\beach "
                        r"(?P<one>[a-z]+)\b", re.I)


def _shared_out(problem: str, given: list[tuple[Fraction, str]]) -> str:
    """A story of two numbers only, a whole of the asked thing and a count of what shares it ("240 books on 8
    shelves, with the same number on each shelf"): the times fact the sharing undoes, as a plan's sharing step asks
    it; "" for any other story (a third number is another step, never guessed at)."""
    asked = question_sentence(problem_sentences(problem))
    each = _EACH_GETS.search(asked)
    if not each or len(given) != 2 or any(v.denominator != 1 or v <= 1 for v, _ in given):
        return ""
    whole = next(((v, p) for v, p in given if same_word(p.split()[-1], each.group("thing"))), None)
    groups = next(((v, p) for v, p in given if same_word(p.split()[-1], each.group("one"))), None)
    clauses = [c for p in problem_sentences(problem) if p != asked for c in re.split(r"[,;]", p)]
    if whole is None or groups is None or whole == groups or whole[0] % groups[0] \
            or any(whole[1] in c and re.search(r"\b(?:each|every|per)\b", c, re.I) for c in clauses):
        return ""   # "Each shelf has 40 books" already is the amount for one: no whole to share
    return f"Each of the {groups[1]} gets the same number. What number times {fmt(groups[0])} makes " \
           f"{fmt(whole[0])}?"


def first_move(problem: str, given: list[tuple[Fraction, str]]) -> tuple[str, str]:
    """A help request without a plan: wording's first move, unless it only lists the numbers ("You know 3 times and 48
    shells ..."): then the words that relate the quantities ("3 times as many shells as Ben", "on Tuesday twice as
    much as Monday"), quoted as a phrase (never a whole sentence pasted into a frame), with what they tell about the
    question's target; with none outside the question, its own relating word ("fraction", "more", "left")."""
    first_part = first_part_question(problem)
    if first_part:   # the question's last step is read (asked_step.py): the part the story makes first, in its words
        return "", first_part
    if still := _still_needed(problem) or _shared_out(problem, given):
        return "", still
    lead, question = first_move_question(problem, given)
    asked = question_sentence(problem_sentences(problem))
    if HOW_FAR_APART.search(asked) and len(given) == 2 and all(v.denominator == 1 for v, _ in given):
        (small, low), (big, high) = sorted(given)   # two amounts compared: which is bigger, then counting up
        return "", f"Which is bigger, {high} or {low}? Count up from {fmt(small)} to {fmt(big)}: how far is it to " \
                   f"the next ten, and how far from there?"
    clauses = [c.strip(" .") for p in problem_sentences(problem) if p != asked for c in re.split(r",\s*(?:and )?", p)]
    relation = next((c for c in clauses if _RELATION.search(c) and re.search(r"\d|\b(?:twice|half)\b", c)), "")
    if not question.startswith("You know"):
        return lead, question
    asked_relation = _RELATION.search(asked) or _ASKED_RELATION.search(asked)
    if not relation and asked_relation and problem_terms(problem, asked):   # "What fraction of them are blue?"
        return lead, f"What does \"{asked_relation.group().lower()}\" in the question tell you to do with " \
                     f"{problem_terms(problem, asked)}?"   # never "what would you work out first?": a frame
    if not relation:
        named, target = named_quantity(problem, given), question_target(asked) or "the answer"
        return lead, f"Start with the {named}: what does that tell you about {target}?" if named else question
    start = re.search(r"\b(?:mean|average) (?:score )?(?:of|over|for) |(?:\b(?:on|in|at) \w+ )?"
                      r"(?:\d|\b(?:twice|half|double|triple)\b)", relation)
    phrase = relation[start.start():] if start else relation
    phrase = re.split(r"\s+(?:and|but|so) (?=i|he|she|they|we|you)\b", phrase)[0]   # not the next clause
    target = question_target(asked) or "the answer"
    return lead, f"What does \"{phrase}\" tell you about {target}?"


def second_look(problem: str, given: list[tuple[Fraction, str]]) -> str:
    """The rephrasing of a help request that came twice without a plan: the problem's own quantities, and which of
    them belong together in its story (the student pairs them; no step is invented), never a question that would fit
    any problem ("Which quantity does the question ask for?")."""
    named = list(dict.fromkeys(phrase for _, phrase in given if re.search(r"[a-z$]", phrase)))
    target = question_target(question_sentence(problem_sentences(problem))) or "the answer"
    units = [phrase.split()[1] for phrase in named[:2] if len(phrase.split()) == 2]
    if len(named) == 2 and len(units) == 2 and convertible(*units):   # "12 m" and "75 cm": one unit first
        first_big = bool(wordproblem.unit_factor(units[0].lower(), units[1].lower()))
        big, small = (named[0], units[1]) if first_big else (named[1], units[0])
        return f"{named[0]} and {named[1]} are in different units. How many {small} is {big}?"
    if len(named) < 3:
        return f"Which quantity does the question ask for, and what do you know about {target}?"
    return f"You know {said_list(named[:4])}. Which two of them go together in the story, and what do they tell you " \
           f"on the way to {target}?"


def named_quantity(problem: str, given: list[tuple[Fraction, str]]) -> str | None:
    """One quantity the problem names outside its question ('95 km'): the one whose sentence shares most words with
    the question (the first on a tie); None when it names none."""
    asked = question_sentence(problem_sentences(problem))
    named = [phrase for _, phrase in given if re.search(r"[a-z]", phrase) and phrase not in asked]
    wanted = content_words(asked)
    sentences = [s for s in problem_sentences(problem) if s != asked]

    def shared(phrase: str) -> int:
        return len(wanted & content_words(next((s for s in sentences if phrase in s), "")))

    return max(named, key=shared) if named else None


# "35 books on each shelf", "15 miles each hour", "9 eggs a day": the amount in one group
_PER_GROUP = re.compile(r"\b(?:each|every|per|a|an)\b")


def way_in(plan: Plan, step: Step) -> str:
    """A step on two given quantities asked as a way in (see the module's docstring), with what waits for later when
    other steps follow; "" when the step has no way in known here or the way in would hold the plan's answer."""
    given = [plan.quantities[r.index] for r in step.operands if r.kind == "quantity"]
    if len(given) != 2 or len(step.operands) != 2:
        return ""
    ask = _one_step_strategy(plan, step, given) if len(plan.steps) == 1 else ""
    ask = ask or _equal_groups(step, given) or _priced_each(step, given) or _tens_then_ones(step, given) \
        or _times_fact(plan, step, given)
    compares = HOW_FAR_APART.search(question_sentence(problem_sentences(plan.problem))) \
        or re.search(r"\b(?:than|difference)\b", step.question)
    ask = ask or (_count_up(step, given) if compares else "")   # a take-away keeps its story ("then used 17")
    return "" if plan.answer in solver.numbers_in(ask) or step.value in solver.numbers_in(ask) else ask


def for_later(plan: Plan, step: Step) -> str:
    """The first of several steps, on given quantities only: the quantity that waits for a later step, said so the
    student knows what to find first ("Leave the 60 books for later: that comes after this part."); else ""."""
    if plan.steps.index(step) or len(plan.steps) == 1 or any(r.kind != "quantity" for r in step.operands):
        return ""
    mine = {r.index for r in step.operands}
    used = {r.index for s in plan.steps[1:] for r in s.operands if r.kind == "quantity"} - mine
    later = [f"{q.text} {q.unit}" if re.fullmatch(r"[\d.,]+", q.text) else q.text   # "40" of "sells 40 of them"
             for q in (plan.quantities[i] for i in sorted(used)) if q.given and "%" not in q.text]
    return f"Leave the {later[0]} for later: that comes after this part." if later else ""


def _one_step_strategy(plan: Plan, step: Step, given: list[Quantity]) -> str:
    """A one-step problem: a fraction of an amount as equal groups, an area as rows of unit squares, an equal share
    as the times fact it undoes; "" for any other step."""
    if plan.pattern == "fraction_of" and given[1].value.denominator > 1 < given[0].value:
        whole, part = given[0], given[1].value
        share = "one" if part.numerator == 1 else f"{part.numerator}"
        return (f"{given[1].text} means {share} of {part.denominator} equal parts. If you split the {whole.text} "
                f"into {part.denominator} equal groups, how many are in one group?")
    if step.kind == "area" and given[0].unit:
        target = question_target(question_sentence(problem_sentences(plan.problem)))
        shape = re.sub(r"^the area of\s+", "", target) if target.startswith("the area of ") else "the shape"
        unit = wordproblem.unit_name(given[0].unit)
        along = "along one side, and how many rows like that" if len({q.text for q in given}) == 1 else \
            f"along the side of {given[0].text}, and how many rows like that along the side of {given[1].text}"
        return f"Picture {shape} covered with squares 1 {unit} on each side. How many squares fit {along}?"
    if step.op == "/" and plan.pattern == "sharing" and all(q.value.denominator == 1 for q in given):
        total, groups = given
        return f"Each of the {groups.text} gets the same number. What number times {fmt(groups.value)} makes " \
               f"{fmt(total.value)}?"
    return ""


def _counted(given: list[Quantity]) -> bool:
    """Whole numbers of things in a story (an equation's or an exercise's numbers have no way in of this kind)."""
    return all(q.value.denominator == 1 and q.value > 0 and q.unit and q.given and "%" not in q.text for q in given)


def _equal_groups(step: Step, given: list[Quantity]) -> str:
    """"4 shelves" times "35 books on each shelf" (or "Each shelf holds 35 books", which the step's question says as
    "35 books each"): one group pictured, then two, then all of them."""
    rates = [q for q in given if _PER_GROUP.search(q.text.split(" ", 1)[-1])] \
        or [q for q in given if re.search(rf"\b{re.escape(q.text)} each\b", step.question)]   # "Each page holds 7"
    if step.op != "*" or len(rates) != 1 or not _counted(given):
        return ""
    rate = rates[0]
    count = given[1] if rate is given[0] else given[0]
    if count.value <= 2 or rate.unit == count.unit:
        return ""
    thing, one = rate.unit.split()[0], wordproblem.stem(count.unit.split()[0])
    many = count.unit.split()[0] if count.unit.split()[0] != one else f"{one}s"   # a plan may read "14 day"
    return f"Picture 1 {one}: that is {fmt(rate.value)} {thing}. How many {thing} would two {many} make, and how " \
           f"does that help with {fmt(count.value)} {many}?"


def _priced_each(step: Step, given: list[Quantity]) -> str:
    """"8 apples" at "$1.25 each": one thing's price pictured, then two, then all of them (the question restated as
    "How do 8 apples and $1.25 each give you the cost?" helps no one)."""
    prices = [q for q in given if q.text.startswith("$") and (q.text.endswith(" each") or f"{q.text} each" in
                                                               step.question)]
    counts = [q for q in given if q not in prices and q.value.denominator == 1 and q.value > 2 and q.unit]
    if step.op != "*" or len(prices) != 1 or len(counts) != 1:
        return ""
    count, price = counts[0], prices[0].text.removesuffix(" each")
    many = count.unit.split()[0]
    return f"Picture 1 {wordproblem.stem(many)}: it costs {price}. How much would two {many} cost, and how does " \
           f"that help with {fmt(count.value)} {many}?"


def _tens_then_ones(step: Step, given: list[Quantity]) -> str:
    """"38 shells" and "27 shells" put together: the tens first, then the ones."""
    if step.op != "+" or not _counted(given) or not all(10 < q.value < 100 and q.value % 10 for q in given):
        return ""
    a, b = (int(q.value) for q in given)
    return f"{given[0].text} and {given[1].text} are put together. Try the tens first: what do the tens of {a} and " \
           f"{b} make? Then what do their ones add to?"


def _count_up(step: Step, given: list[Quantity]) -> str:
    """A difference of "64 feet" and "29 feet": which is bigger, then counting up from the smaller one."""
    if step.op != "-" or not _counted(given) or given[0].value <= given[1].value:
        return ""
    big, small = (int(q.value) for q in given)
    ten = small - small % 10 + 10
    if small % 10 == 0 or ten >= big:
        return ""
    return f"{given[0].text} is the bigger amount. Count up from {small} to {big}: how far is it to the next ten, " \
           f"and how far from there to {big}?"


def _times_fact(plan: Plan, step: Step, given: list[Quantity]) -> str:
    """"72 muffins" in boxes of "6 muffins": how many groups fit, as the times fact the division undoes."""
    if plan.pattern not in ("groups_needed", "grouping") or step.op != "/" or not _counted(given) \
            or given[0].value % given[1].value:
        return ""   # a formula's division (12 N on 4 kg) is no sharing into equal parts
    total, size = given
    return f"How many groups of {size.text} fit in {total.text}? Think: what number times {fmt(size.value)} " \
           f"makes {fmt(total.value)}?"
