"""Attention and AdditiveAttention (keras/src/layers/attention/attention.py,
additive_attention.py): Luong and Bahdanau attention on ``[query, value(, key)]``."""

from __future__ import annotations

from ...explanation import Number, Subject, line
from ...errors import LayerError, describe_layer, format_shape
from ..base import KerasTensor, Layer
from ..state import SeedGenerator
from .heads import check_call_options, rate_arg, tensor_shape

__all__ = ["Attention", "AdditiveAttention"]


_ATTENTION_OPTIONS = ("mask", "training", "return_attention_scores", "use_causal_mask")


class Attention(Layer):
    """Dot-product (Luong) attention on ``[query, value]`` or ``[query, value, key]``.

    Weights: ``scale`` (a scalar) with ``use_scale=True``; ``concat_score_weight``
    (a scalar) with ``score_mode="concat"``.
    """
    call_mask_args = ("mask",)
    supports_masking = True

    def __init__(self, use_scale=False, score_mode="dot", dropout=0.0, seed=None, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        self.use_scale = use_scale
        self.score_mode = score_mode
        self.dropout = rate_arg(dropout, "dropout", owner)
        self.seed = seed
        if self.dropout > 0:
            self.seed_generator = SeedGenerator(seed=seed)
        if score_mode not in ("dot", "concat"):
            raise LayerError(
                f"{owner}: invalid value for argument score_mode. Expected one of {{'dot', "
                f"'concat'}}. Received: score_mode={score_mode!r}", self)
        self.scale = None
        self.concat_score_weight = None

    def _validate_inputs(self, inputs, mask=None):
        owner = describe_layer(self)
        name = type(self).__name__
        if not isinstance(inputs, list):
            shown = format_shape(tensor_shape(inputs)) if not isinstance(inputs, tuple) else (
                "a tuple " + format_shape(list(map(tensor_shape, inputs))))
            raise LayerError(
                f"Layer {owner} must be called on a list of inputs, namely [query, value] or "
                f"[query, value, key]. Received: {shown}. Call it as {name}()([query, value])"
                " (a Python list).", self)
        if len(inputs) < 2 or len(inputs) > 3:
            raise LayerError(
                f"Layer {owner} accepts an inputs list of length 2 or 3, namely [query, value] or "
                f"[query, value, key]. Received {len(inputs)} input(s) of shapes "
                f"{format_shape(list(map(tensor_shape, inputs)))}.", self)
        if mask is not None:
            if not isinstance(mask, list):
                raise LayerError(
                    f"Layer {owner}: the mask must be a list, namely [query_mask, value_mask]. "
                    f"Received: mask={mask!r}.", self)
            if len(mask) < 2 or len(mask) > 3:
                raise LayerError(
                    f"Layer {owner} accepts a mask list of length 2 or 3. Received a list of "
                    f"{len(mask)}.", self)

    def _bind_call(self, args, kwargs):
        bound, options = super()._bind_call(args, kwargs)
        check_call_options(self, options, _ATTENTION_OPTIONS, "inputs=[query, value(, key)]")
        return bound, options

    def build(self, input_shape):
        self._validate_inputs(input_shape)
        self.scale = None
        self.concat_score_weight = None
        if self.use_scale:
            self.scale = self.add_weight(name="scale", shape=(), initializer="ones")
        if self.score_mode == "concat":
            self.concat_score_weight = self.add_weight(name="concat_score_weight", shape=(),
                                                       initializer="ones")

    def compute_output_shape(self, input_shape):
        query_shape, value_shape = input_shape[0], input_shape[1]
        return (*query_shape[:-1], value_shape[-1])

    def compute_output_spec(self, inputs, mask=None, return_attention_scores=False, training=None,
                            use_causal_mask=False):
        self._validate_inputs(inputs, mask)
        query, value = inputs[0], inputs[1]
        key = inputs[2] if len(inputs) > 2 else value
        for role, t in (("query", query), ("value", value), ("key", key)):
            if not isinstance(t, KerasTensor):
                raise LayerError(f"Layer {describe_layer(self)}: the {role} must be a tensor. "
                                 f"Received: {t!r}", self)
        self._check_features(query.shape, value.shape, key.shape)
        out = KerasTensor(self.compute_output_shape([query.shape, value.shape, key.shape]),
                          dtype=self.compute_dtype)
        if return_attention_scores:
            scores = KerasTensor((*query.shape[:-1], key.shape[-2] if len(key.shape) > 1
                                  else None), dtype=self.compute_dtype)
            return out, scores
        return out

    def _check_features(self, query_shape, value_shape, key_shape):
        """Keras builds these symbolically; the layer then fails when it runs.  Warn."""
        problems = []
        q, k = query_shape[-1] if query_shape else None, key_shape[-1] if key_shape else None
        if q is not None and k is not None and q != k:
            how = {"dot": "the dot product query . key", "concat": "query + key (concat scores)",
                   "additive": "query + key (additive scores)"}[self._mode()]
            problems.append(f"{how} needs equal feature sizes, but the query has {q} and the "
                            f"key{' (= value)' if key_shape is value_shape else ''} has {k}")
        if len(key_shape) > 1 and len(value_shape) > 1:
            tk, tv = key_shape[-2], value_shape[-2]
            if tk is not None and tv is not None and tk != tv:
                problems.append(f"key and value need the same number of steps (key {tk}, "
                                f"value {tv})")
        for text in problems:
            message = (f"Layer {describe_layer(self)}: {text}. Keras builds the model and reports "
                       f"the shapes, but the layer fails when it runs (query "
                       f"{format_shape(tuple(query_shape))}, value {format_shape(tuple(value_shape))}"
                       f", key {format_shape(tuple(key_shape))}).")
            if message not in self._warnings:
                self._warnings.append(message)

    def _mode(self):
        return self.score_mode

    def compute_mask(self, inputs, mask=None):
        """Keras: the query's mask (through ``ops.convert_to_tensor``), or None."""
        self._validate_inputs(inputs, mask)
        if mask is None or mask[0] is None:
            return None
        from ... import ops
        return ops.convert_to_tensor(mask[0])

    def get_config(self):
        config = super().get_config()
        config.update({"use_scale": self.use_scale, "score_mode": self.score_mode,
                       "dropout": self.dropout, "seed": self.seed})
        return config

    def explain(self):
        parts = []
        if self.scale is not None:
            parts.append("scale (1 scalar)")
        if self.concat_score_weight is not None:
            parts.append("concat_score_weight (1 scalar)")
        if not parts:
            return [line(Subject(self.name), "no weights = ", Number(0),
                         f" ({self.score_mode} scores, use_scale=False)")]
        return [line(Subject(self.name), " + ".join(parts), " = ", Number(len(parts)))]


class AdditiveAttention(Attention):
    """Additive (Bahdanau) attention; ``scale`` has one entry per query feature."""

    def __init__(self, use_scale=True, dropout=0.0, **kwargs):
        super().__init__(use_scale=use_scale, dropout=dropout, **kwargs)

    def build(self, input_shape):
        self._validate_inputs(input_shape)
        self.scale = None
        self.concat_score_weight = None
        if self.use_scale:
            dim = input_shape[0][-1] if input_shape[0] else None
            if dim is None:
                raise LayerError(
                    f"Layer {describe_layer(self)} received a query of shape "
                    f"{format_shape(tuple(input_shape[0]))}: its last dimension is unknown (None),"
                    " but `scale` has one entry per query feature. Give the query a fixed "
                    "feature size, or use use_scale=False.", self)
            self.scale = self.add_weight(name="scale", shape=(dim,),
                                         initializer="glorot_uniform")

    def _mode(self):
        return "additive"

    def get_config(self):
        config = super().get_config()
        del config["score_mode"]
        return config

    def explain(self):
        if self.scale is None:
            return [line(Subject(self.name), "no weights = ", Number(0),
                         " (additive scores, use_scale=False)")]
        n = self.scale.shape[0]
        return [line(Subject(self.name), "scale, one per query feature = ", Number(n))]
