"""The JSON summary (``--format json``): stable, documented in the README.

``format_version`` changes only when a field changes meaning or goes away.
"""

from __future__ import annotations

import json
from json.encoder import INFINITY as _INFINITY
from json.encoder import encode_basestring_ascii as _json_string  # C, as json.dumps uses

from .. import __version__, gcpause
from ..numtext import json_number_text
from ..summary import LayerSummary, ModelSummary
from .explain_words import all_words

FORMAT_VERSION = 1


def _shape(shape):
    if shape is None:
        return None
    if isinstance(shape, list):
        return [list(s) for s in shape]
    return list(shape)


def layer_dict(row: LayerSummary, explain=False) -> dict:
    out = {
        "name": row.name,
        "class_name": row.class_name,
        "output_shape": _shape(row.output_shape),
        "params": row.params,
        "trainable_params": row.trainable_params,
        "non_trainable_params": row.non_trainable_params,
        "built": row.built,
        "trainable": row.trainable,
        "weights": [{"name": w.name, "path": w.path, "shape": list(w.shape), "dtype": w.dtype,
                     "trainable": w.trainable} for w in row.weights],
        "inbound": [{"layer": name, "node_index": node, "tensor_index": tensor}
                    for name, node, tensor in row.inbound],
    }
    if row.is_model:
        out["layers"] = [layer_dict(sub, explain) for sub in row.layers]
    if explain:
        out["explain"] = all_words(row.explain) + all_words(row.explain_output)
    return out


def to_dict(summary: ModelSummary, explain=False) -> dict:
    return {key: ([layer_dict(row, explain) for row in summary.layers] if key == "layers"
                  else value) for key, value in _fields(summary)}


def _fields(summary: ModelSummary):
    """The top-level fields in order; ``layers`` stands for the rows (encoded one by one)."""
    return (
        ("format_version", FORMAT_VERSION),
        ("paramscope_version", __version__),
        ("name", summary.name),
        ("class_name", summary.class_name),
        ("built", summary.built),
        ("sequential_like", summary.sequential_like),
        ("layers", None),
        ("total_params", summary.total_params),
        ("trainable_params", summary.trainable_params),
        ("non_trainable_params", summary.non_trainable_params),
        ("total_bytes", summary.total_bytes),
        ("trainable_bytes", summary.trainable_bytes),
        ("non_trainable_bytes", summary.non_trainable_bytes),
        ("optimizer_params", summary.optimizer_params),
        ("optimizer_bytes",
         summary.optimizer_bytes if summary.optimizer_params is not None else None),
        ("warnings", list(summary.warnings)),
    )


def render(summary: ModelSummary, explain=False) -> str:
    """``json.dumps(to_dict(summary), indent=2)`` and a newline."""
    return "".join(iter_render(summary, explain))


def iter_render(summary: ModelSummary, explain=False):
    """:func:`render`'s text in pieces, a few hundred layers at a time: a 100,000-layer
    model is written without holding every layer's dict in memory.

    Each value is :func:`dumps_exact` at its nesting level: the text ``json.dumps(indent=2)``
    gives it inside the whole document.  The collector is paused while a piece is made
    (not between pieces: the caller's code runs with it as it was).
    """
    fields = _fields(summary)
    at = [key for key, _ in fields].index("layers")
    rows = summary.layers
    with gcpause.paused():
        yield "{" + _members(fields[:at + 1], first=True) + ("[" if rows else "[]")
    for start in range(0, len(rows), 256):
        with gcpause.paused():
            piece = []
            for row in rows[start:start + 256]:
                piece.append(",\n    " if piece or start else "\n    ")
                _encode(layer_dict(row, explain), 2, 2, piece)
            piece = "".join(piece)
        yield piece
    with gcpause.paused():
        yield ("\n  ]" if rows else "") + _members(fields[at + 1:]) + "\n}\n"


def _members(fields, first=False):
    """``"key": value`` members at level 1, each after a comma (but the very first); the
    ``layers`` member's value is left to the caller."""
    text = []
    for i, (key, value) in enumerate(fields):
        text.append(f'{"" if first and not i else ","}\n  {_json_string(key)}: ')
        if key != "layers":
            text.append(dumps_exact(value, _level=1))
    return "".join(text)


def dumps_exact(value, indent=2, _level=0) -> str:
    """``json.dumps(value, indent=indent)`` (nested at level ``_level``) for the summary's
    values: dicts with string keys, lists, tuples, strings, numbers, booleans and
    ``None``; also integers of any size and exact (``Fraction``) byte sizes, written as
    exact JSON numbers.  Written directly, with the standard library's C string encoder:
    ``json.dumps`` with an indent runs its pure-Python encoder, several times slower."""
    if value.__class__ is str:
        return _json_string(value)
    out = []
    _encode(value, indent, _level, out)
    return "".join(out)


def _encode(value, indent, level, out):
    """Append :func:`dumps_exact`'s text of ``value`` to ``out`` in pieces, joined once by
    the caller: a long string (a 60 MB layer name) is copied once, not once per nesting
    level."""
    cls = value.__class__
    if cls is str:
        out.append(_json_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif cls is dict or cls is list or cls is tuple:
        if not value:
            out.append("{}" if cls is dict else "[]")
            return
        inner = "\n" + " " * (indent * (level + 1))
        out.append("{" if cls is dict else "[")
        separator = inner
        if cls is dict:
            for k, v in value.items():
                out.append(separator)
                out.append(_json_string(k if k.__class__ is str else _json_key(k)))
                out.append(": ")
                _encode(v, indent, level + 1, out)
                separator = "," + inner
        else:
            for v in value:
                out.append(separator)
                _encode(v, indent, level + 1, out)
                separator = "," + inner
        out.append("\n" + " " * (indent * level) + ("}" if cls is dict else "]"))
    elif cls is float:
        out.append(_json_float(value))
    elif hasattr(value, "denominator"):  # int (of any size), Fraction
        try:
            out.append(int.__repr__(value) if isinstance(value, int)
                       else json_number_text(value))
        except ValueError:  # past Python's int-to-text digit limit
            out.append(json_number_text(value))
    else:
        out.append(json.dumps(value))


def _json_key(key):
    """A dict key that is not a string, as ``json.dumps`` turns it into one."""
    if key is True or key is False or key is None:
        return {True: "true", False: "false", None: "null"}[key]
    if isinstance(key, float):
        return _json_float(key)
    if isinstance(key, int):
        return int.__repr__(key)
    return json.dumps({key: 0})  # raises TypeError, as json.dumps does


def _json_float(value):
    """A float as ``json.dumps`` writes it (``NaN``, ``Infinity`` included)."""
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)
