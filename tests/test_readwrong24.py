"""Session 24, wrong reading answers: a step the passage tells on the wrong side of the moment a before/after question
names is no answer (reading_order.out_of_order); a detail from another moment than the deed a question asks about
("from the garden shed", asked where he hid the key) is no answer, and a line telling that deed in another form ("hid"
for "hide", "had left" for "leave") is about it (locate.deed_elsewhere, deed_told); "at first" names a moment of the
story, not the text's first lines (locate.kind_first)."""
import agent
from evidence import Verdict
from claim_match import opposite_told
from locate import deed_elsewhere, deed_told, event_line
from passages import body
from reading import reading_move
from reading_order import order_move, out_of_order

BAKING = ("Lena mixed the flour, sugar and eggs in a blue bowl. She poured the batter into a round pan. The oven "
          "beeped when it was hot enough. She slid the pan onto the middle rack and set a timer for thirty minutes. While "
          "she waited, she washed the bowl.")
KEY = ("Omar found an old brass key in the garden shed. He wanted to keep it a secret from his sister Noor. After "
       "dinner he hid it inside his sock drawer. Noor never looked there.")
CONCERT = ("Rosa carried her violin to the school stage. The lights were hot, and her hands shook so badly at first "
           "that the bow squeaked. She shut her eyes and pictured her grandmother's kitchen. Her fingers slowed down. "
           "By the last song, she was smiling at the crowd. Her teacher gave her a thumbs-up from the wings. After the "
           "show, Rosa's little brother asked for lessons. She promised to teach him on Saturdays.")


def silent(*_, **__):
    return iter(())


def test_the_moment_of_a_before_after_question_is_found_by_its_deed():
    _, sentences, _ = body(BAKING)
    assert event_line("the oven beeped", sentences) == 2
    assert event_line("she waited", sentences) == 4
    assert event_line("the bowl", sentences) is None  # two lines name the bowl, no deed: no one moment


def test_a_step_told_before_the_moment_asked_after_is_no_answer():
    _, sentences, _ = body(BAKING)
    question = "What did Lena do after the oven beeped?"
    assert out_of_order(question, "she poured the batter in the pan", sentences, Verdict("absent", "")) == 3
    assert out_of_order(question, "she slid the pan onto the rack", sentences, Verdict("absent", "")) is None
    assert out_of_order("What did Lena do before the oven beeped?", "she washed the bowl", sentences,
                        Verdict("supported", sentences[4])) == 1
    assert out_of_order(question, "it was hot enough", sentences, Verdict("absent", "")) is None  # the moment's own
    said = order_move(question)
    assert "earlier" in said and "slid" not in said and "rack" not in said  # the step asked for is not read out


def test_the_move_on_a_step_out_of_order_flags_it_and_points_beside_the_moment():
    move = reading_move(BAKING, "What did Lena do right after the oven beeped?", "she poured the batter into the pan")
    assert move.verdict == "contradicted" and move.evidence == [body(BAKING)[1][3]]
    assert not move.text.lower().startswith("yes")


def test_a_detail_of_another_moment_than_the_deed_asked_is_not_confirmed():
    _, sentences, _ = body(KEY)
    question = "Where did Omar hide the key?"
    assert deed_told(question, sentences[2]) and not deed_told(question, sentences[0])
    assert deed_elsewhere(question, sentences, sentences[0]) == 2
    assert deed_elsewhere(question, sentences, sentences[2]) is None
    assert deed_told("Where is the key?", sentences[2]) is None  # no deed asked
    said = list(agent.Tutor(silent).respond("k1", f"{KEY}\n\nwhere did omar hide the key? in the garden shed",
                                            "reading"))[-1]
    assert said["verdict"] != "confirm" and "sock" not in said["text"] and "drawer" not in said["text"]
    assert "third sentence" in said["text"]


def test_a_detail_told_with_the_deed_in_another_form_is_about_the_deed():
    passage = ("Ava borrowed a book about whales from the library. She read it at lunch every day. On Friday it was "
               "due, but it was gone. Then she remembered she had left it in the gym.")
    said = list(agent.Tutor(silent).respond("k2", f"{passage}\n\nwhere did ava leave the book? in the gym",
                                            "reading"))[-1]
    assert said["verdict"] == "confirm"
    wrong = list(agent.Tutor(silent).respond("k3", f"{passage}\n\nwhere did ava leave the book? the library",
                                             "reading"))[-1]
    assert wrong["verdict"] != "confirm"


def test_at_first_names_a_moment_of_the_story_not_its_first_lines():
    move = reading_move(CONCERT, "Why did the bow squeak at first?", "because the violin was old")
    assert body(CONCERT)[1][1] in move.evidence
    assert move.verdict != "supported"


TWINS = ("Ines and her cousin Pablo both entered the spelling bee. Ines studied lists every night until bedtime. Pablo "
         "read comic books and wrote down every long word he found. On the day of the bee, Ines was happy and chatty, "
         "but she rushed through the hard words. Pablo was sad about his lost pencil, yet he spelled every word slowly "
         "and carefully.")


def test_the_opposite_of_what_an_answer_gives_the_person_asked_about_contradicts_it():
    _, sentences, _ = body(TWINS)
    assert opposite_told("he was happy so he did well", "Why did Pablo spell carefully?", sentences) == sentences[4]
    assert opposite_told("ines was happy", "Who was happy, Ines or Pablo?", sentences) is None  # true of Ines
    assert opposite_told("pablo was happy", "Who was happy, Ines or Pablo?", sentences) == sentences[4]
    assert opposite_told("he was sad", "Why did Pablo spell carefully?", sentences) is None
    move = reading_move(TWINS, "Why did Pablo spell carefully?", "he was happy so he did well")
    assert move.verdict == "contradicted"
