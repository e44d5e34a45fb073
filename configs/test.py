# The test-suite model: about 1M parameters, paired with our trained 2048-token byte-level BPE tokenizer.
# SmolLM2's shape in miniature (GQA, SwiGLU, RMSNorm, tied embeddings) so tests exercise the real code paths.
family = "llama"
vocab_size = 2048
dim = 128
n_layers = 4
n_heads = 4
n_kv_heads = 2
ffn_dim = 384
max_seq_len = 512
rope_theta = 10000.0
tie_embeddings = True
