"""Round 20: a reading lesson's clue lines are the ones the tutor named a clue, whatever words they share with the
question. A line the student quoted that the tutor agreed is a clue ("That is a good clue.") or that it found a right
part of the answer in, and a line the student read on to beside it, is a clue line for the answer drawn from it,
though it names nothing the question says ("How does Tia feel when the music box plays?" and "Then she wiped her
eyes and hugged her brother."); an answer those lines do not show is still never confirmed."""
import evidence
import lesson
import reading_lesson

PASSAGE = ("Tia's old music box sat on the shelf, painted blue with a tiny dancer on top. It had been silent for "
           "years. Her brother fixed the spring and wound the key. Tia did not say a word until the song was over. "
           "Then she wiped her eyes and hugged her brother for a long time.")
QUESTION = "How does Tia feel when the music box plays?"
SILENT, HUG = "Tia did not say a word until the song was over.", \
    "Then she wiped her eyes and hugged her brother for a long time."


def clue_lesson(credited: list[str]) -> lesson.Lesson:
    """A lesson where the student quoted both lines; the tutor pointed to the first sentence (about the music box)."""
    return lesson.Lesson(problem=f"{PASSAGE}\n\n{QUESTION}", passage=PASSAGE, clues=[SILENT, HUG], credited=credited,
                         pointed=[PASSAGE.split(". ")[0] + "."])


def answered(state: lesson.Lesson, claim: str) -> evidence.Move:
    undecided = evidence.Move("Read it again.", "feeling", "absent", [])
    return reading_lesson.from_clue_lines(state, QUESTION, claim, undecided, quoted=False)


def test_lines_the_tutor_named_clues_back_the_feeling_they_show():
    move = answered(clue_lesson([SILENT, HUG]), "happy and emotional")
    assert move.verdict == "supported" and "wiped her eyes" in move.text and "similar question" in move.text


def test_lines_never_named_clues_nor_about_the_question_back_nothing():
    assert answered(clue_lesson([]), "happy and emotional").verdict == "absent"


def test_a_feeling_the_credited_lines_do_not_show_is_not_confirmed():
    for wrong in ("angry at her brother", "bored", "calm and relaxed"):
        assert answered(clue_lesson([SILENT, HUG]), wrong).verdict != "supported"



LIBRARY = ("Our library closes at five o'clock on weekdays. Most parents finish work after five, so families cannot "
           "visit together. The study rooms sit empty every evening. Last spring, forty students signed a letter "
           "asking for later hours. The town should keep the library open until eight.")
ASKED = "What evidence shows the library hours are a problem?"
PARENTS, ROOMS = ("Most parents finish work after five, so families cannot visit together.",
                  "The study rooms sit empty every evening.")


def read_on_lesson(credited: list[str]) -> lesson.Lesson:
    """The tutor found a right part in the parents' line; the student read on and quoted the line after it too."""
    return lesson.Lesson(problem=f"{LIBRARY}\n\n{ASKED}", passage=LIBRARY, clues=[PARENTS, ROOMS], credited=credited)


def judged(state: lesson.Lesson, claim: str) -> evidence.Move:
    undecided = evidence.Move("Read it again.", "argument", "absent", [])
    return reading_lesson.from_clue_lines(state, ASKED, claim, undecided, quoted=False)


def test_a_line_read_on_from_a_credited_one_is_a_clue_line_too():
    claim = "parents work after five so families can't visit together, and the study rooms sit empty every evening"
    assert judged(read_on_lesson([PARENTS]), claim).verdict == "supported"
    assert judged(read_on_lesson([]), claim).verdict == "absent"   # neither line names the question's words


def test_an_answer_from_other_lines_is_not_confirmed_by_the_read_on_lines():
    for claim in ("the town wants to close the library at eight", "the library has too many old books"):
        assert judged(read_on_lesson([PARENTS]), claim).verdict != "supported"
