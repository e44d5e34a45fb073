"""Verdicts found by the lead's own fresh probes (never tuned on): a step shown before the offered answer is no
answer ("3x = 7 so x = 7/3"), a part's value ("10% is 4") is no final answer to reject, and a word problem's own
fraction is no answer for the leak guard to hold back a right step's confirmation."""
import agent
from student_message import extract_claim


def silent(*_, **__):
    return iter(())


def lesson(problem: str, *turns: str) -> list[tuple[str, str]]:
    """(verdict, reply) per turn, the first turn carrying the problem."""
    tutor, said = agent.Tutor(silent), []
    for k, message in enumerate(turns):
        events = list(tutor.respond("guards", f"{problem} {message}" if k == 0 else message, "math"))
        said.append((events[-1].get("verdict"), events[-1]["text"]))
    return said


def test_a_step_before_the_offered_answer_is_never_confirmed_as_the_answer():
    [(verdict, reply)] = lesson("Solve 3x - 7 = 14.", "I moved the 7 and got 3x = 7 so x = 7/3")
    assert verdict == "flag" and "right" not in reply.lower(), reply


def test_a_parts_value_is_not_rejected_as_a_final_answer():
    turns = lesson("A shirt costs $40 and is on sale for 15% off. What is the sale price?", "help", "ok 10% is 4",
                   "so 15% is 6 and 40 - 6 = 34")
    assert turns[1][0] != "flag" and "not the answer" not in turns[1][1], turns[1]
    assert turns[2][0] == "confirm" and "$34" in turns[2][1]


def test_a_right_step_on_a_problem_with_a_fraction_is_confirmed_not_withheld():
    problem = "A baker made 150 muffins. She sold 2/5 of them in the morning and 45 in the afternoon. How many are left?"
    turns = lesson(problem, "hint please", "2/5 of 150 is 60")
    assert turns[1][0] == "confirm" and turns[1][1].startswith("Yes, 2/5 × 150 = 60 is right"), turns[1]
    leak_checked = [e for e in agent.Tutor(silent).respond("solve", problem, "math") if e.get("name") == "solve"]
    assert leak_checked and leak_checked[0]["source"] == "planner"   # the answer held back is the plan's 45, not 2/5


SPEECH = ("Omar had practiced his speech every night for a week. When he stood up in front of the class, his hands "
          "shook and his voice came out as a whisper. Then he saw his friend Lily give him a thumbs-up from the back "
          "row. Omar took a deep breath and began again, louder this time. When he finished, the class clapped.")


def test_a_reading_question_without_its_text_asks_for_it_and_the_pasted_text_starts_the_lesson():
    tutor = agent.Tutor(silent)
    turns = [list(tutor.respond("speech", m, "reading"))[-1]["text"] for m in
             ("Why did Omar speak louder the second time? I need help", SPEECH, "because lily gave him a thumbs up")]
    assert turns[0].startswith("I can't see the text you're reading")
    assert "fourth sentence" in turns[1] and "Here's a hint" not in turns[1]   # a pointer into the pasted text
    assert turns[2].startswith("Yes, that's right") and "thumbs-up" in turns[2]


def test_a_similar_problem_taken_up_is_said_in_full_then_tutored():
    problem = "Tom has 3 bags with 8 marbles in each. He loses 5 marbles. How many marbles does he have now?"
    turns = lesson(problem, "3 x 8 = 24, 24 - 5 = 19", "thanks! can we do another one", "6 x 8 = 48")
    assert turns[0][0] == "confirm" and "similar problem" in turns[0][1]
    offered = "Tom has 6 bags with 8 marbles in each. He loses 5 marbles. How many marbles does he have now?"
    assert turns[1][1].startswith(f"Here's one like it: {offered}") and turns[1][1].endswith("?")
    assert turns[2][0] == "confirm" and "6 × 8 = 48 is right" in turns[2][1]   # the new problem is the lesson's now


def test_a_one_word_feeling_is_an_answer_judged_by_the_sentence_that_shows_the_moment():
    asked = f"Passage: {SPEECH} Question: How did Omar feel when he first stood up?"
    replies = [list(agent.Tutor(silent).respond("feel", f"{asked} {said}", "reading"))[-1]["text"]
               for said in ("nervous", "happy")]
    assert replies[0].startswith("Yes, nervous fits") and "his hands shook" in replies[0]
    assert "Would someone who feels happy do that?" in replies[1] and "his hands shook" in replies[1]


LODGE = ("Beavers build dams across streams. The dam makes a deep, still pond. In the middle of the pond, beavers build "
         "a home called a lodge, with underwater entrances that land animals cannot easily reach.")


def test_a_claim_in_the_first_message_and_said_again_is_judged_both_times():
    tutor = agent.Tutor(silent)
    first = f"{LODGE}\n\nwhat does lodge mean in the beaver text. A lodge is a hotel in the mountains right?"
    replies = [list(tutor.respond("lodge", m, "reading"))[-1]
               for m in (first, "I still think A lodge is a hotel in the mountains.")]
    assert [r["verdict"] for r in replies] == ["flag", "flag"], replies   # the passage's "a home called a lodge"
    assert all("a home called a lodge" in r["text"] for r in replies)


CACTUS = ("Passage: The desert gets very little rain. Cactuses survive there because their thick stems store water, "
          "and their spines keep thirsty animals away.\nQuestion: How do spines help a cactus?")


def test_a_true_clause_about_another_subject_is_not_confirmed_and_a_filler_word_is_no_answer():
    tutor = agent.Tutor(silent)
    said = [list(tutor.respond("cactus", m, "reading"))[-1] for m in (CACTUS, "they store water",
                                                                        "oh they keep animals away")]
    assert said[1]["verdict"] != "confirm" and not said[1]["text"].lower().startswith("yes"), said[1]
    assert '"oh"' not in said[2]["text"] and "keep thirsty animals away" in said[2]["text"], said[2]
    assert extract_claim("oh they keep animals away") == "they keep animals away"
    assert extract_claim("ahh i think friction") == "friction" and extract_claim("ohms law") == "ohms law"
