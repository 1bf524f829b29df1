"""Categorical encoding, discretization and hashing layers (keras/src/layers/preprocessing)."""

from __future__ import annotations

from ...errors import LayerError, describe_layer, format_shape
from ..base import KerasTensor, Layer
from .common import ConfigMixin, checked_salt, is_number, string_arg

__all__ = ["CategoryEncoding", "Discretization", "Hashing", "HashedCrossing"]


class CategoryEncoding(ConfigMixin, Layer):
    """CategoryEncoding: integer indices to one-hot/multi-hot/count vectors of ``num_tokens``."""
    _convert_input_args = False

    call_args = ("inputs", "count_weights")
    _config_keys = ("num_tokens", "output_mode")

    def __init__(self, num_tokens=None, output_mode="multi_hot", sparse=False, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode not in ("count", "one_hot", "multi_hot"):
            raise LayerError(f"{owner}: unknown arg for output_mode: {output_mode!r}. Expected "
                             "one of 'one_hot', 'multi_hot', 'count'.")
        if num_tokens is None:
            raise LayerError(
                f"{owner}: num_tokens must be set to use this layer (the size of the output "
                "vectors). If the number of tokens is not known beforehand, use the "
                "IntegerLookup layer instead.")
        if not is_number(num_tokens) or num_tokens < 1:
            raise LayerError(f"{owner}: `num_tokens` must be >= 1. Received: "
                             f"num_tokens={num_tokens!r}.")
        self.num_tokens = num_tokens
        self.output_mode = output_mode
        self.sparse = sparse

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        if len(input_shape) == 0:
            return (self.num_tokens,)
        if self.output_mode == "one_hot":
            if input_shape[-1] != 1 or len(input_shape) == 1:
                return input_shape + (self.num_tokens,)
            return input_shape[:-1] + (self.num_tokens,)
        return input_shape[:-1] + (self.num_tokens,)

    def compute_output_spec(self, inputs, count_weights=None):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=self.compute_dtype,
                           sparse=self.sparse)


class Discretization(ConfigMixin, Layer):
    """Discretization: buckets values by ``bin_boundaries`` (or ``num_bins`` learnt by adapt()).

    Output: int32 bucket indices (``"int"``), or one-hot/multi-hot/count vectors of
    ``len(bin_boundaries) + 1`` (or ``num_bins``) values.  No weights.
    """

    _config_keys = ("bin_boundaries", "num_bins", "epsilon", "output_mode", "sparse")

    def __init__(self, bin_boundaries=None, num_bins=None, epsilon=0.01, output_mode="int",
                 sparse=False, dtype=None, name=None):
        super().__init__(name=name, dtype=dtype)
        owner = describe_layer(self)
        if sparse and output_mode == "int":
            raise LayerError(
                f"{owner}: `sparse=True` may only be used if `output_mode` is 'one_hot', "
                f"'multi_hot', or 'count'. Received: sparse={sparse} and "
                f"output_mode={output_mode!r}")
        string_arg(output_mode, ("int", "one_hot", "multi_hot", "count"), "output_mode", owner)
        if num_bins is not None and num_bins < 0:
            raise LayerError(f"{owner}: `num_bins` must be greater than or equal to 0. "
                             f"Received: num_bins={num_bins!r}")
        if num_bins is not None and bin_boundaries is not None:
            raise LayerError(f"{owner}: both `num_bins` and `bin_boundaries` should not be set. "
                             f"Received: num_bins={num_bins!r} and "
                             f"bin_boundaries={bin_boundaries!r}")
        if num_bins is None and bin_boundaries is None:
            raise LayerError(f"{owner}: you need to set either `num_bins` or `bin_boundaries`.")
        self.bin_boundaries = bin_boundaries
        self.num_bins = num_bins
        self.epsilon = epsilon
        self.output_mode = output_mode
        self.sparse = sparse

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        for key in ("trainable",):
            config.pop(key, None)
        bins = config.get("bin_boundaries")
        if bins is not None and config.get("num_bins") is not None:
            # After adapt() both are set; Keras applies the boundaries after creation.
            del config["bin_boundaries"]
            layer = cls(**config)
            layer.bin_boundaries = bins
            return layer
        return cls(**config)

    def adapt(self, data, steps=None):
        """Learns bin boundaries from values; they do not change shapes (``num_bins`` does)."""
        from .adapt import adapt_discretization
        adapt_discretization(self, data, steps)

    @property
    def input_dtype(self):
        from ...dtypes import floatx
        return floatx()

    @property
    def output_dtype(self):
        return self.compute_dtype if self.output_mode != "int" else "int32"

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        if self.output_mode == "int":
            return input_shape
        depth = (len(self.bin_boundaries) + 1 if self.bin_boundaries is not None
                 else self.num_bins)
        if self.output_mode == "one_hot":
            if input_shape and input_shape[-1] == 1 and len(input_shape) > 1:
                return input_shape[:-1] + (depth,)
            return input_shape + (depth,)
        # multi_hot / count: as Keras, the second axis (not the last) is reduced.
        if len(input_shape) >= 2:
            return (input_shape[0],) + input_shape[2:] + (depth,)
        return (depth,)

    def compute_output_spec(self, inputs):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=self.output_dtype)


class Hashing(ConfigMixin, Layer):
    """Hashing: hashes values into ``num_bins`` bins (int64 indices, or vectors); no weights."""
    _convert_input_args = False

    _config_keys = ("num_bins", "salt", "mask_value", "output_mode", "sparse")

    def __init__(self, num_bins, mask_value=None, salt=None, output_mode="int", sparse=False,
                 **kwargs):
        if kwargs.get("dtype") is None:
            from ...dtypes import floatx
            kwargs["dtype"] = "int64" if output_mode == "int" else floatx()
        super().__init__(**kwargs)
        owner = describe_layer(self)
        if num_bins is None or not is_number(num_bins) or num_bins <= 0:
            raise LayerError(f"{owner}: the `num_bins` for `Hashing` cannot be `None` or "
                             f"non-positive values. Received: num_bins={num_bins!r}.")
        if output_mode == "int" and self.dtype_policy.name not in ("int32", "int64"):
            raise LayerError(
                f"{owner}: when `output_mode=\"int\"`, `dtype` should be an integer type, "
                f"'int32' or 'int64'. Received: dtype={kwargs['dtype']!r}")
        modes = ("int", "one_hot", "multi_hot", "count")
        if output_mode not in modes:
            raise LayerError(f"{owner}: invalid value for argument `output_mode`. Expected one "
                             f"of {modes}. Received: output_mode={output_mode!r}")
        if sparse and output_mode == "int":
            raise LayerError(
                f"{owner}: `sparse` may only be true if `output_mode` is \"one_hot\", "
                f"\"multi_hot\", or \"count\". Received: sparse={sparse} and "
                f"output_mode={output_mode!r}")
        self.num_bins = num_bins
        self.mask_value = mask_value
        self.strong_hash = salt is not None
        self.output_mode = output_mode
        self.sparse = sparse
        self.salt = checked_salt(salt, owner, "Hashing")

    def compute_output_shape(self, input_shape):
        if self.output_mode == "int":
            return tuple(input_shape)
        if len(input_shape) == 0:
            return (self.num_bins,)
        return tuple(input_shape[:-1]) + (self.num_bins,)

    def compute_output_spec(self, inputs):
        if self.output_mode == "int":
            return KerasTensor(inputs.shape, dtype=self.dtype)
        base = tuple(inputs.shape)[:-1] if len(inputs.shape) >= 1 else ()
        return KerasTensor(base + (self.num_bins,), dtype=self.dtype)


class HashedCrossing(ConfigMixin, Layer):
    """HashedCrossing: hashes the cross of two features into ``num_bins`` bins; no weights.

    Called on a list of two tensors.  As Keras, other keyword arguments are ignored.
    """
    _convert_input_args = False

    _config_keys = ("num_bins", "output_mode", "sparse")

    def __init__(self, num_bins, output_mode="int", sparse=False, name=None, dtype=None,
                 **kwargs):
        if output_mode == "int" and dtype is None:
            dtype = "int64"
        super().__init__(name=name, dtype=dtype)
        owner = describe_layer(self)
        if sparse:
            from ... import backend_config
            if backend_config.backend() != "tensorflow":
                raise LayerError(f"{owner}: `sparse=True` can only be used with the TensorFlow "
                                 "backend.")
        string_arg(output_mode, ("int", "one_hot"), "output_mode", owner)
        self.num_bins = num_bins
        self.output_mode = output_mode
        self.sparse = sparse

    def compute_output_shape(self, input_shape):
        if (not isinstance(input_shape, (list, tuple)) or len(input_shape) != 2
                or not all(isinstance(s, tuple) for s in input_shape)):
            raise LayerError(
                f"Layer {describe_layer(self)} expects as input a list/tuple of 2 tensors, e.g. "
                f"HashedCrossing(num_bins=...)([a, b]). Received input_shape="
                f"{format_shape(input_shape)}", self)
        first, second = input_shape
        if first[-1:] != second[-1:]:
            raise LayerError(
                f"Layer {describe_layer(self)} expects the two input tensors to have identical "
                f"shapes. Received input_shape={format_shape(list(input_shape))}", self)
        if self.output_mode == "int":
            return tuple(first)
        if first[-1:] != (1,):
            return tuple(first) + (self.num_bins,)
        return tuple(first)[:-1] + (self.num_bins,)
