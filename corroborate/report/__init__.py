"""L2: reports over articles and stories. HTML (one self-contained file), Markdown, JSON."""

from corroborate.report.html import to_html
from corroborate.report.jsondoc import story_to_dict, to_json, to_report_dict
from corroborate.report.markdown import to_markdown

__all__ = ["story_to_dict", "to_html", "to_json", "to_markdown", "to_report_dict"]
