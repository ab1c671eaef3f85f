"""Every use the complaints plugin makes of Pelican's and pelican-yaml-metadata's private API.

Nothing else in the plugin names a private attribute of theirs. Each touch says which
of their code it relies on; ``WRITTEN_FOR`` gives the versions that code was read in,
and ``register()`` stops the build with :func:`version_problem`'s message on any other.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from pelican.contents import Content
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.writers import Writer

#: package → the "major.minor" releases this module was written for
WRITTEN_FOR = {"pelican": ("4.12",), "pelican-yaml-metadata": ("2.2",)}


def installed(package: str) -> str:
    """The installed version of ``package`` ("" when it is not installed)."""
    try:
        return version(package)
    except PackageNotFoundError:
        return ""


def version_problem() -> str | None:
    """Why the installed Pelican or pelican-yaml-metadata cannot be used, in French."""
    found = [
        f"{package} {installed(package) or 'absent'} (écrit pour {', '.join(releases)})"
        for package, releases in WRITTEN_FOR.items()
        if ".".join(installed(package).split(".")[:2]) not in releases
    ]
    if not found:
        return None
    return (
        f"Le greffon complaints ne connaît pas ces versions : {' ; '.join(found)}. "
        "Installez celles de requirements.txt (pip install -r requirements.txt) ; "
        "rien n'a été écrit."
    )


class UnsupportedPelican(Exception):
    """Stops a build whose Pelican is not one this module was written for."""

    exitcode = 1
    for_editors = True  # the message is printed as it is, without a traceback


def refuse_unsupported_pelican(_pelican: Any) -> None:
    """``initialized`` receiver: stop the build on a release this module was not written for."""
    problem = version_problem()
    if problem:
        raise UnsupportedPelican(problem)


# --- content objects (pelican/contents.py, Content) -------------------------------


def forget_content_html(content: Any, siteurl: Any) -> None:
    """Drop Pelican's memo of one content's HTML for one SITEURL (made again if asked):
    ``get_content`` is ``@memoized`` (pelican/utils.py), its ``cache`` dict keyed by
    ``(content, siteurl)`` and kept until the build ends."""
    Content.get_content.cache.pop((content, siteurl), None)


def body_html(content: Any) -> Any:
    """The body as the reader rendered it: ``Content._content``, set in ``__init__``
    and read by ``get_content`` (None for objects without a body)."""
    return getattr(content, "_content", None)


def set_body_html(content: Any, html: str) -> None:
    """Replace the body ``get_content`` serves (``Content._content``)."""
    content._content = html


def summary_html(content: Any) -> Any:
    """A summary given in the metadata: ``Content._summary``, set in ``__init__``,
    returned by ``get_summary`` and copied into ``metadata["summary"]`` by
    ``refresh_metadata_intersite_links``."""
    return getattr(content, "_summary", None)


def set_summary_html(content: Any, html: str) -> None:
    """Replace the summary ``get_summary`` serves (``Content._summary``)."""
    content._summary = html


# --- pelican-yaml-metadata (yaml_metadata.py, YAMLMetadataReader) -------------------


class YAMLReaderBase(YAMLMetadataReader):
    """pelican-yaml-metadata's reader, its metadata parser and Markdown at public names."""

    def pelican_metadata(self, data: dict[str, Any], source_path: str) -> dict[str, Any]:
        """Pelican's metadata from a YAML mapping: ``_parse_yaml_metadata(meta, path)``
        (dates, lists, Markdown of FORMATTED_FIELDS, as the plugin's ``read`` does)."""
        return self._parse_yaml_metadata(data, source_path)

    def markdown_html(self, body: str) -> str:
        """The body through the reader's Markdown: ``_md``, made in ``__init__`` with
        the MARKDOWN setting, reset as the plugin's ``read`` resets it."""
        self._md.Meta = {}  # type: ignore[attr-defined]
        return self._md.reset().convert(body)


# --- feeds (pelican/writers.py, Writer) --------------------------------------------


class FeedWriterBase(Writer):
    """Pelican's writer whose two feed hooks are public methods to override.

    ``write_feed`` calls ``_create_new_feed(feed_type, feed_title, context)`` once per
    feed and ``_add_item_to_the_feed(feed, item)`` once per entry, after setting
    ``site_url`` and ``feed_url``.
    """

    def _create_new_feed(self, feed_type: str, feed_title: Any, context: dict[str, Any]) -> Any:
        return self.new_feed(feed_type, feed_title, context)

    def _add_item_to_the_feed(self, feed: Any, item: Any) -> None:
        self.add_feed_entry(feed, item)

    def new_feed(self, feed_type: str, feed_title: Any, context: dict[str, Any]) -> Any:
        """The feed object (Pelican's by default)."""
        return super()._create_new_feed(feed_type, feed_title, context)

    def add_feed_entry(self, feed: Any, item: Any) -> None:
        """Add ``item``'s entry to ``feed`` (Pelican's entry by default)."""
        self.add_pelican_feed_entry(feed, item)

    def add_pelican_feed_entry(self, feed: Any, item: Any) -> None:
        """Pelican's own entry for ``item``."""
        super()._add_item_to_the_feed(feed, item)
