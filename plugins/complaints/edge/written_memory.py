"""What the build stops keeping once the pages that needed it are written.

A testimony's HTML with its links made absolute (Pelican's ``get_content`` memo) is let
go when its own page or feed entry is made: later users make it again. The feed
entries kept for reuse go when the articles generator has written its feeds and pages,
then after each merchant's feeds. Nothing written changes: each is a memo, refilled
on demand.
"""

from __future__ import annotations

from typing import Any

from complaints.edge.pelican_internals import forget_content_html


def forget_written_content(_path: str, context: dict[str, Any]) -> None:
    """``content_written`` receiver: the memo of the article or page just written."""
    for key in ("article", "page"):
        content = context.get(key)
        if content is not None and getattr(content, "save_as", None) == context.get("output_file"):
            forget_content_html(content, context.get("SITEURL"))


def forget_feed_entries(_generator: Any, writer: Any) -> None:
    """``article_writer_finalized`` receiver: the section, tag and author feeds are
    written, so are the entries they shared (a merchant's feed makes its own)."""
    forget = getattr(writer, "forget_feed_entries", None)
    if forget is not None:
        forget()
