"""One small parser per source: each reads a local mirror directory and yields records in one schema.

    {id, source, licence, subject, grade_band, instruction, input, response, text}

Three shapes, so a model sees one instruction-style format whatever the source:
- multiple choice: the question is the instruction, the lettered options the input, the response names the
  answer and adds its explanation or supporting fact where the source has one (OBQA dev's fact, MathQA's rationale);
- word problems: question -> worked solution ending in "The answer is N." (GSM8K, MathQA);
- prose: continuation style, instruction "Continue the text.", the first paragraph as input, the rest as response.
`subject`/`grade_band` are filled by data.prepare from data.subjects (a parser may fix the subject: ARC is science).

Sources (mirror layout as in ../shared/data, see each PROVENANCE.md): corpus (data/corpus, written for this project),
gsm8k, mathqa, arc, openbookqa, wikitext2, children_stories (Aesop, Alice, Grimm, TinyStories), openstax_physics,
cosmopedia (parquet, any subset). Evaluation splits (GSM8K/ARC/OBQA/MathQA/SciQ/WikiText-2 test, and eval.py's dev
prompts in data/eval/) are read by `eval_texts` for decontamination only; SciQ is never a training source
(non-commercial, test only).
Errors name the file and line (or record) that is missing or malformed.
"""
from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from common import check_fields, read_jsonl, require_data

ROOT = Path(__file__).resolve().parent
CORPUS_DIR = ROOT / "corpus"
LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class Source:
    name: str
    licence: str
    subject: str | None  # fixed subject, or None to let data.subjects decide (and drop what is off-curriculum)
    folder: str  # relative to the mirror root ("" for the corpus shipped in the repo)
    parse: Callable[[Path], Iterator[dict]]


# ----------------------------------------------------------------------------- readers with clear errors

def source_dir(root: Path, folder: str, name: str) -> Path:
    return require_data(root / folder, name)


def read_json_array(path: Path, fields: tuple[str, ...] = ()) -> Iterator[tuple[int, dict]]:
    """(record index, object) for a JSON array file such as MathQA's."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: file not found")
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}:{e.lineno}: malformed JSON ({e.msg})") from None
    if not isinstance(items, list):
        raise ValueError(f"{path}: expected a JSON array of records")
    for i, obj in enumerate(items):
        check_fields(obj, fields, f"{path}: record {i}")
        yield i, obj


def read_text(path: Path) -> str:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: file not found")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"{path}: not UTF-8 text (byte {e.start})") from None


# ----------------------------------------------------------------------------- record shapes

def record(id: str, source: str, licence: str, text: str, instruction: str = "", input: str = "",
           response: str = "", subject: str | None = None) -> dict:
    return {"id": id, "source": source, "licence": licence, "subject": subject, "grade_band": None,
            "instruction": instruction, "input": input, "response": response, "text": text}


def mc_record(id: str, source: Source, question: str, options: list[str], answer: int, why: str = "") -> dict:
    lettered = "\n".join(f"{LETTERS[i]}. {opt}" for i, opt in enumerate(options))
    response = f"The answer is {LETTERS[answer]}: {options[answer]}." + (f" {why}" if why else "")
    text = f"Question: {question}\n{lettered}\nAnswer: {response}"
    return record(id, source.name, source.licence, text, question, lettered, response, source.subject)


def problem_record(id: str, source: Source, question: str, solution: str) -> dict:
    text = f"Question: {question}\nAnswer: {solution}"
    return record(id, source.name, source.licence, text, question, "", solution, source.subject)


def prose_record(id: str, source: Source, text: str, title: str = "") -> dict:
    """Continuation style: the first paragraph is the input, the rest the response."""
    body = f"{title}\n\n{text}" if title else text
    head, _, rest = body.partition("\n\n")
    return record(id, source.name, source.licence, body, "Continue the text.", head, rest, source.subject)


def mc_fields(obj: dict, where: str) -> tuple[list[str], int]:
    """Options and the answer's index from the normalised {choices: {text, label}, answerKey} layout."""
    labels, options = obj["choices"].get("label", []), obj["choices"].get("text", [])
    if obj["answerKey"] not in labels or len(labels) != len(options):
        raise ValueError(f"{where}: answerKey {obj['answerKey']!r} is not one of the labels {labels}")
    return options, labels.index(obj["answerKey"])


# ----------------------------------------------------------------------------- parsers

def parse_corpus(root: Path) -> Iterator[dict]:
    """data/corpus/<subject>.md: lessons under '## Title' headings, each with a 'Grade band: X' line."""
    src = SOURCES["corpus"]
    for path in sorted(CORPUS_DIR.glob("*.md")):
        subject = path.stem
        for n, (title, band, body) in enumerate(corpus_lessons(path)):
            rec = prose_record(f"corpus-{subject}-{n:04d}", src, body, title)
            rec.update(subject=subject, grade_band=band)
            yield rec


def corpus_lessons(path: Path) -> Iterator[tuple[str, str, str]]:
    text = read_text(path)
    for block in re.split(r"^## ", text, flags=re.M)[1:]:
        title, _, body = block.partition("\n")
        band = re.match(r"\s*Grade band: (K-2|3-5|6-8|9-12)\s*\n", body)
        if band is None:
            raise ValueError(f"{path}: lesson {title.strip()!r} has no 'Grade band: K-2|3-5|6-8|9-12' line")
        yield title.strip(), band.group(1), body[band.end():].strip()


MIN_FACT_WORDS = 6  # "-2+2=0" or "The sun is in the sky" are too thin to ground a move in


def clean_fact(text: str) -> str:
    """A fact as a tutor may quote it: tokenised spacing undone ("Earth 's tilt", "the ear , that"), a wrapped line's
    spaces joined, a capital and a full stop added (quoted mid-reply, it would run into the question after it)."""
    text = re.sub(r"\s+", " ", text).strip().strip('"').strip()
    text = re.sub(r"\s+('s\b|n't\b|[,.;:!?%])", r"\1", text)
    text = text[:1].upper() + text[1:]
    return text if re.search(r"[.!?:]$", text) else f"{text}."


def openbook_facts(root: Path) -> list[dict]:
    """OpenBookQA's open book (1,326 core facts) and its crowdsourced facts (Apache-2.0, AllenAI), when present."""
    folder = root / "openbookqa"
    facts = []
    for name in ("openbook.txt", "crowdsourced-facts.txt"):
        path = folder / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.strip().strip('"').strip()
            if len(text.split()) >= MIN_FACT_WORDS:
                facts.append({"text": clean_fact(text), "title": "", "source": f"openbookqa/{name}",
                              "subject": "science"})
    return facts


def gsm8k_solution(answer: str) -> str:
    """Drop calculator annotations <<48/2=24>> and turn '#### 72' into a sentence."""
    body, _, final = answer.partition("####")
    body = re.sub(r"<<[^>]*>>", "", body).strip()
    return f"{body}\nThe answer is {final.strip()}." if final else body


def parse_gsm8k(root: Path) -> Iterator[dict]:
    src = SOURCES["gsm8k"]
    path = source_dir(root, src.folder, src.name) / "train.jsonl"
    for lineno, obj in read_jsonl(path, ("question", "answer")):
        yield problem_record(f"gsm8k-train-{lineno:05d}", src, obj["question"], gsm8k_solution(obj["answer"]))


def mathqa_options(options: str, where: str) -> list[str]:
    """'a ) 38 , b ) 27.675 , c ) 14' -> ['38', '27.675', '14'] (commas inside an option are kept).

    A few records hold a Python list literal instead: "['a ) 4', 'b ) 4 π', ...]".
    """
    if options.lstrip().startswith("["):
        try:
            options = " , ".join(ast.literal_eval(options))
        except (ValueError, SyntaxError, TypeError):
            raise ValueError(f"{where}: cannot parse options {options!r}") from None
    parts = re.split(r"(?:^|\s,\s|,\s*)\s*[a-e]\s\)\s*", options.strip())
    found = [p.strip().rstrip(",").strip() for p in parts[1:]]
    if len(found) < 2:
        raise ValueError(f"{where}: cannot parse options {options!r}")
    return found


def detok(text: str) -> str:
    """Undo the space-separated punctuation of MathQA and WikiText ('it , is' -> 'it, is', '@-@' -> '-')."""
    text = text.replace(" @-@ ", "-").replace(" @,@ ", ",").replace(" @.@ ", ".")
    text = re.sub(r"\s+([.,;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$])\s+", r"\1", text)
    text = re.sub(r"\s+('s|n't|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def parse_mathqa(root: Path) -> Iterator[dict]:
    """MathQA dev.json (the train split is not staged): question + options -> answer with its rationale."""
    src = SOURCES["mathqa"]
    path = source_dir(root, src.folder, src.name) / "dev.json"
    for i, obj in read_json_array(path, ("Problem", "Rationale", "options", "correct")):
        where = f"{path}: record {i}"
        options = mathqa_options(obj["options"], where)
        letter = obj["correct"].strip().lower()
        if letter not in "abcde"[: len(options)] or not letter:
            raise ValueError(f"{where}: 'correct' is {obj['correct']!r}, not one of the options")
        rationale = sentence_case(detok(obj["Rationale"].strip().strip('"')))
        yield mc_record(f"mathqa-dev-{i:05d}", src, sentence_case(detok(obj["Problem"])),
                        [detok(o) for o in options], "abcde".index(letter), f"Explanation: {rationale}")


def parse_arc(root: Path) -> Iterator[dict]:
    src = SOURCES["arc"]
    folder = source_dir(root, src.folder, src.name)
    for subset in ("easy", "challenge"):
        path = folder / f"arc_{subset}_train.jsonl"
        for lineno, obj in read_jsonl(path, ("question", "choices", "answerKey")):
            options, answer = mc_fields(obj, f"{path}:{lineno}")
            yield mc_record(f"arc_{subset}-train-{lineno:05d}", src, obj["question"], options, answer)


def parse_openbookqa(root: Path) -> Iterator[dict]:
    """OBQA train (no facts) and dev (with its core fact), plus the open book of 1,326 facts as prose."""
    src = SOURCES["openbookqa"]
    folder = source_dir(root, src.folder, src.name)
    for split, name in (("train", "obqa_train_llm_adapters.jsonl"), ("dev", "obqa_dev.jsonl")):
        path = folder / name
        for lineno, obj in read_jsonl(path, ("question", "choices", "answerKey")):
            options, answer = mc_fields(obj, f"{path}:{lineno}")
            fact = obj.get("fact1", "")
            why = f"Fact: {sentence_case(fact.strip())}" if fact else ""
            yield mc_record(f"obqa-{split}-{lineno:05d}", src, obj["question"], options, answer, why)
    facts = [sentence_case(line.strip().strip('"').strip()) for line in read_text(folder / "openbook.txt").splitlines()]
    facts = [f if f.endswith(".") else f + "." for f in facts if f]
    for n in range(0, len(facts), 12):  # a dozen facts per document: long enough to be worth an eos
        yield prose_record(f"obqa-openbook-{n // 12:04d}", src, "\n".join(facts[n:n + 12]), "Science facts")


def wikitext_articles(text: str) -> Iterator[tuple[str, str]]:
    """(title, body) per article; ' = Title = ' starts an article, ' = = Section = = ' lines become headings."""
    for block in re.split(r"^ = (?=[^=])", text, flags=re.M)[1:]:
        title, _, body = block.partition("\n")
        body = re.sub(r"^ (= )+(.*?)( =)+ $", r"\2", body, flags=re.M)
        paragraphs = [detok(p) for p in body.split("\n") if p.strip()]
        yield detok(title.rstrip(" =")), "\n\n".join(paragraphs)


def parse_wikitext2(root: Path) -> Iterator[dict]:
    """WikiText-2 valid (tokenised form; the raw train split is not staged). The test split is evaluation only."""
    src = SOURCES["wikitext2"]
    path = source_dir(root, src.folder, src.name) / "pytorch_examples_tokenized" / "valid.txt"
    for n, (title, body) in enumerate(wikitext_articles(read_text(path))):
        if "<unk>" in title:
            continue
        yield prose_record(f"wikitext2-valid-{n:04d}", src, body.replace("<unk>", "").replace("  ", " "), title)


def strip_gutenberg(text: str, path: Path) -> str:
    """Drop the Project Gutenberg header ("small print") and footer; the works themselves are public domain."""
    start = max((m.end() for m in re.finditer(r"^.*(\*END\*THE SMALL PRINT|\*\*\* ?START OF).*$", text, re.M)),
                default=0)
    end = re.search(r"^(\*\*\* ?END OF|End of (the )?Project Gutenberg|\*{5}\s*$)", text[start:], re.M)
    body = text[start:start + end.start()] if end else text[start:]
    if not body.strip():
        raise ValueError(f"{path}: nothing left after removing the Project Gutenberg header and footer")
    return body


def reflow(text: str) -> str:
    """Join hard-wrapped lines into paragraphs (blank lines separate paragraphs)."""
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()).strip() for p in paragraphs if p.strip())


def aesop_fables(text: str) -> Iterator[tuple[str, str]]:
    parts = re.split(r"\n{3,}  ([A-Z][^\n]{2,60})\n\n+", text)
    for title, body in zip(parts[1::2], parts[2::2]):
        yield title.strip(), reflow(body)


def alice_chapters(text: str) -> Iterator[tuple[str, str]]:
    parts = re.split(r"^\s*(CHAPTER [IVXL]+)\s*\n", text, flags=re.M)
    for chapter, body in zip(parts[1::2], parts[2::2]):
        name, _, rest = body.strip().partition("\n")
        yield f"{chapter.title()}: {name.strip()}", reflow(rest.replace("THE END", ""))


def grimm_tales(text: str) -> Iterator[tuple[str, str]]:
    parts = re.split(r"^([A-Z][A-Z ,'\-]{2,60})\s*$", text, flags=re.M)
    for title, body in zip(parts[1::2], parts[2::2]):
        if body.strip():
            yield title.strip().title(), "\n\n".join(p.strip() for p in body.strip().splitlines() if p.strip())


def parse_children_stories(root: Path) -> Iterator[dict]:
    """Public-domain children's books (Gutenberg) as one document per fable, chapter or tale, plus TinyStories.

    Each book carries the band it is usually read in: a readability formula misjudges 19th-century prose,
    whose long sentences joined by semicolons score as high-school text.
    """
    src = SOURCES["children_stories"]
    folder = source_dir(root, src.folder, src.name)
    books = (("aesop", "aesop_fables.txt", aesop_fables, "3-5"),
             ("alice", "alice_in_wonderland.txt", alice_chapters, "6-8"),
             ("grimm", "grimms_fairy_tales.txt", grimm_tales, "3-5"))
    for key, name, split, band in books:
        path = folder / name
        for n, (title, body) in enumerate(split(strip_gutenberg(read_text(path), path))):
            yield prose_record(f"{key}-{n:04d}", src, body, title) | {"grade_band": band}
    stories = read_text(folder / "tinystories_sample.txt").split("<|endoftext|>")
    for n, story in enumerate(s for s in stories if s.strip()):
        rec = prose_record(f"tinystories-{n:04d}", src, "\n\n".join(l.strip() for l in story.splitlines() if l.strip()))
        yield rec | {"licence": "CDLA-Sharing-1.0", "grade_band": "K-2"}  # written in a 3-4 year old's vocabulary


def parse_openstax_physics(root: Path) -> Iterator[dict]:
    """OpenStax Physics, one record per module (front matter skipped)."""
    src = SOURCES["openstax_physics"]
    path = source_dir(root, src.folder, src.name) / "physics_modules_text.jsonl"
    for lineno, obj in read_jsonl(path, ("module_id", "chapter", "title", "text")):
        if obj["chapter"] == 0:
            continue
        yield prose_record(f"openstax-{obj['module_id']}", src, obj["text"], obj["title"])


COSMOPEDIA_BANDS = {"young_children": "K-2", "grade_school_students": "3-5", "middle_school_students": "6-8",
                    "high_school_students": "9-12"}
COSMOPEDIA_ADULT = {"college_students", "researchers", "professionals"}


def parse_cosmopedia(root: Path) -> Iterator[dict]:
    """Cosmopedia parquet (columns prompt, text, audience, format, ...): any subset folder under cosmopedia/.

    A school audience gives the grade band (COSMOPEDIA_BANDS); rows written for adults are skipped; any other
    audience ("general", missing) is left to data.subjects, like WikiText, which drops what is off-curriculum.
    """
    import pyarrow.parquet as pq  # here, not at the top: the tutor's evidence.py reads this module without numpy

    src = SOURCES["cosmopedia"]
    folder = source_dir(root, src.folder, src.name)
    files = sorted(folder.rglob("*.parquet"))
    if not files:
        raise FileNotFoundError(f"source 'cosmopedia': no *.parquet files under {folder}")
    for path in files:
        try:
            table = pq.read_table(path, columns=["text", "audience", "format"])
        except Exception as e:  # pyarrow raises several types for a corrupt or foreign file
            raise ValueError(f"{path}: not a readable Cosmopedia parquet file ({e})") from None
        subset = path.parent.name
        for i, row in enumerate(table.to_pylist()):
            if row["audience"] in COSMOPEDIA_ADULT or not row["text"]:
                continue
            band = COSMOPEDIA_BANDS.get(row["audience"] or "")
            rec = prose_record(f"cosmopedia-{subset}-{path.stem}-{i:06d}", src, row["text"])
            yield rec | {"grade_band": band}


SOURCES: dict[str, Source] = {s.name: s for s in (
    Source("corpus", "CC BY 4.0 (written for nanotutor)", None, "", parse_corpus),
    Source("gsm8k", "MIT", "math", "gsm8k", parse_gsm8k),
    Source("mathqa", "Apache-2.0", "math", "mathqa", parse_mathqa),
    Source("arc", "CC BY-SA 4.0", "science", "arc", parse_arc),
    Source("openbookqa", "Apache-2.0", "science", "openbookqa", parse_openbookqa),
    Source("wikitext2", "CC BY-SA 3.0 / GFDL", None, "wikitext2", parse_wikitext2),
    Source("children_stories", "Public domain", "reading", "children_stories", parse_children_stories),
    Source("openstax_physics", "CC BY 4.0 (OpenStax, Rice University)", "science", "textbooks/openstax_physics",
           parse_openstax_physics),
    Source("cosmopedia", "Apache-2.0", None, "cosmopedia", parse_cosmopedia),
)}


def source_files(root: Path, name: str) -> list[Path]:
    """Every file a source reads, for the build's input hashes."""
    if name == "corpus":
        return sorted(CORPUS_DIR.glob("*.md"))
    folder = root / SOURCES[name].folder
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "PROVENANCE.md") if folder.is_dir() else []


# ----------------------------------------------------------------------------- evaluation splits (never trained on)

def mc_eval_texts(path: Path) -> Iterator[str]:
    for lineno, obj in read_jsonl(path, ("question", "choices", "answerKey")):
        options, answer = mc_fields(obj, f"{path}:{lineno}")
        yield f"{obj['question']} {options[answer]}"


def gsm8k_eval_texts(path: Path) -> Iterator[str]:
    return (f"{o['question']} {o['answer']}" for _, o in read_jsonl(path, ("question", "answer")))


def socratic_eval_texts(path: Path) -> Iterator[str]:
    return (o["answer"] for _, o in read_jsonl(path, ("answer",)))


def mathqa_eval_texts(path: Path) -> Iterator[str]:
    return (f"{o['Problem']} {o.get('Rationale', '')}" for _, o in read_json_array(path, ("Problem",)))


def line_eval_texts(path: Path) -> Iterator[str]:
    return (line for line in read_text(path).splitlines() if line.strip())


def prompt_eval_texts(path: Path) -> Iterator[str]:
    return (o["prompt"] for _, o in read_jsonl(path, ("prompt",)))


EVAL_SPLITS: dict[str, tuple[str, Callable[[Path], Iterator[str]]]] = {
    "gsm8k/test": ("gsm8k/test.jsonl", gsm8k_eval_texts),
    "gsm8k/test_socratic": ("gsm8k/test_socratic.jsonl", socratic_eval_texts),
    "arc_easy/test": ("arc/arc_easy_test.jsonl", mc_eval_texts),
    "arc_challenge/test": ("arc/arc_challenge_test.jsonl", mc_eval_texts),
    "openbookqa/test": ("openbookqa/obqa_test.jsonl", mc_eval_texts),
    "sciq/test": ("sciq/sciq_test.jsonl", mc_eval_texts),
    "mathqa/test": ("mathqa/test.json", mathqa_eval_texts),
    "mathqa/challenge_test": ("mathqa/challenge_test.json", mathqa_eval_texts),
    "wikitext2/test": ("wikitext2/wiki.test.raw", line_eval_texts),
}


# Held-out sets other parts of the project ship in the repository (eval.py's dev prompts), read when present.
def tutor_case_texts(path: Path) -> Iterator[str]:
    """Every text a tutor dev case holds (both splits), so nothing trains on its problems, passages or moves."""
    for _, case in read_jsonl(path, ("problem", "student_message", "good_moves")):
        yield from (case["problem"], case["student_message"], case.get("passage") or "", *case.get("evidence", []),
                    *case["good_moves"])


REPO_EVAL_SPLITS: dict[str, tuple[Path, Callable[[Path], Iterator[str]]]] = {
    "eval/dev_prompts": (ROOT / "eval" / "dev_prompts.jsonl", prompt_eval_texts),
    "eval/tutor_cases": (ROOT / "eval" / "tutor_cases.jsonl", tutor_case_texts),
    "eval/blind_cases": (ROOT / "eval" / "blind_cases.jsonl", tutor_case_texts),
}


def eval_files(root: Path, present_only: bool = False) -> dict[str, tuple[Path, Callable[[Path], Iterator[str]]]]:
    """Split name -> (file, reader) for every evaluation split: the mirror's and the repository's. `present_only`
    leaves out the mirror's missing files (only for data we wrote ourselves, which no benchmark can contain)."""
    files = {split: (root / rel, reader) for split, (rel, reader) in EVAL_SPLITS.items()
             if not present_only or (root / rel).is_file()}
    return files | {split: entry for split, entry in REPO_EVAL_SPLITS.items() if entry[0].is_file()}


def eval_texts(root: Path, present_only: bool = False) -> Iterator[tuple[str, str]]:
    """(split name, text) for every evaluation split we report (see eval_files for `present_only`)."""
    for split, (path, reader) in eval_files(root, present_only).items():
        for text in reader(path):
            yield split, text
