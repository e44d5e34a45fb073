# Qwen/Qwen2.5-7B (config.json): GQA 28/4, q/k/v biases, untied embeddings. Published: 7.61B parameters.
family = "qwen2"
vocab_size = 152064
dim = 3584
n_layers = 28
n_heads = 28
n_kv_heads = 4
ffn_dim = 18944
max_seq_len = 131072
norm_eps = 1e-6
rope_theta = 1000000.0
qkv_bias = True
tie_embeddings = False
