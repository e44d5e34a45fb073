"""The first link of a cause chain, for a stuck student on a why- or how-question that no topic card opens: the
textbook's fact gives the outcome the question asks about and what leads to it; the move names where the chain
starts and asks for the next step, never the step itself (that is the answer).

What it supports
- `chain_move`: a fact whose outcome is the question's ("Air pressure gets lower as you climb higher, because there
  is less air above you" for "why is air pressure lower on a mountain top") gives its reason's thing without the
  amount or property the reason gives it ("Start with the air above you: how much of it is there on a mountain
  top?"); a fact of two links ("Burning fuels that contain sulfur makes sulfur dioxide, which causes acid rain")
  gives its first cause, never what it makes.
- `leaks`: the test every move passes: no word of the fact's answer part that neither the question nor the thing
  named says.
"""
from __future__ import annotations

import re

from evidence import Move, default_embedder, key_terms
from text_words import STOP, base_forms, content_tokens, forms_of, has_negation
from student_message import question_of
from science_catalog import LETTERED_OPTIONS, digit_numbers
from science_decides import BECAUSE, SO, WHY

# "how does burning coal cause acid rain", "what happens to ... when": questions a cause chain answers
ASKS_CAUSE = re.compile(r"\W*(?:how\s+(?:do|does|did|can|could|come)\b|what\s+happens\b)", re.I)
# "Burning fuels that contain sulfur makes sulfur dioxide, which causes acid rain": a cause, what it makes, the outcome
CHAIN = re.compile(r"^(?P<a>[^,;]+?)\s+(?P<verb>makes|produces|releases|gives off|forms|creates)\s+(?P<b>[^,;]+?),\s*"
                   r"which\s+(?:then\s+)?(?:causes|makes|leads to|produces|forms|gives)\s+(?P<q>[^,;]+)$", re.I)
# "there is less air above you": an amount of a thing, the amount being the answer
THERE = re.compile(r"^\W*there\s+(?:is|are|was|were)\s+(?:(?:less|more|fewer|no|little|much|many|few|not much|not "
                   r"enough|a lot of|lots of|plenty of)\s+)?(?P<thing>[a-z][a-z\s-]+?)\W*$", re.I)
# "the particles move faster", "a larger surface area speeds up ...": the thing a reason is about, then its verb
SUBJECT = re.compile(r"^\W*(?:the|an?|its|their)\s+(?P<thing>(?:[a-z-]+\s+){0,3}?[a-z-]+)\s+"
                     r"(?=(?:is|are|was|were|has|have|can|moves?|gets?|becomes?|[a-z]+s)\b)", re.I)
# a property or amount the reason gives its thing: the answer, never part of the thing named
GIVEN = set("""more less fewer larger smaller bigger higher lower greater faster slower stronger weaker thicker thinner
hotter colder warmer cooler heavier lighter longer shorter wider narrower large small big high low fast slow strong
weak thick thin hot cold warm heavy light few many much full empty""".split())
# where the question puts its outcome: "on a mountain top", "in hot tea"
SITUATION = re.compile(r"\b(?:on|in|at|near|inside|under|during|after|before)\s+(?:the\s+|an?\s+)?[a-z][a-z\s-]*$",
                       re.I)
# "Air pressure gets lower ...": the thing an outcome is about, to say what the reason's thing changes
OUTCOME_THING = re.compile(r"^\W*(?:the\s+|an?\s+)?(?P<thing>(?:[a-z-]+\s+){0,2}?[a-z-]+)\s+"
                           r"(?:is|are|gets?|becomes?|[a-z]+s)\b", re.I)
# "Behind the pupil, the lens focuses the light onto the retina": a thing, what it does, and what it does it to
ACTS = re.compile(r"^(?:[^,]+,\s*)?(?:the|an?)\s+(?P<doer>[a-z-]+(?:\s+[a-z-]+)?)\s+(?P<verb>[a-z]+s)\s+"
                  r"(?:the|an?)\s+(?P<done>[a-z-]+(?:\s+[a-z-]+)?)\s+(?:onto|into|to|through|from|in|on|at|so|and)\b",
                  re.I)
MIN_OUTCOME = 0.5  # a fact's outcome that says the question's outcome for a general case, by MiniLM cosine


def chain_move(question: str, pool: list[str]) -> Move | None:
    """The first link of the fact's cause chain, for a why- or how-question with no numbers or lettered choices:
    a two-link fact's first cause, else the thing a one-link fact's reason is about. None when no fact's outcome is
    the question's, or the move would say a word of the answer part."""
    asked = (question_of(question) or question).strip().rstrip("?!. ")
    if not (WHY.match(asked) or ASKS_CAUSE.match(asked)) or LETTERED_OPTIONS.search(question) \
            or digit_numbers(asked):
        return None
    for fact in pool:
        said = re.split(r"(?<=[.!?])\s+", fact.strip())[0].rstrip(". ")
        if (linked := CHAIN.match(said)) and outcome_is(linked.group("q"), asked):
            cause = linked.group("a").strip()
            text = (f"Take it one link at a time. First: what does {cause[:1].lower() + cause[1:]} "
                    f"{bare(linked.group('verb'))}? Then: how could that end up as {linked.group('q').strip()}?")
            if not leaks(text, linked.group("b"), f"{asked} {cause} {linked.group('q')}"):
                return Move(text, "fact", None, [fact])
        for split in (BECAUSE.match(said), SO.match(said)):
            if not split or not outcome_is(split.group("q"), asked) or has_negation(split.group("r")):
                continue
            link = reason_link(split.group("r"), asked, split.group("q"))
            if link and not leaks(link[0], split.group("r"), f"{asked} {link[1]}"):
                return Move(link[0], "fact", None, [fact])
        if ASKS_CAUSE.match(asked) and (acted := acted_on(said, asked)) \
                and not leaks(acted[0], said, f"{asked} {acted[1]}"):
            return Move(acted[0], "fact", None, [fact])
    return None


def reason_link(reason: str, asked: str, outcome: str) -> tuple[str, str] | None:
    """The question on a reason's thing, and that thing: how much of it there is ("there is less air above you"),
    else how it differs here ("a larger surface area speeds up a reaction"), in the question's own situation or its
    two cases; the result the outcome names ("the air pressure") is what it changes."""
    there, subject = THERE.match(reason), SUBJECT.match(reason)
    found = there or subject
    if not found:
        return None
    words = [w for w in found.group("thing").split() if w.lower() not in GIVEN]
    if not words or all(w.lower() in STOP for w in words) or forms_of(" ".join(words)) <= forms_of(asked):
        return None
    thing = f"the {' '.join(words)}"
    many = bool(re.search(r"[^s]s$", words[-1], re.I))  # "the ions": them, not it
    told = OUTCOME_THING.match(outcome)
    result = f"change the {told.group('thing').lower()}" if told and forms_of(told.group("thing")) <= forms_of(asked) \
        else "explain it"
    if re.search(r"\b(?:than|but)\b", asked, re.I):  # two cases side by side: "faster than a chunk", "but solid"
        return (f"Start with {thing}: what is different about {'them' if many else 'it'} in the two cases? How "
                f"would that explain the difference?", thing)
    place = SITUATION.search(asked)
    here = place.group(0) if place else "in this case"
    if there:
        amount = "how many of them are there" if many else "how much of it is there"
        return f"Start with {thing}: {amount} {here}? How would that {result}?", thing
    return f"Start with {thing}: what is different about {'them' if many else 'it'} {here}? How would that {result}?", \
        thing


def acted_on(said: str, asked: str) -> tuple[str, str] | None:
    """A how-question's thing doing something to another ("the lens focuses the light onto the retina" for "how
    does the lens in the eye work"): the other thing named and what the question's thing does to it asked; the verb
    and all after it, the answer, never said. Returns the move and the thing named."""
    found = ACTS.search(said)
    if not found or not forms_of(found.group("doer")) <= forms_of(asked) or has_negation(said) \
            or found.group("verb").lower() in STOP or forms_of(found.group("done")) & forms_of(asked):
        return None
    doer, done = found.group("doer").lower(), found.group("done").lower()
    return f"Start with the {done}: what does the {doer} do to it, and what happens to it next?", done


def outcome_is(outcome: str, asked: str) -> bool:
    """Is the fact's outcome the question's: it names half or more of the question's key terms (two at least, or
    its only one), or says it of a general case ("a powder reacts faster than a lump" for chalk powder in acid)?"""
    terms = [base_forms(t) for t in key_terms(asked)]
    named = sum(bool(t & forms_of(outcome)) for t in terms)
    if terms and (named == len(terms) or named >= max(2, (len(terms) + 1) // 2)):
        return True
    if not named:
        return False
    question_vector, outcome_vector = default_embedder().encode([asked, outcome])
    return float(question_vector @ outcome_vector) >= MIN_OUTCOME


def bare(verb: str) -> str:
    """The verb after "what does it ...": "makes" -> "make", "gives off" -> "give off"."""
    head, _, rest = verb.partition(" ")
    head = head[:-2] if head.endswith("ses") else head[:-1] if head.endswith("s") else head
    return f"{head} {rest}".strip()


def leaks(move: str, answer: str, allowed: str) -> bool:
    """Does the move say a word of the answer part that the question (or the cause the move names) does not?"""
    own = {form for word, _ in content_tokens(allowed) for form in base_forms(word)}
    told = forms_of(move)
    return any(base_forms(word) & told and not base_forms(word) & own for word, _ in content_tokens(answer))
