"""Character traits and the deeds that show them: a reading verdict on "What kind of friend is Maya?" rests on what
the character does in the text ("kind because she shared her grapes" where she shares), never on the trait word
alone. Each family names its traits both ways (kind / mean, hardworking / lazy) and the deeds that show each side.
`weigh_trait` decides with these (reading_verdict.weigh asks it of a trait question); a trait no family knows is left
to the other checks."""
from __future__ import annotations

import re

from evidence import Verdict
from text_words import COMMON, STOP, content_tokens, content_words, forms_of, stem
from own_words import own_words, word_forms
from passages import named_feelings, window
from people import characters
from meaning_match import near_in_meaning, unfound

TRAIT_ASKED = re.compile(r"\bwhat kind of (?:an? )?(?:\w+ )?(?:person|friend|sister|brother|kid|boy|girl|character|"
                         r"student|neighbou?r|teammate|son|daughter|leader|helper|classmate)\b|\bcharacter traits?\b|"
                         r"\bwhat (?:is|was) [A-Z][a-z]+ like\b|\bwhat (?:word|trait) (?:best )?describes [A-Z]|"
                         r"\bwhat kind of (?:an? )?\w+ (?:is|was) (?-i:[A-Z][a-z]+)\b|"  # "of runner is Jonah"
                         r"\bshows? (?:you |us )?about (?:(?-i:[A-Z][a-z]+)['’]s|his|her|their) "
                         r"(?:character|personality)\b",
                         re.I)

# family: (its traits, their opposites, deeds that show the traits, deeds that show the opposites)
FAMILIES = {
    "kind": ("kind friendly caring generous helpful nice thoughtful sweet loyal welcoming gentle loving considerate "
             "unselfish good giving", "mean selfish rude unkind cruel greedy bossy unfriendly nasty",
             # what a character does for or to someone ("shared his bag of grapes", "laughed at him")
             r"\b(?:shar|gave|give|giv|handed|help|comfort|invit|hug|thank|welcom|lent|lend|offer|forgiv|apologi|"
             r"rescu|sav|protect|cheer|wiped|sat (?:beside|with|next to)|split|broke [^.]{0,30}\bin half|"
             r"enough for (?:two|both|all|everyone)|"
             r"(?:slid|passed) [^.]{0,40}\b(?:to|toward|towards) (?!the\b)|"
             r"(?:carri|brought)\w* [^.]{0,40}\bto (?:Mr|Mrs|Ms|her|his)|"
             r"(?:told|read|sang) (?:\w+ )?(?:him|her|them|\w+) "
             r"(?:a )?(?:stor|song))\w*",
             # "took a slow breath", "took a step back": no taking from anyone
             r"\b(?:(?:took|tak\w*)(?! (?:a |an |one |her |his |their |another )?(?:\w+ )?(?:breath|step|look|seat|"
             r"turn|nap|walk|bite|sip|moment|rest|photo|picture|bow))|grab|push|shov|teas|laugh\w* at|ignor|yell|hit|"
             r"kick|stole|steal|snatch|refus|mock|blam|tripp|broke(?! [^.]{0,30}\bin half))\w*"),
    "hardworking": ("hardworking diligent determined dedicated", "lazy",
                    r"\b(?:practi[cs]|stud(?:y|ied|ies)|work(?:ed|s)? hard|train(?:ed|s)?\b|every (?:night|day|morning|"
                    r"afternoon|evening)|kept (?:trying|going|practi)|again and again)\w*",
                    r"\b(?:gave up|quit|skipp|didn'?t (?:practi|stud|try))\w*"),
    "curious": ("curious inquisitive interested", "uninterested incurious",
                r"\b(?:peek|peer|explor|wonder|investigat|ask(?:ed|s)? (?:about|why|what|how|where)|"
                r"want(?:s|ed)? to (?:find|know|learn|discover|explore|see what)|could you tell me|"
                r"(?:look|peek|peer)\w* (?:inside|closer|through|into)|curious)\w*",
                r"\b(?:hurried past|ignor|walked past|ran past)\w*"),
    "brave": ("brave courageous bold fearless", "cowardly timid",
              r"\b(?:rescu|stood up|dove|dived|jumped in|faced|spoke up|volunteer|"
              r"even though (?:he|she|they) (?:was|were) (?:scared|afraid))\w*",
              r"\b(?:ran away|hid|trembl|refused to go)\w*"),
    "honest": ("honest truthful trustworthy sincere", "dishonest sneaky deceitful",
               # owning up to what one did ("said he was sorry", "gave the wallet back"), or hiding it
               r"\b(?:told (?:\w+ )?(?:the )?truth|admit|confess|owned up|own up|apologi|return|"
               r"(?:turned|handed) (?:\w+ ){0,2}in\b|"
               r"(?:said|told [\w.]+(?: \w+)?) (?:(?:that )?(?:he|she|they|I) (?:was|were|am) )?sorry|"
               r"gave (?:\w+ ){0,2}back|(?:gave|handed|took|brought)\b[^.]{0,60}\bowner)\w*",
               r"\b(?:lied|lying|lie to|cheat|stole|steal|pretend|blamed|kept (?:it )?(?:a )?secret)\w*"),
}
TRAITS = {word: (family, sign) for family, (good, bad, _, _) in FAMILIES.items()
          for words, sign in ((good, 1), (bad, -1)) for word in words.split()}
REASON_BREAK = re.compile(r"\s*(?:\bbecause\b|\bsince\b|\bbc\b|\bcuz\b|\bcoz\b|,|"
                          r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)\.\s|\bwhen\b|"
                          r"\bby\b|\s(?=(?-i:She|He|They)\b))\s*", re.I)  # "generous. She gives ...": its deed
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}  # "Mrs. Alvarez" is Alvarez in the lines she acts in
# "told him stories so he ...", "looked in when the others ran past": the act first, its aim or moment aside
AIM = re.compile(r"\s+(?:so|so that|to make|because|since|when|while|after|before)\s+", re.I)


# "she's kind of mean", "sort of shy": a hedge, not the trait "kind" (read as kind, a mean answer was asked to show
# kindness, giving the story's trait away)
HEDGE = re.compile(r"\b(?:kind|sort)\s+of\b|\b(?:kinda|sorta)\b", re.I)


def trait_named(text: str) -> tuple[str, int]:
    """The family and side of the first trait a text names ("friendly", not "friend"), or ("", 0)."""
    return next((TRAITS[w] for w, _ in content_tokens(HEDGE.sub(" ", text)) if w in TRAITS), ("", 0))


# "Nia wanted to yell, but she took a slow breath instead": a deed wanted, begun or nearly done, then not done, is
# no deed of the character; what they did instead (after the "but") is. It had confirmed "mean, she wanted to yell".
UNDONE = re.compile(r"\b(?:wanted|was about|were about|was going|were going|meant|started|began|almost|nearly)\b"
                    r"[^.;!?]*?,?\s+but\b", re.I)


# a deed denied just before it ("didn't quit", "never gave up", "did not laugh at him"): the other side's deed
NOT_DONE = re.compile(r"\b(?:didn'?t|did not|never|wouldn'?t|would not|won'?t)\s+(?:ever\s+)?$", re.I)


def shows(family: str, text: str) -> int:
    """+1 when the text tells a deed showing the family's traits ("shared", "practiced every night"), -1 for one
    showing their opposite ("grabbed", "gave up"), 0 for neither or both; a deed not done (`UNDONE`) shows nothing."""
    if family not in FAMILIES:
        return 0
    _, _, good, bad = FAMILIES[family]
    text = UNDONE.sub("", text)
    denied = [m.span() for m in re.finditer(bad, text, re.I) if NOT_DONE.search(text[:m.start()])]  # "didn't quit"
    kept = "".join(text[a:b] for a, b in zip([0, *(e for _, e in denied)], [*(a for a, _ in denied), len(text)]))
    return int(bool(re.search(good, text, re.I) or denied)) - int(bool(re.search(bad, kept, re.I)))


def deed_sign(text: str) -> int:
    """+1 for a kind deed ("shared", "gave him her cone"), -1 for a mean one ("grabbed", "laughed at"), 0 else."""
    return shows("kind", text)


PERSON = re.compile(r"\b([A-Z][a-z]+|[Hh]e|[Ss]he|[Tt]hey)('s)?\b")


FIRST_PERSON = re.compile(r"\bI\b")


def written_by(name: str, sentences: list[str]) -> bool:
    """Is the asked character the writer of a text told in the first person ("Love, Theo" after lines of "I", the
    greeting and the signature set aside by passages.body): no line names them, and two lines or more say "I"."""
    return not any(re.search(rf"\b{re.escape(name)}\b", s) for s in sentences) and sum(
        bool(FIRST_PERSON.search(s)) for s in sentences) >= 2


def acts_in(name: str, sentences: list[str], i: int) -> bool:
    """Does the named character act in sentence i: the first person it names (a possessive names someone else: in
    "Rosa's brother dropped his ice cream" he acts), or, for a pronoun first, the last person named before it (the
    owner, when only an owner was named: "Leo's hands shook ... He sat down" is Leo sitting)?"""
    if written_by(name, sentences):  # a letter or diary its writer signs: every "I" line is theirs
        return bool(FIRST_PERSON.search(sentences[i]))
    people = set(characters(sentences)) | {name}
    for found in PERSON.finditer(sentences[i]):
        word, owner = found.group(1), found.group(2)
        if word in ("He", "he", "She", "she", "They", "they"):  # the last person named; an owner when no other is
            before = [(w, o) for s in reversed(sentences[:i]) for w, o in PERSON.findall(s) if w in people]
            return next((w for w, o in before if not o), next((w for w, _ in before), None)) == name
        if word in people:
            return word == name and not owner
    # a line of speech naming no one goes on with the speaker of the line before ('"Come in," he said. "There is ..."')
    return i > 0 and bool(re.match(r"\s*[\"“]", sentences[i])) and acts_in(name, sentences, i - 1)


def told_there(act: str, question: str, sentences: list[str], i: int) -> bool:
    """Is the deed told at sentence i (whose deed shows the trait as the student's act does): every word of it in
    the text (common verbs aside: "went and said sorry"), one in the sentence or the three before
    ("gave Tomas her ice cream" for "she handed it to him": who and what are named a few lines up)?"""
    own = [w for w in own_words(act, question) if stem(w) not in COMMON]
    told = forms_of(" ".join(sentences))
    return all(word_forms(w) & told for w in own) and (
        not own or any(word_forms(w) & forms_of(window(sentences, i, 3)) for w in own))


def named_in(question: str, sentences: list[str] = ()) -> str | None:
    """The character a question names: its first capitalised word that is no question word or title, else a
    character of the text the question names in lower case ("what kind of person is leo?": Leo)."""
    asked = set(re.findall(r"[a-z]+", question.lower()))
    return next((w for w in re.findall(r"\b[A-Z][a-z]+\b", question) if w.lower() not in STOP | TITLES), None) or next(
        (w for w in [*characters(sentences), *re.findall(r"\b[A-Z][a-z]+\b", " ".join(sentences))]
         if w.lower() in asked and w.lower() not in STOP | TITLES), None)


def weigh_trait(claim: str, question: str, sentences: list[str], verdict: Verdict) -> tuple[Verdict, str]:
    """A trait is right when the character's deed the student names (its aim aside) is told where the character acts
    and shows the trait's side of its family (traits.py): "hardworking, she practiced every night". A true deed with
    no trait is a step; an untold deed where the character's deeds show only the other side ("lazy" where she
    practiced every night) is contradicted by that deed; the right trait without its deed gets status 'trait'."""
    name = named_in(question, sentences)
    trait, *deed = REASON_BREAK.split(claim, maxsplit=1)
    family, sign = trait_named(trait)
    act = AIM.split(deed[0])[0] if deed and deed[0] and own_words(deed[0], question) else ""
    acted = [i for i in range(len(sentences)) if name and acts_in(name, sentences, i)]
    found = [i for i in acted if act and shows(family, act) and shows(family, sentences[i])
             and told_there(act, question, sentences, i)]  # "kept the money" is no deed of the sentence after it
    if sign and found and shows(family, act) == sign == shows(family, sentences[found[0]]):
        return Verdict("supported", sentences[found[0]]), "answer"
    against = [i for i in acted if shows(family, sentences[i]) == -sign]
    if sign and not found and against and not any(shows(family, sentences[i]) == sign for i in acted):
        return Verdict("contradicted", sentences[against[0]]), ""
    backs = [i for i in acted if shows(family, sentences[i]) == sign]
    told = [w for w in own_words(act, question) if stem(w) not in COMMON and word_forms(w) & forms_of(
        window(sentences, backs[0], 1))] if backs and act else []  # "returned the wallet": he gave the wallet
    # the deed in the student's own words ("didn't quit" where she kept going) names nothing the text lacks
    own = bool(act) and not unfound(own_words(act, question), sentences, act)
    if sign and not found and backs and not against and act and shows(family, act) in (0, sign) and (told or own):
        return Verdict("supported", sentences[backs[0]]), "answer"  # the right trait the text's deeds show
    if sign and not found and backs and not against:  # no deed yet (asked for), one not the text's, the other side's
        return Verdict("unclear" if act else "supported", sentences[backs[0]]), "trait"
    if sign and not found and not backs and not against:
        return Verdict("unclear", verdict.sentence), "deed"  # no deed here this family knows: ask which one shows it
    if not sign and act and (told_at := deed_of_unlisted(trait, act, name, question, sentences)) is not None:
        return Verdict("supported", sentences[told_at]), "answer"  # "a problem solver: she stops and thinks ..."
    if not sign and verdict.label == "supported":
        return verdict, "step"  # "he shared his grapes": the clue, not yet the kind of friend
    if not deed and len(content_words(trait)) == 1 and verdict.label != "contradicted":
        return Verdict("unclear", verdict.sentence), "deed"  # "he is honest", no deed the text decides: ask for it
    return (Verdict("unclear", verdict.sentence, verdict.missing) if verdict.label == "supported" else verdict), ""


# a trait said against the character: "careless", "impatient", "unkind", "not brave", and the everyday faults no
# family lists ("stubborn", "a quitter"); a family's bad side ("lazy", "mean") is weighed by the family's deeds
AGAINST = re.compile(r"\b(?:un|im|in|dis|ir|il)[a-z]{4,}\b|\b[a-z]{3,}less\b|\bnot\b|n't\b|\b(?:stubborn|clumsy|"
                     r"forgetful|nosy|spoiled|bull(?:y|ies)|quitters?|show-?off|weak|dumb|stupid|silly|annoying|"
                     r"jealous|boring|foolish|cranky|whiny|crybaby|coward|sloppy|messy|wasteful|pushy|picky)\b", re.I)


def deed_of_unlisted(trait: str, act: str, name: str | None, question: str, sentences: list[str]) -> int | None:
    """The line telling the deed a student gives for a trait no family lists ("a problem solver, she stops and
    thinks and then asks for a ladder"): the named character acts there, every word of the deed is in the text but
    one at most (of three or more), and two or more are in that line. The reader's own word for
    what the deed shows is theirs to choose, unless it is said against the character (`AGAINST`) or names a trait
    of a family's bad side (those are weighed by the family's deeds)."""
    words = [w for w in content_words(trait) if name is None or w.lower() != name.lower()]
    own = [w for w in own_words(act, question) if stem(w) not in COMMON]
    if not name or not words or AGAINST.search(trait) or named_feelings(trait) or len(own) < 2:
        return None  # "shy because he ate alone": a feeling is weighed by what the moment shows (inferred.py)
    told = forms_of(" ".join(sentences))
    if sum(not word_forms(w) & told for w in own) > (1 if len(own) >= 3 else 0):
        return None
    return next((i for i in range(len(sentences)) if acts_in(name, sentences, i) and sum(
        bool(word_forms(w) & forms_of(sentences[i])) for w in own) >= 2), None)


SHORT_DEED = 8  # words: a deed this short is quoted back when the story does not show the trait by it


def trait_move(claim: str, question: str, sentences: list[str], shown: str | None) -> str:
    """A trait without the deed the text tells is neither confirmed nor rejected: the deed that shows it is asked
    for, the act they named (if any) is said not to be in the story or not to show it, and the place of a sentence
    whose deed shows it (`shown`, when the text's deeds decide the trait) is pointed to, never quoted."""
    trait, *deed = REASON_BREAK.split(HEDGE.sub(" ", claim), maxsplit=1)
    word = next((w for w, _ in content_tokens(trait) if w in TRAITS), None) or content_words(trait)[0]
    name = named_in(question, sentences) or "the character"
    act = AIM.split(deed[0])[0].strip(" .") if deed and deed[0] else ""
    told = act and all(word_forms(w) & forms_of(" ".join(sentences)) for w in own_words(act, question)
                       if stem(w) not in COMMON)
    fits = told and shows(*trait_named(trait)[:1], act) == trait_named(trait)[1]  # the right deed, told elsewhere
    if act and not told and near_in_meaning(act, question, sentences):  # the deed in their words: its line asked
        where = shown or "the story"
        return f"\"{word.capitalize()}\" may fit {name}. Which words in {where} show that {act}?"
    unsaid = ((f" The story does say \"{act}\", but that does not show it." if told else
               f" The story does not say \"{act}\", though.") if act and len(act.split()) <= SHORT_DEED and not fits
              else "")
    if shown:
        return (f"\"{word.capitalize()}\" may fit {name}.{unsaid} A trait is shown by what a character does: what does "
                f"{name} do that shows it? Read {shown}.")
    return (f"What does {name} do in the story that shows {name} is {word}?{unsaid} A trait is shown by what a "
            f"character does: find the part where {name} does it.")
