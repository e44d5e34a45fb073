# The grounded-move experiment (README "Grounded moves"), on top of configs/sft_tutor.py:
#   .venv/bin/python tutor_moves.py && .venv/bin/python sft.py configs/sft_tutor.py configs/sft_tutor_grounded.py
# ~725 examples after decontamination, about half an epoch in 100 steps: ~40% grounded moves (the tutor's own prompt
# to word a planner step, a passage sentence or a retrieved fact, with a reply that passed its checks), ~45% tool
# calls at their usual counts, the other dialogue sources halved. The grounded examples are longer (their system turn
# carries the move, a reading message the passage): 100 steps and the final callback were 17.4 min under load from
# other jobs. The base callback is off: it scores the untouched SmolLM2, whose numbers (README) cannot change.
run_name = "tutor-grounded"
n_grounded = 300
n_mathdial = 20
n_cima = 15
n_gsm8k = 20
n_pushback = 40
n_general = 20
authored_repeat = 1
max_steps = 100
eval_base = False
