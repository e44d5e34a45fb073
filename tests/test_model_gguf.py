"""The hand-written GGUF reader: dequantisation against the `gguf` package, a tiny llama GGUF written the way
llama.cpp's converter writes it (q/k permuted) against transformers, clear errors for bad files, and the real
SmolLM2-135M-Instruct GGUF against transformers loading the same file."""

import gguf
import numpy as np
import pytest
import torch
import transformers
from safetensors.torch import load_file, save_file

import common
import model as M
import weights as W
from common import smollm2_gguf
from tokenizer import render_chat

QUANTS = ["F32", "F16", "BF16", "Q8_0", "Q4_0", "Q4_1"]


@pytest.mark.parametrize("kind", QUANTS)
def test_dequantize_matches_gguf_package(kind):
    x = np.random.default_rng(0).standard_normal((8, 96)).astype(np.float32)
    qtype = getattr(gguf.GGMLQuantizationType, kind)
    raw = np.ascontiguousarray(gguf.quants.quantize(x, qtype)).view(np.uint8).reshape(-1)
    ours = W.dequantize(raw, kind).reshape(8, 96)
    ref = gguf.quants.dequantize(gguf.quants.quantize(x, qtype), qtype).astype(np.float32)
    assert np.array_equal(ours.numpy(), ref.reshape(8, 96))


def llama_cpp_permute(w: np.ndarray, n_head: int) -> np.ndarray:
    """convert_hf_to_gguf.py's permutation (the reference for what our loader must undo)."""
    return w.reshape(n_head, 2, w.shape[0] // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


GGUF_OF_HF = {"self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k", "self_attn.v_proj": "attn_v",
              "self_attn.o_proj": "attn_output", "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up",
              "mlp.down_proj": "ffn_down", "input_layernorm": "attn_norm", "post_attention_layernorm": "ffn_norm"}


def write_tiny_gguf(path, hf, skip=(), quant_type=None):
    """A llama GGUF from a transformers model; `quant_type` stores ffn_up with that (raw) ggml type."""
    c = hf.config
    w = gguf.GGUFWriter(str(path), "llama")
    w.add_block_count(c.num_hidden_layers)
    w.add_context_length(c.max_position_embeddings)
    w.add_embedding_length(c.hidden_size)
    w.add_feed_forward_length(c.intermediate_size)
    w.add_head_count(c.num_attention_heads)
    w.add_head_count_kv(c.num_key_value_heads)
    w.add_layer_norm_rms_eps(c.rms_norm_eps)
    w.add_rope_freq_base(c.rope_parameters["rope_theta"])
    w.add_vocab_size(c.vocab_size)
    sd = {k: v.numpy() for k, v in hf.state_dict().items()}
    tensors = {"token_embd.weight": sd["model.embed_tokens.weight"], "output_norm.weight": sd["model.norm.weight"],
               "output.weight": sd["lm_head.weight"]}
    for i in range(c.num_hidden_layers):
        for theirs, ours in GGUF_OF_HF.items():
            t = sd[f"model.layers.{i}.{theirs}.weight"]
            if ours == "attn_q":
                t = llama_cpp_permute(t, c.num_attention_heads)
            if ours == "attn_k":
                t = llama_cpp_permute(t, c.num_key_value_heads)
            tensors[f"blk.{i}.{ours}.weight"] = t
    for name, t in tensors.items():
        if name in skip:
            continue
        if quant_type is not None and name.endswith("ffn_up.weight"):
            w.add_tensor(name, gguf.quants.quantize(t, quant_type), raw_dtype=quant_type)
        else:
            w.add_tensor(name, np.ascontiguousarray(t))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return path


@pytest.fixture(scope="module")
def tiny_hf():
    torch.manual_seed(0)
    cfg = transformers.LlamaConfig(vocab_size=128, hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
                                   num_key_value_heads=2, intermediate_size=96, max_position_embeddings=64)
    hf = transformers.AutoModelForCausalLM.from_config(cfg, attn_implementation="eager").eval()
    with torch.no_grad():
        for p in hf.parameters():
            p.normal_(0, 0.1)
    return hf


def test_tiny_gguf_undoes_llama_cpp_permutation(tiny_hf, tmp_path):
    path = write_tiny_gguf(tmp_path / "tiny.gguf", tiny_hf)
    ours = M.load_gguf(path, cache=False)
    idx = torch.randint(0, 128, (2, 16), generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        assert (ours(idx)[0] - tiny_hf(idx).logits).abs().max().item() <= 1e-4


def test_missing_tensor_is_named(tiny_hf, tmp_path):
    path = write_tiny_gguf(tmp_path / "missing.gguf", tiny_hf, skip={"blk.1.ffn_up.weight"})
    with pytest.raises(W.GGUFError, match="missing tensor 'blk.1.ffn_up.weight'"):
        M.load_gguf(path, cache=False)


def test_unsupported_quant_type_is_named(tiny_hf, tmp_path):
    path = write_tiny_gguf(tmp_path / "q5.gguf", tiny_hf, quant_type=gguf.GGMLQuantizationType.Q5_0)
    with pytest.raises(W.GGUFError, match="'blk.0.ffn_up.weight' has unsupported type Q5_0"):
        M.load_gguf(path, cache=False)


def test_truncated_files_name_what_was_cut(tiny_hf, tmp_path):
    path = write_tiny_gguf(tmp_path / "full.gguf", tiny_hf)
    data = path.read_bytes()
    (tmp_path / "tail.gguf").write_bytes(data[:-100])
    with pytest.raises(W.GGUFError, match="truncated file: tensor '"):
        M.load_gguf(tmp_path / "tail.gguf", cache=False)
    (tmp_path / "head.gguf").write_bytes(data[:200])
    with pytest.raises(W.GGUFError, match="truncated file while reading"):
        M.load_gguf(tmp_path / "head.gguf", cache=False)
    (tmp_path / "bad.gguf").write_bytes(b"GGML" + data[4:])
    with pytest.raises(W.GGUFError, match="bad magic"):
        M.load_gguf(tmp_path / "bad.gguf", cache=False)


def test_shape_mismatch_is_named(tiny_hf, tmp_path):
    tiny_hf.save_pretrained(tmp_path)
    sd = load_file(tmp_path / "model.safetensors")
    sd["model.layers.1.mlp.up_proj.weight"] = torch.zeros(95, 64)
    save_file(sd, tmp_path / "model.safetensors", metadata={"format": "pt"})
    with pytest.raises(ValueError, match=r"'layers.1.feed_forward.w3.weight' has shape \(95, 64\), expected \(96, 64\)"):
        M.load(tmp_path)


# ----------------------------------------------------------------------------- the real SmolLM2 GGUF

@pytest.fixture(scope="module")
def hf_smollm2():
    """transformers' own GGUF loader on the same file (~30 s on 2 cores: once per module)."""
    path = smollm2_gguf()
    return transformers.AutoModelForCausalLM.from_pretrained(path.parent, gguf_file=path.name, dtype=torch.float32).eval()


CHATS = ["What is 7 times 8?", "Why is the sky blue?", "Give me one word that rhymes with cat."]


@pytest.mark.slow
def test_smollm2_logits_and_greedy_match_transformers(smollm2, hf_smollm2):
    ours, tok = smollm2
    prompts = [render_chat(tok, [{"role": "user", "content": c}], add_generation_prompt=True)[0] for c in CHATS]
    with torch.no_grad():
        idx = torch.tensor([prompts[0]])
        assert (ours(idx)[0] - hf_smollm2(idx).logits).abs().max().item() <= 1e-3
    got = ours.generate(prompts, 16)
    for prompt, mine in zip(prompts, got):
        ref = hf_smollm2.generate(torch.tensor([prompt]), max_new_tokens=16, min_new_tokens=16, do_sample=False)
        assert mine == ref[0, len(prompt):].tolist()
    assert tok.decode(got[0]).strip()  # a real reply, not empty


def test_smollm2_shape_is_configs_smollm2(smollm2):
    ours, _ = smollm2
    assert ours.config.dim == M.load_config("smollm2-135m").dim and ours.num_params() == 134_515_008


def test_dequantised_copy_is_cached_and_reused(tiny_hf, tmp_path, monkeypatch):
    monkeypatch.setattr(common, "OUT", tmp_path / "out")
    path = write_tiny_gguf(tmp_path / "cached.gguf", tiny_hf, quant_type=gguf.GGMLQuantizationType.Q8_0)
    first = M.load_gguf(path)
    cached = list((tmp_path / "out" / "cache").glob("cached-*.safetensors"))
    assert len(cached) == 1
    second = M.load_gguf(path)
    idx = torch.randint(0, 128, (1, 8), generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        assert torch.equal(first(idx)[0], second(idx)[0])
    blob = load_file(cached[0])
    blob["norm.weight"] = blob["norm.weight"] * 0  # prove the second load read the cache, not the GGUF
    save_file(blob, cached[0])
    with torch.no_grad():
        assert not torch.equal(M.load_gguf(path)(idx)[0], first(idx)[0])


@pytest.mark.slow
def test_smollm2_export_loads_in_transformers_and_back(smollm2, tmp_path):
    ours, tok = smollm2
    W.export_hf(ours, tok, tmp_path)
    hf = transformers.AutoModelForCausalLM.from_pretrained(tmp_path, dtype=torch.float32).eval()
    again, tok2 = M.load(tmp_path)
    ids = tok.encode("The water cycle moves water between the oceans, the air and the land.")
    assert tok2.encode("The water cycle moves water between the oceans, the air and the land.") == ids
    idx = torch.tensor([ids])
    with torch.no_grad():
        ref = ours(idx)[0]
        assert (hf(idx).logits - ref).abs().max().item() <= 1e-4
        assert torch.equal(again(idx)[0], ref)
