"""The complaints plugin's ``register()``: every receiver, connected in the order that
a build sends its signals (docs/architecture.md tells that order).

On a Pelican or pelican-yaml-metadata release that :mod:`.pelican_internals` was not
written for, only its ``refuse_unsupported_pelican`` is connected: the build stops at
``initialized`` with a French message, before anything is read.
"""

from __future__ import annotations

from blinker import signal
from pelican import signals

from complaints.edge import findability, followup_log, merchants, messages, search_index
from complaints.edge.case_box import add_case_box
from complaints.edge.content_problems import finalize_articles, finalize_pages
from complaints.edge.filters import add_filters
from complaints.edge.output_folder import empty_output_before_writing
from complaints.edge.output_plan import (
    blank_draft_translations,
    check_outputs,
    keep_static_links_of_written_content,
)
from complaints.edge.page_values import fill_page
from complaints.edge.pelican_internals import refuse_unsupported_pelican, version_problem
from complaints.edge.profiles import load_profiles
from complaints.edge.reader import use_fast_reader
from complaints.edge.summaries import summary_as_text, summary_is_not_markdown
from complaints.edge.warm_refresh import CONTENT_REFRESHED, refresh_testimony
from complaints.edge.writer import get_writer
from complaints.edge.written_memory import forget_feed_entries, forget_written_content


def register() -> None:
    """Connect the plugin's receivers to Pelican's signals."""
    messages.install()
    signals.initialized.connect(refuse_unsupported_pelican)
    if version_problem():
        return
    # 1. settings: no translated draft when drafts are not written; summaries are text
    signals.initialized.connect(blank_draft_translations)
    signals.initialized.connect(summary_is_not_markdown)
    # 2. the plugin's generators, after Pelican's articles and pages generators
    signals.get_generators.connect(merchants.get_generators)
    signals.get_generators.connect(followup_log.get_generators)
    signals.get_generators.connect(findability.get_generators)
    # 3. each generator: the reader that validates, the theme's filters
    signals.readers_init.connect(use_fast_reader)
    signals.generator_init.connect(add_filters)
    # 4.–5. profiles, then each file read: case box, page values, summary as text
    signals.article_generator_init.connect(load_profiles)
    signals.content_object_init.connect(add_case_box)
    signals.content_object_init.connect(fill_page)
    signals.content_object_init.connect(summary_as_text)
    # 6.–7. every problem of the build reported at once, before anything is written
    signals.article_generator_finalized.connect(finalize_articles)
    signals.page_generator_finalized.connect(finalize_pages)
    signals.page_generator_finalized.connect(keep_static_links_of_written_content)
    # 8.–9. the output plan, JSON-LD, what the search index will read
    signals.all_generators_finalized.connect(check_outputs)
    signals.all_generators_finalized.connect(search_index.plan_index)
    # 10. the writer; the output folder emptied once the content is valid
    signals.get_writer.connect(get_writer)
    signals.get_writer.connect(empty_output_before_writing)
    # 11. while pages are written: the sitemap's pages, the search vocabulary's words
    signals.content_written.connect(findability.record_written)
    signals.content_written.connect(search_index.note_page_words)
    signals.content_written.connect(forget_written_content)
    signals.article_writer_finalized.connect(forget_feed_entries)
    # 12. the search index, once every file is written
    signals.finalized.connect(search_index.index_after_build)
    # the preview's warm path (parallel_build), by the signal's name
    signal(CONTENT_REFRESHED).connect(refresh_testimony)
