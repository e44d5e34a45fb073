"""Arithmetic a student says in words, made ready for arithmetic_claims' symbols: numbers said past a hundred
("three hundred and twenty-four"), operations the symbol table does not know ("double 14", "an eighth of", "450 is
4.5 hundreds", "10 cents" in a sum said in dollars), and the nouns and units written around an operation ("6 hrs and
4 hrs is 10", "minus the 3 broken ones so 45 left"), dropped so the operation and its result read as one claim.
"""
from __future__ import annotations

import re
from fractions import Fraction

from problem_text import NUM
from solver import fmt


def spoken_numbers(text: str) -> str:
    """"one hundred twenty" -> "120", "three hundred and twenty-four" -> "324"."""
    return _SPOKEN.sub(_spoken, text)


# a number said in words past a hundred: "one hundred twenty", "three hundred and twenty-four" (the problem's own
# reader, wordproblem.normalise, reads each word alone: "1 100 20")
_ONES = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
         "eighteen nineteen").split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SPOKEN = re.compile(rf"\b(?P<h>{'|'.join(_ONES[:9])}|a) hundred(?:(?: and)? (?:(?P<t>{'|'.join(_TENS_WORDS)})"
                     rf"(?:[ -](?P<u>{'|'.join(_ONES[:9])}))?|(?P<o>{'|'.join(_ONES)})))?\b", re.I)


def _spoken(m: re.Match) -> str:
    """"three hundred twenty-four" -> "324"."""
    def value(word: str | None, words: list[str], step: int, start: int) -> int:
        return (words.index(word.lower()) * step + start) if word else 0
    hundreds = 1 if m.group("h").lower() == "a" else _ONES.index(m.group("h").lower()) + 1
    rest = value(m.group("t"), _TENS_WORDS, 10, 20) + value(m.group("u"), _ONES, 1, 1) \
        + value(m.group("o"), _ONES, 1, 1)
    return str(100 * hundreds + rest)


# the words a student writes between a number and the operation or result after it ("6 hrs and 4 hrs is 10",
# "340 texts * 10 cents", "- the 3 broken ones so 45 left"): nouns and units, never a word that carries the arithmetic
_KEEP_WORDS = set("""is are was were be and or so then to from by of in into per each every than less fewer
left leaves makes make equals gives gets got get x r rem remainder take away add added subtract subtracted it that
this which what if not no as at on for with but because bc half""".split())
_NOUN = r"(?:[a-z][a-z']*)"
# nouns before an operation ("340 texts * 10"), or after a number an operation works on ("* 10 cents is 3.40"); a
# conversion's units ("1.75 hours = 105 minutes") stay
_NOUNS_BEFORE = re.compile(rf"(?<=\d)((?:\s+{_NOUN}){{1,2}})(?=\s*(?:[-+*]|/\s*\d|and\s+\$?\d))")  # "mi/h" a unit
_NOUNS_AFTER = re.compile(rf"(?:(?<=[-+*/])|(?<=[-+*/]\s))(\$?{NUM})((?:\s+{_NOUN}){{1,2}})"
                          rf"(?=\s*,?\s*(?:=|\b(?:is|makes|equals|leaves|so)\b))")
_PLACES = {"ten": 10, "hundred": 100, "thousand": 1000}
_DOUBLED = (("double", "2"), ("doubled", "2"), ("triple", "3"), ("tripled", "3"))


def spoken_operations(t: str) -> str:
    """Operations said in words arithmetic_claims' symbol table does not know: "double 14" (2 * 14), "14 doubled",
    "an eighth of", "the" before an operand ("minus the 3 broken ones"), "10 cents" in a sum said in dollars."""
    t = re.sub(r"\ban eighth\b", "1/8", t, flags=re.I)
    t = re.sub(r"(?<![\d.])(\d+(?:\.\d+)?)(?: [a-z]+)? is (\d+(?:\.\d+)?) (ten|hundred|thousand)s\b",   # "4.5 hundreds"
               lambda m: f"{m.group(1)} / {_PLACES[m.group(3)]} = {m.group(2)}", t)
    for word, factor in _DOUBLED:
        t = re.sub(rf"\b{word} (?:of )?(?:the |it,? )?(?=\d)", f"{factor} * ", t, flags=re.I)
        t = re.sub(rf"(?<=\d) {word}\b", f" * {factor}", t, flags=re.I)
    # "340 texts times 10 cents is 3.40": cents said inside a sum whose result is written in dollars
    t = re.sub(r"(?<![\d.$])(\d+) ?(?:cents?|¢)(?![\w¢])(?=[^.,;]*?(?:=|\bis\b|\bmakes\b)\s*\$?\d*\.\d\d(?!\d))",
               lambda m: fmt(Fraction(int(m.group(1)), 100)), t, flags=re.I)
    t = re.sub(r"\b(minus|plus|times|take away|takeaway|add|subtract) (?:the|another|a further) (?=\d)", r"\1 ", t,
               flags=re.I)
    # "take away the 7 bad ones leaves 57" typed first: an operation whose first number is left unsaid
    t = re.sub(r"^(\W*(?:(?:so|then|and|first|ok)\s+)*)(?:take away|takeaway|subtract) (?=\d)", r"\1- ", t, flags=re.I)
    # "... is 27 and take away 5 more is 22": an operation on the last result
    return re.sub(r"(?<=\d)(,? (?:and |then )+|, )(?:take away|takeaway) (?=\d)", r"\1- ", t, flags=re.I)


def plain_nouns(t: str) -> str:
    """The nouns around an operation dropped ("6 hrs and 4 hrs is 10" as "6 and 4 is 10"), then two amounts joined
    by "and" and followed by their result read as a sum (never "is 36 and 50 - 36": a result, then the next step),
    and "leaves 6", "so 45 left" after an operation read as its result."""
    def plain(words: str) -> bool:
        return not any(w.lower() in _KEEP_WORDS for w in words.split())
    t = _NOUNS_BEFORE.sub(lambda m: "" if plain(m.group(1)) else m.group(1), t)
    t = _NOUNS_AFTER.sub(lambda m: m.group(1) if plain(m.group(2)) else m.group(), t)
    t = re.sub(rf"(?<![\d./])(?<!is )(?<!=)(?<!= )(?<!makes )({NUM}) and ({NUM})(?:\s+{_NOUN}){{0,2}}?"
               rf"(?=\s*(?:is|=|makes|equals)\s*\$?\d)", lambda m: f"{m.group(1)} + {m.group(2)}"
               if plain(m.group()[len(m.group(1)) + 5 + len(m.group(2)):]) else m.group(), t)
    t = re.sub(rf"(?<=\d)\s*,?\s*\b(?:leaves|leaving|so)\s+(?=\$?\d[\d.]*\s*(?:{_NOUN}\s+)?(?:left|remaining)\b)",
               " = ", t, flags=re.I)
    return re.sub(r"(?<=\d) leaves (?=\$?\d)", " = ", t, flags=re.I)
