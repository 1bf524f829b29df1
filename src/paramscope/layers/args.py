"""Argument checks shared by layer constructors (Keras's argument_validation).

Each returns the standardized value or raises a :class:`LayerError` naming the
argument, what was received and what is accepted.  Identifiers (activations,
initializers, regularizers, constraints) are checked the way Keras checks them
when a layer is constructed in Python; when a model *file* is read, unknown
identifiers are accepted (they do not change shapes) and noted instead.
"""

from __future__ import annotations

import contextlib
import contextvars

from ..errors import LayerError

_lenient = contextvars.ContextVar("paramscope_lenient_identifiers", default=False)
_notes = contextvars.ContextVar("paramscope_identifier_notes", default=None)


@contextlib.contextmanager
def lenient_identifiers(notes=None):
    """Accept unknown activation/initializer/... names (reading model files)."""
    token = _lenient.set(True)
    token2 = _notes.set(notes)
    try:
        yield
    finally:
        _lenient.reset(token)
        _notes.reset(token2)


def is_lenient() -> bool:
    return _lenient.get()


def _int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _integer_like(value):
    """A NumPy integer (``np.int64(2)``, from ``np.array([1, 2]) * 2``): Keras takes it where
    it takes an int."""
    return hasattr(value, "__index__") and not isinstance(value, bool)


def positive_int(value, name, owner, allow_none=False):
    if value is None and allow_none:
        return None
    if _int(value) and value > 0:
        return value
    if _integer_like(value):
        v = int(value.__index__())
        if v > 0:
            return v
    raise LayerError(
        f"{owner}: received an invalid value for `{name}`, expected a positive integer. "
        f"Received: {name}={value!r}")


def standardize_tuple(value, n, name, owner, allow_zero=False):
    """``3`` -> ``(3, 3)``; checks length and positivity (Keras's standardize_tuple)."""
    if value.__class__ in (list, tuple) and len(value) == n:  # the usual case: all fine
        low = 0 if allow_zero else 1
        for v in value:
            if v.__class__ is not int or v < low:
                break
        else:
            return tuple(value)
    expected = f"`{name}` must be an integer or a tuple of {n} integers"
    if _int(value):
        values = (value,) * n
    else:
        try:
            values = tuple(value)
        except TypeError:
            raise LayerError(f"{owner}: {expected}. Received: {name}={value!r}") from None
        if len(values) != n:
            raise LayerError(f"{owner}: {expected}. Received: {name}={value!r}")
        for v in values:
            if not _int(v) and not _integer_like(v):
                raise LayerError(
                    f"{owner}: {expected}. Received: {name}={value!r} including element {v!r} of "
                    f"type {type(v).__name__}")
        values = tuple(v if _int(v) else int(v.__index__()) for v in values)
    bad = [v for v in values if (v < 0 if allow_zero else v <= 0)]
    if bad:
        raise LayerError(
            f"{owner}: {expected}, each {'>= 0' if allow_zero else '> 0'}. Received: {name}={value!r}")
    return tuple(values)


def standardize_padding(value, owner, allow_causal=False):
    if isinstance(value, (tuple, list)):
        return value
    padding = value.lower() if isinstance(value, str) else value
    allowed = ("valid", "same", "causal") if allow_causal else ("valid", "same")
    if padding not in allowed:
        raise LayerError(
            f"{owner}: the `padding` argument must be one of {allowed}. Received: padding={value!r}")
    return padding


def standardize_data_format(value, owner):
    if value == "channels_last" or value == "channels_first":
        return value
    from .. import backend_config
    if value is None:
        return backend_config.image_data_format()
    data_format = str(value).lower()
    if data_format not in ("channels_first", "channels_last"):
        raise LayerError(
            f"{owner}: the `data_format` argument must be one of {{'channels_first', "
            f"'channels_last'}}. Received: data_format={value!r}")
    return data_format


def boolean(value, name, owner):
    if isinstance(value, bool) or value in (0, 1):
        return bool(value)
    raise LayerError(f"{owner}: `{name}` must be True or False. Received: {name}={value!r}")


def choice(value, name, owner, options):
    if value not in options:
        raise LayerError(
            f"{owner}: invalid value for `{name}`: expected one of {tuple(options)}. "
            f"Received: {name}={value!r}")
    return value


ACTIVATIONS = frozenset({
    "celu", "elu", "exponential", "gelu", "glu", "hard_shrink", "hard_sigmoid", "hard_silu",
    "hard_swish", "hard_tanh", "leaky_relu", "linear", "log_sigmoid", "log_softmax", "mish",
    "relu", "relu6", "selu", "sigmoid", "silu", "soft_shrink", "softmax", "softplus", "softsign",
    "sparse_plus", "sparse_sigmoid", "sparsemax", "squareplus", "swish", "tanh", "tanh_shrink",
    "threshold",
})

INITIALIZERS = frozenset({
    "Constant", "GlorotNormal", "GlorotUniform", "HeNormal", "HeUniform", "Identity",
    "IdentityInitializer", "Initializer", "LecunNormal", "LecunUniform", "Ones", "Orthogonal",
    "OrthogonalInitializer", "RandomNormal", "RandomUniform", "STFT", "STFTInitializer",
    "TruncatedNormal", "VarianceScaling", "Zeros", "constant", "glorot_normal", "glorot_uniform",
    "he_normal", "he_uniform", "identity", "initializer", "lecun_normal", "lecun_uniform",
    "normal", "one", "ones", "orthogonal", "random_normal", "random_uniform", "stft",
    "truncated_normal", "uniform", "variance_scaling", "zero", "zeros",
})

REGULARIZERS = frozenset({"L1", "L1L2", "L2", "OrthogonalRegularizer", "Regularizer", "l1",
                          "l1l2", "l2", "orthogonal_regularizer", "regularizer"})

CONSTRAINTS = frozenset({"Constraint", "MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm",
                         "constraint", "max_norm", "min_max_norm", "non_neg", "unit_norm"})

_KINDS = {
    "activation": ("activation function", ACTIVATIONS),
    "initializer": ("initializer", INITIALIZERS),
    "regularizer": ("regularizer", REGULARIZERS),
    "constraint": ("constraint", CONSTRAINTS),
}


def identifier(value, kind, owner, name=None):
    """Check an activation/initializer/regularizer/constraint identifier.

    Strings must be names Keras knows; config dicts and callables are taken as
    they are.  Returns the value unchanged (paramscope never calls them).
    """
    if value is None or callable(value) or isinstance(value, dict):
        return value
    label, known = _KINDS[kind]
    if isinstance(value, str):
        if value in known or (kind == "activation" and value == ""):
            return value
        if is_lenient():
            notes = _notes.get()
            if notes is not None:
                notes.append(f"{owner}: unknown {label} {value!r} (it does not change shapes)")
            return value
        raise LayerError(
            f"{owner}: could not interpret {label} identifier {value!r}"
            + (f" for `{name}`" if name else "")
            + f". Known names include: {', '.join(sorted(v for v in known if v.islower())[:12])}, ...")
    if is_lenient():
        return value
    raise LayerError(
        f"{owner}: could not interpret {label} identifier {value!r} (of type "
        f"{type(value).__name__})" + (f" for `{name}`" if name else "") + ".")


def _kind_of(argument):
    for suffix in ("initializer", "regularizer", "constraint"):
        if argument.endswith(suffix):
            return suffix
    if argument.endswith("activation"):
        return "activation"
    raise ValueError(f"not an identifier argument: {argument}")


_kinds_by_argument: dict = {}


def set_identifiers(layer, owner, **arguments):
    """Check and set identifier arguments by name: ``kernel_initializer=...`` is checked as
    an initializer, ``*_regularizer``/``*_constraint``/``*activation`` likewise."""
    for argument, value in arguments.items():
        kind = _kinds_by_argument.get(argument)
        if kind is None:
            kind = _kinds_by_argument[argument] = _kind_of(argument)
        value = identifier(value, kind, owner)
        if value is None or value.__class__ in (str, dict):
            # never a sub-layer: no need for the layer's attribute tracking
            object.__setattr__(layer, argument, value)
        else:
            setattr(layer, argument, value)


def owner_of(layer_cls, name=None) -> str:
    return f"{layer_cls.__name__}" + (f" '{name}'" if name else "")

