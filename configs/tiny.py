# About 10M parameters: small enough to train on a laptop CPU in minutes, with our 8192-token tokenizer.
family = "llama"
vocab_size = 8192
dim = 256
n_layers = 8
n_heads = 8
n_kv_heads = 4
ffn_dim = 1024
max_seq_len = 1024
rope_theta = 10000.0
tie_embeddings = True
