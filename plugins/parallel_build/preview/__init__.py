"""The editors' preview: a long-lived process that builds the site again on each save.

Each build is a whole Pelican build in a fork (:mod:`.session`); the articles read by
earlier builds are kept when their file is unchanged (:mod:`.fingerprints`), and the
process of the last good build holds the site to write each saved testimony's pages
first (:mod:`.holder`, :mod:`parallel_build.warm`); a save during a build stops it
(:mod:`.group`) and starts the next. :mod:`.process` runs a preview in its own process
for ``invoke livereload``; :mod:`.command` is ``python -m parallel_build.preview``.
"""

from parallel_build.preview.command import main
from parallel_build.preview.fingerprints import fingerprints
from parallel_build.preview.process import PreviewProcess
from parallel_build.preview.session import BuildResult, Preview, remove_stale

__all__ = ["BuildResult", "Preview", "PreviewProcess", "fingerprints", "main", "remove_stale"]
