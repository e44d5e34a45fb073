"""Training checkpoints: the one resumable format that train.py, sft.py and fuse.py write and read.

What it holds
- a checkpoint is a directory written under `.tmp-<name>` and renamed into place only when complete (files
  fsynced first), so a crash never leaves a half checkpoint that looks complete; `best` is replaced the same way
- model, optimizer, scaler, scheduler, step, data position, per-rank RNG states, the configs and the tokenizer
  fingerprint (`meta.json`, written last); FSDP runs write sharded `torch.distributed.checkpoint` (DCP) files,
  which load into a plain or differently sharded model
- `latest_checkpoint` (highest complete `step-*` / `final`), `prune_checkpoints` (keep the last K),
  `model_from_checkpoint` (a plain Transformer from any checkpoint, sharded ones consolidated on the fly)

Why a file of its own: sft.py and fuse.py resume through the same format, and importing the pretraining script for
it brought along its loop, FSDP wrapping and memory planner (nanochat keeps checkpoint_manager.py apart the same way).
train.py stays the writer a learner reads first; `train.py --consolidate` turns a checkpoint into one file or a
Hugging Face directory.

Tests: `.venv/bin/python -m pytest -q tests/test_train.py -k "checkpoint or resume or fsdp"` (atomic writes, exact
resume after SIGKILL, DCP shards consolidated) and tests/test_sft.py, tests/test_fuse.py (their resume paths).
"""
from __future__ import annotations

import json
import os
import random
import shutil
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.distributed as dist
import torch.distributed.checkpoint as dcp
import torch.nn as nn
from torch.distributed.checkpoint.state_dict import (StateDictOptions, get_model_state_dict, get_state_dict,
                                                     set_model_state_dict, set_state_dict)

from common import atomic_write_json, fsync_dir, get_logger
from model import ModelConfig, Transformer

log = get_logger("checkpoint")


def rank_world() -> tuple[int, int]:
    """(rank, world size) under torch.distributed, (0, 1) in a plain process."""
    return (dist.get_rank(), dist.get_world_size()) if dist.is_initialized() else (0, 1)


def barrier() -> None:
    if dist.is_initialized():
        dist.barrier()

def rng_state() -> dict[str, Any]:
    state = {"torch": torch.get_rng_state(), "numpy": np.random.get_state(), "python": random.getstate()}
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any]) -> None:
    torch.set_rng_state(state["torch"])
    np.random.set_state(state["numpy"])
    random.setstate(state["python"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def save_file(obj: Any, path: Path) -> None:
    """torch.save + fsync: the file sits in a temporary checkpoint directory, which the final rename publishes."""
    with open(path, "wb") as f:
        torch.save(obj, f)
        f.flush()
        os.fsync(f.fileno())


def _publish_dir(tmp: Path, final: Path) -> None:
    """Rename a finished temp directory into place, replacing an older one of the same name (e.g. `best`)."""
    fsync_dir(tmp)
    old = final.parent / f".old-{final.name}"
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.rename(final, old)
    os.rename(tmp, final)
    fsync_dir(final.parent)
    shutil.rmtree(old, ignore_errors=True)


def save_checkpoint(root: str | Path, name: str, *, model: nn.Module, optimizer: torch.optim.Optimizer | None = None,
                    scaler: Any = None, scheduler: Any = None, step: int = 0, data_position: int = 0,
                    config: dict[str, Any] | None = None, model_config: dict[str, Any] | None = None,
                    tokenizer_fingerprint: str | None = None, extra: dict[str, Any] | None = None,
                    sharded: bool = False) -> Path:
    """Write checkpoint `root/name` atomically; every rank calls it (collective under torch.distributed).

    `model` is the unwrapped module (not DDP, not torch.compile; an FSDP2-sharded module is fine). With
    `sharded=True` model and optimizer go to DCP shards (`dcp/`), one file per rank; otherwise rank 0 writes
    `model.pt` and `optimizer.pt`. Scaler, scheduler and `extra` go to `state.pt`, each rank's RNG to
    `rng-RRRRR.pt`, and `meta.json` (step, data position, configs, fingerprint) is written last. All of it lands
    in `.tmp-<name>` first and is renamed to `<name>` only when complete.
    """
    rank, world = rank_world()
    root = Path(root)
    tmp, final = root / f".tmp-{name}", root / name
    if rank == 0:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
    barrier()
    if sharded:
        if optimizer is None:
            state = {"model": get_model_state_dict(model)}
        else:
            msd, osd = get_state_dict(model, optimizer)
            state = {"model": msd, "optimizer": osd}
        dcp.save(state, checkpoint_id=tmp / "dcp")
    elif rank == 0:
        save_file(model.state_dict(), tmp / "model.pt")
        if optimizer is not None:
            save_file(optimizer.state_dict(), tmp / "optimizer.pt")
    save_file(rng_state(), tmp / f"rng-{rank:05d}.pt")
    if rank == 0:
        save_file({"scaler": scaler.state_dict() if scaler is not None else None,
                    "scheduler": scheduler.state_dict() if scheduler is not None else None,
                    "extra": extra or {}}, tmp / "state.pt")
    barrier()
    if rank == 0:
        meta = {"step": step, "data_position": data_position, "format": "dcp" if sharded else "torch",
                "world_size": world, "config": config or {}, "model_config": model_config or {},
                "tokenizer_fingerprint": tokenizer_fingerprint, "time": time.time()}
        atomic_write_json(tmp / "meta.json", meta)
        _publish_dir(tmp, final)
    barrier()
    return final


def read_meta(path: str | Path) -> dict[str, Any]:
    meta = Path(path) / "meta.json"
    if not meta.exists():
        raise FileNotFoundError(f"{path} is not a complete training checkpoint (no meta.json)")
    return json.loads(meta.read_text())


def load_checkpoint(path: str | Path, *, model: nn.Module, optimizer: torch.optim.Optimizer | None = None,
                    scaler: Any = None, scheduler: Any = None, restore_rng: bool = True) -> dict[str, Any]:
    """Load what `save_checkpoint` wrote into the given objects (each optional but the model); returns meta.json
    plus `extra`. Works across formats: a DCP checkpoint loads into a plain or differently sharded model."""
    path = Path(path)
    meta = read_meta(path)
    if meta["format"] == "dcp":
        if optimizer is None:
            msd = get_model_state_dict(model)
            dcp.load({"model": msd}, checkpoint_id=path / "dcp")
            set_model_state_dict(model, msd)
        else:
            msd, osd = get_state_dict(model, optimizer)
            state = {"model": msd, "optimizer": osd}
            dcp.load(state, checkpoint_id=path / "dcp")
            set_state_dict(model, optimizer, model_state_dict=state["model"], optim_state_dict=state["optimizer"])
    else:
        weights = torch.load(path / "model.pt", map_location="cpu", weights_only=True)
        set_model_state_dict(model, weights, options=StateDictOptions(full_state_dict=True, strict=True))
        if optimizer is not None:
            if any(hasattr(p, "full_tensor") for p in model.parameters()):
                raise ValueError(f"{path}: resuming a non-sharded checkpoint's optimizer under FSDP is not supported; "
                                 "start a new run from its weights with --init_from=<checkpoint>")
            optimizer.load_state_dict(torch.load(path / "optimizer.pt", map_location="cpu", weights_only=True))
    state = torch.load(path / "state.pt", map_location="cpu", weights_only=False)
    if scaler is not None and state["scaler"] is not None:
        scaler.load_state_dict(state["scaler"])
    if scheduler is not None and state["scheduler"] is not None:
        scheduler.load_state_dict(state["scheduler"])
    if restore_rng:
        rng_file = path / f"rng-{rank_world()[0]:05d}.pt"
        if rng_file.exists():
            set_rng_state(torch.load(rng_file, map_location="cpu", weights_only=False))
        else:
            log.warning(f"{rng_file} missing (world size changed?): RNG not restored, resume is not exact")
    return {**meta, "extra": state["extra"]}


def latest_checkpoint(root: str | Path) -> Path | None:
    """The complete checkpoint with the highest step under `root` (`step-*` or `final`; never `best` or a
    half-written `.tmp-*`), or None."""
    root = Path(root)
    found = []
    for path in root.glob("*") if root.is_dir() else []:
        if path.is_dir() and (path.name.startswith("step-") or path.name == "final") and (path / "meta.json").exists():
            found.append((read_meta(path)["step"], path.name == "final", path))
    return max(found)[2] if found else None


def prune_checkpoints(root: str | Path, keep_last: int) -> None:
    """Delete all but the newest `keep_last` `step-*` checkpoints (best and final are kept)."""
    steps = sorted(p for p in Path(root).glob("step-*") if p.is_dir())
    for path in steps[:-keep_last] if keep_last > 0 else []:
        shutil.rmtree(path, ignore_errors=True)


def model_from_checkpoint(path: str | Path, device: torch.device | str = "cpu") -> tuple[Transformer, dict[str, Any]]:
    """A plain Transformer with the weights of any training checkpoint (sharded ones consolidate on the fly)."""
    meta = read_meta(path)
    model = Transformer(ModelConfig(**meta["model_config"]))
    with warnings.catch_warnings():  # DCP says it loads in one process: exactly what we ask for here
        warnings.filterwarnings("ignore", message="torch.distributed is disabled")
        load_checkpoint(path, model=model, restore_rng=False)
    return model.to(device), meta

