"""Paragraph and sentence segmentation for news text: rules, no model.

A news text usually has one paragraph per line, so every line break ends a paragraph, except
where a line is plainly cut short: a dateline ending in a dash ("KYIV, Aug 13 —"), or a long
hard-wrapped line whose continuation starts in lower case. Sentences never cross a paragraph,
so a headline or heading without final punctuation is a sentence of its own.

Inside a paragraph a sentence ends at `.`, `!`, `?` or an ellipsis followed by white space and
something that can start a sentence (a capital, a digit, an opening quote or bracket). Closing
quotes and brackets right after the terminator stay with the sentence they close. A period after
an abbreviation does not end a sentence: titles ("Mr.", "Gen.", "Lt. Col."), months and "No."
before a number, "e.g."; after initials and dotted acronyms ("J. R. Smith", "U.S.", "p.m.") it
ends one only when the next word is one that typically starts a sentence ("the U.S. The ...").
A question or exclamation closed by a quote and followed by its attribution does not end the
sentence ("“Why now?” Zelensky asked."). Informal text gets two lower-case allowances: a bare
"?" or "!" ends a sentence before anything, and a full stop after a plain word before "i",
"we", "it", ... ends one too.

Every span indexes the original text; nothing is rewritten, and spans carry no white space at
either end.
"""

from __future__ import annotations

import re

from corroborate.model import Span

__all__ = ["segment", "split_paragraphs", "split_sentences"]

# --- paragraphs -------------------------------------------------------------------------------

_LINE = re.compile(r"[^\r\n\u2028\u2029]+")
# A line that ends like this is cut short: the next line continues it.
_CUT_SHORT = re.compile(r"(?:[—–]|\s-)\s*$")
_WRAPPED_MIN = 40  # a hard-wrapped line is long; a heading followed by lower case is not joined
_STARTS_LOWER = re.compile(r"\s*[a-z]")
_ENDS_CLAUSE = re.compile(r"[.!?…:;\"”’')\]]\s*$")


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans: each non-blank line, joined with the next when it is cut short."""
    lines: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        lines.append((start, start + len(stripped)))
    paragraphs: list[Span] = []
    cur_start: int | None = None
    cur_end = 0
    for index, (start, end) in enumerate(lines):
        if cur_start is None:
            cur_start = start
        cur_end = end
        if index + 1 < len(lines) and _continues(text, start, end, lines[index + 1]):
            continue
        paragraphs.append(Span(cur_start, cur_end, "paragraph"))
        cur_start = None
    return paragraphs


def _continues(text: str, start: int, end: int, following: tuple[int, int]) -> bool:
    """Whether the next line continues this one (same paragraph)."""
    between = text[end : following[0]]
    if between.count("\n") + between.count("\r") - between.count("\r\n") > 1:
        return False  # a blank line always separates paragraphs
    line = text[start:end]
    if _CUT_SHORT.search(line) and not line.lstrip().startswith(("-", "•", "*")):
        return True  # "KYIV, Aug 13 —" then the first sentence on the next line
    nxt = text[following[0] : following[1]]
    return (
        len(line) >= _WRAPPED_MIN
        and bool(_STARTS_LOWER.match(nxt))
        and not _ENDS_CLAUSE.search(line)
    )


# --- sentences --------------------------------------------------------------------------------

# A candidate end: terminator(s), closing quotes/brackets, then white space.
_CANDIDATE = re.compile(
    r"(?P<term>\.{3}|[.!?…‽]+)"
    r"(?P<close>(?:[”’»\"')\]]|\s+[”»](?=\s|$))*)"
    r"(?P<space>\s+)"
)
# Besides capitals and digits, what may start the next sentence.
_OPENING_MARKS = frozenset("“‘\"'([«¿¡#@*•–—-")
_WORD_BEFORE = re.compile(r"[\w.'’&-]*$")
_NEXT_WORD = re.compile(r"[“‘\"'(\[]?(?P<word>[\w’'-]+)(?P<after>.?)")
_QUOTE_ATTRIBUTION = re.compile(
    r"(?:[A-Z][\w.’'-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|wrote|writes|"
    r"replied|shouted|tweeted|declared|insisted|explained|cried|yelled|wondered)\b"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Before a name: the period never ends the sentence.
_TITLES = _words(
    """mr mrs ms messrs mme mlle dr prof gen lt col maj capt cpt cmdr cdr adm sgt cpl pvt brig gov
    sen rep reps sens rev fr hon pres supt insp det amb atty st mt ft ste drs vs v viz cf ca approx
    incl esp dept univ assn e.g i.e"""
)
# Before a number: "Jan. 5", "No. 10", "p. 12". Elsewhere they end sentences as usual.
_BEFORE_NUMBER = _words(
    """jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vols p pp art arts fig figs ch
    sec para ref tel pt pop ext"""
)
# Short forms that also end sentences: end one only before a typical sentence opener.
# US state abbreviations (AP style) that are not also common words are here too.
_AMBIGUOUS = _words(
    """jr sr inc ltd co corp bros llc plc al ave blvd rd ariz ark calif colo conn fla kan minn mich
    mont neb nev okla tenn tex wis wyo"""
)
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]")  # U.S, p.m, e.g, J
_TIME = frozenset({"a.m", "p.m"})
# After "p.m." these words continue the sentence ("at 3 p.m. Tuesday").
_AFTER_TIME = _words(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec et est edt ct cst cdt pt pst pdt gmt utc bst cet cest eet eest msk local"""
)
# Words that typically open a sentence; after an ambiguous abbreviation they mark a new one.
_STARTERS = _words(
    """the a an he she it they we i you his her its their our my your this that these those
    there here but and or so yet in on at for if when while after before as although though
    however meanwhile still also then now some many most such what why how who where one two
    three according during despite since until unless because both each every all no not
    neither nor last earlier later another other officials police"""
)

# Openers trusted after a full stop even in lower case (informal text).
_LOWER_STARTERS = _words("i we he she they you it this there my our his her their")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans inside `text[start:end]` (one paragraph), as offsets into `text`."""
    if end is None:
        end = len(text)
    sentences: list[Span] = []
    sent_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        boundary = match.start("space")
        next_start = match.end()
        if next_start >= end or not _is_boundary(text, match, sent_start, end):
            continue
        sentences.append(Span(sent_start, boundary, "sentence"))
        sent_start = next_start
    _append_stripped(sentences, text, sent_start, end)
    return sentences


def _append_stripped(sentences: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        sentences.append(Span(start + lead, start + lead + len(stripped), "sentence"))


def _is_boundary(text: str, match: re.Match[str], sent_start: int, end: int) -> bool:
    nxt = match.end()
    first = text[nxt]
    term = match.group("term")
    if not (first.isupper() or first.isdigit() or first in _OPENING_MARKS):
        # "peace… the sooner", "“Why?” she asked" go on; a bare "?" or "!" ends a sentence
        # even before lower case ("Are you kidding? why would you ...").
        if term[-1] in "!?":
            return not match.group("close") and first.isalpha()
        # Informal text starts sentences in lower case too ("for the party. i think"): a
        # full stop after a plain word, before a typical opener, is trusted.
        return term == "." and _lower_case_start(text, match, sent_start, end)
    if term in "!?‽" or term.endswith(("!", "?")):
        # "“Why now?” Zelensky asked." — the attribution belongs to the quote's sentence.
        return not (match.group("close") and _QUOTE_ATTRIBUTION.match(text, nxt, end))
    if term != ".":
        return True  # an ellipsis or "?!" before a capital
    word_match = _WORD_BEFORE.search(text, sent_start, match.start())
    if word_match is None:  # pragma: no cover - the pattern matches the empty string
        return True
    word = word_match.group().lstrip("-'’&.")
    if not word:
        return True
    word = word.rsplit("-", 1)[-1] or word  # "Missouri-St. Louis": the abbreviation after "-"
    low = word.lower()
    next_word = _NEXT_WORD.match(text, nxt, end)
    following = next_word.group("word") if next_word else ""
    next_is_number = following[:1].isdigit()
    if low in _TITLES:
        return False
    if low in _BEFORE_NUMBER:
        return not next_is_number
    if (
        word.isdigit()
        and len(word) <= 3
        and not text[sent_start : word_match.start()].strip(" \t•*-–—([")
    ):
        return False  # "1. First item" — a list number, not a sentence
    if low in _TIME:
        return following.lower() not in _AFTER_TIME
    if low in _AMBIGUOUS or _ACRONYM.fullmatch(word):
        return _starts_sentence(text, nxt, next_word)
    return True


def _lower_case_start(text: str, match: re.Match[str], sent_start: int, end: int) -> bool:
    before = _WORD_BEFORE.search(text, sent_start, match.start())
    word = before.group() if before else ""
    if not (len(word) >= 3 and word.isalpha() and word.islower()):
        return False  # "e.g.", "p.m.", "approx.": abbreviations, not sentence ends
    if word in _TITLES or word in _BEFORE_NUMBER or word in _AMBIGUOUS or word == "etc":
        return False
    following = _NEXT_WORD.match(text, match.end(), end)
    return bool(
        following
        and following.group("after") in " ,"
        and following.group("word") in _LOWER_STARTERS
    )


def _starts_sentence(text: str, pos: int, next_word: re.Match[str] | None) -> bool:
    """After an initial or acronym: a new sentence only before a typical opener."""
    if text[pos] in '“"‘':
        return True
    if next_word is None:
        return False
    word = next_word.group("word")
    if next_word.group("after") == ".":
        return False  # another initial: "J. R. Smith"
    return word.lower() in _STARTERS or word[:1].isdigit()


def segment(text: str) -> tuple[list[Span], list[Span]]:
    """Split `text` into (paragraphs, sentences); every sentence lies inside one paragraph."""
    paragraphs = split_paragraphs(text)
    sentences: list[Span] = []
    for paragraph in paragraphs:
        sentences.extend(split_sentences(text, paragraph.start, paragraph.end))
    return paragraphs, sentences
