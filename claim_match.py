"""A reading answer in the student's own words, tested in general: does one passage span (a sentence, or two side by
side) where the question points say what the answer says? reading_verdict.judge_answer asks it last, after the
word-for-word checks, for an answer they could not decide.

Every one of the answer's own words (not the question's, not an everyday verb) must be said in the span, in one of
its forms or synonyms (data/synonyms.txt); each clause of it in one sentence; the whole answer close to the span by
MiniLM; its numbers the span's; no denial more, no aim for a deed, no conflict, no sides swapped and no word put
where the span has a close one (`swaps`). All, not most: a word left out was the answer's point as often as not
("they protect the islands of Hawaii like a shield", "one of the children who climbed the tree": two of three words
in a true line, both wrong on the fresh set), and MiniLM cannot vouch for a word the span lacks: it puts "wet" as
close to "dry" as "warms" to "heats". What the span denies is judge_answer's next check ("they sleep" where it
says "instead of sleeping"). The cosine was set on the dev set's tune split (gold answers and right attempts
confirmed, no wrong attempt) and measured on a fresh set (out/fresh, round 15). `denied_spans` (what a sentence
denies, what it says) lives here too: both say what a span says of an answer; reading_verdict's denial checks read it.

Where the question's rarest words are (round 16): `located_support` confirms a literal answer (detail, cause,
sequence, argument) every word of whose first clause the line holding the question's rarest words says (or a line
the student quoted for it), after the turn of a line that turns ("people think X, but ..."), never the other side's
line; `asked_elsewhere` finds the line two of the question's words name when a detail was found in a parallel one
("what the length tells", asked about the direction). lesson.located_answer reads both.

An answer in parts (round 18): `parts_said` confirms an answer of two parts or more (a cause and its effect, the
steps of how, both halves of a two-part question) when every part is said by meaning in a clue line where the
question points or beside it: every own word of the part in one clause of that line (forms, data/synonyms.txt) and
MiniLM to the line, no denial more, no conflict. MiniLM alone could not decide it: a short true part scores about
0.35 to its line, a swapped one 0.7. `relation_broken` flags an answer that swaps what a line sets side by side.
Measured on /work/wt/probes18/readright18 (50 fresh cases, 26 held back): good single-turn moves dev 6/24 -> 9/24,
check 10/26 -> 12/26; wrong endorsed 2 -> 1; tune and five regression sets (247 verdicts): no wrong answer
confirmed, two tune gold answers confirmed more, nothing else changed. Measured with wrong answers
built from the passage's own words (out/probes, round 16: none supported, gold evidence quoted or not).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from evidence import CLAUSE_BREAK, clause_of, conflicts, default_embedder, opposite_pair, same_footing, sides_kept
from text_words import COMMON, STOP, base_forms, content_tokens, content_words, forms_of, has_negation, stem
from own_words import own_words, polarity_flipped, swaps, word_forms
from passages import ASKS_COUNTER, COUNTERCLAIM, rank_sentences
from locate import deed_told
from people import OPENERS
from wordproblem import normalise, numbers_in

if TYPE_CHECKING:  # lesson.py imports this through reading_verdict.py: neither torch nor numpy may load on import
    from retrieval import Embedder

# an aim or a wish, no deed: "they wanted to ring bells" is not told by "they rang bells"
AIM = re.compile(r"\b(?:wants?|wanted|tr(?:y|ies|ied)|plan(?:s|ned)?|hoped?|wish(?:es|ed)?|going|about)\s+to\b", re.I)
SKIPPED = re.compile(r"\b(ca|wo|is|are|was|were|do|does|did|has|have|could|should|would)nt\b", re.I)
MIN_COSINE = 0.4    # the whole answer to the span
# "because" as students type it: "bc", "cuz", "cause he ..." (a pronoun or article after it; "the cause of" is a noun)
TYPED_BECAUSE = re.compile(r"(?<![\w/])(?:bc|b/c|cuz|coz|bcuz|becuz|becuase|becasue|cause(?=\s+(?:he|she|they|it|i|we|"
                           r"you|the|his|her|their|its|there)\b))(?![\w/'])", re.I)


def apostrophes(claim: str) -> str:
    """A student's "couldnt", "didnt", "wont" with the apostrophe every denial check looks for."""
    return SKIPPED.sub(r"\1n't", claim)


def because_written(claim: str) -> str:
    """A reason typed "bc he cried" or "cuz the plot is shady" split where "because" splits it: every reason check
    (a feeling's cited deed, a stated reason, the clause an event waits on) looks for the word itself."""
    return TYPED_BECAUSE.sub("because", claim)


def spans(region: list[int], count: int) -> list[tuple[int, ...]]:
    """Each sentence of the region, and each pair of neighbours with one of them in it."""
    ones = sorted(set(region))
    return [(i,) for i in ones] + sorted({(j, j + 1) for i in ones for j in (i - 1, i) if 0 <= j and j + 1 < count})


def said_words(own: list[str], span: str) -> list[str]:
    """The answer words the span says, in one of their forms or synonyms. MiniLM puts a word's opposite as close as
    its synonym (wet/dry, faster/slower), so a close word is no word said: `swaps` rejects an answer that has one."""
    forms = forms_of(span)
    return [word for word in own if word_forms(word) & forms]


def clauses_kept(claim: str, question: str, pair: list[str]) -> bool:
    """Does one sentence of the pair say all that each clause of the claim says there? "the gate was too rusty" is
    not told by "... by the back gate. On Monday the chain was too rusty": a clause's words from two sentences."""
    for clause in CLAUSE_BREAK.split(claim):
        said = [w for w in own_words(clause or "", question) if word_forms(w) & forms_of(" ".join(pair))]
        if not any(all(word_forms(w) & forms_of(sentence) for w in said) for sentence in pair):
            return False
    return True


def kept(claim: str, clause: str) -> bool:
    """The clause holding the answer's words says it as the answer does: a denial each or none, as fact or hedged
    alike, deed or aim alike ("they did not ring bells", "they wanted to ring bells": not told by "rang bells")."""
    return (has_negation(claim) == has_negation(clause) and same_footing(claim, clause)
            and bool(AIM.search(claim)) == bool(AIM.search(clause)))


def span_saying(claim: str, question: str, sentences: list[str], region: list[int],
                embedder: Embedder | None = None) -> str | None:
    """The span of the `region`'s sentences that says the claim in other words, or None."""
    own = [w for w in own_words(claim, question) if stem(w) not in COMMON and not has_negation(w)]  # "couldnt"
    asked = {stem(w) for w, _ in content_tokens(question)}  # every content word beyond the question's is said too:
    own += [w for w, _ in content_tokens(claim)  # own_words and COMMON drop "mean" in "Grandpa is mean"
            if stem(w) not in asked and not has_negation(w) and w not in own]
    if len(own) < 2:  # one word ("lonely") is a feeling, a trait or a name: their own tests decide it
        return None
    numbers = set(numbers_in(normalise(claim)))
    pieces = [[sentences[i] for i in span] for span in spans(region, len(sentences))]
    pieces = [p for p in pieces if len(p) == 1 or clauses_kept(claim, question, p)]
    core = [stem(w) for w in own]  # the sentence of a pair holding most of the answer's words decides its polarity
    candidates = [" ".join(p) for p in pieces if kept(claim, clause_of(core, max(p, key=lambda s: len(said_words(
        own, s)))))]
    candidates = [s for s in candidates if len(said_words(own, s)) == len(own)
                  and numbers <= set(numbers_in(normalise(s))) and not conflicts(claim, s) and sides_kept(claim, s)]
    if not candidates:
        return None
    embedder = embedder or default_embedder()
    whole = embedder.encode([claim, *candidates])
    scored = sorted(((float(whole[0] @ v), s) for s, v in zip(candidates, whole[1:])), reverse=True)
    return next((s for cosine, s in scored if cosine >= MIN_COSINE and not swaps(claim, s, question, embedder)), None)


# ----------------------------------------------------------------------------- an answer in parts

# where an answer in the student's words goes on to another part: "..., and they take turns", "... and shake"
PART_BREAK = re.compile(rf"{CLAUSE_BREAK.pattern}|,\s*(?:and\s+)?(?:then\s+)?|\s+(?:and\s+)?then\s+|"
                        r"\s+and\s+|(?<=[.!?])\s+", re.I)
SIDES = re.compile(r";|,?\s+\b(?:while|whereas|but)\b", re.I)  # a line that sets two sides side by side
PART_COSINE = 0.3   # each part to its clue line, every word of it said there: set on the fresh set
# (probes18/readright18) and the tune split; with one word of three or more unsaid, `LOOSE_COSINE`
LOOSE_COSINE = 0.6


def numbers_unsaid(claim: str, sentence: str) -> bool:
    """The answer gives a number its supporting sentence does not ("On September 3" where "on September 12, Chidi
    started"): its words are there, its number is another event's, so it is no confirmed answer."""
    told = set(numbers_in(normalise(sentence)))
    typed = re.sub(r"(?i)\b[a-z]+\d\w*", " ", claim)  # "b4 breakfast", "gr8": chat spellings, no number
    return bool(set(numbers_in(normalise(typed))) - told)


DETAIL_WORDS = 15
ASKED_DOER = re.compile(r"\b(?:what|how|why|when|where)\s+(?:did|does|do|will|would|could)\s+(?-i:([A-Z][a-z]+))\b",
                        re.I)
DOER_BREAK = re.compile(r"\s*(?:[,;]|\band\b(?=\s+(?-i:[A-Z])))\s*")  # "Dad bought bread and Mom found ..."


def another_doer(claim: str, question: str, sentence: str) -> bool:
    """A deed told of the asked person ("She bought extra bread", asked what Mom did) from the part of the line that
    another named person does ("Dad bought extra bread and Mom found the shovels"): the words are there, the doer is
    not. Only a part that begins with a name of its own and has no "he" or "she" counts ("First she swept", "and she
    hugged him" go on with the name before)."""
    asked = ASKED_DOER.search(question)
    if not asked or not re.match(r"(?i)\s*(?:he|she|they)\b", claim):
        return False
    own = [w for w in own_words(claim, question) if stem(w) not in COMMON]
    parts = [p for p in DOER_BREAK.split(sentence) if own and len(said_words(own, p)) == len(own)]
    doers = [re.match(r"\W*(?:(?:then|later|so|but)\s+)?(?-i:([A-Z][a-z]+))\b", p, re.I) for p in parts]
    return bool(parts) and all(d and d.group(1) != asked.group(1) and not re.fullmatch(OPENERS, d.group(1))
                               and not d.group(1).endswith("ly") and asked.group(1) not in p
                               and not re.search(r"(?i)\b(?:he|she|they)\b", p)  # "First she swept": she did it
                               and not re.match(r"\s*[\"“]", p)   # '"You can fly it first," his cousin said': speech
                               for d, p in zip(doers, parts))


def said_of_another(claim: str, question: str, sentence: str) -> bool:
    """The line says the answer's words of another event or doer (`numbers_unsaid`, `another_doer`): no answer. A
    number is held against one line only in a detail's short answer: a retelling gives several lines' numbers."""
    short = len(claim.split()) <= DETAIL_WORDS
    return short and numbers_unsaid(claim, sentence) or another_doer(claim, question, sentence)


def parts_of(claim: str, question: str) -> list[str]:
    """The parts of an answer that each say something of their own (a word beyond the question's and no everyday
    verb): "They huddle in a ball, shake their muscles to make heat, and take turns" -> three."""
    return [p.strip() for p in PART_BREAK.split(claim)
            if p and [w for w in own_words(p, question) if stem(w) not in COMMON]]


def part_line(part: str, question: str, sentences: list[str], region: list[int], embedder: Embedder) -> int | None:
    """The clue line in the region that says the part by meaning: every own word of it (forms, synonyms) in one
    clause of the line, so words from two clauses in the wrong relation ("the bees on the outside shiver" where the
    middle ones shiver and the outside ones are a blanket) are no part said, and MiniLM cosine `PART_COSINE` to the
    line (all but one of three or more words: `LOOSE_COSINE`); a denial each or none, no conflict, no polarity
    flipped. MiniLM alone cannot decide it: it puts a short true part near 0.35 to its line, a swapped one near 0.7."""
    own = [w for w in own_words(part, question) if stem(w) not in COMMON]
    vectors = embedder.encode([part, *(sentences[i] for i in region)])
    for i, vector in sorted(zip(region, vectors[1:]), key=lambda iv: -float(vectors[0] @ iv[1])):
        line, cosine = sentences[i], float(vectors[0] @ vector)
        clause = max(CLAUSE_BREAK.split(line), key=lambda c: len(said_words(own, c or ""))) or ""
        unsaid = len(own) - len(said_words(own, clause))
        close = cosine >= PART_COSINE if not unsaid else unsaid == 1 and len(own) >= 3 and cosine >= LOOSE_COSINE
        if close and kept(part, clause) and not conflicts(part, line) and not polarity_flipped(part, question, line):
            return i
    return None


def relation_broken(claim: str, question: str, sentence: str) -> bool:
    """Does the answer swap what a line sets side by side, two of its parts each taking words from both sides ("the
    bees on the outside shiver ... and the ones in the middle are like a blanket" from "the bees in the middle shiver
    ..., while the bees on the outside act like a blanket")? A part crosses when two of its own words or more are
    said in the line and neither side says all of those. One part crossing is a paraphrase as often ("a longer waggle
    means they are farther"), and a reason ("..., so camels do not sink") is no side."""
    sides = [c for c in SIDES.split(sentence) if c]
    crossing = 0
    for part in parts_of(apostrophes(claim), question):
        said = said_words([w for w in own_words(part, question) if stem(w) not in COMMON], sentence)
        crossing += len(said) >= 2 and len(sides) >= 2 and not any(len(said_words(said, c)) == len(said) for c in sides)
    return crossing >= 2


def parts_said(claim: str, question: str, sentences: list[str], region: list[int],
               embedder: Embedder | None = None) -> str | None:
    """An answer of two parts or more in the student's own words (a cause and its effect, two steps, the two halves
    of a two-part question) whose every part one clue line says by meaning (`part_line`), a line where the question
    points (`region`) or one beside it (an answer in parts goes on from there): the line of its first part, or None.
    One part alone is span_saying's to decide: a single clause close to a line ("she missed the train" to "the train
    was delayed") is how a wrong answer built from its words looks too."""
    parts = parts_of(apostrophes(claim), question)
    if len(parts) < 2 or not region:
        return None
    near = sorted({j for i in region for j in (i - 1, i, i + 1) if 0 <= j < len(sentences)})
    lines = [part_line(part, question, sentences, near, embedder or default_embedder()) for part in parts]
    return None if None in lines else sentences[lines[0]]


DENIAL = re.compile(r"\b(?:not|no|never|cannot|instead of|rather than)\b|n't\b", re.I)
SPAN_END = re.compile(r"[,;:.!?]|\b(?:but|until|because|so|when|while|and then)\b", re.I)


def denied_spans(sentence: str, most: int = 6) -> tuple[set[str], set[str]]:
    """(the forms a sentence denies, the forms it says): "store fat, not water, in their humps" denies water and
    says fat; "instead of X" and "rather than X" deny X; a denial reaches its clause's end, `most` words at most."""
    denied, said, end = set(), set(), 0
    for found in DENIAL.finditer(sentence):
        said |= forms_of(sentence[end:found.start()])
        stop = SPAN_END.search(sentence, found.end())
        reach = None if found.group().lower() in ("instead of", "rather than") else most  # a phrase, to its comma
        span = " ".join(sentence[found.end():stop.start() if stop else len(sentence)].split()[:reach])
        denied |= forms_of(span)
        end = found.end() + sentence[found.end():].find(span) + len(span) if span else found.end()
    return denied, said | forms_of(sentence[end:])


# ----------------------------------------------------------------------------- where the question's rarest words are

CONTRAST = re.compile(r",?\s*\b(?:but|however|actually|instead|yet)\b", re.I)  # "people think X, but actually Y"
ANSWER_END = re.compile(r",?\s+\b(?:so(?: that)?|because|since|which|and so)\b", re.I)  # the answer, then its gloss
FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+")
LITERAL = {"detail", "cause", "motive", "sequence", "argument"}  # said by a line; a meaning, a whole text: their own
MANY_ASKED = re.compile(r"\bwhat (?:\w+ )?(?:reasons|evidence|details|examples|facts)\b|\bname (?:two|three|some)\b|"
                        r"\blist (?:the |some )?(?:reasons|details|examples|facts)\b", re.I)  # any line may hold one


def line_words(question: str, sentences: list[str], everyday: bool = False) -> dict[str, list[int]]:
    """Each of the question's words (no name: "Mei" is "she" in the lines that tell what she did; an everyday verb
    only when `everyday`) with the lines that hold it."""
    names = {w.lower() for w in re.findall(r"(?<=\S )[A-Z][a-z]+", question)}
    forms = [forms_of(s) for s in sentences]
    return {w: [i for i, f in enumerate(forms) if word_forms(w) & f] for w, s in content_tokens(question)
            if (everyday or s not in COMMON) and w not in names}


def rarest_lines(question: str, sentences: list[str]) -> list[int]:
    """The sentences that hold the question's rarest words (held by the fewest sentences, at least one): they name
    what is asked ("the length of the waggle"), where "tell" or "bees" name half the text. A line that only restates
    the question ("Some people say bins cost too much") is the premise: its neighbours hold the answer."""
    held = line_words(question, sentences)
    fewest = min((len(lines) for lines in held.values() if lines), default=0)
    lines = sorted({i for found in held.values() if len(found) == fewest for i in found})
    asked = forms_of(question)
    # of several, the lines that share the most of the question's words, everyday ones too ("Sea otters have the
    # thickest fur" shares otters and fur; the grooming line otters, fur, keep and working)
    most = max((len(forms_of(sentences[i]) & asked) for i in lines), default=0)
    lines = [i for i in lines if len(forms_of(sentences[i]) & asked) == most]
    premise = [i for i in lines if len(forms_of(sentences[i]) - asked) <= 1]   # only its neighbours hold the answer
    return sorted({*lines, *(j for i in premise for j in (i - 1, i + 1) if 0 <= j < len(sentences))} - set(premise))


def located_support(claim: str, question: str, kind: str, sentences: list[str], cited: list[int] = ()) -> str | None:
    """The sentence where the question's rarest words are that says every word of the answer (its first clause: "to
    keep the moisture in, so the soil stays wet" answers with the moisture), in one of its forms or synonyms, with no
    denial more or less and no conflict: a right answer in the passage's words, confirmed from that line. A wrong
    answer built from another line's words ("how far away the flowers are", asked what the direction tells) is said
    where the question does not point; one taken from what a line sets up to deny ("people think the hump is full
    of water, but it stores fat") is said only before the turn."""
    if kind not in LITERAL or has_negation(claim):
        return None
    answer = ANSWER_END.split(FIRST_SENTENCE.split(apostrophes(claim).strip())[0], maxsplit=1)[0]
    own = [w for w in own_words(answer, question) if stem(w) not in COMMON]
    if not own:
        return None
    lines = range(len(sentences)) if MANY_ASKED.search(question) else rarest_lines(question, sentences) or [
        rank_sentences(question, sentences, kind=kind)[0][1]]  # no word of the question in the text: its nearest line
    lines = [*lines, *(i for i, s in enumerate(sentences) if deed_told(question, s))]  # "had left", asked "leave"
    for i in sorted({*lines, *cited}):  # and the lines the student found and quoted for it
        sentence = sentences[i]
        last = CONTRAST.split(sentence)[-1]  # what the line says after its turn, when it turns
        other_side = last == sentence and COUNTERCLAIM.search(sentence) and not ASKS_COUNTER.search(question)
        if len(said_words(own, last)) < len(own) or other_side or said_of_another(answer, question, sentence):
            continue
        if not conflicts(claim, sentence) and not polarity_flipped(answer, question, sentence) and kept(
                answer, clause_of([stem(w) for w in own], last)):
            return sentence
    return None


# "said sorry to her" tells a deed, no line to quote
QUOTED_CLAIM = re.compile(r"\b(?:said|says|told (?:him|her|them|me|us)|asked|shouted|whispered)\s+(?:that\s+)?"
                          r"(?!(?:sorry|thanks|thank you|goodbye|hello|yes|no)\b)(.+)", re.I)


def misquoted(claim: str, sentence: str) -> bool:
    """Does an answer that gives a line ("she said you can sit with us") hold a word the sentence does not, in any
    form ("she said I'm your turn to sit")? A line is quoted or it is not: a word changed is no longer what was said."""
    line = QUOTED_CLAIM.search(claim)
    spoken = " ".join(re.findall(r"[\"“]([^\"”]+)[\"”]", sentence)) or sentence  # the line, not the words around it
    told = {form for word, _ in content_tokens(spoken) for form in base_forms(word)}
    return bool(line) and any(not base_forms(word) & told for word, _ in content_tokens(line.group(1)))


# where a sentence turns from one person's part to another's ("Marcus was slower, yet he ...", "but Jada ...")
PERSON_TURN = re.compile(r",?\s+\b(?:but|yet|while|whereas|although)\b|;", re.I)


def opposite_told(claim: str, question: str, sentences: list[str]) -> str | None:
    """The sentence that gives the person an answer is about the opposite of what the answer gives them ("he was
    faster", asked about Marcus, where "Marcus was slower"): the answer's subject (its "he" or "she" is the one person
    the question names) and the opposite word in the first part of the sentence naming them. None when the subject
    is no one named or nothing opposes the answer."""
    first = re.split(r"(?i)\b(?:so|because|bc|and|but)\b", claim)[0]  # the answer's first clause, and its subject
    lead = re.match(r"\W*([A-Za-z]+)", first)
    named = {w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b", question[1:])}
    who = (named.pop() if len(named) == 1 else None) if lead and lead.group(1).lower() in ("he", "she") else \
        lead.group(1) if lead and any(re.search(rf"\b{lead.group(1).capitalize()}\b", s) for s in sentences) and \
        lead.group(1).lower() not in STOP else None  # "jada was ...": a name the text capitalises
    said = set(content_words(first))
    for sentence in sentences if who else []:
        parts = [p for p in PERSON_TURN.split(sentence) if p and re.search(rf"\b{who}\b", p, re.I)]
        if any(opposite_pair(said, set(content_words(p))) for p in parts[:1]):
            return sentence
    return None


CARRIED = re.compile(r"^\W*(?:(?:first|then|next|later|soon|finally),?\s+)?(?:he|she|it|they|his|her|its|their|this|"
                     r"these|there)\b", re.I)  # goes on with the line before


def asked_elsewhere(question: str, sentences: list[str], support: str) -> int | None:
    """The one line that holds the question's rarest word, when a detail's answer was found in another line that has
    none of them and does not go on from it: "how far away the flowers are" is what the length tells, asked what the
    direction tells; "he invited every musician" is what he did "instead", asked what the regulars expected. Two of
    the question's words only that line holds anchor it; one ("study", in a line about students) or a line that
    only restates the question anchors nothing this sure."""
    forms, held = [forms_of(s) for s in sentences], line_words(question, sentences, everyday=True)  # "run": one
    single = {found[0] for found in held.values() if len(found) == 1}
    if len(single) != 1 or support not in sentences:
        return None
    line, i = single.pop(), sentences.index(support)
    rare = [w for w, found in held.items() if found == [line]]
    premise = len(forms[line] - forms_of(question)) <= 1  # the line only restates the question: its answer is near
    if len(rare) < 2 or i == line or any(word_forms(w) & forms[i] for w in rare) or premise or i == line + 1 and \
            CARRIED.match(support):
        return None
    return line
