"""Chains the planner reads by parts: a story that leaves some amount, then that amount shared out equally; an owner's
amount said in a clause of its own ('than Sam, who has 25'); any story read clause by clause, the amount the clauses
before a cut make fed to the clauses after it (clause_chain: groups then some broken, a price then a fee, a rate over
days then one more day); two kinds in each group added first ('Each table has 4 chairs and 2 stools': pair_each).

'Kim has 56 stickers. She keeps 3/8 of them and shares the rest equally among her 5 classmates. How many stickers
does each classmate get?' is a whole story ('Kim has 56 stickers. She keeps 3/8 of them.') and one last step (the
rest in 5 equal shares). The share's clause is cut off, the story is planned asking what is left (by every pattern,
so a portion, a percent, groups then a change all count), and the division is added as the plan's last step. Only
when the clause names the rest ('the rest', 'the remaining slices', 'the other books'), holds the one number of the
shares, the question asks for one share of those same things ('each classmate', 'each box'), and the shares come out
whole (money in cents).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction

from wordproblem import (Plan, Quantity, Ref, Step, apply_op, fmt, normalise, number_value, read_problem, same_word,
                         stem)

_REST = r"(?:the rest|the remainder|the remaining|the others?|all the others?)\b"
_SHARE_VERB = r"(?:shared?|shares|divided?|divides|split|splits|packed|packs?|placed|places?|put|puts|gave|gives?|" \
              r"handed out|hands? out|given out|gives? out|gave out)\b"
# Where the share's clause starts in the sentence before the question: ', and (then) shares the rest equally among her
# 5 classmates', or the whole sentence ('The remaining shirts were packed equally into 8 boxes.').
_CUT = re.compile(r",? and (?:then )?|, then ")
_SHARES = re.compile(r"\b(?:equally |evenly )?(?P<prep>among|between|into|onto|on|in|to) "
                     r"(?:her |his |their |the |its )?(?P<n>\d+) (?P<y>[a-z]+)\b")
_SHARERS = re.compile(r"^(?:(?:her|his|their|the) )?(?P<n>\d+) (?P<y>[a-z]+) " + _SHARE_VERB)
# Some set apart before the rest is shared: 'She kept 12 cookies', 'and saves $20'
_APART = re.compile(r"(?:^|,? and (?:then )?|, then )(?P<clause>(?:(?:[Ss]he|[Hh]e|[Tt]hey|[Ww]e|[Ii]t|[A-Z][a-z]+) )?"
                    r"(?:kept|keeps|keep|saved|saves|save|set aside|sets aside|put aside|puts aside) (?P<k>\$?\d+)"
                    r"(?: (?P<u>[a-z]+)| of them)?(?: (?:for|in|at) (?:the |her |his |their |a )?[a-z]+)?)$")
_ASKED = re.compile(r"^[Hh]ow (?:many (?P<x>[a-z]+)|much(?: money)?)\b[^?]*\beach (?P<y>[a-z]+)\b[^?]*\?$")


def _shares(clause: str) -> tuple[re.Match, str] | None:
    """The shares' count and what they are ('among her 5 classmates', 'his 4 friends shared'), with its preposition,
    when the clause names the rest, says it is shared equally, and holds no other number."""
    if len(re.findall(r"\d", re.sub(r"\d+", "0", clause))) != 1 or not re.search(_REST, clause, re.I):
        return None
    sharers = _SHARERS.match(clause)
    if sharers and re.search(r"\b(?:equally|evenly)\b", clause):
        return sharers, "among"
    shares = _SHARES.search(clause)
    if shares and re.search(_SHARE_VERB, clause) and re.search(r"\b(?:equally|evenly)\b", clause):
        return shares, shares.group("prep")
    return None


def _starts(t: str) -> list[int]:
    """Where each sentence starts ('155 passengers got on.' starts with its number)."""
    return [m.start() for m in re.finditer(r"(?:^|(?<=[.!?] ))[A-Z\d$]", t)]


def _then(found: Plan, op: str, quantity: Quantity, question: str) -> Plan:
    """The plan with one more step: its last result and a new quantity of the text."""
    quantities = found.quantities + [quantity]
    values = (found.answer, quantity.value)
    step = Step(op, (Ref("step", len(found.steps) - 1), Ref("quantity", len(quantities) - 1)), values,
                apply_op(op, values), found.unit, question)
    return replace(found, quantities=quantities, steps=found.steps + [step])


def _set_apart(head: str, what: str) -> tuple[int, re.Match] | None:
    """'She kept 12 cookies' ending the story before the share: where it starts, and its amount."""
    m = _APART.search(head)
    if m is None or (m.group("u") and not same_word(m.group("u"), what)) or \
            (what == "money") != m.group("k").startswith("$"):
        return None
    return m.start(), m


def shared_rest(problem: str, plan_all: Callable[[str], Plan | None]) -> Plan | None:
    """The story up to the share planned by `plan_all` as 'How many ... are left?' (or, when some are set apart
    first, as 'How many ... are there altogether?', less those), then the rest in equal shares."""
    t = normalise(problem)
    starts = _starts(t)
    if len(starts) < 3:
        return None
    asked = _ASKED.match(t[starts[-1]:])
    sentence = t[starts[-2]:starts[-1]].rstrip(" .")
    cuts = [(m.start(), m.end()) for m in _CUT.finditer(sentence)][::-1] + \
        ([(-2, 0)] if re.match(_REST, sentence, re.I) else [])   # the sentence's own full stop is its cut
    found = next(((cut, said) for cut, at in cuts if (said := _shares(sentence[at:]))), None) if asked else None
    if not found:
        return None
    cut, (shares, prep) = found
    y = asked.group("y")
    if not same_word(shares.group("y"), y) and not shares.group("y").startswith(stem(y)):
        return None
    what = asked.group("x") or "money"
    apart = _set_apart(t[starts[-2]:starts[-2] + max(cut, 0)], what)
    end = starts[-2] + (apart[0] if apart else cut)
    question = ("How many {} are there altogether?" if apart else "How many {} are left?").format(what) \
        if what != "money" else "How much money is there altogether?" if apart else "How much money is left?"
    before = plan_all(f"{t[:end].rstrip(' ,')}. {question}")
    if before is None or not (same_word(before.unit, what) or (what == "money" and before.unit == "dollars")):
        return None
    if apart:
        kept = apart[1]
        k = Quantity(number_value(kept.group("k")), before.unit, kept.group("k") if what == "money" else
                     f"{kept.group('k')} {what}")
        lower = kept.group("clause")[0].lower() + kept.group("clause")[1:]
        before = _then(before, "-", k, f"How {'much money is' if what == 'money' else f'many {what} are'} left to "
                                       f"share once {lower}?")
        if before.answer <= 0:
            return None
    n = Quantity(Fraction(int(shares.group("n"))), shares.group("y"), f"{shares.group('n')} {shares.group('y')}")
    rest = f"${fmt(before.answer)}" if what == "money" else f"{fmt(before.answer)} {what}"
    shared = _then(before, "/", n, f"{rest[0].upper()}{rest[1:]} shared equally {prep} {n.text}: "
                                   f"{asked.group()[0].lower()}{asked.group()[1:]}")
    if (what != "money" and shared.answer.denominator != 1) or (shared.answer * 100).denominator != 1:
        return None   # whole things share out whole, money in cents
    return replace(shared, problem=problem, pattern="shared_rest")


# An owner's amount said inside another's sentence: 'than Sam, who has 25.', 'Ben, who has 12 fewer than Cara',
# 'than Cara's 40'. Each is said as a sentence of its own, counting what the story counts.
_WHO_HAS = re.compile(r"\b(?P<who>[A-Z][a-z]+), who (?P<verb>has|had|owns|owned|collected|scored|read|picked|saved|"
                      r"earned|is|was) (?P<rest>[^,.?!]*?\d[^,.?!]*?)(?=[.!?] |, and\b)")
_OWNERS_AMOUNT = re.compile(r"\b(?P<than>than|as) (?P<who>[A-Z][a-z]+)'s (?P<n>\$?\d+(?:\.\d+)?)(?P<unit> [a-z]+)?"
                            r"(?=[.,!?] )")
_BARE = re.compile(r"^\$?\d+(?:\.\d+)?$")
_ASKED_NOUN = re.compile(r"\b[Hh]ow many (?!(?:do|does|did|will|would|can|are|is|were|was)\b)(?P<noun>[a-z]+)\b")


def owner_clause(problem: str, plan_all: Callable[[str], Plan | None]) -> Plan | None:
    """The problem with each owner's amount said as a sentence of its own ('... than Sam. Sam has 25 marbles.'); a
    bare number counts what the question asks for ('How many marbles ...')."""
    t = normalise(problem)
    asked = _ASKED_NOUN.search(t)
    compared = {m.group(1) for m in re.finditer(r"\b(?:many|much|more|fewer|less) ([a-z]+) (?:than|as)\b", t)}
    noun = asked.group("noun") if asked else compared.pop() if len(compared) == 1 else ""

    def counted(n: str, unit: str | None) -> str | None:
        if unit and noun and not same_word(unit.strip(), noun):
            return None
        return n + (unit or ("" if n.startswith("$") or not noun else f" {noun}"))

    def own_sentence(m: re.Match) -> str:
        amount = counted(m.group("rest"), None) if _BARE.match(m.group("rest")) else m.group("rest")
        return f"{m.group('who')}. {m.group('who')} {m.group('verb')} {amount}" if amount else m.group()

    def possessed(m: re.Match) -> str:
        amount = counted(m.group("n"), m.group("unit"))
        return f"{m.group('than')} {m.group('who')}. {m.group('who')} has {amount}" if amount else m.group()

    said = _OWNERS_AMOUNT.sub(possessed, _WHO_HAS.sub(own_sentence, t))
    if noun and not asked:   # 'How many do Ann and Ben have together?' of the one thing compared
        said = re.sub(r"\b([Hh]ow many) (?=(?:do|does|did|will)\b)", rf"\1 {noun} ", said)
    found = plan_all(said) if said != t else None
    return found and replace(found, problem=problem)


# The places not taken after a capacity the story builds ('18 rows of 24 seats'): one place for each person or ticket
_PLACES = r"seats|chairs|places|spaces|spots|beds|desks"
_PLACES_LEFT = re.compile(rf"(?:[Hh]ow many (?P<asked>{_PLACES}) (?:were|are|will be|would be) (?:still )?(?:empty|"
                          rf"free|left|unused|open|available|vacant|not (?:used|taken|filled))|how many empty "
                          rf"(?P<asked_>{_PLACES}) (?:were|are|will) (?:there|be there)?)\s*\?$")
_TAKEN = re.compile(r"(?P<n>\d+) (?P<who>people|persons|tickets|students|passengers|guests|children|kids|adults|"
                    r"visitors|fans|riders|members|players|campers|pupils|parents|spectators|teachers|boys|girls)\b")


def places_left(problem: str, plan_all: Callable[[str], Plan | None]) -> Plan | None:
    """'A theater has 18 rows of 24 seats. For a show, 389 tickets were sold. How many seats were empty?': the places
    the story makes (planned by `plan_all` as 'How many seats are there?'), less the one count of people or tickets
    said in a sentence (or the question's 'if' clause) of its own, each taking one place. Places taken said as places
    ('548 seats are taken') in one equal-groups sentence are parts_patterns.groups_room_left's, which runs first."""
    t = normalise(problem)
    starts = _starts(t)
    iffy = re.match(r"(?P<if>If (?P<c>[^,]+), )(?P<q>how many .*)$", t[starts[-1]:]) if starts else None
    question = iffy.group("q") if iffy else t[starts[-1]:] if starts else ""
    asked = _PLACES_LEFT.match(question[0].upper() + question[1:]) if question else None
    if asked is None or len(starts) < 2 + (not iffy):
        return None
    place = asked.group("asked") or asked.group("asked_")
    said = iffy.group("c") if iffy else t[starts[-2]:starts[-1]]
    taken = list(_TAKEN.finditer(said))
    if len(taken) != 1 or len(re.findall(r"\d+", said)) != 1:
        return None
    story = t[:starts[-1] if iffy else starts[-2]].rstrip()
    capacity = plan_all(f"{story} How many {place} are there?")
    if capacity is None or not same_word(capacity.unit, place):
        return None
    n = taken[0]
    people = Quantity(Fraction(int(n.group("n"))), place, f"{n.group('n')} {n.group('who')}")
    left = _then(capacity, "-", people, f"One {stem(place)} for each of the {n.group('n')} {n.group('who')}: how many "
                                        f"of the {fmt(capacity.answer)} {place} are left?")
    return replace(left, problem=problem, pattern="places_left") if left.answer >= 0 else None


def _fed(found: Plan, text: str, plan_all: Callable[[str], Plan | None], problem: str) -> Plan | None:
    """`text`, which says `found`'s answer once as a given amount, planned by `plan_all` with that amount read as
    `found`'s last step: `found`'s steps, then the text's, the fed amount's own quantity left out. The amount is
    the one quantity of that value, or of those the one written as it was fed ('6 seats', not '6 tables')."""
    later = plan_all(text)
    said = [i for i, q in enumerate(later.quantities) if q.given and q.value == found.answer] if later else []
    if len(said) > 1:
        written = f"{fmt(found.answer)} {found.unit}".lower()
        said = [i for i in said if later.quantities[i].text.lower() in (written, f"${fmt(found.answer)}")]
    if len(said) != 1 or not any(Ref("quantity", said[0]) in st.operands for st in later.steps):
        return None
    n_q, n_s = len(found.quantities), len(found.steps)

    def moved(r: Ref) -> Ref:
        if r.kind == "step":
            return Ref("step", r.index + n_s)
        if r.index == said[0]:
            return Ref("step", n_s - 1)
        return Ref("quantity", n_q + r.index - (r.index > said[0]))

    quantities = found.quantities + [q for i, q in enumerate(later.quantities) if i != said[0]]
    steps = found.steps + [replace(st, operands=tuple(map(moved, st.operands))) for st in later.steps]
    return Plan(problem, f"{found.pattern}+{later.pattern}", quantities, steps)


# Where a story's clause ends and the next, which acts on what the story so far made, begins: a sentence's end, or
# ', and then', ', then', ' then', a comma before a new subject ('9 packs of 6 juice boxes, the class drank 20').
_CLAUSE_END = re.compile(r"(?<=[.!]) +(?=\S)|,? and then |,? then |"
                         r", (?=(?:the|he|she|they|we|i|it|[a-z]+ and [a-z]+)\b)")
_COUNTED = re.compile(r"(?<![\d./$])\d+(?:\.\d+)? (?:[a-z]+ )?([a-z]+)\b")


def _counted_nouns(head: str, tail: str, question: str) -> list[str]:
    """What the head's amount may count: the question's noun, then the nouns of the tail's amounts, then the
    head's, last first ('11 cookies broke' counts what '6 rows of 9 cookies' made)."""
    asked = re.findall(r"\bhow many ([a-z]+)", question, re.I)
    nouns = asked + [m.group(1) for m in _COUNTED.finditer(tail)] + \
        [m.group(1) for m in reversed(list(_COUNTED.finditer(head)))]
    return list(dict.fromkeys(n.lower() for n in nouns))


_SUBJECT = re.compile(r"(?:^|(?<=[.!] ))(?P<who>(?:he|she|they|we|i|it|[A-Z][a-z]+)) (?=[a-z]+ )", re.I)


def _with_subject(body: str, cut: re.Match) -> str:
    """The clauses after the cut, a clause cut inside its sentence ('and then shared the rest') given the subject
    of that sentence ('She shared the rest'), or 'They' when the sentence starts with no one named."""
    tail = body[cut.end():].strip()
    if body[:cut.start()].rstrip().endswith((".", "!")) or re.match(r"(?:the|he|she|they|we|i|it)\b", tail, re.I) or \
            re.match(r"\d|[a-z]+ and [a-z]+\b", tail):
        return tail
    who = list(_SUBJECT.finditer(body, 0, cut.start()))
    said = who[-1].group("who") if who and who[-1].group("who").lower() != "it" else "they"
    return f"{said} {tail}"


# A part of an amount named by a pronoun or a noun ('1/3 of them', '25% of the cards'): of the start or of what the
# clauses before made, the text does not say; 'of what is left', 'of the rest' says it.
_OF_WHICH = re.compile(r"(?:\d+/\d+|\d+%) of (?:them|it|those|these|(?:the|her|his|their) (?!rest\b|remaining\b|"
                       r"remainder\b)[a-z]+)")


def _takes_part(found: Plan) -> bool:
    """Does the plan take a fraction or a percent of an amount?"""
    return any(q.unit == "percent" or (q.value < 1 and q.value.denominator != 1) for q in found.quantities)


def clause_chain(problem: str, plan_all: Callable[[str], Plan | None], depth: int = 2) -> Plan | None:
    """A story read clause by clause: the clauses up to a cut planned by `plan_all` as the one amount they make
    ('a bag has 6 rows of 9 cookies': How many cookies are there now?, and asked as what is left, the same), that
    amount said as a sentence of its own in front of the clauses after the cut ('There are 54 cookies. 11 cookies
    broke. How many are not broken?'), which are planned in turn (or cut again), the amount fed in as the head's last
    step. Every number of both parts is placed by its own plan, and the amount fed in must be one the tail's plan
    uses."""
    read = read_problem(problem)
    if read is None or depth == 0:
        return None
    body, question = read.body.rstrip(), read.question.strip()

    def plan_tail(text: str) -> Plan | None:
        return plan_all(text) or clause_chain(text, plan_all, depth - 1)

    for cut in _CLAUSE_END.finditer(body):
        head, tail = body[:cut.start()].rstrip(" ,."), _with_subject(body, cut)
        if not re.search(r"\d", head) or not re.search(r"\d", tail) or _OF_WHICH.search(tail):
            continue
        asks = ([("dollars", ("How much money is there now?", "How much does it cost now?", "How much money is "
                              "left?"))] if "$" in head else []) + \
            [(noun, (f"How many {noun} are there now?", f"How many {noun} are left?"))
             for noun in _counted_nouns(head, tail, question)]
        for noun, phrasings in asks:
            made = [found for ask in phrasings if (found := plan_all(f"{head}. {ask}")) is not None]
            if not made or len({found.answer for found in made}) > 1 or (_takes_part(made[0]) and len(made) < 2):
                continue   # what the head makes is one amount however it is asked: a part of a whole ('1/4 of the
                # water is used', '3/4 of them have a pet') may be the part or the rest, so both askings must agree
            before = made[0]
            if not same_word(before.unit, noun) or before.answer <= 0 or sum(q.given for q in before.quantities) < 2:
                continue   # a head of one amount only changes its unit ('2 meters' as 200 cm): never a new amount
            amount = f"There is ${fmt(before.answer)}." if noun == "dollars" else \
                f"There are {fmt(before.answer)} {noun}."
            found = _fed(before, f"{amount} {tail[0].upper()}{tail[1:]} {question}", plan_tail, problem)
            if found is not None:
                return found
    return None


# Groups with two kinds of members: 'Each table has 4 chairs and 2 stools.' The two counts per group are one amount of
# what the question counts ('How many seats ...?'), added first; read any other way, the second count is said once.
EACH_PAIR = re.compile(r"\b[Ee]ach (?P<g>[a-z]+) (?:has|have|had|holds|held|carries|carried|gets|got|contains|"
                       r"seats|sits) (?P<a>\d+) (?P<x>[a-z]+) and (?P<b>\d+) (?P<y>[a-z]+)\b(?! each)")


def pair_each(problem: str, plan_all: Callable[[str], Plan | None]) -> Plan | None:
    """The two counts of each group added as what the question counts, then the story planned with that sum said
    as each group's one count ('Each table has 6 seats.'); None when the question counts one of the two kinds."""
    t = normalise(problem)
    pair = EACH_PAIR.search(t)
    asked = re.search(r"\b[Hh]ow many (?P<n>[a-z]+)\b", t)
    if pair is None or asked is None or EACH_PAIR.search(t, pair.end()) or \
            any(same_word(asked.group("n"), pair.group(k)) for k in ("x", "y")) or \
            re.match(r"(?:more|fewer|less|are|were|is|was|do|does|did|can|will)$", asked.group("n")):
        return None
    noun, a, b = asked.group("n"), Fraction(int(pair.group("a"))), Fraction(int(pair.group("b")))
    kinds = [Quantity(a, pair.group("x"), f"{pair.group('a')} {pair.group('x')}"),
             Quantity(b, pair.group("y"), f"{pair.group('b')} {pair.group('y')}")]
    both = Step("+", (Ref("quantity", 0), Ref("quantity", 1)), (a, b), a + b, noun,
                f"Each {pair.group('g')} has {kinds[0].text} and {kinds[1].text}: how many {noun} is that for one "
                f"{pair.group('g')}?")
    said = f"{t[:pair.start('a')]}{fmt(a + b)} {noun}{t[pair.end():]}"
    return _fed(Plan(problem, "pair_each", kinds, [both]), said, plan_all, problem)
