"""Round 14c: a reading help request on a why-question is met with a question about what the clue sentence tells, in
its own subject and time, not with a sentence's place and the question quoted back; the clue's deed or reason (the
answer) is never said, and a pointer stays when no safe question exists."""
from reading import reading_move
from sentence_questions import content_question, leads_to, named_sentence

PRACTICE = ("Lena had never finished a swim race. Every morning before school, she swam laps at the town pool. "
            "Her arms were sore for a week, but she kept going. At the meet, the last lap was the longest. "
            "While the others got tired, Lena stayed strong and touched the wall first.")
WIND = ("Snow fell all evening, and the heater clicked off. Tom hid under three blankets and shivered. "
        "His aunt brought him a mug of cocoa and a wool hat. Tom smiled and soon fell asleep.")
SOLE = ("Hedgehogs roll into a tight ball. They do this because their spines then point outward at a hungry fox. "
        "A fox soon gives up and walks away.")


def test_why_question_asks_what_the_earlier_sentence_tells_with_its_time():
    move = reading_move(f"{PRACTICE}", "Why did Lena win the swim race?")
    assert move.text == "What did Lena do every morning before school, and how could that make Lena win the swim race?"
    assert "sentence" not in move.text and "laps" not in move.text  # no place named, the deed left to find


def test_a_common_noun_opening_the_clue_reads_as_a_thing():
    move = reading_move(WIND, "Why did Tom hide under three blankets?")
    assert move.text.startswith("What did the snow do")  # "Snow fell": the snow, not a person called Snow
    assert "heater" not in move.text and "cold" not in move.text


def test_a_reason_told_in_the_same_sentence_keeps_the_pointer():
    text = reading_move(SOLE, "Why do hedgehogs roll into a ball?").text
    assert "spines" not in text and "outward" not in text  # its own "because" clause is the answer: no question of it
    assert content_question("Why do hedgehogs roll into a ball?", SOLE.split(". "), [0]) is None


def test_links_and_names_come_from_the_question_and_the_story():
    assert leads_to("Why were the carrots small?") == "how could that make the carrots small?"
    assert leads_to("What can you tell about Marta from the story?") == "what does that tell you about Marta?"
    assert leads_to("Where did the fox go?") is None
    told = ["Marta lost her scarf.", "A boy named Eli found it by the gate.", "Then Marta ran over.",
            "Later, she thanked him."]
    assert named_sentence(told[1], told, 1) == "Eli found it by the gate."
    assert named_sentence(told[3], told, 3) == "Later, Marta thanked him."  # the one acting before, named twice


def test_feeling_question_asks_about_the_moment_it_names():
    story = ("Aiden dropped his lunch tray in the cafeteria. Milk splashed across the floor. "
             "A girl named Rosa knelt down and helped him pick up the apples. Aiden grinned and thanked her twice.")
    move = reading_move(story, "How did Aiden feel after Rosa helped him?")
    assert move.text == "What did Aiden do or say after Rosa helped him, and what feeling does that show?"
    assert "grateful" not in move.text and "sentence" not in move.text


def test_a_titled_actor_keeps_the_name_and_because_clause_asks_its_verb():
    told = ["Ava spilled paint on Mrs. Ortiz's porch.", "Mrs. Ortiz looked at the mess.", "She laughed at last."]
    assert named_sentence(told[2], told, 2) in ("Mrs. Ortiz laughed at last.", "She laughed at last.")
    owls = ("Owls hunt at dusk. Gardeners welcome owls because they catch mice that dig up the beds. "
            "Some owls nest in old barns.")
    move = reading_move(owls, "Why do gardeners welcome owls?")
    assert move.text == "What do owls catch, and how could that make gardeners welcome owls?"
