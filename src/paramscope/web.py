"""The browser page's Python side (``web/``): what the page runs inside Pyodide.

The page's code is run with the script runner of ``paramscope summary model.py`` and a
dropped model file is read as ``paramscope summary FILE`` reads it; the answers are plain
dicts (JSON-able) for the page: the Keras 3 table as rows, the text in every style, the
``--explain`` lines, the summary JSON (``--format json``), the notes the CLI prints on
stderr, or the error message the CLI prints with the line of the code it points at.
Nothing here needs a browser (``tests/test_web_glue.py``).

It uses paramscope's public functions (the CLI's ``load_model_source``, ``summarize``, the
renderers' ``render_summary``, ``explain.lines`` and the JSON renderer); only
:func:`render_texts` and :func:`table` know how the renderers take their options and lay out
Keras 3's table, so a change there (one options value for the renderers) touches those two.

>>> session = Session()
>>> result = session.run_code("import keras\\nmodel = keras.Sequential("
...                           "[keras.Input((2,)), keras.layers.Dense(3)])\\n")
>>> result["ok"], result["summary"]["total_params"], result["table"]["totals"][0]
(True, 9, ['Total params:', '9 (36.00 B)'])
>>> session.run_code("import keras\\nkeras.layers.Dense(-1)\\n")["line"]
2
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tempfile
import time

from .errors import ParamscopeError

#: The file name the page's code is run as; messages name it as the CLI would.
SCRIPT_NAME = "model.py"
#: The terminal width Keras is assumed to print in (wide enough for its default line lengths).
COLUMNS = 200
#: The most of a script's own output that is kept (a print loop must not fill the page).
MAX_OUTPUT = 100_000
STYLES = ("keras3", "keras2", "keras2-classic")


class Options:
    """Display options of the page (the CLI's ``--show-trainable``, ``--expand-nested`` and
    ``--style``)."""

    def __init__(self, show_trainable=False, expand_nested=False, style="keras3"):
        self.show_trainable = bool(show_trainable)
        self.expand_nested = bool(expand_nested)
        self.style = style if style in STYLES else "keras3"

    @classmethod
    def from_mapping(cls, values):
        values = dict(values or {})
        return cls(values.get("show_trainable", False), values.get("expand_nested", False),
                   values.get("style", "keras3"))


def semantics_of(style) -> str:
    """The Keras a script is built as for ``style``: ``keras2`` (tf.keras: TFOpLambda rows,
    its auto-names) for the two Keras 2 styles, as ``paramscope summary --style`` builds it."""
    return "keras2" if str(style).startswith("keras2") else "keras3"


class _CappedText(io.StringIO):
    """A text stream that keeps the first ``limit`` characters."""

    def __init__(self, limit=None):
        super().__init__()
        self.limit = MAX_OUTPUT if limit is None else limit
        self.truncated = False

    def write(self, text):
        room = self.limit - self.tell()
        if len(text) > room:
            self.truncated = True
            text = text[:max(room, 0)]
        return super().write(text) if text else 0

    def text(self):
        value = self.getvalue()
        return value + "\n[... output truncated ...]\n" if self.truncated else value


class Session:
    """One page: runs code or reads files, and keeps the last model to re-render it."""

    def __init__(self, workdir=None):
        _add_missing_os_functions()
        self.workdir = workdir or tempfile.mkdtemp(prefix="paramscope-web-")
        self.model = None
        self.summary = None
        #: For code: the Keras it was built as (see :func:`semantics_of`); None for a file.
        self.semantics = None

    def run_code(self, code, options=None) -> dict:
        """Run ``code`` as ``paramscope summary model.py`` would; the result dict."""
        return self._load(SCRIPT_NAME, code.encode("utf-8"), options, is_script=True)

    def read_file(self, name, data, options=None) -> dict:
        """Summarise a model file's bytes (``.keras``, ``.h5``, ``.json``) named ``name``."""
        return self._load(safe_file_name(name), bytes(data), options, is_script=False)

    def call_json(self, method, args_json, data=None) -> str:
        """The page's worker calls this: a method by name, its arguments as JSON (``data``: a
        dropped file's bytes, a JavaScript ``Uint8Array`` in Pyodide); the answer as JSON."""
        args = json.loads(args_json)
        options = args.get("options")
        if method == "run_code":
            result = self.run_code(args["code"], options)
        elif method == "read_file":
            result = self.read_file(args["name"], _as_bytes(data), options)
        elif method == "render":
            result = self.render(options)
        elif method == "profile":
            result = self.profile(args.get("batch_size", 1), args.get("optimizer"))
        else:
            raise ValueError(f"unknown method {method!r}")
        return json.dumps(result)

    def render(self, options=None) -> dict:
        """The last model's result again, with other display options."""
        if self.summary is None:
            return {"ok": False, "error": "paramscope: error: nothing to show yet: run some code "
                                          "or drop a model file", "line": None}
        return self._result(Options.from_mapping(options), source=None)

    def _load(self, name, data, options, is_script):
        from . import summarize
        from .commands import load_model_source
        start = time.perf_counter()
        from .keras.tensorflow import tf_keras_semantics
        stdout, stderr = _CappedText(), _CappedText()
        self.model = self.summary = None
        semantics = semantics_of(Options.from_mapping(options).style) if is_script else None
        try:
            with _in_directory(self.workdir), _columns(COLUMNS), \
                    contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), \
                    tf_keras_semantics(semantics == "keras2"):
                with open(name, "wb") as f:
                    f.write(data)
                try:
                    model = load_model_source(name, script_stdout=stdout)
                    summary = summarize(model, with_explain=True)
                finally:
                    os.remove(name)
        except ParamscopeError as e:
            message = f"paramscope: error: {e}"
            return {"ok": False, "error": message, "line": error_line(message) if is_script
                    else None, "notes": stderr.text(), "output": stdout.text(),
                    "elapsed_ms": _ms(start)}
        except Exception as e:  # noqa: BLE001 - a bug in paramscope: say so, keep the page usable
            import traceback
            return {"ok": False, "internal": True, "line": None,
                    "error": f"paramscope: internal error: {type(e).__name__}: {e} (a bug in "
                             "paramscope, not in your code: please report it with the code)",
                    "traceback": traceback.format_exc(), "notes": stderr.text(),
                    "output": stdout.text(), "elapsed_ms": _ms(start)}
        self.model, self.summary, self.semantics = model, summary, semantics
        notes = stderr.text() + "".join(f"paramscope: warning: {w}\n" for w in summary.warnings)
        result = self._result(Options.from_mapping(options), source=name)
        result.update(notes=notes, output=stdout.text(), elapsed_ms=_ms(start))
        return result

    def _result(self, options, source):
        from .report import json as json_report
        summary = self.summary
        with _columns(COLUMNS):
            texts = render_texts(summary, options, self.semantics)
        return {"ok": True, "source": source, "semantics": self.semantics,
                "summary": json_report.to_dict(summary),
                "json_text": json_report.render(summary),
                "table": table(summary, options), "text": texts,
                "explain": explain_lines(summary), "profile_available": profile_available()}

    def profile(self, batch_size=1, optimizer=None) -> dict:
        """The MACs and memory panel's figures (issue 11's ``paramscope.profile``).

        The hook for that panel: the page shows it only when :func:`profile_available`.
        """
        if self.model is None:
            return {"ok": False, "error": "paramscope: error: nothing to profile yet"}
        if not profile_available():
            return {"ok": False, "error": "paramscope: error: this paramscope has no profile "
                                          "(MACs and memory) yet"}
        try:
            return {"ok": True, "profile": profile_figures(self.model, batch_size, optimizer)}
        except ParamscopeError as e:
            return {"ok": False, "error": f"paramscope: error: {e}"}


def profile_available() -> bool:
    """Whether this paramscope has ``paramscope.profile`` (issue 11): the page's panel hook."""
    import paramscope
    return callable(getattr(paramscope, "profile", None))


def profile_figures(model, batch_size, optimizer) -> dict:
    """The profile of ``model`` as the JSON of ``paramscope profile --format json``.

    Issue 11 specifies that JSON (per layer ``macs`` and ``activation_bytes``, top level
    ``macs``, ``flops``, ``batch_size`` and ``memory``) and the plain object
    ``paramscope.profile`` returns; the page's panel (web/src/profile.js) reads those fields.
    When the profile lands, this is the one place that turns its object into that dict.
    """
    import paramscope
    profile = paramscope.profile(model, batch_size=batch_size, optimizer=optimizer)
    to_dict = getattr(profile, "to_dict", None)
    if to_dict is None:
        raise ParamscopeError("the page cannot read this paramscope.profile result: connect "
                              "paramscope.web.profile_figures to the profile's JSON renderer")
    return to_dict()


def render_texts(summary, options, semantics=None) -> dict:
    """The summary text in every style, exactly as the CLI prints it (no colour); for code
    built as one Keras (``semantics``), the styles of that Keras only: the others need the
    code run again (``paramscope summary --style keras2`` builds it as tf.keras)."""
    from . import report
    return {style: report.render_summary(summary, style=style,
                                         show_trainable=options.show_trainable,
                                         expand_nested=options.expand_nested)
            for style in STYLES if semantics in (None, semantics_of(style))}


def explain_lines(summary) -> list:
    """The ``--explain`` lines, without the blank line that separates them from the table."""
    from .report import explain
    return [line for line in explain.lines(summary) if line]


def table(summary, options) -> dict:
    """Keras 3's summary table as plain cells: header, alignments, rows and totals."""
    from .report import keras3
    from .report.explain_words import all_words
    header, align, _, _ = keras3.layout(summary, show_trainable=options.show_trainable,
                                        columns=COLUMNS)
    rows = []
    for level, row in summary.iter_rows(options.expand_nested):
        cells = [f"{row.name} ({row.class_name})",
                 "".join(text for text, _ in keras3.output_shape_spans(row.output_shape)),
                 f"{row.params:,}" if row.built else "0 (unbuilt)"]
        if not summary.sequential_like:
            cells.append(", ".join(f"{name}[{node}][{tensor}]"
                                   for name, node, tensor in row.inbound) or "-")
        if options.show_trainable:
            cells.append(("Y" if row.trainable else "N") if row.weights else "-")
        rows.append({"level": level, "cells": cells, "name": row.name,
                     "explain": all_words(row.explain) + all_words(row.explain_output)})
    totals = [("Total params:", summary.total_params, summary.total_bytes),
              ("Trainable params:", summary.trainable_params, summary.trainable_bytes),
              ("Non-trainable params:", summary.non_trainable_params, summary.non_trainable_bytes)]
    if summary.optimizer_params is not None:
        totals.append(("Optimizer params:", summary.optimizer_params, summary.optimizer_bytes))
    return {"title": f'Model: "{summary.name}"', "header": header, "align": align, "rows": rows,
            "totals": [[label, f"{count:,} ({keras3.readable_memory_size(size)})"]
                       for label, count, size in totals]}


_LINE = re.compile(r"^paramscope: error: " + re.escape(SCRIPT_NAME) + r":(\d+):")


def error_line(message):
    """The line of the page's code an error message points at (``model.py:LINE:``), or None."""
    match = _LINE.match(message)
    return int(match.group(1)) if match else None


def safe_file_name(name) -> str:
    """A dropped file's name as a plain file name: its folders and odd characters removed, and
    never a Python script's (a file is read as a model file, never run)."""
    base = re.split(r"[\\/]", str(name))[-1]
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .")[-120:].lstrip(" .")
    if not base:
        base = "model.bin"
    if base.lower().endswith((".py", ".pyw")):
        base += ".txt"
    return base


@contextlib.contextmanager
def _in_directory(path):
    saved = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(saved)


@contextlib.contextmanager
def _columns(columns):
    """``COLUMNS`` as a terminal of that width sets it (Keras reads it for the line length)."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(columns)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def _no_terminal(fd=1):
    raise OSError(25, "Inappropriate ioctl for device")


def _add_missing_os_functions():
    """Pyodide's ``os`` has no ``get_terminal_size``: behave as stdout that is not a terminal."""
    if not hasattr(os, "get_terminal_size"):
        os.get_terminal_size = _no_terminal


def _as_bytes(data) -> bytes:
    to_bytes = getattr(data, "to_bytes", None)  # a JavaScript typed array under Pyodide
    return to_bytes() if to_bytes is not None else bytes(data)


def _ms(start):
    return round((time.perf_counter() - start) * 1000, 1)
