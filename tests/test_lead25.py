"""Session 21, the lead's mends after the merges: a restriction word in a science claim keeps it from being
confirmed as the card's idea ("the wax just melts"), and "as well as" is no reason given."""
from science_moves import RESTRICTED
from science_support import GIVEN_REASON


def test_a_claim_that_says_no_more_than_one_thing_happens_is_restricted():
    assert RESTRICTED.search("the snow just disappears into the ground")
    assert RESTRICTED.search("only the water goes away")
    assert not RESTRICTED.search("the atoms are just rearranged into new molecules")


def test_as_well_as_is_no_reason_but_as_is():
    assert GIVEN_REASON.match("a vector has a direction as well as a size") is None
    assert GIVEN_REASON.match("it floats as it is less dense than water").group("reason") == "it is less dense than water"
