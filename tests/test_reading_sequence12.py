"""Reading verdicts and pointers, round 12 (lead). A one-event answer to "what did X do right after / before
EVENT?" is confirmed when it is the step beside the event (it was never confirmed: a single event had 'no order'),
and never when it is another step, the event told again, or the event cannot be found; a step told in the event's own
sentence ("Before she ..., she ...") counts. A number answer to "how many" is judged by the number the sentence
gives, in words or digits ("40" for "forty trips")."""
import pytest

import lesson
from reading import reading_move

SOUP = ("First, Omar chopped the carrots. Then he waited for the broth to boil. After that, he dropped in the "
        "carrots and stirred them. Finally, he poured the soup into bowls.")
BREAD = ("Lena kneaded the dough. Before she slid the pan into the oven, she brushed the loaf with milk. Then she "
         "baked it for half an hour.")
SHOP = ("Kai missed the first train. The next train was late too. He ran up the stairs, and the clerk held the door.")


@pytest.mark.parametrize("passage, question, claim, verdict", [
    (SOUP, "What did Omar do right after the broth boiled?", "he dropped in the carrots", "supported"),
    (SOUP, "What did Omar do right after the broth boiled?", "he poured the soup into bowls", "unclear"),
    (SOUP, "What did Omar do right after the broth boiled?", "he chopped the carrots", "contradicted"),  # told before
    (SOUP, "What did Omar do right after the broth boiled?", "he waited for the broth to boil", "unclear"),
    (BREAD, "What did Lena do right before she slid the pan into the oven?", "she brushed the loaf with milk",
     "supported"),
    (BREAD, "What did Lena do right before she slid the pan into the oven?", "she kneaded the dough", "unclear"),
])
def test_one_event_answers_to_a_step_beside_an_event(passage, question, claim, verdict):
    assert reading_move(passage, question, claim).verdict == verdict


def test_an_event_that_cannot_be_found_confirms_no_single_step():
    """"Kai held up his ticket" is told nowhere: no step beside it is known, so no one step is right."""
    assert reading_move(SHOP, "What happened after Kai held up his ticket?", "the next train was late").verdict != \
        "supported"


FERRY = ("The old ferry made forty trips across the bay each summer. One windy morning it stayed in the harbor. "
         "Captain Ruiz checked the ropes twice.")


@pytest.mark.parametrize("claim, verdict", [("40", "supported"), ("forty trips", "supported"), ("14", "unclear")])
def test_a_number_answer_is_judged_by_the_number_the_sentence_gives_in_words_or_digits(claim, verdict):
    assert reading_move(FERRY, "How many trips did the ferry make each summer?", claim).verdict == verdict


def test_a_how_many_pointer_names_the_sentence_with_the_number_in_words():
    """"forty" is a number as much as "40": "One windy morning" beside it is not where the count is."""
    move = reading_move(FERRY, "How many trips did the ferry make each summer?", None)
    assert move.evidence == [FERRY.split(". ")[0] + "."] and "first sentence" in move.text


def test_a_bare_number_in_a_reading_lesson_is_the_students_answer():
    state = lesson.Lesson(problem=f"{FERRY}\n\nHow many trips did the ferry make each summer?")
    assert lesson.grounded_move(state, "reading", "40").verdict == "confirm"


def test_a_feeling_the_text_shows_but_never_names_is_asked_for_its_clue_not_called_missing():
    """A feeling is worked out from a deed: "I can't find 'proud' in the passage" tells the student nothing true."""
    text = ("Ines crossed the finish line first. She raised both fists in the air while her family cheered from the "
            "stands.\n\nHow does Ines probably feel?")
    move = lesson.grounded_move(lesson.Lesson(problem=text), "reading", "proud")
    assert "can't find" not in move.question and "Which words show that Ines felt proud?" in move.question
