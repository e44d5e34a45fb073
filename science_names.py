"""The named answer of a science question: which thing a fact names as the answer to a naming question ("Which
organ ...", "What gas do plants give off ...?", "Is a whale a fish or a mammal?"), the relation the question asks the
thing to have, the fact's clauses, what a named thing does, a unit a fact gives for its quantity, and the verdicts
that follow from them: a closed kind (the planets, the gases of the air, the organs, the changes of state, the rock
types, ...) whose one member a fact names rules out the others, a fact that says the student's thing does the
opposite of what is asked contradicts it, and a claim whose parts a fact pairs the other way round ("they take in
oxygen and give off carbon dioxide") is swapped. A list answer's items ("I know oxygen is one") and the facts that
list them are read here too. science_moves.py decides the move from them.
"""
from __future__ import annotations

import re

from evidence import KnowledgeBase, first_denied, key_terms, negated, quantifiers_kept
from text_words import base_forms, content_tokens, forms_of, has_negation, stem
from science_catalog import FORMULA_TOKEN, OPTIONS, SYNONYMS, WRITTEN_ANSWER, asked_kind, whole_list
from named_questions import named_question


def short_answer_fact(answer: str, question: str, facts: list[str]) -> str | None:
    """The fact whose one clause names the short answer ("chloroplasts"), every word of it, un-negated, beside the
    question's key terms in the question's order: all of them, or all but one of three or more. None when no clause
    does: "heavy things always sink" is not named by "A lever is used for moving heavy objects", "a gas" does not
    answer "fixed volume but no fixed shape" by "the gas phase has variable volume", nor "freezing" "ice turns into
    liquid water" by "Water freezes into ice". The place a question asks within ("in a plant cell") and the kind of
    thing it asks for ("which organ") are no key terms: the cell wall is named beside "plant cells" too."""
    asked = {stem for _, stem in content_tokens(question)}
    named = [word for word, stem in content_tokens(answer) if stem not in asked]
    formulas = FORMULA_TOKEN.findall(answer)  # "H2O" has no content word, yet names the answer
    within = " ".join(re.findall(r"\b(?:in|inside|within)\s+(?:an?\s+|the\s+|our\s+|your\s+)?((?:\w+\s+)?\w+)",
                                question, re.I)).lower().split()
    kinds = {*within, asked_kind(question), "type", "kind", "form", "part", "name"}  # "the name for": no term
    terms = [t for t in key_terms(question) if t.lower() not in kinds
             and not WRITTEN_ANSWER.fullmatch(t) and t.lower() != "chemical"]  # "chemical formula" names the kind
    if not 1 <= len(named) + len(formulas) <= 3 or not terms:
        return None
    relation = relation_of(question) or how_verb(question)
    done_by = relation and DONE_BY.search(question)
    if any(relation in group for group in SYNONYMS):  # "known as": said in its own word or a synonym ("called")
        terms = [t for t in terms if t.lower() != relation] or terms
    after = re.split(rf"\b{re.escape(relation)}\b", question, maxsplit=1, flags=re.I)[-1] if relation else ""
    said_next = re.match(r"\W*(?:(?:only|just|other|the|an?)\s+)*(?!(?:during|for|from|into|through|when|while|with|"
                         r"by|at|in|on|to)\b)([a-z]+)", after, re.I)  # its object: "eats just plants"
    target = next((t for t in terms if said_next and t.lower() == said_next.group(1).lower()), None)
    for fact in facts:
        clauses = fact_clauses(fact)
        for n, clause in enumerate(clauses):
            words = [base_forms(word) for word, _ in content_tokens(clause)]
            new = [base_forms(word) for word, stem in content_tokens(clause) if stem not in asked]  # "watt" is
            # not named by the question's own "water", though the two share a stem
            # "plants take in carbon dioxide and give off oxygen": a clause that says the verb asked about shares
            # the subject of the clauses before it
            bound = done_by and says_relation(clause, relation)  # the verb binds the answer: the order may vary
            defines = n == 0 and fact[len(clause):len(clause) + 1] == ":"  # "Condensation is ...: vapour cools ..."
            scope = [base_forms(word) for word, _ in content_tokens(" ".join(clauses[:n + 1]))] if bound else \
                [base_forms(word) for word, _ in content_tokens(fact)] if defines else words
            bound = bound or defines
            at: list[int | None] = []
            for t in terms:  # a repeated term ("an animal that eats other animals") is found after the first
                seen = [a for u, a in zip(terms, at) if a is not None and base_forms(u) & base_forms(t)]
                at.append(next((i for i, forms in enumerate(scope) if i > max(seen, default=-1)
                                and term_forms(t) & forms), None))
            repeated = [a for n_t, (t, a) in enumerate(zip(terms, at))  # the object named again is no optional term
                        if any(base_forms(t) & base_forms(u) for u in terms[:n_t])]
            found = [i for i in at if i is not None] if None not in repeated else []
            found = sorted(found) if bound else found
            if all(any(base_forms(w) & forms for forms in words) for w, _ in content_tokens(answer)) \
                    and all(any(base_forms(w) & forms for forms in new) for w in named) \
                    and all(re.search(rf"\b{re.escape(f)}\b", clause) for f in formulas) \
                    and not has_negation(clause) and found == sorted(found) and quantifiers_kept(answer, clause) \
                    and len(found) >= (len(terms) - 1 if len(terms) >= 3 else len(terms)) \
                    and (len(found) == len(terms) or not EXCLUSIVE.search(clause)) \
                    and (target is None or at[terms.index(target)] is not None) \
                    and (not relation or says_relation(clause, relation)) \
                    and not ranked_apart(clause, answer, question):
                return fact
    return None


# "eats only plants" sets its answer apart from all else: a clause that says it and leaves out one of the question's
# terms ("an animal that only eats meat") speaks of something else.
EXCLUSIVE = re.compile(r"\b(?:only|just)\b", re.I)


def term_forms(term: str) -> set[str]:
    """A question term's forms and those of its one-word science SYNONYMS ("nearest" for "closest")."""
    forms = base_forms(term)
    return forms.union(*(base_forms(word) for group in SYNONYMS if any(base_forms(w) & forms for w in group)
                         for word in group if " " not in word))


# "Which gas do plants take in ...": the verb after the question's subject (an article or a possessive and a noun, or
# one word), with its particle; a verb that only names ("call", "use") relates nothing a fact must repeat.
DONE_BY = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){1,4}?(?:do|does|did)\s+(?:(?:the|an?|our|your|their|its|"
                     r"most|all|green|human|many|some)\s+)?[\w'-]+\s+([a-z]+)"
                     r"(?:\s+(in|out|off|up|down|away|back|into))?\b", re.I)
NAMING_VERBS = {"call", "name", "know", "use", "have", "find", "see", "get", "mean"}


def chosen_fact(answer: str, question: str, facts: list[str]) -> str | None:
    """The fact that makes the one choice the answer names true of the question's subject: "Whales ... are mammals"
    for "a mammal" to "Is a whale a fish or a mammal?". Its sentence (or the part between colons) says the subject
    first (its first word is one of the subject's: "Pluto is the planet ... closest to the Sun" is about Pluto) and the
    chosen option, no other option but one it denies (`only_picked`); None when the answer names no single option or
    no fact says it so."""
    options = OPTIONS.search(question)
    if not options or not whole_list(question, options):
        return None
    choices = [forms_of(re.sub(r"^(?:an?|the)\s+", "", c.strip())) for c in re.split(r",|\bor\b", options.group(1))]
    choices = [c for c in choices if c]
    picked = [c for c in choices if c <= forms_of(answer)]
    others = [c for c in choices if c not in picked]
    subject = forms_of(either_subject(question))
    if len(picked) != 1 or not subject:
        return None
    # every word of the subject: "Water, H2O, is a compound" is about water, not about sea water
    words = [base_forms(word) for word, _ in content_tokens(either_subject(question))]
    for fact in facts:
        for part in re.split(r"[:;]|(?<=[.!?])\s+", fact):
            said, first = forms_of(part), next(iter(content_tokens(part)), ("", ""))[0]
            if picked[0] <= said and base_forms(first) & subject and all(word & said for word in words) \
                    and only_picked(part, picked[0], others):
                return fact  # it starts with the subject
    return None


def either_subject(question: str) -> str:
    """What an either-or question asks about: "Is a whale a fish or a mammal?" -> "a whale"."""
    options = OPTIONS.search(question)
    return re.sub(r"^\W*\w+\s+", "", question[:options.start(1)]).strip() if options else ""


def other_chosen(answer: str, question: str, facts: list[str]) -> str | None:
    """The other option of an either-or question that a fact makes true of its subject (`chosen_fact`), where the
    answer names one option: "mammal" to "a bird" for "Is a bat a bird or a mammal?"."""
    options = OPTIONS.search(question)
    listed = [re.sub(r"^(?:an?|the)\s+", "", c.strip()) for c in re.split(r",|\bor\b", options.group(1))] \
        if options else []
    if sum(forms_of(c) <= forms_of(answer) for c in listed if c) != 1:
        return None
    return next((c for c in listed if c and not forms_of(c) <= forms_of(answer) and chosen_fact(c, question, facts)),
                None)


def only_picked(part: str, picked: set[str], others: list[set[str]]) -> bool:
    """Does the part say the picked option and no other, or deny only the others ("they are mammals too, not
    birds")? A part that denies anything else, or the pick, says something else."""
    said, denied = forms_of(part), first_denied(part)
    if not has_negation(part):
        return not any(c & said for c in others)
    refused = {stem(w) for c in others for w in c}
    return bool(denied) and denied <= refused and not {stem(w) for w in picked} & negated(part)


def relation_of(question: str) -> str:
    """What a naming question asks the answer to do or be: the verb and its particle after a "which X do S"
    ("take in" in "What gas do plants take in for photosynthesis?"), else the first word of the clause that its
    description hangs on "that" ("controls" in "What part of the eye controls how much light enters it?", "closest"
    in "Which planet is closest to the Sun?"). A fact that leaves it out names the thing in another role ("Plants
    are a source of oxygen" gives oxygen off, it does not take it in; "Light enters the eye through the pupil"
    names the way in, not what controls it), however many of the other key terms it shares. "" for other
    questions."""
    if done := DONE_BY.search(question):
        verb = done.group(1).lower()
        return "" if verb in NAMING_VERBS else " ".join(filter(None, [verb, (done.group(2) or "").lower()]))
    named = named_question(question)
    clause = re.split(r"\b(?:that|who|which)\s+", named.description, maxsplit=1) if named else []
    words = [word for word, stem in content_tokens(clause[1])] if len(clause) == 2 else []
    return next((w for w in words if w not in ("is", "are", "do", "does", "did")), "")


# "How do plants take in water?": the verb a way or a means is asked for (a generic "work", "happen" names none)
HOW_DONE = re.compile(r"^\W*how\s+(?:do|does|did|can|could)\s+(?:(?:the|an?|our|your|their|its|most|all|green|human|"
                      r"many|some)\s+)?[\w'-]+\s+([a-z]+)(?:\s+(in|out|off|up|down|away|back|into))?\b", re.I)
GENERIC_HOW = {"work", "happen", "help", "do", "make", "get", "become", "change", "affect", "form", "know", "tell",
               "use", "look", "keep", "stay", "go", "come", "feel", "cause"}


def how_verb(question: str) -> str:
    """The verb of a how-question about a thing's own action ("take in" in "How do plants take in water?"): a short
    answer ("through the leaves") is named by a fact only where the fact says that action, never by one that shares
    its other words ("Plants control the amount of water in their leaves"); "" for other questions."""
    done = HOW_DONE.search(question)
    if not done or done.group(1).lower() in GENERIC_HOW:
        return ""
    return " ".join(filter(None, [done.group(1).lower(), (done.group(2) or "").lower()]))


def asked_verb(question: str) -> str:
    """The verb of what a naming question describes, helping verbs too: "has" in "Which type of animal has
    feathers?", "lays" in "Which animal lays eggs?"; "" when it describes nothing."""
    named = named_question(question)
    clause = re.split(r"\b(?:that|who|which)\s+", named.description, maxsplit=1) if named else []
    verb = re.match(r"\s*([a-z]+)", clause[1]) if len(clause) == 2 else None
    return {"has": "have", "does": "do", "is": "be", "are": "be"}.get(verb.group(1).lower(), verb.group(1)) \
        if verb else ""


def says_relation(clause: str, relation: str) -> bool:
    """Does the clause say the relation, itself or one of its SYNONYMS ("release" for "give off"), in any form of
    its verb, its particle no more than three words after it ("breathe it out", "take in")?"""
    words = re.findall(r"[a-z']+", clause.lower())
    for phrase in next((group for group in SYNONYMS if relation in group), [relation]):
        verb, *particle = phrase.split()
        for i, word in enumerate(words):
            if base_forms(word) & base_forms(verb) and all(p in words[i + 1:i + 4] for p in particle):
                return True
    return False


ORDINAL = re.compile(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|\d+(?:st|nd|rd|th))\b",
                     re.I)


def ranked_apart(clause: str, answer: str, question: str) -> bool:
    """Does the clause put the answer beside the asked thing only to set it apart: the thing compared with ("far
    larger than the Earth"), a rank the question does not ask ("the third closest" for "the closest"), or a share
    without the question's "most" or "least", or a "both" or "only" that one of the two lacks?"""
    said = re.escape(answer.strip(" .!?").lower())
    compared = re.search(rf"\bthan\s+(?:\w+\s+){{0,2}}?{said}\b", clause.lower()) is not None
    share = re.search(r"\b(?:most|least)\b", question, re.I)  # "most of the air", not "one part in five of it"
    paired = any(bool(re.search(rf"\b{w}\b", question, re.I)) != bool(re.search(rf"\b{w}\b", clause, re.I))
                 for w in ("both", "only"))  # "eats both plants and animals" answers no "eats other animals"
    return compared or bool(ORDINAL.search(clause)) and not ORDINAL.search(question) or paired or \
        bool(share) and not re.search(rf"\b{share.group().lower()}\b", clause.lower())


def fact_clauses(fact: str) -> list[str]:
    """The fact's clauses, a formula in apposition kept with the thing it names ("Water, H2O, is a compound ..."),
    a pair joined by "both ... and" or "between ... and" kept whole ("eats both plants and animals")."""
    clauses: list[str] = []
    paired = re.sub(r"\b(both|between)\s+((?:[\w-]+\s+){1,2}?)and\b", r"\1 \2&", fact, flags=re.I)
    for part in (part.replace("&", "and") for part in re.split(r"[,;:]|\band\b|\bbut\b", paired)):
        if clauses and len(part.split()) == 1 and FORMULA_TOKEN.search(part):
            clauses[-1] += f" {part.strip()}"
        else:
            clauses.append(part)
    return clauses


def what_it_does(answer: str, facts: list[str]) -> tuple[str, str] | None:
    """What a fact says the named thing does, as its verb and the object's first content word: ("take", "oxygen")
    from "The lungs are the organs that take oxygen from the air" or "The lungs take in oxygen"; None when no fact
    has the answer as its subject with a verb of doing ("Mars is called the red planet" says what it is called)."""
    name = re.escape(re.sub(r"^(?:an?|the)\s+", "", answer.strip(), flags=re.I))
    for fact in facts:
        for clause in fact_clauses(fact):
            m = re.match(rf"^\W*(?:the\s+|an?\s+)?{name}\s+(?:(?:is|are)\s+(?:the|an?)\s+[\w-]+\s+(?:that|which)\s+)?"
                         r"(?!is\b|are\b|was\b|were\b|has\b|have\b|can\b|may\b)([a-z]+)\s+(.+)$", clause, re.I)
            # its object right after the verb and its particles, with its article: "oxygen", "down food", "the blood"
            thing = re.match(r"(?:(?:in|out|up|down|off|away|back|on)\s+)*((?:(?:the|its|their|our|your)\s+)?"
                             r"[a-z]{3,})\b", m.group(2), re.I) if m else None
            if thing and content_tokens(thing.group(1)[-20:].split()[-1]):
                return m.group(1), thing.group(1)
    return None



# "It was Marie Curie", "it's the crust": the name, without the words that lead to it.
NAME_LEAD = re.compile(r"^\W*(?:(?:it|that|this|they)\s+(?:is|was|are|were|would be|must be)|it'?s|that'?s)\s+", re.I)


def named_answer(head: str) -> str:
    """The name a short answer gives: "Iron" -> "iron" (a capital that only opens the sentence), "the ampere, amps"
    -> "the ampere" (the first of its names); "Marie Curie" keeps her capitals."""
    name = re.split(r"\s*[,;(]\s*", NAME_LEAD.sub("", head).strip(" .!") or head)[0]
    words = name.split()
    return name[:1].lower() + name[1:] if words and not any(w[:1].isupper() for w in words[1:]) \
        and not FORMULA_TOKEN.search(name) else name


def unit_fact(answer: str, quantity: str, facts: list[str]) -> str | None:
    """The fact that gives the answer as the unit of the quantity ("current (I, in amperes)", "energy is measured
    in joules", "The newton is the unit of force"), un-negated; None when none does: "voltage (V, in volts)" gives
    no unit of current, however close the two stand in one sentence."""
    words = [word for word, _ in content_tokens(answer)]
    if not words:
        return None
    stem = words[0].rstrip("s")  # "amps" names the amperes it shortens
    unit = rf"{re.escape(stem)}\w*" if len(stem) >= 3 else rf"{re.escape(stem)}s?"
    asked = re.escape(quantity.split()[-1])
    patterns = [rf"\b{asked}\w*\s*\([^)]*\bin\s+{unit}\b[^)]*\)",
                rf"\b{asked}\w*\s+(?:is|are)\s+(?:usually\s+)?measured\s+in\s+(?:units\s+called\s+)?{unit}\b",
                rf"\b{unit}\b(?:\s*\([^)]*\))?\s+(?:is|are)\s+(?:the\s+)?(?:si\s+)?units?\s+(?:of|for)\s+"
                rf"(?:\w+\s+)?{asked}",
                rf"\bmeasure\w*\s+(?:\w+\s+){{0,2}}?{asked}\w*\s+in\s+{unit}\b"]
    return next((fact for fact in facts for sentence in re.split(r"(?<=[.!?])\s+", fact)
                 if not has_negation(sentence) and any(re.search(p, sentence, re.I) for p in patterns)), None)




# The closed kinds a naming question may ask among: where a fact names one member as the answer, the others are not.
KINDS = {"planet": ["Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune"],
         "gas": ["oxygen", "carbon dioxide", "nitrogen", "hydrogen", "helium", "methane"],
         "organ": ["heart", "lungs", "brain", "stomach", "liver", "kidneys", "skin", "bladder"],
         "change": ["evaporation", "condensation", "melting", "freezing", "boiling", "sublimation"],
         "rock": ["igneous", "sedimentary", "metamorphic"], "state of matter": ["solid", "liquid", "gas"],
         "force": ["gravity", "friction", "magnetism", "upthrust", "tension"],  # air resistance is friction too
         "plant part": ["roots", "stem", "leaves", "flowers", "seeds", "fruit"],
         "animal": ["mammals", "birds", "fish", "reptiles", "amphibians", "insects"]}
# Kinds whose members rule each other out as the answer to one question: one rock type forms from lava, where both
# gravity and air resistance act on a falling leaf and both roots and stem carry water.
EXCLUSIVE_KINDS = {"planet", "change", "rock", "state of matter"}
# Kinds of which many members may answer one question ("Which animal lays eggs?": birds, fish, reptiles): a fact
# about the student's member rules it out only where it says the asked relation otherwise ("Mammals have hair" to
# "Which animal has feathers?"); "Fish breathe with gills" says nothing against fish laying eggs.
SHARED_KINDS = {"force", "plant part", "animal"}
# "What is it called when water vapour turns into liquid water?": a change of state asked for by name.
CHANGE_ASKED = re.compile(r"\b(?:(?:is\s+it|do\s+(?:we|you)\s+call\s+it|is\s+the\s+name\s+for\s+it)\s+(?:called\s+)?"
                          r"when|which\s+(?:process|change))\b.*\b(?:solid|liquid|gas|vapou?r|water|ice|steam)\b",
                          re.I)
# Relations that run the other way: a fact that says the student's thing is taken in contradicts it as given off.
OPPOSED = [("give off", "take in"), ("breathe out", "breathe in")]


def asked_among(question: str) -> str | None:
    """The closed kind the question asks for one member of ("Which planet ...", "What gas ...", "What is it called
    when ice turns into water?"), or None."""
    named = named_question(question)
    if named and named.head in KINDS:
        return named.head
    if named and named.head == "part" and re.search(r"\bplants?\b", named.noun or ""):  # not a flower's parts
        return "plant part"
    return "change" if CHANGE_ASKED.search(question) else None


def member(answer: str, kind: str) -> str | None:
    """The member of the kind the answer names, every word of it and nothing more but the kind's own ("the lungs" ->
    "lungs", "igneous rock" -> "igneous")."""
    said = {stem for _, stem in content_tokens(answer)} - {stem for _, stem in content_tokens(kind)}
    return next((m for m in KINDS[kind] if said == {stem for _, stem in content_tokens(m)}), None)


def named_member(kind: str, question: str, kb: KnowledgeBase) -> str | None:
    """The one member of the kind a fact names as the answer (`short_answer_fact`), as the thing the fact is about:
    it opens the fact ("Mercury is the planet closest to the Sun"; "The Sun is the star closest to the Earth" is no
    fact about the Earth), a gas excepted, which a fact names as what its subject takes or gives. None when none or
    two are named."""
    named = []
    for m in KINDS[kind]:
        facts = [hit["text"] for hit in kb.search(f"{question} {m}", k=4)]
        fact = short_answer_fact(m, question, facts) or subject_fact(m, kind, question, facts)
        if fact and (kind == "gas" or re.match(rf"\W*(?:the\s+)?(?:\w+'s\s+)?{re.escape(m)}\b", fact, re.I)):
            named.append(m)
    return named[0] if len(named) == 1 else None


def subject_fact(thing: str, kind: str, question: str, facts: list[str]) -> str | None:
    """The fact sentence that opens with the member as its subject and says what the question describes: every key
    term beyond the kind's own words and the question's relation (all but one of three or more), un-negated: "Igneous
    rocks form when melted rock, called magma or lava, cools and hardens" for "What type of rock is formed from
    cooled lava?", though no one clause of it holds all that."""
    kinds = {stem for _, stem in content_tokens(f"{kind} type kind form sort")}
    terms = [term_forms(t) for t in key_terms(question) if not {s for _, s in content_tokens(t)} <= kinds]
    relation = relation_of(question)  # "takes" in "Which part ... takes in water": said, it counts as a term
    # the fact opens with the member: another one named later ("carries water up to the leaves") is no rival
    for fact in facts:
        for sentence in re.split(r"(?<=[.!?])\s+", fact):
            said = forms_of(sentence)
            met = sum(bool(t & said) for t in terms) + bool(relation and says_relation(sentence, relation))
            wanted = len(terms) + bool(relation)
            if terms and re.match(rf"\W*(?:the\s+|an?\s+)?(?:\w+'s\s+)?{re.escape(thing)}\b", sentence,
                                            re.I) \
                    and not has_negation(sentence) and met >= wanted - (wanted >= 3):
                return fact
    return None


def about_member(thing: str, kind: str, question: str, kb: KnowledgeBase) -> str | None:
    """A fact sentence about the student's member that shows what it is instead: it opens with the thing, names no
    other member (never the answer), denies nothing and shares none of the question's key terms beyond the kind
    ("The stomach is the organ that breaks down food" for "Which organ takes in oxygen?"; nothing about the stomach
    for "Which organ digests food?", which a stomach fact would speak to); a change of state, the same change the
    other way round (`reversed_change`)."""
    terms = [base_forms(t) for t in key_terms(question) if t.lower() not in (kind, "type", "kind")]
    asked = set().union(*terms)
    others = [forms_of(m) for m in KINDS[kind] if m != thing]
    for hit in kb.search(thing, k=6):
        for sentence in re.split(r"(?<=[.!?])\s+", hit["text"]):
            said = forms_of(sentence)
            apart = reversed_change(question, sentence) if kind == "change" else not asked & said or \
                len(terms) >= 3 and sum(bool(t & said) for t in terms) <= 1  # "form" alone: no other answer
            if re.match(rf"\W*(?:the\s+)?{re.escape(thing)}\b", sentence, re.I) and not has_negation(sentence) \
                    and not any(o <= said for o in others) and apart and len(sentence.split()) <= 25:
                return sentence
    return None


STATES = {"solid": "solid", "ice": "solid", "liquid": "liquid", "gas": "gas", "vapour": "gas", "vapor": "gas",
          "steam": "gas"}


def states_in(text: str) -> list[str]:
    """The states of matter a text names, in order, each once: "water vapour turns into liquid water" -> gas, liquid."""
    return list(dict.fromkeys(STATES[w] for w in re.findall(r"[a-z]+", text.lower()) if w in STATES))


def reversed_change(question: str, sentence: str) -> bool:
    """Does the sentence describe the change the other way round: "Evaporation is when liquid water turns into
    vapour" for the question's vapour turning into liquid? A change between other states says nothing of it."""
    asked, said = states_in(question), states_in(sentence)
    return len(asked) == 2 and said[:2] == asked[::-1]


def opposed_fact(answer: str, question: str, facts: list[str]) -> str | None:
    """The fact clause that says the question's subject does the opposite with the student's thing: "Plants take in
    carbon dioxide from the air" to "carbon dioxide" for "What gas do plants give off?". It holds the thing and one of
    the question's other key terms, says the opposed relation (or a synonym) and not the asked one, denies nothing,
    and names no other thing the question's kind counts (so it never says the answer)."""
    asked = next(((a, b) for pair in OPPOSED for a, b in (pair, pair[::-1])
                  if says_relation(question, a) and not says_relation(question, b)), None)
    kind = asked_among(question)
    thing = forms_of(answer)
    terms = [base_forms(t) for t in key_terms(question) if t.lower() != kind]
    if not asked or not thing:
        return None
    others = [forms_of(m) for m in KINDS.get(kind or "", []) if not forms_of(m) <= thing]
    for fact in facts:
        for n, clause in enumerate(fact_clauses(fact)):
            said = forms_of(clause)
            if (n == 0 or OWN_SUBJECT.match(clause)) and thing <= said and any(t & said for t in terms) \
                    and says_relation(clause, asked[1]) \
                    and not says_relation(clause, asked[0]) and not has_negation(clause) \
                    and not any(o <= said for o in others):
                return clause.strip(" .")
    return None


OWN_SUBJECT = re.compile(r"\W*(?:we|they|you|it|he|she|plants|animals|people)\b", re.I)  # a clause said whole


def roles_swapped(claim: str, sentence: str) -> bool:
    """Does the claim pair the fact's words the other way round? Either two of its clauses each take words from the
    same two clauses of the fact ("they take in oxygen and give off carbon dioxide" against "Green plants give off
    oxygen and take in carbon dioxide"), or two words stand on the two sides of a shared word in one order in the
    claim and in the other in the fact ("the Earth goes around the Moon" against "The Moon goes around the Earth"). A
    passive sentence ("... is given off by plants") says its words the other way round without swapping them."""
    if PASSIVE.search(claim) or PASSIVE.search(sentence):
        return False
    parts = [set(role_words(part)) for part in re.split(r",|;|\band\b", claim)]
    shared = [p - set().union(*(q for q in parts if q is not p)) for p in parts]  # the subject both clauses share
    homes = [set(role_words(c)) for c in fact_clauses(sentence)]
    spans = [frozenset(i for w in p for i, h in enumerate(homes) if w in h) for p in shared]
    spread = [s for s in spans if len(s) >= 2]
    if any(len(a & b) >= 2 for i, a in enumerate(spread) for b in spread[i + 1:]):
        return True
    if COPULA.search(claim) or COPULA.search(sentence):  # "the planet closest to the Sun is Mercury": no swap
        return False
    said, stated = role_words(claim), role_words(sentence)
    for pivot in set(said) & set(stated):
        if said.count(pivot) != 1 or stated.count(pivot) != 1:
            continue
        a, b = set(said[:said.index(pivot)]), set(said[said.index(pivot) + 1:])
        c, d = set(stated[:stated.index(pivot)]), set(stated[stated.index(pivot) + 1:])
        if (a & d) - c and (b & c) - d:
            return True
    return False


PARTICLES = {"in", "out", "off", "into"}  # "breathe in" and "breathe out" differ by their particle only
COPULA = re.compile(r"\b(?:is|are|was|were)\b", re.I)


def directions_said(claim: str, sentence: str) -> bool:
    """Does the sentence say every direction the claim gives ("in", "out", "off")? "carbon dioxide goes in" is not
    borne out by a fact where carbon dioxide is only "breathed out", though every noun of it is there."""
    given = {m.group(1).lower() for m in DIRECTION.finditer(claim)}
    return not given - set(role_words(sentence))


def relation_kept(claim: str, sentence: str) -> bool:
    """Does the sentence pair each thing the claim takes in, gives off or breathes out with the same verb and
    particle? "plants take in oxygen" is not borne out by "Plants take in carbon dioxide ... and give off oxygen",
    though every word of it is there: in the fact, oxygen is given off."""
    words = re.findall(r"[a-z']+", sentence.lower())
    for m in re.finditer(rf"\b([a-z]+)\s+{DIRECTION.pattern}", claim, re.I):  # "turns into" names a change, no pairing
        if m.group(2).lower() == "into":
            continue
        relation = f"{m.group(1).lower()} {m.group(2).lower()}"
        for thing, _ in content_tokens(" ".join(claim[m.end():].split()[:3])):  # what the verb acts on
            at = [i for i, w in enumerate(words) if base_forms(w) & base_forms(thing)]
            if at and not any(says_relation(" ".join(words[max(0, i - 5):i]), relation) for i in at):
                return False
    return True


# "their eyes make their own light", "the Moon gives off light": a thing said to be made by its subject
MAKES = re.compile(r"\b(?:make|makes|made|making|produce|produces|produced|create|creates|created|gives?\s+off|"
                   r"give\s+out|gives\s+out|emits?|glows?)\s+(?:(?:its|their|his|her|our|your|my)\s+)?(?:own\s+)?"
                   r"([a-z]+)", re.I)
MAKING = {form for word in ("make", "made", "produce", "create", "give", "emit", "glow", "release", "generate",
                            "form", "manufacture", "shine", "radiate") for form in base_forms(word)}


def made_kept(claim: str, sentence: str) -> bool:
    """Does the sentence say that something makes each thing the claim says is made? "their eyes make their own
    light" is not borne out by "light from a source bounces off it and enters our eyes", though both say eyes and
    light: in the fact nothing near the light makes it."""
    words = re.findall(r"[a-z']+", sentence.lower())
    for m in MAKES.finditer(claim):
        at = [i for i, w in enumerate(words) if base_forms(w) & base_forms(m.group(1).lower())]
        if at and not any(base_forms(w) & MAKING for i in at for w in words[max(0, i - 6):i]):
            return False
    return True


# A verb's particle: after a word, not before an article ("goes in", "take in carbon dioxide"; not "in the cell").
DIRECTION = re.compile(r"(?<=[a-z] )(in|out|off|into)\b(?!\s+(?:the|an?|its|their|our|your|my|his|her)\b)", re.I)


def role_words(text: str) -> list[str]:
    """The text's content stems and its verbs' particles, in order: what a swap moves."""
    return [word if word in PARTICLES else tokens[0][1] for word in re.findall(r"[a-z']+", text.lower())
            if word in PARTICLES or (tokens := content_tokens(word))]


PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?\w+(?:ed|en|wn)\b.*\bby\b", re.I)


# A question that asks for several things: "What are the products of ...", "what gases are in ...", "the three types
# of rock", "What do plants need ...".
PLURAL = r"[a-z]+s(?<![aiu]s)(?<!ss)"  # "gases", "organs"; not "gas", "virus" or "glass"
LIST_ASK = re.compile(rf"\b(?:two|three|four|five|six|seven|eight|several|main)\s+(?:[a-z]+\s+)?{PLURAL}\b|"
                      rf"^\W*(?:what|which)\s+(?:are|were)\s+(?:the\s+|some\s+)?(?:[a-z]+\s+)?{PLURAL}\b|"
                      rf"^\W*(?:what|which)\s+{PLURAL}\s+(?:are|were|do|does)\b|^\W*what\s+do(?:es)?\s+.+\bneeds?\b",
                      re.I)
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
# "I know oxygen is one", "nitrogen is one of them I think", "one of them is sunlight": a part of a list answer
PART_SAID = re.compile(r"\s+(?:is|are)\s+(?:one|two|some|part)(?:\s+of\s+(?:them|the\s+[a-z]+|those|these))?\b.*$|"
                       r"^\W*(?:one|some)\s+(?:of\s+them\s+)?(?:is|are)\s+", re.I)
ITEM_LEAD = re.compile(r"^\W*(?:(?:i\s+(?:know|think|guess|believe|remember)|i'?m\s+(?:pretty\s+|quite\s+)?sure|maybe|"
                       r"probably|well|so|um+)\b\W*)+", re.I)
UNSURE = re.compile(r"\b(?:not sure|don'?t know|no idea|forgot|can'?t remember|i think|i guess)\b", re.I)
NOT_ITEM = re.compile(r"\b(?:is|are|was|were|do|does|did|has|have|can|will|it|they|because|makes?|turns?|goes|"
                      r"needs?|uses?|gets?)\b|\d", re.I)


def listed_items(claim: str, question: str) -> tuple[list[str], bool] | None:
    """The things a list answer names, and whether it says they are only part of the answer: "I know oxygen is one"
    -> (["oxygen"], True), "igneous and sedimentary, I'm not sure about the third" -> (["igneous", "sedimentary"],
    True). None when the question asks for one thing, or the answer says more than names: "they give off oxygen"
    states an idea, which the facts judge whole. A lone name with no word that it is one of several is no list:
    the facts judge it as any short answer."""
    if not LIST_ASK.search(question):
        return None
    parts = [p for p in re.split(r",|;|\bbut\b", claim) if p.strip()]
    kept = [p for p in parts if not UNSURE.search(p) or PART_SAID.search(p)]
    part = len(kept) < len(parts) or any(PART_SAID.search(p) for p in kept)
    items = [re.sub(r"^(?:and|or)\s+", "", ITEM_LEAD.sub("", PART_SAID.sub("", p)).strip(" .!?"), flags=re.I)
             for p in kept]
    items = [i for piece in items for i in re.split(r"\s+(?:and|&)\s+", piece) if i.strip()]
    if not items or any(len(i.split()) > 3 or NOT_ITEM.search(i) or not content_tokens(i) for i in items):
        return None
    return (items, part) if part or len(items) >= 2 else None


def count_asked(question: str) -> int:
    """How many things the question asks for, 0 when it does not say: "the three states of matter" -> 3."""
    return next((n for word, n in COUNTS.items() if re.search(rf"\b{word}\b", question, re.I)), 0)


def members_asked(question: str) -> str | None:
    """The closed kind whose members the question asks for and nothing more ("What are the three types of rock?",
    "What are the states of matter?"): each member is then part of the answer by the kind itself."""
    asked = {stem for _, stem in content_tokens(question)} - {stem for _, stem in content_tokens(
        "type kind main different name list " + " ".join(COUNTS))}
    return next((kind for kind in KINDS if asked and asked <= {stem for _, stem in content_tokens(kind)}), None)


def list_fact(item: str, question: str, kb: KnowledgeBase) -> str | None:
    """The fact sentence that lists the item among others beside every content word of the question, un-negated:
    "Plants need sunlight, water, air and nutrients from the soil" for "water" to "What do plants need to grow?".
    One that misses a word lists for another question: what plants need to grow is not what photosynthesis uses,
    nor is the sugar a plant makes "to grow" what it needs."""
    terms = [base_forms(word) for word, _ in content_tokens(question) if word.lower() not in COUNT_WORDS]  # "need"
    for hit in kb.search(f"{question} {item}", k=6) if terms else []:
        for sentence in re.split(r"(?<=[.!?])\s+", hit["text"]):
            said = forms_of(sentence)
            if forms_of(item) <= said and re.search(r",[^,]+\band\b", sentence) and not has_negation(sentence) \
                    and all(t & said for t in terms) and not made_from(item, sentence, question):
                return sentence
    return None


COUNT_WORDS = {*COUNTS, "main", "different", "some"}  # how many things a list question asks for, not which


def made_from(item: str, fact: str, question: str) -> bool:
    """Does a fact that writes a reaction ("glucose + oxygen -> carbon dioxide + water") name the item only among
    what goes in, where the question asks for the products? Oxygen is named beside respiration, yet not made by it."""
    sides = re.split(r"->|→", fact, maxsplit=1)
    return bool(re.search(r"\bproducts?\b", question, re.I)) and len(sides) == 2 \
        and bool(forms_of(item) <= forms_of(sides[0])) and not forms_of(item) <= forms_of(sides[1])
