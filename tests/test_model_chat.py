"""chat.py driven through piped stdin: the real SmolLM2 (its reply must equal model.generate's greedy reply to the
same rendered prompt) and a random configs/test checkpoint exported with our trained tokenizer."""
import copy
import io
import subprocess
import sys

import pytest
import torch

import chat
import model as M
import quantize as Q
import weights as W
from common import ROOT
from tokenizer import render_chat


def run_chat(args, stdin, timeout=240):
    return subprocess.run([sys.executable, "chat.py", "--threads=2", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout)


@pytest.mark.slow
def test_chat_streams_the_greedy_reply_of_smollm2(smollm2):
    model, tok = smollm2
    question = "What is 7 times 8?"
    ids, _ = render_chat(tok, [{"role": "user", "content": question}], add_generation_prompt=True)
    expected = tok.decode(model.generate([ids], 12, stop_ids=tok.stop_ids)[0])
    done = run_chat(["--max_new_tokens=12"], question + "\n")
    assert done.returncode == 0, done.stderr
    assert f"tutor> {expected}\n" in done.stdout
    assert done.stdout.endswith("you> \n")  # EOF at the prompt ends the session cleanly


def test_chat_quantized_streams_the_int4_models_greedy_reply(smollm2):
    model, tok = smollm2
    question = "Name a planet."
    ids, _ = render_chat(tok, [{"role": "user", "content": question}], add_generation_prompt=True)
    expected = tok.decode(Q.quantize_int4(copy.deepcopy(model)).generate([ids], 10, stop_ids=tok.stop_ids)[0])
    done = run_chat(["--max_new_tokens=10", "--quantize=int4"], question + "\n")
    assert done.returncode == 0, done.stderr
    assert f"tutor> {expected}\n" in done.stdout
    wrong = run_chat(["--quantize=int3"], "")
    assert wrong.returncode != 0 and "choose int8 or int4" in wrong.stderr


def test_chat_keeps_history_and_resets_on_a_tiny_checkpoint(small_tokenizer, tmp_path, monkeypatch):
    torch.manual_seed(0)
    W.export_hf(M.Transformer(M.load_config("test")).eval(), small_tokenizer, tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("hello there\nand again\n/reset\n/quit\nnever read\n"))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    chat.main(["--ckpt", str(tmp_path), "--max_new_tokens=5", "--temperature=0.8", "--seed=3"])
    text = out.getvalue()
    assert text.count("tutor> ") == 2 and "(conversation cleared)" in text
    assert "never read" not in text


def test_chat_without_tokenizer_says_so(tmp_path):
    torch.manual_seed(0)
    W.export_hf(M.Transformer(M.load_config("test")), None, tmp_path)
    with pytest.raises(SystemExit, match="no tokenizer files"):
        chat.main([f"--ckpt={tmp_path}"])
