"""Many models at once: ``paramscope summary DIR``, several MODEL arguments, or a glob.

Each model file found (``.keras``, ``.h5``, ``.json``; a directory is searched recursively,
``*.weights.h5`` files and hidden directories skipped) is summarised on its own; one row per
file: path, model name, params, trainable, non-trainable, weights size, MACs (when this
paramscope has ``paramscope.profile``) and the status, ``ok`` or the file's one-line error.
A file that fails does not stop the others; the command exits 2 if any failed.  A progress
bar goes to stderr when stderr is a terminal, nothing otherwise.

>>> import os, tempfile
>>> empty = tempfile.mkdtemp()
>>> find_models([empty])
Traceback (most recent call last):
...
paramscope.errors.ParamscopeError: no model files (.keras, .h5, .json) in ...
"""

from __future__ import annotations

import os
import sys

from .errors import ParamscopeError

MODEL_EXTENSIONS = (".keras", ".h5", ".json")
SKIPPED_SUFFIXES = (".weights.h5", ".weights.json")
FORMAT_VERSION = 1
#: Control characters (C0, DEL, C1) and the line/paragraph separators, each shown as U+FFFD.
_CONTROL = dict.fromkeys((*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029), "\ufffd")


def _has_glob_chars(path) -> bool:
    """Whether ``path`` holds a glob wildcard (``*``, ``?`` or ``[``), as glob.has_magic."""
    return "*" in path or "?" in path or "[" in path


def is_many(paths) -> bool:
    """Whether ``paramscope summary`` has many models to list (one row each)."""
    if len(paths) != 1:
        return True
    path = paths[0]
    return os.path.isdir(path) or (not os.path.exists(path) and _has_glob_chars(path))


def is_model_file(name) -> bool:
    lower = name.lower()
    return lower.endswith(MODEL_EXTENSIONS) and not lower.endswith(SKIPPED_SUFFIXES)


def _walk(directory):
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(root, f) for f in sorted(files) if is_model_file(f)]
    return found


def find_models(arguments) -> list:
    """The model files the arguments name, in order, each once: a directory's model files
    (recursively), a glob's matches, or the file itself (kept even when missing: its row
    says so).  Raises ParamscopeError when nothing at all is found."""
    found, empty = [], []
    for argument in arguments:
        if os.path.isdir(argument):
            files = _walk(argument)
        elif not os.path.exists(argument) and _has_glob_chars(argument):
            import glob  # only for a glob argument: off the start-up path

            files = sorted(p for p in glob.glob(argument, recursive=True)
                           if os.path.isfile(p) and is_model_file(p))
        else:
            files = [argument]
        if not files:
            empty.append(argument)
        found += [f for f in files if f not in found]
    if not found:
        raise ParamscopeError(
            f"no model files ({', '.join(MODEL_EXTENSIONS)}) in {', '.join(empty)}; "
            "give a directory that holds some, model files, or a glob such as 'models/*.keras'")
    for argument in empty:
        print(f"paramscope: warning: no model files ({', '.join(MODEL_EXTENSIONS)}) in "
              f"{argument}", file=sys.stderr)
    return found


class FileRow:
    """One file's line: its figures (``None`` when it failed) and ``error`` (one line)."""

    FIELDS = ("path", "name", "class_name", "total_params", "trainable_params",
              "non_trainable_params", "total_bytes", "macs", "status", "error")

    def __init__(self, path, summary=None, macs=None, error=None):
        self.path = path
        self.name = summary.name if summary else None
        self.class_name = summary.class_name if summary else None
        self.total_params = summary.total_params if summary else None
        self.trainable_params = summary.trainable_params if summary else None
        self.non_trainable_params = summary.non_trainable_params if summary else None
        size = summary.total_bytes if summary else None
        self.total_bytes = int(size) if size is not None and size == int(size) else size
        self.macs = macs
        self.error = error
        self.status = "ok" if error is None else "error"

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.FIELDS}


def one_line(error) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def _macs(model):
    """MACs per sample from ``paramscope.profile`` when this paramscope has it."""
    import paramscope
    profile = getattr(paramscope, "profile", None)
    if not callable(profile):
        return None
    try:
        return getattr(profile(model), "macs", None)
    except Exception:  # noqa: BLE001 - MACs are optional here: a file's row stays ok without
        return None


def summarise_file(path, load_options) -> FileRow:
    """The row of one file; any failure becomes its one-line error."""
    from .commands import load_model_source
    from .summary import summarize
    try:
        model = load_model_source(path, script_stdout=sys.stderr, **load_options)
        summary = summarize(model, with_explain=False)
    except ParamscopeError as e:
        return FileRow(path, error=one_line(e))
    except (Exception, RecursionError) as e:  # noqa: BLE001 - one file must not stop the rest
        return FileRow(path, error=f"internal error: {type(e).__name__}: {one_line(e)}")
    for text in summary.warnings:
        print(f"paramscope: warning: {path}: {text}", file=sys.stderr)
    return FileRow(path, summary, _macs(model))


class Progress:
    """``[#####.....] 3/10 path`` on stderr, redrawn in place; silent unless a terminal."""

    def __init__(self, total, stream=None, width=30):
        self.stream = sys.stderr if stream is None else stream
        self.total = total
        self.width = width
        self.active = bool(getattr(self.stream, "isatty", lambda: False)())

    def show(self, done, path=""):
        if not self.active:
            return
        filled = self.width * done // max(self.total, 1)
        label = safe_text(path)[-40:]
        self.stream.write(f"\r\x1b[K[{'#' * filled}{'.' * (self.width - filled)}] "
                          f"{done}/{self.total} {label}")
        self.stream.flush()

    def close(self):
        if self.active:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def summarise_files(paths, load_options=None, progress=None) -> list:
    progress = progress or Progress(len(paths))
    rows = []
    try:
        for i, path in enumerate(paths):
            progress.show(i, path)
            rows.append(summarise_file(path, load_options or {}))
        progress.show(len(paths))
    finally:
        progress.close()
    return rows


def safe_text(text) -> str:
    """Text for a terminal or a table: control characters become U+FFFD."""
    return str(text).translate(_CONTROL)
