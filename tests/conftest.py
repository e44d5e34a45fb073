"""Fixtures shared by the whole suite. Tests run on 2 CPU cores: tiny configs, fp32, seeded."""
import os
import sys
from pathlib import Path

# OpenMP threads otherwise spin at every barrier: when other jobs share the 2 cores, a 2-thread torch run then
# waits for a descheduled spinner and runs 10-20x slower (measured: SmolLM2 decode 0.25 vs 4.4 tokens/s).
# Must be set before torch loads OpenMP.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import pytest  # noqa: E402
import torch  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import shared_data_dir  # noqa: E402

torch.set_num_threads(2)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The staged open datasets (../shared/data); the suite reads them, never copies them."""
    path = shared_data_dir()
    assert path.is_dir(), f"staged data not found at {path} (set NANOTUTOR_DATA)"
    return path


@pytest.fixture(scope="session")
def smollm2():
    """The real SmolLM2-135M-Instruct through model.load: (model, tokenizer), fp32, eval mode. Loaded once per run
    from the dequantised copy cached under out/cache/ (~1 s; the first run ever dequantises the GGUF, ~10 s).
    Shared by every test: do not modify it in place (copy.deepcopy it first, e.g. before applying LoRA)."""
    import model
    from common import smollm2_gguf

    return model.load(smollm2_gguf())


@pytest.fixture(scope="session")
def small_tokenizer(data_dir: Path):
    """Our byte-level BPE (2048 ids: bytes, merges, then <|endoftext|> <|im_start|> <|im_end|> <|pad|>), trained once
    on a fixed slice of the staged stories + OpenStax text and cached under out/cache/ keyed by a hash of its inputs
    (first run ever ~6 s on 2 cores, then ~0.1 s). Pairs with configs/test (vocab_size 2048)."""
    from tokenizer_train import cached_bpe, training_texts

    return cached_bpe(2048, training_texts(data_dir))
