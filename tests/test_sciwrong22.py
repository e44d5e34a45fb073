"""Round 22, science wrong and right without templates: a claim that keeps a relation to one thing ("only ...") is
asked of another thing the contradicting fact lists beside it, so its answer contradicts the claim and the fact's
reason stays unsaid; a short answer followed by a clause about it ("the lungs, they ...") is an answer with its
reason, and a right named answer given with its reason is not asked what makes it the one."""
from science_catalog import TopicCard
from science_decides import answered_first, asked_of, denied_move, left_out_move, listed_members, only_clause
from science_fallback import chosen_option
from science_moves import answer_then_account, follow_up
from text_words import forms_of

HEAT = "Heat moves through solid materials such as copper, glass or wood, some of them much faster than others."
FROGS = "Amphibians such as frogs, toads and newts lay soft eggs in water."


def test_an_only_claim_is_asked_of_another_member_the_fact_lists():
    move = left_out_move("heat only moves through copper", "Does heat move into a wooden spoon in hot soup?", [HEAT])
    assert move and move.verdict == "contradicted" and move.evidence == [HEAT]
    assert "What about glass?" in move.text and "Does heat move through glass?" in move.text
    assert "faster" not in move.text and "wood" not in move.text  # no reason said, no member the question names


def test_no_case_without_an_only_a_shared_topic_or_the_claims_relation():
    question = "Does heat move into a wooden spoon in hot soup?"
    assert left_out_move("heat moves through copper", question, [HEAT]) is None  # no "only": nothing left out
    assert left_out_move("frogs only lay eggs in ponds", "Where do birds build nests?", [FROGS]) is None  # off topic
    # "copper" is a shared word, yet the claim's relation (conducting a current) is not the fact's (heat moving)
    assert left_out_move("electricity only flows in copper", "Does heat move into a metal pan?", [HEAT]) is None


def test_the_only_part_of_a_long_claim_and_its_question_form():
    assert only_clause("no heat cant go into wood it only moves through copper") == "it only moves through copper"
    assert only_clause("only newts lay eggs") == "only newts lay eggs"
    assert asked_of("it only moves through copper", "copper", "glass") == "Does it move through glass?"
    assert asked_of("a magnet can only pick up iron", "iron", "nickel") == "Can a magnet pick up nickel?"
    assert asked_of("only the frogs lay eggs in water", "frogs", "toads") == "Do the toads lay eggs in water?"


def test_a_claim_that_names_a_few_members_is_asked_of_one_it_leaves_out():
    assert left_out_move("it only moves through copper and glass", "Does heat move into a wooden spoon?",
                         [HEAT]) is None  # the one member left out, wood, is the question's own
    move = left_out_move("heat only moves through copper and glass", "Can heat move through a steel pan?", [HEAT])
    assert move and "Does heat move through wood?" in move.text and "copper and glass" in move.text
    assert left_out_move("only copper, glass or wood", "Does heat move through a steel pan?", [HEAT]) is None


def test_listed_members_keep_articles_and_need_the_claims_noun_for_a_bare_pair():
    assert listed_members("Waves pass through a medium such as air, water or a solid.", set()) == [
        ["air", "water", "a solid"]]
    assert listed_members("Frog and toad eggs hatch into tadpoles.", forms_of("only frogs have eggs")) == [
        ["Frog", "toad"]]
    assert listed_members("Frog and toad eggs hatch into tadpoles.", forms_of("only frogs swim")) == []


def test_a_short_answer_then_a_clause_about_it_is_an_answer_with_its_reason():
    assert answer_then_account("the lungs, they take oxygen into the blood") == [
        "the lungs", "they take oxygen into the blood"]
    assert answer_then_account("the lungs and the heart") == ["the lungs and the heart"]
    assert answer_then_account("the lungs and the heart and the liver, they are organs") == [
        "the lungs and the heart and the liver, they are organs"]  # no short answer before the comma


def test_a_right_named_answer_with_its_reason_is_not_asked_what_makes_it_the_one():
    question = "Which organ takes oxygen into the body?"
    assert "What do you know about" not in follow_up("the lungs", question, reasoned=True)
    # session 20: a right name goes on to its next link; "What do you know about the lungs that makes them ...?"
    # asked the student to explain a right answer again, which readers took as doubt
    assert follow_up("the lungs", question) == "What would happen to the body if the lungs stopped working?"


def test_a_card_confirms_the_answer_before_a_reason_word_and_never_the_reason():
    card = TopicCard(topic="ant legs", asks=r"\blegs\b.*\bants?\b",
                     idea="An ant is an insect: every insect has 6 legs.",
                     accept=r"\b(?:6|six)\b", partial=r"\binsect\b", opening="Count the legs on one side of an ant.",
                     next="Is a spider an insect?", wrong=r"\b(?:8|eight)\b")
    assert answered_first(card, "6 because an ant is an insect", "How many legs does an ant have?") == "6"
    assert answered_first(card, "6 because 8 is for spiders", "How many legs does an ant have?") is None
    assert answered_first(card, "6 because it has 3 body parts", "How many legs does an ant have?") is None  # off
    assert answered_first(card, "6 because an ant is an insect", "Why does an ant have 6 legs?") is None
    assert answered_first(card, "6", "How many legs does an ant have?") is None  # no reason: the card's own verdict


def test_a_pick_between_two_options_is_never_tested_against_another_property():
    fact = "Mars is not a star: it shines by reflected sunlight."
    question = "Which is farther from the Sun, Mars or Venus?"
    assert denied_move("mars, it takes longer to go round", question, [fact]) is None
    assert chosen_option("mars, it takes longer to go round", question) == ("Mars", "Venus")
    assert chosen_option("mars", "Which is bigger, Jupiter or Mars?") == ("Mars", "Jupiter")
    assert chosen_option("both of them", question) is None
