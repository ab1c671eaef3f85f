"""File formats: open data (CSV, JSON, workbook), feeds' entries, sitemap and robots,
the search index's scope and vocabulary, the output plan's checks.

Imports the layers below it, never Pelican.
"""
