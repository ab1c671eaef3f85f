"""Templates compiled once per build, whichever process first needs them.

Each forked worker starts with the Jinja environments of the main process, whose
templates are mostly not compiled yet: every fork would compile again each template
it renders. With a ``FileSystemBytecodeCache`` in a folder of the build's own, the
first process to compile a template leaves its bytecode there and the others load it.
A ``bytecode_cache`` already given in ``JINJA_ENVIRONMENT`` (the preview's) is kept.
The folder is removed when the build ends; environments still alive (the preview's
warm path renders after that) then compile as if there were no cache.
"""

from __future__ import annotations

import tempfile
from contextlib import suppress
from typing import Any

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket


class BuildBytecodeCache(FileSystemBytecodeCache):
    """A bytecode cache in a folder that may be gone: then it loads and keeps nothing."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


_folder: tempfile.TemporaryDirectory[str] | None = None


def share_compiled_templates(settings: dict[str, Any]) -> None:
    """Give the build's Jinja environments a bytecode cache of their own."""
    global _folder
    environment = settings.get("JINJA_ENVIRONMENT") or {}
    if environment.get("bytecode_cache") is not None:
        return
    drop_compiled_templates()
    _folder = tempfile.TemporaryDirectory(prefix="pelican-templates-")
    settings["JINJA_ENVIRONMENT"] = {
        **environment,
        "bytecode_cache": BuildBytecodeCache(_folder.name),
    }


def drop_compiled_templates(settings: dict[str, Any] | None = None) -> None:
    """Remove the folder (and, given the settings, the cache they name)."""
    global _folder
    if _folder is None:
        return
    if settings is not None:
        environment = dict(settings.get("JINJA_ENVIRONMENT") or {})
        cache = environment.get("bytecode_cache")
        if isinstance(cache, BuildBytecodeCache) and cache.directory == _folder.name:
            del environment["bytecode_cache"]
            settings["JINJA_ENVIRONMENT"] = environment
    _folder.cleanup()
    _folder = None
