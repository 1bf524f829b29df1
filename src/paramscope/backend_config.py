"""Global settings Keras keeps in ``keras.config`` / ``keras.backend``."""

from __future__ import annotations

from .errors import ParamscopeError

_state = {"image_data_format": "channels_last", "epsilon": 1e-7, "backend": "jax"}


def image_data_format() -> str:
    return _state["image_data_format"]


def set_image_data_format(data_format: str) -> None:
    data_format = str(data_format).lower()
    if data_format not in ("channels_first", "channels_last"):
        raise ParamscopeError(
            "The `data_format` argument must be one of {'channels_first', 'channels_last'}. "
            f"Received: data_format={data_format!r}")
    _state["image_data_format"] = data_format


def epsilon() -> float:
    return _state["epsilon"]


def set_epsilon(value: float) -> None:
    _state["epsilon"] = float(value)


def backend() -> str:
    """The backend Keras runs on: tf.keras (``--style keras2`` scripts) always runs on
    TensorFlow."""
    from .naming import keras2_active
    return "tensorflow" if keras2_active() else _state["backend"]


def set_backend(name: str) -> None:
    """``keras.config.set_backend``: the backend Keras would now run on."""
    _state["backend"] = name


def reset() -> None:
    """Back to Keras's defaults (tests, and each ``paramscope run``)."""
    from . import dtypes
    _state.update(image_data_format="channels_last", epsilon=1e-7, backend="jax")
    dtypes._state.update(floatx="float32", policy=None)
