"""Constructing one layer from its config entry: the class from the registry (or a stand-in
for a Keras operation, or an assumed passthrough), the config cleaned of other Keras
versions' values, ``from_config``, then ``build_config``.
"""

from __future__ import annotations

import inspect

from .. import tree
from ..errors import ModelFileError, ParamscopeError, UnknownLayerError
from ..layers import get_layer_class
from ..layers.base import InputLayer, KerasTensor, Layer
from ..shapes import broadcast_shapes
from .decoding import KERAS2, BadMarker, FileConstant, decode_value, shape_value

#: Keras 3 drops these legacy Lambda keys silently (legacy/saving/saving_utils.py).
LAMBDA_DEP_ARGS = ("module", "function_type", "output_shape_type", "output_shape_module")

#: Keras 3 operations (``keras.src.ops``) recorded as graph nodes whose output
#: shape is the broadcast of their tensor inputs.
ELEMENTWISE_OPS = frozenset({
    "Add", "Subtract", "Multiply", "Divide", "TrueDivide", "FloorDivide", "Mod", "Power",
    "Maximum", "Minimum", "Equal", "NotEqual", "Greater", "GreaterEqual", "Less", "LessEqual",
    "LogicalAnd", "LogicalOr", "LogicalXor", "LogicalNot", "Hypot", "Arctan2", "Copysign",
    "Abs", "Absolute", "Negative", "Exp", "Exp2", "Expm1", "Log", "Log1p", "Log2", "Log10",
    "Sqrt", "Square", "Rsqrt", "Reciprocal", "Sin", "Cos", "Tan", "Sinh", "Cosh", "Tanh",
    "Arcsin", "Arccos", "Arctan", "Arcsinh", "Arccosh", "Arctanh", "Sign", "Floor", "Ceil",
    "Round", "Trunc", "Clip", "Cast", "Relu", "Relu6", "Sigmoid", "Softplus", "Softsign",
    "SoftShrink", "HardShrink", "TanhShrink", "Silu", "Swish", "Gelu", "Elu", "Selu", "Celu",
    "Glu_unused", "LeakyRelu", "HardSigmoid", "HardSilu", "HardSwish", "HardTanh", "LogSigmoid",
    "Mish", "Softmax", "LogSoftmax", "Sparsemax", "Squareplus", "SparsePlus", "SparseSigmoid",
    "Threshold", "StopGradient", "Identity", "NanToNum", "Real", "Imag", "Conj", "Conjugate",
})




# ---------------------------------------------------------------------------
# stand-in layers: Keras operations, --assume-passthrough
# (tf.keras TFOpLambda/SlicingOpLambda are layers of their own: layers/tfop.py)
# ---------------------------------------------------------------------------
class FileLayer(Layer):
    """A node the file names that has no paramscope class of its own.

    ``mode="elementwise"``: the output shape is the broadcast of the tensor
    inputs (Keras operations such as ``x + y``); ``mode="passthrough"``: the
    output shape is the first input's (``--assume-passthrough``).  No weights.
    The summary shows the file's class name.
    """

    def __init__(self, class_name, mode="passthrough", is_operation=False, name=None,
                 trainable=True, dtype=None, function=None):
        super().__init__(name=name, trainable=trainable, dtype=dtype)
        self.class_name = class_name
        self.mode = mode
        self.function = function
        self._is_keras_operation = is_operation

    def _bind_call(self, args, kwargs):
        tensors = [x for x in tree.flatten((list(args), kwargs)) if isinstance(x, KerasTensor)]
        return {"inputs": tensors[0] if len(tensors) == 1 else tensors}, {}

    def compute_output_spec(self, *args, **kwargs):
        flat = tree.flatten((list(args), kwargs))
        tensors = [x for x in flat if isinstance(x, KerasTensor)]
        if self.mode == "elementwise":
            shape = tensors[0].shape
            for x in flat:
                if isinstance(x, KerasTensor):
                    shape = broadcast_shapes(shape, x.shape)
                elif isinstance(x, FileConstant):
                    shape = broadcast_shapes(shape, x.shape)
        else:
            shape = tensors[0].shape
        return KerasTensor(shape, dtype=tensors[0].dtype)

    def get_config(self):
        config = super().get_config()
        if self.function is not None:
            config["function"] = self.function
        return config


# ---------------------------------------------------------------------------
# one layer
# ---------------------------------------------------------------------------
def _accepted_keys(cls):
    """Keyword arguments the class's constructors take, following ``**kwargs`` up the MRO."""
    keys = set()
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        try:
            params = list(inspect.signature(init).parameters.values())
        except (TypeError, ValueError):  # pragma: no cover - builtins
            break
        keys.update(p.name for p in params
                    if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name != "self")
        if klass is Layer:
            keys.update(("input_shape", "input_dim"))
            break
        if not any(p.kind == p.VAR_KEYWORD for p in params):
            break  # this constructor does not pass anything further up
    return keys


def _unknown_kwarg_error(error):
    text = str(error)
    return "Unrecognized keyword argument" in text or "unexpected keyword argument" in text


def _resolve_class(entry, ctx, name):
    class_name = entry["class_name"]
    module = entry.get("module")
    registered = entry.get("registered_name")
    if isinstance(module, str) and module.startswith(("keras.src.ops", "keras.ops")):
        return None, "operation"
    cls = get_layer_class(class_name)
    if cls is None and isinstance(registered, str) and registered:
        cls = get_layer_class(registered) or get_layer_class(registered.split(">")[-1])
    return cls, None


def _stand_in(entry, ctx, name, kind, config):
    """An operation or an assumed passthrough; None if none fits."""
    class_name = entry["class_name"]
    dtype = config.get("dtype") if isinstance(config, dict) else None
    if kind == "operation":
        op = _operation(class_name, config, name, ctx)
        if op is not None:
            return op
    if class_name in ctx.assume or name in ctx.assume:
        ctx.note(f"layer '{name}' ({class_name}) is unknown to paramscope and was assumed to pass "
                 "its input shape through, with no weights (--assume-passthrough).")
        return FileLayer(class_name, "passthrough", is_operation=kind == "operation", name=name,
                         dtype=_dtype_or_none(dtype))
    return None


def _operation(class_name, config, name, ctx):
    """A Keras 3 operation node (``x + y``, ``keras.ops.mean``...): paramscope's own
    operation of that class when there is one, else an elementwise stand-in."""
    from .. import ops as ops_module
    op_cls = getattr(ops_module, class_name, None)
    Operation = getattr(ops_module, "Operation", None)
    if Operation is not None and isinstance(op_cls, type) and issubclass(op_cls, Operation):
        cfg = decode_value(config) if isinstance(config, dict) else {}
        cfg["name"] = name
        accepted = set()
        for klass in op_cls.__mro__:
            init = klass.__dict__.get("__init__")
            if init is not None:
                params = inspect.signature(init).parameters.values()
                accepted.update(p.name for p in params if p.name != "self")
                if not any(p.kind == p.VAR_KEYWORD for p in params):
                    break
        # Arguments paramscope's operation does not need (e.g. Clip's bounds) do
        # not change shapes: dropped without a note.
        kwargs = {k: v for k, v in cfg.items() if k in accepted}
        try:
            return op_cls(**kwargs)
        except (ParamscopeError, TypeError, ValueError) as e:
            raise ctx.error(f"operation '{name}' ({class_name}) cannot be created from its "
                            f"config: {e}") from None
    if class_name in ELEMENTWISE_OPS:
        return FileLayer(class_name, "elementwise", is_operation=True, name=name)
    return None


def _dtype_or_none(dtype):
    from ..dtypes import get_policy
    try:
        get_policy(dtype)
        return dtype
    except ParamscopeError:
        return None


def _unknown_layer(entry, ctx, name, kind, config):
    class_name = entry["class_name"]
    module = entry.get("module")
    what = "operation" if kind == "operation" else "layer class"
    where = f" (module {module})" if module else ""
    return ctx.error(
        f"layer '{name}' is a {class_name}{where}, a {what} paramscope does not know. If it is "
        f"your own layer, declare its output shape and weights with "
        f"paramscope.register_layer(...) before loading; if it keeps its input's shape and has no "
        f"weights, pass --assume-passthrough {class_name} "
        f"(paramscope.load(..., assume_passthrough=[{class_name!r}])).", UnknownLayerError)


def _lambda_config(cfg, ctx, name):
    """Lambda configs of every Keras version, made inert (nothing is ever loaded or run)."""
    function_type = cfg.get("function_type")
    output_shape_type = cfg.get("output_shape_type")
    for key in LAMBDA_DEP_ARGS:
        cfg.pop(key, None)
    function = cfg.get("function")
    if function_type == "lambda" or isinstance(function, (list, tuple)):
        cfg["function"] = {"class_name": "__lambda__", "config": {"from_file": True}}
    output_shape = cfg.get("output_shape")
    if output_shape is not None:
        is_function = (
            output_shape_type in ("lambda", "function")
            or isinstance(output_shape, str)
            or (isinstance(output_shape, dict) and "class_name" in output_shape))
        if is_function:
            cfg["output_shape"] = {"class_name": "__lambda__", "config": {"from_file": True}}
        elif isinstance(output_shape, (list, tuple)):
            if all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in output_shape):
                cfg["output_shape"] = tuple(output_shape)
            else:
                cfg["output_shape"] = [tuple(v) if isinstance(v, (list, tuple)) else v
                                       for v in output_shape]
    return cfg


def layer_from_entry(entry, ctx, layout):
    """A (non-model) layer: class from the registry, config cleaned, then built from build_config."""
    class_name = entry["class_name"]
    config = entry.get("config")
    if config is None:
        config = {}
    if not isinstance(config, dict):
        raise ctx.error(f"layer of class {class_name}: its config is a "
                        f"{type(config).__name__}, expected an object.")
    name = config.get("name") if isinstance(config.get("name"), str) else entry.get("name")
    cls, kind = _resolve_class(entry, ctx, name)
    if cls is None:
        stand_in = _stand_in(entry, ctx, name, kind, config)
        if stand_in is None:
            raise _unknown_layer(entry, ctx, name, kind, config)
        stand_in._file_batch_input_shape = config.get("batch_input_shape")
        return stand_in

    cfg = _layer_arguments(entry, ctx, cls, name, config, layout)
    batch_input_shape = cfg.get("batch_input_shape")
    if not (isinstance(cls, type) and issubclass(cls, InputLayer)):
        cfg.pop("batch_input_shape", None)
        cfg.pop("batch_size", None)
    dtype = cfg.get("dtype")
    # tf-keras accepts "/" in layer names (DenseNet's "conv1/conv", MobileNetV3's
    # "Conv/BatchNorm"); Keras 3 refuses it for new layers. A tf-keras file's names are
    # kept as written.
    slash_name = None
    if layout == KERAS2 and isinstance(name, str) and "/" in name:
        slash_name, cfg["name"] = name, name.replace("/", "_")

    layer = _construct(cls, cfg, class_name, name, ctx)
    if not isinstance(layer, Layer) and not hasattr(layer, "_inbound_nodes"):
        raise ctx.error(f"layer '{name}' ({class_name}): its class did not create a layer "
                        f"(got {type(layer).__name__}).")
    if slash_name is not None:
        layer.name = slash_name
    if layout == KERAS2:  # e.g. tf-keras's int64 Normalization count
        for attr, value in getattr(layer, "_tf_keras_values", {}).items():
            setattr(layer, attr, value)
    layer._file_batch_input_shape = batch_input_shape
    layer._file_dtype = dtype
    _apply_build_config(layer, entry, ctx, class_name)
    return layer


def _layer_arguments(entry, ctx, cls, name, config, layout):
    """The layer's config decoded into constructor arguments, other versions' values
    brought to Keras 3's (a legacy one-element ``axis`` list, a Lambda's function)."""
    class_name = entry["class_name"]
    # A config written without any marker is used as parsed (a copy: it is changed below).
    try:
        cfg = dict(config) if ctx.plain_configs else decode_value(config)
    except BadMarker as e:
        raise ctx.error(f"layer '{name}' ({class_name}): {e}") from None
    if not isinstance(cfg, dict):
        raise ctx.error(f"layer '{name}' ({class_name}): its config is a serialized "
                        f"{config.get('class_name')} value ({config!r:.80}), expected an object "
                        "of layer arguments.")
    if name is not None:
        cfg["name"] = name
    legacy = layout == KERAS2 or "module" not in entry
    if legacy and "axis" in cfg:
        axis = cfg["axis"]
        if (isinstance(axis, (list, tuple)) and len(axis) == 1
                and isinstance(axis[0], (int, float)) and not isinstance(axis[0], bool)):
            cfg["axis"] = int(axis[0])
        elif isinstance(axis, float) and axis.is_integer():
            cfg["axis"] = int(axis)
    if class_name == "Lambda" or (isinstance(cls, type) and cls.__name__ == "Lambda"):
        cfg = _lambda_config(cfg, ctx, name)
    return cfg


def _construct(cls, cfg, class_name, name, ctx):
    """``cls.from_config``; config keys the class does not take are dropped with a note."""
    label = f"layer '{name}' ({class_name})"

    def attempt(kwargs):
        try:
            return cls.from_config(dict(kwargs))
        except (UnknownLayerError, ModelFileError):
            raise
        except (ParamscopeError, TypeError, ValueError, KeyError, IndexError,
                AttributeError, ArithmeticError) as e:
            return e

    def fail(error):
        text = str(error)
        if isinstance(error, ParamscopeError) and name and f"'{name}'" in text:
            return ctx.error(text)
        if not isinstance(error, (ParamscopeError, TypeError)):
            text = f"{type(error).__name__}: {text}"
        return ctx.error(f"{label} cannot be created from its config: {text}")

    result = attempt(cfg)
    if not isinstance(result, BaseException):
        return result
    accepted = _accepted_keys(cls)
    unknown = [k for k in cfg if k not in accepted]
    if not unknown:
        raise fail(result) from None
    layer = attempt({k: v for k, v in cfg.items() if k in accepted})
    if isinstance(layer, BaseException):
        # Not (only) the extra keys: the first error is the one to show.
        raise fail(result if _unknown_kwarg_error(layer) else layer) from None
    shown = ", ".join(f"{k}={cfg[k]!r:.40}" for k in unknown)
    ctx.note(f"layer '{name}' ({class_name}): ignored config argument(s) {shown}, which "
             f"paramscope's {cls.__name__} does not take (written by another Keras version); "
             "check that they do not change shapes or weights.")
    return layer


def _apply_build_config(layer, entry, ctx, class_name):
    """``deserialize_keras_object``: ``build_from_config`` for a layer that is not built yet."""
    build_config = entry.get("build_config")
    if not isinstance(build_config, dict) or not build_config or layer.built:
        return
    try:
        if build_config.get("input_shape") is not None:
            layer.build_from_shape(shape_value(build_config["input_shape"]))
        elif isinstance(build_config.get("shapes_dict"), dict):
            shapes = {k: shape_value(v) for k, v in build_config["shapes_dict"].items()}
            layer.build(**shapes)
            layer._build_shapes_dict = shapes
            layer.built = True
    except ParamscopeError as e:
        raise ctx.error(f"layer '{layer.name}' ({class_name}) cannot be built from its "
                        f"build_config {build_config}: {e}") from None
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, ArithmeticError) as e:
        raise ctx.error(f"layer '{layer.name}' ({class_name}) cannot be built from its "
                        f"build_config {build_config}: {type(e).__name__}: {e}") from None
