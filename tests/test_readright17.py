"""Round 17: inference answers judged against the clue lines (inferred.py, data/inference_cues.json): a mood, a
feeling, a trait, an idiom's or a word's meaning, a how-to text's purpose. Right ones are confirmed with the line that
shows them; ones the clue lines argue against (an opposite feeling, a literal reading) are flagged there."""
from reading import reading_move

MEADOW = ("The meadow was quiet after lunch. Only a soft breeze moved the tall grass. Two cows dozed under the oak "
          "tree, and Priya lay on her back watching the clouds drift by.")


def test_a_mood_the_scene_shows_is_confirmed_with_its_line():
    move = reading_move(MEADOW, "What is the mood of the meadow scene?", "It is peaceful and relaxed.")
    assert move.verdict == "supported" and move.status == "answer"
    assert move.text.startswith("Yes") and "peaceful" in move.text


def test_an_opposite_mood_is_flagged_at_a_clue_line():
    move = reading_move(MEADOW, "What is the mood of the meadow scene?", "The mood is angry.")
    assert move.verdict == "contradicted" and not move.text.startswith("Yes")


def test_clues_without_a_mood_are_a_right_step():
    move = reading_move(MEADOW, "What is the mood of the meadow scene?", "the cows dozed under the oak tree")
    assert move.status == "step" and "mood" in move.text


SECRET = ("Dev had promised to keep the party a surprise. But at breakfast his little sister asked why Mom bought so "
          "many balloons, and Dev spilled the beans. Mom sighed and said, \"Well, now everyone knows.\"")


def test_an_idiom_read_for_its_meaning_is_confirmed():
    move = reading_move(SECRET, "What does it mean that Dev \"spilled the beans\"?", "He told the secret about the "
                                                                                     "party.")
    assert move.verdict == "supported" and move.text.startswith("Yes")


def test_an_idiom_read_word_for_word_is_questioned_at_its_line():
    move = reading_move(SECRET, "What does it mean that Dev \"spilled the beans\"?", "He dropped a bowl of beans.")
    assert move.verdict == "contradicted" and move.status == "literal"
    assert "spilled the beans" in move.text and not move.text.startswith("Yes")


VALLEY = "The soil in the valley was parched. In other words, no rain had fallen there since early spring."


def test_a_meaning_the_next_line_shows_is_confirmed_and_its_opposite_flagged():
    right = reading_move(VALLEY, "What does the word \"parched\" mean?", "It means very dry.")
    assert right.verdict == "supported" and right.text.startswith("Yes")
    wrong = reading_move(VALLEY, "What does the word \"parched\" mean?", "It means soaking wet.")
    assert wrong.verdict == "contradicted" and not wrong.text.startswith("Yes")


def test_a_trait_in_other_words_is_confirmed_by_the_deed():
    story = ("After the game, Nico found a phone on the bleachers. He carried it to the coach and handed it over so "
             "the coach could find its owner.")
    move = reading_move(story, "What does this show about Nico's character?", "He is honest because he turned the "
                                                                                  "phone in.")
    assert move.verdict == "supported" and move.text.startswith("Yes, honest fits")


LEMONADE = ("How to Make Lemonade\nFirst, squeeze four lemons into a pitcher. Next, add half a cup of sugar. Then pour "
            "in four cups of cold water. Finally, stir it well and add ice.")


def test_a_how_to_texts_purpose_to_teach_is_confirmed_and_to_persuade_is_not():
    right = reading_move(LEMONADE, "Why did the author write this passage?", "To teach how to make lemonade.")
    assert right.verdict == "supported" and right.text.startswith("Yes")
    wrong = reading_move(LEMONADE, "Why did the author write this passage?", "To persuade people to grow lemons.")
    assert wrong.verdict == "contradicted" and not wrong.text.startswith("Yes")


def test_a_titled_name_is_the_character_and_their_deed_confirms_the_trait():
    story = ("On Tuesday, Mr. Okafor noticed the Lee family's car would not start. He brought his jumper cables over to "
             "Mrs. Lee and helped her get it running before work.")
    move = reading_move(story, "What kind of neighbor is Mr. Okafor?", "He is helpful. He helped Mrs. Lee start her "
                                                                         "car.")
    assert move.verdict == "supported" and move.text.startswith("Yes, helpful fits")
    assert "Mr do" not in move.text


FERRIES = ("Two ferries crossed the bay each morning. Captain Reyes was known for speed: his boat raced across in ten "
           "minutes. Captain Hollis took the old route along the shore. Her trip took over an hour, and passengers "
           "read whole newspapers on the way.")


def test_a_quality_of_each_compared_character_is_held_against_each_ones_lines():
    q = "Compare how Reyes and Hollis crossed the bay."
    right = reading_move(FERRIES, q, "Reyes was fast but Hollis was slow")
    assert right.verdict == "supported" and right.status == "compare" and right.text.startswith("Yes")
    wrong = reading_move(FERRIES, q, "Reyes was slow and Hollis was quick")
    assert wrong.verdict == "contradicted" and not wrong.text.startswith("Yes")


def test_a_how_to_purpose_is_confirmed_without_asking_how_the_writer_convinces():
    move = reading_move(LEMONADE, "What is the author's purpose?", "to explain how to make lemonade")
    assert move.text.startswith("Yes") and "convince" not in move.text
