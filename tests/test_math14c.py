"""Round 14 (math14c): replies that say the idea the student is stuck on, not a bare next calculation or a recipe."""
import agent


def silent(*_, **__):
    yield ""


def reply_to(message: str) -> dict:
    return list(agent.Tutor(silent).respond("s", message, "math"))[-1]


def test_a_negative_power_is_said_as_the_product_it_means():
    reply = reply_to("Work out (-7)² - 2 × (-6). squaring a negative number confuses me")
    assert "(-7) squared means (-7) × (-7)" in reply["text"] and "minus signs" in reply["text"]
    assert "49" not in reply["text"] and "61" not in reply["text"]


def test_negative_cubes_ask_about_powers_never_volume():
    reply = reply_to("What is (-4)³ + 70? i don't get negative cubes")
    assert "Volume" not in reply["text"] and "(-4) × (-4) × (-4)" in reply["text"]


def test_a_sum_for_how_many_more_names_their_number_against_the_question():
    reply = reply_to("Pia baked 67 cookies. Tom baked 28 cookies. How many more cookies did Pia bake than Tom? "
                     "67 + 28 = 95")
    assert reply["verdict"] == "flag" and reply["text"].startswith("Your 95 is 67 cookies and 28 cookies put together.")
    assert "how many more" in reply["text"] and "Count up" not in reply["text"] and "39" not in reply["text"]


def test_after_a_right_total_the_next_step_is_its_idea_and_reads_next_comma():
    reply = reply_to("A team raised $1,600. It spent $730 on shirts and $240 on balls. How much money is left? "
                     "730 + 240 = 970 then?")
    assert reply["verdict"] == "confirm" and reply["text"].endswith("Next, how do $1600 and 970 give you the money left?")


def test_half_the_difference_is_asked_from_the_middle_number():
    reply = reply_to("Two numbers add up to 90 and their difference is 16. What is the larger number? "
                     "90 / 2 = 45, 45 + 16 = 61")
    assert reply["verdict"] == "flag" and "From the middle, 45" in reply["text"] and "16 apart" in reply["text"]
    assert "53" not in reply["text"]


def test_elimination_says_why_the_terms_cancel():
    reply = reply_to("Solve the system 4x + 5y = 37 and 4x + y = 17. What is y? which method")
    assert reply["text"].startswith("The x terms match, so taking one equation from the other makes the x terms "
                                    "cancel.") and "what is 5 - 1" in reply["text"] and "y = 5" not in reply["text"]
