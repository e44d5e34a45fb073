"""Round 13 of reading's pointers, on passages written for these tests: a sentence that tells of the person asked
about as "she" or "the old woman" is found, not the one that only names them; a who-question's answer is not the
sentence its named person opens; a poem's pointer lands on the line its sentence starts; the hint ladder reads the
passage as the pointer does ("Dr." ends no sentence, a letter's sign-off is no part of the question)."""
from passages import answer_sentence, body, classify_question, rank_sentences
from people import people, referred
from wording import hint_text

BAKERY = ("Irma kept a bakery on Mill Lane. Each morning a boy called Pablo pressed his nose to the window. "
          "One cold day he had no mittens. The woman saw his red fingers through the glass. "
          "She carried out a warm roll and a pair of old gloves. Pablo ran off smiling.")
SWIM = ("Tariq wanted to swim across the lake, but he sank every time. He splashed hard and got tired fast. "
        "His neighbour watched from the dock one afternoon. The old woman showed him how to float on his back first. "
        "By July, Tariq could cross the lake without stopping.")
POEM = ("Night Train\nWhen the town is fast asleep\nI hear across the hill\nthe long low whistle of a train\n"
        "that calls and then is still.\n")


def top(passage: str, question: str) -> int:
    _, sentences, _ = body(passage)
    kind = classify_question(question)
    return answer_sentence(kind, question, None, sentences, rank_sentences(question, sentences, kind=kind))


def test_he_and_she_are_told_from_the_text():
    _, sentences, _ = body(BAKERY)
    assert people(sentences).get("Pablo") == "he"
    told = referred("Why did Irma give Pablo the gloves?", sentences)
    assert "Irma" in told[4] and told[0] == sentences[0]  # "She carried out" is Irma's deed


def test_a_deed_told_by_a_description_is_found():
    assert top(BAKERY, "Why did Irma give Pablo the gloves?") in (3, 4)
    assert top(SWIM, "Who taught Tariq how to float?") == 3


def test_a_question_about_no_deed_keeps_the_plain_ranking():
    _, sentences, _ = body(BAKERY)
    assert referred("What did Pablo press to the window?", sentences) == sentences


def test_a_poem_pointer_lands_where_the_sentence_starts():
    _, lines, _ = body(POEM)
    assert lines[0].startswith("When the town") and top(POEM, "What does the speaker hear?") in (0, 1)
    assert top(POEM, "What does the train do?") in (0, 1)  # never "the long low whistle ..." mid-sentence


def test_the_hint_ladder_keeps_a_title_with_its_name():
    passage = "Dr. Amadi's voice cracked as she spoke to the crowd, because her throat was sore. The crowd waited."
    hint = hint_text(f"{passage}\n\nWhy did Dr. Amadi's voice crack?", 1, "reading")
    assert "\"Amadi's" not in hint


def test_a_letter_sign_off_is_no_part_of_the_question():
    letter = ("Dear Coach Lin,\nThank you for the new nets. I am writing to ask for a later practice time. "
              "Many of us ride the late bus.\nYours truly,\nOmar\n\nWhy did Omar write to Coach Lin?")
    for level in (1, 2, 3):
        assert "Yours truly" not in hint_text(letter, level, "reading")
