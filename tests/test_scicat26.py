"""Session 22 (scicat26): the misconception catalog grown from the teacher-guide lists of school science
misconceptions, each entry with several student wordings (`says`) that the meaning match weighs; a bare answering
"no" that negates nothing; a known wrong idea off the topic card's scenario met with the card's question, never
confirmed. Sentences here are new: none is from the probe set or an entry's own example."""
import json
import re
from pathlib import Path

import pytest

from evidence import KnowledgeBase, openbook_facts
from science_catalog import MISCONCEPTIONS, MISCONCEPTIONS_FILE, Misconception, match_misconception, \
    resembles_misconception
from science_moves import science_move

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.build(openbook_facts(FIXTURES / "evidence"))


def test_the_catalog_holds_the_teacher_guide_topics_with_several_wordings_each():
    names = {m.name for m in MISCONCEPTIONS}
    assert len(MISCONCEPTIONS) >= 300 and len(names) == len(MISCONCEPTIONS)
    for name in ("plant cells have no mitochondria", "the plates float on an ocean of molten rock",
                 "a broken magnet has a separate north piece and south piece", "water only evaporates in the sun",
                 "different countries see different moon phases on the same night", "burning does not need air"):
        assert name in names, name
    worded = [m for m in MISCONCEPTIONS if m.says]
    assert len(worded) >= 95 and all(len(m.says) >= 2 for m in worded)
    for m in worded:  # a wording is a wrong idea, never the entry's right idea said again
        assert all(said.strip() and said != m.correct for said in m.says), m.name
    # the field is optional: an entry written without it loads as before
    record = json.loads(MISCONCEPTIONS_FILE.read_text().splitlines()[2])
    assert "says" not in record and Misconception(**record).says == []


@pytest.mark.parametrize("question, claim, name", [
    ("Can a magnet pick up a pin through a sheet of paper?", "it can't, the paper stops the magnet force",
     "magnetism cannot pass through things"),
    ("What gives us energy?", "vitamin pills are what give you energy", "vitamins and water give us energy"),
    ("Why can't we see the Moon at new moon?", "the moon is not there at a new moon it goes somewhere else",
     "at new moon the Moon is gone"),
    ("does a tree make food at night?", "yes the leaves keep making sugar in the dark",
     "photosynthesis goes on in the dark"),
    ("A truck hits a small car. Which pushes harder?", "the truck pushes way harder on the car cause its bigger",
     "the bigger object pushes harder in a collision"),
])
def test_a_new_entry_knows_the_idea_in_other_students_words(question, claim, name):
    found = match_misconception(claim, question)
    assert found is not None and found.name == name


@pytest.mark.parametrize("claim, question", [
    ("light travels faster than sound so we see the flash first", "Why do we see lightning before thunder?"),
    ("nothing, just empty space", "What is between the particles of a gas?"),
    ("the leaves make it using sunlight", "Where does a plant make its food?"),
    ("the moon keeps going round because gravity pulls it", "Why doesn't the Moon fly off into space?"),
    ("the salt is still there, you can get it back by evaporating the water", "Can you get salt back from salt water?"),
    ("a plant is living because it grows", "Is a plant alive?"),
])
def test_a_right_idea_on_a_new_entrys_topic_is_not_called_a_misconception(claim, question, kb):
    assert match_misconception(claim, question) is None
    assert resembles_misconception(claim, question, kb.index.embedder) is None


def test_a_bare_answering_no_negates_nothing_but_a_no_before_its_noun_still_denies():
    assert match_misconception("nope the earth is closer to the sun in summer", "Why is summer hot?").name == \
        "seasons come from Earth's distance to the Sun"
    assert match_misconception("no, it's because the sun is not a star", "Is the Sun a star?").name == \
        "the Sun is not a star"
    assert match_misconception("no force is needed to keep it moving", "Why does the puck keep sliding?") is None
    assert match_misconception("no it doesnt need a force to keep moving", "Why does the puck keep sliding?") is None


def test_a_wording_only_the_meaning_match_knows_finds_its_entry(kb):
    """No pattern takes these; the entry's `says` wordings are near them in meaning (MiniLM, the catalog's
    threshold and margin)."""
    claim, question = "a virus is basically a small bacteria", "Is a virus alive?"
    assert match_misconception(claim, question) is None
    found = resembles_misconception(claim, question, kb.index.embedder)
    assert found is not None and found.name == "bacteria and viruses are the same"


def test_a_known_wrong_idea_off_the_cards_scenario_meets_the_cards_question_and_is_never_confirmed(kb):
    move = science_move("Why do astronauts seem weightless on the ISS?", "cuz there is no gravity up in space", kb,
                        embedder=kb.index.embedder)
    assert move.verdict == "contradicted" and not re.match(r"(?i)(yes|your idea)", move.text)
    assert move.text.endswith("?") and "gravity" in move.text
