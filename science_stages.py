"""An answer given as stages of a process, judged stage by stage and in order (data/science_sequences.jsonl: the water
cycle, the path of food and of blood, the two stages of photosynthesis, how sedimentary rock and fossils form).

No single fact sentence says "it evaporates, then condenses into clouds, then falls as rain", so the fact checks
leave such an answer unconfirmed; the sequence knows each stage (in the student's everyday words too: "turns into
clouds", "comes down as rain") and their order. A student's answer that names two stages or more, every part of it a
known stage:
- in the sequence's order with every required stage: confirmed, with the order recapped;
- in order with a required stage missing: the stages said are credited, in order, and the missing one is asked
  for with its own question ("How does the water in the clouds get back down to the ground?"), never named;
- out of order: flagged at the first pair said the wrong way round, with the question of the stage that comes
  first; one stage that comes after all the question asks for ("it condenses" to "How does sea water get up into the
  sky?") is flagged as coming later. Never endorsed.
One stage alone is judged only where it is the first the question asks for: the whole answer to "How does sea water
get up into the sky?", one stage credited ("Yes: burial, the first stage.") and the next asked for otherwise.
A student who says which stage they already understand and asks what follows ("i get that water evaporates from the
ocean but then what happens", "the stomach breaks down the food and after that what") gets that stage named and the
next one's own question (`next_stage_move`), never the stage they already have asked again.
An answer with a part that is no stage ("then it goes to the liver"), a denial, or "before"/"after" (which turn the
order of the words round) is left to the fact checks."""
from __future__ import annotations

import re
from dataclasses import dataclass

from common import ROOT, read_jsonl
from evidence import Move
from text_words import COMMON, content_tokens, forms_of, has_negation
from science_catalog import answer_of, yes

SEQUENCES_FILE = ROOT / "data" / "science_sequences.jsonl"
# Where a student's answer moves on to its next part: "it evaporates, then ...; after that ..."
PIECE_BREAK = re.compile(r"[,;]|\b(?:then|next|after\s+that|afterwards|finally|and\s+then|lastly)\b", re.I)
# Words that put the later stage first in the sentence ("it condenses after it evaporates"): order is not position
TURNS_ORDER = re.compile(r"\b(?:before|after(?!\s+that)|once|following|until)\b", re.I)
LEADS = {"first", "firstly", "it", "they", "them", "then", "next", "also", "and", "so", "the"}


# "i get that X but then what", "X ok then what", "X and after that what", "i know X but how does it ...": the part
# the student already has, then their ask for what follows it
KNOWN = r"(?:ok(?:ay)?\W+|so\W+)?(?:i\s+(?:get|know|understand|got)\s+(?:that\s+)?)?(?P<known>.+?)"
KNOWN_MARK = r"(?:\W+(?:ok(?:ay)?|i\s+(?:get|know|understand|got)\s+(?:that|it|this)))?"
THEN_WHAT = re.compile(rf"^\W*{KNOWN}{KNOWN_MARK}\W*\s(?:but\s+|and\s+|so\s+)?(?P<ask>(?:then|and\s+then|after\s+that|"
                       r"next)\s+(?:what|where)\b.*|(?:(?:i'?m\s+)?not\s+sure\s+|idk\s+|i\s+do\s*n[o']?t\s+know\s+)?"
                       r"what\s+(?:happens\s+|comes\s+)?(?:next|after(?:\s+that)?|then)\b.*)$", re.I)
GOT_BUT = re.compile(rf"^\W*(?:ok(?:ay)?\W+)?i\s+(?:get|know|understand|got)\s+(?:that\s+)?(?P<known>.+?),?\s+but\s+"
                     r"(?P<ask>(?:then\s+)?(?:how|what|where)\b.*)$|"
                     rf"^\W*(?:ok(?:ay)?\W+)?(?P<known2>.+?)\W+"
                     r"(?:ok(?:ay)?|i\s+(?:get|know|understand|got)\s+(?:that|it))"
                     r"\W+but\s+(?P<ask2>(?:then\s+)?(?:how|what|where)\b.*)$", re.I)


@dataclass(frozen=True)
class Stage:
    name: str
    said: re.Pattern
    ask: str
    label: str
    wrong: re.Pattern | None  # a detail that is false of this stage ("the light reactions make sugar")


@dataclass(frozen=True)
class Sequence:
    topic: str
    asks: re.Pattern
    cycle: bool  # a cycle may be told from any stage ("from the body to the right side ...")
    required: tuple[str, ...]
    stages: tuple[Stage, ...]
    details: re.Pattern | None  # what happens within a stage ("the vapour rises", "cools"): a part, yet no stage
    # a question that asks for the first stages only ("How does sea water get up into the sky?"): those it requires
    upto: tuple[tuple[re.Pattern, tuple[str, ...]], ...] = ()


def load_sequences() -> list[Sequence]:
    return [Sequence(r["topic"], re.compile(r["asks"], re.I), r["cycle"], tuple(r["required"]),
                     tuple(Stage(s["name"], re.compile(s["said"], re.I), s["ask"], s.get("label", s["name"]),
                                 re.compile(s["not"], re.I) if s.get("not") else None) for s in r["stages"]),
                     re.compile(r["details"], re.I) if r.get("details") else None,
                     tuple((re.compile(u["asks"], re.I), tuple(u["required"])) for u in r.get("upto", ())))
            for _, r in read_jsonl(SEQUENCES_FILE, ("topic", "asks", "cycle", "required", "stages"))]


SEQUENCES = load_sequences()


def sequence_for(question: str) -> Sequence | None:
    return next((s for s in SEQUENCES if s.asks.search(question)), None)


def required_for(sequence: Sequence, question: str) -> tuple[str, ...]:
    """The stages the question asks for: all the sequence requires, or the first ones where it asks only for them."""
    return next((required for asks, required in sequence.upto if asks.search(question)), sequence.required)


def stages_in(text: str, sequence: Sequence) -> list[tuple[int, int, str]]:
    """(position, stage index, the student's words) for every stage the text names, in the order said."""
    found = [(m.start(), i, m.group(0)) for i, stage in enumerate(sequence.stages) for m in stage.said.finditer(text)]
    return sorted(found)


def told_stages(claim: str, sequence: Sequence) -> list[tuple[int, str]] | None:
    """The stages a claim tells, in its order (stage index, the student's words), one entry a stage; None when a part
    of the claim is no stage, a stage carries a detail false of it, or one stage is told twice apart (a cycle may
    end where it began)."""
    told: list[tuple[int, str]] = []
    for piece in [p for p in PIECE_BREAK.split(claim) if p and says_something(p)]:
        found = stages_in(piece, sequence)
        if not found and sequence.details and not says_something(sequence.details.sub(" ", piece)):
            continue  # "the vapour rises": told within a stage
        if not found or any(sequence.stages[i].wrong and sequence.stages[i].wrong.search(piece) for _, i, _ in found):
            return None
        for _, i, words in found:
            if not told or told[-1][0] != i:
                told.append((i, words))
    if sequence.cycle and len(told) > 2 and told[-1][0] == told[0][0]:
        told = told[:-1]  # "... and back to the body": the cycle closed
    indices = [i for i, _ in told]
    return told if len(set(indices)) == len(indices) else None


def says_something(piece: str) -> bool:
    """Does a part of an answer hold a content word beyond a lead ("first", "then it")?"""
    return bool({w.lower() for w, s in content_tokens(piece) if s not in COMMON} - LEADS)


def out_of_order(told: list[tuple[int, str]], sequence: Sequence) -> int | None:
    """The place in `told` of the first stage said after one it comes before (a cycle counted from its first stage
    said), or None when all are in order."""
    size, start = len(sequence.stages), told[0][0]
    steps = [(i - start) % size if sequence.cycle else i for i, _ in told]
    return next((k for k in range(1, len(steps)) if steps[k] <= steps[k - 1]), None)


def stage_move(question: str, claim: str) -> Move | None:
    """The move for an answer told in stages of a known process (see the module's note), or None."""
    sequence = sequence_for(question)
    said = answer_of(claim)
    if not sequence or has_negation(said) or TURNS_ORDER.search(said):
        return None
    told = told_stages(said, sequence)
    required = required_for(sequence, question)
    stages = sequence.stages
    if told and len(told) == 1 and (later := beyond(told[0][0], required, sequence)):
        first = stages[sequence_index(required[0], sequence)]
        return Move(f"Not quite: \"{told[0][1]}\" comes later in {later}. {first.ask}", "fact", "contradicted", [])
    if not told or len(told) < 2 and stages[told[0][0]].name not in required[:1]:
        return None  # one stage alone: judged where it is the first the question asks for
    if (wrong := out_of_order(told, sequence)) is not None:
        (late, late_words), (early, early_words) = told[wrong - 1], told[wrong]
        right = f"Up to {stages[told[wrong - 2][0]].label}, your order matches the textbook. " if wrong >= 2 else ""
        return Move(f"Not quite: check the order. {right}In your answer \"{late_words}\" comes before \"{early_words}"
                    f"\". Which of those has to happen first? {stages[early].ask}", "fact", "contradicted", [])
    names = {stages[i].name for i, _ in told}
    missing = [stage for stage in stages if stage.name in required and stage.name not in names]
    recap = ", then ".join(stages[i].label for i, _ in told)
    if not missing:
        order = f"That is the right order: {recap}. " if len(told) > 1 else f"That is {recap}. "
        return Move(f"{yes(said)} {order}Would you like to try a similar question?", "fact", "supported", [])
    credit = f"Yes: {recap}, in the right order." if len(told) > 1 else \
        f"Yes: {recap}, {'the first stage' if stages[told[0][0]].name == required[0] else 'one of the stages'}."
    return Move(f"{credit} {'One stage is' if len(missing) == 1 else 'More stages are'} still missing. "
                f"{after_told(missing, told, sequence).ask}", "fact", "supported", [])  # a right part: said so


def beyond(index: int, required: tuple[str, ...], sequence: Sequence) -> str | None:
    """The process named ("the water cycle") when the one stage told comes after every stage the question asks for
    ("it condenses into clouds" to "How does sea water get up into the sky?"), else None."""
    if sequence.cycle or required == sequence.required or index <= max(sequence_index(n, sequence) for n in required):
        return None
    return sequence.topic if sequence.topic.startswith("the ") else f"the {sequence.topic}"


def sequence_index(name: str, sequence: Sequence) -> int:
    return next(i for i, stage in enumerate(sequence.stages) if stage.name == name)


def after_told(missing: list[Stage], told: list[tuple[int, str]], sequence: Sequence) -> Stage:
    """The missing stage to ask for first: the first one after the last stage told, else the first of all (in a
    cycle, counted from the first stage told)."""
    order = [sequence.stages.index(stage) for stage in missing]
    size, start, last = len(sequence.stages), told[0][0], told[-1][0]
    if sequence.cycle:
        return missing[min(range(len(order)), key=lambda k: (order[k] - start) % size)]
    later = [k for k in range(len(order)) if order[k] > last]
    return missing[later[0] if later else 0]


def known_part(message: str) -> str | None:
    """The part a student says they already have before asking what follows it ("water evaporates from the ocean" in
    "i get that water evaporates from the ocean but then what happens"), or None."""
    own = re.split(r"(?<=\?)\s+(?=\S)", message.strip())[-1]  # the student's words after a question they pasted
    m = THEN_WHAT.match(own) or GOT_BUT.match(own)
    if not m:
        return None
    known = m.groupdict().get("known") or m.groupdict().get("known2") or ""
    return known.strip(" ,.") or None


def sequence_told(known: str, message: str) -> Sequence | None:
    """The process whose stages the known part names: the one the message asks about, else the one with the most
    stages named in it, its own topic's words in the message breaking a tie ("the stomach breaks down the food" is the
    path of food, not rock broken down)."""
    asked = sequence_for(message)
    if asked and stages_in(known, asked):
        return asked
    scored = [(len(stages_in(known, s)) + len(forms_of(s.topic) & forms_of(message)), s) for s in SEQUENCES
              if stages_in(known, s)]
    best = max((score for score, _ in scored), default=0)
    top = [s for score, s in scored if score == best]
    return top[0] if len(top) == 1 else None


def next_stage_move(message: str) -> Move | None:
    """The stage after the one the student says they have (see the module's note): that stage named as theirs, and
    the next one's question, never its name; None where the known part names no stage of one process, a part of it
    is no stage (a detail false of it, a denial), its stages are out of order, or the last stage is told."""
    known = known_part(message)
    sequence = sequence_told(known, message) if known and not has_negation(known) else None
    told = told_stages(known, sequence) if sequence else None
    pieces = [piece for piece in PIECE_BREAK.split(known) if piece and says_something(piece)] if told else []
    if not told or out_of_order(told, sequence) is not None or len(told) > len(pieces):
        return None  # stages out of order, or two in one event ("the butterfly comes out of the chrysalis")
    last, size = told[-1][0], len(sequence.stages)
    if last + 1 >= size and not sequence.cycle:
        return None  # the last stage: nothing follows it
    stage = sequence.stages[(last + 1) % size]
    recap = ", then ".join(sequence.stages[i].label for i, _ in told)
    start = ", where it starts" if len(told) == 1 and last == 0 and not sequence.cycle else ""
    return Move(f"Right, that is {recap}{start}. Now the stage after it: {stage.ask}", "fact", "supported", [])
