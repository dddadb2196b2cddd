"""Stage 0, reading: files and texts to cleaned `Article`s (or a `ReadFailure` each).

`files` finds and decodes `.txt`, `.html`, `.json` and `.jsonl` input, `html` takes a page's
text and metadata, and `cleaning` chooses the article body among the lines and detects title,
outlet and date. Nothing here changes an article's text: later stages work on its offsets.
"""

from kg.ingest.files import article_from_text, iter_articles, unique_articles

__all__ = ["article_from_text", "iter_articles", "unique_articles"]
