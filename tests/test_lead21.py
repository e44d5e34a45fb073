"""Session 17 lead: a decimal point put in the wrong place is named by the claim's own shape (claim_slips.py)."""
import agent
from arithmetic_claims import claims
from claim_slips import point_slip, wrong_claim_words


def only(text: str):
    (claim,) = claims(text)
    return claim


def test_a_product_off_by_a_power_of_ten_asks_the_place_rule():
    lead, question = point_slip(only("0.6 × 0.7 = 4.2"))
    assert "decimal point" in lead and "0.6 and 0.7" in question and "0.42" not in lead + question


def test_a_quotient_off_by_a_power_of_ten_is_multiplied_back():
    lead, question = point_slip(only("4.8 ÷ 0.6 = 0.8"))
    assert question == "Multiply back: what is 0.8 × 0.6? Is it 4.8?"


def test_other_wrong_claims_are_not_point_slips():
    assert point_slip(only("0.4 × 0.3 = 0.13")) is None          # not a power of ten away
    assert point_slip(only("4 × 30 = 12")) is None               # no decimal written
    assert point_slip(only("0.5 + 0.25 = 7.5")) is None          # a sum: places line up, no product rule
    assert point_slip(only("0.4 × 0.3 = 0.12")) is None          # right
    assert wrong_claim_words(only("2/5 + 1/2 = 3/7"))[0].startswith("Check 2/5 + 1/2 again")


def test_the_tutor_flags_the_point_and_keeps_the_answer():
    tutor = agent.Tutor(lambda *a, **k: iter([""]))
    events = list(tutor.respond("s", "what is 2.5 x 0.3? i got 7.5", subject="math"))
    final = events[-1]
    assert final["verdict"] == "flag" and "decimal places" in final["text"] and "0.75" not in final["text"]
