"""The planner's readers of a whole in parts: one small function per structure, each placing every number or
abstaining.

- the fraction of a whole left after several takings: a whole of equal parts ('cut into 8 equal slices', 'has 12
  squares', 'divided into 10 equal parts'), then each taking by any verb of taking ('eats 3', 'gives 5 to her
  friend', 'uses 4 parts for a card'): the parts gone added, taken from the whole, then over the whole;
- a ratio said any way ('the ratio of cats to dogs is 5 to 2', 'mixed in the ratio 1 : 3', '3 roses for every 7
  tulips', 'For every 2 red marbles there are 5 blue marbles') with a total ('60 flowers altogether', 'The mixture
  weighs 800 g') or one part ('There are 12 dogs'): the parts added, one part, then the parts asked.
Apart from measure_patterns.py and math_patterns.py, whose readers know one wording each; a plan from both must
agree with theirs (solver.py abstains on two answers).
"""
from __future__ import annotations

import re

from wordproblem import NUM, Builder, Plan, Problem, Ref, fmt, same_word, stem, whole_count

# Plurals stem() does not know, so 'children' counts the 'child' of a ratio or a price.
IRREGULAR = {"children": "child", "people": "person", "men": "man", "women": "woman", "geese": "goose",
             "mice": "mouse", "teeth": "tooth", "feet": "foot"}


def singular(word: str) -> str:
    return IRREGULAR.get(word.lower(), stem(word))


# ----------------------------------------------------------------------------- the fraction left after takings

_WHOLE = re.compile(rf"\b(?:(?:is|was|are|were|has been|had been) (?:cut|divided|split|sliced|broken) into|(?:has|had|"
                    rf"contains|contained|is made of|was made of|holds|held)) (?P<n>\d+) (?:equal )?(?P<part>[a-z]+)")
_TAKE = r"eats?|ate|eaten|takes?|took|uses?|used|gives?|gave|sells?|sold|shades?|shaded|paints?|painted|" \
        r"colou?rs?|colou?red|drinks?|drank|has|had|gets?|got|keeps?|kept|cuts? off"
# a taking by its verb, or one more said after 'and' with its part ('uses 3 parts for a bow and 4 parts for a card')
_TAKING = re.compile(rf"\b(?:(?P<verb>{_TAKE})|and) (?P<k>\d+)(?: (?:of (?:the|them|those|its) )?(?P<part>[a-z]+))?")
_FRACTION_LEFT = re.compile(r"what fraction of (?:the |a |an |her |his |their |its )?(?P<whole>[a-z]+)\b[^?]*\b"
                            r"(?:left|remains?|remaining|is not|was not|were not|are not|has not been|had not been)\b",
                            re.I)


def fraction_left(p: Problem) -> Plan | None:
    """'A pie was cut into 6 equal pieces. Dad ate 1 piece and Mum ate 2 pieces. What fraction of the pie was not
    eaten?' -> 1 + 2 pieces gone, 6 - 3 left, then 3 of the 6 equal pieces is 1/2."""
    whole, asked = p.search(_WHOLE), p.match_question(_FRACTION_LEFT)
    if not whole or not asked or not re.search(rf"\b{asked.group('whole')}\b", p.body[:whole.start()]):
        return None   # the whole the question names is the one cut into parts ('A pie was cut', 'the pie')
    part = whole.group("part")
    takings = [t for t in p.finditer(_TAKING) if t.start() > whole.end() and (t.group("verb") or t.group("part"))]
    if len(takings) < 2 or len(p.numbers) != len(takings) + 1 \
            or any(t.group("part") and not same_word(t.group("part"), part) and t.group("part") not in _TO_WHOM
                   for t in takings):
        return None   # (one taking is fraction_of_parts'; a taking of other things is another story)
    negated = re.search(r"\bnot (?:been )?(?P<verb>[a-z]+)", p.question)
    if negated and any(_family(t.group("verb") or "") != _family(negated.group("verb")) for t in takings
                       if t.group("verb")):
        return None   # 'not eaten' counts only the parts eaten, never those given away
    b = Builder(p, "fraction")
    n = b.given(whole, "n", part)
    gone: Ref = b.given(takings[0], "k", part)
    for t in takings[1:]:
        gone = b.step("+", [gone, b.given(t, "k", part)], part,
                      f"How many of the {whole.group('n')} {part} are taken in all, {fmt(b.value(gone))} and then "
                      f"{t.group('k')} more?")
    if b.value(gone) > b.value(n):
        return None
    left = b.step("-", [n, gone], part, f"How many of the {whole.group('n')} {part} are left when "
                                        f"{fmt(b.value(gone))} are gone?")
    b.step("/", [left, n], "", f"What fraction of the {asked.group('whole')} is {fmt(b.value(left))} of the "
                               f"{whole.group('n')} equal {part}?", kind="of_equal_parts")
    return b.finish()


_TO_WHOM = {"to", "for", "on", "in", "with", "and"}   # 'gives 5 to her friend': the part noun is left out
_IRREGULAR_VERBS = {"ate": "eat", "eaten": "eat", "took": "take", "taken": "take", "gave": "give", "given": "give",
                    "sold": "sell", "drank": "drink", "drunk": "drink", "kept": "keep", "got": "get", "had": "have",
                    "has": "have"}


def _family(verb: str) -> str:
    """One verb in its forms: 'ate', 'eats', 'eaten' -> 'eat'; 'painted', 'paints' -> 'paint'."""
    verb = verb.lower()
    return _IRREGULAR_VERBS.get(verb) or re.sub(r"(?:e?s|e?d)$", "", verb)


# ----------------------------------------------------------------------------- a ratio said any way, with a total

_NOT_THING = r"(?!(?i:the|a|an|of|in|at|on|are|is|was|were|and|to|for|there|every|each)\b)"
_THING = rf"(?:{_NOT_THING}[A-Za-z]+ )?{_NOT_THING}[A-Za-z]+"   # 'roses', 'red marbles', 'Sugar'
_RATIO_SAID = [
    re.compile(rf"\bratio of (?:the )?(?P<x>{_THING}) to (?:the )?(?P<y>{_THING})\b[^.?!\d]*? (?:is|was|are|were) "
               rf"(?P<r1>\d+) ?(?::|to) ?(?P<r2>\d+)"),
    re.compile(rf"\b(?P<x>{_THING}) and (?P<y>{_THING}) (?:are |were )?(?:[a-z]+ )?in (?:the|a) ratio (?:of )?"
               rf"(?P<r1>\d+) ?(?::|to) ?(?P<r2>\d+)"),
    re.compile(rf"\b(?P<r1>\d+) (?P<x>{_THING}) (?:for|to) (?:every|each) (?P<r2>\d+) (?P<y>{_THING})\b"),
    re.compile(rf"\b[Ff]or (?:every|each) (?P<r2>\d+) (?P<y>{_THING})\b[^.?!\d]*?,? (?:there (?:are|is|were|was)|"
               rf"[a-z]+ (?:has|have|uses|use|needs|need)) (?P<r1>\d+) (?P<x>{_THING})\b")]
_TOTAL_WORDS = r"\b(?:in all|altogether|in total|total|together|combined|all|mixture|mix|share|shared|split|" \
               r"divided)\b"
# what a total may count besides the two kinds' own noun ('35 marbles' of red and blue marbles)
_GROUPS = {"pupil", "student", "child", "kid", "person", "animal", "pet", "flower", "plant", "member", "player",
           "worker", "people", "adult", "coin", "bead", "sweet", "fruit", "book", "car", "vehicle", "ball", "toy"}
_COUNTED = re.compile(rf"(?P<a>{NUM})(?: ?(?P<u>[a-z]+))?")


def _key(x: str, y: str) -> tuple[str, str]:
    """What tells the two kinds apart: 'red marbles' and 'blue marbles' (or 'red and green counters') by their first
    words, 'roses' and 'tulips' by their nouns."""
    xs, ys = x.lower().split(), y.lower().split()
    if singular(xs[-1]) == singular(ys[-1]) and len(xs) == len(ys) == 2 or len(xs) == 1 and len(ys) == 2:
        return xs[0], ys[0]   # ('Red and green counters': the noun said once, for both)
    return singular(xs[-1]), singular(ys[-1])


def _names(text: str, key: str) -> bool:
    return any(singular(w) == key for w in re.findall(r"[a-z]+", text.lower()))


def ratio_total(p: Problem) -> Plan | None:
    """'A garden has 3 roses for every 7 tulips. There are 60 flowers altogether. How many tulips are there?' ->
    3 + 7 = 10 parts, 60 / 10 = 6 flowers in 1 part, then 7 parts are 42 tulips."""
    said = next((m for rx in _RATIO_SAID for m in [p.search(rx)] if m), None)
    if not said or not p.asks(r"^how (?:many|much)\b") or p.asks(r"\b(?:more|fewer|less|than|difference)\b"):
        return None
    x, y = _key(said.group("x"), said.group("y"))
    asked = [k for k in (x, y) if _names(p.question, k)]
    rest = [s for s in p.numbers if s not in (said.span("r1"), said.span("r2"))]
    if x == y or len(asked) != 1 or len(rest) != 1:
        return None
    count = _COUNTED.match(p.t, rest[0][0])
    sentence = re.split(r"[.?!] ", p.t[:count.start()])[-1] + re.split(r"[.?!](?: |$)", p.t[count.start():])[0]
    unit = count.group("u") or ""
    shares_noun = y != singular(said.group("y").split()[-1])   # 'red marbles' and 'blue marbles': marbles
    groups = _GROUPS | ({singular(said.group("y").split()[-1])} if shares_noun else set())
    counted = [k for k in (x, y) if _names(p.t[count.end("a"):count.end("a") + 30].split(".")[0], k)]
    b = Builder(p, "ratio")
    rx, ry = b.given(said, "r1", f"parts {x}"), b.given(said, "r2", f"parts {y}")
    want = rx if asked[0] == x else ry
    if counted:   # one kind's count: its parts are that many
        have = rx if counted[0] == x else ry
        if have == want or len(counted) != 1:
            return None
        per = b.step("/", [b.given(count, "a", unit), have], f"{unit} per part",
                     f"If {count.group()} are {fmt(b.value(have))} parts, how many is 1 part?")
    else:
        if not re.search(_TOTAL_WORDS, sentence, re.I) and singular(unit) not in groups:
            return None   # a number of something else is no total of the two kinds
        parts = b.step("+", [rx, ry], "parts", f"How many parts are there in {said.group('r1')} to "
                                               f"{said.group('r2')}?")
        per = b.step("/", [b.given(count, "a", unit), parts], "per part",
                     f"If {count.group()} are shared into {fmt(b.value(parts))} equal parts, how much is 1 part?",
                     kind="ratio_total")
    named = said.group("x") if want == rx else said.group("y")
    in_question = re.search(rf"\b{re.escape(named)}\b", p.question, re.I)
    named = in_question.group() if in_question else named   # 'juice' as the question says it, not 'Juice'
    much, parts = p.asks(r"^how much"), f"{fmt(b.value(want))} part{'' if b.value(want) == 1 else 's'}"
    b.step("*", [per, want], named, f"How {'much' if much else 'many'} {named} {'is' if much else 'are'} {parts}?")
    if not count.group("a").startswith("$") and not p.t.startswith(" of", count.end()) \
            and not re.fullmatch(r"[a-z]{1,2}|grams?|kilograms?|litres?|liters?|millilitres?|milliliters?|"
                                 r"metres?|meters?|cups?", unit):
        whole_count(b.steps[-1].value)   # counts of things come out whole; measures may not
    return b.finish()


# ----------------------------------------------------------------------------- room left when some is taken

_SLOT = r"seats|spaces|places|slots|rooms|beds|spots|lockers|desks|tables|berths|cabins|pitches|stalls|chairs"
# 'A bus has 32 seats', 'a camp has places for 75 children', 'A lift can hold 12 people'
_CAPACITY = re.compile(rf"\b(?:has|have|had|with) (?P<c>\d+) (?P<slot>{_SLOT})\b|\b(?:has|have|had) (?P<slot_>{_SLOT}|"
                       rf"room|space) for (?P<c_>\d+) (?P<who_>[a-z]+)\b|\bcan (?:hold|seat|take|fit|carry) (?:up to )?"
                       rf"(?P<c__>\d+) (?P<who>[a-z]+)\b")
_OCCUPIED = re.compile(r"(?<![$\d./])\b(?P<o>\d+)\b(?![./%]\d)")
# 'How many seats are empty?', '... are still available?', 'How many more people can get in?'
_ROOM_LEFT = re.compile(rf"how many (?P<asked>{_SLOT}|places|spaces) (?:are|is) (?:still |now )?(?:empty|free|left|"
                        rf"available|open|unoccupied|vacant|unused|spare)\b|how many more (?P<who>[a-z]+) can "
                        rf"[a-z]+\b", re.I)
# words that make the second number something other than the places taken ('got off', '4 rows', 'per table')
_NOT_TAKEN = r"\b(?:off|leave|leaves|left|out|rows?|per|every|each(?! seat| room| bed| place)|times|more|fewer)\b"


def capacity_left(p: Problem) -> Plan | None:
    """The places not taken: a capacity ('has 32 seats', 'can hold 12 people') less the one other number of the
    story, the places taken ('19 people are on it'); the question asks for the empty, free or still available ones,
    or how many more can get in."""
    cap, q = p.search(_CAPACITY), p.match_question(_ROOM_LEFT)
    if not cap or not q or len(p.numbers) != 2 or re.search(_NOT_TAKEN, p.body, re.I):
        return None
    c = next(g for g in ("c", "c_", "c__") if cap.group(g))
    slot = cap.group("slot") or cap.group("slot_") or ""
    who = cap.group("who") or cap.group("who_") or ""
    if not (q.group("asked") and slot and singular(q.group("asked")) == singular(slot)) and \
            not (q.group("who") and who and singular(q.group("who")) == singular(who)):
        return None
    taken = [m for m in _OCCUPIED.finditer(p.body) if m.span("o") != cap.span(c)]
    if len(taken) != 1:
        return None
    b = Builder(p, "capacity_left")
    counted, o = q.group("asked") or q.group("who"), taken[0].group("o")
    question = f"Of the {cap.group(c)} {counted}, {o} are taken: how many are not?" if q.group("asked") else \
        f"There is room for {cap.group(c)} {counted} and {o} are already there: how many more fit?"
    b.step("-", [b.given(cap, c, counted), b.given(taken[0], "o", counted)], counted, question)
    whole_count(b.steps[-1].value)
    return b.finish()
