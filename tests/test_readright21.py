"""Round 21 (readright21): a right reading answer in the student's own words is confirmed with its line, a wrong one
never is. A metaphor's or a simile's picture said as the real thing ("a real bear came in", "he growled like a
bear" for "as grumpy as a bear") is asked about as a figure, though the picture is named again later in the text."""
import agent
from inferred import figure_picture, word_for_word
from locate import told_past_its_reason
from reading_verdict import denied
from meaning_match import named_things
from reply_guard import praises
from traits import acts_in, named_in, shows


def silent(*_, **__):
    return iter(())


def reply(passage: str, question: str, message: str) -> tuple[str, str]:
    events = list(agent.Tutor(silent).respond(f"readright21 {message}", f"{passage}\n\n{question} {message}",
                                              "reading"))
    return events[-1].get("verdict"), events[-1]["text"]


FOG = ("The fog was a gray cat that morning, creeping over the harbor on quiet feet. The fishermen waited on the dock. "
       "By noon the cat had slipped away, and the boats went out.")


def test_a_figures_picture_is_its_last_word():
    assert figure_picture("the fog was a gray cat that morning") == ("cat", False)
    assert figure_picture("as quiet as a mouse") == ("mouse", True)
    assert figure_picture("her voice like warm honey") == ("honey", True)
    assert figure_picture("he slammed the door") is None
    assert figure_picture("she was saving Paris for last") is None and figure_picture("they were running") is None


def test_a_metaphor_read_as_the_real_thing_is_word_for_word():
    sentences = FOG.split(". ")
    assert word_for_word("a cat walked over the harbor", "the fog was a gray cat", sentences, 0)
    assert not word_for_word("the fog moved in slowly and quietly", "the fog was a gray cat", sentences, 0)
    assert not word_for_word("the fog moved like a cat, slow and quiet", "the fog was a gray cat", sentences, 0)


def test_a_simile_said_again_is_no_likeness_of_the_students():
    sentences = ["Grandpa was as grumpy as a bear before breakfast.", "After his coffee he told jokes."]
    assert word_for_word("he growled like a bear at everyone", "as grumpy as a bear", sentences, 0)
    assert not word_for_word("he was in a bad mood until he ate", "as grumpy as a bear", sentences, 0)


def test_a_literal_metaphor_is_never_confirmed():
    verdict, text = reply(FOG, "what does 'the fog was a gray cat' mean?", "a gray cat was creeping on the harbor")
    assert verdict != "confirm" and "Yes" not in text


BEES = ("Honeybees need water on hot days. Water cools the hive when the bees fan it with their wings. That is why "
        "bees carry drops of water back to the hive all summer. In the fall the bees stay inside and eat the honey "
        "they stored.")


def test_a_reason_is_not_told_after_a_that_is_why_event():
    sentences = BEES.split(". ")
    sentences = [s if s.endswith(".") else f"{s}." for s in sentences]
    question = "why do bees carry water back to the hive?"
    assert told_past_its_reason(question, sentences, sentences[3])
    assert not told_past_its_reason(question, sentences, sentences[1])


def test_a_why_answer_from_the_line_after_the_event_is_not_confirmed():
    _, text = reply(BEES, "why do bees carry water back to the hive?", "so they can eat the honey in the fall")
    assert "right" not in text and not text.startswith("Yes") and "Does it answer the question?" in text


RACE = ("Tessa's legs ached after the first mile. She slowed down but did not stop. At the last hill she kept going "
        "and crossed the line in sixth place.")


def test_a_lower_case_name_and_an_owner_named_before_a_pronoun_find_the_character():
    sentences = [f"{s}." if not s.endswith(".") else s for s in RACE.split(". ")]
    assert named_in("what kind of runner is tessa?", sentences) == "Tessa"
    assert acts_in("Tessa", sentences, 1) and acts_in("Tessa", sentences, 2)


def test_breaking_food_in_half_to_share_is_a_kind_deed():
    assert shows("kind", "Ana broke her cookie in half and slid one piece over to Ben.") == 1
    assert shows("kind", "Max broke his sister's kite.") == -1


def test_a_trait_with_its_deed_in_own_words_is_confirmed():
    verdict, text = reply(RACE, "what kind of person is tessa?", "determined bc she didnt quit even when it hurt")
    assert verdict == "confirm" and text.startswith("Yes")


def test_a_deed_the_text_lacks_is_not_confirmed_with_the_trait():
    verdict, text = reply(RACE, "what kind of person is tessa?", "determined bc she ran with a broken shoe")
    assert verdict != "confirm" and not text.startswith("Yes")


def test_a_denied_bad_deed_shows_the_good_side():
    assert shows("hardworking", "she didnt quit") == 1 and shows("hardworking", "she quit") == -1
    assert shows("kind", "he did not laugh at her") == 1


def test_a_quoted_trait_word_opening_a_reply_is_no_praise():
    assert not praises('"Nice" may fit Mia.') and not praises('"Great" is no word the story uses for him.')
    assert praises("Nice! You found it.") and praises("Great job, that is the line.")


def test_a_thing_a_deed_makes_or_takes_is_named_without_an_article():
    assert {"nectar", "seeds"} <= named_things("the birds eat nectar and seeds")
    assert "apples" in named_things("they picked apples")
    assert not named_things("he looked nervous") and "us" not in named_things("she passed us")


def test_an_invented_thing_named_without_an_article_is_said_to_be_missing():
    passage = ("Grandpa planted a row of carrots by the fence. Every evening he watered them with a tin can. In "
               "August he pulled them up and gave a bunch to each neighbor.")
    _, text = reply(passage, "what did grandpa plant?", "he planted potatoes")
    assert '"potatoes"' in text and not text.startswith("Yes")


SEAL = ("A seal's blubber is a thick layer of fat under its skin. The fat holds in the seal's body heat. If the seal "
        "gets too thin, its blubber cannot keep it warm. That is why seals eat so many fish before winter. In spring "
        "the pups learn to swim.")


def test_what_follows_a_condition_denies_no_claim_without_the_condition():
    line = "If the seal gets too thin, its blubber cannot keep it warm."
    assert not denied("its blubber can keep it warm", "why do seals eat so many fish?", line)
    assert denied("a thin seal's blubber keeps it warm", "why do seals eat so many fish?", line)


def test_the_line_a_that_is_why_event_follows_from_answers_it():
    verdict, text = reply(SEAL, "why do seals eat so many fish before winter?",
                          "bc if they get too thin the blubber cant keep them warm")
    assert verdict == "confirm" and text.startswith("Yes")
    _, text = reply(SEAL, "why do seals eat so many fish before winter?", "so the pups can learn to swim")
    assert not text.startswith("Yes") and "right" not in text


def test_a_kind_said_for_the_things_listed_is_no_missing_thing():
    assert not {"vegetables", "food"} & named_things("they planted vegetables and ate food")
    passage = ("The class planted beans and tomatoes in a sunny corner. Every morning two students watered them. In "
               "June the class picked the first tomatoes.")
    _, text = reply(passage, "what did the class plant?", "they planted vegetables")
    assert "can't find" not in text and "doesn't use" not in text
