"""Each number of a word problem read where it stands, for the quantity tracker (quantity_patterns.py).

A number is an amount of something ('25 pencils', '$14', '87 in the morning', '5 of them'), a rate ('25 pencils in
every box', '$1.20 per pound', '$12 each', 'Each shelf holds 40 books'), a count of groups that a rate multiplies
('14 boxes'), a part of an amount ('1/4 of them'), or an amount said against the one before it ('twice as much',
'39 fewer pages than Olivia'). The verb of its clause says which way it moves the amount asked about
(`Reading.sign`). Kept apart from quantity_patterns.py, which combines the readings as the question asks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from wordproblem import MONEY_AWAY, MOVES_AWAY, MOVES_IN, NUMBER, Problem, number_value, same_word, shown_first, stem

# What an amount does by itself, in the past or (as students retell a story) the present ('13 birds fly away',
# '9 eggs crack', '5 kids get on')
_GONE = r"evaporated|leaked|leaked out|spilled|broke|melted|died|escaped|popped|burst|cracked|burnt|got burnt|" \
        r"(?:leaks?|spills?|breaks?|melts?|dies|die|escapes?|pops?|bursts|cracks?)(?: out)?|" \
        r"(?:ran|runs?|flew|fly|flies|hopped|hops?|swam|swims?|drove|drives?|walked|walks?|went|goes|go|got|gets?|" \
        r"climbed|climbs?) (?:away|off|out)|leaves?|dried out"
_CAME = r"(?:got|gets?|drove|drives?|climbed|climbs?|came|comes?|walked|walks?|flew|fly|flies|hopped|hops?) " \
        r"(?:on|in)|landed|lands?|arrived|arrives?|hatched|hatch(?:es)?|(?:are|were) born"   # by themselves
# Said of an amount taken from the story's place ('20 fish were caught', '12 books are borrowed', '4 chairs are
# broken'): away from it, whoever caught or borrowed them
_TAKEN_FROM = r"caught|picked|taken|borrowed|broken|stolen|removed|checked out|eaten|used|sold|lost|popped"
IN_VERBS = rf"{MOVES_IN}|made|makes|caught|catches"   # what the owner makes or catches is theirs
MONEY_IN = r"earned|earns|saved|saves|received|receives|got|gets|found|finds|won|wins|made|makes"
_NOUN = r"(?!(?:and|or|to|of|in|on|at|for|with|than|each|per|from|the|a|an|is|are|was|were|more|fewer|less|as|by|" \
        r"but|then|if|so|every|that|it|he|she|they|this|these|them|her|his|their|left|now|altogether|total)\b)" \
        r"[a-z][a-z-]*"
_AFTER_AMOUNT = re.compile(rf" (?:more |extra |other |additional |new |old |used |of an? )?(?P<n1>{_NOUN})"
                           rf"(?: (?P<n2>{_NOUN}))?")
_RATE_AFTER = re.compile(rf"(?: (?P<noun>{_NOUN}))?(?: of [a-z]+)?(?: (?:in|on|per|for|to)| a| an|(?= every| each)) "
                         rf"(?:each |every |a |an |one |per )?(?P<per>{_NOUN})\b")
_EACH_AFTER = re.compile(rf"(?: (?P<noun>{_NOUN}))? (?:each|apiece|a piece)\b")
_HOLDS = r"has|holds|contains|carries|had|held|contained|costs?|weighs|can hold|fits"
_EACH_BEFORE = re.compile(rf"(?:\b(?:each|every) (?:of the (?:\d+ )?)?(?P<per>{_NOUN})"
                          rf"(?: of [a-z]+| in (?:an?|the) [a-z]+)? (?:{_HOLDS}|is|are|uses|needs|"
                          rf"(?:is|are) (?:cut|divided|split|sliced) into)|"
                          rf"(?:^|\band )(?:an?|one) (?:{_NOUN} )?(?P<one>{_NOUN})(?: of [a-z]+)? (?:costs?|weighs))"
                          rf"(?: about)? $", re.I)   # 'each row in an orchard has 26', '... and a pen costs $0.85'
# 'cuts it into pieces that are each 1/4 yard long': a measure for each piece
_EACH_PART = re.compile(rf"\b(?P<per>{_NOUN}) (?:that|which) (?:are|is)(?: each)? $")
_TO_EACH = re.compile(rf"(?: (?P<noun>{_NOUN}))? (?:to|for) each of (?:her|his|their|the|its|my|our|your) \d+ "
                      rf"(?P<per>{_NOUN})\b")
_EACH_OF = re.compile(rf"\beach of (?:her|his|their|the|its|my|our) \d+ (?P<per>{_NOUN}) $")
_OF_BEFORE = re.compile(rf"\d (?P<per>{_NOUN}) (?:of|with) $")
# 'Cookies come in bags of 6', 'pencils are sold in packs of 8': so many of the things in each of the groups
PACKED_IN = r"(?:come|comes|came|are sold|is sold|are packed|are packaged) in"
_PACKED = re.compile(rf"\b(?P<noun>{_NOUN}s) {PACKED_IN} (?P<per>{_NOUN}) of $", re.I)
# 'gave 1/4 of them away', 'spent 2/3 of her $45 allowance', '40% of it': a part of the amount said just before, or
# of the amount said next
PART_OF = re.compile(r" of (?:them|it|these|those|(?:her|his|their) money|"
                      r"(?P<next>(?:her|his|their|its|the) (?=\$?\d))|the (?P<named>[a-z]+)\b(?! of\b))")
_TIMES_AFTER = re.compile(rf" (?:times )?as (?:many|much)(?: (?P<noun>{_NOUN}))?(?: {_NOUN})?(?: as (?P<target>.*))?")
_MORE_AFTER = re.compile(rf"(?: (?P<noun>{_NOUN}))? (?P<dir>more|fewer|less)(?: (?P<noun2>{_NOUN}))?"
                         rf"(?: (?P<noun3>{_NOUN}))? than (?P<target>.*)")


@dataclass
class Reading:
    """One number of the text as the tracker reads it."""
    m: re.Match
    kind: str            # "amount", "rate", "times", "more", "fewer"
    noun: str            # what it counts ("pencils", "dollars"); for a rate, the thing per group
    per: str = ""        # a rate's group ("box"); a count's own noun (a count may meet a rate)
    before: str = ""     # its clause up to it: the verb that moves it
    clause: str = ""     # the clause it stands in, for the step's words
    nouns: tuple[str, ...] = ()   # the words after it that could name what it counts
    words: str = ""      # how the text says it, for the steps ('$1.20 per pound', '25 pencils in every box')
    target: str = ""     # for an amount said against another: the words after 'than' / 'as' ('Olivia', 'red blocks')
    lead: str = ""       # its clause up to what it counts, or up to 'than': where an owner is named

    def sign(self, noun: str) -> int:
        """+1 in, -1 away, 0 no verb (a start, or a part of a total); buying moves goods in and money out."""
        money = noun == "dollars"
        after = self.clause.partition(self.m.group())[2]
        passive = re.search(r"^[^,]*? (?:are|were|is|was|ha(?:ve|d) been|got) (?P<verb>[a-z]+(?: out| away)?)\b", after)
        gone = re.match(rf" [a-z]+( [a-z]+){{,2}} (?:(?P<o>{_GONE})|{_CAME})\b", after)   # the amount moved itself
        if passive and re.fullmatch(_TAKEN_FROM, passive.group("verb")) and not verb_sign(self.before, money):
            return -1
        bare = re.match(rf" [a-z]+ (?:(?P<o>{_TAKEN_FROM})|added)\b(?! (?:by|to|from)\b)", after)
        if bare and not verb_sign(self.before, money):   # '12 books borrowed', '40 liters added', as students tell
            return -1 if bare.group("o") else 1
        return (-1 if gone.group("o") else 1) if gone else verb_sign(self.before, money) \
            or (verb_sign(passive.group("verb"), money) if passive else 0)   # '15 people got off', '7 got on'


# 'spent $30 on snacks and split the rest': sharing what is left starts a clause of its own
_SHARING = r"split|splits|shared|shares|share|divided|divides|packed|packs|puts|put"


def _clause_bounds(t: str, at: int, end: int) -> tuple[int, int]:
    # ' and gave away 175' starts a clause of its own: the verb after 'and' moves only what follows it
    starts = [m.end() for m in re.finditer(rf"[.?!] |, (?:and |then )?| and then | then |"
                                           rf" and (?=(?:{MOVES_AWAY}|{IN_VERBS}|{_SHARING}) |now\b)",
                                           t[:at])]
    start = max(starts, default=0)
    stop = re.search(rf"[.?!](?: |$)|, | and then | then | and (?=(?:{MOVES_AWAY}|{IN_VERBS}|{_SHARING}) |now\b)",
                     t[at:end])
    return start, at + stop.start() if stop else end


def verb_sign(before: str, money: bool) -> int:
    """+1 or -1 for the last moving verb before the number in its clause (0: none). 'His uncle gave him 15' is a
    gift to the owner (+1); 'She gave him 5' is not read (whose amount moves depends on who 'she' is)."""
    gift = re.search(r"\b(?P<giver>\w+ )?(?:gave|gives|give|handed|hands|sent|sends) (?:him|her|them|me|us) $", before)
    if gift:
        return +1 if gift.group("giver") and gift.group("giver").strip().lower() not in PRONOUN_WORDS else 0
    if re.search(r"\b(?:gave|gives|give|handed|hands|sent|sends) (?!away |out )[a-z]+ (?:[a-z]+ )?$", before):
        return 0   # 'gave his sister 8': the tests keep a receiver named this way unread (to whom it goes is unplaced)
    verbs = [(m.start(), +1) for m in re.finditer(rf"\b(?:{MONEY_IN if money else IN_VERBS})\b", before, re.I)]
    verbs += [(m.start(), -1) for m in re.finditer(rf"\b(?:{MONEY_AWAY if money else MOVES_AWAY})\b", before, re.I)]
    return max(verbs)[1] if verbs else 0


def read_number(p: Problem, span: tuple[int, int]) -> Reading | None:
    """The number at `span` read where it stands, with `lead`: its clause up to its noun (or up to 'than')."""
    r = _read_at(p, span)
    if r is not None:
        after = p.t[span[1]:_clause_bounds(p.t, span[0], len(p.t))[1]]
        said = after[:after.index(r.target)] if r.target else after   # '36 pages on Monday': its whole clause
        r.lead = r.before + r.m.group() + said
    return r


def _read_at(p: Problem, span: tuple[int, int]) -> Reading | None:
    """The number at `span` read where it stands (None: a percent, fraction, clock time or sign we leave alone)."""
    t, (s, e) = p.t, span
    m = NUMBER.match(t, s)
    money = m.group().startswith("$")
    c0, c1 = _clause_bounds(t, s, len(t))
    before, after, clause = t[c0:s], t[e:c1], t[c0:c1].strip()
    hyphen = re.match(r"-(?P<n>[a-z]+) (?!of\b)[a-z]+\b", t[e:c1]) if not money else None
    if hyphen and re.search(r"\b(?:a|an)$", before.rstrip()):   # 'a 216-page book' is 216 pages
        noun = hyphen.group("n") + ("es" if re.search(r"(?:ch|sh|x|s)$", hyphen.group("n")) else "s")
        return Reading(m, "amount", noun, before=before, clause=clause, nouns=(noun,), words=f"{m.group()} {noun}")
    part = _part_of(m, before, after, clause)
    if part:
        return part
    if "%" in m.group() or re.search(r"[-:]$", t[max(s - 1, 0):s]) or re.match(r"[:°-]", t[e:e + 1]):
        return None
    tok = shown_first(number_value(m.group())) if "/" in m.group() else m.group()   # '5 1/2' as written
    side = re.match(r" [a-z]+ (?:long|wide|high|deep)\b", after) and re.search(r"\d [a-z]+ wide\b", t)
    if re.match(r"[a-z]", t[e:e + 1]) or side or re.match(r" more [a-z]+ of ", after):
        return None   # '13th', '200g': an ordinal or a unit we do not read; '15 feet long and 8 feet wide': sides;
        # '10 meters of copper and 5 more meters of plastic pipe': 5 more than the copper, or 5 meters more?
    times = _TIMES_AFTER.match(after)
    if times and not times.group("target") and re.search(r"\bas\b", after[times.end():]):
        return None   # 'half as many crates of eggs as she sells on Tuesday': its 'as' words are not read
    if times:
        return Reading(m, "times", times.group("noun") or "", before=before, clause=clause, words=tok,
                       target=times.group("target") or "")
    more = _MORE_AFTER.match(after)
    if more:
        noun = more.group("noun3") or more.group("noun2") or more.group("noun") or ""
        return Reading(m, more.group("dir").replace("less", "fewer"), noun, before=before, clause=clause, words=tok,
                       target=more.group("target"))
    to_each = _to_each(m, before, after, clause, tok)
    if to_each:
        return to_each
    packed = _PACKED.search(before)
    if packed and not money and not after.strip(" ,"):
        noun, per = packed.group("noun").lower(), packed.group("per")
        return Reading(m, "rate", noun, per=per, clause=clause, words=f"{tok} {noun} in each {stem(per)}")
    noun_after = (_AFTER_AMOUNT.match(after) or _none).group("n1")
    each = _EACH_BEFORE.search(before)
    if each and each.group("one") and not any(same_word(w, each.group("one")) for w in re.findall(r"\d ([a-z]+)", t)):
        each = None   # 'A bike costs $240' with no count of bikes: the price of the one bike, an amount
    part = _EACH_PART.search(before)
    if part and noun_after and not money:
        return Reading(m, "rate", noun_after, per=part.group("per"), clause=clause,
                       words=f"{tok} {noun_after} for each of the {part.group('per')}")
    if each:
        noun = "dollars" if money else noun_after
        per = each.group("per") or each.group("one")
        return Reading(m, "rate", noun, per=per, clause=clause,
                       words=f"{tok} {'' if money else noun + ' '}for each {stem(per)}") if noun else None
    rate = _RATE_AFTER.match(after)
    if rate and (money or rate.group("noun")) and re.search(r" (?:per|each|every|an?|one) \w+$", rate.group()) \
            and not re.match(r"(?: \w+)? on (?:a|an|one) ", rate.group()) and not _placed(rate, t, money):
        return Reading(m, "rate", "dollars" if money else rate.group("noun"), per=rate.group("per"), clause=clause,
                       words=tok + rate.group())
    kind = re.match(rf" for (?P<per>{_NOUN})\b(?! of\b)", after)   # 'Tickets cost $12 for adults and $7 for children'
    if money and kind and re.search(r"(?:s|children|people)$", kind.group("per")) \
            and re.search(r"\b(?:cost|costs|charges?)\b", before):
        return Reading(m, "rate", "dollars", per=kind.group("per"), clause=clause, words=tok + kind.group())
    each = _EACH_AFTER.match(after)
    if each and (money or each.group("noun")):
        # 'Pencils cost $0.25 each and erasers cost $0.40 each', 'Tickets to a show cost $8 each': the price's own
        # subject is what one is of
        priced = re.search(rf"\b(?P<per>{_NOUN})(?: (?:to|for|of) (?:a|an|the) [a-z]+)? "
                           rf"(?:cost|costs|sell for|are|is) $", before.lower()) if money else None
        return Reading(m, "rate", "dollars" if money else each.group("noun"), per=priced.group("per") if priced else "",
                       clause=clause, words=tok + each.group())
    of = _OF_BEFORE.search(before)
    if of and not money:
        return Reading(m, "rate", noun_after, per=of.group("per"), clause=clause,
                       words=f"{tok} {noun_after}") if noun_after else None
    if money:
        return _named_price(m, t, before, clause, tok) or Reading(m, "amount", "dollars", before=before, clause=clause,
                                                                   words=tok)
    return _amount(m, t, before, after, clause, tok)


def _placed(rate: re.Match, t: str, money: bool) -> bool:
    """'There are 28 birds in a tree', '34 kids on a bus': where the things are, never how many to each group, when
    the text counts no such groups (a rate of birds for each tree meets no count of trees); 'spent $14 on a book' is
    read by the caller."""
    place = re.match(r"(?: [a-z]+)? (?:in|on|at) (?:a|an|one) ", rate.group())
    return bool(place) and not money and \
        not any(same_word(w, rate.group("per")) for w in re.findall(r"\d+ (?:[a-z]+ )?([a-z]+)", t))


def _amount(m: re.Match, t: str, before: str, after: str, clause: str, tok: str) -> Reading | None:
    """An amount of what the words after it name, or of the thing said before when its verb moves it bare."""
    if re.match(r" (?:of (?:them|these|those)|(?:new |old |used )?ones)\b", after) and verb_sign(before, False):
        # the noun of the one before ('gave away 5 of them', 'gave away 175 old ones')
        return Reading(m, "amount", "", before=before, clause=clause, words=tok)
    words = _AFTER_AMOUNT.match(after)
    nouns = tuple(w for w in (words.group("n1"), words.group("n2")) if w) if words else ()
    # 'gave 15 to his sister', 'ate 5.', 'and now has 42.': a moved or ending amount of the thing said before
    bare = verb_sign(before, False) or re.search(r"\bnow (?:has|have) $", before)
    more = re.match(r" more\b", after) is not None   # 'bought 12 more' adds to them; 'mom gave 9 more' is unplaced
    if not nouns and not (re.match(r"(?: more)?(?: (?:in|on|at|to|from|for)\b|$)", after) and bare
                          and (not more or verb_sign(before, False) > 0)):
        return None   # '36 on Tuesday' with no verb, '3 fewer.': what it counts is not said
    named = " ".join(nouns) if re.search(rf"\b{' '.join(nouns)} costs? \$", t, re.I) else nouns[0] if nouns else ""
    return Reading(m, "amount", nouns[0] if nouns else "", before=before, clause=clause, nouns=nouns,
                   words=f"{tok} {named}".strip())


def _part_of(m: re.Match, before: str, after: str, clause: str) -> Reading | None:
    """'1/4 of them', '2/3 of her $45 allowance': a fraction or percent below one of an amount (see _part)."""
    part = PART_OF.match(after)
    if not part or not ("/" in m.group() or "%" in m.group()) or not 0 < number_value(m.group()) < 1:
        return None
    tok = shown_first(number_value(m.group())) if "/" in m.group() else m.group()
    return Reading(m, "part", "", before=before, clause=clause, words=f"{tok}{part.group()}")


def _to_each(m: re.Match, before: str, after: str, clause: str, tok: str) -> Reading | None:
    """'gives 3 envelopes to each of her 5 friends', 'gave each of her 5 friends 3 envelopes': a rate of 3 for each
    friend (the 5 is the count it meets)."""
    money = m.group().startswith("$")
    to_each = _TO_EACH.match(after)
    if not to_each and (each_of := _EACH_OF.search(before)):
        noun = (_AFTER_AMOUNT.match(after) or _none).group("n1")
        if money or noun:
            return Reading(m, "rate", "dollars" if money else noun, per=each_of.group("per"), clause=clause,
                           words=f"{tok} {'' if money else noun + ' '}to each {stem(each_of.group('per'))}")
    if not to_each or not (money or to_each.group("noun")):
        return None
    noun, per = "dollars" if money else to_each.group("noun"), to_each.group("per")
    words = f"{tok} {'' if money else noun + ' '}to each {stem(per)}"
    return Reading(m, "rate", noun, per=per, clause=clause, words=words)


def _named_price(m: re.Match, t: str, before: str, clause: str, tok: str) -> Reading | None:
    """'Adult tickets cost $9 and child tickets cost $5 ... buys 2 adult tickets': the price of one of a two-word
    name the text counts after it; the first word tells the names apart, so it is what the counts meet."""
    named = re.search(rf"\b(?P<mod>{_NOUN}) (?P<head>{_NOUN}) (?:cost|costs|sell for|are sold for) $", before, re.I)
    if not named:
        return None
    mod, head = named.group("mod").lower(), named.group("head").lower()
    if not re.search(rf"\b\d+ {re.escape(mod)} {re.escape(head)}\b", t[m.end():], re.I):
        return None
    return Reading(m, "rate", "dollars", per=mod, clause=clause, words=f"{tok} for each {mod} {stem(head)}")


PRONOUN_WORDS = {"he", "she", "they", "it", "we", "i", "you", "then", "and"}


class _None:
    def group(self, _: str) -> None:
        return None


_none = _None()

