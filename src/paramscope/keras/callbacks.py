"""``keras.callbacks``: callbacks are built, checked and kept as Keras 3.15 builds them.

Training never runs in paramscope, so no callback method is ever called by it; a script's
own ``Callback`` subclasses and the built-in callbacks construct as in Keras (same
arguments, same errors for bad ones, e.g. a ``ModelCheckpoint`` path that is not ``.keras``)
and are accepted by ``model.fit(callbacks=[...])`` up to the point where training needs
real computation.
"""

from __future__ import annotations

import warnings

from ..errors import ParamscopeError
from . import _api


class Callback:
    """``keras.callbacks.Callback``: subclass it and override the ``on_*`` methods."""

    def __init__(self):
        self.params = None
        self._model = None

    def _stand_in_init(self, config):
        Callback.__init__(self)

    def set_params(self, params):
        self.params = params

    def set_model(self, model):
        self._model = model

    @property
    def model(self):
        return self._model

    def on_batch_begin(self, batch, logs=None):
        """A backwards compatibility alias for `on_train_batch_begin`."""

    def on_batch_end(self, batch, logs=None):
        """A backwards compatibility alias for `on_train_batch_end`."""

    def on_epoch_begin(self, epoch, logs=None):
        pass

    def on_epoch_end(self, epoch, logs=None):
        pass

    def on_train_batch_begin(self, batch, logs=None):
        self.on_batch_begin(batch, logs=logs)

    def on_train_batch_end(self, batch, logs=None):
        self.on_batch_end(batch, logs=logs)

    def on_test_batch_begin(self, batch, logs=None):
        pass

    def on_test_batch_end(self, batch, logs=None):
        pass

    def on_predict_batch_begin(self, batch, logs=None):
        pass

    def on_predict_batch_end(self, batch, logs=None):
        pass

    def on_train_begin(self, logs=None):
        pass

    def on_train_end(self, logs=None):
        pass

    def on_test_begin(self, logs=None):
        pass

    def on_test_end(self, logs=None):
        pass

    def on_predict_begin(self, logs=None):
        pass

    def on_predict_end(self, logs=None):
        pass


class History(Callback):
    def __init__(self):
        super().__init__()
        self.history = {}


class ProgbarLogger(Callback):
    def __init__(self):
        super().__init__()
        self.seen = 0
        self.progbar = None
        self.target = None
        self.verbose = 1
        self.epochs = 1


class CallbackList(Callback):
    """A list of callbacks (Keras adds History and ProgbarLogger when asked)."""

    def __init__(self, callbacks=None, add_history=False, add_progbar=False, model=None,
                 **params):
        super().__init__()
        from .. import tree
        self.callbacks = tree.flatten(callbacks) if callbacks else []
        self._history = next((cb for cb in self.callbacks if isinstance(cb, History)), None)
        self._progbar = next((cb for cb in self.callbacks if isinstance(cb, ProgbarLogger)),
                             None)
        if self._history is None and add_history:
            self._history = History()
            self.callbacks.append(self._history)
        if self._progbar is None and add_progbar:
            self._progbar = ProgbarLogger()
            self.callbacks.append(self._progbar)
        if model:
            self.set_model(model)
        if params:
            self.set_params(params)

    def append(self, callback):
        self.callbacks.append(callback)

    def set_params(self, params):
        self.params = params
        for callback in self.callbacks:
            callback.set_params(params)

    def set_model(self, model):
        super().set_model(model)
        for callback in self.callbacks:
            callback.set_model(model)


class _MonitorCallback(Callback):
    """Keras's private base of the callbacks that watch a metric (its ``mode`` check)."""

    def __init__(self, monitor="val_loss", mode="auto", baseline=None, min_delta=0,
                 stacklevel=3):
        super().__init__()
        if mode not in ["auto", "min", "max"]:  # the warning points at the script's line
            warnings.warn(f"{self.__class__.__name__} mode '{mode}' is unknown, fallback to "
                          "auto mode.", stacklevel=stacklevel)
            mode = "auto"
        self.monitor = monitor
        self.mode = mode
        self.best = baseline
        self.min_delta = abs(min_delta)
        self.monitor_op = None


class _PatienceCallback(_MonitorCallback):
    """A callback that acts when the metric has not improved for ``patience`` epochs (it
    counts them in ``wait``)."""

    def __init__(self, monitor, mode, min_delta, patience, verbose):
        super().__init__(monitor, mode, min_delta=min_delta, stacklevel=4)
        self.patience = patience
        self.verbose = verbose
        self.wait = 0


class EarlyStopping(_PatienceCallback):
    def __init__(self, monitor="val_loss", min_delta=0, patience=0, verbose=0, mode="auto",
                 baseline=None, restore_best_weights=False, start_from_epoch=0):
        super().__init__(monitor, mode, min_delta, patience, verbose)
        self.baseline = baseline
        self.stopped_epoch = 0
        self.restore_best_weights = restore_best_weights
        self.best_weights = None
        self.start_from_epoch = start_from_epoch


def _path_string(path):
    import os
    return os.fspath(path) if isinstance(path, os.PathLike) else path


class ModelCheckpoint(_MonitorCallback):
    def __init__(self, filepath, monitor="val_loss", verbose=0, save_best_only=False,
                 save_weights_only=False, mode="auto", save_freq="epoch",
                 initial_value_threshold=None):
        super().__init__(monitor, mode, initial_value_threshold)
        self.verbose = verbose
        self.filepath = _path_string(filepath)
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.save_freq = save_freq
        if self.save_freq != "epoch" and not isinstance(self.save_freq, int):
            raise ParamscopeError(f"Unrecognized save_freq: {self.save_freq}. Expected "
                                  "save_freq are 'epoch' or integer values")
        if save_weights_only:
            if not self.filepath.endswith(".weights.h5"):
                raise ParamscopeError(
                    "When using `save_weights_only=True` in `ModelCheckpoint`, the filepath "
                    "provided must end in `.weights.h5` (Keras weights format). Received: "
                    f"filepath={self.filepath}")
        elif not any(self.filepath.endswith(ext) for ext in (".keras", ".h5")):
            raise ParamscopeError("The filepath provided must end in `.keras` (Keras model "
                                  f"format). Received: filepath={self.filepath}")


class ReduceLROnPlateau(_PatienceCallback):
    def __init__(self, monitor="val_loss", factor=0.1, patience=10, verbose=0, mode="auto",
                 min_delta=1e-4, cooldown=0, min_lr=0.0, **kwargs):
        super().__init__(monitor, mode, min_delta, patience, verbose)
        if factor >= 1.0:
            raise ParamscopeError("ReduceLROnPlateau does not support a factor >= 1.0. "
                                  f"Received factor={factor}")
        self.factor = factor
        self.min_lr = min_lr
        self.cooldown = cooldown
        self.cooldown_counter = 0


class BackupAndRestore(Callback):
    def __init__(self, backup_dir, save_freq="epoch", double_checkpoint=False,
                 delete_checkpoint=True):
        super().__init__()
        self.save_freq = save_freq
        self.double_checkpoint = double_checkpoint
        self.delete_checkpoint = delete_checkpoint
        if not backup_dir:
            raise ParamscopeError("Empty `backup_dir` argument passed")
        self.backup_dir = backup_dir
        if save_freq != "epoch" and not isinstance(save_freq, int):
            raise ParamscopeError("Invalid value for argument `save_freq`. Received: "
                                  f"save_freq={save_freq}. Expected either 'epoch' or an "
                                  "integer value.")


class LearningRateScheduler(Callback):
    def __init__(self, schedule, verbose=0):
        super().__init__()
        self.schedule = schedule
        self.verbose = verbose


class CSVLogger(Callback):
    def __init__(self, filename, separator=",", append=False):
        super().__init__()
        self.sep = separator
        self.filename = _path_string(filename)
        self.append = append


class LambdaCallback(Callback):
    def __init__(self, on_epoch_begin=None, on_epoch_end=None, on_train_begin=None,
                 on_train_end=None, on_train_batch_begin=None, on_train_batch_end=None,
                 **kwargs):
        super().__init__()
        self.__dict__.update(kwargs)
        given = {"on_epoch_begin": on_epoch_begin, "on_epoch_end": on_epoch_end,
                 "on_train_begin": on_train_begin, "on_train_end": on_train_end,
                 "on_train_batch_begin": on_train_batch_begin,
                 "on_train_batch_end": on_train_batch_end}
        for key, value in given.items():
            if value is not None:
                setattr(self, key, value)


class TerminateOnNaN(Callback):
    def __init__(self, raise_error=False):
        super().__init__()
        self.raise_error = raise_error


def __getattr__(name):
    return _api.missing_name("keras.callbacks", name)


def __dir__():
    return sorted(set(_api.public_names("keras.callbacks")) | set(globals()))
