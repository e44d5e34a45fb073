# QLoRA overrides for make tutor: the same adapter over a frozen NF4 base (blocks of 64, double-quantised scales).
# Apply on top of the tutor config:  .venv/bin/python sft.py configs/sft_tutor.py configs/sft_tutor_qlora.py
run_name = "tutor-qlora"
qlora = True
nf4_block = 64
double_quant = True
