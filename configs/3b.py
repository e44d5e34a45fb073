# meta-llama/Llama-3.2-3B (config.json): GQA 24/8, tied embeddings, Llama-3 rope scaling. Published: 3.21B parameters.
family = "llama"
vocab_size = 128256
dim = 3072
n_layers = 28
n_heads = 24
n_kv_heads = 8
head_dim = 128
ffn_dim = 8192
max_seq_len = 131072
norm_eps = 1e-5
rope_theta = 500000.0
rope_scaling = {"rope_type": "llama3", "factor": 32.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                "original_max_position_embeddings": 8192}
tie_embeddings = True
