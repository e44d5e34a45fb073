"""retrieval.py: WordPiece ids equal to `tokenizers`, embeddings within 1e-4 of `transformers`, FAISS flat/HNSW
search, subject filter, hybrid BM25, and the atomic save/load round trip."""
import json

import numpy as np
import pytest
import torch
from tokenizers import Tokenizer
from transformers import AutoModel

from common import ROOT, minilm_dir
from retrieval import BM25, Embedder, Index, WordPiece, read_chunks

TRICKY = [
    "Hello, world! Café naïve résumé", "8.40 × 10^14 m/s² — Newton's 2nd law; x=3.5e-3 (approx.)",
    "中文字符 and emoji 😀 zero\u200bwidth\ttab\x00nul\ufffd", "A" * 120, "unaffable antidisestablishmentarianism",
    "İstanbul ǅ ß ﬁne Ⅻ ½", "", "   ", "don't stop--believing... #hashtag @user $5.00 [brackets] {braces}",
]


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


@pytest.fixture(scope="module")
def module_texts():
    """Textbook-like passages that ship in the repository: the authored lessons of data/corpus, one per '## ' title."""
    return [lesson for path in sorted((ROOT / "data" / "corpus").glob("*.md"))
            for lesson in path.read_text().split("\n## ")[1:]]


def check_wordpiece_ids(texts: list[str]) -> None:
    ref = Tokenizer.from_file(str(minilm_dir() / "tokenizer.json"))
    ref.no_truncation()
    ref.no_padding()
    ours = WordPiece(minilm_dir() / "vocab.txt")
    for text in TRICKY + [t[:4000] for t in texts[:40]]:
        assert ours.encode(text) == ref.encode(text).ids, text[:60]


def test_wordpiece_ids_match_tokenizers(module_texts):
    check_wordpiece_ids(module_texts)


@pytest.mark.full_data
def test_wordpiece_ids_match_tokenizers_on_openstax(full_data_dir):
    path = full_data_dir / "textbooks" / "openstax_physics" / "physics_modules_text.jsonl"
    check_wordpiece_ids([json.loads(line)["text"] for line in path.read_text().splitlines()])


def test_embeddings_match_transformers(embedder, module_texts):
    ref = AutoModel.from_pretrained(str(minilm_dir())).eval()
    # Mixed lengths (one over the 256-token limit) in one batch: padding must not change any row.
    longest = max(module_texts, key=len)[:3000]
    texts = ["What is friction?", "Photosynthesis makes sugar from light.", module_texts[3][:300], longest, TRICKY[1]]
    ours = embedder.encode(texts, batch_size=8)
    with torch.no_grad():
        for text, row in zip(texts, ours):
            ids = torch.tensor([embedder.tokenizer.encode(text, max_len=256)])
            state = ref(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state[0].mean(0)
            expected = torch.nn.functional.normalize(state, dim=0).numpy()
            assert np.abs(row - expected).max() < 1e-4
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert len(embedder.tokenizer.encode(longest, max_len=256)) == 256


def chunks_fixture() -> list[dict]:
    rows = [
        ("Friction is a force that opposes motion between surfaces that touch.", "science", "Forces"),
        ("Photosynthesis lets plants make sugar from sunlight, water and carbon dioxide.", "science", "Plants"),
        ("To add fractions with the same denominator, add the numerators.", "math", "Fractions"),
        ("The area of a rectangle is its length times its width.", "math", "Geometry"),
        ("A fable is a short story that teaches a moral, often with animal characters.", "reading", "Fables"),
        ("The main idea of a paragraph is what most of its sentences are about.", "reading", "Main idea"),
        ("Gravity pulls objects toward the center of the Earth; the zorblax unit is fictional.", "science", "Gravity"),
    ]
    return [{"text": t, "subject": s, "book": "test book", "chapter": "1", "section": sec, "page": i + 1}
            for i, (t, s, sec) in enumerate(rows)]


@pytest.fixture(scope="module")
def index(embedder):
    return Index.build(chunks_fixture(), embedder)


def test_search_top3_with_scores_and_metadata(index):
    hits = index.search("Why do things slow down when they slide?", k=3)
    assert len(hits) == 3
    assert hits[0]["section"] == "Forces"
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert set(hits[0]) >= {"text", "score", "book", "chapter", "section", "page", "subject"}


def test_subject_filter_is_exact(index, embedder):
    query = "How do plants make food?"
    q = embedder.encode([query])[0]
    for subject in ("math", "reading", "science"):
        hits = index.search(query, k=3, subject=subject)
        allowed = [i for i, c in enumerate(index.chunks) if c["subject"] == subject]
        brute = sorted(allowed, key=lambda i: -float(index.vectors[i] @ q))[:3]
        assert [h["text"] for h in hits] == [index.chunks[i]["text"] for i in brute]
        assert all(h["subject"] == subject for h in hits)
    assert index.search(query, k=3, subject="history") == []


def test_hnsw_matches_flat(embedder, index):
    hnsw = Index(index.chunks, index.vectors, embedder, hnsw=True)
    for query in ("sliding friction", "story with a moral", "adding fractions", "area of shapes"):
        assert [h["text"] for h in hnsw.search(query)] == [h["text"] for h in index.search(query)]
    assert [h["subject"] for h in hnsw.search("story", subject="math")] == ["math"] * 2  # only two math chunks


def test_hybrid_brings_exact_rare_terms_up(index):
    lexical = BM25(c["text"] for c in index.chunks).scores("zorblax")
    assert int(np.argmax(lexical)) == 6 and np.count_nonzero(lexical) == 1
    hits = index.search("zorblax", k=3, hybrid=0.7)
    assert hits[0]["section"] == "Gravity"
    with pytest.raises(ValueError, match="hybrid"):
        index.search("x", hybrid=1.5)


def test_save_load_round_trip_is_atomic(tmp_path, embedder, index):
    first = index.save(tmp_path / "idx")
    loaded = Index.load(tmp_path / "idx", embedder)
    assert loaded.chunks == index.chunks and np.array_equal(loaded.vectors, index.vectors)
    for query in ("friction", "fables"):
        assert loaded.search(query) == index.search(query)
    # A second save swaps CURRENT to a new version and removes the old one; no temp folders are left.
    smaller = Index(index.chunks[:3], index.vectors[:3], embedder, hnsw=True)
    second = smaller.save(tmp_path / "idx")
    assert second != first and not first.exists()
    assert (tmp_path / "idx" / "CURRENT").read_text().strip() == second.name
    assert sorted(p.name for p in (tmp_path / "idx").iterdir()) == sorted(["CURRENT", second.name])
    reloaded = Index.load(tmp_path / "idx")  # no embedder given: loaded lazily on the first text search
    assert len(reloaded) == 3 and reloaded.hnsw and reloaded.search("friction", k=1)[0]["section"] == "Forces"


def test_load_and_read_errors_name_the_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="CURRENT"):
        Index.load(tmp_path / "missing")
    bad = tmp_path / "chunks.jsonl"
    bad.write_text('{"text": "ok"}\n{"text": 3}\n')
    with pytest.raises(ValueError, match=r"chunks.jsonl:2"):
        read_chunks(bad)
    with pytest.raises(ValueError, match="chunk 0 has no 'text'"):
        Index([{"text": " "}], np.zeros((1, 384), np.float32))
