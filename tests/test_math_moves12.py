"""Round 12 of the math moves: right work is confirmed in the step's own words (never a quoted question), a final
answer said in a sentence or in spoken words is read and confirmed, a step found before and offered as the answer
is "not the answer yet", a right step in another order is confirmed, and without a plan a number that the
student's last result makes is said back as their route, never called "a number the problem gives you"."""
from fractions import Fraction

import agent
from arithmetic_claims import arithmetic_text, claims, presented_as_answer, results, route_to
from step_parts import what_it_finds


def silent(*_, **__):
    return iter(())


def lesson_replies(turns: list[str]) -> list[dict]:
    tutor = agent.Tutor(silent)
    return [list(tutor.respond("s", turn, "math"))[-1] for turn in turns]


ORANGES = "A shop packs 15 boxes with 8 oranges in each box. It sells 47 oranges. How many oranges are left?"


def test_a_right_step_is_confirmed_with_what_it_finds_not_a_quoted_question():
    step = lesson_replies([ORANGES, "15 x 8 = 120"])[-1]
    assert step["verdict"] == "confirm"
    assert step["text"].startswith("Yes, 15 × 8 = 120 is right: that is how many oranges are in 15 boxes")
    assert 'answers "' not in step["text"] and "47 oranges" in step["text"]   # the next step, in its own words


def test_a_final_answer_in_a_sentence_or_in_spoken_words_is_confirmed():
    said = lesson_replies([ORANGES, "15 x 8 = 120", "so the shop still has 73 oranges"])[-1]
    assert said["verdict"] == "confirm" and said["text"].startswith("Yes, 73 oranges is right!")
    eggs = "A crate holds 9 trays of 12 eggs. 2 eggs broke. How many eggs are not broken?"
    spoken = lesson_replies([eggs, "9 x 12 = 108", "one hundred and six"])[-1]
    assert spoken["verdict"] == "confirm" and "106" in spoken["text"]


def test_numbers_said_in_sentences_are_read_and_operands_are_not():
    assert arithmetic_text("two hundred forty-five") == "245"
    assert arithmetic_text("a hundred and nine stamps") == "109 stamps"
    assert results("they paid 58 dollars in all", []) == [Fraction(58)]
    assert presented_as_answer("she spends $58", Fraction(58))
    for operand in ("multiply it by 4", "what about the 12 cups", "I am stuck on step 3", "do I use 9?",
                    "there are 3 steps"):
        assert results(operand, claims(operand)) == [], operand


def test_a_step_found_before_and_offered_as_the_answer_is_not_the_answer_yet():
    kites = "Mo has 27 kites. Ana has 9 more kites than Mo. How many kites do they have altogether?"
    again = lesson_replies([kites, "27 + 9 = 36", "so they have 36 kites altogether"])[-1]
    assert again["verdict"] == "flag"
    assert again["text"].startswith("27 + 9 = 36 checks out. But that is not the answer to the whole problem yet.")


def test_a_right_step_in_another_order_is_confirmed_not_diagnosed():
    notebooks = "Lena buys 3 notebooks at $2.50 each and a pen for $1.20. She pays with $10. How much change " \
                "does she get?"
    replies = lesson_replies([notebooks, "3 x 2.50 = 7.50", "10 - 7.50 = 2.50", "2.50 - 1.20 = 1.30"])
    assert replies[2]["verdict"] == "confirm" and replies[2]["text"].startswith("Yes, 10 − 7.50 = 2.50 is right.")
    assert replies[3]["verdict"] == "confirm" and "$1.30 is right!" in replies[3]["text"]


def test_after_a_right_step_the_next_step_is_asked_without_a_way_in_for_what_they_did():
    snacks = "A pizza costs $7 and a salad costs $4. Max buys 3 pizzas and 2 salads. How much does he spend?"
    replies = lesson_replies([snacks, "2 x 4 = 8"])
    assert replies[1]["verdict"] == "confirm" and "for later" not in replies[1]["text"]
    assert "Picture" not in replies[1]["text"]


def test_without_a_plan_a_number_their_last_result_makes_is_their_route_never_a_given_number():
    assert route_to(["50 − 8 = 42"], [Fraction(50), Fraction(8), Fraction(6)], Fraction(7), "7 each") == \
        "42 ÷ 6 = 7 checks out, after your 50 − 8 = 42."
    assert route_to(["3 × 5 = 15", "2 × 4 = 8"], [Fraction(3), Fraction(5), Fraction(2), Fraction(4)],
                    Fraction(23), "23") == "15 + 8 = 23 checks out, after your 2 × 4 = 8."
    assert route_to([], [Fraction(5)], Fraction(7), "7") == ""


def test_what_a_step_finds_is_its_question_as_a_statement():
    assert what_it_finds("How many cups are in 6 boxes of 12 cups?") == "how many cups are in 6 boxes of 12 cups"
    assert what_it_finds("How much does 1 ticket cost, if 4 tickets cost $20?") == \
        "how much 1 ticket costs, if 4 tickets cost $20"
    assert what_it_finds("How many pages does Sam read in 5 days?") == "how many pages Sam reads in 5 days"
    assert what_it_finds("How much is 20% of $45?") == ""   # only its arithmetic: nothing to say
    assert what_it_finds("What is 7 × 8?") == ""


def test_a_step_said_in_another_measure_than_the_question_is_confirmed_as_a_step():
    swim = "Kai cycles 5 km every day for 3 weeks. How many kilometers does he cycle?"
    step = lesson_replies([swim, "3 weeks is 21 days"])[-1]
    assert step["verdict"] == "confirm" and "not the answer" not in step["text"]
