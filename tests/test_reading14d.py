"""Round 14 (reading14d): two sides only where the text names two sides, a bare thing found rather than "told", a
worked-out answer's unused words asked to be shown, and a simile's purpose confirmed when the answer says it helps
the reader picture the thing (never when it pictures only what it is compared to, or denies it)."""
from reading import reading_move

FACTS = ("The Giraffe\n\nThe giraffe is the tallest animal on land. It has a long neck and long legs. It has a purple "
         "tongue, so it can pull leaves from thorny trees. Its spots help it hide in the shade of trees.")
MILLS = ("The flood took both mills. On the east bank, the owners hired Dorn, who was quick. He patched the old wheel "
         "and reopened in a week. On the west bank, the owners hired Mara. She rebuilt the wheel on higher ground. The "
         "next flood left only one mill turning.")
KITE = ("Building a Kite\n\nFirst, tie two sticks together in a cross. Next, stretch paper over the sticks and tape "
        "the edges. Now you have a frame! Tie a long string to the middle of the cross. Add a tail of ribbon so it "
        "flies straight.")
WAVES = ("The Storm\n\nThe wind howled all night. Waves crashed against the pier like angry fists, shaking the "
         "boards. In the morning the beach was covered in seaweed.")


def test_two_sentences_that_only_start_alike_are_not_two_sides():
    move = reading_move(FACTS, "What does 'tongue' mean here?", "It is the giraffe's long neck.")
    assert "one side" not in move.text and "side" not in move.text.split(".")[0], move.text


def test_a_side_is_named_by_its_opening_and_only_the_first_is_sent_to_the_second():
    wrong = reading_move(MILLS, "Which mill was still turning, and why?", "the east mill, because Dorn was quick")
    assert wrong.text.startswith('Your answer looks only at the side the second sentence of the passage tells about, '
                                 '"On the east bank...".'), wrong.text
    assert wrong.evidence == ["On the west bank, the owners hired Mara."]
    later = reading_move(MILLS, "Which mill was still turning, and why?", "the west mill, the owners liked Mara")
    assert "side" not in later.text, later.text  # the later side is not sent back to the first


def test_a_bare_thing_is_found_and_an_event_is_told():
    thing = reading_move(KITE, "what do you make right before the string").text
    assert thing.startswith('Find "the string" in the passage') and "tells \"the string\"" not in thing, thing
    event = reading_move(KITE, "what do you do right before you add a tail of ribbon").text
    assert event.startswith('Find where the passage tells "you add a tail of ribbon"'), event


def test_a_worked_out_answer_is_asked_what_shows_its_words():
    passage = ("Every morning Mr. Lund fed the stray cat on his porch. When his neighbor moved away, she left the "
               "cat behind. Mr. Lund built it a small wooden house and painted its name on the door.")
    text = reading_move(passage, "Why did Mr. Lund build the cat a house?", "because he was bored and rich").text
    assert "can't find" not in text and "first sentence" in text and not text.startswith("Yes"), text  # round 20 (meaning_match.unfound): only a word that claims a fact is named as absent


def test_a_simile_read_as_helping_us_picture_it_is_confirmed():
    move = reading_move(WAVES, "Why does the author say the waves were like angry fists?",
                        "so you can picture how hard they hit the pier")
    assert move.status == "answer" and move.text.startswith("Yes"), move.text
    assert move.evidence == ["Waves crashed against the pier like angry fists, shaking the boards."]


def test_a_wrong_reading_of_a_simile_is_not_confirmed():
    for claim in ("because the waves were really people", "so you can imagine fists", "so you can't picture it",
                  "because the wind was howling"):
        move = reading_move(WAVES, "Why does the author say the waves were like angry fists?", claim)
        assert move.status != "answer" and not move.text.startswith("Yes"), (claim, move.text)


def test_a_meaning_is_tested_on_the_phrase_after_the_word_before_a_neighbouring_sentence():
    passage = ("Bees are busy in spring. Worker bees spend the morning foraging, flying from flower to flower for "
               "nectar. The queen stays inside the hive.")
    text = reading_move(passage, "What does 'foraging' mean?", "It means searching for food.").text
    assert "flying from flower to flower for nectar" in text, text  # session 27: the meaning's evidence asked
    assert text.endswith('made you think it means "searching for food"?'), text
