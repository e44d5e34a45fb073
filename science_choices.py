"""Lettered multiple-choice science questions: the one choice the topic card accepts or a fact names as the answer
decides a pick (`choice_fact`), a fact that contradicts the picked choice rules it out (`ruling_fact`), and a stuck
student is given the fact that says what the asked word means (`key_idea`) to weigh each choice against. A pick
nothing decides is asked for its reason: a card or fact that would take two of the choices confirms none.

    .venv/bin/python science_choices.py "Which of these is a mammal?" "a whale" "a shark" 0
"""
from __future__ import annotations

import re
import sys

from evidence import KnowledgeBase, Move, judge_claim, key_terms
from text_words import base_forms, content_tokens, forms_of, has_negation
from science_catalog import card_verdict, match_card, plural
from science_moves import follow_up
from science_names import short_answer_fact
from student_message import about


def choice_move(question: str, choices: list[str], picked: int | None, kb: KnowledgeBase) -> Move:
    """A lettered multiple-choice question: the one choice the topic card accepts or a fact names as the answer
    (`choice_fact`) decides a pick, a wrong pick is flagged at that choice (with the fact that rules it out when one
    names it and the options share no word), a pick nothing decides is asked for its reason (a short choice is never
    confirmed by a card or fact that would take two of the choices), a stuck student is asked about each choice or
    gets the topic card's observation."""
    card = match_card(question, key_terms(question))
    right = [i for i, choice in enumerate(choices)  # the card's accepted answer, else a fact's
             if card and card_verdict(card, choice) == "right" or choice_fact(choice, question, kb)]
    right_at = right[0] if len(right) == 1 else None
    asked = ASKED_PREDICATE.match(question)
    fits_it = f"which choice {asked.group(1)}" if asked else f"which choice answers {about(question)}"
    if picked is None:
        listed = ", ".join(f"\"{c}\"" for c in choices[:-1]) + f" and \"{choices[-1]}\""
        if not card and (idea := key_idea(question, choices, kb)):  # what the asked word means, no choice named
            return Move(f"Here is the key idea: \"{idea}\" Which of {listed} fits it, and what rules out each of the "
                        f"others?", "fact", None, [idea])
        return Move(f"{card.opening} Then go back to the choices: {fits_it}?" if card else
                    f"Take the choices one at a time: what do you know about {listed}? Then decide {fits_it}: what "
                    f"rules out each of the others?", "card" if card else "fact", None, [])
    said = f"{'ABCDEFGH'[picked]}, \"{choices[picked]}\","
    if right_at == picked:
        grounds = [card.idea] if card and card_verdict(card, choices[picked]) == "right" else \
            [choice_fact(choices[picked], question, kb)]
        asked_choice = OF_THESE.sub(r"\1 choice", question)  # "which of these is" reads as "which choice is"
        return Move(f"Yes: {said[:-1]} is right. {card.next if card else follow_up(choices[picked], asked_choice)}",
                    "fact", "supported", grounds)
    ruled = ruling_fact(choices[picked], question, choices, kb)
    if ruled:
        return Move(f"Check choice {said} against this fact: \"{ruled}\" What does it tell you about "
                    f"\"{choices[picked]}\", and {fits_it} instead?", "fact", "contradicted", [ruled])
    if right_at is not None:
        return Move(f"Choice {said} does not fit. {card.opening}" if card else
                    f"Choice {said} does not fit. What do you know about \"{choices[picked]}\"? Go through the "
                    f"other choices the same way: {fits_it}?", "fact", "contradicted", [])
    # no card or fact decides between the choices: a card that accepts two of them ("water turning to vapour",
    # "vapour turning to water") or none judges no pick, so the student's reason is asked for
    return Move(f"Why {said[:-1]}? {card.opening}" if card else
                f"Why {said[:-1]}? Say what you know about \"{choices[picked]}\", then decide {fits_it}: what rules "
                f"out each of the other choices?", "card" if card else "fact", "unclear", [])


def choice_fact(choice: str, question: str, kb: KnowledgeBase) -> str | None:
    """The fact that names this choice as the answer: it names the whole choice beside the question's key terms
    (`short_answer_fact`: "Mercury is the planet closest to the Sun"), or it opens with the choice as its subject and
    bears out the choice said with the question's predicate ("The lungs are the organs that take oxygen ..." for
    "lungs" to "Which organ takes in oxygen?"). A fact that opens with another thing ("The Sun is the star closest to
    the Earth") names no "Earth" as the planet closest to the Sun."""
    asked = ASKED_PREDICATE.match(question)
    facts = [hit["text"] for hit in kb.search(f"{question} {choice}", k=4)]
    if (found := short_answer_fact(choice, question, facts)) or not asked:
        return found
    verdict = judge_claim(f"{choice} {asked.group(1)}", facts, question)
    words = [word for word, _ in content_tokens(choice)]
    opens = verdict.sentence and re.match(rf"\W*(?:the\s+|an?\s+)?{re.escape(words[0])}", verdict.sentence, re.I) \
        if words else None
    if verdict.label == "supported" and opens:
        return verdict.sentence
    # "Which of these is a mammal?": a fact that opens with the choice and says it is one ("Whales, dolphins and
    # seals live in the sea but are mammals"), denying nothing
    kind = re.fullmatch(r"(?:is|are)\s+(?:an?\s+)?([a-z]+)", asked.group(1), re.I)
    facts = [hit["text"] for hit in kb.search(f"{choice} {asked.group(1)}", k=4)] if kind else []
    return next((fact for fact in facts if words and not has_negation(fact)
                 and re.match(rf"\W*(?:the\s+|an?\s+)?{re.escape(words[0])}", fact, re.I)
                 and re.search(rf"\b(?:is|are)\s+(?:\w+\s+)?(?:an?\s+)?{re.escape(plural(kind.group(1)))}\b"
                               rf"|\b(?:is|are)\s+(?:\w+\s+)?an?\s+{re.escape(kind.group(1))}\b", fact, re.I)), None)


OF_THESE = re.compile(r"^(\W*which)\s+(?:one\s+)?of\s+(?:these|the following|them)(?:\s+[a-z]+(?=\s+(?:is|are)\b))?",
                      re.I)  # "Which of these animals is ...": which choice is
# "Which organ takes in oxygen?", "Which of these is a gas at room temperature?": what the answer must do or be; in
# "Which gas do we breathe out?" the "gas" is the noun, no verb; "Which living thing is ..." names its kind in two.
ASKED_PREDICATE = re.compile(r"^\W*(?:which|what)\s+(?:(?:one\s+)?of\s+(?:these|the following|them)\s+"
                             r"(?:[a-z]+\s+(?=(?:is|are|was|were|has|have|can)\b))?|"
                             r"[a-z]+\s+(?:of\s+(?:an?|the)\s+[a-z]+\s+|"
                             r"(?!(?:is|are|was|were|has|have|can)\b)[a-z]+\s+(?=is\b|are\b))?)?"
                             r"((?:is|are|was|were|has|have|can)\b.+?|(?!does\b)[a-z]+s\b(?!\s+(?:do|does|did)\b).+?)"
                             r"\W*$", re.I)


def key_idea(question: str, choices: list[str], kb: KnowledgeBase) -> str | None:
    """The fact sentence that says what the asked word means ("A producer is a living thing that makes its own food,
    as green plants do with sunlight" for "Which of these is a producer?"): it names every key term of what the
    answer must be, is no negation, and names no choice, not even inside a longer word ("worms" for "earthworm"), so
    the student still weighs each choice against it. The whole a part is asked of ("Which part of the cell ...") is a
    term too: "The brain is the organ that controls the body" says nothing of what controls a cell."""
    asked = ASKED_PREDICATE.match(question)
    whole = re.findall(r"\bof\s+(?:an?|the)\s+([a-z]+)", question[:asked.start(1)], re.I) if asked else []
    terms = [*key_terms(asked.group(1)), *whole] if asked else []
    named = {stem for choice in choices for _, stem in content_tokens(choice) if len(stem) >= 3}
    for hit in kb.search(question, k=6) if terms else []:
        for sentence in re.split(r"(?<=[.!?])\s+", hit["text"]):
            words = {stem for _, stem in content_tokens(sentence)}
            if all(base_forms(t) & forms_of(sentence) for t in terms) and not has_negation(sentence) \
                    and not any(a in b or b in a for a in words for b in named if len(a) >= 3):
                return sentence
    return None


def ruling_fact(choice: str, question: str, choices: list[str], kb: KnowledgeBase) -> str | None:
    """The fact sentence that contradicts the choice said with the question's predicate and names the choice's own
    word ("Materials that do not let electricity flow easily, such as plastic, ... are insulators" for "plastic
    spoon" as the best conductor). None when choices share a word ("ice turning to water", "water turning to ice"):
    a sentence about one of them is then about the others too, and could rule out the right one."""
    asked = ASKED_PREDICATE.match(question)
    forms = [forms_of(c) for c in choices]
    if not asked or any(a & b for i, a in enumerate(forms) for b in forms[i + 1:]):
        return None
    facts = [hit["text"] for hit in kb.search(f"{choice} {asked.group(1)}", k=4)]
    verdict = judge_claim(f"{choice} {asked.group(1)}", facts, question)
    named = verdict.sentence and forms_of(choice) & forms_of(verdict.sentence)
    return verdict.sentence if verdict.label == "contradicted" and named else None


def main(argv: list[str]) -> None:
    if len(argv) < 4 or argv[0] in ("-h", "--help") or not argv[-1].isdigit() or int(argv[-1]) >= len(argv) - 2:
        sys.exit(__doc__)
    question, *choices, picked = argv
    move = choice_move(question, choices, int(picked), KnowledgeBase.load_or_build())
    print(f"[{move.kind}, {move.verdict}] {move.text}\n" + "\n".join(f"  evidence: {e}" for e in move.evidence))


if __name__ == "__main__":
    main(sys.argv[1:])
