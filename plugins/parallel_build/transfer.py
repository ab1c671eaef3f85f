"""Content objects to bytes and back, without the build's shared objects.

An article read in a worker process refers to objects every content object shares
with its build: the settings, the context dict and the generator that read it.
Those are not copied into the bytes; they are written as names and replaced, when
the bytes are loaded, by the loading process's own objects. The loaded article is
then the object that reading the file in that process would have made.
"""

from __future__ import annotations

import io
import pickle
from collections import Counter
from typing import Any

SHARED_NAMES = ("settings", "context", "generator")


class _Dumper(pickle.Pickler):
    def __init__(self, file: io.BytesIO, shared: dict[int, str]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._shared = shared

    def persistent_id(self, obj: Any) -> str | None:
        return self._shared.get(id(obj))


class _Loader(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, shared: dict[str, Any], uses: Counter[str]) -> None:
        super().__init__(file)
        self._shared = shared
        self._uses = uses

    def persistent_load(self, pid: str) -> Any:
        self._uses[pid] += 1
        return self._shared[pid]


def shared_objects(generator: Any) -> dict[str, Any]:
    """The objects of a build that content objects refer to but never own."""
    return {"settings": generator.settings, "context": generator.context, "generator": generator}


def dumps(obj: Any, shared: dict[str, Any]) -> bytes:
    """Pickle ``obj``, writing the ``shared`` objects by name."""
    buffer = io.BytesIO()
    _Dumper(buffer, {id(value): name for name, value in shared.items()}).dump(obj)
    return buffer.getvalue()


def loads(data: bytes, shared: dict[str, Any], uses: Counter[str] | None = None) -> Any:
    """Unpickle bytes made by :func:`dumps`, with this build's ``shared`` objects;
    ``uses`` counts the references to each of them (by name) the object holds."""
    return _Loader(io.BytesIO(data), shared, uses if uses is not None else Counter()).load()
