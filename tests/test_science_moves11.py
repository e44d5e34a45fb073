"""Round 11: naming facts of the kinds school questions ask (organs, gases, planets, states, feeding roles, simple
machines) confirm the member they state and no other; a wrong member is asked what a fact says it does, set against
the job asked; a "both" or "only", a "most", a pair joined by "and" and a term named twice are read as the
question means them. The fresh set (tests/fixtures/science_moves11.jsonl) was written before these changes."""
from named_questions import bare_verb, named_check, named_question
from science_moves import claim_move
from science_names import fact_clauses, ranked_apart, what_it_does

FACTS = ["The heart is the organ that pumps blood around the body.",
         "The lungs are the organs that take oxygen from the air we breathe in and pass it into the blood.",
         "The brain is the organ that controls the body and lets us think, feel and remember.",
         "The stomach is the organ that breaks down food with acid and enzymes.",
         "Nitrogen is the gas that makes up most of the air.",
         "Oxygen makes up about one part in five of the air.",
         "We breathe in oxygen, and we breathe out carbon dioxide.",
         "A solid is the state of matter that keeps its own shape and its own volume.",
         "A gas spreads out to fill any container.",
         "A herbivore is an animal that eats only plants.",
         "A carnivore is an animal that eats other animals.",
         "An omnivore is an animal that eats both plants and animals.",
         "A lever is a bar that turns about a fixed point called the fulcrum."]
KINDS = {"organ": ["the heart", "the lungs", "the brain", "the stomach", "the kidneys"],
         "gas": ["nitrogen", "oxygen", "carbon dioxide", "helium"],
         "state": ["a solid", "a liquid", "a gas"],
         "eater": ["a herbivore", "a carnivore", "an omnivore", "a producer"],
         "machine": ["a lever", "a pulley", "a wedge"]}


def test_every_member_is_swept_and_only_the_stated_one_is_confirmed():
    for question, kind, answer in [("Which organ pumps blood around the body?", "organ", "the heart"),
                                   ("Which organ controls the body and lets us think?", "organ", "the brain"),
                                   ("Which gas makes up most of the air?", "gas", "nitrogen"),
                                   ("What gas do we breathe out?", "gas", "carbon dioxide"),
                                   ("Which state of matter keeps its own shape?", "state", "a solid"),
                                   ("What do we call an animal that eats both plants and animals?", "eater",
                                    "an omnivore"),
                                   ("What do we call an animal that eats other animals?", "eater", "a carnivore"),
                                   ("Which simple machine is a bar that turns about a fulcrum?", "machine", "a lever")]:
        said = [m for m in KINDS[kind] if claim_move(m, question, FACTS, None).verdict == "supported"]
        assert said == [answer], (question, said)


def test_a_wrong_member_is_asked_about_the_job_a_fact_gives_it():
    pump = claim_move("the lungs", "Which organ pumps blood around the body?", FACTS, None).text
    right = claim_move("the lungs", "Which organs take oxygen from the air?", FACTS, None).text
    # session 20: a right name goes on to its next link, not "What do you know about the lungs that makes them ...?"
    assert right == "Yes: the lungs. What would happen to the body if the lungs stopped working?", right
    assert pump == "What do the lungs do with oxygen? Do the lungs pump blood around the body?", pump
    think = claim_move("the stomach", "Which organ controls the body and lets us think?", FACTS, None).text
    assert think == "What does the stomach do with food? Does the stomach control the body and let us think?", think
    assert what_it_does("Mars", ["Mars is called the red planet."]) is None  # what it is called, not what it does
    same = named_check(named_question("Which organ takes oxygen into the blood?"), "the lungs", ("take", "oxygen"))
    assert same.startswith("What do you know about the lungs?"), same  # its own job is the one asked: no contrast
    moving = named_check(named_question("What form of energy does a moving bike have?"), "heat", ("flows", "the"))
    assert moving.startswith("What do you know about heat?"), moving  # "that a moving bike has": a subject of its own
    assert [bare_verb(v) for v in "pumps catches carries lets passes has".split()] == \
        ["pump", "catch", "carry", "let", "pass", "have"]


def test_naming_questions_read_two_word_kinds_and_pairs():
    assert named_question("Which simple machine is a ramp?").description == "the simple machine that is a ramp"
    assert named_question("Which state of matter keeps its own shape?").noun == "state of matter"
    assert named_question("Which organ pumps blood?").noun == "organ"  # "pumps" is the verb, not a noun
    assert named_question("Which animals lay eggs?").noun == "animals"
    assert fact_clauses("An omnivore eats both plants and animals, and it hunts.") == \
        ["An omnivore eats both plants and animals", " ", " it hunts."]
    assert ranked_apart("Oxygen makes up about one part in five of the air", "oxygen", "Which gas makes up most of it?")
    assert ranked_apart("A herbivore eats only plants", "a herbivore", "What eats plants and animals?")
    assert not ranked_apart("Nitrogen makes up most of the air", "nitrogen", "Which gas makes up most of the air?")
