"""Serving's quantised decode path (issue #25): a LoRA adapter stays an fp32 side path beside the packed weights, the
one-row step reads the engine's paged cache, and the tutor's replies under int4 against fp32."""
import copy

import pytest
import torch

import engine
import model as M
import quantize as Q
import weights
from common import ROOT
from sft import apply_lora, load_adapter, lora_modules, merge_lora
from tokenizer import render_chat
from wording import SYSTEM_PROMPT


def with_lora(seed: int = 5, targets: tuple[str, ...] = ("wq", "wv", "wo", "w2")) -> M.Transformer:
    """The test config with random weights and a random LoRA on `targets` (the tutor's: q, v, o, down) in layers 1
    and 3 (B is random too: a zero B, as training starts, would add nothing and hide a side path that is skipped)."""
    torch.manual_seed(seed)
    model = M.Transformer(M.load_config("test")).eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(1 + 0.1 * torch.randn_like(p) if "norm" in name else 0.08 * torch.randn_like(p))
    apply_lora(model, rank=4, alpha=8.0, dropout=0.0, targets=list(targets), layers=[1, 3])
    with torch.no_grad():
        for module in lora_modules(model).values():
            module.lora_B.copy_(0.05 * torch.randn_like(module.lora_B))
    return model.eval()


def hidden_steps(model: M.Transformer, prompt: list[int], tokens: list[int]) -> torch.Tensor:
    cache = model.new_cache(1, 32)
    with torch.inference_mode():
        model.hidden(torch.tensor([prompt]), cache=cache)
        return torch.cat([model.hidden(torch.tensor([[t]]), cache=cache) for t in tokens])


def counting_steps(monkeypatch) -> list[str]:
    """The one-row steps taken, by the kind of cache each read."""
    taken, step = [], Q.OneRowDecoder.step

    def counted(self, idx, cache, row):
        taken.append(type(cache).__name__)
        return step(self, idx, cache, row)

    monkeypatch.setattr(Q.OneRowDecoder, "step", counted)
    return taken


def test_the_one_row_step_carries_the_lora_side_path_as_the_modules_do():
    """The side path runs LoRALinear's own ops on the step's inputs, which agree with the modules' to fp32's last
    bits (not always bit for bit: the step's RoPE and grouped attention are its own), so a bf16 cast before a later
    packed matmul now and then rounds the other way: hidden states agree to ~1e-2, greedy tokens exactly."""
    fast = Q.quantize_int4(with_lora())
    assert fast.one_row is not None  # LoRALinear around a packed Linear no longer sends every step the module way
    assert isinstance(fast.layers[1].attention.wq.base, Q.Int4Linear)
    modules = copy.deepcopy(fast)
    modules.one_row = None
    prompt, tokens = [5, 9, 200, 33, 7], [3, 99, 1000, 4, 17, 18]
    got = hidden_steps(fast, prompt, tokens)
    assert (got - hidden_steps(modules, prompt, tokens)).abs().max().item() < 2e-2
    no_side = copy.deepcopy(fast)
    for layer in no_side.one_row.side_paths:
        layer[:] = [None] * len(layer)
    assert (got - hidden_steps(no_side, prompt, tokens)).abs().max().item() > 1e-2  # the adapter really counts
    assert fast.generate([[1, 2, 3]], 12) == modules.generate([[1, 2, 3]], 12)


def q4_exact(model: M.Transformer) -> M.Transformer:
    """Every Linear's weight made of Q4_1 blocks that Int4Linear packs without loss, as a GGUF's are: per group of 32,
    codes 0..15 (0 and 15 present) times a scale plus an offset, both exact in bf16."""
    g = torch.Generator().manual_seed(11)
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, torch.nn.Linear) and module.weight.shape[0] % 16 == 0:
                out, inp = module.weight.shape
                q = torch.randint(0, 16, (out, inp // 32, 32), generator=g).float()
                q[..., 0], q[..., 1] = 0, 15
                scale = torch.randint(1, 4, (out, inp // 32, 1), generator=g) / 256
                zero = torch.randint(-4, 5, (out, inp // 32, 1), generator=g) / 256
                module.weight.copy_(((q - 8) * scale + zero).view(out, inp))
    return model


def test_a_side_path_keeps_the_adapter_closer_to_fp32_than_packing_the_merged_weights():
    """Packing after a merge re-rounds every adapted weight to 4 bits; the side path packs the base's own 4-bit blocks
    unchanged and keeps the adapter fp32, so its logits stay nearer the float model's (bf16 matmul inputs are then
    its only difference)."""
    model = q4_exact(with_lora())  # the Linears under the LoRALinears too
    merged = merge_lora(copy.deepcopy(model))
    side = Q.quantize_int4(copy.deepcopy(model))
    repacked = Q.quantize_int4(merge_lora(copy.deepcopy(model)))
    idx = torch.tensor([[4, 80, 12, 600, 31, 7, 2, 9]])
    with torch.inference_mode():
        want = merged(idx)[0]
        side_error, repacked_error = ((m(idx)[0] - want).abs().max().item() for m in (side, repacked))
    assert side_error < 0.5 * repacked_error


@pytest.mark.parametrize("kv", [engine.KVConfig(block_size=4), engine.KVConfig(block_size=4, dtype="bfloat16"),
                                engine.KVConfig(cache="contiguous")], ids=["paged", "paged-bf16", "contiguous"])
def test_the_engine_decodes_a_lone_row_with_the_one_row_step_and_batches_with_the_modules(kv, monkeypatch):
    fast = Q.quantize_int4(with_lora())
    modules = copy.deepcopy(fast)
    modules.one_row = None
    prompts = [[7, 8, 9, 10, 11, 12, 13, 20, 3], [7, 8, 9, 10, 11, 12, 13, 44], [99, 98, 97]]

    def one_by_one(model: M.Transformer) -> list[list[int]]:
        eng = engine.Engine(model, max_batch=1, max_context=64, kv=kv)
        try:
            return [list(eng.submit(p, engine.Sampling(14), 7).tokens()) for p in prompts]
        finally:
            eng.stop()

    alone = one_by_one(modules)
    taken = counting_steps(monkeypatch)
    assert one_by_one(fast) == alone
    cache = "RowCache" if kv.cache == "contiguous" else "PagedKVCache"
    assert taken.count(cache) >= 3 * 13  # every decode step of a lone row (the first token comes from the prefill)
    taken.clear()
    eng = engine.Engine(fast, max_batch=3, max_context=64, kv=kv)
    try:
        reqs = [eng.submit(p, engine.Sampling(n), 7) for p, n in zip(prompts, (14, 6, 10))]
        together = [list(r.tokens()) for r in reqs]
    finally:
        eng.stop()
    assert together == [a[:n] for a, n in zip(alone, (14, 6, 10))]  # three rows batched, then fewer, then one
    assert 0 < len(taken) < 14  # the last row alone took the fast step; the batched steps did not


def test_a_sliding_window_reads_only_its_slots_of_the_paged_pool():
    torch.manual_seed(2)
    model = M.Transformer(M.load_config("test", sliding_window=5)).eval()
    fast = Q.quantize_int4(model)
    prompt = [3, 14, 15, 92, 65, 35, 89]
    eng = engine.Engine(fast, max_batch=1, max_context=64, kv=engine.KVConfig(block_size=4))
    try:
        got = list(eng.submit(prompt, engine.Sampling(12)).tokens())
    finally:
        eng.stop()
    modules = copy.deepcopy(fast)
    modules.one_row = None
    assert got == modules.generate([prompt], 12)[0]


# ----------------------------------------------------------------------------- the real tutor (SmolLM2 + adapters/tutor)

TUTOR_TURNS = [  # (subject, problem, the student's message): typed as students type, written for this test
    ("math", "A bus has 48 seats and 5 rows are empty. Each row has 4 seats. How many seats are taken?",
     "so 5 times 4 is 20 empty right"),
    ("science", "Why does a metal spoon feel colder than a wooden one?", "bc metal is colder duh"),
    ("reading", "What does the girl feel when the kite breaks?", "shes mad i think? or sad idk"),
    ("math", "Sam reads 12 pages a day. How many days for a 90 page book?", "i got 7.5 so 8 days"),
]


def tutor_prompts(tok) -> list[list[int]]:
    prompts = []
    for subject, problem, message in TUTOR_TURNS:
        system = f"{SYSTEM_PROMPT.format(subject=subject)}\nThis turn: ask about the student's step.\nThe problem: {problem}"
        messages = [{"role": "system", "content": system}, {"role": "user", "content": message}]
        prompts.append(render_chat(tok, messages, None, add_generation_prompt=True)[0])
    return prompts


@pytest.fixture
def ckpt_dir(tmp_path, small_tokenizer):
    """A release directory of the test config (float weights)."""
    weights.export_hf(M.Transformer(M.load_config("test")), small_tokenizer, tmp_path / "release")
    return tmp_path / "release"


@pytest.fixture(scope="module")
def tutor(smollm2):
    model, tok = smollm2
    fp32 = merge_lora(load_adapter(copy.deepcopy(model), ROOT / "adapters" / "tutor"))
    int4 = Q.quantize_int4(load_adapter(copy.deepcopy(model), ROOT / "adapters" / "tutor"))
    return fp32, int4, tok


@pytest.mark.slow
def test_the_tutor_under_int4_decodes_in_the_one_row_step_as_its_modules_do(tutor):
    """The fast step with the adapter's side path gives the quantised modules' greedy replies, through the engine's
    paged cache too. (Past <|im_end|>, where serving stops, the two can part: o's adapter reads the step's own fp32
    attention output, whose last bits differ from the modules'.)"""
    _, int4, tok = tutor
    assert int4.one_row is not None and len(lora_modules(int4)) == 48
    modules = copy.deepcopy(int4)
    modules.one_row = None
    stop = (tok.special["<|im_end|>"],)
    prompts = tutor_prompts(tok)[:2]
    fast = [int4.generate([p], 128, stop_ids=stop)[0] for p in prompts]
    assert fast == [modules.generate([p], 128, stop_ids=stop)[0] for p in prompts]
    eng = engine.Engine(int4, max_batch=1, max_context=512)
    try:
        assert [list(eng.submit(p, engine.Sampling(128, stop_ids=stop)).tokens()) for p in prompts] == fast
    finally:
        eng.stop()


@pytest.mark.slow
def test_the_tutors_int4_replies_are_its_fp32_replies(tutor):
    """Why serving defaults to int4 for SmolLM2's GGUF: the tutor's greedy replies (to <|im_end|>, at most 128
    tokens) equal fp32's on prompts written for this test, and at the last prompt position the logits greedy picks
    among (the head's rescored best) stay within what the decoder's 4 bits move them, the rest within what a 4-bit head
    does. What made them part before: merging the adapter before packing (the first token moved) and a 4-bit head
    without rescoring."""
    fp32, int4, tok = tutor
    assert isinstance(int4.output, Q.RescoredHead)
    im_end = tok.special["<|im_end|>"]
    with torch.inference_mode():
        for p in tutor_prompts(tok):
            want, got = (m(torch.tensor([p]))[0][0, -1] for m in (fp32, int4))
            assert got.argmax() == want.argmax()
            best = got.topk(int4.output.top).indices
            assert (got[best] - want[best]).abs().max().item() < 0.05 * want.abs().max().item()
            assert (got - want).abs().max().item() < 0.15 * want.abs().max().item()
            reply = fp32.generate([p], 128, stop_ids=(im_end,))[0]
            assert int4.generate([p], 128, stop_ids=(im_end,))[0] == reply
            assert 8 < len(reply) < 128  # a real reply, ended by the model


@pytest.mark.slow
def test_serving_packs_only_a_4bit_gguf_by_default(ckpt_dir):
    """--quantize=auto: the Q4_1 GGUF on a CPU is packed (its adapter kept apart), a release's float weights are
    not, another device keeps floats, and a named choice stands."""
    model, _, name, _ = engine.load_local(quantize="auto")
    assert isinstance(model.layers[0].attention.wq, Q.Int4Linear) and model.one_row is not None
    assert "+" in name and lora_modules(model)  # the adapter unmerged: a side path
    assert engine.resolved_quantize("auto", ckpt_dir, "cpu") == ""
    gguf = engine.smollm2_gguf()
    assert engine.resolved_quantize("auto", gguf, "cuda") == ""
    assert engine.resolved_quantize("int8", ckpt_dir, "cpu") == "int8"
