"""The ``complaints`` Pelican plugin: testimonies as validated cases, timelines,
merchant scorecards, merchant pages, feeds and open data.

Only the edge modules (:mod:`complaints.pelican_edge` and the ``pelican_*``,
``page_values``, ``output_folder``, ``feed_writer``, ``findability`` and
``search_index`` modules it connects) import Pelican; importing this package (for
instance ``complaints.model`` in a unit test) does not. See docs/architecture.md.
"""


def register() -> None:
    """Entry point Pelican calls for plugins listed in ``PLUGINS``."""
    from .pelican_edge import register as register_signals

    register_signals()
