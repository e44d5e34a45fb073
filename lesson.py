"""Lesson state and the move of each turn: the problem, its plan or evidence, what the student has done, and what
the tutor says, decided by knowledge (the planner, the exact checker, the passage, the retrieved textbook).

A turn reads the student's message top to bottom:
  1. `problem_change(lesson, message)`: is this a new problem ("new"), the current one ("same") or can't we tell
     ("unsure": the tutor asks)? Decided by content: a problem statement the planner (solver.py) can read, an
     expression or equation mathcheck.py can solve, a new passage, or a message sharing little with the current
     problem that asks something of its own; never by a digit or a question mark alone.
  2. `split_problem(message)`: a first message often holds the problem *and* the student's work ("... How many
     rows? I did 72 - 8 = 64"): the problem is the longest run of sentences the planner reads, the rest is the work.
  3. Math: math_moves.py, one room below, checks every arithmetic claim (`claims`, `results`) and picks the move
     from the planner and the checker alone (`math_move`); `Move` is every turn's result. Reading and science:
     `grounded_move(lesson, subject, work)` does the same for reading and
     science with evidence.py: the student's claim is judged against the passage (reading) or the textbook facts
     (science); only a supported claim is confirmed, a contradicted one is flagged, anything else is asked about.
     Across turns the lesson remembers the student's last claim ("and water too" carries it on) and the last one
     flagged ("I still think it's a bird" stays flagged: `still_flagged`; a math step: `held_again`); for reading the
     sentences the tutor pointed to (`pointed_at`: as its reply names them) and the ones the student quoted
     (`from_found_sentence`), for science the facts the student quoted, which decide the answer drawn from them
     (`from_known_fact`).
  4. reply_guard.py's `guard_reply(text, verdict)` runs over every piece of every reply (agent.py calls it): praise
     words only with a "confirm" verdict, and never an internal label (a topic id, a stage name, a config key).
What agent.py's stage machine needs where no knowledge decides the move (its templates and hint ladder, reading
requests and answer attempts, the filters on a model draft) lives one room below, in wording.py: none of it is a
verdict.

`Lesson` is plain data (the session store keeps it under the context key "lesson", so a lesson survives a restart);
the plan is recomputed from the problem text, so the answer is never stored where a student can read it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

import answer_key
import claim_match
import evidence
import text_words
import passage_key
import passages
import reading
import reading_lesson
import retold
import science_catalog
import science_choices
import science_contrast
import science_help
import science_moves
import science_support
import science_trust
import solver
import student_message
from arithmetic_claims import claims, with_start_amount
from math_moves import Move
from mathcheck import match_choice, solve
from locate import deed_elsewhere, deed_told, doer_told, told_past_its_reason
from own_words import HOW_MANY
from reading_verdict import copied_sentence, of_another_subject
from problem_text import ASKING, EXERCISE, SENTENCES, about_student, clock, content_words
from solver import Plan
from traits import TRAIT_ASKED
from wording import NO_PASSAGE, QUESTION_UNCLEAR, answer_attempt, parse_choices, request_flags


@dataclass
class Lesson:
    """What the tutor remembers about the current math problem (JSON-ready: it lives in the session store)."""

    problem: str = ""
    done: list[int] = field(default_factory=list)       # plan steps whose value the student has stated
    stated: list[str] = field(default_factory=list)     # every result the student stated, in order
    worked: list[str] = field(default_factory=list)     # the student's right claims, for the closing recap
    rungs: dict[str, int] = field(default_factory=dict)  # per plan step: how far up its hint ladder we are
    last_hint: str = ""
    hint_repeats: int = 0
    solved: bool = False
    pending: str = ""   # a message that may be a new problem: the tutor asked, the next answer decides
    evidence: list[str] = field(default_factory=list)   # retrieved textbook passages that match the problem
    passage: str = ""   # the reading passage, fixed for the lesson (the session context's, else the one pasted)
    cited: list[str] = field(default_factory=list)      # the sentences or facts the last grounded move rested on
    said: str = ""      # the tutor's last reply: a follow-up that takes up its words stays on the problem
    known: list[str] = field(default_factory=list)      # facts behind what the student quoted: judged with later claims
    card_asked: list[str] = field(default_factory=list)  # the topic card's questions asked so far, in order
    pointed: list[str] = field(default_factory=list)    # reading: the sentences the tutor sent the student to
    claimed: str = ""   # reading and science: the student's last claim, which "and ..." carries on
    flagged: str = ""   # the last claim (math: the work) the tutor flagged, which "I still think ..." holds again
    flag_asked: list[str] = field(default_factory=list)   # math: that flag's verdict and question, said again
    quoted: list[str] = field(default_factory=list)     # science: the student's quotes the textbook bore out
    clues: list[str] = field(default_factory=list)      # reading: the passage lines the student quoted (reading_lesson)
    credited: list[str] = field(default_factory=list)   # reading: those the tutor named a clue (reading_lesson)

    @staticmethod
    def from_dict(values: dict[str, Any] | None) -> Lesson:
        names = {f.name for f in fields(Lesson)}
        return Lesson(**{k: v for k, v in (values or {}).items() if k in names})

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# ============================================================================ reading the student's message

@lru_cache(maxsize=256)
def plan_of(problem: str) -> Plan | None:
    """The plan of a problem, or of the student's retelling of it said as the planner reads a problem (`retold`)
    when the text as typed gives none: only when every form of the retelling that plans gives the same answer."""
    if not problem:
        return None
    if (found := solver.plan(problem)) is not None:
        return found
    plans = [p for form in retold.forms(problem) if form != problem and (p := solver.plan(form)) is not None]
    return plans[0] if plans and len({p.answer for p in plans}) == 1 else None


# "= 22 3x = 15": a number that ends an equation, then a new term ("3x", "x", "(", "15") whose "=" comes before the
# sentence ends: the student's next line of work, typed without a full stop.
NEXT_EQUATION = re.compile(r"(=\s*-?\d+(?:\.\d+)?)\s+(?=(?:(?:\d+[a-z]?|[a-z])(?![\w.])|\()[^.?!=]*=)", re.I)


# "... what is its area i did 12 + 7 = 19": the student's work typed on after the question without a full stop
# starts a sentence of its own (the work has a number; "how many do i have" at the end is the question's own).
WORK_RUN_ON = re.compile(r"(?<=[a-z0-9%])\s+(?=i (?:did|got|think|tried|wrote|worked|found|put|said)\b[^.?!]*\d)",
                         re.I)   # "WHAT IS 7 X 8 I SAID 54" typed in capitals


# "... how many pages does she still have to read i dont get it": the student's own words typed on after the
# question without a full stop (a plea, being stuck, a question of their own) start a sentence of their own too. A
# "help" is a plea only alone at the end or asking for help ("help me", "help pls"): "how do bees help flowers" asks.
REQUEST_RUN_ON = re.compile(r"(?i)\b(?P<q>(?:how|what|find|which)\b[^.?!]*?[a-z0-9%])\s+(?=(?:"
                            r"help(?=\W*$|\s+(?:me|us|pls|plz|please|asap)\b)|pls|plz|please|idk|"
                            r"no idea|stuck|confused|(?:i|im|i'm|i am) (?:so |really |just |kinda |totally )?"
                            r"(?:dont|don't|do not|really|am|'m|stuck|confused|lost|need|cant|can't|have no|tried|"
                            r"forgot)|can (?:you|u)|how (?:do|would|should|can) (?:i|you) (?:do|start|solve|work|even|"
                            r"begin|figure)|what do i do)\b[^.?!]*$)")


def in_speech(piece: str) -> bool:
    """Is a sentence a character's words inside a story ('"How do you do it so fast?' with its closing mark cut off
    by the sentence split)? A question a character asks is never the problem's question."""
    return piece.count('"') % 2 == 1 or piece.count("“") > piece.count("”")


def split_problem(message: str, exercises: bool = True) -> tuple[str, str]:
    """(problem, the student's own words around it): sentences about the student's own situation (`about_student`)
    are theirs, never the problem's; of the rest, the longest run of sentences the planner reads, else (with
    `exercises`, for a message that starts a problem) an exercise the planner reads inside a sentence ("I need the
    key, starting with 3 1/2 - 1 2/3", "<<you are a calculator>> 12% of 350 = ?") asked as "What is ...?", or a
    bare equation asked as "Solve ...", else the message up to its last question or instruction ("Evaluate ..."),
    else the whole message as the problem. Work typed straight after an equation ("3x + 7 = 22 3x = 15") starts a
    sentence of its own, and so do work and a plea typed on after the question ("... its area i did 12 + 7 = 19",
    "... to read i dont get it"); work typed on after a retelling with no question mark is theirs (retold.work_apart:
    "... 4 are broke. so thats 24 chairs")."""
    message = student_message.objection_joined(student_message.lettered(message))   # "A rock B mushroom C cloud" as
    # "A) rock B) mushroom C) cloud"; "isnt X? then why Y" as one question
    if "\n" not in message.strip():   # "ok so a pizza is cut in 8 slices ...": the chat before it is no sentence of it
        message = student_message.FILLER.sub("", message) or message
    if (answered := student_message.answered_apart(message)) is not None:   # "is it B. which is a conductor ...":
        head, work = split_problem(answered[0], exercises)   # the answer typed before the question is the student's
        return head, " ".join(part for part in (work, answered[1]) if part)
    message = REQUEST_RUN_ON.sub(r"\g<q>. ", WORK_RUN_ON.sub(". ", NEXT_EQUATION.sub(r"\1. ", message)))
    message = student_message.answer_apart(student_message.asks_apart(message))
    if (split := _work_after_question(message) or _theirs_apart(message, exercises)) is not None:
        return split
    pieces = [m.group() for m in SENTENCES.finditer(message) if m.group().strip()]
    if (split := _planned_run(pieces)) is not None:
        return split
    equation = re.search(r"=\s*[^\s?]", message)   # "Solve 3 + 2x = 11" is no exercise to evaluate
    for text, m in _exercises(message) if exercises and not claims(message) and not equation else ():
        if re.search(r"\bwhy\b[^?.!]*$", text[:m.start()], re.I):   # "why would I divide 12 by 3?": their doubt
            continue
        if re.search(r"\d[^?]*(?:\?|\bhow (?:many|much|far|long)\b)", text[:m.start()], re.I):
            continue   # "... What percent are girls? do I divide 30 by 18?", "... 47 taken how many empty. 15-47 doesnt
            # work": a sum after the problem's own question (its "?" typed or not) is the student's, never the problem
        if plan_of(asked := f"What is {m.group().strip()}?") is not None:   # never the student's own "6 x 9 = 54"
            before, after = _ASKED_FRAME.sub("", text[:m.start()]), text[m.end():]
            if before != text[:m.start()]:   # "What is 36 x 25? 900": the frame and its "?" are the problem's
                after = re.sub(r"^\s*[?.]", "", after)
            return asked, " ".join(f"{before} {after}".split())
    for piece in (p for p in pieces if exercises and "=" in p and not claims(p)):  # "(x+2)/3 = x - 4. Just x."
        if plan_of(solve := f"Solve {piece.strip()}") is not None:
            return solve, "".join(p for p in pieces if p is not piece).strip()
    # a pasted passage whose own question ("Why go to all this trouble?") is told inside it, then the student's words
    # that ask nothing ("I need the main idea"): the whole message is the problem, its last paragraph what is asked
    passage, tail = student_message.split_message(message)
    if passage and "?" not in tail and not evidence.split_sentences(passage)[-1].rstrip(" \"'”").endswith("?"):
        return message.strip(), ""
    return _by_question(message, pieces) or (message.strip(), "")


def _theirs_apart(message: str, exercises: bool) -> tuple[str, str] | None:
    """split_problem's first cuts: work typed on after a retelling (retold.work_apart), then sentences about the
    student's own situation (`about_student`); None when neither applies."""
    if retold.claim_apart(message) is None and (apart := retold.work_apart(message)) is not None:   # "... 4 are
        # broke. so thats 24 chairs": theirs ("... so 36 left right" says the question it answers: claim_apart's)
        head, work = split_problem(apart[0], exercises)
        return head, " ".join(part for part in (work, apart[1]) if part)
    clocked = [m.group() for m in SENTENCES.finditer(clock(message)) if m.group().strip()]
    own = [p for p in clocked if about_student(p, clock(message))]
    rest = [p for p in clocked if p not in own]
    asks = [i for i, p in enumerate(rest) if p.rstrip().endswith("?") or ASKING.match(p)]
    # the rest must give numbers of its own up to its question, not only the student's sums or answer: "The bus
    # leaves at 7:40 and gets there at 9:10. How many minutes is the ride? 90 minutes" is a problem about a bus
    if own and asks and any(re.search(r"\d", p) and not claims(p) for p in rest[:asks[-1] + 1]):
        head, work = split_problem("".join(rest).strip(), exercises)
        return head, " ".join(part for part in (work, "".join(own).strip()) if part)
    return None


def _planned_run(pieces: list[str]) -> tuple[str, str] | None:
    """The longest run of sentences the planner reads, with what is around it as the student's, or None."""
    windows = sorted(((a, b) for a in range(len(pieces)) for b in range(a + 1, len(pieces) + 1)),
                     key=lambda w: w[0] - w[1])
    for a, b in windows:
        window = content_words("".join(pieces[a:b]))
        if any(solver.numbers_in(p) and not claims(p) and content_words(p) & window for p in pieces[:a]):
            continue   # "A farmer has 5 fields. Each field has 8 rows ... the farmer": a plan without the 5 is not its
        if (found := plan_of("".join(pieces[a:b]).strip())) is not None:
            problem = "".join(pieces[a:b]).strip()
            while b - 1 > a and (shorter := _plan_alone("".join(pieces[a:b - 1]).strip(), pieces[b - 1])) is not None \
                    and (shorter.answer == found.answer or _attempt_after_question(pieces[b - 2], pieces[b - 1])):
                b -= 1   # "... What is the mean score? what even is a mean": the student's question is theirs
                found, problem = shorter, "".join(pieces[a:b]).strip()
                problem = problem if plan_of(problem) else f"Solve {problem}"
            claimed = ""
            if solver.plan(problem) is None and (apart := retold.claim_apart(problem)) and plan_of(apart[0]):
                problem, claimed = apart   # "... 75 leaked out so 125 left right": the 125 is the student's answer
            return problem, " ".join(part for part in ("".join(pieces[:a]).strip(), claimed,
                                                       "".join(pieces[b:]).strip()) if part)
    return None


def _plan_alone(text: str, after: str) -> Plan | None:
    """The plan of a run of sentences, or of a bare equation as "Solve ..." when the sentence `after` it is the
    student's own ("5n - 4 = 31." before "what does the n stand for"), never its own question ("what is x?")."""
    if plan := plan_of(text):
        return plan
    asked = re.match(r"\s*(?:so\s+)?(?:what(?:'s| is)|find|solve(?: for)?)\s+[a-z]\s*[?.!]*\s*$", after, re.I)
    return plan_of(f"Solve {text}") if "=" in text and not asked and not text.startswith("Solve") else None


def _by_question(message: str, pieces: list[str]) -> tuple[str, str] | None:
    """The problem cut at its own question (asked with "?" or inside a sentence), its listed choices, or a question
    typed without its "?" ("y does ice float. bc its less dense"); None when nothing asks."""
    # the problem's own question: the first asking sentence once a number has been given
    asked = [i for i, p in enumerate(pieces) if (p.rstrip().endswith("?") or ASKING.match(p))
             and re.search(r"\d", "".join(pieces[:i + 1])) and not in_speech(p)]
    if asked and asked[0] + 1 < len(pieces):
        return "".join(pieces[:asked[0] + 1]).strip(), "".join(pieces[asked[0] + 1:]).strip()
    # a question asked inside a sentence without its "?" ("..., how far in 5 hours. 36 / 3 = 12"): what follows is
    # the student's once it holds their working or their own words ("so far i did 3 + 4 = 7 parts")
    inside = [i for i, p in enumerate(pieces) if _ASKED_INSIDE.search(p) and re.search(r"\d", "".join(pieces[:i + 1]))]
    if inside and any(claims(p) or _THEIR_OWN.search(p) or _BARE_VALUE.fullmatch(p) for p in pieces[inside[0] + 1:]):
        return "".join(pieces[:inside[0] + 1]).strip(), "".join(pieces[inside[0] + 1:]).strip()
    questions = [i for i, p in enumerate(pieces) if p.rstrip().endswith("?")]  # a passage and its question
    for i in questions:  # the choices after the question are the problem's; "I think A" after them the student's
        if options := student_message.LISTED_OPTIONS.match(rest := "".join(pieces[i + 1:])):
            return f"{''.join(pieces[:i + 1]).strip()} {options.group(0).strip()}", rest[options.end():].strip(" .")
    # a stem with no "?"
    if (options := student_message.LISTED_OPTIONS.search(message)) and message[options.end():].strip(" ."):
        return message[:options.end()].strip(), message[options.end():].strip(" .")
    if questions and questions[-1] + 1 < len(pieces):
        return "".join(pieces[:questions[-1] + 1]).strip(), "".join(pieces[questions[-1] + 1:]).strip()
    if student_message.unmarked_question(pieces):   # "y does ice float. bc its less dense": the answer is theirs
        return pieces[0].strip(), "".join(pieces[1:]).strip()
    return None


_ASKED_INSIDE = re.compile(r"\b(?:how (?:many|much|far|long)|what'?s|whats|what (?:is|was|are)|"
                           r"(?:when|what time) (?:does|did|will|do|is)\b[^.?!]*\b"
                           r"(?:get|arrive|end|finish|start|leave))\b",
                           re.I)
_BARE_VALUE = re.compile(r"\W*\$?-?\d[\d:.,/]*\s*(?:[a-z%]{1,8}\.?)?\W*", re.I)   # "12:15", "$10", "26 cm": an answer
_THEIR_OWN = re.compile(r"\b(?:i|i'?m|im|i'?ve|my|idk)\b", re.I)


def _work_after_question(message: str) -> tuple[str, str] | None:
    """A retold problem with working typed straight after its question, no mark between ("... how many boxes does
    she fill 60 in 6s is 10 boxes", "... whats the sale price 25% of 60 is 15 so 45"): the working starts at the
    latest word from which the first claim after the question still reads whole (an operation typed first starts from
    the problem's number that makes its result: `with_start_amount`); None without such a claim, or when
    the question is closed by a "?" before the working (the other cuts read that)."""
    asked = _ASKED_INSIDE.search(message)
    if asked is None or "?" in message[asked.start():].rstrip(" ?!") or \
            len(re.findall(r"\d+", message[:asked.start()])) < 2:
        return None
    tail = message[asked.end():]
    starts = [m.start() for m in re.finditer(r"(?<![\w.:/$%])[\w$]", tail)]
    # a claim read as written comes first; only without one does an operation typed first start from the
    # problem's number ("23 divided by 2.50 is 9.2" is never cut after its 23)
    for ready in (lambda text: text, lambda text: with_start_amount(text, message[:asked.start()])):
        reads = [(at, [str(c) for c in claims(ready(tail[at:]))[:1]]) for at in starts]
        first = next((said for _, said in reads if said), None)
        if first is not None:
            cut = max(at for at, said in reads if said == first)
            if re.search(r"[.!?;](?:\s|$)", tail[:cut]):   # "how many left. first 3 lots of 8": a mark between
                return None
            return message[:asked.end() + cut].strip(" ,;"), tail[cut:].strip()
    return None


def _attempt_after_question(question: str, piece: str) -> bool:
    """Is this piece the student's answer to the question just before it ("... How much is left? I got $24")? The
    planner reads a number after the question as one more given, so only its form tells it is an attempt."""
    asks = question.rstrip().endswith("?") or ASKING.match(question) is not None
    return asks and answer_attempt(piece.strip(), []) is not None


def _exercises(message: str) -> list[tuple[str, re.Match]]:
    """The exercises written in a message, each with the text it was found in: "6 + 4 x 3" is read with the x as a
    times sign (never as the exercise "6 + 4"), and so is a lone "What is 7 x 8?" (no exercise without it)."""
    found = [(message, m) for m in EXERCISE.finditer(message)]
    times_beside = any(re.match(r"\s*x\s*[-−]?\d", message[m.end():]) or re.search(r"\d\s*x\s*$", message[:m.start()])
                       for _, m in found)   # "6 x 7 + 8" around "7 + 8" is one exercise
    if found and not times_beside:
        return found
    times = re.sub(r"(?<=\d)( ?)x(?= ?[-−]?\d)", r"\1×", message)
    for words, sum_in_signs in _OPERATION_WORDS.items():   # "how do I work out 624 divided by 8": the sum, in signs
        times = re.sub(words, sum_in_signs, times, flags=re.I)
    return [(times, m) for m in EXERCISE.finditer(times)]


# the problem's own asking words just before an exercise ("What is", "Work out"): the problem's, never the student's
_ASKED_FRAME = re.compile(r"\b(?:what is|what's|whats|calculate|work out|find|evaluate|compute)\s*$", re.I)

_OPERATION_WORDS = {r"(?<=\d) divided by (?=\d)": " ÷ ", r"(?<=\d) (?:times|multiplied by) (?=\d)": " × ",
                    r"(?<=\d) plus (?=\d)": " + ", r"(?<=\d) minus (?=\d)": " - ",
                    r"\badd (\d+) and (\d+)": r"\1 + \2", r"\bsubtract (\d+) from (\d+)": r"\2 - \1",
                    r"\bmultiply (\d+) by (\d+)": r"\1 × \2", r"\bdivide (\d+) by (\d+)": r"\1 ÷ \2"}


# Requests, never answers (#21): a plea for help ("I don't get what you mean": no "mean" to explain) and a request
# to check work that the message does not hold ("can you check my work?"); work is a digit, or words after a colon.
CONFUSED = re.compile(r"\bi (?:don'?t|do not|dont) (?:get|understand)\b|\bwhat do(?:es)? (?:you|that|it) mean\b|"
                      r"\bconfus|\bmakes? no sense\b|"
                      # a whole message that only asks for help ("help", "more help", "another hint please"): never
                      # a one-word answer ("help" to "Which word describes Mia?")
                      r"^\W*(?:can i have |give me |i need )?(?:more |some |extra |another |a |one more |a bigger )?"
                      r"(?:help|hint)(?: me)?(?: please| pls| plz)?\W*$|"
                      # "still stuck", "im lost", "no idea", "i still dont know": never a meaning ("famished means
                      # i still dont know") or a word of the passage
                      r"^\W*(?:i'?m |im |i am )?(?:still |so |really )?(?:stuck|lost)\W*$|^\W*no (?:idea|clue)\W*$|"
                      r"^\W*i (?:still |really )?(?:don'?t|dont|do not) know\W*$", re.I)
CHECK_ASK = re.compile(r"\b(?:check|grade|mark)\b[\w ]{0,12}\b(?:my|this|it|answers?|work)\b|"
                       r"\bis (?:this|it|that|mine) (?:right|correct)\b", re.I)


def request_of(message: str) -> str:
    """"confused", "check" or "": a message that asks for help or for a check and offers no work of its own."""
    others = set(request_flags(message)) - {"check_work", "question_unclear"}   # the two this function tells apart
    if re.search(r"\d|:\s*\w", message) or others:   # a teacher's "grade my class" asks the key
        return ""
    if CHECK_ASK.search(message) and not student_message.extract_claim(CHECK_ASK.sub("", message)):
        return "check"
    return "confused" if CONFUSED.search(message) else ""


_NEW = re.compile(r"\b(?:new|next|another|different|other) (?:problem|question|one)\b", re.I)
_ASKS = re.compile(r"\?|\b(?:how (?:many|much|far|long)|what is|what's|find|solve|calculate|work out)\b", re.I)


FOLLOW_UP = re.compile(r"^\W*(?:so|but|and|then|oh|wait|hmm+|because|cause|cuz)\b", re.I)


# "is it 4/12?", "maybe -3?": one number offered, an answer to the current problem, never an exercise of its own
_GUESS = re.compile(r"(?:is it|maybe|so|i think|it'?s|or)?\s*-?\$?\d+(?:\.\d+)?(?:/\d+)?\s*\?*", re.I)


def problem_change(lesson: Lesson, message: str) -> str:
    """"new", "same" or "unsure": does this message start a new problem? Recognised by content, never by a digit or
    a question mark alone: the planner or the solver can read a different problem, or the message shares little
    with the current problem while stating a question with its own numbers (then we ask)."""
    if not lesson.problem:
        return "new"
    head, _ = split_problem(message, exercises=False)   # "so 96 / 8 = 12" is work on this problem, not a new one
    if plan_of(head) is not None and plan_of(head) != plan_of(lesson.problem):
        return "new"
    words = content_words(message)
    overlap = len(words & content_words(lesson.problem)) / max(1, len(words))
    if overlap >= 0.4 or (len(message.split()) <= 6 and words & content_words(lesson.said)):
        return "same"   # the problem's words, or a short follow-up on the tutor's ("what is a sticker?")
    if lesson.said and len(message.split()) <= 8 and FOLLOW_UP.match(message):
        return "same"   # "so distance doesn't matter?", "because ...": a connective carries on the talk, if any
    if solve(message) is not None and _ASKS.search(message) and not _GUESS.fullmatch(message.strip()):
        return "new"   # "What is 3/4 + 1/8?", "Solve 2x + 3 = 11": an exercise mathcheck.py can solve
    own_numbers = set(solver.numbers_in(message)) - set(solver.numbers_in(lesson.problem))
    stated_problem = len(SENTENCES.findall(message)) >= 2 or len(message.split()) >= 15
    if len(message.split()) >= 40 and overlap < 0.2 and _ASKS.search(message):
        return "new"   # a new passage and its question
    if _NEW.search(message) or (stated_problem and _ASKS.search(message) and own_numbers):
        return "unsure"
    if overlap == 0 and len(words) >= 3 and message.rstrip().endswith("?") and not re.search(r"\d", message):
        return "unsure"  # a question about something else entirely: perhaps a new one
    return "same"

# evidence.py's verdict on a claim as the lesson's: praise only for a claim a passage sentence or a fact supports; a
# flag only where one contradicts it ("absent" is no "wrong": a right answer may use words the facts do not).
EVIDENCE_VERDICTS = {"supported": "confirm", "contradicted": "flag", "absent": "ask", "unclear": "ask"}


class Facts:
    """The textbook passages retrieved for the problem, searched like evidence.KnowledgeBase: the facts a science
    move rests on when no knowledge base is loaded (they already matched the problem, best first)."""

    def __init__(self, texts: list[str]):
        # A retrieved chunk is a whole lesson section: its sentences are the facts (a grade-band header or a list of
        # questions is no fact), so a move quotes one sentence, never a page.
        body = [re.sub(r"^\s*Grade band:\s*\S+\s*", "", text).split("Questions to think about")[0] for text in texts]
        self.sentences = [s for text in body for s in evidence.split_sentences(text) if len(s.split()) >= 5]

    def search(self, query: str, k: int = 3) -> list[dict[str, str]]:
        wanted = set(text_words.content_words(query))
        shared = {s: len(wanted & set(text_words.content_words(s))) for s in self.sentences}
        return [{"text": s} for s in sorted(self.sentences, key=lambda s: -shared[s])[:k] if shared[s]]


# a student quoting the passage ('The text says: "..."'), which is evidence found, not yet their answer
CITES = re.compile(r"\b(?:text|passage|story|article|poem|author|it) (?:says|said|states)\b|^\W*[\"“]", re.I)
# a message that offers its words as the answer ("So the answer is nectar.", "I think it's H2O", "is it nectar?"): a
# one-word answer said so is judged like any other, never taken for a "hmm", and a symbol or formula is still one
STATED = re.compile(r"\b(?:the answer is|my answer is|answer:|i (?:still |really |just )?think|i got|i'd say|it'?s|"
                    r"it is)\s+"
                    r"(?:it'?s\s+|it is\s+)?(?P<answer>[^?]+?)[.!\s]*$|"
                    r"^\W*(?:so\s+)?(?:is it|could it be|maybe it'?s)\s+(?P<asked>[^?]+?)\s*\?+\s*$", re.I)
# "it's called a herbivore", "they are known as fossils": the naming words frame the answer, they are no part of it
NAMED = re.compile(r"\b(it'?s|it is|they'?re|they are|that'?s|that is|this is)\s+(?:called|named|known as)\s+", re.I)
# a request to check or grade what follows it ("check my work: the feathers are soft"): the work is the claim
CHECK_REQUEST = re.compile(r"^\W*(?:(?:can|could|will) you |please )?(?:check|grade|mark|look at)\b[^:]{0,30}:\s*",
                           re.I)
# "sunlight" then "and water and carbon dioxide": an answer said in pieces, the second carrying on the first
CARRIES_ON = re.compile(r"^\W*(?:and|also|plus|as well as)\b[\s,]*", re.I)


def said_in(claim: str, passage: str) -> bool:
    """Is a one-word answer a word of the passage, in any form ("eyelashes" for "eyelash")?"""
    told = {form for word, _ in text_words.content_tokens(passage) for form in text_words.base_forms(word)}
    return any(text_words.base_forms(word) & told for word, _ in text_words.content_tokens(claim))


def picked_choice(subject: str, message: str, work: str, claim: str | None) -> \
        tuple[str | None, list[str], int | None]:
    """(claim, the question's choices, the one picked): a picked choice is the claim as the choice's text."""
    choices = parse_choices(message)
    attempt = answer_attempt(claim or work, choices) if choices and (claim or work) else None
    picked = match_choice(attempt, choices) if attempt else None
    if subject == "science" and choices and picked is None:   # "B bc burning makes ash": a letter, then why
        picked = science_choices.read_pick(work or claim or "", choices)[0]
    # a science claim that is only the options said again ("A) earthworm B) eagle C) cow" after the stem) picks
    # none and states no idea: the student is stuck
    listed = subject == "science" and choices and set(text_words.content_words(claim or "")) <= set(
        text_words.content_words(" ".join(choices)))
    return (choices[picked] if picked is not None else None if listed else claim), choices, picked


def grounded_move(lesson: Lesson, subject: str, work: str, kb: evidence.KnowledgeBase | None = None,
                  key: dict[str, Any] | None = None) -> Move | None:
    """A reading or science turn's move from evidence.py: the passage sentence (reading; the passage is fixed for the
    lesson) or the textbook fact (science: `kb`, else the retrieved passages) decides the student's claim; the move
    asks, points to the evidence, or confirms only a supported claim; for reading without a passage, asks for it. The
    question is the one the message asks (a request or a claim around it is no part of it); a choice the student
    names by its letter is judged as the choice's text. A teacher's answer key for this passage (`key`, posted with
    it through serve.py's /context) decides first what it can (answer_key.keyed_move)."""
    passage, message = student_message.split_message(lesson.problem, prose=subject == "reading")
    message = student_message.lettered(message) if subject == "science" else message   # choices typed with bare letters
    lesson.passage = lesson.passage or passage or ""
    pasted = subject == "reading" and not lesson.passage and len(evidence.split_sentences(work)) >= 3
    if pasted:   # the text the tutor asked for, pasted on its own: the lesson's first move on it, no hint rung
        lesson.passage, work = work, ""
    work = NAMED.sub(r"\1 ", CHECK_REQUEST.sub("", work))
    work = student_message.FILLER.sub("", work) or work   # "hmm" alone stays what it is: no claim
    if (more := CARRIES_ON.match(work)) and lesson.claimed:   # judged as one answer, both pieces together
        work = f"{lesson.claimed} and {work[more.end():]}"
    question = student_message.question_of(message) or message
    question = science_support.as_asked(question) if subject == "science" else question  # "idk y r ... lol"
    question = reading_lesson.why_asked(message, lesson.passage) or question if subject == "reading" else question
    if OFFERS.search(question) and not re.search(r"\bor not\b", question, re.I):
        # "no, a bat is a mammal" to "Is a bat a bird or a mammal?": the student taking back their last pick, no
        # answer to a yes/no question (the pick decides it)
        work = science_catalog.POLAR_LEAD.sub("", work) or work
    asked = "?" in message  # a first message without a question may be all claim: "I think the east bridge..."
    # the claim is judged against the question alone: the first message's own answer, said again later ("I still
    # think a lodge is a hotel"), is no restating of the question
    claim = student_message.extract_claim(work or message, question) if work or asked else \
        student_message.extract_claim(message)
    stated = STATED.search(work) if work else None
    offered = (stated.group("answer") or stated.group("asked")) if stated else ""
    offered = "" if science_catalog.NO_ANSWER.match(offered) else offered
    claim = claim or offered or None
    # "is it from the soil or from the air?", "Explain.": the student asking back or the task's own word, no claim
    claim = None if claim and subject == "science" and (science_help.asks_back(claim, work or message) or
                                                        science_contrast.pair_asked(claim, work or message)) else claim
    seen = student_message.why_of(work or message) if subject == "science" and claim else None
    if seen and claim in seen and science_catalog.match_misconception(claim, question) is None:
        claim = None  # "adding bulbs in series makes them dimmer but why": what they ask about, no idea of theirs
    if subject == "science" and not claim:  # "8", "100°C": no content word, yet the whole answer to a value question
        claim = science_moves.stated_value(work or message, question) or picked_option(work, question)
    counted = subject == "reading" and not text_words.content_words(claim or "") and HOW_MANY.match(question) \
        and re.search(r"\d", work)   # "40" (a claim of no word) to "How many trips ...?"
    claim = work if counted else claim   # "90" to "How many steps ...?": the whole answer (own_words.number_told)
    claim, choices, picked = picked_choice(subject, message, work, claim)
    short = claim and len(text_words.content_words(claim)) < 2 and reading.classify_question(question) != "vocabulary"
    kept = short and (counted or subject == "science" and science_catalog.judged_short(claim, question) or
                      subject == "reading" and said_in(claim, lesson.passage)   # "bikes": a word the text holds
                      or subject == "reading" and bool(passages.named_feelings(claim))   # "nervous": a feeling
                      or subject == "reading" and bool(TRAIT_ASKED.search(question)))   # "honest": a trait
    if short and not offered and not kept:
        claim = None  # "hmm", "maybe": one word answers a vocabulary question, a word of the passage, a fact's word
    claim = reading_lesson.reason_given(work, lesson.passage, question) or claim if subject == "reading" else claim
    lesson.claimed = claim or lesson.claimed
    if subject == "reading":
        if not lesson.passage:
            return Move("ask", "", NO_PASSAGE, kind="evidence_no_passage")
        keyed = key and key.get("passage") == lesson.passage and \
            answer_key.keyed_move(key.get("questions", []), lesson.passage, question, claim)
        found = keyed if keyed and keyed.verdict != "unclear" else \
            reading_found(lesson, question, claim, work or message)
        if keyed and found is not keyed and found.verdict == "supported" and keyed.status == "near":  # a near miss
            found = keyed  # of the key, or far from it, is not confirmed by the passage either: evidence asked for
        elif not keyed:  # no teacher's key: the passage's own, derived from the lines the question points at
            found = passage_key.derived_move(lesson.passage, question, claim, found) or \
                passage_key.limited_move(question, claim, found) or found
    else:
        # the turn after a gap to fill ("Does fission or fusion fill the gap?"): the pick, or the other side's gap
        found = science_contrast.gap_reply(question, lesson.cited, work or message, kb or Facts(lesson.evidence)) \
            or science_found(lesson, question, claim, choices, picked, work, work or message, kb)
    found = still_flagged(lesson, claim, found)
    lesson.cited = found.evidence
    partial = found.status if found.status != "answer" else ""  # true, but a step, a detail or evidence: no summary
    # a card's rung to a stuck student is said as it is (it asks): the stage machine's hint would be a keyword frame;
    # a claim no sentence decides (a theme in the student's words) is still answered by the move, never by a hint rung
    verdict = EVIDENCE_VERDICTS.get(found.verdict or "", "ask" if found.kind == "card_rung" and lesson.said else "none")
    verdict = "ask" if partial in ("trait", "off") else verdict  # no deed yet; a true line off the question
    return Move("ask" if (pasted or claim) and verdict == "none" else verdict, "", found.text,
                kind=f"evidence_{partial or found.verdict or 'question'}", evidence=found.evidence)


def reading_found(lesson: Lesson, question: str, claim: str | None, said: str) -> evidence.Move:
    """A reading turn's move from the passage (reading.py), built on the lines the student quotes (`said`)."""
    quoted = bool(CITES.search(said))
    found = reading.reading_move(lesson.passage, question, claim, cited=quoted,
                                 unclear=bool(QUESTION_UNCLEAR.search(said)))
    found = from_found_sentence(lesson, claim, found, quoted=quoted)
    found = located_answer(lesson, question, claim, found, said)
    found = reading_lesson.credit_clue(lesson, question, claim, said, found) if quoted else found
    return reading_lesson.from_clue_lines(lesson, question, claim, reading_lesson.as_said(found), quoted)


def science_found(lesson: Lesson, question: str, claim: str | None, choices: list[str], picked: int | None, work: str,
                  said: str, kb: evidence.KnowledgeBase | None) -> evidence.Move:
    """A science turn's move from the catalog and the facts (`kb`, else the lesson's retrieved passages): a choice
    question by its choices, else the claim; a fact the student quotes (in `said`, their words this turn or the
    first message) is kept as their evidence, never an answer."""
    facts = kb or Facts(lesson.evidence)
    stuck = picked is None and (not claim or science_catalog.is_help(work))  # no pick and no idea of their own
    reason = science_choices.pick_reason(work, choices, picked) if choices and picked is not None else ""
    found = science_choices.choice_move(question, choices, picked, facts, reason) if choices and (  # type: ignore
        picked is not None or stuck) else science_moves.science_move(question, claim, facts, known=lesson.known)
    # a student who names what confuses them ("I mix up atoms and molecules") gets the fact that tells them apart,
    # unless a topic card written for this very scenario already opens the lesson; a word they ask the meaning of
    # ("what does freezing point mean here") is their own question, answered before any card
    if stuck and (found.kind not in ("card", "misconception") or science_help.asked_term(said, question)):
        found = science_help.help_move(said, question, facts, science_moves.answers, lesson.problem) or \
            science_contrast.contrast_move(question, facts) or found
    found = card_rung(lesson, question, claim, found)
    found = science_trust.next_link_move(found, claim, question, said)  # a right step, then what: the next link
    found.text = science_moves.proper_names(found.text)
    if found.verdict == "supported" and CITES.search(said):   # a quoted fact is evidence, no answer
        # the knowledge that bears it out stays with the lesson: the answer the student draws from it is judged
        # against it too, though a search for the answer's own words may not find it again
        lesson.known = list(dict.fromkeys([*lesson.known, *found.evidence]))
        lesson.quoted = list(dict.fromkeys([*lesson.quoted, *([claim] if claim else [])]))
        about = student_message.about(question).replace("the question", "this question")
        found = evidence.Move(f"The textbook does say that, and it is the rule behind {about}. Use it on this case: "
                              f"what does it make happen here? Say it in your own words.",
                              "fact", "unclear", found.evidence)
    elif claim and found.kind == "fact" and found.verdict in ("unclear", "absent") and CITES.search(said):
        # a quoted sentence no fact decides is the student's evidence: ask how it answers, not why they said it
        about = student_message.about(question).replace("the question", "").strip()
        found = evidence.Move(f"You found \"{science_catalog.echo(claim)}\". If that holds, what does it make happen "
                              f"in this case{f', {about}' if about else ''}? Say the link in your own words.",
                              "fact", found.verdict, found.evidence)
    elif not CITES.search(said):
        found = from_known_fact(lesson, claim, question, found)
    return found


def from_found_sentence(lesson: Lesson, claim: str | None, found: evidence.Move, quoted: bool) -> evidence.Move:
    """A reading lesson's memory of where the answer is: the sentences the tutor pointed to and the ones the student
    then quoted from the passage. A true claim taken from a sentence that is both (the tutor sent them there, they
    found it) answers the question: it is confirmed, never sent back to "does it answer it? look at ..." (the ranker
    may prefer a neighbour, but the tutor already named this sentence as the place to look)."""
    _, sentences, where = passages.body(lesson.passage)
    if found.verdict is None and not claim:   # a pointer with no claim to judge: where the tutor sends them
        lesson.pointed = list(dict.fromkeys([*lesson.pointed, *found.evidence]))
    elif quoted and found.verdict == "unclear" and found.evidence and found.evidence[0] in sentences:
        lesson.known = list(dict.fromkeys([*lesson.known, found.evidence[0]]))   # a sentence they found and quoted
    if found.verdict != "supported":   # "Look at the sentence that begins ..., and the sentence just before it"
        lesson.pointed = list(dict.fromkeys([*lesson.pointed, *pointed_at(found.text, sentences, where)]))
    if claim and not quoted and found.status == "off" and found.evidence and found.evidence[0] in lesson.pointed \
            and found.evidence[0] in lesson.known:   # the quote itself is their evidence, not yet their answer
        verdict = evidence.Verdict("supported", found.evidence[0])
        return evidence.Move(reading.confirm(found.kind, claim, verdict, sentences), found.kind, "supported",
                             found.evidence, "answer")
    return found


MORE_ASKED = re.compile(r"\b(?:what(?:'s| is| comes| happens)? (?:next|else)|then what|what after that|"
                        r"(?:is|are) there (?:more|any more|others?)|(?:what's|what is) (?:another|the other)|"
                        r"another one|the rest)\b", re.I)  # a right part, and the student asks for the rest


def located_answer(lesson: Lesson, question: str, claim: str | None, found: evidence.Move,
                   said: str) -> evidence.Move:
    """A literal answer the sentence the question locates (or a line the student quoted for it) says in its own
    words (claim_match.located_support) is right: it is confirmed from that sentence, never sent back with "does it
    answer the question?". One said of another thing than the line the question names (claim_match.asked_elsewhere),
    or taken from what "some people say" as the writer's own, is flagged. A student who asks for the rest ("Then
    what?") hears that their part is right and where it is said, not the line itself (it may hold the rest). A
    quoted line is their evidence, no answer; a contradiction stands."""
    _, sentences, where = passages.body(lesson.passage)
    if claim and CITES.search(said):   # a line they found and quoted: where their answer may come from next
        lesson.quoted = list(dict.fromkeys([*lesson.quoted, claim]))
    if not claim or CITES.search(said) or found.verdict == "contradicted":
        return found
    held = found.evidence[0] if found.verdict == "supported" and found.evidence else ""
    places = {line: reading.place(sentences, i, where) for i, line in enumerate(sentences)}  # never quoted: the
    # line may hold the rest of the answer
    asked = "the question"   # never quoted inside a question (reading_asks)
    if held in sentences and found.status in ("evidence", "answer", "off") and passages.COUNTERCLAIM.search(held) \
            and not passages.ASKS_COUNTER.search(question):   # what "some people say": no evidence of the writer's
        return evidence.Move(f"That is what some people say, the other side: {places[held]} gives it, and the writer "
                             f"answers it. What does the writer say about {asked}?", found.kind, "contradicted", [held])
    if found.status in ("step", "evidence"):
        return found
    cited = [i for i, s in enumerate(sentences) if any(copied_sentence(q, [s]) for q in lesson.quoted)]
    confirmed = found.status == "answer" and held in sentences
    support = held if confirmed else claim_match.located_support(claim, question, found.kind, sentences, cited)
    elsewhere = claim_match.asked_elsewhere(question, sentences, held) if confirmed and found.kind == "detail" and \
        not deed_told(question, held) else None  # a line telling the deed asked is about it, whatever it names
    beside = passages.EVENT.search(question) and elsewhere is not None and abs(sentences.index(held) - elsewhere) == 1
    elsewhere = None if beside else elsewhere  # "what do you do after ...": the step beside the moment's line answers
    if elsewhere is not None and not doer_told(question, held, sentences, elsewhere):  # said of another thing than
        # the one asked about: no answer to it (what the doer it names did after that line answers it)
        return evidence.Move(f"The passage does say that, but {places[held]} is about something else. Read "
                             f"{places[sentences[elsewhere]]} again: what does it say about {asked}?", found.kind,
                             "contradicted", [sentences[elsewhere]])
    line = held if confirmed else support
    if found.kind == "detail" and line and (other := deed_elsewhere(question, sentences, line)) is not None:
        return reading_lesson.other_moment(question, sentences, places, line, other, found.kind)
    if support is None or confirmed and not MORE_ASKED.search(said) or of_another_subject(claim, question, support) \
            or found.kind in ("cause", "motive") and told_past_its_reason(question, sentences, support):
        return found   # "they store water", asked of the spines, from the stems' clause: true, and no answer; what
        # follows a "That is why ..." event, asked its reason
    if MORE_ASKED.search(said) or claim_match.MANY_ASKED.search(question):  # one of several: the line may hold more
        return evidence.Move(f"Yes, that part is right: {places[support]} says so. Keep reading from there: what else "
                             f"does the passage tell you about {asked}?", found.kind, "supported", [support], "step")
    verdict = evidence.Verdict("supported", support)
    return evidence.Move(reading.confirm(found.kind, claim, verdict, sentences, question), found.kind, "supported",
                         [support], "answer")


# how a reply names a passage sentence (reading_order.named): by its opening, or by its place, with a neighbour after it
NAMED_SENTENCE = re.compile(r"(?:\bthe sentence that begins [\"“](?P<begins>[^\"”]+?)(?:\.\.\.|…)?[\"”]|"
                            r"\b(?P<place>the (?:\w+ )?(?:sentence|line) of (?:the passage|paragraph \d+|stanza \d+)|"
                            r"(?:sentence|line) \d+ of (?:the passage|paragraph \d+|stanza \d+)))"
                            r"(?P<next>,? and the (?:sentence|line) just (?P<side>before|after) it)?", re.I)


def pointed_at(text: str, sentences: list[str], where: list[str]) -> list[str]:
    """The passage sentences a reply sends the student to: each named by its opening or its place ("the fifth
    sentence of the passage"), and the neighbour it names with it ("and the sentence just before it")."""
    found = []
    for m in NAMED_SENTENCE.finditer(text):
        begins = (m.group("begins") or "").rstrip(". ")
        index = next((i for i, s in enumerate(sentences) if begins and s.lstrip("\"“'").startswith(begins)), None) \
            if m.group("begins") else (where.index(m.group("place").lower()) if m.group("place").lower() in where
                                       else None)
        if index is None:
            continue
        found.append(sentences[index])
        near = index + (-1 if (m.group("side") or "").lower() == "before" else 1)
        if m.group("next") and 0 <= near < len(sentences):
            found.append(sentences[near])
    return found


def from_known_fact(lesson: Lesson, claim: str | None, question: str, found: evidence.Move) -> evidence.Move:
    """A science answer drawn from the fact the student quoted a turn before (the tutor agreed the textbook says it):
    when that fact, or the student's own quote of it, bears the answer out, it is confirmed, though the topic card or
    a search for the answer's own words would only test it ("Let's test ...": the right answer asked again). A card
    or a fact that names it wrong still decides first."""
    said = [*lesson.known, *lesson.quoted]   # the quote in the student's words too: the answer often echoes it
    if not claim or not said or found.verdict in ("supported", "contradicted") or found.kind == "misconception":
        return found
    verdict = evidence.judge_claim(claim, said, question, neighbours=False)
    backed = science_support.backing_fact(claim, question, said) if verdict.label != "supported" else None
    verdict = evidence.Verdict("supported", backed) if backed else verdict
    if verdict.label != "supported":
        return found
    return evidence.Move(f"{science_catalog.yes(claim)} {science_moves.follow_up(claim, question)}", "fact",
                         "supported", [verdict.sentence])


def still_flagged(lesson: Lesson, claim: str | None, found: evidence.Move) -> evidence.Move:
    """A claim flagged a turn before, held again in fewer words ("I still think it's a fish" after "a whale is a fish
    because it swims"), is still flagged: no card or fact decides the short form alone, yet asking about it as a new
    idea would take back the flag. Its words must all be the flagged claim's own, in any of their forms and spelled
    out ("the lemonade leaks through" holds "the lemonade leaking thru the glass")."""
    if found.verdict == "contradicted" and claim:
        lesson.flagged = claim
    elif found.verdict == "supported":
        lesson.flagged = ""
    words = text_words.content_tokens(text_words.spelled_out(claim or ""))
    held = text_words.forms_of(text_words.spelled_out(lesson.flagged))   # "leaks" held of "leaking thru": its forms
    if not words or not lesson.flagged or found.verdict not in (None, "unclear", "absent") \
            or not all(text_words.forms_of(word) & held for word, _ in words):
        return found
    rest = re.sub(r'^(?:Your idea:|You named) "[^"]*"\.\s*', "", found.text)   # the claim is named just before
    return evidence.Move(f"\"{science_catalog.echo(claim)}\" is still the part that does not fit. {rest}", found.kind,
                         "contradicted", found.evidence, found.status)


# "I still think 50 / 300", "I'm sure it's 9": the student holds on to what was just said to be wrong
HOLDS = re.compile(r"\b(?:i (?:still|really) (?:think|say|believe)|i'?m (?:still )?(?:sure|positive|certain)|"
                   r"it'?s still)\b", re.I)


def held_again(lesson: Lesson, work: str, move: Move) -> Move:
    """A math move across turns: a flagged step (or one diagnosed as a known slip) is remembered, and the same step
    held again ("I still think 91 / 6.": its numbers all the flagged work's own) stays flagged with the flag's own
    question where the turn's own move would not flag it: read as a fresh step ("Yes, 91 is right.") it would take
    the flag back. A confirmed step forgets the flag."""
    held = set(NUMBER.findall(work))
    if move.verdict != "flag" and HOLDS.search(work) and lesson.flag_asked and held \
            and held <= set(NUMBER.findall(lesson.flagged)):
        verdict, question = lesson.flag_asked
        step = re.sub(r"(?i)^(?:that|it'?s|it is)\s+", "", HOLDS.split(work, maxsplit=1)[-1].strip(" .!:"))
        return Move(verdict, f"{step[:1].upper()}{step[1:]} is still the step that does not fit.", question,
                    kind="diagnosed" if verdict == "flag" else "diagnosed_midway")
    if move.verdict == "flag" or move.kind == "diagnosed_midway":
        lesson.flagged, lesson.flag_asked = work, [move.verdict, move.question]
    elif move.verdict == "confirm":
        lesson.flagged, lesson.flag_asked = "", []
    return move


NUMBER = re.compile(r"\d+(?:\.\d+)?")
# "Is a lion a herbivore or a carnivore?": a question that offers its answers, joined by "or".
OFFERS = re.compile(r"\b[\w-]+,?\s+or\s+(?:an?\s+|the\s+)?[\w-]+", re.I)


def picked_option(work: str, question: str) -> str | None:
    """The option a short reply picks from a question that offers them ("herbivore", "sound is faster"): its words
    are the question's own, so no claim is read from it, yet it is the whole answer a card or a fact can judge."""
    said = student_message.CLAIM_MARKERS.sub("", work.strip()).strip(" .!")   # "I said neutral": the pick is "neutral"
    if not said or not OFFERS.search(question) or len(said.split()) > 8 or science_catalog.NO_ANSWER.match(said) \
            or science_catalog.is_help(said):
        return None
    asked = set(text_words.content_words(question))
    return said if set(text_words.content_words(said)) & asked else None


def card_rung(lesson: Lesson, question: str, claim: str | None, found: evidence.Move) -> evidence.Move:
    """A topic card's move climbs the card's own ladder (science_catalog.card_ladder) and never asks a question of it
    twice word for word: a stuck student gets the next rung, an idea to test is tested with it. A claim that takes up
    the rung just asked ("it's summer in Australia" to "what is it in Australia?") answers it: the student's words
    are kept and the next rung asked, never "Let's test" their observation."""
    asked = student_message.question_of(question) or question
    card = science_catalog.route_card(asked, evidence.key_terms(question), evidence.default_embedder(), question,
                                      science_catalog.NEAR_COSINE if claim is None else science_catalog.CLAIM_COSINE)
    card = science_moves.scene_card(card, f"{asked} {claim or ''}") if card else card
    if card is None or found.kind != "card" or found.verdict == "supported" or card.opening not in found.text:
        return found
    ladder = [q for q in science_catalog.card_ladder(card) if not science_catalog.states(card.accept, q)]
    if found.verdict == "contradicted":  # the card's next question goes on from the right answer: a wrong one is led
        ladder = [q for q in ladder if q != card.next and not q.startswith("Let's start with this")] \
            or [card.opening]  # back by the opening or its first question, never "what is going on there?"
    ladder = ladder or [card.opening]  # a rung the card would accept as the answer states it: never asked
    fresh = [q for q in ladder if q not in lesson.card_asked]  # all asked: the one asked longest ago, never the last
    rung = fresh[0] if fresh else min(ladder, key=lambda q: (q == lesson.card_asked[-1], lesson.card_asked.index(q)))
    text = found.text.replace(card.opening, rung)
    last = lesson.card_asked[-1] if lesson.card_asked else ""
    words = set(text_words.content_words(claim or "")) - set(text_words.content_words(question))
    # its words mostly the rung's own, no reason given, no quote: an answer to the rung, not the idea held again
    taken_up = words and not science_catalog.gives_reason(claim or "") and not CITES.search(claim or "") \
        and 2 * len(words & set(text_words.content_words(last))) >= len(words)
    if taken_up and text.startswith("Your idea: \""):   # an observation, no cause: neither praised nor put to a test
        text = f"You said \"{science_catalog.echo(claim)}\". Keep that in mind for the next question: {rung}"
    lesson.card_asked = [*lesson.card_asked, rung]
    return evidence.Move(text, "card_rung", found.verdict, found.evidence)
