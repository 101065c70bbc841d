"""The shipped spaCy pipeline `news_en`: tokenizer, PTB tagger, NER, rule lemmatizer.

The model lives in `corroborate/nlp/models/news_en/` (trained by
`corroborate.nlp.training.ner`) and is loaded from the package directory only, once, on first
use. Nothing here touches the network.

After the statistical NER, two small general rules (`add_news_rules`) fix patterns that news
uses all the time and CoNLL-2003 (1996 Reuters) barely has. Neither is a list of names:

- "<Name> region/oblast/province/..." is one LOC span including the administrative word
  ("Kursk region", "Zaporizhzhia oblast");
- a PERSON span loses leading titles ("Gen.", "Governor"), as CoNLL annotates them, and a
  one-word PERSON right after a locative preposition ("in X", "near X") is a place;
- within one document, a lone surname of a PERSON named in full is PERSON, and a name seen
  with several labels takes its most frequent one.
"""

from __future__ import annotations

import gc
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.attrs import LOWER, ORTH, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from corroborate.errors import ModelError
from corroborate.nlp.fastpath import speed_up
from corroborate.nlp.names import ADMIN_WORDS, NAME_PARTICLES

MODEL_NAME = "news_en"
MODEL_DIR = Path(__file__).resolve().parent / "models" / MODEL_NAME

_PROPER_TAGS = frozenset({"NNP", "NNPS"})
# The same sets as string hashes, to find the few candidate tokens in `doc.to_array` columns
# without creating a Token object per token (most of these components' time otherwise).
_ADMIN_WORD_IDS = frozenset(get_string_id(w) for w in ADMIN_WORDS)
_PROPER_TAG_IDS = frozenset(get_string_id(t) for t in _PROPER_TAGS)
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|an|ern)$")

# Titles that precede a name but are not part of it (CoNLL-2003 leaves them outside PER).
TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "gen", "general",
        "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain", "sgt", "sergeant",
        "adm", "admiral", "cmdr", "commander", "marshal", "gov", "governor", "sen", "senator",
        "rep", "president", "vice", "prime", "minister", "chancellor", "premier", "mayor", "king",
        "queen", "prince", "princess", "pope", "ambassador", "secretary", "chairman", "chairwoman",
        "chair", "speaker", "deputy", "judge", "justice", "father", "rev", "reverend", "sheikh",
        "emir", "patriarch", "metropolitan", "spokesman", "spokeswoman", "det", "detective",
        "supt", "superintendent", "insp", "inspector", "constable",
    }
)  # fmt: skip
_BARE_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr"})
# titles the model sometimes tags as a person on their own
_TITLES_ALONE = TITLES | {"leader", "chief", "head", "director"}
# Prepositions after which a lone capitalised word names a place ("fighting near X").
LOCATIVE_PREPS = frozenset({"in", "near", "outside", "around", "into", "towards", "toward"})
# "from" is locative after a verb of movement ("fled from X"), not after "a call from X".
MOTION_LEMMAS = frozenset(
    {"evacuate", "flee", "withdraw", "retreat", "return", "arrive", "travel", "drive", "expel",
     "deport", "escape", "leave", "move", "relocate", "push", "oust", "fly", "evict"}
)  # fmt: skip

_lock = threading.Lock()
_nlp: Language | None = None


@Language.component("corroborate_admin_regions")
def admin_regions(doc: Doc) -> Doc:
    """Make "<Proper name> region" (and oblast, province, ...) one LOC entity."""
    new: list[Span] = []
    lowers = doc.to_array(LOWER).tolist()
    for i in [i for i, lower in enumerate(lowers) if lower in _ADMIN_WORD_IDS and i > 0]:
        tok = doc[i]
        start = tok.i
        # Walk back over the proper name: capitalised tokens the tagger calls NNP(S), or tokens
        # already inside an entity, joined by hyphens ("Ivano-Frankivsk").
        j = tok.i - 1
        while j >= 0:
            prev = doc[j]
            named = (
                prev.is_alpha
                and prev.text[:1].isupper()
                and (prev.tag_ in _PROPER_TAGS or prev.ent_type_ in {"LOC", "ORG", "PERSON"})
            )
            hyphen = prev.text == "-" and j > 0 and doc[j - 1].text[:1].isupper()
            if not (named or hyphen) or tok.i - j > 4:
                break
            start = j
            j -= 1
        while start < tok.i and doc[start].text == "-":
            start += 1
        if start == tok.i:
            continue
        # An adjective of nationality or direction ("a Russian region", "the Western region")
        # is not a place name.
        if (
            tok.i - start == 1
            and _DEMONYM.search(doc[start].text)
            and (
                doc[start].ent_type_ == "MISC"
                or doc[start].tag_ == "JJ"
                or not doc[start].ent_type_
            )
        ):
            continue
        # Keep the left edge of an entity the name is part of ("Ivano-Frankivsk").
        first = doc[start]
        if first.ent_iob_ == "I" and first.ent_type_ in {"LOC", "ORG", "PERSON"}:
            k = start
            while k > 0 and doc[k].ent_iob_ == "I":
                k -= 1
            start = k
        new.append(Span(doc, start, tok.i + 1, label="LOC"))
    if new:
        kept = [e for e in doc.ents if not any(e.start < n.end and n.start < e.end for n in new)]
        doc.ents = filter_spans([*new, *kept])
    return doc


def _locative(doc: Doc, i: int) -> bool:
    prep = doc[i]
    if prep.lower_ in LOCATIVE_PREPS:
        return True
    return prep.lower_ == "from" and i > 0 and doc[i - 1].lemma_.lower() in MOTION_LEMMAS


@Language.component("corroborate_person_fixes")
def person_fixes(doc: Doc) -> Doc:
    """Trim titles off PERSON spans; a lone PERSON word after "in"/"near"/... is a LOC.

    Any entity that starts with an abbreviated title ("Gen.", "Dr.", "Mr") followed by a
    capitalised word is a person, whatever label the model gave it.
    """
    changed = False
    ents: list[Span] = []
    for ent in doc.ents:
        first = ent[0]
        if (
            ent.label_ != "PERSON"
            and len(ent) > 1
            and first.lower_.rstrip(".") in TITLES
            and (first.text.endswith(".") or first.lower_ in _BARE_ABBREVIATIONS)
            and ent[1].is_title
        ):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
            changed = True
        if ent.label_ != "PERSON":
            ents.append(ent)
            continue
        if all(t.lower_.rstrip(".") in _TITLES_ALONE for t in ent):
            changed = True  # "said Leader of the Opposition Rahul Gandhi": "Leader" is no one
            continue
        start = ent.start
        while start < ent.end - 1 and doc[start].lower_.rstrip(".") in TITLES:
            start += 1
        if start != ent.start:
            ent = Span(doc, start, ent.end, label="PERSON")
            changed = True
        after = doc[ent.end] if ent.end < len(doc) else None
        if (
            len(ent) == 1
            and ent.start > 0
            and _locative(doc, ent.start - 1)
            and not (after is not None and after.tag_ == "POS")
        ):
            ent = Span(doc, ent.start, ent.end, label="LOC")
            changed = True
        ents.append(ent)
    joined = _whole_names(doc, _hyphen_joined(doc, ents))
    if joined != ents:
        changed, ents = True, joined
    if changed:
        doc.ents = filter_spans(ents)
    return doc


def _hyphen_joined(doc: Doc, ents: list[Span]) -> list[Span]:
    """Two entities glued by a hyphen are one name: "Al-Shifa Hospital", "Al-Awda Hospital"
    (the tokenizer splits at the hyphen and the model labels "Al" apart). The label is the
    one of the part that holds the head noun, the last, or PERSON if either part is one."""
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and ent.start == prev.end + 1
            and doc[prev.end].text == "-"
            and not doc[prev.end - 1].whitespace_
            and not doc[prev.end].whitespace_
        ):
            person = "PERSON" in {prev.label_, ent.label_}  # "Douglas Holtz" + "Eakin"
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON" if person else ent.label_)
        else:
            out.append(ent)
    return out


def _whole_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A PERSON the model cut short gets its other parts back.

    - split at a hyphen: "Karin Keller-Sutter", "Jean-Pierre Raffarin" (the tokenizer splits
      "Keller-Sutter" in three and the model labels the parts apart: "Karin Keller" and
      "Sutter", or "Alexandria Ocasio" an ORG); an entity on the other side of the hyphen
      joins the person whatever its label;
    - a surname behind a particle: "Rubén del Campo", "Ursula von der Leyen" (the model stops
      at "del");
    - a first name before a middle initial: "U.S. Attorney Philip R. Sellinger" (the model
      put "Philip" in an ORG with the title and started the person at "R.").
    The tokens taken are removed from any other entity that held them.
    """
    if not any(e.label_ == "PERSON" for e in ents):
        return ents
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    n = len(doc)

    def hyphen(i: int) -> bool:  # doc[i] is a hyphen glued to capitalised words on both sides
        return (
            0 < i < n - 1
            and doc[i].text == "-"
            and not doc[i - 1].whitespace_
            and not doc[i].whitespace_
            and doc[i - 1].is_title
            and doc[i + 1].is_title
        )

    def article(i: int) -> bool:  # doc[i] is "al-"/"el-" glued to a capitalised word
        return (
            i < n - 2
            and doc[i].lower_ in _GLUED_ARTICLES
            and doc[i + 1].text == "-"
            and not doc[i].whitespace_
            and not doc[i + 1].whitespace_
            and doc[i + 2].is_title
        )

    def particles(i: int) -> int:  # how many name particles start at doc[i], before a name
        if article(i):
            return 2  # "Abdel Fattah al-Burhan": the tokenizer splits "al-Burhan" in three
        k = i
        while k < n and doc[k].lower_ in NAME_PARTICLES and doc[k].is_lower:
            k += 1
        return k - i if k > i and k < n and doc[k].is_title else 0

    grown: list[Span] = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start, ent.end
        while True:
            if hyphen(end):
                other = by_token.get(end + 1)
                end = other.end if other is not None else end + 2
            elif skipped := particles(end):
                end += skipped + 1
            else:
                break
        while hyphen(start - 1):
            other = by_token.get(start - 2)
            start = other.start if other is not None else start - 2
        if start >= 2 and article(start - 2):
            start -= 2  # "al-Sudani" whole
        if (
            start > 0
            and doc[start].lower_ in _GLUED_ARTICLES
            and doc[start - 1].whitespace_
            and (before := by_token.get(start - 1)) is not None
            and before.end == start
            and before.label_ in {"PERSON", "MISC"}
        ):
            start = before.start  # "Khalid al-Aiser": the model took "Khalid" for MISC
        first = doc[start]
        if (
            start > 0
            and len(first.text) == 2
            and first.text[0].isupper()
            and first.text[1] == "."
            and doc[start - 1].is_title
            and doc[start - 1].lower_ not in TITLES
            and (held := by_token.get(start - 1)) is not None
            and held.label_ == "ORG"
            and held.end == start
        ):
            # "U.S. Attorney Philip R. Sellinger": the model put "Philip" in an ORG with the
            # title and started the person at "R."
            start -= 1
        if (start, end) != (ent.start, ent.end):
            grown.append(Span(doc, start, end, label="PERSON"))
    if not grown:
        return ents
    taken = {i for g in grown for i in range(g.start, g.end)}
    out: list[Span] = list(grown)
    for e in ents:
        if not any(i in taken for i in range(e.start, e.end)):
            out.append(e)
        elif e.label_ != "PERSON":
            # keep what the grown name did not take: "U.S. Attorney [Philip]" -> "U.S. Attorney"
            keep = [i for i in range(e.start, e.end) if i not in taken]
            if keep and keep == list(range(keep[0], keep[-1] + 1)):
                out.append(Span(doc, keep[0], keep[-1] + 1, label=e.label_))
    return sorted(out, key=lambda e: e.start)


# the Arabic article, written glued to the name by a hyphen: "al-Sudani", "el-Sisi"
_GLUED_ARTICLES = frozenset({"al", "el"})


@Language.component("corroborate_doc_consistency")
def doc_consistency(doc: Doc) -> Doc:
    """One name, one label per document.

    News names a person in full once and by surname afterwards ("Oleksandr Syrskyi ...
    Syrskyi said"), and repeats names the model labels inconsistently. Within one document:
    a word that is the surname of a multi-word PERSON is PERSON wherever it stands alone, and
    an entity text seen with several labels takes its most frequent one.
    """
    ents = list(doc.ents)
    if not ents:
        return doc
    # Each entity's text and label read once: a Span builds them anew on every access.
    texts = [e.text for e in ents]
    labels = [e.label_ for e in ents]
    surnames = {
        e[-1].text
        for e, label in zip(ents, labels, strict=True)
        if label == "PERSON" and len(e) > 1 and e[-1].is_title
    }
    votes: dict[str, Counter[str]] = {}
    for text, label in zip(texts, labels, strict=True):
        votes.setdefault(text, Counter())[label] += 1
    # The label an entity text takes wherever it stands: its most frequent, unless tied.
    winners: dict[str, str] = {}
    for text, tally in votes.items():
        (top, top_n), *rest = tally.most_common()
        if not rest or top_n > rest[0][1]:
            winners[text] = top
    out: list[Span] = []
    changed = False
    covered = {i for e in ents for i in range(e.start, e.end)}
    for e, text, old in zip(ents, texts, labels, strict=True):
        label = "PERSON" if len(e) == 1 and text in surnames else winners.get(text, old)
        if label != old:
            e = Span(doc, e.start, e.end, label=label)
            changed = True
        out.append(e)
    if surnames:
        surname_ids = {doc.vocab.strings[s] for s in surnames}
        for i, (orth, tag) in enumerate(doc.to_array([ORTH, TAG]).tolist()):
            if i not in covered and orth in surname_ids and tag in _PROPER_TAG_IDS:
                out.append(Span(doc, i, i + 1, label="PERSON"))
                changed = True
    if changed:
        doc.ents = filter_spans(out)
    return doc


def add_news_rules(nlp: Language) -> Language:
    """Put the post-NER rules after `ner` (used by `load` and by the evaluation)."""
    nlp.add_pipe("corroborate_person_fixes", after="ner")
    nlp.add_pipe("corroborate_admin_regions", after="corroborate_person_fixes")
    nlp.add_pipe("corroborate_doc_consistency", after="corroborate_admin_regions")
    return nlp


def load() -> Language:
    """The shipped pipeline, loaded once per process from the package directory."""
    global _nlp
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is None:
            if not (MODEL_DIR / "meta.json").is_file():
                raise ModelError(
                    f"The NER/POS model {MODEL_NAME!r} is missing from {MODEL_DIR}. "
                    "Reinstall corroborate, or rebuild it with "
                    "`python -m corroborate.nlp.training.ner train ../shared/data`."
                )
            try:
                nlp = spacy.load(MODEL_DIR)
            except Exception as exc:  # spaCy raises many types; say which model and why
                raise ModelError(
                    f"The model {MODEL_NAME!r} in {MODEL_DIR} could not be loaded ({exc}). "
                    "It may be from another spaCy version: reinstall corroborate or retrain it "
                    "with `python -m corroborate.nlp.training.ner train ../shared/data`."
                ) from exc
            # Same outputs, about twice as fast: see `corroborate.nlp.fastpath`.
            _nlp = add_news_rules(speed_up(nlp))
            # The model's few hundred thousand objects live as long as the process: kept out
            # of the garbage collector's full passes, which otherwise walk them all every
            # hundred articles or so (about 1 ms per article, measured in RESULTS.md).
            gc.freeze()
    return _nlp


def parse(text: str) -> Doc:
    """Tokens, PTB tags (`tag_`), UPOS (`pos_`), lemmas and entities for one text."""
    return load()(text)


# Texts per batch through the network layers. Measured (benchmarks/RESULTS.md): 4-8 news
# articles a batch parse ~10% faster than 32 or 64, whose layer outputs (tens of MB) are
# allocated afresh for every batch and paid for in page faults; a single text pays the
# per-call costs alone. Results are the same at any batch size.
PARSE_BATCH = 8


def parse_many(texts: Iterable[str], *, batch_size: int = PARSE_BATCH) -> Iterator[Doc]:
    """`parse` over many texts, batched (same results as one by one)."""
    yield from load().pipe(texts, batch_size=batch_size)
