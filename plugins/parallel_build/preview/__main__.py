"""``python -m parallel_build.preview``: see :mod:`parallel_build.preview.command`."""

from parallel_build.preview.command import main

main()
