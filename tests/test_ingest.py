"""ingest.py on two textbooks rendered from our own HTML (tests/fixtures/textbooks/make_books.py: cover,
copyright, contents with dot leaders, running heads, worked examples, exercises, an answer key, an index, two
columns, a table, a scanned page), a synthetic two-column PDF, text documents, chunk bounds, instruction pairs,
idempotency and clean rejection of bad PDFs. The staged OpenStax PDFs add opt-in checks when ../shared/data exists."""
import json
import random
import re
import shutil
import sys
from pathlib import Path

import pymupdf
import pytest

import ingest
import pdftext
import retrieval
import tools
from common import minilm_dir
from ingest import IngestConfig, IngestError, Store
from retrieval import Embedder, Index, WordPiece

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "textbooks"))
import pytesseract
from make_books import make_books  # noqa: E402
from PIL import Image


@pytest.fixture(scope="module")
def tok():
    return WordPiece(minilm_dir() / "vocab.txt")


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


@pytest.fixture(scope="module")
def pdf_dir(full_data_dir):
    """The staged OpenStax PDFs (full_data tests only: the rendered books below are their data-free siblings)."""
    return full_data_dir / "textbooks" / "pdf"


def modules(data_dir) -> list[dict]:
    path = data_dir / "textbooks" / "openstax_physics" / "physics_modules_text.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()]


# ----------------------------------------------------------------------------- real PDFs

@pytest.mark.full_data
def test_born_digital_text_layer_sections_and_chunks(pdf_dir, full_data_dir, tok):
    sections, info = ingest.pdf_sections(pdf_dir / "openstax_physics_ch1_born_digital.pdf", IngestConfig())
    assert info["ocr_pages"] == [] and info["pages"] == 57 and not info["outline"]
    # The chapter's four modules are known from the CNXML collection: the font heuristic must find exactly them.
    expected = [m["title"] for m in modules(full_data_dir) if m["module_id"] in ("m54082", "m54057", "m54083", "m54599")]
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
@pytest.mark.full_data
def test_ocr_on_scanned_pages_within_cer_bound(pdf_dir, tmp_path):
    scan = pymupdf.open(pdf_dir / "openstax_physics_ch1_p1-12_scanned_image_only.pdf")
    pages = [2, 3, 5]  # 1-based: the chapter introduction, a section opening and a plain text page
    part = pymupdf.open()
    for p in pages:
        part.insert_pdf(scan, from_page=p - 1, to_page=p - 1)
    part.save(tmp_path / "scan.pdf")
    truth = re.split(r"===== page \d+ =====\n", (pdf_dir / "openstax_physics_ch1_p1-12_groundtruth.txt").read_text())[1:]
    doc = pdftext.open_pdf(tmp_path / "scan.pdf")
    rendered = [pdftext.render_for_ocr(page) for page in doc]
    tables = pdftext.ocr_pages([image for image, _ in rendered], workers=2)
    for page, table, (_, dpi) in zip(pages, tables, rendered):
        cer, wer = pdftext.error_rates(pdftext.ocr_text(pdftext.ocr_blocks(table, page, dpi)), truth[page - 1])
        assert cer <= 0.05, (page, cer)
        assert wer <= 0.15, (page, wer)
    sections, info = ingest.pdf_sections(tmp_path / "scan.pdf", IngestConfig())
    assert info["ocr_pages"] == [1, 2, 3]
    assert [s.section for s in sections if s.section] == ["Introduction", "Physics: Definitions and Applications"]


def test_missing_tesseract_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(IngestError, match="make sysdeps"):
        pdftext.ocr_pages([Image.new("L", (40, 40), 255)])


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
        assert pdftext.edit_distance(a, b) == slow(a, b)
    assert pdftext.error_rates("the cat sat", "the  cat\nsat") == (0.0, 0.0)


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
    text = "\n".join(p[1] for s in sections for p in s.paragraphs)
    assert "Grade 6 Science" not in text and not re.search(r"Page \d", text)
    assert "acceleration of an object" in text and "accel-" not in text
    marks = [text.index(m) for n in range(1, 5) for m in (f"its mass {n}.", f"in shoes {n}.")]
    assert marks == sorted(marks)  # per page: the whole left column, then the right one
    for n in range(1, 5):  # each column's lines joined in order, not interleaved with the other column
        assert (" ".join(LEFT) + " ").replace("accel- eration", "acceleration").format(n=n).strip() in text
        assert " ".join(RIGHT).format(n=n) in text
        assert f"Figure {n}.1 A block sliding down a ramp." in text
    pages = [p[0] for s in sections for p in s.paragraphs]
    assert pages == sorted(pages) and set(pages) == {1, 2, 3, 4}


def test_outline_defines_chapters_and_sections(tmp_path):
    sections, info = ingest.pdf_sections(two_column_pdf(tmp_path / "outlined.pdf", outline=True), IngestConfig())
    assert info["outline"]
    assert [(s.chapter, s.section) for s in sections] == [("Chapter 2 Forces", "Pushes and Pulls"),
                                                          ("Chapter 2 Forces", "Friction Basics")]


# ----------------------------------------------------------------------------- rendered textbooks

def squash(text: str) -> str:
    return " ".join(text.split()).lower()


@pytest.fixture(scope="module")
def books(tmp_path_factory, tok):
    """Both rendered books read once: {name: (truth, sections, info, chunks)}. The maths book has a scanned page,
    so this needs Tesseract (`make sysdeps`)."""
    out = tmp_path_factory.mktemp("books")
    truth = make_books(out)
    read = {}
    for name, known in truth.items():
        sections, info = ingest.pdf_sections(out / name, IngestConfig())
        read[name] = (known, sections, info, ingest.build_chunks(sections, tok, IngestConfig(), {"source": name}))
    return read


def holder(chunks: list[dict], text: str) -> dict | None:
    """The chunk holding a block's text (its first 60 characters, whitespace and case folded)."""
    return next((c for c in chunks if squash(text)[:60] in squash(c["text"])), None)


def test_page_roles_contents_and_sections(books):
    known, sections, info, chunks = books["maths.pdf"]
    assert info["roles"] == {"cover": [1], "copyright": [2], "contents": [3], "answers": [9], "index": [10]}
    assert info["headings"] == "contents" and info["contents_entries"] == 7 and info["ocr_pages"] == [8]
    assert info["headings_in_large_font"] == 6  # every contents heading on a text-layer page (7 less the scan)
    assert [(s.chapter, s.section) for s in sections] == [(k["chapter"], k["section"]) for k in known["sections"]]
    # Printed page numbers (1, 2, ...) were mapped to PDF pages (4, 5, ...): each section starts on its own page.
    assert [s.paragraphs[0][0] for s in sections] == [k["pdf_page"] for k in known["sections"]]
    rows = [(50, "Chapter 1 Data ..... 1"), (60, "Why graphs mislead 4"), (60, "Worked Example 1.2 .... 4"),
            (50, "Chance ...... 7")]
    entries = pdftext.contents_entries([[pdftext.Block(t, 3, lines=[(x, t)]) for x, t in rows]], ["contents"])
    assert entries == [(1, "Chapter 1 Data", 1), (2, "Why graphs mislead", 4), (1, "Chance", 7)]

    page = [pdftext.Block("Friction is a force between two surfaces that rub together, acting against motion.", 2)]
    pdftext.mark_headings_by_outline([page], [(1, "Forces", 2), (2, "Friction", 2)])
    assert [(b.text, b.level) for b in page] == [("Forces", "chapter"), ("Friction", "section"),
                                                 (page[2].text, "")]  # the paragraph is not taken for the heading

    handout = [pdftext.Block("Worksheet 3", 1), pdftext.Block("Add 3 and 4, then take away 2. Copyright © you.", 1)]
    assert pdftext.page_role(handout, 1, 1) == "body" and pdftext.page_role(handout, 1, 30) == "cover"
    assert pdftext.leader_block(pdftext.Block("Median......................9 Worked Example :", 4))
    assert not pdftext.leader_block(pdftext.Block("We waited... 3 hours passed and the median was 9.", 4))

    def role(lines, previous="body"):
        return pdftext.page_role([pdftext.Block(t, 5, lines=[(50, t)]) for t in lines], 5, 20, previous)

    untitled = ["Rivers 1", "How rivers shape land 2", "Meanders 5", "Weather 9", "The water cycle 9", "Clouds 12"]
    assert role(untitled) == "contents" and role(untitled[::-1]) == "body"  # page numbers must rise
    terms = ["acid, 4", "base, 7, 9", "cell, 2", "energy, 12–14", "force, see push", "gas, 3"]
    assert role(terms) == "index" and role(terms[::-1]) == "body"  # terms must be in alphabetical order
    assert role(["2.1  1. 1/6  2. 12", "2.2  1. 40", "3.1  1. x = 4"], previous="answers") == "answers"
    assert role(["The mean of 2, 4 and 9 is 5 because the total 15 is shared between 3 numbers equally."] * 3,
                previous="answers") == "body"
    _, sections, info, _ = books["science.pdf"]
    assert info["roles"] == {"index": [3]} and info["headings"] == "outline"
    assert [s.section for s in sections] == ["1.1 Pushes and pulls", "1.2 Friction"]
    known, sections, info, _ = books["geography.pdf"]  # font sizes; answer key and index run on to a second page
    assert info["roles"] == {"cover": [1], "blank": [2], "copyright": [3], "answers": [8, 9], "index": [10, 11]}
    assert info["headings"] == "fonts" and info["ocr_pages"] == []  # a blank page is not sent to OCR
    assert [(s.chapter, s.section) for s in sections] == [(k["chapter"], k["section"]) for k in known["sections"]]


def test_front_and_back_matter_and_answers_never_indexed(books):
    for name, (known, _, _, chunks) in books.items():
        text = squash(" ".join(c["text"] for c in chunks))
        for line in known["forbidden"]:
            assert squash(line) not in text, (name, line)
        assert not re.search(r"\.{4,}|grade 7 \||year [68]|copyright|isbn", text), name  # leaders, running heads
        pairs = [p for c in chunks for p in ingest.instruction_pairs(c)]
        assert not any("answer: 1. for grip" in squash(p["text"]) for p in pairs)


def test_block_kinds_match_the_rendered_truth(books):
    for name, (known, _, _, chunks) in books.items():
        for section in known["sections"]:
            for block in section["blocks"]:
                chunk = holder(chunks, block["text"])
                if block["kind"] in ("answer", "contents"):  # never indexed
                    assert chunk is None, block
                else:
                    assert chunk is not None and chunk["kind"] == block["kind"], (name, block, chunk)
                    assert chunk["section"] == section["section"]


def test_layout_columns_tables_scans_and_running_heads(books):
    _, sections, _, chunks = books["maths.pdf"]
    charts = next(s for s in sections if s.section.startswith("1.3"))
    paragraphs = [p[1] for p in charts.paragraphs]
    assert [" ".join(p.split()[:2]) for p in paragraphs] == ["A bar", "A pictogram", "Always label", "Charts can"]
    text = "\n".join(c["text"] for c in chunks)
    assert "Pupil Ann Ben Cai\nScore 4 7 9" in text  # a table row by row, not one number per line
    assert "48 / 4" in text and "11 + 12 + 12 + 13 = 48" in text  # equations kept on their line
    scanned = next(c for c in chunks if c["section"] == "2.2 Expected outcomes" and c["kind"] == "text")
    assert "probability multiplied by the number of trials" in scanned["text"] and scanned["page"] == 8
    assert not re.search(r"chapter \d \w+ \|", text.lower())


def test_pairs_by_block_kind(books):
    _, _, _, chunks = books["maths.pdf"]
    example = next(c for c in chunks if c["kind"] == "worked_example" and "counters" in c["text"])
    (ladder,) = ingest.instruction_pairs(example)
    assert ladder["kind"] == "example_hints" and "3 red and 5 blue counters" in ladder["instruction"]
    hints = ladder["response"].splitlines()
    assert len(hints) == 3 and all(h.endswith("?") for h in hints) and "3/8" not in ladder["response"]
    assert "3 + 5 = 8" in hints[1]  # the first step of the working
    masked = ingest.instruction_pairs({**example, "text": "Example 3\nA trolley is pushed with 12 N right and 8 N "
                                       "left. What is the resultant force?\nSolution: subtract them: 12 - 8 = 4."
                                       "\nAnswer: 4 N to the right."})
    assert "12 - 8 = ?" in masked[0]["response"] and " 4" not in masked[0]["response"]
    exercise = next(c for c in chunks if c["kind"] == "exercise" and c["section"] == "1.2 Mean and median")
    assert [p["response"] for p in ingest.instruction_pairs(exercise)] == [
        "Find the median of 3, 8, 5, 1 and 9.", "The mean of four numbers is 6. What is their total?"]
    assert {p["kind"] for p in ingest.instruction_pairs(exercise)} == {"practice"}
    # OpenStax's shape: a title, the problem, Strategy, Solution steps, Discussion (which restates the result).
    openstax = "\n".join(["A Short Drive Home", "You drive 10.0 km in 20.0 min. Calculate your average speed in km/h.",
                          "Strategy", "First find the speed in the given units, then convert minutes to hours.",
                          "Solution", "1. Divide the distance by the time to get 0.500 km/min.",
                          "2. Multiply by 60 min/h: 0.500 km/min × 60 min/h = 30.0 km/h.", "Discussion",
                          "The answer 30.0 km/h has three significant figures."])
    question, steps, answer = ingest.example_parts(openstax)
    assert question.startswith("A Short Drive Home You drive") and answer.endswith("= 30.0 km/h.")
    (ladder,) = ingest.example_pairs({**example, "text": openstax})
    assert "First find the speed" in ladder["response"] and "Divide the distance by the time" in ladder["response"]
    assert "30.0" not in ladder["response"] and "significant" not in ladder["response"]
    assert ingest.example_pairs({**example, "text": "so the speed is 8.33 m/s\nSolution (b)\nMultiply again."}) == []
    quiz = "Check Your Understanding\nWhich quantity is a vector?\n1. mass 2. speed 3. velocity 4. time\n" \
           "1. Velocity has a size and a direction, which makes it a vector quantity unlike the others listed " \
           "here, because mass, speed and time have a size only and no direction at all in this case here.\n" \
           "What is the SI unit of length?\n1. metre 2. foot"
    assert ingest.exercise_items(quiz) == ["Which quantity is a vector? 1. mass 2. speed 3. velocity 4. time",
                                           "What is the SI unit of length? 1. metre 2. foot"]


def test_index_over_books_filters_kinds_and_finds_sections(books, embedder):
    chunks = [c for _, _, _, book in books.values() for c in book]
    index = Index.build(chunks, embedder)
    query = "How do I find the average of some numbers?"
    q = embedder.encode([query])[0]
    for kinds in ({"worked_example"}, {"exercise", "definition"}, {"text"}):
        allowed = [i for i, c in enumerate(chunks) if c["kind"] in kinds]
        brute = sorted(allowed, key=lambda i: -float(index.vectors[i] @ q))[:3]
        assert [h["text"] for h in index.search(query, k=3, kinds=kinds)] == [chunks[i]["text"] for i in brute]
        assert [h["text"] for h in index.search(query, k=3, kinds=kinds, hybrid=0.3)] and \
            all(h["kind"] in kinds for h in index.search(query, k=3, kinds=kinds, hybrid=0.3))
    assert index.search(query, kinds={"worked_example"})[0]["section"] == "1.2 Mean and median"
    questions = [(q, section) for known, _, _, _ in books.values()
                 for section, asked in known["questions"].items() for q in asked]
    hits = [section in {h["section"] for h in index.search(q, k=3)} for q, section in questions]
    assert sum(hits) / len(hits) >= 0.9
    # The tutor's hint never quotes an exercise, though the exercise is the closest chunk to the question.
    question = "Why do car tyres have a tread pattern?"
    assert index.search(question, k=1, subject="science")[0]["kind"] == "exercise"
    hint = tools.Toolbox(index).get_hint(question, 2, "science")["hint"]
    assert "tread pattern" not in hint and "Check your understanding" not in hint


# ----------------------------------------------------------------------------- chunks and pairs

def test_chunks_are_bounded_and_overlap(tok):
    sentences = [f"Sentence number {i} talks about energy and motion in a moving car." for i in range(60)]
    paragraphs = [(1, " ".join(sentences[:30]), "text", 0), (2, " ".join(sentences[30:]), "text", 0)]
    section = ingest.Section("book", "ch", "sec", paragraphs, "science", "physics", "6-8")
    chunks = ingest.chunk_section(section, tok, max_tokens=64, overlap=20)
    assert len(chunks) > 5 and all(tok.count(c["text"]) <= 64 for c in chunks)
    for a, b in zip(chunks, chunks[1:]):
        assert re.split(r"(?<=\.)\s+", a["text"])[-1] in b["text"]  # the last sentence carries over
    assert chunks[0]["page"] == 1 and chunks[-1]["page_end"] == 2
    assert {c["section"] for c in chunks} == {"sec"} and {c["subject"] for c in chunks} == {"science"}
    long = ingest.Section("b", "c", "s", [(1, "word " * 500, "text", 0)])
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


@pytest.mark.full_data
def test_openstax_subject_is_science_for_every_chapter(full_data_dir, tok):
    path = full_data_dir / "textbooks" / "openstax_physics" / "physics_modules_text.jsonl"
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


def test_only_bad_documents_into_an_empty_store_is_one_clean_line(tmp_path, capsys):
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    store, index = tmp_path / "store", tmp_path / "index"
    assert ingest.main([str(tmp_path / "corrupt.pdf"), f"--store={store}", f"--index={index}"]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1] == f"error: nothing to index: the store {store} has no documents"
    assert "Traceback" not in err and "reshape" not in err and not index.exists()


def test_commands_ingest_then_search(tmp_path, capsys):
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


@pytest.mark.full_data
def test_openstax_subset_is_stable(tmp_path, full_data_dir, monkeypatch):
    monkeypatch.setenv("NANOTUTOR_DATA", str(full_data_dir))  # the suite points it at the fixtures
    store = Store(tmp_path / "store")
    first = ingest.openstax_subset(2, store)
    records = [json.loads(line) for line in first.read_text().splitlines()]
    assert {r["chapter"] for r in records} == {1, 2} and all(r["book"] == "OpenStax Physics" for r in records)
    stamp = first.stat().st_mtime_ns
    assert ingest.openstax_subset(2, store) == first and first.stat().st_mtime_ns == stamp
