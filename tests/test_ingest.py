"""ingest.py on the real PDFs (text layer and OCR), a synthetic two-column PDF with running heads, text documents,
chunk bounds, instruction pairs, idempotency and clean rejection of bad PDFs."""
import json
import random
import re
import shutil

import pymupdf
import pytest

import ingest
from ingest import IngestConfig, IngestError, Store
from retrieval import Embedder, Index, WordPiece
from common import minilm_dir


@pytest.fixture(scope="module")
def tok():
    return WordPiece(minilm_dir() / "vocab.txt")


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


@pytest.fixture(scope="module")
def pdf_dir(data_dir):
    return data_dir / "textbooks" / "pdf"


def modules(data_dir) -> list[dict]:
    path = data_dir / "textbooks" / "openstax_physics" / "physics_modules_text.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()]


# ----------------------------------------------------------------------------- real PDFs

def test_born_digital_text_layer_sections_and_chunks(pdf_dir, data_dir, tok):
    sections, info = ingest.pdf_sections(pdf_dir / "openstax_physics_ch1_born_digital.pdf", IngestConfig())
    assert info["ocr_pages"] == [] and info["pages"] == 57 and not info["outline"]
    # The chapter's four modules are known from the CNXML collection: the font heuristic must find exactly them.
    expected = [m["title"] for m in modules(data_dir) if m["module_id"] in ("m54082", "m54057", "m54083", "m54599")]
    named = [s for s in sections if s.section]
    assert sorted(s.section for s in named) == sorted(expected)
    assert {s.chapter for s in named} == {"Chapter 1: What is Physics?"}
    assert [s.section for s in named][0] == "Introduction"
    chunks = ingest.build_chunks(sections, tok, IngestConfig(max_tokens=120, overlap=30))
    assert all(tok.count(c["text"]) <= 120 for c in chunks)
    assert {c["subject"] for c in chunks} == {"science"}
    scientific = next(c for c in chunks if c["section"] == "The Scientific Methods")
    assert 18 <= scientific["page"] <= 24
    text = " ".join(c["text"] for c in chunks)
    assert "8.40 × 1014" in text or "8.40 × 10 14" in text  # equations kept as text
    assert "(NASA, JPL-Caltech" in text  # figure captions kept


@pytest.mark.slow
def test_ocr_on_scanned_pages_within_cer_bound(pdf_dir, tmp_path):
    scan = pymupdf.open(pdf_dir / "openstax_physics_ch1_p1-12_scanned_image_only.pdf")
    pages = [2, 3, 5]  # 1-based: the chapter introduction, a section opening and a plain text page
    part = pymupdf.open()
    for p in pages:
        part.insert_pdf(scan, from_page=p - 1, to_page=p - 1)
    part.save(tmp_path / "scan.pdf")
    truth = re.split(r"===== page \d+ =====\n", (pdf_dir / "openstax_physics_ch1_p1-12_groundtruth.txt").read_text())[1:]
    doc = ingest.open_pdf(tmp_path / "scan.pdf")
    rendered = [ingest.render_for_ocr(page) for page in doc]
    tables = ingest.ocr_pages([image for image, _ in rendered], workers=2)
    for page, table, (_, dpi) in zip(pages, tables, rendered):
        cer, wer = ingest.error_rates(ingest.ocr_text(ingest.ocr_blocks(table, page, dpi)), truth[page - 1])
        assert cer <= 0.05, (page, cer)
        assert wer <= 0.15, (page, wer)
    sections, info = ingest.pdf_sections(tmp_path / "scan.pdf", IngestConfig())
    assert info["ocr_pages"] == [1, 2, 3]
    assert [s.section for s in sections if s.section] == ["Introduction", "Physics: Definitions and Applications"]


def test_missing_tesseract_is_a_clear_error(monkeypatch):
    import pytesseract
    from PIL import Image

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(IngestError, match="make sysdeps"):
        ingest.ocr_pages([Image.new("L", (40, 40), 255)])


def test_edit_distance_matches_plain_dynamic_programming():
    def slow(a, b):
        prev = list(range(len(b) + 1))
        for i, x in enumerate(a, 1):
            cur = [i]
            for j, y in enumerate(b, 1):
                cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
            prev = cur
        return prev[-1]

    rng = random.Random(0)
    for _ in range(50):
        a = "".join(rng.choice("abc ") for _ in range(rng.randint(0, 30)))
        b = "".join(rng.choice("abc ") for _ in range(rng.randint(0, 30)))
        assert ingest.edit_distance(a, b) == slow(a, b)
    assert ingest.error_rates("the cat sat", "the  cat\nsat") == (0.0, 0.0)


# ----------------------------------------------------------------------------- synthetic layout

LEFT = ["A force is a push or a pull that acts on", "an object. When forces are balanced the",
        "object keeps its motion. The accel-", "eration of an object depends on the net", "force acting on it and its mass {n}."]
RIGHT = ["Friction is a force that opposes motion", "between two surfaces that touch. Rough",
         "surfaces make more friction than smooth", "ones, which is why ice is slippery for", "people walking in shoes {n}."]


def two_column_pdf(path, outline=False):
    """Four pages: running head and folio, a large heading on pages 1 and 3, two columns, a hyphenated break."""
    doc = pymupdf.open()
    for n in range(1, 5):
        page = doc.new_page(width=612, height=792)
        page.insert_text((200, 30), "Grade 6 Science - Forces and Motion", fontsize=9)
        page.insert_text((290, 770), f"Page {n}", fontsize=9)
        y = 80
        if n in (1, 3):
            page.insert_text((50, 80), "Balanced Forces" if n == 1 else "Friction Basics", fontsize=20)
            y = 120
        for i, (left, right) in enumerate(zip(LEFT, RIGHT)):
            page.insert_text((50, y + i * 14), left.format(n=n), fontsize=10)
            page.insert_text((320, y + i * 14), right.format(n=n), fontsize=10)
        page.insert_text((50, y + 100), f"Figure {n}.1 A block sliding down a ramp.", fontsize=8)
    if outline:
        doc.set_toc([[1, "Chapter 2 Forces", 1], [2, "Pushes and Pulls", 1], [2, "Friction Basics", 3]])
    doc.save(path)
    return path


def test_headers_footers_columns_hyphens(tmp_path):
    sections, info = ingest.pdf_sections(two_column_pdf(tmp_path / "forces.pdf"), IngestConfig())
    assert [s.section for s in sections] == ["Balanced Forces", "Friction Basics"]
    text = "\n".join(t for s in sections for _, t in s.paragraphs)
    assert "Grade 6 Science" not in text and not re.search(r"Page \d", text)
    assert "acceleration of an object" in text and "accel-" not in text
    marks = [text.index(m) for n in range(1, 5) for m in (f"its mass {n}.", f"in shoes {n}.")]
    assert marks == sorted(marks)  # per page: the whole left column, then the right one
    for n in range(1, 5):  # each column's lines joined in order, not interleaved with the other column
        assert (" ".join(LEFT) + " ").replace("accel- eration", "acceleration").format(n=n).strip() in text
        assert " ".join(RIGHT).format(n=n) in text
        assert f"Figure {n}.1 A block sliding down a ramp." in text
    pages = [p for s in sections for p, _ in s.paragraphs]
    assert pages == sorted(pages) and set(pages) == {1, 2, 3, 4}


def test_outline_defines_chapters_and_sections(tmp_path):
    sections, info = ingest.pdf_sections(two_column_pdf(tmp_path / "outlined.pdf", outline=True), IngestConfig())
    assert info["outline"]
    assert [(s.chapter, s.section) for s in sections] == [("Chapter 2 Forces", "Pushes and Pulls"),
                                                          ("Chapter 2 Forces", "Friction Basics")]


# ----------------------------------------------------------------------------- chunks and pairs

def test_chunks_are_bounded_and_overlap(tok):
    sentences = [f"Sentence number {i} talks about energy and motion in a moving car." for i in range(60)]
    section = ingest.Section("book", "ch", "sec", [(1, " ".join(sentences[:30])), (2, " ".join(sentences[30:]))],
                             "science", "physics", "6-8")
    chunks = ingest.chunk_section(section, tok, max_tokens=64, overlap=20)
    assert len(chunks) > 5 and all(tok.count(c["text"]) <= 64 for c in chunks)
    for a, b in zip(chunks, chunks[1:]):
        assert re.split(r"(?<=\.)\s+", a["text"])[-1] in b["text"]  # the last sentence carries over
    assert chunks[0]["page"] == 1 and chunks[-1]["page_end"] == 2
    assert {c["section"] for c in chunks} == {"sec"} and {c["subject"] for c in chunks} == {"science"}
    long = ingest.Section("b", "c", "s", [(1, "word " * 500)])
    assert all(tok.count(c["text"]) <= 64 for c in ingest.chunk_section(long, tok, max_tokens=64, overlap=20))


def test_instruction_pairs_have_the_record_format():
    chunk = {"text": "Physics is the science aimed at describing the fundamental aspects of our universe. It "
                     "studies matter and energy.", "book": "Physics", "chapter": "1", "section": "What Physics Is",
             "page": 3, "subject": "science", "grade_band": "9-12"}
    pairs = ingest.instruction_pairs(chunk)
    assert [p["kind"] for p in pairs] == ["explain", "define", "check", "hints"]
    for p in pairs:
        assert set(p) >= {"id", "source", "licence", "subject", "grade_band", "instruction", "input", "response", "text"}
    define, check, hints = pairs[1:]
    assert define["instruction"] == 'What does "Physics" mean?' and define["response"].startswith("Physics is the science")
    assert "_____ is the science aimed at" in check["response"] and check["response"].endswith("Answer: Physics")
    assert hints["response"].count("Hint ") == 3 and "fundamental aspects of our universe" not in hints["response"]
    assert all(line.rstrip().endswith("?") for line in hints["response"].splitlines())


# ----------------------------------------------------------------------------- text documents and the store

def test_text_documents_markdown_and_jsonl(tmp_path, tok):
    md = tmp_path / "lessons" / "science.md"
    md.parent.mkdir()
    md.write_text("# Science lessons\n\n## Plants\n\nPlants make food by photosynthesis using sunlight, water and "
                  "carbon dioxide from the air.\n\n## Magnets\nGrade band: 3-5\n\nA magnet attracts iron. Like poles repel.\n")
    sections = ingest.text_sections(md)
    assert [(s.chapter, s.section) for s in sections] == [("Science lessons", "Plants"), ("Science lessons", "Magnets")]
    magnets = ingest.build_chunks(sections, tok, IngestConfig())[-1]
    assert magnets["grade_band"] == "3-5" and magnets["subject"] == "science" and "A magnet attracts iron" in magnets["text"]
    records = tmp_path / "books.jsonl"
    records.write_text(json.dumps({"text": "Add the numerators when the denominators match: 1/4 + 2/4 = 3/4.",
                                   "title": "Adding fractions", "chapter": 2, "chapter_title": "Fractions", "book": "Math"}) + "\n")
    chunks = ingest.build_chunks(ingest.text_sections(records), tok, IngestConfig())
    assert [(c["book"], c["chapter"], c["section"], c["subject"]) for c in chunks] == [("Math", "2: Fractions", "Adding fractions", "math")]
    (tmp_path / "bad.jsonl").write_text('{"text": "fine"}\nnot json\n')
    with pytest.raises(IngestError, match=r"bad.jsonl:2"):
        ingest.text_sections(tmp_path / "bad.jsonl")


def test_openstax_subject_is_science_for_every_chapter(data_dir, tok):
    path = data_dir / "textbooks" / "openstax_physics" / "physics_modules_text.jsonl"
    sections = [s for s in ingest.text_sections(path)]
    for s in sections:
        s.book = "OpenStax Physics"
        s.paragraphs = s.paragraphs[:6]  # the subject rule needs a little text per module, not all of it
    ingest.tag_sections(sections)
    assert {s.subject for s in sections} == {"science"}


def test_idempotent_store_and_bad_pdfs_rejected_cleanly(tmp_path, embedder):
    (tmp_path / "in").mkdir()
    good = two_column_pdf(tmp_path / "in" / "forces.pdf")
    cfg = IngestConfig(store=str(tmp_path / "store"), index=str(tmp_path / "index"))
    index, errors = ingest.ingest([good], cfg, embedder)
    assert errors == [] and len(index) > 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "store" / "docs").iterdir()}
    chunks_before = (tmp_path / "store" / "chunks.jsonl").read_text()
    hit = index.search("Why is ice slippery?", k=1)[0]
    assert "slippery" in hit["text"] and hit["book"] == "forces"

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    (bad / "notes.docx").write_bytes(b"PK\x03\x04")
    encrypted = pymupdf.open()
    encrypted.new_page().insert_text((72, 72), "secret answers")
    encrypted.save(bad / "encrypted.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    blank = pymupdf.open()
    blank.new_page()
    blank.save(bad / "blank.pdf")
    shutil.copy(good, bad / "huge.pdf")
    with open(bad / "huge.pdf", "ab") as f:
        f.write(b"\0" * (2 * 2**20))  # over the 1 MB limit below
    index2, errors = ingest.ingest([good, bad / "corrupt.pdf", bad / "encrypted.pdf", bad / "blank.pdf",
                                    bad / "huge.pdf", bad / "notes.docx", bad / "missing.pdf"],
                                   IngestConfig(store=cfg.store, index=cfg.index, max_mb=1.0), embedder)
    assert len(errors) == 6
    for name, reason in [("corrupt.pdf", "not a readable PDF"), ("encrypted.pdf", "encrypted"),
                         ("blank.pdf", "no text"), ("huge.pdf", "over the 1 MB limit"),
                         ("notes.docx", "unsupported file type"), ("missing.pdf", "no such file")]:
        assert any(name in e and reason in e for e in errors), (name, errors)
    # Nothing changed: the good document was skipped by its hash, the bad ones wrote nothing.
    assert {p.name: p.read_bytes() for p in (tmp_path / "store" / "docs").iterdir()} == before
    assert (tmp_path / "store" / "chunks.jsonl").read_text() == chunks_before
    reloaded = Index.load(cfg.index, embedder)
    assert reloaded.search("Why is ice slippery?", k=1)[0]["text"] == hit["text"]
    pairs = [json.loads(line) for line in (tmp_path / "store" / "pairs.jsonl").read_text().splitlines()]
    assert pairs and {p["kind"] for p in pairs} >= {"explain"} and all(p["subject"] == "science" for p in pairs)


def test_commands_ingest_then_search(tmp_path, capsys):
    import retrieval

    notes = tmp_path / "notes.md"
    notes.write_text("# Reading lessons\n\n## Fables\n\nA fable is a short story that teaches a moral. The fox and the "
                     "grapes shows how people pretend not to want what they cannot have.\n")
    store, index = str(tmp_path / "store"), str(tmp_path / "index")
    assert ingest.main([str(notes), f"--store={store}", f"--index={index}"]) == 0
    assert ingest.main([str(notes), str(tmp_path / "nope.pdf"), f"--store={store}", f"--index={index}"]) == 1
    capsys.readouterr()
    retrieval.main(["search", "What does a fable teach?", f"--index={index}", "--k=1", "--subject=reading"])
    out = capsys.readouterr().out
    assert "section=Fables" in out and "subject=reading" in out and "teaches a moral" in out
    with pytest.raises(KeyError, match="unknown config keys: max_token"):
        ingest.main([str(notes), "--max_token=10"])


def test_openstax_subset_is_stable(tmp_path, data_dir):
    store = Store(tmp_path / "store")
    first = ingest.openstax_subset(2, store)
    records = [json.loads(line) for line in first.read_text().splitlines()]
    assert {r["chapter"] for r in records} == {1, 2} and all(r["book"] == "OpenStax Physics" for r in records)
    stamp = first.stat().st_mtime_ns
    assert ingest.openstax_subset(2, store) == first and first.stat().st_mtime_ns == stamp
