"""Who a story's sentences tell of: the names it uses, the character acting in a sentence, each named person's "he"
or "she", and the people a sentence means by "she" or "the old man" (so a question naming Marta finds the sentence
where "the woman" acts, not the one that only names her). passages.py ranks sentences with these.
"""
from __future__ import annotations

import re
from collections import Counter

OPENERS = r"(?:The|Then|But|And|So|When|After|Finally|Now|At|In|On|One|That|This|It|He|She|They|We|I)"
CALENDAR = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
                      r"August|September|October|November|December")  # "open every Saturday" names no one


# capitalised inside a sentence, and no one's name: a title ("Mrs. Alvarez" is Alvarez), a day, a month
NO_NAMES = set("Mr Mrs Ms Miss Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
               "April June July August September October November December".split())


# where a place's name stands: "his aunt in Houston", "drove to Los Angeles", "the streets of Chicago"
PLACED = (r"\b(?:in|into|across|around|through|near|outside|downtown|streets of|city of|town of|state of|"
          r"(?:drove|flew|moved|went|travell?ed|trip|way|back|road|came|welcome) to)\s+")


GEOGRAPHY = re.compile(r"\b(?:(?!(?:Coach|Aunt|Uncle|Principal|Officer|Captain|Doctor|Miss) )(?:[A-Z][a-z]+ )+"
                       r"(?:River|Lake|Mountains?|Ocean|Sea|Bay|Island|Valley|Canyon|Desert|Street|Avenue|Road|Park|"
                       r"City|County|Bridge)|(?:Lake|Mount|Fort|Port) [A-Z][a-z]+)\b")


def places_named(sentences: list[str]) -> set[str]:
    """The names the text puts where a place stands: a city or a country does nothing in a question ("What did
    Houston do?"), so it is never a character; a person's place ("went to Grandma's") names the person."""
    named = re.compile(PLACED + r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\b(?!['’])")
    found = [m.group(1) for s in sentences for m in named.finditer(s)]
    found += [m.group(0) for s in sentences for m in GEOGRAPHY.finditer(s)]  # "the Mississippi River"
    return {word for name in found for word in name.split()}


def characters(sentences: list[str]) -> Counter:
    """The names a story uses (a capitalised word also used inside a sentence), with the sentences naming each;
    never a place's name ("in Houston")."""
    inside = {name for s in sentences for name in re.findall(r"(?:(?<=[a-z,] )|(?<=\bM[rs]\. )|(?<=\bMrs\. )|"
                                                              r"(?<=\bDr\. ))[A-Z][a-z]+", s)} - NO_NAMES
    inside -= places_named(sentences)
    return Counter(word for s in sentences for word in set(re.findall(r"\b[A-Z][a-z]+", s)) if word in inside)


def actor(sentences: list[str], i: int, back: int = 4) -> str | None:
    """The character who acts in sentence i: the first name it gives, never a name said once; when a pronoun or a
    line of speech comes first, the one acting first in the nearest sentence before it that starts with a name
    ("That night Marco didn't tell ... The next morning he asked the coach if Eli ...": Marco)."""
    names = {name for name, count in characters(sentences).items() if count >= 2}
    for s in reversed(sentences[max(0, i - back):i + 1]):
        who = [w for w in re.findall(r"\b(?:[A-Z][a-z]+|[Hh]e|[Ss]he|[Tt]hey)\b", s) if w in names or w.lower() == w
               or w in ("He", "She", "They")]
        if who and who[0] in names:  # "The next morning he asked the coach if Eli could ...": he acts, not Eli
            return who[0]
    return None


# who a sentence tells of without naming them: "she", "the old man", "her aunt"
DESCRIBED = (r"\b(?:the|his|her|their) (?:old |young )?(?:woman|man|lady|girl|boy|aunt|uncle|grandfather|grandmother|"
             r"grandma|grandpa|mother|father|mom|dad|teacher|coach|captain|neighbou?r|stranger)\b")
REFERS = re.compile(r"\b(?:he|she|him|her|his|hers)\b|" + DESCRIBED, re.I)


HE = re.compile(r"\b(?:he|him|his|man|boy|father|dad|uncle|grandfather|grandpa|mr)\b", re.I)
SHE = re.compile(r"\b(?:she|her|hers|woman|lady|girl|mother|mom|aunt|grandmother|grandma|mrs|ms|miss)\b", re.I)


def named_in(sentence: str, sentences: list[str], asked: set[str] = frozenset()) -> list[str]:
    """The names a sentence gives: capitalised words the text (or the question) also uses inside a sentence."""
    inside = set(characters(sentences)) | set(asked)
    return [w for w in re.findall(r"\b[A-Z][a-z]+\b", sentence) if w in inside and not CALENDAR.fullmatch(w)]


def people(sentences: list[str]) -> dict[str, str]:
    """Each named person's "he" or "she", from the first pronoun after their name in a sentence naming only them
    (or in the next sentence, when it names no one): "a boy named Tomas ... He hooked the tail" makes Tomas "he"."""
    names = [named_in(s, sentences) for s in sentences]
    told: dict[str, str] = {}
    for i, own in enumerate(names):
        after = sentences[i][sentences[i].find(own[0]) + len(own[0]):] if len(set(own)) == 1 else ""
        after += " " + sentences[i + 1] if after and i + 1 < len(sentences) and not names[i + 1] else ""
        pronoun = re.search(r"\b(?:he|she|him|his|her)\b", after, re.I)
        if pronoun and own[0] not in told:
            told[own[0]] = "she" if SHE.fullmatch(pronoun.group()) else "he"
    return told


# who did it, or why a person did it or what they noticed: the answer may tell of them as "she" or "the woman"
DEED_ASKED = re.compile(r"^\W*(?i:who|why)\b|\bdid [A-Z][a-z]+ (?:notice|see|hear|find|give|say|tell)\b")


def referred(query: str, sentences: list[str]) -> list[str]:
    """Each sentence with the people the question names that it tells of by "she" or "the woman" (the last one named
    before it that can be called so): "The woman noticed his shoes had holes" is about Marta and Jonah, so the
    sentence that only names them ("Marta ran a fruit stand") no longer wins "Why did Marta give Jonah the pears?"
    on the names alone."""
    if not DEED_ASKED.search(query):  # "What helped Priya finish?": her deeds are not what is asked about
        return sentences
    asked = set(re.findall(r"\b[A-Z][a-z]+\b", query[1:]))
    who, told, recent = people(sentences), [], []
    for s in sentences:
        own = named_in(s, sentences, asked)
        said = {g for g, cue in (("he", HE), ("she", SHE)) if cue.search(s)} if REFERS.search(s) else set()
        meant = {next((w for w in recent if who.get(w, g) == g), "") for g in said} & asked
        told.append(f"{s} ({' '.join(sorted(meant))})" if meant and not own else s)
        recent = list(dict.fromkeys(own + recent))
    return told
