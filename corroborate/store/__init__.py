"""L2: persistence, the only place with SQL. SQLite by default, PostgreSQL by URL.

with Store("sqlite:///corroborate.db") as store:
    result = store.add(article)       # AddResult: added, or already stored as …
    store.save_analysis(analysed)     # replaces that article's analysis atomically
    for article in store.unanalysed(): ...
"""

from corroborate.store.convert import derived_ids, report_key
from corroborate.store.engine import database_exists
from corroborate.store.store import AddResult, ArticleSummary, Store, UnknownIdError

__all__ = [
    "AddResult",
    "ArticleSummary",
    "Store",
    "UnknownIdError",
    "database_exists",
    "derived_ids",
    "report_key",
]
