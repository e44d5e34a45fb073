# mistralai/Mistral-7B-v0.1 (config.json): GQA 32/8, 4096-token sliding window, untied. Published: 7.24B parameters.
family = "mistral"
vocab_size = 32000
dim = 4096
n_layers = 32
n_heads = 32
n_kv_heads = 8
ffn_dim = 14336
max_seq_len = 32768
norm_eps = 1e-5
rope_theta = 10000.0
sliding_window = 4096
tie_embeddings = False
