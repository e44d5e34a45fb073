"""The grounded science move: a number on a one-formula question is science_numbers.py's to check; then
science_catalog.py's misconceptions and topic cards (a wrong idea meets an observation, a right answer is confirmed,
a help request gets the card's opening), else the knowledge base's facts that share the question's key terms
(evidence.py's `KnowledgeBase`, `fits`) decide the student's claim:
confirmed only when one supports it (in the fact's words or in the student's own: `restates`; a why-answer by the
fact that gives its reason for the question's outcome: `reason_fact`), with the card's deeper question when the topic
has a card, pointed at the one
that contradicts it, else tested: against a fact only when it bears on the idea (`bears_on`) and cannot state the
answer (`answers`), else by science_fallback.py (a part a fact bears out, a named answer a fact describes otherwise,
one side of a difference, else an honest ask in the question's terms); a naming question's answer is checked against
what the question describes (named_questions.named_check), a unit confirmed by a fact that gives it for its quantity
(`unit_fact`); a lettered multiple-choice question is science_choices.py's. Every move carries the facts it rests on.

    .venv/bin/python science_moves.py "Why do ice cubes melt?" "I think the cold leaks out"
"""
from __future__ import annotations

import re
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from evidence import (CLAUSE_BREAK, KnowledgeBase, Move, Verdict, default_embedder, fits, judge_claim, key_terms,
                      paraphrases)
from text_words import COMMON, TUTOR_STEMS, base_forms, content_tokens, forms_of, has_negation, written_out
from student_message import about, question_of
from science_catalog import (CONDITION, as_said, FORMULA_TOKEN, WRITTEN_ANSWER, Misconception, TopicCard, answer_of,
                             card_agrees, card_verdict, digit_numbers, echo, gives_reason, in_fact_words,
                             is_help,
                             matching_cards, shared_terms, match_misconception, route_card, CLAIM_COSINE,
                             NEAR_COSINE, resembles_misconception, own_words, yes, POLAR_QUESTION, plural,
                             VALUE_ASK)
from named_questions import Named, named_check, named_question
from science_names import (EXCLUSIVE_KINDS, KINDS, SHARED_KINDS, asked_among, asked_verb, about_member, chosen_fact,
                           count_asked, directions_said, either_subject, listed_items, member, members_asked,
                           list_fact, made_from, named_answer, named_member, opposed_fact, other_chosen, roles_swapped,
                           says_relation, short_answer_fact, unit_fact, what_it_does)
from science_said import completed, its_property, subject_said, yes_no_claim
from science_fallback import (CAUSE_LEAD, CONDITION_SIDES, STATEMENT, cloze_move, identity_unborne, misfit_move,
                              part_move, undecided_move)
from science_numbers import number_move
from science_nearest import nearest_card_move
from claim_relations import lever, other_case, own_objects, turned, turned_move
from science_stages import next_stage_move, stage_move
from science_stuck import answers, stuck_move
from science_trust import operation_turned, real_contradiction
from science_support import (backing_fact, card_meant, next_stage, reason_doubted, right_part, weighed_verdict,
                             why_said)
from science_decides import (WHY, answered_first, compares_alike, compares_things, contrast_move, cross_move,
                             denied_move, kind_move, left_out_move, like_case_move, reason_move, reasoned_verdict,
                             ruling_fact_move, unbacked_reason)
from scorers import numbers_in, same_number

if TYPE_CHECKING:
    from retrieval import Embedder


# "explain chemical because ...": the worksheet's order pasted before the answer, no part of it
TASK_WORD = re.compile(r"^\W*(?:explain|justify|give (?:a )?reasons?)\b\W+(?=\w)", re.I)
# a claim that keeps what it says to one thing ("only water evaporates"): no card's idea says so unless it says "only"
# "only water evaporates", "the wax just melts" (no more than that); not "they are just rearranged"
RESTRICTED = re.compile(r"\b(?:only|simply|nothing\s+but)\b|\bjust (?=[a-z]+s\b)", re.I)


def science_move(question: str, claim: str | None, kb: KnowledgeBase, k: int = 3,
                 embedder: Embedder | None = None, known: list[str] = ()) -> Move:
    """The grounded science move. A right result of a formula (science_numbers.number_move, the one check of a
    number), or an answer the topic card accepts, is confirmed ("Yes: ..."); one the card names wrong (or another
    value to a card for one value) is flagged with the card's opening; a stated misconception meets a contradicting
    observation; any other claim is judged against the fitting facts, the `known` ones first (the facts the lesson
    found behind a quote the student brought). A help request gets the card's opening or a fact, never "Why?"."""
    claim = None if claim and is_help(claim) else claim
    claim = written_out(TASK_WORD.sub("", claim)) if claim else claim  # "bc", "thru", "there own" read in full
    claim = yes_no_claim(claim, question_of(question) or question) if claim else claim
    claim = its_property(claim, question_of(question) or question) if claim else claim
    worked = number_move(question, claim) if claim else None  # the student's number on a one-formula question
    if worked and worked.verdict in ("confirm", "flag"):
        return Move(worked.text, "formula", "supported" if worked.verdict == "confirm" else "contradicted", [])
    asked = question_of(question) or question
    # a cross of named genotypes (the Punnett square knows every box); stages of a known process, each and in order
    if exact := cross_move(asked, claim) or claim and (next_stage_move(question) or stage_move(asked, claim)):
        return exact
    # "nope its not alive" to "Is a seed alive?": read as the statement it makes about the question's subject too
    misconception = match_misconception(claim, question) or match_misconception(subject_said(claim, asked), question) \
        if claim else None
    card = route_card(asked, key_terms(question), embedder or default_embedder(), question,  # its scenario,
                      NEAR_COSINE if claim is None else CLAIM_COSINE)
    # not one shared word, or the card's own question in other words
    stated, misconception = misconception, on_scenario(misconception, card, asked, claim or "", question)
    off_scene = stated is not None and misconception is None  # a known wrong idea, its observation of another scene
    misconception = None if misconception and quotes_a_fact(claim, asked, kb, embedder) else misconception
    card, said, claim = card_said(card, claim, asked, question, misconception, embedder or default_embedder())
    if off_scene and card and said != "wrong" and not quotes_a_fact(claim, asked, kb, embedder):
        # the card's own question meets it; the card's verdict by meaning never confirms it ("there is no gravity in
        # space so they float")
        return Move(scene_card(card, f"{asked} {claim}").opening, "card", "contradicted", [])
    card = scene_card(card, f"{asked} {claim or ''}") if card else card
    if claim and misconception is None and (listed := listed_items(answer_of(claim), asked)):
        return list_move(*listed, asked, kb, card, embedder)  # each named thing judged on its own
    if card and said == "partial" and (backed := backing_fact(claim, asked, [], kb, embedder)):
        # the card's clue word inside a claim a fact bears out whole: the idea is right, the card goes deeper
        return Move(f"{yes(claim)} {card.next}", "card", "supported", [backed])
    if card and said == "right" and not WHY.match(asked) \
            and (doubt := reason_doubted(card, claim, asked, embedder or default_embedder(), kb)):
        return Move(doubt, "card", "unclear", [])  # the answer is right, its reason is the student's to check
    if card and said == "near":  # the card's words, its wrong example's meaning: neither confirmed nor flagged
        return Move(card.opening, "card", "unclear", [])
    if card and said == "step":  # a right link, said in the student's words; the card's question asks for the rest
        return Move(f"{yes(claim)} That is one part of the answer. {card.opening}", "card", "supported", [card.idea])
    if card and said == "partial" and (part := right_part(card, claim, asked)):  # one right part, the rest asked
        return Move(part, "card", "supported", [])  # a right part said so ("Yes: ..."), the rest asked
    if card and said:  # the student's own words are quoted back, never the card's key idea
        return Move(card_reply(card, claim, said), "card",
                    {"right": "supported", "wrong": "contradicted"}.get(said, "unclear"),
                    [card.idea] if said == "right" else [])
    if claim and misconception is None and len(forms_of(claim) - forms_of(asked)) >= 2:  # a catalogued wrong idea in
        # other words; "the white blood cells" to "Which blood cells fight infection?" names a thing, it says no idea
        misconception = on_scenario(resembles_misconception(claim, question, embedder or default_embedder()), card,
                                    asked, claim)
    misconception = None if misconception and quotes_a_fact(claim, asked, kb, embedder) else misconception
    topic = misconception.name if misconception else claim or ""  # the misconception names what the facts must cover
    given = digit_numbers(question)  # in a quantity question, a fact with other numbers may be a worked answer to it
    meant = misconception.name if misconception else question  # the terms, and the meaning a fact must share
    terms = key_terms(meant)
    searched = [hit["text"] for hit in kb.search(f"{question_of(question) or question} {topic}".strip(), k=2 * k)]
    facts = [text for text in dict.fromkeys([*known, *searched])
             if (not given or all(any(same_number(v, g) for g in given) for v in numbers_in(text)))
             and (fits(text, terms, meant, embedder) or claim and speaks_to(claim, text, terms, question))]
    facts, fitting = facts[:k], facts  # a unit is read from any fitting fact: it states it beside its quantity
    if misconception is not None:
        return Move(own_objects(misconception.question, f"{question} {claim}"), "misconception", "contradicted",
                    facts[:2])
    if not claim:  # the facts ground a model's draft; shown, they would state the answer
        if card:
            return Move(card.opening, "card", None, [])
        return stuck_move(question, facts, searched, kb)
    move = member_move(claim, asked, kb, facts) or claim_move(claim, question, facts, card, embedder, fitting, kb)
    if move.verdict == "supported" and card and not WHY.match(asked) and (doubt := reason_doubted(
            card, claim, asked, embedder or default_embedder(), kb, head_right=True)):
        return Move(doubt, "card", "unclear", [])  # the facts bore out the answer: its reason is the card's to weigh
    return move


def card_said(card: TopicCard | None, claim: str | None, asked: str, question: str, misconception: Misconception | None,
              embedder: Embedder) -> tuple[TopicCard | None, str | None, str | None]:
    """The topic card's verdict on the claim (right, partial, step, near, wrong or None), with the card that gives it
    and the claim it judged: the card's patterns, its idea by meaning, another card the claim says right, the answer
    before its reason, another value, then the whole weighed against the card's key by meaning (`weighed_verdict`)."""
    said = (reasoned_verdict(card, claim, question_of(question)) or completes_card(card, claim, asked)) \
        if card and claim and misconception is None and not beyond_card(card, asked) else None
    if said == "partial" and completes_card(card, claim, asked) == "right":  # "pollen" to "What do bees carry ...?"
        said = "right"  # the card's clue word is the whole answer once the question's words complete it
    if said in (None, "partial") and card and claim and misconception is None and not beyond_card(card, asked) \
            and card_meant(card, claim, asked, embedder):
        said = "right"  # the card's idea in everyday words its patterns miss
    if said is None and claim and misconception is None and (
            other := claims_card(asked, claim, card, embedder)):
        card, said = other, "right"  # the question's topic said right on a card its first card does not speak for
    if said is None and card and claim and misconception is None and not beyond_card(card, asked) \
            and (first := answered_first(card, claim, asked)):
        claim, said = first, "right"  # "8 legs because its an arachnid": the answer the card accepts, said alone
    if said is None and card and claim and VALUE_ASK.search(card.example_question) and not card.partial \
            and stated_value(claim, asked) and not OTHER_SCALE.search(claim):
        said = "wrong"  # a card written for one value accepts it in every form it knows: another value is wrong
    if card and claim and misconception is None and not beyond_card(card, asked):
        said = weighed_verdict(card, claim, asked, said, embedder)  # the key by meaning
    if said in ("right", "partial", "step") and claim and RESTRICTED.search(claim) \
            and not (card and RESTRICTED.search(card.idea)):
        said = None  # "only water evaporates": the card's idea without its "only" is not what the student said
    return card, said, claim


def scene_card(card: TopicCard, scene: str) -> TopicCard:
    """The card's opening and next question about the scene's own things ("Foxes eat rabbits" for a question about
    wolves reads "Wolves eat rabbits"), so a stuck student is asked about what they asked, not the card's example."""
    return replace(card, opening=own_objects(card.opening, scene), next=own_objects(card.next, scene))


def claims_card(asked: str, claim: str, taken: TopicCard | None, embedder: Embedder) -> TopicCard | None:
    """Another card whose idea the claim says right: one the question's topic word matches beside the first ("wet
    skin in the wind" matches the wind card and the wet-skin card; "why does a tree have a shadow" the card on how a
    shadow forms, whose scenario has no tree), or one the question and the claim match together ("ball rolls then
    stops why. friction slows it"), where the question alone, retold in few words, takes none. It only confirms: a
    card the claim's own words chose, or one of another scenario, never opens a lesson or flags a claim."""
    # a yes/no question's answer is no card's idea ("yes, photosynthesis goes on in the dark" names the plants card),
    # nor is a name asked for ("evaporation" for vapour turning into liquid names the evaporation card), and a card
    # the claim's words chose must be the question's own scenario
    if named_question(asked):
        return None
    together = [] if POLAR_QUESTION.match(asked) else [
        card for card in matching_cards(f"{asked} {claim}", key_terms(f"{asked} {claim}"))
        if card_agrees(card, asked, key_terms(asked))]
    for card in [*matching_cards(asked), *together]:
        if card is not taken and not beyond_card(card, asked) and (
                reasoned_verdict(card, claim, asked) == "right" or card_meant(card, claim, asked, embedder)):
            return card
    return None


def member_move(claim: str, question: str, kb: KnowledgeBase, facts: list[str]) -> Move | None:
    """A short named answer the knowledge rules out, flagged with the observation that contradicts it: a fact that
    says the question's subject does the opposite with it ("Plants take in carbon dioxide from the air" to "carbon
    dioxide" for what plants give off), or, where a fact names another member of the asked kind as the answer, what a
    fact says the student's member is instead ("Venus is the hottest planet ..." to "Venus" for the planet closest
    to the Sun). None when no fact decides it: the claim is then judged as any other."""
    said, *told = answer_then_account(answer_of(claim))
    head = named_answer(said)
    if len(head.split()) > 4:
        return None
    if opposed := opposed_fact(head, question, facts):
        return Move(f"Not quite: {opposed[:1].upper() + opposed[1:]}. That is the other way round from what the "
                    f"question asks: {question.strip()}", "fact", "contradicted", [opposed])
    kind = asked_among(question)
    thing = member(head, kind) if kind else None
    right = named_member(kind, question, kb) if thing else None
    if right and right == thing:  # the one member a fact names as the answer
        return Move(f"{yes(head)} {follow_up(head, question, bool(told))}", "fact", "supported", [])
    seen = about_member(thing, kind, question, kb) if right else None
    if seen and kind in SHARED_KINDS and not ((verb := asked_verb(question)) and says_relation(seen, verb)):
        seen = None  # "Fish breathe with gills" rules out no fish for "Which animal lays eggs?"
    asked = "change of state" if kind == "change" else kind
    if right and not seen and kind in EXCLUSIVE_KINDS:  # one rock type forms from lava: the others do not
        return Move(f"Not {thing if thing[:1].isupper() else head}. Which {asked} fits {about(question)}? Think of "
                    f"how each {asked} differs, and check each against the question.", "fact", "contradicted", [])
    return Move(f"Not {thing if thing[:1].isupper() else head}: {seen} So which {asked} fits {about(question)}?",
                "fact", "contradicted", [seen]) if seen else None


def beyond_card(card: TopicCard, question: str) -> bool:
    """Does a yes/no question set a condition its card never speaks of ("Do plants make their food at night?" to the
    card on how plants get food)? The card's answer words ("photosynthesis") then say the topic, not the answer to
    the condition: "yes, they photosynthesize all night" would be confirmed by them."""
    condition = CONDITION.search(question.rstrip("?. "))
    text = " ".join([card.topic, card.idea, card.example_question, card.opening, card.next])
    return bool(POLAR_QUESTION.match(question)) and bool(condition) \
        and not shared_terms(text, key_terms(condition.group(1)))


def list_move(items: list[str], part: bool, question: str, kb: KnowledgeBase, card: TopicCard | None,
              embedder: Embedder | None = None) -> Move:
    """A list answer judged item by item, each as a short answer of its own (the card's answer or one of its parts,
    else what the facts say of it): a right part is confirmed and the rest asked for ("Yes: oxygen is one of them.
    What else ..."), a wrong item flagged with its own move, an item nothing decides asked for its reason. "I know
    oxygen is one" quoted whole helps no one: the list's things are what the student named."""
    moves = {item: Move("", "card", {"right": "supported", "partial": "supported", "wrong": "contradicted"}.get(
        card_verdict(card, item) or "", "unclear"), [card.idea]) if card and card_verdict(card, item) else
        Move("", "fact", "supported", []) if (asked := members_asked(question)) and member(item, asked) else
        Move("", "fact", "supported", [listed]) if (listed := list_fact(item, question, kb)) else
        science_move(question, item, kb, embedder=embedder) for item in items}
    right = [item for item, move in moves.items() if move.verdict == "supported"
             and not any(made_from(item, fact, question) for fact in move.evidence)]
    wrong = next((item for item, move in moves.items() if move.verdict == "contradicted"), None)
    grounds = list(dict.fromkeys(fact for item, move in moves.items() if item in right or item == wrong
                                 for fact in move.evidence))[:2]
    said = " and ".join(filter(None, [", ".join(echo(item) for item in right[:-1]), *map(echo, right[-1:])]))
    if wrong:
        flagged = moves[wrong].text if moves[wrong].text else f"Not {echo(wrong)}: check it against {about(question)}."
        return Move(f"{f'Yes to {said}. ' if right else ''}{flagged}", "fact", "contradicted", grounds)
    if len(right) < len(items):  # a thing no fact or card decides: its reason, never a verdict
        unsure = " and ".join(echo(item) for item in items if item not in right)
        one = len(items) - len(right) == 1
        return Move(f"{f'Yes: {said} {is_are(right)} right. ' if right else ''}What makes you think {unsure} "
                    f"{'belongs' if one else 'belong'} in the answer to {about(question)}? Say what you know about "
                    f"{'it' if one else 'them'}.", "fact", "unclear", grounds)
    kind = members_asked(question)  # "What are the states of matter?" counts them without saying so
    wanted, named = count_asked(question) or (len(KINDS[kind]) if kind else 0), len(items)
    if wanted > named:
        rest = "Which one is" if wanted - named == 1 else "Which ones are"
        return Move(f"Yes: {said} {'is one' if named == 1 else 'are two' if named == 2 else 'are right'} of the "
                    f"{NUMBER_WORDS[wanted]}. {rest} still missing?", "fact", "supported", grounds)
    if part or not wanted:
        return Move(f"Yes: {said} {'is one of them' if named == 1 else 'are right'}. What else belongs in the answer "
                    f"to {about(question)}?", "fact", "supported", grounds)
    return Move(f"Yes: {said}, all {NUMBER_WORDS[wanted]} of them. Can you say one thing that sets each apart from "
                f"the others?",
                "fact", "supported", grounds)


def is_are(items: list[str]) -> str:
    return "is" if len(items) == 1 else "are"


def speaks_to(claim: str, fact: str, terms: list[str], question: str) -> bool:
    """Does a fact that shares two of the question's key terms, too few of many to fit it alone, speak to the
    student's own idea (`bears_on`)? "Air resistance slows a flat sheet of paper more than a crumpled one" judges
    "air resistance slows a flat sheet of paper" on a long question about two dropped balls; a fact that shares the
    question's common words only ("water", "smaller pieces") and none of the claim's still stays out."""
    said = forms_of(fact)
    return sum(bool(base_forms(t) & said) for t in terms) >= 2 and bears_on(claim, fact, question)


def completes_card(card: TopicCard, claim: str, question: str) -> str | None:
    """The card's verdict on the short answer said as the statement it completes (`completed`), unless the
    question's own words already say the card's answer: "What do plants need for photosynthesis?" names the
    photosynthesis card's word, so "oxygen" completing it would be confirmed by the question, not the answer."""
    said = completed(claim, question)
    return card_verdict(card, said) if said != claim and card_verdict(card, completed("", question)) is None \
        else None


def fits_scenario(misconception: Misconception, card: TopicCard, terms: list[str]) -> bool:
    """Does the misconception's question speak of the scenario of the question the card takes: the card's own `asks`
    recognises it, it says two of the question's key terms (or the only one), or the card's opening says no more of
    them? A ball rolling to a stop on grass is no ball thrown upward, though both say "ball"; salt stirred into ice
    is the icy road's salt; a bell in a jar pumped empty is the closest to an explosion heard in space."""
    said = shared_terms(misconception.question, terms)
    return re.search(card.asks, misconception.question, re.I) is not None or said >= min(2, len(terms)) \
        or shared_terms(card.opening, terms) <= said  # the card's own question is no closer to this scenario


def on_scenario(misconception: Misconception | None, card: TopicCard | None, asked: str,
                claim: str, problem: str = "") -> Misconception | None:
    """The misconception, unless its question is about another scenario than the question a topic card takes: then
    the card's own question fits ("it runs out of force" on a ball rolling to a stop meets friction, not a ball thrown
    upward). Without a card its question is still the best move."""
    off = misconception and card and not fits_scenario(misconception, card, key_terms(asked)) \
        and card_verdict(card, claim) is None  # a card that judges the claim ("Chemical" as part of it) would praise
    # without a card: a topic only the claim names ("energy is lost at each level" to "Why are there fewer
    # carnivores?") and an observation of another scenario (a ball rolling to a stop) fit no question here; the
    # facts judge the claim instead
    # the problem's setup names the topic too ("A chocolate bar is left on a sunny windowsill. What happens to it?")
    stray = misconception and not card and misconception.about \
        and not re.search(misconception.about, f"{problem} {asked}", re.I) \
        and not shared_terms(misconception.question, key_terms(asked))
    return None if off or stray else misconception



# Names a reply keeps capitalised however the student or a dataset wrote them: the planets always; the Sun, the Moon
# and the Earth where they are the bodies ("the sun", "on earth"), not a sunny day, a moon of Jupiter or garden earth;
# Newton as the man or his laws, never the unit ("10 newtons"); the temperature scales.
PROPER_NAMES = re.compile(r"(?:(?<=the )|(?<=The ))(?:sun|moon|earth)\b(?!\s+(?:science|scientists?)\b)|"
                          r"\b(?:sun|moon|earth)(?='s\b)|(?:(?<=on )|(?<=to )|(?<=from )|(?<=of )|(?<=about ))earth\b|"
                          r"\b(?:venus|mars|jupiter|saturn|uranus|neptune|pluto|celsius|fahrenheit)\b|"
                          r"\bnewton(?='s\b)|(?<=isaac )newton\b|\bisaac(?= newton\b)")


def proper_names(text: str) -> str:
    """The reply with the names of the Sun, the Moon, the Earth, the planets, Newton and the temperature scales
    capitalised as the facts write them: a student's "the sun" quoted back, or an answer lowered to sit mid-sentence
    ("What do you know about earth ..."), must not teach the name wrongly."""
    return PROPER_NAMES.sub(lambda m: m.group(0).capitalize(), text)


def restates(claim: str, fact: str, question: str = "", embedder: Embedder | None = None) -> bool:
    """Does the claim say what the fact says, in the student's own words ("it pushes blood around the body" for "The
    heart ... sends blood around the body")? Stricter than `paraphrases`, which it also requires: read in the fact's
    words (science_catalog.in_fact_words: synonyms, the same subject), three or more words of its own beyond the
    question's (as the student wrote them), every one of them in the fact, in the claim's order. A wrong idea shares
    words with the right one but swaps them ("sound travels faster than light"), or leaves one out ("heat and
    temperature are the same")."""
    worded = in_fact_words(claim, fact)
    if not worded:
        return False
    asked = {stem for _, stem in content_tokens(question)}
    fact_words = [base_forms(word) for word, _ in content_tokens(fact)]
    at = [next((i for i, forms in enumerate(fact_words) if base_forms(word) & forms), None)
          for word, stem in dict(content_tokens(worded)).items() if stem not in asked]
    said = [stem for _, stem in content_tokens(claim) if stem not in asked]  # as written: "liquid water" is two
    # the question's own nouns the claim repeats must be the fact's too: "their food from the soil" is not "water
    # from the soil" just because the question asked about food
    dropped = [word for word, stem in content_tokens(worded) if stem in asked and not base_forms(word) & GENERIC_VERBS
               and not any(base_forms(word) & forms for forms in fact_words)]
    return len(said) >= 3 and None not in at and at == sorted(at) and not dropped and paraphrases(
        worded, fact, question, embedder, min_share=0.99)


# verbs a question and an answer share without naming anything ("How does a plant make food?" "It uses light ...")
GENERIC_VERBS = {form for verb in ("make", "happen", "use", "need", "take", "go", "come", "work", "keep", "help",
                                   "cause") for form in base_forms(verb)}


def bears_on(claim: str, fact: str, question: str) -> bool:
    """Does the fact speak to the student's own idea: two of the claim's words beyond the question's (in any of their
    forms, or as their synonyms in the fact's words) are in it? "Bats fly, but they are mammals too" says nothing
    about "they make high squeaks and listen for the sound", nor "Some animals shed fur in warm weather" about "their
    white fur soaks up heat from the snow", however well each fits the question; one shared word ("body") is too
    little: it let a fact that states the answer stand in for one that tests the idea."""
    asked, said = forms_of(question), forms_of(fact)
    own = [word for word, stem in dict(content_tokens(in_fact_words(claim, fact) or claim)).items()
           if not base_forms(word) & asked and stem not in COMMON | TUTOR_STEMS]
    return sum(bool(base_forms(word) & said) for word in own) >= 2


# "carbon dioxide, they use it with water and light": a short answer, then a clause of its own about it (a pronoun
# takes the answer up), which tells how or why as "because" would
TOLD_THEN = re.compile(r"^([^,;:]{1,40}?),\s+(?=(?:it|its|it's|they|they're|theyre|that|thats|that's|this|which)\s)",
                       re.I)


def answer_then_account(claim: str) -> list[str]:
    """The claim's answer and the reason or account it gives after it: split at a reason word (`CLAUSE_BREAK`), else
    at the comma after a short answer that a clause about it follows ("the heart, it squeezes the blood"). One
    part when it gives none."""
    parts = CLAUSE_BREAK.split(claim, maxsplit=1)
    told = TOLD_THEN.match(claim) if len(parts) == 1 else None
    return [told.group(1), claim[told.end():]] if told and len(told.group(1).split()) <= 4 else parts


def claim_move(claim: str, question: str, facts: list[str], card: TopicCard | None,
               embedder: Embedder | None = None, fitting: list[str] | None = None,
               kb: KnowledgeBase | None = None) -> Move:
    """A stated idea that neither the catalog nor a card decides, judged against the fitting facts: confirmed only
    when one supports it, pointed at the one that contradicts it, else tested (the card's opening question, or a
    fact to test it against). A naming question's answer that no fact decides is checked against what the question
    describes (`named_check`); a unit is confirmed by any `fitting` fact that gives it for the quantity."""
    claim = answer_of(claim)
    if not re.search(r"[^\W_]", echo(claim)):  # "...", "-": nothing to quote back ('You named ""' helps no one)
        return Move(f"What is your idea about {about(question)}? Say it in a full sentence, and what makes you think "
                    f"so?", "fact", "unclear", [])
    if (polar := POLAR.match(claim)) and claim[polar.end():].strip():
        return polar_answer(claim[:polar.end()], claim[polar.end():], question, facts, card, embedder, fitting, kb)
    verdict = facts_verdict(claim, question, facts, embedder)
    head, *reasons = answer_then_account(claim)
    if verdict.label in ("absent", "unclear") and facts:
        # "In the chloroplasts, because they have chlorophyll": the answer is judged on its own, its reason only
        # has to contradict no fact
        answered = judge_claim(head, facts, question, neighbours=False) if reasons else verdict
        said = short_answer_fact(head, question, facts)
        answered = Verdict("supported", said) if answered.label != "supported" and said else answered
        if answered.label == "supported" and not unbacked_reason(claim, question, facts) and not any(
                judge_claim(r, facts, question, neighbours=False).label == "contradicted" for r in reasons[-1:]):
            verdict, claim = answered, head
    named = named_question(question)
    if verdict.label in ("absent", "unclear") and named and named.kind == "unit" \
            and (said := unit_fact(named_answer(head), named.noun, fitting or facts)):
        verdict, claim = Verdict("supported", said), named_answer(head)  # "Watts.": the fact names it the unit
    if verdict.label in ("absent", "unclear") and (said := chosen_fact(head, question, facts)):
        verdict, claim = Verdict("supported", said), head  # "a mammal" to "Is a whale a fish or a mammal?"
    elif verdict.label in ("absent", "unclear") and other_chosen(head, question, facts):  # a fact says the other
        subject = proper_names(either_subject(question))
        return Move(f"Not quite: \"{echo(head)}\" does not fit {subject}. What do you know about {subject} that tells "
                    f"you which it is?", "fact", "contradicted", [])
    if verdict.label in ("absent", "unclear") and (said := reason_fact(claim, question, facts)):
        verdict = Verdict("supported", said)  # "Because the Sun is high" to "Why are shadows short at midday?"
    # a part of the answer a fact bears out is part_move's to confirm as a part, the rest asked for
    backed = backing_fact(claim, question, facts, kb, embedder) if verdict.label in ("absent", "unclear") \
        and not part_move(claim, question, facts, kb) else None
    if backed:  # every clause said by a fact in other words, none denied: the fact is the reason it is right
        verdict = Verdict("supported", backed)
    if verdict.label == "supported" and identity_unborne(claim, question, verdict.sentence or ""):
        verdict = Verdict("unclear", verdict.sentence)  # "its the carbon dioxide you breathe out": what is seen?
    if verdict.label == "supported" and not compares_things(claim, verdict.sentence or ""):
        verdict = Verdict("unclear", verdict.sentence)  # "more mass" is not "the same mass", though no word differs
    if verdict.label == "supported" and not directions_said(in_fact_words(claim, verdict.sentence) or claim,
                                                            verdict.sentence):
        verdict = Verdict("unclear", verdict.sentence)  # "goes in" where the fact says only "breathed out"
    if verdict.label == "supported" and turned(claim, verdict.sentence, question):  # "absorbs the red light", the
        return Move(lever(claim, verdict.sentence, question) or "", "fact", "contradicted", [])  # fact reflects it
    if verdict.label == "supported" and operation_turned(claim, verdict.sentence):
        verdict = Verdict("unclear", verdict.sentence)  # "speed = distance x time" beside "divided by time"
    if verdict.label == "supported" and roles_swapped(claim, verdict.sentence):  # the fact's words, paired otherwise
        return Move(f"Not quite: \"{echo(claim)}\" has its parts the wrong way round. Take each part of "
                    f"{about(question)} on its own: which one does what, and how do you know?", "fact",
                    "contradicted", [])
    if verdict.label == "contradicted" and not real_contradiction(claim, verdict.sentence, question, embedder):
        return undecided_move(claim, question, facts, kb, "unclear")  # a mere mismatch: the idea is asked, not doubted
    if verdict.label == "contradicted" and (case := left_out_move(claim, question, facts)):
        return case  # "only in air" asked of water, a thing the fact lists beside air: its answer says otherwise
    if verdict.label == "contradicted" and (near := nearest_card_move(claim, question, "contradicted", embedder)):
        return near  # the nearest card's own test of this idea, not a frame around the fact
    if verdict.label == "contradicted" and not answers(verdict.sentence, question):
        return Move(f"Check your idea against this fact: \"{verdict.sentence}\" Which part of \"{echo(claim)}\" "
                    f"does it disagree with, and what would you change?", "fact", "contradicted", [verdict.sentence])
    if verdict.label == "contradicted":  # the fact that rules it out would also say the answer: the idea is tested
        return Move(f"The textbook does not agree with \"{echo(claim)}\". Which part of your idea would you check "
                    f"first, and what would you expect to see if it were right?", "fact", "contradicted", [])
    if verdict.label == "supported":  # the card's next question goes deeper into this very topic
        deeper = card.next if card else backed and next_stage(claim, question) or follow_up(claim, question,
                                                                                          bool(reasons))
        why = why_said(claim, question, backed) if backed else ""
        return Move(f"{yes(claim)} {why}{deeper}", "fact", "supported", [verdict.sentence])
    if card:
        return Move(f"Your idea: \"{echo(claim)}\". {card.opening}", "card", verdict.label, [])  # no doubt cast
    if VALUE_ASK.search(question) and VALUE.fullmatch(head.strip(" .!?")):  # "4" to "How many chambers ...?"
        return Move(f"How do you know it is {echo(head)}? What could you count, measure or look up to check "
                    f"{about(question)}?", "fact", verdict.label, [])
    return undecided(claim, head, question, facts, fitting, kb, verdict.label, embedder)


def undecided(claim: str, head: str, question: str, facts: list[str], fitting: list[str] | None,
              kb: KnowledgeBase | None, label: str, embedder: Embedder | None = None) -> Move:
    """A claim that neither a card nor a fact's verdict decides (`label`: absent or unclear): a named answer a fact
    describes otherwise (science_fallback.misfit_move), a naming question's own check (`named_check`, where a fact
    says what the named thing does or the kind has its own question), a part a fact bears out, a fact that bears on
    the idea and cannot state the answer, else what decides it (science_decides: the rule on its own term, the other
    side of a two-sided fact, what a why-fact's reason is about), else science_fallback's honest words."""
    named = named_question(question)
    if found := misfit_move(head, question, facts, kb):  # a named answer a fact describes otherwise
        return found
    pool = list(dict.fromkeys([*facts, *(hit["text"] for query in (question, f"{question} {claim}")
                                         for hit in kb.search(query, k=6))])) if kb else facts
    if found := turned_move(claim, question, pool) or left_out_move(claim, question, pool):  # a fact on this
        # condition says the other direction, or lists beside the claim's one thing others in its relation
        return found
    asked = question_of(question) or question
    decided = contrast_move(claim, question, pool) or reason_move(claim, asked, pool) \
        or kind_move(asked, pool, claim) or like_case_move(asked, pool, claim)
    if decided and decided.verdict == "supported":  # the asked side of a two-sided fact, a why-fact's reason
        return decided
    does = what_it_does(named_answer(head), fitting or facts) if named else None
    bare = re.sub(r"^(?:an?|the)\s+", "", named_answer(head).lower()) if named else ""
    if named and len(bare.split()) <= 5 and (does or named.kind not in ("thing", "name") or bare in (
            named.head, plural(named.head))):  # a fact's job for it, the kind's own question, "a gas" to "which gas"
        return Move(named_check(named, named_answer(head), does), "fact", label, [])
    # another member of the claim's kind in a fact's role (shown with a gap), or an example or part a fact bears out
    if found := cloze_move(claim, question, pool) or part_move(claim, question, facts, kb):
        return found  # an example or part of the answer a fact bears out
    if near := nearest_card_move(claim, question, label, embedder):  # the card's test of this idea, not a frame
        return near
    # only a fact that bears on the idea is put to it, and never one that may state the answer: for an equation, any
    # fact may be the written answer itself
    shown = [f for f in facts if bears_on(claim, f, question) and not answers(f, question)
             and not other_case(f, question)][:1] \
        if not WRITTEN_ANSWER.search(question) else []
    if shown:
        ask = "" if gives_reason(claim) else f"What makes you say \"{echo(claim)}\"? "  # a reason given: not again
        return Move(f"{ask}Test your idea against this fact: \"{shown[0]}\" Does it support what you said, or point "
                    f"somewhere else?", "fact", label, shown)
    return ruling_fact_move(claim, question, pool, answers) \
        or denied_move(claim, question_of(question) or question, pool) or decided \
        or undecided_move(claim, question, facts, kb, label)


def quotes_a_fact(claim: str, question: str, kb: KnowledgeBase, embedder: Embedder | None = None) -> bool:
    """Does the claim restate a fact of the knowledge base word for word in its order (`restates`, never the looser
    `quotes_fact`: "clouds are water vapour" reads close to a fact about vapour in clouds)? Such a claim is no
    misconception, whatever words it shares with one: "A gas has no fixed shape" is not "gases have no mass"."""
    # "it evaporates into the air" is borne out by a fact about a gas, not about the chocolate "it" stands for
    return any(restates(claim, hit["text"], question, embedder) for hit in kb.search(claim, k=3)) \
        or not PRONOUN_SUBJECT.match(claim) and backing_fact(claim, question, [], kb, embedder) is not None


PRONOUN_SUBJECT = re.compile(r"\W*(?:it|they|this|that)\b", re.I)  # the thing the claim is about is not named


def facts_verdict(claim: str, question: str, facts: list[str], embedder: Embedder | None = None) -> Verdict:
    """The facts' verdict on the whole claim: a fact says the same or otherwise about the claim's own subject
    (`same_subject`), else one it restates in the student's words (`restates`, `quotes_fact`) supports it."""
    verdict = judge_claim(claim, facts, question, neighbours=False) if facts else Verdict("unclear")
    if verdict.label in ("contradicted", "supported") and not same_subject(claim, verdict.sentence, question):
        verdict = Verdict("unclear", verdict.sentence)  # a fact about gases neither denies nor bears out a solid
    if verdict.label in ("absent", "unclear"):
        said = next((f for f in facts if restates(claim, f, question, embedder)), None) or next(
            (f for f in facts if quotes_fact(claim, f, question, embedder)), None)
        verdict = Verdict("supported", said) if said else verdict
    return verdict


def quotes_fact(claim: str, fact: str, question: str, embedder: Embedder | None = None) -> bool:
    """Does a claim that names its subject restate a fact about that subject in other words ("A solid has a fixed
    shape and a fixed volume" for "A solid is the state of matter that keeps its own shape and its own volume")? Its
    subject opens the fact, it bears on the fact (`bears_on`), says it in other words (`paraphrases`), makes the
    fact's comparisons and no swapped pairing. A student quoting the textbook is never asked to doubt it."""
    subject = CLAIM_SUBJECT.match(claim)
    if not subject or STATEMENT.fullmatch(subject.group(1)) or not content_tokens(subject.group(1)):
        return False
    opens = re.match(rf"\W*(?:(?:the|an?|all|most|some|every)\s+)?{re.escape(subject.group(1))}", fact, re.I)
    return bool(opens) and bears_on(claim, fact, question) and compares_alike(claim, fact) \
        and not roles_swapped(claim, fact) and paraphrases(claim, fact, question, embedder)


def same_subject(claim: str, sentence: str, question: str = "") -> bool:
    """Is the fact about what the claim is about? A claim that opens with its own subject ("A solid has a fixed
    shape and volume") is judged only by a sentence that names it: "A gas ... has no fixed shape or volume" shares
    every other word and says nothing of solids. A "they" or "it" stands for the question's subject: "they make the
    food" to "What do roots do?" is about roots, which "Plants make their own food" never names. A claim that opens
    with a phrase, or a pronoun the question names no subject for, keeps any sentence."""
    pronoun = re.match(r"\W*(?:they|it)\s+(?!is\b|are\b|was\b|were\b)", claim, re.I)  # "it is ..." may be anything
    said = QUESTION_SUBJECT.match(question) if pronoun else CLAIM_SUBJECT.match(claim)
    if not said or not pronoun and STATEMENT.fullmatch(said.group(1)) or not content_tokens(said.group(1)):
        return True
    return bool(base_forms(said.group(1)) & forms_of(sentence))


# "What do roots do ...", "Why do birds ...", "How does the heart ...": the thing a student's "they" or "it" stands for
QUESTION_SUBJECT = re.compile(r"^\W*(?:what|why|how|when|where)\s+(?:do|does|did|is|are|can)\s+(?:the\s+|an?\s+)?"
                              r"(?!(?:we|you|i|people|it|they|there|this|that)\b)([a-z]+)\b(?!\s+(?:of|in)\b)", re.I)


# "A solid has ...", "the heart pumps ...", "plants need ...": the claim's first word, its subject where it is a
# content word ("when a liquid ...", "in the leaves", "because ..." open with none)
CLAIM_SUBJECT = re.compile(r"\W*(?:(?:the|an?|all|most|some|every)\s+)?([a-z]+)\b(?=\W+[a-z])", re.I)
WHY_ASKED = re.compile(r"^\W*(?:why|how come)\b", re.I)


def reason_fact(claim: str, question: str, facts: list[str]) -> str | None:
    """The fact sentence that gives the student's reason for what a why-question asks about: "Around noon, when the
    Sun is high, shadows are short" for "Because the Sun is high in the sky" to "Why are shadows short at midday?".
    It says the question's key terms (all, or all but one of three or more) and the reason's own words (all, or all
    but one of three or more; two at least), un-negated, and does not contradict the reason. "Because the Sun is low"
    meets only the sentence about long evening shadows, which misses "short" and "midday"."""
    if not WHY_ASKED.match(question):
        return None
    asked = {stem for _, stem in content_tokens(question)}
    reason = CAUSE_LEAD.sub("", claim)
    said = [base_forms(word) for word, stem in content_tokens(reason) if stem not in asked]
    terms = [base_forms(t) for t in key_terms(question)]
    for fact in facts:
        for sentence in re.split(r"(?<=[.!?])\s+", fact):
            forms = forms_of(sentence)
            met, covered = sum(bool(w & forms) for w in said), sum(bool(t & forms) for t in terms)
            if met >= 2 and met >= len(said) - (len(said) >= 3) and terms \
                    and covered >= len(terms) - (len(terms) >= 3) and not has_negation(sentence) \
                    and judge_claim(reason, [sentence], question, neighbours=False).label != "contradicted":
                return fact
    return None


# A value the student gives: digits or a number word, and the unit read after it ("100 degrees", "100°C", "four").
NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
VALUE = re.compile(rf"\b(?:\d+(?:\.\d+)?|{'|'.join(NUMBER_WORDS)})\b\s*(°\s*[cf]?|degrees?|celsius|[a-z]+)?", re.I)
HOW_MANY = re.compile(r"\bhow\s+many\s+([a-z]+)", re.I)
PROCESS_WORD = re.compile(r"[a-z]{3,}(?:tion|sion|sis|ing)$", re.I)


OTHER_SCALE = re.compile(r"\bkelvins?\b|\bfahrenheit\b|°\s*[fk]\b|\b\d+\s*[fk]\b", re.I)  # a value card reads Celsius


def stated_value(message: str, question: str) -> str | None:
    """The value a message gives after its question ("... in our solar system? 8", "... in celsius? 100°C", "I think
    it's four"): a number in digits or words and the unit after it, none of the question's own numbers. Such a reply
    has no content word for a claim to keep, yet it is the whole answer to a question that asks for a value."""
    tail = message.rpartition("?")[2] if "?" in message else message
    said = re.fullmatch(rf"\W*(?:(?:i think|it'?s|it is|maybe|about|around|roughly|is it)\s+)*({VALUE.pattern})\W*",
                        tail.strip(), re.I)
    return said.group(1).strip() if said and not digit_numbers(question) else None


# "What is produced when zinc reacts with an acid?", "zinc + acid makes what?": a reaction's products
PRODUCT_ASK = re.compile(r"\b(?:is|are|gets?)\s+(?:produced|formed|made|given off|released)\b|"
                         r"\b(?:makes?|produces?|forms?|gives?)\s+what\b", re.I)


def follow_up(claim: str, question: str, reasoned: bool = False) -> str:
    """The next step after a right answer, fitting the kind of answer: a value is asked what could change it (a count,
    to name some of what it counts), a process what happens next, a class of things for an example of it, a named
    thing what about it makes it the one the question describes; a unit what a reading in it tells, a formula what
    its letters stand for; an explained idea where else it happens, else why. "What would change if that were
    missing?" fits none of "Herbivore", "8" or "Condensation"."""
    said, named = own_words(answer_of(claim)), named_question(question)
    short = len(said.split()) <= 4
    if re.search(r"\bunits?\b", question, re.I):  # a unit: what a reading in it tells, not what it is made of
        return "Where have you seen it written beside a number, and what did that number tell you?"
    if WRITTEN_ANSWER.search(question) and not re.search(r"\bpH\b", question) or FORMULA_TOKEN.search(said):
        # "H2O": what its letters stand for; a pH answer ("neutral") is no written form
        return "What does each letter and number in it stand for?"
    if short and (many := HOW_MANY.search(question)) and VALUE.search(said):
        return f"Can you name some of the {many.group(1).lower()} and say one thing about each?"
    if short and VALUE.match(said):
        thing = re.sub(r"\s+in\s+(?:degrees\s+)?(?:celsius|fahrenheit)$", "", named.description, flags=re.I) \
            if named else "that value"
        return f"Would {thing} always be {said}? What could make it different, and why?"
    if short and (re.search(r"\bprocess\b", question, re.I) or PROCESS_WORD.search(said)):
        return f"Where have you seen {said[:1].lower() + said[1:]} happen, and what happens next?"
    if short and (reasoned or gives_reason(claim)):  # the answer and its why are both said: a recap is the lesson's
        return "You gave the reason too. Would you like a similar question to try?"  # end, not "What makes it ...?"
    if short and named and re.match(r"an?\s", named.description, re.I):  # a class of things: an example of it
        name = re.sub(r"^(?:an?|the)\s+", "", said, flags=re.I)
        return f"Can you give an example of {'an' if name[:1].lower() in 'aeiou' else 'a'} {name.lower()}, and " \
               f"say how it fits \"{named.description}\"?"
    if short and named and named.head:
        return named_next(said, named)
    if PRODUCT_ASK.search(question) and len(said.split()) <= 8:  # what a reaction makes: how to show it
        last = re.split(r",|\band\b", said)[-1].strip()
        return f"How could you show that {last[:1].lower() + last[1:]} was made? What would you see?"
    if short:
        return f"How would you explain to a friend why that answers {about(question)}?"
    if (reasoned or gives_reason(claim)) and (turned_round := what_if(claim)):
        return turned_round
    if reasoned or gives_reason(claim) or re.match(r"\W*(?:why|how|explain)\b", question, re.I):
        return "Where else have you seen the same thing happen?"
    if re.search(r"\bwhat happens\b", question, re.I):  # a change said: what speeds it up is the next step
        return "What could make that happen faster or slower, and why?"
    return "Can you say why that happens?"


# An answer said as a describing word of its kind: "igneous" is igneous rock, "metamorphic" a kind of rock
DESCRIBING = re.compile(r"(?:ous|ic|al|ary|ar|ive)$", re.I)


def named_next(said: str, named: Named) -> str:
    """The next link after a right name, not a request to explain it again ("What do you know about the heart that
    makes it ...?" reads as doubt): a part of a whole, or an organ, is taken to what its loss would do to the whole,
    an instrument to where it is used, any other kind of thing to what tells it apart from the others of its kind."""
    name = as_said(said.strip(" .!?"))
    bare = re.sub(r"^(?:an?|the)\s+", "", name, flags=re.I)
    if named.kind == "part" and named.noun:
        return f"What would happen to {named.noun} if its {bare} stopped working?"
    if named.head in ("organ", "organs"):
        return f"What would happen to the body if {name} stopped working?"
    if named.kind == "instrument":
        return f"When have you seen {name} used, and what did it tell you?"
    if len(bare.split()) == 1 and DESCRIBING.search(bare) and named.head not in bare:
        name = f"{bare} {named.head}"  # "igneous" -> "igneous rock"
    return f"How would you tell {name} apart from other {plural(named.head)}?"


def what_if(claim: str) -> str | None:
    """The question that turns a right reason's condition round ("... because its warm" -> "What would happen if it
    were cold instead, and why?"), the step past the reason the student gave; None when the reason names none."""
    reason = CLAUSE_BREAK.split(written_out(claim), maxsplit=1)[1:]
    words = re.findall(r"[a-z]+", reason[0].lower()) if reason else []
    side = next((CONDITION_SIDES[w][0] for w in words if w in CONDITION_SIDES), None)
    return f"What would happen if it were {side} instead, and why?" if side else None


def card_reply(card: TopicCard, claim: str, said: str) -> str:
    """A right answer confirmed clearly in the student's own words, then the card's why / next question; a partly
    right one taken up by the clue word it names, never praised ("melts" sits in the wrong idea of a candle that gets
    shorter), then the card's opening question."""
    if said == "right":
        return f"{yes(claim)} {card.next}"
    if said == "wrong":  # the card knows it is wrong: said plainly, then the card's question that leads to the fix
        return f"Not quite: \"{echo(claim)}\" does not fit here. {card.opening}"
    part = re.search(card.partial, claim, re.I)  # the card's clue word, taken up: neither praised nor doubted
    return f"Keep \"{part.group(0).strip()}\" in mind. {card.opening}"


# "No; the current is the same on both sides": a yes or a no, then the reason. "No force is needed" is no answer "no".
# "no because space has no air": a reason word after the yes or no parts them as a comma does.
POLAR = re.compile(r"^\W*(?:yes|yeah|yep|no|nope)(?:\s*[,;:.!-]\s*|\s+(?=(?:because|since|as)\b))(?=\w)", re.I)


def polar_answer(said: str, reason: str, question: str, facts: list[str], card: TopicCard | None,
                 embedder: Embedder | None = None, fitting: list[str] | None = None,
                 kb: KnowledgeBase | None = None) -> Move:
    """A yes or no with its reason: the yes or no is judged first as the question's own statement or its denial
    (`yes_no_claim`: "no" to "Can light travel through empty space?" says "light can not travel through empty
    space"), so a fact about light rules it out whatever the reason says; a yes or no a fact bears out, with a reason
    no fact denies, is confirmed; else the reason is judged alone (`polar_move`)."""
    stated = yes_no_claim(said.strip(" ,;:.!-"), question)
    answered = claim_move(stated, question, facts, card, embedder, fitting, kb) \
        if stated != said.strip(" ,;:.!-") else None
    if answered and answered.verdict == "contradicted":
        return answered
    move = claim_move(reason, question, facts, card, embedder, fitting, kb)
    if answered and answered.verdict == "supported" and (move.verdict == "supported" or card and card_meant(
            card, reason, question, embedder or default_embedder())):
        return Move(f"{yes(said + reason)} {follow_up(reason, question, True)}", "fact", "supported",
                    answered.evidence)
    if answered and answered.verdict == "supported" and move.verdict != "contradicted":  # a reason nothing bears out
        word = said.strip(" ,;:.!-").lower()  # "no because space is too cold": the no is right, the reason is asked
        return Move(f"Right, the answer is {word}. Is \"{echo(reason)}\" the reason, though? "
                    f"{card.opening if card else 'What decides ' + about(question) + '?'}", "fact", "unclear",
                    answered.evidence)
    return polar_move(reason, question, move)


def polar_move(reason: str, question: str, move: Move) -> Move:
    """A yes or no with its reason, the reason judged alone: a fact bears out the reason, not the yes or no ("Yes;
    some are harmful" to "Are mutations always harmful?" gives a true reason for a wrong answer), so a supported
    reason is said to be supported and the student decides what it means for the question."""
    if move.verdict != "supported":
        return move
    said = echo(reason)
    return Move(f"The textbook does say that {said[:1].lower() + said[1:]}. Does that make the answer to "
                f"{about(question)} yes or no, and why?", "fact", "unclear", move.evidence)


def main(argv: list[str]) -> None:
    if len(argv) not in (1, 2) or argv[0] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if argv[:1] in (["-h"], ["--help"]) else 2)
    move = science_move(argv[0], argv[1] if len(argv) == 2 else None, KnowledgeBase.load_or_build())
    print(f"[{move.kind}, {move.verdict}] {move.text}\n" + "\n".join(f"  evidence: {e}" for e in move.evidence))


if __name__ == "__main__":
    main(sys.argv[1:])
