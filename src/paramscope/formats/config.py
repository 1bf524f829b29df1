"""Keras model configs -> paramscope models, rebuilt the way Keras rebuilds them.

Two node layouts exist and the parser is chosen by what the nodes look like,
not by the file type:

* **Keras 3** (``keras/src/models/functional.py``): ``inbound_nodes`` is a list
  of ``{"args": [...], "kwargs": {...}}`` whose tensors are
  ``{"class_name": "__keras_tensor__", "config": {"keras_history": [layer,
  node, tensor]}}``.  Node indices count the layer's calls in this model; in
  ``input_layers``/``output_layers`` a nested *Functional* model's indices
  are one higher (Keras reserves node 0 for it) and ``functional_from_config``
  subtracts one.
* **Keras 2 / tf.keras** (``tf_keras/src/engine/functional.py``):
  ``inbound_nodes`` is ``[[[layer, node, tensor, kwargs], ...], ...]``.  A
  nested model built on an Input (a Functional model, or a Sequential with an
  input shape) starts with a node of its own in tf.keras, so its first call is
  node 1 in the config; ``reconstruct_from_config`` maps config node indices
  to real ones and so does paramscope (Keras 3 itself cannot load such files).
  ``InputLayer`` has ``batch_input_shape``; a Sequential's first layer may
  carry ``batch_input_shape`` instead of an InputLayer.

Layers are created in config order through the registry; their calls are
replayed in config order, a call whose inputs do not exist yet waiting for a
later pass (Keras's ``IndexError`` retry loop), so node indices, layer order
and "Connected to" come out as Keras prints them after loading.

Nothing in a config is ever executed: a Lambda's function (bytecode or name)
is kept as inert data and its output shape is the declared one.
"""

from __future__ import annotations

import contextvars
import inspect
import warnings

from .. import gcpause, tree
from ..errors import ModelFileError, ParamscopeError, UnknownLayerError, with_message
from ..layers import get_layer_class
from ..layers import args as layer_args
from ..layers.base import InputLayer, KerasTensor, Layer, no_masks, tf_keras_node_order
from ..shapes import broadcast_shapes
from . import replay, safejson
from .replay import NotReady

KERAS3 = "keras3"
KERAS2 = "keras2"

#: Deepest nesting of models inside models.
MAX_MODEL_DEPTH = 48

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
# load context
# ---------------------------------------------------------------------------
class LoadContext:
    """What one load needs: where it comes from, notes, options."""

    def __init__(self, source=None, assume_passthrough=(), keras_version=None, layout=None):
        self.source = source
        self.notes = []
        self.assume = set(assume_passthrough or ())
        self.keras_version = None
        self.layout_hint = layout
        self.depth = 0
        #: The config's text has no value ``decode_value`` would change outside of calls
        #: (no ``__tuple__``, ...): layer configs are used as parsed.
        self.plain_configs = False
        self.set_keras_version(keras_version)

    def parse(self, data, source, limit=None):
        """The config in JSON ``data`` (str or bytes), parsed with safejson's limits."""
        config = safejson.parse(data, source, limit=limit)
        if isinstance(data, (bytes, bytearray)):
            data = bytes(data)
            prefix, tensor, shape = b'"__', b'"__keras_tensor__"', b'"TensorShape"'
        else:
            prefix, tensor, shape = '"__', '"__keras_tensor__"', '"TensorShape"'
        # Every marker but TensorShape starts with "__; only calls hold __keras_tensor__.
        self.plain_configs = data.count(prefix) == data.count(tensor) and shape not in data
        return config

    def set_keras_version(self, version):
        """The Keras version that wrote the file: 1.x/2.x suggests the Keras 2 layout."""
        if isinstance(version, bytes):
            version = version.decode("utf-8", "replace")
        if not isinstance(version, str) or not version:
            return
        self.keras_version = version
        if self.layout_hint is None and version.startswith(("1.", "2.")):
            self.layout_hint = KERAS2

    def prefix(self):
        return f"{self.source}: " if self.source else ""

    def note(self, text):
        if text not in self.notes:
            self.notes.append(text)

    def error(self, message, cls=ModelFileError):
        return cls(self.prefix() + message)


def _with_source(error, ctx):
    """The same error, its message prefixed with the file name (once)."""
    prefix = ctx.prefix()
    message = str(error)
    if not prefix or message.startswith(prefix):
        return error
    return with_message(error, prefix + message)


# ---------------------------------------------------------------------------
# serialized values
# ---------------------------------------------------------------------------
class FileConstant:
    """A ``__numpy__``/``__tensor__`` value from a config: kept as data, never evaluated."""

    def __init__(self, value, dtype):
        self.value = value
        self.dtype = dtype

    @property
    def shape(self):
        shape, v = [], self.value
        while isinstance(v, list):
            shape.append(len(v))
            v = v[0] if v else None
        return tuple(shape)

    def __repr__(self):
        return f"<constant from file shape={self.shape} dtype={self.dtype}>"


def decode_value(obj, tensor_hook=None, _depth=0):
    """Turn a serialized config value into Python values.

    Handles Keras 3's ``serialize_keras_object`` markers (``__tuple__`` is
    tf.keras's JSON encoder's) and leaves class configs (initializers,
    regularizers, dtype policies) as dicts.  ``__keras_tensor__`` goes to
    ``tensor_hook``.  Lambdas stay serialized (never loaded).
    """
    if _depth > safejson.MAX_DEPTH:
        raise ModelFileError(f"a config value is nested more than {safejson.MAX_DEPTH} levels deep")
    d = _depth + 1
    if isinstance(obj, list):
        return [decode_value(v, tensor_hook, d) if type(v) in _CONTAINERS else v for v in obj]
    if not isinstance(obj, dict):
        return obj
    class_name = obj.get("class_name")
    if class_name.__class__ is not str:  # most dicts: plain values
        return {k: decode_value(v, tensor_hook, d) if type(v) in _CONTAINERS else v
                for k, v in obj.items()}
    inner = obj.get("config")
    if class_name not in _MARKERS:
        if tensor_hook is None and isinstance(inner, dict) and isinstance(inner.get("layers"), list):
            # A model inside a layer's config (TimeDistributed(model)): its calls are read
            # when the wrapper deserializes it, not here.
            return obj
        return {k: decode_value(v, tensor_hook, d) if type(v) in _CONTAINERS else v
                for k, v in obj.items()}
    if class_name == "__tuple__" and "items" in obj:
        items = obj["items"]
        if items is not None and not isinstance(items, list):
            raise _bad_marker(obj, "items", items, "a list")
        return tuple(decode_value(v, tensor_hook, d) for v in (items or []))
    if class_name == "TensorShape" and "items" in obj:
        items = obj["items"]
        if items is not None and not isinstance(items, list):
            raise _bad_marker(obj, "items", items, "a list of dimensions")
        return None if items is None else tuple(items)
    if class_name == "__ellipsis__":
        return Ellipsis
    if class_name == "__bytes__":
        value = obj.get("value", inner.get("value") if isinstance(inner, dict) else None)
        if not isinstance(value, str):
            raise _bad_marker(obj, "value", value, "a string")
        return value.encode("utf-8")
    if class_name == "__slice__" and isinstance(inner, dict):
        return slice(decode_value(inner.get("start"), tensor_hook, d),
                     decode_value(inner.get("stop"), tensor_hook, d),
                     decode_value(inner.get("step"), tensor_hook, d))
    if class_name == "__keras_tensor__" and isinstance(inner, dict):
        if tensor_hook is None:
            raise ModelFileError("a layer config holds a symbolic tensor (__keras_tensor__) "
                                 "outside of a call")
        return tensor_hook(inner)
    if class_name in ("__numpy__", "__tensor__") and isinstance(inner, dict):
        return FileConstant(inner.get("value"), inner.get("dtype"))
    if (tensor_hook is None and isinstance(class_name, str) and isinstance(inner, dict)
            and isinstance(inner.get("layers"), list)):
        # A model inside a layer's config (TimeDistributed(model)): its calls are read
        # when the wrapper deserializes it, not here.
        return obj
    return {k: decode_value(v, tensor_hook, d) if type(v) in _CONTAINERS else v
            for k, v in obj.items()}


class _BadMarker(ModelFileError):
    """A serialized special value (``__tuple__``, ``__bytes__``...) that is malformed."""


def _bad_marker(obj, key, value, expected):
    return _BadMarker(
        f"a serialized {obj['class_name']} value has {key!r} {value!r:.60}, expected "
        f"{expected}: the file is damaged or was not written by Keras.")


_CONTAINERS = (dict, list)
#: ``class_name`` values ``decode_value`` turns into Python values.
_MARKERS = frozenset({"__tuple__", "TensorShape", "__ellipsis__", "__bytes__", "__slice__",
                      "__keras_tensor__", "__numpy__", "__tensor__"})


def _shape_value(value):
    """A shape from a build config: lists of ints become tuples, nested lists stay lists."""
    if isinstance(value, (list, tuple)):
        if all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in value):
            return tuple(value)
        return [_shape_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _shape_value(v) for k, v in value.items()}
    return value


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
# entry points
# ---------------------------------------------------------------------------
def _unwrap(config, ctx):
    """The ``{"class_name", "config"}`` entry of a model, whatever wraps it."""
    for _ in range(4):
        if isinstance(config, str):
            config = safejson.parse(config, ctx.source or "<model_config>")
            continue
        if not isinstance(config, dict):
            raise ctx.error(
                f"valid JSON, but not a Keras model config: the top level is a "
                f"{type(config).__name__}, expected an object such as model.to_json() writes "
                '({"class_name": "Sequential", "config": {...}}).')
        if "class_name" in config and "config" in config:
            if ctx.keras_version is None:
                ctx.set_keras_version(config.get("keras_version"))
            return config
        if isinstance(config.get("layers"), list):
            functional = all(k in config for k in ("input_layers", "output_layers"))
            return {"class_name": "Functional" if functional else "Sequential", "config": config}
        if "model_config" in config:
            config = config["model_config"]
            continue
        keys = ", ".join(repr(k) for k in list(config)[:8]) or "none"
        raise ctx.error(
            "valid JSON, but not a Keras model config: expected an object with \"class_name\" and "
            "\"config\" (model.to_json(), a .keras file's config.json) or a model's get_config() "
            f"with \"layers\"; found keys {keys}.")
    raise ctx.error("not a Keras model config (model_config nested in itself).")


_current = contextvars.ContextVar("paramscope_load_context", default=None)


def deserialize_layer(config):
    """An inner layer from its config, inside a layer class's ``from_config``.

    For wrappers (``Bidirectional``, ``TimeDistributed``...) whose config holds
    another layer's ``{"class_name", "config"}``: it is created with the same
    options, notes and leniency as the file being loaded (or standalone).
    """
    ctx = _current.get()
    if ctx is None:
        return layer_from_config(config)
    # The file's layout (a tf.keras file's legacy values, e.g. BatchNormalization's axis
    # [1]) applies to the inner layers too.
    return deserialize(config, ctx, ctx.layout_hint)


def model_from_config(config, ctx=None, allow_layer=False):
    """Rebuild the model a config describes (``keras.models.model_from_config``)."""
    ctx = ctx or LoadContext()
    entry = _unwrap(config, ctx)
    token = _current.set(ctx)
    try:
        with layer_args.lenient_identifiers(ctx.notes), warnings.catch_warnings(), gcpause.paused():
            warnings.simplefilter("ignore")
            obj = deserialize(entry, ctx)
    except RecursionError:
        raise (_too_deep(config, ctx)
               or ctx.error("the model is nested too deeply to rebuild.")) from None
    except NotReady as e:  # pragma: no cover - always caught inside the node loop
        raise ctx.error(f"a call refers to node {e.node_index} of layer '{e.layer_name}', "
                        "which does not exist.") from None
    except ParamscopeError as e:
        raise _too_deep(config, ctx) or _with_source(e, ctx) from None
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, ArithmeticError) as e:
        # Untrusted input must never crash the loader; this is still a paramscope
        # bug (the value should have been checked): say so.
        raise _too_deep(config, ctx) or ctx.error(f"the config could not be read ({type(e).__name__}: {e}); it has a value "
                        "paramscope did not expect. If Keras loads this file, please report it "
                        "as a paramscope bug.") from None
    finally:
        _current.reset(token)
    from ..graph import Model
    if not isinstance(obj, Model):
        if allow_layer:
            return obj
        raise ctx.error(
            f"this is the config of a single layer ({entry.get('class_name')}), not of a model; "
            "paramscope summarises Sequential and Functional models.")
    for note in ctx.notes:
        if note not in obj._warnings:
            obj._warnings.append(note)
    return obj


def _too_deep(config, ctx):
    """The error for a config nested deeper than any Keras model's, else None.

    Checked when rebuilding fails (a well-formed config is never walked twice): a
    document that deep is refused as such, whatever tripped over it first.
    """
    try:
        safejson.check_depth(config, ctx.source or "<config>")
    except ModelFileError as e:
        return e
    return None


def layer_from_config(config, ctx=None):
    """``keras.layers.deserialize``: one layer (or model) from its config."""
    ctx = ctx or LoadContext()
    if not isinstance(config, dict) or "class_name" not in config:
        raise ctx.error("expected a layer config {\"class_name\": ..., \"config\": {...}}.")
    return model_from_config(config, ctx, allow_layer=True)


def deserialize(entry, ctx, layout=None):
    """A layer or model from one ``{"class_name", "config", ...}`` entry."""
    if not isinstance(entry, dict):
        raise ctx.error(f"a layer entry is a {type(entry).__name__}, expected an object with "
                        "\"class_name\" and \"config\".")
    class_name = entry.get("class_name")
    config = entry.get("config")
    if not isinstance(class_name, str):
        raise ctx.error(f"a layer entry has no class_name (keys: {', '.join(map(repr, entry))}).")
    if config is None:
        config = {}
    name = entry.get("name") or (config.get("name") if isinstance(config, dict) else None)
    if class_name == "Sequential":
        return _with_depth(ctx, lambda: sequential_from_config(entry, ctx, layout), name)
    if class_name in ("Functional", "Model"):
        return _with_depth(ctx, lambda: functional_from_config(entry, ctx, layout), name)
    if get_layer_class(class_name) is None:
        # A Model subclass paramscope does not know, with a Functional or
        # Sequential config: rebuilt as such (Keras's Model.from_config does
        # the same for functional configs).
        if _looks_functional(config):
            return _with_depth(ctx, lambda: functional_from_config(entry, ctx, layout), name)
        if _looks_sequential(config):
            return _with_depth(ctx, lambda: sequential_from_config(entry, ctx, layout), name)
    return _layer(entry, ctx, layout)


def _looks_functional(config):
    return isinstance(config, dict) and isinstance(config.get("layers"), list) and all(
        k in config for k in ("input_layers", "output_layers"))


def _looks_sequential(config):
    if isinstance(config, list):
        return bool(config) and all(isinstance(x, dict) and "class_name" in x for x in config)
    return (isinstance(config, dict) and isinstance(config.get("layers"), list)
            and "input_layers" not in config)


def _with_depth(ctx, build, name):
    if ctx.depth >= MAX_MODEL_DEPTH:
        raise ctx.error(f"model '{name}' is nested more than {MAX_MODEL_DEPTH} models deep.")
    ctx.depth += 1
    try:
        return build()
    finally:
        ctx.depth -= 1


def _custom_model_note(entry, ctx, kind):
    class_name = entry.get("class_name")
    if class_name not in ("Sequential", "Functional", "Model"):
        module = entry.get("module")
        ctx.note(f"model class {class_name}" + (f" (module {module})" if module else "")
                 + f" is not known to paramscope; its config was rebuilt as a {kind} model.")
        return class_name
    return None


# ---------------------------------------------------------------------------
# Sequential
# ---------------------------------------------------------------------------
def sequential_from_config(entry, ctx, layout=None):
    """``Sequential.from_config`` (Keras 3), with tf.keras's first-layer ``batch_input_shape``."""
    from ..graph import Sequential
    config = entry.get("config")
    if isinstance(config, list):  # Keras <= 2.2: the config is the list of layers
        config = {"layers": config}
    if not isinstance(config, dict) or not isinstance(config.get("layers"), list):
        raise ctx.error(f"Sequential model '{entry.get('name')}': its config has no list of "
                        "\"layers\".")
    name = config.get("name")
    if name is not None and not isinstance(name, str):
        raise ctx.error(f"Sequential model: invalid name {name!r}.")
    layout = layout or ctx.layout_hint or _sequential_layout(config["layers"])
    # Keras 3's Sequential.from_config ignores the model's own `trainable`; the
    # layers' configs carry theirs.
    model = Sequential(name=name)
    shown_class = _custom_model_note(entry, ctx, "Sequential")
    if shown_class:
        model.class_name = shown_class
    names = []
    for i, layer_data in enumerate(config["layers"]):
        layer = deserialize(layer_data, ctx, layout)
        batch_input_shape = getattr(layer, "_file_batch_input_shape", None)
        if i == 0 and batch_input_shape is not None and not isinstance(layer, InputLayer):
            # tf.keras Sequential.add: an Input named "<layer>_input" for the first layer.
            dtype = getattr(layer, "_file_dtype", None)
            try:
                model.add(InputLayer(batch_shape=_shape_value(batch_input_shape),
                                     dtype=dtype if isinstance(dtype, str) else None,
                                     name=f"{layer.name}_input"))
            except ParamscopeError as e:
                raise ctx.error(f"layer '{layer.name}' ({type(layer).__name__}): invalid "
                                f"batch_input_shape {batch_input_shape!r}: {e}") from None
        # Keras 3 adds with rebuild=True, calling every layer again at each
        # add (quadratic); one rebuild at the end gives the same model.
        model.add(layer, rebuild=False)
        names.append(layer.name)
    if model._layers:
        model._maybe_rebuild()
    build_input_shape = config.get("build_input_shape")
    if model._functional is None and build_input_shape and isinstance(build_input_shape, (list, tuple)):
        model.build(_shape_value(build_input_shape))
    _apply_model_build_config(model, entry, ctx)
    if layout == KERAS2:
        # tf.keras's Sequential config has no `trainable` of its own.
        _keras2_frozen(model, config.get("trainable"), config["layers"])
    model._config_layer_names = names
    return model


def _keras2_frozen(model, trainable, layers_data):
    """A tf.keras model saved with ``trainable: false``.

    tf.keras's ``model.trainable = False`` freezes every layer it contains, its
    InputLayers included (they show "N" in the Trainable column), while
    ``Model(..., trainable=False)`` only sets the model's own flag.  A config only
    tells them apart by its layers' flags: all frozen means the model was frozen.
    A tf.keras Sequential config has no flag of its own (``trainable`` is None):
    its layers' flags decide.
    """
    if trainable is True:
        return
    if _all_frozen(layers_data):
        model.trainable = False
    elif trainable is False:
        model._trainable = False


def _all_frozen(layers_data):
    """Every layer of a tf.keras config (nested models' layers included) is frozen."""
    seen = False
    for entry in layers_data:
        if not isinstance(entry, dict) or entry.get("class_name") == "InputLayer":
            continue
        config = entry.get("config")
        if not isinstance(config, dict):
            return False
        flag = config.get("trainable")
        if flag is None and isinstance(config.get("layers"), list):
            if not _all_frozen(config["layers"]):
                return False
        elif flag is not False:
            return False
        seen = True
    return seen


def _sequential_layout(layers_data):
    """A Sequential has no nodes: tf.keras configs show ``batch_input_shape``."""
    for layer_data in layers_data:
        config = layer_data.get("config") if isinstance(layer_data, dict) else None
        if isinstance(config, dict) and "batch_input_shape" in config:
            return KERAS2
    return None


def _apply_model_build_config(model, entry, ctx):
    build_config = entry.get("build_config")
    if not isinstance(build_config, dict) or not build_config or model.built:
        return
    shape = build_config.get("input_shape")
    if shape is None:
        return
    try:
        model.build(_shape_value(shape))
    except ParamscopeError as e:
        ctx.note(f"model '{model.name}' had a build config (input shape {shape}) but could not be "
                 f"built from it: {e}")


# ---------------------------------------------------------------------------
# Functional
# ---------------------------------------------------------------------------
def _node_layout(layers_data):
    """KERAS3 / KERAS2 / None from the shape of the inbound nodes."""
    for layer_data in layers_data:
        nodes = layer_data.get("inbound_nodes") if isinstance(layer_data, dict) else None
        if not isinstance(nodes, list):
            continue
        for node in nodes:
            if isinstance(node, dict) and ("args" in node or "kwargs" in node):
                return KERAS3
            if isinstance(node, (list, dict)):
                # tf.keras: a list of tensor references, or a dict of them (a nested model
                # called on a dict of inputs).
                return KERAS2
    return None


def _is_index(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_tensor_ref(value):
    return (isinstance(value, list) and len(value) in (3, 4) and isinstance(value[0], str)
            and isinstance(value[1], int) and not isinstance(value[1], bool))


def _skips_first_node(layer, layer_data):
    """tf.keras ``_should_skip_first_node``: a nested model built on an Input owns node 0."""
    from ..graph import Functional, Sequential
    if isinstance(layer, Functional):
        return True
    if isinstance(layer, Sequential):
        return layer._functional is not None and isinstance(layer._layers[0], InputLayer)
    return False


def functional_from_config(entry, ctx, parent_layout=None):
    """``functional_from_config`` (Keras 3) / ``reconstruct_from_config`` (tf.keras)."""
    from ..graph import Functional
    config = entry.get("config")
    if not isinstance(config, dict):
        raise ctx.error(f"model '{entry.get('name')}': its config is not an object.")
    missing = [k for k in ("layers", "input_layers", "output_layers") if k not in config]
    if missing or not isinstance(config["layers"], list):
        raise ctx.error(
            f"Functional model '{config.get('name')}': its config has no "
            + ", ".join(f'"{k}"' for k in (missing or ["layers"])) + ".")
    model_name = config.get("name")
    layers_data = config["layers"]
    layout = _node_layout(layers_data) or parent_layout or ctx.layout_hint
    if layout is None:
        inputs_spec = config.get("input_layers")
        layout = KERAS2 if (isinstance(inputs_spec, list) and inputs_spec
                            and all(_is_tensor_ref(x) for x in inputs_spec)) else KERAS3

    created = {}
    entries = []
    unprocessed = {}
    for layer_data in layers_data:
        if not isinstance(layer_data, dict):
            raise ctx.error(f"model '{model_name}': a layer entry is a "
                            f"{type(layer_data).__name__}, expected an object.")
        layer_config = layer_data.get("config")
        name = layer_data.get("name") or (layer_config.get("name")
                                          if isinstance(layer_config, dict) else None)
        if not isinstance(name, str):
            raise ctx.error(f"model '{model_name}': a layer of class "
                            f"{layer_data.get('class_name')} has no name.")
        if name in created:
            raise ctx.error(f"model '{model_name}': two layers are named '{name}'; layer names "
                            "must be unique.")
        layer = deserialize(layer_data, ctx, layout)
        created[name] = layer
        entries.append((name, layer_data, layer))
        nodes = layer_data.get("inbound_nodes", [])
        if nodes is None:
            nodes = []
        if not isinstance(nodes, list):
            raise ctx.error(f"layer '{name}' ({layer_data.get('class_name')}): inbound_nodes is "
                            f"a {type(nodes).__name__}, expected a list.")
        if nodes:
            unprocessed[name] = list(nodes)

    # tf.keras: (layer name, config node index) -> real node index.
    node_map = {}
    node_count = {name: int(_skips_first_node(layer, data)) for name, data, layer in entries}
    if layout == KERAS2:
        _fix_skip_counts(node_count, entries, layers_data, created)

    def describe(name):
        return f"'{name}' ({type(created[name]).__name__})"

    def k3_tensor(spec, for_layer):
        history = spec.get("keras_history")
        if history is None:
            return KerasTensor(spec.get("shape") or (), dtype=spec.get("dtype") or "float32")
        if not (isinstance(history, (list, tuple)) and len(history) == 3):
            raise ctx.error(f"layer {describe(for_layer)}: invalid keras_history {history!r}.")
        ref, node_index, tensor_index = history
        if not isinstance(ref, str) or not _is_index(node_index) or not _is_index(tensor_index):
            raise ctx.error(f"layer {describe(for_layer)}: invalid keras_history {history!r}.")
        if ref not in created:
            raise ctx.error(f"layer {describe(for_layer)} is connected to a layer named {ref!r}, "
                            "but the model has no layer of that name.")
        inbound = created[ref]
        if not isinstance(node_index, int) or node_index < 0:
            raise ctx.error(f"layer {describe(for_layer)}: invalid node index {node_index!r}.")
        if len(inbound._inbound_nodes) <= node_index:
            raise NotReady(ref, node_index)
        return _output(inbound, node_index, tensor_index, for_layer)

    def _output(inbound, node_index, tensor_index, for_layer):
        outputs = inbound._inbound_nodes[node_index].outputs
        if not isinstance(tensor_index, int) or not 0 <= tensor_index < len(outputs):
            raise ctx.error(f"layer {describe(for_layer)} uses output {tensor_index!r} of layer "
                            f"'{inbound.name}' (call {node_index}), which has {len(outputs)} "
                            "output(s).")
        return outputs[tensor_index]

    def k2_tensor(ref, node_index, tensor_index, for_layer):
        if not _is_index(node_index) or not _is_index(tensor_index):
            raise ctx.error(f"layer {describe(for_layer)}: invalid inbound node entry "
                            f"{[ref, node_index, tensor_index]!r}.")
        if ref not in created:
            raise ctx.error(f"layer {describe(for_layer)} is connected to a layer named {ref!r}, "
                            "but the model has no layer of that name.")
        inbound = created[ref]
        if isinstance(inbound, InputLayer):
            real = 0
        else:
            real = node_map.get((ref, node_index))
        if real is None:
            raise NotReady(ref, node_index)
        return _output(inbound, real, tensor_index, for_layer)

    def k2_kwargs(kwargs, for_layer):
        if not isinstance(kwargs, dict):
            raise ctx.error(f"layer {describe(for_layer)}: invalid call arguments {kwargs!r}.")

        def convert(value):
            if (_is_tensor_ref(value) and len(value) == 3 and value[0] in created
                    and isinstance(value[2], int)):
                return k2_tensor(value[0], value[1], value[2], for_layer)
            if isinstance(value, list):
                return [convert(v) for v in value]
            if isinstance(value, dict) and "class_name" not in value:
                return {k: convert(v) for k, v in value.items()}
            return decode_value(value)
        return {k: convert(v) for k, v in kwargs.items()}

    def decode_marked(value, hook, name):
        try:
            return decode_value(value, hook)
        except _BadMarker as e:
            raise ctx.error(f"layer {describe(name)}, in a call: {e}") from None

    def process_node(name, node_data):
        layer = created[name]
        if isinstance(node_data, dict) and layout != KERAS2:  # Keras 3
            args, kwargs = node_data.get("args", []), node_data.get("kwargs", {})
            hook = lambda spec: k3_tensor(spec, name)  # noqa: E731
            first = args[0] if args.__class__ is list and len(args) == 1 else None
            if (first.__class__ is dict and first.get("class_name") == "__keras_tensor__"
                    and first.get("config").__class__ is dict):
                args = [hook(first["config"])]  # one tensor: the usual call
            else:
                args = decode_marked(args, hook, name)
            kwargs = decode_marked(kwargs, hook, name) if kwargs else kwargs
            if not isinstance(args, list) or not isinstance(kwargs, dict):
                raise ctx.error(f"layer {describe(name)}: invalid call {node_data!r:.80}.")
            call(layer, args, kwargs)
            return
        if not isinstance(node_data, (list, dict)):
            raise ctx.error(f"layer {describe(name)}: invalid inbound node {node_data!r:.80}.")
        kwargs = {}

        def leaf(value):
            nonlocal kwargs
            if len(value) == 4:
                kwargs = k2_kwargs(value[3], name)
            elif len(value) != 3:
                raise ctx.error(f"layer {describe(name)}: invalid inbound node entry {value!r:.80}.")
            if value[0] == "_CONSTANT_VALUE":
                return decode_value(value[2])
            return k2_tensor(value[0], value[1], value[2], name)

        def walk(value):
            if _is_tensor_ref(value):
                return leaf(value)
            if isinstance(value, list):
                return [walk(v) for v in value]
            if isinstance(value, dict):
                return {k: walk(v) for k, v in value.items()}
            raise ctx.error(f"layer {describe(name)}: invalid inbound node {node_data!r:.80}.")

        inputs = walk(node_data)
        if isinstance(inputs, list) and len(inputs) == 1:
            inputs = inputs[0]
        outputs = call(layer, [inputs], kwargs)
        first = tree.flatten(outputs)[0]
        node_map[(name, node_count[name])] = first._keras_history.node_index
        node_count[name] += 1

    def call(layer, args, kwargs):
        try:
            if layout == KERAS2:  # tf.keras's masks are not graph operations
                with no_masks(), tf_keras_node_order():
                    return layer(*args, **kwargs)
            return layer(*args, **kwargs)
        except NotReady:
            raise
        except ParamscopeError:
            raise
        except (TypeError, ValueError, KeyError, IndexError, AttributeError, ArithmeticError) as e:
            raise ctx.error(f"layer '{layer.name}' ({type(layer).__name__}) cannot be called as the "
                            f"file describes: {type(e).__name__}: {e}") from None

    requirements = {}

    def ready(node_data):
        """Cheap check that a call's inputs exist (the work is only done when they do)."""
        key = id(node_data)
        if key not in requirements:
            requirements[key] = _node_requirements(node_data)
        return replay.missing_input(requirements[key], created, node_map, layout == KERAS2)

    waiting = replay.replay_calls(unprocessed, process_node, ready)
    if unprocessed:
        stuck = [f"{describe(n)} waits for call {waiting[n].node_index} of "
                 f"'{waiting[n].layer_name}'" for n in list(unprocessed)[:4] if n in waiting]
        raise ctx.error(
            f"model '{model_name}': the graph cannot be rebuilt: " + "; ".join(stuck)
            + ". The graph has a cycle, or refers to a call of a layer that does not exist.")

    def get_tensor(ref, node_index, tensor_index, what):
        if not _is_index(node_index) or not _is_index(tensor_index):
            raise ctx.error(f"model '{model_name}': invalid {what} entry "
                            f"{[ref, node_index, tensor_index]!r}.")
        if ref not in created:
            raise ctx.error(f"model '{model_name}': its {what} names a layer {ref!r}, but the "
                            "model has no layer of that name.")
        layer = created[ref]
        if layout == KERAS2:
            real = 0 if isinstance(layer, InputLayer) else node_map.get((ref, node_index))
        else:
            real = node_index - 1 if isinstance(layer, Functional) else node_index
        if real is None or not isinstance(real, int) or not 0 <= real < len(layer._inbound_nodes):
            raise ctx.error(f"model '{model_name}': its {what} use call {node_index} of layer "
                            f"'{ref}', which does not exist.")
        return _output(layer, real, tensor_index, ref)

    def map_tensors(value, what):
        if isinstance(value, list) and len(value) == 3 and isinstance(value[0], str):
            return get_tensor(value[0], value[1], value[2], what)
        if isinstance(value, dict):
            return {k: map_tensors(v, what) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [map_tensors(v, what) for v in value]
        raise ctx.error(f"model '{model_name}': invalid {what} {value!r:.80}.")

    inputs = map_tensors(config["input_layers"], "inputs")
    outputs = map_tensors(config["output_layers"], "outputs")
    trainable = config.get("trainable")
    if layout == KERAS2:
        # tf.keras (Functional._init_graph_network): a one-element list of inputs or
        # outputs is the tensor itself (its configs always list them).
        if isinstance(inputs, list) and len(tree.flatten(inputs)) == 1:
            inputs = inputs[0]
        if isinstance(outputs, list) and len(tree.flatten(outputs)) == 1:
            outputs = outputs[0]
    model = Functional(inputs, outputs, name=model_name, _internal=ctx.depth > 1,
                       **({"trainable": trainable} if trainable is not None else {}))
    if layout == KERAS2:
        _connect_ancillary_layers(model, created)
        _keras2_frozen(model, trainable, layers_data)
    shown_class = _custom_model_note(entry, ctx, "Functional")
    if shown_class:
        model.class_name = shown_class
    model._config_layer_names = [name for name, _, _ in entries]
    model._file_layout = layout
    return model


def _connect_ancillary_layers(model, created):
    """tf.keras's ``connect_ancillary_layers``: the layers a tf-keras config lists that do not
    lead to the outputs (those ``Model.add_loss`` inserted: ``TFOpLambda`` rows and ``AddLoss``)
    join the model as tf.keras inserts them."""
    from ..graph import insert_layers
    known = set(model._operations)
    ancillary = [layer for layer in created.values() if layer not in known]
    if ancillary:
        nodes = [node for layer in ancillary for node in layer._inbound_nodes]
        insert_layers(model, ancillary, nodes)


def _node_requirements(node_data):
    """``(layer name, node index)`` of every tensor a serialized call uses."""
    out, stack = [], [node_data]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            if v.get("class_name") == "__keras_tensor__" and isinstance(v.get("config"), dict):
                history = v["config"].get("keras_history")
                if (isinstance(history, (list, tuple)) and len(history) == 3
                        and isinstance(history[0], str) and isinstance(history[1], int)):
                    out.append((history[0], history[1]))
                continue
            stack.extend(v.values())
        elif _is_tensor_ref(v):
            if v[0] != "_CONSTANT_VALUE":
                out.append((v[0], v[1]))
            if len(v) == 4:
                stack.append(v[3])
        elif isinstance(v, list):
            stack.extend(v)
    return out


def _fix_skip_counts(node_count, entries, layers_data, created):
    """A nested model whose config calls start at 0 does not own node 0 after all."""
    used = {}
    for _, data, _ in entries:
        for node in data.get("inbound_nodes") or []:
            stack = [node]
            while stack:
                v = stack.pop()
                if _is_tensor_ref(v):
                    used.setdefault(v[0], set()).add(v[1])
                    if len(v) == 4 and isinstance(v[3], dict):
                        stack.extend(v[3].values())
                elif isinstance(v, list):
                    stack.extend(v)
                elif isinstance(v, dict):
                    stack.extend(v.values())
    for name, count in list(node_count.items()):
        if count == 1 and 0 in used.get(name, ()):
            node_count[name] = 0


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


def _layer(entry, ctx, layout):
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

    # A config written without any marker is used as parsed (a copy: it is changed below).
    try:
        cfg = dict(config) if ctx.plain_configs else decode_value(config)
    except _BadMarker as e:
        raise ctx.error(f"layer '{name}' ({class_name}): {e}") from None
    if not isinstance(cfg, dict):
        raise ctx.error(f"layer '{name}' ({class_name}): its config is a serialized "
                        f"{config.get('class_name')} value ({config!r:.80}), expected an object "
                        "of layer arguments.")
    if name is not None:
        cfg["name"] = name
    batch_input_shape = cfg.get("batch_input_shape")
    if not (isinstance(cls, type) and issubclass(cls, InputLayer)):
        cfg.pop("batch_input_shape", None)
        cfg.pop("batch_size", None)
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
            layer.build_from_shape(_shape_value(build_config["input_shape"]))
        elif isinstance(build_config.get("shapes_dict"), dict):
            shapes = {k: _shape_value(v) for k, v in build_config["shapes_dict"].items()}
            layer.build(**shapes)
            layer._build_shapes_dict = shapes
            layer.built = True
    except ParamscopeError as e:
        raise ctx.error(f"layer '{layer.name}' ({class_name}) cannot be built from its "
                        f"build_config {build_config}: {e}") from None
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, ArithmeticError) as e:
        raise ctx.error(f"layer '{layer.name}' ({class_name}) cannot be built from its "
                        f"build_config {build_config}: {type(e).__name__}: {e}") from None
