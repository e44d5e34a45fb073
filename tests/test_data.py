"""data/: every source parser on the authored fixtures (and, opt-in, on a full mirror), cleaning, dedup, subject tagging, decontamination."""
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from data.clean import dedup, normalize_text
from data.decontam import Decontaminator
from data.sources import CORPUS_DIR, SOURCES, eval_texts, gsm8k_solution, mathqa_options, parse_cosmopedia, parse_gsm8k
from data.subjects import BANDS, tag_subject

FIELDS = {"id", "source", "licence", "subject", "grade_band", "instruction", "input", "response", "text"}
FIXTURE_COUNTS = {"gsm8k": 8, "mathqa": 3, "arc": 4 + 2, "openbookqa": 3 + 2 + 2, "wikitext2": 3, "children_stories": 10}
FULL_COUNTS = {"gsm8k": 7473, "mathqa": 4475, "arc": 2251 + 1119, "openbookqa": 4957 + 500 + 111, "wikitext2": None,
               "children_stories": None, "openstax_physics": 98}


def check_records(records: list[dict], name: str) -> None:
    assert len({r["id"] for r in records}) == len(records)
    for r in records:
        assert set(r) == FIELDS
        assert r["source"] == name and r["licence"] and r["text"].strip()
        assert "Project Gutenberg" not in r["text"] and "<<" not in r["text"] and " @-@ " not in r["text"]


@pytest.mark.parametrize("name", sorted(FIXTURE_COUNTS))
def test_parser_reads_fixture_files(data_dir, name):
    records = list(SOURCES[name].parse(data_dir))
    assert len(records) == FIXTURE_COUNTS[name]
    check_records(records, name)


@pytest.mark.full_data
@pytest.mark.parametrize("name", sorted(FULL_COUNTS))
def test_parser_reads_full_files(full_data_dir, name):
    records = list(SOURCES[name].parse(full_data_dir))
    assert FULL_COUNTS[name] is None or len(records) == FULL_COUNTS[name]
    check_records(records, name)


def test_parsed_shapes_match_the_source(data_dir):
    gsm = next(SOURCES["gsm8k"].parse(data_dir))
    assert gsm["instruction"].startswith("Maya picked 36 apples")
    assert gsm["response"] == "Maya gave away 36/3 = 12 apples.\nShe has 36-12 = 24 apples left.\nThe answer is 24."
    arc = next(SOURCES["arc"].parse(data_dir))
    assert arc["input"].splitlines()[1] == "B. a ruler"
    assert arc["response"] == "The answer is B: a ruler."
    obqa_dev = [r for r in SOURCES["openbookqa"].parse(data_dir) if r["id"].startswith("obqa-dev")]
    assert obqa_dev[0]["response"] == "The answer is A: ocean animals. Fact: Ocean animals live in the ocean."
    facts = [r for r in SOURCES["openbookqa"].parse(data_dir) if r["id"].startswith("obqa-openbook")]
    assert sum(len(r["text"].splitlines()) - 2 for r in facts) == 14  # every fact, below a title and blank line
    mathqa = next(SOURCES["mathqa"].parse(data_dir))
    assert mathqa["instruction"] == "A shop sells pencils at 3 for $1. how many dollars do 27 pencils cost?"
    assert mathqa["response"] == ("The answer is B: 9. Explanation: 27 / 3 = 9 groups of pencils, each costs $1, "
                                  "so 9 dollars. answer: b")
    stories = list(SOURCES["children_stories"].parse(data_dir))
    titles = [r["input"] for r in stories]
    assert "The Fox and the Grapes" in titles and "Chapter I: Down the Rabbit-Hole" in titles and "The Golden Bird" in titles
    assert {r["licence"] for r in stories} == {"Public domain", "CDLA-Sharing-1.0"}
    assert {r["id"].split("-")[0]: r["grade_band"] for r in stories} == {"aesop": "3-5", "alice": "6-8", "grimm": "3-5",
                                                                         "tinystories": "K-2"}


@pytest.mark.full_data
def test_parsed_shapes_match_the_full_source(full_data_dir):
    gsm = next(SOURCES["gsm8k"].parse(full_data_dir))
    assert gsm["instruction"].startswith("Natalia sold clips to 48 of her friends")
    arc = next(SOURCES["arc"].parse(full_data_dir))
    assert arc["response"] == "The answer is B: a bacterial population in the bloodstream."
    facts = [r for r in SOURCES["openbookqa"].parse(full_data_dir) if r["id"].startswith("obqa-openbook")]
    assert sum(len(r["text"].splitlines()) - 2 for r in facts) == 1326


def test_corpus_is_original_school_material():
    files = sorted(CORPUS_DIR.glob("*.md"))
    assert [f.stem for f in files] == ["math", "reading", "science"]
    assert 50_000 <= sum(f.stat().st_size for f in files) <= 200_000
    records = list(SOURCES["corpus"].parse(Path()))
    assert len(records) >= 45
    assert {r["subject"] for r in records} == {"math", "science", "reading"}
    assert {r["grade_band"] for r in records} == set(BANDS)
    assert all(len(r["text"]) > 400 for r in records)


def test_gsm8k_and_mathqa_field_parsing():
    assert gsm8k_solution("It costs 2*3 = <<2*3=6>>6.\n#### 6") == "It costs 2*3 = 6.\nThe answer is 6."
    assert mathqa_options("a ) 38 , b ) 27.675 , c ) 1 , 2 , d ) 14", "x") == ["38", "27.675", "1 , 2", "14"]
    assert mathqa_options("['a ) 4', 'b ) 4 π', 'c ) 16']", "x") == ["4", "4 π", "16"]
    # eval.py's MathQA test set reads its options with the same parser (moved from test_eval.py)
    assert mathqa_options("a ) 38 , b ) 27.675 , c ) 30 , d ) data inadequate , e ) none of these", "x") == [
        "38", "27.675", "30", "data inadequate", "none of these"]
    assert mathqa_options("['a ) 2 : 3', 'b ) 4 : 5', 'c ) 16 : 9']", "x") == ["2 : 3", "4 : 5", "16 : 9"]
    with pytest.raises(ValueError, match="record 7: cannot parse options"):
        mathqa_options("nothing here", "record 7")


def test_bad_input_names_file_and_line(tmp_path):
    with pytest.raises(FileNotFoundError, match="gsm8k not found: get it with `.venv/bin/python -m data.download --sources=gsm8k`"):
        list(parse_gsm8k(tmp_path))
    (tmp_path / "gsm8k").mkdir()
    path = tmp_path / "gsm8k" / "train.jsonl"
    good = json.dumps({"question": "q", "answer": "a\n#### 1"})
    path.write_text(f"{good}\n{good}\n{{not json\n")
    with pytest.raises(ValueError, match=r"train\.jsonl:3: malformed JSON"):
        list(parse_gsm8k(tmp_path))
    path.write_text(f"{good}\n{json.dumps({'question': 'q'})}\n")
    with pytest.raises(ValueError, match=r"train\.jsonl:2: missing field 'answer'"):
        list(parse_gsm8k(tmp_path))
    path.write_bytes(good.encode() + b"\n\n" + b'{"question": "caf\xe9"}\n')
    with pytest.raises(ValueError, match=r"train\.jsonl:3: not UTF-8"):
        list(parse_gsm8k(tmp_path))


def test_cosmopedia_parquet_layout(tmp_path):
    rows = {"prompt": ["p1", "p2", "p3", "p4", "p5"],
            "text": ["Plants make food from sunlight.", "An essay.", "Count to ten.", "", "Fractions name equal parts."],
            "token_length": [7, 3, 4, 0, 5],
            "audience": ["middle_school_students", "college_students", "young_children", "grade_school_students", "general"],
            "format": ["textbook", "blogpost", "story", "textbook", "textbook"], "seed_data": ["khanacademy"] * 5}
    folder = tmp_path / "cosmopedia" / "khanacademy"
    folder.mkdir(parents=True)
    pq.write_table(pa.table(rows), folder / "train-00000-of-00001.parquet")
    records = list(parse_cosmopedia(tmp_path))
    assert [(r["text"], r["grade_band"]) for r in records] == [
        ("Plants make food from sunlight.", "6-8"), ("Count to ten.", "K-2"), ("Fractions name equal parts.", None)]
    assert records[0]["licence"] == "Apache-2.0" and records[0]["id"].startswith("cosmopedia-khanacademy-")
    (folder / "broken.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(ValueError, match="broken.parquet"):
        list(parse_cosmopedia(tmp_path))


def test_normalize_text():
    raw = "He said \u201chello\u201d\u2014<b>loudly</b> **twice**\u00a0 and [left](http://x).\r\n\n\n\nNext\u200b line\t here "
    assert normalize_text(raw) == 'He said "hello" - loudly twice and left.\n\nNext line here'
    assert normalize_text("\ufb01sh") == "fish"  # NFKC folds the ligature


def test_dedup_exact_and_near():
    base = ("The water cycle moves water from oceans to the air as vapour, then back to the ground as rain, snow or "
            "hail, where rivers carry it to the sea again and the whole journey starts over once more. The sun "
            "drives it: its heat evaporates water, the vapour cools as it rises and condenses into the tiny drops "
            "that make clouds, and when the drops grow heavy enough they fall.")
    records = [
        {"id": "a", "source": "s1", "text": base},
        {"id": "b", "source": "s2", "text": base.upper() + "!!"},  # same words: exact duplicate
        {"id": "c", "source": "s2", "text": base.replace("hail", "sleet")},  # one word changed: near duplicate
        {"id": "d", "source": "s1", "text": "Photosynthesis turns light, water and carbon dioxide into sugar and oxygen."},
    ]
    kept, exact, near = dedup(records)
    assert [r["id"] for r in kept] == ["a", "d"]
    assert exact == {"s2": 1} and near == {"s2": 1}
    assert [r["id"] for r in dedup(records[2:])[0]] == ["c", "d"]  # the first of a group wins


def test_tag_subject_rule():
    assert tag_subject("Maya has 3 bags with 4 apples each. How many apples in total? 3 x 4 = 12")[0] == "math"
    assert tag_subject("Solve the equation 2x + 3 = 11 for the variable x.")[:2] == ("math", "algebra")
    assert tag_subject("Plants use sunlight, water and carbon dioxide to make food in their leaves.")[0] == "science"
    assert tag_subject("Once upon a time a fox saw some grapes. 'They are sour,' said the fox, and went away.")[0] == "reading"
    assert tag_subject("The band released the album in 2004; the single reached number three on the Billboard chart "
                       "and the band went on tour.")[0] is None
    assert tag_subject("Why does it rain?")[0] == "science"  # a short question: one keyword is enough
    assert tag_subject("Rain rain rain. " * 20)[0] == "science" and tag_subject("Nice day. " * 30)[0] is None
    easy = tag_subject("The cat sat. The dog ran. We had fun in the sun.")[2]
    hard = tag_subject("Electromagnetic induction describes how a changing magnetic flux through a conducting loop "
                       "generates an electromotive force proportional to the rate of change of that flux.")[2]
    assert BANDS.index(easy) < BANDS.index(hard) and hard == "9-12"
    assert tag_subject("An equation is a balance: what you do to one side you do to the other.")[2] in ("6-8", "9-12")


@pytest.fixture(scope="module")
def decontaminator(data_dir):
    return Decontaminator.from_eval_splits(data_dir)


def test_decontamination_catches_planted_test_items(data_dir, decontaminator):
    gsm = json.loads((data_dir / "gsm8k" / "test.jsonl").read_text().splitlines()[1])
    arc = json.loads((data_dir / "arc" / "arc_challenge_test.jsonl").read_text().splitlines()[1])
    arc_text = f"{arc['question']} {arc['choices']['text'][arc['choices']['label'].index(arc['answerKey'])]}"
    wiki = (data_dir / "wikitext2" / "wiki.test.raw").read_text().splitlines()[3]
    clean = {"id": "ok", "source": "mine", "text": "Fractions name parts of a whole; the denominator counts the equal parts."}
    planted = [
        {"id": "g", "source": "mine", "text": "Warm-up first. " + gsm["question"].upper().replace(",", " ;") + " Good luck!"},
        {"id": "a", "source": "other", "text": f"Quiz:\n{arc_text}"},
        {"id": "w", "source": "mine", "text": "Read this: " + wiki.replace(" @-@ ", "-").replace(" , ", ", ")},
    ]
    assert decontaminator.match(planted[0]["text"]) == "gsm8k/test"
    assert decontaminator.match(planted[1]["text"]) == "arc_challenge/test"
    assert decontaminator.match(planted[2]["text"]) == "wikitext2/test"
    kept, dropped = decontaminator.filter([clean, *planted])
    assert [r["id"] for r in kept] == ["ok"] and dropped == {"mine": 2, "other": 1}


def test_every_eval_split_is_covered(data_dir, decontaminator):
    """Each evaluation item with enough words is caught verbatim: no split is silently skipped."""
    seen = {}
    for split, text in eval_texts(data_dir):
        if split not in seen and len(text.split()) >= 13:
            seen[split] = text
    assert set(seen) == {"gsm8k/test", "gsm8k/test_socratic", "arc_easy/test", "arc_challenge/test",
                         "openbookqa/test", "sciq/test", "mathqa/test", "mathqa/challenge_test", "wikitext2/test",
                         "eval/dev_prompts", "eval/tutor_cases", "eval/blind_cases"}
    matches = {split: decontaminator.match(text) for split, text in seen.items()}
    assert all(matches.values())
    assert all(matches[s] == s for s in seen)


def test_held_out_split_and_short_items():
    dec = Decontaminator()
    dec.add(["What is the capital city of France and why is it there"], "my/held_out")  # 11 words: matched whole
    dec.add(["Too short to matter"], "my/held_out")
    assert dec.match("Q: what is the capital city of France, and why is it there? A: ...") == "my/held_out"
    assert not dec.is_contaminated("What is the capital city of France?")
    assert not dec.is_contaminated("Too short to matter")
    assert len(dec) == 1


def test_general_articles_need_keyword_density(data_dir):
    """WikiText-2 articles: a lobster species is school science; a highway and a film are not school material."""
    articles = {r["input"]: r["text"] for r in SOURCES["wikitext2"].parse(data_dir)}
    assert tag_subject(articles["Homarus gammarus"])[:2] == ("science", "biology")
    assert tag_subject(articles["M-82 (Michigan highway)"])[0] is None
    assert tag_subject(articles["Die Another Day"])[0] is None
