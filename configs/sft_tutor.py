# make tutor: fp32 LoRA on SmolLM2-135M-Instruct, sized for this 2-core CPU in under 30 minutes.
# Rank 8 on attention q/v/o and the MLP down projection of the top 12 of 30 layers: ~0.5M trainable parameters,
# a ~2 MB adapter, and backward stops at layer 18, so a step (batch 4 x up to 512 tokens) takes ~3-4 s on an idle
# CPU: 220 steps are ~14 min, the base and final callbacks ~2 min each.
base = "smollm2"
run_name = "tutor"
lora_rank = 8
lora_alpha = 16.0
lora_dropout = 0.05
lora_targets = ["wq", "wv", "wo", "w2"]
lora_top_layers = 12
# ~680 examples after decontamination, about 1.3 epochs: half tutoring dialogues (all ending in a question), half
# tool calls (BFCL and our tools, whose syntax is the one thing a small model cannot guess), plus a general slice
# under the base prompt.
# Grounded moves (tutor_moves.py, `make out/sft/grounded.jsonl`) are off here: a 100-step run with 300 of them
# (configs/sft_tutor_grounded.py, README "Grounded moves") lost tool validity (88% -> 52%) and the question rate
# (90% -> 31%), and on the dev set's tune split its drafts did not beat the templates, so this adapter stays.
n_grounded = 0
n_mathdial = 40
n_cima = 30
n_gsm8k = 80
n_pushback = 80
n_bfcl = 200  # BFCL calls
n_bfcl_decline = 10  # and only a few of its declines: with a third of them declines, the model declined real calls
n_tools = 240
n_general = 40
n_textbook = 20
authored_repeat = 3
batch_size = 4
seq_len = 512
max_steps = 220
lr = 1e-3
min_lr_ratio = 0.1
warmup_steps = 10
weight_decay = 0.0
grad_clip = 1.0
save_every = 50
keep_last = 1
eval_every = 0  # the callback runs at step 0 (base) and at the end (tuned), on the report caps below
report_prompts = 48
report_tool_items = 40
eval_loss_items = 16
eval_max_new_tokens = 80
eval_tool_tokens = 160
init_from = "auto"
