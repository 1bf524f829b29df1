"""Front ends: ``plot_model`` with Keras's signature, and the pieces ``paramscope plot`` uses.

No Graphviz, no pydot: the picture is laid out and written by paramscope (SVG), or written
as DOT text for Graphviz users.  Files are written whole or not at all (a temporary file in
the same directory, then renamed).
"""

from __future__ import annotations

import os
import sys
import tempfile

from ..errors import ParamscopeError
from . import dot as dot_writer
from . import svg as svg_writer
from .from_model import Options, model_diagram
from .layout import RANKDIRS, layout

#: Output formats by file extension.
EXTENSIONS = {".svg": "svg", ".dot": "dot", ".gv": "dot"}


class DiagramImage:
    """What ``plot_model`` returns: the SVG text, shown as a picture in notebooks."""

    def __init__(self, svg, path=None):
        self.svg = svg
        self.path = path

    def _repr_svg_(self):
        return self.svg

    def __repr__(self):
        where = f" written to {self.path!r}" if self.path else ""
        return f"<paramscope diagram{where}: {len(self.svg)} characters of SVG>"


def check_rankdir(rankdir):
    if not isinstance(rankdir, str) or rankdir.upper() not in RANKDIRS:
        raise ParamscopeError(f"rankdir must be one of {', '.join(RANKDIRS)} (top to bottom, "
                              f"bottom to top, left to right, right to left); received "
                              f"{rankdir!r}")
    return rankdir.upper()


def render_model(model, fmt="svg", rankdir="TB", options=None, summary=None):
    """The SVG or DOT text of ``model``'s diagram."""
    rankdir = check_rankdir(rankdir)
    diagram = model_diagram(model, options, summary)
    if fmt == "dot":
        return dot_writer.render(diagram, rankdir)
    svg_writer.measure(diagram)
    return svg_writer.render(diagram, layout(diagram, rankdir))


def output_format(path):
    """``svg`` or ``dot`` from a file name, or None for another extension."""
    return EXTENSIONS.get(os.path.splitext(str(path))[1].lower())


def plot_format(output, fmt=None):
    """The format ``paramscope plot`` writes: ``fmt`` if given, else from the output file's
    extension (SVG on stdout without one)."""
    if fmt:
        return fmt
    if not output:
        return "svg"
    found = output_format(output)
    if found is None:
        raise ParamscopeError(
            f"{output}: paramscope plot writes SVG (.svg) or DOT text (.dot, .gv), not "
            f"'{os.path.splitext(output)[1] or 'a file without extension'}'; name the file "
            "model.svg (a browser converts it to PNG), or pass --format svg|dot")
    return found


def check_output_path(path):
    """Raise ParamscopeError unless a file can be created at ``path``."""
    path = os.fspath(path)
    if not path:
        raise ParamscopeError("the output file name is empty")
    if os.path.isdir(path):
        raise ParamscopeError(f"{path}: is a directory; give a file name such as "
                              f"{os.path.join(path, 'model.svg')}")
    directory = os.path.dirname(path) or "."
    if not os.path.exists(directory):
        raise ParamscopeError(f"cannot write {path}: the directory {directory} does not exist")
    if not os.path.isdir(directory):
        raise ParamscopeError(f"cannot write {path}: {directory} is not a directory")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise ParamscopeError(f"cannot write {path}: the directory {directory} is not writable")


def write_atomically(path, text):
    """Write ``text`` to ``path`` through a temporary file in the same directory."""
    check_output_path(path)
    path = os.fspath(path)
    directory = os.path.dirname(path) or "."
    try:
        fd, temp = tempfile.mkstemp(dir=directory, prefix=".paramscope-", suffix=".tmp")
    except OSError as e:
        raise ParamscopeError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException as e:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise ParamscopeError(f"cannot write {path}: {e.strerror or e}") from None
        raise


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def plot_model(model, to_file="model.png", show_shapes=False, show_dtype=False,
               show_layer_names=False, rankdir="TB", expand_nested=False, dpi=200,
               show_layer_activations=False, show_trainable=False, splines="ortho",
               show_params=False, **kwargs):
    """Keras's ``keras.utils.plot_model``, drawn by paramscope.

    ``to_file`` ending in ``.svg`` gets the SVG, ``.dot``/``.gv`` the DOT text; any other
    name (Keras's default ``model.png``) gets the SVG beside it (``model.svg``), and a note
    on stderr says so: writing PNG would need a rasteriser, which paramscope does not have.
    ``show_params`` (paramscope's) adds each layer's parameter count.  ``dpi`` and
    ``splines`` are accepted for compatibility; the SVG is resolution-free and its edges are
    curves.  Returns a :class:`DiagramImage` (shown as the picture in a notebook).
    """
    if kwargs.pop("layer_range", None) is not None:
        raise ParamscopeError("Argument `layer_range` is no longer supported.")
    if kwargs:
        raise ParamscopeError(f"Unrecognized keyword arguments: {kwargs}")
    options = Options(show_shapes=show_shapes, show_dtype=show_dtype,
                      show_layer_names=show_layer_names,
                      show_layer_activations=show_layer_activations,
                      show_trainable=show_trainable, show_params=show_params,
                      expand_nested=expand_nested)
    to_file = os.fspath(to_file)
    fmt = output_format(to_file)
    target = to_file
    if fmt is None:
        target = os.path.splitext(to_file)[0] + ".svg"
        fmt = "svg"
    text = render_model(model, fmt, rankdir, options)
    write_atomically(target, text)
    if target != to_file:
        print(f"paramscope: plot_model wrote SVG to {target} instead of {to_file} (paramscope "
              "writes SVG and DOT; a PNG would need Graphviz or a browser to convert it)",
              file=sys.stderr)
    return DiagramImage(text if fmt == "svg" else render_model(model, "svg", rankdir, options),
                        target)
