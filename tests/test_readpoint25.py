"""Round 25 (readpoint25): the line a reading pointer names is the one answering what the question asks, among the
line telling its event and that line's neighbours (answer_line.py), and the ask after it fits that line."""
from answer_line import (REASON_ASK, acts, doer_line, event_anchor, reason_ask, reason_line, request_line,
                         same_thing, said_on)
from passages import reason_first
from reading import reading_move

FOXES = ["Arctic foxes live on the frozen plains of the far north.",
         "Winter there is long and dark, and snow covers the ground for months.",
         "In autumn the foxes grow a thick white coat.",
         "Foxes also have small ears and short legs.",
         "Foxes dig dens under the snow.",
         "Because foxes eat lemmings, a good lemming year means more fox pups."]


def test_topic_words_weigh_little_in_finding_the_asked_event():
    # "foxes" is told in five lines: the line with "white coat" is the event asked about
    assert event_anchor("Why do arctic foxes grow a white coat in autumn?", FOXES) == 2
    assert event_anchor("Why do foxes?", ["Foxes run.", "Foxes hop."]) is None  # a tie tells no event


def test_a_far_because_gives_way_to_the_line_before_the_asked_event():
    question = "Why do arctic foxes grow a white coat in autumn?"
    assert reason_line(question, "cause", FOXES, 5) == 1  # the snow told before it, not the lemmings' "because"
    assert reason_line(question, "cause", FOXES, 2) == 2  # the event's own line is weighed by focus, as before
    assert reason_line(question, "cause", FOXES, 0) == 0  # a line before the event may tell its cause
    assert reason_line(question, "detail", FOXES, 5) == 5  # only a why


def test_the_events_own_reason_or_its_purpose_after_it():
    lines = ["The beavers worked all night.", "They piled sticks across the creek so that the water would rise.",
             "Otters swam past.", "A heron watched from the bank.", "By morning a pond had formed."]
    assert reason_line("Why did the beavers pile sticks across the creek?", "cause", lines, 4) == 1
    deed = ["Grandpa waxes his old canoe every spring.", "The wax keeps the canoe from soaking up water.",
            "Then he paints the paddles."]
    assert same_thing(deed[0], deed[1]) and not same_thing("Then Ines met Omar.", "Omar keeps it.")


def test_the_asked_doer_acts_in_the_line_pointed_at():
    lines = ["A stranger walked into the village with a heavy pack.", "The villagers shut their doors and windows.",
             "Only the baker's boy waved to him."]
    ranked = [(0.5, 0), (0.4, 1), (0.3, 2)]
    assert doer_line("How did the villagers treat the stranger?", lines, ranked, 0) == 1
    assert doer_line("Where did the stranger go?", lines, ranked, 0) == 0
    assert doer_line("What did the villagers do after the stranger came?", lines, ranked, 0) == 0  # beside_event's
    assert acts("robin", "She sang all morning.") and not acts("villagers", "A stranger walked in.")


def test_a_request_is_found_where_it_is_made():
    letter = ["My name is Theo and I live on Birch Lane.", "Cars drive very fast past the park.",
              "Please put a crosswalk by the park gate.", "Thank you."]
    assert request_line("What does Theo ask the mayor to do?", letter, 0) == 2
    assert request_line("What does Theo see on Birch Lane?", letter, 0) == 0


def test_a_reason_is_asked_only_of_a_line_that_gives_one():
    lines = ["The ice cracked under the sled.", "Mara screamed and grabbed the rope.",
             "She pulled hard because her brother was still on it."]
    question = "Why did Mara grab the rope?"
    assert reason_ask(lines, [0, 1], 1, question) == "What does the earlier one say, and how could that lead to this?"
    assert reason_ask(lines, [2], 2, question) == REASON_ASK
    assert reason_ask(lines, [1], 1, question) == "What happened before this that could explain it?"  # the event
    assert reason_ask(lines, [0], 0, question) == "What does it tell you, and how could that be the reason?"
    poem = ["Now every bird that passes by", "sings out along the shore,", "because the sea is calm again."]
    assert said_on(poem, 0).endswith("calm again.") and reason_ask(poem, [0], 0, "Why do birds sing?") == REASON_ASK


def test_a_bodys_reaction_is_no_reason_told_first():
    question = "Why did Lena stare at the floor?"
    assert not reason_first(question, "Lena's cheeks burned, and she stared at the floor.")
    assert reason_first("Why did Sam almost quit?", "For an hour the fish did not bite, and Sam almost quit.")


def test_a_why_help_points_at_the_cause_before_the_reaction():
    passage = ("Tariq set the glass vase on the edge of the table. His cat jumped up to sniff the flowers. "
               "The vase rocked and crashed to the floor. Tariq's face went pale, and he covered his mouth. "
               "His mother came running from the garden.")
    move = reading_move(passage, "Why did Tariq cover his mouth?")
    assert "The vase rocked and crashed to the floor." in move.evidence
    assert REASON_ASK not in move.text  # the crash gives no reason in so many words


def test_a_deed_asked_is_pointed_at_where_it_is_told():
    # the wren's coming in May names the wren and a time, and tells no singing: "She sang ..." does
    passage = ("A small wren came to the garden in May. The wren built a nest inside an old boot by the shed. "
               "She sang each morning before the sun rose.")
    move = reading_move(passage, "When did the wren sing?")
    assert move.evidence[0] == "She sang each morning before the sun rose."


def test_a_reason_sharing_the_events_own_words_is_kept_though_told_after_it():
    lines = ["Ana's team lost the final.", "That night Ana did not call her grandmother.",
             "She sat by the window for a long time.",
             "She had told her grandmother she would bring home a medal, so she felt she had let her down."]
    assert reason_line("Why did Ana not call her grandmother that night?", "motive", lines, 3) == 3


def test_a_doer_the_passage_never_names_moves_nothing():
    lines = ["Some people argue that a new pool costs too much.", "However, the old pool leaks every week.",
             "I urge the council to vote yes."]
    assert doer_line("How does the author respond to people who say it costs too much?", lines,
                     [(0.5, 1), (0.4, 0), (0.3, 2)], 1) == 1


def test_a_purpose_told_in_the_events_own_line_is_asked_as_a_reason():
    lines = ["Bees carry pollen.", "Many colonies are dying.", "Some towns plant wildflowers to give bees more food."]
    assert reason_ask(lines, [2], 2, "Why do some towns plant wildflowers?") == REASON_ASK


def test_a_where_question_keeps_its_place_over_a_line_with_the_deed_and_no_place():
    passage = ("Leo lost his blue cap at the fair. He could only find his scarf. "
               "A clown was wearing something blue on his head near the pony ride.")
    move = reading_move(passage, "Where did Leo find his blue cap?")
    assert move.evidence[0] != "He could only find his scarf."


def test_a_question_naming_a_later_moment_keeps_the_line_of_that_moment():
    lines = ["Mia stamps her feet when the rain starts.", "She slams the door.", "The sun comes out at noon.",
             "An hour later the garden is full of laughter."]
    ranked = [(0.9, 3), (0.8, 0), (0.5, 1), (0.1, 2)]
    assert doer_line("How does Mia act an hour later?", lines, ranked, 3) == 3
    assert doer_line("How does Mia act at the end?", lines, ranked, 3) == 3


def test_a_line_saying_what_a_thing_is_for_gives_the_reason_itself():
    lines = ["Geckos climb walls.", "Their toes have tiny hairs.", "Geckos also have clear scales that protect their eyes."]
    assert reason_ask(lines, [1, 2], 2, "why do geckos have clear scales") == REASON_ASK
