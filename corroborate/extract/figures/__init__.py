"""Figures: every reported quantity with what it counts, when, where and on whose authority.

`extract_figures(text, doc, sentences, entities, published, paragraphs=None)` finds the number
expressions of the whole text once (`numbers.py`), keeps those that count something, and fills
in the rest of each `Figure` from its sentence (and, for the source, its paragraph). Paragraphs
come from `nlp.segment`; without them a line break between two sentences starts a new one.

- `unit` / `counted`: the unit (`units.py`) or the noun after the number, with a locative or
  "of" phrase ("settlements in the Kursk region", "territory" in "40 sq km of territory"). An
  elliptical figure ("and another 59,000 are leaving") takes the unit of the figure before it in
  the sentence (or, after "another", in the paragraph); coordinated objects share a verb
  ("launched 45 drones and three missiles").
- `measure`: the counted noun's key plus the governing verb normalised through a small table of
  synonyms (seize/capture/take → captured, control/hold → controlled, evacuate/leave/flee →
  evacuated, ...); a progressive ("are leaving", "in the process of leaving") adds `_pending`,
  a future ("will be evacuated") `_planned`. Any other verb the tagger finds is used as its own
  past participle, so the key is never tied to one kind of story; light verbs (have, make, ...)
  and linking verbs ("the death toll rose to 54" → `death_toll`) add nothing.
- `period`, `as_of`: the period phrase and the date mention nearest to the figure in its sentence
  (`dates.py`). `as_of` defaults to the publication date: a figure reported without a date is
  taken to be current when the article appeared. Without a publication date it is None unless
  the sentence has an absolute date.
- `location`: the nearest LOC entity after a locative preposition ("in", "near", "from", ...) in
  the sentence, with a following "region"/"oblast"/... kept ("Kursk region").
- `source`: explicit in the sentence ("according to X", "X said", "said X", "local reports
  indicate") or carried from an earlier sentence of the same paragraph while that source's
  account goes on: it framed the passage ("According to X, ..."), it was giving figures itself,
  or the sentence says it continues ("Furthermore, ..."). A new paragraph or a new source ends
  the carry. Names resolve to the fullest form in the article and keep their title; groups
  ("officials") are organisations, documents ("local reports", "data") reports.

Not figures: years, dates, times, ordinals, phone-like numbers, ages, numbers inside names
("Lot 10", "Boeing 737", "F-16"), hyphenated compounds ("24-hour", "54-year-old"), durations
("two and a half years" is a period, not a figure), ratios and scores ("a 2 to 1 margin"),
proportions ("eight of 10"), references to things already counted ("the two men"), and numbers
written in words that count nothing we know and are not governed by a verb of measure ("one
small mistake", "eight nations"). Numbers written in digits with a plain noun ("300 tanks") are
figures.

`doc` is duck-typed: anything iterable over tokens with `.idx`, `.text`, `.tag_` and `.lemma_`
(a spaCy `Doc`; its `char_span` is used when present). With no tags and no entities (a blank
pipeline) the verb table, the unit lexicon and capitalisation rules still work. The NER's
mistakes are expected: a surname tagged ORG resolves to the PERSON of the same surname, and
"<title> First Last" tagged ORG is read as a titled person.
"""

from corroborate.extract.figures.find import extract_figures
from corroborate.extract.figures.measure import measure_key
from corroborate.extract.figures.names import title_in_text

__all__ = ["extract_figures", "measure_key", "title_in_text"]
