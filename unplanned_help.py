"""A help request: what to ask first. With a plan, `way_in` asks a step on the given quantities as a foothold worded
from the step's own quantities, never its result (the step's question restated gives a stuck student nothing):
equal groups picture one group then two, a sum adds tens then ones, a difference counts up, a division asks the times
fact it undoes, and the first step of several says what waits for later. Without a plan, never a list of every number
the problem gives (a frame that fits any problem): the words that relate its quantities ("twice as many as Ben"),
quoted as a phrase; else the question's own relating word ("left", "fraction"); else one quantity the problem names,
the one whose sentence shares most words with the question, asked for what it means here. Before all of these,
first what the problem's own form says: an expression's bracket or like terms, an equation's bracket multiplied out
or its letter gathered on one side (`equation_start`), numbers tied by a sum and a gap asked from the middle or
consecutive ones named from the smallest (`conditions_start`); then where the question's own last step is read
(asked_step.py): the part the story makes first, asked in its words; then a price of one thing and a count of those
things, one pictured then two; two clock times (24-hour ones too), counted on to the next hour; two measures in units
of one kind, one changed into the other; a fraction of a whole, one part first; a rate per unit of time and a span of
those units ("48 km per hour", "2 hours 30 minutes"), the rate for one unit said and two units asked. A relating
phrase is asked as its step, never "what does it tell you?" (round 19): equal groups counted ("3 boxes of 8
crayons"), an amount per unit of time turned to the question's unit ("72 times a minute" for a day), a total and a
gap with the extra taken away first; a story's first amount asked after its first change ("64 cars, 28 drive out");
numbers only in the question sentence still asked as a step (a percent change from one amount to another).

How any plan step is asked lives here too (`step_question`, `linked_question`, moved from math_moves.py in round 14):
a bare exercise by place value ("Split 624 into 560 and 64"), a last step that would only restate the problem as a
difference in two easy jumps (`difference_way`), else how its numbers lead to what the question asks."""
from __future__ import annotations

import re
from fractions import Fraction

import solver
import wordproblem
from problem_text import (content_words, exact_answer, exercise_in, first_move_question, problem_sentences,
                          problem_terms, question_sentence, question_target, said_list, stated_conditions,
                          written_equation)
from wordproblem import same_word
from arithmetic_claims import OP_SIGN, as_mixed, as_written, convertible
from asked_step import first_part_question
from mathcheck import algebra_exercise, first_term_only
from known_steps import changed_after, compared_step, fact_step, groups_apart, percent_change, phrase_step, sum_and_gap
from measure_kinds import measure_help
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


# "Tickets cost $8 each", "$3.40 a gallon", "$2 per bag": one thing's price, its noun named
_PRICE_EACH = re.compile(r"\b(?P<thing>[a-z]+) costs? (?P<price>\$\d+(?:\.\d\d)?) each\b|"
                         r"(?P<each>\$\d+(?:\.\d\d)?) (?:a|an|per|for each|for one) (?P<one>[a-z]+)\b", re.I)


# "48 km per hour", "3/5 of a mile every day": an amount for each one of a unit of time
_RATE = re.compile(r"\b(?P<amount>\d[\d./]*) (?:(?P<unit>[a-z]+)|of an? (?P<of>[a-z]+)) (?:per|every|each|an?) "
                   r"(?P<per>hour|minute|day|week|second|month|year)\b", re.I)


def _rate_for_span(problem: str) -> str:
    """A rate per unit of time and a span of those units ("48 km per hour" for "2 hours 30 minutes", "3/5 of a mile
    every day" for "10 days") that the planner did not read, with the question asking how far or how much: the rate
    for one unit said, two units asked, then the whole span (the whole units, then the minutes left). "" without."""
    rate = _RATE.search(problem)
    asked = question_sentence(problem_sentences(problem))
    if rate is None or not re.search(r"\bhow (?:far|much|many)\b", asked, re.I):
        return ""
    per = rate.group("per").lower()
    span = re.search(rf"\b(\d[\d.]*) {per}s?(?: (?:and )?(\d+ minutes?))?", problem[rate.end():], re.I)
    if span is None or Fraction(span.group(1)) <= 2 and not span.group(2):
        return ""
    unit = rate.group("unit") or f"{rate.group('of')}s"   # "a mile" counted in miles
    amount = f"{rate.group('amount')} {rate.group('unit')}" if rate.group("unit") else \
        f"{rate.group('amount')} of a {rate.group('of')}"
    after = f"how many in the {span.group(2)}" if span.group(2) else f"in {span.group()}"   # "2 hours 30 minutes"
    whole = f"{span.group(1)} {per}{'s' if span.group(1) != '1' else ''}" if span.group(2) else f"2 {per}s"
    return f"{rate.group()} means {amount} in each {per}. How many {unit} is that in {whole}, and {after}?"


def _priced_count(problem: str, given: list[tuple[Fraction, str]]) -> str:
    """A price of one thing and a count of those things ("Movie tickets cost $8 each", "Sam buys 3 tickets") that
    the planner did not read with the rest of the story: one thing's price pictured, then two, then all of them (as
    `_priced_each` asks a plan's step); what else the story prices waits. A price and a sum of money, with the
    question asking how many: the cost built up toward the money. "" without such a pair."""
    for price in _PRICE_EACH.finditer(problem):
        thing = (price.group("thing") or price.group("one")).lower()
        count = next((phrase for v, phrase in given if v.denominator == 1 and v > 2 and len(phrase.split()) == 2
                      and same_word(phrase.split()[1].strip(".,"), thing)), None)
        budget = next((phrase for v, phrase in given if phrase.startswith("$") and phrase.strip(".,") != price.group(
            "price") and phrase.strip(".,") != price.group("each")), None)
        asked = re.search(rf"\bhow many {thing}\b", question_sentence(problem_sentences(problem)), re.I)
        if count is None and budget and asked:   # "How many tickets can you buy with $50?": the cost built up
            return f"What would 2 {thing} cost, and 5 {thing}? How many {thing} can be paid for with " \
                   f"{budget.strip('.,')}?"
        if count is None:
            continue
        many = count.split()[1].strip(".,")
        first = f"Start with the {many}. " if len(given) > 2 else ""
        return f"{first}Picture 1 {wordproblem.stem(many)}: it costs {price.group('price') or price.group('each')}. " \
               f"How much would two {many} cost, and how does that help with {count.strip('.,')}?"
    return ""


_CLOCK = re.compile(r"\b(?P<h>\d{1,2}):(?P<m>\d\d)(?:\s*(?P<half>[ap])\.?m\b\.?)?", re.I)
_HOW_LONG = re.compile(r"\bhow (?:long|much time|many (?:minutes|hours))\b", re.I)


def hour_crossed(problem: str) -> tuple[str, str, str] | None:
    """(start, the next whole hour, end) as written, of two clock times and a question of how long between them whose
    span passes a whole hour; None when the span stays inside one hour, starts on the hour, or the times are not
    two."""
    times = list(_CLOCK.finditer(problem))
    if len(times) != 2 or not _HOW_LONG.search(question_sentence(problem_sentences(problem))):
        return None

    def minutes(t: re.Match) -> int:   # "13:15" is on a 24-hour clock already
        hour = int(t.group("h"))
        hour = hour if hour > 12 else hour % 12 + (12 if (t.group("half") or "").lower() == "p" else 0)
        return hour * 60 + int(t.group("m"))

    start, end = times
    hour = int(start.group("h"))
    stop = minutes(end) + (720 if minutes(end) <= minutes(start) else 0)   # 10:55 to 12:20 goes on past 12
    if int(start.group("m")) == 0 or stop <= minutes(start) - int(start.group("m")) + 60:
        return None
    on_hour = f"{hour + 1 if int(end.group('h')) > 12 else hour % 12 + 1}:00"
    first, last = (re.sub(r"(?<=[ap]m)\.$", "", t.group().strip(), flags=re.I) for t in times)   # "pm." ends a sentence
    return first, on_hour, last


def _clock_span(problem: str) -> str:
    """Two clock times and a question of how long between them: counted on to the next whole hour, then to the end
    (minutes past an hour do not subtract like decimals: 5:20 - 3:45 is no 1.75). "" when the span stays inside
    one hour, starts on the hour, or the times are not two."""
    crossed = hour_crossed(problem)
    if crossed is None:
        return ""
    first, on_hour, last = crossed
    return f"Count on from {first}: how many minutes is it to {on_hour}, and how long from {on_hour} to {last}?"


_LASTS = re.compile(r"\b(?:last(?:s|ed)?|takes?|took|runs?|ran|for)\s+(?P<h>\d+)\s*(?:hours?|hrs?|h)\b(?:\s*(?:and\s*)?"
                    r"(?P<m>\d+)\s*(?:minutes?|mins?))?", re.I)


def clock_after(problem: str) -> str:
    """A start on the clock and how long something lasts ("starts at 7:20 p.m. and lasts 1 hour 55 minutes"), with
    the question asking what time it ends: counted on from the start, the hours first, then the minutes; "" else."""
    start, lasts = _CLOCK.search(problem), _LASTS.search(problem)
    asked = question_sentence(problem_sentences(problem)) or problem
    if not start or not lasts or len(_CLOCK.findall(problem)) != 1 or not re.search(r"\bwhat time\b", asked, re.I):
        return ""
    hours = f"{lasts.group('h')} hour{'s' if lasts.group('h') != '1' else ''}"
    rest = f", and then {lasts.group('m')} minutes after that" if lasts.group("m") else ""
    return f"Count on from {start.group().strip()}: what time is it {hours} later{rest}?"


def equation_start(problem: str) -> str:
    """An equation the planner does not plan ("2(3x - 1) = 4x + 10"), asked at its first move: a bracket multiplied
    out, else the letter gathered on one side when both sides hold it, else what to undo on both sides; ""
    without an equation."""
    equation, letter = written_equation(problem)
    if not equation:
        return ""
    bracket = first_term_only(equation)
    if bracket:
        return f"Start with the bracket: the {bracket[1]} multiplies each term inside it. What does " \
               f"{bracket[4].replace('-', '−')} come to?"
    sides = equation.split("=")
    if len(sides) == 2 and all(re.search(rf"\b\d*{letter}\b", side) for side in sides):
        return f"Both sides of {equation} have {letter} in them. What could you take from both sides so that " \
               f"{letter} is on one side only?"
    return f"In {equation}, what has been done to {letter}, and what could you do to both sides to undo it?"


def conditions_start(problem: str) -> str:
    """Unknown numbers tied by a sum and a gap, or consecutive ones (`stated_conditions`), asked from the middle:
    equal shares of the sum first, then how far apart they must move, or the numbers named from the smallest; ""
    for any other problem."""
    conditions = stated_conditions(problem)
    if conditions is None:
        return ""
    if "apart" in conditions:
        return f"If the two numbers were equal, each would be half of {conditions['sum']}. How far above and below " \
               f"that must they be to end up {conditions['apart']} apart?"
    kind = {1: "odd number", 0: "even number"}.get(conditions.get("odd", -1), "number")
    count = conditions["count"]
    if count == 2:
        return f"Call the smaller number n. What is the next {kind} after n, written with n, and what do the two add " \
               f"up to?"
    words = {2: "two", 3: "three", 4: "four", 5: "five"}
    return f"Call the smallest number n. What are the next {words[count - 1]} {kind}s after n, written with n, and " \
           f"what do all {words[count]} add up to?"


def first_move(problem: str, given: list[tuple[Fraction, str]], stated: frozenset[Fraction] = frozenset()
               ) -> tuple[str, str]:
    """A help request without a plan: wording's first move, unless it only lists the numbers ("You know 3 times and 48
    shells ..."): then the words that relate the quantities ("3 times as many shells as Ben", "on Tuesday twice as
    much as Monday"), quoted as a phrase (never a whole sentence pasted into a frame), with what they tell about the
    question's target; with none outside the question, its own relating word ("fraction", "more", "left")."""
    algebra = algebra_exercise(problem)
    if algebra is not None:   # "Expand 2(x + 7)": what the bracket's number does, or which terms are alike
        bracket = first_term_only(algebra[0])
        return "", f"The {bracket[1]} in front of the bracket multiplies each term inside it: what does it make of " \
                   f"the {bracket[2]}, and of the {bracket[3]}?" if bracket else \
            f"Which terms of {algebra[0].replace('-', '−')} have the same letter, and what do they make together?"
    if undo := equation_start(problem) or conditions_start(problem) or measure_help(problem, stated):
        return "", undo   # a shape's own fact (a triangle's angles make 180°) before any story reading
    first_part = first_part_question(problem)
    if first_part:   # the question's last step is read (asked_step.py): the part the story makes first, in its words
        return "", first_part
    if still := _still_needed(problem) or _shared_out(problem, given) or _priced_count(problem, given) \
            or groups_apart(problem) \
            or _clock_span(problem) or clock_after(problem) or _units_apart(given) or _fraction_of(problem, given) \
            or _percent_first(problem, given) or _part_of_all(problem, given) or _unit_asked(problem, given) \
            or _rate_for_span(problem) or compared_step(problem, given) or fact_step(problem):
        return "", still
    lead, question = first_move_question(problem, given)
    asked = question_sentence(problem_sentences(problem))
    if question.startswith("What do you think the first step is"):   # the numbers are all in the question sentence
        question = percent_change(problem, asked) or phrase_step(asked, asked) or question
    if HOW_FAR_APART.search(asked) and len(given) == 2 and all(v.denominator == 1 for v, _ in given):
        (small, low), (big, high) = sorted(given)   # two amounts compared: which is bigger, then counting up
        return "", f"Which is bigger, {high} or {low}? Count up from {fmt(small)} to {fmt(big)}: how far is it to " \
                   f"the next ten, and how far from there?"
    clauses = [c.strip(" .") for p in problem_sentences(problem) if p != asked for c in re.split(r",\s*(?:and )?", p)]
    relation = next((c for c in clauses if _RELATION.search(c) and re.search(r"\d|\b(?:twice|half)\b", c)), "")
    if not question.startswith("You know"):
        return lead, question
    asked_relation = _RELATION.search(asked) or _ASKED_RELATION.search(asked)
    one = re.search(r"\b(?:per|for (?:one|each)|a single) ([a-z]+)", asked, re.I)
    if not relation and one and problem_terms(problem, asked):   # "the better buy per donut": one of them, each way
        what = f"does one {one.group(1)} cost" if "$" in problem else f"is there for one {one.group(1)}"
        return lead, f"The question is about one {one.group(1)}. With {problem_terms(problem, asked)}, what {what} " \
                     f"in each case?"
    if not relation and asked_relation and problem_terms(problem, asked):   # "What fraction of them are blue?"
        return lead, f"What does \"{asked_relation.group().lower()}\" in the question tell you to do with " \
                     f"{problem_terms(problem, asked)}?"   # never "what would you work out first?": a frame
    condition = next((c.strip(" .") for p in problem_sentences(problem) if p != asked for c in re.split(
        r",\s*|\s+and\s+(?=wants?|needs?|must|has to|have to)", p) if not re.search(r"\d", c)
        and content_words(c) & content_words(asked)), "")   # "wants identical bags with no fruit left over"
    named, target = named_quantity(problem, given), question_target(asked) or "the answer"
    if not relation and condition and named:   # what the asked quantity depends on, in the problem's own words
        return "", f"The problem says \"{condition}.\" What must be true of {target}, with " \
                     f"{said_list([p for _, p in given if re.search('[a-z]', p)][:3])}?"
    if not relation:
        return lead, changed_after(problem, named) or (f"Start with the {named}: what does that tell you about "
                                                       f"{target}?" if named else question)
    start = re.search(r"\b(?:mean|average) (?:score )?(?:of|over|for) |(?:\b(?:on|in|at) \w+ )?"
                      r"(?:\d|\b(?:twice|half|double|triple)\b)", relation)
    phrase = relation[start.start():] if start else relation
    phrase = re.split(r"\s+(?:and|but|so) (?=i|he|she|they|we|you)\b", phrase)[0]   # not the next clause
    target = question_target(asked) or "the answer"
    return lead, phrase_step(phrase, asked) or sum_and_gap(problem) or \
        (f"What does \"{phrase}\" tell you about {target}?" if len(phrase.split()) <= 8 else question)


def _units_apart(given: list[tuple[Fraction, str]]) -> str:
    """Two measures in units of one kind ("750 g" and "2 kg"): one changed into the other's unit first; "" else."""
    named = list(dict.fromkeys(phrase for _, phrase in given if re.search(r"[a-z$]", phrase)))
    units = [phrase.split()[1] for phrase in named[:2] if len(phrase.split()) == 2]
    if len(named) != 2 or len(units) != 2 or not convertible(*units):
        return ""
    first_big = bool(wordproblem.unit_factor(units[0].lower(), units[1].lower()))
    big, small = (named[0], units[1]) if first_big else (named[1], units[0])
    return f"{named[0]} and {named[1]} are in different units. How many {small} is {big}?"


# "3/8 of them play chess", "2/5 of the 30 cars": a fraction of a whole the problem counts
_FRACTION_OF = re.compile(r"(?<![\d/])(\d+)/(\d+) of (?:them|all|(?P<the>the|these|those|her|his|their|its))\b")


def _fraction_of(problem: str, given: list[tuple[Fraction, str]]) -> str:
    """A fraction of a counted whole ("40 students ... 3/8 of them"): one part first, 1/8 of the 40 students, then
    how it leads to 3/8; "" when the problem takes no fraction of a whole number it gives that the bottom divides."""
    m = _FRACTION_OF.search(problem)
    if m is None or len(re.findall(r"(?<![\d/])\d+/\d+(?![\d/])", problem)) != 1:   # "1/4 and 1/3": two parts
        return ""
    top, bottom = int(m.group(1)), int(m.group(2))
    whole = next((phrase for v, phrase in given if v.denominator == 1 and v > bottom and v % bottom == 0
                  and re.search(r"[a-z]", phrase) and problem.find(phrase) < m.start()), "")
    # "3/8 of the rest": a whole other than the one counted
    named = re.match(r"\s*([a-z]+)", problem[m.end():]) if m.group("the") else None
    if not whole or bottom < 2 or named and not same_word(named.group(1), whole.split()[-1]):
        return ""
    if top == 1:
        return f"Split the {whole} into {bottom} equal groups: how many are in one group?"
    return f"What is 1/{bottom} of the {whole}, and how does that help you find {top}/{bottom} of them?"


# "dropped by 20%", "36% walk to school", "a 15% tip": a percent taken of an amount the problem gave before it
_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*%")


def _percent_first(problem: str, given: list[tuple[Fraction, str]]) -> str:
    """A percent of an amount the problem gives before it ("$250 ... dropped by 20%"): an easy percent of that amount
    first, 10% (or 1% for a percent that is no multiple of 5), then how it builds the percent asked; "" without a
    percent, or with no whole number or money amount before it."""
    m = _PERCENT.search(problem)
    if m is None or float(m.group(1)) >= 100:
        return ""
    percent = Fraction(m.group(1))
    whole = next((phrase.split()[0] if phrase.startswith("$") else phrase for v, phrase in given   # "$57.60"
                  if problem.find(phrase) < m.start() and v not in (percent, 100)
                  and (phrase.startswith("$") or re.search(r"\d [a-z]", phrase))), "")
    if not whole:
        return ""
    if percent == 10:
        return f"10% is 1 part in 10. Split {whole} into 10 equal parts: how much is one part?"
    easy = "10%" if percent % 5 == 0 else "1%"
    return f"What is {easy} of {whole}, and how can that help you find {m.group(1)}% of it?"


# "What fraction of the marbles are blue?", "What percent of the players scored?": a part against the whole
_PART_ASKED = re.compile(r"\bwhat (?:fraction|percent(?:age)?) of (?:the |all the |all |his |her |their )?"
                         r"(?P<noun>[a-z]+) (?:(?P<be>are|is|were|was) )?(?P<what>[a-z]+)", re.I)


def _part_of_all(problem: str, given: list[tuple[Fraction, str]]) -> str:
    """A question asking what fraction (or percent) of the whole one part is, the parts given as counts ("7 red and 5
    blue marbles"): how many there are in all, and how many of them are that part; "" for any other question."""
    asked = _PART_ASKED.search(question_sentence(problem_sentences(problem)))
    counts = [v for v, _ in given if v.denominator == 1 and v > 0]
    if asked is None or len(counts) < 2 or len(counts) != len(given):
        return ""
    be = f"{asked.group('be')} " if asked.group("be") else ""
    return f"How many {asked.group('noun')} are there in all, and how many of them {be}{asked.group('what')}?"


def _unit_asked(problem: str, given: list[tuple[Fraction, str]]) -> str:
    """A measure to change into the unit the question asks for ("Convert 3.6 km to meters"): how many of the small
    unit make one big one, then how many the measure holds; "" for any other problem."""
    known = exact_answer(problem)
    if known is None or known[1].split()[1] not in "×÷" or len(given) != 1:
        return ""
    phrase, unit = given[0][1], known[2]
    one, many = (phrase.split()[1], unit) if known[1].split()[1] == "×" else (unit, phrase.split()[1])
    return f"How many {many} make 1 {re.sub(r'(?<=..)s$', '', one)}? Then how many {unit} is {phrase}?"


def second_look(problem: str, given: list[tuple[Fraction, str]]) -> str:
    """The rephrasing of a help request that came twice without a plan: the problem's own quantities, and which of
    them belong together in its story (the student pairs them; no step is invented), never a question that would fit
    any problem ("Which quantity does the question ask for?")."""
    named = list(dict.fromkeys(phrase for _, phrase in given if re.search(r"[a-z$]", phrase)))
    target = question_target(question_sentence(problem_sentences(problem))) or "the answer"
    if apart := _units_apart(given):
        return apart
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
    ask = _one_step_strategy(plan, step, given) if len(plan.steps) == 1 else _fraction_groups(plan, given)
    ask = ask or _place_values(plan, step, given) or _equal_groups(step, given) or _priced_each(step, given) \
        or _tens_then_ones(step, given) or _times_fact(plan, step, given) or _built_up(step, given)
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


def _fraction_groups(plan: Plan, given: list[Quantity]) -> str:
    """A fraction of an amount ("1/4 of 72 cards") as equal groups: what the bottom number splits it into, then one
    group (the first step of several as much as a one-step problem's); "" for any other step."""
    if plan.pattern != "fraction_of" or not given[1].value.denominator > 1 < given[0].value:
        return ""
    whole, part = given[0], given[1].value
    share = "one" if part.numerator == 1 else f"{part.numerator}"
    return (f"{given[1].text} means {share} of {part.denominator} equal parts. If you split the {whole.text} "
            f"into {part.denominator} equal groups, how many are in one group?")


def _one_step_strategy(plan: Plan, step: Step, given: list[Quantity]) -> str:
    """A one-step problem: a fraction of an amount as equal groups, an area as rows of unit squares, an equal share
    as the times fact it undoes, a change of unit from one of the bigger unit; "" for any other step."""
    if fraction := _fraction_groups(plan, given):
        return fraction
    factor = next((q for q in given if not q.given and " per " in q.unit), None)   # "3 feet in 1 yard", a known fact
    count = next((q for q in given if q is not factor and q.given), None)
    if step.kind == "convert" and step.op == "*" and factor and count and count.value > 1:
        small, big = factor.unit.split(" per ", 1)
        big = wordproblem.stem(count.unit.split()[0]) if len(big) < 2 and count.unit else big   # "liter", not "l"
        return f"How many {small} are in 1 {big}? Then how many are in {count.text}?"
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
    """"8 apples" at "$1.25 each" (or "$2.60 a carton", a rate in dollars per carton): one thing's price pictured,
    then two, then all of them (the question restated as "How do 8 apples and $1.25 each give you the cost?" or "How
    much do 6 cartons cost, at $2.60 per carton?" helps no one)."""
    prices = [q for q in given if q.text.startswith("$") and (q.text.endswith(" each") or f"{q.text} each" in
                                                               step.question or q.unit.startswith("dollars per "))]
    counts = [q for q in given if q not in prices and q.value.denominator == 1 and q.value > 2 and q.unit]
    if step.op != "*" or len(prices) != 1 or len(counts) != 1:
        return ""
    count, price = counts[0], prices[0].text.removesuffix(" each")
    many = count.unit.split()[0]
    many = many if many != wordproblem.stem(many) else f"{many}s"   # a plan may read "6 carton"
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


def difference_way(bigger: str, big: Fraction, small: Fraction, compares: bool = False) -> str:
    """A difference of whole numbers in two easy jumps (`bigger` is how the problem writes the bigger: "$1250"): two
    close numbers, or two amounts the question `compares`, counted up from the smaller, to the next ten (hundred, from
    a number in the hundreds), then on to the bigger; a small amount taken away in parts, its biggest place first
    ("first 100, then 86"). "" when neither gives two easy jumps (a round or one-digit amount)."""
    if big.denominator != 1 or small.denominator != 1 or not 0 < small < big:
        return ""
    size = 100 if small >= 100 else 10
    round_up = small - small % size + size
    if (compares or 2 * small >= big) and small % size and round_up < big:
        return f"Count up from {fmt(small)} to {bigger}: how far is it from {fmt(small)} to {fmt(round_up)}, and " \
               f"from {fmt(round_up)} to {fmt(big)}?"
    first = small - small % 10 ** (len(str(int(small))) - 1)
    if small < 10 or first == small:
        return ""
    return f"Take away {fmt(small)} in parts: first {fmt(first)}, then {fmt(small - first)}. What is {fmt(big)} − " \
           f"{fmt(first)}, and what is left when you take {fmt(small - first)} from that?"


def _place_values(plan: Plan, step: Step, given: list[Quantity]) -> str:
    """A bare exercise of two whole numbers ("What is 624 ÷ 8?"), asked by place value, since its question is all
    the problem says: a sum by hundreds, tens and ones; a difference counted up; a product with the bigger factor
    split ("40 × 6 and 7 × 6"); a division split into two parts the divisor shares easily ("560 and 64")."""
    a, b = (q.value for q in given)
    if len(plan.steps) != 1 or plan.pattern not in ("expression", "word_expression") or any(q.unit for q in given) \
            or any(v.denominator != 1 or v < 2 for v in (a, b)):
        return ""
    size = 100 if min(a, b) >= 100 else 10 if max(a, b) < 100 else 0   # both in the hundreds, or both two digits
    if step.op == "+" and min(a, b) >= 10 and size and max(a, b) < 1000:
        place, rest = ("tens", "ones") if size == 10 else ("hundreds", "tens, then the ones")
        return f"Start with the {place}: what do {fmt(a - a % size)} and {fmt(b - b % size)} make? Then add the " \
               f"{rest}."
    if step.op == "-":
        return difference_way(fmt(a), a, b)
    big, small = max(a, b), min(a, b)
    if step.op == "*" and big >= 10 and big % 10:
        head = big - big % 10 ** (len(str(int(big))) - 1)
        return f"Split {fmt(big)} into {fmt(head)} and {fmt(big - head)}: what are {fmt(head)} × {fmt(small)} and " \
               f"{fmt(big - head)} × {fmt(small)}?"
    quotient = a / b
    if step.op == "/" and quotient.denominator == 1 and quotient >= 10 and quotient % 10:
        chunk = b * (quotient - quotient % 10)
        return f"Split {fmt(a)} into {fmt(chunk)} and {fmt(a - chunk)}, two parts {fmt(b)} goes into evenly: how " \
               f"many {fmt(b)}s are in each?"
    return ""


# "$9 an hour", "4 cm per minute", "$15 a week": an amount for one of something
_PER_ONE = re.compile(r"\$?[\d.,]+(?: [a-z]+)? (?:a|an|per|each) (?P<one>[a-z]+)")


def _built_up(step: Step, given: list[Quantity]) -> str:
    """A total divided by an amount for one ("$72" at "$9 an hour"): the amount built up, two of the one then ten,
    toward the total (the question restated, "How many hours at $9 an hour make $72?", helps no one)."""
    rate = _PER_ONE.fullmatch(given[1].text) if step.op == "/" and len(given) == 2 else None
    if rate is None or given[0].value.denominator != 1 or "per" in given[0].unit:
        return ""
    many = f"{rate.group('one')}s"
    return f"At {given[1].text}, what do 2 {many} make, and 10 {many}? How many {many} make {given[0].text}?"


def _times_fact(plan: Plan, step: Step, given: list[Quantity]) -> str:
    """"72 muffins" in boxes of "6 muffins": how many groups fit, as the times fact the division undoes."""
    if plan.pattern not in ("groups_needed", "grouping") or step.op != "/" or not _counted(given) \
            or given[0].value % given[1].value:
        return ""   # a formula's division (12 N on 4 kg) is no sharing into equal parts
    total, size = given
    return f"How many groups of {size.text} fit in {total.text}? Think: what number times {fmt(size.value)} " \
           f"makes {fmt(total.value)}?"


# ============================================================================ a step asked, never restated

def step_text(step: Step, forms: str = "") -> str:
    """A plan step as the arithmetic a student would write: "96 ÷ 8 = 12" (said only once the lesson is solved), in
    the form `forms` wrote its numbers (`step_sum`); a rounding step as what it means, not as "7.75 + 0.25 = 8"."""
    if step.kind in ("round_up", "round_down"):
        return f"{'one more for the part left over' if step.kind == 'round_up' else 'the full ones'}: {fmt(step.value)}"
    return f"{step_sum(step, forms)} = {as_written(step.value, forms)}"


def step_sum(step: Step, forms: str = "") -> str:
    """A step's operation on its numbers as a student writes it: "96 ÷ 8", each number as `forms` (the problem and
    the student's words) wrote it ("3 1/2 − 1 3/4", never "3.5 − 1.75")."""
    return f" {OP_SIGN[step.op]} ".join(as_written(v, forms) for v in step.values)


# "What is 8 × 3?": a step that is only its arithmetic (an exercise's step), whose numbers a student should choose
BARE_SUM = re.compile(r"What is (?P<sum>[-\d\s.+×÷−*/()^²³]+)\?")


def step_question(plan: Plan, step: Step, count_up: bool = True) -> str:
    """A step asked without restating the problem or doing its reasoning. An equation's bracket step asks what to undo;
    a lone percent ("What is 12% of 350?") asks for 10% of the whole first; an exercise's bare sum ("What is 8 × 3?")
    asks which part comes first or next (choosing it is the thinking); the last step of a word problem, whose own
    question is the problem's, asks how its numbers (a given quantity, a result found) lead to what the question
    asks, naming no operation (`count_up`: a difference counted up, for a student with no way in yet); any other step
    keeps solver.opening's question."""
    index = plan.steps.index(step)
    equation, letter = written_equation(plan.problem)
    # "Multiplying both sides by 3 ...: what is 3 × (-4)?" skips rewriting the equation: what to undo is the thinking
    if plan.pattern == "equation" and index == 0 and step.kind == "bracket" and equation:
        if first_term_only(equation) and all(letter in side for side in equation.split("=")):   # 3(x + 2) = x + 14
            return equation_start(plan.problem)   # nothing to undo while x is on both sides: the bracket first
        return f"In {equation}, what has been done to {letter}, and what could you do to both sides to undo it?"
    percent = re.fullmatch(r"What is (\d+(?:\.\d+)?)% of (\$?[\d,.]+)\?", step.question)
    if percent and len(plan.steps) == 1:   # "What is 12% of 350?" restated helps no one: a friendlier percent first
        easier = "1%" if percent.group(1) == "10" else "10%"
        return f"What is {easier} of {percent.group(2)}, and how could that help you find {percent.group(1)}% of it?"
    if way_in(plan, step):   # a step on two given quantities: a foothold, never its question restated; the first of
        return f"{for_later(plan, step)} {way_in(plan, step)}".lstrip()   # several says what waits for later
    exercise = exercise_in(plan.problem)
    if BARE_SUM.fullmatch(step.question) and exercise and len(plan.steps) > 1:
        if index:   # the same "Which part of ... comes next?" after every step says nothing: say what changed
            return from_result(fmt(plan.steps[index - 1].value), worked_part(plan.steps[index - 1]))
        return f"Which part of {exercise.group().strip()} would you work out first, and why?"
    return linked_question(plan, step, count_up)


def worked_part(step: Step) -> str:
    """The part of an exercise a step works out, as written: "15 − 9", "3²" (for "What is 3 squared?")."""
    power = re.match(r"(?:What is )?(\S+) (squared|cubed)(?:\?$| means)", step.question)
    if power:
        return power.group(1) + ("²" if power.group(2) == "squared" else "³")
    return step_text(step).rsplit(" = ", 1)[0]


def from_result(result: str, part: str) -> str:
    """The next part of an exercise asked from a result found: what is left once it stands in place of its part."""
    return f"With {result} in place of {part}, what is left to work out, and which part comes next?"


def _restates(plan: Plan, step: Step) -> bool:
    """Does the step's question only restate the problem? A one-step problem's, when every word of it is the
    problem's own ("What is 1/3 of 12 slices?"); a last step's, when it retells earlier parts by their numbers
    ("A school raised $1250, then spent $480 and $315. How much money then?"); never a question with words of its
    own ("once the smaller rectangle is taken out"), or a number of its own ("How many km for 1 hour, if 3 hours give
    36 km?"), or that builds on a found result ("How much more is that?")."""
    if len(plan.steps) == 1:
        return content_words(step.question) <= content_words(plan.problem) \
            and set(solver.numbers_in(step.question)) <= set(solver.numbers_in(plan.problem))
    return bool(set(solver.numbers_in(step.question)) - set(step.values))


def linked_question(plan: Plan, step: Step, count_up: bool = True) -> str:
    """The last step, when its own question restates the problem (`_restates`), asked as how its numbers (a given
    quantity, a result found) lead to what the question asks, naming no operation: "How do 90 g and 30 give you the
    density of the rock?"; a difference of whole numbers is counted up instead ("How do $1250 and 795 give you the
    money left?" only restates the problem: `difference_way`); else solver.opening's question."""
    opening = solver.opening(plan, plan.steps.index(step))
    target = question_target(question_sentence(problem_sentences(plan.problem)))
    if step is not plan.steps[-1] or opening != step.question or not target or len(step.operands) != 2 \
            or not _restates(plan, step):
        return opening
    quantities = [plan.quantities[r.index] for r in step.operands if r.kind == "quantity"]
    if not all(q.given and q.value in solver.numbers_in(plan.problem) for q in quantities):
        return opening   # a fact the problem takes as known (100%, 60 minutes) or a number it never wrote
    names = [plan.quantities[r.index].text if r.kind == "quantity" else fmt(plan.steps[r.index].value)
             for r in step.operands]
    names = [as_mixed(n) for n in names] if re.search(r"\b\d+ \d+/\d+", plan.problem) else names  # as written
    values = [plan.quantities[r.index].value if r.kind == "quantity" else plan.steps[r.index].value
              for r in step.operands]
    compares = bool(HOW_FAR_APART.search(question_sentence(problem_sentences(plan.problem))))
    counted = difference_way(names[0], *values, compares) if step.op == "-" and count_up else ""
    if counted and not {plan.answer, step.value} & set(solver.numbers_in(counted)):   # "how far from 795 to 800"
        return counted
    if names[0] == names[1]:   # a square's side ("used twice" would read as doubling it)
        return f"How does {names[0]} give you {target}?"
    return f"How do {names[0]} and {names[1]} give you {target}?"
