# make tutor: fp32 LoRA on SmolLM2-135M-Instruct, sized for a shared 2-core CPU in under 30 minutes.
# Rank 8 on attention q/v/o and the MLP down projection of the top 12 of 30 layers: ~0.5M trainable parameters,
# a ~2 MB adapter, and backward stops at layer 18, so a step costs little more than a forward.
base = "smollm2"
run_name = "tutor"
lora_rank = 8
lora_alpha = 16.0
lora_dropout = 0.05
lora_targets = ["wq", "wv", "wo", "w2"]
lora_top_layers = 12
# ~190 examples of which 120 are seen (30 steps of 4): the behaviour (ask, don't tell; emit a tool call) is learnt
# fast, and the 2 cores are shared, so the run is kept short.
n_mathdial = 15
n_cima = 12
n_gsm8k = 35
n_pushback = 40
n_bfcl = 20
n_tools = 48
n_general = 12
n_textbook = 20
authored_repeat = 2
batch_size = 4
seq_len = 384
max_steps = 30
lr = 1.5e-3
min_lr_ratio = 0.1
warmup_steps = 3
weight_decay = 0.0
grad_clip = 1.0
save_every = 10
keep_last = 1
eval_every = 0  # the callback runs at step 0 (base) and at the end (tuned)
eval_prompts = 12
eval_tool_items = 6
eval_loss_items = 8
eval_max_new_tokens = 40
init_from = "auto"
