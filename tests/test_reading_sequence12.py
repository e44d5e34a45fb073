"""A one-event answer to "what did X do right after / before EVENT?" is confirmed when it is the step beside the
event (it was never confirmed: a single event had 'no order'), and never when it is another step, the event told
again, or the event cannot be found; a step told in the event's own sentence ("Before she ..., she ...") counts."""
import pytest

from reading import reading_move

SOUP = ("First, Omar chopped the carrots. Then he waited for the broth to boil. After that, he dropped in the "
        "carrots and stirred them. Finally, he poured the soup into bowls.")
BREAD = ("Lena kneaded the dough. Before she slid the pan into the oven, she brushed the loaf with milk. Then she "
         "baked it for half an hour.")
SHOP = ("Kai missed the first train. The next train was late too. He ran up the stairs, and the clerk held the door.")


@pytest.mark.parametrize("passage, question, claim, verdict", [
    (SOUP, "What did Omar do right after the broth boiled?", "he dropped in the carrots", "supported"),
    (SOUP, "What did Omar do right after the broth boiled?", "he poured the soup into bowls", "unclear"),
    (SOUP, "What did Omar do right after the broth boiled?", "he chopped the carrots", "unclear"),
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
