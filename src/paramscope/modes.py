"""The scoped modes, one place: each is a context variable set by a ``with`` block and read
through a public accessor (no module reaches into another's state).

- tracing depth: inside ``tracing()`` (a Lambda's or a custom layer's ``call`` traced on
  symbolic tensors) calls record no nodes and take no auto-names; ``recording_nodes()``
  records them again inside (a sub-model built by its first call).
- masks: ``no_masks()`` stops calls from propagating Keras masks (rebuilding a tf.keras file).
- tf-keras node order: inside ``tf_keras_node_order()`` a call records its tensor keyword
  arguments in the call's order, as tf-keras does.
- summary options: inside ``summary_defaults(options)`` (``paramscope run``),
  ``model.summary()`` renders with those ``report.options.RenderOptions``.
- tf.keras semantics: inside ``keras.tensorflow.tf_keras_semantics()`` a script is built as
  tf.keras builds it (``keras2_semantics()``), with tf.keras's auto-names
  (``keras2_names()``).
- the running script: inside ``running_script(path)`` (``keras.runner.run_script``),
  ``current_script()`` is its path (its line numbers name the failing statement).
- the file being loaded: inside ``loading(ctx)`` (``formats.config.model_from_config``),
  ``current_load_context()`` is its ``LoadContext`` (options such as
  ``--assume-passthrough``, notes), for layers created from inside another's config.
- unknown values: ``unknown_values_made()`` is whether a script run has made an unknown value
  yet (``keras.unknown``: the layer hooks and the checks after each statement cost nothing
  until then); ``set_unknown_values_made()`` sets it (the first one) and clears it (the run's
  end).
"""

from __future__ import annotations

from contextvars import ContextVar

_TRACING = ContextVar("paramscope_tracing_depth", default=0)
_MASKS = ContextVar("paramscope_masks", default=True)
_TF_KERAS_ORDER = ContextVar("paramscope_tf_keras_node_order", default=False)
_LOAD_CONTEXT = ContextVar("paramscope_load_context", default=None)
_SUMMARY_OPTIONS = ContextVar("paramscope_summary_options", default=None)
_KERAS2_SEMANTICS = ContextVar("paramscope_keras2_semantics", default=False)
_KERAS2_NAMES = ContextVar("paramscope_keras2_names", default=False)
_SCRIPT = ContextVar("paramscope_running_script", default=None)
_UNKNOWN_VALUES = ContextVar("paramscope_unknown_values_made", default=False)

#: The depth of ``tracing()`` blocks (0 outside them).
tracing_depth = _TRACING.get
#: Whether calls propagate masks (False inside ``no_masks()``).
masks_enabled = _MASKS.get
#: Whether calls record keyword tensors in the call's order (inside ``tf_keras_node_order()``).
tf_keras_order = _TF_KERAS_ORDER.get
#: The ``formats.decoding.LoadContext`` of the file being loaded (None outside a load).
current_load_context = _LOAD_CONTEXT.get
#: The ``RenderOptions`` of ``model.summary()`` (None: its own arguments only).
summary_options = _SUMMARY_OPTIONS.get
#: Whether scripts are built as tf.keras builds them (inside ``tf_keras_semantics()``).
keras2_semantics = _KERAS2_SEMANTICS.get
#: Whether auto-names are tf.keras's (``input_1``, ``model``).
keras2_names_active = _KERAS2_NAMES.get
#: The path of the script running now (None between runs).
current_script = _SCRIPT.get
#: Whether the running script has made an unknown value (``keras.unknown``) yet.
unknown_values_made = _UNKNOWN_VALUES.get


def set_unknown_values_made(made) -> None:
    """The first unknown value of a run is made (``made``), or the run is over (not ``made``)."""
    _UNKNOWN_VALUES.set(bool(made))


def is_tracing() -> bool:
    """Inside a traced ``call()`` (a custom layer's, a Lambda's): Keras runs it on its
    backend's tracers, where concrete values and symbolic ones mix freely."""
    return bool(_TRACING.get())


class _Scope:
    """A ``with`` block that sets one context variable and restores it on the way out."""

    _var: ContextVar

    def _value(self):  # pragma: no cover - each scope says its value
        raise NotImplementedError

    def __enter__(self):
        self._token = self._var.set(self._value())
        return self

    def __exit__(self, *exc):
        self._var.reset(self._token)
        return False


class _GivenScope(_Scope):
    """A scope that sets its variable to the value it is given."""

    def __init__(self, value):
        self._given = value

    def _value(self):
        return self._given


class tracing(_Scope):
    """Inside, operations compute shapes without joining the graph or taking names.

    Keras traces a function (a Lambda's, a custom layer's ``call``) with its backend, so
    no Keras operations are created; paramscope's tracing must not create nodes or
    consume auto-names (``add``, ``add_1``) either.
    """

    _var = _TRACING

    def _value(self):
        return _TRACING.get() + 1


class recording_nodes(_Scope):
    """Inside a traced ``call``: calls record their nodes again (a model that builds its own
    graph there, such as a Sequential built by its first call, needs them)."""

    _var = _TRACING

    def _value(self):
        return 0


class no_masks(_Scope):
    """Calls inside do not propagate masks (tf.keras computed masks outside its graph:
    rebuilding a tf.keras file, no ``NotEqual`` rows or mask inputs may appear)."""

    _var = _MASKS

    def _value(self):
        return False


class tf_keras_node_order(_Scope):
    """Calls inside record their tensor keyword arguments in the call's order, as tf-keras
    does (rebuilding a tf-keras file: its "Connected to" and layer order follow it)."""

    _var = _TF_KERAS_ORDER

    def _value(self):
        return True


class loading(_GivenScope):
    """Inside, ``current_load_context()`` is ``context``: the file being loaded."""

    _var = _LOAD_CONTEXT


class summary_defaults(_GivenScope):
    """Inside, ``model.summary()`` renders with ``options`` (a ``RenderOptions``)."""

    _var = _SUMMARY_OPTIONS


class keras2_semantics_scope(_GivenScope):
    """Inside, scripts are built as tf.keras builds them (``enabled``) or as Keras 3 does."""

    _var = _KERAS2_SEMANTICS

    def __init__(self, enabled):
        super().__init__(bool(enabled))


def set_keras2_names(enabled) -> bool:
    """Use tf.keras's auto-names from now on (``enabled``); returns the previous setting."""
    previous = _KERAS2_NAMES.get()
    _KERAS2_NAMES.set(bool(enabled))
    return previous


class running_script(_GivenScope):
    """Inside, ``current_script()`` is ``path``."""

    _var = _SCRIPT
