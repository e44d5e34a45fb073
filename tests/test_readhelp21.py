"""Round 21: a stuck reader's move is about this passage and this question. A poem's first line that runs on is no
title, and its stanza opening "When ..." is no question of the student's; a moment asked "in the first week" is the
one "During the first week" tells; a cause found out later ("Engineers later found that ...") is where a cause
question points; "X bc Y" with X an event the text tells asks why X and claims Y; a reason the text tells after its
event is said to come later, and a true line that answers something else is asked on, never confirmed; a why-question
about a deed toward someone "who had ..." asks what they had done; chat words and a lower-case title are tidied."""
import agent
import student_message
from locate import dated, found_cause
from passages import body, quoted_term, split_title
from reading import reading_move
from reading_asks import asked_only
from reading_lesson import told_reason
from sentence_questions import content_question

POEM = ("The river runs beneath the hill,\nits voice a silver thread.\nIt carried boats a thousand years\n"
        "and sang the town to bed.\nWhen winter comes with frozen hands\nand stops the mill wheel's turning,\n"
        "the river keeps on underneath,\nits quiet song still burning.")
BRIDGE = ("The old bridge over Cedar Creek closed on a Monday in March. Cars had to drive around the lake for two "
          "weeks. Engineers later found that rust had eaten through two of the bridge's steel beams. The town painted the new "
          "beams green.")
GARDEN = ("During the first week, Jon's seeds showed nothing at all, and he kicked the dirt. He asked Ms. Rivera, who "
          "had grown tomatoes for years, what to do. On the tenth day, green shoots came up, and Jon danced around the "
          "yard. He thanked Ms. Rivera, who had lent him her watering can.")


def silent(*_, **__):
    return iter(())


def test_a_poems_run_on_lines_stay_the_poems_own():
    lines = POEM.split("\n")
    assert split_title(lines)[0] is None  # "The river runs beneath the hill," goes on in "its voice"
    assert split_title(["Dear Coach,", "Our team needs a new net."])[0] == "Dear Coach,"
    passage, said = student_message.split_message(f"{POEM}\n\ni dont get this poem", prose=True)
    assert said == "i dont get this poem" and passage.endswith("still burning.")
    assert body(POEM)[1][0] == "The river runs beneath the hill,"


def test_a_moment_asked_with_another_word_before_it_is_found():
    _, sentences, _ = body(GARDEN)
    assert dated("how does jon feel in the first week", sentences) == 0
    move = reading_move(GARDEN, "how does Jon feel in the first week?", "happy")
    assert move.verdict != "supported" and "danced" not in move.text and not move.text.startswith("Yes")


def test_a_cause_found_out_later_is_where_a_cause_question_points():
    _, sentences, _ = body(BRIDGE)
    assert found_cause(sentences, 0) == 2
    move = reading_move(BRIDGE, "What caused the bridge to close?")
    assert "third sentence" in move.text and "rust" not in move.text.lower()


def test_an_event_with_the_students_reason_asks_why_the_event_happened():
    _, sentences, _ = body(BRIDGE)
    assert told_reason("the bridge closed bc cars drove around the lake", sentences) == (
        "Why the bridge closed?", "because cars drove around the lake")
    assert told_reason("jon felt proud bc he grew shoots", sentences) is None  # a feeling the text never tells
    assert told_reason("why did the bridge close bc of rust", sentences) is None


def test_a_reason_the_text_tells_after_the_event_is_said_to_come_later():
    move = reading_move(BRIDGE, "Why did the old bridge close?", "because cars had to drive around the lake")
    assert "after the first sentence" in move.text and not move.text.startswith(("Yes", "That matches"))
    replies = agent.Tutor(silent)
    said = list(replies.respond("s", f"{BRIDGE}\n\nthe bridge closed bc cars drove around the lake", "reading"))[-1]
    assert said["verdict"] != "confirm" and "later" in said["text"]


def test_a_deed_toward_someone_who_had_helped_asks_what_they_had_done():
    _, sentences, _ = body(GARDEN)
    asked = content_question("why did Jon thank Ms. Rivera", sentences, [2, 3])
    assert asked.startswith("What had Ms. Rivera done for Jon") and "watering can" not in asked and "lent" not in asked


def test_chat_words_and_a_lower_case_title_are_tidied_from_the_question():
    _, sentences, _ = body(GARDEN)
    assert asked_only("why did jon thank ms rivera tho", sentences) == "why did Jon thank Ms. Rivera"
    assert asked_only("why r the shoots green lol", sentences) == "why are the shoots green"
    assert asked_only("what does a river of stars mean", sentences) == "what does a river of stars mean"


def test_a_meaning_the_student_states_names_its_term():
    assert quoted_term("a silver thread means a real string") == "a silver thread"
    assert quoted_term("it means the river stops") is None


def test_stuck_on_the_whole_poem_asks_what_it_is_mostly_about():
    lines = POEM.split("\n")
    assert asked_only("i dont get this poem at all", lines) == "What is the poem mostly about?"
    assert asked_only("i dont get the part about the mill", lines) != "What is the poem mostly about?"
    move = reading_move(POEM, "i dont get the poem")
    assert "mostly about" in move.text and "river" in move.text and "Which question" not in move.text
