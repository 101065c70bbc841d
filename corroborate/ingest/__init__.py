"""L2: ingestion. Files, folders, globs, standard input, URLs, feeds and web archives →
`Article`s, with one `InputError` per item that could not be read.

Imports only `corroborate.model`, `corroborate.errors`, `corroborate.config` and parsing
libraries (trafilatura, warcio, feedparser, py3langid); never NLP, SQL or other L2 packages.

    for result in read_inputs(["reports/", "https://example.org/feed.xml"], settings):
        if isinstance(result, InputError):
            print(result)            # "reports/x.bin: binary file (...)"
        else:
            handle(result)           # an Article
"""

from corroborate.ingest.detect import detect_format
from corroborate.ingest.reader import read_inputs
from corroborate.ingest.sources import expand_inputs

__all__ = ["detect_format", "expand_inputs", "read_inputs"]
