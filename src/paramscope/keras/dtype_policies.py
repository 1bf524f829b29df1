"""``keras.dtype_policies``: the dtype policies that decide a layer's variable and compute
dtypes (``mixed_float16`` keeps float32 weights; quantized policies change the weights)."""

from __future__ import annotations

from ..dtypes import DTypePolicy, global_policy, set_global_policy
from ..errors import ParamscopeError
from . import _api

QUANTIZATION_MODES = ("int8", "float8", "int4", "gptq", "awq")


class FloatDTypePolicy(DTypePolicy):
    __slots__ = ()


class QuantizedDTypePolicy(DTypePolicy):
    """``<mode>_from_<source>``: a quantized layer's policy."""

    __slots__ = ("_source_name",)

    def __init__(self, mode, source_name=None):
        if source_name is None:
            source_name = global_policy().name
        if mode not in QUANTIZATION_MODES:
            raise ParamscopeError(f"Invalid quantization mode. Expected one of "
                                  f"{QUANTIZATION_MODES}. Received: mode={mode}")
        super().__init__(f"{mode}_from_{source_name}")
        if self.compute_dtype == "float16" and mode == "int8":
            raise ParamscopeError(f"Quantization mode='{mode}' doesn't work well with "
                                  "compute_dtype='float16'.")
        self._source_name = source_name

    def get_config(self):
        return {"mode": self.quantization, "source_name": self._source_name}


class QuantizedFloat8DTypePolicy(QuantizedDTypePolicy):
    __slots__ = ("_amax_history_length",)
    default_amax_history_length = 1024

    def __init__(self, mode, source_name=None, amax_history_length=1024):
        super().__init__(mode, source_name)
        self._amax_history_length = amax_history_length

    @property
    def amax_history_length(self):
        return self._amax_history_length

    def get_config(self):
        return {**super().get_config(), "amax_history_length": self._amax_history_length}


class Int4DTypePolicy(QuantizedDTypePolicy):
    __slots__ = ()


class GPTQDTypePolicy(QuantizedDTypePolicy):
    __slots__ = ()


class AWQDTypePolicy(QuantizedDTypePolicy):
    __slots__ = ()


ALL_OBJECTS = (DTypePolicy, FloatDTypePolicy, QuantizedDTypePolicy,
               QuantizedFloat8DTypePolicy, Int4DTypePolicy, GPTQDTypePolicy, AWQDTypePolicy)


def serialize(dtype_policy):
    from .saving import serialize_keras_object
    return serialize_keras_object(dtype_policy)


def deserialize(config, custom_objects=None):
    from .saving import deserialize_keras_object
    return deserialize_keras_object(config, module_objects={c.__name__: c for c in ALL_OBJECTS},
                                    custom_objects=custom_objects)


def get(identifier):
    """A policy from None (the global one), a name, a config dict or a policy."""
    if identifier is None:
        return global_policy()
    if isinstance(identifier, DTypePolicy):
        return identifier
    if isinstance(identifier, dict):
        return deserialize(identifier)
    if isinstance(identifier, str):
        if identifier.startswith(QUANTIZATION_MODES) and "_from_" in identifier:
            mode, source = identifier.split("_from_", 1)
            cls = QuantizedFloat8DTypePolicy if mode == "float8" else QuantizedDTypePolicy
            return cls(mode, source)
        return DTypePolicy(identifier)
    try:
        return DTypePolicy(getattr(identifier, "name", identifier))
    except (ParamscopeError, TypeError):
        raise ParamscopeError(f"Cannot interpret `dtype` argument. Expected a string or an "
                              f"instance of DTypePolicy. Received: dtype={identifier}") from None


def set_dtype_policy(policy):
    if not isinstance(policy, DTypePolicy):
        if not isinstance(policy, str):
            raise ParamscopeError(
                "Invalid `policy` argument. Expected the string name of a policy (such as "
                "'mixed_float16') or a `DTypePolicy` instance. Received: "
                f"policy={policy} (of type {type(policy)})")
        policy = get(policy)
    set_global_policy(policy)


def dtype_policy():
    return global_policy()


def __getattr__(name):
    return _api.missing_name("keras.dtype_policies", name)
