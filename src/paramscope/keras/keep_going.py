"""Keep going past what needs data: the runtime of a script run statement by statement.

:mod:`paramscope.keras.statements` rewrites the script so that each statement that fails
calls :meth:`KeepGoing.failed`.  That decides, in this order:

1. The script's own ``except`` clause that names the error (``except ImportError:``)
   handles it, as written.
2. An error in script code that Keras called (a layer's ``call``, a ``Lambda`` function, an
   activation) is the layer's error: it goes to the layer, which stops the script.
3. A layer or model that needs an unknown value (``Dense(num_classes)``), an error Keras
   would raise (a layer that cannot take its input), the script's own error (``KeyError``
   on known values) and paramscope's failures stop the script with one message.
4. Training and inference (``model.fit``, ``predict``, ``evaluate``, ``save``) are skipped.
5. What needs data (a file, a download, a dataset's values, an unknown value's value), a
   package that is not installed, or TensorFlow itself: the statement is skipped, unless
   skipping it could leave a model other than the script's (it creates a layer or a model,
   or changes one: :func:`builds_model`): then the script stops.

A skipped statement is listed on stderr (``script.py:12: skipped (needs the data: no file
'train.csv'); df is unknown``) and the names it binds hold unknown values; ``--set NAME=VALUE``
gives such a name the user's value instead.  An object it would have changed in place becomes
unknown too, except an object of one of the script's classes whose methods say what the
statement sets: only those attributes become unknown (``gen.words``; ``--set
'gen.words=VALUE'`` gives one), the rest of it stays as the code made it.  Nothing is guessed: a number in a summary is
Keras's number for the script as written, or the value the user set.
"""

from __future__ import annotations

import os
import sys

from ..modes import unknown_values_made
from ..textsafe import safe_text
from . import unknown as unknowns
from .failures import PACKAGE, Failure, explain, is_argparse_exit, model_needs, uses
from .statement_effects import attributes_changed, builds_model, models_changed
from .unknown import Origin, Unknown

_OWN_FILES = {os.path.join(PACKAGE, "keras", name)
              for name in ("keep_going.py", "statements.py", "runner.py", "unknown.py",
                           "failures.py", "statement_effects.py")}

class ScriptStop(BaseException):
    """The script stops here; ``str()`` is the whole message.  A ``BaseException``, so that a
    script's ``except Exception`` does not swallow it.  ``building``: it stopped while
    building a model (rather than after, in code that only uses the models);
    ``computation``: it stopped at training or inference (``paramscope summary``)."""

    def __init__(self, message, building, computation=False):
        super().__init__(message)
        self.building = building
        self.computation = computation


class KeepGoing:
    """The runtime a guarded script calls (as ``__paramscope__``)."""

    #: Whether an unknown value was made yet (the guarded script checks it after each
    #: assignment: until then no name can hold one).
    unknowns_made = staticmethod(unknown_values_made)

    def __init__(self, path, statements, settings, report, stop_at_computation=False):
        self.path = path
        #: ``paramscope summary``: the model as the script trains it is the one summarised,
        #: so the run stops at the first ``fit``/``predict``/... (``run --keep-going`` goes on).
        self.stop_at_computation = stop_at_computation
        self.statements = statements
        self.settings = settings
        self.report = report            # report(text): one line on stderr
        self.skipped = []               # (line, text) of every skipped statement
        self.stop = None                # the ScriptStop, once the script stops
        self.incomplete = set()         # ids of the models the stopping statement was building
        self.folders = None             # the missing_folders.raising() of the run
        self._handlers = []
        self._reported = set()

    # -- called by the guarded script -------------------------------------------------------
    def failed(self, error, index):
        """A statement raised ``error``: stop (raise), or skip it: the values of the names it
        binds and the objects it changes (a tuple), or of a failed ``return``."""
        frame = sys._getframe(1)
        info = self.statements[index]
        failure = self._decide(error, info, frame, check_model=True)
        cause = unknowns.origin_of(failure.value) if failure.value is not None else None
        if cause is not None and cause.line == info.line:  # made on this very line
            cause = cause.cause
        skipped = Skipped(self, info, frame, Origin(info.line, failure.reason, cause))
        import _ast
        if isinstance(info.node, _ast.Return):
            return skipped.value(None)
        return tuple(skipped.value(name) for name in info.names + info.receivers)

    def _decide(self, error, info, frame, check_model):
        """The :class:`Failure` to go on with; raises to stop or to let the error through."""
        if error is self.stop and not _is_block(info.node) and builds_model(info.node, frame):
            # the stop came from inside what this statement was building (a layer's call
            # traced by ``model.add(...)``): that model is incomplete too
            self.incomplete.update(models_changed(info.node, frame, error))
        if is_argparse_exit(error) and not _called_by_keras(frame):
            return Failure("data", "needs its command-line arguments (argparse stopped it; "
                                   "`paramscope run --keep-going SCRIPT ARGS...` passes them)")
        if not isinstance(error, Exception) or isinstance(error, (StopIteration,
                                                                 StopAsyncIteration)):
            raise error
        if self._script_catches(error):
            raise error
        if _tensorflow1_only(error):  # neither TensorFlow 2 nor tf.keras runs it, even when
            self._stop(error, info, frame, Failure("stop", str(error)))  # Keras calls it
        if _called_by_keras(frame):
            raise error
        try:
            failure = explain(error, frame, info)
        except Exception:  # noqa: BLE001 - the script's exception has a __str__ that fails
            name = type(error).__name__
            failure = Failure("stop", f"the script raised {name}: <{name} object whose str() "
                                      "fails>")
        if failure.kind == "data" and check_model and builds_model(info.node, frame):
            failure = Failure("stop", model_needs(failure, info.node), failure.value,
                              building=True)
        if failure.kind == "stop" or (failure.kind == "computation" and self.stop_at_computation):
            self._stop(error, info, frame, failure)
        return failure

    def _stop(self, error, info, frame, failure):
        """Stop the script at ``info``'s statement, which raised ``error``, for ``failure``."""
        computation = failure.kind == "computation"
        building = failure.building or (not computation and builds_model(info.node, frame))
        if building:
            self.incomplete.update(models_changed(info.node, frame, error))
        # Terminal-safe: the path and the reason quote the script (its names, strings,
        # exception texts); each escaped once (a repr already in the reason stays as is).
        line = _line_of(error, self.path, info)
        self.stop = ScriptStop(f"{safe_text(self.path)}:{line}: {safe_text(failure.reason)}",
                               building, computation)
        raise self.stop from None

    def bound(self, index, values):
        """After a statement that ran: names now holding unknown values are listed."""
        info = self.statements[index]
        used = next((v for v in values if isinstance(v, Unknown)), None)
        reason = uses(used, info.line) if used is not None else None
        out, unknown_names, set_names = self._name_unknowns(info, values,
                                                            local=info.function is not None)
        if unknown_names or set_names:
            self.note_skipped(info, reason, unknown_names, set_names)
        return out

    def parameters(self, index, values):
        """A function of the script starts: parameters that receive unknown values are
        named after them (``--set`` gives them values)."""
        info = self.statements[index]
        out, _, set_names = self._name_unknowns(info, values, local=True)
        if set_names:
            self._say(info, "; ".join(f"{self.settings.shown(n)} (--set)" for n in set_names))
        return out

    def _name_unknowns(self, info, values, local):
        """``(values, unknown names, set names)``: each unknown value among ``values`` named
        after the variable ``info`` binds it to, or replaced by its ``--set`` value."""
        out, unknown_names, set_names = [], [], []
        for name, value in zip(info.names, values):
            if isinstance(value, Unknown):
                if name in self.settings.names:
                    value = self.settings.value(name, unknowns.origin_of(value))
                    set_names.append(name)
                else:
                    unknowns.bind(value, name, info.line, local)
                    unknown_names.append(name)
            out.append(value)
        return tuple(out), unknown_names, set_names

    def expression(self, index, value):
        """An expression statement that gives an unknown value (``plt.show()`` with ``plt``
        unknown) did nothing: it is listed as skipped."""
        if isinstance(value, Unknown):
            info = self.statements[index]
            self.note_skipped(info, uses(value, info.line), ())
        return value

    def context(self, make, index):
        """``with A:`` (no ``as``): when ``A`` fails for want of data, the block runs without it."""
        try:
            return make()
        except BaseException as error:  # noqa: BLE001 - decided by _decide()
            info = self.statements[index]
            failure = self._decide(error, info, sys._getframe(1), check_model=False)
            self._say(info, f"{failure.reason}; the block under it runs without it")
            return _NO_CONTEXT

    def importing(self, module):
        """The script is about to import ``glob`` or ``pathlib`` (see ``missing_folders``)."""
        if self.folders is not None:
            self.folders.module_imported(module)

    def script_handlers(self, types):
        return _Handlers(self._handlers, types)

    # -- reporting -------------------------------------------------------------------------
    def note_skipped(self, info, reason, names, set_names=(), builtin_names=()):
        text = f"skipped ({reason})"
        if names:
            text += f"; {', '.join(names)} {'is' if len(names) == 1 else 'are'} unknown"
        if builtin_names:
            text += f"; {', '.join(builtin_names)} {'is' if len(builtin_names) == 1 else 'are'} " \
                    "Python's own"
        for name in set_names:
            text += f"; {self.settings.shown(name)} (--set)"
        if self._say(info, text):
            self.skipped.append((info.line, text))

    def _say(self, info, text):
        where = f"{safe_text(self.path)}:{info.line}"
        if info.function:
            where += f" (in {info.function})"
        key = (info.line, text)
        if key in self._reported:
            return False
        self._reported.add(key)
        self.report(f"paramscope: {where}: {safe_text(text)}")  # one terminal-safe line
        return True

    def _script_catches(self, error):
        for entry in reversed(self._handlers):
            for kind in entry.types():
                if isinstance(kind, type) and issubclass(kind, BaseException) \
                        and isinstance(error, kind):
                    return True
        return False


def lazy_builtins():
    """Python's ``len``, ``min``, ``max``, ``sum``, ``sorted``, ``any`` and ``all`` for the
    script's globals: on an unknown value they give an unknown value (``len(class_names)``
    can then reach the function that builds the model, which stops at the layer that needs
    it) instead of stopping the statement.  Types (``int``, ``list``...) stay as they are."""
    import builtins
    return {name: _lazy(getattr(builtins, name))
            for name in ("len", "min", "max", "sum", "sorted", "any", "all")}


def _lazy(builtin):
    def function(*args, **kwargs):
        found = unknowns.find_unknown(args, depth=0)  # (not into lists: len(x) stays O(1))
        if found is not None:
            return unknowns.derived(found, f"{builtin.__name__}({unknowns.describe(found)})")
        return builtin(*args, **kwargs)
    function.__name__ = builtin.__name__
    function.__qualname__ = builtin.__qualname__
    function.__doc__ = builtin.__doc__
    return function


class Skipped:
    """A skipped statement: the values its names get (``value(name)``)."""

    def __init__(self, runtime, info, frame, origin):
        self.runtime = runtime
        self.info = info
        self.origin = origin
        self.frame_locals = frame.f_locals
        self.frame_globals = frame.f_globals
        unknown_names, set_names = [], []
        self.builtins = _compat_builtins(info.node)
        self.kept = set()  # objects of the script's classes that keep their identity
        for name in info.names + info.receivers:
            if name in self.builtins:
                continue
            if name not in info.names and not _keeps_identity(self._current(name)) \
                    and self._keep(name, self._current(name), unknown_names, set_names):
                continue
            if name in runtime.settings.names:
                set_names.append(name)
            elif name in info.names or not _keeps_identity(self._current(name)):
                unknown_names.append(name)
        for name in info.global_receivers:  # module-level objects a function changes in place
            current = frame.f_globals.get(name, _MISSING)
            if current is not _MISSING and not _keeps_identity(current) \
                    and not self._keep(name, current, unknown_names, set_names):
                frame.f_globals[name] = self._unknown(name)
                unknown_names.append(name)
        runtime.note_skipped(info, origin.reason, unknown_names, set_names, list(self.builtins))

    def _keep(self, name, current, unknown_names, set_names):
        """Whether the object ``name`` holds, which the skipped statement would have changed in
        place, keeps its identity: when it is of a class of the script whose methods say
        which attributes the statement sets (``name.words``), only those become unknown (or
        get their ``--set name.words=VALUE``), and what follows from its code and known
        values stays known.  Otherwise all of it becomes unknown."""
        attributes = attributes_changed(current, self.info.node, name, self.runtime.statements)
        if attributes is None:
            return False
        self.kept.add(name)
        settings = self.runtime.settings
        given = settings.attributes.get(name, {})
        for attribute in sorted(attributes):
            if attribute in given:
                settings.used.add(name)
                current.__dict__[attribute] = given[attribute]
                if name not in set_names:
                    set_names.append(name)
                continue
            text = f"{name}.{attribute}"
            current.__dict__[attribute] = unknowns.bind(Unknown(text, self.origin), text,
                                                        self.info.line)
            unknown_names.append(text)
        return True

    def _current(self, name):
        if name in self.frame_locals:
            return self.frame_locals[name]
        return self.frame_globals.get(name, _MISSING)

    def _unknown(self, name):
        return unknowns.bind(Unknown(name, self.origin), name, self.info.line,
                             local=self.info.function is not None)

    def value(self, name):
        if name is None:  # a failed ``return``
            function = f"{self.info.function or 'the function'}()"
            return Unknown(function, self.origin, source=(function, self.info.line))
        if name in self.builtins:
            return self.builtins[name]
        if name in self.kept:
            return self._current(name)
        if name in self.runtime.settings.names:
            return self.runtime.settings.value(name, self.origin)
        if name in self.info.receivers:
            current = self._current(name)
            if _keeps_identity(current):
                return current
        return self._unknown(name)


_MISSING = object()

#: Modules that only give Python 2/3 compatible names for Python's own functions.
_COMPAT_MODULES = ("six.moves", "six.moves.builtins", "builtins", "future.builtins",
                   "past.builtins")


def _compat_builtins(node):
    """``from six.moves import range``: names that are Python's own when the package is
    missing (``{"range": range}``)."""
    import _ast
    import builtins
    if not isinstance(node, _ast.ImportFrom) or node.module not in _COMPAT_MODULES:
        return {}
    return {alias.asname or alias.name: getattr(builtins, alias.name)
            for alias in node.names if hasattr(builtins, alias.name)}


def _keeps_identity(value):
    """Objects a failed statement does not turn unknown: modules, classes, functions, layers
    and models (their changes are checked elsewhere), symbolic tensors, unknown values."""
    import types
    from ..layers.base import KerasTensor, Layer
    return value is not _MISSING and isinstance(value, (
        types.ModuleType, type, types.FunctionType, types.BuiltinFunctionType, types.MethodType,
        Layer, KerasTensor, Unknown))


class _Handlers:
    """The ``except`` clauses of a script's ``try`` around the statements running now."""

    def __init__(self, stack, make_types):
        self.stack = stack
        self.make_types = make_types
        self._types = None

    def types(self):
        if self._types is None:
            try:
                made = self.make_types()
            except Exception:  # noqa: BLE001 - e.g. ``except tf.errors.X`` without TensorFlow
                made = ()
            self._types = list(_flatten_types(made))
        return self._types

    def __enter__(self):
        self.stack.append(self)
        return self

    def __exit__(self, *exc):
        if self.stack and self.stack[-1] is self:
            self.stack.pop()
        return False


def _flatten_types(value):
    if isinstance(value, tuple):
        for item in value:
            yield from _flatten_types(item)
    else:
        yield value


class _NoContext:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


_NO_CONTEXT = _NoContext()


def _is_block(node):
    """A compound statement (``if``, ``for``, ``with``, ``def``...): its own statements are
    guarded one by one."""
    return hasattr(node, "body") or hasattr(node, "cases")


def _tensorflow1_only(error):
    tensorflow = sys.modules.get("paramscope.keras.tensorflow")  # none without `import tensorflow`
    return tensorflow is not None and isinstance(error, tensorflow.TensorFlow1Error)


def _called_by_keras(frame):
    """Whether script code runs because paramscope (Keras) called it: a layer's ``call``,
    a Lambda's function, an activation, a shape function."""
    frame = frame.f_back
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename in _OWN_FILES:
            return False
        if filename.startswith(PACKAGE + os.sep):
            return True
        frame = frame.f_back
    return False


def _line_of(error, path, info):
    """The script line where ``error`` happened (at or inside the statement)."""
    target = os.path.abspath(path)
    line = None
    tb = error.__traceback__
    while tb is not None:
        if os.path.abspath(tb.tb_frame.f_code.co_filename) == target:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line or info.line


