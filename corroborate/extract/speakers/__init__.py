"""Who is speaking: find the speaker phrase next to a reporting cue and resolve it.

A speaker phrase may be

- a name, alone or behind its title: "Ukrainian Foreign Ministry spokesman Georgiy Tykhy"
  gives name "Georgiy Tykhy" and title "Ukrainian Foreign Ministry spokesman";
- a name with an apposition: "Kira Rudik, a Ukrainian MP," gives title "Ukrainian MP";
- a surname, with or without honorific ("Ms Rudik", "Rudik"): resolved to the fullest form of
  that name in the article ("Kira Rudik"), and it inherits the title found for her elsewhere;
- a pronoun ("he", "she", "they"): the most recent compatible speaker before it;
- a title alone ("the spokesman"): the person in the article who bears that title;
- a group or a document ("military analysts", "officials", "local reports", "a statement",
  "the ministry"): kind ``organisation`` or ``report``, named by the phrase as written.

This is deliberately a small set of patterns over word tokens, helped by the named entities
when the caller has them: speaker phrases in news are formulaic, and a rule says why it fired.

Modules, in the order a speaker is found: `tokens` (the word view), `classify` (what a
capitalised phrase is), `before` and `after` (the phrase on either side of a cue), `sentence`
(the subject a sentence opens with) and `resolver` (the phrase → the fullest name in the
article, with its title and kind). `lexicon` holds the word lists they share.
"""

from corroborate.extract.speakers.after import OBJECT_PRONOUNS, np_after, phrase_source
from corroborate.extract.speakers.before import subject_before
from corroborate.extract.speakers.classify import appositive, classify
from corroborate.extract.speakers.lexicon import DETERMINERS, MONTHS, NOUN_MARKERS, PRONOUNS
from corroborate.extract.speakers.resolver import SpeakerResolver
from corroborate.extract.speakers.sentence import sentence_subject
from corroborate.extract.speakers.tokens import NUMBER_WORDS, Mention, Tok, tokenize
from corroborate.extract.speakers.tokens import _is_title_word as is_title_word

__all__ = [
    "DETERMINERS",
    "MONTHS",
    "NOUN_MARKERS",
    "NUMBER_WORDS",
    "OBJECT_PRONOUNS",
    "PRONOUNS",
    "Mention",
    "SpeakerResolver",
    "Tok",
    "appositive",
    "classify",
    "is_title_word",
    "np_after",
    "phrase_source",
    "sentence_subject",
    "subject_before",
    "tokenize",
]
