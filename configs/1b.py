# meta-llama/Llama-3.2-1B (config.json): GQA 32/8, tied embeddings, Llama-3 rope scaling. Published: 1.24B parameters.
family = "llama"
vocab_size = 128256
dim = 2048
n_layers = 16
n_heads = 32
n_kv_heads = 8
head_dim = 64
ffn_dim = 8192
max_seq_len = 131072
norm_eps = 1e-5
rope_theta = 500000.0
rope_scaling = {"rope_type": "llama3", "factor": 32.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                "original_max_position_embeddings": 8192}
tie_embeddings = True
