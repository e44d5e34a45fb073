# HuggingFaceTB/SmolLM2-135M(-Instruct): Llama architecture, GQA 9/3 heads, tied embeddings (134.5M parameters).
family = "llama"
vocab_size = 49152
dim = 576
n_layers = 30
n_heads = 9
n_kv_heads = 3
ffn_dim = 1536
max_seq_len = 8192
norm_eps = 1e-5
rope_theta = 100000.0
tie_embeddings = True
