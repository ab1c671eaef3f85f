"""Every use the typographie plugin makes of Pelican's private API.

Each touch says which Pelican code it relies on; ``WRITTEN_FOR`` gives the releases
that code was read in. On any other, ``register()`` logs a French warning and the
site is built without French typography (:func:`version_problem`).
"""

from __future__ import annotations

from typing import Any

import pelican

WRITTEN_FOR = ("4.12",)  # the Pelican "major.minor" releases this module was read against


def version_problem() -> str | None:
    """Why the installed Pelican cannot be used, in French, or None."""
    if ".".join(pelican.__version__.split(".")[:2]) in WRITTEN_FOR:
        return None
    return (
        f"typographie : écrit pour Pelican {', '.join(WRITTEN_FOR)}, installé {pelican.__version__} ; "
        "site construit sans la typographie française (pip install -r requirements.txt)."
    )


# pelican/contents.py, Content: ``_content`` is the body's HTML, set in ``__init__`` and
# served by ``get_content``; ``_summary`` a summary from the metadata, served by
# ``get_summary``.


def body_html(content: Any) -> Any:
    """The body's HTML (``Content._content``), None for objects without one."""
    return getattr(content, "_content", None)


def set_body_html(content: Any, html: str) -> None:
    content._content = html


def summary_html(content: Any) -> Any:
    """A summary given in the metadata (``Content._summary``), or None."""
    return getattr(content, "_summary", None)


def set_summary_html(content: Any, html: str) -> None:
    content._summary = html
