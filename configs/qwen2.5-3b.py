# Qwen/Qwen2.5-3B (config.json): GQA 16/2, q/k/v biases, tied embeddings. Published: 3.09B parameters.
family = "qwen2"
vocab_size = 151936
dim = 2048
n_layers = 36
n_heads = 16
n_kv_heads = 2
ffn_dim = 11008
max_seq_len = 32768
norm_eps = 1e-6
rope_theta = 1000000.0
qkv_bias = True
tie_embeddings = True
