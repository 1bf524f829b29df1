"""Nested structures (lists, tuples, dicts) of tensors or shapes."""

from __future__ import annotations


def is_shape(x) -> bool:
    """A shape is a tuple (or list) of ints and ``None``s; ``()`` is a shape."""
    if x.__class__ is tuple:
        for d in x:
            if d is not None and d.__class__ is not int:
                break
        else:
            return True
    return isinstance(x, (tuple, list)) and all(d is None or (isinstance(d, int) and not isinstance(d, bool)) for d in x)


def flatten(struct) -> list:
    if isinstance(struct, dict):
        return [leaf for key in sorted(struct) for leaf in flatten(struct[key])] if _sortable(struct) else [
            leaf for value in struct.values() for leaf in flatten(value)]
    if isinstance(struct, (list, tuple)):
        return [leaf for item in struct for leaf in flatten(item)]
    return [struct]


def _sortable(d: dict) -> bool:
    try:
        sorted(d)
        return True
    except TypeError:
        return False


def pack_as(struct, flat):
    """Keras's ``tree.pack_sequence_as``: ``flat`` (in ``flatten`` order) as ``struct``."""
    it = iter(flat)

    def rec(s):
        if isinstance(s, dict):
            keys = sorted(s) if _sortable(s) else list(s)
            packed = {k: rec(s[k]) for k in keys}
            return {k: packed[k] for k in s}
        if isinstance(s, list):
            return [rec(v) for v in s]
        if isinstance(s, tuple):
            return tuple(rec(v) for v in s)
        return next(it)

    return rec(struct)


def flat_paths(struct, prefix=()):
    """Keras's ``tree.flatten_with_path`` paths, in ``flatten`` order."""
    if isinstance(struct, dict):
        keys = sorted(struct) if _sortable(struct) else list(struct)
        return [p for k in keys for p in flat_paths(struct[k], prefix + (k,))]
    if isinstance(struct, (list, tuple)):
        return [p for i, v in enumerate(struct) for p in flat_paths(v, prefix + (i,))]
    return [prefix]


def map_structure(fn, struct):
    if isinstance(struct, dict):
        return {k: map_structure(fn, v) for k, v in struct.items()}
    if isinstance(struct, list):
        return [map_structure(fn, v) for v in struct]
    if isinstance(struct, tuple):
        return tuple(map_structure(fn, v) for v in struct)
    return fn(struct)


def map_shape_structure(fn, struct):
    """Like ``map_structure`` but shapes (tuples of ints/None) are leaves."""
    if is_shape(struct):
        return fn(tuple(struct))
    if isinstance(struct, dict):
        return {k: map_shape_structure(fn, v) for k, v in struct.items()}
    if isinstance(struct, list):
        return [map_shape_structure(fn, v) for v in struct]
    if isinstance(struct, tuple):
        return tuple(map_shape_structure(fn, v) for v in struct)
    return fn(struct)


def flatten_shapes(struct) -> list:
    out = []
    map_shape_structure(out.append, struct)
    return out
