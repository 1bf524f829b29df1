"""A layer's weights: ``add_weight`` and the weight lists, counts, losses
(keras/src/layers/layer.py)."""

from __future__ import annotations

from ..dtypes import standardize_dtype
from ..errors import LayerError, describe_layer
from ._weight import Weight
from .state import SCOPES, variable_path


def _add_unique(out, seen, values):
    """Append to ``out`` the ``values`` whose ids are not in ``seen`` (and note them)."""
    for v in values:
        if id(v) not in seen:
            seen.add(id(v))
            out.append(v)


def _is_traced_size(dim) -> bool:
    """A stand-in size of a dimension Keras does not know, while tracing (ops.StandIn)."""
    return dim.__class__ is not int and type(dim).__name__ == "StandIn"


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


class LayerWeights:
    """Layer's weights (a part of :class:`~paramscope.layers.base.Layer`)."""

    def add_weight(self, shape=None, initializer=None, dtype=None, trainable=True,
                   autocast=True, regularizer=None, constraint=None, aggregation="none",
                   overwrite_with_gradient=False, name=None):
        shape = () if shape is None else tuple(shape)
        for d in shape:
            if d.__class__ is int and d >= 0:
                continue
            if d is None or not isinstance(d, int) or d < 0 or _is_traced_size(d):
                from . import base  # its hook for unknown values, set while a script runs
                if base.unknown_value_check is not None:
                    base.unknown_value_check(f"Layer {describe_layer(self)}, creating weight "
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
