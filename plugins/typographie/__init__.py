"""French typography for the magazine: a Pelican plugin and its pure rules.

The rules (:mod:`typographie.french`) are this package's public interface:
``apply(html)``, ``apply_text(text)``, ``apply_title(text)``; importing the package
does not import Pelican. ``register()`` is the plugin (:mod:`typographie.plugin`).
"""

from typographie.french import NBSP, NNBSP, apply, apply_text, apply_title

__all__ = ["NBSP", "NNBSP", "apply", "apply_text", "apply_title", "register"]


def register() -> None:
    """Entry point Pelican calls for plugins listed in ``PLUGINS``."""
    from typographie.plugin import register as register_receivers

    register_receivers()
