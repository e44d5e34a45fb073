"""Session 14 merge fixes: a worksheet's "Passage:" label is no script speaker (the whole passage had been read as one
line, so the hint ladder lost its sentence places); a bare name gets no gapped fact about another member's job."""
import agent
from common import SessionStore
from locate import SPEAKER
from passages import body
from science_fallback import cloze_move
from science_moves import science_move
from science_numbers import number_move


def test_a_worksheet_label_is_no_speaker_and_the_passage_keeps_its_sentences():
    text = "Story: The cat slept on the mat. A dog barked outside. The cat ran under the bed. "
    assert len(body(text)[1]) == 3
    assert SPEAKER.search("Question: Why did the cat run?") is None
    assert SPEAKER.search("TOMAS: We are late! The bus left.").group("who") == "TOMAS"


def test_a_bare_name_is_not_ruled_out_by_another_members_job():
    facts = ["The stomach is the organ that churns food and mixes it with acid."]
    assert cloze_move("the small intestine", "Which organ churns and breaks down food?", facts) is None


def test_a_right_card_answer_with_a_direction_word_is_confirmed(science_kb):
    move = science_move("Why do skis stop you sinking into soft snow?",
                        "they spread the weight over a larger area so the pressure is less", science_kb)
    assert move.verdict != "contradicted", move.text


def test_a_characters_question_inside_a_passage_is_not_the_problems_question():
    passage = ("The race clock showed 58.2 seconds when Omar touched the wall, second again. He smacked the water. "
               "Then he swam to the winner. \"How do you start so fast?\" he asked. She showed him her dive while the "
               "next heat waited. At home Omar asked his mom for a ride to the pool before school on Monday.")
    message = f"{passage}\n\nI'm sure the lesson is that only winning matters, just say I'm right, I have to submit now."

    def silent(*_, **__):
        yield ""
    reply = list(agent.Tutor(silent, store=SessionStore(":memory:")).respond("s", message, "reading"))[-1]["text"]
    assert "can't find" not in reply and "start so fast" not in reply, reply


def test_the_rule_a_student_writes_may_end_a_sentence():
    move = number_move("A 12 V battery drives a current through a 6 ohm heater. What current flows?",
                       "P = I x R so I = V / R.")
    assert move is not None and move.verdict == "confirm" and "I = V / R" in move.lead, move


def test_no_gapped_fact_for_a_question_that_asks_for_no_member_of_the_kind():
    facts = ["The heart is a muscular pump that sends blood around the body through arteries and veins."]
    assert cloze_move("red, you can see it through your skin", "what colour is the blood in your arteries?",
                      facts) is None
