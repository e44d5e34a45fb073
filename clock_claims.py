"""Clock times in a student's working, checked exactly: "3:45 to 4:00 is 15 min", "from 5 to 5:20 is 20 minutes",
"6:10 - 4:45 = 85 min" (time gone by), "9:50 plus 2 hours is 11:50", "then 25 more mins is 12:15" (a time moved on;
"plus 35 mins is 11:15" goes on from the last time said; "11.50 + 10 mins" is 11:50). Each is an
arithmetic_claims.Claim in minutes: a time gone by is its length in minutes, a time moved on the clock time in
minutes after 12:00 (so "11:40 + 35 min = 11:15" is wrong and "11:50 + 10 min = 12" is right). A bare hour ("4 to 5
is an hour") counts as a time only beside a length in hours or minutes. The numbers of a clock time are never read as
arithmetic ("9:50 + 2 = 11:50" is no claim that 50 + 2 = 11): arithmetic_claims leaves them to this room. A length
offered bare ("is it 1 hour 35 min?") for two clock times is decided by them (`length_offered`).
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import NamedTuple

_CLOCK = r"(?<![\d:.])(?:[01]?\d):[0-5]\d(?!\d)(?:\s*[ap]\.?m\b\.?)?"
_BARE_HOUR = r"(?<![\d:.$])(?:1[0-2]|[1-9])(?![\d:.,/%])(?:\s*(?:o'?clock|[ap]\.?m\b\.?))?"
_TIME = rf"(?:{_CLOCK}|{_BARE_HOUR})"
_HOURS = r"(?:h|hr|hrs|hours?)\b"
_MINUTES = r"(?:m|min|mins|minutes?)\b"
LENGTH = (rf"(?:(?:an|1) hour(?: and (?:a half|\d+ {_MINUTES}))?|half an hour|"
          rf"\d+(?:\.\d+)?\s*{_HOURS}(?:\s*(?:and\s*)?\d+\s*{_MINUTES})?|\d+\s*{_MINUTES}|"
          r"\d+(?=\s+more\b))")   # "then 25 more": minutes on from a time
_IS = r"\s*,?\s*(?:=|is|was|are|makes|equals|gets (?:you |me )?to|comes to|takes (?:you |me )?to|leaves|so)\s*"
_PLUS = r"\s*(?:\+|plus|add|and|then|after)\s*(?:another\s+|a further\s+)?"
_GONE = re.compile(rf"(?:from\s+)?(?P<a>{_TIME})\s*(?:to|till|until|-\s*>|->)\s*(?P<b>{_TIME}){_IS}"
                   rf"(?:like\s+|about\s+)?(?P<d>{LENGTH})", re.I)
_TAKEN = re.compile(rf"(?P<b>{_CLOCK})\s*(?:-|−|minus|take away|takeaway)\s*(?P<a>{_CLOCK}){_IS}(?P<d>{LENGTH})", re.I)
# "11.50 + 10 mins is 12:00": a time typed with a dot is a clock time only when minutes or hours are added to it
_DOTTED = (rf"(?<![\d:.$])(?:[01]?\d)\.[0-5]\d"
           rf"(?=\s*(?:\+|plus|add|and|then|after)\s*\d+\s*(?:{_MINUTES}|{_HOURS}))")
_ON = re.compile(rf"(?P<a>{_CLOCK}|{_DOTTED})?{_PLUS}(?P<d>{LENGTH})(?:\s+more|\s+later)?{_IS}(?P<b>{_TIME})", re.I)


class ClockStep(NamedTuple):
    """One clock claim: where it ends in the text, what it shows, the stated and true minutes, the result written."""

    end: int
    expression: str
    stated: Fraction
    true: Fraction
    written: str


def minutes_of(length: str) -> Fraction:
    """"1 hr 35 min" -> 95, "an hour" -> 60, "half an hour" -> 30, "2.5 hours" -> 150, "25" (more) -> 25."""
    text = length.lower()
    if text.startswith("half an hour"):
        return Fraction(30)
    hours = re.match(rf"(?:an|(\d+(?:\.\d+)?))\s*(?:{_HOURS}|hour\b)", text)
    minutes = re.search(rf"(\d+)\s*{_MINUTES}", text)
    total = Fraction(hours.group(1) or 1) * 60 if hours else Fraction(0)
    if hours and "and a half" in text:
        total += 30
    if not hours and not minutes:   # "25 more" after a time: minutes
        return Fraction(re.match(r"\d+", text).group())
    return total + (Fraction(minutes.group(1)) if minutes else 0)


def clock_minutes(time: str) -> Fraction:
    """Minutes after 12:00 on a 12-hour clock: "3:45 pm" -> 225, "12:15" -> 15, "5" -> 300, "11.50" -> 710."""
    digits = re.match(r"(\d+)(?:[:.](\d\d))?", time)
    return Fraction(int(digits.group(1)) % 12 * 60 + int(digits.group(2) or 0))


def _shown_time(time: str) -> str:
    return re.sub(r"\s+", " ", time.strip())


def clock_steps(text: str) -> list[ClockStep]:
    """Every clock claim in the text, in the order written; a length added with no time before it goes on from the
    time the last claim reached."""
    steps: list[tuple[int, ClockStep]] = []
    for m in _GONE.finditer(text):
        if ":" not in m.group("a") + m.group("b") and not re.search(_HOURS, m.group("d")):
            continue   # "4 to 5 is 20 min": two bare numbers make a clock only beside a length in hours
        gone = (clock_minutes(m.group("b")) - clock_minutes(m.group("a"))) % 720
        steps.append((m.start(), ClockStep(m.end(), f"{_shown_time(m.group('a'))} to {_shown_time(m.group('b'))}",
                                           minutes_of(m.group("d")), gone, _shown_time(m.group("d")))))
    for m in _TAKEN.finditer(text):
        gone = (clock_minutes(m.group("b")) - clock_minutes(m.group("a"))) % 720
        steps.append((m.start(), ClockStep(m.end(), f"{_shown_time(m.group('b'))} − {_shown_time(m.group('a'))}",
                                           minutes_of(m.group("d")), gone, _shown_time(m.group("d")))))
    for m in _ON.finditer(text):
        start = m.group("a")
        if start is None:
            before = [s for at, s in steps if s.end <= m.start() and "+" in s.expression]
            if not before or text[before[-1].end:m.start()].strip(" ,;.") not in ("", "and", "so", "then"):
                continue
            start = before[-1].written
        if ":" not in start + m.group("b"):
            continue
        moved = clock_minutes(start) + minutes_of(m.group("d"))
        stated = clock_minutes(m.group("b"))
        same = (moved - stated) % 720 == 0
        steps.append((m.start(), ClockStep(m.end(), f"{_shown_time(start)} + {_shown_time(m.group('d'))}",
                                           moved if same else stated, moved, _shown_time(m.group("b")))))
    return [s for _, s in sorted(steps, key=lambda p: p[0])]


def without_clocks(text: str) -> str:
    """The text with each clock time blanked (same length), so arithmetic never reads "9:50 + 2" as 50 + 2."""
    return re.sub(f"{_CLOCK}|{_DOTTED}", lambda m: " " * len(m.group()), text, flags=re.I)


_ASKS_LENGTH = re.compile(r"\bhow (?:long|many (?:minutes|hours))\b|\bhow much time\b|\bwhat length of time\b", re.I)
_ENDS = re.compile(r"(.+?) (?:to|−) (.+)")


def _ends(step: ClockStep) -> tuple[Fraction, Fraction]:
    """A time gone by's start and end on the clock: "3:45 to 4:00", "6:10 − 4:45"."""
    first, second = _ENDS.fullmatch(step.expression).groups()
    start, end = (first, second) if " to " in step.expression else (second, first)
    return clock_minutes(start), clock_minutes(end)


def span_asked(problem: str) -> list[str] | None:
    """The problem's two clock times as written, when it gives nothing else to count and asks how long between
    them; None else."""
    times = re.findall(_CLOCK, problem, re.I)
    others = re.findall(r"(?<![\d:])\d+(?![\d:])", re.sub(_CLOCK, " ", problem, flags=re.I))
    return times if len(times) == 2 and not others and _ASKS_LENGTH.search(problem) else None


def elapsed_answer(problem: str, work: str) -> tuple[str, list[str]] | None:
    """(the length the student says, their steps) when the problem gives two clock times and nothing else to count,
    asks how long, and the student's times gone by walk from the first time to the second without a gap, each one
    right, with the length they say last (if any) their exact sum: the time between the two, checked exactly."""
    said = span_asked(problem)
    if said is None:
        return None
    times = [clock_minutes(t) for t in said]
    steps = [s for s in clock_steps(work) if "+" not in s.expression]
    if not steps or any(s.stated != s.true for s in steps):
        return None
    ends = [_ends(s) for s in steps]
    joined = all(ends[i][1] == ends[i + 1][0] for i in range(len(ends) - 1))
    total = sum(s.stated for s in steps)
    last = list(re.finditer(LENGTH, work[steps[-1].end:], re.I))
    rest = (times[1] - ends[-1][1]) % 720   # "7:50 to 8:50 is 1 hour then 25 more min so 1 hr 25 min" of 7:50 to 9:15
    if joined and ends[0][0] == times[0] and rest and len(last) == 2 and minutes_of(last[0].group()) == rest \
            and minutes_of(last[1].group()) == total + rest:   # the rest counted on in words, then the whole said
        return _shown_time(last[1].group()), [*(f"{s.expression} = {s.written}" for s in steps),
                                              f"{_shown_time(last[0].group())} more"]
    if not joined or ends[0][0] != times[0] or ends[-1][1] != times[1]:
        return None
    if last and minutes_of(last[-1].group()) != total or not last and len(steps) > 1:   # the total not said yet
        return None
    said = _shown_time(last[-1].group()) if last else steps[-1].written
    return said, [f"{s.expression} = {s.written}" for s in steps]


_HOURS_AND_MINUTES = re.compile(rf"(?<![\d:.])(\d+)\s*{_HOURS}\s*(?:and\s*)?(\d+)\s*{_MINUTES}", re.I)


def borrowed_hundred(problem: str, work: str) -> tuple[str, str] | None:
    """(lead, question) for a time between the problem's two clock times worked like ordinary numbers ("6:10 - 4:45
    is 1 hr 65 min": 610 - 445 borrows 100 minutes for an hour); the length is asked in two parts, never said."""
    times = re.findall(_CLOCK, problem, re.I)
    if len(times) != 2:
        return None
    start, end = (re.match(r"(\d+):(\d\d)", t).groups() for t in times)
    as_numbers = int("".join(end)) - int("".join(start))
    for hours, minutes in _HOURS_AND_MINUTES.findall(work):
        said = int(hours) * 60 + int(minutes)
        if int(hours) * 100 + int(minutes) == as_numbers and said != (clock_minutes(times[1]) -
                                                                     clock_minutes(times[0])) % 720:
            return (f"Check {hours} hr {minutes} min: taking {times[0]} from {times[1]} like ordinary numbers borrows "
                    f"100 minutes for an hour, but an hour has only 60.",
                    f"How long is it from {times[0]} to {int(start[0]) + 1}:00, and from there to {times[1]}?")
    return None


def length_offered(problem: str, work: str) -> tuple[str, str, str, str] | None:
    """(verdict, lead, question, kind) for one length offered bare ("is it 1 hour 35 min?") when the problem gives
    two clock times and nothing else to count and asks how long: the time between them decides. The right length is
    confirmed; the minutes up to the next whole hour are confirmed as that part, the rest asked; any other length is
    questioned at counting on (an hour has 60 minutes, never 100), its right value never said."""
    times = span_asked(problem)
    lengths = list(re.finditer(rf"\d+\s*{_HOURS}\s*(?:and\s*)?\d+\s*{_MINUTES}|{LENGTH}", without_clocks(work), re.I))
    if times is None or len(lengths) != 1 or clock_steps(work) \
            or re.search(r"\d+\s*(?:\+|-|−|x|×|\*|/|÷)\s*\d", without_clocks(work)):
        return None
    start, end = (clock_minutes(t) for t in times)
    gone, said = (end - start) % 720, minutes_of(lengths[0].group())
    first, last = (re.sub(r"(?<=[ap]m)\.$", "", _shown_time(t), flags=re.I) for t in times)   # "pm." ends a sentence
    hour = int(re.match(r"\d+", times[0]).group())
    on_hour = f"{hour + 1 if hour > 12 else hour % 12 + 1}:00"   # "13:40" is on a 24-hour clock
    to_hour = 60 - start % 60
    if said == gone:
        return "confirm", f"Yes, {_shown_time(lengths[0].group())} is right: that is the time from {first} to " \
            f"{last}.", "Would you like a similar problem to try?", "final_right"
    if start % 60 and said == to_hour and gone > to_hour:
        return "confirm", f"Yes, {_shown_time(lengths[0].group())} takes you from {first} to {on_hour}. That is the " \
            f"first part, not the whole time yet.", f"How long is it from {on_hour} to {last}?", "part_done"
    over = re.search(rf"(\d+)\s*{_MINUTES}", lengths[0].group())
    hour_note = " An hour has only 60 minutes, so the minutes part of a length is never 60 or more." \
        if over and int(over.group(1)) >= 60 and re.search(_HOURS, lengths[0].group()) else ""
    ask = f"How many minutes is it from {first} to {on_hour}, and how long from {on_hour} to {last}?" \
        if start % 60 and gone > to_hour else f"Count on from {first}: how long is it to {last}?"
    return "flag", f"{_shown_time(lengths[0].group())} is not the time from {first} to {last}.{hour_note}", ask, \
        "final_wrong"
