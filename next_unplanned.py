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
Each gives (lead, question), the lead confirming the step; None when the problem has none of these forms."""
from __future__ import annotations

import re
from fractions import Fraction

from arithmetic_claims import Claim, operations
from problem_text import given_numbers, problem_sentences, question_sentence
from solver import fmt, numbers_in

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
