"""Textbook quality: the two books rendered from our own HTML (truth known) and the staged OpenStax material.

- Rendered books (tests/fixtures/textbooks/make_books.py; no staged data needed): page roles found against the
  truth, contents/index/answer-key lines found in indexed chunks (goal 0), section titles recovered, block-kind
  accuracy per kind (goal >= 95%), and recall@3 of plain questions about each section (goal >= 0.9), overall and
  restricted to the block kinds a hint may quote.
- Born-digital OpenStax chapter 1 as a PDF: page roles, block kinds of its exercises (every CNXML exercise stem
  should land in an "exercise" chunk), and recall@3 of its own review questions against the PDF's chunks with
  exercises filtered out by kind (so a question cannot find itself).
- OCR: character and word error rates of ingest.py's Tesseract path on the 12-page image-only scan against the
  `pdftotext -layout` ground truth (whitespace collapsed), per page and overall; goal CER <= 5%.
- Sections: the font-size heuristic on the born-digital chapter against its four known modules.
- Subjects: the per-book rule ingest.py uses against tagging each module on its own (every module is science).
- Retrieval: a question set built from the CNXML review questions (each question's stem, mapped to the module it
  belongs to); the modules are indexed with every exercise paragraph removed, so a question cannot find itself.
  A hit is a top-3 chunk from the right module (chapter + title). Dense (ours), BM25 alone (the reference) and
  hybrid; recall@3 and MRR@10. The last line is ratio = dense MRR / BM25 MRR.

    .venv/bin/python -m bench.textbooks                 # everything (the first run embeds the whole book: minutes)
    .venv/bin/python -m bench.textbooks --chapters=5 --ocr=False
    .venv/bin/python -m bench.textbooks --staged=False  # only the rendered books (no staged data needed)
"""
from __future__ import annotations

import sys
from pathlib import Path

# Replace bench/ on the path by the repo root before anything imports `tokenize`: bench/tokenize.py would shadow it.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import json  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import ingest  # noqa: E402
import pdftext  # noqa: E402
from common import out_dir, parse_config, shared_data_dir  # noqa: E402
from data.subjects import tag_subject  # noqa: E402
from retrieval import BM25, Embedder, Index  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "textbooks"))
from make_books import make_books  # noqa: E402

CNX = "{http://cnx.rice.edu/cnxml}"
HINT_KINDS = ("text", "worked_example", "definition", "key_concept", "summary")  # what a hint may quote


@dataclass
class BenchConfig:
    chapters: int = 23
    ocr: bool = True
    hybrid: float = 0.3
    staged: bool = True        # False: only the rendered books


def squash(text: str) -> str:
    return " ".join(text.split()).lower()


def holder(chunks: list[dict], text: str) -> dict | None:
    return next((c for c in chunks if squash(text)[:60] in squash(c["text"])), None)


def recall_at_3(index: Index, questions: list[tuple[str, str]], kinds: tuple | None = None) -> float:
    vectors = index.embedder.encode([q for q, _ in questions])
    hits = [target in {index.chunks[i]["section"] for i, _ in index.search_vector(v, 3, kinds=kinds)}
            for (_, target), v in zip(questions, vectors)]
    return sum(hits) / max(len(hits), 1)


def rendered_books(embedder: Embedder) -> None:
    """Roles, leaks, sections, block kinds and recall@3 on the two rendered books."""
    root = out_dir("bench", "textbooks", "books")
    truth = make_books(root)
    tok = embedder.tokenizer
    all_chunks, questions, kinds = [], [], {}
    for name, known in truth.items():
        sections, info = ingest.pdf_sections(root / name, ingest.IngestConfig())
        chunks = ingest.build_chunks(sections, tok, ingest.IngestConfig(), {"source": name})
        roles = {int(page): role for page, role in known["roles"].items()}
        found = {page: role for role, pages in info["roles"].items() for page in pages}
        text = squash(" ".join(c["text"] for c in chunks))
        leaks = sum(squash(line) in text for line in known["forbidden"])
        titles = {s.section for s in sections}
        wanted = [k["section"] for k in known["sections"]]
        print(f"{name}: page roles {sum(found.get(p) == r for p, r in roles.items())}/{len(roles)} right, "
              f"{len(set(found) - set(roles))} body pages misread; contents/index/answer lines in indexed chunks "
              f"{leaks}/{len(known['forbidden'])}; sections {sum(t in titles for t in wanted)}/{len(wanted)} "
              f"({info['headings']}); OCR pages {info['ocr_pages']}")
        for section in known["sections"]:
            for block in section["blocks"]:
                chunk = holder(chunks, block["text"])
                got = chunk["kind"] if chunk else block["kind"] if block["kind"] in ("answer", "contents") else "none"
                kinds.setdefault(block["kind"], []).append(got == block["kind"])
        all_chunks += chunks
        questions += [(q, s) for s, qs in known["questions"].items() for q in qs]
    right = sum(sum(v) for v in kinds.values())
    print(f"block kinds: {right}/{sum(map(len, kinds.values()))} right; " +
          ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(kinds.items())))
    index = Index.build(all_chunks, embedder)
    print(f"recall@3, {len(questions)} questions about {len(set(s for _, s in questions))} sections: all chunks "
          f"{recall_at_3(index, questions):.3f}; hint kinds only {recall_at_3(index, questions, HINT_KINDS):.3f}")


def staged_pdf_kinds(modules: list[dict], embedder: Embedder) -> None:
    """The born-digital chapter as a PDF: its roles, whether each review-question stem lands in an exercise chunk,
    and recall@3 of those questions with exercises filtered out (the answer is in the section's text)."""
    pdf = textbooks() / "pdf" / "openstax_physics_ch1_born_digital.pdf"
    sections, info = ingest.pdf_sections(pdf, ingest.IngestConfig())
    chunks = ingest.build_chunks(sections, embedder.tokenizer, ingest.IngestConfig())
    ch1 = [m for m in modules if m["chapter"] == 1]
    folders = {m["title"]: textbooks() / "openstax_physics" / "modules" / m["module_id"] for m in ch1}
    stems = [(q, title) for title, folder in folders.items() for q in exercises(folder)[0]]
    in_examples = set().union(*(example_stems(folder) for folder in folders.values()))
    got = [(holder(chunks, q) or {"kind": "none"})["kind"] for q, _ in stems]
    want = ["worked_example" if q in in_examples else "exercise" for q, _ in stems]
    print(f"OpenStax ch. 1 PDF: roles {info['roles']}; {len(chunks)} chunks; kinds of the chunks holding its "
          f"{len(stems)} exercise stems (CNXML <exercise>, inside <example> = worked_example) right "
          f"{sum(g == w for g, w in zip(got, want))}/{len(stems)}; wrong: "
          f"{', '.join(f'{w}->{g}' for g, w in zip(got, want) if g != w) or 'none'}")
    index = Index.build(chunks, embedder)
    print(f"OpenStax ch. 1 PDF recall@3 of its {len(stems)} review questions, exercises filtered out: "
          f"{recall_at_3(index, stems, HINT_KINDS):.3f}; unfiltered {recall_at_3(index, stems):.3f}")


def norm(text: str) -> str:
    return " ".join(text.split())


def textbooks() -> Path:
    return shared_data_dir() / "textbooks"


def ocr_quality() -> None:
    pdf = textbooks() / "pdf"
    truth = re.split(r"===== page \d+ =====\n", (pdf / "openstax_physics_ch1_p1-12_groundtruth.txt").read_text())[1:]
    doc = pdftext.open_pdf(pdf / "openstax_physics_ch1_p1-12_scanned_image_only.pdf")
    rendered = [pdftext.render_for_ocr(page) for page in doc]
    start = time.perf_counter()
    tables = pdftext.ocr_pages([image for image, _ in rendered], workers=2)
    seconds = time.perf_counter() - start
    texts = [pdftext.ocr_text(pdftext.ocr_blocks(table, page, dpi))
             for page, (table, (_, dpi)) in enumerate(zip(tables, rendered), 1)]
    for i, (text, ref) in enumerate(zip(texts, truth), 1):
        cer, wer = pdftext.error_rates(text, ref)
        print(f"ocr page {i:2d}: CER {cer:.2%}  WER {wer:.2%}")
    cer, wer = pdftext.error_rates("\n".join(texts), "\n".join(truth))
    print(f"ocr all {len(texts)} pages: CER {cer:.2%}  WER {wer:.2%}  ({seconds / len(texts):.1f} s/page, 2 workers)")


def section_quality(modules: list[dict]) -> None:
    pdf = textbooks() / "pdf" / "openstax_physics_ch1_born_digital.pdf"
    sections, _ = ingest.pdf_sections(pdf, ingest.IngestConfig())
    found = {s.section for s in sections if s.section}
    known = {m["title"] for m in modules if m["module_id"] in ("m54082", "m54057", "m54083", "m54599")}
    print(f"sections (born-digital ch. 1): found {len(found & known)}/{len(known)} known modules, "
          f"{len(found - known)} extra")


def subject_quality(modules: list[dict]) -> None:
    own = sum(tag_subject(m["text"], m["title"])[0] == "science" for m in modules)
    sections = [s for m in modules for s in ingest.markdown_sections(m["text"], m["title"], "OpenStax Physics")]
    ingest.tag_sections(sections)
    book = sum(s.subject == "science" for s in sections)
    print(f"subjects: per-module rule {own}/{len(modules)} science; per-book rule (ingest.py) {book}/{len(sections)}")


def example_stems(module_dir: Path) -> set[str]:
    """Paragraphs inside a module's worked examples (<note class="worked-example">): kind worked_example."""
    root = ET.parse(module_dir / "index.cnxml").getroot()
    return {norm("".join(p.itertext())) for note in root.iter(f"{CNX}note") if note.get("class") == "worked-example"
            for p in note.iter(f"{CNX}para")}


def exercises(module_dir: Path) -> tuple[list[str], set[str]]:
    """(question stems, every paragraph inside the module's exercises) from one CNXML module."""
    root = ET.parse(module_dir / "index.cnxml").getroot()
    stems, inside = [], set()
    for exercise in root.iter(f"{CNX}exercise"):
        for el in exercise.iter():
            if el.tag in (f"{CNX}para", f"{CNX}item", f"{CNX}title"):
                inside.add(norm("".join(el.itertext())))
        problem = exercise.find(f"{CNX}problem")
        para = problem.find(f"{CNX}para") if problem is not None else None
        if para is not None and len(norm("".join(para.itertext())).split()) >= 6:
            stems.append(norm("".join(para.itertext())))
    return stems, inside


def question_set(modules: list[dict]) -> tuple[list[dict], list[tuple[str, str]]]:
    """Modules with exercise paragraphs removed, and (question, module title) pairs."""
    records, questions = [], []
    for m in modules:
        stems, inside = exercises(textbooks() / "openstax_physics" / "modules" / m["module_id"])
        kept = [p for p in m["text"].split("\n\n") if norm(p) not in inside]
        records.append({**m, "book": "OpenStax Physics", "text": "\n\n".join(kept)})
        questions += [(q, m["title"] + "|" + str(m["chapter"])) for q in stems]
    return records, questions


def rank_of(keys: list[str], target: str) -> int | None:
    return next((i + 1 for i, k in enumerate(keys) if k == target), None)


def retrieval_quality(modules: list[dict], cfg: BenchConfig) -> float:
    records, questions = question_set(modules)
    root = out_dir("bench", "textbooks")
    source = root / f"openstax_no_exercises_ch1-{cfg.chapters}.jsonl"
    ingest.atomic_write_text(source, "".join(json.dumps(r) + "\n" for r in records))
    embedder = Embedder()
    start = time.perf_counter()
    store = root / f"store-ch1-{cfg.chapters}"  # one document per store: each run indexes exactly its chapters
    index, errors = ingest.ingest([source], ingest.IngestConfig(store=str(store), index=str(root / "index")), embedder)
    assert not errors, errors
    print(f"index: {len(index)} chunks from {len(records)} modules "
          f"({time.perf_counter() - start:.0f} s incl. cached embeddings); {len(questions)} questions")
    key = [f"{c['section']}|{c['chapter'].split(':')[0]}" for c in index.chunks]
    bm25 = BM25(c["text"] for c in index.chunks)
    qvecs = embedder.encode([q for q, _ in questions])
    results: dict[str, list[int | None]] = {"dense": [], "bm25": [], f"hybrid {cfg.hybrid}": []}
    for (question, target), vec in zip(questions, qvecs):
        dense = [i for i, _ in index.search_vector(vec, 10)]
        lexical = bm25.scores(question).argsort()[::-1][:10]
        mixed = [i for i, _ in index._hybrid(question, vec, 10, None, cfg.hybrid)]
        for name, ids in zip(results, (dense, lexical, mixed)):
            results[name].append(rank_of([key[i] for i in ids], target))
    mrr = {}
    for name, ranks in results.items():
        recall = sum(r is not None and r <= 3 for r in ranks) / len(ranks)
        mrr[name] = sum(1 / r for r in ranks if r) / len(ranks)
        print(f"retrieval {name:10s}: recall@3 {recall:.3f}  MRR@10 {mrr[name]:.3f}  (n={len(ranks)})")
    return mrr["dense"] / max(mrr["bm25"], 1e-9)


def main(argv: list[str]) -> None:
    cfg = parse_config(BenchConfig, argv)
    embedder = Embedder()
    rendered_books(embedder)
    if not cfg.staged:
        return
    path = textbooks() / "openstax_physics" / "physics_modules_text.jsonl"
    modules = [json.loads(line) for line in path.read_text().splitlines()]
    if cfg.ocr:
        ocr_quality()
    section_quality(modules)
    staged_pdf_kinds(modules, embedder)
    subject_quality([m for m in modules if m["chapter"] >= 1])
    ratio = retrieval_quality([m for m in modules if 1 <= m["chapter"] <= cfg.chapters], cfg)
    print(f"ratio={ratio:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
