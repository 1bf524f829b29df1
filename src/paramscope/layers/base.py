"""The layer engine: weights as shapes, symbolic tensors, call nodes.

A :class:`Layer` mirrors ``keras.Layer``: its constructor checks its
arguments, ``build(input_shape)`` creates its weights with ``add_weight`` (a
name, a shape, trainable or not, a dtype: never any values), and
``compute_output_shape(input_shape)`` gives its output shape.  Calling a layer
on :class:`KerasTensor` objects builds it on first use and records a
:class:`Node`, exactly as Keras 3 does, so graphs, shared layers and the
summary's "Connected to" column come out the same.
"""

from __future__ import annotations

import math
import warnings

from .. import naming, tree
from ..dtypes import get_policy, standardize_dtype, dtype_bits
from ..errors import (LayerError, NeedsComputationError, ParamscopeError, ShapeError,
                      describe_layer, format_shape)
from ..shapes import standardize_shape
from ..explanation import weight_sizes
from ..modes import (is_tracing, masks_enabled, no_masks, recording_nodes,  # noqa: F401
                     tf_keras_node_order, tf_keras_order, tracing_depth)
from .state import SCOPES, SeedGenerator, open_layer_scope, variable_path

class KerasHistory(tuple):
    """``(operation, node_index, tensor_index)``: the call that produced a tensor (Keras's
    namedtuple, without importing collections)."""

    __slots__ = ()

    def __new__(cls, operation, node_index, tensor_index):
        return tuple.__new__(cls, (operation, node_index, tensor_index))

    operation = property(lambda self: self[0])
    layer = property(lambda self: self[0])  # tf.keras's name
    node_index = property(lambda self: self[1])
    tensor_index = property(lambda self: self[2])

    def __repr__(self):
        return (f"KerasHistory(operation={self[0]!r}, node_index={self[1]!r}, "
                f"tensor_index={self[2]!r})")


class Weight:
    """A weight: a name, a shape, a dtype and whether it is trained.

    Nothing is allocated; ``size`` is a Python int however large the shape.
    """

    __slots__ = ("name", "shape", "dtype", "trainable", "layer", "initializer", "_path",
                 "__weakref__")

    def __init__(self, name, shape, dtype="float32", trainable=True, layer=None, initializer=None):
        self.name = name
        self.shape = tuple(shape)
        self.dtype = dtype
        self.trainable = trainable
        self.layer = layer
        self.initializer = initializer
        #: Keras's path when the weight was created inside another layer's build
        #: (``lstm/lstm_cell/kernel``); set by that layer.
        self._path = None

    @property
    def path(self) -> str:
        if self._path is not None:
            return self._path
        return f"{self.layer.name}/{self.name}" if self.layer is not None else self.name

    @property
    def size(self) -> int:
        return math.prod(self.shape)

    @property
    def nbits(self) -> int:
        return self.size * dtype_bits(self.dtype)

    @property
    def ndim(self) -> int:
        return len(self.shape)

    def numpy(self):
        raise NeedsComputationError(
            f"Weight '{self.path}' has no values in paramscope (only its shape {self.shape}). "
            "Use model.get_weights() for arrays of the right shapes."
        )

    def assign(self, value):
        """``variable.assign(value)``: the value's shape must be the weight's (Keras's check);
        paramscope keeps shapes, not values."""
        from ..keras.variables import check_assign
        check_assign(self, value)
        return value

    assign_add = assign_sub = assign

    def __repr__(self):
        return f"<Weight path={self.path}, shape={self.shape}, dtype={self.dtype}, trainable={self.trainable}>"


def _add_unique(out, seen, values):
    """Append to ``out`` the ``values`` whose ids are not in ``seen`` (and note them)."""
    for v in values:
        if id(v) not in seen:
            seen.add(id(v))
            out.append(v)


_PLAIN_VALUE_TYPES = frozenset({bool, int, float, str, type(None)})


def _plain_values(kwargs) -> bool:
    """No value of ``kwargs`` is a structure (that could hold tensors)."""
    for value in kwargs.values():
        if value.__class__ not in _PLAIN_VALUE_TYPES:
            return False
    return True


def _one_tensor_call(layer, args, kwargs) -> bool:
    """A call on one tensor, with only plain options (``mask=None``), of a layer that binds
    its arguments as Layer does: it needs no flattening or re-binding."""
    return (len(args) == 1 and args[0].__class__ is KerasTensor
            and type(layer)._bind_call is Layer._bind_call
            and (not kwargs or _plain_values(kwargs)))


def _is_float(dtype):
    return dtype.startswith(("float", "bfloat"))


def _autocast(layer, values):
    """Keras's input conversion (``DTypePolicy.convert_input``): float tensors of another
    dtype reach the layer cast to its input dtype (``float64`` inputs of a float32 layer,
    float32 inputs of a ``mixed_float16`` one).  The cast is not an operation of the graph."""
    if values.__class__ is tuple and len(values) == 1 and values[0].__class__ is KerasTensor:
        x = values[0]
        if x.dtype == layer.input_dtype or not _is_float(x.dtype):
            return values  # the common call: nothing to convert
    if not layer._convert_input_args:
        return values
    dtype = layer.input_dtype

    def convert(x):
        if x.__class__ is not KerasTensor or x.dtype == dtype or not _is_float(x.dtype):
            return x
        cast = KerasTensor(x.shape, dtype=dtype, sparse=x.sparse, ragged=x.ragged)
        cast._keras_mask = x._keras_mask
        history = getattr(x, "_keras_history", None)
        if history is not None:
            cast._keras_history = history
        return cast

    return tree.map_structure(convert, values)


class KerasTensor:
    """A symbolic tensor: a shape, a dtype, and the call that produced it."""

    #: Keras's ``_keras_mask``: the symbolic mask a masking layer attached (or None).
    _keras_mask = None

    def __init__(self, shape, dtype="float32", sparse=False, ragged=False, name=None):
        self._shape = standardize_shape(shape)
        self.dtype = standardize_dtype(dtype)
        self.sparse = bool(sparse)
        self.ragged = bool(ragged)
        self.name = name or naming.uniquify("keras_tensor")

    @property
    def shape(self):
        return self._shape

    @property
    def ndim(self):
        return len(self._shape)

    def __repr__(self):
        return f"<KerasTensor shape={self._shape}, dtype={self.dtype}, name={self.name}>"

    def __len__(self):
        raise TypeError("len() of a symbolic KerasTensor is not defined; use .shape")

    def __iter__(self):
        raise TypeError("a symbolic KerasTensor is not iterable; use .shape")

    def __bool__(self):
        raise NeedsComputationError(
            "A symbolic KerasTensor has no truth value: its values exist only when the model runs."
        )

    def numpy(self):
        raise NeedsComputationError(
            "A symbolic KerasTensor has no values in paramscope, only a shape "
            f"{self._shape}; values need a real Keras backend."
        )


class Node:
    """One call of an operation on symbolic tensors (Keras's ``ops.Node``)."""

    def __init__(self, operation, call_args=(), call_kwargs=None, outputs=None):
        call_kwargs = call_kwargs or {}
        self.operation = operation
        self.call_args = call_args = tuple(call_args)
        self.call_kwargs = call_kwargs = dict(call_kwargs)
        if ((not call_kwargs or _plain_values(call_kwargs))
                and ((len(call_args) == 1 and call_args[0].__class__ is KerasTensor)
                     or all(type(x) is KerasTensor for x in call_args))):
            self.input_tensors = list(call_args)
        else:
            # Keras 3 flattens the keyword arguments sorted by name; tf-keras keeps the
            # call's order (``nest.flatten((args, kwargs.values()))``).
            kwargs_part = list(call_kwargs.values()) if tf_keras_order() else call_kwargs
            self.input_tensors = [x for x in tree.flatten((call_args, kwargs_part))
                                  if isinstance(x, KerasTensor)]
        if type(outputs) is KerasTensor:
            self.outputs = [outputs]
        else:
            self.outputs = [] if outputs is None else tree.flatten(outputs)
        #: The call's outputs as returned (a tensor, tuple, list or dict): tf.keras prints it.
        self.output_structure = outputs
        operation._inbound_nodes.append(self)
        for kt in self.input_tensors:
            history = getattr(kt, "_keras_history", None)
            if history is None:
                history = kt._keras_history = KerasHistory(None, 0, 0)
            if history[0] is not None:
                history[0]._outbound_nodes.append(self)
        node_index = len(operation._inbound_nodes) - 1
        for i, t in enumerate(self.outputs):
            t._keras_history = KerasHistory(operation, node_index, i)
        self.is_input = not self.input_tensors

    @property
    def output_tensors(self):
        return self.outputs

    @property
    def parent_nodes(self):
        deps = []
        for kt in self.input_tensors:
            op, node_index, _ = kt._keras_history
            if op is not None:
                deps.append(op._inbound_nodes[node_index])
        return deps

    def __repr__(self):
        return f"<Node operation={self.operation.name}, id={id(self)}>"


class InputSpec:
    """What a layer accepts: rank bounds and fixed axes (Keras's InputSpec)."""

    def __init__(self, dtype=None, shape=None, ndim=None, max_ndim=None, min_ndim=None,
                 axes=None, allow_last_axis_squeeze=False, name=None, optional=False):
        self.dtype = dtype
        if shape is not None:
            self.shape = standardize_shape(shape)
            self.ndim = len(self.shape)
        else:
            self.shape = None
            self.ndim = ndim
        self.max_ndim = max_ndim
        self.min_ndim = min_ndim
        self.axes = {int(k): v for k, v in (axes or {}).items()}
        self.allow_last_axis_squeeze = allow_last_axis_squeeze
        self.name = name
        self.optional = optional


def _check_input_spec(layer, specs, inputs):
    """Keras's ``assert_input_compatibility``, with paramscope's messages."""
    if not specs:
        return
    if specs.__class__ is InputSpec and inputs.__class__ is KerasTensor:
        specs, flat = (specs,), (inputs,)
    else:
        specs = tree.flatten(specs)
        flat = tree.flatten(inputs)
    if len(flat) != len(specs):
        raise LayerError(
            f"Layer {describe_layer(layer)} expects {len(specs)} input(s), but it received "
            f"{len(flat)} input tensor(s) of shapes {format_shape([getattr(x, 'shape', x) for x in flat])}.",
            layer)
    for i, (x, spec) in enumerate(zip(flat, specs)):
        if spec is None or (x is None and spec.optional):
            continue
        shape = getattr(x, "shape", None)
        if shape is None:
            raise LayerError(f"Layer {describe_layer(layer)} received a non-tensor input {x!r}.", layer)
        ndim = len(shape)
        where = lambda: (f"Layer {describe_layer(layer)} received an input of shape "
                         f"{format_shape(shape)}")
        if spec.ndim is not None and not spec.allow_last_axis_squeeze and ndim != spec.ndim:
            raise LayerError(
                f"{where()} (rank {ndim}), but it expects inputs of rank {spec.ndim} "
                f"(including the batch dimension){_rank_hint(layer, spec.ndim, ndim)}.", layer)
        if spec.max_ndim is not None and ndim > spec.max_ndim:
            raise LayerError(
                f"{where()} (rank {ndim}), but it expects inputs of rank at most {spec.max_ndim}"
                f"{_rank_hint(layer, spec.max_ndim, ndim)}.", layer)
        if spec.min_ndim is not None and ndim < spec.min_ndim:
            raise LayerError(
                f"{where()} (rank {ndim}), but it expects inputs of rank at least {spec.min_ndim} "
                f"(including the batch dimension){_rank_hint(layer, spec.min_ndim, ndim)}.", layer)
        for axis, value in spec.axes.items():
            if value is not None and shape[axis] not in (value, None):
                raise LayerError(
                    f"{where()}, but axis {axis} must have size {value} (the size it was built "
                    f"with). A layer's weights fix this size: use a new layer for inputs of a "
                    f"different size.", layer)
        if spec.shape is not None:
            spec_shape, got = spec.shape, tuple(shape)
            if spec.allow_last_axis_squeeze:
                got = got[:-1] if got and got[-1] == 1 else got
                spec_shape = spec_shape[:-1] if spec_shape and spec_shape[-1] == 1 else spec_shape
            for a, b in zip(spec_shape, got):
                if a is not None and b is not None and a != b:
                    raise LayerError(f"{where()}, but it expects shape {format_shape(spec.shape)}.",
                                     layer)


#: Attribute values that are never sub-layers: set without looking inside them.
_UNTRACKED = frozenset({int, float, bool, str, type(None), dict, Weight, InputSpec, KerasTensor})


def _rank_hint(layer, expected, got):
    if got < expected:
        return ("; add the missing dimensions to the input (e.g. a Reshape layer or a channels "
                "dimension on the Input shape)")
    return "; reduce the input's rank first (e.g. with Flatten or a pooling layer)"


#: While a script has unknown values (``paramscope.keras.unknown``): the function that stops
#: a layer or model from receiving one, ``check(owner, function, args, kwargs)``; ``None``
#: otherwise, so that it costs nothing.  Set with :func:`watch_unknown_values`.
unknown_value_check = None
#: ... and the function that gives a layer called on an unknown value (data the script did
#: not load, a tensor a skipped statement would have made) an unknown value as its output.
unknown_call_result = None


def watch_unknown_values(check, call_result=None):
    global unknown_value_check, unknown_call_result
    unknown_value_check = check
    unknown_call_result = call_result


def _constants_as_tensors(args, kwargs):
    """Inside a traced call(), a concrete tensor (``ops.arange(n)``) is a traced value like
    any other: a layer can take it (Keras's backend traces both alike)."""
    from ..ops import Constant

    def convert(x):
        return KerasTensor(x.shape, dtype=x.dtype, name="traced") if isinstance(x, Constant) else x
    return tree.map_structure(convert, args), tree.map_structure(convert, kwargs)


def _is_traced_size(dim) -> bool:
    """A stand-in size of a dimension Keras does not know, while tracing (ops.StandIn)."""
    return dim.__class__ is not int and type(dim).__name__ == "StandIn"


# -- masks (keras/src/layers/layer.py, Keras 3.15) ------------------------------------------

def get_keras_mask(x):
    return getattr(x, "_keras_mask", None)


def _code(fn):
    fn = getattr(fn, "__func__", fn)
    while hasattr(fn, "__wrapped__"):
        fn = fn.__wrapped__
    return getattr(fn, "__code__", None)


def _arg_names(fn):
    """Positional parameter names of a function (of a bound method: without ``self``)."""
    code = _code(fn)
    if code is None:  # a builtin or a callable object: fall back to inspect
        import inspect
        return [p.name for p in inspect.signature(fn).parameters.values()
                if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    names = list(code.co_varnames[:code.co_argcount])
    return names[1:] if hasattr(fn, "__self__") else names


def _has_varargs(fn):
    code = _code(fn)
    return bool(code is not None and code.co_flags & 0x04)


_shape_params_cache: dict = {}


def _shape_params(fn):
    """The parameter names of a ``build``/``compute_output_shape`` method, ``None`` when
    it takes a single shape (cached per function: layers are called many times)."""
    key = (getattr(fn, "__func__", fn), hasattr(fn, "__self__"))
    try:
        return _shape_params_cache[key]
    except (KeyError, TypeError):
        pass
    params = _arg_names(fn)
    value = None if len(params) <= 1 and not _has_varargs(fn) else tuple(params)
    try:
        _shape_params_cache[key] = value
    except TypeError:  # an unhashable callable object
        pass
    return value


def _shape_of(x):
    return x.shape if isinstance(x, KerasTensor) else x


class Layer:
    """Base class of every layer (``keras.Layer``).

    Subclasses set their arguments in ``__init__`` (and pass the rest to
    ``super().__init__(**kwargs)``), create weights in ``build`` with
    ``add_weight``, and implement ``compute_output_shape``.  ``call_args``
    names the call's tensor arguments in order (``("inputs",)`` for most
    layers; MultiHeadAttention has ``("query", "value", "key")``).
    """

    call_args = ("inputs",)
    #: Keyword arguments of the call that are not tensors (``training``, ...).
    call_options = ("training", "mask")
    #: Names of the call's mask arguments, which Keras fills from the inputs' masks
    #: (``("mask",)``; ``None``: the ``mask``/``*_mask`` parameters of the ``call`` signature).
    call_mask_args = None
    #: Keras converts the inputs of a call (a new kwargs dict) unless this is False.
    _convert_input_args = True
    #: Like Keras, a layer's own ``build`` marks it built and records its input shape.
    _wrap_build = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "__init__" in cls.__dict__:
            cls.__init__ = _reporting_init(cls.__dict__["__init__"])
        if "build" in cls.__dict__ and cls._wrap_build:
            cls.build = _marking_build(cls.__dict__["build"])

    def __init__(self, *, activity_regularizer=None, trainable=True, dtype=None,
                 autocast=True, name=None, **kwargs):
        if not isinstance(trainable, bool):
            raise LayerError(
                f"{type(self).__name__}" + (f" '{name}'" if name else "") + ": expected `trainable` "
                f"to be a boolean (True or False). Received: trainable={trainable!r} (of type "
                f"{type(trainable).__name__}).")
        # Plain values, set in one go (no sub-layers among them: __setattr__ is not needed).
        self.__dict__.update(
            _layers=[], _trainable_variables=[], _non_trainable_variables=[], _inbound_nodes=[],
            _seed_generators=[], _parent_path=None,
            _outbound_nodes=[], _build_shapes_dict=None, built=False, _trainable=trainable,
            autocast=autocast, activity_regularizer=activity_regularizer, input_spec=None,
            _dtype_policy=_policy_or_error(dtype, self), _input_shape_arg=None, _warnings=[],
            _batch_size_arg=None)
        if "batch_size" in kwargs and _keras2_semantics():
            # tf.keras's Layer takes batch_size: batch_input_shape = (batch_size,) + input_shape
            self._batch_size_arg = kwargs.pop("batch_size")
        input_dim = kwargs.pop("input_dim", None)
        input_shape = (input_dim,) if input_dim is not None else kwargs.pop("input_shape", None)
        if input_shape is not None:
            try:
                self._input_shape_arg = standardize_shape(input_shape)
            except ShapeError as e:
                raise LayerError(f"{type(self).__name__}: invalid input_shape={input_shape!r}: {e}") from None
            warnings.warn(
                "Do not pass an `input_shape`/`input_dim` argument to a layer. When using "
                "Sequential models, prefer using an `Input(shape)` object as the first layer "
                "in the model instead.", UserWarning, stacklevel=4)
        if kwargs:
            shown = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
            label = f"{type(self).__name__}" + (f" '{name}'" if name else "")
            raise LayerError(
                f"Unrecognized keyword argument{'s' if len(kwargs) > 1 else ''} passed to "
                f"{label}: {shown}. {type(self).__name__} does not take "
                f"{', '.join(repr(k) for k in kwargs)}; remove "
                f"{'them' if len(kwargs) > 1 else 'it'} (see the Keras documentation of "
                f"{type(self).__name__} for its arguments).")
        if name is None:
            name = naming.auto_name(type(self).__name__)
        if not isinstance(name, str) or "/" in name:
            raise LayerError(
                f"Argument `name` of {type(self).__name__} must be a string without '/'. "
                f"Received: name={name!r}")
        self.name = name

    # -- attribute tracking -------------------------------------------------

    def __setattr__(self, key, value):
        if value.__class__ in _UNTRACKED:
            return object.__setattr__(self, key, value)
        if isinstance(value, SeedGenerator):
            generators = self.__dict__.get("_seed_generators")
            if generators is not None and all(g is not value for g in generators):
                generators.append(value)
        elif isinstance(value, Layer) and key != "_parent" and value is not self:
            self._track_layer(value)
        elif (type(value) in (list, tuple) and value and isinstance(value[0], Layer)
              and all(isinstance(v, Layer) for v in value)):
            for v in value:
                self._track_layer(v)
        object.__setattr__(self, key, value)

    def _track_layer(self, layer):
        """Add a sub-layer to ``_layers`` once (a set of ids, rebuilt if the list changed)."""
        layers = self.__dict__.get("_layers")
        if layers is None:
            return
        ids = self.__dict__.get("_layer_ids")
        if ids is None or len(ids) != len(layers):
            ids = {id(l) for l in layers}
            object.__setattr__(self, "_layer_ids", ids)
        if id(layer) not in ids:
            layers.append(layer)
            ids.add(id(layer))

    # -- dtype ----------------------------------------------------------------

    @property
    def dtype_policy(self):
        return self._dtype_policy

    @dtype_policy.setter
    def dtype_policy(self, value):
        self._dtype_policy = get_policy(value)

    @property
    def dtype(self):
        """The dtype the layer's weights are stored in."""
        return self._dtype_policy.variable_dtype

    @property
    def variable_dtype(self):
        return self._dtype_policy.variable_dtype

    @property
    def compute_dtype(self):
        return self._dtype_policy.compute_dtype

    @property
    def input_dtype(self):
        return self.compute_dtype

    # -- weights ----------------------------------------------------------------

    def add_weight(self, shape=None, initializer=None, dtype=None, trainable=True,
                   autocast=True, regularizer=None, constraint=None, aggregation="none",
                   overwrite_with_gradient=False, name=None):
        shape = () if shape is None else tuple(shape)
        for d in shape:
            if d.__class__ is int and d >= 0:
                continue
            if d is None or not isinstance(d, int) or d < 0 or _is_traced_size(d):
                if unknown_value_check is not None:
                    unknown_value_check(f"Layer {describe_layer(self)}, creating weight "
                                        f"'{name}',", None, (shape,), {})
                raise LayerError(
                    f"Layer {describe_layer(self)} cannot create weight '{name}' of shape "
                    f"{shape}: every dimension must be a known non-negative integer. This usually "
                    "means the input has an unknown (None) dimension where the layer needs a size; "
                    "give the Input a fixed size for it.", self)
        dtype = standardize_dtype(dtype) if dtype is not None else self.variable_dtype
        if initializer is None:
            initializer = "glorot_uniform" if "float" in dtype else "zeros"
        elif "float" not in dtype and _is_random_initializer(initializer):
            raise LayerError(
                f"Layer {describe_layer(self)} cannot create weight '{name}' with dtype {dtype}: "
                f"its initializer {_initializer_name(initializer)!r} draws random floats and "
                "needs a float dtype. Use a float dtype (e.g. dtype='float32') for this layer.",
                self)
        w = Weight(name, shape, dtype, bool(trainable), self, initializer)
        if SCOPES and SCOPES[-1].caller is self and SCOPES[-1].name == self.name:
            w._path = f"{SCOPES[-1].path}/{name}"  # in its build (the usual case)
        else:
            w._path = variable_path(self.name, self, name)
        (self._trainable_variables if w.trainable else self._non_trainable_variables).append(w)
        if not self.trainable:
            w.trainable = False
        return w

    @property
    def trainable(self):
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        value = bool(value)
        self._trainable = value
        for v in self._trainable_variables:
            v.trainable = value
        for layer in self._layers:
            layer.trainable = value

    @property
    def weights(self):
        own = self._trainable_variables + self._non_trainable_variables
        if not self._layers and (len(own) < 2 or len(set(map(id, own))) == len(own)):
            return own  # no sub-layers, no weight listed twice (most layers)
        seen, out = set(), []
        _add_unique(out, seen, own)
        for layer in self._layers:
            _add_unique(out, seen, layer.weights)
        return out

    @property
    def variables(self):
        """The weights and the seed-generator states (Keras's ``layer.variables``)."""
        own = self._trainable_variables + self._non_trainable_variables
        if not self._layers and not self._seed_generators:
            return self.weights
        seen, out = set(), []
        _add_unique(out, seen, own)
        out.extend(g.state for g in self._seed_generators)  # (as Keras: not deduplicated)
        for layer in self._layers:
            _add_unique(out, seen, layer.variables)
        return out

    def _flatten_layers(self, include_self=True, recursive=True):
        """This layer and its sub-layers, depth first (Keras's ``_flatten_layers``)."""
        layers = [self] if include_self else []
        seen = {id(self)}
        stack = list(reversed(self._layers))
        while stack:
            layer = stack.pop()
            if id(layer) in seen:
                continue
            seen.add(id(layer))
            layers.append(layer)
            if recursive:
                stack.extend(reversed(layer._layers))
        return layers

    @property
    def trainable_weights(self):
        if not self.trainable:
            return []
        return [w for w in self.weights if w.trainable]

    trainable_variables = trainable_weights

    @property
    def non_trainable_weights(self):
        if not self.trainable:
            return self.weights
        return [w for w in self.weights if not w.trainable]

    @property
    def non_trainable_variables(self):
        """The non-trainable weights and the seed-generator states."""
        if not self.trainable:
            return self.variables
        return [v for v in self.variables if not v.trainable]

    def count_params(self) -> int:
        if not self.built:
            raise LayerError(
                f"You tried to call `count_params` on layer {describe_layer(self)}, but the layer "
                "isn't built. Give the model an input shape (keras.Input(shape=...) first, or "
                "input_shape= on the first layer), or build it with model.build(input_shape).",
                self)
        return sum(w.size for w in self.weights)

    def get_weights(self):
        from ..keras.arrays import weight_arrays
        return weight_arrays(self.weights)

    def add_loss(self, loss):
        """Inside ``call()``/``build()`` (traced on symbolic tensors): accepted, as Keras's
        symbolic trace accepts it; elsewhere Keras's error (paramscope.keras._losses_api)."""
        from ..keras._losses_api import add_loss
        add_loss(self, loss)

    def add_metric(self, *args, **kwargs):
        from ..keras._losses_api import add_metric
        add_metric(self, *args, **kwargs)

    @property
    def losses(self):
        """Keras's ``layer.losses`` (see paramscope.keras._losses_api)."""
        from ..keras._losses_api import layer_losses
        return layer_losses(self)

    def set_weights(self, weights):
        """Keras's ``set_weights``: one array per weight, each of the weight's shape (checked
        as Keras checks; the values themselves are not kept)."""
        from ..keras.variables import set_weights
        set_weights(self, weights)

    # -- building and calling -------------------------------------------------------

    def _build_at_init(self):
        """Keras builds a layer that has no ``build`` of its own when it is constructed."""
        if type(self).build is Layer.build:
            self.built = True

    def build(self, input_shape=None):
        """Create the layer's weights.  The default layer has none; like Keras's
        ``build_wrapper``, an explicit ``layer.build(shape)`` marks it built."""
        if self._build_shapes_dict is None:
            self._build_shapes_dict = {"input_shape": input_shape}
        self.built = True

    def compute_output_shape(self, input_shape):
        """The output shape for ``input_shape``; by default the same shape."""
        return input_shape

    def compute_output_dtype(self, *input_dtypes):
        return self.compute_dtype

    @property
    def _call_arg_names(self):
        cls = type(self)
        names = cls.__dict__.get("_cached_call_arg_names")
        if names is None:
            call = getattr(cls, "call", None)
            if call is not None and cls.call_args == Layer.call_args:
                names = tuple(_arg_names(call)[1:]) or ("inputs",)
            else:
                names = tuple(cls.call_args)
            setattr(cls, "_cached_call_arg_names", names)
        return names

    def _bind_call(self, args, kwargs):
        """Map the call's arguments to ``{name: value}`` (tensor args first)."""
        names = self._call_arg_names
        bound = {}
        for i, value in enumerate(args):
            if i < len(names):
                bound[names[i]] = value
            else:
                raise LayerError(
                    f"Layer {describe_layer(self)} takes at most {len(names)} positional "
                    f"argument(s) ({', '.join(names)}), but it received {len(args)}.", self)
        options = {}
        for key, value in kwargs.items():
            if key in names:
                if key in bound:
                    raise LayerError(
                        f"Layer {describe_layer(self)} received argument '{key}' twice.", self)
                bound[key] = value
            else:
                options[key] = value
        return bound, options

    def __call__(self, *args, **kwargs):
        if unknown_call_result is not None:
            unknown_output = unknown_call_result(self, args, kwargs)
            if unknown_output is not None:
                return unknown_output
        if tracing_depth() and not _one_tensor_call(self, args, kwargs):
            args, kwargs = _constants_as_tensors(args, kwargs)
        if _one_tensor_call(self, args, kwargs):
            # The common call, one tensor (and options such as mask=None): nothing to
            # flatten or check positionally.
            first = args[0]
            if kwargs:
                bound, options = self._bind_call(args, kwargs)
                tensor_args = {self._call_arg_names[0]: first}
            else:
                bound = tensor_args = {self._call_arg_names[0]: first}
                options = {}
        else:
            bound, options, tensor_args, first = self._prepare_call(args, kwargs)
        try:
            if self.input_spec is not None:
                _check_input_spec(self, self.input_spec, first)
            cls = type(self)
            if self.built and cls.compute_output_shape is not Layer.compute_output_shape:
                # Built, and not traced: nothing it does now creates variables (Keras opens
                # the layer's name scope for the call; no path can depend on it here).
                outputs = self._output_spec(args, kwargs)
            else:
                with open_layer_scope(self):
                    if not self.built:
                        self._maybe_build(tensor_args, bound)
                    outputs = self._output_spec(args, kwargs)
            if masks_enabled():
                previous_mask = self._populate_masks(args, kwargs, bound, options, tensor_args,
                                                     first)
                self._set_mask_metadata(first, outputs, previous_mask)
        except LayerError:
            raise
        except ParamscopeError as e:
            raise self._error_in_call(e, tensor_args) from None
        if not tracing_depth():
            Node(self, call_args=args, call_kwargs=kwargs, outputs=outputs)
        return outputs

    def _output_spec(self, args, kwargs):
        """``compute_output_spec`` on the inputs as Keras converts them (``_autocast``)."""
        if (kwargs or len(args) != 1 or (args[0].__class__ is KerasTensor
                                         and args[0].dtype != self.input_dtype
                                         and _is_float(args[0].dtype))):
            if self.autocast and self._convert_input_args:
                return self.compute_output_spec(*_autocast(self, args), **_autocast(self, kwargs))
        return self.compute_output_spec(*args, **kwargs)

    def _prepare_call(self, args, kwargs):
        """Check a call's arguments and bind them: ``(bound, options, tensor_args, first)``."""
        if not args and not kwargs:
            raise LayerError(f"Layer {describe_layer(self)} was called without inputs.", self)
        flat = tree.flatten((args, kwargs))
        if not any(isinstance(x, KerasTensor) for x in flat):
            raise NeedsComputationError(
                f"Layer {describe_layer(self)} was called on concrete data. paramscope computes "
                "shapes and parameter counts symbolically and cannot run layers on values; call "
                "layers on keras.Input(...) tensors instead.")
        if not getattr(self, "_allow_non_tensor_positional_args", False):
            # Keras: "Only input tensors may be passed as positional arguments".
            for x in tree.flatten(args):
                if isinstance(x, (bool, int, float, complex, str)):
                    shown = tree.map_structure(
                        lambda t: t.shape if isinstance(t, KerasTensor) else t, list(args))
                    raise LayerError(
                        f"Layer {describe_layer(self)} received {x!r} (of type "
                        f"{type(x).__name__}) among its positional inputs "
                        f"{format_shape(shown[0] if len(shown) == 1 else shown)}: only tensors "
                        "can be passed positionally; pass other values as keyword arguments.",
                        self)
        bound, options = self._bind_call(args, kwargs)
        tensor_args = {k: v for k, v in bound.items()
                       if any(isinstance(x, KerasTensor) for x in tree.flatten(v))}
        return bound, options, tensor_args, next(iter(bound.values()))

    # -- masks -----------------------------------------------------------------------

    @property
    def supports_masking(self):
        """Whether the layer passes a mask on. A class that does declares
        ``supports_masking = True`` (Keras sets it in ``__init__``); otherwise it is True
        when ``compute_mask`` is overridden (Keras: ``not is_default(self.compute_mask)``)."""
        value = self.__dict__.get("_supports_masking")
        if value is None:
            cls = type(self)
            value = cls.__dict__.get("_cached_supports_masking")
            if value is None:
                value = cls.compute_mask is not Layer.compute_mask
                setattr(cls, "_cached_supports_masking", value)
        return value

    @supports_masking.setter
    def supports_masking(self, value):
        self.__dict__["_supports_masking"] = bool(value)

    def compute_mask(self, inputs, previous_mask):
        """The output mask: Keras passes the input's mask on (merge layers combine theirs)."""
        return previous_mask

    def _mask_arg_names(self):
        cls = type(self)
        names = cls.__dict__.get("_cached_mask_args")
        if names is None:
            names = cls.call_mask_args
            if names is None:
                call = cls.__dict__.get("call") or getattr(cls, "call", None)
                code = _code(call) if call is not None and call is not Layer.call else None
                params = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount] if code else ()
                names = tuple(p for p in params if p == "mask" or p.endswith("_mask"))
            names = tuple(names)
            setattr(cls, "_cached_mask_args", names)
        return names

    def _populate_masks(self, args, kwargs, bound, options, tensor_args, first):
        """Keras's step 6: mask arguments from the inputs' masks; returns the previous mask.

        Keras fills ``mask`` (or ``<arg>_mask``) into the call's keyword arguments. That
        dict is also the one its Node keeps, unless Keras converted the inputs first (a
        keyword argument, several positional ones, or a dtype to cast): then the node's
        arguments stay as passed.  So a mask tensor is an input of the node (and appears in
        "Connected to") exactly when Keras puts it there.
        """
        names = self._mask_arg_names()
        flat_first = first if isinstance(first, KerasTensor) else None
        if not names and (flat_first is not None and flat_first._keras_mask is None):
            return None  # the common case: no mask anywhere
        converted = self._convert_input_args and (
            bool(kwargs) or len(args) != 1 or flat_first is None
            or flat_first.dtype != self.input_dtype)
        filled = {}
        if names:
            given = lambda key: bound.get(key, options.get(key))
            if len(tensor_args) == 1:
                if "mask" in names and given("mask") is None:
                    only = next(iter(tensor_args.values()))
                    filled["mask"] = tree.map_structure(get_keras_mask, only)
            elif len(tensor_args) > 1:
                for key, value in tensor_args.items():
                    name = f"{key}_mask"
                    if name in names and given(name) is None:
                        filled[name] = tree.map_structure(get_keras_mask, value)
            if not converted:
                kwargs.update(filled)
        mask = bound.get("mask", options.get("mask"))
        if mask is None:
            mask = filled.get("mask")
        if mask is None:
            return tree.map_structure(get_keras_mask, first)
        return mask

    def _set_mask_metadata(self, inputs, outputs, previous_mask):
        if not self.supports_masking:
            return
        cls = type(self)
        if previous_mask is None and cls.compute_mask is Layer.compute_mask:
            return  # compute_mask would pass the missing mask on: nothing to attach
        flat_outputs = tree.flatten(outputs)
        if all(get_keras_mask(x) is not None for x in flat_outputs):
            return
        masks = self.compute_mask(inputs, previous_mask)
        if masks is None:
            return
        for tensor, mask in zip(flat_outputs, tree.flatten(masks)):
            if mask is not None and isinstance(tensor, KerasTensor) and tensor._keras_mask is None:
                tensor._keras_mask = mask

    def _error_in_call(self, error, tensor_args):
        shapes = tree.map_structure(lambda t: t.shape if isinstance(t, KerasTensor) else t,
                                    list(tensor_args.values()))
        shown = format_shape(shapes[0] if len(shapes) == 1 else shapes)
        fix = getattr(error, "fix", None)
        message = f"Layer {describe_layer(self)} cannot process an input of shape {shown}: {error}"
        if fix:
            message += f". {fix}"
        return LayerError(message, self)

    def _shapes_for(self, fn, tensor_args, bound):
        """Arguments for ``build``/``compute_output_shape`` the way Keras passes them.

        A function with one parameter gets the first tensor argument's shape;
        otherwise ``<arg>_shape`` parameters get the shapes of ``<arg>``.
        """
        params = _shape_params(fn)
        if params is None:  # one parameter: the first tensor argument's shape
            first = next(iter(tensor_args.values()))
            if type(first) is KerasTensor:
                return (first._shape,), {}
            return (tree.map_structure(_shape_of, first),), {}
        shapes = {k: tree.map_structure(_shape_of, v) for k, v in tensor_args.items()}
        kwargs = {}
        for p in params:
            key = p[:-len("_shape")] if p.endswith("_shape") else p
            if key in shapes:
                kwargs[p] = shapes[key]
            elif p == "input_shape" and shapes:
                kwargs[p] = next(iter(shapes.values()))
        return (), kwargs

    def _maybe_build(self, tensor_args, bound):
        args, kwargs = self._shapes_for(self.build, tensor_args, bound)
        if tracing_depth():  # inside a traced call(): stand-in sizes are unknown to Keras's build
            from ..ops import known_shape
            args, kwargs = tree.map_shape_structure(known_shape, (args, kwargs))
        self.build(*args, **kwargs)
        self._build_shapes_dict = kwargs if kwargs else {"input_shape": args[0]}
        self.built = True

    def compute_output_spec(self, *args, **kwargs):
        """Symbolic outputs for a call (shapes from ``compute_output_shape``).

        A layer written like a Keras custom layer (its own ``call``, no
        ``compute_output_shape``) is traced: its ``call`` runs on the symbolic
        tensors, as Keras traces it, without recording anything in the graph.
        """
        cls = type(self)
        if cls.compute_output_shape is Layer.compute_output_shape and cls.call is not Layer.call:
            return self._trace_call(args, kwargs)
        if _one_tensor_call(self, args, kwargs):
            tensor_args = {self._call_arg_names[0]: args[0]}
            bound = self._bind_call(args, kwargs)[0] if kwargs else tensor_args
        else:
            bound, options = self._bind_call(args, kwargs)
            tensor_args = {k: v for k, v in bound.items()
                           if any(isinstance(x, KerasTensor) for x in tree.flatten(v))}
        sargs, skwargs = self._shapes_for(self.compute_output_shape, tensor_args, bound)
        shape = self.compute_output_shape(*sargs, **skwargs)
        dtype = self.compute_output_dtype()
        if shape.__class__ is tuple:
            try:
                return KerasTensor(shape, dtype=dtype)  # one output (most layers)
            except ShapeError:
                pass  # several outputs, or a bad shape: reported below
        return tree.map_shape_structure(lambda s: KerasTensor(s, dtype=dtype), shape)

    def _trace_call(self, args, kwargs):
        from .. import ops
        try:
            outputs = ops.traced_call(self.call, *args, **kwargs)
        except ParamscopeError as e:
            raise LayerError(
                f"Layer {describe_layer(self)}: tracing its call() failed: {e}. Define "
                "compute_output_shape(input_shape) on the class, or declare the layer with "
                "paramscope.register_layer(...).", self) from None
        except Exception as e:  # noqa: BLE001 - user code: report, do not crash
            raise LayerError(
                f"Layer {describe_layer(self)}: paramscope could not trace its call() on symbolic "
                f"tensors ({type(e).__name__}: {e}). Define compute_output_shape(input_shape) on "
                "the class, or declare the layer with paramscope.register_layer(...).",
                self) from None
        leaves = tree.flatten(outputs)
        if not leaves or not all(isinstance(t, KerasTensor) for t in leaves):
            raise LayerError(
                f"Layer {describe_layer(self)}: its call() did not return symbolic tensors when "
                "traced. Define compute_output_shape(input_shape) on the class.", self)
        return tree.map_structure(lambda t: KerasTensor(t.shape, dtype=t.dtype), outputs)

    @property
    def init_arguments(self):
        """The arguments the layer was constructed with, ``(args, kwargs)`` (what
        ``keras.models.clone_model`` rebuilds it from)."""
        return self.__dict__.get("_init_arguments", ((), {}))

    def build_from_shape(self, input_shape):
        """Build the layer for ``input_shape`` without a call (``layer.build``)."""
        self.build(input_shape)
        self._build_shapes_dict = {"input_shape": input_shape}
        self.built = True

    # -- graph accessors -----------------------------------------------------------

    def _node_attr(self, index, attr):
        if not self._inbound_nodes:
            raise AttributeError(f"Layer {describe_layer(self)} has never been called and thus has no {attr}.")
        node = self._inbound_nodes[index]
        values = node.outputs if attr == "output" else node.input_tensors
        return values[0] if len(values) == 1 else values

    @property
    def input(self):
        return self._node_attr(0, "input")

    @property
    def output(self):
        return self._node_attr(0, "output")

    # -- explanation ----------------------------------------------------------------

    def explain(self):
        """The arithmetic of this layer's parameter count, as data: a list of
        ``explanation.Line`` (numbers with their roles; ``report.explain_words`` words them).

        The default spells out each weight's shape; layers override it with
        the tutorial form (``kernel 3x3 x 3 input channels x 2 filters ...``).
        """
        return [weight_sizes(self)]

    def explain_output(self):
        """The arithmetic of the output shape, where it changes (``explanation.Line`` s)."""
        return []

    # -- config ------------------------------------------------------------------------

    def get_config(self):
        config = {"name": self.name, "trainable": self.trainable}
        config["dtype"] = {"module": "keras", "class_name": "DTypePolicy",
                           "config": {"name": self._dtype_policy.name}, "registered_name": None}
        if type(self).get_config is Layer.get_config:
            # A class without a get_config of its own: its constructor's arguments, so that
            # ``cls.from_config(layer.get_config())`` rebuilds it (clone_model's idiom).
            config = {**_named_init_arguments(self), **config}
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name}, built={self.built}>"

    # -- things that need computation ---------------------------------------------------

    def call(self, *args, **kwargs):  # pragma: no cover - overridden by user layers only
        raise NeedsComputationError(
            f"Layer {describe_layer(self)}: call() runs real computation, which paramscope does "
            "not do; it works from shapes.")


_RANDOM_INITIALIZERS = {
    "glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "lecun_uniform", "lecun_normal",
    "random_uniform", "random_normal", "truncated_normal", "variance_scaling", "orthogonal",
    "uniform", "normal",
}


def _initializer_name(initializer):
    if isinstance(initializer, dict):
        return initializer.get("class_name") or initializer.get("config", "")
    return initializer if isinstance(initializer, str) else getattr(initializer, "name",
                                                                     type(initializer).__name__)


def _is_random_initializer(initializer):
    from ..naming import to_snake_case
    name = _initializer_name(initializer)
    return isinstance(name, str) and to_snake_case(name) in _RANDOM_INITIALIZERS


def _named_init_arguments(layer):
    """The layer's constructor arguments by parameter name (positional ones named)."""
    args, kwargs = layer.init_arguments
    if not args:
        return dict(kwargs)
    names = [n for n in _arg_names(type(layer).__init__)[1:]]
    named = dict(zip(names, args))
    named.update(kwargs)
    return named


def _reporting_init(init):
    """Missing or unexpected constructor arguments become a LayerError (Keras: TypeError)."""
    if getattr(init, "_paramscope_wrapped", False):
        return init
    builtin = (init.__module__ or "").startswith("paramscope.")

    def __init__(self, *args, **kwargs):
        if builtin and unknown_value_check is not None:
            unknown_value_check(type(self).__name__, init, args, kwargs)
        if "_init_arguments" not in self.__dict__:  # the outermost constructor's call
            self.__dict__["_init_arguments"] = (args, dict(kwargs))
        try:
            init(self, *args, **kwargs)
        except TypeError as e:
            if e.__traceback__.tb_next is not None:  # raised inside the constructor
                raise
            raise LayerError(_argument_problem(type(self).__name__, str(e))) from None

    __init__.__wrapped__ = init
    __init__.__doc__ = init.__doc__
    __init__.__name__ = init.__name__
    __init__.__qualname__ = init.__qualname__
    __init__._paramscope_wrapped = True
    return __init__


def _argument_problem(name, text):
    import re
    missing = re.findall(r"'(\w+)'", text) if "missing" in text else []
    if missing:
        shown = ", ".join(f"`{m}`" for m in missing)
        example = ", ".join(f"{m}=..." for m in missing)
        return (f"{name}: missing required argument{'s' if len(missing) > 1 else ''} {shown}. "
                f"Pass {'them' if len(missing) > 1 else 'it'}, e.g. {name}({example}); see the "
                f"Keras documentation of {name} for its arguments.")
    problem = re.sub(r"[\w.]*__init__[(][)]", name + "()", text)
    return f"{name}: {problem}; see the Keras documentation of {name} for its arguments."


def _marking_build(build):
    if getattr(build, "_paramscope_wrapped", False):
        return build

    def wrapper(self, *args, **kwargs):
        if SCOPES and SCOPES[-1].caller is self:  # called by Layer.__call__: scope open
            build(self, *args, **kwargs)
        else:
            with open_layer_scope(self):
                build(self, *args, **kwargs)
        if self._build_shapes_dict is None:
            if args:
                self._build_shapes_dict = {"input_shape": args[0]}
            elif kwargs:
                self._build_shapes_dict = dict(kwargs)
        self.built = True

    wrapper.__wrapped__ = build
    wrapper.__doc__ = build.__doc__
    wrapper.__name__ = build.__name__
    wrapper.__qualname__ = build.__qualname__
    wrapper._paramscope_wrapped = True
    return wrapper


def _keras2_semantics():
    from ..keras.tensorflow import keras2_semantics
    return keras2_semantics()


def _policy_or_error(dtype, layer):
    try:
        return get_policy(dtype)
    except ParamscopeError as e:
        raise LayerError(f"{type(layer).__name__}: invalid dtype={dtype!r}: {e}") from None


class InputLayer(Layer):
    """The layer behind ``keras.Input``: no weights, one output of a fixed shape."""

    def __init__(self, shape=None, batch_size=None, dtype=None, sparse=None, ragged=None,
                 batch_shape=None, input_tensor=None, optional=False, name=None, **kwargs):
        if "input_shape" in kwargs:
            shape = kwargs.pop("input_shape")
        if "batch_input_shape" in kwargs:
            batch_shape = kwargs.pop("batch_input_shape")
        for legacy in ("trainable",):
            kwargs.pop(legacy, None)
        super().__init__(name=name, **kwargs)
        if input_tensor is not None:
            batch_shape = input_tensor.shape
            dtype = input_tensor.dtype
        else:
            if shape is not None and batch_shape is not None:
                raise LayerError("You cannot pass both `shape` and `batch_shape` at the same time.")
            if batch_size is not None and batch_shape is not None:
                raise LayerError("You cannot pass both `batch_size` and `batch_shape` at the same time.")
            if shape is None and batch_shape is None:
                raise LayerError(
                    f"InputLayer '{self.name}': you must pass a `shape` argument, e.g. "
                    "keras.Input(shape=(28, 28, 1)).")
            if shape is not None:
                try:
                    shape = standardize_shape(shape)
                except ShapeError as e:
                    raise LayerError(f"InputLayer '{self.name}': invalid shape={shape!r}: {e}") from None
                batch_shape = (batch_size,) + shape
        try:
            self._batch_shape = standardize_shape(batch_shape)
        except ShapeError as e:
            raise LayerError(f"InputLayer '{self.name}': invalid batch_shape={batch_shape!r}: {e}") from None
        self._dtype = standardize_dtype(dtype)
        self.sparse = bool(sparse)
        self.ragged = bool(ragged)
        self.optional = optional
        if input_tensor is None:
            input_tensor = KerasTensor(self._batch_shape, dtype=self._dtype, sparse=self.sparse,
                                       ragged=self.ragged, name=name)
        self._input_tensor = input_tensor
        Node(self, call_args=(), call_kwargs={}, outputs=input_tensor)
        self.built = True

    @property
    def batch_shape(self):
        return self._batch_shape

    @property
    def dtype(self):
        return self._dtype

    def get_config(self):
        return {"batch_shape": list(self._batch_shape), "dtype": self._dtype,
                "sparse": self.sparse, "ragged": self.ragged, "name": self.name,
                "optional": self.optional}


def Input(shape=None, batch_size=None, dtype=None, sparse=None, ragged=None, batch_shape=None,
          name=None, tensor=None, optional=False):
    """``keras.Input``: a symbolic tensor fed by a new InputLayer."""
    layer = InputLayer(shape=shape, batch_size=batch_size, dtype=dtype, sparse=sparse,
                       ragged=ragged, batch_shape=batch_shape, name=name, input_tensor=tensor,
                       optional=optional)
    return layer.output


# Python's operators on KerasTensor record Keras operations (paramscope.ops).  They are
# installed when first used, so that a model without them never imports paramscope.ops.
OPERATOR_DUNDERS = (
    "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__",
    "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pow__",
    "__rpow__", "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__", "__lt__",
    "__le__", "__gt__", "__ge__", "__ne__", "__matmul__", "__rmatmul__", "__neg__", "__abs__",
    "__invert__", "__getitem__", "__round__", "reshape", "squeeze")


def _first_use(dunder):
    def operator(self, *args, **kwargs):
        from .. import ops
        ops.install_operators(KerasTensor)  # replaces every stub with the real operator
        return getattr(KerasTensor, dunder)(self, *args, **kwargs)
    operator.__name__ = dunder
    return operator


for _dunder in OPERATOR_DUNDERS:
    setattr(KerasTensor, _dunder, _first_use(_dunder))


def _tensor_eq(self, other):
    """``==`` is identity (Keras 3), an operation under tf.keras semantics (``x == 0.0``)."""
    if naming.keras2_active():
        from .. import ops
        ops.install_operators(KerasTensor)
        return KerasTensor.__eq__(self, other)
    return NotImplemented


KerasTensor.__eq__ = _tensor_eq  # (set after the class: __hash__ stays object's)
