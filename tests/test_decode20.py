"""The one-row decode step's layers as one TorchScript call (quantize.scripted_layers): the same numbers as the plain
Python function, a clean fallback where scripting fails, and SmolLM2's int4 greedy tokens still equal fp32's."""
import copy

import pytest
import torch

import model as M
import quantize as Q
from bench.decode import TEXT


def random_model(**overrides) -> M.Transformer:
    torch.manual_seed(3)
    model = M.Transformer(M.load_config("test", **overrides)).eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(1 + 0.1 * torch.randn_like(p) if "norm" in name else 0.08 * torch.randn_like(p))
    return model


def decode_hidden(model: M.Transformer, prompt: list[int], tokens: list[int]) -> torch.Tensor:
    """The one-row step's hidden states for `tokens` after a prefill of `prompt`, stacked."""
    cache = model.new_cache(1, 32)
    with torch.inference_mode():
        model.hidden(torch.tensor([prompt]), cache=cache)
        return torch.cat([model.hidden(torch.tensor([[t]]), cache=cache) for t in tokens])


@pytest.mark.parametrize("quantize,overrides", [(Q.quantize_int4, {}), (Q.quantize_int8, {}),
                                                (Q.quantize_int4, {"qkv_bias": True, "sliding_window": 3})])
def test_scripted_layers_equal_the_python_function_bit_for_bit(quantize, overrides, monkeypatch):
    fast = quantize(random_model(**overrides))
    assert isinstance(Q.scripted_layers(), torch.jit.ScriptFunction)  # the step really runs as TorchScript
    prompt, tokens = [7, 40, 3, 250, 12, 9], [31, 2, 600, 45, 8, 77]
    scripted = decode_hidden(fast, prompt, tokens)
    monkeypatch.setattr(Q, "scripted_layers", lambda: Q.one_row_layers)
    assert torch.equal(scripted, decode_hidden(fast, prompt, tokens))
    modules = copy.deepcopy(fast)  # a model with a OneRowDecoder still deep-copies
    modules.one_row = None
    assert (scripted - decode_hidden(modules, prompt, tokens)).abs().max().item() < 1e-5


def test_a_torch_without_torchscript_falls_back_with_one_line(monkeypatch, capsys):
    def no_script(fn):
        raise RuntimeError("TorchScript is not built in")

    monkeypatch.setattr(torch.jit, "script", no_script)
    assert Q.scripted_layers.__wrapped__() is Q.one_row_layers
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "TorchScript unavailable" in err and "RuntimeError" in err


@pytest.mark.slow
def test_smollm2_int4_keeps_fp32s_greedy_tokens_on_the_bench_prompt(smollm2):
    # bench.decode's 128-token prompt, whose table says int4 keeps all 128 greedy tokens of fp32 (on other prompts the
    # 4-bit weights can part from fp32 after a few tokens, with or without TorchScript: the step's numbers are the same)
    model, tok = smollm2
    prompt = (tok.encode(TEXT) * 7)[:128]
    fast = Q.quantize_int4(copy.deepcopy(model))
    assert fast.one_row is not None
    assert fast.generate([prompt], 128) == model.generate([prompt], 128)
