"""``keras.models``."""

from __future__ import annotations

from ..graph import Functional, Model, Sequential


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """Read a ``.keras``/``.h5``/JSON model file's architecture (never its code or weights' values)."""
    from ..formats import load
    return load(filepath)


def model_from_json(json_string, custom_objects=None):
    from ..formats import load_json_string
    return load_json_string(json_string)


def model_from_config(config, custom_objects=None):
    from ..formats import load_config
    return load_config(config)


def clone_model(model, input_tensors=None, clone_function=None, call_function=None,
                recursive=False, **kwargs):
    """The same architecture with new, unbuilt layers (``keras.models.clone_model``)."""
    from ._cloning import clone_model as clone
    return clone(model, input_tensors=input_tensors, clone_function=clone_function,
                 call_function=call_function, recursive=recursive, **kwargs)


__all__ = ["Sequential", "Model", "Functional", "load_model", "model_from_json",
           "model_from_config", "clone_model", "save_model"]


def __getattr__(name):
    from . import _api
    return _api.missing_name("keras.models", name)
