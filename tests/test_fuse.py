"""fuse.py: projector and pixel shuffle, image placeholders, gated cross-attention, training stages, checkpoint and
vision/ release round trips, and a seeded toy-VQA run that learns while the text-only baseline stays at chance."""
import copy

import numpy as np
import pytest
import torch
from PIL import Image
from safetensors.torch import save_file

import fuse
import model
from sft import LoRALinear

TINY = dict(steps=3, batch_size=8, eval_every=3, n_eval=16, vision_dim=32, dim=32, n_layers=2, vision_layers=1)


@pytest.fixture
def one_thread():
    """fuse sets one intra-op thread (fastest for the toy on a shared CPU); give the suite its setting back."""
    threads = torch.get_num_threads()
    yield
    torch.set_num_threads(threads)


def test_pixel_shuffle_groups_neighbouring_patches():
    x = torch.arange(16 * 2, dtype=torch.float32).view(1, 16, 2)  # a 4x4 grid, 2 channels
    y = fuse.pixel_shuffle(x, 2)
    assert y.shape == (1, 4, 8)
    assert y[0, 0].tolist() == torch.cat([x[0, 0], x[0, 1], x[0, 4], x[0, 5]]).tolist()  # top-left 2x2 block
    assert y[0, 3].tolist() == torch.cat([x[0, 10], x[0, 11], x[0, 14], x[0, 15]]).tolist()
    with pytest.raises(ValueError, match="square grid"):
        fuse.pixel_shuffle(torch.zeros(1, 12, 2), 2)
    assert fuse.Projector(2, 5, shuffle=2)(x).shape == (1, 4, 5)


def test_placeholders_zero_one_several_and_wrong_count():
    assert fuse.expand_placeholders([5, 6], image_id=1, n_images=0, tokens_per_image=3) == [5, 6]
    assert fuse.expand_placeholders([5, 1, 6], 1, 1, 3) == [5, 1, 1, 1, 6]
    assert fuse.expand_placeholders([1, 5, 1], 1, 2, 2) == [1, 1, 5, 1, 1]
    with pytest.raises(ValueError, match="prompt has 2 image placeholder.*but 1 image"):
        fuse.expand_placeholders([1, 5, 1], 1, 1, 2)
    with pytest.raises(ValueError, match="prompt has 0 image placeholder.*but 1 image"):
        fuse.expand_placeholders([5], 1, 1, 2)


def test_splice_puts_image_tokens_in_reading_order():
    torch.manual_seed(0)
    fused = fuse.build_vqa_model(fuse.VQAConfig(**{k: v for k, v in TINY.items() if k in ("vision_dim", "dim", "n_layers")}))
    dec = fused.decoder
    ids = torch.tensor([[1, 1, 7, 1, 1], [9, 1, 1, 8, 8]])  # row 0: two images of 2 tokens, row 1: one image
    images = torch.randn(3, 2, dec.config.dim)
    embeds = fuse.splice_images(dec, ids, images, image_id=1)
    torch.testing.assert_close(embeds[0, :2], images[0])
    torch.testing.assert_close(embeds[0, 3:], images[1])
    torch.testing.assert_close(embeds[1, 1:3], images[2])
    torch.testing.assert_close(embeds[0, 2], dec.tok_embeddings.weight[7])
    torch.testing.assert_close(fuse.splice_images(dec, torch.tensor([[7, 8]]), None, 1), dec.tok_embeddings(torch.tensor([[7, 8]])))
    with pytest.raises(ValueError, match="6 image positions.*2 image"):
        fuse.splice_images(dec, ids, images[:2], image_id=1)


def test_cross_attention_starts_as_identity_and_then_reads_the_image():
    torch.manual_seed(0)
    cfg = fuse.VQAConfig(fusion="concat", vision_dim=32, dim=32, n_layers=2)
    dec = fuse.build_vqa_model(cfg).decoder.eval()
    ids = torch.tensor([[3, 4, 5, 6]])
    before = dec(ids)[0]
    where = fuse.insert_cross_attention(dec, every=1)
    assert where == [1, 3] and len(dec.layers) == 4
    ctx = torch.randn(1, 16, 32)
    torch.testing.assert_close(dec(ids, context=ctx)[0], before)  # gates at 0: the decoder is unchanged
    torch.testing.assert_close(dec(ids)[0], before)  # no image: the blocks are skipped
    for block in fuse.cross_blocks(dec):
        block.attn_gate.data.fill_(1.0)
    assert not torch.allclose(dec(ids, context=ctx)[0], dec(ids, context=torch.randn(1, 16, 32))[0])
    # keys and values see LayerNormed image tokens: the projector's output scale does not change what is read
    torch.testing.assert_close(dec(ids, context=5 * ctx)[0], dec(ids, context=ctx)[0], atol=1e-4, rtol=1e-4)
    cache = dec.new_cache(1, 16)  # the KV cache still works with the inserted blocks (they keep no state)
    full = dec(ids, context=ctx)[0]
    dec(ids[:, :3], cache=cache, context=ctx)
    torch.testing.assert_close(dec(ids[:, 3:], cache=cache, context=ctx)[0][:, -1], full[:, -1], atol=1e-5, rtol=1e-5)


def test_cross_attention_rows_with_different_images_match_each_row_alone():
    torch.manual_seed(0)
    cfg = fuse.VQAConfig(fusion="concat", vision_dim=32, dim=32, n_layers=2)
    dec = fuse.build_vqa_model(cfg).decoder.eval()
    fuse.insert_cross_attention(dec, every=1)
    for block in fuse.cross_blocks(dec):
        block.attn_gate.data.fill_(1.0)
        block.ffn_gate.data.fill_(1.0)
    ids = torch.tensor([[3, 4, 5, 6], [7, 8, 9, 10], [11, 12, 13, 14]])
    one, two = torch.randn(16, 32), torch.randn(32, 32)  # one image's tokens, two images' tokens, and no image
    batch = fuse.RowImages.stack([one, two, None])
    assert batch.tokens.shape == (3, 32, 32) and batch.mask.sum(-1).tolist() == [16, 32, 0]
    with torch.no_grad():
        got = dec(ids, context=batch)[0]
        alone = [dec(ids[:1], context=one[None])[0], dec(ids[1:2], context=two[None])[0], dec(ids[2:])[0]]
    for row, want in enumerate(alone):
        torch.testing.assert_close(got[row : row + 1], want, atol=1e-5, rtol=1e-5)


def test_cross_fusion_image_tokens_carry_their_grid_position():
    """Cross-attention cannot tell keys apart by order, so cross fusion adds a fixed 2-D table to its image tokens;
    concat's tokens get positions from the decoder's RoPE and are left alone."""
    table = fuse.image_positions(16, 8)  # a 4x4 grid: channels 0-3 encode the row, 4-7 the column
    torch.testing.assert_close(table[0], torch.tensor([0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0]))  # sin 0, cos 0
    torch.testing.assert_close(table[1, :4], table[0, :4])  # the next column, same row
    torch.testing.assert_close(table[4, 4:], table[0, 4:])  # the next row, same column
    assert len({tuple(row.tolist()) for row in table}) == 16
    with pytest.raises(ValueError, match="square grid"):
        fuse.image_positions(12, 8)
    alike = torch.zeros(1, 16, 8)  # every patch the same: only a position can tell them apart
    assert len({tuple(row.tolist()) for row in fuse.Projector(8, 8, positions=True)(alike)[0]}) == 1 + 15
    assert len({tuple(row.tolist()) for row in fuse.Projector(8, 8)(alike)[0]}) == 1
    shapes = dict(vision_dim=32, dim=32, n_layers=2)
    assert fuse.build_vqa_model(fuse.VQAConfig(fusion="cross", **shapes)).projector.positions
    assert not fuse.build_vqa_model(fuse.VQAConfig(fusion="concat", **shapes)).projector.positions


def test_make_vqa_is_seeded_and_balanced():
    a, b = fuse.make_vqa(400, seed=3), fuse.make_vqa(400, seed=3)
    assert np.array_equal(a[0], b[0]) and a[1:] == b[1:]
    assert not np.array_equal(a[0], fuse.make_vqa(400, seed=4)[0])
    by_question = {q: answers for q, answers in fuse.QUESTIONS.values()}
    assert all(answer in by_question[question] for question, answer in zip(a[1], a[2]))
    counts = {ans: a[2].count(ans) for q in fuse.QUESTIONS.values() for ans in q[1]}
    assert min(counts.values()) > 10  # every answer occurs: no question has a single likely answer
    vocab = fuse.vqa_vocab()
    assert len(vocab) == len(set(vocab)) and vocab[:2] == ["<pad>", "<image>"]


@pytest.mark.slow
def test_toy_vqa_learns_while_text_only_stays_at_chance(tmp_path, one_thread):
    """Seeded: 200 steps of concat fusion (73% held-out; ~35 s on one free core) vs 150 of the text-only baseline
    (26.7%) on 1000 held-out questions with four equally likely answers each (chance 25%). The >= 90% goal is the
    longer run in README."""
    base = dict(steps=200, eval_every=200, n_eval=1000, out=str(tmp_path))
    seen = fuse.train_vqa(fuse.VQAConfig(fusion="concat", **base))
    blind = fuse.train_vqa(fuse.VQAConfig(fusion="none", **{**base, "steps": 150, "eval_every": 150}))
    assert seen["accuracy"] >= 0.60, seen["history"]
    assert blind["accuracy"] <= 0.35, blind["history"]


@pytest.mark.parametrize("fusion", ["concat", "cross"])
def test_checkpoint_and_vision_release_round_trip(fusion, tmp_path, one_thread):
    torch.manual_seed(0)
    result = fuse.train_vqa(fuse.VQAConfig(fusion=fusion, shuffle=2, out=str(tmp_path), **TINY))
    fused = result["model"].eval()
    again, meta = fuse.load_fused(result["checkpoint"])
    assert meta["step"] == 3
    for (name, a), b in zip(fused.state_dict().items(), again.state_dict().values()):
        assert torch.equal(a, b), name
    images, questions, answers = fuse.make_vqa(2, seed=99)
    with torch.no_grad():
        expected = [fuse.run_batch(fused, images[r:r + 1], questions[r:r + 1], answers[r:r + 1])[0][0, -1] for r in range(2)]

    fuse.save_vision(tmp_path / "release", fused)
    bundle = fuse.load_vision(tmp_path / "release")
    assert bundle.tokens_per_image == 4  # 16 patches, pixel shuffle 2
    decoder = bundle.attach(copy.deepcopy(fused.decoder) if fusion == "concat" else fuse.build_vqa_model(
        fuse.VQAConfig(fusion="concat", **{k: TINY[k] for k in ("vision_dim", "dim", "n_layers")})).decoder)
    if fusion == "cross":
        decoder.load_state_dict(fused.decoder.state_dict())
    decoder.eval()
    vocab = {w: i for i, w in enumerate(fuse.vqa_vocab())}
    for row in range(2):
        ids = [vocab["<image>"]] + [vocab[w] for w in questions[row].split()]
        inputs = bundle.prompt_inputs(decoder, ids, [Image.fromarray(images[row])])
        with torch.no_grad():
            logits = decoder(inputs.pop("idx"), **inputs)[0][:, -1]
        torch.testing.assert_close(logits[0], expected[row], atol=1e-4, rtol=1e-4)
    with pytest.raises(ValueError, match="but 2 image"):
        bundle.prompt_inputs(decoder, ids, [Image.fromarray(images[0])] * 2)
    with pytest.raises(ValueError, match="not an image"):
        bundle.embed_images([b"definitely not a png"])
    no_image = bundle.prompt_inputs(decoder, [vocab["what"], vocab["?"]], [])
    with pytest.raises(FileNotFoundError, match="no fuse.json"):
        fuse.load_vision(tmp_path)
    save_file({"fc1.weight": torch.zeros(3, 3)}, tmp_path / "release" / "vision" / "projector.safetensors")
    with pytest.raises(ValueError, match=r"projector.safetensors: (?s:.*)size mismatch for fc1.weight"):
        fuse.load_vision(tmp_path / "release")
    assert (no_image["idx"] if fusion == "cross" else no_image["embeds"]).shape[1] == 2


def test_stages_train_only_what_they_should(tmp_path, one_thread):
    torch.manual_seed(0)
    first = fuse.train_vqa(fuse.VQAConfig(fusion="cross", out=str(tmp_path / "a"), **TINY))
    before = {k: v.clone() for k, v in first["model"].state_dict().items()}
    proj = fuse.train_vqa(fuse.VQAConfig(fusion="cross", stage="projector", init_from=first["checkpoint"],
                                         out=str(tmp_path / "b"), **TINY))
    after = proj["model"].state_dict()
    changed = {k for k in before if not torch.equal(before[k], after[k])}
    assert any(k.startswith("projector.") for k in changed)
    assert any("attn_gate" in k or ".xq." in k for k in changed)  # the new cross-attention blocks train too
    assert not any(k.startswith("encoder.") for k in changed)
    assert not any(k.startswith("decoder.") and "layers.1." not in k and "layers.3." not in k for k in changed)

    lora = fuse.train_vqa(fuse.VQAConfig(fusion="cross", stage="lora", init_from=proj["checkpoint"],
                                         out=str(tmp_path / "c"), **TINY))
    wrapped = [m for m in lora["model"].decoder.modules() if isinstance(m, LoRALinear)]
    assert wrapped and all(not m.base.weight.requires_grad for m in wrapped)
    assert any(m.lora_B.abs().sum() > 0 for m in wrapped)  # B starts at zero: non-zero means LoRA trained
    base = lora["model"].decoder.layers[0].attention.wq.base.weight
    assert torch.equal(base, after["decoder.layers.0.attention.wq.weight"])
    reloaded, _ = fuse.load_fused(lora["checkpoint"])
    for (name, a), b in zip(lora["model"].state_dict().items(), reloaded.state_dict().values()):
        assert torch.equal(a, b), name
    fuse.export_release(lora["model"], None, tmp_path / "release")  # LoRA merged, cross blocks moved to vision/
    decoder, _ = model.load(tmp_path / "release")
    bundle = fuse.load_vision(tmp_path / "release")
    bundle.attach(decoder)
    images, questions, answers = fuse.make_vqa(1, seed=5)
    vocab = {w: i for i, w in enumerate(fuse.vqa_vocab())}
    inputs = bundle.prompt_inputs(decoder, [vocab["<image>"]] + [vocab[w] for w in questions[0].split()],
                                  [Image.fromarray(images[0])])
    lora["model"].eval()
    with torch.no_grad():
        expected = fuse.run_batch(lora["model"], images, questions, answers)[0][0, -1]
        torch.testing.assert_close(decoder(inputs.pop("idx"), **inputs)[0][0, -1], expected, atol=1e-4, rtol=1e-4)
    with pytest.raises(ValueError, match="fusion=cross, asked for concat"):
        fuse.train_vqa(fuse.VQAConfig(fusion="concat", stage="projector", init_from=first["checkpoint"], **TINY))
