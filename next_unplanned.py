"""The next step after a right first step, read from the problem's form when the planner has no plan.

A student who works one step right and then asks "what now" needs the step that follows, said concretely, not
"where does the 72 come in?" (they know it does). Without a plan, three forms of a problem still say what follows:
  - a ratio's parts added ("4 + 5 = 9" of red to blue 4:5) when the problem gives a total of the whole mix: that
    total shared into those parts, one part asked (never when the count given is of one named thing: "20 cups of
    flour" is the flour's parts alone);
  - one of two matching pairs worked ("4 × 400" of 4 laps of 400 m, when Noah runs 3 laps of 500 m): the same step
    on the other pair, named by the problem's own phrases, then the two compared where the question compares;
  - a time counted on from the start to a time short of the end ("4:15 to 5:15" of 4:15 to 5:40): the minutes
    from there to the end.
Each gives (lead, question), the lead confirming the step; None when the problem has none of these forms.
`compared_choice` confirms the pick of a "which store has the lower price per can?" question the same way: two
right steps, one on each sentence's numbers, and the one named whose result the question's word asks for."""
from __future__ import annotations

import re
from fractions import Fraction

from arithmetic_claims import Claim, operations
from problem_text import given_numbers, problem_sentences, question_sentence
from solver import fmt, numbers_in
from wordproblem import stem

_RATIO = re.compile(r"(?<![\d:.])(\d+)\s*:\s*(\d+)(?![\d:])")
_NAMES = re.compile(r"\b([a-z]+) (?:to|and) ([a-z]+)\b", re.I)
_CLOCK = r"\d{1,2}:\d{2}"
_COMPARES = re.compile(r"\b(?:more|less|fewer|cheaper|dearer|better|farther|further|longer|shorter|which|who|"
                       r"difference)\b", re.I)


def next_after(problem: str, claim: Claim, work: str) -> tuple[str, str] | None:
    """(lead, question) for the step after `claim`, a right first step, from the problem's form; None else."""
    if not claim.right:
        return None
    return _ratio_shared(problem, claim) or _other_pair(problem, claim) or _clock_rest(problem, work)


def _ratio_shared(problem: str, claim: Claim) -> tuple[str, str] | None:
    """"4 + 5 = 9" of red to blue 4:5 with 72 beads in the bag: the 72 beads shared into the 9 parts."""
    ratio = _RATIO.search(problem)
    if ratio is None or operations(claim) != ["+"]:
        return None
    terms = {Fraction(ratio.group(1)), Fraction(ratio.group(2))}
    if sorted(numbers_in(claim.expression)) != sorted([Fraction(ratio.group(1)), Fraction(ratio.group(2))]):
        return None
    before = problem[:ratio.start()].split(".")[-1]
    names = _NAMES.findall(before)
    totals = [p for v, p in given_numbers(problem) if v not in terms and not re.search(_CLOCK, p) and " " in p]
    said = re.search(rf"{re.escape(totals[0])}[^.,;:?!]*", problem) if len(totals) == 1 else None
    if not names or said is None or any(n.lower() in said.group().lower().split() for n in names[-1]):
        return None   # "20 cups of flour": one named thing's count, divided by its own parts, not by all of them
    return (f"Yes, {claim} is right: {fmt(claim.stated)} parts in all.",
            f"If the {totals[0]} are shared into {fmt(claim.stated)} equal parts, how many are in one part?")


def _other_pair(problem: str, claim: Claim) -> tuple[str, str] | None:
    """"4 × 400 = 1600" of 4 laps of 400 m, when the problem also has 3 laps of 500 m: the same step on those."""
    given = given_numbers(problem)
    used = numbers_in(claim.expression)
    if len(given) != 4 or len(used) != 2 or operations(claim)[0] not in "*/":
        return None
    words = [(v, _unit(p)) for v, p in given]
    mine = [i for i, (v, _) in enumerate(words) if v in used]
    if len(mine) != 2 or mine[1] - mine[0] != 1 or mine[0] not in (0, 2):
        return None
    other = [i for i in range(4) if i not in mine]
    if [words[i][1] for i in mine] != [words[i][1] for i in other] or not all(words[i][1] for i in mine):
        return None   # the two pairs name the same kinds in the same order: "4 laps, 400 m" and "3 laps, 500 m"
    phrases = " and ".join(given[i][1] for i in other)
    compare = " Then compare the two." if _COMPARES.search(question_sentence(problem_sentences(problem))) else ""
    return f"Yes, {claim} is right.", f"Now do the same with the other pair: {phrases}.{compare}"


def _unit(phrase: str) -> str:
    """The kind a given phrase counts: its word ("laps", "m"), or "$" for money."""
    if phrase.startswith("$"):
        return "$"
    word = re.search(r"[a-z]+$", phrase, re.I)
    return word.group().lower() if word else ""


def _clock_rest(problem: str, work: str) -> tuple[str, str] | None:
    """"4:15 to 5:15 is 1 hour" of 4:15 to 5:40: the minutes from 5:15 to 5:40 are what is left to count."""
    times = re.findall(_CLOCK, problem)
    counted = list(dict.fromkeys(re.findall(rf"({_CLOCK})\s*(?:to|-|till|until)\s*({_CLOCK})\s*(?:is|=|makes)\s*"
                                            rf"(\d+)\s*([a-z]+)", work, re.I)))   # the work said once, or again
    if len(times) != 2 or len(counted) != 1 or counted[0][0] != times[0] or counted[0][1] in times:
        return None
    start, stop, amount, unit = counted[0]
    return (f"Yes, {start} to {stop} is {amount} {unit}.",
            f"How many minutes are there from {stop} to {times[1]}?")


_LOW = r"lower|cheaper|less|fewer|smaller|slower|shorter|lighter|cheapest|lowest|least|fewest|smallest|slowest"
_HIGH = r"higher|greater|faster|farther|further|longer|bigger|larger|heavier|most|highest|greatest|fastest|biggest|" \
        r"largest|longest"


def compared_choice(problem: str, found: list[Claim], work: str) -> tuple[str, str] | None:
    """(lead, offer) for a right pick of "which store has the lower price per can?": two right steps of one operation,
    each on the numbers of its own sentence ("4.20 ÷ 6 = 0.70", "5.20 ÷ 8 = 0.65"), and the student names after them
    the one whose result the question's word asks (lower, faster, ...), by the word that tells the sentences apart
    ("store B", "Noah"). None when any of that does not hold, or the pick is the other one."""
    asked = question_sentence(problem_sentences(problem))
    low, high = (re.search(rf"\b(?:{words})\b", asked, re.I) for words in (_LOW, _HIGH))
    if not re.match(r"\s*(?:which|who)\b", asked, re.I) or re.search(r"\bhow (?:much|many)\b", asked, re.I) \
            or bool(low) == bool(high) or len(found) != 2 \
            or not all(c.right for c in found) or found[0].stated == found[1].stated \
            or len(operations(found[0])) != 1 or operations(found[0]) != operations(found[1]):
        return None
    sentences = [s for s in problem_sentences(problem) if s != asked]
    used = [set(numbers_in(re.sub(r"(?<=\d)/(?=\d)", " / ", c.expression))) for c in found]   # "12/2" is 12 and 2
    homes = [[s for s in sentences if numbers <= set(numbers_in(s))] for numbers in used]
    if any(len(home) != 1 for home in homes) or homes[0] == homes[1]:
        return None
    if operations(found[0]) == ["/"] and not all(_per_asked(problem, asked, c) for c in found):
        return None   # "6 ÷ 4.20" counts cans for a dollar: the lower of those is no lower price
    labels = [_label(homes[i][0], homes[1 - i][0]) for i in (0, 1)]
    tail = work[work.rfind(found[-1].written) + len(found[-1].written):].lower()
    named = [bool(label) and re.search(rf"\b{re.escape(label.lower())}\b", tail) is not None for label in labels]
    if named.count(True) != 1:
        return None
    pick = named.index(True)
    best = (min if low else max)(found[0].stated, found[1].stated)
    if found[pick].stated != best:
        return None
    than = "less" if low else "more"
    return (f"Yes, {labels[pick]} is right! Your steps: {found[0]}, then {found[1]}, and {found[pick].written} is "
            f"{than} than {found[1 - pick].written}.", "Would you like a similar problem to try?")


def _label(sentence: str, other: str) -> str:
    """The capitalised word that names this sentence's one and not the other's ("Noah"; "Store B", a letter with
    the word before it); "" when there is not exactly one."""
    theirs = set(re.findall(r"[A-Za-z]+", other))
    mine = [m for m in re.finditer(r"\b[A-Z][a-z]*\b", sentence) if m.group() not in theirs]
    if len(mine) != 1:
        return ""
    if len(mine[0].group()) > 1:
        return mine[0].group()
    before = re.search(r"([A-Za-z]+) $", sentence[:mine[0].start()])
    return f"{before.group(1)} {mine[0].group()}" if before else ""


_TIME = re.compile(r"\b(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?)\b", re.I)


def _per_asked(problem: str, asked: str, claim: Claim) -> bool:
    """Does the division share by what the question asks "per" ("per can": a number of cans), or, for "faster" or
    "slower", by a time?"""
    divisor = numbers_in(re.sub(r"(?<=\d)/(?=\d)", " / ", claim.expression))[-1]
    phrase = next((p for v, p in given_numbers(problem) if v == divisor), "")
    per = re.search(r"\bper ([a-z]+)", asked, re.I)
    if per:
        return bool(phrase) and stem(per.group(1).lower()) in {stem(w) for w in re.findall(r"[a-z]+", phrase.lower())}
    return bool(re.search(r"\b(?:faster|slower|quicker)\b", asked, re.I)) and bool(_TIME.search(phrase))
