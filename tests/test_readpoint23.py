"""Round 23 (readpoint23): reading pointers chosen by what the question asks, on sentences of no probe set.

A poem typed with slash line marks is read line by line; a comparison with no "like" points to the renamed line;
a bare "whats X" asks a word's meaning; a word whose sentence points back ("for it") sends the student to the line
before; a step the student places first is checked against the step the text marks first; a line about another kind
of the thing asked (another kind of ant, a "They" standing for it) neither answers nor confirms.
"""
from common import as_lines, split_sentences
from locate import another_kind
from reading import reading_move
from sentence_questions import tells_asked
from student_message import split_message

RAIN = ("The rain arrives at midnight, / a drummer on the roof. / It taps along the gutters / and it wakes the "
        "sleeping dog. / By morning it has wandered off, / and puddles fill the yard.")

ANTS = ("An ant colony is like a small city. The queen ant stays deep inside the nest. Soldier ants guard the doors. "
        "They bite any beetle that comes too close. Worker ants carry food and dig new tunnels. The queen lays "
        "thousands of eggs every week.")

PANCAKES = ("Making pancakes is easy if you follow the steps. First, crack two eggs into a big bowl. Next, pour in a "
            "cup of milk and stir. Then add the flour a little at a time. Heat a pan with a spoonful of butter. "
            "Finally, pour small circles of batter into the pan and flip them when bubbles appear.")

INVENTOR = ("Margaret Knight worked in a paper bag factory when she was a young woman. The bags back then were thin "
            "and shaped like envelopes. She built a machine that folded and glued flat-bottomed bags. She won a patent "
            "for it in 1871. Today grocery bags still have the flat bottom she designed.")


def test_a_poem_typed_with_slashes_is_read_line_by_line_and_numbers_keep_theirs():
    assert split_sentences(RAIN)[:2] == ["The rain arrives at midnight,", "a drummer on the roof."]
    assert len(split_sentences(RAIN)) == 6
    assert as_lines("Is it 3 / 4 or 6 / 8 or 9 / 12 of the pie?") == "Is it 3 / 4 or 6 / 8 or 9 / 12 of the pie?"
    assert as_lines("Ask him / her about it.") == "Ask him / her about it."  # one mark is no poem
    assert as_lines("Is it a solid / liquid / gas / plasma?") == "Is it a solid / liquid / gas / plasma?"  # options
    passage, rest = split_message(f"{RAIN}\n\nits about a band", prose=True)
    assert passage is not None and "drummer" in passage and rest == "its about a band"


def test_a_comparison_with_no_like_points_to_the_renamed_line_not_a_feelings_frame():
    move = reading_move(RAIN, "what is the rain compared to")
    assert "first line" in move.text and "line after it" in move.text and "the rain" in move.text
    assert "drummer" not in move.text  # the answer stays the student's to find
    assert "feels" not in move.text


def test_a_bare_whats_word_asks_its_meaning_in_its_own_sentence():
    move = reading_move(ANTS, "whats a colony")
    assert move.kind == "vocabulary" and '"colony"' in move.text and "An ant colony is" in move.text


def test_a_word_whose_sentence_points_back_sends_the_student_to_the_line_before():
    move = reading_move(INVENTOR, "what is a patent")
    assert '"it" points back' in move.text and "She built a machine" in move.text


def test_a_step_placed_first_is_checked_against_the_step_the_text_marks_first():
    wrong = reading_move(PANCAKES, "first u pour in the milk", "first u pour in the milk")
    assert wrong.verdict == "contradicted" and not wrong.text.lower().startswith(("yes", "right", "correct"))
    assert "first one" in wrong.text and wrong.evidence == ["First, crack two eggs into a big bowl."]
    right = reading_move(PANCAKES, "first you crack the eggs", "first you crack the eggs")
    assert right.verdict != "contradicted"
    last = reading_move(PANCAKES, "the last step is adding the flour", "the last step is adding the flour")
    assert last.verdict != "supported" and not last.text.lower().startswith(("yes", "right"))


def test_a_line_about_another_kind_neither_answers_nor_confirms():
    guard = "They bite any beetle that comes too close."
    assert another_kind("What does the queen ant do?", guard, split_sentences(ANTS))  # "They" are the soldiers
    assert not another_kind("What do soldier ants do?", guard, split_sentences(ANTS))
    wrong = reading_move(ANTS, "What does the queen ant do?", "bites beetles")
    assert wrong.verdict != "supported" and not wrong.text.lower().startswith(("yes", "right", "correct"))
    helped = reading_move(ANTS, "What does the queen ant do?")
    assert not any(s.startswith(("Soldier", "They bite", "Worker")) for s in helped.evidence)


OWLS = ("Barn owls are skilled night hunters. Their heart-shaped faces collect sound like a dish. They can hear a "
        "mouse moving under the snow. Soft feathers on their wings let them fly without a sound. Their eyes are large "
        "and see well in dim light. All of these features help barn owls catch food in the dark.")


def test_a_main_idea_answered_with_one_detail_is_sent_to_what_most_sentences_are_about():
    move = reading_move(OWLS, "main idea is that owls have soft feathers", "main idea is that owls have soft feathers")
    assert move.text.startswith("That is one detail") and "the fourth sentence" in move.text
    assert "most of the sentences" in move.text and "soft feathers" not in move.text
    whole = reading_move(OWLS, "What is the main idea?", "barn owls are skilled night hunters")
    assert not whole.text.startswith("That is one detail")  # the lead's own words are no single detail


MARKET = ("The farmers market closed for the winter in November. When it opened again in April, the whole street "
          "was crowded. Mr. Hale, who sells honey, said the first Saturday felt like a reunion. \"I saw faces I had "
          "missed for months,\" he said.")


def test_a_meaning_typed_with_a_filler_like_is_tried_in_the_words_place():
    move = reading_move(MARKET, "What does 'reunion' mean?", "reunion means like a party with cake")
    assert "party with cake" in move.text and "\"\"" not in move.text
    assert "'I saw faces I had missed for months,' he said" in move.text  # the clue, its quotes kept readable


SEALS = ("Harbor seals spend much of the day on rocks near the shore. They swim out to hunt when the tide comes in. "
         "On cold nights, the pups press close to their mothers to keep their bodies warm.")


def test_a_why_answered_by_a_purpose_at_the_end_of_its_sentence_points_there_alone():
    move = reading_move(SEALS, "Why do the pups press close to their mothers?")
    assert "the sentence just before" not in move.text and "last sentence" in move.text
    assert "warm" not in move.text  # the purpose is the student's to read
    place = reading_move(SEALS, "Why do the seals swim out?")
    assert "hunt" not in place.text


def test_a_purpose_tells_a_why_only_of_the_deed_asked_about():
    asked = "Why do the pups press close to their mothers?"
    assert tells_asked(asked, "On cold nights, the pups press close to their mothers to keep their bodies warm.")
    assert not tells_asked(asked, "The keepers raised money at a fair to pay for a new pool.")  # another deed's
    assert not tells_asked("Why did Mia walk home?", "Then Mia walked to the park.")  # a place, no purpose
    assert not tells_asked("Why doesn't Mia shout?", "Mia took a breath and opened her mouth to shout.")  # the deed
    assert not tells_asked("Why did Mia run?", "Mia ran all the way to Grandma's house.")  # a place, named
