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

from .. import modes
from ..errors import NeedsComputationError, ParamscopeError, with_message
from ..textsafe import safe_text
from . import shim
from .script_output import ScriptOutput


class ScriptResult:
    """What running a script produced: its globals and the models it built."""

    def __init__(self, path, namespace, models=(), warnings=(), stopped=None, skipped=(),
                 unused_settings=(), incomplete=()):
        self.path = path
        self.namespace = namespace
        self.models = list(models)
        self.warnings = list(warnings)
        #: The error that stopped the script (``ScriptError``), when the run returns what it
        #: built so far instead of raising: with ``keep_going`` (any stop), or with
        #: ``stop_at_computation`` (training, data loading...).
        self.stopped = stopped
        #: ``(line, text)`` of each statement skipped with ``keep_going``.
        self.skipped = list(skipped)
        #: ``--set`` options the script never needed.
        self.unused_settings = list(unused_settings)
        #: ``id()`` of models the script was building when it stopped (not summarised).
        self.incomplete = set(incomplete)


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


def _read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise ParamscopeError(f"cannot read {path}: {e.strerror}") from None


def _compile(source, path, keep_going):
    """``(code, statements)``; with ``keep_going`` the script runs statement by statement."""
    try:
        if keep_going:
            from .statements import instrument
            return instrument(source, path)
        return compile(source, path, "exec"), None
    except SyntaxError as e:
        # Each line terminal-safe as a whole (the path, the message and the line's text
        # are the script's).
        raise ScriptError(
            safe_text(f"{path}:{e.lineno}: syntax error: {e.msg}")
            + (f"\n    {safe_text(e.text.rstrip())}" if e.text else "")) from None
    except (ValueError, RecursionError, MemoryError) as e:  # e.g. null bytes, deep nesting
        raise ScriptError(safe_text(f"{path}: cannot compile the script: {e}")) from None


def _report_to_stderr(text):
    """A skipped statement's line on stderr: one terminal-safe line (it quotes the script:
    names, file names, exception texts)."""
    sys.stdout.flush()
    print(safe_text(text), file=sys.stderr, flush=True)


def run_script(path, argv=None, stdout=None, stop_at_computation=False, keep_going=False,
               settings=(), report=None):
    """Execute a script; return its namespace and the models it built.

    ``stdout``: where the script's own prints go (``None`` keeps stdout).
    ``stop_at_computation``: when the script reaches something that needs real computation
    (training after building its model, say), stop there and return what it built so far
    (``result.stopped`` holds the error) instead of raising.
    ``keep_going``: run statement by statement (:mod:`paramscope.keras.keep_going`): what
    needs data is skipped, each skipped statement is reported (``report(text)``, default
    stderr) and the script goes on; a stop is returned in ``result.stopped``.  With
    ``stop_at_computation`` too, training and inference stop it (the model as trained).
    ``settings``: ``--set NAME=VALUE`` options (with ``keep_going``).
    """
    settings = tuple(settings or ())
    if settings and not keep_going:
        raise ParamscopeError("--set applies when paramscope goes on past what needs data: "
                              "use it with `paramscope summary` or `paramscope run --keep-going`.")
    source = _read(path)
    if keep_going and not settings and report is None and only_builds_models(source):
        result = _run_whole_quietly(path, source, argv, stdout)
        if result is not None:
            return result
    code, statements = _compile(source, path, keep_going)
    runtime = None
    if keep_going:
        from .keep_going import KeepGoing
        from .settings import Settings
        runtime = KeepGoing(path, statements, Settings(settings), report or _report_to_stderr,
                            stop_at_computation=stop_at_computation)
    log, caught, stopped, namespace = _execute(path, code, argv, stdout, runtime)
    if stopped is not None and not keep_going and not (
            stop_at_computation and isinstance(stopped, NeedsComputationError)):
        raise stopped
    return ScriptResult(path, namespace, log, _script_warnings(caught), stopped,
                        runtime.skipped if runtime else (),
                        runtime.settings.unused() if runtime else (),
                        runtime.incomplete if runtime else ())


def _execute(path, code, argv, stdout, runtime=None, fd_target=None):
    """Run compiled script code: ``(models, warnings, stop, namespace)``.  The script's
    prints go to ``stdout`` (``None``: stdout), and what it writes to file descriptor 1
    directly to ``fd_target`` (default ``stdout``; see :mod:`.script_output`)."""
    from .. import backend_config, graph, naming
    naming.clear_session()
    backend_config.reset()
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    folders = paths = contextlib.nullcontext()
    if runtime is not None:
        from .keep_going import lazy_builtins
        from .missing_folders import raising
        from .statements import names_bound_and_read
        from .unknown_paths import passing_paths
        namespace["__paramscope__"] = runtime
        namespace.update(lazy_builtins())
        runtime.settings.bind_unassigned(namespace, *names_bound_and_read(runtime.statements))
        folders = runtime.folders = raising()
        paths = passing_paths()
    log = graph.start_model_log()
    saved_argv = sys.argv
    sys.argv = [path] + list(argv or [])
    script_dir = os.path.dirname(os.path.abspath(path))
    sys.path.insert(0, script_dir)
    script_scope = modes.running_script(path).__enter__()
    caught = []
    stopped = None
    redirect = ScriptOutput(stdout, fd_target) if stdout is not None else contextlib.nullcontext()
    try:
        with shim.installed(), warnings.catch_warnings(record=True) as caught, redirect, \
                folders, paths:
            warnings.simplefilter("always")
            try:
                exec(code, namespace)
            except BaseException as e:  # noqa: BLE001 - the script stopped: one message
                stopped = _stop_error(e, path)
    finally:
        sys.argv = saved_argv
        if sys.path and sys.path[0] == script_dir:
            del sys.path[0]
        graph.stop_model_log()
        script_scope.__exit__(None, None, None)
        unknown = sys.modules.get("paramscope.keras.unknown")
        if unknown is not None:
            unknown.forget()
    if stopped is None and runtime is not None and runtime.stop is not None:
        stopped = _stop_error(runtime.stop, path)  # the script's own `except:` swallowed it
    return list(log), caught, stopped, namespace


#: Modules a script may import and still only build models (see ``only_builds_models``).
_MODEL_MODULES = frozenset((b"keras", b"tensorflow", b"tf_keras", b"numpy", b"math",
                            b"paramscope", b"__future__"))
#: Words of a script that may read or write data, the command line or the environment.
_DATA_WORDS = (b"open(", b"read", b"load", b"fit", b"predict", b"evaluate", b"save", b"input(",
               b"argv", b"argparse", b"glob", b"Path", b"download", b"get_file", b"dataset",
               b"environ", b"getenv", b"system(", b"subprocess", b"socket", b"url", b"request",
               b"write", b"remove", b"mkdir", b"rmtree", b"unlink", b"exec(", b"eval(",
               b"__import__", b"importlib", b"tf.data", b"pickle", b"shelve", b"sqlite")


def only_builds_models(source):
    """Whether a script (bytes) imports only Keras, TensorFlow, NumPy and math and has none of
    the words of code that reads or writes data: then running it whole, and again statement
    by statement only if it fails, changes nothing but the time it takes."""
    if any(word in source for word in _DATA_WORDS):
        return False
    for line in source.splitlines():
        words = line.split()
        if words[:1] == [b"import"]:
            modules = [part.split()[0] for part in b" ".join(words[1:]).split(b",")
                       if part.split()]
        elif words[:1] == [b"from"] and len(words) > 1:
            modules = [words[1]]
        else:
            continue
        if not all(module.split(b".")[0] in _MODEL_MODULES for module in modules):
            return False
    return True


def _run_whole_quietly(path, source, argv, stdout):
    """Run a script that only builds models (``only_builds_models``) whole, holding back what
    it prints: its result if it ends normally, else ``None`` (then it runs again statement by
    statement, as if this run had not happened)."""
    import io
    try:
        code = compile(source, path, "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    printed = io.StringIO()
    before = set(sys.modules)
    with contextlib.redirect_stderr(printed):
        log, caught, stopped, namespace = _execute(path, code, argv, printed,
                                                   fd_target=stdout or sys.stdout)
    if stopped is not None:
        script_dir = os.path.dirname(os.path.abspath(path))
        for name in set(sys.modules) - before:  # the script's own modules run again too
            module_file = getattr(sys.modules[name], "__file__", None) or ""
            if os.path.dirname(os.path.abspath(module_file)) == script_dir:
                del sys.modules[name]
        return None
    (stdout or sys.stdout).write(printed.getvalue())
    return ScriptResult(path, namespace, log, _script_warnings(caught))


def _script_warnings(caught):
    seen = []
    for w in caught or []:
        if issubclass(w.category, ImportWarning) or _from_import_machinery(w):
            continue  # the import machinery's (e.g. Python 3.12's "__package__ !=
            # __spec__.parent" about the import shim's modules), not the script's
        text = str(w.message)
        if text not in seen:
            seen.append(text)
    return seen


def _from_import_machinery(warning):
    return str(getattr(warning, "filename", "")).startswith("<frozen importlib")


def _stop_error(error, path):
    """The ParamscopeError that reports ``error`` (which stopped the script), in a user's
    words, on one terminal-safe line (it quotes the script: its path, names, strings,
    exception texts, each escaped once); ``None`` when the script ended normally
    (``sys.exit(0)``).  Ctrl-C (a ``KeyboardInterrupt``, the script's own too) goes on up:
    the CLI exits with 130."""
    keep_going = sys.modules.get("paramscope.keras.keep_going")
    if keep_going is not None and isinstance(error, keep_going.ScriptStop):
        stop = ScriptError(safe_text(error))
        stop.building, stop.computation = error.building, error.computation
        return stop
    if isinstance(error, SystemExit):
        if error.code in (None, 0):
            return None
        return ScriptError(f"{safe_text(path)}: the script exited with status "
                           f"{_describe(error.code)}")
    if isinstance(error, KeyboardInterrupt):
        raise error
    line = _script_line(error.__traceback__, path)
    where = f"{safe_text(path)}:{line}" if line else safe_text(path)
    if isinstance(error, ParamscopeError):
        return with_message(error, f"{where}: {safe_text(error)}")
    if isinstance(error, Exception):
        from .failures import stop_message
        try:
            return ScriptError(f"{where}: {safe_text(stop_message(error, keep_going_hint=True))}")
        except Exception:  # noqa: BLE001 - a hostile __str__: said without it
            pass
    # BaseException subclasses (GeneratorExit, a script's own), or an error whose str() fails.
    text = _describe(error)
    return ScriptError(f"{where}: the script raised {safe_text(type(error).__name__)}"
                       + (f": {text}" if text else ""))


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


def _is_unknown(value):
    unknown = sys.modules.get("paramscope.keras.unknown")  # no unknown value without it
    return unknown is not None and unknown.is_unknown(value)


def built_models(result: ScriptResult):
    """``["encoder (encoder)", "'classifier'"]``: the top-level models a script built, each
    with the global variable that holds it, if any."""
    names = []
    for m in top_level_models(result.models):
        if id(m) in result.incomplete:
            continue
        globals_for = [k for k, v in result.namespace.items() if v is m and not k.startswith("_")]
        name = safe_text(m.name)
        names.append(f"{globals_for[0]} ({name})" if globals_for else name)
    return names


def pick_model(result: ScriptResult):
    """The script's global ``model``, else the only model it built, else an error."""
    from ..graph import Model
    candidate = result.namespace.get("model")
    if isinstance(candidate, Model):
        return candidate
    models = top_level_models(result.models)
    if _is_unknown(candidate):
        from .failures import story
        if len(models) == 1:
            print(f"paramscope: note: the script's `model` is unknown "
                  f"({safe_text(story(candidate))}); the summary is of the only model it "
                  f"built, {models[0].name!r}.", file=sys.stderr)
            return models[0]
        raise ScriptError(f"{safe_text(result.path)}: the script's `model` is unknown: "
                          f"{safe_text(story(candidate))}."
                          + (f" Models built: {', '.join(built_models(result))}; pass --model "
                             "NAME to summarise one of them." if models else ""))
    if len(models) == 1:
        return models[0]
    if not models:
        raise ScriptError(
            f"{safe_text(result.path)}: the script builds no Keras model. paramscope "
            "summarises the model in a global variable named `model`, or the only model the "
            "script builds.")
    raise ScriptError(
        f"{safe_text(result.path)}: the script builds {len(models)} models: "
        f"{', '.join(built_models(result))}. Assign the one to summarise to a global variable "
        "named `model` (or pass --model NAME).")


def pick_model_named(result: ScriptResult, name: str):
    from ..graph import Model
    value = result.namespace.get(name)
    if not isinstance(value, Model):
        value = next((m for m in result.models if m.name == name), None)
    if value is not None and id(value) in result.incomplete:
        raise ScriptError(f"The model {name!r} is incomplete: the script stopped while "
                          "building it.")
    if value is not None:
        return value
    raise ScriptError(
        f"{safe_text(result.path)}: no model named {name!r}: it is neither a global variable "
        "holding a model nor a model's name. Models built: "
        f"{', '.join(safe_text(m.name) for m in top_level_models(result.models)) or 'none'}.")
