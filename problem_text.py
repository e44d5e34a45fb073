"""A math problem's own text, read before any plan: its sentences, its question and what that question asks for,
the numbers it gives with their nouns, and the first question a tutor can ask about it when nothing else is known.

  - `problem_sentences` splits a problem ("6:45 p.m." ends no sentence), `question_sentence` finds its question
    (the last that asks, or one inside a request: "just tell me how many litres are left."), and `question_target`
    names what it asks for ("How many pages did she read on Tuesday?" -> "the number of pages on Tuesday").
  - `about_student` sets apart a sentence about the student's own situation ("I have 5 min before class"), whose
    numbers are no quantities of the problem; `given_numbers` lists the quantities with their nouns ("5 packs").
  - `first_move_question` and `meaning_question` are the questions asked when no plan reads the problem: they point
    at a sentence of the problem or ask what a result stands for, never whether it is right.
It is apart from wording.py (the tutor's fallback words) because the math rooms read a problem with it long before any
words are chosen: step_rules, asked_step, arithmetic_claims, story_changes and lesson.py all start here.
"""
from __future__ import annotations

import re
from fractions import Fraction

import retold
import wordproblem
from mathcheck import problem_equation

# A sentence about the student's own situation ("I have 5 min before class", "class starts at 8", "it's 6 a.m.",
# "this is due at 9 tonight", "I got a 72 on my last quiz"): its numbers are no quantities of the problem.
SITUATION_WORDS = (r"min|mins|minutes?|hours?|hrs?|class|school|due|tonight|tomorrow|today|homework|quiz|test|exam|"
                   r"teacher|bed|late|tired|deadline|grade|practi[cs]e|period|bus|mom|dad")
SITUATION = re.compile(
    rf"\b(?:i|i'?m|im|i'?ve|i'?ll|my|me|we|our)\b[^.?!]*\b(?:{SITUATION_WORDS})\b"
    r"|\b(?:class|school|it|this|homework|the (?:test|quiz|bus))\b[^.?!]{0,20}\b(?:starts|begins|is due|due|leaves)\b"
    r"|\bit'?s (?:already |almost |like |only )?\d{1,2}(?::\d\d)?\s*(?:am|pm|o'?clock)\b", re.I)


def clock(text: str) -> str:
    """"6 a.m." as "6 am": its dots end no sentence."""
    return re.sub(r"\b([ap])\.m\.(?=\W|$)", r"\1m", text)


# "How to Plant a Herb Box" heads a list of steps: a title, no question
ASKING = re.compile(r"\s*(?:what|how(?!\s+to\b)|find|calculate|evaluate|work out|solve|simplify|round|convert|"
                    r"expand)\b", re.I)


def question_sentence(sentences: list[str]) -> str:
    """A problem's own question, from its sentences: the last that asks ("How many pages did she read on Tuesday?"),
    else a question inside a request ("just tell me how many litres are left." asks "How many litres are left?")."""
    asking = [p for p in sentences if p.endswith("?") or ASKING.match(p)]
    if asking:
        return asking[-1]
    inside = [m for p in sentences if (m := re.search(r"\bhow (?:many|much|far|long)\b[^.?!]+", p, re.I))]
    return f"{inside[-1].group()[0].upper()}{inside[-1].group()[1:].rstrip()}?" if inside else ""


_AUX = r"(?:did|does|do|are|is|was|were|will|would|can|could|has|have|had|should|must|shall)"
_TARGETS = (  # the question's target as a noun phrase: "How many pages did..." -> "the number of pages"
    (r"^how (?:many|much) more\b(?=[^?]*\bthan\b)()", "the difference{}"),  # "... than ...?" compares two amounts
    (r"^how many more ([a-z]+)\b", "the number of extra {}"),  # "How many more weeks ...?" is what is still to come
    (r"^how much more (?!(?:does|did|do|is|was|will|would|can)\b)([a-z]+)\b", "the extra {}"),
    (r"^how much more\b()", "the extra amount{}"),
    # "How many does he need?" names no noun: never "the number of does he need"
    (rf"^how many (?!{_AUX}\b)((?:[\w]+ ){{0,2}}?[a-z]+) (?:{_AUX}|until|before|after|per|in|of|for)\b",
     "the number of {}"),
    (rf"^how much (?!{_AUX}\b)([a-z]+(?: [a-z]+)?) {_AUX}\b", "the {}"),   # never "the does each"
    (rf"^how much {_AUX} ([^?]+?) cost\b", "the cost of {}"),
    (r"^what(?: is|'s|s| was| are| were| will be) ((?:the|its|his|her|their) [^?,]+?)\?", "{}"),
    (r"^(?:find|calculate|work out) ((?:the|its) [^?.,]+?)(?: of (?:a|an|the) [^?.,]+)?[.?]", "{}"),
    (r"^what (fraction|percent|part)((?: of (?:the|a|an|her|his|their|its) (?:whole )?[a-z]+)?)\b", "the {}{}"),
    (r"^what time (?:does|will) (it|the \w+|\w+) (end|start|finish|arrive|leave)\b", "the time {} {}s"),
    (r"^what (time|day|number)\b", "the {}"),
    (r"^how long (?:is|are|was|were)\b()", "the length{}"),
    (r"^how long\b()", "the time{}"),
    (r"^how (tall|heavy|deep|wide|high)\b", "how {}"),
    (r"^how far\b()", "the distance{}"),
    (r"^how fast\b()", "the speed{}"),
)
WHEN_ASKED = re.compile(r"\b(?:(?:on|in|at|by|after|before|until|during) (?:the )?(?:[A-Z][a-z]+|noon|midnight|\w+day)"
                        rf"|left|in all|altogether|in total|(?:in |for |on )?each (?!{_AUX}\b)[a-z]+)\b")


_POINTING = r"(?:left|there|here|that|this|those|these|it|they)"


def question_target(question: str) -> str:
    """What the question asks for, in its own words ("the number of pages", "the mean score", "how far"), or ""."""
    for pattern, shape in _TARGETS:
        m = re.search(pattern, question.strip(), re.I)
        if m:
            when = WHEN_ASKED.search(question[m.end():])   # "... did she read on Tuesday?": the pages on Tuesday
            target = shape.format(*m.groups())
            owner = re.match(r"\s*((?:[A-Z][a-z]+ ?)+) (?:have|has|had|get|need)\b", question.strip()[m.end():])
            if owner and target.startswith("the number of "):   # "How many stickers does Kim have?": Kim's stickers
                target = f"{owner.group(1)}'s {target.removeprefix('the number of ')}"
            rest = question.strip()[m.end():]   # "are empty?" is a state; "is that?", "are there?" point, no state
            state = re.fullmatch(rf"\s*((?:not )?(?!{_POINTING}\b)[a-z]+)\s*\?", rest)
            if state and target.startswith("the number of ") and re.search(r"\b(?:are|is|were|was)$", m.group()):
                noun = target.removeprefix("the number of ")   # "How many seats are empty?": the empty seats
                target = f"the number of {noun} {state.group(1)}" if " " in state.group(1) else \
                    f"the number of {state.group(1)} {noun}"
            qualifier = re.sub(r"^each\b", "for each", when.group()) if when else ""   # "each class": for each class
            return f"{target} {qualifier}" if qualifier and qualifier not in target else target
    return ""



NUM = r"(?:\d+\.\d+|\d+(?:/\d+)?)"   # a decimal over a number ("7.5/100") is a division

SENTENCES = re.compile(r"(?:[^.?!]|\.(?=\d))+(?:[.?!]+|$)")  # "7.60" does not end a sentence


_EXERCISE_TERM = r"(?:\(\s*)*-?\d+(?:\.\d+)?(?:\s+\d+/\d+|/\d+)?%?[²³]?(?:\s*\))*[²³]?"
# "3 1/2 - 1 2/3", "12% of 350": never a piece of "2x + 3" or of "x+2)/3" (a letter or an operator beside it)
EXERCISE = re.compile(rf"(?<![-+*/×÷^=\w.]){_EXERCISE_TERM}"
                       rf"(?:\s*(?:[-+×÷*/−^]|(?<=%)\s*of\b)\s*{_EXERCISE_TERM})+(?![\w(]|\.\d)")


TIMES_X = re.compile(r"(?<=[\d)]\s)x(?=\s*[\d(])|(?<=[\d)])x(?=\s*\d)|(?<=[\d)]\s)x(?=\s+-\d)")


def exercise_in(problem: str) -> re.Match | None:
    """The exercise a problem writes ("48 ÷ (2 + 6) × 3"), never a lone fraction of a word problem ("3/8 of its 64
    bikes" is a quantity: mathcheck.exercise reads it so too). An x between numbers is a times sign ("6 x 7 + 8" is
    read whole as 6 × 7 + 8, never as its "7 + 8"; a letter x has no number right after it: "5x - 3")."""
    found = EXERCISE.search(TIMES_X.sub("×", problem))
    lone = found is not None and re.fullmatch(r"\d+/\d+", found.group().strip())
    return None if lone and len(re.findall(r"[A-Za-z]+", problem)) > 6 else found


# the words that start a problem's question: "how many", "what is", "find"
# "1/4 of what was left", "half of what she had": a "what" after "of" names an amount, it asks nothing
_QUESTION_WORDS = re.compile(r"\b(?<!of )(?:how (?:many|much|far|long|old|tall|big)|what|which|find|calculate)\b", re.I)


def told_apart(problem: str) -> str:
    """The problem with its question said apart from its facts (retold.normalised), when the student typed facts and
    question as one run ("64 cars in a lot and 19 leave how many are still there"): a sentence then holds a number
    before its question words, and every move that reads the facts or quotes the question reads nothing or pastes
    the whole run. A problem whose question stands apart is read as typed."""
    for sentence in problem_sentences(problem):
        asks = _QUESTION_WORDS.search(sentence)
        if asks and re.search(r"\d", sentence[:asks.start()]) and "=" not in sentence:
            return retold.normalised(problem)
    return problem


def problem_sentences(problem: str) -> list[str]:
    """A problem's sentences, stripped ("6:45 p.m." ends none)."""
    return [p.strip() for p in SENTENCES.findall(clock(problem)) if p.strip()]


def about_student(sentence: str, problem: str) -> bool:
    """Is this sentence the student's own situation, not part of the problem? It speaks of the student's time or
    school with a number, holds no exercise, and shares no word with the problem's other sentences (besides those
    words): "I have 3 hours to paint 12 fences. How many fences an hour?" is a problem in the first person."""
    if not (SITUATION.search(sentence) and re.search(r"\d", sentence)) or "=" in sentence \
            or EXERCISE.search(sentence):
        return False   # only a number of theirs could be misread; "... starting with 3 1/2 - 1 2/3" is the problem
    situation = re.compile(rf"^(?:{SITUATION_WORDS}|start|begin|need|done|finish|help|want)$", re.I)
    own = {w for w in content_words(sentence) if not situation.match(w)}
    rest = content_words(problem.replace(sentence, " "))
    return not own & rest


_STOP = set("""a an the of to in on at for and or but is are was were be it its this that what which who how when
where do does did can could would should will i you he she we they me my your his her our their if then so as by
with from about into there here not no yes just tell give show answer please many much some each all more have has
had get got now ok okay next new last problem question fine oh well think guess plus minus""".split())


def content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z]{3,}", text.lower())} - _STOP


# words an answer sentence adds to the question's own ("42 pencils left over", "56 marbles in all", "so 13 vans")
_ANSWER_WORDS = {"left", "over", "altogether", "total", "together", "all", "remaining", "still", "answer", "get",
                 "need", "needed", "there", "gets", "got"}


def answer_sentence(message: str, problem: str) -> Fraction | None:
    """The one number a message says as the question's answer in the question's own words ("42 pencils left",
    "127 people are on the buses" to "How many people are on the buses?"), or None. A number with words of the story
    the question does not ask about ("17 seats are empty") is a given restated, no answer; a sum is a claim."""
    question = question_sentence(problem_sentences(problem))
    numbers = re.findall(rf"(?<![\d.]){NUM}(?![\d.])", message.replace(",", ""))
    if not question or len(numbers) != 1 or "?" in message or EXERCISE.search(message) or "=" in message:
        return None
    words = content_words(message) - content_words(question) - {w.rstrip("s") for w in _ANSWER_WORDS}
    named = content_words(message) & content_words(question)
    # "9 cars on each trip" to "How many trips ...?": the number counts something else, a given restated
    counted = re.search(r"^how many (\w+)", question, re.I)
    noun = re.search(rf"{re.escape(numbers[0])}\s+([a-z]+)", message.replace(",", ""), re.I)
    other = counted and noun and noun.group(1).lower() not in _ANSWER_WORDS \
        and noun.group(1).lower().rstrip("s") != counted.group(1).lower().rstrip("s")
    return Fraction(numbers[0]) if named and not words and not other else None


_UNITS = {"km", "cm", "mm", "m", "g", "kg", "mg", "ml", "l", "h"}


# "7 equal pieces": a word that only describes, skipped so that the noun after it names the quantity
_ADJECTIVES = "equal|same|more|new|other|extra|different|whole|empty|full|small|large|big|little|long|short|old"


def given_numbers(problem: str) -> list[tuple[Fraction, str]]:
    """Each number a problem writes in digits, with the word after it, as written ("5 packs", "$14", "48 km"); a
    clock time ("6:45 pm", in hours) or a ratio ("3:5") is one quantity; a number written as a word ("two towns",
    "twice") is no quantity to point at, nor one in a sentence about the student (`about_student`). A minus sign
    written onto a number is its own ("-120 m"), never one between numbers ("7 - 5", "7-5")."""
    found = []
    problem = clock(problem)
    text = " ".join(p for p in SENTENCES.findall(problem) if not about_student(p, problem)) or problem
    written = text.replace(",", "")
    pattern = rf"((?:(?<![\w)])-(?=\d))?\$?(\d{{1,2}}:\d\d(?:\s*(?:[ap]\.m\.|[ap]\.?m\b))?|\d+:\d+|{NUM}))" \
              rf"(?:\s+(?:{_ADJECTIVES})\b(?!\s+than\b))?(?:\s+([a-z]+L?))?"   # 'mL' is millilitres
    normalised = wordproblem.normalise(text).replace(",", "")
    for m in re.finditer(pattern, normalised):
        if _LABEL.search(normalised[:m.start()]) or \
                not re.search(rf"(?<![\d.:]){re.escape(m.group(2))}(?![\d])", written):
            continue
        word = m.group(3) or ""
        named = word and word not in _STOP and (len(word) > 2 or word.lower() in _UNITS)
        sign = -1 if m.group(0).startswith("-") else 1
        found.append((sign * _quantity_value(m.group(2)), (m.group(0) if named else m.group(1)).strip()))
    return found


# "in game 3", "on day 2", "Grade 7": a number that names one of a row of things, no amount
_LABEL = re.compile(r"\b(?:game|day|week|level|round|test|quiz|grade|room|page|chapter|question|lesson|floor|gate|"
                    r"platform|seat|table|bus|route|lane|station|match|race|stage|episode|part) $", re.I)


def said_list(items: list[str]) -> str:
    """"a, b and c"."""
    return f"{', '.join(items[:-1])} and {items[-1]}" if len(items) > 1 else "".join(items)


def written_equation(problem: str) -> tuple[str, str]:
    """The problem's equation as written, without its "Solve", and its letter: ("4x - 9 = 19", "x"); ("", "") when it
    holds none that mathcheck.py reads."""
    equation = problem_equation(problem)
    written = next((p.strip(" .") for p in problem_sentences(problem) if "=" in p), "")
    written = re.sub(r",\s*[A-Za-z][a-z]+ [^=]*$", "", written)   # '... = x + 14, can you help me start?
    if equation is None or not written:
        return "", ""
    # the words before it ("how do u solve", "Solve", "find x if") are no part of it: an equation's letters are single
    return LEAD_WORDS.sub("", written).rstrip("?"), equation[2]


LEAD_WORDS = re.compile(r"^(?:(?:[A-Za-z]{2,}|u|i)[^\w(\[−-]+)+(?:[a-z](?:\s*:|\s+(?:if|when))\s*)?")


def problem_terms(problem: str, asked: str = "") -> str:
    """What the problem gives, to name instead of quoting its sentences: its equation or exercise as written
    ("4x - 9 = 19", "48 ÷ (4 + 2) × 3 - 5"), else its given quantities with their nouns, outside the question
    sentence `asked` ("-40 m, 15 m and 25 m"); "" when it gives none."""
    equation, _ = written_equation(problem)
    exercise = exercise_in(problem)
    if equation or exercise:
        return equation or exercise.group().strip()
    facts = " ".join(p for p in problem_sentences(problem) if p != asked)
    return said_list(list(dict.fromkeys(phrase for _, phrase in given_numbers(facts))))


def _quantity_value(number: str) -> Fraction:
    """A number as written, a clock time in hours ("6:45 pm" is 6 3/4), a ratio by its first part ("3:5" is 3)."""
    clock = re.match(r"(\d+):(\d\d)\s*[ap]", number) or re.fullmatch(r"(\d{1,2}):(\d\d)", number)
    if clock:
        return int(clock.group(1)) + Fraction(int(clock.group(2)), 60)
    return Fraction(number.split(":")[0])


# a letter that stands for a number: "2x", "x + y", "= 3y" (never the "a" of "as a negative number", the "m" of "145 m")
_LETTERS = re.compile(r"(?:(?<=\d)|(?<=[=+*/(-])|(?<=[=+*/(-] ))[a-z](?![A-Za-z])|(?<![A-Za-z])[a-z](?=\s*[=+*/)-])")


def first_move_question(problem: str, given: list[tuple[Fraction, str]]) -> tuple[str, str]:
    """(lead, question) for a student who asks for help without a plan: the question's target, and the sentence of
    the problem that says most about it ("On Tuesday she read 3 times as many pages as on Monday."), quoted, or,
    when no sentence says more than another, the quantities the problem gives, so the move fits this problem and no
    other and names no operation (that would be inventing a step). A system of equations asks for a letter to go; a
    problem whose question is its only sentence asks what the target means."""
    if len(re.findall(r"=", problem)) == 2 and len(set(_LETTERS.findall(problem))) >= 2:
        return "", "Both equations use the same letters: what could you do with them to leave only one letter?"
    equation, letter = written_equation(problem)
    if equation:   # "Solve (x+2)/3 = x - 4": what was done to the letter, how to undo it
        return "", f"In {equation}, what has been done to {letter}, and what could you do to both sides to undo it?"
    asked = question_sentence(problem_sentences(problem))
    target = question_target(asked)
    exercise = exercise_in(problem)
    if exercise and not target:   # "Just confirm 2 × (15 - 3²) ÷ 4 + 7": where to start, and why
        shown = exercise.group().strip()
        if len(re.findall(r"[-+×÷*/−^²³(]|%\s*of", re.sub(r"\d+/\d+", "1", shown))) > 1:
            return "", f"Which part of {shown} would you work out first, and why?"
        return "", f"What is your first step for {shown}, and why?"
    facts = [p for p in problem_sentences(problem) if p != asked
             and re.search(r"\d", p) and not about_student(p, problem)]
    if not facts:
        quantities = [phrase for _, phrase in given if re.search(r"[a-z]", phrase)]
        if target and quantities:
            return "", f"What does {target} mean for {quantities[-1]}, and how would you find it?"
        return "", "What do you think the first step is, and why?"
    when = WHEN_ASKED.search(asked)
    wanted, sharper = content_words(asked), content_words(when.group()) if when else set()   # "in each row": rows
    rank = {f: len(wanted & content_words(f)) + len(sharper & content_words(f)) for f in facts}
    best = max(facts, key=lambda f: rank[f]) if max(rank.values()) else facts[0]
    lead = f"The question asks for {target}." if target else ""
    about = f"about {target}" if target else "that helps with the question"
    known = said_list(list(dict.fromkeys(phrase for _, phrase in given_numbers(" ".join(facts)))))
    if (best is facts[0] or not rank[best]) and known:   # no sentence stands out: what it gives, never a quote
        goal = target or "the answer"
        return lead, f"You know {known}. What could you work out from them first, on the way to {goal}?"
    if best is facts[0] or not rank[best]:
        return lead, f"Start with \"{best}\" What does that tell you {about}?"
    return lead, f"The problem says \"{best}\" What does that tell you {about}?"   # no "what do you need first?"


def meaning_question(problem: str, value: str) -> str:
    """What a result stands for, and whether it is what the question asks for (never whether it is right)."""
    asked = question_sentence(problem_sentences(problem))
    if target := question_target(asked):
        return f"What does {value} stand for in this problem, and is that {target}?"
    if asked:
        return f"What does {value} stand for in this problem, and does it answer \"{asked.rstrip('?.')}\"?"
    return f"What does {value} stand for in this problem?"


# what a problem about unknown numbers says they must keep: "Two numbers add up to 30 and their difference is 8",
# "The sum of three consecutive whole numbers is 48", "Ana is 4 years older than her brother"
_SUM = re.compile(r"\b(?:add (?:up )?to|sum (?:of [^.?]*?)?(?:is|was|equals|of)|total (?:of [^.?]*?)?(?:is|was))\s*"
                  r"\$?(\d+)\b", re.I)
_APART = re.compile(r"\bdifference (?:of [^.?]*?)?(?:is|was)\s*(\d+)\b|\b(\d+)(?: [a-z]+)? (?:more|bigger|larger|"
                    r"older|taller|longer|heavier) than\b", re.I)
_CONSECUTIVE = re.compile(r"\bconsecutive(?: (odd|even))?\b", re.I)
_HOW_MANY = {"two": 2, "three": 3, "four": 4, "five": 5}


def stated_conditions(problem: str) -> dict[str, int] | None:
    """The conditions a problem puts on its unknown numbers, each a number: "sum", "apart" (the difference of two),
    "step" (consecutive: 1, or 2 for odd and even; "odd" 1 or 0 for even), "count" (how many numbers); None unless
    every number the problem gives is one of them (a condition left unread would make any check a guess)."""
    found: dict[str, int] = {}
    if m := _SUM.search(problem):
        found["sum"] = int(m.group(1))
    if m := _APART.search(problem):
        found["apart"] = int(m.group(1) or m.group(2))
    if m := _CONSECUTIVE.search(problem):
        found["step"] = 2 if m.group(1) else 1
        if m.group(1):
            found["odd"] = int(m.group(1).lower() == "odd")
    if m := re.search(rf"\b({'|'.join(_HOW_MANY)})\b(?: [a-z]+){{0,3}} (?:numbers|integers)\b", problem, re.I):
        found["count"] = _HOW_MANY[m.group(1).lower()]
    elif "apart" in found:
        found["count"] = 2
    given = [v for v, _ in given_numbers(problem)]
    read = {found.get("sum"), found.get("apart")}
    if "sum" not in found or len(found) < 2 or any(v not in read for v in given) or "count" not in found:
        return None
    return found


# "3/5 of them can swim", "70% of its 40 games", "1/6 of it": a part of a whole, and what the part does
_PART_OF = re.compile(r"(?<![\d/.])(?P<part>\d+/\d+|\d+(?:\.\d+)?%)\s+of\s+(?:them|it|its|the|these|those|her|his|"
                      r"their)?\b(?P<after>[^.?!]*)", re.I)


_OF_WHAT_LEFT = re.compile(r"\s*(?:what'?s left|whats left|what (?:was|is|(?:s?he|they|we|i) (?:had|has)) left|"
                           r"what remained|rest\b|remain(?:ing|der))", re.I)


ROUND_TRIP = re.compile(r"\b(?:each way|both ways|round trip|there and back|and back)\b", re.I)


def exact_answer(problem: str) -> tuple[Fraction, str, str] | None:
    """The answer a problem of one known step gives without a plan, the step's numbers as written, and the unit
    asked, as (value, how, unit): a measure changed into the unit its question asks for ("2.5 hours ... How many
    minutes?": 2.5 × 60), or a fraction or percent of the one whole the problem gives, where the question asks about
    that part in the problem's own words ("3/5 of them can swim ... How many can swim?"; never "how many boys" of
    girls); None for anything else (another number, or a question about something else, needs a plan)."""
    given = given_numbers(problem)
    asked = question_sentence(problem_sentences(problem))
    if ROUND_TRIP.search(problem):   # "45 minutes each way ... the round trip": the one measure counts twice
        return None
    if len(given) == 1 and len(given[0][1].split()) == 2 and not re.search(r"\bnot\b", asked):
        (value, phrase) = given[0]   # "How many minutes ...?", "Convert 3.6 km to meters."
        wanted = re.search(r"\bhow many ([a-z]+)\b|\b(?:convert|change)\b.* (?:to|into) ([a-z]+)\W*$", asked, re.I)
        unit = phrase.split()[1]
        other = (wanted.group(1) or wanted.group(2)).lower() if wanted else ""
        if other and wordproblem.is_unit(unit.lower()) and wordproblem.is_unit(other):
            big, small = wordproblem.unit_factor(unit.lower(), other), wordproblem.unit_factor(other, unit.lower())
            if big or small:
                how = f"{phrase.split()[0]} × {big}" if big else f"{phrase.split()[0]} ÷ {small}"
                return (value * big if big else value / small), how, other
    part = _PART_OF.search(problem)
    if part is None or len(given) != 2 or re.search(r"\b(?:not|other|rest|left)\b", asked, re.I) \
            or re.search(r"\b(?:is|was|are|were|makes?|made)\s+$", problem[:part.start()], re.I) \
            or _OF_WHAT_LEFT.match(part.group("after")):
        return None   # "24 pages, which was 1/5 of his book": the 24 is the part, the whole is asked; "1/3 of
    # what was left" after "half given away": a part of a part, which one step cannot give
    share = Fraction(part.group("part").rstrip("%")) / (100 if part.group("part").endswith("%") else 1)
    whole = [(v, p) for v, p in given if p.strip("$") != part.group("part").rstrip("%") and v != share]
    clause = re.split(r",|;|\b(?:and|but|while|whereas)\b", part.group("after"))[0]   # "... and the rest are black"
    doing = content_words(clause) - content_words(whole[0][1] if whole else "")
    if len(whole) != 1 or not doing & content_words(asked) or re.fullmatch(r"[\d/.]+%?", whole[0][1]):
        # "1/4 of a pizza and ... 1/3 of it": two bare parts of one whole, never a part of a part
        return None
    return share * whole[0][0], f"{part.group('part')} of {whole[0][1]}", ""

