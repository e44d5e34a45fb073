"""Right arithmetic, wrong meaning: a step whose numbers are the problem's and whose arithmetic is true, but which
reads the story the wrong way. Without a plan, "The arithmetic is right: 5 + 12 = 17." praises such a step; the
cues here read the problem's own structure and point at the meaning that went wrong, as a question:

- a sign: a start below zero ("-5", "30 m below sea level") used as if above it, or a drop past zero turned round
  ("3 degrees, dropped 8": 8 - 3);
- a remainder: the quotient given where the question needs one more group ("how many cars"), or where it asks what
  is left over;
- a rate turned over: "8 pencils cost $2" worked as 8 ÷ 2 for the cost of one pencil; a rate multiplied where the
  question asks how many of its units an amount buys ("$2.40 a kg", "how many kg for $12": 12 × 2.40);
- a percent of the wrong whole: "20% of 64" where $64 is what is left after 20% off the original;
- a percent's own part offered for the other part ("60% girls", "how many boys": 60% of 25);
- a comparison turned round: "Leo read 9 fewer than Mia (34)" worked as 34 + 9; a gap asked ("how many more ...")
  answered by adding the two amounts.

Each cue says (lead, question) or None; none of them states the answer or a step's result, and none calls the step
right. `meaning_cue` tries them in turn, for the claims of one message."""
from __future__ import annotations

import re
from fractions import Fraction

import solver
import wordproblem
from arithmetic_claims import Claim, claims, operations, presented_as_answer
from problem_text import given_numbers, problem_sentences, question_sentence, said_list
from solver import fmt

_UP = re.compile(r"\b(?:rose|rises?|risen|rising|up|warm\w*|climb\w*|deposit\w*|gain\w*|increas\w*|higher|"
                 r"put in|earn\w*|ascend\w*)\b", re.I)
_DOWN = re.compile(r"\b(?:drop\w*|fell|falls?|fallen|down|cool\w*|colder|sank|sinks?|dives?|dove|descend\w*|"
                   r"withdr\w*|spen[dt]\w*|lost|loses?|decreas\w*|lower\w*)\b", re.I)
_BELOW = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*(?:[a-z]+\s+){0,2}below\s+(?P<ref>zero|sea level|the surface|"
                    r"ground|freezing)", re.I)
_DIFFERENCE = re.compile(r"\bdifference\b|\bhow (?:much|many degrees) (?:warmer|colder|higher|lower)\b|"
                         r"\bhow far apart\b", re.I)
_ASKED = re.compile(r"\b(?:how|what|whats|what's|find|which)\b.*$", re.I)


def _question(problem: str) -> str:
    """The problem's question: its question sentence, else its last sentence from the first question word on
    ("... rose 12 by noon whats the temp at noon"), else its last sentence."""
    asked = question_sentence(problem_sentences(problem))
    if asked:
        return asked
    sentences = problem_sentences(problem)
    last = sentences[-1] if sentences else problem
    cut = _ASKED.search(last)
    return cut.group() if cut else last


def _operands(claim: Claim) -> list[Fraction]:
    return solver.numbers_in(re.sub(r"(?<=\d)/(?=\d)", " / ", claim.expression))


def _one_op(claim: Claim) -> str:
    ops = operations(claim)
    return ops[0] if len(ops) == 1 else ""


def _clause(problem: str, value: Fraction) -> str:
    """The clause of the problem that says `value` ("then rose 12 by noon")."""
    for part in re.split(r"[,.;?!]|\band\b|\bthen\b", problem, flags=re.I):
        if value in [abs(v) for v in solver.numbers_in(part)]:
            return part.strip()
    return ""


def _signed(problem: str) -> list[Fraction]:
    """The problem's amounts with their signs: "-5" and "30 m below sea level" are below zero."""
    below = {Fraction(m.group("n")) for m in _BELOW.finditer(problem)}
    clock = {Fraction(m.group(1)) for m in re.finditer(r"(?<![\d.:])(\d+)\s*(?:[ap]\.?m\b|o'?clock)", problem, re.I)}
    return [-v if v in below and v > 0 else v for v, text in given_numbers(problem)
            if not re.search(r"\d:\d\d|[ap]\.?m\b", text, re.I) and v not in clock]


def _sign_cue(problem: str, found: list[Claim], work: str) -> tuple[str, str] | None:
    """A start below zero used as above it, or a drop past zero turned round; the one claim, on the two amounts."""
    values, claim = _signed(problem), found[-1]
    if len(values) != 2 or not claim.right or sorted(_operands(claim)) != sorted(abs(v) for v in values) \
            or re.search(r"(?<!\d)(?<!\d )[-−]\$?\d|\b(?:negative|minus) \d|\d+ below\b", work.split("=")[-1], re.I):
        return None   # the student's own result written below zero ("= -5") is theirs, read elsewhere
    start, change = values
    asked, below = _question(problem), _BELOW.search(problem)
    if _DIFFERENCE.search(asked) and (start < 0) != (change < 0):
        low, high = sorted(values)
        if claim.stated == high - low:
            return None
        return (f"Your {claim.shown} treats {fmt(low)} as {fmt(-low)}, but {fmt(low)} is {fmt(-low)} below zero.",
                f"How far is it from {fmt(high)} down to 0, and then from 0 down to {fmt(low)}?")
    if change < 0:
        return None
    clause = _clause(problem, change)
    way = 1 if _UP.search(clause) and not _DOWN.search(clause) else -1 if _DOWN.search(clause) and not \
        _UP.search(clause) else 0
    if way == 0:
        return None
    landed = start + way * change
    if claim.stated == landed or below and re.search(r"\bbelow|\bdeep\b", asked, re.I) and claim.stated == -landed:
        return None
    if start < 0 and below is not None and not re.search(r"[-−]\s?" + re.escape(fmt(-start)), problem):
        ref = below.group("ref")
        return (f"{claim.shown} takes it farther from {ref} than the {fmt(-start)} it started at.",
                f"\"{clause}\": does that move it toward {ref} or away from it?")
    if start < 0:
        return (f"Your {claim.shown} starts from {fmt(-start)}, but the problem starts at {fmt(start)}: "
                f"{fmt(-start)} below zero.",
                f"On a number line, where do you land if you start at {fmt(start)} and go {'up' if way > 0 else 'down'}"
                f" {fmt(change)}?")
    if way < 0 and change > start and claim.stated == change - start:
        return (f"Your {claim.shown} takes {fmt(start)} away from {fmt(change)}, but the story starts at "
                f"{fmt(start)} and goes down {fmt(change)}.",
                f"Going down {fmt(change)} from {fmt(start)}, do you stop at zero or go past it? Where do you land?")
    return None


_UP_NEED = re.compile(r"\bneed\w*|\btakes?\b|\bfinish\w*|\bso (?:that )?(?:all|every)|\bfor (?:all|every)", re.I)
_LEFT = re.compile(r"\bleft ?over\b|\bremain\w*|\bleft\b", re.I)
_FULL = re.compile(r"\bfull\b|\bcomplete\w*|\bwhole\b", re.I)
_CAN = re.compile(r"\bcan\b|\bcould\b|\bable\b", re.I)


def _remainder_cue(problem: str, found: list[Claim], work: str) -> tuple[str, str] | None:
    """A division with a remainder whose quotient is offered where the question needs one more group, or where it
    asks what is left over."""
    claim = found[-1]
    parts = re.fullmatch(r"(\d+) R (\d+)", claim.result)
    if parts is None or _one_op(claim) != "/":
        return None
    whole, left = int(parts.group(1)), int(parts.group(2))
    written = list(re.finditer(r"\d+\s*(?:r|R|rem\w*)\s*\d+", work))
    tail = work[written[-1].end():] if written else ""
    if not left or not re.search(rf"(?<![\d.]){whole}(?![\d.])", tail):   # "... = 11 r 1 so 11 cars": offered
        return None
    asked = _question(problem)
    noun = re.search(r"\bhow many ([a-z]+)", asked, re.I)
    named = noun.group(1) if noun and noun.group(1).lower() not in ("are", "is", "do", "does", "did", "will") \
        else "groups"
    single = left == 1
    size, facts = fmt(_operands(claim)[1]), problem.replace(asked, " ")
    groups = bool(noun) and re.search(rf"\b{re.escape(noun.group(1))}\b[^.?]*?(?<![\d.]){size}(?![\d])|(?<![\d.]){size}"
                                      rf"(?![\d])[^.?]*?\b{re.escape(noun.group(1))}\b", facts, re.I) is not None
    if (_UP_NEED.search(asked) or groups and not _CAN.search(asked)) and not _FULL.search(asked) \
            and not _LEFT.search(asked):
        return (f"After {whole} {named}, {left} {'is' if single else 'are'} still left over.",
                f"What happens to {'that 1' if single else f'those {left}'}: can the answer leave "
                f"{'it' if single else 'them'} out?")
    if _LEFT.search(asked) and not _UP_NEED.search(asked):
        return (f"You gave {whole}, the first part of {claim.result}.",
                f"Which part of {claim.result} is what is left over?")
    return None


_RATE = re.compile(r"(?P<money>\$)?(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+\s+)?(?:per|a|an|each|for each|/)"
                   r"\s+(?P<den>[a-z]+)\b", re.I)
_PER_ASKED = re.compile(r"\b(?P<num>[a-z$]+) (?:per|a|an|for each|each) (?P<den>[a-z]+)\b", re.I)
_ONE_COSTS = re.compile(r"\b(?:one|1|each|a single) (?P<den>[a-z]+) costs?\b|\bcost of (?:one|1|each) "
                        r"(?P<den2>[a-z]+)|\bhow much (?:does|is) (?:one|1|each) (?P<den3>[a-z]+)", re.I)
_MONEY = {"dollar", "dollars", "$", "cost", "costs", "money", "cents", "bucks"}


def _unit_of(problem: str, value: Fraction) -> str:
    """The unit word said after `value` in the problem ("10 km", "8 pencils"), "dollars" for "$2"."""
    for v, text in given_numbers(problem):
        if v == value:
            return "dollars" if text.startswith("$") else (text.split() + [""])[1].lower()
    return ""


def _alike(a: str, b: str) -> bool:
    money = {a.lower(), b.lower()} <= _MONEY
    return bool(a and b) and (money or wordproblem.same_word(a.lower(), b.lower()) or a[:3].lower() == b[:3].lower())


def _rate_cue(problem: str, found: list[Claim], work: str) -> tuple[str, str] | None:
    """A rate turned over (its two amounts divided the other way round), or multiplied where the question asks how
    many of its units an amount buys."""
    claim, asked = found[-1], _question(problem)
    operands, op = _operands(claim), _one_op(claim)
    if len(operands) != 2 or not claim.right:
        return None
    per, one = _PER_ASKED.search(asked), _ONE_COSTS.search(asked)
    if op == "/" and (per or one):
        num, den = (per.group("num"), per.group("den")) if per else ("dollars", next(g for g in one.groups() if g))
        top, bottom = (_unit_of(problem, v) for v in operands)
        if not (_alike(top, den) and _alike(bottom, num)) or _alike(top, bottom):
            return None
        amount = fmt(operands[0])
        if num.lower() in _MONEY:
            return (f"{claim.shown} = {claim.result} gives {top} for each {bottom.rstrip('s')}.",
                    f"If one {den} cost ${claim.result}, what would {amount} {top} cost?")
        return (f"{claim.shown} = {claim.result} gives {top} for each {bottom.rstrip('s')}, and the question asks "
                f"{num} per {den}.",
                f"If it were {claim.result} {num} for each {den}, how many {num} would {amount} {top} make?")
    rate = next((m for m in _RATE.finditer(problem) if Fraction(m.group("n")) in operands), None)
    wanted = re.search(r"\bhow (?:many|much) ([a-z]+)", asked, re.I)
    if op != "*" or rate is None or wanted is None or not _alike(wanted.group(1), rate.group("den")):
        return None
    other = next(v for v in operands if v != Fraction(rate.group("n")))
    money = rate.group("money") or _unit_of(problem, other) in _MONEY
    price = f"${rate.group('n')}" if money else f"{rate.group('n')} {(rate.group('unit') or '').strip()}".strip()
    amount = f"${fmt(other)}" if money else fmt(other)
    den = rate.group("den")
    return (f"{claim.shown} multiplies {fmt(other)} by the {price} for each {den}.",
            f"At {price} for each {den}, what would {claim.result} {wanted.group(1)} come to? Is that {amount}?")


_PERCENT = re.compile(r"(?<![\d.])(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent)")
_ORIGINAL = re.compile(r"\b(?:original\w*|at first|start\w*|begin\w*|before|used to|regular|full price|to begin)\b",
                       re.I)
_OFF = re.compile(r"\b(?:off|discount\w*|spen[dt]\w*|used|less|lost|sold|gave|ate|decreas\w*|drop\w*|fell|sale)\b",
                  re.I)
_PART_NAMED = re.compile(r"(?<![\d.])(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent)\s+(?:of (?:the |them |those )?[a-z]+ )?"
                         r"(?:are |were |is |was |r )?(?P<noun>[a-z]+)", re.I)


def _percent_cue(problem: str, found: list[Claim], work: str) -> tuple[str, str] | None:
    """A percent taken of the amount after the change when the question asks the amount before it; or the part a
    percent names offered where the question asks for the other part."""
    first = next((c for c in found if "% of" in c.expression), None)
    if first is None:
        return None
    p, of = re.match(r"\s*(\d+(?:\.\d+)?)% of \$?(\d+(?:\.\d+)?)", first.expression).groups() \
        if re.match(r"\s*\d+(?:\.\d+)?% of \$?\d", first.expression) else (None, None)
    asked, facts = _question(problem), problem.replace(_question(problem), " ")
    percents = {m.group("p") for m in _PERCENT.finditer(facts)}
    if p is None or percents != {p}:
        return None
    if _ORIGINAL.search(asked) and Fraction(of) in [v for v, _ in given_numbers(facts)]:
        change = "came off" if _OFF.search(facts) else "was added"
        return (f"You took {p}% of {of}, but {of} is what there is after the {p}% {change}: the {p}% was of "
                f"the amount before.",
                f"So {of} is what percent of the amount before?")
    named = _PART_NAMED.search(facts)
    other = re.search(r"\bhow many (?P<noun>[a-z]+)(?: (?:are|were|is|was) (?P<kind>[a-z]+))?", asked, re.I)
    if named is None or other is None or len(found) != 1 or not _offered(work, first):
        return None
    part, wanted = named.group("noun").lower(), (other.group("kind") or other.group("noun")).lower()
    if wanted in ("are", "is", "do", "does", "did") or _alike(part, wanted) or part in ("of", "off", "more", "less"):
        return None
    things = f" {other.group('noun').lower()}" if other.group("kind") else ""
    return (f"Who are the {p}% in the problem: the {part}{things} or the {wanted}{things}?",
            f"So what does your {first.result} count, and is it what the question asks?")


_THAN = re.compile(r"(?<![\d/.])(?P<n>\$?\d+(?:\.\d+)?)(?: ?[a-z]+)? (?P<way>more|fewer|less|older|younger|taller|"
                   r"shorter|longer|heavier|lighter)\b(?: (?!than\b)[a-z]+)?"
                   r"(?: than (?P<than>(?:the |a |his |her |their )?[a-z]+))?", re.I)
_LESS = ("fewer", "less", "younger", "shorter", "lighter")
_VERBS = {"is", "has", "have", "read", "are", "was", "a", "the", "and", "its", "it", "had", "weighs", "costs", "got",
          "ran", "scored", "made", "sold", "saved", "collected", "picked", "baked", "earned", "spent", "drank", "ate"}
_PRONOUN = re.compile(r"\b(?:she|he|shes|hes|she's|he's|they|theyre|they're|her|his|it|its)\b", re.I)


def _subject(before: str) -> str:
    """Who a gap is said of: the last word before it, in its sentence, that is no verb ("Leo read 9 fewer ...")."""
    words = re.findall(r"[a-z]+", before.split(".")[-1], re.I)
    return next((w for w in reversed(words) if w.lower() not in _VERBS), "")


def _owner(facts: str, value: Fraction, who: str, than: str) -> str | None:
    """Whose amount `value` is: the name said last before it in its sentence ("Ali has 61"), the gap's own subject
    for a pronoun after the names ("older than her brother and shes 21"), the other one when neither is named
    ("Pencil is 14 cm. Crayon is 6 cm shorter."); None when the number is not found."""
    at = re.search(rf"(?<![\d.]){re.escape(fmt(value))}(?![\d]|\.\d)", facts)
    if at is None:
        return None
    window = facts[:at.start()].split(".")[-1].lower()
    places = {name: window.rfind(name.lower()) for name in (who, than) if name}
    pronoun = [m.start() for m in _PRONOUN.finditer(window)]
    named = max(places, key=places.get) if places and max(places.values()) >= 0 else ""
    if pronoun and pronoun[-1] > places.get(named, -1):
        return who
    return named or (than if than else "other")


def _comparison_cue(problem: str, found: list[Claim], work: str) -> tuple[str, str] | None:
    """A gap from a named amount ("Leo read 9 fewer than Mia", Mia's 34 given) worked the other way round: the
    one claim on the gap and the other amount, its operation the opposite of the one the gap and whose amount is
    given call for. Asked which of the two has more, never judged further."""
    asked, claim = _question(problem), found[-1]
    facts = problem.replace(asked, " ") if asked else problem
    gaps = list(_THAN.finditer(facts))
    values = [v for v, _ in given_numbers(facts)]
    if len(gaps) != 1 or len(values) != 2 or _one_op(claim) not in "+-" or len(found) != 1:
        return None
    gap = gaps[0]
    size = Fraction(gap.group("n").lstrip("$"))
    base = next((v for v in values if v != size), None)
    if base is None or sorted(_operands(claim)) != sorted([size, base]):
        return None
    who = _subject(facts[:gap.start()])
    at = re.search(rf"(?<![\d.]){re.escape(fmt(base))}", facts)
    said_than = gap.group("than") or (_subject(facts[:at.start()]) if at else "")
    than = said_than.split()[-1] if said_than else ""
    owner = _owner(facts, base, who, than)
    if owner is None:
        return None
    owner_is_who = owner == who
    less = gap.group("way").lower() in _LESS
    right_op = "+" if less == owner_is_who else "-"   # the other one is the base plus or minus the gap
    if _one_op(claim) == right_op:
        return None
    if not who or not than or _alike(who, than):
        return None
    asked_one, way = said_than if owner_is_who else who, gap.group("way").lower()
    owner = who if owner_is_who else said_than
    which = f"which has {way}" if way in ("more", "fewer", "less") else f"which is {way}"
    return (f"\"{gap.group().strip()}\": {which}, {who} or {said_than}?",
            f"So should {asked_one}'s number be bigger or smaller than {owner}'s {fmt(base)}?")


def _offered(work: str, claim: Claim) -> bool:
    """The claim's result offered as the answer, or the claim said last, with nothing after it."""
    return presented_as_answer(work, claim.stated) or bool(re.search(rf"=\s*\$?{re.escape(claim.result)}\s*[a-z]*"
                                                                    r"[.!]?\s*$", work.strip(), re.I))


_GAP_ASKED = re.compile(r"\bhow (?:many|much) (?:more|fewer|less|longer|taller|shorter|older|younger|heavier|"
                        r"farther|further)\b", re.I)


def _sum_for_difference(problem: str, found: list[Claim], work: str) -> tuple[str, str] | None:
    """A gap asked ("how many more fish are in the pond than in the tank?") answered with the two amounts added."""
    asked, claim = _question(problem), found[-1]
    operands = _operands(claim)
    if not _GAP_ASKED.search(asked) or re.search(r"\bneed|\bto (?:reach|get|make|have)\b", asked, re.I) \
            or _one_op(claim) != "+" or len(operands) != 2 or not _offered(work, claim):
        return None
    made = {c.stated for c in found[:-1]}
    given = {v for v, _ in given_numbers(problem)}
    if not (set(operands) <= made or set(operands) == given and len(given_numbers(problem)) == 2):
        return None   # "12 red + 9 blue" of Ann's beads against Ben's 30: a total on the way, no gap
    low, high = sorted(operands)
    return (f"{claim.result} is {fmt(high)} and {fmt(low)} put together, and the question asks \"{asked.strip()}\"",
            f"How much bigger is {fmt(high)} than {fmt(low)}?")


_AT_FIRST = re.compile(r"\b(?:at first|to (?:start|begin) with|in the beginning|originally|at the start|"
                       r"(?:did|does) (?:she|he|they|it) (?:start|begin) with)\b", re.I)
_AWAY = re.compile(r"\b(?:away|gave|give[ns]?|ate|eaten|spen[dt]\w*|sold|lost|used|took|left|broke|popped|"
                   r"fell|drove off|got off)\b", re.I)
_GAINED = re.compile(r"\b(?:got|gets|more|received|found|bought|added|joined|came|won|earned|picked)\b", re.I)
_REST = re.compile(r"\b(?:left|remain\w*|now|still|ended up)\b", re.I)


def _start_unknown(problem: str, found: list[Claim], work: str) -> tuple[str, str] | None:
    """A start asked ("how many at first?") from what was left after a change: the claim on the two amounts that
    goes the way of the change ("14 - 8" after 8 flew away and 14 were left) instead of undoing it."""
    asked, claim = _question(problem), found[-1]
    facts = problem.replace(asked, " ") if asked else problem
    values = [v for v, _ in given_numbers(facts)]
    if not _AT_FIRST.search(asked) or len(values) != 2 or len(found) != 1 or sorted(_operands(claim)) != sorted(values):
        return None
    rest = next((v for v in values if _REST.search(_clause(facts, v))), None)
    change = next((v for v in values if v != rest), None)
    if rest is None or change is None:
        return None
    said = _clause(facts, change)
    away = bool(_AWAY.search(said)) and not _GAINED.search(said)
    gained = bool(_GAINED.search(said)) and not _AWAY.search(said)
    if away == gained or _one_op(claim) != ("-" if away else "+"):
        return None
    noun = re.search(r"\bhow many ([a-z]+)", asked, re.I)
    stop = ("are", "were", "did", "do", "was", "at", "in", "of", "had", "there")
    things = f" {noun.group(1)}" if noun and noun.group(1).lower() not in stop else ""
    return (f"{fmt(rest)} is what there was after \"{said}\".",
            f"At first, before that, were there more{things} than {fmt(rest)} or fewer?")


def meaning_cue(problem: str, found: list[Claim], work: str) -> tuple[str, str] | None:
    """(lead, question) for right arithmetic read the wrong way in this problem; None when no cue is sure."""
    if not found or not all(c.right for c in found):
        return None
    for cue in (_sign_cue, _remainder_cue, _rate_cue, _percent_cue, _comparison_cue, _sum_for_difference,
                _start_unknown):
        said = cue(problem, found, work)
        if said is not None:
            return said
    return None


# a help request that asks what the problem's words mean, or which way to work: "does 4 times as many mean i add
# 4?", "fewer means take away right??", "does of mean times or divide", "is rising more negative or less"
_ASKS_MEANING = re.compile(r"\bmeans?\b|\b(?:do|should|would|can) (?:i|we|u)\b|\bor\b|\bright\s*\?|\bjust\b[^.!]*\?|"
                           r"\bconfus\w*|\b(?:dont|don't|do not) get\b|\bidk\b|\bwhat (?:is|does) an?\b", re.I)
_TIMES_AS = re.compile(r"(?<![\d.])(?P<n>\d+) times as (?P<way>[a-z]+)(?: [a-z]+)?(?: as (?P<who>[a-z]+(?:'s)?))?",
                       re.I)
_FRACTION_OF = re.compile(r"(?<![\d/.])(?P<a>\d+)/(?P<b>\d+) of (?:the |her |his |their |all )?(?P<whole>\d+)"
                          r"(?: (?P<noun>[a-z]+))?", re.I)


_MINE = re.compile(r"\b(?:i|we|u|im|me|my)\b|\bmeans?\b", re.I)


def _asking(problem: str, work: str) -> tuple[str, str]:
    """(the student's words that ask, the problem's facts): a question of theirs typed into the retold problem
    ("lena 6 shells omar has 4 times as many. does 4 times as many mean i add 4?") is theirs, not the problem's."""
    theirs = [p for p in problem_sentences(problem) if _ASKS_MEANING.search(p) and _MINE.search(p)
              or not re.search(r"\d", p) and re.search(r"\bor\b|\bmeans?\b", p, re.I)]
    facts = problem
    for sentence in theirs:
        facts = facts.replace(sentence, " ")
    return " ".join([*theirs, work]), facts


def _times_meaning(facts: str, asking: str) -> tuple[str, str] | None:
    times = _TIMES_AS.search(facts)
    if times is None or not re.search(r"\btimes\b", asking, re.I) or not re.search(r"\b(?:add|plus|more|\+)", asking,
                                                                                  re.I):
        return None
    n = Fraction(times.group("n"))
    others = [(v, text) for v, text in given_numbers(facts) if v != n]
    if len(others) != 1:
        return None
    value, text = others[0]
    owner = _subject(facts[:facts.find(text)]) if text in facts else ""
    whose = f"{owner}'s {text}" if owner and owner.lower() not in text.lower() else text
    noun = (text.split() + [""])[1]
    return (f"\"{times.group().strip()}\" means {fmt(n)} groups the size of {whose}, not {fmt(n)} more.",
            f"How many {noun or 'is that'} {'are' if noun else ''} in {fmt(n)} groups of {fmt(value)}?".replace(
                "  ", " ").replace("is that in", "is"))


def _than_meaning(facts: str, asking: str) -> tuple[str, str] | None:
    gaps = list(_THAN.finditer(facts))
    if len(gaps) != 1 or gaps[0].group("way").lower() not in asking.lower():
        return None
    gap = gaps[0]
    size = Fraction(gap.group("n").lstrip("$"))
    values = [v for v, _ in given_numbers(facts) if v != size]
    who = _subject(facts[:gap.start()])
    if len(values) != 1 or not who:
        return None
    at = re.search(rf"(?<![\d.]){re.escape(fmt(values[0]))}", facts)
    said_than = gap.group("than") or (_subject(facts[:at.start()]) if at else "")
    than = said_than.split()[-1] if said_than else ""
    if not than or _alike(who, than) or _owner(facts, values[0], who, than) != than:
        return None
    way = gap.group("way").lower()
    kind = "have" if way in ("more", "fewer", "less") else "be"
    wording = f"does {who} have more than {said_than}'s {fmt(values[0])} or fewer" if kind == "have" else \
        f"is {who} {' or '.join(_WAYS_PAIR.get(way, (way, 'not')))} than {said_than}'s {fmt(values[0])}"
    return (f"\"{gap.group().strip()}\" compares {who} with {said_than}.",
            f"So {wording}? That tells you whether to add the {fmt(size)} or take it away.")


_WAYS_PAIR = {way: pair for pair in (("older", "younger"), ("taller", "shorter"), ("longer", "shorter"),
                                     ("heavier", "lighter")) for way in pair}


def _fraction_meaning(facts: str, asking: str) -> tuple[str, str] | None:
    part = _FRACTION_OF.search(facts)
    if part is None or not re.search(r"\bof\b", asking, re.I):
        return None
    a, b, whole = part.group("a"), part.group("b"), part.group("whole")
    noun = f" {part.group('noun')}" if part.group("noun") else ""
    return (f"{a}/{b} of {whole}{noun} means {a} of the {b} equal parts of the {whole}{noun}.",
            f"How many{noun} are in one of those {b} equal parts?")


def _sign_meaning(facts: str, asking: str) -> tuple[str, str] | None:
    values = _signed(facts)
    if len(values) != 2 or not (values[0] < 0 < values[1]) or not re.search(
            r"\bnegative|\bminus\b|\bbelow\b|\bzero\b|\b(?:add|subtract)\b", asking, re.I):
        return None
    start, change = values
    clause = _clause(facts, change)
    way = 1 if _UP.search(clause) and not _DOWN.search(clause) else -1 if _DOWN.search(clause) and not \
        _UP.search(clause) else 0
    if way == 0:
        return None
    toward = "up, toward 0" if way > 0 else "down, away from 0"
    return (f"{fmt(start)} is {fmt(-start)} below zero, and \"{clause}\" moves it {toward}.",
            f"Starting at {fmt(start)} and moving {fmt(change)} {'up' if way > 0 else 'down'}, do you pass 0 or "
            f"stay below it?" if way > 0 else f"Starting at {fmt(start)}, where are you after moving {fmt(change)} "
                                              f"further down?")


def _mean_meaning(facts: str, asking: str) -> tuple[str, str] | None:
    if not re.search(r"\b(?:average|mean)\b", asking, re.I) or not re.search(r"\b(?:average|mean)\b", facts, re.I):
        return None
    given = given_numbers(facts)
    counted = [(v, text) for v, text in given if len(text.split()) > 1 and v == len(given) - 1][-1:]   # "on 3 days"
    scores = [fmt(v) for v, text in given if (v, text) not in counted]
    if len(scores) < 2:
        return None
    over = f"the {counted[0][1]}" if counted else f"the {len(scores)} numbers"
    return (f"The average (mean) is what each would be if the total were shared out evenly over {over}.",
            f"So first: what is the total of {said_list(scores)}, before you share it out?")


_PARTS_ASKED = re.compile(r"\b(?:top|bottom|numerator|denominator)\b|\bthe \d+ or the \d+\b", re.I)
_SCALED = re.compile(r"\bbottom (?:is|to be|of)\b|\bdenominator\b|\bequivalent\b|\bout of \d+\b", re.I)


def _fraction_parts(facts: str, asking: str) -> tuple[str, str] | None:
    """"do i multiply the top or the bottom by 4" of 3/5 written over 20: both, to keep its size; "do i times the 2
    or the 3 by 6" of 6 batches of 2/3 cup: the thirds stay thirds, only how many of them changes."""
    fraction = re.search(r"(?<![\d/.])(\d+)/(\d+)(?![\d/])", facts)
    if fraction is None or not _PARTS_ASKED.search(asking):
        return None
    top, bottom = fraction.groups()
    shown = f"{top}/{bottom}"
    if re.search(rf"{shown} of\b", facts):   # "2/5 of the 45 cars": a part of a whole, no lots of it
        return None
    if _SCALED.search(facts):
        return (f"To keep {shown} the same size, whatever you multiply the bottom by, you multiply the top by too.",
                f"What do you multiply {bottom} by to get the new bottom, and what does that make the top?")
    lots = [v for v, _ in given_numbers(facts.replace(shown, " ")) if v > 1 and v.denominator == 1]
    if len(lots) != 1:
        return None
    n, name = fmt(lots[0]), {2: "halves", 3: "thirds", 4: "fourths", 5: "fifths", 6: "sixths", 8: "eighths",
                             10: "tenths", 12: "twelfths"}.get(int(bottom), f"parts of {bottom}")
    return (f"{n} lots of {shown} is {n} lots of {top} {name}: the {name} stay {name}, only how many of them "
            f"changes.", f"So {n} lots of {top} {name} is how many {name}?")


_PERCENT_CHANGE = re.compile(r"(?<![\d.])(?P<p>\d+(?:\.\d+)?)\s*%\s*(?P<way>off|discount|more|less|increase|"
                             r"decrease|tax|tip)|(?P<verb>increased|decreased|raised|reduced|goes up|goes down|went up|"
                             r"went down|up|down|off) by (?P<q>\d+(?:\.\d+)?)\s*%", re.I)


def _percent_meaning(facts: str, asking: str) -> tuple[str, str] | None:
    """"is the 25% the price i pay or the part they take off", "is increased by 20% just 20 dollars": a percent
    change is that percent OF the amount it changes, taken off or added on."""
    change, asked = _PERCENT_CHANGE.search(facts), _question(facts)
    if change is None or not re.search(r"%|\bpercent\b", asking, re.I) or _ORIGINAL.search(asked) \
            or re.search(r"\b(?:after|now|left|sale price)\b", facts.replace(asked, " ") if asked else facts, re.I):
        return None   # "after a 15% discount, shoes cost $68": $68 is no amount the 15% is of
    p = change.group("p") or change.group("q")
    amounts = [(v, text) for v, text in given_numbers(facts) if fmt(v) != p]
    if len(amounts) != 1:
        return None
    words = (change.group("way") or change.group("verb")).lower()
    off = re.search(r"off|discount|less|decrease|reduced|down", words) is not None
    whole = amounts[0][1] if amounts[0][1].startswith("$") else fmt(amounts[0][0])
    dollars = re.search(r"\bdollars?\b|\$|\bbucks\b", asking, re.I) is not None
    then = f"{p} out of every 100, not {p} dollars" if dollars else \
        f"what you pay is what is left" if off else "the new amount is the old one and that part"
    return (f"{p}% {'off' if off else 'more'} means {p}% of {whole} is {'taken off' if off else 'added on'}: {then}.",
            f"How much is {p}% of {whole}?")


_AROUND = re.compile(r"\b(?:around|fenc\w*|border|edge|trim|frame|perimeter)\b", re.I)
_INSIDE = re.compile(r"\b(?:area|cover\w*|carpet\w*|tiles?|paint\w*|inside|surface)\b", re.I)


def _measure_meaning(facts: str, asking: str) -> tuple[str, str] | None:
    """"is this area or perimeter", "do i add all the sides or multiply" of a box's volume: what the measure
    counts (the distance around, the squares that cover, the cubes that fill), asked on this shape's own sides."""
    if not re.search(r"\b(?:area|perimeter|volume|add|plus|multiply|times)\b", asking, re.I):
        return None
    sides = [fmt(v) for v, _ in given_numbers(facts)]
    if len(sides) == 3 and re.search(r"\bvolume\b", facts + " " + asking, re.I):
        return ("Volume counts the unit cubes that fill the box.",
                f"How many cubes cover the bottom layer, {sides[0]} by {sides[1]}, and how many layers stack up to "
                f"{sides[2]}?")
    if len(sides) != 2:
        return None
    around, inside = _AROUND.search(facts), _INSIDE.search(facts)
    if around and not inside:
        return ("Going around measures the edge: the distance all the way round, the perimeter, not the space "
                "inside.", f"Walking all the way around the {sides[0]} by {sides[1]} shape, which sides do you walk "
                           f"along, and how many of each?")
    if inside and not around:   # "do i add them?" answered first: adding the sides goes around the edge
        added = re.search(r"\b(?:add|plus)\b", asking, re.I)
        return ("Adding the sides measures the way around the edge; the area is the space inside." if added else
                "Covering measures the space inside: the unit squares that cover it, the area.",
                f"How many rows of {sides[1]} squares fit along the {sides[0]}?")
    return None


def phrase_asked(problem: str, work: str) -> tuple[str, str] | None:
    """(lead, question) for a help request that asks what the problem's relating words mean or which way to work
    ("does 4 times as many mean i add 4?", "fewer means take away right??", "does of mean times or divide",
    "is rising more negative or less", "whats an average even mean"): the phrase said in this problem's own
    quantities, and a question that settles the doubt; None when the student asks nothing of the kind."""
    asking, facts = _asking(problem, work)
    if not _ASKS_MEANING.search(asking) or claims(work):
        return None
    for meaning in (_times_meaning, _than_meaning, _fraction_parts, _fraction_meaning, _percent_meaning,
                    _sign_meaning, _mean_meaning, _measure_meaning):
        said = meaning(facts, asking)
        if said is not None:
            return said
    return None
