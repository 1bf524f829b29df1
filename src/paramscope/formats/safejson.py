"""Defensive JSON for model files: size and nesting limits, clear errors.

Model files come from anywhere.  A config is parsed with the standard
library's JSON parser (no ``eval``, no pickle, no code), after a size check;
a document nested deeper than :data:`MAX_DEPTH` levels is refused with a
:class:`~paramscope.errors.ModelFileError` instead of a ``RecursionError``
deep inside paramscope.
"""

from __future__ import annotations

import json

from .. import gcpause
from ..errors import ModelFileError

#: Largest JSON config read (bytes).  Real configs are a few MB at most.
MAX_CONFIG_BYTES = 64 * 1024 * 1024
#: Deepest JSON nesting accepted.  A Keras config nests about 4 levels per
#: nested model plus a few per layer argument; 200 allows ~40 nested models.
MAX_DEPTH = 200


def _mb(n):
    return f"{n / (1024 * 1024):.1f} MB"


def check_size(size, source, what="config", limit=None):
    limit = MAX_CONFIG_BYTES if limit is None else limit
    if size is not None and size > limit:
        raise ModelFileError(
            f"{source}: the {what} is {_mb(size)} ({size} bytes), more than the {_mb(limit)} "
            f"paramscope reads; a Keras model config is normally far smaller. If this file is "
            f"trusted, pass max_config_bytes={size} to paramscope.load().")


def decode_text(data, source):
    if isinstance(data, str):
        return data
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ModelFileError(
            f"{source}: the config is not UTF-8 text (byte {e.start}: {bytes(data)[e.start:e.start + 1]!r});"
            " expected a Keras model config in JSON.") from None


def parse(data, source, limit=None):
    """Parse JSON text/bytes, refusing huge documents (and ones nested too deeply for
    the parser itself; the loader checks :func:`depth` when rebuilding a model fails)."""
    check_size(len(data), source, limit=limit)
    text = decode_text(data, source)
    try:
        with gcpause.paused():  # a large config is many dicts and lists, and no cycles
            value = json.loads(text)
    except RecursionError:
        raise ModelFileError(
            f"{source}: the JSON is nested too deeply to be a Keras model config "
            f"(more than {MAX_DEPTH} levels).") from None
    except ValueError as e:
        snippet = text.lstrip()[:40].replace("\n", " ")
        raise ModelFileError(
            f"{source}: not valid JSON ({e}); expected a Keras model config such as "
            f"model.to_json() or a .keras file's config.json. The text starts with {snippet!r}."
        ) from None
    return value


def depth(value) -> int:
    """Nesting depth of a JSON value, computed without recursion (level by level: no
    per-item tuples, ~3x faster than a stack on large configs).

    >>> depth(1), depth([]), depth({"a": [1, {"b": 2}]})
    (0, 1, 3)
    """
    d = 0
    level = [value]
    while level:
        deeper = []
        found = False
        for v in level:
            if isinstance(v, dict):
                deeper.extend(v.values())
                found = True
            elif isinstance(v, list):
                deeper.extend(v)
                found = True
        if not found:
            break
        d += 1
        level = deeper
    return d


def check_depth(value, source):
    d = depth(value)
    if d > MAX_DEPTH:
        raise ModelFileError(
            f"{source}: the JSON is nested {d} levels deep, more than the {MAX_DEPTH} paramscope "
            "accepts; a Keras model config is not nested this deeply.")
