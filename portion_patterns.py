"""Portions of an earlier amount: a start, then fractions or percents taken from it in turn, each said against the
amount it is of ('she spent 1/3 of her money', '1/4 of what was left', 'half of the remaining apples').

Precision first: every fraction's referent is resolved exactly or nothing is planned. The first portion is of the
start ('her money', 'them', 'the apples', 'it'); every later one names the remainder before it ('what was left',
'the rest', 'the remaining money', 'the stickers she had left'); a later portion said of the start again ('1/4 of
her money') is another reading (two parts of one whole) and is left to the readers that own it. The question asks
for what is left at the end ('How much money does she have now?') after portions taken away, or names the last
'rest' ('... and the rest ride the bus. How many ride the bus?', 'The others are green. How many green ...?').
"""
from __future__ import annotations

import re
from fractions import Fraction

from wordproblem import Builder, Plan, Problem, fraction_part, fmt, stem, whole_count

# The start: the first sentence says one amount that someone or something has ('Maya had $60.', 'A farmer picked
# 120 apples.', 'A tank holds 200 liters of water.', 'There are 240 students in a school.').
_START = re.compile(r"(?:^|(?<=[.!] ))(?P<who>[A-Z][a-z']*(?: [A-Za-z']+){0,3}?) (?P<verb>has|had|have|saved|"
                    r"earned|baked|started with|starts with|began with|with|"
                    r"picked|collected|made|holds|held|contains|contained|received|got|owns|owned|caught|grew|planted|"
                    r"bought|won|is given|was given) (?P<n>\$?\d+(?:\.\d+)?)(?: (?P<noun>[a-z]+)(?: of "
                    r"(?P<stuff>[a-z]+))?)?(?P<tail>[^.?!\d]*)[.!] ")
_THERE_ARE = re.compile(r"(?:^|(?<=[.!] ))There (?:are|were|is|was) (?P<n>\d+(?:\.\d+)?) (?P<noun>[a-z]+)"
                        r"(?P<tail>[^.?!\d]*)[.!] ")

# A portion: a fraction or a percent of something ('1/3 of her money', '25% of his savings', '1/2 of what was left').
_PORTION = re.compile(r"(?P<f>\d+/\d+|\d+(?:\.\d+)?%) of (?P<ref>what (?:[a-z]+ )?(?:was|is|has|had|have) left|"
                      r"that|what (?:remained|remains)|the rest(?: of (?:it|them|(?:her|his|their|its|the) "
                      r"[a-z]+))?|the remain(?:der|ing)(?: [a-z]+)?|(?:the|her|his|their|its) [a-z]+(?: (?:she|he|"
                      r"they|it) (?:had|has) left| left)?|them|it|all)\b")
# What a later portion must be said of: the remainder of the one before.
_OF_REST = re.compile(r"^(?:what .*|the rest.*|the remain.*|.* left)$")
# A portion taken away: the verb of its clause, just before the fraction ('spent', 'gave', 'ate', 'was used').
_TAKING = re.compile(r"\b(?:spent|spends|spend|gave|gives|give|ate|eats|eat|sold|sells|sell|lost|loses|lose|used|"
                     r"uses|use|donated|donates|paid|pays|read|reads|drank|drinks|took|takes|cut|cuts|gives away|"
                     r"gave away|threw away|shared|put|puts|sent|mailed|planted|watered|painted|finished|"
                     r"delivered|scare|scares|scared|fly|flies|flew|leave|leaves|left|escaped|broke|died)\b"
                     r"(?:(?! and )[^.,;!?])*$")
# ...or just after it ('1/2 of what was left was used on Tuesday').
_TAKEN = re.compile(r" (?:was|were|is|are|got|gets) (?:used|eaten|sold|spent|given away|lost|drunk|taken|read)\b")
# What is left at the end ('How much money does she have now?', 'How many apples are left?', 'does Ravi keep').
_ASKS_LEFT = re.compile(r"\b(?:left|remain|remains|remaining|now|keep|keeps|kept|still)\b")
# The last part named: '... and the rest ride the bus.', 'The others are green.'
_REST_IS = re.compile(r"(?<!of )\b(?:[Tt]he rest|[Tt]he others|the remaining ones|the remainder|all the others) "
                      r"(?P<pred>[a-z][^.,!?]*)")
_MONEY_NAMES = {"money", "saving", "pay", "salary", "allowance", "earning", "dollar", "budget"}
_STOP = {"the", "are", "were", "was", "is", "how", "many", "much", "does", "did", "do", "there", "they", "them",
         "have", "has", "had", "who", "what", "of", "in", "on", "to", "a", "an", "and"}


def _start(p: Problem) -> tuple[re.Match, str, str] | None:
    """The start's match, its noun ('dollars' for money) and the words the portions may call it by."""
    m = p.search(_START) or p.search(_THERE_ARE)
    if m is None or any(lo < m.start("n") for lo, _ in p.numbers):
        return None   # the first amount told is the start ('Ali had a collection of shells. He started with 180')
    money = m.group("n").startswith("$")
    noun = "dollars" if money else (m.group("noun") or "")
    if not noun or (not money and m.group("noun") in ("more", "times", "of", "each", "per")):
        return None
    names = {stem(noun), stem(m.groupdict().get("stuff") or "")} | (_MONEY_NAMES if money else set())
    subject = re.search(r"\b(?:a|an|the) ([a-z]+)$", m.groupdict().get("who") or "", re.I)   # 'A book has 90 pages'
    return m, noun, " ".join(sorted(names | ({stem(subject.group(1))} if subject else set())))


def _of_start(ref: str, names: str) -> bool:
    """Is the portion's referent the start itself ('her money', 'them', 'the apples', 'the book')?"""
    if ref in ("them", "it", "all", "that"):
        return True
    said = re.fullmatch(r"(?:the|her|his|their|its) (?P<w>[a-z]+)", ref)
    return bool(said) and stem(said.group("w")) in names.split()


def _clause(p: Problem, pos: int) -> tuple[int, int]:
    """The clause around a portion: from the last sentence start, comma or 'and' before it to the next one."""
    body = p.body
    starts = [i + len(cut) for cut in _CUTS for i in [body.rfind(cut, 0, pos)] if i >= 0]
    ends = [i for i in (body.find(cut, pos) for cut in _CUTS) if i >= 0]
    return max(starts, default=0), min(ends, default=len(body))


_CUTS = (". ", ", ", " and ", "! ")


def portions(p: Problem) -> Plan | None:
    """'Maya had $60. She spent 1/3 of her money on a book and then 1/4 of what was left on lunch. How much money
    does she have now?' -> 1/3 of $60, what is left, 1/4 of that, what is left. An amount taken away between the
    portions ('spends $2800 on a motorcycle, then half of what is left') is taken from the amount then."""
    found = _start(p)
    if found is None or re.search(r"\b(?:more|less|fewer|than|times|each|per|every|increase\w*|discount|off|sale|"
                                  r"again|back|instead|some)\b", p.t, re.I):
        return None
    start, noun, names = found
    events = _events(p, start, noun)
    parts = [m for kind, m in events if kind == "part"]
    if not parts or events[0][0] == "part" and not _of_start(events[0][1].group("ref"), names) or \
            not all(_OF_REST.match(m.group("ref")) for kind, m in events[1:] if kind == "part"):
        return None
    q = p.question.lower()
    rest = list(re.finditer(_REST_IS, p.body))
    named_rest = bool(rest) and rest[-1].start() > parts[-1].start() and len(events) == len(parts) and \
        _names_rest(q, rest[-1].group("pred"), p, parts)   # '... and the rest ride the bus. How many ride the bus?'
    last = not rest and len(parts) > 1 and events[-1][0] == "part" and not _ASKS_LEFT.search(q) and \
        not re.search(r"\b(?:not|never|others?|rest|besides|except|all)\b|n't\b", q) and \
        _names_last(q, p, parts)   # '... and 1/2 of the rest were pear trees. How many pear trees ...?'
    if not (all(_taken(p, parts)) and _ASKS_LEFT.search(q) and not rest or named_rest or last):
        return None   # portions taken away, and the question asks what is left (or the last portion)
    if not _asks_amount(p, noun, named_rest or last) or not (last or _owners_clause(p.question, start)) or \
            re.search(r"\b(?:does|did|do|will|is|was) (?:his|her|their) [a-z]+\b", q):
        return None   # 'How many marbles does Sam have now?' asks for what was given, not what is left
    b = Builder(p, "portions")
    amount = b.given(start, "n", noun)
    for kind, m in events:
        lo, hi = _clause(p, m.start())
        if kind == "part":
            part = fraction_part(b, amount, m, "f", _amount_text(b.value(amount), noun, amount != b.used.get(
                start.span("n"))), noun)
            if noun not in _MEASURES:
                whole_count(b.value(part))
        else:
            part = b.given(m, "n", noun)
        if last and m is parts[-1]:
            break   # the last portion is the answer
        amount = b.step("-", [amount, part], noun, f"How {'much money' if noun == 'dollars' else 'many ' + noun} "
                        f"{'is' if noun == 'dollars' else 'are'} left after {_told(p.t[lo:hi])}?", kind="left")
    for m in rest:
        b.read.append(m.start())
    return b.finish()


def _taken(p: Problem, parts: list[re.Match]) -> list[bool]:
    """Is each portion taken away? Its clause's verb, or the verb of the clause before when this one leaves it
    unsaid ('and then 1/2 of what was left on a hat')."""
    taken: list[bool] = []
    for m in parts:
        before = p.t[_clause(p, m.start())[0]:m.start()]
        elided = bool(taken) and re.fullmatch(r"\s*(?:then |and then )?", before) is not None
        taken.append(bool(_TAKING.search(before) or _TAKEN.match(p.t, m.end())) or elided and taken[-1])
    return taken


def _asks_amount(p: Problem, noun: str, named_rest: bool) -> bool:
    """Does the question ask for an amount of the start's kind ('How much money ...', 'How many apples ...')?"""
    if not p.asks(r"^(?:how (?:many|much)|what is the (?:amount|number) of)\b"):
        return False
    return p.asks_for(noun) or named_rest or noun == "dollars" and p.asks(r"^how much\b") or \
        p.asks(r"^how (?:many|much) (?:money|is|are|does|do|did|will|were|was)\b|^what is the amount of money")


def _told(clause: str) -> str:
    """A clause as a step's question says it after 'after': 'he spends 1/2 of that on his textbooks'."""
    said = re.sub(r"^(?:and )?(?:then )?", "", clause.strip(), flags=re.I)
    return re.sub(r"^(He|She|They|It|We) ", lambda m: m.group(1).lower() + " ", said)


_MEASURES = ("dollars", "liters", "litres", "gallons", "cups", "kg", "grams", "meters", "km", "miles", "feet")
# An amount taken away outright, in the start's unit: '$2800', '16 of them', '40 seashells'.
_AMOUNT = re.compile(r"(?P<n>\$?\d+(?:\.\d+)?)(?P<after>(?: (?:of them|[a-z]+))?)")


def _events(p: Problem, start: re.Match, noun: str) -> list[tuple[str, re.Match]]:
    """The portions and the amounts taken away after the start, in the order told; [] when a number is neither."""
    events = []
    portions_at = {m.start("f"): m for m in p.finditer(_PORTION)}
    for lo, hi in p.numbers:
        if lo >= p.q or start.start("n") <= lo < start.end("n"):
            continue
        if not _owners_clause(p.t[_clause(p, lo)[0]:lo], start):
            return []   # 'Then her mom gave her $10', 'Her brother spent 1/2 of his': not the start's owner taking
        if lo in portions_at:
            events.append(("part", portions_at[lo]))
            continue
        m = _AMOUNT.match(p.t, lo)
        said = m.group("after").strip()
        same = (m.group("n").startswith("$") if noun == "dollars" else
                said == "of them" or stem(said) == stem(noun) or not said)
        if not same or "/" in m.group("n") or not _TAKING.search(p.t[_clause(p, lo)[0]:lo]):
            return []
        events.append(("amount", m))
    return events


# Capitalised words that name no one: a sentence's first word, a pronoun.
_NOT_NAMES = {"How", "What", "She", "He", "They", "It", "We", "I", "Then", "And", "But", "On", "In", "At", "Later",
              "Next", "Also", "If", "When", "After", "Before", "So", "Now", "Finally", "First", "Last", "This", "That"}


def _owners_clause(before: str, start: re.Match) -> bool:
    """Is the clause before a portion or an amount the start owner's own doing, never a gift to them?"""
    if re.search(r"\b(?:gave|gives|give|sent|sends|paid|pays|lent|lends|handed|hands) (?:her|him|them|me|us)\b|"
                 r"\b(?:her|his|their|my|our) [a-z]+ (?:gave|gives|spent|spends|ate|eats|took|takes)\b", before,
                 re.I):
        return False
    if "who" not in start.groupdict():
        return True   # 'There are 36 seagulls ... Kids scare 1/4 of them away': things without an owner
    names = set(re.findall(r"\b[A-Z][a-z]+\b", before)) - _NOT_NAMES
    return not names - set(re.findall(r"\b[A-Z][a-z]+\b", start.group("who")))


def _amount_text(value: Fraction, noun: str, later: bool) -> str:
    """How a step names the amount a portion is of: '$60', '120 apples', 'the $40 left', 'the 60 apples left'."""
    said = f"${fmt(value)}" if noun == "dollars" else f"{fmt(value)} {noun}"
    return f"the {said} left" if later else said


def _names_last(question: str, p: Problem, parts: list[re.Match]) -> bool:
    """Does the question name what the last portion is ('were pear trees', 'on lunch') and none of the others?"""
    lo, hi = _clause(p, parts[-1].start())
    return _names_rest(question, p.t[parts[-1].end():hi].lower(), p, parts[:-1])


def _names_rest(question: str, pred: str, p: Problem, parts: list[re.Match]) -> bool:
    """Does the question name the last rest's own words ('ride the bus', 'green') and none of a portion's?"""
    own = {stem(w) for w in re.findall(r"[a-z]{3,}", pred)} - _STOP
    portions_said = set()
    for m in parts:
        lo, hi = _clause(p, m.start())
        portions_said |= {stem(w) for w in re.findall(r"[a-z]{3,}", p.t[m.end():hi].lower())} - _STOP
    asked = {stem(w) for w in re.findall(r"[a-z]{3,}", question)} - _STOP
    return bool(own & asked) and not (portions_said - own) & asked
