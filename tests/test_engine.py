"""engine.py without a server: the thread policy of each pass, stop text, the incremental detokeniser and history
fitting (serve.py's batching and its parity with model.generate are tested end to end in tests/test_serve.py)."""
import json
import threading
import time

import pytest
import torch

import engine
import model as M
import tokenizer
from common import ROOT
from tokenizer import render_chat


def test_engine_threads_follow_the_size_of_each_pass():
    eng = engine.Engine.__new__(engine.Engine)  # only the thread policy, without a model or an engine thread
    eng.threads = (1, 2)
    seen = []

    def passes() -> None:  # torch's thread count is per OS thread: look from one, as the engine thread does
        for tokens in (1, 32, 3, 4):
            eng._use_threads(tokens)
            seen.append(torch.get_num_threads())

    worker = threading.Thread(target=passes)
    worker.start()
    worker.join()
    assert seen == [1, 2, 1, 2]


def test_stop_text_and_detokenizer(small_tokenizer):
    stop = tokenizer.StopText(("</s>", "STOP"))
    assert [stop.feed(p) for p in ["ab<", "/", "s>cd"]] == ["ab", "", ""] and stop.hit and stop.rest == "</s>cd"
    keep = tokenizer.StopText(("STOP",))
    assert keep.feed("a ST") == "a " and keep.feed("ART") == "START" and keep.flush() == ""
    text = "Ünïcödé ½ — 数学 🙂 done"
    ids = small_tokenizer.encode(text)
    detok = tokenizer.Detokenizer(small_tokenizer)
    pieces = [detok.add(i) for i in ids]
    assert "".join(pieces) == text and all("\ufffd" not in p for p in pieces)


def test_history_is_rendered_and_trimmed_to_fit(small_tokenizer):
    """chat.py's use: the count is the rendered prompt's length; the oldest user/assistant pair goes first."""
    def count(messages: list[dict]) -> int:
        return len(render_chat(small_tokenizer, messages, add_generation_prompt=True)[0])

    messages = [{"role": "user", "content": "one two three " * 20}, {"role": "assistant", "content": "four " * 20},
                {"role": "user", "content": "five"}]
    assert engine.fit_history(messages, count, 10_000) == messages
    trimmed = engine.fit_history(messages, count, count(messages) - 1)
    assert trimmed == messages[2:]  # the oldest user/assistant pair went first
    assert count(trimmed) < count(messages)
    system = [{"role": "system", "content": "Be brief."}]
    assert engine.fit_history(system + messages, count, 1) == system + messages[2:]  # the newest message always stays


# ----------------------------------------------------------------------------- the paged KV cache (issue #27)

SYSTEM = [7, 8, 9, 10, 11, 12, 13]  # a shared "system prompt" of 7 tokens: not a multiple of the block size


@pytest.fixture(scope="module")
def tiny():
    torch.manual_seed(0)
    return M.Transformer(M.load_config("test")).eval()


def token_bytes(model) -> int:
    cfg = model.config
    return 2 * cfg.n_layers * cfg.n_kv_heads * cfg.head_dim * 4  # K and V, fp32


def pool_mb(model, blocks: int, block_size: int) -> float:
    """A budget that makes exactly `blocks` usable blocks (plus the null block)."""
    return (blocks + 1) * block_size * token_bytes(model) / 2**20


def run(eng: engine.Engine, prompts: list[list[int]], lengths: list[int], prefix_len: int = 0) -> list[list[int]]:
    try:
        reqs = [eng.submit(p, engine.Sampling(n), prefix_len) for p, n in zip(prompts, lengths)]
        return [list(r.tokens()) for r in reqs]
    finally:
        eng.stop()


def prompts_and_lengths() -> tuple[list[list[int]], list[int]]:
    """Rows sharing the system prefix (and rows that do not), of different lengths, finishing at different steps."""
    prompts = [SYSTEM + [20 + i, 3, 40 + i] * (1 + i % 3) for i in range(7)] + [[99, 98, 97, 96, 95]]
    return prompts, [5 + 3 * (i % 4) for i in range(8)]


@pytest.mark.parametrize("kv", [engine.KVConfig(block_size=4), engine.KVConfig(block_size=16),
                                engine.KVConfig(block_size=4, dtype="bfloat16"), engine.KVConfig(cache="contiguous")],
                         ids=["paged-4", "paged-16", "paged-4-bf16", "contiguous"])
def test_every_row_equals_model_generate_with_shared_prefix_and_rows_joining(tiny, kv):
    """3 rows for 8 requests: rows join mid-batch as others finish; 7 start from the cached system prefix."""
    prompts, lengths = prompts_and_lengths()
    expected = [tiny.generate([p], n)[0] for p, n in zip(prompts, lengths)]
    eng = engine.Engine(tiny, max_batch=3, max_context=128, kv=kv)
    got = run(eng, prompts, lengths, prefix_len=len(SYSTEM))
    assert got == expected  # bf16 entries too: rounding K/V to 8 bits of mantissa moves no greedy pick here
    assert eng.stats["prefix_hits"] == 7 and eng.stats["steps"] > max(lengths)  # shared steps, rows came and went


@pytest.mark.parametrize("cache", ["paged", "contiguous"])
def test_without_prefix_slots_every_prompt_runs_whole(tiny, cache):
    prompts, lengths = prompts_and_lengths()
    expected = [tiny.generate([p], n)[0] for p, n in zip(prompts, lengths)]
    eng = engine.Engine(tiny, max_batch=3, max_context=128, prefix_slots=0, kv=engine.KVConfig(cache, block_size=4))
    assert run(eng, prompts, lengths, prefix_len=len(SYSTEM)) == expected and eng.stats["prefix_hits"] == 0


def test_shared_prefix_blocks_are_held_once_and_copied_on_write(tiny):
    eng = engine.Engine(tiny, max_batch=4, max_context=64, kv=engine.KVConfig(block_size=4))
    cache = eng.cache
    eng.stop()  # the cache alone, driven by hand below
    with torch.inference_mode():
        row = cache.prefix_row(tuple(SYSTEM))
        cache.prepare([row], [len(SYSTEM)], len(SYSTEM))
        tiny.hidden(torch.tensor([SYSTEM]), cache=cache, rows=[row])
        cache.keep_prefix(tuple(SYSTEM), row)
        blocks = cache.prefixes[tuple(SYSTEM)]
        assert len(blocks) == 2 and all(cache.refs[b] == 1 for b in blocks)  # 7 positions: a full and a partial block
        before = cache.k[:, blocks[1] * 4: blocks[1] * 4 + 3].clone()
        starts = [cache.start_row(r, SYSTEM + [30 + r], len(SYSTEM) + 5) for r in (0, 1)]
        assert starts == [7, 7] and all(cache.refs[b] == 3 for b in blocks)  # referenced, not copied
        cache.prepare([0, 1], [1, 1], 1)
        tiny.hidden(torch.tensor([[30], [31]]), cache=cache, rows=[0, 1])
        assert cache.tables[0][0] == cache.tables[1][0] == blocks[0] and cache.refs[blocks[0]] == 3
        assert len({cache.tables[0][1], cache.tables[1][1], blocks[1]}) == 3 and cache.refs[blocks[1]] == 1
        assert torch.equal(cache.k[:, blocks[1] * 4: blocks[1] * 4 + 3], before)  # the shared block is untouched
        for r in (0, 1):
            cache.finish_row(r)
    assert cache.refs[blocks[0]] == cache.refs[blocks[1]] == 1  # only the prefix cache holds them now
    assert len(cache.free) == cache.capacity() - 2 and sum(cache.owed) == 0


def test_blocks_go_back_to_the_pool_after_finish_and_disconnect(tiny):
    eng = engine.Engine(tiny, max_batch=4, max_context=256, kv=engine.KVConfig(block_size=4))
    try:
        done = eng.submit(SYSTEM + [1, 2, 3], engine.Sampling(12))
        assert len(list(done.tokens())) == 12
        long = eng.submit(SYSTEM + [4, 5, 6], engine.Sampling(200, temperature=0.9, seed=1))
        tokens = long.tokens()
        for _ in range(5):
            next(tokens)
        assert eng.load()["kv_blocks_free"] < eng.cache.capacity()
        long.cancel()  # what serve.py does when the client disconnects
        list(tokens)  # the stream ends
        deadline = time.time() + 10
        while eng.active and time.time() < deadline:
            time.sleep(0.01)
        assert long.finish_reason == "cancelled" and eng.stats["cancelled"] == 1
        assert len(eng.cache.free) == eng.cache.capacity() and sum(eng.cache.owed) == 0
        assert eng.load()["kv_bytes_used"] == 0 and eng.load()["kv_live_tokens"] == 0
    finally:
        eng.stop()


def test_a_full_pool_makes_requests_wait_not_fail(tiny):
    """12 blocks of 4 positions; each request needs 5-8 of them: most wait for others to finish, none fails."""
    prompts, lengths = prompts_and_lengths()
    expected = [tiny.generate([p], n)[0] for p, n in zip(prompts, lengths)]
    kv = engine.KVConfig(block_size=4, budget_mb=pool_mb(tiny, 12, 4))
    eng = engine.Engine(tiny, max_batch=8, max_context=128, kv=kv)
    assert eng.cache.capacity() == 12
    with pytest.raises(ValueError, match="kv_budget_mb"):  # could never fit: a clear error, not an endless wait
        eng.submit([5] * 40, engine.Sampling(20))
    got = run(eng, prompts, lengths)
    assert got == expected
    assert eng.stats["kv_waits"] >= 4 and eng.stats["finished"] == 8
    assert len(eng.cache.free) == 12


@pytest.mark.slow
def test_bf16_kv_gives_the_fp32_greedy_replies_of_smollm2(smollm2):
    """SmolLM2 over the first dev prompts, batched: bf16 KV entries (half the bytes) against fp32 ones."""
    model, tok = smollm2
    with open(ROOT / "data" / "eval" / "dev_prompts.jsonl") as f:
        questions = [json.loads(line)["prompt"] for line in f][:6]
    prompts = [render_chat(tok, [{"role": "user", "content": q}], add_generation_prompt=True)[0] for q in questions]
    replies = {}
    for dtype in ("", "bfloat16"):
        eng = engine.Engine(model, max_batch=6, max_context=512, kv=engine.KVConfig(dtype=dtype, budget_mb=64))
        replies[dtype] = run(eng, prompts, [24] * len(prompts))
    assert replies["bfloat16"] == replies[""]
