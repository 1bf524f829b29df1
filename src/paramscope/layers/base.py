"""The layer engine: weights as shapes, symbolic tensors, call nodes.

A :class:`Layer` mirrors ``keras.Layer``: its constructor checks its
arguments, ``build(input_shape)`` creates its weights with ``add_weight`` (a
name, a shape, trainable or not, a dtype: never any values), and
``compute_output_shape(input_shape)`` gives its output shape.  Calling a layer
on :class:`KerasTensor` objects builds it on first use and records a
:class:`Node`, exactly as Keras 3 does, so graphs, shared layers and the
summary's "Connected to" column come out the same.

The parts of a layer live beside this module: its weights (``_layer_weights``), its
masks (``_masking``), how its call converts its inputs (``_call_inputs``), the tensors,
nodes and weights it makes (``_tensor``, ``_node``, ``_weight``), ``InputSpec``
(``_input_spec``), ``InputLayer`` (``_input_layer``); every name is importable from here,
as before.
"""

from __future__ import annotations

import warnings

from .. import naming, tree
from ..dtypes import get_policy
from ..errors import (LayerError, NeedsComputationError, ParamscopeError, ShapeError,
                      describe_layer, format_shape)
from ..shapes import standardize_shape
from ..explanation import weight_sizes
from ..modes import (is_tracing, masks_enabled, no_masks, recording_nodes,  # noqa: F401
                     tf_keras_node_order, tf_keras_order, tracing_depth)
from ._call_inputs import (autocast_inputs, constants_as_tensors, eager_call, is_eager_call,
                           is_float_dtype, unknown_size_origin)
from ._input_spec import InputSpec, check_input_spec
from ._layer_weights import LayerWeights
from ._masking import LayerMasking, get_keras_mask  # noqa: F401
from ._node import Node, plain_values
from ._signature import positional_arg_names, shape_of, shape_params
from ._tensor import OPERATOR_DUNDERS, KerasHistory, KerasTensor  # noqa: F401
from ._weight import Weight
from .state import SCOPES, SeedGenerator, open_layer_scope


def _one_tensor_call(layer, args, kwargs) -> bool:
    """A call on one tensor, with only plain options (``mask=None``), of a layer that binds
    its arguments as Layer does: it needs no flattening or re-binding."""
    return (len(args) == 1 and args[0].__class__ is KerasTensor
            and type(layer)._bind_call is Layer._bind_call
            and (not kwargs or plain_values(kwargs)))


_UNTRACKED = frozenset({int, float, bool, str, type(None), dict, Weight, InputSpec, KerasTensor})


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


class Layer(LayerMasking, LayerWeights):
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
                names = tuple(positional_arg_names(call)[1:]) or ("inputs",)
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
        one_tensor = _one_tensor_call(self, args, kwargs)
        if not one_tensor:
            if tracing_depth():
                args, kwargs = constants_as_tensors(args, kwargs)
                one_tensor = _one_tensor_call(self, args, kwargs)
            elif is_eager_call(args, kwargs):
                return eager_call(self, args, kwargs)  # Keras runs it on the values
        if one_tensor:
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
                check_input_spec(self, self.input_spec, first)
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
        except LayerError as e:
            origin = unknown_size_origin(tensor_args)
            if origin is None:
                raise
            raise LayerError(f"{e} The size is unknown upstream: {origin}", e.layer) from None
        except ParamscopeError as e:
            raise self._error_in_call(e, tensor_args) from None
        if not tracing_depth():
            Node(self, call_args=args, call_kwargs=kwargs, outputs=outputs)
        return outputs

    def _output_spec(self, args, kwargs):
        """``compute_output_spec`` on the inputs as Keras converts them (``autocast_inputs``)."""
        if (kwargs or len(args) != 1 or (args[0].__class__ is KerasTensor
                                         and args[0].dtype != self.input_dtype
                                         and is_float_dtype(args[0].dtype))):
            if self.autocast and self._convert_input_args:
                return self.compute_output_spec(*autocast_inputs(self, args),
                                                **autocast_inputs(self, kwargs))
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
        params = shape_params(fn)
        if params is None:  # one parameter: the first tensor argument's shape
            first = next(iter(tensor_args.values()))
            if type(first) is KerasTensor:
                return (first._shape,), {}
            return (tree.map_structure(shape_of, first),), {}
        shapes = {k: tree.map_structure(shape_of, v) for k, v in tensor_args.items()}
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


def _named_init_arguments(layer):
    """The layer's constructor arguments by parameter name (positional ones named)."""
    args, kwargs = layer.init_arguments
    if not args:
        return dict(kwargs)
    names = [n for n in positional_arg_names(type(layer).__init__)[1:]]
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

    return _as_wrapper_of(__init__, init)


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

    return _as_wrapper_of(wrapper, build)


def _as_wrapper_of(wrapper, method):
    """``wrapper`` named and documented as the ``method`` it wraps, and marked wrapped (a
    subclass does not wrap it again)."""
    wrapper.__wrapped__ = method
    wrapper.__doc__ = method.__doc__
    wrapper.__name__ = method.__name__
    wrapper.__qualname__ = method.__qualname__
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


from ._input_layer import Input, InputLayer  # noqa: E402,F401  (they subclass Layer)
