"""Quotes: direct, mixed and indirect, each with its speaker and cue.

Conventions (the output contract depends on them):

- A **direct** or **mixed** quote's span covers the quoted words *with* their quotation marks:
  ``“just peace.”``. A quote whose opening mark never closes ends at the end of its paragraph
  (trailing spaces dropped): an unclosed mark never swallows the next paragraph.
- An **indirect** quote's span is the reported content, without the complementiser "that" and
  without the sentence's final stop: in "Tykhy has stated that Ukraine is not seeking ...", the
  span starts at "Ukraine".
- A **multi-paragraph** quote is one `Quote` per paragraph; each continuation paragraph (it
  opens with a quotation mark and names no speaker of its own) gets the same speaker and cue as
  the paragraph before.
- A **mixed** quote is a quoted phrase inside a paraphrase ("aims for a “just peace.”"),
  credited to the speaker of its sentence. A short quoted phrase (1-3 words) with no speaker in
  its sentence is a scare quote and is not a quote at all; a longer one is kept with speaker
  None.
- When the indirect content of a sentence contains a mixed quote, both are returned: the
  indirect quote for the claim, the mixed quote for the exact words.
- A whole sentence in quotes with no cue of its own takes the speaker of the quote before it
  (same or previous paragraph), or of the sentence that introduces it with a colon
  ("Cruz continued:"); otherwise its speaker is None.

Quotation marks read: curly “…”, «…», straight "…" and typewriter ``…'' / ''…''.
Sentences come from the caller (`corroborate.nlp.segment`); tags and entities from the parse are
used when present (a tagger settles "said the army would" vs "claimed a victory"), and the
rules fall back to capitalisation and lexicons when they are not.

Modules, in the order a quote is found: `marks` (the quoted spans), `sentence` (one sentence's
words and cues), `attribution` (the speaker of a cue), `direct` and `indirect` (the two kinds
of quote), `find` (`extract_quotes`, which runs them over an article).
"""

from corroborate.extract.quotes.find import extract_quotes
from corroborate.extract.quotes.marks import paragraphs_of, quoted_spans

__all__ = ["extract_quotes", "paragraphs_of", "quoted_spans"]
