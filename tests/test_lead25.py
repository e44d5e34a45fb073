"""Session 21, the lead's mends after the merges: a restriction word in a science claim keeps it from being
confirmed as the card's idea ("the wax just melts"), and "as well as" is no reason given."""
from claim_relations import own_objects
from science_moves import RESTRICTED
from science_support import GIVEN_REASON


def test_a_claim_that_says_no_more_than_one_thing_happens_is_restricted():
    assert RESTRICTED.search("the snow just disappears into the ground")
    assert RESTRICTED.search("only the water goes away")
    assert not RESTRICTED.search("the atoms are just rearranged into new molecules")


def test_as_well_as_is_no_reason_but_as_is():
    assert GIVEN_REASON.match("a vector has a direction as well as a size") is None
    assert GIVEN_REASON.match("it floats as it is less dense than water").group("reason") == "it is less dense than water"


def test_a_filter_named_by_what_it_is_used_for_is_not_swapped_for_the_problems_substance():
    said = own_objects("Pour muddy water through a coffee paper. What stays in the paper?", "how do i get salt out of sea water")
    assert "coffee paper" in said
    assert own_objects("After the sugar has vanished, taste it.", "where does the salt go") == \
        "After the salt has vanished, taste it."
