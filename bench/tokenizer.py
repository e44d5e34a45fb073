"""Tokenizer speed: ours (tiktoken's Rust BPE under tokenizer.py) against Hugging Face `tokenizers`, same run.

Measures, on SmolLM2's vocabulary (read from the GGUF) and lines of the staged data:
- load time of the vocabulary (ours: our GGUF metadata reader; reference: the `gguf` package + tokenizers.BPE)
- encode throughput (MB/s) one line per call and batched on 2 threads, with a check that the ids are identical
- training a 2048-id byte-level BPE on the same ~1.5 MB slice that the `small_tokenizer` fixture uses:
  our `train_bpe` against tokenizers' BpeTrainer
The last line is `ratio=` our best encode throughput over the reference's best.

Run
    .venv/bin/python -m bench.tokenizer              # about 1 minute on 2 cores
    .venv/bin/python -m bench.tokenizer --max_mb=1   # less text
"""
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import gguf  # noqa: E402  the reference (requirements-dev.txt), with tokenizers
from tokenizers import Tokenizer, models, pre_tokenizers, trainers  # noqa: E402

import tokenizer as T  # noqa: E402
import tokenizer_train  # noqa: E402
from common import parse_config, shared_data_dir, smollm2_gguf, timed  # noqa: E402

FILES = ["children_stories/grimms_fairy_tales.txt", "wikitext2/wiki.test.raw", "gsm8k/test.jsonl",
         "textbooks/openstax_physics/physics_modules_text.jsonl", "bfcl_function_calling/BFCL_v4_multiple.json",
         "mathdial/test.jsonl"]


@dataclass
class BenchConfig:
    max_mb: float = 4.0  # megabytes of lines to encode (from the start of FILES, in order)


def first_megabytes(texts: Iterable[str], max_mb: float) -> list[str]:
    """The leading texts that together hold at most `max_mb` megabytes of UTF-8 (bench/tokenize.py's documents too)."""
    kept, size = [], 0
    for text in texts:
        size += len(text.encode())
        if size > max_mb * 1e6:
            break
        kept.append(text)
    return kept


def bench_lines(max_mb: float) -> list[str]:
    return first_megabytes((line for name in FILES
                            for line in (shared_data_dir() / name).read_text(encoding="utf-8").splitlines()), max_mb)


def reference_smollm2(reader: gguf.GGUFReader | None = None) -> Tokenizer:
    """SmolLM2's tokenizer in `tokenizers` (Digits + ByteLevel, as its tokenizer.json), vocab and merges from the GGUF
    (read by the `gguf` package); tests/test_tokenizer.py's parity reference too."""
    reader = reader or gguf.GGUFReader(str(smollm2_gguf()))
    tokens = reader.fields["tokenizer.ggml.tokens"].contents()
    merges = [tuple(m.split(" ")) for m in reader.fields["tokenizer.ggml.merges"].contents()]
    ref = Tokenizer(models.BPE({t: i for i, t in enumerate(tokens)}, merges))
    ref.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.Digits(individual_digits=True),
                                                 pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)])
    return ref


def train_reference(texts: list[str], vocab_size: int) -> None:
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=list(T.CHATML_SPECIALS), show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(texts, trainer)


def main(argv: list[str] | None = None) -> None:
    cfg = parse_config(BenchConfig, argv)
    lines = bench_lines(cfg.max_mb)
    mb = sum(len(s.encode()) for s in lines) / 1e6
    ours, t_ours_load = timed(lambda: T.load_tokenizer(smollm2_gguf()))
    ref, t_ref_load = timed(reference_smollm2)
    print(f"SmolLM2 vocabulary load: ours {t_ours_load:.2f} s, gguf+tokenizers {t_ref_load:.2f} s")
    print(f"{len(lines)} lines, {mb:.1f} MB")

    ids_ours, t1 = timed(lambda: [ours.encode(s) for s in lines])
    ids_ref, t2 = timed(lambda: [ref.encode(s, add_special_tokens=False).ids for s in lines])
    assert ids_ours == ids_ref, "ids differ from tokenizers"
    batch_ours, t3 = timed(lambda: ours.encode_batch(lines, num_threads=2))
    batch_ref, t4 = timed(lambda: [e.ids for e in ref.encode_batch(lines, add_special_tokens=False)])
    assert batch_ours == batch_ref == ids_ref, "batched ids differ"
    print("| encode | ours MB/s | tokenizers MB/s |\n|---|---|---|")
    print(f"| one line per call | {mb / t1:.1f} | {mb / t2:.1f} |")
    print(f"| batch, 2 threads | {mb / t3:.1f} | {mb / t4:.1f} |")

    texts = tokenizer_train.training_texts()
    _, t_train = timed(lambda: tokenizer_train.train_bpe(texts, 2048))
    _, t_train_ref = timed(lambda: train_reference(texts, 2048))
    print(f"train 2048-id BPE on {sum(map(len, texts)) / 1e6:.1f} MB: "
          f"ours {t_train:.2f} s, tokenizers {t_train_ref:.2f} s")
    print(f"ratio={max(mb / t1, mb / t3) / max(mb / t2, mb / t4):.2f}")


if __name__ == "__main__":
    main()
