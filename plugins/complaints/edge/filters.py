"""The theme's Jinja environment: autoescaped, with the plugin's filters and globals."""

from __future__ import annotations

from functools import partial

from pelican.generators import Generator

from complaints.edge.jsonld import testimony_jsonld
from complaints.outputs.feeds import feed_title
from complaints.present.filters import install_theme
from complaints.present.render_memo import RenderMemo


def add_filters(generator: Generator) -> None:
    """``generator_init``: autoescape every template (whatever JINJA_ENVIRONMENT says;
    no template is compiled before this signal); the filters of
    :mod:`complaints.present.filters`; ``feed_title(kind, name)``, the title shared by
    a feed and its HTML link; ``memo``, a fragment rendered once per build
    (:mod:`complaints.present.render_memo`, held by the build's context);
    ``testimony_jsonld(article)`` (:mod:`complaints.edge.jsonld`)."""
    generator.env.autoescape = True
    install_theme(generator.env)
    generator.env.globals["feed_title"] = partial(
        feed_title, sitename=generator.settings["SITENAME"]
    )
    generator.env.globals["memo"] = generator.context.setdefault(
        "complaints_render_memo", RenderMemo()
    )
    generator.env.globals["testimony_jsonld"] = testimony_jsonld(
        generator.settings, generator.context
    )
