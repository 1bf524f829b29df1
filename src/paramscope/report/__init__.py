"""Renderers: each reads a :class:`~paramscope.summary.ModelSummary`.

``keras3`` (Keras 3's rich table), ``keras2`` (tf.keras 2.13+), ``keras2-classic``
(Keras <= 2.6, the layout of the classic tutorials), ``json``, and the
``explain`` arithmetic.
"""

from __future__ import annotations

import sys

STYLES = ("keras3", "keras2", "keras2-classic")

#: What ``model.summary()`` prints; ``paramscope run --style`` changes it.
defaults = {"style": "keras3", "explain": False, "expand_nested": False, "show_trainable": False,
            "line_length": None}


#: Widest table rendered.  Keras's layouts make sense up to a few thousand columns; a
#: line length of 10**9 would need gigabytes.
MAX_LINE_LENGTH = 10_000


def check_line_length(line_length, positions=None):
    """Refuse a table wider than :data:`MAX_LINE_LENGTH` (or absolute column positions past it)."""
    from ..errors import ParamscopeError
    if _number_over(line_length, MAX_LINE_LENGTH):
        raise ParamscopeError(
            f"a line length of {_shown(line_length)} is more than the {MAX_LINE_LENGTH:,} columns "
            f"paramscope renders (Keras's table layout makes sense up to a few thousand); use "
            f"--line-length N (line_length=N) with N at most {MAX_LINE_LENGTH:,}.")
    for position in positions or ():
        if _number_over(position, MAX_LINE_LENGTH):
            raise ParamscopeError(
                f"a column position of {_shown(position)} is more than the "
                f"{MAX_LINE_LENGTH:,} columns paramscope renders.")


def _number_over(value, bound):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > bound


def _shown(number):
    return repr(number) if number < 10 ** 30 else "more than 30 digits"


def render_summary(summary, style="keras3", line_length=None, positions=None, expand_nested=False,
                   show_trainable=False, color=False, explain=False) -> str:
    check_line_length(line_length, positions)
    if style == "keras3":
        from . import keras3
        text = keras3.render(summary, line_length=line_length, positions=positions,
                             expand_nested=expand_nested, show_trainable=show_trainable,
                             color=color)
    elif style in ("keras2", "keras2-classic"):
        from . import keras2
        text = keras2.render(summary, classic=style == "keras2-classic", line_length=line_length,
                             positions=positions, expand_nested=expand_nested,
                             show_trainable=show_trainable)
    else:
        raise ValueError(f"unknown summary style {style!r}; expected one of {STYLES}")
    if explain:
        from .explain import render as render_explain
        text += render_explain(summary)
    return text


def print_model_summary(model, line_length=None, positions=None, print_fn=None,
                        expand_nested=False, show_trainable=False, layer_range=None):
    """What ``model.summary()`` does: render and print (or pass to ``print_fn``)."""
    from ..summary import summarize
    summary = summarize(model)
    if layer_range is not None:
        summary.layers = _layer_range(summary.layers, layer_range)
    stream = sys.stdout
    color = print_fn is None and hasattr(stream, "isatty") and stream.isatty()
    text = render_summary(summary, style=defaults["style"],
                          line_length=line_length or defaults["line_length"],
                          positions=positions,
                          expand_nested=expand_nested or defaults["expand_nested"],
                          show_trainable=show_trainable or defaults["show_trainable"],
                          color=color, explain=defaults["explain"])
    if print_fn is not None:
        print_fn(text.rstrip("\n") if defaults["style"] != "keras3" else text)
    else:
        stream.write(text)
        stream.flush()


def _layer_range(rows, layer_range):
    import re
    from ..errors import ParamscopeError
    if len(layer_range) != 2 or not all(isinstance(x, str) for x in layer_range):
        raise ParamscopeError(
            f"layer_range must be a list or tuple of 2 strings. Received: {layer_range!r}")
    lower = [i for i, r in enumerate(rows) if re.match(layer_range[0], r.name)]
    upper = [i for i, r in enumerate(rows) if re.match(layer_range[1], r.name)]
    if not lower or not upper:
        raise ParamscopeError(
            f"Passed layer_names do not match the layer names in the model. Received: {layer_range}")
    if min(lower) > max(upper):
        return rows[min(upper):max(lower) + 1]
    return rows[min(lower):max(upper) + 1]
