"""Fixtures shared by the whole suite. Tests run on 2 CPU cores: tiny configs, fp32, seeded."""
import sys
from pathlib import Path

import pytest
import torch

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
