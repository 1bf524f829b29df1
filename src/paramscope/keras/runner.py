"""Run a user's Keras script on paramscope (``paramscope run``, ``paramscope summary x.py``).

The script runs as ``__main__`` with the import shim active, so ``import
keras`` / ``import tensorflow as tf`` give paramscope.  Every model it builds
is recorded; errors in the script become one clear message naming the file and
line.
"""

from __future__ import annotations

import contextlib
import os
import sys
import warnings

from ..errors import NeedsComputationError, ParamscopeError
from ..textsafe import safe_text
from . import shim


class ScriptResult:
    """What running a script produced: its globals and the models it built."""

    def __init__(self, path, namespace, models=(), warnings=(), stopped=None):
        self.path = path
        self.namespace = namespace
        self.models = list(models)
        self.warnings = list(warnings)
        #: With ``stop_at_computation``: the error that stopped the script (``fit``,
        #: ``predict``, data loading, ...), whose models so far are the result.
        self.stopped = stopped


class ScriptError(ParamscopeError):
    """The user's script failed (syntax error, exception, no model)."""


def _script_line(tb, path):
    """The last ``file:line`` of the traceback that is in the script."""
    line = None
    target = os.path.abspath(path)
    while tb is not None:
        if os.path.abspath(tb.tb_frame.f_code.co_filename) == target:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _describe(value) -> str:
    """``str(value)`` of something the script made, on one terminal-safe line (its
    ``__str__`` may fail, or return anything)."""
    try:
        text = str(value)
    except BaseException:  # noqa: BLE001 - a hostile __str__
        text = f"<{safe_text(type(value).__name__)} object whose str() fails>"
    return safe_text(text)


class _ScriptOutput:
    """The script's output goes to ``stream``: ``sys.stdout`` and, at the OS level, file
    descriptor 1 (``os.write(1, ...)``, ``print(file=sys.__stdout__)``, subprocesses),
    so that paramscope's own stdout (``--format json``) stays clean.  Restored after,
    with ``sys.stdout``/``sys.stderr`` as they were."""

    def __init__(self, stream):
        self.stream = stream
        self.saved_fd = None

    def __enter__(self):
        self.saved = (sys.stdout, sys.stderr)
        target = None
        try:
            target = self.stream.fileno()
        except (AttributeError, OSError, ValueError):
            pass  # not a real file (tests' StringIO): sys.stdout only
        if target is not None and target != 1:
            _flush(sys.stdout, sys.__stdout__)
            try:
                self.saved_fd = os.dup(1)
                os.dup2(target, 1)
            except OSError:
                self.saved_fd = None
        sys.stdout = self.stream
        return self

    def __exit__(self, *exc):
        _flush(sys.stdout, sys.__stdout__, self.stream)
        sys.stdout, sys.stderr = self.saved
        if self.saved_fd is not None:
            os.dup2(self.saved_fd, 1)
            os.close(self.saved_fd)
        return False


def _flush(*streams):
    for stream in streams:
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass


def run_script(path, argv=None, stdout=None, stop_at_computation=False):
    """Execute a script; return its namespace and the models it built.

    ``stdout``: where the script's own prints go (``None`` keeps stdout).
    ``stop_at_computation``: when the script reaches something that needs real computation
    (training after building its model, say), stop there and return what it built so far
    (``result.stopped`` holds the error) instead of raising.
    """
    from .. import backend_config, graph, naming
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as e:
        raise ParamscopeError(f"cannot read {path}: {e.strerror}") from None
    try:
        code = compile(source, path, "exec")
    except SyntaxError as e:
        raise ScriptError(
            f"{path}:{e.lineno}: syntax error: {safe_text(e.msg)}"
            + (f"\n    {safe_text(e.text.rstrip())}" if e.text else "")) from None
    except ValueError as e:  # e.g. null bytes
        raise ScriptError(f"{path}: cannot compile the script: {safe_text(e)}") from None

    naming.clear_session()
    backend_config.reset()
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    log = graph.start_model_log()
    saved_argv = sys.argv
    sys.argv = [path] + list(argv or [])
    script_dir = os.path.dirname(os.path.abspath(path))
    sys.path.insert(0, script_dir)
    caught = []
    stopped = None
    redirect = _ScriptOutput(stdout) if stdout is not None else contextlib.nullcontext()
    try:
        with shim.installed(), warnings.catch_warnings(record=True) as caught, redirect:
            warnings.simplefilter("always")
            try:
                exec(code, namespace)
            except SystemExit as e:
                if e.code not in (None, 0):
                    raise ScriptError(f"{path}: the script exited with status "
                                      f"{_describe(e.code)}") from None
            except KeyboardInterrupt:
                raise  # Ctrl-C (or the script raising it): the CLI exits with 130
            except ParamscopeError as e:
                line = _script_line(e.__traceback__, path)
                where = f"{path}:{line}: " if line else f"{path}: "
                message = where + safe_text(e)  # a name from the script may hold anything
                if stop_at_computation and isinstance(e, NeedsComputationError):
                    stopped = type(e)(message)
                else:
                    raise type(e)(message) from None
            except BaseException as e:  # noqa: BLE001 - the script failed: report, no traceback
                # Exception, and BaseException subclasses (GeneratorExit, a script's own).
                line = _script_line(e.__traceback__, path)
                where = f"{path}:{line}" if line else path
                text = _describe(e)
                raise ScriptError(f"{where}: the script raised {safe_text(type(e).__name__)}"
                                  + (f": {text}" if text else "")) from None
    finally:
        sys.argv = saved_argv
        if sys.path and sys.path[0] == script_dir:
            del sys.path[0]
        graph.stop_model_log()
    seen = []
    for w in caught or []:
        if issubclass(w.category, ImportWarning):  # the import machinery's, not the script's
            continue
        text = str(w.message)
        if text not in seen:
            seen.append(text)
    return ScriptResult(path, namespace, list(log), seen, stopped)


def top_level_models(models):
    """Models that are not used inside another recorded model, in creation order."""
    nested = set()
    for m in models:
        stack = list(getattr(m, "_layers", []))
        while stack:
            layer = stack.pop()
            nested.add(id(layer))
            stack.extend(getattr(layer, "_layers", []))
    return [m for m in models if id(m) not in nested]


def pick_model(result: ScriptResult):
    """The script's global ``model``, else the only model it built, else an error."""
    from ..graph import Model
    candidate = result.namespace.get("model")
    if isinstance(candidate, Model):
        return candidate
    models = top_level_models(result.models)
    if len(models) == 1:
        return models[0]
    if not models:
        raise ScriptError(
            f"{result.path}: the script builds no Keras model. paramscope summarises the model "
            "in a global variable named `model`, or the only model the script builds.")
    names = []
    for m in models:
        globals_for = [k for k, v in result.namespace.items() if v is m and not k.startswith("_")]
        names.append(f"{globals_for[0]} ({m.name})" if globals_for else m.name)
    raise ScriptError(
        f"{result.path}: the script builds {len(models)} models: {', '.join(names)}. Assign the "
        "one to summarise to a global variable named `model` (or pass --model NAME).")


def pick_model_named(result: ScriptResult, name: str):
    from ..graph import Model
    value = result.namespace.get(name)
    if isinstance(value, Model):
        return value
    for m in result.models:
        if m.name == name:
            return m
    raise ScriptError(
        f"{result.path}: no model named {name!r}: it is neither a global variable holding a "
        f"model nor a model's name. Models built: {', '.join(m.name for m in top_level_models(result.models)) or 'none'}.")
