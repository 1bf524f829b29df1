"""Custom layers: declare what paramscope cannot know.

A layer class paramscope has never seen (your own ``MyAttention`` in a model
file) stops loading with a message naming it.  Declare it once and it is
understood everywhere: in model files, in JSON configs and in scripts.

With functions of the input shape and the layer's config:

>>> import paramscope
>>> paramscope.register_layer(
...     "ScaledDense",
...     output_shape=lambda input_shape, config: input_shape[:-1] + (config["units"],),
...     weights=lambda input_shape, config: {
...         "kernel": (input_shape[-1], config["units"]),
...         "bias": (config["units"],),
...         "scale": {"shape": (), "trainable": False},
...     },
... )
<class 'paramscope.custom.ScaledDense'>
>>> from paramscope.keras import Sequential, Input, layers
>>> model = Sequential([Input((8,)), layers.ScaledDense(units=4)])
>>> [(w.name, w.shape, w.trainable) for w in model.layers[0].weights]
[('kernel', (8, 4), True), ('bias', (4,), True), ('scale', (), False)]
>>> model.count_params()
37

Or register a class written like a Keras layer (``build`` with ``add_weight``,
``compute_output_shape``), e.g. as a decorator::

    @paramscope.register_layer
    class MyLayer(paramscope.keras.layers.Layer):
        def __init__(self, units, **kwargs): ...
        def build(self, input_shape): self.add_weight(shape=(input_shape[-1], self.units), name="w")
        def compute_output_shape(self, input_shape): return input_shape[:-1] + (self.units,)

For a weightless layer that keeps its input's shape, no declaration is needed
on the command line: ``paramscope summary model.keras --assume-passthrough MyLayer``.
"""

from __future__ import annotations

from .errors import ParamscopeError
from .layers import register_class
from .layers.base import Layer

_BASE_KWARGS = ("name", "trainable", "dtype", "autocast", "activity_regularizer", "input_shape",
                "input_dim")


class DeclaredLayer(Layer):
    """A layer declared with :func:`register_layer`: its config is kept as given."""

    _output_shape_fn = None
    _weights_fn = None

    def __init__(self, **config):
        base = {k: config.pop(k) for k in list(config) if k in _BASE_KWARGS}
        super().__init__(**base)
        self.config = config

    def build(self, input_shape):
        if self._weights_fn is None:
            return
        spec = self._weights_fn(input_shape, self.config)
        items = spec.items() if isinstance(spec, dict) else ((w[0], w[1:]) for w in spec)
        for name, value in items:
            if isinstance(value, dict):
                self.add_weight(name=name, shape=tuple(value["shape"]),
                                trainable=value.get("trainable", True), dtype=value.get("dtype"))
            elif isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], bool):
                self.add_weight(name=name, shape=tuple(value[0]), trainable=value[1])
            else:
                self.add_weight(name=name, shape=tuple(value))

    def compute_output_shape(self, input_shape):
        if self._output_shape_fn is None:
            return input_shape
        return self._output_shape_fn(input_shape, self.config)

    def get_config(self):
        config = super().get_config()
        config.update(self.config)
        return config


def register_layer(cls_or_name=None, *, output_shape=None, weights=None, name=None):
    """Declare a custom layer's output shape and weights to paramscope.

    ``register_layer(LayerSubclass)`` (or as a decorator): the class is used for
    its ``__name__`` (or ``name=``) wherever a layer of that class appears.

    ``register_layer("ClassName", output_shape=f, weights=g)``: ``f(input_shape,
    config)`` returns the output shape (tuples with ``None`` for unknown
    dimensions; default: the input shape); ``g(input_shape, config)`` returns
    the weights, ``{name: shape}`` or ``{name: {"shape": ..., "trainable":
    False, "dtype": ...}}`` (default: none).  ``config`` holds the layer's
    arguments (from the file's config, or the constructor call).

    Returns the layer class.
    """
    if isinstance(cls_or_name, type):
        if not issubclass(cls_or_name, Layer):
            raise ParamscopeError(
                f"register_layer({cls_or_name.__name__}): the class must subclass "
                "paramscope.keras.layers.Layer (build with add_weight, compute_output_shape).")
        register_class(name or cls_or_name.__name__, cls_or_name)
        return cls_or_name
    if cls_or_name is None:
        return lambda cls: register_layer(cls, name=name)
    if not isinstance(cls_or_name, str) or not cls_or_name.isidentifier():
        raise ParamscopeError(
            f"register_layer needs a layer class or its class name (an identifier). Received: "
            f"{cls_or_name!r}")
    for what, fn in (("output_shape", output_shape), ("weights", weights)):
        if fn is not None and not callable(fn):
            raise ParamscopeError(
                f"register_layer({cls_or_name!r}): {what} must be a function of (input_shape, "
                f"config). Received: {fn!r}")
    cls = type(cls_or_name, (DeclaredLayer,), {
        "__module__": __name__,
        "__doc__": f"{cls_or_name}: declared with paramscope.register_layer.",
        "_output_shape_fn": staticmethod(output_shape) if output_shape else None,
        "_weights_fn": staticmethod(weights) if weights else None,
    })
    register_class(cls_or_name, cls)
    return cls
