"""L0: the data model. Dataclasses only, stdlib only, no I/O.

`Article` owns the text; every annotation is a pair of offsets into `Article.text`
(Python string indices), never a private copy of the text.
"""

from corroborate.model.annotations import (
    Claim,
    Cue,
    Entity,
    Figure,
    Flag,
    Quote,
    Source,
    Span,
    Speaker,
)
from corroborate.model.article import Article, Profile, content_id
from corroborate.model.contract import (
    ARTICLE_SCHEMA,
    STORIES_SCHEMA,
    article_from_dict,
    article_to_dict,
)
from corroborate.model.story import (
    ClaimGroup,
    Event,
    FigureGroup,
    Origin,
    QuoteTrack,
    Story,
)

__all__ = [
    "ARTICLE_SCHEMA",
    "STORIES_SCHEMA",
    "Article",
    "Claim",
    "ClaimGroup",
    "Cue",
    "Entity",
    "Event",
    "Figure",
    "FigureGroup",
    "Flag",
    "Origin",
    "Profile",
    "Quote",
    "QuoteTrack",
    "Source",
    "Span",
    "Speaker",
    "Story",
    "article_from_dict",
    "article_to_dict",
    "content_id",
]
