"""The wrappers: Wrapper, TimeDistributed, Bidirectional
(keras/src/layers/core/wrapper.py, keras/src/layers/rnn)."""

from __future__ import annotations

from ... import tree
from ...explanation import Subject, formula, line, text, weight_sizes
from ...errors import LayerError, ParamscopeError, ShapeError, describe_layer, format_shape
from .. import args as A
from ..base import KerasTensor, Layer
from ..convolutional.common import last_input_shape
from .common import describe_value, deserialize_sublayer, serialize_sublayer
from .recurrent import RNN, SequenceLayer, as_list, split_shapes

__all__ = ["Bidirectional", "TimeDistributed", "Wrapper"]


def _copy_layer(layer, **overrides):
    """Keras's copy through the config: ``deserialize(serialize(layer))`` with changes."""
    data = serialize_sublayer(layer)
    data["config"] = dict(data["config"], **overrides)
    return deserialize_sublayer(data)


class Wrapper(Layer):
    """Base class of the wrappers: one inner ``layer``, built with the wrapper."""

    def __init__(self, layer, **kwargs):
        if isinstance(layer, dict):
            layer = deserialize_sublayer(layer)
        if not isinstance(layer, Layer):
            raise LayerError(
                f"{A.owner_of(type(self), kwargs.get('name'))}: the wrapped `layer` must be a "
                f"keras layer instance (e.g. layers.Dense(8)). Received: {describe_value(layer)}.")
        super().__init__(**kwargs)
        self.layer = layer

    def build(self, input_shape=None):
        if not self.layer.built:
            self.layer.build(input_shape)
            self.layer.built = True

    def get_config(self):
        config = super().get_config()
        config["layer"] = serialize_sublayer(self.layer)
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        layer = deserialize_sublayer(config.pop("layer"))
        return cls(layer, **config)


def _inner_output_shape(layer, input_shape, dtype):
    """The inner layer's output shape for ``input_shape``: ``compute_output_shape`` as Keras;
    a model (or a custom layer known by tracing its call) runs on a symbolic tensor."""
    from ...graph import Model
    if not isinstance(layer, Model) and (
            type(layer).compute_output_shape is not Layer.compute_output_shape
            or type(layer).call is Layer.call):
        return layer.compute_output_shape(input_shape)
    spec = layer.compute_output_spec(KerasTensor(input_shape, dtype=dtype))
    return tree.map_structure(lambda t: tuple(t.shape) if isinstance(t, KerasTensor) else t, spec)


class TimeDistributed(SequenceLayer, Wrapper):
    """Applies its layer to every timestep: the inner layer sees ``(batch, *input_shape[2:])``
    and its weights are shared across timesteps."""

    call_args = ("inputs", "training", "mask")
    call_mask_args = ("mask",)
    supports_masking = True
    sequence_rank = None
    sequence_axes = "(batch, timesteps, ...)"

    def __init__(self, layer, **kwargs):
        if isinstance(layer, dict):
            layer = deserialize_sublayer(layer)
        if not isinstance(layer, Layer):
            raise LayerError(
                f"{A.owner_of(type(self), kwargs.get('name'))}: initialize TimeDistributed with "
                f"a keras layer instance, e.g. TimeDistributed(layers.Dense(8)). Received: "
                f"{describe_value(layer)}.")
        super().__init__(layer=layer, **kwargs)

    def _rank_fix(self, shape, expected):
        inner = self.layer
        hint = ""
        if type(inner).__name__ in ("Dense", "EinsumDense"):
            hint = (f" A {type(inner).__name__} already applies to the last axis of inputs of "
                    "any rank: without TimeDistributed it gives the same result on "
                    f"{format_shape(shape)}.")
        return ("TimeDistributed applies its layer to each step of axis 1: add a time "
                "dimension first (e.g. layers.Reshape((1, ...)) or layers.RepeatVector(n)), "
                "or remove the TimeDistributed wrapper." + hint)

    def _get_child_input_shape(self, input_shape):
        if not isinstance(input_shape, (tuple, list)) or len(input_shape) < 3:
            self._check_sequence_rank(tuple(input_shape))
        return (input_shape[0], *input_shape[2:])

    def build(self, input_shape):
        child = self._get_child_input_shape(tuple(input_shape))
        try:
            if not self.layer.built:
                self.layer.build(child)
                self.layer.built = True
        except LayerError as e:
            raise self._inner_error(e, input_shape, child) from None
        except ShapeError as e:
            raise self._inner_error(e, input_shape, child) from None

    def _inner_error(self, error, input_shape, child):
        fix = getattr(error, "fix", None)
        return LayerError(
            f"Layer {describe_layer(self)} received an input of shape "
            f"{format_shape(tuple(input_shape))}, so its layer {describe_layer(self.layer)} is "
            f"applied to each timestep of shape {format_shape(tuple(child))}, which it cannot "
            f"process: {error}" + (f". {fix}" if fix else ""), self)

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        child = self._get_child_input_shape(input_shape)
        try:
            out = _inner_output_shape(self.layer, child, self.layer.compute_dtype)
        except (LayerError, ShapeError) as e:
            raise self._inner_error(e, input_shape, child) from None
        if not tree.is_shape(out):
            raise LayerError(
                f"Layer {describe_layer(self)}: its layer {describe_layer(self.layer)} returns "
                f"several outputs {format_shape(out)}; TimeDistributed needs a layer with a "
                "single output.", self)
        return (out[0], input_shape[1], *out[1:])

    def explain(self):
        inner = self.layer
        from ...graph import Model
        total = sum(w.size for w in inner.weights)
        steps = ""
        shape = last_input_shape(self)
        if shape is not None and len(shape) > 1 and shape[1] is not None:
            steps = formula(" (all {} timesteps)", shape[1])
        if isinstance(inner, Model):
            lines = [line(Subject(self.name), formula(
                f"{inner.name} ({type(inner).__name__}) = {{}}, the same weights at every "
                "timestep", total), steps)]
            for sub in inner.layers:
                if sub.built:
                    lines.extend(map(text, sub.explain()))
            return lines
        inner_lines = [text(l) for l in inner.explain()]
        first = inner_lines[0] if inner_lines else weight_sizes(inner, [])
        if first.subject == inner.name:
            first = first.without_subject()
        return ([line(Subject(self.name), first),
                 line(f"the same {inner.name} ({type(inner).__name__}) weights at every "
                      "timestep", steps)] + inner_lines[1:])

    def explain_output(self):
        return list(self.layer.explain_output()) if hasattr(self.layer, "explain_output") else []


_MERGE_MODES = ("sum", "mul", "ave", "concat", None)


def _is_recurrent(layer):
    return isinstance(layer, RNN) or (isinstance(layer, Layer) and all(
        hasattr(layer, a) for a in ("go_backwards", "return_sequences", "return_state")))


class Bidirectional(SequenceLayer):
    """Runs a copy of its RNN forwards and another backwards and merges the outputs.

    Weights: ``forward_<name>``'s then ``backward_<name>``'s (twice the RNN's).
    """

    _takes_initial_state = True

    call_args = ("sequences", "initial_state", "mask", "training")
    call_mask_args = ("mask",)
    supports_masking = True

    def __init__(self, layer, merge_mode="concat", weights=None, backward_layer=None, **kwargs):
        owner = A.owner_of(type(self), kwargs.get("name"))
        if isinstance(layer, dict):
            layer = deserialize_sublayer(layer)
        if isinstance(backward_layer, dict):
            backward_layer = deserialize_sublayer(backward_layer)
        if not isinstance(layer, Layer):
            raise LayerError(
                f"{owner}: initialize Bidirectional with a recurrent keras layer instance, e.g. "
                f"Bidirectional(layers.LSTM(32)). Received: {describe_value(layer)}.")
        if not _is_recurrent(layer):
            raise LayerError(
                f"{owner}: Bidirectional wraps a recurrent layer (LSTM, GRU, SimpleRNN, RNN, "
                f"ConvLSTM1D/2D/3D), which it copies into a forward and a backward "
                f"(go_backwards=True) layer. Received {describe_value(layer)}, which has no "
                "`go_backwards`. Wrap a recurrent layer, or use the layer without "
                "Bidirectional (TimeDistributed applies a layer to every timestep).")
        if backward_layer is not None and not isinstance(backward_layer, Layer):
            raise LayerError(f"{owner}: `backward_layer` must be a keras layer instance. "
                             f"Received: {describe_value(backward_layer)}.")
        if backward_layer is not None and not _is_recurrent(backward_layer):
            raise LayerError(
                f"{owner}: `backward_layer` must be a recurrent layer with go_backwards=True "
                f"(e.g. layers.LSTM(32, go_backwards=True)). Received {describe_value(backward_layer)}, "
                "which has no `go_backwards`.")
        if merge_mode not in _MERGE_MODES:
            raise LayerError(
                f"{owner}: invalid merge_mode {merge_mode!r}. merge_mode should be one of "
                '{"sum", "mul", "ave", "concat", None} (None returns the forward and backward '
                "outputs as a list).")
        super().__init__(**kwargs)
        forward_name = f"forward_{layer.name.removeprefix('forward_')}"
        self.forward_layer = _copy_layer(layer, name=forward_name)
        if backward_layer is None:
            backward_name = f"backward_{layer.name.removeprefix('backward_')}"
            self.backward_layer = _copy_layer(layer, name=backward_name, go_backwards=True)
        else:
            self.backward_layer = backward_layer
        if hasattr(layer, "use_cudnn"):
            self.forward_layer.use_cudnn = layer.use_cudnn
            self.backward_layer.use_cudnn = layer.use_cudnn
        self._verify_layer_config()
        for inner in (self.forward_layer, self.backward_layer):
            if getattr(inner, "zero_output_for_mask", None) is not None:
                inner.zero_output_for_mask = inner.return_sequences
        self.merge_mode = merge_mode
        self.stateful = layer.stateful
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state
        self.input_spec = layer.input_spec

    def _verify_layer_config(self):
        fwd, bwd = self.forward_layer, self.backward_layer
        owner = describe_layer(self)
        if fwd.go_backwards == bwd.go_backwards:
            raise LayerError(
                f"{owner}: the forward and backward layers must have different `go_backwards` "
                f"values. Received: forward_layer.go_backwards={fwd.go_backwards}, "
                f"backward_layer.go_backwards={bwd.go_backwards}. Create the backward layer "
                "with go_backwards=True.", self)
        for attr in ("stateful", "return_sequences", "return_state"):
            f, b = getattr(fwd, attr), getattr(bwd, attr)
            if f != b:
                raise LayerError(
                    f"{owner}: the forward and backward layers must have the same `{attr}`. "
                    f"Received {attr}={f} for the forward layer and {attr}={b} for the backward "
                    "layer.", self)

    @property
    def sequence_rank(self):
        return self.forward_layer.sequence_rank if isinstance(self.forward_layer, RNN) else 3

    @property
    def sequence_axes(self):
        return getattr(self.forward_layer, "sequence_axes", "(batch, timesteps, features)")

    def _rank_fix(self, shape, expected):
        if isinstance(self.forward_layer, SequenceLayer):
            return self.forward_layer._rank_fix(shape, expected)
        return super()._rank_fix(shape, expected)

    def build(self, sequences_shape, initial_state_shape=None):
        sequences_shape, initial_state_shape = split_shapes(sequences_shape, initial_state_shape)
        for inner in (self.forward_layer, self.backward_layer):
            if not inner.built:
                try:
                    inner.build(sequences_shape)
                except LayerError as e:
                    raise LayerError(f"Layer {describe_layer(self)}: {e}", self) from None

    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        output_shape = self.forward_layer.compute_output_shape(sequences_shape)
        self._check_shapes(sequences_shape, initial_state_shape)
        if self.return_state:
            output_shape, state_shape = output_shape[0], tuple(output_shape[1:])
        if self.merge_mode == "concat":
            output_shape = list(output_shape)
            output_shape[-1] *= 2
            output_shape = tuple(output_shape)
        elif self.merge_mode is None:
            output_shape = [output_shape, output_shape]
        if self.return_state:
            if self.merge_mode is None:
                return tuple(output_shape) + state_shape + state_shape
            return (output_shape,) + state_shape + state_shape
        return tuple(output_shape)

    def _check_shapes(self, sequences_shape, initial_state_shape):
        fwd, bwd = self.forward_layer, self.backward_layer
        try:
            f_out = tree.flatten_shapes(fwd.compute_output_shape(sequences_shape))
            b_out = tree.flatten_shapes(bwd.compute_output_shape(sequences_shape))
        except ParamscopeError:
            return
        if f_out != b_out:
            text = (f"Layer {describe_layer(self)}: the backward layer's outputs "
                    f"{format_shape(b_out)} differ from the forward layer's "
                    f"{format_shape(f_out)}. Keras reports the shapes of the forward layer (as "
                    "here), but merging them fails when the model runs; give both layers the "
                    "same units.")
            if text not in self._warnings:
                self._warnings.append(text)
        if initial_state_shape is not None:
            given = tree.flatten_shapes(initial_state_shape if not tree.is_shape(
                initial_state_shape) else [initial_state_shape])
            expected = len(fwd.state_size) + len(bwd.state_size)
            if len(given) != expected:
                text = (f"Layer {describe_layer(self)} was given {len(given)} initial state(s); "
                        f"it needs {expected} (the forward layer's states, then the backward "
                        "layer's). Keras builds the model but the layer fails when it runs.")
                if text not in self._warnings:
                    self._warnings.append(text)

    def compute_output_spec(self, *args, **kwargs):
        return as_list(super().compute_output_spec(*args, **kwargs))

    def compute_mask(self, _, mask):
        if isinstance(mask, list):
            mask = mask[0]
        if self.return_sequences:
            output_mask = (mask, mask) if not self.merge_mode else mask
        else:
            output_mask = (None, None) if not self.merge_mode else None
        return output_mask

    @property
    def states(self):
        return None

    def reset_state(self):
        if not self.stateful:
            raise LayerError(f"Layer {describe_layer(self)}: reset_state() needs a stateful "
                             "layer (stateful=True).", self)

    reset_states = reset_state

    def explain(self):
        fwd, bwd = self.forward_layer, self.backward_layer
        f = sum(w.size for w in fwd.weights)
        b = sum(w.size for w in bwd.weights)
        f_lines, b_lines = [text(l) for l in fwd.explain()], [text(l) for l in bwd.explain()]
        strip = lambda lines, name: [l.without_subject() if l.subject == name else l
                                     for l in lines]
        if f == b and strip(f_lines, fwd.name) == strip(b_lines, bwd.name):
            return [line(Subject(self.name), formula("2 x {} = {}", f, f + b))] + f_lines
        return ([line(Subject(self.name), formula("{} (forward) + {} (backward) = {}", f, b,
                                                  f + b))] + f_lines + b_lines)

    def explain_output(self):
        return list(self.forward_layer.explain_output())

    def get_config(self):
        config = super().get_config()
        config["merge_mode"] = self.merge_mode
        config["layer"] = serialize_sublayer(self.forward_layer)
        config["backward_layer"] = serialize_sublayer(self.backward_layer)
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["layer"] = deserialize_sublayer(config["layer"])
        if config.get("backward_layer") is not None:
            config["backward_layer"] = deserialize_sublayer(config["backward_layer"])
        return cls(**config)
