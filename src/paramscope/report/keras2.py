"""Keras 2 summaries: tf.keras 2.13+ (``keras2``) and classic Keras 2 (``keras2-classic``).

``keras2`` follows ``tf_keras/utils/layer_utils.py`` ``print_summary`` (tf-keras
2.13 to 2.21): fixed widths (65 / 98), cells wrapped at ``),`` ``],`` ``},``
``',``, a blank row between layers, totals without thousands separators and
with sizes (``Total params: 2515 (9.82 KB)``).

``keras2-classic`` is the layout of Keras 2.0-2.2 that the classic tutorials
show: a ``_`` rule between layers, cells cut at the column edge, no model
name line, totals with thousands separators and no sizes.
"""

from __future__ import annotations


from .. import gcpause
from ..errors import ParamscopeError
from ..numtext import grouped, int_text, memory_text, shape_text
from ..summary import LayerSummary, ModelSummary
from ..textsafe import safe_text
from .options import RenderOptions


_UNITS = ("Byte", "KB", "MB", "GB", "TB", "PB")


def readable_memory_size(size: float) -> str:
    """tf.keras's units: ``Byte``, ``KB``, ... (base 1024)."""
    return memory_text(size, _UNITS)


def _output_shape_text(row: LayerSummary) -> str:
    """``str(layer.output_shape)`` as tf.keras computes it, or ``multiple``.

    tf.keras's ``output_shape`` is the structure of a call's outputs (a tuple of
    shapes stays a tuple, a dict a dict), the same for every call, else "multiple".
    """
    structures = row.node_output_structures
    if not structures:
        if not row.node_output_shapes:
            return "multiple"
        texts = [_py(s, row.is_input_layer) for s in row.node_output_shapes]
    elif row.is_input_layer:
        texts = [_py(s, True) for s in row.node_output_shapes]
    else:
        texts = [_py_structure(s) for s in structures]
    if len(set(texts)) > 1:
        return "multiple"
    return texts[0]


def _is_shape(x):
    return isinstance(x, tuple) and all(d is None or isinstance(d, int) for d in x)


def _py_structure(struct) -> str:
    """``str()`` of a structure of shape tuples, as Python prints it (names escaped)."""
    if _is_shape(struct):
        return shape_text(struct)
    if isinstance(struct, dict):
        return "{" + ", ".join(f"{safe_text(repr(k))}: {_py_structure(v)}"
                               for k, v in struct.items()) + "}"
    if isinstance(struct, list):
        return "[" + ", ".join(_py_structure(v) for v in struct) + "]"
    if isinstance(struct, tuple):
        inner = ", ".join(_py_structure(v) for v in struct)
        return "(" + inner + ("," if len(struct) == 1 else "") + ")"
    return safe_text(repr(struct))


def _py(shape, as_list=False):
    if isinstance(shape, list):
        return "[" + ", ".join(shape_text(s) for s in shape) + "]"
    text = shape_text(shape)
    return f"[{text}]" if as_list else text


def _connections(row: LayerSummary) -> list:
    return [f"{safe_text(name)}[{int_text(node_index)}][{int_text(tensor_index)}]"
            for name, node_index, tensor_index in row.inbound]


@gcpause.without_gc
def render(summary: ModelSummary, options: RenderOptions | None = None, **fields) -> str:
    """The text tf.keras prints (``keras2-classic``: Keras <= 2.6's layout): ``options``, or
    their fields as keywords."""
    options = RenderOptions.of(options, fields)
    classic = options.style == "keras2-classic"
    line_length, positions = options.line_length, options.positions
    expand_nested, show_trainable = options.expand_nested, options.show_trainable
    if not summary.built and any(not row.built for row in summary.layers):
        raise ParamscopeError(
            "This model has not yet been built. Build the model first by calling `build()` or by "
            "calling the model on a batch of data (Keras 2 does not summarise unbuilt models; use "
            "--style keras3, or give the first layer an input shape).")
    lines = []
    emit = lines.append
    if summary.sequential_like:
        line_length = line_length or 65
        positions = list(positions or [0.45, 0.85, 1.0])
        header = ["Layer (type)", "Output Shape", "Param #"]
    else:
        line_length = line_length or 98
        positions = list(positions or ([0.33, 0.55, 0.67, 1.0] if classic else [0.3, 0.6, 0.70, 1.0]))
        header = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
    if positions[-1] <= 1:
        positions = [int(line_length * p) for p in positions]
    if show_trainable:
        line_length += 11
        positions.append(line_length)
        header.append("Trainable")

    def params_of(row):
        if not row.built and not row.is_graph_network:
            return "0 (unused)"
        return int_text(row.params)

    def fields_of(row, level):
        fields = [f"{safe_text(row.name)} ({safe_text(row.class_name)})", _output_shape_text(row),
                  params_of(row)]
        if not summary.sequential_like:
            fields.append(_connections(row))
        if show_trainable:
            fields.append("Y" if row.trainable else "N")
        return fields

    if classic:
        _render_classic(summary, emit, header, positions, line_length, fields_of)
    else:
        _render_tf(summary, emit, header, positions, line_length, fields_of, expand_nested)
    return "".join(line + "\n" for line in lines)


def _classic_row(fields, positions):
    line = ""
    for i, field in enumerate(fields):
        if i > 0:
            line = line[:-1] + " "
        line += str(field)
        line = line[:positions[i]]
        line += " " * (positions[i] - len(line))
    return line


def _render_classic(summary, emit, header, positions, line_length, fields_of):
    emit("_" * line_length)
    emit(_classic_row(header, positions))
    emit("=" * line_length)
    rows = summary.layers
    for i, row in enumerate(rows):
        fields = fields_of(row, 0)
        if summary.sequential_like:
            emit(_classic_row(fields, positions))
        else:
            connections = fields[3]
            fields[3] = connections[0] if connections else ""
            emit(_classic_row(fields, positions))
            for extra in connections[1:]:
                emit(_classic_row(["", "", "", extra] + fields[4:], positions))
        emit("=" * line_length if i == len(rows) - 1 else "_" * line_length)
    if not rows:
        emit("=" * line_length)
    emit(f"Total params: {grouped(summary.weight_params)}")
    emit(f"Trainable params: {grouped(summary.trainable_params)}")
    emit(f"Non-trainable params: {grouped(summary.non_trainable_params)}")
    emit("_" * line_length)


_BREAKS = ("),", "},", "],", "',")


def _tf_row(emit, fields, positions, nested_level=0):
    """tf.keras's ``print_row``: each field wrapped to its column, piece by piece.

    The fields are consumed by moving an offset (tf.keras re-slices what is left, which
    costs the square of a long name's length); a layout whose columns are too narrow to
    consume anything (tf.keras loops forever there) is refused.
    """
    texts = [str(x) for x in fields]
    last = len(positions) - 1
    columns = []  # (column, text, cutoff, space, width to pad to)
    for col, text in enumerate(texts):
        start = positions[col - 1] if col > 0 else 0
        space = 2 if col != last else 0
        cutoff = positions[col] - start - space - (col != last) - (nested_level if col == 0 else 0)
        pad_to = positions[col] - (nested_level if nested_level and col == last else 0)
        columns.append((col, text, cutoff, space, pad_to))
    starts = [0] * len(texts)
    remaining = sum(map(len, texts))
    while remaining:
        line = ""
        for col, text, cutoff, space, pad_to in columns:
            at = starts[col]
            fit = text[at:at + cutoff] if cutoff >= 0 else text[at:][:cutoff]
            if fit:
                marks = [found + 2 for found in map(fit.find, _BREAKS) if found >= 0]
                if marks:
                    cutoff = min(marks)
                    fit = fit[:cutoff]
                # what tf.keras keeps: left[col][cutoff:]
                starts[col] = (min(len(text), at + cutoff) if cutoff >= 0
                               else at + max(0, len(text) - at + cutoff))
            if col == 0:
                line += "|" * nested_level + " "
            line += fit
            if space:
                line += "  "
            line += " " * (pad_to - len(line))
        line += "|" * nested_level
        emit(line)
        left = sum(len(text) - at for text, at in zip(texts, starts))
        if left >= remaining:
            raise ParamscopeError(
                "Insufficient console width to print summary: the columns of this line length "
                "are too narrow to hold any text (tf.keras would print the same line forever). "
                "Use a larger --line-length.")
        remaining = left


def _render_tf(summary, emit, header, positions, line_length, fields_of, expand_nested):
    emit(f'Model: "{safe_text(summary.name)}"')
    emit("_" * line_length)
    _tf_row(emit, header, positions)
    emit("=" * line_length)

    def print_layer(row, nested_level=0, is_nested_last=False):
        _tf_row(emit, fields_of(row, nested_level), positions, nested_level)
        if expand_nested and row.layers:
            emit("|" * (nested_level + 1) + "\u00af" * (line_length - 2 * nested_level - 2)
                 + "|" * (nested_level + 1))
            for i, sub in enumerate(row.layers):
                print_layer(sub, nested_level + 1, i == len(row.layers) - 1)
            emit("|" * nested_level + "\u00af" * (line_length - 2 * nested_level) + "|" * nested_level)
            # tf-keras reuses `is_nested_last` as its loop variable: after an expanded
            # model it is True, so no blank separator follows the closing line.
            is_nested_last = True
        if not is_nested_last:
            emit("|" * nested_level + " " * (line_length - 2 * nested_level) + "|" * nested_level)

    for row in summary.layers:
        print_layer(row)
    emit("=" * line_length)
    emit(f"Total params: {int_text(summary.weight_params)} "
         f"({readable_memory_size(summary.weight_bytes)})")
    emit(f"Trainable params: {int_text(summary.trainable_params)} "
         f"({readable_memory_size(summary.trainable_bytes)})")
    emit(f"Non-trainable params: {int_text(summary.non_trainable_params)} "
         f"({readable_memory_size(summary.non_trainable_bytes)})")
    emit("_" * line_length)
