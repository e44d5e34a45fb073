"""The math move without a plan (moved from math_moves.py in round 18, behaviour unchanged), and `Move`, every turn's
result, with `fresh_hint` (a hint never comes three times in a row): they live here, the lower room, and math_moves.py
passes them on (lesson.py, agent.py, escalate.py and science_numbers.py import them from there).

`move_without_plan`: the arithmetic is checked, but whether it is the right step, or which step comes next, is the
student's to propose, never invented. What the checker verifies alone is judged (`_checked_exactly`: an equation's
root put back into it, numbers kept to a stated sum, gap or run, a change of unit or a part of a whole, an expression
expanded or simplified); a story read change by change (`_story_move`, story_changes.py) confirms its answer, points a
number that applies one change the wrong way at that change, and asks the next change; right arithmetic read the
wrong way (meaning_cues.py: a sign, a remainder, a rate, a percent's base, a comparison, a start) is asked at that
meaning, never called right; other right arithmetic is said to be right and its meaning asked (`_claims_checked`); a
number without its working is asked about, never judged (`_unexplained_value`, `_given_offered`); a help request
starts from the part of the story that can be worked out first, else the relation the problem names, else its first
move (`_first_without_plan`).
`by_chance` (with a plan or without): the answer's number reached by one claim that leaves a quantity out is asked
about, never confirmed. The lesson state (`lesson.Lesson`) is named for the reader only (TYPE_CHECKING)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

import retold
import solver
import wordproblem
from answer_check import chain_answer, confirmed_words, named_result, next_with, offered_last, why_last_step
from arithmetic_claims import (OP_SIGN, Claim, arithmetic_text, as_written, claims, computed_given, operations,
                               path_to, pending, presented_as_answer, result_of, right_through, route_to,
                               true_of_work, unused_quantities)
from asked_step import number_move, taken_away
from clock_claims import elapsed_answer, length_offered
from diagnosis import diagnose
from known_steps import all_alike_words, compared_step, percent_base
from local_step import local_flag, local_move, local_start
from meaning_cues import meaning_cue
from measure_kinds import measure_check, shape_words, span_hours
from next_unplanned import compared_choice, next_after
from problem_text import given_numbers, meaning_question, problem_sentences, question_sentence, question_target, \
    said_list, told_apart
from solver import Plan, Step, fmt
from step_parts import what_it_finds
from step_rules import (conditions_words, exact_words, expression_words, known_slip, mixed_kinds_words,
                        place_rounding_words, substituted_words, unit_change, wrong_factor)
from story_changes import (answer_by_story, compared_sum, moved_question, part_plan, part_story, relation_help,
                           relation_move, story_changes, story_walk, then_question)
from unplanned_help import conditions_start, equation_start, first_move, second_look, way_in

if TYPE_CHECKING:   # the lesson state lives in lesson.py, which imports math_moves.py, which imports this room
    from lesson import Lesson


@dataclass
class Move:
    """One tutor move: its verdict (confirm / flag / ask / none) and its words (a lead, then the question)."""

    verdict: str
    lead: str = ""
    question: str = ""
    step: Step | None = None   # the plan step the question asks about (the model may word it)
    kind: str = ""             # why, for the `step` event: "final_right", "claim_wrong", "diagnosed", ...
    evidence: list[str] = field(default_factory=list)  # a grounded move's passage sentences or textbook facts

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.lead, self.question) if part)


def fresh_hint(lesson: Lesson, text: str, rephrased: str) -> str:
    """`text`, unless it was the hint of the last two turns: then `rephrased` (a hint never comes three times)."""
    if text == lesson.last_hint and lesson.hint_repeats >= 2:
        text = rephrased
    lesson.hint_repeats = lesson.hint_repeats + 1 if text == lesson.last_hint else 1
    lesson.last_hint = text
    return text


def by_chance(answer: Fraction, given: dict[Fraction, str], found: list[Claim], worked: list[str]) -> Move | None:
    """The answer's number reached by chance ("3 + 6 = 9" where 3 bags of 6 apples, less 4 and 5 eaten, leave 9): one
    claim on given numbers only that leaves out a quantity of a problem of several steps. Asked about, never
    confirmed. A number the student worked out (`worked`: "36 ÷ 6 = 6" before "6 × 3 = 18") is theirs, though the
    problem gives it too."""
    claim = next((c for c in reversed(found) if c.right and c.stated == answer), None)   # the last that makes it
    written = arithmetic_text(claim.expression) if claim is not None else ""   # "36/6" uses 36, not the 6 it makes
    used = set(solver.numbers_in(re.sub(r"(?<=\d)/(?=\d)", " / ", written)))
    left = [text for value, text in given.items() if value not in used and value != 1]   # "1 cup for every 4"
    made = {result_of(w) for w in worked} - {answer}
    if claim is None or not used <= set(given) or used & made or not left:
        return None
    numbers, ops = [fmt(v) for v in solver.numbers_in(claim.expression)], operations(claim)
    why = f"Why {_VERB[ops[0]].format(*numbers)}, and where" if len(numbers) == 2 and len(ops) == 1 else "Where"
    return Move("ask", f"The arithmetic is right: {claim}.",
                f"{why} {'do' if left[0].endswith('s') else 'does'} the {left[0]} come in?", kind="other_route")



def _checked_exactly(lesson: Lesson, problem: str, found: list[Claim], said: list[Fraction], work: str) -> Move | None:
    """Without a plan, what the checker verifies on its own: an equation's root put back into it, numbers kept to
    the conditions the problem states, a problem of one known step (a change of unit, a part of a whole), an
    expression expanded or simplified. A right answer is confirmed with that check as its recap; a wrong one is
    flagged at the step, with the problem's first move (never its answer). None when none of these applies."""
    offer = "Would you like a similar problem to try?"
    if root := substituted_words(problem, work):   # "x = 4" put back into 2(3x - 1) = 4x + 10
        ask = offer if root[0] == "confirm" else equation_start(problem)
        return Move(root[0], root[1], fresh_hint(lesson, ask, ask), kind=root[2])
    if elapsed := elapsed_answer(problem, work):   # "3:45 to 4:00 is 15 min, ... so 1 hr 35 min": every step exact
        return Move("confirm", f"Yes, {elapsed[0]} is right! Your steps: {', then '.join(elapsed[1])}.", offer,
                    kind="final_right")
    if length := length_offered(problem, work):   # "is it 1 hour 35 min?" of 6:35 to 8:10: the two times decide
        return Move(length[0], length[1], fresh_hint(lesson, length[2], length[2]), kind=length[3])
    if kept := conditions_words(problem, work):   # "19 and 11" of two numbers adding to 30, 8 apart
        ask = offer if kept[0] == "confirm" else conditions_start(problem)
        return Move(kept[0], kept[1], fresh_hint(lesson, ask, ask), kind=kept[2])
    exact = known_slip(problem, work, found) or exact_words(problem, said, found) or expression_words(
        problem, work) or shape_words(problem, said, work) or all_alike_words(problem, work)   # a triangle's third
    # angle: 180° decides; "if all were chickens, 40 legs" of chickens and cows: the legs decide
    return Move(*exact[:3], kind=exact[3]) if exact else None   # "2.5 hours in minutes", "Expand 3(x + 4)"


def move_without_plan(lesson: Lesson, found: list[Claim], said: list[Fraction], work: str) -> Move:
    """`_unplanned` on the problem with its question told apart from its facts (problem_text.told_apart): a story typed
    as one run ("8 benches 5 kids on each and 6 went outside how many still on benches") is read sentence by
    sentence, and its question quoted alone. The lesson keeps the problem as typed: every move below reads the text
    it is given."""
    problem = told_apart(lesson.problem)
    return step_not_answer(_unplanned(lesson, problem, found, said, work), said, work, problem)


def step_not_answer(move: Move, said: list[Fraction], work: str, problem: str) -> Move:
    """A step confirmed whose result the student offers as their answer ("7 x 12 = 84 so 84 spots") confirms the
    step, never the answer: without a plan, a right step that stops short may answer another question, so the
    lead says the step is right without "Yes" (heard as "your answer is right"). A result named by a word the
    question does not use ("30 nails" when it asks how many packs) is a step, and keeps its "Yes"."""
    if move.kind == "final_right" or not move.lead.startswith("Yes, ") or not said \
            or not presented_as_answer(work, said[-1]):
        return move
    asked = {wordproblem.stem(w) for w in re.findall(r"[a-z]+", question_sentence(problem_sentences(problem)).lower())}
    # the word after the number where it is said last ("7 x 12 = 84 so 84 spots": spots, never "so")
    named = re.findall(rf"(?<![\d.]){re.escape(fmt(said[-1]))}\s*([a-z]{{2,}})", arithmetic_text(work), re.I)
    if asked and named and wordproblem.stem(named[-1].lower()) not in asked:
        return move
    lead = move.lead.removeprefix("Yes, ")
    return Move(move.verdict, lead[:1].upper() + lead[1:], move.question, move.step, kind=move.kind)


def _unplanned(lesson: Lesson, problem: str, found: list[Claim], said: list[Fraction], work: str) -> Move:
    """No plan: the arithmetic is checked, but whether it is the right step, or which step comes next, is the
    student's to propose, never invented. Right arithmetic is said to be right and its meaning asked (what the
    result counts, where a number of the problem not used yet comes in); a result without its working is asked
    about (never called right or wrong; a number the problem gave is never asked "how did you get"); a request for
    help is pointed at what the problem says about the question's target. No question comes three times."""
    decided = _decided_exactly(lesson, problem, found, said, work)
    if decided is not None:
        return decided
    if based := percent_base(problem, work):   # "15 out of 75" for a price gone from $60 to $75: which base
        return Move("ask", based[0], fresh_hint(lesson, based[1], based[1]), kind="percent_base")
    story = _story_move(lesson, problem, said, work)
    if story is not None:
        return story
    if changed := _unit_changed(lesson, problem, found, work):   # "12 m = 1200 cm": checked, the rest asked
        return changed
    if factor := wrong_factor(problem, found):   # "5 × 12 = 60 feet" of 5 yards: another unit's size
        return Move("flag", *factor, kind="claim_wrong")
    if measured := measure_check(problem, found, said, work, lesson.worked):   # "12 m × 5 m" for a fence
        return Move(measured[0], measured[1], fresh_hint(lesson, measured[2], measured[2]), kind="measure_kind")
    sentence_part = part_plan(problem)   # a step of its one sentence is read by its plan's diagnosis, below
    own_step = sentence_part is not None and any(c.stated != sentence_part.answer and _used_values(
        [str(c)]) >= set(sentence_part.steps[0].values) for c in found)   # "7 + 12" for 7 rows of 12: its slip
    if not own_step and (flagged := local_flag(problem, found, _used_values([*lesson.worked, work]))):   # "96 − 3"
        return Move(flagged[0], flagged[1], fresh_hint(lesson, flagged[2], flagged[2]), kind=flagged[3])
    related = relation_move(problem, found, tuple(Fraction(v) for v in lesson.stated))
    rest = re.search(r"\b(?:not|left|rest|remain\w*)\b", question_sentence(problem_sentences(problem)), re.I)
    if related is not None and related.verdict == "confirm" and rest and presented_as_answer(work, found[-1].stated):
        return Move("flag", f"{found[-1]} checks out: {related.lead.split(': ', 1)[-1]} But the question asks about "
                            f"the rest, so that is not the answer yet.", related.question, kind="stopped_early")
    if related is not None:   # "9 + 4" for 4 times as many bikes as 9 scooters: the story's relation, at that step
        return Move(related.verdict, related.lead, fresh_hint(lesson, related.question, related.question),
                    kind="claim_wrong" if related.verdict == "flag" else "part_done")
    given = given_numbers(problem)
    mixed = mixed_kinds_words(given, found)
    if mixed is not None:   # "$8 + 6 tickets": what each counts, asked at that step
        return Move("ask", *mixed, kind="mixed_kinds")
    compared = compared_sum(problem, found)
    if compared is not None:   # "64 + 29" for how much taller 64 feet is than 29 feet
        return Move(compared.verdict, compared.lead, compared.question, kind="claim_wrong")
    part = part_plan(problem)
    diagnosis = diagnose(part, work) if part is not None and said else None
    # "14 + 6 = 20" for "14 pages a day for 6 days", when it is true of the steps they wrote
    if diagnosis is not None and diagnosis.value in said and not computed_given(diagnosis.value, found, given) \
            and (not found or true_of_work(diagnosis.says, work, problem)):
        return Move("ask", diagnosis.says, fresh_hint(lesson, part.steps[0].question, solver.hints(part, 0)[0]),
                    kind="diagnosed_midway")
    if found and (meant := meaning_cue(problem, found, work)):   # "5 + 12" for -5 risen 12: the sign, asked
        return Move("ask", meant[0], fresh_hint(lesson, meant[1], meant[1]), kind="meaning")
    mixed_before = mixed_kinds_words(given, [c for w in lesson.worked for c in claims(w)])
    answered = _answer_checked(problem, lesson.worked, found, said, work) if mixed_before is None else None
    if answered is not None:
        lesson.solved = True
        return Move("confirm", *answered, kind="final_right")
    through = right_through(lesson.worked, given, said, work, problem, lesson.last_hint)
    if through is not None and mixed_before is None:   # every given number used once by right steps
        return Move("confirm", through[0], fresh_hint(lesson, through[1], _full_answer(problem)),
                    kind="claim_checked")
    own_part = part is not None and bool(found) and found[-1].right and found[-1].stated == part.answer
    local = local_move(problem, found, work, _used_values([*lesson.worked, work])) if found and not own_part else None
    if local is not None:   # "9 × 3 = 27" of 9 rides at 3 tickets each: tickets, by the sentence that says so
        return Move(local[0], local[1], fresh_hint(lesson, local[2], _full_answer(problem)), kind=local[3])
    if found:   # the numbers used so far: this message's and those of the right claims of earlier turns
        return _claims_checked(problem, given, found, " ".join([*lesson.worked, work]), part,
                               offered_last(work, found[-1].stated))
    offered = said[-1] if said else None
    route = route_to(lesson.worked, [v for v, _ in given], offered, work) if offered is not None else ""
    if route:   # "6 each" after "48 - 6 = 42", with 7 friends: their route, said back, never judged (no plan)
        return Move("ask", route, fresh_hint(lesson, meaning_question(problem, as_written(offered, work)),
                                             _full_answer(problem)), kind="explain")
    said = [v for v in said if v not in {value for value, _ in given}]
    if offered is not None and not said:   # "is it 12?" where the problem gave the 12: never "how did you get it"
        return _given_offered(lesson, problem, offered)
    shown = next((w for w in reversed(lesson.worked) if said and result_of(w) == said[-1]), "")
    if shown:   # "is it 158?" after "468 - 310 = 158": its working is known, its meaning is asked
        return Move("ask", f"You found {as_written(said[-1], work)} with {shown}.",
                    meaning_question(problem, as_written(said[-1], work)), kind="explain")
    if said:
        return _unexplained_value(lesson, problem, given, said, work, part)
    return _first_without_plan(lesson, problem, given, part, frozenset(solver.numbers_in(work)))


def _decided_exactly(lesson: Lesson, problem: str, found: list[Claim], said: list[Fraction], work: str) -> Move | None:
    """A rule or an exact check that knows the answer without a plan ("Round 3,451 to the nearest thousand"), its
    move, with the lesson marked solved when it confirms the final answer; else None."""
    rounding = place_rounding_words(problem, said, lesson.last_hint)
    if rounding is not None:
        lesson.solved = lesson.solved or rounding[3] == "final_right"
        lesson.last_hint = rounding[2]
        return Move(*rounding[:3], kind=rounding[3])
    checked = _checked_exactly(lesson, problem, found, said, work)
    if checked is not None:
        lesson.solved = lesson.solved or checked.kind == "final_right"
    return checked


def _unit_changed(lesson: Lesson, problem: str, found: list[Claim], work: str) -> Move | None:
    """A change of unit (step_rules.unit_change) said as the move, kept in the route; None when there is none, or
    when the work goes on past it ("3m is 300cm and 300 divided by 25 is 12"): then the route is checked whole."""
    changed = unit_change(problem, work)
    if changed and changed[3] and changed[3] not in lesson.worked:
        lesson.worked.insert(0, changed[3])   # the change comes before the steps on the measure it makes
    went_on = changed is not None and changed[0] == "confirm" and bool(changed[3]) and \
        any(c.right and c.stated != result_of(changed[3]) for c in found)
    return Move(*changed[:3], kind="unit_change") if changed and not went_on else None


def _first_without_plan(lesson: Lesson, problem: str, given: list[tuple[Fraction, str]], part: Plan | None,
                        stated: frozenset[Fraction] = frozenset()) -> Move:
    """No plan and no number said: the part of the story that can be worked out first, else the relation the problem
    names, else its first move (unplanned_help.first_move) in the problem's own words, never asking a fact whose
    number they have `stated` ("I know the angles add to 180")."""
    part = part or part_plan(problem, apart=True)
    if part is not None:   # the part of the story that can be worked out first, in its own words
        ask = way_in(part, part.steps[0]) or solver.opening(part, 0)
        return Move("none", "", fresh_hint(lesson, ask, solver.hints(part, 0)[0]), kind="propose")
    if start := local_start(problem, stated):   # "18 rows with 22 seats for each row": the step a sentence states
        return Move("none", "", fresh_hint(lesson, start, second_look(problem, given)), kind="propose")
    lead, question = first_move(problem, given, stated)
    related = relation_help(problem)
    if related is not None:   # "4 times as many cards as Sue has": the relation asked, never a frame
        return Move("none", "", fresh_hint(lesson, related, question), kind="propose")
    return Move("none", lead, fresh_hint(lesson, question, second_look(problem, given)), kind="propose")


def _unexplained_value(lesson: Lesson, problem: str, given: list[tuple[Fraction, str]], said: list[Fraction], work: str,
                       part: Plan | None = None) -> Move:
    """A number offered without its working and without a plan: never "right" or "wrong". The answer of a plan of
    one sentence (`part_plan`) is said to answer that part, and where the rest comes in asked. When two of the
    problem's numbers make it by one operation, that operation is asked about in the problem's words ("Why add $8 and
    6 tickets?"); else which of the problem's quantities it came from, named, so the question fits only this
    problem. Their numbers are said in their own form ("5/8", never 0.625)."""
    value = as_written(said[-1], work)
    by_question = number_move(problem, said[-1], earlier=tuple(Fraction(v) for v in lesson.stated))
    if by_question is not None:   # "135" short of what is still left of 240 pages: the question's last step asked
        return Move(by_question.verdict, by_question.lead, fresh_hint(lesson, by_question.question, meaning_question(
            problem, value)), kind="part_done" if by_question.verdict == "ask" else "wrong_way")
    part = part or part_plan(retold.normalised(problem))   # "6 tables w 4 chairs each": read as retold
    if part is not None and said[-1] == part.answer:
        rest = _left_over(given_numbers(retold.normalised(problem)), part.steps[0].values)
        target = question_target(question_sentence(problem_sentences(problem))) or "the answer"
        ask = f"How do {value} and the {rest[0]} give you {target}?" if rest else \
            meaning_question(problem, value)
        unit, finds = part.steps[0].unit, what_it_finds(part.steps[0].question)
        said_unit = rf"(?:{re.escape(unit)}|{re.escape(unit.split()[-1])})" if unit else ""   # "375 trees": apple
        if unit and re.search(rf"(?<![\d.]){re.escape(value)}\s*{said_unit}\b", work, re.I):
            # "so thats 24 chairs" of 6 tables with 4 chairs each: the part, said with what it counts, is checked
            return Move("confirm", f"Yes, {value} {unit} is right{f': that is {finds}' if finds else ''}.",
                        fresh_hint(lesson, ask, meaning_question(problem, value)), kind="part_done")
        return Move("ask", f"{value} answers \"{part.steps[0].question}\"",
                    fresh_hint(lesson, ask, meaning_question(problem, value)), kind="part_done")
    earlier = f"You found {', then '.join(as_written(v, work) for v in said[:-1])}." if len(said) > 1 else ""
    if lesson.worked and not earlier:
        ask = f"What did you do with {' and '.join(lesson.worked[-2:])} to get {value}?"
        return Move("ask", "", fresh_hint(lesson, ask, meaning_question(problem, value)), kind="explain")
    if not earlier and (counted := taken_away(problem, said[-1])):   # the question's words name the step
        return Move("ask", counted, fresh_hint(lesson, _full_answer(problem), meaning_question(
            problem, value)), kind="explain")
    named = [(v, phrase) for v, phrase in given if re.search(r"[a-z$]", phrase)]
    pair = next(((a, op, b) for a in named for b in named if a is not b for op in "+-*/"
                 if (op != "/" or b[0]) and wordproblem.apply_op(op, (a[0], b[0])) == said[-1]), None)
    if pair:
        (_, first), op, (_, second) = pair
        ask = f"Why {_VERB[op].format(first, second)}, and what does {value} count in this problem?"
        return Move("ask", f"{earlier} {value} is what {first} {OP_SIGN[op]} {second} makes.".strip(),
                    fresh_hint(lesson, ask, meaning_question(problem, value)), kind="explain")
    known = said_list(list(dict.fromkeys(phrase for _, phrase in given))[:4])
    ask = f"Which of {known} did you use to get {value}, and what did you do with them?" if len(given) > 1 else \
        f"How did you get {value}? Show me that step."
    return Move("ask", earlier, fresh_hint(lesson, ask, meaning_question(problem, value)), kind="explain")


def _left_over(given: list[tuple[Fraction, str]], used: tuple[Fraction, ...]) -> list[str]:
    """The given quantities a step leaves out, each of its values used once (the 4 broken chairs are not the 4
    chairs at each table), named by their phrase ("4 chairs"; a bare number names nothing)."""
    left, rest = list(used), []
    for value, phrase in given:
        if value in left:
            left.remove(value)
        elif re.search(r"[a-z]", phrase):
            rest.append(phrase)
    return rest


_VERB = {"+": "add {} and {}", "-": "take {1} from {0}", "*": "multiply {} by {}", "/": "divide {} by {}"}


def _given_offered(lesson: Lesson, problem: str, value: Fraction) -> Move:
    """The student offers a number the problem itself gives: where the problem says it, and what the question asks
    that this number alone does not tell."""
    sentences = problem_sentences(problem)
    where = next((p for p in sentences if value in solver.numbers_in(p)), "")
    lead = f"{fmt(value)} is a number the problem gives you: \"{where}\"" if where else ""
    asked = question_sentence(problem_sentences(problem))
    target = question_target(asked) or "what the question asks"
    return Move("ask", lead, fresh_hint(lesson, f"How does {fmt(value)} help you find {target}?",
                                        f"What else does the problem tell you about {target}?"), kind="explain")


def _claims_checked(problem: str, given: list[tuple[Fraction, str]], found: list[Claim], work: str,
                    part: Plan | None = None, offered: bool = False) -> Move:
    """Right arithmetic without a plan: "The arithmetic is right: 26 × 18 = 468." (the checker knows that much, and
    no more: the step may still be the wrong one), then its meaning: what the first result stands for in this
    problem, and where a given number the work has not used comes in (with its noun); once every given number is
    used, whether the last result answers the problem's own question. A result the plan of one sentence
    (`part_plan`) finds is confirmed as the part of the story it answers, and only where the rest comes in asked."""
    spans = [text for value, text in span_hours(problem).items() if value in solver.numbers_in(work)]
    unused = [u for u in unused_quantities(given, work) if not any(u in text for text in spans)]   # 2.5 for 2 h 30 min
    latest = found[-1]
    then = pending(work)   # "I did 6 x 15 and got 90 then took 17": what that gives, and what it counts
    after = f"What do you get when you {THEN_VERB[then[0]].format(latest.written, fmt(then[1]))}, and what does " \
        f"that number count in this problem?" if then else ""
    if part is not None and latest.right and latest.stated == part.answer \
            and set(solver.numbers_in(latest.expression)) == set(part.steps[0].values):
        verb = "do" if unused and unused[0].endswith("s") else "does"
        ask = after or (f"Where {verb} the {unused[0]} come in?" if unused else
                        f"What is left to do to answer \"{question_sentence(problem_sentences(problem))}\"")
        finds = what_it_finds(part.steps[0].question)
        return Move("confirm", f"Yes, {latest} is right{f': that is {finds}.' if finds else '.'}", ask,
                    kind="part_done")
    shown = [str(c) for c in found[-3:]]
    lead = f"The arithmetic is right: {', '.join(shown[:-1])} and {shown[-1]}." if len(shown) > 1 else \
        f"The arithmetic is right: {shown[0]}."
    first, last = found[0].written, found[-1].written
    counted = taken_away(problem, latest.stated) if len(found) == 1 and latest.right and \
        set(solver.numbers_in(latest.expression)) == {v for v, _ in given} else None
    if after:
        question = after
    elif counted:   # "32 - 19 = 13" where the question asks how many seats are empty: nothing to doubt
        lead, question = f"{lead} {counted}", _full_answer(problem)
    elif gap := compared_step(problem, given, (set(solver.numbers_in(latest.expression)), operations(latest)[-1])
                              if operations(latest) else None):
        question = gap   # "45 + 9" of "45 stickers, 9 more than zoe", asked for Zoe: which way the gap goes
    elif unused and len(found) == 1 and (following := next_after(problem, latest, work)):
        lead, question = following   # "4 + 5 = 9" of 4:5 and 72 beads: the 72 shared into 9 parts, asked
    elif unused:
        verb = "do" if unused[0].endswith("s") else "does"
        question = f"Where {verb} the {unused[0]} come in?"   # the quantity left out; the step itself not judged
    elif offered and not question_sentence(problem_sentences(problem)):   # "6 tables w 4 chairs each and 4 are
        # broke" asks nothing: every number used, whether the answer is right hangs on the question left out
        question = f"Your steps use every number of the problem. What does its question ask, and does {last} answer it?"
    elif offered and operations(latest):   # their answer, named: the open question is why that last operation
        question = why_last_step(latest)
    elif named_result(work, last):   # "Price of the hat: 42 / 2 = 21": what 21 is, they said; what comes next is open
        question = next_with(problem, last)
    elif (asked := question_sentence(problem_sentences(problem))) and last != first:
        question = f"Does {last} answer \"{asked}\" If not, what does {last} count in this story?"
    else:
        question = meaning_question(problem, first)
    return Move("confirm", lead, question, kind="claim_checked")


def _answer_checked(problem: str, worked: list[str], found: list[Claim], said: list[Fraction],
                    work: str) -> tuple[str, str] | None:
    """(lead, offer) for a right answer decided without a plan: the pick of a comparison ("so store B is cheaper")
    or a chain using every given, the last step the question's own (answer_check.chain_answer); None else."""
    if picked := compared_choice(problem, found, work):
        return picked
    steps = chain_answer(problem, worked, said, work)
    return confirmed_words(said[-1], work, steps, problem) if steps is not None else None


def _used_values(texts: list[str]) -> set[Fraction]:
    """Every number the student's claims use or make, in these texts ("36/4 = 9": 36, 4 and 9)."""
    shown = [arithmetic_text(str(c)) for text in texts for c in claims(text)]
    return {v for text in shown for v in solver.numbers_in(re.sub(r"(?<=\d)/(?=\d)", " / ", text))}


def _full_answer(problem: str) -> str:
    return f"Say it as a full sentence that answers \"{question_sentence(problem_sentences(problem))}\""


THEN_VERB = {"-": "take {1} from {0}", "+": "add {1} to {0}", "*": "multiply {0} by {1}", "/": "divide {0} by {1}"}


def _implied_story(problem: str, said: list[Fraction], work: str) -> str:
    """A story retold with its question left out ("sam had 9 bags and gave 3 bags away. i think 6 bags"), with the
    question a number said in the story's own unit answers put back ("... How many bags are there now?"); "" when the
    story asks something already, its changes do not read plainly, or the number is said in another unit."""
    if not said or question_sentence(problem_sentences(problem)) or "?" in problem:
        return ""
    unit = re.search(rf"(?<![\d.]){re.escape(fmt(said[-1]))}\s+([a-z]+)", arithmetic_text(work), re.I)
    asked = f"{problem.rstrip(' .')}. How many {unit.group(1)} are there now?" if unit else ""
    changes = story_changes(asked) if asked else None
    return asked if changes and wordproblem.same_word(changes[0].unit, unit.group(1)) else ""


def _story_move(lesson: Lesson, problem: str, said: list[Fraction], work: str) -> Move | None:
    """Without a plan, a story read change by change (story_changes.py) still knows what there is now: the right
    answer is confirmed, a number that applies one change the wrong way is asked about at that change, a right step is
    confirmed and the next change asked, and a help request starts from the story's first change. A story that starts
    from a part worked out first (`part_story`) only confirms the answer or asks about a change gone the wrong way."""
    implied = _implied_story(problem, said, work)
    problem = implied or problem
    changes = story_changes(problem)
    partial = changes is None
    changes = part_story(problem) if partial else changes
    if changes is None:
        return None
    final = answer_by_story(changes)
    if implied and said[-1] == final and not lesson.worked:   # "gave 3 bags away. i think 6 bags": its sum said
        lesson.solved = True
        told = " ".join(f"{OP_SIGN['+' if c.sign > 0 else '-']} {fmt(c.value)}" for c in changes[1:])
        return Move("confirm", f"Yes, {as_written(final, work)} {changes[0].unit} is right: "
                               f"{fmt(changes[0].value)} {told} = {fmt(final)}.",
                    "Would you like a similar problem to try?", kind="final_right")
    current, applied = story_walk(changes, lesson.worked)
    rest = [c for i, c in enumerate(changes[1:], 1) if i not in applied]
    pairs = given_numbers(problem)
    first = {value: next(p for v, p in pairs if v == value) for value, _ in pairs}   # each number's first phrase
    chance = by_chance(final, first, claims(work), lesson.worked) if said and said[-1] == final \
        and len(changes) > 1 else None
    if chance is not None:   # "3 + 6 = 9" where 3 bags of 6, less 4 and 5, leave 9: asked, never confirmed
        return chance
    if said and said[-1] == final:
        lesson.solved = True
        path = path_to(lesson.worked, final)
        steps = f" Your steps: {', then '.join(path)}." if path else ""
        return Move("confirm", f"Yes, {as_written(final, work)} is right!{steps}",
                    "Would you like a similar problem to try?", kind="final_right")
    flipped = next((c for c in changes[1:] if said and said[-1] == final - 2 * c.sign * c.value), None)
    if flipped is not None:
        doing = "added" if flipped.sign < 0 else "taken away"
        return Move("flag", f"{as_written(said[-1], work)} is not what the story gives: it comes from the "
                            f"{fmt(flipped.value)} "
                            f"being {doing}.", moved_question(problem, flipped), kind="wrong_way")
    if partial:   # the story then starts from an amount the problem never wrote: no walk along it
        return None
    if said and said[-1] == current and applied and rest:
        shown = next((w for w in reversed(lesson.worked) if result_of(w) == current), fmt(current))
        return Move("confirm", f"Yes, {shown} is right.", f"Next: {then_question(problem, rest[0])}",
                    kind="step_right")
    if said or not rest:
        return None
    lead = f"The story starts with \"{changes[0].clause}.\"" if not applied else ""
    return Move("none", lead, fresh_hint(lesson, then_question(problem, rest[0]),
                                         moved_question(problem, rest[0])), kind="propose")
