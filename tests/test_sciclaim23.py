"""Session 19 (sciclaim23): a student's multiple-choice pick is read with its reason ("C bc ..."), choices typed with
bare letters are read as choices, a fact's clause that names one choice beside what is asked decides the pick, a
right pick is confirmed (its reason called right only where a fact backs it, questioned where one contradicts it), a
wrong pick meets what the textbook says of it, and a denial said of somewhere a fact never names is not
contradicted by that fact."""
from evidence import conflicts
from lesson import Facts, split_problem
from science_choices import choice_move, named_choice, pick_reason, read_pick
from student_message import lettered

PLANETS = ["Venus", "Mercury", "Mars", "Jupiter"]
FACTS = Facts(["Mercury is the smallest planet and the one nearest the Sun, so a year there lasts 88 days.",
               "Jupiter is a gas giant, the largest planet, with a storm bigger than the Earth.",
               "Venus has a thick cloudy atmosphere that traps heat, so it is the hottest planet.",
               "Mars looks red because its soil holds iron oxide, the same as rust."])
STATES = Facts(["Steam is water as a gas, while frost is water as a solid.",
                "Gases spread out to fill any container, whereas a solid keeps its own shape.",
                "A liquid flows and fills the bottom of whatever holds it."])


def test_a_lettered_pick_is_read_with_its_reason():
    choices = ["a sponge", "a copper wire", "a glass rod", "a rubber band"]
    assert read_pick("B bc metals let electrons move", choices) == (1, "metals let electrons move")
    assert read_pick("i think its D, because it stretches", choices) == (3, "it stretches")
    assert read_pick("I still think D bc it stretches", choices) == (3, "it stretches")
    assert read_pick("C glass rod cuz its shiny", choices) == (2, "its shiny")
    assert read_pick("b", choices) == (1, "")
    assert read_pick("a metal spoon conducts too", choices) == (None, "")   # the article, no pick
    assert read_pick("A) sponge B) copper wire C) glass rod", choices) == (None, "")   # the choices said again
    assert pick_reason("copper wire, it is a metal", choices, 1) == "it is a metal"
    assert pick_reason("i think copper wire", choices, 1) == ""


def test_choices_typed_with_bare_letters_are_choices():
    message = "which planet is nearest the sun A Venus B Mercury C Mars D Jupiter. B bc its small"
    assert lettered(message).startswith("which planet is nearest the sun A) Venus B) Mercury C) Mars D) Jupiter.")
    problem, work = split_problem(message)
    assert problem.endswith("D) Jupiter") and work == "B bc its small"
    for prose in ("Walk from A to B and then to C. How far is it?", "A dog and a cat. B is bigger"):
        assert lettered(prose) == prose


def test_a_facts_clause_naming_one_choice_decides_the_pick():
    assert named_choice("Which planet is nearest the Sun?", PLANETS, FACTS)[0] == 1
    assert named_choice("Which of these keeps its own shape?", ["gas", "liquid", "solid"], STATES)[0] == 2
    # a fact that names two of the choices in one clause decides nothing
    both = Facts(["Venus and Mars are both rocky planets near the Sun."])
    assert named_choice("Which planet is rocky?", PLANETS, both) is None


def test_a_right_pick_is_confirmed_and_an_unbacked_reason_is_not_called_right():
    move = choice_move("Which planet is nearest the Sun?", PLANETS, 1, FACTS, "its the smallest")
    assert move.verdict == "supported" and move.text.startswith('Yes: B, "Mercury", is right')
    unbacked = choice_move("Which planet is nearest the Sun?", PLANETS, 1, FACTS, "it spins the fastest")
    assert unbacked.verdict == "supported" and "your reason" not in unbacked.text


def test_a_wrong_pick_is_never_confirmed_and_the_answer_is_not_given():
    for picked in (0, 2, 3):
        move = choice_move("Which planet is nearest the Sun?", PLANETS, picked, FACTS)
        assert move.verdict == "contradicted" and "Yes" not in move.text
        assert "Mercury" not in move.text and not any("Mercury" in fact for fact in move.evidence)


def test_a_denial_somewhere_the_fact_never_names_is_not_contradicted():
    fact = "Light travels through air and glass, and it slows down in water."
    assert not conflicts("light can not travel through a brick wall", fact)
    assert conflicts("light can not travel through glass", fact)


def test_a_fact_about_the_whole_never_decides_which_part():
    cells = Facts(["Animals are made of many cells with a membrane round each, and they take in food."])
    assert named_choice("which part of an animal cell controls it", ["nucleus", "membrane", "cytoplasm"], cells) is None


def test_a_fact_that_rules_out_a_pick_but_names_another_choice_is_not_shown():
    atoms = Facts(["Protons do not have a negative charge; electrons do.",
                   "Protons sit in the nucleus with the neutrons."])
    move = choice_move("Which particle has a negative charge?", ["proton", "neutron", "electron"], 0, atoms)
    assert "electron" not in move.text.lower() and not any("electron" in e for e in move.evidence)
