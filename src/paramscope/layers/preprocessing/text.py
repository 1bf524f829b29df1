"""TextVectorization: split, lookup and output mode over a StringLookup."""

from __future__ import annotations

from ...explanation import Subject, formula, line, text
from ...errors import LayerError, describe_layer
from .. import args as A
from ..base import KerasTensor, Layer
from .common import ConfigMixin, checked_output_mode, string_arg
from .lookup import StringLookup

__all__ = ["TextVectorization"]


class TextVectorization(ConfigMixin, Layer):
    """TextVectorization: strings to token indices or vectors; no weights.

    ``"int"``: ``(batch, output_sequence_length)`` (None without one).  Other
    modes: a vector per split string of the vocabulary size (its inner
    StringLookup's, mask and OOV included), or ``max_tokens`` with
    ``pad_to_max_tokens=True``.
    """
    _convert_input_args = False

    def __init__(self, max_tokens=None, standardize="lower_and_strip_punctuation",
                 split="whitespace", ngrams=None, output_mode="int", output_sequence_length=None,
                 pad_to_max_tokens=False, vocabulary=None, idf_weights=None, sparse=False,
                 ragged=False, encoding="utf-8", name=None, **kwargs):
        from ... import backend_config
        owner = A.owner_of(type(self), name)
        if sparse and backend_config.backend() != "tensorflow":
            raise LayerError(f"{owner}: `sparse=True` can only be used with the TensorFlow "
                             "backend.")
        if ragged and backend_config.backend() != "tensorflow":
            raise LayerError(f"{owner}: `ragged=True` can only be used with the TensorFlow "
                             "backend.")
        string_arg(standardize, ("lower_and_strip_punctuation", "lower", "strip_punctuation"),
                    "standardize", owner, allow_none=True, allow_callables=True)
        string_arg(split, ("whitespace", "character"), "split", owner, allow_none=True,
                    allow_callables=True)
        output_mode = checked_output_mode(output_mode, owner)
        if not (ngrams is None or (isinstance(ngrams, int) and not isinstance(ngrams, bool))
                or (isinstance(ngrams, tuple) and all(isinstance(i, int) for i in ngrams))):
            raise LayerError(f"{owner}: `ngrams` must be None, an integer, or a tuple of "
                             f"integers. Received: ngrams={ngrams!r}")
        if output_mode == "int" and not (output_sequence_length is None or (
                isinstance(output_sequence_length, int)
                and not isinstance(output_sequence_length, bool))):
            raise LayerError(f"{owner}: `output_sequence_length` must be either None or an "
                             "integer when `output_mode` is 'int'. Received: "
                             f"output_sequence_length={output_sequence_length!r}")
        if output_mode != "int" and output_sequence_length is not None:
            raise LayerError(f"{owner}: `output_sequence_length` must not be set if "
                             f"`output_mode` is not 'int'. Received "
                             f"output_sequence_length={output_sequence_length!r}.")
        if ragged and output_mode != "int":
            raise LayerError(f"{owner}: `ragged` must not be true if `output_mode` is not "
                             f"'int'. Received: ragged={ragged} and output_mode={output_mode!r}")
        self._max_tokens = max_tokens
        self._standardize = standardize
        self._split = split
        self._ngrams_arg = ngrams
        self._ngrams = tuple(range(1, ngrams + 1)) if isinstance(ngrams, int) else ngrams
        self._ragged = ragged
        self._output_mode = output_mode
        self._output_sequence_length = output_sequence_length
        self._encoding = encoding
        has_vocab = kwargs.pop("has_input_vocabulary", vocabulary is not None)
        vocabulary_size = kwargs.pop("vocabulary_size", None)
        super().__init__(name=name, **kwargs)
        try:
            self._lookup_layer = StringLookup(
                max_tokens=max_tokens, vocabulary=vocabulary, idf_weights=idf_weights,
                pad_to_max_tokens=pad_to_max_tokens, mask_token="", output_mode=output_mode,
                sparse=sparse, has_input_vocabulary=has_vocab, encoding=encoding,
                vocabulary_size=vocabulary_size)
        except LayerError as e:
            raise LayerError(f"{describe_layer(self)}: its inner StringLookup (which holds the "
                             f"vocabulary) rejects the arguments: {e}") from None

    @property
    def compute_dtype(self):
        return "string"

    @property
    def variable_dtype(self):
        return "string"

    def build(self, input_shape=None):
        pass

    def vocabulary_size(self):
        return self._lookup_layer.vocabulary_size()

    def adapt(self, data, batch_size=None, steps=None):
        """Learns the vocabulary's size from the data (see ``adapt``)."""
        from .adapt import adapt_text_vectorization
        adapt_text_vectorization(self, data, batch_size, steps)

    def compute_output_shape(self, input_shape):
        if self._output_mode == "int":
            return (input_shape[0], self._output_sequence_length)
        input_shape = tuple(input_shape)
        if self._split is None:
            if len(input_shape) <= 1:
                input_shape = input_shape + (1,)
        else:
            input_shape = input_shape + (None,)
        return self._lookup_layer.compute_output_shape(input_shape)

    def compute_output_spec(self, inputs):
        from ...dtypes import floatx
        dtype = "int64" if self._output_mode == "int" else floatx()
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=dtype)

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if isinstance(config.get("ngrams"), list):
            config["ngrams"] = tuple(config["ngrams"])
        return cls(**config)

    def get_config(self):
        config = super().get_config()
        lookup = self._lookup_layer
        config.update(
            max_tokens=lookup.max_tokens, standardize=self._standardize, split=self._split,
            ngrams=self._ngrams_arg, output_mode=self._output_mode,
            output_sequence_length=self._output_sequence_length,
            pad_to_max_tokens=lookup.pad_to_max_tokens, sparse=lookup.sparse,
            ragged=self._ragged, vocabulary=lookup.input_vocabulary,
            idf_weights=lookup.input_idf_weights, encoding=self._encoding,
            vocabulary_size=self.vocabulary_size())
        return config

    def explain_output(self):
        if self._output_mode == "int":
            length = self._output_sequence_length
            return [line(Subject(self.name), formula("(batch, {}) token indices ", length),
                         "(output_sequence_length)" if length is not None else
                         "(no output_sequence_length: one index per token, length unknown)")]
        lookup = self._lookup_layer
        return [line(Subject(self.name), l.without_subject()) if l.subject == lookup.name else l
                for l in map(text, lookup.explain_output())]
