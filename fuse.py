"""Fuse a vision encoder into the decoder, and prove it works on a toy visual question answering task.

What it supports
- `Projector`: optional pixel-shuffle (merges s x s neighbouring patches into one token, s^2 fewer image tokens)
  then a two-layer MLP from the encoder's width into the decoder's embedding space (nanoVLM / LLaVA style).
- Two fusion modes, chosen by `fusion`:
  - `concat`: each `<image>` placeholder in the prompt is expanded to one id per image token
    (`expand_placeholders`) and those positions' embeddings are replaced by the projected image tokens
    (`splice_images`), then the decoder runs on `embeds=`. Zero, one or several images per prompt; a placeholder
    count that differs from the image count is a clear error.
  - `cross`: `GatedCrossAttention` blocks (Flamingo: tanh gates that start at 0, so the decoder starts out exactly as
    it was) inserted after every `cross_every` decoder blocks; they read the image tokens through model.py's
    `context=` argument. Those tokens get a fixed 2-D position table (`image_positions`), since cross-attention
    cannot tell where a key came from, and are LayerNormed before the key and value projections.
- Training stages (`stage`): `scratch` trains everything (the toy), `projector` freezes encoder and decoder and trains
  the projector (and the new cross-attention blocks), `lora` adds sft.py's LoRA on the decoder. Checkpoints go through
  checkpoint.py's `save_checkpoint` / `load_checkpoint`.
- Release for serve.py: `export_release(fused, tokenizer, dir)` writes the decoder (LoRA merged) with weights.export_hf
  and `dir/vision/` (`save_vision`: encoder in Hugging Face layout, projector, cross-attention blocks, fuse.json);
  `load_vision(dir) -> VisionBundle` with `embed_images(images)`, `prompt_inputs(decoder, ids, images)` and
  `attach(decoder)`.
- Toy VQA (`make_vqa`): procedurally drawn 32x32 images of 1-4 identical shapes (circle, square, triangle, cross) in
  one of four colours in the cells of a 2x2 grid; questions about colour, shape, count and position, each with four
  one-word answers (chance 25%). A tiny ViT (vision.py) trained from scratch, the projector and a small decoder
  (model.py) learn it on CPU in minutes; the text-only baseline sees the question and no image.

No pretrained SigLIP/CLIP weights can be fetched on our build machines, so the toy-trained encoder is what runs
offline; `python vision.py --download=...` gets real weights where the hub is reachable.

Run
    .venv/bin/python fuse.py configs/vqa.py                 # concat fusion, held-out accuracy, checkpoint
    .venv/bin/python fuse.py configs/vqa.py --fusion=cross
    .venv/bin/python fuse.py configs/vqa.py --fusion=none   # the text-only baseline
    .venv/bin/python fuse.py configs/vqa.py --compare=True  # all three: docs/vqa_accuracy.png, docs/results.json
Outputs go to out/fuse/<run>/ (checkpoints, vision/ release, metrics.jsonl).
"""
from __future__ import annotations

import copy
import json
import math
import os
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from matplotlib.figure import Figure
from safetensors.torch import load_file, save

from checkpoint import load_checkpoint, save_checkpoint
from common import atomic_write_bytes, atomic_write_json, get_logger, out_dir, parse_config, save_figure
from model import ModelConfig, Step, Transformer
from weights import export_hf
from sft import apply_lora, lora_modules, merge_lora
from train import TrainConfig, build_scheduler
from vision import Preprocess, ViT, VisionConfig, load_encoder, preprocess, save_encoder


# ============================================================================= projector

def pixel_shuffle(x: torch.Tensor, s: int) -> torch.Tensor:
    """(B, N, C) patch tokens on a square grid -> (B, N / s^2, C * s^2): each s x s block becomes one token."""
    if s == 1:
        return x
    B, N, C = x.shape
    side = math.isqrt(N)
    if side * side != N or side % s:
        raise ValueError(f"pixel_shuffle: {N} tokens do not form a square grid divisible by {s}")
    x = x.view(B, side // s, s, side // s, s, C).permute(0, 1, 3, 2, 4, 5)
    return x.reshape(B, (side // s) ** 2, s * s * C)


def image_positions(n: int, dim: int) -> torch.Tensor:
    """(n, dim) fixed 2-D sine-cosine position table for n tokens on a square grid (MAE's): a quarter of the
    channels each for sin and cos of the row and of the column, at geometric frequencies."""
    side, quarter = math.isqrt(n), dim // 4
    if side * side != n or dim % 4:
        raise ValueError(f"image_positions: {n} tokens are not a square grid or {dim} is not divisible by 4")
    freq = 1.0 / 10000 ** (torch.arange(quarter, dtype=torch.float32) / quarter)
    rows, cols = (torch.arange(n) // side).float()[:, None] * freq, (torch.arange(n) % side).float()[:, None] * freq
    return torch.cat([rows.sin(), rows.cos(), cols.sin(), cols.cos()], dim=1)


class Projector(nn.Module):
    """Vision embeddings (B, N, vision_dim) -> decoder embeddings (B, N / shuffle^2, dim).

    `positions=True` (cross fusion) adds `image_positions` to the output. Cross-attention is blind to the order of
    its keys, and unlike concat's image tokens, which take RoPE positions in the decoder, cross fusion's tokens carry
    only what the encoder put in them. A trained SigLIP's learned position embeddings are strong; the toy's ViT,
    trained from scratch, keeps them ~15x weaker than the patch features (std 0.15 vs 2.5 after 2000 steps), and
    cross fusion answered position questions at chance (27%) while concat got 100%. The table is fixed, so a
    release's weights are the same either way."""

    def __init__(self, vision_dim: int, dim: int, shuffle: int = 1, positions: bool = False):
        super().__init__()
        self.shuffle, self.positions = shuffle, positions
        self.fc1 = nn.Linear(vision_dim * shuffle * shuffle, dim)
        self.fc2 = nn.Linear(dim, dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.fc2(F.gelu(self.fc1(pixel_shuffle(x, self.shuffle))))
        return y + image_positions(y.shape[1], y.shape[2]).to(y) if self.positions else y


# ============================================================================= concatenation

def expand_placeholders(ids: list[int], image_id: int, n_images: int, tokens_per_image: int) -> list[int]:
    """Each `image_id` in `ids` becomes `tokens_per_image` copies, where the image tokens will go."""
    found = ids.count(image_id)
    if found != n_images:
        raise ValueError(f"prompt has {found} image placeholder(s) but {n_images} image(s) were given")
    out: list[int] = []
    for i in ids:
        out.extend([image_id] * tokens_per_image if i == image_id else [i])
    return out


def splice_images(decoder: Transformer, ids: torch.Tensor, image_tokens: torch.Tensor | None,
                  image_id: int) -> torch.Tensor:
    """Token embeddings of `ids` (B, T) with every `image_id` position replaced, in reading order, by the rows of
    `image_tokens` (n_images, N, dim); zero images is fine when there are no placeholders."""
    embeds = decoder.tok_embeddings(ids)
    slots = ids == image_id
    given = 0 if image_tokens is None else image_tokens.shape[0] * image_tokens.shape[1]
    if int(slots.sum()) != given:
        n = 0 if image_tokens is None else image_tokens.shape[0]
        raise ValueError(f"{int(slots.sum())} image positions in the batch but {n} image(s) x "
                         f"{0 if image_tokens is None else image_tokens.shape[1]} tokens were given")
    if image_tokens is None:
        return embeds
    return embeds.masked_scatter(slots[..., None], image_tokens.to(embeds.dtype))


# ============================================================================= cross-attention

class GatedCrossAttention(nn.Module):
    """Flamingo's gated xattn-dense block: x + tanh(a) * xattn(x, image), then x + tanh(b) * ffn(x). Both gates
    start at zero, so inserting the block leaves the decoder's output unchanged until training opens them.
    The image tokens are LayerNormed before the key and value projections, as the queries are: the projector's
    output has no fixed scale (its std drifts from 0.2 to 2 in training), and Flamingo's media tokens leave its
    Perceiver through a LayerNorm too. Sub-module names (xq, xk, ...) avoid the decoder's (wq, w1, ...), so LoRA
    targets never match them."""

    def __init__(self, dim: int, n_heads: int, ffn_dim: int):
        super().__init__()
        self.n_heads = n_heads
        self.norm, self.context_norm, self.ffn_norm = nn.LayerNorm(dim), nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.xq, self.xk, self.xv, self.xo = (nn.Linear(dim, dim, bias=False) for _ in range(4))
        self.up, self.down = nn.Linear(dim, ffn_dim, bias=False), nn.Linear(ffn_dim, dim, bias=False)
        self.attn_gate, self.ffn_gate = nn.Parameter(torch.zeros(1)), nn.Parameter(torch.zeros(1))

    def forward(self, x: torch.Tensor, step: Step | None = None,
                context: "torch.Tensor | RowImages | None" = None) -> torch.Tensor:
        if context is None:  # a prompt without an image: the block is the identity
            return x
        B, T, C = x.shape
        tokens, present, attn_mask = context, None, None
        if isinstance(context, RowImages):  # rows with different image counts, some perhaps with none
            tokens, present = context.tokens, context.mask.any(-1)[:, None, None]
            # a row without images attends to its padding (keeping softmax finite); its update is zeroed below
            attn_mask = (context.mask | ~context.mask.any(-1, keepdim=True))[:, None, None, :]
        q = self.xq(self.norm(x)).view(B, T, self.n_heads, -1).transpose(1, 2)
        tokens = self.context_norm(tokens)
        k, v = (p(tokens).view(B, tokens.shape[1], self.n_heads, -1).transpose(1, 2) for p in (self.xk, self.xv))
        # every text position sees all image tokens
        y = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_mask).transpose(1, 2).reshape(B, T, C)
        attn = torch.tanh(self.attn_gate) * self.xo(y)
        x = x + (attn if present is None else attn * present)
        ffn = torch.tanh(self.ffn_gate) * self.down(F.gelu(self.up(self.ffn_norm(x))))
        return x + (ffn if present is None else ffn * present)


@dataclass
class RowImages:
    """Image tokens for a batch whose rows have different numbers of images, or none (serve.py's decode steps):
    `tokens` (B, N, C) right-padded, `mask` (B, N) True on real tokens. A row without images passes unchanged."""
    tokens: torch.Tensor
    mask: torch.Tensor

    @staticmethod
    def stack(rows: list[torch.Tensor | None]) -> "RowImages":
        """Per-row (N_i, C) image tokens (None: no image; at least one row has some) -> one padded batch."""
        ref = next(t for t in rows if t is not None)
        n = max(t.shape[0] for t in rows if t is not None)
        tokens = torch.zeros(len(rows), n, ref.shape[-1], dtype=ref.dtype, device=ref.device)
        mask = torch.zeros(len(rows), n, dtype=torch.bool, device=ref.device)
        for i, t in enumerate(rows):
            if t is not None:
                tokens[i, : t.shape[0]], mask[i, : t.shape[0]] = t, True
        return RowImages(tokens, mask)


def insert_cross_attention(decoder: Transformer, every: int) -> list[int]:
    """Insert a GatedCrossAttention after every `every` decoder blocks (in `decoder.layers`); returns their indices."""
    cfg, layers, where = decoder.config, list(decoder.layers), []
    out: list[nn.Module] = []
    for i, block in enumerate(layers):
        out.append(block)
        if (i + 1) % every == 0:
            where.append(len(out))
            out.append(GatedCrossAttention(cfg.dim, cfg.n_heads, cfg.ffn_dim).to(decoder.tok_embeddings.weight.dtype))
    decoder.layers = nn.ModuleList(out)
    return where


def cross_blocks(decoder: Transformer) -> list[GatedCrossAttention]:
    return [m for m in decoder.layers if isinstance(m, GatedCrossAttention)]


# ============================================================================= the fused model

@dataclass
class FuseConfig:
    fusion: str = "concat"  # concat | cross | none (text-only baseline: the decoder never sees the image)
    cross_every: int = 1
    shuffle: int = 1  # pixel-shuffle factor of the projector
    image_id: int = 1  # the <image> placeholder id in the decoder's vocabulary

    def __post_init__(self) -> None:
        if self.fusion not in ("concat", "cross", "none"):
            raise ValueError(f"fusion must be concat, cross or none, got {self.fusion!r}")


class FusedModel(nn.Module):
    """Encoder -> projector -> decoder. `forward(ids, pixels, targets)`; `pixels` holds one image per placeholder,
    in reading order across the batch (concat) or one image per row (cross)."""

    def __init__(self, encoder: ViT, decoder: Transformer, fcfg: FuseConfig):
        super().__init__()
        self.fcfg, self.encoder, self.decoder = fcfg, encoder, decoder
        self.projector = Projector(encoder.config.dim, decoder.config.dim, fcfg.shuffle,
                                   positions=fcfg.fusion == "cross")
        if fcfg.fusion == "cross":
            insert_cross_attention(decoder, fcfg.cross_every)

    @property
    def tokens_per_image(self) -> int:
        return self.encoder.config.n_patches // self.fcfg.shuffle ** 2

    def image_tokens(self, pixels: torch.Tensor) -> torch.Tensor:
        return self.projector(self.encoder.patch_tokens(pixels))

    def forward(self, ids: torch.Tensor, pixels: torch.Tensor | None, targets: torch.Tensor | None = None):
        if self.fcfg.fusion == "none" or pixels is None and self.fcfg.fusion == "cross":
            return self.decoder(ids, targets)
        if self.fcfg.fusion == "concat":
            tokens = None if pixels is None else self.image_tokens(pixels)
            return self.decoder(None, targets, embeds=splice_images(self.decoder, ids, tokens, self.fcfg.image_id))
        if pixels.shape[0] != ids.shape[0]:
            raise ValueError(f"cross fusion takes one image per row: {pixels.shape[0]} images for {ids.shape[0]} rows")
        return self.decoder(ids, targets, context=self.image_tokens(pixels))


# ============================================================================= release: vision/ for serve.py

def save_vision(path: str | Path, fused: FusedModel, pp: Preprocess | None = None) -> Path:
    """Write `path/vision/`: encoder/ (Hugging Face layout), projector.safetensors, cross_attention.safetensors
    (cross fusion), fuse.json written last (its presence marks a complete folder)."""
    vdir = Path(path) / "vision"
    save_encoder(fused.encoder, vdir / "encoder", pp)
    flat = {k: v.detach().float().contiguous() for k, v in fused.projector.state_dict().items()}
    atomic_write_bytes(vdir / "projector.safetensors", save(flat))
    blocks = cross_blocks(fused.decoder)
    if blocks:
        sd = {f"{i}.{k}": v.detach().float().contiguous()
              for i, b in enumerate(blocks) for k, v in b.state_dict().items()}
        atomic_write_bytes(vdir / "cross_attention.safetensors", save(sd))
    dcfg = fused.decoder.config
    atomic_write_json(vdir / "fuse.json", {**asdict(fused.fcfg), "dim": dcfg.dim, "n_heads": dcfg.n_heads,
                                           "ffn_dim": dcfg.ffn_dim, "tokens_per_image": fused.tokens_per_image})
    return vdir


def export_release(fused: FusedModel, tokenizer: Any, out: str | Path) -> Path:
    """A release serve.py loads: the decoder with LoRA merged and the cross-attention blocks taken out (so layer
    names match Hugging Face's) via weights.export_hf, plus `vision/` holding encoder, projector and those blocks."""
    decoder = copy.deepcopy(fused.decoder)
    if lora_modules(decoder):
        merge_lora(decoder)
    decoder.layers = nn.ModuleList(m for m in decoder.layers if not isinstance(m, GatedCrossAttention))
    export_hf(decoder, tokenizer, out)
    save_vision(out, fused)
    return Path(out)


class VisionBundle:
    """What serve.py needs to put images into a prompt: preprocessing, encoder, projector, fusion settings."""

    def __init__(self, encoder: ViT, projector: Projector, pp: Preprocess, fcfg: FuseConfig, meta: dict,
                 blocks: list[GatedCrossAttention]):
        self.encoder, self.projector, self.pp = encoder, projector, pp
        self.fcfg, self.meta, self.blocks = fcfg, meta, blocks
        self.tokens_per_image = meta["tokens_per_image"]

    @torch.no_grad()
    def embed_images(self, images: list[Any]) -> torch.Tensor:
        """Images (PIL, bytes or paths; bad ones raise ValueError) -> projected tokens (n, tokens_per_image, dim)."""
        return self.projector(self.encoder.patch_tokens(preprocess(images, self.pp)))

    def attach(self, decoder: Transformer) -> Transformer:
        """Cross fusion: insert the trained cross-attention blocks into `decoder` (concat: nothing to do)."""
        if self.fcfg.fusion == "cross" and not cross_blocks(decoder):
            where = insert_cross_attention(decoder, self.fcfg.cross_every)
            if len(where) != len(self.blocks):
                raise ValueError(f"vision/: {len(self.blocks)} cross-attention blocks saved, "
                                 f"the decoder takes {len(where)}")
            for i, block in zip(where, self.blocks):
                decoder.layers[i] = block
        return decoder

    @torch.no_grad()
    def prompt_inputs(self, decoder: Transformer, ids: list[int], images: list[Any]) -> dict[str, torch.Tensor]:
        """Keyword arguments for `decoder(...)` / `decoder.hidden(...)` for one prompt with its images: concat gives
        `embeds` (placeholders expanded and replaced), cross gives `idx` and `context`."""
        tokens = self.embed_images(images) if images else None
        if self.fcfg.fusion == "cross":
            if ids.count(self.fcfg.image_id) != len(images):
                raise ValueError(f"prompt has {ids.count(self.fcfg.image_id)} image placeholder(s) but "
                                 f"{len(images)} image(s) were given")
            context = None if tokens is None else tokens.reshape(1, -1, tokens.shape[-1])
            return {"idx": torch.tensor([ids]), "context": context}
        full = expand_placeholders(ids, self.fcfg.image_id, len(images), self.tokens_per_image)
        return {"idx": None, "embeds": splice_images(decoder, torch.tensor([full]), tokens, self.fcfg.image_id)}


def load_into(module: nn.Module, sd: dict[str, torch.Tensor], source: Path) -> None:
    """load_state_dict whose error names the file (torch's names only the module)."""
    try:
        module.load_state_dict(sd)
    except RuntimeError as e:
        raise ValueError(f"{source}: {e}") from None


def load_vision(path: str | Path) -> VisionBundle:
    """A release directory (or its vision/ folder) -> VisionBundle; errors name the missing file or tensor."""
    vdir = Path(path) / "vision" if (Path(path) / "vision").is_dir() else Path(path)
    if not (vdir / "fuse.json").exists():
        raise FileNotFoundError(f"{vdir}: no fuse.json (not a complete vision/ folder)")
    meta = json.loads((vdir / "fuse.json").read_text())
    fcfg = FuseConfig(**{k: meta[k] for k in ("fusion", "cross_every", "shuffle", "image_id")})
    encoder, pp = load_encoder(vdir / "encoder")
    projector = Projector(encoder.config.dim, meta["dim"], fcfg.shuffle, positions=fcfg.fusion == "cross")
    load_into(projector, load_file(vdir / "projector.safetensors"), vdir / "projector.safetensors")
    blocks = []
    if fcfg.fusion == "cross":
        sd = load_file(vdir / "cross_attention.safetensors")
        for i in sorted({int(k.split(".")[0]) for k in sd}):
            block = GatedCrossAttention(meta["dim"], meta["n_heads"], meta["ffn_dim"])
            load_into(block, {k.split(".", 1)[1]: v for k, v in sd.items() if k.startswith(f"{i}.")},
                      vdir / "cross_attention.safetensors")
            blocks.append(block.eval())
    return VisionBundle(encoder.eval(), projector.eval(), pp, fcfg, meta, blocks)


# ============================================================================= toy VQA

COLORS = {"red": (230, 40, 40), "green": (40, 200, 60), "blue": (50, 80, 240), "yellow": (240, 220, 40)}
SHAPES = ("circle", "square", "triangle", "cross")
COUNTS = ("one", "two", "three", "four")
PLACES = ("topleft", "topright", "bottomleft", "bottomright")
QUESTIONS = {
    "color": ("what color are the shapes ?", tuple(COLORS)),
    "shape": ("what shape do you see ?", SHAPES),
    "count": ("how many shapes are there ?", COUNTS),
    "place": ("where is the shape ?", PLACES),
}
SPECIALS = ("<pad>", "<image>")


def vqa_vocab() -> list[str]:
    words = {w for q, answers in QUESTIONS.values() for w in (*q.split(), *answers)}
    return [*SPECIALS, *sorted(words)]


def draw_shape(img: np.ndarray, shape: str, cy: float, cx: float, r: float, color: tuple[int, int, int]) -> None:
    yy, xx = np.mgrid[0:img.shape[0], 0:img.shape[1]]
    dy, dx = yy + 0.5 - cy, xx + 0.5 - cx
    if shape == "circle":
        mask = dy ** 2 + dx ** 2 <= r ** 2
    elif shape == "square":
        mask = (abs(dy) <= r * 0.8) & (abs(dx) <= r * 0.8)
    elif shape == "triangle":  # apex up: the half-width grows linearly from the top
        mask = (dy >= -r) & (dy <= r) & (abs(dx) <= (dy + r) / 2)
    else:
        mask = ((abs(dx) <= r / 3) & (abs(dy) <= r)) | ((abs(dy) <= r / 3) & (abs(dx) <= r))
    img[mask] = color


def make_vqa(n: int, seed: int, size: int = 32) -> tuple[np.ndarray, list[str], list[str]]:
    """n (image uint8 (size, size, 3), question, answer) triples. Every image holds 1-4 identical shapes in distinct
    cells of a 2x2 grid; a position question is asked only of single-shape images. Answers are uniform per question."""
    rng = np.random.default_rng(seed)
    images = np.zeros((n, size, size, 3), dtype=np.uint8)
    questions, answers, cell = [], [], size / 2
    for i in range(n):
        kind = list(QUESTIONS)[rng.integers(4)]
        count = 1 if kind == "place" else int(rng.integers(1, 5))
        color, shape = list(COLORS)[rng.integers(4)], SHAPES[rng.integers(4)]
        cells = rng.permutation(4)[:count]
        images[i] = rng.integers(0, 40, 3)  # a dark background of random tint
        for c in cells:
            r = cell * rng.uniform(0.3, 0.42)
            cy = (c // 2 + 0.5) * cell + rng.uniform(-1.5, 1.5)
            cx = (c % 2 + 0.5) * cell + rng.uniform(-1.5, 1.5)
            draw_shape(images[i], shape, cy, cx, r, COLORS[color])
        questions.append(QUESTIONS[kind][0])
        answers.append({"color": color, "shape": shape, "count": COUNTS[count - 1], "place": PLACES[cells[0]]}[kind])
    return images, questions, answers


@dataclass
class VQAConfig:
    run: str = "vqa"
    fusion: str = "concat"
    cross_every: int = 1
    shuffle: int = 1
    stage: str = "scratch"  # scratch | projector | lora
    init_from: str = ""  # a fuse checkpoint to start the projector / lora stages from
    seed: int = 0
    steps: int = 600
    batch_size: int = 64
    lr: float = 3e-3
    warmup: int = 30
    weight_decay: float = 0.01
    eval_every: int = 100
    n_eval: int = 1000
    max_seconds: float = 0.0  # > 0: stop training after this long (the test's time budget)
    threads: int = 1  # torch intra-op threads: matmuls this small gain nothing from more, and on a shared CPU
    # an oversubscribed OpenMP pool made a step ~40x slower (7.7 s vs 0.17 s measured with 2 threads vs 1)
    image_size: int = 32
    patch_size: int = 8
    vision_dim: int = 64
    vision_layers: int = 2
    dim: int = 64
    n_layers: int = 2
    n_heads: int = 4
    lora_rank: int = 4
    lora_alpha: float = 8.0
    compare: bool = False
    out: str = ""  # default out/fuse/<run>


def build_vqa_model(cfg: VQAConfig) -> FusedModel:
    vocab = vqa_vocab()
    encoder = ViT(VisionConfig(kind="siglip", image_size=cfg.image_size, patch_size=cfg.patch_size,
                               dim=cfg.vision_dim, n_layers=cfg.vision_layers, n_heads=cfg.n_heads,
                               mlp_dim=2 * cfg.vision_dim, use_head=False))
    decoder = Transformer(ModelConfig(vocab_size=len(vocab), dim=cfg.dim, n_layers=cfg.n_layers, n_heads=cfg.n_heads,
                                      ffn_dim=2 * cfg.dim, max_seq_len=128))
    return FusedModel(encoder, decoder, FuseConfig(cfg.fusion, cfg.cross_every, cfg.shuffle, vocab.index("<image>")))


def encode_batch(fused: FusedModel, questions: list[str], answers: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """Token ids (B, T) and targets: -100 everywhere but the last position, which must predict the answer."""
    vocab = {w: i for i, w in enumerate(vqa_vocab())}
    prefix = {"concat": ["<image>"] * fused.tokens_per_image, "cross": ["<image>"], "none": []}[fused.fcfg.fusion]
    rows = [[vocab[w] for w in prefix + q.split()] for q in questions]
    width = max(map(len, rows))
    # Left padding keeps the answer at the last position of every row; the decoder learns to ignore <pad>.
    ids = torch.tensor([[vocab["<pad>"]] * (width - len(r)) + r for r in rows])
    targets = torch.full_like(ids, -100)
    targets[:, -1] = torch.tensor([vocab[a] for a in answers])
    return ids, targets


def to_pixels(images: np.ndarray) -> torch.Tensor:
    """uint8 (B, H, W, 3) -> (B, 3, H, W) in [-1, 1], SigLIP's normalisation."""
    return torch.from_numpy(images).permute(0, 3, 1, 2).float() / 127.5 - 1.0


def run_batch(fused: FusedModel, images: np.ndarray, questions: list[str], answers: list[str]):
    ids, targets = encode_batch(fused, questions, answers)
    return fused(ids, None if fused.fcfg.fusion == "none" else to_pixels(images), targets)


@torch.no_grad()
def accuracy(fused: FusedModel, data: tuple[np.ndarray, list[str], list[str]],
             batch_size: int = 250) -> dict[str, float]:
    """Held-out exact-answer accuracy (the argmax at the last position over the whole vocabulary): "all", and one
    per question type, which shows what a fusion mode cannot see (e.g. positions, when only "place" is at chance)."""
    was = fused.training
    fused.eval()
    images, questions, answers = data
    right = []
    for s in range(0, len(questions), batch_size):
        logits, _ = run_batch(fused, images[s:s + batch_size], questions[s:s + batch_size], answers[s:s + batch_size])
        _, targets = encode_batch(fused, questions[s:s + batch_size], answers[s:s + batch_size])
        right.append(logits[:, -1].argmax(-1) == targets[:, -1])
    fused.train(was)
    hits, kind = torch.cat(right).float(), {question: k for k, (question, _) in QUESTIONS.items()}
    types = np.array([kind[q] for q in questions])
    by_type = {k: round(float(hits[torch.from_numpy(types == k)].mean()), 4) for k in QUESTIONS if (types == k).any()}
    return {"all": round(float(hits.mean()), 4), **by_type}


def set_stage(fused: FusedModel, cfg: VQAConfig) -> None:
    """scratch: everything trains. projector: only the projector and the cross-attention blocks. lora: those plus
    LoRA on the decoder's attention and MLP (sft.py's apply_lora freezes the rest)."""
    if cfg.stage not in ("scratch", "projector", "lora"):
        raise ValueError(f"stage must be scratch, projector or lora, got {cfg.stage!r}")
    if cfg.stage == "scratch":
        fused.requires_grad_(True)
        return
    fused.requires_grad_(False)
    if cfg.stage == "lora":
        apply_lora(fused.decoder, cfg.lora_rank, cfg.lora_alpha, 0.0, ["wq", "wk", "wv", "wo", "w1", "w2", "w3"])
    fused.projector.requires_grad_(True)
    for block in cross_blocks(fused.decoder):
        block.requires_grad_(True)


def fuse_meta(cfg: VQAConfig) -> dict[str, Any]:
    """What rebuilds the same module tree from a checkpoint: the model shape and whether LoRA is on."""
    keys = ("fusion", "cross_every", "shuffle", "image_size", "patch_size", "vision_dim", "vision_layers", "dim",
            "n_layers", "n_heads", "lora_rank", "lora_alpha", "stage")
    return {k: getattr(cfg, k) for k in keys}


def load_fused(path: str | Path) -> tuple[FusedModel, dict[str, Any]]:
    """Rebuild a FusedModel from a fuse checkpoint (any stage) and load its weights."""
    meta_file = Path(path) / "meta.json"
    if not meta_file.exists():
        raise FileNotFoundError(f"{path}: not a fuse checkpoint (no meta.json)")
    shape = json.loads(meta_file.read_text())["config"]["fuse"]
    cfg = VQAConfig(**shape)
    fused = build_vqa_model(cfg)
    set_stage(fused, cfg)
    meta = load_checkpoint(path, model=fused, restore_rng=False)
    return fused, meta


def train_vqa(cfg: VQAConfig, log: Any = None) -> dict[str, Any]:
    """Train one fusion mode and stage; returns held-out accuracy over steps and the checkpoint path."""
    torch.manual_seed(cfg.seed)
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    if cfg.init_from:
        fused, _ = load_fused(cfg.init_from)
        if fused.fcfg.fusion != cfg.fusion:
            raise ValueError(f"{cfg.init_from}: trained with fusion={fused.fcfg.fusion}, asked for {cfg.fusion}")
        if lora_modules(fused.decoder) and cfg.stage != "lora":
            raise ValueError(f"{cfg.init_from}: already has LoRA; continue with stage=lora")
        if not lora_modules(fused.decoder):
            set_stage(fused, cfg)
    else:
        fused = build_vqa_model(cfg)
        set_stage(fused, cfg)
    params = [p for p in fused.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=cfg.weight_decay, betas=(0.9, 0.98))
    # train.py's schedule: linear warmup, then cosine to 10% (the toy converges within a few hundred steps)
    schedule = build_scheduler(opt, TrainConfig(warmup_steps=cfg.warmup, max_steps=cfg.steps, min_lr_ratio=0.1))
    held = make_vqa(cfg.n_eval, seed=10_000 + cfg.seed, size=cfg.image_size)  # a seed no training batch uses
    history, start = [], time.time()
    step = 0
    for step in range(cfg.steps):
        images, questions, answers = make_vqa(cfg.batch_size, seed=cfg.seed * 1_000_003 + step, size=cfg.image_size)
        _, loss = run_batch(fused, images, questions, answers)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        schedule.step()
        done = cfg.max_seconds and time.time() - start > cfg.max_seconds
        if (step + 1) % cfg.eval_every == 0 or step + 1 == cfg.steps or done:
            acc = accuracy(fused, held)
            history.append({"step": step + 1, "loss": loss.item(), "accuracy": acc.pop("all"), "by_type": acc,
                            "seconds": round(time.time() - start, 1)})
            if log is not None:
                log.info("eval", extra={"fields": {"fusion": cfg.fusion, "stage": cfg.stage, **history[-1]}})
        if done:
            break
    root = Path(cfg.out) if cfg.out else out_dir("fuse", cfg.run)
    ckpt = save_checkpoint(root, f"{cfg.fusion}-{cfg.stage}", model=fused, optimizer=opt, step=step + 1,
                           config={"fuse": fuse_meta(cfg)}, model_config=asdict(fused.decoder.config))
    return {"fusion": cfg.fusion, "stage": cfg.stage, "history": history, "accuracy": history[-1]["accuracy"],
            "checkpoint": str(ckpt), "model": fused}


def plot(results: list[dict[str, Any]], path: str | Path) -> Path:
    """Held-out accuracy over steps, one line per fusion mode, chance marked."""
    fig = Figure(figsize=(6, 4))  # no pyplot: no display or backend needed on build machines
    ax = fig.subplots()
    for r in results:
        ax.plot([h["step"] for h in r["history"]], [h["accuracy"] for h in r["history"]], marker="o",
                label="text-only" if r["fusion"] == "none" else r["fusion"])
    ax.axhline(0.25, color="gray", linestyle="--", label="chance")
    ax.set(xlabel="training step", ylabel="held-out accuracy", ylim=(0, 1), title="toy VQA")
    ax.legend()
    return save_figure(fig, path)


def record_results(results: list[dict[str, Any]], cfg: VQAConfig, path: str | Path) -> Path:
    """Put a compare run's numbers under "vqa" in `path` (docs/results.json, the committed results file; its other
    keys stay as they are): final and per-type held-out accuracy, accuracy at every eval step, wall time."""
    path = Path(path)
    data = json.loads(path.read_text()) if path.exists() else {}
    modes = {r["fusion"]: {"accuracy": r["accuracy"], "by_type": r["history"][-1]["by_type"],
                           "seconds": r["history"][-1]["seconds"],
                           "accuracy_at_step": {str(h["step"]): h["accuracy"] for h in r["history"]}} for r in results}
    data["vqa"] = {"measured": time.strftime("%Y-%m-%d", time.gmtime()), "steps": cfg.steps, "seed": cfg.seed,
                   "n_eval": cfg.n_eval, "cross_every": cfg.cross_every,
                   "machine": f"{os.cpu_count()}-core CPU, {cfg.threads} torch thread(s)", "modes": modes}
    atomic_write_json(path, data)
    return path


def main(argv: list[str]) -> None:
    cfg = parse_config(VQAConfig, argv)
    root = Path(cfg.out) if cfg.out else out_dir("fuse", cfg.run)
    log = get_logger("fuse", root / "metrics.jsonl")
    modes = ("concat", "cross", "none") if cfg.compare else (cfg.fusion,)
    results = []
    for mode in modes:
        r = train_vqa(replace(cfg, fusion=mode), log)
        model = r.pop("model")
        if mode != "none":
            export_release(model, None, root / f"release-{mode}")  # the toy's word vocabulary has no tokenizer file
        results.append(r)
        print(json.dumps({k: r[k] for k in ("fusion", "stage", "accuracy", "checkpoint")}))
    atomic_write_json(root / "results.json", results)
    if cfg.compare:
        docs = Path(__file__).parent / "docs"
        print(plot(results, docs / "vqa_accuracy.png"), record_results(results, cfg, docs / "results.json"))


if __name__ == "__main__":
    main(sys.argv[1:])
