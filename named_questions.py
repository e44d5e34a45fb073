"""A question that asks for a name (a unit, an instrument, a scientist, a part, "the hardest ...", "what do we call
...") read by its structure (`named_question`); `named_help` asks a stuck student what a teacher would (what a unit's
quantity compares, which instruments they have seen, a test between two things), and `named_check` puts a named
answer that no fact decides to what the question describes. science_names.py finds the fact that names the answer.

    .venv/bin/python named_questions.py "What instrument measures wind speed?" "a thermometer"
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from science_catalog import HOW_MUCH, LETTERED_OPTIONS, NOT_CATEGORY, digit_numbers, echo, plural, third_person


@dataclass
class Named:
    """What a question that asks for a name wants, read from its own words: the kind of name (`kind`: "unit",
    "instrument", "person", "part", "superlative", "name"), the answer described as a noun phrase ("the instrument that
    measures wind speed", "the part of the eye that controls how much light enters it") and the kind's own word
    (`noun`: the quantity of a unit, the whole of a part, the superlative of a "hardest")."""
    kind: str
    description: str
    noun: str = ""
    head: str = ""  # the kind of thing the description names: "substance" in "the hardest natural substance on Earth"


INSTRUMENTS = {"instrument", "tool", "device", "machine", "meter", "equipment"}
PEOPLE = {"scientist", "person", "inventor", "biologist", "physicist", "chemist", "astronomer", "man", "woman"}
UNIT_OF = re.compile(r"^(?:what|which)\s+(?:is|are)\s+the\s+(?:si\s+)?units?\s+(?:of|for)\s+(?:measuring\s+)?(.+)$|"
                     r"^(?:what|which)\s+units?\s+(?:is|are)\s+(.+?)\s+measured(?:\s+in)?$|"
                     r"^(?:what|which)\s+units?\s+(?:do|does)\s+\w+\s+(?:use\s+)?(?:to\s+)?measure\s+(.+)$", re.I)
WHO = re.compile(r"^who\s+(?:first\s+)?(\w+(?:ed|t|de|ote))\s+(.+)$", re.I)  # discovered, built, made, wrote
# "Which N of the W REST": the whole W is the article and one word, or two when the second is no verb ("the plant
# cell", not "the eye controls"). N is one word, or two when a singular first word meets a second that is no verb
# ("simple machine is", "body part", "blood cells"; not "organ pumps", "gas makes", "planet formed", "animals lay"),
# or a noun of a bare noun ("state of matter keeps"; "What state of water is steam?" asks steam's state).
NOT_NOUN = r"(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might|must|of|in|on|at|for|" \
           r"to|from|with|by|that|which|who|up|out|down|we|you|they|i|the|an?|this|these|those|my|your|its|their|our)\b"
WHICH_NOUN = re.compile(rf"^(?:what|which)\s+(?:(?:type|kind|sort|form)s?\s+of\s+)?((?!{NOT_NOUN})[a-z]+(?<!s)"
                        rf"(?:\s+(?!{NOT_NOUN})(?:[a-z]+(?<![sd])|cells\b)|"
                        rf"\s+of\s+(?!{NOT_NOUN})[a-z]+(?!\s+(?:is|are)\b))?|[a-z]+)\s+"
                        r"(?:of\s+((?:the|an?|your|our)\s+[\w'-]+"
                        r"(?:\s+(?!is\b|are\b|do\b|does\b|has\b|can\b)[\w'-]+(?<!s))?)\s+)?(.+)$", re.I)
DESCRIBED = re.compile(r"^(?:what|which)\s+(?:is|are)\s+((?:the|an?)\s+.+?)(?:\s+called)?$|"
                       r"^what\s+(?:do|does|would)\s+(?:we|you|scientists|people)\s+call\s+(.+)$", re.I)
# A property a "what N is X" question asks of X ("What colour is blood in veins?": the colour of blood in veins)
PROPERTIES = {"colour", "color", "shape", "size", "temperature", "state", "mass", "weight", "speed", "length",
              "height", "age", "job", "function", "purpose", "source"}
AUXILIARY = re.compile(r"^(do|does|did)\s+", re.I)
SUPERLATIVE = re.compile(r"\b(?:the\s+)?([a-z]{2,}est)\b", re.I)
NOT_SUPERLATIVE = {"forest", "interest", "chest", "nest", "west", "test", "harvest", "rest", "crest", "guest", "best"}


def relative(rest: str) -> str:
    """The rest of a "which X ..." question as a clause after "that": "does your skin make" -> "your skin makes",
    "do scientists use to see cells" -> "scientists use to see cells", "measures wind speed" as it is."""
    if aux := AUXILIARY.match(rest):
        rest = rest[aux.end():]
        return third_person(rest) if aux.group(1).lower() == "does" else rest
    return rest


def named_question(question: str) -> Named | None:
    """The naming question's structure, or None when it asks for no name (a cause, a process, a number, a choice):
    "What is the unit of electric current?", "Which instrument measures wind speed?", "Who discovered penicillin?",
    "What part of the eye controls how much light enters it?", "What is the hardest natural substance on Earth?",
    "What do we call an animal that eats only plants?"."""
    asked = re.sub(r"\s+", " ", (question.split("?")[0].split(". ")[-1] if "?" in question else question)).strip(" .")
    asked = re.sub(r"(?i)\b(what|who|which)(?:'s| is)\b", r"\1 is", asked)  # "What's the unit of force?"
    if LETTERED_OPTIONS.search(question) or re.search(r"\bpH\b|\bequations?\b|\bformula", asked) \
            or digit_numbers(asked) or HOW_MUCH.match(asked):  # "What fraction ...", "How many ...": a number
        return None  # first_step's own moves: the options, an equation, a formula, the pH scale, the numbers
    if m := UNIT_OF.match(asked):
        quantity = next(g for g in m.groups() if g)
        return Named("unit", f"the unit of {quantity}", quantity)
    if m := WHO.match(asked):
        return Named("person", f"the one who {m.group(1)} {m.group(2)}")
    if (m := WHICH_NOUN.match(asked)) and m.group(1).lower() not in NOT_CATEGORY | {"do", "does", "did"}:
        noun, whole, rest = m.group(1).lower(), m.group(2), relative(m.group(3))
        if re.match(r"of\s", rest, re.I):   # "What state of matter keeps ...": no clause to hang on "the state that"
            return None
        owner = re.match(r"(?:is|are)\s+((?:the|your|my|our|this|that)\s.+)$", rest, re.I) or \
            (re.match(r"(?:is|are)\s+(.+)$", rest, re.I) if noun in PROPERTIES else None)   # "What colour is blood"
        if owner:   # "What colour is the sky": the sky's colour
            return Named("thing", f"the {noun} of {owner.group(1)}", noun, noun)
        kind = "instrument" if noun in INSTRUMENTS else "person" if noun in PEOPLE else "part" if whole else "thing"
        that = "who" if kind == "person" else "that"
        # "Which living thing in this pond is the producer?", "Which organ in your chest pumps blood?", "Which gas
        # in the air do plants take in?": the place stays with the noun, before "that"
        placed = re.match(r"((?:in|on|at|inside|near)\s+(?:the|this|that|a|an|our|your)\s+"
                          r"(?:(?!\b(?:do|does|did)\b).)+?)\s+((?:is|are|was|were|do|does|did|[a-z]+s)\s.+)$",
                          rest, re.I)
        where, rest = (f" {placed.group(1)}", relative(placed.group(2))) if placed else ("", rest)
        return Named(kind, f"the {noun}{f' of {whole}' if whole else ''}{where} {that} {rest}", whole or noun, noun)
    if m := DESCRIBED.match(asked):
        description = re.sub(r"^the\s+(?:name|term|word)\s+(?:of|for)\s+", "", m.group(1) or m.group(2), flags=re.I)
        if re.search(r"\s(?:of|for|from|in|with|by|at|to)$", description, re.I):
            return None   # "What are the bubbles in boiling water made of?" asks what, not which named thing
        most = SUPERLATIVE.search(description)
        if most and most.group(1).lower() not in NOT_SUPERLATIVE:
            return Named("superlative", description, most.group(1).lower(), head_noun(description))
        return Named("name", description, head=head_noun(description))
    return None


# Where a description's head noun ends: "the star | closest to the Earth", "the hardest natural substance | on Earth".
AFTER_HEAD = set("""of that which who whom by on in to at around for from with within inside near between called
used found where when""".split())


def head_noun(description: str) -> str:
    """The noun a description names ("the imaginary line around the middle of the Earth" -> "line"), or "" when it
    names none before its first linking word ("the study ..." -> "study")."""
    words = re.findall(r"[\w'-]+", description.lower())
    kept: list[str] = []
    for i, word in enumerate(words):
        superlative = SUPERLATIVE.fullmatch(word) and word not in NOT_SUPERLATIVE
        if word in AFTER_HEAD or superlative and i > 1:
            break
        kept.append(word)
    kept = [w for w in kept if w not in ("the", "a", "an") and not w.isdigit()]
    return kept[-1] if kept else ""


def plural_of(noun: str) -> str:
    """The plural of a head noun that may be plural already ("particles" stays, "gas" -> "gases")."""
    return noun if re.search(r"[^suia]s$", noun) else plural(noun)


def comparative(superlative: str) -> str:
    """"hardest" -> "harder", "largest" -> "larger": the comparison a test between two things makes."""
    return superlative[:-3] + "er"


def named_help(named: Named) -> str:
    """A stuck student's first question on a naming question: what a teacher asks to narrow the name down (the
    quantity a unit measures, the instruments they have seen, the parts they know, a test between two things),
    built from the question's own structure, never its words pasted into a frame and never the name; "" when its
    structure gives nothing to ask."""
    described = named.description
    many = re.match(r"the\s+(?:two|three|four|five|six|seven|eight|\d+)\s", described, re.I)  # a list, not one
    thing = f"{'are' if many else 'is'} {described}"
    if named.kind == "unit":
        return (f"What are you comparing when you measure {named.noun}: what makes one {named.noun} bigger than "
                f"another? Which units have you seen written beside a number for {named.noun}, on a label, a meter or "
                f"in your book?")
    if named.kind == "instrument":
        return (f"Which instruments have you used or seen in a lab or a weather station, and what does each one show "
                f"you? Which of them {thing}?")
    if named.kind == "person":
        return f"Which scientists have you learned about, and what is each one known for? Which of them {thing}?"
    if named.kind == "part":
        return f"Name the parts of {named.noun} you know and what each one does. Which of them {thing}?"
    if named.kind == "superlative":
        return (f"Which {plural_of(named.head or 'thing')} do you know? How would you test which of two of them is "
                f"{comparative(named.noun)}?")
    if named.kind == "thing" or named.head and described.lower().startswith("the "):
        return f"Which {plural_of(named.head)} do you know, and what is each one like? Which of them {thing}?"
    if re.match(r"an?\s", described, re.I):  # a class of things: an example of it leads to its name
        return (f"Think of an example of {described}. What do you know about it, and which science word have you met "
                f"for it?")
    return ""  # nothing of its own to ask: science_moves takes the question's form


def bare_verb(verb: str) -> str:
    """"pumps" -> "pump", "catches" -> "catch", "carries" -> "carry": the form after "does"."""
    if verb in ("is", "has", "does"):
        return {"is": "be", "has": "have", "does": "do"}[verb]
    if re.search(r"[^aeiou]ies$", verb):
        return verb[:-3] + "y"
    return re.sub(r"(sh|ch|ss|[xzo])es$", r"\1", verb) if re.search(r"(?:sh|ch|ss|[xzo])es$", verb) else \
        re.sub(r"(?<=[^su])s$", "", verb)


PRONOUN_NEXT = r"(?:us|you|them|it|the|an?|its|their|our)\b"
# "the gas that plants take in", "the energy that a moving bike has": the clause has a subject of its own
DONE_BY_SUBJECT = re.compile(r"\b(?:that|who)\s+(?:an?|the|your|our|their|we|you|they|people|plants|animals)\b",
                             re.I)


def asked_doing(named: Named, plural: bool, does_verb: str) -> str | None:
    """The question's description as a yes/no question about the thing the student named, its verbs made bare: "the
    organ that pumps blood and keeps us alive" -> "{} pump blood and keep us alive?"; None when it has no "that"
    clause ("the unit of force"), it says what the thing IS ("that is closest to the Sun"), or the fact's own verb
    (`does_verb`) is the one asked: then the student's thing may well be right, and there is no contrast to ask."""
    clause = re.match(r"^.+?\s(?:that|who)\s+(\w+)\s+(.+)$", named.description)
    if not clause or clause.group(1).lower() in ("is", "are", "was", "were", "has", "have") \
            or re.match(rf"{NOT_NOUN}", clause.group(1), re.I) or DONE_BY_SUBJECT.search(named.description) \
            or bare_verb(clause.group(1).lower()) == bare_verb(does_verb.lower()):
        return None   # the fact's own job is the one asked: the answer is likely right, no contrast to ask about
    verb, rest = clause.groups()
    rest = re.sub(rf"\b(and|or)\s+(\w+s)\b(?=\s+{PRONOUN_NEXT})", lambda m: f"{m[1]} {bare_verb(m[2])}", rest)
    return f"{'Do' if plural else 'Does'} {{}} {bare_verb(verb)} {rest}?"


def named_check(named: Named, answer: str, does: tuple[str, str] | None = None) -> str:
    """A named answer that no fact decides, neither praised nor ruled out: what the student knows of the thing they
    named, then whether that makes it the thing the question describes ("What does a thermometer measure or show
    when you use it? Does that make a thermometer the instrument that is used to measure air pressure?"). When a fact
    says what the named thing does (`does`: its verb and object, "take", "oxygen"), the question asks about that
    instead, and then whether it does what the question describes ("What do the lungs do with oxygen? Do the lungs
    pump blood around the body?"): the job the student knows, set against the job asked."""
    said = echo(answer)
    if named.head and re.sub(r"^(?:an?|the)\s+", "", said.lower()) in (named.head, plural_of(named.head)):
        return f"The question already says it is a {named.head}: it asks which one. {named_help(named)}"  # "a gas"
    plural = bool(re.search(r"[^suia]s$", said.lower()))
    if does and (doing := asked_doing(named, plural, does[0])):
        return f"What {'do' if plural else 'does'} {said} do with {does[1]}? {doing.format(said)}"
    first = {"unit": f"Where have you seen {said} written beside a number, and what was being measured there?",
             "instrument": f"What does {said} measure or show when you use it?",
             "person": f"What is {said} famous for?",
             "part": f"What is the job of {said}?",  # "the lens" and "the chloroplasts" alike
             "superlative": f"How would {said} do in a test against other {plural_of(named.head or 'thing')}?"}.get(
        named.kind, f"What do you know about {said}?")
    return f"{first} Does that make {said} {named.description}?"


def main(argv: list[str]) -> None:
    if len(argv) not in (1, 2) or argv[0] in ("-h", "--help"):
        sys.exit(__doc__)
    named = named_question(argv[0])
    if named is None:
        sys.exit("error: the question does not ask for a name")
    print(named)
    print(named_check(named, argv[1]) if len(argv) == 2 else named_help(named))


if __name__ == "__main__":
    main(sys.argv[1:])
