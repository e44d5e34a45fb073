"""Session 22, the lead's mends: "24 and a quarter of that is 6" is two steps, not the mixed number 24 1/4; a
clock time typed with a dot ("11.50 + 10 mins is 12:00") is checked as a clock time, money with a dot is not; the
task's own list ("put in order: a, b, c.") is not the student's order, and a whole order told as the passage tells it
is confirmed; a name made of two nouns ("the mimic octopus") is no figure, nor a
thing described through a linking verb ("the bay feels empty"); a simile asked about names its noun before the verb;
the ask after a pointer reads the sentences that pointer names."""
from arithmetic_claims import arithmetic_text, claims
from clock_claims import clock_minutes, clock_steps
from figure_words import figure_move
from reading_order import own_order, passage_order, sequence_check
from reading import fitted_close, pointed
from answer_line import reason_ask


def test_and_a_quarter_of_that_starts_a_new_step():
    assert "24 1/4" not in arithmetic_text("two thirds of 36 is 24 and a quarter of that is 6")
    assert arithmetic_text("5 and a half take away 2 is 3 and a half") == "11/2-2 is 7/2"
    assert [c.right for c in claims("two thirds of 36 is 24 and a quarter of that is 6")][:1] == [True]


def test_a_time_typed_with_a_dot_is_a_clock_time_when_minutes_are_added():
    assert clock_minutes("11.50") == 710
    [step] = clock_steps("11.50 + 10 mins is 12:00 then 95 more")
    assert step.stated == step.true
    [wrong] = clock_steps("11.50 plus 10 minutes is 12:10")
    assert wrong.stated != wrong.true


def test_money_with_a_dot_is_no_clock_time():
    assert clock_steps("11.50 + 2.25 = 13.75") == []
    assert [c.right for c in claims("11.50 + 2.25 = 13.75")] == [True]


def test_the_tasks_own_list_is_not_the_students_order():
    question = "put in order: swim, eat lunch, ride the bus. i think ride the bus, swim, eat lunch"
    assert own_order("put in order: swim, eat lunch, ride the bus ride the bus, swim, eat lunch", question) \
        == " ride the bus, swim, eat lunch"
    assert own_order("ride the bus, swim", "which came first, the bus or the swim?") == "ride the bus, swim"


def test_a_whole_order_told_as_the_passage_tells_it_is_confirmed_and_a_swap_is_not():
    sentences = ["In the morning Ana fed the goats.", "At noon she mended the fence.",
                 "In the evening she milked the cows."]
    right = sequence_check("fed the goats, mended the fence, milked the cows", "what order?", sentences, 0, [])
    assert right.startswith("Yes, that is the order")
    swapped = sequence_check("mended the fence, fed the goats", "what order?", sentences, 0, [])
    assert swapped.startswith('You put "mended the fence" before "fed the goats"')
    assert passage_order(["fed the cows"], sentences) is None   # "fed" and "cows" are told in two sentences alike


def test_a_name_made_of_two_nouns_is_no_thing_doing_a_persons_action():
    sentences = ["Some octopuses hide in plain sight.", "The mimic octopus swims flat like a flatfish."]
    assert figure_move("what does mimic mean, its in the name of the octopus but they never say what it means",
                       sentences) is None
    kneel = figure_move("why does it say the bus kneeled, buses dont have knees",
                        ["The old bus was tired.", "At every stop the whole bus kneeled so Grandma could climb on."])
    assert kneel.text.startswith("The bus can't really kneel")


def test_a_simile_asked_about_is_read_as_the_comparison_with_its_noun_before_the_verb():
    lines = ["At the edge of the marsh, the cattails lean,", "a gray heron stands like a question mark,"]
    move = figure_move("the heron stands like a question mark?? what does that mean", lines)
    assert move.text.startswith("The writer compares a heron to a question mark.")


def test_a_thing_described_through_a_linking_verb_is_no_figure():
    assert figure_move("why does lani say the bay feels empty",
                       ["The whales leave in August.", "Now the bay feels empty without them."]) is None


def test_the_ask_after_a_pointer_reads_the_sentences_the_pointer_names_for_an_answer():
    door = ["The class hated the back door seat.", "Nobody wanted to sit near the back door.",
            "It was drafty and cold all winter.", "Then Mr. Ruiz fixed the seal."]
    question = "why did nobody want to sit near the back door"
    stuck = pointed(door, 1, question, "cause")
    answered = pointed(door, 1, question, "cause", "because it was dark")
    assert stuck == [1, 2] and answered != stuck   # a line beside the restating one, for a stuck student only
    assert fitted_close(door, 1, question, "cause", "because it was dark") == \
        reason_ask(door, answered, 1, question)
