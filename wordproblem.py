"""What a word-problem plan is and how the planner reads the text: the pieces every pattern builds on.

`Quantity`, `Ref`, `Step` and `Plan` (a chain of exact `fractions.Fraction` steps, each traced to the words it came
from), the reading of numbers ("twenty-five", "two thirds", "$1,200", "2 1/2") and how they are written back
(`fmt`), the problem split into statements and question (`Problem`), the `Builder` that records quantities and steps
in the problem's own words, and the regex pieces and unit facts the patterns share. Kept apart from the patterns
(story_patterns.py, math_patterns.py) and the planner (solver.py) so each pattern file reads as patterns only.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from fractions import Fraction

from typed import as_typed

# ----------------------------------------------------------------------------- what a plan is


@dataclass(frozen=True)
class Quantity:
    value: Fraction
    unit: str      # what it counts or measures: "stickers", "dollars", "km", "percent"
    text: str      # how the problem wrote it ("24 stickers", "$12", "25%") or the fact's words
    given: bool = True   # False for facts the problem takes as known (60 minutes in an hour, 2 lengths)


@dataclass(frozen=True)
class Ref:
    """Where an operand comes from: a quantity of the plan or an earlier step."""
    kind: str      # "quantity" or "step"
    index: int


@dataclass(frozen=True)
class Step:
    op: str                      # "+", "-", "*", "/"
    operands: tuple[Ref, ...]
    values: tuple[Fraction, ...]  # the operands' values, in order
    value: Fraction
    unit: str
    question: str                # the step asked in the problem's words, without its result
    kind: str = ""               # pattern-specific meaning ("area", "convert", "equation", ...) for diagnosis


@dataclass
class Plan:
    problem: str
    pattern: str
    quantities: list[Quantity]
    steps: list[Step]

    @property
    def answer(self) -> Fraction:
        return self.steps[-1].value

    @property
    def unit(self) -> str:
        return self.steps[-1].unit


class NoPlan(Exception):
    """Raised inside a pattern when the text does not justify a step (division by zero, a fraction of a person)."""


# ----------------------------------------------------------------------------- reading numbers

_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_FRACTION_WORDS = [("half", "1/2"), ("twice", "2 times"), ("thrice", "3 times"), ("a dozen", "12")]
_UNITS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
          "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# "one" is left alone: it is a pronoun at least as often as a number ("each one", "one of them").
_WORD_VALUE = {w: i + 2 for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_WORD_VALUE |= {"hundred": 100, "dozen": 12}
_DIGIT_WORDS = {"one": 1} | {w: i + 2 for i, w in enumerate(_UNITS[:8])}

NUM = r"\$?(?:\d+\.\d+|\d+(?:/\d+)?)%?"   # "7.5/100" is 7.5 divided by 100, no fraction
NUMBER = re.compile(NUM)


def normalise(text: str) -> str:
    """Digits for number words, fractions for "half"/"a third", no thousands commas, "2 1/2" as "5/2"."""
    t = _minus_signs(" ".join(text.split()))
    t = re.sub(r"\b(Mr|Mrs|Ms|Dr|St)\.", r"\1", t)   # a title's dot does not end a sentence
    t = re.sub(r"\b([apAP])\.[mM]\.(?= [A-Z])", r"\1m.", t)   # '7:15 p.m. How...' ends a sentence there
    t = re.sub(r"\b([apAP])\.[mM]\.", r"\1m", t)   # ...'7:15 p.m. and ends' does not
    t = re.sub(r"(?<=\d),(?=\d{3}\b)", "", t)
    t = re.sub(r"(\d) ?percent\b", r"\1%", t)
    t = re.sub(r"(\d) ?(?:km/h|kph|km/hr)\b", r"\1 km per hour", t)   # speeds in words (m/s is science's)
    t = re.sub(r"(\d) ?mph\b", r"\1 miles per hour", t)
    t = re.sub(r"\b(" + "|".join(_TENS) + r")[- ](" + "|".join(_DIGIT_WORDS) + r")\b",
               lambda m: str(_WORD_VALUE[m.group(1).lower()] + _DIGIT_WORDS[m.group(2).lower()]), t, flags=re.I)
    t = re.sub(r"\b(\d+) dozen\b", lambda m: str(12 * int(m.group(1))), t)
    t = re.sub(r"\b(an?|the) (\d+)-(pack|box|bag|set|tray|case) of\b", r"\1 \3 of \2", t, flags=re.I)   # 'a 6-pack of'
    t = re.sub(r"\b(a|one|two|three|four|five|six|seven|eight|nine)[ -](" + "|".join(_DENOMINATORS) + r")s?\b",
               _fraction_word, t, flags=re.I)
    for words, digits in _FRACTION_WORDS:
        t = re.sub(r"\b" + words.replace(" ", "[ -]") + r"\b", digits, t, flags=re.I)
    t = re.sub(r"\b(\d+/\d+) (?:of )?an? (?=(?:hour|minute|day|week|year)\b)", r"\1 ", t)   # 'half an hour'
    t = re.sub(r"\b(" + "|".join(_WORD_VALUE) + r")\b", lambda m: str(_WORD_VALUE[m.group(1).lower()]), t,
               flags=re.I)
    return re.sub(r"(?<![\d./])\b(\d+) (\d+)/(\d+)\b", lambda m: _mixed(m), t)


# A value below zero said in any of its ways: the minus sign (U+2212), a dash before a number, 'minus 7' or
# 'negative 7' where a value is said ('is minus 7', '= negative 2'; '10 minus 3' and 'times 6, minus 5' subtract),
# '7 degrees below zero'.
_DASH = re.compile(r"(?:(?<=^)|(?<=[\s(=]))[\u2013\u2212](?=\$?\d)")
_MINUS_WORD = re.compile(r"\b(?:minus|negative) (?=\$?\d)", re.I)
_SAYS_VALUE = re.compile(r"(?:^|[.!?(=:]\s*|\b(?:is|was|are|were|be|at|to|of|by|from|got|gets?|shows?|showed|reads?|"
                         r"equals)\s)$", re.I)
_BELOW_ZERO = re.compile(r"\b(?P<n>\d+(?:\.\d+)?)(?P<u> ?°[CF]?| degrees(?: [CF]\b| Celsius| Fahrenheit)?) below "
                         r"(?:zero|0)\b")


def _minus_signs(t: str) -> str:
    t = _DASH.sub("-", t.replace("\u2212", "-"))
    t = _MINUS_WORD.sub(lambda m: "-" if _SAYS_VALUE.search(t[:m.start()]) else m.group(), t)
    return _BELOW_ZERO.sub(r"-\g<n>\g<u>", t)


def _fraction_word(m: re.Match) -> str:
    """'two thirds' -> '2/3', 'a quarter' -> '1/4' (the word 'half' alone is handled with the other words)."""
    top = m.group(1).lower()
    return f"{1 if top in ('a', 'one') else _WORD_VALUE[top]}/{_DENOMINATORS[m.group(2).lower()]}"


def _mixed(m: re.Match) -> str:
    whole, top, bottom = (int(g) for g in m.groups())
    return f"{whole * bottom + top}/{bottom}" if top < bottom else m.group(0)


def number_value(token: str) -> Fraction:
    """'$12.50' -> 25/2, '3/4' -> 3/4, '25%' -> 1/4 (a percent is its fraction)."""
    value = Fraction(token.strip("$%"))
    return value / 100 if token.endswith("%") else value


def numbers_in(text: str) -> list[Fraction]:
    """Every number a student wrote, in order ("6 x 9 = 54" -> 6, 9, 54); a percent counts as its number, and a
    number below zero keeps its sign ("-3 - 6 = -9" -> -3, 6, -9: the middle dash is a subtraction)."""
    t = normalise(text).replace(",", "")
    return [Fraction(m.group().strip("$%")) * (-1 if signed(t[:m.start()]) else 1) for m in NUMBER.finditer(t)]


def signed(before: str) -> bool:
    """Is the dash just before a number its sign ('-9', '= -9', 'is -$20', '5 - -2'), not a subtraction ('9 - 3',
    '9-3', 'x - 3') nor a hyphen ('Covid-19')?"""
    before = before[:-1] if before.endswith("$") else before
    if not before.endswith("-"):
        return False
    rest = before[:-1]
    kept = rest.rstrip()
    if not kept or kept[-1] in "+-*/×÷^=(,:;[{<>!?":
        return True
    spaced = kept != rest
    return spaced and kept[-1].isalpha() and re.search(r"(?:^|\W)[A-Za-z]$", kept) is None and kept[-1] != "."


def fmt(value: Fraction) -> str:
    """3 -> '3', 5/2 -> '2.5', 1/3 -> '1/3': decimals only when they terminate within 4 places."""
    if value.denominator == 1:
        return str(value.numerator)
    scaled = value * 10_000
    if scaled.denominator == 1:
        return f"{float(value):.4f}".rstrip("0")
    return f"{value.numerator}/{value.denominator}"


# nouns whose singular ends in 'ie', which the 'ies' -> 'y' rule would misspell ('1 cooky')
_IE_NOUNS = {"cookies", "pies", "movies", "brownies", "calories", "smoothies", "hoodies", "goalies", "selfies",
             "zombies", "veggies", "ties", "magpies", "pixies", "genies", "eyries", "aunties", "budgies", "rookies"}


def stem(word: str) -> str:
    """A crude singular, enough to see that "box" and "boxes" name the same thing."""
    w = word.lower()
    if w in _IE_NOUNS:
        return w[:-1]
    if w.endswith("children") or w in ("people", "men", "women"):   # 'grandchildren', 'women': their own plurals
        return {"people": "person", "men": "man", "women": "woman"}.get(w, w[:-3])
    for suffix, repl in (("ies", "y"), ("ves", "f"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("sses", "ss"),
                         ("ss", "ss"), ("s", "")):   # 'class' stays 'class'
        if w.endswith(suffix) and len(w) > len(suffix) + (2 if suffix == "s" else 1):   # 'boxes' -> 'box'
            return w[: -len(suffix)] + repl
    return w


def same_word(a: str | None, b: str | None) -> bool:
    """One noun in two spellings: 'box'/'boxes', 'm'/'meters'."""
    return bool(a) and bool(b) and (stem(a) == stem(b) or unit_name(a) == unit_name(b))


def mentions(text: str, noun: str) -> bool:
    return any(same_word(w, noun) for w in re.findall(r"[A-Za-z]+", text))


# ----------------------------------------------------------------------------- the problem and the plan builder

SENTENCE = re.compile(r"(?:[^.?!]|\.(?=\d))*(?:[.?!]+|$)")   # '$1.50' does not end a sentence


@dataclass
class Problem:
    raw: str
    t: str                 # normalised text
    q: int                 # where the asking words start: 'If she uses 9 cups, how much...' is asked from 'how',
    numbers: list[tuple[int, int]] = field(default_factory=list)   # and its 'if' clause is read as a statement

    @property
    def body(self) -> str:
        return self.t[: self.q]

    @property
    def question(self) -> str:
        return self.t[self.q:]

    def _bounds(self, where: str) -> tuple[int, int]:
        return {"body": (0, self.q), "question": (self.q, len(self.t)), "all": (0, len(self.t))}[where]

    def search(self, rx: re.Pattern, where: str = "body") -> re.Match | None:
        return rx.search(self.t, *self._bounds(where))

    def finditer(self, rx: re.Pattern, where: str = "body") -> Iterator[re.Match]:
        return rx.finditer(self.t, *self._bounds(where))

    def statements(self) -> list[tuple[int, int]]:
        """Spans of the sentences before the question (its 'if' clause counts as one)."""
        return [m.span() for m in re.finditer(SENTENCE, self.body) if m.group().strip(" .?!")]

    def match_question(self, rx: re.Pattern) -> re.Match | None:
        """rx matched where the question asks ('^' would only match at the start of the whole text)."""
        return rx.match(self.t, self.q)

    def asks(self, pattern: str) -> bool:
        """Does the asking part of the question (from 'how'/'what' on) match `pattern`?"""
        return re.search(pattern, self.question, re.I) is not None

    def asks_for(self, noun: str | None) -> bool:
        """Does the question ask 'how many <noun>' (an adjective may come between)?"""
        m = re.match(r"how many ([a-z]+)(?: ([a-z]+))?", self.question, re.I)
        return bool(m and noun and (same_word(m.group(1), noun) or same_word(m.group(2), noun)))


def read_problem(problem: str) -> Problem | None:
    # 'At the same price, how much...' restates what every rate plan assumes; it is not a statement to place.
    t = as_typed(_bare_question(normalise(problem))).strip()
    t = _WHOLE_IN_QUESTION.sub(r"There are \g<n> \g<noun>. \g<q> \g<noun>\g<can>?", t)
    t = _question_last(_bare_question(re.sub(r"\b[Aa]t the same (?:price|rate|speed|pace), ", "", t)))
    t = re.sub(r"\balready (had|has|have) (?=\$?\d)", r"\1 ", t)   # 'Jake already had 17 stamps': his start
    t = _PASSIVE_TAKING.sub(_active_taking, t)
    unknown = re.search(r"\b(?:had|has|have) some (?P<noun>[a-z]+)\b", t)   # '14 more' of those: '14 more marbles'
    t = re.sub(r"\b(\d+) more(?=[.,])", rf"\1 more {unknown.group('noun')}", t) if unknown else t
    t = _NOW_FIRST.sub(lambda m: f"{m.group('who')[0].upper()}{m.group('who')[1:]} now {m.group('has')}", t)
    t = _EARNED.sub(lambda m: _PAID_FOR.sub(r"\g<a>", m.group()), t)
    t = _CLAUSE_QUESTION.sub(lambda m: f"{m.group('s')}. {m.group('q')[0].upper()}{m.group('q')[1:]}", t)
    t = _A_HOLDS.sub(lambda m: _each_holds(m, t), t)
    t = _after_doing(_framed_by_period(t))
    t = _HAVE_A_MEAN.sub(r"The \g<what> of \g<n> \g<noun> is \g<m>", t)
    t = _MEASURED_NOUN.sub(r"\g<a> \g<noun> is \g<n> \g<u> long. It \g<verb>", t)
    for _ in range(3):   # '3 cm on Monday, 2 on Tuesday and 4 on Friday': each in turn
        t = _ELIDED.sub(lambda m: f"{m.group()} {m.group('noun')}", t)
    t = _TERSE_WHOLE.sub(lambda m: f"There are {m.group('n')} {m.group('noun')}{m.group('where') or ''}. {m.group('f')}"
                                   f"{' of them' if m.group('of') else ''} ", t)
    t = _against_said(_OWN_CLAUSE.sub(lambda m: f". {m.group('who')[0].upper()}{m.group('who')[1:]} ", t))
    sentences = list(re.finditer(SENTENCE, t))
    starts = [m.start() for m in sentences if m.group().strip()]
    asked = [m.start() for m in sentences if m.group().strip().endswith("?")]
    if not asked:
        # 'Find ...', or 'If he bought 400 in all, calculate the number of books he bought.'
        asked = [s for s in starts if re.match(r"\s*(?:(?:if|when)\b[^.?!]*?, )?(how|what|find|calculate|work out|"
                                               r"solve|evaluate|write|express|convert|change|increase|decrease|"
                                               r"reduce|add|subtract|multiply|divide)\b", t[s:], re.I)]
    if not asked:
        return None
    q = asked[-1]
    q += len(t[q:]) - len(t[q:].lstrip())
    asking = re.search(r"\b(how|what|find|calculate|work out|solve)\b", t[q:], re.I)
    if asking and re.match(r"(if|when|suppose|given|assuming)\b", t[q:], re.I):
        q += asking.start()
    t = t[:q] + _noun_said(_how_many(t[q:]), t[:q])
    labels = {m.span("n") for m in _LABEL.finditer(t)}
    return Problem(problem, t, q, [m.span() for m in NUMBER.finditer(t) if m.span() not in labels])


# A whole said first as a student types it: '120 students, 5/8 of them are girls.', 'Of 40 apples, 3/10 are rotten.'
_TERSE_WHOLE = re.compile(r"^(?:(?P<of>[Oo]f) (?:the )?)?(?P<n>\d+) (?P<noun>[a-z]+)(?P<where>(?(of) (?:in|at|on) "
                          r"(?:a|an|the|our|his|her|their|this) [a-z]+(?: [a-z]+)?|(?!)))?, (?P<f>\d+(?:/\d+|%))"
                          r"(?(of)|(?= of (?:them|the)\b)) ")   # 'Of the 50 cars in a parking lot, 40% are red'



# 'Tom is 14 and his dad is 3 times as old.': a second owner's clause is a sentence of its own, as the readers of
# comparisons and ages look for it.
_OWN_CLAUSE = re.compile(r"(?<=\d) and (?P<who>(?:his|her|their) [a-z]+) (?=(?:is|was|has|had)\b)")
# 'Lee has 3 times as many.', 'his dad is 3 times as old', 'Lee has 6 more.': compared with the owner said before
# (only after a verb of having or being: 'bought 48 more' is a change, not a comparison).
_AGAINST_LEFT_OUT = re.compile(r"(?:(?<=\bhas )|(?<=\bhad )|(?<=\bhave )|(?<=\bis )|(?<=\bwas )|(?<=\bare )|"
                               r"(?<=\bwere ))\d+(?:\.\d+)? (?:(?P<times>times as (?:many|much|old|long|tall|heavy|"
                               r"far))|(?:more|fewer|less))(?: (?!and\b|than\b|as\b)[a-z]+)?(?=[.,!?]| and\b)")
_OWNER_SAID = re.compile(r"\b(?P<x>[A-Z][a-z]+) (?:[a-z]+ ){1,2}?\$?\d")


def _against_said(t: str) -> str:
    """A comparison with its other side left out, given the one owner said before it with an amount."""
    for m in reversed(list(_AGAINST_LEFT_OUT.finditer(t))):
        owners = [o.group("x") for o in _OWNER_SAID.finditer(t, 0, m.start()) if o.group("x") not in PRONOUNS]
        if len(set(owners)) == 1:
            t = f"{t[:m.end()]} {'as' if m.group('times') else 'than'} {owners[0]}{t[m.end():]}"
    return t


# A number that names something ('Class 5', 'Year 6', 'Room 12', 'Bus 42') is no amount: no reader places it, and
# a reader that takes it for one places a number the problem does not count, so its plan fails to finish.
_LABEL = re.compile(r"\b(?:Class|Year|Grade|Room|Bus|Platform|Table|Team|Level|Group|Form|Route|Gate|Flight|Chapter|"
                    r"Lesson|Unit|Block|Lane) (?P<n>\d+)\b(?![.,]\d|%| ?/)")


# A noun said once for two amounts ('35 pages on Saturday and 2 times as many on Sunday', '3 chores on Monday and 4
# on Tuesday', 'Ben has 3 slices and Mia has 2.'): the second amount gets the noun back, so every reader sees it.
_WHEN = r" (?:on|in|at|during|by) (?:[A-Z][a-z]+|the [a-z]+)"   # ' on Monday', ' in the morning'
_ELIDED = re.compile(rf"(?<![\d.])\d+(?:\.\d+)? (?P<noun>(?!(?:times|more|fewer|less|of|to|and|or|for|in|on|at)\b)"
                     rf"[a-z]+)(?:{_WHEN})?(?: and| but|,)(?: [A-Z][a-z]+ [a-z]+)? "
                     rf"(?:\d+(?:\.\d+)?(?![\d.]\d)|\d+ times as (?:many|much))(?={_WHEN}\b|[.,?!])")


# 'Four numbers have a mean of 15.' says 'The mean of 4 numbers is 15.'; 'A 12.6 m rope is cut into 3 pieces.' says
# 'A rope is 12.6 m long. It is cut into 3 pieces.': the one way the readers look for a mean or a length.
_HAVE_A_MEAN = re.compile(r"(?:^|(?<=[.!?] ))(?P<n>\d+) (?P<noun>[a-z]+) (?:have|had) (?:a|an) (?P<what>mean|average) "
                          r"of (?P<m>\d+(?:\.\d+)?)\b")
_MEASURED_NOUN = re.compile(r"(?:^|(?<=[.!?] ))(?P<a>A|An|The) (?P<n>\d+(?:\.\d+)?) ?(?P<u>m|cm|km|mm|metres?|meters?|"
                            r"kilometres?|kilometers?|centimetres?|centimeters?|feet|foot|inches|yards?|miles?) "
                            r"(?P<noun>[a-z]+) (?P<verb>is|was)\b")


# 'A bus can carry 52 passengers. How many buses ...?': one of many containers said with 'a' holds what each does.
_A_HOLDS = re.compile(r"(?:^|(?<=[.!?] ))(?:A|An|One) (?P<noun>[a-z]+) (?P<verb>can (?:carry|hold|seat|fit)|holds|"
                      r"carries|seats|fits|contains|costs|weighs)(?= \$?\d)")   # 'A ticket costs $8': each one
_EACH_VERB = {"can carry": "carries", "can hold": "holds", "can seat": "seats", "can fit": "fits"}


def _each_holds(m: re.Match, t: str) -> str:
    """'Each bus carries' for 'A bus can carry', only when the problem names that noun in the plural elsewhere (the
    containers are many); 'A tank holds 900 litres.' of the one tank stays as it is."""
    rest = t[:m.start()] + t[m.end():]
    noun = m.group("noun")
    priced = re.findall(r"\b(?:a|an|one) [a-z]+ (?:costs|weighs)\b", t, re.I)
    if m.group("verb") in ("costs", "weighs") and len(priced) > 1:
        return m.group()   # 'A pencil costs $2.50, while a pen costs $3.50': kinds priced side by side, as said
    plural = any((stem(w) == stem(noun) or w.lower() == f"{noun}es") and w.lower() != noun   # 'buses' of 'bus'
                 for w in re.findall(r"[A-Za-z]+", rest))
    return f"Each {noun} {_EACH_VERB.get(m.group('verb'), m.group('verb'))}" if plural else m.group()


_NUMBER_OF = re.compile(r"(?:calculate|find|determine|compute|work out|what is|what's) the (?P<total>total |combined )?"
                        r"number of (?P<rest>[^.?!]*)[.?!]?\s*$", re.I)


# An order to find something asks what it is ('Find the other number.', 'Work out the mean.'); money asked with
# 'what' asks how much ('What change should he receive?', 'What was her pay for the two days?').
_ORDER = re.compile(r"(?:find|work out|calculate|determine|state) (?P<rest>(?:the|his|her|their|its) [a-z][^.?!]*|"
                    r"\$?\d[\d./%]* of [^.?!]*)[.?!]?\s*$", re.I)   # 'Find 20% of $45.', 'Work out 2/3 of 27.'
# 'Convert 3 hours to minutes.', 'Change 4500 m to km.'; 'Increase 80 by 25%.', 'Reduce $60 by 15%.'
_CONVERT_ORDER = re.compile(rf"(?:convert|change|write|express) (?P<n>{NUM}) ?(?P<u>[a-z]+) (?:in|into|to|as) "
                            r"(?P<to>[a-z]+)[.?!]?\s*$", re.I)
_PERCENT_ORDER = re.compile(rf"(?P<way>increase|decrease|reduce) (?P<n>{NUM}) by (?P<p>\d+(?:\.\d+)?%)[.?!]?\s*$",
                            re.I)
_PERCENT_WAY = {"increase": "increased", "decrease": "decreased", "reduce": "decreased"}
# 'Subtract 1/3 from 5/6.', 'Add 2.5 and 1.75.', 'Multiply 12 by 3/4.', 'Divide 45 by 0.5.': a sum said as an order
_SUM_ORDER = re.compile(rf"(?P<verb>add|subtract|multiply|divide) (?P<a>-?{NUM}) (?P<how>and|to|from|by) "
                        rf"(?P<b>-?{NUM})[.?!]?\s*$", re.I)
_SUM_SIGN = {("add", "and"): "+", ("add", "to"): "+", ("subtract", "from"): "-", ("multiply", "by"): "×",
             ("multiply", "and"): "×", ("divide", "by"): "÷"}
_SCORE_AS_PERCENT = re.compile(r"(?:write|express|give|what is|what was) (?P<owner>his|her|their|the) (?:test |quiz |"
                               r"exam )?(?:mark|score|result)s? as an? percent(?:age)?[.?!]?\s*$", re.I)
_OWNER = {"his": "he", "her": "she", "their": "they", "the": "they"}
_WHAT_MONEY = re.compile(r"what (?=(?:change|money)\b|(?:is|was|will be) (?:his|her|their) (?:pay|earnings|wages?)\b)",
                         re.I)


def _how_many(question: str) -> str:
    """The question in the words the readers look for: 'Calculate the number of books he bought.' asks 'How many
    books he bought?' ('the total number of tanks and trucks' asks how many in total); an order asks 'What is ...?';
    money asked with 'what' asks 'How much ...?', 'the length of one piece' asks 'How long is each piece?';
    'percentage' is 'percent'."""
    m = _NUMBER_OF.match(question)
    if m:
        return f"How many {m.group('rest')}{' in total' if m.group('total') else ''}?"
    m = _SCORE_AS_PERCENT.match(question)
    if m:   # 'Write his mark as a percentage.', 'What is her score as a percentage?'
        return f"What percent did {_OWNER[m.group('owner').lower()]} score?"
    m = _ORDER.match(question)
    if m:
        question = f"What is {m.group('rest')}?"
    m = _CONVERT_ORDER.match(question)
    if m:
        question = f"How many {m.group('to')} are in {m.group('n')} {m.group('u')}?"
    m = _SUM_ORDER.match(question)
    sign = m and _SUM_SIGN.get((m.group("verb").lower(), m.group("how").lower()))
    if sign:   # 'subtract 1/3 from 5/6' is 5/6 - 1/3
        first, second = (m.group("b"), m.group("a")) if sign == "-" else (m.group("a"), m.group("b"))
        question = f"What is {first} {sign} {second}?"
    m = _PERCENT_ORDER.match(question)
    if m:
        question = f"What is {m.group('n')} {_PERCENT_WAY[m.group('way').lower()]} by {m.group('p')}?"
    question = _WHAT_MONEY.sub("How much ", question, count=1)
    question = re.sub(r"^what is the length of (?:one|each) ", "How long is each ", question, flags=re.I)
    return re.sub(r"\bpercentage\b", "percent", question, flags=re.I)


_STARTED_WITH = re.compile(r"\b(?P<verb>started|began|starts|begins) (?:the|that|this) (?P<period>day|week|month|"
                           r"year|term|morning) with\b")


def _framed_by_period(t: str) -> str:
    """A change story framed by a period ('Ravi started the week with 35 stickers. ... How many does he have at the
    end of the week?') is the plain one: the start is what he had, the end of that period is now."""
    m = _STARTED_WITH.search(t)
    if not m:
        return t
    t = f"{t[:m.start()]}{'had' if m.group('verb') in ('started', 'began') else 'has'}{t[m.end():]}"
    return re.sub(rf"\b(?:at|by) the end of (?:the|that|this) {m.group('period')}\b|\bthen(?=\?$)", "now", t)


# '18 pencils shared among 6 kids, how many each?': a statement and its question said as one sentence are read as two,
# so the statement is placed like any other; a sentence opening with 'If'/'When' is a condition, kept whole.
_CLAUSE_QUESTION = re.compile(r"(?:^|(?<=[.!] ))(?!(?:If|When|Suppose|Given)\b)(?P<s>[^.?!,]*\d[^.?!,]*), "
                              r"(?P<q>how (?:many|much)\b[^.?!]*\?)")


# '1/3 of what is left is used for bread' says what 'It uses 1/3 of what is left for bread' says: a taking in the
# voice the change readers know (the step then reads 'then uses 1/3 of what is left').
_PASSIVE_TAKING = re.compile(r"(?:^|(?<=[.!] ))(?P<then>Then )?(?P<f>\d+/\d+|\d+%) of (?P<what>them|it|those|these|"
                             r"the [a-z]+|what is left|what was left|the rest) (?P<be>is|are|was|were) "
                             r"(?P<verb>used|eaten|sold|spent|given away|taken|drunk)\b")
_ACTIVE = {"used": ("uses", "used"), "eaten": ("eats", "ate"), "sold": ("sells", "sold"), "spent": ("spends", "spent"),
           "given away": ("gives away", "gave away"), "taken": ("takes", "took"), "drunk": ("drinks", "drank")}


# 'earned $30 for a mural and $15 for a poster': what the money was paid for counts nothing; the amounts alone are
# the story (a 'for' with a number, '$12 for 3 hours', is a rate and stays).
_EARNED = re.compile(r"\b(?:earned|earns|earn|was paid|is paid|were paid|got paid|gets paid|made|makes|received|"
                     r"receives|raised|raises) \$[^.?!]*")
_PAID_FOR = re.compile(r"(?P<a>\$\d+(?:\.\d+)?) for (?:a|an|the|his|her|their|[a-z]+ing)\b[^.?!,\d$]*?"
                       r"(?=,? and |[.?!,]|$)")


# 'Now he has 40 marbles.' is read as 'He now has 40 marbles.', 'Now there are 32' as 'There now are 32': the amount
# at the end, in the one order the change readers look for.
_NOW_FIRST = re.compile(r"(?:^|(?<=[.!] ))(?:And )?[Nn]ow,? (?P<who>he|she|they|it|there|[A-Z][a-z]+) "
                        r"(?P<has>has|have|had|"
                        r"is|are|was|were)\b")


def _active_taking(m: re.Match) -> str:
    verb = _ACTIVE[m.group("verb")][m.group("be") in ("was", "were")]
    return f"{m.group('then') or ''}{'it' if m.group('then') else 'It'} {verb} {m.group('f')} of {m.group('what')}"


# 'How many teams of 6 can you make from 42 players?': the whole said in the question is the story's one statement.
_WHOLE_IN_QUESTION = re.compile(r"^(?P<q>[Hh]ow many [a-z]+ of \d+)(?P<can> (?:can|could) (?:you|we|they|be) "
                                r"[a-z]+) (?:from|with|out of) (?P<n>\d+) (?P<noun>[a-z]+)\?$")


# What a student types with no question at all: a measure's name ('area of a 7 by 4 rectangle'), a part of a number
# ('2/3 of 27'), 'whats 25% of 80', '3/4 - 1/8 = ?', '7x + 2 = 30, find x'. Each is the question a textbook asks.
# (A bare sum or equation is no question here: in a lesson it may be the student's own work; lesson.split_problem
# asks it 'Solve ...' or 'What is ...?' when it is the whole problem.)
_WHATS = re.compile(r"\b([Ww]hat)(?:'?s| s)\b")
_BARE_MEASURE = re.compile(r"(?:the )?(?P<what>area|perimeter|mean|average|median|range|sum|product|value) of\b", re.I)


def _bare_question(t: str) -> str:
    """The text with its one sentence that asks nothing said as a question, when it is a measure's name or a part
    of a number; any other text is left as it is."""
    t = _WHATS.sub(r"\1 is", t)
    asked = re.fullmatch(r"\s*(?P<sum>[-\d\s()+*/×÷^.]*\d[-\d\s()+*/×÷^.]*?)\s*=\s*\?\s*", t)   # '1/4 - 1/8 = ?'
    solve = re.fullmatch(r"\s*(?P<eq>[^.?!]*=[^.?!]*?),? (?:find|solve for) [a-z]\s*[.?]?\s*", t, re.I)
    if asked or solve:   # '7x + 2 = 3x + 30, find x'
        return f"What is {asked.group('sum')}?" if asked else f"Solve {solve.group('eq')}."
    said = t.strip().rstrip(".").strip()
    if "?" in t or re.search(r"[.!]\s", said):
        return t
    if re.match(r"(?:how|what|which)\b", said, re.I):
        return f"{said[0].upper()}{said[1:]}?"   # 'how many teams of 6 can you make from 42 players'
    if re.search(r"=|\b(?:is|are|was|equals)\b", said):
        return t   # a claim ('the area of it is 28'), never a question
    if _BARE_MEASURE.match(said):
        return f"What is {'' if said.lower().startswith('the ') else 'the '}{said}?"
    if re.fullmatch(rf"{NUM} of {NUM}(?: [a-z]+)?", said):   # '2/3 of 27', '15% of 80 kg'
        return f"What is {said}?"
    return t


# 'How many now?', 'How many ride the bus?': a question that names no noun asks for the one thing the story counts.
_BARE_HOW_MANY = re.compile(r"(?P<how>[Hh]ow many)(?= (?:now|left|are|were|is|was|did|do|does|will|can|in all|"
                            r"altogether|ride|remain|remained|stayed)\b|\?)")
_BARE_HOW_MUCH = re.compile(r"(?P<how>[Hh]ow much)(?= (?:is|was|are|were|remains|did|does|do|will) (?!it\b|they\b|"
                            r"that\b|this\b|each\b))")


def _noun_said(question: str, body: str) -> str:
    """The question with the story's one counted noun put back after a bare 'How many' (none when it counts two),
    or the one stuff it measures after a bare 'How much' ('7/8 litre of juice ... How much is left?')."""
    stuff = set(re.findall(rf"(?<![\d.$/]){NUM} [a-z]+ of ([a-z]+)\b", body)) if "$" not in body else set()
    if "$" in body and re.search(r"\b(?:have|has|had|left|start|begin|began|save|saved)\b", question) \
            and not re.search(r"\b(?:cost|costs|pay|paid|spend|spent|charge|price|earn|earned|each)\b", question):
        stuff = {"money"}   # 'How much did she start with?' in a story told in dollars
    if len(stuff) == 1 and _BARE_HOW_MUCH.match(question):
        return _BARE_HOW_MUCH.sub(lambda m: f"{m.group('how')} {stuff.pop()}", question, count=1)
    nouns = set(re.findall(rf"(?<![\d.$/])\d+ (?!{_FUNCTION_WORDS}|(?:[a-z]+ed|got|went|came|left|times)\b)([a-z]+)",
                           body))
    counted = {stem(w) for w in nouns}
    acts = re.match(r"[Hh]ow many (?P<verb>[a-z]+)\b", question)   # 'How many walk?' of '35% of them walk'
    if acts and re.search(rf"\b(?:of them|them) {acts.group('verb')}\b", body) and len(counted) == 1:
        return f"How many {max(nouns, key=len)} {question[len('how many '):]}"
    if len(counted) != 1 or not _BARE_HOW_MANY.match(question):
        return question
    return _BARE_HOW_MANY.sub(lambda m: f"{m.group('how')} {max(nouns, key=len)}", question, count=1)


def _question_last(t: str) -> str:
    """A question said before the story ('Just tell me how many litres are left. A tank held 1,500 litres...') is
    read where a textbook puts it, after the statements: only a first sentence without numbers, when no other
    sentence asks anything."""
    sentences = [m.group() for m in re.finditer(SENTENCE, t) if m.group().strip()]
    asked = re.search(r"\b(?P<q>how (?:many|much|far|long)\b[^.?!]*)[.?!]?\s*$", sentences[0], re.I) \
        if sentences else None
    rest = "".join(sentences[1:]).strip()
    if not asked or re.search(r"\d", sentences[0]) or not re.search(r"\d", rest) or "?" in rest \
            or re.search(r"(?:^|[.!] )(?:how|what|find|calculate|solve)\b", rest, re.I):
        return t
    return f"{rest} {asked.group('q')[0].upper()}{asked.group('q')[1:].rstrip()}?"


class Builder:
    """Collects quantities and steps for one pattern, and remembers which numbers of the text it used."""

    def __init__(self, problem: Problem, pattern: str):
        self.problem, self.pattern = problem, pattern
        self.quantities: list[Quantity] = []
        self.steps: list[Step] = []
        self.used: dict[tuple[int, int], Ref] = {}
        self.read: list[int] = []     # positions of number-free phrases a pattern has read ('I think of a number')
        self.labels: set[tuple[int, int]] = set()   # numbers read as names, not amounts ('at 6 am')

    def given(self, m: re.Match, group: str | int, unit: str, text: str = "", scale: int = 1) -> Ref:
        """The number of group `group` as a quantity, times `scale` (-1 for '(-5)', 100 for '15%' read as 15)."""
        span = m.span(group)
        if span not in self.used:
            token = m.group(group)
            words = text or (token if token.startswith("$") or token.endswith("%") else f"{token} {unit}".strip())
            self.quantities.append(Quantity(scale * number_value(token), unit, words))
            self.used[span] = Ref("quantity", len(self.quantities) - 1)
        return self.used[span]

    def label(self, m: re.Match, group: str | int) -> None:
        """A number that names a moment, not an amount ('At 6 am the temperature was...'): placed, never computed."""
        self.labels.add(m.span(group))

    def fact(self, value: Fraction | int, unit: str, text: str) -> Ref:
        self.quantities.append(Quantity(Fraction(value), unit, text, given=False))
        return Ref("quantity", len(self.quantities) - 1)

    def value(self, ref: Ref) -> Fraction:
        return self.quantities[ref.index].value if ref.kind == "quantity" else self.steps[ref.index].value

    def step(self, op: str, refs: list[Ref], unit: str, question: str, kind: str = "") -> Ref:
        values = tuple(self.value(r) for r in refs)
        self.steps.append(Step(op, tuple(refs), values, apply_op(op, values), unit, question, kind))
        return Ref("step", len(self.steps) - 1)

    def finish(self) -> Plan | None:
        """The plan, only if it placed every number of the text (an unplaced number means we misread)."""
        if not self.steps or set(self.used) | self.labels != set(self.problem.numbers):
            return None
        marks = [a for a, _ in self.used] + self.read
        statements = self.problem.statements()
        if statements and _scene(self.problem.t[slice(*statements[0])]):
            statements = statements[1:]
        if not all(any(start <= a < end for a in marks) for start, end in statements):
            return None   # a statement without a number we used says something the plan ignores ("came back")
        return Plan(self.problem.raw, self.pattern, self.quantities, self.steps)


# Words that make a sentence carry quantities or change them, even without a number.
_QUANTITY_WORDS = r"\b(each|every|all|rest|same|back|half|twice|double|triple|none|only|total|more|less|fewer|" \
                  r"than|as|times|per|some|few|several|many|much|equal|equally|remaining|left|again|other|another|" \
                  r"both|either|neither|dozen|pair|pairs|couple|once|first|second|third|last|next|whole|entire)\b"


def _scene(sentence: str) -> bool:
    """A short opening sentence that only sets the scene ('Leo and Agrey went fishing.'): no quantity in it."""
    return len(sentence.split()) <= 8 and not re.search(_QUANTITY_WORDS, sentence, re.I)


def apply_op(op: str, values: tuple[Fraction, ...]) -> Fraction:
    if op == "+":
        return sum(values, Fraction(0))
    if op == "*":
        result = Fraction(1)
        for v in values:
            result *= v
        return result
    a, b = values
    if op == "-":
        return a - b
    if b == 0:
        raise NoPlan("division by zero")
    return a / b


def whole_count(value: Fraction) -> Fraction:
    """Counts of things must come out whole; if not, we misread the problem."""
    if value.denominator != 1 or value < 0:
        raise NoPlan("not a whole count")
    return value


# ----------------------------------------------------------------------------- regex pieces

def _n(name: str) -> str:
    return rf"(?P<{name}>{NUM})"


_FUNCTION_WORDS = r"(?:and|or|to|of|in|on|at|for|with|than|each|per|from|the|a|an|is|are|was|were|more|fewer|" \
                  r"less|as|by|but|then|if|so|his|her|their|its|that|which|who|it|he|she|they|we|you|there|these|" \
                  r"those|this|some|all|into|about|after|before|has|have|had|be|been|will|would|can|could|do|does|" \
                  r"did|not|no|every|over|up|down|out|off|them|him|me|us|while|when|because|since|until|" \
                  r"during|whereas)\b"


def _w(name: str) -> str:
    """A noun: one lower-case word that is not a function word ('12 pages and' must not read 'and' as the noun)."""
    return rf"(?P<{name}>(?!{_FUNCTION_WORDS})[a-z][a-z-]*)"


PRONOUNS = {"He", "She", "They", "It", "There", "The", "Each", "If", "How", "What", "In", "On", "At", "A", "An",
             "His", "Her", "Their", "This", "That", "After", "Then", "When", "We", "I", "You", "One", "Every"}
NAME = r"[A-Z][a-z]+"


# 'After spending $15 on a game and earning $8, Dan has $40.': the changes told in the past, then what he has now
_PAST = {"spending": "spent", "earning": "earned", "giving": "gave", "buying": "bought", "selling": "sold",
         "losing": "lost", "eating": "ate", "finding": "found", "receiving": "received", "using": "used",
         "saving": "saved", "winning": "won", "getting": "got", "making": "made", "picking": "picked"}
_GERUND = "|".join(_PAST)
_AFTER_DOING = re.compile(rf"(?:^|(?<=[.!] ))After (?P<first>(?:{_GERUND}) [^,.?!]*?)(?: and (?P<second>(?:{_GERUND}) "
                          rf"[^,.?!]*?))?, (?P<who>{NAME}) has ")


def _after_doing(t: str) -> str:
    """'After spending $15 and earning $8, Dan has $40.' -> 'Dan spent $15 and earned $8. Dan now has $40.': the
    tracker reads changes told as they happen, then the amount now."""
    def told(m: re.Match) -> str:
        done = [re.sub(rf"^(?:{_GERUND})\b", lambda v: _PAST[v.group()], m.group(g)) for g in ("first", "second")
                if m.group(g)]
        return f"{m.group('who')} {' and '.join(done)}. {m.group('who')} now has "
    return _AFTER_DOING.sub(told, t)


ASKS_TOTAL = r"\b(in all|altogether|in total|total|together|combined|both|all together|over the weekend)\b"
ASKS_LEFT = r"\b(left|remain|remaining|now|still)\b"


# ----------------------------------------------------------------------------- verbs that move a story's amounts

# One lexicon for both readers of which way a number moves its story (quantity_patterns' tracker, story_changes):
# verbs that take some of the thing away from the story's place or owner, and verbs that bring more. Multi-word verbs
# come first, so that "got off" is never read as "got"; a verb of motion with its particle says the way ("drove off",
# "came on"). Verbs whose direction depends on who does them (make, catch, borrow) are left to each reader, and so is
# "left", which is mostly what a question asks ("how many are left?").
_MOTION = r"(?:got|gets|get|drove|drives|walked|walks|jumped|jumps|climbed|climbs|hopped|hops|stepped|steps|flew|" \
          r"flies|ran|runs|came|comes|went|goes|swam|swims|rode|rides|moved|moves|sailed|sails|crawled|crawls)"
MOVES_AWAY = rf"{_MOTION} (?:off|out|away)|" \
    r"got off|get off|gets off|got out|gets out|climbed off|went away|go away|goes away|flew away|flies away|" \
    r"ran away|runs away|swam away|walked away|drove away|hopped away|gave away|gives away|give away|given away|" \
    r"gave out|gives out|handed out|hands out|hand out|lent out|lends out|lent|lends|loaned|threw away|throws away|" \
    r"took away|takes away|took out|takes out|leaked out|leaks out|leak out|leaked|leaks|" \
    r"poured out|pours out|pour out|spilled|spills|spill|" \
    r"cut off|cuts off|checked out|fell off|fell out|lost|loses|lose|sold|sells|sell|ate|eats|eat|eaten|used|uses|" \
    r"use|broke|breaks|donated|donates|popped|pops|melted|melts|drank|drinks|drunk|removed|removes|sent|sends|" \
    r"mailed|mails|dropped|drops|evaporated|evaporates|burned|burns|escaped|escapes|gave|gives|give"
MOVES_IN = rf"{_MOTION} (?:on|in|into|aboard|onto|back)|" \
    r"put back|puts back|got on|gets on|get on|got in|gets in|climbed on|climbed in|boarded|boards|joined|joins|" \
    r"came|comes|arrived|arrives|hatched|hatches|found|finds|received|receives|earned|earns|won|wins|collected|" \
    r"collects|picked|picks|baked|bakes|grew|grows|gained|gains|added|adds|saved|saves|planted|plants|bought|buys|" \
    r"buy|got|gets|get"
MONEY_AWAY = r"bought|buys|buy|spent|spends|spend|paid|pays|pay"   # money leaves when you buy; the goods come in


# ----------------------------------------------------------------------------- steps and wording shared by the patterns

OP_SIGN = {"+": " + ", "-": " - ", "*": " × ", "/": " ÷ "}   # an operation as a student writes it


def fraction_part(b: Builder, whole: Ref, frac: re.Match, group: str, whole_text: str, unit: str) -> Ref:
    """A fraction of a whole the way school works it: 5/8 of 840 is 1/8 of 840 (840 / 8), then 5 of those parts;
    a unit fraction or a percent is one step."""
    token = frac.group(group)
    f = b.given(frac, group, "")
    top, bottom = (int(x) for x in token.split("/")) if "/" in token else (1, 0)
    if top == 1:
        return b.step("*", [whole, f], unit, f"What is {token} of {whole_text}?", kind="fraction_of")
    one = b.step("/", [whole, b.fact(bottom, "parts", f"{bottom} equal parts")], unit,
                 f"What is 1/{bottom} of {whole_text}?", kind="unit_fraction")
    return b.step("*", [one, b.fact(top, "parts", f"{top} of those parts")], unit,
                  f"What is {token} of {whole_text}, {top} of those parts?", kind="fraction_of")


def shown_in_sum(value: Fraction) -> str:
    """A value as a student writes it inside a sum: '(-8)', '3 1/2', '2.5' only when it was written so."""
    if value < 0:
        return f"(-{shown_in_sum(-value)})"
    whole, rest = divmod(value, 1)
    if not rest:
        return str(whole)
    return f"{whole} {rest.numerator}/{rest.denominator}" if whole else f"{rest.numerator}/{rest.denominator}"


def shown_first(value: Fraction) -> str:
    """A value as it starts a sentence or a sum: '-8', '3 1/2' (no bracket around a leading minus)."""
    return re.sub(r"^\((-.*)\)$", r"\1", shown_in_sum(value))


class Merged:
    """Two regex matches read as one: groups and spans come from whichever match has the group."""

    def __init__(self, *matches: re.Match):
        self.matches = matches

    def _owner(self, group: str) -> re.Match:
        return next((m for m in self.matches if m.groupdict().get(group) is not None), self.matches[0])

    def group(self, group: str) -> str | None:
        return self._owner(group).groupdict().get(group)

    def groupdict(self) -> dict[str, str]:
        return {k: v for m in reversed(self.matches) for k, v in m.groupdict().items() if v is not None}

    def span(self, group: str) -> tuple[int, int]:
        return self._owner(group).span(group)

    def end(self, group: str) -> int:
        return self.span(group)[1]


# ----------------------------------------------------------------------------- unit conversion

_ALIASES = {"hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute", "sec": "second", "secs": "second",
            "kilometer": "km", "kilometre": "km", "meter": "m", "metre": "m", "centimeter": "cm",
            "centimetre": "cm", "millimeter": "mm", "millimetre": "mm", "kilogram": "kg", "gram": "g", "liter": "l",
            "litre": "l", "milliliter": "ml", "millilitre": "ml", "feet": "foot", "ft": "foot", "inche": "inch",
            "yd": "yard", "dollar": "dollar", "cent": "cent"}
_FACTORS = {("hour", "minute"): 60, ("minute", "second"): 60, ("day", "hour"): 24, ("week", "day"): 7,
            ("year", "month"): 12, ("km", "m"): 1000, ("m", "cm"): 100, ("cm", "mm"): 10, ("kg", "g"): 1000,
            ("l", "ml"): 1000, ("foot", "inch"): 12, ("yard", "foot"): 3, ("dollar", "cent"): 100,
            ("pound", "ounce"): 16, ("gallon", "quart"): 4, ("quart", "pint"): 2, ("pint", "cup"): 2,
            ("ton", "pound"): 2000, ("mile", "foot"): 5280, ("yard", "inch"): 36, ("year", "week"): 52}


def unit_name(word: str) -> str:
    w = stem(word) if word not in ("m", "cm", "mm", "km", "kg", "g", "l", "ml") else word
    return _ALIASES.get(w, w)


def is_unit(word: str) -> bool:
    """A unit some factor converts ('cents', 'km', 'hours'), not a thing counted ('apples')."""
    return any(unit_name(word) in pair for pair in _FACTORS)


def unit_factor(big: str, small: str) -> int | None:
    return _FACTORS.get((unit_name(big), unit_name(small)))


_MIXED = re.compile(r"(?<![\d./])(\d+) (\d+)/(\d+)(?![\d/])")


def as_written(found: Plan | None, problem: str) -> Plan | None:
    """The plan's texts in the problem's own forms, so hints quote what the student reads: a mixed number stays mixed
    ('2 1/4', not the 9/4 it is read as) and a number below zero keeps its sign ('-30 m', not '30 m')."""
    if found is None:
        return None
    improper = {f"{int(w) * int(d) + int(n)}/{d}": m.group() for m in _MIXED.finditer(problem)
                for w, n, d in [m.groups()] if int(n) < int(d)}

    def said(text: str) -> str:
        return re.sub(r"(?<![\d./])\d+/\d+(?![\d/])", lambda m: improper.get(m.group(), m.group()), text)

    def signed(q: Quantity) -> str:   # '-86 m' only where the problem writes the minus ('86 m below sea level' stays)
        written = re.search(rf"[-−]{re.escape(q.text)}", problem)
        return f"-{q.text}" if q.value < 0 and written and re.match(re.escape(fmt(-q.value)), q.text) else q.text

    quantities = [replace(q, text=said(signed(q))) for q in found.quantities]
    steps = [replace(st, question=said(st.question)) for st in found.steps]
    return replace(found, quantities=quantities, steps=steps)
