"""The math tutor's moves, decided by exact knowledge: the planner (solver.py) and the checker (mathcheck.py).

A math turn, after lesson.py has told the problem from the student's work:
  1. `claims(work)`: every arithmetic claim ("6 x 9 = 54", "45 + 3.60 = 48.60", "then x 3 = 67.5") checked exactly
     with Fractions; `results(work, found)`: the numbers the student offers as results.
  2. `math_move(lesson, plan, work, asks_answer)` picks one move from that knowledge alone: flag a wrong claim,
     confirm the final answer (with a recap and a similar problem), question a misconception (diagnose's
     question; a flag when it is offered as the answer), confirm a right step and ask the next one, or climb the
     next step's hint ladder. Without a plan the arithmetic is still checked (right arithmetic is said to be right,
     then its meaning asked) and a help request is pointed at what the problem says about the question's target;
     nothing is invented (unplanned_moves.py). What the checker verifies alone is still judged: an equation's
     root put back into it, numbers kept to a stated sum, gap or run, a change of unit or a part of a whole, an
     expression expanded or simplified; a right answer is confirmed with that check as its recap. A concept
     question ("what does 3:5 mean?") gets its card's explanation and an example on other numbers, with a plan or
     without.
     Right arithmetic is still questioned where the story knows better (story_changes.py): a step that moves an
     amount against its verb ("23 - 9" takes away 9 people who got on) is asked about at exactly that step, and a
     number the problem never gave is asked where it comes from. Without a plan, a story read change by change
     confirms its answer, points a number that applies one change the wrong way at that change, and asks the next
     change after a right step. Without a plan, a plan of one sentence (story_changes.part_plan: "14 pages a day for
     6 days") is the part asked first, confirmed when done, and its misconceptions named; measures in two units
     are asked about at the step. With a plan, a right step on another route is confirmed, the answer's number
     reached by chance is asked about, and a one-step problem is asked as a way in, never restated.
  3. `faithful(draft, step, plan)`: may the model's wording of a step's question be said?
`Move` is every turn's result (lesson.py's grounded reading and science moves return it too), and `fresh_hint`
keeps any hint from coming three times in a row; both live in unplanned_moves.py (the room below) and pass on from
here. The lesson state (`lesson.Lesson`) is passed in and updated here;
this room sits below lesson.py, so it names that type for the reader only (TYPE_CHECKING), never imports it.
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING

import solver
from asked_forms import why_first, without_known
from diagnosis import Diagnosis, diagnose, rounds_to
from arithmetic_claims import (CLAIM, CONTINUING, Claim, alternatives, arithmetic_text, as_written, both_sides, claims,
                               computed_given, in_dollars, measure_kind, operations, out_of_order, path_to, pending,
                               presented_as_answer, proposed_chain, reordered, result_of, results, rounded_wrong_way,
                               said_of_work, their_equation, true_of_work, unit_after, with_chains, with_part_bases,
                               with_percent_bases, with_start_amount)
from claim_slips import exercise_claim, point_slip, wrong_claim_words
from confusion import already_have, concept_asked, confusion_words
from mathcheck import unbalanced_step
from known_steps import percent_base
from meaning_cues import meaning_cue
from measure_kinds import fact_numbers, span_hours
from problem_text import (answer_sentence, given_numbers, problem_sentences, problem_terms, question_sentence,
                          written_equation)
from solver import Plan, Step, fmt
from step_parts import (another_route, bottoms_rewritten, equation_terms, in_other_unit, newly_done, part_of_step,
                        smaller_check, split_factor, step_rungs, unit_as_written, used_steps, what_it_finds)
from step_rules import (DOING, UNIT_SIZES, balance_words, both_sides_words, ends_on_answer, order_question,
                        percent_slip, proposal, regrouping, rounding_words, same_route, substituted_words, time_slip,
                        unit_change, unit_slip_words, wrong_step)
from story_changes import (against_story, answer_by_story, compared_sum, moved_question, part_plan, relation_help,
                           relation_move, story_changes)
from unplanned_help import BARE_SUM, linked_question, step_question, step_sum, step_text, way_in
from unplanned_moves import THEN_VERB, Move, by_chance, fresh_hint, move_without_plan

if TYPE_CHECKING:   # the lesson state lives one room up, in lesson.py, which imports this file
    from lesson import Lesson




# ============================================================================ the move, from knowledge only

SAYS_ANSWER = re.compile(r"\b(?:(?:the|my) answer is|answer:|i got|i think it'?s|so it'?s)\s", re.I)


def _in_question_words(work: str, problem: str) -> list[Fraction]:
    """"42 pencils left", "127 people are on the buses": one number said in the question's own words, as a result."""
    told = answer_sentence(work, problem)
    return [] if told is None else [told]


def _offered(problem: str, plan: Plan | None, work: str, found: list[Claim]) -> list[Fraction]:
    """The numbers the student offers as results: their claims' results; without a claim, a number said as a result
    or in the question's words, where a help request's own facts are none ("I know 1 hour is 60 minutes") and a step
    named in words is one ("I know the adults cost 16 dollars but I'm stuck"). The plan's answer rounded ("6.67 days"
    of 20/3 days) is offered as that answer."""
    said = results(work, found) if found else \
        already_have(plan, work, results(work, found) or _in_question_words(work, problem))
    return [plan.answer if plan is not None and v != plan.answer and rounds_to(plan.answer, v) else v for v in said]


def _offers_given(work: str, found: list[Claim], problem: str) -> bool:
    """"So the answer is 12 vans", "12 vans are needed": a number offered as the answer in so many words, or in the
    question's; a given number so offered is a wrong answer, while a bare "8" may answer "how many boxes?"."""
    return not found and (bool(SAYS_ANSWER.search(work)) or answer_sentence(work, problem) is not None)


def _as_claimed(work: str, problem: str) -> str:
    """The work with what it leaves unsaid filled in from the problem: the start amount of an operation typed first
    ("minus the 3 broken ones so 45 left" of 48 cookies), a percent's base ("10% is 30"), a part's whole, a chain."""
    return with_chains(with_part_bases(with_percent_bases(with_start_amount(work, problem), problem), problem))


def math_move(lesson: Lesson, plan: Plan | None, work: str, asks_answer: bool = False) -> Move:
    """This turn's move for a math problem, decided by the checker and the planner; `lesson` is updated."""
    work = _as_claimed(work, lesson.problem)   # "10% is 30", "minus the 3 broken ones so 45 left"
    found = claims(without_known(work))   # "i know 1 hour is 60 min": a fact, no step of theirs
    broken = _broken_rule(lesson.problem, plan, work, found, lesson.worked)
    if broken is not None:   # wrong arithmetic, an operation before its turn, an equation step off balance
        return broken
    rounded = rounded_wrong_way(question_sentence(problem_sentences(lesson.problem)), work, found)
    if rounded is not None and (plan is None or diagnose(plan, work) is None):
        return Move("flag", *rounding_words(*rounded), kind="rounding")
    slip = unit_slip_words(lesson.problem, found, work) if plan is None else None   # a plan knows its own units
    odd = _against_story(lesson.problem, plan, found) or _foreign_number(lesson, plan, found, work) \
        or (Move("ask", *slip, kind="unit_slip") if slip else None)
    if odd is not None:   # right arithmetic, but against the story's verb, on a number never given, or in mixed units
        return odd
    lesson.worked += [str(c) for c in found if str(c) not in lesson.worked]
    if not found and (cleared := confusion_words(lesson.problem, plan, lesson.done, work)):   # "which do I divide by?"
        return Move("none", *cleared, kind="confusion")
    if not found and (chain := proposed_chain(work)) is not None:   # "I did 5x4 then took 3", no result yet
        return _chain_proposed(lesson.problem, chain, plan)
    if not found and (concept := _concept_move(lesson, plan, work)) is not None:
        return concept
    said = _offered(lesson.problem, plan, work, found)
    if "$" in lesson.problem and not re.search(r"\bcents?\b|¢", lesson.problem):   # "30 cents" of a $1.80 box
        said = in_dollars(work, said)
    lesson.stated += [fmt(v) for v in said]
    jumped = reordered(lesson.problem, said[-1]) if said and not found else None
    if jumped is not None and presented_as_answer(work, said[-1]):   # "is it 3?" of 45 ÷ 5 × 3: 5 × 3 done first
        return Move("flag", f"{as_written(said[-1], work)} is what you get by working out {jumped[0]} first.",
                    order_question(*jumped), kind="final_wrong")
    if plan is None or (wrong_root := _wrong_root(lesson, plan, work)) is not None:   # "k = 5" put back: it fails
        return move_without_plan(lesson, found, said, work) if plan is None else wrong_root
    if not found and (either := alternatives(work)):   # "is it 9 hours or 4.5": theirs to choose, unless neither is it
        return _either(lesson, plan, work, either)
    # the answer's value said as an earlier step's ("3 − (−1) = 4", the y coefficient when y = 4) closes the lesson
    # only when offered as the answer, never when another value follows ("3x = 7 so x = 7/3": the 7 is a step)
    letter = written_equation(plan.problem)[1] if plan.pattern == "equation" else ""
    theirs = [their_equation(work, letter, s.value) for s in plan.steps[:-1]]   # "4x = 28", kept for the recap
    lesson.worked += [e for e in theirs if e and e not in lesson.worked]
    offers_other = said and said[-1] != plan.answer and presented_as_answer(work, said[-1])
    if plan.answer in said and not offers_other and (presented_as_answer(work, plan.answer) or ends_on_answer(
            plan, found) or all(s.value != plan.answer for s in plan.steps[:-1])):
        given = {q.value: q.text for q in plan.quantities if q.given and q.value in solver.numbers_in(plan.problem)}
        return (by_chance(plan.answer, given, found, lesson.worked) if len(plan.steps) > 1 else None) \
            or _close(lesson, plan, work)
    if rewritten := bottoms_rewritten(plan, lesson.done, work):   # "10/12 - 3/12" of 5/6 - 1/4: a step of its own
        return Move(*rewritten)
    diagnosis = diagnose(plan, work) if said else None
    if said and said[-1] != plan.answer and (slip := wrong_step(plan, found, work)):   # "90 ÷ 2" for half the 60 left
        return Move("flag", *slip, kind="claim_wrong")   # the first slip, unless a known one of their work says more
    route = _on_their_route(plan, found, said, lesson.done, work)
    if route is not None:   # "20 − 9 = 11" of $20 less 2 sandwiches and a juice: the juice taken away after
        return route
    # a diagnosis of 15 says nothing of a "-15" (the sign is part of the number), nor of steps it is false of
    if diagnosis is not None and (diagnosis.value in said or -diagnosis.value not in said) \
            and said_of_work(diagnosis.says, diagnosis.value, work, lesson.problem, found):
        return _diagnosed(lesson, plan, work, found, said, diagnosis)
    by_other_route = next(((c, s) for c in found for s in plan.steps[:-1] if c.stated == s.value and c.right
                           and not same_route(c, s)), None)
    if by_other_route:
        return _other_route(*by_other_route)
    newly = newly_done(plan, lesson.done, said, equation_terms(work) if letter else set())   # not closing
    lesson.done = sorted(set(lesson.done) | set(newly) | used_steps(plan, found))
    nxt = solver.next_step(plan, set(lesson.done))
    right = {s.value for s in plan.steps} | {q.value for q in plan.quantities}
    if said and (said[-1] not in right or said[-1] not in {s.value for s in plan.steps} and (_offers_given(
            work, found, lesson.problem) or computed_given(said[-1], found, given_numbers(lesson.problem)))):
        route = another_route(plan, found, said[-1])
        return Move("confirm", *route, kind="step_right") if route else \
            _unexplained(lesson, plan, work, found, said[-1], nxt)
    again = None if newly else _offered_again(lesson, plan, work, said, nxt)   # "so they have 53 together"
    if newly or again:
        return again or _step_done(plan, work, found, plan.steps[newly[-1]], nxt)
    proposed = both_sides(work) if nxt.kind == "equation" and not said else None
    if proposed is not None:   # "divide both sides by 6": the next step, or an operation that only keeps the balance
        verdict, lead, question = both_sides_words(*proposed, nxt, written_equation(plan.problem)[1])
        return Move(verdict, lead, question, nxt, kind="step_right" if verdict == "confirm" else "propose")
    if regroup := regrouping(work, nxt):
        return Move("none", *regroup, nxt, kind="hint")
    return Move("none", _help_lead(lesson, plan, nxt, work), _ladder(lesson, plan, nxt), nxt, kind="hint")


def _wrong_root(lesson: Lesson, plan: Plan, work: str) -> Move | None:
    """A root the student gives ("k = 5") that fails when put back into the equation: flagged with both sides'
    values, whatever step value of the plan it happens to equal. A slip the planner names in their working is said
    at its step instead (None then, as for a right root or no root)."""
    root = substituted_words(lesson.problem, work)
    if root is None or root[0] != "flag" or diagnose(plan, work) is not None:
        return None
    # the step after the last one they got right ("3x = 21 so x = 8": the division, not 3x again)
    done = set(lesson.done) | set(newly_done(plan, lesson.done, [], equation_terms(work)))
    nxt = solver.next_step(plan, done)
    return Move("flag", root[1], fresh_hint(lesson, step_question(plan, nxt), _ladder(lesson, plan, nxt)), nxt,
                kind=root[2])


def _either(lesson: Lesson, plan: Plan, work: str, either: list[Fraction]) -> Move:
    """Two numbers the student hesitates between: which fits is asked when one is the answer, else neither is."""
    nxt = solver.next_step(plan, set(lesson.done))
    if plan.answer in either:
        first, second = (as_written(v, work) for v in either)
        which = f"Which of {first} and {second} fits the problem, and why?"
        return Move("ask", "", fresh_hint(lesson, which, step_question(plan, nxt)), kind="hint")
    return Move("flag", f"Neither {as_written(either[0], work)} nor {as_written(either[1], work)} is the answer.",
                _ladder(lesson, plan, nxt), nxt, kind="final_wrong")


def _diagnosed(lesson: Lesson, plan: Plan, work: str, found: list[Claim], said: list[Fraction],
               diagnosis: Diagnosis) -> Move:
    """A number the planner's diagnosis explains (a known slip at one step): what they did, then the step to redo."""
    # the step asked is the first one not done up to a faulty last step (a skipped step comes first: "what
    # percent of the original price is $552?"), without its sum filled in ("What is half of the difference, 12 ÷ 2?"
    # hands over the fix); the same mistake again: after twice, that sum (the ladder's top rung)
    done = set(lesson.done) | {i for i, s in enumerate(plan.steps) if s.value in said} | used_steps(plan, found)
    last = diagnosis.step == len(plan.steps) - 1   # a wrong final answer: the steps before it may be skipped
    index = next((i for i in range(diagnosis.step) if i not in done), diagnosis.step) if last else diagnosis.step
    _climb(lesson, index)
    step = plan.steps[index]
    # a diagnosis that asks ("You divided by 6; how many values are there?") is the question (the step's answers it)
    asks = diagnosis.says.endswith("?")
    # a sum for "how many more": what their total is against what the question asks, never a recipe for the gap
    compared = compared_sum(lesson.problem, found) if diagnosis.misconception == "add_instead_of_subtract" else None
    if compared is not None:
        return Move("flag", compared.lead, fresh_hint(lesson, compared.question, solver.hints(plan, index)[-1]), step,
                    kind="diagnosed")
    ask = _relation_first(plan, step) or re.sub(r",\s*[-\d\s.+×÷−*/()]+\?$", "?", linked_question(plan, step))
    lead, ask = ("", diagnosis.says) if asks else (diagnosis.says, ask)
    question = fresh_hint(lesson, ask, solver.hints(plan, index)[-1])
    # the last number of their work, found for the last step or by a chain of steps: an answer, and a wrong one
    chained = len(found) > 1 or bool(found) and len(operations(found[-1])) > 1
    final = said[-1] == diagnosis.value and (last or chained)
    if final or presented_as_answer(work, said[-1]) or _other_operation(found, plan.steps[diagnosis.step]):
        return Move("flag", lead, question, step, kind="diagnosed")   # what they did, then the step
    # not offered as the answer, it may be a right step on another route: ask about it, never reject it
    return Move("ask", lead, question, step, kind="diagnosed_midway")


def _broken_rule(problem: str, plan: Plan | None, work: str, found: list[Claim], worked: list[str]) -> Move | None:
    """A step that breaks a rule whatever the plan: wrong arithmetic (a whole chain worked in another order says
    which operation came first), an equation step the equation's root does not keep, a right operation done
    before its turn. None when every step keeps them."""
    wrong = [c for c in found if not c.right]
    jumped = reordered(problem, wrong[0].stated) if wrong and len(operations(wrong[0])) > 1 else None
    if jumped is not None:   # "45 ÷ 5 × 3 = 3": the whole chain, with 5 × 3 worked out first
        return Move("flag", f"Check {wrong[0].shown} again: it does not make {wrong[0].result}; {wrong[0].result} is "
                            f"what you get by working out {jumped[0]} first.", order_question(*jumped),
                    kind="claim_wrong")
    if wrong:   # without a plan, a plan of one sentence may still know the misconception behind it
        return _wrong_claim(plan if plan is not None else part_plan(problem), wrong[0])
    if slip := percent_slip(work) or time_slip(problem, work):   # "0.85 so 8.5%", "1.5 h = 150 min": never right
        return Move("flag", *slip, kind="claim_wrong")
    unbalanced = unbalanced_step(problem, arithmetic_text(work))
    named = both_sides(work) if unbalanced else None   # "I added 4 to both sides and got 3x = 10"
    # "4x = 19 - 5": right arithmetic, but a step the equation's own root does not satisfy; with a plan, a known
    # slip says more, and a wrong "x = 7" is a wrong answer
    # a root alone ("x = 4") without a plan is put back into the equation instead (`substituted_words`)
    if unbalanced and (plan is None and (named or not re.match(r"[a-z] =", unbalanced)) or plan is not None and (
            named or diagnose(plan, work) is None and not re.match(r"[a-z] =", unbalanced))):
        return Move("flag", *balance_words(unbalanced, named), kind="claim_wrong")
    order = out_of_order(problem, found, {result_of(w) for w in worked})
    if order is not None:   # "36 ÷ 6 × 3" where they did 6 × 3 first: what they did, then the rule it skips
        claim, expression, rule = order
        return Move("flag", f"You did {claim.shown} first.", order_question(claim.shown, expression, rule),
                    kind="claim_wrong")
    return None


def _chain_proposed(problem: str, chain: tuple[str, str, Fraction, Fraction], plan: Plan | None) -> Move:
    """"I did 5x4 then took 3" without results: what each of their own operations gives, in their order (never a
    number they did not write). With a plan: a chain that makes its answer is said to fit the story; a right first
    operation then a wrong next one is asked about at that next one, in the problem's sentence about its number; a
    wrong first operation is asked about first."""
    first, op, number, value = chain
    doing = {"-": "taking away {}", "+": "adding {}", "*": "multiplying by {}", "/": "dividing by {}"}[op]
    ask = f"What does {first} make, and what do you get when you {THEN_VERB[op].format('that', fmt(number))}?"
    if plan is None:
        return Move("none", "", ask, kind="propose")
    if value == plan.answer:
        return Move("none", f"{first} first, then {doing.format(fmt(number))}: that fits the story.", ask,
                    kind="propose")
    start = claims(f"{first} = 0")
    if not start or start[0].true not in {s.value for s in plan.steps}:
        return Move("flag", f"Look at {first} first.", step_question(plan, plan.steps[0]), plan.steps[0],
                    kind="claim_wrong")
    said = next((p for p in problem_sentences(problem) if number in solver.numbers_in(p)), "")
    then = f"The problem says \"{said}\" Does that call for {doing.format(fmt(number))}?" if said else \
        f"Why {doing.format(fmt(number))} next?"
    return Move("flag", f"{first} fits the story; look at the next part, {doing.format(fmt(number))}.", then,
                kind="claim_wrong")


def _concept_move(lesson: Lesson, plan: Plan | None, work: str) -> Move | None:
    """A concept question ("what does 3:5 mean?", "do I divide by the old price or the new one?"): the card's short
    explanation (never holding the answer), then with a plan the plan's next step in this problem's words (readers
    found a worked example on other numbers a lecture beside the point); without one, a worked example on numbers of
    its own and the card's question applied to this problem. The example is said only when its arithmetic checks out
    and it holds no number of this problem and not its answer (else the next example, else none); None when the
    student asks about no concept the cards know."""
    card = concept_asked(work)
    if card is None:
        return None
    taken = {abs(value) for value, _ in given_numbers(lesson.problem)} | ({plan.answer} if plan is not None else set())
    explain = card["explain"] if plan is None or plan.answer not in solver.numbers_in(card["explain"]) else ""
    example = next((e for e in card["examples"] if all(c.right for c in claims(e))
                    and not set(solver.numbers_in(e)) & taken), "")
    nxt = solver.next_step(plan, set(lesson.done)) if plan is not None else None
    if explain and nxt is not None:   # the idea, then this problem's own next step in its words: no other numbers
        rephrased = solver.hints(plan, plan.steps.index(nxt))[0]
        return Move("none", explain, fresh_hint(lesson, step_question(plan, nxt), rephrased), nxt, kind="concept")
    lead = " ".join(part for part in (explain, f"For example: {example}" if example else "") if part)
    if not lead:
        return None
    # the card's question on this problem's own terms (its equation, exercise or quantities), never a sentence of
    # it pasted into a frame
    terms = problem_terms(lesson.problem, question_sentence(problem_sentences(lesson.problem)))
    letter = written_equation(lesson.problem)[1]
    ask = card["ask"].replace("the letter", letter) if letter else card["ask"]
    ask = re.sub(r"^In this problem, (\w)", lambda m: m.group(1).upper(), ask)
    ask = f"Here you have {terms}. {ask}" if terms else card["ask"]
    return Move("none", lead, fresh_hint(lesson, ask, f"Try it on this problem: {card['ask']}"), kind="concept")


def _wrong_claim(plan: Plan | None, claim: Claim) -> Move:
    """A wrong arithmetic claim is flagged; when a known misconception explains it, the move names what the student
    did ("You added the tops and added the bottoms.") and asks the step again in the problem's words."""
    lead = f"Check {claim.shown} again: it does not make {claim.result}."
    diagnosis = diagnose(plan, str(claim)) if plan is not None else None
    if diagnosis is None or diagnosis.value != claim.stated or not true_of_work(diagnosis.says, str(claim),
                                                                                 plan.problem) \
            or plan.steps[diagnosis.step].value in solver.numbers_in(claim.expression):   # "20 − 14": 12 + 2 was done
        return Move("flag", *(wrong_claim_words(claim) or (lead, smaller_check(claim) or f"What is {claim.shown}?")),
                    kind="claim_wrong")
    step = plan.steps[diagnosis.step]
    return Move("flag", f"{lead} {diagnosis.says}", linked_question(plan, step), step, kind="claim_wrong")


def _other_operation(found: list[Claim], step: Step) -> bool:
    """'7.60 x 4' where the plan's step divides 7.60 by 4: the step's own numbers under another operation is that
    step gone wrong, never another route (which would reach it from other numbers)."""
    return any(sorted(solver.numbers_in(c.expression)) == sorted(step.values) and step.op not in operations(c)
               for c in found)


def _other_route(claim: Claim, step: Step) -> Move:
    """The step's number by another operation ("25 − 20 = 5" for 20% of $25): right arithmetic, but the same value
    by a wrong route is no step done, so it is asked about, never confirmed."""
    doing = DOING[operations(claim)[0]].lower() if operations(claim) else "that"
    return Move("ask", f"The arithmetic is right: {claim}.",
                f"Is {doing} the way to answer \"{step.question.rstrip('?')}\"?", step, kind="other_route")


# a step question's first words that read on lowercase after "Next," (a name or a number keeps "Next: ")
NEXT_WORDS = {"How", "What", "Which", "Who", "Where", "When", "Why", "If", "Is", "Are", "Does", "Do", "Can", "Count",
              "Take", "Start", "Split", "Picture", "Find", "Work", "Multiply", "Divide", "Add", "Subtract"}


def _next(question: str) -> str:
    """"Next, <question>" ("Next, how many ...?"), unless the question says itself what comes after ("With 6 in
    place of ...") or starts with a name or a number that keeps its capital ("Next: Lily ...", "Next: (-2) ...")."""
    if question.startswith("With "):
        return question
    first = question.split(" ", 1)[0]
    return f"Next, {question[0].lower()}{question[1:]}" if first in NEXT_WORDS else f"Next: {question}"


def _step_done(plan: Plan, work: str, found: list[Claim], step: Step, nxt: Step) -> Move:
    """A right intermediate step: confirmed as right and the next step asked, unless the student offers it as the
    final answer (then the step is acknowledged without praise and the answer flagged as not reached yet)."""
    equation = their_equation(work, written_equation(plan.problem)[1], step.value) if step.kind == "equation" else ""
    claim = next((str(c) for c in found if c.stated == step.value), "") or equation or fmt(step.value)
    only_units_left = all(s.kind == "convert" for s in plan.steps[plan.steps.index(step) + 1:])
    # what the step found, unless its question is only its own arithmetic ("What is 48 ÷ 6?" says nothing)
    # (an equation they wrote, "6x = 36", says itself what it answers)
    finds = "" if BARE_SUM.fullmatch(step.question) or claim == equation else what_it_finds(step.question)
    answers = f": that is {finds}." if finds else ""
    # a student who has just done a step needs no way in to the next ("Picture 1 ticket ..."): its own question
    # (nor a recipe for the gap: "how do $1250 and 795 give you the money left?" is the idea of the step)
    ask = _next(nxt.question if way_in(plan, nxt) else step_question(plan, nxt, count_up=False))
    unit = unit_after(work, fmt(step.value))   # "2 weeks is 14 days" where the question asks for km: a step
    other_kind = bool(unit) and measure_kind(f"1 {unit}") not in ("", measure_kind(f"1 {plan.unit}"))
    if re.fullmatch(r"[a-z] = .*", equation) and step.value != plan.answer:   # 'x = 20' where 2x is 20: false
        return Move("flag", f"Not quite: {equation} does not make the equation true.", ask, nxt, kind="stopped_early")
    if presented_as_answer(work, step.value) and not (only_units_left or other_kind or equation):   # "350000 cm"
        lead = f"{claim} checks out{answers or '.'} But that is not the answer to the whole problem yet."
        return Move("flag", lead, ask, nxt, kind="stopped_early")
    lead = f"Yes, {claim} is right{answers or '.'}"
    then = pending(work)   # "... and got 96 then took 59": the next step they named, checked against the plan's
    if then and then[0] == nxt.op and then[1] == nxt.values[-1] and len(nxt.values) == 2:
        return Move("confirm", f"{lead} {DOING[nxt.op]} the {fmt(then[1])} fits the next step.",
                    "What do you get, and what does it tell you?", nxt, kind="step_right")
    return Move("confirm", lead, ask, nxt, kind="step_right")


def _offered_again(lesson: Lesson, plan: Plan, work: str, said: list[Fraction], nxt: Step) -> Move | None:
    """A step found in an earlier turn, offered now as the answer: its claim checks out, but it is no answer yet."""
    again = next((s for s in plan.steps[:-1] if said and s.value == said[-1]), None)
    if again is None or not presented_as_answer(work, said[-1]):
        return None
    return _step_done(plan, work, [c for w in lesson.worked if result_of(w) == again.value for c in claims(w)][-1:],
                      again, nxt)


def _on_their_route(plan: Plan, found: list[Claim], said: list[Fraction], done: list[int], work: str) -> Move | None:
    """A right claim on a step already done, in another order than the plan's ("20 − 9 = 11" after the sandwiches'
    $9), or on given numbers alone when the student says they go on ("4 x 3 = 12 first" of a 10 by 4 by 3 box: the
    end's area, then its length; a bare "12 / 6 = 2" may be a step forgotten): confirmed before the diagnosis, which
    reads the plan's order only."""
    builds = bool(found) and any(plan.steps[i].value in solver.numbers_in(found[-1].expression) for i in done)
    if not found or said[-1] in {s.value for s in plan.steps} or not builds and not CONTINUING.search(work):
        return None
    route = another_route(plan, found, said[-1])
    return Move("confirm", *route, kind="step_right") if route else None


def _unexplained(lesson: Lesson, plan: Plan, work: str, found: list[Claim], value: Fraction, nxt: Step) -> Move:
    """The student's latest number is no value of the plan: not the answer, when they offer it as one (flag, with
    the first step not done yet); a number on a route we cannot follow, when they do not (ask)."""
    claim = next((c for c in found if c.stated == value), None)
    said = str(claim) if claim else as_written(value, work)
    part = split_factor(plan, found, nxt) or (part_of_step(plan, claim, nxt) if claim is not None else None)
    if part is not None:   # "20 × 35 = 700" on the way to 24 × 35: that much is right
        return Move("confirm", *part, nxt, kind="step_part")
    related = relation_move(plan.problem, [claim]) if claim is not None else None
    if related is not None and related.verdict == "flag":   # "300 - 15" for 15% off $300: the story's relation
        return Move("flag", related.lead, related.question, nxt, kind="claim_wrong")
    if in_other_unit(plan, work, value):   # "so 180 minutes" for 3 hours: the answer, in another unit of its kind
        return _close(lesson, plan, work)
    changed = unit_change(plan.problem, work)   # "3.5 m = 35 cm": a wrong change of a given measure, named
    if changed is not None and changed[0] == "flag":
        return Move("flag", changed[1], changed[2], nxt, kind="unit_change")
    if not presented_as_answer(work, value):
        where = f" in {said}" if claim else ""   # never "16 in 16": a bare number is only itself
        return Move("ask", f"What does {as_written(value, work)}{where} stand for in the problem?",
                    f"If you are not sure, try this: {nxt.question}", nxt, kind="route_unknown")
    meant = percent_base(plan.problem, work) or meaning_cue(plan.problem, found, work)
    if meant is not None:   # "10/40" for a drop from $50 to $40, "5 + 12" for -5 risen 12: the meaning, asked
        return Move("ask", meant[0], meant[1], nxt, kind="meaning")
    slip = point_slip(exercise_claim(plan, value, work)) if len(plan.steps) == 1 and len(nxt.values) == 2 else None
    if slip is not None:   # "2.5 × 0.3? i got 7.5": the one step's digits, its decimal point misplaced
        return Move("flag", *slip, nxt, kind="final_wrong")
    checked = [str(c) for c in found if c.right and c.stated in {s.value for s in plan.steps}]
    lead = (f"{' and '.join(checked)} checks out, but " if checked else "") + \
        f"{as_written(value, work)} is not the answer to this problem. Let's check the " \
        f"{'next' if lesson.done else 'first'} step."
    return Move("flag", lead[0].upper() + lead[1:], _ladder(lesson, plan, nxt), nxt, kind="final_wrong")


def _close(lesson: Lesson, plan: Plan, work: str) -> Move:
    """A right final answer: say so clearly, recap the steps in one line, offer a similar problem."""
    lesson.solved = True
    lesson.done = list(range(len(plan.steps)))
    shown = {result_of(w) for w in lesson.worked}   # the student's own words, then the plan's for steps they skipped
    forms = f"{plan.problem} {work}"   # the plan's numbers as the problem and the student wrote them ("3 1/2")
    steps = lesson.worked + [step_text(s, forms) for s in plan.steps if s.value not in shown and s.value == plan.answer]
    # only the steps that lead to the answer: a step they went back on ("5 × 2 = 10" first) is no step of theirs
    rounded = next((v for w in reversed(lesson.worked) if (v := result_of(w)) is not None and v != plan.answer
                    and rounds_to(plan.answer, v)), None)   # "= 6.67" of 20/3: their rounding, their last step
    steps = [next(w for w in reversed(lesson.worked) if result_of(w) == rounded)] if rounded is not None else \
        (path_to(steps, plan.answer) or steps) if lesson.worked else [step_text(s, forms) for s in plan.steps]
    money = plan.unit.startswith("dollars")   # "$0.30 per egg", never "0.3 dollars per egg"
    unit = plan.unit.removeprefix("dollars") if money else f" {unit_as_written(plan)}" if plan.unit != "number" else ""
    value = f"${plan.answer.numerator / plan.answer.denominator:.2f}" if money and plan.answer.denominator != 1 \
        else f"{'$' if money else ''}{as_written(rounded if rounded is not None else plan.answer, work)}"
    whose = "Your steps" if set(steps) & set(lesson.worked) else "The steps"   # a recap of none of theirs: not theirs
    lead = f"Yes, {value}{unit.rstrip()} is right! {whose}: {', then '.join(steps)}."
    return Move("confirm", lead, "Would you like a similar problem to try?", kind="final_right")



def _climb(lesson: Lesson, index: int) -> None:
    lesson.rungs[str(index)] = lesson.rungs.get(str(index), 0) + 1


def _help_lead(lesson: Lesson, plan: Plan, step: Step, work: str) -> str:
    """The lead of a step's hint: the student's proposed operation judged, else, on the step's first rung, what the
    step is for in this problem (never a bare sub-question to a help request)."""
    first = not lesson.rungs.get(str(plan.steps.index(step))) and not way_in(plan, step)   # a foothold says enough
    return proposal(work, step, plan) or (why_first(plan, step) if first else "")


def _relation_first(plan: Plan, step: Step) -> str | None:
    """A one-step plan of a relation the story states ("5 times as many hens as cows"): that relation asked in the
    story's words (story_changes.relation_help), which says more than "How do 12 cows and 5 give you ...?"."""
    return relation_help(plan.problem) if len(plan.steps) == 1 and step is plan.steps[0] else None


def _ladder(lesson: Lesson, plan: Plan, step: Step) -> str:
    """The next rung of a step's ladder: its question, then `step_rungs` (solver.hints: which numbers, which
    operation, the operation with its numbers). Each visit climbs; at the top it alternates with a rephrasing."""
    index = plan.steps.index(step)
    ladder = [_relation_first(plan, step) or step_question(plan, step), *step_rungs(plan, step)]
    if "Which numbers do you need?" in ladder[1] and set(step.values) <= set(solver.numbers_in(ladder[0])):
        del ladder[1]   # "... Look at 40 pencils and 6 pencils." after a question that names both: the operation next
    rung = min(lesson.rungs.get(str(index), 0), len(ladder) - 1)
    _climb(lesson, index)
    return fresh_hint(lesson, ladder[rung], f"Try working out {step_sum(step)} and tell me what you get.")


# ============================================================================ moves from what the story says

def _against_story(problem: str, plan: Plan | None, found: list[Claim]) -> Move | None:
    """Right arithmetic that moves an amount against the story's verb ("23 - 9 = 14" takes away 9 people who got on)
    is asked about at exactly that step. A step the plan has is never questioned this way, nor the steps of a route
    that ends, right, on what the whole story leaves ("15 - 8 = 7 less, so 42 - 7 = 35": the changes netted first)."""
    steps = {s.value for s in plan.steps} if plan is not None else set()
    changes = story_changes(problem)
    known = {c.value for c in changes or ()} | {c.stated for c in found}   # the story's numbers and their own results
    if changes and found and all(c.right and set(solver.numbers_in(c.expression)) <= known for c in found) \
            and found[-1].stated == answer_by_story(changes):
        return None
    for claim in (c for c in found if c.right and c.stated not in steps):
        moved = against_story(problem, claim)
        if moved is not None:
            doing = "takes away" if operations(claim) == ["-"] else "adds"
            return Move("ask", f"Look at {claim}: it {doing} the {fmt(moved.value)}.", moved_question(problem, moved),
                        kind="wrong_way")
    return None


def _foreign_number(lesson: Lesson, plan: Plan | None, found: list[Claim], work: str) -> Move | None:
    """Right arithmetic on a number the problem never gave, that no earlier result and no unit's size explains
    ("48 ÷ 4 = 12" where 48 cards go to 6 friends), while a number the problem gave is still unused: where does it
    come from, and where does the unused one come in? Not when the student says where it comes from ("2 goes to 8 by
    adding 6"), nor when the plan knows the misconception behind it."""
    if plan is not None and diagnose(plan, work) is not None:
        return None
    outside = solver.numbers_in(CLAIM.sub(" ", arithmetic_text(work)))
    given = given_numbers(lesson.problem)
    known = {abs(v) for v, _ in given} | set(solver.numbers_in(lesson.problem)) | UNIT_SIZES \
        | fact_numbers(lesson.problem) | span_hours(lesson.problem).keys()   # a triangle's 180°, 2 h 30 min as 2.5
    known |= {Fraction(p) for v, _ in given if v.denominator != 1 for p in (v.numerator, v.denominator)}   # 5 of 5/6
    known |= {Fraction(f"{h}.{m}") for h, m in re.findall(r"\b(\d{1,2}):(\d\d)\b", lesson.problem)}   # 9:10 as 9.10
    known |= {r for w in lesson.worked if (r := result_of(w)) is not None}   # and each other claim's result, below
    known |= {s.value for s in plan.steps} | {q.value for q in plan.quantities} if plan is not None else set()
    known = {abs(k) for k in known}   # an earlier result of -75 explains the "(-75)" of the next step
    converted = {abs(v) * f for v, _ in given for f in (60, 100, 1000, 12, 24, 7)}   # 2 hours is 120 minutes
    used = {v for c in found for v in solver.numbers_in(c.expression)}
    bare = {p for _, p in given if p.isdigit() and not re.search(rf"(?<![\d.]){p}\s*(?:%|percent)", lesson.problem)}
    unused = sorted((phrase for v, phrase in given if v not in used and (phrase in bare or re.search("[a-z]", phrase))),
                    key=lambda phrase: phrase in bare)   # "13 of them are girls": a count named before its number
    parts = {str(c) for c in found for s in (plan.steps if plan is not None else ()) if part_of_step(plan, c, s)}
    parts |= {str(c) for c in found if relation_move(lesson.problem, [c]) is not None}   # "32 ÷ (3 + 1) parts"
    for claim in (c for c in found if c.right and str(c) not in parts) if unused else ():   # "20 × 35" of 24 × 35
        made = {c.stated for c in found if c is not claim}   # "64 ÷ 8 = 8": its own 8 explains nothing
        written = re.sub(r"(?<=\d)/(?=\d)", " / ", arithmetic_text(claim.expression))   # "34/40" uses 34 and 40
        strange = [v for v in solver.numbers_in(written) if abs(v) not in known | converted | made
                   and v not in outside
                   and not (abs(v).denominator != 1 and any(abs(v) * f in known for f in (10, 100, 1000)))]
        if strange:
            verb = "do" if unused[0].endswith("s") else "does"
            return Move("ask", "", f"Where does the {fmt(strange[0])} in {claim} come from, and where {verb} the "
                                   f"{unused[0]} come in?", kind="foreign_number")
    return None
