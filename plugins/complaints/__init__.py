"""The ``complaints`` Pelican plugin: testimonies as validated cases, timelines,
merchant scorecards, merchant pages, feeds and open data.

Only :mod:`complaints.pelican_edge` imports Pelican; importing this package (for
instance ``complaints.model`` in a unit test) does not.
"""


def register() -> None:
    """Entry point Pelican calls for plugins listed in ``PLUGINS``."""
    from .pelican_edge import register as register_signals

    register_signals()
