"""Words as the tutor compares them: the content words of a text (`content_words`, `content_tokens`: no function
words), a light stem the same on both sides of every comparison (`stem`) and the lenient `base_forms` (irregular and
comparative forms meet), a denial (`has_negation`), pairs of opposite words, the words a tutor uses about any
problem (`TUTOR_WORDS`), and a student's chat spellings (`CHAT_SPELLINGS`, written out by `spelled_out`). Every claim
judge, pointer and guard in the tutor reads words through this file.

    .venv/bin/python text_words.py "The tadpoles grew bigger and didn't swim away"
"""
from __future__ import annotations

import re
import sys

STOP = set("""a an the and or but if then so of to in on at by for with from into onto over under about as is are was
were be been being am do does did done have has had having it its it's this that these those there here he she they
we you i me my mine your yours his her hers their theirs our ours him them us who whom whose which what when where why
how not no nor never n't can could will would shall should may might must just also too very really only even still
all any each every some such than more most much many few other another own same s t up down out off again once
one got get gets getting like way thing things something anything lot lots yes yeah ok okay um well because since
while until though although whether either neither both im ive id ill dont didnt cant wont isnt doesnt""".split())


# Words a tutor uses about any problem: the guard lets them through, the specificity measure ignores them.
TUTOR_WORDS = set("""think look read reread sentence sentences passage paragraph text story line word words phrase
clue clues idea
ideas answer answers question questions mean means meaning tell tells find check notice happen happens happened
try step steps fact facts textbook again first last next part parts reason reasons show shows explain sure guess
example say says said writer author start starts begin begins end ends whole mostly main help helps know right
wrong true fit fits match matches support supports back evidence describe compare different similar change
changes use uses used good great nice let let's see make makes made give gives now before after why what where
who else kind instead maybe expect would observe observation picture imagine test drop dropped together same
time carefully closer close point points finally order own lesson life persuade teach telling putting keep keeps
work come comes people other others against already coming around sense somewhere title argue argues gap hidden
fill fills rule links quantities unit result numbers number goes went agree agrees second third fourth fifth sixth
seventh eighth ninth tenth eleventh twelfth""".split())

# How students type words: without their apostrophe ("didnt", "theres"), shortened ("bc", "ppl", "thru"), misspelt
# ("becuase"), run together ("alot", "gonna"), each with the words it stands for (`spelled_out` writes them out).
# retold.py writes them out so the planner reads "did not" and "there is"; science_support.py so that "bc" splits a
# reason from its answer as "because" does; meaning_match.py never says a passage lacks one (`CHAT_WORDS`).
CHAT_SPELLINGS = {
    "didnt": "did not", "dont": "do not", "doesnt": "does not", "cant": "cannot", "isnt": "is not", "arent": "are not",
    "wasnt": "was not", "werent": "were not", "wont": "will not", "havent": "have not", "hasnt": "has not",
    "didn't": "did not", "don't": "do not", "doesn't": "does not", "can't": "cannot", "isn't": "is not",
    "aren't": "are not", "wasn't": "was not", "weren't": "were not", "won't": "will not", "whats": "what is",
    "what's": "what is", "theres": "there is", "there's": "there is", "hows": "how is",
    "theyre": "they are", "im": "i am", "u": "you", "ur": "your", "ppl": "people", "bc": "because",
    "b/c": "because", "cuz": "because", "coz": "because", "bcuz": "because", "becuz": "because", "becuase": "because",
    "becasue": "because", "thru": "through", "w/o": "without", "alot": "a lot", "gonna": "going to",
    "wanna": "want to", "kinda": "kind of", "sorta": "sort of", "rly": "really", "tho": "though",
    "there own": "their own", "abt": "about", "lil": "little", "wat": "what", "wut": "what",
    "happend": "happened", "happends": "happens", "hapened": "happened", "happenes": "happens"}
CHAT_SPELLING = re.compile(r"(?<![\w/-])(?:" + "|".join(map(re.escape, sorted(CHAT_SPELLINGS, key=len, reverse=True)))
                           + r")(?![\w/'-])", re.I)   # "U-bend", "bcc": no chat word inside another
# Chat words never written out, only never looked for in a passage: no one wording ("cause" is also a noun, "ngl"
# would add a denial, "prob" is probably or problem), or read as typed ("thats": retold's comparisons read it, and a
# science claim says it back as typed).
CHAT_FILLERS = {"cause", "prob", "def", "ngl", "fr", "lowkey", "highkey", "deadass", "literally", "basically", "super",
                "doing", "thats", "idk", "idek", "lol", "lmao", "tmrw", "rn", "pls", "plz", "bruh", "omg", "smth",
                "sth", "stuff", "yea", "ya"}
CHAT_WORDS = set(CHAT_SPELLINGS) | CHAT_FILLERS   # how a student writes, never a word to look for
# A reading question keeps its negations as typed ("Why didn't the third seed grow?" must not become "Why did not the
# third seed grow?", which the question's parts no longer read): every other spelling is written out there.
TYPED_SPELLINGS = {k: v for k, v in CHAT_SPELLINGS.items() if not re.search(r"n'?t$", k)}
TYPED_SPELLING = re.compile(r"(?<![\w/-])(?:" + "|".join(map(re.escape, sorted(TYPED_SPELLINGS, key=len,
                                                                              reverse=True))) + r")(?![\w/'-])", re.I)
# A typed question needs three more, which a claim or a problem must not get (retold's "if n is 5", a radius "r"):
# "ur" before a comparison or a state is "you are" ("ur closer to the sun"), "y" before a helping word is "why" ("y
# does ice float"), "r" and "n" between two words are "are" and "and" ("why r leaves green", "sun n water").
YOU_ARE = re.compile(r"(?<![\w'])ur(?=\s+(?:\w+er|not|so|too|wrong|right|going|gonna|higher|lower)\b)", re.I)
CHAT_WHY = r"y(?=\s+(?:do|does|did|dont|doesnt|don't|doesn't|cant|can't|is|are|r|u|was|were|can|would)\b)|how\s+come"
WHY_TYPED = re.compile(r"(?:^|(?<=[.!?]\s))\W*\by(?=\s+(?:do|does|did|is|are|was|were|can|would|r)\b)", re.I)
BETWEEN_WORDS = {"r": "are", "n": "and"}
BETWEEN = re.compile(r"(?<=[a-z] )[rn](?= [a-z])", re.I)
# Chat before or after a typed question ("idk why ...", "... lol", "... i have a test tmrw"): no word of the question
CHAT_BEFORE = re.compile(r"^\W*(?:(?:idk|idek|lol|ok|okay|so|like|bruh|omg|ugh|um+|hm+|yo|pls|plz|please)\b\W*)+"
                         r"(?=\w)", re.I)
CHAT_AFTER = re.compile(r"(?:[\s,]+(?:lol|lmao|haha\w*|tho|though|rn|btw|anyway|pls|plz|please|thx|bruh|"
                        r"i (?:don'?t|dont|do not) (?:get|understand) it|"
                        r"i have a (?:test|quiz) (?:tmrw|tomorrow|today)|"
                        r"for (?:my )?(?:hw|homework|class)))+\W*$", re.I)

NEGATION = re.compile(r"\b(?:not|no|never|none|nothing|cannot|neither|nor|without|"  # "couldnt": no apostrophe
                      r"(?:ca|wo|is|are|was|were|do|does|did|has|have|could|should)n'?t)\b|n't\b", re.I)

# Pairs a careless draft swaps ("a process named as its opposite") and that turn a claim against its evidence.
OPPOSITES = [("evaporate", "condense"), ("evaporation", "condensation"), ("melt", "freeze"), ("melting", "freezing"),
             ("absorb", "release"), ("photosynthesis", "respiration"), ("inhale", "exhale"),
             ("gain", "lose"), ("attract", "repel"), ("positive", "negative"), ("acid", "base"), ("acidic", "basic"),
             ("increase", "decrease"), ("expand", "contract"), ("conductor", "insulator"), ("dissolve", "melt"),
             ("physical", "chemical"), ("solid", "gas"), ("first", "last"), ("before", "after"),
             ("back", "front"), ("more", "less"), ("faster", "slower"), ("bigger", "smaller"), ("happy", "sad"),
             ("happy", "angry"), ("up", "down"), ("east", "west"), ("north", "south"), ("high", "low"),
             ("heavier", "lighter"), ("sink", "float"), ("dominant", "recessive"), ("herbivore", "carnivore")]


def plural(noun: str) -> str:
    """"box" -> "boxes", "body" -> "bodies"; a noun plural already ("gases", "tickets") stays."""
    if re.search(r"(?:[^s]s|ies)$", noun) and not re.search(r"(?:us|is|gas)$", noun):  # "gases", "bodies": already
        return noun
    if re.search(r"(?:s|sh|ch|x)$", noun):
        return noun + "es"
    return noun[:-1] + "ies" if re.search(r"[^aeiou]y$", noun) else noun + "s"


def stem(word: str) -> str:
    """A light suffix strip, the same on both sides of every comparison ('tadpoles' ~ 'tadpole', 'grows' ~ 'grow',
    'hoped' ~ 'hoping' ~ 'hope', 'carried' ~ 'carry', 'stopped' ~ 'stop'): a final e and a doubled last letter go too,
    so the forms of one verb meet."""
    w = word.lower().replace("'", "")
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"),
                         ("ing", ""), ("ed", ""), ("ly", ""), ("s", "")):
        rest = w[: len(w) - len(suffix)]
        verb = suffix in ("ing", "ed", "ied")  # "string" is no "str", "need" no "ne", "died" no "dy", "seed" no "se"
        if (w.endswith(suffix) and len(rest) >= 3 and not w.endswith(("ss", "eed"))
                and not (verb and not re.search(r"[aeiouy]", rest))):
            w = rest + keep
            break
    if len(w) >= 4 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]  # "hope", "hoped", "hoping" -> "hop"
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]  # "stopp(ed)", "bigg(er)" -> "stop", "big"
    return w


# Irregular forms a paraphrase or a passage uses for the same word ("ran" for "run", "better" for "good"). Only the
# lenient `base_forms` reads them: "left" or "saw" can be other words, so they never decide that a claim is proven.
IRREGULAR = dict(pair.split(":") for pair in """ran:run grew:grow grown:grow fell:fall fallen:fall ate:eat eaten:eat
flew:fly flown:fly swam:swim sang:sing began:begin begun:begin drank:drink wrote:write written:write rode:ride led:lead
chose:choose chosen:choose froze:freeze frozen:freeze built:build caught:catch taught:teach brought:bring bought:buy
thought:think felt:feel kept:keep lost:lose made:make met:meet paid:pay said:say sold:sell sent:send slept:sleep
spent:spend stood:stand told:tell understood:understand won:win woke:wake wore:wear worn:wear knew:know known:know
gave:give given:give took:take taken:take came:come went:go gone:go hid:hide hidden:hide broke:break broken:break
spoke:speak found:find heard:hear held:hold shook:shake threw:throw thrown:throw blew:blow drew:draw drove:drive
dug:dig fed:feed fought:fight hung:hang sank:sink shone:shine struck:strike swept:sweep tore:tear wept:weep
better:good best:good worse:bad worst:bad children:child mice:mouse feet:foot teeth:tooth geese:goose men:man sat:sit
women:woman people:person leaves:leaf wolves:wolf lives:life knives:knife halves:half farther:far""".split())


def base_forms(word: str) -> set[str]:
    """The stems a word may share with another form of itself: its own, its irregular base's, the stem without a
    comparative ending ('bigger', 'happiest' -> 'big', 'happy') or a leading "re" ('rereading' -> 'read'). Lenient
    on purpose ('mother' also yields 'moth'): it only stops the tutor from saying a passage lacks a word it has in
    another form, and never confirms a claim."""
    w = word.lower().replace("'", "")
    forms = {stem(w), stem(IRREGULAR.get(w, w))}
    if w.startswith("re") and len(w) > 6:
        forms.add(stem(w[2:]))  # "rereading" is a kind of "reading"
    if re.search(r"[^aeiou]ie[sd]$", w):
        forms.add(stem(w[:-3] + "y"))  # "flies", "tried": the stemmer keeps "fli", "tri", never "fly", "try"
    for suffix, keep in (("iest", "y"), ("ier", "y"), ("est", ""), ("er", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            forms.add(stem(w[: len(w) - len(suffix)] + keep))
            break
    return forms


def forms_of(text: str) -> set[str]:
    """Every base form of every content word in the text: what a fact or a question names, in any of its forms."""
    return {form for word, _ in content_tokens(text) for form in base_forms(word)}


# Everyday verbs a paraphrase uses freely: a claim is not 'absent' from a passage because it says "make" or "use".
COMMON = {stem(w) for w in """make made put give gave live use used uses using go goes went gone know knew want seem
talk stay start take took keep kept come came say said tell told feel felt think thought get got see saw look find
found call called try help need let become leave left turn show ask work play run move bring hold mean happen
include really thing obviously probably maybe instead already always usually yet somehow nothing anything everything
others without else""".split()}


TUTOR_STEMS = {stem(w) for w in TUTOR_WORDS} | TUTOR_WORDS


def content_tokens(text: str) -> list[tuple[str, str]]:
    """(word as written, its stem) for the words that carry meaning: no function words, contractions or letters."""
    tokens = re.findall(r"[a-z][a-z']*[a-z]|[a-z]", text.lower().replace("’", "'"))
    tokens = [re.sub(r"'s$", "", t) for t in tokens]  # "octopus's" is about the octopus
    return [(t, stem(t)) for t in tokens if t not in STOP and len(t) > 1 and "'" not in t]


def content_words(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order."""
    return [w for _, w in content_tokens(text)]


def spelled_out(text: str) -> str:
    """The text with its chat spellings written out ("bc the earth is tilted" -> "because the earth is tilted",
    "how many didnt get sold" -> "how many did not get sold"): a word typed as students type reads as written in
    full."""
    return CHAT_SPELLING.sub(lambda m: CHAT_SPELLINGS[m.group(0).lower()], text)


QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<!\w)'(?:[^']|(?<=\w)'(?=\w))*'(?!\w)")   # "doesn't" inside


def written_out(text: str, negations: bool = True) -> str:
    """A typed question or science claim with its chat written out (`spelled_out`, or without its negations
    `TYPED_SPELLINGS`, then "ur", "y", "r" and "n" as above): "y r leaves green bc ur" -> "why are leaves green
    because your". A quoted span is the passage's or the textbook's own words and stays as it is ("what does
    'doesn't pay the bill' mean")."""
    def out(part: str) -> str:
        part = YOU_ARE.sub("you are", WHY_TYPED.sub(lambda m: m.group(0)[:-1] + "why", part))
        part = spelled_out(part) if negations else \
            TYPED_SPELLING.sub(lambda m: TYPED_SPELLINGS[m.group(0).lower()], part)
        return BETWEEN.sub(lambda m: BETWEEN_WORDS[m.group().lower()], part)
    pieces, at = [], 0
    for quote in QUOTED.finditer(text):
        pieces += [out(text[at:quote.start()]), quote.group()]
        at = quote.end()
    return "".join(pieces + [out(text[at:])])


def without_chat(question: str) -> str:
    """A typed question without the chat around it ("idk why r the doors underwater tho" -> "why r the doors
    underwater"); the question as it was when nothing else is left."""
    asked = CHAT_AFTER.sub("", CHAT_BEFORE.sub("", question))
    return asked if asked.strip() else question


def has_negation(text: str) -> bool:
    return NEGATION.search(text.replace("’", "'")) is not None


def main(argv: list[str]) -> None:
    if len(argv) != 1 or argv[0] in ("-h", "--help"):
        sys.exit(__doc__)
    print("content words:", " ".join(f"{word}:{stem}" for word, stem in content_tokens(argv[0])))
    print("denied:", has_negation(argv[0]))


if __name__ == "__main__":
    main(sys.argv[1:])
