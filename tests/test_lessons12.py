"""Round 12 lessons (issue #26): multi-turn reading and science lessons reach a confirmed answer. An answer said in
pieces ("sunlight" then "and water") is judged whole, a student's opening "oh wait," is no part of their claim, a
true answer taken from the sentence the tutor pointed to and the student quoted is confirmed, and "how did X feel
before EVENT" reads the feeling shown before the event. New passages and questions, written for these tests."""

import agent
from tests.test_lesson import Textbook, flattering

FERRY = ("Mateo waited at the dock for the morning ferry. A thick fog rolled in from the sea. The captain announced "
         "that the ferry would not sail until the fog lifted. Mateo sat on his suitcase and sighed. At noon the sun "
         "burned the fog away, and the ferry finally left the harbor.")
LIBRARY = ("The town library closed early on Friday because its heating had broken. Kim had planned to return her "
           "books that afternoon. She had to carry them back home in the rain. On Saturday the heating worked again, "
           "and Kim returned the books at last.")
SCHOOL_PLAY = ("Nadia had the lead role in the school play. Backstage, her hands trembled and she kept whispering "
               "her first line. Then the curtain opened and she stepped into the light. The audience clapped after "
               "every scene, and Nadia grinned from ear to ear.")


def lesson(subject: str, messages: list[str], evidence: list[str] | None = None) -> list[dict]:
    tutor = agent.Tutor(flattering, retriever=Textbook(evidence) if evidence else None)
    return [list(tutor.respond("s", m, subject=subject))[-1] for m in messages]


def test_a_science_answer_said_in_two_pieces_is_confirmed_whole():
    facts = ["Green plants give off oxygen and take in carbon dioxide during photosynthesis.",
             "Animals breathe in oxygen and breathe out carbon dioxide."]
    finals = lesson("science", ["Which gas do green plants take in to make food, and which gas do they give off?",
                                "they take in carbon dioxide", "and they give off oxygen"], facts)
    assert finals[-1]["verdict"] == "confirm", finals[-1]
    assert "carbon dioxide" in finals[-1]["text"] and "oxygen" in finals[-1]["text"]
    assert not finals[-1]["text"].lower().startswith("yes: and")   # the pieces joined, never a fragment quoted back


def test_a_wrong_first_piece_is_not_confirmed_by_a_right_second_one():
    facts = ["Green plants give off oxygen and take in carbon dioxide during photosynthesis."]
    finals = lesson("science", ["Which gas do green plants take in to make food, and which gas do they give off?",
                                "they take in nitrogen", "and they give off oxygen"], facts)
    assert all(f["verdict"] != "confirm" for f in finals)


def test_a_claim_that_swaps_what_goes_in_and_out_is_not_confirmed():
    facts = ["Green plants give off oxygen and take in carbon dioxide during photosynthesis."]
    finals = lesson("science", ["Which gas do green plants take in to make food, and which gas do they give off?",
                                "they take in oxygen and give off carbon dioxide"], facts)
    assert finals[-1]["verdict"] != "confirm", finals[-1]


def test_an_opening_oh_wait_is_no_word_of_the_claim():
    finals = lesson("reading", [f"{FERRY}\n\nWhy did the ferry wait before it sailed?",
                                "oh wait, because of the thick fog"])
    assert "wait\"" not in finals[-1]["text"] and "\"oh" not in finals[-1]["text"], finals[-1]


def test_the_quoted_sentence_the_tutor_pointed_to_answers_the_question():
    question = f"{LIBRARY}\n\nWhy did Kim have to carry her books back home on Friday?"
    quote = "The text says: \"The town library closed early on Friday because its heating had broken.\""
    finals = lesson("reading", [question, "i'm not sure", quote, "because the library closed early"])
    assert finals[2]["verdict"] != "confirm"   # a quote is evidence found, not yet the answer
    assert finals[-1]["verdict"] == "confirm" and finals[-1]["text"].startswith("Yes"), finals[-1]
    assert lesson("reading", [question, quote, "because the library closed early"])[-1]["verdict"] == "confirm"


def test_a_true_sentence_the_tutor_never_pointed_to_is_still_asked_about():
    question = f"{LIBRARY}\n\nWhy did Kim have to carry her books back home on Friday?"
    finals = lesson("reading", [question, "The text says: \"Kim had planned to return her books that afternoon.\"",
                                "because it was raining"])
    assert finals[-1]["verdict"] != "confirm", finals[-1]   # true of the passage, but not where the tutor pointed


def test_a_feeling_before_an_event_is_read_before_it_not_after():
    question = f"{SCHOOL_PLAY}\n\nHow did Nadia feel before the curtain opened?"
    wrong = lesson("reading", [question, "she was happy"])
    assert wrong[-1]["verdict"] != "confirm", wrong[-1]
    right = lesson("reading", [question, "nervous, because her hands trembled backstage"])
    assert right[-1]["verdict"] == "confirm", right[-1]
