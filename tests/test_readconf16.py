"""Round 16 (readconf16): a right reading answer is confirmed from the sentence the question's rarest words locate
(or a line the student quoted for it), and the move goes on; a wrong answer built from another line's words, from
what a line sets up to deny, or from the other side of an argument is never confirmed; a detail said of another
thing than the one asked about is flagged at the line the question names."""
import agent
from claim_match import asked_elsewhere, located_support, rarest_lines

OWLS = ("Barn owls hunt mostly at night. Their hearing is so sharp that they can find a mouse moving under snow. "
        "Many people believe an owl can turn its head all the way around, but it can only turn about three quarters "
        "of the way. The edges of its wing feathers are soft, so its flight makes almost no sound. The color of its "
        "face is pale, and the shape of its face works like a dish that gathers sound toward the ears.")
SENTENCES = [s.strip() + "." for s in OWLS.rstrip(".").split(". ")]


def silent(*_, **__):
    return iter(())


def turns(passage: str, question: str, *messages: str) -> list[tuple[str, str]]:
    """(verdict, reply) per turn of one reading lesson, the first turn carrying the passage and the question."""
    tutor, said = agent.Tutor(silent), []
    for k, message in enumerate(messages):
        events = list(tutor.respond("readconf16", f"{passage}\n\n{question} {message}" if k == 0 else message,
                                    "reading"))
        said.append((events[-1].get("verdict"), events[-1]["text"]))
    return said


def test_the_rarest_words_of_the_question_locate_its_line():
    assert rarest_lines("What does the shape of an owl's face do?", SENTENCES) == [4]


def test_a_right_answer_in_other_words_is_supported_by_the_located_line():
    said = located_support("it gathers the sound toward its ears", "What does the shape of an owl's face do?",
                           "detail", SENTENCES)
    assert said == SENTENCES[4]
    reason = located_support("its feathers have soft edges, so it is hard to hear", "Why is an owl's flight quiet?",
                             "cause", SENTENCES)
    assert reason == SENTENCES[3]


def test_words_of_another_line_what_a_line_denies_and_a_hedge_are_no_support():
    asked = "What does the shape of an owl's face do?"
    assert located_support("it helps the owl find a mouse under snow", asked, "detail", SENTENCES) is None
    turned = "How far can an owl turn its head?"
    assert located_support("all the way around", turned, "detail", SENTENCES) is None
    assert located_support("about three quarters of the way", turned, "detail", SENTENCES) == SENTENCES[2]
    assert located_support("its flight does not make sound", "Why is a barn owl's flight so quiet?", "cause",
                           SENTENCES) is None


def test_a_line_the_student_quoted_is_where_their_answer_may_be_said():
    question = "Why are barn owls good at hunting in the dark?"
    assert located_support("they can hear a mouse moving under the snow", question, "cause", SENTENCES) is None
    assert located_support("they can hear a mouse moving under the snow", question, "cause", SENTENCES,
                           [1]) == SENTENCES[1]


def test_a_detail_found_in_a_parallel_line_is_asked_elsewhere():
    question = "What does the color of the owl's face look like?"
    assert asked_elsewhere(question, SENTENCES, SENTENCES[3]) == 4
    assert asked_elsewhere(question, SENTENCES, SENTENCES[4]) is None


LETTER = ("Dear Mayor Lund,\nOur class is writing to ask the town to open the old library on Saturdays. Many families "
          "work all week and cannot visit after school. Some people say the library would cost too much to staff. "
          "However, parents have offered to volunteer at the front desk for free. A Saturday library would give "
          "every child a quiet place to read.\nSincerely,\nRoom 4")


def test_a_right_answer_is_confirmed_and_the_other_side_is_not_evidence():
    [(verdict, reply)] = turns(LETTER, "How does the class answer people who say staffing would cost too much?",
                               "They say parents will volunteer at the desk for free.")
    assert verdict == "confirm" and reply.startswith("Yes") and "volunteer" in reply
    [(verdict, reply)] = turns(LETTER, "What reasons does the class give for opening on Saturdays?",
                               "the library would cost too much to staff")
    assert verdict != "confirm" and not reply.startswith("Yes")


def test_a_right_part_with_the_rest_asked_is_confirmed_without_quoting_its_line():
    passage = ("Mei wanted to surprise her grandmother. First she swept the porch, washed the windows and hung a "
               "paper lantern by the door. Then she waited on the steps until the bus came.")
    [(verdict, reply)] = turns(passage, "What did Mei do to get ready?", "She swept the porch. What else?")
    assert reply.startswith("Yes, that part is right") and "lantern" not in reply and "windows" not in reply


def test_a_follower_who_quoted_the_line_then_answers_is_confirmed():
    said = turns(OWLS, "Why do barn owls catch mice in winter?", "I don't know",
                 f"The text says: \"{SENTENCES[1]}\"", "So the answer is they can hear a mouse moving under snow.")
    assert said[-1][0] == "confirm" and said[-1][1].startswith("Yes")
