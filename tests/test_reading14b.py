"""Round 14b (reading): pointers on the sentence that decides, quotes that stay whole and in the teller's person, and
no 'I can't find' for a word a reader works out or finds inside another. New sentences, not the probe set's."""
from __future__ import annotations

from lesson import split_problem
from own_words import unsaid_words
from passages import body, classify_question, focus, reaction_to_event, reason_of_another
from meaning_match import unfound
from reading import NO_CLAIM, reading_move
from sentence_questions import sentence_question


def test_a_feeling_is_read_from_the_one_asked_about_not_from_someone_near():
    sentences = ["Omar dropped his ice cream on the sidewalk.", "A gull on the railing laughed and flapped away.",
                 "Omar felt miserable all the way home."]
    assert reaction_to_event("How did Omar feel when he dropped his ice cream?", sentences) == 2
    told = ["The moving van came three hours late.", "The cat hid under the sofa.", "I felt lost in the empty house."]
    assert reaction_to_event("How did the narrator feel when the van was late?", told) == 2


def test_during_names_the_moment_and_what_the_teller_does_through_it_shows_the_feeling():
    sentences = ["Thunder rolled over the hills all evening.", "I sat on the stairs hugging my knees.",
                 "By morning the sky was clear.", "We walked to the creek and I felt proud of how full it was."]
    assert reaction_to_event("How did the narrator feel during the thunder?", sentences) == 1


def test_a_because_that_explains_another_event_is_no_reason_for_the_one_asked():
    question = "Why was the kitchen floor wet?"
    sentences = ["Dad asked me to water the plants.", "I grumbled, because I wanted to watch TV.",
                 "I poured too fast and the pot overflowed.", "Later the kitchen floor was wet."]
    assert reason_of_another(question, sentences[1])
    assert not reason_of_another("Why did the narrator grumble?", sentences[1])
    assert 1 not in focus(sentences, 3, question, "cause")
    move = reading_move(" ".join(sentences), question)
    assert sentences[1] not in move.evidence and sentences[2] in move.evidence, move.evidence


def test_feeling_when_a_word_is_heard_is_no_vocabulary_question():
    assert classify_question("How did Ava feel when she heard the word recess?") == "feeling"
    assert classify_question("What does the word 'recess' mean?") == "vocabulary"


def test_a_question_inside_a_pasted_passage_is_not_the_students_question():
    passage = ("Sea otters float on their backs. Why do they hold hands? They do it so they do not drift apart while "
               "they sleep. Some wrap themselves in kelp too.")
    message = f"{passage}\n\ncan you help me with the main idea of the otter text"
    assert split_problem(message) == (message, "")
    asked = f"{passage}\n\nWhy do otters wrap in kelp? I think to stay warm."
    assert split_problem(asked)[1] == "I think to stay warm."


def test_no_cant_find_for_a_worked_out_word_or_a_part_of_a_passage_word():
    sentences = ["We stacked firewood by the shed.", "Grandpa nodded and smiled at us."]
    assert unfound(["wood", "thankful", "hard", "nobody", "castle"], sentences,
                   "nobody was thankful for the wood, it was hard, in the castle") == ["castle"]
    shown = ["The kite got stuck in the tall oak."]
    assert "couldnt" not in unsaid_words("she couldnt pull it down", "Why did Nell cry?", shown, shown)


def test_a_first_person_tellers_people_are_the_narrators_in_a_question():
    sentences = ["My uncle said the lake would freeze by Friday.", "I packed my skates."]
    asked = sentence_question(sentences[0], "What did the narrator pack?", sentences) or ""
    assert asked.startswith("What did the narrator's uncle say") and " my " not in f" {asked} "


def test_a_letter_on_one_line_never_points_at_its_signature():
    letter = ("Dear Coach Lee, thank you for the basketball clinic. We learned to dribble with both hands. "
              "Please come back next spring. Best wishes, Tara Smith")
    _, sentences, _ = body(letter)
    assert sentences[-1] == "Please come back next spring." and not any("Tara" in s for s in sentences)


def test_the_students_own_sympathy_is_no_answer_to_weigh():
    assert NO_CLAIM.search("I feel sorry for her") and NO_CLAIM.search("i felt bad for them")
    assert not NO_CLAIM.search("I feel she was sorry for him")


def test_a_line_given_with_a_word_changed_is_not_confirmed_as_what_was_said():
    passage = ("Jin waited by the gate with his kite. \"You can fly it first,\" his cousin said. Jin grinned and ran to "
               "the hill.")
    question = "What did Jin's cousin say?"
    assert reading_move(passage, question, "he said you can fly it first").verdict == "supported"
    assert reading_move(passage, question, "he said I'm your kite to fly").verdict != "supported"


def test_a_comment_on_the_question_is_no_answer_but_a_hard_thing_is():
    assert NO_CLAIM.search("i feel like its confusing") and NO_CLAIM.search("I think this is boring")
    assert not NO_CLAIM.search("hard work") and not NO_CLAIM.search("it was hard for her to wait")


def test_a_fall_told_as_a_slip_is_in_the_passage():
    passage = ("Ruth carried the tray across the wet deck. She slipped near the pool and the cups flew. A lifeguard "
               "helped her up.")
    move = reading_move(passage, "Why did the cups fly?", "because she fell on the wet deck")
    assert "can't find" not in move.text
