"""StringLookup and IntegerLookup (Keras's IndexLookup)."""

from __future__ import annotations

from ...explanation import Subject, formula, line
from ...errors import LayerError, describe_layer
from .. import args as A
from ..base import KerasTensor, Layer
from .common import ConfigMixin, checked_output_mode, checked_salt, string_arg

__all__ = ["StringLookup", "IntegerLookup"]


def _vocab_tokens(vocabulary, owner):
    """The vocabulary as a list (a file path: its lines, as tf.io.gfile reads them)."""
    if isinstance(vocabulary, str):
        import os
        if not os.path.exists(vocabulary):
            raise LayerError(f"{owner}: vocabulary file {vocabulary} does not exist.")
        with open(vocabulary, encoding="utf-8") as f:
            return [line.rstrip("\r\n") for line in f]
    if hasattr(vocabulary, "tolist"):
        vocabulary = vocabulary.tolist()
    return list(vocabulary)


class _IndexLookup(ConfigMixin, Layer):
    """Keras's ``IndexLookup`` (StringLookup, IntegerLookup): no weights.

    The vocabulary size, which sizes the one_hot/multi_hot/count/tf_idf
    outputs, is the number of tokens plus the OOV indices (plus the mask index
    in ``"int"`` mode); without a vocabulary (before adapt()) it is unknown
    (None) unless ``pad_to_max_tokens=True``.  tf_idf's ``idf_weights`` is a
    TensorFlow variable Keras does not count as a weight.
    """

    _config_keys = ("invert", "max_tokens", "num_oov_indices", "oov_token", "mask_token",
                    "output_mode", "sparse", "pad_to_max_tokens", "vocabulary_dtype",
                    "oov_method", "salt")

    def __init__(self, max_tokens, num_oov_indices, mask_token, oov_token, vocabulary_dtype,
                 vocabulary=None, idf_weights=None, invert=False, output_mode="int",
                 sparse=False, pad_to_max_tokens=False, oov_method="floormod", name=None,
                 salt=None, **kwargs):
        owner = A.owner_of(type(self), name)
        if max_tokens is not None and max_tokens <= 1:
            raise LayerError(f"{owner}: if set, `max_tokens` must be greater than 1. "
                             f"Received: max_tokens={max_tokens!r}")
        if pad_to_max_tokens and max_tokens is None:
            raise LayerError(f"{owner}: if pad_to_max_tokens is True, `max_tokens` must be "
                             f"set. Received: max_tokens={max_tokens!r}")
        if num_oov_indices < 0:
            raise LayerError(f"{owner}: `num_oov_indices` must be greater than or equal to 0. "
                             f"Received: num_oov_indices={num_oov_indices!r}")
        string_arg(oov_method, ("floormod", "farmhash"), "oov_method", owner)
        if salt is not None:
            if vocabulary_dtype.startswith("int") and oov_method != "farmhash":
                raise LayerError(f"{owner}: `salt` can only be used when "
                                 f"`oov_method='farmhash'`. Received: oov_method={oov_method!r}")
            salt = checked_salt(salt, owner, "IndexLookup")
        output_mode = checked_output_mode(output_mode, owner)
        if invert and output_mode != "int":
            raise LayerError(f"{owner}: `output_mode` must be 'int' when `invert` is true. "
                             f"Received: output_mode={output_mode!r}")
        if sparse and output_mode == "int":
            raise LayerError(
                f"{owner}: `sparse` may only be true if `output_mode` is 'one_hot', "
                f"'multi_hot', 'count' or 'tf_idf'. Received: sparse={sparse} and "
                f"output_mode={output_mode!r}")
        if idf_weights is not None and output_mode != "tf_idf":
            raise LayerError(f"{owner}: `idf_weights` should only be set if `output_mode` is "
                             f"'tf_idf'. Received: output_mode={output_mode!r}")
        frozen = kwargs.pop("vocabulary_size", None)
        has_vocab = kwargs.pop("has_input_vocabulary", vocabulary is not None)
        kwargs.pop("trainable", None)
        kwargs.pop("dtype", None)
        if kwargs:
            raise LayerError(f"{owner}: unrecognized keyword argument(s): {kwargs}. "
                             f"{type(self).__name__} takes no other arguments (not even "
                             "input_shape: start the model with keras.Input(shape=..., "
                             "dtype=...)).")
        super().__init__(name=name)
        owner = describe_layer(self)
        self.invert = invert
        self.max_tokens = max_tokens
        self.num_oov_indices = num_oov_indices
        self.mask_token = mask_token
        self.oov_token = oov_token
        self.output_mode = output_mode
        self.sparse = sparse
        self.pad_to_max_tokens = pad_to_max_tokens
        self.vocabulary_dtype = vocabulary_dtype
        self.oov_method = oov_method
        self.salt = salt
        self._frozen_vocab_size = frozen
        self.input_vocabulary = vocabulary if not isinstance(vocabulary, str) else None
        self.input_idf_weights = idf_weights
        self._has_input_vocabulary = has_vocab
        if output_mode == "tf_idf" and has_vocab and idf_weights is None:
            raise LayerError(f"{owner}: when specifying the `vocabulary` argument in TF-IDF "
                             "output mode, the `idf_weights` argument must also be provided.")
        if vocabulary is not None:
            self.set_vocabulary(vocabulary, idf_weights)

    def _oov_start_index(self):
        return 1 if self.mask_token is not None and self.output_mode == "int" else 0

    def _token_start_index(self):
        return self._oov_start_index() + self.num_oov_indices

    def set_vocabulary(self, vocabulary, idf_weights=None):
        owner = describe_layer(self)
        if self.output_mode == "tf_idf":
            if idf_weights is None:
                raise LayerError(f"{owner}: `idf_weights` must be set if output_mode is "
                                 "'tf_idf'.")
        elif idf_weights is not None:
            raise LayerError(f"{owner}: `idf_weights` should only be set if output_mode is "
                             f"'tf_idf'. Received: output_mode={self.output_mode!r}")
        from_file = isinstance(vocabulary, str)
        if from_file and self.output_mode == "tf_idf":
            raise LayerError(f"{owner}: output_mode 'tf_idf' does not support loading a "
                             "vocabulary from file.")
        vocabulary = _vocab_tokens(vocabulary, owner)
        if from_file:
            # Keras builds a table from the file's lines as they are.
            self._frozen_vocab_size = len(vocabulary) + self._token_start_index()
            return
        if not vocabulary:
            raise LayerError(f"{owner}: cannot set an empty vocabulary. "
                             f"Received: vocabulary={vocabulary!r}")
        oov_start = self._oov_start_index()
        token_start = self._token_start_index()
        special = [self.mask_token] * oov_start + [self.oov_token] * self.num_oov_indices
        found_special = list(vocabulary[:token_start]) == special
        tokens = vocabulary[token_start:] if found_special else vocabulary
        seen, repeated = set(), []
        for t in tokens:
            if t in seen and t not in repeated:
                repeated.append(t)
            seen.add(t)
        if repeated:
            raise LayerError(f"{owner}: the passed vocabulary has at least one repeated term. "
                             f"Please uniquify your dataset. The repeated terms are: {repeated}")
        if self.mask_token is not None and self.mask_token in tokens:
            raise LayerError(
                f"{owner}: found reserved mask token {self.mask_token!r} at an unexpected "
                "location in `vocabulary`. The vocabulary does not need to include the OOV and "
                "mask tokens. Either remove all mask and OOV tokens, or include them only at "
                f"the start of the vocabulary in precisely this order: {special}.")
        if self.oov_token is not None and self.invert and self.oov_token in tokens:
            raise LayerError(
                f"{owner}: found reserved OOV token {self.oov_token!r} at an unexpected "
                "location in `vocabulary`. Either remove all mask and OOV tokens, or include "
                f"them only at the start of the vocabulary in precisely this order: {special}.")
        size = token_start + len(tokens)
        if self.max_tokens is not None and size > self.max_tokens:
            raise LayerError(f"{owner}: attempted to set a vocabulary larger than the maximum "
                             f"vocab size. Received vocabulary size is {size}; `max_tokens` is "
                             f"{self.max_tokens}.")
        if self.output_mode == "tf_idf":
            weights = list(idf_weights.tolist() if hasattr(idf_weights, "tolist")
                           else idf_weights)
            if len(vocabulary) != len(weights):
                raise LayerError(f"{owner}: `idf_weights` must be the same length as "
                                 f"vocabulary. len(idf_weights) is {len(weights)}; "
                                 f"len(vocabulary) is {len(vocabulary)}")
        self._frozen_vocab_size = size

    def vocabulary_size(self):
        if self._frozen_vocab_size is None:
            return self._token_start_index()
        return self._frozen_vocab_size

    def adapt(self, data, steps=None):
        """Learns the vocabulary's size from the data (see ``adapt``)."""
        from .adapt import adapt_lookup
        adapt_lookup(self, data, steps)

    @property
    def compute_dtype(self):
        return self.vocabulary_dtype

    @property
    def variable_dtype(self):
        return self.vocabulary_dtype

    def compute_output_shape(self, input_shape):
        if self.output_mode == "int":
            return input_shape
        depth = self.max_tokens if self.pad_to_max_tokens else self._frozen_vocab_size
        input_shape = tuple(input_shape)
        if self.output_mode == "one_hot":
            if len(input_shape) > 1 and input_shape[-1] == 1:
                return input_shape[:-1] + (depth,)
            return input_shape + (depth,)
        return input_shape[:-1] + (depth,)

    def compute_output_spec(self, inputs):
        from ...dtypes import floatx
        dtype = "int64" if self.output_mode == "int" else floatx()
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=dtype)

    def get_config(self):
        config = super().get_config()
        config.update(idf_weights=self.input_idf_weights, vocabulary=self.input_vocabulary,
                      vocabulary_size=self._frozen_vocab_size)
        return config

    def explain_output(self):
        if self.output_mode == "int":
            return []
        if self.pad_to_max_tokens:
            return [line(Subject(self.name), formula(
                "output size {} (max_tokens, pad_to_max_tokens=True)", self.max_tokens))]
        if self._frozen_vocab_size is None:
            return [line(Subject(self.name), "output size unknown (None) until the vocabulary "
                         "is set (vocabulary=... or adapt())")]
        start = self._token_start_index()
        parts = [formula("{} tokens", self._frozen_vocab_size - start)]
        if self.num_oov_indices:
            parts.append(formula("{} OOV", self.num_oov_indices))
        if self._oov_start_index():
            parts.append(formula("{} mask", 1))
        terms = formula(" + ".join(["{}"] * len(parts)), *parts)
        return [line(Subject(self.name), formula("output size {} = {}", self._frozen_vocab_size,
                                                 terms))]


class StringLookup(_IndexLookup):
    """StringLookup: strings to int64 indices (or encoded vectors) through a vocabulary."""
    _convert_input_args = False

    def __init__(self, max_tokens=None, num_oov_indices=1, mask_token=None, oov_token="[UNK]",
                 vocabulary=None, idf_weights=None, invert=False, output_mode="int",
                 pad_to_max_tokens=False, sparse=False, encoding="utf-8", name=None, salt=None,
                 **kwargs):
        if sparse:
            from ... import backend_config
            if backend_config.backend() != "tensorflow":
                raise LayerError(f"{A.owner_of(type(self), name)}: `sparse=True` can only be "
                                 "used with the TensorFlow backend.")
        self.encoding = encoding
        super().__init__(max_tokens=max_tokens, num_oov_indices=num_oov_indices,
                         mask_token=mask_token, oov_token=oov_token, vocabulary=vocabulary,
                         idf_weights=idf_weights, invert=invert, output_mode=output_mode,
                         pad_to_max_tokens=pad_to_max_tokens, sparse=sparse, name=name,
                         salt=salt, vocabulary_dtype="string", **kwargs)

    def get_config(self):
        config = super().get_config()
        config.pop("vocabulary_dtype", None)
        config["encoding"] = self.encoding
        return config


class IntegerLookup(_IndexLookup):
    """IntegerLookup: integers to int64 indices (or encoded vectors) through a vocabulary."""
    _convert_input_args = False

    def __init__(self, max_tokens=None, num_oov_indices=1, mask_token=None, oov_token=-1,
                 vocabulary=None, vocabulary_dtype="int64", idf_weights=None, invert=False,
                 output_mode="int", sparse=False, pad_to_max_tokens=False,
                 oov_method="floormod", salt=None, name=None, **kwargs):
        owner = A.owner_of(type(self), name)
        if max_tokens is not None and max_tokens <= 1:
            raise LayerError(f"{owner}: if `max_tokens` is set for `IntegerLookup`, it must be "
                             f"greater than 1. Received: max_tokens={max_tokens!r}")
        if num_oov_indices < 0:
            raise LayerError(f"{owner}: the value of `num_oov_indices` argument for "
                             f"`IntegerLookup` must >= 0. Received: "
                             f"num_oov_indices={num_oov_indices!r}")
        if sparse:
            from ... import backend_config
            if backend_config.backend() != "tensorflow":
                raise LayerError(f"{owner}: `sparse=True` can only be used with the TensorFlow "
                                 "backend.")
        if vocabulary_dtype != "int64":
            raise LayerError(f"{owner}: only `vocabulary_dtype='int64'` is supported at this "
                             f"time. Received: vocabulary_dtype={vocabulary_dtype!r}")
        super().__init__(max_tokens=max_tokens, num_oov_indices=num_oov_indices,
                         mask_token=mask_token, oov_token=oov_token, vocabulary=vocabulary,
                         vocabulary_dtype=vocabulary_dtype, idf_weights=idf_weights,
                         invert=invert, output_mode=output_mode, sparse=sparse,
                         pad_to_max_tokens=pad_to_max_tokens, oov_method=oov_method, salt=salt,
                         name=name, **kwargs)
