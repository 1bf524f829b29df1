"""``keras.src``: the parts of Keras's source tree that code outside Keras reaches for.

The shim maps a ``keras.src.<path>`` onto the public ``keras.<path>`` (``keras.src.layers``
is ``keras.layers``).  Where Keras's source differs from its public API and code people
write (Keras's own tests among it) uses the difference, the module is here:

- ``keras.src.backend``: the backend module (JAX): the public ``keras.backend``, the
  backend's families (``backend.numpy``, ``nn``, ``image``, ``linalg``, ``math``, ``core``,
  ``random``) and core functions (``backend.shape``, ``cast``, ``convert_to_tensor``) as
  ``keras.ops`` provides them, ``standardize_data_format``, ``name_scope``, ``KerasTensor``.
- ``keras.src.layers.preprocessing.data_layer``: ``DataLayer``, a layer whose ``call``
  computes with ``self.backend`` and draws its seeds from ``self._get_seed_generator()``.
- ``keras.src.layers.rnn.dropout_rnn_cell``: ``DropoutRNNCell``, the dropout masks of an
  RNN cell, as a mixin.
"""

from __future__ import annotations

import types

from ..errors import ParamscopeError
from ..layers import args as A
from ..layers.base import KerasTensor, Layer

#: Families of ``keras.src.backend`` that ``keras.ops`` has as submodules.
_OPS_SUBMODULES = ("numpy", "nn", "image", "linalg")
#: ... and those it has only as the ops families' names (``keras.ops.segment_sum``).
_OPS_FAMILIES = {"math": ("math",), "core": ("core",)}


def _ops_function(name):
    from .. import ops
    if name in ops.namespace_names(""):
        return ops.function(name)
    return None


class _Family(types.ModuleType):
    """``keras.src.backend.math`` / ``.core``: the ops of those families."""

    def __init__(self, name, families):
        super().__init__(name)
        self._families = families

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        from ..ops._index import NAMES
        if NAMES.get(name) in self._families:
            value = _ops_function(name)
            if value is not None:
                return value
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")


def standardize_data_format(data_format):
    return A.standardize_data_format(data_format, "standardize_data_format")


class _Backend(types.ModuleType):
    """``keras.src.backend``: the public ``keras.backend`` and the backend's own names."""

    _backend = "jax"

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        value = _backend_name(name)
        if value is None:
            raise AttributeError(f"module 'keras.src.backend' has no attribute {name!r}")
        setattr(self, name, value)
        return value


def _backend_name(name):
    from . import _api
    if name == "random":
        return _api.facade_module("keras.random")
    if name in _OPS_SUBMODULES:
        return _api.facade_module(f"keras.ops.{name}")
    if name in _OPS_FAMILIES:
        return _Family(f"keras.src.backend.{name}", _OPS_FAMILIES[name])
    local = {"standardize_data_format": standardize_data_format, "KerasTensor": KerasTensor,
             "random_seed_dtype": lambda: "uint32"}
    if name in local:
        return local[name]
    if name in ("name_scope", "Variable"):
        from . import variables
        return getattr(variables, name)
    public = _api.facade_module("keras.backend")
    from ._legacy_backend import is_legacy_function
    # keras.backend's Keras 2 functions (its tf.keras view) are not the backend's own
    # (backend.shape is the core op, a tuple of sizes; K.shape is tf.shape)
    if not is_legacy_function(name) or name in getattr(public, "__all__", ()):
        try:
            return getattr(public, name)
        except AttributeError:
            pass
    return _ops_function(name)  # core functions: backend.shape, backend.cast, ...


class DynamicBackend:
    """``keras.src.utils.backend_utils.DynamicBackend``: a data layer's ``self.backend``
    (always Keras's backend here; paramscope has no TensorFlow to switch to)."""

    def __init__(self, backend=None):
        self._backend = "jax"

    name = property(lambda self: self._backend)

    def set_backend(self, backend):
        pass

    def reset(self):
        pass

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(module("keras.src.backend"), name)


class DataLayer(Layer):
    """``keras.src.layers.preprocessing.data_layer.DataLayer``: a layer whose ``call`` uses
    ``self.backend`` ops, and ``self._get_seed_generator()`` for its seeds."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.backend = DynamicBackend()
        self._allow_non_tensor_positional_args = True

    def _get_seed_generator(self, backend=None):
        if not hasattr(self, "seed") or not hasattr(self, "generator"):
            raise ParamscopeError(
                f"Layer '{self.name}' ({type(self).__name__}): the `seed` and `generator` "
                "variable must be set in the `__init__` method before calling "
                "`_get_seed_generator()`.")
        return self.generator

    def convert_weight(self, weight):
        return weight


class DropoutRNNCell:
    """``keras.src.layers.rnn.dropout_rnn_cell.DropoutRNNCell``: a cell's dropout masks,
    made once (``ones_like`` the step input, then ``random.dropout`` with the cell's
    ``seed_generator``) and kept until the RNN resets them."""

    def _create_dropout_mask(self, step_input, dropout_rate):
        from ..ops import function
        from ..ops.random import dropout
        ones = function("ones_like")(step_input)
        count = getattr(self, "dropout_mask_count", None)
        if count is None:
            return dropout(ones, rate=dropout_rate, seed=self.seed_generator)
        return [dropout(ones, rate=dropout_rate, seed=self.seed_generator)
                for _ in range(count)]

    def get_dropout_mask(self, step_input):
        return self._cached_mask("_dropout_mask", step_input, self.dropout)

    def get_recurrent_dropout_mask(self, step_input):
        return self._cached_mask("_recurrent_dropout_mask", step_input, self.recurrent_dropout)

    def _cached_mask(self, attribute, step_input, rate):
        """The mask kept in ``attribute``, made if there is none.  A mask of another shape
        is made again: it was made while the call was traced with other stand-in sizes."""
        mask = getattr(self, attribute, None)
        if mask is not None and _mask_shape(mask) != tuple(step_input.shape):
            mask = None
        if mask is None and rate > 0:
            mask = self._create_dropout_mask(step_input, rate)
        setattr(self, attribute, mask)
        return mask

    def reset_dropout_mask(self):
        self._dropout_mask = None

    def reset_recurrent_dropout_mask(self):
        self._recurrent_dropout_mask = None


def _mask_shape(mask):
    first = mask[0] if isinstance(mask, list) else mask
    return tuple(first.shape)


class _Src(types.ModuleType):
    """``keras.src``: the facade, but for its ``backend``."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        if name == "backend":
            return module("keras.src.backend")
        from .. import keras as facade
        return getattr(facade, name)


_MODULES = {}
#: The ``keras.src`` modules defined here: path -> (module class, names it holds).
_DEFINED = {
    "keras.src": (_Src, {}),
    "keras.src.backend": (_Backend, {}),
    "keras.src.layers.preprocessing.data_layer": (types.ModuleType, {"DataLayer": DataLayer}),
    "keras.src.utils.backend_utils": (types.ModuleType, {"DynamicBackend": DynamicBackend}),
    "keras.src.layers.rnn.dropout_rnn_cell": (types.ModuleType,
                                              {"DropoutRNNCell": DropoutRNNCell}),
}


def module(path):
    """The module for a ``keras.src`` path defined here, or None (the public one serves)."""
    found = _MODULES.get(path)
    if found is None and path in _DEFINED:
        cls, names = _DEFINED[path]
        found = cls(path)
        found.__path__ = []
        found.__dict__.update(names)
        _MODULES[path] = found
    return found
