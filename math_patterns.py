"""The planner's patterns for school maths topics: one small function per school pattern.

Fractions and percentages of a quantity (two fractions of one whole and the rest), percent change and reverse
percent, ratio and 'for every' proportion, perimeter and area of rectangles and squares (a fence priced per length),
written arithmetic in the order of operations, and unit conversion (the mean is in mean_patterns.py, the science
formulas in science_patterns.py). Separate from story_patterns.py and equation_patterns.py only to
keep each file short; all three return a `Plan` or None.
"""
from __future__ import annotations

import re

from story_patterns import COUNT, LOSE, counts_noun, head_noun, own_words
from text_words import forms_of
from wordproblem import (NAME, NUM, OP_SIGN, SENTENCE, Builder, NoPlan, Plan, Problem, Ref, _n, _w, fmt,
                         fraction_part, mentions, number_value, same_word, shown_in_sum, stem, unit_factor, unit_name,
                         whole_count)

# ----------------------------------------------------------------------------- fractions and percentages

_FRAC = r"(?P<f>\d+/\d+|\d+(?:\.\d+)?%)"
# '3/4 of the 20 apples', '1/3 of a 240-page book' (of 240 pages)
_FRACTION_OF_N = re.compile(rf"{_FRAC} of (?:the |her |his |their |its |a |an )?{_n('a')}[ -]{_w('i')}")
_FRACTION_OF_THEM = re.compile(rf"{_FRAC} of (?:them|these|those|it\b|(?:the|her|his|their|its) {_w('x')})")
_TAKE_AWAY_VERB = re.compile(rf"\b(?:{LOSE}) {_FRAC} of")
_REST_ARE = re.compile(r"\b(?:the )?rest (?:of (?:them|the \w+) )?(?:are|were|is) (?P<w>[a-z]+)[.,]")
# The other part of a two-part whole: '2/7 were absent. How many were present?' asks for the rest.
_PAIRS = [("absent", "present"), ("boy", "girl"), ("man", "woman"), ("adult", "child"), ("wrong", "right"),
          ("incorrect", "correct"), ("lost", "won"), ("fail", "pass"), ("failed", "passed"), ("correctly", "wrong")]
_OPPOSITES = set(_PAIRS) | {(b, a) for a, b in _PAIRS}
_STOP = {"how", "many", "much", "are", "were", "was", "the", "does", "did", "for", "and", "with", "that", "this",
         "there", "have", "has", "had", "they", "them", "she", "his", "her", "will", "what", "who", "its", "their"}


def _sentence(p: Problem, pos: int) -> str:
    """The sentence of the text around position `pos`."""
    return next((m.group() for m in SENTENCE.finditer(p.t) if m.start() <= pos < m.end()), "")


def _content(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z]{3,}", text.lower())} - _STOP


_MONEY_FIRST = re.compile(r"(?P<a>\$\d+(?:\.\d+)?)(?= ?[.,!]| (?:in|on|at|to|from|and)\b)")   # '$90.', '$90 in'
_MONEY_WORDS = {"money", "savings", "salary", "allowance", "pay", "wages", "earnings", "budget", "prize"}


def _fraction_parts(p: Problem) -> tuple[re.Match, re.Match, str] | None:
    """(the whole, the fraction, the whole's noun) when the fraction is plainly of that whole."""
    m = p.search(_FRACTION_OF_N, "all")
    if m:
        hyphened = p.t[m.start("i") - 1] == "-" and not m.group("i").endswith("s")
        return m, m, m.group("i") + ("s" if hyphened else "")
    frac, whole, money = p.search(_FRACTION_OF_THEM), p.search(COUNT), p.search(_MONEY_FIRST)
    if money and p.numbers[0][0] == money.start("a"):
        whole = money   # 'Sara had $90. She spent 2/3 of it.'
    if not frac or not whole or whole.start() > frac.start():
        return None
    x = frac.groupdict().get("x")
    whole_sentence = _sentence(p, whole.start())
    if whole is money:   # the owner's own money, spent or kept by the owner ('Her brother spent 2/3 of it': not hers)
        doer = re.match(r"\s*([A-Z][a-z]*)\b", _sentence(p, frac.start()))
        owner = re.match(r"\s*([A-Z][a-z]*)\b", whole_sentence)
        if not doer or doer.group(1) not in ("She", "He", "They", "I", "We", owner and owner.group(1)):
            return None
        return (whole, frac, "dollars") if not x or x in _MONEY_WORDS else None
    if x and not counts_noun(whole, x) and not mentions(whole_sentence[:whole_sentence.find(
            whole.group("a"))], x):
        return None      # '1/2 of the distance that Selena ran' is not a fraction of the 36 miles
    return whole, frac, head_noun(whole)


def fraction_of(p: Problem) -> Plan | None:
    """'3/4 of the 20 apples are red' or '20 apples. 25% of them are red' -> how many red (or how many are not)."""
    if not p.asks(r"^(how (many|much|long|far|heavy)|what is \d)") or re.search(
            r"\b(increase|decrease|discount|(?<!cuts )(?<!cut )off|sale|more|than|each|never|not|n't|"
            r"equal(?! (?:slices|pieces|parts|sections))|equally|that|those)\b", p.body, re.I):
        return None
    found = _fraction_parts(p)
    if not found:
        return None
    whole, frac, i = found
    frac_sentence = _sentence(p, frac.start())
    opposite = {(w, v) for w in _content(frac_sentence) for v in _content(p.question)} & _OPPOSITES
    if p.asks(r"\b(left|remain|remaining|rest|not|others?|still)\b") or opposite:
        complement = True
    elif "rest" in frac_sentence:
        rest = _REST_ARE.search(frac_sentence)
        if not rest or not mentions(p.question, rest.group("w")):
            return None
        complement = True
    else:
        complement = False
        if frac is whole:   # '20% of his $500 salary': what is said of the part, besides the whole's noun
            told = _content(frac_sentence) - {stem(i)} if p.body.strip() else {"-"}
        else:
            told = _content(frac_sentence) - _content(_sentence(p, whole.start()))
            told |= forms_of(frac_sentence) - forms_of(_sentence(p, whole.start()))   # 'ate' is 'eat'
        if p.body.strip() and not told & (_content(p.question) | forms_of(p.question)) \
                or p.asks(r"\b(after|more|else|must|need(?:s|ed)?|fill)\b"):
            return None   # the question must ask about the part the fraction describes ('saves' is not 'spends')
        if p.search(_TAKE_AWAY_VERB) and not p.asks(r"\b(did|does|do|will) \w+ (eat|give|use|spend|sell)|"
                                                    r"\b(she|he|they|[A-Z][a-z]+) (ate|gave|used|spent|sold|cut)\b"):
            return None
    other = re.match(r"how many ([a-z]+) (?:are|were)(?: there)?(?: (?:in|at|on) (?:the|this|that) [a-z]+)?\W*$",
                     p.question, re.I)
    part = re.match(r"how many ([a-z]+)\b", p.question, re.I)   # 'How many goldfish ...?' of '15% are goldfish'
    said_of_part = not complement and part is not None and stem(part.group(1)) in told and re.search(
        rf"\b(?:are|were) (?:[a-z]+ )?{part.group(1)}\b", frac_sentence, re.I) is not None   # ('have cats': how many?)
    if not (p.asks_for(i) or said_of_part or other and stem(other.group(1)) in {v for _, v in opposite}
            or i in ("m", "cm", "km", "kg", "g") and p.asks(r"^how (long|far|heavy)")
            or p.asks(r"^how (many|much) (of|are|were|is|did|does|do)\b|^what is \d")
            or i == "dollars" and p.asks(r"^how much money (?:did|does|do|will|is|was)\b")):
        return None
    b = Builder(p, "fraction_of")
    a = b.given(whole, "a", i)
    said = whole.group("a") if i == "dollars" and whole.group("a").startswith("$") else f"{whole.group('a')} {i}"
    part = fraction_part(b, a, frac, "f", said.strip(), i)
    if complement:
        b.step("-", [a, part], i, f"How much of the {said} is not in that part?" if i == "dollars" else
               f"How many of the {said} are not in that part?")
    if not re.fullmatch(r"dollars|cups?|km|kg|m|meters|miles|liters|hours", i):
        whole_count(b.value(part))
    return b.finish()


_TWO_FRACTIONS = re.compile(rf"{_n('f1')} (?:of them )?(?:are|were) {_w('w1')}(?: and|,) {_n('f2')} (?:of them )?"
                            rf"(?:are|were) {_w('w2')}(?:\. |,? and )(?:The|the) rest (?:of them )?(?:are|were) "
                            rf"{_w('w3')}")   # '1/4 are cows, 1/3 are sheep and the rest are goats' in one sentence


def fractions_rest(p: Problem) -> Plan | None:
    """'Of 54 animals, 4/9 are cats and 1/3 are dogs. The rest are rabbits.' -> cats, dogs, both, then the rest."""
    m, whole = p.search(_TWO_FRACTIONS), p.search(COUNT)
    if not m or not whole or whole.start() > m.start() or "/" not in m.group("f1") + m.group("f2") \
            or not p.asks(rf"^how many {m.group('w3')}\b"):
        return None
    i = head_noun(whole)
    b = Builder(p, "fraction_of")
    b.read.append(m.start("w3"))   # 'The rest are rabbits.' is the sentence the last step answers
    total = b.given(whole, "a", i)
    text = f"{whole.group('a')} {i}"
    parts = [fraction_part(b, total, m, f, text, m.group(w)) for f, w in (("f1", "w1"), ("f2", "w2"))]
    both = b.step("+", parts, i, f"How many {m.group('w1')} and {m.group('w2')} are there together?")
    b.step("-", [total, both], i, f"How many of the {text} are left for {m.group('w3')}?")
    for value in (b.value(parts[0]), b.value(parts[1]), b.steps[-1].value):
        whole_count(value)   # a fraction of the animals must be whole animals
    return b.finish()


_PERCENT_OF_NUMBER = re.compile(rf"what is {_FRAC} of {_n('a')}\?$", re.I)


def percent_of_number(p: Problem) -> Plan | None:
    """'What is 12% of 350?' -> 350 x 12/100 (a fraction of a bare number is the same step)."""
    m = p.match_question(_PERCENT_OF_NUMBER)
    if not m or p.body.strip():
        return None
    b = Builder(p, "fraction_of")
    fraction_part(b, b.given(m, "a", ""), m, "f", m.group("a"), "")
    return b.finish()


_PERCENT = re.compile(r"(?P<p>\d+(?:\.\d+)?%)")
PERCENT_UP = r"increase[sd]?|rise|rises|rose|raised|goes up|went up|grew|grows|markup|more"
PERCENT_DOWN = r"decrease[sd]?|drops?|dropped|reduced|reduces|discount(?:ed)?|off|sale|falls|fell|goes down|" \
               r"went down|less|cheaper|lowered|lowers|marked down|(?:is|was|were|are|been) cut"
_PRICE = re.compile(rf"{_n('a')}(?: {_w('i')})?")


def percent_apply(p: Problem) -> Plan | None:
    """'A $40 coat is 25% off' -> the discount, then the new price (an increase adds instead)."""
    percents = list(p.finditer(_PERCENT, "all"))
    prices = [m for m in p.finditer(_PRICE, "all") if not m.group("a").endswith("%")]
    if len(percents) != 1 or len(prices) != 1 or not p.asks(r"^(how much|what)") \
            or re.search(r"\b(than|paid|pays|ended|before|after|now|new|ago|to \$)|discount[^.?!]* is \$", p.body,
                         re.I) \
            or p.asks(r"\b(original|originally|before|start|began|morning|was the(?! (?:sale|selling|new|final) price)|"
                      r"last|earlier|ago|used to)\b"):
        return None   # a price after the change (or 'more than his pants') needs a reverse plan we do not make
    up, down = re.search(rf"\b({PERCENT_UP})\b", p.t), re.search(rf"\b({PERCENT_DOWN})\b", p.t)
    if bool(up) == bool(down):
        return None
    pc, price = percents[0], prices[0]
    if re.match(r"(?: [a-z]+)? (?:per|a|an|each|every) (?:day|week|month|year|hour|minute)\b", p.t[price.end("a"):]):
        return None   # '10 per day' is a rate: a year's production from it needs the days we are not told
    i = price.group("i") if price.group("a").startswith("$") is False and price.group("i") else "dollars"
    b = Builder(p, "percent")
    a, r = b.given(price, "a", i), b.given(pc, "p", "percent")
    amount = b.step("*", [a, r], i, f"How much is {pc.group('p')} of {price.group('a')}?", kind="percent")
    if p.asks(r"^how much (?:money )?(?:did|does|do|will|can|would) \w+ save|^how much is the (discount|increase|"
              r"decrease)|^how much (more|less|cheaper)|^by how much"):
        return b.finish()
    change = f"adding {pc.group('p')} to it" if up else f"taking {pc.group('p')} off"
    b.step("+" if up else "-", [a, amount], i, f"What is {price.group('a')} after {change}?", kind="percent_apply")
    return b.finish()


_CHANGE_WORD = r"(?P<kind>discount|reduction|decrease|increase|rise|markup)"
_AFTER_PERCENT = [re.compile(rf"\bafter an? (?P<p>\d+(?:\.\d+)?%) {_CHANGE_WORD}\b[^.?!]*? (?:costs?|is|was|sells for|"
                             rf"sold for) (?P<a>\$\d+(?:\.\d+)?)", re.I),
                  re.compile(rf"\b(?:costs?|is|was|sells for|sold for) (?P<a>\$\d+(?:\.\d+)?) after an? "
                             rf"(?P<p>\d+(?:\.\d+)?%) {_CHANGE_WORD}\b", re.I)]


def percent_reverse(p: Problem) -> Plan | None:
    """'After a 15% discount, shoes cost $68. The original price?' -> 85% is paid, 1% is $68 / 85, and 100% is
    100 times that."""
    m = next((found for rx in _AFTER_PERCENT for found in [p.search(rx)] if found), None)
    if not m or not p.asks(r"\b(original|originally|before|full|regular|usual)\b") or not p.asks(r"^(what|how much)"):
        return None
    down = m.group("kind").lower() in ("discount", "reduction", "decrease")
    b = Builder(p, "percent")
    paid = b.step("-" if down else "+", [b.fact(100, "percent", "100%"), b.given(m, "p", "percent", scale=100)],
                  "percent", f"After {m.group('p')} {'off' if down else 'more'}, what percent of the original "
                             f"price is {m.group('a')}?")
    one = b.step("/", [b.given(m, "a", "dollars"), paid], "dollars per percent",
                 f"If {fmt(b.value(paid))}% of the original price is {m.group('a')}, how much is 1%?")
    b.step("*", [one, b.fact(100, "percent", "100%")], "dollars", "How much is the whole original price, 100%?",
           kind="percent_reverse")
    return b.finish()


# ----------------------------------------------------------------------------- ratio

_RATIOS = [re.compile(rf"ratio of (?:the )?{_w('x')}(?: [a-z]+)? to (?:the )?{_w('y')}(?: [a-z]+)?[^.?!0-9]*? "
                      rf"(?:is|was|are) {_n('r1')} ?(?::|to) ?{_n('r2')}"),
           re.compile(rf"{_w('x')} and {_w('y')}(?: (?:in|at|of) [^.?!0-9]*?)?(?: (?:are|were))? in (?:the|a) ratio "
                      rf"(?:of )?{_n('r1')} ?(?::|to) ?{_n('r2')}"),   # '... in a club are in the ratio 3 : 5'
           re.compile(rf"(?P<x>{NAME}) and (?P<y>{NAME}) (?:share|split|divide)[^.?!]*? in (?:the|a) ratio (?:of )?"
                      rf"{_n('r1')} ?(?::|to) ?{_n('r2')}")]   # 'Sam and Ava share 42 marbles in the ratio 2:5'


_FOR_EVERY = [re.compile(rf"{_n('a')} (?:(?P<u1>[a-z]+) of )?{_w('x')} for every {_n('b')} (?:(?P<u2>[a-z]+) of )?"
                         rf"{_w('y')}\b"),
              re.compile(rf"\b[Ff]or every {_n('b')} (?:(?P<u2>[a-z]+) of )?{_w('y')},? [A-Za-z ]*?\b{_n('a')} "
                         rf"(?:(?P<u1>[a-z]+) of )?{_w('x')}\b")]   # 'For every 2 cups of rice, it uses 3 cups...'


def for_every(p: Problem) -> Plan | None:
    """'2 cups of rice for every 3 cups of water. How much water for 8 cups of rice?' -> 8 / 2 = 4 times the
    recipe, then 3 x 4 cups of water."""
    m = next((found for rx in _FOR_EVERY for found in [p.search(rx)] if found), None)
    asked = p.match_question(re.compile(r"how (?:many|much) (?:[a-z]+ of )?(?P<w>[a-z]+)", re.I))
    if not m or not asked:
        return None
    names, units = {"a": m.group("x"), "b": m.group("y")}, {"a": m.group("u1"), "b": m.group("u2")}
    want = next((k for k in names if same_word(asked.group("w"), names[k]) or same_word(asked.group("w"), units[k])),
                None)   # '6 litres of petrol for every 100 km' asked 'how many litres'
    known = [c for c in p.finditer(COUNT, "all") if c.start() >= m.end() or c.end() <= m.start()]
    if not want or len(known) != 1:
        return None
    have, c = "b" if want == "a" else "a", known[0]
    if not any(same_word(w, names[have]) for w in re.findall(r"[a-z]+", p.t[c.end("a"):c.end("a") + 30])[:3]):
        return None   # the known amount must be of the other thing in the ratio
    said = {k: f"{units[k]} of {names[k]}" if units[k] else names[k] for k in names}   # 'cups of rice'
    b = Builder(p, "ratio")
    scale = b.step("/", [b.given(c, "a", names[have]), b.given(m, have, names[have])], "times",
                   f"How many times {m.group(have)} {said[have]} is {c.group('a')} {said[have]}?", kind="ratio_scale")
    b.step("*", [b.given(m, want, units[want] or names[want]), scale], units[want] or names[want],
           f"How many {said[want]} go with {c.group('a')} {said[have]}, {m.group(want)} for every {m.group(have)}?")
    return b.finish()


def ratio(p: Problem) -> Plan | None:
    """'The ratio of boys to girls is 3:4. There are 12 boys.' -> girls; or a total shared in that ratio."""
    m = next((r for rx in _RATIOS for r in [p.search(rx)] if r), None)
    if not m or not p.asks(r"^how (many|much)") or p.asks(r"\b(more|fewer|less|than|difference)\b"):
        return None
    x, y = m.group("x"), m.group("y")
    asked = [n for n in (x, y) if mentions(p.question, n)]
    counts = [c for c in p.finditer(COUNT, "all") if c.span("a") not in (m.span("r1"), m.span("r2"))]
    if len(counts) != 1 or len(asked) != 1:
        return None
    c = counts[0]
    after = re.findall(r"[a-z]+", re.split(r"[.?!,]", p.t[c.end("a"):])[0])[:4]   # '9 cups of flour': flour
    counted = next((n for n in (x, y) if any(same_word(w, n) for w in after)), None)
    b = Builder(p, "ratio")
    rx, ry = b.given(m, "r1", f"parts {x}"), b.given(m, "r2", f"parts {y}")
    want, want_name = (rx, x) if asked[0] == x else (ry, y)
    if counted:
        have = rx if counted == x else ry
        if have == want:
            return None
        per = b.step("/", [b.given(c, "a", head_noun(c)), have], f"{head_noun(c)} per part",
                     f"If {c.group('a')} {head_noun(c)} are {fmt(b.value(have))} parts, how many is 1 part?")
    else:
        parts = b.step("+", [rx, ry], "parts", f"How many parts are there in {m.group('r1')}:{m.group('r2')}?")
        per = b.step("/", [b.given(c, "a", head_noun(c)), parts], "per part",
                     f"If {c.group('a')} {head_noun(c)} are shared into {fmt(b.value(parts))} parts, "
                     f"how many are in 1 part?", kind="ratio_total")
    named = re.search(rf"\b{want_name}(?: {_w('noun')})?", p.question)
    phrase = named.group(0) if named else want_name     # 'blue beads', not just 'blue'
    if want_name[0].isupper():
        phrase = f"{head_noun(c)} for {want_name}"      # 'marbles for Ava', not 'Ava get'
    parts = f"{fmt(b.value(want))} {'part' if b.value(want) == 1 else 'parts'}"
    ask = f"How much {phrase} is {parts}?" if p.asks(r"^how much") else f"How many {phrase} are {parts}?"
    b.step("*", [per, want], want_name, ask)
    whole_count(b.steps[-1].value)
    return b.finish()


# ----------------------------------------------------------------------------- perimeter and area

_LEN = r"(?P<u{k}>(?:cm|mm|m|km|ft|feet|foot|in|inches|inch|yd|yards?|meters?|metres?|centimeters?|centimetres?|" \
       r"units?)(?![a-z]))"   # a whole word: 'm' is not the start of 'meters'
_OF_SHAPE = r"of (?:the|a|an|this|that|her|his|their) (?:[a-z]+ )?[a-z]+"   # 'The length of a rectangular garden'
_DIMS = [re.compile(rf"{_n('a')} ?{_LEN.format(k=1)}? (?:long|in length) and {_n('b')} ?{_LEN.format(k=2)}? "
                    r"(?:wide|in width)"),
         re.compile(rf"{_n('a')} ?{_LEN.format(k=1)}? wide and {_n('b')} ?{_LEN.format(k=2)}? long"),
         re.compile(rf"{_n('a')} ?{_LEN.format(k=1)}? (?:by|x|×) {_n('b')} ?{_LEN.format(k=2)}?"),
         re.compile(rf"length(?: {_OF_SHAPE})? (?:of|is|was|measures) {_n('a')} ?{_LEN.format(k=1)}? and "
                    rf"(?:a |the |its )?width(?: {_OF_SHAPE})? (?:of|is|was|measures) {_n('b')} ?{_LEN.format(k=2)}?")]
_SQUARE = re.compile(rf"square[^.?!]*?\bsides?(?: length)? (?:of |is |are |that are |measuring |each )*"
                     rf"{_n('a')} ?{_LEN.format(k=1)}?")
_AREA_Q = r"\barea\b|\bcover\b|\bnot covered\b|\bcarpet\b|square (cm|m|meters|feet|ft|units|inches|yards)"
_PERIMETER_Q = r"\bperimeter\b|\bfenc|\bborder\b|\baround\b|\btrim\b|\bedge\b|\bframe\b"


def _rectangles(p: Problem, where: str = "body") -> list[re.Match]:
    found: list[re.Match] = []
    for rx in _DIMS:
        for m in p.finditer(rx, where):
            if not any(m.start() < f.end() and f.start() < m.end() for f in found):
                found.append(m)
    return sorted(found, key=lambda m: m.start())


def _area(b: Builder, m: re.Match, unit: str, square: bool = False) -> Ref:
    side = b.given(m, "a", unit)
    other = side if square else b.given(m, "b", unit)
    shape = f"a square with sides of {m.group('a')}" if square else f"a {m.group('a')} by {m.group('b')} rectangle"
    return b.step("*", [side, other], f"square {unit}".strip(), f"What is the area of {shape}?", kind="area")


def _perimeter(b: Builder, m: re.Match, unit: str, square: bool = False) -> Ref:
    if square:
        return b.step("*", [b.given(m, "a", unit), b.fact(4, "sides", "4 equal sides")], unit,
                      f"How far is it around a square with sides of {m.group('a')}?", kind="perimeter")
    half = b.step("+", [b.given(m, "a", unit), b.given(m, "b", unit)], unit,
                  f"How long are one length and one width ({m.group('a')} and {m.group('b')}), half the way "
                  f"round?", kind="half_perimeter")
    return b.step("*", [half, b.fact(2, "", "each side twice")], unit,
                  f"How far is it all the way around the {m.group('a')} by {m.group('b')} rectangle?",
                  kind="perimeter")


_PERIMETER_GIVEN = re.compile(rf"perimeter (?:of|is) {_n('p')} ?{_LEN.format(k=1)}?")
_SIDE_GIVEN = re.compile(rf"(?P<side>length|width) (?:is|of) {_n('a')} ?{_LEN.format(k=2)}?")


def missing_side(p: Problem) -> Plan | None:
    """'A rectangle has a perimeter of 36 cm. Its length is 11 cm. What is its width?' -> the two lengths, what is
    left for the two widths, then one width."""
    per, side = p.search(_PERIMETER_GIVEN), p.search(_SIDE_GIVEN)
    if not per or not side or not re.search(r"rectang", p.t, re.I):
        return None
    other = "width" if side.group("side") == "length" else "length"
    if not p.asks(rf"^(what is|how (long|wide) is) (its|the) {other}\b|^how wide") or p.asks(r"\barea\b"):
        return None
    unit = per.group("u1") or side.group("u2") or ""
    if side.group("u2") and per.group("u1") and unit_name(side.group("u2")) != unit_name(per.group("u1")):
        return None
    b = Builder(p, "rectangle")
    two = b.step("*", [b.given(side, "a", unit), b.fact(2, "", "2 of each side")], unit,
                 f"How long are the two {side.group('side')}s of {side.group('a')} {unit} together?",
                 kind="half_perimeter")
    rest = b.step("-", [b.given(per, "p", unit), two], unit,
                  f"How much of the {per.group('p')} {unit} perimeter is left for the two {other}s?".replace("  ", " "))
    b.step("/", [rest, b.fact(2, "", "2 of each side")], unit, f"How long is one {other}?")
    if b.value(rest) <= 0:
        raise NoPlan("a side longer than half the perimeter")
    return b.finish()


_SQUARE_AROUND = re.compile(rf"\bperimeter of (?:a|the|this) square(?: [a-z]+)? is (?P<p>{NUM}) ?(?P<u>[a-z]+)|"
                            rf"\b[Aa] square(?: [a-z]+)? (?:has|with) a perimeter of (?P<p2>{NUM}) ?(?P<u2>[a-z]+)")


def square_side(p: Problem) -> Plan | None:
    """'The perimeter of a square is 36 cm. How long is each side?' -> 36 / 4: a square's 4 sides are equal; its
    area asked ('A square garden has a perimeter of 36 m. What is its area?') is that side times itself."""
    m = p.search(_SQUARE_AROUND)
    area = p.asks(r"^what is (?:its|the) (?:[a-z]+ )?area\b|^how much (?:area|space|ground)\b")
    if not m or len(p.numbers) != 1 or not (area or p.asks(r"^(?:how long is (?:each|one|a) side|what is the length "
                                                           r"of (?:each|one) side|what is (?:its|the) side length)\b")):
        return None
    b = Builder(p, "perimeter")
    around, unit = ("p", "u") if m.group("p") else ("p2", "u2")
    unit, said = m.group(unit), m.group(around)
    side = b.step("/", [b.given(m, around, unit), b.fact(4, "sides", "4 equal sides")], unit,
                  f"A square has 4 equal sides: how long is one side of a {said} {unit} perimeter?", kind="side")
    if area:
        b.step("*", [side, side], f"square {unit}", "The area of a square is its side times itself: what is the "
                                                    "side times the side?", kind="area")
    return b.finish()


_LENGTH_UNITS = {"mm", "cm", "m", "km", "inch", "foot", "yard", "mile"}
_PER_LENGTH = re.compile(rf"(?P<a>\${NUM}) (?:per|a|an|for each|for every|for 1|each) (?P<u>[a-z]+)\b")


_THERE_AND_BACK = re.compile(r"\b(?:there and back|and back(?: again| home)?)\b")
# one way only: '8 km to the lake', '1.3 km from her house', '8 km away' ('ran 5 km there and back' is both ways)
_DISTANCE = re.compile(rf"{_n('d')} ?(?P<u>[a-z]+) (?:to|from|away|each way|one way)\b")


def there_and_back(p: Problem) -> Plan | None:
    """'Omar cycles 8 km to the lake and back. How far does he cycle?' -> 8 x 2: the way back is as long as the way
    there. Only one distance in the text, one way and in a unit of length, and a question that asks how far."""
    m, back = p.search(_DISTANCE), p.search(_THERE_AND_BACK)
    asked = re.match(r"how many ([a-z]+)", p.question, re.I)
    if not m or len(p.numbers) != 1 or unit_name(m.group("u")) not in _LENGTH_UNITS or not back \
            or not (p.asks(r"^(?:how far|what distance)\b") or asked and same_word(asked.group(1), m.group("u"))):
        return None
    b = Builder(p, "distance")
    unit = m.group("u")
    way = f"{m.group('d')} {unit}"
    b.read.append(back.start())   # 'She walks there and back.' is the sentence the doubling reads
    b.step("*", [b.given(m, "d", unit), b.fact(2, "ways", "2 ways: there and back")], unit,
           f"The way back is as long as the way there: how far are {way} there and {way} back?")
    return b.finish()


def rectangle(p: Problem) -> Plan | None:
    """Area (l x w) or perimeter (2 x (l + w)) of a rectangle or square; area of two joined or cut-out rectangles;
    a fence (border, trim) around one at a price per unit of length: the perimeter, then its cost."""
    area, around = p.asks(_AREA_Q), p.asks(_PERIMETER_Q)
    price = p.search(_PER_LENGTH, "all") if p.asks(r"\b(?:cost|price|pay)\b") else None
    if price and not area and re.search(_PERIMETER_Q, p.t, re.I) and unit_name(price.group("u")) in _LENGTH_UNITS:
        around = True   # 'Fencing costs $3 per foot. How much will it cost to fence the garden?'
    elif p.asks(r"\b(?:cost|price|pay)\b"):
        return None
    if area == around or not re.search(r"rectang|square|garden|room|field|floor|yard|shape|wall|rug|park|lot", p.t,
                                       re.I):
        return None
    rects = _rectangles(p) or _rectangles(p, "question")[:1]   # 'area of a 7 by 4 rectangle' is all a student says
    square = p.search(_SQUARE) if not rects else None
    units = {m.group(g) for m in rects + ([square] if square else []) for g in ("u1", "u2")
             if g in m.groupdict() and m.group(g)}
    if len({stem(u) for u in units}) > 1:
        return None
    unit = units.pop() if units else ""
    asked = re.search(r"\bin (?:square |sq\.? )?([a-z]+)", p.question, re.I)
    if unit and asked and unit_name(asked.group(1).lower()) in _LENGTH_UNITS and \
            unit_name(asked.group(1).lower()) != unit_name(unit.lower()):
        return None   # 'in square centimetres' from metres needs a conversion this plan lacks
    b = Builder(p, "rectangle")
    if square and len(rects) == 0:
        (_area if area else _perimeter)(b, square, unit, square=True)
    elif len(rects) == 1:
        (_area if area else _perimeter)(b, rects[0], unit)
    elif price:
        return None   # the fence around two rectangles is not read
    elif len(rects) == 2 and area:
        first, second = _area(b, rects[0], unit), _area(b, rects[1], unit)
        if re.search(r"\b(cut|cuts|removed|hole|pond|pool|inside|not covered|uncovered|left)\b", p.t, re.I):
            if b.value(second) >= b.value(first):
                return None
            b.step("-", [first, second], f"square {unit}".strip(), "What area is left once the smaller rectangle "
                                                                   "is taken out of the bigger one?")
        elif re.search(r"\b(2|both|another|joined|l-shaped|together|total|combined)\b", p.t, re.I):
            b.step("+", [first, second], f"square {unit}".strip(), "What is the area of both rectangles together?")
        else:
            return None
    else:
        return None
    if price:
        if not unit or unit_name(price.group("u")) != unit_name(unit):
            return None   # a price per foot for sides in yards: a conversion first
        rate = b.given(price, "a", "dollars", f"{price.group('a')} per {price.group('u')}")
        around = Ref("step", len(b.steps) - 1)
        b.step("*", [around, rate], "dollars", f"How much do {fmt(b.value(around))} {unit} cost at {price.group('a')} "
                                               f"per {price.group('u')}?")
    return b.finish()


# ----------------------------------------------------------------------------- arithmetic expressions

_EXPRESSION_Q = re.compile(r"(?:calculate|evaluate|work out|what is|find|compute)\s+(?P<e>[-(\d][^?!]*?)\s*[?.!]?$",
                           re.I)
_TOKEN = re.compile(r"\s*(?:(?P<n>\d+(?:\.\d+)?(?:/\d+)?)|(?P<op>[-+×÷*/()²³]|(?<=[\d)\s])x(?=\s*(?:\d|\(|-\d))))")
_SIGNS = {"×": "*", "x": "*", "*": "*", "÷": "/", "/": "/", "+": "+", "-": "-"}   # "12 x 4": x for times
_OPENS = ("(", *_SIGNS)


class _Expression:
    """A recursive-descent reader of '48 ÷ (4 + 2) × 3 - 5' that records one step per operation, in the order a
    student works them: brackets, then powers, then × and ÷ from the left, then + and - from the left."""

    def __init__(self, p: Problem, b: Builder, start: int, end: int):
        self.b, self.tokens = b, []
        at = start
        while at < end:
            m = _TOKEN.match(p.t, at, end)
            if not m or m.end() == at:
                raise NoPlan("not an arithmetic expression")
            self.tokens.append(m)
            at = m.end()
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at].group("op") if self.at < len(self.tokens) else None

    def sum(self) -> tuple[Ref, str]:
        left = self.product()
        while self.peek() in ("+", "-"):
            op = _SIGNS[self.tokens[self.at].group("op")]
            self.at += 1
            left = self.binary(op, left, self.product())
        return left

    def product(self) -> tuple[Ref, str]:
        left = self.power()
        while _SIGNS.get(self.peek() or "") in ("*", "/"):
            op = _SIGNS[self.tokens[self.at].group("op")]
            self.at += 1
            left = self.binary(op, left, self.power())
        return left

    def power(self) -> tuple[Ref, str]:
        if self.peek() == "-" and self.at + 2 < len(self.tokens) and self.tokens[self.at + 1].group("n") \
                and self.tokens[self.at + 2].group("op") in ("²", "³"):
            return self.negated_power()
        base = self.atom()
        if self.peek() in ("²", "³"):
            return self.raised(base)
        return base

    def raised(self, base: tuple[Ref, str]) -> tuple[Ref, str]:
        times = 2 if self.peek() == "²" else 3
        self.at += 1
        word = "squared" if times == 2 else "cubed"
        # a negative base's sign is what trips students: the power said as the product it means
        question = f"{base[1]} {word} means {' × '.join([base[1]] * times)}: how many minus signs are multiplied, " \
                   f"and what is the product?" if base[1].startswith("(-") else f"What is {base[1]} {word}?"
        ref = self.b.step("*", [base[0]] * times, "", question)
        return ref, shown_in_sum(self.b.value(ref))

    def negated_power(self) -> tuple[Ref, str]:
        """'-3²' as school (and mathcheck.py) reads it: the power first, then the minus sign, -(3²) = -9."""
        number, power = self.tokens[self.at + 1], self.tokens[self.at + 2].group("op")
        self.at += 2
        powered, _ = self.raised((self.b.given(number, "n", ""), number.group("n")))
        ref = self.b.step("*", [powered, self.b.fact(-1, "", "the minus sign")], "",
                          f"What is -{number.group('n')}{power}, with the minus sign applied after the power?",
                          kind="negated_power")
        return ref, shown_in_sum(self.b.value(ref))

    def atom(self) -> tuple[Ref, str]:
        if self.at >= len(self.tokens):
            raise NoPlan("the expression ends too soon")
        # a minus sign opens a negative number at the start, after '(' or right after an operator ('13 - -5')
        token, first = self.tokens[self.at], self.at == 0 or self.tokens[self.at - 1].group("op") in _OPENS
        self.at += 1
        if token.group("op") == "-" and first and self.at < len(self.tokens) and self.tokens[self.at].group("n"):
            number = self.tokens[self.at]
            self.at += 1
            return self.b.given(number, "n", "", text=f"-{number.group('n')}", scale=-1), f"(-{number.group('n')})"
        if token.group("n"):
            written = token.group("n")
            return self.b.given(token, "n", ""), shown_in_sum(number_value(written)) if "/" in written else written
        if token.group("op") != "(":
            raise NoPlan("an operator where a number should be")
        inner = self.sum()
        if self.peek() != ")":
            raise NoPlan("an unclosed bracket")
        self.at += 1
        return inner

    def binary(self, op: str, left: tuple[Ref, str], right: tuple[Ref, str]) -> tuple[Ref, str]:
        first = re.sub(r"^\((-.*)\)$", r"\1", left[1])    # '-8 - (-15)': a leading minus needs no bracket
        ref = self.b.step(op, [left[0], right[0]], "", f"What is {first}{OP_SIGN[op]}{right[1]}?", kind="order")
        return ref, shown_in_sum(self.b.value(ref))


def expression(p: Problem) -> Plan | None:
    """'Calculate 48 ÷ (4 + 2) × 3 - 5', 'Work out 3 1/2 - 1 2/3', 'Evaluate (-2)³ - 5 × (-3)': one step per
    operation, in the order of operations."""
    m = p.match_question(_EXPRESSION_Q)
    if not m or p.body.strip() or not re.search(r"[-+×÷*/²³]", m.group("e")):
        return None
    b = Builder(p, "expression")
    reader = _Expression(p, b, *m.span("e"))
    reader.sum()
    if reader.at != len(reader.tokens) or not b.steps:
        return None
    return b.finish()


# ----------------------------------------------------------------------------- unit conversion

_MEASURE = re.compile(rf"{_n('a')} ?{_w('u')}")


_HOLDS = re.compile(rf"\b(?:holds|contains|has|had|held) {_n('a')} ?{_w('u')}")
# 'How many 250 mL cups can it fill?', 'How many 250-milliliter glasses can be filled from it?'
_FILL_Q = re.compile(rf"how many {_n('b')}[ -]?(?P<v>[A-Za-z]+) {_w('c')} can (?:(?:it|they|she|he|you|we) fill|be "
                     rf"filled(?: from (?:it|the [a-z]+))?)\?", re.I)



def fill_count(p: Problem) -> Plan | None:
    """'A jug holds 3 litres. How many 250 mL cups can it fill?' -> 3 litres in mL, then how many 250s fit."""
    held, q = p.search(_HOLDS), p.match_question(_FILL_Q)
    factor = unit_factor(held.group("u"), q.group("v")) if held and q else None
    if not factor:
        return None
    small, c = q.group("v"), q.group("c")
    b = Builder(p, "conversion")
    f = b.fact(factor, f"{small} per {unit_name(held.group('u'))}",
               f"{factor} {small} in 1 {unit_name(held.group('u'))}")
    total = b.step("*", [b.given(held, "a", held.group("u")), f], small,
                   f"How many {small} are in {held.group('a')} {held.group('u')}?", kind="convert")
    b.step("/", [total, b.given(q, "b", small)], c, f"How many {q.group('b')} {small} {c} can {held.group('a')} "
                                                    f"{held.group('u')} fill?")
    whole_count(b.steps[-1].value)
    return b.finish()


_OWNER = r"(?:[A-Z][a-z]+'s|[Tt]he|[Aa]n?|[Hh]is|[Hh]er)(?: [a-z]+){1,2}"
_TWO_UNIT = re.compile(rf"(?P<x>{_OWNER}) (?:weighs|is|measures) {_n('a')} ?{_w('big')} {_n('b')} ?{_w('small')}\b")
_ONE_UNIT = re.compile(rf"(?P<y>{_OWNER}) (?:weighs|is|measures) {_n('c')} ?{_w('unit')}\b")
# 'than the kitten' may be left out: with one other measure in the problem, it is the one compared
_HOW_MUCH_MORE = re.compile(rf"how many {_w('u')} (?:heavier|longer|taller|more) (?:is|was) (?P<q>[^?]+?)(?: than |\?)",
                            re.I)


def mixed_unit_difference(p: Problem) -> Plan | None:
    """'The puppy weighs 3 kg 40 g. The kitten weighs 950 g. How many grams heavier is the puppy?' -> 3 kg in
    grams, the 40 g added, then the difference."""
    two, q = p.search(_TWO_UNIT), p.match_question(_HOW_MUCH_MORE)
    ones = [m for m in p.finditer(_ONE_UNIT) if not two or m.start() > two.end()]
    factor = unit_factor(two.group("big"), two.group("small")) if two else None
    if not factor or not q or len(ones) != 1 or not same_word(ones[0].group("unit"), two.group("small")) \
            or not same_word(q.group("u"), two.group("small")):
        return None
    other, small, big = ones[0], two.group("small"), two.group("big")
    first, second, asked = own_words(two.group("x")), own_words(other.group("y")), own_words(q.group("q"))
    if not (first - second) & asked or (second - first) & asked:
        return None   # the question must ask how much more the first (two-unit) thing is
    b = Builder(p, "conversion")
    f = b.fact(factor, f"{small} per {unit_name(big)}", f"{factor} {small} in 1 {unit_name(big)}")
    name = q.group("u")   # 'grams', as the question says it
    whole = b.step("*", [b.given(two, "a", big), f], small, f"How many {name} are in {two.group('a')} {big}?",
                   kind="convert")
    total = b.step("+", [whole, b.given(two, "b", small)], small,
                   f"How many {name} is {two.group('a')} {big} {two.group('b')} {small}?", kind="mixed_total")
    b.step("-", [total, b.given(other, "c", small)], small,
           f"How many {name} more than {other.group('c')} {small} is that?")
    if b.steps[-1].value <= 0:
        raise NoPlan("the first is not the bigger")
    return b.finish()


_SCALE = re.compile(rf"\bscale (?:of |is )?(?P<one>1) ?: ?{_n('n')}")
# '2 towns are 7 cm apart': the 2 counts the places, it is no measure
_ON_MAP = re.compile(rf"(?:\b(?P<pair>2) [a-z]+ (?:are|were) )?{_n('d')} ?(?P<u>cm|mm) (?:apart |long |away )?on the "
                     rf"(?:map|plan|drawing)")
_REAL_UNIT = re.compile(r"\bin (?P<to>km|kilomet(?:re|er)s|m|met(?:re|er)s|cm)\?$", re.I)


def map_scale(p: Problem) -> Plan | None:
    """'A map has a scale of 1:50,000. Two towns are 7 cm apart on the map. How far apart are they in real life, in
    km?' -> 7 x 50,000 cm in real life, then cm to m, then m to km (the units the question asks for)."""
    scale, on_map, to = p.search(_SCALE), p.search(_ON_MAP), _REAL_UNIT.search(p.question)
    if not scale or not on_map or not to or not p.asks(r"\b(real|actual)\b"):
        return None
    b = Builder(p, "conversion")
    b.given(scale, "one", "")
    if on_map.group("pair"):
        b.given(on_map, "pair", "")
    unit, wanted = on_map.group("u"), unit_name(to.group("to"))
    value = b.step("*", [b.given(on_map, "d", unit), b.given(scale, "n", "")], unit,
                   f"How many {unit} in real life is {on_map.group('d')} {unit} on the map, at 1:{scale.group('n')}?")
    for big, small in (("cm", "mm"), ("m", "cm"), ("km", "m")):
        if unit == wanted:
            break
        if unit == small:
            factor = unit_factor(big, small)
            per = b.fact(factor, f"{small} per {big}", f"{factor} {small} in 1 {big}")
            value, unit = b.step("/", [value, per], big, f"How many {big} is that?", kind="convert"), big
    return b.finish() if unit == wanted else None


def conversion(p: Problem) -> Plan | None:
    """'3 hours is how many minutes?' -> 3 x 60; '150 cm in m' divides; '2 hours 15 minutes' adds the rest."""
    q = p.match_question(re.compile(rf"how many {_w('to')}\b", re.I))
    measures = list(p.finditer(_MEASURE, "all"))
    if not q or not measures or len(measures) > 2 or re.search(r"\b(each|per|times|more|left|than)\b", p.t, re.I):
        return None
    to = q.group("to")
    first = measures[0]
    b = Builder(p, "conversion")
    factor = unit_factor(first.group("u"), to)
    if factor:
        f = b.fact(factor, f"{to} per {unit_name(first.group('u'))}",
                   f"{factor} {to} in 1 {unit_name(first.group('u'))}")
        value = b.step("*", [b.given(first, "a", first.group("u")), f], to,
                       f"With {factor} {to} in 1 {unit_name(first.group('u'))}, how many {to} are in "
                       f"{first.group('a')} {first.group('u')}?", kind="convert")
    elif unit_factor(to, first.group("u")) and len(measures) == 1:
        factor = unit_factor(to, first.group("u"))
        f = b.fact(factor, f"{first.group('u')} per {unit_name(to)}",
                   f"{factor} {first.group('u')} in 1 {unit_name(to)}")
        value = b.step("/", [b.given(first, "a", first.group("u")), f], to,
                       f"With {factor} {first.group('u')} in 1 {unit_name(to)}, how many {to} are "
                       f"{first.group('a')} {first.group('u')}?", kind="convert")
    else:
        return None
    if len(measures) == 2:
        rest = measures[1]
        if not same_word(rest.group("u"), to) or p.t[first.end():rest.start()].strip(" ,") not in ("", "and"):
            return None   # '2 hours 15 minutes' is one measure; '3 liters ... Tom drinks 400 ml' is two amounts
        b.step("+", [value, b.given(rest, "a", to)], to, f"With the other {rest.group('a')} {to}, how many {to} "
                                                         f"is that in all?")
    return b.finish()
