"""Production settings with the opt-in parallel build (plugins/parallel_build, issue 14).

The same site as publishconf.py, byte for byte (tests/edge/test_parallel.py), read and
written by every core: ``pelican content -s parallelconf.py``. The default builds
(pelicanconf.py, publishconf.py) stay serial.
"""

import os
import sys

sys.path.append(os.path.dirname(__file__))
from publishconf import *  # noqa: F403

PLUGINS = [*PLUGINS, "parallel_build"]  # noqa: F405
