"""Property-based tests: random stacks of layers on random valid inputs, checked for the
summary's arithmetic invariants.

Every generated model (Sequential or Functional) must satisfy:

* the rows' counts add up to the total, and trainable + non-trainable = total, also when
  recounted from the model's own (deduplicated) weights;
* each row's count is the sum over its reported weights of the product of their shapes, and
  its trainable + non-trainable split adds up to it;
* bytes = the sum over weights of size x dtype bits / 8 (from an independent table);
* freezing one layer (``layer.trainable = False``) moves exactly its count to non-trainable
  and changes nothing else.

Stacks are drawn layer by layer from what fits the current output shape; a ``LayerError``
(e.g. a window larger than what is left of the input) is the only allowed failure.
"""

import math

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import paramscope.keras as keras  # noqa: E402
from paramscope import naming  # noqa: E402
from paramscope.errors import LayerError  # noqa: E402
from paramscope.layers import registry  # noqa: E402
from paramscope.summary import summarize  # noqa: E402

L = keras.layers
REGISTRY = registry()
HAS = set(REGISTRY)

#: Bytes per element, written out independently of paramscope.dtypes.
BYTES = {"float16": 2, "bfloat16": 2, "float32": 4, "float64": 8, "int8": 1, "int16": 2,
         "int32": 4, "int64": 8, "uint8": 1}

POLICIES = [None, None, None, None, "float32", "float16", "bfloat16", "float64",
            "mixed_float16", "mixed_bfloat16"]

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _kw(draw, **extra):
    policy = draw(st.sampled_from(POLICIES))
    if policy is not None:
        extra["dtype"] = policy
    return extra


def _small(draw, lo=1, hi=6):
    return draw(st.integers(lo, hi))


def _make(cls, *args, **kwargs):
    return lambda: cls(*args, **kwargs)


def _layer_for(draw, shape):
    """A factory of a layer that accepts a tensor of ``shape`` (batch first).

    The arguments are drawn here; the factory builds a fresh layer each time it is called.
    """
    rank = len(shape)
    options = ["dense", "layernorm", "dropout", "activation"]
    if rank == 2:
        options += ["batchnorm", "reshape3", "normalization", "unitnorm"]
        if shape[-1] % 2 == 0:
            options.append("reshape_split")
    if rank == 3:
        options += ["conv1d", "pool1d", "gap1d", "flatten", "batchnorm", "zeropad1d"]
        for rnn in ("LSTM", "GRU", "SimpleRNN"):
            if rnn in HAS:
                options.append(rnn)
        if "Bidirectional" in HAS and "LSTM" in HAS:
            options.append("bidirectional")
        if "MultiHeadAttention" in HAS:
            options.append("mha")
    if rank == 4:
        options += ["conv2d", "pool2d", "gap2d", "flatten", "batchnorm", "depthwise",
                    "separable", "groupnorm"]
    if rank >= 3 and "SpectralNormalization" in HAS:
        options.append("spectral")
    kind = draw(st.sampled_from(options))
    units = _small(draw, 1, 8)
    if kind == "dense":
        lora = draw(st.sampled_from([None, None, None, 1, 2]))
        return _make(L.Dense, units, use_bias=draw(st.booleans()), lora_rank=lora, **_kw(draw))
    if kind == "layernorm":
        return _make(L.LayerNormalization, center=draw(st.booleans()), scale=draw(st.booleans()),
                                    **_kw(draw))
    if kind == "dropout":
        return _make(L.Dropout, 0.25)
    if kind == "activation":
        return _make(L.Activation, draw(st.sampled_from(["relu", "tanh", "softmax"])))
    if kind == "batchnorm":
        return _make(L.BatchNormalization, center=draw(st.booleans()), scale=draw(st.booleans()),
                                    renorm=draw(st.booleans()), **_kw(draw))
    if kind == "normalization":
        return _make(L.Normalization, **_kw(draw))
    if kind == "unitnorm":
        return _make(L.UnitNormalization, )
    if kind == "groupnorm":
        channels = shape[-1]
        groups = draw(st.sampled_from([g for g in range(1, channels + 1) if channels % g == 0]))
        return _make(L.GroupNormalization, groups=groups, **_kw(draw))
    if kind == "reshape3":
        return _make(L.Reshape, (shape[-1], 1))
    if kind == "reshape_split":
        return _make(L.Reshape, (2, shape[-1] // 2))
    if kind == "flatten":
        return _make(L.Flatten, )
    if kind == "conv1d":
        return _make(L.Conv1D, units, _small(draw, 1, 3), padding=draw(st.sampled_from(["valid",
                                                                                   "same"])),
                        use_bias=draw(st.booleans()), **_kw(draw))
    if kind == "zeropad1d":
        return _make(L.ZeroPadding1D, _small(draw, 1, 2))
    if kind == "pool1d":
        return _make(L.MaxPooling1D, _small(draw, 1, 2))
    if kind == "gap1d":
        return _make(L.GlobalAveragePooling1D, )
    if kind in ("LSTM", "GRU", "SimpleRNN"):
        return _make(REGISTRY[kind], units, return_sequences=draw(st.booleans()), **_kw(draw))
    if kind == "bidirectional":
        inner = _make(L.LSTM, units, return_sequences=draw(st.booleans()))
        merge_mode = draw(st.sampled_from(["concat", "sum"]))
        return lambda: L.Bidirectional(inner(), merge_mode=merge_mode)
    if kind == "mha":
        return _make(L.MultiHeadAttention, num_heads=_small(draw, 1, 3),
                     key_dim=_small(draw, 1, 4))
    if kind == "conv2d":
        return _make(L.Conv2D, units, _small(draw, 1, 3), padding=draw(st.sampled_from(["valid",
                                                                                   "same"])),
                        use_bias=draw(st.booleans()), **_kw(draw))
    if kind == "depthwise":
        return _make(L.DepthwiseConv2D, _small(draw, 1, 3), depth_multiplier=_small(draw, 1, 2),
                                 padding="same", **_kw(draw))
    if kind == "separable":
        return _make(L.SeparableConv2D, units, _small(draw, 1, 3), padding="same", **_kw(draw))
    if kind == "pool2d":
        return _make(L.MaxPooling2D, _small(draw, 1, 2))
    if kind == "gap2d":
        return _make(L.GlobalAveragePooling2D, )
    if kind == "spectral":
        inner = _make(L.Dense, units) if rank in (2, 3) else _make(L.Conv2D, units, 1)
        iterations = _small(draw, 1, 2)
        return lambda: L.SpectralNormalization(inner(), power_iterations=iterations)
    raise AssertionError(kind)


@st.composite
def models(draw):
    start = draw(st.sampled_from(["features", "sequence", "tokens", "image"]))
    if start == "features":
        input_shape, dtype = (_small(draw, 1, 12),), "float32"
    elif start == "sequence":
        input_shape, dtype = (_small(draw, 2, 8), _small(draw, 1, 6)), "float32"
    elif start == "tokens":
        input_shape, dtype = (_small(draw, 1, 6),), "int32"
    else:
        input_shape, dtype = (_small(draw, 3, 9), _small(draw, 3, 9), _small(draw, 1, 4)), \
            "float32"
    factories = []
    if start == "tokens":
        factories.append(_make(L.Embedding, _small(draw, 2, 30), _small(draw, 1, 6),
                               mask_zero=draw(st.booleans()),
                               lora_rank=draw(st.sampled_from([None, None, 1])), **_kw(draw)))
    n_layers = draw(st.integers(1, 5))
    # Probe: draw each layer from what fits the current output shape.
    naming.clear_session()
    x = keras.Input(input_shape, dtype=dtype)
    try:
        for i in range(len(factories) + n_layers):
            if i >= len(factories):
                factories.append(_layer_for(draw, tuple(x.shape)))
            x = _apply(factories[i](), x)
    except LayerError:
        return None  # the only allowed failure: the drawn stack does not fit
    # The model itself, from fresh layers.
    naming.clear_session()
    layers_ = [f() for f in factories]
    has_mha = any(type(l).__name__ == "MultiHeadAttention" for l in layers_)
    if draw(st.booleans()) and not has_mha:
        return keras.Sequential([keras.Input(input_shape, dtype=dtype)] + layers_)
    inputs = keras.Input(input_shape, dtype=dtype)
    x = inputs
    for layer in layers_:
        x = _apply(layer, x)
    return keras.Model(inputs, x)


def _apply(layer, x):
    if type(layer).__name__ == "MultiHeadAttention":
        return layer(x, x)
    return layer(x)


def _size(shape):
    return math.prod(shape)


def _check_invariants(model):
    summary = summarize(model, with_explain=False)
    rows = summary.layers
    # rows add up; totals add up
    assert all(r.built for r in rows)
    assert sum(r.params for r in rows) == summary.total_params
    assert summary.trainable_params + summary.non_trainable_params == summary.total_params
    unique = {id(w): w for w in model.weights}
    assert sum(_size(w.shape) for w in unique.values()) == summary.total_params
    for r in rows:
        assert r.params == sum(_size(w.shape) for w in r.weights), r.name
        assert r.trainable_params + r.non_trainable_params == r.params, r.name
        assert r.trainable_params == sum(_size(w.shape) for w in r.weights if w.trainable)
    # bytes from an independent dtype table
    weights = [w for r in rows for w in r.weights]
    assert summary.total_bytes == sum(_size(w.shape) * BYTES[w.dtype] for w in weights)
    assert summary.trainable_bytes == sum(_size(w.shape) * BYTES[w.dtype]
                                          for w in weights if w.trainable)
    return summary


@SETTINGS
@given(model=models(), data=st.data())
def test_summary_invariants_and_freezing(model, data):
    if model is None:
        return
    before = _check_invariants(model)
    layers_ = [l for l in model.layers if type(l).__name__ != "InputLayer"]
    layer = data.draw(st.sampled_from(layers_))
    index = [r.name for r in before.layers].index(layer.name)
    moved = before.layers[index].trainable_params
    layer.trainable = False
    after = _check_invariants(model)
    assert after.total_params == before.total_params
    assert after.total_bytes == before.total_bytes
    assert after.trainable_params == before.trainable_params - moved
    assert after.non_trainable_params == before.non_trainable_params + moved
    for i, (b, a) in enumerate(zip(before.layers, after.layers)):
        assert (a.name, a.params) == (b.name, b.params)
        if i == index:
            assert (a.trainable_params, a.non_trainable_params) == (0, b.params)
            assert not a.trainable
        else:
            assert (a.trainable_params, a.non_trainable_params) == (
                b.trainable_params, b.non_trainable_params), a.name


def test_generator_builds_models():
    """The strategy mostly produces models (not just rejected stacks)."""
    built = []

    @settings(max_examples=40, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(model=models())
    def collect(model):
        built.append(model is not None)

    collect()
    assert sum(built) >= len(built) // 2
