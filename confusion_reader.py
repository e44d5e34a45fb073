"""What a help request says confuses the student, read by the sentence's structure, and the answers to it that come
from the problem's own structure (issues #22, #26).

Readers called the tutor's replies to "do i times the top or the bottom by 5", "what does the x stand for", "i dont
get what the remainder means", "too many numbers", "which number goes first when i divide", "is it 3/4 of 32 or 32
divided by 3/4" and "why do i flip the fraction" no help: the problem was restated, or its numbers pasted into a
frame. `read` tells the kind of confusion apart by the shape of the sentence (two alternatives joined by "or", a
"what does X mean", a "why do I ...", a "which first", "too many numbers", "do I add ...") and the thing it is
about; each answer below meets one kind on one structure of the problem: a fraction of a unit for each thing
(its top counts pieces, its bottom names their size), a fraction "of" an amount (a part, so less than the amount),
a letter in an equation (one unknown number), a remainder (what it counts, and what the question does with it), an
amount cut or shared into parts (the amount goes first), a division by a fraction (counted in its parts), numbers
the plan (or the question's words) never use, a box's edges added (cubes in layers), one unit's worth on a scale
(more or less than it?) and a chance out of which whole. None states a step's result: the student does every step.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

import solver
from problem_text import given_numbers, problem_sentences, question_sentence, question_target, written_equation
from solver import Plan, fmt
from text_words import plural
from unplanned_help import equation_start, step_question


@dataclass(frozen=True)
class Confusion:
    """The kind of confusion a help request names ("either", "meaning", "why", "first", "numbers", "propose") and
    what it is about: the alternatives joined by "or", or the word asked about."""
    kind: str
    about: tuple[str, ...]


_EITHER = re.compile(r"\b(?:do|should|can|would|is|are|was|does) (?:i|we|you|it|this|that|they) (?P<a>[^?.!]{2,60}?)"
                     r"\s+or\s+(?P<b>[^?.!]{1,60})", re.I)
_MEANING = re.compile(r"\bwhat (?:does|do|is|are|'s|s) (?:the |a |an |this |that |my )?(?P<x>[\w ]{1,30}?) "
                      r"(?:even |actually |really )?(?:supposed to |meant to )?(?:be|mean|means|stand for|stands for|"
                      r"represent|for)\b|\b(?:don'?t|dont|do not) (?:get|understand|know) what (?:the |a |an )?"
                      r"(?P<y>[\w ]{1,30}?) (?:means|is|stands for|is for)\b|\bwhat (?:to|do i|should i) (?:make|call|"
                      r"let|use for) (?P<z>[a-z])\b|\bwhat (?:am|are|do|should|can|would) (?:i|we|u|you) "
                      r"(?:supposed to |meant to |even |have to |)do with (?:the |a |an |this |that |my )?"
                      r"(?P<w>[a-z]+)\b", re.I)
_WHY = re.compile(r"\bwhy (?:do|does|would|should|did|must|can|are|is)?\s*(?:i|we|you|they|it)?\s*(?P<x>[^?.!]{2,50})",
                  re.I)
_FIRST = re.compile(r"\bwhich (?:number|one|amount)s? (?:goes|go|comes|come|is|do i put|to put) first\b|"
                    r"\bwhat (?:number )?goes first\b", re.I)
_NUMBERS = re.compile(r"\b(?:too|so) many numbers\b|\bwhich numbers? (?:do|should|to|am i supposed to) (?:i )?use\b|"
                      r"\bwhat numbers? (?:do|should|to) (?:i )?use\b|\bwhich numbers? (?:matter|count)\b", re.I)
_PROPOSE = re.compile(r"\b(?:do|should|can) (?:i|we|u|you) (?:just )?(?P<op>add|multiply|times|divide|subtract|take "
                      r"away|minus|plus)\b", re.I)


def read(said: str) -> Confusion | None:
    """The confusion a help request names, by the shape of its sentence; None when it names none of these."""
    if m := _FIRST.search(said):
        return Confusion("first", (m.group(),))
    if m := _NUMBERS.search(said):
        return Confusion("numbers", (m.group(),))
    if m := _MEANING.search(said):
        return Confusion("meaning", ((m.group("x") or m.group("y") or m.group("z") or m.group("w")).strip().lower(),))
    if m := _WHY.search(said):
        return Confusion("why", (m.group("x").strip().lower(),))
    if m := _EITHER.search(said):
        return Confusion("either", (m.group("a").strip().lower(), m.group("b").strip().lower()))
    if m := _PROPOSE.search(said):
        return Confusion("propose", (m.group("op").lower(),))
    return None


def answer(problem: str, plan: Plan | None, done: list[int], said: str) -> tuple[str, str] | None:
    """(lead, question) meeting the confusion `said` names on this problem's structure, or None."""
    confusion = read(said)
    if confusion is None:
        return None
    for rule in (_fraction_parts, _part_or_divided, _letter, _remainder, _shared_first, _flip, _extra_numbers,
                 _measure_added, _scaled, _out_of_all):
        found = rule(problem, plan, done, said, confusion)
        if found:
            return found
    return None


_FRACTION = re.compile(r"(?<![\d/.])(\d+)/(\d+)(?![\d/])")
_PARTS = {2: "halves", 3: "thirds", 4: "quarters", 5: "fifths", 8: "eighths", 9: "ninths", 12: "twelfths"}


def parts_name(bottom: int) -> str:
    """The name of the pieces a bottom number makes: 3 -> "thirds", 4 -> "quarters", 7 -> "sevenths"."""
    return _PARTS.get(bottom, f"{bottom}ths")


def _one_fraction(problem: str) -> tuple[int, int, str] | None:
    """The problem's one fraction (top, bottom, the sentence that holds it); None with none or several."""
    found = {(int(t), int(b)) for t, b in _FRACTION.findall(problem)}
    if len(found) != 1:
        return None
    top, bottom = found.pop()
    sentence = next(s for s in problem_sentences(problem) if _FRACTION.search(s))
    return top, bottom, sentence


def _unit_after(sentence: str, fraction: str) -> str:
    """The unit a fraction is written with ("3/4 cup of sugar" -> "cup"); "" when a word like "of" follows."""
    m = re.search(rf"{re.escape(fraction)}\s+(?:of an? |an? )?([a-z]+)", sentence, re.I)
    word = m.group(1).lower() if m else ""
    return "" if word in {"of", "and", "or", "is", "are", "was", "were", "each", "for", "to", "as"} else word


def _whole_count(problem: str, said: str, top: int, bottom: int) -> tuple[Fraction, str] | None:
    """The whole number the fraction is taken with (the one the student names first, else the problem's one)."""
    counts = [(v, p) for v, p in given_numbers(problem) if v.denominator == 1 and v not in (top, bottom)
              and not p.startswith(f"{top}/")]
    named = [c for c in counts if c[0] in solver.numbers_in(said)]
    chosen = named or counts
    return chosen[0] if len(chosen) == 1 or named else None


def _fraction_parts(problem: str, plan: Plan | None, done: list[int], said: str, c: Confusion
                    ) -> tuple[str, str] | None:
    """"do I times the top or the bottom by 5?" of 3/4 cup for each loaf, 5 loaves: 5 lots of 3/4; the bottom names
    the pieces' size, the top counts them. Of "2/3 of the 36 cars": cut into 3 equal parts, take 2 of them."""
    fraction, whole = _one_fraction(problem), None
    named = [set(re.findall(r"(?<![\d/.])\d+(?![\d/.])", o)) for o in c.about] if c.kind == "either" else []
    parts = fraction is not None and len(named) == 2 and {frozenset(n) for n in named} == {
        frozenset({str(fraction[0])}), frozenset({str(fraction[1])})}   # "the 3 or the 4" of 3/4
    if not parts and not re.search(r"\b(?:tops?|bottoms?|numerators?|denominators?)\b", said) or re.search(
            r"\b(?:add|plus|adding|subtract|minus|take away)\b", said):
        return None
    if fraction is not None:
        whole = _whole_count(problem, said, fraction[0], fraction[1])
    if fraction is None or whole is None:
        return None
    top, bottom, sentence = fraction
    written, n = f"{top}/{bottom}", fmt(whole[0])
    if re.search(rf"{written}\s+of\b", sentence):
        return f"{written} of {whole[1]} means: cut the {whole[1]} into {bottom} equal parts, then take {top} of " \
               f"those parts. The bottom says how many parts, the top how many you take.", \
            f"How big is one of those {bottom} equal parts of {whole[1]}?"
    unit = _unit_after(sentence, written)
    if not unit and not re.search(r"[a-z]", whole[1]):   # "What is 2/3 × 6?": no unit, no things
        return f"{written} × {n} means {n} lots of {written}. The {bottom} on the bottom only names the size of the " \
               f"pieces ({parts_name(bottom)}); the {top} on top counts how many of those pieces there are.", \
            f"When you take {n} lots of them, which grows: how many pieces there are, or how big each piece is?"
    each = re.search(r"\b(?:each|per|every) ([a-z]+)", sentence, re.I) or re.search(r"\ba ([a-z]+)", sentence[
        sentence.find(written):], re.I)   # "Each scarf uses 2/3 yard", "3/4 cup for each loaf", "2/5 kg a cake"
    thing = each.group(1).lower() if each else _one_of(re.sub(r"^[\d.]+\s*", "", whole[1]))
    piece = f"{parts_name(bottom)} of a {unit}" if unit else parts_name(bottom)
    lots = f"{written} {unit}".strip()
    return f"It is {lots} for each {thing}, so {whole[1]} means {n} lots of {lots}. The {bottom} on the bottom only " \
           f"names the size of the pieces ({piece}); the {top} on top counts how many of those pieces one {thing} " \
           f"takes.", f"So which number counts the pieces you need {n} times over?"


def _part_or_divided(problem: str, plan: Plan | None, done: list[int], said: str, c: Confusion
                     ) -> tuple[str, str] | None:
    """"is it 3/4 of 32 or 32 divided by 3/4?" of "3/4 of them bring lunch": a fraction of an amount is a part of
    it, so less than it; dividing by a fraction below 1 gives more. Which of theirs that is, is left to them."""
    if c.kind != "either" or not any(re.search(r"\bof\b|\btimes\b|×|\bmultipl", o) for o in c.about) or not any(
            re.search(r"\bdivid\w*|÷|\bover\b|\d\s*/\s*\d+\s*/|\bby\b", o) for o in c.about):
        return None
    fraction = _one_fraction(problem)
    if fraction is None or not re.search(rf"{fraction[0]}/{fraction[1]}\s+of\b", fraction[2]):
        return None
    top, bottom, sentence = fraction
    whole = _whole_count(problem, said, top, bottom)
    if whole is None or top >= bottom:
        return None
    clause = re.search(rf"{top}/{bottom}\s+of\s+[a-z ]+", sentence).group().strip()
    step = solver.next_step(plan, set(done)) if plan is not None else None
    ask = step_question(plan, step) if step is not None else f"Which of your two gives a part of {whole[1]}?"
    return f"\"{clause}\" means a part of the {whole[1]}, so it is fewer than {fmt(whole[0])}. Dividing " \
           f"{fmt(whole[0])} by {top}/{bottom} asks how many {top}/{bottom}s fit into {fmt(whole[0])}, which is " \
           f"more than {fmt(whole[0])}.", ask


_BARE = re.compile(r"^(?P<eq>[^=]*=[^a-z]*(?:\b[a-z]\b[^a-z]*)*)", re.I)


def _letter(problem: str, plan: Plan | None, done: list[int], said: str, c: Confusion) -> tuple[str, str] | None:
    """"what is the x even supposed to be?" of 3x + 7 = 25: one number not known yet, the same wherever the letter
    stands, the one that makes the equation true; then the equation's first move."""
    equation, letter = written_equation(problem)
    if c.kind != "meaning" or not equation or c.about[0] not in {letter, "letter", "variable"}:
        return None
    equation = _BARE.match(equation).group("eq").strip(" .,?")
    coefficient = re.search(rf"(?<![\w.])(\d+)\s*{letter}\b", equation)
    times = f" {coefficient.group()} means {coefficient.group(1)} times that number." if coefficient else ""
    step = solver.next_step(plan, set(done)) if plan is not None else None
    ask = step_question(plan, step) if step is not None else equation_start(problem)
    return f"{letter} stands for one number you don't know yet, the same number everywhere {letter} appears: the " \
           f"one that makes {equation} true.{times}", ask


# a group's size (each van holds 8, 12 cookies in each box, trays of 12), or a number of shares (among 6 tables)
_HOLDS = (r"\beach (?P<box>[a-z]+) (?:holds|takes|seats|fits|carries|has room for|can hold|can take|can seat|can "
          r"carry) (?P<n>\d+)",
          r"(?P<n>\d+) (?:[a-z]+ ){0,2}(?:in|into|per|on|at|to) (?:each|every|a|one) (?P<box>[a-z]+)",
          r"\b(?:in|into) (?P<box>[a-z]+) of (?P<n>\d+)\b")
_SHARES = r"\b(?:among|between|into|by) (?P<n>\d+) (?:equal )?(?P<box>[a-z]+)"


def _groups(problem: str) -> tuple[str, Fraction, str, str, bool] | None:
    """(container, its size or the number of shares, the items, the total's phrase, whether it is shared out) of a
    problem that puts items into equal groups; None for any other."""
    found = next((m for p in _HOLDS if (m := re.search(p, problem, re.I))), None)
    shared = found is None and (found := re.search(_SHARES, problem, re.I)) is not None
    given = given_numbers(problem)
    if found is None or len(given) < 2:
        return None
    size = Fraction(found.group("n"))
    total = next(((v, p) for v, p in given if v != size and v.denominator == 1), None)
    if total is None:
        return None
    items = re.sub(r"^[\d,]+\s*", "", total[1]) or "ones"
    return _one_of(found.group("box").lower()), size, items, total[1], shared


def _one_of(noun: str) -> str:
    """"boxes" -> "box", "vans" -> "van", "batteries" -> "battery"; a singular noun stays."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if re.search(r"(?:x|ch|sh|ss|us)es$", noun):
        return noun[:-2]
    return noun[:-1] if re.search(r"[^su]s$", noun) else noun   # "bus", "class" stay


def _remainder(problem: str, plan: Plan | None, done: list[int], said: str, c: Confusion) -> tuple[str, str] | None:
    """"what does the remainder mean?", "do I round up?" of items put in groups: the remainder counts items that do
    not make one more full group (or one more round of shares), and the question's own words say what to do with
    them."""
    if not re.search(r"\bremainders?\b|\bleft ?overs?\b|\bround (?:it |this )?(?:up|down)\b|\b\d+ ?r ?\d+\b", said):
        return None
    groups = _groups(problem)
    if groups is None:
        return None
    box, size, items, total, shared = groups
    boxes, n = plural(box), fmt(size)
    asked = question_sentence(problem_sentences(problem))
    if shared:
        return f"The remainder is the {items} left once each of the {n} {boxes} has the same number: there are " \
               f"not enough of them to give every {box} one more, so they stay out.", \
            f"How many can each {box} get, if every {box} gets the same?"
    lead = f"The remainder counts the {items} that are not enough for one more full {box} of {n}."
    ask = f"Does the question count only full {boxes}, or do those {items} need a {box} too?"
    if re.search(r"\bneed(?:ed|s)?\b|\bat least\b|\btake\b|\brequired\b", asked, re.I):
        return lead, f"The question asks how many {boxes} are needed: can those {items} be left without a {box}?"
    if re.search(r"\bcomplete(?:ly)?\b|\bfull\b|\bfill\b|\bwhole\b", asked, re.I):
        return lead, f"The question asks for full {boxes}: does a {box} holding only those {items} count?"
    if re.search(r"\bleft\b|\bleft ?over\b|\bremain", asked, re.I):
        return f"{lead} Those are the {items} left over.", \
            f"How many full {boxes} of {n} can you make from {total}, and how many {items} does that leave?"
    return lead, ask


_CUT = re.compile(r"\b(?P<verb>cut|split|shared?|divided|broken|poured|packed|put)\b(?: [a-z]+){0,3} "
                  r"(?:equally |evenly )?(?:into|among|between|by|with) (?P<n>\d+) (?:equal |same-size )?"
                  r"(?P<parts>[a-z]+)", re.I)
_PAST = {"cut": "cut", "split": "split", "share": "shared", "shared": "shared", "divided": "divided",
         "broken": "broken", "poured": "poured", "packed": "packed", "put": "put"}


def _shared_first(problem: str, plan: Plan | None, done: list[int], said: str, c: Confusion
                  ) -> tuple[str, str] | None:
    """"which number goes first when I divide?" of 84 cm cut into 7 equal pieces: the amount cut or shared goes
    first, the number of parts second; the division itself is left to them."""
    if c.kind != "first" or (plan is not None and len(plan.steps) > 1):
        return None
    m = _CUT.search(problem)
    if m is None:
        return _grouped_first(problem)
    parts = Fraction(m.group("n"))
    whole = next(((v, p) for v, p in given_numbers(problem) if v != parts), None)
    if whole is None:
        return None
    verb = _PAST[m.group("verb").lower()]
    target = question_target(question_sentence(problem_sentences(problem))) \
        or f"what one {_one_of(m.group('parts'))} gets"
    return f"The {whole[1]} is what gets {verb}, so it is the number you divide, and it goes first; the " \
           f"{fmt(parts)} {m.group('parts')} is how many parts it is {verb} into, the number you divide by.", \
        f"Written that way round, what does the division give you: {target}?"


def _grouped_first(problem: str) -> tuple[str, str] | None:
    """"which number goes first?" of 72 books, 9 on each shelf: the items put in groups go first, the size of one
    group second."""
    groups = _groups(problem)
    if groups is None:
        return None
    box, size, items, total, shared = groups
    if shared:
        return None
    return f"The {total} are what get split up, {fmt(size)} to each {box}, so {fmt(solver.numbers_in(total)[0])} is " \
           f"the number you divide, and it goes first; {fmt(size)} is the number you divide by.", \
        "Written that way round, what does the division count?"


_FLIP = re.compile(r"\bflip\w*|\breciprocal|\binvert\w*|\bupside down\b|\bkeep,? change,? flip\b|\bkcf\b", re.I)


def _flip(problem: str, plan: Plan | None, done: list[int], said: str, c: Confusion) -> tuple[str, str] | None:
    """"why do I flip the fraction?" of how many 2/3-cup servings in 4 cups: counted in thirds, 4 cups hold 4 × 3
    thirds and each serving takes 2 of them; times 3 then ÷ 2 is what the flip does."""
    if not _FLIP.search(said):
        return None
    divided = re.search(r"(?<![\d/])(\d+/\d+|\d+)\s*(?:÷|divided by)\s*(\d+)/(\d+)(?![\d/])", problem)
    if divided:   # "3/4 ÷ 1/8": how many eighths fit, counted in eighths
        first, top, bottom = divided.group(1), int(divided.group(2)), int(divided.group(3))
        pieces = parts_name(bottom)
        grouped = f", and ÷ {top} puts them in groups of {top}" if top > 1 else ""
        return f"Dividing by {top}/{bottom} asks how many {top}/{bottom}s fit into {first}. Count in {pieces}: " \
               f"every whole holds {bottom} {pieces}, so × {bottom} counts them{grouped}. That is the flip to " \
               f"{bottom}/{top}.", f"How many {pieces} are in {first}?"
    if not re.search(r"\bhow many\b", question_sentence(problem_sentences(problem)), re.I):
        return None
    fraction = _one_fraction(problem)
    whole = _whole_count(problem, said, *fraction[:2]) if fraction is not None else None
    if fraction is None or whole is None or fraction[0] >= fraction[1]:
        return None
    top, bottom, sentence = fraction
    unit = _unit_after(sentence, f"{top}/{bottom}") or _one_of(re.sub(r"^[\d.]+\s*", "", whole[1]))
    thing = re.search(r"\bhow many ([a-z]+)", question_sentence(problem_sentences(problem)), re.I).group(1).lower()
    pieces = parts_name(bottom)
    takes = f"{top} of them" if top > 1 else "one of them"
    return f"Count in {pieces}: each {unit} holds {bottom} {pieces}, and one of the {thing} takes {takes}. That is " \
           f"what the flip to {bottom}/{top} does: times {bottom} turns {plural(unit)} into {pieces}, then ÷ {top} " \
           f"puts them in groups of {top}.", f"How many {pieces} are in {whole[1]}?"


def _extra_numbers(problem: str, plan: Plan | None, done: list[int], said: str, c: Confusion
                   ) -> tuple[str, str] | None:
    """"too many numbers, which do I use?": the given numbers that no step of the plan uses are named as not needed,
    and the first step is asked by what it finds."""
    if c.kind != "numbers":
        return None
    given = given_numbers(problem)
    asked = question_sentence(problem_sentences(problem))
    if plan is not None:
        used = {v for s in plan.steps for v in s.values}
        unused = [p for v, p in given if v not in used]
    else:   # no plan: a number whose clause shares no word with the question is about something else
        unused = _off_question(problem, asked, given)
        if len(given) - len(unused) < 2:
            return None
    if not unused or len(unused) == len(given):
        return None
    step = solver.next_step(plan, set(done)) if plan is not None else None
    target = question_target(asked) or "what the question asks"
    used = [p for _, p in given if p not in unused]
    ask = step_question(plan, step) if step is not None else \
        f"So {' and '.join(used) if len(used) < 3 else ', '.join(used)} are what you use: what do you do with them?"
    extra = " and ".join(unused) if len(unused) < 3 else ", ".join(unused[:-1]) + f" and {unused[-1]}"
    return f"Not every number is needed: the question is about {target}, and {extra} " \
           f"{'is' if len(unused) == 1 else 'are'} not part of that.", ask


_ASKING = {"how", "many", "much", "does", "did", "do", "have", "has", "had", "the", "are", "was", "were", "what", "and",
           "for", "she", "his", "her", "they", "their", "there", "will", "can", "get", "all", "with", "each", "every",
           "per"}


def _off_question(problem: str, asked: str, given: list[tuple[Fraction, str]]) -> list[str]:
    """The given numbers' phrases in clauses that share no word with the question ("His bike cost $90" of a
    question about marbles)."""
    words = {_one_of(w) for w in re.findall(r"[a-z]{3,}", asked.lower())} - _ASKING
    clauses = [c for sentence in problem_sentences(problem) if sentence != asked
               for c in re.split(r",\s*(?:and |but )?|;\s*|\s+and (?=[a-z]+ \$?\d)", sentence)]
    off = [c for c in clauses if not {_one_of(w) for w in re.findall(r"[a-z]{3,}", c.lower())} & words]
    return [p for v, p in given if any(v in solver.numbers_in(c) and p in c for c in off)]


def _measure_added(problem: str, plan: Plan | None, done: list[int], said: str, c: Confusion
                   ) -> tuple[str, str] | None:
    """"do I add them all up?" of a box's volume or a rectangle's area the planner does not read: adding the edges
    gives a length; the volume counts cubes in layers, the area squares in rows."""
    if plan is not None or c.kind not in ("either", "propose") or not re.search(r"\b(?:add|plus)\b", said):
        return None
    asked = question_sentence(problem_sentences(problem)) or problem   # "box is 8 by 5 by 3 cm whats the volume"
    kind = re.search(r"\b(volume|area)\b", f"{asked} {said}", re.I)
    sizes = [fmt(v) for v, _ in given_numbers(problem)]
    unit = re.search(r"\b(cm|mm|m|km|in|ft|yd|inch(?:es)?|feet|metres?|meters?|centimet(?:re|er)s?)\b", problem)
    if kind is None or len(sizes) != (3 if kind.group(1).lower() == "volume" else 2):
        return None
    one = f"1-{unit.group(1)} " if unit else ""
    if kind.group(1).lower() == "volume":
        return f"Adding the edges only gives a length. The volume counts the {one}cubes that fill the box: a bottom " \
               f"layer {sizes[0]} cubes long and {sizes[1]} cubes wide, and {sizes[2]} layers like it.", \
            "How many cubes are in the bottom layer?"
    return f"Adding the sides measures part of the way around the edge. The area counts the {one}squares that cover " \
           f"the inside: rows of {sizes[0]} squares, {sizes[1]} rows.", f"How do you count {sizes[1]} rows of " \
                                                                         f"{sizes[0]} quickly?"


_PER_ONE = (r"\b(?:1|one|each|every) (?P<u1>[a-z]+) (?:=|:|is|stands for|represents|equals|means) (?P<n>[\d.]+) "
            r"(?P<u2>[a-z]+)",
            r"(?P<n>[\d.]+) (?P<u2>[a-z]+) (?:per|for every|for each|every|each|an?) (?P<u1>[a-z]+)")


def _scaled(problem: str, plan: Plan | None, done: list[int], said: str, c: Confusion) -> tuple[str, str] | None:
    """"do I multiply or divide by 25?" of 1 cm = 25 km and 6.4 cm on the map: what one unit stands for, and whether
    the answer is more or less than that, decide it; which operation is left to them."""
    ops = " ".join(c.about)
    if c.kind != "either" or not re.search(r"\b(?:multipl\w*|times)\b", ops) or not re.search(r"\bdivid\w*", ops):
        return None
    rate = next((m for p in _PER_ONE if (m := re.search(p, problem, re.I))), None)
    if rate is None:
        return None
    u1, u2, n = rate.group("u1").lower(), rate.group("u2").lower(), rate.group("n")
    other = [(v, p) for v, p in given_numbers(problem) if fmt(v) not in (n, "1") and v != Fraction(n)]
    if len(other) != 1:
        return None
    amount, phrase = other[0]
    lead = f"Each {u1} goes with {n} {u2}."
    if re.search(rf"\b{re.escape(u1)}", phrase) or re.search(rf"\b{re.escape(u1[:-1])}", phrase):
        return f"{lead} {phrase} is {fmt(amount)} lots of 1 {u1}, each worth {n} {u2}.", \
            f"So is the answer more or less than {n} {u2}? Which of multiplying and dividing gives that?"
    return f"{lead} You have {phrase}: how many lots of {n} {u2} fit into it?", \
        "Which of multiplying and dividing counts that?"


_OUT_OF = re.compile(r"(\d+)\s*(?:out of|/)\s*(\d+)")


def _out_of_all(problem: str, plan: Plan | None, done: list[int], said: str, c: Confusion) -> tuple[str, str] | None:
    """"is it 6 out of 15 or 6 out of 9?" of 4 red, 6 blue and 5 green marbles: a chance is out of everything that
    could be picked, so the whole counts every kind; which of theirs that is, is left to them."""
    options = [_OUT_OF.search(o) for o in c.about] if c.kind == "either" else []
    if len(options) != 2 or not all(options) or options[0].group(1) != options[1].group(1) \
            or not re.search(r"\b(?:chance|probability|likely|odds)\b", problem, re.I):
        return None
    part = Fraction(options[0].group(1))
    given = given_numbers(problem)
    kinds = [p for v, p in given if v != part]
    if len(kinds) < 2 or part not in {v for v, _ in given}:
        return None
    picked = next(p for v, p in given if v == part)
    return "A chance counts the ways you want out of all the ways it could go: every one you could pick counts in " \
           "the whole, not only the ones you don't want.", \
        f"When you pick one, could it be one of the {' or '.join(kinds)} as well as one of the {picked}? So which " \
        f"is the whole?"

