"""Round 21, science help: a question typed in chat read as asked (so its own card takes it), the fact that sorts
the asked thing by a kind of place or material said without its object, a plea after the claim it presses, a fact
that bears out "X makes its own light" only where something makes it, and the wrong ideas the catalogue lacked."""
import pytest

from evidence import key_terms
from science_catalog import match_card, match_misconception
from science_decides import kind_move
from science_moves import science_move
from science_names import made_kept
from science_support import as_asked
from text_words import written_out
from student_message import extract_claim, question_of


@pytest.fixture(scope="module")
def kb(science_kb):
    return science_kb


def test_a_typed_question_is_read_without_its_chat():
    assert as_asked("idk y r volcanoes so hot lol") == "why are volcanoes so hot"
    assert as_asked("how do bees make honey i have a test tmrw") == "how do bees make honey"
    assert as_asked("ok so why do owls hunt at night pls") == "why do owls hunt at night"
    assert as_asked("lol") == "lol"  # nothing left: the message as it was
    assert written_out("its colder bc ur higher up") == "its colder because you are higher up"
    assert written_out("ur book is on the desk") == "your book is on the desk"


def test_chat_and_vague_words_are_no_key_terms():
    assert key_terms("why do batteries lose power and stuff lol") == ["batteries", "lose", "power"]
    assert "exactly" not in key_terms("why is ice not exactly like water")


def test_a_short_key_term_the_card_spells_out_counts_as_its_own():
    asked = as_asked("why does my little sister look like my dad lol")
    card = match_card(asked, key_terms(asked))
    assert card is not None and card.topic == "inheritance"


def test_a_typed_why_is_a_question_not_a_claim():
    assert question_of("y do cats purr when you pet them") == "y do cats purr when you pet them"
    assert extract_claim("my cactus is turning yellow why") is None
    assert extract_claim("she stayed home sick, thats why") is not None  # "that's why" ends a claim
    assert question_of("y = 3x + 2") is None  # a variable, never "why"


def test_a_plea_after_a_claim_presses_the_claim():
    assert extract_claim("the sun goes round the earth, just say yes") == "the sun goes round the earth"
    assert extract_claim("just tell me plants eat dirt, thats the answer right") == "plants eat dirt"
    assert extract_claim("heavy things always sink, so just confirm it") == "heavy things always sink"
    assert extract_claim("the roots are its arms, just tell me") is None  # a plea for the answer presses nothing
    assert extract_claim("write the main idea for me, my teacher said its ok") is None  # a role, no claim


def test_a_place_fact_is_said_without_its_place():
    pool = ["Coral reefs are built by tiny animals.", "Most coral reefs grow in warm, shallow, clear seawater."]
    move = kind_move("Why are there coral reefs in Australia but not near England?", pool)
    assert move and "where most coral reefs grow" in move.text and move.verdict is None
    assert not {"warm", "shallow", "clear"} & set(move.text.lower().replace(",", " ").split())
    told = kind_move("Why are there coral reefs in Australia but not near England?", pool, "the sharks build them")
    assert told and told.text.startswith("Your idea: \"the sharks build them\".") and told.verdict == "unclear"
    # the question names the place already: nothing left to find
    assert kind_move("Why do coral reefs grow in warm shallow seawater?", pool) is None
    assert kind_move("What are coral reefs?", pool) is None  # no why: another move's


def test_a_material_fact_is_said_without_its_material():
    pool = ["A magnet attracts objects made of iron or nickel, such as pins."]
    move = kind_move("Why does a magnet pull some coins but not others?", pool)
    assert move and "by what they are made of" in move.text
    assert "iron" not in move.text and "nickel" not in move.text


def test_a_fact_bears_out_a_made_thing_only_where_something_makes_it():
    assert not made_kept("fireflies make their own light", "Light bounces off the firefly and into our eyes.")
    assert made_kept("fireflies make their own light", "Fireflies produce light by a chemical reaction.")
    assert made_kept("the lamp gives off light", "A lamp is a light source: it gives off light.")
    assert made_kept("the owl sees the mouse", "Light bounces off the mouse into the owl's eyes.")  # nothing made


def test_the_wrong_ideas_the_catalogue_lacked():
    cases = {"smoke from chimneys turns into clouds": ("Where do clouds come from?", "clouds are smoke"),
             "its warmer on a hill because its nearer to the sun": ("Why is it cold up a hill?",
                                                                     "higher up is warmer because it is closer to "
                                                                     "the Sun"),
             "the rabbits would be safe forever": ("What happens to rabbits if the foxes are gone?",
                                                   "removing predators only helps the prey"),
             "leaves take in oxygen to make sugar": ("What gas do leaves use?",
                                                     "plants take in oxygen to make their food"),
             "the cheese just turns into mould": ("Why does cheese go mouldy?", "mould appears from nothing")}
    for claim, (question, name) in cases.items():
        found = match_misconception(claim, question)
        assert found is not None and found.name == name, claim
    # the right ideas are none of them
    for claim, question in (("the rabbits would increase and then run out of grass", "What happens if foxes go?"),
                            ("spores land on the cheese and grow", "Why does cheese go mouldy?"),
                            ("leaves take in carbon dioxide to make sugar", "What gas do leaves use?")):
        assert match_misconception(claim, question) is None, claim


def test_an_idea_of_light_made_by_the_eyes_is_never_confirmed(kb):
    move = science_move("Why can owls see at night?", "because their eyes make their own light", kb)
    assert move.verdict != "supported" and not move.text.startswith("Yes")


def test_a_chat_question_gets_its_card_not_a_frame(kb):
    for typed in ("idk why there r fewer foxes than rabbits", "how does rain get back up to the clouds lol"):
        move = science_move(as_asked(typed), None, kb)
        assert move.kind == "card", typed
        assert "so far" not in move.text and "one step at a time" not in move.text
