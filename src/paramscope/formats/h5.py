"""Legacy HDF5 model files (``model.save('model.h5')``, tf.keras / Keras 2 and Keras 3).

The architecture is the root attribute ``model_config`` (JSON text, sometimes
bytes); weights live under ``model_weights/<layer>/<weight name>``.  h5py is
an optional dependency (``pip install 'paramscope[h5]'``), imported only here
and in :mod:`paramscope.formats.weights`.

libhdf5 can loop forever or allocate gigabytes on a damaged file, so the file
is read by :mod:`paramscope.formats.h5read` in a child process bounded in time
and memory (:mod:`paramscope.formats.bounded`); a file it cannot read within
the bounds is refused with one message.
"""

from __future__ import annotations

from ..errors import MissingDependencyError, ModelFileError
from . import bounded, safejson
from .config import model_from_config


def import_h5py(name, purpose="read legacy HDF5 (.h5) model files"):
    try:
        import h5py
    except ImportError:
        raise MissingDependencyError(
            f"{name}: paramscope needs h5py to {purpose}: pip install 'paramscope[h5]' "
            "(or save the model as .keras / export model.to_json(), which need nothing).") from None
    return h5py


def _read(source, name, with_weights, max_config_bytes):
    """The reader's messages: the config's, then the weights' (if asked and readable)."""
    from . import h5read
    try:
        return bounded.run_bounded(
            lambda send: h5read.read_legacy_file(source, max_config_bytes, with_weights, send))
    except bounded.ReaderFailed as e:
        if e.messages and "config" in e.messages[0]:
            return e.messages + [{"weights_error": f"not read {_failure_text(e)}"}]
        if e.reason == "error":
            raise ModelFileError(f"{name}: cannot read the model_config attribute ({e.detail}); "
                                 "the file is damaged.") from None
        raise ModelFileError(f"{name}: the file's model_config could not be read "
                             f"{_failure_text(e)}: the file is damaged.") from None


def _failure_text(failure):
    if failure.reason == "timeout":
        return f"within {bounded.timeout_seconds():g} s"
    if failure.reason == "memory":
        return f"within {bounded.MEMORY_BUDGET // 1024 ** 2} MB of memory"
    return f"(the HDF5 reader failed: {failure.detail})"


def _compile_optimizer(text, max_config_bytes):
    """The optimizer config of a file saved compiled (``training_config``'s
    ``optimizer_config``), or None; a damaged one is ignored (the summary does not need it)."""
    if not text:
        return None
    try:
        training = safejson.parse(text, "training_config", limit=max_config_bytes)
    except (ValueError, RecursionError):
        return None
    optimizer = training.get("optimizer_config") if isinstance(training, dict) else None
    return optimizer if isinstance(optimizer, (dict, str)) else None


def _optimizer_as_loaded(model):
    """Keras 3's legacy loader compiles a model saved compiled and, when the file holds
    optimizer weights, builds the optimizer on ``model._trainable_variables``: the model's
    OWN variables, none for a Sequential or Functional model. Its summary then prints
    "Optimizer params" for the variables of an optimizer built on no weights (iteration,
    learning_rate...)."""
    from ..costs.optimizers import build_state
    from ..costs.profile import choose_optimizer
    from ..errors import ParamscopeError
    try:
        optimizer, source = choose_optimizer(model)
    except ParamscopeError:
        return
    if source == "file":
        state = build_state(optimizer, [])
        model._file_optimizer = {"params": state.params, "bytes": state.bytes}


def load(source, ctx, check_weights=True, max_config_bytes=safejson.MAX_CONFIG_BYTES):
    name = ctx.source or "<HDF5 data>"
    import_h5py(name)  # here, before the reader forks: a clear message if it is missing
    messages = _read(source, name, check_weights, max_config_bytes)
    message = messages[0] if messages else {}
    if "open_error" in message:
        raise ModelFileError(
            f"{name}: cannot open the HDF5 file ({message['open_error']}); it is probably "
            "truncated or corrupted.")
    if "too_large" in message:
        safejson.check_size(message["too_large"], name, what="model_config attribute",
                            limit=max_config_bytes)
    if "config_error" in message:
        raise ModelFileError(f"{name}: cannot read the model_config attribute: "
                             f"{message['config_error']}")
    if "not_utf8" in message:
        raise ModelFileError(f"{name}: the model_config attribute is not UTF-8 text "
                             f"({message['not_utf8']}).")
    if "not_text" in message:
        raise ModelFileError(f"{name}: the model_config attribute is not text "
                             f"({message['not_text']}).")
    text = message.get("config")
    if text is None:
        if message.get("weights_only"):
            raise ModelFileError(
                f"{name}: this HDF5 file holds only weights (model.save_weights), not a "
                "model architecture: it has no model_config. Load the model's .keras/.h5 "
                "file or its JSON config (model.to_json()) instead.")
        raise ModelFileError(
            f"{name}: this HDF5 file has no Keras model config (no model_config attribute); "
            "it was not written by model.save().")
    ctx.set_keras_version(message.get("keras_version"))
    config = ctx.parse(text, f"{name} (model_config)", limit=max_config_bytes)
    model = model_from_config(config, ctx)
    optimizer = _compile_optimizer(message.get("training_config"), max_config_bytes)
    if optimizer is not None:
        model.file_compile_optimizer = optimizer
        if message.get("has_optimizer_weights"):
            _optimizer_as_loaded(model)
    model._file_info = {"source": ctx.source, "format": "h5", "keras_version": ctx.keras_version,
                        "layout": getattr(model, "_file_layout", None)}
    if check_weights and message.get("has_weights"):
        from . import weights
        stored = messages[1] if len(messages) > 1 else {"weights_error": "nothing was read"}
        if "weights" in stored:
            weights.check_legacy_shapes(model, stored["weights"], name)
        else:
            weights.unreadable(model, name, stored.get("weights_error"))
    return model
