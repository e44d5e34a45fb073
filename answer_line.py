"""Which line answers what a reading question asks, among the line telling the question's own event and that line's
neighbours (round 25, readpoint25).

A pointer went one line astray where the line sharing most of the question's words was chosen: a "because" far off
that shares only what the whole passage is about ("Because otters eat so many sea urchins, kelp forests can grow" for
"Why do sea otters need such thick fur?"), a line naming the thing a how-question's doer acts on ("The old oak stands
beside the road" for "How did the children treat the oak?"). Here a question's words weigh by how few lines tell
them (a passage's topic, "otters", ties no line to one event), the event's line is the one sharing most of that
weight, and the answer is chosen beside it by what the question asks:
- why: the event's own line when it says a reason ("because", "so that", ", so"), the line after when it tells what
  the deed is for (`PURPOSE`, about the same thing: `same_thing`), else the line before (a cause told before its
  result);
- how did X treat / what did X do: the best-ranked of the lines near the top where X (or "they", "he", "she" for X)
  is the one acting (`acts`);
- what does X ask Y to do / want: the line making the request ("I think our class should be allowed ...", "Please
  ..."), not the writer's introduction sharing the names (`request_line`).
`reason_ask` words the ask after a why-pointer so that it fits the line pointed at: a reason asked of a line that
gives one, what happens just before or after the event where the cause or purpose is told there.

Round 25 (readpoint25: 50 fresh cases, 10 passages, grades 3-8, 25 held back): a pointed sentence is a gold one dev
13/25 -> 19/25, held back 18/25 -> 18/25; good moves dev 13 -> 19/25, held back 19 -> 21/25 (two asks fitted);
wrong answers confirmed 0 -> 0; of 106 foreign and tune reading replies 3 changed, 1 better, none worse.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from locate import FOUND, GIVES_REASON
from passages import CLAIM_CUE
from text_words import COMMON, base_forms, content_tokens

# what a deed is for ("The fluffing traps air that keeps the water away", "That way we would have time ...")
PURPOSE = re.compile(r"\b(?:keeps?|keeping|helps?|so that|in order to|protects?|lets?|allows?|stops?|prevents?)\b|"
                     r"^\W*(?:that|this) way\b", re.I)
REACH = 3  # lines from the top a how-question's doer is looked for in


def forms(text: str) -> set[str]:
    """The content words of a text in all their forms ("sang" and "sing")."""
    return {f for w, _ in content_tokens(text) for f in base_forms(w)}


def weights(sentences: list[str]) -> dict[str, float]:
    """Each word form's weight by how few lines tell it: a passage's topic ("otters" in five lines) says little."""
    counts = Counter(f for s in sentences for f in forms(s))
    return {f: math.log(1 + len(sentences) / c) for f, c in counts.items()}


def event_anchor(question: str, sentences: list[str]) -> int | None:
    """The line telling the event a question asks about: the one sharing the most weight (`weights`) of the question's
    words, names left out (a character is named all through a story); None on a tie or where none shares a word."""
    names = {n.lower() for n in re.findall(r"(?<=\s)[A-Z][a-z]+", question)}
    asked = {f for w, _ in content_tokens(question) if w not in names for f in base_forms(w)}
    weight = weights(sentences)
    shared = [round(sum(weight[f] for f in asked & forms(s)), 6) for s in sentences]
    best = max(shared, default=0.0)
    return shared.index(best) if best > 0 and shared.count(best) == 1 else None


RARE = 2  # lines: a word told in this many at most names one moment, not what the passage is about


def tied(question: str, line: str, sentences: list[str]) -> bool:
    """Does a line share a word of the question that few lines tell ("grandmother" in "She had told her grandmother
    ..., so she felt she had let her down" for "Why did Ana not call her grandmother?"), so that its reason is the
    asked event's? A passage's topic ("otters", "sea") ties no line to one event; names are left out."""
    names = {n.lower() for n in re.findall(r"(?<=\s)[A-Z][a-z]+", question)}
    asked = {f for w, _ in content_tokens(question) if w not in names for f in base_forms(w)}
    counts = Counter(f for s in sentences for f in forms(s))
    return any(counts[f] <= RARE for f in asked & forms(line))


def same_thing(told: str, after: str) -> bool:
    """Does the line after a deed tell of the same thing, so that what it keeps or lets happen is the deed's purpose
    ("An otter grooms its fur ..." then "Rubbing and licking pushes air into the fur, and the air keeps ...")? A
    thing the deed's line names again, in any form (a name or a pronoun alone does not tie them)."""
    names = {w.lower() for w in re.findall(r"(?<=\s)[A-Z][a-z]+", told)}
    things = {f for w, s in content_tokens(told) if w not in names and s not in COMMON for f in base_forms(w)}
    return bool(things & forms(after))


def reason_line(question: str, kind: str, sentences: list[str], top: int) -> int:
    """For a why-question whose chosen line comes two or more lines after the line telling the asked event
    (`event_anchor`) and reports no finding ("found that ..."), the line beside that event that gives its reason:
    the event's own line when it says one, the line after when it tells what the deed is for, else the line before.
    `top` for any other question, for a line before the event (a cause is told first, even two lines before), or
    where the event cannot be told from the other lines."""
    event = event_anchor(question, sentences) if kind in ("cause", "motive") else None
    if event is None or top <= event + 1 or FOUND.search(sentences[top]) or tied(question, sentences[top], sentences):
        return top  # a cause told before the event, a finding after it, a line sharing the event's own words
    after = event + 1
    if GIVES_REASON.search(sentences[event]) or event == 0 and after >= len(sentences):
        return event
    if after < len(sentences) and PURPOSE.search(sentences[after]) and same_thing(sentences[event], sentences[after]):
        return after
    return event - 1 if event > 0 else event


# a moment a question names ("after", "an hour later", "at the end"): the deed asked is the step beside it
# (passages.beside_event), not the doer's own line
MOMENT = re.compile(r"\b(?:after|before|when|while|once|as soon as|later|afterwards?|then|at (?:the|first|last)|"
                    r"in the (?:end|beginning|morning|evening|night)|the next|at the (?:start|end))\b", re.I)
# "How did the children treat the oak?", "What did the robin do ...?": the one whose deed is asked
DOER_ASKED = re.compile(r"^\W*(?:how\s+(?:did|do|does)|what\s+(?:did|does|do))\s+(?P<doer>(?:the\s+)?[A-Za-z][\w'-]*)"
                        r"\s+(?:treat|do|act|behave|respond|react|handle)\b", re.I)


def acts(doer: str, sentence: str) -> bool:
    """Is the doer the one acting in a line: named before its first verb-like word, or "they" for a plural doer, or
    "he"/"she" for a named one ("The children pass it every day"; "She sang from dawn" for the robin)?"""
    head = " ".join(re.findall(r"[A-Za-z'-]+", sentence)[:4]).lower()
    pronouns = r"they" if doer.endswith("s") and not doer[:1].isupper() else r"he|she|it"
    return bool(re.search(rf"\b(?:{re.escape(doer.lower())}|{pronouns})\b", head))


def doer_line(question: str, sentences: list[str], ranked: list[tuple[float, int]], top: int) -> int:
    """For "How did X treat ...?" or "What did X do ...?", the best-ranked of the top `REACH` lines where X acts
    (`acts`), when the top line is not one: the line naming what X acts on tells no deed of X's. `top` else."""
    asked = DOER_ASKED.match(question)
    if asked is None or MOMENT.search(question):  # "What did the girl do after she sat down?": the step after it
        return top
    doer = re.sub(r"(?i)^the\s+", "", asked.group("doer"))
    if acts(doer, sentences[top]) or not any(base_forms(doer.lower()) & forms(s) for s in sentences):
        return top  # "How does the author respond ...?": a writer never named acts in no line
    return next((i for _, i in ranked[:REACH] if acts(doer, sentences[i])), top)


# a deed that did not or could not happen: "why cant she drink", "her beak could not reach it"
NEGATED = re.compile(r"\b(?:not|never|cannot|cant|couldnt|didnt|wont|wouldnt|wasnt|werent|isnt|doesnt|dont|unable)\b|"
                     r"n't\b", re.I)


def negated_line(question: str, sentences: list[str], ranked: list[tuple[float, int]], top: int) -> int:
    """For a question about a deed that did not or could not happen ("Why can't she drink?"), the best-ranked of the
    top `REACH` lines telling something that did not, when the top line tells that very deed done ("At last the crow
    could drink": every word the question asks about, none negated): the end of the trouble is not its cause. `top`
    else."""
    asked = forms(NEGATED.sub(" ", question))
    if not NEGATED.search(question) or NEGATED.search(sentences[top]) or not asked or asked - forms(sentences[top]):
        return top
    return next((i for _, i in ranked[:REACH] if NEGATED.search(sentences[i])), top)


# "how did he figure out ...", "how could she tell ...": what someone came to know, asked how
KNOWING = re.compile(r"\bhow\s+(?:did|do|does|could|would|can)\s+(?:[\w.']+\s+){1,3}?(?:know|tell|figure|find out|"
                     r"realize|realise|learn|work out|see|notice)\b", re.I)
# the line telling that someone came to know it: the clue that told them is in the line before
CONCLUDED = re.compile(r"\b(?:realized|realised|knew|understood|figured|concluded|learned|guessed|worked out|"
                       r"decided|noticed that|saw that|could tell)\b", re.I)


def evidence_line(question: str, kind: str, sentences: list[str], ranked: list[tuple[float, int]], top: int) -> int:
    """Where a question's answer lies beside the line sharing its words: for a deed that did not happen
    (`negated_line`), among the lines telling what did not; for how someone knew or worked something out, the line
    before the one telling that they realized it ("Fleming realized that the mold ..."), which tells what they saw
    (the best-ranked such line among the top `REACH`). `top` else."""
    if kind in ("cause", "motive", "inference"):
        top = negated_line(question, sentences, ranked, top)
    realized = next((i for _, i in ranked[:REACH] if CONCLUDED.search(sentences[i])), None) if KNOWING.search(
        question) else None
    return realized - 1 if realized else top


# "What does Rosa ask Mr. Patel to do?", "What is the writer asking for?": a request, wherever the names are told
REQUEST_ASKED = re.compile(r"^\W*what\s+(?:does|did|is|was)\s+[^?]{1,40}?\b(?:asks?|asking|asked|wants?|wanted|"
                           r"requests?|requesting|urges?|urging|suggests?|suggesting)\b", re.I)
REQUEST = re.compile(CLAIM_CUE.pattern + r"|\b(?:please|could you|would you|i hope you will|i would like)\b", re.I)


def request_line(question: str, sentences: list[str], top: int) -> int:
    """For a question asking what someone asks for or wants done, the first line making a request (a "should", a
    "please", "could you"), when the top line makes none; `top` else, or where no line makes one."""
    if not REQUEST_ASKED.match(question) or REQUEST.search(sentences[top]):
        return top
    return next((i for i, s in enumerate(sentences) if REQUEST.search(s)), top)


REASON_ASK = "What reason does it give?"
# a deed's purpose told in its own line by an infinitive ("to give bees more food"), not a place ("to the pond")
PURPOSE_TO = re.compile(r"\b(?:in order |so as )?to (?!(?:the|a|an|his|her|their|its|my|our|your|this|that|these|"
                        r"those|him|them|me|us|it|school|bed|town|work|church|class|sea|land|shore)\b)[a-z]{3,}\b",
                        re.I)


def said_on(sentences: list[str], i: int) -> str:
    """A line with the lines its sentence goes on in (a poem's "Now every child who passes by" to "... because the
    tree that no one saw"): what the line says is read to its sentence's end."""
    said = [sentences[i]]
    while i + 1 < len(sentences) and sentences[i + 1][:1].islower() and not said[-1].rstrip(" \"'”").endswith(
            (".", "!", "?")):
        i += 1
        said.append(sentences[i])
    return " ".join(said)


def reason_ask(sentences: list[str], chosen: list[int], top: int, question: str) -> str:
    """The ask after a why-pointer that fits the lines pointed at: the reason they give, when one does in so many
    words; else what happens in the line beside the event (a cause before it, what the deed is for after it) and
    how it leads there, or in the one line pointed at (a cause told before its result, with no "because"); of the
    event's own line alone, what happened before it."""
    if any(GIVES_REASON.search(said_on(sentences, i)) for i in chosen) or PURPOSE.search(said_on(sentences, top)):
        return REASON_ASK   # "... long eyelashes that keep sand out": the line asked about says what it is for
    other = [i for i in chosen if i != top]
    if not other and event_anchor(question, sentences) == top and not PURPOSE_TO.search(said_on(sentences, top)):
        return "What happened before this that could explain it?"  # the event's own line: its cause told earlier
    if not other and event_anchor(question, sentences) == top:  # "... plant wildflowers to give bees more food"
        return REASON_ASK
    if not other:
        return "What does it tell you, and how could that be the reason?"
    if other[0] < top:
        return "What does the earlier one say, and how could that lead to this?"
    return "What does the later one say this is for?"


# a why asked of a thing or a claim ("why couldnt marco use the camera", "what makes the thunder"), not a who or where
CAUSE_ASKED = re.compile(r"\b(?:why|how come|what (?:makes|made|causes|caused|builds?|built)|reason|cause)\b", re.I)
# a sentence telling how things are ("The buttons were tiny", "Strong sun can dry the towel out"), not a new moment
STATE = re.compile(r"^\W*(?!(?:then|next|after|later|finally|so|now|one|when|but|however|suddenly|soon)\b)"
                   r"(?:[\w'-]+\s+){0,5}?(?:is|are|was|were|can|could|cannot|can't|may|might|must|would|has|have|had|"
                   r"needs?)\b", re.I)
# a sentence whose subject points back at what the one before it told ("That boom is the thunder we hear",
# "These crashes build up ...", "For this reason, ..."): what it names is told there
POINTS_BACK = re.compile(r"^\W*(?:(?:this|that|these|those)\s+(?!(?:is|was|are|were|night|day|morning|evening|"
                         r"afternoon|week|year|time|summer|winter|spring|fall)\b)[a-z]+|for this reason|that is why|"
                         r"this is why|that's why)\b", re.I)


def told_beside(question: str, sentences: list[str], top: int, chosen: list[int]) -> list[int] | None:
    """For a question asking a cause, the neighbour that tells it where the chosen line cannot: the line before, when
    the chosen line's subject points back to it ("That boom is the thunder we hear"); the line after, when the chosen
    line only restates the question ("At first I did not know how to use it.") or gives an order with no reason
    ("keep it out of direct sun"), and the next one tells how things are ("The buttons were tiny ...", "Strong sun can
    dry the towel out"): an explanation follows its claim. None when neither holds."""
    if not CAUSE_ASKED.search(question) or GIVES_REASON.search(sentences[top]) or any(
            m.start() and not re.search(r"(?:^|[,;:]|\b(?:but|and))\s*$", sentences[top][:m.start()])
            for m in PURPOSE.finditer(sentences[top])):  # "feet stop them from sinking": its own reason, not an order
        return None
    if top > 0 and POINTS_BACK.search(sentences[top]) and top - 1 not in chosen:
        return [top - 1, top]
    after = top + 1
    if after >= len(sentences) or after in chosen or sentences[after].startswith("\n") or any(
            GIVES_REASON.search(sentences[i]) for i in chosen):
        return None
    asked = {form for word, _ in content_tokens(question) for form in base_forms(word)}
    told = [bool(base_forms(w) & asked) for w, _ in content_tokens(sentences[top])]
    restates = sum(told) >= 2 or sum(told) >= max(1, len(told) // 2)
    return [top, after] if restates and STATE.search(sentences[after]) and not POINTS_BACK.search(
        sentences[after]) else None
