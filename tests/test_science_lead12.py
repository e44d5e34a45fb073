"""The animal card answers "what is the <animal>?" in a food chain (lead, round 12): a wrong "producer" was told it
"is part of the story" by the food-chain energy card, and a right "consumer" was only tested."""
import lesson


def test_an_animal_in_a_food_chain_is_asked_as_producer_or_consumer():
    chain = lesson.Lesson(problem="In the food chain clover -> deer -> wolf, what is the deer?")
    assert lesson.grounded_move(chain, "science", "a producer", lesson.Facts([])).verdict == "flag"
    assert lesson.grounded_move(chain, "science", "a consumer", lesson.Facts([])).verdict == "confirm"
