"""`extract_quotes`: every quote of an article, direct, mixed and indirect, each with its speaker
and cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Final

from corroborate.extract.datelines import after_dateline
from corroborate.extract.quotes.attribution import _Candidate
from corroborate.extract.quotes.direct import (
    _a_name_in_quotes,
    _direct_attribution,
    _framing_attribution,
    _sentence_attribution,
)
from corroborate.extract.quotes.indirect import _indirect
from corroborate.extract.quotes.marks import paragraphs_of, quoted_spans
from corroborate.extract.quotes.sentence import _a_term, _a_title, _cue, _Sentence, _tag_map, _words
from corroborate.extract.speakers import (
    SpeakerResolver,
    sentence_subject,
)
from corroborate.model import Cue, Entity, Quote, Span, Speaker
from corroborate.model.annotations import QuoteKind

_LETTER: Final = re.compile(r"[^\W\d_]")

_OWNER_BEFORE: Final = re.compile(r"\w[’']s$")


def extract_quotes(
    text: str, doc: Any, sentences: Sequence[Span], entities: Sequence[Entity]
) -> list[Quote]:
    """Every quote in `text`, in order, with speaker and cue (see the module docstring)."""
    paragraphs = paragraphs_of(text)
    marked = quoted_spans(text, paragraphs)
    tags = _tag_map(doc)
    sents = [_Sentence(text, s, marked, tags) for s in sorted(sentences, key=lambda s: s.start)]
    if not sents:
        sents = [_Sentence(text, Span(ps, pe), marked, tags) for ps, pe in paragraphs]
    else:
        # only the sentences given are the report's (the pipeline leaves out stray text): a
        # quotation outside them must not borrow the speaker of the nearest one
        marked = [q for q in marked if any(s.start <= q.start < s.end for s in sents)]

    def sentence_at(pos: int) -> _Sentence:
        for s in sents:
            if s.start <= pos < s.end:
                return s
        return min(sents, key=lambda s: abs(s.start - pos))

    def para_of(pos: int) -> int:
        for i, (ps, pe) in enumerate(paragraphs):
            if ps <= pos <= pe:
                return i
        return -1

    cands: list[_Candidate] = []
    for q in marked:
        s0 = sentence_at(q.start)
        s1 = sentence_at(max(q.start, q.end - 1))
        # "“...” she said." may be split after the closing mark by the segmenter
        if q.end >= s1.end - 1 and s1.end < len(text):
            nxt = sentence_at(s1.end + 1) if s1.end + 1 < len(text) else s1
            rest = text[q.end : nxt.end].lstrip(" ,")
            if nxt is not s1 and rest[:1].islower() and para_of(nxt.start) == q.para:
                s1 = nxt
        before = text[max(s0.start, paragraphs[q.para][0]) : q.start].rstrip()
        if not _LETTER.search(text, q.start, q.end):
            continue  # '<tweet tweet-id="673679711437">': digits in quotation marks
        if _OWNER_BEFORE.search(before) and _a_title(text, q):
            continue  # 'he told ABC’s “Good Morning America”': a programme's or a paper's name
        found = _direct_attribution(text, q, s0, s1, entities)
        at_start = before == "" or before[-1] in ".!?:" or before.endswith(("—", "–"))
        words = _words(text, q.start, q.end)
        if found is not None:
            m, c, where = found
            kind: QuoteKind = "direct"
            if where == "before" and not (before.endswith((":", ",")) or before.endswith(c.form)):
                kind = "mixed"
            cands.append(_Candidate(q.start, q.end, kind, m, c, position=q.start))
            continue
        if at_start and q.para > 0 and q.start == paragraphs[q.para][0]:
            # a paragraph that ends "Cruz continued:" introduces the quote below it
            pe = paragraphs[q.para - 1][1]
            if text[pe - 1] == ":":
                lead_sent = sentence_at(pe - 1)
                intro = _sentence_attribution(text, lead_sent, entities, pe)
                if intro is not None:
                    m, c = intro
                    cands.append(_Candidate(q.start, q.end, "direct", m, c, position=q.start))
                    continue
                subj = sentence_subject(text, lead_sent.toks, len(lead_sent.toks), entities)
                if subj is not None:
                    cands.append(_Candidate(q.start, q.end, "direct", subj, None, position=q.start))
                    continue
        alone = q.start == paragraphs[q.para][0] and not text[q.end : paragraphs[q.para][1]].strip()
        if alone and (_a_title(text, q) or words <= 8):
            # "‘All Bets Are Off.’", "'A really tough decision.'" alone on their line, not
            # introduced by a colon: a section heading or a pull quote, nobody's words here
            continue
        if at_start and before.endswith(":"):
            # "Mayor Brandon Scott, asked about the video: “It looked like ...”", "Dan Patrick
            # had a blunt message: “...”": the clause before the colon introduces the quote
            upto = next((k for k, t in enumerate(s0.toks) if t.start >= q.start), len(s0.toks))
            intro = _sentence_attribution(text, s0, entities, q.start)
            if intro is not None:
                m, c = intro
                cands.append(_Candidate(q.start, q.end, "direct", m, c, position=q.start))
                continue
            subj = sentence_subject(text, s0.toks, upto, entities) if upto > 1 else None
            if subj is not None:
                cands.append(_Candidate(q.start, q.end, "direct", subj, None, position=q.start))
                continue
        if at_start:
            # a whole sentence in quotes with no cue of its own: the speaker before carries on
            cands.append(
                _Candidate(q.start, q.end, "direct", None, None, carry=True, position=q.start)
            )
            continue
        if words <= 2 and _a_name_in_quotes(text, q, s0):
            continue  # "known by the call sign “Falcon”": a name, not anybody's words
        att = _sentence_attribution(text, s0, entities, q.start)
        if att is None:
            att = _framing_attribution(text, s0, q, entities)
        if att is None and (_a_title(text, q) or _a_term(text, q, words)):
            continue  # "appearances in “Ice Cold in Alex”", a year of "re-education through labour"
        if att is None and words >= 4:
            att = None
            cands.append(
                _Candidate(q.start, q.end, "mixed", None, None, carry=False, position=q.start)
            )
            continue
        if att is None:
            continue  # a scare quote
        cands.append(_Candidate(q.start, q.end, "mixed", att[0], att[1], position=q.start))

    # indirect quotes
    for s in sents:
        for c, k in s.cues:
            cand = _indirect(text, s, c, k, entities, tags)
            if cand is not None:
                cands.append(cand)

    cands.sort(key=lambda c: (c.start, -c.end))
    mentions = [c.mention for c in cands if c.mention is not None]
    resolver = SpeakerResolver(text, entities, mentions)
    out: list[Quote] = []
    prev: tuple[Quote, int] | None = None  # the last direct/mixed quote and its paragraph
    for cand in sorted(cands, key=lambda c: c.position):
        pi = para_of(cand.start)
        speaker: Speaker | None = None
        cue: Cue | None = None
        if cand.mention is not None:
            said = (cand.start, cand.end)
            if cand.mention.start >= cand.end:
                # "CONTENT “quoted”, he said": all the sentence says before its speaker
                said = (min(cand.start, sentence_at(cand.start).start), cand.mention.start)
            speaker = resolver.resolve(cand.mention, cand.position, said)
            cue = _cue(cand.cue) if cand.cue is not None else None
        elif cand.carry and prev is not None and prev[1] >= pi - 1 and prev[0].speaker is not None:
            speaker = _copy(prev[0].speaker)
            cue = replace(prev[0].cue) if prev[0].cue is not None else None
        # "KYIV, Aug 26 (Wire) - CONTENT, X said.": the dateline is the report's, not X's
        start = (
            after_dateline(text, cand.start, cand.end) if cand.kind == "indirect" else cand.start
        )
        quote = Quote(start, cand.end, cand.kind, speaker, cue)
        if cand.carry and speaker is None and _words(text, cand.start, cand.end) < 4:
            continue
        out.append(quote)
        prev = (quote, pi)
    resolver.finish([q.speaker for q in out])
    out.sort(key=lambda q: (q.start, -q.end))
    return _dedupe(out)


def _copy(sp: Speaker) -> Speaker:
    return Speaker(sp.name, sp.start, sp.end, sp.title, sp.kind)


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    seen: set[tuple[int, int]] = set()
    out = []
    for q in quotes:
        if (q.start, q.end) in seen:
            continue
        seen.add((q.start, q.end))
        out.append(q)
    return out
