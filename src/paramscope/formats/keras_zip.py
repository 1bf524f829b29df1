"""``.keras`` archives (Keras 3, and tf.keras 2.13+): a zip of config.json, metadata.json
and model.weights.h5.

Members are read in memory with size limits; nothing is extracted to disk.
The parser is chosen by the config's node format (Keras 3 or Keras 2), not by
the archive.  Weights are only looked at (shapes, never values) when
``check_weights`` is on and h5py is installed.
"""

from __future__ import annotations

import zipfile
import zlib

from ..errors import ModelFileError
from . import safejson
from .config import model_from_config

METADATA_LIMIT = 1024 * 1024


def _open_zip(source, name):
    try:
        return zipfile.ZipFile(source)
    except zipfile.BadZipFile as e:
        raise ModelFileError(
            f"{name}: not a valid .keras archive ({e}); the file is probably truncated or "
            "corrupted. Save the model again with model.save('model.keras').") from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as e:
        raise ModelFileError(f"{name}: cannot read the .keras archive ({e}); the file is probably "
                             "corrupted.") from None


def read_member(zf, member, name, limit, what=None):
    """A zip member's bytes, never more than ``limit`` (checked before and while reading)."""
    info = zf.getinfo(member)
    what = what or member
    safejson.check_size(info.file_size, name, what=what, limit=limit)
    try:
        with zf.open(info) as f:
            data = f.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
            RuntimeError) as e:
        raise ModelFileError(
            f"{name}: cannot read {member} from the archive ({e}); the file is probably "
            "truncated or corrupted.") from None
    safejson.check_size(len(data), name, what=what, limit=limit)
    return data


def load(source, ctx, check_weights=True, max_config_bytes=safejson.MAX_CONFIG_BYTES):
    name = ctx.source or "<.keras archive>"
    zf = _open_zip(source, name)
    with zf:
        members = zf.namelist()
        if "config.json" not in members:
            shown = ", ".join(members[:6]) + (", ..." if len(members) > 6 else "")
            raise ModelFileError(
                f"{name}: this zip archive has no config.json, so it is not a Keras model "
                f"archive (it holds: {shown or 'nothing'}).")
        if "metadata.json" in members:
            try:
                metadata = safejson.parse(read_member(zf, "metadata.json", name, METADATA_LIMIT),
                                          f"{name} (metadata.json)", limit=METADATA_LIMIT)
                if isinstance(metadata, dict):
                    ctx.set_keras_version(metadata.get("keras_version"))
            except (ValueError, RecursionError):  # ModelFileError is a ValueError
                ctx.note(f"{name}: metadata.json could not be read; ignored.")
        data = read_member(zf, "config.json", name, max_config_bytes, what="config.json")
        config = ctx.parse(data, f"{name} (config.json)", limit=max_config_bytes)
        model = model_from_config(config, ctx)
        compile_config = config.get("compile_config") if isinstance(config, dict) else None
        if isinstance(compile_config, dict) and compile_config.get("optimizer") is not None:
            # What load_model(compile=True) would compile it with: the profile's optimizer.
            model.file_compile_optimizer = compile_config["optimizer"]
        model._file_info = {"source": ctx.source, "format": "keras",
                            "keras_version": ctx.keras_version,
                            "layout": getattr(model, "_file_layout", None),
                            "members": list(members)}
        if check_weights:
            from . import weights
            report = weights.check_keras_archive(model, zf, source, name)
            # load_model(compile=True) compiles a model saved compiled and loads its
            # optimizer's variables: Keras then prints "Optimizer params" (and counts
            # them in the total).
            if (report is not None and report.optimizer_params is not None
                    and isinstance(config, dict) and config.get("compile_config")):
                model._file_optimizer = {"params": report.optimizer_params,
                                         "bytes": report.optimizer_bytes}
    return model
