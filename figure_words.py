"""Figurative words a student asks about: the move is worded by what the figure does, never a generic pointer.

A student stuck on a figure names it in their own words ("buses dont have knees", "why does it say the wind
whispers", "why is the cat a cloud", "masters of disguise??"). The passage's structure tells which figure it is:
- a thing doing what only a person (or a living thing) does: a non-person subject before the asked verb ("the whole
  bus kneeled", "The truck coughed") -> what someone does when they kneel, and what the bus is doing that is like it;
- a thing called something it is not: "<thing> is/are <a name>" ("My cat is a cloud", "Octopuses are masters of
  disguise") -> what the named thing is like, and which words show the thing being like it;
- a simile: "<thing> ... like <something>" ("These patterns act like landing strips") -> the two sides compared.
Each move names the sentence that carries the figure and, where the next sentence goes on with the same thing or
shows someone reacting, that sentence too: the comparison's shared quality is read from both.

Round 26 (readpoint26: 52 fresh cases, 25 passages, grades 3-8, 26 held back): with reading_asks.told_around (a
word's clue in how its sentence goes on), answer_line.told_beside (a cause beside a restating or pointing-back line)
and a thing's change told without a feeling frame: good moves dev 2 -> 12/26, held back 7 -> 11/26; wrong answers
confirmed unchanged (3, verdicts); tune and foreign reading replies unchanged.
"""
from __future__ import annotations

import re

from evidence import Move
from people import HE, SHE, characters
from reading_verdict import quote
from text_words import IRREGULAR, STOP, base_forms, content_tokens

# the student marks the words as strange or asks what they mean or why they are said
FIGURE_ASK = re.compile(r"\bmean|\bwhy\b[^.?!]*\b(?:say|says|said|call|calls|called|describe|describes|use|uses)\b|"
                        r"\bwhy (?:is|are|was) (?:the |a |an |my |his |her )?\w+ (?:an?|the|like)\b|"
                        r"\bhow (?:can|could) "
                        r"\w+|\bcan'?t\b|\b(?:don'?t|doesn'?t) have\b|\breally\b|\bcompar|\bsimile|\bmetaphor|"
                        r"\bpersonif|\blike (?:an?|the)\b", re.I)
DETERMINER = {"the", "a", "an", "its", "their", "his", "her", "my", "our", "this", "that", "these", "those", "every",
              "each"}
POSSESSIVE = {"its", "their", "his", "her", "my", "our"}
PERSON = {"i", "we", "you", "he", "she", "they", "it", "someone", "people", "everyone", "nobody"}
ADVERB = re.compile(r"(?i)^(?:never|always|not|also|still|just|then|often|even|\w+ly)$")
COPULA = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did"}
# "the bay feels empty", "the sky looked gray": a thing described through a linking verb, no person's action
LINKING = {f"{verb}{end}" for verb in ("feel", "seem", "look", "sound", "smell", "taste", "stay")
           for end in ("", "s", "ed")} | {"felt", "become", "becomes", "became"}
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


# a remark of disbelief beside the question ("buses dont have knees", "wind cant talk"): no answer to weigh
DOUBT = re.compile(r"\b(?:can'?t|cannot|don'?t|doesn'?t|isn'?t|aren'?t|not)\b(?:\s+\w+){0,3}?|\bno\s+\w+", re.I)


def doubted(claim: str | None) -> bool:
    """Is the student's remark only disbelief in the figure's words ("buses dont have knees")?"""
    return bool(claim and DOUBT.search(claim) and len(claim.split()) <= 8 and not re.search(
        r"\b(?:means?|because|bc|so)\b", claim, re.I))


def asked_forms(question: str) -> set[str]:
    """Every base form of the question's content words."""
    return {form for word, _ in content_tokens(question) for form in base_forms(word)}


def named(word: str, asked: set[str]) -> bool:
    """Does the question name this word, in any of its forms?"""
    return bool(base_forms(word) & asked) and word.lower() not in STOP


def person_word(word: str, sentences: list[str]) -> bool:
    """A pronoun, a character's name, or a word for a person ("the old man"): its doing is no figure."""
    return word.lower() in PERSON or word in characters(sentences) or bool(HE.fullmatch(word) or SHE.fullmatch(word))


def bare(verb: str) -> str:
    """The form after "can't": "kneeled" -> "kneel", "snores" -> "snore", "hummed" -> "hum", "smiled" -> "smile"."""
    v = verb.lower()
    if v in IRREGULAR:
        return IRREGULAR[v]  # "sang" -> "sing"
    if re.search(r"[^aeiou]ie[sd]$", v):
        return v[:-3] + "y"
    if v.endswith("ed") and len(v) > 4:
        root = v[:-2]
        if re.search(r"([^aeiouls])\1$", root):
            return root[:-1]  # "hummed", "stepped"
        if re.search(r"(?:[^aeiou][aiou][^aeiouwxy]|[cvzgu]|o)$", root) and len(root) <= 5 and not \
                re.search(r"[aeiou]{2}[^aeiou]$", root):
            return root + "e"  # "smiled", "danced", "tiptoed", "snored"
        return root
    if re.search(r"(?:sh|ch|ss|x|z)es$", v):
        return v[:-2]
    return v[:-1] if v.endswith("s") and not v.endswith("ss") else v


def gerund(verb: str) -> str:
    """"kneel" -> "kneeling", "snore" -> "snoring", "hum" -> "humming"."""
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def plural(phrase: str) -> bool:
    """Is a noun phrase plural: "landing strips", "masters of disguise" (its head, before "of")?"""
    head = re.split(r"\s+of\s+", phrase)[0].split()[-1].lower()
    return head.endswith("s") and not head.endswith(("ss", "us"))


def the_thing(words: list[str]) -> str:
    """A subject as the tutor says it: "the bus" for "the whole bus", "the cat" for "My cat"."""
    noun = words[-1].lower() if words[-1][0].islower() or len(words) > 1 else words[-1][0].lower() + words[-1][1:]
    return noun if plural(noun) and words[0].lower() not in DETERMINER else f"the {noun}"


def thing_acts(question: str, sentences: list[str]) -> tuple[int, str, str] | None:
    """(sentence, thing, verb as written) where the question names a thing and what it does, and that thing is no
    person: "the whole bus kneeled" for "what does it mean the bus kneeled"."""
    asked = asked_forms(question)
    for i, sentence in enumerate(sentences):
        words = WORD.findall(sentence)
        for k, verb in enumerate(words):
            if k == 0 or verb.lower() in COPULA | LINKING or not named(verb, asked) or not verb.islower():
                continue
            j = k - 1
            while j > 0 and ADVERB.match(words[j]):
                j -= 1
            subject = words[j]
            # "old man": no verb; "the mimic octopus", "the glass": a noun ending in s, no verb
            told = re.search(r"(?:[^su]s|ed)$", verb) or verb in IRREGULAR or plural(subject)
            if not told or subject == verb or not named(subject, asked) or person_word(subject, sentences) \
                    or subject.lower() in COPULA | LINKING:   # "feels empty": no subject and its verb
                continue
            start = next((m for m in range(j, max(-1, j - 3), -1) if words[m].lower() in DETERMINER), j)
            if start == j and j > 0 or start == j - 1 and words[start].lower() in POSSESSIVE and not plural(subject):
                continue  # "the bus driver", "its low moan": a thing named, no thing doing
            return i, the_thing(words[start:j + 1]), verb
    return None


CALLED = re.compile(r"(?P<thing>(?:\b[A-Za-z']+\s+){0,2}?[A-Za-z']+)\s+(?:is|are|was|were)\s+(?:never\s+)?"
                    r"(?P<name>(?:(?:an?|the|my|his|her|their|its)\s+)?[a-z][\w'-]*"
                    r"(?:\s+(?:of\s+)?[a-z][\w'-]*){0,2})", re.I)


def thing_called(question: str, sentences: list[str]) -> tuple[int, str, str] | None:
    """(sentence, thing, what it is called) where the question names what a thing is called, and the thing is no
    person: "My cat is a cloud", "Octopuses are masters of disguise"."""
    asked = asked_forms(question)
    for i, sentence in enumerate(sentences):
        for m in CALLED.finditer(sentence):
            thing, words = m.group("thing").split(), m.group("name").split()
            last = max((k for k, w in enumerate(words) if named(w, asked)), default=-1)
            name = " ".join(words[:last + 1])  # "a silver coin tonight" asked as "a coin": up to the word asked
            bare_name = words[0].lower() not in DETERMINER
            if last < 0 or words[last].lower().endswith("ed") or bare_name and not plural(words[0]):
                continue  # "the hall was packed": a description, no name
            if person_word(thing[-1], sentences) or thing[-1].lower() in STOP:
                continue
            return i, the_thing(thing), re.sub(r"(?i)^(?:my|his|her|their|its)\s", "a ", name)
    return None


LIKE = re.compile(r"\blike\s+(?:an?\s+|the\s+)?(?P<other>[a-z][\w'-]*(?:\s+(?!(?:that|which|who|and|but|when|to)\b)"
                  r"[a-z][\w'-]*)?)", re.I)


def thing_like(question: str, sentences: list[str]) -> tuple[int, str, str] | None:
    """(sentence, thing, what it is compared to) for a simile whose other side the question names: "These patterns
    act like landing strips" for "why does it say the patterns are like landing strips"."""
    asked = asked_forms(question)
    for i, sentence in enumerate(sentences):
        like = LIKE.search(sentence)
        words = like.group("other").split() if like else []
        last = max((k for k, w in enumerate(words) if named(w, asked)), default=-1)
        if last < 0:
            continue
        before = WORD.findall(sentence[:like.start()])
        held = relative_head(before)
        start = next((k for k, w in enumerate(before) if w.lower() in DETERMINER), None)
        if held is None and (start is None or start + 1 >= len(before)):
            continue
        phrase = before[start + 1:] if held is None else []  # "a gray heron stands": the noun is before the verb
        thing = held or f"{before[start].lower()} {phrase[-2] if len(phrase) > 1 else phrase[0]}"
        if person_word(thing.split()[-1], sentences):
            continue
        return i, thing, " ".join(words[:last + 1])
    return None


IN_PHRASE = {"in", "on", "of", "at", "with", "from", "under", "over", "near", "inside"}


def relative_head(before: list[str]) -> str | None:
    """The thing a "that"/"which" clause before a simile tells about, with its determiner: "patterns on their petals
    that act like ..." tells about "the patterns" (a place phrase after the noun is passed over); None without one."""
    rel = max((k for k, w in enumerate(before) if w.lower() in ("that", "which")), default=0)
    k = rel - 1
    if k >= 3 and before[k - 1].lower() in DETERMINER and before[k - 2].lower() in IN_PHRASE:
        k -= 3  # "patterns on their petals that": the patterns
    if rel < 1 or k < 0 or before[k].lower() in STOP:
        return None
    det = before[k - 1].lower() if k > 0 and before[k - 1].lower() in DETERMINER else "the"
    return f"{det} {before[k].lower()}"


def up_to(sentence: str, name: str) -> str:
    """The sentence up to the name it gives a thing ("The sea was a sheet of glass"): what follows may be the very
    quality the two share ("smooth and gray"), the student's to find."""
    last = name.split()[-1]
    end = re.search(rf"\b{re.escape(last)}\b", sentence)
    return sentence[:end.end()].strip() if end else sentence.strip()


def goes_on(sentences: list[str], i: int, thing: str) -> str:
    """The next sentence, when it goes on with the same thing or shows someone reacting: where the figure's meaning
    shows; "" otherwise (a new stanza, another topic)."""
    if i + 1 >= len(sentences) or sentences[i + 1].startswith("\n"):
        return ""
    after = sentences[i + 1]
    noun = thing.split()[-1]
    same = bool(base_forms(noun) & {f for w, _ in content_tokens(after) for f in base_forms(w)})
    someone = any(w in characters(sentences) for w in WORD.findall(after))
    return f" Then read the next sentence, {quote(after.strip())}: how does that fit?" if same or someone else ""


def figure_move(question: str, sentences: list[str]) -> Move | None:
    """The move for a figure the student asks about; None when the question names none."""
    if not FIGURE_ASK.search(question):
        return None
    meaning = re.search(r"\bwhat (?:does|do|is) (?:the word )?\W?(\w+)\W? mean", question, re.I)
    asked_word = meaning.group(1).lower() if meaning else ""
    like = thing_like(question, sentences) if re.search(r"\blike\b", question, re.I) else None   # the simile asked
    acts = None if like else thing_acts(question, sentences)
    if acts and acts[1].split()[-1].lower() != asked_word:   # "mimic" asked: a word's meaning, no figure
        i, thing, verb = acts
        did = bare(verb)
        text = (f"{thing[0].upper()}{thing[1:]} can't really {did}: the writer is comparing it to someone who can. "
                f"What does someone do when they {did}, and what would {thing} be doing that looks or sounds like "
                f"{gerund(did)}?")
    elif called := thing_called(question, sentences):
        i, thing, name = called
        many = plural(name)
        text = (f"The writer calls {thing} {name}, though {thing} {'are' if plural(thing) else 'is'} not really "
                f"{'that' if many else 'one'}. Picture {name}: {'what are they' if many else 'what is it'} like? "
                f"Which words after \"{up_to(sentences[i], name)}\", or around it, show {thing} being like that?")
    elif like := like or thing_like(question, sentences):
        i, thing, other = like
        other = other if plural(other) else f"{'an' if other[0] in 'aeiou' else 'a'} {other}"
        they = "what are they" if plural(other) else "what is it"
        text = (f"The writer compares {thing} to {other}. Picture {other}: {they} like, or {they} for? What do "
                f"{thing} and {other} have in common here?")
    else:
        return None
    follow = goes_on(sentences, i, thing)
    shown = [sentences[i]] + ([sentences[i + 1]] if follow else [])
    return Move(text + follow, "meaning", None, shown)
