"""Textbook ingestion: PDFs and text documents -> sections with subjects -> token-bounded chunks -> instruction
pairs for sft.py and the FAISS index of retrieval.py.

What it supports
- PDF text from PyMuPDF page by page; a page without a usable text layer (a scan, a garbled font encoding) is
  rendered at its image's own resolution and read by Tesseract (pytesseract), pages in parallel with
  OMP_THREAD_LIMIT=1 (Tesseract's own OpenMP threads thrash on small machines; one page per core is faster).
- Running headers and footers removed (lines at the top or bottom of a page that repeat on many pages, with digits
  masked, and bare page numbers); hyphenated line breaks joined; two-column pages read column by column; captions
  and equations kept as text (Unicode math letters folded to ASCII by NFKC).
- Chapters and sections from the PDF outline when there is one, else from font sizes (a heading size must recur
  on two pages, so a cover title does not count) and numbering ("Chapter 3", "2.1 Forces").
- Subjects from `data.subjects.tag_subject` (keyword rule, documented there) over the whole book, so a physics
  section on units stays science; each section's topic is its own best topic within that subject, its grade band
  the section's reading level (or the "Grade band:" a data/corpus lesson states). Evaluated on the OpenStax
  modules, whose chapters are known: bench/textbooks.py.
- Chunks of at most `max_tokens` MiniLM WordPiece tokens (the encoder's own tokenizer, so nothing is truncated at
  embedding time), split at sentence ends with `overlap` tokens carried over, each carrying book, chapter,
  section, page and subject.
- Instruction-response pairs from the chunks (explain, define, check-understanding, Socratic hint ladder) in the
  data/ record format, at out/ingest/pairs.jsonl.
- Idempotent by content hash: a document already in the store is skipped. A corrupt, encrypted, empty or huge PDF
  raises `IngestError` naming the file before anything is written, so earlier documents stay searchable.
- Text documents too (.txt, .md with #/## headings, and .jsonl records with "text" and optional "title", "chapter",
  "chapter_title", "book", "subject"), which is how `make index` builds the demo index from data/corpus/ and
  OpenStax chapters 1-3 (`--openstax=N`); embeddings are cached per document, so a rebuild only embeds new ones.

Commands:
    .venv/bin/python ingest.py book.pdf scans/ notes.md modules.jsonl     # ingest into out/ingest, rebuild out/index
    .venv/bin/python ingest.py data/corpus --store=out/ingest --index=out/index --max_tokens=200 --overlap=40
    .venv/bin/python ingest.py data/corpus --openstax=3                    # + OpenStax Physics chapters 1-3 (23 = all)
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from common import (atomic_write_bytes, atomic_write_json, atomic_write_text, check_known, fill, get_logger, out_dir, parse_args,
                    read_jsonl, sha256_file, shared_data_dir)
from data.subjects import grade_band, tag_subject, topic_scores
from retrieval import Embedder, Index, WordPiece, npy_bytes

log = get_logger("ingest")
TEXT_SUFFIXES = (".txt", ".md", ".jsonl")


class IngestError(ValueError):
    """A document that cannot be ingested; the message names the file and the reason."""


@dataclass
class IngestConfig:
    store: str = ""            # default out/ingest
    index: str = ""            # default out/index
    max_tokens: int = 200      # MiniLM was trained on short passages; 256 is its hard limit
    overlap: int = 40
    max_mb: float = 200.0      # a bigger PDF is refused rather than filling the disk and memory
    max_pages: int = 3000
    workers: int = 2           # OCR processes in parallel (one per core)
    hnsw: bool = False
    openstax: int = 0          # also ingest OpenStax Physics chapters 1..N (23 = the whole book)


# ----------------------------------------------------------------------------- opening PDFs

def open_pdf(path: Path, max_mb: float = 200.0, max_pages: int = 3000):
    """Open a PDF or raise IngestError for a missing, huge, corrupt, encrypted or empty one."""
    import pymupdf

    if not path.is_file():
        raise IngestError(f"{path}: no such file")
    size_mb = path.stat().st_size / 2**20
    if size_mb > max_mb:
        raise IngestError(f"{path}: {size_mb:.0f} MB is over the {max_mb:.0f} MB limit (--max_mb)")
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as e:  # PyMuPDF raises several types for damaged files
        raise IngestError(f"{path}: not a readable PDF ({e})") from None
    if doc.needs_pass or doc.is_encrypted:
        raise IngestError(f"{path}: the PDF is encrypted; decrypt it first (qpdf --decrypt)")
    if doc.page_count == 0:
        raise IngestError(f"{path}: the PDF has no pages")
    if doc.page_count > max_pages:
        raise IngestError(f"{path}: {doc.page_count} pages is over the {max_pages}-page limit (--max_pages)")
    return doc


# ----------------------------------------------------------------------------- text layer

@dataclass
class Block:
    """A paragraph-sized piece of a page: its text, page number, font size (None from OCR) and heading level."""
    text: str
    page: int
    size: float | None = None
    level: str = ""  # "", "chapter", "section" or "heading"
    bbox: tuple = (0.0, 0.0, 0.0, 0.0)
    ocr: bool = False  # OCR sizes are line heights in points, not comparable with font sizes


def clean(text: str) -> str:
    # NFKC folds math italic letters (U+1D465 -> x) and ligatures (fi) into plain text the encoder knows.
    return unicodedata.normalize("NFKC", text).replace("\u00ad", "")


def join_lines(lines: list[str]) -> str:
    """Join a block's lines, undoing hyphenation at line ends ("exam-" + "ple" -> "example")."""
    out = ""
    for line in (l.strip() for l in lines):
        if not line:
            continue
        if re.search(r"[a-z]-$", out) and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out


def reading_order(blocks: list[Block], width: float) -> list[Block]:
    """Full-width blocks in vertical order; between them, the left column top to bottom, then the right one."""
    mid = width / 2
    ordered: list[Block] = []
    band: list[Block] = []
    for block in sorted(blocks, key=lambda b: (b.bbox[1], b.bbox[0])):
        x0, _, x1, _ = block.bbox
        if x0 < mid - 10 and x1 > mid + 10:  # spans the gutter: a full-width block closes the column band
            ordered += sorted(band, key=lambda b: (b.bbox[0] >= mid, b.bbox[1]))
            ordered.append(block)
            band = []
        else:
            band.append(block)
    return ordered + sorted(band, key=lambda b: (b.bbox[0] >= mid, b.bbox[1]))


def split_columns(lines: list[dict], mid: float) -> list[list[dict]]:
    """MuPDF sometimes puts two columns' lines, side by side, into one block: split it into left and right."""
    left = [l for l in lines if l["bbox"][2] <= mid + 10]
    right = [l for l in lines if l["bbox"][0] >= mid - 10]
    return [left, right] if left and right and len(left) + len(right) == len(lines) else [lines]


def text_blocks(page, page_no: int) -> list[Block]:
    """The page's text blocks (with their largest font size) in reading order."""
    blocks = []
    for b in page.get_text("dict")["blocks"]:
        if b.get("type") != 0:
            continue
        for lines in split_columns(b["lines"], page.rect.width / 2):
            sizes = [s["size"] for line in lines for s in line["spans"] if s["text"].strip()]
            text = clean(join_lines(["".join(s["text"] for s in line["spans"]) for line in lines]))
            if text and sizes:
                bbox = (min(l["bbox"][0] for l in lines), min(l["bbox"][1] for l in lines),
                        max(l["bbox"][2] for l in lines), max(l["bbox"][3] for l in lines))
                blocks.append(Block(text, page_no, round(max(sizes), 1), bbox=bbox))
    return reading_order(blocks, page.rect.width)


def usable(text: str) -> bool:
    """A text layer is usable when it has some words and is mostly letters, digits, spaces and punctuation."""
    letters = sum(ch.isalpha() for ch in text)
    odd = sum(ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cn", "Cc") and ch not in "\n\t" for ch in text)
    words = re.findall(r"[A-Za-z]{2,}", text)
    return letters >= 20 and odd / max(len(text), 1) < 0.05 and len(words) >= 5 and \
        sum(len(w) for w in words) / max(letters, 1) > 0.6


# ----------------------------------------------------------------------------- OCR

def render_for_ocr(page) -> tuple:
    """Render at the embedded image's own resolution (clamped to 150-300 dpi): upscaling a noisy 150 dpi scan made
    Tesseract read speckles as text and raised the character error rate from about 0.5% to 3.5% here."""
    from PIL import Image
    import pymupdf

    images = page.get_images(full=True)
    dpi = 300
    if images:
        dpi = int(min(300, max(150, images[0][2] / page.rect.width * 72)))
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples), dpi


def ocr_image(image) -> dict:
    """Tesseract's word table (text, block/paragraph/line numbers, heights), so headings can be told by size."""
    import pytesseract

    try:
        return pytesseract.image_to_data(image, lang="eng", output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractNotFoundError:
        raise IngestError("this page has no usable text layer and needs OCR, but the `tesseract` program is not "
                          "installed: run `make sysdeps` (apt-get install tesseract-ocr)") from None


def ocr_pages(images: list, workers: int = 2) -> list[dict]:
    """OCR images in parallel: threads suffice because each call waits on its own tesseract process."""
    os.environ["OMP_THREAD_LIMIT"] = "1"  # inherited by the tesseract subprocesses
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(ocr_image, images))


def ocr_blocks(data: dict, page_no: int, dpi: int) -> list[Block]:
    """Tesseract paragraphs as blocks, hyphenation joined; size = median word height of the first line in points."""
    scale = 72 / dpi
    lines: dict[tuple, list[int]] = {}
    for i, word in enumerate(data["text"]):
        if word.strip():
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    paragraphs: dict[tuple, list[list[int]]] = {}
    for key in sorted(lines):
        paragraphs.setdefault(key[:2], []).append(lines[key])
    blocks = []
    for para in paragraphs.values():
        heights = sorted(data["height"][i] for i in para[0])
        words = [i for line in para for i in line]
        bbox = (min(data["left"][i] for i in words) * scale, min(data["top"][i] for i in words) * scale,
                max(data["left"][i] + data["width"][i] for i in words) * scale,
                max(data["top"][i] + data["height"][i] for i in words) * scale)
        text = clean(join_lines([" ".join(data["text"][i] for i in line) for line in para]))
        blocks.append(Block(text, page_no, round(heights[len(heights) // 2] * scale, 1), bbox=bbox, ocr=True))
    return blocks


def ocr_text(blocks: list[Block]) -> str:
    return "\n".join(b.text for b in blocks)


def edit_distance(hyp: list | str, ref: list | str) -> int:
    """Levenshtein distance, one numpy row at a time: insertions along a row are a running minimum of
    (cost - column), which turns the inner loop into np.minimum.accumulate."""
    vocab: dict = {}
    h = np.array([vocab.setdefault(x, len(vocab)) for x in hyp], dtype=np.int64)
    r = np.array([vocab.setdefault(x, len(vocab)) for x in ref], dtype=np.int64)
    cols = np.arange(len(r) + 1)
    prev = cols.copy()
    for i, x in enumerate(h, 1):
        row = np.empty_like(prev)
        row[0] = i
        row[1:] = np.minimum(prev[1:] + 1, prev[:-1] + (r != x))
        prev = np.minimum.accumulate(row - cols) + cols
    return int(prev[-1])


def error_rates(hyp: str, ref: str) -> tuple[float, float]:
    """(CER, WER) of OCR text against a reference, whitespace collapsed (layout spacing is not an OCR error)."""
    hyp, ref = " ".join(hyp.split()), " ".join(ref.split())
    return edit_distance(hyp, ref) / max(len(ref), 1), edit_distance(hyp.split(), ref.split()) / max(len(ref.split()), 1)


# ----------------------------------------------------------------------------- headers and footers

def furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def in_margin(block: Block, height: float, margin: float = 0.1) -> bool:
    """Within the top or bottom `margin` of the page, where running heads and folios sit."""
    return block.bbox[3] <= margin * height or block.bbox[1] >= (1 - margin) * height


def remove_headers_footers(pages: list[list[Block]], heights: list[float]) -> list[list[Block]]:
    """Drop blocks in the top/bottom margin that repeat (digits masked) on at least 3 pages and 40% of all pages,
    or are a bare page number: running heads and folios, not content."""
    counts: Counter[str] = Counter()
    for blocks, height in zip(pages, heights):
        counts.update({furniture_key(b.text) for b in blocks if in_margin(b, height)})
    threshold = max(3, int(0.4 * len(pages)))
    folio = re.compile(r"^(page\s*)?#(\s*(of|/)\s*#)?$|^[ivxlc]+$")
    return [[b for b in blocks if not (in_margin(b, height) and (counts[furniture_key(b.text)] >= threshold
                                                                   or folio.match(furniture_key(b.text))))]
            for blocks, height in zip(pages, heights)]


# ----------------------------------------------------------------------------- chapters and sections

CHAPTER = re.compile(r"^(chapter|unit)\s+(\d+|[ivxlc]+)\b[\s:.\-]*(.*)$", re.I)
NUMBERED = re.compile(r"^(\d+\.\d+(?:\.\d+)?)\s+([A-Z][A-Za-z].{2,80})$")


def mark_headings_by_font(pages: list[list[Block]]) -> None:
    """Body size = the size with the most characters; a larger size that recurs on 2+ pages is a heading level:
    the largest is a section, smaller ones are headings inside it. "Chapter N" lines are chapters."""
    chars: Counter[float] = Counter()
    pages_of: dict[float, set[int]] = {}
    for blocks in pages:
        for b in blocks:
            if b.size is not None and not b.ocr:
                chars[b.size] += len(b.text)
                pages_of.setdefault(b.size, set()).add(b.page)
    if not chars:
        return
    body = chars.most_common(1)[0][0]
    levels = sorted((s for s in pages_of if s >= body * 1.12 and len(pages_of[s]) >= 2), reverse=True)
    for blocks in pages:
        for b in blocks:
            if b.ocr:
                continue
            if CHAPTER.match(b.text) and len(b.text) < 120:
                b.level = "chapter"
            elif b.size in levels and len(b.text) < 150:
                b.level = "section" if b.size == levels[0] else "heading"


def mark_headings_by_numbering(pages: list[list[Block]], section_ratio: float = 1.8) -> None:
    """For OCR pages: "Chapter N ..." is a chapter, "N.M Title" a section, "N.M.K Title" a heading; failing those, a
    short unpunctuated line at least `section_ratio` times the body line height is a section. Scanned line heights
    are noisy (word heights vary with ascenders and descenders), so only clearly large lines count: on the staged
    scan, section titles measure 17-22 pt against a 9 pt body and the largest sub-heading 16 pt."""
    ocr = [b for blocks in pages for b in blocks if b.ocr]
    if not ocr:
        return
    sizes = sorted(b.size for b in ocr for _ in range(len(b.text) // 20 + 1))  # weighted by length: body text wins
    body = sizes[len(sizes) // 2]
    for b in ocr:
        if b.level or len(b.text) > 120:
            continue
        if CHAPTER.match(b.text):
            b.level = "chapter"
        elif m := NUMBERED.match(b.text):
            b.level = "section" if m.group(1).count(".") <= 1 else "heading"
        elif len(b.text.split()) <= 10 and not b.text.endswith((".", ",", ";")) and b.size >= section_ratio * body:
            b.level = "section"


def mark_headings_by_outline(pages: list[list[Block]], toc: list) -> None:
    """PDF outline entries (level, title, page): the top level is chapters, the next sections, deeper headings.
    The first block on the entry's page that starts with its title becomes the heading; else one is inserted."""
    top = min(level for level, _, _ in toc)
    names = {top: "chapter", top + 1: "section"}
    by_page = {blocks[0].page: blocks for blocks in pages if blocks}
    inserted: Counter[int] = Counter()
    for level, title, page_no in toc:
        blocks = by_page.get(page_no)
        if blocks is None:
            continue
        key = " ".join(clean(title).lower().split())
        kind = names.get(level, "heading")
        match = next((b for b in blocks if " ".join(b.text.lower().split()).startswith(key)), None)
        if match is not None:
            match.level = kind
        else:  # several entries may start on one page: keep them in outline order at the page's top
            blocks.insert(inserted[page_no], Block(clean(title), page_no, level=kind))
            inserted[page_no] += 1


@dataclass
class Section:
    book: str
    chapter: str
    section: str
    paragraphs: list[tuple[int | None, str]] = field(default_factory=list)  # (page, text)
    subject: str | None = None
    topic: str | None = None
    grade_band: str | None = None


def split_sections(blocks: list[Block], book: str) -> list[Section]:
    """Walk the marked blocks: a chapter heading opens a chapter, a section heading opens a section; smaller
    headings stay in the text (as their own paragraph) so chunks keep them as context."""
    sections: list[Section] = []
    chapter, current = "", None
    for b in blocks:
        if b.level == "chapter":
            chapter, current = b.text, None
            continue
        if b.level == "section" or current is None:
            current = Section(book, chapter, b.text if b.level == "section" else "")
            sections.append(current)
            if b.level == "section":
                continue
        current.paragraphs.append((b.page, b.text))
    return [s for s in sections if s.paragraphs]


def tag_sections(sections: list[Section]) -> None:
    """The subject is decided per book (all its sections' text, the book title as title): a physics section on
    units is still science, not math. The topic and grade band are the section's own, within that subject.
    A section whose text names no topic of the book's subject keeps the book's topic."""
    for book in dict.fromkeys(s.book for s in sections):
        group = [s for s in sections if s.book == book]
        subject, book_topic, book_band = tag_subject(" ".join(t for s in group for _, t in s.paragraphs)[:50000], title=book)
        for s in group:
            text = " ".join(t for _, t in s.paragraphs)
            scores = topic_scores(text, title=f"{s.chapter} {s.section}").get(subject or "", {})
            best = max(scores, key=scores.get) if scores and max(scores.values()) > 0 else book_topic
            s.subject, s.topic = subject, best
            stated = re.search(r"\bGrade band:\s*(K-2|3-5|6-8|9-12)\b", text[:200])  # data/corpus lessons state theirs
            s.grade_band = stated.group(1) if stated else grade_band(text, best) if text.strip() else book_band


# ----------------------------------------------------------------------------- chunks

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")


def sentences(text: str, tok: WordPiece, max_tokens: int) -> list[tuple[str, int]]:
    """Sentences with token counts; one longer than `max_tokens` is cut into word runs that fit."""
    out = []
    for sent in SENTENCE_END.split(text):
        n = tok.count(sent)
        if n <= max_tokens:
            out.append((sent, n))
            continue
        piece: list[str] = []
        used = 0
        for word in sent.split():
            w = tok.count(word)
            if piece and used + w > max_tokens:
                out.append((" ".join(piece), used))
                piece, used = [], 0
            piece.append(word)
            used += w
        if piece:
            out.append((" ".join(piece), used))
    return out


def join_units(units: list[tuple]) -> str:
    """Sentences of one paragraph joined by spaces, paragraphs by newlines."""
    return "".join(("\n" if i and u[3] != units[i - 1][3] else " " if i else "") + u[1] for i, u in enumerate(units))


def chunk_section(section: Section, tok: WordPiece, max_tokens: int = 200, overlap: int = 40) -> list[dict]:
    """Pack sentences into chunks of at most `max_tokens` tokens; each new chunk starts with the last sentences
    of the previous one (at most `overlap` tokens) so an idea cut at a boundary is whole in one of them."""
    units = [(page, s, n, p) for p, (page, para) in enumerate(section.paragraphs) for s, n in sentences(para, tok, max_tokens)]
    chunks, current = [], []
    for unit in units:
        # Joining pieces adds no tokens: each piece tokenizes on its own whitespace boundaries.
        if current and sum(u[2] for u in current) + unit[2] > max_tokens:
            chunks.append(current)
            carry: list = []
            for prev in reversed(current):
                if sum(u[2] for u in carry) + prev[2] > overlap or sum(u[2] for u in carry) + prev[2] + unit[2] > max_tokens:
                    break
                carry.insert(0, prev)
            current = carry
        current.append(unit)
    if current:
        chunks.append(current)
    meta = {"book": section.book, "chapter": section.chapter, "section": section.section, "subject": section.subject,
            "topic": section.topic, "grade_band": section.grade_band}
    return [{"text": join_units(c), "page": c[0][0], "page_end": c[-1][0], "tokens": sum(u[2] for u in c), **meta}
            for c in chunks]


# ----------------------------------------------------------------------------- instruction pairs

DEFINITION = re.compile(r"^(?:An?\s+|The\s+)?([A-Za-z][A-Za-z \-]{1,40}?)\s+(?:is|are|refers to|means)\s+(?:an?\s+|the\s+)?(.{20,240}?[.])$")


def words_of(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+", text)


NOT_TERMS = {"this", "that", "these", "those", "it", "its", "there", "what", "which", "who", "our", "their", "his",
             "her", "one", "each", "such", "here", "another", "other", "some", "all", "most", "many", "he", "she", "they"}


def definitions(text: str) -> list[tuple[str, str]]:
    """("term", "sentence") for sentences shaped like a definition: "Physics is the science aimed at ..."."""
    found = []
    for sent in SENTENCE_END.split(text):
        m = DEFINITION.match(sent.strip())
        if m and len(m.group(1).split()) <= 4 and m.group(1).split()[0].lower() not in NOT_TERMS:
            found.append((m.group(1).strip(), sent.strip()))
    return found


def pair(chunk: dict, kind: str, instruction: str, response: str, inp: str = "") -> dict:
    base = hashlib.sha256(f"{kind}|{instruction}|{chunk['text']}".encode()).hexdigest()[:16]
    return {"id": f"textbook-{kind}-{base}", "source": f"textbook:{chunk['book']}", "licence": chunk.get("licence", ""),
            "subject": chunk["subject"], "grade_band": chunk.get("grade_band"), "kind": kind, "instruction": instruction,
            "input": inp, "response": response, "text": f"{instruction}\n{inp}\n{response}".replace("\n\n", "\n"),
            "book": chunk["book"], "chapter": chunk["chapter"], "section": chunk["section"], "page": chunk["page"]}


def instruction_pairs(chunk: dict) -> list[dict]:
    """Explain (from the passage), define (from definition sentences), a check-understanding question and a
    Socratic hint ladder that leads toward the definition without stating it."""
    topic = chunk["section"] or chunk["chapter"] or chunk["book"]
    out = [pair(chunk, "explain", f"Using the passage, explain the main idea of \"{topic}\" to a student in simple words.",
                " ".join(SENTENCE_END.split(chunk["text"])[:3]), inp=chunk["text"])]
    for term, sentence in definitions(chunk["text"])[:2]:
        out.append(pair(chunk, "define", f"What does \"{term}\" mean?", sentence, inp=chunk["text"]))
        cloze = re.sub(re.escape(term), "_____", sentence, count=1, flags=re.I)
        out.append(pair(chunk, "check", f"Write a question that checks whether a student understood \"{term}\" in this "
                        "passage, then give its answer.", f"Question: Fill in the blank: {cloze}\nAnswer: {term}",
                        inp=chunk["text"]))
        clue = max((w for w in words_of(sentence) if w.lower() not in term.lower() and len(w) > 3), key=len, default="it")
        out.append(pair(chunk, "hints", f"A student asks: \"What is {term}?\" Give a Socratic hint ladder: three hints "
                        "from gentle to specific, each ending in a question, without stating the definition.",
                        f"Hint 1: Where in the section \"{topic}\" have you seen the word \"{term}\"? What was it "
                        f"describing?\nHint 2: The passage links \"{term}\" with the word \"{clue}\". How might "
                        f"the two be connected?\nHint 3: Try finishing the sentence \"{term} is ...\" in your own words. What would "
                        "you write?", inp=chunk["text"]))
    return out


# ----------------------------------------------------------------------------- documents

def pdf_sections(path: Path, cfg: IngestConfig) -> tuple[list[Section], dict]:
    """Pages -> blocks (text layer or OCR) -> headers/footers removed -> headings marked -> sections."""
    doc = open_pdf(path, cfg.max_mb, cfg.max_pages)
    try:
        pages: list[list[Block]] = []
        need_ocr: list[int] = []
        heights = [page.rect.height for page in doc]
        for i, page in enumerate(doc):
            blocks = text_blocks(page, i + 1)
            if not usable(" ".join(b.text for b in blocks)):
                need_ocr.append(i)
            pages.append(blocks)
        if need_ocr:
            rendered = [render_for_ocr(doc[i]) for i in need_ocr]
            tables = ocr_pages([image for image, _ in rendered], cfg.workers)
            for i, table, (_, dpi) in zip(need_ocr, tables, rendered):
                pages[i] = ocr_blocks(table, i + 1, dpi)
        toc = [(level, title, page) for level, title, page in doc.get_toc(simple=True) if page >= 1]
        book = (doc.metadata or {}).get("title") or path.stem
    finally:
        doc.close()
    if not any(b.text.strip() for blocks in pages for b in blocks):
        raise IngestError(f"{path}: no text found on any page, even with OCR")
    pages = remove_headers_footers(pages, heights)
    if toc:
        mark_headings_by_outline(pages, toc)
    else:
        mark_headings_by_font(pages)
        mark_headings_by_numbering(pages)
    sections = split_sections([b for blocks in pages for b in blocks], book)
    return sections, {"pages": len(pages), "ocr_pages": [i + 1 for i in need_ocr], "outline": bool(toc), "book": book}


def markdown_sections(text: str, title: str, book: str, chapter: str = "") -> list[Section]:
    """A text document: "# Chapter" / "## Section" markdown headings when present, else one section `title`."""
    blocks = []
    for para in re.split(r"\n\s*\n", text):
        lines = para.strip().splitlines()
        m = re.match(r"^(#{1,3})\s+(.*)$", lines[0]) if lines else None
        if m:  # a heading line; any lines right under it are a paragraph of their own
            blocks.append(Block(clean(m.group(2)), None, level={1: "chapter", 2: "section"}.get(len(m.group(1)), "heading")))
            lines = lines[1:]
        if lines:
            blocks.append(Block(clean(join_lines(lines)), None))
    sections = split_sections(blocks, book)
    for s in sections:
        s.chapter = s.chapter or chapter
        s.section = s.section or title
    return sections


def text_sections(path: Path) -> list[Section]:
    """.txt/.md (book = folder name, title = file name) or .jsonl records with "text" and optional metadata."""
    if path.suffix != ".jsonl":
        text = path.read_text(encoding="utf-8", errors="replace")
        return markdown_sections(text, path.stem.replace("_", " "), path.parent.name)
    sections = []
    try:
        records = list(read_jsonl(path, ("text",)))
    except ValueError as e:
        raise IngestError(str(e)) from None
    for n, rec in records:
        if not isinstance(rec["text"], str):
            raise IngestError(f"{path}:{n}: expected an object with a 'text' string")
        chapter = rec.get("chapter_title") or rec.get("chapter") or ""
        if rec.get("chapter_title") and rec.get("chapter") not in (None, ""):
            chapter = f"{rec['chapter']}: {rec['chapter_title']}"
        for s in markdown_sections(rec["text"], rec.get("title") or rec.get("section") or "", rec.get("book") or path.stem, str(chapter)):
            s.subject = rec.get("subject")
            sections.append(s)
    return sections


def build_chunks(sections: list[Section], tok: WordPiece, cfg: IngestConfig, extra: dict | None = None) -> list[dict]:
    preset = [s.subject for s in sections]
    tag_sections(sections)
    for s, subject in zip(sections, preset):
        s.subject = subject or s.subject  # a record's own subject wins over the keyword rule
    chunks = [c for s in sections for c in chunk_section(s, tok, cfg.max_tokens, cfg.overlap)]
    for i, c in enumerate(chunks):
        c.update(extra or {})
        c["chunk"] = i
    return chunks


# ----------------------------------------------------------------------------- the store

class Store:
    """out/ingest: docs/<sha256>.json per document (written last, atomically), embeddings cached beside it,
    and chunks.jsonl + pairs.jsonl rebuilt from all documents after each run."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.docs = self.root / "docs"
        self.docs.mkdir(parents=True, exist_ok=True)

    def has(self, digest: str) -> bool:
        return (self.docs / f"{digest}.json").exists()

    def add(self, digest: str, record: dict) -> None:
        atomic_write_json(self.docs / f"{digest}.json", record)

    def records(self) -> list[dict]:
        return [json.loads(p.read_text()) for p in sorted(self.docs.glob("*.json"))]

    def vectors(self, record: dict, embedder: Embedder) -> np.ndarray:
        """The document's chunk embeddings, computed once per (document, embedder)."""
        path = self.docs / f"{record['sha256']}.{embedder.fingerprint}.npy"
        if path.exists():
            vectors = np.load(path)
            if len(vectors) == len(record["chunks"]):
                return vectors
        vectors = embedder.encode([c["text"] for c in record["chunks"]])
        atomic_write_bytes(path, npy_bytes(vectors))
        return vectors




def ingest_file(path: Path, store: Store, tok: WordPiece, cfg: IngestConfig) -> tuple[str, bool]:
    """Ingest one file unless its content hash is already stored; returns (sha256, newly_added)."""
    if not path.is_file():
        raise IngestError(f"{path}: no such file")
    digest = sha256_file(path)
    if store.has(digest):
        return digest, False
    if path.suffix.lower() == ".pdf":
        sections, info = pdf_sections(path, cfg)
    elif path.suffix.lower() in TEXT_SUFFIXES:
        sections, info = text_sections(path), {"book": path.stem}
    else:
        raise IngestError(f"{path}: unsupported file type {path.suffix!r} (PDF, .txt, .md or .jsonl)")
    chunks = build_chunks(sections, tok, cfg, {"source": path.name, "doc": digest[:12]})
    if not chunks:
        raise IngestError(f"{path}: no text to index")
    store.add(digest, {"sha256": digest, "source": str(path), **info, "sections": len(sections), "chunks": chunks})
    return digest, True


def expand(paths: list[str]) -> list[Path]:
    files = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.suffix.lower() in (".pdf", *TEXT_SUFFIXES) and f.is_file())
        else:
            files.append(p)
    return files


def rebuild(store: Store, embedder: Embedder, index_dir: str | Path, hnsw: bool = False) -> Index:
    """chunks.jsonl, pairs.jsonl and the index from every stored document (embeddings come from the cache)."""
    records = store.records()
    chunks = [c for r in records for c in r["chunks"]]
    vectors = np.concatenate([store.vectors(r, embedder) for r in records]) if records else np.zeros((0, embedder.dim), np.float32)
    atomic_write_text(store.root / "chunks.jsonl", "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in chunks))
    pairs = [p for c in chunks for p in instruction_pairs(c)]
    atomic_write_text(store.root / "pairs.jsonl", "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs))
    index = Index(chunks, vectors, embedder, hnsw=hnsw)
    index.save(index_dir)
    return index


def ingest(paths: list[str | Path], cfg: IngestConfig | None = None, embedder: Embedder | None = None) -> tuple[Index, list[str]]:
    """Ingest every file (bad ones are reported and skipped), then rebuild the outputs; returns (index, errors)."""
    cfg = cfg or IngestConfig()
    embedder = embedder or Embedder()
    store = Store(cfg.store or out_dir("ingest"))
    errors = []
    for path in expand([str(p) for p in paths]):
        try:
            digest, new = ingest_file(path, store, embedder.tokenizer, cfg)
            log.info("ingested" if new else "already ingested", extra={"fields": {"file": str(path), "sha256": digest[:12]}})
        except IngestError as e:
            errors.append(str(e))
            log.error(str(e))
    return rebuild(store, embedder, cfg.index or out_dir() / "index", cfg.hnsw), errors


def openstax_modules() -> Path:
    return shared_data_dir() / "textbooks" / "openstax_physics" / "physics_modules_text.jsonl"


def openstax_subset(chapters: int, store: Store) -> Path:
    """The staged OpenStax Physics modules of chapters 1..N (front matter dropped) as a JSONL source under the
    store, so the demo can index a few chapters in well under a minute and the whole book when there is time.
    Its bytes depend only on N, so ingesting it twice is a no-op like any other file."""
    source = openstax_modules()
    if not source.is_file():
        raise IngestError(f"{source}: OpenStax modules not found (set NANOTUTOR_DATA)")
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    keep = [{**r, "book": "OpenStax Physics"} for r in records if 1 <= int(r["chapter"]) <= chapters]
    path = store.root / "sources" / f"openstax_physics_ch1-{chapters}.jsonl"
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in keep)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        atomic_write_text(path, text)
    return path


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("--")]
    values = parse_args([a for a in argv if a.startswith("--")])
    check_known(values, IngestConfig)
    cfg = fill(IngestConfig, values)
    if cfg.openstax:
        paths.append(str(openstax_subset(cfg.openstax, Store(cfg.store or out_dir("ingest")))))
    if not paths:
        print(__doc__)
        return 2
    index, errors = ingest(paths, cfg)
    print(f"index: {len(index)} chunks; errors: {len(errors)}")
    for e in errors:
        print(f"  error: {e}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
