"""The case box and timeline of a valid testimony, inserted into its body."""

from __future__ import annotations

from typing import Any

from pelican.utils import posixize_path

from complaints.domain.followups import latest_case, publication_day
from complaints.domain.problems import Problem
from complaints.domain.timeline import derive_facts
from complaints.edge.contents import site_root
from complaints.edge.pelican_internals import body_html, set_body_html
from complaints.present.render import insert_case_html, render_case_html


def add_case_box(instance: Any) -> None:
    """Derive the facts of a valid case (with its latest follow-ups) and insert its
    summary box, timeline and « Suivi du dossier ».

    The case was parsed by the reader (:mod:`.reader`). The box holds nothing taken
    from other files (no merchant name: the page and the feed entry carry it), so a
    cached article never shows a stale profile.
    """
    case = getattr(instance, "case", None)
    if case is None or getattr(instance, "facts", None) is not None:
        return
    try:
        published = publication_day(getattr(instance, "date", None))
        facts = derive_facts(latest_case(case))
        box = render_case_html(case, facts, site_root=site_root(instance), published=published)
    except Exception as error:  # a case the rules did not foresee: report, never crash
        instance.case = None
        instance.complaints_problems = [
            Problem(
                file=posixize_path(instance.relative_source_path),
                field="testimony",
                value="",
                expected=f"un dossier cohérent ({type(error).__name__} : {error})",
            )
        ]
        return
    instance.facts = facts
    set_body_html(instance, insert_case_html(body_html(instance), box))
