"""A claim in the student's own words, read against a passage sentence: synonyms a student may use for the
passage's words (data/synonyms.txt), a negated word said as its opposite ("to not stop" is "to keep going"), a
polarity flipped by one denial more or less, each clause of an answer found in other words (`own_words_backed`,
`clause_told`), and the words the whole passage truly lacks (`truly_missing`, `unsaid_words`). reading_verdict.py
decides with these; passages.py says how the passage is built and where a question's answer is told.

    .venv/bin/python -m pytest -q tests/test_reading_round7.py tests/test_reading_verdicts11.py
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from common import ROOT
from evidence import CLAUSE_BREAK, clause_of, conflicts, default_embedder, first_denied, same_footing, sides_kept
from text_words import COMMON, TUTOR_STEMS, base_forms, content_tokens, content_words, forms_of, has_negation, stem
from wordproblem import normalise, numbers_in
from people import characters

if TYPE_CHECKING:  # agent.py imports lesson.py, which imports reading: neither torch nor numpy may load on import
    from retrieval import Embedder


# Words a student may use for one the passage has ("scared" for "afraid"): the passage is not said to lack them.
SYNONYMS: dict[str, list[str]] = {}
SENSES: dict[str, int] = {}  # how many groups a word is in: "close" (near, shut) has two senses
for _group in (line.split() for line in (ROOT / "data" / "synonyms.txt").read_text().splitlines() if line[:1] != "#"):
    for _word in _group:  # a word in two groups ("close": near, shut) has the synonyms of both
        SYNONYMS.setdefault(stem(_word), []).extend(w for w in _group if w != _word)
        SENSES[stem(_word)] = SENSES.get(stem(_word), 0) + 1
# "Not X" says what its opposite says ("to not stop" is "to keep going"): the pair read without its negation.
OPPOSED = {"stop": "keep going", "quit": "keep going", "give up": "keep going", "wet": "dry", "dry": "wet",
           "open": "closed", "closed": "open", "forget": "remember", "remember": "forget", "win": "lose",
           "lose": "win", "same": "different", "different": "same", "alive": "dead", "dead": "alive",
           "asleep": "awake", "awake": "asleep", "safe": "in danger", "true": "false", "false": "true"}
NOT_OPPOSED = re.compile(rf"\b(?:not|never|didn'?t|don'?t|doesn'?t|won'?t|can'?t|cannot|isn'?t|wasn'?t)\s+"
                         rf"(?:be\s+)?({'|'.join(OPPOSED)})\b", re.I)


def unnegated(clause: str) -> str:
    """The clause with a negated word said as its opposite: "to not stop" -> "to keep going"."""
    return NOT_OPPOSED.sub(lambda m: OPPOSED[m.group(1).lower()], clause)


# A question that says something is gone ("where otters disappeared"): a claim denying it ("no otters to eat the
# urchins") restates the question, and contradicts no sentence about that thing.
ABSENCE = re.compile(r"\b(?:no|not|never|without|disappear\w*|gone|missing|vanish\w*|lost|lack\w*|died)\b", re.I)


def restates_premise(clause: str, question: str) -> bool:
    denied = first_denied(clause)
    return bool(ABSENCE.search(question) and denied and denied <= set(content_words(question)))


FLIP_PARTS = re.compile(r"[.!?;:]\s*|,\s+|\s+\b(?:because|since|but|although|while|whereas|which|who|until|till|"
                        r"after|before|when|if|unless)\b", re.I)


def polarity_flipped(claim: str, question: str, sentence: str) -> bool:
    """Does the clause of the sentence that holds all of a claim clause's own words (the words themselves: "not too
    wet" is no denial of "damp") say the opposite of it, the same predicate on the same object with one denial more
    or less ("bees cannot see ultraviolet light" against "Bees can see ultraviolet light, which people cannot see")?
    A denial in another clause (about people) tells nothing of it, nor the question's own premise ("no otters" where
    they disappeared); a denial the question asks about ("What can't bees see?") is the answer's own where that
    clause tells the question's words."""
    asked = {f for w, _ in content_tokens(question) for f in base_forms(w)}
    parts = [p for p in FLIP_PARTS.split(sentence) if p and p.strip()]
    for clause in filter(None, CLAUSE_BREAK.split(claim)):
        own = [w for w, s in dict(content_tokens(clause)).items() if not base_forms(w) & asked]
        held = {p: sum(bool(base_forms(w) & {f for x, _ in content_tokens(p) for f in base_forms(x)}) for w in own)
                for p in parts}
        best = max(parts, key=held.get, default="")
        there = {f for w, _ in content_tokens(best) for f in base_forms(w)}
        denies = has_negation(clause) or has_negation(question) and 2 * len(there & asked) >= len(asked)
        if own and held.get(best, 0) == len(own) and has_negation(best) != denies and not restates_premise(
                clause, question):
            return True
    return False


def synonym_meant(claim: str, term: str, question: str) -> bool:
    """Does a meaning name a synonym of the one-word term it explains ("it went on for a really long time" for
    "lengthy")? Only a term of one sense (a word in two groups, "close", may mean either), with no denial; its other
    words may say how much or when: the synonym decides it."""
    if len(term.split()) != 1 or SENSES.get(stem(term)) != 1 or has_negation(claim):
        return False
    said = {form for word in own_words(claim, question) for form in base_forms(word)}
    return bool((word_forms(term) - base_forms(term)) & said)


def word_forms(word: str) -> set[str]:
    """A word's forms and its synonyms' ('scared' finds 'afraid')."""
    return {form for w in [word, *SYNONYMS.get(stem(word), [])] for form in base_forms(w)}


def swaps(claim: str, sentence: str, question: str = "", embedder: Embedder | None = None,
          min_cosine: float = 0.5) -> bool:
    """Does the claim put a word of its own where the sentence has another ("wet" for "dry")?
    A claim word beyond the question's that the sentence lacks in every form and synonym (SYNONYMS), at MiniLM cosine
    `min_cosine` or more to a sentence word the claim lacks: opposites (strong/weak 0.78, faster/slower 0.88,
    front/back 0.58) sit that close, so such a word changes what the sentence says, or words it in a way no
    word list here can check (big/large 0.81), and a verdict from the passage needs its words. A word holding the
    other ("fog" in "foggy") is the same word in another form."""
    asked = set(content_words(question))
    sentence_forms = {form for word, _ in content_tokens(sentence) for form in base_forms(word)}
    claim_forms = {form for word, _ in content_tokens(claim) for form in base_forms(word)}
    unfound = [w for w, s in dict(content_tokens(claim)).items()
               if s not in asked and not word_forms(w) & sentence_forms]
    others = [w for w, _ in dict(content_tokens(sentence)).items() if not word_forms(w) & claim_forms
              and not any(w.lower().startswith(u.lower()) or u.lower().startswith(w.lower()) for u in unfound)]
    if not unfound or not others:
        return False
    vectors = (embedder or default_embedder()).encode(unfound + others)
    return bool((vectors[:len(unfound)] @ vectors[len(unfound):].T).max() >= min_cosine)


DEGREE = re.compile(r"\b(?:a (?:little|bit)|kind of|sort of)\b", re.I)  # "a little wet": how wet, no word to find


IDIOM = re.compile(r"\bno matter\b", re.I)  # "keep going no matter what" denies nothing


def part_said(core: list[str], sentence: str) -> str:
    """The pieces (between commas and 'and') of the sentence's clause that hold the claim's words: an aside in the
    same clause ("Their humps store fat, not water, and their bodies can use that fat") denies nothing "the body
    can use the fat" says, while "not water" still denies "they store water"."""
    clause = IDIOM.sub(" ", clause_of(core, sentence))
    pieces = [p for p in re.split(r",|\band\b", clause) if set(core) & set(content_words(p))]
    return ",".join(pieces) or clause


def added(clause: str, told: set[str]) -> bool:
    """Does a part of the clause joined by 'and' hold words of its own and none the sentence says ("they got eaten by
    a rabbit and died")? Its share of found words let that part through unsaid; a list ("water and air") finds both."""
    parts = [[w for w, _ in content_tokens(part)] for part in re.split(r"\band\b", clause)]
    return len(parts) > 1 and any(words and not any(word_forms(w) & told for w in words) for words in parts)


def moved(clause: str, question: str, told: set[str], forms: list[set[str]]) -> bool:
    """Does the clause give the question's thing ("the feathers store fat") to a sentence whose forms (`told`, with
    the sentence before it, whose 'they' it may mean) never name it, while another sentence does ("Their feathers
    overlap")? The fact found is about something else. What the text is about, named in its first sentence
    ("Bears get ready ..."), is the 'they' of every sentence after it."""
    asked = set(content_words(question))
    named = [w for w, s in dict(content_tokens(clause)).items() if s in asked and w.islower() and len(w) > 3]
    return any(not word_forms(w) & (told | forms[0]) and any(word_forms(w) & f for f in forms) for w in named)


def own_words_backed(claim: str, question: str, sentences: list[str], ranked: list[tuple[float, int]],
                     embedder: Embedder | None = None) -> str | None:
    """The sentence backing a claim said in the student's own words ("he used a long fishing pole" for "Tomas walked
    over with a long fishing pole"), or None: each clause (split at 'because', 'so', ...; a negated word read as its
    opposite, "not stop" as "keep going") with words beyond the question's is found in one sentence (a clause's
    words glued from two, "the gate was rusty", say what neither does), at least 0.6 of those words in any form or a
    synonym with MiniLM cosine 0.55 (all of them, two or more, with 0.4), none of the rest found in another sentence
    ("from the ships" where the bells ring from the tower), in the same polarity and footing as the part of the
    sentence that restates it ("fat, not water, and ...": the aside denies nothing else) and with no conflict, no
    part joined by 'and' unsaid ("eaten by a rabbit and died"), the question's thing not moved onto a sentence about
    another ("the feathers store fat"); one clause is told at or beside the question's three best sentences, or
    restates what the question says is gone ("no otters"), which is skipped. "A little", "kind of" say how much, no
    word to find; a clause going on about the sentence the clause before it was found in ("..., but not too wet") is
    read there, and one word found there backs it."""
    near = {j for _, i in ranked[:3] for j in (i - 1, i, i + 1)}
    forms = [{f for w, _ in content_tokens(s) for f in base_forms(w)} for s in sentences]
    # the story's names are all over it: "mr okafor got a new piano" found by its names alone, in a line about his
    # house, is not found (a name counts beside a word of its own: "to get Mr. Ortiz to help with the ladder")
    named = {w.lower() for w in characters(sentences)} | {"mr", "mrs", "ms", "dr"}
    asked, backed, anchored = set(content_words(question)), [], False
    for clause in CLAUSE_BREAK.split(unnegated(DEGREE.sub(" ", claim))):
        own = [w for w, s in dict(content_tokens(clause or "")).items() if s not in asked]
        if own and restates_premise(clause, question):
            anchored = True
        if not own or restates_premise(clause, question):
            continue
        found = [[bool(word_forms(w) & f) for w in own] for f in forms]
        vectors = (embedder or default_embedder()).encode([clause] + sentences)
        cosine = [float(v @ vectors[0]) for v in vectors[1:]]
        told = backed[-1][1] if backed else None  # "..., but not too wet" goes on about the sentence already found
        shares = [sum(hits) / len(own) for hits in found]  # own words: the question's ("bear") are all over the text
        k = max(range(len(sentences)), key=lambda k: shares[k] + cosine[k] + 0.3 * (k == told))
        if not any(hit and w.lower() not in named for w, hit in zip(own, found[k])) or not clause_told(
                clause, own, question, sentences, forms, found, cosine[k], k, told, embedder):
            return None
        backed.append((len(own), k))
        anchored = anchored or k in near
    strong = [b for b in backed if b[0] >= 2]
    return sentences[max(strong)[1]] if strong and anchored else None


def clause_told(clause: str, own: list[str], question: str, sentences: list[str], forms: list[set[str]],
                found: list[list[bool]], cosine: float, k: int, told: int | None, embedder: Embedder | None) -> bool:
    """Does sentence k say the clause, whose `own` words `found` marks in each sentence? See `own_words_backed`."""
    share = sum(found[k]) / len(own)
    swapped = [w for i, w in enumerate(own) if not found[k][i] and any(f[i] for f in found)]
    said = part_said([stem(w) for w in own], sentences[k])
    said_there = share == 1 and (len(own) >= 2 and cosine >= 0.4 or k == told)  # all found, or more of one
    return ((share >= 0.6 and cosine >= 0.55) or said_there) and not (
        swapped or conflicts(clause, sentences[k]) or swaps(clause, sentences[k], question, embedder)
        or has_negation(clause) != has_negation(said) or not same_footing(clause, said)
        or not sides_kept(clause, sentences[k]) or added(clause, forms[k])
        or moved(clause, question, forms[k] | (forms[k - 1] if k else set()), forms))


# The shape of an answer to a wh-question ("where ...?" "in his basket"): a true claim in it answers, it is not off.
ANSWER_FORMS = {"where": r"(?:in|on|under|at|behind|inside|near|by|beside|next to|into|from)\b",
                "when": r"(?:in|on|at|after|before|when|during|every)\b"}


def answer_form(question: str, claim: str) -> bool:
    asked = re.match(r"\W*(where|when)\b", question.lower())
    return bool(asked and re.match(ANSWER_FORMS[asked.group(1)], claim.strip().lower()))


# no content of its own; a "not" typed without its apostrophe ("couldnt") is no word a passage would hold
SLANG = set("stuff theres thats whats gonna wanna kinda sorta dunno yeah nope lol couldnt wouldnt shouldnt didnt "
            "doesnt dont cant wont isnt wasnt werent arent hasnt havent hadnt aint".split())


def truly_missing(missing: list[str], sentences: list[str]) -> list[str]:
    """The words of `missing` the passage lacks in every form it can be said: no synonym of it there, no slang, no
    word of the tutor's own ("the passage doesn't use 'word'" is nonsense)."""
    said = {form for s in sentences for word, _ in content_tokens(s) for form in base_forms(word)}
    return [w for w in missing if w not in SLANG and stem(w) not in TUTOR_STEMS
            and not {stem(o) for f in base_forms(w) for o in SYNONYMS.get(f, [])} & said]


def unsaid_words(claim: str, question: str, shown: list[str], sentences: list[str], most: int = 2) -> list[str]:
    """The claim's own words, as the student wrote them, that neither the question nor the sentences pointed to hold
    in any form or synonym: those the whole passage lacks first ("lazy" in "Mia is lazy because her sneakers were
    covered in mud"), then the longest ("bathtub" and "wet" in "because they were wet from the bathtub")."""
    asked = {form for word, _ in content_tokens(question) for form in base_forms(word)}
    there = {form for s in shown for word, _ in content_tokens(s) for form in base_forms(word)}
    fresh = [word for word, s in dict(content_tokens(DEGREE.sub(" ", claim))).items() if not base_forms(word) & asked
             and not word_forms(word) & there and word.lower() not in SLANG and s not in COMMON | TUTOR_STEMS]
    told = {form for s in sentences for word, _ in content_tokens(s) for form in base_forms(word)}
    return sorted(fresh, key=lambda w: (not word_forms(w) & told, len(w)), reverse=True)[:most]


HOW_MANY = re.compile(r"^\W*how (?:many|much|old|long|far|tall|high|big|heavy)\b", re.I)


def number_told(claim: str, question: str, sentence: str) -> bool:
    """For a question that asks how many, does the sentence give the claim's one number, in digits or in words ("90"
    for "the ninety steps")? A number has no content word for the other checks to match."""
    said = numbers_in(normalise(claim))
    return bool(HOW_MANY.match(question)) and len(said) == 1 and said[0] in numbers_in(normalise(sentence))


# Words that say what kind of answer it is, not what it answers with.
FILLER = {stem(w) for w in "answer think passage text story says said tell tells mean means meaning word".split()}


def own_words(claim: str, question: str) -> list[str]:
    """The claim's words that the question does not already say: what it answers with."""
    asked = forms_of(question)
    return [word for word, s in dict(content_tokens(claim)).items()
            if not base_forms(word) & asked and s not in FILLER]


GIST = {stem(w) for w in "main idea important mostly whole".split()}  # a main idea's own frame: no content to find


def summed_up(claim: str, question: str, sentences: list[str], title: str | None = None) -> str | None:
    """The closing sentence a main idea in the student's own words rests on when it sums up the whole text ("kids
    raised money so the pool could open again"), or None: three or more own words, all but one told in the text (any
    form, a synonym), one of them in the title or the first sentence (what it is about), two or more told only in
    the second half, one of those in the last two sentences (where it comes out), and no one sentence holding all
    but one of them, no parts joined by 'so' or 'then' in the wrong order (`in_order`): a detail said in
    one place ("bees make honey", "the pump was fixed by August") is no summary. No denial, no conflict with it."""
    own = [w for w in own_words(claim, question) if stem(w) not in GIST]
    forms = [forms_of(s) for s in sentences]
    at = {w: [i for i, f in enumerate(forms) if word_forms(w) & f] for w in own}
    found = [w for w in own if at[w]]
    start = forms_of(title or "") | (forms[0] if forms else set())
    late = [w for w in found if 2 * min(at[w]) >= len(sentences)]
    if (len(own) < 3 or len(found) < len(own) - 1 or len(late) < 2 or has_negation(claim)
            or all(max(at[w]) < len(sentences) - 2 for w in late)
            or not any(word_forms(w) & start for w in found)
            or any(sum(bool(word_forms(w) & f) for w in found) >= len(found) - 1 for f in forms)):
        return None
    closing = sentences[max(i for w in late for i in at[w])]
    return None if conflicts(claim, closing) or not in_order(claim, question, forms) else closing


RESULT = re.compile(r"\bso(?: that)?\b|\b(?:and )?then\b|\bafter that\b", re.I)


def in_order(claim: str, question: str, forms: list[set[str]]) -> bool:
    """Does each part of a claim joined by 'so' or 'then' rest on a sentence no earlier than the part before it
    ("they raised money so the pool opened": told in that order)? True details glued the wrong way round ("farmers
    grow apples so bees make honey", where the text says honey first) are no summary of the text."""
    spots = []
    for part in RESULT.split(claim):
        own = own_words(part, question)
        hits = [sum(bool(word_forms(w) & f) for w in own) for f in forms]
        if own and max(hits, default=0):
            spots.append(max(range(len(forms)), key=lambda i: (hits[i], i)))
    return spots == sorted(spots)
