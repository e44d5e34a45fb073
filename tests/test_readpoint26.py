"""Round 26 (readpoint26): a figure the student asks about is worded by what it does (figure_words.py), a word's
clue is read from how its sentence goes on (reading_asks.told_around), a cause is pointed at beside a line that
only restates the question or points back (answer_line.told_beside), and a thing's change gets no character frame."""
from answer_line import told_beside
from figure_words import bare, figure_move, gerund, thing_acts, thing_called, thing_like
from reading import reading_move
from reading_asks import change_move, told_around

KITCHEN = ["The old kettle sang on the stove.", "Grandma poured the tea into two cups.",
           "Outside, the snow kept falling."]


def test_a_thing_doing_what_a_person_does_is_named_with_its_verb():
    move = figure_move("why does it say the kettle sang? kettles cant sing", KITCHEN)
    assert move is not None and move.evidence == [KITCHEN[0]]
    assert "The kettle can't really sing" in move.text and "when they sing" in move.text
    assert "singing" in move.text and "What does it tell you" not in move.text
    ferry = ["The ferry bowed low to the dock.", "Then Mr. Okafor rolled his cart aboard."]
    move = figure_move("what does it mean the ferry bowed", ferry)
    assert move.evidence == ferry and "Then read the next sentence" in move.text  # someone acts on it next


def test_a_literal_verb_or_a_person_doing_it_is_no_figure():
    volcano = ["The volcano erupted last spring.", "Ash covered the town."]
    assert figure_move("what does erupted mean", volcano) is None  # the question names no thing doing it
    assert figure_move("how did the ash cover the town", volcano) is None  # no figure asked
    people = ["Lena was tired.", "Her brother shouted at the dog."]
    assert thing_acts("what does it mean her brother shouted", people) is None
    assert thing_acts("what does its low moan mean", ["At last she heard its low moan to the left."]) is None


def test_a_thing_called_something_else_and_a_simile():
    moon = ["The moon is a silver coin tonight.", "It lights the path to the barn."]
    assert thing_called("why is the moon a coin", moon) == (0, "the moon", "a silver coin")
    assert thing_called("what does packed mean", ["The hall was packed."]) is None  # a description, no name
    lake = ["The lake was a mirror, still and bright.", "A loon called."]
    move = figure_move("why is the lake a mirror", lake)
    assert "calls the lake a mirror" in move.text and "still and bright" not in move.text  # the shared quality
    fog = ["The fog moved like a cat across the harbor.", "The boats waited."]
    assert thing_like("why does it say the fog is like a cat", fog) == (0, "the fog", "cat")
    move = figure_move("why does it say the fog is like a cat", fog)
    assert "compares the fog to a cat" in move.text and "across" not in move.text


def test_verb_forms_for_the_ask():
    assert [bare(v) for v in ("kneeled", "snores", "hummed", "smiled", "touches", "hammered", "cried")] == \
        ["kneel", "snore", "hum", "smile", "touch", "hammer", "cry"]
    assert [gerund(v) for v in ("snore", "hum", "whisper")] == ["snoring", "humming", "whispering"]


def test_a_words_clue_in_how_its_sentence_goes_on():
    jump = ["The pool was deep.", "She was hesitant to jump until her brother held her hand."]
    assert "did she jump right away" in told_around("hesitant", jump, 1)
    rain = ["When water is plentiful, the plants grow tall and green.", "In dry years they wilt."]
    said = told_around("plentiful", rain, 0)
    assert "the plants grow tall and green" in said and "What must water be like" in said
    room = ["By noon the room was crowded.", "Nobody could find a seat in the room."]
    assert "Nobody could find a seat" in told_around("crowded", room, 0)
    assert told_around("deep", jump, 0) == ""  # no other line about the pool


def test_a_cause_beside_a_line_that_restates_or_points_back():
    door = ["Nobody wanted to sit near the back door.", "It was drafty and cold all winter.",
            "Then Mr. Ruiz fixed the seal."]
    assert told_beside("why did nobody want to sit near the back door", door, 0, [0]) == [0, 1]
    assert told_beside("who fixed the seal", door, 2, [2]) is None  # no cause asked
    wings = ["Ice builds up on the wings.", "This weight pulls the plane down.", "Pilots spray the wings first."]
    assert told_beside("why does the plane get pulled down", wings, 1, [1]) == [0, 1]
    told = ["The ducks swam away because the dog barked.", "They hid in the reeds."]
    assert told_beside("why did the ducks swim away", told, 0, [0]) is None  # the line gives its own reason


def test_the_pointer_names_the_explanation_after_a_claim():
    passage = ("Nobody wanted to sit near the back door. It was drafty and cold all winter. Then Mr. Ruiz fixed the "
               "seal. Now it is the best seat in the room.")
    move = reading_move(passage, "why didnt anyone want to sit by the back door")
    assert "It was drafty and cold all winter." in move.evidence


def test_a_things_change_gets_no_feeling_frame():
    river = ["The river was wide and slow in spring.", "Children swam in it every afternoon.",
             "By August the river was only a thin, muddy trickle."]
    text, shown = change_move("how does the river change in the story", river, [])
    assert "feeling" not in text and "the river at the start and later" in text
    assert shown[-1] == 2
