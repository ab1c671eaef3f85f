"""The default build (parallel_build on) writes byte for byte what Pelican untouched
(PARALLEL=false: no URL memo, no identity lists, no forks) writes, for the sample site
with both settings files: the session's builds.

Whole trees are compared except pagefind/ (Pagefind's filter and meta files differ
between any two runs). Each build's report (tests/support/observed_pelican.py) shows
that the untouched one changed nothing of Pelican's and the default one did: the
comparison cannot be between two patched builds.
"""

from __future__ import annotations

import pytest

from tests.support.corpus import UNSTABLE, stable_differences, tree


@pytest.mark.parametrize(
    ("default", "untouched"),
    [("production", "untouched_production"), ("development", "untouched_development")],
)
def test_the_default_build_is_pelican_untouched_byte_for_byte(
    request: pytest.FixtureRequest, default: str, untouched: str
) -> None:
    patched = request.getfixturevalue(default)
    plain = request.getfixturevalue(untouched)
    assert plain.report.changes_to_pelican() == []
    changes = patched.report.changes_to_pelican()
    assert "URLs not formatted by Pelican's own Content._expand_settings" in changes
    assert any(change.endswith("listings are not lists") for change in changes)
    assert patched.url == plain.url
    files = tree(plain.output)
    assert len(files) > 100
    assert any(name.startswith(UNSTABLE) for name in files)  # Pagefind ran
    assert stable_differences(patched.output, plain.output) == []
