"""Round 22 (readlocate22): the line that answers the question decides, not a line sharing its words.

`locate.another_kind`: a line about another kind of the thing asked ("Adult penguins ..." asked of the babies) backs
no answer. `locate.doer_told`: what a how- or change-question's doer did after its moment answers it, though the
question's words sit in an earlier line. `meaning_match.answered_line`: an answer in the student's own words of the
line the locator ties to the question is confirmed there; one that turns that line is not. Sentences written for
these tests, none from the probe set."""
import claim_match
import locate
import reading
import reading_asks
from meaning_match import answered_line

PENGUINS = ("Emperor penguins live on the ice of Antarctica. Adult penguins dive deep under the ice to catch fish "
            "and squid. Baby penguins stay on the ice and eat food their parents bring back in their stomachs. In "
            "the coldest weeks, the babies huddle together to keep warm.")
FENCE = ("Rosa and Eli wanted to get their ball back from the yard next door. The gate had been locked since June. "
         "Eli tried to reach through the bars, but his arm was too short. Standing on an old crate, they climbed over "
         "the top rail and dropped onto the soft grass.")
PIANO = ("In September, Jun could barely play the first line of his recital song. He practised for twenty minutes "
         "after school every day. Now Jun plays the whole song every night without a single mistake. His teacher "
         "asked him to play first at the recital.")


def sentences(passage: str) -> list[str]:
    return reading.body(passage)[1]


def test_a_line_about_another_kind_of_the_thing_asked_backs_nothing():
    lines = sentences(PENGUINS)
    question = "What do baby penguins eat?"
    assert locate.another_kind(question, lines[1], lines)          # "Adult penguins ...": the others
    assert not locate.another_kind(question, lines[2], lines)      # "Baby penguins ...": the ones asked about
    assert not locate.another_kind("What do penguins eat?", lines[1], lines)  # no kind asked: any line may answer
    move = reading.reading_move(PENGUINS, question, "they dive under the ice and catch fish and squid")
    assert move.verdict != "supported"


def test_what_the_asked_doers_did_after_the_moment_answers_a_how_question():
    lines = sentences(FENCE)
    question = "How did Rosa and Eli get the ball back?"
    assert locate.doer_told(question, lines[3], lines, 0)          # "..., they climbed over the top rail"
    assert not locate.doer_told(question, lines[1], lines, 0)      # "The gate had been locked": another doer
    assert not locate.doer_told(question, lines[3], lines, 4)      # told before the moment asked about
    assert not locate.doer_told("Why did Rosa and Eli climb the fence?", lines[3], lines, 0)  # a why: its own test


def test_an_own_words_answer_of_the_located_line_is_confirmed_and_a_turned_one_is_not():
    lines = sentences(PIANO)
    question = "What shows that Jun has gotten better at piano?"
    said = "now he can play the whole song every night with no mistakes"
    assert answered_line(said, question, lines, [2]) == lines[2]
    assert answered_line("he plays the whole song every night with mistakes", question, lines, [2]) is None
    assert answered_line("he plays the whole song for his grandma every night", question, lines, [2]) is None
    assert answered_line("he practised after school", question, lines, [2]) is None  # not the located line
    assert answered_line("he did not play the whole song every night", question, lines, [2]) is None  # denied
    move = reading.reading_move(PIANO, question, said)
    assert (move.verdict, move.status, move.evidence) == ("supported", "answer", [lines[2]])


def test_a_chat_spelling_with_a_digit_is_no_number():
    assert not claim_match.numbers_unsaid("i practise b4 school", "I practise before school.")
    assert claim_match.numbers_unsaid("3 cats came", "Two cats came.")


def test_where_it_says_a_thing_asks_the_thing_not_a_place():
    """'where does it say what they eat' looks for the part that tells what they eat: no where-question."""
    lines = sentences(PENGUINS)
    assert reading_asks.asked_only("where does it say what the babies eat", lines) == "What the babies eat?"
    assert reading_asks.asked_only("i cant find the part where it says how they keep warm", lines) == \
        "How they keep warm?"
    assert reading_asks.asked_only("where do penguins live", lines) == "where do penguins live"
    move = reading.reading_move(PENGUINS, "where does it say what the babies eat")
    assert move.evidence == [lines[2]] and "place" not in move.text
