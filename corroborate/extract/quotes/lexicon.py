"""Word lists and patterns the quote rules share."""

from __future__ import annotations

from typing import Final

# British style quotes with single marks: ‘...,’ he said. The closing mark is also the
# apostrophe ("don’t", "Ukraine’s", "the farmers’ union"), so it closes only where no letter
# follows, and first where punctuation precedes it (‘We will win,’).
_SINGLE_OPEN: Final = "‘"

_SINGLE_CLOSE: Final = "’"

OPENING_QUOTE_TOKENS: Final = frozenset({"“", '"', _SINGLE_OPEN})

_SKIP_AFTER_CUE: Final[frozenset[str]] = frozenset(
    {"on", "in", "at", "to", "during", "after", "before", "last", "this", "a", "an", "the",
     "statement", "interview", "with", "reporters", "journalists", "conference", "news",
     "press", "briefing", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday", "week", "earlier", "later", "also", "previously", "speech", "post", "letter",
     "told", "said", "television", "radio", "tv", "telegram", "twitter", "x", ",", "him",
     "her", "them", "us", "me", "via", "social", "media", "publicly", "repeatedly", "written",
     "emailed", "email", "message", "day", "night", "morning", "evening", "afternoon"}
)  # fmt: skip

_SUBJECT_PRONOUNS: Final[frozenset[str]] = frozenset({"i", "we", "you", "he", "she", "it", "they"})


_AUXILIARY_VERBS: Final[frozenset[str]] = frozenset(
    {"had", "have", "has", "were", "was", "are", "is", "will", "would", "could", "may",
     "might", "must", "should", "can"}
)  # fmt: skip


# the reporter's comment set after reported content: "..., a claim that could not be verified"
_COMMENT_NOUNS: Final[frozenset[str]] = frozenset(
    {"claim", "allegation", "assertion", "accusation", "charge", "contention", "statement",
     "figure", "number", "estimate", "account", "version", "view", "position"}
)  # fmt: skip
