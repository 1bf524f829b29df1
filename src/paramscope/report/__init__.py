"""Renderers: each reads a :class:`~paramscope.summary.ModelSummary`.

``keras3`` (Keras 3's rich table), ``keras2`` (tf.keras 2.13+), ``keras2-classic``
(Keras <= 2.6, the layout of the classic tutorials), ``json``, and the
``explain`` arithmetic.
"""

from __future__ import annotations

import sys

from .. import modes
from .options import RenderOptions

STYLES = ("keras3", "keras2", "keras2-classic")


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


def render(summary, options: RenderOptions) -> str:
    """The summary as ``options`` say: its ``format`` (text: the ``style``'s table, then
    the arithmetic with ``explain``; json, markdown, csv)."""
    if options.format == "json":
        from . import json as json_report
        return json_report.render(summary, explain=options.explain)
    if options.format == "markdown":
        from . import markdown
        return markdown.render(summary, expand_nested=options.expand_nested,
                               show_trainable=options.show_trainable)
    if options.format == "csv":
        from . import csv as csv_report
        return csv_report.render(summary, expand_nested=options.expand_nested)
    check_line_length(options.line_length, options.positions)
    if options.style == "keras3":
        from . import keras3
        text = keras3.render(summary, options)
    elif options.style in ("keras2", "keras2-classic"):
        from . import keras2
        text = keras2.render(summary, options)
    else:
        raise ValueError(f"unknown summary style {options.style!r}; expected one of {STYLES}")
    if options.explain:
        from .explain import render as render_explain
        text += render_explain(summary)
    return text


def render_summary(summary, style="keras3", line_length=None, positions=None, expand_nested=False,
                   show_trainable=False, color=False, explain=False) -> str:
    """:func:`render` with the options as keyword arguments (the text formats)."""
    return render(summary, RenderOptions(
        style=style, line_length=line_length, positions=positions, expand_nested=expand_nested,
        show_trainable=show_trainable, color=color, explain=explain))


def print_model_summary(model, line_length=None, positions=None, print_fn=None,
                        expand_nested=False, show_trainable=False, layer_range=None):
    """What ``model.summary()`` does: render and print (or pass to ``print_fn``); inside
    ``paramscope run`` with the command's options (:func:`paramscope.modes.summary_options`)."""
    from ..summary import summarize
    summary = summarize(model)
    if layer_range is not None:
        summary.layers = _layer_range(summary.layers, layer_range)
    stream = sys.stdout
    color = print_fn is None and hasattr(stream, "isatty") and stream.isatty()
    scoped = modes.summary_options() or RenderOptions()
    options = RenderOptions(style=scoped.style, line_length=line_length or scoped.line_length,
                            positions=positions,
                            expand_nested=expand_nested or scoped.expand_nested,
                            show_trainable=show_trainable or scoped.show_trainable,
                            color=color, explain=scoped.explain)
    text = render(summary, options)
    if print_fn is not None:
        print_fn(text.rstrip("\n") if options.style != "keras3" else text)
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
