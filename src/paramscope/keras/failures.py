"""Why a statement of a script failed, in a user's words.

:func:`explain` turns an exception into a :class:`Failure`: what kind of failure it is (a
stop, a model's computation, or a need for data) and the words that say so: "needs the data:
'train.csv' does not exist", "needs package pandas, which is not installed", "needs
TensorFlow: tf.data is TensorFlow itself", "uses x_train, unknown since line 12", what Keras
would say, the script's own error.  :func:`needed_message` says what a layer or model needs
that paramscope does not have, where it comes from, and the ``--set`` that supplies it.
"""

from __future__ import annotations

import os

from ..errors import (LayerError, MissingAPIError, MissingDependencyError, ModelComputationError,
                      ModelFileError, NeedsComputationError, NotInKerasError, ParamscopeError,
                      ShapeError, UnknownLayerError)
from . import unknown as unknowns
from .statement_effects import KERAS2_ONLY_METHODS, calls_method, resolve
from .unknown import Unknown, UnknownValueError

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Failure:
    """Why a statement could not run: ``kind`` is ``"stop"``, ``"computation"`` (skipped even
    in model-building code) or ``"data"`` (skipped unless the statement builds the model)."""

    def __init__(self, kind, reason, value=None, building=False, detail=None):
        self.kind = kind
        self.reason = reason  # words for "skipped (...)" or the stop message
        self.detail = detail or reason  # the whole story, for a stop
        self.value = value    # the unknown value it needed, if that was why
        self.building = building  # a stop while building a model (Keras's error, say)


def uses(value, line=None):
    """``uses x_train, unknown since line 12``, or why a value made on this line is unknown."""
    source = unknowns.source_of(value)
    if source is not None:
        return f"uses {source[0]}, unknown since line {source[1]}"
    origin = unknowns.origin_of(value)
    if origin.line is None or origin.line == line:
        return origin.reason
    return f"uses a value unknown since line {origin.line}, which {origin.reason}"


def _leading_name(value):
    text = unknowns.describe(value)
    end = 0
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return text[:end] or text


def stop_message(error, keep_going_hint=False):
    """Why ``error`` stopped a script run whole (``paramscope run``), in a user's words."""
    failure = explain(error)
    if failure.kind == "stop":
        return failure.reason
    text = failure.reason
    if keep_going_hint:
        text += (" (`paramscope summary` and `paramscope run --keep-going` go on past what "
                 "needs data)")
    return text


def explain(error, frame=None, info=None):
    """The :class:`Failure` behind ``error`` raised by the statement ``info``."""
    needed = _unknown_value_error(error)
    if needed is not None:
        if needed.needed_by is not None:
            return Failure("stop", needed_message(needed.value, needed.needed_by,
                                                  needed.as_shape, needed.settable),
                           needed.value, building=True)
        return Failure("data", uses(needed.value, info.line if info else None), needed.value)
    if isinstance(error, (LayerError, ShapeError, UnknownLayerError)):
        return Failure("stop", str(error), building=True)
    if isinstance(error, NeedsComputationError):
        return _computation_failure(error)
    if isinstance(error, ImportError):
        return Failure("data", _import_reason(error))
    if isinstance(error, OSError):
        return Failure("data", _os_reason(error))
    if isinstance(error, ModelFileError):
        return Failure("data", f"needs the data: {_first_sentence(str(error))}",
                       detail=str(error))
    if isinstance(error, NotInKerasError):  # Keras 3 has no such name: it stops there too
        return Failure("stop", str(error))
    if isinstance(error, (MissingAPIError, MissingDependencyError)):
        return Failure("data", f"cannot run here: {_first_sentence(str(error))}",
                       detail=str(error))
    if isinstance(error, ParamscopeError):
        return Failure("stop", str(error), building=True)
    if _needs_notebook(error):
        return Failure("data", "needs a notebook: get_ipython() exists only in a Jupyter or "
                               "IPython kernel")
    involved = _unknown_involved(error, frame, info)
    if involved is not None:
        return Failure("data", uses(involved, info.line if info else None), involved)
    missing = _missing_api(error)
    if missing is not None:
        return Failure("data", f"needs {missing}, which paramscope does not provide")
    stand_in = _stand_in_involved(error, frame, info)
    if stand_in is not None:
        return Failure("data", f"needs the values of {stand_in} ({type(error).__name__}: "
                               f"{_first_sentence(str(error))})")
    if _raised_by_paramscope(error):
        return Failure("stop", f"paramscope failed on this line ({type(error).__name__}: "
                               f"{error}); please report it")
    return Failure("stop", f"the script raised {type(error).__name__}: {error}")


def _needs_notebook(error):
    """Whether ``error`` is notebook plumbing run as a script: ``get_ipython()`` (what
    nbconvert makes of ``%matplotlib inline`` or ``!pip install``) is undefined, or IPython's
    ``register_cell_magic`` refuses to run outside a kernel."""
    return isinstance(error, NameError) and (
        getattr(error, "name", None) == "get_ipython" or "`get_ipython`" in str(error))


def _missing_api(error):
    """``keras.backend.mean`` (``TextVectorization.get_vocabulary``) when ``error`` is a
    missing attribute of a paramscope module (object)."""
    if not isinstance(error, AttributeError) or not getattr(error, "name", None):
        return None
    import types
    owner = getattr(error, "obj", None)
    if isinstance(owner, types.ModuleType):
        module = owner.__name__
        if module.startswith("paramscope."):
            return f"{module.replace('paramscope.', '', 1)}.{error.name}"
        return None
    cls = type(owner)
    if (cls.__module__ or "").startswith("paramscope.") and cls.__name__ != "Unknown" \
            and error.name not in KERAS2_ONLY_METHODS:
        return f"{cls.__name__}.{error.name}"
    return None


def is_argparse_exit(error):
    """Whether ``error`` is argparse ending the script (missing command-line arguments)."""
    if not isinstance(error, SystemExit) or error.code in (None, 0):
        return False
    tb = error.__traceback__
    while tb is not None:
        if os.path.basename(tb.tb_frame.f_code.co_filename) == "argparse.py":
            return True
        tb = tb.tb_next
    return False


def _unknown_value_error(error):
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, UnknownValueError):
            return error
        error = error.__cause__ or error.__context__
        seen += 1
    return None


def _computation_failure(error):
    text = str(error)
    if isinstance(error, ModelComputationError):
        return Failure("computation", _first_sentence(text).split(" (", 1)[0])
    reason = _first_sentence(text)
    if "TensorFlow" in text and not reason.startswith("needs"):
        reason = f"needs TensorFlow: {reason}"
    elif "data" in text and not reason.startswith("needs"):
        reason = f"needs the data: {reason}"
    return Failure("data", reason, detail=text)


def _import_reason(error):
    name = getattr(error, "name", None) or ""
    root = name.split(".")[0]
    if isinstance(error, ModuleNotFoundError) and root in ("tensorflow", "keras", "tf_keras"):
        return f"needs TensorFlow: {_first_sentence(str(error))}"
    if isinstance(error, ModuleNotFoundError) and root:
        return f"needs package {root}, which is not installed"
    return _first_sentence(str(error)).replace("paramscope.keras", "keras")


def _os_reason(error):
    filename = getattr(error, "filename", None)
    if isinstance(error, FileNotFoundError) and filename is not None:
        return f"needs the data: {filename!r} does not exist"
    reason = getattr(error, "reason", None)  # urllib's URLError
    if reason is not None:
        return f"needs the data: a download failed ({reason})"
    return f"needs the data: {error.strerror or error}"


def _first_sentence(text):
    """The gist of a message: its first clause (``tf.data is TensorFlow itself``)."""
    text = text.strip().splitlines()[0] if text.strip() else text
    for mark in (". ", "; ", ", which "):
        if mark in text:
            text = text.split(mark, 1)[0]
    text = text.rstrip(".")
    return text + ")" * (text.count("(") - text.count(")"))  # a clause cut inside (...)


def model_needs(failure, node):
    if failure.value is not None:
        if calls_method(node, "adapt"):  # the layer's weights and outputs follow the data
            return needed_message(failure.value, "adapt(), which builds the layer from data,",
                                  settable=False)
        return needed_message(failure.value, "this line, which builds the model,")
    return f"this line builds the model but cannot run: {failure.detail}"


def needed_message(value, needed_by, as_shape=False, settable=True):
    """``Dense (argument units) needs num_classes (line 22), which paramscope does not have:
    line 22 needs ... Supply it with --set num_classes=VALUE.``"""
    text = f"{needed_by} needs {story(value)}"
    if not settable:
        return text + ". --set cannot give it (it is data, a tensor or a layer)."
    hint = set_hint(value, as_shape)
    if hint is not None:
        return text + f". Supply it with {hint}."
    source = unknowns.source_of(value)
    if source is not None and source[0].isidentifier():
        return text + f". Supply what it is computed from with --set {source[0]}=VALUE."
    if source is not None and all(part.isidentifier() for part in source[0].split(".", 1)):
        # an attribute a skipped method of the script's object would have set
        return text + f". Supply what it is computed from with --set '{source[0]}=VALUE'."
    return text + ". No --set can give it directly."


def story(value):
    """``num_classes (line 22), which paramscope does not have: line 22 needs ...``: an
    unknown value, where it comes from and why it is unknown."""
    source = unknowns.source_of(value)
    shown = unknowns.describe(value)
    if source is not None:
        shown += f" (line {source[1]})" if source[0] == shown else \
            f" (from {source[0]}, line {source[1]})"
    origin = unknowns.origin_of(value)
    text = f"{shown}, which paramscope does not have: "
    if origin.line is None:
        text += origin.reason
    elif source is not None and source[1] == origin.line:
        text += f"line {origin.line} {origin.reason}"
    else:
        text += f"it comes from line {origin.line}, which {origin.reason}"
    root = origin.root()
    if root is not origin and (root.line, root.reason) != (origin.line, origin.reason):
        text += f"; line {root.line} {root.reason}"
    return text


def set_hint(value, as_shape=False):
    """``--set num_classes=VALUE`` or ``--set 'x_train.shape=(...)'``; ``None`` when the value
    is computed in a way no ``--set`` reaches (``f(x)(...)``)."""
    source = unknowns.source_of(value)
    text = unknowns.text_of(value)
    shown = unknowns.describe(value)
    lead = source[0] if source is not None else _leading_name(value)
    if source is not None and source[0] == shown:
        name = shown
    elif text.startswith(f"{lead}.shape"):
        name, as_shape = f"{lead}.shape", True
    elif text[len(lead):].startswith(".") and text[len(lead) + 1:].isidentifier():
        name = text  # an attribute of a variable: --set 'args.units=64'
    else:
        return None
    if as_shape:
        return f"--set '{name}=(...)'"
    return f"--set {name}=VALUE" if name.isidentifier() else f"--set '{name}=VALUE'"


def _involved(error, frame, info, predicate):
    """A value the failed statement refers to, or that the code it called held, for which
    ``predicate`` is true."""
    import _ast
    from .statements import walk
    for part in walk(info.node) if info is not None else ():
        if isinstance(part, (_ast.Name, _ast.Attribute)):
            value = resolve(part, frame)
            if predicate(value):
                return value
    return _in_traceback(error, predicate)


def _unknown_involved(error, frame, info):
    return _involved(error, frame, info, lambda v: isinstance(v, Unknown))


def _stand_in_involved(error, frame, info):
    """A dataset known by its shape (or a stand-in object) a failed statement used in a way
    that needs values (an ``AttributeError`` or ``TypeError`` on it)."""
    if not isinstance(error, (AttributeError, TypeError)):
        return None
    from ._data import ShapedArray
    from ._placeholders import Placeholder
    found = _involved(error, frame, info, lambda v: isinstance(v, (ShapedArray, Placeholder)))
    if isinstance(found, ShapedArray):
        return found.dataset_name
    return getattr(found, "_path", None)


def _in_traceback(error, predicate):
    """A value of the functions ``error`` went through below the failed statement (not the
    statement's own frame, whose names the statement shows, nor a module's globals)."""
    tb = error.__traceback__
    tb = tb.tb_next if tb is not None else None
    while tb is not None:
        if tb.tb_frame.f_code.co_name == "<module>":
            tb = tb.tb_next
            continue
        for value in list(tb.tb_frame.f_locals.values())[:64]:
            if predicate(value):
                return value
            if isinstance(value, (list, tuple)):
                for item in value[:16]:
                    if predicate(item):
                        return item
        tb = tb.tb_next
    return None


def _raised_by_paramscope(error):
    tb = error.__traceback__
    last = None
    while tb is not None:
        last = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return last is not None and last.startswith(PACKAGE + os.sep)
