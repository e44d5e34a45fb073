"""Round 14 lessons (issue #26): a science answer drawn from the fact the student quoted is confirmed though the topic
card would only test it, a flagged claim held again in fewer words ("I still think it's a bird") stays flagged, and a
student taking back their pick of an "X or Y?" question ("no, a bat is a mammal") is judged on the new pick, not read
as "no" to a yes/no question. New questions and facts, written for these tests."""
import agent
import evidence
import lesson as lesson_module
from tests.test_lesson import Textbook, flattering

MEMBRANE = ["The cell membrane controls which substances enter and leave the cell.",
            "The nucleus holds the cell's genetic material."]
BATS = ["Bats are mammals: they have fur and feed their young on milk."]


def lesson_state(**values) -> lesson_module.Lesson:
    return lesson_module.Lesson(problem="x", **values)


def lesson(subject: str, messages: list[str], evidence: list[str] | None = None) -> list[dict]:
    tutor = agent.Tutor(flattering, retriever=Textbook(evidence) if evidence else None)
    return [list(tutor.respond("s", m, subject=subject))[-1] for m in messages]


def test_an_answer_drawn_from_the_quoted_fact_is_confirmed_though_a_card_would_test_it():
    finals = lesson("science", ["What is the job of the cell membrane?",
                                "The text says: \"The cell membrane controls which substances enter and leave the cell.\"",
                                "so it controls which substances enter and leave the cell"], MEMBRANE)
    assert finals[1]["verdict"] == "ask"   # the quote is evidence found, not yet the answer
    assert finals[2]["verdict"] == "confirm" and finals[2]["text"].startswith("Yes: "), finals[2]
    assert "Let's test" not in finals[2]["text"]


def test_an_answer_the_quoted_fact_does_not_bear_out_is_not_confirmed():
    finals = lesson("science", ["What is the job of the cell membrane?",
                                "The text says: \"The cell membrane controls which substances enter and leave the cell.\"",
                                "it keeps the genetic material of the cell"], MEMBRANE)
    assert finals[2]["verdict"] != "confirm", finals[2]


def test_a_flagged_claim_held_again_in_fewer_words_stays_flagged():
    finals = lesson("science", ["Is a bat a bird or a mammal? I think a bat is a bird because it flies.",
                                "I still think it's a bird"], BATS)
    assert [f["verdict"] for f in finals] == ["flag", "flag"], finals
    assert "\"a bird\"" in finals[1]["text"] and "not fit" in finals[1]["text"]   # the either-or flag or the held one
    assert "Let's test" not in finals[1]["text"] and "You named" not in finals[1]["text"]


def test_a_new_claim_after_a_flag_is_judged_on_its_own():
    finals = lesson("science", ["Is a bat a bird or a mammal? I think a bat is a bird because it flies.",
                                "no, a bat is a mammal because it feeds its babies milk"], BATS)
    assert finals[-1]["verdict"] == "confirm" and "mammal" in finals[-1]["text"], finals[-1]
    assert "yes or no" not in finals[-1]["text"]   # "no," takes back the pick: no answer to a yes/no question


def test_the_quoted_fact_decides_over_a_card_that_would_only_test_the_answer():
    """With the knowledge base a card often takes the question and tests any answer it does not name ("Let's test
    ..."): the fact the student quoted a turn before still bears the answer out."""
    state = lesson_state(known=["Roots take in water and minerals from the soil."])
    tested = evidence.Move("Let's test \"it takes in water\". What happens to a plant whose roots are cut?", "card",
                           "unclear", [])
    question = "What do the roots of a plant do?"
    move = lesson_module.from_known_fact(state, "they take in water and minerals from the soil", question, tested)
    assert move.verdict == "supported" and move.text.startswith("Yes: they take in water and minerals"), move
    wrong = lesson_module.from_known_fact(state, "they make food from sunlight", question, tested)
    assert wrong is tested
    flagged = evidence.Move("The textbook does not agree.", "card", "contradicted", [])
    assert lesson_module.from_known_fact(state, "they take in water and minerals from the soil", question,
                                         flagged) is flagged   # a card or fact naming it wrong decides first
