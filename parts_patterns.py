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

from math_patterns import PERCENT_DOWN, PERCENT_UP
from wordproblem import (MOVES_IN, NUM, SENTENCE, Builder, Plan, Problem, Ref, fmt, mentions, same_word, stem,
                         whole_count)

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


def ratio_whole(p: Problem) -> Plan | None:
    """'Red and blue beads are in the ratio 2:7. There are 14 red beads. How many beads are there altogether?' ->
    14 / 2 = 7 beads in 1 part, 2 + 7 = 9 parts, then 9 parts are 63 beads."""
    said = next((m for rx in _RATIO_SAID for m in [p.search(rx)] if m), None)
    asked = p.match_question(re.compile(r"how many (?P<noun>[a-z]+)\b", re.I))
    if not said or not asked or not p.asks(_TOTAL_WORDS) or p.asks(r"\b(?:more|fewer|less|than|difference)\b"):
        return None
    x, y = _key(said.group("x"), said.group("y"))
    noun = asked.group("noun")
    shared = singular(said.group("y").split()[-1]) if y != singular(said.group("y").split()[-1]) else ""
    rest = [s for s in p.numbers if s not in (said.span("r1"), said.span("r2"))]
    if x == y or _names(p.question, x) or _names(p.question, y) or len(rest) != 1 \
            or singular(noun) not in _GROUPS | {shared} - {""}:
        return None   # the total counts both kinds: their shared noun or a group of them ('students')
    count = _COUNTED.match(p.t, rest[0][0])
    counted = [k for k in (x, y) if _names(p.t[count.end("a"):count.end("a") + 30].split(".")[0], k)]
    if len(counted) != 1:
        return None
    b = Builder(p, "ratio")
    rx, ry = b.given(said, "r1", f"parts {x}"), b.given(said, "r2", f"parts {y}")
    have = rx if counted[0] == x else ry
    words = p.t[count.end("a"):].split()
    kind = next(i for i, w in enumerate(words) if singular(w.lower().strip(".,")) == counted[0])
    kind += kind + 1 < len(words) and singular(words[kind + 1].lower().strip(".,")) == shared
    shown = " ".join([count.group("a")] + words[:kind + 1]).strip(".,")   # '14 red beads', '12 boys'
    per = b.step("/", [b.given(count, "a", noun), have], f"{noun} per part",
                 f"If the {shown} are {fmt(b.value(have))} parts, how many {noun} are in 1 part?")
    parts = b.step("+", [rx, ry], "parts", f"How many parts are there in {said.group('r1')} to {said.group('r2')}?")
    b.step("*", [per, parts], noun, f"How many {noun} are {fmt(b.value(parts))} parts?")
    whole_count(b.steps[-1].value)
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
    cap, q = p.search(_CAPACITY), p.match_question(_ROOM_LEFT) or p.match_question(_NOT_DONE)
    if not cap or not q or len(p.numbers) != 2 or re.search(_NOT_TAKEN, p.body, re.I):
        return None
    c = next(g for g in ("c", "c_", "c__") if cap.group(g))
    slot = cap.group("slot") or cap.group("slot_") or ""
    who = cap.group("who") or cap.group("who_") or ""
    said = q.groupdict()
    if not (said["asked"] and slot and singular(said["asked"]) == singular(slot)) and \
            not (said.get("who") and who and singular(said["who"]) == singular(who)):
        return None
    taken = [m for m in _OCCUPIED.finditer(p.body) if m.span("o") != cap.span(c)]
    if len(taken) != 1 or said.get("done") and not re.search(rf"\b{said['done']}\b", p.body[taken[0].end():]):
        return None   # 'How many rooms are not booked?' asks about the booking the taking clause names
    b = Builder(p, "capacity_left")
    counted, o = said["asked"] or said["who"], taken[0].group("o")
    question = f"Of the {cap.group(c)} {counted}, {o} are taken: how many are not?" if said["asked"] else \
        f"There is room for {cap.group(c)} {counted} and {o} are already there: how many more fit?"
    b.step("-", [b.given(cap, c, counted), b.given(taken[0], "o", counted)], counted, question)
    whole_count(b.steps[-1].value)
    return b.finish()


# ----------------------------------------------------------------------------- room left in equal groups of places

_EACH = r"(?: (?:in|on|at|for) each (?P<grp2>[a-z]+)| each)"
# Equal groups of places, said either way: '30 rows with 22 seats in each row', '6 buses with 45 seats each', '3 decks
# that hold 120 passengers each', '7 tables and 4 chairs at each table', '18 rows of 35 seats'; or in two sentences,
# '4 floors. Each floor has 65 spaces.'
_GROUPS_OF = (re.compile(rf"\b(?P<g>\d+) (?P<grp>[a-z]+) (?:with|holding|and|that (?:hold|have|seat|fit)) (?P<e>\d+) "
                         rf"(?P<slot>[a-z]+){_EACH}\b"),
              re.compile(r"\b(?P<g>\d+) (?P<grp>[a-z]+) of (?P<e>\d+) (?P<slot>[a-z]+)\b(?! of\b)"),
              re.compile(r"\b(?P<g>\d+) (?P<grp>[a-z]+)\. Each (?P<grp2>[a-z]+) (?:has|holds|seats|fits|can "
                         r"(?:hold|seat|take|fit|carry)) (?:up to )?(?P<e>\d+) (?P<slot>[a-z]+)\b"))
# 'How many rooms are not booked?': the places the taking clause ('175 rooms are booked') leaves.
_NOT_DONE = re.compile(r"how many (?P<asked>[a-z]+) (?:are|were|is|was) (?:still )?not (?P<done>[a-z]+)\b", re.I)


def groups_room_left(p: Problem) -> Plan | None:
    """The places not taken in equal groups of places: the groups times the places in each, less the one other number
    of the story, the places taken ('548 seats are taken', '187 cars are parked', '296 passengers are on board'); the
    question asks for the empty, free or not-taken ones, or how many more can get in. A number of the groups
    themselves ('5 rows are closed') or any word of leaving or comparing abstains. People who each take a place
    ('389 tickets were sold'), or a capacity from a longer story, are chain_patterns.places_left's."""
    found = [m for rx in _GROUPS_OF for m in [p.search(rx)] if m]
    q = p.match_question(_ROOM_LEFT) or p.match_question(_NOT_DONE)
    if len(found) != 1 or not q or len(p.numbers) != 3:
        return None
    groups = found[0]
    if groups.groupdict().get("grp2") and singular(groups.group("grp2")) != singular(groups.group("grp")):
        return None
    rest = p.body[:groups.start()] + p.body[groups.end():]
    taken = [m for m in _OCCUPIED.finditer(p.body) if m.start() >= groups.end() or m.end() <= groups.start()]
    if len(taken) != 1 or re.search(_NOT_TAKEN, rest, re.I):
        return None
    o = taken[0]
    noun = re.match(r" (?:of (?:the|them) )?([a-z]+)", p.body[o.end():])
    sentence = next((m.group() for m in re.finditer(SENTENCE, p.body) if m.start() <= o.start() < m.end()), "")
    said = q.groupdict()
    slot, grp, counted = groups.group("slot"), groups.group("grp"), said.get("asked") or said.get("who")
    if not noun or same_word(noun.group(1), grp) or not same_word(counted, slot) and not (
            said.get("who") and same_word(counted, noun.group(1))):
        return None
    if said.get("done") and not re.search(rf"\b{q.group('done')}\b", sentence, re.I):
        return None   # 'not booked' asks about the booking the taking clause names
    b = Builder(p, "capacity_left")
    places = b.step("*", [b.given(groups, "g", grp), b.given(groups, "e", f"{slot} per {singular(grp)}")], slot,
                    f"How many {slot} are in {groups.group('g')} {grp} of {groups.group('e')}?")
    total = fmt(b.value(places))
    question = f"Of the {total} {slot}, {o.group('o')} are taken: how many are not?" if said.get("asked") else \
        f"There is room for {total} {counted} and {o.group('o')} are already there: how many more fit?"
    b.step("-", [places, b.given(o, "o", counted)], counted, question)
    whole_count(b.steps[-1].value)
    return b.finish()


# ----------------------------------------------------------------------------- a ratio with how many more of one kind

_MORE_OF = re.compile(rf"\b(?P<d>\d+) more (?P<big>{_THING}) than (?P<small>{_THING})\b|\b(?P<big_>{_THING}) "
                      rf"(?:has|have|had) (?P<d_>\d+) more (?:[a-z]+ )?than (?P<small_>{_THING})\b")


def ratio_difference(p: Problem) -> Plan | None:
    """'The ratio of boys to girls is 3:5. There are 12 more girls than boys. How many boys are there?' -> 5 - 3 = 2
    parts are the 12 more, 12 / 2 = 6 in 1 part, then 3 parts are 18 boys (or 3 + 5 parts, asked altogether). The
    kind said to have more must be the one with more parts."""
    said, more = next((m for rx in _RATIO_SAID for m in [p.search(rx)] if m), None), p.search(_MORE_OF)
    if not said or not more or len(p.numbers) != 3 or not p.asks(r"^how many\b") \
            or p.asks(r"\b(?:more|fewer|less|than|difference)\b"):
        return None
    x, y = _key(said.group("x"), said.group("y"))
    d = "d" if more.group("d") else "d_"
    big, small = more.group("big") or more.group("big_"), more.group("small") or more.group("small_")
    big_key = [k for k in (x, y) if _names(big, k)]
    small_key = [k for k in (x, y) if _names(small, k)]
    if x == y or big_key == small_key or len(big_key) != 1 or len(small_key) != 1:
        return None
    asked = [k for k in (x, y) if _names(p.question, k)]
    altogether = p.asks(rf"{_TOTAL_WORDS}") and not asked
    if len(asked) != 1 and not altogether:
        return None
    b = Builder(p, "ratio")
    rx, ry = b.given(said, "r1", f"parts {x}"), b.given(said, "r2", f"parts {y}")
    more_parts, fewer_parts = (rx, ry) if big_key[0] == x else (ry, rx)
    if b.value(more_parts) <= b.value(fewer_parts):
        return None   # 'more girls' of a ratio that gives the girls fewer parts: misread
    gap = b.step("-", [more_parts, fewer_parts], "parts",
                 f"In {said.group('r1')} to {said.group('r2')}, how many more parts are {big} than {small}?")
    per = b.step("/", [b.given(more, d, big), gap], "per part",
                 f"If those {fmt(b.value(gap))} parts are the {more.group(d)} more, how many is 1 part?",
                 kind="ratio_total")
    whole_count(b.value(per))
    if altogether:
        parts = b.step("+", [rx, ry], "parts", f"How many parts are there in {said.group('r1')} to "
                                               f"{said.group('r2')}?")
        b.step("*", [per, parts], "", f"How many are {fmt(b.value(parts))} parts in all?")
    else:
        want = rx if asked[0] == x else ry
        named = said.group("x") if want == rx else said.group("y")
        b.step("*", [per, want], named, f"How many {named} are {fmt(b.value(want))} parts?")
    return b.finish()


# ----------------------------------------------------------------------------- a percent of a percent of a whole

_WHOLE_COUNT = re.compile(r"(?P<n>\d+) (?P<noun>[a-z]+)\b")
_PERCENT_OF = re.compile(r"(?P<r>\d+(?:\.\d+)?%)")
# the second percent is of the first part, said so: '25% of the walkers', 'Of those who play a sport, 40% ...'
_OF_THOSE = re.compile(r"^(?:[Oo]f (?:those|these|them)\b[^.?!,]*, \d|\d+(?:\.\d+)?% of (?:those|these|the "
                       r"(?P<part>[a-z]+))\b)")
_STOP = {"how", "many", "do", "does", "did", "are", "is", "were", "was", "the", "a", "an", "of", "to", "there", "in",
         "them", "those", "these", "who", "that"}


def _content(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z]+", text.lower())} - {stem(w) for w in _STOP}


def percent_of_part(p: Problem) -> Plan | None:
    """'There are 400 students. 60% of them walk to school. 25% of the walkers walk with a parent. How many students
    walk with a parent?' -> 60% of 400, then 25% of those 240. The second percent names the first part ('of the
    walkers', 'Of those who ...'), and the question asks for what only the second sentence says."""
    sentences = [p.t[s:e] for s, e in p.statements()]
    if len(p.numbers) != 3 or len(sentences) not in (2, 3) or not p.asks(r"^how many\b") \
            or p.asks(r"\b(?:not|n't|rest|other|others|more|fewer|left)\b"):
        return None
    whole = _WHOLE_COUNT.search(p.t, 0, p.q)
    rates = list(p.finditer(_PERCENT_OF))
    if not whole or len(rates) != 2 or whole.start() > rates[0].start():
        return None
    second = next((s for s in sentences if rates[1].group() in s and s.strip()), "")
    start = p.t.index(second) if second else -1
    first_text = p.t[:start]
    tied = _OF_THOSE.match(second.strip())
    if not second or rates[0].start() >= start or not tied \
            or tied.group("part") and singular(tied.group("part")) == singular(whole.group("noun")):
        return None   # '25% of the students' is of the whole again, not of the first part
    asked = _content(p.question) - {singular(whole.group("noun")), stem(whole.group("noun"))}
    if not asked or not asked <= _content(second) or asked <= _content(first_text):
        return None
    b = Builder(p, "percent")
    noun = whole.group("noun")
    part = b.step("*", [b.given(whole, "n", noun), b.given(rates[0], "r", "percent")], noun,
                  f"How many {noun} are {rates[0].group('r')} of {whole.group('n')}?", kind="percent")
    whole_count(b.value(part))
    b.step("*", [part, b.given(rates[1], "r", "percent")], noun,
           f"How many are {rates[1].group('r')} of those {fmt(b.value(part))}?", kind="percent")
    whole_count(b.steps[-1].value)
    return b.finish()


# ----------------------------------------------------------------------------- one percent change after another

# the second change is of the changed amount, said so ('then', 'a further 10%', 'on the new price', 'the next year')
_THEN = r"\b(?:then|further|new price|sale price|next (?:year|month|week|day)|after that|" \
        r"the following (?:year|month))\b"
_PAYER = r"(?:i|you|u|we|he|she|they|[A-Z][a-z]+)"
_FINAL_ASKED = r"(?:what is the (?:final|new|total) (?:price|cost)|how much does (?:it|the [a-z]+) cost (?:now|with " \
               rf"(?:the )?(?:tax|tip)|in all|in total|altogether)|how much (?:do|does|did|will|would) {_PAYER} " \
               r"(?:pay|spend)|" \
               rf"what (?:do|does|did|will|would) {_PAYER} pay|what is the " \
               r"(?P<noun>[a-z]+) after (?P<n>2) (?:years|months|weeks|days))\b"
_BASE = re.compile(rf"(?P<a>{NUM})(?: (?P<i>[a-z]+))?")


# a tax or a tip raises the price it is added to: "a 10% tax is added", "adds a 5% tip"
ADDED_ON = r"(?:tax|tip) is added|adds? (?:a |an )?\d+(?:\.\d+)?% (?:tax|tip)"
# a tax or tip said at all ('Sales tax is 8% of the sale price', '20% tax on top'): what is paid goes up by it, and
# it is charged on the price paid, so after a discount it is of the discounted price ('then' or not)
_TAX = r"\b(?:tax|tip)\b"


def percent_twice(p: Problem) -> Plan | None:
    """'A jacket costs $80. It is reduced by 25%, and then the sale price is reduced by a further 10%. What is the
    final price?' -> 25% of $80 off gives $60, then 10% of that $60 off gives $54: the second percent is of the
    changed amount (never 35% of $80). Each percent has one direction in its own clause (a second 'and by 10%' keeps
    the first's), and the second is said to come after the first."""
    asked = p.match_question(re.compile(_FINAL_ASKED, re.I))
    rates = list(p.finditer(_PERCENT_OF))
    base = [m for m in p.finditer(_BASE) if not m.group("a").endswith("%")]
    if not asked or len(rates) != 2 or len(base) != 1 or len(p.numbers) != 3 + bool(asked.group("n")) \
            or base[0].start() > rates[0].start():
        return None
    # the first clause runs to the first break after its percent ('25% off, then ...'), the second from there
    cut = re.compile(r"[,.;]|\band\b|\bthen\b").search(p.t, rates[0].end(), rates[1].start())
    if not cut:
        return None
    clauses = [p.t[base[0].end():cut.start()], p.t[cut.start():p.q]]
    ways = []
    for clause in clauses:
        clause = re.sub(r"\bsale price\b", "price", clause)   # the amount's name, not a cut: "a tax on the sale price"
        up = re.search(rf"\b(?:{PERCENT_UP}|marks? up|{ADDED_ON})\b|{_TAX}", clause)
        down = re.search(rf"\b(?:{PERCENT_DOWN})\b", clause)
        if up and down:
            return None
        ways.append("+" if up else "-" if down else None)
    if ways[1] is None and re.match(r"\s*and by \d", clauses[1]):
        ways[1] = ways[0]
    if ways[0] is None:   # 'marks up a $50 toy by 20%': the verb before the amount
        before = p.t[:base[0].start()]
        ways[0] = "+" if re.search(r"\bmarks? up\b", before) else "-" if re.search(r"\breduces?\b", before) else None
    taxed = ways == ["-", "+"] and re.search(_TAX, clauses[1]) is not None
    if None in ways or not (taxed or re.search(_THEN, clauses[1])):
        return None
    b = Builder(p, "percent")
    money = base[0].group("a").startswith("$") or base[0].group("i") in ("dollars", "dollar")
    unit = "dollars" if money else base[0].group("i") or ""
    if asked.group("n"):
        b.label(asked, "n")   # 'after 2 years': the two changes, one a year
    dollars_said = money and not base[0].group("a").startswith("$")   # '75 dollars' is said with its word
    amount, said = b.given(base[0], "a", unit), base[0].group(0 if dollars_said else "a")
    for rate, way in zip(rates, ways):
        r = rate.group("r")
        part = b.step("*", [amount, b.given(rate, "r", "percent")], unit, f"How much is {r} of {said}?",
                      kind="percent_again" if b.steps else "percent")
        amount = b.step(way, [amount, part], unit, f"What is {said} after {'adding' if way == '+' else 'taking'} "
                                                   f"{r} {'to it' if way == '+' else 'off'}?", kind="percent_apply")
        said = f"${fmt(b.value(amount))}" if money else fmt(b.value(amount))
        if not money:
            whole_count(b.value(amount))   # people and things come out whole
    return b.finish()


# 'Share $45 in the ratio 2:3', 'Divide 60 sweets in a ratio of 1 to 4', 'split 84 in the ratio 5 : 2': an amount
# shared into unnamed parts, asked by its larger or smaller share.
_SHARE_IN_RATIO = re.compile(rf"\b(?:[Ss]hare|[Dd]ivide|[Ss]plit)s? (?P<a>{NUM})(?: [a-z]+)? (?:[a-z]+ [a-z]+ )?in "
                             rf"(?:(?:the|a) )?ratio(?: of)? (?P<r1>\d+) ?(?::|to) ?(?P<r2>\d+)\b")


_NAMED_SHARE_Q = r"^how much (?:money )?(?:does|did|will|would) [A-Z][a-z]+ (?:get|receive|have)\b"


def _named_share(p: Problem, m: re.Match) -> tuple[bool, str] | None:
    """Whether the one person the question names ('How much does Ben get?') holds the larger share, and the name: the
    two names said as 'Sara and Ben' take the ratio's numbers in that order; None when the question names neither."""
    pair = re.search(r"\b(?P<x>[A-Z][a-z]+) and (?P<y>[A-Z][a-z]+)\b", p.t[:m.end()])
    asked = [w for w in ("x", "y") if pair and re.search(rf"\b{pair.group(w)}\b", p.question)] if pair else []
    if len(asked) != 1 or not p.asks(_NAMED_SHARE_Q):
        return None
    mine, other = (m.group("r1"), m.group("r2")) if asked[0] == "x" else (m.group("r2"), m.group("r1"))
    return int(mine) > int(other), pair.group(asked[0])


def ratio_share(p: Problem) -> Plan | None:
    """An amount shared in a ratio, asked 'How much is the larger share?': the parts, one part, then the larger (or
    smaller) number of parts."""
    m = p.search(_SHARE_IN_RATIO, "all")
    big, small = p.asks(r"\b(?:larger|largest|bigger|biggest|greater|greatest)\b"), p.asks(r"\b(?:smaller|smallest)\b")
    named = _named_share(p, m) if m and big == small else None
    if named is not None:   # 'Sara and Ben share $56 in the ratio 3:5. How much does Ben get?': Ben's 5 parts
        big, small = named[0], not named[0]
    if not m or big == small or m.group("r1") == m.group("r2"):
        return None
    b = Builder(p, "ratio")
    r1, r2 = b.given(m, "r1", "parts"), b.given(m, "r2", "parts")
    parts = b.step("+", [r1, r2], "parts", f"How many parts are there in {m.group('r1')}:{m.group('r2')}?")
    per = b.step("/", [b.given(m, "a", ""), parts], "per part", f"If {m.group('a')} is shared into "
                 f"{fmt(b.value(parts))} equal parts, how much is 1 part?", kind="ratio_total")
    want = max((r1, r2), key=b.value) if big else min((r1, r2), key=b.value)
    count = f"{fmt(b.value(want))} part{'' if b.value(want) == 1 else 's'}"
    whose = f"{named[1]}'s" if named else f"The {'larger' if big else 'smaller'}"
    b.step("*", [per, want], "", f"{whose} share is {count}: how much is that?")
    if not m.group("a").startswith("$"):
        whole_count(b.steps[-1].value)
    return b.finish()


# One number as a percent of another, said with bare numbers: 'What percent of 40 is 10?', '10 is what percent of
# 40?', 'What percent is 18 out of 24?', '18 out of 24 as a percent'.
_PERCENT_IS_OF = [re.compile(rf"\b[Ww]hat percent of (?P<m>{NUM})(?: [a-z]+)? is (?P<n>{NUM})\b"),
                  re.compile(rf"(?P<n>{NUM})(?: [a-z]+)? is what percent of (?P<m>{NUM})\b"),
                  re.compile(rf"\b[Ww]hat percent is (?P<n>{NUM}) (?:out )?of (?P<m>{NUM})\b"),
                  re.compile(rf"(?P<n>{NUM}) out of (?P<m>{NUM})(?: [a-z]+)?,? (?:is what percent|as a percent)\b")]


def percent_is_of(p: Problem) -> Plan | None:
    """What percent one bare number is of another: the fraction n/m, then that fraction in hundredths."""
    m = next((s for rx in _PERCENT_IS_OF for s in [p.search(rx, "all")] if s), None)
    if not m or "%" in m.group() or "$" in m.group("n") + m.group("m"):
        return None
    b = Builder(p, "percent")
    share = b.step("/", [b.given(m, "n", ""), b.given(m, "m", "")], "", f"What fraction of {m.group('m')} is "
                                                                       f"{m.group('n')}?")
    b.step("*", [share, b.fact(100, "percent", "100%")], "percent", f"How many hundredths is that fraction: what "
                                                                    f"percent?")
    return b.finish()


# 'There are 24 students in a class. 8 walk to school. How many do not walk?': the whole less the part that does.
_DOES_NOT = re.compile(r"how many(?: (?P<noun>[a-z]+))? (?:do|does|did) not (?P<verb>[a-z]+)|how many(?: (?P<noun_>"
                       r"[a-z]+))? (?:don't|doesn't|didn't) (?P<verb_>[a-z]+)", re.I)


def not_part(p: Problem) -> Plan | None:
    """A whole count, a part said with its verb, and the question for those that do not: whole - part."""
    asked = p.match_question(_DOES_NOT)
    if not asked or len(p.numbers) != 2 or any(s[0] >= p.q for s in p.numbers):
        return None
    verb, noun = asked.group("verb") or asked.group("verb_"), asked.group("noun") or asked.group("noun_")
    whole = re.compile(rf"(?P<a>{NUM}) (?P<noun>[a-z]+)").match(p.t, p.numbers[0][0])
    part = re.compile(rf"(?P<a>{NUM}) (?:of them |of the [a-z]+ )?(?P<verb>[a-z]+)\b").match(p.t, p.numbers[1][0])
    if not whole or not part or not same_word(part.group("verb"), verb) or \
            noun and not same_word(noun, whole.group("noun")):
        return None
    b = Builder(p, "part_whole")
    rest = b.step("-", [b.given(whole, "a", whole.group("noun")), b.given(part, "a", whole.group("noun"))],
                  whole.group("noun"), f"Of the {whole.group()}, {re.match(r'[^.?!,]*', p.t[part.start():]).group()}: "
                                       f"how many do not?")
    whole_count(b.value(rest))
    return b.finish()


# 'There are 36 eggs. 5 eggs cracked. How many eggs were OK?': a whole, then a part of it said in a state of its own
# (a verb with no object, 'broke', 'cracked'; or a state, 'are dead', 'were rotten and thrown out'), and a question
# for the others: those 'not' in it, or the ones still good, left, working. The state is never a coming in ('5 were
# born', '3 more arrived'), and a question that names the state itself asks for the part, not the rest.
_IN_STATE = re.compile(rf"(?P<a>{NUM})(?: (?P<noun>[a-z]+)| of them| of the (?P<noun_>[a-z]+))? (?:(?:are|were|is|was|"
                       rf"got) )?(?P<w>[a-z]+)(?: and (?:(?:are|were|got) )?(?P<w2>[a-z]+))?(?: (?:out|away|off|up))?"
                       rf"[.!] ")
_THE_REST = re.compile(r"how many\b(?=[^?]*\b(?:not|n't|left|remain\w*|still|good|ok|okay|fine|whole|work|works|"
                       r"working|usable|unbroken|safe)\b)", re.I)
_COMING = re.compile(rf"^(?:{MOVES_IN}|born|more|new|extra|added|bought|brought|delivered|made|each|per|of|in|on|at|to|"
                     rf"for|with|from|and|than|times|[a-z]+ly)$")


def state_part(p: Problem) -> Plan | None:
    """The whole less the part said in a state the question's ones are not in."""
    starts = p.statements()
    if len(p.numbers) != 2 or len(starts) != 2 or not p.match_question(_THE_REST):
        return None
    whole = re.compile(rf"(?P<a>{NUM}) (?P<noun>[a-z]+)").search(p.t, *starts[0])
    part = _IN_STATE.match(p.t, p.numbers[1][0])
    if not whole or whole.span("a") != p.numbers[0] or not part or part.start() != starts[1][0] + \
            len(p.t[slice(*starts[1])]) - len(p.t[slice(*starts[1])].lstrip()) or part.end() < starts[1][1]:
        return None
    noun, states = part.group("noun") or part.group("noun_"), [w for w in part.group("w", "w2") if w]
    counted = mentions(p.question, whole.group("noun")) or \
        re.match(r"how many (?:are|were|is|was|do|does|did|can|will)\b", p.question, re.I)
    said_again = [w for w in states if re.search(rf"(?<!not )\b{stem(w)}", p.question, re.I)]
    if any(_COMING.match(w) for w in states) or said_again or not counted or \
            (noun and not same_word(noun, whole.group("noun"))):
        return None
    b = Builder(p, "part_whole")
    said = p.t[part.start():part.end()].strip(" .!")
    rest = b.step("-", [b.given(whole, "a", whole.group("noun")), b.given(part, "a", whole.group("noun"))],
                  whole.group("noun"), f"Of the {whole.group()}, {said}: how many are not?")
    whole_count(b.value(rest))
    return b.finish()


# A scale said with its units ('a scale of 1 cm to 5 km', '1 cm represents 20 m', '1 cm : 5 km') or as a ratio for a
# model ('built at a scale of 1:20'), and one length on the map, plan or model: the real length is that many times
# the scale's real length (or the ratio's times), in the scale's real unit.
_UNIT_SCALE = re.compile(rf"\b(?:scale (?:is |of )?)?(?P<one>1) ?(?P<u>cm|mm|inch|in) (?:to|represents|stands for|:|=) "
                         rf"(?P<k>{NUM}) ?(?P<real>km|m|cm|miles?|feet|ft|metres?|meters?|kilometres?|kilometers?)\b")
_RATIO_SCALE = re.compile(rf"\bscale (?:is |of )?(?P<one>1) ?: ?(?P<k>{NUM})\b")
_DRAWN = re.compile(rf"(?:\b(?P<pair>2) [a-z]+ (?:are|is|were) )?(?P<d>{NUM}) ?(?P<u>cm|mm|inch|inches|in) "
                    rf"(?:apart |long |wide |tall |high |away )?(?:on the (?:map|plan|drawing|model)|in the "
                    rf"(?:drawing|plan))|\b(?:model|drawing|plan)(?: [a-z]+)? is (?P<d_>{NUM}) ?(?P<u_>cm|mm|inches|"
                    rf"in) (?:long|wide|tall|high)\b")


def scale_length(p: Problem) -> Plan | None:
    """A real length from a drawn one and a scale: drawn length x the scale's real length per unit drawn."""
    said, ratio, drawn = p.search(_UNIT_SCALE), p.search(_RATIO_SCALE), p.search(_DRAWN)
    scale = said or ratio
    if not scale or not drawn or not p.asks(r"\b(?:real|really|actual|actually|in real life)\b"):
        return None
    d, unit = ("d", drawn.group("u")) if drawn.group("d") else ("d_", drawn.group("u_"))
    if said and not same_word(said.group("u"), unit) and not (said.group("u") == "in" and unit == "inches"):
        return None   # 1 cm on the scale, a length drawn in mm: a conversion first
    real = said.group("real") if said else unit
    asked = re.search(r"\bin ([a-z]+)\?", p.question)
    if asked and not same_word(asked.group(1), real):
        return None   # an answer asked in another unit than the scale gives
    b = Builder(p, "ratio")
    b.given(scale, "one", "")
    if drawn.group("pair"):
        b.given(drawn, "pair", "")
    b.step("*", [b.given(drawn, d, unit), b.given(scale, "k", real)], real, f"Each 1 {unit} drawn is {scale.group('k')}"
           f" {real if said else unit} in real life: how long is {drawn.group(d)} {unit} in real life?", kind="scale")
    return b.finish()
