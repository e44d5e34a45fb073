"""Round 22, science help: a pair question in the student's own words ("x vs y", "i mix up x and y", "x and y which
...") gets one textbook feature with the thing left out, never the answer and never a frame with their words."""
import agent
import science_contrast
from lesson import Facts

TEXTBOOK = Facts([
    "Conduction passes heat from particle to particle through a solid, so a metal spoon warms along its handle. "
    "Convection carries heat as warm liquids and gases rise and cooler ones sink. "
    "Isotopes of an element have the same number of protons but different numbers of neutrons. "
    "An ion is an atom that has gained or lost electrons, so it carries a charge. "
    "The Great Ion Storm was a famous name for a display at the science museum. "
    "Weathering breaks rock into small pieces where it stands; erosion carries the pieces away. "
    "A virus can only reproduce inside a living cell.",
])


def test_the_pair_a_question_names_in_chat_words():
    assert science_contrast.asked_pair("conduction vs convection??") == science_contrast.Pair("conduction",
                                                                                            "convection")
    assert science_contrast.asked_pair("whats the diff between an isotope and an ion") == \
        science_contrast.Pair("isotope", "ion")
    assert science_contrast.asked_pair("i always mix up weathering and erosion lol") == \
        science_contrast.Pair("weathering", "erosion")
    assert science_contrast.asked_pair("how is a virus different from a bacterium") == \
        science_contrast.Pair("virus", "bacterium")
    # the ask after the pair is kept, and a second word of it is no part of the thing
    pair = science_contrast.asked_pair("kinetic vs potential energy which one is in a stretched spring")
    assert (pair.x, pair.y, pair.tail) == ("kinetic energy", "potential energy", "which one is in a stretched spring")
    assert science_contrast.asked_pair("conduction and convection which one needs a liquid") == \
        science_contrast.Pair("conduction", "convection", "which one needs a liquid")
    # an idea, or a question about one thing, names no pair to tell apart
    for said in ("i think conduction is when heat moves through a solid", "why does a metal spoon get hot",
                 "is a virus alive", "solids and liquids i think both have a fixed volume"):
        assert science_contrast.asked_pair(said) is None, said


def test_one_side_is_quoted_with_the_thing_left_out():
    move = science_contrast.contrast_move("conduction vs convection??", TEXTBOOK)
    assert "\"___ passes heat from particle to particle" in move.text or "\"___ carries heat" in move.text
    assert "\"conduction\" or \"convection\" fill the gap?" in move.text
    # the quoted sentence never names the thing it is about
    quoted = move.text.split("\"")[1]
    assert "onduction" not in quoted and "onvection" not in quoted


def test_a_fact_that_names_both_sides_is_split_into_its_clauses():
    move = science_contrast.contrast_move("weathering vs erosion", TEXTBOOK)
    assert "\"___ breaks rock into small pieces where it stands.\"" in move.text
    assert "erosion carries" not in move.text


def test_a_fact_on_the_questions_own_description_would_answer_it_and_is_left():
    # "needs a liquid": the convection sentence names liquids, so it would say which one; the other side's stays
    move = science_contrast.contrast_move("conduction and convection which one needs a liquid", TEXTBOOK)
    assert "liquids" not in move.text and "\"___ passes heat from particle to particle" in move.text
    assert move.text.endswith("Then back to your question: which one needs a liquid?")


def test_a_proper_name_that_only_spells_alike_is_no_feature():
    move = science_contrast.contrast_move("isotopes vs ions", TEXTBOOK)
    assert "Storm" not in move.text
    assert "\"a(n) ___ is an atom that has gained or lost electrons" in move.text.lower() or \
        "\"___ of an element have the same number of protons" in move.text


def test_an_article_before_the_gap_does_not_give_the_vowel_away():
    assert science_contrast.blank("An ion is an atom that has gained electrons.", "ion") == \
        "A(n) ___ is an atom that has gained electrons."
    assert science_contrast.blank("The ion and the ion.", "ion") is None  # named twice: the gap is ambiguous


def test_no_fact_each_side_is_asked_on_its_own_in_the_right_number():
    move = science_contrast.contrast_move("mitochondria vs ribosomes", Facts([]))
    assert "what are they, or what do they do?" in move.text
    move = science_contrast.contrast_move("i mix up speed and velocity", Facts([]))
    assert move.text.startswith("Try speed first: in a few words of your own, what is it, or what does it do?")
    assert "so far" not in move.text


def test_the_tutor_never_confirms_or_says_back_a_pair_question():
    tutor = agent.Tutor(lambda *a, **k: iter([""]))
    for said in ("mass number or atomic number which one counts neutrons", "isotope vs ion whats the difference"):
        final = list(tutor.respond(f"s-{said[:6]}", said, subject="science"))[-1]
        assert not final["text"].startswith(("Yes", "Your idea")), final["text"]
        assert final.get("verdict") != "confirm", final


def test_the_turn_after_the_gap_takes_the_pick_and_asks_for_the_other_side():
    question = "weathering vs erosion"
    gap = science_contrast.contrast_move(question, TEXTBOOK).evidence
    right = science_contrast.gap_reply(question, gap, "weathering", TEXTBOOK)
    assert right.verdict == "supported" and "what is true of erosion instead?" in right.text
    wrong = science_contrast.gap_reply(question, gap, "its erosion?", TEXTBOOK)
    assert wrong.verdict == "contradicted" and "Yes" not in wrong.text
    assert "\"___ carries the pieces away.\"" in wrong.text  # the other side's own sentence, gapped too
    stuck = science_contrast.gap_reply(question, gap, "idk", TEXTBOOK)
    assert stuck.verdict == "unclear" and "\"___ carries the pieces away.\"" in stuck.text
    # an idea in the student's own words is judged as any other, never confirmed here
    assert science_contrast.gap_reply(question, gap, "weathering is when rain and ice break rocks down",
                                      TEXTBOOK) is None
    assert science_contrast.gap_reply(question, [], "weathering", TEXTBOOK) is None  # no gap was asked


def test_a_sentence_that_says_what_the_thing_is_comes_before_one_that_says_what_it_does():
    textbook = Facts(["A lens bends light that passes through it. A lens is a curved piece of clear glass or plastic. "
                      "A mirror reflects light back."])
    move = science_contrast.contrast_move("lens vs mirror", textbook)
    assert "\"A(n) ___ is a curved piece of clear glass or plastic.\"" in move.text
