"""Round 15 (corpus15): the science lessons cover the grade 3-10 curriculum's topics (seasons, catalysts, osmosis,
blood, joints, tides, comets...), so the knowledge base built from the repository alone confirms a right answer on
them; facts about two sides of a pair (focus and epicentre, a tendon and a ligament, spring and neap tides) are each
said on their own, so one side's fact never confirms the other's answer, and no denial in a lesson rejects a right
answer."""
import pytest

from data.sources import corpus_lessons
from evidence import SCIENCE_CORPUS, KnowledgeBase, corpus_facts
from science_moves import science_move


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.build(corpus_facts())  # what a clone without the open data gets: our lessons only


def test_the_lessons_cover_the_curriculum_topics():
    titles = [title for title, _band, _body in corpus_lessons(SCIENCE_CORPUS)]
    assert len(titles) == len(set(titles)) >= 96
    for topic in ("Seasons and the tilt of the Earth", "Rates of reaction and catalysts", "Diffusion and osmosis",
                  "Blood and its parts", "Bones, muscles, tendons and joints", "Comets, asteroids and meteors",
                  "Tides", "The periodic table and its groups", "Classification and the kingdoms of life"):
        assert topic in titles


@pytest.mark.parametrize("question, answer", [
    ("What is the job of platelets in our blood?", "they help blood to clot at a cut"),
    ("Why are the noble gases so unreactive?", "their atoms have a full outer shell of electrons"),
    ("What happens to a potato cell dropped in pure water?", "it takes in water and becomes turgid"),
    ("What kind of bond holds the atoms of a methane molecule together?", "covalent bonds that share electrons"),
    ("Why does a sealed flask keep the same mass when the chemicals inside react?",
     "atoms are rearranged and no atoms are destroyed"),
])
def test_a_right_answer_on_a_new_topic_is_confirmed(kb, question, answer):
    assert science_move(question, answer, kb).verdict == "supported"


@pytest.mark.parametrize("question, answer", [
    ("What does the word epicentre mean for an earthquake?", "the point underground where the rock slips"),
    ("What are neap tides?", "tides with the biggest difference between high and low water"),
    ("What does a tendon do in your arm?", "it joins one bone to another bone"),
    ("What is a hinge joint?", "a joint that lets a bone move in many directions"),
    ("What is the filtrate when you filter muddy water?", "the solid left in the filter paper"),
    ("What does a convex lens do to rays of light?", "it spreads the light rays apart"),
    ("What does a catalyst do to a reaction?", "it gets used up while making the reaction faster"),
])
def test_a_swapped_or_wrong_answer_is_never_confirmed(kb, question, answer):
    assert science_move(question, answer, kb).verdict != "supported"


@pytest.mark.parametrize("question, answer", [
    ("What makes the sea rise and fall in tides?", "the Moon's gravity causes the tides"),
    ("What do the semicircular canals in your ear do?", "they help us keep our balance"),
    ("Can sound travel through water?", "yes, sound travels through water faster than through air"),
    ("Do ionic compounds conduct electricity?", "they conduct electricity when they are dissolved in water"),
])
def test_a_denial_in_a_lesson_rejects_no_right_answer(kb, question, answer):
    assert science_move(question, answer, kb).verdict != "contradicted"
