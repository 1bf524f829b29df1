"""``keras.Variable`` and the value checks of ``assign``/``set_weights``.

A variable is a shape, a dtype and a path, as a layer's weight is; its value is kept only
when the script gave one (``keras.Variable(0.5)``, ``v.assign(array)``), never made up.
``assign`` checks the value's shape against the variable's with Keras's message, and
``layer.set_weights(arrays)`` checks the count and each shape as Keras does.
"""

from __future__ import annotations

from .. import naming
from ..dtypes import standardize_dtype
from ..errors import NeedsComputationError, ParamscopeError, ShapeError
from ..layers import state
from ..shapes import standardize_shape, value_shape

_AGGREGATIONS = (None, "none", "mean", "sum", "only_first_replica")
_SYNCHRONIZATIONS = (None, "none", "on_read", "on_write", "auto")


class name_scope(state.name_scope):
    """``keras.name_scope(name)``: variables created inside get ``name/`` in their path, the
    weights of layers built inside too (one stack with the layers' own scopes)."""

    __slots__ = ()

    def __init__(self, name, caller=None, deduplicate=True, override_parent=None):
        if not isinstance(name, str) or "/" in name:
            raise ParamscopeError("Argument `name` must be a string and cannot contain "
                                  f"character `/`. Received: name={name}")
        if not deduplicate:
            caller = None  # (deduplication is what a caller is for)
        super().__init__(name, caller=caller, override_parent=override_parent)


def value_shape_or_none(value):
    """The shape of an array-like value, or None when it is not known (an unknown value)."""
    if getattr(value, "shape", ()) is None:
        return None
    try:
        return value_shape(value)
    except (ShapeError, TypeError, ValueError):
        return None


def _value_dtype(value, dtype):
    if dtype is not None:
        return standardize_dtype(dtype)
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int32"
    if isinstance(value, float):
        return "float32"
    found = getattr(value, "dtype", None)
    if found is not None:
        found = standardize_dtype(found)
        # JAX (Keras's backend here) keeps 32 bits unless x64 is enabled.
        return {"float64": "float32", "int64": "int32", "uint64": "uint32"}.get(found, found)
    return "float32"


class Variable:
    """``keras.Variable``: a named, shaped, typed slot for a value (kept only if given)."""

    def __init__(self, initializer, shape=None, dtype=None, trainable=True, autocast=True,
                 aggregation="none", synchronization="auto", name=None, layout=None,
                 **kwargs):
        name = name or naming.auto_name(self.__class__.__name__)
        if not isinstance(name, str) or "/" in name:
            raise ParamscopeError("Argument `name` must be a string and cannot contain "
                                  f"character `/`. Received: name={name}")
        if aggregation not in _AGGREGATIONS:
            raise ParamscopeError(
                "Invalid value for argument `aggregation`. Expected one of `None`, `'none'`, "
                "`'mean'`, `'sum'`, `'only_first_replica'`. Received: "
                f"aggregation={aggregation}")
        if synchronization not in _SYNCHRONIZATIONS:
            raise ParamscopeError(
                "Invalid value for argument `synchronization`. Expected one of `None`, "
                "`'none'`, `'on_read'`, `'on_write'`, `'auto'`. Received: "
                f"synchronization={synchronization}")
        self._name = name
        parent = state.current_path()
        self._path = f"{parent}/{name}" if parent else name
        self._trainable = bool(trainable)
        self._autocast = bool(autocast)
        self._aggregation = aggregation or "none"
        self._synchronization = synchronization or "none"
        self._value = None
        if isinstance(initializer, str):
            from . import initializers
            initializer = initializers.get(initializer)
        if callable(initializer):
            if shape is None:
                raise ParamscopeError(
                    "When creating a Variable from an initializer, the `shape` argument "
                    f"should be specified. Received: initializer={initializer} and "
                    f"shape={shape}")
            self._initializer = initializer
            self._dtype = standardize_dtype(dtype)
            self._shape = self._validate_shape(shape)
        else:
            self._initializer = None
            self._dtype = _value_dtype(initializer, dtype)
            found = value_shape_or_none(initializer)
            if found is None:
                raise NeedsComputationError(
                    f"keras.Variable '{name}' is created from a value whose shape paramscope "
                    f"does not know ({initializer!r}); give it a shape-known value, or an "
                    "initializer and shape=...")
            self._shape = self._validate_shape(found)
            self._value = initializer

    def _validate_shape(self, shape):
        try:
            shape = standardize_shape(shape)
        except ShapeError as e:
            raise ParamscopeError(f"Invalid shape for variable '{self._path}': {e}") from None
        if None in shape:
            raise ParamscopeError(
                "Shapes used to initialize variables must be fully-defined (no `None` "
                f"dimensions). Received: shape={shape} for variable path='{self._path}'")
        return shape

    name = property(lambda self: self._name)
    path = property(lambda self: self._path)
    shape = property(lambda self: self._shape)
    dtype = property(lambda self: self._dtype)
    ndim = property(lambda self: len(self._shape))
    aggregation = property(lambda self: self._aggregation)
    synchronization = property(lambda self: self._synchronization)
    initializer = property(lambda self: self._initializer)

    @property
    def trainable(self):
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        self._trainable = bool(value)

    @property
    def size(self):
        import math
        return math.prod(self._shape)

    @property
    def value(self):
        if self._value is None:
            raise NeedsComputationError(
                f"Variable '{self._path}' has no value in paramscope: it was created from an "
                "initializer, which paramscope never runs (it only knows the shape "
                f"{self._shape} and dtype {self._dtype}).")
        return self._value

    def numpy(self):
        import numpy
        return numpy.asarray(self.value, dtype=self._dtype)

    def __array__(self, dtype=None, copy=None):
        import numpy
        return numpy.asarray(self.value, dtype=dtype or self._dtype)

    def __float__(self):
        return float(self.value)

    def __int__(self):
        return int(self.value)

    def assign(self, value):
        check_assign(self, value)
        self._value = value
        return value

    def assign_add(self, value):
        check_assign(self, value)
        raise NeedsComputationError(f"Variable '{self._path}'.assign_add() needs the values "
                                    "(real computation).")

    def assign_sub(self, value):
        check_assign(self, value)
        raise NeedsComputationError(f"Variable '{self._path}'.assign_sub() needs the values "
                                    "(real computation).")

    def __repr__(self):
        shown = f", value={self._value}" if isinstance(self._value, (int, float)) else ""
        return f"<Variable path={self._path}, shape={self._shape}, dtype={self._dtype}{shown}>"


def check_assign(variable, value):
    """Keras's ``Variable.assign`` shape check (the value's shape must equal the variable's);
    a value whose shape is not known (an unknown value) is accepted."""
    shape = value_shape_or_none(value)
    if shape is None or tuple(shape) == tuple(variable.shape):
        return
    raise ParamscopeError(
        "The shape of the target variable and the shape of the target value in "
        f"`variable.assign(value)` must match. variable.shape={tuple(variable.shape)}, "
        f"Received: value.shape={tuple(shape)}. Target variable: {variable!r}")


def set_weights(layer, weights):
    """Keras's ``Layer.set_weights``: as many arrays as weights, each of the same shape."""
    layer_weights = layer.weights
    weights = list(weights)
    if len(layer_weights) != len(weights):
        raise ParamscopeError(
            f"You called `set_weights(weights)` on layer '{layer.name}' with a weight list of "
            f"length {len(weights)}, but the layer was expecting {len(layer_weights)} weights.")
    for variable, value in zip(layer_weights, weights):
        shape = value_shape_or_none(value)
        if shape is not None and tuple(variable.shape) != tuple(shape):
            raise ParamscopeError(
                f"Layer {layer.name} weight shape {tuple(variable.shape)} is not compatible "
                f"with provided weight shape {tuple(shape)}.")
