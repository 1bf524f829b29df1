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
