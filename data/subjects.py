"""Subject, topic and grade-band tagging for school text: one documented rule, shared by data/ and ingest.py.

    from data.subjects import tag_subject
    tag_subject("Add the fractions 1/4 and 2/4 ...")  # -> ("math", "fractions", "3-5")

The rule, so it can be read and argued with:
1. Count whole-word hits of each topic's keywords (title hits count three times: titles are dense).
   Math also scores arithmetic written in symbols (each "= 24" or "3 ÷ 4"; a sports score such as 70 - 65 is not).
2. The subject is the one with the most hits; its topic is that subject's best topic. Text is not
   school-relevant (subject None) when its best subject scores under MIN_HITS (one hit for a text under
   SHORT_TEXT_WORDS words), when a longer text has fewer than MIN_DENSITY hits per 100 words (any long article
   hits a few keywords by chance: a highway or a film scores about 1, a physics textbook section 3 to 10), or when
   it is mostly about off-curriculum things (celebrities, sport results, music charts).
3. The grade band comes from the Flesch-Kincaid grade of the text, raised to a topic's floor (algebra is not
   taught before grade 6 however simply it is phrased).
Imports nothing of ours, so any stage can use it.
"""
from __future__ import annotations

import functools
import re

BANDS = ("K-2", "3-5", "6-8", "9-12")
MIN_HITS = 2
SHORT_TEXT_WORDS = 40  # a one-line question has room for a single keyword only, so one hit is enough
MIN_DENSITY = 2.0  # keyword hits per 100 words that a longer text needs

TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "math": {
        "arithmetic": ("add", "adds", "added", "addition", "sum", "subtract", "subtraction", "difference", "multiply",
                       "multiplied", "multiplication", "product", "divide", "divided", "division", "quotient",
                       "remainder", "times", "total", "altogether", "digit", "digits", "place value", "even", "odd"),
        "fractions": ("fraction", "fractions", "numerator", "denominator", "half", "halves", "third", "quarter",
                      "decimal", "decimals", "percent", "percentage", "ratio", "ratios", "proportion"),
        "money": ("dollar", "dollars", "cent", "cents", "price", "cost", "costs", "profit", "loss", "discount",
                  "interest", "earns", "pays", "spent", "saves"),
        "geometry": ("angle", "angles", "triangle", "triangles", "rectangle", "square", "circle", "radius", "diameter",
                     "perimeter", "area", "volume", "polygon", "parallel", "perpendicular", "cube", "cylinder"),
        "algebra": ("solve", "equation", "equations", "variable", "variables", "solve for", "expression", "linear",
                    "slope", "inequality", "exponent", "exponents", "polynomial", "function", "graph", "coefficient"),
        "probability": ("probability", "chance", "likely", "outcome", "outcomes", "mean", "median", "mode", "average",
                        "data", "permutation", "combination", "random"),
        "measurement": ("length", "meter", "meters", "centimeter", "kilometre", "kilometer", "minutes", "hours",
                        "liters", "litres", "grams", "kilograms", "inches", "feet", "miles", "unit", "units"),
    },
    "science": {
        "physics": ("force", "forces", "motion", "velocity", "acceleration", "energy", "gravity", "friction", "mass",
                    "momentum", "electricity", "electric", "circuit", "magnet", "magnetic", "wave", "waves", "light",
                    "sound", "heat", "temperature", "newton", "physics", "speed", "current", "voltage", "conductor",
                    "magnets", "battery", "metal", "metals", "lens", "mirror"),
        "chemistry": ("atom", "atoms", "molecule", "molecules", "element", "elements", "compound", "compounds",
                      "chemical", "reaction", "acid", "base", "electron", "electrons", "proton", "neutron", "solution",
                      "mixture", "solid", "liquid", "gas", "matter", "oxygen", "hydrogen", "carbon"),
        "biology": ("cell", "cells", "organism", "organisms", "plant", "plants", "animal", "animals", "species",
                    "photosynthesis", "ecosystem", "habitat", "food chain", "predator", "prey", "gene", "genes",
                    "dna", "evolution", "adaptation", "bacteria", "virus", "body", "blood", "heart", "lungs",
                    "digestion", "seed", "seeds", "flower", "flowers", "pollination", "offspring", "inherited", "fever",
                    "disease", "health", "muscle", "muscles", "bone", "bones", "skin", "stomach", "digested",
                    "bacterial", "bloodstream", "nutrients", "leaf", "leaves", "roots", "insect", "insects"),
        "earth_space": ("earth", "sun", "moon", "planet", "planets", "star", "stars", "orbit", "rotation", "season",
                        "seasons", "weather", "climate", "rock", "rocks", "soil", "erosion", "volcano", "earthquake",
                        "water cycle", "evaporation", "condensation", "precipitation", "fossil", "fossils", "mineral",
                        "minerals", "atmosphere", "solar system", "tides", "ocean", "oceans", "rain", "wind", "clouds",
                        "sunlight", "glacier", "continent"),
        "method": ("experiment", "hypothesis", "observation", "observe", "measure", "scientist", "scientists",
                   "variable", "evidence", "investigation", "conclusion", "predict", "prediction"),
    },
    "reading": {
        "stories": ("once upon a time", "story", "stories", "fable", "fables", "tale", "king", "queen", "princess",
                    "prince", "fox", "wolf", "said", "cried", "replied", "asked", "little", "forest", "castle",
                    "happily", "adventure", "one day", "whispered", "shouted", "answered", "smiled", "laughed",
                    "named", "mother", "father", "friend", "friends"),
        "literature": ("character", "characters", "plot", "setting", "theme", "moral", "narrator", "author", "poem",
                       "poetry", "rhyme", "stanza", "chapter", "novel", "metaphor", "simile", "conflict"),
        "language": ("noun", "nouns", "verb", "verbs", "adjective", "adjectives", "adverb", "sentence", "sentences",
                     "paragraph", "punctuation", "comma", "vocabulary", "synonym", "antonym", "prefix", "suffix",
                     "spelling", "grammar", "tense", "pronoun"),
        "comprehension": ("main idea", "summary", "summarize", "infer", "inference", "evidence from the text",
                          "context clues", "compare", "contrast", "cause and effect", "reread", "passage",
                          "point of view", "detail", "details"),
    },
}

OFF_TOPIC = ("film", "films", "album", "albums", "single", "chart", "billboard", "episode", "episodes", "television",
             "season", "football", "league", "club", "goals", "match", "tournament", "wrestling", "actor", "actress",
             "band", "concert", "tour", "celebrity", "starred", "starring", "box office", "nfl", "nba", "casino",
             "betting", "crypto", "dating")

OFF_TOPIC_WORDS = frozenset(k for k in OFF_TOPIC if " " not in k)

TOPIC_FLOOR = {"algebra": "6-8", "chemistry": "6-8", "physics": "6-8", "literature": "3-5", "probability": "6-8"}

WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
SYMBOLIC_MATH = re.compile(r"[\w)]\s*=\s*-?\d|\d\s*[×÷]\s*\d")  # "= 24", "3 ÷ 4"; not scores or ranges ("70 - 65")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")


SINGLE: dict[str, list[tuple[str, str]]] = {}  # a word may belong to several topics ("variable": algebra, method)
for _subject, _topics in TOPICS.items():
    for _topic, _keys in _topics.items():
        for _key in _keys:
            if " " not in _key:
                SINGLE.setdefault(_key, []).append((_subject, _topic))
PHRASES = [(k, subject, topic) for subject, topics in TOPICS.items() for topic, keys in topics.items()
           for k in keys if " " in k]


def _hits(text: str, weight: int, scores: dict[str, dict[str, float]]) -> None:
    """Add whole-word keyword hits of `text` to `scores`; one pass over its words, phrases on the joined words."""
    words = WORD.findall(text.lower())
    for word in words:
        for subject, topic in SINGLE.get(word, ()):
            scores[subject][topic] += weight
    joined = f" {' '.join(words)} "
    for phrase, subject, topic in PHRASES:
        scores[subject][topic] += weight * joined.count(f" {phrase} ")


def topic_scores(text: str, title: str = "") -> dict[str, dict[str, float]]:
    """Keyword hits per subject and topic, title hits weighted x3, plus symbolic arithmetic for math."""
    scores = {subject: {topic: 0.0 for topic in topics} for subject, topics in TOPICS.items()}
    _hits(text, 1, scores)
    _hits(title, 3, scores)
    scores["math"]["arithmetic"] += len(SYMBOLIC_MATH.findall(text))
    return scores


def off_topic_hits(text: str) -> int:
    words = WORD.findall(text.lower())
    joined = f" {' '.join(words)} "
    return sum(w in OFF_TOPIC_WORDS for w in words) + sum(joined.count(f" {p} ") for p in OFF_TOPIC if " " in p)


@functools.lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Vowel groups, minus a silent final e: the usual rough count, good enough for a grade estimate."""
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith("le") and count > 1:
        count -= 1
    return max(count, 1)


def flesch_kincaid_grade(text: str) -> float:
    """0.39 * words/sentence + 11.8 * syllables/word - 15.59 (Kincaid et al. 1975)."""
    words = WORD.findall(text.lower())
    if not words:
        return 0.0
    sentences = max(len(SENTENCE_END.findall(text)), 1)
    per_sentence = min(len(words) / sentences, 40.0)  # run-on lists without full stops would explode the score
    return 0.39 * per_sentence + 11.8 * sum(map(syllables, words)) / len(words) - 15.59


def grade_band(text: str, topic: str | None = None) -> str:
    """Map the reading grade to K-2 / 3-5 / 6-8 / 9-12, never below the topic's floor."""
    grade = flesch_kincaid_grade(text)
    band = BANDS[0] if grade < 2.5 else BANDS[1] if grade < 5.5 else BANDS[2] if grade < 8.5 else BANDS[3]
    floor = TOPIC_FLOOR.get(topic or "", BANDS[0])
    return max(band, floor, key=BANDS.index)


def tag_subject(text: str, title: str = "") -> tuple[str | None, str | None, str]:
    """(subject, topic, grade_band) for a text; subject and topic are None when it is not school-relevant."""
    scores = topic_scores(text, title)
    totals = {subject: sum(topics.values()) for subject, topics in scores.items()}
    subject = max(totals, key=lambda s: totals[s])
    n_words = len(WORD.findall(text.lower()))
    short = n_words < SHORT_TEXT_WORDS
    needed = 1 if short else max(MIN_HITS, MIN_DENSITY * n_words / 100)
    if totals[subject] < needed or off_topic_hits(f"{title} {text}") > totals[subject]:
        return None, None, grade_band(text)
    topic = max(scores[subject], key=lambda t: scores[subject][t])
    return subject, topic, grade_band(text, topic)
