"""sft.py: LoRA and QLoRA mechanics on the tiny test model, peft parity, masking, resume, and a short real run."""
import json
import random

import pytest
import torch
import torch.nn as nn
from safetensors.torch import load_file, save_file

import scorers
import sft
from common import smollm2_gguf
from data.sft import build
from model import Transformer, load_config
from tokenizer import load_tokenizer
from toolcalls import call_problems, format_tool_call
from weights import export_hf

TARGETS = ["wq", "wv", "w2"]


def tiny_model(seed: int = 0) -> Transformer:
    torch.manual_seed(seed)
    return Transformer(load_config("test")).eval()


def randomise_lora(model: nn.Module, seed: int = 1) -> None:
    """B starts at zero; give it values so the adapter actually changes something."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for m in sft.lora_modules(model).values():
            m.lora_B.copy_(torch.randn(m.lora_B.shape, generator=g) * 0.05)


IDS = torch.randint(0, 2048, (2, 24), generator=torch.Generator().manual_seed(0))


# ----------------------------------------------------------------------------- LoRA

def test_zero_init_lora_leaves_outputs_unchanged():
    model = tiny_model()
    before, _ = model(IDS)
    names = sft.apply_lora(model, rank=4, alpha=8, dropout=0.0, targets=TARGETS)
    assert len(names) == 3 * model.config.n_layers
    after, _ = model(IDS)
    assert torch.equal(before, after)


def test_only_adapter_parameters_get_gradients():
    model = tiny_model()
    sft.apply_lora(model, rank=4, alpha=8, dropout=0.1, targets=TARGETS, layers=[2, 3])
    model.train()
    randomise_lora(model)
    _, loss = model(IDS, IDS)
    loss.backward()
    trainable = {n for n, p in model.named_parameters() if p.requires_grad}
    assert trainable and all(".lora_A" in n or ".lora_B" in n for n in trainable)
    assert all(sft._layer_index(n) in (2, 3) for n in trainable)
    for name, p in model.named_parameters():
        assert (p.grad is not None) == (name in trainable), name
    assert all(p.grad.abs().sum() > 0 for n, p in model.named_parameters() if n in trainable)


def test_merged_equals_unmerged():
    model = tiny_model()
    sft.apply_lora(model, rank=4, alpha=8, dropout=0.0, targets=TARGETS)
    randomise_lora(model)
    unmerged, _ = model(IDS)
    sft.merge_lora(model)
    assert not sft.lora_modules(model)
    merged, _ = model(IDS)
    assert (merged - unmerged).abs().max() < 1e-5
    assert not torch.equal(merged, tiny_model()(IDS)[0])


def test_unknown_target_is_an_error():
    with pytest.raises(ValueError, match="no linear layer matches"):
        sft.apply_lora(tiny_model(), 4, 8, 0.0, ["q_proj"])


def test_adapter_save_load_round_trip(tmp_path):
    model = tiny_model()
    sft.apply_lora(model, rank=4, alpha=8, dropout=0.0, targets=TARGETS, layers=[1, 3])
    randomise_lora(model)
    want, _ = model(IDS)
    sft.save_adapter(model, tmp_path / "adapter", base_model="test")
    cfg = json.loads((tmp_path / "adapter" / "adapter_config.json").read_text())
    assert cfg["r"] == 4 and cfg["target_modules"] == ["down_proj", "q_proj", "v_proj"] and cfg["layers_to_transform"] == [1, 3]
    fresh = sft.load_adapter(tiny_model(), tmp_path / "adapter")
    got, _ = fresh(IDS)
    assert torch.equal(want, got)


def test_adapter_with_wrong_shapes_names_the_tensor(tmp_path):
    model = tiny_model()
    sft.apply_lora(model, rank=4, alpha=8, dropout=0.0, targets=["wq"])
    sft.save_adapter(model, tmp_path)
    tensors = load_file(tmp_path / "adapter_model.safetensors")
    key = next(k for k in tensors if k.endswith("lora_A.weight"))
    tensors[key] = torch.zeros(4, 7)
    save_file(tensors, tmp_path / "adapter_model.safetensors")
    with pytest.raises(ValueError, match="lora_A.weight has shape"):
        sft.load_adapter(tiny_model(), tmp_path)


def test_peft_loads_our_adapter_with_the_same_logits(tmp_path):
    transformers = pytest.importorskip("transformers")
    peft = pytest.importorskip("peft")
    model = tiny_model()
    export_hf(model, None, tmp_path / "base")
    sft.apply_lora(model, rank=4, alpha=8, dropout=0.0, targets=["wq", "wk", "wv", "wo", "w1", "w2", "w3"], layers=[0, 2])
    randomise_lora(model)
    sft.save_adapter(model, tmp_path / "adapter", base_model=str(tmp_path / "base"))
    hf = transformers.AutoModelForCausalLM.from_pretrained(tmp_path / "base", torch_dtype=torch.float32)
    tuned = peft.PeftModel.from_pretrained(hf, tmp_path / "adapter").eval()
    with torch.no_grad():
        theirs = tuned(IDS).logits
    ours, _ = model(IDS)
    assert (theirs - ours).abs().max() < 1e-4
    assert (theirs - tiny_model()(IDS)[0]).abs().max() > 1e-3  # the adapter mattered


# ----------------------------------------------------------------------------- NF4

def test_nf4_round_trip_error_within_bound():
    torch.manual_seed(0)
    w = torch.randn(96, 128) * 0.02
    for double in (False, True):
        q = sft.quantize_nf4(w, block=64, double_quant=double)
        back = sft.dequantize_nf4(q)
        blocks_max = w.reshape(-1, 64).abs().amax(1, keepdim=True)
        err = (back - w).reshape(-1, 64).abs()
        slack = 1.01 if double else 1.0 + 1e-6  # 8-bit scales add at most ~1/127 of a block's absmax
        assert (err <= blocks_max * sft.NF4_MAX_REL_ERROR * slack + 1e-7).all()
        assert (err.mean() / w.abs().mean()) < 0.12  # typical error on normal weights is far below the bound
    exact = sft.NF4_LEVELS.repeat(8) * 3.0
    assert torch.equal(sft.dequantize_nf4(sft.quantize_nf4(exact, block=16)), exact)
    assert q.nbytes() < w.numel() * 4 / 7


def test_nf4_linear_with_lora_trains_only_the_adapter():
    model = tiny_model()
    ref, _ = model(IDS)
    sft.quantize_model_nf4(model, block=64, double_quant=True)
    quantised, _ = model(IDS)
    assert (quantised - ref).abs().max() < 0.5 and not torch.equal(quantised, ref)
    sft.apply_lora(model, 4, 8, 0.0, ["wq", "wv"])
    assert isinstance(model.layers[0].attention.wq.base, sft.NF4Linear)
    model.train()
    randomise_lora(model)
    _, loss = model(IDS, IDS)
    loss.backward()
    assert all(("lora_" in n) == p.requires_grad for n, p in model.named_parameters())
    merged = sft.merge_lora(model)
    assert isinstance(merged.layers[0].attention.wq, nn.Linear)


def test_memory_report_orders_formats():
    report = sft.memory_report(tiny_model())
    assert report["fp32_mib"] == pytest.approx(2 * report["bf16_mib"])
    assert report["nf4_mib"] < report["bf16_mib"]


# ----------------------------------------------------------------------------- data, masking, runs

@pytest.fixture(scope="module")
def tok():
    return load_tokenizer(smollm2_gguf())


def test_assistant_only_masking_on_a_multi_turn_example(tok):
    messages = [{"role": "system", "content": "You are a tutor."},
                {"role": "user", "content": "What is 3 + 4?"},
                {"role": "assistant", "content": "What do you get if you count up 4 from 3?"},
                {"role": "user", "content": "7"},
                {"role": "assistant", "content": "Yes! How did you count?"}]
    (ids, mask), = sft.tokenize(tok, [{"messages": messages}], max_len=512)
    short = sft.tokenize(tok, [{"messages": messages[:3]}], max_len=512)[0]
    x, y = sft.collate([(ids, mask), short], pad_id=0)
    assert x.shape == (2, len(ids) - 1)
    learnt = [int(t) for t in y[0] if t != -100]
    assert tok.decode(learnt) == "What do you get if you count up 4 from 3?<|im_end|>Yes! How did you count?<|im_end|>"
    assert (y[1, len(short[0]) - 1:] == -100).all()  # padding carries no loss
    assert torch.equal(x[0], torch.tensor(ids[:-1]))


def test_long_examples_are_dropped_not_cut(tok):
    long = {"messages": [{"role": "user", "content": "word " * 400}, {"role": "assistant", "content": "Why?"}]}
    assert sft.tokenize(tok, [long], max_len=128) == []


def test_reply_length_is_the_final_turn_with_its_end_token(tok):
    """The tool-eval budget is compared with this length, so a call that fits is never cut short."""
    call = {"name": "calculator", "arguments": {"expression": "12 * 7"}}
    ex = {"messages": [{"role": "user", "content": "What is 12 * 7?"}, {"role": "assistant", "content": "", "tool_calls": [call]}],
          "tools": [{"name": "calculator", "parameters": {"type": "object", "properties": {"expression": {"type": "string"}}}}]}
    assert sft.reply_length(tok, ex) == len(tok.encode(format_tool_call(call["name"], call["arguments"]))) + 1


def test_tutor_targets_end_in_a_question_where_the_source_has_one(data_dir, tmp_path):
    for d in build.mathdial(data_dir, 10_000, random.Random(0)):
        teacher = [m["content"].rstrip() for m in d["messages"] if m["role"] == "assistant"]
        assert teacher[-1].endswith("?") or not any(t.endswith("?") for t in teacher), d["id"]
    row = {"prep": "sotto", "color": "rosso", "obj": "tavolo",
           "tutorResponses": ["Remember 'sotto' means under.", "What is the word for 'red'?", "Is it sotto rosso tavolo?"],
           "tutorActions": [[0, 1, 0, 0, 0], [1, 0, 0, 0, 0], [1, 0, 0, 0, 0]]}
    assert build.cima_reply(row) == "What is the word for 'red'?"
    assert build.cima_reply({**row, "tutorActions": [[0, 1, 0, 0, 0], [0, 0, 0, 1, 0], [1, 0, 0, 0, 0]]}) == "Remember 'sotto' means under."
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"instruction": "Explain friction.", "response": "Friction is a force.", "subject": "science"}) + "\n")
    (ex,) = build.textbook(pairs, 5, random.Random(0))
    assert [m["role"] for m in ex["messages"]] == ["user", "assistant"]  # no tutor prompt over a direct answer


def test_builders_drop_gsm8k_test_and_hide_results(data_dir):
    overlap = json.loads((data_dir / "mathdial" / "test_gsm8k_overlap.json").read_text())
    test_qids = {f"mathdial-{r['qid']}" for r in overlap if r["gsm8k_test_line"] is not None}
    dialogues = build.mathdial(data_dir, 10_000, random.Random(0))
    assert dialogues and not test_qids & {d["id"] for d in dialogues}
    assert all(d["messages"][-1]["role"] == "assistant" for d in dialogues)
    steps = build.ladder_steps("John is 8 years old because 18-10=<<18-10=8>>8 years old.\nSo 8*5=<<8*5=40>>40.\n#### 40")
    assert steps == [("John is ? years old because 18-10=? years old.", "18-10", "8"), ("So 8*5=?.", "8*5", "40")]


def test_tool_examples_are_valid_and_accurate_by_the_scorers(tok):
    """Every target tool call we train on, rendered and parsed back, passes scorers.py's validity and accuracy."""
    train, held = build.our_tools(build.load_tools(), 40, random.Random(0), 0.2)
    assert train and held
    for ex in train + held:
        call = ex["messages"][-1]["tool_calls"][0]
        text = f'<tool_call>{json.dumps(call)}</tool_call>'
        assert scorers.tool_call_validity(text, ex["tools"]), call_problems(text, ex["tools"])
        assert scorers.tool_call_accuracy(text, ex["expected"])


def run_test_config(tmp_path, name, *overrides):
    sft.main(["configs/sft_test.py", f"--run_dir={tmp_path / name}", *overrides])
    return json.loads((tmp_path / name / "summary.json").read_text()) if (tmp_path / name / "summary.json").exists() else None


@pytest.mark.slow
def test_seeded_run_lowers_loss_and_resume_is_exact(tmp_path):

    straight = run_test_config(tmp_path, "straight", "--lora_dropout=0.1", "--eval_base=True")
    assert straight["tuned"]["heldout_loss"] < straight["base"]["heldout_loss"] - 0.05
    assert straight["base"]["n_prompts"] == straight["tuned"]["n_prompts"] == 3  # the report caps, not eval_prompts
    assert 0.0 <= straight["tuned"]["leak_rate"] <= 1.0
    assert run_test_config(tmp_path, "resumed", "--lora_dropout=0.1", "--stop_at_step=5") is None
    assert (tmp_path / "resumed" / "checkpoints" / "step-000005" / "meta.json").exists()
    run_test_config(tmp_path, "resumed", "--lora_dropout=0.1")
    a = load_file(tmp_path / "straight" / "adapter" / "adapter_model.safetensors")
    b = load_file(tmp_path / "resumed" / "adapter" / "adapter_model.safetensors")
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    training = json.loads((tmp_path / "resumed" / "adapter" / "training.json").read_text())
    assert training["steps"] == 12 and len(training["data_fingerprint"]) == 16


def test_merged_export_loads_in_transformers_with_the_same_logits(tmp_path):
    transformers = pytest.importorskip("transformers")
    model = tiny_model()
    sft.apply_lora(model, rank=4, alpha=8, dropout=0.0, targets=TARGETS)
    randomise_lora(model)
    want, _ = model(IDS)
    export_hf(sft.merge_lora(model), None, tmp_path / "merged")
    hf = transformers.AutoModelForCausalLM.from_pretrained(tmp_path / "merged", torch_dtype=torch.float32).eval()
    with torch.no_grad():
        assert (hf(IDS).logits - want).abs().max() < 1e-4
