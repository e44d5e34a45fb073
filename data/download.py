"""Download the public sources into a local mirror with the same layout as ../shared/data, so the parsers in
data/sources.py read either one. For users who are online; tests and CI read tests/fixtures instead.

    .venv/bin/python -m data.download                        # every source below into out/mirror (about 27 MB)
    .venv/bin/python -m data.download --sources=gsm8k,arc --root=/data/mirror
    .venv/bin/python -m data.download --sources=cosmopedia --cosmopedia=khanacademy/train-00000-of-00001.parquet
    .venv/bin/python -m data.download --url_prefix=http://cache.local:8080/   # https://HOST/PATH from PREFIX/HOST/PATH
    .venv/bin/python -m data.prepare                         # then build from it (out/mirror is the default data root)

Every URL is the original public file, pinned to the commit recorded in the staged PROVENANCE.md, with its
sha256; a file already present with the right hash is not fetched again. A download streams to a temporary
file in the target folder, is verified, then renamed, so an interrupted run never leaves a half file in place.
Multiple-choice sets published in the LLM-Adapters / ThoughtSource layouts are converted to the normalised
jsonl the parsers read ({id, question, choices: {text, label}, answerKey[, fact1]}); MathDial gets its GSM8K overlap
file (download it with gsm8k). CIMA is its dataset.json only (the SFT builders use no pictures).
OpenStax Physics is not here: its text file is extracted from CNXML in the staged mirror (see its PROVENANCE.md).
Cosmopedia (HuggingFaceTB/cosmopedia, Apache-2.0) has no fixed hashes: name the parquet files you want.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from common import (atomic_write_jsonl, atomic_write_text, get_logger, out_dir, parse_config, read_jsonl, require_data,
                    sha256_file)

GH = "https://raw.githubusercontent.com"
LLM_ADAPTERS = f"{GH}/AGI-Edgerunners/LLM-Adapters/816657208af4db747803f87ba40a4c71383fed7a/dataset"
THOUGHTSOURCE = f"{GH}/OpenBioLink/ThoughtSource/7cbec9f8651fd99e5bc9c4998a5ef0979384a905/OpenBookQA"
BFCL = (f"{GH}/ShishirPatil/gorilla/6ea57973c7a6097fd7c5915698c54c17c5b1b6c8"
        "/berkeley-function-call-leaderboard/bfcl_eval/data")
COSMOPEDIA = "https://huggingface.co/datasets/HuggingFaceTB/cosmopedia/resolve/main/data"
log = get_logger("data.download")

# source -> [(url, path in the mirror, sha256)]
FILES: dict[str, list[tuple[str, str, str]]] = {
    "gsm8k": [
        (f"{GH}/openai/grade-school-math/3101c7d5072418e28b9008a6636bde82a006892c/grade_school_math/data/{name}",
         f"gsm8k/{name}", sha) for name, sha in (
            ("train.jsonl", "17f347dc51477c50d4efb83959dbb7c56297aba886e5544ee2aaed3024813465"),
            ("test.jsonl", "3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14"),
            ("test_socratic.jsonl", "c96673362fa7a699f4836a9b6474a067448f95fe58064727501ee63ba4c3fdb6"))],
    "mathqa": [
        (f"{GH}/anisohn/llms_knowlege_graphs/b5a44691da62ed588edcd12fc2f62434fd4e96c7/MathQA/{name}",
         f"mathqa/{name}", sha)
        for name, sha in (("dev.json", "aeca12424fc8f32d0e35c09b7738986a446c12f110c8071f3cc8913712f04bf3"),
                          ("test.json", "dfe7bc4691caf26842ccd4cf14e8f978327bab4f2989e0b076a4e6b38a9371d1"),
                          ("challenge_test.json", "76cfe1091d19c61a95abc8cca23dfde9e1690bdb6a0b42a35453193483253579"))],
    "arc": [
        (f"{LLM_ADAPTERS}/{subset}/{split}.json", f"arc/original_llm_adapters/{subset}/{split}.json", sha)
        for subset, split, sha in (
            ("ARC-Easy", "train", "6a06cece3dec32f4fb1c1b0fc29dab14be7cf3053b417290dbc6cd845359f5ff"),
            ("ARC-Easy", "test", "3f32a84716ca6d57d38728bf80cc8117aecd17445c2cf29a68b571b810eb82dc"),
            ("ARC-Challenge", "train", "a9debff28aafed86a08211dc3584a3b6cb38edca8c56bb34cd5002ed54aeebfb"),
            ("ARC-Challenge", "test", "4a89ce368ae01a71d268d9851686738b2a0a1d84271116bab49a1dd2b48ecad7"))],
    "openbookqa": [
        (f"{LLM_ADAPTERS}/openbookqa/train.json", "openbookqa/original_llm_adapters/train.json",
         "a1e094eeea01f70c0baa880f37497b26700ae99b243927b9c529984de9b1fe90"),
        (f"{THOUGHTSOURCE}/dev-new.json", "openbookqa/original_thoughtsource/dev-new.json",
         "155b6197927bf95aee679267912869c06cdb14391cd026a6514ae6a8026c54bc"),
        (f"{THOUGHTSOURCE}/test-new.json", "openbookqa/original_thoughtsource/test-new.json",
         "426b5be61cfd8c9ddf7327101d6be4812aa2bc10f407469b69e143787918fadf"),
        (f"{THOUGHTSOURCE}/openbook.txt", "openbookqa/openbook.txt",
         "42daf7849bd9ad1096599279e8875038fe8bf55e35c4757d67ec5a2f51ad795c"),
        (f"{THOUGHTSOURCE}/crowdsourced-facts.txt", "openbookqa/crowdsourced-facts.txt",  # evidence.py's science facts
         "94e6da07211b801dc983c7bc5d8643adf1b383d6702186090d75b9b2ff3c7611")],
    "sciq": [
        (f"{GH}/HZQ950419/LLM-Adapters/70f57a3178ce0d19853b23dcec331ecf5f4d0d4f/dataset/sciq/test.json",
         "sciq/original_llm_adapters/test.json", "df336c69c79f0ee356c03d503229761a01a8368bfc33c7d38aa18b69d7ae2209")],
    "wikitext2": [
        (f"{GH}/Tylogi/TyloQuant/7989d038b13ca737da11a95fb90e77ae059f33c0/data/wikitext-2-raw/wiki.test.raw",
         "wikitext2/wiki.test.raw", "4f3e427e4aff23acff917a8a51aeae21bf12832256e26914c8fc250dcef4103c"),
        (f"{GH}/pytorch/examples/77f55b912142e11fcfdf5b530231fb9c52f181e8/"
         "word_language_model/data/wikitext-2/valid.txt",
         "wikitext2/pytorch_examples_tokenized/valid.txt",
         "f0737ed31fc1329026e95cb8b98e19c2a182c39c240ab909dc31abf2f8af58e8")],
    "children_stories": [
        (f"{GH}/duke-compsci308-spring2016/lab_wordcloud/53557735ed324299eb71c4f5040499837aee6794/data/aesop.txt",
         "children_stories/aesop_fables.txt", "c4a7d86b54dc3a4d85f54dd1feb3c4ea317909b4de27ecef7014f5d7e1b56246"),
        (f"{GH}/duke-compsci308-spring2016/lab_wordcloud/53557735ed324299eb71c4f5040499837aee6794/data/alice.txt",
         "children_stories/alice_in_wonderland.txt",
         "ec29ed9207b997d4f5fa09e545f91955cbb30aa067d5600c90904ed69d419f17"),
        (f"{GH}/MarkEEaton/bot-tutorial-ala/6268b2ba1d25259d54fdcd5924006eda92a4f290/data/grimms_fairy_tales.txt",
         "children_stories/grimms_fairy_tales.txt", "caf524e9531678c598439afb4bf8e5cc5897c227e06eabbb11842ab2e174e141"),
        (f"{GH}/stanford-cs336/assignment1-basics/25a8a49f6460c83a30416d42348f2ef11d1dd185/"
         "tests/fixtures/tinystories_sample.txt",
         "children_stories/tinystories_sample.txt",
         "defaedb58bf28079f3e29c6142cb7f3568d331a577e0911c5d7925c465c50c43")],
    "mathdial": [
        (f"{GH}/eth-nlped/mathdial/b452be46f28b1e64cfe2646302e3ca8c502926d0/data/test.jsonl", "mathdial/test.jsonl",
         "3ec54ee8ab921dc6191bf5e2ee766d4e7916b4264394eb17a6be9b3fe486e50b")],
    "bfcl": [
        (f"{BFCL}/{folder}{name}", f"bfcl_function_calling/{folder}{name}", sha) for folder, name, sha in (
            ("", "BFCL_v4_simple_python.json", "82dd63ba502eb2520c6b5d1d9a5c4b590e03ff261565175561f6228a367d1991"),
            ("", "BFCL_v4_multiple.json", "aef168155ebd74b7ac2401198b201343bc7d16d7a3d7e0d4e6d8ee82c6969b2a"),
            ("", "BFCL_v4_parallel.json", "19f51a82eff42e5d62541aa500115a056eb78f437c2ba1f10415fd7c8e5dda84"),
            ("", "BFCL_v4_irrelevance.json", "2b6ed4c2e992cdcf5f1678a701851f944bef7550ee026ed1ddb89efed5be01a6"),
            ("possible_answer/", "BFCL_v4_simple_python.json",
             "90cd5bc653690ee8e459b5b3f3fc9458606f7f3fcbf795bb51b7dc581f8c86dc"),
            ("possible_answer/", "BFCL_v4_multiple.json",
             "244e00ce9395df948bcafc7bee64e8f9c87ef70887587d83cae45b13699f3047"),
            ("possible_answer/", "BFCL_v4_parallel.json",
             "8a6aa19c1adddc6a5a2f7e40f9dbf30cc7e95815e7b830c90589ab318229e0f0"))],
    "cima": [
        (f"{GH}/kstats/CIMA/3fa48593c001046893f5f1320ab031f7237e7998/dataset.json", "cima/dataset.json",
         "544dfc50dd05b14579e1a04b4751f4ffda8a72d3d398410d1aba0bcc2dd57405")],
}


@dataclass
class DownloadConfig:
    sources: str = ",".join(FILES)  # comma-separated; add "cosmopedia" for that corpus
    root: str = ""  # mirror directory; default out/mirror
    url_prefix: str = ""  # fetch https://HOST/PATH from URL_PREFIX/HOST/PATH (a local cache or test server)
    cosmopedia: str = "khanacademy/train-00000-of-00001.parquet"  # comma-separated files under cosmopedia's data/
    retries: int = 3
    timeout: float = 60.0


# ----------------------------------------------------------------------------- fetching


class DownloadError(RuntimeError, OSError):
    """A file could not be fetched (an HTTP error status): an OSError like any failed I/O (vision.download_encoder's
    callers catch that), and the RuntimeError data.download has always raised."""


def rewrite(url: str, url_prefix: str) -> str:
    return f"{url_prefix.rstrip('/')}/{url.split('://', 1)[1]}" if url_prefix else url


def fetch(url: str, dest: Path, sha256: str = "", timeout: float = 60.0) -> None:
    """Stream `url` to a temporary file beside `dest`, check its sha256 (when known), then rename it into place."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".part")
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as f, httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
            if response.status_code != 200:
                raise DownloadError(f"{url}: HTTP {response.status_code}")
            for chunk in response.iter_bytes(1 << 16):
                f.write(chunk)
                digest.update(chunk)
        if sha256 and digest.hexdigest() != sha256:
            raise ValueError(f"{url}: sha256 {digest.hexdigest()} does not match the expected {sha256}")
        os.replace(tmp, dest)
    finally:
        Path(tmp).unlink(missing_ok=True)


def fetch_with_retries(url: str, dest: Path, sha256: str, cfg: DownloadConfig) -> bool:
    """True when fetched, False when `dest` was already there with the right hash. Retries network errors only."""
    if dest.is_file() and (not sha256 or sha256_file(dest) == sha256):
        return False
    source = rewrite(url, cfg.url_prefix)
    for attempt in range(1, cfg.retries + 1):
        try:
            fetch(source, dest, sha256, cfg.timeout)
            log.info("fetched", extra={"fields": {"url": source, "path": str(dest)}})
            return True
        except httpx.TransportError as e:
            if attempt == cfg.retries:
                raise RuntimeError(f"{source}: {type(e).__name__} after {attempt} attempts ({e})") from None
            time.sleep(2 ** attempt)
    return False


# ----------------------------------------------------------------------------- conversion to the normalised layout

def llm_adapters_mc(item: dict, where: str) -> tuple[str, list[str], int]:
    """(question, options, answer index) from an LLM-Adapters instruction:
    'Please choose the correct answer to the question: Q\\n\\nAnswer1: ...'."""
    m = re.match(r"Please choose the correct answer to the question: (.*)\n\n(Answer1: .*)\n\nAnswer format:",
                 item.get("instruction", ""), re.S)
    answer = re.fullmatch(r"answer(\d+)", item.get("answer", ""))
    if m is None or answer is None:
        raise ValueError(f"{where}: not an LLM-Adapters multiple-choice item")
    options = [o.strip() for o in re.split(r"\s*Answer\d+: ", m.group(2))[1:]]
    index = int(answer.group(1)) - 1
    if not 0 <= index < len(options):
        raise ValueError(f"{where}: answer {item['answer']!r} is not one of {len(options)} options")
    return m.group(1), options, index


def normalised(id: str, question: str, options: list[str], answer: int, **extra: str) -> dict:
    labels = [chr(ord("A") + i) for i in range(len(options))]
    return {"id": id, "question": question, "choices": {"text": options, "label": labels}, "answerKey": labels[answer],
            **extra}


def convert_llm_adapters(src: Path, dest: Path, prefix: str) -> None:
    items = json.loads(src.read_text(encoding="utf-8"))
    rows = [normalised(f"{prefix}-{i:05d}", *llm_adapters_mc(item, f"{src}: record {i}"))
            for i, item in enumerate(items)]
    atomic_write_jsonl(dest, rows)


def convert_thoughtsource(src: Path, dest: Path, prefix: str) -> None:
    rows = []
    for i, item in enumerate(json.loads(src.read_text(encoding="utf-8"))):
        choices = item["problem"]["choices"]
        labels = [c["choice_label"] for c in choices]
        if item["answer"] not in labels:
            raise ValueError(f"{src}: record {i}: answer {item['answer']!r} is not one of {labels}")
        rows.append(normalised(f"{prefix}-{i:05d}", item["problem"]["question"], [c["choice_text"] for c in choices],
                               labels.index(item["answer"]), fact1=item["cot"]))
    atomic_write_jsonl(dest, rows)


def convert(name: str, root: Path) -> None:
    """Write the normalised jsonl files the parsers read, from the files as published."""
    if name == "arc":
        for subset in ("easy", "challenge"):
            for split in ("train", "test"):
                convert_llm_adapters(root / f"arc/original_llm_adapters/ARC-{subset.title()}/{split}.json",
                                     root / f"arc/arc_{subset}_{split}.jsonl", f"arc_{subset}-{split}")
    elif name == "openbookqa":
        convert_llm_adapters(root / "openbookqa/original_llm_adapters/train.json",
                             root / "openbookqa/obqa_train_llm_adapters.jsonl", "obqa-train")
        for split in ("dev", "test"):
            convert_thoughtsource(root / f"openbookqa/original_thoughtsource/{split}-new.json",
                                  root / f"openbookqa/obqa_{split}.jsonl", f"obqa-{split}")
    elif name == "sciq":
        convert_llm_adapters(root / "sciq/original_llm_adapters/test.json", root / "sciq/sciq_test.jsonl", "sciq-test")
    elif name == "mathdial":
        write_gsm8k_overlap(root)


def write_gsm8k_overlap(root: Path) -> None:
    """mathdial/test_gsm8k_overlap.json: each dialogue's GSM8K test or train line (0-based), matched on the question
    with case and whitespace folded, so the SFT builders can drop dialogues built on GSM8K test problems."""
    def fold(text: str) -> str:
        return " ".join(text.lower().split())

    lines = {}
    for split in ("test", "train"):
        path = require_data(root / "gsm8k" / f"{split}.jsonl", "gsm8k,mathdial")  # the overlap needs GSM8K
        lines[split] = {fold(row["question"]): n - 1 for n, row in read_jsonl(path, ("question",))}
    rows = [{"qid": row["qid"], "scenario": row.get("scenario"),
             "gsm8k_test_line": lines["test"].get(fold(row["question"])),
             "gsm8k_train_line": lines["train"].get(fold(row["question"]))}
            for _, row in read_jsonl(root / "mathdial" / "test.jsonl", ("qid", "question"))]
    atomic_write_text(root / "mathdial" / "test_gsm8k_overlap.json", json.dumps(rows, indent=0) + "\n")


# ----------------------------------------------------------------------------- entry point

def files_for(name: str, cfg: DownloadConfig) -> list[tuple[str, str, str]]:
    if name == "cosmopedia":
        names = [f.strip() for f in cfg.cosmopedia.split(",") if f.strip()]
        return [(f"{COSMOPEDIA}/{name}", f"cosmopedia/{name}", "") for name in names]
    if name not in FILES:
        raise KeyError(f"--sources: no download for {name!r}; available: {sorted(FILES) + ['cosmopedia']}")
    return FILES[name]


def download(cfg: DownloadConfig) -> Path:
    """Fetch and convert every selected source; returns the mirror root."""
    root = Path(cfg.root) if cfg.root else out_dir("mirror")
    for name in [n.strip() for n in cfg.sources.split(",") if n.strip()]:
        for url, rel, sha in files_for(name, cfg):
            fetch_with_retries(url, root / rel, sha, cfg)
        convert(name, root)
    return root


def main(argv: list[str] | None = None) -> None:
    print(f"mirror ready: {download(parse_config(DownloadConfig, argv))}")


if __name__ == "__main__":
    main()
