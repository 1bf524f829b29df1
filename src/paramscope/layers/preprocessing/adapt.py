"""``adapt()`` of the preprocessing layers, as Keras 3.15 adapts them (what decides shapes).

* ``Normalization.adapt(data)`` builds the layer from the data's shape when it is not built
  (its ``mean``/``variance``/``count`` weights take the kept axes' sizes) and checks a built
  layer's kept axes against the data, with Keras's messages.  Only the shape is used.
* ``StringLookup``/``IntegerLookup``/``TextVectorization`` learn a vocabulary: its size
  sizes their ``one_hot``/``multi_hot``/``count``/``tf_idf`` outputs.  From concrete data
  (lists, tuples, NumPy arrays of strings or integers) the size is counted as Keras counts it
  (TextVectorization's standardize, split and ngrams included); from data whose values
  paramscope does not have (a dataset known by its shape, an unknown value) the size stays
  unknown, recorded in ``layer.vocabulary_unknown_reason``, unless
  ``pad_to_max_tokens=True`` fixes the output size.
* ``Discretization.adapt`` needs ``num_bins`` (Keras's check); the boundaries it learns do
  not change shapes.
"""

from __future__ import annotations

import re

from ...errors import LayerError, NeedsComputationError, ParamscopeError, describe_layer

class AdaptTypeError(LayerError, TypeError):
    """adapt() received data of a kind Keras refuses (Keras raises TypeError)."""


_STRIP_PUNCTUATION = re.compile(r'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']')


# -- the data --------------------------------------------------------------------------------

def data_shape(data):
    """The shape of the data (a tuple, ``None`` entries allowed), or None when unknown."""
    try:
        shape = getattr(data, "shape", None)
    except ParamscopeError:
        return None
    if shape is not None:
        try:
            return tuple(None if d is None else int(d) for d in shape)
        except Exception:  # noqa: BLE001 - a shape paramscope does not know (an unknown value)
            return None
    if isinstance(data, (list, tuple)):
        from ...shapes import value_shape
        try:
            return value_shape(data)
        except ParamscopeError:
            return None
    return None


def _concrete_values(data):
    """The data's elements, flattened, or None when paramscope does not have them."""
    module = type(data).__module__
    if module == "numpy" and hasattr(data, "tolist"):
        data = data.tolist()
    elif isinstance(data, (str, bytes, int, float)):
        return [data]
    elif not isinstance(data, (list, tuple)):
        return None
    out = []
    for item in data:
        inner = _concrete_values(item)
        if inner is None:
            return None
        out.extend(inner)
    return out


def _batches(data):
    """An adapt() argument as a list of batches: one array, or the items of an iterable that
    is not an array, as Keras iterates a generator or a dataset."""
    if isinstance(data, (list, tuple, str, bytes)) or hasattr(data, "shape"):
        return [data]
    if hasattr(data, "__iter__"):
        try:
            return list(data)
        except ParamscopeError:
            return None
    return [data]


# -- Normalization ---------------------------------------------------------------------------

def _normalization_data_shape(layer, data):
    """Keras's ``Normalization.adapt`` reading of its data: an array (its shape), or an
    iterable of batches (the first batch's shape; ``(x, y)`` batches give x).  None when
    the data's shape is not known here."""
    if type(data).__module__ == "numpy" or hasattr(data, "shape"):
        return data_shape(data)
    if isinstance(data, py_dataset_types()):
        return data_shape(_extract_batch(data[0]))
    if not hasattr(data, "__iter__"):
        raise AdaptTypeError(
            f"Unsupported data type: {type(data)}. `adapt` supports `np.ndarray`, backend "
            "tensors, `tf.data.Dataset`, `keras.utils.PyDataset`, and iterables of batches "
            "(e.g. list, generator).", layer)
    try:
        first = next(iter(data), None)
    except ParamscopeError:
        return None
    if first is None:
        raise LayerError(
            "adapt() received an empty iterable (no batches). Expected at least one batch. "
            "Pass a non-empty iterable of arrays or tensors, e.g. layer.adapt([x]) or "
            "layer.adapt(list_of_batches).", layer)
    first = _extract_batch(first)
    if getattr(first, "shape", None) is None and not hasattr(first, "shape"):
        raise AdaptTypeError(
            "adapt() expects an iterable that yields arrays or tensors with a `.shape` "
            f"attribute (e.g. numpy arrays or backend tensors). Got an element of type "
            f"{type(first).__name__}. Ensure each yielded element is array-like with a "
            "`.shape` attribute.", layer)
    return data_shape(first)


def _extract_batch(batch):
    return batch[0] if isinstance(batch, tuple) else batch


def py_dataset_types():
    """``keras.utils.PyDataset`` (its stand-in class), for isinstance checks."""
    from ...keras import utils as keras_utils
    return (keras_utils.PyDataset,)


def adapt_normalization(layer, data):
    shape = _normalization_data_shape(layer, data)
    if shape is None:
        # Neither values nor shape known here: the layer is built when it is first called,
        # from its input (where Keras's adapt would have built it from the same sizes, or
        # failed on a mismatch).
        layer.adapt_data_unknown = True
        return
    if not layer.built:
        layer.build(shape)
        return
    for d in layer._keep_axis:
        if shape[d] != layer._build_input_shape[d]:
            raise LayerError(
                f"The layer was built with input_shape={layer._build_input_shape}, but adapt() "
                f"is being called with data with an incompatible shape, data.shape={shape}",
                layer)


# -- Discretization --------------------------------------------------------------------------

def adapt_discretization(layer, data, steps=None):
    if layer.num_bins is None:
        raise LayerError("Cannot adapt a Discretization layer that has been initialized with "
                         "`bin_boundaries`, use `num_bins` instead.", layer)
    layer.adapted = True


# -- lookups -----------------------------------------------------------------------------------

def _token(value):
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _unknown_vocabulary(layer, reason):
    layer._frozen_vocab_size = None
    layer.vocabulary_unknown_reason = reason


def record_vocabulary(lookup, tokens):
    """Keras's ``IndexLookup.finalize_state``: the vocabulary size from the adapted tokens."""
    counts = {}
    for token in tokens:
        counts[token] = counts.get(token, 0) + 1
    counts.pop(lookup.mask_token, None)
    counts.pop(lookup.oov_token, None)
    learned = len(counts)
    start = lookup._token_start_index()
    if lookup.max_tokens:
        learned = min(learned, lookup.max_tokens - start)
    lookup._frozen_vocab_size = learned + start
    lookup.vocabulary_unknown_reason = None


def _check_adaptable(lookup, owner):
    if lookup._has_input_vocabulary:
        raise LayerError(f"Cannot adapt layer '{owner.name}' after setting a static vocabulary "
                         "via `vocabulary` argument or `set_vocabulary()` method.", owner)


def adapt_lookup(layer, data, steps=None):
    _check_adaptable(layer, layer)
    values = _adapt_values(data, steps)
    if values is None:
        _unknown_vocabulary(layer, _why_unknown(layer, data))
        return
    if layer.vocabulary_dtype != "string":
        values = [int(v) for v in values]
    else:
        values = [str(_token(v)) for v in values]
    record_vocabulary(layer, values)


def _adapt_values(data, steps):
    batches = _batches(data)
    if batches is None:
        return None
    if steps is not None and len(batches) > 1:
        batches = batches[:steps]
    return _concrete_values(list(batches))


def _why_unknown(layer, data):
    return (f"{describe_layer(layer)}: its vocabulary size comes from the values of the data "
            f"given to adapt() ({type(data).__name__}), which paramscope does not have")


# -- TextVectorization -------------------------------------------------------------------------

def _standardize(layer, text):
    mode = layer._standardize
    if callable(mode):
        raise NeedsComputationError("a custom standardize function")
    if mode in ("lower", "lower_and_strip_punctuation"):
        text = text.lower()
    if mode in ("strip_punctuation", "lower_and_strip_punctuation"):
        text = _STRIP_PUNCTUATION.sub("", text)
    return text


def _split(layer, text):
    if layer._split is None:
        return [text]
    if layer._split == "whitespace":
        return text.split()
    if layer._split == "character":
        return list(text)
    raise NeedsComputationError("a custom split function")


def _ngrams(layer, tokens):
    if layer._ngrams is None:
        return tokens
    out = []
    for width in layer._ngrams:
        out.extend(" ".join(tokens[i:i + width]) for i in range(len(tokens) - width + 1))
    return out


def text_tokens(layer, texts):
    """The tokens Keras's ``TextVectorization._preprocess`` makes of each text."""
    tokens = []
    for text in texts:
        text = _standardize(layer, str(_token(text)))
        tokens.extend(_ngrams(layer, _split(layer, text)))
    return tokens


def adapt_text_vectorization(layer, data, batch_size=None, steps=None):
    lookup = layer._lookup_layer
    _check_adaptable(lookup, layer)
    values = _adapt_values(data, steps)
    if values is not None:
        try:
            tokens = text_tokens(layer, values)
        except NeedsComputationError as e:
            _unknown_vocabulary(lookup, f"{describe_layer(layer)}: its vocabulary comes from "
                                f"{e}, which paramscope does not run")
            layer.vocabulary_unknown_reason = lookup.vocabulary_unknown_reason
            return
        record_vocabulary(lookup, tokens)
        layer.vocabulary_unknown_reason = None
        return
    _unknown_vocabulary(lookup, _why_unknown(layer, data))
    layer.vocabulary_unknown_reason = lookup.vocabulary_unknown_reason
