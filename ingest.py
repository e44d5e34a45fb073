"""Textbook ingestion: PDFs and text documents -> sections with subjects -> token-bounded chunks -> instruction
pairs for sft.py and the FAISS index of retrieval.py.

What it supports
- PDF pages read by pdftext.py (text layer or Tesseract OCR, running heads and folios removed, columns, tables):
  front and back matter (cover, copyright, contents, index, answer key, blank pages) is kept out of the index and
  the pairs; chapters and sections come from the PDF outline, else the contents page (its printed page numbers
  mapped to PDF pages), else font sizes and numbering; every block gets a textbook kind (worked_example,
  exercise, definition, key_concept, summary or text) and answer lines are dropped.
- Subjects from `data.subjects.tag_subject` (keyword rule, documented there) over the whole book, so a physics
  section on units stays science; each section's topic is its own best topic within that subject, its grade band
  the section's reading level (or the "Grade band:" a data/corpus lesson states). Evaluated on the OpenStax
  modules, whose chapters are known: bench/textbooks.py.
- Chunks of at most `max_tokens` MiniLM WordPiece tokens (the encoder's own tokenizer, so nothing is truncated at
  embedding time), split at sentence ends with `overlap` tokens carried over, each carrying book, chapter,
  section, page, subject and block `kind`; a chunk holds one run of one kind (one worked example, one exercise
  set), so retrieval.py can filter by kind.
- Instruction-response pairs by block kind in the data/ record format, at out/ingest/pairs.jsonl: a worked example
  becomes a hint ladder (what is asked, its first step, its last step, the answer's numbers masked), an exercise
  a practice problem per numbered item, other text explain, define, check-understanding and a Socratic ladder.
- Idempotent by content hash: a document already in the store is skipped. A corrupt, encrypted, empty or huge PDF
  raises `IngestError` naming the file before anything is written, so earlier documents stay searchable; with no
  document at all in the store the run ends in one line ("nothing to index"), and the exit code is 1 whenever a
  document failed.
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
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from common import (atomic_write_bytes, atomic_write_json, atomic_write_jsonl, atomic_write_text, get_logger, out_dir,
                    parse_config, read_jsonl, sha256_file, shared_data_dir, split_sentences)
from data.subjects import grade_band, tag_subject, topic_scores
from pdftext import (CHAPTER, EXAMPLE_END, PAGE_ROLES, SOLVING, Block, IngestError, clean, contents_entries,
                     contents_toc, join_lines, mark_block_kinds, mark_headings_by_font, mark_headings_by_numbering,
                     mark_headings_by_outline, norm_title, label_kind, page_roles, read_pages, remove_headers_footers,
                     body_size, leader_block)
from retrieval import Embedder, Index, WordPiece, npy_bytes

log = get_logger("ingest")
TEXT_SUFFIXES = (".txt", ".md", ".jsonl")


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


@dataclass
class Section:
    book: str
    chapter: str
    section: str
    paragraphs: list[tuple] = field(default_factory=list)  # (page, text, block kind, run)
    subject: str | None = None
    topic: str | None = None
    grade_band: str | None = None


def split_sections(blocks: list[Block], book: str) -> list[Section]:
    """Walk the marked blocks: a chapter heading opens a chapter, a section heading opens a section; smaller
    headings stay in the text (as their own paragraph) so chunks keep them as context. Answer lines are dropped."""
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
        if b.kind != "answer":
            current.paragraphs.append((b.page, b.text, b.kind, b.run))
    return [s for s in sections if s.paragraphs]


def tag_sections(sections: list[Section]) -> None:
    """The subject is decided per book (all its sections' text, the book title as title): a physics section on
    units is still science, not math. The topic and grade band are the section's own, within that subject.
    A section whose text names no topic of the book's subject keeps the book's topic."""
    for book in dict.fromkeys(s.book for s in sections):
        group = [s for s in sections if s.book == book]
        text = " ".join(p[1] for s in group for p in s.paragraphs)
        subject, book_topic, book_band = tag_subject(text[:50000], title=book)
        for s in group:
            text = " ".join(p[1] for p in s.paragraphs)
            scores = topic_scores(text, title=f"{s.chapter} {s.section}").get(subject or "", {})
            best = max(scores, key=scores.get) if scores and max(scores.values()) > 0 else book_topic
            s.subject, s.topic = subject, best
            stated = re.search(r"\bGrade band:\s*(K-2|3-5|6-8|9-12)\b", text[:200])  # data/corpus lessons state theirs
            s.grade_band = stated.group(1) if stated else grade_band(text, best) if text.strip() else book_band


# ----------------------------------------------------------------------------- chunks

def sentences(text: str, tok: WordPiece, max_tokens: int) -> list[tuple[str, int]]:
    """Sentences with token counts; one longer than `max_tokens` is cut into word runs that fit."""
    out = []
    for sent in split_sentences(text):
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


def runs_of(section: Section) -> list[tuple[str, list[tuple[int | None, str]]]]:
    """The section's paragraphs grouped into runs of one block kind: [(kind, [(page, text), ...])]."""
    runs: list[tuple[str, list]] = []
    last = None
    for page, text, kind, run in section.paragraphs:
        if run != last:
            runs.append((kind, []))
            last = run
        runs[-1][1].append((page, text))
    return runs


def pack(paragraphs: list[tuple[int | None, str]], tok: WordPiece, max_tokens: int, overlap: int) -> list[list]:
    """Sentences packed into chunks of at most `max_tokens` tokens; each new chunk starts with the last sentences
    of the previous one (at most `overlap` tokens) so an idea cut at a boundary is whole in one of them."""
    units = [(page, s, n, p) for p, (page, para) in enumerate(paragraphs) for s, n in sentences(para, tok, max_tokens)]
    chunks, current = [], []
    for unit in units:
        # Joining pieces adds no tokens: each piece tokenizes on its own whitespace boundaries.
        if current and sum(u[2] for u in current) + unit[2] > max_tokens:
            chunks.append(current)
            carry: list = []
            for prev in reversed(current):
                carried = sum(u[2] for u in carry) + prev[2]
                if carried > overlap or carried + unit[2] > max_tokens:
                    break
                carry.insert(0, prev)
            current = carry
        current.append(unit)
    if current:
        chunks.append(current)
    return chunks


def chunk_section(section: Section, tok: WordPiece, max_tokens: int = 200, overlap: int = 40) -> list[dict]:
    """Chunks of each run (a worked example, an exercise set, body text between boxes) packed on their own, so a
    chunk holds one block kind and a worked example is not cut into the text around it."""
    meta = {"book": section.book, "chapter": section.chapter, "section": section.section, "subject": section.subject,
            "topic": section.topic, "grade_band": section.grade_band}
    return [{"text": join_units(c), "page": c[0][0], "page_end": c[-1][0], "tokens": sum(u[2] for u in c), **meta,
             "kind": kind} for kind, paragraphs in runs_of(section) for c in pack(paragraphs, tok, max_tokens, overlap)]


# ----------------------------------------------------------------------------- instruction pairs

DEFINITION = re.compile(r"^(?:An?\s+|The\s+)?([A-Za-z][A-Za-z \-]{1,40}?)"  # the term
                        r"\s+(?:is|are|refers to|means)\s+(?:an?\s+|the\s+)?(.{20,240}?[.])$")  # its definition


def words_of(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+", text)


NOT_TERMS = {"this", "that", "these", "those", "it", "its", "there", "what", "which", "who", "our", "their", "his",
             "her", "one", "each", "such", "here", "another", "other", "some", "all", "most", "many", "he", "she",
             "they"}


def definitions(text: str) -> list[tuple[str, str]]:
    """("term", "sentence") for sentences shaped like a definition: "Physics is the science aimed at ..."."""
    found = []
    for sent in split_sentences(text):
        m = DEFINITION.match(sent.strip())
        if m and len(m.group(1).split()) <= 4 and m.group(1).split()[0].lower() not in NOT_TERMS:
            found.append((m.group(1).strip(), sent.strip()))
    return found


def pair(chunk: dict, kind: str, instruction: str, response: str, inp: str = "") -> dict:
    base = hashlib.sha256(f"{kind}|{instruction}|{chunk['text']}".encode()).hexdigest()[:16]
    return {"id": f"textbook-{kind}-{base}", "source": f"textbook:{chunk['book']}", "licence": chunk.get("licence", ""),
            "subject": chunk["subject"], "grade_band": chunk.get("grade_band"), "kind": kind,
            "instruction": instruction, "input": inp, "response": response,
            "text": f"{instruction}\n{inp}\n{response}".replace("\n\n", "\n"),
            "book": chunk["book"], "chapter": chunk["chapter"], "section": chunk["section"], "page": chunk["page"]}


EXAMPLE_LABEL = re.compile(r"^(worked\s+)?examples?(\s+\d+(\.\d+)*[a-z]?)?\s*:?\s*", re.I)
ASKS = re.compile(r"\?|\b(calculate|find|work out|determine|estimate|show that|how (many|much|long|far))\b", re.I)


def example_parts(text: str) -> tuple[str, list[str], str]:
    """(question, working steps, answer) of a worked example's text, its label removed. Parts are told by their
    markers ("Strategy", "Solution (b)", "Working:", "Answer:"); a "Discussion" restates the result and is left
    out. Without an answer line, the last working line (where the result is) counts as the answer."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines:
        lines[0] = EXAMPLE_LABEL.sub("", lines[0], count=1)
    parts: dict[str, list[str]] = {"question": [], "steps": [], "discussion": [], "answer": []}
    part = "question"
    for line in filter(None, lines):
        marker = SOLVING.match(line)
        if EXAMPLE_END.match(line):
            part = "answer"
            line = re.sub(r"^answer\s*:\s*", "", line, flags=re.I)
        elif marker:
            part = "discussion" if marker.group("part").lower() == "discussion" else "steps"
            line = marker.group("rest") or ""
        if line:
            parts[part].append(line)
    question = re.sub(r"^(question|problem)\s*:\s*", "", " ".join(parts["question"]), flags=re.I)
    steps, answer = parts["steps"], " ".join(parts["answer"])
    if not answer and len(steps) > 1:
        steps, answer = steps[:-1], steps[-1]
    return question, steps, answer


def mask_answer(text: str, answer: str, question: str) -> str:
    """Numbers of the answer that the question does not give are replaced by "?": a hint must not state them."""
    for value in set(re.findall(r"\d+(?:[./]\d+)?", answer)) - set(re.findall(r"\d+(?:[./]\d+)?", question)):
        text = re.sub(rf"(?<![\d./]){re.escape(value)}(?![\d]|[./]\d)", "?", text)
    return text


def example_pairs(chunk: dict) -> list[dict]:
    """A worked example becomes a hint ladder for its question: what is asked, the first step of the working,
    then the next one, with the answer's numbers masked so no hint gives the result away."""
    question, steps, answer = example_parts(chunk["text"])
    if not ASKS.search(question) or not steps:  # e.g. the second chunk of a long example: no question in it
        return []
    # Hint 3 quotes the next step that is a sentence, not a piece of an equation broken over lines.
    following = [step for step in steps[1:] if len(words_of(step)) >= 5]
    first, last = (mask_answer((split_sentences(ITEM.sub(r"\1", step)) or [""])[0].rstrip("."), answer, question)
                   if step else "" for step in (steps[0], following[0] if following else ""))
    hints = ["Hint 1: What is the question asking you to find, and which facts does it give you?",
             f"Hint 2: A good first step: {first}. What do you get when you do that?",
             f"Hint 3: Then: {last}. What is your answer?" if last else
             "Hint 3: Finish that step and check it against the question. What is your answer?"]
    return [pair(chunk, "example_hints", f"A student is stuck on this problem: \"{question}\" Give a Socratic hint "
                 "ladder: three hints from gentle to specific, each ending in a question, without giving the answer.",
                 "\n".join(hints), inp=chunk["text"])]


ITEM = re.compile(r"^\(?\d{1,2}[.)]\s+(.*)$")


def exercise_items(text: str) -> list[str]:
    """The problems of an exercise set: numbered items, or a question stem ending in "?" with its numbered options
    (multiple choice); numbered lines of more than 25 words an option after the options are worked text, skipped."""
    items: list[str] = []
    mode = "list"  # list: numbered lines are problems; options: they belong to the stem; closed: they are working
    for line in (line.strip() for line in text.split("\n")):
        numbered = ITEM.match(line)
        if numbered and mode == "list":
            items.append(numbered.group(1))
        elif numbered and mode == "options":
            options = len(re.findall(r"(?:^|\s)\(?\d{1,2}[.)]\s", line))
            mode = "options" if len(line.split()) <= 25 * options else "closed"
            items[-1] += f" {line}" if mode == "options" else ""
        elif line.endswith("?") and not label_kind(Block(line, None)):
            items.append(line)
            mode = "options"
        elif items and mode == "list" and not label_kind(Block(line, None)):
            items[-1] += " " + line
    return items


def exercise_pairs(chunk: dict) -> list[dict]:
    """Each problem of an exercise becomes a practice problem on the section's topic (no answer: none is kept)."""
    topic = chunk["section"] or chunk["chapter"] or chunk["book"]
    return [pair(chunk, "practice", f"Give a student a practice problem about \"{topic}\".", item)
            for item in exercise_items(chunk["text"])]


def instruction_pairs(chunk: dict) -> list[dict]:
    """Pairs by block kind: a worked example gives a hint ladder, an exercise practice problems; other text gives
    explain (from the passage), define (from definition sentences), a check-understanding question and a
    Socratic hint ladder that leads toward the definition without stating it."""
    if chunk.get("kind") == "worked_example" and (ladder := example_pairs(chunk)):
        return ladder  # an example without a question and working to build a ladder from is explained as text
    if chunk.get("kind") == "exercise":
        return exercise_pairs(chunk)
    topic = chunk["section"] or chunk["chapter"] or chunk["book"]
    out = [pair(chunk, "explain",
                f"Using the passage, explain the main idea of \"{topic}\" to a student in simple words.",
                " ".join(split_sentences(chunk["text"])[:3]), inp=chunk["text"])]
    for term, sentence in definitions(chunk["text"])[:2]:
        out.append(pair(chunk, "define", f"What does \"{term}\" mean?", sentence, inp=chunk["text"]))
        cloze = re.sub(re.escape(term), "_____", sentence, count=1, flags=re.I)
        out.append(pair(chunk, "check", f"Write a question that checks whether a student understood \"{term}\" in this "
                        "passage, then give its answer.", f"Question: Fill in the blank: {cloze}\nAnswer: {term}",
                        inp=chunk["text"]))
        clue = max((w for w in words_of(sentence) if w.lower() not in term.lower() and len(w) > 3), key=len,
                   default="it")
        out.append(pair(chunk, "hints", f"A student asks: \"What is {term}?\" Give a Socratic hint ladder: three hints "
                        "from gentle to specific, each ending in a question, without stating the definition.",
                        f"Hint 1: Where in the section \"{topic}\" have you seen the word \"{term}\"? What was it "
                        f"describing?\nHint 2: The passage links \"{term}\" with the word \"{clue}\". How might "
                        f"the two be connected?\nHint 3: Try finishing the sentence \"{term} is ...\" in your own "
                        "words. What would you write?", inp=chunk["text"]))
    return out


# ----------------------------------------------------------------------------- documents

def pdf_sections(path: Path, cfg: IngestConfig) -> tuple[list[Section], dict]:
    """Pages -> blocks -> headers/footers removed -> page roles (front and back matter emptied, the contents
    page read) -> headings from the outline, else the contents page, else font sizes -> block kinds -> sections."""
    pages, doc = read_pages(path, cfg.max_mb, cfg.max_pages, cfg.workers)
    if not any(b.text.strip() for blocks in pages for b in blocks):
        raise IngestError(f"{path}: no text found on any page, even with OCR")
    pages = remove_headers_footers(pages, doc["sizes"])
    roles = page_roles(pages)
    entries = contents_entries(pages, roles)
    # A cover's "Chapter 3: Forces" still names the chapter; everything else on a non-body page stays out, and
    # so does a chapter's own mini contents (dot-leader lines) on a body page.
    pages = [[b for b in blocks if not leader_block(b)] if role == "body" else
             [b for b in blocks if role in ("cover", "copyright") and CHAPTER.match(b.text)]
             for blocks, role in zip(pages, roles)]
    from_contents = contents_toc(pages, entries)
    if doc["toc"]:
        mark_headings_by_outline(pages, doc["toc"])
    elif from_contents:
        mark_headings_by_outline(pages, from_contents, top=1)
    else:
        mark_headings_by_font(pages)
        mark_headings_by_numbering(pages)
    blocks = [b for page in pages for b in page]
    mark_block_kinds(blocks)
    outline = {norm_title(title) for _, title, _ in doc["toc"]}
    body = body_size(pages)
    large = sum(b.level in ("chapter", "section") and not b.ocr and b.size is not None and body is not None
                and b.size > body for b in blocks)
    info = {"pages": len(pages), "ocr_pages": doc["ocr_pages"], "outline": bool(doc["toc"]), "book": doc["book"],
            "headings": "outline" if doc["toc"] else "contents" if from_contents else "fonts",
            "roles": {role: [i + 1 for i, r in enumerate(roles) if r == role]
                      for role in PAGE_ROLES[1:] if role in roles},
            "contents_entries": len(entries),
            "contents_in_outline": sum(norm_title(t) in outline for _, t, _ in entries) if outline else None,
            "headings_in_large_font": large}  # cross-check: text-layer headings set above the body size
    return split_sections(blocks, doc["book"]), info


def markdown_sections(text: str, title: str, book: str, chapter: str = "") -> list[Section]:
    """A text document: "# Chapter" / "## Section" markdown headings when present, else one section `title`."""
    blocks = []
    for para in re.split(r"\n\s*\n", text):
        lines = para.strip().splitlines()
        m = re.match(r"^(#{1,3})\s+(.*)$", lines[0]) if lines else None
        if m:  # a heading line; any lines right under it are a paragraph of their own
            level = {1: "chapter", 2: "section"}.get(len(m.group(1)), "heading")
            blocks.append(Block(clean(m.group(2)), None, level=level))
            lines = lines[1:]
        if lines:
            blocks.append(Block(clean(join_lines(lines)), None))
    mark_block_kinds(blocks)
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
        title, book = rec.get("title") or rec.get("section") or "", rec.get("book") or path.stem
        for s in markdown_sections(rec["text"], title, book, str(chapter)):
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
    if not chunks:  # the old index, if any, stays as it was
        raise IngestError(f"nothing to index: the store {store.root} has no documents")
    vectors = np.concatenate([store.vectors(r, embedder) for r in records])
    atomic_write_jsonl(store.root / "chunks.jsonl", chunks)
    # Overlapping chunks can yield one pair twice (same instruction and response): keep it once.
    pairs = list({(p["kind"], p["instruction"], p["response"]): p
                  for c in chunks for p in instruction_pairs(c)}.values())
    atomic_write_jsonl(store.root / "pairs.jsonl", pairs)
    index = Index(chunks, vectors, embedder, hnsw=hnsw)
    index.save(index_dir)
    return index


def ingest(paths: list[str | Path], cfg: IngestConfig | None = None,
           embedder: Embedder | None = None) -> tuple[Index, list[str]]:
    """Ingest every file (bad ones are reported and skipped), then rebuild the outputs; returns (index, errors).
    Raises IngestError when no document at all is in the store (nothing to index)."""
    cfg = cfg or IngestConfig()
    embedder = embedder or Embedder()
    store = Store(cfg.store or out_dir("ingest"))
    errors = []
    for path in expand([str(p) for p in paths]):
        try:
            digest, new = ingest_file(path, store, embedder.tokenizer, cfg)
            log.info("ingested" if new else "already ingested",
                     extra={"fields": {"file": str(path), "sha256": digest[:12]}})
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
    records = [r for _, r in read_jsonl(source, ("chapter",))]
    keep = [{**r, "book": "OpenStax Physics"} for r in records if 1 <= int(r["chapter"]) <= chapters]
    path = store.root / "sources" / f"openstax_physics_ch1-{chapters}.jsonl"
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in keep)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        atomic_write_text(path, text)
    return path


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("--")]
    cfg = parse_config(IngestConfig, [a for a in argv if a.startswith("--")])
    if cfg.openstax:
        paths.append(str(openstax_subset(cfg.openstax, Store(cfg.store or out_dir("ingest")))))
    if not paths:
        print(__doc__)
        return 2
    try:
        index, errors = ingest(paths, cfg)
    except IngestError as e:  # every document failed (each already logged) and the store is empty
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"index: {len(index)} chunks; errors: {len(errors)}")
    for e in errors:
        print(f"  error: {e}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
