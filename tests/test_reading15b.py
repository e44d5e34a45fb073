"""Round 15 (read15b): a reading answer said in other words by one span where the question points is confirmed
(claim_match.span_saying), never one a close word, a denial, a hedge or two sentences' words make up; "instead of"
denies its whole phrase; "According to X, why ..." is one question; a help line under the question is no passage."""
from claim_match import denied_spans, span_saying
from evidence import Verdict
from text_words import forms_of
from student_message import split_message
from meaning_match import unfound
from reading import reading_move
from reading_verdict import confirm, still_asked

CONFIRMS = ("Yes", "That's right", "Right")

FERRY = ("Every morning at six, the old ferry carried workers across the bay. One foggy Tuesday, the engine coughed "
         "and stopped halfway across. The captain dropped the anchor so the boat would not drift onto the sandbar. "
         "She radioed the harbor, and a tugboat towed the ferry back to the dock by noon.")


def test_a_reason_in_the_text_words_is_confirmed_with_its_sentence():
    question = "Why did the captain drop the anchor?"
    move = reading_move(FERRY, question, "so the boat would not drift onto the sandbar")
    assert (move.verdict, move.status) == ("supported", "answer") and move.text.startswith(CONFIRMS)
    assert "sandbar" in move.evidence[0]


def test_a_clause_made_of_two_sentences_words_is_no_answer():
    sentences = ["Every morning at six, the old ferry carried workers across the bay.",
                 "One foggy Tuesday, the engine coughed and stopped halfway across."]
    assert span_saying("the workers coughed and stopped", "What happened on Tuesday?", sentences, [0, 1]) is None


def test_a_denied_or_hedged_answer_is_not_said_by_the_span():
    sentences = ["The captain dropped the anchor so the boat would not drift onto the sandbar."]
    question = "What did the captain do?"
    assert span_saying("the captain did not drop the anchor", question, sentences, [0]) is None
    assert span_saying("the captain might have dropped the anchor", question, sentences, [0]) is None


def test_instead_of_denies_its_whole_phrase():
    denied, said = denied_spans("Instead of flying south with the other geese, the old goose stayed on the frozen "
                                "lake all winter.")
    assert forms_of("south geese") <= denied and forms_of("frozen lake") <= said and not forms_of("south") & said


def test_an_answer_the_text_says_instead_of_is_pointed_at_that_sentence():
    passage = ("Instead of flying south with the other geese, the old goose stayed on the frozen lake all winter. A "
               "farmer left corn by the shore for her every morning. In spring, the flock came back and found her.")
    move = reading_move(passage, "Where did the old goose spend the winter?", "she flew south with the other geese")
    assert move.verdict == "contradicted" and not move.text.startswith(CONFIRMS) and "Instead of" in move.text


def test_a_why_after_according_to_is_one_question():
    assert still_asked("According to the article, why do owls hunt at night?", "because mice come out then") is None
    assert still_asked("What did the owl catch, and why?", "a mouse") == "why"


def test_the_writer_answering_the_other_side_is_no_claim_template():
    sentences = ["Some parents say a new playground costs too much.",
                 "However, the town already has the money from last year's fair."]
    text = confirm("argument", "the town already has money from the fair", Verdict("supported", " ".join(sentences)),
                   sentences, "How does the writer answer people who say the playground costs too much?")
    assert "writer's claim" not in text and "other side" not in text and "last year's fair" in text


def test_a_help_line_under_the_question_is_not_part_of_the_passage():
    message = ("Lena found a lost kitten under the porch. She gave it milk and a blanket. The next day she made "
               "posters so its owner could find it.\n\nWhy did Lena make posters?\ni dont get it can u help")
    passage, rest = split_message(message, prose=True)
    assert passage.endswith("could find it.") and rest.startswith("Why did Lena make posters?")


def test_a_word_inside_a_longer_passage_word_is_not_called_missing():
    sentences = ["The stormy night kept the boats in the harbor."]
    assert unfound(["storm", "sailors"], sentences, "the storm scared the sailors") == ["sailors"]


def test_a_denial_without_its_apostrophe_is_still_a_denial():
    passage = ("Tomas built a raft from old barrels. On its first trip the raft tipped over, because the barrels "
               "could not hold his weight. He added four more barrels and tried again.")
    question = "What went wrong on the raft's first trip?"
    move = reading_move(passage, question, "it tipped over because the barrels couldnt hold him")
    assert move.verdict != "contradicted"
