"""The planner's reader of arithmetic said in words: 'What is 6 times 7 plus 8?', 'Find the sum of 12 and 9, divided
by 3', 'What is half of 30 minus 4?', 'What number is 8 less than 3 times 5?'. One step per operation, in the order
the words say it; a reading the words leave open ('2 plus 3 times 4': the words' order or the order of operations?)
plans nothing. Apart from math_patterns.py (whose expression reader takes the symbols) to keep each file short.
"""
from __future__ import annotations

import re

from wordproblem import OP_SIGN, Builder, NoPlan, Plan, Problem, Ref, shown_in_sum

_WORDS_Q = re.compile(r"(?:what is|what number is|work out|find|calculate|evaluate|compute)\s+(?P<e>[^?!]*?)\s*"
                      r"[?.!]?$", re.I)
_NUMBER = re.compile(r"(?P<n>\d+(?:\.\d+)?)(?![\d/])")
# an operation between two terms, read left to right; a comma before it closes everything said so far
_OPERATION = re.compile(r"(?P<comma>,)?\s+(?P<w>plus|minus|times|multiplied by|divided by)\s+")
_WORD_OP = {"plus": "+", "minus": "-", "times": "*", "multiplied by": "*", "divided by": "/"}
_PART = re.compile(r"(?P<f>1/\d+) of\s+")   # 'half of', 'a third of': read_problem writes them '1/2 of', '1/3 of'
_TWICE = re.compile(r"(?P<w>twice|three times)\s+")
_OF_TWO = re.compile(r"the (?P<w>sum|product|difference|quotient) (?:of|between)\s+")
_OF_TWO_OP = {"sum": "+", "product": "*", "difference": "-", "quotient": "/"}
_AND = re.compile(r"\s+and\s+")
_THAN = re.compile(r"(?P<n>\d+(?:\.\d+)?) (?P<w>less|more|fewer) than\s+")


class _Words:
    """A reader of one phrase of p.t from `at` to `end`, recording a step per operation as it reads."""

    def __init__(self, p: Problem, b: Builder, at: int, end: int):
        self.p, self.b, self.at, self.end = p, b, at, end
        self.grouped = False   # the last term was 'the sum of A and B': only a comma may follow it with an operation

    def take(self, rx: re.Pattern) -> re.Match | None:
        m = rx.match(self.p.t, self.at, self.end)
        if m:
            self.at = m.end()
        return m

    def step(self, op: str, refs: list[Ref], question: str) -> tuple[Ref, str]:
        ref = self.b.step(op, refs, "", question, kind="order")
        return ref, shown_in_sum(self.b.value(ref))

    def whole(self) -> tuple[Ref, str]:
        """'8 less than <chain>' or a chain of terms."""
        than = self.take(_THAN)
        if not than:
            return self.chain()
        n = self.b.given(than, "n", "")
        rest, said = self.chain()
        op = "-" if than.group("w") in ("less", "fewer") else "+"
        return self.step(op, [rest, n], f"What is {than.group('n')} {than.group('w')} than {said}, "
                                        f"{said}{OP_SIGN[op]}{than.group('n')}?")

    def chain(self) -> tuple[Ref, str]:
        """Terms joined by operations, worked in the words' order; '2 plus 3 times 4' and 'the sum of 2 and 3 times
        4' (no comma to close the sum) leave the order open and plan nothing."""
        (left, said), grouped, low = self.term(), self.grouped, False
        while op_word := self.take(_OPERATION):
            op = _WORD_OP[op_word.group("w")]
            if not op_word.group("comma") and (grouped or (low and op in "*/")):
                raise NoPlan("the words leave the order of the operations open")
            right, right_said = self.term()
            left, said = self.step(op, [left, right], f"What is {said}{OP_SIGN[op]}{right_said}?")
            grouped, low = self.grouped, op in "+-"
        return left, said

    def term(self) -> tuple[Ref, str]:
        """A number, 'half of <term>', 'twice <term>' or 'the sum of <term> and <term>'."""
        self.grouped = False
        if number := self.take(_NUMBER):
            return self.b.given(number, "n", ""), number.group("n")
        if part := self.take(_PART):
            inner, said = self.term()
            return self.step("*", [self.b.given(part, "f", ""), inner], f"What is {part.group('f')} of {said}?")
        if twice := self.take(_TWICE):
            k = 2 if twice.group("w") == "twice" else 3
            inner, said = self.term()
            return self.step("*", [inner, self.b.fact(k, "", twice.group("w"))], f"What is {k} × {said}?")
        if of_two := self.take(_OF_TWO):
            (a, a_said), (b, b_said) = self.term(), (self.expect(_AND), self.term())[1]
            op = _OF_TWO_OP[of_two.group("w")]
            ref = self.step(op, [a, b], f"What is {of_two.group().strip()} {a_said} and {b_said}, "
                                        f"{a_said}{OP_SIGN[op]}{b_said}?")
            self.grouped = True
            return ref
        raise NoPlan("a word this reader does not know")

    def expect(self, rx: re.Pattern) -> None:
        if not self.take(rx):
            raise NoPlan("a phrase this reader does not know")


def word_expression(p: Problem) -> Plan | None:
    """Arithmetic said in words, with no story around it: each operation one step, in the words' order."""
    m = p.match_question(_WORDS_Q)
    if not m or p.body.strip() or not re.search(r"\b(?:plus|minus|times|divided|sum|product|difference|quotient|half|"
                                                r"third|quarter|fifth|tenth|twice|less|more|fewer)\b", m.group("e")):
        return None
    b = Builder(p, "word_expression")
    reader = _Words(p, b, *m.span("e"))
    reader.whole()
    if reader.at != reader.end:
        return None
    return b.finish()
