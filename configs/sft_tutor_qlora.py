# QLoRA variant of make tutor: the same adapter over a frozen NF4 base (blocks of 64, double-quantised scales).
exec(open("configs/sft_tutor.py").read())
run_name = "tutor-qlora"
qlora = True
nf4_block = 64
double_quant = True
