"""Words of personal names shared by the name tagger's rules and the speaker finder."""

from __future__ import annotations

from typing import Final

# Lower-case words inside a name: "Rubén del Campo", "Ursula von der Leyen", "Ahmed bin Ali".
NAME_PARTICLES: Final[frozenset[str]] = frozenset(
    {"de", "del", "della", "da", "dos", "das", "van", "von", "der", "den", "ter", "al", "el",
     "bin", "ibn", "la", "le", "di", "du"}
)  # fmt: skip

# Lowercase administrative words that turn the proper name before them into a place name.
ADMIN_WORDS: Final[frozenset[str]] = frozenset(
    {"region", "oblast", "province", "district", "krai", "raion", "governorate", "prefecture"}
)
