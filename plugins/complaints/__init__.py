"""The ``complaints`` Pelican plugin: testimonies as validated cases, timelines,
merchant scorecards, merchant pages, feeds and open data.

Layers, each importing only the ones below it: ``domain`` (the rules), ``editorial``
(what editors write), ``present`` (what readers see), ``outputs`` (file formats),
``edge`` (the only one that imports Pelican). Importing this package imports none of
them; see docs/architecture.md.
"""


def register() -> None:
    """Entry point Pelican calls for plugins listed in ``PLUGINS``."""
    from complaints.edge.plugin import register as register_receivers

    register_receivers()
