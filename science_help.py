"""A stuck science student who names what confuses them: the first move is the one fact that tells the two things
apart, or the fact that defines the word they ask about, turned into a question about this problem.

What it supports
- `confused_pair`: the two things a student says they mix up ("I always mix up atoms and molecules", "is it the
  chloroplast or the mitochondria?", "I get those two confused" beside "physical or chemical?"); the words of the
  request or complaint around them are never a claim to check.
- `asked_term`: the word a student asks the meaning of ("what does freezing point mean here"), when it is not the
  question's own asked term (then its definition would be the answer).
- `asks_back`: "is it the heart or the lungs?" or a task word ("Explain.") is the student asking, never an idea.
- `help_move`: the defining fact of one of the two (the one that names neither the problem's own things nor, where
  the question asks for the difference, the other side), quoted, and the student asked to apply it to the problem's
  thing; a fact that sets both side by side is the one difference itself, shown where the question asks something
  else. lesson.py asks it only where no topic card written for the question's scenario opens the lesson. Where no
  fact tells them apart without giving the answer away, `pair_ask` takes the two one at a time and asks which is
  what the question describes; a fact that only lists the thing among others or says where it may be met is none.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from evidence import Move
from text_words import base_forms, content_tokens, forms_of, has_negation, plural
from student_message import about, question_of
from science_fallback import definition_term, topic_terms
from named_questions import named_question
from science_names import about_member, asked_among, named_member

# "mix up X and Y", "mixed up X with Y", "confused between X and Y", "tell X and Y apart", "X vs Y"
NAMED_PAIR = re.compile(r"\b(?:mix(?:ed|ing)?\s+up|confus\w*(?:\s+(?:between|about|by))?|difference\s+between|"
                        r"tell\s+apart|mixes\s+up)\s+(?:the\s+|an?\s+)?(?P<x>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
                        r"(?:and|with|from|or|vs\.?|versus)\s+(?:the\s+|an?\s+)?"
                        r"(?P<y>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
                        r"(?=\W*(?:$|[,.!?;]|\s+(?:up|apart|all|every|again|at|in|when|because|so)\b))|"
                        # "I get mitochondria and chloroplasts mixed up", "I always get atoms and ions confused"
                        r"\b(?:get|got|gets|getting|keep|have)\s+(?:the\s+)?(?P<a>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
                        r"and\s+(?:the\s+)?(?P<b>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+(?:mixed|muddled|confused)\b",
                        re.I)
# "is it the chloroplast or the mitochondria?", "is it about the battery or the material?"
OWN_OPTIONS = re.compile(r"\b(?:is|was)\s+it\s+(?:about\s+|because\s+of\s+|from\s+|in\s+)?(?:the\s+|an?\s+)?"
                         r"(?P<x>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+or\s+(?:about\s+|from\s+|in\s+)?(?:the\s+|an?\s+)?"
                         r"(?P<y>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\W*(?:$|[?.!,])", re.I)
# "I always mix those two up", "I get them confused", "I mix them up", "I get confused which is which": the
# question's own two options
THOSE = re.compile(r"\b(?:mix(?:ed|ing)?|confus\w*|muddle\w*)\s+(?:up\s+)?(?:those|these|them|the\s+two|both)\b|"
                   r"\bconfus\w*\s+(?:about\s+)?which\s+is\s+which\b|"
                   r"\b(?:those|these|them|the\s+two)\s+(?:two\s+)?(?:(?:mixed|muddled)\s+up|confused)\b", re.I)
# The question's "X or Y": "Is the wax melting a physical change or a chemical change?"
QUESTION_PAIR = re.compile(r"\b(?:an?\s+|the\s+)?(?P<x>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+or\s+(?:an?\s+|the\s+)?"
                           r"(?P<y>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\W*$", re.I)
# "what does freezing point mean", "what is meant by adaptation", "what's a habitat"
MEANING = re.compile(r"\bwhat\s+(?:does|do)\s+(?:the\s+(?:word|term)\s+)?['\"]?"
                     r"(?P<t>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})['\"]?\s+mean\b|"
                     r"\bwhat\s+is\s+meant\s+by\s+(?:the\s+)?['\"]?(?P<u>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)", re.I)
# The verb right after a thing a fact opens with: "Kinetic energy is ...", "A producer makes ..."; "is", "are" and
# "means" define it, the others say what it does
DEFINING_VERBS = {"is", "are", "means", "mean"}
DOING_VERBS = {"makes", "make", "gets", "get", "has", "have", "eats", "eat", "releases", "release", "contains",
               "contain", "forms", "form", "needs", "need", "produces", "produce", "carry", "carries", "happens"}
# A fact that sets the two side by side: "Melting is ... when it is heated; dissolving needs a second substance"
CONTRAST = re.compile(r";|(?:but|while|whereas|unlike|instead)", re.I)
# "Mass is also conserved in ...": a fact that adds to what the reader knows of the thing, no definition of it
ALSO = re.compile(r"\b(?:is|are)\s+also\b", re.I)
# Words a question shares with any fact on its topic: naming them says nothing about the problem's own things
GENERIC = {"living", "thing", "things", "part", "parts", "kind", "type", "energy", "substance", "object", "body"}
# How a question asks, not what it describes: "What type of rock forms ...?", "What is it called?"
ASKING = {"type", "types", "kind", "kinds", "sort", "form", "forms", "formed", "called", "name", "named", "happens",
          "happen", "difference", "different", "between", "one", "two", "word", "mean", "means", "example"}
# The student asking back ("is it the heart or the lungs?") or a task word of the question ("Explain.", "Give an
# example."): neither says an idea of their own
ASKS_BACK = re.compile(r"^\W*(?:(?:is|was)\s+it\s+(?:about\s+|because\s+of\s+|from\s+|in\s+)?(?:the\s+|an?\s+)?[\w-]+"
                       r"(?:\s+[\w-]+)?\s+or\s+.+\?|(?:explain|describe|give\s+(?:an?\s+|one\s+|two\s+)?examples?|"
                       r"show\s+your\s+(?:work|working)|justify\s+your\s+answer)\W*)$", re.I)
ARTICLES = re.compile(r"^(?:the|an?|some)\s+", re.I)
# A word that describes a noun rather than names a thing: "physical", "kinetic", "red", "white"
DESCRIBES = re.compile(r"^(?:[a-z]+(?:al|ic|ous|ive|ary|ent|ant|ar|ed|ful|less)|red|white|black|blue|green|yellow|"
                       r"big|small|high|low|hot|cold|warm|fast|slow|short|long|new|old|solid|liquid|"
                       r"north|south|east|west|"
                       r"inner|outer|upper|lower|left|right|front|back|male|female|plant|animal)$", re.I)
# "... or something", "or whatever": no second option, a guess said unsure
VAGUE_OPTION = re.compile(r"(?:something|anything|whatever|smth|sth|not)\b", re.I)
# "Oxygen, carbon, iron and gold are elements": a list the term opens says what it is one of, nothing of its own
LISTED = re.compile(r"^\W*(?:[\w-]+\s+){0,2}?[\w-]+,\s*(?:[\w-]+\s+){0,2}?[\w-]+\s*(?:,|\band\b)", re.I)
# "Carbon dioxide can be found in the air": where a thing may be met says nothing of what it is or does
MAY_BE_MET = re.compile(r"\b(?:can|may|might|could)\s+be\s+(?:found|seen|met|used)\b", re.I)


def asks_back(claim: str, said: str = "") -> bool:
    """Is the student's "claim" a question back to the tutor or a task word of the question, not an idea? Two
    options the student asked about in `said` ("is it the heart or the lungs?") are a question too."""
    offered = re.search(r"\bor\b", claim) and len(claim.split()) <= 8 \
        and re.search(re.escape(claim.strip(" ?.!")) + r"\s*\?", said, re.I)
    return bool(ASKS_BACK.match(claim.strip()) or offered)


def confused_pair(message: str, question: str, around: str = "") -> tuple[str, str] | None:
    """The two things the student says they mix up, in their words ("I mix them up" after their own "is it X or
    Y?" in `around`, the rest of their message), or the question's own two options when they say "those two"; None
    when they name no pair."""
    asked = question_of(question) or question
    own = message.replace(asked, " ") if asked in message else message
    if m := NAMED_PAIR.search(own):
        return headed(clean(m.group("x") or m.group("a")), clean(m.group("y") or m.group("b")))
    if (m := OWN_OPTIONS.search(own)) and not VAGUE_OPTION.match(m.group("y")):  # "is it gravity or something":
        return clean(m.group("x")), clean(m.group("y"))  # one guess, no pair
    if THOSE.search(own) and (m := OWN_OPTIONS.search(around.replace(asked, " "))):
        return clean(m.group("x")), clean(m.group("y"))
    if THOSE.search(own) and (m := QUESTION_PAIR.search(asked.rstrip("?. "))):
        x, y = clean(m.group("x")).split(), clean(m.group("y"))
        # "a physical change or a chemical change"; "physical or chemical change": the noun goes on both
        shared = y.split()[1:] if len(y.split()) == 2 and x[-1] != y.split()[-1] else []
        return " ".join([*x[-len(y.split()) + len(shared):], *shared]), y
    return None


def headed(x: str, y: str) -> tuple[str, str]:
    """"red" and "white blood cells": the noun the two share goes on the first one too ("red blood cells"), where the
    first is a word that describes (a colour, "physical", "kinetic"), never a thing of its own ("oxygen" and "carbon
    dioxide")."""
    if len(x.split()) == 1 and len(y.split()) > 1 and DESCRIBES.match(x):
        return f"{x} {' '.join(y.split()[1:])}", y
    return x, y


def clean(term: str) -> str:
    """The thing without its article: "the chloroplast" -> "chloroplast"."""
    return ARTICLES.sub("", term.strip(" ?.!,")).lower()


def asked_term(message: str, question: str) -> str | None:
    """The word the student asks the meaning of, when the question itself does not ask for that meaning."""
    asked = question_of(question) or question
    own = message.replace(asked, " ") if asked in message else message
    m = MEANING.search(own)
    term = clean(m.group("t") or m.group("u")) if m else ""
    if not term or term in {"it", "that", "this", "the question", "this question"} or MEANING.search(asked):
        return None
    return term


def names(text: str, term: str) -> bool:
    """Does the text name the term, every content word of it in any form?"""
    forms = forms_of(text)
    return all(base_forms(w) & forms for w in term.split() if forms_of(w))


def opening(fact: str, term: str) -> tuple[str, str] | None:
    """The fact opens with the term ("In a chemical change ...", "Producers make ..."): (the noun that goes on the
    term's name, "" for none; the verb after it), else None."""
    words = r"\s+".join(re.escape(singular(w)) + r"[\w-]*" for w in term.split())
    m = re.match(rf"^\W*(?:in\s+)?(?:an?\s+|the\s+)?{words}\s*,?\s+([a-z]+)(?:\s+([a-z]+))?", fact, re.I)
    if not m:
        return None
    first, second = m.group(1).lower(), (m.group(2) or "").lower()
    if first in DEFINING_VERBS | DOING_VERBS or len(term.split()) > 1:  # "In a chemical change new substances ..."
        return "", first
    return first, second


def defining_fact(term: str, other: str, question: str, facts: list[str], answers: Callable[[str, str], bool],
                  apart: bool = True) -> str | None:
    """A fact that opens by saying what `term` is or does, names none of the problem's own things (it would say
    which side they are on) and cannot state the answer: one that sets it against the other side first (the one
    difference), else one that defines it, else one that says what it does; where the question asks for the
    difference (not `apart`), none that names the other side. A noun that goes on the term's name ("change" in "In a
    chemical change") must go on the other side's name too, in some fact, or be the other side's own word: "Chemical
    energy ..." is another thing."""
    opened = {fact: opening(fact, term) for fact in facts}
    nouns = {o[0] for fact in facts if (o := opening(fact, other)) and o[0]}
    # the kind both sides' names share ("rock" in "What type of rock forms ...?" beside "sedimentary rocks") is no
    # thing of the problem's own: a fact naming it says nothing of which side the problem's thing is on
    kinds = {form for noun in nouns for form in base_forms(noun)}
    # every word that describes the problem's thing counts, not only its key terms: "moving" in "What type of energy
    # does a moving car have?" is what "Kinetic energy is the energy a moving object has" answers
    described = [word for word, _ in content_tokens(question_of(question) or question) if word not in ASKING]
    own = [t for t in dict.fromkeys([*topic_terms(question), *described]) if not names(term, t)
           and not names(other, t) and t.lower() not in GENERIC and not base_forms(t) & kinds]
    ranked = []
    for fact, found in opened.items():
        if not found or has_negation(fact) or answers(fact, question) or ALSO.search(fact) or MAY_BE_MET.search(fact) \
                or LISTED.match(fact) or any(base_forms(t) & forms_of(fact) for t in own):
            continue
        noun, verb = found
        if noun and noun not in nouns and noun not in other.split():
            continue
        contrasts = other and names(fact, other)
        if contrasts and not apart:
            continue
        rank = 0 if verb in DEFINING_VERBS else 1
        ranked.append((-1 if contrasts and CONTRAST.search(fact) else rank, fact))
    return min(ranked)[1] if ranked else None


def thing_asked(question: str, pair: tuple[str, str]) -> str | None:
    """The problem's thing a "Is <thing> X or Y?" question asks about ("the wax melting", "the mouse", "air")."""
    asked = question_of(question) or question
    last = re.split(r"(?<=[.!?])\s+", asked.strip())[-1]
    first = re.escape(pair[0].split()[0])
    m = re.match(rf"^\W*(?:is|are|was|were)\s+(.+?)\s+(?:an?\s+|the\s+)?{first}", last, re.I)
    thing = m.group(1) if m else None
    return None if not thing or thing.lower() in {"it", "this", "that", "they"} else thing


def help_move(message: str, question: str, kb, answers: Callable[[str, str], bool], around: str = "") -> Move | None:
    """The first move for a student who names their confusion (in `message`, this turn's words; `around`, the whole
    first message): the fact that tells the two things apart (or defines the word they ask about), asked of this
    problem; None when they name none or no fact fits."""
    pair = confused_pair(message, question, around)
    if pair:
        return pair_move(pair, question, kb, answers) or pair_ask(pair, question)
    term = asked_term(message, question)
    if not term:
        return None
    pool = [hit["text"] for hit in kb.search(f"{term} means", k=8)]
    fact = defining_fact(term, "", question, pool, answers)
    if not fact:
        return None
    return Move(f"Here is what \"{term}\" means: \"{fact}\" Now use it on {about(question)}: which part of the "
                f"question does it fit, and what does it tell you?", "fact", None, [fact])


def pair_move(pair: tuple[str, str], question: str, kb, answers: Callable[[str, str], bool]) -> Move | None:
    """The one difference between the two things, as the textbook says it, put to the problem's own thing."""
    x, y = pair
    asked = question_of(question) or question
    difference = bool(re.search(r"\bdiffer", asked, re.I))  # a fact that sets the two apart would be the answer
    first = names(asked, y) and not names(asked, x)  # the side the question names is the one to define first
    for term, other in ((y, x), (x, y)) if first else ((x, y), (y, x)):
        queries = (term, singular(term), f"what is {article(singular(term))}", f"{term} {other}")
        pool = list(dict.fromkeys(hit["text"] for query in queries for hit in kb.search(query, k=6)))
        fact = defining_fact(term, other, question, pool, answers, not difference)
        if fact:
            break
    else:
        return None
    lead = f"Here is one thing that tells the two apart. The textbook says: \"{fact}\""
    thing = thing_asked(question, pair)
    if names(asked, other) and not names(asked, term):  # the question's own side is the other one
        ask = f"That is about {term}. What is different about {other}?"
    elif thing:
        ask = f"Is that true of {thing}? What in the question tells you?"
    elif difference:
        ask = f"Which part of that is different for {article(other)}?"
    elif named := named_question(asked):  # "the rock that forms when lava cools": what the question describes
        ask = f"Which of the two is {named.description}? What in the question tells you?"
    else:
        ask = f"Which of the two fits {about(question)}, and what in the question tells you?"
    return Move(f"{lead} {ask}", "fact", None, [fact])


def pair_ask(pair: tuple[str, str], question: str) -> Move | None:
    """The two things a student mixes up, where no fact tells them apart without giving the answer away: each taken
    on its own (what it is, what it does, where it is found), then the one the question describes picked by that. A
    question that names no description ("Is air a mixture or a compound?" offers its own two) keeps its own moves."""
    x, y = pair
    named = named_question(question_of(question) or question)
    if not named or not named.description:
        return None
    return Move(f"Take {x} and {y} one at a time: what is each one, and what does it do or where is it found? Say "
                f"one thing you remember about each, even a guess. Then which of the two is {named.description}?",
                "fact", None, [])


def singular(term: str) -> str:
    """"atoms" -> "atom", "molecules" -> "molecule"; "mass", "gas" and "mitochondria" stay."""
    return re.sub(r"(?<=[^su])s$", "", term)


def article(noun: str) -> str:
    """"a molecule", "an atom"; a plural or a process ("boiling") as it is."""
    if noun.endswith("s") and not noun.endswith("ss") or noun.endswith("ing"):  # "boiling" takes no article
        return noun
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def clue_help(question: str, kb) -> str | None:
    """A stuck student on "Which organ pumps blood?" (a member of a closed kind asked for): the one member a fact
    names as the answer (science_names.named_member) is never said; another fact about it, which shares none of the
    question's own description ("The heart is a muscle about the size of a fist"), is given with the member left out,
    as a clue to name it from and check against the question. None where no one member or no such fact is found:
    then the kind's own question stands."""
    kind = asked_among(question)
    kind = None if kind == "gas" else kind  # "___ can be found in the air" fits every gas of the kind alike
    answer = named_member(kind, question, kb) if kind and kb else None
    clue = about_member(answer, kind, question, kb) if answer else None
    gap = re.sub(rf"\b{re.escape(answer)}\b", "___", clue, flags=re.I) if clue else ""
    if not gap or "___" not in gap or names(gap, answer):
        return None
    return (f"Here is a clue from the textbook, with the {kind} left out: \"{gap}\" Which {kind} is that, and does it "
            f"fit {about(question)}?")



# A fact that uses a term on its examples without defining it: "An example of an adaptation is camel humps", "Thick
# fur, webbed feet and camouflage are adaptations", "Water, H2O, is a compound of two hydrogen atoms and one oxygen
# atom"
EXAMPLE_OF = r"(?:\b(?:examples?|kinds?|types?)\s+of\s+(?:an?\s+)?{t}|\b(?:are|is)\s+(?:all\s+)?(?:an?\s+)?" \
             r"(?!(?:its|their|the|your|our)\b)(?:[a-z-]+\s+)?{t}(?:\s+of\s+[^.;]+)?\W*$)"
# A fact that says what the term is ("Adaptation is when ...", "... is called an adaptation", "The place where an
# organism lives is its habitat") is the answer; one about a test's "it" ("If the bulb lights, it is a conductor")
# names no example
DEFINES = re.compile(r"\b(?:means?|meant|called|known\s+as|refers?\s+to|is\s+when|is\s+the\s+name|defined|where|"
                     r"which|that)\b|^\W*(?:if|when)\b|\bit\s+is\b", re.I)


def asked_meaning(question: str) -> str | None:
    """The term a question asks the meaning of: "What does 'habitat' mean?", "What is meant by adaptation?", "What
    is an isotope?"; None for any other question."""
    asked = question_of(question) or question
    m = MEANING.search(asked)
    term = clean(m.group("t") or m.group("u")) if m else definition_term(question)
    return clean(term) if term else None


def in_use_move(question: str, kb) -> Move | None:
    """A stuck student on a question that asks what a word means: the textbook's sentence that uses the word on its
    examples ("Thick fur, webbed feet and camouflage are adaptations"), never one that defines it, and the student
    asked what makes them examples: the meaning is theirs to put into words. None where no such sentence is found."""
    term = asked_meaning(question)
    if not term or len(term.split()) > 2:
        return None
    words = r"\s+".join(re.escape(singular(w)) + r"[\w-]*" for w in term.split())
    example = re.compile(EXAMPLE_OF.format(t=words), re.I)
    pool = dict.fromkeys(hit["text"] for query in (f"example of {term}", f"{term} examples", term)
                         for hit in kb.search(query, k=8))
    fact = next((f for f in pool if example.search(f) and not DEFINES.search(f) and not has_negation(f)
                 and opening(f, term) is None and len(f.split()) <= 25), None)
    if not fact:
        return None
    return Move(f"Here is the word in use: \"{fact}\" What makes that an example of \"{term}\"? Say what the word "
                f"means in your own words.", "fact", None, [fact])


# A fact that shows a term on its examples: "A food chain shows who eats whom: grass -> grasshopper -> frog",
# "Materials that ..., such as plastic, rubber, wood and glass, are insulators", "Decomposers such as fungi,
# bacteria and worms break down ..."
CHAIN = re.compile(r"[A-Za-z][\w ]*?(?:\s*->\s*[A-Za-z][\w ]*?){2,}(?=\s*[.;]|$)")
ITEM = r"(?:(?:an?|the)\s+)?[\w-]+(?:\s+[\w-]+){0,2}"
SUCH_AS = re.compile(rf"\bsuch\s+as\s+(?P<list>(?:{ITEM},\s*)*{ITEM},?\s+(?:and|or)\s+(?:(?:an?|the)\s+)?"
                     r"(?:[\w-]+(?:\s+[\w-]+)?(?=\s*[,.;:)]|\s*$)|[\w-]+))", re.I)


def examples_of(fact: str, term: str) -> list[str] | str | None:
    """The examples a fact gives of the term: its chain ("grass -> grasshopper -> frog", kept whole), or the list
    after "such as" that belongs to the term (the term just before it, or named after the list: "..., such as
    plastic and glass, are insulators"); None when the fact gives none of the term's own."""
    words = r"\s+".join(re.escape(singular(w)) + r"[\w-]*" for w in term.split())
    if not re.search(rf"\b{words}", fact, re.I):
        return None
    if (chain := CHAIN.search(fact)) and re.search(rf"\b{words}\b[^.;]*:", fact, re.I):
        return chain.group(0).strip()
    for found in SUCH_AS.finditer(fact):
        before, after = fact[:found.start()], fact[found.end():]
        own = re.search(rf"\b{words}\W*$", before, re.I) or \
            re.match(rf",?\s*(?:is|are)\s+(?:\w+\s+)?{words}\b", after, re.I)
        items = [i.strip() for i in re.split(r",?\s+(?:and|or)\s+|,\s*", found.group("list"))]
        items = [re.sub(r"^(?:an?|the)\s+", "", i, flags=re.I) for i in items if i]
        if own and len(items) >= 2 and all(len(i.split()) <= 3 and not names(i, term) for i in items):
            return items
    return None


def example_move(question: str, kb) -> Move | None:
    """A stuck student on a question that asks what a word means, where no sentence uses it on examples
    (`in_use_move`): a fact's own examples of it (`examples_of`), shown without the sentence around them (that
    sentence may be the meaning itself), and the student asked what the examples share, so the meaning is theirs to
    say. None where no fact gives the term's examples."""
    term = asked_meaning(question)
    if not term or len(term.split()) > 2:
        return None
    pool = dict.fromkeys(hit["text"] for query in (term, f"{term} such as") for hit in kb.search(query, k=8))
    for fact in pool:
        found = examples_of(fact, term) if not has_negation(fact) else None
        if isinstance(found, str):
            one = article(singular(term))
            return Move(f"Here is {one} from the textbook: {found}. What links each one to the next? Say in your own "
                        f"words what {one} shows.", "fact", None, [fact])
        if found:
            many = plural(term)
            listed = ", ".join(found[:-1]) + f" and {found[-1]}"
            return Move(f"{listed[:1].upper()}{listed[1:]} are {'both' if len(found) == 2 else 'all'} {many}. What "
                        f"do they have in common that makes them {many}?", "fact", None, [fact])
    return None
