"""Build safety for the invoke tasks: builds that know they finished.

- :mod:`sitebuild.pelican_runner` runs Pelican in a child process and exits 0 only when
  the build finished (Pelican's ``finalized`` signal fired) and is complete;
- :mod:`sitebuild.completeness` lists the planned files a build did not write;
- :mod:`sitebuild.supervisor` owns SIGINT/SIGTERM, the fresh folder and the swap into
  ``output/``;
- :mod:`sitebuild.publishing` sends a finished site with rsync;
- :mod:`sitebuild.live_server` serves the site and the problem list while editing.
"""
