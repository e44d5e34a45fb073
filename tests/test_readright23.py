"""Inference answers confirmed by the clue the student read them from (inferred.clue_told, the feeling cues of
data/inference_cues.json), and never when the clue is not the text's or shows another feeling."""
import inferred
import reading

WAITING = ("Dana sat in the waiting room with her coat still on. She wiped her hands on her jeans again and again. "
           "The nurse called another name, not hers. Dana's mom squeezed her hand and smiled. At last the door opened "
           "and the nurse said, \"Dana Ruiz?\"")


def test_clue_in_own_words_finds_its_line():
    sentences = reading.body(WAITING)[1]
    line = inferred.clue_told("shes nervous bc she keeps rubbing her hands on her jeans", "How does Dana feel?",
                              sentences)
    assert line == "She wiped her hands on her jeans again and again."


def test_clue_no_line_tells_is_none():
    sentences = reading.body(WAITING)[1]
    assert inferred.clue_told("scared bc the doctor had a big needle", "How does Dana feel?", sentences) is None
    assert inferred.clue_told("nervous", "How does Dana feel?", sentences) is None


def test_feeling_confirmed_by_the_students_clue():
    move = reading.reading_move(WAITING, "How does Dana feel while she waits?",
                                "nervous, she wipes her hands on her jeans over and over")
    assert move.verdict == "supported" and move.status == "answer"
    assert "wiped her hands" in move.text and move.text.startswith("Yes")


def test_feeling_the_clue_does_not_show_is_not_confirmed():
    move = reading.reading_move(WAITING, "How does Dana feel while she waits?",
                                "bored bc she wipes her hands on her jeans")
    assert move.verdict != "supported"
    assert not move.text.startswith("Yes")


def test_actions_that_show_feelings():
    assert "sad" in inferred.feelings_shown("Eli pushed his dinner around with his fork.")
    assert "afraid" in inferred.feelings_shown("Rosa gripped the rail so tightly her knuckles went white.")
    assert "happy" in inferred.feelings_shown("When the score went up, Sam jumped up and down on the bench.")
    assert not inferred.feelings_shown("Eli pushed the cart around the corner.")
