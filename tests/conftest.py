"""Fixtures shared by the whole suite. Tests run on 2 CPU cores: tiny configs, fp32, seeded.

Data: every test reads the small records authored under tests/fixtures/ (each source's own on-disk layout, so the
folder is a data root like out/mirror), which is also what NANOTUTOR_DATA points at for code that looks the data up
itself. Tests marked `full_data` read a real mirror instead and run only when asked:
    NANOTUTOR_FULL_DATA=1 NANOTUTOR_DATA=/path/to/mirror .venv/bin/python -m pytest -m full_data tests
(without NANOTUTOR_DATA: out/mirror, else ../shared/data). Each of them has a fixture-based sibling that always runs.
"""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FULL_DATA = os.environ.get("NANOTUTOR_FULL_DATA") == "1"
sys.path.insert(0, str(ROOT))

import common  # noqa: E402  (first: it sets OpenMP's wait policy before torch loads OpenMP)

FULL_DATA_DIR = common.shared_data_dir()
os.environ["NANOTUTOR_DATA"] = str(FIXTURES)  # code that finds the data itself (sft, eval, subprocesses) reads fixtures

import torch  # noqa: E402

import model  # noqa: E402
from evidence import KnowledgeBase  # noqa: E402
from tokenizer_train import cached_bpe, corpus_texts  # noqa: E402

torch.set_num_threads(2)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if FULL_DATA:
        return
    skip = pytest.mark.skip(reason="full-data run: NANOTUTOR_FULL_DATA=1 with a data mirror (tests/conftest.py)")
    for item in items:
        if "full_data" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The authored fixture data root (tests/fixtures): every source's layout, a few records each."""
    return FIXTURES


@pytest.fixture(scope="session")
def full_data_dir() -> Path:
    """A real data mirror, for tests marked full_data (opt-in: NANOTUTOR_FULL_DATA=1)."""
    assert FULL_DATA_DIR.is_dir(), f"NANOTUTOR_FULL_DATA=1 but no data mirror at {FULL_DATA_DIR} (set NANOTUTOR_DATA)"
    return FULL_DATA_DIR


@pytest.fixture(scope="session")
def smollm2():
    """The real SmolLM2-135M-Instruct through model.load: (model, tokenizer), fp32, eval mode. Loaded once per run
    from the dequantised copy cached under out/cache/ (~1 s; the first run ever dequantises the GGUF, ~10 s).
    Shared by every test: do not modify it in place (copy.deepcopy it first, e.g. before applying LoRA)."""
    return model.load(common.smollm2_gguf())


@pytest.fixture(scope="session")
def science_kb():
    """The science knowledge base built from the lessons in data/corpus and the fixture OpenBookQA, saved under
    out/tests/evidence_kb (rebuilt only when its inputs change): never in out/evidence_kb, the one `make index`
    built from the real data, which a user's tutor reads."""
    return KnowledgeBase.load_or_build(common.out_dir("tests", "evidence_kb"), data_root=FIXTURES)


@pytest.fixture(scope="session")
def small_tokenizer():
    """Our byte-level BPE (2048 ids: bytes, merges, then <|endoftext|> <|im_start|> <|im_end|> <|pad|>), trained once
    on text that ships in the repository (the authored lessons in data/corpus and the fixture stories) and cached
    under out/cache/ keyed by a hash of its inputs (first run ever a few seconds, then ~0.1 s). Pairs with
    configs/test (vocab_size 2048)."""
    return cached_bpe(2048, corpus_texts(ROOT / "data" / "corpus") + corpus_texts(FIXTURES / "children_stories"))
