"""What a word problem's question asks the quantity tracker (quantity_patterns.py) for: the nouns that may name the
answer, and how the story's amounts combine to reach it.

The question's target is read here, apart from the story: what is left or there now, the amount at the start (the
changes undone), the change from a payment, everything together, the whole less the part done ('How many more pages
does she have to read?'), the gap between two amounts ('How many more cards does Liam have than Ethan?', 'How many
more red cars are there than white cars?'), a goal less what is had ('How much more money does she need?'), and one
share of what is shared ('How many slices does each friend get?'). Questions said another way are read as the ones
they mean: 'What is the total number of cakes she sold?' as 'How many cakes', 'How much does she have now?' in a
story told in dollars as 'How much money'.
"""
from __future__ import annotations

import re

from wordproblem import Problem, unit_name

_ASK_MANY = re.compile(r"how many (?P<n1>[a-z]+)(?: (?P<n2>[a-z]+))?", re.I)
_MONEY_Q = r"^how much (?:money\b|change\b|(?:do|does|did|will|would|is|are|was|were|must|should)\b.*\b(?:cost|costs|" \
           r"spend|spent|pay|paid|save|saved|earn|earned)\b)|^what (?:is|was|will be) the (?:total )?(?:cost|price)"
# 'How many slices does each friend get?': one share of what the story has (see quantity_patterns._among)
SHARE_Q = re.compile(r"[Hh]ow (?:many (?P<n>[a-z]+)|much money|much) (?:will|does|do|did|would|should|can) each "
                     r"(?P<per>[a-z]+) (?P<verb>get|receive|have|pay|eat|take)\?$")
# 'What is the total number of cakes she sold?' asks as 'How many cakes' does
_TOTAL_OF = re.compile(r"what (?:is|was|will be) the (?:combined |total )*(?:number|amount) of (?P<n1>[a-z]+)"
                       r"(?: (?P<n2>[a-z]+))?", re.I)
# A total of several kinds ('24 cows and 36 pigs ... How many animals?') asked by a noun that names every kind: each
# kind must be one the noun names ('5 boys, 3 girls and 2 teachers' are not all students), in the singular
_ANIMALS = "cow pig horse sheep goat chicken hen duck goose dog cat rabbit hamster lion tiger bear monkey zebra " \
           "giraffe elephant deer fox frog turtle fish snake bird parrot owl"
_FRUITS = "apple orange banana pear peach plum grape mango lemon cherry strawberry kiwi melon watermelon apricot"
KINDS_OF = {"animals": _ANIMALS, "pets": "dog cat rabbit hamster fish bird parrot turtle", "fruits": _FRUITS,
            "fruit": _FRUITS, "vegetables": "carrot potato tomato onion pepper cucumber bean pea",
            "students": "boy girl", "children": "boy girl", "kids": "boy girl",
            "people": "man woman adult child boy girl kid",
            "birds": "duck goose hen chicken owl parrot robin sparrow pigeon crow eagle",
            "flowers": "rose tulip daisy lily sunflower", "vehicles": "car truck bus van bike motorcycle"}
START_Q = r"\b(?:start(?:ed)? with|begin with|began with|at first|to start|at the start|in the beginning)\b|" \
          r"\b(?:have|had) before\?"
_LEFT_Q = r"\b(?:left|remain|remains|remaining|now|still|not)\b"
# 'How much does she have now?' in a story told in dollars asks for money as 'How much money' does
_HAVE_Q = r"^how much (?:do|does|did|will|would) (?:[A-Z][a-z]+|he|she|they|it|we|you|i)(?: [a-z]+)? (?:have|has|had|" \
          r"spend|save|earn|make|get|receive)\b"
# 'How many more cards does Liam have than Ethan?', 'How many more red cars are there than white cars?'
# 'How much of her earnings does she have left?': the money a story's dollars are, named by what it is to its owner
_MONEY_OF = r"^how much of (?:her|his|their|its|my|your|the) (?:earnings|money|savings|allowance|pay|paycheck|salary|" \
            r"wages|budget|prize money|birthday money)\b"
GAP_Q = re.compile(r"[Hh]ow (?:many|much) (?P<dir>more|fewer|less) (?:(?:(?P<n1>[a-z]+)(?: (?P<n2>[a-z]+))? )??"
                   r"(?:does|do|did|will|is|are|was|were|has|have|had) (?P<who>[A-Z][a-z]+|the [a-z]+) "
                   r"(?:[a-z]+ )?(?:[a-z]+ )?than (?P<than>[A-Z][a-z]+|the [a-z]+)(?: (?:does|do|did|has|have|had))?|"
                   r"(?P<kind>[a-z]+) (?P<n3>[a-z]+) (?:are|were|is|was) there than (?P<other>[a-z]+)(?: (?P=n3))?)\?$")
# 'How much more money does she need?', 'How many more stamps does he need to fill it?': the goal less what is had
NEED_Q = re.compile(r"[Hh]ow (?:many more (?P<n>[a-z]+)|much more(?: money)?) (?:does|do|will) (?:[A-Z][a-z]+|he|she|"
                    r"they|it|we|you|i)(?: still)? need\b(?: to (?!have\b)[a-z]+\b[^?]*)?\?$")


def target(p: Problem) -> tuple[tuple[str, ...], str] | None:
    """(the nouns that may name what is asked, how the amounts combine: left, start, change, total, to_go, gap,
    need or share); None when the question asks in a way the tracker does not read."""
    # 'How much money will she have after 6 weeks?': the start, then what the weeks' rate adds or takes
    later = p.asks(r"^how (?:much|many|tall|high|long)\b[^?]*\b(?:will \w+ (?:have|be)|(?:was|were) (?:it|he|she|they)|"
                   r"did \w+ have) (?:after|in) \d+ [a-z]+\?$")   # 'How tall was it after 5 weeks?' too
    how = "change" if p.asks(r"^how much change\b") else "start" if p.asks(START_Q) \
        else "left" if p.asks(_LEFT_Q) or later else "total"
    if later and p.asks(r"^how (?:tall|high|long)\b"):
        return tuple(DISTANCES), how
    share = SHARE_Q.match(p.question)
    if share:   # 'How many slices does each friend get?': what is shared, then one share of it
        return ("dollars",) if not share.group("n") else (share.group("n"),), "share"
    gap = GAP_Q.match(p.question)
    if gap:   # 'How many more cards does Liam have than Ethan?': one owner's amount less the other's
        nouns = (gap.group("n3"),) if gap.group("n3") else tuple(w for w in gap.group("n1", "n2") if w)
        return ("dollars",) if gap.group("n1") == "money" or (not nouns and "$" in p.body) else nouns, "gap"
    if p.asks(_MONEY_Q) or ("$" in p.body and (p.asks(_HAVE_Q) or p.asks(_MONEY_OF))):
        return ("dollars",), how
    if p.asks(r"^how (?:long|tall) (?:is|are) (?:the|her|his|its|their) [a-z]+ now\?$"):
        return tuple(DISTANCES), "left"   # 'How long is the ribbon now?': the length after the changes
    if p.asks(r"^how far\b"):
        return tuple(DISTANCES), how
    measure = re.match(r"how much (?P<what>[a-z]+)\b", p.question, re.I)
    if measure and measure.group("what") not in ("more", "less", "longer", "is", "are", "was", "do", "does", "did"):
        what = measure.group("what")   # 'How much ribbon is left?': a measure of the ribbon the story names
        return (tuple(MEASURES | DISTANCES), how) if re.search(rf"\b{what}\b", p.body, re.I) else None
    to_go = re.match(r"how many (?:more (?P<n>[a-z]+) (?:does|do|must|will) \w+ (?:still )?|(?P<n2>[a-z]+) (?:does|do|"
                     r"must|will) \w+ still )(?:have to|need to) (?P<verb>[a-z]+)\?$", p.question, re.I)
    if to_go:   # 'How many more pages does she have to read?': the whole less the part done
        return (to_go.group("n") or to_go.group("n2"),), "to_go"   # ('How many pages does she still have to read?')
    need = NEED_Q.match(p.question)
    if need:   # after to_go: 'How many more pieces does he need to place?' is the part still to do
        return (need.group("n"),) if need.group("n") else ("dollars",), "need"
    kind = re.match(r"how many (?:pieces|items|kinds|types) of (?P<k>[a-z]+)\b", p.question, re.I)
    if kind and kind.group("k") in KINDS_OF:   # 'How many pieces of fruit did she buy?': every kind counted
        return (kind.group("k"),), how
    m = _ASK_MANY.match(p.question) or _TOTAL_OF.match(p.question)
    if m and m.group("n1") == "money":   # 'What is the total amount of money she earns?'
        return ("dollars",), how
    if not m or m.group("n1") in ("more", "fewer", "times", "less"):
        return None
    return tuple(w for w in m.groups() if w), how


MEASURES = {"cup", "cups", "kg", "g", "l", "ml", "pound", "pounds", "ounce", "ounces", "gallon", "gallons", "liter",
            "liters", "litre", "litres", "tablespoon", "tablespoons", "teaspoon", "teaspoons", "pint", "pints"}
DISTANCES = {"mile", "miles", "km", "m", "cm", "mm", "foot", "feet", "yard", "yards", "inch", "inches", "meter",
             "meters", "metre", "metres"}


UNITS = {unit_name(u) for u in MEASURES | DISTANCES}


def how_much(noun: str) -> str:
    """The asking words for an amount of `noun`: 'How much money', 'How far' (a distance), 'How much' (a
    measure), else 'How many pages' (moved here from quantity_patterns.py in round 16)."""
    if noun == "dollars":
        return "How much money"
    unit = unit_name(noun)
    return "How far" if unit in {unit_name(d) for d in DISTANCES} else "How much" if unit in UNITS \
        else f"How many {noun}"


def what_of(noun: str) -> str:
    """The noun as a question names it: 'money' for dollars."""
    return "money" if noun == "dollars" else noun


def is_are(noun: str) -> str:
    """'How much money is', 'How far is', but 'How many pages are'."""
    return "are" if how_much(noun).startswith("How many") else "is"
