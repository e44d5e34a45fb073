"""Round 14 (science14a): a stuck student's first move names the observation or the key idea, not a stock template.
New cards take common questions in their everyday wording; a choice question no card knows gets the fact that says
what its asked word means (naming no choice); "I am stuck" is a help request; a stem followed only by its options is
a stuck student, never a claim to test."""
import pytest

from agent import Tutor, load_index
from common import SessionStore
from evidence import key_terms
from science_catalog import by_form, is_help, match_card
from science_choices import ASKED_PREDICATE, choice_move

TEMPLATES = ("what else would you expect to see", "What could you try", "and when do they not",
             "Take the choices one at a time", "Let's find the cause", "what would go wrong if it stopped working")


@pytest.fixture(scope="module")
def kb(science_kb):
    return science_kb


def reply(kb, name: str, message: str) -> str:
    tutor = Tutor(lambda *_, **__: iter(["«MODEL»"]), retriever=load_index(""), store=SessionStore(":memory:"),
                  knowledge=lambda: kb)
    return list(tutor.respond(name, message, subject="science"))[-1]["text"]


def test_everyday_wordings_reach_their_cards():
    for question, topic in [("Why do power cables have a plastic coating?", "insulation on wires"),
                            ("Why do my leg muscles ache after a long bike ride?", "tired muscles"),
                            ("What is the job of the small intestine?", "small intestine"),
                            ("What holds the Moon in its orbit around the Earth?", "gravity keeps planets in orbit"),
                            ("Why does a marble roll to a stop on a rug?", "friction and stopping"),
                            ("Why does a loaded wagon need a harder push to start?", "mass and acceleration"),
                            ("Why does a glass of iced water get wet on the outside?", "condensation")]:
        card = match_card(question, key_terms(question))
        assert card is not None and card.topic == topic, question


def test_i_am_stuck_asks_for_help_and_gets_the_cards_observation(kb):
    assert is_help("I am stuck on this one") and is_help("i am confused") and not is_help("I am sure it is gravity")
    text = reply(kb, "stuck", "Why do power cables have a plastic coating? I am stuck")
    assert "Let's test" not in text and "I am stuck" not in text and "circuit" in text and "insulat" not in text


def test_a_choice_question_gets_what_its_key_word_means_naming_no_choice(kb):
    choices = ["a lion", "an oak tree", "a frog", "an owl"]
    move = choice_move("Which of these is a producer?", choices, None, kb)
    assert "makes its own food" in move.text and not any(t in move.text for t in TEMPLATES)
    assert move.text.count("oak") == 1  # only in the list of choices: the fact names none of them
    rotters = choice_move("Which living thing is a decomposer?", ["a mushroom", "a fox", "a sheep"], None, kb)
    assert "breaks down dead" in rotters.text and "mushroom" not in rotters.evidence[0].lower()


def test_which_gas_reads_gas_as_the_noun():
    assert ASKED_PREDICATE.match("Which gas do plants give off?") is None
    assert ASKED_PREDICATE.match("Which planet has rings?").group(1) == "has rings"


def test_a_stem_followed_only_by_its_options_is_a_stuck_student(kb):
    text = reply(kb, "options", "Which of these animals is a mammal? A) trout B) whale C) lizard D) crab")
    assert "is right, what else" not in text and "Let's test" not in text
    assert "trout" in text and "whale" in text  # the choices weighed, none endorsed


def test_common_questions_in_new_words_reach_the_new_cards():
    for question, topic in [("Why should kids eat their vegetables?", "fruit and vegetables in the diet"),
                            ("What job does the liver have?", "the liver"),
                            ("Why are gardeners happy to see worms in the soil?", "earthworms and soil"),
                            ("Why does football practice make me so thirsty?", "thirst"),
                            ("Why do foxes come out at night?", "nocturnal animals"),
                            ("Why is the sky orange at sunrise?", "colour of the sky"),
                            ("Why do sunflowers turn towards the sun?", "plants growing toward light"),
                            ("Why is it night in Japan when it is day here? What are time zones?", "time zones"),
                            ("What happens to a tray of water left in the freezer?", "water freezing")]:
        card = match_card(question, key_terms(question))
        assert card is not None and card.topic == topic, question


def test_a_new_cards_opening_is_the_observation_and_a_wrong_idea_is_never_confirmed(kb):
    text = reply(kb, "liver", "What does the liver do in our body? no idea")
    assert text.startswith("All the blood from your stomach") and "bile" not in text
    stomach = reply(kb, "stomach", "What does the stomach do?")
    wrong = reply(kb, "stomach2", "What does the stomach do? I think it cleans the blood")
    assert "sour" in stomach and not wrong.startswith("Yes")


def test_a_why_question_with_its_own_condition_is_asked_what_that_condition_changes():
    text = by_form("Why do cats sleep more when it rains?", ['"cats"'], '"why do cats sleep more"')
    assert text == ("What changes when it rains, compared with other times? How could that change make cats sleep "
                    "more?")
    assert by_form("Why do we yawn after a long day?", ['"yawn"'], '"q"').endswith("make us yawn?")
    assert "when do they not" in by_form("Why do candles drip?", ['"candles"'], '"q"')  # no condition: the contrast


def test_the_key_idea_is_about_the_whole_a_part_is_asked_of_and_still_stuck_is_help(kb):
    move = choice_move("Which part of the cell controls what the cell does?",
                       ["the vacuole", "the nucleus", "the cell membrane"], None, kb)
    assert "brain" not in move.text  # "the organ that controls the body" is no part of a cell
    assert is_help("still stuck") and is_help("I'm still confused") and not is_help("still water")
