"""Legacy HDF5 model files (``model.save('model.h5')``, tf.keras / Keras 2 and Keras 3).

The architecture is the root attribute ``model_config`` (JSON text, sometimes
bytes); weights live under ``model_weights/<layer>/<weight name>``.  h5py is
an optional dependency (``pip install 'paramscope[h5]'``), imported only here
and in :mod:`paramscope.formats.weights`.
"""

from __future__ import annotations

from ..errors import MissingDependencyError, ModelFileError
from . import safejson
from .config import model_from_config


def import_h5py(name, purpose="read legacy HDF5 (.h5) model files"):
    try:
        import h5py
    except ImportError:
        raise MissingDependencyError(
            f"{name}: paramscope needs h5py to {purpose}: pip install 'paramscope[h5]' "
            "(or save the model as .keras / export model.to_json(), which need nothing).") from None
    return h5py


def _attr_text(value):
    """An HDF5 string attribute as text (it may be bytes, numpy bytes or a 0-d array)."""
    if hasattr(value, "tolist") and not isinstance(value, (bytes, str)):
        value = value.tolist()
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return value


def load(source, ctx, check_weights=True, max_config_bytes=safejson.MAX_CONFIG_BYTES):
    name = ctx.source or "<HDF5 data>"
    h5py = import_h5py(name)
    try:
        f = h5py.File(source, "r")
    except (OSError, ValueError, RuntimeError) as e:
        raise ModelFileError(
            f"{name}: cannot open the HDF5 file ({e}); it is probably truncated or "
            "corrupted.") from None
    with f:
        try:
            if "model_config" in f.attrs:
                safejson.check_size(f.attrs.get_id("model_config").get_storage_size(), name,
                                    what="model_config attribute", limit=max_config_bytes)
            raw = f.attrs.get("model_config")
            version = f.attrs.get("keras_version")
            has_weights = "model_weights" in f
            weights_only = raw is None and (
                "layer_names" in f.attrs or "model_weights" in f or "layers" in f or "vars" in f)
        except (OSError, ValueError, TypeError, RuntimeError, KeyError) as e:
            raise ModelFileError(f"{name}: cannot read the model_config attribute: {e}") from None
        if raw is None:
            if weights_only:
                raise ModelFileError(
                    f"{name}: this HDF5 file holds only weights (model.save_weights), not a "
                    "model architecture: it has no model_config. Load the model's .keras/.h5 "
                    "file or its JSON config (model.to_json()) instead.")
            raise ModelFileError(
                f"{name}: this HDF5 file has no Keras model config (no model_config attribute); "
                "it was not written by model.save().")
        try:
            text = _attr_text(raw)
        except UnicodeDecodeError as e:
            raise ModelFileError(f"{name}: the model_config attribute is not UTF-8 text ({e}).") from None
        if not isinstance(text, str):
            raise ModelFileError(f"{name}: the model_config attribute is not text "
                                 f"({type(text).__name__}).")
        try:
            ctx.set_keras_version(_attr_text(version))
        except UnicodeDecodeError:
            pass
        config = ctx.parse(text, f"{name} (model_config)", limit=max_config_bytes)
        model = model_from_config(config, ctx)
        model._file_info = {"source": ctx.source, "format": "h5", "keras_version": ctx.keras_version,
                            "layout": getattr(model, "_file_layout", None)}
        if check_weights and has_weights:
            from . import weights
            weights.check_legacy_group(model, f, name)
    return model
