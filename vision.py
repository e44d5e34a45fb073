"""Vision towers for nanotutor: a ViT that loads SigLIP and CLIP vision encoders from Hugging Face safetensors.

What it supports
- `ViT(VisionConfig)`: SigLIP (attention-pooling head, no class token) and CLIP (class token, pre-LayerNorm,
  quick-GELU) in one small module; `forward(pixels) -> (hidden, pooled)` exactly as transformers'
  `SiglipVisionModel` / `CLIPVisionModel` define `last_hidden_state` and `pooler_output`. `patch_tokens(pixels)`
  drops CLIP's class token so fuse.py always gets one embedding per patch.
- `load_encoder(dir)` / `save_encoder(vit, dir, preprocess)`: a Hugging Face directory (config.json with or without
  a `vision_config` section, model.safetensors with `vision_model.*` names, preprocessor_config.json). A full
  SiglipModel/CLIPModel checkpoint works too: its text tower is skipped.
- `download_encoder(repo, dest)`: fetches those three files from the hub's public URL layout
  (`{endpoint}/{repo}/resolve/{revision}/{file}`), streamed, atomic. Offline (as on our build machines) nothing can be
  fetched, so nanotutor runs the toy encoder fuse.py trains from scratch; with hub access this gets real weights.
- `Preprocess` + `preprocess(images, pp)`: RGB conversion (transparency composited on white), bicubic resize
  (SigLIP: straight to the square; CLIP: shortest edge, then centre crop), rescale to [0, 1], each model's mean/std.
- `open_image(bytes | path)`: rejects what is not an image, truncated files and decompression bombs with a clear
  error; converts grayscale, palette, RGBA/LA, CMYK and 16-bit images to 8-bit RGB.
- `patchify(pixels, p)`: the unfold view of the patch embedding (a conv with stride p is a matmul on patches).

Run
    .venv/bin/python vision.py IMAGE [MODEL_DIR]          # preprocess an image and print the encoder's output shapes
    .venv/bin/python vision.py --download=google/siglip-base-patch16-224 --dest=out/vision/siglip   # needs the internet
"""
from __future__ import annotations

import io
import json
import sys
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image, UnidentifiedImageError
from safetensors.torch import load_file, save

from common import atomic_write_bytes, atomic_write_json, parse_args
from data.download import fetch

OPENAI_CLIP_MEAN = (0.48145466, 0.4578275, 0.40821073)
OPENAI_CLIP_STD = (0.26862954, 0.26130258, 0.27577711)
HALF = (0.5, 0.5, 0.5)
MAX_PIXELS = 40_000_000  # ~6300x6300: anything larger is a decompression bomb for a tutor's photo upload


# ============================================================================= config

@dataclass
class VisionConfig:
    kind: str = "siglip"  # siglip | clip
    image_size: int = 224
    patch_size: int = 16
    channels: int = 3
    dim: int = 768
    n_layers: int = 12
    n_heads: int = 12
    mlp_dim: int = 3072
    eps: float = 1e-6
    act: str = "gelu_pytorch_tanh"  # CLIP: quick_gelu
    use_head: bool = True  # SigLIP's attention-pooling head (pooled output)

    def __post_init__(self) -> None:
        if self.kind not in ("siglip", "clip"):
            raise ValueError(f"VisionConfig.kind must be 'siglip' or 'clip', got {self.kind!r}")
        if self.act not in ACTS:
            raise ValueError(f"VisionConfig.act {self.act!r} is not one of {sorted(ACTS)}")
        if self.image_size % self.patch_size or self.dim % self.n_heads:
            raise ValueError(f"image_size {self.image_size} must be a multiple of patch_size {self.patch_size}, "
                             f"dim {self.dim} of n_heads {self.n_heads}")

    @property
    def n_patches(self) -> int:
        return (self.image_size // self.patch_size) ** 2

    @property
    def n_prefix(self) -> int:
        """Tokens before the patches: CLIP's class token."""
        return 1 if self.kind == "clip" else 0


# Defaults of each family's transformers config, for config.json files that leave them out.
HF_DEFAULTS = {
    "siglip": dict(hidden_size=768, intermediate_size=3072, num_hidden_layers=12, num_attention_heads=12,
                   num_channels=3, image_size=224, patch_size=16, layer_norm_eps=1e-6, hidden_act="gelu_pytorch_tanh"),
    "clip": dict(hidden_size=768, intermediate_size=3072, num_hidden_layers=12, num_attention_heads=12,
                 num_channels=3, image_size=224, patch_size=32, layer_norm_eps=1e-5, hidden_act="quick_gelu"),
}


def config_from_hf(hf: dict[str, Any], source: Any = "config.json") -> VisionConfig:
    """A transformers config dict (vision model or the full two-tower model) -> VisionConfig."""
    model_type = hf.get("model_type", "")
    kind = "siglip" if model_type.startswith("siglip") else "clip" if model_type.startswith("clip") else None
    if kind is None:
        raise ValueError(f"{source}: model_type {model_type!r} is neither SigLIP nor CLIP")
    v = {**HF_DEFAULTS[kind], **hf.get("vision_config", hf)}
    return VisionConfig(kind=kind, image_size=v["image_size"], patch_size=v["patch_size"], channels=v["num_channels"],
                        dim=v["hidden_size"], n_layers=v["num_hidden_layers"], n_heads=v["num_attention_heads"],
                        mlp_dim=v["intermediate_size"], eps=v["layer_norm_eps"], act=v["hidden_act"],
                        use_head=kind == "siglip" and v.get("vision_use_head", True))


def config_to_hf(cfg: VisionConfig) -> dict[str, Any]:
    hf = {"model_type": f"{cfg.kind}_vision_model", "hidden_size": cfg.dim, "intermediate_size": cfg.mlp_dim,
          "num_hidden_layers": cfg.n_layers, "num_attention_heads": cfg.n_heads, "num_channels": cfg.channels,
          "image_size": cfg.image_size, "patch_size": cfg.patch_size, "layer_norm_eps": cfg.eps, "hidden_act": cfg.act}
    if cfg.kind == "siglip":
        hf["vision_use_head"] = cfg.use_head
    return hf


# ============================================================================= model

def quick_gelu(x: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(1.702 * x)


ACTS = {"gelu_pytorch_tanh": lambda x: F.gelu(x, approximate="tanh"), "gelu": F.gelu, "quick_gelu": quick_gelu}


class Attention(nn.Module):
    def __init__(self, cfg: VisionConfig):
        super().__init__()
        self.n_heads = cfg.n_heads
        self.q_proj, self.k_proj = nn.Linear(cfg.dim, cfg.dim), nn.Linear(cfg.dim, cfg.dim)
        self.v_proj, self.out_proj = nn.Linear(cfg.dim, cfg.dim), nn.Linear(cfg.dim, cfg.dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        B, T, C = x.shape
        q, k, v = (p(x).view(B, T, self.n_heads, -1).transpose(1, 2) for p in (self.q_proj, self.k_proj, self.v_proj))
        y = F.scaled_dot_product_attention(q, k, v)  # bidirectional: every patch sees every patch
        return self.out_proj(y.transpose(1, 2).reshape(B, T, C))


class MLP(nn.Module):
    def __init__(self, cfg: VisionConfig):
        super().__init__()
        self.fc1, self.fc2, self.act = nn.Linear(cfg.dim, cfg.mlp_dim), nn.Linear(cfg.mlp_dim, cfg.dim), ACTS[cfg.act]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(self.act(self.fc1(x)))


class EncoderLayer(nn.Module):
    def __init__(self, cfg: VisionConfig):
        super().__init__()
        self.layer_norm1, self.self_attn = nn.LayerNorm(cfg.dim, eps=cfg.eps), Attention(cfg)
        self.layer_norm2, self.mlp = nn.LayerNorm(cfg.dim, eps=cfg.eps), MLP(cfg)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.self_attn(self.layer_norm1(x))
        return x + self.mlp(self.layer_norm2(x))


class PoolingHead(nn.Module):
    """SigLIP's multihead attention pooling: one learned query (the probe) attends over all patches."""

    def __init__(self, cfg: VisionConfig):
        super().__init__()
        self.probe = nn.Parameter(torch.randn(1, 1, cfg.dim))
        self.attention = nn.MultiheadAttention(cfg.dim, cfg.n_heads, batch_first=True)
        self.layernorm, self.mlp = nn.LayerNorm(cfg.dim, eps=cfg.eps), MLP(cfg)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.attention(self.probe.expand(x.shape[0], -1, -1), x, x, need_weights=False)[0]
        return (h + self.mlp(self.layernorm(h)))[:, 0]


class ViT(nn.Module):
    """Module names follow transformers' `vision_model.*` with `embeddings.` and `encoder.` dropped."""

    def __init__(self, cfg: VisionConfig):
        super().__init__()
        self.config = cfg
        clip = cfg.kind == "clip"
        self.patch_embedding = nn.Conv2d(cfg.channels, cfg.dim, cfg.patch_size, stride=cfg.patch_size, bias=not clip)
        self.position_embedding = nn.Embedding(cfg.n_patches + cfg.n_prefix, cfg.dim)
        if clip:
            self.class_embedding = nn.Parameter(torch.randn(cfg.dim))
            self.pre_layrnorm = nn.LayerNorm(cfg.dim, eps=cfg.eps)  # (sic: transformers' spelling)
        self.layers = nn.ModuleList(EncoderLayer(cfg) for _ in range(cfg.n_layers))
        self.post_layernorm = nn.LayerNorm(cfg.dim, eps=cfg.eps)
        if cfg.use_head:
            self.head = PoolingHead(cfg)
        self.apply(init_weights)

    def embed(self, pixels: torch.Tensor) -> torch.Tensor:
        cfg = self.config
        if pixels.ndim != 4 or pixels.shape[1:] != (cfg.channels, cfg.image_size, cfg.image_size):
            raise ValueError(f"pixels must be (B, {cfg.channels}, {cfg.image_size}, {cfg.image_size}), "
                             f"got {tuple(pixels.shape)}")
        x = self.patch_embedding(pixels.to(self.patch_embedding.weight.dtype)).flatten(2).transpose(1, 2)
        if cfg.kind == "clip":
            x = torch.cat([self.class_embedding.expand(x.shape[0], 1, -1), x], dim=1)
        return x + self.position_embedding.weight

    def forward(self, pixels: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        """pixels (B, C, H, W) -> (hidden (B, T, dim), pooled (B, dim) or None), as transformers defines them."""
        x = self.embed(pixels)
        if self.config.kind == "clip":
            x = self.pre_layrnorm(x)
        for layer in self.layers:
            x = layer(x)
        if self.config.kind == "clip":  # CLIP's hidden states stay un-normed; only the class token is
            return x, self.post_layernorm(x[:, 0])
        x = self.post_layernorm(x)
        return x, self.head(x) if self.config.use_head else None

    def patch_tokens(self, pixels: torch.Tensor) -> torch.Tensor:
        """(B, n_patches, dim): one embedding per patch, CLIP's class token dropped."""
        return self(pixels)[0][:, self.config.n_prefix:]


def init_weights(module: nn.Module) -> None:
    """Small normal weights for training from scratch (loading overwrites them)."""
    if isinstance(module, (nn.Linear, nn.Conv2d, nn.Embedding)):
        nn.init.normal_(module.weight, std=0.02)
        if getattr(module, "bias", None) is not None:
            nn.init.zeros_(module.bias)


def patchify(pixels: torch.Tensor, patch_size: int) -> torch.Tensor:
    """(B, C, H, W) -> (B, n_patches, C*p*p), patches in row-major order, each flattened channel-first: exactly the
    layout Conv2d(stride=p) multiplies its (dim, C, p, p) weight with, so `patchify(x) @ W.flatten(1).T + b` is the
    conv."""
    return F.unfold(pixels, kernel_size=patch_size, stride=patch_size).transpose(1, 2)


# ============================================================================= weights in Hugging Face layout

VISION_KEYS = ("embeddings.", "encoder.", "pre_layrnorm.", "post_layernorm.", "head.")


def ours_from_hf(key: str) -> str | None:
    """'vision_model.encoder.layers.0.mlp.fc1.weight' -> 'layers.0.mlp.fc1.weight'; None for keys we do not use."""
    key = key.removeprefix("vision_model.")  # full two-tower and older checkpoints; transformers 5 saves bare names
    if not key.startswith(VISION_KEYS) or key.endswith("position_ids"):
        return None
    return key.removeprefix("embeddings.").removeprefix("encoder.")


def hf_from_ours(key: str) -> str:
    if key.startswith(("patch_embedding", "position_embedding", "class_embedding")):
        key = "embeddings." + key
    elif key.startswith("layers."):
        key = "encoder." + key
    return "vision_model." + key


def load_encoder(path: str | Path, dtype: torch.dtype = torch.float32) -> tuple[ViT, "Preprocess"]:
    """A Hugging Face SigLIP/CLIP directory -> (ViT with its weights, the preprocessing it expects)."""
    path = Path(path)
    for needed in ("config.json", "model.safetensors"):
        if not (path / needed).exists():
            raise FileNotFoundError(f"{path}: missing {needed}")
    cfg = config_from_hf(json.loads((path / "config.json").read_text()), path / "config.json")
    vit = ViT(cfg)
    theirs = load_file(path / "model.safetensors")
    sd = {ours: t for key, t in theirs.items() if (ours := ours_from_hf(key)) is not None}
    expected = vit.state_dict()
    missing, unused = sorted(set(expected) - set(sd)), sorted(set(sd) - set(expected))
    if missing or unused:
        raise KeyError(f"{path / 'model.safetensors'}: missing {[hf_from_ours(k) for k in missing[:3]]}, "
                       f"unexpected {[hf_from_ours(k) for k in unused[:3]]}")
    for key, tensor in sd.items():
        if tensor.shape != expected[key].shape:
            raise ValueError(f"{path / 'model.safetensors'}: tensor {hf_from_ours(key)} has shape "
                             f"{tuple(tensor.shape)}, expected {tuple(expected[key].shape)}")
    vit.load_state_dict(sd)
    pp_file = path / "preprocessor_config.json"
    pp = Preprocess.from_hf(json.loads(pp_file.read_text())) if pp_file.exists() else Preprocess.default(cfg)
    return vit.to(dtype).eval(), pp


def save_encoder(vit: ViT, path: str | Path, pp: "Preprocess | None" = None) -> Path:
    """Write config.json, model.safetensors and preprocessor_config.json that transformers loads (weights first,
    each file atomic)."""
    path = Path(path)
    sd = {hf_from_ours(k): v.detach().float().contiguous() for k, v in vit.state_dict().items()}
    atomic_write_bytes(path / "model.safetensors", save(sd, metadata={"format": "pt"}))
    atomic_write_json(path / "preprocessor_config.json", (pp or Preprocess.default(vit.config)).to_hf())
    atomic_write_json(path / "config.json", config_to_hf(vit.config))
    return path


HUB_FILES = ("config.json", "preprocessor_config.json", "model.safetensors")


def download_encoder(repo: str, dest: str | Path, revision: str = "main", endpoint: str = "https://huggingface.co",
                     timeout: float = 60.0) -> Path:
    """Fetch a SigLIP/CLIP checkpoint from the hub's public URL layout into `dest` (each file streamed to a temp file
    and renamed by data.download.fetch, so an interrupted download never looks complete); files already there are
    kept."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for name in HUB_FILES:
        if not (dest / name).exists():
            fetch(f"{endpoint.rstrip('/')}/{repo}/resolve/{revision}/{name}", dest / name, timeout=timeout)
    load_encoder(dest)  # a download that does not load is an error now, not at serve time
    return dest


# ============================================================================= preprocessing

@dataclass
class Preprocess:
    """What each model expects. SigLIP: resize to (height, width). CLIP: resize the shortest edge, centre crop."""
    height: int = 224
    width: int = 224
    shortest_edge: int = 0  # > 0: keep the aspect ratio, then centre crop to (height, width)
    mean: tuple[float, ...] = HALF
    std: tuple[float, ...] = HALF
    resample: int = 3  # PIL.Image.BICUBIC
    rescale: float = 1 / 255

    @classmethod
    def default(cls, cfg: VisionConfig) -> "Preprocess":
        s = cfg.image_size
        if cfg.kind == "clip":
            return cls(s, s, shortest_edge=s, mean=OPENAI_CLIP_MEAN, std=OPENAI_CLIP_STD)
        return cls(s, s)

    @classmethod
    def from_hf(cls, hf: dict[str, Any]) -> "Preprocess":
        """transformers' preprocessor_config.json -> Preprocess."""
        size, crop = hf.get("size", {}), hf.get("crop_size") or {}
        if isinstance(size, int):
            size = {"shortest_edge": size}
        if isinstance(crop, int):
            crop = {"height": crop, "width": crop}
        mean = tuple(hf.get("image_mean", HALF)) if hf.get("do_normalize", True) else (0.0, 0.0, 0.0)
        std = tuple(hf.get("image_std", HALF)) if hf.get("do_normalize", True) else (1.0, 1.0, 1.0)
        if "shortest_edge" in size:
            crop = crop if hf.get("do_center_crop", True) else {}
            side = size["shortest_edge"]
            return cls(crop.get("height", side), crop.get("width", side), shortest_edge=side, mean=mean, std=std,
                       resample=hf.get("resample", 3), rescale=hf.get("rescale_factor", 1 / 255))
        return cls(size["height"], size["width"], mean=mean, std=std, resample=hf.get("resample", 3),
                   rescale=hf.get("rescale_factor", 1 / 255))

    def to_hf(self) -> dict[str, Any]:
        common = {"image_mean": list(self.mean), "image_std": list(self.std), "resample": self.resample,
                  "rescale_factor": self.rescale, "do_resize": True, "do_rescale": True, "do_normalize": True,
                  "do_convert_rgb": True}
        if self.shortest_edge:
            return {**common, "image_processor_type": "CLIPImageProcessor",
                    "size": {"shortest_edge": self.shortest_edge},
                    "crop_size": {"height": self.height, "width": self.width}, "do_center_crop": True}
        return {**common, "image_processor_type": "SiglipImageProcessor",
                "size": {"height": self.height, "width": self.width}}


def to_rgb(image: Any) -> Any:
    """Any PIL image -> 8-bit RGB. Transparency is composited on white (as transformers does), 16-bit and 32-bit
    integer gray is scaled down rather than clipped (PIL's convert would turn most of a 16-bit photo white)."""
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N"):
        arr = np.asarray(image, dtype=np.float64)
        top = 65535.0 if image.mode != "I" or arr.max() > 255 else 255.0  # 'I' holds 16-bit PNGs and 8-bit data
        image = Image.fromarray(np.clip(np.rint(arr * 255.0 / top), 0, 255).astype(np.uint8), "L")
    elif image.mode == "F":
        raise ValueError("floating-point images (mode F) have no agreed range; convert to 8- or 16-bit first")
    if "A" in image.getbands() or image.info.get("transparency") is not None:
        rgba = image.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba).convert("RGB")
    return image if image.mode == "RGB" else image.convert("RGB")


def open_image(source: bytes | str | Path | Any, max_pixels: int = MAX_PIXELS, name: str = "") -> Any:
    """Bytes, a path or a PIL image -> a fully decoded 8-bit RGB PIL image, or ValueError saying what is wrong."""
    if isinstance(source, Image.Image):
        return to_rgb(source)
    label = name or (str(source) if isinstance(source, (str, Path)) else "image")
    data = Path(source).read_bytes() if isinstance(source, (str, Path)) else source
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            w, h = image.size  # the header only: a bomb is refused before a single pixel is decoded
            if w * h > max_pixels:
                raise ValueError(f"{label}: {w}x{h} = {w * h} pixels is over the limit of {max_pixels} "
                                 "(decompression bomb?)")
            image.load()
    except UnidentifiedImageError:
        raise ValueError(f"{label}: not an image (no known image format)") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise ValueError(f"{label}: decompression bomb refused ({e})") from None
    except (OSError, SyntaxError) as e:  # PIL reports truncated or corrupt data as OSError
        raise ValueError(f"{label}: truncated or corrupt image ({e})") from None
    return to_rgb(image)


def resize_shortest(image: Any, side: int, resample: int) -> Any:
    """Shortest edge to `side`, the long edge scaled and truncated as transformers (and torchvision) do."""
    w, h = image.size
    short, long = (w, h) if w <= h else (h, w)
    new_long = int(side * long / short)
    size = (side, new_long) if w <= h else (new_long, side)
    return image.resize(size, resample=resample)


def center_crop(arr: np.ndarray, height: int, width: int) -> np.ndarray:
    """(H, W, C) -> (height, width, C) from the middle; pads with zeros if the image is smaller (as transformers)."""
    H, W = arr.shape[:2]
    if H < height or W < width:
        padded = np.zeros((max(H, height), max(W, width), arr.shape[2]), dtype=arr.dtype)
        top, left = (padded.shape[0] - H) // 2, (padded.shape[1] - W) // 2
        padded[top:top + H, left:left + W] = arr
        arr, H, W = padded, padded.shape[0], padded.shape[1]
    top, left = (H - height) // 2, (W - width) // 2
    return arr[top:top + height, left:left + width]


def preprocess(images: list[Any] | Any, pp: Preprocess) -> torch.Tensor:
    """PIL images (or bytes / paths, opened with `open_image`) -> pixels (B, 3, H, W) float32, normalised."""
    images = images if isinstance(images, list) else [images]
    out = []
    for image in images:
        image = open_image(image)
        if pp.shortest_edge:
            arr = center_crop(np.asarray(resize_shortest(image, pp.shortest_edge, pp.resample)), pp.height, pp.width)
        else:
            arr = np.asarray(image.resize((pp.width, pp.height), resample=pp.resample))
        x = (arr.astype(np.float64) * pp.rescale).astype(np.float32)
        x = (x - np.asarray(pp.mean, dtype=np.float32)) / np.asarray(pp.std, dtype=np.float32)
        out.append(torch.from_numpy(np.ascontiguousarray(x.transpose(2, 0, 1))))
    return torch.stack(out)


# ============================================================================= CLI

def main(argv: list[str]) -> None:
    args = parse_args([a for a in argv if a.startswith("--")])
    paths = [a for a in argv if not a.startswith("--")]
    if "download" in args:
        print(download_encoder(args["download"], args.get("dest", f"out/vision/{args['download'].split('/')[-1]}")))
        return
    if not paths:
        raise SystemExit(__doc__)
    vit, pp = load_encoder(paths[1]) if len(paths) > 1 else (ViT(VisionConfig(n_layers=2)).eval(), None)
    pixels = preprocess([paths[0]], pp or Preprocess.default(vit.config))
    with torch.no_grad():
        hidden, pooled = vit(pixels)
    print(json.dumps({"pixels": list(pixels.shape), "hidden": list(hidden.shape),
                      "pooled": None if pooled is None else list(pooled.shape), "config": asdict(vit.config)}))


if __name__ == "__main__":
    main(sys.argv[1:])
