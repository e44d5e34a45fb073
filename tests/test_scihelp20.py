"""Round 20, science help: moves built from what the question says happens, the two things a student mixes up, and
the plain ways a stuck student types; never "How could you test that reason?" in general."""
import science_catalog
import science_fallback
import science_help
from named_questions import named_question


def test_a_stuck_student_in_chat_words_is_asking_for_help():
    for said in ("dunno", "i dunno", "idk", "we never learned about tides", "we haven't covered this yet",
                 "what am i supposed to write"):
        assert science_catalog.is_help(said), said
    # an idea said beside them is still an idea
    for said in ("idk maybe the wind moves it", "I never did the test but it sinks", "I did it and it floated"):
        assert not science_catalog.is_help(said), said


def test_a_why_question_turned_into_what_it_says_happens():
    assert science_fallback.outcome_of("Why do cats have whiskers?") == "cats have whiskers"
    assert science_fallback.outcome_of("Why is it darker in winter at 5 pm?") == "it is darker in winter at 5 pm"
    assert science_fallback.outcome_of("Why does milk go sour?") == "milk goes sour"
    assert science_fallback.outcome_of("why do i sweat when i run?") == "you sweat when you run"
    assert science_fallback.outcome_of("What causes tides?") == "tides happen"
    assert science_fallback.outcome_of("Why is the ocean salty?") is None  # no safe place for the verb


def test_a_reason_is_asked_for_its_missing_link_to_this_outcome():
    said = science_fallback.honest_test("because the air is wet", "Why does milk go sour?")
    assert "How does that lead to the fact that milk goes sour?" in said
    assert "test that reason" not in said


def test_an_answer_with_its_own_reason_is_checked_at_its_link():
    said = science_fallback.honest_test("it has fur so it's a pet", "Is a polar bear a pet?")
    assert said == "How did you work out that it's a pet?"  # their own reasoning, no "always mean" frame
    assert "test that reason" not in said
    # a pick between two options with its reason is set beside the other option (sciwrong22), not "always mean"
    said = science_fallback.honest_test("it has fur so it's a mammal", "Is a polar bear a mammal or a fish?")
    assert "How does a fish compare" in said and "always mean" not in said


def test_a_stuck_why_question_sets_the_case_beside_one_where_it_does_not_happen():
    said = science_fallback.honest_start("Why can you see your breath outside in winter?", ['"breath"'], '"q"')
    assert "when you can see your breath outside in winter" in said and "does not happen" in said


def test_a_meaning_question_starts_where_the_student_met_the_word():
    said = science_fallback.honest_start("What does the word erosion mean?", ['"erosion"'], '"q"')
    assert said.startswith("Where have you come across erosion")


def test_a_guess_with_or_something_is_no_pair():
    assert science_help.confused_pair("is it magnetism or something", "Why does a compass point north?") is None
    assert science_help.confused_pair("i get iron and stainless steel mixed up", "Which one rusts?") == \
        ("iron", "stainless steel")  # a thing of its own takes no share of the other's noun
    assert science_help.confused_pair("i mix up kinetic and potential energy", "What energy does a rolling ball "
                                      "have?") == ("kinetic energy", "potential energy")


def test_two_things_mixed_up_are_taken_one_at_a_time_when_no_fact_tells_them_apart():
    move = science_help.pair_ask(("arteries", "veins"), "Which vessels carry blood back to the heart?")
    assert move and "arteries and veins one at a time" in move.text
    assert "the vessels that carry blood back to the heart" in move.text


def test_a_vague_head_names_no_kind():
    assert named_question("What kinds of things float in water?") is None
    assert science_catalog.asked_kind("Which objects sink in a bowl of water?") is None
