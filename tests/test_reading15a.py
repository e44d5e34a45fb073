"""Round 15a: the locator points where a question's kind finds its answer (locate.py, passages.py), on new passages.

    .venv/bin/python -m pytest -q tests/test_reading15a.py
"""
from locate import compared_sides, retold
from passages import body, classify_question, key_sentences
from reading import reading_move

RECESS = ("Recess Before Lunch\n\nOur school eats lunch first and plays afterward. I think recess should come before "
          "lunch. A school in Montana tried the switch, and food waste fell by nearly 30 percent. Students there "
          "also came back to class calmer. Some teachers worry that children will be too hungry to play. However, "
          "a small snack at ten o'clock solves that problem. Please ask the principal to try it for one month.")


def test_a_counterclaim_asked_for_is_the_sentence_giving_the_other_side():
    move = reading_move(RECESS, "Which sentence gives a counterclaim?")
    assert move.evidence == ["Some teachers worry that children will be too hungry to play."], move.evidence
    assert "what other people argue" in move.text


def test_a_purpose_is_in_the_request_to_the_reader_before_a_general_should():
    _, sentences, _ = body(RECESS)
    assert sentences[key_sentences("purpose", sentences)[0]].startswith("Please ask the principal")


def test_evidence_asked_for_is_a_finding_not_the_claim_again():
    move = reading_move(RECESS, "What evidence shows that recess before lunch works?")
    assert any("30 percent" in e for e in move.evidence), move.evidence


def test_a_title_that_asks_is_a_title_and_an_opening_question_is_not():
    title, sentences, _ = body("Can Robots Feel?\n\nRobots can sense heat and light. They cannot feel sad.")
    assert title == "Can Robots Feel?" and sentences[0].startswith("Robots can sense")
    title, _, _ = body("Have you ever seen an owl?\n\nOwls hunt at night. They fly without a sound.")
    assert title is None


def test_a_where_question_finds_the_place_of_the_thing_not_where_its_owner_sat():
    passage = ("Priya lost her library book on Friday. Priya sat on the porch steps and sighed. Her dad checked the "
               "car. On Sunday the book turned up under the couch cushions. Priya hugged it.")
    move = reading_move(passage, "Where did Priya find her book?")
    assert any("under the couch" in e for e in move.evidence), move.evidence


def test_a_why_question_whose_best_sentence_retells_its_event_points_to_the_reason_beside_it():
    passage = ("Omar carried his paper boat to the creek. He set it on the water near the bank. A wave from a passing "
               "dog splashed over the stern. The little boat sank to the muddy bottom. Omar fished it out with a "
               "stick.")
    assert retold("Why did the boat go under?", "The little boat sank to the muddy bottom.")
    move = reading_move(passage, "Why did the boat go under?")
    assert any("A wave from a passing dog" in e for e in move.evidence), move.evidence
    assert "just before it" in move.text


def test_a_feeling_in_a_quoted_line_does_not_make_a_why_question_a_feeling_question():
    assert classify_question("Why does Lena say 'I feel nothing at all'?") == "motive"
    assert classify_question("How does Lena feel at the end?") == "feeling"


def test_a_comparison_of_two_named_characters_points_to_each_part():
    passage = ("The sisters, June and Bea, each planted a garden. June bought bright flowers and planted them in one "
               "afternoon. She forgot to water them. Bea spent a week turning the soil. She planted seeds and "
               "watered them every morning. By July, only one garden was blooming.")
    _, sentences, _ = body(passage)
    sides = compared_sides("Compare how June and Bea planted their gardens.", sentences)
    assert sides == (("June", [1, 2]), ("Bea", [3, 4])), sides
    move = reading_move(passage, "Compare how June and Bea planted their gardens.")
    assert "June's part" in move.text and "Bea's part" in move.text and "different" in move.text, move.text
    assert compared_sides("Why did June plant flowers?", sentences) is None


def test_a_why_question_naming_a_feeling_asks_its_cause_and_points_past_the_feeling():
    assert classify_question("Why did Theo feel proud and a little sad?") == "motive"
    assert classify_question("How did Theo feel at the recital?") == "feeling"
    passage = ("Theo practiced the same song on the piano every night for a month. His teacher was moving away after "
               "the recital. When he finished playing, everyone clapped. Theo bowed, feeling proud and a little sad.")
    move = reading_move(passage, "Why did Theo feel proud and a little sad?")
    assert "what feeling does that show" not in move.text, move.text  # the feeling is named: its cause is asked


def test_an_evidence_question_asks_for_the_fact_that_shows_the_claim_it_names():
    text = reading_move(RECESS, "What evidence does the writer give that recess before lunch works?").text
    assert text.endswith("What fact do you find there that shows recess before lunch works?"), text
