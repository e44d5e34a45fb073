"""PDF pages -> marked text blocks: the layout half of textbook ingestion (ingest.py builds sections, chunks
and pairs from these blocks).

What it supports
- PDF text from PyMuPDF page by page; a page without a usable text layer (a scan, a garbled font encoding) is
  rendered at its image's own resolution and read by Tesseract (pytesseract), pages in parallel with
  OMP_THREAD_LIMIT=1 (Tesseract's own OpenMP threads thrash on small machines; one page per core is faster).
- Running heads and folios removed (margin lines that repeat with digits masked, a chapter-named head in a small
  font repeating within its chapter, page numbers at the foot or in the side margin); hyphenated line breaks
  joined; two-column pages read column by column; table rows and equations kept on one line each (lines on one
  baseline are joined, not read one cell per line); Unicode math letters folded to ASCII by NFKC.
- Page roles: cover, copyright/licence, contents, index, answer key and blank pages, told by their headings, dot
  leaders and trailing page numbers, alphabetised "term, 12" lines and rights notices; the contents page gives
  (level, title, printed page) entries, mapped to PDF pages by the offset most entries agree on.
- Headings from the PDF outline, else the contents page, else font sizes (a heading size must recur on two pages,
  so a cover title does not count) and numbering ("Chapter 3", "2.1 Forces"); OCR line heights on scans.
- Textbook block kinds: worked examples (labelled, boxed, or a title + problem + Strategy/Solution), exercises
  (labelled sets, multiple-choice questions), definitions, key-concept boxes and summaries; drawn boxes bound
  them; answer lines inside exercises get kind "answer" so they are never indexed.
- CER/WER helpers for measuring OCR against a reference text (tests, bench/textbooks.py).
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pymupdf
import pytesseract
from PIL import Image


class IngestError(ValueError):
    """A document that cannot be ingested; the message names the file and the reason."""


# ----------------------------------------------------------------------------- opening PDFs

def open_pdf(path: Path, max_mb: float = 200.0, max_pages: int = 3000):
    """Open a PDF or raise IngestError for a missing, huge, corrupt, encrypted or empty one."""
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
    lines: list = field(default_factory=list)  # (x0, text) per printed row: page roles and contents entries
    box: int = -1  # index of the drawn box (frame or shading) around the block on its page, -1 for none
    kind: str = "text"  # textbook block kind (BLOCK_KINDS), set by mark_block_kinds
    run: int = 0  # blocks of one run (one worked example, one exercise set...) are chunked together


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
    """MuPDF sometimes puts two columns' lines, side by side, into one block: split it into left and right.
    A table row (cells side by side on one baseline) is not two columns: each side must hold several rows."""
    left = [l for l in lines if l["bbox"][2] <= mid + 10]
    right = [l for l in lines if l["bbox"][0] >= mid - 10]
    rows = [len({round(l["bbox"][1]) for l in side}) for side in (left, right)]
    return [left, right] if min(rows) >= 2 and len(left) + len(right) == len(lines) else [lines]


def rows_of(lines: list[dict]) -> list[tuple[float, str]]:
    """Lines on one baseline (table cells, an equation's pieces, a contents entry and its page number) joined
    left to right into one row, so a table reads row by row instead of one number per line."""
    rows: list[list[dict]] = []
    for line in lines:
        if rows and abs(line["bbox"][1] - rows[-1][0]["bbox"][1]) < 3:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [(min(l["bbox"][0] for l in row), clean(" ".join("".join(s["text"] for s in l["spans"]).strip()
                                                              for l in sorted(row, key=lambda l: l["bbox"][0]))))
            for row in rows]


def drawn_boxes(page) -> list:
    """Frames and shaded rectangles big enough to hold text: worked examples, definitions and key ideas sit in them."""
    return [d["rect"] for d in page.get_drawings()
            if d["rect"].width > 60 and d["rect"].height > 20 and (d.get("fill") is not None or d.get("color"))]


def text_blocks(page, page_no: int) -> list[Block]:
    """The page's text blocks (with their largest font size and the drawn box around them) in reading order."""
    blocks = []
    boxes = drawn_boxes(page)
    for b in page.get_text("dict")["blocks"]:
        if b.get("type") != 0:
            continue
        for lines in split_columns(b["lines"], page.rect.width / 2):
            sizes = [s["size"] for line in lines for s in line["spans"] if s["text"].strip()]
            rows = rows_of(lines)
            text = join_lines([t for _, t in rows])
            if text and sizes:
                bbox = (min(l["bbox"][0] for l in lines), min(l["bbox"][1] for l in lines),
                        max(l["bbox"][2] for l in lines), max(l["bbox"][3] for l in lines))
                box = next((i for i, r in enumerate(boxes) if r.x0 - 2 <= bbox[0] and r.y0 - 2 <= bbox[1]
                            and bbox[2] <= r.x1 + 2 and bbox[3] <= r.y1 + 2), -1)
                blocks.append(Block(text, page_no, round(max(sizes), 1), bbox=bbox, lines=rows, box=box))
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
    images = page.get_images(full=True)
    dpi = 300
    if images:
        dpi = int(min(300, max(150, images[0][2] / page.rect.width * 72)))
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples), dpi


def ocr_image(image) -> dict:
    """Tesseract's word table (text, block/paragraph/line numbers, heights), so headings can be told by size."""
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
        rows = [(data["left"][line[0]] * scale, clean(" ".join(data["text"][i] for i in line))) for line in para]
        blocks.append(Block(join_lines([t for _, t in rows]), page_no, round(heights[len(heights) // 2] * scale, 1),
                            bbox=bbox, ocr=True, lines=rows))
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
    words, ref_words = hyp.split(), ref.split()
    return edit_distance(hyp, ref) / max(len(ref), 1), edit_distance(words, ref_words) / max(len(ref_words), 1)


# ----------------------------------------------------------------------------- headers and footers

def furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def in_margin(block: Block, size: tuple[float, float], margin: float = 0.1) -> bool:
    """Within the top or bottom `margin` of the page, where running heads and folios sit."""
    return block.bbox[3] <= margin * size[1] or block.bbox[1] >= (1 - margin) * size[1]


def in_side_margin(block: Block, size: tuple[float, float], margin: float = 0.1) -> bool:
    """Within the left or right `margin`, where some books print the page number."""
    return block.bbox[2] <= margin * size[0] or block.bbox[0] >= (1 - margin) * size[0]


FOLIO = re.compile(r"^(page\s*)?#(\s*(of|/)\s*#)?$|^[ivxlc]+$")


def remove_headers_footers(pages: list[list[Block]], sizes: list[tuple[float, float]]) -> list[list[Block]]:
    """Drop running heads and folios: blocks in the top/bottom margin that repeat (digits masked) on 40% of the
    pages (at least 3), or in a font smaller than the body's that repeat on 2+ pages or name a chapter (a head
    naming each chapter repeats only within it, or just once when heads alternate with the book title), and bare
    page numbers in any margin. Textbook labels ("Exercises") are content."""
    counts: Counter[str] = Counter()
    for blocks, size in zip(pages, sizes):
        counts.update({furniture_key(b.text) for b in blocks if in_margin(b, size)})
    threshold = max(3, int(0.4 * len(pages)))
    body = body_size(pages)

    def furniture(b: Block, size: tuple[float, float]) -> bool:
        key = furniture_key(b.text)
        if FOLIO.match(key):
            return in_margin(b, size) or in_side_margin(b, size)
        small = b.ocr or body is None or (b.size or 0) < body
        return in_margin(b, size) and (counts[key] >= threshold or small and not label_kind(b) and
                                       (counts[key] >= 2 or bool(CHAPTER.match(b.text))))

    return [[b for b in blocks if not furniture(b, size)] for blocks, size in zip(pages, sizes)]


def body_size(pages: list[list[Block]]) -> float | None:
    """The font size that carries the most characters of text-layer blocks (None on scans)."""
    chars: Counter[float] = Counter()
    for blocks in pages:
        for b in blocks:
            if b.size is not None and not b.ocr:
                chars[b.size] += len(b.text)
    return chars.most_common(1)[0][0] if chars else None


# ----------------------------------------------------------------------------- page roles and the contents page

PAGE_ROLES = ("body", "cover", "copyright", "contents", "index", "answers", "blank")
ROLE_HEADING = {"contents": re.compile(r"^(table of )?contents( at a glance)?$|^brief contents$"),
                "index": re.compile(r"^(subject |general )?index$"),
                "answers": re.compile(r"^(answers?( key)?|answers to (the )?(exercises|questions|problems)|"
                                      r"solutions( to (the )?(exercises|problems))?|selected answers)$")}
LEADER = re.compile(r"(\.\s?){4,}\s*\d{1,4}\b|…{2,}\s*\d{1,4}\b")  # "Median ......... 9", also mid-line
ENTRY = re.compile(r"^(?P<title>.*?[A-Za-z].*?)[\s.…·]+(?P<page>\d{1,4})$")
INDEX_PAGES = r"\d{1,4}([–-]\d{1,4})?"
INDEX_LINE = re.compile(rf"^[A-Za-z][^,]{{0,50}},(\s*(see|see also)\b.*|\s*{INDEX_PAGES}(,\s*{INDEX_PAGES})*)$")
RIGHTS = re.compile(r"©|\bcopyright\b|\bisbn\b|all rights reserved|licen[cs]ed under|creative commons|"
                    r"published by|printed in|first (published|edition)", re.I)


def page_lines(blocks: list[Block]) -> list[str]:
    return [t for b in blocks for _, t in (b.lines or [(0.0, b.text)]) if t.strip()]


def page_role(blocks: list[Block], number: int, pages: int, previous: str = "body") -> str:
    """What a page is for: body text, or front/back matter to keep out of the index. Told by a heading
    ("Contents", "Index", "Answers") in its first lines, by its lines (dot leaders and trailing page numbers,
    "term, 12, 45" entries in alphabetical order), by rights notices near the front, and, for a page with no
    heading of its own, by continuing the role of the page before when its lines look the same."""
    lines = page_lines(blocks)
    if sum(ch.isalnum() for t in lines for ch in t) < 10:
        return "blank"
    for role, heading in ROLE_HEADING.items():
        if any(heading.match(" ".join(t.lower().split()).rstrip(":")) for t in lines[:3]):
            return role
    leaders = sum(bool(LEADER.search(t)) for t in lines) / len(lines)
    entries = sum(bool(ENTRY.match(t)) for t in lines) / len(lines)
    terms = [t for t in lines if INDEX_LINE.match(t)]
    alphabetical = sum(a.lower() <= b.lower() for a, b in zip(terms, terms[1:])) >= 0.8 * max(len(terms) - 1, 1)
    if leaders >= 0.3 or previous == "contents" and entries >= 0.6:
        return "contents"
    if len(terms) >= 0.5 * len(lines) and len(lines) >= 5 and alphabetical:
        return "index"
    numbers = [int(m.group("page")) for t in lines if (m := ENTRY.match(t))]
    rising = sum(a <= b for a, b in zip(numbers, numbers[1:])) >= 0.9 * max(len(numbers) - 1, 1)
    if entries >= 0.8 and len(numbers) >= 6 and rising:  # a contents page without heading or leaders
        return "contents"
    if previous == "answers" and sum(bool(re.match(r"^(\d+|[a-z])[.)]|^(exercise|section|chapter)\s", t, re.I))
                                     or len(t) < 40 for t in lines) >= 0.6 * len(lines):
        return "answers"
    words = sum(len(t.split()) for t in lines)
    if pages <= 2:  # a handout or worksheet: no front matter, whatever its first page looks like
        return "body"
    if number == 1 and words < 60 and all(len(b.text.split()) < 25 for b in blocks):
        return "cover"
    front_or_back = number <= 4 or number > pages - 2
    if front_or_back and words < 300 and len(RIGHTS.findall(" ".join(lines))) >= 2:
        return "copyright"
    return "body"


def leader_block(block: Block) -> bool:
    """A block that is mostly dot-leader lines: a chapter's own mini contents on a body page."""
    lines = [t for _, t in (block.lines or [(0.0, block.text)])]
    return sum(bool(LEADER.search(t)) for t in lines) >= max(1, len(lines) / 2)


def page_roles(pages: list[list[Block]]) -> list[str]:
    roles: list[str] = []
    for i, blocks in enumerate(pages):
        roles.append(page_role(blocks, i + 1, len(pages), roles[-1] if roles else "body"))
    return roles


def norm_title(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text.lower()).split())


def contents_entries(pages: list[list[Block]], roles: list[str]) -> list[tuple[int, str, int]]:
    """(level, title, printed page) from the contents pages: "Chapter N"/"Unit N" lines are level 1, numbered
    "N.M" lines level 2, otherwise the indentation decides (the leftmost entries are chapters)."""
    rows = [(x0, m.group("title").rstrip(" .…·"), int(m.group("page")))
            for blocks, role in zip(pages, roles) if role == "contents"
            for b in blocks for x0, t in (b.lines or [(b.bbox[0], b.text)]) if (m := ENTRY.match(t))]
    if not rows:
        return []
    left = min(x0 for x0, _, _ in rows)
    entries = []
    for x0, title, printed in rows:
        title = " ".join(title.split())
        if label_kind(Block(title, 0)):  # "Worked Example 1.2 .... 9" lists a box, not a section
            continue
        level = 1 if CHAPTER.match(title) else 2 if NUMBERED.match(title) or x0 > left + 4 else 1
        entries.append((level, title, printed))
    return entries


def contents_toc(pages: list[list[Block]], entries: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """Contents entries with printed page numbers turned into PDF pages: the offset (front matter numbered i, ii...)
    is the most common difference between the page where an entry's title starts a block and its printed number."""
    starts: dict[str, set[int]] = {}
    for blocks in pages:
        for b in blocks:
            starts.setdefault(norm_title(b.text)[:60], set()).add(b.page)
    offsets: Counter[int] = Counter()
    for _, title, printed in entries:
        key = norm_title(title)[:60]
        for text, found in starts.items():
            if text.startswith(key):
                offsets.update(p - printed for p in found)
    if not offsets:
        return []
    offset = offsets.most_common(1)[0][0]
    return [(level, title, printed + offset) for level, title, printed in entries
            if 1 <= printed + offset <= len(pages)]


# ----------------------------------------------------------------------------- chapters and sections

CHAPTER = re.compile(r"^(chapter|unit)\s+(\d+|[ivxlc]+)\b[\s:.\-]*(.*)$", re.I)
NUMBERED = re.compile(r"^(\d+\.\d+(?:\.\d+)?)\s+([A-Z][A-Za-z].{2,80})$")


def mark_headings_by_font(pages: list[list[Block]]) -> None:
    """Body size = the size with the most characters; a larger size that recurs on 2+ pages is a heading level:
    the largest is a section, smaller ones are headings inside it. "Chapter N" lines are chapters (their size is
    not a section level, or every section would be a mere heading when chapters open on several pages)."""
    body = body_size(pages)
    if body is None:
        return
    pages_of: dict[float, set[int]] = {}
    for blocks in pages:
        for b in blocks:
            if b.size is not None and not b.ocr and not CHAPTER.match(b.text):
                pages_of.setdefault(b.size, set()).add(b.page)
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


def mark_headings_by_outline(pages: list[list[Block]], toc: list, top: int | None = None) -> None:
    """PDF outline (or contents page) entries (level, title, page): level `top` (default: the outline's highest)
    is chapters, the next sections, deeper ones headings. The first block on the entry's page that starts with its
    title and is not much longer (a heading, not a paragraph opening with the same words) becomes the heading;
    else one is inserted."""
    top = top or min(level for level, _, _ in toc)
    names = {top: "chapter", top + 1: "section"}
    by_page = {blocks[0].page: blocks for blocks in pages if blocks}
    inserted: Counter[int] = Counter()
    for level, title, page_no in toc:
        blocks = by_page.get(page_no)
        if blocks is None:
            continue
        key = " ".join(clean(title).lower().split())
        kind = names.get(level, "heading")
        match = next((b for b in blocks if " ".join(b.text.lower().split()).startswith(key)
                      and len(b.text) <= 2 * len(key) + 20), None)
        if match is not None:
            match.level = kind
        else:  # several entries may start on one page: keep them in outline order at the page's top
            blocks.insert(inserted[page_no], Block(clean(title), page_no, level=kind))
            inserted[page_no] += 1


# ----------------------------------------------------------------------------- textbook blocks

BLOCK_KINDS = ("text", "worked_example", "exercise", "definition", "key_concept", "summary")
LABELS = {"worked_example": r"(worked\s+)?examples?|sample problem|model answer",
          "exercise": r"exercises?|practice( questions| problems)?|check your understanding|try (this|it)( yourself)?|"
                      r"test yourself|(review |conceptual |end-of-chapter )?questions|problems?( (&|and) exercises)?|"
                      r"concept items|critical thinking( items)?|performance task|"
                      r"(test prep )?(multiple choice|short answer|extended response)|test prep",
          "definition": r"definitions?|key (terms?|words?|vocabulary)|glossary",
          "key_concept": r"key (concepts?|ideas?|points?|facts?|equations)|remember|important|did you know|tip",
          "summary": r"(section |chapter |lesson )?summary|key takeaways|review of key ideas"}
# A label stands alone, ends in a colon, or has a number (then a title may follow): "Example 2.1 Finding the mean".
LABEL = {kind: re.compile(rf"^(?:{pattern})(\s+\d+(\.\d+)*[a-z]?\b.*|\s*[?!]?\s*(:.*)?)$", re.I)
         for kind, pattern in LABELS.items()}
ANSWER_LINE = re.compile(r"^((answers?|ans\.?)\s*(\d+(\.\d+)*)?\s*[:.]|(the )?(correct )?answer is\b)", re.I)
OPTION = re.compile(r"^\(?([1-6]|[a-fA-F])[.)]\s")
QUESTION_START = re.compile(r"^\(?\d{1,2}[.)]\s|.*\?$")  # a numbered item or a question ends an answer's working
EXAMPLE_END = re.compile(r"^(answer|the answer is|so the answer|therefore)\b", re.I)
# An unlabelled worked example (OpenStax: a title, the problem, then "Strategy", "Solution", "Discussion").
# Its parts, alone on a line or followed by a colon and their text: "Solution for (a)", "Working: 2 + 3 = 5".
SOLVING = re.compile(r"^(?P<part>strategy|solution|working|discussion)( for)?( \(?[a-z0-9]\)?)?"
                     r"\s*(:\s*(?P<rest>.*))?$", re.I)


def first_line(block: Block) -> str:
    return (block.lines[0][1] if block.lines else block.text).strip()


def label_kind(block: Block) -> str:
    """The block kind a label line starts ("Worked Example 1.2", "Exercises", "Key Concept:", "Summary"), or ""."""
    first = first_line(block)
    rest = block.text.strip()[len(first):].split()
    if 0 < len(rest) < 4:  # "Example" over "Name": a table's header cells, not a label
        return ""
    return next((kind for kind, pattern in LABEL.items() if pattern.match(first)), "")


def mark_block_kinds(blocks: list[Block]) -> None:
    """Give each block its kind and run. A label opens a run of its kind that ends at the edge of the drawn box
    the label sits in; without a box, a worked example ends after its answer line, a definition or key concept
    after one paragraph (two when the label stands alone), and exercises and summaries at the next heading or
    label; an "Example: ..." paragraph that holds its whole example stays one paragraph unless a "Solution" or
    "Answer" line follows. In exercises, answer lines ("Answer: 12") become kind "answer", never indexed. A
    "Strategy" or "Solution" line in body text makes the problem before it (and its short title) a worked example,
    which then ends one paragraph after its "Discussion"."""
    kind, box, page, run, left, answering, choosing = "text", -1, None, 0, 0, False, False
    for i, b in enumerate(blocks):
        found = label_kind(b)
        boxed_out = box >= 0 and (b.box != box or b.page != page)
        ended = choosing and not OPTION.match(b.text)  # an unlabelled multiple-choice question ends after its options
        solving = kind == "worked_example" and bool(SOLVING.match(first_line(b)) or EXAMPLE_END.match(b.text))
        if found or b.level or boxed_out or ended or (box < 0 and left == 0 and not solving):
            choosing = answering = False
            kind = found or "text"
            box, page, run = b.box if found else -1, b.page, run + 1
            # Unboxed, a definition or key idea is one paragraph (two when its label stands alone), and so is an
            # "Example: ..." whose label line carries the whole example; a bare "Example 3" runs to its answer.
            one = kind in ("definition", "key_concept") or kind == "worked_example" and len(first_line(b).split()) > 8
            left = (2 if len(b.text.split()) <= 4 else 1) if one else -1
        elif solving:
            left = -1  # a Solution or Answer line keeps an example going
        if kind == "text" and b.text.endswith("?") and i + 1 < len(blocks) and OPTION.match(blocks[i + 1].text):
            kind, run, left, choosing = "exercise", run + 1, -1, True  # a question with options 1-4 or a-d
        if kind == "text" and SOLVING.match(first_line(b)):
            kind, run, left = "worked_example", run + 1, -1
            for before in example_start(blocks, i):
                before.kind, before.run = kind, run
        if kind == "worked_example" and box < 0 and first_line(b).lower().startswith("discussion"):
            left = 2 if len(b.text.split()) <= 4 else 1  # "Discussion" and the paragraph after it
        b.kind, b.run = kind, run
        left -= 1
        if kind == "exercise":  # an answer's working runs on until the next question
            answering = bool(ANSWER_LINE.match(b.text)) or answering and not QUESTION_START.match(b.text)
            b.kind = "answer" if answering else kind
        elif kind == "worked_example" and box < 0 and EXAMPLE_END.match(b.text):
            kind, run = "text", run + 1  # the blocks after the answer are body text again


def example_start(blocks: list[Block], i: int, reach: int = 5) -> list[Block]:
    """The blocks of an unlabelled worked example's problem before its "Strategy" line at `i`: back to its title
    (a short line without a full stop) within `reach` blocks, else just the paragraph before."""
    problem: list[Block] = []
    for before in blocks[max(0, i - reach):i][::-1]:
        if before.kind != "text" or before.level in ("chapter", "section"):
            break
        problem.append(before)
        if len(before.text.split()) <= 12 and not before.text.endswith((".", "?", "!", ",")):
            return problem
    return problem[:1]


def read_pages(path: Path, max_mb: float = 200.0, max_pages: int = 3000,
               workers: int = 2) -> tuple[list[list[Block]], dict]:
    """Every page's blocks (text layer, or OCR when it has none) and the document's outline, title and page sizes."""
    doc = open_pdf(path, max_mb, max_pages)
    try:
        pages: list[list[Block]] = []
        need_ocr: list[int] = []
        for i, page in enumerate(doc):
            blocks = text_blocks(page, i + 1)
            if not usable(" ".join(b.text for b in blocks)) and (blocks or page.get_images()):  # not a blank page
                need_ocr.append(i)
            pages.append(blocks)
        if need_ocr:
            rendered = [render_for_ocr(doc[i]) for i in need_ocr]
            tables = ocr_pages([image for image, _ in rendered], workers)
            for i, table, (_, dpi) in zip(need_ocr, tables, rendered):
                pages[i] = ocr_blocks(table, i + 1, dpi)
        return pages, {"toc": [(level, title, page) for level, title, page in doc.get_toc(simple=True) if page >= 1],
                       "book": (doc.metadata or {}).get("title") or path.stem, "ocr_pages": [i + 1 for i in need_ocr],
                       "sizes": [(page.rect.width, page.rect.height) for page in doc]}
    finally:
        doc.close()
