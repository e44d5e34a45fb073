"""A help request whose form says what the student is unsure of, answered about exactly that from what code knows.

confusion.py answers confusions named by topic ("which price do I divide by?", "why 60?"). This module reads five
forms of the student's own question and words the move from the plan's steps, never doing the step for them:
- a shortcut they propose ("is it just 20% of 12000", "is it 23 plus 18", "is it just 25 times 25"): the plan's
  step on those numbers says whether it is a first step (then what comes after it), a step by another operation
  (then why theirs does not fit, by what the step means), or, of two percent changes, growth on growth (the second
  percent is of the new amount, so the two do not simply add);
- either of two operations on the next step's equal groups ("do i times or plus"): asked as equal groups or two
  amounts put together, by the problem's own phrases;
- either of two divisors ("do i divide by 204000 or 240000", "divide by 2 or 5"): chosen by meaning, the amount a
  percent change is measured against, or the number of equal parts a fraction's bottom names; either of two amounts
  of a proportion scaled ("multiply the 3 or the 2 by 5"): which amount grows with the one the question names;
- a fact of units they know ("i know 1 hour is 60 min"): confirmed only when it is true, then built on (the half of
  3.5 hours, each of the 3 yards);
- what x should be ("i know i need an equation but what is x"): the unknown the question asks for, and the sentence
  of the problem to write with it;
- a decimal or percent named as the trouble ("the 2.5 is confusing me", "the .85 confuses me", "the 4% is
  confusing"): the number taken apart into its whole and part, or what the percent means, then the step using it.
- how to work a step of the plan ("how do i do 25% of 120", "how do you do 96 divided by 8"): the computation
  taken into parts the student can do (a percent as a fraction or as tens of percent, a number split into tens
  and ones), its result left to them; a computation that is no step of the plan is for the shortcut rule.
Each rule returns (lead, question) or None; `asked_form` tries them in order.
"""
from __future__ import annotations

import re
from fractions import Fraction

import solver
from arithmetic_claims import OP_SIGN
from problem_text import given_numbers, problem_sentences, question_sentence, question_target
from solver import Plan, Step, fmt
from unplanned_help import conditions_start
from wordproblem import unit_factor

_N = r"\d[\d,]*(?:\.\d+)?|\.\d+"
_ASKS = re.compile(r"\b(?:is it|is that|so it'?s|it'?s (?:just|only)|do (?:i|we|u)|should (?:i|we)|can (?:i|we)|"
                   r"would it be|r u supposed to|am i supposed to)\b", re.I)
_SIGNS = {"times": "*", "x": "*", "×": "*", "*": "*", "multiplied by": "*", "plus": "+", "+": "+", "and": "+",
          "minus": "-", "−": "-", "-": "-", "take away": "-", "divided by": "/", "÷": "/", "/": "/", "over": "/"}
_SUM = re.compile(rf"(?<![\d.])\$?(?P<a>{_N})\s*(?P<op>times|x|×|\*|multiplied by|plus|\+|minus|−|-|take away|"
                  rf"divided by|÷|/|over)\s*\$?(?P<b>{_N})(?![\d%])", re.I)
_VERB = re.compile(rf"\b(?P<verb>multiply|times|divide|add|subtract|take)\s+(?:the\s+)?\$?(?P<a>{_N})\s+"
                   rf"(?:by|to|from|and|away from)\s+(?:the\s+)?\$?(?P<b>{_N})(?![\d%])", re.I)
_VERB_OP = {"multiply": "*", "times": "*", "divide": "/", "add": "+", "subtract": "-", "take": "-"}
_PERCENT_OF = re.compile(rf"(?P<p>{_N})\s*(?:%|percent)\s*(?:of|off)\s*\$?(?P<n>{_N})?", re.I)
_HOW_TO = re.compile(r"\bhow (?:do|can|would|should|to|am i supposed to)\b(?: (?:i|we|u|you))?"
                     r"(?: (?:do|work out|find|figure out|calculate|get|solve|work))?\b", re.I)
_AGAIN = re.compile(r"\bagain\b|\bthen\b|\bnext\b|\bsecond\b|\beach year\b|\bevery year\b", re.I)


def _number(text: str) -> Fraction:
    return Fraction(text.replace(",", "").lstrip("$") if not text.startswith(".") else "0" + text)


def _proposed(said: str) -> tuple[str, Fraction, Fraction, str] | None:
    """The one computation a help request proposes without a result: (op, a, b, as written), or None."""
    if not _ASKS.search(said) or re.search(r"=|\bequals?\b|\bgot\b|\bget\b|\bor\b|\bwhy\b", said):
        return None   # "do i divide 45 by 3 or multiply", "why do i divide 20 by 4": for other rules
    return _computation(said)


def _computation(said: str) -> tuple[str, Fraction, Fraction, str] | None:
    """The one computation a message names ("25% of 120", "8 x 12", "divide 96 by 8"): (op, a, b, as written)."""
    m = _PERCENT_OF.search(said)
    if m and m.group("n"):
        return "*", _number(m.group("p")) / 100, _number(m.group("n")), f"{m.group('p')}% of {m.group('n')}"
    m = _SUM.search(said) or _VERB.search(said)
    if m is None:
        return None
    op = _SIGNS.get(m.group("op").lower()) if "op" in m.groupdict() else _VERB_OP[m.group("verb").lower()]
    a, b = _number(m.group("a")), _number(m.group("b"))
    if op == "+" and "op" in m.groupdict() and m.group("op").lower() == "and":
        return None
    return op, a, b, f"{fmt(a)} {OP_SIGN[op]} {fmt(b)}"


def _phrase(problem: str, value: Fraction) -> str:
    """The problem's own words for a given number ("23 rows", "$48"), else the number."""
    return next((p for v, p in given_numbers(problem) if v == value), fmt(value))


def _percent_chain(problem: str, said: str) -> tuple[str, str] | None:
    """"is it just 20% of 12000" of two 10% rises: a percent the problem does not give, proposed for two percent
    changes one after the other; the second is of the amount after the first, so they do not simply combine."""
    percents = re.findall(r"(\d+(?:\.\d+)?)\s*%", problem)
    theirs = re.findall(r"(\d+(?:\.\d+)?)\s*(?:%|percent)", said)
    if len(percents) < 2 or not _AGAIN.search(problem) or not theirs or theirs[0] in percents:
        return None
    start = next((p for v, p in given_numbers(problem) if "%" not in p and fmt(v) not in percents), "")
    if not start:
        return None
    counted = re.fullmatch(r"[\d.]+ ([a-z]+)", start)
    after = f"How many {counted.group(1)} are there after the first {percents[0]}% change?" if counted else \
        f"What is {start} after the first {percents[0]}% change?"
    return f"The second {percents[1]}% is taken of the amount after the first change, not of {start} again, so " \
           f"the two percents do not simply combine into {theirs[0]}%.", after


def _groups(step: Step) -> bool:
    """Whether a step counts equal groups of given things ("How many seats are in 23 rows of 18?"), not a comparison
    ("3 times as many") or a change of unit."""
    return step.op == "*" and not step.kind and len(step.values) == 2 and \
        re.match(rf"How many {re.escape(step.unit)} are in \d", step.question) is not None


def _meaning_of(problem: str, step: Step, op: str, shown: str) -> str:
    """Why the student's operation on a step's own numbers does not do what the step does, or "" when unsure."""
    a, b = step.values[:2]
    if step.kind == "percent" and op == "/":
        p = next((v for v in (a, b) if v < 1), a) * 100
        whole = _phrase(problem, b if a < 1 else a)
        return f"{fmt(p)}% means {fmt(p)} out of every 100, so it is a part of {whole}, not {whole} split into " \
               f"{fmt(p)} equal pieces."
    if _groups(step) and op == "+":
        return f"Adding would put {fmt(a)} and {fmt(b)} together just once."
    if step.op == "-" and op == "+" and not step.kind:
        return f"{shown} would end with more than {fmt(a)}, and here some of the {fmt(a)} go away."
    return ""


def _shortcut(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """A computation the student proposes, judged against the plan's step on those numbers (or, of two percent
    changes, against growth on growth); its result left to them."""
    chain = _percent_chain(problem, said) if re.search(r"%|percent", said) else None
    found = _proposed(said)
    if chain or found is None or plan is None:
        return chain
    op, a, b, shown = found
    perimeter = next((s for s in plan.steps if s.kind == "perimeter"), None)
    if perimeter is not None and op == "*" and b not in perimeter.values[:1]:
        return f"{shown} counts the squares that cover the inside. The perimeter is the distance around the edge.", \
            perimeter.question
    for i, step in enumerate(plan.steps):
        if step.kind == "percent":   # "is it 48 divided by 15" of 15% of $48: the 15 is the percent's
            a, b = (v / 100 if v * 100 not in step.values and v / 100 in step.values else v for v in (a, b))
        if sorted(step.values) != sorted((a, b)) or i in done:
            continue
        if step.op == op and _HOW_TO.search(said):
            return None   # "how do i do 8 x 12" of a right step asks for a way to work it, not a verdict
        if step.op == op and step is not plan.steps[-1]:
            target = question_target(question_sentence(problem_sentences(problem)))
            asks = f"The question asks for {target}: once" if target else "Once"
            return f"{shown} is a good first step, but it does not answer the question yet.", \
                f"{asks} you have {shown}, what will you do with it to get there?"
        if step.op == op:
            return f"{shown} is the step that answers the question.", "What do you get?"
        why = _meaning_of(problem, step, op, shown)
        if why and _groups(step):
            return why, f"But there are {_phrase(problem, a)} with {_phrase(problem, b)} each: are those equal " \
                        f"groups, or two amounts put together?"
        return (why, step.question) if why else None
    return None


def _how_to(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"how do i do 25% of 120" of a step the plan has: the computation taken into parts the student can work."""
    found = _computation(said) if plan is not None and _HOW_TO.search(said) else None
    if found is None:
        return None
    op, a, b, shown = found
    step = next((s for i, s in enumerate(plan.steps) if i not in done and s.op == op
                 and sorted(s.values) == sorted((a, b))), None)
    return _in_parts(step, shown) if step is not None else None


def _in_parts(step: Step, shown: str) -> tuple[str, str] | None:
    """A step's computation as smaller ones: a percent as a fraction (25% is 1/4) or as 10%s; a product, quotient,
    sum or difference by the tens and ones of one number. None when it is already a single fact to recall."""
    a, b = step.values
    if step.kind == "percent" or (step.op == "*" and a < 1 and (a * 100).denominator == 1):
        part, whole = (a, b) if a < 1 else (b, a)
        percent = fmt(part * 100)
        if part.numerator == 1:
            return f"{percent}% means {percent} out of every 100, and that is 1/{part.denominator}.", \
                f"What is {fmt(whole)} split into {part.denominator} equal parts?"
        if (part * 10).denominator == 1:
            return f"{percent}% is {fmt(part * 10)} lots of 10%, and 10% is one tenth.", \
                f"What is 10% of {fmt(whole)}, and then {fmt(part * 10)} of those?"
        if (part * 20).denominator == 1:
            tens = fmt(part * 10 - Fraction(1, 2))
            tens = "10%" if tens == "1" else f"{tens} lots of 10%"
            return f"{percent}% is {tens} and 5%: 10% is one tenth, and 5% is half of 10%.", \
                f"What are 10% and 5% of {fmt(whole)}?"
        return f"{percent}% means {percent} out of every 100.", \
            f"What is 1% of {fmt(whole)}, and then {percent} of those?"
    if any(v.denominator != 1 or v < 0 for v in (a, b)):
        return None
    if step.op == "*":
        small, big = sorted((a, b))
        tens, ones = big - big % 10, big % 10
        return (f"Split {fmt(big)} into {fmt(tens)} and {fmt(ones)}.",
                f"What are {fmt(small)} × {fmt(tens)} and {fmt(small)} × {fmt(ones)}? Then put them together.") \
            if big > 12 and tens and ones else None
    if step.op == "/":
        chunk = b * 10 * (a // (b * 10)) if b else 0
        return (f"{fmt(a)} is {fmt(chunk)} and {fmt(a - chunk)}.",
                f"How many {fmt(b)}s are in {fmt(chunk)}, and how many in {fmt(a - chunk)}?") \
            if chunk and a - chunk and (a - chunk) % b == 0 else None
    tens, ones = b - b % 10, b % 10
    if not (tens and ones and a >= 10):
        return None
    verb, sign = ("add", "+") if step.op == "+" else ("take away", "−")
    return f"Take {fmt(b)} as {fmt(tens)} and {fmt(ones)}.", \
        f"What is {fmt(a)} {sign} {fmt(tens)}? Then {verb} {fmt(ones)} more."


_TWO_OPS = re.compile(r"\b(?:add|plus|times|multiply|minus|subtract|divide)\b[^?]*\bor\b[^?]*"
                      r"\b(?:add|plus|times|multiply|minus|subtract|divide)\b", re.I)


def _equal_groups(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"do i times or plus" when the next step counts equal groups of two given amounts ("6 tables", "4 chairs"):
    asked whether those are equal groups or two amounts put together, in the problem's words."""
    step = solver.next_step(plan, set(done)) if plan is not None and _TWO_OPS.search(said) else None
    if step is None or not _groups(step):
        return None
    groups, each = (_phrase(problem, v) for v in step.values)
    if not (re.search(r"[a-z]", groups) and re.search(r"[a-z]", each)) or "$" in groups + each:
        return None
    return "Adding puts two different amounts together once; multiplying counts equal groups.", \
        f"Here there are {groups} with {each} each: are those equal groups, or two amounts put together?"


_DIVISORS = re.compile(rf"\bdivide\w*(?: it| \$?(?:{_N}))? by (?:the )?\$?(?P<a>{_N}) or (?:by )?(?:the )?\$?"
                       rf"(?P<b>{_N})\b", re.I)


_BOTH_WAYS = re.compile(rf"\$?(?P<a>{_N})\s*(?:÷|/|by|over|into)\s*\$?(?P<b>{_N})\s+or\s+\$?(?P<c>{_N})\s*"
                        rf"(?:÷|/|by|over|into)\s*\$?(?P<d>{_N})")


def _which_divisor(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"divide 12 by 8 or 8 by 12": the whole amount is divided (shared-out stories are confusion._share_order's);
    "do i divide by 204000 or 240000" of a percent change: it is measured against the start; "do i divide by 2 or 5"
    of 2/5 of an amount: the bottom says how many equal parts. Which number it is stays theirs."""
    both = _BOTH_WAYS.search(said)
    shared = re.search(r"\b(?:share[sd]?|each|equal(?:ly)?|evenly|split|per)\b", problem, re.I)   # confusion's
    if both and plan is not None and both.group("a", "b") == both.group("d", "c") and not shared:
        a, b = _number(both.group("a")), _number(both.group("b"))
        if any(s.op == "/" and sorted(s.values) == sorted((a, b)) for s in plan.steps):
            return "The number you divide is the whole amount being split up; the number you divide by is how " \
                   "many parts it is split into, or how big each part is.", \
                f"Which is the whole amount here: {_phrase(problem, a)} or {_phrase(problem, b)}?"
    m = _DIVISORS.search(said)
    if m is None:
        return None
    a, b = _number(m.group("a")), _number(m.group("b"))
    asked = question_sentence(problem_sentences(problem))
    if re.search(r"\bpercent(?:age)? (?:increase|decrease|change|drop|rise|growth)\b", asked, re.I):
        return "A percent change is measured against the amount before the change.", \
            f"Which of {_phrase(problem, a)} and {_phrase(problem, b)} is the amount you started with?"
    frac = re.search(rf"(?<![\d/])({fmt(min(a, b))})/({fmt(max(a, b))})(?![\d/])", problem)
    step = next((s for s in plan.steps if s.kind == "unit_fraction"), None) if plan is not None else None
    if frac is None or step is None:
        return None
    top, bottom = frac.groups()
    whole = _phrase(problem, step.values[0])
    return f"{top}/{bottom} means {top} of {bottom} equal parts: the {bottom} says how many equal parts {whole} " \
           f"are split into, and the {top} how many of those parts you take.", step.question


_KNOW = re.compile(r"\bi know (?:that )?(?P<fact>[^.!?]*?)(?=\bbut\b|\bso\b|[.!?,]|$)", re.I)
_UNIT = {"hour": ("hours?|hrs?", "hours"), "minute": ("minutes?|mins?", "minutes"), "second": ("seconds?|secs?",
         "seconds"), "day": ("days?", "days"), "week": ("weeks?|wks?", "weeks"), "year": ("years?|yrs?", "years"),
         "month": ("months?", "months"), "yard": ("yards?|yds?", "yards"), "foot": ("feet|foot|ft", "feet"),
         "inch": ("inch(?:es)?|in", "inches"), "meter": ("meters?|metres?|m", "meters"),
         "cm": ("centimeters?|centimetres?|cm", "centimeters"), "km": ("kilometers?|kilometres?|km", "kilometers"),
         "gram": ("grams?|g", "grams"), "kg": ("kilograms?|kg", "kilograms"), "dozen": ("dozens?", "dozen"),
         "dollar": ("dollars?", "dollars"), "cent": ("cents?", "cents"), "gallon": ("gallons?", "gallons"),
         "quart": ("quarts?", "quarts")}
_ANY_UNIT = "|".join(f"(?P<{name}_{{0}}>{words})" for name, (words, _) in _UNIT.items())


def _unit_of(match: re.Match, side: str) -> str:
    return next(name for name in _UNIT if match.group(f"{name}_{side}"))


_UNIT_FACT = re.compile(rf"(?:1|one|an?) (?:{_ANY_UNIT.format('a')})\b (?:is|=|equals|has|makes|are) "
                        rf"(?P<n>\d+) (?:{_ANY_UNIT.format('b')})\b", re.I)


_SINGULAR = {"cm": "centimeter", "km": "kilometer", "kg": "kilogram"}


def _article(unit: str) -> str:
    return "an" if unit[0] in "aeiou" or unit == "hour" else "a"


def _one(unit: str) -> str:
    """"an hour", "a kilometer": one of a unit, in words."""
    name = _SINGULAR.get(unit, unit)
    return f"{_article(name)} {name}"


def _built_on(problem: str, big: str, small: str, size: int) -> str:
    """The question that uses a unit fact on this problem: the half of "3.5 hours", or each of "3 yards"; ""."""
    big_words, small_words = _UNIT[big][0], _UNIT[small][0]
    half = re.search(rf"\b(\d+)\.(5|25|75) (?:{big_words})\b", problem, re.I)
    parts = {"5": f"half {_one(big)}", "25": f"a quarter of {_one(big)}", "75": f"three quarters of {_one(big)}"}
    if half:
        part = parts[half.group(2)]
        wholes = _UNIT[big][1] if half.group(1) != "1" else _SINGULAR.get(big, big)
        return f"{half.group()} is {half.group(1)} {wholes} and {part}: how many {_UNIT[small][1]} is {part}?"
    count = re.search(rf"\b(\d+) (?:{big_words})\b", problem, re.I)
    asked = question_sentence(problem_sentences(problem))
    if count and int(count.group(1)) > 1 and re.search(rf"\b(?:{small_words})\b", asked, re.I):
        return f"Each of the {count.group()} is {size} {_UNIT[small][1]}: how many {_UNIT[small][1]} is that in all?"
    return ""


def _known(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"i know 1 hour is 60 min but...": a true fact of units confirmed and built on; a fact that is not true is never
    confirmed (None: other rules decide)."""
    m = _KNOW.search(said)
    fact = _UNIT_FACT.search(m.group("fact")) if m is not None else None
    if fact is None:
        return None
    big, small, size = _unit_of(fact, "a"), _unit_of(fact, "b"), int(fact.group("n"))
    if unit_factor(big, small) != size:
        return None
    nxt = solver.next_step(plan, set(done)) if plan is not None else None
    question = _built_on(problem, big, small, size) or (nxt.question if nxt is not None else "")
    return (f"{size} {_UNIT[small][1]} in {_one(big)}.", question) if question else None


_WHAT_X = re.compile(r"\bwhat (?:is|'s|should|would|do (?:i|we) (?:make|call|let))(?: be)? (?:the )?(?:x|a variable)\b|"
                     r"\bx (?:supposed|meant) to be\b|\bwhat do i (?:make|call|let) x\b|\bwhats x\b", re.I)
_RELATION = re.compile(r"\b(?:than|times|twice|sum|plus|per|more|less|fewer|total|each)\b", re.I)


def _what_x(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"what is x supposed to be": x names the unknown the question asks for; then the problem's sentence that
    ties it to the numbers is the one to write with x."""
    if not _WHAT_X.search(said) or re.search(r"=", problem) or conditions_start(problem):
        return None
    sentences = problem_sentences(problem)
    asked = question_sentence(sentences)
    old = re.search(r"\bhow old (?:is|was|will) (?P<who>[a-z' ]+?)(?: be)?\?", asked, re.I)
    target = f"{old.group('who')}'s age" if old else question_target(asked)
    tie = next((s.strip(" .") for s in sentences if s != asked and _RELATION.search(s)), "")
    if not target or not tie:
        return None
    return f"Let x be what the question asks for: {target}.", \
        f"Now the sentence \"{tie}\": how would you write that with x in it?"


_NAMED = re.compile(rf"(?P<n>\$?(?:{_N})%?)\s*(?:part\s*)?(?:is |are |keeps? )?(?:confus\w*|mess\w*|throw\w*|"
                    rf"trip\w*)|(?:confused|stuck|lost) (?:by|on|with|about) (?:the )?(?P<m>\$?(?:{_N})%?)", re.I)


def _taken_apart(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"the .85 confuses me" of $7.85, "the 2.5 is confusing" of 2.5 miles, "the 4% is confusing": the number said
    as its whole and its part (or what a percent means), then the plan's step that uses it."""
    m = _NAMED.search(said)
    if m is None or plan is None:
        return None
    named = (m.group("n") or m.group("m")).lstrip("$")
    percent = named.endswith("%")
    digits = named.rstrip("%")
    given = [(v, p) for v, p in given_numbers(problem)
             if (re.match(r"\$?([\d.,]*)", p).group(1).endswith(digits.lstrip("0")) and "." in digits
                 or percent and fmt(v) == digits and re.search(rf"(?<![\d.]){re.escape(digits)}\s*%", problem))]
    if len(given) != 1:
        return None
    value, phrase = given[0]
    step = next((s for i, s in enumerate(plan.steps) if i not in done
                 and (value in s.values or percent and value / 100 in s.values)), None)
    if step is None:
        return None
    if percent:
        money = "$" if "$" in problem else ""
        lead = f"{fmt(value)}% means {fmt(value)} out of every 100: {money}{fmt(value)} for each {money}100."
        return lead, step.question
    whole, part = int(value), value - int(value)
    if phrase.startswith("$"):
        cents = round(part * 100)
        lead = f"{phrase} is {whole} dollars and {cents} cents."
        if step.op == "-" and step.values[-1] == value:
            return lead, f"What is left from {_phrase(problem, step.values[0])} after you take away {whole} " \
                         f"dollars, and then {cents} cents?"
        return lead, step.question
    unit = phrase.split(" ", 1)[1] if " " in phrase else ""
    if not unit or part != Fraction(1, 2):
        return None
    single = unit[:-1] if unit.endswith("s") else unit
    lead = f"{phrase} is {whole} {unit} and half {_article(single)} {single} more."
    other = next((v for v in step.values if v != value), None)
    each = re.search(rf"{re.escape(phrase)} (?:every|each|per|a|an)\b", problem)   # the decimal is the size of a lot
    if step.op == "*" and other is not None and other.denominator == 1 and each:
        return lead, f"What are {fmt(other)} lots of {whole} {unit}, and {fmt(other)} halves of {_article(single)} " \
                     f"{single}?"
    return lead, step.question


_EITHER_BY = re.compile(rf"\b(?:multiply|times|x)\s+(?:the\s+)?(?P<a>{_N})\s+or\s+(?:the\s+)?(?P<b>{_N})\s+"
                        rf"(?:by|times|x)\s+(?P<f>{_N})\b", re.I)


def _scaled(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"do i multiply the 3 or the 2 by 5" of 3 cups for 2 dozen, asked for 10 dozen: the factor is how many times
    the asked amount holds the one given with it; which amount grows with it is asked, not said."""
    m = _EITHER_BY.search(said)
    if m is None or plan is None or not any(s.kind == "unit_rate" for s in plan.steps):
        return None
    options, factor = [_number(m.group(k)) for k in ("a", "b")], _number(m.group("f"))
    given = [(_number(n), f"{n} {w}") for n, w in re.findall(rf"(?<![\d.$])({_N}) ([a-z]+)", problem)]   # "2 dozen"
    pair = next(((v, p, c) for v, p in given for c, q in given if v in options and v and c / v == factor
                 and c != v and p.split()[1:] == q.split()[1:] and len(p.split()) > 1), None)
    if pair is None:
        return None
    start, start_phrase, asked = pair
    other = next((p for v, p in given if v in options and v != start), "")
    asked_phrase = next(p for v, p in given if v == asked)
    if not other:
        return None
    return f"{asked_phrase} is {fmt(factor)} times {start_phrase}.", \
        f"When the {start_phrase} become {asked_phrase}, what has to happen to the {other}?"


_DOING = {"+": "adding", "-": "taking away", "*": "multiplying", "/": "dividing"}


def _which_op_first(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """"which do i do first add or divide": the plan's later step works on the next step's result, so the next
    step's operation comes first, said with why; then that step."""
    if plan is None or plan.pattern == "equation" or not re.search(r"\bfirst\b", said) or not _TWO_OPS.search(said):
        return None   # an equation's moves may come in either order ("divide by 2 first or times it in"): no "must"
    step = solver.next_step(plan, set(done))
    index = plan.steps.index(step) if step is not None else -1
    later = next((s for s in plan.steps[index + 1:] if any(r.kind == "step" and r.index == index
                                                           for r in s.operands)), None)
    if later is None or later.op == step.op:
        return None
    return f"The {_DOING[later.op]} in this problem works on what the {_DOING[step.op]} gives you, so the " \
           f"{_DOING[step.op]} comes first.", step.question


def why_first(plan: Plan, step: Step) -> str:
    """One line of what the plan's next step is for in this problem, said before it is asked ("An average shares the
    total evenly, so you need the total first."), for a help request with no confusion of its own; "" for a step no
    later one uses, or one whose use these cannot name."""
    index = plan.steps.index(step)
    user = next((s for s in plan.steps[index + 1:] if any(r.kind == "step" and r.index == index
                                                          for r in s.operands)), None)
    target = question_target(question_sentence(problem_sentences(plan.problem)))
    if user is None or not target:
        return ""
    if user.kind == "mean":
        return "An average shares the total evenly, so you need the total before you can share it."
    per_one = re.match(r"How (?:many (\w+)|much) for 1 (\w+)", step.question)
    if step.kind == "unit_rate" and per_one and user.op == "*":
        return f"Once you know the {per_one.group(1) or 'amount'} for 1 {per_one.group(2)}, you can scale up to " \
               f"the number the question asks about."
    if step.kind == "percent" and user.kind == "percent_apply":
        return f"{target[0].upper()}{target[1:]} is the starting amount with the percent " \
               f"{'taken off' if user.op == '-' else 'added on'}, so first find how much the percent is."
    if step.op == "*" and re.match(rf"How many {re.escape(step.unit)} are in \d", step.question) \
            and step.unit not in ("dollars", "cents", "") \
            and all(plan.quantities[r.index].given for r in step.operands if r.kind == "quantity"):   # no unit change
        return f"To find {target}, you first need the number of {step.unit} in all."
    return ""


def asked_form(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """(lead, question) for the form of the student's own question, or None when it has none of these forms."""
    for rule in (_known, _how_to, _shortcut, _which_divisor, _scaled, _what_x, _which_op_first, _equal_groups,
                 _taken_apart):
        found = rule(problem, plan, done, said)
        if found:
            return found
    return None


def without_known(work: str) -> str:
    """The work without a fact of units the student says they know ("i know 1 hour is 60 min"): no step of theirs
    for the checker to confirm."""
    return _KNOW.sub(lambda m: "" if _UNIT_FACT.search(m.group("fact")) else m.group(), work)
