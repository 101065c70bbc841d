"""Which URLs a report may turn into links.

A report's URLs come from its input (a JSON field, a feed, a page's metadata), and a report is
opened in a browser: `javascript:` or `data:` in an href runs when clicked. So only a web
address, one that starts with http:// or https://, becomes a link; anything else is shown as
text. The test is on the literal start of the string, the part a browser reads as the scheme,
so leading spaces or control characters (which browsers skip) cannot smuggle another scheme in.
"""

from __future__ import annotations

import re

_WEB = re.compile(r"https?://", re.IGNORECASE)


def is_web_url(url: str) -> bool:
    """True when `url` is an http(s) address, safe to put in an href (once escaped)."""
    return _WEB.match(url) is not None
