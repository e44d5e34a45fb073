"""Round 12: the science knowledge base ranks the fact about the question's own thing first and uses no fact that
shares only common words with it; quoted facts and names read cleanly (no dataset spacing, names capitalised, no
empty quotes). New sentences, written for this round."""
import pytest

from data.sources import clean_fact
from evidence import KnowledgeBase, fits, key_terms
from science_moves import claim_move
from science_moves import proper_names, science_move

FACTS = [{"text": t, "title": title, "source": "corpus", "subject": "science"} for t, title in [
    ("The Sun is the star closest to the Earth.", "The Sun, the Moon and eclipses"),
    ("Mercury is the planet closest to the Sun.", "The planets of the solar system"),
    ("Venus is the planet second closest to the Sun and the hottest of all.", "The planets of the solar system"),
    ("Stirring, warm water and small grains make a solid dissolve faster.", "Dissolving and mixtures"),
    ("Frost and running water break rocks into small pieces over many years.", "Rocks and the rock cycle"),
    ("A pulley is used for lifting heavy loads up onto a roof.", "Six simple machines"),
    ("Without air pushing on them, a feather and a hammer dropped together land at the same moment.",
     "Forces: pushes, pulls and friction")]]


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.build(FACTS)


def test_the_star_fact_outranks_planet_facts_that_share_closest(kb):
    top = kb.search("Which star is nearest to our Earth?", k=1)[0]["text"]
    assert top.startswith("The Sun is the star closest"), top
    about = kb.search("Would you call the Sun a planet or a star?", k=1)[0]["text"]  # the fact that opens with it
    assert about.startswith("The Sun is"), about


def test_a_fact_about_another_thing_does_not_fit(kb):
    question = "How do frost and water split big rocks into small pieces?"
    sugar = "Stirring, warm water and small grains make a solid dissolve faster."
    assert not fits(sugar, key_terms(question), question, kb.index.embedder)
    assert fits("Frost and running water break rocks into small pieces over many years.", key_terms(question),
                question, kb.index.embedder)
    move = science_move("Does a heavy hammer hit the floor before a light feather?", "yes the heavy one lands first",
                        kb)
    assert not any("pulley" in e for e in move.evidence), move.evidence


def test_dataset_spacing_is_undone_and_facts_end_cleanly():
    assert clean_fact('"the moon \'s surface has craters , and no air"') == \
        "The moon's surface has craters, and no air."
    assert clean_fact("Hail: rain, snow,    sleet or hail fall") == "Hail: rain, snow, sleet or hail fall."


def test_names_keep_their_capitals_and_units_do_not():
    assert proper_names("What do you know about the sun and about earth?") == \
        "What do you know about the Sun and about Earth?"
    assert proper_names("isaac newton's idea; a push of 3 newtons; jupiter's moons; a sunny day") == \
        "Isaac Newton's idea; a push of 3 newtons; Jupiter's moons; a sunny day"


def test_no_empty_quotes_when_nothing_is_left_to_quote():
    reply = claim_move("...", "Which metal is liquid at room temperature?", [], None).text
    assert '""' not in reply and "which metal" in reply.lower()
