"""Session 11 lead fixes: the leak guard reads an expression after "=" as an expression, not as its first number."""
import scorers


def test_expression_after_equals_states_no_value():
    # the answer's value opens the expression but the student's step sets 2x to the whole difference
    assert not scorers.leaks_answer("Right idea: 5x = 4 + 16. What is 4 + 16?", "x = 4", "Solve 5x - 16 = 4")
    assert not scorers.leaks_answer("You wrote y = 7 × 2 - 1. Which do you work out first?", "7",
                                    "Find y when y = 7 × 2 - 1 and x = 7")


def test_a_value_after_equals_still_leaks():
    assert scorers.leaks_answer("So 5x = 20 and x = 4.", "x = 4", "Solve 5x - 16 = 4")
    assert scorers.leaks_answer("Then 30 ÷ 6 = 5.", "5", "30 sweets shared by 6 children")
