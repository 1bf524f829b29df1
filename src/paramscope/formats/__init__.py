"""Reading Keras model files and configs.

``load(source)`` accepts a path (``.keras`` archive, legacy ``.h5``, JSON or
gzip'ed JSON: the format is detected from the content, not the extension), a
JSON string, bytes, or a config dict.  Only the architecture is read; when the
file also holds weights (and h5py is installed), their stored *shapes* are
compared with the computed ones (see :func:`weight_report`).  Nothing in a
file is ever executed.

>>> import json
>>> text = json.dumps({"class_name": "Sequential", "config": {"name": "tiny", "layers": [
...     {"class_name": "InputLayer", "config": {"batch_shape": [None, 2], "name": "x"}},
...     {"class_name": "Dense", "config": {"name": "d", "units": 3}}]}})
>>> model = load_json_string(text)
>>> model.name, model.layers[0].name, model.count_params()
('tiny', 'd', 9)
"""

from __future__ import annotations

import functools
import gzip
import io
import os

from ..errors import ModelFileError, ParamscopeError, with_message
from ..inputs import check_regular_file
from ..textsafe import safe_text
from . import safejson
from .config import LoadContext, deserialize_layer, layer_from_config, model_from_config
from .weights import WeightMismatch, WeightReport, weight_mismatches, weight_report

__all__ = ["load", "load_file", "load_json_string", "load_config", "layer_from_config",
           "deserialize_layer",
           "detect_format", "weight_report", "weight_mismatches", "WeightMismatch",
           "WeightReport"]

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
HDF5_MAGIC = b"\x89HDF\r\n\x1a\n"
GZIP_MAGIC = b"\x1f\x8b"


def _safe_messages(function):
    """Errors leave the loader with one-line, terminal-safe messages: names, paths and
    values from the file are shown escaped (see :mod:`paramscope.textsafe`)."""
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except ParamscopeError as e:
            message = str(e)
            safe = safe_text(message)
            if safe is message:
                raise
            raise with_message(e, safe) from None
    return wrapper


@_safe_messages
def load(source, *, assume_passthrough=(), check_weights=True, max_config_bytes=None, name=None):
    """A model from a file path, a JSON string, bytes or a config dict.

    ``assume_passthrough``: class (or layer) names paramscope does not know
    that should pass their input shape through with no weights.
    ``check_weights``: compare the file's stored weight shapes with the
    computed ones (needs h5py; never reads weight values).  ``False`` reads
    the architecture only.  ``name``: what messages call bytes (``<bytes>``).
    """
    options = dict(assume_passthrough=assume_passthrough, max_config_bytes=max_config_bytes)
    if isinstance(source, dict):
        return load_config(source, assume_passthrough=assume_passthrough)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _load_bytes(bytes(source), name or "<bytes>", check_weights=check_weights,
                           **options)
    if isinstance(source, os.PathLike):
        return load_file(source, check_weights=check_weights, **options)
    if isinstance(source, str):
        if not os.path.exists(source) and source.lstrip().startswith(("{", "[")):
            return load_json_string(source, assume_passthrough=assume_passthrough,
                                    max_config_bytes=max_config_bytes)
        return load_file(source, check_weights=check_weights, **options)
    if hasattr(source, "read"):
        name = getattr(source, "name", None) or "<file object>"
        limit = _limit(max_config_bytes)
        data = source.read(limit + 1)
        if isinstance(data, str):
            return load_json_string(data, assume_passthrough=assume_passthrough,
                                    max_config_bytes=max_config_bytes)
        return _load_bytes(data, str(name), check_weights=check_weights, **options)
    raise ModelFileError(
        f"cannot load a model from a {type(source).__name__}; pass a file path, a JSON string, "
        "bytes or a config dict.")


@_safe_messages
def load_json_string(text, *, assume_passthrough=(), max_config_bytes=None, source=None):
    """``keras.models.model_from_json``: a model from ``model.to_json()`` text."""
    ctx = LoadContext(source, assume_passthrough)
    config = ctx.parse(text, source or "<JSON string>", limit=_limit(max_config_bytes))
    model = model_from_config(config, ctx)
    _set_info(model, ctx, "json", source)
    return model


@_safe_messages
def load_config(config, *, assume_passthrough=(), source=None):
    """``keras.models.model_from_config``: a model from a config dict.

    Accepts ``json.loads(model.to_json())``, a ``.keras`` archive's
    config.json, or a bare ``model.get_config()``.
    """
    ctx = LoadContext(source, assume_passthrough)
    model = model_from_config(config, ctx)
    _set_info(model, ctx, "config", source)
    return model


def _limit(max_config_bytes):
    return safejson.MAX_CONFIG_BYTES if max_config_bytes is None else int(max_config_bytes)


def detect_format(head: bytes, path=None) -> str:
    """``"keras"`` (zip), ``"h5"``, ``"gzip"``, ``"json"`` or ``"unknown"`` from the first bytes."""
    if head.startswith(ZIP_MAGIC):
        return "keras"
    if head.startswith(HDF5_MAGIC):
        return "h5"
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"{", b"[")):
        return "json"
    return "unknown"


def _hdf5_with_userblock(path):
    """HDF5 files may start with a user block of 512, 1024, 2048, ... bytes."""
    try:
        with open(path, "rb") as f:
            offset = 512
            while offset <= 64 * 1024:
                f.seek(offset)
                if f.read(8) == HDF5_MAGIC:
                    return True
                offset *= 2
    except OSError:
        return False
    return False


@_safe_messages
def load_file(path, *, assume_passthrough=(), check_weights=True, max_config_bytes=None):
    """A model from a file, whatever its extension says."""
    path = os.fspath(path)
    if not os.path.exists(path):
        raise ModelFileError(f"{path}: no such file")
    if os.path.isdir(path):
        if os.path.exists(os.path.join(path, "saved_model.pb")):
            raise ModelFileError(
                f"{path}: a TensorFlow SavedModel directory, which paramscope does not read; save "
                "the model as .keras (model.save('model.keras')) or .h5 instead.")
        raise ModelFileError(f"{path}: is a directory; expected a .keras, .h5 or .json model file")
    try:
        check_regular_file(path, what="a model file")
    except ParamscopeError as e:
        raise ModelFileError(str(e)) from None
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as e:
        raise ModelFileError(f"{path}: cannot read the file: {e.strerror or e}") from None
    ctx = LoadContext(path, assume_passthrough)
    if not head:
        raise ModelFileError(f"{path}: the file is empty; expected a Keras model file.")
    kind = detect_format(head, path)
    if kind == "unknown" and _hdf5_with_userblock(path):
        kind = "h5"
    if kind == "keras":
        from . import keras_zip
        model = keras_zip.load(path, ctx, check_weights=check_weights,
                               max_config_bytes=_limit(max_config_bytes))
    elif kind == "h5":
        from . import h5
        model = h5.load(path, ctx, check_weights=check_weights,
                        max_config_bytes=_limit(max_config_bytes))
    elif kind in ("json", "gzip"):
        limit = _limit(max_config_bytes)
        data = _read_limited(path, limit, gz=kind == "gzip")
        return _load_bytes(data, path, assume_passthrough=assume_passthrough,
                           check_weights=check_weights, max_config_bytes=max_config_bytes)
    else:
        raise ModelFileError(_unknown_format_message(path, head))
    _set_info(model, ctx, kind, path)
    return model


def _read_limited(path, limit, gz=False):
    try:
        opener = gzip.open if gz else open
        with opener(path, "rb") as f:
            data = f.read(limit + 1)
    except (OSError, EOFError) as e:
        raise ModelFileError(f"{path}: cannot read the {'gzip ' if gz else ''}file: {e}") from None
    safejson.check_size(len(data), path, limit=limit)
    return data


def _load_bytes(data, source, *, assume_passthrough=(), check_weights=True, max_config_bytes=None):
    kind = detect_format(data[:16])
    limit = _limit(max_config_bytes)
    if kind == "gzip":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
                data = gz.read(limit + 1)
        except (OSError, EOFError) as e:
            raise ModelFileError(f"{source}: cannot decompress the gzip data: {e}") from None
        safejson.check_size(len(data), source, limit=limit)
        kind = detect_format(data[:16])
    if kind == "json":
        ctx = LoadContext(source, assume_passthrough)
        config = ctx.parse(data, source, limit=limit)
        model = model_from_config(config, ctx)
        _set_info(model, ctx, "json", source)
        return model
    if kind == "keras":
        from . import keras_zip
        ctx = LoadContext(source, assume_passthrough)
        model = keras_zip.load(io.BytesIO(data), ctx, check_weights=check_weights,
                               max_config_bytes=limit)
        _set_info(model, ctx, "keras", source)
        return model
    if kind == "h5":
        from . import h5
        ctx = LoadContext(source, assume_passthrough)
        model = h5.load(io.BytesIO(data), ctx, check_weights=check_weights,
                        max_config_bytes=limit)
        _set_info(model, ctx, "h5", source)
        return model
    raise ModelFileError(_unknown_format_message(source, data[:16]))


def _unknown_format_message(path, head):
    ext = os.path.splitext(str(path))[1].lower()
    shown = head[:8]
    if ext == ".keras":
        return (f"{path}: not a .keras archive: a .keras file is a zip, but this file starts with "
                f"{shown!r} (truncated, or another format?)")
    if ext in (".h5", ".hdf5", ".hdf"):
        return (f"{path}: not an HDF5 file (it starts with {shown!r}); expected a Keras model "
                "saved with model.save('model.h5')")
    if ext == ".pb":
        return (f"{path}: a TensorFlow graph file, which paramscope does not read; save the model "
                "as .keras or .h5 instead.")
    return (f"{path}: unrecognized file format (it starts with {shown!r}); paramscope reads "
            ".keras archives, legacy .h5 files and JSON configs (model.to_json()).")


def _set_info(model, ctx, kind, source):
    info = dict(getattr(model, "_file_info", None) or {})
    info.setdefault("source", source)
    info.setdefault("format", kind)
    info.setdefault("keras_version", ctx.keras_version)
    info.setdefault("layout", getattr(model, "_file_layout", None))
    model._file_info = info
