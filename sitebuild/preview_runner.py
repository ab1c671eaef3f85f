"""The preview process of ``invoke livereload``, with the build's messages for editors.

Usage: ``python -m sitebuild.preview_runner PREVIEW_ARGUMENTS…`` (those of
``python -m parallel_build.preview``). Logging is set up as for every other build
(:func:`sitebuild.pelican_runner.init_build_logging`: content problems as plain French
lines, no tracebacks); Ctrl-C and SIGTERM end the process and its build quietly.
"""

from __future__ import annotations

from parallel_build.preview import main
from pelican import parse_arguments

from sitebuild.pelican_runner import init_build_logging

if __name__ == "__main__":
    init_build_logging(parse_arguments([]))
    main()
