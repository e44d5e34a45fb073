"""Session 22 (scihelp26): a lettered pick that a fact answers the question with, by meaning and clearly ahead of
every other choice, is confirmed, and only confirmed (a near miss, or a fact that fits a wrong choice nearly as well,
decides nothing; without the encoder nothing is decided by meaning); chat about a test or a plea to the tutor to
explain is no claim of the student's; a pair question's second thing ends where the student's own words begin."""
import evidence
from lesson import Facts
from science_choices import choice_move, meant_choice
from science_contrast import asked_pair
from student_message import extract_claim, question_of

MAGNET = Facts(["Steel nails and iron keys are pulled toward a magnet, so a magnet can pick them up.",
                "Wool comes from sheep and is spun into yarn for warm jumpers.",
                "Paper is made from wood pulp pressed into thin sheets.",
                "Cotton grows as soft fibres around the seeds of the cotton plant."])
FABRICS = ["wool", "steel", "paper", "cotton"]
ORGANS = Facts(["The kidneys filter waste out of the blood and make urine.",
                "The liver also removes poisons from the blood.",
                "The stomach mixes food with acid to break it down."])
SKIN = Facts(["Frogs have smooth, moist skin and long legs for jumping.",
              "Toads have dry, bumpy skin and shorter legs for walking."])


def test_a_pick_a_fact_answers_by_meaning_is_confirmed():
    assert meant_choice("Which material does a magnet pick up?", FABRICS, MAGNET)[0] == 1
    move = choice_move("Which material does a magnet pick up?", FABRICS, 1, MAGNET)
    assert move.verdict == "supported" and move.text.startswith("Yes: B, \"steel\", is right")
    assert move.evidence and "magnet" in move.evidence[0]


def test_a_wrong_pick_is_never_confirmed_by_meaning():
    for picked in (0, 2, 3):
        assert choice_move("Which material does a magnet pick up?", FABRICS, picked, MAGNET).verdict != "supported"


def test_a_near_miss_decides_nothing():
    # two organs both clean the blood by their facts: neither is clearly ahead
    assert meant_choice("Which organ cleans the blood?", ["kidneys", "liver", "stomach"], ORGANS) is None
    # the toad's fact reads nearer the question than the frog's (its opposite skin is close in meaning): no pick
    assert meant_choice("Which animal has smooth, moist skin?", ["toad", "frog"], SKIN) is None
    assert choice_move("Which animal has smooth, moist skin?", ["toad", "frog"], 0, SKIN).verdict != "supported"


def test_without_the_encoder_nothing_is_decided_by_meaning(monkeypatch):
    def missing() -> None:
        raise OSError("no encoder")
    monkeypatch.setattr(evidence, "default_embedder", missing)
    assert meant_choice("Which material does a magnet pick up?", FABRICS, MAGNET) is None


def test_talk_about_a_test_or_a_plea_to_explain_is_no_claim():
    for message in ("how do volcanoes erupt?? we have a quiz tmrw", "why is the sky blue? just explain it",
                    "how do plants drink water? can you explain it to me"):
        assert extract_claim(message, question_of(message) or "") is None, message
    assert extract_claim("does a magnet pull on iron? yea", "does a magnet pull on iron?") == "yea"
    assert extract_claim("why do leaves fall? i think it gets too cold for them", "why do leaves fall?")


def test_a_pair_ends_where_the_students_own_words_begin():
    pair = asked_pair("whats the difference between a frog and a toad my book has both")
    assert (pair.x, pair.y) == ("frog", "toad")
    pair = asked_pair("difference between mitosis and meiosis bc i keep mixing them")
    assert (pair.x, pair.y) == ("mitosis", "meiosis")
