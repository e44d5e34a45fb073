"""The planner's patterns for equations and the problems school solves with them: one small function per pattern.

Linear equations (written 'x + 3 = 10', in words 'I think of a number...', with a bracket '2(x - 3) = 14', with a
fraction side '(y - 1)/2 = 3y - 13' or 'the sum of a number and 8, divided by 3, ...'), two equations in two
unknowns by elimination (written, or two purchases at the same two prices), a boat with and against a current (or a
plane and the wind), two workers on one job (hoses, pipes, painters, machines), a crew or a speed changed on one
job (more hands or more speed, less time), and saving toward a goal or a price. Two-number sum/difference
systems live in total_patterns.py. Apart from math_patterns.py to keep each file short; each pattern returns a
`Plan` or None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from fractions import Fraction
from math import gcd

from wordproblem import (NUM, Builder, Merged, Plan, Problem, Ref, _n, _w, fmt, same_word, shown_first,
                         shown_in_sum, stem, whole_count)

# ----------------------------------------------------------------------------- equations

_EQUATION = re.compile(rf"(?<![\w/.]){_n('a')}? ?\*? ?(?P<x>[a-z])(?: ?(?P<s>[+-]) ?{_n('b')})? ?= ?{_n('c')}")
_ADD = r"plus|add|adds|added|increased by|more|and add|then add"
_SUB = r"minus|subtract|subtracts|subtracted|take away|takes away|decreased by|less|then subtract"
_WORDS_EQ = [
    re.compile(rf"{_n('a')} times (?:a|the|some|my|her|his) number,? (?P<s>{_ADD}|{_SUB}) {_n('b')},? "
               rf"(?:is|equals|makes|gives|was) {_n('c')}"),
    re.compile(rf"(?:multipl\w+|times) (?:it|the number|that number|a number) by {_n('a')},? (?:and |then )*"
               rf"(?P<s>{_ADD}|{_SUB}) {_n('b')}[^?]*?\b(?:is|get|gets|got|equals|makes|result is|answer is) "
               rf"{_n('c')}"),
    re.compile(rf"(?:[Aa]|[Tt]he|[Ss]ome|[Mm]y|[Hh]er|[Hh]is) number (?:times|multiplied by) {_n('a')},? "
               rf"(?P<s>{_ADD}|{_SUB}) {_n('b')},? (?:is|equals|makes|gives|was) {_n('c')}"),
]
_THINKS_OF = re.compile(r"\b(?:thinks?|thought|chooses|chose|picks?|picked) of a number|"
                        r"\b(?:chooses|chose|picks?|picked) a number")
_WORDS_ADD_ONLY = re.compile(rf"(?:[Aa]|[Tt]he|[Ss]ome|[Mm]y|[Hh]er|[Hh]is) number (?P<s>{_ADD}|{_SUB}) {_n('b')},? "
                             rf"(?:is|equals|makes|gives|was) {_n('c')}")


def equation(p: Problem) -> Plan | None:
    """a*x + b = c, written or in words ('I think of a number, multiply it by 3 and add 5: I get 20') -> x."""
    m = p.search(_EQUATION, "all")
    name = "x"
    if m:
        name, plus = m.group("x"), m.group("s") != "-"
    else:
        m = next((w for rx in _WORDS_EQ + [_WORDS_ADD_ONLY] for w in [p.search(rx, "all")] if w), None)
        if not m:
            return None
        plus = re.fullmatch(_SUB, m.group("s")) is None
        name = "the number"
    b = Builder(p, "equation")
    b.read += [t.start() for t in _THINKS_OF.finditer(p.t)]
    c = b.given(m, "c", "")
    a_text = m.groupdict().get("a")
    if m.groupdict().get("b"):
        done = f"adding {m.group('b')} to it" if plus else f"taking {m.group('b')} away from it"
        c = b.step("-" if plus else "+", [c, b.given(m, "b", "")], "",
                   f"What is {a_text + ' times ' if a_text else ''}{name}, if {done} gives {m.group('c')}?",
                   kind="equation")
    if a_text:
        b.step("/", [c, b.given(m, "a", "")], "", f"If {a_text} times {name} is {fmt(b.value(c))}, what is {name}?",
               kind="equation")
    return b.finish()


_DIVIDED_EQUATION = re.compile(rf"(?<![\w/.])(?P<x>[a-z]) ?/ ?{_n('a')}(?: ?(?P<s>[+-]) ?{_n('b')})? ?= ?{_n('c')}"
                               rf"(?![\w/]| ?[-+*/(=^a-z])")   # '= 9 + y' has a letter on both sides: not read


def divided_equation(p: Problem) -> Plan | None:
    """x/a + b = c ('Solve for y: y/5 + 3 = 9') -> undo the b, then multiply by a: the inverse of dividing."""
    m = p.search(_DIVIDED_EQUATION, "all")
    if not m:
        return None
    b = Builder(p, "equation")
    name, a = m.group("x"), m.group("a")
    c = b.given(m, "c", "")
    if m.group("b"):
        plus = m.group("s") != "-"
        done = f"adding {m.group('b')} to it" if plus else f"taking {m.group('b')} away from it"
        c = b.step("-" if plus else "+", [c, b.given(m, "b", "")], "",
                   f"What is {name} divided by {a}, if {done} gives {m.group('c')}?", kind="equation")
    b.step("*", [c, b.given(m, "a", "")], "", f"If {name} divided by {a} is {fmt(b.value(c))}, what is {name}?",
           kind="equation")
    return b.finish()


# An unknown number put through operations in turn ('A number is doubled and then 7 is subtracted. The result is
# 29.', 'Think of a number. Subtract 9 and you get 23.'): each operation where the text says it, in order.
_UNKNOWN = r"(?:it|(?:a|the|my|his|her|their|that) (?:secret |mystery )?number|the result|that|this)"
_OPS = [("*", re.compile(rf"\b(?:multipl\w+|times)(?: {_UNKNOWN})? by {_n('n')}|\bproduct of {_UNKNOWN} and {_n('n_')}"
                         rf"|{_n('n__')} times {_UNKNOWN}")),
        ("*2", re.compile(r"\b(?:doubles?|doubled)\b")), ("*3", re.compile(r"\b(?:triples?|tripled)\b")),
        ("/2", re.compile(r"\b(?:halves|halved)\b")),
        ("+", re.compile(rf"\b(?:add|adds|added|plus|increased? by|increases? it by)(?: {_UNKNOWN} by)? {_n('n')}"
                         rf"(?! (?:to|from)\b(?! get\b))|{_n('n_')} (?:is|was) added\b|"
                         rf"\bsum of {_UNKNOWN} and {_n('n__')}")),
        ("-", re.compile(rf"\b(?:subtract|subtracts|subtracted|minus|take away|takes away|decreased? by)"
                         rf" {_n('n')}(?: from {_UNKNOWN})?(?! from)"
                         rf"|{_n('n_')} (?:is|was) (?:subtracted|taken away)\b")),
        ("/", re.compile(rf"\b(?:divide|divides|divided)(?: {_UNKNOWN})? by {_n('n')}"))]
_OPS = [(op, re.compile(rx.pattern, re.I)) for op, rx in _OPS]   # 'Subtract 9 and you get 23.' starts a sentence
_RESULT = re.compile(rf"(?:\b(?:get|gets|got|end up with|ends up with)|\b(?:result|answer) is|\bequals|\bgives|\bis)"
                     rf" {_n('c')}[.?!]")
_UNDO = {"*": ("/", "What number times {n} gives {c}?"), "/": ("*", "What number divided by {n} gives {c}?"),
         "+": ("-", "What number gives {c} when {n} is added?"), "-": ("+", "What number gives {c} when {n} is taken "
                                                                            "away?")}


def operations_undone(p: Problem) -> Plan | None:
    """'A number is doubled and then 7 is subtracted. The result is 29. What is the number?': the operations in the
    order the text says them, then undone from the last: 29 + 7 = 36, 36 / 2 = 18. Every number must be an
    operation's or the result, and the question must ask for the number."""
    start = re.search(rf"\b(?:think of|thinks of|thought of|picks?|chooses|chose)? ?{_UNKNOWN}", p.body, re.I)
    result = list(re.finditer(_RESULT, p.body))
    if not start or len(result) != 1 or not p.asks(rf"^what (?:is|was) {_UNKNOWN}\?|^what number\b"):
        return None
    ops = sorted(((m.start(), op, m) for op, rx in _OPS for m in rx.finditer(p.body) if m.end() <= result[0].start()),
                 key=lambda found: found[0])   # the whole body read: 'add 7 to get 31' is no 'add 7 to the number'
    spans = {m.span(g) for _, op, m in ops for g in m.groupdict() if m.group(g)} | {result[0].span("c")}
    if not ops or spans != {s for s in p.numbers if s[0] < p.q} or re.search(r"\b(?:than|from)\b", p.body):
        return None   # '5 less than a number', 'subtract it from 30': the order of the operands changes
    b = Builder(p, "equation")
    b.read.append(start.start())
    value = b.given(result[0], "c", "")
    for _, op, m in reversed(ops):
        group = next((g for g in m.groupdict() if m.group(g)), None)
        n = b.given(m, group, "") if group else b.fact(int(op[1]), "", f"{op[1]} ({m.group()})")
        inverse, question = _UNDO[op[0]]
        value = b.step(inverse, [value, n], "", question.format(n=fmt(b.value(n)), c=fmt(b.value(value))),
                       kind="equation")
    return b.finish()


_BRACKET_EQUATION = re.compile(rf"{_n('a')} ?\( ?(?P<x>[a-z]) ?(?P<s>[+-]) ?{_n('b')} ?\) ?= ?{_n('c')}")


def bracket_equation(p: Problem) -> Plan | None:
    """'Solve 2(x - 3) = 14' -> multiply out the bracket (2 x -3 = -6), undo it (14 + 6 = 20 is 2x), then x."""
    m = p.search(_BRACKET_EQUATION, "all")
    if not m:
        return None
    a, x, sign = m.group("a"), m.group("x"), m.group("s")
    b = Builder(p, "equation")
    inner = b.given(m, "b", "", text=f"{sign}{m.group('b')}", scale=-1 if sign == "-" else 1)
    spread = b.step("*", [b.given(m, "a", ""), inner], "",
                    f"Multiplying out the bracket: what is {a} × {shown_in_sum(b.value(inner))}?",
                    kind="bracket")
    shown = shown_first(b.value(spread))
    lhs = f"{a}{x} {'-' if shown.startswith('-') else '+'} {shown.lstrip('-')}"
    times = b.step("-", [b.given(m, "c", ""), spread], "", f"If {lhs} = {m.group('c')}, what is {a}{x}?",
                   kind="equation")
    b.step("/", [times, b.given(m, "a", "")], "", f"If {a}{x} = {fmt(b.value(times))}, what is {x}?", kind="equation")
    return b.finish()


_FEE_PLUS = re.compile(r"(?P<f>\$\d+(?:\.\d+)?)(?P<fee>(?: [a-z]+){0,3}?) (?:plus|and) (?P<r>\$\d+(?:\.\d+)?) "
                       rf"(?:per|a|an|each|for each|for every) {_w('u')}\b")
_FEE_TOTAL = re.compile(r"\b(?:cost|costs|was|paid|pays|came to|totaled|totalled|for|with|has|have) "
                        r"(?P<t>\$\d+(?:\.\d+)?)")   # '... can you go for $19?': the bill said in the question


def fee_plus_rate(p: Problem) -> Plan | None:
    """A fixed charge plus a rate ('A taxi charges $3 plus $2 per mile'): a bill of $19 undone to the miles (19 - 3,
    then shared by 2: the equation 3 + 2m = 19), or the bill for a number of them ('a 7-mile ride': 2 x 7, plus 3)."""
    fee = p.search(_FEE_PLUS)
    if not fee or len(p.numbers) != 3:
        return None
    unit, rate_words = fee.group("u"), f"{fee.group('r')} per {stem(fee.group('u'))}"
    b = Builder(p, "equation")
    charge, rate = b.given(fee, "f", "dollars"), b.given(fee, "r", f"dollars per {stem(unit)}")
    # the bill, after the prices
    total = next((m for m in p.finditer(_FEE_TOTAL, "all") if m.start() > fee.end()), None)
    asked = re.match(r"how many (?P<u>[a-z]+)\b", p.question, re.I)
    if total and asked and same_word(asked.group("u"), unit):
        paid = total.group("t")
        part = b.step("-", [b.given(total, "t", "dollars"), charge], "dollars",
                      f"How much of the {paid} is left once the {fee.group('f')}{fee.group('fee')} is taken off?",
                      kind="equation")
        b.step("/", [part, rate], unit, f"How many {asked.group('u')} at {rate_words} cost that much?",
               kind="equation")
        whole_count(b.steps[-1].value)
        return b.finish()
    count = re.search(rf"\b(?:an? )?{_n('n')}[- ](?P<u>[a-z]+)\b", p.question)
    if total or not count or not same_word(count.group("u"), unit) \
            or not p.asks(r"^(?:how much|what is the (?:total )?(?:cost|bill|charge))\b"):
        return None
    n = b.given(Merged(count), "n", unit)
    for_them = b.step("*", [rate, n], "dollars", f"How much do {count.group('n')} {unit}s cost at {rate_words}?"
                      .replace("ss ", "s "), kind="rate")
    b.step("+", [charge, for_them], "dollars", f"What is the whole bill with the {fee.group('f')}{fee.group('fee')} "
                                               f"added?")
    return b.finish()


_SAVES_EACH = re.compile(rf"\b(?P<verb>saves|earns|puts away|puts aside|sets aside|adds|collects|reads|walks|runs) "
                         rf"{_n('r')}(?: (?P<noun>[a-z]+))? (?:every|each|a|per) (?P<per>day|week|month|year)\b")
# ('already has' is read as 'has' before any reader sees it, so a plain 'has' is the start too)
_HAS_NOW = re.compile(rf"\b(?:already (?:has|had|saved|collected|read)|has already (?:saved|collected|read)|"
                      rf"starts with|started with|has|had) {_n('s')}(?: (?P<noun>[a-z]+))?")
_GOAL = re.compile(rf"\bhow many (?:more )?(?P<per>days|weeks|months|years) (?:until|before|will it take|does it take|"
                   rf"(?:will|does|must) \w+ (?:need|have) to \w+)\b[^?]*?{_n('g')}(?: (?P<noun>[a-z]+))?\W*$", re.I)

# the goal said as a price, the question asking only how long: 'A bike costs $180 ... how many weeks until he can
# buy it?'
_GOAL_PRICE = re.compile(rf"\b(?:costs?|is priced at|sells for) {_n('g')}")
_GOAL_BUY = re.compile(r"\bhow many (?:more )?(?P<per>days|weeks|months|years) (?:until|before|will it take|"
                       r"does it take|(?:will|does|must|should) \w+ (?:need to |have to )?save)\b[^?\d]*\?$", re.I)


def save_to_goal(p: Problem) -> Plan | None:
    """A start, a steady amount each week, a goal ('saves $6 every week ... already has $24 ... how many more weeks
    until she has $60'): the equation 24 + 6w = 60, undone: what is still missing (60 - 24), shared by 6 a week."""
    each, now, goal = p.search(_SAVES_EACH), p.search(_HAS_NOW), p.search(_GOAL, "question")
    asked = None if goal else p.search(_GOAL_BUY, "question")
    goal = goal or (p.search(_GOAL_PRICE) if asked else None)
    per = (asked or goal).group("per") if goal else ""
    if not each or not now or not goal or len(p.numbers) != 3 or not same_word(per, each.group("per")):
        return None
    money = [m.group(g).startswith("$") for m, g in ((each, "r"), (now, "s"), (goal, "g"))]
    nouns = {m.group("noun") for m in (each, now, goal) if "noun" in m.re.groupindex and m.group("noun")}
    if len(set(money)) > 1 or (not money[0] and len({stem(n) for n in nouns}) != 1):
        return None   # '$6 a week ... 24 stamps': amounts of one thing only
    unit = "dollars" if money[0] else nouns.pop()
    b = Builder(p, "equation")
    start, rate, target = b.given(now, "s", unit), b.given(each, "r", unit), b.given(goal, "g", unit)
    if b.value(target) <= b.value(start):
        return None
    missing = b.step("-", [target, start], unit, f"How much more than {now.group('s')} is needed to reach "
                                                 f"{goal.group('g')}?", kind="goal_gap")
    b.step("/", [missing, rate], per, f"How many {per} at {each.group('r')} a {each.group('per')} make that much?",
           kind="equation")
    whole_count(b.steps[-1].value)
    return b.finish()


_CONSECUTIVE = re.compile(rf"\b(?:sum of (?P<k>2|3) consecutive (?:(?P<kind>even|odd|whole) )?(?:numbers|integers) "
                          rf"is|(?P<k_>2|3) consecutive (?:(?P<kind_>even|odd|whole) )?(?:numbers|integers) "
                          rf"(?:add up to|have a sum of)) {_n('s')}")
_WHICH = {"smaller": 0, "smallest": 0, "first": 0, "middle": 1, "larger": -1, "largest": -1, "greater": -1,
          "greatest": -1, "bigger": -1, "biggest": -1}


def consecutive(p: Problem) -> Plan | None:
    """'The sum of two consecutive numbers is 47. What is the larger number?' -> take away the 1 the larger has
    more (46), share it equally (23 is the smaller), then 1 more; even or odd numbers are 2 apart."""
    m = p.search(_CONSECUTIVE, "all")
    asked = re.findall(rf"\b({'|'.join(_WHICH)})\b", p.question, re.I)
    if not m or len(set(asked)) != 1 or not p.asks(r"^(?:what|find|which)\b"):
        return None
    k = int(m.group("k") or m.group("k_"))
    gap = 2 if (m.group("kind") or m.group("kind_")) in ("even", "odd") else 1
    place = _WHICH[asked[0].lower()] % k
    if asked[0].lower() == "middle" and k != 3:
        return None
    b = Builder(p, "consecutive")
    count = b.given(m, "k" if m.group("k") else "k_", "numbers")
    least = "smaller" if k == 2 else "smallest"
    above = gap * k * (k - 1) // 2   # how much the numbers after the first add above it: 1, or 1 + 2, or 2 + 4 ...
    said = f"The larger number is {gap} more than the smaller" if k == 2 else \
        f"The other numbers are {gap} and {2 * gap} more than the smallest"
    rest = b.step("-", [b.given(m, "s", ""), b.fact(above, "", f"the {above} extra")], "",
                  f"{said}. What is {m.group('s')} without {'that' if k == 2 else 'those'} {above}?",
                  kind="consecutive")
    first = b.step("/", [rest, count], "", f"Shared equally among the {k} numbers, what is the {least} one?")
    kind = m.group("kind") or m.group("kind_")
    if whole_count(b.value(first)) % 2 != {"even": 0, "odd": 1}.get(kind, b.value(first) % 2):
        return None   # 'three consecutive even numbers' whose smallest comes out odd: misread
    if place:
        b.step("+", [first, b.fact(gap * place, "", f"{gap * place} more than the {least}")], "",
               f"What is the {asked[0].lower()} number, {gap * place} more than the {least}?")
    return b.finish()


# ----------------------------------------------------------------------------- an equation with a fraction side

_ALONE_BEFORE = r"(?<![+\-*/=^] )(?<![+\-*/=^\w.$])"   # no term added before the equation...
_ALONE_AFTER = r"(?! ?[-+*/^(=])(?![\w/])"                # ...or after it: '= x - 4 + y' is no equation of ours
_TERM = rf"(?:(?P<c>{NUM}) ?)?(?P<y>[a-z])(?![a-z])(?: ?(?P<t>[+-]) ?(?P<e>{NUM}))?"
_FRACTION_EQUATION = re.compile(rf"{_ALONE_BEFORE}\( ?(?:(?P<a>{NUM}) ?)?(?P<x>[a-z]) ?(?P<s>[+-]) ?{_n('b')} ?\) ?/ ?"
                                rf"{_n('d')} ?= ?(?:{_TERM}|(?P<neg>-)?(?P<k>{NUM})){_ALONE_AFTER}")
_NUMBER_OF = r"(?:a|the|some|my|her|his) number"
_FRACTION_WORDS = re.compile(rf"\b(?P<ls>sum|difference) of {_NUMBER_OF} and {_n('b')},? (?:is |all )?divided by "
                             rf"{_n('d')},? (?:equals|is equal to|is|gives) (?:(?:(?P<e>{NUM}) (?P<t>less|more) "
                             rf"than )?(?:(?P<c>{NUM}) times )?(?P<y>(?:the|that|this) number)|(?P<k>{NUM}))"
                             rf"(?= ?[.?!,;]|$)")


def _signed(b: Builder, m: re.Match | Merged, group: str, minus: bool) -> Ref:
    token = m.group(group)
    return b.given(m, group, "", text=f"-{token}" if minus else token, scale=-1 if minus else 1)


def fraction_equation(p: Problem) -> Plan | None:
    """'(y - 1)/2 = 3y - 13' or 'the sum of a number and 8, divided by 3, equals 6 less than the number': multiply both
    sides by the divisor, gather the letter on the side with more of it and the numbers on the other, divide."""
    m = p.search(_FRACTION_EQUATION, "all")
    words = m is None
    m = m or p.search(_FRACTION_WORDS, "all")
    if not m or (not words and m.group("y") and m.group("y") != m.group("x")):
        return None
    b = Builder(p, "equation")
    if words:
        name, minus_b, minus_e = "the number", m.group("ls") == "difference", m.group("t") == "less"
        b.read += [t.start() for t in _THINKS_OF.finditer(p.t)]
    else:
        name, minus_b, minus_e = m.group("x"), m.group("s") == "-", m.group("t") == "-" or bool(m.group("neg"))
    a = b.given(m, "a", "") if m.groupdict().get("a") else b.fact(1, "", f"1 {name}")
    d, const_b = b.given(m, "d", ""), _signed(b, m, "b", minus_b)
    right = "e" if m.group("y") else "k"
    e = _signed(b, m, right, minus_e) if m.group(right) else None
    d_text = m.group("d")
    times = b.step("*", [d, e], "", f"Multiplying both sides by {d_text} undoes the division by {d_text}: what is "
                                    f"{d_text} × {shown_in_sum(b.value(e))}?", kind="bracket") if e else None
    if not m.group("y"):
        letters = a
    elif m.group("c"):
        c = b.given(m, "c", "")
        letters = b.step("*", [d, c], "", f"What does {_term(b.value(c), name)} become when multiplied by {d_text}?")
    else:
        letters = d   # 3 × (x - 4) has 3 x
    more_right = m.group("y") and b.value(letters) > b.value(a)
    if m.group("y") and b.value(letters) == b.value(a):
        return None   # the letter cancels: no single answer
    return _gather(b, name, (letters, a) if more_right else (a, letters), (const_b, times) if more_right
                   else (times, const_b), both_sides=bool(m.group("y")))


def _term(value: Fraction, name: str) -> str:
    """A letter with its coefficient as school writes it: 'x', '-y', '3x', '3 times the number'."""
    shown = fmt(value)
    return {"1": name, "-1": f"-{name}"}.get(shown, f"{shown}{name}" if len(name) == 1 else f"{shown} times {name}")


def _gather(b: Builder, name: str, letters: tuple[Ref, Ref], numbers: tuple[Ref | None, Ref | None],
            both_sides: bool) -> Plan | None:
    """The letter gathered on one side, the numbers on the other, then divide. `letters` is (the side that keeps
    the letter, the side it leaves); `numbers` is (the side that keeps the numbers, the side they leave)."""
    big, small = letters
    coefficient = big
    if both_sides:
        coefficient = b.step("-", [big, small], "", f"Gather {name} on one side: what is {_term(b.value(big), name)} - "
                                                    f"{_term(b.value(small), name)}?", kind="equation")
    keep, leave = numbers
    if leave is None:
        total = keep
    elif keep is None:
        total = b.step("*", [leave, b.fact(-1, "", "-1")], "", f"Moving {shown_in_sum(b.value(leave))} to the other "
                                                              f"side changes its sign: what does it become?",
                       kind="equation")
    else:
        total = b.step("-", [keep, leave], "", f"Gather the numbers on the other side: what is "
                                               f"{shown_first(b.value(keep))} - {shown_in_sum(b.value(leave))}?",
                       kind="equation")
    if b.value(coefficient) != 1:
        b.step("/", [total, coefficient], "", f"If {_term(b.value(coefficient), name)} = "
                                              f"{shown_first(b.value(total))}, what is {name}?", kind="equation")
    return b.finish()


# ----------------------------------------------------------------------------- any linear equation in one letter

# One term of a side: a bracket times a number ('2(3x - 1)', '- 4(x + 2)'), a letter with its number ('5x', 'x'), or
# a number; a letter a space after its number is a unit ('1850 g'), never an unknown. A side is terms joined by + and
# -; every term of both sides is read, or the equation is not ours.
_D = r"\d+(?:\.\d+)?"
_TERM_RX = re.compile(rf"(?P<sign>[-+])? ?(?:(?P<k>{_D}) ?[*×]? ?\( ?(?P<bc>{_D})?(?P<bx>[b-z]) ?(?P<bs>[-+]) ?"
                      rf"(?P<bn>{_D}) ?\)|(?P<c>{_D})?(?P<x>[b-z])(?![\w(])|(?P<n>{_D})(?![\w(]|\.\d| ?[*×(]))")
_ONE_TERM = rf"(?:{_D} ?[*×]? ?\( ?(?:{_D})?[b-z] ?[-+] ?{_D} ?\)|(?:{_D})?[b-z](?![\w(])|" \
            rf"{_D}(?![\w(]|\.\d| ?[*×(]))"
_SIDE = rf"-? ?{_ONE_TERM}(?: ?[-+] ?{_ONE_TERM})*"
_LINEAR = re.compile(rf"(?<![\w.$/*×^(-])(?P<l>{_SIDE}) ?= ?(?P<r>{_SIDE})(?![\w/*×^(])(?! ?[-+*/=])")


def _side(b: Builder, p: Problem, span: tuple[int, int], name: str) -> tuple[Ref | None, Ref | None]:
    """A side's letter and number parts, each one Ref (None when the side has none): brackets multiplied out, then
    like terms added, one step each, as a student writes them."""
    letters: list[Ref] = []
    numbers: list[Ref] = []
    for m in _TERM_RX.finditer(p.t, *span):
        minus = m.group("sign") == "-"
        if m.group("k"):
            k = _signed(b, m, "k", minus)
            if m.group("bc"):
                letters.append(b.step("*", [k, b.given(m, "bc", "")], "", f"Multiplying out the bracket: what is "
                                      f"{shown_first(b.value(k))} × {m.group('bc')}{name}?", kind="bracket"))
            else:
                letters.append(k)
            inner = _signed(b, m, "bn", m.group("bs") == "-")
            numbers.append(b.step("*", [k, inner], "", f"Multiplying out the bracket: what is "
                                  f"{shown_first(b.value(k))} × {shown_in_sum(b.value(inner))}?", kind="bracket"))
        elif m.group("x"):
            letters.append(_signed(b, m, "c", minus) if m.group("c") else b.fact(-1 if minus else 1, "", f"1 {name}"))
        else:
            numbers.append(_signed(b, m, "n", minus))
    total = []
    for parts, said in ((letters, name), (numbers, "")):
        if len(parts) > 1:   # like terms on one side first: '2x + 3x', '4 - 9'
            shown = " + ".join(_term(b.value(r), said) if said else shown_in_sum(b.value(r)) for r in parts)
            parts[:] = [b.step("+", parts, "", f"Collect the like terms: what is {shown}?", kind="equation")]
        total.append(parts[0] if parts else None)
    return total[0], total[1]


def linear_equation(p: Problem) -> Plan | None:
    """Any linear equation in one letter ('5x + 3 = 2x + 18', '2(3x - 1) = 4x + 10', '20 - 3x = 5'): brackets
    multiplied out, like terms collected, the letter gathered on the side with more of it and the numbers on the
    other, then divide."""
    found = [m for m in _LINEAR.finditer(p.t) if m.group("l").strip() and m.group("r").strip()]
    names = set(re.findall(r"(?<![a-z])[b-z](?![a-z])", found[0].group()) if len(found) == 1 else "")
    if p.t.count("=") != 1 or len(names) != 1 or not p.asks(rf"\b(?:solve|find|value|what is {''.join(names)}\b)"):
        return None
    name = names.pop()
    b = Builder(p, "equation")
    m = found[0]
    (left_x, left_n), (right_x, right_n) = _side(b, p, m.span("l"), name), _side(b, p, m.span("r"), name)
    left, right = (b.value(r) if r else Fraction(0) for r in (left_x, right_x))
    if left == right or left_n is None and right_n is None:
        return None   # the letter cancels, or equals 0: no sum to work
    if right_x is None or (left_x is not None and left > right):
        return _gather(b, name, (left_x, right_x), (right_n, left_n), both_sides=right_x is not None)
    return _gather(b, name, (right_x, left_x), (left_n, right_n), both_sides=left_x is not None)


# ----------------------------------------------------------------------------- two equations, two unknowns

_LINEAR_PAIR = re.compile(rf"{_ALONE_BEFORE}(?P<an>-)?(?P<a>{NUM})? ?(?P<x>[b-z])(?![\w/]) ?(?P<s>[+-]) ?"
                          rf"(?P<b>{NUM})? ?(?P<y>[b-z])(?![\w/]) ?= ?(?P<cn>-)?(?P<c>{NUM}){_ALONE_AFTER}")
_ONE = r"an?|one"
_PURCHASE = re.compile(rf"(?<![\w.$])(?P<a>{NUM}|{_ONE}) {_w('x')} and (?P<b>{NUM}|{_ONE}) {_w('y')} (?:cost|costs|"
                       rf"cost a total of|come to|comes to|for|sell for|are|is) (?P<c>\$\d+(?:\.\d+)?)\b")
_PRICE_Q = re.compile(rf"(?:how much (?:does|do|is|would) |(?:what is )?the (?:price|cost) of )(?:{_ONE}|each) "
                      rf"{_w('q')}\b", re.I)


# a price that changes between the two purchases breaks 'the same two prices'
_PRICE_CHANGE = r"\b(?:sale|discount\w*|off|tax|tip|cheaper|dearer|expensive|rose|raised|increase\w*|decrease\w*|" \
                r"later|next|each|per)\b|%"


@dataclass
class _Linear:
    """One equation of the pair: its words, each unknown's coefficient and the right side."""
    text: str
    coefficient: dict[str, Ref]
    total: Ref


def _coefficient(b: Builder, m: re.Match, group: str, minus: bool, name: str) -> Ref:
    if m.group(group) and re.fullmatch(NUM, m.group(group)):
        return _signed(b, m, group, minus)
    return b.fact(-1 if minus else 1, "", f"{'-' if minus else ''}1 {name}")


def linear_pair(p: Problem) -> Plan | None:
    """'2x + 3y = 12 and x - y = 1. What is x?' by elimination: scale one equation (or both) so one letter's terms
    match, add or subtract to cancel it, solve for the other letter, and put it back in if the cancelled one is
    asked."""
    found = list(p.finditer(_LINEAR_PAIR, "all"))
    if len(found) != 2 or any(m.group("x") == m.group("y") for m in found) \
            or {found[0].group("x"), found[0].group("y")} != {found[1].group("x"), found[1].group("y")}:
        return None
    outside = p.question
    for m in found:
        outside = outside.replace(m.group(0), " ")
    asked = {w for w in re.findall(r"\b[b-z]\b", outside)} & {found[0].group("x"), found[0].group("y")}
    if len(asked) != 1 or not re.search(r"\b(?:what is|find|value of|solve for|work out)\b", outside, re.I):
        return None
    b = Builder(p, "linear_pair")
    pair = [_Linear(m.group(0), {m.group("x"): _coefficient(b, m, "a", bool(m.group("an")), m.group("x")),
                                 m.group("y"): _coefficient(b, m, "b", m.group("s") == "-", m.group("y"))},
                    _signed(b, m, "c", bool(m.group("cn")))) for m in found]
    return _eliminate(b, pair, asked.pop(), _letter_words)


def purchases(p: Problem) -> Plan | None:
    """'3 pens and 2 notebooks cost $13. 1 pen and 4 notebooks cost $11. How much does one notebook cost?': the
    same two prices in two purchases, solved by elimination like two equations."""
    found = list(p.finditer(_PURCHASE))
    q = p.match_question(_PRICE_Q)
    if len(found) != 2 or not q or re.search(_PRICE_CHANGE, p.t, re.I):
        return None
    first, second = found
    swapped = same_word(first.group("x"), second.group("y")) and same_word(first.group("y"), second.group("x"))
    if not swapped and not (same_word(first.group("x"), second.group("x"))
                            and same_word(first.group("y"), second.group("y"))):
        return None
    items = [stem(first.group("x")), stem(first.group("y"))]
    asked = next((i for i in items if same_word(i, q.group("q"))), None)
    if asked is None or items[0] == items[1]:
        return None
    b = Builder(p, "linear_pair")
    pair = [_Linear(f"{m.group('a')} {m.group('x')} and {m.group('b')} {m.group('y')}",
                    {stem(m.group(g)): _coefficient(b, m, c, False, stem(m.group(g)))
                     for c, g in (("a", "x"), ("b", "y"))},
                    b.given(m, "c", "dollars")) for m in found]
    plurals = {stem(m.group(g)): m.group(g) for m in found for g in "xy" if m.group(g) != stem(m.group(g))}
    plan = _eliminate(b, pair, asked, replace(_purchase_words, plurals=plurals))
    if plan is not None and not all(s.value > 0 for s in plan.steps):
        return None   # a price or a count that is not positive: the two purchases do not fit one pair of prices
    return plan


@dataclass(frozen=True)
class _Form:
    """How a pair of equations is worded: letters ('3y', '= 12') or purchases ('3 notebooks', '$12')."""
    say: dict[str, str]
    money: bool
    plurals: dict[str, str] = field(default_factory=dict)   # 'scarf' -> 'scarves', as the problem wrote it

    def plural(self, noun: str) -> str:
        return self.plurals.get(noun, noun + "s")

    def term(self, value: Fraction, name: str) -> str:
        if self.money:
            return f"{fmt(value)} {name if value == 1 else self.plural(name)}"
        return _term(value, name)

    def amount(self, value: Fraction) -> str:
        return _dollars(value) if self.money else shown_first(value)

    def operand(self, value: Fraction) -> str:
        """A value after a minus sign: '(-8)' for letters, '$8' for money."""
        return _dollars(value) if self.money else shown_in_sum(value)

    @property
    def amount_unit(self) -> str:
        return "dollars" if self.money else ""

    def names(self, cancel: str, keep: str) -> dict[str, str]:
        return {"u": cancel, "v": keep, "us": self.plural(cancel), "vs": self.plural(keep)}

    def count_unit(self, name: str) -> str:
        return self.plural(name) if self.money else ""


def _dollars(value: Fraction) -> str:
    """'$3', '$1.30' (cents written with two places, as prices are)."""
    return f"${float(value):.2f}" if value.denominator != 1 and (value * 100).denominator == 1 else f"${fmt(value)}"


_letter_words = _Form({
    "scale_v": "To make the {u} terms match, multiply all of {eq} by {k}: what does {v_term} become?",
    "scale_c": "And its right side: what is {k} × {c}?",
    "-v": "The {u} terms match, so taking one equation from the other makes the {u} terms cancel. Watch the signs: "
          "what is {v1} - {v2}, the {v} terms left?",
    "+v": "The {u} terms are opposites, so adding the two equations makes the {u} terms cancel: what is {v1} + {v2}, "
          "the {v} terms left?",
    "-c": "And the right sides: what is {c1} - {c2}?",
    "+c": "And the right sides: what is {c1} + {c2}?",
    "divide": "If {v_term} = {c}, what is {v}?",
    "back_part": "Put {v} = {value} back into {eq}: what is {v_term} then?",
    "back_rest": "What is left for {u_term}: {c} - {part}?",
    "back_divide": "If {u_term} = {rest}, what is {u}?"}, money=False)
_purchase_words = _Form({
    "scale_v": "To match the {us}, think of buying {eq} {k} times: how many {vs} is that?",
    "scale_c": "And what would that cost, {k} × {c}?",
    "-v": "Now both have as many {us}: how many more {vs} does one have, {v1} - {v2}?",
    "-c": "Those extra {vs} make the whole difference in cost: what is {c1} - {c2}?",
    "divide": "If {v_term} cost {c}, how much does one {v} cost?",
    "back_part": "In {eq}: what do {v_term} cost at {value} each?",
    "back_rest": "How much is left for the {us}: {c} - {part}?",
    "back_divide": "If {u_term} cost {rest}, how much does one {u} cost?"}, money=True)


def _cost(b: Builder, pair: list[_Linear], name: str) -> int:
    """How much scaling cancelling `name` takes: 0 when its terms already match, 1 when one divides the other,
    2 when both must be scaled, 9 when it cannot be cancelled (missing or not a whole number)."""
    c1, c2 = (abs(b.value(e.coefficient[name])) for e in pair)
    if 0 in (c1, c2) or c1.denominator != 1 or c2.denominator != 1:
        return 9
    return 0 if c1 == c2 else 1 if max(c1, c2) % min(c1, c2) == 0 else 2


def _scaled(b: Builder, e: _Linear, k: int, keep: str, cancel: str, form: _Form) -> tuple[Ref, Ref]:
    """One equation times k: the kept unknown's coefficient and the right side (the cancelled term needs no step)."""
    if k == 1:
        return e.coefficient[keep], e.total
    times = b.fact(k, "", f"{k} times {e.text}")
    said = {**form.names(cancel, keep), "eq": e.text, "k": k, "c": form.amount(b.value(e.total)),
            "v_term": form.term(b.value(e.coefficient[keep]), keep)}
    v = b.step("*", [times, e.coefficient[keep]], form.count_unit(keep), form.say["scale_v"].format(**said))
    c = b.step("*", [times, e.total], form.amount_unit, form.say["scale_c"].format(**said))
    return v, c


def _eliminate(b: Builder, pair: list[_Linear], asked: str, form: _Form) -> Plan | None:
    """Cancel the unknown that takes the least scaling (the one not asked, on a tie) and solve for the other."""
    names = list(pair[0].coefficient)
    cancel = min(names, key=lambda n: (_cost(b, pair, n), n == asked))
    keep = next(n for n in names if n != cancel)
    if _cost(b, pair, cancel) == 9:
        return None
    c1, c2 = (int(abs(b.value(e.coefficient[cancel]))) for e in pair)
    lcm = c1 * c2 // gcd(c1, c2)
    rows = [_scaled(b, e, lcm // c, keep, cancel, form) for e, c in zip(pair, (c1, c2))]
    op = "-" if (b.value(pair[0].coefficient[cancel]) > 0) == (b.value(pair[1].coefficient[cancel]) > 0) else "+"
    if op == "-" and b.value(rows[0][0]) < b.value(rows[1][0]):
        rows.reverse()   # the larger first, so the count of the kept unknown stays positive
    said = {**form.names(cancel, keep), "v1": fmt(b.value(rows[0][0])), "v2": shown_in_sum(b.value(rows[1][0])),
            "c1": form.amount(b.value(rows[0][1])), "c2": form.operand(b.value(rows[1][1]))}
    count = b.step(op, [rows[0][0], rows[1][0]], form.count_unit(keep), form.say[f"{op}v"].format(**said))
    total = b.step(op, [rows[0][1], rows[1][1]], form.amount_unit, form.say[f"{op}c"].format(**said))
    if b.value(count) == 0:
        return None
    value = total
    if b.value(count) != 1:
        value = b.step("/", [total, count], form.amount_unit, form.say["divide"].format(
            v=keep, v_term=form.term(b.value(count), keep), c=form.amount(b.value(total))), kind="equation")
    if asked != keep:
        _put_back(b, pair, value, keep, cancel, form)
    return b.finish()


def _put_back(b: Builder, pair: list[_Linear], value: Ref, keep: str, cancel: str, form: _Form) -> None:
    """The cancelled unknown from the equation with fewer of it: its part of the right side, then one of it."""
    e = min(pair, key=lambda e: abs(b.value(e.coefficient[cancel])))
    said = {**form.names(cancel, keep), "eq": e.text, "value": form.amount(b.value(value)),
            "v_term": form.term(b.value(e.coefficient[keep]), keep), "c": form.amount(b.value(e.total)),
            "u_term": form.term(b.value(e.coefficient[cancel]), cancel)}
    part = value
    if b.value(e.coefficient[keep]) != 1:
        part = b.step("*", [e.coefficient[keep], value], form.amount_unit, form.say["back_part"].format(**said))
    said["part"] = form.operand(b.value(part))
    rest = b.step("-", [e.total, part], form.amount_unit, form.say["back_rest"].format(**said), kind="equation")
    if b.value(e.coefficient[cancel]) != 1:
        said["rest"] = form.amount(b.value(rest))
        b.step("/", [rest, e.coefficient[cancel]], form.amount_unit, form.say["back_divide"].format(**said),
               kind="equation")


# ----------------------------------------------------------------------------- with and against a current

_DOWN = r"downstream|with the (?:current|wind|stream)|with a tailwind"
_UP = r"upstream|against the (?:current|wind|stream)|into (?:the|a) (?:head)?wind"
_LEG = re.compile(rf"{_n('d')} ?{_w('u')} (?:back )?(?P<dir>{_DOWN}|{_UP}) in {_n('t')} ?(?P<tu>hours?|minutes?)\b")
_FLOW = r"\b(?P<flow>current|stream|river|wind)\b"
_CONDITION = r"\b(?:if|when|after|but|instead|unless)\b"   # 'if the current doubles' changes the trip or the job
_ASKS_STILL = r"\bin still (?:water|air)\b|\b(?:with )?no wind\b|\bwithout (?:the )?wind\b"


def current_speeds(p: Problem) -> Plan | None:
    """'A boat goes 36 km downstream in 2 hours and 24 km upstream in 3 hours': the two speeds, then the current is
    half their difference (it helps one way and holds back the other) and the boat in still water half their sum.
    Planes with and against the wind read the same; the question must ask for one of the two speeds."""
    legs = list(p.finditer(_LEG))
    still = p.asks(_ASKS_STILL)
    current = re.search(_FLOW, re.sub(_ASKS_STILL, "", p.question, flags=re.I), re.I)
    if len(legs) != 2 or bool(current) == still or not p.asks(r"\bspeeds?\b|\bhow fast\b") or p.asks(_CONDITION):
        return None   # one of the two speeds must be asked, not both
    if not all(same_word(legs[0].group(g), legs[1].group(g)) for g in ("u", "tu")):
        return None
    down = [m for m in legs if re.fullmatch(_DOWN, m.group("dir"))]
    if len(down) != 1:
        return None
    up = next(m for m in legs if m is not down[0])
    b = Builder(p, "current")
    unit = f"{legs[0].group('u')} per {stem(legs[0].group('tu'))}"
    speeds = [b.step("/", [b.given(m, "d", m.group("u")), b.given(m, "t", m.group("tu"))], unit,
                     f"What is the speed {m.group('dir')}: {m.group('d')} {m.group('u')} in {m.group('t')} "
                     f"{m.group('tu')}?", kind="rate") for m in (down[0], up)]
    flow = current.group("flow") if current else "wind" if "wind" in p.t else "current"
    two = b.fact(2, "", f"2 (the {flow} counts once each way)")
    if current:
        gap = b.step("-", speeds, unit, f"How much faster is the trip {down[0].group('dir')} than "
                                        f"{up.group('dir')}?")
        b.step("/", [gap, two], unit, f"The {flow} adds its speed one way and takes it away the other, so that gap "
                                      f"is twice the {flow}'s speed: what is half of it?")
    else:
        both = b.step("+", speeds, unit, f"What do the speeds {down[0].group('dir')} and {up.group('dir')} add up to?")
        b.step("/", [both, two], unit, f"In that sum the {flow} cancels out, leaving twice the speed in still "
                                       f"{'air' if flow == 'wind' else 'water'}: what is half of it?")
    return b.finish()


# ----------------------------------------------------------------------------- two workers on one job

_WORKER = r"hoses?|pipes?|taps?|faucets?|pumps?|painters?|machines?|workers?|printers?|robots?|mowers?|builders?|" \
          r"cleaners?|tractors?|helpers?|[A-Z][a-z]+"
_JOB_VERB = r"(?:can )?(?:fill|paint|mow|clean|build|print|dig|wash|plow|complete|finish|do|pack|sort|type|harvest)" \
            r"(?:s|es)?"
_ALONE = re.compile(rf"\b(?P<who>{_WORKER})(?: [A-Z])? (?:{_JOB_VERB}) (?:(?:a|an|the|that|this|its|his|her|their) )?"
                    rf"(?:same )?(?:[a-z]+ )??(?:(?P<job>[a-z]+) (?:of [a-z]+ )?)?"
                    rf"(?:alone |by (?:itself|himself|herself) )?in {_n('t')} (?P<u>hours?|minutes?|days?)\b")
_OTHER = re.compile(rf"\b(?:another|the other|a second|the second)(?: (?:{_WORKER}))?(?: [A-Z])?,? (?:(?:{_JOB_VERB}) "
                    rf"(?:it |the same [a-z]+ |the [a-z]+ )?)?(?:alone )?in {_n('t')} (?P<u>hours?|minutes?|days?)\b")
# one worker undoing the job or joining late: the rates no longer simply add up
_NOT_TOGETHER = r"\b(?:empt\w*|drains?|drained|leaks?|leaked|out|after|then|starts?|started|stops?|stopped|joins?|" \
                r"joined|rest)\b"
_TOGETHER_Q = re.compile(r"\bhow (?:long|many (?P<u>hours|minutes|days))\b", re.I)


def work_together(p: Problem) -> Plan | None:
    """'One hose fills a pool in 3 hours, another in 6 hours. How long do they take together?': each does 1/3 and
    1/6 of the job an hour, together 1/2 of it, so the whole job takes 1 / (1/2) hours. Only two workers, both times
    stated, and a question that asks for the time together."""
    alone = list(p.finditer(_ALONE))
    times = alone + [m for m in p.finditer(_OTHER) if all(m.span("t") != a.span("t") for a in alone)]
    q = p.search(_TOGETHER_Q, "question")
    if len(times) != 2 or not q or not p.asks(r"\btogether\b") or p.asks(_CONDITION) \
            or re.search(_NOT_TOGETHER, p.t, re.I) \
            or not same_word(times[0].group("u"), times[1].group("u")) \
            or (q.group("u") and not same_word(q.group("u"), times[0].group("u"))):
        return None
    jobs = {stem(m.group("job")) for m in alone if m.group("job") not in (None, "it", "them", "job")}
    if len(jobs) > 1:
        return None   # a fence and a wall are two jobs
    job = jobs.pop() if jobs else "job"
    unit = stem(times[0].group("u"))
    b = Builder(p, "work_together")
    whole = b.fact(1, job, f"the whole {job}")
    rates = [b.step("/", [whole, b.given(m, "t", m.group("u"))], f"{job} per {unit}",
                    f"What part of the {job} gets done in 1 {unit} by the one that takes {m.group('t')} "
                    f"{m.group('u')}?", kind="work_rate") for m in times]
    pair = p.search(re.compile(rf"\b(?P<n>2) (?:{_WORKER})\b"), "question")
    if pair:
        b.given(pair, "n", "", text=pair.group(0))   # 'the 2 hoses' counts the workers; it is no time
    both = b.step("+", rates, f"{job} per {unit}", f"Working together, what part of the {job} gets done in 1 {unit}?")
    units = times[0].group("u")
    b.step("/", [whole, both], units, f"If {shown_first(b.value(both))} of the {job} gets done each {unit}, how many "
                                      f"{units} does the whole {job} take?", kind="work_time")
    return b.finish()
