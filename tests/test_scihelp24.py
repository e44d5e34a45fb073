"""Session 20 (scihelp24): science help requests no card opens. The stuck words before a question are no part of it,
a thing seen with a bare "but why" after it is asked about (no claim), a stuck choice question rules one wrong choice
out first with a fact that never names the right one, a "key idea" is a sentence about the asked kind, and a word
asked with no sentence using it gets a fact's own examples of it. New sentences, not the probe set."""
import pytest

from agent import Tutor, load_index
from common import SessionStore
from student_message import lettered
from science_choices import KIND_ASKED, opens_with
from science_help import examples_of
from student_message import question_of, why_of


def model(*_, **__):
    yield "«MODEL»"


@pytest.fixture(scope="module")
def tutor(science_kb):
    return Tutor(model, retriever=load_index(""), store=SessionStore(":memory:"), knowledge=lambda: science_kb)


def reply(tutor, name, message):
    return list(tutor.respond(name, message, subject="science"))[-1]


@pytest.mark.parametrize("message, asked", [
    ("no clue where to begin!! why do cats have whiskers", "why do cats have whiskers"),
    ("i dont even know how to start. how do volcanoes erupt", "how do volcanoes erupt"),
    ("not sure where to start, what makes a rainbow?", None),  # one sentence: the stuck words open the question
])
def test_stuck_words_before_the_question_are_no_part_of_it(message, asked):
    found = question_of(message)
    if asked:
        assert found == asked
    else:
        assert found and "rainbow" in found


@pytest.mark.parametrize("message, seen", [
    ("a candle goes out when you put a jar over it but why", "a candle goes out when you put a jar over it"),
    ("the puddle in our yard was gone by lunch?? why", "the puddle in our yard was gone by lunch"),
    ("metal slides feel hot in summer so why tho", "metal slides feel hot in summer"),
    ("its the oxygen but why", None),  # an answer of their own, then a doubt
    ("because the jar runs out of air but why", None),
    ("why does the candle go out", None),
    ("the jar. why", None),  # too little to be a thing seen
])
def test_a_thing_seen_with_a_bare_why_after_it_is_what_is_asked_about(message, seen):
    assert why_of(message) == seen


def test_a_premise_asked_about_is_no_claim_but_a_misconception_in_it_is_still_met(tutor):
    asked = reply(tutor, "sh24-a", "a candle goes out when you put a jar over it but why")
    assert asked["verdict"] not in ("confirm", "flag") and not asked["text"].startswith(("Yes", "Your idea"))
    wrong = reply(tutor, "sh24-b", "heavier balls always land first when you drop them but why")
    assert wrong["verdict"] == "flag"


@pytest.mark.parametrize("typed, written", [
    ("which is a metal a wood b iron c glass d paper", "which is a metal A) wood B) iron C) glass D) paper"),
    ("what do bees make A honey B milk C silk D wax idk", "what do bees make A) honey B) milk C) silk D) wax"),
    ("a cat and a dog b", "a cat and a dog b"),  # a small "a" opens a phrase
    ("is it a b c or d", "is it a b c or d"),
])
def test_small_and_bare_letters_are_read_as_choices(typed, written):
    assert lettered(typed) == written


def test_a_key_idea_is_about_the_asked_kind_not_a_test_or_another_thing():
    kind = KIND_ASKED.match("is a good insulator")
    assert kind and kind.group(1) == "insulator"
    assert KIND_ASKED.match("is closest to the sun") is None
    assert opens_with("An insulator slows the flow of heat.", "insulator")
    assert not opens_with("If the lamp stays dark, the rod is an insulator.", "insulator")
    assert not opens_with("The small intestine soaks up food into the blood.", "insulator")


def test_a_stuck_choice_question_rules_a_wrong_choice_out_without_the_answer(tutor):
    said = reply(tutor, "sh24-c", "which organ cleans the blood and makes urine? A) heart B) kidneys C) lungs "
                                  "D) stomach. no idea")
    assert said["verdict"] not in ("confirm", "flag")
    assert "kidney" not in said["text"].lower()
    assert said["text"].startswith("Rule one out first.")


@pytest.mark.parametrize("fact, term, examples", [
    ("Metals such as iron, copper and gold are shiny when polished.", "metal", ["iron", "copper", "gold"]),
    ("Herbivores, such as deer and rabbits, eat only plants.", "herbivore", ["deer", "rabbits"]),
    ("Soft materials, such as wool, cotton or felt, are good insulators.", "insulator", ["wool", "cotton", "felt"]),
    ("A pond food chain: algae -> water flea -> minnow -> heron.", "food chain",
     "algae -> water flea -> minnow -> heron"),
    ("White light, such as sunlight, is a mixture of colours.", "mixture", None),  # the list is white light's
    ("Rocks such as granite and basalt form from magma.", "mineral", None),  # the term is not named
])
def test_examples_of_a_term_are_the_facts_own(fact, term, examples):
    assert examples_of(fact, term) == examples


def test_a_word_asked_gets_its_examples_never_the_sentence_that_defines_it(tutor):
    said = reply(tutor, "sh24-d", "ok so what is a simple machine?")
    assert "levers" in said["text"].lower() and "easier" not in said["text"].lower()
    assert said["verdict"] not in ("confirm", "flag") and "?" in said["text"]
