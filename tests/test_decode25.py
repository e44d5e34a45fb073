"""The int4 output head that ranks in 4 bits and rescores its best logits from the float weight (quantize.RescoredHead):
greedy picks equal the float head's where a plain 4-bit head's do not, the tied embedding is shared rather than
copied, and the heads the kernel cannot take keep 8 bits."""
import copy

import torch
import torch.nn as nn

import model as M
import quantize as Q


def close_call_head(seed: int = 11, vocab: int = 512, dim: int = 64) -> tuple[nn.Linear, torch.Tensor]:
    """A head whose rows come in near-twins (each a copy of another plus a little noise) and inputs to read with it:
    many rows then have two candidates a 4-bit rounding can swap."""
    torch.manual_seed(seed)
    base = torch.randn(vocab // 2, dim) * 0.1
    head = nn.Linear(dim, vocab, bias=False)
    with torch.no_grad():
        head.weight.copy_(torch.cat((base, base + 0.002 * torch.randn_like(base))))
    return head, torch.randn(400, dim)


def test_the_rescored_head_picks_the_float_heads_token_where_4_bits_alone_do_not():
    head, x = close_call_head()
    plain, rescored = Q.Int4Linear(head, 32), Q.RescoredHead(head, 32)
    with torch.inference_mode():
        want, alone, got = head(x), plain(x), rescored(x)
    assert (alone.argmax(-1) != want.argmax(-1)).sum() > 10  # the case is real: 4 bits alone swap close calls
    assert torch.equal(got.argmax(-1), want.argmax(-1))
    best = alone.topk(rescored.top, dim=-1).indices  # the tokens the 4-bit logits rank first: those rescored
    assert torch.allclose(got.gather(1, best), want.gather(1, best), atol=1e-5)  # the logits greedy reads are exact
    rest = torch.ones_like(got, dtype=torch.bool).scatter_(1, best, False)
    assert torch.equal(got[rest], alone[rest])  # every other logit is the 4-bit head's own


def test_a_tied_head_reads_the_embedding_itself_through_copies_and_counts():
    torch.manual_seed(4)
    model = M.Transformer(M.load_config("test", tie_embeddings=True)).eval()
    fast = Q.quantize_int4(copy.deepcopy(model))
    assert isinstance(fast.output, Q.RescoredHead) and fast.output.rows is fast.tok_embeddings.weight
    again = copy.deepcopy(fast)
    assert again.output.rows is again.tok_embeddings.weight  # one copy of the embedding, not two
    assert fast.num_params() == model.num_params()
    assert not any(key.endswith("rows") for key in fast.state_dict())
    float_head = copy.deepcopy(fast)  # the same packed decoder under the float (tied) head
    float_head.output = nn.Linear(model.config.dim, model.config.vocab_size, bias=False)
    float_head.output.weight = float_head.tok_embeddings.weight
    prompt = [7, 40, 3, 250, 12, 9]
    assert fast.generate([prompt], 24) == float_head.generate([prompt], 24)


def test_heads_the_int4_kernel_cannot_take_and_head_bits_8_stay_int8():
    torch.manual_seed(6)
    odd = M.Transformer(M.load_config("test", vocab_size=1001)).eval()  # 1001 output rows: not a multiple of 16
    assert isinstance(Q.quantize_int4(odd).output, Q.Int8Linear)
    plain = M.Transformer(M.load_config("test")).eval()
    assert isinstance(Q.quantize_int4(copy.deepcopy(plain), head_bits=8).output, Q.Int8Linear)
    assert isinstance(Q.quantize_int4(plain).output, Q.RescoredHead)
