"""Dtypes and dtype policies, as Keras 3 resolves them.

A layer's ``dtype`` argument is a policy: ``"float32"``, ``"mixed_float16"``,
a ``DTypePolicy`` config dict, ...  Its *variable* dtype decides how many bytes
a weight takes (mixed policies keep float32 variables).
"""

from __future__ import annotations

from .errors import ParamscopeError

# Bits per element, as keras/src/utils/dtype_utils.py DTYPE_TO_SIZE.
DTYPE_BITS = {
    "float16": 16, "float32": 32, "float64": 64, "bfloat16": 16,
    "int8": 8, "int16": 16, "int32": 32, "int64": 64,
    "uint8": 8, "uint16": 16, "uint32": 32, "uint64": 64,
    "bool": 1,
    # Not in Keras's size table (Keras would fail to size them); sized sensibly.
    "float8_e4m3fn": 8, "float8_e5m2": 8, "complex64": 64, "complex128": 128,
    "int4": 4, "uint4": 4,
}

ALLOWED_DTYPES = frozenset(DTYPE_BITS) | {"string"}

_ALIASES = {
    "float": "float32", "half": "float16", "double": "float64",
    "int": "int32", "str": "string", "bool_": "bool",
}

_state = {"floatx": "float32", "policy": None}


def floatx() -> str:
    return _state["floatx"]


def set_floatx(value: str) -> None:
    _state["floatx"] = standardize_dtype(value)


def standardize_dtype(dtype) -> str:
    """``'float32'`` from ``None``, ``float``, ``'float'``, numpy dtypes, ..."""
    if dtype is None:
        return floatx()
    if dtype.__class__ is str and dtype in ALLOWED_DTYPES:
        return dtype
    if dtype is bool:
        return "bool"
    if dtype is int:
        return "int32"
    if dtype is float:
        return "float32"
    if dtype is str:
        return "string"
    name = getattr(dtype, "name", None)
    if isinstance(name, str):
        dtype = name
    elif not isinstance(dtype, str) and hasattr(dtype, "__name__"):
        dtype = dtype.__name__
    dtype = str(dtype)
    if "." in dtype:  # "tf.float32", "torch.float16", "jax.numpy.float32"
        dtype = dtype.rsplit(".", 1)[-1]
    dtype = _ALIASES.get(dtype, dtype)
    if dtype not in ALLOWED_DTYPES:
        raise ParamscopeError(
            f"Invalid dtype: {dtype!r}. Expected one of {sorted(ALLOWED_DTYPES)}."
        )
    return dtype


def dtype_bits(dtype: str) -> int:
    return DTYPE_BITS.get(dtype, 32)


class DTypePolicy:
    """A dtype policy: the dtype variables are stored in, and computed in.

    ``quantization`` is ``None`` or the quantization mode (``"int8"``,
    ``"int4"``, ``"float8"``) of a quantized policy such as
    ``"int8_from_float32"``.
    """

    __slots__ = ("name", "variable_dtype", "compute_dtype", "quantization")

    def __init__(self, name=None):
        if name is None:  # Keras: the global policy's name
            name = global_policy().name
        if not isinstance(name, str):
            raise ParamscopeError(f"A dtype policy name must be a string. Received: {name!r}")
        self.name = name
        self.quantization = None
        if name.startswith("mixed_"):
            self.variable_dtype = "float32"
            self.compute_dtype = standardize_dtype(name[len("mixed_"):])
        elif "_from_" in name:
            mode, source = name.split("_from_", 1)
            self.quantization = mode
            base = DTypePolicy(source)
            self.variable_dtype = base.variable_dtype
            self.compute_dtype = base.compute_dtype
        else:
            self.variable_dtype = self.compute_dtype = standardize_dtype(name)

    def __repr__(self):
        return f'<DTypePolicy "{self.name}">'

    def get_config(self):
        return {"name": self.name}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    @property
    def quantization_mode(self):
        return self.quantization

    def __eq__(self, other):
        plain = ("DTypePolicy", "FloatDTypePolicy")
        same_kind = (type(other) is type(self) or (type(self).__name__ in plain
                                                   and type(other).__name__ in plain))
        return isinstance(other, DTypePolicy) and same_kind and self.name == other.name

    def __hash__(self):
        return hash(self.name)


def get_policy(value) -> DTypePolicy:
    """Resolve a layer's ``dtype`` argument (string, config dict, policy)."""
    if value is None:
        # Keras's dtype_policy(): the first use pins the policy to the current floatx
        # (a later set_floatx changes nothing until clear_session()).
        if _state["policy"] is None:
            _state["policy"] = DTypePolicy(floatx())
        return _state["policy"]
    if isinstance(value, DTypePolicy):
        return value
    if isinstance(value, dict):
        # Keras 3: {"module": "keras", "class_name": "DTypePolicy", "config": {"name": ...}}
        # tf.keras: {"class_name": "Policy", "config": {"name": ...}}
        config = value.get("config", value)
        if isinstance(config, dict) and "mode" in config and "source_name" in config:
            # Keras 3's QuantizedDTypePolicy / QuantizedFloat8DTypePolicy config.
            return DTypePolicy(f"{config['mode']}_from_{config['source_name']}")
        name = config.get("name") if isinstance(config, dict) else None
        if name is None:
            # DTypePolicyMap and the like: use the default policy of the map.
            default = config.get("default_policy") if isinstance(config, dict) else None
            return get_policy(default)
        return DTypePolicy(name)
    name = getattr(value, "name", value)
    return DTypePolicy(name if isinstance(name, str) else standardize_dtype(name))


def set_global_policy(value) -> None:
    _state["policy"] = None if value is None else get_policy(value)


def global_policy() -> DTypePolicy:
    return get_policy(None)
