"""L2: reports over articles and stories. HTML (one self-contained file), Markdown, JSON, CSV."""

from corroborate.report.csvdoc import TABLES as CSV_TABLES
from corroborate.report.csvdoc import to_csv
from corroborate.report.html import to_html
from corroborate.report.jsondoc import story_to_dict, to_json, to_report_dict
from corroborate.report.markdown import to_markdown

__all__ = [
    "CSV_TABLES",
    "story_to_dict",
    "to_csv",
    "to_html",
    "to_json",
    "to_markdown",
    "to_report_dict",
]
