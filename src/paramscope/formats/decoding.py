"""Decoding a Keras config: its JSON values, its layout (Keras 3 or tf.keras), the load's context.

``decode_value`` turns Keras's serialized special values (``__tuple__``, ``__bytes__``,
``__numpy__``...) into safe Python values: a constant stays data (:class:`FileConstant`), a
Lambda's function stays serialized; nothing is ever evaluated.  ``node_layout`` and its
companions tell the two node layouts apart by what the nodes look like (see
:mod:`paramscope.formats.nodes`), not by the file type.
"""

from __future__ import annotations

from ..errors import ModelFileError, with_message
from . import safejson

KERAS3 = "keras3"
KERAS2 = "keras2"


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


def with_source(error, ctx):
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


class BadMarker(ModelFileError):
    """A serialized special value (``__tuple__``, ``__bytes__``...) that is malformed."""


def _bad_marker(obj, key, value, expected):
    return BadMarker(
        f"a serialized {obj['class_name']} value has {key!r} {value!r:.60}, expected "
        f"{expected}: the file is damaged or was not written by Keras.")


_CONTAINERS = (dict, list)
#: ``class_name`` values ``decode_value`` turns into Python values.
_MARKERS = frozenset({"__tuple__", "TensorShape", "__ellipsis__", "__bytes__", "__slice__",
                      "__keras_tensor__", "__numpy__", "__tensor__"})


def shape_value(value):
    """A shape from a build config: lists of ints become tuples, nested lists stay lists."""
    if isinstance(value, (list, tuple)):
        if all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in value):
            return tuple(value)
        return [shape_value(v) for v in value]
    if isinstance(value, dict):
        return {k: shape_value(v) for k, v in value.items()}
    return value


# ---------------------------------------------------------------------------
# stand-in layers: Keras operations, --assume-passthrough


# ---------------------------------------------------------------------------
# the two layouts
# ---------------------------------------------------------------------------
def node_layout(layers_data):
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


def is_index(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def is_tensor_ref(value):
    return (isinstance(value, list) and len(value) in (3, 4) and isinstance(value[0], str)
            and isinstance(value[1], int) and not isinstance(value[1], bool))



def sequential_layout(layers_data):
    """A Sequential has no nodes: tf.keras configs show ``batch_input_shape``."""
    for layer_data in layers_data:
        config = layer_data.get("config") if isinstance(layer_data, dict) else None
        if isinstance(config, dict) and "batch_input_shape" in config:
            return KERAS2
    return None


def functional_layout(config, fallback):
    """A Functional config's layout: its nodes', else ``fallback`` (the enclosing model's, the
    file's), else its inputs': tf.keras lists them as ``[layer, node, tensor]``."""
    layout = node_layout(config["layers"]) or fallback
    if layout is None:
        inputs_spec = config.get("input_layers")
        layout = KERAS2 if (isinstance(inputs_spec, list) and inputs_spec
                            and all(is_tensor_ref(x) for x in inputs_spec)) else KERAS3
    return layout


# ---------------------------------------------------------------------------
# the model entry
# ---------------------------------------------------------------------------
def model_entry(config, ctx):
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
