"""L2: persistence, the only place with SQL. SQLite by default, PostgreSQL by URL.

with Store("sqlite:///corroborate.db") as store:
    result = store.add(article)       # AddResult: added, or already stored as …
    store.save_analysis(analysed)     # replaces that article's analysis atomically
    for article in store.unanalysed(): ...
"""

from corroborate.store.engine import database_exists
from corroborate.store.store import AddResult, ArticleSummary, Store

__all__ = ["AddResult", "ArticleSummary", "Store", "database_exists"]
