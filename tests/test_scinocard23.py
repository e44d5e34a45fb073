"""A stuck student on a science question no card opens gets the first link of the textbook's cause chain, never the
link itself (session 19): a two-link fact's first cause, the thing a reason is about without the amount or property
it gives that thing, what a how-question's thing acts on; and a retold problem that ends in its own unmarked question
is read as asked, not as the student's claim."""
from science_chain import chain_move, leaks
from science_stuck import fair_test_move
from student_message import extract_claim
from text_words import forms_of


def said(move) -> set[str]:
    return forms_of(move.text) if move else set()


def test_a_reason_with_an_amount_names_its_thing_and_asks_the_amount():
    fact = "Water boils at a lower temperature high on a mountain, because there is less air pressing on the water."
    move = chain_move("why does water boil at a lower temperature up a mountain", [fact])
    assert move is not None and "the air pressing on the water" in move.text
    assert "less" not in said(move) and "?" in move.text and fact not in move.text


def test_a_reason_with_a_property_drops_the_property():
    fact = "Crushed ice melts sooner than an ice block, because a larger surface area is touching the warm air."
    move = chain_move("why does crushed ice melt quicker than a big block of ice", [fact])
    assert move is not None and "the surface area" in move.text
    assert not {"larger", "warm"} & said(move)


def test_a_two_link_chain_gives_its_first_cause_never_what_it_makes():
    fact = "Cutting down forests releases stored carbon dioxide, which causes the climate to warm."
    move = chain_move("how does cutting down forests make the climate warm", [fact])
    assert move is not None and "cutting down forests" in move.text.lower()
    assert not {"carbon", "dioxide"} & said(move)


def test_what_a_how_question_thing_acts_on_is_named_not_what_it_does():
    fact = "Inside a microphone, the diaphragm turns the sound into an electrical signal."
    move = chain_move("how does a microphone diaphragm work", [fact])
    assert move is not None and "sound" in move.text
    assert not {"electrical", "signal", "turns"} & said(move)


def test_no_move_where_the_fact_answers_another_outcome_or_the_question_has_numbers():
    fact = "Leaves fall in autumn because the tree seals them off to save water."
    assert chain_move("why does ice float on a pond", [fact]) is None
    assert chain_move("why does a 2 kg ball fall at 10 m/s", ["The ball speeds up because gravity pulls it."]) is None
    assert chain_move("what is the biggest planet", [fact]) is None


def test_leaks_finds_an_answer_word_the_question_does_not_say():
    assert leaks("Start with the air: how much of it is there?", "there is less air", "why is it lower up high")
    assert not leaks("Start with the air: how much of it is there?", "there is less air", "why is the air thin up high")


def test_a_retold_problem_ending_in_its_unmarked_question_claims_nothing():
    question = "a candle burns in a jar then goes out, what kind of change is that"
    assert extract_claim(question, question) is None
    told = "a ball is dropped from 20 m and falls for 2 s how far does it fall in the first second"
    assert extract_claim(told, told) is None
    assert extract_claim("its friction, which slows it down", "why does the ball stop") is not None


def test_a_question_typed_in_chat_spelling_claims_nothing():
    assert extract_claim("wut makes a rainbow show up after rain") is None
    assert extract_claim("its the wind bc thats wat moves clouds") is not None


def test_a_change_asked_about_gets_the_fair_test_both_ways():
    move = fair_test_move("what happens to the sound if u make the guitar string tighter")
    assert move is None  # "tighter" names no change it knows the other way of
    move = fair_test_move("what happens to how far the car rolls when you make the ramp steeper?")
    assert move is not None and "the ramp" in move.text and "flatter" in move.text and "steeper" in move.text
    assert "how far the car rolls" in move.text and move.text.endswith("?")
    move = fair_test_move("what happens to the bubbles if you use warmer water")
    assert move is not None and "the water" in move.text and "cooler" in move.text
    assert fair_test_move("what happens to a frog in winter") is None


def test_an_answer_that_names_the_asked_amount_is_still_a_claim():
    assert extract_claim("3 apples bc thats how many are left over") is not None


def test_a_plural_thing_in_a_but_question_is_asked_of_both_cases():
    fact = "Wet sand sticks together, because tiny water bridges hold the grains to each other."
    move = chain_move("why does wet sand stick together but dry sand doesn't", [fact])
    assert move is None  # no determiner: no thing the reason is about is read
    fact = "Melted wax conducts heat better than solid wax, because the molecules are free to slide past each other."
    move = chain_move("why does melted wax conduct heat better but solid wax not as well", [fact])
    assert move is not None and "the molecules: what is different about them in the two cases?" in move.text
    assert not {"free", "slide"} & said(move)


def test_an_answer_that_opens_with_dont_is_still_a_claim():
    assert extract_claim("Don't judge people by how they look.") is not None
