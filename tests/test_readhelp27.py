"""Round 27: a reading help request is pointed where its answer is and asked in well-formed words. A word's meaning
is asked through the clue its own sentence builds around it (a contrast, a name given after a description, a word it
is paired with, what the thing named does, what follows from it); a bare word asked ("canopy??", "drowsy = ?") is a
meaning question; a part named by its words ("i dont get the ... part") is asked about, not asked for; a simile's
thing is read past a "that" clause; an event told in the student's own words is named by its sentence's opening,
never quoted as if the passage said it; a deed that did not happen points to the line telling what did not; how
someone came to know a thing points to what they saw before they realized it."""
from answer_line import evidence_line
from figure_words import figure_move
from passages import body
from reading import reading_move
from reading_asks import asked_only, built_clue, meaning_in
from reading_frames import felt_frame
from sentence_questions import found_event, subject_of

FOX = ("A fox trotted across the frozen field. He smelled mice under the snow, but he could not break the crust. "
       "He jumped high and landed nose first. The snow cracked open, and he caught a mouse. At last the fox could "
       "eat.")
RAIN = ("The rainforest has four layers. The tallest trees form a thick roof of leaves, called the canopy, high above "
        "the ground. Little sunlight gets through it, so the forest floor is dim and damp. Vines that climb toward "
        "the light wrap around the trunks.")
DETECTIVE = ("Ms. Ortiz came home and found the cookie jar empty. Crumbs led across the rug to the dog's bed. She "
             "realized that Rufus had eaten the cookies. She moved the jar to the top shelf.")


def test_a_words_clue_is_built_from_its_own_sentence():
    assert "\"sticky\" against \"moist\"" in built_clue("sticky", "Knead the dough until it is moist but not sticky.")
    assert "\"chilly and gray\"" in built_clue("gray", "The morning was chilly and gray.")
    assert "just before \"called the canopy\"" in built_clue("canopy", RAIN.split(". ")[1])
    assert "what it does" in built_clue("enzyme", "Saliva holds an enzyme that breaks starch into sugar.")
    assert "\"so the crowd cheered\"" in built_clue("flawless", "Her landing was flawless, so the crowd cheered.")
    assert "\"to feed the colony in winter\"" in built_clue("gather", "Ants gather seeds to feed the colony in winter.")
    assert built_clue("suited", "Moles are suited to life underground.") == ""  # "to" right after it: no aim
    # two deeds joined by "and" are no pair of describing words: no clue there to ask about
    assert built_clue("shrugged", "Sam shrugged and kept eating his cereal.") == ""


def test_a_vocabulary_help_asks_about_the_clue_and_never_reads_out_a_meaning():
    move = reading_move(RAIN, "what does canopy mean")
    assert "called the canopy" in move.text and "roof" not in move.text.split("called the canopy")[1]
    move = reading_move(RAIN, "dim??")
    assert "\"dim\"" in move.text and "against" not in move.text and move.evidence == [body(RAIN)[1][2]]


def test_a_bare_word_or_a_named_part_is_asked_about():
    sentences = body(RAIN)[1]
    assert asked_only("canopy??", sentences) == "What does \"canopy\" mean?"
    assert asked_only("dim = ?", sentences) == "What does \"dim\" mean?"
    assert asked_only("help?", sentences) == "help?"  # chat, not a word of the text
    assert asked_only("whats rufus", body(DETECTIVE)[1]) == "Who or what is Rufus in the passage?"  # a name
    assert asked_only("i dont get the thick roof of leaves part", sentences) == \
        "What does \"thick roof of leaves\" mean?"
    assert meaning_in("drowsy means what", "drowsy") is None


def test_a_simile_is_said_of_the_thing_before_its_that_clause():
    sentences = ["Some beetles have bright spots on their wings that work like warning signs."]
    move = figure_move("what does warning signs mean here", sentences)
    assert move is not None and move.text.startswith("The writer compares the spots to warning signs.")


def test_an_event_in_the_students_words_is_named_by_its_sentence():
    sentences = body(FOX)[1]
    assert found_event("he leaps up", sentences, 2) == "Find the third sentence of the passage, where he leaps up"
    assert found_event("the fox leaps", sentences, 0) == "Find the sentence that begins \"A fox...\""
    assert found_event("he jumps", sentences, 2) == "Find where the passage tells \"he jumps\""  # told as asked


def test_a_deed_not_done_points_where_it_could_not_be_done():
    sentences = body(FOX)[1]
    ranked = [(0.9, 4), (0.5, 3), (0.4, 1)]  # "At last the fox could eat." shares every word asked
    assert evidence_line("why cant the fox eat", "cause", sentences, ranked, 4) == 1
    assert evidence_line("why couldnt he eat", "cause", sentences, ranked, 4) == 1
    assert evidence_line("why could he eat at last", "cause", sentences, ranked, 4) == 4  # asked of the deed done
    assert evidence_line("why couldnt he sleep", "cause", sentences, ranked, 4) == 4  # the top line tells no sleep


def test_how_someone_knew_points_to_what_they_saw():
    sentences = body(DETECTIVE)[1]
    assert evidence_line("how did she know rufus ate them", "detail", sentences, [(0.8, 2)], 2) == 1
    assert evidence_line("what did she realize", "detail", sentences, [(0.8, 2)], 2) == 2
    move = reading_move(DETECTIVE, "how did ms ortiz figure out the dog ate the cookies")
    assert move.evidence[0].startswith("Crumbs led")


def test_a_feeling_frame_fits_the_line_it_is_put_on():
    lines = ["The flood reached the town at noon.", "The neighbors carried sandbags to the school."]
    assert felt_frame("the first sentence", "the people", lines[0], lines) == \
        "Look at the first sentence. Which words there show a feeling, and whose feeling is it?"
    assert "What do the neighbors do or say there" in felt_frame("the second sentence", "the neighbors", lines[1],
                                                                  lines)
    assert "What does the writer do or say there" in felt_frame("the first line", "the people",
                                                                 "We packed the car before dawn.", ["We packed."])


def test_where_it_talks_about_a_topic_asks_for_the_part_not_a_place():
    owls = ("Owls hunt at night. Their eyes are huge and face forward, so they can judge distance well. Soft "
            "feathers on their wings let them fly without a sound. Owls swallow small prey whole.")
    assert asked_only("where does it talk about the wings", body(owls)[1]) == \
        "Which part of the passage tells about the wings?"
    move = reading_move(owls, "where does it talk about the wings")
    assert "What place" not in move.text and move.evidence == [body(owls)[1][2]]


def test_a_name_after_a_noun_is_no_verb_of_its_subject():
    assert subject_of("the northern United States begin a long journey south") != ("the northern", "United", "States")
    assert subject_of("the old Packard started with a bang") == ("the old Packard", "started", "with")
