"""Session 14 merge fixes: a worksheet's "Passage:" label is no script speaker (the whole passage had been read as one
line, so the hint ladder lost its sentence places); a bare name gets no gapped fact about another member's job."""
from evidence import KnowledgeBase
from locate import SPEAKER
from passages import body
from science_fallback import cloze_move


def test_a_worksheet_label_is_no_speaker_and_the_passage_keeps_its_sentences():
    text = "Story: The cat slept on the mat. A dog barked outside. The cat ran under the bed. "
    assert len(body(text)[1]) == 3
    assert SPEAKER.search("Question: Why did the cat run?") is None
    assert SPEAKER.search("TOMAS: We are late! The bus left.").group("who") == "TOMAS"


def test_a_bare_name_is_not_ruled_out_by_another_members_job():
    facts = ["The stomach is the organ that churns food and mixes it with acid."]
    assert cloze_move("the small intestine", "Which organ churns and breaks down food?", facts) is None


def test_a_right_card_answer_with_a_direction_word_is_confirmed():
    from science_moves import science_move
    kb = KnowledgeBase.load_or_build()
    move = science_move("Why do skis stop you sinking into soft snow?",
                        "they spread the weight over a larger area so the pressure is less", kb)
    assert move.verdict != "contradicted", move.text
