"""Round 19 (readwrong19): a wrong reading answer is met at the line that settles it. A feeling cue is a word's
start, never inside another word ("hug" is no cue in "huge", "yell" none in "yellow"); of the lines that show the
opposite feeling, the one about the asked moment is pointed at; "flies" is a form of "fly", so the tutor never says
the passage lacks it; a figurative phrase read as the real thing is asked about as a figure."""
import agent
from claim_match import numbers_unsaid, said_of_another
from evidence import Verdict
from inferred import shown, weigh_feeling, weigh_meaning, word_for_word
from text_words import base_forms


def silent(*_, **__):
    return iter(())


def reply(passage: str, question: str, message: str) -> tuple[str, str]:
    events = list(agent.Tutor(silent).respond(f"readwrong19 {message}", f"{passage}\n\n{question} {message}", "reading"))
    return events[-1].get("verdict"), events[-1]["text"]


def test_a_cue_is_a_whole_word_start():
    assert "happy" not in shown("A huge wave rolled toward the yellow boat.", "feelings")
    assert "angry" not in shown("She painted the fence a bright yellow.", "feelings")
    assert "happy" in shown("Grandpa hugged her twice.", "feelings")
    assert "sad" not in shown("The island came into sight at noon.", "feelings")


def test_ies_words_share_their_y_form():
    assert "fly" in base_forms("flies") and "try" in base_forms("tried")


def test_the_opposite_feeling_line_about_the_asked_moment_is_chosen():
    lines = ["Dad stood quietly by the sink for a moment.", "Then he laughed and hugged Rosa for fixing the bike."]
    verdict, _ = weigh_feeling("He was angry.", "How does Dad feel about Rosa fixing the bike?", lines, 1,
                               Verdict("unclear", lines[1]))
    assert verdict.label == "contradicted" and verdict.sentence == lines[1]


def test_a_huge_storm_is_not_a_happy_clue():
    passage = ("All winter the town waited for a huge snowstorm. On Saturday the sky stayed gray, but only a few "
               "flakes came down. Omar looked at his new skis by the door.")
    verdict, text = reply(passage, "How does Omar probably feel on Saturday?", "He feels happy because he can ski.")
    assert verdict != "confirm" and "fits" not in text


def test_a_phrase_read_as_the_real_thing_is_asked_about_as_a_figure():
    lines = ["The parking lot was an ocean of bikes after school.", "Nobody could find their own."]
    assert word_for_word("The parking lot was next to the ocean.", "an ocean of bikes", lines, 0)
    assert not word_for_word("There were so many bikes.", "an ocean of bikes", lines, 0)
    assert not word_for_word("The bikes spread out everywhere.", "an ocean of bikes", lines, 0)
    verdict, status = weigh_meaning("The bikes were parked by an ocean.", "an ocean of bikes", lines)
    assert status == "literal" and verdict.label == "unclear"


def test_a_literal_reading_gets_the_figure_question():
    passage = ("The bell rang at three. The hallway became a river of people, all moving toward the doors. Lena "
               "pressed against the lockers and waited.")
    verdict, text = reply(passage, "What does 'a river of people' mean?", "There was a real river in the hallway.")
    assert verdict != "confirm" and "real thing" in text


def test_a_number_the_line_lacks_is_unsaid():
    assert numbers_unsaid("Three flights.", "They climbed four flights of stairs.")
    assert not numbers_unsaid("ninety steps", "She climbed the 90 steps of the tower.")


def test_a_deed_of_another_named_person_is_said_of_another():
    line = "Grandpa watered the beans and Aunt Sofia picked the peppers."
    question = "What did Sofia do in the garden?"
    assert said_of_another("She watered the beans.", question, line)
    assert not said_of_another("She picked the peppers.", question, line)
    assert not said_of_another("She picked the peppers.", question, "Sofia smiled, and she picked the peppers.")
    assert not said_of_another("He found it in the barn.", "Where did Omar find the cat?", "At last he found it in the "
                               "barn behind the house.")
    assert not said_of_another("She fed the hens.", "What did Ana do first?", "First she fed the hens and the goats.")
