"""Inference answers confirmed by the clue the student read them from (inferred.clue_told, the feeling cues of
data/inference_cues.json), and never when the clue is not the text's or shows another feeling."""
import inferred
import locate
import reading
import traits

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


SHIP = ("Sailors once measured the sea with a simple rope. They tied knots in the rope at equal spaces and dropped it "
        "behind the ship. The number of knots that slipped out in half a minute told them how fast the ship was "
        "moving. The compass beside the wheel showed which way the ship was heading.")


def test_line_that_answers_another_question():
    sentences = reading.body(SHIP)[1]
    q = "How did sailors know which way the ship was heading?"
    assert locate.asked_elsewhere(q, sentences, sentences[2]) == 3
    assert locate.asked_elsewhere(q, sentences, sentences[3]) is None
    assert locate.asked_elsewhere("How did sailors know where to go?", sentences, sentences[2]) is None


def test_detail_from_the_wrong_line_is_not_confirmed():
    move = reading.reading_move(SHIP, "how did the sailors know which way the ship was heading",
                                "by the knots that slipped out of the rope in half a minute")
    assert move.status != "answer" and not move.text.startswith("Yes")
    assert "how fast the ship was moving" in move.text and "last sentence" in move.text


def test_detail_from_the_asked_line_is_confirmed():
    move = reading.reading_move(SHIP, "How did sailors know which way the ship was heading?",
                                "the compass by the wheel showed them")
    assert move.verdict == "supported" and move.text.startswith("Yes")


LETTER = ("Dear Grandma,\nI finished the model volcano last night. I want to learn how real volcanoes erupt, so I "
          "borrowed three books from the library. Could you tell me if you ever saw one?\nLove, Nia")
COOKIE = ("Omar sat on the porch with the last cookie. He saw his little sister staring at it. Omar looked at the "
          "cookie for a long time. \"Here,\" he said. \"There is enough for both of us.\"")


def test_letter_writer_acts_in_the_first_person_lines():
    sentences = reading.body(LETTER)[1]
    assert traits.written_by("Nia", sentences) and traits.acts_in("Nia", sentences, 1)
    assert not traits.written_by("Omar", reading.body(COOKIE)[1])
    move = reading.reading_move(LETTER, "What kind of person is Nia?",
                                "curious bc she borrowed books to learn how volcanoes erupt")
    assert move.verdict == "supported" and move.text.startswith("Yes")


def test_speech_line_goes_on_with_its_speaker():
    sentences = reading.body(COOKIE)[1]
    last = len(sentences) - 1
    assert traits.acts_in("Omar", sentences, last)
    move = reading.reading_move(COOKIE, "What kind of brother is Omar?", "selfish, he keeps the cookie to himself")
    assert move.verdict == "contradicted" and not move.text.startswith("Yes")


GLOVE = ("My brother's old baseball glove\nsits cracked and stiff upon the shelf.\nThe laces fray, the leather's worn,\n"
         "but when I slip my hand inside\nI feel the summers we used to play.\nHe lives across the ocean now.")


def test_speaker_feeling_read_in_their_own_lines():
    move = reading.reading_move(GLOVE, "How does the speaker feel about the glove?",
                                "they love it, it makes them remember playing with their brother")
    assert move.verdict == "supported" and move.text.startswith("Yes")
    assert "used to play" in move.text


def test_speaker_feeling_the_lines_argue_against():
    move = reading.reading_move(GLOVE, "How does the speaker feel about the glove?",
                                "they hate it bc its cracked and worn out")
    assert move.verdict == "contradicted" and not move.text.startswith("Yes")


HENS = ("Every morning, Rosa fed the hens and then ran off to play. She never locked the coop. One night a fox crept in "
        "and took two of the hens. Rosa cried when she saw the empty nests. From then on, she checked the latch on the "
        "coop every single night.")


def test_prediction_the_ending_backs_is_confirmed():
    move = reading.reading_move(HENS, "What will Rosa probably do tomorrow night?",
                                "she'll check the latch, bc from then on she checked it every night")
    assert move.verdict == "supported" and move.text.startswith("Yes, that prediction fits")


def test_prediction_of_what_was_done_before_the_change_is_contradicted():
    move = reading.reading_move(HENS, "What will Rosa probably do tomorrow night?",
                                "she will feed the hens and run off to play")
    assert move.verdict == "contradicted" and "From then on" in move.text
    assert inferred.weigh_prediction("she will feed the hens", "Where did the fox go?",
                                     reading.body(HENS)[1]) is None


def test_further_for_farther_is_the_passages_word():
    stars = ("Stars are huge balls of burning gas. Some are much closer to Earth than others. The farther a star is "
             "from Earth, the dimmer it looks in the night sky.")
    move = reading.reading_move(stars, "How does distance change how a star looks?",
                                "the further away it is the dimmer it looks")
    assert move.verdict == "supported" and move.text.startswith("Yes")
