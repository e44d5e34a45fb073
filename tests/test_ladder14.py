"""Round 14: a stuck student's later rungs are built from what the question holds (its options), never a stock frame,
and an "encourage" turn carrying a hint praises nothing."""
import agent
import wording
from common import SessionStore
from escalate import _number_sentences
from lesson import request_of


def test_options_after_a_colon_are_read_as_phrases():
    asked = "Which tool would you use to measure a liquid: a ruler, a measuring cylinder, or a thermometer?"
    assert wording.offered_options(asked) == ["a ruler", "a measuring cylinder", "a thermometer"]
    assert wording.offered_options("Does light travel through a vacuum or not?") == []


def test_science_options_ladder_climbs_without_stock_frames():
    asked = "Which of these lives in a shell on the seashore: a heron, a pike, or a limpet?"
    rungs = [wording.hint_text(asked, level, "science", "Limpets cling to rocks on the shore.") for level in (1, 2, 3)]
    assert len(set(rungs)) == 3
    assert all("The question is about" not in r and "Think of each possible answer" not in r for r in rungs)
    assert "a heron, a pike and a limpet" in rungs[0] and "a heron, a pike and a limpet" in rungs[1]
    assert rungs[2].startswith("It comes down to two: a heron or a limpet.")


def test_two_way_choice_only_when_the_passage_names_one_option():
    asked = "Which object floats in water: a cork, a marble, or a coin?"
    third = wording.hint_text(asked, 3, "science", "")
    # never one option alone: the three named, or (since round 20 names "object" as no kind) a card's observation
    assert "comes down to two" not in third and ("a cork, a marble and a coin" in third or "sink" in third)


def test_problem_without_plan_rereads_each_number_sentence():
    problem = "Ana picks 30 shells. She keeps half and then finds 4 more. How many shells does she have now?"
    leads = [lead for lead, _ in _number_sentences(problem)]
    assert leads[0].endswith('"She keeps half and then finds 4 more."')
    assert leads[1].endswith('"Ana picks 30 shells."')


def test_reading_third_rung_tests_the_offered_words_against_the_sentence():
    passage = ("Leo stayed after practice every evening to kick one more ball at the goal. His coach locked the gate "
               "at dark, and Leo was always the last one out. Which word describes Leo: careless, hardworking, or shy?")
    third = wording.hint_text(passage, 3, "reading")
    assert "careless, hardworking and shy" in third and third.startswith("Look at")
    assert third != wording.hint_text(passage, 2, "reading")


def test_a_bare_request_for_help_is_no_answer():
    assert [request_of(m) for m in ("help", "one more hint please", "can i have more help")] == ["confused"] * 3
    assert request_of("helpful, I think") == ""
    assert [request_of(m) for m in ("still lost", "no clue", "i really dont know")] == ["confused"] * 3
    assert request_of("lost in the woods") == ""


def test_the_top_rung_is_never_said_twice_in_a_row():
    def model(*_, **__):
        yield "«MODEL»"
    tutor = agent.Tutor(model, retriever=agent.load_index(""), store=SessionStore(":memory:"))
    passage = ("Owls sleep in the day. At dusk they leave the barn and glide over the fields. Farmers like owls "
               "because they eat mice. What is the main idea of the passage?")
    replies = [list(tutor.respond("owl", m, subject="reading"))[-1]["text"]
               for m in (passage, "no idea", "still lost", "more help", "i still dont get it")]
    assert all(a != b for a, b in zip(replies, replies[1:])), replies
