# EleutherAI/pythia-1b (config.json): GPT-NeoX, LayerNorm, GELU, rotary on 25% of each head, parallel residual,
# biases everywhere, untied. Published (Pythia paper, table 1): 1,011,781,632 parameters.
family = "gpt_neox"
vocab_size = 50304
dim = 2048
n_layers = 16
n_heads = 8
ffn_dim = 8192
max_seq_len = 2048
norm = "layernorm"
norm_eps = 1e-5
mlp = "gelu"
rope_theta = 10000.0
rotary_pct = 0.25
qkv_bias = True
out_bias = True
mlp_bias = True
parallel_residual = True
tie_embeddings = False
