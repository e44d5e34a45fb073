"""A first step without a plan, formed from two quantities the problem relates exactly (moved from unplanned_help.py
in round 20, with the comparison, the grouping and the sharing added): a relating phrase asked as its step, never
"what does it tell you?" (equal groups counted, "3 boxes of 8 crayons"; an amount per unit of time turned to the
question's unit); a total and a gap with the extra taken away first; a percent change from one amount to another; a
story's first amount asked after its first change ("64 cars, 28 drive out"). Each reads only what its own phrase
says, so the step it asks is one the problem fixes, whatever the rest of the story does."""
from __future__ import annotations

import re
from fractions import Fraction

from problem_text import problem_sentences, question_sentence

_TIME = r"second|minute|hour|day|week|month|year"
# "3 boxes of 8 crayons", "7 rows of corn with 15 plants in each row": equal groups, counted
_GROUPS = re.compile(r"\b(?P<n>\d+) (?P<group>[a-z]+)(?: of [a-z]+)? (?:of|with) (?P<m>\d+) (?P<thing>[a-z]+)"
                     r"(?: (?:in|on) each(?: [a-z]+)?)?\b|"
                     r"\b(?P<n2>\d+) (?P<group2>[a-z]+) (?P<m2>\d+) (?P<thing2>[a-z]+) (?:(?:in|on|at) )?each\b")
# "72 times a minute", "$9 an hour", "15 pages every day": an amount for each one of a unit of time
_PER_TIME = re.compile(rf"\b(?P<n>\d+(?:\.\d+)?) (?P<thing>[a-z]+) (?:a|an|per|each|every) (?P<unit>{_TIME})\b")
_ASKED_TIME = re.compile(rf"\b(?:in|for|per|each|every|after) (?P<count>a|an|one|\d+) (?P<unit>{_TIME})s?\b")


def phrase_step(phrase: str, asked: str) -> str:
    """The step a relating phrase asks for, built from its own numbers (never "what does it tell you?"): equal groups
    counted ("How many crayons are in 3 boxes of 8?"), or an amount for each unit of time turned to the question's
    unit ("How many minutes are in a day?"); "" for any other phrase."""
    groups = _GROUPS.search(phrase)   # "5 tables 6 chairs each" is said side by side, with no "of"
    n, group, m, thing = [groups.group(k) or groups.group(f"{k}2") for k in ("n", "group", "m", "thing")] if groups \
        else [""] * 4
    if groups and group not in ("times", "percent") and not thing.startswith("them"):
        return f"How many {thing} are in {n} {group} of {m}?"
    rate, span = _PER_TIME.search(phrase), _ASKED_TIME.search(asked)
    if rate and span and span.group("unit") != rate.group("unit"):
        count = span.group("count") if span.group("count")[0].isdigit() else "an" if span.group("unit") == "hour" \
            else "a"
        unit = span.group("unit") + ("s" if count[0].isdigit() and count != "1" else "")
        each = rate.group("unit")
        return f"\"{rate.group()}\" is for each {each}, and the question asks about {count} {unit}. How many " \
               f"{each}s are in {count} {unit}?"
    return ""


_AMOUNT = r"\$?\d(?:[\d,]*\d)?(?:\.\d+)?"
_TOTAL = re.compile(rf"\b(?:together|in all|altogether|combined|in total)\b\D{{0,20}}?(?P<n>{_AMOUNT})|"
                    rf"(?P<m>{_AMOUNT})[^.?\d]{{0,20}}\b(?:together|in all|altogether|combined)\b", re.I)
_GAP = re.compile(rf"(?P<n>{_AMOUNT})(?: (?P<unit>[a-z]+))? (?:more|less|fewer|older|younger|longer|shorter|taller|"
                  r"heavier|lighter) than\b", re.I)


def sum_and_gap(problem: str) -> str:
    """Two amounts with a total and a gap ("$54 together, the shirt is $12 more than the hat"): without the extra the
    two would be equal, so the total less the gap splits evenly; "" for any other problem."""
    total, gap = _TOTAL.search(problem), _GAP.search(problem)
    if total is None or gap is None:
        return ""
    unit = f" {gap.group('unit')}" if gap.group("unit") else ""
    whole, extra = f"{total.group('n') or total.group('m')}{unit}", f"{gap.group('n')}{unit}"
    return f"If there were no extra {extra}, the two would be equal and make {whole} − {extra} together. What " \
           f"would each be then, and which one gets the extra?"


_FROM_TO = re.compile(r"\bfrom \$?(?P<a>\d[\d,]*(?:\.\d+)?)(?: [a-z]+)? to \$?(?P<b>\d[\d,]*(?:\.\d+)?)\b")


def percent_change(problem: str, asked: str) -> str:
    """"grew from 2,400 to 2,760: what was the percent increase?": the change first, then what percent of the
    starting amount it is; "" for any other problem."""
    m = _FROM_TO.search(problem)
    if m is None or not re.search(r"\bpercent|%", asked, re.I):
        return ""
    a, b = (Fraction(m.group(k).replace(",", "")) for k in ("a", "b"))
    way = "go up" if b > a else "go down"
    return f"How much did it {way} from {m.group('a')} to {m.group('b')}, and what percent of {m.group('a')} is " \
           f"that change?"


# "28 cars drove out", "she gave away 12", "15 more got on": a change to the amount the story starts with
_CHANGE = re.compile(r"\b(?:out|away|off|in|on|more|left|leaves?|gave|ate|sold|lost|spent|used|bought|got|found|"
                     r"broke|took|added|removed|caught|taken|stolen|eaten|breaks?)\b", re.I)


# "13 popped", "9 melted": a number of the story's things that something happened to (a past verb straight after it)
_DONE = re.compile(r"\b\d+ [a-z]+ed\b")


# "28 drive out", "15 got on", "12 were sold": the words after a number that leave it counting the story's things
_MOVED = {"drive", "drove", "get", "got", "go", "went", "leave", "left", "come", "came", "are", "were", "is", "was",
          "more", "fewer", "fly", "flew", "walk", "walked", "run", "ran", "move", "moved", "join", "joined"}


_MEASURE = r"(?:second|minute|hour|day|week|month|year|km|m|cm|mm|kg|g|mg|lb|oz|ml|l|litre|liter|metre|meter|mile|" \
           r"foot|feet|inch(?:e)?|yard|degree|dollar|cent|time|percent|pound|ounce|gallon|cup)s?"


def changed_after(problem: str, named: str | None) -> str:
    """A story that starts with an amount and then changes it ("had 64 cars ... 28 cars drove out and 15 drove in"):
    the amount after the first change, in the story's words; "" without such a change."""
    noun = named.split()[-1] if named and re.match(r"\d", named) and len(named.split()) > 1 else ""
    if not noun or re.fullmatch(_MEASURE, noun):   # "4 hours", "12 km": a measure, no count of things
        return ""
    asked = question_sentence(problem_sentences(problem))
    clauses = [c.strip(" .") for p in problem_sentences(problem) if p != asked
               for c in re.split(r",\s*(?:and |then )?|\s+(?:and|then) (?=\d)", p)]
    start = next((i for i, c in enumerate(clauses) if named in c), None)
    change = next((c for c in clauses[start + 1:] if re.search(r"\d", c) and (_CHANGE.search(c) or _DONE.search(c))),
                  "") \
        if start is not None else ""
    counted = re.search(r"\b\d+ (\w+)", change)
    if counted is None or counted.group(1).rstrip("s") != noun.rstrip("s") and counted.group(1) not in _MOVED \
            and not _DONE.match(counted.group()):
        return ""   # "Pipe B empties it in 12 hours" changes no count of the 4 hours
    change = re.sub(r"^(?:during|in|on|at|by|after) [^,\d]*?,?\s*(?=\d)", "", change, flags=re.I)
    return f"Start from the {named}: how many {noun} are there after \"{change}\"?"


# "bottles in crates of 24", "Cookies come in bags of 6", "each bag holds 5 oranges", "box holds 8 crayons": so many
# things in one group, said apart from the count of the groups ("the shop gets 5 crates", "nina fills 9 bags")
_IN_GROUPS = re.compile(r"\b(?P<thing>[a-z]+s) (?:come |are (?:sold |packed )?)?in (?P<group>[a-z]+)s of (?P<m>\d+)\b|"
                        r"\b(?P<group2>[a-z]+) (?:holds|has|contains|fits) (?P<m2>\d+) (?P<thing2>[a-z]+s)\b", re.I)


def groups_apart(problem: str) -> str:
    """Things in groups of a size, and a count of those groups said elsewhere: the things in those groups counted
    ("How many bottles are in 5 crates of 24?"), a step every reading of the story takes; "" without such a pair."""
    for m in _IN_GROUPS.finditer(problem):
        thing, group, size = (m.group(k) or m.group(f"{k}2") for k in ("thing", "group", "m"))
        if group.lower() in ("it", "she", "he", "they", "who", "that", "which"):
            continue
        counts = [c for c in re.finditer(rf"\b(\d+) {group}s\b", problem, re.I) if not m.start() <= c.start() < m.end()]
        if len(counts) >= 1 and counts[0].group(1) != size:
            return f"How many {thing.lower()} are in {counts[0].group()} of {size}?"
    return ""


# "17 more than leo", "$12 less than the hat", "4 years older than Ben": a gap from one named amount
_THAN = re.compile(r"(?<![\d/.])(?P<n>\$?\d+(?:\.\d+)?)(?: ?(?P<unit>[a-z]+))? (?P<way>more|fewer|less|older|younger|"
                   r"taller|shorter|longer|heavier|lighter) than (?:the |a |his |her |their )?(?P<who>[a-z]+)\b", re.I)
_WAYS = {way: pair for pair in (("older", "younger"), ("longer", "shorter"), ("taller", "shorter"),
                                 ("heavier", "lighter")) for way in pair}   # "shorter" asked as height
_NOT_NAMED = {"twice", "half", "double", "triple", "that", "this", "it", "them", "before", "last", "usual"}


def compared_step(problem: str, given: list[tuple[Fraction, str]],
                  used: tuple[set[Fraction], str] | None = None) -> str:
    """A gap from one named amount ("maya has 52 cards thats 17 more than leo"), the other amount given once: asked
    for the question's own person, which way the gap goes ("does Leo have more than 52 cards or fewer?"); asked for
    someone else (a total, the other one), the amount the gap starts from, when its clause names that one ("250
    visitors mon, tues 80 more than mon": how many is 80 more than Mon's 250 visitors?). With the numbers and the
    operation of a student's step (`used`), only the first, and only for a step on those two numbers that goes the
    other way than the gap ("45 + 9 = 54" for "45 stickers, 9 more than zoe"): asked which way the gap goes, never
    judged (the step is theirs to check). "" else."""
    asked = question_sentence(problem_sentences(problem))
    facts = " ".join(p for p in problem_sentences(problem) if p != asked)
    gap = _THAN.search(facts)
    if gap is None or gap.group("who").lower() in _NOT_NAMED or len(_THAN.findall(facts)) != 1 \
            or _TOTAL.search(facts):   # "$54 together, $12 more than the hat": a total and a gap (`sum_and_gap`)
        return ""
    gap_value = Fraction(gap.group("n").lstrip("$"))
    others = [(v, p) for v, p in given if v != gap_value]
    if len(others) != 1:
        return ""
    base, who = others[0][1].strip(".,"), gap.group("who")
    named = gap.group()[gap.group().lower().index(" than ") + 6:]   # "her aunt", "leo"
    name = named if named != who else who.capitalize()
    asked_for = bool(re.search(rf"\b{re.escape(who)}\b", asked, re.I))
    fewer = gap.group("way").lower() in ("fewer", "less", "younger", "shorter", "lighter")
    if used is not None and not (asked_for and {gap_value, others[0][0]} <= used[0] and used[1] == "+-"[fewer]):
        return ""
    if asked_for:
        way = gap.group("way").lower()
        if way in ("more", "fewer", "less"):
            return f"\"{gap.group()}\": does {name} have more than {base} or fewer, and by how much?"
        return f"\"{gap.group()}\": is {name} {' or '.join(_WAYS[way])} than {base}, and by how much?"
    clause = next((c for c in re.split(r"[,;.]|\band\b", facts) if base in c), "")
    if not re.search(rf"\b{re.escape(who)}\b", clause, re.I):
        return ""
    noun = base.split()[-1] if len(base.split()) > 1 else "is it"
    return f"\"{gap.group()}\" starts from {name}'s {base}. How many {noun} is that?" if noun != "is it" else \
        f"\"{gap.group()}\" starts from {name}'s {base}. What number is that?"


# "48 muffins in boxes of 6", "96 eggs into cartons of 12": a whole packed in groups of a size
_PACKED = re.compile(r"\b(?P<n>\d+) (?P<thing>[a-z]+)\b[^.?,\d]*?\b(?:in|into) (?P<group>(?!each\b)[a-z]+) of "
                     r"(?P<m>\d+)\b", re.I)
# "36 apples ... the same in each of 4 baskets", "60 pencils shared equally into 5 cups": a whole shared out (never
# with another amount between, nor after one: "30 cookies and 18 brownies shared equally on 6 plates" shares both)
_SHARED = re.compile(r"\b(?P<n>\d+) (?P<thing>[a-z]+)\b[^.?\d]*?\b(?:same (?:number |amount )?(?:(?:in|on|to) each of|"
                     r"in|on|into|onto|to|for|among|between)|equally(?: (?:in|into|on|among|between))?|"
                     r"shared? (?:in|into|among|between)) (?P<m>\d+) (?P<group>[a-z]+)", re.I)
# "80 cm of string ... cuts it into 5 equal bits": a measure cut into equal parts
_CUT = re.compile(r"\b(?P<n>\d+) ?[a-z]+\b[^.?]*?\b(?:cut|cuts|split|splits|divides?|divided|chops?|chopped) "
                  r"(?:it |them |this |that )?(?:up )?into (?P<m>\d+) equal (?P<group>[a-z]+)", re.I)


# "$3 per square metre", "$2.50 a square foot": a price for each square unit; "6 m", "12 ft": the sides it covers
_PER_SQUARE = re.compile(r"\$?\d+(?:\.\d+)? (?:per|a|an|each|for each|for every) square (?P<unit>[a-z]+)", re.I)
_SIDE = re.compile(r"(?<![\d.])\d+(?:\.\d+)? ?(?:m|cm|km|ft|yd|in|feet|foot|yards?|metres?|meters?)\b(?! ?[²2])", re.I)


def _square_units(problem: str) -> str:
    """A price per square unit and two sides ("6 m long and 5 m wide", "$3 per square metre"): how many square units
    the space covers comes first (the price is of each square unit, never of a metre of side); "" else."""
    per, sides = _PER_SQUARE.search(problem), _SIDE.findall(problem)
    if per is None or len(sides) != 2:
        return ""
    unit = per.group("unit").lower()
    many = "feet" if unit == "foot" else unit if unit.endswith("s") else f"{unit}s"
    return f"\"{per.group()}\" prices each square {unit}. How many square {many} does a space {sides[0]} by " \
           f"{sides[1]} cover?"


def fact_step(problem: str) -> str:
    """The first step a fact of the problem fixes on its own, asked in its words: the square units a price per square
    unit is paid on (`_square_units`), a relating phrase (`phrase_step`), a whole packed in groups of a size ("How
    many boxes of 6 do 48 muffins fill?"), a whole shared out or a measure cut into equal parts ("What number times
    4 makes 36?"); only when the division comes out even, so the step is one the problem means. "" when no fact
    fixes one."""
    asked = question_sentence(problem_sentences(problem))
    if step := _square_units(problem):
        return step
    for fact in (p for p in problem_sentences(problem) if p != asked):
        if step := phrase_step(fact, asked):
            return step
        packed, shared = _PACKED.search(fact), _SHARED.search(fact)
        both = shared and re.search(r"(?P<first>\d+ [a-z]+),? and $", fact[:shared.start()])
        if both:   # "30 cookies and 18 brownies shared equally": what is shared is both, put together first
            return f"The {both.group('first')} and the {shared.group('n')} {shared.group('thing')} are shared " \
                   f"together. How many are there to share among the {shared.group('m')} {shared.group('group')}?"
        if packed and int(packed.group("m")) > 1 and int(packed.group("n")) % int(packed.group("m")) == 0:
            return f"How many {packed.group('group')} of {packed.group('m')} do {packed.group('n')} " \
                   f"{packed.group('thing')} fill?"
        if shared and int(shared.group("m")) > 1 and int(shared.group("n")) % int(shared.group("m")) == 0:
            return f"Each of the {shared.group('m')} {shared.group('group')} gets the same number of " \
                   f"{shared.group('thing')}. What number times {shared.group('m')} makes {shared.group('n')}?"
        cut = _CUT.search(fact)
        if cut and int(cut.group("m")) > 1 and int(cut.group("n")) % int(cut.group("m")) == 0:
            return f"Each of the {cut.group('m')} {cut.group('group')} is the same size. What number times " \
                   f"{cut.group('m')} makes {cut.group('n')}?"
    return ""


# "15 out of 75", "15/75", "15 ÷ 75": a change taken as a part of an amount
_PART_OF = re.compile(r"(?<![\d.])(?P<part>\d+(?:\.\d+)?)\s*(?:out of|/|÷|divided by)\s*\$?(?P<whole>\d+(?:\.\d+)?)")
_CHANGED = re.compile(r"\b(?:up|down|increase\w*|decrease\w*|gr[eo]w\w*|rose|rise\w*|fell|fall\w*|drop\w*|rais\w*|"
                      r"went|change\w*)\b", re.I)


def percent_base(problem: str, work: str) -> tuple[str, str] | None:
    """A percent change ("was $60 and now it is $75, what percent did it go up by?") worked out of the amount after
    the change ("15 out of 75"): the change is said back, and which amount a percent change compares with is asked
    (the one before, named with the other so the student chooses). None for any other problem or working."""
    asked = question_sentence(problem_sentences(problem))
    facts = [p for p in problem_sentences(problem) if p != asked]
    amounts = [m.group() for p in facts for m in re.finditer(r"\$?(?<![\d.])\d+(?:\.\d+)?(?!\.?\d|%)", p)]
    if not re.search(r"\bpercent|%", asked, re.I) or not _CHANGED.search(asked) or len(amounts) != 2:
        return None
    before, after = (Fraction(a.lstrip("$")) for a in amounts)
    taken = next((m for m in _PART_OF.finditer(work) if Fraction(m.group("part")) == abs(after - before)
                  and Fraction(m.group("whole")) == after), None)
    if taken is None or before == after:
        return None
    return f"{taken.group('part')} is the change, and you took it out of {amounts[1]}.", \
        f"Does a percent change compare the change with the amount before the change or the amount after it? " \
        f"Which is that here, {amounts[0]} or {amounts[1]}?"


# legs (or wheels) of each kind a "chickens and cows" problem names: the fact the problem leaves to the reader
_LEGS = {"chicken": 2, "hen": 2, "duck": 2, "goose": 2, "bird": 2, "turkey": 2, "ostrich": 2, "person": 2,
         "cow": 4, "pig": 4, "horse": 4, "goat": 4, "sheep": 4, "dog": 4, "cat": 4, "rabbit": 4, "lamb": 4,
         "spider": 8, "ant": 6, "beetle": 6, "bicycle": 2, "bike": 2, "car": 4, "tricycle": 3, "trike": 3}
_KIND = rf"(?P<kind>{'|'.join(_LEGS)})(?:e?s)?\b"
_ALL_ALIKE = re.compile(rf"\ball (?:\d+ )?(?:of them )?(?:were|are|was|is|r)\s+(?:all\s+)?{_KIND}", re.I)


def _plural(kind: str) -> str:
    return {"sheep": "sheep", "person": "people", "goose": "geese"}.get(kind, f"{kind}s")


def _kinds(problem: str) -> list[str]:
    """The kinds with known legs that the problem names, in order of first mention."""
    return list(dict.fromkeys(m.group("kind").lower() for m in re.finditer(rf"\b{_KIND}", problem, re.I)))


def all_alike_words(problem: str, work: str) -> tuple[str, str, str, str] | None:
    """"If all were chickens, 40 legs; so 16 extra legs" for 20 chickens and cows with 56 legs: the count if every one
    were the first kind, and the legs left over, each checked exactly; then how many the other kind makes asked (each
    one swapped in adds the difference of their legs), never said. The leftover legs offered as the other kind's
    count ("so 16 cows") are flagged. None when the problem names no two kinds, no count and no legs, or the work
    takes no "all were" route."""
    kinds, alike = _kinds(problem), _ALL_ALIKE.search(work)
    count = re.search(r"\b(?P<n>\d+) (?:animals|heads|vehicles|in all|altogether|of them)\b", problem, re.I)
    legs = re.search(r"\b(?P<n>\d+) (?P<what>legs|feet|wheels)\b", problem, re.I)
    if len(kinds) != 2 or alike is None or count is None or legs is None or alike.group("kind").lower() not in kinds:
        return None
    first = alike.group("kind").lower()
    other = next(k for k in kinds if k != first)
    each, swap = _LEGS[first], _LEGS[other] - _LEGS[first]
    n, total, what = int(count.group("n")), int(legs.group("n")), legs.group("what").lower()
    said = [Fraction(v) for v in re.findall(r"(?<![\d.])\d+(?![\d.])", work[alike.end():])]
    if not swap or Fraction(n * each) not in said:
        return None
    over, extra = total >= n * each, abs(total - n * each)
    lead = f"Yes: if all {n} were {_plural(first)}, that is {n} × {each} = {n * each} {what}"
    if Fraction(extra) not in said:
        return "confirm", f"{lead}.", f"The problem says {total} {what}: how many {'more' if over else 'fewer'} " \
                                      f"than {n * each} is that?", "step_right"
    lead += f", and {max(total, n * each)} − {min(total, n * each)} = {extra} {what} " \
            f"{'are left over' if over else 'too many'}."
    if re.search(rf"(?<![\d.]){extra}\s+{other}", work, re.I) and abs(swap) != 1:
        return "flag", f"{lead} But each {other} has {abs(swap)} {'more' if swap > 0 else 'fewer'} {what} than a " \
                       f"{first}, so {extra} {what} are not {extra} {_plural(other)}.", \
            f"How many {_plural(other)} does it take to add {extra} {what}?", "claim_wrong"
    doing = "add" if swap > 0 else "take away"
    return "confirm", lead, f"Each {other} in place of a {first} will {doing} {abs(swap)} {what}. How many " \
                            f"{_plural(other)} does it take to {doing} those {extra} {what}?", "step_right"
