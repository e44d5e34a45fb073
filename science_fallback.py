"""The science move where no topic card, misconception or verdict decides: built from what the knowledge base knows
about this question, else a short honest ask in the question's own terms.

What it supports
- `part_move`: a student's example or part of the answer that a fact bears out ("I know salt water is a mixture" by
  "Salt water ... are mixtures") is confirmed as that part, and the part of the question it leaves open is asked
  for (the other side of a difference, the second of two questions, the key terms it does not touch).
- `misfit_move`: a short named answer that a fact describes otherwise ("sedimentary" for the rock formed from cooled
  lava: "Sedimentary rocks form from layers of sediment ...") is said not to fit, with that fact as the property that
  decides, while another fact names the question's own description without it.
- `side_move`: one side of a difference question as a fact describes it, the other side asked for.
- `honest_test`: a claim nothing decides is neither praised nor ruled out: a short name is asked why and checked
  against the question, a reason or any other idea for how the student worked it out (`reasoning_ask`: no doubt,
  no frame), a description of a term for an example; the
  student's words are said back as they are ("Your idea: ..."), never pasted into a sentence of ours.
- `two_part_start`, `list_start`, `honest_start`: a stuck student on a question no card or fact covers: two questions
  in one are taken one part at a time, a list of parts from any one remembered, a "What is X?" or "What does X
  mean?" from where the student has met X, a job from what would be different without it, a why-question's outcome
  beside a time it does not happen.
"""
from __future__ import annotations

import re

from evidence import KnowledgeBase, Move, judge_claim, key_terms
from text_words import base_forms, content_tokens, content_words, forms_of, has_negation
from student_message import about, question_of
from science_catalog import (ASKING_WORDS, CONDITION, OPTIONS, answer_of, as_said, asked_kind, echo, gives_reason,
                             own_words, third_person, to_you, whole_list)
from named_questions import named_question
from science_names import KINDS, named_answer, relation_kept

# Words that say how a question asks, not what it is about: "What's the difference between ...", "What type of
# rock is formed ...". A fact need not name them, and a student's part of the answer never covers them.
SCAFFOLD = ASKING_WORDS | {"difference", "differences", "between", "type", "types", "kind", "kinds", "sort", "form",
                           "formed", "forms", "made", "make", "makes", "called", "name", "example", "examples",
                           "main", "different", "work", "works", "mean", "means", "happens", "during"}
# "What is friction and why do brakes get hot": two questions in one, the second opening with its own question word
COMPOUND = re.compile(r"^\W*((?:what|why|how|where|when|which|who|is|are|do|does)\b.+?)\s*,?\s+and\s+"
                      r"((?:why|how|what|where|when|which|who)\b.+?)\W*$", re.I)
# "What is osmosis?", "What's an alloy": the term a definition question asks about, with its article
DEFINE = re.compile(r"^\W*what(?:'s|\s+is|\s+are)\s+(?!the\s+\w+s\s+of\b)((?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}?"
                    r"(?!(?:for|of|in|on|made|like|used|called)\b)[\w'-]+)\W*$", re.I)
# "What are platelets for?", "What does the liver do?", "the job of the skin": what a thing is there to do
PURPOSE = re.compile(r"^\W*what\s+(?:is|are)\s+(.+?)\s+(?:for|used for)\W*$|"
                     r"^\W*what\s+(?:does|do)\s+(?:(?:an?|our|your)\s+)?(.+?)\s+do\W*$|"
                     r"\b(?:job|role|function|purpose)\s+of\s+(?:(?:an?|our|your)\s+)?(.+?)"
                     r"(?:\s+in\b.*)?\W*$", re.I)
# "How do gears work?", "What happens during mitosis?", "the life cycle of a star": steps, one after another
PROCESS = re.compile(r"^\W*how\s+(?:do|does|did|can|could)\b|\bwhat\s+happens\s+(?:during|when|in)\b|"
                     r"\b(?:life\s+)?cycle\b|\bprocess\b|\bstages\b", re.I)
# "What are the layers of the Sun?", "What are the main parts of a flower?": a list of a whole's parts
LIST = re.compile(r"^\W*what\s+are\s+the\s+(?:main\s+|different\s+|\w+\s+(?=\w+s\s+of\b))?(\w+s)\s+of\s+(.+)$",
                  re.I)
# "Why are some elements called noble gases?": a name asked for its reason
NAME_REASON = re.compile(r"^\W*why\s+(?:are|is)\s+(.+?)\s+(?:called|named|known as)\s+(.+?)\W*$", re.I)
# "It's caused by too much rain": the cause a "What causes ...?" answer gives
CAUSED_BY = re.compile(r"^\W*(?:(?:it'?s|it\s+is|they'?re|they\s+are)\s+)?caused\s+by\s+", re.I)
DIFFERENCE = re.compile(r"\bdifference\s+between\s+(?:an?\s+|the\s+)?((?:\w+\s+){0,2}?\w+)\s+and\s+"
                        r"(?:an?\s+|the\s+)?((?:\w+\s+){0,2}?\w+)\W*$", re.I)
# A word that may name the kind a one-word answer belongs to: "sedimentary" is a sedimentary rock, "covalent" a
# covalent bond. "a plant" names a thing of its own, and "plant organism" would misname it.
ADJECTIVE = re.compile(r"^[a-z]+(?:ary|ous|ic|al|ive|ent|ant|ial|ile)$", re.I)
STATEMENT = re.compile(r"\W*(?:they|it|he|she|we|you|i|its|their|there)\b", re.I)  # a clause, not a name
VAGUE = re.compile(r"\b(?:stuff|something|some kind of \w+)\b", re.I)  # the thing not named yet: "carry stuff"
# "What is the filtrate when ...": the one thing asked, which a fact must name to bear out a part of its answer
ASKED_THING = re.compile(r"^\W*what\s+(?:is|are)\s+(?:the\s+|an?\s+)?([a-z]+)\b(?!\s+(?:of|for|between)\b)", re.I)
GENERIC_HEADS = {"the", "a", "an", "main", "best", "most", "first", "job", "role", "cause", "reason", "purpose",
                 "difference", "name", "function", "result", "effect", "process", "way", "thing", "one", "this", "that",
                 "it", "they"}
CAUSE_LEAD = re.compile(r"^\W*(?:because|due to|thanks to)\s+(?:of\s+)?", re.I)  # "Because of the air": the air
# "Why does a ball slow down?", "Why are there fewer lions?", "Why can you hear ...?", "What causes earthquakes?":
# the outcome a why-question asks the cause of, its verb after its subject
WHY_DO = re.compile(r"^\W*why\s+(do|does)\s+(.+)$", re.I)
WHY_BE = re.compile(r"^\W*why\s+(is|are|can|do|does)\s+(it|there|you|we|they|i|he|she|people)\s+(.+)$", re.I)
# "it swims so it's a fish", "it grows better because plants grow at night": a reason and the answer it leads to
SO_LINK = re.compile(r"^\W*(?P<r>.+?),?\s+(?:so|which means|that means)\s+(?P<a>.+)$", re.I)
BECAUSE_LINK = re.compile(r"^\W*(?P<a>.+?),?\s+(?:because|since|cause|cuz|bc)\s+(?P<r>.+)$", re.I)
# "What does the word habitat mean?", "what does the law of conservation of energy mean": the term asked to define
MEANS = re.compile(r"\bwhat\s+(?:does|do)\s+(?:the\s+(?:word|term)\s+)?['\"]?((?:the\s+)?[a-z][\w\s-]{1,40}?)['\"]?"
                   r"\s+mean\b", re.I)
CAUSES = re.compile(r"^\W*what\s+(?:causes|makes)\s+(.+)$", re.I)
# "is not the plant also doing respiration? then why do we say plants make oxygen", "isnt the powder the same amount
# of stuff? then why is it faster": a point the student raises against what they were told, then their why
OBJECTION = re.compile(r"^\W*(?:but\s+)?(?:is|are|does|do|was|were|can|will)\s*(?:n'?t|\s+not)\s+"
                       r"(?P<point>[^?]+?)\?*\s*"
                       r"(?:then|so|and|but)\s+(?P<why>why\b[^?]*)\W*$", re.I)
# "why cannot i just pour the water into the acid, is not it the same", "why can't we use the moon's g here": a rule
# the student wants to skip, and the step they would take instead
SHORTCUT = re.compile(r"^\W*why\s+(?:can\s*not|can'?t|cant|do\s+not|don'?t|dont)\s+(?:i|we|you|u)\s+"
                      r"(?:just\s+|simply\s+)(?P<act>[^,.?!]+?)"
                      r"(?=\s*[,.?!]|\s+(?:it'?s|its|it\s+is|is\s+not|isnt|since|because|bc|cause)\b|\W*$)",
                      re.I)


def asked_line(question: str) -> str:
    """The question's last sentence without its question mark: the one the student must answer."""
    asked = question_of(question) or question
    return re.split(r"(?<=[.!?])\s+", asked.strip())[-1].strip().rstrip("?.! ")


def topic_terms(question: str) -> list[str]:
    """The question's key terms that say what it is about, not how it asks."""
    return [t for t in key_terms(question) if t.lower() not in SCAFFOLD]


def said_back(claim: str, most: int = 14) -> str | None:
    """The student's idea as a sentence of its own ("Hot water is wetter."), or None when it runs too long to say
    back whole: then the reply speaks of "your idea" rather than cut it mid-phrase."""
    idea = own_words(answer_of(claim)).strip(" .!?")
    if not idea or len(idea.split()) > most:
        return None
    return f"{idea[:1].upper()}{idea[1:]}."


def two_parts(question: str) -> tuple[str, str] | None:
    """The two questions of "What is a comet and why does it have a tail?", or None for one question ("What is the
    difference between a mixture and a compound?" joins two things, not two questions)."""
    m = COMPOUND.match(asked_line(question))
    return (m.group(1), m.group(2)) if m else None


def definition_term(question: str) -> str | None:
    """The term a "What is X?" question asks to define ("osmosis", "an exothermic reaction"), or None: "What is the
    unit of force?", "What is the hardest mineral?" and "What are platelets for?" ask for a name or a job."""
    asked = asked_line(question)
    m = DEFINE.match(asked)
    named = named_question(asked)
    if not m or m.group(1).lower() in SCAFFOLD or PURPOSE.match(asked) or named and named.kind != "name" \
            or re.search(r"\b(?:of|in|on|at|that|which|who|for|from|between)\b", m.group(1), re.I):
        return None
    return m.group(1)


def list_asked(question: str) -> tuple[str, str] | None:
    """The parts a "What are the layers of the Sun?" question asks to list ("layers", "the Sun"), or None."""
    m = LIST.match(asked_line(question))
    return (m.group(1), m.group(2)) if m else None


def list_start(question: str) -> str | None:
    """A stuck student's first step on a list question: any one part they remember, then the rest from it."""
    if not (listed := list_asked(question)):
        return None
    parts, whole = listed
    return (f"Name any of the {parts} of {whole} you remember, even one, and say what you know about it. Which "
            f"others go with it?")


def purpose_of(question: str) -> str | None:
    """The thing whose job the question asks ("platelets" in "What are platelets for?"), or None."""
    m = PURPOSE.search(asked_line(question))
    return next(g for g in m.groups() if g) if m else None


def two_part_start(question: str) -> str | None:
    """A stuck student's first step on two questions in one: the first part on its own, then the second built on it."""
    parts = two_parts(question)
    if not parts:
        return None
    first, second = parts
    term = definition_term(first)
    start = (f"Say what you remember about {term} from lessons or from things you have seen." if term else
             "What do you know that could answer that part?")
    return (f"Let's take it one part at a time. First: {to_you(first[:1].upper() + first[1:])}? {start} Then use it "
            f"for the second part: {to_you(second)}?")


def outcome_of(question: str) -> str | None:
    """What a why-question says happens, as a statement ("a ball rolling on grass slows down", "there are fewer lions
    than zebras", "earthquakes"), for a link to be asked from a reason to it; None for a form it cannot turn round
    (a noun subject before "is": "Why is the sky blue?" has no safe place for its verb)."""
    asked = asked_line(question)
    if m := WHY_BE.match(asked):  # a pronoun subject: the verb goes right after it
        aux, subject, rest = m.group(1).lower(), to_you(m.group(2).lower()), to_you(m.group(3))
        if aux in ("do", "does"):  # "why do i have a shadow": "you have a shadow"
            said = f"{subject} {rest}"
            return (third_person(said) if aux == "does" else said) if aux == "do" or third_person(said) != said \
                else None
        return f"{subject} {'are' if subject in ('you', 'we', 'they') and aux == 'is' else aux} {rest}"
    if m := WHY_DO.match(asked):
        case = to_you(m.group(2))
        said = third_person(case) if m.group(1).lower() == "does" else case
        return said if said != case or m.group(1).lower() == "do" else None  # no verb found: no statement
    if m := CAUSES.match(asked):  # "what causes earthquakes": "earthquakes happen"
        return f"{m.group(1)} happen"
    return None


def honest_start(question: str, terms: list[str], quoted: str) -> str:
    """A stuck student's first step on a question no card, fact or form of its own covers: a term to define starts
    from where the student has met it, a why-question from a cause they can test, any other from the terms it names
    (`terms`, quoted), each in this question's own words."""
    asked = asked_line(question)
    if term := definition_term(question) or (m := MEANS.search(asked)) and m.group(1):
        return (f"Where have you come across {term}: in a lesson, a book or something you have seen? Say what you "
                f"remember about it, and we can build the meaning from there.")
    if thing := purpose_of(question):
        return f"What would be different without {thing}? What does that tell you about the job they do?"
    if re.match(r"\W*how\s+(?:do|does|did|is|are|can|could|will|would)\b", asked, re.I):  # a process
        return f"Take it one step at a time: what happens first, and what happens after that, until you can answer " \
               f"{quoted}?"
    if named := NAME_REASON.match(asked):
        return (f"What does the word \"{named.group(2).split()[0]}\" suggest in everyday words? What do you know about "
                f"{named.group(1)} that could explain why they got that name?")
    if found := objection_start(question) or shortcut_start(question):
        return found
    both = " and ".join(terms)
    outcome = outcome_of(question) if re.match(r"\W*why\b", asked, re.I) else None
    if outcome:  # a why-question: the case set beside one where it does not happen
        return (f"Think of a time when {outcome}, and a time when that does not happen. What is different between "
                f"the two that could explain it?")
    if re.match(r"\W*why\b", question, re.I):
        return f"What do you know about {both}? Name one thing about them that could explain {quoted}, and how you " \
               f"could test it."
    return f"What do you know about {both} so far? Start there, and we will work toward {quoted}."


def objection_start(question: str) -> str | None:
    """A point raised against what the student was told, then their why ("isnt the plant also doing respiration?
    then why do we say plants make oxygen"): the point is neither confirmed nor denied, and checked first. Something
    "the same" in both cases cannot make the difference, so what differs is asked; anything else, what else goes on
    at the same time."""
    m = OBJECTION.match(question.strip())
    if not m:
        return None
    outcome = outcome_of(m.group("why"))
    why = f"why {outcome}" if outcome else "it"  # "why is one stronger": no statement to turn it into
    if re.search(r"\bsame\b", m.group("point"), re.I):
        return (f"Check that point first: is it really the same in both? If it is, it cannot be what makes the "
                f"difference, so what else is different between the two that could explain {why}?")
    return (f"Check that point first: is it true, and how do you know? If it is, what else is going on at the same "
            f"time that could still explain {why}?")


def shortcut_start(question: str) -> str | None:
    """A rule the student wants to skip ("why cant i just pour the water into the acid"): the step they would take,
    pictured through to what it would do, and what would go wrong asked for. The rule's reason is the answer: never
    said."""
    m = SHORTCUT.match(question.strip())
    if not m or len(m.group("act").split()) < 2:
        return None
    act = to_you(m.group("act").strip())
    return f"Picture doing it: if you {act}, what would happen, step by step? What would go wrong, or what would it " \
           f"fail to do?"


def asked_thing(question: str) -> str | None:
    """The one thing a "What is the X ...?" question asks about ("filtrate"), or None (a job, a cause, a list)."""
    asked = ASKED_THING.match(question)
    return asked.group(1).lower() if asked and asked.group(1).lower() not in GENERIC_HEADS else None


# "its the carbon dioxide you breathe out": what the asked thing is, the thing itself left as "it"
IDENTITY = re.compile(r"\W*(?:it'?s|it\s+is|it\s+was|they'?re|they\s+are|that'?s|that\s+is|this\s+is)\s", re.I)


def identity_unborne(claim: str, question: str, fact: str) -> bool:
    """Does a claim that says what the asked thing is ("its the carbon dioxide you breathe out" to "Why can you see
    your breath when it's cold?") rest on a fact that never speaks of that thing? The fact bears out the claim's own
    words ("we breathe out carbon dioxide") but not that they are what is seen: it must share one of the question's
    terms the claim leaves to "it"."""
    if not IDENTITY.match(own_words(answer_of(claim))):
        return False
    said = forms_of(claim)
    unsaid = [t for t in key_terms(question) if not base_forms(t) & said]
    return bool(unsaid) and not any(base_forms(t) & forms_of(fact) for t in unsaid)


def part_move(claim: str, question: str, facts: list[str], kb: KnowledgeBase | None) -> Move | None:
    """An example or a part of the answer that a fact bears out, confirmed as that part, with the part of the
    question it leaves open asked for. It must name some of the question's topic terms and leave some out: a claim
    that names them all is the whole answer (the verdict's to decide), one that names none is about something else."""
    said = own_words(answer_of(claim))
    terms = topic_terms(question)
    missing = [t for t in terms if not base_forms(t) & forms_of(said)]
    if has_negation(said) or len(content_tokens(said)) < 2 or not missing or len(missing) == len(terms):
        return None
    pool = list(dict.fromkeys([*facts, *(hit["text"] for hit in kb.search(said, k=4))])) if kb else facts
    thing = base_forms(asked) if (asked := asked_thing(question)) else set()
    fact = next((f for f in pool if judge_claim(said, [f], question, neighbours=False).label == "supported"
                 and relation_kept(said, f)  # "take in oxygen" beside a fact where oxygen is given off
                 and not identity_unborne(said, question, f)
                 and (not thing or thing & forms_of(f))), None)  # the residue's fact says nothing of the filtrate
    # "The textbook agrees", not "Yes": the part is confirmed, and the answer still asked for, not praised
    return Move(f"The textbook agrees: {as_said(said)}. {rest_ask(question, said, missing)}", "fact", "unclear",
                [fact]) if fact else None


def rest_ask(question: str, said: str, missing: list[str]) -> str:
    """What a confirmed part leaves open: the other side of a difference ("Now the other side: what is an example of
    a compound ...?"), the second of two questions, else the topic terms the student has not touched yet."""
    if m := DIFFERENCE.search(asked_line(question)):
        said_forms = forms_of(said)
        other = next((side for side in m.groups() if not any(base_forms(w) & said_forms for w in side.split())),
                     m.group(2))
        thing = re.split(r"\s+(?:is|are)\s+", said, maxsplit=1)[0] if re.search(r"\s(?:is|are)\s", said) else \
            "your example"
        return (f"That is one side of the question. Now the other side: what is an example of {article(other)}, and "
                f"what is true of {thing[:1].lower() + thing[1:]} that is not true of it?")
    parts = two_parts(question)
    if parts and any(base_forms(t) & forms_of(parts[1]) for t in missing):
        return f"That answers the first part. Now the second: {parts[1]}?"
    rest = " and ".join(missing[:2])
    return f"That is part of it. What about {rest}: how does that fit into {about(question)}?"


def side_move(question: str, facts: list[str], kb: KnowledgeBase | None, told: str = "") -> Move | None:
    """A difference question's one side, as the textbook describes it, set against the other: a fact that opens with
    one of the two things ("An atom has a nucleus ...") and never names the other cannot state the difference, yet it
    gives the student the property to compare ("Which part of that is different for an ion?")."""
    m = DIFFERENCE.search(asked_line(question))
    if not m:
        return None
    pool = list(dict.fromkeys([*facts, *(hit["text"] for hit in kb.search(question, k=6))])) if kb else facts
    for side, other in (m.groups(), m.groups()[::-1]):
        opens = re.compile(rf"\W*(?:the\s+|an?\s+)?{re.escape(side.split()[0])}", re.I)
        fact = next((f for f in pool if opens.match(f) and not answers_both(f, other)), None)
        if fact:
            return Move(f"{told}Start from what the textbook says about {article(side)}: \"{fact}\" Which part of "
                        f"that is different for {article(other)}?", "fact", "unclear" if told else None, [fact])
    return None


def answers_both(fact: str, other: str) -> bool:
    """Does the fact name the other side too ("A mixture is different ..." beside a compound)? Then it may state the
    difference itself."""
    return any(base_forms(w) & forms_of(fact) for w in other.split()) or bool(re.search(r"\bdiffer", fact, re.I))


def article(noun: str) -> str:
    """"a compound", "an element": the noun as one example of its kind."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def kind_name(answer: str, kind: str | None) -> str:
    """The answer named with the kind it belongs to where the student gave only its adjective: "sedimentary" to
    "What type of rock ...?" is "sedimentary rock"; "a plant" stays as it is."""
    word = answer.strip(" .!?")
    return f"{word} {kind}" if kind and ADJECTIVE.match(word) and " " not in word else word


def misfit_move(head: str, question: str, facts: list[str], kb: KnowledgeBase | None) -> Move | None:
    """A short named answer that a fact describes otherwise: a fact that opens with the student's thing, of the
    asked kind, says none of the question's own description ("Sedimentary rocks form from layers of sediment ..." for
    rock formed from cooled lava), while another fact of that kind names the whole description without the student's
    thing, two of the description's words at least. The first fact is the property that decides; the second, which
    may state the answer, is never shown."""
    kind, name = asked_kind(question), named_answer(head)
    words = [word for word, _ in content_tokens(name)]
    if not kb or not kind or not words or len(name.split()) > 3:
        return None
    kinds, named = base_forms(kind), forms_of(name)
    described = [t for t in topic_terms(question) if not base_forms(t) & (kinds | named)]
    if len(described) < 2:  # one shared word ("plants") is too little to say a fact describes the asked thing
        return None
    opens = re.compile(rf"\W*(?:the\s+|an?\s+)?{re.escape(words[0])}", re.I)
    seen = next((f for f in (hit["text"] for hit in kb.search(f"{name} {kind}", k=6))
                 if opens.match(f) and kinds & forms_of(f) and not has_negation(f)
                 and not any(base_forms(t) & forms_of(f) for t in described)), None)
    pool = dict.fromkeys([*facts, *(hit["text"] for hit in kb.search(question, k=4))])
    other = any(kinds & forms_of(f) and not named & forms_of(f) and all(base_forms(t) & forms_of(f) for t in described)
                for f in pool)
    if not seen or not other:
        return None
    asked = re.match(rf"^\W*(?:what|which)\s+((?:(?:type|kind|sort|form)s?\s+of\s+)?{re.escape(kind)}s?)\s+(.+)$",
                     asked_line(question), re.I)
    ask = f"So which {asked.group(1)} {asked.group(2)}?" if asked else f"So which {kind} fits {about(question)}?"
    return Move(f"Not {kind_name(name, kind)}: the textbook says \"{seen}\" {ask}", "fact", "contradicted", [seen])


# Things of one kind beyond science_names.KINDS whose members take each other's place in a sentence: the particles of
# an atom, the parts of a cell. A claim that puts one where a fact puts another has the wrong one in that role.
ROLE_KINDS = {**KINDS, "particle": ["protons", "electrons", "neutrons"],
              "cell part": ["nucleus", "cell wall", "cell membrane", "cytoplasm", "chloroplasts", "mitochondria",
                            "ribosomes", "vacuole"]}

# The word a fact names its members' whole by: "leaves" is a plant's only in a fact about plants ("what is left leaves
# the body" is no leaf), "nucleus" a cell's only in a fact about cells
CONTEXT = {"plant part": r"\bplants?\b", "cell part": r"\bcells?\b", "particle": r"\b(?:atoms?|charged?|current)\b"}


def cloze_move(claim: str, question: str, facts: list[str]) -> Move | None:
    """A claim that names one member of a kind (leaves, protons) where a fact on the question (two of its words at
    least: "which part takes in the water?" is all a student may type) puts another member the question does not
    name, and never the claim's: the fact is shown with that member left out, and the student asked whether theirs
    fits the gap and what in the sentence decides it. The fact's member, the answer, is never said."""
    said, asked = forms_of(answer_of(claim)), forms_of(question)
    # a bare name ("the liver") says no role: another organ's fact does not rule it out where a kind shares a job
    if has_negation(claim) or len(answer_of(claim).split()) <= 2:
        return None
    for kind, members in ROLE_KINDS.items():
        # only a question that asks for a member of this kind ("Which part of a cactus ...?"): "skin" in an answer
        # about the colour of blood names no organ asked for
        if not re.search(rf"\b(?:which|what)\s+(?:[a-z]+\s+){{0,2}}?{kind.split()[-1]}s?\b", question, re.I):
            continue
        mine = next((m for m in members if all(base_forms(w) & said for w in m.split()) and not
                     all(base_forms(w) & asked for w in m.split())), None)
        if not mine:
            continue
        for fact in facts:
            held = forms_of(fact)
            theirs = [m for m in members if m != mine and all(base_forms(w) & held for w in m.split())
                      and not all(base_forms(w) & asked for w in m.split())]
            terms = sum(bool(base_forms(w) & held) for w in content_words(question)
                        if w.lower() not in SCAFFOLD)
            if len(theirs) == 1 and terms >= 2 and re.search(CONTEXT.get(kind, ""), fact, re.I) \
                    and not all(base_forms(w) & held for w in mine.split()) and not has_negation(fact):
                gap = gapped(fact, theirs[0])
                return Move(f"Check \"{echo(claim)}\" against this sentence from the textbook, with one part left "
                            f"out: \"{gap}\" Could {mine} fill the gap? Which {kind} does, and what in the sentence "
                            f"tells you?", "fact", "contradicted", [fact]) if gap else None
    return None


def gapped(fact: str, member: str) -> str | None:
    """The fact with the member left out ("___ take in water ..."), each of its words matched in any form ("leaf" for
    "leaves"), never a word that only starts alike ("electric" for "electrons"); None where it cannot find it."""
    words = [base_forms(w) for w in member.split()]
    pattern = r"\s+".join(r"([A-Za-z]+)" for _ in words)
    def gap(m: re.Match) -> str:
        return "___" if all(base_forms(g) & forms for g, forms in zip(m.groups(), words)) else m.group(0)
    told = re.sub(rf"\b{pattern}\b", gap, fact)
    return told if told != fact else None


def chosen_option(said: str, question: str) -> tuple[str, str] | None:
    """The one option of a two-way question the claim names, and the other ("the Moon", "the Sun" for "the moon, its
    only 384000 km away" to "Which is closer to Earth, the Moon or the Sun?"), as the question words them."""
    options = OPTIONS.search(question)
    listed = [o.strip() for o in re.split(r",|\bor\b", options.group(1)) if o.strip()] \
        if options and whole_list(question, options) else []
    if len(listed) == 3 and re.search(rf"\b(?:is|are|was|to|from|than|in|on|of)\s+{re.escape(listed[0])}\s*,", question,
                                      re.I):
        listed = listed[1:]  # "closer to Earth, the Moon or the Sun", "Which is bigger, ...": no option first
    named = [o for o in listed if (words := forms_of(re.sub(r"^(?:an?|the)\s+", "", o, flags=re.I)))
             and words <= forms_of(said)]
    return (named[0], next(o for o in listed if o != named[0])) if len(listed) == 2 and len(named) == 1 else None


# A condition a reason names, its other side and the thing it is: "because its warm" asks what the cold would do,
# and "when it is windy" is spoken of by "the wind"
CONDITION_SIDES = {"warm": ("cold", "warmth"), "hot": ("cold", "heat"), "cold": ("warm", "cold"),
                   "wet": ("dry", "water"), "dry": ("wet", "dryness"), "windy": ("still", "wind"),
                   "rough": ("smooth", "roughness"), "smooth": ("rough", "smoothness"), "dark": ("bright", "dark"),
                   "bright": ("dark", "light"), "heavy": ("light", "weight")}


def condition_ask(claim: str, question: str) -> str | None:
    """A why-question asked under a condition ("Why can you see your breath when it's cold?") met by a reason that
    leaves the condition out ("its the carbon dioxide you breathe out"): the other side of the condition is asked,
    where the answer has to make a difference, without calling the reason right or wrong."""
    line = asked_line(question)
    condition = CONDITION.search(line)
    if not condition or not re.match(r"\W*(?:why|how\s+come)\b", line, re.I):
        return None
    word = next((w for w in re.findall(r"[a-z]+", condition.group(1).lower()) if w in CONDITION_SIDES), None)
    side, noun = CONDITION_SIDES.get(word, ("", ""))
    if word is None or (base_forms(word) | base_forms(noun)) & forms_of(claim):
        return None  # "the wind carries it away" speaks of "when it is windy"
    return f"Would that be any different if it were {side}? What does the {noun} change?"


# "what happens to the foxes if ...": the thing whose fate is asked
HAPPENS_TO = re.compile(r"\bwhat\s+(?:happens|will\s+happen|would\s+happen)\s+to\s+((?:the\s+)?[a-z]+(?:\s+[a-z]+)?)"
                        r"\s+(?:if|when)\b", re.I)


def next_link(said: str, question: str) -> str | None:
    """A chain toward what happens to the asked thing ("the rabbits are the foxes food so the foxes would have less
    to eat" to "What happens to the foxes if the rabbits die?") that stops one link short: its last link is taken on
    to the asked thing's fate, neither praised nor doubted ("So what happens to the foxes when they have less to
    eat?")."""
    asked, parts = HAPPENS_TO.search(asked_line(question)), SO_LINK.match(said)
    if not asked or not parts:
        return None
    thing, last = asked.group(1).lower(), parts.group("a").strip(" ,.")
    bare = re.sub(r"^the\s+", "", thing)
    if not re.match(rf"(?:the\s+)?{re.escape(bare)}\s+(?:would|will|could|might)\s+", last, re.I):
        return None
    rest = re.sub(rf"^(?:the\s+)?{re.escape(bare)}\s+(?:would|will|could|might)\s+", "", last, flags=re.I)
    rest = re.sub(r"^be\b", "are" if bare.endswith("s") else "is", rest)
    return f"So what happens to {thing} when {'they' if bare.endswith('s') else 'it'} {rest}?"


def honest_test(claim: str, question: str) -> str:
    """A claim that no fact decides, neither praised nor ruled out, taken up by its shape: a short name is asked why
    and checked against the question, a vague word is asked to be named, a description of a term for an example; a
    reason or any other idea for how the student worked it out (`reasoning_ask`)."""
    said, quoted = own_words(answer_of(claim)).strip(" .!?"), about(question)
    kind = asked_kind(question)
    if len(said.split()) > 3 and (ask := condition_ask(said, question) or next_link(said, question)):
        return ask
    if (chosen := chosen_option(said, question)) and len(said.split()) > len(chosen[0].split()):  # a pick and why
        return f"You picked {chosen[0]} and said why. How does {chosen[1]} compare on that?"
    if said and len(said.split()) <= 3 and not STATEMENT.match(said) and not CAUSE_LEAD.match(claim):
        name = kind_name(said, kind)
        name = name[:1].lower() + name[1:] if not re.match(r"[A-Z]{2}|[A-Z][a-z]*\d", name) else name
        return (f"What makes you pick {name}? Say one thing you know about {name}, and check whether it fits "
                f"{quoted}.")
    cause = re.match(r"\W*(?:because\s+of|due\s+to|thanks\s+to)\s+", claim, re.I)  # a thing, not a clause
    if cause and len(claim[cause.end():].split()) <= 4:  # "Because of the air": what the air does
        thing = claim[cause.end():].strip(" .!")
        return f"How would {thing} do that? Say what {thing} does first, and how that answers {quoted}."
    if len(said.split()) <= 3 and STATEMENT.match(said):  # "It fizzes": an observation, asked what it shows
        return f"You noticed that {said[:1].lower() + said[1:]}. What does that tell you about {quoted}, and what " \
               f"would you check to be sure?"
    idea = said_back(claim)
    told = f"Your idea: {idea} " if idea else ""
    if vague := VAGUE.search(said):
        return f"{told}What exactly do you mean by \"{vague.group(0)}\"? Name it as exactly as you can."
    if thing := purpose_of(question):  # a job: what its loss would show
        return f"{told}What would you expect to see if {thing} were missing or stopped working? Would that fit " \
               f"your idea?"
    cause = CAUSED_BY.match(said)
    if cause or gives_reason(claim) or CAUSE_LEAD.match(claim) or re.match(r"\W*(?:why\b|what\s+causes\b)",
                                                                           asked_line(question), re.I):
        return reasoning_ask(said, question)
    if listed := list_asked(question):  # some of a list: the student checks for the rest
        return f"{told}Is that all the {listed[0]} of {listed[1]}, or are there more? Say what each one does, and " \
               f"look for any you have not named yet."
    if PROCESS.search(asked_line(question)):  # a process: the steps the student has not said yet
        return f"{told}Is that the whole answer, or one part of it? Say what else happens, step by step, until you " \
               f"can answer {quoted}."
    if term := definition_term(question):
        return f"{told}How would you check that description of {term}? Give one example of {term}, and show how " \
               f"what you said fits it."
    return reasoning_ask(said, question)


# a yes or no said before the idea ("ya the bigger one is always stronger"): the idea is what is asked about
POLAR_LEAD = re.compile(r"^\W*(?:no|nope|nah|yes|yeah|ya|yep|yup)\b[\s,.!]*(?=\w)", re.I)
# a question inside the student's words, or what someone else says: nothing of theirs to ask how they worked out
ASKS_OR_REPORTS = re.compile(r"\b(?:how|why|what|where|which|when)\s+(?:does|do|did|is|are|can|could|would|will)\b|"
                             r"\b(?:are|is)\s+(?:they|it|these|those)\s+(?:\w+\s+){0,3}\w+\s*$|"
                             r"\b(?:friend|teacher|mum|mom|dad|brother|sister|book)\s+(?:says|said|told)\b", re.I)


def reasoning_ask(said: str, question: str) -> str:
    """The student's own reasoning asked for, about their own claim, with no doubt cast and no frame of ours around it
    (session 23): the link from their reason to a why-question's outcome ("How does that lead to the fact that milk goes
    sour?"), else the reason they gave ("11 protons is sodium so B": "How did you work out that 11 protons is sodium?";
    the answer when the reason only retells the question), else the claim itself; a claim too long to say back is asked
    for its steps; a question or another's words inside it, for the student's own answer. Said of right and wrong ideas
    alike, since nothing has decided which it is: it neither praises nor doubts ("Check the link: does X always mean
    Y?", "What have you seen that shows it?" read as doubt of right work)."""
    bare = CAUSE_LEAD.sub("", CAUSED_BY.sub("", POLAR_LEAD.sub("", said))).strip(" ,.!?")
    if ASKS_OR_REPORTS.search(bare):  # "but how does it get to my ear", "my friend says no": no claim to ask about
        return "What do you think the answer is, and why?"
    outcome = outcome_of(question) if re.match(r"\W*why\b", asked_line(question), re.I) else None
    if outcome and not re.match(r"not\b", outcome):  # a why-question's outcome: the link to it is theirs to say
        return f"How does that lead to the fact that {outcome}?"
    if CAUSED_BY.match(said) or re.match(r"\W*(?:because\s+of|due\s+to)\s", said, re.I):  # a thing, no clause
        bare = f"it is caused by {bare}"
    linked, because = SO_LINK.match(bare), BECAUSE_LINK.match(bare)
    parts = linked or because
    reason = parts.group("r").strip(" ,.!?") if parts else bare
    given = parts and forms_of(reason) <= forms_of(question) | forms_of("is are the a an so") \
        and not forms_of(bare) <= forms_of(question)  # the problem retold, where the question is not the message
    # "it has fur so it's a pet": what they drew from a short observation; "11 protons is sodium so B": the reason
    drawn = linked and not because and len(reason.split()) <= 3 and len(linked.group("a").split()) >= 2
    reason = parts.group("a").strip(" ,.!?") if given or drawn else reason
    reason = reason if len(reason.split()) >= 2 else bare
    if not 2 <= len(reason.split()) <= 14:
        return "How did you work that out? Tell me the steps you took to get there."
    reason = reason if re.match(r"[A-Z]{2}|[A-Z][a-z]*\d|I\b", reason) else reason[:1].lower() + reason[1:]
    return f"How did you work out that {to_you(reason)}?"


def undecided_move(claim: str, question: str, facts: list[str], kb: KnowledgeBase | None, label: str) -> Move:
    """The last move on a claim that no card, misconception or fact decides (`label`: absent or unclear): one side of
    a difference as the textbook describes it, else the honest test of the claim."""
    idea = said_back(claim)
    told = f"Your idea: {idea} " if idea and len(idea.split()) > 3 else ""
    found = side_move(question, facts, kb, told)
    return Move(found.text, "fact", label, found.evidence) if found else Move(honest_test(claim, question), "fact",
                                                                               label, [])
