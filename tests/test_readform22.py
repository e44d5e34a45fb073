"""Frames that fit the text's kind and the question's form (issue #23, #26): a news lead for a news main idea, a poem's
theme read from its last lines, a letter's writer, the line a speaker says read as the phrase asked about, places
that are no characters, and a trait word the text never needs to use. New passages, none from a probe set."""
from passages import classify_question, quoted_term
from people import characters, places_named
from reading import reading_move
from reading_frames import text_kind
from sentence_questions import sentence_question

NEWS = ("Bridge Reopens After Two-Year Repair\n\nFALLS CITY — The Harmon Street Bridge reopened to traffic Monday after "
        "two years of repairs, reconnecting the east and west sides of town. Mayor Dana Price cut a ribbon at 8 a.m. "
        "as a line of cyclists waited to cross first. Engineers replaced the rusted steel beams and added a wider "
        "walkway. \"People had to drive twenty minutes around,\" Price said. The repairs cost $6 million.")
LETTER = ("Dear Aunt Rosa,\n\nThank you for the telescope! Last night Dad helped me set it up in the backyard. At first "
          "I could not find anything but blurry dots, and I almost gave up. Then Saturn slid into view with its rings. "
          "I yelled so loud that the neighbor's dog barked. Can you come visit in June so I can show you?\n\nLove,\nBeto")
POEM = ("The Kite\n\nI held the string so tight\nand watched it dip and climb,\nit tugged against my hands\n"
        "as if it wanted time.\nI let the string go slack,\nit sailed above the tree;\nsome things fly best, I learned,\n"
        "when you let them be free.")
STORY = ("Priya had never been on a plane before. When her family flew to Denver for her cousin's wedding, she gripped "
         "the armrest the whole way up. Denver felt cold and strange. Her cousin Ravi met them at the gate with a "
         "sign that said PRIYA in glitter letters. Priya laughed. At the wedding, Ravi taught her a dance, and by the "
         "end of the night she was teaching it to the little kids. \"Looks like you're a natural,\" Ravi said. Priya "
         "grinned all the way back to the hotel.")
ARTICLE = ("Chicago's River Runs Backward\n\nMore than a century ago, engineers in Chicago did something surprising: "
           "they made a river flow the other way. The Chicago River once carried the city's waste into Lake Michigan, "
           "where people got their drinking water. In 1900, workers finished a canal that pulled the river away from "
           "the lake. Today the water in Chicago flows toward the Mississippi River instead.")


def test_text_kind_tells_news_letter_poem_story_and_article_apart():
    assert text_kind(NEWS) == "news"
    assert text_kind(LETTER) == "letter"
    assert text_kind(POEM) == "poem"
    assert text_kind(STORY) == "story"
    assert text_kind(ARTICLE) == "informational"  # "in Chicago" three times is a place, not a character


def test_news_main_idea_is_framed_by_its_lead_not_by_start_and_end():
    text = reading_move(NEWS, "what is the main idea of the article").text
    assert "lead" in text and "the first sentence" in text
    assert "keeps coming back" not in text and "ends with" not in text


def test_news_purpose_asks_whether_it_reports_or_persuades():
    text = reading_move(NEWS, "What is the author's purpose?").text
    assert "report what happened" in text and "opinion" in text


def test_poem_theme_is_read_from_its_last_lines_not_a_characters_change():
    text = reading_move(POEM, "whats the theme of the poem").text
    assert "poem's theme" in text and "the kite" in text
    assert "character" not in text


def test_letter_feeling_is_the_writers_not_a_characters():
    text = reading_move(LETTER, "how does he feel when saturn comes into view").text
    assert "the character" not in text


def test_a_line_someone_says_is_the_phrase_asked_about_not_the_speaker():
    assert quoted_term("what does ravi mean by looks like youre a natural") == "looks like youre a natural"
    assert quoted_term("what does he mean the river runs backward") == "the river runs backward"
    assert quoted_term("what does canal mean in paragraph 2") == "canal"
    assert quoted_term("what does slack mean here") == "slack"
    text = reading_move(STORY, "what does ravi mean by youre a natural").text
    assert "Looks like you're a natural" in text  # the line as written, where the question typed "youre"
    assert "meaning of \"ravi\"" not in text.lower()


def test_places_are_not_characters_and_do_nothing_in_a_question():
    sentences = STORY.split(". ")
    assert "Denver" in places_named(sentences) and "Denver" not in characters(sentences)
    asked = sentence_question("Denver felt cold and strange.", "How did Priya feel at first?", sentences)
    assert asked == "What does it say about Denver?"


def test_a_trait_word_the_text_never_uses_is_not_held_against_the_answer():
    text = reading_move(STORY, "What trait does Priya show at the wedding?", "shes a people person").text
    assert "doesn't use" not in text and "can't find" not in text


HISTORY = ("How Ice Cream Spread\n\nPeople in China ate frozen milk treats long ago. In 1660, a cafe in Paris began "
           "selling ice cream to the public. By the 1790s, shops in New York sold it in summer. In 1904, visitors at a "
           "fair in St. Louis ate it from waffle cones.")
PROCESS = ("Frost on a Window\n\nWater vapor floats in the air of a warm room. When the glass gets colder than the air, "
           "the vapor touching it loses heat. It turns straight into tiny ice crystals. When more vapor lands, the "
           "crystals grow into feathery shapes.")


def test_a_historys_order_is_read_by_its_dates():
    text = reading_move(HISTORY, "can u help me put the events in order").text
    assert "dates" in text and "1660" in text and "1904" in text


def test_a_condition_said_twice_is_no_list_of_time_words():
    text = reading_move(PROCESS, "i dont get the order of how frost forms").text
    assert "marks its order with time words" not in text


def test_a_lesson_or_message_in_an_order_is_no_theme_question():
    assert classify_question("what did Jo do right after the lesson") == "sequence"
    assert classify_question("What happened before the message came?") == "sequence"
    assert classify_question("What lesson does the story teach?") == "theme"


def test_a_feeling_in_an_article_is_read_from_its_people_and_a_place_feels_nothing():
    text = reading_move(NEWS, "how did people feel when the bridge opened").text
    assert "the character" not in text and "What does the people" not in text
    text = reading_move(STORY, "What does Denver feel like to Priya at first?").text
    assert "What does Denver do" not in text
