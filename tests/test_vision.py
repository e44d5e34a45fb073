"""vision.py: SigLIP/CLIP encoder parity with transformers on tiny random weights, preprocessing parity with their
image processors on the CIMA PNGs, patchify = conv, bad images, download from a 127.0.0.1 hub."""
import http.server
import io
import threading
from functools import partial
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from safetensors.torch import load_file, save_file
from transformers import CLIPVisionConfig, CLIPVisionModel, SiglipVisionConfig, SiglipVisionModel
from transformers.models.clip.image_processing_pil_clip import CLIPImageProcessorPil
from transformers.models.siglip.image_processing_pil_siglip import SiglipImageProcessorPil

import vision

TINY = dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4, image_size=32,
            patch_size=8)


def hf_tower(kind: str, tmp_path: Path):
    """A random-weight transformers vision tower saved as a Hugging Face directory."""
    torch.manual_seed(0)
    if kind == "siglip":
        model = SiglipVisionModel(SiglipVisionConfig(**TINY))
    else:
        model = CLIPVisionModel(CLIPVisionConfig(**TINY))
    with torch.no_grad():  # transformers zero-inits some biases and norms: randomise so every tensor is exercised
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    model.eval().save_pretrained(tmp_path / kind)
    return model, tmp_path / kind


@pytest.mark.parametrize("kind", ["siglip", "clip"])
def test_encoder_parity_with_transformers(kind, tmp_path):
    theirs, path = hf_tower(kind, tmp_path)
    ours, pp = vision.load_encoder(path)
    assert ours.config.kind == kind
    pixels = torch.randn(3, 3, 32, 32)
    with torch.no_grad():
        ref = theirs(pixel_values=pixels)
        hidden, pooled = ours(pixels)
    torch.testing.assert_close(hidden, ref.last_hidden_state, atol=1e-4, rtol=1e-4)
    torch.testing.assert_close(pooled, ref.pooler_output, atol=1e-4, rtol=1e-4)
    assert ours.patch_tokens(pixels).shape == (3, 16, 32)  # CLIP's class token dropped


@pytest.mark.parametrize("kind", ["siglip", "clip"])
def test_save_encoder_loads_in_transformers(kind, tmp_path):

    torch.manual_seed(1)
    cfg = vision.VisionConfig(kind=kind, image_size=32, patch_size=8, dim=32, n_layers=2, n_heads=4, mlp_dim=64,
                              act="gelu_pytorch_tanh" if kind == "siglip" else "quick_gelu", use_head=kind == "siglip")
    ours = vision.ViT(cfg).eval()
    vision.save_encoder(ours, tmp_path / "enc")
    cls = SiglipVisionModel if kind == "siglip" else CLIPVisionModel
    theirs = cls.from_pretrained(tmp_path / "enc").eval()
    pixels = torch.randn(2, 3, 32, 32)
    with torch.no_grad():
        torch.testing.assert_close(ours(pixels)[1], theirs(pixel_values=pixels).pooler_output, atol=1e-4, rtol=1e-4)
    again, pp = vision.load_encoder(tmp_path / "enc")
    assert pp == vision.Preprocess.default(cfg)
    for a, b in zip(ours.state_dict().values(), again.state_dict().values()):
        assert torch.equal(a, b)


def test_wrong_weights_name_the_tensor(tmp_path):
    _, path = hf_tower("siglip", tmp_path)
    sd = load_file(path / "model.safetensors")
    sd["post_layernorm.weight"] = torch.ones(7)  # transformers 5 saves bare names
    save_file(sd, path / "model.safetensors")
    with pytest.raises(ValueError, match="vision_model.post_layernorm.weight"):
        vision.load_encoder(path)
    del sd["post_layernorm.weight"]
    save_file(sd, path / "model.safetensors")
    with pytest.raises(KeyError, match="missing.*post_layernorm"):
        vision.load_encoder(path)


def check_preprocessing_parity(kind: str, files: list[Path]) -> None:
    proc = SiglipImageProcessorPil() if kind == "siglip" else CLIPImageProcessorPil()
    pp = vision.Preprocess.from_hf(proc.to_dict())
    assert pp.shortest_edge == (224 if kind == "clip" else 0)
    assert len(files) >= 5
    images = [Image.open(f) for f in files]
    ours = vision.preprocess(images, pp)
    theirs = proc(images=images, return_tensors="pt")["pixel_values"]
    assert ours.shape == theirs.shape == (len(files), 3, 224, 224)
    torch.testing.assert_close(ours, theirs, atol=1e-5, rtol=0)


@pytest.mark.parametrize("kind", ["siglip", "clip"])
def test_preprocessing_parity_on_cima(kind, data_dir):
    """Six small fixture PNGs in CIMA's layout: RGB and RGBA, wide and tall, all smaller than the model's input."""
    check_preprocessing_parity(kind, sorted((data_dir / "cima" / "pictures").glob("*.png")))


@pytest.mark.full_data
@pytest.mark.parametrize("kind", ["siglip", "clip"])
def test_preprocessing_parity_on_full_cima(kind, full_data_dir):
    check_preprocessing_parity(kind, sorted((full_data_dir / "cima" / "pictures").glob("*.png"))[::40])


def test_clip_crop_of_wide_and_tall_images():
    proc = CLIPImageProcessorPil(size={"shortest_edge": 20}, crop_size={"height": 16, "width": 16})
    pp = vision.Preprocess.from_hf(proc.to_dict())
    rng = np.random.default_rng(0)
    for shape in [(30, 47, 3), (53, 21, 3), (11, 13, 3)]:  # wide, tall, smaller than the crop after no upscale
        image = Image.fromarray(rng.integers(0, 256, shape, dtype=np.uint8))
        torch.testing.assert_close(vision.preprocess(image, pp), proc(images=image, return_tensors="pt")["pixel_values"],
                                   atol=1e-5, rtol=0)


def test_patchify_equals_patch_embedding_conv():
    torch.manual_seed(0)
    vit = vision.ViT(vision.VisionConfig(image_size=32, patch_size=8, dim=24, n_layers=1, n_heads=4, mlp_dim=32))
    pixels = torch.randn(2, 3, 32, 32)
    conv = vit.patch_embedding(pixels).flatten(2).transpose(1, 2)
    patches = vision.patchify(pixels, 8)
    assert patches.shape == (2, 16, 3 * 8 * 8)
    w = vit.patch_embedding.weight
    torch.testing.assert_close(patches @ w.flatten(1).T + vit.patch_embedding.bias, conv, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(patches[0, 5], pixels[0, :, 8:16, 8:16].reshape(-1))  # patch 5 = row 1, column 1


def png_bytes(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def test_bad_images_rejected_with_clear_errors():
    with pytest.raises(ValueError, match="upload.txt: not an image"):
        vision.open_image(b"hello, this is text", name="upload.txt")
    good = png_bytes(Image.new("RGB", (64, 64), (10, 200, 30)))
    with pytest.raises(ValueError, match="truncated or corrupt"):
        vision.open_image(good[: len(good) // 2])
    bomb = png_bytes(Image.new("1", (8000, 8000)))  # 64M pixels in ~8 KB
    assert len(bomb) < 100_000
    with pytest.raises(ValueError, match="8000x8000.*decompression bomb"):
        vision.open_image(bomb)


def test_image_modes_are_converted():
    gray = vision.open_image(png_bytes(Image.new("L", (4, 4), 77)))
    assert gray.mode == "RGB" and gray.getpixel((0, 0)) == (77, 77, 77)
    rgba = Image.new("RGBA", (4, 4), (255, 0, 0, 0))  # fully transparent red: white after compositing
    rgba.putpixel((1, 1), (255, 0, 0, 255))
    out = vision.open_image(png_bytes(rgba))
    assert out.getpixel((0, 0)) == (255, 255, 255) and out.getpixel((1, 1)) == (255, 0, 0)
    deep = Image.fromarray(np.full((4, 4), 32896, dtype=np.uint16))  # 16-bit mid-gray (128 * 257)
    out = vision.open_image(png_bytes(deep))
    assert out.mode == "RGB" and out.getpixel((2, 2)) == (128, 128, 128)
    pal = Image.new("P", (4, 4), 3)
    pal.putpalette([0, 0, 0] * 3 + [1, 2, 3] + [0, 0, 0] * 252)
    assert vision.open_image(png_bytes(pal)).getpixel((0, 0)) == (1, 2, 3)


def test_download_from_local_hub(tmp_path):
    _, src = hf_tower("clip", tmp_path)
    (src / "preprocessor_config.json").write_text('{"size": {"shortest_edge": 32}, "crop_size": {"height": 32, '
                                                  '"width": 32}, "image_mean": [0.5, 0.5, 0.5], "image_std": [0.5, 0.5, 0.5]}')
    root = tmp_path / "hub"
    (root / "org" / "tiny-clip" / "resolve").mkdir(parents=True)
    (root / "org" / "tiny-clip" / "resolve" / "main").symlink_to(src)
    seen = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            seen.append(self.path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_address[1]}"
        dest = vision.download_encoder("org/tiny-clip", tmp_path / "dl", endpoint=endpoint)
        assert sorted(p.name for p in dest.iterdir()) == sorted(vision.HUB_FILES)
        assert (dest / "model.safetensors").read_bytes() == (src / "model.safetensors").read_bytes()
        vit, pp = vision.load_encoder(dest)
        assert vit.config.kind == "clip" and pp.shortest_edge == 32
        with pytest.raises(OSError, match="HTTP 404"):
            vision.download_encoder("org/missing", tmp_path / "dl2", endpoint=endpoint)
        assert not any((tmp_path / "dl2").iterdir())  # nothing half-written looks complete
    finally:
        server.shutdown()
        server.server_close()
