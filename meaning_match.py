"""A right reading answer in the student's own words, judged by meaning against the clue lines (round 19).

claim_match.py confirms an answer only when every one of its own words is said in the line, in a form or a synonym
of data/synonyms.txt: "the storm held up the train" for "the train was delayed by a storm" fails on "held".
`meant_by_lines` is judge_answer's last check for an answer no earlier one decided: each part of the answer
(claim_match.parts_of; every clause with words of its own is one) is said by one clue line where the question
points, or beside it, when more than half of its own words (two or more) are that line's (forms, synonyms), the
part is close to the line by MiniLM (`MIN_COSINE`, the same default_embedder the reading checks use), the question's
own thing it names is the line's too, and nothing turns it: no word of it whose opposite the line says (PAIRS below,
text_words' OPPOSITES, a synonym's opposite), no word put where the line has a close one (own_words.swaps: "damp"
for "dry"), no denial more or less, no conflict, no polarity flipped, no sides swapped. A part of one own word is a
word found, not a meaning ("too tall" where the sunflowers grew taller by August).

Calibrated so that no wrong answer is confirmed (round 19): the tune split's wrong attempts, the wrong attempts of
probes17/18 readright, readpoint17/18 and mock15, the decoys of probes19/readright19 and the verdict fixtures of
rounds 6-12 (tests). MiniLM-L6 cannot tell a paraphrase from a swapped word ("held"/"delayed" 0.37, "rain"/"drought"
0.65), so the check stays strict and confirms few answers: the words decide, MiniLM only keeps far ones out.
`near_in_meaning` is wording only: an answer that near a line is asked which of its words show it, never told the
passage lacks the student's words. `unfound` (round 20, from passages.py) names the words worth saying the passage
lacks: only a thing the answer names (a name, a number, a noun after an article or a place word), never a feeling,
a verb or a manner ("grind", "barely", "lowkey"), a form or a misspelling of a passage word ("octopuses", "carefull").
`shown_by` and `names_detail` (round 10: the line a "which detail shows X" question asks for, and the answer that
names it) moved here from reading_verdict.py in session 19.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from evidence import CLAUSE_BREAK, conflicts, default_embedder, sides_kept
from text_words import (CHAT_WORDS, COMMON, OPPOSITES, STOP, base_forms, content_tokens, content_words, forms_of,
                        has_negation, stem)
from own_words import OPPOSED, SYNONYMS, own_words, polarity_flipped, swaps, word_forms
from claim_match import apostrophes, kept, numbers_unsaid, parts_of, relation_broken, said_words
from passages import FEELING_WORDS, rank_sentences

if TYPE_CHECKING:  # reading_verdict.py imports this: neither torch nor numpy may load on import
    from retrieval import Embedder

MIN_COSINE = 0.55   # each part to its line, with more than `MIN_SHARE` of its own words said there
MIN_SHARE = 0.5
# Word pairs a paraphrase may put one for the other of: the student's word where the line says its opposite turns
# the answer ("the glacier slides uphill"), and MiniLM puts such pairs as close as synonyms.
PAIRS = [("up", "down"), ("uphill", "downhill"), ("early", "late"), ("fast", "slow"), ("quick", "slow"),
         ("strong", "weak"), ("love", "hate"), ("calm", "nervous"), ("calm", "tense"), ("brave", "afraid"),
         ("win", "lose"), ("won", "lost"), ("old", "new"), ("young", "old"), ("heavy", "light"), ("hot", "cold"),
         ("clean", "dirty"), ("full", "empty"), ("open", "close"), ("start", "end"), ("begin", "finish"),
         ("push", "pull"), ("rise", "fall"), ("give", "take"), ("buy", "sell"), ("inside", "outside"),
         ("above", "below"), ("top", "bottom"), ("safe", "dangerous"), ("easy", "hard"), ("true", "false"),
         ("help", "hurt"), ("friend", "enemy"), ("alone", "together"), ("quiet", "loud"), ("more", "fewer"),
         ("many", "few"), ("lost", "found"), ("remember", "forget"), ("accept", "refuse"), ("agree", "disagree")]
OPPOSITE_OF: dict[str, set[str]] = {}
for _a, _b in [*PAIRS, *OPPOSITES, *((k, v) for k, v in OPPOSED.items() if " " not in v)]:
    for _x, _y in ((_a, _b), (_b, _a)):
        OPPOSITE_OF.setdefault(stem(_x), set()).update(base_forms(_y))


def opposed_word(words: list[str], line: str) -> str | None:
    """A word of the answer whose opposite the line says, and the word itself not: "uphill" where it says downhill."""
    there = forms_of(line)  # its synonyms' opposites too: "damp" where the line says dry
    return next((w for w in words if not word_forms(w) & there and any(
        OPPOSITE_OF.get(stem(s), set()) & there for s in [w, *SYNONYMS.get(stem(w), [])])), None)


def part_meant(part: str, question: str, line: str, cosine: float, embedder: Embedder) -> bool:
    """Does the line say the part by meaning? More than half of its own words said there, in one clause of it,
    MiniLM close, nothing that turns it (see the module's note)."""
    own = [w for w in own_words(part, question) if stem(w) not in COMMON and not has_negation(w)]
    if len(own) < 2:  # one word said ("too tall" where they grew taller by August) is a word found, not a meaning
        return False
    clause = max((c for c in CLAUSE_BREAK.split(line) if c), key=lambda c: len(said_words(own, c)), default=line)
    said = said_words(own, clause)
    named = [w for w, _ in content_tokens(part) if base_forms(w) & forms_of(question) and w not in own]
    if any(not word_forms(w) & forms_of(line) for w in named):  # "the feathers store fat": a line about the fat
        return False  # under the skin, the question's own thing moved onto it
    return (len(said) > MIN_SHARE * len(own) and cosine >= MIN_COSINE
            and opposed_word(own, line) is None and not swaps(part, line, question, embedder) and kept(part, clause)
            and not conflicts(part, line) and not polarity_flipped(part, question, line) and sides_kept(part, line))


def unweighed(claim: str, question: str, parts: list[str]) -> bool:
    """Does a clause of the answer say something of its own that no part weighed holds? "Grandpa is mean because his
    hands are rough": "mean" is an everyday word parts_of passes over, and the conclusion is the answer's point."""
    weighed = {s for part in parts for _, s in content_tokens(part)}
    asked = forms_of(question)
    return any(s not in weighed and not base_forms(w) & asked for w, s in content_tokens(claim))


def near_lines(region: list[int], count: int) -> list[int]:
    """The clue lines where the question points and each one beside them: an answer goes on from there."""
    return sorted({j for i in region for j in (i - 1, i, i + 1) if 0 <= j < count})


def meant_by_lines(claim: str, question: str, sentences: list[str], region: list[int],
                   embedder: Embedder | None = None) -> str | None:
    """The clue line that says the answer by meaning (that of its first part), or None: every part of it said by a
    line where the question points (`region`) or beside it (`part_meant`), and no line's sides swapped."""
    claim = apostrophes(claim)
    parts = parts_of(claim, question)
    near = near_lines(region, len(sentences))
    if not parts or not near or unweighed(claim, question, parts):
        return None
    embedder = embedder or default_embedder()
    vectors = embedder.encode([*parts, *(sentences[i] for i in near)])
    lines = []
    for p, part in enumerate(parts):
        scored = sorted(((float(vectors[p] @ vectors[len(parts) + k]), i) for k, i in enumerate(near)), reverse=True)
        lines.append(next((i for cosine, i in scored if part_meant(part, question, sentences[i], cosine, embedder)),
                          None))
    if None in lines or any(relation_broken(claim, question, sentences[i]) for i in set(lines)):
        return None
    return sentences[lines[0]]


NEAR_COSINE = 0.35  # wording only: the answer to a line, more than half of its own words said there


def near_in_meaning(claim: str, question: str, lines: list[str], embedder: Embedder | None = None) -> bool:
    """Wording, never a verdict: is the answer close in meaning to one of the lines the move points to? More than half
    of its own words said there (forms, synonyms), MiniLM cosine `NEAR_COSINE`, no word of it whose opposite the line
    says, no conflict. Then the words the line lacks are the student's own wording of it ("held up" for "delayed",
    "didn't quit" for "did not give up"), and the move asks which words of the line show it rather than saying the
    passage does not use them; an answer that brings in a thing of its own ("the captain was sick") is not near."""
    own = [w for w in own_words(claim, question) if stem(w) not in COMMON and not has_negation(w)]
    clauses = [said for c in CLAUSE_BREAK.split(claim) if (said := [w for w, _ in content_tokens(c or "") if not
                                                                      base_forms(w) & forms_of(question)])]
    lines = [line for line in lines if line and len(said_words(own, line)) > MIN_SHARE * len(own)  # "Mia is lazy
             and all(said_words(words, line) for words in clauses)]  # because ...": the conclusion's words too
    if not lines or not own:
        return False
    vectors = (embedder or default_embedder()).encode([claim, *lines])
    return any(float(vectors[0] @ v) >= NEAR_COSINE and opposed_word(own, line) is None and not conflicts(claim, line)
               for line, v in zip(lines, vectors[1:]))


# What a reader works out from deeds (a thought, a trait, a deed summed up: "to rescue his sister") and words that
# name nothing to look for ("nobody", "hard"): a passage need not hold them for an answer to be right.
THOUGHTS = {stem(w) for w in "thankful grateful jealous brave bored calm confident surprised curious strong smart hope "
            "hoped wish wished want wanted decide decided realize realized believe believed rescue rescued save saved "
            "help helped fail failed succeed succeeded protect nobody somebody someone everyone anybody body thing "
            "things hard lot place places stuff part kind lazy mean nice rude shy bossy clever honest loyal wise silly "
            "funny greedy".split()}
# A word that names: after an article, a possessive, a number, an amount or a place word ("a new piano", "his
# cousin", "too much rain", "at school"), past one describing word of the few that come first ("new", "old",
# "little"); a lookahead, so that the matches overlap ("under the ice")
NAMING = re.compile(r"\b(?=(?:a|an|the|his|her|their|its|my|your|our|this|these|those|some|every|each|\d+|one|two|"
                    r"three|four|five|ten|much|many|any|no|several|lots of|in|on|at|from|into|under|inside|near|"
                    r"behind)\s+(?:(?:new|old|big|little|small|long|short|other|whole|same|first|last|only|own|real|"
                    r"best|good|bad|great|huge|tiny)\s+)?([a-z][a-z'-]*))")

# A state said of someone or something ("the captain was sick", "the gate is broken"): a fact the passage holds or
# not, unless it is a trait worked out from deeds (THOUGHTS, and the endings of trait words: "reckless", "curious")
# or a change said in a comparison ("she got faster": the student's summing up of what the lines tell)
# a state said of an event that follows it ("they were shocked that so many signed", "mad about the game") is a
# reaction in the student's words, no fact a passage holds or lacks ("too tired at night" is a state, a fact)
STATE = re.compile(r"\b(?:was|were|is|are|got|became)\s+(?:(?:so|too|very|really|all)\s+)?([a-z][a-z'-]*)\b"
                   r"(?!\s+(?:that|about|by|to see|to hear|to find)\b)")
TRAIT_ENDING = ("ing", "ly", "ful", "less", "ous", "ive", "ent", "ant", "ish", "ible", "able", "er")


# A thing named with no article, as what a deed makes, grows, eats or carries ("the bees make honey", "they planted
# pumpkins and beans"): the word after such a verb, or a plural after a verb's past ("planted pumpkins"), and one
# joined to it by "and"; a lookahead, so that the matches overlap
OBJECT = re.compile(r"\b(?:(?:make|makes|made|grow|grows|grew|plant|plants|eat|eats|ate|build|builds|built|carry|"
                    r"carries|carried|bring|brings|brought|sell|sells|sold|buy|buys|bought|catch|catches|caught|"
                    r"collect|collects|store|stores|drink|drinks|drank|pick|picks|hunt|hunts)\s+(?=([a-z][a-z'-]*))|"
                    r"[a-z]+ed\s+(?=([a-z]+s)(?<![isu]s)\b))"
                    r"(?:\w+\s+and\s+(?=([a-z][a-z'-]*)))?")


# a kind said for the things the text lists ("they planted vegetables" for beans and tomatoes, "leaves catch dirt" for
# dust and soot): the student's summing up, no thing to find
KINDS = {"food", "foods", "vegetables", "veggies", "fruit", "fruits", "plants", "flowers", "animals", "bugs", "insects",
         "birds", "things", "stuff", "dirt", "trash", "garbage", "supplies", "tools", "toys", "clothes", "people",
         "materials", "snacks", "treats", "presents", "gifts"}


def named_things(claim: str) -> set[str]:
    """The answer's words that name something (a name, a number, a noun after an article, a possessive, a number or a
    place word, a thing a deed makes or takes with no article: `OBJECT`) or a state (`STATE`): facts a passage holds
    or does not. A verb, a feeling, a manner ("grind", "barely", "lowkey") is the student's wording of what happened:
    the passage not using it says nothing against it."""
    names = {w.lower() for w in re.findall(r"(?<=[a-z,;] )[A-Z][a-z]+", claim)}  # "she went to Dallas"
    taken = {w for m in OBJECT.findall(claim.lower()) for w in m if w and w not in KINDS}
    nouns = {w for w in [*NAMING.findall(claim.lower()), *taken] if w not in STOP and not w.endswith(("ly", "ing"))}
    states = {w for w in STATE.findall(claim.lower()) if w not in STOP and not w.endswith(TRAIT_ENDING)}
    return names | nouns | states | set(re.findall(r"\d+", claim))


def one_edit(a: str, b: str) -> bool:
    """Are two words of five letters or more one typing slip apart ("practised", "practiced"; "sneek", "sneak")?"""
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return a[i + (len(a) >= len(b)):] == b[i + (len(b) >= len(a)):]


def unfound(words: list[str], sentences: list[str], claim: str) -> list[str]:
    """The answer's words worth saying the passage lacks: only a thing the answer names (`named_things`), never a
    feeling or a thought (worked out from deeds, not found), nor a part or a form of a passage word ("wood" in
    "firewood", "window" in "windowsill", "octopuses", "sweaty"), nor a passage word misspelt ("carefull")."""
    told = {w.lower() for s in sentences for w in re.findall(r"[A-Za-z]{3,}", s)}
    def inside(word: str) -> bool:
        return any(t != word and (t.endswith(word) or word.endswith(t) and len(word) - len(t) >= 2 or t.startswith(
            word) and len(word) >= (4 if len(t) - len(word) <= 2 else 5) or word.startswith(t) and len(t) >= 4
            and len(word) - len(t) <= 3 or one_edit(word, t)) for t in told)  # 5 letters in any compound
    def compound(word: str) -> bool:  # "shipwreck" where "warships ran aground", "houses" in "farmhouse"
        whole = {word, word.removesuffix("s"), *base_forms(word)}
        parts = {part for k in range(4, len(word) - 3) for part in (word[:k], word[k:])}
        return any(t.startswith(f) or t.endswith(f) for f in whole if len(f) >= 4 for t in told) or \
            any(part in t for part in parts for t in told)
    things = named_things(claim)
    synonyms = {w for w in words if any(base_forms(s) & forms_of(" ".join(sentences))
                                        for s in SYNONYMS.get(stem(w.lower()), []))}  # "soil" said as "dirt"
    return [w for w in words if stem(w.lower()) not in FEELING_WORDS and stem(w.lower()) not in THOUGHTS
            and w not in synonyms
            and not inside(w.lower()) and not compound(w.lower()) and w.lower() not in CHAT_WORDS
            and w.lower() in things]


LOCATED_COSINE = 0.45  # the answer to the one line the locator ties to the question, two or more of its words there


def answered_line(claim: str, question: str, sentences: list[str], located: list[int],
                  embedder: Embedder | None = None) -> str | None:
    """The line the locator ties to the question (`located`: where it points, the reason beside a why-question's
    event), when the answer says it in its own words: two or more of its own words there (forms, synonyms) and more
    than half of them, MiniLM close (`LOCATED_COSINE`), and nothing that turns it: no word whose opposite the line
    says, no conflict, no denial more or less, no sides or relation swapped, no thing of its own the line does not
    name ("the captain" where it tells of the crew). "he goes canoeing every morning b4 breakfast" for "Now I paddle
    every morning before breakfast", asked what shows he is comfortable now. Only the located line: a line the answer
    shares words with elsewhere is no answer to the question (`meant_by_lines` weighs those, more strictly)."""
    claim = apostrophes(claim)
    own = [w for w in own_words(claim, question)
           if stem(w) not in COMMON and w.lower() not in CHAT_WORDS and not has_negation(w)]
    lines = [i for i in dict.fromkeys(located) if 0 <= i < len(sentences)]
    held = [i for i in lines if len(said := said_words(own, sentences[i])) >= 2 and 2 * len(said) > len(own)]
    if not held:
        return None
    vectors = (embedder or default_embedder()).encode([claim, *(sentences[i] for i in held)])
    for i, vector in zip(held, vectors[1:]):
        line = sentences[i]
        clause = max((c for c in CLAUSE_BREAK.split(line) if c), key=lambda c: len(said_words(own, c)), default=line)
        things = sorted(w for w in named_things(claim) if not w.isdigit() and not base_forms(w) & forms_of(question)
                        and w.lower() not in CHAT_WORDS)  # "a lil sprout": a chat spelling names nothing
        brought = set(things) - {w.lower() for w in said_words(things, line)}  # numbers: numbers_unsaid's
        if (float(vectors[0] @ vector) >= LOCATED_COSINE and not brought and not numbers_unsaid(claim, line)
                and opposed_word(own, line) is None and kept(claim, clause)
                and not conflicts(claim, line) and not polarity_flipped(claim, question, line)
                and sides_kept(claim, line) and not relation_broken(claim, question, line)):
            return line
    return None


# ----------------------------------------------------------------------------- the detail that shows it

SHOWS = re.compile(r"\b(?:which|what) (?:\w+ )?(?:details?|sentences?|facts?|examples?|parts?|lines?|evidence|clues?)\b"
                   r"[^?]*?\b(?:show|shows|tells?|proves?|supports?|explains?)\b\s+(?:us\s+|you\s+)?(?:that\s+|how\s+)?"
                   r"(.+?)\W*$", re.I)
POINTING = {stem(w) for w in "one part sentence detail line bit fact about where says said oh um".split()}


def shown_by(question: str, sentences: list[str], embedder: Embedder | None, margin: float = 0.05) -> int | None:
    """For "Which detail shows that X?", the sentence that shows X: the best-ranked for X alone, by `margin` over the
    next, never one that only says X ("Crows are clever birds" for 'shows that crows are clever'); None when the
    question asks no such thing or no sentence stands out ("use tools" is shown by "use coconut shells as shelters")."""
    asked = SHOWS.search(question)
    if not asked or len(sentences) < 2:
        return None
    topic = {w for w in content_words(asked.group(1)) if sum(w in content_words(s) for s in sentences) > 1}
    shown = " ".join(w for w in re.findall(r"[A-Za-z']+", asked.group(1)) if not set(content_words(w)) & topic)
    own = forms_of(shown)  # "use other things to get food": what shows it, not who ("crows" is in every line)
    ranked = [(score, i) for score, i in rank_sentences(shown, sentences, embedder)
              if not (own and own <= forms_of(sentences[i]))]
    if not ranked or len(ranked) > 1 and ranked[0][0] - ranked[1][0] < margin:
        return None
    return ranked[0][1]


def names_detail(claim: str, question: str, sentence: str) -> bool:
    """Does the answer name that sentence: every word of its own (no pointing words: "the one about faces") in it,
    the same polarity, nothing in conflict ("oh the coconut shells" names "Some even use coconut shells")?"""
    own = [w for w in own_words(claim, question) if stem(w) not in POINTING]
    there = forms_of(sentence)
    return (bool(own) and all(word_forms(w) & there for w in own) and has_negation(claim) <= has_negation(sentence)
            and not conflicts(claim, sentence))
