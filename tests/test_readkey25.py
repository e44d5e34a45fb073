"""Session 21 (issues #23, #26): a teacher's answer key posted with a passage through POST /context decides the
student's answer (answer_key.py), and an answer no check decides is asked for its evidence, never doubted
(reading_asks.evidence_ask). Sentences written for these tests, none from the probe sets."""
import httpx
import pytest

import answer_key
from answer_key import key_error, key_verdict, keyed_move, keyed_question
from reading import reading_move
from reading_asks import evidence_ask, reason_asked
from test_serve import TEACHER, auth, chat_events, ckpt, config, running  # noqa: F401 (ckpt is a fixture)

PASSAGE = ("Ravi wanted to win the school spelling bee. Every night he practiced twenty words with his aunt. On the "
           "day of the contest, the word 'lighthouse' made him pause. He remembered the lighthouse his aunt had drawn "
           "on his flashcard. He spelled it slowly and won the trophy. Ravi ran to the parking lot to show his aunt "
           "first.")
KEY = [{"question": "Why did Ravi remember how to spell lighthouse?",
        "answer": "He remembered the lighthouse his aunt drew on his flashcard."},
       {"question": "How did Ravi feel when he won?", "answer": "He was happy and proud."},
       {"question": "Who did Ravi show the trophy to first?", "answer": "His aunt."}]


def test_a_key_is_checked_with_one_line_naming_the_field():
    assert key_error({"passage": PASSAGE, "questions": KEY}) is None
    assert key_error({"passage": PASSAGE}) is None
    assert key_error({"questions": KEY}) == "questions: an answer key needs its passage in the same request"
    assert key_error({"passage": "  "}) == "passage: expected a non-empty string"
    assert key_error({"passage": PASSAGE, "questions": {"q": "a"}}).startswith("questions: expected a list")
    assert key_error({"passage": PASSAGE, "questions": [{"question": "Why?"}]}).startswith("questions[0].answer:")
    assert "unknown field 'hint'" in key_error({"passage": PASSAGE, "questions": [{**KEY[0], "hint": "x"}]})
    assert key_error({"passage": PASSAGE, "questions": [{**KEY[0], "accept": [3]}]}).startswith("questions[0].accept")


def test_the_students_question_is_matched_to_a_keyed_one_by_meaning():
    embedder = answer_key.encoder()
    assert keyed_question("who did he show the trophy to first?", KEY, embedder) is KEY[2]
    assert keyed_question("how did ravi feel when he won??", KEY, embedder) is KEY[1]
    assert keyed_question("what is the story mostly about?", KEY, embedder) is None  # no keyed question is it
    assert keyed_question("his aunt drew it", KEY[:1], embedder) is KEY[0]  # the only one, and none asked


def test_a_right_answer_in_other_words_is_confirmed_with_the_line_the_key_rests_on():
    move = keyed_move(KEY, PASSAGE, "why did ravi remember lighthouse?",
                      "because his aunt drew a picture of a lighthouse on his flash card")
    assert move.verdict == "supported" and move.text.startswith("Yes, that's right.")
    assert "had drawn on his flashcard" in move.text and move.text.endswith(KEY[1]["question"])  # the next one


def test_a_near_miss_or_a_denial_is_never_confirmed():
    mom = keyed_move(KEY, PASSAGE, "who did he show the trophy to first", "his mom")  # MiniLM: close to "his aunt"
    denied = keyed_move(KEY, PASSAGE, "how did ravi feel when he won", "he was not happy")
    assert mom.verdict == "unclear" and denied.verdict == "unclear"
    assert "that's right" not in mom.text + denied.text


def test_a_wrong_answer_is_sent_to_the_keyed_line_without_reading_it_out():
    move = keyed_move(KEY, PASSAGE, "why did ravi remember lighthouse?", "because his teacher whispered it to him")
    assert move.verdict == "contradicted" and move.text.startswith("That doesn't match the passage. Read the sentence")
    assert "He remembered the lighthouse..." in move.text and "flashcard" not in move.text
    opposite = keyed_move(KEY, PASSAGE, "how did ravi feel when he won", "he was sad")  # the key's opposite
    assert opposite.verdict == "contradicted"


def test_without_the_encoder_only_the_words_decide(monkeypatch):
    monkeypatch.setattr(answer_key, "encoder", lambda: None)
    line = "Ravi ran to the parking lot to show his aunt first."
    assert key_verdict("he showed it to his aunt", KEY[2]["question"], KEY[2], [line], line, None) == "right"
    assert key_verdict("his mom", KEY[2]["question"], KEY[2], [line], line, None) is None
    assert keyed_question("who did he show the trophy to first?", KEY, None) is None  # words alone: not sure
    assert keyed_move(KEY, PASSAGE, "who did Ravi show the trophy to first?", "his mom").verdict == "unclear"
    assert keyed_move(KEY, PASSAGE, "Who did Ravi show the trophy to first?", "his aunt").verdict == "supported"


def test_an_undecided_answer_is_asked_for_its_evidence_in_the_questions_terms():
    assert reason_asked("why did the otter drop the clam?") == "what made the otter drop the clam"
    assert reason_asked("Why did she hide the letter?") == "what made her hide the letter"
    assert reason_asked("why can owls see at night?") == "the reason"
    assert reason_asked("y did the fox leave w/o its cubs") == "what made the fox leave without its cubs"
    ask = evidence_ask("How did Pia feel at the end?", "feeling", "the last sentence of the passage", "Pia")
    assert ask == "Look at the last sentence of the passage: what does Pia do or say there that shows that feeling?"
    assert evidence_ask("Where did they camp?", "detail", "the first sentence") is None  # its own question asks it
    passage = ("The hikers reached the lake late in the day. Clouds rolled over the ridge and the wind turned cold. "
               "Dana zipped the tent shut and piled rocks on its corners. By midnight rain was drumming on the roof.")
    text = reading_move(passage, "Why did Dana put rocks on the tent?", "so the wind wouldnt blow it away").text
    assert "fit" not in text and "Does it" not in text and "?" in text, text


@pytest.fixture(scope="module")
def base(ckpt, tmp_path_factory):  # noqa: F811
    with running(config(ckpt, tmp_path_factory.mktemp("readkey"))) as url:
        yield url


def test_a_teacher_posts_a_passage_and_key_and_the_tutor_decides_by_it(base):
    session = "ravi-1"  # the student's session; a teacher may post to any
    assert httpx.post(base + "/context", json={"session_id": session, "subject": "reading"}, headers=auth()).is_success
    student_key = httpx.post(base + "/context", json={"session_id": session, "passage": PASSAGE, "questions": KEY},
                             headers=auth())
    assert student_key.status_code == 403 and "teacher" in student_key.json()["error"]
    bad = httpx.post(base + "/context", json={"session_id": session, "questions": KEY}, headers=auth(TEACHER))
    assert bad.status_code == 400 and "\n" not in bad.json()["error"]
    posted = httpx.post(base + "/context", json={"session_id": session, "passage": PASSAGE, "questions": KEY},
                        headers=auth(TEACHER))
    assert posted.status_code == 200 and posted.json()["context"]["key"]["questions"][0]["answer"]
    seen = httpx.get(base + "/context", params={"session_id": session}, headers=auth()).json()["context"]
    assert seen["passage"] == PASSAGE and seen["key"] == {"questions": [q["question"] for q in KEY]}  # no answers
    right = chat_events(base, {"session_id": session, "message": "why did ravi remember lighthouse? bc his aunt "
                                                                 "drew a lighthouse on his flash card"})[-1]
    assert right["verdict"] == "confirm" and "Yes, that's right." in right["text"], right
    wrong = chat_events(base, {"session_id": session, "message": "who did he show the trophy to first? his coach"})[-1]
    assert wrong["verdict"] != "confirm" and "that's right" not in wrong["text"], wrong
